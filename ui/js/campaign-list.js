//! The list of all campaigns (`listCampaigns`): name, goal, phase on today's date, dates,
//! budget, committed, spent, collaborations and open deliverables, newest start first as the
//! back end orders them. A row opens on click or Enter; ↑/↓ move between rows. Amounts are the
//! back end's sums, formatted here.

import { h, mount } from './dom.js';
import { t, fmt } from './i18n.js';
import { campaignLabel } from './campaign-vocab.js';

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
 */
export function campaignList(hooks) {
  const body = h('tbody');
  const table = h('table', { class: 'data-table campaign-table', id: 'campaign-table', 'aria-label': t('campaigns.title') },
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, t('campaigns.col.name')),
      h('th', { scope: 'col' }, t('campaigns.col.phase')),
      h('th', { scope: 'col' }, t('campaigns.col.dates')),
      h('th', { scope: 'col', class: 'num' }, t('campaigns.col.budget')),
      h('th', { scope: 'col', class: 'num' }, t('campaigns.col.committed')),
      h('th', { scope: 'col', class: 'num' }, t('campaigns.col.spent')),
      h('th', { scope: 'col', class: 'num' }, t('campaigns.col.collaborations')),
      h('th', { scope: 'col', class: 'num' }, t('campaigns.col.open')))),
    body);
  const empty = h('div', { class: 'empty-state', hidden: true },
    h('h2', null, t('campaigns.empty.title')),
    h('p', null, t('campaigns.empty.body')),
    h('button', { type: 'button', class: 'btn btn-primary', onclick: () => hooks.onNew() }, t('campaigns.new')));
  const el = h('div', { class: 'campaign-list-wrap' }, table, empty);

  /** @param {import('./api.js').CampaignSummary[]} rows */
  function show(rows) {
    table.hidden = rows.length === 0;
    empty.hidden = rows.length > 0;
    mount(body, ...rows.map((c) => h('tr', {
      class: 'campaign-row', tabindex: 0, 'data-id': c.id,
      onclick: () => hooks.onOpen(c.id),
      onkeydown: (e) => rowKey(e, c.id),
    },
    h('td', { class: 'cell-name' },
      h('button', { type: 'button', class: 'link-button campaign-name campaign-open', tabindex: -1, onclick: (e) => { e.stopPropagation(); hooks.onOpen(c.id); } }, c.name),
      h('div', { class: 'muted small' }, campaignLabel('goals', c.goal))),
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
    else if (e.key === 'ArrowUp') { e.preventDefault(); /** @type {HTMLElement|null} */ (row.previousElementSibling)?.focus(); }
  }

  return {
    el,
    show,
    focusRow: (id) => /** @type {HTMLElement|null} */ (body.querySelector(`[data-id="${Number(id)}"]`) || body.firstElementChild)?.focus(),
  };
}
