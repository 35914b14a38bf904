//! The Today screen (route `today`, the first screen of a workspace): what needs doing now, in
//! this workspace or across every recent client. "This workspace" shows the six sections of
//! today-sections.js (each with its total; an empty one is a calm line; nothing at all is said
//! kindly, with a next step) and offers the whole calendar as an .ics file. "All clients"
//! shows each recent workspace in its own group under its brand name, never mixed; a client
//! whose file is missing, damaged or from an older Chorus gets a line that says so. An item
//! opens the campaign at the collaboration (switching workspace first for another client).
//! The view reads again when the workspace changes elsewhere or when the window comes back.
//! ↑/↓, Home and End move between the items of every section (today-sections.js).
//!
//! `todayScreen(previous, params)`: `previous` is `snapshot()` (the mode and scroll);
//! `params.mode` ('here' | 'all') picks the mode.

import * as api from '../api.js';
import { h, icon, ICONS, mount, baseName } from '../shared/dom.js';
import { t, tn, fmt } from '../shared/i18n.js';
import { session } from '../shared/session.js';
import { navigate } from '../shared/nav.js';
import { errorText } from '../shared/errors.js';
import { loadCampaignVocabulary } from '../campaigns/campaign-vocab.js';
import { SECTIONS, todaySection, totalOf, itemKeys, focusedItem, refocus } from './today-sections.js';
import { toast, toastError } from '../shared/toast.js';

/**
 * @param {{ mode?: 'here'|'all', scrollTop?: number } | null} [previous]
 * @param {{ mode?: 'here'|'all' }} [params]
 */
