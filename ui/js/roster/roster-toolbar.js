//! The roster's toolbar: a debounced search box and the filter and sort controls. It owns the
//! query (search, filters, sort) and reports every change through `onChange`; filter options
//! and their counts come from the session's facets, labels from the vocabulary.

import { h, icon, ICONS, debounce, mount } from '../shared/dom.js';
import { t, fmt } from '../shared/i18n.js';
import { session, label } from '../shared/session.js';
import { countryName } from '../shared/country-picker.js';

const FILTERS = [
  { key: 'tier', facet: 'tiers', vocab: 'tiers' },
  { key: 'platform', facet: 'platforms', vocab: 'platforms' },
  { key: 'niche', facet: 'niches' },
  { key: 'stage', facet: 'stages', vocab: 'stages' },
  { key: 'country', facet: 'countries' },
];
/** The direction each sort starts in. */
const NATURAL_DESCENDING = { followers: true, updated: true, name: false };

/**
 * @param {{ onChange: (query: import('../api.js').RosterQuery) => void }} hooks
 * @param {Partial<import('../api.js').RosterQuery> | null} [initial] a query to start from
 */
export function rosterToolbar(hooks, initial = null) {
  const query = { search: '', tier: null, platform: null, niche: null, stage: null, country: null, sort: 'followers', descending: true, ...(initial ?? {}) };
  const emit = () => hooks.onChange({ ...query });
  const emitSoon = debounce(emit, 150);

  const search = /** @type {HTMLInputElement} */ (h('input', {
    id: 'search', type: 'search', class: 'input search-input', placeholder: t('roster.search.placeholder'), value: query.search,
    'aria-label': t('roster.search.label'), autocomplete: 'off', spellcheck: 'false',
    oninput: () => { query.search = search.value; markActive(); emitSoon(); },
    onkeydown: (e) => {
      if (e.key === 'Escape' && search.value) { e.stopPropagation(); search.value = ''; query.search = ''; markActive(); emitSoon.cancel(); emit(); }
    },
  }));

  const selects = {};
  for (const f of FILTERS) {
    selects[f.key] = /** @type {HTMLSelectElement} */ (h('select', {
      id: `filter-${f.key}`, class: 'select filter', 'aria-label': t(`roster.filter.${f.key}.label`),
      onchange: () => { query[f.key] = selects[f.key].value || null; markActive(); emit(); },
    }));
  }

  const sortSelect = /** @type {HTMLSelectElement} */ (h('select', {
    id: 'sort', class: 'select', 'aria-label': t('roster.sort.label'),
    onchange: () => { setSort(sortSelect.value, NATURAL_DESCENDING[sortSelect.value]); },
  }, ...['followers', 'name', 'updated'].map((v) => h('option', { value: v }, t(`roster.sort.${v}`)))));
  const direction = h('button', { id: 'sort-direction', type: 'button', class: 'btn btn-icon', onclick: () => setSort(query.sort, !query.descending) });

  const clearBtn = h('button', { type: 'button', class: 'btn btn-ghost', id: 'clear-filters', hidden: true, onclick: () => clear() }, t('roster.clearFilters'));

  function setSort(sort, descending) {
    query.sort = /** @type {any} */ (sort);
    query.descending = descending;
    sortSelect.value = sort;
    mount(direction, icon(descending ? ICONS.arrowDown : ICONS.arrowUp));
    const text = t(descending ? 'roster.sort.descending' : 'roster.sort.ascending');
    direction.setAttribute('aria-label', text);
    direction.title = text;
    emit();
  }

  function markActive() {
    for (const f of FILTERS) selects[f.key].classList.toggle('active', !!query[f.key]);
    clearBtn.hidden = !isFiltered();
  }

  function isFiltered() {
    return !!query.search.trim() || FILTERS.some((f) => query[f.key]);
  }

  function clear() {
    query.search = '';
    search.value = '';
    for (const f of FILTERS) { query[f.key] = null; selects[f.key].value = ''; }
    emitSoon.cancel();
    markActive();
    emit();
  }

  function fillOptions() {
    for (const f of FILTERS) {
      // Until the facets arrive, the vocabulary's values stand in without counts.
      const facet = session.facets?.[f.facet] ?? (f.vocab ? (session.vocab?.[f.vocab] ?? []).map((c) => ({ value: c.value, count: null })) : []);
      let values = facet.map((v) => ({ value: v.value, count: v.count }));
      if (f.vocab) {
        const order = (session.vocab?.[f.vocab] ?? []).map((c) => c.value);
        values.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value));
      }
      const current = query[f.key];
      if (current && !values.some((v) => v.value === current)) values.push({ value: current, count: 0 });
      const name = (v) => (f.vocab ? label(f.vocab, v) : (f.key === 'country' ? countryLabel(v) : v));
      mount(selects[f.key], 
        h('option', { value: '' }, t(`roster.filter.${f.key}.all`)),
        ...values.map((v) => h('option', { value: v.value, selected: v.value === current },
          v.count === null ? name(v.value) : t('roster.filter.option', { label: name(v.value), count: fmt.number(v.count) }))));
    }
    markActive();
  }

  const onFacets = () => fillOptions();
  session.events.addEventListener('facets', onFacets);
  fillOptions();
  setSortQuietly();

  function setSortQuietly() {
    sortSelect.value = query.sort;
    mount(direction, icon(query.descending ? ICONS.arrowDown : ICONS.arrowUp));
    const text = t(query.descending ? 'roster.sort.descending' : 'roster.sort.ascending');
    direction.setAttribute('aria-label', text);
    direction.title = text;
  }

  const el = h('div', { class: 'toolbar', role: 'search' },
    h('div', { class: 'search-box' }, icon(ICONS.search, 14), search),
    h('div', { class: 'toolbar-group filters' }, ...FILTERS.map((f) => selects[f.key])));
  const sortEl = h('div', { class: 'toolbar-group sort' },
    h('label', { class: 'toolbar-label', for: 'sort' }, t('roster.sort.prefix')), sortSelect, direction);

  return {
    el,
    sortEl,
    clearBtn,
    query: () => ({ ...query }),
    isFiltered,
    clear,
    focusSearch: () => { search.focus(); search.select(); },
    /** After an import: no search or filter hides what came in, and the latest changes come first. */
    showLatest: () => {
      query.search = '';
      search.value = '';
      for (const f of FILTERS) { query[f.key] = null; selects[f.key].value = ''; }
      query.sort = 'updated';
      query.descending = true;
      setSortQuietly();
      emitSoon.cancel();
      markActive();
      emit();
    },
    /** A header click: the same column flips direction, another starts in its natural one. */
    sortBy: (sort) => setSort(sort, sort === query.sort ? !query.descending : NATURAL_DESCENDING[sort]),
    dispose: () => session.events.removeEventListener('facets', onFacets),
  };
}

/** `NL · Nederland`; a stored value that is no country code says so (`HO (onbekend land)`). */
function countryLabel(code) {
  const known = session.vocab?.countries?.some((c) => c.value === code);
  return known ? `${code} · ${countryName(code)}` : countryName(code);
}
