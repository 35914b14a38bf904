//! The commands that bring sales in from files: a shop's orders export onto the Sales screen,
//! and an affiliate list into a campaign. Each is a native open dialog, a preview that writes
//! nothing, and the import itself (all or nothing, as the core's import is). Thin like every
//! command: convert, call one core function, map the error; the rules live in
//! `chorus_core::sales::order_import` and `chorus_core::sales::affiliates`.

use super::{filter, CmdResult};
use crate::dialogs::{self, DialogText};
use crate::state::AppState;
use chorus_core::numbers::Spelling;
use chorus_core::roster::import::{ColumnMapping, ImportOptions};
use chorus_core::sales::affiliates::{self, AffiliateImport};
use chorus_core::sales::order_import::{self, OrderImportOptions, OrderImportReport, OrderPreview};
use chorus_core::sales::orders::OrderMapping;
use chorus_core::workspace::Actor;
use chorus_core::ErrorPayload;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use tauri::{AppHandle, Manager, Runtime, State};

const CSV_EXTENSIONS: &[&str] = &["csv", "txt"];

/// The person's columns for an orders CSV no shop layout fits: header → order field
/// (`order_number`, `created_at`, …), and how the file writes its numbers (the window's
/// language: `en` or `nl`).
#[derive(Debug, Clone, Deserialize)]
pub struct OrderColumns {
    pub columns: BTreeMap<String, String>,
    #[serde(default)]
    pub spelling: Option<Spelling>,
}

fn options(mapping: Option<OrderColumns>) -> OrderImportOptions {
    OrderImportOptions { source: None, mapping: mapping.map(|m| OrderMapping { columns: m.columns, spelling: m.spelling }) }
}

/// Native open dialog for a CSV (orders or an affiliate list). None when cancelled.
#[tauri::command(async)]
pub fn sales_import_pick_file<R: Runtime>(app: AppHandle<R>, dialog: DialogText) -> CmdResult<Option<String>> {
    Ok(dialogs::pick_open(&app, &dialog.title, filter(&dialog, CSV_EXTENSIONS)).map(|p| p.display().to_string()))
}

/// What importing the orders of `path` would do. Writes nothing.
#[tauri::command(async)]
pub fn orders_import_preview(state: State<'_, AppState>, path: String, mapping: Option<OrderColumns>) -> CmdResult<OrderPreview> {
    state.with_workspace(|ws| order_import::preview_orders(ws.conn(), Path::new(&path), &options(mapping)))
}

/// Imports the orders of `path`, all or nothing, on a blocking worker (one call: no progress).
#[tauri::command]
pub async fn orders_import_run<R: Runtime>(app: AppHandle<R>, path: String, mapping: Option<OrderColumns>) -> CmdResult<OrderImportReport> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        state.with_workspace(|ws| {
            ws.set_actor(Actor::Import);
            let result = order_import::import_orders(ws, Path::new(&path), &options(mapping));
            ws.set_actor(Actor::App);
            result
        })
    })
    .await
    .map_err(|e| ErrorPayload::new("internal", format!("The import of the orders stopped unexpectedly: {e}")))?
}

/// What importing the affiliate list `path` into campaign `campaign_id` would do. Writes nothing.
#[tauri::command(async)]
pub fn affiliates_import_preview(state: State<'_, AppState>, campaign_id: i64, path: String, mapping: ColumnMapping) -> CmdResult<AffiliateImport> {
    state.with_workspace(|ws| affiliates::preview(ws, campaign_id, Path::new(&path), &mapping))
}

/// Imports the affiliate list `path` into campaign `campaign_id`, all or nothing (or, with
/// `options.skip_bad_rows`, the good rows).
#[tauri::command]
pub async fn affiliates_import_run<R: Runtime>(app: AppHandle<R>, campaign_id: i64, path: String, mapping: ColumnMapping, options: ImportOptions) -> CmdResult<AffiliateImport> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        state.with_workspace(|ws| {
            ws.set_actor(Actor::Import);
            let result = affiliates::run(ws, campaign_id, Path::new(&path), &mapping, options);
            ws.set_actor(Actor::App);
            result
        })
    })
    .await
    .map_err(|e| ErrorPayload::new("internal", format!("The import of the affiliate list stopped unexpectedly: {e}")))?
}
