//! The Campaigns screen (route `campaigns`): the list of campaigns, one campaign's view (board,
//! timeline, brief, budget) with the collaboration panel beside it, and the campaign form in a
//! side panel (new: the button or Ctrl+N; edit: the campaign's Edit button).
//!
//! Contract with main.js: `campaignsScreen(previous, params)` returns `{ el, dispose, snapshot,
//! escape, newItem, show }`. `params` may be `{ campaignId, collaborationId, focus }` with focus
//! `deliverable:<id>`, `shipment:<id>`, `touchpoints` (or nav.js's `{ kind, id }`): the campaign
//! opens with that collaboration's panel at that spot. `snapshot()` keeps the campaign, tab,
//! open panel, unsaved form input and the list's search and phase for the next build (another
//! screen, another language). `focusSearch()` (/ or Ctrl+F) focuses the list's search when the
//! list is on view, and answers false elsewhere.

import * as api from '../api.js';
import { h, icon, ICONS, mount } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { session } from '../shared/session.js';
import { confirm } from '../shared/dialog.js';
import { loadCampaignVocabulary } from './campaign-vocab.js';
import { campaignList } from './campaign-list.js';
import { campaignView } from './campaign-view.js';
import { campaignForm, emptyCampaignDraft } from './campaign-form.js';
import { collaborationPanel } from './collaboration-panel.js';
import { toast, toastError } from '../shared/toast.js';

/**
 * @param {any} previous what `snapshot()` returned last time
 * @param {{ campaignId?: number, collaborationId?: number, focus?: any }} [params]
 */
export function campaignsScreen(previous = null, params = {}) {
  const content = h('div', { class: 'campaigns-content' });
  const formPanel = h('aside', { class: 'panel campaign-form-panel', id: 'campaign-form-panel', hidden: true, 'aria-label': t('campaign.form.label') });
  const collab = collaborationPanel({
    onChanged: () => view?.refresh(),
    onClosed: () => { view?.select(); focusCard(); },
  });
  const el = h('section', { class: 'screen campaigns-screen', 'aria-label': t('campaigns.title') },
    h('div', { class: 'campaigns-body' }, content, collab.el, formPanel));

  let view = null;
  let form = null;
  let disposed = false;
  const list = campaignList({ onOpen: (id) => openCampaign(id), onNew: () => newItem() }, previous?.list);
  const listPage = h('div', { class: 'campaigns-list-page' },
    h('header', { class: 'screen-header' },
      h('h1', { id: 'campaigns-title' }, t('campaigns.title')),
      h('div', { class: 'header-actions' },
        h('button', { type: 'button', class: 'btn btn-primary', id: 'new-campaign', 'data-changes': true, title: t('campaigns.new.shortcut'), onclick: () => newItem() },
          icon(ICONS.plus, 14), t('campaigns.new')))),
    list.toolbar,
    h('div', { class: 'screen-scroll' }, list.el));

  async function showList(focusId = null) {
    view?.dispose();
    view = null;
    collab.close();
    mount(content, listPage);
    try {
      list.show(await api.listCampaigns());
      if (focusId !== false) list.focusRow(focusId);
    } catch (err) { toastError(err); }
  }

  function openCampaign(id, tab = undefined) {
    if (view?.id === id) return view;
    view?.dispose();
    if (collab.isOpen()) collab.close();
    view = campaignView(id, {
      tab,
      onBack: () => showList(id),
      onEdit: (c) => openForm(c),
      onDeleted: () => showList(),
      onArchived: (c) => {
        showList();
        toast(t('campaign.archived', { name: c.name }), {
          kind: 'success', timeout: 9000,
          action: { label: t('campaign.archived.undo'), run: () => api.restoreCampaign(c.id).then(() => {
            toast(t('campaign.restored', { name: c.name }), { kind: 'success' });
            if (!view && !disposed) showList(c.id);
          }, toastError) },
        });
      },
      onOpenCollaboration: (collaborationId, focus) => { closeForm(true); collab.show(collaborationId, focus).then(() => view?.select()); },
      onCollaborationMoved: (collaborationId) => { if (collab.openId() === collaborationId) collab.refresh(); },
      selectedCollaboration: () => collab.openId(),
    });
    mount(content, view.el);
    return view;
  }

  function focusCard() {
    const id = collab.openId();
    /** @type {HTMLElement|null} */ (content.querySelector(id ? `#card-${id}` : '.board-card'))?.focus();
  }

  function openForm(campaign, restored = null) {
    if (collab.isOpen()) collab.close();
    form = campaignForm({
      campaign, draft: restored?.draft ?? (campaign ? campaign.draft : emptyCampaignDraft()), initial: restored?.initial,
      onSaved: (saved) => {
        toast(t('campaign.saved', { name: saved.name }), { kind: 'success' });
        closeForm(true);
        if (view?.id === saved.id) view.refresh();
        else openCampaign(saved.id);
      },
      onCancel: () => closeForm(),
      onReload: async () => { try { openForm(await api.getCampaign(campaign.id)); } catch (err) { toastError(err); } },
    });
    formPanel.hidden = false;
    mount(formPanel, form.el);
    if (!restored) form.focusFirst();
  }

  async function closeForm(force = false) {
    if (!form) return true;
    if (!force && form.isDirty() && !(await confirm({ title: t('form.discard.title'), message: t('form.discard.body'), confirmLabel: t('form.discard.confirm'), danger: true }))) return false;
    form = null;
    formPanel.hidden = true;
    formPanel.replaceChildren();
    return true;
  }

  async function newItem() {
    if (form && !(await closeForm())) return;
    openForm(null);
  }

  /** Opens the campaign and collaboration that `p` names, at its focus. */
  function show(p) {
    if (!p?.campaignId) return false;
    openCampaign(Number(p.campaignId), p.collaborationId ? 'board' : undefined);
    if (p.collaborationId) collab.show(Number(p.collaborationId), p.focus ?? null).then(() => view?.select());
    return true;
  }

  const onExternal = () => {
    if (view) view.refresh(); else if (!disposed) api.listCampaigns().then((rows) => list.show(rows), () => {});
    collab.refresh();
  };
  session.events.addEventListener('external', onExternal);

  loadCampaignVocabulary().then(() => {
    if (disposed) return;
    if (show(params)) return;
    if (previous?.campaignId) {
      openCampaign(previous.campaignId, previous.tab);
      if (previous.collab) collab.restore(previous.collab);
    } else {
      showList(false);
    }
    if (previous?.form) openForm(previous.form.campaign, previous.form);
  }, (err) => { toastError(err); showList(false); });

  return {
    el,
    show,
    newItem,
    focusSearch() {
      if (view || !listPage.isConnected) return false;
      list.focusSearch();
      return true;
    },
    escape() {
      if (form) { closeForm(); return true; }
      if (collab.isOpen()) { collab.close(); return true; }
      if (view) { const id = view.id; showList(id); return true; }
      return false;
    },
    snapshot: () => ({ campaignId: view?.id ?? null, tab: view?.tab() ?? null, collab: collab.snapshot(), form: form?.snapshot() ?? null, list: list.filter() }),
    dispose: () => { disposed = true; view?.dispose(); collab.dispose(); session.events.removeEventListener('external', onExternal); },
  };
}
