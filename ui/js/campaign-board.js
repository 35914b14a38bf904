//! The Board tab of a campaign: one column per collaboration status (proposed, agreed, active,
//! completed, cancelled) with a card per collaboration: creator, top handle, type, fee or gift
//! value, deliverables live of total, an overdue mark, the next due date and the latest gift's
//! status. Cards are buttons (Tab reaches each; ←/→ jump between columns, ↑/↓ within one) and
//! open the collaboration panel. "Add creator" puts a roster creator in the campaign.

import { h, icon, ICONS } from './dom.js';
import { t, tn, fmt } from './i18n.js';
import { platformBadge, atHandle } from './badges.js';
import { campaignLabel } from './campaign-vocab.js';
import { giftChip } from './gift-list.js';

/**
 * @param {import('./api.js').CampaignBoard} board
 * @param {{ onOpen: (collaborationId: number, focus?: string) => void, onAdd: () => void, selectedId: number|null }} hooks
 */
export function campaignBoard(board, hooks) {
  const total = board.columns.reduce((n, c) => n + c.cards.length, 0);
  const columns = h('div', { class: 'board', id: 'board', onkeydown: keys },
    ...board.columns.map((col) => h('section', { class: ['board-col', `col-${col.status}`], 'aria-labelledby': `col-title-${col.status}`, 'data-status': col.status },
      h('header', { class: 'board-col-head' },
        h('h3', { id: `col-title-${col.status}` }, h('span', { class: ['status-dot', `cstatus-${col.status}`], 'aria-hidden': 'true' }), campaignLabel('collaboration_statuses', col.status)),
        h('span', { class: 'col-count' }, fmt.number(col.cards.length))),
      h('ul', { class: 'board-cards' }, ...col.cards.map((card) => h('li', null, cardButton(card)))))));
  return h('div', { class: 'board-wrap' },
    h('div', { class: 'tab-toolbar' },
      h('button', { type: 'button', class: 'btn btn-primary btn-small', id: 'add-creator', onclick: () => hooks.onAdd() }, icon(ICONS.plus, 12), t('board.addCreator')),
      h('p', { class: 'muted' }, total ? tn('board.summary', total) : t('board.empty'))),
    columns);

  /** @param {import('./api.js').BoardCard} card */
  function cardButton(card) {
    const money = card.kind === 'gifted' ? card.gift_value : card.fee;
    return h('button', {
      type: 'button', class: ['board-card', card.collaboration_id === hooks.selectedId && 'selected'], id: `card-${card.collaboration_id}`,
      'data-collaboration-id': card.collaboration_id, onclick: () => hooks.onOpen(card.collaboration_id),
    },
    h('span', { class: 'card-top' },
      h('span', { class: 'card-name' }, card.creator_name),
      card.deliverables_overdue ? h('span', { class: 'badge badge-overdue' }, tn('board.overdue', card.deliverables_overdue)) : null),
    card.top_handle ? h('span', { class: 'card-handle' }, platformBadge(card.top_handle.platform), h('span', { class: 'handle-text' }, atHandle(card.top_handle.handle, card.top_handle.platform)),
      h('span', { class: 'muted num' }, fmt.compact(card.top_handle.followers))) : null,
    h('span', { class: 'card-line' },
      h('span', { class: ['badge', 'badge-quiet', `kind-${card.kind}`] }, campaignLabel('collaboration_kinds', card.kind)),
      money.minor ? h('span', { class: 'num card-money', title: t(card.kind === 'gifted' ? 'board.giftValue' : 'board.fee') }, fmt.money(money.minor, money.currency)) : null),
    h('span', { class: 'card-line card-facts' },
      h('span', { class: 'card-deliverables', title: t('board.deliverables.title') }, t('board.deliverables', { live: card.deliverables_live, total: card.deliverables_total })),
      card.next_due ? h('span', { class: 'muted' }, t('board.nextDue', { date: fmt.date(card.next_due) })) : null),
    card.latest_shipment_status ? h('span', { class: 'card-line' }, h('span', { class: 'muted small' }, t('board.gift')), giftChip(card.latest_shipment_status)) : null);
  }

  function keys(e) {
    const card = /** @type {HTMLElement} */ (e.target).closest?.('.board-card');
    if (!card) return;
    const cols = [...columns.querySelectorAll('.board-col')].filter((c) => c.querySelector('.board-card'));
    const col = card.closest('.board-col');
    const inCol = [...col.querySelectorAll('.board-card')];
    const at = inCol.indexOf(card);
    let next = null;
    if (e.key === 'ArrowDown') next = inCol[at + 1];
    else if (e.key === 'ArrowUp') next = inCol[at - 1];
    else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const c = cols[cols.indexOf(col) + (e.key === 'ArrowRight' ? 1 : -1)];
      const there = c ? [...c.querySelectorAll('.board-card')] : [];
      next = there[Math.min(at, there.length - 1)];
    }
    if (next) { e.preventDefault(); /** @type {HTMLElement} */ (next).focus(); }
  }
}
