//! What posts did, as charts (issue 11): engagement over time, by format and by tier against
//! the benchmarks, gifted against paid, the funnel from reach to orders, the budget, and a
//! creator's follower growth with their posts marked; [`draw_results`] is the window's call.
//!
//! Contract: reads only. Every figure is one the rest of the core already gives, and says
//! nothing it does not know: a count nobody reported is left out, never drawn as 0.
//! - Scope: `campaign` None is the whole workspace; `creator` narrows the posts (and the
//!   orders) to that creator's. Budget is of campaigns and refuses a creator; growth needs
//!   one ([`ResultsChartKind::needs_creator`]). A campaign or creator not there: not found.
//! - Posts are [`figures::posts`]: published or verified deliverables with their newest
//!   counts; a post's engagement rate is [`post_rate`] (its platform's basis), the workspace's
//!   rule; a mean is [`aggregates::mean`] of the posts' rates, shown in basis points.
//! - Engagement over time: per week posted (weeks start on Monday, placed at their Monday),
//!   the mean engagement rate of the posts published that week; weeks without a measured post
//!   have no point. The campaigns' start days are marked with their names (the one campaign,
//!   or those in use; with a creator, theirs), where they fall within the weeks shown.
//! - By format / by tier: the mean per group ([`figures::group`]) beside the article's benchmark
//!   for it as a reference mark labelled with the benchmark (a range is marked at its low end,
//!   labelled with the whole range); groups without a measured post are left out.
//! - Gifted vs paid: the mean per deal type (gifted, paid, affiliate, hybrid: those measured);
//!   the title states the measured difference, gifted against paid, and the article's 12.9%;
//!   the reference mark is the paid mean plus 12.9%, where the article puts gifted.
//! - Funnel: reach → link clicks → attributed orders, counts. Reach and link clicks are summed
//!   over the posts with results only when every one of them reported that count (a partial sum
//!   would understate it); otherwise, or with no results yet, the stage is left out and the
//!   title names it. Orders are every order attributed to the scope's collaborations (as the
//!   Sales screens count them); with no shop orders imported at all they are not known either.
//! - Budget: planned, committed and spent as the campaign list has them
//!   ([`crate::campaigns::board::BUDGET_FORMULA`]), in the workspace currency: one campaign, or
//!   the campaigns in use (not archived), the [`TOP`] largest and the rest as "Other (n)".
//! - Growth: the creator's follower counts from the roster's history, one line per handle on
//!   the days any handle was counted (a handle counts with its latest count on or before a
//!   day, and its line starts on its first count); their published posts (of the campaign, when one is given)
//!   marked on their publish day.
//! - Every title, series and word in the chart's language (English or Dutch); no data draws
//!   the empty chart ("No data yet").

use super::queries::{render, top_bars, write_image, Format, Group, TOP};
use super::{BarChart, Chart, DateMark, LineChart, Reference, Series, Style, Unit};
use crate::analytics::aggregates;
use crate::analytics::benchmarks::{deal_benchmark, format_benchmark, level_text, tier_benchmark, Level};
use crate::analytics::figures::{self, format_label, group, post_rate, GroupBy, GroupFigure, PostFacts};
use crate::analytics::formulas::PostCounts;
use crate::analytics::rate::{relative_difference, words, Figure, Ratio};
use crate::campaigns::CollaborationKind;
use crate::error::{Error, FieldError, Result};
use crate::numbers::Spelling;
use crate::roster::model::{ContentFormat, Platform};
use crate::roster::tiers::Tier;
use crate::workspace::Workspace;
use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The results charts the window offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResultsChartKind {
    Engagement,
    ByFormat,
    ByTier,
    GiftedVsPaid,
    Funnel,
    Budget,
    Growth,
}

impl ResultsChartKind {
    pub const ALL: [Self; 7] = [Self::Engagement, Self::ByFormat, Self::ByTier, Self::GiftedVsPaid, Self::Funnel, Self::Budget, Self::Growth];
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Engagement => "engagement",
            Self::ByFormat => "by_format",
            Self::ByTier => "by_tier",
            Self::GiftedVsPaid => "gifted_vs_paid",
            Self::Funnel => "funnel",
            Self::Budget => "budget",
            Self::Growth => "growth",
        }
    }
    /// The name the save dialog offers: `by-format.png`.
    pub fn file_name(self, format: Format) -> String {
        format!("{}.{}", self.as_str().replace('_', "-"), format.extension())
    }
    /// Growth is one creator's: it cannot be drawn without one.
    pub fn needs_creator(self) -> bool {
        self == Self::Growth
    }
    /// Every kind but the budget (of campaigns) can be narrowed to one creator.
    pub fn takes_creator(self) -> bool {
        self != Self::Budget
    }
}

