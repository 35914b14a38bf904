//! The Payouts screen's Runs tab: the runs newest first on the left (the draft, if any, on
//! top), the chosen run on the right. A cut-off day and "Compute draft" make the draft (again);
//! a draft is finalised or discarded, a finalised run exported (payout sheet, PayPal, Wise,
//! SEPA) and marked paid, for everyone or one creator. Every creator of the run is listed with
//! where they stand (payable, paid, carried with the reason, blocked with what is missing) and
//! their amounts: commissions, fees, adjustments, carried in, VAT and what is paid or carried.
//!
//! `runsTab(state)`: `state` is an earlier `snapshot()` (the chosen run and cut-off).

import * as api from '../api.js';
import { h, mount, icon, ICONS } from '../shared/dom.js';
import { t, tn, fmt } from '../shared/i18n.js';
import { errorText, asPayload } from '../shared/errors.js';
import { dateField } from '../shared/date-field.js';
import { confirm } from '../shared/dialog.js';
import { toast, toastError } from '../shared/toast.js';
import { amount, runBadge, standingBadge, reasonWords, destinationText, runName } from './payout-words.js';
import { openExport, openMarkPaid, openAdjustment } from './payout-dialogs.js';

/** @param {any} [state] */
export function runsTab(state = null) {
  let chosen = state?.runId ?? null;
  let runs = /** @type {import('../api.js').RunSummary[]} */ ([]);
  let seq = 0;
  const cutoff = dateField({ value: state?.cutoff ?? todayIso() });
  cutoff.id = 'payout-cutoff';
  const computeBtn = h('button', { type: 'button', class: 'btn btn-primary', id: 'payout-compute', 'data-changes': true, onclick: compute }, t('payouts.compute'));
  const computeError = h('p', { class: 'field-error', id: 'payout-compute-error', role: 'alert', hidden: true });
  const list = h('ul', { class: 'run-list', id: 'payout-run-list', role: 'listbox', 'aria-label': t('payouts.runs'), onkeydown: listKeys });
  const detail = h('div', { class: 'run-detail', id: 'payout-run', 'aria-live': 'polite' });
  const el = h('div', { class: 'payouts-tab payouts-runs' },
    h('aside', { class: 'run-side' },
      h('div', { class: 'run-compute' },
        h('label', { class: 'field-label', for: 'payout-cutoff-input' }, t('payouts.cutoff')),
        cutoff,
        h('p', { class: 'field-hint' }, t('payouts.cutoff.hint')),
        computeBtn, computeError),
      h('h2', { class: 'section-title' }, t('payouts.runs')),
      list),
    detail);
  /** @type {HTMLInputElement|null} */ (cutoff.querySelector('input'))?.setAttribute('id', 'payout-cutoff-input');

  async function load(select = chosen) {
    const mine = ++seq;
    try {
      runs = await api.payoutRuns();
      if (mine !== seq) return;
      chosen = runs.some((r) => r.id === select) ? select : runs[0]?.id ?? null;
      renderList();
      await show(chosen);
    } catch (err) {
      if (mine === seq) mount(detail, h('p', { role: 'alert' }, t('payouts.failed', { reason: errorText(err) })));
    }
  }

  function renderList() {
    if (!runs.length) { mount(list, h('li', { class: 'muted run-none' }, t('payouts.runs.none'))); return; }
    mount(list, ...runs.map((r) => h('li', {
      class: 'run-item', id: `run-item-${r.id}`, role: 'option', tabindex: r.id === chosen ? 0 : -1, 'aria-selected': String(r.id === chosen),
      onclick: () => choose(r.id), onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); choose(r.id); } },
    },
    h('div', { class: 'run-item-name' }, runName(r)),
    h('div', { class: 'run-item-facts muted' }, runBadge(r), ' ',
      r.paid
        ? t('payouts.run.paidFacts', { amount: amount(r.paid_minor, r.currency), count: fmt.number(r.paid) })
        : tn('payouts.run.facts', r.payable, { amount: amount(r.to_pay_minor, r.currency) })))));
  }

  function choose(id) {
    if (id === chosen) return;
    chosen = id;
    renderList();
    show(id);
  }

  function listKeys(e) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const at = runs.findIndex((r) => r.id === chosen);
    const next = runs[Math.max(0, Math.min(runs.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (!next) return;
    choose(next.id);
    /** @type {HTMLElement|null} */ (list.querySelector(`#run-item-${next.id}`))?.focus();
  }

  async function show(id) {
    if (id === null) {
      mount(detail, h('div', { class: 'empty-state', id: 'payout-empty' },
        h('h2', null, t('payouts.empty.title')), h('p', { class: 'muted' }, t('payouts.empty.text'))));
      return;
    }
    const mine = seq;
    try {
      const run = await api.payoutRun(id);
      if (mine !== seq || id !== chosen) return;
      mount(detail, runView(run));
    } catch (err) {
      if (mine === seq) mount(detail, h('p', { role: 'alert' }, t('payouts.failed', { reason: errorText(err) })));
    }
  }

  async function compute() {
    computeError.hidden = true;
    const day = cutoff.value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) { computeError.textContent = t('payouts.cutoff.invalid'); computeError.hidden = false; return; }
    computeBtn.disabled = true;
    try {
      const run = await api.computePayoutRun(day);
      toast(tn('payouts.computed', run.summary.payable, { amount: amount(run.summary.to_pay_minor, run.summary.currency) }), { kind: 'success' });
      await load(run.summary.id);
    } catch (err) {
      const p = asPayload(err);
      computeError.textContent = p.kind === 'validation' && p.fields.length ? errorText(p) : t('payouts.failed', { reason: errorText(p) });
      computeError.hidden = false;
    } finally {
      computeBtn.disabled = false;
    }
  }

  /** @param {import('../api.js').Run} run */
  function runView(run) {
    const s = run.summary;
    const cur = s.currency;
    const sum = (list, f) => list.reduce((n, c) => n + f(c), 0);
    const payable = run.creators.filter((c) => c.outcome === 'payable');
    const paid = payable.filter((c) => c.paid_on);
    const carried = run.creators.filter((c) => c.outcome === 'carried');
    const blocked = run.creators.filter((c) => c.outcome === 'blocked');
    const tile = (id, label, value, note) => h('div', { class: 'status-total', id: `run-total-${id}` },
      h('dt', null, label), h('dd', { class: 'num', id: `run-total-${id}-amount` }, value), h('dd', { class: 'muted status-total-count' }, note));
    const actions = [];
    if (s.state === 'draft') {
      actions.push(
        h('button', { type: 'button', class: 'btn btn-primary', id: 'payout-finalise', 'data-changes': true, disabled: !payable.length, onclick: () => finalise(run) }, t('payouts.finalise')),
        h('button', { type: 'button', class: 'btn', id: 'payout-sheet', onclick: () => openExport(run, ['xlsx', 'csv', 'pdf']) }, icon(ICONS.download, 14), t('payouts.sheet')),
        h('button', { type: 'button', class: 'btn', id: 'payout-adjust', 'data-changes': true, onclick: () => adjust(null) }, t('payouts.adjust')),
        h('button', { type: 'button', class: 'btn btn-danger-quiet', id: 'payout-discard', 'data-changes': true, onclick: () => discard(run) }, t('payouts.discard')));
    } else {
      actions.push(
        h('button', { type: 'button', class: 'btn btn-primary', id: 'payout-export', onclick: () => openExport(run, ['paypal', 'wise', 'sepa', 'xlsx', 'csv', 'pdf']) }, icon(ICONS.download, 14), t('payouts.export')),
        paid.length < payable.length
          ? h('button', { type: 'button', class: 'btn', id: 'payout-mark-paid', 'data-changes': true, onclick: () => markPaid(run, null) }, t('payouts.markPaid.all'))
          : null);
    }
    return h('section', { class: 'run-view', 'aria-labelledby': 'run-title' },
      h('header', { class: 'run-head' },
        h('div', null,
          h('h2', { id: 'run-title', class: 'run-title' }, runName(s), ' ', runBadge(s)),
          h('p', { class: 'muted', id: 'run-subtitle' }, s.state === 'draft'
            ? t('payouts.run.draftNote', { when: fmt.dateTime(s.computed_at), minimum: amount(s.min_payout_minor, cur) })
            : t('payouts.run.finalNote', { when: fmt.dateTime(s.finalised_at ?? s.computed_at), minimum: amount(s.min_payout_minor, cur) }))),
        h('div', { class: 'run-actions' }, ...actions)),
      h('dl', { class: 'status-totals run-totals' },
        tile('payable', t(s.state === 'draft' ? 'payouts.total.payable' : 'payouts.total.toPay'),
          amount(sum(payable.filter((c) => !c.paid_on), (c) => c.payable_minor + c.vat_minor), cur), tn('payouts.creatorCount', payable.length - paid.length)),
        tile('paid', t('payouts.total.paid'), amount(sum(paid, (c) => c.payable_minor + c.vat_minor), cur), tn('payouts.creatorCount', paid.length)),
        tile('carried', t('payouts.total.carried'), amount(sum(carried, (c) => c.carried_out_minor), cur), tn('payouts.creatorCount', carried.length)),
        tile('blocked', t('payouts.total.blocked'), amount(sum(blocked, (c) => c.carried_out_minor), cur), tn('payouts.creatorCount', blocked.length))),
      blocked.length && s.state === 'draft' ? h('p', { class: 'form-banner banner-warning', id: 'run-blocked-note', role: 'status' }, tn('payouts.blockedNote', blocked.length)) : null,
      run.creators.length
        ? h('div', { class: 'run-table-wrap' }, h('table', { class: 'data-table run-table', id: 'run-table' },
          h('thead', null, h('tr', null,
            h('th', { scope: 'col' }, t('payouts.col.creator')),
            h('th', { scope: 'col', class: 'num' }, t('payouts.col.commissions')),
            h('th', { scope: 'col', class: 'num' }, t('payouts.col.fees')),
            h('th', { scope: 'col', class: 'num' }, t('payouts.col.adjustments')),
            h('th', { scope: 'col', class: 'num' }, t('payouts.col.carriedIn')),
            h('th', { scope: 'col', class: 'num' }, t('payouts.col.vat')),
            h('th', { scope: 'col', class: 'num' }, t('payouts.col.result')),
            h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t('payouts.col.actions'))))),
          h('tbody', null, ...run.creators.map((c) => creatorRow(run, c)))))
        : h('p', { class: 'muted', id: 'run-nobody' }, t('payouts.run.nobody')));
  }

  /** @param {import('../api.js').Run} run @param {import('../api.js').RunCreator} c */
  function creatorRow(run, c) {
    const s = run.summary;
    const cur = s.currency;
    const why = reasonWords(c, cur, s.min_payout_minor);
    const result = c.outcome === 'payable' ? c.payable_minor + c.vat_minor : c.carried_out_minor;
    const paidNote = c.paid_on ? t('payouts.paidOn', { date: fmt.date(c.paid_on), reference: c.paid_reference ?? '' }) : '';
    let action = null;
    if (s.state === 'draft') {
      action = h('button', { type: 'button', class: 'btn btn-small', id: `run-adjust-${c.creator_id}`, 'data-changes': true, onclick: () => adjust(c) }, t('payouts.adjust.short'));
    } else if (c.outcome === 'payable' && !c.paid_on) {
      action = h('button', { type: 'button', class: 'btn btn-small', id: `run-paid-${c.creator_id}`, 'data-changes': true, onclick: () => markPaid(run, c) }, t('payouts.markPaid.single'));
    }
    return h('tr', { class: ['run-row', `run-row-${c.outcome}`], id: `run-row-${c.creator_id}` },
      h('td', null,
        h('div', { class: 'run-name-row' }, h('span', { class: 'run-name' }, c.name), standingBadge(c)),
        c.outcome === 'blocked' && (!c.method || c.method === 'none') ? null : h('div', { class: 'muted run-destination' }, destinationText(c)),
        why ? h('div', { class: 'run-reason', id: `run-reason-${c.creator_id}` }, why) : null,
        paidNote ? h('div', { class: 'muted run-paid-note' }, paidNote) : null),
      h('td', { class: 'num' }, amount(c.commissions_minor, cur)),
      h('td', { class: 'num' }, amount(c.fees_minor, cur)),
      h('td', { class: 'num' }, amount(c.adjustments_minor, cur)),
      h('td', { class: 'num' }, amount(c.carried_in_minor, cur)),
      h('td', { class: 'num' }, c.vat_minor ? amount(c.vat_minor, cur) : '—'),
      h('td', { class: 'num run-result', id: `run-result-${c.creator_id}` },
        h('strong', null, amount(result, cur)),
        h('div', { class: 'muted run-result-what' }, t(c.paid_on ? 'payouts.result.paid' : `payouts.result.${c.outcome}`))),
      h('td', { class: 'run-row-action' }, action));
  }

  async function finalise(run) {
    const s = run.summary;
    const payable = run.creators.filter((c) => c.outcome === 'payable');
    const total = payable.reduce((n, c) => n + c.payable_minor + c.vat_minor, 0);
    const ok = await confirm({
      title: t('payouts.finalise.title'), confirmLabel: t('payouts.finalise'), confirmId: 'payout-finalise-confirm',
      message: tn('payouts.finalise.message', payable.length, { amount: amount(total, s.currency) }),
    });
    if (!ok) return;
    try {
      const done = await api.finalisePayoutRun(s.id);
      toast(t('payouts.finalised', { name: runName(done.summary) }), { kind: 'success' });
      await load(done.summary.id);
    } catch (err) {
      const p = asPayload(err);
      toastError(p);
      await load(s.id); // a changed ledger computed the draft again: show it
    }
  }

  async function discard(run) {
    const ok = await confirm({ title: t('payouts.discard.title'), message: t('payouts.discard.message'), confirmLabel: t('payouts.discard'), confirmId: 'payout-discard-confirm', danger: true });
    if (!ok) return;
    try {
      await api.discardPayoutRun(run.summary.id);
      toast(t('payouts.discarded'), { kind: 'success' });
      await load(null);
    } catch (err) { toastError(err); }
  }

  function markPaid(run, creator) {
    openMarkPaid(run, creator, () => load(run.summary.id));
  }

  function adjust(creator) {
    openAdjustment(creator ? { id: creator.creator_id, name: creator.name } : null, () => {
      if (/^\d{4}-\d{2}-\d{2}$/.test(cutoff.value)) compute(); else load(chosen);
    });
  }

  load();
  return { el, snapshot: () => ({ runId: chosen, cutoff: cutoff.value }), dispose: () => { seq += 1; } };
}

function todayIso() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
