//! What belongs to the person, not to a workspace: the app preferences (display language) and
//! the recent-workspaces list. They live in the app's config folder, so they hold with no
//! workspace open. Thin like every command: convert, call the core, map the error.

use super::CmdResult;
use crate::state::AppState;
use chorus_core::app::preferences::Preferences;
use chorus_core::app::recent::{RecentEntry, RecentList};
use chorus_core::ErrorPayload;
use std::path::Path;
use tauri::State;

#[tauri::command(async)]
pub fn preferences_get(state: State<'_, AppState>) -> Preferences {
    Preferences::load(&state.dirs.config)
}

/// Saves the display language; the backup folder keeps what it was (it has its own commands).
#[tauri::command(async)]
pub fn preferences_set(state: State<'_, AppState>, preferences: Preferences) -> Result<Preferences, ErrorPayload> {
    let mut saved = Preferences::load(&state.dirs.config);
    saved.language = preferences.language;
    saved.save(&state.dirs.config)?;
    Ok(saved)
}

#[tauri::command(async)]
pub fn recent_forget(state: State<'_, AppState>, path: String) -> CmdResult<Vec<RecentEntry>> {
    let mut recent = RecentList::load(&state.dirs.config);
    recent.forget(Path::new(&path));
    recent.save(&state.dirs.config)?;
    Ok(RecentList::load(&state.dirs.config).entries)
}

