//! The commands behind the Today view (this workspace, or every recent workspace at once), its
//! calendar export of everything, and the creator's side of campaigns (history, gifts,
//! compensation and outreach log in one read). Thin like every command: convert, call one core
//! function, map the error; every rule lives in `chorus_core::campaigns`.

use super::{file_safe, filter, with_extension, CmdResult, ExportReport};
use crate::dialogs::{self, DialogText};
use crate::state::AppState;
use chorus_core::campaigns::board::{self, CreatorHistory};
use chorus_core::campaigns::today::{self, ClientToday, Today};
use chorus_core::campaigns::{calendar, fields};
use chorus_core::app::recent::RecentList;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Runtime, State};

const ICS_EXTENSIONS: &[&str] = &["ics"];

/// Today in the open workspace.
#[tauri::command(async)]
pub fn today_view(state: State<'_, AppState>) -> CmdResult<Today> {
    state.with_workspace(|ws| today::today(ws, fields::local_today()))
}

/// Today in every recent workspace, in the recent list's order (missing, damaged and older
/// files come back as entries that say so).
#[tauri::command(async)]
pub fn today_across(state: State<'_, AppState>) -> CmdResult<Vec<ClientToday>> {
    let paths: Vec<PathBuf> = RecentList::load(&state.dirs.config).entries.into_iter().map(|e| PathBuf::from(e.path)).collect();
    Ok(today::across(&paths, fields::local_today()))
}

/// A creator across campaigns: collaborations, gifts received, outreach log, compensation.
#[tauri::command(async)]
pub fn creator_history(state: State<'_, AppState>, creator_id: i64) -> CmdResult<CreatorHistory> {
    state.with_workspace(|ws| board::creator_history(ws, creator_id))
}

/// Native save dialog, then every campaign's dates as one .ics calendar. None when cancelled.
#[tauri::command(async)]
pub fn calendar_export_all<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, dialog: DialogText) -> CmdResult<Option<ExportReport>> {
    let (brand, folder) = state.with_workspace(|ws| Ok((ws.settings()?.brand_name, ws.path().and_then(Path::parent).map(Path::to_path_buf))))?;
    let suggested = format!("{} {}.ics", file_safe(&brand), chorus_core::workspace::today());
    let Some(path) = dialogs::pick_save(&app, &dialog.title, &suggested, folder, filter(&dialog, ICS_EXTENSIONS)) else { return Ok(None) };
    let path = with_extension(path, "ics");
    let events = state.with_workspace(|ws| calendar::write_ics(ws, None, &path))?;
    Ok(Some(ExportReport { path: path.display().to_string(), rows: events as u64 }))
}
