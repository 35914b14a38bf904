//! The Gifts tab of the collaboration panel: each shipment with its status, products and
//! values (the back end's totals), carrier and tracking number (a link to the carrier's page
//! when the core knows the carrier), the recipient's address as written, dates, quick actions
//! for the next step ("Mark shipped", "Mark delivered", returned, lost). A quick action saves
//! the shipment with that status; when the back end refuses (no tracking number yet) the form
//! opens with the problem at its field. "Add gift" starts a form addressed to the creator;
//! "Copy an earlier gift" starts it with the products of a gift chosen from earlier ones.
//! Items are `#shipment-<id>` so a focus target can land on one.

import * as api from '../api.js';
import { h, icon, ICONS, mount } from '../shared/dom.js';
import { t, tn, fmt } from '../shared/i18n.js';
import { campaignLabel } from './campaign-vocab.js';
import { confirm } from '../shared/dialog.js';
import { chooseEarlierGift } from './gift-from-earlier.js';
import { giftForm } from './gift-form.js';
import { toast, toastError } from '../shared/toast.js';

/** The next steps offered for a gift in each status. */
const NEXT = { to_pack: ['shipped'], shipped: ['delivered', 'returned', 'lost'], delivered: ['returned'], returned: [], lost: ['delivered'] };

export const giftChip = (status) => h('span', { class: ['badge', 'status', `gstatus-${status}`] }, campaignLabel('shipment_statuses', status));

/**
 * @param {import('../api.js').CollaborationDetail} detail
 * @param {{ onChanged: (focus?: string) => void }} hooks
 */
