//! The Board tab of a campaign: one column per collaboration status (proposed, agreed, active,
//! completed, cancelled) with a card per collaboration: creator, top handle, type, fee or gift
//! value, deliverables live of total, an overdue mark, the next due date, the latest gift's
//! status and "Ready to complete" when every post is live (the panel offers it). Cards are
//! buttons (Tab reaches each; ←/→ jump between columns, ↑/↓ within one) and open the
//! collaboration panel. "Add creator" puts a roster creator in the campaign (not offered for
//! an archived campaign).
//!
//! A card moves to another status by dragging it onto a column (the column under the pointer
//! is marked) or with Alt+→ / Alt+← (next / previous column). The move is an ordinary update of
//! the collaboration, read fresh for its revision: the core decides, and a move it refuses
//! (cancelled → active, completed with open deliverables, …) is a notice in its words while
//! the card stays put. After a move `onMoved` reads the campaign again; the card keeps focus.
//! A workspace read-only here moves no card (read-only.js; Alt+→ says why).

import * as api from '../api.js';
import { h, icon, ICONS } from '../shared/dom.js';
import { t, tn, fmt } from '../shared/i18n.js';
import { platformBadge, wrappingHandle } from '../shared/badges.js';
import { campaignLabel } from './campaign-vocab.js';
import { giftChip } from './gift-list.js';
import { toast, toastError } from '../shared/toast.js';
import { readOnlyHere, readOnlyReason } from '../shared/read-only.js';

/** The drag data type of a card (a custom type: dropped on a text field it inserts nothing). */
const CARD_TYPE = 'application/x-chorus-collaboration';
/** The keys that move a card, as `aria-keyshortcuts` lists them (space-separated). */
const MOVE_KEYS = ['Alt+ArrowRight', 'Alt+ArrowLeft'].join(' ');

/**
 * Moves collaboration `id` to `status` through the usual update, on its current revision.
 * Rejects with the core's ErrorPayload when the move is not allowed.
 * @param {number} id @param {string} status @returns {Promise<import('../api.js').Collaboration>}
 */
export async function moveCollaboration(id, status) {
  const { collaboration: l } = await api.collaborationDetail(id);
  if (l.status === status) return l;
  return api.updateCollaboration(l.id, l.revision, { ...l.draft, status });
}

/**
 * @param {import('../api.js').CampaignBoard} board
 * @param {{ onOpen: (collaborationId: number, focus?: string) => void, onAdd: (() => void) | null,
 *   onMoved: (collaborationId: number) => Promise<void>, selectedId: number|null }} hooks
 */
