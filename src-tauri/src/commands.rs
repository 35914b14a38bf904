//! The commands the window calls. Each one converts its arguments, calls one core function and
//! maps the error to `{ kind, message, fields, rows }`; none holds a rule of its own. All run
//! off the main thread (`async`), and the long ones (import) on a blocking worker.

use crate::dialogs::{self, DialogText, Filter};
use crate::state::AppState;
use chorus_core::creators::{self, CreatorView};
use chorus_core::import::{self, ColumnMapping, ImportPreview, ImportReport, Progress};
use chorus_core::model::CreatorDraft;
use chorus_core::recent::{RecentEntry, RecentList};
use chorus_core::roster::{self, Facets, RosterPage, RosterQuery};
use chorus_core::settings::{self, Settings, SettingsView};
use chorus_core::vocabulary::Vocabulary;
use chorus_core::workspace::WorkspaceInfo;
use chorus_core::{ErrorPayload, Workspace};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};

pub(crate) type CmdResult<T> = Result<T, ErrorPayload>;

const WORKSPACE_EXTENSIONS: &[&str] = &["chorus"];
const CSV_EXTENSIONS: &[&str] = &["csv", "txt"];

pub(crate) fn filter<'a>(text: &'a DialogText, extensions: &'a [&'a str]) -> Filter<'a> {
    Filter { name: &text.filter, extensions }
}

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
    *state.workspace.lock().unwrap() = None;
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

#[tauri::command(async)]
pub fn recent_forget(state: State<'_, AppState>, path: String) -> CmdResult<Vec<RecentEntry>> {
    let mut recent = RecentList::load(&state.dirs.config);
    recent.forget(Path::new(&path));
    recent.save(&state.dirs.config)?;
    Ok(RecentList::load(&state.dirs.config).entries)
}

#[tauri::command(async)]
pub fn settings_get(state: State<'_, AppState>) -> CmdResult<SettingsView> {
    state.with_workspace(|ws| ws.settings().map(settings::view))
}

#[tauri::command(async)]
pub fn settings_update(state: State<'_, AppState>, settings: Settings) -> CmdResult<SettingsView> {
    state.with_workspace(|ws| ws.update_settings(&settings).map(settings::view))
}

#[tauri::command(async)]
pub fn vocabulary(state: State<'_, AppState>) -> CmdResult<Vocabulary> {
    state.with_workspace(|ws| Ok(chorus_core::vocabulary::vocabulary(&ws.settings()?)))
}

#[tauri::command(async)]
pub fn roster_list(state: State<'_, AppState>, query: RosterQuery) -> CmdResult<RosterPage> {
    state.with_workspace(|ws| roster::list(ws, &query))
}

#[tauri::command(async)]
pub fn roster_facets(state: State<'_, AppState>) -> CmdResult<Facets> {
    state.with_workspace(|ws| roster::facets(ws))
}

#[tauri::command(async)]
pub fn creator_get(state: State<'_, AppState>, id: i64) -> CmdResult<CreatorView> {
    state.with_workspace(|ws| creators::get(ws, id).map(CreatorView::from))
}

#[tauri::command(async)]
pub fn creator_create(state: State<'_, AppState>, draft: CreatorDraft) -> CmdResult<CreatorView> {
    state.with_workspace(|ws| creators::create(ws, &draft).map(CreatorView::from))
}

#[tauri::command(async)]
pub fn creator_update(state: State<'_, AppState>, id: i64, revision: i64, draft: CreatorDraft) -> CmdResult<CreatorView> {
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
#[tauri::command]
pub async fn import_run<R: Runtime>(app: AppHandle<R>, path: String, mapping: ColumnMapping, on_progress: Channel<Progress>) -> CmdResult<ImportReport> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        state.with_workspace(|ws| {
            ws.set_actor(chorus_core::workspace::Actor::Import);
            let result = import::run(ws, Path::new(&path), &mapping, &mut |p| {
                let _ = on_progress.send(p);
            });
            ws.set_actor(chorus_core::workspace::Actor::App);
            result
        })
    })
    .await
    .map_err(|e| ErrorPayload { kind: "internal", message: format!("The import stopped unexpectedly: {e}"), fields: vec![], rows: vec![], params: Default::default() })?
}

#[derive(Serialize)]
pub struct ExportReport {
    pub(crate) path: String,
    pub(crate) rows: u64,
}

#[tauri::command(async)]
pub fn export_roster<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, query: RosterQuery, dialog: DialogText) -> CmdResult<Option<ExportReport>> {
    let brand = state.with_workspace(|ws| Ok(ws.settings()?.brand_name))?;
    let suggested = format!("{} creators {}.csv", file_safe(&brand), chorus_core::workspace::today());
    let folder = state.workspace.lock().unwrap().as_ref().and_then(|ws| ws.path().and_then(Path::parent).map(Path::to_path_buf));
    let Some(path) = dialogs::pick_save(&app, &dialog.title, &suggested, folder, filter(&dialog, CSV_EXTENSIONS)) else { return Ok(None) };
    let path = with_extension(path, "csv");
    let rows = state.with_workspace(|ws| chorus_core::export::export_roster(ws, &query, &path))?;
    Ok(Some(ExportReport { path: path.display().to_string(), rows }))
}

pub(crate) fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext)) {
        path
    } else {
        let mut s = path.into_os_string();
        s.push(format!(".{ext}"));
        PathBuf::from(s)
    }
}

/// A brand name as a file name: no path separators or characters Windows refuses.
pub(crate) fn file_safe(name: &str) -> String {
    let cleaned: String = name.chars().map(|c| if "/\\:*?\"<>|".contains(c) || c.is_control() { '-' } else { c }).collect();
    let trimmed = cleaned.trim().trim_matches('.').to_string();
    if trimmed.is_empty() { "workspace".into() } else { trimmed }
}


/// Opens a creator's profile link in the person's browser (never in the app's own window).
/// Only http(s) addresses are opened.
#[tauri::command(async)]
pub fn open_profile<R: Runtime>(app: AppHandle<R>, url: String) -> CmdResult<()> {
    use tauri_plugin_opener::OpenerExt;
    if !chorus_core::validate::is_web_url(&url) {
        return Err(chorus_core::Error::Validation(vec![chorus_core::FieldError::new("profile_url", "invalid_url", format!("“{url}” is not a web address.")).with_value(&url)]).into());
    }
    app.opener().open_url(url, None::<&str>).map_err(|e| ErrorPayload {
        kind: "io",
        message: format!("The browser could not be opened: {e}"),
        fields: vec![],
        rows: vec![],
        params: Default::default(),
    })
}
