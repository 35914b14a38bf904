//! The campaign's client report as PDF (issue 11): the brand, the campaign and its period, a
//! summary (the benchmark sentences), the key figures, the charts, the best posts with their
//! links, spend and return, and the formulas used as a small appendix; English or Dutch
//! ([`ReportLanguage`]), with or without money ([`CampaignReport::include_money`]), to share
//! with a client's team or with the creators.
//!
//! Contract: pure (a plain [`CampaignReport`] in, a PDF's bytes out). The caller gathers the
//! figures and words every text in the report's language; this module only lays them out,
//! typeset with typst from one template compiled into the binary (`report/template.typ`) and
//! the Inter fonts of `assets/fonts`, through the payout statement's engine helpers: no system
//! fonts, no network, the engine built once per process and shared.
//! - **User text is text.** Every name, handle, label and sentence reaches the template as data
//!   (one JSON string in `sys.inputs`) and is placed as a string, never read as typst markup.
//! - **Without money, no money.** With `include_money == false` every item marked `money` is
//!   left out (key figures, summary sentences, charts), spend and return entirely, and with
//!   them every money formula and every row naming one ([`FormulaId`] spend, CPM, CPE, CPC,
//!   CPA, ROAS, EMV count as money whatever the row says); the footer of every page says the
//!   amounts were left out.
//! - A best post's link is clickable only when it is an `http(s)` address (a `javascript:` or
//!   other address is shown as text, never made a link); it is always shown as written.
//! - Charts are SVG text (as [`crate::charts::render_svg`] draws them, their text in Inter):
//!   embedded as vector images, their text set with the report's own Inter. Draw them without
//!   a title (the report sets [`ReportChart::title`] above each); a `wide` chart takes a whole
//!   row (draw it about 720 × 260 points), the others go two a row (about 360 × 260), so their
//!   text prints at the same size.
//! - Empty sections are left out; tables repeat their header on a new page; every page's
//!   footer names the brand and the campaign and numbers the pages ("Page 1 of 3").

use super::formulas::FormulaId;
use crate::numbers::Spelling;
use crate::payouts::statement::{pdf_bytes, typeset_json, typst_engine, words as statement_words};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::sync::OnceLock;
use typst_as_lib::{TypstEngine, TypstTemplateMainFile};
use typst_layout::PagedDocument;

/// The language a report is written in (the payout statement's: English or Dutch).
pub use crate::payouts::statement::StatementLanguage as ReportLanguage;

impl ReportLanguage {
    /// The report's language for the window's: Dutch, else English.
    pub fn from_spelling(spelling: Spelling) -> ReportLanguage {
        if spelling == Spelling::Dutch { ReportLanguage::Dutch } else { ReportLanguage::English }
    }
}

impl From<ReportLanguage> for Spelling {
    /// The analytics' and the charts' words for the report's language.
    fn from(language: ReportLanguage) -> Spelling {
        match language {
            ReportLanguage::English => Spelling::English,
            ReportLanguage::Dutch => Spelling::Dutch,
        }
    }
}

/// Everything one campaign report shows, already worded in its language.
#[derive(Debug, Clone, Serialize)]
pub struct CampaignReport {
    pub language: ReportLanguage,
    pub brand: String,
    pub campaign: String,
    /// The campaign's period as the report names it: `1 – 30 November 2026`.
    pub period: String,
    pub generated_on: NaiveDate,
    /// `false`: a report for creators or a client's team, every amount left out (see the
    /// module's contract).
    pub include_money: bool,
    /// The benchmark sentences: `Your gifted posts earned 18% more than paid ones (the guide: 12.9%).`
    pub summary: Vec<SummaryLine>,
    /// The key figures: engagement rates, reach, views, posts.
    pub kpis: Vec<KpiRow>,
    pub charts: Vec<ReportChart>,
    /// The best posts, best first.
    pub best_posts: Vec<BestPost>,
    /// Spend, CPM, CPE, CPC, CPA, ROAS, EMV: all money, shown only with `include_money`.
    pub spend_and_return: Vec<KpiRow>,
    /// The formulas the figures were made with, in the order the appendix lists them.
    pub formulas: Vec<FormulaRow>,
    /// Where the benchmarks come from ([`super::benchmarks::source_note`]), set small under the
    /// summary (or at the end of a report without one).
    pub source_note: Option<String>,
}

/// One sentence of the summary.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryLine {
    pub text: String,
    /// It names an amount, a cost or a return: left out of a report without money.
    pub money: bool,
}

