// @ts-check
//! A campaign's results grid: one row per published post (creator, platform and format, the day it
//! went up, its link), its newest counts in number boxes and its engagement rate with the formula
//! as used. Typed as a spreadsheet is: Tab walks the boxes of a post and on to the next post,
//! Enter goes down to the same count of the next post (Shift+Enter up), Escape puts a box back.
//! Numbers are read by the core as people type them in the window's language (`12.345`, `1,2K`).
//! A post is saved when the focus leaves it with something changed (or on Enter): that day's typed
//! snapshot written or corrected, a problem shown at its box and in the row. Followers at posting
//! time may stay empty: the core takes them from the roster's history and the box shows that
//! number greyed. `onSaved` runs after each save (the figures above are read again).
//!
//! `resultsGrid(campaign, { onSaved })` → `{ el, reload }`.

import * as api from '../api.js';
import { h, mount } from '../shared/dom.js';
import { t, fmt } from '../shared/i18n.js';
import { errorText, asPayload, problemText } from '../shared/errors.js';
import { label } from '../shared/session.js';
import { rateText, basisText } from './results-words.js';

/** The grid's count columns, in the order Tab walks them; `followers` is followers at posting time. */
const COLUMNS = ['views', 'reach', 'likes', 'comments', 'shares', 'saves', 'link_clicks', 'followers'];

/** A post's stored count for column `name`. @param {import('../api.js').GridPost} post @param {string} name */
function stored(post, name) {
  const counts = post.latest?.counts;
  if (!counts) return null;
  return name === 'followers' ? counts.followers_at_post : /** @type {any} */ (counts)[name];
}

/**
 * @param {{ id: number, name: string }} campaign
 * @param {{ onSaved?: () => void }} [o]
 */
