//! The target of one order for one collaboration: what its lines must sum to for the order's
//! current state. Pure: the caller hands in the order, the rule it keeps or the rule that
//! applies, the creator's month so far and the customer's history.
//!
//! Decisions, where the window shows them (`explanation` of every line):
//! - The base ([`order_value`]): `base::order_base` of the stored amounts; whether prices
//!   include tax is the order's own word when its file said, else the workspace setting. With
//!   tax-inclusive prices Shopify's `Taxes` holds the tax on the items *and on shipping*; the
//!   items' share is taken out: `Taxes × subtotal ÷ (subtotal + shipping)`, rounded once in
//!   `rounding`. That is exact when shipping is taxed at the items' rate (the EU rule: shipping
//!   follows the goods) and the whole `Taxes` when the order has no shipping; with mixed rates
//!   it is the nearest the export allows (it has no tax per line).
//! - Cancelled: `cancelled_at`, or a status of cancelled, voided, failed or expired: base zero.
//! - Another currency: the base is converted into the workspace's (the rules' currency) at
//!   the rate table's rate for the order's day; the conversion is shown on the line. A missing
//!   or too old rate makes the order wait, naming the currency and the date.

use super::super::base::{order_base, OrderAmounts, OrderBase, ShopPrices};
use super::super::commission::{commission_of, Commission, CustomerHistory, OrderForCommission, OrderLine};
use super::super::exchange_rates::{Conversion, RateTable, DEFAULT_MAX_RATE_AGE_DAYS};
use super::super::rounding::apply_ratio;
use super::super::rules::{AppliedRule, Rule, RuleLevel};
use super::super::Refusal;
use super::working_set::OrderRow;
use crate::money::{Currency, Money};

/// An order's base, in its own currency and in the workspace's.
#[derive(Debug, Clone)]
pub(crate) struct Valued {
    pub base: OrderBase,
    pub conversion: Option<Conversion>,
    /// The base in the workspace currency (the rules' currency).
    pub in_workspace: Money,
}

/// The tax on the items of an order (see the module's words).
pub(crate) fn item_tax(subtotal: i64, shipping: i64, tax: i64) -> Result<i64, Refusal> {
    if shipping <= 0 || tax <= 0 {
        return Ok(tax);
    }
    let whole = i128::from(subtotal) + i128::from(shipping);
    apply_ratio(tax, i128::from(subtotal), whole)
}

/// The order's base and, for another currency, its conversion (see the module's words).
pub(crate) fn order_value(order: &OrderRow, workspace: Currency, shop_prices: ShopPrices, rates: &RateTable) -> Result<Valued, Refusal> {
    let known = (order.currency == workspace.code()).then_some(workspace);
    let currency = known.or_else(|| Currency::parse(&order.currency)).ok_or_else(|| {
        Refusal::new("currency_unknown", &[("text", order.currency.clone())], format!("“{}” is not a currency code Chorus knows, so this order's commission cannot be worked out.", order.currency))
    })?;
    let prices = match order.prices_include_tax {
        Some(true) => ShopPrices::IncludeTax,
        Some(false) => ShopPrices::ExcludeTax,
        None => shop_prices,
    };
    let tax = match prices {
        ShopPrices::IncludeTax => item_tax(order.subtotal, order.shipping, order.tax)?,
        ShopPrices::ExcludeTax => order.tax,
    };
    let amounts = OrderAmounts { currency, subtotal_after_discounts: order.subtotal, item_tax: tax, refunded: order.refunded, cancelled: order.cancelled };
    let base = order_base(&amounts, prices)?;
    if currency == workspace {
        return Ok(Valued { in_workspace: base.base, base, conversion: None });
    }
    let conversion = rates.convert(base.base, workspace, order.placed_on, DEFAULT_MAX_RATE_AGE_DAYS)?;
    Ok(Valued { in_workspace: conversion.amount, base, conversion: Some(conversion) })
}

/// Why an order earns a collaboration nothing, or what it earns.
#[derive(Debug, Clone)]
pub(crate) enum Target {
    Earns { commission: Commission, rule: Rule, level: RuleLevel },
    /// The order is not attributed to this collaboration (any more).
    NotAttributed,
    /// A person rejected this order's commission for this collaboration.
    Rejected,
    /// Cannot be worked out yet: the order waits with this refusal.
    Waits(Refusal),
}

/// The commission of an attributed order under `rule`, with the creator's month so far
/// (`Err`: an earlier order of the month waits for its rate, so the tier is not known).
pub(crate) fn earned(value: &Valued, rule: Rule, level: RuleLevel, lines: &[OrderLine], month_before: &Result<Money, Refusal>, customer: CustomerHistory) -> Target {
    let month_base_before = match (month_before, rule.rate()) {
        (Ok(m), _) => *m,
        (Err(waiting), super::super::rules::RateRule::Tiers { .. }) => return Target::Waits(waiting.clone()),
        (Err(_), _) => Money { minor: 0, currency: value.in_workspace.currency },
    };
    let order = OrderForCommission { base: value.in_workspace, lines, month_base_before, customer };
    match commission_of(&order, AppliedRule { rule: &rule, level }) {
        Ok(commission) => Target::Earns { commission, rule, level },
        Err(refusal) => Target::Waits(refusal),
    }
}

impl Target {
    pub(crate) fn amount(&self) -> i64 {
        match self {
            Target::Earns { commission, .. } => commission.amount.minor,
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_items_share_of_shopifys_taxes_leaves_the_shipping_tax_out() {
        // € 121 of items and € 6.05 shipping, both with 21 % VAT: Taxes € 22.05 = 21.00 + 1.05.
        assert_eq!(item_tax(12_100, 605, 2_205), Ok(2_100));
        assert_eq!(item_tax(12_100, 0, 2_100), Ok(2_100), "no shipping: all the tax is the items'");
        assert_eq!(item_tax(0, 605, 105), Ok(0), "no items: none of the tax is theirs");
    }
}
