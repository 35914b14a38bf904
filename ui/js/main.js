//! Boot and routing. Reads the app preferences (display language) and the app state; with a
//! workspace open it loads the workspace's vocabulary and shows the sidebar (switcher,
//! navigation: Today, Creators, Campaigns, Sales, Payouts, Results, Settings) beside the current screen, Today first;
//! without one it shows the welcome screen. Any screen moves to another through nav.js
//! (`navigate(route, params, { workspacePath })`); a screen is built as `(previous, params)`,
//! where `previous` is the `snapshot()` it handed back when it was last left (roster query,
//! scroll, open panel, unsaved form input), which is also how a language switch re-renders
//! everything without losing what the user was doing. A screen that can show new params in
//! place offers `show(params)`. It also holds the window-wide keyboard shortcuts (/, Ctrl+N,
//! Alt+1–7) and makes sure no failed promise goes unnoticed.

import * as api from './api.js';
import { h, icon, ICONS, mount, isTyping, isMod } from './shared/dom.js';
import { t, setLanguage } from './shared/i18n.js';
import { session, loadWorkspaceData, checkForOutsideChanges } from './shared/session.js';
import { toast, toastError } from './shared/toast.js';
import { readOnlyHere, readOnlyReason, setReadOnlyHere } from './shared/read-only.js';
import { workspaceSwitcher } from './workspace/workspace-switcher.js';
import { welcomeScreen } from './workspace/welcome.js';
import { rosterScreen } from './roster/roster.js';
import { settingsScreen } from './settings/settings.js';
import { todayScreen } from './today/today.js';
import { registerNavigate } from './shared/nav.js';
import { fileBanner } from './workspace/file-banner.js';
import { startWaitingNotice } from './workspace/waiting-notice.js';

const app = /** @type {HTMLElement} */ (document.getElementById('app'));
/** The screens in sidebar order; Alt+1…7 picks them. `icon` is 16×16 stroked path data. */
const ROUTES = [
  { id: 'today', key: 'nav.today', icon: ['M2.5 3.5h11v10h-11z', 'M2.5 6.5h11', 'M5.5 2v3M10.5 2v3', 'M5 9.5h2'] },
  { id: 'roster', key: 'nav.roster', icon: ICONS.users },
  { id: 'campaigns', key: 'nav.campaigns', icon: ['M2.5 6.5v3h2l5 3v-9l-5 3z', 'M12 6a2.5 2.5 0 0 1 0 4', 'M4.5 9.5l1 4h2l-1-4'] },
  { id: 'sales', key: 'sales.nav', icon: ['M2.5 13.5h11', 'M4 11V8M7 11V5M10 11V7M13 11V3'] },
  { id: 'payouts', key: 'payouts.nav', icon: ['M1.5 4.5h13v8h-13z', 'M1.5 7h13', 'M4 10.5h3'] },
  { id: 'results', key: 'results.nav', icon: ['M2 13.5l3.5-4 3 2.5 5.5-7', 'M11 5h3v3'] },
  { id: 'settings', key: 'nav.settings', icon: ICONS.settings },
];
let route = 'today';
let screen = null;
let switcher = null;
/** The banner about the open file itself (read-only, damaged, replaced). */
let banner = null;
/** What each screen held when it was last left, by route; cleared when another workspace opens. */
let saved = {};
/** The welcome screen's state, to rebuild it in another language. */
let welcomeState = null;

window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  console.error(event.reason);
  toastError(event.reason);
});
window.addEventListener('error', (event) => {
  console.error(event.error || event.message);
  toastError(event.error || event.message);
});

async function boot() {
  const prefs = await api.getPreferences().catch(() => ({ language: 'system' }));
  await setLanguage(prefs.language);
  let state;
  try {
    state = await api.appState();
  } catch (err) {
    toastError(err);
    state = { workspace: null, recent: [], open_error: null };
  }
  if (state.workspace) await enter(state.workspace);
  else showWelcome(state);
}

/** Shows the welcome screen (no workspace open). */
function showWelcome(state) {
  screen?.dispose();
  screen = null;
  banner?.dispose();
  banner = null;
  saved = {};
  welcomeState = state;
  session.workspace = null;
  session.vocab = null;
  session.facets = null;
  setReadOnlyHere(false);
  switcher = null;
  screen = welcomeScreen(state, { onOpened: (info) => enter(info), onLanguage: applyLanguage });
  mount(app, screen.el);
  document.title = t('app.name');
  app.querySelector('#ws-new')?.focus();
}

