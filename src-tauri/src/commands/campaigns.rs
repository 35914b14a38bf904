//! The commands behind the Campaigns screen: campaigns, their board and list, collaborations
//! with their deliverables, gift shipments and outreach, the campaign's CSV and calendar
//! exports, and the contract file of a collaboration. Thin like every command: convert, call
//! one core function, map the error; every rule lives in `chorus_core::campaigns`.

use super::{file_safe, filter, with_extension, CmdResult, ExportReport};
use crate::dialogs::{self, DialogText};
use crate::state::AppState;
use chorus_core::campaigns::board::{self, CampaignBoard, CampaignSummary};
use chorus_core::campaigns::campaign::{self, Campaign};
use chorus_core::campaigns::collaboration::{self, BulkAdd, Collaboration, CollaborationDetail};
use chorus_core::campaigns::deliverable::{self, Deliverable};
use chorus_core::campaigns::gifting::{self, EarlierGift, Shipment};
use chorus_core::campaigns::outreach::{self, Touchpoint};
use chorus_core::campaigns::{
    fields, CampaignDraft, CollaborationDraft, CollaborationKind, CollaborationStatus, DeliverableDraft, DeliverableStatus, Goal, ShipmentDraft,
    ShipmentStatus, TouchpointDraft, TouchpointKind,
};
use chorus_core::numbers::Spelling;
use serde::Serialize;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Runtime, State};

const CSV_EXTENSIONS: &[&str] = &["csv"];
const ICS_EXTENSIONS: &[&str] = &["ics"];
/// Any file: a contract may be a PDF, a scan or a document.
const ANY_EXTENSION: &[&str] = &["*"];

/// The stored values of the campaign lists, in the core's order; the window words them.
#[derive(Serialize)]
pub struct CampaignVocabulary {
    goals: Vec<&'static str>,
    collaboration_kinds: Vec<&'static str>,
    collaboration_statuses: Vec<&'static str>,
    deliverable_statuses: Vec<&'static str>,
    shipment_statuses: Vec<&'static str>,
    touchpoint_kinds: Vec<&'static str>,
    /// The carriers whose tracking page a gift links to (offered as the carrier field's names).
    carriers: Vec<&'static str>,
    /// Today on this computer, as the due dates are read.
    today: String,
}

#[tauri::command(async)]
pub fn campaign_vocabulary() -> CampaignVocabulary {
    CampaignVocabulary {
        goals: Goal::ALL.iter().map(|v| v.as_str()).collect(),
        collaboration_kinds: CollaborationKind::ALL.iter().map(|v| v.as_str()).collect(),
        collaboration_statuses: CollaborationStatus::ALL.iter().map(|v| v.as_str()).collect(),
        deliverable_statuses: DeliverableStatus::ALL.iter().map(|v| v.as_str()).collect(),
        shipment_statuses: ShipmentStatus::ALL.iter().map(|v| v.as_str()).collect(),
        touchpoint_kinds: TouchpointKind::ALL.iter().map(|v| v.as_str()).collect(),
        carriers: chorus_core::campaigns::carriers::CARRIERS.iter().map(|c| c.name).collect(),
        today: fields::local_today().format("%Y-%m-%d").to_string(),
    }
}

/// The UTM value a campaign called `name` gets when its slug is left empty.
#[tauri::command(async)]
pub fn campaign_slug(name: String) -> String {
    fields::slugify(&name)
}

/// Every campaign with its phase, budget, spend and counts.
#[tauri::command(async)]
pub fn campaign_list(state: State<'_, AppState>) -> CmdResult<Vec<CampaignSummary>> {
    state.with_workspace(|ws| board::campaign_list(ws, fields::local_today()))
}

/// One campaign's board: collaborations by status, the deliverables timeline and the budget.
#[tauri::command(async)]
pub fn campaign_board(state: State<'_, AppState>, id: i64) -> CmdResult<CampaignBoard> {
    state.with_workspace(|ws| board::campaign_board(ws, id, fields::local_today()))
}


#[tauri::command(async)]
pub fn campaign_get(state: State<'_, AppState>, id: i64) -> CmdResult<Campaign> {
    state.with_workspace(|ws| campaign::get(ws, id))
}