export function campaignBoard(board, hooks) {
  const total = board.columns.reduce((n, c) => n + c.cards.length, 0);
  const statuses = board.columns.map((c) => c.status);
  /** The card being dragged: `{ id, status }`, or null. */
  let dragged = null;
  let moving = false;
  const columns = h('div', { class: 'board', id: 'board', onkeydown: keys },
    ...board.columns.map((col) => h('section', {
      class: ['board-col', `col-${col.status}`], 'aria-labelledby': `col-title-${col.status}`, 'data-status': col.status,
      ondragover: (e) => dragOver(e, col.status), ondragleave: dragLeave, ondrop: (e) => drop(e, col.status),
    },
      h('header', { class: 'board-col-head', title: t('board.move.hint') },
        h('h3', { id: `col-title-${col.status}` }, h('span', { class: ['status-dot', `cstatus-${col.status}`], 'aria-hidden': 'true' }), campaignLabel('collaboration_statuses', col.status)),
        h('span', { class: 'col-count' }, fmt.number(col.cards.length))),
      h('ul', { class: 'board-cards' }, ...col.cards.map((card) => h('li', null, cardButton(card)))))));
  return h('div', { class: 'board-wrap' },
    h('div', { class: 'tab-toolbar' },
      hooks.onAdd ? h('button', { type: 'button', class: 'btn btn-primary btn-small', id: 'add-creator', 'data-changes': true, onclick: () => hooks.onAdd?.() }, icon(ICONS.plus, 12), t('board.addCreator')) : null,
      h('p', { class: 'muted' }, total ? tn('board.summary', total) : t('board.empty'))),
    h('p', { class: 'sr-only', id: 'board-move-hint' }, t('board.move.hint')),
    columns);

  /** @param {import('../api.js').BoardCard} card */
  function cardButton(card) {
    const money = card.kind === 'gifted' ? card.gift_value : card.fee;
    return h('button', {
      type: 'button', class: ['board-card', card.collaboration_id === hooks.selectedId && 'selected'], id: `card-${card.collaboration_id}`,
      'data-collaboration-id': card.collaboration_id, onclick: () => hooks.onOpen(card.collaboration_id),
      draggable: 'true', 'data-moves': true, 'aria-describedby': 'board-move-hint', 'aria-keyshortcuts': MOVE_KEYS,
      ondragstart: (e) => dragStart(e, card), ondragend: dragEnd,
    },
    h('span', { class: 'card-top' },
      h('span', { class: 'card-name' }, card.creator_name),
      card.deliverables_overdue ? h('span', { class: 'badge badge-overdue' }, tn('board.overdue', card.deliverables_overdue)) : null),
    card.top_handle ? h('span', { class: 'card-handle' },
      h('span', { class: 'card-handle-name' }, platformBadge(card.top_handle.platform), h('span', { class: 'handle-text' }, ...wrappingHandle(card.top_handle.handle, card.top_handle.platform))),
      h('span', { class: 'muted num card-followers' }, fmt.compact(card.top_handle.followers))) : null,
    h('span', { class: 'card-line' },
      h('span', { class: ['badge', 'badge-quiet', `kind-${card.kind}`] }, campaignLabel('collaboration_kinds', card.kind)),
      money.minor ? h('span', { class: 'num card-money', title: t(card.kind === 'gifted' ? 'board.giftValue' : 'board.fee') }, fmt.money(money.minor, money.currency)) : null),
    h('span', { class: 'card-line card-facts' },
      h('span', { class: 'card-deliverables', title: t('board.deliverables.title') }, t('board.deliverables', { live: card.deliverables_live, total: card.deliverables_total })),
      card.next_due ? h('span', { class: 'muted' }, t('board.nextDue', { date: fmt.date(card.next_due) })) : null),
    card.latest_shipment_status ? h('span', { class: 'card-line' }, h('span', { class: 'muted small' }, t('board.gift')), giftChip(card.latest_shipment_status)) : null,
    card.ready_to_complete ? h('span', { class: 'card-line card-ready' }, h('span', { class: 'badge badge-ok' }, icon(ICONS.check, 12), t('board.readyToComplete'))) : null);
  }

  function keys(e) {
    const card = /** @type {HTMLElement} */ (e.target).closest?.('.board-card');
    if (!card) return;
    if (e.altKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
      e.preventDefault();
      const to = statuses[statuses.indexOf(card.closest('.board-col').dataset.status) + (e.key === 'ArrowRight' ? 1 : -1)];
      if (to) move(Number(card.dataset.collaborationId), to);
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey) return;
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

  /** @param {DragEvent} e @param {import('../api.js').BoardCard} card */
  function dragStart(e, card) {
    dragged = { id: card.collaboration_id, status: card.status };
    if (e.dataTransfer) {
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData(CARD_TYPE, String(card.collaboration_id));
    }
    /** @type {HTMLElement} */ (e.currentTarget).classList.add('dragging');
  }

  function dragEnd(e) {
    dragged = null;
    /** @type {HTMLElement} */ (e.currentTarget).classList.remove('dragging');
    markTarget(null);
  }

  /** Over a column: a card may drop here when this column is another status. */
  function dragOver(e, status) {
    if (!dragged || dragged.status === status) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
    markTarget(e.currentTarget);
  }

  function dragLeave(e) {
    if (!e.currentTarget.contains(e.relatedTarget)) e.currentTarget.classList.remove('drop-target');
  }

  function drop(e, status) {
    if (!dragged || dragged.status === status) return;
    e.preventDefault();
    const { id } = dragged;
    dragged = null;
    markTarget(null);
    move(id, status);
  }

  /** Marks the one column a drop would land in (none: null). */
  function markTarget(col) {
    for (const c of columns.querySelectorAll('.board-col')) c.classList.toggle('drop-target', c === col);
  }

  /** Asks the core to move the card; a refusal is a notice and the card stays where it was. */
  async function move(id, status) {
    if (moving) return;
    if (readOnlyHere()) { toast(readOnlyReason()); return; }
    moving = true;
    const card = /** @type {HTMLElement|null} */ (columns.querySelector(`#card-${id}`));
    card?.setAttribute('aria-busy', 'true');
    try {
      await moveCollaboration(id, status);
      await hooks.onMoved(id);
    } catch (err) {
      toastError(err);
    } finally {
      moving = false;
      card?.removeAttribute('aria-busy');
      /** @type {HTMLElement|null} */ (document.getElementById(`card-${id}`))?.focus();
    }
  }
}
