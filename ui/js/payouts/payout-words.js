//! What the Payouts screen says about runs and creators, in the window's language: a run's
//! state and a creator's standing as badges, why someone is carried or blocked (from the
//! reason's code), how they are paid, and what a money audit entry did. Amounts are only ever
//! formatted here (fmt.money), never computed.

import { h } from '../shared/dom.js';
import { t, fmt, hasKey } from '../shared/i18n.js';
import { groupIban } from '../roster/creator-detail.js';

/** Minor units in the run's currency. @param {number} minor @param {string} currency */
export const amount = (minor, currency) => fmt.money(minor, currency);

/** Where a run stands: a draft, finalised and waiting for (some of) its payments, or paid
 * to everyone it pays. @param {import('../api.js').RunSummary} r */
export const runStanding = (r) => (r.state === 'draft' ? 'draft' : r.paid >= r.payable ? 'paid' : 'finalised');

/** A run's standing as a badge. @param {import('../api.js').RunSummary} r */
export const runBadge = (r) => h('span', { class: ['badge', `run-${runStanding(r)}`], id: `run-badge-${r.id}` }, t(`payouts.state.${runStanding(r)}`));

/** Where a creator stands in a run: payable (or paid, once recorded), carried or blocked.
 * @param {import('../api.js').RunCreator} c */
export function standingBadge(c) {
  const standing = c.paid_on ? 'paid' : c.outcome;
  return h('span', { class: ['badge', `standing-${standing}`] }, t(`payouts.standing.${standing}`));
}

/** Why a creator is carried or blocked, in words; the core's sentence for a code the
 * catalogue does not know. @param {import('../api.js').RunCreator} c @param {string} currency
 * @param {number} minimum */
export function reasonWords(c, currency, minimum) {
  if (c.outcome === 'payable') return '';
  const key = `payouts.reason.${c.reason_code}`;
  if (hasKey(key)) return t(key, { minimum: amount(minimum, currency) });
  return c.reason;
}

/** How and where the creator is paid: `PayPal · anna@example.nl`, `Bank · NL91 ABNA …`. */
export function destinationText(c) {
  if (!c.method || c.method === 'none') return t('payouts.method.none');
  const where = c.method === 'bank' && c.destination ? groupIban(c.destination) : c.destination;
  return where ? `${t(`payouts.method.${c.method}`)} · ${where}` : t(`payouts.method.${c.method}`);
}

/** What a money audit entry did, in words. @param {import('../api.js').MoneyLogEntry} e */
export function logAction(e) {
  const key = `payouts.log.action.${e.entity}.${e.action}`;
  return hasKey(key) ? t(key) : t('payouts.log.action.other');
}

/** Who made an entry: the window, the command line, an import, the demo. */
export const actorWords = (actor) => (hasKey(`payouts.log.actor.${actor}`) ? t(`payouts.log.actor.${actor}`) : actor);

/** A run named as people say it: `Run 4 · up to 30 Nov 2026`. @param {import('../api.js').RunSummary} r */
export const runName = (r) => t('payouts.run.name', { id: fmt.number(r.id), date: fmt.date(r.cutoff) });
