//! The commands behind the Sales screen's commissions and rates: the ledger's lines with their
//! totals by status, and the exchange-rate table (read-only here). Thin like every command:
//! convert, call one core function, map the error; every rule lives in
//! `chorus_core::commissions`.
//!
//! TODO(merge, issue 9): `commissions_reject` (core: s9-ledger's rejection) and `rates_set`
//! (core: s9-ledger's `rates_store`) are not on main yet; the window's buttons for them stay
//! hidden until the lead wires them here (see ui/js/sales/sales-actions.js).

use super::CmdResult;
use crate::state::AppState;
use chorus_core::campaigns::fields;
use chorus_core::commissions::lines_list::{self, LineFilter, LinesPage};
use chorus_core::commissions::rates_list::{self, RatesList};
use chorus_core::sales::order_list::Page;
use tauri::State;

/// One page of ledger lines under the filter, with the totals by status (as of today unless
/// the filter says another day).
#[tauri::command(async)]
pub fn commissions_lines(state: State<'_, AppState>, mut filter: LineFilter, page: Page) -> CmdResult<LinesPage> {
    if filter.as_of.trim().is_empty() {
        filter.as_of = fields::local_today().format("%Y-%m-%d").to_string();
    }
    state.with_workspace(|ws| lines_list::commission_lines(ws.conn(), &filter, page))
}

/// The stored exchange rates, newest day first.
#[tauri::command(async)]
pub fn rates_list(state: State<'_, AppState>) -> CmdResult<RatesList> {
    state.with_workspace(|ws| rates_list::rates_list(ws.conn(), 0))
}
