//! The Payouts screen's dialogs. Export: the run's files — the payout sheet (XLSX or CSV,
//! English or Dutch) of any run, and from a finalised run the files that pay it (PayPal
//! Payouts, a Wise batch, a SEPA credit transfer with the day the bank pays) and the statements
//! PDF (every creator's in one, each creator's in their own, or one creator's) — through the native save dialog. Mark paid: the day the money left and the bank's or PayPal's reference,
//! for one creator or everyone payable not yet paid. Bonus or deduction: an amount as typed (a
//! minus for a deduction) and the reason, for a creator of the run or any creator found by
//! name. Every problem shows at its field; the core decides everything.

import * as api from '../api.js';
import { h, mount, debounce } from '../shared/dom.js';
import { t, tn, fmt, currentLanguage } from '../shared/i18n.js';
import { openDialog } from '../shared/dialog.js';
import { dateField } from '../shared/date-field.js';
import { field, textInput, select, clearFieldErrors, clearErrorsOnEdit, showProblems } from '../shared/fields.js';
import { toast } from '../shared/toast.js';
import { amount, runName } from './payout-words.js';

const today = () => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; };

/** The export dialog. @param {import('../api.js').Run} run @param {string[]} formats offered, first chosen */
export function openExport(run, formats) {
  const format = select(formats.map((f) => [f, t(`payouts.format.${f}`)]), formats[0]);
  const language = select([['en', t('payouts.language.en')], ['nl', t('payouts.language.nl')]], currentLanguage() === 'nl' ? 'nl' : 'en');
  const execution = dateField({ value: today() });
  const whose = select([['', tn('payouts.export.whose.all', run.creators.length)], ['each', t('payouts.export.whose.each')], ...run.creators.map((c) => [String(c.creator_id), c.name])], '');
  const explain = h('p', { class: 'muted', id: 'export-explain' });
  const banner = h('p', { class: 'form-banner banner-error', id: 'export-problem', role: 'alert', hidden: true });
  const languageField = field({ id: 'export-language', field: 'language', errId: 'err-export-language', label: t('payouts.export.language'), control: language });
  const executionField = field({ id: 'export-execution', field: 'execution_date', errId: 'err-export-execution', label: t('payouts.export.execution'), control: execution, hint: t('payouts.export.executionHint') });
  const whoseField = field({ id: 'export-whose', field: 'creator', errId: 'err-export-whose', label: t('payouts.export.whose'), control: whose, hint: t('payouts.export.whoseHint') });
  const shown = () => {
    const f = format.value;
    languageField.hidden = !['xlsx', 'csv', 'pdf'].includes(f);
    whoseField.hidden = f !== 'pdf';
    executionField.hidden = f !== 'sepa';
    explain.textContent = t(`payouts.format.${f}.explain`);
  };
  format.addEventListener('change', shown);
  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'payout-form', id: 'export-form', novalidate: true, onsubmit: save },
    banner,
    h('p', { class: 'muted' }, runName(run.summary)),
    field({ id: 'export-format', field: 'format', errId: 'err-export-format', label: t('payouts.export.format'), control: format }),
    explain, whoseField, languageField, executionField));
  shown();
  clearErrorsOnEdit(form);
  const saveBtn = h('button', { type: 'submit', class: 'btn btn-primary', id: 'export-save', form: 'export-form' }, t('payouts.export.save'));
  const dlg = openDialog({
    title: t('payouts.export.title'), id: 'export-dialog', className: 'dialog-payout', body: [form],
    actions: [h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel')), saveBtn],
  });

  async function save(e) {
    e.preventDefault();
    clearFieldErrors(form);
    banner.hidden = true;
    saveBtn.disabled = true;
    try {
      const written = await api.exportPayoutRun({ run_id: run.summary.id, format: format.value, language: language.value, execution_date: format.value === 'sepa' ? execution.value : '',
        creator_id: format.value === 'pdf' && /^\d+$/.test(whose.value) ? Number(whose.value) : null,
        each_creator: format.value === 'pdf' && whose.value === 'each' });
      if (!written) return; // the save dialog was cancelled: this one stays open
      dlg.close();
      const rows = written.reduce((n, f) => n + f.rows, 0);
      toast(written.length === 1
        ? tn('payouts.exported.file', rows, { file: written[0].path })
        : tn('payouts.exported.files', written.length, { rows: fmt.number(rows), first: written[0].path }), { kind: 'success', timeout: 8000 });
    } catch (err) {
      showProblems(form, banner, err);
    } finally {
      saveBtn.disabled = false;
    }
  }
}

/** Mark paid. @param {import('../api.js').Run} run @param {import('../api.js').RunCreator|null} creator
 * null: everyone payable not yet paid @param {() => void} onDone */
