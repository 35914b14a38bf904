//! The commission ledger (schema 4, `commission_lines`): brings the lines of orders to their
//! current state by booking differences, never changing a booked line.
//!
//! INTEGRATION SEAM (issue 9, 2026-12-02): the signature is the contract between the order
//! import, attribution and the ledger while they are built side by side; the body is being
//! written on the `s9-ledger` branch. Nothing calls this on main before that lands.

use crate::error::Result;
use rusqlite::Connection;
use serde::Serialize;

/// What one booking did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Booking {
    /// New lines booked (commissions, refunds, reversals, clawbacks).
    pub lines_added: u64,
    /// Orders whose commission cannot be worked out yet (a missing exchange rate, an unknown
    /// customer under a first-order rule), now marked as waiting on the order.
    pub orders_waiting: u64,
}

/// Brings the ledger of `order_ids` (and of any other order whose commission depends on them,
/// such as later orders of the same creator's month under a tiered rule) to the orders' current
/// state and attribution, inside the caller's transaction. Idempotent: booking again books
/// nothing. `now` is the RFC 3339 time written on new lines.
pub fn book_orders(conn: &Connection, order_ids: &[i64], now: &str) -> Result<Booking> {
    let _ = (conn, order_ids, now);
    unimplemented!("the ledger lands with the s9-ledger branch")
}
