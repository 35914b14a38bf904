//! A payout run's files, written from what the run recorded (its creators' rows, whose sums
//! finalising checked against the items it took), never computed again: a file exported twice
//! is the same file.
//!
//! Contract:
//! - [`run_sheet`]: the payout sheet of any run (a draft's sheet is a preview, and says so in
//!   its title); every creator, payable, blocked and carried, with where they stand in the
//!   sheet's language.
//! - [`paypal_files`], [`wise_files`], [`sepa_file`]: the rails' files of a finalised run's
//!   payable creators paid by that rail (PayPal email; bank transfer to an IBAN), with IDs that
//!   tie each payment to its run line (`R12C345`, end-to-end `CHORUS-R12-C345`). A draft is
//!   refused (`payout_run_not_finalised`): money leaves only for what is locked. A rail with
//!   nobody to pay is refused (`payout_nobody_on_rail`) rather than an empty file.
//! - [`RunFormat`] names the formats as the CLI and the window offer them; `Pdf` is the
//!   creators' statements, made by [`super::statement_data::statements_pdf_of_run`].

use super::paypal::{write_paypal, PaypalPayment};
use super::runs::{load_run, Run, RunCreator, RunState};
use super::sepa::{write_sepa, Debtor, SepaBatch, Transfer};
use super::sheet::{Sheet, SheetLanguage, SheetRow};
use super::wise::{write_wise, WisePayment};
use super::RailFile;
use crate::error::{Error, FieldError, Result};
use crate::money::{Currency, Money};
use crate::workspace::settings::{load_payout_settings, workspace_uid};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension};

/// The files a run can be exported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunFormat {
    Csv,
    Xlsx,
    Paypal,
    Wise,
    Sepa,
    Pdf,
}

impl RunFormat {
    pub fn parse(text: &str) -> Option<RunFormat> {
        Some(match text.trim().to_ascii_lowercase().as_str() {
            "csv" => RunFormat::Csv,
            "xlsx" => RunFormat::Xlsx,
            "paypal" => RunFormat::Paypal,
            "wise" => RunFormat::Wise,
            "sepa" | "xml" => RunFormat::Sepa,
            "pdf" => RunFormat::Pdf,
            _ => return None,
        })
    }

    /// The file name's extension.
    pub fn extension(self) -> &'static str {
        match self {
            RunFormat::Csv | RunFormat::Paypal | RunFormat::Wise => "csv",
            RunFormat::Xlsx => "xlsx",
            RunFormat::Sepa => "xml",
            RunFormat::Pdf => "pdf",
        }
    }
}

/// The run, its period and the brand, as every file of it names them.
pub struct RunContext {
    pub run: Run,
    pub brand: String,
    pub currency: Currency,
    /// The day after the previous finalised run's cut-off, when there is one.
    pub period_from: Option<NaiveDate>,
    pub cutoff: NaiveDate,
}

/// Loads run `run_id` with what its files need.
pub fn run_context(conn: &Connection, run_id: i64) -> Result<RunContext> {
    let run = load_run(conn, run_id)?;
    let brand: String = conn.query_row(
        "SELECT brand_name FROM workspace_settings WHERE id = 1",
        [],
        |r| r.get(0),
    )?;
    let currency = Currency::parse(&run.summary.currency).ok_or_else(|| {
        Error::BadFile(format!(
            "payout run {run_id} has the currency {:?}",
            run.summary.currency
        ))
    })?;
    let cutoff = day(&run.summary.cutoff, run_id)?;
    // The previous run: the one this run recorded when it was finalised, else (a draft) the
    // last finalised one.
    let previous: Option<String> = conn
        .query_row(
            "SELECT p.cutoff FROM payout_runs r JOIN payout_runs p ON p.id = r.previous_run_id WHERE r.id = ?1",
            [run_id],
            |r| r.get(0),
        )
        .optional()?;
    let period_from = match previous {
        Some(text) => day(&text, run_id)?.succ_opt(),
        None => None,
    };
    Ok(RunContext {
        run,
        brand,
        currency,
        period_from,
        cutoff,
    })
}

fn day(text: &str, run_id: i64) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| Error::BadFile(format!("payout run {run_id} has the day {text:?}")))
}

/// A day as people write it: `30 November 2026`, `30 november 2026`.
pub fn long_date(d: NaiveDate, language: SheetLanguage) -> String {
    use chrono::Datelike;
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let month = d.month0() as usize;
    let name = if language == SheetLanguage::Dutch {
        NL[month]
    } else {
        EN[month]
    };
    format!("{} {name} {}", d.day(), d.year())
}

