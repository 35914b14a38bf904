//! Building the DOM without markup strings. `h()` creates an element, sets attributes and
//! appends children; strings always become text nodes, so a creator called `<img onerror=…>`
//! shows as exactly that text. `s()` does the same in the SVG namespace; `mount()` and
//! `append()` replace or extend children by the same rules (a null child is left out).
//! Nothing in the UI parses HTML, and nothing here knows about Chorus.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Properties set as DOM properties rather than attributes (they are live state). */
const PROPS = new Set(['value', 'checked', 'selected', 'disabled', 'hidden', 'indeterminate', 'open']);

function apply(el, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else if (key === 'style' && typeof value === 'object') Object.assign(el.style, value);
    else if (key.startsWith('on')) {
      // Handlers are only ever functions: a string here would be an inline handler, which the
      // CSP forbids and which is how markup injection starts.
      if (typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    }
    else if (key === 'ref' && typeof value === 'function') value(el);
    else if (PROPS.has(key) && key in el) el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
}

function appendAll(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) appendAll(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/**
 * Creates an HTML element. `attrs` keys: `class` (string or array), `style` (object),
 * `onclick`-style keys (functions, attached with addEventListener), `ref` (called with the
 * element), live properties (`value`, `checked`, `disabled`, …), anything else an attribute.
 * @param {string} tag @param {Record<string, any> | null} [attrs] @param {...any} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  apply(el, attrs);
  appendAll(el, children);
  return el;
}

/** Creates an SVG element (same rules as `h`). @returns {SVGElement} */
export function s(tag, attrs, ...children) {
  const el = /** @type {SVGElement} */ (document.createElementNS(SVG_NS, tag));
  apply(el, attrs);
  appendAll(el, children);
  return el;
}

/** Replaces all children of `el`. */
export function mount(el, ...children) {
  el.replaceChildren();
  appendAll(el, children);
  return el;
}

/**
 * Adds children at the end of `el`, by the rules of `h`: null, undefined and false are left
 * out. (The DOM's own `el.append(null)` writes the text "null".)
 */
export function append(el, ...children) {
  appendAll(el, children);
  return el;
}

/** Calls `fn` once calls have stopped for `ms`. The returned function has `.cancel()`. */
export function debounce(fn, ms) {
  let timer = 0;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  wrapped.cancel = () => clearTimeout(timer);
  return wrapped;
}

/** True when the keyboard event happens while the user is typing in a field. */
export function isTyping(event) {
  const el = /** @type {HTMLElement} */ (event.target);
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** Ctrl on Linux/Windows, ⌘ on macOS. */
export function isMod(event) {
  return navigator.platform.startsWith('Mac') ? event.metaKey : event.ctrlKey;
}

/** The last path component, for either separator. */
export function baseName(path) {
  return String(path || '').split(/[\\/]/).pop() || '';
}

/** A small inline icon drawn from SVG path data (decorative: hidden from screen readers). */
export function icon(pathData, size = 16) {
  return s('svg', { class: 'icon', width: size, height: size, viewBox: '0 0 16 16', 'aria-hidden': 'true', focusable: 'false' },
    ...[].concat(pathData).map((d) => s('path', { d })));
}

/** Path data for the few icons the UI uses (16×16 grid, stroked). */
export const ICONS = {
  search: ['M7 12.5a5.5 5.5 0 1 1 0-11 5.5 5.5 0 0 1 0 11z', 'M11 11l3.5 3.5'],
  plus: ['M8 3v10', 'M3 8h10'],
  close: ['M4 4l8 8', 'M12 4l-8 8'],
  chevronDown: ['M4 6l4 4 4-4'],
  chevronUpDown: ['M5 6l3-3 3 3', 'M5 10l3 3 3-3'],
  arrowDown: ['M8 3v10', 'M4 9l4 4 4-4'],
  arrowUp: ['M8 13V3', 'M4 7l4-4 4 4'],
  users: ['M6 7.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z', 'M1.5 14c0-2.5 2-4.5 4.5-4.5s4.5 2 4.5 4.5', 'M11 3a2.5 2.5 0 0 1 0 4.5', 'M12.5 9.8c1.2.6 2 1.9 2 3.7'],
  settings: ['M8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4z', 'M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4'],
  upload: ['M8 11V2.5', 'M4.5 6L8 2.5 11.5 6', 'M2.5 11v2.5h11V11'],
  download: ['M8 2.5V11', 'M4.5 7.5L8 11l3.5-3.5', 'M2.5 11v2.5h11V11'],
  folder: ['M1.5 4v8.5h13V5.5H7.5L6 4z'],
  file: ['M4 1.5h5l3 3v10H4z', 'M9 1.5v3h3'],
  sparkle: ['M8 2v3M8 11v3M2 8h3M11 8h3'],
  trash: ['M2.5 4h11', 'M6 4V2.5h4V4', 'M4 4l.8 9.5h6.4L12 4'],
  edit: ['M10.5 2.5l3 3-8 8h-3v-3z'],
  warning: ['M8 2l6.5 11.5h-13z', 'M8 6.5v3', 'M8 11.5v.5'],
  archive: ['M1.5 2.5h13v3h-13z', 'M2.5 5.5v8h11v-8', 'M6 8.5h4'],
  restore: ['M2.5 8a5.5 5.5 0 1 0 1.6-3.9', 'M2.5 2v3.5H6'],
  check: ['M3 8.5l3 3 7-7'],
};