/// What a results chart covers: one campaign or the whole workspace, one creator or all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartScope {
    pub campaign: Option<i64>,
    pub creator: Option<i64>,
}

/// Results chart `kind` of `scope`, drawn in `style` as of the computer's today: the SVG's or
/// the PNG's bytes, as [`super::draw`] gives them.
pub fn draw_results(ws: &Workspace, kind: ResultsChartKind, scope: ChartScope, style: &Style, format: Format) -> Result<Vec<u8>> {
    style.check()?;
    let chart = results_chart_of(ws.conn(), kind, scope, crate::campaigns::fields::local_today(), style.language)?;
    render(&chart, style, format)
}

/// [`draw_results`] written to `path`, replacing a file there only once it is complete.
pub fn save_results(ws: &Workspace, kind: ResultsChartKind, scope: ChartScope, style: &Style, format: Format, path: &Path) -> Result<()> {
    write_image(path, &draw_results(ws, kind, scope, style, format)?)
}

/// Results chart `kind`'s data for `scope` as of `today`, worded in `language` (see the
/// module's contract).
pub fn results_chart_of(conn: &Connection, kind: ResultsChartKind, scope: ChartScope, today: NaiveDate, language: Spelling) -> Result<Chart> {
    check_scope(conn, kind, scope)?;
    let posts = || -> Result<Vec<PostFacts>> {
        let mut posts = figures::posts(conn, scope.campaign)?;
        posts.retain(|p| scope.creator.is_none_or(|c| p.creator_id == c));
        Ok(posts)
    };
    Ok(match kind {
        ResultsChartKind::Engagement => Chart::Line(engagement_over_time(&posts()?, campaign_starts(conn, scope)?, language)),
        ResultsChartKind::ByFormat => Chart::Bar(engagement_by(&group(&posts()?, GroupBy::Format, language), GroupBy::Format, language)),
        ResultsChartKind::ByTier => Chart::Bar(engagement_by(&group(&posts()?, GroupBy::Tier, language), GroupBy::Tier, language)),
        ResultsChartKind::GiftedVsPaid => Chart::Bar(gifted_vs_paid(&posts()?, language)),
        ResultsChartKind::Funnel => Chart::Bar(funnel(&posts()?, attributed_orders(conn, scope)?, language)),
        ResultsChartKind::Budget => Chart::Bar(budget(conn, scope.campaign, today, language)?),
        ResultsChartKind::Growth => Chart::Line(growth(conn, scope, language)?),
    })
}