/// `1 November to 30 November 2026` / `1 november t/m 30 november 2026`; `up to …` without a
/// previous run.
pub fn period_words(from: Option<NaiveDate>, to: NaiveDate, language: SheetLanguage) -> String {
    let dutch = language == SheetLanguage::Dutch;
    match from {
        Some(from) if from <= to => {
            format!(
                "{} {} {}",
                long_date(from, language),
                if dutch { "t/m" } else { "to" },
                long_date(to, language)
            )
        }
        _ => format!(
            "{} {}",
            if dutch { "t/m" } else { "up to" },
            long_date(to, language)
        ),
    }
}

/// Where a creator stands, in the sheet's language.
pub fn standing_words(c: &RunCreator, language: SheetLanguage) -> String {
    let dutch = language == SheetLanguage::Dutch;
    match c.outcome {
        "payable" => match (&c.paid_on, &c.paid_reference) {
            (Some(on), Some(reference)) => {
                let on = NaiveDate::parse_from_str(on, "%Y-%m-%d")
                    .map(|d| long_date(d, language))
                    .unwrap_or_else(|_| on.clone());
                if dutch {
                    format!("Betaald op {on} ({reference})")
                } else {
                    format!("Paid on {on} ({reference})")
                }
            }
            _ => (if dutch { "Uit te betalen" } else { "Payable" }).to_string(),
        },
        "carried" => {
            let why = match (c.reason_code.as_str(), dutch) {
                ("below_zero", false) => "below zero",
                ("below_zero", true) => "onder nul",
                (_, false) => "below the minimum payout",
                (_, true) => "onder het minimum voor uitbetaling",
            };
            if dutch {
                format!("Doorgeschoven: {why}")
            } else {
                format!("Carried: {why}")
            }
        }
        _ => {
            let why = blocked_words(&c.reason_code, dutch);
            if dutch {
                format!("Geblokkeerd: {why}")
            } else {
                format!("Blocked: {why}")
            }
        }
    }
}

/// What a blocked creator misses, short.
pub fn blocked_words(code: &str, dutch: bool) -> &'static str {
    match (code, dutch) {
        ("payout_method_missing", false) => "no payout method",
        ("payout_method_missing", true) => "geen uitbetaalmethode",
        ("paypal_email_missing", false) => "no PayPal email",
        ("paypal_email_missing", true) => "geen PayPal-e-mailadres",
        ("invalid_email", false) => "the PayPal email is not an email address",
        ("invalid_email", true) => "het PayPal-e-mailadres klopt niet",
        ("iban_missing", false) => "no IBAN",
        ("iban_missing", true) => "geen IBAN",
        ("invalid_iban", false) => "the IBAN is not valid",
        ("invalid_iban", true) => "de IBAN klopt niet",
        ("account_holder_missing", false) => "no account holder",
        ("account_holder_missing", true) => "geen rekeninghouder",
        (_, false) => "payout details missing",
        (_, true) => "uitbetaalgegevens ontbreken",
    }
}

/// The payout sheet of the run.
pub fn run_sheet(ctx: &RunContext, language: SheetLanguage) -> Sheet {
    let dutch = language == SheetLanguage::Dutch;
    let id = ctx.run.summary.id;
    let mut period = format!(
        "{} {id} · {}",
        if dutch { "Uitbetaling" } else { "Payout run" },
        period_words(ctx.period_from, ctx.cutoff, language)
    );
    if ctx.run.summary.state == RunState::Draft {
        period.push_str(if dutch {
            " · concept, nog niet afgesloten"
        } else {
            " · draft, not finalised"
        });
    }
    let rows = ctx
        .run
        .creators
        .iter()
        .map(|c| SheetRow {
            name: c.name.clone(),
            method: c.method,
            destination: if c.method == "bank" {
                crate::roster::validate::format_iban(&c.destination)
            } else {
                c.destination.clone()
            },
            commissions: c.commissions_minor,
            fees: c.fees_minor,
            adjustments: c.adjustments_minor,
            carried_in: c.carried_in_minor,
            payable: c.to_pay_minor(),
            standing: standing_words(c, language),
        })
        .collect();
    Sheet {
        brand: ctx.brand.clone(),
        period,
        currency: ctx.currency,
        rows,
    }
}

fn finalised(ctx: &RunContext) -> Result<()> {
    if ctx.run.summary.state == RunState::Finalised {
        return Ok(());
    }
    Err(Error::Validation(vec![FieldError::new(
        "run",
        "payout_run_not_finalised",
        format!(
            "Run {} is a draft: finalise it before you export the files that pay it.",
            ctx.run.summary.id
        ),
    )]))
}

