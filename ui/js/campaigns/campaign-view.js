//! One campaign: its header (name, goal, phase, dates, Edit, Archive or Restore, CSV and
//! calendar export through native save dialogs), the budget strip, and five tabs: Board,
//! Timeline, Brief, Sales (sales/campaign-sales.js) and Results (analytics/campaign-results.js). Delete is offered only for a campaign without creators (the core keeps
//! one with history); every campaign can be archived, and an archived one says so in a banner
//! with Restore and takes no new creators. Reads the campaign and its board together;
//! `refresh()` reads them again (after a save in the collaboration panel, or a change made
//! elsewhere) and keeps the tab.

import * as api from '../api.js';
import { h, icon, ICONS, mount } from '../shared/dom.js';
import { t, tn, fmt } from '../shared/i18n.js';
import { campaignLabel } from './campaign-vocab.js';
import { dateRange, phaseBadge } from './campaign-list.js';
import { budgetStrip } from './campaign-budget.js';
import { campaignBoard } from './campaign-board.js';
import { campaignTimeline } from './campaign-timeline.js';
import { campaignBrief } from './campaign-brief.js';
import { campaignSalesTab } from '../sales/campaign-sales.js';
import { campaignResultsTab } from '../analytics/campaign-results.js';
import { openCollaborationPicker } from './collaboration-picker.js';
import { confirm } from '../shared/dialog.js';
import { toast, toastError } from '../shared/toast.js';
import { moveByArrow } from '../shared/tabs.js';

const TABS = ['board', 'timeline', 'brief', 'sales', 'results'];

/**
 * @param {number} id
 * @param {{ tab?: string, onBack: () => void, onEdit: (c: import('../api.js').Campaign) => void,
 *   onDeleted: () => void, onArchived: (c: import('../api.js').Campaign) => void,
 *   onOpenCollaboration: (collaborationId: number, focus?: string) => void,
 *   onCollaborationMoved: (collaborationId: number) => void, selectedCollaboration: () => number|null }} o
 */
