//! Shop orders into the workspace: a preview of what an export would change, and the import
//! itself, all or nothing, through the write door in one transaction.
//!
//! Contract:
//! - The file is read by [`crate::sales::orders`] (the layout recognised or the person's
//!   `--source` / mapping), with the workspace's customer salt, the shop's time zone
//!   (`shop_utc_offset_minutes`, else this computer's) and the workspace currency for a file
//!   without one. Every problem of the file comes back at once, at its row and column, and
//!   nothing is written ([`Error::ImportRejected`]). Leaving bad orders out is not offered: the
//!   readers give orders only from a file with no problem.
//! - An order is its `(source, number)`. A new one is stored with its lines, its codes (as
//!   written and folded) and the attribution the rule gives it ([`crate::sales::attribution`]).
//!   A stored one only moves forward ([`forward`]): refunds up, a cancellation once, the status
//!   forward; everything else stays as its first import wrote it. An older export changes
//!   nothing (the preview and report count such orders as `older`); an order missing from the
//!   file is left as it was. Importing the same file again writes nothing at all: not a row,
//!   not `updated_at`, no audit line.
//! - A stored order's attribution is not decided again by an import (its codes do not change);
//!   it moves with its collaborations (`attribution::reattribute_*`) or by a person.
//! - The file is read on a second thread while orders already read are compared and stored
//!   ([`crate::sales::orders::stream_orders`]); a file whose orders' rows are not together is
//!   read whole instead (what was stored of it is rolled back first).
//! - Orders that can carry a commission (attributed now) and are new or moved are booked
//!   (`commissions::ledger::book_orders`) in the same transaction.
//! - No customer name, address or email is stored: only the salted hash.

mod forward;
mod run;
mod stamps;
mod write;

pub use forward::{status_rank, status_text, stored_status, Moves, Moving};

use crate::commissions::ledger::{self, Booking};
use crate::error::Result;
use crate::money::Currency;
use crate::sales::attribution::OrderFacts;
use crate::sales::orders::{Format, Order, OrderMapping, ReadOptions, Source};
use crate::workspace::settings::load_sales_rules;
use crate::workspace::bulk_insert::with_large_write_cache;
use crate::workspace::{now_utc, Workspace};
use chrono::{FixedOffset, Local, Offset, Utc};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The person's choices for a file: which shop wrote it, and the columns of any other CSV.
#[derive(Debug, Clone, Default)]
pub struct OrderImportOptions {
    pub source: Option<Source>,
    pub mapping: Option<OrderMapping>,
}

/// How the stored orders move, by part (an order can move in several).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MoveCounts {
    pub refunds: u64,
    pub cancellations: u64,
    pub statuses: u64,
}

/// What the rule gives the new orders.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AttributionCounts {
    pub attributed: u64,
    pub review: u64,
    /// By reason: `no_code`, `unknown_code`, `expired`, `not_started`, `cancelled_collaboration`.
    pub unattributed: BTreeMap<&'static str, u64>,
}

/// What importing a file would do, or did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrderPreview {
    pub file_name: String,
    pub format: Format,
    pub source: Source,
    pub encoding: &'static str,
    /// Data rows read (a Shopify order has a row per line item).
    pub rows: u64,
    pub orders: u64,
    pub new: u64,
    /// Stored orders that move forward.
    pub changed: u64,
    pub moves: MoveCounts,
    pub unchanged: u64,
    /// Stored orders the file is behind on (an older export): kept as stored.
    pub older: u64,
    /// Up to ten of those, by number, to say which.
    pub older_examples: Vec<String>,
    /// The new orders' attribution.
    pub attribution: AttributionCounts,
}

/// What an import did: the preview's counts, and what the ledger booked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrderImportReport {
    #[serde(flatten)]
    pub counts: OrderPreview,
    pub booking: Booking,
}

/// Reads `path` and says what importing it would do. Writes nothing.
pub fn preview_orders(conn: &Connection, path: &Path, options: &OrderImportOptions) -> Result<OrderPreview> {
    Ok(run::run(conn, path, options, None)?.0)
}

