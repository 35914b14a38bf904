//! The roster table, virtualised for 100,000 creators: a scroll container whose spacer is
//! total × ROW_HEIGHT tall, with only the visible rows (plus overscan) in the DOM. Rows come
//! from `listRoster` in pages of PAGE_SIZE, fetched on demand and cached by page; a new query
//! bumps a generation number so answers to older queries are dropped. The grid is one tab
//! stop: ↑/↓/PageUp/PageDown/Home/End move the current row, Enter opens it. A creator with an
//! authenticity signal (a follower jump with no post, engagement far below the tier, …) has a
//! flag beside the name with the reasons, read per page with `rosterFlags`.
//!
//! Rows can also be ticked, to act on several creators at once: a click on a row's checkbox
//! (Shift+click ticks the range from the last one ticked), Space on the current row, the
//! header's checkbox or Ctrl+A for every creator the search and filters match (not only the
//! rows on view), Esc to untick all. A new search or filter unticks everything, so nothing
//! out of sight stays ticked; `onChecked` reports the ticked ids.

import * as api from '../api.js';
import { h, icon, ICONS, mount } from '../shared/dom.js';
import { t, fmt } from '../shared/i18n.js';
import { platformBadge, tierBadge, stageBadge, chip, atHandle } from '../shared/badges.js';
import { toastError } from '../shared/toast.js';
import { countryName } from '../shared/country-picker.js';

export const ROW_HEIGHT = 36;
/** Height of the sticky header row (kept equal to --roster-header-height in CSS). */
const HEADER_HEIGHT = 32;
const PAGE_SIZE = 100;
const OVERSCAN = 10;
const MAX_PAGES = 300;
/** The keys that tick rows, as `aria-keyshortcuts` lists them (space-separated). */
const TICK_KEYS = ['Space', 'Control+A', 'Escape'].join(' ');

/** Columns: key, header key, css class, sort key when sortable. */
const COLUMNS = [
  { key: 'select', label: null, cls: 'cell-select' },
  { key: 'name', label: 'roster.col.name', cls: 'cell-name', sort: 'name' },
  { key: 'handles', label: 'roster.col.handles', cls: 'cell-handles' },
  { key: 'followers', label: 'roster.col.followers', cls: 'cell-followers num', sort: 'followers' },
  { key: 'tier', label: 'roster.col.tier', cls: 'cell-tier' },
  { key: 'niches', label: 'roster.col.niches', cls: 'cell-niches' },
  { key: 'stage', label: 'roster.col.stage', cls: 'cell-stage' },
  { key: 'country', label: 'roster.col.country', cls: 'cell-country' },
  { key: 'contact', label: 'roster.col.lastContact', cls: 'cell-contact' },
  { key: 'updated', label: 'roster.col.updated', cls: 'cell-updated', sort: 'updated' },
];

export class RosterTable {
  /**
   * @param {{ onOpen: (id: number) => void, onSelect: (id: number|null) => void,
   *   onTotal: (total: number|null) => void, onSort: (sort: string) => void,
   *   onChecked: (ids: number[]) => void, renderEmpty: () => Node }} hooks
   */
  constructor(hooks) {
    this.hooks = hooks;
    this.query = {};
    this.generation = 0;
    this.total = null;
    /** @type {Map<number, import('../api.js').CreatorRow[]>} */
    this.pages = new Map();
    /** Pages of the previous generation, shown during a refresh so rows do not flash. */
    this.stale = new Map();
    this.inflight = new Set();
    this.rendered = new Map();
    this.selectedIndex = -1;
    this.selectedId = null;
    this.frame = 0;
    this.fetchTimer = 0;
    this.failedGeneration = -1;
    /** The ticked creators' ids, and the row index a Shift+click ranges from. */
    this.checked = new Set();
    this.anchor = -1;

    this.checkAll = /** @type {HTMLInputElement} */ (h('input', {
      type: 'checkbox', class: 'row-check', id: 'roster-check-all', tabindex: -1, 'aria-label': t('roster.select.all'),
      onclick: (e) => { e.preventDefault(); this.toggleAll(); },
    }));
    this.header = h('div', { class: 'roster-header', role: 'row', 'aria-rowindex': 1 },
      ...COLUMNS.map((c) => h('div', { class: ['roster-th', c.cls], role: 'columnheader', 'data-col': c.key },
        c.key === 'select' ? this.checkAll
          : c.sort ? h('button', { type: 'button', class: 'th-sort', tabindex: -1, onclick: () => hooks.onSort(c.sort) },
            t(c.label), h('span', { class: 'th-arrow' })) : t(c.label))));
    this.spacer = h('div', { class: 'roster-spacer' });
    this.empty = h('div', { class: 'roster-empty', hidden: true });
    this.scroller = h('div', {
      class: 'roster-scroll', tabindex: 0, role: 'grid', 'aria-label': t('roster.title'),
      'aria-multiselectable': 'false', 'aria-keyshortcuts': TICK_KEYS,
      onkeydown: (e) => this.onKey(e), onclick: (e) => this.onClick(e),
    }, this.header, this.spacer);
    this.el = h('div', { class: 'roster-table' }, this.scroller, this.empty);
    this.scroller.addEventListener('scroll', () => this.schedule(), { passive: true });
    new ResizeObserver(() => this.schedule()).observe(this.scroller);
  }

