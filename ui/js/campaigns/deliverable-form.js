//! The form for one deliverable, inline in the collaboration panel's Deliverables tab. A new one
//! asks platform, format, due date and optionally "repeat monthly until" (the back end makes
//! one a month up to that date); an existing one also takes the status, the post's address and
//! publish time, the brand-rule checklist (a tick for each rule the campaign's brief sets,
//! labelled with its own hashtags, mentions or disclosure; one line when it sets none) and the content traits (call to action, storytelling, faceless:
//! yes / no / not judged). Control ids: `#dn-<field>` (new) and `#de-<field>` (edit).

import * as api from '../api.js';
import { h, append, icon, ICONS } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { choices } from '../shared/session.js';
import { field, textInput, select } from '../shared/fields.js';
import { dateField, dateTimeField } from '../shared/date-field.js';
import { campaignChoices } from './campaign-vocab.js';
import { saving, submitOnShortcut } from './campaign-save.js';

const TRAITS = ['call_to_action', 'storytelling', 'faceless'];
const CHECKS = [['has_hashtags', 'required_hashtags'], ['has_mentions', 'required_mentions'], ['has_disclosure', 'disclosure']];

/** @param {number} collaborationId @param {string} due @returns {import('../api.js').DeliverableDraft} */
export function emptyDeliverableDraft(collaborationId, due = '') {
  return { collaboration_id: collaborationId, platform: 'instagram', format: 'post', due_on: due, status: 'planned', post_url: '',
    published_at: '', has_hashtags: false, has_mentions: false, has_disclosure: false, call_to_action: null, storytelling: null, faceless: null, notes: '' };
}

const traitValue = (v) => (v === true ? 'yes' : v === false ? 'no' : '');
const traitFrom = (s) => (s === 'yes' ? true : s === 'no' ? false : null);

/**
 * @param {{ deliverable: import('../api.js').Deliverable | null, draft: import('../api.js').DeliverableDraft,
 *   checklist: import('../api.js').Checklist, onSaved: (saved: any) => void, onCancel: () => void,
 *   onDelete?: () => void, onReload: () => void }} o
 */
