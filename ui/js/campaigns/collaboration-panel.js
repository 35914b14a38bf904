//! The panel beside the campaign board: one collaboration, with its terms, deliverables, gifts
//! and outreach in four tabs and its Sales tab (tracking link, QR code, discount code:
//! sales/collaboration-sales.js), the spend so far (fee + retail value of gifts sent +
//! commissions booked, the back end's figure) and a link to the creator in the roster. `show(id, focus)` opens it on a tab or
//! an item: focus `deliverable:<id>`, `shipment:<id>`, `touchpoints`, `deliverables`, `gifts`,
//! `terms` (or `{ kind, id }`). Every save re-reads the collaboration and tells `onChanged`, so
//! the board follows; answers to an older request are dropped (sequence numbers). When every
//! deliverable is live (the core's `ready_to_complete`) the panel offers to mark the
//! collaboration completed; "Not now" puts the offer away for this collaboration until the
//! window is reloaded. It never completes anything by itself.

import * as api from '../api.js';
import { h, icon, ICONS, mount } from '../shared/dom.js';
import { t, tn, fmt } from '../shared/i18n.js';
import { navigate } from '../shared/nav.js';
import { confirm } from '../shared/dialog.js';
import { campaignLabel } from './campaign-vocab.js';
import { collaborationForm } from './collaboration-form.js';
import { deliverableList } from './deliverable-list.js';
import { giftList } from './gift-list.js';
import { outreachList } from './collaboration-outreach.js';
import { toast, toastError } from '../shared/toast.js';
import { asPayload } from '../shared/errors.js';
import { moveCollaboration } from './campaign-board.js';
import { collaborationSalesTab } from '../sales/collaboration-sales.js';
import { feeStanding } from '../payouts/fee-standing.js';

/** Collaborations whose "mark completed" offer was put away with "Not now". */
const offerDeclined = new Set();

const TABS = ['terms', 'deliverables', 'gifts', 'touchpoints', 'sales'];

/** A focus target as `{ tab, item }`: the tab to open and the element id to land on. */
export function parseFocus(focus) {
  if (!focus) return { tab: null, item: null };
  const [kind, id] = typeof focus === 'string' ? focus.split(':') : [focus.kind, focus.id];
  if (kind === 'deliverable') return { tab: 'deliverables', item: id ? `deliverable-${id}` : null };
  if (kind === 'shipment' || kind === 'gift') return { tab: 'gifts', item: id ? `shipment-${id}` : null };
  if (kind === 'touchpoints' || kind === 'touchpoint' || kind === 'outreach') return { tab: 'touchpoints', item: null };
  if (TABS.includes(kind)) return { tab: kind, item: null };
  if (kind === 'link' || kind === 'qr') return { tab: 'sales', item: null };
  return { tab: 'terms', item: null };
}

/**
 * @param {{ onChanged: () => void, onClosed: () => void }} hooks
 */
