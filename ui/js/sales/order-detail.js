//! One order beside the Orders list: its amounts and base (booked or worked out, said which),
//! its product lines, the codes it carries, its attribution and why (with the person's note for
//! a manual one, and for the review queue the collaborations whose codes it carries), what its
//! commission waits for, and its commission lines one by one with how each was made: base,
//! rule and level, rate, the explanation, a conversion with its rate, the hold and the status.
//! An order not attributed (or in the review queue) can be given to any creator on the roster
//! (attribute-dialog.js), with or without their code.
//! `show(id)` reads and shows an order; Esc or the close button hides the panel.

import * as api from '../api.js';
import { h, icon, ICONS, mount } from '../shared/dom.js';
import { t, hasKey, fmt } from '../shared/i18n.js';
import { errorText } from '../shared/errors.js';
import { navigate } from '../shared/nav.js';
import { money, amounts, attributionCell, reasonText, rateText, statusBadge, explanationText, ruleText, kindText } from './sales-words.js';
import { attributeAction, rejectAction } from './sales-actions.js';
import { attributeToCreatorAction } from './attribute-dialog.js';

/** @param {{ onClosed: () => void, onChanged?: () => void }} hooks */
export function orderDetailPanel(hooks) {
  const el = h('aside', { class: 'panel sales-panel', id: 'order-detail', hidden: true, 'aria-labelledby': 'order-title' });
  let seq = 0;
  let shownId = null;

  async function show(id) {
    const mine = ++seq;
    shownId = id;
    el.hidden = false;
    mount(el, h('div', { class: 'panel-loading' }, t('common.loading')));
    try {
      const detail = await api.salesOrderDetail(id);
      if (mine !== seq) return;
      render(detail);
      /** @type {HTMLElement|null} */ (el.querySelector('#order-title'))?.focus({ preventScroll: true });
    } catch (err) {
      if (mine !== seq) return;
      mount(el, h('p', { class: 'muted', role: 'alert' }, t('sales.detail.failed', { reason: errorText(err) })));
    }
  }

  function close() {
    if (el.hidden) return false;
    seq += 1;
    el.hidden = true;
    shownId = null;
    hooks.onClosed();
    return true;
  }

  /** @param {import('../api.js').OrderDetail} d */
  function render(d) {
    const o = d.order;
    const amountRow = (key, m, id) => (m ? h('tr', null, h('th', { scope: 'row' }, t(key)), h('td', { class: 'num', id }, money(m))) : null);
    mount(el, h('div', { class: 'detail order-detail', 'data-order-id': o.id },
      h('header', { class: 'panel-header' },
        h('div', { class: 'panel-title-row' },
          h('h2', { id: 'order-title', class: 'panel-title mono', tabindex: -1 }, t('sales.detail.title', { number: o.number })),
          h('button', { type: 'button', class: 'icon-btn', id: 'close-order', 'aria-label': t('common.close'), title: t('common.closeEsc'), onclick: () => close() }, icon(ICONS.close))),
        h('div', { class: 'panel-badges' },
          // The shop's own day and time, as the file wrote them (not moved to this computer's zone).
          h('span', { class: 'muted', id: 'order-placed' }, `${fmt.date(o.placed_on)} ${fmt.time(o.placed_at.slice(11, 16))}`),
          h('span', { class: 'badge badge-quiet' }, t(`sales.source.${o.source}`)),
          o.cancelled ? h('span', { class: 'badge badge-quiet' }, t('sales.cancelled')) : null)),
      h('div', { class: 'panel-body' },
        section('order-attribution', 'sales.detail.attribution',
          h('p', { id: 'order-attribution-state' }, attributionCell(o)),
          h('p', { class: 'muted', id: 'order-attribution-why' }, t(`sales.why.${o.attribution}`, { reason: reasonText(o.reason) })),
          d.note ? h('p', { class: 'note', id: 'order-note' }, t('sales.detail.note', { note: d.note })) : null,
          d.candidates.length && o.attribution !== 'attributed' ? h('div', { class: 'candidates' },
            h('p', null, t(o.attribution === 'review' ? 'sales.detail.candidates.review' : 'sales.detail.candidates')),
            h('ul', { class: 'history-list', id: 'order-candidates' }, ...d.candidates.map((c) => h('li', { class: 'candidate' },
              h('button', { type: 'button', class: 'history-row', onclick: () => navigate('campaigns', { campaignId: c.collaboration.campaign_id, collaborationId: c.collaboration.collaboration_id }) },
                h('span', { class: 'history-main' }, h('span', { class: 'history-name' }, c.collaboration.creator_name), h('span', { class: 'mono' }, c.code)),
                h('span', { class: 'history-meta' }, h('span', null, c.collaboration.campaign_name))),
              attributeAction(o, c.collaboration, hooks.onChanged))))) : null,
          h('div', { class: 'section-actions' },
            o.attribution === 'attributed' ? attributeAction(o, null, hooks.onChanged) : attributeToCreatorAction(o, hooks.onChanged))),
        o.waiting_code ? section('order-waiting', 'sales.detail.waiting',
          // The reason in the window's words when the catalogue has them, else the core's sentence.
          h('p', { role: 'status' }, hasKey(`code.${o.waiting_code}`) ? t(`code.${o.waiting_code}`) : (d.waiting_message || t('sales.waiting.hint')))) : null,
        section('order-amounts', 'sales.detail.amounts',
          h('table', { class: 'mini-table totals-table' }, h('tbody', null,
            amountRow('sales.amount.subtotal', o.subtotal, 'order-subtotal'),
            amountRow('sales.amount.discount', d.discount),
            amountRow('sales.amount.shipping', d.shipping),
            amountRow('sales.amount.tax', d.tax),
            o.refunded.minor ? amountRow('sales.amount.refunded', o.refunded, 'order-refunded') : null,
            amountRow('sales.amount.total', o.total),
            h('tr', { class: 'total-row' }, h('th', { scope: 'row' }, t('sales.amount.base')), h('td', { class: 'num', id: 'order-base' }, o.base ? money(o.base) : '—')))),
          h('p', { class: 'formula muted', id: 'order-base-source' }, t(o.base_source === 'ledger' ? 'sales.base.ledger' : 'sales.base.computed'))),
        d.lines.length ? section('order-lines', 'sales.detail.lines',
          h('table', { class: 'mini-table', id: 'order-lines-table' },
            h('thead', null, h('tr', null, h('th', null, t('sales.line.product')), h('th', { class: 'num' }, t('sales.line.quantity')), h('th', { class: 'num' }, t('sales.line.total')))),
            h('tbody', null, ...d.lines.map((l) => h('tr', null,
              h('td', null, l.name || l.sku, l.sku && l.name ? h('span', { class: 'muted mono' }, ` ${l.sku}`) : null),
              h('td', { class: 'num' }, fmt.number(l.quantity)),
              h('td', { class: 'num' }, l.total ? money(l.total) : '—')))))) : null,
        section('order-codes', 'sales.detail.codes',
          d.codes.length ? h('p', { class: 'code-list' }, ...d.codes.map((c) => h('span', { class: 'badge badge-quiet mono' }, c.trim()))) : h('p', { class: 'muted' }, t('sales.detail.noCodes'))),
        section('order-commission', 'sales.detail.commission',
          d.commission_lines.length ? h('p', { id: 'order-commission-total' }, t('sales.detail.commissionTotal', { amount: amounts(o.commission) })) : null,
          d.commission_lines.length
            ? h('ol', { class: 'ledger-lines', id: 'order-ledger' }, ...d.commission_lines.map((l) => ledgerLine(l, hooks.onChanged)))
            : h('p', { class: 'muted' }, t(o.attribution === 'attributed' ? 'sales.detail.noLinesYet' : 'sales.detail.noLines'))))));
  }

  return { el, show, close, shown: () => shownId };
}