  /** Shows the sort state in the headers. */
  showSort(sort, descending) {
    for (const th of this.header.children) {
      const col = COLUMNS.find((c) => c.key === th.dataset.col);
      const active = col?.sort === sort;
      th.setAttribute('aria-sort', active ? (descending ? 'descending' : 'ascending') : 'none');
      const arrow = th.querySelector('.th-arrow');
      if (arrow) mount(arrow, active ? icon(descending ? ICONS.arrowDown : ICONS.arrowUp, 12) : '');
    }
  }

  /** A new query: forget every page and start at the top, with nothing ticked. */
  setQuery(query) {
    this.query = { ...query };
    this.setChecked([]);
    this.reset(false);
  }

  /** Ticks exactly `ids` (a snapshot's, or none). */
  setChecked(ids) {
    this.checked = new Set(ids);
    this.anchor = -1;
    this.checkedChanged();
  }

  /** Unticks one creator (deleted meanwhile). */
  uncheck(id) {
    if (this.checked.delete(id)) this.checkedChanged();
  }

  checkedChanged() {
    const total = this.total ?? 0;
    this.checkAll.checked = total > 0 && this.checked.size >= total;
    this.checkAll.indeterminate = this.checked.size > 0 && this.checked.size < total;
    this.checkAll.setAttribute('aria-label', this.checkAll.checked ? t('roster.select.none') : t('roster.select.all'));
    this.clearRendered();
    this.schedule();
    this.hooks.onChecked([...this.checked]);
  }

  /** Ticks or unticks the row at `index`; with `range`, every row from the last one ticked. */
  async toggleAt(index, range = false) {
    const row = this.rowAt(index);
    if (!row) return;
    const on = !this.checked.has(row.id);
    if (range && this.anchor >= 0 && this.anchor !== index) {
      const generation = this.generation;
      const ids = await this.idsBetween(Math.min(this.anchor, index), Math.max(this.anchor, index));
      if (generation !== this.generation) return;
      for (const id of ids) { if (on) this.checked.add(id); else this.checked.delete(id); }
    } else if (on) this.checked.add(row.id);
    else this.checked.delete(row.id);
    this.anchor = index;
    this.checkedChanged();
  }

  /** The ids of rows `lo`…`hi`, reading the pages not loaded yet. */
  async idsBetween(lo, hi) {
    const ids = [];
    for (let page = Math.floor(lo / PAGE_SIZE); page <= Math.floor(hi / PAGE_SIZE); page += 1) {
      const rows = this.pages.get(page) ?? (await api.listRoster({ ...this.query, offset: page * PAGE_SIZE, limit: PAGE_SIZE })).rows;
      rows.forEach((r, i) => { const at = page * PAGE_SIZE + i; if (at >= lo && at <= hi) ids.push(r.id); });
    }
    return ids;
  }

  /** Every creator the query matches, or none when they are all ticked already. */
  async toggleAll() {
    if ((this.total ?? 0) > 0 && this.checked.size >= (this.total ?? 0)) { this.setChecked([]); return; }
    const generation = this.generation;
    try {
      const { offset, limit, ...query } = /** @type {any} */ (this.query);
      const ids = await api.rosterMatchingIds(query);
      if (generation === this.generation) this.setChecked(ids);
    } catch (err) { toastError(err); }
  }

