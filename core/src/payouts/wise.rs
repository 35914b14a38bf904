//! Wise's batch payment file, to bank accounts in EUR: the exact header
//! `name,recipientEmail,paymentReference,receiverType,amountCurrency,amount,sourceCurrency,targetCurrency,IBAN`,
//! every field quoted, one payment a row (`PERSON`, the amount in the `source` currency, EUR
//! to EUR).
//!
//! Contract: pure; every problem at once, at its field (`payments.3.iban`, …), nothing
//! written. At most [`ROWS_PER_FILE`] rows a file (Wise's limit): a batch is split into
//! [`RailFile`]s, each with the header. The payment reference is the caller's, 1–35
//! characters (Wise's limit for EUR). IBANs checked and written compact in upper case; the
//! recipient's email is optional. Every text cell is formula-safe.

use super::{euro, RailFile};
use crate::error::{Error, FieldError, Result};
use crate::money::format_plain;
use crate::roster::import::defuse;

pub const ROWS_PER_FILE: usize = 1_000;
pub const HEADER: [&str; 9] = ["name", "recipientEmail", "paymentReference", "receiverType", "amountCurrency", "amount", "sourceCurrency", "targetCurrency", "IBAN"];
const REFERENCE_MAX: usize = 35;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WisePayment {
    /// The account holder's name, as the bank knows the account.
    pub name: String,
    /// Optional: Wise tells the recipient by email when given.
    pub email: String,
    pub reference: String,
    pub amount_cents: i64,
    pub iban: String,
}

/// The batch files of `payments`, or every problem with them.
pub fn write_wise(payments: &[WisePayment]) -> Result<Vec<RailFile>> {
    let mut problems = Vec::new();
    let mut ibans = Vec::with_capacity(payments.len());
    for (at, p) in payments.iter().enumerate() {
        let field = |f: &str| format!("payments.{at}.{f}");
        let who = p.name.trim();
        if who.is_empty() {
            problems.push(FieldError::new(field("name"), "wise_name_missing", format!("Payment {} has no account holder's name.", at + 1)));
        }
        let email = p.email.trim();
        if !email.is_empty() && !email_address::EmailAddress::is_valid(email) {
            problems.push(FieldError::new(field("email"), "invalid_email", format!("{who}'s email “{email}” is not an email address.")).with_value(email));
        }
        let iban = crate::roster::validate::compact_iban(&p.iban);
        if iban.is_empty() {
            problems.push(FieldError::new(field("iban"), "wise_iban_missing", format!("{who} has no IBAN: add it to their payout details.")));
        } else if iban.parse::<iban::Iban>().is_err() {
            problems.push(FieldError::new(field("iban"), "invalid_iban", format!("{who}'s IBAN “{}” is not a valid IBAN: check for a typo.", p.iban.trim())).with_value(p.iban.trim()));
        }
        ibans.push(iban);
        if p.amount_cents <= 0 {
            let shown = format_plain(p.amount_cents, euro());
            problems.push(FieldError::new(field("amount"), "payout_amount_not_positive", format!("{who} would be paid {shown}: a payment needs an amount above zero.")).with_value(shown));
        }
        let reference = p.reference.trim();
        if reference.is_empty() || reference.chars().count() > REFERENCE_MAX {
            problems.push(
                FieldError::new(field("reference"), "wise_bad_reference", format!("The reference “{reference}” of {who}'s payment must be 1 to {REFERENCE_MAX} characters.")).with_value(reference),
            );
        }
    }
    if !problems.is_empty() {
        return Err(Error::Validation(problems));
    }
    let failed = || Error::BadFile("The Wise file could not be written.".into());
    let mut files = Vec::new();
    let rows: Vec<(&WisePayment, &String)> = payments.iter().zip(&ibans).collect();
    for (part, chunk) in rows.chunks(ROWS_PER_FILE).enumerate() {
        let mut w = csv::WriterBuilder::new().quote_style(csv::QuoteStyle::Always).terminator(csv::Terminator::CRLF).from_writer(Vec::new());
        w.write_record(HEADER).map_err(|_| failed())?;
        for (p, iban) in chunk {
            let amount = format_plain(p.amount_cents, euro());
            let row = [defuse(p.name.trim()), defuse(p.email.trim()), defuse(p.reference.trim()), "PERSON".into(), "source".into(), amount.as_str().into(), "EUR".into(), "EUR".into(), iban.as_str().into()];
            w.write_record(row.iter().map(|c| c.as_ref())).map_err(|_| failed())?;
        }
        let text = String::from_utf8(w.into_inner().map_err(|_| failed())?).map_err(|_| failed())?;
        files.push(RailFile { currency: euro(), part: part + 1, rows: chunk.len(), text });
    }
    Ok(files)
}
