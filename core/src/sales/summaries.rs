//! Sales in a creator's panel and a campaign's view: the orders attributed to them, the
//! revenue those orders brought, and their commissions by status as of a day.
//!
//! Contract: reads only, a fixed number of statements per summary (through the indexes on
//! `orders.collaboration_id` and `commission_lines.creator_id` / `collaboration_id`). Amounts
//! stay per currency (orders keep the shop's currency; commission lines are in the rule's); the
//! revenue's formula is [`REVENUE_FORMULA`], for the window to show beside it.

use crate::commissions::lines_list::{status_totals, LineFilter, StatusTotal};
use crate::error::{Error, Result};
use crate::money::Money;
use crate::sales::order_list::currency_at;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

/// How revenue is counted, in words the window shows beside it.
pub const REVENUE_FORMULA: &str = "Revenue is the subtotal after discounts of the attributed orders, minus what was refunded, never below zero; cancelled or voided orders count zero.";

/// The SQL of one order's revenue over `orders o` (see [`REVENUE_FORMULA`]).
pub(crate) const REVENUE_SQL: &str = "CASE WHEN o.cancelled_at IS NOT NULL OR o.financial_status IN ('voided', 'cancelled', 'failed', 'expired') THEN 0
    ELSE max(o.subtotal_minor - o.refunded_minor, 0) END";

/// Attributed orders, revenue and commissions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SalesSummary {
    pub orders: u64,
    /// Per currency of the orders, largest first.
    pub revenue: Vec<Money>,
    pub commissions: Vec<StatusTotal>,
    pub revenue_formula: &'static str,
    pub as_of: String,
}

/// One collaboration's part of a campaign's sales.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CollaborationSales {
    pub collaboration_id: i64,
    pub creator_id: i64,
    pub creator_name: String,
    pub orders: u64,
    pub revenue: Vec<Money>,
    /// Its commission lines not rejected, summed per currency.
    pub commission: Vec<Money>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CampaignSales {
    pub summary: SalesSummary,
    /// The collaborations with orders or commission lines, most revenue first.
    pub collaborations: Vec<CollaborationSales>,
}

/// Creator `creator_id`'s sales across campaigns, commissions as of `as_of` (`YYYY-MM-DD`).
pub fn creator_sales(conn: &Connection, creator_id: i64, as_of: &str) -> Result<SalesSummary> {
    let snapshot = conn.unchecked_transaction()?;
    conn.query_row("SELECT 1 FROM creators WHERE id = ?1", [creator_id], |_| Ok(())).optional()?.ok_or(Error::NotFound { what: "creator", id: creator_id })?;
    let (orders, revenue) = orders_and_revenue(conn, "o.collaboration_id IS NOT NULL AND o.collaboration_id IN (SELECT id FROM collaborations WHERE creator_id = ?1)", creator_id)?;
    let commissions = status_totals(conn, &LineFilter { creator_id: Some(creator_id), as_of: as_of.to_string(), ..Default::default() })?;
    snapshot.finish()?;
    Ok(SalesSummary { orders, revenue, commissions, revenue_formula: REVENUE_FORMULA, as_of: as_of.to_string() })
}

