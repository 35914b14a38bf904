//! The commands behind a campaign's results: the grid of its published posts (their newest
//! counts typed in, a post's snapshots, one deleted) and a results file brought in (Meta Business
//! Suite's Instagram export or any sheet with its columns named): a preview with the rows to
//! assign, then the import, all or nothing unless the person leaves the unmatched rows out.
//! Thin: the rules are `chorus_core::analytics::results`' and `figures`'.

use super::CmdResult;
use crate::state::AppState;
use chorus_core::analytics::figures::{self, GridPost};
use chorus_core::analytics::results::import::{self, ResultsImportOptions, ResultsImportReport, ResultsPreview};
use chorus_core::analytics::results::{self, ResultsDraft, Snapshot};
use chorus_core::numbers::Spelling;
use chorus_core::workspace::Actor;
use chorus_core::ErrorPayload;
use std::path::Path;
use tauri::{AppHandle, Manager, Runtime, State};

/// The campaign's published posts with their newest counts and engagement rate.
#[tauri::command(async)]
pub fn results_grid(state: State<'_, AppState>, campaign_id: i64, spelling: Spelling) -> CmdResult<Vec<GridPost>> {
    state.with_workspace(|ws| figures::results_grid(ws.conn(), campaign_id, spelling))
}

/// One post's counts as typed in the grid: today's typed snapshot written or corrected.
#[tauri::command(async)]
pub fn results_record(state: State<'_, AppState>, draft: ResultsDraft) -> CmdResult<Snapshot> {
    state.with_workspace(|ws| results::record_typed(ws, &draft))
}

/// Every snapshot of a post, newest first.
#[tauri::command(async)]
pub fn results_history(state: State<'_, AppState>, deliverable_id: i64) -> CmdResult<Vec<Snapshot>> {
    state.with_workspace(|ws| results::history(ws.conn(), deliverable_id))
}

/// Deletes one snapshot (audited); the post's previous one becomes its newest.
#[tauri::command(async)]
pub fn results_delete_snapshot(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.with_workspace(|ws| results::delete_snapshot(ws, id))
}

/// What importing the results file `path` would do, with the rows to assign. Writes nothing.
#[tauri::command(async)]
pub fn results_import_preview(state: State<'_, AppState>, path: String, options: ResultsImportOptions) -> CmdResult<ResultsPreview> {
    state.with_workspace(|ws| import::preview_results(ws.conn(), Path::new(&path), &options))
}

/// Imports the results file `path`, all or nothing, on a blocking worker.
#[tauri::command]
pub async fn results_import_run<R: Runtime>(app: AppHandle<R>, path: String, options: ResultsImportOptions) -> CmdResult<ResultsImportReport> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        state.with_workspace(|ws| {
            ws.set_actor(Actor::Import);
            let result = import::import_results(ws, Path::new(&path), &options);
            ws.set_actor(Actor::App);
            result
        })
    })
    .await
    .map_err(|e| ErrorPayload::new("internal", format!("The import of the results stopped unexpectedly: {e}")))?
}
