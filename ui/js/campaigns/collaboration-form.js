//! The terms of a collaboration (the "Terms" tab of the collaboration panel): type, status,
//! fee, gift value, commission terms, dates, usage rights, the contract's signing date and the
//! path to the contract file ("Choose file…" opens the native dialog; "Open" opens the saved
//! file in the system's app). Sends a CollaborationDraft; the back end judges it, and its field
//! problems show at their fields (`#err-lf-<field>`). Control ids: `#lf-<field>`.

import * as api from '../api.js';
import { h, append, icon, ICONS } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { session } from '../shared/session.js';
import { field, textInput, numberInput, controlValue, select } from '../shared/fields.js';
import { dateField } from '../shared/date-field.js';
import { campaignChoices } from './campaign-vocab.js';
import { saving, submitOnShortcut } from './campaign-save.js';
import { toastError } from '../shared/toast.js';

const TEXT = ['usage_channels', 'contract_path'];
const MONEY = ['fee', 'gift_value'];
const DATES = ['starts_on', 'ends_on', 'usage_until', 'contract_signed_on'];
const AREAS = ['commission_terms', 'notes'];

/**
 * @param {{ collaboration: import('../api.js').Collaboration, draft?: import('../api.js').CollaborationDraft,
 *   initial?: string, onSaved: (c: import('../api.js').Collaboration) => void, onReload: () => void,
 *   onRemove: () => void }} o
 */
export function collaborationForm(o) {
  const l = o.collaboration;
  const draft = { ...l.draft, ...(o.draft ?? {}) };
  const currency = session.vocab?.currency ?? '';
  const controls = {
    kind: select(campaignChoices('collaboration_kinds'), draft.kind),
    status: select(campaignChoices('collaboration_statuses'), draft.status),
    usage_exclusive: h('input', { type: 'checkbox', class: 'checkbox', checked: draft.usage_exclusive }),
  };
  for (const name of TEXT) controls[name] = textInput({ value: draft[name] ?? '' });
  for (const name of MONEY) controls[name] = numberInput(draft[name], { placeholder: currency });
  for (const name of DATES) controls[name] = dateField({ value: draft[name] ?? '' });
  for (const name of AREAS) controls[name] = h('textarea', { class: 'input textarea', rows: 2, value: draft[name] ?? '' });
  controls.contract_path.classList.add('mono');

  const f = (name, extra = {}) => field({ id: `lf-${name}`, field: name, errId: `err-lf-${name}`, label: t(`collab.form.${name}`), control: controls[name], ...extra });
  const openBtn = h('button', {
    type: 'button', class: 'btn btn-small', id: 'open-contract', 'data-looks': true, disabled: !l.contract_path,
    title: t('collab.contract.open.title'), onclick: () => api.openContract(l.id).catch(toastError),
  }, icon(ICONS.file, 12), t('collab.contract.open'));
  const chooseBtn = h('button', {
    type: 'button', class: 'btn btn-small', id: 'choose-contract',
    onclick: async () => {
      const path = await api.pickContractFile().catch((err) => { toastError(err); return null; });
      if (path) { controls.contract_path.value = path; controls.contract_path.dispatchEvent(new Event('input', { bubbles: true })); }
    },
  }, icon(ICONS.folder, 12), t('collab.contract.choose'));
  // "Open" opens the saved file: once the path was changed, save first.
  controls.contract_path.addEventListener('input', () => { openBtn.disabled = !l.contract_path || controls.contract_path.value !== l.contract_path; });

  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'collab-form', id: 'collab-form', novalidate: true, 'data-changes': true, onsubmit: submit }));
  const kit = saving(form, { onReload: o.onReload });
  append(form, kit.banner,
    h('fieldset', { class: 'form-section' },
      h('legend', null, t('collab.form.section.deal')),
      h('div', { class: 'field-row cols-2' }, f('kind'), f('status')),
      h('div', { class: 'field-row cols-2' },
        f('fee', { hint: t('collab.form.money.hint', { currency }) }),
        f('gift_value', { hint: t('collab.form.gift_value.hint') })),
      f('commission_terms'),
      h('div', { class: 'field-row cols-2' }, f('starts_on'), f('ends_on'))),
    h('fieldset', { class: 'form-section' },
      h('legend', null, t('collab.form.section.usage')),
      f('usage_channels', { hint: t('collab.form.usage_channels.hint') }),
      h('div', { class: 'field-row cols-2' }, f('usage_until'),
        h('label', { class: 'check-field', for: 'lf-usage_exclusive' }, controls.usage_exclusive, t('collab.form.usage_exclusive')))),
    h('fieldset', { class: 'form-section' },
      h('legend', null, t('collab.form.section.contract')),
      f('contract_signed_on'),
      f('contract_path', { hint: t('collab.form.contract_path.hint') }),
      h('div', { class: 'button-row contract-actions' }, chooseBtn, openBtn)),
    h('fieldset', { class: 'form-section' },
      h('legend', null, t('collab.form.section.notes')),
      f('notes', { className: 'label-hidden' })),
    h('div', { class: 'inline-actions' },
      // Not offered (no onRemove) when the collaboration has history the core keeps.
      o.onRemove ? h('button', { type: 'button', class: 'btn btn-danger-quiet btn-small', id: 'remove-collaboration', onclick: () => o.onRemove?.() }, icon(ICONS.trash, 12), t('collab.remove')) : null,
      h('span', { class: 'spacer' }),
      h('span', { class: 'muted shortcut-hint' }, t('form.saveShortcut')),
      h('button', { type: 'submit', class: 'btn btn-primary', id: 'save-collaboration' }, t('form.save'))));
  controls.usage_exclusive.id = 'lf-usage_exclusive';
  controls.usage_exclusive.dataset.field = 'usage_exclusive';
  submitOnShortcut(form);

  /** @returns {import('../api.js').CollaborationDraft} */
  function collect() {
    const out = /** @type {any} */ ({ campaign_id: l.campaign_id, creator_id: l.creator_id });
    for (const name of ['kind', 'status', ...MONEY, ...TEXT, ...DATES, ...AREAS]) out[name] = controlValue(controls[name]);
    out.usage_exclusive = controls.usage_exclusive.checked;
    return out;
  }
  const initial = o.initial ?? JSON.stringify(collect());

  async function submit(e) {
    e.preventDefault();
    const saved = await kit.run(() => api.updateCollaboration(l.id, l.revision, collect()));
    if (saved) o.onSaved(saved);
  }

  return {
    el: form,
    isDirty: () => JSON.stringify(collect()) !== initial,
    snapshot: () => ({ draft: collect(), initial }),
    /** Sets the status and saves (the board's quick moves). */
    saveWithStatus(status) { controls.status.value = status; form.requestSubmit(); },
  };
}