async function showWelcomeFresh() {
  const state = await api.appState().catch(() => ({ workspace: null, recent: [], open_error: null }));
  showWelcome({ ...state, open_error: null });
}

/** A workspace is open: load what the screens need and show the shell at `nextRoute`. */
async function enter(info, nextRoute = 'today', params = {}) {
  const sameWorkspace = session.workspace?.path === info.path;
  try {
    await loadWorkspaceData(info);
  } catch (err) {
    toastError(err);
    return showWelcomeFresh();
  }
  leaveScreen();
  if (!sameWorkspace) saved = {};
  delete saved[nextRoute]; // a screen entered afresh (after its settings were saved) starts clean
  route = nextRoute;
  renderShell(params);
}

/** Keeps what the current screen holds (for its next build) and disposes of it. */
function leaveScreen() {
  if (!screen) return;
  if (session.workspace) saved[route] = screen.snapshot?.() ?? null;
  screen.dispose();
  screen = null;
}

/** Shows another screen of the open workspace (or the same one afresh with `params`). */
function go(nextRoute, params = {}) {
  leaveScreen();
  route = nextRoute;
  renderShell(params);
}

/**
 * nav.js's `navigate`: another client's item opens that workspace first (a failure is a
 * notice and the window stays where it was); the screen on view may take the params in place.
 */
async function navigateTo(nextRoute, params, options) {
  if (options.workspacePath && options.workspacePath !== session.workspace?.path) {
    let info;
    try {
      info = await api.openWorkspace(options.workspacePath);
    } catch (err) {
      toastError(err);
      return;
    }
    await enter(info, nextRoute, params);
    return;
  }
  if (!session.workspace) return;
  if (nextRoute === route && Object.keys(params).length && screen?.show?.(params)) return;
  go(nextRoute, params);
}
registerNavigate(navigateTo);

/**
 * A screen whose module loads on first use (Campaigns, the largest screen): a
 * "loading" state until the module is there, then the screen itself in its place. Keyboard
 * hooks and `snapshot` pass through to the screen once it is built.
 * @param {string} titleKey @param {() => Promise<any>} load @param {(mod: any) => any} build
 * @param {any} previous
 */
function lazyScreen(titleKey, load, build, previous) {
  const el = h('section', { class: 'screen screen-loading', 'aria-busy': 'true', 'aria-label': t(titleKey) },
    h('header', { class: 'screen-header' }, h('h1', null, t(titleKey))),
    h('div', { class: 'empty-state' }, h('p', { class: 'muted' }, t('nav.loading'))));
  let inner = null;
  let disposed = false;
  const wrapper = {
    el,
    snapshot: () => (inner ? inner.snapshot?.() ?? null : previous),
    dispose: () => { disposed = true; inner?.dispose?.(); },
    escape: () => inner?.escape?.() ?? false,
    show: (params) => inner?.show?.(params) ?? false,
    focusSearch: () => inner?.focusSearch?.(),
    newCreator: () => inner?.newCreator?.(),
    /** Ctrl+N on a screen that makes its own new things (Campaigns: a new campaign). */
    newItem: () => (inner?.newItem ? (inner.newItem(), true) : false),
  };
  load().then((mod) => {
    if (disposed) return;
    inner = build(mod);
    el.replaceWith(inner.el);
    wrapper.el = inner.el;
  }, (err) => {
    if (disposed) return;
    console.error(err);
    el.removeAttribute('aria-busy');
    mount(el, h('header', { class: 'screen-header' }, h('h1', null, t(titleKey))),
      h('div', { class: 'empty-state' }, h('h2', null, t('nav.loadFailed.title')), h('p', null, t('nav.loadFailed.body'))));
  });
  return wrapper;
}

/** Builds the screen for `route`. */
function buildScreen(previous, params) {
  switch (route) {
    case 'today':
      return todayScreen(previous, params);
    case 'campaigns':
      return lazyScreen('nav.campaigns', () => import('./campaigns/campaigns.js'), (mod) => mod.campaignsScreen(previous, params), previous);
    case 'sales':
      return lazyScreen('sales.nav', () => import('./sales/sales.js'), (mod) => mod.salesScreen(previous, params), previous);
    case 'payouts':
      return lazyScreen('payouts.nav', () => import('./payouts/payouts.js'), (mod) => mod.payoutsScreen(previous, params), previous);
    case 'results':
      return lazyScreen('results.nav', () => import('./analytics/results-screen.js'), (mod) => mod.resultsScreen(previous), previous);
    case 'settings':
      return settingsScreen({ onSaved: (info) => enter(info, 'settings'), onLanguage: applyLanguage }, previous);
    default:
      return rosterScreen(previous, params);
  }
}

