//! One statement checked and laid out as the template's data: every word, date and amount
//! already written out in the statement's language, so the template only places strings.
//! The checks are the statement's contract: its items add up exactly to payable + carried
//! out, the items marked carried to what was carried in, the items' VAT to the VAT charged;
//! VAT only with a registration, an invoice complete, paid only when payable. A draft is
//! titled a draft, marked so on every page, and never an invoice.

use super::words::{self, amount, fill, long_date, percent, short_date, Words};
use super::{Outcome, Party, Statement, StatementError, Vat};
use serde::Serialize;

/// What the template reads from `sys.inputs.data`.
#[derive(Serialize)]
pub(super) struct Document {
    pub title: String,
    pub statements: Vec<Page>,
}

#[derive(Serialize)]
pub(super) struct Page {
    lang: &'static str,
    pub title: &'static str,
    meta: Vec<[String; 2]>,
    brand: PartyBlock,
    creator_label: &'static str,
    creator: PartyBlock,
    summary: Summary,
    tables: Vec<Table>,
    totals: Vec<TotalRow>,
    /// The outcome, and whether it is a draft or holds amounts carried in.
    notes: Vec<String>,
    /// The invoice's legal mentions, set smaller.
    legal: Vec<String>,
    footer: String,
    page_word: &'static str,
    of_word: &'static str,
    /// Across every page of a draft: `DRAFT`.
    watermark: Option<&'static str>,
}

#[derive(Serialize)]
struct PartyBlock {
    name: String,
    lines: Vec<String>,
    facts: Vec<[String; 2]>,
}

/// The box beside the creator: the one figure that matters, and what happens to it.
#[derive(Serialize)]
struct Summary {
    label: &'static str,
    amount: String,
    note: Option<String>,
}

#[derive(Serialize)]
struct Table {
    title: &'static str,
    columns: Vec<Column>,
    rows: Vec<Vec<String>>,
}

#[derive(Serialize)]
struct Column {
    label: &'static str,
    /// Right-aligned figures.
    numeric: bool,
    /// Takes the width the other columns leave.
    grow: bool,
}

#[derive(Serialize)]
struct TotalRow {
    label: String,
    amount: String,
    strong: bool,
    /// A rule above the row.
    rule: bool,
}

fn text_column(label: &'static str, grow: bool) -> Column {
    Column { label, numeric: false, grow }
}

fn figure_column(label: &'static str) -> Column {
    Column { label, numeric: true, grow: false }
}

/// The exact sum of `values`; an overflow is a refusal.
fn sum(s: &Statement, values: impl IntoIterator<Item = i64>) -> Result<i64, StatementError> {
    values.into_iter().try_fold(0i64, |acc, v| acc.checked_add(v)).ok_or_else(|| StatementError::TooLarge { number: s.number.clone() })
}

/// Whether VAT is shown: a registered creator's statement (net, VAT, gross per fee and in the
/// totals). A reverse-charged one shows net amounts and says the VAT is reverse-charged.
fn charges_vat(s: &Statement) -> bool {
    matches!(s.vat, Vat::Registered { .. })
}

fn is_invoice(s: &Statement) -> bool {
    !s.draft && !matches!(s.vat, Vat::None)
}

fn check(s: &Statement) -> Result<Totals, StatementError> {
    let number = || s.number.clone();
    let totals = Totals {
        commissions: sum(s, s.lines.iter().map(|l| l.commission_minor))?,
        fees: sum(s, s.fees.iter().map(|f| f.net_minor))?,
        adjustments: sum(s, s.adjustments.iter().map(|a| a.net_minor))?,
        to_pay: sum(s, [s.payable_minor, s.vat_minor])?,
    };
    let parts = sum(s, [totals.commissions, totals.fees, totals.adjustments])?;
    let carried = s.lines.iter().filter(|l| l.carried).map(|l| l.commission_minor);
    let carried = carried.chain(s.fees.iter().filter(|f| f.carried).map(|f| f.net_minor)).chain(s.adjustments.iter().filter(|a| a.carried).map(|a| a.net_minor));
    if parts != sum(s, [s.payable_minor, s.carried_out_minor])? || sum(s, carried)? != s.carried_in_minor {
        return Err(StatementError::TotalsDisagree { number: number() });
    }
    let item_vat = s.fees.iter().map(|f| f.vat_minor).chain(s.adjustments.iter().map(|a| a.vat_minor));
    if !charges_vat(s) && (s.vat_minor != 0 || item_vat.clone().any(|v| v != 0)) {
        return Err(StatementError::VatWithoutRegistration { number: number() });
    }
    if charges_vat(s) && sum(s, item_vat)? != s.vat_minor {
        return Err(StatementError::VatDisagrees { number: number() });
    }
    let mut net_and_vat = s.fees.iter().map(|f| (f.net_minor, f.vat_minor)).chain(s.adjustments.iter().map(|a| (a.net_minor, a.vat_minor)));
    if net_and_vat.any(|(net, vat)| net.checked_add(vat).is_none()) {
        return Err(StatementError::TooLarge { number: number() });
    }
    if is_invoice(s) {
        let blank = |v: &Option<String>| v.as_deref().is_none_or(|t| t.trim().is_empty());
        let missing = if s.number.trim().is_empty() {
            Some("number")
        } else if blank(&s.brand.vat_number) {
            Some("brand_vat_number")
        } else if blank(&s.creator.vat_number) {
            Some("creator_vat_number")
        } else {
            None
        };
        if let Some(missing) = missing {
            return Err(StatementError::InvoiceIncomplete { number: number(), missing });
        }
    }
    if s.paid.is_some() && !matches!(s.outcome, Outcome::Payable { .. }) {
        return Err(StatementError::PaidButNotPayable { number: number() });
    }
    Ok(totals)
}

