//! What the sales screens say about orders and commission lines, in the window's language:
//! an order's attribution and its reason, a line's status, kind and level, the rate, the rule
//! and the explanation of how a commission was made (from its code and parameters, with the
//! core's English sentence when the catalogue has no words for a code), and amounts per
//! currency. Amounts are only ever formatted here (fmt.money), never computed.

import { h } from '../shared/dom.js';
import { t, tn, fmt, hasKey } from '../shared/i18n.js';
import { session } from '../shared/session.js';

/** @param {import('../api.js').Money} m */
export const money = (m) => fmt.money(m.minor, m.currency);

/** Amounts in several currencies, `€ 12,50 + $ 3,00`; a dash for none. @param {import('../api.js').Money[]} list */
export const amounts = (list) => (list && list.length ? list.map(money).join(' + ') : '—');

/** The reason an order is (not) attributed, in words. */
export const reasonText = (reason) => (hasKey(`sales.reason.${reason}`) ? t(`sales.reason.${reason}`) : t('sales.reason.other'));

/** `12.5%` from basis points, in the window's spelling. */
export function rateText(bp) {
  if (bp === null || bp === undefined) return '—';
  const whole = Math.trunc(bp / 100);
  const rest = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return `${fmt.plain(rest ? `${whole}.${rest}` : String(whole))}%`;
}

/** A line's status as a badge. */
export const statusBadge = (status) => h('span', { class: ['badge', 'status', `lstatus-${status}`] }, t(`commissions.status.${status}`));

/** An order's attribution as a badge and its words. @param {import('../api.js').OrderRow} o */
export function attributionCell(o) {
  if (o.attributed_to) {
    return h('span', { class: 'sales-attribution' },
      h('span', { class: 'sales-creator' }, o.attributed_to.creator_name),
      h('span', { class: 'muted' }, ` · ${o.attributed_to.campaign_name}`),
      o.manual ? h('span', { class: 'badge badge-quiet' }, t('sales.byHand')) : null);
  }
  if (o.attribution === 'review') return h('span', { class: 'badge status astatus-review' }, t('sales.reviewQueue'));
  return h('span', { class: 'sales-attribution' },
    h('span', { class: 'badge status astatus-unattributed' }, t('sales.unattributed')),
    h('span', { class: 'muted' }, ` ${reasonText(o.reason)}`));
}

/** How one line was made, in a sentence of the window's language. @param {import('../api.js').LineRow} l */
export function explanationText(l) {
  const key = `commissions.explanation.${l.explanation_code}`;
  if (!hasKey(key)) return l.explanation;
  const a = l.explanation_amounts || {};
  const shown = (name) => (a[name] ? money(a[name]) : '');
  return t(key, {
    amount: shown('amount') || money(l.amount),
    base: shown('base') || money(l.base),
    rate: rateText(l.rate_bp),
    month_base: shown('month_base'),
    tier_from: shown('tier_from'),
  });
}

/** The rule that applied, with its level. @param {import('../api.js').LineRow} l */
export function ruleText(l) {
  const level = hasKey(`commissions.level.${l.rule_level}`) ? t(`commissions.level.${l.rule_level}`) : l.rule_level;
  return t('commissions.ruleAt', { rule: ruleWords(l), level });
}

/** A stored rule in words: the simple ones in the window's language, the rest as the core says it. */
function ruleWords(l) {
  return ruleInWords(l.rule, l.rule_text);
}

/**
 * A rule's stable form (`percent:1000`, `flat:EUR:500`) in the window's language; `english`
 * (the core's words) for a rule with more to it (tiers, per-SKU rates).
 * @param {string} machine @param {string} english
 */
export function ruleInWords(machine, english) {
  const l = { rule: machine, rule_text: english };
  const percent = /^percent:(\d+)( first_order_only)?$/.exec(l.rule);
  if (percent) return t(percent[2] ? 'commissions.rule.percentFirst' : 'commissions.rule.percent', { rate: rateText(Number(percent[1])) });
  const flat = /^flat:([A-Z]{3}):(-?\d+)$/.exec(l.rule);
  if (flat) return t('commissions.rule.flat', { amount: fmt.money(flat[2], flat[1]) });
  return l.rule_text;
}

/** A line's kind and why it was booked. @param {import('../api.js').LineRow} l */
export function kindText(l) {
  const kind = hasKey(`commissions.kind.${l.kind}`) ? t(`commissions.kind.${l.kind}`) : l.kind;
  const why = hasKey(`commissions.why.${l.reason}`) ? t(`commissions.why.${l.reason}`) : null;
  return why ? `${kind} · ${why}` : kind;
}

/** Totals by status as a row of figures. @param {import('../api.js').StatusTotal[]} totals @param {string} id */
export function statusTotals(totals, id) {
  const statuses = ['pending', 'approved', 'paid', 'rejected'];
  return h('dl', { class: 'status-totals', id },
    ...statuses.map((status) => {
      const of = totals.filter((x) => x.status === status);
      return h('div', { class: ['status-total', `total-${status}`] },
        h('dt', null, t(`commissions.status.${status}`)),
        h('dd', { class: 'num', id: `${id}-${status}` }, of.length ? of.map((x) => money(x.amount)).join(' + ') : fmt.money(0, totals[0]?.amount.currency ?? session.workspace?.currency ?? 'EUR')),
        h('dd', { class: 'muted status-total-count' }, of.length ? tn('commissions.lineCount', of.reduce((n, x) => n + x.lines, 0)) : ''));
    }));
}

/** A filter chosen elsewhere (a creator, a campaign) as a chip with its remove button. */
export const filterChip = (label, onRemove, id) => h('span', { class: 'chip', id }, h('span', null, label),
  h('button', { type: 'button', class: 'chip-remove', 'aria-label': t('sales.filter.remove', { filter: label }), onclick: onRemove }, '×'));
