//! The read side of the commission ledger (schema 4, `commission_lines`): one page of lines
//! under filters, newest booked first, each with how it was made (base, rule, level, rate,
//! explanation, conversion), and the totals by status per currency.
//!
//! Contract: reads only. A line's status is read as of a day: rejected when `rejected_at` is
//! set, else paid when a payout paid it, else approved from its `hold_until` day on, else
//! pending ([`STATUS_SQL`]; the ledger's `line_status` says the same). Totals cover every line
//! the creator, campaign and kind filters select, whatever the status filter, so the screen
//! shows all four beside the page. Without a creator or campaign filter the totals and the count
//! come from `commission_totals` (kept by schema 4's triggers), so they cost the same on a
//! million lines as on ten.

use crate::error::Result;
use crate::money::{Currency, Money};
use crate::sales::order_list::{bad_value, currency_at, Page};
use rusqlite::types::ToSql;
use rusqlite::{Connection, Row};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A line's status on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineStatus {
    Pending,
    Approved,
    Paid,
    Rejected,
}

impl LineStatus {
    pub const ALL: [LineStatus; 4] = [LineStatus::Pending, LineStatus::Approved, LineStatus::Paid, LineStatus::Rejected];
    pub fn as_str(self) -> &'static str {
        match self {
            LineStatus::Pending => "pending",
            LineStatus::Approved => "approved",
            LineStatus::Paid => "paid",
            LineStatus::Rejected => "rejected",
        }
    }
    pub fn parse(text: &str) -> Option<LineStatus> {
        LineStatus::ALL.into_iter().find(|s| s.as_str() == text.trim().to_ascii_lowercase())
    }
    /// The SQL condition on `commission_lines l` for this status as of the day in `?1`.
    fn condition(self) -> &'static str {
        match self {
            LineStatus::Rejected => "l.rejected_at IS NOT NULL",
            LineStatus::Paid => "l.rejected_at IS NULL AND l.payout_line_id IS NOT NULL",
            LineStatus::Approved => "l.payout_line_id IS NULL AND l.rejected_at IS NULL AND l.hold_until <= ?1",
            LineStatus::Pending => "l.payout_line_id IS NULL AND l.rejected_at IS NULL AND l.hold_until > ?1",
        }
    }
}

/// A line's status as of the day in `?1`, over `commission_lines l`.
pub const STATUS_SQL: &str =
    "CASE WHEN l.rejected_at IS NOT NULL THEN 'rejected' WHEN l.payout_line_id IS NOT NULL THEN 'paid' WHEN l.hold_until <= ?1 THEN 'approved' ELSE 'pending' END";

/// The kinds of line the ledger books.
pub const KINDS: &[&str] = &["commission", "adjustment", "reversal", "clawback"];

/// Which lines. Every filter is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LineFilter {
    pub creator_id: Option<i64>,
    pub campaign_id: Option<i64>,
    pub status: Option<LineStatus>,
    /// One of [`KINDS`].
    pub kind: Option<String>,
    /// The day statuses are read on, `YYYY-MM-DD` (the caller's today when empty).
    pub as_of: String,
}

/// A converted order: its own currency and base, and the rate used (exact: `units / 10^scale`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineConversion {
    pub order_base: Money,
    /// `0.983961`: one unit of the order's currency in the line's, exact.
    pub rate: String,
    pub on_date: String,
}

/// One ledger line with how it was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineRow {
    pub id: i64,
    pub order_id: i64,
    pub order_number: String,
    pub placed_on: String,
    pub collaboration_id: i64,
    pub creator_id: i64,
    pub creator_name: String,
    pub campaign_id: i64,
    pub campaign_name: String,
    pub kind: String,
    /// Why the line was booked: order, refund, cancelled, attribution_changed, rejected, …
    pub reason: String,
    pub note: String,
    pub amount: Money,
    pub base: Money,
    /// `Rule::machine_text()`, and the rule in English.
    pub rule: String,
    pub rule_text: String,
    pub rule_level: String,
    /// The rate the line used in basis points, when it used one (percent, tier).
    pub rate_bp: Option<u32>,
    pub explanation: String,
    pub explanation_code: String,
    pub explanation_params: BTreeMap<String, String>,
    /// The amounts among the params (`amount`, `base`, `month_base`, `tier_from`), for the
    /// window to format in its language.
    pub explanation_amounts: BTreeMap<String, Money>,
    pub conversion: Option<LineConversion>,
    pub hold_until: String,
    pub status: LineStatus,
    pub rejected_reason: Option<String>,
    pub created_at: String,
}

