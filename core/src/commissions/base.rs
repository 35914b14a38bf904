//! The base of an order: what a commission is a share of. The default formula (issue 9): the
//! order's subtotal after discounts, without shipping and tax (when the shop's prices include
//! tax, the tax on the items is taken out), minus what was refunded, never below zero; a
//! cancelled or voided order has base zero. [`OrderAmounts`] holds exactly the amounts this
//! needs, in one currency; the order reader's fields are mapped onto it by the caller.
//! [`formula_sentence`] is the formula as the window shows it; [`OrderBase::explain`] is one
//! order's base worked out in words.

use super::rules::money_text;
use super::{Refusal, Wording};
use crate::money::{Currency, Money};
use serde::Serialize;

/// Whether the shop's item prices include tax (a workspace setting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShopPrices {
    /// Prices without tax (common for B2B and US shops): the subtotal holds no tax.
    ExcludeTax,
    /// Prices with tax (common for EU consumer shops): the subtotal holds the items' tax.
    IncludeTax,
}

/// The amounts of one order the base needs, in minor units of `currency`, none below zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderAmounts {
    pub currency: Currency,
    /// The items' total after discounts, before shipping (Shopify's `Subtotal`). With
    /// tax-inclusive prices it holds the items' tax.
    pub subtotal_after_discounts: i64,
    /// The tax on the items (not on shipping): taken out only when prices include tax.
    pub item_tax: i64,
    /// Everything refunded on the order so far.
    pub refunded: i64,
    /// The order was cancelled or voided.
    pub cancelled: bool,
}

/// One order's base and how it was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrderBase {
    pub base: Money,
    pub subtotal: Money,
    /// The tax taken out (zero when prices exclude tax).
    pub tax_removed: Money,
    pub refunded: Money,
    /// Refunds were larger than what was left: the base stopped at zero.
    pub stopped_at_zero: bool,
    pub cancelled: bool,
}

/// The formula in English, for the window and the CLI, with its stable code.
pub fn formula_sentence(prices: ShopPrices) -> Wording {
    match prices {
        ShopPrices::ExcludeTax => Wording::new(
            "base_formula_prices_without_tax",
            &[],
            "Base = order subtotal after discounts, without shipping and tax, minus refunds; never below zero. A cancelled or voided order counts zero.",
        ),
        ShopPrices::IncludeTax => Wording::new(
            "base_formula_prices_with_tax",
            &[],
            "Base = order subtotal after discounts, without shipping, minus the tax in the item prices, minus refunds; never below zero. A cancelled or voided order counts zero.",
        ),
    }
}

/// The base of one order under the workspace's [`ShopPrices`] setting. Refused: an amount
/// below zero, or tax larger than the subtotal it is part of (the export's columns are mixed up).
pub fn order_base(order: &OrderAmounts, prices: ShopPrices) -> Result<OrderBase, Refusal> {
    let money = |minor: i64| Money { minor, currency: order.currency };
    for (field, minor) in [("subtotal", order.subtotal_after_discounts), ("tax", order.item_tax), ("refunded", order.refunded)] {
        if minor < 0 {
            return Err(Refusal::new(
                "order_amount_negative",
                &[("field", field.to_string()), ("amount", money_text(money(minor)))],
                format!("The order's {field} is {}, below zero; an order's amounts are zero or more (a refund is its own amount).", money_text(money(minor))),
            ));
        }
    }
    let tax_removed = match prices {
        ShopPrices::ExcludeTax => 0,
        ShopPrices::IncludeTax => order.item_tax,
    };
    if tax_removed > order.subtotal_after_discounts {
        return Err(Refusal::new(
            "tax_above_subtotal",
            &[("tax", money_text(money(tax_removed))), ("subtotal", money_text(money(order.subtotal_after_discounts)))],
            format!(
                "The tax in the prices ({}) is more than the subtotal ({}); check that the columns for tax and subtotal are the right ones.",
                money_text(money(tax_removed)),
                money_text(money(order.subtotal_after_discounts))
            ),
        ));
    }
    let before_refunds = order.subtotal_after_discounts - tax_removed;
    let left = before_refunds - order.refunded; // both ≥ 0: no overflow
    let base = if order.cancelled { 0 } else { left.max(0) };
    Ok(OrderBase {
        base: money(base),
        subtotal: money(order.subtotal_after_discounts),
        tax_removed: money(tax_removed),
        refunded: money(order.refunded),
        stopped_at_zero: !order.cancelled && left < 0,
        cancelled: order.cancelled,
    })
}

