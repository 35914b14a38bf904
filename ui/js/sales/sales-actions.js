//! The Sales screen's decisions, each asking for the person's reason (it goes in the audit
//! log): attribute an order to a collaboration or to no one (resolving the review queue), and
//! reject a commission. Each builds its button and its dialog.

import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { openDialog } from '../shared/dialog.js';
import { errorText } from '../shared/errors.js';
import { toast } from '../shared/toast.js';
import * as api from '../api.js';


/**
 * A dialog asking why, then `run(reason)`; the reason is required.
 * @param {{ title: string, body: string, confirm: string, run: (reason: string) => Promise<any>, done: string, onDone?: () => void }} o
 */
function askReason(o) {
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

/** The button that attributes `order` to `to` (a candidate) or, with `to` null, to no one. */
export function attributeAction(order, to, onDone) {
  const label = to ? t('sales.action.attributeTo', { name: to.creator_name }) : t('sales.action.unattribute');
  return h('button', { type: 'button', class: 'btn btn-small', 'data-changes': true, onclick: () => askReason({
    title: label, body: t('sales.action.attribute.body', { number: order.number }), confirm: label, done: t('sales.action.attribute.done', { number: order.number }),
    run: (reason) => api.attributeOrder(order.id, to ? to.collaboration_id : null, reason), onDone,
  }) }, label);
}

/** The button that rejects the commission of a line's order for its collaboration. */
export function rejectAction(line, onDone) {
  if (line.status === 'rejected' || line.status === 'paid') return null;
  return h('button', { type: 'button', class: 'btn btn-small btn-danger-quiet', 'data-changes': true, onclick: () => askReason({
    title: t('sales.action.reject'), body: t('sales.action.reject.body', { number: line.order_number, name: line.creator_name }), confirm: t('sales.action.reject'),
    done: t('sales.action.reject.done', { number: line.order_number }), run: (reason) => api.rejectCommission(line.order_id, line.collaboration_id, reason), onDone,
  }) }, t('sales.action.reject'));
}
