//! Every sentence the UI shows comes from a catalogue in `ui/i18n/<language>.js` through `t()`,
//! and every number, date and amount goes through the Intl formatters here. The window speaks
//! the display language (an app preference: `system`, `en` or `nl`), and its numbers and dates
//! follow that language's conventions: Dutch → nl-NL (`€ 1.234,56`, `25-11-2026`), English →
//! the computer's English locale, else en-GB (`€1,234.56`, `25 Nov 2026` / `Nov 25, 2026`).
//! The workspace's own locale does not change the window; machine formats (CSV) are the core's.
//! Fields read dates and times as people type them in that language (`readDate`, `readTime`)
//! and show stored machine numbers in its spelling (`fmt.plain`); the core reads typed numbers
//! in that spelling too (`currentLanguage()` goes with every draft, see api.js).
//! A catalogue lacking a key falls back to English, key by key.

import en from '../../i18n/en.js';

/** The languages the window speaks (each has `ui/i18n/<code>.js`). */
export const LANGUAGES = ['en', 'nl'];

/** @type {Record<string, string>} */
let catalogue = en;
let language = 'en';
let locale = 'en-GB';
let numberFmt;
let compactFmt;
let percentFmt;
let dateFmt;
let dateTimeFmt;
let timeFmt;
let monthNames = [];
let plural;
let regionNames = null;
buildFormatters();

/** The language the window speaks now (`en` or `nl`). */
export const currentLanguage = () => language;
/** The locale numbers and dates are formatted in (`nl-NL`, `en-GB`, `en-US`, …). */
export const currentLocale = () => locale;

/** The computer's language as a window language: `nl` for any Dutch locale, else `en`. */
export function systemLanguage() {
  return /^nl(-|$)/i.test(navigator.language || '') ? 'nl' : 'en';
}

/** A preference (`system`, `en`, `nl`) as the language to speak. */
export function resolveLanguage(preference) {
  return LANGUAGES.includes(preference) ? preference : systemLanguage();
}

/** The formatting locale for a language: nl-NL; for English the computer's English locale. */
function localeFor(lang) {
  if (lang === 'nl') return 'nl-NL';
  try {
    const system = Intl.getCanonicalLocales(navigator.language || 'en-GB')[0];
    if (/^en-[A-Z]{2}$/.test(system) && Intl.NumberFormat.supportedLocalesOf([system]).length) return system;
  } catch { /* not a tag */ }
  return 'en-GB';
}

/**
 * Switches the window to the display language chosen by `preference` (`system`, `en`, `nl`):
 * loads its catalogue and rebuilds the formatters. Screens re-render themselves afterwards.
 * @param {string} preference
 */
export async function setLanguage(preference) {
  const wanted = resolveLanguage(preference);
  let next = en;
  if (wanted !== 'en') {
    try {
      next = (await import(`../../i18n/${wanted}.js`)).default;
    } catch { /* the catalogue is missing: stay in English */ }
  }
  catalogue = next;
  language = next === en ? 'en' : wanted;
  locale = localeFor(language);
  buildFormatters();
  document.documentElement.lang = language;
}

function buildFormatters() {
  const dutch = language === 'nl';
  numberFmt = new Intl.NumberFormat(locale);
  compactFmt = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  percentFmt = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  // Dutch writes dates as 25-11-2026; English as 25 Nov 2026 (en-GB) or Nov 25, 2026 (en-US).
  const day = dutch ? { day: '2-digit', month: '2-digit', year: 'numeric' } : { day: 'numeric', month: 'short', year: 'numeric' };
  dateFmt = new Intl.DateTimeFormat(locale, day);
  dateTimeFmt = new Intl.DateTimeFormat(locale, { ...day, hour: '2-digit', minute: '2-digit' });
  timeFmt = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  // Month names as typed: this language's and English, long and short, without a dot.
  monthNames = [...new Set([locale, 'en-GB'])].flatMap((tag) => ['long', 'short'].flatMap((month) => {
    const names = new Intl.DateTimeFormat(tag, { month, timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, m) => [names.format(Date.UTC(2026, m, 1)).toLowerCase().replace(/\.$/, ''), m + 1]);
  }));
  plural = new Intl.PluralRules(language);
  try { regionNames = new Intl.DisplayNames([language], { type: 'region' }); } catch { regionNames = null; }
}

/** True when the catalogue has a sentence for `key`. */
export const hasKey = (key) => key in catalogue || key in en;

/**
 * The sentence for `key`, with `{name}` placeholders filled from `params` (as text).
 * Numbers in params are formatted with the locale.
 * @param {string} key @param {Record<string, any>} [params]
 */
export function t(key, params) {
  let text = catalogue[key] ?? en[key];
  if (text === undefined) {
    console.warn(`i18n: missing key ${key}`);
    return key;
  }
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name) => {
    if (!(name in params)) return whole;
    const value = params[name];
    return typeof value === 'number' ? numberFmt.format(value) : String(value);
  });
}

