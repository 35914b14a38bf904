//! The workspace's figures as charts, and [`draw`], the one call the window makes.
//!
//! Contract: reads only, whole tables read in order rather than looked up row by row: one SQL
//! statement with `GROUP BY` per chart (the orders are summed per collaboration, in one scan
//! of the table, before they are summed per creator or campaign), except the commissions per
//! month, two scans (the orders' months, the lines) joined in memory, in one snapshot. Amounts are minor units of the workspace currency: commission lines, payout runs and
//! orders in another currency are left out (orders keep the shop's currency). The words (title,
//! series, "Other") are in the chart's language.
//!
//! - Commissions per month: the lines of the orders placed (the shop's day) in each of the last
//!   N months ending this month, stacked by their status today (paid, approved, pending, as
//!   the ledger reads them); rejected lines are not commission and are left out. Reversals and
//!   clawbacks count in their order's month, so a month can go below zero.
//! - Payouts by creator: what finalised runs pay each creator (payable + VAT), paid and still
//!   awaiting payment, the most paid first, the rest summed as "Other (n)".
//! - Attributed revenue by creator and by campaign: [`crate::sales::summaries::REVENUE_FORMULA`]
//!   over the attributed orders, the most first, the rest as "Other (n)"; a creator or
//!   campaign with no revenue is not shown.

use super::{render_png, render_svg, BarChart, Chart, Series, Style, Unit};
use crate::commissions::lines_list::STATUS_SQL;
use crate::error::Result;
use crate::money::Currency;
use crate::numbers::Spelling;
use crate::sales::summaries::REVENUE_SQL;
use crate::workspace::Workspace;
use chrono::{Datelike, Months, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The charts the window offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    CommissionsByMonth,
    PayoutsByCreator,
    RevenueByCreator,
    RevenueByCampaign,
}

impl ChartKind {
    pub const ALL: [ChartKind; 4] = [ChartKind::CommissionsByMonth, ChartKind::PayoutsByCreator, ChartKind::RevenueByCreator, ChartKind::RevenueByCampaign];
    pub fn as_str(self) -> &'static str {
        match self {
            ChartKind::CommissionsByMonth => "commissions_by_month",
            ChartKind::PayoutsByCreator => "payouts_by_creator",
            ChartKind::RevenueByCreator => "revenue_by_creator",
            ChartKind::RevenueByCampaign => "revenue_by_campaign",
        }
    }
    /// The name the save dialog offers: `commissions-by-month.png`.
    pub fn file_name(self, format: Format) -> String {
        format!("{}.{}", self.as_str().replace('_', "-"), format.extension())
    }
}

/// What [`draw`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Svg,
    Png,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }
    pub fn mime_type(self) -> &'static str {
        match self {
            Format::Svg => "image/svg+xml",
            Format::Png => "image/png",
        }
    }
}

/// How many months the commissions chart shows, and how many creators or campaigns the others
/// show before "Other".
pub const MONTHS: u32 = 12;
pub const TOP: usize = 10;

/// Chart `kind` of the open workspace, as of the computer's today, drawn in `style`: the SVG
/// document's UTF-8 bytes or the PNG file's. The window shows the bytes as an image (an
/// `<img>` of a blob or data URL, never as markup in the page) and saves the same bytes.
pub fn draw(ws: &Workspace, kind: ChartKind, style: &Style, format: Format) -> Result<Vec<u8>> {
    style.check()?;
    let chart = chart_of(ws, kind, crate::campaigns::fields::local_today(), style.language)?;
    render(&chart, style, format)
}

/// `chart` as the bytes of an SVG or PNG file.
pub(crate) fn render(chart: &Chart, style: &Style, format: Format) -> Result<Vec<u8>> {
    Ok(match format {
        Format::Svg => render_svg(chart, style)?.into_bytes(),
        Format::Png => render_png(chart, style)?,
    })
}

/// Chart `kind` drawn as [`draw`] draws it and written to `path`, replacing a file there only
/// once it is complete (the window's save dialog and `chorus chart` both end here).
pub fn save(ws: &Workspace, kind: ChartKind, style: &Style, format: Format, path: &std::path::Path) -> Result<()> {
    write_image(path, &draw(ws, kind, style, format)?)
}

/// A drawn chart's bytes written to `path`, replacing a file there only once complete.
pub(crate) fn write_image(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write as _;
    crate::roster::export::write_atomically(path, |file| file.write_all(bytes).map_err(|e| crate::Error::io("write", path, e)))
}