export function todayScreen(previous = null, params = {}) {
  let mode = params?.mode ?? previous?.mode ?? 'here';
  let seq = 0;
  let disposed = false;
  let pendingScroll = previous?.scrollTop ?? 0;

  const dateLine = h('p', { class: 'today-date-line muted' });
  const body = h('div', { class: 'today-body', 'aria-live': 'polite', 'aria-busy': 'true', onkeydown: (e) => itemKeys(e, body) });
  const scroller = h('div', { class: 'screen-scroll today-scroll' }, body);
  const modeBtn = (value, key) => h('button', {
    type: 'button', id: `today-mode-${value}`, class: 'seg-btn', 'aria-pressed': String(mode === value),
    onclick: () => setMode(value),
  }, t(key));
  const modes = h('div', { class: 'seg', role: 'group', 'aria-label': t('today.mode.label') },
    modeBtn('here', 'today.mode.here'), modeBtn('all', 'today.mode.all'));
  const exportBtn = h('button', { type: 'button', id: 'today-export-ics', class: 'btn', onclick: () => exportIcs(), title: t('today.export.hint') },
    icon(ICONS.download, 14), t('today.export'));
  const el = h('section', { class: 'screen today-screen', 'aria-labelledby': 'today-title' },
    h('header', { class: 'screen-header' },
      h('div', { class: 'today-heading' },
        h('h1', { id: 'today-title' }, t('today.title')),
        dateLine),
      h('div', { class: 'header-actions' }, modes, exportBtn)),
    scroller);

  function setMode(next) {
    if (next === mode) return;
    mode = next;
    for (const b of modes.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.id === `today-mode-${mode}`));
    pendingScroll = 0;
    load(true);
  }

  /** Reads the view again; `fresh` shows the loading line first (a new mode), else the old
   * view stays until the new one arrives. */
  async function load(fresh = false) {
    const mine = ++seq;
    exportBtn.hidden = mode !== 'here';
    body.setAttribute('aria-busy', 'true');
    if (fresh || !body.firstChild) mount(body, h('p', { class: 'muted today-loading' }, t(mode === 'here' ? 'today.loading' : 'today.loading.all')));
    try {
      await loadCampaignVocabulary();
      const here = mode === 'here';
      const data = here ? await api.todayView() : await api.todayAcross();
      if (mine !== seq || disposed) return;
      const focused = focusedItem(body); // the item keeps the keyboard focus through a re-read
      if (here) renderHere(data); else renderAll(data);
      refocus(body, focused);
      if (pendingScroll) { scroller.scrollTop = pendingScroll; pendingScroll = 0; }
    } catch (err) {
      if (mine !== seq || disposed) return;
      mount(body, h('div', { class: 'empty-state' }, h('h2', null, t('today.failed.title')), h('p', null, errorText(err)),
        h('button', { type: 'button', class: 'btn', onclick: () => load(true) }, t('today.retry'))));
    } finally {
      if (mine === seq) body.removeAttribute('aria-busy');
    }
  }

  /** @param {import('../api.js').Today} view */
  function renderHere(view) {
    mount(dateLine, fmt.date(view.date));
    if (!totalOf(view)) {
      mount(body, allClear(t('today.clear.body')));
      return;
    }
    mount(body, h('p', { class: 'today-summary' }, tn('today.summary', totalOf(view))),
      h('div', { class: 'today-sections' }, ...SECTIONS.map((s) => todaySection(s, view))));
  }

  /** @param {import('../api.js').ClientToday[]} clients */
  function renderAll(clients) {
    const date = clients.find((c) => c.today)?.today?.date;
    mount(dateLine, date ? fmt.date(date) : '');
    if (!clients.length) {
      mount(body, h('div', { class: 'empty-state' }, h('h2', null, t('today.all.none.title')), h('p', null, t('today.all.none.body'))));
      return;
    }
    const open = clients.reduce((sum, c) => sum + (c.today ? totalOf(c.today) : 0), 0);
    mount(body, h('p', { class: 'today-summary' }, tn('today.all.summary', clients.length, { items: tn('today.items', open) })),
      h('div', { class: 'today-clients' }, ...clients.map((c, i) => clientGroup(c, i))));
  }

  /** One client's group: its brand, then its sections, or the line saying why there are none. */
  function clientGroup(c, index) {
    const current = c.path === session.workspace?.path;
    const brand = c.brand_name || baseName(c.path);
    const prefix = `client-${index}`;
    const head = h('header', { class: 'client-head' },
      h('span', { class: 'ws-avatar client-avatar', 'aria-hidden': 'true' }, brand.trim().charAt(0).toUpperCase() || '?'),
      h('h2', { class: 'client-name', id: `${prefix}-name`, title: c.path }, brand),
      current ? h('span', { class: 'badge badge-quiet' }, t('today.client.current')) : null,
      c.today && totalOf(c.today) ? h('span', { class: 'today-count' }, fmt.number(totalOf(c.today))) : null);
    let content;
    if (c.needs_update) {
      content = problemLine(t('today.client.needsUpdate'), () => navigate('today', { mode: 'here' }, { workspacePath: c.path }), t('today.client.openToUpdate'));
    } else if (c.error) {
      content = problemLine(c.error.kind === 'workspace_missing' ? t('today.client.missing', { path: c.path }) : errorText(c.error), null, null);
    } else if (c.today && totalOf(c.today)) {
      const client = { path: c.path, brand };
      content = h('div', { class: 'today-sections' }, ...SECTIONS.map((s) => todaySection(s, c.today, { client, prefix, hideEmpty: true })));
    } else {
      content = h('p', { class: 'today-calm client-calm' },
        h('span', { class: 'today-calm-mark', 'aria-hidden': 'true' }, icon(['M3.5 8.5l3 3 6-7'], 13)),
        h('span', { class: 'muted' }, t('today.client.clear')));
    }
    return h('section', { class: ['client-group', current && 'current'], 'data-client': brand, 'aria-labelledby': `${prefix}-name` }, head, content);
  }

  function problemLine(text, action, actionLabel) {
    return h('p', { class: 'client-problem', role: 'note' },
      icon(ICONS.warning, 14), h('span', null, text),
      action ? h('button', { type: 'button', class: 'btn btn-small', onclick: action }, actionLabel) : null);
  }

  /** Nothing to do: said kindly, with where to go next. */
  function allClear(bodyText) {
    return h('div', { class: 'empty-state today-clear', id: 'today-clear' },
      h('span', { class: 'today-clear-mark', 'aria-hidden': 'true' }, icon(['M3.5 8.5l3 3 6-7'], 22)),
      h('h2', null, t('today.clear.title')),
      h('p', null, bodyText),
      h('div', { class: 'button-row' },
        h('button', { type: 'button', class: 'btn btn-primary', onclick: () => navigate('campaigns') }, t('today.clear.campaigns')),
        h('button', { type: 'button', class: 'btn', onclick: () => navigate('roster') }, t('today.clear.creators'))));
  }

  async function exportIcs() {
    exportBtn.disabled = true;
    try {
      const report = await api.exportCalendarAll();
      if (report) toast(tn('today.exported', report.rows, { path: report.path }), { kind: 'success' });
    } catch (err) {
      toastError(err);
    } finally {
      exportBtn.disabled = false;
    }
  }

  // Another process changed this workspace, or creators were edited here: read again.
  const onChange = () => load();
  session.events.addEventListener('external', onChange);
  session.events.addEventListener('roster', onChange);
  // Back to the window (perhaps on another day, or after the CLI wrote another client's file).
  const onFocus = () => { if (!document.hidden) load(); };
  window.addEventListener('focus', onFocus);

  load(true);

  return {
    el,
    /** `navigate('today', { mode })` while Today is on view. */
    show: (p) => { if (!p?.mode) return false; setMode(p.mode); return true; },
    snapshot: () => ({ mode, scrollTop: scroller.scrollTop }),
    dispose: () => {
      disposed = true;
      seq += 1;
      session.events.removeEventListener('external', onChange);
      session.events.removeEventListener('roster', onChange);
      window.removeEventListener('focus', onFocus);
    },
  };
}
