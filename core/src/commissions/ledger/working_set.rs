//! What one booking reads, each table once: the orders whose commission may change (the orders
//! asked for, the later orders of their customers, and every attributed order of their
//! creators' months, on which a tier depends), the ledger's lines of those orders summed per
//! order and collaboration, rejections, collaborations, rules, and (only when a rule needs
//! them) customers' earlier orders and the orders' product lines.
//!
//! A booking of a large share of the workspace (an import of many orders) reads whole tables in
//! one pass; a small one collects its orders in a temporary table (`temp.ledger_batch`) and
//! reads through joins on it, so neither reads per order.

use super::super::commission::OrderLine;
use super::super::rules::{Rule, RuleLevel};
use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use std::collections::{HashMap, HashSet};

/// An order's status words that mean it was never a sale: its base is zero, and it is no
/// customer's earlier order.
pub(crate) const CANCELLED_SQL: &str = "(cancelled_at IS NOT NULL OR financial_status IN ('cancelled', 'voided', 'failed', 'expired'))";

/// A booking of at least this share of the workspace's orders reads whole tables.
const WHOLE_TABLE_SHARE: i64 = 4;

/// One order as the ledger needs it.
#[derive(Debug, Clone)]
pub(crate) struct OrderRow {
    pub id: i64,
    pub number: String,
    pub placed_on: NaiveDate,
    pub placed_at_utc: String,
    pub currency: String,
    pub subtotal: i64,
    pub tax: i64,
    pub shipping: i64,
    pub refunded: i64,
    pub cancelled: bool,
    pub prices_include_tax: Option<bool>,
    pub has_customer: bool,
    /// The collaboration it is attributed to now (`None`: unattributed or in review).
    pub collaboration_id: Option<i64>,
    pub waiting_code: String,
    pub waiting_message: String,
}

/// The lines booked so far for one order and collaboration.
#[derive(Debug, Clone)]
pub(crate) struct Booked {
    /// The sum of the lines not rejected.
    pub amount: i64,
    pub any_paid: bool,
    /// The rule of the first line (kept by the order) and its level.
    pub first_rule: String,
    pub first_level: String,
    pub creator_id: i64,
    /// The last line: its reason, its base (in the line's currency) and the order's own base.
    pub last_reason: String,
    pub last_base: i64,
    pub last_order_base: Option<i64>,
}

/// A collaboration's creator and campaign.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Collaboration {
    pub creator_id: i64,
    pub campaign_id: i64,
}

/// The rules set in the workspace, by level and owner.
#[derive(Debug, Default)]
pub(crate) struct StoredRules {
    /// By (level, owner id), the level as `level_text` writes it.
    pub by_owner: HashMap<(&'static str, i64), Result<Rule, super::super::Refusal>>,
    pub workspace: Option<Result<Rule, super::super::Refusal>>,
}

pub(crate) fn level_text(level: RuleLevel) -> &'static str {
    match level {
        RuleLevel::Collaboration => "collaboration",
        RuleLevel::Creator => "creator",
        RuleLevel::Campaign => "campaign",
        RuleLevel::Workspace => "workspace",
    }
}

pub(crate) fn level_of(text: &str) -> RuleLevel {
    match text {
        "collaboration" => RuleLevel::Collaboration,
        "creator" => RuleLevel::Creator,
        "campaign" => RuleLevel::Campaign,
        _ => RuleLevel::Workspace,
    }
}

/// Everything one booking reads.
pub(crate) struct WorkingSet {
    pub orders: Vec<OrderRow>,
    pub booked: HashMap<(i64, i64), Booked>,
    /// Rejected (order, collaboration) pairs, with the person's reason.
    pub rejected: HashMap<(i64, i64), String>,
    pub collaborations: HashMap<i64, Collaboration>,
    pub rules: StoredRules,
}

