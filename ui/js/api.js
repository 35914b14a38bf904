// @ts-check
//! The one module that talks to the back end. Every Tauri command has one function here with
//! its types; screens never call `invoke` themselves. Every failure arrives as an ErrorPayload:
//! switch on `kind` (and on `code` for fields and rows), never on message text. Two window
//! events tell the rest of the window about the file itself: `chorus:file-trouble` (detail:
//! the ErrorPayload) whenever a call meets a damaged, replaced or read-only file, and
//! `chorus:calls` (detail: `{ pending }`) when calls start or all have ended, so a notice can
//! say that Chorus waits for another Chorus writing to the file. A draft with typed numbers goes
//! with `spelling`, the window's language, which the core reads them in (`1,300` is 1,30 in
//! Dutch, 1300 in English).

/**
 * @typedef {{ kind: string, message: string,
 *   fields: Array<{field: string, code: string, value?: string, message: string}>,
 *   rows: Array<{row: number, column: string, code: string, value?: string, message: string}>,
 *   groups?: ProblemGroup[], params?: Record<string, string> }} ErrorPayload
 * @typedef {{ code: string, column: string, value?: string, values?: string[], message: string,
 *   rows: number[] }} ProblemGroup
 * @typedef {{ path: string, brand_name: string, currency: string, locale: string,
 *   schema_version: number, creators: number, handles: number, snapshots: number,
 *   file_bytes: number, is_demo: boolean, read_only: boolean }} WorkspaceInfo
 * @typedef {{ read_only: boolean | null, trouble: ErrorPayload | null, waiting_for: string | null }} WorkspaceStatus
 * @typedef {{ path: string, day: string, taken_at: string | null, bytes: number }} BackupCopy
 * @typedef {{ state: 'running'|'taken'|'not_needed'|'failed', copy?: BackupCopy, error?: ErrorPayload }} BackupOutcome
 * @typedef {{ folder: string, chosen_folder: string | null, keep: number, copies: BackupCopy[],
 *   today: BackupOutcome }} BackupsView
 * @typedef {{ workspace: WorkspaceInfo, kept_aside: string | null }} RestoreReport
 * @typedef {{ path: string, brand_name: string, opened_at: string, exists: boolean }} RecentEntry
 * @typedef {{ workspace: WorkspaceInfo | null, recent: RecentEntry[], open_error: ErrorPayload | null }} AppState
 * @typedef {{ nano: number, micro: number, mid: number, macro_: number, mega: number }} TierBounds
 * @typedef {{ brand_name: string, currency: string, locale: string, tiers: TierBounds, today: TodayRules }} Settings
 * @typedef {{ gift_no_post_days: number, idle_days: number, usage_warning_days: number }} TodayRules
 * @typedef {Settings & { overlap_rule: string }} SettingsView
 * @typedef {{ brand_name: string, currency: string, locale: string, tiers: Record<keyof TierBounds, string>,
 *   today: Record<keyof TodayRules, string> }} SettingsDraft
 * @typedef {{ value: string, label: string }} Choice
 * @typedef {{ value: string, label: string, min: number, max: number | null, benchmark: string }} TierChoice
 * @typedef {{ platforms: Choice[], stages: Choice[], payout_methods: Choice[], formats: Choice[],
 *   tiers: TierChoice[], countries: CountryChoice[], overlap_rule: string, currency: string, locale: string }} Vocabulary
 * @typedef {{ value: string, en: string, nl: string, keys: string[] }} CountryChoice
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
 * @typedef {{ header: string, field: string | null, samples: string[], blank_like: number }} ImportColumn
 * @typedef {{ path: string, file_name: string, encoding: string, delimiter: string,
 *   row_count: number, columns: ImportColumn[], fields: Choice[], blank_like_examples: string[],
 *   name_from: string | null }} ImportPreview
 * @typedef {{ rows: number, file: string, problems: ErrorPayload['rows'], groups: ProblemGroup[] }} LeftOut
 * @typedef {{ created: number, updated: number, unchanged: number, rows: number, left_out?: LeftOut }} ImportReport
 * @typedef {{ done: number, total: number }} ImportProgress
 * @typedef {{ path: string, rows: number }} ExportReport
 */

import { t, currentLanguage } from './shared/i18n.js';

const tauri = /** @type {any} */ (window).__TAURI__;


/** The words of a native dialog, in the window's language (the back end holds no UI text). */
const dialog = (titleKey, filterKey) => ({ title: t(titleKey), filter: t(filterKey) });

/** Errors about the file itself rather than about what was asked. */
const FILE_TROUBLE = new Set(['damaged', 'replaced', 'read_only']);
let pending = 0;
const announceCalls = () => window.dispatchEvent(new CustomEvent('chorus:calls', { detail: { pending } }));

/** How the numbers of a draft are written: as the window writes them, in its language. */
const spelling = () => currentLanguage();