/// What the lines under a filter add up to in one status and currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusTotal {
    pub status: LineStatus,
    pub amount: Money,
    pub lines: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinesPage {
    pub rows: Vec<LineRow>,
    /// Lines matching the filter (status included), all pages.
    pub total: u64,
    /// By status, then currency; statuses without lines are left out.
    pub totals: Vec<StatusTotal>,
    pub as_of: String,
}

/// The columns [`line_row`] reads, with the as-of day in `?1`.
pub(crate) const LINE_COLUMNS: &str = "l.id, l.order_id, o.number, o.placed_on, l.collaboration_id, l.creator_id, p.display_name, c.campaign_id, k.name,
    l.kind, l.reason, l.note, l.amount_minor, l.currency, l.base_minor, l.rule, l.rule_level, l.explanation, l.explanation_code,
    l.explanation_params, l.order_currency, l.order_base_minor, l.fx_rate_units, l.fx_rate_scale, l.fx_on_date, l.hold_until,
    CASE WHEN l.rejected_at IS NOT NULL THEN 'rejected' WHEN l.payout_line_id IS NOT NULL THEN 'paid' WHEN l.hold_until <= ?1 THEN 'approved' ELSE 'pending' END,
    l.rejected_reason, l.created_at";

pub(crate) const LINE_JOINS: &str =
    "JOIN orders o ON o.id = l.order_id JOIN collaborations c ON c.id = l.collaboration_id JOIN creators p ON p.id = l.creator_id JOIN campaigns k ON k.id = c.campaign_id";

pub(crate) fn line_row(r: &Row) -> rusqlite::Result<LineRow> {
    let currency = currency_at(r, 13)?;
    let money = |minor: i64| Money { minor, currency };
    let rule: String = r.get(15)?;
    let params = explanation_params_of(&r.get::<_, String>(19)?);
    let explanation_amounts = params.iter().filter_map(|(k, v)| money_of_text(v).map(|m| (k.clone(), m))).collect();
    let conversion = match (r.get::<_, Option<String>>(20)?, r.get::<_, Option<i64>>(21)?, r.get::<_, Option<i64>>(22)?, r.get::<_, Option<i64>>(23)?) {
        (Some(code), Some(minor), Some(units), Some(scale)) => Some(LineConversion {
            order_base: Money { minor, currency: Currency::parse(&code).ok_or_else(|| bad_value(20))? },
            rate: decimal_text(units, scale),
            on_date: r.get::<_, Option<String>>(24)?.unwrap_or_default(),
        }),
        _ => None,
    };
    Ok(LineRow {
        id: r.get(0)?,
        order_id: r.get(1)?,
        order_number: r.get(2)?,
        placed_on: r.get(3)?,
        collaboration_id: r.get(4)?,
        creator_id: r.get(5)?,
        creator_name: r.get(6)?,
        campaign_id: r.get(7)?,
        campaign_name: r.get(8)?,
        kind: r.get(9)?,
        reason: r.get(10)?,
        note: r.get(11)?,
        amount: money(r.get(12)?),
        base: money(r.get(14)?),
        rule_text: super::rules::Rule::from_machine_text(&rule).map(|r| r.describe()).unwrap_or_else(|_| rule.clone()),
        rule,
        rule_level: r.get(16)?,
        rate_bp: params.get("rate").and_then(|t| basis_points_of(t)),
        explanation: r.get(17)?,
        explanation_code: r.get(18)?,
        explanation_params: params,
        explanation_amounts,
        conversion,
        hold_until: r.get(25)?,
        status: LineStatus::parse(&r.get::<_, String>(26)?).ok_or_else(|| bad_value(26))?,
        rejected_reason: r.get(27)?,
        created_at: r.get(28)?,
    })
}

/// `units / 10^scale` written exactly: `983961 / 10^6` is `0.983961`.
pub(crate) fn decimal_text(units: i64, scale: i64) -> String {
    let digits = units.unsigned_abs().to_string();
    let scale = scale.clamp(0, 18) as usize;
    let sign = if units < 0 { "-" } else { "" };
    if scale == 0 {
        return format!("{sign}{digits}");
    }
    let padded = format!("{digits:0>width$}", width = scale + 1);
    let (whole, fraction) = padded.split_at(padded.len() - scale);
    format!("{sign}{whole}.{fraction}")
}

/// `12.5%` (as `commissions::rules::percent_text` writes it) in basis points.
fn basis_points_of(text: &str) -> Option<u32> {
    let number = text.trim().strip_suffix('%')?;
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if fraction.len() > 2 || whole.is_empty() || !whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let fraction = format!("{fraction:0<2}");
    whole.parse::<u32>().ok()?.checked_mul(100)?.checked_add(fraction.parse::<u32>().ok()?)
}

