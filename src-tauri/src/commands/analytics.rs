//! The commands behind what worked: the results figures beside the benchmarks, the formulas,
//! the campaign's client report (PDF through the save dialog), the results settings, and the
//! charts the window shows (the Sales and Payouts screens' Charts tabs, the Results screen): a chart drawn by the core as SVG or PNG bytes, handed to the window as raw bytes
//! (an `ArrayBuffer`, shown as an image, never as markup), and the same chart written through
//! the native save dialog. The figures are kept between drawings while the workspace reads the
//! same (`ChartCache`), so a resize or a theme change redraws without reading the orders again.
//! Thin: every figure and every pixel is `chorus_core::charts`'.

use super::{filter, with_extension, CmdResult};
use crate::dialogs::{self, DialogText};
use crate::state::AppState;
use chorus_core::analytics::campaign_report::{self, KeyFigures, ReportChoices};
use chorus_core::analytics::creator_signals::{self, CreatorFlag};
use chorus_core::analytics::figures::{self, Analytics, GroupBy, PostWindow};
use chorus_core::analytics::signals::Flag;
use chorus_core::analytics::formulas::{self, NamedFormula};
use chorus_core::analytics::report::ReportLanguage;
use chorus_core::analytics::settings::{self, AnalyticsSettings, AnalyticsSettingsDraft};
use chorus_core::campaigns::fields::local_today;
use chorus_core::charts::{self, ChartKind, ChartScope, Format, ResultsChartKind, Style};
use chorus_core::numbers::Spelling;
use std::collections::HashMap;
use std::path::Path;
use tauri::ipc::Response;
use tauri::{AppHandle, Runtime, State};

/// Chart `kind` of the open workspace in `style`, as the bytes of an SVG or PNG file.
#[tauri::command(async)]
pub fn charts_draw(state: State<'_, AppState>, kind: ChartKind, style: Style, format: Format) -> CmdResult<Response> {
    state.with_workspace(|ws| state.charts.draw(ws, kind, &style, format)).map(Response::new)
}

/// Chart `kind` drawn in `style` and written where the user picks in the save dialog; the path
/// written, or `None` when the dialog was cancelled.
#[tauri::command(async)]
pub fn charts_save<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, kind: ChartKind, style: Style, format: Format, dialog: DialogText) -> CmdResult<Option<String>> {
    let folder = state.with_workspace(|ws| Ok(ws.path().and_then(Path::parent).map(Path::to_path_buf)))?;
    let extension = format.extension();
    let Some(path) = dialogs::pick_save(&app, &dialog.title, &kind.file_name(format), folder, filter(&dialog, &[extension])) else { return Ok(None) };
    let path = with_extension(path, extension);
    state.with_workspace(|ws| state.charts.save(ws, kind, &style, format, &path))?;
    Ok(Some(path.display().to_string()))
}

/// The figures of the published posts (of `campaign_id`, or every campaign) grouped `by`, beside
/// the benchmarks, each group over its posts in `window` (all, its last N, the last N days),
/// with the article's contrasts, worded in `spelling`.
#[tauri::command(async)]
pub fn analytics_figures(state: State<'_, AppState>, campaign_id: Option<i64>, by: GroupBy, window: Option<PostWindow>, spelling: Spelling) -> CmdResult<Analytics> {
    state.with_workspace(|ws| figures::analytics_in(ws.conn(), campaign_id, by, window.unwrap_or_default(), local_today(), spelling))
}

/// Every formula the results figures use, named and written out in `spelling`.
#[tauri::command(async)]
pub fn analytics_formulas(spelling: Spelling) -> Vec<NamedFormula> {
    formulas::named_formulas(spelling)
}