export function collaborationPanel(hooks) {
  const el = h('aside', { class: 'panel collab-panel', id: 'collab-panel', hidden: true, 'aria-label': t('collab.panel.label') });
  let seq = 0;
  /** @type {import('../api.js').CollaborationDetail | null} */
  let detail = null;
  let tab = 'terms';
  let form = null;

  /** Whether the person is in the middle of something here that a rebuild would lose: a
   * changed terms form, an open deliverable or gift editor, a contact being typed. */
  const busy = () => !!form?.isDirty() || !!el.querySelector('form.inline-form, #publish-form')
    || [...el.querySelectorAll('#tp-form textarea')].some((t) => /** @type {HTMLTextAreaElement} */ (t).value !== '');

  /** `ifIdle`: a refresh after a change elsewhere, dropped when the person is busy by then. */
  async function show(id, focus = null, restored = null, ifIdle = false) {
    if (form?.isDirty() && detail?.collaboration.id !== id && !(await confirmDiscard())) return;
    const mine = ++seq;
    if (el.hidden) { el.hidden = false; mount(el, h('div', { class: 'panel-loading' }, t('common.loading'))); }
    el.setAttribute('aria-busy', 'true');
    try {
      const next = await api.collaborationDetail(id);
      if (mine !== seq || (ifIdle && busy())) return;
      detail = next;
      const target = parseFocus(focus);
      if (target.tab) tab = target.tab;
      render(restored);
      if (target.item) land(target.item);
    } catch (err) {
      if (mine !== seq) return;
      toastError(err);
      if (asPayload(err).kind === 'not_found') hide();
    } finally {
      if (mine === seq) el.removeAttribute('aria-busy');
    }
  }

  /** Scrolls to an item and marks it for a moment, with the keyboard focus on it. */
  function land(itemId) {
    const item = /** @type {HTMLElement|null} */ (el.querySelector(`#${CSS.escape(itemId)}`));
    if (!item) return;
    item.scrollIntoView({ block: 'center' });
    item.classList.add('is-target');
    item.focus({ preventScroll: true });
    setTimeout(() => item.classList.remove('is-target'), 2400);
  }

  const changed = (focus) => {
    hooks.onChanged();
    if (detail) show(detail.collaboration.id, focus ?? tab);
  };

  function render(restored = null) {
    if (!detail) return;
    const l = detail.collaboration;
    const gifts = detail.shipments.filter((s) => ['shipped', 'delivered', 'lost'].includes(s.status));
    const spendParts = [l.fee.minor ? t('collab.spend.fee', { amount: fmt.money(l.fee.minor, l.fee.currency) }) : null,
      gifts.length ? tn('collab.spend.gifts', gifts.length) : null,
      detail.spend_commissions.minor ? t('collab.spend.commissions', { amount: fmt.money(detail.spend_commissions.minor, detail.spend_commissions.currency) }) : null].filter(Boolean);
    const tabButton = (id, count) => h('button', {
      type: 'button', role: 'tab', id: `collab-tab-${id}`, class: 'tab', 'aria-selected': String(tab === id), tabindex: tab === id ? 0 : -1,
      'aria-controls': 'collab-tabpanel', onclick: () => switchTab(id),
    }, t(id === 'sales' ? 'sales.collab.tab' : `collab.tab.${id}`), count === null ? null : h('span', { class: 'tab-count' }, fmt.number(count)));
    const tablist = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t('collab.panel.label'), onkeydown: tabKeys },
      tabButton('terms', null), tabButton('deliverables', detail.deliverables.length), tabButton('gifts', detail.shipments.length), tabButton('touchpoints', detail.touchpoints.length),
      tabButton('sales', null));
    form = null;
    let body;
    if (tab === 'terms') {
      form = collaborationForm({
        collaboration: l, draft: restored?.draft, initial: restored?.initial,
        onSaved: () => { form = null; toast(t('collab.saved', { name: l.creator_name }), { kind: 'success' }); changed('terms'); },
        onReload: () => { form = null; changed('terms'); },
        onRemove: detail.removable ? () => remove() : undefined,
      });
      body = form.el;
    } else if (tab === 'deliverables') body = deliverableList(detail, { onChanged: changed });
    else if (tab === 'gifts') body = giftList(detail, { onChanged: changed });
    else if (tab === 'sales') body = collaborationSalesTab(l.id);
    else body = outreachList(detail, { onChanged: changed });

    mount(el, h('div', { class: 'detail collab-detail', 'data-collaboration-id': l.id },
      h('header', { class: 'panel-header' },
        h('div', { class: 'panel-title-row' },
          h('h2', { id: 'collab-title', class: 'panel-title', tabindex: -1 }, l.creator_name),
          h('button', { type: 'button', class: 'icon-btn', id: 'close-collab', 'aria-label': t('common.close'), title: t('common.closeEsc'), onclick: () => close() }, icon(ICONS.close))),
        h('div', { class: 'panel-badges' },
          h('span', { class: ['badge', 'status', `cstatus-${l.status}`], id: 'collab-status' }, campaignLabel('collaboration_statuses', l.status)),
          h('span', { class: 'badge badge-quiet' }, campaignLabel('collaboration_kinds', l.kind)),
          h('span', { class: 'muted' }, l.campaign_name)),
        completeOffer(detail),
        h('div', { class: 'spend-line' },
          h('span', { class: 'spend-label' }, t('collab.spend')),
          h('strong', { class: 'num', id: 'collab-spend' }, fmt.money(detail.spend.minor, detail.spend.currency)),
          spendParts.length ? h('span', { class: 'muted' }, spendParts.join(' + ')) : null,
          h('button', { type: 'button', class: 'btn btn-link', id: 'collab-creator-link', onclick: () => navigate('roster', { creatorId: l.creator_id }) },
            t('collab.openCreator'))),
        feeStanding(l, () => hooks.onChanged()).el,
        tablist),
      h('div', { class: 'panel-body', id: 'collab-tabpanel', role: 'tabpanel', 'aria-labelledby': `collab-tab-${tab}` }, body)));
  }

  /** The offer to complete, when every deliverable is live and it was not put away. */
  function completeOffer(d) {
    const l = d.collaboration;
    if (!d.ready_to_complete || offerDeclined.has(l.id)) return null;
    const live = d.deliverables.length;
    return h('div', { class: 'form-banner complete-offer', id: 'complete-offer', role: 'status' },
      h('div', { class: 'banner-text' },
        h('p', { class: 'banner-title' }, tn('collab.complete.offer', live)),
        h('p', { class: 'muted' }, t(l.fee.minor ? 'collab.complete.offer.fee' : 'collab.complete.offer.body'))),
      h('div', { class: 'button-row' },
        h('button', { type: 'button', class: 'btn btn-small', id: 'complete-later', onclick: () => { offerDeclined.add(l.id); render(); el.querySelector('#collab-title')?.focus(); } }, t('collab.complete.later')),
        h('button', { type: 'button', class: 'btn btn-primary btn-small', id: 'complete-collaboration', 'data-changes': true, onclick: () => complete(l) }, icon(ICONS.check, 12), t('collab.complete'))));
  }

  async function complete(l) {
    try {
      await moveCollaboration(l.id, 'completed');
      toast(t('collab.completed', { name: l.creator_name }), { kind: 'success' });
      changed();
    } catch (err) { toastError(err); }
  }

  function tabKeys(e) {
    const at = TABS.indexOf(tab);
    const next = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    switchTab(TABS[(next + TABS.length) % TABS.length]).then(() => el.querySelector(`#collab-tab-${tab}`)?.focus());
  }

  async function switchTab(id) {
    if (id === tab) return;
    if (form?.isDirty() && !(await confirmDiscard())) return;
    tab = id;
    render();
  }

  async function remove() {
    if (!detail) return;
    const l = detail.collaboration;
    const ok = await confirm({ title: t('collab.remove.title', { name: l.creator_name }), message: t('collab.remove.body', { name: l.creator_name, campaign: l.campaign_name }),
      confirmLabel: t('collab.remove'), confirmId: 'confirm-remove-collaboration', danger: true });
    if (!ok) return;
    try {
      await api.deleteCollaboration(l.id);
      toast(t('collab.removed', { name: l.creator_name }), { kind: 'success' });
      hide();
      hooks.onChanged();
      hooks.onClosed();
    } catch (err) { toastError(err); }
  }

  function confirmDiscard() {
    return confirm({ title: t('form.discard.title'), message: t('form.discard.body'), confirmLabel: t('form.discard.confirm'), danger: true });
  }

  function hide() {
    seq += 1;
    detail = null;
    form = null;
    el.hidden = true;
    el.replaceChildren();
  }

  async function close() {
    if (form?.isDirty() && !(await confirmDiscard())) return;
    hide();
    hooks.onClosed();
  }

  return {
    el,
    show,
    close,
    isOpen: () => !el.hidden,
    openId: () => detail?.collaboration.id ?? null,
    /** Re-reads what is on view (another process changed the workspace); a dirty form stays. */
    refresh: () => { if (detail && !busy()) show(detail.collaboration.id, null, null, true); },
    snapshot: () => (detail ? { id: detail.collaboration.id, tab, form: form?.snapshot() ?? null } : null),
    restore(state) { if (state?.id) { tab = state.tab || 'terms'; show(state.id, null, state.form); } },
    dispose: () => { seq += 1; },
  };
}
