//! The outreach log in the creator panel: every touchpoint with the creator (followed,
//! commented, DM, email, call, meeting), newest first, each removable when it was logged by
//! mistake; and a small "Log contact" form (kind, date — today unless changed —, notes and,
//! optionally, the collaboration it was about). The core judges the entry (no date in the
//! future, the collaboration must be this creator's); its field errors show at the fields.
//! Adding or removing an entry moves the roster's Last contact, so `onChanged` reloads both.
//! `update(entries)` shows a newer log without touching an open form (a change elsewhere).

import * as api from '../api.js';
import { h, icon, ICONS, mount } from '../shared/dom.js';
import { t, tn, fmt } from '../shared/i18n.js';
import { asPayload } from '../shared/errors.js';
import { confirm } from '../shared/dialog.js';
import { field, select, showFieldErrors, clearFieldErrors, clearErrorsOnEdit } from '../shared/fields.js';
import { dateField } from '../shared/date-field.js';
import { campaignLabel, campaignChoices, today } from '../campaigns/campaign-vocab.js';
import { toast, toastError } from '../shared/toast.js';

/**
 * @param {{ creatorId: number, creatorName: string,
 *   entries: import('../api.js').PastTouchpoint[],
 *   collaborations: Array<{ id: number, label: string }>,
 *   onChanged: () => void, onClosed?: () => void, restored?: Record<string, string> | null }} o
 *   `restored`: the values of a "Log contact" form left open in an earlier build (another
 *   language); `onClosed`: the form was closed (saved or cancelled)
 */
