//! One creator, read-only, for the panel: name, tier and stage; the follower sparkline;
//! handles with their profile URLs (shown as text, never followed); niches and tags;
//! contact (with the postal address gifts go to); the campaign side (`actions.side`: history,
//! gifts, totals, outreach log); rate card; payout details (IBAN in groups of four);
//! authenticity signals (each with its reason) and the person's own score; notes; dates. Under
//! the sparkline, the follower growth chart with the posts marked. Buttons hand back to the panel through `onEdit`,
//! `onAddToCampaign`, `onDelete`, `onClose`. Delete starts hidden: the panel shows it once the
//! creator's history says they are in no campaign (one with history is never deleted).

import * as api from '../api.js';
import { h, icon, ICONS } from '../shared/dom.js';
import { t, tn, fmt } from '../shared/i18n.js';
import { label } from '../shared/session.js';
import { countryName } from '../shared/country-picker.js';
import { platformBadge, tierBadge, stageBadge, chip, atHandle } from '../shared/badges.js';
import { sparkline } from '../shared/sparkline.js';
import { toastError } from '../shared/toast.js';
import { rateText } from '../sales/sales-words.js';
import { chartCard } from '../analytics/charts-tab.js';
import { resultsCharts } from '../analytics/results-charts.js';

/**
 * @param {import('../api.js').Creator} c
 * @param {{ onEdit: () => void, onAddToCampaign: () => void, onDelete: () => void, onClose: () => void, side?: HTMLElement }} actions
 */
export function creatorDetail(c, actions) {
  const place = [c.city, countryName(c.country)].filter(Boolean).join(', ');
  return h('div', { class: 'detail', 'data-creator-id': c.id },
    h('header', { class: 'panel-header' },
      h('div', { class: 'panel-title-row' },
        h('h2', { id: 'detail-name', class: 'panel-title', tabindex: -1 }, c.display_name),
        h('button', { type: 'button', class: 'icon-btn', id: 'close-panel', 'aria-label': t('common.close'), title: t('common.closeEsc'), onclick: actions.onClose }, icon(ICONS.close))),
      h('div', { class: 'panel-badges' }, tierBadge(c.tier), stageBadge(c.stage),
        h('span', { class: 'muted' }, tn('detail.followers', c.max_followers)),
        place ? h('span', { class: 'muted' }, place) : null),
      h('div', { class: 'button-row' },
        h('button', { type: 'button', id: 'edit-creator', class: 'btn', 'data-changes': true, onclick: actions.onEdit }, icon(ICONS.edit, 14), t('common.edit')),
        h('button', { type: 'button', id: 'add-creator-to-campaign', class: 'btn', 'data-changes': true, onclick: actions.onAddToCampaign }, icon(ICONS.plus, 14), t('roster.select.addToCampaign')),
        h('button', { type: 'button', id: 'delete-creator', class: 'btn btn-danger-quiet', 'data-changes': true, hidden: true, onclick: actions.onDelete }, icon(ICONS.trash, 14), t('common.delete')))),
    h('div', { class: 'panel-body' },
      section('detail.history', sparkline(c.follower_history)),
      growthChart(c.id),
      section('detail.handles', handleList(c.handles)),
      (c.niches.length || c.tags.length) ? section('detail.niches',
        h('div', { class: 'chips' }, ...c.niches.map((n) => chip(n)), ...c.tags.map((tag) => chip(`#${tag}`, 'chip-tag')))) : null,
      section('detail.contact', facts([
        ['detail.email', c.email], ['detail.phone', c.phone], ['detail.manager', c.manager],
        ['detail.language', c.language],
        ['detail.postalAddress', c.postal_address, 'address'],
      ])),
      actions.side ?? null,
      section('detail.rates', c.rates.length
        ? h('table', { class: 'mini-table' },
          h('tbody', null, ...c.rates.map((r) => h('tr', null, h('th', { scope: 'row' }, label('formats', r.format)), h('td', { class: 'num' }, fmt.money(r.amount.minor, r.amount.currency))))))
        : h('p', { class: 'muted' }, t('detail.rates.none'))),
      section('detail.payout', facts([
        ['detail.payoutMethod', label('payout_methods', c.payout_method)],
        ['detail.paypal', c.paypal_email],
        ['detail.iban', c.iban ? groupIban(c.iban) : '', 'mono'],
        ['detail.accountHolder', c.account_holder],
        ['detail.vat', c.vat_status === 'none' ? '' : t(`form.vat_status.${c.vat_status}`)],
        ['detail.vatNumber', c.vat_status === 'none' ? '' : c.vat_number, 'mono'],
        ['detail.vatRate', c.vat_status === 'registered' ? rateText(c.vat_rate_bp) : ''],
        ['detail.billingAddress', c.billing_address, 'address'],
      ])),
      signalsSection(c.id),
      section('detail.authenticity', h('div', { class: 'authenticity' },
        c.authenticity_score ? h('div', { class: 'score', role: 'img', 'aria-label': t('detail.score', { score: c.authenticity_score }) },
          ...[1, 2, 3, 4, 5].map((n) => h('span', { class: ['score-pip', n <= c.authenticity_score && 'on'], 'aria-hidden': 'true' })),
          h('span', { class: 'score-text', 'aria-hidden': 'true' }, t('detail.score', { score: c.authenticity_score })))
          : h('p', { class: 'muted' }, t('detail.score.none')),
        c.authenticity_notes ? h('p', { class: 'prose' }, c.authenticity_notes) : null)),
      c.notes ? section('detail.notes', h('p', { class: 'prose' }, c.notes)) : null,
      h('footer', { class: 'detail-dates muted' },
        h('span', null, t('detail.created', { date: fmt.dateTime(c.created_at) })),
        h('span', null, t('detail.updated', { date: fmt.dateTime(c.updated_at) })))));
}