export function giftList(detail, hooks) {
  const list = h('ul', { class: 'item-list', id: 'shipment-list' });
  const adder = h('div', { class: 'item-adder' });
  const cancelled = detail.collaboration.status === 'cancelled';
  const addBtn = h('button', { type: 'button', class: 'btn btn-small', id: 'add-gift', 'data-changes': true, disabled: cancelled,
    title: cancelled ? t('gift.add.cancelled') : null, onclick: () => openAdd() }, icon(ICONS.plus, 12), t('gift.add'));
  const copyBtn = h('button', { type: 'button', class: 'btn btn-small btn-ghost', id: 'copy-earlier-gift', 'data-changes': true, disabled: cancelled,
    title: cancelled ? t('gift.add.cancelled') : t('gift.earlier.hint'),
    onclick: async () => { const draft = await chooseEarlierGift(detail.collaboration.id); if (draft) openAdd(draft); } }, t('gift.earlier'));

  /** The add form, addressed to the creator; `from` is a draft with an earlier gift's products. */
  async function openAdd(from = null) {
    let draft = from;
    if (!draft) try { draft = await api.newShipmentDraft(detail.collaboration.id); } catch (err) { toastError(err); return; }
    const form = giftForm({
      shipment: null, draft,
      onSaved: (created) => { toast(t('gift.added'), { kind: 'success' }); hooks.onChanged(`shipment:${created.id}`); },
      onCancel: () => { adder.replaceChildren(); addBtn.hidden = false; addBtn.focus(); },
      onReload: () => hooks.onChanged('gifts'),
    });
    addBtn.hidden = true; // and with it the copy button after it (campaigns.css)
    mount(adder, form.el);
    form.focusFirst();
  }

  function item(s) {
    const li = h('li', { class: 'item shipment-item', id: `shipment-${s.id}`, tabindex: -1, 'data-status': s.status });
    const openForm = () => {
      const form = giftForm({
        shipment: s, draft: s.draft,
        onSaved: (saved) => {
          toast(saved.status === s.status ? t('gift.saved') : t('gift.savedAs', { status: campaignLabel('shipment_statuses', saved.status) }), { kind: 'success' });
          hooks.onChanged(`shipment:${s.id}`);
        },
        onCancel: () => { view(); li.querySelector('.edit-gift')?.focus(); },
        onDelete: s.status === 'to_pack' ? () => remove(s) : undefined,
        onReload: () => hooks.onChanged(`shipment:${s.id}`),
      });
      mount(li, form.el);
      return form;
    };
    const quick = async (status) => {
      const form = openForm();
      if (!(await form.saveWithStatus(status))) li.scrollIntoView({ block: 'nearest' });
    };
    const view = () => mount(li,
      h('div', { class: 'item-main' },
        h('div', { class: 'item-text' },
          h('div', { class: 'item-title' }, s.items.length ? s.items.map((i) => (i.quantity > 1 ? `${fmt.number(i.quantity)} × ${i.name}` : i.name)).join(', ') : t('gift.noItems')),
          h('div', { class: 'item-meta' },
            giftChip(s.status),
            h('span', { class: 'num', title: t('gift.values.title') }, t('gift.values', { retail: fmt.money(s.retail_value.minor, s.retail_value.currency), cost: fmt.money(s.cost_value.minor, s.cost_value.currency) })),
            s.carrier || s.tracking_number ? h('span', { class: 'tracking' }, s.carrier, ' ', trackingNumber(s)) : null),
          h('div', { class: 'item-meta muted' }, dates(s))),
        h('div', { class: 'item-actions' },
          ...NEXT[s.status].map((next, n) => h('button', { type: 'button', class: ['btn', 'btn-small', n === 0 ? null : 'btn-ghost', `gift-to-${next}`], 'data-changes': true, onclick: () => quick(next) },
            t(`gift.mark.${next}`))),
          h('button', { type: 'button', class: 'icon-btn edit-gift', 'data-changes': true, 'aria-label': t('gift.edit'), title: t('gift.edit'), onclick: () => openForm().focusFirst() }, icon(ICONS.edit, 14)))),
      s.items.length ? itemsTable(s) : null,
      recipient(s));
    view();
    return li;
  }

  /** Who the gift goes to, with the address's own line breaks. */
  function recipient(s) {
    const place = [s.city, s.country && (fmt.region(s.country) || s.country)].filter(Boolean).join(', ');
    const lines = [s.recipient_name, s.postal_address, place].filter(Boolean);
    return lines.length ? h('p', { class: 'item-notes muted address gift-recipient' }, lines.join('\n')) : null;
  }

  /** The tracking number; a link to the carrier's page when the core knows the carrier. */
  function trackingNumber(s) {
    if (!s.tracking_url) return h('span', { class: 'mono' }, s.tracking_number);
    const title = t('gift.tracking.open', { carrier: s.carrier.trim() });
    return h('button', { type: 'button', class: 'url link-button tracking-link', title, 'aria-label': `${s.tracking_number}: ${title}`,
      onclick: () => api.openProfile(s.tracking_url).catch(toastError) }, s.tracking_number);
  }

  function dates(s) {
    const parts = [['gift.date.shipped', s.shipped_on], ['gift.date.delivered', s.delivered_on], ['gift.date.closed', s.closed_on]]
      .filter(([, d]) => d).map(([key, d]) => t(key, { date: fmt.date(d) }));
    return parts.length ? parts.join(' · ') : t('gift.date.none');
  }

  function itemsTable(s) {
    const cur = s.retail_value.currency;
    return h('table', { class: 'mini-table items-view' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('gift.item.name')), h('th', { scope: 'col' }, t('gift.item.sku')),
        h('th', { scope: 'col', class: 'num' }, t('gift.item.qty')), h('th', { scope: 'col', class: 'num' }, t('gift.item.cost')),
        h('th', { scope: 'col', class: 'num' }, t('gift.item.retail')))),
      h('tbody', null, ...s.items.map((i) => h('tr', null,
        h('td', null, i.name), h('td', { class: 'mono muted' }, i.sku || '–'), h('td', { class: 'num' }, fmt.number(i.quantity)),
        h('td', { class: 'num' }, fmt.money(i.unit_cost.minor, cur)), h('td', { class: 'num' }, fmt.money(i.unit_retail.minor, cur))))),
      h('tfoot', null, h('tr', null,
        h('th', { scope: 'row', colspan: 3 }, t('gift.total')),
        h('td', { class: 'num' }, fmt.money(s.cost_value.minor, cur)), h('td', { class: 'num' }, fmt.money(s.retail_value.minor, cur)))));
  }

  async function remove(s) {
    const ok = await confirm({ title: t('gift.delete.title'), message: t('gift.delete.body'), confirmLabel: t('common.delete'), confirmId: 'confirm-delete-gift', danger: true });
    if (!ok) return;
    try {
      await api.deleteShipment(s.id);
      toast(t('gift.deleted'), { kind: 'success' });
      hooks.onChanged('gifts');
    } catch (err) { toastError(err); }
  }

  mount(list, ...detail.shipments.map(item));
  return h('div', { class: 'tab-section' },
    h('div', { class: 'section-head' },
      h('p', { class: 'muted' }, detail.shipments.length ? tn('gift.summary', detail.shipments.length) : t('gift.none')),
      h('div', { class: 'button-row' }, addBtn, copyBtn)),
    adder, list);
}
