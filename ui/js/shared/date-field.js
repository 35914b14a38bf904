//! Date and date-time fields in the window's language, not the computer's (WebKitGTK's own
//! `<input type="date">` follows the operating system and shows a greyed-out today when empty).
//! `dateField()` is a text box that shows a date as the window writes it (`25-11-2026`,
//! `25 Nov 2026`) and reads what is typed the same way (`readDate` in i18n.js: `25-11`,
//! `25/11/26`, `25 nov`, …); empty, it shows only the shape of a date (`dd-mm-jjjj`).
//! Its `value` is what the core takes: `YYYY-MM-DD`, empty, or (for a text that is not a date)
//! the text as typed, so the core's error quotes it at the field. The keyboard: ↑/↓ a day,
//! PageUp/PageDown a month, Alt+↓ opens the calendar (arrows walk the days, Enter picks,
//! Esc closes). `dateTimeField()` adds a time box; its value is `YYYY-MM-DDTHH:MM`.
//! `field()` (fields.js) gives the date box the field's id, name and error.

import { h, icon, mount } from './dom.js';
import { t, fmt, readDate, readTime, datePlaceholder, timePlaceholder, weekStart, currentLocale } from './i18n.js';

const CALENDAR_ICON = ['M2.5 3.5h11v10h-11z', 'M2.5 6.5h11', 'M5.5 2v3M10.5 2v3'];
const DAY = 86_400_000;

/** `YYYY-MM-DD` of a day number (days since 1970-01-01, UTC), and back. */
const isoOf = (n) => new Date(n * DAY).toISOString().slice(0, 10);
const dayOf = (iso) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
/** Today on this computer's clock. */
const todayIso = () => { const d = new Date(); return isoOf(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY); };

/**
 * A date field. @param {{ value?: string, min?: string, max?: string }} [o] dates as `YYYY-MM-DD`
 * @returns {HTMLElement & { value: string }}
 */
