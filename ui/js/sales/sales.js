//! The Sales screen (route `sales`): four tabs — Orders (sales-orders.js: filters, the
//! review queue's count, an order's detail beside the list), Commissions (sales-commissions.js:
//! the ledger's lines with filters and the totals by status) and Rates (sales-rates.js: the
//! exchange-rate table, the rates orders wait for, a rate typed, the ECB's file imported) and Charts (analytics/charts-tab.js: commissions per month, attributed
//! revenue by creator and by campaign). ←/→ move between the tabs. The header's "Import orders…"
//! opens the orders import (orders-import.js); the open tab is drawn again after it.
//!
//! `salesScreen(previous, params)`: `previous` is `snapshot()` (the tab and each tab's
//! filters); `params` may name a tab and filters, e.g. `{ tab: 'orders', creatorId, creatorName }`
//! from a creator panel, or `{ tab: 'commissions', campaignId, campaignName }` from a campaign.

import { h, mount, icon, ICONS } from '../shared/dom.js';
import { openOrdersImport } from './orders-import.js';
import { t } from '../shared/i18n.js';
import { ordersTab } from './sales-orders.js';
import { commissionsTab } from './sales-commissions.js';
import { ratesTab } from './sales-rates.js';
import { moveByArrow } from '../shared/tabs.js';
import { chartsTab } from '../analytics/charts-tab.js';

const TABS = ['orders', 'commissions', 'rates', 'charts'];
const CHARTS = ['commissions_by_month', 'revenue_by_creator', 'revenue_by_campaign'];

/** @param {any} [previous] @param {any} [params] */
export function salesScreen(previous = null, params = {}) {
  let tab = TABS.includes(params?.tab) ? params.tab : previous?.tab ?? 'orders';
  const states = { orders: previous?.orders ?? null, commissions: previous?.commissions ?? null, rates: null, charts: null };
  if (params?.tab) states[params.tab] = { ...(states[params.tab] ?? {}), ...params, page: 0 };
  let current = null;
  const tablist = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t('sales.title'), onkeydown: tabKeys });
  const panel = h('div', { class: 'sales-tabpanel', id: 'sales-tabpanel', role: 'tabpanel' });
  const el = h('section', { class: 'screen sales-screen', 'aria-labelledby': 'sales-title' },
    h('header', { class: 'screen-header' }, h('h1', { id: 'sales-title' }, t('sales.title')),
      h('div', { class: 'header-actions' },
        h('button', { type: 'button', class: 'btn', id: 'orders-import', 'data-changes': true, onclick: importOrders }, icon(ICONS.upload, 14), t('sales.import.button')))),
    tablist, panel);

  function render() {
    mount(tablist, ...TABS.map((name) => h('button', {
      type: 'button', role: 'tab', class: 'tab', id: `sales-tab-${name}`, 'aria-selected': String(tab === name), tabindex: tab === name ? 0 : -1,
      'aria-controls': 'sales-tabpanel', onclick: () => switchTab(name),
    }, t(`sales.tab.${name}`))));
    panel.setAttribute('aria-labelledby', `sales-tab-${tab}`);
    current?.dispose();
    const build = { orders: ordersTab, commissions: commissionsTab, rates: ratesTab, charts: () => chartsTab(CHARTS) }[tab];
    current = build(states[tab]);
    mount(panel, current.el);
  }

  /** The orders import; afterwards the open tab is drawn again, its filters kept. */
  function importOrders() {
    openOrdersImport({ onImported: () => { states[tab] = current?.snapshot?.() ?? null; render(); } });
  }

  function switchTab(name) {
    if (name === tab) return;
    states[tab] = current?.snapshot?.() ?? null;
    tab = name;
    render();
    /** @type {HTMLElement|null} */ (el.querySelector(`#sales-tab-${name}`))?.focus();
  }

  function tabKeys(e) { moveByArrow(e, TABS, tab, switchTab); }

  render();
  return {
    el,
    snapshot: () => ({ tab, ...states, [tab]: current?.snapshot?.() ?? null }),
    escape: () => current?.escape?.() ?? false,
    show(next) {
      if (!next?.tab || !TABS.includes(next.tab)) return false;
      states[tab] = current?.snapshot?.() ?? null;
      states[next.tab] = { ...next, page: 0 };
      tab = next.tab;
      render();
      return true;
    },
    dispose: () => current?.dispose(),
  };
}
