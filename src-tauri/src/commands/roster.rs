//! The commands of the roster: the table with its filters, one creator, and creators in and
//! out as CSV.

use super::{file_safe, filter, with_extension, CmdResult, ExportReport};
use crate::dialogs::{self, DialogText};
use crate::state::AppState;
use chorus_core::roster::creators::{self, CreatorView};
use chorus_core::roster::export::Dialect;
use chorus_core::roster::import::{self, ColumnMapping, ImportOptions, ImportOutcome, ImportPreview, Progress};
use chorus_core::numbers::Spelling;
use chorus_core::roster::model::CreatorDraft;
use chorus_core::roster::vocabulary::Vocabulary;
use chorus_core::roster::{self, Facets, RosterPage, RosterQuery};
use chorus_core::ErrorPayload;
use std::path::Path;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};

const CSV_EXTENSIONS: &[&str] = &["csv", "txt"];

#[tauri::command(async)]
pub fn vocabulary(state: State<'_, AppState>) -> CmdResult<Vocabulary> {
    state.with_workspace(|ws| Ok(chorus_core::roster::vocabulary::vocabulary(&ws.settings()?)))
}

#[tauri::command(async)]
pub fn roster_list(state: State<'_, AppState>, query: RosterQuery) -> CmdResult<RosterPage> {
    state.with_workspace(|ws| roster::list(ws, &query))
}

/// Every creator the query's search and filters match: the roster's "select all".
#[tauri::command(async)]
pub fn roster_matching_ids(state: State<'_, AppState>, query: RosterQuery) -> CmdResult<Vec<i64>> {
    state.with_workspace(|ws| roster::matching_ids(ws, &query))
}

#[tauri::command(async)]
pub fn roster_facets(state: State<'_, AppState>) -> CmdResult<Facets> {
    state.with_workspace(|ws| roster::facets(ws))
}

#[tauri::command(async)]
pub fn creator_get(state: State<'_, AppState>, id: i64) -> CmdResult<CreatorView> {
    state.with_workspace(|ws| creators::get(ws, id).map(CreatorView::from))
}

/// `spelling`: how the window writes numbers (its language), for the followers and rates.
#[tauri::command(async)]
pub fn creator_create(state: State<'_, AppState>, draft: CreatorDraft, spelling: Spelling) -> CmdResult<CreatorView> {
    let draft = CreatorDraft { spelling, ..draft };
    state.with_workspace(|ws| creators::create(ws, &draft).map(CreatorView::from))
}

#[tauri::command(async)]
pub fn creator_update(state: State<'_, AppState>, id: i64, revision: i64, draft: CreatorDraft, spelling: Spelling) -> CmdResult<CreatorView> {
    let draft = CreatorDraft { spelling, ..draft };
    state.with_workspace(|ws| creators::update(ws, id, revision, &draft).map(CreatorView::from))
}

#[tauri::command(async)]
pub fn creator_delete(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.with_workspace(|ws| creators::delete(ws, id))
}

#[tauri::command(async)]
pub fn import_pick_file<R: Runtime>(app: AppHandle<R>, dialog: DialogText) -> CmdResult<Option<String>> {
    Ok(dialogs::pick_open(&app, &dialog.title, filter(&dialog, CSV_EXTENSIONS)).map(|p| p.display().to_string()))
}

#[tauri::command(async)]
pub fn import_preview(path: String) -> CmdResult<ImportPreview> {
    Ok(import::preview(Path::new(&path))?)
}

/// Runs the import on a blocking worker; progress messages arrive in order on `on_progress`.
/// `options.skip_bad_rows` imports the good rows and leaves out (and saves) the bad ones.
#[tauri::command]
pub async fn import_run<R: Runtime>(app: AppHandle<R>, path: String, mapping: ColumnMapping, options: ImportOptions, on_progress: Channel<Progress>) -> CmdResult<ImportOutcome> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        state.with_workspace(|ws| {
            ws.set_actor(chorus_core::workspace::Actor::Import);
            let result = import::run_with(ws, Path::new(&path), &mapping, options, &mut |p| {
                let _ = on_progress.send(p);
            });
            ws.set_actor(chorus_core::workspace::Actor::App);
            result
        })
    })
    .await
    .map_err(|e| ErrorPayload::new("internal", format!("The import stopped unexpectedly: {e}")))?
}

#[tauri::command(async)]
pub fn export_roster<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, query: RosterQuery, dialect: Dialect, dialog: DialogText) -> CmdResult<Option<ExportReport>> {
    let brand = state.with_workspace(|ws| Ok(ws.settings()?.brand_name))?;
    let suggested = format!("{} creators {}.csv", file_safe(&brand), chorus_core::workspace::today());
    let folder = state.workspace.lock().unwrap().as_ref().and_then(|ws| ws.path().and_then(Path::parent).map(Path::to_path_buf));
    let Some(path) = dialogs::pick_save(&app, &dialog.title, &suggested, folder, filter(&dialog, CSV_EXTENSIONS)) else { return Ok(None) };
    let path = with_extension(path, "csv");
    let rows = state.with_workspace(|ws| chorus_core::roster::export::export_roster_as(ws, &query, dialect, &path))?;
    Ok(Some(ExportReport { path: path.display().to_string(), rows }))
}
/// Opens a creator's profile link in the person's browser (never in the app's own window).
/// Only http(s) addresses are opened.
#[tauri::command(async)]
pub fn open_profile<R: Runtime>(app: AppHandle<R>, url: String) -> CmdResult<()> {
    use tauri_plugin_opener::OpenerExt;
    if !chorus_core::roster::validate::is_web_url(&url) {
        return Err(chorus_core::Error::Validation(vec![chorus_core::FieldError::new("profile_url", "invalid_url", format!("“{url}” is not a web address.")).with_value(&url)]).into());
    }
    app.opener().open_url(url, None::<&str>).map_err(|e| ErrorPayload::new("io", format!("The browser could not be opened: {e}")))
}
