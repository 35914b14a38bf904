//! The form that creates or edits a creator. It fills from a CreatorDraft (all text, as the
//! back end hands it out in `Creator.draft`), collects a CreatorDraft back, and leaves every
//! judgement to the back end: on a `validation` error each problem is shown at its field
//! (`#err-<field>`, dots as dashes), the control is marked aria-invalid and the first one is
//! focused, with everything the user typed kept. A `stale_edit` offers to reload.
//! Control ids: `#f-<field>`, `#f-handle-<i>-<part>`, `#f-rate-<i>-<part>`.

import { h, icon, ICONS, mount } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { session, choices } from '../shared/session.js';
import { asPayload, problemText } from '../shared/errors.js';
import { field, errorSlot, textInput, select, showFieldErrors, clearFieldErrors, clearErrorsOnEdit } from '../shared/fields.js';
import { handleRows, rateRows } from '../shared/form-rows.js';
import { countryPicker } from '../shared/country-picker.js';
import { toastError } from '../shared/toast.js';

/** @returns {import('../api.js').CreatorDraft} */
export function emptyDraft() {
  return {
    display_name: '', handles: [{ platform: 'instagram', handle: '', profile_url: '', followers: '' }],
    niches: [], tags: [], city: '', country: '', postal_address: '', language: '', email: '', phone: '', manager: '',
    paypal_email: '', iban: '', account_holder: '', payout_method: 'none', stage: 'prospect',
    vat_status: 'none', vat_number: '', vat_rate: '', billing_address: '',
    authenticity_score: '', authenticity_notes: '', notes: '', rates: [],
  };
}

/** Text fields of the draft that map one-to-one onto an input. */
const TEXT_FIELDS = ['display_name', 'city', 'postal_address', 'language', 'email', 'phone', 'manager',
  'paypal_email', 'iban', 'account_holder', 'vat_number', 'vat_rate', 'billing_address', 'authenticity_notes', 'notes'];
const SELECT_FIELDS = ['payout_method', 'vat_status', 'stage', 'authenticity_score'];
const VAT_STATUSES = ['none', 'registered', 'reverse_charge'];

/**
 * @param {{ creator: import('../api.js').Creator | null, draft: import('../api.js').CreatorDraft,
 *   save: (draft: import('../api.js').CreatorDraft) => Promise<import('../api.js').Creator>,
 *   onSaved: (c: import('../api.js').Creator) => void, onCancel: () => void, onReload: () => void,
 *   initial?: string, error?: any }} o  `initial` and `error` come from a snapshot of an earlier
 *   build of this form (what it was opened with, the last error shown), so a rebuilt form keeps
 *   knowing it is dirty and says its errors again in the new language.
 */
