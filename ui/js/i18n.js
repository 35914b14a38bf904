//! Every sentence the UI shows comes from a catalogue in `ui/i18n/<language>.js` through `t()`,
//! and every number and date goes through the Intl formatters here, with the workspace locale.
//! Adding a language is adding its catalogue file: `setLocale('nl-NL')` loads `i18n/nl.js`
//! when it exists and falls back to English, key by key, for anything it lacks.

import en from '../i18n/en.js';

/** @type {Record<string, string>} */
let catalogue = en;
let locale = 'en-GB';
let numberFmt = new Intl.NumberFormat(locale);
let compactFmt = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
let percentFmt = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
let dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
let dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
let plural = new Intl.PluralRules(locale);
let regionNames = null;

/** The locale numbers and dates are formatted in (the workspace's, once one is open). */
export const currentLocale = () => locale;

/**
 * Switches to the workspace locale `tag` (a BCP 47 tag such as `nl-NL`): the catalogue of its
 * language when one exists (else English), and numbers and dates in the conventions of its
 * region. When the catalogue's language differs from the workspace's, the words stay in the
 * catalogue's language and only the conventions follow the region (`en-NL`: "1.234,5",
 * "25 May 2026"), so an English window never shows Dutch month or country names.
 * @param {string} tag
 */
export async function setLocale(tag) {
  let wanted = 'en-GB';
  try {
    wanted = Intl.getCanonicalLocales(tag || navigator.language || 'en-GB')[0];
  } catch { /* not a tag: keep en-GB */ }
  const [language, region] = wanted.split('-');
  catalogue = en;
  let uiLanguage = 'en';
  if (language !== 'en' && /^[a-z]{2,3}$/.test(language)) {
    try {
      catalogue = (await import(`../i18n/${language}.js`)).default;
      uiLanguage = language;
    } catch { /* no catalogue for this language yet: English */ }
  }
  locale = wanted;
  if (uiLanguage !== language && region) {
    const mixed = `${uiLanguage}-${region}`;
    if (Intl.NumberFormat.supportedLocalesOf([mixed]).length) locale = mixed;
  }
  numberFmt = new Intl.NumberFormat(locale);
  compactFmt = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  percentFmt = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  plural = new Intl.PluralRules(uiLanguage);
  try { regionNames = new Intl.DisplayNames([uiLanguage], { type: 'region' }); } catch { regionNames = null; }
  document.documentElement.lang = uiLanguage;
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
  /** An ISO date or timestamp → "12 May 2024"; unreadable text is shown as it is. */
  date: (text) => formatWith(dateFmt, text),
  dateTime: (text) => formatWith(dateTimeFmt, text),
  /** Bytes in the largest unit that keeps the number above 1. */
  bytes(n) {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'];
    let value = Number(n) || 0;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit += 1; }
    return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit ? 1 : 0 }).format(value);
  },
  /** "NL" → "Netherlands" (empty when unknown). */
  region(code) {
    if (!regionNames || !/^[A-Za-z]{2}$/.test(code || '')) return '';
    try { return regionNames.of(code.toUpperCase()) || ''; } catch { return ''; }
  },
};

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
