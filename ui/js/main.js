//! Boot and routing. Reads the app preferences (display language) and the app state; with a
//! workspace open it loads the workspace's vocabulary and shows the sidebar (switcher,
//! navigation) beside the current screen (Roster or Settings); without one it shows the
//! welcome screen. Leaving a screen keeps its `snapshot()` (roster query, scroll, open panel,
//! unsaved form input) and the next build of that screen starts from it, which is also how a
//! language switch re-renders everything without losing what the user was doing. It also holds
//! the window-wide keyboard shortcuts and makes sure no failed promise goes unnoticed.

import * as api from './api.js';
import { h, icon, ICONS, mount, isTyping, isMod } from './dom.js';
import { t, setLanguage } from './i18n.js';
import { session, loadWorkspaceData, checkForOutsideChanges } from './session.js';
import { toastError } from './toast.js';
import { workspaceSwitcher } from './workspace-switcher.js';
import { welcomeScreen } from './welcome.js';
import { rosterScreen } from './roster.js';
import { settingsScreen } from './settings.js';

const app = /** @type {HTMLElement} */ (document.getElementById('app'));
let route = 'roster';
let screen = null;
let switcher = null;
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
  saved = {};
  welcomeState = state;
  session.workspace = null;
  session.vocab = null;
  session.facets = null;
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

/** A workspace is open: load what the screens need and show the shell. */
async function enter(info, nextRoute = 'roster') {
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
  renderShell();
}

/** Keeps what the current screen holds (for its next build) and disposes of it. */
function leaveScreen() {
  if (!screen) return;
  if (session.workspace) saved[route] = screen.snapshot?.() ?? null;
  screen.dispose();
  screen = null;
}

/** Shows another screen of the open workspace. */
function go(nextRoute) {
  leaveScreen();
  route = nextRoute;
  renderShell();
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

function renderShell() {
  screen?.dispose();
  const ws = /** @type {import('./api.js').WorkspaceInfo} */ (session.workspace);
  switcher = workspaceSwitcher({ workspace: ws, onOpened: (info) => enter(info), onClosed: () => showWelcomeFresh() });
  const navItem = (id, key, iconPath) => h('button', {
    type: 'button', id: `nav-${id}`, class: 'nav-item', 'aria-current': route === id ? 'page' : null,
    onclick: () => { if (route !== id) go(id); },
  }, icon(iconPath, 15), h('span', null, t(key)));
  const main = h('main', { class: 'main', id: 'main' });
  const sidebar = h('aside', { class: 'sidebar', 'aria-label': t('nav.label') },
    switcher.el,
    h('nav', { class: 'nav', 'aria-label': t('nav.label') },
      navItem('roster', 'nav.roster', ICONS.users),
      navItem('settings', 'nav.settings', ICONS.settings)),
    h('div', { class: 'sidebar-footer' },
      ws.is_demo ? h('span', { class: 'badge badge-quiet', title: t('ws.demo.title') }, t('ws.demo.badge')) : null,
      h('span', { class: 'muted shortcut-hint' }, t('nav.shortcuts'))));
  mount(app, h('div', { class: 'shell' }, sidebar, main));
  const previous = saved[route] ?? null;
  delete saved[route];
  screen = route === 'settings'
    ? settingsScreen({ onSaved: (info) => enter(info, 'settings'), onLanguage: applyLanguage }, previous)
    : rosterScreen(previous);
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
    if (route !== 'roster') go('roster');
    screen?.focusSearch?.();
  } else if (isMod(e) && key === 'n' && !e.shiftKey) {
    e.preventDefault();
    if (route !== 'roster') go('roster');
    screen?.newCreator?.();
  }
});

// Another process (the chorus CLI, a second window) may change the open workspace.
const lookOutside = () => { if (!document.hidden) checkForOutsideChanges().catch(() => { /* next time */ }); };
window.addEventListener('focus', lookOutside);
setInterval(lookOutside, 4000);

boot();
