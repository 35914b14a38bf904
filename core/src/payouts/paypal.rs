//! PayPal Payouts' upload file (mass pay): one payment a row, no header, the columns recipient
//! (the PayPal email), amount, currency, customer ID, note and wallet (`PAYPAL`).
//!
//! Contract: pure; every problem at once, at its field (`payments.3.email`, …), nothing
//! written. One currency per file and at most [`ROWS_PER_FILE`] rows a file, as PayPal takes
//! them: a batch is split into [`RailFile`]s by currency (in the order they first appear) and
//! then by rows. Amounts in the currency's machine format (`12.34`, `1500` for JPY), above
//! zero. The customer ID is the caller's (it ties a payment to its run line): 1–30 characters
//! without spaces. The note is cut at 400 characters. Every text cell is formula-safe.

use super::RailFile;
use crate::error::{Error, FieldError, Result};
use crate::money::{format_plain, Currency, Money};
use crate::roster::import::defuse;

pub const ROWS_PER_FILE: usize = 5_000;
const CUSTOMER_ID_MAX: usize = 30;
const NOTE_MAX: usize = 400;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaypalPayment {
    /// The creator's name, for the problems' sentences only (the file has no name column).
    pub name: String,
    pub email: String,
    pub amount: Money,
    pub customer_id: String,
    pub note: String,
}

/// The upload files of `payments`, or every problem with them.
pub fn write_paypal(payments: &[PaypalPayment]) -> Result<Vec<RailFile>> {
    let mut problems = Vec::new();
    for (at, p) in payments.iter().enumerate() {
        let field = |f: &str| format!("payments.{at}.{f}");
        let who = p.name.trim();
        let email = p.email.trim();
        if email.is_empty() {
            problems.push(FieldError::new(field("email"), "paypal_email_missing", format!("{who} has no PayPal email: add it to their payout details.")));
        } else if !email_address::EmailAddress::is_valid(email) {
            problems.push(FieldError::new(field("email"), "invalid_email", format!("{who}'s PayPal email “{email}” is not an email address.")).with_value(email));
        }
        if p.amount.minor <= 0 {
            let shown = format_plain(p.amount.minor, p.amount.currency);
            problems.push(FieldError::new(field("amount"), "payout_amount_not_positive", format!("{who} would be paid {shown}: a payment needs an amount above zero.")).with_value(shown));
        }
        let id = p.customer_id.as_str();
        if id.is_empty() || id.chars().count() > CUSTOMER_ID_MAX || id.chars().any(char::is_whitespace) {
            problems.push(
                FieldError::new(field("customer_id"), "paypal_bad_customer_id", format!("The customer ID “{id}” of {who}'s payment must be 1 to {CUSTOMER_ID_MAX} characters without spaces."))
                    .with_value(id),
            );
        }
    }
    if !problems.is_empty() {
        return Err(Error::Validation(problems));
    }
    let mut currencies: Vec<Currency> = Vec::new();
    for p in payments {
        if !currencies.contains(&p.amount.currency) {
            currencies.push(p.amount.currency);
        }
    }
    let mut files = Vec::new();
    for currency in currencies {
        let of_currency: Vec<&PaypalPayment> = payments.iter().filter(|p| p.amount.currency == currency).collect();
        for (part, chunk) in of_currency.chunks(ROWS_PER_FILE).enumerate() {
            let mut w = csv::WriterBuilder::new().has_headers(false).terminator(csv::Terminator::CRLF).from_writer(Vec::new());
            for p in chunk {
                let note: String = p.note.trim().chars().take(NOTE_MAX).collect();
                let amount = format_plain(p.amount.minor, currency);
                let row = [defuse(p.email.trim()), amount.as_str().into(), currency.code().into(), defuse(&p.customer_id), defuse(&note), "PAYPAL".into()];
                w.write_record(row.iter().map(|c| c.as_ref())).map_err(|_| Error::BadFile("The PayPal file could not be written.".into()))?;
            }
            let bytes = w.into_inner().map_err(|_| Error::BadFile("The PayPal file could not be written.".into()))?;
            let text = String::from_utf8(bytes).map_err(|_| Error::BadFile("The PayPal file could not be written.".into()))?;
            files.push(RailFile { currency, part: part + 1, rows: chunk.len(), text });
        }
    }
    Ok(files)
}