/// Chart `kind`'s data as of `today`, worded in `language`.
pub fn chart_of(ws: &Workspace, kind: ChartKind, today: NaiveDate, language: Spelling) -> Result<Chart> {
    Ok(Chart::Bar(match kind {
        ChartKind::CommissionsByMonth => commissions_by_month(ws, MONTHS, today, language)?,
        ChartKind::PayoutsByCreator => payouts_by_creator(ws, TOP, language)?,
        ChartKind::RevenueByCreator => revenue_by_creator(ws, TOP, language)?,
        ChartKind::RevenueByCampaign => revenue_by_campaign(ws, TOP, language)?,
    }))
}

fn words(language: Spelling, english: &'static str, dutch: &'static str) -> String {
    if language == Spelling::Dutch { dutch } else { english }.to_string()
}

fn currency(ws: &Workspace) -> Result<Currency> {
    Ok(ws.settings()?.currency())
}

/// Commission per month for the last `months` months ending with `today`'s, stacked by status.
pub fn commissions_by_month(ws: &Workspace, months: u32, today: NaiveDate, language: Spelling) -> Result<BarChart> {
    let currency = currency(ws)?;
    let months = months.clamp(1, 120);
    let this_month = today.with_day(1).expect("the first of a month");
    let first = this_month - Months::new(months - 1);
    let end = this_month + Months::new(1);
    let month_starts: Vec<NaiveDate> = (0..months).map(|k| first + Months::new(k)).collect();
    let index: HashMap<String, u16> = month_starts.iter().enumerate().map(|(i, m)| (m.format("%Y-%m").to_string(), i as u16)).collect();
    const STATUSES: [(&str, &str, &str); 3] = [("paid", "Paid", "Uitbetaald"), ("approved", "Approved", "Goedgekeurd"), ("pending", "Pending", "In afwachting")];
    let mut series: Vec<Series> = STATUSES.iter().map(|(_, en, nl)| Series { name: words(language, en, nl), values: vec![0; months as usize] }).collect();
    // Two sequential scans joined here rather than one JOIN: SQLite would look each line's
    // order up in the orders' B-tree (800k descents, ~3 s on a million orders); the orders'
    // months by id and one pass over the lines take a tenth of that. One read snapshot.
    let conn = ws.conn();
    let snapshot = conn.unchecked_transaction()?;
    let mut month_of: Vec<(i64, u16)> = Vec::new();
    {
        let mut statement = conn.prepare_cached("SELECT id, substr(placed_on, 1, 7) FROM orders WHERE placed_on >= ?1 AND placed_on < ?2 ORDER BY id")?;
        let mut rows = statement.query([first.format("%Y-%m-%d").to_string(), end.format("%Y-%m-%d").to_string()])?;
        while let Some(r) = rows.next()? {
            if let Some(&i) = index.get(r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?) {
                month_of.push((r.get(0)?, i));
            }
        }
    }
    if !month_of.is_empty() {
        let sql = format!(
            "SELECT l.order_id, CASE {STATUS_SQL} WHEN 'paid' THEN 0 WHEN 'approved' THEN 1 ELSE 2 END, l.amount_minor
               FROM commission_lines l WHERE l.currency = ?2 AND l.rejected_at IS NULL AND l.order_id BETWEEN ?3 AND ?4"
        );
        let mut statement = conn.prepare_cached(&sql)?;
        let (low, high) = (month_of[0].0, month_of[month_of.len() - 1].0);
        let mut rows = statement.query(rusqlite::params![today.format("%Y-%m-%d").to_string(), currency.code(), low, high])?;
        while let Some(r) = rows.next()? {
            let (order, status, amount): (i64, usize, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
            if let Ok(at) = month_of.binary_search_by_key(&order, |(id, _)| *id) {
                let i = usize::from(month_of[at].1);
                series[status].values[i] = series[status].values[i].saturating_add(amount);
            }
        }
    }
    snapshot.finish()?;
    Ok(BarChart {
        title: words(language, "Commissions per month", "Commissies per maand"),
        categories: month_starts.iter().map(|m| super::text::month_label(m.year(), m.month(), language)).collect(),
        series,
        unit: Unit::Money(currency),
        stacked: true,
        horizontal: false,
        references: Vec::new(),
    })
}

/// What finalised payout runs pay each creator, paid and awaiting payment, the `top` most.
pub fn payouts_by_creator(ws: &Workspace, top: usize, language: Spelling) -> Result<BarChart> {
    let currency = currency(ws)?;
    let rows = grouped(
        ws.conn(),
        "SELECT c.creator_id, p.display_name,
                sum(CASE WHEN c.paid_on IS NOT NULL THEN c.payable_minor + c.vat_minor ELSE 0 END),
                sum(CASE WHEN c.paid_on IS NULL THEN c.payable_minor + c.vat_minor ELSE 0 END)
           FROM payout_creators c JOIN payout_runs r ON r.id = c.run_id JOIN creators p ON p.id = c.creator_id
          WHERE r.state = 'finalised' AND c.outcome = 'payable' AND r.currency = ?1
          GROUP BY c.creator_id",
        currency,
        2,
    )?;
    let series_names = [words(language, "Paid", "Uitbetaald"), words(language, "Awaiting payment", "Wacht op betaling")];
    Ok(top_bars(rows, top, words(language, "Payouts by creator", "Uitbetalingen per creator"), &series_names, currency, language))
}

/// Attributed revenue per creator, the `top` most.
pub fn revenue_by_creator(ws: &Workspace, top: usize, language: Spelling) -> Result<BarChart> {
    revenue_by(ws, "k.creator_id", "creators p ON p.id = k.creator_id", "p.display_name", top, words(language, "Attributed revenue by creator", "Toegewezen omzet per creator"), language)
}

/// Attributed revenue per campaign, the `top` most.
pub fn revenue_by_campaign(ws: &Workspace, top: usize, language: Spelling) -> Result<BarChart> {
    revenue_by(ws, "k.campaign_id", "campaigns p ON p.id = k.campaign_id", "p.name", top, words(language, "Attributed revenue by campaign", "Toegewezen omzet per campagne"), language)
}

fn revenue_by(ws: &Workspace, key: &str, join: &str, name: &str, top: usize, title: String, language: Spelling) -> Result<BarChart> {
    let currency = currency(ws)?;
    let sql = format!(
        "WITH per AS (SELECT o.collaboration_id AS id, sum({REVENUE_SQL}) AS revenue FROM orders o
                       WHERE +o.collaboration_id IS NOT NULL AND o.currency = ?1 GROUP BY o.collaboration_id)
         SELECT {key}, {name}, sum(per.revenue) FROM per JOIN collaborations k ON k.id = per.id JOIN {join}
          GROUP BY {key} HAVING sum(per.revenue) <> 0"
    );
    let rows = grouped(ws.conn(), &sql, currency, 1)?;
    Ok(top_bars(rows, top, title, &[words(language, "Revenue", "Omzet")], currency, language))
}