/// The parameters of a line's explanation (`rate`, `base`, `amount`, …). The ledger keeps them
/// under `params`, beside the words of the base and the conversion (`ledger::lines`); a line
/// written flat (`{"rate": "10%", …}`) reads too. Only text values are parameters.
fn explanation_params_of(stored: &str) -> BTreeMap<String, String> {
    let value: serde_json::Value = serde_json::from_str(stored).unwrap_or_default();
    let inner = value.get("params").filter(|p| p.is_object()).unwrap_or(&value);
    inner.as_object().map(|o| o.iter().filter_map(|(k, v)| v.as_str().map(|t| (k.clone(), t.to_string()))).collect()).unwrap_or_default()
}

/// `EUR 5.00` (as `commissions::rules::money_text` writes it) back into an amount.
fn money_of_text(text: &str) -> Option<Money> {
    let (code, plain) = text.split_once(' ')?;
    let currency = Currency::parse(code)?;
    let (negative, plain) = match plain.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, plain),
    };
    let (whole, fraction) = plain.split_once('.').unwrap_or((plain, ""));
    let exp = currency.exponent() as usize;
    if fraction.len() != exp || whole.is_empty() || !whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let minor = format!("{whole}{fraction}").parse::<i64>().ok()?;
    Some(Money { minor: if negative { -minor } else { minor }, currency })
}

/// The conditions of a filter over `commission_lines l` (status left out), with `?1` the as-of day.
fn conditions(filter: &LineFilter) -> (Vec<String>, Vec<Box<dyn ToSql>>) {
    let mut terms = Vec::new();
    let mut params: Vec<Box<dyn ToSql>> = vec![Box::new(filter.as_of.clone())];
    if let Some(id) = filter.creator_id {
        params.push(Box::new(id));
        terms.push(format!("l.creator_id = ?{}", params.len()));
    }
    if let Some(id) = filter.campaign_id {
        params.push(Box::new(id));
        terms.push(format!("l.collaboration_id IN (SELECT id FROM collaborations WHERE campaign_id = ?{})", params.len()));
    }
    if let Some(kind) = &filter.kind {
        params.push(Box::new(kind.clone()));
        terms.push(format!("l.kind = ?{}", params.len()));
    }
    (terms, params)
}

fn where_sql(terms: &[String]) -> String {
    if terms.is_empty() {
        // `?1` must appear in every statement that binds it.
        "WHERE ?1 IS NOT NULL".into()
    } else {
        format!("WHERE ?1 IS NOT NULL AND {}", terms.join(" AND "))
    }
}

/// One page of ledger lines under `filter`, newest booked first, with the count and the totals.
pub fn commission_lines(conn: &Connection, filter: &LineFilter, page: Page) -> Result<LinesPage> {
    let (terms, params) = conditions(filter);
    let args: Vec<&dyn ToSql> = params.iter().map(|p| p.as_ref()).collect();
    let mut page_terms = terms.clone();
    if let Some(status) = filter.status {
        page_terms.push(status.condition().to_string());
    }
    let snapshot = conn.unchecked_transaction()?;
    let totals = if filter.creator_id.is_none() && filter.campaign_id.is_none() { kept_totals(conn, filter)? } else { summed_totals(conn, &terms, &args)? };
    let total = match filter.status {
        _ if filter.creator_id.is_none() && filter.campaign_id.is_none() => {
            totals.iter().filter(|t| filter.status.is_none_or(|s| s == t.status)).map(|t| t.lines).sum()
        }
        _ => conn.prepare_cached(&format!("SELECT count(*) FROM commission_lines l {}", where_sql(&page_terms)))?.query_row(&args[..], |r| r.get::<_, i64>(0))? as u64,
    };
    let sql = format!(
        "SELECT {LINE_COLUMNS} FROM (SELECT l.id FROM commission_lines l {} ORDER BY l.id DESC LIMIT {} OFFSET {}) pick
         JOIN commission_lines l ON l.id = pick.id {LINE_JOINS} ORDER BY l.id DESC",
        where_sql(&page_terms),
        page.rows(),
        page.offset
    );
    let rows = conn.prepare_cached(&sql)?.query_map(&args[..], line_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    snapshot.finish()?;
    Ok(LinesPage { rows, total, totals, as_of: filter.as_of.clone() })
}

/// The totals by status per currency of the lines `filter` selects (its status left out).
pub fn status_totals(conn: &Connection, filter: &LineFilter) -> Result<Vec<StatusTotal>> {
    if filter.creator_id.is_none() && filter.campaign_id.is_none() {
        return kept_totals(conn, filter);
    }
    let (terms, params) = conditions(filter);
    let args: Vec<&dyn ToSql> = params.iter().map(|p| p.as_ref()).collect();
    summed_totals(conn, &terms, &args)
}

fn collect_totals(mut rows: rusqlite::Rows) -> Result<Vec<StatusTotal>> {
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let status = LineStatus::parse(&r.get::<_, String>(0)?).ok_or_else(|| bad_value(0))?;
        out.push(StatusTotal { status, amount: Money { minor: r.get(2)?, currency: currency_at(r, 1)? }, lines: r.get::<_, i64>(3)? as u64 });
    }
    out.sort_by(|a, b| (a.status, a.amount.currency.code()).cmp(&(b.status, b.amount.currency.code())));
    Ok(out)
}

