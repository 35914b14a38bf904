//! The commands of Settings → Backups and of the damaged-file message: the open workspace's
//! backup copies, the folder they go to (the person's preference), and putting a copy back.
//! A restore never deletes anything: the core keeps the replaced file aside.

use super::CmdResult;
use crate::dialogs::{self, DialogText};
use crate::state::AppState;
use chorus_core::app::preferences::Preferences;
use chorus_core::error::BackupCopy;
use chorus_core::workspace::backups::{self, Place};
use chorus_core::workspace::{BackupOutcome, WorkspaceInfo};
use serde::Serialize;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Runtime, State};

#[derive(Serialize)]
pub struct BackupsView {
    /// Where this workspace's copies go.
    folder: String,
    /// The folder the person chose for every workspace's copies; `None`: beside each file.
    chosen_folder: Option<String>,
    keep: usize,
    /// Newest first.
    copies: Vec<BackupCopy>,
    /// How today's copy went.
    today: BackupOutcome,
}

fn open_path(state: &AppState) -> CmdResult<PathBuf> {
    state.with_workspace(|ws| Ok(ws.path().map(Path::to_path_buf)))?.ok_or_else(crate::state::no_workspace)
}

fn view(state: &AppState) -> CmdResult<BackupsView> {
    let path = open_path(state)?;
    let place: Place = state.backup_place(&path);
    let today = state.workspace.lock().unwrap().as_mut().map(|ws| ws.backup_outcome(false)).unwrap_or(BackupOutcome::NotNeeded);
    Ok(BackupsView {
        folder: place.folder().display().to_string(),
        chosen_folder: Preferences::load(&state.dirs.config).backup_folder,
        keep: backups::KEEP,
        copies: place.copies(),
        today,
    })
}

#[tauri::command(async)]
pub fn backups_list(state: State<'_, AppState>) -> CmdResult<BackupsView> {
    view(&state)
}

#[derive(Serialize)]
pub struct RestoreReport {
    workspace: WorkspaceInfo,
    /// Where the replaced file was kept.
    kept_aside: Option<String>,
}

/// Puts a copy back at `workspace` (the open one, or one that could not be opened): `copy`,
/// or the latest when none is named. The workspace is closed first and opened again after.
#[tauri::command(async)]
pub fn backup_restore(state: State<'_, AppState>, workspace: String, copy: Option<String>) -> CmdResult<RestoreReport> {
    let path = PathBuf::from(&workspace);
    let chosen = state.backup_place(&path).choose(&path, copy.as_deref())?;
    let is_open = state.workspace.lock().unwrap().as_ref().and_then(|ws| ws.path().map(Path::to_path_buf)).is_some_and(|p| p == path);
    if is_open {
        state.close();
    }
    let restored = backups::restore(&path, &chosen, chrono::Local::now().naive_local())?;
    state.open(&path)?;
    Ok(RestoreReport { workspace: state.with_workspace(|ws| ws.info())?, kept_aside: restored.kept_aside.map(|p| p.display().to_string()) })
}

/// Native folder dialog; the chosen folder holds every workspace's copies from now on (the
/// copies taken before stay where they are). Today's copy is taken there at once.
#[tauri::command(async)]
pub fn backup_folder_choose<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, dialog: DialogText) -> CmdResult<Option<BackupsView>> {
    let Some(folder) = dialogs::pick_folder(&app, &dialog.title) else { return Ok(None) };
    set_folder(&state, Some(folder.display().to_string()))?;
    view(&state).map(Some)
}

/// Back to copies beside each workspace.
#[tauri::command(async)]
pub fn backup_folder_reset(state: State<'_, AppState>) -> CmdResult<BackupsView> {
    set_folder(&state, None)?;
    view(&state)
}

fn set_folder(state: &AppState, folder: Option<String>) -> CmdResult<()> {
    let mut prefs = Preferences::load(&state.dirs.config);
    prefs.backup_folder = folder;
    prefs.save(&state.dirs.config)?;
    let path = open_path(state)?;
    let place = state.backup_place(&path);
    state.with_workspace(|ws| {
        ws.start_guard(place, chorus_core::campaigns::fields::local_today());
        Ok(())
    })
}