export function campaignView(id, o) {
  let tab = TABS.includes(o.tab ?? '') ? o.tab : 'board';
  /** @type {import('../api.js').Campaign | null} */
  let campaign = null;
  /** @type {import('../api.js').CampaignBoard | null} */
  let board = null;
  let seq = 0;
  let timeline = null;
  /** The Results tab while it shows (its charts stop listening when it goes). */
  let results = null;
  /** The Results tab's grouping, kept across its redraws. */
  let resultsBy = 'format';
  let resultsWindow = 'all';
  const el = h('section', { class: 'campaign-view', 'aria-busy': 'true' }, h('div', { class: 'panel-loading' }, t('common.loading')));

  async function refresh() {
    const mine = ++seq;
    try {
      const [c, b] = await Promise.all([api.getCampaign(id), api.campaignBoard(id)]);
      if (mine !== seq) return;
      campaign = c;
      board = b;
      render();
    } catch (err) {
      if (mine !== seq) return;
      toastError(err);
      if (err?.kind === 'not_found') o.onBack();
    } finally {
      if (mine === seq) el.removeAttribute('aria-busy');
    }
  }

  function render() {
    if (!campaign || !board) return;
    const c = campaign;
    const focusedId = /** @type {HTMLElement|null} */ (document.activeElement)?.id;
    timeline?.dispose();
    timeline = null;
    results?.dispose();
    results = null;
    const tabButton = (name) => h('button', {
      type: 'button', role: 'tab', class: 'tab', id: `campaign-tab-${name}`, 'aria-selected': String(tab === name), tabindex: tab === name ? 0 : -1,
      'aria-controls': 'campaign-tabpanel', onclick: () => switchTab(name),
    }, t(name === 'sales' ? 'sales.campaign.tab' : name === 'results' ? 'results.campaign.tab' : `campaign.tab.${name}`));
    const archived = !!c.archived_on;
    const creators = board.columns.reduce((n, col) => n + col.cards.length, 0);
    let body;
    if (tab === 'board') {
      body = campaignBoard(board, { onOpen: o.onOpenCollaboration, onAdd: archived ? null : addCreator, selectedId: o.selectedCollaboration(),
        onMoved: (collaborationId) => { o.onCollaborationMoved(collaborationId); return refresh(); } });
    }
    else if (tab === 'timeline') { timeline = campaignTimeline(board, c, { onOpen: o.onOpenCollaboration }); body = timeline.el; }
    else if (tab === 'sales') body = campaignSalesTab(c, o.onOpenCollaboration, refresh);
    else if (tab === 'results') { results = campaignResultsTab(c, { by: resultsBy, onBy: (by) => { resultsBy = by; }, window: resultsWindow, onWindow: (w) => { resultsWindow = w; } }); body = results.el; }
    else body = campaignBrief(c);
    mount(el,
      h('header', { class: 'campaign-header' },
        h('button', { type: 'button', class: 'btn btn-ghost btn-small back', id: 'back-to-campaigns', onclick: () => o.onBack() }, '← ', t('campaigns.back')),
        h('div', { class: 'campaign-title-row' },
          h('div', { class: 'campaign-heading' },
            h('h1', { id: 'campaign-title', tabindex: -1 }, c.name),
            h('div', { class: 'campaign-sub' },
              phaseBadge(board.phase),
              h('span', { class: 'badge badge-quiet', id: 'campaign-goal' }, t('campaign.goalIs', { goal: campaignLabel('goals', c.goal) })),
              h('span', { class: 'muted', id: 'campaign-dates' }, dateRange(c.starts_on, c.ends_on)))),
          h('div', { class: 'header-actions' },
            h('button', { type: 'button', class: 'btn', id: 'export-campaign-csv', onclick: exportCsv }, icon(ICONS.download, 14), t('campaign.exportCsv')),
            h('button', { type: 'button', class: 'btn', id: 'export-campaign-ics', onclick: exportIcs }, icon(ICONS.download, 14), t('campaign.exportIcs')),
            h('button', { type: 'button', class: 'btn', id: 'edit-campaign', 'data-changes': true, onclick: () => o.onEdit(c) }, icon(ICONS.edit, 14), t('common.edit')),
            archived ? null : h('button', { type: 'button', class: 'btn', id: 'archive-campaign', 'data-changes': true, title: t('campaign.archive.hint'), onclick: archive }, icon(ICONS.archive, 14), t('campaign.archive')),
            // A campaign with creators in it keeps its history: it is archived, never deleted.
            creators ? null : h('button', { type: 'button', class: 'btn btn-icon btn-danger-quiet', id: 'delete-campaign', 'data-changes': true, 'aria-label': t('campaign.delete'), title: t('campaign.delete'), onclick: remove }, icon(ICONS.trash, 14)))),
        archived ? h('div', { class: 'form-banner campaign-archived', id: 'campaign-archived', role: 'status' },
          h('div', { class: 'banner-text' },
            h('p', { class: 'banner-title' }, t('campaign.archived.title', { date: fmt.date(c.archived_on) })),
            h('p', null, t('campaign.archived.body'))),
          h('button', { type: 'button', class: 'btn btn-primary btn-small', id: 'restore-campaign', 'data-changes': true, onclick: restore }, icon(ICONS.restore, 14), t('campaign.restore'))) : null,
        budgetStrip(board.budget),
        h('div', { class: 'tabs', role: 'tablist', 'aria-label': c.name, onkeydown: tabKeys }, ...TABS.map(tabButton))),
      h('div', { class: ['campaign-tabpanel', `tab-${tab}`], id: 'campaign-tabpanel', role: 'tabpanel', 'aria-labelledby': `campaign-tab-${tab}` }, body));
    if (focusedId) /** @type {HTMLElement|null} */ (el.querySelector(`#${CSS.escape(focusedId)}`))?.focus({ preventScroll: true });
  }

  function switchTab(name) {
    tab = name;
    render();
    /** @type {HTMLElement|null} */ (el.querySelector(`#campaign-tab-${name}`))?.focus();
  }

  function tabKeys(e) { moveByArrow(e, TABS, tab, switchTab); }

  function addCreator() {
    if (!campaign) return;
    openCollaborationPicker({
      campaignId: campaign.id, campaignName: campaign.name,
      onAdded: (l) => { refresh(); o.onOpenCollaboration(l.id, 'terms'); },
    });
  }

  async function exportCsv() {
    const report = await api.exportCampaignCsv(id).catch((err) => { toastError(err); return null; });
    if (report) toast(tn('campaign.exported', report.rows, { path: report.path }), { kind: 'success' });
  }

  async function exportIcs() {
    const report = await api.exportCampaignIcs(id).catch((err) => { toastError(err); return null; });
    if (report) toast(tn('campaign.exportedIcs', report.rows, { path: report.path }), { kind: 'success' });
  }

  async function archive() {
    if (!campaign || !board) return;
    const open = board.timeline.filter((d) => !['published', 'verified', 'missed'].includes(d.status) && !cancelledCollaboration(d.collaboration_id)).length;
    const ok = await confirm({ title: t('campaign.archive.title', { name: campaign.name }),
      message: [t('campaign.archive.body'), open ? tn('campaign.archive.open', open) : null].filter(Boolean).join(' '),
      confirmLabel: t('campaign.archive'), confirmId: 'confirm-archive-campaign' });
    if (!ok) return;
    try {
      const archived = await api.archiveCampaign(id);
      o.onArchived(archived);
    } catch (err) { toastError(err); }
  }

  /** Whether the collaboration is cancelled (its open deliverables were never asked for). */
  function cancelledCollaboration(collaborationId) {
    return !!board?.columns.find((col) => col.status === 'cancelled')?.cards.some((card) => card.collaboration_id === collaborationId);
  }

  async function restore() {
    if (!campaign) return;
    try {
      const restored = await api.restoreCampaign(id);
      toast(t('campaign.restored', { name: restored.name }), { kind: 'success' });
      await refresh();
      /** @type {HTMLElement|null} */ (el.querySelector('#archive-campaign'))?.focus();
    } catch (err) { toastError(err); }
  }

  async function remove() {
    if (!campaign) return;
    const ok = await confirm({ title: t('campaign.delete.title', { name: campaign.name }), message: t('campaign.delete.body'),
      confirmLabel: t('campaign.delete'), confirmId: 'confirm-delete-campaign', danger: true });
    if (!ok) return;
    try {
      await api.deleteCampaign(id);
      toast(t('campaign.deleted', { name: campaign.name }), { kind: 'success' });
      o.onDeleted();
    } catch (err) { toastError(err); }
  }

  refresh().then(() => /** @type {HTMLElement|null} */ (el.querySelector('#campaign-title'))?.focus({ preventScroll: true }));
  return {
    el,
    refresh,
    id,
    tab: () => tab,
    setTab: (name) => { if (TABS.includes(name) && name !== tab) { tab = name; render(); } },
    campaign: () => campaign,
    /** Marks the open collaboration's card. */
    select: () => { if (tab === 'board') render(); },
    dispose: () => { seq += 1; timeline?.dispose(); },
  };
}
