//! The Outreach tab of the collaboration panel: the contacts logged for this collaboration
//! (followed, commented, DM, email, call, meeting), newest first, and a small form to log one
//! (kind, date defaulting to today, notes). Logging keeps the creator's "last contact" in the
//! roster up to date (the back end does that). Control ids: `#tp-kind`, `#tp-date`, `#tp-notes`.

import * as api from '../api.js';
import { h, append, icon, ICONS, mount } from '../shared/dom.js';
import { t, fmt } from '../shared/i18n.js';
import { dateField } from '../shared/date-field.js';
import { field, textInput, select } from '../shared/fields.js';
import { campaignChoices, campaignLabel, today } from './campaign-vocab.js';
import { saving, submitOnShortcut } from './campaign-save.js';
import { toast, toastError } from '../shared/toast.js';

/**
 * @param {import('../api.js').CollaborationDetail} detail
 * @param {{ onChanged: (focus?: string) => void }} hooks
 */
export function outreachList(detail, hooks) {
  const l = detail.collaboration;
  const kind = select(campaignChoices('touchpoint_kinds'), 'dm');
  const date = dateField({ value: today(), max: today() });
  const notes = textInput({ placeholder: t('outreach.notes.placeholder') });
  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'outreach-form', id: 'tp-form', novalidate: true, 'data-changes': true, onsubmit: submit }));
  const kit = saving(form);
  append(form, kit.banner,
    h('div', { class: 'outreach-grid' },
      field({ id: 'tp-kind', field: 'kind', errId: 'err-tp-kind', label: t('outreach.kind'), control: kind }),
      field({ id: 'tp-date', field: 'happened_on', errId: 'err-tp-date', label: t('outreach.date'), control: date }),
      field({ id: 'tp-notes', field: 'notes', errId: 'err-tp-notes', label: t('outreach.notes'), control: notes }),
      h('button', { type: 'submit', class: 'btn btn-primary btn-small', id: 'add-touchpoint' }, t('outreach.add'))));
  submitOnShortcut(form);

  async function submit(e) {
    e.preventDefault();
    const saved = await kit.run(() => api.addTouchpoint({ creator_id: l.creator_id, collaboration_id: l.id, kind: kind.value, happened_on: date.value, notes: notes.value }));
    if (saved) { toast(t('outreach.logged'), { kind: 'success' }); hooks.onChanged('touchpoints'); }
  }

  async function remove(tp) {
    try {
      await api.deleteTouchpoint(tp.id);
      toast(t('outreach.deleted'), { kind: 'success' });
      hooks.onChanged('touchpoints');
    } catch (err) { toastError(err); }
  }

  const list = h('ul', { class: 'item-list touchpoint-list', id: 'touchpoint-list' });
  mount(list, ...detail.touchpoints.map((tp) => h('li', { class: 'item touchpoint-item', id: `touchpoint-${tp.id}` },
    h('div', { class: 'item-main' },
      h('span', { class: ['badge', 'badge-quiet', `tp-${tp.kind}`] }, campaignLabel('touchpoint_kinds', tp.kind)),
      h('div', { class: 'item-text' },
        h('div', { class: 'item-title' }, fmt.date(tp.happened_on)),
        tp.notes ? h('p', { class: 'prose' }, tp.notes) : null),
      h('button', { type: 'button', class: 'icon-btn remove-row', 'data-changes': true, 'aria-label': t('outreach.remove'), title: t('outreach.remove'), onclick: () => remove(tp) }, icon(ICONS.trash, 14))))));

  return h('div', { class: 'tab-section' },
    form,
    detail.touchpoints.length ? list : h('p', { class: 'muted empty-line' }, t('outreach.none')));
}
