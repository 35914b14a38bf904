//! The Payouts screen's Audit log tab: every change to what creators are owed or paid, newest
//! first — runs computed, finalised, paid and discarded, fees that fell due or were marked due,
//! bonuses and deductions, commissions rejected, orders given to a creator, commission rules
//! and exchange rates — with when, who (the window, the command line, an import), the creator,
//! the run and the entry's own words as recorded. Filtered by creator and by run; 50 a page.

import * as api from '../api.js';
import { h, mount } from '../shared/dom.js';
import { t, tn, fmt } from '../shared/i18n.js';
import { errorText } from '../shared/errors.js';
import { logAction, actorWords, runName } from './payout-words.js';

const PAGE = 50;

/** @param {any} [state] */
export function moneyLogTab(state = null) {
  const f = { creatorId: state?.creatorId ?? null, runId: state?.runId ?? null };
  let page = state?.page ?? 0;
  let seq = 0;
  const creatorSelect = h('select', { class: 'input', id: 'log-creator', 'aria-label': t('payouts.log.filter.creator'), onchange: () => { f.creatorId = creatorSelect.value ? Number(creatorSelect.value) : null; changed(); } });
  const runSelect = h('select', { class: 'input', id: 'log-run', 'aria-label': t('payouts.log.filter.run'), onchange: () => { f.runId = runSelect.value ? Number(runSelect.value) : null; changed(); } });
  const summary = h('p', { class: 'muted sales-summary', id: 'log-summary' });
  const tbody = h('tbody');
  const pager = h('div', { class: 'pager' });
  const el = h('div', { class: 'payouts-tab payouts-log' },
    h('div', { class: 'payouts-main' },
      h('p', { class: 'muted card-intro' }, t('payouts.log.intro')),
      h('div', { class: 'sales-filters', role: 'search', 'aria-label': t('payouts.log.filter.label') }, creatorSelect, runSelect),
      summary,
      h('table', { class: 'data-table log-table', id: 'log-table' },
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, t('payouts.log.col.when')),
          h('th', { scope: 'col' }, t('payouts.log.col.what')),
          h('th', { scope: 'col' }, t('payouts.log.col.creator')),
          h('th', { scope: 'col' }, t('payouts.log.col.run')),
          h('th', { scope: 'col' }, t('payouts.log.col.detail')),
          h('th', { scope: 'col' }, t('payouts.log.col.by')))),
        tbody),
      pager));

  async function filters() {
    const [creators, runs] = await Promise.all([api.moneyLogCreators(), api.payoutRuns()]);
    mount(creatorSelect, h('option', { value: '', selected: !f.creatorId }, t('payouts.log.filter.anyCreator')),
      ...creators.map(([id, name]) => h('option', { value: String(id), selected: f.creatorId === id }, name)));
    mount(runSelect, h('option', { value: '', selected: !f.runId }, t('payouts.log.filter.anyRun')),
      ...runs.map((r) => h('option', { value: String(r.id), selected: f.runId === r.id }, runName(r))));
  }

  function changed() { page = 0; load(); }

  async function load() {
    const mine = ++seq;
    try {
      const result = await api.moneyLog({ creator_id: f.creatorId, run_id: f.runId }, { offset: page * PAGE, limit: PAGE });
      if (mine !== seq) return;
      summary.textContent = !result.total ? t('payouts.log.none')
        : result.total <= PAGE ? tn('payouts.log.countAll', result.total)
        : t('payouts.log.count', { first: fmt.number(page * PAGE + 1), last: fmt.number(page * PAGE + result.rows.length), total: fmt.number(result.total) });
      mount(tbody, ...result.rows.map((e) => h('tr', { class: 'log-row', id: `log-row-${e.id}` },
        h('td', { class: 'log-when' }, fmt.dateTime(e.at)),
        h('td', null, logAction(e)),
        h('td', null, e.creator_name ?? '—'),
        h('td', { class: 'num' }, e.run_id ? fmt.number(e.run_id) : '—'),
        h('td', { class: 'log-detail' }, e.detail),
        h('td', { class: 'muted' }, actorWords(e.actor)))));
      const pages = Math.ceil(result.total / PAGE);
      pager.hidden = pages <= 1;
      mount(pager,
        h('button', { type: 'button', class: 'btn btn-small', id: 'log-previous', disabled: page === 0, onclick: () => { page -= 1; load(); } }, t('sales.page.previous')),
        h('span', { class: 'muted' }, t('sales.page.of', { page: fmt.number(pages ? page + 1 : 0), pages: fmt.number(pages) })),
        h('button', { type: 'button', class: 'btn btn-small', id: 'log-next', disabled: page + 1 >= pages, onclick: () => { page += 1; load(); } }, t('sales.page.next')));
    } catch (err) {
      if (mine === seq) mount(tbody, h('tr', null, h('td', { colspan: 6, role: 'alert' }, t('payouts.failed', { reason: errorText(err) }))));
    }
  }

  filters().catch(() => {});
  load();
  return { el, snapshot: () => ({ ...f, page }), dispose: () => { seq += 1; } };
}
