//! The Sales screen's Rates tab: the exchange rates the workspace keeps (typed, or from the
//! ECB), newest day first, each written exactly as stored. Read-only here: the rate store and
//! its import come with the ledger (`chorus rates import` / `rates set`).

import * as api from '../api.js';
import { h, mount } from '../shared/dom.js';
import { t, fmt } from '../shared/i18n.js';
import { errorText } from '../shared/errors.js';

export function ratesTab() {
  const body = h('div', { class: 'sales-list', 'aria-busy': 'true' }, h('p', { class: 'muted' }, t('common.loading')));
  const el = h('div', { class: 'sales-tab sales-rates' },
    h('p', { class: 'muted', id: 'rates-explained' }, t('sales.rates.explained')), body);
  let live = true;
  api.ratesList().then((list) => {
    if (!live) return;
    body.removeAttribute('aria-busy');
    if (!list.rates.length) { mount(body, h('p', { class: 'muted', id: 'rates-none' }, t('sales.rates.none'))); return; }
    mount(body,
      h('table', { class: 'data-table', id: 'rates-table' },
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, t('sales.rates.date')), h('th', { scope: 'col' }, t('sales.rates.pair')),
          h('th', { scope: 'col', class: 'num' }, t('sales.rates.rate')), h('th', { scope: 'col' }, t('sales.rates.source')))),
        h('tbody', null, ...list.rates.map((r) => h('tr', null,
          h('td', null, fmt.date(r.on_date)),
          h('td', { class: 'mono' }, `${r.from_currency} → ${r.to_currency}`),
          h('td', { class: 'num mono' }, fmt.plain(r.rate)),
          h('td', null, t(`sales.rates.source.${r.source}`)))))),
      list.total > list.rates.length ? h('p', { class: 'muted' }, t('sales.rates.more', { shown: fmt.number(list.rates.length), total: fmt.number(list.total) })) : null);
  }, (err) => { if (live) mount(body, h('p', { role: 'alert' }, t('sales.failed', { reason: errorText(err) }))); });
  return { el, snapshot: () => null, dispose: () => { live = false; } };
}