/**
 * The creator's authenticity signals, each with its reason and the numbers behind it (a follower
 * jump with no post, engagement far below the tier, …), read once the panel shows; nothing when
 * there are none.
 * @param {number} creatorId
 */
function signalsSection(creatorId) {
  const el = h('section', { class: 'detail-section signals', id: 'detail-signals', hidden: true, 'aria-labelledby': 'detail-signals-title' });
  api.creatorFlags(creatorId).then((found) => {
    if (!found.length) return;
    el.append(h('h3', { class: 'section-title', id: 'detail-signals-title' }, t('signals.title')),
      h('ul', { class: 'signal-list' }, ...found.map((s) => h('li', { class: 'signal', id: `signal-${s.flag.kind}-${s.platform}` },
        h('span', { class: 'signal-label' }, h('span', { class: 'signal-flag', 'aria-hidden': 'true' }, '⚑'), ' ', s.flag.label,
          h('span', { class: 'muted' }, ` · ${atHandle(s.handle, s.platform)}`)),
        h('p', { class: 'signal-reason' }, s.flag.reason)))),
      h('p', { class: 'muted field-hint' }, t('signals.about')));
    el.hidden = false;
  }, () => {});
  return el;
}

/** The creator's followers per handle over time with their posts marked, drawn by the core. @param {number} creatorId */
function growthChart(creatorId) {
  const [source] = resultsCharts(['growth'], { creator: creatorId });
  const card = chartCard(source);
  requestAnimationFrame(() => { if (card.el.isConnected) card.draw(true); });
  return h('section', { class: 'detail-section detail-growth' }, card.el);
}

function section(titleKey, ...content) {
  return h('section', { class: 'detail-section' }, h('h3', { class: 'section-title' }, t(titleKey)), ...content);
}

function handleList(handles) {
  if (!handles.length) return h('p', { class: 'muted' }, t('detail.handles.none'));
  return h('ul', { class: 'handle-list' }, ...handles.map((hd) => h('li', { class: 'handle-item' },
    platformBadge(hd.platform),
    h('div', { class: 'handle-main' },
      h('span', { class: 'handle-name' }, atHandle(hd.handle, hd.platform)),
      hd.profile_url ? h('button', {
        type: 'button', class: 'url link-button', title: t('detail.handle.open'),
        onclick: () => api.openProfile(hd.profile_url).catch(toastError),
      }, hd.profile_url) : null),
    h('span', { class: 'num handle-followers', title: t('detail.handle.followers') }, fmt.number(hd.followers)))));
}

/** A definition list of [labelKey, value, class?]; empty values show as a dash. */
function facts(rows) {
  return h('dl', { class: 'facts' }, ...rows.flatMap(([key, value, cls]) => [
    h('dt', null, t(key)),
    h('dd', { class: [cls, !value && 'muted'] }, value || '–'),
  ]));
}

/** NL91ABNA0417164300 → "NL91 ABNA 0417 1643 00". */
export function groupIban(iban) {
  return String(iban).replace(/\s+/g, '').toUpperCase().replace(/(.{4})/g, '$1 ').trim();
}
