//! The settings screen. First the app's own preference, the display language (System /
//! English / Nederlands), which applies at once through `hooks.onLanguage` and is saved with
//! `setPreferences`; then the workspace: brand name, currency, the client's number format and
//! the five tier lower bounds (with the overlap rule and the seed's benchmark engagement per
//! tier beside them) and the Today view's thresholds in days (a delivered gift without a
//! post, an idle collaboration, usage rights about to end), the sales settings (how long a
//! code counts after its collaboration, the commission hold, whether shop prices include tax
//! with the base formula that follows, the shop's time zone, the code pattern), the payout
//! settings (the minimum payout, and the brand's account holder, IBAN, BIC, VAT number and
//! address that the SEPA file and self-billing invoices name), saved through `updateSettings`
//! with field errors at their fields; and
//! read-only facts about the file from `workspaceInfo`, the results settings (results-card.js: engagement
//! basis per platform, EMV values), and its backup copies (backups-card.js). Bounds and days show in the window's
//! number spelling (`1.000`) and are sent as typed: the core reads them and reports every
//! problem of the screen at once. `snapshot()` hands back what was changed and not saved, so
//! the screen can be rebuilt in another language (`saved`) without losing it (what was not
//! changed is shown afresh, in the new language's spelling).

import * as api from '../api.js';
import { h, mount } from '../shared/dom.js';
import { t, fmt, hasKey } from '../shared/i18n.js';
import { languagePicker } from '../shared/language-picker.js';
import { session, overlapRule } from '../shared/session.js';
import { asPayload } from '../shared/errors.js';
import { field, textInput, numberInput, controlValue, select, showFieldErrors, clearFieldErrors, clearErrorsOnEdit } from '../shared/fields.js';
import { toast, toastError } from '../shared/toast.js';
import { backupsCard } from './backups-card.js';
import { resultsCard } from './results-card.js';

export const LOCALES = ['nl-NL', 'en-GB', 'en-US', 'de-DE'];
/** Tier keys in the settings (`macro_` on the wire, `tiers.macro` in errors). */
const TIER_KEYS = [['nano', 'nano'], ['micro', 'micro'], ['mid', 'mid'], ['macro', 'macro_'], ['mega', 'mega']];
/** The Today thresholds (days), as named on the wire and in errors (`today.<name>`). */
const TODAY_KEYS = ['gift_no_post_days', 'idle_days', 'usage_warning_days'];
/** The sales settings counted in days (`sales.<name>` on the wire and in errors). */
const SALES_DAY_KEYS = ['attribution_grace_days', 'commission_hold_days'];
/** The payout settings as typed text (`payouts.<name>` on the wire and in errors). */
const PAYOUT_TEXT_KEYS = ['brand_account_holder', 'brand_iban', 'brand_bic', 'brand_vat_number'];
/** Offsets a shop's clock can have, in minutes east of UTC (every half hour, and Nepal's). */
const OFFSETS = [...Array.from({ length: 53 }, (_, i) => -720 + i * 30), 345].sort((a, b) => a - b);