export function creatorForm(o) {
  const draft = { ...emptyDraft(), ...o.draft };
  const vocab = session.vocab;
  const controls = {};

  const text = (name, attrs = {}) => (controls[name] = textInput({ value: draft[name] ?? '', ...attrs }));
  const fieldFor = (name, control, extra = {}) => field({ id: `f-${name}`, field: name, errId: `err-${name}`, label: t(`form.${name}`), control, ...extra });
  const withCurrent = (options, value) => (value && !options.some(([v]) => v === value) ? [...options, [value, value]] : options);

  controls.stage = select(withCurrent(choices('stages'), draft.stage), draft.stage);
  controls.payout_method = select(withCurrent(choices('payout_methods'), draft.payout_method), draft.payout_method);
  controls.authenticity_score = select([['', t('form.score.none')], ...['1', '2', '3', '4', '5'].map((n) => [n, t(`form.score.${n}`)])], String(draft.authenticity_score ?? ''));
  controls.niches = textInput({ value: (draft.niches || []).join(', ') });
  controls.tags = textInput({ value: (draft.tags || []).join(', ') });
  controls.postal_address = h('textarea', { class: 'input textarea', rows: 3, value: draft.postal_address ?? '', autocomplete: 'street-address' });
  controls.notes = h('textarea', { class: 'input textarea', rows: 4, value: draft.notes ?? '' });
  controls.vat_status = select(VAT_STATUSES.map((v) => [v, t(`form.vat_status.${v}`)]), draft.vat_status || 'none');
  controls.billing_address = h('textarea', { class: 'input textarea', rows: 3, value: draft.billing_address ?? '' });
  controls.authenticity_notes = h('textarea', { class: 'input textarea', rows: 2, value: draft.authenticity_notes ?? '' });
  const country = countryPicker({ value: draft.country ?? '', id: 'f-country', stored: !!o.creator && draft.country === o.creator.country });
  controls.country = country.input;

  const handles = handleRows(draft.handles || []);
  const rates = rateRows(draft.rates || [], vocab?.currency || '');
  const banner = h('div', { class: 'form-banner', id: 'form-banner', hidden: true });
  const saveBtn = h('button', { type: 'submit', id: 'save-creator', 'data-changes': true, class: 'btn btn-primary' }, t(o.creator ? 'form.save' : 'form.create'));
  const title = o.creator ? t('form.title.edit', { name: o.creator.display_name }) : t('form.title.new');

  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'creator-form', novalidate: true, 'aria-label': title, onsubmit: submit },
    h('header', { class: 'panel-header' },
      h('div', { class: 'panel-title-row' },
        h('h2', { class: 'panel-title' }, title),
        h('button', { type: 'button', class: 'icon-btn', 'aria-label': t('common.close'), title: t('common.closeEsc'), onclick: () => o.onCancel() }, icon(ICONS.close)))),
    h('div', { class: 'panel-body' },
      banner,
      h('fieldset', { class: 'form-section' },
        h('legend', null, t('form.section.identity')),
        fieldFor('display_name', text('display_name', { maxlength: 200 }))),
      h('fieldset', { class: 'form-section', 'data-focus-target': '' },
        h('legend', null, t('form.section.handles')),
        handles.el,
        errorSlot('err-handles', 'handles')),
      h('fieldset', { class: 'form-section' },
        h('legend', null, t('form.section.niches')),
        fieldFor('niches', controls.niches, { hint: t('form.commaHint') }),
        fieldFor('tags', controls.tags, { hint: t('form.commaHint') })),
      h('fieldset', { class: 'form-section' },
        h('legend', null, t('form.section.location')),
        // Two to a row: a country's name ("Verenigde Staten", "Bosnië en Herzegovina") needs the room.
        h('div', { class: 'field-row cols-2' },
          fieldFor('city', text('city')),
          fieldFor('country', country.input, { extra: country.extra, hint: t('form.country.hint') })),
        fieldFor('language', text('language', { maxlength: 12, class: 'input short' }), { hint: t('form.language.hint') }),
        fieldFor('postal_address', controls.postal_address, { hint: t('form.postal_address.hint') })),
      h('fieldset', { class: 'form-section' },
        h('legend', null, t('form.section.contact')),
        fieldFor('email', text('email', { type: 'email', inputmode: 'email' })),
        fieldFor('phone', text('phone', { type: 'tel', inputmode: 'tel' })),
        // A manager is often a name, an agency and an address: the whole width.
        fieldFor('manager', text('manager'))),
      h('fieldset', { class: 'form-section' },
        h('legend', null, t('form.section.pipeline')),
        h('div', { class: 'field-row cols-2' },
          fieldFor('stage', controls.stage),
          fieldFor('authenticity_score', controls.authenticity_score, { hint: t('form.authenticity_score.hint') })),
        fieldFor('authenticity_notes', controls.authenticity_notes)),
      h('fieldset', { class: 'form-section' },
        h('legend', null, t('form.section.payout')),
        h('div', { class: 'field-row cols-2' },
          fieldFor('payout_method', controls.payout_method),
          fieldFor('paypal_email', text('paypal_email', { type: 'email', inputmode: 'email' }))),
        fieldFor('iban', text('iban', { class: 'input mono', maxlength: 42 })),
        fieldFor('account_holder', text('account_holder'))),
      h('fieldset', { class: 'form-section' },
        h('legend', null, t('form.section.vat')),
        fieldFor('vat_status', controls.vat_status, { hint: t('form.vat_status.hint') }),
        h('div', { class: 'field-row cols-2' },
          fieldFor('vat_number', text('vat_number', { class: 'input mono', maxlength: 24 })),
          fieldFor('vat_rate', text('vat_rate', { class: 'input num short', inputmode: 'decimal', maxlength: 6 }), { hint: t('form.vat_rate.hint') })),
        fieldFor('billing_address', controls.billing_address, { hint: t('form.billing_address.hint') })),
      h('fieldset', { class: 'form-section', 'data-focus-target': '' },
        h('legend', null, t('form.section.rates')),
        rates.el,
        errorSlot('err-rates', 'rates')),
      h('fieldset', { class: 'form-section' },
        h('legend', null, t('form.section.notes')),
        fieldFor('notes', controls.notes, { className: 'label-hidden' }))),
    h('footer', { class: 'panel-footer' },
      h('span', { class: 'muted shortcut-hint' }, t('form.saveShortcut')),
      h('button', { type: 'button', class: 'btn', id: 'cancel-creator', onclick: () => o.onCancel() }, t('common.cancel')),
      saveBtn)));

  clearErrorsOnEdit(form);
  form.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'Enter')) { e.preventDefault(); form.requestSubmit(); }
  });

  const splitList = (value) => value.split(',').map((v) => v.trim()).filter(Boolean);

  /** @returns {import('../api.js').CreatorDraft} */
  function collect() {
    const out = /** @type {any} */ ({});
    for (const name of TEXT_FIELDS) out[name] = controls[name].value;
    for (const name of SELECT_FIELDS) out[name] = controls[name].value;
    out.country = country.value();
    out.niches = splitList(controls.niches.value);
    out.tags = splitList(controls.tags.value);
    out.handles = handles.values();
    out.rates = rates.values();
    return out;
  }

  const initial = o.initial ?? JSON.stringify(collect());
  let busy = false;
  /** The last error shown, kept for a snapshot. */
  let lastError = o.error ?? null;

  async function submit(event) {
    event.preventDefault();
    if (busy) return;
    busy = true;
    saveBtn.disabled = true;
    form.setAttribute('aria-busy', 'true');
    hideBanner();
    try {
      const creator = await o.save(collect());
      clearFieldErrors(form);
      lastError = null;
      o.onSaved(creator);
    } catch (err) {
      lastError = asPayload(err);
      showError(lastError);
    } finally {
      busy = false;
      saveBtn.disabled = false;
      form.removeAttribute('aria-busy');
    }
  }

  function showError(e, focus = true) {
    if (e.kind === 'validation' && e.fields.length) {
      const { first, unplaced } = showFieldErrors(form, e.fields);
      showBanner('error', t('form.invalid', { count: e.fields.length }), unplaced.map((p) => `${p.field}: ${problemText(p)}`));
      if (focus) {
        // Focus without the browser's minimal scroll, then bring the whole field (with its
        // error below the control) into view.
        (first || banner).focus({ preventScroll: true });
        (first?.closest('.field, .repeat-row') || first || banner).scrollIntoView({ block: 'nearest' });
      }
    } else if (e.kind === 'stale_edit') {
      showBanner('warning', t('form.stale'), [], h('button', { type: 'button', class: 'btn', id: 'reload-creator', onclick: () => o.onReload() }, t('form.reload')));
      if (focus) banner.focus();
    } else if (focus) {
      toastError(e);
    }
  }

  // Rebuilt (another language): the errors the user was still looking at, said again.
  if (o.error) showError(o.error, false);

  /** The last error, narrowed to the field problems still on screen (editing clears one). */
  function errorOnScreen() {
    if (!lastError || lastError.kind !== 'validation') return lastError;
    const shown = [...form.querySelectorAll('[data-error-for]:not([hidden])')].map((el) => /** @type {HTMLElement} */ (el).dataset.errorFor);
    const fields = lastError.fields.filter((p) => shown.some((n) => p.field === n || p.field.startsWith(`${n}.`)));
    return fields.length ? { ...lastError, fields } : null;
  }

  function showBanner(kind, message, lines = [], action = null) {
    banner.hidden = false;
    banner.className = `form-banner banner-${kind}`;
    banner.setAttribute('role', 'alert');
    banner.tabIndex = -1;
    mount(banner, h('div', { class: 'banner-text' }, h('p', null, message),
      lines.length ? h('ul', null, ...lines.map((l) => h('li', null, l))) : null), action);
  }

  function hideBanner() {
    banner.hidden = true;
    banner.replaceChildren();
  }

  return {
    el: form,
    isDirty: () => JSON.stringify(collect()) !== initial,
    snapshot: () => ({ creator: o.creator, draft: collect(), initial, error: errorOnScreen() }),
    focusFirst: () => controls.display_name.focus(),
  };
}
