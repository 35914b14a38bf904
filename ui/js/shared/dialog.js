//! Modal dialogs on the native `<dialog>` element: it traps focus, makes the page behind it
//! inert and closes on Esc. `openDialog` builds one and removes it when it closes; `confirm`
//! asks a yes/no question with the focus on the safe answer.

import { h, icon, ICONS } from './dom.js';
import { t } from './i18n.js';

/**
 * @param {{ title: string, body: any[], actions?: any[], className?: string, id?: string,
 *   canClose?: () => boolean, onClose?: () => void, closeButton?: boolean }} options
 * @returns {{ el: HTMLDialogElement, close: () => void }}
 */
export function openDialog(options) {
  const titleId = `dlg-title-${Math.random().toString(36).slice(2, 8)}`;
  const returnFocus = /** @type {HTMLElement|null} */ (document.activeElement);
  const dialog = /** @type {HTMLDialogElement} */ (h('dialog', {
    class: ['dialog', options.className], id: options.id, 'aria-labelledby': titleId,
  },
  h('header', { class: 'dialog-header' },
    h('h2', { id: titleId, class: 'dialog-title' }, options.title),
    options.closeButton === false ? null
      : h('button', { type: 'button', class: 'icon-btn dialog-close', 'data-close': '', 'aria-label': t('common.close'), onclick: () => close() }, icon(ICONS.close))),
  h('div', { class: 'dialog-body' }, ...options.body),
  options.actions ? h('footer', { class: 'dialog-actions' }, ...options.actions) : null));

  let closed = false;
  function close() {
    if (closed) return;
    if (options.canClose && !options.canClose()) return;
    closed = true;
    dialog.close();
  }
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    close();
  });
  dialog.addEventListener('close', () => {
    closed = true;
    dialog.remove();
    options.onClose?.();
    if (returnFocus && returnFocus.isConnected) returnFocus.focus();
  });
  document.body.appendChild(dialog);
  dialog.showModal();
  // Start in the content rather than on the close button.
  const first = dialog.querySelector('[autofocus]')
    || dialog.querySelector('.dialog-body :is(input, select, textarea, button):not([disabled])')
    || dialog.querySelector('.dialog-actions button:not([disabled])');
  /** @type {HTMLElement|null} */ (first)?.focus();
  return { el: dialog, close };
}

/**
 * Asks a question; resolves true when the user confirms. The focus starts on Cancel.
 * @param {{ title: string, message: string, confirmLabel: string, confirmId?: string, danger?: boolean }} options
 * @returns {Promise<boolean>}
 */
export function confirm(options) {
  return new Promise((resolve) => {
    let answer = false;
    const cancelBtn = h('button', { type: 'button', class: 'btn', autofocus: true, onclick: () => dlg.close() }, t('common.cancel'));
    const okBtn = h('button', {
      type: 'button', id: options.confirmId, class: ['btn', options.danger ? 'btn-danger' : 'btn-primary'],
      onclick: () => { answer = true; dlg.close(); },
    }, options.confirmLabel);
    const dlg = openDialog({
      title: options.title, className: 'dialog-confirm', role: 'alertdialog',
      body: [h('p', { class: 'dialog-message' }, options.message)],
      actions: [cancelBtn, okBtn],
      onClose: () => resolve(answer),
    });
    dlg.el.setAttribute('role', 'alertdialog');
    cancelBtn.focus();
  });
}
