//! What the shell keeps between commands: the open workspace (one at a time per window), the
//! app's folders, and why the last workspace could not be reopened, if it could not.
//!
//! At start the most recently used workspace that still exists is reopened. On the very first
//! run (no recent list at all) a demo workspace is created in the data folder, so a newcomer
//! sees a living app. `CHORUS_DATA_DIR` points config and data at one folder instead of the
//! system's (tests and portable use).

use chorus_core::app::recent::RecentList;
use chorus_core::workspace::now_utc;
use chorus_core::{ErrorPayload, Workspace};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tauri::Manager;

pub const DEMO_FILE_NAME: &str = "Demo - Studio Zon.chorus";

#[derive(Debug, Clone)]
pub struct AppDirs {
    /// Where the recent list lives.
    pub config: PathBuf,
    /// Where the demo workspace lives, and the default folder for new workspaces.
    pub data: PathBuf,
}

impl AppDirs {
    pub fn resolve<R: tauri::Runtime>(app: &tauri::AppHandle<R>) -> Result<AppDirs, Box<dyn std::error::Error>> {
        if let Some(dir) = std::env::var_os("CHORUS_DATA_DIR").filter(|d| !d.is_empty()) {
            let dir = PathBuf::from(dir);
            return Ok(AppDirs { config: dir.clone(), data: dir });
        }
        Ok(AppDirs { config: app.path().app_config_dir()?, data: app.path().app_data_dir()? })
    }

    pub fn demo_path(&self) -> PathBuf {
        self.data.join(DEMO_FILE_NAME)
    }
}

pub struct AppState {
    pub dirs: AppDirs,
    pub workspace: Mutex<Option<Workspace>>,
    pub open_error: Mutex<Option<ErrorPayload>>,
    /// The open workspace's change counter when the window last looked.
    pub seen_changes: Mutex<i64>,
}

impl AppState {
    /// Opens what the user had open last time, or the demo on a first run.
    pub fn start(dirs: AppDirs) -> AppState {
        let recent = RecentList::load(&dirs.config);
        let state = AppState { dirs, workspace: Mutex::new(None), open_error: Mutex::new(None), seen_changes: Mutex::new(0) };
        let opened = if let Some(last) = recent.last_existing() {
            state.open(&last)
        } else if recent.entries.is_empty() {
            state.open_demo()
        } else {
            return state; // every recent file is gone: the welcome screen lists them
        };
        if let Err(e) = opened {
            *state.open_error.lock().unwrap() = Some(e);
        }
        state
    }

    /// Makes `ws` the open workspace and puts it on top of the recent list.
    pub fn set_workspace(&self, ws: Workspace) -> Result<(), ErrorPayload> {
        let mut recent = RecentList::load(&self.dirs.config);
        if let Some(path) = ws.path() {
            let brand = ws.settings().map_err(ErrorPayload::from)?.brand_name;
            recent.touch(path, &brand, &now_utc());
            recent.save(&self.dirs.config).map_err(ErrorPayload::from)?;
        }
        *self.seen_changes.lock().unwrap() = ws.change_counter().map_err(ErrorPayload::from)?;
        *self.workspace.lock().unwrap() = Some(ws);
        *self.open_error.lock().unwrap() = None;
        Ok(())
    }

    pub fn open(&self, path: &Path) -> Result<(), ErrorPayload> {
        let ws = Workspace::open(path)?;
        self.set_workspace(ws)
    }

    pub fn open_demo(&self) -> Result<(), ErrorPayload> {
        let path = self.dirs.demo_path();
        if path.exists() {
            return self.open(&path);
        }
        std::fs::create_dir_all(&self.dirs.data).map_err(|e| ErrorPayload::from(chorus_core::Error::io("create the folder", &self.dirs.data, e)))?;
        let ws = chorus_core::demo::create_demo(&path)?;
        self.set_workspace(ws)
    }

    /// Whether another process (the CLI, another window) wrote to the open workspace since the
    /// last call.
    pub fn changed_elsewhere(&self) -> Result<bool, ErrorPayload> {
        let now = self.with_workspace(|ws| ws.change_counter())?;
        let mut seen = self.seen_changes.lock().unwrap();
        let changed = now != *seen;
        *seen = now;
        Ok(changed)
    }

    /// Runs `f` on the open workspace; a clear error when none is open.
    pub fn with_workspace<T>(&self, f: impl FnOnce(&mut Workspace) -> chorus_core::Result<T>) -> Result<T, ErrorPayload> {
        let mut guard = self.workspace.lock().unwrap();
        let ws = guard.as_mut().ok_or_else(no_workspace)?;
        f(ws).map_err(ErrorPayload::from)
    }
}

pub fn no_workspace() -> ErrorPayload {
    ErrorPayload::new("no_workspace", "No workspace is open. Open or create one first.")
}
