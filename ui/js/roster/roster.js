//! The roster screen: header actions (new, import, export), the toolbar, the count, the
//! virtual table and the creator panel beside it. It wires them together: a toolbar change
//! resets the table, a row opens the panel, a save or an import refreshes the table (an import
//! also clears the search and filters and sorts by latest change, so what came in is on view).
//! `snapshot()` and the `saved` argument carry all of that across a rebuild (another screen,
//! another language). `params.creatorId` (nav.js: `navigate('roster', { creatorId })`) opens
//! that creator's panel.

import * as api from '../api.js';
import { h, icon, ICONS, debounce, mount } from '../shared/dom.js';
import { t, tn } from '../shared/i18n.js';
import { session, rosterChanged } from '../shared/session.js';
import { rosterToolbar } from './roster-toolbar.js';
import { RosterTable } from './roster-table.js';
import { creatorPanel } from './creator-panel.js';
import { openAddToCampaign } from './add-to-campaign.js';
import { openImportDialog } from './import-dialog.js';
import { chooseExportDialect } from './export-dialog.js';
import { toast, toastError } from '../shared/toast.js';

/**
 * @param {{ query?: any, scrollTop?: number, selectedId?: number|null, checked?: number[], panel?: any } | null} [saved]
 *   what a previous build of this screen showed (see `snapshot`)
 * @param {{ creatorId?: number }} [params] a creator to show in the panel
 */