/// The campaign's client report written as PDF where the user picks in the save dialog (in
/// `language`, amounts left out unless `include_money`); the path, or `None` when cancelled.
#[tauri::command(async)]
pub fn report_save<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, campaign_id: i64, language: Spelling, include_money: bool, dialog: DialogText) -> CmdResult<Option<String>> {
    let (name, folder) = state.with_workspace(|ws| Ok((campaign_report::report_file_name(ws.conn(), campaign_id, language)?, ws.path().and_then(Path::parent).map(Path::to_path_buf))))?;
    let Some(path) = dialogs::pick_save(&app, &dialog.title, &super::file_safe(&name), folder, filter(&dialog, &["pdf"])) else { return Ok(None) };
    let path = with_extension(path, "pdf");
    let choices = ReportChoices { language: ReportLanguage::from_spelling(language), include_money, today: local_today() };
    state.with_workspace(|ws| campaign_report::save_campaign_report(ws.conn(), campaign_id, choices, &path))?;
    Ok(Some(path.display().to_string()))
}

/// The results settings: each platform's engagement basis, each count's EMV value.
#[tauri::command(async)]
pub fn analytics_settings(state: State<'_, AppState>) -> CmdResult<AnalyticsSettings> {
    state.with_workspace(|ws| settings::analytics_settings(ws.conn(), ws.settings()?.currency()))
}

/// Saves the results settings, all or nothing, each problem at its key.
#[tauri::command(async)]
pub fn analytics_settings_save(state: State<'_, AppState>, draft: AnalyticsSettingsDraft) -> CmdResult<AnalyticsSettings> {
    state.with_workspace(|ws| settings::save_analytics_settings(ws, &draft))
}

/// The campaign's key figures, spend and return, best posts and formulas, worded in `spelling`.
#[tauri::command(async)]
pub fn results_key_figures(state: State<'_, AppState>, campaign_id: i64, spelling: Spelling) -> CmdResult<KeyFigures> {
    state.with_workspace(|ws| campaign_report::key_figures(ws.conn(), campaign_id, spelling, local_today()))
}

/// The authenticity flags of these creators (a page of the roster): id → flags.
#[tauri::command(async)]
pub fn signals_roster_flags(state: State<'_, AppState>, creator_ids: Vec<i64>, spelling: Spelling) -> CmdResult<HashMap<i64, Vec<Flag>>> {
    state.with_workspace(|ws| creator_signals::roster_flags(ws.conn(), &creator_ids, spelling))
}

/// One creator's authenticity signals per handle, each as a flag with its reason.
#[tauri::command(async)]
pub fn signals_of_creator(state: State<'_, AppState>, creator_id: i64, spelling: Spelling) -> CmdResult<Vec<CreatorFlag>> {
    state.with_workspace(|ws| creator_signals::creator_flags(ws.conn(), creator_id, spelling))
}

/// A results chart (`kind` of `scope`: a campaign, a creator or the workspace) in `style`, as
/// the bytes of an SVG or PNG file.
#[tauri::command(async)]
pub fn results_chart_draw(state: State<'_, AppState>, kind: ResultsChartKind, scope: ChartScope, style: Style, format: Format) -> CmdResult<Response> {
    state.with_workspace(|ws| charts::draw_results(ws, kind, scope, &style, format)).map(Response::new)
}

/// That chart written where the user picks in the save dialog; the path, or `None` when cancelled.
#[tauri::command(async)]
pub fn results_chart_save<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, kind: ResultsChartKind, scope: ChartScope, style: Style, format: Format, dialog: DialogText) -> CmdResult<Option<String>> {
    let folder = state.with_workspace(|ws| Ok(ws.path().and_then(Path::parent).map(Path::to_path_buf)))?;
    let extension = format.extension();
    let Some(path) = dialogs::pick_save(&app, &dialog.title, &kind.file_name(format), folder, filter(&dialog, &[extension])) else { return Ok(None) };
    let path = with_extension(path, extension);
    state.with_workspace(|ws| charts::save_results(ws, kind, scope, &style, format, &path))?;
    Ok(Some(path.display().to_string()))
}
