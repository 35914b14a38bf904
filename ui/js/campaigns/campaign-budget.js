//! The budget strip of a campaign: planned, committed, spent and remaining (the back end's
//! sums, formatted here), a bar of committed and spent against the plan, and the sentence that
//! says how each figure is made (`campaign.budget.formula`, the translation of the core's
//! BUDGET_FORMULA; a test keeps the English one equal to it).

import { h } from '../shared/dom.js';
import { t, fmt } from '../shared/i18n.js';

/** Share of `part` in `whole` for a bar's width (display only), 0–100. */
const share = (part, whole) => (whole > 0 ? Math.max(0, Math.min(100, (part / whole) * 100)) : 0);

/** @param {import('../api.js').Budget} b */
export function budgetStrip(b) {
  const money = (m) => fmt.money(m.minor, m.currency);
  const over = b.remaining.minor < 0;
  const figure = (key, m, extra) => h('div', { class: ['budget-figure', extra], id: `budget-${key}` },
    h('span', { class: 'budget-label' }, t(`budget.${key}`)),
    h('span', { class: 'budget-value num' }, money(m)));
  const planned = b.planned.minor;
  const scale = Math.max(planned, b.committed.minor, b.spent.minor);
  return h('section', { class: 'budget', 'aria-label': t('budget.label') },
    h('div', { class: 'budget-figures' },
      figure('planned', b.planned),
      figure('committed', b.committed),
      figure('spent', b.spent),
      figure('remaining', b.remaining, over ? 'is-over' : null)),
    h('div', { class: 'budget-bar', role: 'img', 'aria-label': t('budget.bar', { committed: money(b.committed), spent: money(b.spent), planned: money(b.planned) }) },
      h('span', { class: 'bar-committed', style: { width: `${share(b.committed.minor, scale)}%` } }),
      h('span', { class: 'bar-spent', style: { width: `${share(b.spent.minor, scale)}%` } }),
      planned > 0 && scale > planned ? h('span', { class: 'bar-plan-mark', style: { left: `${share(planned, scale)}%` } }) : null),
    h('details', { class: 'budget-formula' },
      h('summary', null, t('budget.how')),
      h('p', { class: 'muted', id: 'budget-formula' }, t('campaign.budget.formula')),
      h('p', { class: 'muted small', id: 'budget-split' }, t('budget.split', { fees: money(b.spent_fees), gifts: money(b.spent_gifts), commissions: money(b.spent_commissions) }))));
}
