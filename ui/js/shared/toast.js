//! Short notices at the bottom left of the content, clear of a side panel and its Save button:
//! successes, and errors that belong to no field.
//! The region `#toast` is a polite live region (errors are announced assertively); each
//! notice closes by itself, on its close button, or with Esc while focused. At most
//! `MOST_SHOWN` stay on screen (a new one closes the oldest), and a notice with the same text
//! as one shown replaces it: a burst of actions never stacks a column of notices.

import { h, icon, ICONS } from './dom.js';
import { t } from './i18n.js';
import { errorText } from './errors.js';

const MOST_SHOWN = 3;

function region() {
  let el = document.getElementById('toast');
  if (!el) {
    el = h('div', { id: 'toast', class: 'toast-region', 'aria-live': 'polite', role: 'status' });
    document.body.appendChild(el);
  }
  return el;
}

/**
 * Shows a notice. @param {string} text
 * @param {{kind?: 'success'|'error'|'info', action?: {label: string, run: () => void}, timeout?: number}} [options]
 */
export function toast(text, options = {}) {
  const kind = options.kind || 'info';
  const timeout = options.timeout ?? (kind === 'error' ? 9000 : 4500);
  let timer = 0;
  const close = () => {
    clearTimeout(timer);
    item.classList.add('leaving');
    setTimeout(() => item.remove(), 160);
  };
  const item = h('div', { class: ['toast', `toast-${kind}`], role: kind === 'error' ? 'alert' : null,
    onkeydown: (e) => { if (e.key === 'Escape') { e.stopPropagation(); close(); } } },
    h('span', { class: 'toast-dot', 'aria-hidden': 'true' }),
    h('div', { class: 'toast-text' }, text),
    options.action ? h('button', { type: 'button', class: 'btn btn-link', onclick: () => { close(); options.action.run(); } }, options.action.label) : null,
    h('button', { type: 'button', class: 'icon-btn', 'aria-label': t('common.dismiss'), onclick: close }, icon(ICONS.close, 14)));
  const start = () => { if (timeout > 0) timer = setTimeout(close, timeout); };
  item.addEventListener('mouseenter', () => clearTimeout(timer));
  item.addEventListener('mouseleave', start);
  const shown = [...region().querySelectorAll('.toast:not(.leaving)')];
  for (const same of shown.filter((el) => el.querySelector('.toast-text')?.textContent === text)) same.remove();
  const left = [...region().querySelectorAll('.toast:not(.leaving)')];
  for (const old of left.slice(0, Math.max(0, left.length - (MOST_SHOWN - 1)))) old.remove();
  region().appendChild(item);
  start();
  return close;
}

/** Shows an error notice for anything thrown by the back end or the UI. */
export function toastError(err, options = {}) {
  return toast(errorText(err), { ...options, kind: 'error' });
}
