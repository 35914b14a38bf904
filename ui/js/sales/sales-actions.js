//! The Sales screen's decisions, each asking for the person's reason (it goes in the audit
//! log): attribute an order to a collaboration or to no one (resolving the review queue), and
//! reject a commission. Each builds its button and its dialog. (Typing an exchange rate comes
//! with the rate store: `api.setRate`.)
//!
//! TODO(merge, issue 9): the shell commands `sales_attribute_order` (core on s9-import),
//! `commissions_reject` and `rates_set` (core on s9-ledger) are not on main yet, so
//! ACTIONS_READY keeps every button here hidden; the lead turns it on when they are wired.

import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { openDialog } from '../shared/dialog.js';
import { errorText } from '../shared/errors.js';
import { toast } from '../shared/toast.js';
import * as api from '../api.js';

const ACTIONS_READY = false;

/**
 * A dialog asking why, then `run(reason)`; the reason is required.
 * @param {{ title: string, body: string, confirm: string, run: (reason: string) => Promise<any>, done: string, onDone?: () => void }} o
 */
function askReason(o) {
  const box = /** @type {HTMLTextAreaElement} */ (h('textarea', { class: 'input', id: 'sales-reason', rows: 3, required: true, 'aria-describedby': 'sales-reason-error' }));
  const error = h('p', { class: 'field-error', id: 'sales-reason-error', role: 'alert' });
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
  if (!ACTIONS_READY) return null;
  const label = to ? t('sales.action.attributeTo', { name: to.creator_name }) : t('sales.action.unattribute');
  return h('button', { type: 'button', class: 'btn btn-small', 'data-changes': true, onclick: () => askReason({
    title: label, body: t('sales.action.attribute.body', { number: order.number }), confirm: label, done: t('sales.action.attribute.done', { number: order.number }),
    run: (reason) => api.attributeOrder(order.id, to ? to.collaboration_id : null, reason), onDone,
  }) }, label);
}

/** The button that rejects the commission of a line's order for its collaboration. */
export function rejectAction(line, onDone) {
  if (!ACTIONS_READY || line.status === 'rejected' || line.status === 'paid') return null;
  return h('button', { type: 'button', class: 'btn btn-small btn-danger-quiet', 'data-changes': true, onclick: () => askReason({
    title: t('sales.action.reject'), body: t('sales.action.reject.body', { number: line.order_number, name: line.creator_name }), confirm: t('sales.action.reject'),
    done: t('sales.action.reject.done', { number: line.order_number }), run: (reason) => api.rejectCommission(line.order_id, line.collaboration_id, reason), onDone,
  }) }, t('sales.action.reject'));
}