/** `60` → `UTC+01:00`. */
export function offsetName(minutes) {
  const sign = minutes < 0 ? '−' : '+';
  const m = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * @param {{ onSaved: (info: import('../api.js').WorkspaceInfo) => void,
 *   onLanguage: (preference: string) => Promise<void> }} hooks
 * @param {{ values?: Record<string, string> } | null} [saved] what a previous build of this
 *   screen held unsaved
 */
export function settingsScreen(hooks, saved = null) {
  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'settings-form', novalidate: true, 'data-changes': true, onsubmit: save }));
  const info = h('section', { class: 'card', 'aria-labelledby': 'ws-info-title' },
    h('h2', { id: 'ws-info-title', class: 'card-title' }, t('settings.info.title')), h('p', { class: 'muted' }, t('common.loading')));
  const language = languagePicker({
    onLanguage: hooks.onLanguage,
    onError: (err) => {
      const e = asPayload(err);
      if (e.kind === 'validation') showFieldErrors(app, e.fields);
      else toastError(e);
    },
  });
  const backups = backupsCard({ onOpened: hooks.onSaved });
  const results = resultsCard();
  const app = h('section', { class: 'card', 'aria-labelledby': 'app-settings-title' },
    h('h2', { id: 'app-settings-title', class: 'card-title' }, t('settings.app')),
    field({ id: 'set-language', field: 'language', errId: 'err-set-language', label: t('settings.language'), control: language, hint: t('settings.language.hint') }));
  const el = h('section', { class: 'screen settings-screen', 'aria-labelledby': 'settings-title' },
    h('header', { class: 'screen-header' }, h('h1', { id: 'settings-title' }, t('settings.title'))),
    h('div', { class: 'screen-scroll' }, h('div', { class: 'settings-columns' }, h('div', { class: 'settings-stack' }, app, form), h('div', { class: 'settings-stack' }, info, results.el, backups.el))));

  let controls = {};
  /** What each control shows for the workspace's own value (what is unchanged). */
  let shown = {};
  let saveBtn;

  Promise.all([api.getSettings(), api.workspaceInfo()]).then(([settings, ws]) => {
    fillForm(settings);
    fillInfo(ws);
  }, (err) => toastError(err));

  function fillForm(settings) {
    const locales = LOCALES.includes(settings.locale) ? LOCALES : [...LOCALES, settings.locale];
    // What was changed and not saved in a previous build (another language) is put back; a
    // number typed the other language's way is shown this language's way (`12.500` → `12,500`),
    // as the creator form does (numberInput).
    const unsaved = saved?.values ?? {};
    /** What each control shows for the workspace's own value: a change is anything else. */
    shown = {};
    const text = (name, value, attrs) => { shown[name] = value; return textInput({ ...attrs, value: unsaved[name] ?? value }); };
    const number = (name, value, attrs) => { shown[name] = fmt.plain(value); return numberInput(unsaved[name] ?? value, attrs); };
    controls = {
      brand_name: text('brand_name', settings.brand_name, { maxlength: 120 }),
      currency: text('currency', settings.currency, { maxlength: 3, class: 'input upper mono short' }),
      locale: select(locales.map((l) => [l, localeName(l)]), unsaved.locale ?? settings.locale),
    };
    shown.locale = settings.locale;
    const tiers = TIER_KEYS.map(([key, wire]) => {
      controls[`tiers.${key}`] = number(`tiers.${key}`, String(settings.tiers[wire]), { inputmode: 'numeric' });
      return controls[`tiers.${key}`];
    });
    for (const key of TODAY_KEYS) {
      controls[`today.${key}`] = number(`today.${key}`, String(settings.today?.[key] ?? ''), { class: 'input num short', inputmode: 'numeric', maxlength: 5 });
    }
    const sales = settings.sales;
    for (const key of SALES_DAY_KEYS) {
      controls[`sales:${key}`] = number(`sales:${key}`, String(sales[key]), { class: 'input num short', inputmode: 'numeric', maxlength: 5 });
    }
    const pricesValue = sales.prices_include_tax ? 'include' : 'exclude';
    controls['sales:prices_include_tax'] = select([['include', t('settings.sales.prices.include')], ['exclude', t('settings.sales.prices.exclude')]],
      unsaved['sales:prices_include_tax'] ?? pricesValue);
    shown['sales:prices_include_tax'] = pricesValue;
    const offsetValue = sales.shop_utc_offset_minutes === null || sales.shop_utc_offset_minutes === undefined ? '' : String(sales.shop_utc_offset_minutes);
    const offsets = OFFSETS.includes(Number(offsetValue)) || offsetValue === '' ? OFFSETS : [...OFFSETS, Number(offsetValue)].sort((a, b) => a - b);
    controls['sales:shop_utc_offset_minutes'] = select([['', t('settings.sales.time_zone.local')], ...offsets.map((m) => [String(m), offsetName(m)])],
      unsaved['sales:shop_utc_offset_minutes'] ?? offsetValue);
    shown['sales:shop_utc_offset_minutes'] = offsetValue;
    const payouts = settings.payouts;
    controls['payouts:min_payout'] = number('payouts:min_payout', settings.min_payout_text, { class: 'input num short', inputmode: 'decimal', maxlength: 16 });
    for (const key of PAYOUT_TEXT_KEYS) {
      controls[`payouts:${key}`] = text(`payouts:${key}`, payouts[key], { maxlength: key === 'brand_account_holder' ? 70 : 42, class: ['input', key !== 'brand_account_holder' && 'mono'] });
    }
    shown['payouts:brand_address'] = payouts.brand_address;
    controls['payouts:brand_address'] = h('textarea', { class: 'input textarea', rows: 3, maxlength: 280, value: unsaved['payouts:brand_address'] ?? payouts.brand_address });
    shown['sales:discount_code_pattern'] = sales.discount_code_pattern;
    controls['sales:discount_code_pattern'] = textInput({ maxlength: 64, class: 'input mono', value: unsaved['sales:discount_code_pattern'] ?? sales.discount_code_pattern });
    const baseFormula = h('p', { class: 'note', id: 'base-formula' });
    const showFormula = () => {
      baseFormula.textContent = t(controls['sales:prices_include_tax'].value === 'include' ? 'settings.sales.base_formula_prices_with_tax' : 'settings.sales.base_formula_prices_without_tax');
    };
    controls['sales:prices_include_tax'].addEventListener('change', showFormula);
    showFormula();
    saveBtn = h('button', { type: 'submit', class: 'btn btn-primary', id: 'save-settings' }, t('settings.save'));
    const benchmark = (key) => fmt.figures(session.vocab?.tiers.find((tier) => tier.value === key)?.benchmark ?? '–');
    mount(form, 
      h('section', { class: 'card' },
        h('h2', { class: 'card-title' }, t('settings.workspace')),
        field({ id: 'set-brand_name', field: 'brand_name', errId: 'err-set-brand_name', label: t('settings.brand_name'), control: controls.brand_name }),
        h('div', { class: 'field-row cols-2' },
          field({ id: 'set-currency', field: 'currency', errId: 'err-set-currency', label: t('settings.currency'), control: controls.currency, hint: t('settings.currency.hint') }),
          field({ id: 'set-locale', field: 'locale', errId: 'err-set-locale', label: t('settings.locale'), control: controls.locale, hint: t('settings.locale.hint') }))),
      h('section', { class: 'card' },
        h('h2', { class: 'card-title' }, t('settings.tiers')),
        h('p', { class: 'muted card-intro' }, t('settings.tiers.intro')),
        h('div', { class: 'tiers-layout' },
          h('table', { class: 'tier-table' },
            h('thead', null, h('tr', null,
              h('th', { scope: 'col' }, t('settings.tiers.tier')),
              h('th', { scope: 'col', class: 'num' }, t('settings.tiers.bound')),
              h('th', { scope: 'col', class: 'num' }, t('settings.tiers.benchmark')))),
            h('tbody', null, ...TIER_KEYS.map(([key], i) => h('tr', null,
              h('th', { scope: 'row' }, h('label', { for: `set-tiers-${key}` }, t(`settings.tier.${key}`))),
              h('td', { class: 'num' }, field({ id: `set-tiers-${key}`, field: `tiers.${key}`, errId: `err-set-tiers-${key}`, label: '', control: tiers[i], className: 'field-bare' })),
              h('td', { class: 'num muted' }, benchmark(key)))))),
          h('aside', { class: 'note', id: 'overlap-rule' }, h('h3', null, t('settings.tiers.rule')), h('p', null, overlapRule())))),
      h('section', { class: 'card', id: 'settings-today' },
        h('h2', { class: 'card-title' }, t('settings.today')),
        h('p', { class: 'muted card-intro' }, t('settings.today.intro')),
        h('div', { class: 'field-row cols-3' }, ...TODAY_KEYS.map((key) => field({
          id: `set-today-${key}`, field: `today.${key}`, errId: `err-set-today-${key}`,
          label: t(`settings.today.${key}`), control: controls[`today.${key}`], hint: t(`settings.today.${key}.hint`),
        })))),
      h('section', { class: 'card', id: 'settings-sales' },
        h('h2', { class: 'card-title' }, t('settings.sales')),
        h('p', { class: 'muted card-intro' }, t('settings.sales.intro')),
        h('div', { class: 'field-row cols-2' }, ...SALES_DAY_KEYS.map((key) => field({
          id: `set-sales-${key}`, field: `sales.${key}`, errId: `err-set-sales-${key}`,
          label: t(`settings.sales.${key}`), control: controls[`sales:${key}`], hint: t(`settings.sales.${key}.hint`),
        }))),
        h('div', { class: 'field-row cols-2' },
          field({ id: 'set-sales-prices', field: 'sales.prices_include_tax', errId: 'err-set-sales-prices', label: t('settings.sales.prices'), control: controls['sales:prices_include_tax'] }),
          field({ id: 'set-sales-offset', field: 'sales.shop_utc_offset_minutes', errId: 'err-set-sales-offset', label: t('settings.sales.time_zone'),
            control: controls['sales:shop_utc_offset_minutes'], hint: t('settings.sales.time_zone.hint') })),
        baseFormula,
        field({ id: 'set-sales-pattern', field: 'sales.discount_code_pattern', errId: 'err-set-sales-pattern', label: t('settings.sales.discount_code_pattern'),
          control: controls['sales:discount_code_pattern'], hint: t('settings.sales.discount_code_pattern.hint') })),
      h('section', { class: 'card', id: 'settings-payouts' },
        h('h2', { class: 'card-title' }, t('settings.payouts')),
        h('p', { class: 'muted card-intro' }, t('settings.payouts.intro')),
        field({ id: 'set-payouts-min_payout', field: 'payouts.min_payout', errId: 'err-set-payouts-min_payout', label: t('settings.payouts.min_payout', { currency: settings.currency }),
          control: controls['payouts:min_payout'], hint: t('settings.payouts.min_payout.hint') }),
        h('div', { class: 'field-row cols-2' }, ...['brand_account_holder', 'brand_vat_number'].map((key) => field({
          id: `set-payouts-${key}`, field: `payouts.${key}`, errId: `err-set-payouts-${key}`, label: t(`settings.payouts.${key}`), control: controls[`payouts:${key}`],
        }))),
        h('div', { class: 'field-row cols-2' }, ...['brand_iban', 'brand_bic'].map((key) => field({
          id: `set-payouts-${key}`, field: `payouts.${key}`, errId: `err-set-payouts-${key}`, label: t(`settings.payouts.${key}`), control: controls[`payouts:${key}`],
          hint: t(`settings.payouts.${key}.hint`),
        }))),
        field({ id: 'set-payouts-brand_address', field: 'payouts.brand_address', errId: 'err-set-payouts-brand_address', label: t('settings.payouts.brand_address'),
          control: controls['payouts:brand_address'], hint: t('settings.payouts.brand_address.hint') })),
      h('div', { class: 'form-actions' }, saveBtn));
    // The bare tier fields have a row header as their label; drop the empty one.
    for (const label of form.querySelectorAll('.field-bare > .field-label')) label.remove();
    clearErrorsOnEdit(form);
  }

  function fillInfo(ws) {
    const row = (key, value, cls) => [h('dt', null, t(key)), h('dd', { class: cls }, value)];
    mount(info, 
      h('h2', { id: 'ws-info-title', class: 'card-title' }, t('settings.info.title')),
      h('dl', { class: 'facts', id: 'workspace-info' },
        ...row('settings.info.path', ws.path, 'mono path'),
        ...row('settings.info.size', fmt.bytes(ws.file_bytes), 'num'),
        ...row('settings.info.creators', fmt.number(ws.creators), 'num'),
        ...row('settings.info.handles', fmt.number(ws.handles), 'num'),
        ...row('settings.info.snapshots', fmt.number(ws.snapshots), 'num'),
        ...(ws.is_demo ? row('settings.info.demo', t('settings.info.demo.yes')) : [])));
  }

  async function save(event) {
    event.preventDefault();
    clearFieldErrors(form);
    const tiers = Object.fromEntries(TIER_KEYS.map(([key, wire]) => [wire, controlValue(controls[`tiers.${key}`])]));
    const today = Object.fromEntries(TODAY_KEYS.map((key) => [key, controlValue(controls[`today.${key}`])]));
    const offset = controls['sales:shop_utc_offset_minutes'].value;
    const sales = {
      ...Object.fromEntries(SALES_DAY_KEYS.map((key) => [key, controlValue(controls[`sales:${key}`])])),
      prices_include_tax: controls['sales:prices_include_tax'].value === 'include',
      shop_utc_offset_minutes: offset === '' ? null : Number(offset),
      discount_code_pattern: controls['sales:discount_code_pattern'].value,
    };
    const payouts = {
      min_payout: controlValue(controls['payouts:min_payout']),
      ...Object.fromEntries(PAYOUT_TEXT_KEYS.map((key) => [key, controls[`payouts:${key}`].value])),
      brand_address: controls['payouts:brand_address'].value,
    };
    saveBtn.disabled = true;
    try {
      await api.updateSettings({
        brand_name: controls.brand_name.value, currency: controls.currency.value.trim().toUpperCase(),
        locale: controls.locale.value, tiers: /** @type {any} */ (tiers), today: /** @type {any} */ (today), sales: /** @type {any} */ (sales),
        payouts: /** @type {any} */ (payouts),
      });
      const ws = await api.workspaceInfo();
      toast(t('settings.saved'), { kind: 'success' });
      hooks.onSaved(ws);
    } catch (err) {
      const e = asPayload(err);
      if (e.kind === 'validation' && e.fields.length) {
        const { first, unplaced } = showFieldErrors(form, e.fields);
        first?.focus();
        if (unplaced.length) toastError(e);
      } else {
        toastError(e);
      }
    } finally {
      saveBtn.disabled = false;
    }
  }

  return {
    el,
    dispose: () => backups.dispose(),
    /** What is typed in the workspace form (to rebuild the screen without losing it). */
    snapshot: () => ({ values: Object.keys(controls).length ? Object.fromEntries(Object.entries(controls).filter(([k, c]) => c.value !== shown[k]).map(([k, c]) => [k, c.value])) : saved?.values }),
    focusLanguage: () => language.focus(),
  };
}

/** "nl-NL" → "Dutch (Netherlands) · nl-NL" when the catalogue names it. */
export function localeName(tag) {
  return hasKey(`locale.${tag}`) ? t(`locale.${tag}`) : tag;
}
