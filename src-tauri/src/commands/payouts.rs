//! The commands behind the Payouts screen: the runs, a draft computed up to a cut-off,
//! finalised, discarded or marked paid (per creator or for the whole run), a bonus or
//! deduction for a creator, a run's files written through the native save dialog, the money
//! audit log filtered by creator and run, what every recent client owes, and a
//! collaboration's fee (where it stands; marked due by a person). Thin like every
//! command: convert, call one core function, map the error; every rule lives in
//! `chorus_core::payouts`.

use super::{filter, with_extension, CmdResult};
use crate::dialogs::{self, DialogText};
use crate::state::AppState;
use chorus_core::app::recent::RecentList;
use chorus_core::campaigns::fields::local_today;
use chorus_core::numbers::Spelling;
use chorus_core::payouts::adjustments::{self, Adjustment};
use chorus_core::payouts::export::RunFormat;
use chorus_core::payouts::fees::{self, FeeStanding};
use chorus_core::payouts::money_log::{self, MoneyLogFilter, MoneyLogPage};
use chorus_core::payouts::owed::{owed_across, ClientOwed};
use chorus_core::payouts::run_files::{run_files, suggested_name, write_run_files, ExportChoices, WrittenFile};
use chorus_core::payouts::runs::{self, Paid, Run, RunSummary};
use chorus_core::payouts::sheet::SheetLanguage;
use chorus_core::payouts::typed_day;
use chorus_core::roster::export::Dialect;
use chorus_core::sales::order_list::Page;
use chorus_core::{Error, FieldError};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Runtime, State};

/// The workspace's runs, newest first (the draft, if there is one, among them).
#[tauri::command(async)]
pub fn payouts_runs(state: State<'_, AppState>) -> CmdResult<Vec<RunSummary>> {
    state.with_workspace(|ws| runs::list_runs(ws.conn()))
}

/// One run with every creator it decided on.
#[tauri::command(async)]
pub fn payouts_run(state: State<'_, AppState>, run_id: i64) -> CmdResult<Run> {
    state.with_workspace(|ws| runs::load_run(ws.conn(), run_id))
}

/// The draft run up to `cutoff` (`YYYY-MM-DD`), computed (again, when there is one).
#[tauri::command(async)]
pub fn payouts_compute(state: State<'_, AppState>, cutoff: String) -> CmdResult<Run> {
    state.with_workspace(|ws| {
        let cutoff = typed_day("cutoff", &cutoff)?;
        runs::compute_run(ws, cutoff, local_today())
    })
}

/// Finalises the draft: refused, and computed again, when the ledger changed since.
#[tauri::command(async)]
pub fn payouts_finalise(state: State<'_, AppState>, run_id: i64) -> CmdResult<Run> {
    state.with_workspace(|ws| runs::finalise_run(ws, run_id, local_today()))
}

/// Throws the draft away (what it would take stays in the ledger).
#[tauri::command(async)]
pub fn payouts_discard(state: State<'_, AppState>, run_id: i64) -> CmdResult<()> {
    state.with_workspace(|ws| runs::discard_draft(ws, run_id))
}

/// Records the payment of a finalised run: one creator, or everyone payable not yet paid.
#[tauri::command(async)]
pub fn payouts_mark_paid(state: State<'_, AppState>, run_id: i64, creator_id: Option<i64>, date: String, reference: String) -> CmdResult<Paid> {
    state.with_workspace(|ws| {
        let day = typed_day("date", &date)?;
        runs::mark_paid(ws, run_id, creator_id, day, &reference)
    })
}

/// A bonus (positive) or a deduction (negative) for a creator, as typed in the window's
/// spelling, with the reason; the next run takes it.
#[tauri::command(async)]
pub fn payouts_adjust(state: State<'_, AppState>, creator_id: i64, amount: String, reason: String, spelling: Spelling) -> CmdResult<Adjustment> {
    state.with_workspace(|ws| {
        let currency = ws.settings()?.currency();
        let minor = adjustments::read_signed_amount(&amount, currency, spelling)?;
        adjustments::add_adjustment(ws, creator_id, minor, &reason, local_today())
    })
}