/// A figure with its name: a row of the key figures or of spend and return.
#[derive(Debug, Clone, Serialize)]
pub struct KpiRow {
    /// `Engagement rate by reach`, `Bereik`.
    pub label: String,
    /// The figure as the language writes it: `4.12%`, `€ 1.234,56`, `Not enough data`.
    pub value: String,
    /// What it is compared with: `1.81% (micro creators)`.
    pub benchmark: Option<String>,
    /// The formula it was made with; the row points to it in the appendix. A money formula
    /// makes the row money.
    pub formula: Option<FormulaId>,
    /// An amount, a cost or a return: left out of a report without money.
    pub money: bool,
}

/// A chart drawn by [`crate::charts`] as SVG text.
#[derive(Debug, Clone, Serialize)]
pub struct ReportChart {
    /// Set above the chart (draw the chart itself without a title).
    pub title: String,
    /// The SVG document ([`crate::charts::render_svg`]).
    pub svg: String,
    /// A whole row to itself; the others go two a row.
    pub wide: bool,
    /// It shows amounts (spend, revenue): left out of a report without money.
    pub money: bool,
}

/// One of the best posts.
#[derive(Debug, Clone, Serialize)]
pub struct BestPost {
    pub creator: String,
    /// `@sanne.glow`.
    pub handle: String,
    /// `Instagram`.
    pub platform: String,
    /// `Reel`, `Carrousel`.
    pub format: String,
    /// The day as the language writes it: `3 Nov 2026`, `03-11-2026`.
    pub posted_on: String,
    /// The post's address: shown, and clickable when it is `http(s)`.
    pub link: Option<String>,
    /// The post's engagement rate as written: `6.40%`.
    pub engagement: String,
    /// `12,400`.
    pub reach: Option<String>,
}

/// One formula of the appendix.
#[derive(Debug, Clone, Serialize)]
pub struct FormulaRow {
    pub formula: FormulaId,
    /// `Engagement rate by reach` ([`FormulaId::name`]).
    pub name: String,
    /// The formula written out ([`FormulaId::text`], or as used:
    /// [`super::formulas::Engagement::formula_as_used`]).
    pub text: String,
}

/// Why no PDF was made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    /// The template failed (a chart that is no SVG, or a fault of Chorus). `detail` is typst's
    /// own words.
    #[error("The campaign report could not be typeset.")]
    Typesetting { detail: String },
}

/// The formulas whose figures are amounts, costs or returns.
fn is_money_formula(formula: FormulaId) -> bool {
    use FormulaId::*;
    matches!(formula, Spend | Cpm | Cpe | Cpc | Cpa | Roas | Emv)
}

impl KpiRow {
    fn is_money(&self) -> bool {
        self.money || self.formula.is_some_and(is_money_formula)
    }
}

/// The report's own words (the page numbers' are the statement's).
struct Words {
    title: &'static str,
    period: &'static str,
    generated_on: &'static str,
    summary: &'static str,
    kpis: &'static str,
    col_figure: &'static str,
    col_value: &'static str,
    col_benchmark: &'static str,
    charts: &'static str,
    best_posts: &'static str,
    col_creator: &'static str,
    col_platform: &'static str,
    col_format: &'static str,
    col_posted: &'static str,
    col_engagement: &'static str,
    col_reach: &'static str,
    spend_and_return: &'static str,
    formulas: &'static str,
    formulas_intro: &'static str,
    money_left_out: &'static str,
}

static ENGLISH: Words = Words {
    title: "Campaign report",
    period: "Period",
    generated_on: "Generated on",
    summary: "Summary",
    kpis: "Key figures",
    col_figure: "Figure",
    col_value: "Value",
    col_benchmark: "Benchmark",
    charts: "Charts",
    best_posts: "Best posts",
    col_creator: "Creator",
    col_platform: "Platform",
    col_format: "Format",
    col_posted: "Posted",
    col_engagement: "Engagement",
    col_reach: "Reach",
    spend_and_return: "Spend and return",
    formulas: "How the figures are worked out",
    formulas_intro: "Each figure marked with a number is made with the formula of that number.",
    money_left_out: "Amounts are left out of this report.",
};

