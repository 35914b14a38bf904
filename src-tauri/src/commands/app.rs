//! The app preferences (display language) for the window: read and save. They live in the
//! app's config folder, not in a workspace, so they hold with no workspace open. Thin, like
//! the commands in `commands.rs`: convert, call the core, map the error.

use crate::state::AppState;
use chorus_core::preferences::Preferences;
use chorus_core::ErrorPayload;
use tauri::State;

#[tauri::command(async)]
pub fn preferences_get(state: State<'_, AppState>) -> Preferences {
    Preferences::load(&state.dirs.config)
}

#[tauri::command(async)]
pub fn preferences_set(state: State<'_, AppState>, preferences: Preferences) -> Result<Preferences, ErrorPayload> {
    preferences.save(&state.dirs.config)?;
    Ok(preferences)
}
