//! Tests of the rule model: what a rule may be, its two texts, and which rule applies.

use super::*;
use proptest::prelude::*;

fn eur(minor: i64) -> Money {
    Money { minor, currency: Currency::parse("EUR").unwrap() }
}

fn tiers(steps: &[(i64, u32)]) -> RateRule {
    RateRule::Tiers { tiers: steps.iter().map(|(from, bp)| Tier { from: eur(*from), basis_points: *bp }).collect() }
}

#[test]
fn a_percentage_over_100_is_refused_with_its_code() {
    assert_eq!(Rule::percent(10_001).unwrap_err().code, "percent_over_100");
    assert!(Rule::percent(10_000).is_ok());
    assert!(Rule::percent(0).is_ok());
}

#[test]
fn a_flat_amount_below_zero_is_refused() {
    assert_eq!(Rule::flat(eur(-1)).unwrap_err().code, "flat_negative");
    assert!(Rule::flat(eur(0)).is_ok());
}

#[test]
fn tiers_must_start_at_zero_rise_strictly_and_keep_one_currency() {
    assert_eq!(Rule::new(tiers(&[]), vec![], false).unwrap_err().code, "tiers_empty");
    assert_eq!(Rule::new(tiers(&[(100, 1000)]), vec![], false).unwrap_err().code, "tiers_start_above_zero");
    assert_eq!(Rule::new(tiers(&[(0, 1000), (500, 1200), (500, 1500)]), vec![], false).unwrap_err().code, "tiers_not_rising");
    assert_eq!(Rule::new(tiers(&[(0, 1000), (500, 10_500)]), vec![], false).unwrap_err().code, "percent_over_100");
    let usd = Money { minor: 500, currency: Currency::parse("USD").unwrap() };
    let mixed = RateRule::Tiers { tiers: vec![Tier { from: eur(0), basis_points: 1000 }, Tier { from: usd, basis_points: 1500 }] };
    let refused = Rule::new(mixed, vec![], false).unwrap_err();
    assert_eq!((refused.code, refused.params["found"].as_str()), ("tiers_mixed_currencies", "USD"));
    assert!(Rule::new(tiers(&[(0, 1000), (100_000, 1500)]), vec![], false).is_ok());
}

#[test]
fn per_sku_rates_match_ignoring_case_and_spaces_and_are_refused_on_a_flat_rule() {
    let rule = Rule::new(RateRule::Percent { basis_points: 1000 }, vec![SkuRate { sku: " tee-01 ".into(), basis_points: 2000 }], false).unwrap();
    assert_eq!(rule.sku_rate("TEE-01"), Some(2000));
    assert_eq!(rule.sku_rate("Tee - 01"), Some(2000));
    assert_eq!(rule.sku_rate("TEE-02"), None);
    let flat = Rule::new(RateRule::Flat { amount: eur(500) }, vec![SkuRate { sku: "A".into(), basis_points: 100 }], false);
    assert_eq!(flat.unwrap_err().code, "sku_rates_on_flat");
    let twice = vec![SkuRate { sku: "a1".into(), basis_points: 100 }, SkuRate { sku: "A1".into(), basis_points: 200 }];
    assert_eq!(Rule::new(RateRule::Percent { basis_points: 1000 }, twice, false).unwrap_err().code, "sku_twice");
    let empty = vec![SkuRate { sku: "  ".into(), basis_points: 100 }];
    assert_eq!(Rule::new(RateRule::Percent { basis_points: 1000 }, empty, false).unwrap_err().code, "sku_empty");
}

#[test]
fn a_rule_reads_in_english_as_a_shop_owner_would_say_it() {
    assert_eq!(Rule::percent(1250).unwrap().describe(), "12.5% of the base");
    assert_eq!(Rule::percent(1225).unwrap().describe(), "12.25% of the base");
    assert_eq!(Rule::percent(1000).unwrap().describe(), "10% of the base");
    assert_eq!(Rule::flat(eur(500)).unwrap().describe(), "EUR 5.00 per order");
    let tiered = Rule::new(tiers(&[(0, 1000), (100_000, 1500)]), vec![SkuRate { sku: "TEE-01".into(), basis_points: 2000 }], true).unwrap();
    assert_eq!(tiered.describe(), "tiers by the month's base: 10% from EUR 0.00, 15% from EUR 1000.00; SKU TEE-01 at 20%; first order of a customer only");
    assert_eq!(tiered.machine_text(), "tiers:EUR:0=1000,100000=1500 sku:TEE-01=2000 first_order_only");
}

#[test]
fn the_machine_text_reads_back_and_nothing_else_does() {
    for text in ["percent:1250", "flat:JPY:500", "flat:KWD:1500", "tiers:EUR:0=1000,100000=1500 sku:TEE-01=2000 first_order_only", "percent:0 first_order_only"] {
        assert_eq!(Rule::from_machine_text(text).unwrap().machine_text(), text);
    }
    for text in ["", "percent", "percent:abc", "percent:20000", "flat:eur:5", "flat:QQQ:5", "tiers:EUR:5=1000", "percent:10 extra", "percent:10 first_order_only first_order_only"] {
        assert!(Rule::from_machine_text(text).is_err(), "{text:?}");
    }
}

#[test]
fn the_collaboration_rule_beats_the_creator_campaign_and_workspace() {
    let (collab, creator, campaign, workspace) = (Rule::percent(2000).unwrap(), Rule::percent(1500).unwrap(), Rule::percent(1200).unwrap(), Rule::percent(1000).unwrap());
    let all = RulesByLevel { collaboration: Some(&collab), creator: Some(&creator), campaign: Some(&campaign), workspace: Some(&workspace) };
    assert_eq!(rule_that_applies(&all).map(|a| (a.level, a.rule)), Some((RuleLevel::Collaboration, &collab)));
    let no_collab = RulesByLevel { collaboration: None, ..all };
    assert_eq!(rule_that_applies(&no_collab).map(|a| a.level), Some(RuleLevel::Creator));
    let campaign_only = RulesByLevel { campaign: Some(&campaign), workspace: Some(&workspace), ..Default::default() };
    assert_eq!(rule_that_applies(&campaign_only).map(|a| a.level), Some(RuleLevel::Campaign));
    let default_only = RulesByLevel { workspace: Some(&workspace), ..Default::default() };
    assert_eq!(rule_that_applies(&default_only).map(|a| (a.level, a.rule)), Some((RuleLevel::Workspace, &workspace)));
    assert_eq!(rule_that_applies(&RulesByLevel::default()), None);
    assert_eq!(RuleLevel::Workspace.english(), "the workspace default");
}

proptest! {
    #[test]
    fn any_machine_text_is_read_back_or_refused_never_a_panic(text in "\\PC{0,40}") {
        let _ = Rule::from_machine_text(&text);
    }

    #[test]
    fn every_valid_rule_survives_its_machine_text(bp in 0u32..=10_000, minor in 0i64..1_000_000_000, second in 1i64..1_000_000, first_only in any::<bool>(), pick in 0u8..3) {
        let rule = match pick {
            0 => Rule::new(RateRule::Percent { basis_points: bp }, vec![SkuRate { sku: "SKU-1".into(), basis_points: bp / 2 }], first_only).unwrap(),
            1 => Rule::new(RateRule::Flat { amount: eur(minor) }, vec![], first_only).unwrap(),
            _ => Rule::new(tiers(&[(0, bp), (second, bp / 3)]), vec![], first_only).unwrap(),
        };
        prop_assert_eq!(Rule::from_machine_text(&rule.machine_text()).unwrap(), rule);
    }
}
