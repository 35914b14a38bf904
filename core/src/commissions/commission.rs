//! The commission of one order under the rule that applies to it: the amount, the rate used and
//! the words every commission line shows (rule, base, rate). Rounded once, in
//! [`super::rounding`].
//!
//! Decisions, for the reader who wonders:
//! - Tiers: the tier is the one the creator's attributed base in the order's calendar month
//!   reaches *counting this order* (the base before it, in order time, plus its own), and that
//!   tier's rate applies to the whole order, also when the order is what crosses into it
//!   (issue 9: “the tier reached counting orders up to and including this one”). Orders before
//!   it keep their own tier: nothing is re-booked when a later order crosses a bound.
//! - Per-SKU rates: the base is shared over the order's lines in proportion to each line's
//!   value (unit price × quantity; discounts and refunds are order-level, so they fall on every
//!   line alike), each share earns its line's rate (the SKU's own or the rule's), and the sum is
//!   rounded once. Lines of no value (all free) leave the whole base at the rule's rate.
//! - A flat amount is paid for an order whose base is above zero: a cancelled or fully refunded
//!   order earns nothing, a partly refunded one still earns the whole amount.
//! - First order only: a repeat customer earns nothing; when the order does not say who the
//!   customer is, the commission is refused rather than guessed, and the order waits (an order
//!   with base zero earns nothing either way, and never waits).

use super::rounding::{apply_rate, apply_ratio, BASIS_POINTS_PER_WHOLE};
use super::rules::{money_text, percent_text, sku_key, AppliedRule, RateRule, Tier};
use super::{Refusal, Wording};
use crate::money::Money;
use serde::Serialize;

/// One line of the order, for per-SKU rates: its SKU (may be empty), quantity and unit price in
/// minor units of the order's currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderLine {
    pub sku: String,
    pub quantity: u32,
    pub unit_price: i64,
}

/// What is known of the order's customer, for a first-order-only rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CustomerHistory {
    FirstOrder,
    Repeat,
    /// The order carries no customer to tell by (no email in the export).
    Unknown,
}

/// One order as a commission needs it. All amounts in the order's currency (converted first
/// when it is not the rule's).
#[derive(Debug, Clone, Copy)]
pub struct OrderForCommission<'a> {
    /// The order's base ([`super::base::order_base`]).
    pub base: Money,
    pub lines: &'a [OrderLine],
    /// The creator's attributed base in the order's calendar month before this order.
    pub month_base_before: Money,
    pub customer: CustomerHistory,
}

/// The rate a commission used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RateUsed {
    Percent { basis_points: u32 },
    /// The tier reached with this order.
    Tier { basis_points: u32, tier_from: Money, month_base: Money },
    /// Per-SKU rates: each share of the base at its rate.
    Blended { parts: Vec<RatePart> },
    Flat { amount: Money },
    /// Nothing was earned (zero base, not the customer's first order).
    None,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RatePart {
    /// The SKU whose own rate this is; `None` for the lines at the rule's rate.
    pub sku: Option<String>,
    pub basis_points: u32,
    /// This part's share of the base, rounded for showing (the amount is rounded once, whole).
    pub share_of_base: Money,
}

/// The commission of one order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Commission {
    pub amount: Money,
    pub rate: RateUsed,
    pub explanation: Wording,
}

