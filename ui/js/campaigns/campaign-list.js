//! The list of all campaigns (`listCampaigns`): name, goal, phase on today's date, dates,
//! budget, committed, spent, collaborations and open deliverables, newest start first as the
//! back end orders them. A row opens on click or Enter; ↑/↓ move between rows. Amounts are the
//! back end's sums, formatted here.
//!
//! Above the table, a search box, a phase filter and (once a campaign is archived) a choice
//! between the campaigns in use and the archived ones narrow the loaded list in the window:
//! archived campaigns are hidden until asked for. The search matches every word typed in the
//! name, goal, niche and UTM value, ignoring case and accents; each select counts what it would
//! show among the campaigns the other filters leave. `filter()` is what a snapshot keeps; a
//! list that filters everything away says so, with "Clear filters".

import { h, icon, ICONS, mount } from '../shared/dom.js';
import { t, tn, fmt } from '../shared/i18n.js';
import { campaignLabel } from './campaign-vocab.js';

const PHASES = ['upcoming', 'running', 'ended', 'undated'];
/** The archive filter: '' the campaigns in use, 'archived' the archived ones. */
const SHELVES = ['', 'archived'];

/** Text folded for matching: lower case, without accents (é → e). */
const fold = (text) => String(text ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Whether campaign `c` holds every folded word in its name, goal, niche or UTM value. */
function matches(c, words) {
  if (!words.length) return true;
  const haystack = fold([c.name, campaignLabel('goals', c.goal), c.niche, c.utm_slug].join(' '));
  return words.every((w) => haystack.includes(w));
}

/** Start – end in the display language, or what there is of it. */
export function dateRange(starts, ends) {
  if (starts && ends) return t('campaign.dates.range', { start: fmt.date(starts), end: fmt.date(ends) });
  if (starts) return t('campaign.dates.from', { start: fmt.date(starts) });
  if (ends) return t('campaign.dates.until', { end: fmt.date(ends) });
  return t('campaign.dates.none');
}

export const phaseBadge = (phase) => h('span', { class: ['badge', 'phase', `phase-${phase}`] }, t(`campaign.phase.${phase}`));

const money = (m) => fmt.money(m.minor, m.currency);

/**
 * @param {{ onOpen: (id: number) => void, onNew: () => void }} hooks
 * @param {{ search?: string, phase?: string, shelf?: string } | null} [initial] the filter a snapshot kept
 */
export function campaignList(hooks, initial = null) {
  /** @type {import('../api.js').CampaignSummary[]} */
  let all = [];
  const filter = {
    search: initial?.search ?? '',
    phase: PHASES.includes(initial?.phase ?? '') ? initial.phase : '',
    shelf: initial?.shelf === 'archived' ? 'archived' : '',
  };
  const search = /** @type {HTMLInputElement} */ (h('input', {
    id: 'campaign-search', type: 'search', class: 'input search-input', value: filter.search, autocomplete: 'off', spellcheck: 'false',
    placeholder: t('campaigns.search.placeholder'), 'aria-label': t('campaigns.search.label'), 'aria-keyshortcuts': '/',
    oninput: () => { filter.search = search.value; render(); },
    onkeydown: (e) => {
      if (e.key === 'Escape' && search.value) { e.stopPropagation(); search.value = ''; filter.search = ''; render(); }
      else if (e.key === 'ArrowDown') { e.preventDefault(); /** @type {HTMLElement|null} */ (body.firstElementChild)?.focus(); }
    },
  }));
  const phaseSelect = /** @type {HTMLSelectElement} */ (h('select', {
    id: 'campaign-phase', class: 'select filter', 'aria-label': t('campaigns.filter.phase.label'),
    onchange: () => { filter.phase = phaseSelect.value; render(); },
  }));
  const shelfSelect = /** @type {HTMLSelectElement} */ (h('select', {
    id: 'campaign-archive-filter', class: 'select filter', 'aria-label': t('campaigns.filter.archive.label'),
    onchange: () => { filter.shelf = shelfSelect.value; render(); },
  }));
  const toolbar = h('div', { class: 'toolbar campaign-toolbar', role: 'search', hidden: true },
    h('div', { class: 'search-box' }, icon(ICONS.search, 14), search),
    phaseSelect,
    shelfSelect,
    h('span', { class: 'muted campaign-count', id: 'campaign-count', 'aria-live': 'polite' }));
  const body = h('tbody');
  const table = h('table', { class: 'data-table campaign-table', id: 'campaign-table', 'aria-label': t('campaigns.title') },
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, t('campaigns.col.name')),
      h('th', { scope: 'col' }, t('campaigns.col.phase')),
      h('th', { scope: 'col' }, t('campaigns.col.dates')),
      h('th', { scope: 'col', class: 'num' }, t('campaigns.col.budget')),
      h('th', { scope: 'col', class: 'num' }, t('campaigns.col.committed')),
      h('th', { scope: 'col', class: 'num', title: t('campaigns.col.spent.title') }, t('campaigns.col.spent')),
      h('th', { scope: 'col', class: 'num' }, t('campaigns.col.collaborations')),
      h('th', { scope: 'col', class: 'num' }, t('campaigns.col.open')))),
    body);
  const empty = h('div', { class: 'empty-state', hidden: true },
    h('h2', null, t('campaigns.empty.title')),
    h('p', null, t('campaigns.empty.body')),
    h('button', { type: 'button', class: 'btn btn-primary', 'data-changes': true, onclick: () => hooks.onNew() }, t('campaigns.new')));
  const noMatch = h('div', { class: 'empty-state', id: 'campaigns-no-match', hidden: true });
  /** What the empty list says: nothing matches the filters, or every campaign is archived. */
  function showNoMatch(allArchived) {
    if (allArchived) {
      mount(noMatch,
        h('h2', null, t('campaigns.allArchived.title')),
        h('p', null, t('campaigns.allArchived.body')),
        h('div', { class: 'button-row' },
          h('button', { type: 'button', class: 'btn', id: 'campaigns-show-archived', onclick: () => { filter.shelf = 'archived'; render(); } }, t('campaigns.allArchived.show')),
          h('button', { type: 'button', class: 'btn btn-primary', 'data-changes': true, onclick: () => hooks.onNew() }, t('campaigns.new'))));
    } else {
      mount(noMatch,
        h('h2', null, t('campaigns.noMatch.title')),
        h('p', null, t('campaigns.noMatch.body')),
        h('button', { type: 'button', class: 'btn', id: 'campaigns-clear-filters', onclick: () => clear() }, t('roster.clearFilters')));
    }
  }
  const el = h('div', { class: 'campaign-list-wrap' }, table, empty, noMatch);

  /** @param {import('../api.js').CampaignSummary[]} rows every campaign, as the back end sends them */
  function show(rows) {
    all = rows;
    render();
  }

  /** Shows the campaigns the search, phase and archive filter leave, with each select's counts. */
  function render() {
    const words = fold(filter.search).split(/\s+/).filter(Boolean);
    const searched = all.filter((c) => matches(c, words));
    const shelved = (c, shelf) => (shelf === 'archived') === !!c.archived_on;
    const onShelf = searched.filter((c) => shelved(c, filter.shelf));
    const rows = filter.phase ? onShelf.filter((c) => c.phase === filter.phase) : onShelf;
    const count = (phase) => onShelf.filter((c) => c.phase === phase).length;
    mount(phaseSelect,
      h('option', { value: '' }, t('roster.filter.option', { label: t('campaigns.filter.phase.all'), count: fmt.number(onShelf.length) })),
      ...PHASES.map((p) => h('option', { value: p }, t('roster.filter.option', { label: t(`campaign.phase.${p}`), count: fmt.number(count(p)) }))));
    phaseSelect.value = filter.phase;
    phaseSelect.classList.toggle('active', !!filter.phase);
    const inPhase = searched.filter((c) => !filter.phase || c.phase === filter.phase);
    mount(shelfSelect, ...SHELVES.map((shelf) => h('option', { value: shelf },
      t('roster.filter.option', { label: t(shelf ? 'campaigns.filter.archive.archived' : 'campaigns.filter.archive.inUse'), count: fmt.number(inPhase.filter((c) => shelved(c, shelf)).length) }))));
    shelfSelect.value = filter.shelf;
    shelfSelect.classList.toggle('active', !!filter.shelf);
    const archivedCount = all.filter((c) => c.archived_on).length;
    shelfSelect.hidden = !archivedCount && !filter.shelf;
    const filtered = !!words.length || !!filter.phase || !!filter.shelf;
    const shelfTotal = all.filter((c) => shelved(c, filter.shelf)).length;
    mount(/** @type {HTMLElement} */ (toolbar.querySelector('#campaign-count')),
      filtered ? tn(filter.shelf ? 'campaigns.filter.countArchived' : 'campaigns.filter.count', shelfTotal, { shown: rows.length }) : '');
    toolbar.hidden = all.length === 0;
    empty.hidden = all.length > 0;
    noMatch.hidden = all.length === 0 || rows.length > 0;
    if (!noMatch.hidden) showNoMatch(!filtered && archivedCount === all.length);
    table.hidden = rows.length === 0;
    mount(body, ...rows.map((c) => h('tr', {
      class: 'campaign-row', tabindex: 0, 'data-id': c.id,
      onclick: () => hooks.onOpen(c.id),
      onkeydown: (e) => rowKey(e, c.id),
    },
    h('td', { class: 'cell-name' },
      h('button', { type: 'button', class: 'link-button campaign-name campaign-open', tabindex: -1, onclick: (e) => { e.stopPropagation(); hooks.onOpen(c.id); } }, c.name),
      h('div', { class: 'muted small' }, c.archived_on ? t('campaigns.archivedOn', { goal: campaignLabel('goals', c.goal), date: fmt.date(c.archived_on) }) : campaignLabel('goals', c.goal))),
    h('td', null, phaseBadge(c.phase)),
    h('td', { class: 'muted nowrap' }, dateRange(c.starts_on, c.ends_on)),
    h('td', { class: 'num' }, c.budget.minor ? money(c.budget) : h('span', { class: 'faint' }, '–')),
    h('td', { class: 'num' }, money(c.committed)),
    h('td', { class: 'num' }, money(c.spent)),
    h('td', { class: 'num' }, fmt.number(c.collaborations)),
    h('td', { class: ['num', c.open_deliverables ? null : 'faint'] }, fmt.number(c.open_deliverables)))));
  }

  function rowKey(e, id) {
    const row = /** @type {HTMLElement} */ (e.currentTarget);
    if (e.key === 'Enter') { e.preventDefault(); hooks.onOpen(id); }
    else if (e.key === 'ArrowDown') { e.preventDefault(); /** @type {HTMLElement|null} */ (row.nextElementSibling)?.focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); /** @type {HTMLElement|null} */ (row.previousElementSibling ?? search)?.focus(); }
  }

  function clear() {
    filter.search = '';
    filter.phase = '';
    filter.shelf = '';
    search.value = '';
    render();
    search.focus();
  }

  return {
    el,
    toolbar,
    show,
    /** The search, phase and archive filter, for a snapshot. */
    filter: () => ({ ...filter }),
    focusSearch: () => { search.focus(); search.select(); },
    focusRow: (id) => /** @type {HTMLElement|null} */ (body.querySelector(`[data-id="${Number(id)}"]`) || body.firstElementChild)?.focus(),
  };
}