export function resultsGrid(campaign, o = {}) {
  const el = h('section', { class: 'results-grid-section', 'aria-labelledby': 'results-grid-title' });
  /** @type {HTMLTableSectionElement} */
  const body = /** @type {any} */ (h('tbody'));
  /** @type {Map<number, { post: import('../api.js').GridPost, row: HTMLElement, inputs: Map<string, HTMLInputElement>, rate: HTMLElement, note: HTMLElement, saving: Promise<void> | null, again: boolean }>} */
  const rows = new Map();

  function header() {
    return h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, t('results.col.post')),
      ...COLUMNS.map((c) => h('th', { scope: 'col', class: 'num', title: c === 'followers' ? t('results.col.followers.about') : null }, t(`results.col.${c}`))),
      h('th', { scope: 'col', class: 'num' }, t('results.col.engagement'))));
  }

  /**
   * Shows a post's stored counts in its boxes and its rate. With `sent` (what a save sent), a box
   * typed in again since keeps its text, still to be saved.
   */
  function fill(entry, sent = null) {
    const { post } = entry;
    for (const [name, input] of entry.inputs) {
      const value = stored(post, name);
      const fromRoster = name === 'followers' && post.latest && post.latest.followers_from !== 'given';
      const shown = value === null || value === undefined || fromRoster ? '' : fmt.number(value);
      if (!sent || input.value === sent[name]) input.value = shown;
      input.placeholder = fromRoster && value !== null ? fmt.number(value) : '';
      input.title = fromRoster ? t(`results.followersFrom.${post.latest?.followers_from}`) : '';
      input.dataset.saved = shown;
      if (!sent || input.value === shown) input.removeAttribute('aria-invalid');
    }
    mount(entry.rate, rateText(post.engagement), post.latest ? h('span', { class: 'results-basis muted' }, basisText(post.basis)) : null);
    entry.rate.title = post.formula;
  }

  const dirty = (entry) => [...entry.inputs.values()].some((i) => i.value !== i.dataset.saved);

  /** Saves a post's boxes; one save a post at a time, a change made meanwhile saved after it. */
  async function save(entry) {
    if (entry.saving) { entry.again = true; return; }
    if (!dirty(entry)) return;
    entry.saving = send(entry);
    try {
      await entry.saving;
    } finally {
      entry.saving = null;
      if (entry.again) { entry.again = false; await save(entry); }
    }
  }

  async function send(entry) {
    /** @type {Record<string, string|number>} */
    const draft = { deliverable_id: entry.post.deliverable_id };
    const sent = {};
    for (const [name, input] of entry.inputs) { draft[name] = input.value; sent[name] = input.value; }
    entry.row.setAttribute('aria-busy', 'true');
    mount(entry.note);
    try {
      await api.recordResults(draft);
      const fresh = (await api.resultsGrid(campaign.id)).find((p) => p.deliverable_id === entry.post.deliverable_id);
      if (fresh) { entry.post = fresh; fill(entry, sent); }
      if (dirty(entry)) entry.again = true;
      entry.row.classList.add('results-saved');
      setTimeout(() => entry.row.classList.remove('results-saved'), 1200);
      o.onSaved?.();
    } catch (err) {
      const e = asPayload(err);
      for (const f of e.fields || []) entry.inputs.get(f.field)?.setAttribute('aria-invalid', 'true');
      mount(entry.note, h('span', { role: 'alert' }, (e.fields || []).length ? e.fields.map((f) => `${t(`results.col.${f.field}`)}: ${problemText(f)}`).join(' ') : errorText(err)));
    } finally {
      entry.row.removeAttribute('aria-busy');
    }
  }

  /** The box of column `name` in the post `step` rows from `entry`. */
  function neighbour(entry, name, step) {
    const order = [...rows.values()];
    const at = order.indexOf(entry) + step;
    return at >= 0 && at < order.length ? order[at].inputs.get(name) : null;
  }

  function postRow(post) {
    const inputs = new Map();
    const rate = h('span', { class: 'results-rate' });
    const note = h('div', { class: 'results-row-note', id: `results-note-${post.deliverable_id}` });
    const who = post.handle ? `${post.creator} · @${post.handle}` : post.creator;
    const row = h('tr', { class: 'results-row', id: `results-row-${post.deliverable_id}` },
      h('th', { scope: 'row', class: 'results-post' },
        h('span', { class: 'results-creator' }, who),
        h('span', { class: 'results-meta muted' },
          `${label('platforms', post.platform)} · ${label('formats', post.format)}`,
          post.published_at ? ` · ${fmt.date(post.published_at)}` : '',
          post.snapshots > 1 ? ` · ${t('results.snapshots', { count: fmt.number(post.snapshots) })}` : ''),
        post.post_url ? h('span', { class: 'results-link muted', title: post.post_url }, post.post_url) : null,
        note),
      ...COLUMNS.map((name) => {
        const input = /** @type {HTMLInputElement} */ (h('input', {
          type: 'text', inputmode: 'decimal', class: 'results-count', autocomplete: 'off', spellcheck: 'false', 'data-changes': true,
          name, id: `results-${post.deliverable_id}-${name}`, 'aria-describedby': note.id,
          'aria-label': `${t(`results.col.${name}`)}, ${post.creator}`,
        }));
        inputs.set(name, input);
        return h('td', { class: 'num' }, input);
      }),
      h('td', { class: 'num results-rate-cell' }, rate));
    const entry = { post, row, inputs, rate, note, saving: null, again: false };
    row.addEventListener('keydown', (e) => {
      const target = /** @type {HTMLInputElement} */ (e.target);
      if (!(target instanceof HTMLInputElement)) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        const next = neighbour(entry, target.name, e.shiftKey ? -1 : 1);
        if (next) next.focus(); else save(entry);
        next?.select();
      } else if (e.key === 'Escape' && target.value !== target.dataset.saved) {
        e.preventDefault();
        e.stopPropagation();
        target.value = target.dataset.saved ?? '';
        target.removeAttribute('aria-invalid');
      }
    });
    row.addEventListener('focusout', (e) => {
      const to = /** @type {Node|null} */ (e.relatedTarget);
      if (to && row.contains(to)) return;
      save(entry);
    });
    rows.set(post.deliverable_id, entry);
    fill(entry);
    return row;
  }

  async function reload() {
    el.setAttribute('aria-busy', 'true');
    try {
      const posts = await api.resultsGrid(campaign.id);
      rows.clear();
      mount(body, ...posts.map(postRow));
      mount(el,
        h('div', { class: 'section-head' },
          h('h2', { id: 'results-grid-title' }, t('results.grid.title')),
          h('p', { class: 'muted' }, t('results.grid.about'))),
        posts.length
          ? h('div', { class: 'table-scroll' }, h('table', { class: 'data-table results-grid', id: 'results-grid' }, header(), body))
          : h('p', { class: 'muted', id: 'results-grid-none' }, t('results.grid.none')));
    } catch (err) {
      mount(el, h('p', { role: 'alert' }, t('results.failed', { reason: errorText(err) })));
    } finally {
      el.removeAttribute('aria-busy');
    }
  }

  reload();
  return { el, reload };
}
