//! The commands behind the Sales screen's commissions and rates: the ledger's lines with their
//! totals by status, the exchange-rate table with the rates orders wait for, a rate typed in the
//! window (read in the window's spelling) and the ECB's reference rates imported from a file
//! chosen in the native open dialog. Thin like every command: convert, call one core function,
//! map the error; every rule lives in `chorus_core::commissions`.
//!
//! A person's rejection of an order's commission (with the reason) is `commissions_reject`.

use super::{filter, CmdResult};
use crate::dialogs::{self, DialogText};
use crate::state::AppState;
use chorus_core::campaigns::fields;
use chorus_core::commissions::lines_list::{self, LineFilter, LinesPage};
use chorus_core::commissions::ledger::Booking;
use chorus_core::commissions::rates_list::{self, RatesList};
use chorus_core::commissions::rates_store::{self, RateSet, RatesImported};
use chorus_core::commissions::rejection;
use chorus_core::commissions::rules_store::{self, RuleOwner, StoredRule};
use chorus_core::numbers::Spelling;
use chorus_core::sales::order_list::Page;
use chorus_core::workspace::Actor;
use chorus_core::ErrorPayload;
use tauri::{AppHandle, Manager, Runtime, State};

/// The files the ECB publishes its reference rates in.
const ECB_EXTENSIONS: &[&str] = &["csv", "xml", "txt"];

/// One page of ledger lines under the filter, with the totals by status (as of today unless
/// the filter says another day).
#[tauri::command(async)]
pub fn commissions_lines(state: State<'_, AppState>, mut filter: LineFilter, page: Page) -> CmdResult<LinesPage> {
    if filter.as_of.trim().is_empty() {
        filter.as_of = fields::local_today().format("%Y-%m-%d").to_string();
    }
    state.with_workspace(|ws| lines_list::commission_lines(ws.conn(), &filter, page))
}

/// The stored exchange rates, newest day first, and the rates orders wait for.
#[tauri::command(async)]
pub fn rates_list(state: State<'_, AppState>) -> CmdResult<RatesList> {
    state.with_workspace(|ws| rates_list::rates_list(ws.conn(), 0))
}

/// Keeps one rate as the person typed it (1 `from` = `rate` `to` on `date`), the number read
/// in the window's spelling; every problem names its field.
#[tauri::command(async)]
pub fn rates_set(state: State<'_, AppState>, date: String, from: String, to: String, rate: String, spelling: Spelling) -> CmdResult<RateSet> {
    state.with_workspace(|ws| rates_store::set_rate(ws, &date, &from, &to, &rate, spelling))
}

/// Native open dialog, then the ECB file imported (all or nothing) on a blocking worker. None
/// when the person cancels.
#[tauri::command]
pub async fn rates_import<R: Runtime>(app: AppHandle<R>, dialog: DialogText) -> CmdResult<Option<RatesImported>> {
    tauri::async_runtime::spawn_blocking(move || {
        let Some(path) = dialogs::pick_open(&app, &dialog.title, filter(&dialog, ECB_EXTENSIONS)) else { return Ok(None) };
        let state = app.state::<AppState>();
        state.with_workspace(|ws| {
            ws.set_actor(Actor::Import);
            let result = rates_store::import_rates(ws, &path);
            ws.set_actor(Actor::App);
            result.map(Some)
        })
    })
    .await
    .map_err(|e| ErrorPayload::new("internal", format!("The import of the exchange rates stopped unexpectedly: {e}")))?
}

/// The order earns its collaboration nothing from now on: unpaid lines rejected, a paid one
/// clawed back; the reason goes in the audit log.
#[tauri::command(async)]
pub fn commissions_reject(state: State<'_, AppState>, order_id: i64, collaboration_id: i64, reason: String) -> CmdResult<Booking> {
    state.with_workspace(|ws| rejection::reject_commission(ws, order_id, collaboration_id, &reason))
}

/// The collaboration's own commission rule, if it has one.
#[tauri::command(async)]
pub fn commissions_rule_of(state: State<'_, AppState>, collaboration_id: i64) -> CmdResult<Option<StoredRule>> {
    state.with_workspace(|ws| rules_store::rule_of(ws.conn(), RuleOwner::Collaboration(collaboration_id)))
}

/// Sets the collaboration's commission as the person wrote it (`10%`, `€ 5 per order`);
/// empty takes it away (its orders then fall to the creator's, campaign's or workspace's rule).
#[tauri::command(async)]
pub fn commissions_set_rule(state: State<'_, AppState>, collaboration_id: i64, as_written: String, spelling: Spelling) -> CmdResult<Option<StoredRule>> {
    let owner = RuleOwner::Collaboration(collaboration_id);
    state.with_workspace(|ws| {
        if as_written.trim().is_empty() {
            rules_store::clear_rule(ws, owner, "in the collaboration panel")?;
            Ok(None)
        } else {
            rules_store::set_rule(ws, owner, &as_written, spelling, "in the collaboration panel").map(Some)
        }
    })
}