export function rosterScreen(saved = null, params = {}) {
  const count = h('div', { id: 'roster-count', class: 'roster-count', 'aria-live': 'polite' }, t('roster.loading'));

  const toolbar = rosterToolbar({
    onChange: (query) => {
      table.showSort(query.sort, query.descending);
      table.setQuery(query);
    },
  }, saved?.query);
  /** The scroll position to return to once the first page has arrived. */
  let pendingScroll = saved?.scrollTop ?? 0;

  const panel = creatorPanel({
    onSaved: (creator) => { table.selectId(creator.id); rosterChanged(); },
    onDeleted: (id) => { if (id != null) table.uncheck(id); table.clearSelection(); rosterChanged(); table.focus(); },
    onClosed: () => table.focus(),
  });

  const followSelection = debounce((id) => { if (id !== null && panel.isViewing()) panel.showCreator(id); }, 120);

  const table = new RosterTable({
    onOpen: (id) => panel.showCreator(id),
    onSelect: (id) => followSelection(id),
    onTotal: (total) => {
      mount(count, total === null ? t('roster.loading') : tn('roster.count', total));
      if (total !== null && pendingScroll) { table.scrollTo(pendingScroll); pendingScroll = 0; }
    },
    onSort: (sort) => toolbar.sortBy(sort),
    onChecked: (ids) => showSelection(ids),
    renderEmpty,
  });

  // Ticked rows bring a selection bar: "12 selected", Add to campaign…, Clear selection.
  const selectionText = h('span', { class: 'selection-count', id: 'selection-count', 'aria-live': 'polite' });
  const selectionBar = h('div', { class: 'selection-bar', id: 'selection-bar', hidden: true },
    selectionText,
    h('button', { type: 'button', class: 'btn btn-primary btn-small', id: 'add-selected-to-campaign', 'data-changes': true, onclick: () => addSelected() }, icon(ICONS.plus, 12), t('roster.select.addToCampaign')),
    h('button', { type: 'button', class: 'btn btn-ghost btn-small', id: 'clear-selection', onclick: () => { table.setChecked([]); table.focus(); } }, t('roster.select.clear')));

  function showSelection(ids) {
    selectionBar.hidden = ids.length === 0;
    mount(selectionText, ids.length ? tn('roster.select.count', ids.length) : '');
  }

  function addSelected() {
    const ids = [...table.checked];
    if (ids.length) openAddToCampaign({ creatorIds: ids, onAdded: () => { table.setChecked([]); panel.refreshViewed(); } });
  }

  function renderEmpty() {
    if (toolbar.isFiltered()) {
      return h('div', { class: 'empty-state' },
        h('h2', null, t('roster.empty.filtered.title')),
        h('p', null, t('roster.empty.filtered.body')),
        h('button', { type: 'button', class: 'btn', onclick: () => toolbar.clear() }, t('roster.clearFilters')));
    }
    return h('div', { class: 'empty-state' },
      h('h2', null, t('roster.empty.none.title')),
      h('p', null, t('roster.empty.none.body')),
      h('div', { class: 'button-row' },
        h('button', { type: 'button', class: 'btn btn-primary', 'data-changes': true, onclick: () => panel.newCreator() }, t('roster.new')),
        h('button', { type: 'button', class: 'btn', 'data-changes': true, onclick: () => importCsv() }, t('roster.import'))));
  }

  async function exportCsv() {
    const { offset, limit, ...query } = /** @type {any} */ (toolbar.query());
    const dialect = await chooseExportDialect();
    if (!dialect) return;
    const report = await api.exportRoster(query, dialect).catch((err) => { toastError(err); return null; });
    if (report) toast(tn('roster.exported', report.rows, { path: report.path }), { kind: 'success' });
  }

  function importCsv() {
    openImportDialog({
      onImported: (report) => {
        // What came in is on view: no earlier search or filter hides it, the latest first.
        if (report.created + report.updated > 0) toolbar.showLatest();
        rosterChanged();
      },
    });
  }

  toolbar.el.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && /** @type {HTMLElement} */ (e.target).id === 'search') {
      e.preventDefault();
      table.focus();
      if (table.selectedIndex < 0) table.select(0);
    }
  });

  const onRoster = () => table.refresh();
  const onExternal = () => panel.refreshViewed();
  session.events.addEventListener('roster', onRoster);
  session.events.addEventListener('external', onExternal);

  const el = h('section', { class: 'screen roster-screen', 'aria-labelledby': 'roster-title' },
    h('header', { class: 'screen-header' },
      h('h1', { id: 'roster-title' }, t('roster.title')),
      h('div', { class: 'header-actions' },
        h('button', { type: 'button', id: 'import-csv', class: 'btn', 'data-changes': true, onclick: importCsv }, icon(ICONS.upload, 14), t('roster.import')),
        h('button', { type: 'button', id: 'export-csv', class: 'btn', onclick: () => { exportCsv(); } }, icon(ICONS.download, 14), t('roster.export')),
        h('button', { type: 'button', id: 'new-creator', class: 'btn btn-primary', 'data-changes': true, title: t('roster.new.shortcut'), onclick: () => panel.newCreator() },
          icon(ICONS.plus, 14), t('roster.new')))),
    toolbar.el,
    h('div', { class: 'roster-meta' }, count, toolbar.clearBtn, selectionBar, toolbar.sortEl),
    h('div', { class: 'roster-body' }, table.el, panel.el));

  const initial = toolbar.query();
  table.showSort(initial.sort, initial.descending);
  table.setQuery(initial);
  if (saved?.checked?.length) table.setChecked(saved.checked);
  if (params?.creatorId != null) {
    table.selectId(params.creatorId);
    panel.showCreator(params.creatorId);
  } else {
    if (saved?.selectedId != null) table.selectId(saved.selectedId);
    if (saved?.panel) panel.restore(saved.panel);
  }

  return {
    el,
    focusSearch: () => toolbar.focusSearch(),
    newCreator: () => panel.newCreator(),
    /** `navigate('roster', { creatorId })` while the roster is on view: that creator's panel. */
    show: (next) => { if (next?.creatorId == null) return false; table.selectId(next.creatorId); panel.showCreator(next.creatorId); return true; },
    /** Esc outside a dialog: closes an open "Log contact" form, else the panel (asking first if
     * a form has unsaved changes). */
    escape: () => panel.escape() || (panel.isOpen() ? (panel.close(), true) : false),
    /** ↓ from the search box goes to the table. */
    focusTable: () => table.focus(),
    /** The query, scroll position, current and ticked rows and panel (with any unsaved form input). */
    snapshot: () => ({ query: toolbar.query(), scrollTop: table.scroller.scrollTop, selectedId: table.selectedId, checked: [...table.checked], panel: panel.snapshot() }),
    dispose: () => { toolbar.dispose(); panel.dispose(); session.events.removeEventListener('roster', onRoster); session.events.removeEventListener('external', onExternal); },
  };
}
