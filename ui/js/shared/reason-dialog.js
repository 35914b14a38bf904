//! A decision that needs the person's reason (it goes in the audit log): a dialog asking why,
//! the reason required, then the decision made; its refusal shown in the dialog, in words.
//! Ids: `#sales-reason` (the box), `#sales-reason-ok` (the button).

import { h } from './dom.js';
import { t } from './i18n.js';
import { openDialog } from './dialog.js';
import { errorText } from './errors.js';
import { toast } from './toast.js';

/**
 * A dialog asking why, then `run(reason)`; the reason is required.
 * @param {{ title: string, body: string, confirm: string, run: (reason: string) => Promise<any>, done: string, onDone?: () => void }} o
 */
export function askReason(o) {
  const box = /** @type {HTMLTextAreaElement} */ (h('textarea', { class: 'input', id: 'sales-reason', rows: 3, required: true, 'aria-describedby': 'sales-reason-error' }));
  const error = h('p', { class: 'field-error', id: 'sales-reason-error', role: 'alert' });
  box.addEventListener('input', () => { error.textContent = ''; });
  const ok = h('button', { type: 'button', class: 'btn btn-primary', id: 'sales-reason-ok', onclick: async () => {
    if (!box.value.trim()) { error.textContent = t('sales.action.reasonRequired'); box.focus(); return; }
    ok.disabled = true;
    try {
      await o.run(box.value.trim());
      dialog.close();
      toast(o.done, { kind: 'success' });
      o.onDone?.();
    } catch (err) {
      error.textContent = errorText(err);
      ok.disabled = false;
    }
  } }, o.confirm);
  const dialog = openDialog({
    title: o.title,
    body: [h('p', null, o.body), h('label', { class: 'field-label', for: 'sales-reason' }, t('sales.action.reason')), box, error],
    actions: [h('button', { type: 'button', class: 'btn', 'data-close': '', onclick: () => dialog.close() }, t('common.cancel')), ok],
  });
  box.focus();
}

