// @ts-check
//! The campaign view's Results tab: "Import results…" and "Save report…" above; the campaign's
//! key figures with spend and return (key-figures.js); its figures beside the benchmarks
//! (figures-panel.js); the results grid of its published posts
//! (results-grid.js); and its charts. A save in the grid or an import reads the figures and
//! draws the charts again.

import { h, icon, ICONS } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { figuresPanel } from './figures-panel.js';
import { keyFigures } from './key-figures.js';
import { resultsGrid } from './results-grid.js';
import { openResultsImport } from './results-import.js';
import { openReportDialog } from './report-dialog.js';
import { chartsGrid } from './charts-tab.js';
import { resultsCharts } from './results-charts.js';

const CHARTS = ['by_format', 'by_tier', 'engagement', 'gifted_vs_paid', 'funnel', 'budget'];

/** @param {{ id: number, name: string, archived_on?: string|null }} campaign @param {{ by?: string, onBy?: (by: string) => void, window?: string, onWindow?: (w: string) => void }} [o] */
export function campaignResultsTab(campaign, o = {}) {
  const figures = figuresPanel({ campaignId: campaign.id, by: o.by, onBy: o.onBy, window: o.window, onWindow: o.onWindow });
  const charts = chartsGrid(resultsCharts(CHARTS, { campaign: campaign.id }), t('results.charts.intro'));
  const key = keyFigures(campaign.id);
  const changed = () => { key.reload(); figures.reload(); charts.redraw(); };
  const grid = resultsGrid(campaign, { onSaved: changed });
  const toolbar = h('div', { class: 'campaign-sales-actions results-actions' },
    h('button', { type: 'button', class: 'btn', id: 'results-import', 'data-changes': true,
      onclick: () => openResultsImport({ onImported: () => { grid.reload(); changed(); } }) }, icon(ICONS.upload, 14), t('results.import.button')),
    h('button', { type: 'button', class: 'btn', id: 'report-open', onclick: () => openReportDialog(campaign) }, t('results.report.button')));
  const el = h('div', { class: 'campaign-results', id: 'campaign-results' }, toolbar, key.el, figures.el, grid.el,
    h('section', { class: 'results-charts', 'aria-label': t('results.charts.title') }, h('h2', null, t('results.charts.title')), charts.el));
  return { el, dispose: () => charts.dispose() };
}
