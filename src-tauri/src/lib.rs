//! The Tauri shell: adapts the Chorus core to the desktop window. It holds the open workspace,
//! finds the app's folders, opens native dialogs and registers the commands in [`commands`];
//! every rule lives in `chorus-core`.

pub mod campaign_commands;
pub mod commands;
mod dialogs;
pub mod preference_commands;
pub mod state;
pub mod today_commands;

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
            campaign_commands::campaign_vocabulary,
            campaign_commands::campaign_slug,
            campaign_commands::campaign_list,
            campaign_commands::campaign_board,
            campaign_commands::campaign_get,
            campaign_commands::campaign_create,
            campaign_commands::campaign_update,
            campaign_commands::campaign_delete,
            campaign_commands::collaboration_detail,
            campaign_commands::collaboration_create,
            campaign_commands::collaboration_update,
            campaign_commands::collaboration_delete,
            campaign_commands::deliverable_create,
            campaign_commands::deliverable_update,
            campaign_commands::deliverable_delete,
            campaign_commands::shipment_new_draft,
            campaign_commands::shipment_create,
            campaign_commands::shipment_update,
            campaign_commands::shipment_delete,
            campaign_commands::touchpoint_add,
            campaign_commands::touchpoint_delete,
            campaign_commands::contract_pick_file,
            campaign_commands::contract_open,
            campaign_commands::campaign_export_csv,
            campaign_commands::campaign_export_ics,
            today_commands::today_view,
            today_commands::today_across,
            today_commands::creator_history,
            today_commands::calendar_export_all,
            preference_commands::preferences_get,
            preference_commands::preferences_set,
        ])
}

pub fn run() {
    builder(tauri::Builder::default())
        .run(tauri::generate_context!())
        .expect("Chorus could not start its window");
}