/// Reads the working set of a booking of `order_ids` (see the module's words).
pub(crate) fn read(conn: &Connection, order_ids: &[i64]) -> Result<WorkingSet> {
    let max_id: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM orders", [], |r| r.get(0))?;
    let whole = (order_ids.len() as i64).saturating_mul(WHOLE_TABLE_SHARE) >= max_id;
    if !whole {
        fill_batch(conn, order_ids)?;
        expand_batch(conn)?;
    }
    let filter = |column: &str| if whole { String::new() } else { format!("WHERE {column} IN (SELECT order_id FROM temp.ledger_batch)") };
    let mut orders = Vec::with_capacity(if whole { max_id.max(0) as usize } else { order_ids.len() });
    {
        let sql = format!(
            "SELECT id, number, placed_on, placed_at_utc, currency, subtotal_minor, coalesce(tax_minor, 0), coalesce(shipping_minor, 0),
                    refunded_minor, {CANCELLED_SQL}, prices_include_tax, customer_hash IS NOT NULL, collaboration_id, waiting_code, waiting_message
             FROM orders {}",
            filter("id")
        );
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let day: String = r.get(2)?;
            let placed_on = NaiveDate::parse_from_str(&day, "%Y-%m-%d").map_err(|_| rusqlite::Error::InvalidColumnType(2, "placed_on".into(), rusqlite::types::Type::Text))?;
            orders.push(OrderRow {
                id: r.get(0)?,
                number: r.get(1)?,
                placed_on,
                placed_at_utc: r.get(3)?,
                currency: r.get(4)?,
                subtotal: r.get(5)?,
                tax: r.get(6)?,
                shipping: r.get(7)?,
                refunded: r.get(8)?,
                cancelled: r.get(9)?,
                prices_include_tax: r.get(10)?,
                has_customer: r.get(11)?,
                collaboration_id: r.get(12)?,
                waiting_code: r.get(13)?,
                waiting_message: r.get(14)?,
            });
        }
    }
    // The calendar order the tiers count in: the shop's day, then the time, then the id.
    orders.sort_unstable_by(|a, b| (a.placed_on, &a.placed_at_utc, a.id).cmp(&(b.placed_on, &b.placed_at_utc, b.id)));

    let mut booked: HashMap<(i64, i64), Booked> = HashMap::new();
    {
        let sql = format!(
            "SELECT order_id, collaboration_id, creator_id, amount_minor, rejected_at IS NOT NULL, payout_line_id IS NOT NULL, rule, rule_level, reason,
                    base_minor, order_base_minor
             FROM commission_lines {} ORDER BY order_id, collaboration_id, id",
            filter("order_id")
        );
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let key: (i64, i64) = (r.get(0)?, r.get(1)?);
            let (amount, rejected, paid): (i64, bool, bool) = (r.get(3)?, r.get(4)?, r.get(5)?);
            let entry = match booked.entry(key) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(v) => v.insert(Booked {
                    amount: 0,
                    any_paid: false,
                    first_rule: r.get(6)?,
                    first_level: r.get(7)?,
                    creator_id: r.get(2)?,
                    last_reason: String::new(),
                    last_base: 0,
                    last_order_base: None,
                }),
            };
            if !rejected {
                entry.amount = entry.amount.checked_add(amount).ok_or_else(|| crate::error::Error::BadFile("A commission total is too large to hold.".into()))?;
            }
            entry.any_paid |= paid;
            entry.last_reason = r.get(8)?;
            entry.last_base = r.get(9)?;
            entry.last_order_base = r.get(10)?;
        }
    }

    let mut rejected = HashMap::new();
    {
        let sql = format!("SELECT order_id, collaboration_id, reason FROM commission_rejections {}", filter("order_id"));
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            rejected.insert((r.get(0)?, r.get(1)?), r.get(2)?);
        }
    }

    let mut collaborations = HashMap::new();
    {
        let mut stmt = conn.prepare_cached("SELECT id, creator_id, campaign_id FROM collaborations")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            collaborations.insert(r.get::<_, i64>(0)?, Collaboration { creator_id: r.get(1)?, campaign_id: r.get(2)? });
        }
    }

    let mut rules = StoredRules::default();
    {
        let mut stmt = conn.prepare_cached("SELECT level, owner_id, rule FROM commission_rules")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (level, owner, text): (String, Option<i64>, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let rule = Rule::from_machine_text(&text);
            match (level_of(&level), owner) {
                (RuleLevel::Workspace, _) | (_, None) => rules.workspace = Some(rule),
                (level, Some(owner)) => {
                    rules.by_owner.insert((level_text(level), owner), rule);
                }
            }
        }
    }
    Ok(WorkingSet { orders, booked, rejected, collaborations, rules })
}

