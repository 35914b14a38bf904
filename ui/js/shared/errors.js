//! Turning an ErrorPayload from api.js into words. Field and row problems are translated by
//! their stable `code` (catalogue keys `code.<code>`, filled with the problem's `value`); whole
//! errors by `kind` (`kind.<kind>`, or `kind.<kind>.<variant>` when the catalogue words a
//! variant: an io error's `reason`, a damaged file's `backup`), filled with the payload's
//! `params` (path, found, supported, file, count, detail, backup_day as a date). A validation
//! error speaks through its first field problem. Only when
//! the catalogue has no sentence, or the payload lacks a parameter the sentence needs, is the
//! back end's English `message` shown. Nothing here ever looks at message text to decide.

import { t, hasKey, fmt } from './i18n.js';
import { session, label } from './session.js';
import { tn } from './i18n.js';

/** Normalises anything thrown (an ErrorPayload, an Error, a string) to an ErrorPayload. */
export function asPayload(err) {
  if (err && typeof err === 'object' && typeof err.kind === 'string') {
    return { message: '', fields: [], rows: [], ...err };
  }
  const message = err instanceof Error ? err.message : String(err ?? '');
  return { kind: 'internal', message, fields: [], rows: [] };
}

/** One sentence for a whole error, for a toast or a banner. */
export function errorText(err) {
  const e = asPayload(err);
  if (e.kind === 'validation' && e.fields.length) return problemText(e.fields[0]);
  const raw = e.params || {};
  const params = Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, name.endsWith('_day') ? fmt.date(value) : value]));
  const variant = raw.reason || (raw.backup ? 'backup' : '');
  const key = variant && hasKey(`kind.${e.kind}.${variant}`) ? `kind.${e.kind}.${variant}` : `kind.${e.kind}`;
  if (hasKey(key) && placeholders(t(key)).every((name) => name in params)) return t(key, params);
  return e.message || t('kind.internal');
}

/** The `{name}` placeholders a sentence holds. */
const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

/**
 * The sentence for one field or row problem: `{field|column, code, value, message}`. With a
 * value, `code.<code>.value` (which quotes it) is preferred over `code.<code>`; a count as the
 * value picks the counted forms `code.<code>.value.one` / `.other` when the catalogue has them.
 */
export function problemText(problem) {
  const base = `code.${problem.code}`;
  const value = problem.value ?? '';
  if (/^\d+$/.test(value) && hasKey(`${base}.value.other`)) {
    return tn(`${base}.value`, Number(value), { value: Number(value) });
  }
  const key = value !== '' && hasKey(`${base}.value`) ? `${base}.value` : base;
  if (problem.code && hasKey(key)) {
    return t(key, { value, currency: session.vocab?.currency ?? '', format: label('formats', value) });
  }
  return problem.message || t('kind.internal');
}
