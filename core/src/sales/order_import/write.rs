//! Writes an order import inside the caller's transaction: new orders with their lines and
//! codes by prepared statements, stored orders' forward moves, and nothing for the rest.
//! A large first import sets the orders' secondary indexes aside and builds them again from
//! their stored SQL before the transaction ends (as the roster's import does): building an
//! index once is several times cheaper than updating it order by order, and a failure rolls
//! the indexes back with everything else.

use super::{source_text, Moving};
use crate::error::Result;
use crate::sales::attribution::Decision;
use crate::sales::codes::code_key;
use crate::sales::orders::Order;
use rusqlite::{params, Connection};

/// Stores new orders and forward moves with statements prepared once.
pub(super) struct Writer<'c> {
    conn: &'c Connection,
    now: &'c str,
    order: rusqlite::Statement<'c>,
    line: rusqlite::Statement<'c>,
    code: rusqlite::Statement<'c>,
    moved: rusqlite::Statement<'c>,
}

impl<'c> Writer<'c> {
    pub fn new(conn: &'c Connection, now: &'c str) -> Result<Self> {
        Ok(Writer {
            conn,
            now,
            order: conn.prepare(
                "INSERT INTO orders (source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, discount_minor,
                     shipping_minor, tax_minor, total_minor, refunded_minor, cancelled_at, financial_status, customer_hash,
                     prices_include_tax, utm_source, utm_medium, utm_campaign, utm_content, landing_url,
                     attribution, collaboration_id, attribution_reason, imported_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?25)",
            )?,
            line: conn.prepare(
                "INSERT INTO order_lines (order_id, position, sku, name, quantity, unit_price_minor, total_minor, discount_minor)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?,
            code: conn.prepare("INSERT INTO order_codes (order_id, position, code, code_key) VALUES (?1, ?2, ?3, ?4)")?,
            moved: conn.prepare("UPDATE orders SET refunded_minor = ?2, cancelled_at = ?3, financial_status = ?4, updated_at = ?5 WHERE id = ?1")?,
        })
    }

    pub fn conn(&self) -> &'c Connection {
        self.conn
    }

    /// Stores a new order (`utc`: its time as [`utc_text`] writes it) with its lines and codes.
    pub fn insert(&mut self, o: &Order, d: &Decision, utc: &str) -> Result<i64> {
        let status = super::status_text(&o.financial_status);
        let id = self.order.insert(params![
            source_text(o.source),
            o.number,
            super::stamps::with_offset(&o.created_at),
            utc,
            super::stamps::day(&o.created_at),
            o.currency.code(),
            o.subtotal,
            o.discount,
            o.shipping,
            o.taxes,
            o.total,
            o.refunded,
            o.cancelled_at.as_ref().map(super::stamps::with_offset),
            status,
            o.customer,
            o.prices_include_tax,
            o.utm.source,
            o.utm.medium,
            o.utm.campaign,
            o.utm.content,
            o.landing_url,
            d.state.as_str(),
            d.collaboration_id,
            d.reason.as_str(),
            self.now,
        ])?;
        for (n, l) in o.lines.iter().enumerate() {
            self.line.execute(params![id, n as i64 + 1, l.sku, l.name, l.quantity, l.unit_price, l.total, l.discount])?;
        }
        // Codes as written, each with its key; two spellings of one code are one code.
        let mut seen: Vec<String> = Vec::with_capacity(o.discount_codes.len());
        for code in &o.discount_codes {
            let key = code_key(code);
            if key.is_empty() || seen.contains(&key) {
                continue;
            }
            self.code.execute(params![id, seen.len() as i64 + 1, code, key])?;
            seen.push(key);
        }
        Ok(id)
    }

    pub fn moved(&mut self, id: i64, m: &Moving) -> Result<()> {
        self.moved.execute(params![id, m.refunded, m.cancelled_at, super::status_text(&m.status), self.now])?;
        Ok(())
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
