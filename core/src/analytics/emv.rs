//! EMV (earned media value) = Σ each count × the value the user sets for it.
//!
//! Units: views and impressions are valued per 1,000 (as media is bought), everything else per
//! one, in minor units of the values' currency. Views and impressions both count how often the
//! post was seen (Instagram replaced impressions by views in 2025), so EMV counts that once:
//! views where they are known and valued, impressions otherwise; the other is listed as counted
//! once. Reach, followers and orders are no media value and take no value.
//!
//! Rounding: a per-one line is exact; the one per-1,000 line is rounded once, to the minor unit,
//! halves away from zero ([`rounding::apply_ratio`]), so the lines add up to the total exactly.
//!
//! [`DEFAULT_EMV_VALUES_EUR_CENTS`] are starting values for the user to edit, not a market price.

use super::cost::not_negative;
use super::formulas::{known, Count, PostCounts};
use super::rate::{Figure, NotEnoughData, Refused};
use crate::commissions::rounding;
use crate::money::{Currency, Money};
use serde::Serialize;
use std::collections::BTreeMap;

/// The counts EMV can value, in the order its lines are listed.
pub const EMV_COUNTS: [Count; 8] = [Count::Views, Count::Impressions, Count::Likes, Count::Comments, Count::Shares, Count::Saves, Count::LinkClicks, Count::ProfileFollows];

/// Starting values, in euro cents, that the user edits: per 1,000 views or impressions, per
/// one of the rest. Chosen as round figures near common social media prices; nobody's truth.
pub const DEFAULT_EMV_VALUES_EUR_CENTS: [(Count, i64); 8] = [
    (Count::Views, 500), // € 5.00 per 1,000
    (Count::Impressions, 500), // € 5.00 per 1,000
    (Count::Likes, 10), // € 0.10 each
    (Count::Comments, 50), // € 0.50
    (Count::Shares, 50), // € 0.50
    (Count::Saves, 50), // € 0.50
    (Count::LinkClicks, 100), // € 1.00
    (Count::ProfileFollows, 150), // € 1.50
];

/// How many of a count one value is for: 1,000 views or impressions, one of anything else.
pub fn valued_per(count: Count) -> i64 {
    match count {
        Count::Views | Count::Impressions => 1_000,
        _ => 1,
    }
}

/// The user's values per count, in one currency (minor units; see [`valued_per`]). A count
/// without a value is not counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmvValues {
    pub currency: Currency,
    pub values: BTreeMap<Count, i64>,
}

impl EmvValues {
    /// [`DEFAULT_EMV_VALUES_EUR_CENTS`], in euros.
    pub fn defaults() -> EmvValues {
        EmvValues { currency: Currency::parse("EUR").expect("EUR is a currency"), values: DEFAULT_EMV_VALUES_EUR_CENTS.into_iter().collect() }
    }
}

/// One count's part of an EMV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EmvLine {
    pub count: Count,
    pub quantity: i64,
    /// The user's value, for [`Self::per`] of the count.
    pub value: Money,
    pub per: i64,
    pub amount: Money,
}

/// Why a count is not in the EMV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotCounted {
    /// The post's counts do not have it.
    NotKnown,
    /// No value is set for it.
    NoValue,
    /// Impressions beside views: how often the post was seen is counted once.
    SeenCountedOnce,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Emv {
    pub total: Money,
    pub lines: Vec<EmvLine>,
    pub not_counted: Vec<(Count, NotCounted)>,
}

/// The EMV of a post's counts (or of several posts' [`PostCounts::total`]).
pub fn emv(counts: &PostCounts, values: &EmvValues) -> Result<Figure<Emv>, Refused> {
    if let Some(count) = values.values.keys().find(|c| !EMV_COUNTS.contains(c)) {
        return Err(Refused::NotAnEmvCount { count: *count });
    }
    let currency = values.currency;
    let mut out = Emv { total: Money { minor: 0, currency }, lines: Vec::new(), not_counted: Vec::new() };
    for count in EMV_COUNTS {
        let value = values.values.get(&count).copied();
        if let Some(minor) = value {
            not_negative(Money { minor, currency })?;
        }
        let quantity = match known(counts.get(count), count) {
            Ok(quantity) => quantity,
            Err(NotEnoughData::Unknown { .. }) => {
                out.not_counted.push((count, NotCounted::NotKnown));
                continue;
            }
            Err(reason) => return Ok(Figure::lacking(reason)),
        };
        let seen_already = count == Count::Impressions && out.lines.iter().any(|l| l.count == Count::Views);
        let Some(value) = value else {
            out.not_counted.push((count, NotCounted::NoValue));
            continue;
        };
        if seen_already {
            out.not_counted.push((count, NotCounted::SeenCountedOnce));
            continue;
        }
        let per = valued_per(count);
        let minor = rounding::apply_ratio(value, i128::from(quantity), i128::from(per)).map_err(|_| Refused::TooLarge)?;
        out.total.minor = out.total.minor.checked_add(minor).ok_or(Refused::TooLarge)?;
        out.lines.push(EmvLine { count, quantity, value: Money { minor: value, currency }, per, amount: Money { minor, currency } });
    }
    if out.lines.is_empty() {
        return Ok(Figure::lacking(NotEnoughData::NoValuedCounts));
    }
    Ok(Figure::Value(out))
}
