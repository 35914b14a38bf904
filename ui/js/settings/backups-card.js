//! Settings → Backups: where the open workspace's daily copies go (beside it, or in a folder
//! the person chose for every workspace: an app preference, saved with `chooseBackupFolder`),
//! how today's copy went, and the copies themselves (newest first, with their day, time and
//! size), each of which can be restored (see restore-action.js).

import * as api from '../api.js';
import { h, mount } from '../shared/dom.js';
import { t, fmt } from '../shared/i18n.js';
import { errorText } from '../shared/errors.js';
import { toastError } from '../shared/toast.js';
import { session } from '../shared/session.js';
import { restoreAction } from '../workspace/restore-action.js';

/** How often the card looks again while today's copy is being taken. */
const RUNNING_LOOK_MS = 1500;

/** @param {{ onOpened: (info: import('../api.js').WorkspaceInfo) => void }} hooks */
export function backupsCard(hooks) {
  const el = h('section', { class: 'card backups-card', id: 'settings-backups', 'aria-labelledby': 'backups-title' },
    h('h2', { id: 'backups-title', class: 'card-title' }, t('backups.title')), h('p', { class: 'muted' }, t('common.loading')));
  let timer = 0;
  let disposed = false;

  const load = () => api.listBackups().then(render, (err) => { if (!disposed) toastError(err); });

  function render(/** @type {import('../api.js').BackupsView} */ view) {
    if (disposed) return;
    clearTimeout(timer);
    if (view.today.state === 'running') timer = setTimeout(load, RUNNING_LOOK_MS);
    const readOnly = Boolean(session.workspace?.read_only);
    const busy = (/** @type {HTMLButtonElement} */ btn, run) => async () => {
      btn.disabled = true;
      try { const next = await run(); if (next) render(next); } catch (err) { toastError(err); } finally { btn.disabled = false; }
    };
    const choose = h('button', { type: 'button', class: 'btn', id: 'backups-choose' }, t('backups.choose'));
    choose.addEventListener('click', busy(choose, () => api.chooseBackupFolder()));
    const reset = view.chosen_folder ? h('button', { type: 'button', class: 'btn btn-link', id: 'backups-reset' }, t('backups.reset')) : null;
    reset?.addEventListener('click', busy(reset, () => api.resetBackupFolder()));
    const today = readOnly ? h('p', { class: 'muted', id: 'backups-today' }, t('backups.readOnly'))
      : view.today.state === 'running' ? h('p', { class: 'muted', id: 'backups-today' }, t('backups.today.running'))
        : view.today.state === 'failed' ? h('p', { class: 'field-error', id: 'backups-today', role: 'alert' }, t('backups.today.failed', { reason: errorText(view.today.error) }))
          : null;
    mount(el,
      h('h2', { id: 'backups-title', class: 'card-title' }, t('backups.title')),
      h('p', { class: 'muted card-intro' }, t('backups.intro', { keep: fmt.number(view.keep) })),
      h('dl', { class: 'facts' }, h('dt', null, t('backups.folder')), h('dd', { class: 'mono path', id: 'backups-folder' }, view.folder)),
      h('p', { class: 'muted hint' }, t('backups.folder.hint')),
      h('div', { class: 'backups-folder-actions' }, choose, reset),
      today,
      view.copies.length ? copiesTable(view.copies, hooks) : h('p', { class: 'muted', id: 'backups-none' }, t('backups.none')));
  }

  load();
  return { el, dispose: () => { disposed = true; clearTimeout(timer); } };
}

function copiesTable(copies, hooks) {
  const workspace = session.workspace?.path ?? '';
  return h('table', { class: 'backups-table', id: 'backups-list' },
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, t('backups.col.date')),
      h('th', { scope: 'col' }, t('backups.col.time')),
      h('th', { scope: 'col', class: 'num' }, t('backups.col.size')),
      h('td', null))),
    h('tbody', null, ...copies.map((copy) => {
      const date = fmt.date(copy.day);
      // The time only when the file's own clock agrees with its day.
      const time = copy.taken_at && copy.taken_at.startsWith(copy.day) ? fmt.time(copy.taken_at.slice(11, 16)) : '';
      return h('tr', null,
        h('th', { scope: 'row' }, date),
        h('td', { class: 'num' }, time),
        h('td', { class: 'num' }, fmt.bytes(copy.bytes)),
        h('td', { class: 'row-actions' }, h('button', {
          type: 'button', class: 'btn btn-small', 'data-changes': true, 'aria-label': t('backups.restore.label', { date }),
          onclick: () => restoreAction({ workspace, copy: copy.path, day: copy.day }, hooks.onOpened),
        }, t('backups.restore'))));
    })));
}
