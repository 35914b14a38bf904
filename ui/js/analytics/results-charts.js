// @ts-check
//! The results charts as card sources for `chartsGrid` (charts-tab.js): engagement over time, by
//! format and by tier against the article's benchmarks, gifted against paid, the reach → clicks →
//! orders funnel, the budget, and a creator's follower growth with the posts marked, each of a
//! campaign, a creator or the whole workspace, drawn by the core in the window's theme and language.

import * as api from '../api.js';
import { t } from '../shared/i18n.js';

/** @param {string[]} kinds @param {{ campaign?: number|null, creator?: number|null }} scope
 * @returns {import('./charts-tab.js').ChartSource[]} */
export function resultsCharts(kinds, scope) {
  return kinds.map((kind) => ({
    id: `results-${kind}`, title: t(`results.chart.${kind}`), about: t(`results.chart.about.${kind}`),
    draw: (style, format) => api.drawResultsChart(kind, scope, style, format),
    save: (style, format) => api.saveResultsChart(kind, scope, style, format),
  }));
}
