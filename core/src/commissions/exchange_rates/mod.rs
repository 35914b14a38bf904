//! The dated exchange-rate table the user keeps, and converting an amount at the rate for a
//! date. A rate is kept exactly as written ([`ExactRate`]: digits and a scale, never a float):
//! `1 from = rate to` on a date. Rates come typed ([`DatedRate::typed`], for `chorus rates set`)
//! or from the ECB reference rates ([`ecb`]).
//!
//! Converting ([`RateTable::convert`]) takes the latest rate on or before the order's date,
//! at most [`DEFAULT_MAX_RATE_AGE_DAYS`] days old (the ECB publishes no rate on weekends and
//! holidays; the longest gap, Good Friday to Easter Monday, is four days; a week keeps an
//! order of a holiday Monday counted without taking a forgotten table for a current one). A
//! pair with no rate of its own is taken the other way round (`1 / rate`) or through EUR
//! (USD → EUR → GBP), as the ECB's rates are all from EUR. A missing or too old rate is a
//! refusal naming the currency and the date: nothing is guessed, and the order waits. The
//! rates used come back with the converted amount, for the commission line to show. The amount
//! is rounded once, in [`super::rounding`].

pub mod ecb;

use super::rounding::{convert_minor, divide_rounded, too_large};
use super::rules::money_text;
use super::{Refusal, Wording};
use crate::money::{Currency, Money};
use crate::numbers::{read_decimal, Spelling};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// How old a rate may be, in days before the date it is used for.
pub const DEFAULT_MAX_RATE_AGE_DAYS: u32 = 7;

/// A positive decimal kept exactly: `units / 10^scale` (1.0163 = 10163 / 10^4), without
/// trailing zeros, so equal rates are equal values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct ExactRate {
    pub units: u64,
    pub scale: u32,
}

/// The most decimals a rate may have.
pub const MAX_RATE_SCALE: u32 = 12;

impl ExactRate {
    /// Reads a rate: `1.0163`, `1,0163`, `163.45`, `17.234,56`. With the spelling unknown (a
    /// file, the CLI) one separator is always the decimal mark (a rate's digits are never
    /// grouped by the ECB); with a known spelling, the spelling's mark. Refused: not a number,
    /// zero, below zero, more than 12 decimals or 18 digits.
    pub fn parse(text: &str, spelling: Spelling) -> Result<ExactRate, Refusal> {
        let shown = text.trim().to_string();
        let bad = |code: &'static str, why: &str| Refusal::new(code, &[("text", shown.clone())], format!("“{shown}” is not an exchange rate: {why}"));
        if shown.starts_with('-') {
            return Err(bad("rate_not_positive", "a rate is above zero."));
        }
        let spelling = match spelling {
            Spelling::Unknown if shown.contains(',') && !shown.contains('.') => Spelling::Dutch,
            Spelling::Unknown if shown.contains('.') && !shown.contains(',') => Spelling::English,
            s => s,
        };
        let d = read_decimal(&shown, spelling).ok_or_else(|| bad("rate_not_a_number", "write it as a number such as 1.0163."))?;
        let fraction = d.fraction.trim_end_matches('0');
        if fraction.len() as u32 > MAX_RATE_SCALE {
            return Err(bad("rate_too_precise", "a rate has at most 12 decimals."));
        }
        let digits = format!("{}{fraction}", d.whole.trim_start_matches('0'));
        let units: u64 = if digits.is_empty() { 0 } else { digits.parse().ok().filter(|_| digits.len() <= 18).ok_or_else(|| bad("rate_too_large", "it has more than 18 digits."))? };
        if units == 0 {
            return Err(bad("rate_not_positive", "a rate is above zero."));
        }
        Ok(ExactRate::new(units, fraction.len() as u32))
    }

    fn new(mut units: u64, mut scale: u32) -> ExactRate {
        while scale > 0 && units.is_multiple_of(10) {
            units /= 10;
            scale -= 1;
        }
        ExactRate { units, scale }
    }
}

impl fmt::Display for ExactRate {
    /// `1.0163`: as written, without trailing zeros.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = format!("{:0>width$}", self.units, width = self.scale as usize + 1);
        let (whole, fraction) = digits.split_at(digits.len() - self.scale as usize);
        if fraction.is_empty() { write!(f, "{whole}") } else { write!(f, "{whole}.{fraction}") }
    }
}

