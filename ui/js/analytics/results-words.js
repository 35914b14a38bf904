// @ts-check
//! How the results screens write the core's figures: a rate held in basis points as a percent in
//! the window's spelling (340 → "3.40%" / "3,40%", written from the integer, never a float), a
//! figure the core could not give as its reason ("not enough data: the reach is not known"),
//! counts by their names. No arithmetic on figures here: the core computes, this words.

import { t, fmt } from '../shared/i18n.js';

/** The counts a post's results hold, in the grid's order (and the core's field names). */
export const COUNTS = ['views', 'reach', 'impressions', 'likes', 'comments', 'shares', 'saves', 'link_clicks', 'profile_follows'];

/** Basis points as a percent with two decimals: 340 → "3.40%" (en) / "3,40%" (nl). @param {number} bp */
export function percent(bp) {
  const sign = bp < 0 ? '-' : '';
  const whole = Math.trunc(Math.abs(bp) / 100);
  const cents = String(Math.abs(bp) % 100).padStart(2, '0');
  return `${sign}${fmt.figures(`${whole}.${cents}`)}%`;
}

/**
 * A figure the core gave as `{ value }` or `{ not_enough_data: { reason } }`: the value written by
 * `write`, or the short "not enough data" words (the reason in full by `lackingText`).
 * @template T @param {any} figure @param {(value: T) => string} write
 */
export function figureText(figure, write) {
  if (figure && 'value' in figure) return write(figure.value);
  return t('results.lacking.short');
}

/** A rate figure as a percent, or "not enough data". @param {any} figure */
export const rateText = (figure) => figureText(figure, (/** @type {{ basis_points: number }} */ r) => percent(r.basis_points));

/** Why a figure could not be given, in a sentence. @param {any} figure */
export function lackingText(figure) {
  const reason = figure?.not_enough_data?.reason;
  if (!reason) return '';
  const count = reason.count ? t(`results.count.${reason.count}`) : '';
  return t(`results.lacking.${reason.code}`, { count });
}

/** The engagement basis in words: "by followers". @param {string} basis */
export const basisText = (basis) => t(`results.basis.${basis}`);
