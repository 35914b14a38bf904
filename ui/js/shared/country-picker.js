//! Countries in the window: a searchable picker for a form's country field, and a country's
//! name in the display language. The list comes from the vocabulary (`vocab.countries`: ISO
//! code, English and Dutch names, and every name and code a country is known by, folded as
//! the back end folds them). Typing "ned", "holl" or "belg" offers Nederland or België; ↑/↓
//! walk the offer, Enter or a click chooses, Esc closes it. The field stores the ISO code.
//! Text that matches no offer is kept as typed and sent as it is: the back end understands
//! names too, and refuses what is not a country at the field (it never guesses).
//! A stored value that is not a country code (an old bug cut "Holland" to "HO") is shown as it
//! is, with a note, until the person chooses a country.

import { h, mount } from './dom.js';
import { t, currentLanguage } from './i18n.js';
import { session } from './session.js';

/** How many countries the offer shows while typing. */
const OFFERED = 8;

/** @returns {import('../api.js').CountryChoice[]} */
const countries = () => session.vocab?.countries ?? [];

/** The country a code stands for, or null. */
const byCode = (code) => countries().find((c) => c.value === String(code ?? '').trim().toUpperCase()) ?? null;

/** A country's name in the display language. */
const nameOf = (c) => (currentLanguage() === 'nl' ? c.nl : c.en);

/**
 * The name of a stored country code in the display language; a value that is no country code
 * is shown as it is, marked as not a known country. Empty for an empty value.
 * @param {string} code
 */
export function countryName(code) {
  if (!code) return '';
  const c = byCode(code);
  return c ? nameOf(c) : t('country.unknown', { value: code });
}

/** Lower case, accents folded, the word "the" left out, only letters and digits (as the back end folds). */
export function foldCountry(text) {
  return String(text ?? '').split(/\s+/)
    .map((w) => w.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/ø/g, 'o').replace(/ł/g, 'l').replace(/đ/g, 'd').replace(/ı/g, 'i')
      .replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((w) => w && w !== 'the').join('');
}

/** How well a country answers what was typed: 0 best; null when it does not. */
function rank(c, q) {
  const name = foldCountry(nameOf(c));
  if (c.value.toLowerCase() === q) return 0;
  if (name.startsWith(q)) return 1;
  if (c.keys.some((k) => k.startsWith(q))) return 2;
  if (name.includes(q) || c.keys.some((k) => k.length > 3 && k.includes(q))) return 3;
  return null;
}

/** The countries to offer for `text`, best first; every country, by name, for no text. */
export function offerFor(text) {
  const q = foldCountry(text);
  const collator = new Intl.Collator(currentLanguage());
  const byName = (a, b) => collator.compare(nameOf(a), nameOf(b));
  if (!q) return [...countries()].sort(byName);
  return countries()
    .map((c) => ({ c, r: rank(c, q) }))
    .filter((x) => x.r !== null)
    .sort((a, b) => a.r - b.r || byName(a.c, b.c))
    .slice(0, OFFERED)
    .map((x) => x.c);
}

/** The one country whose name or code is exactly `text` (folded), or null. */
function exactly(text) {
  const q = foldCountry(text);
  if (!q) return null;
  return countries().find((c) => c.value.toLowerCase() === q || c.keys.includes(q) || foldCountry(nameOf(c)) === q) ?? null;
}

/**
 * A country field. `input` is the control to hand to `field()` (it gets the field's id and
 * error), `extra` goes right after it (the offer and the note on a stored value).
 * @param {{ value: string, id: string, stored?: boolean }} o  `id` names the offer's list
 *   (`<id>-offer`); `stored`: the value is what the workspace holds (not text typed earlier), so
 *   a value that is no country code gets the note that it needs a choice
 * @returns {{ input: HTMLInputElement, extra: HTMLElement, value: () => string }}
 */
