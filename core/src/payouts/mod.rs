//! Payouts: paying creators what the ledger says they earned (issue 10; the design is
//! `docs/decisions/0011-payout-runs.md`). Built so far: the pure file writers that need no
//! database — [`sepa`], the SEPA credit transfer XML a European business bank accepts for a
//! batch of transfers.

pub mod sepa;
#[cfg(test)]
mod sepa_tests;
