//! Importing a CSV into the roster: pick a file (native dialog), preview it (encoding,
//! separator, rows, each column with three samples and the field it maps to; that a file
//! without a name column names creators after their handle; how many blank-like cells such as
//! "N/A" are read as empty), run the import with a progress bar, then show either the counts
//! (created / updated / unchanged) or, when the back end rejected the file, its problems
//! grouped by kind (nothing was imported). After a refusal the person may choose to import the
//! good rows and leave out the bad ones (`#import-skip-bad`); the result then lists the rows
//! left out and where they were saved to fix and import again.

import * as api from '../api.js';
import { h, mount } from '../shared/dom.js';
import { t, tn, fmt } from '../shared/i18n.js';
import { asPayload } from '../shared/errors.js';
import { problemList, groupsOf, list, layoutText as sharedLayoutText } from '../shared/import-problems.js';
import { openDialog } from '../shared/dialog.js';
import { toast } from '../shared/toast.js';
import { session, label } from '../shared/session.js';

/** @param {{ onImported: (report: import('../api.js').ImportReport) => void }} hooks */
export async function openImportDialog(hooks) {
  let path;
  let preview;
  try {
    path = await api.pickImportFile();
    if (!path) return;
    preview = await api.previewImport(path);
  } catch (err) {
    toast(layoutText(err), { kind: 'error' });
    return;
  }

  /** @type {Record<string, string|null>} */
  const mapping = Object.fromEntries(preview.columns.map((c) => [c.header, c.field ?? null]));
  let running = false;
  const body = h('div', { class: 'import' });
  const actions = h('div', { class: 'dialog-actions-inner' });
  const dlg = openDialog({
    title: t('import.title'), className: 'dialog-wide', id: 'import-dialog',
    body: [body], actions: [actions], canClose: () => !running,
  });

  showPreview();

  function fileFacts() {
    return h('div', { class: 'import-facts' },
      h('span', { class: 'import-file', title: preview.path }, preview.file_name),
      h('span', { class: 'muted' }, t('import.facts', {
        encoding: preview.encoding, separator: separatorName(preview.delimiter), rows: tn('import.rows', preview.row_count),
      })));
  }

  function showPreview(problem) {
    const fieldOptions = [['', t('import.ignore')], ...preview.fields.map((f) => [f.value, fieldLabel(f)])];
    const summary = h('p', { class: 'muted import-summary' });
    const notes = h('ul', { class: 'import-notes', id: 'import-notes' });
    const updateSummary = () => {
      const used = Object.values(mapping).filter(Boolean).length;
      mount(summary, t('import.mapped', { used, total: preview.columns.length }));
      mount(notes, ...previewNotes().map((n) => h('li', null, n)));
      notes.hidden = !notes.childElementCount;
    };
    const rows = preview.columns.map((col, i) => {
      const known = !!col.field;
      const selectEl = /** @type {HTMLSelectElement} */ (h('select', {
        class: 'select', id: `map-${i}`, 'aria-label': t('import.mapAs', { header: col.header }),
        onchange: () => { mapping[col.header] = selectEl.value || null; updateSummary(); },
      }, ...fieldOptions.map(([v, text]) => h('option', { value: v, selected: v === (mapping[col.header] ?? '') }, text))));
      return h('tr', { class: known ? null : 'unmapped' },
        h('th', { scope: 'row' }, h('span', { class: 'col-header' }, col.header || t('import.noHeader')),
          known ? null : h('span', { class: 'badge badge-warning' }, t('import.unknown'))),
        h('td', { class: 'samples' }, ...(col.samples.length ? col.samples.slice(0, 3) : ['']).map((v) =>
          h('span', { class: ['sample', !v && 'muted'], title: v }, v || t('import.emptySample')))),
        h('td', null, selectEl));
    });
    updateSummary();
    mount(body, 
      fileFacts(),
      problem ? h('div', { class: 'form-banner banner-error', role: 'alert', id: 'import-problem' }, h('p', null, problem)) : null,
      notes,
      h('div', { class: 'mapping-wrap' },
        h('table', { class: 'mapping-table' },
          h('thead', null, h('tr', null,
            h('th', { scope: 'col' }, t('import.col.header')), h('th', { scope: 'col' }, t('import.col.samples')), h('th', { scope: 'col' }, t('import.col.field')))),
          h('tbody', null, ...rows))),
      summary);
    mount(actions, 
      h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel')),
      h('button', { type: 'button', class: 'btn btn-primary', id: 'import-confirm', disabled: preview.row_count === 0, onclick: () => run() },
        tn('import.confirm', preview.row_count)));
  }

  /** What the preview says besides the columns: names from handles, blank-like cells. */
  function previewNotes() {
    const out = [];
    if (!Object.values(mapping).includes('display_name')) {
      out.push(preview.name_from && mapping[preview.name_from]
        ? t('import.nameFromHandle.column', { column: preview.name_from })
        : t('import.nameFromHandle'));
    }
    const blank = preview.columns.filter((c) => mapping[c.header]).reduce((n, c) => n + c.blank_like, 0);
    if (blank > 0) {
      out.push(tn('import.blankLike', blank, { examples: list(preview.blank_like_examples.map((e) => `“${e}”`), 'conjunction') }));
    }
    return out;
  }

  async function run(skipBadRows = false) {
    running = true;
    const bar = /** @type {HTMLProgressElement} */ (h('progress', { id: 'import-progress', max: Math.max(1, preview.row_count), value: 0 }));
    const label = h('p', { class: 'muted', 'aria-live': 'polite' }, t('import.starting'));
    mount(body, fileFacts(), h('div', { class: 'import-progress' }, bar, label));
    mount(actions, h('button', { type: 'button', class: 'btn', disabled: true }, t('import.running')));
    try {
      const report = await api.runImport(path, { ...mapping }, (p) => {
        bar.max = Math.max(1, p.total);
        bar.value = p.done;
        mount(label, t('import.progress', { done: fmt.number(p.done), total: fmt.number(p.total) }));
      }, { skipBadRows });
      running = false;
      showReport(report);
      hooks.onImported(report);
    } catch (err) {
      running = false;
      const e = asPayload(err);
      if (e.kind === 'import_rejected') showRejected(e);
      else showPreview(layoutText(e));
    }
  }

  function showReport(report) {
    const stat = (key, n) => h('div', { class: 'stat' }, h('span', { class: 'stat-value num', id: `import-${key}` }, fmt.number(n)), h('span', { class: 'stat-label' }, t(`import.result.${key}`)));
    const left = report.left_out;
    const imported = report.rows - (left?.rows ?? 0);
    mount(body, fileFacts(), h('div', { id: 'import-result', class: 'import-result', role: 'status' },
      h('p', { class: 'import-headline' }, left ? t('import.result.headlineOf', { count: imported, rows: tn('import.rows', report.rows) }) : tn('import.result.headline', report.rows)),
      h('div', { class: 'stats' }, stat('created', report.created), stat('updated', report.updated), stat('unchanged', report.unchanged)),
      left ? h('div', { class: 'form-banner banner-warning', id: 'import-left-out' },
        h('p', { class: 'banner-title' }, tn('import.leftOut.title', left.rows)),
        h('p', null, t('import.leftOut.body'), ' ', h('span', { class: 'import-file', id: 'import-left-out-file' }, left.file))) : null,
      left ? problemList(left.groups, 'import.leftOut.listLabel') : null));
    const done = h('button', { type: 'button', class: 'btn btn-primary', id: 'import-done', onclick: () => dlg.close() }, t('common.done'));
    mount(actions, done);
    done.focus();
  }

  function showRejected(e) {
    const groups = groupsOf(e);
    const bad = Number(e.params?.bad_rows ?? new Set(e.rows.map((r) => r.row)).size);
    const good = Math.max(0, preview.row_count - bad);
    mount(body, fileFacts(),
      h('div', { class: 'form-banner banner-error', role: 'alert', id: 'import-rejected' },
        h('p', { class: 'banner-title' }, t('import.rejected.title')),
        h('p', null, tn('import.rejected.body', e.rows.length, { rows: tn('import.rows', bad) })),
        good ? h('p', null, t('import.rejected.skipHint')) : null),
      e.rows.length ? problemList(groups, 'import.rejected.listLabel') : h('p', null, e.message));
    const close = h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.close'));
    const skip = good ? h('button', { type: 'button', class: 'btn btn-primary', id: 'import-skip-bad', onclick: () => run(true) },
      t('import.skip', { good: tn('import.rows', good), bad: tn('import.rows', bad) })) : null;
    mount(actions, h('button', { type: 'button', class: 'btn', onclick: () => showPreview() }, t('import.back')), close, skip);
    (skip || close).focus();
  }
}

