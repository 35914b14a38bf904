//! Importing a CSV into the roster: pick a file (native dialog), preview it (encoding,
//! separator, rows, each column with three samples and the field it maps to), run the import
//! with a progress bar, then show either the counts (created / updated / unchanged) or, when
//! the back end rejected the file, every problem by row and column: nothing was imported.

import * as api from '../api.js';
import { h, mount } from '../shared/dom.js';
import { t, tn, fmt } from '../shared/i18n.js';
import { asPayload, errorText, problemText } from '../shared/errors.js';
import { openDialog } from '../shared/dialog.js';
import { toastError } from '../shared/toast.js';
import { session, label } from '../shared/session.js';

/** @param {{ onImported: () => void }} hooks */
export async function openImportDialog(hooks) {
  let path;
  let preview;
  try {
    path = await api.pickImportFile();
    if (!path) return;
    preview = await api.previewImport(path);
  } catch (err) {
    toastError(err);
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
    const updateSummary = () => {
      const used = Object.values(mapping).filter(Boolean).length;
      mount(summary, t('import.mapped', { used, total: preview.columns.length }));
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
      problem ? h('div', { class: 'form-banner banner-error', role: 'alert' }, h('p', null, problem)) : null,
      h('div', { class: 'mapping-wrap' },
        h('table', { class: 'mapping-table' },
          h('thead', null, h('tr', null,
            h('th', { scope: 'col' }, t('import.col.header')), h('th', { scope: 'col' }, t('import.col.samples')), h('th', { scope: 'col' }, t('import.col.field')))),
          h('tbody', null, ...rows))),
      summary);
    mount(actions, 
      h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel')),
      h('button', { type: 'button', class: 'btn btn-primary', id: 'import-confirm', disabled: preview.row_count === 0, onclick: run },
        tn('import.confirm', preview.row_count)));
  }

  async function run() {
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
      });
      running = false;
      showReport(report);
      hooks.onImported();
    } catch (err) {
      running = false;
      const e = asPayload(err);
      if (e.kind === 'import_rejected') showRejected(e);
      else showPreview(errorText(e));
    }
  }

  function showReport(report) {
    const stat = (key, n) => h('div', { class: 'stat' }, h('span', { class: 'stat-value num', id: `import-${key}` }, fmt.number(n)), h('span', { class: 'stat-label' }, t(`import.result.${key}`)));
    mount(body, fileFacts(), h('div', { id: 'import-result', class: 'import-result', role: 'status' },
      h('p', { class: 'import-headline' }, tn('import.result.headline', report.rows)),
      h('div', { class: 'stats' }, stat('created', report.created), stat('updated', report.updated), stat('unchanged', report.unchanged))));
    const done = h('button', { type: 'button', class: 'btn btn-primary', id: 'import-done', onclick: () => dlg.close() }, t('common.done'));
    mount(actions, done);
    done.focus();
  }

  function showRejected(e) {
    const list = h('ul', { id: 'import-errors', class: 'import-errors', tabindex: 0, 'aria-label': t('import.rejected.listLabel') },
      ...e.rows.map((r) => h('li', { class: 'import-error' },
        h('span', { class: 'err-row num' }, t('import.rejected.row', { row: r.row })),
        h('span', { class: 'err-column', title: r.column }, r.column || t('import.rejected.wholeRow')),
        h('span', { class: 'err-message' }, problemText(r)))));
    mount(body, fileFacts(),
      h('div', { class: 'form-banner banner-error', role: 'alert', id: 'import-rejected' },
        h('p', { class: 'banner-title' }, t('import.rejected.title')),
        h('p', null, tn('import.rejected.body', e.rows.length))),
      e.rows.length ? list : h('p', null, e.message));
    const close = h('button', { type: 'button', class: 'btn btn-primary', onclick: () => dlg.close() }, t('common.close'));
    mount(actions, h('button', { type: 'button', class: 'btn', onclick: () => showPreview() }, t('import.back')), close);
    close.focus();
  }
}

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
