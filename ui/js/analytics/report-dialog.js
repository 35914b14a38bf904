// @ts-check
//! "Save report…": the campaign's client report as PDF (brand and period, the key figures, the
//! charts, the best posts with their links, spend and return, the formulas), in English or Dutch,
//! with or without every amount (to share with creators or a client's team); written where the
//! person picks in the native save dialog. The core typesets it; this asks the two choices.

import * as api from '../api.js';
import { h } from '../shared/dom.js';
import { t, currentLanguage } from '../shared/i18n.js';
import { openDialog } from '../shared/dialog.js';
import { toast, toastError } from '../shared/toast.js';
import { select } from '../shared/fields.js';

/** @param {{ id: number, name: string }} campaign */
export function openReportDialog(campaign) {
  const language = /** @type {HTMLSelectElement} */ (select([['en', t('results.report.lang.en')], ['nl', t('results.report.lang.nl')]], currentLanguage() === 'nl' ? 'nl' : 'en', { id: 'report-language' }));
  const money = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id: 'report-money', checked: true }));
  let saving = false;
  const save = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-primary', id: 'report-save', onclick: async () => {
    saving = true;
    save.disabled = true;
    try {
      const path = await api.saveReport(campaign.id, /** @type {'en'|'nl'} */ (language.value), money.checked);
      if (path) {
        toast(t('results.report.saved', { file: path }), { kind: 'success', timeout: 8000 });
        saving = false;
        dlg.close();
      }
    } catch (err) {
      toastError(err);
    } finally {
      saving = false;
      save.disabled = false;
    }
  } }, t('results.report.save')));
  const dlg = openDialog({
    title: t('results.report.title', { campaign: campaign.name }), id: 'report-dialog', canClose: () => !saving,
    body: [
      h('p', { class: 'muted' }, t('results.report.about')),
      h('label', { class: 'field' }, h('span', { class: 'field-label' }, t('results.report.language')), language),
      h('label', { class: 'check-row' }, money, h('span', null, t('results.report.money'))),
      h('p', { class: 'muted field-hint' }, t('results.report.moneyHint')),
    ],
    actions: [h('button', { type: 'button', class: 'btn', onclick: () => dlg.close() }, t('common.cancel')), save],
  });
}
