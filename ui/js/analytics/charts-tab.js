// @ts-check
//! A Charts tab (on the Sales and Payouts screens): one card per chart, each drawn by the core
//! (`chorus_core::charts`) and shown as an image, never as markup from data: a PNG at the
//! screen's pixel ratio, as wide as its card, in the window's theme and language. A card draws
//! again when the theme changes or its width does; each has "Save as PNG…" and "Save as SVG…"
//! (the native save dialog; the file is drawn at the size on screen).
//!
//! `chartsTab(kinds)`: a tab `{ el, dispose }` for the chart kinds named (`commissions_by_month`,
//! `payouts_by_creator`, `revenue_by_creator`, `revenue_by_campaign`); `chartsGrid(sources,
//! intro)` the same cards for any charts the core draws (the Results screens' kinds and scope).

import * as api from '../api.js';
import { h, mount, debounce } from '../shared/dom.js';
import { t, currentLanguage } from '../shared/i18n.js';
import { errorText } from '../shared/errors.js';
import { toast, toastError } from '../shared/toast.js';

/** The height every chart is drawn at, in CSS pixels. */
const HEIGHT = 360;
/** The core's bounds on a chart's width (charts/mod.rs: MIN_WIDTH, MAX_SIDE). */
const MIN_WIDTH = 240;
const MAX_WIDTH = 2000;

const darkScheme = window.matchMedia('(prefers-color-scheme: dark)');

/** How the core is asked to draw a chart `width` points wide: the window's theme and language. */
function style(width, pixelRatio) {
  return { theme: darkScheme.matches ? 'dark' : 'light', language: currentLanguage(), width, height: HEIGHT, pixel_ratio: pixelRatio };
}

/** The screen's pixels per CSS pixel, as the core takes it (a whole number, 1 to 4). */
const screenRatio = () => Math.min(4, Math.max(1, Math.ceil(window.devicePixelRatio || 1)));

/** The bytes of an image as a `data:` URL (the window's security policy allows no other source). */
function dataUrl(bytes, mime) {
  const blob = new Blob([bytes instanceof ArrayBuffer ? bytes : new Uint8Array(bytes)], { type: mime });
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/**
 * What a card draws: its id (in element ids), title and words about it, and how the core draws
 * and saves it.
 * @typedef {{ id: string, title: string, about: string,
 *   draw: (style: any, format: 'png'|'svg') => Promise<ArrayBuffer>,
 *   save: (style: any, format: 'png'|'svg') => Promise<string|null> }} ChartSource
 */

/** One of the workspace-wide money charts as a card's source. @param {string} kind @returns {ChartSource} */
const moneyChart = (kind) => ({
  id: kind, title: t(`charts.kind.${kind}`), about: t(`charts.about.${kind}`),
  draw: (style, format) => api.drawChart(kind, style, format),
  save: (style, format) => api.saveChart(kind, style, format),
});

/** One chart's card. @param {ChartSource} source */
export function chartCard(source) {
  const kind = source.id;
  const title = source.title;
  const image = h('img', { class: 'chart-image', id: `chart-${kind}`, alt: title, hidden: true, draggable: 'false' });
  const status = h('p', { class: 'chart-status muted', role: 'status' }, t('charts.drawing'));
  const frame = h('div', { class: 'chart-frame', style: `min-height: ${HEIGHT}px` }, status, image);
  const saveButton = (format) => h('button', {
    type: 'button', class: 'btn btn-small', id: `chart-${kind}-save-${format}`, onclick: () => save(format),
  }, t(`charts.save.${format}`));
  const el = h('figure', { class: 'chart-card', 'aria-label': title },
    frame,
    h('figcaption', { class: 'chart-actions' }, h('span', { class: 'chart-caption muted' }, source.about),
      h('span', { class: 'chart-buttons' }, saveButton('png'), saveButton('svg'))));
  let drawnWidth = 0;
  let drawnTheme = '';
  let asked = 0;

  /** The width the chart gets: its frame's, within the core's bounds. */
  const width = () => Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.floor(frame.clientWidth || 720)));

  async function draw(force = false) {
    const w = width();
    const theme = darkScheme.matches ? 'dark' : 'light';
    if (!force && Math.abs(w - drawnWidth) < 8 && theme === drawnTheme) return;
    const mine = ++asked;
    el.setAttribute('aria-busy', 'true');
    try {
      const bytes = await source.draw(style(w, screenRatio()), 'png');
      const url = await dataUrl(bytes, 'image/png');
      if (mine !== asked) return; // a newer drawing was asked for meanwhile
      image.src = url;
      image.style.width = `${w}px`;
      image.style.height = `${HEIGHT}px`;
      image.hidden = false;
      status.hidden = true;
      status.classList.remove('chart-error');
      drawnWidth = w;
      drawnTheme = theme;
    } catch (err) {
      if (mine !== asked) return;
      image.hidden = true;
      status.hidden = false;
      status.classList.add('chart-error');
      mount(status, errorText(err));
    } finally {
      if (mine === asked) el.removeAttribute('aria-busy');
    }
  }

  async function save(format) {
    try {
      const path = await source.save(style(drawnWidth || width(), 2), format);
      if (path) toast(t('charts.saved', { file: path }), { kind: 'success', timeout: 8000 });
    } catch (err) {
      toastError(err);
    }
  }

  return { el, draw };
}

/** The Charts tab of `kinds`. @param {string[]} kinds */
export function chartsTab(kinds) {
  return chartsGrid(kinds.map(moneyChart), t('charts.intro'));
}

/**
 * Cards of `sources` in a grid under `intro`, drawn once in the page, again on a resize or a
 * theme change; `{ el, dispose, redraw }` (`redraw` after the figures changed).
 * @param {ChartSource[]} sources @param {string} intro
 */
export function chartsGrid(sources, intro) {
  const cards = sources.map(chartCard);
  const el = h('div', { class: 'charts-tab' },
    h('div', { class: 'charts-main' },
      h('p', { class: 'card-intro muted' }, intro),
      h('div', { class: 'charts-grid' }, ...cards.map((c) => c.el))));
  const drawAll = (force = false) => cards.forEach((c) => c.draw(force));
  const onResize = debounce(() => drawAll(), 200);
  const resizes = new ResizeObserver(onResize);
  const onTheme = () => drawAll(true);
  darkScheme.addEventListener('change', onTheme);
  // Drawn once the tab is in the page and has its width.
  requestAnimationFrame(() => { drawAll(true); resizes.observe(el); });
  return {
    el,
    redraw: () => drawAll(true),
    dispose() {
      resizes.disconnect();
      darkScheme.removeEventListener('change', onTheme);
    },
  };
}
