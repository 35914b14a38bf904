//! Payouts: paying creators what the ledger says they earned (issue 10; the design is
//! `docs/decisions/0011-payout-runs.md`). Built so far, pure and with no database: [`plan`]
//! (what a run decides per creator: payable, carried or blocked, and what it takes), the
//! payout [`sheet`] (XLSX and CSV), and the rails' files — [`sepa`] (the SEPA credit transfer XML a European business bank accepts for a
//! batch of transfers), [`paypal`] (PayPal Payouts' upload file) and [`wise`] (Wise's batch
//! payment file to IBANs).

pub mod adjustments;
pub mod export;
pub mod fees;
pub mod owed;
pub mod paypal;
pub mod plan;
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
mod statement_tests;
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

pub(crate) fn euro() -> Currency {
    Currency::parse("EUR").expect("EUR is an ISO currency")
}
