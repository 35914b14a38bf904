//! The Tauri shell: adapts the Chorus core to the desktop window. It holds the open workspace,
//! finds the app's folders, opens native dialogs and registers the commands in [`commands`];
//! every rule lives in `chorus-core`.

pub mod commands;
mod dialogs;
pub mod preference_commands;
pub mod state;

use state::AppState;
use tauri::Manager;

/// Builds the app with its state and commands; the window comes from tauri.conf.json.
pub fn builder<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            let dirs = state::AppDirs::resolve(app.handle())?;
            let state = AppState::start(dirs);
            app.manage(state);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_state,
            commands::workspace_create,
            commands::workspace_open_dialog,
            commands::workspace_open,
            commands::workspace_open_demo,
            commands::workspace_close,
            commands::workspace_info,
            commands::workspace_changed_elsewhere,
            commands::recent_forget,
            commands::settings_get,
            commands::settings_update,
            commands::vocabulary,
            commands::roster_list,
            commands::roster_facets,
            commands::creator_get,
            commands::creator_create,
            commands::creator_update,
            commands::creator_delete,
            commands::import_pick_file,
            commands::import_preview,
            commands::import_run,
            commands::export_roster,
            commands::open_profile,
            preference_commands::preferences_get,
            preference_commands::preferences_set,
        ])
}

pub fn run() {
    builder(tauri::Builder::default())
        .run(tauri::generate_context!())
        .expect("Chorus could not start its window");
}
