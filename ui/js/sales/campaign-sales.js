//! The campaign view's Sales tab: the campaign's attributed orders, revenue and commissions by
//! status, then each collaboration's orders, revenue and commission (most revenue first); a
//! row opens that collaboration on the board. Above them, "Import affiliate list…"
//! (affiliates-import.js; not for an archived campaign); after an import `onChanged` runs (the
//! campaign view loads the campaign again, this tab with it).

import * as api from '../api.js';
import { h, mount, icon, ICONS } from '../shared/dom.js';
import { openAffiliatesImport } from './affiliates-import.js';
import { t, fmt } from '../shared/i18n.js';
import { navigate } from '../shared/nav.js';
import { errorText } from '../shared/errors.js';
import { amounts } from './sales-words.js';
import { salesSummary } from './creator-sales.js';

/**
 * @param {{ id: number, name: string, archived_on?: string|null }} campaign
 * @param {(collaborationId: number) => void} onOpen @param {() => void} [onChanged]
 */
export function campaignSalesTab(campaign, onOpen, onChanged) {
  const el = h('div', { class: 'campaign-sales', id: 'campaign-sales', 'aria-busy': 'true' }, h('p', { class: 'muted' }, t('common.loading')));
  const toolbar = campaign.archived_on ? null : h('div', { class: 'campaign-sales-actions' },
    h('button', { type: 'button', class: 'btn', id: 'affiliates-import', 'data-changes': true,
      onclick: () => openAffiliatesImport(campaign, { onImported: () => onChanged?.() }) }, icon(ICONS.upload, 14), t('affiliates.import.button')));
  api.salesOfCampaign(campaign.id).then((s) => {
    el.removeAttribute('aria-busy');
    const open = {
      orders: () => navigate('sales', { tab: 'orders', campaignId: campaign.id, campaignName: campaign.name }),
      lines: () => navigate('sales', { tab: 'commissions', campaignId: campaign.id, campaignName: campaign.name }),
    };
    mount(el, toolbar,
      h('section', { class: 'detail-section', 'aria-labelledby': 'campaign-sales-title' }, ...salesSummary(s.summary, 'campaign-sales', open)),
      s.collaborations.length
        ? h('table', { class: 'data-table sales-table', id: 'campaign-sales-table' },
          h('thead', null, h('tr', null,
            h('th', { scope: 'col' }, t('sales.col.creator')),
            h('th', { scope: 'col', class: 'num' }, t('sales.summary.orders')),
            h('th', { scope: 'col', class: 'num' }, t('sales.summary.revenue')),
            h('th', { scope: 'col', class: 'num' }, t('sales.col.commission')))),
          h('tbody', null, ...s.collaborations.map((c) => h('tr', { class: 'sales-row', tabindex: 0, id: `campaign-sales-${c.collaboration_id}`,
            onclick: () => onOpen(c.collaboration_id), onkeydown: (e) => { if (e.key === 'Enter') { e.preventDefault(); onOpen(c.collaboration_id); } } },
          h('td', null, c.creator_name),
          h('td', { class: 'num' }, fmt.number(c.orders)),
          h('td', { class: 'num' }, amounts(c.revenue)),
          h('td', { class: 'num' }, amounts(c.commission))))))
        : h('p', { class: 'muted', id: 'campaign-sales-none' }, t('sales.campaign.none')));
  }, (err) => {
    el.removeAttribute('aria-busy');
    mount(el, toolbar, h('p', { role: 'alert' }, t('sales.failed', { reason: errorText(err) })));
  });
  return el;
}
