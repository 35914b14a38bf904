//! Read-only here: when the open workspace cannot change on this computer (its disk or folder
//! allows no changes: `WorkspaceInfo.read_only`, kept up to date by the file banner), the
//! window does not offer what would change it. One rule for every screen: an element that
//! starts a change carries `data-changes`. While read-only, such a button, select or checkbox is
//! disabled and a text box is read-only (its text can still be selected and copied); a form,
//! section or row with `data-changes` treats every control inside it so (except one marked
//! `data-looks`, such as "Open contract") and is never submitted; a board card with
//! `data-moves` cannot be dragged. Each control held says why in its tooltip. Whatever only
//! looks, searches, filters, exports or copies carries no mark and keeps working. Controls
//! built later (a panel opening, a list drawn again) are held as they appear, and let go, as
//! they were, when the workspace can change again.

import { t } from './i18n.js';

const CONTROLS = 'button, input, select, textarea';
/** Boxes whose text stays selectable: made read-only rather than disabled. */
const TEXT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'number', 'password']);

let readOnly = false;
/** @type {MutationObserver | null} */
let observer = null;

/** Whether the open workspace is read-only here. */
export const readOnlyHere = () => readOnly;

/** The sentence a held control shows as its tooltip (and a refused shortcut as a notice). */
export const readOnlyReason = () => t('readOnly.why');

/** Follows the open workspace: read-only here or not (false when none is open). */
export function setReadOnlyHere(on) {
  const next = Boolean(on);
  if (next === readOnly) return;
  readOnly = next;
  document.documentElement.toggleAttribute('data-read-only', readOnly);
  if (readOnly) {
    holdWithin(document.body);
    observer = new MutationObserver(noticed);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'readonly', 'draggable'] });
  } else {
    observer?.disconnect();
    observer = null;
    for (const el of document.querySelectorAll('[data-held]')) release(/** @type {HTMLElement} */ (el));
  }
}

/** @param {MutationRecord[]} records */
function noticed(records) {
  for (const r of records) {
    if (r.type === 'childList') {
      for (const node of r.addedNodes) if (node instanceof HTMLElement) holdWithin(node);
    } else if (r.target instanceof HTMLElement && changes(r.target)) {
      hold(r.target); // its own code enabled it again (a busy button's `finally`): held still
    }
  }
}

/** Whether `el` is a card that moves, or a control that starts a change. @param {Element} el */
const changes = (el) => el.matches('[data-moves]')
  || (el.matches(CONTROLS) && !!el.closest('[data-changes]') && !el.closest('[data-looks]'));

/** Holds every change-starting control in `root`, `root` included. @param {HTMLElement} root */
function holdWithin(root) {
  const inside = root.closest('[data-changes]') ? root.querySelectorAll(CONTROLS) : root.querySelectorAll(`[data-changes], [data-changes] :is(${CONTROLS}), [data-moves]`);
  for (const el of [root, ...inside]) if (changes(el)) hold(/** @type {HTMLElement} */ (el));
}

/** @param {HTMLElement} el */
function hold(el) {
  const c = /** @type {any} */ (el);
  const kind = el.hasAttribute('data-moves') ? 'draggable'
    : (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && TEXT_TYPES.has(c.type))) ? 'readOnly' : 'disabled';
  const held = kind === 'draggable' ? el.draggable === false : c[kind] === true;
  if (!el.dataset.held) {
    // Already so by its own code (a gift cannot be added to a cancelled deal): left as it is.
    if (held) return;
    el.dataset.held = kind;
    // A card still opens its collaboration: its tooltip stays.
    if (kind !== 'draggable') {
      if (el.hasAttribute('title')) el.dataset.heldTitle = el.title;
      el.title = readOnlyReason();
    }
  }
  if (held) return;
  if (kind === 'draggable') el.draggable = false;
  else c[kind] = true;
}

/** @param {HTMLElement} el */
function release(el) {
  const kind = el.dataset.held;
  if (kind === 'draggable') el.draggable = true;
  else /** @type {any} */ (el)[kind] = false;
  if (el.dataset.heldTitle !== undefined) el.title = el.dataset.heldTitle;
  else if (kind !== 'draggable') el.removeAttribute('title');
  delete el.dataset.held;
  delete el.dataset.heldTitle;
}

// A form that changes the workspace (marked, or sent by a marked button) is not sent while it
// is read-only here (Enter in a box, Ctrl+Enter): caught before the form's own handler.
document.addEventListener('submit', (e) => {
  const form = /** @type {HTMLFormElement} */ (e.target);
  const sendsChanges = !!form.closest?.('[data-changes]')
    || [...(form.elements ?? [])].some((c) => /** @type {any} */ (c).type === 'submit' && c.hasAttribute('data-changes'));
  if (readOnly && sendsChanges) {
    e.preventDefault();
    e.stopImmediatePropagation();
  }
}, true);
