// @ts-check
//! Settings → Results: which count each platform's engagement rates divide by (followers, reach
//! or views; the figures name the basis they used), and the value of each count in earned media
//! value (EMV = Σ count × its value; per 1,000 for views and impressions), typed in the window's
//! spelling in the workspace currency, empty to leave a count out. Saved on its own button, all
//! or nothing, each problem at its box; "Starting values" puts the suggested values back.

import * as api from '../api.js';
import { h, mount } from '../shared/dom.js';
import { t, fmt } from '../shared/i18n.js';
import { asPayload } from '../shared/errors.js';
import { toast, toastError } from '../shared/toast.js';
import { select, showFieldErrors, clearFieldErrors, errorSlot } from '../shared/fields.js';
import { label } from '../shared/session.js';

export function resultsCard() {
  const el = h('section', { class: 'card results-card', id: 'settings-results', 'aria-labelledby': 'settings-results-title' },
    h('h2', { id: 'settings-results-title', class: 'card-title' }, t('settings.results')), h('p', { class: 'muted' }, t('common.loading')));
  /** @type {Map<string, HTMLSelectElement>} */
  const bases = new Map();
  /** @type {Map<string, HTMLInputElement>} */
  const values = new Map();

  function render(/** @type {import('../api.js').AnalyticsSettings} */ s) {
    bases.clear();
    values.clear();
    const basisRows = s.bases.map((b) => {
      const sel = /** @type {HTMLSelectElement} */ (select(['followers', 'reach', 'views'].map((v) => [v, t(`results.basis.option.${v}`)]), b.basis,
        { id: `set-basis-${b.platform}`, 'data-changes': true, 'data-field': `engagement_basis_${b.platform}`, 'aria-label': t('settings.results.basisFor', { platform: label('platforms', b.platform) }) }));
      bases.set(b.platform, sel);
      return h('tr', null, h('th', { scope: 'row' }, label('platforms', b.platform)), h('td', null, sel,
        errorSlot(`err-basis-${b.platform}`, `engagement_basis_${b.platform}`)));
    });
    const emvRows = s.emv.map((e) => {
      const input = /** @type {HTMLInputElement} */ (h('input', {
        type: 'text', inputmode: 'decimal', class: 'input input-amount', id: `set-emv-${e.count}`, 'data-changes': true, name: `emv_${e.count}`, 'data-field': `emv_${e.count}`,
        value: e.value === null ? '' : fmt.plain(e.value), placeholder: t('settings.results.notValued'),
        'aria-label': t('settings.results.valueOf', { count: t(`results.count.${e.count}`) }),
      }));
      values.set(e.count, input);
      return h('tr', null,
        h('th', { scope: 'row' }, t(`results.count.${e.count}`), h('span', { class: 'muted results-basis' }, e.per === 1 ? t('settings.results.each') : t('settings.results.perThousand'))),
        h('td', null, h('span', { class: 'amount-field' }, h('span', { class: 'muted' }, s.currency), input),
          errorSlot(`err-emv-${e.count}`, `emv_${e.count}`)),
        h('td', { class: 'muted num' }, t('settings.results.default', { value: fmt.plain(e.default) })));
    });
    const save = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'btn btn-primary', id: 'settings-results-save', 'data-changes': true, onclick: () => submit(save) }, t('settings.results.save')));
    const reset = h('button', { type: 'button', class: 'btn', id: 'settings-results-defaults', 'data-changes': true, onclick: () => {
      for (const e of s.emv) { const input = values.get(e.count); if (input) input.value = fmt.plain(e.default); }
    } }, t('settings.results.defaults'));
    mount(el,
      h('h2', { id: 'settings-results-title', class: 'card-title' }, t('settings.results')),
      h('p', { class: 'muted card-intro' }, t('settings.results.basisIntro')),
      h('table', { class: 'settings-table', id: 'settings-bases' }, h('tbody', null, ...basisRows)),
      h('p', { class: 'muted card-intro' }, t('settings.results.emvIntro')),
      h('table', { class: 'settings-table', id: 'settings-emv' }, h('tbody', null, ...emvRows)),
      h('div', { class: 'form-actions' }, reset, save));
  }

  async function submit(/** @type {HTMLButtonElement} */ button) {
    clearFieldErrors(el);
    button.disabled = true;
    try {
      const next = await api.saveAnalyticsSettings(Object.fromEntries([...bases].map(([p, s]) => [p, s.value])), Object.fromEntries([...values].map(([c, i]) => [c, i.value])));
      render(next);
      toast(t('settings.results.saved'), { kind: 'success' });
    } catch (err) {
      const e = asPayload(err);
      if (e.kind === 'validation') showFieldErrors(el, e.fields);
      else toastError(e);
    } finally {
      button.disabled = false;
    }
  }

  api.analyticsSettings().then(render, toastError);
  return { el };
}