  /** Same query, fresh data (after a save, delete or import): keeps scroll and selection. */
  refresh() {
    this.reset(true);
  }

  reset(keepPosition) {
    this.generation += 1;
    this.stale = keepPosition ? this.pages : new Map();
    this.pages = new Map();
    this.inflight.clear();
    if (!keepPosition) {
      this.total = null;
      this.scroller.scrollTop = 0;
      this.selectedIndex = -1;
      this.hooks.onTotal(null);
      this.clearRendered();
    }
    this.fetchPage(keepPosition ? Math.floor(this.firstVisible() / PAGE_SIZE) : 0);
  }

  focus() { this.scroller.focus(); }

  /** Scrolls to `top` once the total is known (the spacer must be tall enough first). */
  scrollTo(top) {
    this.spacer.style.height = `${(this.total ?? 0) * ROW_HEIGHT}px`;
    this.scroller.scrollTop = top;
    this.schedule();
  }

  /** Marks a creator as selected by id (after creating it, its index is unknown). */
  selectId(id) {
    this.selectedId = id;
    this.selectedIndex = -1;
    this.clearRendered();
    this.schedule();
  }

  clearSelection() {
    this.selectedId = null;
    this.selectedIndex = -1;
    this.scroller.removeAttribute('aria-activedescendant');
    this.clearRendered();
    this.schedule();
  }

  rowAt(index) {
    const page = Math.floor(index / PAGE_SIZE);
    return (this.pages.get(page) ?? this.stale.get(page))?.[index % PAGE_SIZE] ?? null;
  }

  isLoaded(index) {
    return this.pages.has(Math.floor(index / PAGE_SIZE));
  }

  firstVisible() {
    return Math.max(0, Math.floor((this.scroller.scrollTop) / ROW_HEIGHT));
  }

  visibleCount() {
    return Math.max(1, Math.floor((this.scroller.clientHeight - HEADER_HEIGHT) / ROW_HEIGHT));
  }

  fetchPage(page) {
    if (this.pages.has(page) || this.inflight.has(page)) return;
    const generation = this.generation;
    this.inflight.add(page);
    api.listRoster({ ...this.query, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(withFlags).then((result) => {
      if (generation !== this.generation) return; // an answer to an older query
      this.inflight.delete(page);
      this.pages.set(page, result.rows);
      this.stale.delete(page);
      this.evict(page);
      if (result.total !== this.total) {
        this.total = result.total;
        this.stale.clear(); // other rows moved: old pages would show the wrong creators
        this.hooks.onTotal(result.total);
        if (this.selectedIndex >= result.total) this.selectedIndex = result.total - 1;
        this.checkAll.checked = result.total > 0 && this.checked.size >= result.total;
        this.checkAll.indeterminate = this.checked.size > 0 && this.checked.size < result.total;
      }
      this.schedule();
    }, (err) => {
      if (generation !== this.generation) return;
      this.inflight.delete(page);
      if (this.failedGeneration !== generation) { this.failedGeneration = generation; toastError(err); }
    });
  }

  /** Keeps the cache bounded: drops the pages farthest from the one just loaded. */
  evict(near) {
    if (this.pages.size <= MAX_PAGES) return;
    const far = [...this.pages.keys()].sort((a, b) => Math.abs(b - near) - Math.abs(a - near));
    for (const page of far.slice(0, this.pages.size - MAX_PAGES)) this.pages.delete(page);
  }

  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => { this.frame = 0; this.render(); });
  }

  clearRendered() {
    for (const el of this.rendered.values()) el.remove();
    this.rendered.clear();
  }

