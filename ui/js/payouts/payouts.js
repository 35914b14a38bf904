//! The Payouts screen (route `payouts`): four tabs — Runs (payout-runs.js: compute a draft up
//! to a cut-off, finalise, export the files that pay it, mark it paid), Audit log
//! (money-log.js: every money change, filtered by creator and run) and All clients
//! (owed-across.js: what every recent workspace owes) and Charts (analytics/charts-tab.js:
//! payouts by creator, commissions per month). ←/→ move between the tabs.
//!
//! `payoutsScreen(previous, params)`: `previous` is `snapshot()` (the tab and each tab's state);
//! `params.tab` may name a tab.

import { h, mount } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { runsTab } from './payout-runs.js';
import { moneyLogTab } from './money-log.js';
import { owedTab } from './owed-across.js';
import { moveByArrow } from '../shared/tabs.js';
import { chartsTab } from '../analytics/charts-tab.js';

const TABS = ['runs', 'log', 'owed', 'charts'];
const BUILD = { runs: runsTab, log: moneyLogTab, owed: owedTab, charts: () => chartsTab(['payouts_by_creator', 'commissions_by_month']) };

/** @param {any} [previous] @param {any} [params] */
export function payoutsScreen(previous = null, params = {}) {
  let tab = TABS.includes(params?.tab) ? params.tab : previous?.tab ?? 'runs';
  const states = { runs: previous?.runs ?? null, log: previous?.log ?? null, owed: null, charts: null };
  let current = null;
  const tablist = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t('payouts.title'), onkeydown: tabKeys });
  const panel = h('div', { class: 'payouts-tabpanel', id: 'payouts-tabpanel', role: 'tabpanel' });
  const el = h('section', { class: 'screen payouts-screen', 'aria-labelledby': 'payouts-title' },
    h('header', { class: 'screen-header' }, h('h1', { id: 'payouts-title' }, t('payouts.title'))),
    tablist, panel);

  function render() {
    mount(tablist, ...TABS.map((name) => h('button', {
      type: 'button', role: 'tab', class: 'tab', id: `payouts-tab-${name}`, 'aria-selected': String(tab === name), tabindex: tab === name ? 0 : -1,
      'aria-controls': 'payouts-tabpanel', onclick: () => switchTab(name),
    }, t(`payouts.tab.${name}`))));
    panel.setAttribute('aria-labelledby', `payouts-tab-${tab}`);
    current?.dispose();
    current = BUILD[tab](states[tab]);
    mount(panel, current.el);
  }

  function switchTab(name) {
    if (name === tab) return;
    states[tab] = current?.snapshot?.() ?? null;
    tab = name;
    render();
    /** @type {HTMLElement|null} */ (el.querySelector(`#payouts-tab-${name}`))?.focus();
  }

  function tabKeys(e) { moveByArrow(e, TABS, tab, switchTab); }

  render();
  return {
    el,
    snapshot: () => ({ tab, ...states, [tab]: current?.snapshot?.() ?? null }),
    show(next) {
      if (!next?.tab || !TABS.includes(next.tab)) return false;
      switchTab(next.tab);
      return true;
    },
    dispose: () => current?.dispose(),
  };
}
