//! A campaign's client report gathered from the workspace and worded in its language, then
//! typeset by [`super::report`]: the key figures (posts, reach, views, engagement by tier
//! beside the benchmarks), the article's contrasts as the summary, engagement by format and by
//! tier as charts with the benchmarks drawn as reference lines, the best posts, spend and return
//! (spend, attributed revenue, ROAS, CPE, CPM, EMV) and the formulas used.
//!
//! Contract: reads only. Every figure comes from [`super::figures`] and the pure formulas; a
//! figure without data says "not enough data" in the report's language, never 0. Spend is the
//! collaborations' fees (paid and hybrid, not cancelled), the retail value of the gifts sent and
//! the commissions paid, in the workspace currency; revenue is the sales issue's attributed
//! revenue in that currency (orders in another currency are left out and said).

use super::benchmarks::{level_text, source_note, tier_benchmark};
use super::cost::{cpe, cpm, roas, spend_total};
use super::emv::{emv, EmvValues, DEFAULT_EMV_VALUES_EUR_CENTS};
use super::figures::{contrasts, format_label, group, post_rate, GroupBy, PostFacts};
use super::formulas::{Basis, FormulaId, PostCounts};
use super::rate::{words, Figure, Ratio};
use super::report::{campaign_report_pdf, BestPost, CampaignReport, FormulaRow, KpiRow, ReportChart, ReportLanguage, SummaryLine};
use crate::charts::{render_svg, Chart, Style, Theme, Unit};
use crate::commissions::lines_list::LineStatus;
use crate::error::{Error, Result};
use crate::money::{Currency, Money};
use crate::numbers::Spelling;
use crate::payouts::statement::words::long_date;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

/// What the person chose for the report.
#[derive(Debug, Clone, Copy)]
pub struct ReportChoices {
    pub language: ReportLanguage,
    pub include_money: bool,
    pub today: NaiveDate,
}

/// The report's figures as the campaign's Results tab shows them: the key figures, spend and
/// return, the best posts and the formulas, worded in `spelling` (the report without its charts).
#[derive(Debug, Clone, Serialize)]
pub struct KeyFigures {
    pub period: String,
    pub kpis: Vec<KpiRow>,
    pub spend_and_return: Vec<KpiRow>,
    pub best_posts: Vec<BestPost>,
    pub formulas: Vec<FormulaRow>,
}

/// The key figures of `campaign_id` as of `today`, in `spelling` (Dutch, else English).
pub fn key_figures(conn: &Connection, campaign_id: i64, spelling: Spelling, today: NaiveDate) -> Result<KeyFigures> {
    let r = gather(conn, campaign_id, ReportChoices { language: ReportLanguage::from_spelling(spelling), include_money: true, today })?;
    Ok(KeyFigures { period: r.period, kpis: r.kpis, spend_and_return: r.spend_and_return, best_posts: r.best_posts, formulas: r.formulas })
}

/// The name the save dialog offers: `Spring launch report.pdf` / `Spring launch rapport.pdf`.
pub fn report_file_name(conn: &Connection, campaign_id: i64, language: Spelling) -> Result<String> {
    let name = crate::campaigns::campaign::load(conn, campaign_id)?.name;
    Ok(format!("{name} {}.pdf", if language == Spelling::Dutch { "rapport" } else { "report" }))
}

/// The campaign report of `campaign_id` as PDF bytes.
pub fn campaign_report(conn: &Connection, campaign_id: i64, choices: ReportChoices) -> Result<Vec<u8>> {
    let report = gather(conn, campaign_id, choices)?;
    campaign_report_pdf(&report).map_err(|e| Error::BadFile(format!("{e} ({})", match &e { super::report::ReportError::Typesetting { detail } => detail })))
}

/// [`campaign_report`] written to `path`, replacing a file there only once it is complete.
pub fn save_campaign_report(conn: &Connection, campaign_id: i64, choices: ReportChoices, path: &std::path::Path) -> Result<()> {
    use std::io::Write as _;
    let pdf = campaign_report(conn, campaign_id, choices)?;
    crate::roster::export::write_atomically(path, |file| file.write_all(&pdf).map_err(|e| Error::io("write", path, e)))
}

