//! "Copy an earlier gift": a dialog listing earlier gifts with products (this campaign's first,
//! then the newest; the same box sent to many creators is listed once), each with its
//! products, campaign, creator, date and retail value. Choosing one resolves with a new gift's
//! draft for this collaboration, addressed to its creator, with those products and prices
//! (the back end's `shipmentDraftFrom`); the gift form then opens with it, nothing is saved yet.
//! Control ids: `#earlier-gifts`, `.earlier-gift` (one button per gift).

import * as api from '../api.js';
import { h } from '../shared/dom.js';
import { t, fmt } from '../shared/i18n.js';
import { openDialog } from '../shared/dialog.js';
import { toastError } from '../shared/toast.js';

/**
 * @param {number} collaborationId
 * @returns {Promise<import('../api.js').ShipmentDraft | null>} null when nothing was chosen
 */
export async function chooseEarlierGift(collaborationId) {
  let gifts;
  try { gifts = await api.earlierGifts(collaborationId); } catch (err) { toastError(err); return null; }
  return new Promise((resolve) => {
    let chosen = null;
    const list = h('ul', { class: 'pick-results earlier-gifts', id: 'earlier-gifts', 'aria-label': t('gift.earlier.list') },
      ...gifts.map((g) => h('li', null, h('button', {
        type: 'button', class: 'earlier-gift', 'data-shipment-id': g.shipment_id,
        onclick: () => pick(g), onkeydown: (e) => move(e),
      },
      h('span', { class: 'earlier-items' }, g.items.map((i) => (i.quantity > 1 ? `${fmt.number(i.quantity)} × ${i.name}` : i.name)).join(', ')),
      h('span', { class: 'earlier-meta muted' },
        h('span', null, t('gift.earlier.for', { creator: g.creator_name, campaign: g.campaign_name })),
        h('span', null, fmt.date(g.on)),
        h('span', { class: 'num' }, fmt.money(g.retail_value.minor, g.retail_value.currency)))))));
    const body = gifts.length ? [h('p', { class: 'muted' }, t('gift.earlier.intro')), list] : [h('p', { class: 'dialog-message' }, t('gift.earlier.none'))];
    const dlg = openDialog({
      title: t('gift.earlier.title'), id: 'earlier-gift-dialog', className: 'dialog-picker', body,
      actions: [h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel'))],
      onClose: () => resolve(chosen),
    });

    async function pick(g) {
      try {
        chosen = await api.shipmentDraftFrom(collaborationId, g.shipment_id);
        dlg.close();
      } catch (err) { toastError(err); }
    }

    /** ↑/↓ move between the gifts. */
    function move(e) {
      const li = /** @type {HTMLElement} */ (e.currentTarget).parentElement;
      const next = e.key === 'ArrowDown' ? li?.nextElementSibling : e.key === 'ArrowUp' ? li?.previousElementSibling : null;
      if (!next) return;
      e.preventDefault();
      /** @type {HTMLElement|null} */ (next.querySelector('button'))?.focus();
    }
  });
}
