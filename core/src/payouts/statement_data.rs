//! The statements of a payout run, built from what the run recorded: its creators' rows
//! (`payout_creators`), the items it took (`payout_items`) with their commission lines,
//! orders, fee lines and adjustments, the brand (payout settings) and the creators.
//!
//! Contract:
//! - [`run_statements`] reads a run (draft or finalised) for every creator in it, or one: one
//!   query per kind of item for the whole run (commission lines with their orders, fee lines,
//!   adjustments), never one per creator, so a run of 20,000 creators is a handful of queries.
//! - The items of a finalised run's payable creator are the ones it took. A draft takes
//!   nothing, and a carried or blocked creator's items stay in the ledger: theirs are the
//!   items the run could take as of its cut-off (finalised: those that existed when it was
//!   finalised, not taken by an earlier run, not rejected before it), marked carried as the
//!   run decided it (already takeable at the previous run's cut-off). Every statement is then
//!   checked against the run's own figures: a draft whose ledger moved since it was computed
//!   is refused (`statement_draft_stale`: compute it again), never printed with other sums.
//! - The self-billing invoice number is `R{run}C{creator}`, the ID the rails' files carry,
//!   stable and unique per run and creator. A draft's statement says it is a draft, never an
//!   invoice; a statement is an invoice only when the run pays a VAT-registered (or reverse-
//!   charged) creator. Its VAT is the run's: on fees and adjustments, per item.
//! - [`statements_pdf_of_run`] typesets them as one PDF (or one creator's);
//!   [`statement_file_name`] suggests its name. A refusal is a [`FieldError`] with a code.

use super::export::{run_context, RunContext};
use super::runs::{RunCreator, RunState};
use super::statement::words::{blocked_reason, carried_reason, line_description, upper_first, words};
use super::statement::{each_statement_pdf, statements_pdf, Outcome, Party, Statement, StatementAdjustment, StatementError, StatementFee, StatementLanguage, StatementLine, Vat};
use crate::commissions::rounding::apply_rate;
use crate::error::{Error, FieldError, Result};
use crate::roster::validate::format_iban;
use crate::workspace::settings::load_payout_settings;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::Connection;
use std::collections::{BTreeMap, HashMap};

/// What a run recorded beyond its creators' rows: what it could see of the ledger.
struct Bounds {
    draft: bool,
    /// The previous finalised run's cut-off and last ids (carried in), `''`/0 without one.
    previous_cutoff: String,
    previous_last_line: i64,
    previous_last_fee: i64,
    previous_last_adjustment: i64,
    /// This run's last ids (a draft: everything there is).
    last_line: i64,
    last_fee: i64,
    last_adjustment: i64,
    /// When it was finalised (a draft: `None`); a rejection after it does not undo its items.
    finalised_at: Option<String>,
    /// The day the statement is issued: finalised, else computed.
    issued_on: NaiveDate,
}

fn bounds(conn: &Connection, run_id: i64) -> Result<Bounds> {
    let row = conn.query_row(
        "SELECT r.state, coalesce(p.cutoff, ''), coalesce(p.last_commission_line_id, 0), coalesce(p.last_fee_line_id, 0),
                coalesce(p.last_adjustment_id, 0), r.last_commission_line_id, r.last_fee_line_id, r.last_adjustment_id,
                r.finalised_at, coalesce(r.finalised_at, r.computed_at)
         FROM payout_runs r LEFT JOIN payout_runs p ON p.id = r.previous_run_id WHERE r.id = ?1",
        [run_id],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                [r.get::<_, i64>(2)?, r.get(3)?, r.get(4)?],
                [r.get::<_, Option<i64>>(5)?, r.get(6)?, r.get(7)?],
                r.get::<_, Option<String>>(8)?,
                r.get::<_, String>(9)?,
            ))
        },
    )?;
    let (state, previous_cutoff, previous, last, finalised_at, issued) = row;
    let issued_on = NaiveDate::parse_from_str(issued.get(..10).unwrap_or(&issued), "%Y-%m-%d")
        .map_err(|_| Error::BadFile(format!("payout run {run_id} has the time {issued:?}")))?;
    let draft = state == "draft";
    let last_or_all = |id: Option<i64>| if draft { i64::MAX } else { id.unwrap_or(0) };
    Ok(Bounds {
        draft,
        previous_cutoff,
        previous_last_line: previous[0],
        previous_last_fee: previous[1],
        previous_last_adjustment: previous[2],
        last_line: last_or_all(last[0]),
        last_fee: last_or_all(last[1]),
        last_adjustment: last_or_all(last[2]),
        finalised_at,
        issued_on,
    })
}