fn percent(rate: &Figure<Ratio>, spelling: Spelling) -> String {
    match rate {
        Figure::Value(r) => r.percent_text(spelling),
        Figure::NotEnoughData { reason } => reason.sentence(spelling),
    }
}

fn count_text(n: Option<i64>, spelling: Spelling) -> String {
    match n {
        Some(n) => crate::charts::scale::exact(i128::from(n), Unit::Count, spelling),
        None => words(spelling, "not known for every post", "niet voor elke post bekend").to_string(),
    }
}

/// Every published post's counts added up, known only when every post with results has it.
fn totals(posts: &[PostFacts]) -> PostCounts {
    let counted: Vec<PostCounts> = posts.iter().filter_map(|p| p.counts).collect();
    // No results at all: every count is not known, never a reach of 0.
    if counted.is_empty() {
        return PostCounts::default();
    }
    PostCounts::total(&counted)
}

/// Gathers and words the report (see the module's contract).
pub fn gather(conn: &Connection, campaign_id: i64, choices: ReportChoices) -> Result<CampaignReport> {
    let spelling: Spelling = choices.language.into();
    let language = choices.language;
    let (name, starts, ends): (String, Option<String>, Option<String>) = conn
        .query_row("SELECT name, starts_on, ends_on FROM campaigns WHERE id = ?1", [campaign_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?
        .ok_or(Error::NotFound { what: "campaign", id: campaign_id })?;
    let settings = crate::workspace::settings::load(conn)?;
    let currency = Currency::parse(&settings.currency).unwrap_or(Currency::parse("EUR").expect("EUR"));
    let day = |t: &Option<String>| t.as_deref().and_then(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok());
    let period = match (day(&starts), day(&ends)) {
        (Some(a), Some(b)) => format!("{} – {}", long_date(a, language), long_date(b, language)),
        (Some(a), None) => format!("{} {}", words(spelling, "From", "Vanaf"), long_date(a, language)),
        (None, Some(b)) => format!("{} {}", words(spelling, "Until", "Tot"), long_date(b, language)),
        (None, None) => words(spelling, "No dates set", "Geen data ingesteld").to_string(),
    };
    let posts = super::figures::posts(conn, Some(campaign_id))?;
    let measured: Vec<&PostFacts> = posts.iter().filter(|p| post_rate(p).value().is_some()).collect();
    let all_rates: Vec<Ratio> = measured.iter().filter_map(|p| post_rate(p).value().cloned()).collect();
    let total = totals(&posts);
    let bases: Vec<Basis> = {
        let mut b: Vec<Basis> = measured.iter().map(|p| p.basis).collect();
        b.sort_by_key(|b| *b as u8);
        b.dedup();
        b
    };
    let engagement_formula = match bases.as_slice() {
        [one] => one.formula(),
        _ => FormulaId::Mean,
    };

    let mut kpis = vec![
        KpiRow { label: words(spelling, "Published posts", "Gepubliceerde posts").into(), value: posts.len().to_string(), benchmark: None, formula: None, money: false },
        KpiRow { label: words(spelling, "Posts with results", "Posts met resultaten").into(), value: measured.len().to_string(), benchmark: None, formula: None, money: false },
        KpiRow { label: words(spelling, "Reach", "Bereik").into(), value: count_text(total.reach, spelling), benchmark: None, formula: None, money: false },
        KpiRow { label: words(spelling, "Views", "Weergaven").into(), value: count_text(total.views, spelling), benchmark: None, formula: None, money: false },
        KpiRow {
            label: words(spelling, "Engagement rate (average of the posts)", "Engagement rate (gemiddelde van de posts)").into(),
            value: percent(&super::aggregates::mean(&all_rates), spelling),
            benchmark: None,
            formula: Some(engagement_formula),
            money: false,
        },
        KpiRow { label: words(spelling, "Median", "Mediaan").into(), value: percent(&super::aggregates::median(&all_rates), spelling), benchmark: None, formula: Some(FormulaId::Median), money: false },
    ];
    let by_tier = group(&posts, GroupBy::Tier, spelling);
    for g in by_tier.iter().filter(|g| g.measured > 0) {
        let benchmark = crate::roster::tiers::Tier::parse(&g.key).and_then(tier_benchmark).map(|b| format!("{} ({})", level_text(b.level, spelling), g.label.to_lowercase()));
        kpis.push(KpiRow { label: format!("{} · {}", words(spelling, "Engagement", "Engagement"), g.label), value: percent(&g.mean, spelling), benchmark, formula: Some(FormulaId::Mean), money: false });
    }

    let mut summary: Vec<SummaryLine> = by_tier.iter().filter_map(|g| g.benchmark_sentence.as_ref().map(|s| SummaryLine { text: format!("{} — {s}.", g.label), money: false })).collect();
    summary.extend(contrasts(&posts, spelling).into_iter().filter(|c| c.difference.value().is_some()).map(|c| SummaryLine { text: c.sentence, money: false }));

    let by_format = group(&posts, GroupBy::Format, spelling);
    let style = Style::new(Theme::Light, spelling).sized(360, 260);
    let mut charts = Vec::new();
    for (groups, by) in [(&by_format, GroupBy::Format), (&by_tier, GroupBy::Tier)] {
        let mut chart = crate::charts::results_queries::engagement_by(groups, by, spelling);
        if !chart.categories.is_empty() {
            let title = std::mem::take(&mut chart.title);
            charts.push(ReportChart { title, svg: svg(&Chart::Bar(chart), &style)?, wide: false, money: false });
        }
    }

    let mut best: Vec<(&PostFacts, Ratio)> = measured.iter().filter_map(|p| post_rate(p).value().cloned().map(|r| (*p, r))).collect();
    best.sort_by(|a, b| b.1.cmp(&a.1));
    let handles = handles_of(conn, campaign_id)?;
    let best_posts = best
        .iter()
        .take(5)
        .map(|(p, rate)| BestPost {
            creator: p.creator.clone(),
            handle: handles.iter().find(|(id, platform, _)| *id == p.creator_id && *platform == p.platform.as_str()).map(|(_, _, h)| format!("@{h}")).unwrap_or_default(),
            platform: p.platform.label().to_string(),
            format: format_label(p.format, spelling).to_string(),
            posted_on: p.posted_on.map(|d| long_date(d, language)).unwrap_or_default(),
            link: (!p.post_url.is_empty()).then(|| p.post_url.clone()),
            engagement: rate.percent_text(spelling),
            reach: p.counts.and_then(|c| c.reach).map(|r| count_text(Some(r), spelling)),
        })
        .collect();

    let spend_and_return = money_rows(conn, campaign_id, currency, &total, spelling, choices.today)?;
    let mut formulas = Vec::new();
    let mut used: Vec<FormulaId> = kpis.iter().chain(spend_and_return.iter()).filter_map(|k| k.formula).collect();
    used.extend(bases.iter().map(|b| b.formula()));
    used.extend([FormulaId::Mean, FormulaId::Median, FormulaId::Difference]);
    for f in used {
        if !formulas.iter().any(|r: &FormulaRow| r.formula == f) {
            formulas.push(FormulaRow { formula: f, name: f.name(spelling).to_string(), text: f.text(spelling) });
        }
    }
    Ok(CampaignReport {
        language,
        brand: settings.brand_name,
        campaign: name,
        period,
        generated_on: choices.today,
        include_money: choices.include_money,
        summary,
        kpis,
        charts,
        best_posts,
        spend_and_return,
        formulas,
        source_note: Some(source_note(spelling)),
    })
}

fn svg(chart: &Chart, style: &Style) -> Result<String> {
    render_svg(chart, style).map_err(|e| Error::BadFile(e.to_string()))
}

fn handles_of(conn: &Connection, campaign_id: i64) -> Result<Vec<(i64, String, String)>> {
    let mut st = conn.prepare_cached("SELECT h.creator_id, h.platform, h.handle FROM handles h JOIN collaborations c ON c.creator_id = h.creator_id WHERE c.campaign_id = ?1 ORDER BY h.followers DESC")?;
    let rows = st.query_map([campaign_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// An amount as the statements write it: `€1,234.56`, `€ 1.234,56`.
fn money_text(m: Money, spelling: Spelling) -> String {
    let language = if spelling == Spelling::Dutch { ReportLanguage::Dutch } else { ReportLanguage::English };
    crate::payouts::statement::words::amount(m.minor, m.currency, language)
}

fn money_rows(conn: &Connection, campaign_id: i64, currency: Currency, total: &PostCounts, spelling: Spelling, today: NaiveDate) -> Result<Vec<KpiRow>> {
    let fees: i64 = conn.query_row("SELECT coalesce(sum(fee_minor), 0) FROM collaborations WHERE campaign_id = ?1 AND kind IN ('paid', 'hybrid') AND status <> 'cancelled'", [campaign_id], |r| r.get(0))?;
    let gifts: i64 = conn.query_row(
        "SELECT coalesce(sum(i.quantity * i.unit_retail_minor), 0) FROM gift_items i JOIN gift_shipments s ON s.id = i.shipment_id JOIN collaborations c ON c.id = s.collaboration_id
          WHERE c.campaign_id = ?1 AND s.status IN ('shipped', 'delivered', 'returned')",
        [campaign_id],
        |r| r.get(0),
    )?;
    let sales = crate::sales::summaries::campaign_sales(conn, campaign_id, &today.format("%Y-%m-%d").to_string())?;
    let paid = sales.summary.commissions.iter().filter(|t| t.status == LineStatus::Paid && t.amount.currency == currency).map(|t| t.amount.minor).sum::<i64>();
    let m = |minor: i64| Money { minor, currency };
    let spend = match spend_total(&[m(fees), m(gifts), m(paid)]) {
        Ok(Figure::Value(s)) => s,
        _ => m(0),
    };
    let revenue = m(sales.summary.revenue.iter().filter(|r| r.currency == currency).map(|r| r.minor).sum());
    let figure_money = |f: std::result::Result<Figure<Money>, super::rate::Refused>| match f {
        Ok(Figure::Value(v)) => money_text(v, spelling),
        Ok(Figure::NotEnoughData { reason }) => reason.sentence(spelling),
        Err(e) => e.to_string(),
    };
    let roas_text = match roas(revenue, spend) {
        Ok(Figure::Value(r)) => format!("{}×", crate::charts::scale::exact(r.basis_points() / 100, Unit::Percent, spelling).trim_end_matches('%')),
        Ok(Figure::NotEnoughData { reason }) => reason.sentence(spelling),
        Err(e) => e.to_string(),
    };
    let values = emv_values(conn, currency)?;
    let emv_text = match emv(total, &values) {
        Ok(Figure::Value(e)) => money_text(e.total, spelling),
        Ok(Figure::NotEnoughData { reason }) => reason.sentence(spelling),
        Err(e) => e.to_string(),
    };
    let row = |en: &'static str, nl: &'static str, value: String, formula: FormulaId| KpiRow { label: words(spelling, en, nl).to_string(), value, benchmark: None, formula: Some(formula), money: true };
    Ok(vec![
        row("Spend", "Uitgaven", money_text(spend, spelling), FormulaId::Spend),
        KpiRow { label: words(spelling, "Attributed revenue", "Toegewezen omzet").into(), value: money_text(revenue, spelling), benchmark: None, formula: None, money: true },
        row("ROAS", "ROAS", roas_text, FormulaId::Roas),
        row("Cost per engagement", "Kosten per interactie", figure_money(cpe(spend, total)), FormulaId::Cpe),
        row("Cost per 1,000 impressions", "Kosten per 1.000 vertoningen", figure_money(cpm(spend, total.impressions)), FormulaId::Cpm),
        row("Earned media value", "Earned media value", emv_text, FormulaId::Emv),
    ])
}

/// The workspace's EMV values: the person's where they set one (none where they chose not to
/// value a count), else the defaults in the workspace currency (the euro defaults' amounts).
pub fn emv_values(conn: &Connection, currency: Currency) -> Result<EmvValues> {
    let scale = |cents: i64| cents * 10i64.pow(currency.exponent()) / 100;
    let mut values: std::collections::BTreeMap<super::formulas::Count, i64> = DEFAULT_EMV_VALUES_EUR_CENTS.into_iter().map(|(c, v)| (c, scale(v))).collect();
    let mut st = conn.prepare_cached("SELECT count, value_minor FROM emv_values")?;
    let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?)))?;
    for row in rows {
        let (count, value) = row?;
        if let Some(count) = super::formulas::Count::parse(&count) {
            match value {
                Some(v) => values.insert(count, v),
                None => values.remove(&count),
            };
        }
    }
    Ok(EmvValues { currency, values })
}
