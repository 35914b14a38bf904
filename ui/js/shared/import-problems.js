//! What an import says about a file it refused, shared by every import dialog (the roster's,
//! the orders', the affiliate list's): the problems grouped by kind — where (a row, or how many
//! rows and which), the column, what is wrong in words — and a whole-file (layout) problem in
//! the display language. Text only through `h`, never as HTML.

import { h } from './dom.js';
import { t, tn, fmt, hasKey, currentLocale } from './i18n.js';
import { asPayload, errorText, problemText } from './errors.js';

/** At most this many kinds of problems are listed; the rest are counted. */
const SHOWN_GROUPS = 100;

/**
 * Problems grouped by kind as a list (`#import-errors`), labelled by the catalogue key
 * `labelKey`. `groups`: the payload's `groups`, or (an older payload) one per row problem.
 * @param {{ rows: number[], column: string, code: string, value?: string|null, values?: string[], message: string }[]} groups
 * @param {string} labelKey
 */
export function problemList(groups, labelKey) {
  const shown = groups.slice(0, SHOWN_GROUPS);
  return h('ul', { id: 'import-errors', class: 'import-errors', tabindex: 0, 'aria-label': t(labelKey) },
    ...shown.map((g) => h('li', { class: 'import-error' },
      h('span', { class: 'err-row num' }, g.rows.length === 1 ? t('import.rejected.row', { row: g.rows[0] }) : tn('import.rows', g.rows.length)),
      h('span', { class: 'err-column', title: g.column }, g.column || t('import.rejected.wholeRow')),
      h('span', { class: 'err-message' }, groupText(g),
        g.rows.length > 1 ? h('span', { class: 'err-rows muted' }, rowList(g.rows)) : null))),
    groups.length > shown.length ? h('li', { class: 'import-error muted' }, tn('import.moreKinds', groups.length - shown.length)) : null);
}

/** The groups of a refusal (`import_rejected`): its `groups`, else one per row problem. */
export function groupsOf(e) {
  return e.groups?.length ? e.groups : (e.rows ?? []).map((r) => ({ ...r, rows: [r.row] }));
}

/** A group's sentence: its one value quoted, or the kind of problem with a few of its values. */
function groupText(g) {
  if (g.value != null) return problemText({ code: g.code, value: g.value, message: g.message });
  const text = problemText({ code: g.code, message: g.message });
  return g.values?.length > 1 ? t('import.group.values', { problem: text, values: list(g.values.map((v) => `“${v}”`), 'conjunction') }) : text;
}

/** `Rows 3, 5 and 9` or `Rows 3, 5, 9, … and 52 more`. */
function rowList(rows, shown = 10) {
  const numbers = rows.slice(0, shown).map((r) => fmt.number(r));
  if (rows.length <= shown) return t('import.group.rows', { rows: list(numbers, 'conjunction') });
  return t('import.group.rowsMore', { rows: numbers.join(', '), more: fmt.number(rows.length - shown) });
}

/** Items joined as the display language does (“a, b and c” / “a, b of c”). */
export function list(items, type) {
  try { return new Intl.ListFormat(currentLocale(), { type }).format(items); } catch { return items.join(', '); }
}

/**
 * A whole-file problem in the display language: a layout problem by its code (the columns it
 * names, the fields it could be, each field named by `fieldLabel`), anything else as errors.js
 * says it.
 * @param {any} err @param {(f: {value: string, label: string}) => string} fieldLabel
 */
export function layoutText(err, fieldLabel) {
  const e = asPayload(err);
  const code = e.params?.code;
  if (e.kind !== 'bad_file' || !code || !hasKey(`import.layout.${code}`)) return errorText(e);
  const fields = (e.params.fields ?? '').split(',').filter(Boolean).map((v) => fieldLabel({ value: v, label: v }));
  const field = e.params.field ? fieldLabel({ value: e.params.field, label: e.params.field }) : '';
  const names = (text) => list((text ?? '').split('\n').filter(Boolean).map((c) => `“${c}”`), 'conjunction');
  return t(`import.layout.${code}`, {
    ...e.params, field, fields: list(fields.map((f) => `“${f}”`), 'disjunction'),
    columns: names(e.params.columns), missing: names(e.params.missing),
  });
}