/// The parameters every item query shares: ?1 run, ?2 creator or NULL, ?3 cut-off, ?4
/// currency, ?5 draft, ?6 the previous cut-off, ?7 the previous last id, ?8 this run's last
/// id, ?9 finalised at.
///
/// An item belongs to a creator's statement when the run took it, or — a draft, or a creator
/// it did not pay — when the run could take it: due by the cut-off, existing when the run was
/// finalised, taken by no earlier run.
fn item_sql(select: &str, table: &str, joins: &str, item_column: &str, due: &str, takeable: &str) -> String {
    format!(
        "SELECT {select}, i.carried FROM payout_items i JOIN {table} x ON x.id = i.{item_column} {joins}
         WHERE i.run_id = ?1 AND (?2 IS NULL OR i.creator_id = ?2)
         UNION ALL
         SELECT {select}, ({due} <= ?6 AND x.id <= ?7) FROM {table} x {joins}
         JOIN payout_creators pc ON pc.run_id = ?1 AND pc.creator_id = x.creator_id
         WHERE (?5 OR pc.outcome <> 'payable') AND (?2 IS NULL OR x.creator_id = ?2)
           AND {due} <= ?3 AND x.currency = ?4 AND x.id <= ?8 AND {takeable}
           AND NOT EXISTS (SELECT 1 FROM payout_items e WHERE e.{item_column} = x.id AND e.run_id < ?1)"
    )
}

/// The statements of run `run_id` in `language`: every creator of the run (payable, blocked,
/// carried; by name within each, as the run lists them), or only `creator_id`.
pub fn run_statements(conn: &Connection, run_id: i64, creator_id: Option<i64>, language: StatementLanguage) -> Result<Vec<Statement>> {
    let ctx = run_context(conn, run_id)?;
    let creators: Vec<&RunCreator> = ctx.run.creators.iter().filter(|c| creator_id.is_none_or(|id| id == c.creator_id)).collect();
    if let Some(id) = creator_id.filter(|_| creators.is_empty()) {
        return Err(Error::Validation(vec![FieldError::new("creator", "payout_creator_not_in_run", format!("This creator has nothing in run {run_id}."))
            .with_value(id.to_string())]));
    }
    let b = bounds(conn, run_id)?;
    let currency = ctx.currency;
    let cutoff = ctx.cutoff.format("%Y-%m-%d").to_string();
    let shared = |last_previous: i64, last: i64| -> Vec<Value> {
        let text = |t: &str| Value::Text(t.to_string());
        let or_null = |v: Option<Value>| v.unwrap_or(Value::Null);
        vec![
            Value::Integer(run_id),
            or_null(creator_id.map(Value::Integer)),
            text(&cutoff),
            text(currency.code()),
            Value::Integer(b.draft.into()),
            text(&b.previous_cutoff),
            Value::Integer(last_previous),
            Value::Integer(last),
            or_null(b.finalised_at.as_deref().map(text)),
        ]
    };
    let day = |text: String| NaiveDate::parse_from_str(text.get(..10).unwrap_or(&text), "%Y-%m-%d").map_err(|_| rusqlite::Error::InvalidColumnType(0, text, rusqlite::types::Type::Text));

    // Commission lines with their orders.
    let line_sql = item_sql(
        "x.creator_id, x.id, o.placed_on, o.number, x.kind, x.reason, x.rule, x.note, x.base_minor, x.amount_minor",
        "commission_lines",
        "JOIN orders o ON o.id = x.order_id",
        "commission_line_id",
        "x.hold_until",
        "(x.rejected_at IS NULL OR x.rejected_at > ?9)",
    );
    let mut lines = by_creator(conn, &line_sql, shared(b.previous_last_line, b.last_line), |r| {
        let (kind, reason, rule, note): (String, String, String, String) = (r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?);
        Ok(StatementLine {
            day: day(r.get(2)?)?,
            order: r.get(3)?,
            description: line_description(&kind, &reason, &rule, &note, currency, language),
            base_minor: Some(r.get(8)?),
            commission_minor: r.get(9)?,
            carried: r.get(10)?,
        })
    })?;
    // Fee lines with their campaign, and the VAT the run took them with (else 0).
    let fee_sql = item_sql(
        "x.creator_id, x.id, x.due_on, k.name, x.reason, x.amount_minor, coalesce((SELECT vat_minor FROM payout_items t WHERE t.fee_line_id = x.id AND t.run_id = ?1), 0)",
        "fee_lines",
        "JOIN collaborations c ON c.id = x.collaboration_id JOIN campaigns k ON k.id = c.campaign_id",
        "fee_line_id",
        "x.due_on",
        "1",
    );
    let fee_changed = words(language).fee_changed;
    let mut fees = by_creator(conn, &fee_sql, shared(b.previous_last_fee, b.last_fee), |r| {
        let (campaign, reason): (String, String) = (r.get(3)?, r.get(4)?);
        let collaboration = if reason == "fee_changed" { format!("{campaign} ({fee_changed})") } else { campaign };
        Ok(StatementFee { day: day(r.get(2)?)?, collaboration, net_minor: r.get(5)?, vat_minor: r.get(6)?, carried: r.get(7)? })
    })?;
    let adjustment_sql = item_sql(
        "x.creator_id, x.id, x.on_date, x.reason, x.amount_minor, coalesce((SELECT vat_minor FROM payout_items t WHERE t.adjustment_id = x.id AND t.run_id = ?1), 0)",
        "payout_adjustments",
        "",
        "adjustment_id",
        "x.on_date",
        "1",
    );
    let mut adjustments = by_creator(conn, &adjustment_sql, shared(b.previous_last_adjustment, b.last_adjustment), |r| {
        Ok(StatementAdjustment { day: day(r.get(2)?)?, reason: r.get(3)?, net_minor: r.get(4)?, vat_minor: r.get(5)?, carried: r.get(6)? })
    })?;
    let people = creator_details(conn, creator_id)?;
    let brand = brand(conn, &ctx)?;
    let mut out = Vec::with_capacity(creators.len());
    for c in creators {
        let mut s = statement(&ctx, &b, c, language, brand.clone(), people.get(&c.creator_id));
        s.lines = lines.remove(&c.creator_id).unwrap_or_default();
        s.fees = fees.remove(&c.creator_id).unwrap_or_default();
        s.adjustments = adjustments.remove(&c.creator_id).unwrap_or_default();
        // A draft's payable creator: the VAT the run worked out, item by item (finalised: taken).
        if b.draft && matches!(s.vat, Vat::Registered { .. }) {
            let rate = c.vat_rate_bp as u32;
            for (net, vat) in s.fees.iter_mut().map(|f| (f.net_minor, &mut f.vat_minor)).chain(s.adjustments.iter_mut().map(|a| (a.net_minor, &mut a.vat_minor))) {
                *vat = apply_rate(net, rate).map_err(|r| Error::Validation(vec![r.into_field_error("run")]))?;
            }
        }
        out.push(s);
    }
    Ok(out)
}

