//! The form for one gift shipment, inline in the Gifts tab: status, recipient and address
//! (a new gift starts addressed to the creator, from `newShipmentDraft`), carrier, tracking
//! number, the dates, the products (name, SKU, quantity, unit cost, unit retail value; rows can
//! be added and removed) and notes. Amounts stay text; the totals are the back end's. Control
//! ids: `#gf-<field>`, `#gf-item-<i>-<part>`; errors `items.<i>.<part>` land at their cell.

import * as api from '../api.js';
import { h, append, icon, ICONS, mount } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { session } from '../shared/session.js';
import { field, errorSlot, textInput, numberInput, controlValue, select } from '../shared/fields.js';
import { countryPicker } from '../shared/country-picker.js';
import { dateField } from '../shared/date-field.js';
import { campaignChoices, campaignVocab } from './campaign-vocab.js';
import { saving, submitOnShortcut } from './campaign-save.js';

const TEXT = ['recipient_name', 'city', 'carrier', 'tracking_number'];
const DATES = ['shipped_on', 'delivered_on', 'closed_on'];
const PARTS = ['name', 'sku', 'quantity', 'unit_cost', 'unit_retail'];
const NUMBERS = ['quantity', 'unit_cost', 'unit_retail'];

/**
 * @param {{ shipment: import('../api.js').Shipment | null, draft: import('../api.js').ShipmentDraft,
 *   onSaved: (s: import('../api.js').Shipment) => void, onCancel: () => void, onDelete?: () => void, onReload: () => void }} o
 */