/**
 * A counted sentence: picks `key.one`, `key.other` (…) by the plural rules of the locale and
 * fills `{count}` with the formatted number.
 */
export function tn(key, count, params = {}) {
  const form = plural.select(count);
  const chosen = hasKey(`${key}.${form}`) ? `${key}.${form}` : `${key}.other`;
  return t(chosen, { ...params, count });
}

/** Formatting with the current locale. */
export const fmt = {
  /** 12345 → "12,345" (en-GB) or "12.345" (nl-NL). */
  number: (n) => (n === null || n === undefined || Number.isNaN(Number(n)) ? '–' : numberFmt.format(n)),
  /** 12345 → "12K"; 1250000 → "1.3M". */
  compact: (n) => (n === null || n === undefined ? '–' : compactFmt.format(n)),
  /** A ratio: 0.125 → "+12.5%". */
  percent: (ratio) => percentFmt.format(ratio),
  /** An ISO date or timestamp → "12 May 2024" / "12-05-2024"; unreadable text stays as it is. */
  date: (text) => formatWith(dateFmt, text),
  dateTime: (text) => formatWith(dateTimeFmt, text),
  /** `14:30` → "14:30" (nl, en-GB) or "02:30 PM" (en-US). */
  time(hhmm) {
    const m = /^(\d{2}):(\d{2})$/.exec(hhmm || '');
    return m ? timeFmt.format(new Date(2026, 0, 1, Number(m[1]), Number(m[2]))) : String(hhmm || '');
  },
  /**
   * A number in the core's machine spelling (`1300.00`, `12345`, `1.2340`) in the window's:
   * "1.300,00" (nl) or "1,300.00" (en), digits placed as text, never through a float. The core
   * writes three decimals with one zero more (`1.2340` for 1,234 dinar), so no reader takes
   * them for a thousands group; that zero is not shown. Other text is handed back as it is.
   * The core reads what is typed back in the window's spelling (api.js sends it).
   */
  plain(text) {
    const m = /^(\d+)(?:\.(\d+))?$/.exec(String(text ?? '').trim());
    if (!m) return String(text ?? '');
    const parts = numberFmt.formatToParts(BigInt(m[1]));
    const whole = parts.map((p) => p.value).join('');
    if (m[2] === undefined) return whole;
    const decimals = m[2].length === 4 && m[2].endsWith('0') ? m[2].slice(0, 3) : m[2];
    const decimal = numberFmt.formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
    return `${whole}${decimal}${decimals}`;
  },
  /** Bytes in the largest unit that keeps the number above 1. */
  bytes(n) {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'];
    let value = Number(n) || 0;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit += 1; }
    return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit ? 1 : 0 }).format(value);
  },
  /**
   * An amount in integer minor units as money in the window's locale: (123456, "EUR") →
   * "€ 1.234,56" (nl) or "€1,234.56" (en). No arithmetic on the amount: the digits are placed
   * around the currency's decimal point as text, and Intl supplies the symbol and separators.
   */
  money(minor, currency) {
    try {
      const base = { style: 'currency', currency };
      const digits = new Intl.NumberFormat(locale, base).resolvedOptions().maximumFractionDigits;
      const raw = BigInt(minor);
      const negative = raw < 0n;
      const text = (negative ? -raw : raw).toString().padStart(digits + 1, '0');
      const whole = BigInt(text.slice(0, text.length - digits));
      const fraction = digits ? text.slice(text.length - digits) : '';
      const parts = new Intl.NumberFormat(locale, { ...base, minimumFractionDigits: digits, maximumFractionDigits: digits })
        .formatToParts(negative ? -whole : whole);
      let out = parts.map((p) => (p.type === 'fraction' ? fraction : p.value)).join('');
      if (negative && whole === 0n) out = `-${out}`;
      return out;
    } catch {
      return `${currency} ${minor}`;
    }
  },
  /** Decimal figures inside a short text ("0.61–0.87%") in the window's separators. */
  figures(text) {
    return String(text ?? '').replace(/\d+\.\d+/g, (m) => {
      const decimals = m.split('.')[1].length;
      return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Number(m));
    });
  },
  /** "NL" → "Netherlands" (empty when unknown). */
  region(code) {
    if (!regionNames || !/^[A-Za-z]{2}$/.test(code || '')) return '';
    try { return regionNames.of(code.toUpperCase()) || ''; } catch { return ''; }
  },
};

