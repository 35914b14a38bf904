// @ts-check
//! A campaign's key figures as its client report states them, worded by the core: posts, reach,
//! views and engagement beside the tier benchmarks; spend and return (spend, CPM, CPE, CPC, CPA,
//! ROAS, EMV with the workspace's values), each with its formula as a tooltip and "not enough
//! data" where a denominator is missing; and the best posts with their links (shown as text).
//!
//! `keyFigures(campaignId)` → `{ el, reload }`.

import * as api from '../api.js';
import { h, mount } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { errorText } from '../shared/errors.js';

/** The formula's written-out text by its id. @param {any[]} formulas */
const formulaText = (formulas) => (id) => formulas.find((f) => f.formula === id)?.text ?? null;

function kpiTable(id, rows, formula) {
  return h('table', { class: 'data-table kpi-table', id },
    h('tbody', null, ...rows.map((r) => h('tr', null,
      h('th', { scope: 'row' }, r.label),
      h('td', { class: 'num kpi-value', title: r.formula ? formula(r.formula) : null }, r.value),
      h('td', { class: 'muted kpi-benchmark' }, r.benchmark ?? '')))));
}

/** @param {number} campaignId */
export function keyFigures(campaignId) {
  const el = h('section', { class: 'key-figures', 'aria-labelledby': 'key-figures-title', 'aria-busy': 'true' });
  async function reload() {
    el.setAttribute('aria-busy', 'true');
    try {
      const k = await api.keyFigures(campaignId);
      const formula = formulaText(k.formulas);
      mount(el,
        h('div', { class: 'section-head' }, h('h2', { id: 'key-figures-title' }, t('results.key.title')), h('span', { class: 'muted' }, k.period)),
        h('div', { class: 'key-figures-columns' },
          h('div', null, h('h3', null, t('results.key.kpis')), kpiTable('key-figures-kpis', k.kpis, formula)),
          h('div', null, h('h3', null, t('results.key.spend')), kpiTable('key-figures-spend', k.spend_and_return, formula),
            h('p', { class: 'muted field-hint' }, t('results.key.spendHint')))),
        k.best_posts.length ? h('div', { class: 'best-posts' }, h('h3', null, t('results.key.best')),
          h('ol', { class: 'best-post-list', id: 'best-posts' }, ...k.best_posts.map((p) => h('li', null,
            h('span', { class: 'results-creator' }, `${p.creator} · ${p.handle}`),
            h('span', { class: 'results-meta muted' }, `${p.platform} · ${p.format} · ${p.posted_on} · `, h('strong', null, p.engagement)),
            p.link ? h('span', { class: 'results-link muted', title: p.link }, p.link) : null)))) : null);
    } catch (err) {
      mount(el, h('p', { role: 'alert' }, t('results.failed', { reason: errorText(err) })));
    } finally {
      el.removeAttribute('aria-busy');
    }
  }
  reload();
  return { el, reload };
}
