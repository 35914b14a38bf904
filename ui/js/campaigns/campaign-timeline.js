//! The Timeline tab of a campaign: its deliverables on a date axis (SVG built with `s()`), one
//! row per collaboration, a marker per deliverable coloured by status, a line for today and
//! overdue markers ringed in red. The axis runs from the campaign's start to its end, widened
//! to the earliest and latest due date. Hovering or focusing a marker shows its details; a
//! click or Enter opens the collaboration panel at that deliverable. Markers are in tab order.

import { h, s, mount } from '../shared/dom.js';
import { t, fmt, currentLocale } from '../shared/i18n.js';
import { label } from '../shared/session.js';
import { campaignLabel, today } from './campaign-vocab.js';

const ROW = 34;
const AXIS = 30;
/** The label column: as wide as the longest creator name needs, within these bounds. */
const LABELS_MIN = 150;
const LABELS_MAX = 280;
const PAD = 16;
const DAY = 86400000;

/** Width in pixels of `text` in the timeline's label type. */
function textWidth(text) {
  measure.font = `500 12px ${getComputedStyle(document.body).fontFamily}`;
  return measure.measureText(text).width;
}
const measure = /** @type {CanvasRenderingContext2D} */ (document.createElement('canvas').getContext('2d'));

/** The label column for these names: the longest plus margins, within the bounds. */
function labelWidth(names) {
  const widest = Math.max(0, ...names.map(textWidth));
  return Math.round(Math.min(LABELS_MAX, Math.max(LABELS_MIN, widest + 24)));
}

const dayNumber = (text) => {
  const [y, m, d] = String(text).slice(0, 10).split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY;
};

/**
 * @param {import('../api.js').CampaignBoard} board @param {import('../api.js').Campaign} campaign
 * @param {{ onOpen: (collaborationId: number, focus: string) => void }} hooks
 */