/// Campaign `campaign_id`'s sales, in all and by collaboration.
pub fn campaign_sales(conn: &Connection, campaign_id: i64, as_of: &str) -> Result<CampaignSales> {
    let snapshot = conn.unchecked_transaction()?;
    conn.query_row("SELECT 1 FROM campaigns WHERE id = ?1", [campaign_id], |_| Ok(())).optional()?.ok_or(Error::NotFound { what: "campaign", id: campaign_id })?;
    let commissions = status_totals(conn, &LineFilter { campaign_id: Some(campaign_id), as_of: as_of.to_string(), ..Default::default() })?;
    let mut collaborations: Vec<CollaborationSales> = Vec::new();
    {
        let mut statement = conn.prepare_cached(&format!(
            "SELECT c.id, c.creator_id, p.display_name, 'order', o.currency, count(*), sum({REVENUE_SQL})
               FROM collaborations c JOIN creators p ON p.id = c.creator_id JOIN orders o ON o.collaboration_id = c.id
              WHERE c.campaign_id = ?1 AND o.collaboration_id IS NOT NULL GROUP BY c.id, o.currency
             UNION ALL
             SELECT c.id, c.creator_id, p.display_name, 'line', l.currency, count(*), sum(l.amount_minor)
               FROM collaborations c JOIN creators p ON p.id = c.creator_id JOIN commission_lines l ON l.collaboration_id = c.id
              WHERE c.campaign_id = ?1 AND l.rejected_at IS NULL GROUP BY c.id, l.currency"
        ))?;
        let mut rows = statement.query([campaign_id])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let at = match collaborations.iter().position(|c| c.collaboration_id == id) {
                Some(at) => at,
                None => {
                    collaborations.push(CollaborationSales { collaboration_id: id, creator_id: r.get(1)?, creator_name: r.get(2)?, orders: 0, revenue: Vec::new(), commission: Vec::new() });
                    collaborations.len() - 1
                }
            };
            let entry = &mut collaborations[at];
            let money = Money { minor: r.get(6)?, currency: currency_at(r, 4)? };
            if r.get::<_, String>(3)? == "order" {
                entry.orders += r.get::<_, i64>(5)? as u64;
                entry.revenue.push(money);
            } else {
                entry.commission.push(money);
            }
        }
    }
    snapshot.finish()?;
    // The campaign's orders and revenue are its collaborations' (one read of the orders).
    let orders = collaborations.iter().map(|c| c.orders).sum();
    let mut revenue: Vec<Money> = Vec::new();
    for m in collaborations.iter().flat_map(|c| c.revenue.iter()) {
        match revenue.iter_mut().find(|r| r.currency == m.currency) {
            Some(r) => r.minor = r.minor.checked_add(m.minor).ok_or_else(|| Error::Validation(vec![crate::error::FieldError::new("revenue", "too_large", "The revenue is larger than Chorus can add up.")]))?,
            None => revenue.push(*m),
        }
    }
    revenue.sort_by_key(|m| std::cmp::Reverse(m.minor));
    let first = |v: &Vec<Money>| v.first().map(|m| m.minor).unwrap_or(0);
    collaborations.sort_by(|a, b| first(&b.revenue).cmp(&first(&a.revenue)).then_with(|| a.creator_name.cmp(&b.creator_name)));
    Ok(CampaignSales { summary: SalesSummary { orders, revenue, commissions, revenue_formula: REVENUE_FORMULA, as_of: as_of.to_string() }, collaborations })
}

fn orders_and_revenue(conn: &Connection, condition: &str, id: i64) -> Result<(u64, Vec<Money>)> {
    let mut statement = conn.prepare_cached(&format!("SELECT o.currency, count(*), sum({REVENUE_SQL}) FROM orders o WHERE {condition} GROUP BY o.currency"))?;
    let mut rows = statement.query([id])?;
    let (mut orders, mut revenue) = (0u64, Vec::new());
    while let Some(r) = rows.next()? {
        orders += r.get::<_, i64>(1)? as u64;
        revenue.push(Money { minor: r.get(2)?, currency: currency_at(r, 0)? });
    }
    revenue.sort_by_key(|m| std::cmp::Reverse(m.minor));
    Ok((orders, revenue))
}

/// A creator as a handle names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedCreator {
    pub creator_id: i64,
    pub display_name: String,
    pub platform: String,
}

/// The creators holding handle `text` (`sanne.groen`, `@sanne.groen` or
/// `instagram:sanne.groen`), any case: one, none, or one per platform that has the handle.
pub fn creators_with_handle(conn: &Connection, text: &str) -> Result<Vec<NamedCreator>> {
    let text = text.trim();
    let (platform, handle) = match text.split_once(':') {
        Some((platform, handle)) if crate::roster::model::Platform::parse(&platform.trim().to_lowercase()).is_some() => (Some(platform.trim().to_lowercase()), handle),
        _ => (None, text),
    };
    let key = crate::roster::validate::handle_key(handle);
    let mut statement = conn.prepare_cached(
        "SELECT DISTINCT p.id, p.display_name, h.platform FROM handles h JOIN creators p ON p.id = h.creator_id
         WHERE h.handle_key = ?1 AND (?2 IS NULL OR h.platform = ?2) ORDER BY h.platform, p.id",
    )?;
    let found = statement
        .query_map(rusqlite::params![key, platform], |r| Ok(NamedCreator { creator_id: r.get(0)?, display_name: r.get(1)?, platform: r.get(2)? }))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found)
}