/// The rows of one item query (creator id first), by creator, in the order of their day then id.
fn by_creator<T>(conn: &Connection, sql: &str, values: Vec<Value>, mut item: impl FnMut(&rusqlite::Row) -> rusqlite::Result<T>) -> Result<BTreeMap<i64, Vec<T>>> {
    let mut stmt = conn.prepare(&format!("{sql} ORDER BY 1, 3, 2"))?;
    // The fee and adjustment queries leave the last parameter (a rejection's time) out.
    let used = stmt.parameter_count();
    let mut rows = stmt.query(rusqlite::params_from_iter(values.into_iter().take(used)))?;
    let mut out: BTreeMap<i64, Vec<T>> = BTreeMap::new();
    while let Some(r) = rows.next()? {
        out.entry(r.get(0)?).or_default().push(item(r)?);
    }
    Ok(out)
}

/// The creator's billing address and email, by id (every creator, or one).
fn creator_details(conn: &Connection, creator_id: Option<i64>) -> Result<HashMap<i64, (String, String)>> {
    let mut stmt = conn.prepare("SELECT id, billing_address, email FROM creators WHERE ?1 IS NULL OR id = ?1")?;
    let rows = stmt.query_map([creator_id], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn some(text: &str) -> Option<String> {
    Some(text.trim().to_string()).filter(|t| !t.is_empty())
}

/// The brand as its statements name it: the account holder (its legal name) when set, else
/// the brand's name; its address and VAT number from the payout settings.
fn brand(conn: &Connection, ctx: &RunContext) -> Result<Party> {
    let settings = load_payout_settings(conn)?;
    Ok(Party {
        name: some(&settings.brand_account_holder).unwrap_or_else(|| ctx.brand.clone()),
        address: some(&settings.brand_address),
        vat_number: some(&settings.brand_vat_number),
        iban: None,
        email: None,
    })
}

/// One creator's statement without its items.
fn statement(ctx: &RunContext, b: &Bounds, c: &RunCreator, language: StatementLanguage, brand: Party, person: Option<&(String, String)>) -> Statement {
    let w = words(language);
    let (address, email) = person.cloned().unwrap_or_default();
    let destination = if c.method == "bank" { format_iban(&c.destination) } else { c.destination.clone() };
    let outcome = match c.outcome {
        "payable" => Outcome::Payable { method: (if c.method == "bank" { w.method_bank } else { w.method_paypal }).to_string(), destination: destination.clone() },
        "carried" => Outcome::Carried { reason: upper_first(&carried_reason(&c.reason_code, ctx.run.summary.min_payout_minor, ctx.currency, language)) },
        _ => Outcome::Blocked { reason: upper_first(blocked_reason(&c.reason_code, language)) },
    };
    // VAT only on what the run pays: a carried or blocked creator is invoiced later, if at all.
    let vat = match (c.outcome, c.vat_status.as_str()) {
        ("payable", "registered") => Vat::Registered { rate_bp: c.vat_rate_bp.clamp(0, 10_000) as u32 },
        ("payable", "reverse_charge") => Vat::ReverseCharge,
        _ => Vat::None,
    };
    let paid = match (&c.paid_on, &c.paid_reference) {
        (Some(on), Some(reference)) => NaiveDate::parse_from_str(on, "%Y-%m-%d").ok().map(|d| (d, reference.clone())),
        _ => None,
    };
    Statement {
        language,
        draft: b.draft,
        currency: ctx.currency,
        number: statement_number(ctx.run.summary.id, c.creator_id),
        issued_on: b.issued_on,
        period_from: ctx.period_from,
        period_to: ctx.cutoff,
        brand,
        creator: Party {
            name: c.name.clone(),
            address: some(&address),
            vat_number: some(&c.vat_number).filter(|_| c.vat_status != "none"),
            iban: (c.method == "bank").then_some(destination).filter(|d| !d.is_empty()),
            email: some(&email),
        },
        lines: Vec::new(),
        fees: Vec::new(),
        adjustments: Vec::new(),
        carried_in_minor: c.carried_in_minor,
        payable_minor: c.payable_minor,
        vat_minor: c.vat_minor,
        carried_out_minor: c.carried_out_minor,
        vat,
        outcome,
        paid,
    }
}

/// The statement's (self-billing invoice's) number: `R12C345`, as the rails' files name the
/// run line.
pub fn statement_number(run_id: i64, creator_id: i64) -> String {
    format!("R{run_id}C{creator_id}")
}

/// A name for the file: `statements-run-12.pdf`, one creator's `statement-R12C345.pdf`; a
/// draft's says so (`statements-run-12-draft.pdf`).
pub fn statement_file_name(run_id: i64, creator_id: Option<i64>, state: RunState) -> String {
    let draft = if state == RunState::Draft { "-draft" } else { "" };
    match creator_id {
        Some(c) => format!("statement-{}{draft}.pdf", statement_number(run_id, c)),
        None => format!("statements-run-{run_id}{draft}.pdf"),
    }
}

/// The statements of run `run_id` (every creator, or one) as one PDF.
pub fn statements_pdf_of_run(conn: &Connection, run_id: i64, creator_id: Option<i64>, language: StatementLanguage) -> Result<Vec<u8>> {
    let statements = run_statements(conn, run_id, creator_id, language)?;
    let draft = statements.first().is_some_and(|s| s.draft);
    statements_pdf(&statements).map_err(|e| refusal(e, run_id, draft))
}

/// Every statement of run `run_id`, each its own PDF (to send each creator theirs): the
/// creator's name and the PDF, in the run's order; all or nothing.
pub fn each_statement_pdf_of_run(conn: &Connection, run_id: i64, language: StatementLanguage) -> Result<Vec<(String, Vec<u8>)>> {
    let statements = run_statements(conn, run_id, None, language)?;
    let draft = statements.first().is_some_and(|s| s.draft);
    if statements.is_empty() {
        return Err(refusal(StatementError::NoStatements, run_id, draft));
    }
    let pdfs = each_statement_pdf(&statements);
    statements.into_iter().zip(pdfs).map(|(s, pdf)| pdf.map(|bytes| (s.creator.name, bytes)).map_err(|e| refusal(e, run_id, draft))).collect()
}

/// A statement that cannot be issued, as the window and the CLI word it.
fn refusal(e: StatementError, run_id: i64, draft: bool) -> Error {
    let message = e.to_string();
    let field = |code: &'static str, message: String| Error::Validation(vec![FieldError::new("run", code, message)]);
    match e {
        StatementError::NoStatements => field("payout_run_empty", format!("Run {run_id} pays nobody and carries nothing: there is no statement to make.")),
        StatementError::TotalsDisagree { .. } | StatementError::VatDisagrees { .. } if draft => field(
            "statement_draft_stale",
            format!("The ledger changed since draft run {run_id} was computed: compute it again, then make its statements."),
        ),
        StatementError::InvoiceIncomplete { missing, .. } => Error::Validation(vec![FieldError::new("run", "statement_invoice_incomplete", message).with_value(missing)]),
        StatementError::Typesetting { detail } => Error::BadFile(format!("{message} ({detail})")),
        // What the run recorded disagrees with its items: never printed, and a fault to report.
        _ => Error::BadFile(message),
    }
}