/// One rate of the table: on `date`, 1 `from` = `rate` `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DatedRate {
    pub date: NaiveDate,
    pub from: Currency,
    pub to: Currency,
    pub rate: ExactRate,
}

/// Reads a date as people type it for a rate: `2026-06-10` or `10-06-2026` (Dutch), or as the
/// ECB's daily CSV writes it: `10 June 2026`.
pub fn read_rate_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    ["%Y-%m-%d", "%d-%m-%Y", "%d %B %Y", "%d/%m/%Y"].iter().find_map(|f| NaiveDate::parse_from_str(t, f).ok())
}

impl DatedRate {
    /// A rate as typed (`chorus rates set <date> <from> <to> <rate>`), every part checked.
    pub fn typed(date: &str, from: &str, to: &str, rate: &str, spelling: Spelling) -> Result<DatedRate, Refusal> {
        let date_text = date.trim().to_string();
        let date = read_rate_date(date).ok_or_else(|| Refusal::new("rate_date_invalid", &[("text", date_text.clone())], format!("“{date_text}” is not a date: write it as 2026-06-10.")))?;
        let currency = |text: &str| {
            let t = text.trim().to_string();
            Currency::parse(&t).ok_or_else(|| Refusal::new("currency_unknown", &[("text", t.clone())], format!("“{t}” is not a currency code: write three letters such as EUR or USD.")))
        };
        let (from, to) = (currency(from)?, currency(to)?);
        if from == to {
            return Err(Refusal::new("rate_same_currency", &[("currency", from.code().into())], format!("A rate from {from} to {from} is always 1; give two different currencies.")));
        }
        Ok(DatedRate { date, from, to, rate: ExactRate::parse(rate, spelling)? })
    }
}

/// One rate a conversion used, the way it was used: `inverted` when the table had the pair the
/// other way round (then 1 `to` = `rate.rate` `from` was stored, and 1 / rate was used).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RateUsed {
    pub stored: DatedRate,
    pub inverted: bool,
}

/// An amount converted, with the rates it took.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conversion {
    pub original: Money,
    pub amount: Money,
    /// The date asked for (the order's date).
    pub date: NaiveDate,
    /// One rate, or two through EUR; none when the currencies were the same.
    pub rates: Vec<RateUsed>,
    /// `1 USD = 0.983961 EUR`: the rate as a whole, at six decimals, for showing only.
    pub shown_rate: String,
    pub explanation: Wording,
}

/// The dated rates the user keeps for one workspace.
#[derive(Debug, Clone, Default)]
pub struct RateTable {
    rates: BTreeMap<(&'static str, &'static str), BTreeMap<NaiveDate, DatedRate>>,
}

impl RateTable {
    pub fn new() -> RateTable {
        RateTable::default()
    }

    /// Adds or replaces the rate of a pair on a date; the rate it replaced, if any.
    pub fn insert(&mut self, rate: DatedRate) -> Option<DatedRate> {
        self.rates.entry((rate.from.code(), rate.to.code())).or_default().insert(rate.date, rate)
    }

