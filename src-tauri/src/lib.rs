//! The Tauri shell: adapts the Chorus core to the desktop window. It holds the open workspace,
//! finds the app's folders, opens native dialogs and registers the commands in [`commands`];
//! every rule lives in `chorus-core`.

pub mod commands;
mod dialogs;
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
            state::watch_files(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::workspace::app_state,
            commands::workspace::workspace_create,
            commands::workspace::workspace_open_dialog,
            commands::workspace::workspace_open,
            commands::workspace::workspace_open_demo,
            commands::workspace::workspace_close,
            commands::workspace::workspace_info,
            commands::workspace::workspace_changed_elsewhere,
            commands::workspace::workspace_status,
            commands::backups::backups_list,
            commands::backups::backup_restore,
            commands::backups::backup_folder_choose,
            commands::backups::backup_folder_reset,
            commands::app::recent_forget,
            commands::workspace::settings_get,
            commands::workspace::settings_update,
            commands::roster::vocabulary,
            commands::roster::roster_list,
            commands::roster::roster_facets,
            commands::roster::roster_matching_ids,
            commands::roster::creator_get,
            commands::roster::creator_create,
            commands::roster::creator_update,
            commands::roster::creator_delete,
            commands::roster::import_pick_file,
            commands::roster::import_preview,
            commands::roster::import_run,
            commands::roster::export_roster,
            commands::roster::open_profile,
            commands::campaigns::campaign_vocabulary,
            commands::campaigns::campaign_slug,
            commands::campaigns::campaign_list,
            commands::campaigns::campaign_board,
            commands::campaigns::campaign_get,
            commands::campaigns::campaign_create,
            commands::campaigns::campaign_update,
            commands::campaigns::campaign_delete,
            commands::campaigns::campaign_archive,
            commands::campaigns::campaign_restore,
            commands::campaigns::collaboration_detail,
            commands::campaigns::collaboration_create,
            commands::campaigns::collaboration_add_many,
            commands::campaigns::collaboration_update,
            commands::campaigns::collaboration_delete,
            commands::campaigns::deliverable_create,
            commands::campaigns::deliverable_update,
            commands::campaigns::deliverable_delete,
            commands::campaigns::shipment_new_draft,
            commands::campaigns::shipment_earlier,
            commands::campaigns::shipment_draft_from,
            commands::campaigns::shipment_create,
            commands::campaigns::shipment_update,
            commands::campaigns::shipment_delete,
            commands::campaigns::touchpoint_add,
            commands::campaigns::touchpoint_delete,
            commands::campaigns::contract_pick_file,
            commands::campaigns::contract_open,
            commands::campaigns::campaign_export_csv,
            commands::campaigns::campaign_export_ics,
            commands::sales_imports::sales_import_pick_file,
            commands::sales_imports::orders_import_preview,
            commands::sales_imports::orders_import_run,
            commands::sales_imports::affiliates_import_preview,
            commands::sales_imports::affiliates_import_run,
            commands::sales::sales_vocabulary,
            commands::sales::sales_orders,
            commands::sales::sales_order_detail,
            commands::sales::sales_creator,
            commands::sales::sales_campaign,
            commands::sales::sales_collaboration_link,
            commands::sales::sales_qr_save,
            commands::commissions::commissions_lines,
            commands::commissions::rates_list,
            commands::commissions::rates_set,
            commands::commissions::rates_import,
            commands::commissions::commissions_reject,
            commands::payouts::payouts_runs,
            commands::payouts::payouts_run,
            commands::payouts::payouts_compute,
            commands::payouts::payouts_finalise,
            commands::payouts::payouts_discard,
            commands::payouts::payouts_mark_paid,
            commands::payouts::payouts_adjust,
            commands::payouts::payouts_export,
            commands::payouts::payouts_log,
            commands::payouts::payouts_log_creators,
            commands::payouts::payouts_owed_across,
            commands::payouts::payouts_fee_standing,
            commands::payouts::payouts_mark_fee_due,
            commands::analytics::charts_draw,
            commands::analytics::charts_save,
            commands::analytics::results_chart_draw,
            commands::analytics::results_chart_save,
            commands::analytics::analytics_figures,
            commands::analytics::analytics_formulas,
            commands::analytics::results_key_figures,
            commands::analytics::report_save,
            commands::analytics::analytics_settings,
            commands::analytics::analytics_settings_save,
            commands::analytics::signals_roster_flags,
            commands::analytics::signals_of_creator,
            commands::results::results_grid,
            commands::results::results_record,
            commands::results::results_history,
            commands::results::results_delete_snapshot,
            commands::results::results_import_preview,
            commands::results::results_import_run,
            commands::sales::sales_attribute_order,
            commands::sales::sales_attribute_to_creator,
            commands::sales::sales_pick_collaboration,
            commands::sales::sales_set_code,
            commands::commissions::commissions_rule_of,
            commands::commissions::commissions_set_rule,
            commands::today::today_view,
            commands::today::today_across,
            commands::today::creator_history,
            commands::today::calendar_export_all,
            commands::app::preferences_get,
            commands::app::preferences_set,
        ])
}

pub fn run() {
    builder(tauri::Builder::default())
        .run(tauri::generate_context!())
        .expect("Chorus could not start its window");
}
