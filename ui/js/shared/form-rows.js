//! The repeatable rows of the creator form: handles (platform, handle, followers, profile URL)
//! and rate-card lines (format, amount as typed). Rows can be added and removed; removing one
//! renumbers the rest, so ids always read `#f-handle-<i>-<part>` / `#f-rate-<i>-<part>` with
//! error slots `#err-handles-<i>-<part>` / `#err-rates-<i>-<part>` for the back end's
//! `handles.<i>.<part>` and `rates.<i>.<part>`. Followers and amounts stay text, shown in the
//! window's number spelling (`numberInput`).

import { h, icon, ICONS, mount } from './dom.js';
import { t, fmt } from './i18n.js';
import { choices } from './session.js';
import { errorSlot, textInput, numberInput, controlValue, select } from './fields.js';

/**
 * A repeatable list. `build(value, i)` returns `{ el, read }` for one row.
 * @param {{ items: any[], blank: () => any, build: (value: any, i: number) => {el: HTMLElement, read: () => any},
 *   head: HTMLElement | null, addLabel: string, addId: string, footer?: HTMLElement | null, focusPart: string }} o
 */
function repeatable(o) {
  let rows = [];
  const list = h('ol', { class: 'rows-list' });
  const head = o.head;

  function render(values, focusIndex = -1) {
    rows = values.map((value, i) => o.build(value, i));
    mount(list, ...rows.map((r) => r.el));
    if (head) head.hidden = rows.length === 0;
    // Errors belong to the old numbering: clear the list's shared slot too.
    const shared = el.parentElement?.querySelector(':scope > .field-error');
    if (shared) { shared.hidden = true; shared.replaceChildren(); }
    if (focusIndex >= 0) {
      const target = rows[Math.min(focusIndex, rows.length - 1)]?.el.querySelector(o.focusPart);
      (target || addBtn).focus();
    }
  }

  const values = () => rows.map((r) => r.read());
  const remove = (i) => { const v = values(); v.splice(i, 1); render(v, v.length ? i : -1); if (!v.length) addBtn.focus(); };
  const addBtn = h('button', { type: 'button', class: 'btn btn-ghost btn-small', id: o.addId, onclick: () => { const v = values(); v.push(o.blank()); render(v, v.length - 1); } },
    icon(ICONS.plus, 12), o.addLabel);
  const el = h('div', { class: 'rows' }, head, list, h('div', { class: 'rows-actions' }, addBtn, o.footer || null));
  o.removeRow = remove;
  render(o.items);
  return { el, values };
}

const removeButton = (labelText, onclick) =>
  h('button', { type: 'button', class: 'icon-btn remove-row', 'aria-label': labelText, title: labelText, onclick }, icon(ICONS.close, 14));

/** @param {import('../api.js').HandleDraft[]} items */
export function handleRows(items) {
  const platforms = choices('platforms');
  const o = {
    items,
    blank: () => ({ platform: platforms[0]?.[0] ?? 'instagram', handle: '', profile_url: '', followers: '' }),
    head: h('div', { class: 'rows-head handle-grid', 'aria-hidden': 'true' },
      h('span', null, t('form.handle.platform')), h('span', null, t('form.handle.handle')),
      h('span', { class: 'num' }, t('form.handle.followers')), h('span', null)),
    addLabel: t('form.handle.add'),
    addId: 'add-handle',
    focusPart: 'input',
    footer: h('span', { class: 'field-hint' }, t('form.handle.followersHint')),
    build(value, i) {
      const n = i + 1;
      const options = platforms.some(([v]) => v === value.platform) || !value.platform ? platforms : [...platforms, [value.platform, value.platform]];
      const parts = {
        platform: select(options, value.platform),
        handle: textInput({ value: value.handle, placeholder: t('form.handle.handle.placeholder') }),
        followers: numberInput(value.followers, { placeholder: fmt.number(12345) }),
        profile_url: textInput({ value: value.profile_url, type: 'url', placeholder: t('form.handle.url.placeholder') }),
      };
      const labelled = (part, labelKey) => {
        const id = `f-handle-${i}-${part}`;
        const control = parts[part];
        control.id = id;
        control.dataset.field = `handles.${i}.${part}`;
        control.setAttribute('aria-describedby', `err-handles-${i}-${part}`);
        return [h('label', { class: 'sr-only', for: id }, t(labelKey, { n })), control];
      };
      const el = h('li', { class: 'repeat-row', 'data-index': i },
        h('div', { class: 'handle-grid' },
          h('div', null, ...labelled('platform', 'form.handle.platform.n')),
          h('div', null, ...labelled('handle', 'form.handle.handle.n')),
          h('div', null, ...labelled('followers', 'form.handle.followers.n')),
          removeButton(t('form.handle.remove', { n }), () => o.removeRow(i))),
        h('div', { class: 'handle-url' }, ...labelled('profile_url', 'form.handle.url.n')),
        errorSlot(`err-handles-${i}`, `handles.${i}`),
        ...['platform', 'handle', 'followers', 'profile_url'].map((part) =>
          errorSlot(`err-handles-${i}-${part}`, `handles.${i}.${part}`, t(`form.handle.${part}.prefix`))));
      return { el, read: () => ({ platform: parts.platform.value, handle: parts.handle.value, profile_url: parts.profile_url.value, followers: controlValue(parts.followers) }) };
    },
  };
  return repeatable(o);
}

/** @param {import('../api.js').RateDraft[]} items @param {string} currency */
export function rateRows(items, currency) {
  const formats = choices('formats');
  const o = {
    items,
    blank: () => ({ format: formats[0]?.[0] ?? 'post', amount: '' }),
    head: h('div', { class: 'rows-head rate-grid', 'aria-hidden': 'true' },
      h('span', null, t('form.rate.format')), h('span', { class: 'num' }, t('form.rate.amount', { currency })), h('span', null)),
    addLabel: t('form.rate.add'),
    addId: 'add-rate',
    focusPart: 'select',
    footer: h('span', { class: 'field-hint' }, t('form.rate.hint', { currency })),
    build(value, i) {
      const n = i + 1;
      const options = formats.some(([v]) => v === value.format) || !value.format ? formats : [...formats, [value.format, value.format]];
      const parts = {
        format: select(options, value.format),
        amount: numberInput(value.amount, { placeholder: currency }),
      };
      const labelled = (part, labelKey) => {
        const id = `f-rate-${i}-${part}`;
        const control = parts[part];
        control.id = id;
        control.dataset.field = `rates.${i}.${part}`;
        control.setAttribute('aria-describedby', `err-rates-${i}-${part}`);
        return [h('label', { class: 'sr-only', for: id }, t(labelKey, { n, currency })), control];
      };
      const el = h('li', { class: 'repeat-row', 'data-index': i },
        h('div', { class: 'rate-grid' },
          h('div', null, ...labelled('format', 'form.rate.format.n')),
          h('div', null, ...labelled('amount', 'form.rate.amount.n')),
          removeButton(t('form.rate.remove', { n }), () => o.removeRow(i))),
        errorSlot(`err-rates-${i}`, `rates.${i}`),
        errorSlot(`err-rates-${i}-format`, `rates.${i}.format`, t('form.rate.format.prefix')),
        errorSlot(`err-rates-${i}-amount`, `rates.${i}.amount`, t('form.rate.amount.prefix')));
      return { el, read: () => ({ format: parts.format.value, amount: controlValue(parts.amount) }) };
    },
  };
  return repeatable(o);
}
