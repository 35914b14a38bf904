//! The read side of shop orders (schema 4): one page of orders under filters, newest first,
//! with the true count, and one order's detail with everything that explains its money (lines,
//! codes, attribution and why, the collaborations in its review queue, its commission lines).
//!
//! Contract: reads only, in a fixed number of statements whatever the size of the workspace
//! (a page and its count use the indexes of 0004_sales.sql and 0005_order_lists.sql; checked with EXPLAIN QUERY PLAN in
//! the tests). Money stays in minor units beside its currency. An order's base is the one its
//! latest commission line was booked with when it has lines ([`BaseSource::Ledger`]), else
//! worked out here with `commissions::base` from the stored amounts ([`BaseSource::Computed`]),
//! and the row says which. Statuses of commission lines are read as of a day (see
//! [`crate::commissions::lines_list::LineStatus`]).

use crate::commissions::base::{order_base, OrderAmounts, ShopPrices};
use crate::commissions::lines_list::{line_row, LineRow, LINE_COLUMNS};
use crate::error::{Error, Result};
use crate::money::{Currency, Money};
use crate::workspace::settings::load_sales_rules;
use rusqlite::types::{ToSql, Type};
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

/// Rows a page holds at most.
pub const MAX_PAGE: u32 = 500;

/// Which rows of a list: `limit` 0 means 50, at most [`MAX_PAGE`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Page {
    pub offset: u32,
    pub limit: u32,
}

impl Page {
    pub(crate) fn rows(self) -> u32 {
        match self.limit {
            0 => 50,
            n => n.min(MAX_PAGE),
        }
    }
}

/// Where an order stands: attributed to a collaboration, unattributed (with the reason), or in
/// the review queue (codes of two creators) until a person decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionState {
    Attributed,
    Unattributed,
    Review,
}

impl AttributionState {
    pub fn as_str(self) -> &'static str {
        match self {
            AttributionState::Attributed => "attributed",
            AttributionState::Unattributed => "unattributed",
            AttributionState::Review => "review",
        }
    }
    pub fn parse(text: &str) -> Option<AttributionState> {
        [AttributionState::Attributed, AttributionState::Unattributed, AttributionState::Review].into_iter().find(|s| s.as_str() == text)
    }
}

/// The reasons the schema stores (`orders.attribution_reason`), for the filter menus.
pub const REASONS: &[&str] = &["code", "link", "manual", "no_code", "unknown_code", "expired", "not_started", "cancelled_collaboration", "two_creators"];

/// What the orders list shows. Every filter is optional; together they narrow.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrderFilter {
    /// Attributed to one of this creator's collaborations.
    pub creator_id: Option<i64>,
    /// Attributed to a collaboration of this campaign.
    pub campaign_id: Option<i64>,
    pub attribution: Option<AttributionState>,
    /// One of [`REASONS`]; an unknown reason matches nothing.
    pub reason: Option<String>,
    /// Only orders whose commission waits (a missing exchange rate, an unknown customer).
    pub waiting: bool,
    /// The start of the order number (`1001` finds `#1001` and `#10012`), any case.
    pub number: Option<String>,
    /// The shop's calendar days, `YYYY-MM-DD`, both included.
    pub placed_from: Option<String>,
    pub placed_to: Option<String>,
}

/// Where a row's base comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BaseSource {
    /// The base its latest commission line was booked with (in the line's currency).
    Ledger,
    /// Worked out from the order's stored amounts and the workspace's tax setting (in the
    /// order's currency): what the ledger would book before any rule or conversion.
    Computed,
}

/// The collaboration an order is attributed to, or one it could go to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CollaborationRef {
    pub collaboration_id: i64,
    pub creator_id: i64,
    pub creator_name: String,
    pub campaign_id: i64,
    pub campaign_name: String,
}

