//! Payouts: paying creators what the ledger says they earned (issue 10; the design is
//! `docs/decisions/0011-payout-runs.md`). Built so far, pure and with no database: [`plan`]
//! (what a run decides per creator: payable, carried or blocked, and what it takes), the
//! payout [`sheet`] (XLSX and CSV), and the rails' files — [`sepa`] (the SEPA credit transfer XML a European business bank accepts for a
//! batch of transfers), [`paypal`] (PayPal Payouts' upload file) and [`wise`] (Wise's batch
//! payment file to IBANs).

pub mod adjustments;
pub mod export;
pub mod fees;
pub mod money_log;
pub mod owed;
pub mod paypal;
pub mod plan;
pub mod run_files;
pub mod runs;
pub mod sepa;
pub mod sheet;
pub mod statement;
pub mod statement_data;
pub mod wise;
#[cfg(test)]
mod export_tests;
#[cfg(test)]
mod plan_tests;
#[cfg(test)]
mod rails_tests;
#[cfg(test)]
mod runs_tests;
#[cfg(test)]
mod sepa_tests;
#[cfg(test)]
mod sheet_tests;
#[cfg(test)]
mod statement_data_tests;
#[cfg(test)]
pub(crate) mod statement_tests;
#[cfg(test)]
pub(crate) mod test_support;

use crate::money::Currency;

/// One file of a payment rail: a rail's limit on rows (or one currency per file) splits a
/// batch into several, numbered from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RailFile {
    pub currency: Currency,
    /// 1, 2, …: the file's place among those of its currency.
    pub part: usize,
    pub rows: usize,
    pub text: String,
}

/// A day as a person gives it (`2026-11-30` or `30-11-2026`), refused by `field` when unreadable.
pub fn typed_day(field: &str, text: &str) -> crate::Result<chrono::NaiveDate> {
    let t = text.trim();
    crate::campaigns::fields::parse_date(t).ok_or_else(|| {
        let shown: String = t.chars().take(40).collect();
        crate::Error::Validation(vec![crate::FieldError::new(field, "invalid_date", format!("“{shown}” is not a day: write it as 2026-11-30.")).with_value(shown)])
    })
}

pub(crate) fn euro() -> Currency {
    Currency::parse("EUR").expect("EUR is an ISO currency")
}
