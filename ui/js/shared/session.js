//! What the window knows about the open workspace: its info, its vocabulary (labels for
//! platforms, stages, tiers, …) and the roster's facets. Screens read from here and listen for
//! `change` events; only main.js and the screens that change a workspace write to it.

import * as api from '../api.js';
import { t, hasKey } from './i18n.js';

export const session = {
  /** @type {import('../api.js').WorkspaceInfo | null} */
  workspace: null,
  /** @type {import('../api.js').Vocabulary | null} */
  vocab: null,
  /** @type {import('../api.js').Facets | null} */
  facets: null,
  events: new EventTarget(),
};

/**
 * Loads the vocabulary of the open workspace. The facets (counts over the whole roster, slow
 * on a big file) follow in the background and arrive as a `facets` event.
 */
export async function loadWorkspaceData(info) {
  const vocab = await api.vocabulary();
  session.workspace = info;
  session.vocab = vocab;
  session.facets = null;
  refreshFacets().catch(() => { /* the filters stay without counts; the roster works */ });
}

/** Re-reads the facets (after creators were added, edited or imported) and tells listeners. */
export async function refreshFacets() {
  const workspace = session.workspace;
  const facets = await api.rosterFacets();
  if (session.workspace !== workspace) return; // another workspace opened meanwhile
  session.facets = facets;
  session.events.dispatchEvent(new Event('facets'));
}

/** Tells listeners the roster's data changed (creators added, edited, deleted, imported). */
export function rosterChanged() {
  session.events.dispatchEvent(new Event('roster'));
  refreshFacets().catch(() => { /* the facets stay as they were; the roster itself reloads */ });
}

/**
 * Asks whether another process (the CLI, another window) wrote to the open workspace; if so,
 * the roster, the facets and the creator on view reload. Called when the window gains focus
 * and every few seconds while it is visible.
 */
export async function checkForOutsideChanges() {
  if (!session.workspace) return;
  if (await api.changedElsewhere()) {
    rosterChanged();
    session.events.dispatchEvent(new Event('external'));
  }
}

/**
 * The label a person reads for a stored value: the catalogue's word (`vocab.<list>.<value>`)
 * in the display language, else the vocabulary's English label, else the value itself.
 * @param {'platforms'|'stages'|'payout_methods'|'formats'|'tiers'} list @param {string} value
 */
export function label(list, value) {
  const key = `vocab.${list}.${value}`;
  if (hasKey(key)) return t(key);
  const found = session.vocab?.[list]?.find((c) => c.value === value);
  return found ? found.label : value;
}

/** `[value, label]` pairs of a vocabulary list, labelled in the display language. */
export const choices = (list) => (session.vocab?.[list] ?? []).map((c) => [c.value, label(list, c.value)]);

/** How overlapping tier ranges are settled, in the display language. */
export const overlapRule = () => (session.vocab ? t('tiers.overlapRule') : '');

/** The vocabulary entry of a tier (label, bounds, benchmark). */
export const tierInfo = (value) => session.vocab?.tiers.find((tier) => tier.value === value) ?? null;