/// One order in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrderRow {
    pub id: i64,
    pub source: String,
    pub number: String,
    /// As the file wrote it, with its offset.
    pub placed_at: String,
    pub placed_on: String,
    pub currency: Currency,
    pub subtotal: Money,
    /// The order total when the file gave one.
    pub total: Option<Money>,
    pub refunded: Money,
    pub cancelled: bool,
    pub financial_status: String,
    pub base: Option<Money>,
    pub base_source: BaseSource,
    pub attribution: AttributionState,
    pub reason: String,
    pub manual: bool,
    pub attributed_to: Option<CollaborationRef>,
    /// The sum of its commission lines that are not rejected, per currency (empty: none booked).
    pub commission: Vec<Money>,
    /// The code of what its commission waits for; empty when nothing waits.
    pub waiting_code: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrdersPage {
    pub rows: Vec<OrderRow>,
    /// Orders matching the filter, all pages.
    pub total: u64,
    /// Orders in the review queue, whatever the filter (the screen's badge).
    pub review_count: u64,
}

/// The SQL condition and parameters of a filter, over `orders o`.
fn conditions(filter: &OrderFilter) -> (String, Vec<Box<dyn ToSql>>) {
    let mut terms: Vec<String> = Vec::new();
    let mut params: Vec<Box<dyn ToSql>> = Vec::new();
    let param = |value: Box<dyn ToSql>, params: &mut Vec<Box<dyn ToSql>>| {
        params.push(value);
        format!("?{}", params.len())
    };
    if let Some(id) = filter.creator_id {
        let p = param(Box::new(id), &mut params);
        terms.push(format!("o.collaboration_id IS NOT NULL AND o.collaboration_id IN (SELECT id FROM collaborations WHERE creator_id = {p})"));
    }
    if let Some(id) = filter.campaign_id {
        let p = param(Box::new(id), &mut params);
        terms.push(format!("o.collaboration_id IS NOT NULL AND o.collaboration_id IN (SELECT id FROM collaborations WHERE campaign_id = {p})"));
    }
    // The states are written as literals so that the partial indexes of 0005 apply.
    match filter.attribution {
        Some(AttributionState::Attributed) => terms.push("o.collaboration_id IS NOT NULL".into()),
        Some(AttributionState::Unattributed) => terms.push("o.attribution = 'unattributed'".into()),
        Some(AttributionState::Review) => terms.push("o.attribution = 'review'".into()),
        None => {}
    }
    if let Some(reason) = &filter.reason {
        let p = param(Box::new(reason.clone()), &mut params);
        terms.push(format!("o.attribution_reason = {p}"));
    }
    if filter.waiting {
        terms.push("o.waiting_code <> ''".into());
    }
    if let Some(number) = filter.number.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        // A prefix range on UNIQUE (source, number), with and without the shop's `#`.
        let bare = number.trim_start_matches('#').to_string();
        let mut ranges = Vec::new();
        for start in [bare.clone(), format!("#{bare}")] {
            for variant in [start.to_uppercase(), start.to_lowercase()] {
                let from = param(Box::new(variant.clone()), &mut params);
                let to = param(Box::new(format!("{variant}\u{10FFFF}")), &mut params);
                ranges.push(format!("(o.number >= {from} AND o.number < {to})"));
            }
        }
        terms.push(format!("o.source IN ('shopify', 'woocommerce', 'csv') AND ({})", ranges.join(" OR ")));
    }
    if let Some(day) = &filter.placed_from {
        // The shop's day can start the day before in UTC: the range on the index is one day
        // wider, the shop's day decides.
        let p = param(Box::new(day.clone()), &mut params);
        terms.push(format!("o.placed_at_utc >= date({p}, '-1 day')"));
        let p = param(Box::new(day.clone()), &mut params);
        terms.push(format!("o.placed_on >= {p}"));
    }
    if let Some(day) = &filter.placed_to {
        let p = param(Box::new(day.clone()), &mut params);
        terms.push(format!("o.placed_at_utc < date({p}, '+2 days')"));
        let p = param(Box::new(day.clone()), &mut params);
        terms.push(format!("o.placed_on <= {p}"));
    }
    let sql = if terms.is_empty() { String::new() } else { format!("WHERE {}", terms.join(" AND ")) };
    (sql, params)
}

