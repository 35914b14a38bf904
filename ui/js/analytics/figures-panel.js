// @ts-check
//! What worked, in figures: the published posts (of one campaign, or every campaign) grouped by
//! creator, tier, format, deal type, niche match, call to action, storytelling or faceless
//! content; each group's average and median engagement rate beside the seed article's benchmark
//! for it, in the core's sentence ("3.40% against micro's 1.81%"); then the article's contrasts
//! measured (gifted against paid, niche match, no call to action), and every formula written out.
//! A figure the core could not give says why, never a made-up zero.
//!
//! Each group can be measured over all its posts, its last 5 or 10, or the last 30 or 90 days
//! (a creator's recent form); the contrasts stay over every post.
//!
//! `figuresPanel({ campaignId, by, window })` → `{ el, reload }`; the choices are kept while the panel lives.

import * as api from '../api.js';
import { h, mount } from '../shared/dom.js';
import { t, fmt } from '../shared/i18n.js';
import { errorText } from '../shared/errors.js';
import { select } from '../shared/fields.js';
import { rateText, lackingText, basisText } from './results-words.js';

export const GROUPINGS = ['format', 'tier', 'creator', 'kind', 'niche_match', 'cta', 'storytelling', 'faceless'];

/** A rate cell: the value, or "not enough data" with the reason as its tooltip. @param {any} figure */
function rateCell(figure, extra = {}) {
  return h('td', { class: 'num', title: lackingText(figure) || null, ...extra }, rateText(figure));
}

/** @param {{ campaignId: number|null, by?: string, onBy?: (by: string) => void, window?: string, onWindow?: (w: string) => void }} o */
export function figuresPanel(o) {
  let by = GROUPINGS.includes(o.by ?? '') ? /** @type {string} */ (o.by) : 'format';
  const body = h('div', { class: 'figures-body', 'aria-live': 'polite' });
  const chooser = select(GROUPINGS.map((g) => [g, t(`results.by.${g}`)]), by, {
    id: 'figures-by', onchange: (/** @type {Event} */ e) => { by = /** @type {HTMLSelectElement} */ (e.target).value; o.onBy?.(by); reload(); },
  });
  /** Which of each group's posts: all, the last 5 or 10, the last 30 or 90 days. */
  const WINDOWS = { all: 'all', last5: { last_posts: 5 }, last10: { last_posts: 10 }, days30: { last_days: 30 }, days90: { last_days: 90 } };
  let windowChoice = o.window && o.window in WINDOWS ? o.window : 'all';
  const windowChooser = select(Object.keys(WINDOWS).map((w) => [w, t(`results.window.${w}`)]), windowChoice, {
    id: 'figures-window', onchange: (/** @type {Event} */ e) => { windowChoice = /** @type {HTMLSelectElement} */ (e.target).value; o.onWindow?.(windowChoice); reload(); },
  });
  const formulas = h('details', { class: 'formulas', id: 'figures-formulas' }, h('summary', null, t('results.formulas.title')));
  const el = h('section', { class: 'figures-panel', 'aria-labelledby': 'figures-title' },
    h('div', { class: 'section-head figures-head' },
      h('h2', { id: 'figures-title' }, t('results.figures.title')),
      h('span', { class: 'figures-choices' },
        h('label', { class: 'inline-field' }, h('span', null, t('results.by.label')), chooser),
        h('label', { class: 'inline-field' }, h('span', null, t('results.window.label')), windowChooser))),
    body, formulas);

  function groupsTable(a) {
    const measuredAny = a.groups.some((g) => g.measured > 0);
    if (!a.groups.length || !measuredAny) {
      return h('p', { class: 'muted', id: 'figures-none' }, a.posts ? t('results.figures.noResults', { count: fmt.number(a.posts) }) : t('results.figures.noPosts'));
    }
    return h('div', { class: 'table-scroll' }, h('table', { class: 'data-table figures-table', id: 'figures-table' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t(`results.by.${a.by}`)),
        h('th', { scope: 'col', class: 'num' }, t('results.col.posts')),
        h('th', { scope: 'col', class: 'num', title: t('results.col.mean.about') }, t('results.col.mean')),
        h('th', { scope: 'col', class: 'num', title: t('results.col.median.about') }, t('results.col.median')),
        h('th', { scope: 'col' }, t('results.col.benchmark')))),
      h('tbody', null, ...a.groups.map((g) => h('tr', { id: `figures-${a.by}-${g.key}` },
        h('th', { scope: 'row' }, g.label,
          g.bases.length ? h('span', { class: 'results-basis muted' }, g.bases.map(([b]) => basisText(b)).join(', ')) : null),
        h('td', { class: 'num', title: t('results.col.measured.about', { measured: fmt.number(g.measured), posts: fmt.number(g.posts) }) },
          g.measured === g.posts ? fmt.number(g.posts) : `${fmt.number(g.measured)} / ${fmt.number(g.posts)}`),
        rateCell(g.mean, { class: 'num figure-mean' }),
        rateCell(g.median),
        h('td', { class: ['figures-sentence', g.benchmark ? `standing-${g.benchmark.standing}` : ''] },
          g.benchmark_sentence ?? g.no_benchmark ?? ''))))));
  }

  function contrastList(a) {
    if (!a.contrasts.length) return null;
    return h('section', { class: 'contrasts', 'aria-labelledby': 'contrasts-title' },
      h('h3', { id: 'contrasts-title' }, t('results.contrasts.title')),
      h('ul', { class: 'contrast-list', id: 'contrast-list' }, ...a.contrasts.map((c) => h('li', { id: `contrast-${c.id}`, class: c.benchmark ? `standing-${c.benchmark.standing}` : '' }, c.sentence))));
  }

  async function reload() {
    body.setAttribute('aria-busy', 'true');
    try {
      const a = await api.analyticsFigures(o.campaignId, by, WINDOWS[windowChoice]);
      mount(body,
        h('p', { class: 'muted figures-count', id: 'figures-count' }, t('results.figures.count', { measured: fmt.number(a.measured), posts: fmt.number(a.posts) })),
        groupsTable(a), contrastList(a));
    } catch (err) {
      mount(body, h('p', { role: 'alert' }, t('results.failed', { reason: errorText(err) })));
    } finally {
      body.removeAttribute('aria-busy');
    }
  }

  formulas.addEventListener('toggle', async () => {
    if (!formulas.open || formulas.dataset.loaded) return;
    formulas.dataset.loaded = '1';
    try {
      const list = await api.analyticsFormulas();
      formulas.append(h('dl', { class: 'formula-list' }, ...list.flatMap((f) => [h('dt', null, f.name), h('dd', null, f.text)])));
    } catch (err) {
      formulas.append(h('p', { role: 'alert' }, errorText(err)));
    }
  });

  reload();
  return { el, reload };
}
