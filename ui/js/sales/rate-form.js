//! "Add a rate…" on the Sales screen's Rates tab: a dialog with the day, the two currencies
//! and the rate as the person types it (`1,0842` in Dutch, `1.0842` in English: the core reads
//! it in the window's spelling). Saving keeps it (`rates_set`); every problem shows at its
//! field (`date`, `from`, `to`, `rate`). Afterwards a toast says what happened: the rate kept,
//! the one it replaced that day, the commission lines booked again and the orders still
//! waiting. Control ids: `#rate-date`, `#rate-from`, `#rate-to`, `#rate-value`, `#rate-save`.

import * as api from '../api.js';
import { h } from '../shared/dom.js';
import { t, tn, fmt } from '../shared/i18n.js';
import { openDialog } from '../shared/dialog.js';
import { dateField } from '../shared/date-field.js';
import { field, textInput, clearFieldErrors, clearErrorsOnEdit, showProblems } from '../shared/fields.js';
import { toast } from '../shared/toast.js';

/**
 * @param {{ date?: string, from?: string, to?: string, onSaved: () => void }} o
 *   `date` as `YYYY-MM-DD`, the currencies as codes: what the form starts with.
 */
export function openRateForm(o) {
  const date = dateField({ value: o.date ?? '' });
  const currency = (value) => textInput({ value, class: 'input mono currency-code', maxlength: 3, autocapitalize: 'characters',
    oninput: (e) => { const box = /** @type {HTMLInputElement} */ (e.target); box.value = box.value.toUpperCase(); } });
  const from = currency(o.from ?? 'EUR');
  const to = currency(o.to ?? '');
  const rate = textInput({ class: 'input num', inputmode: 'decimal', maxlength: 24, placeholder: fmt.plain('1.0842') });
  const banner = h('p', { class: 'form-banner banner-error', id: 'rate-problem', role: 'alert', hidden: true });
  const example = h('p', { class: 'muted formula', id: 'rate-example' });
  const explain = () => {
    example.textContent = t('sales.rates.form.example', { from: from.value || '…', to: to.value || '…', rate: rate.value.trim() || fmt.plain('1.0842') });
  };
  for (const box of [from, to, rate]) box.addEventListener('input', explain);
  explain();
  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'rate-form', id: 'rate-form', novalidate: true, onsubmit: save },
    banner,
    field({ id: 'rate-date', field: 'date', errId: 'err-rate-date', label: t('sales.rates.form.date'), control: date, hint: t('sales.rates.form.dateHint') }),
    h('div', { class: 'field-row cols-2' },
      field({ id: 'rate-from', field: 'from', errId: 'err-rate-from', label: t('sales.rates.form.from'), control: from }),
      field({ id: 'rate-to', field: 'to', errId: 'err-rate-to', label: t('sales.rates.form.to'), control: to })),
    field({ id: 'rate-value', field: 'rate', errId: 'err-rate-value', label: t('sales.rates.form.rate'), control: rate, hint: t('sales.rates.form.rateHint') }),
    example));
  clearErrorsOnEdit(form);
  const saveBtn = h('button', { type: 'submit', class: 'btn btn-primary', id: 'rate-save', form: 'rate-form', 'data-changes': true }, t('sales.rates.form.save'));
  const dlg = openDialog({
    title: t('sales.rates.form.title'), id: 'rate-dialog', className: 'dialog-rate', body: [form],
    actions: [h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel')), saveBtn],
  });
  /** @type {HTMLElement|null} */ ((o.date ? (o.to ? rate : to) : date.querySelector('input')))?.focus();

  async function save(e) {
    e.preventDefault();
    clearFieldErrors(form);
    banner.hidden = true;
    saveBtn.disabled = true;
    try {
      const done = await api.setRate(date.value, from.value, to.value, rate.value);
      dlg.close();
      toast(savedText(done), { kind: 'success', timeout: 8000 });
      o.onSaved();
    } catch (err) {
      showProblems(form, banner, err);
    } finally {
      saveBtn.disabled = false;
    }
  }
}

/** What keeping a rate did, in one or two sentences. */
function savedText(done) {
  const r = done.rate;
  const kept = t(done.replaced ? 'sales.rates.saved.replaced' : 'sales.rates.saved', {
    from: r.from, to: r.to, rate: fmt.plain(r.rate), date: fmt.date(r.date), old: done.replaced ? fmt.plain(done.replaced) : '',
  });
  return [kept, bookingText(done.booking)].filter(Boolean).join(' ');
}

/** The commission lines a change of rates booked, and the orders still waiting; '' for none. */
export function bookingText(b) {
  return [b.lines_added ? tn('sales.rates.booked', b.lines_added) : '', b.orders_waiting ? tn('sales.rates.stillWaiting', b.orders_waiting) : '']
    .filter(Boolean).join(' ');
}
