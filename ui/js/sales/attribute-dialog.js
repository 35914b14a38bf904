//! "Attribute to a creator…" in an order's detail: gives an unattributed order (or one in the
//! review queue) to any creator on the roster, whether or not it carries their code (a code
//! said aloud, a link the shop did not keep). The person searches the roster by name or handle
//! (the roster's own search), picks a creator with ↑/↓ and Enter or a click; when the creator
//! has several collaborations the campaign is chosen from a menu, starting on the one the core
//! picks (their only one, or the one whose dates hold the order); the reason is required. The
//! core decides (`attribute_order` with `without_code`) and books the order; every problem shows
//! at its field (creator, collaboration, reason). Control ids: `#attr-search`, `.attr-row`,
//! `#attr-collaboration`, `#attr-reason`, `#attr-save`.

import * as api from '../api.js';
import { h, icon, ICONS, debounce, mount } from '../shared/dom.js';
import { t, fmt } from '../shared/i18n.js';
import { openDialog } from '../shared/dialog.js';
import { field, errorSlot, textInput, showFieldErrors, clearFieldErrors, showProblems } from '../shared/fields.js';
import { asPayload, problemText } from '../shared/errors.js';
import { platformBadge, atHandle } from '../shared/badges.js';
import { campaignLabel, loadCampaignVocabulary } from '../campaigns/campaign-vocab.js';
import { toast, toastError } from '../shared/toast.js';

/** The button that opens the dialog for `order` (an OrderRow). */
export function attributeToCreatorAction(order, onDone) {
  return h('button', { type: 'button', class: 'btn btn-small', id: 'order-attribute-any', 'data-changes': true,
    onclick: () => openAttributeDialog(order, onDone) }, t('sales.attributeAny.button'));
}

