//! The Sales screen's decisions, each asking for the person's reason (it goes in the audit
//! log): attribute an order to a collaboration or to no one (resolving the review queue), and
//! reject a commission. Each builds its button and its dialog.

import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { askReason } from '../shared/reason-dialog.js';
import * as api from '../api.js';


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
