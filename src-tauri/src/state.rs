//! What the shell keeps between commands: the open workspace (one at a time per window), the
//! app's folders, and why the last workspace could not be reopened, if it could not.
//!
//! At start the most recently used workspace that still exists is reopened. On the very first
//! run (no recent list at all) a demo workspace is created in the data folder, so a newcomer
//! sees a living app. `CHORUS_DATA_DIR` points config and data at one folder instead of the
//! system's (tests and portable use).
//!
//! The file's safety: a workspace opened here takes the day's backup copy and (a large file)
//! its structural check in the background ([`Workspace::start_guard`]), waits for another
//! Chorus writing to it while the window shows a notice ([`AppState::waiting_for`]), and is
//! watched every two seconds ([`watch_files`]) so a file moved, deleted or replaced behind its
//! back is let go of at once, even while the window is hidden. Damage or a replaced file is
//! kept as [`AppState::trouble`] for the window's banner; a damaged file can still be looked
//! at, and the core refuses every write to it.

use chorus_core::app::preferences::Preferences;
use chorus_core::app::recent::RecentList;
use chorus_core::charts::ChartCache;
use chorus_core::workspace::backups::Place;
use chorus_core::workspace::now_utc;
use chorus_core::{Error, ErrorPayload, Workspace};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;
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
    /// The file name of the workspace whose write waits for another Chorus, while it waits
    /// (read without the workspace's lock, which the waiting write holds).
    pub waiting_for: Arc<Mutex<Option<String>>>,
    /// Damage or a replaced file, once met, for the window's banner.
    pub trouble: Mutex<Option<ErrorPayload>>,
    /// The figures of the charts last drawn, kept while the workspace reads the same.
    pub charts: ChartCache,
}

impl AppState {
    /// Opens what the user had open last time, or the demo on a first run.
    pub fn start(dirs: AppDirs) -> AppState {
        let recent = RecentList::load(&dirs.config);
        let state = AppState {
            dirs,
            workspace: Mutex::new(None),
            open_error: Mutex::new(None),
            seen_changes: Mutex::new(0),
            waiting_for: Arc::new(Mutex::new(None)),
            trouble: Mutex::new(None),
            charts: ChartCache::new(),
        };
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

    /// Where the backup copies of `workspace` are: beside it, or in the person's chosen folder.
    pub fn backup_place(&self, workspace: &Path) -> Place {
        Place::for_workspace(workspace, Preferences::load(&self.dirs.config).backup_folder())
    }

    /// Makes `ws` the open workspace and puts it on top of the recent list; starts its
    /// background check and backup, and the waiting notice.
    pub fn set_workspace(&self, mut ws: Workspace) -> Result<(), ErrorPayload> {
        if let Some(path) = ws.path().map(Path::to_path_buf) {
            ws.start_guard(self.backup_place(&path), chorus_core::campaigns::fields::local_today());
            let waiting = Arc::clone(&self.waiting_for);
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            ws.on_wait(move |now| *waiting.lock().unwrap() = now.then(|| name.clone()));
        }
        let mut recent = RecentList::load(&self.dirs.config);
        if let Some(path) = ws.path() {
            let brand = ws.settings().map_err(ErrorPayload::from)?.brand_name;
            recent.touch(path, &brand, &now_utc());
            recent.save(&self.dirs.config).map_err(ErrorPayload::from)?;
        }
        *self.seen_changes.lock().unwrap() = ws.change_counter().map_err(ErrorPayload::from)?;
        *self.workspace.lock().unwrap() = Some(ws);
        *self.open_error.lock().unwrap() = None;
        *self.trouble.lock().unwrap() = None;
        Ok(())
    }

    /// Opens `path` for work; a damaged file's error offers its latest backup copy.
    pub fn open(&self, path: &Path) -> Result<(), ErrorPayload> {
        let ws = Workspace::open(path).map_err(|e| match e {
            damaged @ Error::Damaged { .. } => damaged.with_backup(self.backup_place(path).latest()),
            other => other,
        })?;
        self.set_workspace(ws)
    }

    /// Closes the open workspace (its background work is interrupted, its WAL emptied).
    pub fn close(&self) {
        *self.workspace.lock().unwrap() = None;
        *self.trouble.lock().unwrap() = None;
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

    /// Runs `f` on the open workspace; a clear error when none is open, or when its file was
    /// moved, deleted or replaced. The errors `f` returns name the file, and damage or a
    /// replaced file is remembered for the banner (the core then refuses every write).
    pub fn with_workspace<T>(&self, f: impl FnOnce(&mut Workspace) -> chorus_core::Result<T>) -> Result<T, ErrorPayload> {
        let mut guard = self.workspace.lock().unwrap();
        let ws = guard.as_mut().ok_or_else(no_workspace)?;
        if let Err(e) = ws.check_file() {
            let replaced = matches!(e, Error::Replaced(_));
            let payload = self.remember(e);
            if replaced {
                return Err(payload);
            }
        }
        f(ws).map_err(|e| {
            let e = ws.noticed(e);
            if e.is_file_trouble() { self.remember(e) } else { ErrorPayload::from(e) }
        })
    }

    fn remember(&self, e: Error) -> ErrorPayload {
        let payload = e.to_payload();
        if e.is_file_trouble() {
            *self.trouble.lock().unwrap() = Some(payload.clone());
        }
        payload
    }

    /// What the window's banner shows: read-only, damage or a replaced file, another Chorus
    /// being waited for. Never waits for the workspace's lock (a long import may hold it).
    pub fn status(&self) -> WorkspaceStatus {
        let read_only = self.workspace.try_lock().ok().and_then(|ws| ws.as_ref().map(Workspace::is_read_only));
        WorkspaceStatus { read_only, trouble: self.trouble.lock().unwrap().clone(), waiting_for: self.waiting_for.lock().unwrap().clone() }
    }

    /// One look at the open file, for [`watch_files`]: lets go of a replaced file at once.
    fn look_at_file(&self) {
        let Ok(mut guard) = self.workspace.try_lock() else { return }; // busy: it checks itself
        if let Some(ws) = guard.as_mut() {
            if let Err(e) = ws.check_file() {
                self.remember(e);
            }
        }
    }
}

/// What the window's banner shows about the open file.
#[derive(Debug, Clone, serde::Serialize)]
pub struct WorkspaceStatus {
    /// `None` while a long write holds the workspace.
    pub read_only: Option<bool>,
    pub trouble: Option<ErrorPayload>,
    pub waiting_for: Option<String>,
}

/// Looks at the open workspace's file every two seconds for as long as the app runs.
pub fn watch_files<R: tauri::Runtime>(app: tauri::AppHandle<R>) {
    let _ = std::thread::Builder::new().name("chorus-file-watch".into()).spawn(move || loop {
        std::thread::sleep(Duration::from_secs(2));
        app.state::<AppState>().look_at_file();
    });
}

pub fn no_workspace() -> ErrorPayload {
    ErrorPayload::new("no_workspace", "No workspace is open. Open or create one first.")
}