/** The thousands and decimal marks a language writes numbers with (`.` and `,` in Dutch). */
function numberMarks(lang) {
  const parts = new Intl.NumberFormat(localeFor(lang)).formatToParts(12345.6);
  return { group: parts.find((p) => p.type === 'group')?.value ?? ',', decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.' };
}

/**
 * A number typed in language `from` as the window's language writes it: `12.500,5` typed in
 * Dutch is `12,500.5` in English. Only the two marks trade places; digits and anything else
 * stay, and the core still reads the result. For what was typed before a language switch.
 */
export function respell(text, from) {
  const source = String(text ?? '');
  if (from === language) return source;
  const a = numberMarks(from);
  const b = numberMarks(language);
  return [...source].map((c) => (c === a.group ? b.group : c === a.decimal ? b.decimal : c)).join('');
}

/** The order of day, month and year in this language's dates, and the month's spelling. */
function dateLayout() {
  return dateFmt.formatToParts(new Date(2026, 10, 25)).filter((p) => p.type !== 'literal').map((p) => p.type);
}

/**
 * What a date field's empty box says: the shape of a date in the window's language, in
 * letters (`dd-mm-jjjj`, `dd mmm yyyy`, `mmm dd, yyyy`), never a date that could be read as one.
 */
export function datePlaceholder() {
  const numericMonth = !/[a-z]/i.test(dateFmt.formatToParts(new Date(2026, 10, 25)).find((p) => p.type === 'month')?.value ?? '');
  const letters = { day: t('date.shape.day'), month: t(numericMonth ? 'date.shape.month' : 'date.shape.monthName'), year: t('date.shape.year') };
  return dateFmt.formatToParts(new Date(2026, 10, 25)).map((p) => letters[p.type] ?? p.value).join('');
}

/** The shape of a time in the window's language (`uu:mm`, `hh:mm`). */
export const timePlaceholder = () => t('date.shape.time');

/**
 * Reads a date as a person types it in the window's language and hands back `YYYY-MM-DD`, or
 * null when it is not a real day. Dutch and English both: `25-11-2026`, `25/11/2026`,
 * `25.11.2026`, `25-11-26`, `25-11` (this year), `2026-11-25`, `25 nov 2026`, `25 November
 * 2026`, `Nov 25, 2026`; with US English, `11/25/2026` is month first.
 */
export function readDate(text) {
  const raw = String(text ?? '').trim().toLowerCase();
  if (!raw) return null;
  let y; let m; let d;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw);
  const words = raw.split(/[\s,./-]+/).filter(Boolean);
  const named = words.findIndex((w) => /^[a-zà-ÿ]+$/.test(w));
  if (iso) {
    [y, m, d] = iso.slice(1).map(Number);
  } else if (named !== -1) {
    const word = words[named].replace(/\.$/, '');
    const month = word.length >= 3 ? monthNames.find(([name]) => name === word || (name.startsWith(word))) : null;
    const numbers = words.filter((_, i) => i !== named);
    if (!month || numbers.length < 1 || numbers.length > 2 || !numbers.every((n) => /^\d+$/.test(n))) return null;
    m = month[1];
    d = Number(numbers[0]);
    y = numbers.length === 2 ? Number(numbers[1]) : new Date().getFullYear();
    if (numbers.length === 2 && numbers[1].length === 2) y = 2000 + y;
  } else {
    if (!/^\d{1,2}[\s./-]\d{1,2}([\s./-]\d{2}(\d{2})?)?$/.test(raw)) return null;
    const n = words.map(Number);
    const monthFirst = dateLayout()[0] === 'month';
    [d, m] = monthFirst ? [n[1], n[0]] : [n[0], n[1]];
    y = n.length === 3 ? (words[2].length === 2 ? 2000 + n[2] : n[2]) : new Date().getFullYear();
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2200 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Reads `14:30`, `14.30`, `1430`, `9`, `2:30 pm` as `HH:MM` (24 hours), or null. */
export function readTime(text) {
  const raw = String(text ?? '').trim().toLowerCase().replace(/\s+/g, '');
  const m = /^(\d{1,2})(?:[:.h]?(\d{2}))?(am|pm|a\.m\.|p\.m\.)?$/.exec(raw);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  if (m[3]) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (m[3].startsWith('p') ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The first day of the week in the window's language: 1 Monday … 7 Sunday. */
export function weekStart() {
  try {
    const info = new Intl.Locale(locale);
    const week = typeof info.getWeekInfo === 'function' ? info.getWeekInfo() : info.weekInfo;
    if (week?.firstDay) return week.firstDay;
  } catch { /* an engine without week data */ }
  return locale === 'en-US' ? 7 : 1;
}

/** Reads `2024-05-01`, `2024-05-01T10:00:00Z` and `2024-05-01 10:00:00` (taken as UTC). */
export function parseDate(text) {
  if (!text) return null;
  const raw = String(text).trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    const [y, m, d] = raw.split('-').map(Number);
    return new Date(y, m - 1, d);
  }
  let iso = raw.replace(' ', 'T');
  if (/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(iso)) iso += 'Z';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function formatWith(formatter, text) {
  const date = parseDate(text);
  return date ? formatter.format(date) : String(text || '–');
}
