//! Form fields and their errors, shared by the creator form, the settings screen and the
//! new-workspace dialog. A control carries `data-field` with the back end's field name
//! (`email`, `handles.0.handle`, `tiers.micro`); its error element carries `data-error-for`
//! with the same name. `showFieldErrors` puts each problem at its field (or at the nearest
//! enclosing one: `rates.post` lands at `rates`), marks the control `aria-invalid` and returns
//! the first control to focus; editing a control clears its error. Dates use date-field.js;
//! amounts and counts `numberInput`, which shows a stored number in the window's spelling.

import { h } from './dom.js';
import { fmt, currentLanguage, respell } from './i18n.js';
import { problemText, asPayload, errorText } from './errors.js';

/**
 * A labelled field with its hint and error slot; `extra` (a picker's offer) sits right after
 * the control.
 * @param {{ id: string, field: string, errId: string, label: string, control: HTMLElement,
 *   hint?: string, className?: string, extra?: HTMLElement }} o
 */
export function field(o) {
  const hintId = o.hint ? `hint-${o.id}` : null;
  // A composite control (a date field: box and calendar button) names its box `data-control`.
  const control = o.control.matches('input, select, textarea') ? o.control : o.control.querySelector('[data-control]') ?? o.control;
  control.id = o.id;
  control.dataset.field = o.field;
  control.setAttribute('aria-describedby', [hintId, o.errId].filter(Boolean).join(' '));
  return h('div', { class: ['field', o.className] },
    h('label', { class: 'field-label', for: o.id }, o.label),
    o.control,
    o.extra ?? null,
    o.hint ? h('div', { class: 'field-hint', id: hintId }, o.hint) : null,
    errorSlot(o.errId, o.field));
}

/** An empty error element for `field`, filled by showFieldErrors. */
export function errorSlot(errId, fieldName, prefix) {
  return h('div', { class: 'field-error', id: errId, 'data-error-for': fieldName, 'data-prefix': prefix || null, hidden: true });
}

/** A text input. */
export function textInput(attrs = {}) {
  return h('input', { type: 'text', class: 'input', autocomplete: 'off', spellcheck: 'false', ...attrs });
}

/**
 * The language each number was typed in, by its text: a form rebuilt after a language switch
 * gets back what was typed (`12.500` in Dutch) and must show and send it the new language's way
 * (`12,500` in English), not read it anew. The same text typed in both languages counts as
 * typed in the later one.
 */
const typedIn = new Map();

/**
 * An amount or count box. `stored` is the core's machine spelling (`1300.00`, `12345`, which
 * reads the same in every language) or text kept from an earlier build of the form; the box
 * shows it the window's way (`1.300,00`, `12.345`; what was typed in another language with its
 * marks traded, `12.500` → `12,500`). Read it with `controlValue`: the stored text while the
 * box is untouched, else what was typed, which the core reads in the window's spelling (a Dutch
 * `1,300` is 1,30; api.js sends the language with the draft).
 */
export function numberInput(stored, attrs = {}) {
  let text = String(stored ?? '');
  // Typed text is never reformatted (a Dutch `12.500` is not the machine's 12.500); digits
  // alone read the same in every language and are shown grouped.
  const typed = /\D/.test(text) ? typedIn.get(text) : undefined;
  if (typed && typed !== currentLanguage()) {
    text = respell(text, typed);
    typedIn.set(text, currentLanguage());
  }
  const input = textInput({ class: 'input num', inputmode: 'decimal', ...attrs, value: typed ? text : fmt.plain(text) });
  input.dataset.stored = text;
  input.dataset.shown = input.value;
  input.addEventListener('input', () => typedIn.set(input.value, currentLanguage()));
  return input;
}

/**
 * What a control holds for the core: a number box's stored text while untouched, else
 * `.value` (for a number put back into the box after a language switch, in the window's marks).
 */
export function controlValue(control) {
  const c = /** @type {any} */ (control);
  if (!c.dataset || !('stored' in c.dataset)) return c.value;
  if (c.value === c.dataset.shown) return c.dataset.stored;
  const typed = typedIn.get(c.value);
  return typed && typed !== currentLanguage() ? respell(c.value, typed) : c.value;
}

/** A select with `[value, label]` options. */
export function select(options, value, attrs = {}) {
  return h('select', { class: 'select', ...attrs },
    ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
}

/** Removes every error shown in `root`. */
export function clearFieldErrors(root) {
  for (const el of root.querySelectorAll('[data-error-for]')) { el.hidden = true; el.replaceChildren(); }
  for (const el of root.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
}

/**
 * Shows each problem at its field. Problems with no field on screen are returned in `unplaced`.
 * @param {HTMLElement} root @param {Array<{field: string, code: string, value?: string, message: string}>} problems
 * @returns {{ first: HTMLElement | null, unplaced: typeof problems }}
 */
export function showFieldErrors(root, problems) {
  clearFieldErrors(root);
  let first = null;
  let firstOrder = Infinity;
  const unplaced = [];
  const order = [...root.querySelectorAll('[data-field]')];
  for (const problem of problems) {
    const name = nearest(root, problem.field);
    if (name === null) { unplaced.push(problem); continue; }
    const slot = root.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
    slot.hidden = false;
    const prefix = slot.dataset.prefix;
    slot.appendChild(h('div', null, prefix ? h('span', { class: 'error-prefix' }, prefix) : null, problemText(problem)));
    const control = /** @type {HTMLElement|null} */ (root.querySelector(`[data-field="${CSS.escape(name)}"]`));
    const target = control || slot.closest('[data-focus-target]')?.querySelector('button, input, select') || null;
    if (control) control.setAttribute('aria-invalid', 'true');
    const at = target ? order.indexOf(target) : -1;
    const rank = at === -1 ? order.length : at;
    if (target && rank < firstOrder) { first = target; firstOrder = rank; }
  }
  return { first, unplaced };
}

/**
 * A failed save of a dialog's form: each field problem at its field (the first focused), and
 * what has no field here (or is no field problem) in `banner`, in words.
 * @param {HTMLElement} form @param {HTMLElement} banner @param {any} err
 */
export function showProblems(form, banner, err) {
  const p = asPayload(err);
  const { first, unplaced } = p.kind === 'validation' ? showFieldErrors(form, p.fields) : { first: null, unplaced: [] };
  if (p.kind !== 'validation' || unplaced.length) {
    banner.textContent = errorText(p);
    banner.hidden = false;
  }
  first?.focus();
}

/** The field name itself when it has an error slot, else its nearest parent that has one. */
function nearest(root, name) {
  const parts = String(name || '').split('.');
  while (parts.length) {
    const candidate = parts.join('.');
    if (root.querySelector(`[data-error-for="${CSS.escape(candidate)}"]`)) return candidate;
    parts.pop();
  }
  return null;
}

/** Clears a control's error as soon as the user edits it. Call once per form root. */
export function clearErrorsOnEdit(root) {
  const handler = (e) => {
    const control = /** @type {HTMLElement} */ (e.target);
    const name = control?.dataset?.field;
    if (!name || control.getAttribute('aria-invalid') !== 'true') return;
    control.removeAttribute('aria-invalid');
    const slot = root.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
    if (slot) { slot.hidden = true; slot.replaceChildren(); }
  };
  root.addEventListener('input', handler);
  root.addEventListener('change', handler);
}
