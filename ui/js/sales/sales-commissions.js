//! The Sales screen's Commissions tab: the ledger's lines newest booked first — order, creator,
//! base, rule, rate, amount, status as of a day — under filters (status, kind, the day the
//! statuses are read on, a creator or campaign chosen elsewhere as a removable chip), 50 a
//! page, and above them the totals by status (of every line the creator, campaign and kind
//! filters select, whatever the status filter). A row opens its order on the Orders tab.

import * as api from '../api.js';
import { h, mount } from '../shared/dom.js';
import { t, fmt } from '../shared/i18n.js';
import { errorText } from '../shared/errors.js';
import { dateField } from '../shared/date-field.js';
import { navigate } from '../shared/nav.js';
import { money, rateText, statusBadge, explanationText, ruleText, kindText, statusTotals, filterChip } from './sales-words.js';

const PAGE = 50;

/** @param {any} [state] */
export function commissionsTab(state = null) {
  const f = {
    status: state?.status ?? '', kind: state?.kind ?? '', asOf: state?.asOf ?? '',
    creatorId: state?.creatorId ?? null, creatorName: state?.creatorName ?? '',
    campaignId: state?.campaignId ?? null, campaignName: state?.campaignName ?? '',
  };
  let page = state?.page ?? 0;
  let seq = 0;
  let vocab = null;
  const statusSelect = h('select', { class: 'input', id: 'lines-status', 'aria-label': t('commissions.filter.status'), onchange: () => { f.status = statusSelect.value; changed(); } });
  const kindSelect = h('select', { class: 'input', id: 'lines-kind', 'aria-label': t('commissions.filter.kind'), onchange: () => { f.kind = kindSelect.value; changed(); } });
  const asOf = dateField({ value: f.asOf });
  asOf.id = 'lines-as-of';
  asOf.addEventListener('change', () => { f.asOf = /^\d{4}-\d{2}-\d{2}$/.test(asOf.value) ? asOf.value : ''; changed(); });
  const chips = h('div', { class: 'filter-chips' });
  const totals = h('div', { class: 'sales-totals', id: 'lines-totals', 'aria-live': 'polite' });
  const summary = h('p', { class: 'muted sales-summary', id: 'lines-summary' });
  const tbody = h('tbody');
  const pager = h('div', { class: 'pager' });
  const el = h('div', { class: 'sales-tab sales-commissions' },
    h('div', { class: 'sales-main' },
      h('div', { class: 'sales-filters', role: 'search', 'aria-label': t('sales.filter.label') },
        statusSelect, kindSelect,
        h('label', { class: 'date-range' }, h('span', { class: 'muted' }, t('commissions.filter.asOf')), asOf)),
      chips, totals, summary,
      h('div', { class: 'sales-list' },
        h('table', { class: 'data-table sales-table', id: 'lines-table' },
          h('thead', null, h('tr', null,
            h('th', { scope: 'col' }, t('commissions.col.order')),
            h('th', { scope: 'col' }, t('commissions.col.creator')),
            h('th', { scope: 'col' }, t('commissions.col.kind')),
            h('th', { scope: 'col', class: 'num' }, t('commissions.col.base')),
            h('th', { scope: 'col' }, t('commissions.col.rule')),
            h('th', { scope: 'col', class: 'num' }, t('commissions.col.rate')),
            h('th', { scope: 'col', class: 'num' }, t('commissions.col.amount')),
            h('th', { scope: 'col' }, t('commissions.col.status')))),
          tbody),
        pager)));

  function renderFilters() {
    mount(statusSelect, h('option', { value: '', selected: !f.status }, t('commissions.filter.anyStatus')),
      ...(vocab?.statuses ?? []).map((s) => h('option', { value: s, selected: f.status === s }, t(`commissions.status.${s}`))));
    mount(kindSelect, h('option', { value: '', selected: !f.kind }, t('commissions.filter.anyKind')),
      ...(vocab?.kinds ?? []).map((k) => h('option', { value: k, selected: f.kind === k }, t(`commissions.kind.${k}`))));
    const chip = filterChip;
    mount(chips,
      f.creatorId ? chip(t('sales.filter.creatorIs', { name: f.creatorName }), () => { f.creatorId = null; changed(); }, 'lines-chip-creator') : null,
      f.campaignId ? chip(t('sales.filter.campaignIs', { name: f.campaignName }), () => { f.campaignId = null; changed(); }, 'lines-chip-campaign') : null);
  }

  function changed() { page = 0; renderFilters(); load(); }

  async function load() {
    const mine = ++seq;
    try {
      if (!vocab) { vocab = await api.salesVocabulary(); renderFilters(); }
      const result = await api.commissionLines({ status: f.status || null, kind: f.kind || null, as_of: f.asOf, creator_id: f.creatorId, campaign_id: f.campaignId },
        { offset: page * PAGE, limit: PAGE });
      if (mine !== seq) return;
      render(result);
    } catch (err) {
      if (mine !== seq) return;
      mount(tbody, h('tr', null, h('td', { colspan: 8, role: 'alert' }, t('sales.failed', { reason: errorText(err) }))));
    }
  }

  /** @param {import('../api.js').LinesPage} result */
  function render(result) {
    mount(totals, h('p', { class: 'muted' }, t('commissions.totals.asOf', { date: fmt.date(result.as_of) })), statusTotals(result.totals, 'lines-total'));
    summary.textContent = result.total
      ? t('commissions.lines.count', { first: fmt.number(page * PAGE + 1), last: fmt.number(page * PAGE + result.rows.length), total: fmt.number(result.total) })
      : t('commissions.lines.none');
    mount(tbody, ...result.rows.map((l) => h('tr', {
      class: 'sales-row', id: `line-row-${l.id}`, tabindex: 0, title: explanationText(l),
      onclick: () => openOrder(l), onkeydown: (e) => { if (e.key === 'Enter') { e.preventDefault(); openOrder(l); } },
    },
    h('td', { class: 'mono' }, l.order_number),
    h('td', null, l.creator_name, h('span', { class: 'muted' }, ` · ${l.campaign_name}`)),
    h('td', null, kindText(l)),
    h('td', { class: 'num' }, money(l.base)),
    h('td', null, ruleText(l)),
    h('td', { class: 'num' }, rateText(l.rate_bp)),
    h('td', { class: 'num' }, money(l.amount)),
    h('td', null, statusBadge(l.status)))));
    const pages = Math.ceil(result.total / PAGE);
    pager.hidden = pages <= 1;
    mount(pager,
      h('button', { type: 'button', class: 'btn btn-small', id: 'lines-previous', disabled: page === 0, onclick: () => { page -= 1; load(); } }, t('sales.page.previous')),
      h('span', { class: 'muted' }, t('sales.page.of', { page: fmt.number(pages ? page + 1 : 0), pages: fmt.number(pages) })),
      h('button', { type: 'button', class: 'btn btn-small', id: 'lines-next', disabled: page + 1 >= pages, onclick: () => { page += 1; load(); } }, t('sales.page.next')));
  }

  function openOrder(l) { navigate('sales', { tab: 'orders', number: l.order_number, openId: l.order_id }); }

  renderFilters();
  load();
  return { el, snapshot: () => ({ ...f, page }), dispose: () => { seq += 1; } };
}