static DUTCH: Words = Words {
    title: "Campagnerapport",
    period: "Periode",
    generated_on: "Gemaakt op",
    summary: "Samenvatting",
    kpis: "Kerncijfers",
    col_figure: "Cijfer",
    col_value: "Waarde",
    col_benchmark: "Benchmark",
    charts: "Grafieken",
    best_posts: "Beste posts",
    col_creator: "Creator",
    col_platform: "Platform",
    col_format: "Formaat",
    col_posted: "Geplaatst",
    col_engagement: "Engagement",
    col_reach: "Bereik",
    spend_and_return: "Uitgaven en opbrengst",
    formulas: "Zo zijn de cijfers berekend",
    formulas_intro: "Bij een cijfer met een nummer vind je hier de formule met dat nummer.",
    money_left_out: "Bedragen zijn uit dit rapport weggelaten.",
};

fn words(language: ReportLanguage) -> &'static Words {
    match language {
        ReportLanguage::English => &ENGLISH,
        ReportLanguage::Dutch => &DUTCH,
    }
}

/// What the template reads from `sys.inputs.data`: every word written out.
#[derive(Serialize)]
struct Document<'a> {
    lang: &'static str,
    /// The PDF's title: `Campaign report · Lumen Skincare · Winter glow`.
    title: String,
    /// `[year, month, day]` of `generated_on`: the PDF's date.
    date: [u32; 3],
    heading: &'static str,
    brand: &'a str,
    campaign: &'a str,
    meta: Vec<[String; 2]>,
    summary: Option<Summary<'a>>,
    kpis: Option<Figures<'a>>,
    charts: Option<Charts<'a>>,
    best_posts: Option<Posts<'a>>,
    spend_and_return: Option<Figures<'a>>,
    formulas: Option<Formulas>,
    source_note: Option<&'a str>,
    footer: String,
    money_note: Option<&'static str>,
    page_word: &'static str,
    of_word: &'static str,
}

#[derive(Serialize)]
struct Summary<'a> {
    title: &'static str,
    lines: Vec<&'a str>,
}

#[derive(Serialize)]
struct Figures<'a> {
    title: &'static str,
    columns: Vec<&'static str>,
    rows: Vec<Figure<'a>>,
}

#[derive(Serialize)]
struct Figure<'a> {
    #[serde(flatten)]
    row: &'a KpiRow,
    /// The number of its formula in the appendix.
    mark: Option<String>,
}

#[derive(Serialize)]
struct Charts<'a> {
    title: &'static str,
    /// One wide chart a row, or two others.
    rows: Vec<Vec<&'a ReportChart>>,
}

#[derive(Serialize)]
struct Posts<'a> {
    title: &'static str,
    columns: Vec<&'static str>,
    rows: Vec<Post<'a>>,
    with_reach: bool,
}

#[derive(Serialize)]
struct Post<'a> {
    #[serde(flatten)]
    post: &'a BestPost,
    /// Where its link goes when it is clickable (`post.link` is shown as written).
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct Formulas {
    title: &'static str,
    intro: &'static str,
    rows: Vec<FormulaLine>,
}

#[derive(Serialize)]
struct FormulaLine {
    mark: String,
    /// The formula's name, set in bold: where the text starts with it (`CPM (cost per …) = …`),
    /// its first words; else it stands before the text.
    name: String,
    rest: String,
}

/// `text` as `name` (bold) and what follows it: `Median = …` as `Median` and ` = …`, a text
/// that does not start with its name as the name and `: text`.
fn formula_line(mark: usize, f: &FormulaRow) -> FormulaLine {
    let (name, text) = (f.name.trim(), f.text.trim());
    let rest = match text.strip_prefix(name) {
        Some(rest) if !name.is_empty() => rest.to_string(),
        _ if name.is_empty() || text.is_empty() => text.to_string(),
        _ => format!(": {text}"),
    };
    FormulaLine { mark: mark.to_string(), name: name.to_string(), rest }
}

/// Where a post's link may go: an `http(s)` address with a host, no white space, within what
/// typst and PDF readers take; anything else is shown but not clickable.
fn clickable(link: &str) -> bool {
    let parsed = url::Url::parse(link).ok();
    parsed.is_some_and(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some()) && link.len() <= 2000 && !link.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The wide charts a row each, the others two a row, in the report's order.
fn chart_rows<'a>(charts: impl Iterator<Item = &'a ReportChart>) -> Vec<Vec<&'a ReportChart>> {
    let mut rows: Vec<Vec<&ReportChart>> = Vec::new();
    let mut half_row_open = false;
    for chart in charts {
        match rows.last_mut() {
            Some(row) if half_row_open && !chart.wide => {
                row.push(chart);
                half_row_open = false;
            }
            _ => {
                rows.push(vec![chart]);
                half_row_open = !chart.wide;
            }
        }
    }
    rows
}