/// What the person chose in the export dialog.
#[derive(Deserialize)]
pub struct ExportRequest {
    run_id: i64,
    /// csv, xlsx, paypal, wise, sepa or pdf.
    format: String,
    /// `en` or `nl`: the sheet's and the statements' language.
    language: String,
    #[serde(default)]
    dialect: Option<Dialect>,
    /// SEPA: the day the bank is asked to pay (`YYYY-MM-DD`; empty: today).
    #[serde(default)]
    execution_date: String,
    /// PDF: one creator's statement (none: every creator's, one PDF).
    #[serde(default)]
    creator_id: Option<i64>,
    /// PDF: every creator's statement in a PDF of its own, beside the file picked.
    #[serde(default)]
    each_creator: bool,
}

/// Native save dialog, then the run's file(s) in the chosen format. None when cancelled.
#[tauri::command(async)]
pub fn payouts_export<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, request: ExportRequest, dialog: DialogText) -> CmdResult<Option<Vec<WrittenFile>>> {
    let format = RunFormat::parse(&request.format).ok_or_else(|| {
        Error::Validation(vec![FieldError::new("format", "unknown_export_format", format!("“{}” is not a format a payout run is exported in.", request.format)).with_value(&request.format)])
    })?;
    let language = if request.language == "nl" { SheetLanguage::Dutch } else { SheetLanguage::English };
    let execution = if request.execution_date.trim().is_empty() { local_today() } else { typed_day("execution_date", &request.execution_date)? };
    let (suggested, folder) = state.with_workspace(|ws| Ok((suggested_name(ws.conn(), request.run_id, format, language, request.creator_id)?, ws.path().and_then(Path::parent).map(Path::to_path_buf))))?;
    let extension = format.extension();
    let Some(path) = dialogs::pick_save(&app, &dialog.title, &super::file_safe(&suggested), folder, filter(&dialog, &[extension])) else { return Ok(None) };
    let path = with_extension(path, extension);
    let choices = ExportChoices {
        language,
        dialect: request.dialect.unwrap_or(if language == SheetLanguage::Dutch { Dialect::ExcelNl } else { Dialect::Plain }),
        execution,
        created: chrono::Local::now().naive_local(),
        creator_id: request.creator_id,
        each_creator: request.each_creator,
    };
    state.with_workspace(|ws| write_run_files(run_files(ws.conn(), request.run_id, format, &path, &choices)?)).map(Some)
}

/// The money audit log under the filter, newest first, a page at a time.
#[tauri::command(async)]
pub fn payouts_log(state: State<'_, AppState>, filter: MoneyLogFilter, page: Page) -> CmdResult<MoneyLogPage> {
    state.with_workspace(|ws| money_log::money_log(ws.conn(), &filter, page))
}

/// The creators the money log names, for its filter.
#[tauri::command(async)]
pub fn payouts_log_creators(state: State<'_, AppState>) -> CmdResult<Vec<(i64, String)>> {
    state.with_workspace(|ws| money_log::logged_creators(ws.conn()))
}

/// What each recent client owes its creators, read only, in the recent list's order.
#[tauri::command(async)]
pub fn payouts_owed_across(state: State<'_, AppState>) -> CmdResult<Vec<ClientOwed>> {
    let paths: Vec<PathBuf> = RecentList::load(&state.dirs.config).entries.into_iter().map(|e| PathBuf::from(e.path)).collect();
    Ok(owed_across(&paths, local_today()))
}

/// Where a collaboration's fee stands (its panel shows it).
#[tauri::command(async)]
pub fn payouts_fee_standing(state: State<'_, AppState>, collaboration_id: i64) -> CmdResult<FeeStanding> {
    state.with_workspace(|ws| fees::fee_standing(ws.conn(), collaboration_id))
}

/// A person marks a collaboration's fee due today, with the reason (audited).
#[tauri::command(async)]
pub fn payouts_mark_fee_due(state: State<'_, AppState>, collaboration_id: i64, reason: String) -> CmdResult<FeeStanding> {
    state.with_workspace(|ws| {
        fees::mark_fee_due(ws, collaboration_id, &reason, local_today())?;
        fees::fee_standing(ws.conn(), collaboration_id)
    })
}