export function dateField(o = {}) {
  const input = /** @type {HTMLInputElement} */ (h('input', {
    type: 'text', class: 'input date-input', autocomplete: 'off', spellcheck: 'false', inputmode: 'numeric',
    placeholder: datePlaceholder(), 'data-control': '',
  }));
  const button = h('button', { type: 'button', class: 'icon-btn date-open', tabindex: -1, 'aria-label': t('date.calendar.open'), title: t('date.calendar.open'),
    'aria-haspopup': 'dialog', 'aria-expanded': 'false', onclick: () => (popup ? close(true) : open()) }, icon(CALENDAR_ICON, 14));
  const el = /** @type {any} */ (h('div', { class: 'date-field' }, input, button));
  let popup = null;
  /** Closes the calendar when a click lands outside the field. */
  const outside = (e) => { if (!el.contains(/** @type {Node} */ (e.target))) close(false); };

  /** The date the box holds, or null. */
  const read = () => readDate(input.value);
  const show = (iso) => { input.value = iso ? fmt.date(iso) : ''; };
  const within = (iso) => (!o.min || iso >= o.min) && (!o.max || iso <= o.max);
  /** Puts `iso` in the box as a person would, so the form hears an edit. */
  const pick = (iso) => {
    show(iso);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };

  Object.defineProperty(el, 'value', {
    get: () => read() ?? input.value.trim(),
    set: (iso) => show(readDate(iso) ?? ''),
  });
  el.value = o.value ?? '';

  // Once typed, a date is written back the window's way, so the person sees it was understood.
  input.addEventListener('blur', () => { const iso = read(); if (iso) show(iso); });
  input.addEventListener('keydown', (e) => {
    if (input.readOnly) return; // a box that may not change (read-only.js) takes no date
    if (e.altKey && e.key === 'ArrowDown') { e.preventDefault(); open(); return; }
    const step = { ArrowUp: 1, ArrowDown: -1 }[e.key];
    const months = { PageUp: 1, PageDown: -1 }[e.key];
    if (!step && !months) return;
    e.preventDefault();
    const from = read() ?? todayIso();
    const next = step ? isoOf(dayOf(from) + step) : addMonths(from, months);
    if (within(next)) pick(next);
  });

  function open() {
    if (popup) return;
    let focusDay = read() ?? (o.max && todayIso() > o.max ? o.max : todayIso());
    const title = h('div', { class: 'cal-title', 'aria-live': 'polite' });
    const grid = h('table', { class: 'cal-grid', role: 'grid' });
    const nav = (months, key) => h('button', { type: 'button', class: 'icon-btn cal-nav', 'aria-label': t(key), title: t(key),
      onclick: () => { focusDay = addMonths(focusDay, months); draw(false); } }, months < 0 ? '‹' : '›');
    popup = h('div', { class: 'date-popup', role: 'dialog', 'aria-label': t('date.calendar.label'), onkeydown: onKey },
      h('div', { class: 'cal-head' }, nav(-1, 'date.calendar.previous'), title, nav(1, 'date.calendar.next')),
      grid,
      h('div', { class: 'cal-foot' },
        h('button', { type: 'button', class: 'btn btn-ghost btn-small cal-today', disabled: !within(todayIso()), onclick: () => choose(todayIso()) }, t('date.calendar.today')),
        h('button', { type: 'button', class: 'btn btn-ghost btn-small cal-clear', onclick: () => { pick(''); close(true); } }, t('date.calendar.clear'))));
    el.appendChild(popup);
    button.setAttribute('aria-expanded', 'true');
    document.addEventListener('pointerdown', outside, true);
    draw(true);
    // Keep the calendar inside the window: open it upwards or to the left when needed.
    const box = popup.getBoundingClientRect();
    if (box.right > window.innerWidth - 8) popup.classList.add('align-end');
    if (box.bottom > window.innerHeight - 8 && box.height < el.getBoundingClientRect().top) popup.classList.add('above');

    function draw(focus) {
      const [y, m] = [Number(focusDay.slice(0, 4)), Number(focusDay.slice(5, 7))];
      mount(title, new Intl.DateTimeFormat(currentLocale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1)));
      const first = Date.UTC(y, m - 1, 1) / DAY;
      const firstWeekday = ((new Date(first * DAY).getUTCDay() + 6) % 7) + 1; // 1 Monday … 7 Sunday
      const start = first - ((firstWeekday - weekStart() + 7) % 7);
      const names = new Intl.DateTimeFormat(currentLocale(), { weekday: 'short', timeZone: 'UTC' });
      const long = new Intl.DateTimeFormat(currentLocale(), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
      const chosen = read();
      const today = todayIso();
      const weeks = [];
      for (let w = 0; w < 6; w += 1) {
        const days = [];
        for (let d = 0; d < 7; d += 1) {
          const iso = isoOf(start + w * 7 + d);
          const inMonth = Number(iso.slice(5, 7)) === m;
          days.push(h('td', { role: 'gridcell', 'aria-selected': iso === chosen ? 'true' : 'false' },
            h('button', {
              type: 'button', class: ['cal-day', !inMonth && 'other-month', iso === today && 'is-today', iso === chosen && 'is-chosen'],
              tabindex: iso === focusDay ? 0 : -1, 'data-date': iso, 'aria-label': long.format(dayOf(iso) * DAY),
              'aria-current': iso === today ? 'date' : null, disabled: !within(iso), onclick: () => choose(iso),
            }, String(Number(iso.slice(8, 10))))));
        }
        weeks.push(h('tr', null, ...days));
      }
      mount(grid,
        h('thead', null, h('tr', null, ...Array.from({ length: 7 }, (_, d) => h('th', { scope: 'col', abbr: names.format((start + d) * DAY) }, names.format((start + d) * DAY))))),
        h('tbody', null, ...weeks));
      if (focus) /** @type {HTMLElement|null} */ (grid.querySelector(`[data-date="${focusDay}"]`))?.focus();
    }

    function onKey(e) {
      if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); close(true); return; }
      if (!(e.target instanceof HTMLElement) || !e.target.classList.contains('cal-day')) return;
      const weekday = ((new Date(dayOf(focusDay) * DAY).getUTCDay() + 7 - (weekStart() % 7)) % 7);
      const moves = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7, Home: -weekday, End: 6 - weekday };
      if (e.key in moves) focusDay = isoOf(dayOf(focusDay) + moves[e.key]);
      else if (e.key === 'PageUp' || e.key === 'PageDown') focusDay = addMonths(focusDay, (e.key === 'PageUp' ? -1 : 1) * (e.shiftKey ? 12 : 1));
      else return;
      e.preventDefault();
      draw(true);
    }

    function choose(iso) {
      if (!within(iso)) return;
      pick(iso);
      close(true);
    }

  }

  function close(refocus) {
    if (!popup) return;
    popup.remove();
    popup = null;
    button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', outside, true);
    if (refocus) input.focus();
  }

  return el;
}

/** The same day `months` later (the month's last day when it is shorter). */
function addMonths(iso, months) {
  const [y, m, d] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1 + months, Number(iso.slice(8, 10))];
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return isoOf(Date.UTC(y, m, Math.min(d, last)) / DAY);
}

/**
 * A date and a time (a post's publish time). Its value is `YYYY-MM-DDTHH:MM` when both are
 * readable, empty when both are empty, else the two texts as typed (for the core to refuse).
 * @param {{ value?: string }} [o] `YYYY-MM-DDTHH:MM`
 * @returns {HTMLElement & { value: string }}
 */
export function dateTimeField(o = {}) {
  const date = dateField();
  const time = /** @type {HTMLInputElement} */ (h('input', { type: 'text', class: 'input time-input', autocomplete: 'off', spellcheck: 'false',
    inputmode: 'numeric', placeholder: timePlaceholder(), 'aria-label': t('date.time') }));
  const el = /** @type {any} */ (h('div', { class: 'date-time-field' }, date, time));
  time.addEventListener('blur', () => { const hhmm = readTime(time.value); if (hhmm) time.value = fmt.time(hhmm); });
  Object.defineProperty(el, 'value', {
    get: () => {
      const day = date.value;
      const at = readTime(time.value);
      if (!day && !time.value.trim()) return '';
      if (/^\d{4}-\d{2}-\d{2}$/.test(day) && at) return `${day}T${at}`;
      // Not both readable: the texts as typed, so the core's refusal quotes them.
      return [/** @type {HTMLInputElement} */ (date.querySelector('input')).value.trim(), time.value.trim()].filter(Boolean).join(' ');
    },
    set: (text) => {
      const [day, at] = String(text || '').split('T');
      date.value = day || '';
      time.value = at ? fmt.time(at.slice(0, 5)) : '';
    },
  });
  el.value = o.value ?? '';
  return el;
}
