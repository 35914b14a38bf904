//! The Deliverables tab of the collaboration panel: each deliverable with its platform, format,
//! due date, status chip and overdue mark, the post's link once live and how it met the brand
//! rules; "Mark published" asks for the link; "Edit" opens the form in place; "Add deliverable"
//! opens an empty one (with "repeat monthly until"). Every save reloads the panel (`onChanged`).
//! Items are `#deliverable-<id>` so a focus target can land on one.

import * as api from '../api.js';
import { h, icon, ICONS, mount } from '../shared/dom.js';
import { t, tn, fmt } from '../shared/i18n.js';
import { label } from '../shared/session.js';
import { platformBadge } from '../shared/badges.js';
import { campaignLabel, today } from './campaign-vocab.js';
import { confirm } from '../shared/dialog.js';
import { deliverableForm, emptyDeliverableDraft, markPublished } from './deliverable-form.js';
import { toast, toastError } from '../shared/toast.js';

const OPEN = new Set(['planned', 'in_production', 'submitted', 'changes_requested', 'approved']);
const LIVE = new Set(['published', 'verified']);

/** True when the deliverable is still to be published and its day has passed. */
export const isOverdue = (d) => OPEN.has(d.status) && d.due_on < today();

/** A status chip for a deliverable. */
export const deliverableChip = (status) => h('span', { class: ['badge', 'status', `dstatus-${status}`] }, campaignLabel('deliverable_statuses', status));

/**
 * @param {import('../api.js').CollaborationDetail} detail
 * @param {{ onChanged: (focus?: string) => void }} hooks
 */
export function deliverableList(detail, hooks) {
  const id = detail.collaboration.id;
  const list = h('ul', { class: 'item-list', id: 'deliverable-list' });
  const adder = h('div', { class: 'item-adder' });
  const cancelled = detail.collaboration.status === 'cancelled';
  const addBtn = h('button', { type: 'button', class: 'btn btn-small', id: 'add-deliverable', 'data-changes': true, disabled: cancelled,
    title: cancelled ? t('deliverable.add.cancelled') : null, onclick: () => openAdd() }, icon(ICONS.plus, 12), t('deliverable.add'));

  function openAdd() {
    const form = deliverableForm({
      deliverable: null, draft: emptyDeliverableDraft(id), checklist: detail.checklist,
      onSaved: (created) => {
        toast(tn('deliverable.added', created?.length ?? 1), { kind: 'success' });
        hooks.onChanged(created?.[0] ? `deliverable:${created[0].id}` : 'deliverables');
      },
      onCancel: () => { adder.replaceChildren(); addBtn.hidden = false; addBtn.focus(); },
      onReload: () => hooks.onChanged('deliverables'),
    });
    addBtn.hidden = true;
    mount(adder, form.el);
    form.focusFirst();
  }

  function render() {
    mount(list, ...detail.deliverables.map(item));
  }

  function item(d) {
    const li = h('li', { class: ['item', 'deliverable-item', isOverdue(d) && 'is-overdue'], id: `deliverable-${d.id}`, tabindex: -1, 'data-status': d.status });
    const view = () => mount(li,
      h('div', { class: 'item-main' },
        platformBadge(d.platform),
        h('div', { class: 'item-text' },
          h('div', { class: 'item-title' }, label('formats', d.format), ' ', h('span', { class: 'muted' }, t('deliverable.due', { date: fmt.date(d.due_on) }))),
          h('div', { class: 'item-meta' },
            deliverableChip(d.status),
            isOverdue(d) ? h('span', { class: 'badge badge-overdue' }, t('campaign.overdue')) : null,
            LIVE.has(d.status) && d.published_at ? h('span', { class: 'muted' }, t('deliverable.publishedAt', { date: fmt.dateTime(d.published_at) })) : null,
            checks(d))),
        h('div', { class: 'item-actions' },
          OPEN.has(d.status) ? h('button', { type: 'button', class: 'btn btn-small mark-published', 'data-changes': true, onclick: () => publish(d) }, t('deliverable.markPublished')) : null,
          h('button', { type: 'button', class: 'icon-btn edit-deliverable', 'data-changes': true, 'aria-label': t('deliverable.edit'), title: t('deliverable.edit'), onclick: () => edit() }, icon(ICONS.edit, 14)))),
      d.post_url ? h('button', { type: 'button', class: 'url link-button post-link', title: t('detail.handle.open'), onclick: () => api.openProfile(d.post_url).catch(toastError) }, d.post_url) : null,
      d.notes ? h('p', { class: 'item-notes prose' }, d.notes) : null);
    const edit = () => {
      const form = deliverableForm({
        deliverable: d, draft: d.draft, checklist: detail.checklist,
        onSaved: () => { toast(t('deliverable.saved'), { kind: 'success' }); hooks.onChanged(`deliverable:${d.id}`); },
        onCancel: () => { view(); li.querySelector('.edit-deliverable')?.focus(); },
        onDelete: LIVE.has(d.status) ? undefined : () => remove(d),
        onReload: () => hooks.onChanged(`deliverable:${d.id}`),
      });
      mount(li, form.el);
      form.focusFirst();
    };
    view();
    return li;
  }

  /** The checklist as three small marks (only once something is ticked or the post is live). */
  function checks(d) {
    const rules = [['has_hashtags', detail.checklist.required_hashtags], ['has_mentions', detail.checklist.required_mentions], ['has_disclosure', detail.checklist.disclosure]]
      .filter(([, words]) => words);
    if (!rules.length || !(LIVE.has(d.status) || rules.some(([flag]) => d[flag]))) return null;
    const met = rules.filter(([flag]) => d[flag]).length;
    return h('span', { class: ['badge', met === rules.length ? 'badge-ok' : 'badge-warning'], title: rules.map(([flag, words]) => `${d[flag] ? '✓' : '✗'} ${words}`).join('\n') },
      t('deliverable.checks', { met, total: rules.length }));
  }

  async function publish(d) {
    if (await markPublished(d)) {
      toast(t('deliverable.publishedNote'), { kind: 'success' });
      hooks.onChanged(`deliverable:${d.id}`);
    }
  }

  async function remove(d) {
    const ok = await confirm({ title: t('deliverable.delete.title'), message: t('deliverable.delete.body', { format: label('formats', d.format), date: fmt.date(d.due_on) }),
      confirmLabel: t('common.delete'), confirmId: 'confirm-delete-deliverable', danger: true });
    if (!ok) return;
    try {
      await api.deleteDeliverable(d.id);
      toast(t('deliverable.deleted'), { kind: 'success' });
      hooks.onChanged('deliverables');
    } catch (err) { toastError(err); }
  }

  render();
  const live = detail.deliverables.filter((d) => LIVE.has(d.status)).length;
  return h('div', { class: 'tab-section' },
    h('div', { class: 'section-head' },
      h('p', { class: 'muted' }, detail.deliverables.length ? tn('deliverable.summary', detail.deliverables.length, { live }) : t('deliverable.none')),
      addBtn),
    adder, list);
}