/** A whole-file problem in the display language (the roster's fields named as its form names them). */
const layoutText = (err) => sharedLayoutText(err, fieldLabel);

function separatorName(delimiter) {
  const names = { ',': 'import.sep.comma', ';': 'import.sep.semicolon', '\t': 'import.sep.tab', '|': 'import.sep.pipe' };
  return names[delimiter] ? t(names[delimiter]) : JSON.stringify(delimiter);
}

/** Scalar import fields named by their form label (the import's `Name` is the form's `Display name`). */
const FORM_FIELDS = new Set(['display_name', 'email', 'phone', 'manager', 'city', 'country', 'language', 'niches', 'tags',
  'stage', 'notes', 'authenticity_score', 'authenticity_notes', 'paypal_email', 'iban', 'account_holder', 'payout_method']);
const GENERIC = { platform: 'form.handle.platform', handle: 'form.handle.handle', followers: 'form.handle.followers', profile_url: 'import.field.profile_url' };

/**
 * An import field (`display_name`, `instagram_2_followers`, `rate_reel`) in the display
 * language; the back end's English label when the value has a shape this does not know.
 * @param {{value: string, label: string}} f
 */
function fieldLabel(f) {
  const v = f.value;
  if (FORM_FIELDS.has(v)) return t(`form.${v}`);
  if (GENERIC[v]) return t(GENERIC[v]);
  if (v.startsWith('rate_')) return t('import.field.rate', { format: label('formats', v.slice(5)) });
  const m = /^([a-z]+)(?:_(\d+))?(?:_(followers|url))?$/.exec(v);
  if (!m || !session.vocab?.platforms.some((p) => p.value === m[1])) return f.label;
  const platform = label('platforms', m[1]) + (m[2] ? ` ${m[2]}` : '');
  return t(`import.field.${m[3] || 'handle'}`, { platform });
}