    pub fn len(&self) -> usize {
        self.rates.values().map(BTreeMap::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The latest rate of `from` → `to` (or the other way round) on or before `date`.
    fn latest(&self, from: Currency, to: Currency, date: NaiveDate) -> Option<RateUsed> {
        let find = |a: Currency, b: Currency| self.rates.get(&(a.code(), b.code())).and_then(|m| m.range(..=date).next_back()).map(|(_, r)| *r);
        match (find(from, to), find(to, from)) {
            (Some(direct), Some(other)) if other.date > direct.date => Some(RateUsed { stored: other, inverted: true }),
            (Some(direct), _) => Some(RateUsed { stored: direct, inverted: false }),
            (None, Some(other)) => Some(RateUsed { stored: other, inverted: true }),
            (None, None) => None,
        }
    }

    /// A rate of `from` → `to` for `date`, no older than `max_age_days`, or the refusal that
    /// names `named` (the currency that is not EUR) and the date.
    fn leg(&self, from: Currency, to: Currency, named: Currency, date: NaiveDate, max_age_days: u32) -> Result<RateUsed, Refusal> {
        let params = |extra: Option<NaiveDate>| {
            let mut p = vec![("currency", named.code().to_string()), ("from", from.code().to_string()), ("to", to.code().to_string()), ("date", date.to_string()), ("max_age_days", max_age_days.to_string())];
            if let Some(latest) = extra {
                p.push(("latest", latest.to_string()));
            }
            p
        };
        match self.latest(from, to, date) {
            Some(used) if (date - used.stored.date).num_days() <= i64::from(max_age_days) => Ok(used),
            Some(used) => Err(Refusal::new(
                "rate_too_old",
                &params(Some(used.stored.date)),
                format!("The latest rate for {named} is of {}, more than {max_age_days} days before {date}: add the rate of {date} (or import the ECB rates) and the order will be counted.", used.stored.date),
            )),
            None => Err(Refusal::new(
                "rate_missing",
                &params(None),
                format!("There is no exchange rate for {named} on or before {date}: add it (or import the ECB rates) and the order will be counted."),
            )),
        }
    }

    /// `amount` in `to` at the rate for `date` (see the module's words).
    pub fn convert(&self, amount: Money, to: Currency, date: NaiveDate, max_age_days: u32) -> Result<Conversion, Refusal> {
        let from = amount.currency;
        let eur = Currency::parse("EUR").expect("EUR is a currency");
        let rates = if from == to {
            Vec::new()
        } else if let Some(direct) = self.latest(from, to, date).filter(|u| (date - u.stored.date).num_days() <= i64::from(max_age_days)) {
            vec![direct]
        } else if from == eur || to == eur {
            let named = if from == eur { to } else { from };
            vec![self.leg(from, to, named, date, max_age_days)?]
        } else {
            vec![self.leg(from, eur, from, date, max_age_days)?, self.leg(eur, to, to, date, max_age_days)?]
        };
        let (mut numerator, mut denominator) = (1i128, 1i128);
        for used in &rates {
            let units = i128::from(used.stored.rate.units);
            let scale = 10i128.pow(used.stored.rate.scale);
            let (n, d) = if used.inverted { (scale, units) } else { (units, scale) };
            numerator = numerator.checked_mul(n).ok_or_else(too_large)?;
            denominator = denominator.checked_mul(d).ok_or_else(too_large)?;
        }
        let converted = Money { minor: convert_minor(amount.minor, from.exponent(), to.exponent(), numerator, denominator)?, currency: to };
        let shown_rate = format!("1 {from} = {} {to}", six_decimals(numerator, denominator));
        let explanation = explain(amount, converted, &shown_rate, &rates, date);
        Ok(Conversion { original: amount, amount: converted, date, rates, shown_rate, explanation })
    }
}

/// `numerator / denominator` at six decimals, for showing a rate (never for money).
fn six_decimals(numerator: i128, denominator: i128) -> String {
    match numerator.checked_mul(1_000_000).and_then(|n| divide_rounded(n, denominator)) {
        Some(millionths) => format!("{}.{:06}", millionths / 1_000_000, millionths % 1_000_000),
        None => "?".into(),
    }
}

fn explain(original: Money, converted: Money, shown_rate: &str, rates: &[RateUsed], date: NaiveDate) -> Wording {
    let mut params = vec![("original", money_text(original)), ("amount", money_text(converted)), ("rate", shown_rate.to_string()), ("date", date.to_string())];
    if rates.is_empty() {
        return Wording::new("same_currency", &params, format!("{} needs no conversion.", money_text(original)));
    }
    let legs: Vec<String> = rates
        .iter()
        .map(|u| {
            let r = u.stored;
            let late = if r.date < date { format!(" (no rate on {date}: the latest before it)") } else { String::new() };
            let inverted = if u.inverted { ", taken the other way round" } else { "" };
            format!("1 {} = {} {} of {}{late}{inverted}", r.from, r.rate, r.to, r.date)
        })
        .collect();
    params.push(("rate_dates", rates.iter().map(|u| u.stored.date.to_string()).collect::<Vec<_>>().join(",")));
    let english = format!("{} = {} at {shown_rate} (rate {}).", money_text(original), money_text(converted), legs.join("; then "));
    Wording::new(if rates.len() == 2 { "converted_via_eur" } else { "converted" }, &params, english)
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