/// `spelling` (here and for collaborations and gifts): how the window writes numbers (its
/// language), for the amounts and quantities of the draft.
#[tauri::command(async)]
pub fn campaign_create(state: State<'_, AppState>, draft: CampaignDraft, spelling: Spelling) -> CmdResult<Campaign> {
    let draft = CampaignDraft { spelling, ..draft };
    state.with_workspace(|ws| campaign::create(ws, &draft))
}

#[tauri::command(async)]
pub fn campaign_update(state: State<'_, AppState>, id: i64, revision: i64, draft: CampaignDraft, spelling: Spelling) -> CmdResult<Campaign> {
    let draft = CampaignDraft { spelling, ..draft };
    state.with_workspace(|ws| campaign::update(ws, id, revision, &draft))
}

#[tauri::command(async)]
pub fn campaign_delete(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.with_workspace(|ws| campaign::delete(ws, id))
}

/// Puts a campaign away: out of the list, the pickers and Today; its history is kept.
#[tauri::command(async)]
pub fn campaign_archive(state: State<'_, AppState>, id: i64) -> CmdResult<Campaign> {
    state.with_workspace(|ws| campaign::archive(ws, id))
}

/// Brings an archived campaign back into use.
#[tauri::command(async)]
pub fn campaign_restore(state: State<'_, AppState>, id: i64) -> CmdResult<Campaign> {
    state.with_workspace(|ws| campaign::restore(ws, id))
}

#[tauri::command(async)]
pub fn collaboration_detail(state: State<'_, AppState>, id: i64) -> CmdResult<CollaborationDetail> {
    state.with_workspace(|ws| collaboration::detail(ws, id))
}

#[tauri::command(async)]
pub fn collaboration_create(state: State<'_, AppState>, draft: CollaborationDraft, spelling: Spelling) -> CmdResult<Collaboration> {
    let draft = CollaborationDraft { spelling, ..draft };
    state.with_workspace(|ws| collaboration::create(ws, &draft))
}

/// Adds several creators to a campaign with the same starting terms, in one go.
#[tauri::command(async)]
pub fn collaboration_add_many(state: State<'_, AppState>, campaign_id: i64, creator_ids: Vec<i64>, terms: CollaborationDraft, spelling: Spelling) -> CmdResult<BulkAdd> {
    let terms = CollaborationDraft { spelling, ..terms };
    state.with_workspace(|ws| collaboration::add_many(ws, campaign_id, &creator_ids, &terms))
}

#[tauri::command(async)]
pub fn collaboration_update(state: State<'_, AppState>, id: i64, revision: i64, draft: CollaborationDraft, spelling: Spelling) -> CmdResult<Collaboration> {
    let draft = CollaborationDraft { spelling, ..draft };
    state.with_workspace(|ws| collaboration::update(ws, id, revision, &draft))
}

#[tauri::command(async)]
pub fn collaboration_delete(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.with_workspace(|ws| collaboration::delete(ws, id))
}

/// One deliverable, or one a month until `repeat_until`.
#[tauri::command(async)]
pub fn deliverable_create(state: State<'_, AppState>, draft: DeliverableDraft, repeat_until: Option<String>) -> CmdResult<Vec<Deliverable>> {
    state.with_workspace(|ws| deliverable::create_series(ws, &draft, repeat_until.as_deref()))
}

#[tauri::command(async)]
pub fn deliverable_update(state: State<'_, AppState>, id: i64, revision: i64, draft: DeliverableDraft) -> CmdResult<Deliverable> {
    state.with_workspace(|ws| deliverable::update(ws, id, revision, &draft))
}

#[tauri::command(async)]
pub fn deliverable_delete(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.with_workspace(|ws| deliverable::delete(ws, id))
}

/// A new shipment's form, addressed to the collaboration's creator.
#[tauri::command(async)]
pub fn shipment_new_draft(state: State<'_, AppState>, collaboration_id: i64) -> CmdResult<ShipmentDraft> {
    state.with_workspace(|ws| gifting::new_draft(ws, collaboration_id))
}

/// Earlier gifts whose products a new gift for this collaboration can start from.
#[tauri::command(async)]
pub fn shipment_earlier(state: State<'_, AppState>, collaboration_id: i64) -> CmdResult<Vec<EarlierGift>> {
    state.with_workspace(|ws| gifting::earlier_gifts(ws, collaboration_id, 20))
}

