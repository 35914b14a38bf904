//! The sections of one workspace's Today, as the core hands them over (`Today`): overdue and
//! due-this-week deliverables, gifts to pack and ship, delivered gifts without a post, usage
//! rights running out and idle collaborations. Each section says its total (and the threshold
//! it uses, from the workspace's settings); each item is one button naming the creator, the
//! campaign, what is due and when ("3 days overdue"), and opens the campaign with the
//! collaboration panel on that deliverable, gift or collaboration. An empty section is one calm
//! line. `client` (the across-clients view) labels every item with its client and opens that
//! workspace first.
//!
//! From the keyboard (`itemKeys`): ↑/↓ walk the items across sections and clients, Home/End
//! jump to the first and last, Enter opens one (items are buttons, so Tab still visits each in
//! page order). `focusedItem`/`refocus` keep the focus on its item when the view reads again.

import { h, icon, ICONS } from '../shared/dom.js';
import { t, tn, fmt } from '../shared/i18n.js';
import { label } from '../shared/session.js';
import { campaignLabel } from '../campaigns/campaign-vocab.js';
import { navigate } from '../shared/nav.js';

/**
 * The sections in the order they are shown. `rule` names the threshold (TodayRules) shown in
 * the header; `focus` is where the collaboration panel opens for an item.
 */
export const SECTIONS = [
  { key: 'overdue', id: 'overdue', tone: 'danger' },
  { key: 'due_this_week', id: 'due-week', tone: 'accent' },
  { key: 'gifts_to_ship', id: 'gifts-to-ship', tone: 'warning' },
  { key: 'gifts_without_post', id: 'gifts-no-post', tone: 'warning', rule: 'gift_no_post_days' },
  { key: 'usage_expiring', id: 'usage', tone: 'warning', rule: 'usage_warning_days' },
  { key: 'idle', id: 'idle', tone: 'quiet', rule: 'idle_days' },
];

/** How many items a Today holds in all. @param {import('../api.js').Today} today */
export const totalOf = (today) => SECTIONS.reduce((sum, s) => sum + (today[s.key]?.total ?? 0), 0);

/**
 * One section. @param {typeof SECTIONS[number]} s @param {import('../api.js').Today} today
 * @param {{ client?: { path: string, brand: string }, prefix?: string, hideEmpty?: boolean }} o
 */
export function todaySection(s, today, o = {}) {
  const section = today[s.key];
  const id = `${o.prefix ?? 'today'}-${s.id}`;
  const title = s.rule ? tn(`today.${s.key}.title`, today.rules[s.rule]) : t(`today.${s.key}.title`);
  if (!section.total) {
    if (o.hideEmpty) return null;
    return h('section', { class: 'today-section today-calm', id, 'data-section': s.key, 'aria-label': title },
      h('span', { class: 'today-calm-mark', 'aria-hidden': 'true' }, icon(['M3.5 8.5l3 3 6-7'], 13)),
      h('span', { class: 'today-calm-title' }, title),
      h('span', { class: 'muted' }, t(`today.${s.key}.none`)));
  }
  const shown = section.items.length;
  return h('section', { class: ['today-section', `tone-${s.tone}`], id, 'data-section': s.key, 'aria-labelledby': `${id}-title` },
    h('header', { class: 'today-section-head' },
      h('h2', { id: `${id}-title`, class: 'today-section-title' }, title),
      h('span', { class: 'today-count', 'aria-label': tn('today.items', section.total) }, fmt.number(section.total))),
    h('ul', { class: 'today-items' }, ...section.items.map((item) => h('li', null, itemButton(s, item, o.client)))),
    section.total > shown ? h('p', { class: 'today-more muted' }, tn('today.more', section.total - shown)) : null);
}