fn check_scope(conn: &Connection, kind: ResultsChartKind, scope: ChartScope) -> Result<()> {
    let exists = |table: &str, id: i64| -> Result<bool> { Ok(conn.query_row(&format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"), [id], |r| r.get(0))?) };
    if let Some(id) = scope.campaign {
        if !exists("campaigns", id)? {
            return Err(Error::NotFound { what: "campaign", id });
        }
    }
    match scope.creator {
        None if kind.needs_creator() => Err(Error::Validation(vec![FieldError::new("creator", "chart_needs_creator", "Choose a creator: the growth chart shows one creator's followers over time.")])),
        Some(_) if !kind.takes_creator() => Err(Error::Validation(vec![FieldError::new("creator", "chart_takes_no_creator", "The budget chart is of campaigns, not of one creator: leave the creator out.")])),
        Some(id) if !exists("creators", id)? => Err(Error::NotFound { what: "creator", id }),
        _ => Ok(()),
    }
}

fn text(language: Spelling, english: &'static str, dutch: &'static str) -> String {
    words(language, english, dutch).to_string()
}

/// A rate as whole basis points for a chart (every rate of real counts fits).
fn basis_points(rate: &Ratio) -> i64 {
    i64::try_from(rate.basis_points()).unwrap_or(if rate.basis_points() < 0 { i64::MIN } else { i64::MAX })
}

/// `+18.2%`, `-5%`: a difference with its sign.
fn signed(rate: &Ratio, language: Spelling) -> String {
    let shown = rate.percent_text(language);
    if rate.basis_points() > 0 { format!("+{shown}") } else { shown }
}

fn mean_rate_series(values: Vec<i64>, language: Spelling) -> Series {
    Series { name: text(language, "Mean engagement rate", "Gemiddelde engagement rate"), values }
}

/// The start days of the campaigns in `scope` (one, or those in use; with a creator, theirs),
/// each named.
fn campaign_starts(conn: &Connection, scope: ChartScope) -> Result<Vec<DateMark>> {
    let mut st = conn.prepare_cached(
        "SELECT k.name, k.starts_on FROM campaigns k
          WHERE k.starts_on IS NOT NULL AND (CASE WHEN ?1 IS NULL THEN k.archived_on IS NULL ELSE k.id = ?1 END)
            AND (?2 IS NULL OR EXISTS (SELECT 1 FROM collaborations c WHERE c.campaign_id = k.id AND c.creator_id = ?2))
          ORDER BY k.starts_on, k.id",
    )?;
    let rows = st.query_map([scope.campaign, scope.creator], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut marks = Vec::new();
    for row in rows {
        let (label, starts) = row?;
        if let Ok(on) = NaiveDate::parse_from_str(&starts, "%Y-%m-%d") {
            marks.push(DateMark { on, label });
        }
    }
    Ok(marks)
}

/// The mean engagement rate of the posts published each week, campaign starts marked.
fn engagement_over_time(posts: &[PostFacts], marks: Vec<DateMark>, language: Spelling) -> LineChart {
    let mut weeks: BTreeMap<NaiveDate, Vec<Ratio>> = BTreeMap::new();
    for post in posts {
        if let (Some(day), Figure::Value(rate)) = (post.posted_on, post_rate(post)) {
            let monday = day - chrono::Days::new(u64::from(day.weekday().num_days_from_monday()));
            weeks.entry(monday).or_default().push(rate);
        }
    }
    let values = weeks.values().map(|rates| aggregates::mean(rates).value().map(basis_points).unwrap_or(0)).collect();
    LineChart {
        title: text(language, "Engagement rate by week posted (mean of the week's posts)", "Engagement rate per week van posten (gemiddelde van de posts van die week)"),
        days: weeks.keys().copied().collect(),
        series: vec![mean_rate_series(values, language)],
        unit: Unit::Percent,
        references: Vec::new(),
        marks,
        known_from: Vec::new(),
    }
}

/// The mean engagement rate per group of `by` (format or tier) as bars, each group's benchmark
/// as a reference mark; groups without a measured post are left out. The campaign report draws
/// this chart too.
pub(crate) fn engagement_by(groups: &[GroupFigure], by: GroupBy, language: Spelling) -> BarChart {
    let measured: Vec<(&GroupFigure, &Ratio)> = groups.iter().filter_map(|g| g.mean.value().map(|m| (g, m))).collect();
    let mut references = Vec::new();
    for (g, _) in &measured {
        let benchmark = match by {
            GroupBy::Tier => Tier::parse(&g.key).and_then(tier_benchmark),
            _ => ContentFormat::parse(&g.key).and_then(format_benchmark),
        };
        if let Some(b) = benchmark {
            let value = match b.level {
                Level::Value { basis_points } => basis_points,
                Level::Range { low, .. } => low,
            };
            references.push(Reference { label: format!("{}: {}", g.label, level_text(b.level, language)), value });
        }
    }
    let title = match by {
        GroupBy::Tier => text(language, "Engagement rate by tier, against the benchmarks", "Engagement rate per tier, tegenover de benchmarks"),
        _ => text(language, "Engagement rate by format, against the benchmarks", "Engagement rate per formaat, tegenover de benchmarks"),
    };
    BarChart {
        title,
        categories: measured.iter().map(|(g, _)| g.label.clone()).collect(),
        series: vec![mean_rate_series(measured.iter().map(|(_, m)| basis_points(m)).collect(), language)],
        unit: Unit::Percent,
        stacked: false,
        horizontal: false,
        references,
    }
}

/// The mean engagement rate per deal type; the paid mean plus the article's 12.9% marked.
fn gifted_vs_paid(posts: &[PostFacts], language: Spelling) -> BarChart {
    let groups = group(posts, GroupBy::Kind, language);
    let mean_of = |kind: CollaborationKind| groups.iter().find(|g| g.key == kind.as_str()).map(|g| g.mean.clone()).unwrap_or(Figure::lacking(crate::analytics::NotEnoughData::NoPosts));
    let (gifted, paid) = (mean_of(CollaborationKind::Gifted), mean_of(CollaborationKind::Paid));
    let guide = deal_benchmark(CollaborationKind::Gifted, CollaborationKind::Paid).expect("the article's gifted over paid");
    let Level::Value { basis_points: more } = guide.level else { unreachable!("gifted over paid is one value") };
    let guide_text = signed(&Ratio::from_basis_points(more), language);
    let title = match relative_difference(&gifted, &paid).value() {
        Some(d) => match language {
            Spelling::Dutch => format!("Gifting tegenover betaald: {} engagement (gids: {guide_text})", signed(d, language)),
            _ => format!("Gifted vs paid: {} engagement (guide: {guide_text})", signed(d, language)),
        },
        None => match language {
            Spelling::Dutch => format!("Engagement van gifting tegenover betaald (gids: {guide_text})"),
            _ => format!("Engagement of gifted vs paid posts (guide: {guide_text})"),
        },
    };
    let mut bars = engagement_by(&groups, GroupBy::Kind, language);
    bars.references.clear();
    if let Some(p) = paid.value() {
        // paid × (1 + 12.9%), exact until it is shown.
        let expected = Ratio::from_big(p.numerator() * (10_000 + more), p.denominator() * 10_000i64);
        if let Some(expected) = expected {
            let label = match language {
                Spelling::Dutch => format!("Betaald {guide_text}: gifting volgens de gids"),
                _ => format!("Paid {guide_text}: gifted as the guide has it"),
            };
            bars.references.push(Reference { label, value: basis_points(&expected) });
        }
    }
    bars.title = title;
    bars
}

/// Orders attributed to the scope's collaborations; `None` when no shop orders were imported.
fn attributed_orders(conn: &Connection, scope: ChartScope) -> Result<Option<i64>> {
    let any: Option<i64> = conn.query_row("SELECT 1 FROM orders LIMIT 1", [], |r| r.get(0)).optional()?;
    if any.is_none() {
        return Ok(None);
    }
    // The scope's own conditions, so SQLite starts from its collaborations instead of every order.
    let campaign = if scope.campaign.is_some() { "c.campaign_id = ?1" } else { "?1 IS NULL" };
    let creator = if scope.creator.is_some() { "c.creator_id = ?2" } else { "?2 IS NULL" };
    let n = conn.query_row(
        &format!("SELECT count(*) FROM orders o JOIN collaborations c ON c.id = o.collaboration_id WHERE o.collaboration_id IS NOT NULL AND {campaign} AND {creator}"),
        [scope.campaign, scope.creator],
        |r| r.get(0),
    )?;
    Ok(Some(n))
}

/// Reach → link clicks → attributed orders, the stages not known left out and named.
fn funnel(posts: &[PostFacts], orders: Option<i64>, language: Spelling) -> BarChart {
    let counted: Vec<PostCounts> = posts.iter().filter_map(|p| p.counts).collect();
    let total = PostCounts::total(&counted);
    let known = |n: Option<i64>| if counted.is_empty() { None } else { n };
    let stages = [
        (text(language, "Reach", "Bereik"), known(total.reach)),
        (text(language, "Link clicks", "Linkklikken"), known(total.link_clicks)),
        (text(language, "Attributed orders", "Toegewezen bestellingen"), orders),
    ];
    let missing: Vec<String> = stages.iter().filter(|(_, n)| n.is_none()).map(|(name, _)| name.to_lowercase()).collect();
    let mut title = text(language, "Reach → link clicks → attributed orders", "Bereik → linkklikken → toegewezen bestellingen");
    if !missing.is_empty() && missing.len() < stages.len() {
        title = format!("{title} · {} {}", text(language, "not known:", "niet bekend:"), missing.join(", "));
    }
    let shown: Vec<(String, i64)> = stages.into_iter().filter_map(|(name, n)| n.map(|n| (name, n))).collect();
    BarChart {
        title,
        categories: shown.iter().map(|(name, _)| name.clone()).collect(),
        series: vec![Series { name: text(language, "Count", "Aantal"), values: shown.iter().map(|(_, n)| *n).collect() }],
        unit: Unit::Count,
        stacked: false,
        horizontal: true,
        references: Vec::new(),
    }
}

/// Planned, committed and spent of one campaign, or of the campaigns in use.
fn budget(conn: &Connection, campaign: Option<i64>, today: NaiveDate, language: Spelling) -> Result<BarChart> {
    let currency = crate::workspace::settings::load(conn)?.currency();
    let campaigns = crate::campaigns::board::campaign_list_of(conn, today)?;
    let groups: Vec<Group> = campaigns
        .into_iter()
        .filter(|c| match campaign {
            Some(id) => c.id == id,
            None => c.archived_on.is_none(),
        })
        .map(|c| Group { id: c.id, name: c.name, amounts: vec![c.budget.minor, c.committed.minor, c.spent.minor] })
        .collect();
    let names = [text(language, "Planned", "Begroot"), text(language, "Committed", "Toegezegd"), text(language, "Spent", "Besteed")];
    let title = text(language, "Budget: planned, committed and spent", "Budget: begroot, toegezegd en besteed");
    let mut bars = top_bars(groups, TOP, title, &names, currency, language);
    bars.stacked = false;
    Ok(bars)
}

/// One creator's followers per handle over the days they were counted, their posts marked.
fn growth(conn: &Connection, scope: ChartScope, language: Spelling) -> Result<LineChart> {
    let creator = scope.creator.expect("checked: growth has a creator");
    let name: String = conn.query_row("SELECT display_name FROM creators WHERE id = ?1", [creator], |r| r.get(0))?;
    let mut counts: BTreeMap<(String, String, i64), Vec<(NaiveDate, i64)>> = BTreeMap::new();
    {
        let mut st = conn.prepare_cached(
            "SELECT h.id, h.platform, h.handle, s.taken_on, s.followers FROM handles h JOIN follower_snapshots s ON s.handle_id = h.id
              WHERE h.creator_id = ?1 ORDER BY h.platform, h.handle_key, h.id, s.taken_on",
        )?;
        let mut rows = st.query([creator])?;
        while let Some(r) = rows.next()? {
            let Ok(day) = NaiveDate::parse_from_str(&r.get::<_, String>(3)?, "%Y-%m-%d") else { continue };
            counts.entry((r.get(1)?, r.get(2)?, r.get(0)?)).or_default().push((day, r.get(4)?));
        }
    }
    let mut days: Vec<NaiveDate> = counts.values().flatten().map(|(d, _)| *d).collect();
    days.sort();
    days.dedup();
    let mut series = Vec::new();
    let mut known_from = Vec::new();
    for ((platform, handle, _), history) in &counts {
        let platform = Platform::parse(platform).map(|p| p.label()).unwrap_or("");
        let mut at = 0;
        let mut value = history[0].1;
        let values = days
            .iter()
            .map(|day| {
                while at < history.len() && history[at].0 <= *day {
                    value = history[at].1;
                    at += 1;
                }
                value
            })
            .collect();
        series.push(Series { name: format!("{platform} @{handle}").trim().to_string(), values });
        known_from.push(Some(history[0].0));
    }
    let mut marks: Vec<DateMark> = Vec::new();
    {
        let mut st = conn.prepare_cached(
            "SELECT d.published_at, d.format FROM deliverables d JOIN collaborations c ON c.id = d.collaboration_id
              WHERE c.creator_id = ?1 AND d.status IN ('published', 'verified') AND (?2 IS NULL OR c.campaign_id = ?2)
              ORDER BY d.published_at, d.id",
        )?;
        let mut rows = st.query(rusqlite::params![creator, scope.campaign])?;
        while let Some(r) = rows.next()? {
            let Some(on) = crate::analytics::results::published_day(r.get::<_, Option<String>>(0)?.as_deref()) else { continue };
            let label = ContentFormat::parse(&r.get::<_, String>(1)?).map(|f| format_label(f, language).to_string()).unwrap_or_else(|| text(language, "Post", "Post"));
            if !marks.iter().any(|m| m.on == on && m.label == label) {
                marks.push(DateMark { on, label });
            }
        }
    }
    Ok(LineChart {
        title: match language {
            Spelling::Dutch => format!("Volgers van {name}, met de posts"),
            _ => format!("Followers of {name}, posts marked"),
        },
        days,
        series,
        unit: Unit::Count,
        references: Vec::new(),
        marks,
        known_from,
    })
}