struct Totals {
    commissions: i64,
    fees: i64,
    adjustments: i64,
    /// Payable + VAT: the gross the creator receives.
    to_pay: i64,
}

fn party(p: &Party, w: &Words, with_payment_details: bool) -> PartyBlock {
    let lines = p.address.as_deref().unwrap_or("").lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect();
    let mut facts = Vec::new();
    let mut fact = |label: &str, value: &Option<String>| {
        if let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            facts.push([label.to_string(), v.to_string()]);
        }
    };
    fact(w.vat_number, &p.vat_number);
    if with_payment_details {
        fact(w.iban, &p.iban);
    }
    fact(w.email, &p.email);
    PartyBlock { name: p.name.clone(), lines, facts }
}

/// A reason as the middle of a sentence: its own closing full stop left off.
fn clause(reason: &str) -> &str {
    reason.trim().trim_end_matches(['.', ' '])
}

/// The statement as the template's page data, or why it cannot be issued.
pub(super) fn page(s: &Statement) -> Result<Page, StatementError> {
    let totals = check(s)?;
    let lang = s.language;
    let w = words::words(lang);
    let money = |minor: i64| amount(minor, s.currency, lang);
    let title = if s.draft {
        w.draft_title
    } else if is_invoice(s) {
        w.invoice_title
    } else {
        w.statement_title
    };
    let period = match s.period_from {
        Some(from) => format!("{} – {}", long_date(from, lang), long_date(s.period_to, lang)),
        None => format!("{} {}", w.up_to, long_date(s.period_to, lang)),
    };
    let mut meta = vec![[w.number.to_string(), s.number.clone()], [w.date.to_string(), long_date(s.issued_on, lang)], [w.period.to_string(), period]];
    if s.draft {
        meta.push([w.status.to_string(), w.draft_status.to_string()]);
    }
    // An item from before the period says so where it is named.
    let marked = |text: &str, carried: bool| if carried { format!("{text} {}", w.carried_mark) } else { text.to_string() };

    let mut tables = Vec::new();
    if !s.lines.is_empty() {
        tables.push(Table {
            title: w.commissions,
            columns: vec![text_column(w.col_date, false), text_column(w.col_order, false), text_column(w.col_description, true), figure_column(w.col_base), figure_column(w.col_commission)],
            rows: s.lines.iter().map(|l| vec![short_date(l.day, lang), l.order.clone(), marked(&l.description, l.carried), l.base_minor.map(money).unwrap_or_default(), money(l.commission_minor)]).collect(),
        });
    }
    let amount_columns = || if charges_vat(s) { vec![figure_column(w.col_net), figure_column(w.col_vat), figure_column(w.col_gross)] } else { vec![figure_column(w.col_amount)] };
    // The gross cannot overflow: `check` added every net and VAT pair.
    let amount_cells = |net: i64, vat: i64| if charges_vat(s) { vec![money(net), money(vat), money(net.saturating_add(vat))] } else { vec![money(net)] };
    if !s.fees.is_empty() {
        let mut columns = vec![text_column(w.col_date, false), text_column(w.col_collaboration, true)];
        columns.extend(amount_columns());
        let rows = s.fees.iter().map(|f| [vec![short_date(f.day, lang), marked(&f.collaboration, f.carried)], amount_cells(f.net_minor, f.vat_minor)].concat()).collect();
        tables.push(Table { title: w.fees, columns, rows });
    }
    if !s.adjustments.is_empty() {
        let mut columns = vec![text_column(w.col_date, false), text_column(w.col_reason, true)];
        columns.extend(amount_columns());
        let rows = s.adjustments.iter().map(|a| [vec![short_date(a.day, lang), marked(&a.reason, a.carried)], amount_cells(a.net_minor, a.vat_minor)].concat()).collect();
        tables.push(Table { title: w.adjustments, columns, rows });
    }

    let row = |label: &str, minor: i64, strong: bool, rule: bool| TotalRow { label: label.to_string(), amount: money(minor), strong, rule };
    let mut rows = Vec::new();
    for (shown, label, minor) in [(!s.lines.is_empty(), w.commissions, totals.commissions), (!s.fees.is_empty(), w.fees, totals.fees), (!s.adjustments.is_empty(), w.adjustments, totals.adjustments)] {
        if shown {
            rows.push(row(label, minor, false, false));
        }
    }
    match s.vat {
        Vat::None => rows.push(row(w.to_pay, s.payable_minor, true, true)),
        Vat::Registered { rate_bp } => {
            rows.push(row(w.payable_net, s.payable_minor, false, true));
            // The run charges VAT on fees and adjustments only: the label says what it is on.
            let on = if s.lines.is_empty() { String::new() } else { format!(" {}", w.vat_on) };
            rows.push(row(&format!("{} {}{on}", w.vat_at, percent(rate_bp, lang)), s.vat_minor, false, false));
            rows.push(row(w.to_pay_gross, totals.to_pay, true, true));
        }
        Vat::ReverseCharge => {
            rows.push(row(w.payable_net, s.payable_minor, false, true));
            rows.push(row(w.vat_reverse, 0, false, false));
            rows.push(row(w.to_pay, totals.to_pay, true, true));
        }
    }
    if s.carried_out_minor != 0 {
        rows.push(row(w.carried_out, s.carried_out_minor, false, false));
    }

    let carried = fill(w.balance_carried, &[("{amount}", &money(s.carried_out_minor))]);
    let (summary, outcome) = match &s.outcome {
        Outcome::Payable { method, destination } => {
            let how = format!("{method}, {destination}");
            let sentence = match &s.paid {
                Some((day, reference)) => format!("{} {}: {} — {how}. {}: {reference}.", w.paid_on, long_date(*day, lang), money(totals.to_pay), w.reference),
                None if s.draft => format!("{} {} — {how}.", w.we_would_pay, money(totals.to_pay)),
                None => format!("{} {} — {how}.", w.we_pay, money(totals.to_pay)),
            };
            let note = s.paid.as_ref().map(|(day, _)| format!("{} {}", w.paid_on, long_date(*day, lang))).unwrap_or(how);
            let label = if s.paid.is_some() { w.paid } else { w.to_pay };
            (Summary { label, amount: money(totals.to_pay), note: Some(note) }, sentence)
        }
        Outcome::Carried { reason } => (
            Summary { label: w.carried_out, amount: money(s.carried_out_minor), note: None },
            format!("{} {}: {}. {carried}.", w.nothing_paid, w.reason, clause(reason)),
        ),
        Outcome::Blocked { reason } => (
            Summary { label: w.on_hold, amount: money(s.carried_out_minor), note: Some(clause(reason).to_string()) },
            format!("{} {}: {}. {carried} {}.", w.blocked, w.reason, clause(reason), w.once_resolved),
        ),
    };
    let mut notes = Vec::new();
    if s.draft {
        notes.push(w.draft_note.to_string());
    }
    notes.push(outcome);
    if s.carried_in_minor != 0 {
        notes.push(fill(w.carried_in_note, &[("{amount}", &money(s.carried_in_minor)), ("{mark}", w.carried_mark)]));
    }
    let mut legal = Vec::new();
    if is_invoice(s) {
        legal.push(fill(w.self_billing, &[("{brand}", &s.brand.name), ("{creator}", &s.creator.name)]));
    }
    if matches!(s.vat, Vat::ReverseCharge) {
        legal.push(w.reverse_charge.to_string());
    }

    Ok(Page {
        lang: lang.code(),
        title,
        meta,
        brand: party(&s.brand, w, false),
        creator_label: w.creator,
        creator: party(&s.creator, w, true),
        summary,
        tables,
        totals: rows,
        notes,
        legal,
        footer: format!("{} · {title} {}", s.brand.name, s.number),
        page_word: w.page,
        of_word: w.of,
        watermark: s.draft.then_some(w.draft_mark),
    })
}
