//! Attribution: which collaboration an order belongs to, by the rule a person can read (a
//! discount code beats a link; a code counts from its collaboration's start to its end plus
//! the grace window, unless the collaboration was cancelled before the order).
//!
//! INTEGRATION SEAM (issue 9, 2026-12-02): the signatures are the contract between the
//! affiliate import, the order import and the ledger while they are built side by side; the
//! bodies are being written on the `s9-import` branch.

use crate::error::Result;
use rusqlite::Connection;

/// Attributes again every order that carries one of `code_keys` (codes folded with
/// `sales::codes::code_key`) and was not attributed by hand, after codes were given, changed or
/// taken away. Returns the orders whose attribution changed; the caller books them
/// (`commissions::ledger::book_orders`) in the same transaction.
pub fn reattribute_orders_with_codes(conn: &Connection, code_keys: &[String], now: &str) -> Result<Vec<i64>> {
    let _ = (conn, code_keys, now);
    unimplemented!("attribution lands with the s9-import branch")
}

/// Attributes again the orders a collaboration could hold after its dates, status or code
/// changed. Returns the orders whose attribution changed; the caller books them.
pub fn reattribute_collaboration(conn: &Connection, collaboration_id: i64, now: &str) -> Result<Vec<i64>> {
    let _ = (conn, collaboration_id, now);
    unimplemented!("attribution lands with the s9-import branch")
}
