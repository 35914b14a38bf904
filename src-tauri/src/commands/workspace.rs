//! The commands of the workspace file itself: what the window starts with, creating, opening
//! and closing a workspace, and its settings.

use super::{file_safe, filter, with_extension, CmdResult};
use crate::dialogs::{self, DialogText};
use crate::state::{AppState, WorkspaceStatus};
use chorus_core::app::recent::{RecentEntry, RecentList};
use chorus_core::workspace::settings::{self, Settings, SettingsView};
use chorus_core::workspace::settings_form::{self, SettingsDraft};
use chorus_core::numbers::Spelling;
use chorus_core::workspace::WorkspaceInfo;
use chorus_core::{ErrorPayload, Workspace};
use serde::{Deserialize, Serialize};
use std::path::Path;
use tauri::{AppHandle, Runtime, State};

const WORKSPACE_EXTENSIONS: &[&str] = &["chorus"];

#[derive(Serialize)]
pub struct AppStateView {
    workspace: Option<WorkspaceInfo>,
    recent: Vec<RecentEntry>,
    open_error: Option<ErrorPayload>,
}

#[tauri::command(async)]
pub fn app_state(state: State<'_, AppState>) -> CmdResult<AppStateView> {
    let workspace = state.workspace.lock().unwrap().as_ref().map(Workspace::info).transpose()?;
    let recent = RecentList::load(&state.dirs.config).entries;
    Ok(AppStateView { workspace, recent, open_error: state.open_error.lock().unwrap().clone() })
}

#[derive(Deserialize)]
pub struct NewWorkspace {
    brand_name: String,
    currency: String,
    locale: String,
}

#[tauri::command(async)]
pub fn workspace_create<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, settings: NewWorkspace, dialog: DialogText) -> CmdResult<Option<WorkspaceInfo>> {
    let settings = Settings::new(&settings.brand_name, &settings.currency, &settings.locale);
    settings.validate()?; // before the dialog: a bad name should not cost the user a dialog
    let suggested = format!("{}.chorus", file_safe(&settings.brand_name));
    let Some(path) = dialogs::pick_save(&app, &dialog.title, &suggested, Some(state.dirs.data.clone()), filter(&dialog, WORKSPACE_EXTENSIONS)) else {
        return Ok(None);
    };
    let ws = Workspace::create(with_extension(path, "chorus"), &settings)?;
    let info = ws.info()?;
    state.set_workspace(ws)?;
    Ok(Some(info))
}

#[tauri::command(async)]
pub fn workspace_open_dialog<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, dialog: DialogText) -> CmdResult<Option<WorkspaceInfo>> {
    let Some(path) = dialogs::pick_open(&app, &dialog.title, filter(&dialog, WORKSPACE_EXTENSIONS)) else { return Ok(None) };
    state.open(&path)?;
    Ok(Some(state.with_workspace(|ws| ws.info())?))
}

#[tauri::command(async)]
pub fn workspace_open(state: State<'_, AppState>, path: String) -> CmdResult<WorkspaceInfo> {
    state.open(Path::new(&path))?;
    state.with_workspace(|ws| ws.info())
}

#[tauri::command(async)]
pub fn workspace_open_demo(state: State<'_, AppState>) -> CmdResult<WorkspaceInfo> {
    state.open_demo()?;
    state.with_workspace(|ws| ws.info())
}

#[tauri::command(async)]
pub fn workspace_close(state: State<'_, AppState>) -> CmdResult<()> {
    state.close();
    Ok(())
}

#[tauri::command(async)]
pub fn workspace_info(state: State<'_, AppState>) -> CmdResult<WorkspaceInfo> {
    state.with_workspace(|ws| ws.info())
}

/// True when another process wrote to the open workspace since the window last asked.
#[tauri::command(async)]
pub fn workspace_changed_elsewhere(state: State<'_, AppState>) -> CmdResult<bool> {
    state.changed_elsewhere()
}

/// Read-only, damage or a replaced file, another Chorus being waited for: the banner's facts.
#[tauri::command(async)]
pub fn workspace_status(state: State<'_, AppState>) -> WorkspaceStatus {
    state.status()
}

#[tauri::command(async)]
pub fn settings_get(state: State<'_, AppState>) -> CmdResult<SettingsView> {
    state.with_workspace(|ws| settings::view(ws.conn(), ws.settings()?))
}

/// `spelling`: how the window writes numbers (its language), for the tier bounds and days.
#[tauri::command(async)]
pub fn settings_update(state: State<'_, AppState>, settings: SettingsDraft, spelling: Spelling) -> CmdResult<SettingsView> {
    let settings = SettingsDraft { spelling, ..settings };
    state.with_workspace(|ws| {
        let saved = settings_form::save(ws, &settings)?;
        settings::view(ws.conn(), saved)
    })
}