export function outreachSection(o) {
  const list = h('div', { class: 'contact-log-list' });
  const formSlot = h('div', { class: 'contact-log-form-slot' });
  const logBtn = h('button', { type: 'button', id: 'log-contact', class: 'btn btn-small', 'data-changes': true, 'aria-expanded': 'false', onclick: () => openForm() },
    icon(ICONS.plus, 12), t('contactLog.log'));
  const el = h('section', { class: 'detail-section contact-log', id: 'creator-contact-log', 'aria-labelledby': 'contact-log-title' },
    h('div', { class: 'section-head' },
      h('h3', { class: 'section-title', id: 'contact-log-title' }, t('contactLog.title')),
      logBtn),
    formSlot,
    list);

  renderList(o.entries);
  /** The open form's controls, for a snapshot. */
  let controls = null;

  function renderList(entries) {
    if (!entries.length) {
      mount(list, h('p', { class: 'muted' }, t('contactLog.none')));
      return;
    }
    mount(list, h('p', { class: 'muted section-count' }, tn('contactLog.count', entries.length)),
      h('ol', { class: 'contact-log-items', 'aria-label': t('contactLog.title') }, ...entries.map((entry) => {
        const kind = campaignLabel('touchpoint_kinds', entry.kind);
        const date = fmt.date(entry.happened_on);
        return h('li', { class: 'contact-log-item', 'data-touchpoint-id': entry.id },
          h('div', { class: 'contact-log-line' },
            h('span', { class: ['touch-kind', `touch-${entry.kind}`] }, kind),
            h('time', { class: 'contact-log-date', datetime: entry.happened_on }, date),
            entry.campaign_name ? h('span', { class: 'muted contact-log-campaign', title: entry.campaign_name }, entry.campaign_name) : null,
            h('button', {
              type: 'button', class: 'icon-btn contact-log-delete', 'data-changes': true, 'aria-label': t('contactLog.delete.label', { kind, date }),
              title: t('contactLog.delete.short'), onclick: () => remove(entry, kind, date),
            }, icon(ICONS.trash, 13))),
          entry.notes ? h('p', { class: 'prose contact-log-notes' }, entry.notes) : null);
      })));
  }

  function openForm(values = null) {
    if (formSlot.firstChild) { formSlot.querySelector('select')?.focus(); return; }
    const kinds = campaignChoices('touchpoint_kinds');
    controls = {
      kind: select(kinds, kinds.find(([v]) => v === 'dm')?.[0] ?? kinds[0]?.[0] ?? ''),
      happened_on: dateField({ value: today(), max: today() }),
      collaboration_id: select([['', t('contactLog.noCollaboration')], ...o.collaborations.map((c) => [String(c.id), c.label])], ''),
      notes: h('textarea', { class: 'input textarea', rows: 2, maxlength: 2000 }),
    };
    const saveBtn = h('button', { type: 'submit', class: 'btn btn-primary btn-small', id: 'contact-log-save', 'data-changes': true }, t('contactLog.save'));
    const form = /** @type {HTMLFormElement} */ (h('form', { class: 'contact-log-form', id: 'contact-log-form', novalidate: true, onsubmit: submit, onkeydown: onKey, 'aria-label': t('contactLog.log') },
      h('div', { class: 'field-row cols-2' },
        field({ id: 'contact-log-kind', field: 'kind', errId: 'err-contact-kind', label: t('contactLog.kind'), control: controls.kind }),
        field({ id: 'contact-log-date', field: 'happened_on', errId: 'err-contact-date', label: t('contactLog.date'), control: controls.happened_on })),
      o.collaborations.length
        ? field({ id: 'contact-log-collaboration', field: 'collaboration_id', errId: 'err-contact-collaboration', label: t('contactLog.collaboration'), control: controls.collaboration_id })
        : null,
      field({ id: 'contact-log-notes', field: 'notes', errId: 'err-contact-notes', label: t('contactLog.notes'), control: controls.notes }),
      h('div', { class: 'button-row contact-log-actions' },
        h('button', { type: 'button', class: 'btn btn-small', id: 'contact-log-cancel', onclick: () => closeForm() }, t('common.cancel')),
        saveBtn)));
    clearErrorsOnEdit(form);
    mount(formSlot, form);
    logBtn.setAttribute('aria-expanded', 'true');
    if (values) {
      for (const [name, value] of Object.entries(values)) if (controls[name]) controls[name].value = value;
    } else {
      controls.kind.focus();
    }

    function onKey(e) {
      if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); closeForm(); }
      else if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); form.requestSubmit(); }
    }

    async function submit(event) {
      event.preventDefault();
      clearFieldErrors(form);
      saveBtn.disabled = true;
      const collab = controls.collaboration_id.value;
      try {
        await api.addTouchpoint({
          creator_id: o.creatorId, collaboration_id: collab ? Number(collab) : null,
          kind: controls.kind.value, happened_on: controls.happened_on.value, notes: controls.notes.value,
        });
        toast(t('contactLog.logged', { name: o.creatorName }), { kind: 'success' });
        closeForm();
        o.onChanged();
      } catch (err) {
        const e = asPayload(err);
        if (e.kind === 'validation' && e.fields.length) {
          const { first, unplaced } = showFieldErrors(form, e.fields);
          (first || controls.kind).focus();
          if (unplaced.length) toastError({ ...e, fields: unplaced });
        } else {
          toastError(e);
        }
      } finally {
        saveBtn.disabled = false;
      }
    }
  }

  function closeForm(refocus = true) {
    controls = null;
    formSlot.replaceChildren();
    logBtn.setAttribute('aria-expanded', 'false');
    if (refocus) logBtn.focus();
    o.onClosed?.();
  }

  async function remove(entry, kind, date) {
    const ok = await confirm({
      title: t('contactLog.delete.title'),
      message: t('contactLog.delete.body', { kind, date }),
      confirmLabel: t('contactLog.delete.confirm'),
      confirmId: 'confirm-delete-touchpoint',
      danger: true,
    });
    if (!ok) return;
    try {
      await api.deleteTouchpoint(entry.id);
      toast(t('contactLog.deleted'), { kind: 'success' });
      o.onChanged();
    } catch (err) {
      toastError(err);
    }
  }

  if (o.restored) openForm(o.restored);

  return {
    el,
    /** What is typed in an open "Log contact" form (null when it is closed). */
    snapshot: () => (controls ? Object.fromEntries(Object.entries(controls).map(([name, c]) => [name, c.value])) : null),
    /** Esc: closes an open "Log contact" form first. */
    escape: () => (formSlot.firstChild ? (closeForm(), true) : false),
    /** Whether a "Log contact" form is open. */
    isOpen: () => controls !== null,
    /** Shows `entries` as the log; an open form and its focus stay as they are. */
    update: (entries) => renderList(entries),
  };
}
