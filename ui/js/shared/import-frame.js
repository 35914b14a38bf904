// @ts-check
//! What every file import dialog starts with: the native open dialog (a refusal from it said in a
//! toast, in the words of `layoutText`), then a wide dialog with the file's name above its body,
//! an actions row, and an indeterminate progress bar while the core reads or imports (one call:
//! no percentage is made up). The dialog cannot be closed while an import runs.
//! Element ids start with `prefix` (`orders-import-file`, `orders-import-progress`, …).

import { h, mount } from './dom.js';
import { openDialog } from './dialog.js';
import { toast } from './toast.js';
import { layoutText } from './import-problems.js';

/**
 * The file the person picks with `pick`, or null when they cancelled (or the dialog refused,
 * said in a toast). @param {() => Promise<string|null>} pick @param {(f: any) => string} fieldLabel
 * @returns {Promise<{ path: string, fileName: string } | null>}
 */
export async function pickImportFile(pick, fieldLabel) {
  let path;
  try {
    path = await pick();
  } catch (err) {
    toast(layoutText(err, fieldLabel), { kind: 'error' });
    return null;
  }
  if (!path) return null;
  return { path, fileName: path.split(/[\\/]/).pop() ?? path };
}

/**
 * @param {{ prefix: string, title: string, className: string, path: string, fileName: string }} o
 */
export function importFrame(o) {
  const state = { running: false };
  const body = h('div', { class: ['import', o.className] });
  const actions = h('div', { class: 'dialog-actions-inner' });
  const dlg = openDialog({ title: o.title, className: 'dialog-wide', id: `${o.prefix}-dialog`, body: [body], actions: [actions], canClose: () => !state.running });
  /** The file's name, and a line of facts about it. @param {string|null} [extra] */
  const facts = (extra) => h('div', { class: 'import-facts' },
    h('span', { class: 'import-file', id: `${o.prefix}-file`, title: o.path }, o.fileName),
    extra ? h('span', { class: 'muted', id: `${o.prefix}-facts` }, extra) : null);
  /** The progress bar with what is happening. @param {string} text */
  const busy = (text) => mount(body, facts(), h('div', { class: 'import-progress' },
    h('progress', { id: `${o.prefix}-progress`, 'aria-label': text }),
    h('p', { class: 'muted', 'aria-live': 'polite' }, text)));
  return { dlg, body, actions, facts, busy, state };
}
