//! The top of the sidebar: the open workspace (brand and file name) as a button that opens a
//! small menu with the recent workspaces (missing files marked, each removable from the list)
//! and the actions New…, Open…, Open demo and Close. Also exports the recent list itself,
//! which the welcome screen shows too.

import * as api from '../api.js';
import { h, icon, ICONS, baseName, mount } from '../shared/dom.js';
import { t, fmt } from '../shared/i18n.js';
import { newWorkspaceAction, openDialogAction, openDemoAction, openRecentAction, closeAction, forgetAction } from './workspace-actions.js';
import { toastError } from '../shared/toast.js';

/**
 * The recent workspaces as a list of buttons.
 * @param {import('../api.js').RecentEntry[]} entries
 * @param {{ currentPath?: string, onOpen: (path: string) => void, onForget: (path: string) => void }} hooks
 */
export function recentList(entries, hooks) {
  if (!entries.length) return h('p', { class: 'muted recent-empty' }, t('recent.none'));
  return h('ul', { class: 'recent-list' }, ...entries.map((entry) => {
    const current = entry.path === hooks.currentPath;
    return h('li', { class: ['recent-item', !entry.exists && 'missing', current && 'current'] },
      h('button', {
        type: 'button', class: 'recent-open', disabled: !entry.exists || current, title: entry.path,
        'aria-current': current ? 'true' : null, onclick: () => hooks.onOpen(entry.path),
      },
      h('span', { class: 'recent-name' }, entry.brand_name || baseName(entry.path),
        current ? h('span', { class: 'badge badge-quiet' }, t('recent.current')) : null,
        entry.exists ? null : h('span', { class: 'badge badge-warning' }, t('recent.missing'))),
      h('span', { class: 'recent-path' }, entry.path),
      entry.opened_at ? h('span', { class: 'recent-when' }, t('recent.openedAt', { date: fmt.date(entry.opened_at) })) : null),
      current ? null : h('button', {
        type: 'button', class: 'icon-btn recent-forget', 'aria-label': t('recent.forget', { name: entry.brand_name || baseName(entry.path) }),
        title: t('recent.forget.short'), onclick: () => hooks.onForget(entry.path),
      }, icon(ICONS.close, 12)));
  }));
}

/**
 * @param {{ workspace: import('../api.js').WorkspaceInfo, onOpened: (info: any) => void, onClosed: () => void }} hooks
 */
export function workspaceSwitcher(hooks) {
  const ws = hooks.workspace;
  const menuId = 'ws-menu';
  const button = h('button', {
    type: 'button', id: 'ws-switcher', class: 'ws-switcher', 'aria-haspopup': 'true', 'aria-expanded': 'false', 'aria-controls': menuId,
    title: ws.path, onclick: () => (menu.hidden ? openMenu() : closeMenu()),
  },
  h('span', { class: 'ws-avatar', 'aria-hidden': 'true' }, (ws.brand_name || '?').trim().charAt(0).toUpperCase() || '?'),
  h('span', { class: 'ws-text' },
    h('span', { class: 'ws-brand' }, ws.brand_name),
    h('span', { class: 'ws-file' }, baseName(ws.path))),
  icon(ICONS.chevronUpDown, 14));
  const menu = h('div', { id: menuId, class: 'popover ws-menu', hidden: true, onkeydown: onMenuKey });
  const el = h('div', { class: 'ws-switcher-wrap' }, button, menu);

  const done = (info) => { closeMenu(false); hooks.onOpened(info); };

  async function openMenu() {
    let recent = [];
    try {
      recent = (await api.appState()).recent;
    } catch (err) {
      toastError(err);
    }
    renderMenu(recent);
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    document.addEventListener('mousedown', outside, true);
    menu.querySelector('button:not([disabled])')?.focus();
  }

  function renderMenu(recent) {
    mount(menu, 
      h('div', { class: 'menu-heading' }, t('recent.title')),
      recentList(recent, {
        currentPath: ws.path,
        onOpen: (path) => openRecentAction(path, done),
        onForget: async (path) => { const next = await forgetAction(path); if (next) { renderMenu(next); menu.querySelector('button:not([disabled])')?.focus(); } },
      }),
      h('div', { class: 'menu-separator', role: 'separator' }),
      menuItem('ws-new', t('ws.new'), () => { closeMenu(false); newWorkspaceAction(hooks.onOpened); }),
      menuItem('ws-open', t('ws.open'), () => openDialogAction(done)),
      menuItem('ws-demo', t('ws.demo'), () => openDemoAction(done)),
      h('div', { class: 'menu-separator', role: 'separator' }),
      menuItem('ws-close', t('ws.close'), async () => { closeMenu(false); if (await closeAction()) hooks.onClosed(); }));
  }

  function menuItem(id, text, run) {
    return h('button', { type: 'button', id, class: 'menu-item', onclick: run }, text);
  }

  function closeMenu(refocus = true) {
    if (menu.hidden) return;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('mousedown', outside, true);
    if (refocus) button.focus();
  }

  function outside(e) {
    if (!el.contains(/** @type {Node} */ (e.target))) closeMenu(false);
  }

  function onMenuKey(e) {
    const items = [...menu.querySelectorAll('button:not([disabled])')];
    const at = items.indexOf(/** @type {any} */ (document.activeElement));
    if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); closeMenu(); }
    else if (e.key === 'ArrowDown') { e.preventDefault(); items[(at + 1) % items.length]?.focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); items[(at - 1 + items.length) % items.length]?.focus(); }
    else if (e.key === 'Tab' && !e.shiftKey && at === items.length - 1) closeMenu(false);
  }

  return { el, closeMenu, isOpen: () => !menu.hidden };
}
