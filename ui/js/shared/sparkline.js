//! A follower-history sparkline drawn with SVG elements (no markup strings): a line and a
//! soft area over the points, a dot per point with its date and count as a tooltip, and the
//! first value, the last value and the growth between them beside it.

import { h, s } from './dom.js';
import { t, tn, fmt, parseDate } from './i18n.js';

const WIDTH = 320;
const HEIGHT = 56;
const PAD = 4;

/** @param {import('../api.js').FollowerPoint[]} points oldest first */
export function sparkline(points) {
  const list = (points || []).filter((p) => Number.isFinite(Number(p.followers)));
  if (list.length < 2) {
    return h('div', { class: 'sparkline sparkline-empty' },
      h('p', { class: 'muted' }, list.length === 1
        ? tn('detail.history.single', list[0].followers, { date: fmt.date(list[0].date) })
        : t('detail.history.none')));
  }
  const values = list.map((p) => Number(p.followers));
  const times = list.map((p, i) => parseDate(p.date)?.getTime() ?? i);
  const minV = Math.min(...values);
  const maxV = Math.max(...values);
  const minT = Math.min(...times);
  const spanT = Math.max(...times) - minT || 1;
  const spanV = maxV - minV || 1;
  const x = (i) => PAD + ((times[i] - minT) / spanT) * (WIDTH - 2 * PAD);
  const y = (v) => (maxV === minV ? HEIGHT / 2 : PAD + (1 - (v - minV) / spanV) * (HEIGHT - 2 * PAD));
  const coords = values.map((v, i) => [x(i), y(v)]);
  const line = coords.map(([cx, cy], i) => `${i ? 'L' : 'M'}${cx.toFixed(1)} ${cy.toFixed(1)}`).join(' ');
  const area = `${line} L${coords[coords.length - 1][0].toFixed(1)} ${HEIGHT} L${coords[0][0].toFixed(1)} ${HEIGHT} Z`;

  const first = values[0];
  const last = values[values.length - 1];
  const growth = first > 0 ? (last - first) / first : null;
  const summary = t('detail.history.summary', {
    first: fmt.number(first), firstDate: fmt.date(list[0].date),
    last: fmt.number(last), lastDate: fmt.date(list[list.length - 1].date),
    growth: growth === null ? '–' : fmt.percent(growth),
  });

  const svg = s('svg', {
    class: 'sparkline-svg', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, preserveAspectRatio: 'none', role: 'img', 'aria-label': summary,
  },
  s('path', { class: 'spark-area', d: area }),
  s('path', { class: 'spark-line', d: line, 'vector-effect': 'non-scaling-stroke' }),
  ...coords.map(([cx, cy], i) => s('g', { class: 'spark-point' },
    s('title', null, tn('detail.history.point', values[i], { date: fmt.date(list[i].date) })),
    s('rect', { class: 'spark-hit', x: (cx - 6).toFixed(1), y: 0, width: 12, height: HEIGHT }),
    s('circle', { class: i === coords.length - 1 ? 'spark-dot last' : 'spark-dot', cx: cx.toFixed(1), cy: cy.toFixed(1), r: i === coords.length - 1 ? 2.5 : 1.6 }))));

  const trend = growth === null ? 'flat' : growth > 0 ? 'up' : growth < 0 ? 'down' : 'flat';
  return h('div', { class: 'sparkline' },
    h('div', { class: 'sparkline-figures' },
      h('div', { class: 'spark-figure' }, h('span', { class: 'spark-label' }, fmt.date(list[0].date)), h('span', { class: 'spark-value num' }, fmt.number(first))),
      h('div', { class: 'spark-figure end' }, h('span', { class: 'spark-label' }, fmt.date(list[list.length - 1].date)), h('span', { class: 'spark-value num' }, fmt.number(last))),
      h('div', { class: ['spark-growth', `trend-${trend}`], title: t('detail.history.growth.title') }, growth === null ? '–' : fmt.percent(growth))),
    h('div', { class: 'sparkline-chart' }, svg));
}