  render() {
    const total = this.total ?? 0;
    this.spacer.style.height = `${total * ROW_HEIGHT}px`;
    this.scroller.setAttribute('aria-rowcount', String(total + 1));
    const isEmpty = this.total === 0;
    if (isEmpty !== !this.empty.hidden) {
      this.empty.hidden = !isEmpty;
      mount(this.empty, ...(isEmpty ? [this.hooks.renderEmpty()] : []));
    }
    const first = Math.max(0, this.firstVisible() - OVERSCAN);
    const last = Math.min(total - 1, this.firstVisible() + this.visibleCount() + OVERSCAN + 1);

    for (const [index, el] of this.rendered) {
      if (index < first || index > last) { el.remove(); this.rendered.delete(index); }
    }
    const missing = new Set();
    for (let index = first; index <= last; index += 1) {
      const row = this.rowAt(index);
      if (!this.isLoaded(index)) missing.add(Math.floor(index / PAGE_SIZE));
      if (row && this.selectedIndex === -1 && row.id === this.selectedId) this.selectedIndex = index;
      const selected = row ? row.id === this.selectedId : index === this.selectedIndex;
      const checked = !!row && this.checked.has(row.id);
      const existing = /** @type {any} */ (this.rendered.get(index));
      if (existing && existing.shownRow === row && existing.shownSelected === selected && existing.shownChecked === checked) continue;
      const el = /** @type {any} */ (row ? this.buildRow(row, index, selected, checked) : this.buildPlaceholder(index));
      el.shownRow = row;
      el.shownSelected = selected;
      el.shownChecked = checked;
      if (existing) existing.replaceWith(el); else this.spacer.appendChild(el);
      this.rendered.set(index, el);
    }
    if (this.selectedIndex >= 0 && this.rendered.has(this.selectedIndex)) {
      this.scroller.setAttribute('aria-activedescendant', `roster-row-${this.selectedIndex}`);
    } else {
      this.scroller.removeAttribute('aria-activedescendant');
    }
    if (missing.size) {
      // Wait for the scrolling to settle a moment so a fast drag does not request every page on the way.
      clearTimeout(this.fetchTimer);
      this.fetchTimer = setTimeout(() => {
        const lo = Math.floor(Math.max(0, this.firstVisible() - OVERSCAN) / PAGE_SIZE);
        const hi = Math.floor((this.firstVisible() + this.visibleCount() + OVERSCAN) / PAGE_SIZE);
        for (const page of missing) if (page >= lo && page <= hi) this.fetchPage(page);
      }, this.pages.size ? 60 : 0);
    }
  }

  buildRow(row, index, selected, checked) {
    const [top, ...more] = row.handles || [];
    const [niche, ...otherNiches] = row.niches || [];
    return h('div', {
      class: ['roster-row', selected && 'selected', checked && 'checked'], role: 'row', id: `roster-row-${index}`,
      'data-id': row.id, 'data-index': index, 'aria-rowindex': index + 2, 'aria-selected': String(selected),
      style: { transform: `translateY(${index * ROW_HEIGHT}px)` },
    },
    h('div', { class: 'cell cell-select', role: 'gridcell' },
      h('input', { type: 'checkbox', class: 'row-check', tabindex: -1, checked, 'aria-label': t('roster.select.creator', { name: row.display_name }) })),
    h('div', { class: 'cell cell-name', role: 'gridcell', title: row.display_name }, row.display_name, signalFlag(row.flags)),
    h('div', { class: 'cell cell-handles', role: 'gridcell' },
      top ? [platformBadge(top.platform), h('span', { class: 'handle-text', title: atHandle(top.handle, top.platform) }, atHandle(top.handle, top.platform))] : h('span', { class: 'muted' }, '–'),
      more.length ? h('span', { class: 'more', title: more.map((m) => `${atHandle(m.handle, m.platform)} · ${fmt.number(m.followers)}`).join('\n') },
        t('roster.more', { count: more.length })) : null),
    h('div', { class: 'cell cell-followers num', role: 'gridcell', title: fmt.number(row.max_followers) }, fmt.compact(row.max_followers)),
    h('div', { class: 'cell cell-tier', role: 'gridcell' }, tierBadge(row.tier)),
    h('div', { class: 'cell cell-niches', role: 'gridcell', title: (row.niches || []).join(', ') },
      niche ? chip(niche) : null,
      otherNiches.length ? h('span', { class: 'more' }, t('roster.more', { count: otherNiches.length })) : null),
    h('div', { class: 'cell cell-stage', role: 'gridcell' }, stageBadge(row.stage)),
    h('div', { class: 'cell cell-country', role: 'gridcell', title: countryName(row.country) || null }, row.country || '–'),
    h('div', { class: ['cell cell-contact', !row.last_contact_on && 'muted'], role: 'gridcell' }, row.last_contact_on ? fmt.date(row.last_contact_on) : '–'),
    h('div', { class: 'cell cell-updated', role: 'gridcell', title: fmt.dateTime(row.updated_at) }, fmt.date(row.updated_at)));
  }

