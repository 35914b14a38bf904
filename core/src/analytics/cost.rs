//! Cost and return: spend, CPM, CPE, CPC, CPA and ROAS ([`super::emv`] for earned media value).
//!
//! Contract: spend and revenue are [`Money`]; amounts in two currencies are refused
//! ([`Refused::MixedCurrencies`]), never converted here. A cost is rounded once, to the minor
//! unit, halves away from zero, by the codebase's one rule ([`rounding::apply_ratio`]); ROAS is an
//! exact [`Ratio`]. A count to divide by that is unknown or 0 gives no figure
//! ([`NotEnoughData`]). An amount below zero is refused: nobody spends or earns less than
//! nothing here, so it is a mistake in the figures.

use super::formulas::{divisor, interactions, Count, PostCounts};
use super::rate::{Figure, NotEnoughData, Ratio, Refused};
use crate::commissions::rounding;
use crate::money::Money;

/// The spend of a collaboration or a group of them: cash fees + retail value of the gifted
/// products + commissions paid, all in one currency. No parts, no figure.
pub fn spend_total(parts: &[Money]) -> Result<Figure<Money>, Refused> {
    let Some(first) = parts.first() else {
        return Ok(Figure::lacking(NotEnoughData::NoSpend));
    };
    let mut total: i64 = 0;
    for part in parts {
        same_currency(*first, *part)?;
        not_negative(*part)?;
        total = total.checked_add(part.minor).ok_or(Refused::TooLarge)?;
    }
    Ok(Figure::Value(Money { minor: total, currency: first.currency }))
}

/// CPM = spend ÷ impressions × 1,000.
pub fn cpm(spend: Money, impressions: Option<i64>) -> Result<Figure<Money>, Refused> {
    cost_per(spend, divisor(impressions, Count::Impressions), 1_000)
}

/// CPE = spend ÷ (likes + comments + shares + saves), the interactions counted as engagement
/// rates count them ([`interactions`]: shares and saves where known).
pub fn cpe(spend: Money, counts: &PostCounts) -> Result<Figure<Money>, Refused> {
    let engagements = interactions(counts).and_then(|i| match i.total {
        0 => Err(NotEnoughData::NoInteractions),
        total => i64::try_from(total).map_err(|_| NotEnoughData::TooLarge),
    });
    cost_per(spend, engagements, 1)
}

/// CPC = spend ÷ link clicks.
pub fn cpc(spend: Money, link_clicks: Option<i64>) -> Result<Figure<Money>, Refused> {
    cost_per(spend, divisor(link_clicks, Count::LinkClicks), 1)
}

/// CPA = spend ÷ conversions (the orders attributed to the collaborations spent on).
pub fn cpa(spend: Money, orders: Option<i64>) -> Result<Figure<Money>, Refused> {
    cost_per(spend, divisor(orders, Count::Orders), 1)
}

/// ROAS = attributed revenue ÷ spend, exact (3/1 is 300%: three of revenue for each one spent).
pub fn roas(revenue: Money, spend: Money) -> Result<Figure<Ratio>, Refused> {
    same_currency(revenue, spend)?;
    not_negative(revenue)?;
    not_negative(spend)?;
    if spend.minor == 0 {
        return Ok(Figure::lacking(NotEnoughData::NoSpend));
    }
    Ok(Figure::Value(Ratio::new(i128::from(revenue.minor), i128::from(spend.minor)).expect("an i64 over a positive i64 is below the limit")))
}

/// `spend × per ÷ count`, rounded once.
fn cost_per(spend: Money, count: Result<i64, NotEnoughData>, per: i128) -> Result<Figure<Money>, Refused> {
    not_negative(spend)?;
    let count = match count {
        Ok(count) => count,
        Err(reason) => return Ok(Figure::lacking(reason)),
    };
    let minor = rounding::apply_ratio(spend.minor, per, i128::from(count)).map_err(|_| Refused::TooLarge)?;
    Ok(Figure::Value(Money { minor, currency: spend.currency }))
}

pub(crate) fn same_currency(a: Money, b: Money) -> Result<(), Refused> {
    if a.currency == b.currency {
        Ok(())
    } else {
        Err(Refused::MixedCurrencies { first: a.currency, second: b.currency })
    }
}

pub(crate) fn not_negative(amount: Money) -> Result<(), Refused> {
    if amount.minor < 0 {
        Err(Refused::NegativeAmount)
    } else {
        Ok(())
    }
}