/** What an item is about, when, and where a click takes the user. */
function describe(s, item) {
  switch (s.key) {
    case 'overdue':
      return {
        what: [label('platforms', item.platform), label('formats', item.format)].join(' · '),
        badge: ['dstatus', item.status, campaignLabel('deliverable_statuses', item.status)],
        date: item.due_on, when: tn('today.overdue.days', item.days),
        focus: { kind: 'deliverable', id: item.deliverable_id }, key: `deliverable-${item.deliverable_id}`,
      };
    case 'due_this_week':
      return {
        what: [label('platforms', item.platform), label('formats', item.format)].join(' · '),
        badge: ['dstatus', item.status, campaignLabel('deliverable_statuses', item.status)],
        date: item.due_on,
        when: item.days === 0 ? t('today.due.today') : item.days === 1 ? t('today.due.tomorrow') : tn('today.due.days', item.days),
        focus: { kind: 'deliverable', id: item.deliverable_id }, key: `deliverable-${item.deliverable_id}`,
      };
    case 'gifts_to_ship':
      return {
        what: item.carrier ? t('today.gift.toShipWith', { carrier: item.carrier }) : t('today.gift.toShip'),
        badge: null,
        date: null, when: item.days === 0 ? t('today.gift.addedToday') : tn('today.gift.waiting', item.days),
        focus: { kind: 'shipment', id: item.shipment_id }, key: `shipment-${item.shipment_id}`,
      };
    case 'gifts_without_post':
      return {
        what: t('today.gift.noPost'),
        badge: null,
        date: item.delivered_on, when: tn('today.gift.deliveredAgo', item.days),
        focus: { kind: 'shipment', id: item.shipment_id }, key: `shipment-${item.shipment_id}`,
      };
    case 'usage_expiring':
      return {
        what: t('today.usage.ends'),
        badge: null,
        date: item.usage_until, when: item.days === 0 ? t('today.usage.endsToday') : tn('today.usage.endsIn', item.days),
        focus: { kind: 'terms' }, key: `usage-${item.collaboration_id}`,
      };
    default:
      return {
        what: t('today.idle.what'),
        badge: null,
        date: item.last_activity_on, when: tn('today.idle.for', item.days),
        focus: { kind: 'touchpoints' }, key: `idle-${item.collaboration_id}`,
      };
  }
}

/** @param {{ path: string, brand: string } | undefined} client */
function itemButton(s, item, client) {
  const d = describe(s, item);
  const open = () => navigate('campaigns',
    { campaignId: item.campaign_id, collaborationId: item.collaboration_id, focus: d.focus },
    client ? { workspacePath: client.path } : {});
  return h('button', {
    type: 'button', class: 'today-item', 'data-item': d.key, 'data-client': client?.brand ?? null,
    title: t('today.open', { campaign: item.campaign_name }), onclick: open,
  },
  h('span', { class: 'today-who' },
    h('span', { class: 'today-creator' }, item.creator_name),
    h('span', { class: 'today-campaign' },
      client ? h('span', { class: 'today-client-tag' }, client.brand) : null,
      h('span', { class: 'today-campaign-name' }, item.campaign_name))),
  h('span', { class: 'today-what' },
    h('span', { class: 'today-what-text' }, d.what),
    d.badge ? h('span', { class: ['badge', 'status', `${d.badge[0]}-${d.badge[1]}`] }, d.badge[2]) : null),
  h('span', { class: 'today-when' },
    h('span', { class: ['today-rel', `tone-${s.tone}`] }, d.when),
    d.date ? h('time', { class: 'today-date', datetime: d.date }, fmt.date(d.date)) : null),
  h('span', { class: 'today-go', 'aria-hidden': 'true' }, icon(['M6 3.5l4.5 4.5L6 12.5'], 12)));
}

/**
 * ↑/↓ to the next or previous item on view, Home/End to the first or last.
 * @param {KeyboardEvent} e @param {HTMLElement} root what holds the items
 */
export function itemKeys(e, root) {
  const item = /** @type {HTMLElement} */ (e.target).closest?.('.today-item');
  if (!item || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  const items = /** @type {HTMLElement[]} */ ([...root.querySelectorAll('.today-item')]);
  const at = items.indexOf(item);
  const targets = { ArrowDown: items[at + 1], ArrowUp: items[at - 1], Home: items[0], End: items[items.length - 1] };
  if (!(e.key in targets)) return;
  e.preventDefault();
  targets[e.key]?.focus();
}

/** Which item has the keyboard focus (its item and client), or null. @param {HTMLElement} root */
export function focusedItem(root) {
  const el = /** @type {HTMLElement|null} */ (document.activeElement);
  return el && root.contains(el) && el.matches('.today-item') ? { item: el.dataset.item, client: el.dataset.client ?? null } : null;
}

/** Puts the focus back on that item after the view was built again. @param {HTMLElement} root */
export function refocus(root, focused) {
  if (!focused) return;
  const items = /** @type {HTMLElement[]} */ ([...root.querySelectorAll('.today-item')]);
  items.find((b) => b.dataset.item === focused.item && (b.dataset.client ?? null) === focused.client)?.focus({ preventScroll: true });
}