export function countryPicker(o) {
  const stored = String(o.value ?? '').trim();
  const known = byCode(stored);
  /** The chosen code; null while what is typed is not (yet) a choice. */
  let code = known ? known.value : (stored ? null : '');
  const listId = `${o.id}-offer`;
  let offer = [];
  let active = -1;

  const input = /** @type {HTMLInputElement} */ (h('input', {
    type: 'text', class: 'input', autocomplete: 'off', spellcheck: 'false', role: 'combobox',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId,
    placeholder: t('form.country.placeholder'), value: known ? nameOf(known) : stored,
    oninput: () => { code = input.value.trim() ? null : ''; note.hidden = true; open(input.value); },
    onkeydown: key,
    onblur: () => { close(); settle(); },
  }));
  const list = h('ul', { class: 'country-offer', id: listId, role: 'listbox', hidden: true, 'aria-label': t('form.country.offer') });
  const flagged = !!o.stored && !!stored && !known;
  const note = h('div', { class: 'field-hint field-warning', hidden: !flagged }, flagged ? t('form.country.storedUnknown', { value: stored }) : '');
  const extra = h('div', { class: 'country-picker' }, list, note);

  function open(text) {
    offer = offerFor(text);
    active = text.trim() && offer.length ? 0 : -1;
    draw();
  }

  function draw() {
    const opening = list.hidden && offer.length > 0;
    list.hidden = offer.length === 0;
    if (opening) reveal(list);
    input.setAttribute('aria-expanded', String(!list.hidden));
    mount(list, ...offer.map((c, i) => h('li', {
      id: `${listId}-${c.value}`, role: 'option', class: ['country-option', i === active && 'active'], 'aria-selected': String(i === active), 'data-code': c.value,
      // mousedown, not click: the input keeps the focus, so its blur does not close the offer first.
      onmousedown: (e) => { e.preventDefault(); choose(c); },
    }, h('span', { class: 'country-option-name' }, nameOf(c)), h('span', { class: 'muted mono' }, c.value))));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', `${listId}-${offer[active].value}`);
      const item = /** @type {HTMLElement|undefined} */ (list.children[active]);
      if (item && (item.offsetTop < list.scrollTop || item.offsetTop + item.offsetHeight > list.scrollTop + list.clientHeight)) {
        list.scrollTop = item.offsetTop - (list.clientHeight - item.offsetHeight) / 2;
      }
    } else input.removeAttribute('aria-activedescendant');
  }

  function close() {
    offer = [];
    active = -1;
    draw();
  }

  function choose(c) {
    code = c.value;
    input.value = nameOf(c);
    note.hidden = true;
    close();
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** Leaving the field: what was typed exactly (a name, a variant, a code) becomes the choice. */
  function settle() {
    if (code !== null) return;
    const c = exactly(input.value);
    if (c) { code = c.value; input.value = nameOf(c); }
  }

  function key(e) {
    if (input.readOnly) return; // a box that may not change (read-only.js) offers nothing
    const isOpen = !list.hidden;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!isOpen) { open(input.value); if (!offer.length) return; }
      const step = e.key === 'ArrowDown' ? 1 : -1;
      active = (active + step + offer.length) % offer.length;
      draw();
    } else if (e.key === 'Enter' && isOpen && active >= 0) {
      e.preventDefault();
      choose(offer[active]);
    } else if (e.key === 'Escape' && isOpen) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  }

  return {
    input,
    extra,
    /** The ISO code chosen, or the text as typed when nothing was chosen. */
    value: () => (code ?? input.value.trim()),
  };
}

/** Scrolls the panel or dialog the offer hangs in (never the window) so the offer shows whole. */
function reveal(el) {
  for (let box = el.parentElement; box; box = box.parentElement) {
    const overflow = getComputedStyle(box).overflowY;
    if (overflow !== 'auto' && overflow !== 'scroll') continue;
    const below = el.getBoundingClientRect().bottom - box.getBoundingClientRect().bottom;
    if (below > 0) box.scrollTop += below + 8;
    return;
  }
}
