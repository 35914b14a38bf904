//! Before a roster export in a Dutch-speaking workspace (nl-NL, nl-BE): which shape the file
//! gets. "Excel (Dutch)" (semicolons, decimal commas: what Excel on a Dutch or Belgian computer
//! opens as columns by a double click) or the plain CSV (commas, decimal points: for other
//! software and scripts). Both import back unchanged. Other workspaces export the plain CSV
//! without asking, which is what their spreadsheets open. The last choice is remembered while
//! the window is open. Control ids: `#export-dialect-excel-nl`, `#export-dialect-plain`,
//! `#export-confirm`.

import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { openDialog } from '../shared/dialog.js';
import { session } from '../shared/session.js';

/** @type {'plain'|'excel-nl'|null} */
let lastChoice = null;

/** Whether the open workspace speaks Dutch, so that its Excel expects semicolons. */
const dutchWorkspace = () => (session.vocab?.locale ?? '').toLowerCase().startsWith('nl');

/**
 * The dialect to export in: asked in a Dutch-speaking workspace, else `plain`. Null when the
 * person cancels.
 * @returns {Promise<'plain'|'excel-nl'|null>}
 */
export function chooseExportDialect() {
  if (!dutchWorkspace()) return Promise.resolve('plain');
  return new Promise((resolve) => {
    let answer = null;
    const chosen = lastChoice ?? 'excel-nl';
    const option = (value) => h('label', { class: 'choice-card', for: `export-dialect-${value}` },
      h('input', { type: 'radio', name: 'export-dialect', id: `export-dialect-${value}`, value, checked: value === chosen }),
      h('span', { class: 'choice-text' },
        h('span', { class: 'choice-title' }, t(`export.dialect.${value}`)),
        h('span', { class: 'muted' }, t(`export.dialect.${value}.hint`))));
    const form = /** @type {HTMLFormElement} */ (h('form', { id: 'export-form', class: 'choice-list', onsubmit: (e) => { e.preventDefault(); confirm(); } },
      h('p', { class: 'muted' }, t('export.dialect.intro')), option('excel-nl'), option('plain')));
    const confirm = () => {
      answer = /** @type {any} */ (form.querySelector('input[name="export-dialect"]:checked'))?.value ?? 'plain';
      lastChoice = answer;
      dlg.close();
    };
    const dlg = openDialog({
      title: t('export.dialect.title'), id: 'export-dialog', body: [form], onClose: () => resolve(answer),
      actions: [
        h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel')),
        h('button', { type: 'submit', class: 'btn btn-primary', id: 'export-confirm', form: 'export-form' }, t('export.dialect.confirm')),
      ],
    });
    /** @type {HTMLElement|null} */ (form.querySelector(`#export-dialect-${chosen}`))?.focus();
  });
}