fn on_rail<'a>(ctx: &'a RunContext, method: &str, rail: &str) -> Result<Vec<&'a RunCreator>> {
    finalised(ctx)?;
    let creators: Vec<&RunCreator> = ctx
        .run
        .creators
        .iter()
        .filter(|c| c.outcome == "payable" && c.method == method)
        .collect();
    if creators.is_empty() {
        return Err(Error::Validation(vec![FieldError::new(
            "format",
            "payout_nobody_on_rail",
            format!(
                "Nobody in run {} is paid by {rail}, so there is no {rail} file to make.",
                ctx.run.summary.id
            ),
        )
        .with_value(rail)]));
    }
    Ok(creators)
}

/// The line a payment carries to the creator: `Studio Zon payout 1 November to 30 November 2026`.
fn payment_note(ctx: &RunContext) -> String {
    format!(
        "{} payout {}",
        ctx.brand,
        period_words(ctx.period_from, ctx.cutoff, SheetLanguage::English)
    )
}

/// The PayPal Payouts upload files of the run's creators paid by PayPal.
pub fn paypal_files(ctx: &RunContext) -> Result<Vec<RailFile>> {
    let id = ctx.run.summary.id;
    let note = payment_note(ctx);
    let payments: Vec<PaypalPayment> = on_rail(ctx, "paypal", "PayPal")?
        .into_iter()
        .map(|c| PaypalPayment {
            name: c.name.clone(),
            email: c.destination.clone(),
            amount: Money {
                minor: c.to_pay_minor(),
                currency: ctx.currency,
            },
            customer_id: format!("R{id}C{}", c.creator_id),
            note: note.clone(),
        })
        .collect();
    write_paypal(&payments)
}

/// Wise's batch files (EUR to IBAN) of the run's creators paid by bank transfer.
pub fn wise_files(ctx: &RunContext, emails: &dyn Fn(i64) -> String) -> Result<Vec<RailFile>> {
    let creators = on_rail(ctx, "bank", "bank transfer")?;
    euro_only(ctx, "Wise")?;
    let id = ctx.run.summary.id;
    let payments: Vec<WisePayment> = creators
        .into_iter()
        .map(|c| WisePayment {
            name: c.account_holder.clone(),
            email: emails(c.creator_id),
            reference: format!("Chorus R{id} C{}", c.creator_id),
            amount_cents: c.to_pay_minor(),
            iban: c.destination.clone(),
        })
        .collect();
    write_wise(&payments)
}

fn euro_only(ctx: &RunContext, rail: &str) -> Result<()> {
    if ctx.currency.code() == "EUR" {
        return Ok(());
    }
    Err(Error::Validation(vec![FieldError::new(
        "format",
        "payout_rail_euro_only",
        format!(
            "A {rail} file pays euros only, and this workspace pays in {}.",
            ctx.currency.code()
        ),
    )
    .with_value(ctx.currency.code())]))
}

/// The SEPA credit transfer XML of the run's creators paid by bank transfer, from the brand's
/// account (payout settings), asking the bank to pay on `execution_date`.
pub fn sepa_file(
    conn: &Connection,
    ctx: &RunContext,
    created_at: NaiveDateTime,
    execution_date: NaiveDate,
) -> Result<String> {
    let creators = on_rail(ctx, "bank", "bank transfer")?;
    euro_only(ctx, "SEPA")?;
    let settings = load_payout_settings(conn)?;
    let id = ctx.run.summary.id;
    // The file's identification is unique per workspace and run: a bank refuses a file it saw.
    let uid = workspace_uid(conn)?;
    let short: String = uid
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect::<String>()
        .to_ascii_uppercase();
    let remittance = payment_note(ctx);
    let batch = SepaBatch {
        message_id: format!("CHORUS-{short}-R{id}"),
        payment_id: format!("CHORUS-R{id}-EUR"),
        created_at,
        execution_date,
        debtor: Debtor {
            name: settings.brand_account_holder.clone(),
            iban: settings.brand_iban.clone(),
            bic: Some(settings.brand_bic.clone()).filter(|b| !b.is_empty()),
        },
        transfers: creators
            .into_iter()
            .map(|c| Transfer {
                name: c.account_holder.clone(),
                iban: c.destination.clone(),
                bic: None,
                amount_cents: c.to_pay_minor(),
                end_to_end_id: format!("CHORUS-R{id}-C{}", c.creator_id),
                remittance: remittance.clone(),
            })
            .collect(),
    };
    write_sepa(&batch)
}

/// The email of each creator (Wise tells the recipient when it has one).
pub fn creator_emails(conn: &Connection) -> Result<std::collections::HashMap<i64, String>> {
    let mut stmt = conn.prepare("SELECT id, email FROM creators WHERE email <> ''")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Writes one of a run's files to `path`, replacing a file there only once it is complete.
pub fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write as _;
    crate::roster::export::write_atomically(path, |file| file.write_all(bytes).map_err(|e| Error::io("write", path, e)))
}