impl OrderBase {
    /// This order's base worked out: `EUR 121.00 subtotal − EUR 21.00 tax − EUR 10.00 refunded
    /// = EUR 90.00`, or why it is zero.
    pub fn explain(&self) -> Wording {
        let amounts = [("subtotal", money_text(self.subtotal)), ("tax", money_text(self.tax_removed)), ("refunded", money_text(self.refunded)), ("base", money_text(self.base))];
        if self.cancelled {
            return Wording::new("base_cancelled", &amounts, format!("The order was cancelled or voided: base {}.", money_text(self.base)));
        }
        let mut sum = format!("{} subtotal", money_text(self.subtotal));
        if self.tax_removed.minor > 0 {
            sum.push_str(&format!(" − {} tax", money_text(self.tax_removed)));
        }
        if self.refunded.minor > 0 {
            sum.push_str(&format!(" − {} refunded", money_text(self.refunded)));
        }
        if self.stopped_at_zero {
            Wording::new("base_refunded_past_zero", &amounts, format!("{sum} is below zero: base {}.", money_text(self.base)))
        } else {
            Wording::new("base_worked_out", &amounts, format!("{sum} = {}.", money_text(self.base)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn order(code: &str, subtotal: i64, tax: i64, refunded: i64, cancelled: bool) -> OrderAmounts {
        OrderAmounts { currency: Currency::parse(code).unwrap(), subtotal_after_discounts: subtotal, item_tax: tax, refunded, cancelled }
    }

    #[test]
    fn prices_without_tax_count_the_whole_subtotal() {
        let base = order_base(&order("EUR", 10_000, 2_100, 0, false), ShopPrices::ExcludeTax).unwrap();
        assert_eq!(base.base.minor, 10_000, "the tax was never in the subtotal");
        assert_eq!(base.explain().english, "EUR 100.00 subtotal = EUR 100.00.");
    }

    #[test]
    fn tax_inclusive_prices_have_the_items_tax_taken_out() {
        let base = order_base(&order("EUR", 12_100, 2_100, 0, false), ShopPrices::IncludeTax).unwrap();
        assert_eq!(base.base.minor, 10_000);
        assert_eq!(base.tax_removed.minor, 2_100);
        assert_eq!(base.explain().english, "EUR 121.00 subtotal − EUR 21.00 tax = EUR 100.00.");
    }

    #[test]
    fn refunds_come_off_the_base() {
        let base = order_base(&order("EUR", 12_100, 2_100, 1_000, false), ShopPrices::IncludeTax).unwrap();
        assert_eq!(base.base.minor, 9_000);
        assert_eq!(base.explain().english, "EUR 121.00 subtotal − EUR 21.00 tax − EUR 10.00 refunded = EUR 90.00.");
    }

    #[test]
    fn a_refund_larger_than_the_base_stops_at_zero() {
        // Refunded with shipping and tax: more than the base, which never goes below zero.
        let base = order_base(&order("EUR", 12_100, 2_100, 12_595, false), ShopPrices::IncludeTax).unwrap();
        assert_eq!(base.base.minor, 0);
        assert!(base.stopped_at_zero);
        assert_eq!(base.explain().code, "base_refunded_past_zero");
        assert_eq!(base.explain().english, "EUR 121.00 subtotal − EUR 21.00 tax − EUR 125.95 refunded is below zero: base EUR 0.00.");
    }

    #[test]
    fn a_cancelled_or_voided_order_has_base_zero() {
        let base = order_base(&order("EUR", 5_000, 0, 0, true), ShopPrices::ExcludeTax).unwrap();
        assert_eq!(base.base.minor, 0);
        assert!(!base.stopped_at_zero);
        assert_eq!(base.explain().english, "The order was cancelled or voided: base EUR 0.00.");
    }

    #[test]
    fn zero_decimal_and_three_decimal_currencies_keep_their_minor_units() {
        let jpy = order_base(&order("JPY", 16_305, 1_482, 0, false), ShopPrices::IncludeTax).unwrap();
        assert_eq!(jpy.explain().english, "JPY 16305 subtotal − JPY 1482 tax = JPY 14823.");
        let kwd = order_base(&order("KWD", 12_345, 0, 1_005, false), ShopPrices::ExcludeTax).unwrap();
        assert_eq!(kwd.explain().english, "KWD 12.345 subtotal − KWD 1.005 refunded = KWD 11.340.");
    }

    #[test]
    fn amounts_below_zero_or_tax_above_the_subtotal_are_refused() {
        let refused = order_base(&order("EUR", -1, 0, 0, false), ShopPrices::ExcludeTax).unwrap_err();
        assert_eq!((refused.code, refused.params["field"].as_str()), ("order_amount_negative", "subtotal"));
        assert_eq!(order_base(&order("EUR", 100, 0, -5, false), ShopPrices::ExcludeTax).unwrap_err().params["field"], "refunded");
        assert_eq!(order_base(&order("EUR", 100, 200, 0, false), ShopPrices::IncludeTax).unwrap_err().code, "tax_above_subtotal");
        assert!(order_base(&order("EUR", 100, 200, 0, false), ShopPrices::ExcludeTax).is_ok(), "tax outside the prices is not in the subtotal");
    }

    #[test]
    fn the_formula_is_shown_for_each_setting() {
        assert!(formula_sentence(ShopPrices::IncludeTax).english.contains("minus the tax in the item prices"));
        assert!(!formula_sentence(ShopPrices::ExcludeTax).english.contains("tax in the item prices"));
        assert_ne!(formula_sentence(ShopPrices::IncludeTax).code, formula_sentence(ShopPrices::ExcludeTax).code);
    }

    proptest! {
        #[test]
        fn the_base_is_never_below_zero_nor_above_the_subtotal(subtotal in 0i64..i64::MAX, tax in 0i64..i64::MAX, refunded in 0i64..i64::MAX, cancelled in any::<bool>(), inclusive in any::<bool>()) {
            let prices = if inclusive { ShopPrices::IncludeTax } else { ShopPrices::ExcludeTax };
            if let Ok(b) = order_base(&order("EUR", subtotal, tax, refunded, cancelled), prices) {
                prop_assert!(b.base.minor >= 0 && b.base.minor <= subtotal);
                prop_assert!(!cancelled || b.base.minor == 0);
            }
        }
    }
}