/** Calls one command; rejects with an ErrorPayload. */
async function call(command, args = {}) {
  pending += 1;
  if (pending === 1) announceCalls();
  try {
    return await tauri.core.invoke(command, args);
  } catch (err) {
    const payload = err && typeof err === 'object' && 'kind' in err ? err : { kind: 'internal', message: String(err), fields: [], rows: [] };
    if (FILE_TROUBLE.has(payload.kind)) window.dispatchEvent(new CustomEvent('chorus:file-trouble', { detail: payload }));
    throw payload;
  } finally {
    pending -= 1;
    if (pending === 0) announceCalls();
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
/** Read-only, damage or a replaced file, and whose write is being waited for; never waits
 * itself, so it is asked while other calls are pending. @returns {Promise<WorkspaceStatus>} */
export const workspaceStatus = () => tauri.core.invoke('workspace_status');

/** The open workspace's backup copies and where they go. @returns {Promise<BackupsView>} */
export const listBackups = () => call('backups_list');
/** Puts a backup copy back at `workspace` (the latest when `copy` is null); the replaced file
 * is kept aside. The workspace is open afterwards. @param {string} workspace
 * @param {string | null} [copy] @returns {Promise<RestoreReport>} */
export const restoreBackup = (workspace, copy = null) => call('backup_restore', { workspace, copy });
/** Native folder dialog for the backup copies of every workspace; null when cancelled.
 * @returns {Promise<BackupsView | null>} */
export const chooseBackupFolder = () => call('backup_folder_choose', { dialog: dialog('backups.choose.title', 'backups.choose.title') });
/** Copies beside each workspace again. @returns {Promise<BackupsView>} */
export const resetBackupFolder = () => call('backup_folder_reset');

/** @returns {Promise<SettingsView>} */
export const getSettings = () => call('settings_get');
/**
 * Saves the settings screen: numbers (tier bounds, Today's days) as typed; the core reads them
 * in the window's spelling and reports every problem at once. @param {SettingsDraft} settings @returns {Promise<SettingsView>}
 */
export const updateSettings = (settings) => call('settings_update', { settings, spelling: spelling() });
/** @returns {Promise<Vocabulary>} */
export const vocabulary = () => call('vocabulary');

/** @param {RosterQuery} query @returns {Promise<RosterPage>} */
export const listRoster = (query) => call('roster_list', { query });
/** @returns {Promise<Facets>} */
export const rosterFacets = () => call('roster_facets');
/** The ids of every creator the query's search and filters match (sort and paging aside).
 * @param {RosterQuery} query @returns {Promise<number[]>} */
export const rosterMatchingIds = (query) => call('roster_matching_ids', { query });

/** Opens a profile link in the person's browser (http and https only). @param {string} url @returns {Promise<null>} */
export const openProfile = (url) => call('open_profile', { url });
/** @param {number} id @returns {Promise<Creator>} */
export const getCreator = (id) => call('creator_get', { id });
/** @param {CreatorDraft} draft @returns {Promise<Creator>} */
export const createCreator = (draft) => call('creator_create', { draft, spelling: spelling() });
/** @param {number} id @param {number} revision @param {CreatorDraft} draft @returns {Promise<Creator>} */
export const updateCreator = (id, revision, draft) => call('creator_update', { id, revision, draft, spelling: spelling() });
/** @param {number} id @returns {Promise<null>} */
export const deleteCreator = (id) => call('creator_delete', { id });

/** Native open dialog for a CSV. Null when cancelled. @returns {Promise<string | null>} */
export const pickImportFile = () => call('import_pick_file', { dialog: dialog('dialog.importCsv', 'dialog.filter.csv') });
/** @param {string} path @returns {Promise<ImportPreview>} */
export const previewImport = (path) => call('import_preview', { path });
/**
 * Runs the import: all or nothing, or with `skipBadRows` the good rows, leaving out (and saving
 * beside the file) the bad ones. `mapping` maps a header to a field value, or to null to ignore it.
 * @param {string} path @param {Record<string, string|null>} mapping
 * @param {(p: ImportProgress) => void} onProgress @param {{ skipBadRows?: boolean }} [options]
 * @returns {Promise<ImportReport>} */
export function runImport(path, mapping, onProgress, options = {}) {
  const channel = new tauri.core.Channel();
  channel.onmessage = onProgress;
  return call('import_run', { path, mapping, options: { skip_bad_rows: !!options.skipBadRows }, onProgress: channel });
}

/** Native save dialog, then the roster (or the filtered view) as CSV. Null when cancelled.
 * `dialect`: 'plain' (commas, 1234.56) or 'excel-nl' (semicolons, 1234,56).
 * @param {RosterQuery} query @param {'plain'|'excel-nl'} [dialect] @returns {Promise<ExportReport | null>} */
export const exportRoster = (query, dialect = 'plain') => call('export_roster', { query, dialect, dialog: dialog('dialog.exportCsv', 'dialog.filter.csv') });

// Sales from files: a shop's orders export (the Sales screen) and an affiliate list (a campaign).
/** Native open dialog for an orders export. Null when cancelled. @returns {Promise<string | null>} */
export const pickOrdersFile = () => call('sales_import_pick_file', { dialog: dialog('sales.import.dialogTitle', 'dialog.filter.csv') });
/** Native open dialog for an affiliate list. Null when cancelled. @returns {Promise<string | null>} */
export const pickAffiliatesFile = () => call('sales_import_pick_file', { dialog: dialog('affiliates.import.dialogTitle', 'dialog.filter.csv') });
/** What importing the orders of `path` would do (writes nothing). `mapping`: header → order
 * field for a CSV no shop layout fits, else null. @param {string} path
 * @param {Record<string, string> | null} [mapping] @returns {Promise<any>} OrderPreview */
export const previewOrders = (path, mapping = null) => call('orders_import_preview', { path, mapping: mapping && { columns: mapping, spelling: spelling() } });
/** Imports the orders of `path`, all or nothing. @param {string} path
 * @param {Record<string, string> | null} [mapping] @returns {Promise<any>} OrderImportReport */
export const importOrders = (path, mapping = null) => call('orders_import_run', { path, mapping: mapping && { columns: mapping, spelling: spelling() } });
/** What importing the affiliate list `path` into a campaign would do (writes nothing).
 * @param {number} campaignId @param {string} path @param {Record<string, string|null>} mapping header → field (null: ignore)
 * @returns {Promise<any>} AffiliateImport */
export const previewAffiliates = (campaignId, path, mapping = {}) => call('affiliates_import_preview', { campaignId, path, mapping });
/** Imports the affiliate list, all or nothing (or with `skipBadRows` the good rows).
 * @param {number} campaignId @param {string} path @param {Record<string, string|null>} mapping
 * @param {{ skipBadRows?: boolean }} [options] @returns {Promise<any>} AffiliateImport */
export const importAffiliates = (campaignId, path, mapping = {}, options = {}) =>
  call('affiliates_import_run', { campaignId, path, mapping, options: { skip_bad_rows: !!options.skipBadRows } });

/**
 * @typedef {{ language: 'system'|'en'|'nl', backup_folder?: string | null }} Preferences
 */
/** The app's own preferences (not a workspace's): the display language.
 * @returns {Promise<Preferences>} */
export const getPreferences = () => call('preferences_get');
/** @param {Preferences} preferences @returns {Promise<Preferences>} */
export const setPreferences = (preferences) => call('preferences_set', { preferences });

// ---------------------------------------------------------------------------------------------
// Campaigns (campaign_commands.rs): campaigns, collaborations, deliverables, gifts, outreach.
/**
 * @typedef {{ minor: number, currency: string }} Money
 * @typedef {{ goals: string[], collaboration_kinds: string[], collaboration_statuses: string[],
 *   deliverable_statuses: string[], shipment_statuses: string[], touchpoint_kinds: string[],
 *   carriers: string[], today: string }} CampaignVocabulary
 * @typedef {{ name: string, goal: string, starts_on: string, ends_on: string, budget: string,
 *   niche: string, target_audience: string, brief: string, dos: string, donts: string,
 *   required_hashtags: string, required_mentions: string, disclosure: string, utm_slug: string, landing_url: string }} CampaignDraft
 * @typedef {{ id: number, revision: number, name: string, goal: string, starts_on: string|null,
 *   ends_on: string|null, budget: Money, niche: string, target_audience: string, brief: string,
 *   dos: string, donts: string, required_hashtags: string, required_mentions: string,
 *   disclosure: string, utm_slug: string, archived_on: string|null, created_at: string,
 *   updated_at: string, draft: CampaignDraft }} Campaign
 * @typedef {{ campaign_id: number, creator_id: number, kind: string, status: string, fee: string,
 *   gift_value: string, commission_terms: string, starts_on: string, ends_on: string,
 *   usage_channels: string, usage_until: string, usage_exclusive: boolean,
 *   contract_signed_on: string, contract_path: string, notes: string }} CollaborationDraft
 * @typedef {{ id: number, revision: number, campaign_id: number, campaign_name: string,
 *   creator_id: number, creator_name: string, kind: string, status: string, fee: Money,
 *   gift_value: Money, commission_terms: string, starts_on: string|null, ends_on: string|null,
 *   usage_channels: string, usage_until: string|null, usage_exclusive: boolean,
 *   contract_signed_on: string|null, contract_path: string, notes: string,
 *   agreed_on: string|null, last_activity_on: string, draft: CollaborationDraft }} Collaboration
 * @typedef {{ collaboration_id: number, platform: string, format: string, due_on: string,
 *   status: string, post_url: string, published_at: string, has_hashtags: boolean,
 *   has_mentions: boolean, has_disclosure: boolean, call_to_action: boolean|null,
 *   storytelling: boolean|null, faceless: boolean|null, notes: string }} DeliverableDraft
 * @typedef {DeliverableDraft & { id: number, revision: number, published_at: string|null,
 *   draft: DeliverableDraft }} Deliverable
 * @typedef {{ name: string, sku: string, quantity: string, unit_cost: string, unit_retail: string }} GiftItemDraft
 * @typedef {{ collaboration_id: number, status: string, recipient_name: string,
 *   postal_address: string, city: string, country: string, carrier: string,
 *   tracking_number: string, shipped_on: string, delivered_on: string, closed_on: string,
 *   notes: string, items: GiftItemDraft[] }} ShipmentDraft
 * @typedef {{ name: string, sku: string, quantity: number, unit_cost: Money, unit_retail: Money }} GiftItem
 * @typedef {{ id: number, revision: number, collaboration_id: number, status: string,
 *   recipient_name: string, postal_address: string, city: string, country: string,
 *   carrier: string, tracking_number: string, tracking_url: string|null, shipped_on: string|null,
 *   delivered_on: string|null, closed_on: string|null, notes: string, items: GiftItem[],
 *   cost_value: Money, retail_value: Money, draft: ShipmentDraft }} Shipment
 * @typedef {{ creator_id: number, collaboration_id: number|null, kind: string,
 *   happened_on: string, notes: string }} TouchpointDraft
 * @typedef {{ id: number, creator_id: number, collaboration_id: number|null,
 *   campaign_name: string|null, kind: string, happened_on: string, notes: string }} Touchpoint
 * @typedef {{ required_hashtags: string, required_mentions: string, disclosure: string, utm_slug: string }} Checklist
 * @typedef {{ id: number, display_name: string, email: string, postal_address: string,
 *   city: string, country: string }} Recipient
 * @typedef {{ collaboration: Collaboration, checklist: Checklist, creator: Recipient,
 *   deliverables: Deliverable[], shipments: Shipment[], touchpoints: Touchpoint[],
 *   spend: Money, spend_commissions: Money, ready_to_complete: boolean, removable: boolean }} CollaborationDetail
 * @typedef {'upcoming'|'running'|'ended'|'undated'} Phase
 * @typedef {{ id: number, name: string, goal: string, niche: string, utm_slug: string,
 *   starts_on: string|null, ends_on: string|null,
 *   phase: Phase, budget: Money, collaborations: number, open_deliverables: number,
 *   committed: Money, spent: Money, archived_on: string|null }} CampaignSummary
 * @typedef {{ platform: string, handle: string, followers: number }} TopHandle
 * @typedef {{ collaboration_id: number, creator_id: number, creator_name: string,
 *   top_handle: TopHandle|null, kind: string, status: string, fee: Money, gift_value: Money,
 *   deliverables_total: number, deliverables_live: number, deliverables_overdue: number,
 *   next_due: string|null, latest_shipment_status: string|null, last_activity_on: string,
 *   ready_to_complete: boolean }} BoardCard
 * @typedef {{ deliverable_id: number, collaboration_id: number, creator_name: string,
 *   platform: string, format: string, status: string, due_on: string,
 *   published_at: string|null, overdue: boolean }} TimelineItem
 * @typedef {{ planned: Money, committed: Money, spent: Money, spent_fees: Money,
 *   spent_gifts: Money, spent_commissions: Money, remaining: Money, formula: string }} Budget
 * @typedef {{ campaign_id: number, campaign_name: string, phase: Phase,
 *   columns: Array<{status: string, cards: BoardCard[]}>, timeline: TimelineItem[],
 *   budget: Budget }} CampaignBoard
 */

/** Every campaign with its phase, budget and counts. @returns {Promise<CampaignSummary[]>} */
export const listCampaigns = () => call('campaign_list');
/** A campaign's board, timeline and budget. @param {number} id @returns {Promise<CampaignBoard>} */
export const campaignBoard = (id) => call('campaign_board', { id });
/** Native save dialog, then the campaign's collaborations and deliverables as CSV. Null when cancelled.
 * @param {number} id @returns {Promise<ExportReport | null>} */
export const exportCampaignCsv = (id) => call('campaign_export_csv', { id, dialog: dialog('campaign.dialog.exportCsv', 'dialog.filter.csv') });
/** Native save dialog, then the campaign's due dates as an iCalendar file. Null when cancelled.
 * @param {number} id @returns {Promise<ExportReport | null>} */
export const exportCampaignIcs = (id) => call('campaign_export_ics', { id, dialog: dialog('campaign.dialog.exportIcs', 'campaign.dialog.filter.ics') });
/** The stored values of the campaign lists and today's date. @returns {Promise<CampaignVocabulary>} */
export const campaignVocabulary = () => call('campaign_vocabulary');
/** The UTM value an empty slug becomes for `name`. @param {string} name @returns {Promise<string>} */
export const campaignSlug = (name) => call('campaign_slug', { name });
/** @param {number} id @returns {Promise<Campaign>} */
export const getCampaign = (id) => call('campaign_get', { id });
/** @param {CampaignDraft} draft @returns {Promise<Campaign>} */
export const createCampaign = (draft) => call('campaign_create', { draft, spelling: spelling() });
/** @param {number} id @param {number} revision @param {CampaignDraft} draft @returns {Promise<Campaign>} */
export const updateCampaign = (id, revision, draft) => call('campaign_update', { id, revision, draft, spelling: spelling() });
/** @param {number} id @returns {Promise<null>} */
export const deleteCampaign = (id) => call('campaign_delete', { id });
/** Archives a campaign (out of the list, the pickers and Today). @param {number} id @returns {Promise<Campaign>} */
export const archiveCampaign = (id) => call('campaign_archive', { id });
/** Brings an archived campaign back. @param {number} id @returns {Promise<Campaign>} */
export const restoreCampaign = (id) => call('campaign_restore', { id });

/** @param {number} id @returns {Promise<CollaborationDetail>} */
export const collaborationDetail = (id) => call('collaboration_detail', { id });
/** @param {CollaborationDraft} draft @returns {Promise<Collaboration>} */
export const createCollaboration = (draft) => call('collaboration_create', { draft, spelling: spelling() });
/** @param {number} id @param {number} revision @param {CollaborationDraft} draft @returns {Promise<Collaboration>} */
export const updateCollaboration = (id, revision, draft) => call('collaboration_update', { id, revision, draft, spelling: spelling() });
/** @param {number} id @returns {Promise<null>} */
export const deleteCollaboration = (id) => call('collaboration_delete', { id });
/**
 * @typedef {{ creator_id: number, creator_name: string, collaboration_id: number }} AddedCreator
 * @typedef {{ campaign_id: number, campaign_name: string, added: AddedCreator[], already_in: AddedCreator[] }} BulkAdd
 */
/** Adds several creators to a campaign with the same starting terms (type, status, fee, gift
 * value of `terms`), all in one go; those already in it are listed in `already_in`.
 * @param {number} campaignId @param {number[]} creatorIds @param {CollaborationDraft} terms @returns {Promise<BulkAdd>} */
export const addCreatorsToCampaign = (campaignId, creatorIds, terms) => call('collaboration_add_many', { campaignId, creatorIds, terms, spelling: spelling() });

/** One deliverable, or one a month until `repeatUntil` (a date, or empty).
 * @param {DeliverableDraft} draft @param {string} [repeatUntil] @returns {Promise<Deliverable[]>} */
export const createDeliverables = (draft, repeatUntil = '') => call('deliverable_create', { draft, repeatUntil: repeatUntil || null });
/** @param {number} id @param {number} revision @param {DeliverableDraft} draft @returns {Promise<Deliverable>} */
export const updateDeliverable = (id, revision, draft) => call('deliverable_update', { id, revision, draft });
/** @param {number} id @returns {Promise<null>} */
export const deleteDeliverable = (id) => call('deliverable_delete', { id });

/** A new gift's form, addressed to the collaboration's creator. @param {number} collaborationId @returns {Promise<ShipmentDraft>} */
export const newShipmentDraft = (collaborationId) => call('shipment_new_draft', { collaborationId });
/**
 * @typedef {{ shipment_id: number, campaign_name: string, creator_name: string, on: string,
 *   items: Array<{ name: string, sku: string, quantity: number, unit_cost: Money, unit_retail: Money }>,
 *   retail_value: Money }} EarlierGift
 */
/** Earlier gifts a new gift for this collaboration can start from. @param {number} collaborationId @returns {Promise<EarlierGift[]>} */
export const earlierGifts = (collaborationId) => call('shipment_earlier', { collaborationId });
/** A new gift's form with the products of an earlier gift. @param {number} collaborationId @param {number} fromShipmentId @returns {Promise<ShipmentDraft>} */
export const shipmentDraftFrom = (collaborationId, fromShipmentId) => call('shipment_draft_from', { collaborationId, fromShipmentId });
/** @param {ShipmentDraft} draft @returns {Promise<Shipment>} */
export const createShipment = (draft) => call('shipment_create', { draft, spelling: spelling() });
/** @param {number} id @param {number} revision @param {ShipmentDraft} draft @returns {Promise<Shipment>} */
export const updateShipment = (id, revision, draft) => call('shipment_update', { id, revision, draft, spelling: spelling() });
/** @param {number} id @returns {Promise<null>} */
export const deleteShipment = (id) => call('shipment_delete', { id });

/** @param {TouchpointDraft} draft @returns {Promise<Touchpoint>} */
export const addTouchpoint = (draft) => call('touchpoint_add', { draft });
/** @param {number} id @returns {Promise<null>} */
export const deleteTouchpoint = (id) => call('touchpoint_delete', { id });

/** Native open dialog for a contract file. Null when cancelled. @returns {Promise<string | null>} */
export const pickContractFile = () => call('contract_pick_file', { dialog: dialog('campaign.dialog.contract', 'campaign.dialog.filter.any') });
/** Opens the saved contract file of a collaboration in the system's app. @param {number} collaborationId @returns {Promise<null>} */
export const openContract = (collaborationId) => call('contract_open', { collaborationId });

// ---------------------------------------------------------------------------------------------
// Today and the creator's side (today_commands.rs): Today here and across clients, a creator's
// history, every campaign's dates as one calendar.
/**
 * @typedef {{ campaign_id: number, campaign_name: string, collaboration_id: number,
 *   creator_id: number, creator_name: string }} CollaborationRef
 * @typedef {CollaborationRef & { deliverable_id: number, platform: string, format: string,
 *   due_on: string, status: string, days: number }} TodayDeliverable
 * @typedef {CollaborationRef & { shipment_id: number, status: string, carrier: string,
 *   tracking_number: string, delivered_on: string|null, days: number }} TodayShipment
 * @typedef {CollaborationRef & { usage_until: string|null, last_activity_on: string,
 *   days: number }} TodayCollaboration
 * @typedef {{ total: number, items: any[] }} TodaySection
 * @typedef {{ brand_name: string, currency: string, date: string, rules: TodayRules,
 *   overdue: TodaySection, due_this_week: TodaySection, gifts_to_ship: TodaySection,
 *   gifts_without_post: TodaySection, usage_expiring: TodaySection, idle: TodaySection }} Today
 * @typedef {{ path: string, brand_name: string, today: Today|null, needs_update: boolean,
 *   error: ErrorPayload|null }} ClientToday
 * @typedef {{ collaboration_id: number, campaign_id: number, campaign_name: string, kind: string,
 *   status: string, starts_on: string|null, ends_on: string|null, fee: Money, gift_value: Money,
 *   deliverables_live: number, deliverables_total: number }} PastCollaboration
 * @typedef {{ name: string, sku: string, quantity: number, unit_retail: Money }} GiftLine
 * @typedef {{ shipment_id: number, collaboration_id: number, campaign_name: string, status: string,
 *   carrier: string, tracking_number: string, shipped_on: string|null, delivered_on: string|null,
 *   items: GiftLine[], retail_value: Money }} ReceivedGift
 * @typedef {{ id: number, kind: string, happened_on: string, notes: string,
 *   collaboration_id: number|null, campaign_name: string|null }} PastTouchpoint
 * @typedef {{ committed_fees: Money, earned_fees: Money, gifts_value: Money,
 *   commissions: Money, total_compensation_value: Money, formula: string }} Compensation
 * @typedef {{ creator_id: number, creator_name: string, last_contact_on: string|null,
 *   collaborations: PastCollaboration[], gifts: ReceivedGift[], touchpoints: PastTouchpoint[],
 *   totals: Compensation }} CreatorHistory
 */

/** Today in the open workspace. @returns {Promise<Today>} */
export const todayView = () => call('today_view');
/** Today in every recent workspace, one entry per client. @returns {Promise<ClientToday[]>} */
export const todayAcross = () => call('today_across');
/** @param {number} creatorId @returns {Promise<CreatorHistory>} */
export const creatorHistory = (creatorId) => call('creator_history', { creatorId });
/** Native save dialog, then every campaign's dates as one .ics. Null when cancelled.
 * @returns {Promise<ExportReport | null>} */
export const exportCalendarAll = () => call('calendar_export_all', { dialog: dialog('today.dialog.exportIcs', 'today.dialog.filter.ics') });

// ── Sales and commissions (issue 9): the Sales screen, sales in the creator panel and the
// campaign view, the collaboration's link and QR code ──
/**
 * @typedef {{ creator_id?: number|null, campaign_id?: number|null, attribution?: 'attributed'|'unattributed'|'review'|null,
 *   reason?: string|null, waiting?: boolean, number?: string|null, placed_from?: string|null, placed_to?: string|null }} OrderFilter
 * @typedef {{ offset: number, limit: number }} Page
 * @typedef {{ lines_added: number, orders_waiting: number }} Booking
 * @typedef {{ collaboration_id: number, creator_id: number, creator_name: string, campaign_id: number, campaign_name: string }} CollaborationRef
 * @typedef {{ id: number, source: string, number: string, placed_at: string, placed_on: string, currency: string,
 *   subtotal: Money, total: Money|null, refunded: Money, cancelled: boolean, financial_status: string, base: Money|null,
 *   base_source: 'ledger'|'computed', attribution: 'attributed'|'unattributed'|'review', reason: string, manual: boolean,
 *   attributed_to: CollaborationRef|null, commission: Money[], waiting_code: string }} OrderRow
 * @typedef {{ rows: OrderRow[], total: number, review_count: number }} OrdersPage
 * @typedef {{ id: number, order_id: number, order_number: string, placed_on: string, collaboration_id: number, creator_id: number,
 *   creator_name: string, campaign_id: number, campaign_name: string, kind: string, reason: string, note: string, amount: Money,
 *   base: Money, rule: string, rule_text: string, rule_level: string, rate_bp: number|null, explanation: string,
 *   explanation_code: string, explanation_params: Record<string, string>, explanation_amounts: Record<string, Money>,
 *   conversion: { order_base: Money, rate: string, on_date: string }|null, hold_until: string,
 *   status: 'pending'|'approved'|'paid'|'rejected', rejected_reason: string|null, created_at: string }} LineRow
 * @typedef {{ status: string, amount: Money, lines: number }} StatusTotal
 * @typedef {{ rows: LineRow[], total: number, totals: StatusTotal[], as_of: string }} LinesPage
 * @typedef {{ order: OrderRow, discount: Money|null, shipping: Money|null, tax: Money|null, cancelled_at: string|null,
 *   utm: [string, string][], landing_url: string|null, lines: { position: number, sku: string, name: string, quantity: number,
 *   unit_price: Money|null, total: Money|null, discount: Money|null }[], codes: string[], note: string, waiting_message: string,
 *   candidates: { collaboration: CollaborationRef, code: string, collaboration_status: string, starts_on: string|null,
 *   ends_on: string|null }[], commission_lines: LineRow[] }} OrderDetail
 * @typedef {{ orders: number, revenue: Money[], commissions: StatusTotal[], revenue_formula: string, as_of: string }} SalesSummary
 * @typedef {{ summary: SalesSummary, collaborations: { collaboration_id: number, creator_id: number, creator_name: string,
 *   orders: number, revenue: Money[], commission: Money[] }[] }} CampaignSales
 * @typedef {{ collaboration_id: number, landing_url: string, platform: string|null, handle: string|null, link: string|null,
 *   qr_svg: string|null, missing: 'landing_url'|'handle'|null, problem: { field: string, code: string, value?: string, message: string }|null, discount_code: string,
 *   customer_discount_bp: number|null }} CollaborationLink
 */
/** The stored values of the Sales screen's menus. @returns {Promise<{ reasons: string[], kinds: string[], statuses: string[], today: string }>} */
export const salesVocabulary = () => call('sales_vocabulary');
/** @param {OrderFilter} filter @param {Page} page @returns {Promise<OrdersPage>} */
export const salesOrders = (filter, page) => call('sales_orders', { filter, page });
/** @param {number} id @returns {Promise<OrderDetail>} */
export const salesOrderDetail = (id) => call('sales_order_detail', { id });
/** @param {number} creatorId @returns {Promise<SalesSummary>} */
export const salesOfCreator = (creatorId) => call('sales_creator', { creatorId });
/** @param {number} campaignId @returns {Promise<CampaignSales>} */
export const salesOfCampaign = (campaignId) => call('sales_campaign', { campaignId });
/** @param {number} collaborationId @returns {Promise<CollaborationLink>} */
export const collaborationLink = (collaborationId) => call('sales_collaboration_link', { collaborationId });
/** Native save dialog, then the QR code as a file. Null when cancelled.
 * @param {number} collaborationId @param {'svg'|'png'} format @returns {Promise<ExportReport | null>} */
export const saveQrCode = (collaborationId, format) => call('sales_qr_save', { collaborationId, format, dialog: dialog('sales.qr.dialog', format === 'png' ? 'sales.qr.filter.png' : 'sales.qr.filter.svg') });
/** @param {{ creator_id?: number|null, campaign_id?: number|null, status?: string|null, kind?: string|null, as_of?: string }} filter
 * @param {Page} page @returns {Promise<LinesPage>} */
export const commissionLines = (filter, page) => call('commissions_lines', { filter: { as_of: '', ...filter }, page });
/** The stored rates, newest day first, and the rates orders wait for (by pair, most orders first).
 * @returns {Promise<{ rates: { on_date: string, from_currency: string, to_currency: string, rate: string, source: string }[], total: number,
 *   wanted: { from_currency: string, to_currency: string, first_date: string, last_date: string, orders: number }[] }>} */
export const ratesList = () => call('rates_list');
/** Keeps one rate as typed (1 `from` = `rate` `to` on `date`), read in the window's spelling.
 * @param {string} date @param {string} from @param {string} to @param {string} rate
 * @returns {Promise<{ rate: { date: string, from: string, to: string, rate: string, source: string }, replaced: string|null, booking: Booking }>} */
export const setRate = (date, from, to, rate) => call('rates_set', { date, from, to, rate, spelling: spelling() });
/** Native open dialog, then the ECB's reference rates imported from that file. Null when cancelled.
 * @returns {Promise<{ file: string, format: string, first_date: string|null, last_date: string|null, added: number, changed: number,
 *   unchanged: number, skipped_currencies: string[], ignored_columns: string[], booking: Booking } | null>} */
export const importRates = () => call('rates_import', { dialog: dialog('sales.rates.import.dialog', 'sales.rates.import.filter') });
/** @param {number} orderId @param {number|null} collaborationId null: attributed to no one @param {string} reason */
export const attributeOrder = (orderId, collaborationId, reason) => call('sales_attribute_order', { orderId, collaborationId, reason });
/** Gives the order to a collaboration chosen by the person, whether or not it carries its code.
 * @param {number} orderId @param {number} collaborationId @param {string} reason */
export const attributeToCreator = (orderId, collaborationId, reason) => call('sales_attribute_to_creator', { orderId, collaborationId, reason });
/** The creator's collaboration the order most likely belongs to (their only one, or the one whose
 * dates hold the order); rejects naming the campaigns when it cannot tell. @param {number} creatorId
 * @param {number} orderId @returns {Promise<number>} */
export const pickCollaboration = (creatorId, orderId) => call('sales_pick_collaboration', { creatorId, orderId });
/** @param {number} collaborationId @param {'pattern'|'typed'|'none'} choice @param {string} code @param {string} discount as typed */
export const setDiscountCode = (collaborationId, choice, code, discount) => call('sales_set_code', { collaborationId, choice, code, discount, spelling: spelling() });
/** @param {number} collaborationId @returns {Promise<{ as_written: string, description: string, machine_text: string } | null>} */
export const collaborationRule = (collaborationId) => call('commissions_rule_of', { collaborationId });
/** @param {number} collaborationId @param {string} asWritten empty: no rule of its own */
export const setCollaborationRule = (collaborationId, asWritten) => call('commissions_set_rule', { collaborationId, asWritten, spelling: spelling() });
/** @param {number} orderId @param {number} collaborationId @param {string} reason */
export const rejectCommission = (orderId, collaborationId, reason) => call('commissions_reject', { orderId, collaborationId, reason });


// ---------------------------------------------------------------------------------------------
// Payouts (commands/payouts.rs): runs, payments, adjustments, files, the money audit log.
/**
 * @typedef {{ id: number, state: 'draft'|'finalised'|'paid', cutoff: string, currency: string, min_payout_minor: number,
 *   computed_at: string, finalised_at: string|null, payable: number, carried: number, blocked: number, paid: number,
 *   to_pay_minor: number, paid_minor: number, carried_out_minor: number }} RunSummary
 * @typedef {{ creator_id: number, name: string, outcome: 'payable'|'carried'|'blocked', reason_code: string, reason: string,
 *   method: string, destination: string, account_holder: string, vat_status: string, vat_number: string, vat_rate_bp: number,
 *   commissions_minor: number, fees_minor: number, adjustments_minor: number, carried_in_minor: number,
 *   payable_minor: number, vat_minor: number, carried_out_minor: number, items: number,
 *   paid_on: string|null, paid_reference: string|null }} RunCreator
 * @typedef {{ summary: RunSummary, creators: RunCreator[] }} Run
 * @typedef {{ id: number, at: string, actor: string, entity: string, entity_id: number|null, action: string,
 *   detail: string, creator_id: number|null, creator_name: string|null, run_id: number|null }} MoneyLogEntry
 * @typedef {{ brand_name: string, currency: string, as_of: string, payable_minor: number, payable_creators: number,
 *   carried_minor: number, carried_creators: number, blocked_minor: number, blocked_creators: number,
 *   awaiting_payment_minor: number, awaiting_payment_creators: number, fees_to_book_minor: number, fees_to_book: number,
 *   draft_run: number|null, last_paid_on: string|null }} Owed
 * @typedef {{ path: string, brand_name: string, owed: Owed|null, needs_update: boolean, error: ErrorPayload|null }} ClientOwed
 */
/** @returns {Promise<RunSummary[]>} */
export const payoutRuns = () => call('payouts_runs');
/** @param {number} runId @returns {Promise<Run>} */
export const payoutRun = (runId) => call('payouts_run', { runId });
/** The draft up to `cutoff` (YYYY-MM-DD), computed again when there is one. @returns {Promise<Run>} */
export const computePayoutRun = (cutoff) => call('payouts_compute', { cutoff });
/** @param {number} runId @returns {Promise<Run>} */
export const finalisePayoutRun = (runId) => call('payouts_finalise', { runId });
/** @param {number} runId */
export const discardPayoutRun = (runId) => call('payouts_discard', { runId });
/** @param {number} runId @param {number|null} creatorId null: everyone payable not yet paid
 * @param {string} date YYYY-MM-DD @param {string} reference
 * @returns {Promise<{ creators: number, amount_minor: number, commission_lines: number }>} */
export const markPayoutPaid = (runId, creatorId, date, reference) => call('payouts_mark_paid', { runId, creatorId, date, reference });
/** A bonus or (with a minus) a deduction, as typed. @param {number} creatorId @param {string} amount @param {string} reason */
export const addAdjustment = (creatorId, amount, reason) => call('payouts_adjust', { creatorId, amount, reason, spelling: spelling() });
/** Native save dialog, then the run's file(s). Null when cancelled.
 * @param {{ run_id: number, format: string, language: string, dialect?: string|null, execution_date?: string, creator_id?: number|null, each_creator?: boolean }} request
 * @returns {Promise<{ path: string, rows: number }[] | null>} */
export const exportPayoutRun = (request) => call('payouts_export', { request, dialog: dialog('payouts.export.dialog', `payouts.export.filter.${request.format}`) });
/** @param {{ creator_id?: number|null, run_id?: number|null }} filter @param {{ offset: number, limit: number }} page
 * @returns {Promise<{ total: number, offset: number, rows: MoneyLogEntry[] }>} */
export const moneyLog = (filter, page) => call('payouts_log', { filter, page });
/** @returns {Promise<Array<[number, string]>>} */
export const moneyLogCreators = () => call('payouts_log_creators');
/** @returns {Promise<ClientOwed[]>} */
export const owedAcross = () => call('payouts_owed_across');
/** Where a collaboration's fee stands. @param {number} collaborationId
 * @returns {Promise<{ state: 'none'|'waiting'|'falls_due'|'due'|'paid', fee_minor: number, booked_minor: number,
 *   due_on: string|null, reason: string|null, note: string|null }>} */
export const feeStanding = (collaborationId) => call('payouts_fee_standing', { collaborationId });
/** Marks the fee due today, with the reason. @param {number} collaborationId @param {string} reason */
export const markFeeDue = (collaborationId, reason) => call('payouts_mark_fee_due', { collaborationId, reason });


// ---------------------------------------------------------------------------------------------
// Analytics (commands/analytics.rs): the charts the core draws.
/**
 * @typedef {'commissions_by_month'|'payouts_by_creator'|'revenue_by_creator'|'revenue_by_campaign'} ChartKind
 * @typedef {{ theme: 'light'|'dark', language: string, width: number, height: number, pixel_ratio: number }} ChartStyle
 */
/** Chart `kind` drawn by the core: the bytes of the SVG or PNG file (shown as an image, never as markup).
 * @param {string} kind @param {ChartStyle} style @param {'svg'|'png'} format @returns {Promise<ArrayBuffer>} */
export const drawChart = (kind, style, format) => call('charts_draw', { kind, style, format });
/** Native save dialog, then the chart drawn in `style` written there. Null when cancelled.
 * @param {string} kind @param {ChartStyle} style @param {'svg'|'png'} format @returns {Promise<string|null>} */
export const saveChart = (kind, style, format) => call('charts_save', { kind, style, format, dialog: dialog('charts.save.dialog', `charts.save.filter.${format}`) });

// ---------------------------------------------------------------------------------------------
// Results (commands/results.rs, commands/analytics.rs): what posts did, the figures beside the
// benchmarks, the client report.
/**
 * @typedef {{ basis_points: number, numerator: string, denominator: string }} Ratio
 * @typedef {{ value: Ratio } | { not_enough_data: { reason: { code: string, count?: string } } }} RateFigure
 * @typedef {{ views: number|null, reach: number|null, impressions: number|null, likes: number|null,
 *   comments: number|null, shares: number|null, saves: number|null, link_clicks: number|null,
 *   profile_follows: number|null, followers_at_post: number|null }} PostCounts
 * @typedef {{ id: number, deliverable_id: number, taken_on: string, counts: PostCounts, followers_from: string,
 *   source: string, source_file: string, source_row: number|null, external_post_id: string, latest: boolean,
 *   entered_at: string }} Snapshot
 * @typedef {{ deliverable_id: number, collaboration_id: number, creator_id: number, creator: string,
 *   handle: string|null, platform: string, format: string, published_at: string|null, post_url: string,
 *   latest: Snapshot|null, snapshots: number, basis: string, engagement: RateFigure, formula: string }} GridPost
 */
/** A campaign's published posts with their newest counts and rate. @param {number} campaignId
 * @returns {Promise<GridPost[]>} */
export const resultsGrid = (campaignId) => call('results_grid', { campaignId, spelling: spelling() });
/** One post's counts as typed (text, in the window's spelling; empty = not known).
 * @param {Record<string, string|number>} draft @returns {Promise<Snapshot>} */
export const recordResults = (draft) => call('results_record', { draft: { ...draft, spelling: spelling() } });
/** Every snapshot of a post, newest first. @param {number} deliverableId @returns {Promise<Snapshot[]>} */
export const resultsHistory = (deliverableId) => call('results_history', { deliverableId });
/** Deletes one snapshot. @param {number} id */
export const deleteResultsSnapshot = (id) => call('results_delete_snapshot', { id });
/** Native open dialog for a results file. @returns {Promise<string|null>} */
export const pickResultsFile = () => call('sales_import_pick_file', { dialog: dialog('results.import.dialogTitle', 'dialog.filter.csv') });
/**
 * @typedef {{ mapping?: Record<string, string|null> | null, assignments?: Record<string, number>,
 *   leave_unmatched?: boolean, skip_bad_rows?: boolean }} ResultsChoices
 */
const resultsOptions = (/** @type {ResultsChoices} */ c) => ({
  mapping: c.mapping ?? null, spelling: c.mapping ? spelling() : null, assignments: c.assignments ?? {},
  leave_unmatched: Boolean(c.leave_unmatched), skip_bad_rows: Boolean(c.skip_bad_rows),
});
/** What importing a results file would do (writes nothing). @param {string} path @param {ResultsChoices} [choices]
 * @returns {Promise<any>} ResultsPreview */
export const previewResults = (path, choices = {}) => call('results_import_preview', { path, options: resultsOptions(choices) });
/** Imports a results file, all or nothing. @param {string} path @param {ResultsChoices} [choices]
 * @returns {Promise<any>} ResultsImportReport */
export const importResults = (path, choices = {}) => call('results_import_run', { path, options: resultsOptions(choices) });
/** The figures grouped `by` (of a campaign, or all), each group over its posts in `window`
 * (`'all'`, `{ last_posts: 10 }`, `{ last_days: 90 }`), with the contrasts.
 * @param {number|null} campaignId @param {string} by @param {any} [window] @returns {Promise<any>} Analytics */
export const analyticsFigures = (campaignId, by, window = 'all') => call('analytics_figures', { campaignId, by, window, spelling: spelling() });
/** Every formula, named and written out. @returns {Promise<Array<{ id: string, name: string, text: string }>>} */
export const analyticsFormulas = () => call('analytics_formulas', { spelling: spelling() });
/** Native save dialog, then the campaign's client report written there as PDF. Null when cancelled.
 * @param {number} campaignId @param {'en'|'nl'} language @param {boolean} includeMoney @returns {Promise<string|null>} */
export const saveReport = (campaignId, language, includeMoney) =>
  call('report_save', { campaignId, language, includeMoney, dialog: dialog('results.report.dialog', 'results.report.filter') });
/**
 * @typedef {{ currency: string, bases: Array<{ platform: string, basis: string }>,
 *   emv: Array<{ count: string, per: number, value: string|null, default: string }> }} AnalyticsSettings
 */
/** The results settings. @returns {Promise<AnalyticsSettings>} */
export const analyticsSettings = () => call('analytics_settings');
/** Saves the results settings (amounts in the window's spelling; empty: not valued).
 * @param {Record<string, string>} bases @param {Record<string, string>} emv @returns {Promise<AnalyticsSettings>} */
export const saveAnalyticsSettings = (bases, emv) => call('analytics_settings_save', { draft: { bases, emv, spelling: spelling() } });
/** A results chart (`engagement`, `by_format`, `by_tier`, `gifted_vs_paid`, `funnel`, `budget`, `growth`)
 * of a campaign, a creator or the workspace, drawn by the core: the file's bytes.
 * @param {string} kind @param {{ campaign?: number|null, creator?: number|null }} scope @param {ChartStyle} style
 * @param {'svg'|'png'} format @returns {Promise<ArrayBuffer>} */
export const drawResultsChart = (kind, scope, style, format) =>
  call('results_chart_draw', { kind, scope: { campaign: scope.campaign ?? null, creator: scope.creator ?? null }, style, format });
/** Native save dialog, then that chart written there. Null when cancelled. */
export const saveResultsChart = (kind, scope, style, format) =>
  call('results_chart_save', { kind, scope: { campaign: scope.campaign ?? null, creator: scope.creator ?? null }, style, format, dialog: dialog('charts.save.dialog', `charts.save.filter.${format}`) });
/** The authenticity flags of these creators (a page of the roster): id → flags, only flagged ones.
 * @param {number[]} creatorIds @returns {Promise<Record<string, Array<{ kind: string, label: string, reason: string }>>>} */
export const rosterFlags = (creatorIds) => call('signals_roster_flags', { creatorIds, spelling: spelling() });
/** One creator's authenticity signals, per handle, each with its reason and the numbers behind it.
 * @param {number} creatorId @returns {Promise<Array<{ platform: string, handle: string, flag: { kind: string, label: string, reason: string } }>>} */
export const creatorFlags = (creatorId) => call('signals_of_creator', { creatorId, spelling: spelling() });
/** A campaign's key figures, spend and return (CPM, CPE, CPC, CPA, ROAS, EMV), best posts and
 * formulas, worded by the core. @param {number} campaignId @returns {Promise<any>} KeyFigures */
export const keyFigures = (campaignId) => call('results_key_figures', { campaignId, spelling: spelling() });