/// A named group's amounts, one per series.
pub(super) struct Group {
    pub(super) id: i64,
    pub(super) name: String,
    pub(super) amounts: Vec<i64>,
}

/// The rows of `sql` (`?1` the currency): an id, a name and `amounts` sums.
fn grouped(conn: &Connection, sql: &str, currency: Currency, amounts: usize) -> Result<Vec<Group>> {
    let mut statement = conn.prepare_cached(sql)?;
    let mut rows = statement.query([currency.code()])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let amounts = (0..amounts).map(|k| r.get::<_, i64>(2 + k)).collect::<rusqlite::Result<Vec<i64>>>()?;
        out.push(Group { id: r.get(0)?, name: r.get(1)?, amounts });
    }
    Ok(out)
}

/// Sideways bars of the `top` largest groups (by their total; ties by name, then id) and the
/// rest summed as "Other (n)".
pub(super) fn top_bars(mut groups: Vec<Group>, top: usize, title: String, series_names: &[String], currency: Currency, language: Spelling) -> BarChart {
    let total = |g: &Group| g.amounts.iter().map(|a| i128::from(*a)).sum::<i128>();
    groups.retain(|g| g.amounts.iter().any(|a| *a != 0));
    groups.sort_by(|a, b| total(b).cmp(&total(a)).then_with(|| a.name.cmp(&b.name)).then(a.id.cmp(&b.id)));
    let top = top.max(1);
    let rest = if groups.len() > top { groups.split_off(top) } else { Vec::new() };
    let mut categories: Vec<String> = groups.iter().map(|g| g.name.clone()).collect();
    let mut series: Vec<Series> = series_names
        .iter()
        .enumerate()
        .map(|(k, name)| Series { name: name.clone(), values: groups.iter().map(|g| g.amounts[k]).collect() })
        .collect();
    if !rest.is_empty() {
        categories.push(format!("{} ({})", words(language, "Other", "Overige"), rest.len()));
        for (k, s) in series.iter_mut().enumerate() {
            s.values.push(rest.iter().fold(0i64, |sum, g| sum.saturating_add(g.amounts[k])));
        }
    }
    BarChart { title, categories, series, unit: Unit::Money(currency), stacked: series_names.len() > 1, horizontal: true, references: Vec::new() }
}
