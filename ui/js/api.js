// @ts-check
//! The one module that talks to the back end. Every Tauri command has one function here with
//! its types; screens never call `invoke` themselves. Every failure arrives as an ErrorPayload:
//! switch on `kind` (and on `code` for fields and rows), never on message text.

/**
 * @typedef {{ kind: string, message: string,
 *   fields: Array<{field: string, code: string, value?: string, message: string}>,
 *   rows: Array<{row: number, column: string, code: string, value?: string, message: string}> }} ErrorPayload
 * @typedef {{ path: string, brand_name: string, currency: string, locale: string,
 *   schema_version: number, creators: number, handles: number, snapshots: number,
 *   file_bytes: number, is_demo: boolean }} WorkspaceInfo
 * @typedef {{ path: string, brand_name: string, opened_at: string, exists: boolean }} RecentEntry
 * @typedef {{ workspace: WorkspaceInfo | null, recent: RecentEntry[], open_error: ErrorPayload | null }} AppState
 * @typedef {{ nano: number, micro: number, mid: number, macro_: number, mega: number }} TierBounds
 * @typedef {{ brand_name: string, currency: string, locale: string, tiers: TierBounds, today: TodayRules }} Settings
 * @typedef {{ gift_no_post_days: number, idle_days: number, usage_warning_days: number }} TodayRules
 * @typedef {Settings & { overlap_rule: string }} SettingsView
 * @typedef {{ value: string, label: string }} Choice
 * @typedef {{ value: string, label: string, min: number, max: number | null, benchmark: string }} TierChoice
 * @typedef {{ platforms: Choice[], stages: Choice[], payout_methods: Choice[], formats: Choice[],
 *   tiers: TierChoice[], overlap_rule: string, currency: string, locale: string }} Vocabulary
 * @typedef {{ search?: string, tier?: string|null, platform?: string|null, niche?: string|null,
 *   stage?: string|null, country?: string|null, sort?: 'followers'|'name'|'updated',
 *   descending?: boolean, offset?: number, limit?: number }} RosterQuery
 * @typedef {{ platform: string, handle: string, followers: number }} RowHandle
 * @typedef {{ id: number, display_name: string, handles: RowHandle[], max_followers: number,
 *   tier: string, niches: string[], stage: string, country: string, city: string,
 *   updated_at: string, last_contact_on: string | null }} CreatorRow
 * @typedef {{ total: number, offset: number, rows: CreatorRow[] }} RosterPage
 * @typedef {{ value: string, count: number }} FacetValue
 * @typedef {{ niches: FacetValue[], countries: FacetValue[], platforms: FacetValue[],
 *   stages: FacetValue[], tiers: FacetValue[], tags: FacetValue[] }} Facets
 * @typedef {{ platform: string, handle: string, profile_url: string, followers: string }} HandleDraft
 * @typedef {{ format: string, amount: string }} RateDraft
 * @typedef {{ display_name: string, handles: HandleDraft[], niches: string[], tags: string[],
 *   city: string, country: string, postal_address: string, language: string, email: string, phone: string,
 *   manager: string, paypal_email: string, iban: string, account_holder: string,
 *   payout_method: string, stage: string, authenticity_score: string,
 *   authenticity_notes: string, notes: string, rates: RateDraft[] }} CreatorDraft
 * @typedef {{ id: number, platform: string, handle: string, profile_url: string, followers: number }} Handle
 * @typedef {{ format: string, amount: {minor: number, currency: string} }} Rate
 * @typedef {{ date: string, followers: number }} FollowerPoint
 * @typedef {{ id: number, revision: number, display_name: string, handles: Handle[],
 *   niches: string[], tags: string[], city: string, country: string, postal_address: string,
 *   last_contact_on: string | null, language: string,
 *   email: string, phone: string, manager: string, paypal_email: string, iban: string,
 *   account_holder: string, payout_method: string, stage: string,
 *   authenticity_score: number | null, authenticity_notes: string, notes: string,
 *   rates: Rate[], max_followers: number, tier: string, follower_history: FollowerPoint[],
 *   created_at: string, updated_at: string, draft: CreatorDraft }} Creator
 * @typedef {{ header: string, field: string | null, samples: string[] }} ImportColumn
 * @typedef {{ path: string, file_name: string, encoding: string, delimiter: string,
 *   row_count: number, columns: ImportColumn[], fields: Choice[] }} ImportPreview
 * @typedef {{ created: number, updated: number, unchanged: number, rows: number }} ImportReport
 * @typedef {{ done: number, total: number }} ImportProgress
 * @typedef {{ path: string, rows: number }} ExportReport
 */

import { t } from './i18n.js';

const tauri = /** @type {any} */ (window).__TAURI__;