export function giftForm(o) {
  const d = o.draft;
  const currency = session.vocab?.currency ?? '';
  const c = {
    status: select(campaignChoices('shipment_statuses'), d.status),
    postal_address: h('textarea', { class: 'input textarea', rows: 2, value: d.postal_address }),
    notes: h('textarea', { class: 'input textarea', rows: 2, value: d.notes }),
  };
  for (const name of TEXT) c[name] = textInput({ value: d[name] ?? '' });
  for (const name of DATES) c[name] = dateField({ value: d[name] ?? '' });
  // The creator's address may hold a country that is no code yet: the picker says so.
  const country = countryPicker({ value: d.country ?? '', id: 'gf-country', stored: true });
  c.country = country.input;
  c.tracking_number.classList.add('mono');
  // The carriers whose tracking page a gift links to, offered as names (any name may be typed).
  const carriers = h('datalist', { id: 'gf-carriers' }, ...(campaignVocab()?.carriers ?? []).map((name) => h('option', { value: name })));
  c.carrier.setAttribute('list', 'gf-carriers');

  const f = (name, extra = {}) => field({ id: `gf-${name}`, field: name, errId: `err-gf-${name}`, label: t(`gift.form.${name}`), control: c[name], ...extra });

  // Each product takes two lines: its name across the table (names run long: "Zon Zonnebrand
  // SPF 50 — 100 ml"), then SKU, quantity and prices, so every box shows what is typed in it.
  let rows = [];
  const head = h('thead', null,
    h('tr', null, h('th', { scope: 'col', colspan: 4 }, t('gift.item.name')), h('th', { rowspan: 2 })),
    h('tr', null, ...PARTS.slice(1).map((part) => h('th', { scope: 'col', class: NUMBERS.includes(part) ? 'num' : null }, t(`gift.item.${part}`, { currency })))));
  const itemTable = h('table', { class: 'items-table' });
  const renderItems = (values, focus = -1) => {
    rows = values.map(itemRow);
    mount(itemTable,
      h('colgroup', null, h('col'), h('col', { class: 'col-quantity' }), h('col', { class: 'col-price' }), h('col', { class: 'col-price' }), h('col', { class: 'col-remove' })),
      head, ...rows.map((r) => r.el));
    if (focus >= 0) rows[Math.min(focus, rows.length - 1)]?.el.querySelector('input')?.focus();
  };
  const values = () => rows.map((r) => r.read());
  function itemRow(value, i) {
    const n = i + 1;
    const cells = {};
    for (const part of PARTS) {
      const attrs = { id: `gf-item-${i}-${part}`, 'aria-label': t(`gift.item.${part}.n`, { n, currency }) };
      const input = NUMBERS.includes(part) ? numberInput(value[part], attrs) : textInput({ value: value[part] ?? '', ...attrs });
      input.dataset.field = `items.${i}.${part}`;
      input.setAttribute('aria-describedby', `err-gf-items-${i}-${part}`);
      cells[part] = input;
    }
    const cell = (part, attrs = {}) => h('td', { class: `cell-${part}`, ...attrs }, cells[part], errorSlot(`err-gf-items-${i}-${part}`, `items.${i}.${part}`));
    const el = h('tbody', { class: 'item-rows' },
      h('tr', null, cell('name', { colspan: 4 }),
        h('td', { rowspan: 2 }, h('button', { type: 'button', class: 'icon-btn remove-row', 'aria-label': t('gift.item.remove', { n }), title: t('gift.item.remove', { n }),
          onclick: () => { const v = values(); v.splice(i, 1); renderItems(v, v.length ? i : -1); if (!v.length) addItem.focus(); } }, icon(ICONS.close, 14)))),
      h('tr', null, ...PARTS.slice(1).map((part) => cell(part))));
    return { el, read: () => Object.fromEntries(PARTS.map((part) => [part, controlValue(cells[part])])) };
  }
  const addItem = h('button', { type: 'button', class: 'btn btn-ghost btn-small', id: 'gf-add-item',
    onclick: () => { const v = values(); v.push({ name: '', sku: '', quantity: '1', unit_cost: '', unit_retail: '' }); renderItems(v, v.length - 1); } },
  icon(ICONS.plus, 12), t('gift.item.add'));
  renderItems(d.items?.length ? d.items : []);

  const form = /** @type {HTMLFormElement} */ (h('form', { class: ['gift-form', 'inline-form'], id: 'gift-form', novalidate: true, onsubmit: submit }));
  const kit = saving(form, { onReload: o.onReload });
  append(form, kit.banner, carriers,
    h('div', { class: 'field-row cols-2' }, f('status'), f('carrier')),
    f('tracking_number'),
    h('div', { class: 'field-row cols-3' }, ...DATES.map((name) => f(name))),
    h('fieldset', { class: 'subsection', 'data-focus-target': '' },
      h('legend', null, t('gift.form.items')),
      itemTable,
      h('div', { class: 'rows-actions' }, addItem, h('span', { class: 'field-hint' }, t('gift.item.hint', { currency }))),
      errorSlot('err-gf-items', 'items')),
    h('fieldset', { class: 'subsection' },
      h('legend', null, t('gift.form.recipient')),
      f('recipient_name'), f('postal_address'),
      h('div', { class: 'field-row cols-2' }, f('city'), f('country', { extra: country.extra, hint: t('form.country.hint') }))),
    f('notes'),
    h('div', { class: 'inline-actions' },
      o.onDelete ? h('button', { type: 'button', class: 'btn btn-danger-quiet btn-small', id: 'gf-delete', 'data-changes': true, onclick: () => o.onDelete?.() }, icon(ICONS.trash, 12), t('common.delete')) : null,
      h('span', { class: 'spacer' }),
      h('button', { type: 'button', class: 'btn btn-small', id: 'gf-cancel', onclick: () => o.onCancel() }, t('common.cancel')),
      h('button', { type: 'submit', class: 'btn btn-primary btn-small', id: 'gf-save', 'data-changes': true }, t(o.shipment ? 'form.save' : 'gift.add.save'))));
  submitOnShortcut(form);
  form.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !e.defaultPrevented) { e.preventDefault(); e.stopPropagation(); o.onCancel(); } });

  /** @returns {import('../api.js').ShipmentDraft} */
  function collect() {
    const out = /** @type {any} */ ({ ...d });
    for (const name of ['status', 'postal_address', 'notes', ...TEXT, ...DATES]) out[name] = controlValue(c[name]);
    out.country = country.value();
    out.items = values();
    return out;
  }

  async function save() {
    const draft = collect();
    const saved = await kit.run(() => (o.shipment ? api.updateShipment(o.shipment.id, o.shipment.revision, draft) : api.createShipment(draft)));
    if (saved) o.onSaved(saved);
    return Boolean(saved);
  }

  async function submit(e) {
    e.preventDefault();
    await save();
  }

  return {
    el: form,
    focusFirst: () => c.status.focus(),
    /** Sets the status and saves (the quick actions); problems show in this form. */
    saveWithStatus(status) { c.status.value = status; return save(); },
  };
}
