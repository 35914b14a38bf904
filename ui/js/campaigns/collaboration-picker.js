//! "Add creator" on a campaign board: a dialog that searches the roster (the roster's own
//! search, `listRoster`), lets the user pick one creator with ↑/↓ and Enter or a click, and
//! asks the terms to start with (type, status, fee, gift value). Saving creates the
//! collaboration; problems such as "already in this campaign" show at their fields.
//! Control ids: `#pick-search`, `.pick-row`, `#pick-<field>`, `#pick-save`.

import * as api from '../api.js';
import { h, append, icon, ICONS, debounce, mount } from '../shared/dom.js';
import { t, fmt } from '../shared/i18n.js';
import { session } from '../shared/session.js';
import { openDialog } from '../shared/dialog.js';
import { field, errorSlot, textInput, select } from '../shared/fields.js';
import { platformBadge, tierBadge, atHandle } from '../shared/badges.js';
import { campaignChoices } from './campaign-vocab.js';
import { saving } from './campaign-save.js';
import { toast, toastError } from '../shared/toast.js';

/**
 * @param {{ campaignId: number, campaignName: string, onAdded: (c: import('../api.js').Collaboration) => void }} o
 */
export function openCollaborationPicker(o) {
  const currency = session.vocab?.currency ?? '';
  let chosen = null;
  const search = textInput({ type: 'search', id: 'pick-search', placeholder: t('roster.search.placeholder'), 'aria-label': t('picker.search'), autofocus: true });
  const results = h('ul', { class: 'pick-results', id: 'pick-results', role: 'listbox', 'aria-label': t('picker.results') });
  const chosenText = h('p', { class: 'pick-chosen', id: 'pick-chosen', 'data-field': 'creator_id', tabindex: -1 }, t('picker.none'));
  const c = {
    kind: select(campaignChoices('collaboration_kinds'), 'gifted'),
    status: select(campaignChoices('collaboration_statuses'), 'proposed'),
    fee: textInput({ class: 'input num', inputmode: 'decimal', placeholder: currency }),
    gift_value: textInput({ class: 'input num', inputmode: 'decimal', placeholder: currency }),
  };
  const f = (name) => field({ id: `pick-${name}`, field: name, errId: `err-pick-${name}`, label: t(`collab.form.${name}`), control: c[name] });
  const form = /** @type {HTMLFormElement} */ (h('form', { id: 'pick-form', class: 'pick-form', novalidate: true, onsubmit: submit }));
  const kit = saving(form);
  append(form, kit.banner,
    h('div', { class: 'pick-search' }, icon(ICONS.search, 14), search),
    results,
    h('div', { class: 'pick-chosen-row' }, h('span', { class: 'field-label' }, t('picker.chosen')), chosenText),
    errorSlot('err-pick-creator_id', 'creator_id'),
    h('div', { class: 'field-row cols-2' }, f('kind'), f('status')),
    h('div', { class: 'field-row cols-2' }, f('fee'), f('gift_value')));
  const saveBtn = h('button', { type: 'submit', class: 'btn btn-primary', id: 'pick-save', form: 'pick-form', 'data-changes': true, disabled: true }, t('picker.add'));
  const dlg = openDialog({
    title: t('picker.title', { campaign: o.campaignName }), id: 'pick-dialog', className: 'dialog-picker', body: [form],
    actions: [h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel')), saveBtn],
  });

  let seq = 0;
  const find = debounce(async () => {
    const mine = ++seq;
    try {
      const page = await api.listRoster({ search: search.value, sort: 'name', limit: 30, offset: 0 });
      if (mine !== seq) return;
      mount(results, ...(page.rows.length ? page.rows.map(row) : [h('li', { class: 'muted pick-empty' }, t('picker.noMatch'))]));
    } catch (err) { toastError(err); }
  }, 120);

  /** @param {import('../api.js').CreatorRow} r */
  function row(r) {
    const top = r.handles[0];
    return h('li', {
      class: ['pick-row', chosen?.id === r.id && 'selected'], role: 'option', tabindex: -1, 'aria-selected': String(chosen?.id === r.id), 'data-id': r.id,
      onclick: () => choose(r), onkeydown: (e) => rowKey(e, r),
    },
    h('span', { class: 'pick-name' }, r.display_name),
    top ? h('span', { class: 'card-handle' }, platformBadge(top.platform), h('span', { class: 'handle-text' }, atHandle(top.handle, top.platform))) : null,
    h('span', { class: 'num muted' }, fmt.compact(r.max_followers)),
    tierBadge(r.tier));
  }

  function choose(r) {
    chosen = r;
    mount(chosenText, r.display_name);
    saveBtn.disabled = false;
    for (const li of results.querySelectorAll('.pick-row')) {
      const on = Number(/** @type {HTMLElement} */ (li).dataset.id) === r.id;
      li.classList.toggle('selected', on);
      li.setAttribute('aria-selected', String(on));
    }
    kit.hideBanner();
    const slot = form.querySelector('#err-pick-creator_id');
    if (slot) { slot.hidden = true; slot.replaceChildren(); }
  }

  function rowKey(e, r) {
    const li = /** @type {HTMLElement} */ (e.currentTarget);
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); choose(r); c.kind.focus(); }
    else if (e.key === 'ArrowDown') { e.preventDefault(); /** @type {HTMLElement|null} */ (li.nextElementSibling)?.focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); (/** @type {HTMLElement|null} */ (li.previousElementSibling) || search).focus(); }
  }

  search.addEventListener('input', find);
  search.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); /** @type {HTMLElement|null} */ (results.querySelector('.pick-row'))?.focus(); }
    if (e.key === 'Enter') { e.preventDefault(); const first = results.querySelector('.pick-row'); if (first) /** @type {HTMLElement} */ (first).click(); }
  });
  find();

  async function submit(e) {
    e.preventDefault();
    if (!chosen) { search.focus(); return; }
    const draft = { campaign_id: o.campaignId, creator_id: chosen.id, kind: c.kind.value, status: c.status.value, fee: c.fee.value, gift_value: c.gift_value.value,
      commission_terms: '', starts_on: '', ends_on: '', usage_channels: '', usage_until: '', usage_exclusive: false, contract_signed_on: '', contract_path: '', notes: '' };
    const saved = await kit.run(() => api.createCollaboration(draft));
    if (saved) {
      dlg.close();
      toast(t('collab.added', { name: saved.creator_name, campaign: saved.campaign_name }), { kind: 'success' });
      o.onAdded(saved);
    }
  }
}
