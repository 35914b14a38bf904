//! Tests of one order's commission under every kind of rule, and its edges.

use super::*;
use crate::commissions::rules::{Rule, RuleLevel, SkuRate};
use crate::money::Currency;
use proptest::prelude::*;

fn money(code: &str, minor: i64) -> Money {
    Money { minor, currency: Currency::parse(code).unwrap() }
}

fn eur(minor: i64) -> Money {
    money("EUR", minor)
}

fn order(base: Money, lines: &[OrderLine]) -> OrderForCommission<'_> {
    OrderForCommission { base, lines, month_base_before: Money { minor: 0, currency: base.currency }, customer: CustomerHistory::FirstOrder }
}

fn at(rule: &Rule) -> AppliedRule<'_> {
    AppliedRule { rule, level: RuleLevel::Collaboration }
}

fn line(sku: &str, quantity: u32, unit_price: i64) -> OrderLine {
    OrderLine { sku: sku.into(), quantity, unit_price }
}

fn tiered() -> Rule {
    let tiers = vec![Tier { from: eur(0), basis_points: 1000 }, Tier { from: eur(100_000), basis_points: 1500 }, Tier { from: eur(500_000), basis_points: 2000 }];
    Rule::new(RateRule::Tiers { tiers }, vec![], false).unwrap()
}

#[test]
fn a_percentage_of_the_base_rounds_once_and_says_how() {
    let rule = Rule::percent(1250).unwrap();
    let c = commission_of(&order(eur(9_999), &[]), at(&rule)).unwrap();
    assert_eq!(c.amount, eur(1_250), "1249.875 cents → 1250");
    assert_eq!(c.rate, RateUsed::Percent { basis_points: 1250 });
    assert_eq!(c.explanation.english, "12.5% of EUR 99.99 = EUR 12.50 (the collaboration's rule: 12.5% of the base).");
    assert_eq!(c.explanation.code, "percent");
    assert_eq!(c.explanation.params["rule"], "percent:1250");
    assert_eq!(c.explanation.params["level"], "collaboration");
}

#[test]
fn a_flat_rule_pays_its_amount_for_any_order_with_a_base() {
    let rule = Rule::flat(eur(500)).unwrap();
    assert_eq!(commission_of(&order(eur(1), &[]), at(&rule)).unwrap().amount, eur(500));
    assert_eq!(commission_of(&order(eur(1_000_000), &[]), at(&rule)).unwrap().explanation.english, "EUR 5.00 for this order (the collaboration's rule: EUR 5.00 per order).");
}

#[test]
fn a_zero_base_earns_nothing_under_any_rule() {
    for rule in [Rule::percent(1000).unwrap(), Rule::flat(eur(500)).unwrap(), tiered()] {
        let c = commission_of(&order(eur(0), &[]), at(&rule)).unwrap();
        assert_eq!((c.amount, &c.rate, c.explanation.code), (eur(0), &RateUsed::None, "base_zero"));
    }
}

#[test]
fn the_tier_is_the_one_reached_counting_this_order() {
    let rule = tiered();
    let mut o = order(eur(20_000), &[]);
    o.month_base_before = eur(50_000);
    assert_eq!(commission_of(&o, at(&rule)).unwrap().amount, eur(2_000), "EUR 700 in the month: 10%");
    o.month_base_before = eur(80_000);
    let c = commission_of(&o, at(&rule)).unwrap();
    assert_eq!(c.amount, eur(3_000), "this order crosses EUR 1000: 15% on the whole order");
    assert_eq!(c.rate, RateUsed::Tier { basis_points: 1500, tier_from: eur(100_000), month_base: eur(100_000) });
    assert_eq!(c.explanation.english, "15% of EUR 200.00 = EUR 30.00; with this order the month's base is EUR 1000.00, in the tier from EUR 1000.00 (the collaboration's rule: tiers by the month's base: 10% from EUR 0.00, 15% from EUR 1000.00, 20% from EUR 5000.00).");
    o.month_base_before = eur(79_999);
    assert_eq!(commission_of(&o, at(&rule)).unwrap().amount, eur(2_000), "one cent short of the bound");
    o.month_base_before = eur(90_000);
    o.base = eur(1_000_000);
    assert_eq!(commission_of(&o, at(&rule)).unwrap().amount, eur(200_000), "one order jumping two tiers takes the highest reached");
}

#[test]
fn per_sku_rates_share_the_base_by_line_value_with_quantities() {
    let rule = Rule::new(RateRule::Percent { basis_points: 1000 }, vec![SkuRate { sku: "TEE-01".into(), basis_points: 2000 }], false).unwrap();
    // Two tees at 25.00 and one mug at 50.00: half the value is tees. Base 90.00 after a
    // discount: 45.00 at 20% + 45.00 at 10% = 13.50.
    let lines = [line("tee-01", 2, 2_500), line("MUG-02", 1, 5_000)];
    let c = commission_of(&order(eur(9_000), &lines), at(&rule)).unwrap();
    assert_eq!(c.amount, eur(1_350));
    assert_eq!(c.explanation.english, "EUR 90.00 shared over the lines by value: EUR 45.00 at 20% (SKU tee-01), EUR 45.00 at 10% = EUR 13.50 (the collaboration's rule: 10% of the base; SKU TEE-01 at 20%).");
    let RateUsed::Blended { parts } = c.rate else { panic!("blended") };
    assert_eq!(parts.len(), 2);
    // No line of that SKU: the rule's rate on the whole base.
    let c = commission_of(&order(eur(9_000), &[line("MUG-02", 3, 3_000)]), at(&rule)).unwrap();
    assert_eq!((c.amount, c.rate), (eur(900), RateUsed::Percent { basis_points: 1000 }));
    // Only free lines: nothing to share by, the rule's rate.
    assert_eq!(commission_of(&order(eur(9_000), &[line("TEE-01", 1, 0)]), at(&rule)).unwrap().amount, eur(900));
}