/// A new gift's form with the products of gift `from_shipment_id`.
#[tauri::command(async)]
pub fn shipment_draft_from(state: State<'_, AppState>, collaboration_id: i64, from_shipment_id: i64) -> CmdResult<ShipmentDraft> {
    state.with_workspace(|ws| gifting::draft_from(ws, collaboration_id, from_shipment_id))
}

#[tauri::command(async)]
pub fn shipment_create(state: State<'_, AppState>, draft: ShipmentDraft, spelling: Spelling) -> CmdResult<Shipment> {
    let draft = ShipmentDraft { spelling, ..draft };
    state.with_workspace(|ws| gifting::create(ws, &draft))
}

#[tauri::command(async)]
pub fn shipment_update(state: State<'_, AppState>, id: i64, revision: i64, draft: ShipmentDraft, spelling: Spelling) -> CmdResult<Shipment> {
    let draft = ShipmentDraft { spelling, ..draft };
    state.with_workspace(|ws| gifting::update(ws, id, revision, &draft))
}

#[tauri::command(async)]
pub fn shipment_delete(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.with_workspace(|ws| gifting::delete(ws, id))
}

#[tauri::command(async)]
pub fn touchpoint_add(state: State<'_, AppState>, draft: TouchpointDraft) -> CmdResult<Touchpoint> {
    state.with_workspace(|ws| outreach::add(ws, &draft))
}

#[tauri::command(async)]
pub fn touchpoint_delete(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.with_workspace(|ws| outreach::delete(ws, id))
}

/// Native open dialog for a contract file; the path is only shown in the form until saved.
#[tauri::command(async)]
pub fn contract_pick_file<R: Runtime>(app: AppHandle<R>, dialog: DialogText) -> CmdResult<Option<String>> {
    Ok(dialogs::pick_open(&app, &dialog.title, filter(&dialog, ANY_EXTENSION)).map(|p| p.display().to_string()))
}

/// Opens the saved contract file of a collaboration in the system's app for it. Only a path
/// stored on the collaboration is opened, never one the window makes up.
#[tauri::command(async)]
pub fn contract_open<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, collaboration_id: i64) -> CmdResult<()> {
    use tauri_plugin_opener::OpenerExt;
    let path = state.with_workspace(|ws| collaboration::contract_file(ws, collaboration_id))?;
    app.opener().open_path(path.display().to_string(), None::<&str>).map_err(|e| {
        chorus_core::Error::io("open the contract file", &path, std::io::Error::other(e.to_string())).into()
    })
}

/// The folder of the open workspace: where exports are offered first.
fn workspace_folder(state: &AppState) -> Option<PathBuf> {
    state.workspace.lock().unwrap().as_ref().and_then(|ws| ws.path().and_then(Path::parent).map(Path::to_path_buf))
}

/// Native save dialog named after the campaign, then `write(path)`. None when cancelled.
fn export_campaign<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    id: i64,
    dialog: &DialogText,
    ext: &'static str,
    extensions: &[&str],
    write: impl FnOnce(&mut chorus_core::Workspace, &Path) -> chorus_core::Result<usize>,
) -> CmdResult<Option<ExportReport>> {
    let name = state.with_workspace(|ws| campaign::get(ws, id).map(|c| c.name))?;
    let suggested = format!("{} {}.{ext}", file_safe(&name), chorus_core::workspace::today());
    let Some(path) = dialogs::pick_save(app, &dialog.title, &suggested, workspace_folder(state), filter(dialog, extensions)) else { return Ok(None) };
    let path = with_extension(path, ext);
    let rows = state.with_workspace(|ws| write(ws, &path))?;
    Ok(Some(ExportReport { path: path.display().to_string(), rows: rows as u64 }))
}

/// The campaign's collaborations and deliverables as CSV.
#[tauri::command(async)]
pub fn campaign_export_csv<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, id: i64, dialog: DialogText) -> CmdResult<Option<ExportReport>> {
    export_campaign(&app, &state, id, &dialog, "csv", CSV_EXTENSIONS, |ws, path| chorus_core::campaigns::export::write_campaign_csv(ws, id, path))
}

/// The campaign's due dates as an .ics calendar.
#[tauri::command(async)]
pub fn campaign_export_ics<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, id: i64, dialog: DialogText) -> CmdResult<Option<ExportReport>> {
    export_campaign(&app, &state, id, &dialog, "ics", ICS_EXTENSIONS, |ws, path| chorus_core::campaigns::calendar::write_ics(ws, Some(id), path))
}
