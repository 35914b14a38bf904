//! Writes an order import inside the caller's transaction: new orders with their lines and
//! codes in multi-row statements (`workspace::bulk_insert`), stored orders' forward moves, and
//! nothing for the rest.
//! A large first import sets the orders' secondary indexes aside and builds them again from
//! their stored SQL before the transaction ends (as the roster's import does): building an
//! index once is several times cheaper than updating it order by order, and a failure rolls
//! the indexes back with everything else.

use super::{source_text, Moving};
use crate::error::Result;
use crate::sales::attribution::Decision;
use crate::sales::codes::code_key;
use crate::sales::orders::Order;
use crate::workspace::bulk_insert::{BulkInsert, Cell};
use rusqlite::{params, Connection};

/// Stores new orders (with their lines and codes) in multi-row statements, and forward moves.
/// A new order's id is given here (after the largest stored), so that its lines and codes can
/// be held beside it; [`Writer::flush`] writes what is held, and must be called before
/// anything reads the new orders.
pub(super) struct Writer<'c> {
    conn: &'c Connection,
    now: &'c str,
    next_id: i64,
    orders: BulkInsert<'c>,
    lines: BulkInsert<'c>,
    codes: BulkInsert<'c>,
    moved: rusqlite::Statement<'c>,
}

impl<'c> Writer<'c> {
    pub fn new(conn: &'c Connection, now: &'c str) -> Result<Self> {
        let last: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM orders", [], |r| r.get(0))?;
        Ok(Writer {
            conn,
            now,
            next_id: last + 1,
            orders: BulkInsert::new(
                conn,
                "orders",
                &[
                    "id", "source", "number", "placed_at", "placed_at_utc", "placed_on", "currency", "subtotal_minor", "discount_minor",
                    "shipping_minor", "tax_minor", "total_minor", "refunded_minor", "cancelled_at", "financial_status", "customer_hash",
                    "prices_include_tax", "utm_source", "utm_medium", "utm_campaign", "utm_content", "landing_url",
                    "attribution", "collaboration_id", "attribution_reason", "imported_at", "updated_at",
                ],
            )?,
            lines: BulkInsert::new(conn, "order_lines", &["order_id", "position", "sku", "name", "quantity", "unit_price_minor", "total_minor", "discount_minor"])?,
            codes: BulkInsert::new(conn, "order_codes", &["order_id", "position", "code", "code_key"])?,
            moved: conn.prepare("UPDATE orders SET refunded_minor = ?2, cancelled_at = ?3, financial_status = ?4, updated_at = ?5 WHERE id = ?1")?,
        })
    }

    pub fn conn(&self) -> &'c Connection {
        self.conn
    }

    /// Holds a new order (`utc`: its time as [`utc_text`](super::utc_text) writes it) with its
    /// lines and codes, writing them a statement's worth at a time; returns its id.
    pub fn insert(&mut self, o: Order, d: &Decision, utc: String) -> Result<i64> {
        let id = self.next_id;
        self.next_id += 1;
        let Order { source, number, created_at, currency, subtotal, discount, shipping, taxes, total, refunded, cancelled_at, financial_status, discount_codes, utm, landing_url, prices_include_tax, customer, lines, .. } = o;
        self.orders.push([
            id.into(),
            source_text(source).into(),
            number.into(),
            super::stamps::with_offset(&created_at).into(),
            utc.into(),
            super::stamps::day(&created_at).into(),
            Cell::Text(currency.code().to_string()),
            subtotal.into(),
            discount.into(),
            shipping.into(),
            taxes.into(),
            total.into(),
            refunded.into(),
            cancelled_at.as_ref().map(super::stamps::with_offset).into(),
            match financial_status {
                crate::sales::orders::FinancialStatus::Other(word) => Cell::Text(word),
                known => Cell::Text(super::status_text(&known).to_string()),
            },
            customer.into(),
            prices_include_tax.into(),
            utm.source.into(),
            utm.medium.into(),
            utm.campaign.into(),
            utm.content.into(),
            landing_url.into(),
            d.state.as_str().into(),
            d.collaboration_id.into(),
            d.reason.as_str().into(),
            Cell::Text(self.now.to_string()),
            Cell::Text(self.now.to_string()),
        ])?;
        // An order's lines and codes are written after it: held until its statement is.
        for (n, l) in lines.into_iter().enumerate() {
            self.lines.hold([id.into(), (n as i64 + 1).into(), l.sku.into(), l.name.into(), l.quantity.into(), l.unit_price.into(), l.total.into(), l.discount.into()]);
        }
        // Codes as written, each with its key; two spellings of one code are one code.
        let mut seen: Vec<String> = Vec::with_capacity(discount_codes.len());
        for code in discount_codes {
            let key = code_key(&code);
            if key.is_empty() || seen.contains(&key) {
                continue;
            }
            seen.push(key.clone());
            self.codes.hold([id.into(), (seen.len() as i64).into(), code.into(), key.into()]);
        }
        if self.orders.held() == 0 {
            self.lines.write_full()?;
            self.codes.write_full()?;
        }
        Ok(id)
    }

    pub fn moved(&mut self, id: i64, m: &Moving) -> Result<()> {
        self.moved.execute(params![id, m.refunded, m.cancelled_at, super::status_text(&m.status), self.now])?;
        Ok(())
    }

    /// Writes every order, line and code held.
    pub fn flush(&mut self) -> Result<()> {
        self.orders.flush()?;
        self.lines.flush()?;
        self.codes.flush()
    }
}

/// The secondary indexes of the order tables, set aside for a large import.
pub(super) struct SuspendedIndexes {
    definitions: Vec<String>,
}

impl SuspendedIndexes {
    /// Below this many new orders, or when they add less than half of what is stored,
    /// updating the indexes in place is cheaper than building them again.
    const MIN_NEW: u64 = 5_000;

    pub fn for_bulk_insert(conn: &Connection, new_orders: u64) -> Result<SuspendedIndexes> {
        let existing: i64 = conn.query_row("SELECT count(*) FROM orders", [], |r| r.get(0))?;
        if new_orders < Self::MIN_NEW || (new_orders as i64) * 2 < existing {
            return Ok(SuspendedIndexes { definitions: Vec::new() });
        }
        // UNIQUE constraints (the import finds orders by them) have no SQL and stay.
        let indexes: Vec<(String, String)> = conn
            .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('orders', 'order_codes', 'order_lines')")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (name, _) in &indexes {
            conn.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
        }
        Ok(SuspendedIndexes { definitions: indexes.into_iter().map(|(_, sql)| sql).collect() })
    }

    pub fn restore(self, conn: &Connection) -> Result<()> {
        for sql in &self.definitions {
            conn.execute_batch(sql)?;
        }
        Ok(())
    }
}