/// The commission of `order` under `applied` (see the module's decisions). Refused: a base
/// below zero, amounts in a currency other than the rule's, a line of negative price, a
/// first-order-only rule on an order whose customer is unknown, or an amount too large.
pub fn commission_of(order: &OrderForCommission, applied: AppliedRule) -> Result<Commission, Refusal> {
    let rule = applied.rule;
    let base = order.base;
    check_inputs(order, applied)?;
    let said = |what: String| format!("{what} ({}: {}).", applied.level.english(), rule.describe());
    let level = format!("{:?}", applied.level).to_lowercase();
    let params = |amount: Money, rate: String| {
        [("amount", money_text(amount)), ("base", money_text(base)), ("rate", rate), ("rule", rule.machine_text()), ("level", level.clone())]
    };
    let nothing = |code: &'static str, why: String| {
        let zero = Money { minor: 0, currency: base.currency };
        Commission { amount: zero, rate: RateUsed::None, explanation: Wording::new(code, &params(zero, String::new()), said(why)) }
    };
    if base.minor == 0 {
        // An explanation's wording (the window words it by its code later), not an error code.
        let why = format!("The base is {}: no commission", money_text(base));
        return Ok(nothing("base_zero", why));
    }
    if rule.first_order_only() {
        match order.customer {
            CustomerHistory::FirstOrder => {}
            CustomerHistory::Repeat => return Ok(nothing("not_first_order", "Not the customer's first order: no commission".into())),
            CustomerHistory::Unknown => {
                return Err(Refusal::new(
                    "first_order_unknown",
                    &[("rule", rule.describe())],
                    "This rule pays only a customer's first order, and the order does not say who the customer is (no email in the export), so Chorus cannot tell. Attribute it by hand or re-import an export with emails.",
                ))
            }
        }
    }
    let money = |minor: i64| Money { minor, currency: base.currency };
    let (order_rate, tier) = match rule.rate() {
        RateRule::Flat { amount } => {
            let explanation = Wording::new("flat", &params(*amount, money_text(*amount)), said(format!("{} for this order", money_text(*amount))));
            return Ok(Commission { amount: *amount, rate: RateUsed::Flat { amount: *amount }, explanation });
        }
        RateRule::Percent { basis_points } => (*basis_points, None),
        RateRule::Tiers { tiers } => {
            let reached = order.month_base_before.minor.checked_add(base.minor).ok_or_else(super::rounding::too_large)?;
            let tier = tier_reached(tiers, reached);
            (tier.basis_points, Some((tier.from, money(reached))))
        }
    };
    if let Some(parts) = line_shares(order, applied, order_rate) {
        let numerator: i128 = parts.iter().map(|p| p.value * i128::from(p.basis_points)).sum();
        let total: i128 = parts.iter().map(|p| p.value).sum();
        let amount = money(apply_ratio(base.minor, numerator, total * BASIS_POINTS_PER_WHOLE)?);
        let shown: Vec<RatePart> = parts
            .iter()
            .map(|p| Ok(RatePart { sku: p.sku.clone(), basis_points: p.basis_points, share_of_base: money(apply_ratio(base.minor, p.value, total)?) }))
            .collect::<Result<_, Refusal>>()?;
        let words: Vec<String> = shown
            .iter()
            .map(|p| match &p.sku {
                Some(sku) => format!("{} at {} (SKU {sku})", money_text(p.share_of_base), percent_text(p.basis_points)),
                None => format!("{} at {}", money_text(p.share_of_base), percent_text(p.basis_points)),
            })
            .collect();
        let why = format!("{} shared over the lines by value: {} = {}", money_text(base), words.join(", "), money_text(amount));
        let explanation = Wording::new("blended", &params(amount, String::new()), said(why));
        return Ok(Commission { amount, rate: RateUsed::Blended { parts: shown }, explanation });
    }
    let amount = money(apply_rate(base.minor, order_rate)?);
    let rate_text = percent_text(order_rate);
    match tier {
        None => {
            let why = format!("{rate_text} of {} = {}", money_text(base), money_text(amount));
            Ok(Commission { amount, rate: RateUsed::Percent { basis_points: order_rate }, explanation: Wording::new("percent", &params(amount, rate_text), said(why)) })
        }
        Some((tier_from, month_base)) => {
            let why = format!(
                "{rate_text} of {} = {}; with this order the month's base is {}, in the tier from {}",
                money_text(base),
                money_text(amount),
                money_text(month_base),
                money_text(tier_from)
            );
            let mut p = params(amount, rate_text).to_vec();
            p.extend([("month_base", money_text(month_base)), ("tier_from", money_text(tier_from))]);
            Ok(Commission { amount, rate: RateUsed::Tier { basis_points: order_rate, tier_from, month_base }, explanation: Wording::new("tier", &p, said(why)) })
        }
    }
}

/// The highest tier whose bound the month's base reaches (the first tier starts at zero).
fn tier_reached(tiers: &[Tier], month_base: i64) -> &Tier {
    tiers.iter().rev().find(|t| t.from.minor <= month_base).unwrap_or(&tiers[0])
}

fn check_inputs(order: &OrderForCommission, applied: AppliedRule) -> Result<(), Refusal> {
    let base = order.base;
    if base.minor < 0 || order.month_base_before.minor < 0 {
        return Err(Refusal::new("base_negative", &[("base", money_text(base))], "A base below zero cannot earn a commission; a refund is booked as its own line."));
    }
    let rule_currency = applied.rule.currency().filter(|c| *c != base.currency);
    let month_currency = Some(order.month_base_before.currency).filter(|c| *c != base.currency && applied.rule.currency().is_some());
    if let Some(other) = rule_currency.or(month_currency) {
        return Err(Refusal::new(
            "rule_currency_differs",
            &[("order_currency", base.currency.code().into()), ("rule_currency", other.code().into())],
            format!("The order is in {} and the rule's amounts are in {other}: convert the order at a dated rate first.", base.currency),
        ));
    }
    if let Some(line) = order.lines.iter().find(|l| l.unit_price < 0) {
        return Err(Refusal::new("line_price_negative", &[("sku", line.sku.clone())], format!("A line of the order ({}) has a price below zero.", if line.sku.is_empty() { "no SKU" } else { &line.sku })));
    }
    Ok(())
}

/// The value of the order's lines at one rate.
struct LineShare {
    /// Unit price × quantity, summed over the lines at this rate.
    value: i128,
    basis_points: u32,
    /// The SKU whose own rate this is; `None` for the lines at the rule's rate.
    sku: Option<String>,
}

/// The lines' values grouped by rate, when the rule has per-SKU rates that some line of value
/// uses. `None` when the whole base is at `order_rate`.
fn line_shares(order: &OrderForCommission, applied: AppliedRule, order_rate: u32) -> Option<Vec<LineShare>> {
    let rule = applied.rule;
    if rule.sku_rates().is_empty() {
        return None;
    }
    let mut shares: Vec<LineShare> = Vec::new();
    let mut rest: i128 = 0;
    for line in order.lines {
        let value = i128::from(line.unit_price) * i128::from(line.quantity);
        match rule.sku_rate(&line.sku) {
            Some(basis_points) => {
                let key = sku_key(&line.sku);
                match shares.iter_mut().find(|s| s.sku.as_deref().map(sku_key) == Some(key.clone())) {
                    Some(share) => share.value += value,
                    None => shares.push(LineShare { value, basis_points, sku: Some(line.sku.trim().to_string()) }),
                }
            }
            None => rest += value,
        }
    }
    if shares.iter().all(|s| s.value == 0) {
        return None;
    }
    if rest > 0 {
        shares.push(LineShare { value: rest, basis_points: order_rate, sku: None });
    }
    Some(shares)
}

#[cfg(test)]
#[path = "commission_tests.rs"]
mod tests;
