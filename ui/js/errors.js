//! Turning an ErrorPayload from api.js into words. Field and row problems are translated by
//! their stable `code` (catalogue keys `code.<code>`); whole errors by `kind` where the
//! catalogue has a sentence for it (`kind.<kind>`), otherwise the back end's English `message`
//! is shown. Nothing here ever looks at message text to decide anything.

import { t, hasKey } from './i18n.js';
import { session, label } from './session.js';

/** Kinds whose back-end message carries specifics (paths, counts) worth more than a generic line. */
const PREFER_MESSAGE = new Set(['validation', 'bad_file', 'workspace_missing', 'not_sqlite', 'foreign_database',
  'newer_version', 'already_exists', 'io', 'import_rejected']);

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
  if (!PREFER_MESSAGE.has(e.kind) && hasKey(`kind.${e.kind}`)) return t(`kind.${e.kind}`);
  return e.message || t('kind.internal');
}

/**
 * The sentence for one field or row problem: `{field|column, code, value, message}`. With a
 * value, `code.<code>.value` (which quotes it) is preferred over `code.<code>`.
 */
export function problemText(problem) {
  const base = `code.${problem.code}`;
  const value = problem.value ?? '';
  const key = value !== '' && hasKey(`${base}.value`) ? `${base}.value` : base;
  if (problem.code && hasKey(key)) {
    return t(key, { value, currency: session.vocab?.currency ?? '', format: label('formats', value) });
  }
  return problem.message || t('kind.internal');
}