const ROW_COLUMNS: &str = "o.id, o.source, o.number, o.placed_at, o.placed_on, o.currency, o.subtotal_minor, o.total_minor, o.refunded_minor,
    o.cancelled_at, o.financial_status, o.tax_minor, o.prices_include_tax, o.attribution, o.attribution_reason, o.attribution_manual,
    o.waiting_code, c.id, c.creator_id, p.display_name, c.campaign_id, k.name,
    (SELECT l.base_minor || ' ' || l.currency FROM commission_lines l WHERE l.order_id = o.id ORDER BY l.id DESC LIMIT 1),
    (SELECT group_concat(t.currency || ' ' || t.amount, ';') FROM
        (SELECT l.currency, sum(l.amount_minor) AS amount FROM commission_lines l WHERE l.order_id = o.id AND l.rejected_at IS NULL GROUP BY l.currency) t),
    o.shipping_minor AS row_shipping_minor";

const ROW_JOINS: &str = "LEFT JOIN collaborations c ON c.id = o.collaboration_id LEFT JOIN creators p ON p.id = c.creator_id
    LEFT JOIN campaigns k ON k.id = c.campaign_id";

/// One page of orders under `filter`, newest first (by the time in UTC, then the order's id).
pub fn orders_page(conn: &Connection, filter: &OrderFilter, page: Page) -> Result<OrdersPage> {
    let prices = workspace_prices(conn)?;
    let (where_sql, params) = conditions(filter);
    let args: Vec<&dyn ToSql> = params.iter().map(|p| p.as_ref()).collect();
    let snapshot = conn.unchecked_transaction()?;
    let total: i64 = conn.prepare_cached(&format!("SELECT count(*) FROM orders o {where_sql}"))?.query_row(&args[..], |r| r.get(0))?;
    let review_count: i64 = conn.prepare_cached("SELECT count(*) FROM orders WHERE attribution = 'review'")?.query_row([], |r| r.get(0))?;
    let sql = format!(
        "SELECT {ROW_COLUMNS} FROM (SELECT o.id FROM orders o {where_sql} ORDER BY o.placed_at_utc DESC, o.id DESC LIMIT {} OFFSET {}) pick
         JOIN orders o ON o.id = pick.id {ROW_JOINS} ORDER BY o.placed_at_utc DESC, o.id DESC",
        page.rows(),
        page.offset
    );
    let rows = conn.prepare_cached(&sql)?.query_map(&args[..], |r| order_row(r, prices))?.collect::<rusqlite::Result<Vec<_>>>()?;
    snapshot.finish()?;
    Ok(OrdersPage { rows, total: total as u64, review_count: review_count as u64 })
}

fn workspace_prices(conn: &Connection) -> Result<ShopPrices> {
    Ok(if load_sales_rules(conn)?.prices_include_tax { ShopPrices::IncludeTax } else { ShopPrices::ExcludeTax })
}

