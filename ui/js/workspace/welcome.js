//! The screen shown when no workspace is open: New / Open / Demo, the recent workspaces,
//! (when the last workspace could not be reopened) why, with the latest backup copy to restore
//! when the file is damaged, and the display language, which can be chosen here too since
//! Settings needs an open workspace.

import { h, icon, ICONS, mount } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { languagePicker } from '../shared/language-picker.js';
import { toastError } from '../shared/toast.js';
import { errorText } from '../shared/errors.js';
import { restoreAction } from './restore-action.js';
import { recentList } from './workspace-switcher.js';
import { newWorkspaceAction, openDialogAction, openDemoAction, openRecentAction, forgetAction } from './workspace-actions.js';

/**
 * @param {import('../api.js').AppState} state
 * @param {{ onOpened: (info: any) => void, onLanguage: (preference: string) => Promise<void> }} hooks
 */
export function welcomeScreen(state, hooks) {
  const recentSlot = h('div', { class: 'welcome-recent' });
  const renderRecent = (entries) => mount(recentSlot, 
    h('h2', { class: 'section-title' }, t('recent.title')),
    recentList(entries, {
      onOpen: (path) => openRecentAction(path, hooks.onOpened),
      onForget: async (path) => { const next = await forgetAction(path); if (next) renderRecent(next); },
    }));
  renderRecent(state.recent || []);

  const language = languagePicker({ id: 'welcome-language', onLanguage: hooks.onLanguage, onError: toastError });

  const el = h('main', { class: 'welcome', id: 'welcome' },
    h('div', { class: 'welcome-card' },
      h('div', { class: 'welcome-mark', 'aria-hidden': 'true' }, 'C'),
      h('h1', null, t('welcome.title')),
      h('p', { class: 'muted welcome-lead' }, t('welcome.lead')),
      state.open_error ? openErrorBanner(state.open_error, hooks.onOpened) : null,
      h('div', { class: 'welcome-actions' },
        h('button', { type: 'button', id: 'ws-new', class: 'btn btn-primary btn-large', onclick: () => newWorkspaceAction(hooks.onOpened) },
          icon(ICONS.plus, 14), t('ws.new')),
        h('button', { type: 'button', id: 'ws-open', class: 'btn btn-large', onclick: () => openDialogAction(hooks.onOpened) },
          icon(ICONS.folder, 14), t('ws.open')),
        h('button', { type: 'button', id: 'ws-demo', class: 'btn btn-large', onclick: () => openDemoAction(hooks.onOpened) },
          icon(ICONS.sparkle, 14), t('ws.demo'))),
      recentSlot,
      h('div', { class: 'welcome-language' },
        h('label', { for: 'welcome-language', class: 'muted' }, t('settings.language')), language)));
  return { el, dispose: () => {} };
}

/** Why the last workspace did not open; a damaged one offers its latest backup copy. */
function openErrorBanner(error, onOpened) {
  const backup = error.kind === 'damaged' ? error.params?.backup : null;
  return h('div', { class: 'form-banner banner-error', role: 'alert', id: 'open-error' },
    h('div', { class: 'banner-text' }, h('p', { class: 'banner-title' }, t('welcome.openError')), h('p', null, errorText(error))),
    backup ? h('button', {
      type: 'button', id: 'open-error-restore', class: 'btn btn-primary',
      onclick: () => restoreAction({ workspace: error.params.path, copy: backup, day: error.params.backup_day }, onOpened),
    }, t('file.restoreLatest')) : null);
}