impl WorkingSet {
    /// Of `order_ids`, those whose customer has an earlier order (in time, then id) in the
    /// workspace that was not cancelled. Orders without a customer are never in it.
    pub(crate) fn with_earlier_customer_order(&self, conn: &Connection, order_ids: &[i64]) -> Result<HashSet<i64>> {
        let mut out = HashSet::new();
        if order_ids.is_empty() {
            return Ok(out);
        }
        let from = needed(conn, order_ids)?;
        let sql = format!(
            "SELECT o.id FROM {from} CROSS JOIN orders o ON o.id = n.order_id
             WHERE o.customer_hash IS NOT NULL AND EXISTS (
                 SELECT 1 FROM orders e WHERE e.customer_hash = o.customer_hash
                   AND (e.placed_at_utc < o.placed_at_utc OR (e.placed_at_utc = o.placed_at_utc AND e.id < o.id))
                   AND NOT (e.cancelled_at IS NOT NULL OR e.financial_status IN ('cancelled', 'voided', 'failed', 'expired')))"
        );
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            out.insert(r.get(0)?);
        }
        Ok(out)
    }

    /// The product lines of `order_ids`, for per-SKU rates (a line without a unit price counts
    /// its total as one unit).
    pub(crate) fn product_lines(&self, conn: &Connection, order_ids: &[i64]) -> Result<HashMap<i64, Vec<OrderLine>>> {
        let mut out: HashMap<i64, Vec<OrderLine>> = HashMap::new();
        if order_ids.is_empty() {
            return Ok(out);
        }
        let from = needed(conn, order_ids)?;
        let sql = format!(
            "SELECT l.order_id, l.sku, l.quantity, l.unit_price_minor, l.total_minor FROM {from} CROSS JOIN order_lines l ON l.order_id = n.order_id ORDER BY l.order_id, l.position"
        );
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (quantity, unit, total): (i64, Option<i64>, Option<i64>) = (r.get(2)?, r.get(3)?, r.get(4)?);
            let (quantity, unit_price) = match unit {
                Some(unit) => (quantity.clamp(0, i64::from(u32::MAX)) as u32, unit),
                None => (1, total.unwrap_or(0)),
            };
            out.entry(r.get(0)?).or_default().push(OrderLine { sku: r.get(1)?, quantity, unit_price });
        }
        Ok(out)
    }

}

/// The table `n` (column `order_id`) of `order_ids`, filled for one query.
fn needed(conn: &Connection, order_ids: &[i64]) -> Result<String> {
    {
        conn.execute_batch("CREATE TEMP TABLE IF NOT EXISTS ledger_needed (order_id INTEGER PRIMARY KEY); DELETE FROM temp.ledger_needed;")?;
        let mut insert = conn.prepare_cached("INSERT OR IGNORE INTO temp.ledger_needed (order_id) VALUES (?1)")?;
        for id in order_ids {
            insert.execute([id])?;
        }
        Ok("temp.ledger_needed n".into())
    }
}

fn fill_batch(conn: &Connection, order_ids: &[i64]) -> Result<()> {
    conn.execute_batch("CREATE TEMP TABLE IF NOT EXISTS ledger_batch (order_id INTEGER PRIMARY KEY); DELETE FROM temp.ledger_batch;")?;
    let mut insert = conn.prepare_cached("INSERT OR IGNORE INTO temp.ledger_batch (order_id) VALUES (?1)")?;
    for id in order_ids {
        insert.execute(params![id])?;
    }
    Ok(())
}

/// Adds the orders whose commission depends on the batch's: first the later orders of the
/// same customers (first order only), then every attributed order of the months of the
/// creators the batch's orders are or were attributed to (tiers count the month). The joins
/// are CROSS JOINs so that SQLite walks them from the batch, through the indexes, whatever it
/// guesses of the tables' sizes (left to itself it may scan every order for a batch of one).
fn expand_batch(conn: &Connection) -> Result<()> {
    conn.execute(EXPAND_BY_CUSTOMER, [])?;
    conn.execute(EXPAND_BY_MONTH, [])?;
    Ok(())
}

/// The later orders of the batch's customers.
pub(super) const EXPAND_BY_CUSTOMER: &str = "INSERT OR IGNORE INTO temp.ledger_batch (order_id)
         SELECT e.id FROM temp.ledger_batch b CROSS JOIN orders o ON o.id = b.order_id
         CROSS JOIN orders e ON e.customer_hash = o.customer_hash AND e.placed_at_utc >= o.placed_at_utc
         WHERE o.customer_hash IS NOT NULL";

/// Every attributed order of the months of the batch's creators, now or by their lines.
pub(super) const EXPAND_BY_MONTH: &str = "INSERT OR IGNORE INTO temp.ledger_batch (order_id)
         SELECT e.id FROM (
             SELECT c.creator_id AS creator_id, substr(o.placed_on, 1, 7) AS month
             FROM temp.ledger_batch b CROSS JOIN orders o ON o.id = b.order_id CROSS JOIN collaborations c ON c.id = o.collaboration_id
             UNION
             SELECT l.creator_id, substr(o.placed_on, 1, 7)
             FROM temp.ledger_batch b CROSS JOIN commission_lines l ON l.order_id = b.order_id CROSS JOIN orders o ON o.id = b.order_id
         ) m
         CROSS JOIN collaborations c ON c.creator_id = m.creator_id
         CROSS JOIN orders e ON e.collaboration_id = c.id
              AND e.placed_at_utc >= date(m.month || '-01', '-1 day') AND e.placed_at_utc < date(m.month || '-01', '+1 month', '+1 day')
              AND substr(e.placed_on, 1, 7) = m.month";