/** The words of a native dialog, in the window's language (the back end holds no UI text). */
const dialog = (titleKey, filterKey) => ({ title: t(titleKey), filter: t(filterKey) });

/** Calls one command; rejects with an ErrorPayload. */
async function call(command, args = {}) {
  try {
    return await tauri.core.invoke(command, args);
  } catch (err) {
    if (err && typeof err === 'object' && 'kind' in err) throw err;
    throw { kind: 'internal', message: String(err), fields: [], rows: [] };
  }
}

/** @returns {Promise<AppState>} */
export const appState = () => call('app_state');
/** Native save dialog, then a new workspace. Null when the user cancels.
 * @param {{brand_name: string, currency: string, locale: string}} settings
 * @returns {Promise<WorkspaceInfo | null>} */
export const createWorkspace = (settings) => call('workspace_create', { settings, dialog: dialog('dialog.newWorkspace', 'dialog.filter.workspace') });
/** Native open dialog. Null when the user cancels. @returns {Promise<WorkspaceInfo | null>} */
export const openWorkspaceDialog = () => call('workspace_open_dialog', { dialog: dialog('dialog.openWorkspace', 'dialog.filter.workspace') });
/** @param {string} path @returns {Promise<WorkspaceInfo>} */
export const openWorkspace = (path) => call('workspace_open', { path });
/** @returns {Promise<WorkspaceInfo>} */
export const openDemoWorkspace = () => call('workspace_open_demo');
/** @returns {Promise<null>} */
export const closeWorkspace = () => call('workspace_close');
/** @param {string} path @returns {Promise<RecentEntry[]>} */
export const forgetRecent = (path) => call('recent_forget', { path });
/** @returns {Promise<WorkspaceInfo>} */
export const workspaceInfo = () => call('workspace_info');
/** True when another process (the CLI, another window) wrote to the open workspace since the
 * last call: time to reload what is shown. @returns {Promise<boolean>} */
export const changedElsewhere = () => call('workspace_changed_elsewhere');

/** @returns {Promise<SettingsView>} */
export const getSettings = () => call('settings_get');
/** @param {Settings} settings @returns {Promise<SettingsView>} */
export const updateSettings = (settings) => call('settings_update', { settings });
/** @returns {Promise<Vocabulary>} */
export const vocabulary = () => call('vocabulary');

/** @param {RosterQuery} query @returns {Promise<RosterPage>} */
export const listRoster = (query) => call('roster_list', { query });
/** @returns {Promise<Facets>} */
export const rosterFacets = () => call('roster_facets');

/** Opens a profile link in the person's browser (http and https only). @param {string} url @returns {Promise<null>} */
export const openProfile = (url) => call('open_profile', { url });
/** @param {number} id @returns {Promise<Creator>} */
export const getCreator = (id) => call('creator_get', { id });
/** @param {CreatorDraft} draft @returns {Promise<Creator>} */
export const createCreator = (draft) => call('creator_create', { draft });
/** @param {number} id @param {number} revision @param {CreatorDraft} draft @returns {Promise<Creator>} */
export const updateCreator = (id, revision, draft) => call('creator_update', { id, revision, draft });
/** @param {number} id @returns {Promise<null>} */
export const deleteCreator = (id) => call('creator_delete', { id });

/** Native open dialog for a CSV. Null when cancelled. @returns {Promise<string | null>} */
export const pickImportFile = () => call('import_pick_file', { dialog: dialog('dialog.importCsv', 'dialog.filter.csv') });
/** @param {string} path @returns {Promise<ImportPreview>} */
export const previewImport = (path) => call('import_preview', { path });
/**
 * Runs the import (all-or-nothing). `mapping` maps a header to a field value, or to null to ignore it.
 * @param {string} path @param {Record<string, string|null>} mapping
 * @param {(p: ImportProgress) => void} onProgress
 * @returns {Promise<ImportReport>} */
export function runImport(path, mapping, onProgress) {
  const channel = new tauri.core.Channel();
  channel.onmessage = onProgress;
  return call('import_run', { path, mapping, onProgress: channel });
}

/** Native save dialog, then the roster (or the filtered view) as CSV. Null when cancelled.
 * @param {RosterQuery} query @returns {Promise<ExportReport | null>} */
export const exportRoster = (query) => call('export_roster', { query, dialog: dialog('dialog.exportCsv', 'dialog.filter.csv') });

/**
 * @typedef {{ language: 'system'|'en'|'nl' }} Preferences
 */
/** The app's own preferences (not a workspace's): the display language.
 * @returns {Promise<Preferences>} */
export const getPreferences = () => call('preferences_get');
/** @param {Preferences} preferences @returns {Promise<Preferences>} */
export const setPreferences = (preferences) => call('preferences_set', { preferences });