#[test]
fn per_sku_rates_round_once_for_the_whole_order() {
    let rule = Rule::new(RateRule::Percent { basis_points: 1000 }, vec![SkuRate { sku: "A".into(), basis_points: 1500 }], false).unwrap();
    // Thirds: 1/3 of 1.00 at 15% + 2/3 at 10% = 11.67 cents exactly 11.666…: one rounding → 12.
    let lines = [line("A", 1, 100), line("B", 2, 100)];
    assert_eq!(commission_of(&order(eur(100), &lines), at(&rule)).unwrap().amount, eur(12));
}

#[test]
fn first_order_only_pays_a_first_order_and_nothing_for_a_repeat() {
    let rule = Rule::new(RateRule::Percent { basis_points: 1000 }, vec![], true).unwrap();
    let mut o = order(eur(10_000), &[]);
    assert_eq!(commission_of(&o, at(&rule)).unwrap().amount, eur(1_000));
    o.customer = CustomerHistory::Repeat;
    let c = commission_of(&o, at(&rule)).unwrap();
    assert_eq!((c.amount, c.explanation.code), (eur(0), "not_first_order"));
    assert_eq!(c.explanation.english, "Not the customer's first order: no commission (the collaboration's rule: 10% of the base; first order of a customer only).");
    o.customer = CustomerHistory::Unknown;
    assert_eq!(commission_of(&o, at(&rule)).unwrap_err().code, "first_order_unknown");
    o.base = eur(0);
    assert_eq!(commission_of(&o, at(&rule)).unwrap().explanation.code, "base_zero", "a cancelled order never waits for its customer");
    o.base = eur(10_000);
    let any = Rule::percent(1000).unwrap();
    assert_eq!(commission_of(&o, at(&any)).unwrap().amount, eur(1_000), "an unknown customer is fine for other rules");
}

#[test]
fn zero_and_three_decimal_currencies_round_to_their_own_minor_unit() {
    let rule = Rule::percent(1250).unwrap();
    assert_eq!(commission_of(&order(money("JPY", 1_004), &[]), at(&rule)).unwrap().amount, money("JPY", 126), "125.5 yen → 126");
    let c = commission_of(&order(money("KWD", 12_345), &[]), at(&rule)).unwrap();
    assert_eq!(c.amount, money("KWD", 1_543), "1543.125 fils → 1543");
    assert_eq!(c.explanation.english, "12.5% of KWD 12.345 = KWD 1.543 (the collaboration's rule: 12.5% of the base).");
}

#[test]
fn a_rule_in_another_currency_or_a_negative_base_is_refused() {
    let flat = Rule::flat(eur(500)).unwrap();
    let refused = commission_of(&order(money("USD", 10_000), &[]), at(&flat)).unwrap_err();
    assert_eq!((refused.code, refused.params["order_currency"].as_str()), ("rule_currency_differs", "USD"));
    assert_eq!(commission_of(&order(money("USD", 10_000), &[]), at(&tiered())).unwrap_err().code, "rule_currency_differs");
    assert!(commission_of(&order(money("USD", 10_000), &[]), at(&Rule::percent(1000).unwrap())).is_ok(), "a percentage has no currency");
    assert_eq!(commission_of(&order(eur(-1), &[]), at(&flat)).unwrap_err().code, "base_negative");
    let sku = Rule::new(RateRule::Percent { basis_points: 1000 }, vec![SkuRate { sku: "A".into(), basis_points: 100 }], false).unwrap();
    assert_eq!(commission_of(&order(eur(100), &[line("A", 1, -5)]), at(&sku)).unwrap_err().code, "line_price_negative");
}

#[test]
fn the_level_the_rule_came_from_is_named() {
    let rule = Rule::percent(1000).unwrap();
    let c = commission_of(&order(eur(100), &[]), AppliedRule { rule: &rule, level: RuleLevel::Workspace }).unwrap();
    assert!(c.explanation.english.ends_with("(the workspace default: 10% of the base)."), "{}", c.explanation.english);
}

proptest! {
    #[test]
    fn a_commission_is_never_more_than_the_base_under_a_percentage(base in 0i64..1_000_000_000_000, bp in 0u32..=10_000, sku_bp in 0u32..=10_000, qty in 0u32..50, price in 0i64..1_000_000, before in 0i64..1_000_000_000) {
        let lines = [line("A", qty, price), line("B", 1, price / 2)];
        let rule = Rule::new(RateRule::Percent { basis_points: bp }, vec![SkuRate { sku: "a".into(), basis_points: sku_bp }], false).unwrap();
        let mut o = order(eur(base), &lines);
        o.month_base_before = eur(before);
        let c = commission_of(&o, at(&rule)).unwrap();
        prop_assert!(c.amount.minor >= 0 && c.amount.minor <= base);
        let tiers = commission_of(&o, at(&tiered())).unwrap();
        prop_assert!(tiers.amount.minor <= apply_rate(base, 2000).unwrap() && tiers.amount.minor >= apply_rate(base, 1000).unwrap());
    }

    #[test]
    fn a_higher_month_base_never_lowers_a_tiered_commission(base in 0i64..10_000_000, before in 0i64..10_000_000, more in 0i64..10_000_000) {
        let rule = tiered();
        let mut o = order(eur(base), &[]);
        o.month_base_before = eur(before);
        let low = commission_of(&o, at(&rule)).unwrap().amount.minor;
        o.month_base_before = eur(before + more);
        prop_assert!(commission_of(&o, at(&rule)).unwrap().amount.minor >= low);
    }
}