/// The report as the template's data: the money left out when asked, the empty sections
/// dropped, the formulas numbered and the figures pointing to them.
fn document<'a>(r: &'a CampaignReport) -> Document<'a> {
    let w = words(r.language);
    let money = r.include_money;
    let formulas: Vec<&FormulaRow> = r.formulas.iter().filter(|f| money || !is_money_formula(f.formula)).collect();
    let mark_of = |formula: Option<FormulaId>| formula.and_then(|id| formulas.iter().position(|f| f.formula == id)).map(|i| (i + 1).to_string());
    let figures = |title: &'static str, rows: &'a [KpiRow]| {
        let rows: Vec<Figure> = rows.iter().filter(|k| money || !k.is_money()).map(|row| Figure { row, mark: mark_of(row.formula) }).collect();
        let mut columns = vec![w.col_figure, w.col_value];
        if rows.iter().any(|f| f.row.benchmark.is_some()) {
            columns.push(w.col_benchmark);
        }
        (!rows.is_empty()).then_some(Figures { title, columns, rows })
    };

    let summary: Vec<&str> = r.summary.iter().filter(|s| money || !s.money).map(|s| s.text.as_str()).collect();
    let charts = chart_rows(r.charts.iter().filter(|c| money || !c.money));
    let with_reach = r.best_posts.iter().any(|p| p.reach.is_some());
    let posts = r.best_posts.iter().map(|post| Post { post, url: post.link.as_deref().map(str::trim).filter(|l| clickable(l)) });
    let mut post_columns = vec![w.col_creator, w.col_platform, w.col_format, w.col_posted, w.col_engagement];
    if with_reach {
        post_columns.push(w.col_reach);
    }
    let formula_lines: Vec<FormulaLine> = formulas.iter().enumerate().map(|(i, f)| formula_line(i + 1, f)).collect();
    let on = r.generated_on;

    Document {
        lang: r.language.code(),
        title: [w.title, &r.brand, &r.campaign].into_iter().filter(|t| !t.trim().is_empty()).collect::<Vec<_>>().join(" · "),
        date: [on.year().max(0) as u32, on.month(), on.day()],
        heading: w.title,
        brand: &r.brand,
        campaign: &r.campaign,
        meta: [(w.period, r.period.clone()), (w.generated_on, statement_words::long_date(on, r.language))].into_iter().filter(|(_, v)| !v.trim().is_empty()).map(|(l, v)| [l.to_string(), v]).collect(),
        summary: (!summary.is_empty()).then_some(Summary { title: w.summary, lines: summary }),
        kpis: figures(w.kpis, &r.kpis),
        charts: (!charts.is_empty()).then_some(Charts { title: w.charts, rows: charts }),
        best_posts: (!r.best_posts.is_empty()).then(|| Posts { title: w.best_posts, columns: post_columns, rows: posts.collect(), with_reach }),
        spend_and_return: if money { figures(w.spend_and_return, &r.spend_and_return) } else { None },
        formulas: (!formula_lines.is_empty()).then_some(Formulas { title: w.formulas, intro: w.formulas_intro, rows: formula_lines }),
        source_note: r.source_note.as_deref().filter(|n| !n.trim().is_empty()),
        footer: [r.brand.as_str(), r.campaign.as_str(), w.title].into_iter().filter(|t| !t.trim().is_empty()).collect::<Vec<_>>().join(" · "),
        money_note: (!money).then_some(w.money_left_out),
        page_word: statement_words::words(r.language).page,
        of_word: statement_words::words(r.language).of,
    }
}

const TEMPLATE: &str = include_str!("report/template.typ");

/// The template with its fonts, built on first use and shared by every later report.
fn engine() -> &'static TypstEngine<TypstTemplateMainFile> {
    static ENGINE: OnceLock<TypstEngine<TypstTemplateMainFile>> = OnceLock::new();
    ENGINE.get_or_init(|| typst_engine(TEMPLATE))
}

/// The campaign report as a PDF.
pub fn campaign_report_pdf(report: &CampaignReport) -> Result<Vec<u8>, ReportError> {
    pdf_bytes(&typeset(report)?).map_err(|detail| ReportError::Typesetting { detail })
}

/// The report laid out in pages, before it becomes a PDF (the tests render its pages).
pub(crate) fn typeset(report: &CampaignReport) -> Result<PagedDocument, ReportError> {
    typeset_json(engine(), &document(report)).map_err(|detail| ReportError::Typesetting { detail })
}
