//! The campaign lists (goals, collaboration types and statuses, deliverable and gift statuses,
//! kinds of contact) as the core defines them, loaded once per window, and their names in the
//! display language (`campaign.<list>.<value>` in the catalogues). Also today's date as the
//! back end reads due dates, so "overdue" in the window means what it means in the core.

import * as api from '../api.js';
import { t, hasKey } from '../shared/i18n.js';

/** @type {import('../api.js').CampaignVocabulary | null} */
let vocab = null;
let loading = null;

/** Loads the lists (once; again after `day` changed). @returns {Promise<import('../api.js').CampaignVocabulary>} */
export function loadCampaignVocabulary() {
  if (vocab) return Promise.resolve(vocab);
  loading ??= api.campaignVocabulary().then((v) => { vocab = v; loading = null; return v; }, (err) => { loading = null; throw err; });
  return loading;
}

/** The lists, once loaded. */
export const campaignVocab = () => vocab;

/** Today, `YYYY-MM-DD`, on this computer's clock. */
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The name of a stored value in the display language.
 * @param {'goals'|'collaboration_kinds'|'collaboration_statuses'|'deliverable_statuses'|'shipment_statuses'|'touchpoint_kinds'} list
 * @param {string} value
 */
export function campaignLabel(list, value) {
  const key = `campaign.${list}.${value}`;
  return hasKey(key) ? t(key) : String(value ?? '');
}

/** `[value, label]` pairs of a list, for a select. */
export const campaignChoices = (list) => (vocab?.[list] ?? []).map((v) => [v, campaignLabel(list, v)]);