export function campaignTimeline(board, campaign, hooks) {
  const tip = h('div', { class: 'tl-tip', role: 'tooltip', id: 'tl-tip', hidden: true });
  const canvas = h('div', { class: 'tl-canvas' });
  const el = h('div', { class: 'timeline', id: 'timeline' }, canvas, tip);
  const items = board.timeline;
  if (!items.length) {
    mount(canvas, h('div', { class: 'empty-state' }, h('h2', null, t('timeline.empty.title')), h('p', null, t('timeline.empty.body'))));
    return { el, dispose() {} };
  }

  const dues = items.map((i) => dayNumber(i.due_on));
  let from = Math.min(...dues, campaign.starts_on ? dayNumber(campaign.starts_on) : Infinity);
  let to = Math.max(...dues, campaign.ends_on ? dayNumber(campaign.ends_on) : -Infinity);
  if (to - from < 14) { from -= 7; to += 7; }
  from -= 1;
  to += 1;
  const now = dayNumber(today());

  /** Rows by creator name, each with its deliverables. */
  const rows = [];
  for (const item of items) {
    let row = rows.find((r) => r.id === item.collaboration_id);
    if (!row) rows.push(row = { id: item.collaboration_id, name: item.creator_name, items: [] });
    row.items.push(item);
  }
  rows.sort((a, b) => a.name.localeCompare(b.name, currentLocale()));

  const LABELS = labelWidth(rows.map((r) => r.name));
  let width = 0;
  function render() {
    width = Math.max(560, canvas.clientWidth || 900);
    const plot = width - LABELS - PAD;
    const x = (day) => LABELS + ((day - from) / (to - from)) * plot;
    const height = AXIS + rows.length * ROW + 8;
    const svg = s('svg', { class: 'tl-svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': t('timeline.label') });

    // Month ticks along the top.
    const month = new Intl.DateTimeFormat(currentLocale(), { month: 'short', timeZone: 'UTC' });
    const monthYear = new Intl.DateTimeFormat(currentLocale(), { month: 'short', year: 'numeric', timeZone: 'UTC' });
    let ticks = 0;
    const first = new Date(from * DAY);
    for (let d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1)); d.getTime() / DAY <= to; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
      const tx = x(d.getTime() / DAY);
      svg.append(s('line', { class: 'tl-grid', x1: tx, x2: tx, y1: AXIS - 6, y2: height }),
        s('text', { class: 'tl-tick', x: tx + 4, y: AXIS - 12 }, (ticks++ === 0 || d.getUTCMonth() === 0 ? monthYear : month).format(d)));
    }
    // Campaign start and end.
    for (const [date, key] of [[campaign.starts_on, 'timeline.start'], [campaign.ends_on, 'timeline.end']]) {
      if (!date) continue;
      const cx = x(dayNumber(date));
      svg.append(s('line', { class: 'tl-edge', x1: cx, x2: cx, y1: AXIS, y2: height }, s('title', null, t(key, { date: fmt.date(date) }))));
    }
    rows.forEach((row, r) => {
      const y = AXIS + r * ROW;
      const overdue = row.items.some((i) => i.overdue);
      svg.append(s('rect', { class: ['tl-row', r % 2 ? 'odd' : null, overdue ? 'has-overdue' : null], x: 0, y, width, height: ROW }),
        s('text', { class: 'tl-label', x: 12, y: y + ROW / 2 + 4 }, clip(row.name), clip(row.name) === row.name ? null : s('title', null, row.name)),
        s('line', { class: 'tl-lane', x1: LABELS, x2: width - PAD, y1: y + ROW / 2, y2: y + ROW / 2 }));
    });
    if (now >= from && now <= to) {
      const tx = x(now);
      svg.append(s('line', { class: 'tl-today', x1: tx, x2: tx, y1: AXIS - 4, y2: height }),
        s('text', { class: 'tl-today-label', x: tx, y: AXIS - 1, 'text-anchor': 'middle' }, t('timeline.today')));
    }
    rows.forEach((row, r) => {
      const cy = AXIS + r * ROW + ROW / 2;
      for (const item of row.items) {
        const cx = x(dayNumber(item.due_on));
        const name = t('timeline.marker', { creator: item.creator_name, format: label('formats', item.format), platform: label('platforms', item.platform),
          date: fmt.date(item.due_on), status: campaignLabel('deliverable_statuses', item.status) });
        const g = s('g', {
          class: ['tl-marker', `dstatus-${item.status}`, item.overdue ? 'is-overdue' : null], tabindex: 0, role: 'button',
          'aria-label': item.overdue ? `${name} ${t('campaign.overdue')}` : name, 'data-deliverable-id': item.deliverable_id, id: `tl-deliverable-${item.deliverable_id}`,
          onclick: () => hooks.onOpen(item.collaboration_id, `deliverable:${item.deliverable_id}`),
          onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); hooks.onOpen(item.collaboration_id, `deliverable:${item.deliverable_id}`); } },
          onmouseenter: () => showTip(item, cx, cy), onmouseleave: hideTip, onfocus: () => showTip(item, cx, cy), onblur: hideTip,
        },
        item.overdue ? s('circle', { class: 'tl-ring', cx, cy, r: 10 }) : null,
        s('circle', { class: 'tl-dot', cx, cy, r: 6 }));
        svg.append(g);
      }
    });
    mount(canvas, svg);
  }

  function showTip(item, cx, cy) {
    mount(tip,
      h('strong', null, item.creator_name),
      h('div', null, label('platforms', item.platform), ' · ', label('formats', item.format)),
      h('div', null, t('deliverable.due', { date: fmt.date(item.due_on) })),
      h('div', null, campaignLabel('deliverable_statuses', item.status), item.overdue ? h('span', { class: 'badge badge-overdue' }, t('campaign.overdue')) : null),
      item.published_at ? h('div', { class: 'muted' }, t('deliverable.publishedAt', { date: fmt.dateTime(item.published_at) })) : null);
    tip.hidden = false;
    const left = Math.min(Math.max(cx - 90, 8), width - 200);
    tip.style.left = `${left}px`;
    tip.style.top = `${cy + 14}px`;
  }
  function hideTip() { tip.hidden = true; }

  /** A name longer than the widest label column still fits, shortened, with the whole name as its tooltip. */
  const clip = (text) => {
    if (textWidth(text) <= LABELS_MAX - 24) return text;
    let cut = text;
    while (cut.length > 1 && textWidth(`${cut}…`) > LABELS_MAX - 24) cut = cut.slice(0, -1);
    return `${cut}…`;
  };
  const observer = new ResizeObserver(() => { if (Math.abs((canvas.clientWidth || 0) - width) > 8) render(); });
  observer.observe(canvas);
  render();
  return { el, dispose: () => observer.disconnect() };
}