export function openMarkPaid(run, creator, onDone) {
  const s = run.summary;
  const waiting = run.creators.filter((c) => c.outcome === 'payable' && !c.paid_on && (!creator || c.creator_id === creator.creator_id));
  const total = waiting.reduce((n, c) => n + c.payable_minor + c.vat_minor, 0);
  const date = dateField({ value: today() });
  const reference = textInput({ maxlength: 140, class: 'input mono' });
  const banner = h('p', { class: 'form-banner banner-error', id: 'paid-problem', role: 'alert', hidden: true });
  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'payout-form', id: 'paid-form', novalidate: true, onsubmit: save },
    banner,
    h('p', { id: 'paid-what' }, creator
      ? t('payouts.markPaid.oneText', { name: creator.name, amount: amount(total, s.currency) })
      : tn('payouts.markPaid.allText', waiting.length, { amount: amount(total, s.currency) })),
    field({ id: 'paid-date', field: 'date', errId: 'err-paid-date', label: t('payouts.markPaid.date'), control: date }),
    field({ id: 'paid-reference', field: 'reference', errId: 'err-paid-reference', label: t('payouts.markPaid.reference'), control: reference, hint: t('payouts.markPaid.referenceHint') }),
    h('p', { class: 'muted' }, t('payouts.markPaid.permanent'))));
  clearErrorsOnEdit(form);
  const saveBtn = h('button', { type: 'submit', class: 'btn btn-primary', id: 'paid-save', form: 'paid-form', 'data-changes': true }, t('payouts.markPaid.save'));
  const dlg = openDialog({
    title: creator ? t('payouts.markPaid.oneTitle') : t('payouts.markPaid.allTitle'), id: 'paid-dialog', className: 'dialog-payout', body: [form],
    actions: [h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel')), saveBtn],
  });
  reference.focus();

  async function save(e) {
    e.preventDefault();
    clearFieldErrors(form);
    banner.hidden = true;
    saveBtn.disabled = true;
    try {
      const paid = await api.markPayoutPaid(s.id, creator ? creator.creator_id : null, date.value, reference.value);
      dlg.close();
      toast(tn('payouts.markedPaid', paid.creators, { amount: amount(paid.amount_minor, s.currency) }), { kind: 'success' });
      onDone();
    } catch (err) {
      showProblems(form, banner, err);
    } finally {
      saveBtn.disabled = false;
    }
  }
}

/** A bonus or deduction. @param {{ id: number, name: string }|null} creator null: found by name
 * in the dialog @param {() => void} onDone */
export function openAdjustment(creator, onDone) {
  let who = creator;
  const search = textInput({ type: 'search', placeholder: t('payouts.adjust.searchPlaceholder'), 'aria-controls': 'adjust-matches' });
  const matches = h('ul', { class: 'adjust-matches', id: 'adjust-matches', role: 'listbox', 'aria-label': t('payouts.adjust.matches') });
  const chosen = h('p', { class: 'adjust-chosen', id: 'adjust-chosen' });
  const amountBox = textInput({ class: 'input num', inputmode: 'decimal', maxlength: 20, placeholder: fmt.plain('25.00') });
  const reason = h('textarea', { class: 'input textarea', rows: 2, maxlength: 500 });
  const banner = h('p', { class: 'form-banner banner-error', id: 'adjust-problem', role: 'alert', hidden: true });
  const showChosen = () => { chosen.textContent = who ? t('payouts.adjust.for', { name: who.name }) : t('payouts.adjust.nobody'); };
  const find = debounce(async () => {
    const text = search.value.trim();
    if (!text) { mount(matches); return; }
    try {
      const page = await api.listRoster({ search: text, limit: 8, sort: 'name' });
      mount(matches, ...page.rows.map((r) => h('li', null, h('button', {
        type: 'button', class: ['btn', 'btn-small', 'adjust-match', who?.id === r.id && 'chosen'], id: `adjust-match-${r.id}`, role: 'option', 'aria-selected': String(who?.id === r.id),
        onclick: () => { who = { id: r.id, name: r.display_name }; showChosen(); mount(matches); search.value = ''; amountBox.focus(); },
      }, r.display_name, r.handles[0] ? h('span', { class: 'muted' }, ` @${r.handles[0].handle}`) : null))));
      if (!page.rows.length) mount(matches, h('li', { class: 'muted' }, t('payouts.adjust.noMatch')));
    } catch { mount(matches); }
  }, 150);
  search.addEventListener('input', find);
  showChosen();
  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'payout-form', id: 'adjust-form', novalidate: true, onsubmit: save },
    banner,
    creator ? chosen : h('div', { class: 'field' },
      h('label', { class: 'field-label', for: 'adjust-search' }, t('payouts.adjust.creator')), search, matches, chosen),
    field({ id: 'adjust-amount', field: 'amount', errId: 'err-adjust-amount', label: t('payouts.adjust.amount'), control: amountBox, hint: t('payouts.adjust.amountHint') }),
    field({ id: 'adjust-reason', field: 'reason', errId: 'err-adjust-reason', label: t('payouts.adjust.reason'), control: reason, hint: t('payouts.adjust.reasonHint') })));
  search.id = 'adjust-search';
  clearErrorsOnEdit(form);
  const saveBtn = h('button', { type: 'submit', class: 'btn btn-primary', id: 'adjust-save', form: 'adjust-form', 'data-changes': true }, t('payouts.adjust.save'));
  const dlg = openDialog({
    title: t('payouts.adjust.title'), id: 'adjust-dialog', className: 'dialog-payout', body: [form],
    actions: [h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel')), saveBtn],
  });
  (creator ? amountBox : search).focus();

  async function save(e) {
    e.preventDefault();
    clearFieldErrors(form);
    banner.hidden = true;
    if (!who) { banner.textContent = t('payouts.adjust.nobody'); banner.hidden = false; search.focus(); return; }
    saveBtn.disabled = true;
    try {
      const a = await api.addAdjustment(who.id, amountBox.value, reason.value);
      dlg.close();
      toast(t(a.amount_minor > 0 ? 'payouts.adjusted.bonus' : 'payouts.adjusted.deduction', { name: who.name, amount: amount(Math.abs(a.amount_minor), a.currency) }), { kind: 'success' });
      onDone();
    } catch (err) {
      showProblems(form, banner, err);
    } finally {
      saveBtn.disabled = false;
    }
  }
}
