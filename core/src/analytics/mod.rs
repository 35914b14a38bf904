//! Analytics: what posts did. So far the pure layer under "what worked": the results files
//! people bring read as typed rows ([`results_file`]), and the formulas and the benchmarks they
//! are shown beside. No workspace, no SQL: a view, a chart, the CLI or a report gathers the raw
//! counts and calls these.
//!
//! Contract:
//! - Every figure names its formula ([`formulas::FormulaId`], with its words in English and
//!   Dutch), and says which counts it used and which posts it left out.
//! - A figure is a [`Figure`]: a value or [`NotEnoughData`] with the reason (a count nobody gave,
//!   zero followers, no posts). Never a division error, a made-up zero or `NaN`.
//! - Rates are exact fractions ([`Ratio`]) until they are shown: rounded once, to 0.01%, halves
//!   away from zero, and compared with benchmarks as shown. No float anywhere.
//! - Money results are [`Money`](crate::money::Money) rounded by the one money rule
//!   ([`crate::commissions::rounding`]); amounts in two currencies are never mixed ([`Refused`]).
//!
//! [`rate`] holds the exact numbers and the result types, [`formulas`] the post's counts and the
//! engagement rates, [`aggregates`] mean and median over posts, [`cost`] spend, CPM, CPE, CPC,
//! CPA and ROAS, [`emv`] earned media value, [`benchmarks`] the seed article's figures and the
//! sentences comparing with them; [`results_file`] the Meta export and mapped sheets read;
//! [`report`] the campaign's client report typeset as PDF from figures already worded.

pub mod aggregates;
pub mod benchmarks;
pub mod cost;
pub mod emv;
pub mod formulas;
pub mod rate;
pub mod report;
pub mod results_file;

#[cfg(test)]
mod aggregates_tests;
#[cfg(test)]
mod benchmarks_tests;
#[cfg(test)]
mod cost_tests;
#[cfg(test)]
mod formulas_tests;
#[cfg(test)]
mod report_tests;

pub use formulas::{Count, FormulaId, PostCounts};
pub use rate::{Figure, NotEnoughData, Ratio, Refused};