fn order_row(r: &Row, workspace_prices: ShopPrices) -> rusqlite::Result<OrderRow> {
    let currency = currency_at(r, 5)?;
    let money = |minor: i64| Money { minor, currency };
    let cancelled_at: Option<String> = r.get(9)?;
    let financial_status: String = r.get(10)?;
    let cancelled = cancelled_at.is_some() || matches!(financial_status.as_str(), "voided" | "cancelled" | "failed" | "expired");
    let prices = match r.get::<_, Option<bool>>(12)? {
        Some(true) => ShopPrices::IncludeTax,
        Some(false) => ShopPrices::ExcludeTax,
        None => workspace_prices,
    };
    let (subtotal, refunded): (i64, i64) = (r.get(6)?, r.get(8)?);
    let ledger_base: Option<String> = r.get(22)?;
    let (base, base_source) = match ledger_base.as_deref().and_then(money_from_text) {
        Some(base) => (Some(base), BaseSource::Ledger),
        None => {
            // The tax on the items as the ledger takes it (Shopify's Taxes holds shipping's too).
            let tax = r.get::<_, Option<i64>>(11)?.unwrap_or(0);
            let shipping = r.get::<_, Option<i64>>("row_shipping_minor")?.unwrap_or(0);
            let item_tax = crate::commissions::ledger::item_tax(subtotal, shipping, tax).unwrap_or(tax);
            let amounts = OrderAmounts { currency, subtotal_after_discounts: subtotal, item_tax, refunded, cancelled };
            // Amounts the base refuses (tax above the subtotal) leave the base unknown here;
            // the ledger says why when it books the order.
            (order_base(&amounts, prices).ok().map(|b| b.base), BaseSource::Computed)
        }
    };
    let commission: Option<String> = r.get(23)?;
    let attributed_to = match r.get::<_, Option<i64>>(17)? {
        Some(collaboration_id) => Some(CollaborationRef {
            collaboration_id,
            creator_id: r.get(18)?,
            creator_name: r.get(19)?,
            campaign_id: r.get(20)?,
            campaign_name: r.get(21)?,
        }),
        None => None,
    };
    Ok(OrderRow {
        id: r.get(0)?,
        source: r.get(1)?,
        number: r.get(2)?,
        placed_at: r.get(3)?,
        placed_on: r.get(4)?,
        currency,
        subtotal: money(subtotal),
        total: r.get::<_, Option<i64>>(7)?.map(money),
        refunded: money(refunded),
        cancelled,
        financial_status,
        base,
        base_source,
        attribution: AttributionState::parse(&r.get::<_, String>(13)?).ok_or_else(|| bad_value(13))?,
        reason: r.get(14)?,
        manual: r.get(15)?,
        attributed_to,
        commission: commission.map(|text| text.split(';').filter_map(money_from_text).collect()).unwrap_or_default(),
        waiting_code: r.get(16)?,
    })
}

/// `"1234 EUR"` as SQL writes an amount beside its currency.
fn money_from_text(text: &str) -> Option<Money> {
    let (first, second) = text.split_once(' ')?;
    // Lines write `minor currency`, the commission sums `currency minor`.
    match (first.parse::<i64>(), second.parse::<i64>()) {
        (Ok(minor), _) => Some(Money { minor, currency: Currency::parse(second)? }),
        (_, Ok(minor)) => Some(Money { minor, currency: Currency::parse(first)? }),
        _ => None,
    }
}

pub(crate) fn currency_at(r: &Row, i: usize) -> rusqlite::Result<Currency> {
    Currency::parse(&r.get::<_, String>(i)?).ok_or_else(|| bad_value(i))
}

pub(crate) fn bad_value(i: usize) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, Type::Text, "a value this version of Chorus does not know".into())
}

/// A product line of an order, as the file gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrderLineView {
    pub position: i64,
    pub sku: String,
    pub name: String,
    pub quantity: i64,
    pub unit_price: Option<Money>,
    pub total: Option<Money>,
    pub discount: Option<Money>,
}

/// One order with everything that explains it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrderDetail {
    pub order: OrderRow,
    pub discount: Option<Money>,
    pub shipping: Option<Money>,
    pub tax: Option<Money>,
    pub cancelled_at: Option<String>,
    pub utm: Vec<(String, String)>,
    pub landing_url: Option<String>,
    pub lines: Vec<OrderLineView>,
    /// The codes as the order carries them.
    pub codes: Vec<String>,
    /// The person's words for a manual attribution or un-attribution.
    pub note: String,
    /// The English sentence of what its commission waits for.
    pub waiting_message: String,
    /// The collaborations whose discount codes the order carries (the review queue's choice).
    pub candidates: Vec<Candidate>,
    /// Its commission lines, oldest first, with how each was made.
    pub commission_lines: Vec<LineRow>,
}

/// A collaboration an order's code belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    pub collaboration: CollaborationRef,
    pub code: String,
    pub collaboration_status: String,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
}

