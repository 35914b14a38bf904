//! The creator's payout statement as PDF: what a run owes one creator, line by line — orders
//! and their commissions (clawbacks below zero), fees, adjustments — the totals, and what
//! happens to it (paid to an IBAN or a PayPal email, carried to the next run, or blocked, with
//! the reason). When the creator is VAT-registered, or VAT is reverse-charged, the statement is
//! a self-billing invoice: both parties with their VAT numbers, the number, the date, net, VAT
//! and gross. English or Dutch ([`StatementLanguage`]).
//!
//! Contract: pure (plain structs in, a PDF's bytes out), typeset with typst from one template
//! compiled into the binary (`statement/template.typ`) and the Inter fonts of `assets/fonts`;
//! no system fonts, no network.
//! - **User text is text.** Every name, address, reason and order number reaches the template
//!   as data (one JSON string in `sys.inputs`, decoded by the template) and is placed as a
//!   string: nothing a person typed is ever read as typst markup or code.
//! - Amounts are integer minor units, worded in the statement's language
//!   ([`words::amount`]: `€1,234.56`, `€ 1.234,56`), never through a float. The totals are
//!   exact integer sums; a statement whose items do not add up to payable + carried out, whose
//!   items marked carried do not add up to what was carried in, whose items' VAT is not the
//!   VAT charged, that charges VAT without a registration, or an invoice without its number or
//!   either VAT number is refused, not printed.
//! - A draft run's statement is titled a draft, says so in its notes and across every page,
//!   and is never an invoice.
//! - Empty sections are left out; the tables repeat their header on a new page; each
//!   statement of [`statements_pdf`] starts on a new page and counts its own pages.
//! - The typst engine (template and fonts) is built once per process and shared.

mod page;
pub(crate) mod words;

use crate::money::Currency;
use chrono::NaiveDate;
use serde::Serialize;
use std::sync::OnceLock;
use typst::foundations::{Dict, IntoValue};
use typst_as_lib::{TypstEngine, TypstTemplateMainFile};
use typst_layout::PagedDocument;

pub use words::StatementLanguage;

/// The brand or the creator as the statement names them.
#[derive(Debug, Clone, Serialize)]
pub struct Party {
    pub name: String,
    /// Postal address; may hold several lines.
    pub address: Option<String>,
    pub vat_number: Option<String>,
    pub iban: Option<String>,
    pub email: Option<String>,
}

/// One commission line: an order's commission, or a clawback (negative) of an earlier one.
#[derive(Debug, Clone, Serialize)]
pub struct StatementLine {
    pub day: NaiveDate,
    /// The shop's order number, `#1042`.
    pub order: String,
    /// How it was made, in the statement's language: `10% of net sales`, `Clawback: refund of #1042`.
    pub description: String,
    /// The order's base the rule was applied to, when there is one.
    pub base_minor: Option<i64>,
    pub commission_minor: i64,
    /// Earned before this run's period and carried in (it counts in `carried_in_minor`).
    pub carried: bool,
}

/// A fee due for a collaboration; gross = net + VAT.
#[derive(Debug, Clone, Serialize)]
pub struct StatementFee {
    pub day: NaiveDate,
    pub collaboration: String,
    pub net_minor: i64,
    pub vat_minor: i64,
    /// Due before this run's period and carried in (it counts in `carried_in_minor`).
    pub carried: bool,
}

/// An amount added or deducted by hand, with its reason; gross = net + VAT.
#[derive(Debug, Clone, Serialize)]
pub struct StatementAdjustment {
    pub day: NaiveDate,
    pub reason: String,
    pub net_minor: i64,
    pub vat_minor: i64,
    /// From before this run's period and carried in (it counts in `carried_in_minor`).
    pub carried: bool,
}

/// The creator's VAT position.
#[derive(Debug, Clone, Serialize)]
pub enum Vat {
    /// Not VAT-registered: no VAT on the statement.
    None,
    /// VAT-registered, charging `rate_bp` basis points (2100 = 21%) on fees and adjustments
    /// (the run's rule: commissions carry no VAT of their own).
    Registered { rate_bp: u32 },
    /// VAT 0, reverse-charged to the brand (art. 196 VAT Directive 2006/112/EC).
    ReverseCharge,
}

/// What the run does with the creator's balance.
#[derive(Debug, Clone, Serialize)]
pub enum Outcome {
    /// Paid by `method` (`PayPal`, `Bank transfer`, in the statement's language) to
    /// `destination` (the PayPal email or the IBAN).
    Payable { method: String, destination: String },
    /// Below the minimum payout or below zero: carried to the next run.
    Carried { reason: String },
    /// The payout details are missing or wrong: nothing paid until they are set right.
    Blocked { reason: String },
}

/// One creator's statement for one payout run; amounts in `currency`'s minor units.
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    pub language: StatementLanguage,
    /// A draft run's statement: titled a draft and never an invoice, whatever the VAT.
    pub draft: bool,
    pub currency: Currency,
    /// The self-billing invoice number, unique per run and creator: `R12C345`.
    pub number: String,
    pub issued_on: NaiveDate,
    /// The first day of the period; `None`: everything up to `period_to`.
    pub period_from: Option<NaiveDate>,
    pub period_to: NaiveDate,
    pub brand: Party,
    pub creator: Party,
    pub lines: Vec<StatementLine>,
    pub fees: Vec<StatementFee>,
    pub adjustments: Vec<StatementAdjustment>,
    /// What the run carried in from earlier runs: exactly the items marked `carried`.
    pub carried_in_minor: i64,
    /// What the run pays, net of VAT.
    pub payable_minor: i64,
    /// The VAT on `payable_minor`: exactly the VAT of the fees and adjustments.
    pub vat_minor: i64,
    pub carried_out_minor: i64,
    pub vat: Vat,
    pub outcome: Outcome,
    /// The day it was paid and the payment's reference.
    pub paid: Option<(NaiveDate, String)>,
}

