//! The Sales screen's Rates tab: the exchange rates the workspace keeps (typed, or from the
//! ECB), newest day first, each written exactly as stored; above them the rates orders wait for
//! (a pair, its days and how many orders, with "Add this rate" filled in), "Add a rate…"
//! (rate-form.js) and "Import ECB file…" (the native open dialog, then the ECB's CSV or XML
//! imported all or nothing). An import's result (added, changed, unchanged, lines booked
//! again, orders still waiting) stays in a line above the table; a refused file's problems show
//! there too, grouped by kind with their rows. The list is read again after every change.

import * as api from '../api.js';
import { h, mount, icon, ICONS } from '../shared/dom.js';
import { t, tn, fmt } from '../shared/i18n.js';
import { asPayload, errorText } from '../shared/errors.js';
import { problemList, groupsOf, layoutText } from '../shared/import-problems.js';
import { toast } from '../shared/toast.js';
import { openRateForm, bookingText } from './rate-form.js';

export function ratesTab() {
  const body = h('div', { class: 'sales-list', 'aria-busy': 'true' }, h('p', { class: 'muted' }, t('common.loading')));
  const wanted = h('div', { class: 'rates-wanted', id: 'rates-wanted' });
  const result = h('div', { class: 'rates-result', id: 'rates-result', 'aria-live': 'polite' });
  const importBtn = h('button', { type: 'button', class: 'btn', id: 'rates-import', 'data-changes': true, onclick: importFile }, icon(ICONS.upload, 14), t('sales.rates.import'));
  const el = h('div', { class: 'sales-tab sales-rates' },
    h('div', { class: 'rates-head' },
      h('p', { class: 'muted', id: 'rates-explained' }, t('sales.rates.explained')),
      h('div', { class: 'rates-actions' },
        h('button', { type: 'button', class: 'btn btn-primary', id: 'rates-add', 'data-changes': true, onclick: () => add({}) }, t('sales.rates.add')),
        importBtn)),
    wanted, result, body);
  let live = true;
  let seq = 0;

  function load() {
    const mine = ++seq;
    api.ratesList().then((list) => {
      if (!live || mine !== seq) return;
      body.removeAttribute('aria-busy');
      mount(wanted, ...list.wanted.map(wantedRow));
      if (!list.rates.length) { mount(body, h('p', { class: 'muted', id: 'rates-none' }, t('sales.rates.none'))); return; }
      mount(body,
        h('table', { class: 'data-table', id: 'rates-table' },
          h('thead', null, h('tr', null,
            h('th', { scope: 'col' }, t('sales.rates.date')), h('th', { scope: 'col' }, t('sales.rates.pair')),
            h('th', { scope: 'col', class: 'num' }, t('sales.rates.rate')), h('th', { scope: 'col' }, t('sales.rates.source')))),
          h('tbody', null, ...list.rates.map((r) => h('tr', { class: 'rate-row' },
            h('td', null, fmt.date(r.on_date)),
            h('td', { class: 'mono' }, `${r.from_currency} → ${r.to_currency}`),
            h('td', { class: 'num mono' }, fmt.plain(r.rate)),
            h('td', null, t(`sales.rates.source.${r.source}`)))))),
        list.total > list.rates.length ? h('p', { class: 'muted' }, t('sales.rates.more', { shown: fmt.number(list.rates.length), total: fmt.number(list.total) })) : null);
    }, (err) => { if (live && mine === seq) mount(body, h('p', { role: 'alert' }, t('sales.failed', { reason: errorText(err) }))); });
  }

  /** One rate orders wait for, with the button that adds it. */
  function wantedRow(w, at) {
    const days = w.first_date === w.last_date ? fmt.date(w.first_date) : t('sales.rates.wanted.days', { first: fmt.date(w.first_date), last: fmt.date(w.last_date) });
    return h('div', { class: 'form-banner banner-warning rate-wanted', id: `rate-wanted-${at}`, role: 'status' },
      h('p', null, tn('sales.rates.wanted', w.orders, { from: w.from_currency, to: w.to_currency, days })),
      h('button', { type: 'button', class: 'btn btn-small', id: `rate-wanted-add-${at}`, 'data-changes': true,
        onclick: () => add({ date: w.first_date, from: w.from_currency, to: w.to_currency }) }, t('sales.rates.wanted.add')));
  }

  function add(prefill) {
    openRateForm({ ...prefill, onSaved: () => { mount(result); load(); } });
  }

  async function importFile() {
    importBtn.disabled = true;
    try {
      const r = await api.importRates();
      if (!r || !live) return;
      const text = importedText(r);
      mount(result, h('p', { class: 'form-banner banner-info', id: 'rates-imported', role: 'status' }, text));
      toast(text, { kind: 'success', timeout: 8000 });
      load();
    } catch (err) {
      if (live) mount(result, refusal(err));
    } finally {
      importBtn.disabled = false;
    }
  }

  load();
  return { el, snapshot: () => null, dispose: () => { live = false; } };
}

/** What an ECB import did, in a few sentences. */
function importedText(r) {
  const span = r.first_date && r.last_date && r.first_date !== r.last_date
    ? t('sales.rates.wanted.days', { first: fmt.date(r.first_date), last: fmt.date(r.last_date) })
    : r.first_date ? fmt.date(r.first_date) : '';
  return [
    t('sales.rates.imported', { file: r.file, format: r.format, span, added: fmt.number(r.added), changed: fmt.number(r.changed), unchanged: fmt.number(r.unchanged) }),
    r.skipped_currencies.length ? t('sales.rates.imported.skipped', { codes: r.skipped_currencies.join(', ') }) : '',
    r.ignored_columns.length ? t('sales.rates.imported.ignored', { columns: r.ignored_columns.map((c) => `“${c}”`).join(', ') }) : '',
    bookingText(r.booking),
  ].filter(Boolean).join(' ');
}

/** A refused ECB file: its problems at their rows, or the whole-file problem in words. */
function refusal(err) {
  const e = asPayload(err);
  const rows = e.kind === 'import_rejected' && (e.rows ?? []).length;
  return h('div', { class: 'form-banner banner-error', role: 'alert', id: 'rates-import-problem' },
    h('p', null, rows ? errorText(e) : layoutText(e, (f) => f.label)),
    rows ? problemList(groupsOf(e), 'import.rejected.listLabel') : null);
}
