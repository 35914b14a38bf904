//! The panel beside the roster table. It shows one creator (creator-detail.js, with their
//! campaigns, gifts, compensation and outreach log from creator-campaigns.js) or a form to
//! create or edit one (creator-form.js), and runs the back-end calls behind their buttons:
//! get, create, update, delete, add to a campaign. Delete is offered only to a creator in no
//! campaign (the core keeps one with history). Answers to an older request are dropped
//! (sequence numbers), and closing a form with unsaved changes asks first.

import * as api from '../api.js';
import { h, mount } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { asPayload } from '../shared/errors.js';
import { confirm } from '../shared/dialog.js';
import { creatorDetail } from './creator-detail.js';
import { creatorForm, emptyDraft } from './creator-form.js';
import { creatorCampaignSide } from './creator-campaigns.js';
import { openAddToCampaign } from './add-to-campaign.js';
import { toast, toastError } from '../shared/toast.js';

/** showCreator's sideState: take the side's state when the new view is built, not before. */
const KEEP_SIDE = Symbol('keep-side');

/**
 * @param {{ onSaved: (creator: import('../api.js').Creator) => void, onDeleted: (id: number) => void, onClosed: () => void }} hooks
 */
export function creatorPanel(hooks) {
  const el = h('aside', { class: 'panel', id: 'creator-panel', hidden: true, 'aria-label': t('panel.label') });
  /** @type {'view'|'edit'|'new'|null} */
  let mode = null;
  let seq = 0;
  let form = null;
  /** The creator shown in view mode, to re-read when it changed elsewhere. */
  let viewedId = null;
  /** A change elsewhere was read while a contact was being typed: the facts are read again
   * when the form closes. */
  let factsStale = false;
  /** The campaign side of the creator on view (history, gifts, totals, outreach). */
  let side = null;

  function show(content, nextMode) {
    if (nextMode !== 'view' || !content.contains(side?.el ?? null)) { side?.dispose(); side = null; }
    mode = nextMode;
    el.hidden = false;
    mount(el, content);
  }

  /** `sideState`: the campaign side's snapshot to carry over (a half-typed contact), or
   * KEEP_SIDE to carry over whatever the side holds once the creator has loaded (what the
   * person typed or opened while it loaded is not lost). */
  async function showCreator(id, sideState = null) {
    // The creator already on view, asked for again (a click on the row the selection has
    // just followed): nothing to do; a change elsewhere comes through refreshViewed.
    if (sideState === null && mode === 'view' && id === viewedId && !el.hidden) return;
    if (mode === 'edit' || mode === 'new') {
      if (form?.isDirty() && !(await confirmDiscard())) return;
    }
    const mine = ++seq;
    form = null;
    if (el.hidden) show(h('div', { class: 'panel-loading' }, t('common.loading')), 'view');
    el.setAttribute('aria-busy', 'true');
    try {
      const creator = await api.getCreator(id);
      if (mine !== seq) return;
      view(creator, sideState === KEEP_SIDE ? side?.snapshot() ?? null : sideState);
    } catch (err) {
      if (mine !== seq) return;
      toastError(err);
      if (asPayload(err).kind === 'not_found') { hide(); hooks.onDeleted(id); }
    } finally {
      if (mine === seq) el.removeAttribute('aria-busy');
    }
  }

  /** Another process changed the workspace: read the creator on view again. While a contact
   * is being logged only the lists are read again (the typing is not interrupted); the rest
   * follows once the form closes. */
  function refreshViewed() {
    if (mode !== 'view' || viewedId === null) return;
    if (side?.busy()) {
      factsStale = true;
      side.refresh();
      return;
    }
    showCreator(viewedId, KEEP_SIDE);
  }

  /** Shows `creator` read-only, with their campaign side loading beside the facts. */
  function view(creator, sideState = null) {
    viewedId = creator.id;
    factsStale = false;
    const previous = side;
    /** The campaigns the creator is in, once their history is read. */
    let inCampaigns = [];
    side = creatorCampaignSide(creator, sideState, {
      onIdle: () => { if (factsStale) refreshViewed(); },
      onHistory: (history) => {
        inCampaigns = history ? history.collaborations.map((c) => c.campaign_id) : [];
        const del = /** @type {HTMLElement|null} */ (el.querySelector('#delete-creator'));
        if (del) del.hidden = !!history && history.collaborations.length > 0;
      },
    });
    previous?.dispose();
    const addToCampaign = () => openAddToCampaign({
      creatorIds: [creator.id], creatorName: creator.display_name, inCampaigns,
      onAdded: () => side?.refresh(),
    });
    show(creatorDetail(creator, { onEdit: () => edit(creator), onAddToCampaign: addToCampaign, onDelete: () => remove(creator), onClose: () => close(), side: side.el }), 'view');
  }

  /** The edit form; `restored` is a form snapshot from a previous build of the panel. */
  function edit(creator, restored = null) {
    seq += 1;
    form = creatorForm({
      creator, draft: restored?.draft ?? creator.draft, initial: restored?.initial, error: restored?.error,
      save: (draft) => api.updateCreator(creator.id, creator.revision, draft),
      onSaved: saved,
      onCancel: () => showCreator(creator.id),
      onReload: () => reloadForEdit(creator.id),
    });
    show(form.el, 'edit');
    if (!restored) form.focusFirst();
  }

  async function reloadForEdit(id) {
    try {
      edit(await api.getCreator(id));
    } catch (err) {
      toastError(err);
    }
  }

  async function newCreator() {
    if ((mode === 'edit' || mode === 'new') && form?.isDirty() && !(await confirmDiscard())) return;
    openNew(null);
  }

  function openNew(restored) {
    seq += 1;
    form = creatorForm({
      creator: null, draft: restored?.draft ?? emptyDraft(), initial: restored?.initial, error: restored?.error,
      save: (draft) => api.createCreator(draft),
      onSaved: saved,
      onCancel: () => close(),
      onReload: () => {},
    });
    show(form.el, 'new');
    if (!restored) form.focusFirst();
  }

  function saved(creator) {
    toast(t('creator.saved', { name: creator.display_name }), { kind: 'success' });
    form = null;
    view(creator);
    el.querySelector('#detail-name')?.focus();
    hooks.onSaved(creator);
  }

  async function remove(creator) {
    const ok = await confirm({
      title: t('creator.delete.title', { name: creator.display_name }),
      message: t('creator.delete.body', { name: creator.display_name }),
      confirmLabel: t('creator.delete.confirm'),
      confirmId: 'confirm-delete',
      danger: true,
    });
    if (!ok) return;
    try {
      await api.deleteCreator(creator.id);
      toast(t('creator.deleted', { name: creator.display_name }), { kind: 'success' });
      hide();
      hooks.onDeleted(creator.id);
    } catch (err) {
      toastError(err);
    }
  }

  function confirmDiscard() {
    return confirm({ title: t('form.discard.title'), message: t('form.discard.body'), confirmLabel: t('form.discard.confirm'), danger: true });
  }

  function hide() {
    seq += 1;
    side?.dispose();
    side = null;
    mode = null;
    form = null;
    el.hidden = true;
    el.replaceChildren();
  }

  async function close() {
    if ((mode === 'edit' || mode === 'new') && form?.isDirty() && !(await confirmDiscard())) return;
    hide();
    hooks.onClosed();
  }

  return {
    el,
    showCreator,
    newCreator,
    close,
    isOpen: () => !el.hidden,
    isViewing: () => mode === 'view',
    /** Esc inside the panel: closes an open "Log contact" form first. */
    escape: () => side?.escape() ?? false,
    /** Re-reads the creator on view (another process changed the workspace); forms are left
     * alone: saving a stale form is refused by the back end and offers a reload. */
    refreshViewed,
    /** What the panel shows, with a form's unsaved input, for `restore` in a rebuilt screen. */
    snapshot: () => ({ mode, viewedId, form: form?.snapshot() ?? null, side: mode === 'view' ? side?.snapshot() ?? null : null }),
    /** Shows again what `snapshot` described: the creator on view, or the form as it was typed. */
    restore(state) {
      if ((state.mode === 'edit' || state.mode === 'new') && state.form) {
        if (state.mode === 'edit') edit(state.form.creator, state.form);
        else openNew(state.form);
      } else if (state.mode === 'view' && state.viewedId !== null) {
        showCreator(state.viewedId, state.side);
      }
    },
    dispose: () => { seq += 1; side?.dispose(); },
  };
}