/// Why no PDF was made. The messages name no person and quote no user text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StatementError {
    #[error("There is no statement to print.")]
    NoStatements,
    #[error("Statement {number}: the commissions, fees and adjustments do not add up to what is payable and carried to the next run, or to what was carried in.")]
    TotalsDisagree { number: String },
    #[error("Statement {number}: the VAT of its fees and adjustments does not add up to the VAT charged.")]
    VatDisagrees { number: String },
    #[error("Statement {number}: its amounts are too large to add up.")]
    TooLarge { number: String },
    #[error("Statement {number}: it charges VAT, but the creator is not VAT-registered (or VAT is reverse-charged).")]
    VatWithoutRegistration { number: String },
    /// A self-billing invoice lacks its number or a party's VAT number (`number`,
    /// `brand_vat_number`, `creator_vat_number`).
    #[error("Statement {number}: a self-billing invoice needs {missing}.")]
    InvoiceIncomplete { number: String, missing: &'static str },
    #[error("Statement {number}: it is marked paid, but the run does not pay it.")]
    PaidButNotPayable { number: String },
    /// The template failed: a fault of Chorus, not of the data. `detail` is typst's own words.
    #[error("The statement could not be typeset.")]
    Typesetting { detail: String },
}

const TEMPLATE: &str = include_str!("statement/template.typ");
const FONTS: [&[u8]; 4] = [
    include_bytes!("../../../assets/fonts/Inter-Regular.otf"),
    include_bytes!("../../../assets/fonts/Inter-SemiBold.otf"),
    include_bytes!("../../../assets/fonts/Inter-Bold.otf"),
    include_bytes!("../../../assets/fonts/Inter-Italic.otf"),
];

/// The template with its fonts, built on first use and shared by every later statement.
fn engine() -> &'static TypstEngine<TypstTemplateMainFile> {
    static ENGINE: OnceLock<TypstEngine<TypstTemplateMainFile>> = OnceLock::new();
    ENGINE.get_or_init(|| typst_engine(TEMPLATE))
}

/// A typst engine for `template` with the Inter fonts compiled in and nothing else (no system
/// fonts, no files, no packages). Building one parses the fonts: build it once, in a `OnceLock`
/// (the statement's and the campaign report's each have theirs).
pub(crate) fn typst_engine(template: &'static str) -> TypstEngine<TypstTemplateMainFile> {
    TypstEngine::builder().main_file(template).fonts(FONTS).build()
}

/// `engine`'s template laid out with `data` as one JSON string in `sys.inputs.data` (which the
/// template decodes and places as strings). Err: typst's own words.
pub(crate) fn typeset_json(engine: &TypstEngine<TypstTemplateMainFile>, data: &impl Serialize) -> Result<PagedDocument, String> {
    let data = serde_json::to_string(data).map_err(|e| e.to_string())?;
    let mut inputs = Dict::new();
    inputs.insert("data".into(), data.into_value());
    engine.compile_with_input(inputs).output.map_err(|e| e.to_string())
}

/// Laid-out pages as a PDF's bytes. Err: typst's own words.
pub(crate) fn pdf_bytes(document: &PagedDocument) -> Result<Vec<u8>, String> {
    typst_pdf::pdf(document, &typst_pdf::PdfOptions::default()).map_err(|e| format!("{e:?}"))
}

/// One statement as a PDF.
pub fn statement_pdf(s: &Statement) -> Result<Vec<u8>, StatementError> {
    statements_pdf(std::slice::from_ref(s))
}

/// Each statement as its own PDF, in `all`'s order, typeset on as many threads as the computer
/// has cores (they share the template and its fonts).
pub fn each_statement_pdf(all: &[Statement]) -> Vec<Result<Vec<u8>, StatementError>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(all.len());
    if threads <= 1 {
        return all.iter().map(statement_pdf).collect();
    }
    let per_thread = all.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let parts: Vec<_> = all.chunks(per_thread).map(|part| (part.len(), scope.spawn(move || part.iter().map(statement_pdf).collect::<Vec<_>>()))).collect();
        parts
            .into_iter()
            .flat_map(|(count, thread)| thread.join().unwrap_or_else(|_| vec![Err(StatementError::Typesetting { detail: "the typesetter stopped unexpectedly".into() }); count]))
            .collect()
    })
}

/// Several statements in one PDF, each starting on a new page with its own page numbers.
pub fn statements_pdf(all: &[Statement]) -> Result<Vec<u8>, StatementError> {
    let document = typeset(all)?;
    pdf_bytes(&document).map_err(|detail| StatementError::Typesetting { detail })
}

/// The statements laid out in pages, before they become a PDF (the tests render its pages).
pub(crate) fn typeset(all: &[Statement]) -> Result<PagedDocument, StatementError> {
    let first = all.first().ok_or(StatementError::NoStatements)?;
    let pages = all.iter().map(page::page).collect::<Result<Vec<_>, _>>()?;
    let title = match all {
        [one] => format!("{} {}", pages[0].title, one.number),
        _ => words::words(first.language).statements_title.to_string(),
    };
    typeset_json(engine(), &page::Document { title, statements: pages }).map_err(|detail| StatementError::Typesetting { detail })
}