/// Order `order_id` with its lines, codes, attribution, review candidates and commission lines
/// (their status as of `as_of`, `YYYY-MM-DD`).
pub fn order_detail(conn: &Connection, order_id: i64, as_of: &str) -> Result<OrderDetail> {
    let prices = workspace_prices(conn)?;
    let snapshot = conn.unchecked_transaction()?;
    let found = conn
        .prepare_cached(&format!(
            "SELECT {ROW_COLUMNS}, o.discount_minor, o.shipping_minor, o.tax_minor, o.cancelled_at, o.utm_source, o.utm_medium, o.utm_campaign,
                    o.utm_content, o.landing_url, o.attribution_note, o.waiting_message
             FROM orders o {ROW_JOINS} WHERE o.id = ?1"
        ))?
        .query_row([order_id], |r| {
            let order = order_row(r, prices)?;
            let money = |minor: Option<i64>| minor.map(|minor| Money { minor, currency: order.currency });
            let utm = ["utm_source", "utm_medium", "utm_campaign", "utm_content"]
                .iter()
                .enumerate()
                .filter_map(|(i, name)| r.get::<_, Option<String>>(29 + i).transpose().map(|v| v.map(|v| (name.to_string(), v))))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(OrderDetail {
                discount: money(r.get(25)?),
                shipping: money(r.get(26)?),
                tax: money(r.get(27)?),
                cancelled_at: r.get(28)?,
                utm,
                landing_url: r.get(33)?,
                note: r.get(34)?,
                waiting_message: r.get(35)?,
                order,
                lines: Vec::new(),
                codes: Vec::new(),
                candidates: Vec::new(),
                commission_lines: Vec::new(),
            })
        })
        .optional()?;
    let mut detail = found.ok_or(Error::NotFound { what: "order", id: order_id })?;
    let currency = detail.order.currency;
    let money = |minor: Option<i64>| minor.map(|minor| Money { minor, currency });
    detail.lines = conn
        .prepare_cached("SELECT position, sku, name, quantity, unit_price_minor, total_minor, discount_minor FROM order_lines WHERE order_id = ?1 ORDER BY position")?
        .query_map([order_id], |r| {
            Ok(OrderLineView { position: r.get(0)?, sku: r.get(1)?, name: r.get(2)?, quantity: r.get(3)?, unit_price: money(r.get(4)?), total: money(r.get(5)?), discount: money(r.get(6)?) })
        })?
        .collect::<rusqlite::Result<_>>()?;
    detail.codes = conn.prepare_cached("SELECT code FROM order_codes WHERE order_id = ?1 ORDER BY position")?.query_map([order_id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    detail.candidates = conn
        .prepare_cached(
            "SELECT c.id, c.creator_id, p.display_name, c.campaign_id, k.name, c.discount_code, c.status, coalesce(c.starts_on, k.starts_on), coalesce(c.ends_on, k.ends_on)
             FROM (SELECT DISTINCT code_key FROM order_codes WHERE order_id = ?1 AND code_key <> '') oc
             JOIN collaborations c ON c.discount_code_key = oc.code_key JOIN creators p ON p.id = c.creator_id JOIN campaigns k ON k.id = c.campaign_id
             ORDER BY p.sort_name, c.id",
        )?
        .query_map([order_id], |r| {
            Ok(Candidate {
                collaboration: CollaborationRef { collaboration_id: r.get(0)?, creator_id: r.get(1)?, creator_name: r.get(2)?, campaign_id: r.get(3)?, campaign_name: r.get(4)? },
                code: r.get(5)?,
                collaboration_status: r.get(6)?,
                starts_on: r.get(7)?,
                ends_on: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    detail.commission_lines = conn
        .prepare_cached(&format!("SELECT {LINE_COLUMNS} FROM commission_lines l {} WHERE l.order_id = ?2 ORDER BY l.id", crate::commissions::lines_list::LINE_JOINS))?
        .query_map(rusqlite::params![as_of, order_id], line_row)?
        .collect::<rusqlite::Result<_>>()?;
    snapshot.finish()?;
    Ok(detail)
}