export function deliverableForm(o) {
  const isNew = !o.deliverable;
  const p = isNew ? 'dn' : 'de';
  const d = o.draft;
  const c = {
    platform: select(choices('platforms'), d.platform),
    format: select(choices('formats'), d.format),
    due_on: dateField({ value: d.due_on }),
    status: select(campaignChoices('deliverable_statuses'), d.status),
    post_url: textInput({ type: 'url', value: d.post_url, placeholder: 'https://' }),
    published_at: dateTimeField({ value: d.published_at ?? '' }),
    notes: h('textarea', { class: 'input textarea', rows: 2, value: d.notes }),
    repeat_until: dateField(),
  };
  // Only the rules the campaign's brief sets are checked (a stored tick of another stays as it is).
  const asked = CHECKS.filter(([, ruleKey]) => o.checklist[ruleKey]);
  for (const [flag] of asked) c[flag] = h('input', { type: 'checkbox', class: 'checkbox', id: `${p}-${flag}`, checked: d[flag], 'data-field': flag });
  const yesNo = [['', t('deliverable.trait.unknown')], ['yes', t('campaign.yes')], ['no', t('campaign.no')]];
  for (const trait of TRAITS) c[trait] = select(yesNo, traitValue(d[trait]));

  const f = (name, extra = {}) => field({ id: `${p}-${name}`, field: name, errId: `err-${p}-${name}`, label: t(`deliverable.form.${name}`), control: c[name], ...extra });
  const form = /** @type {HTMLFormElement} */ (h('form', { class: ['deliverable-form', 'inline-form'], id: `${p}-form`, novalidate: true, onsubmit: submit }));
  const kit = saving(form, { onReload: o.onReload });
  const rule = (flag, ruleKey) => h('label', { class: 'check-field', for: `${p}-${flag}` }, c[flag], t(`deliverable.check.${flag}`, { words: o.checklist[ruleKey] }));
  append(form, kit.banner,
    h('div', { class: 'field-row cols-3' }, f('platform'), f('format'), f('due_on')),
    isNew ? f('repeat_until', { hint: t('deliverable.form.repeat_until.hint') }) : null,
    isNew ? null : h('div', { class: 'field-row cols-2' }, f('status'), f('published_at')),
    isNew ? null : f('post_url'),
    isNew ? null : h('fieldset', { class: 'subsection' },
      h('legend', null, t('deliverable.form.checklist')),
      ...(asked.length ? asked.map(([flag, key]) => rule(flag, key)) : [h('p', { class: 'muted', id: `${p}-checklist-none` }, t('deliverable.check.none'))]),
      h('div', { class: 'field-error', 'data-error-for': 'checklist', hidden: true })),
    isNew ? null : h('fieldset', { class: 'subsection' },
      h('legend', null, t('deliverable.form.traits')),
      h('div', { class: 'field-row cols-3-even' }, ...TRAITS.map((trait) => f(trait)))),
    f('notes'),
    h('div', { class: 'inline-actions' },
      o.onDelete ? h('button', { type: 'button', class: 'btn btn-danger-quiet btn-small', id: `${p}-delete`, 'data-changes': true, onclick: () => o.onDelete?.() }, icon(ICONS.trash, 12), t('common.delete')) : null,
      h('span', { class: 'spacer' }),
      h('button', { type: 'button', class: 'btn btn-small', id: `${p}-cancel`, onclick: () => o.onCancel() }, t('common.cancel')),
      h('button', { type: 'submit', class: 'btn btn-primary btn-small', id: `${p}-save`, 'data-changes': true }, t(isNew ? 'deliverable.add.save' : 'form.save'))));
  submitOnShortcut(form);
  form.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !e.defaultPrevented) { e.preventDefault(); e.stopPropagation(); o.onCancel(); } });

  /** @returns {import('../api.js').DeliverableDraft} */
  function collect() {
    const out = /** @type {any} */ ({ ...d });
    for (const name of ['platform', 'format', 'due_on', 'status', 'post_url', 'published_at', 'notes']) out[name] = c[name].value;
    for (const [flag] of asked) out[flag] = c[flag].checked;
    for (const trait of TRAITS) out[trait] = traitFrom(c[trait].value);
    return out;
  }

  async function submit(e) {
    e.preventDefault();
    const draft = collect();
    const saved = await kit.run(() => (isNew ? api.createDeliverables(draft, c.repeat_until.value) : api.updateDeliverable(o.deliverable.id, o.deliverable.revision, draft)));
    if (saved) o.onSaved(saved);
  }

  return { el: form, focusFirst: () => (isNew ? c.platform : c.status).focus(), collect };
}

/**
 * Asks for the post's address and publish time, then marks the deliverable published. Field
 * problems (no address, not agreed yet) show in the dialog. Resolves true when saved.
 * @param {import('../api.js').Deliverable} deliverable
 */
export async function markPublished(deliverable) {
  const { openDialog } = await import('../shared/dialog.js');
  return new Promise((resolve) => {
    let done = false;
    const url = textInput({ type: 'url', value: deliverable.post_url, placeholder: 'https://' });
    const at = dateTimeField({ value: deliverable.published_at ?? '' });
    const form = /** @type {HTMLFormElement} */ (h('form', { id: 'publish-form', novalidate: true, onsubmit: submit }));
    const kit = saving(form);
    append(form, kit.banner,
      h('p', { class: 'dialog-message' }, t('deliverable.publish.body')),
      field({ id: 'publish-url', field: 'post_url', errId: 'err-publish-url', label: t('deliverable.form.post_url'), control: url }),
      field({ id: 'publish-at', field: 'published_at', errId: 'err-publish-at', label: t('deliverable.form.published_at'), control: at, hint: t('deliverable.publish.at.hint') }),
      h('div', { class: 'field-error', 'data-error-for': 'status', hidden: true }));
    const dlg = openDialog({
      title: t('deliverable.publish.title'), id: 'publish-dialog', body: [form],
      actions: [
        h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel')),
        h('button', { type: 'submit', class: 'btn btn-primary', id: 'publish-save', form: 'publish-form', 'data-changes': true }, t('deliverable.publish.save'))],
      onClose: () => resolve(done),
    });
    url.focus();
    async function submit(e) {
      e.preventDefault();
      const draft = { ...deliverable.draft, status: 'published', post_url: url.value, published_at: at.value };
      const saved = await kit.run(() => api.updateDeliverable(deliverable.id, deliverable.revision, draft));
      if (saved) { done = true; dlg.close(); }
    }
  });
}