/**
 * Speaks `preference` (system, en, nl) from now on: every screen is built again in the new
 * language from what it held, so the route, the roster's query and scroll, the open panel and
 * any unsaved input stay.
 */
async function applyLanguage(preference) {
  await setLanguage(preference);
  if (session.workspace) {
    leaveScreen();
    renderShell();
  } else if (welcomeState) {
    showWelcome(welcomeState);
  }
}

function renderShell(params = {}) {
  screen?.dispose();
  banner?.dispose();
  const ws = /** @type {import('./api.js').WorkspaceInfo} */ (session.workspace);
  banner = fileBanner({ workspace: ws, onOpened: (info) => enter(info), onClosed: () => showWelcomeFresh() });
  switcher = workspaceSwitcher({ workspace: ws, onOpened: (info) => enter(info), onClosed: () => showWelcomeFresh() });
  const navItem = ({ id, key, icon: iconPath }, index) => h('button', {
    type: 'button', id: `nav-${id}`, class: 'nav-item', 'aria-current': route === id ? 'page' : null,
    'aria-keyshortcuts': `Alt+${index + 1}`, title: t('nav.shortcut', { key: `Alt+${index + 1}` }),
    onclick: () => { if (route !== id) go(id); },
  }, icon(iconPath, 15), h('span', null, t(key)));
  const main = h('main', { class: 'main', id: 'main' }, banner.el);
  const sidebar = h('aside', { class: 'sidebar', 'aria-label': t('nav.label') },
    switcher.el,
    h('nav', { class: 'nav', 'aria-label': t('nav.label') },
      ...ROUTES.map(navItem)),
    h('div', { class: 'sidebar-footer' },
      ws.is_demo ? h('span', { class: 'badge badge-quiet', title: t('ws.demo.title') }, t('ws.demo.badge')) : null,
      h('span', { class: 'muted shortcut-hint' }, t('nav.shortcuts'))));
  mount(app, h('div', { class: 'shell' }, sidebar, main));
  const previous = saved[route] ?? null;
  delete saved[route];
  screen = buildScreen(previous, params);
  main.appendChild(screen.el);
  document.title = t('app.title', { brand: ws.brand_name });
}

document.addEventListener('keydown', (e) => {
  if (document.querySelector('dialog[open]')) return; // dialogs handle their own keys
  const key = e.key.toLowerCase();
  if (key === 'escape') {
    if (switcher?.isOpen()) { switcher.closeMenu(); e.preventDefault(); return; }
    if (screen?.escape?.()) e.preventDefault();
    return;
  }
  if (!session.workspace) return;
  if ((key === '/' && !isTyping(e) && !e.ctrlKey && !e.metaKey && !e.altKey) || (isMod(e) && key === 'f' && !e.shiftKey)) {
    e.preventDefault();
    if (route === 'campaigns' && screen?.focusSearch?.()) return; // the campaign list's own search
    if (route !== 'roster') go('roster');
    screen?.focusSearch?.();
  } else if (isMod(e) && key === 'n' && !e.shiftKey) {
    e.preventDefault();
    if (readOnlyHere()) { toast(readOnlyReason()); return; }
    if (route === 'campaigns' && screen?.newItem?.()) return;
    if (route !== 'roster') go('roster');
    screen?.newCreator?.();
  } else if (e.altKey && !e.ctrlKey && !e.metaKey && /^Digit[1-9]$/.test(e.code)) {
    const target = ROUTES[Number(e.code.slice(5)) - 1];
    if (!target) return;
    e.preventDefault();
    if (route !== target.id) go(target.id);
  }
});

// Another process (the chorus CLI, a second window) may change the open workspace.
const lookOutside = () => { if (!document.hidden) checkForOutsideChanges().catch(() => { /* next time */ }); };
window.addEventListener('focus', lookOutside);
setInterval(lookOutside, 4000);

startWaitingNotice();
boot();