function openAttributeDialog(order, onDone) {
  let chosen = null;
  let findSeq = 0;
  let chooseSeq = 0;
  const search = textInput({ type: 'search', id: 'attr-search', placeholder: t('roster.search.placeholder'), 'aria-label': t('picker.search'), 'data-field': 'creator' });
  const results = h('ul', { class: 'pick-results', id: 'attr-results', role: 'listbox', 'aria-label': t('picker.results') });
  const chosenText = h('p', { class: 'pick-chosen', id: 'attr-chosen' }, t('picker.none'));
  const collaboration = /** @type {HTMLSelectElement} */ (h('select', { class: 'input', disabled: true }));
  const collabHint = h('p', { class: 'field-hint', id: 'attr-collaboration-why' });
  const reason = /** @type {HTMLTextAreaElement} */ (h('textarea', { class: 'input', rows: 3, maxlength: 500 }));
  const banner = h('p', { class: 'form-banner banner-error', id: 'attr-problem', role: 'alert', hidden: true });
  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'attribute-form', id: 'attr-form', novalidate: true, onsubmit: save },
    banner,
    h('p', { class: 'muted' }, t('sales.attributeAny.body', { number: order.number })),
    h('div', { class: 'pick-search' }, icon(ICONS.search, 14), search),
    results,
    h('div', { class: 'pick-chosen-row' }, h('span', { class: 'field-label' }, t('picker.chosen')), chosenText),
    errorSlot('err-attr-creator', 'creator'),
    field({ id: 'attr-collaboration', field: 'collaboration', errId: 'err-attr-collaboration', label: t('sales.attributeAny.collaboration'), control: collaboration, extra: collabHint }),
    field({ id: 'attr-reason', field: 'reason', errId: 'err-attr-reason', label: t('sales.action.reason'), control: reason, hint: t('sales.attributeAny.withoutCode') })));
  const saveBtn = h('button', { type: 'submit', class: 'btn btn-primary', id: 'attr-save', form: 'attr-form', 'data-changes': true }, t('sales.attributeAny.save'));
  const dlg = openDialog({
    title: t('sales.attributeAny.title', { number: order.number }), id: 'attr-dialog', className: 'dialog-picker', body: [form],
    actions: [h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel')), saveBtn],
  });
  search.focus();
  reason.addEventListener('input', () => clearOne('reason'));
  collaboration.addEventListener('change', () => clearOne('collaboration'));

  const find = debounce(async () => {
    const mine = ++findSeq;
    try {
      const page = await api.listRoster({ search: search.value, sort: 'name', limit: 30, offset: 0 });
      if (mine !== findSeq) return;
      mount(results, ...(page.rows.length ? page.rows.map(row) : [h('li', { class: 'muted pick-empty' }, t('picker.noMatch'))]));
    } catch (err) { toastError(err); }
  }, 120);
  search.addEventListener('input', () => { clearOne('creator'); find(); });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); /** @type {HTMLElement|null} */ (results.querySelector('.attr-row'))?.focus(); }
    if (e.key === 'Enter') { e.preventDefault(); /** @type {HTMLElement|null} */ (results.querySelector('.attr-row'))?.click(); }
  });
  find();

  /** @param {import('../api.js').CreatorRow} r */
  function row(r) {
    const top = r.handles[0];
    return h('li', {
      class: ['pick-row', 'attr-row', chosen?.id === r.id && 'selected'], role: 'option', tabindex: -1, 'aria-selected': String(chosen?.id === r.id), 'data-id': r.id,
      onclick: () => choose(r), onkeydown: (e) => rowKey(e, r),
    },
    h('span', { class: 'pick-name' }, r.display_name),
    top ? h('span', { class: 'card-handle' }, platformBadge(top.platform), h('span', { class: 'handle-text' }, atHandle(top.handle, top.platform))) : h('span'));
  }

  function rowKey(e, r) {
    const li = /** @type {HTMLElement} */ (e.currentTarget);
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); choose(r); }
    else if (e.key === 'ArrowDown') { e.preventDefault(); /** @type {HTMLElement|null} */ (li.nextElementSibling)?.focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); (/** @type {HTMLElement|null} */ (li.previousElementSibling) || search).focus(); }
  }

  /** A creator chosen: their collaborations in the menu, starting on the core's pick. */
  async function choose(r) {
    chosen = r;
    mount(chosenText, r.display_name);
    clearOne('creator');
    clearOne('collaboration');
    for (const li of results.querySelectorAll('.attr-row')) {
      const on = Number(/** @type {HTMLElement} */ (li).dataset.id) === r.id;
      li.classList.toggle('selected', on);
      li.setAttribute('aria-selected', String(on));
    }
    collaboration.disabled = true;
    mount(collaboration);
    collabHint.textContent = '';
    const mine = ++chooseSeq;
    try {
      await loadCampaignVocabulary();
      const [history, picked] = await Promise.all([
        api.creatorHistory(r.id),
        api.pickCollaboration(r.id, order.id).then((id) => ({ id, why: null }), (err) => ({ id: null, why: asPayload(err) })),
      ]);
      if (mine !== chooseSeq) return;
      const collabs = history.collaborations;
      if (!collabs.length) {
        showFieldErrors(form, [{ field: 'creator', code: 'creator_has_no_collaboration', message: '' }]);
        return;
      }
      mount(collaboration,
        picked.id === null ? h('option', { value: '' }, t('sales.attributeAny.chooseCampaign')) : null,
        ...collabs.map((c) => h('option', { value: c.collaboration_id, selected: c.collaboration_id === picked.id },
          `${c.campaign_name} · ${campaignLabel('collaboration_statuses', c.status)}${c.starts_on ? ` · ${fmt.date(c.starts_on)}` : ''}`)));
      collaboration.disabled = collabs.length === 1;
      const why = picked.why?.fields?.[0];
      if (why) collabHint.textContent = problemText(why);
      (picked.id === null ? collaboration : reason).focus();
    } catch (err) {
      if (mine === chooseSeq) toastError(err);
    }
  }

  function clearOne(name) {
    const slot = form.querySelector(`[data-error-for="${name}"]`);
    if (slot) { /** @type {HTMLElement} */ (slot).hidden = true; slot.replaceChildren(); }
    form.querySelector(`[data-field="${name}"]`)?.removeAttribute('aria-invalid');
    banner.hidden = true;
  }

  async function save(e) {
    e.preventDefault();
    clearFieldErrors(form);
    banner.hidden = true;
    const missing = [];
    if (!chosen) missing.push({ field: 'creator', code: 'attribute_creator_missing', message: '' });
    else if (!collaboration.value) missing.push({ field: 'collaboration', code: 'attribute_campaign_missing', message: '' });
    if (!reason.value.trim()) missing.push({ field: 'reason', code: 'reason_required', message: '' });
    if (missing.length) {
      showFieldErrors(form, missing).first?.focus();
      return;
    }
    saveBtn.disabled = true;
    try {
      await api.attributeToCreator(order.id, Number(collaboration.value), reason.value);
      dlg.close();
      toast(t('sales.attributeAny.done', { number: order.number, name: chosen.display_name }), { kind: 'success' });
      onDone?.();
    } catch (err) {
      showProblems(form, banner, err);
    } finally {
      saveBtn.disabled = false;
    }
  }
}
