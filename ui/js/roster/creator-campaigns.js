//! The creator's side of campaigns, in the creator panel, from one `creatorHistory` read:
//! Collaborations (every campaign they were in: type, status, dates, fee, posts live of due;
//! a row opens that collaboration on the Campaigns screen), Gifts received (status, date, items,
//! retail value; a row opens the gift), Totals (committed and earned fees, gifts value, total
//! compensation value, with the formula in words), Sales (sales/creator-sales.js: attributed
//! orders, revenue, commissions by status) and the Outreach log (creator-outreach.js).
//! Logging or removing a contact reads the history again and tells the roster (Last contact).
//! Reading again (`refresh`) replaces the lists but never the Outreach section once it is
//! there, so a contact being typed keeps its text and its focus.

import * as api from '../api.js';
import { h, mount } from '../shared/dom.js';
import { t, tn, fmt } from '../shared/i18n.js';
import { rosterChanged } from '../shared/session.js';
import { navigate } from '../shared/nav.js';
import { loadCampaignVocabulary, campaignLabel } from '../campaigns/campaign-vocab.js';
import { dateRange } from '../campaigns/campaign-list.js';
import { outreachSection } from './creator-outreach.js';
import { creatorSalesSection } from '../sales/creator-sales.js';
import { errorText } from '../shared/errors.js';

const money = (m) => fmt.money(m.minor, m.currency);

/**
 * @param {import('../api.js').Creator} creator
 * @param {{ contactForm?: Record<string, string> | null, focus?: string | null, scroll?: number } | null} [restored]
 *   what `snapshot()` returned in an earlier build: a half-typed "Log contact" form, the
 *   control that had the focus and the panel's scroll position (another language, or the
 *   creator read again after a change elsewhere)
 * @param {{ onIdle?: () => void, onHistory?: (history: import('../api.js').CreatorHistory | null) => void }} [hooks]
 *   `onIdle`: the "Log contact" form was closed; `onHistory`: the history was read (null: it
 *   could not be)
 * @returns {{ el: HTMLElement, refresh: () => Promise<void>, escape: () => boolean,
 *   busy: () => boolean, snapshot: () => any, dispose: () => void }}
 */
export function creatorCampaignSide(creator, restored = null, hooks = {}) {
  const el = h('div', { class: 'creator-side', 'aria-busy': 'true' },
    h('section', { class: 'detail-section' }, h('p', { class: 'muted' }, t('creatorSide.loading'))));
  /** Collaborations, gifts and totals: what a read replaces. */
  const lists = h('div', { class: 'creator-side-lists' });
  let seq = 0;
  let outreach = null;
  /** A form to reopen, and the control that had the focus, on the first render. */
  let pendingForm = restored?.contactForm ?? null;
  let pendingFocus = restored?.focus ?? null;
  /** Where the panel was scrolled to, put back once the sections are there. */
  let pendingScroll = restored?.scroll ?? 0;

  async function refresh() {
    const mine = ++seq;
    try {
      const [history] = await Promise.all([api.creatorHistory(creator.id), loadCampaignVocabulary()]);
      if (mine !== seq) return;
      render(history);
      hooks.onHistory?.(history);
    } catch (err) {
      if (mine !== seq) return;
      hooks.onHistory?.(null);
      mount(el, h('section', { class: 'detail-section' }, h('p', { class: 'muted', role: 'alert' }, t('creatorSide.failed', { reason: errorText(err) }))));
    } finally {
      if (mine === seq) el.removeAttribute('aria-busy');
    }
  }

  /** @param {import('../api.js').CreatorHistory} history */
  function render(history) {
    // Keep an open "Log contact" form as it is while only the lists change.
    const keepFocus = focusedId() ?? pendingFocus;
    pendingFocus = null;
    mount(lists,
      collaborationsSection(history.collaborations),
      giftsSection(history.gifts, new Map(history.collaborations.map((c) => [c.collaboration_id, c.campaign_id]))),
      totalsSection(history.totals, history.collaborations.length > 0 || history.gifts.length > 0),
      history.collaborations.length ? creatorSalesSection(creator) : null);
    if (outreach) {
      outreach.update(history.touchpoints);
    } else {
      outreach = outreachSection({
        restored: pendingForm,
        creatorId: creator.id,
        creatorName: creator.display_name,
        entries: history.touchpoints,
        collaborations: history.collaborations.map((c) => ({ id: c.collaboration_id, label: `${c.campaign_name} · ${campaignLabel('collaboration_kinds', c.kind)}` })),
        onChanged: () => { refresh(); rosterChanged(); },
        onClosed: () => hooks.onIdle?.(),
      });
      pendingForm = null;
      mount(el, lists, outreach.el);
    }
    if (pendingScroll) {
      const body = el.closest('.panel-body');
      if (body) body.scrollTop = pendingScroll;
      pendingScroll = 0;
    }
    if (keepFocus && !el.contains(document.activeElement)) /** @type {HTMLElement|null} */ (el.querySelector(`#${CSS.escape(keepFocus)}`))?.focus({ preventScroll: true });
  }

  /** The id of the control in here that has the keyboard focus, if any. */
  function focusedId() {
    const active = /** @type {HTMLElement | null} */ (document.activeElement);
    return active && active.id && el.contains(active) ? active.id : null;
  }

  refresh();
  return {
    el,
    refresh,
    escape: () => outreach?.escape() ?? false,
    /** Whether a contact is being logged (a rebuild would interrupt the typing). */
    busy: () => outreach?.isOpen() ?? false,
    snapshot: () => ({
      contactForm: outreach ? outreach.snapshot() : pendingForm,
      focus: focusedId() ?? pendingFocus,
      scroll: el.closest('.panel-body')?.scrollTop || pendingScroll,
    }),
    dispose: () => { seq += 1; },
  };
}