  buildPlaceholder(index) {
    return h('div', {
      class: ['roster-row-loading', index === this.selectedIndex && 'selected'], role: 'row', id: `roster-row-${index}`,
      'aria-rowindex': index + 2, 'aria-busy': 'true', style: { transform: `translateY(${index * ROW_HEIGHT}px)` },
    }, ...COLUMNS.map((c) => h('div', { class: ['cell', c.cls], role: 'gridcell' }, h('span', { class: 'skeleton' }))));
  }

  onClick(event) {
    const target = /** @type {HTMLElement} */ (event.target);
    const rowEl = target.closest?.('.roster-row');
    if (!rowEl || !rowEl.dataset.id) return;
    if (target.closest('.cell-select')) {
      // The checkbox ticks; it does not open the creator.
      event.preventDefault();
      this.toggleAt(Number(rowEl.dataset.index), event.shiftKey);
      this.focus();
      return;
    }
    this.select(Number(rowEl.dataset.index));
    this.hooks.onOpen(Number(rowEl.dataset.id));
  }

  /** Moves the selection to `index` and scrolls it into view. */
  select(index) {
    const total = this.total ?? 0;
    if (!total) return;
    this.selectedIndex = Math.max(0, Math.min(total - 1, index));
    const row = this.rowAt(this.selectedIndex);
    this.selectedId = row ? row.id : null;
    const top = this.selectedIndex * ROW_HEIGHT;
    const viewTop = this.scroller.scrollTop;
    const viewBottom = viewTop + this.scroller.clientHeight - HEADER_HEIGHT; // the sticky header covers the top
    if (top < viewTop) this.scroller.scrollTop = top;
    else if (top + ROW_HEIGHT > viewBottom) this.scroller.scrollTop = top + ROW_HEIGHT - (this.scroller.clientHeight - HEADER_HEIGHT);
    this.render();
    this.hooks.onSelect(this.selectedId);
  }

  onKey(event) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      this.toggleAll();
      return;
    }
    if (event.key === 'Escape' && this.checked.size) {
      event.preventDefault();
      event.stopPropagation();
      this.setChecked([]);
      return;
    }
    if (event.key === ' ' && !event.ctrlKey && !event.altKey && !event.metaKey && this.selectedIndex >= 0) {
      event.preventDefault();
      this.toggleAt(this.selectedIndex, event.shiftKey);
      return;
    }
    if (event.altKey || event.metaKey || (event.ctrlKey && !['Home', 'End'].includes(event.key))) return;
    const page = this.visibleCount();
    const at = this.selectedIndex;
    const moves = {
      ArrowDown: at < 0 ? this.firstVisible() : at + 1,
      ArrowUp: at < 0 ? this.firstVisible() : at - 1,
      PageDown: Math.max(at, 0) + page,
      PageUp: Math.max(at, 0) - page,
      Home: 0,
      End: (this.total ?? 1) - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      this.select(moves[event.key]);
    } else if (event.key === 'Enter' && at >= 0) {
      event.preventDefault();
      const row = this.rowAt(at);
      if (row) this.hooks.onOpen(row.id);
    }
  }
}

/**
 * A page of the roster with each creator's authenticity flags (`row.flags`), read for the page's
 * ids in one call. A page whose flags cannot be read shows without them rather than not at all.
 * @param {import('../api.js').RosterPage} result
 */
function withFlags(result) {
  const ids = result.rows.map((r) => r.id);
  if (!ids.length) return result;
  return api.rosterFlags(ids).then((flags) => {
    for (const row of result.rows) /** @type {any} */ (row).flags = flags[String(row.id)] ?? [];
    return result;
  }, () => result);
}

/** The roster's flag beside a name: the signals' labels and reasons as its tooltip. @param {any[]|undefined} flags */
function signalFlag(flags) {
  if (!flags?.length) return null;
  const text = flags.map((f) => `${f.label}: ${f.reason}`).join('\n');
  return h('span', { class: 'signal-flag', role: 'img', title: text, 'aria-label': t('signals.flag', { reasons: text }) }, '⚑');
}
