//! Sales in the creator panel: the orders attributed to the creator, the revenue they brought
//! (with the formula) and their commissions by status as of today; links to the Sales screen
//! with the creator's orders or commission lines. Reads itself; nothing when there are none.

import * as api from '../api.js';
import { h, mount } from '../shared/dom.js';
import { t, fmt } from '../shared/i18n.js';
import { navigate } from '../shared/nav.js';
import { errorText } from '../shared/errors.js';
import { amounts, statusTotals } from './sales-words.js';

/** @param {{ id: number, display_name: string }} creator */
export function creatorSalesSection(creator) {
  const el = h('section', { class: 'detail-section', id: 'creator-sales', 'aria-labelledby': 'creator-sales-title', hidden: true });
  api.salesOfCreator(creator.id).then((s) => {
    if (!s.orders && !s.commissions.length) return;
    el.hidden = false;
    mount(el, ...salesSummary(s, 'creator-sales', {
      orders: () => navigate('sales', { tab: 'orders', creatorId: creator.id, creatorName: creator.display_name }),
      lines: () => navigate('sales', { tab: 'commissions', creatorId: creator.id, creatorName: creator.display_name }),
    }));
  }, (err) => {
    el.hidden = false;
    mount(el, h('p', { class: 'muted', role: 'alert' }, t('sales.failed', { reason: errorText(err) })));
  });
  return el;
}

/**
 * The heading, figures and links of a sales summary (the creator panel's, the campaign's).
 * @param {import('../api.js').SalesSummary} s @param {string} id
 * @param {{ orders: () => void, lines: () => void }} open
 */
export function salesSummary(s, id, open) {
  return [
    h('div', { class: 'section-head' }, h('h3', { class: 'section-title', id: `${id}-title` }, t('sales.summary.title'))),
    h('table', { class: 'mini-table totals-table' }, h('tbody', null,
      h('tr', null, h('th', { scope: 'row' }, t('sales.summary.orders')), h('td', { class: 'num', id: `${id}-orders` }, fmt.number(s.orders))),
      h('tr', null, h('th', { scope: 'row' }, t('sales.summary.revenue')), h('td', { class: 'num', id: `${id}-revenue` }, amounts(s.revenue))))),
    h('p', { class: 'formula muted' }, t('sales.summary.formula')),
    h('p', { class: 'muted' }, t('commissions.totals.asOf', { date: fmt.date(s.as_of) })),
    statusTotals(s.commissions, `${id}-totals`),
    h('div', { class: 'section-actions' },
      h('button', { type: 'button', class: 'btn btn-link', id: `${id}-open-orders`, onclick: open.orders }, t('sales.summary.openOrders')),
      h('button', { type: 'button', class: 'btn btn-link', id: `${id}-open-lines`, onclick: open.lines }, t('sales.summary.openLines'))),
  ];
}
