//! The banner above every screen about the open file itself, from `api.workspaceStatus()`
//! (asked every few seconds and whenever a call meets the file's trouble):
//! - damaged: Chorus writes no more to it; the latest backup copy is offered for restoring;
//! - moved, deleted or replaced behind Chorus's back: open what is at that place now, or close;
//! - read-only here: "you can look, not change" (and the window offers no change: read-only.js).
//! Nothing is shown when the file is fine. Text only, never markup from the file's name.

import * as api from '../api.js';
import { h, mount, baseName } from '../shared/dom.js';
import { t, fmt } from '../shared/i18n.js';
import { toastError } from '../shared/toast.js';
import { restoreAction } from './restore-action.js';
import { setReadOnlyHere } from '../shared/read-only.js';

const LOOK_EVERY_MS = 4000;

/**
 * @param {{ workspace: import('../api.js').WorkspaceInfo,
 *   onOpened: (info: import('../api.js').WorkspaceInfo) => void, onClosed: () => void }} hooks
 */
export function fileBanner(hooks) {
  const el = h('div', { class: 'file-banner', id: 'file-banner', hidden: true });
  const name = baseName(hooks.workspace.path);
  let shown = '';
  let disposed = false;

  function render(/** @type {import('../api.js').WorkspaceStatus} */ status) {
    if (disposed) return;
    const trouble = status.trouble;
    const readOnly = status.read_only ?? hooks.workspace.read_only;
    setReadOnlyHere(readOnly);
    const key = trouble ? `${trouble.kind}:${trouble.params?.backup ?? ''}` : readOnly ? 'read_only' : '';
    if (key === shown) return;
    shown = key;
    el.hidden = !key;
    if (!key) return mount(el);
    if (trouble?.kind === 'damaged') {
      const backup = trouble.params?.backup;
      const day = trouble.params?.backup_day ?? '';
      mount(el, banner('banner-error', 'file-damaged', t('file.damaged.title'),
        [t('file.damaged.body', { name }), backup ? t('file.damaged.backup', { date: fmt.date(day) }) : t('file.damaged.noBackup')],
        backup ? [button('file-restore', t('file.restoreLatest'), true, () => restoreAction({ workspace: hooks.workspace.path, copy: backup, day }, hooks.onOpened))] : []));
    } else if (trouble?.kind === 'replaced') {
      mount(el, banner('banner-warning', 'file-replaced', t('file.replaced.title'), [t('file.replaced.body', { name })], [
        button('file-reopen', t('file.replaced.reopen'), true, async () => {
          try { hooks.onOpened(await api.openWorkspace(hooks.workspace.path)); } catch (err) { toastError(err); }
        }),
        button('file-close', t('file.replaced.close'), false, async () => {
          try { await api.closeWorkspace(); hooks.onClosed(); } catch (err) { toastError(err); }
        }),
      ]));
    } else {
      mount(el, banner('banner-info', 'file-read-only', t('file.readOnly.title'), [t('file.readOnly.body', { name })], []));
    }
  }

  const look = () => api.workspaceStatus().then(render, () => { /* asked again shortly */ });
  const onTrouble = () => look();
  window.addEventListener('chorus:file-trouble', onTrouble);
  const timer = setInterval(() => { if (!document.hidden) look(); }, LOOK_EVERY_MS);
  render({ read_only: hooks.workspace.read_only, trouble: null, waiting_for: null });
  look();

  return {
    el,
    dispose() {
      disposed = true;
      clearInterval(timer);
      window.removeEventListener('chorus:file-trouble', onTrouble);
    },
  };
}

function banner(kind, id, title, lines, actions) {
  return h('div', { class: ['form-banner', 'file-banner-box', kind], id, role: kind === 'banner-info' ? 'status' : 'alert' },
    h('div', { class: 'banner-text' }, h('p', { class: 'banner-title' }, title), ...lines.map((line) => h('p', null, line))),
    actions.length ? h('div', { class: 'banner-actions' }, ...actions) : null);
}

function button(id, text, primary, run) {
  return h('button', { type: 'button', id, class: ['btn', primary && 'btn-primary'], onclick: run }, text);
}