function section(id, titleKey, count, ...content) {
  return h('section', { class: 'detail-section', id, 'aria-labelledby': `${id}-title` },
    h('div', { class: 'section-head' },
      h('h3', { class: 'section-title', id: `${id}-title` }, t(titleKey)),
      count ? h('span', { class: 'section-count muted' }, fmt.number(count)) : null),
    ...content);
}

/** @param {import('../api.js').PastCollaboration[]} rows */
function collaborationsSection(rows) {
  if (!rows.length) return section('creator-collabs', 'creatorSide.collaborations', 0, h('p', { class: 'muted' }, t('creatorSide.collaborations.none')));
  return section('creator-collabs', 'creatorSide.collaborations', rows.length,
    h('ul', { class: 'history-list' }, ...rows.map((c) => h('li', null,
      h('button', {
        type: 'button', class: 'history-row', id: `history-collab-${c.collaboration_id}`,
        title: t('creatorSide.openCollaboration', { campaign: c.campaign_name }),
        onclick: () => navigate('campaigns', { campaignId: c.campaign_id, collaborationId: c.collaboration_id }),
      },
      h('span', { class: 'history-main' },
        h('span', { class: 'history-name' }, c.campaign_name),
        h('span', { class: ['badge', 'status', `cstatus-${c.status}`] }, campaignLabel('collaboration_statuses', c.status))),
      h('span', { class: 'history-meta' },
        h('span', null, campaignLabel('collaboration_kinds', c.kind)),
        h('span', null, dateRange(c.starts_on, c.ends_on)),
        h('span', { class: 'history-posts' }, t('creatorSide.postsLive', { live: fmt.number(c.deliverables_live), total: fmt.number(c.deliverables_total) })),
        c.fee.minor ? h('span', { class: 'num history-amount' }, money(c.fee)) : null))))));
}

/** @param {import('../api.js').ReceivedGift[]} gifts @param {Map<number, number>} campaignOf collaboration → campaign */
function giftsSection(gifts, campaignOf) {
  if (!gifts.length) return section('creator-gifts', 'creatorSide.gifts', 0, h('p', { class: 'muted' }, t('creatorSide.gifts.none')));
  return section('creator-gifts', 'creatorSide.gifts', gifts.length,
    h('ul', { class: 'history-list' }, ...gifts.map((g) => {
      const when = g.delivered_on ? t('creatorSide.gift.delivered', { date: fmt.date(g.delivered_on) })
        : g.shipped_on ? t('creatorSide.gift.shipped', { date: fmt.date(g.shipped_on) })
          : t('creatorSide.gift.notShipped');
      const items = g.items.map((i) => t('creatorSide.gift.item', { quantity: fmt.number(i.quantity), name: i.name })).join(', ');
      return h('li', null,
        h('button', {
          type: 'button', class: 'history-row', id: `history-gift-${g.shipment_id}`,
          title: t('creatorSide.openGift', { campaign: g.campaign_name }),
          onclick: () => navigate('campaigns', { campaignId: campaignOf.get(g.collaboration_id), collaborationId: g.collaboration_id, focus: { kind: 'shipment', id: g.shipment_id } }),
        },
        h('span', { class: 'history-main' },
          h('span', { class: 'history-name' }, items || t('creatorSide.gift.noItems')),
          h('span', { class: ['badge', 'status', `gstatus-${g.status}`] }, campaignLabel('shipment_statuses', g.status))),
        h('span', { class: 'history-meta' },
          h('span', null, g.campaign_name),
          h('span', null, when),
          h('span', { class: 'num history-amount', title: t('creatorSide.gift.retail') }, money(g.retail_value)))));
    })));
}

/** @param {import('../api.js').Compensation} totals @param {boolean} any */
function totalsSection(totals, any) {
  if (!any) return null;
  const row = (key, m, strong = false) => h('tr', { class: strong ? 'total-row' : null },
    h('th', { scope: 'row' }, t(key)), h('td', { class: 'num' }, money(m)));
  return section('creator-totals', 'creatorSide.totals', 0,
    h('table', { class: 'mini-table totals-table' },
      h('tbody', null,
        row('creatorSide.totals.committed', totals.committed_fees),
        row('creatorSide.totals.earned', totals.earned_fees),
        row('creatorSide.totals.gifts', totals.gifts_value),
        row('creatorSide.totals.commissions', totals.commissions),
        row('creatorSide.totals.total', totals.total_compensation_value, true))),
    h('p', { class: 'formula muted', id: 'compensation-formula' }, t('creatorSide.formula')));
}
