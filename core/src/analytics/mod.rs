//! Analytics: what posts did. A pure layer under "what worked" (no workspace, no SQL): the
//! results files people bring read as typed rows ([`results_file`]), the formulas and the
//! benchmarks they are shown beside, the signals and the report's typesetting. Over it, the two
//! modules that touch the workspace: [`results`] stores the counts (typed, imported, matched to
//! posts) and [`figures`] reads them back grouped, beside the benchmarks; [`creator_signals`]
//! gathers what the signals are worked out from, per creator and for a page of the roster.
//!
//! Contract:
//! - Every figure names its formula ([`formulas::FormulaId`], with its words in English and
//!   Dutch), and says which counts it used and which posts it left out.
//! - A figure is a [`Figure`]: a value or [`NotEnoughData`] with the reason (a count nobody gave,
//!   zero followers, no posts). Never a division error, a made-up zero or `NaN`.
//! - Rates are exact fractions ([`Ratio`]) until they are shown (a mean over thousands of
//!   accounts to 10^-24, see `Ratio::mean`): rounded once, to 0.01%, halves
//!   away from zero, and compared with benchmarks as shown. No float anywhere.
//! - Money results are [`Money`](crate::money::Money) rounded by the one money rule
//!   ([`crate::commissions::rounding`]); amounts in two currencies are never mixed ([`Refused`]).
//!
//! [`rate`] holds the exact numbers and the result types, [`formulas`] the post's counts and the
//! engagement rates, [`aggregates`] mean and median over posts, [`cost`] spend, CPM, CPE, CPC,
//! CPA and ROAS, [`emv`] earned media value, [`benchmarks`] the seed article's figures and the
//! sentences comparing with them; [`results_file`] the Meta export and mapped sheets read;
//! [`signals`] the authenticity signals (follower jumps with no post, engagement far below the
//! tier, unusual comments to likes, reach far below followers), each with its reason and numbers;
//! [`report`] the campaign's client report typeset as PDF from figures already worded, and
//! [`campaign_report`] those figures gathered from the workspace and worded.

pub mod aggregates;
pub mod benchmarks;
pub mod campaign_report;
pub mod cost;
pub mod creator_signals;
pub mod emv;
pub mod figures;
pub mod formulas;
pub mod rate;
pub mod report;
pub mod results;
pub mod results_file;
pub mod settings;
pub mod signals;

#[cfg(test)]
mod aggregates_tests;
#[cfg(test)]
mod benchmarks_tests;
#[cfg(test)]
mod cost_tests;
#[cfg(test)]
mod creator_signals_tests;
#[cfg(test)]
mod figures_tests;
#[cfg(test)]
mod formulas_tests;
#[cfg(test)]
mod report_tests;
#[cfg(test)]
mod signals_tests;

pub use formulas::{Count, FormulaId, PostCounts};
pub use rate::{Figure, NotEnoughData, Ratio, Refused};