/// Totals summed from the lines themselves (a creator's or a campaign's: their indexes).
fn summed_totals(conn: &Connection, terms: &[String], args: &[&dyn ToSql]) -> Result<Vec<StatusTotal>> {
    let sql = format!(
        "SELECT {STATUS_SQL} AS status, l.currency, sum(l.amount_minor), count(*) FROM commission_lines l {} GROUP BY status, l.currency",
        where_sql(terms)
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let totals = collect_totals(statement.query(args)?);
    totals
}

/// Totals from `commission_totals`, the ledger summed by currency, kind, hold day and state.
fn kept_totals(conn: &Connection, filter: &LineFilter) -> Result<Vec<StatusTotal>> {
    let mut statement = conn.prepare_cached(
        "SELECT CASE t.state WHEN 'unpaid' THEN CASE WHEN t.hold_until <= ?1 THEN 'approved' ELSE 'pending' END ELSE t.state END AS status,
                t.currency, sum(t.amount_minor), sum(t.lines)
         FROM commission_totals t WHERE (?2 IS NULL OR t.kind = ?2) GROUP BY status, t.currency HAVING sum(t.lines) > 0",
    )?;
    let totals = collect_totals(statement.query(rusqlite::params![filter.as_of, filter.kind])?);
    totals
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exchange_rate_is_written_exactly_from_its_units_and_scale() {
        assert_eq!(decimal_text(983961, 6), "0.983961");
        assert_eq!(decimal_text(1_250, 3), "1.250");
        assert_eq!(decimal_text(7, 0), "7");
        assert_eq!(decimal_text(5, 3), "0.005");
    }

    /// Regression: the window showed "— of €80.00 = €8.00" and no rate for every line the
    /// ledger booked, as the parameters it keeps under `params` were read as a flat map.
    #[test]
    fn a_booked_line_shows_its_rate_and_amounts() {
        let (mut shop, sanne) = crate::commissions::ledger::tests::Shop::with_one_affiliate("percent:1000");
        let order = shop.order("#1001", "2026-05-03T10:00:00Z", 8_000, Some(sanne));
        shop.book(&[order]);
        let filter = LineFilter { as_of: "2026-12-31".into(), ..Default::default() };
        let page = commission_lines(shop.ws.conn(), &filter, Page { offset: 0, limit: 10 }).unwrap();
        let line = &page.rows[0];
        assert_eq!(line.rate_bp, Some(1000));
        assert_eq!(line.explanation_params.get("rate").map(String::as_str), Some("10%"));
        assert!(line.explanation_amounts.contains_key("base") && line.explanation_amounts.contains_key("amount"), "{:?}", line.explanation_amounts);
        assert_eq!(explanation_params_of(r#"{"rate":"12.5%","base":"EUR 10.00"}"#).get("rate").map(String::as_str), Some("12.5%"), "a flat line reads too");
    }

    #[test]
    fn the_rate_and_amounts_of_an_explanation_are_read_back_exactly() {
        assert_eq!(basis_points_of("12.5%"), Some(1250));
        assert_eq!(basis_points_of("10%"), Some(1000));
        assert_eq!(basis_points_of("0.25%"), Some(25));
        assert_eq!(basis_points_of("ten"), None);
        let eur = Currency::parse("EUR").unwrap();
        assert_eq!(money_of_text("EUR 1000.00"), Some(Money { minor: 100_000, currency: eur }));
        assert_eq!(money_of_text("EUR -5.10"), Some(Money { minor: -510, currency: eur }));
        assert_eq!(money_of_text("JPY 500"), Some(Money { minor: 500, currency: Currency::parse("JPY").unwrap() }));
        assert_eq!(money_of_text("EUR 5"), None);
        assert_eq!(money_of_text("percent:1000"), None);
    }
}
