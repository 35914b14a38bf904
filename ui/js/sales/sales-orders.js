//! The Sales screen's Orders tab: the shop's orders newest first under filters (who they are
//! attributed to — a creator or campaign chosen elsewhere, shown as a removable chip —, the
//! attribution state with the review queue's count, the reason an order is unattributed, orders
//! whose commission waits, the order number, the shop's days), 50 a page, with an order's
//! detail beside the list (order-detail.js). The base column marks a base worked out from the
//! order's amounts (no ledger line yet). ↑/↓ move between the rows; Enter opens one.

import * as api from '../api.js';
import { h, mount, debounce } from '../shared/dom.js';
import { t, fmt } from '../shared/i18n.js';
import { errorText } from '../shared/errors.js';
import { dateField } from '../shared/date-field.js';
import { money, amounts, attributionCell, reasonText, filterChip } from './sales-words.js';
import { orderDetailPanel } from './order-detail.js';

const PAGE = 50;

/** @param {any} [state] what `snapshot()` returned, or filters from navigation */
export function ordersTab(state = null) {
  const f = {
    attribution: state?.attribution ?? '',
    reason: state?.reason ?? '',
    waiting: !!state?.waiting,
    number: state?.number ?? '',
    from: state?.from ?? '',
    to: state?.to ?? '',
    creatorId: state?.creatorId ?? null,
    creatorName: state?.creatorName ?? '',
    campaignId: state?.campaignId ?? null,
    campaignName: state?.campaignName ?? '',
  };
  let page = state?.page ?? 0;
  let openId = state?.openId ?? null;
  let seq = 0;
  let reasons = [];
  // A decision on the open order (attributed, rejected) changes the list and the queue's count:
  // both are read again, and the order shown as it is now.
  const detail = orderDetailPanel({
    onClosed: () => { openId = null; markOpen(); },
    onChanged: () => { load(); if (openId) detail.show(openId); },
  });

  const stateSelect = h('select', { class: 'input', id: 'orders-attribution', 'aria-label': t('sales.filter.attribution'), onchange: () => { f.attribution = stateSelect.value; if (f.attribution !== 'unattributed') f.reason = ''; changed(); } });
  const reasonSelect = h('select', { class: 'input', id: 'orders-reason', 'aria-label': t('sales.filter.reason'), onchange: () => { f.reason = reasonSelect.value; changed(); } });
  const numberBox = h('input', { type: 'search', class: 'input', id: 'orders-number', value: f.number, placeholder: t('sales.filter.number'), 'aria-label': t('sales.filter.number'),
    oninput: debounce(() => { f.number = numberBox.value; changed(); }, 250) });
  const from = dateField({ value: f.from });
  const to = dateField({ value: f.to });
  from.id = 'orders-from';
  to.id = 'orders-to';
  const dateChanged = () => { f.from = /^\d{4}-\d{2}-\d{2}$/.test(from.value) ? from.value : ''; f.to = /^\d{4}-\d{2}-\d{2}$/.test(to.value) ? to.value : ''; changed(); };
  from.addEventListener('change', dateChanged);
  to.addEventListener('change', dateChanged);
  const waitingBox = h('input', { type: 'checkbox', id: 'orders-waiting', checked: f.waiting, onchange: () => { f.waiting = waitingBox.checked; changed(); } });
  const chips = h('div', { class: 'filter-chips' });
  const reviewButton = h('button', { type: 'button', class: 'btn btn-small', id: 'orders-review-queue', onclick: () => { f.attribution = 'review'; f.reason = ''; changed(); } });
  const summary = h('p', { class: 'muted sales-summary', id: 'orders-summary', 'aria-live': 'polite' });
  const tbody = h('tbody', { onkeydown: rowKeys });
  const pager = h('div', { class: 'pager' });
  const list = h('div', { class: 'sales-list', 'aria-busy': 'true' },
    h('table', { class: 'data-table sales-table', id: 'orders-table' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('sales.col.order')),
        h('th', { scope: 'col' }, t('sales.col.placed')),
        h('th', { scope: 'col', class: 'num' }, t('sales.col.subtotal')),
        h('th', { scope: 'col', class: 'num' }, t('sales.col.base')),
        h('th', { scope: 'col', class: 'num' }, t('sales.col.commission')),
        h('th', { scope: 'col' }, t('sales.col.attribution')))),
      tbody),
    pager);
  const el = h('div', { class: 'sales-tab sales-orders' },
    h('div', { class: 'sales-main' },
      h('div', { class: 'sales-filters', role: 'search', 'aria-label': t('sales.filter.label') },
        stateSelect, reasonSelect, numberBox,
        h('label', { class: 'date-range' }, h('span', { class: 'muted' }, t('sales.filter.from')), from),
        h('label', { class: 'date-range' }, h('span', { class: 'muted' }, t('sales.filter.to')), to),
        h('label', { class: 'check' }, waitingBox, t('sales.filter.waiting')),
        reviewButton),
      chips, summary, list),
    detail.el);

  function renderFilters() {
    mount(stateSelect, ...[['', 'sales.filter.all'], ['attributed', 'sales.filter.attributed'], ['unattributed', 'sales.filter.unattributed'], ['review', 'sales.filter.review']]
      .map(([value, key]) => h('option', { value, selected: f.attribution === value }, t(key))));
    mount(reasonSelect, h('option', { value: '', selected: !f.reason }, t('sales.filter.anyReason')),
      ...reasons.filter((r) => !['code', 'link', 'manual', 'two_creators'].includes(r)).map((r) => h('option', { value: r, selected: f.reason === r }, reasonText(r))));
    reasonSelect.hidden = f.attribution !== 'unattributed';
    const chip = filterChip;
    mount(chips,
      f.creatorId ? chip(t('sales.filter.creatorIs', { name: f.creatorName }), () => { f.creatorId = null; changed(); }, 'orders-chip-creator') : null,
      f.campaignId ? chip(t('sales.filter.campaignIs', { name: f.campaignName }), () => { f.campaignId = null; changed(); }, 'orders-chip-campaign') : null);
  }

  function changed() {
    page = 0;
    renderFilters();
    load();
  }

  async function load() {
    const mine = ++seq;
    list.setAttribute('aria-busy', 'true');
    const filter = {
      attribution: f.attribution || null, reason: f.reason || null, waiting: f.waiting, number: f.number.trim() || null,
      placed_from: f.from || null, placed_to: f.to || null, creator_id: f.creatorId, campaign_id: f.campaignId,
    };
    try {
      if (!reasons.length) reasons = (await api.salesVocabulary()).reasons;
      const result = await api.salesOrders(filter, { offset: page * PAGE, limit: PAGE });
      if (mine !== seq) return;
      renderFilters();
      render(result);
    } catch (err) {
      if (mine !== seq) return;
      mount(tbody, h('tr', null, h('td', { colspan: 6, role: 'alert' }, t('sales.failed', { reason: errorText(err) }))));
    } finally {
      if (mine === seq) list.removeAttribute('aria-busy');
    }
  }

  /** @param {import('../api.js').OrdersPage} result */
  function render(result) {
    mount(reviewButton, t('sales.reviewButton'), h('span', { class: 'tab-count', id: 'orders-review-count' }, fmt.number(result.review_count)));
    reviewButton.hidden = result.review_count === 0;
    const first = result.total ? page * PAGE + 1 : 0;
    summary.textContent = result.total
      ? t('sales.orders.count', { first: fmt.number(first), last: fmt.number(page * PAGE + result.rows.length), total: fmt.number(result.total) })
      : t('sales.orders.none');
    const computed = result.rows.some((o) => o.base_source === 'computed' && o.base);
    mount(tbody, ...result.rows.map((o) => h('tr', {
      class: 'sales-row', id: `order-row-${o.id}`, tabindex: 0, 'aria-selected': String(o.id === openId),
      onclick: () => open(o.id), onkeydown: (e) => { if (e.key === 'Enter') { e.preventDefault(); open(o.id); } },
    },
    h('td', { class: 'mono' }, o.number, o.cancelled ? h('span', { class: 'badge badge-quiet' }, t('sales.cancelled')) : null,
      o.waiting_code ? h('span', { class: 'badge status astatus-waiting', title: t('sales.waiting.hint') }, t('sales.waiting')) : null),
    h('td', null, fmt.date(o.placed_on)),
    h('td', { class: 'num' }, money(o.subtotal)),
    h('td', { class: 'num', title: o.base_source === 'computed' ? t('sales.base.computed') : t('sales.base.ledger') },
      o.base ? money(o.base) : '—', o.base && o.base_source === 'computed' ? h('span', { class: 'muted base-mark' }, '*') : null),
    h('td', { class: 'num' }, amounts(o.commission)),
    h('td', null, attributionCell(o)))));
    if (computed) tbody.append(h('tr', { class: 'table-note' }, h('td', { colspan: 6, class: 'muted' }, `* ${t('sales.base.computed')}`)));
    const pages = Math.ceil(result.total / PAGE);
    pager.hidden = pages <= 1;
    mount(pager,
      h('button', { type: 'button', class: 'btn btn-small', id: 'orders-previous', disabled: page === 0, onclick: () => { page -= 1; load(); } }, t('sales.page.previous')),
      h('span', { class: 'muted' }, t('sales.page.of', { page: fmt.number(pages ? page + 1 : 0), pages: fmt.number(pages) })),
      h('button', { type: 'button', class: 'btn btn-small', id: 'orders-next', disabled: page + 1 >= pages, onclick: () => { page += 1; load(); } }, t('sales.page.next')));
  }

  function open(id) {
    openId = id;
    markOpen();
    detail.show(id);
  }

  function markOpen() {
    for (const row of tbody.querySelectorAll('tr.sales-row')) row.setAttribute('aria-selected', String(row.id === `order-row-${openId}`));
  }

  function rowKeys(e) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const rows = [...tbody.querySelectorAll('tr.sales-row')];
    const at = rows.indexOf(/** @type {any} */ (document.activeElement));
    const next = rows[Math.max(0, Math.min(rows.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (next) { e.preventDefault(); /** @type {HTMLElement} */ (next).focus(); }
  }

  renderFilters();
  load();
  if (openId) detail.show(openId);
  return {
    el,
    snapshot: () => ({ ...f, page, openId }),
    escape: () => detail.close(),
    dispose: () => { seq += 1; },
  };
}