function section(id, titleKey, ...content) {
  return h('section', { class: 'detail-section', id, 'aria-labelledby': `${id}-title` },
    h('div', { class: 'section-head' }, h('h3', { class: 'section-title', id: `${id}-title` }, t(titleKey))), ...content);
}

/** One ledger line and how it was made. @param {import('../api.js').LineRow} l */
function ledgerLine(l, onChanged) {
  const fact = (key, value, id) => h('div', { class: 'fact' }, h('dt', null, t(key)), h('dd', { id }, value));
  return h('li', { class: 'ledger-line', id: `ledger-line-${l.id}` },
    h('div', { class: 'ledger-head' },
      h('span', null, kindText(l)),
      h('strong', { class: 'num' }, money(l.amount)),
      statusBadge(l.status)),
    h('p', { class: 'ledger-explanation' }, explanationText(l)),
    h('dl', { class: 'facts ledger-facts' },
      fact('commissions.col.creator', `${l.creator_name} · ${l.campaign_name}`),
      fact('commissions.col.base', money(l.base)),
      fact('commissions.col.rule', ruleText(l)),
      fact('commissions.col.rate', rateText(l.rate_bp)),
      l.conversion ? fact('commissions.conversion', t('commissions.conversion.text', {
        amount: money(l.conversion.order_base), from: l.conversion.order_base.currency, rate: fmt.plain(l.conversion.rate), to: l.amount.currency, date: fmt.date(l.conversion.on_date),
      })) : null,
      fact('commissions.holdUntil', fmt.date(l.hold_until)),
      l.note ? fact('commissions.note', l.note) : null,
      l.rejected_reason ? fact('commissions.rejectedBecause', l.rejected_reason) : null),
    rejectAction(l, onChanged));
}
