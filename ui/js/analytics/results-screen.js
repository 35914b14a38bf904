// @ts-check
//! The Results screen (route `results`): what worked across the workspace or in one campaign.
//! The campaign chooser (every campaign, or one), the figures grouped as chosen beside the seed
//! article's benchmarks with its contrasts and every formula (figures-panel.js), and the charts
//! of that choice. Typing results and importing them happen on a campaign's Results tab.
//!
//! `resultsScreen(previous)`: `previous` is `snapshot()` (the campaign and grouping chosen).

import * as api from '../api.js';
import { h, mount } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { select } from '../shared/fields.js';
import { figuresPanel } from './figures-panel.js';
import { chartsGrid } from './charts-tab.js';
import { resultsCharts } from './results-charts.js';

const CHARTS = ['by_format', 'by_tier', 'gifted_vs_paid', 'engagement', 'funnel', 'budget'];

/** @param {{ campaignId?: number|null, by?: string, window?: string } | null} [previous] */
export function resultsScreen(previous = null) {
  let campaignId = previous?.campaignId ?? null;
  let by = previous?.by ?? 'format';
  let win = previous?.window ?? 'all';
  let charts = null;
  const chooser = h('label', { class: 'inline-field' }, h('span', null, t('results.screen.campaign')));
  const content = h('div', { class: 'results-content' });
  const el = h('section', { class: 'screen results-screen', 'aria-labelledby': 'results-title' },
    h('header', { class: 'screen-header' },
      h('div', null, h('h1', { id: 'results-title' }, t('results.screen.title')), h('p', { class: 'muted' }, t('results.screen.about'))),
      chooser),
    content);

  function render() {
    charts?.dispose();
    const figures = figuresPanel({ campaignId, by, onBy: (next) => { by = next; }, window: win, onWindow: (next) => { win = next; } });
    charts = chartsGrid(resultsCharts(CHARTS, { campaign: campaignId }), t('results.charts.intro'));
    mount(content, figures.el, h('section', { class: 'results-charts', 'aria-labelledby': 'results-charts-title' }, h('h2', { id: 'results-charts-title' }, t('results.charts.title')), charts.el));
  }

  api.listCampaigns().then((campaigns) => {
    const options = [['', t('results.screen.allCampaigns')], ...campaigns.map((c) => [String(c.id), c.name])];
    if (campaignId !== null && !campaigns.some((c) => c.id === campaignId)) campaignId = null;
    chooser.append(select(options, campaignId === null ? '' : String(campaignId), {
      id: 'results-campaign', onchange: (/** @type {Event} */ e) => {
        const v = /** @type {HTMLSelectElement} */ (e.target).value;
        campaignId = v ? Number(v) : null;
        render();
      },
    }));
  }, () => {});
  render();

  return {
    el,
    snapshot: () => ({ campaignId, by, window: win }),
    dispose: () => charts?.dispose(),
  };
}