/// Imports the orders of `path` into `ws`, all or nothing (see the module's contract).
pub fn import_orders(ws: &mut Workspace, path: &Path, options: &OrderImportOptions) -> Result<OrderImportReport> {
    let now = now_utc();
    let file_bytes = std::fs::metadata(path).map_or(0, |m| m.len());
    ws.write(|tx| {
        with_large_write_cache(tx, file_bytes, || {
            let (counts, booked) = run::run(tx, path, options, Some(&now))?;
            let booking = if booked.is_empty() { Booking::default() } else { ledger::book_orders(tx, &booked, &now)? };
            Ok(OrderImportReport { counts, booking })
        })
    })
}

/// The reader's options from the workspace's settings and the person's choices.
pub fn read_options(conn: &Connection, options: &OrderImportOptions) -> Result<ReadOptions> {
    let rules = load_sales_rules(conn)?;
    let currency: String = conn.query_row("SELECT currency FROM workspace_settings WHERE id = 1", [], |r| r.get(0))?;
    let offset = match rules.shop_utc_offset_minutes {
        Some(minutes) => FixedOffset::east_opt(minutes * 60).unwrap_or(Utc.fix()),
        None => Local::now().offset().fix(),
    };
    let mut read = ReadOptions::new(rules.customer_salt);
    read.assumed_offset = offset;
    read.default_currency = Currency::parse(&currency);
    read.source = options.source;
    read.mapping = options.mapping.clone();
    Ok(read)
}

/// A stored order, as the comparison needs it.
pub(super) struct Stored {
    id: i64,
    moving: Moving,
    attributed: bool,
}

/// The stored orders of `source` (or of every source), by source and number.
pub(super) fn load_stored(conn: &Connection, source: Option<Source>) -> Result<HashMap<Source, HashMap<Box<str>, Stored>>> {
    let mut out: HashMap<Source, HashMap<Box<str>, Stored>> = HashMap::new();
    let mut counts = conn.prepare("SELECT source, count(*) FROM orders WHERE ?1 IS NULL OR source = ?1 GROUP BY source")?;
    let wanted = source.map(source_text);
    let mut rows = counts.query([wanted])?;
    while let Some(r) = rows.next()? {
        let count: i64 = r.get(1)?;
        out.insert(source_of(r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?), HashMap::with_capacity(count as usize));
    }
    let mut stmt = conn.prepare("SELECT source, number, id, refunded_minor, cancelled_at, financial_status, attribution FROM orders WHERE ?1 IS NULL OR source = ?1")?;
    let mut rows = stmt.query([wanted])?;
    while let Some(r) = rows.next()? {
        let source = source_of(r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?);
        let number: String = r.get(1)?;
        let moving = Moving { refunded: r.get(3)?, cancelled_at: r.get(4)?, status: stored_status(r.get_ref(5)?.as_str().map_err(rusqlite::Error::from)?) };
        let attributed = r.get_ref(6)?.as_str().map_err(rusqlite::Error::from)? == "attributed";
        out.entry(source).or_default().insert(number.into_boxed_str(), Stored { id: r.get(2)?, moving, attributed });
    }
    Ok(out)
}

fn source_of(text: &str) -> Source {
    match text {
        "shopify" => Source::Shopify,
        "woocommerce" => Source::Woocommerce,
        _ => Source::Csv,
    }
}

pub(crate) fn source_text(source: Source) -> &'static str {
    match source {
        Source::Shopify => "shopify",
        Source::Woocommerce => "woocommerce",
        Source::Csv => "csv",
    }
}

/// The moving parts of a file's order.
pub(super) fn moving_of(order: &Order) -> Moving {
    Moving { refunded: order.refunded, cancelled_at: order.cancelled_at.as_ref().map(stamps::with_offset), status: order.financial_status.clone() }
}

/// The stored form of an order's time in UTC: `YYYY-MM-DDTHH:MM:SSZ`.
pub(crate) fn utc_text(order: &Order) -> String {
    stamps::utc(&order.created_at_utc)
}

pub(super) fn facts_of<'o>(order: &'o Order, keys: &'o [String], utc: &'o str) -> OrderFacts<'o> {
    OrderFacts { code_keys: keys, placed_on: order.created_at.date_naive(), placed_at_utc: utc, utm_campaign: order.utm.campaign.as_deref(), utm_content: order.utm.content.as_deref() }
}

#[cfg(test)]
mod tests;
