//! Spend, CPM, CPE, CPC, CPA, ROAS and EMV against hand-computed amounts: the one rounding rule at
//! the half, zero and missing counts, currencies that do not mix.

use super::cost::{cpa, cpc, cpe, cpm, roas, spend_total};
use super::emv::{emv, EmvValues, NotCounted, DEFAULT_EMV_VALUES_EUR_CENTS, EMV_COUNTS};
use super::formulas::{Count, PostCounts};
use super::rate::{Figure, NotEnoughData, Ratio, Refused};
use crate::money::{Currency, Money};
use crate::numbers::Spelling::{Dutch, English};
use proptest::prelude::*;

fn eur(minor: i64) -> Money {
    Money { minor, currency: Currency::parse("EUR").unwrap() }
}

fn usd(minor: i64) -> Money {
    Money { minor, currency: Currency::parse("USD").unwrap() }
}

fn cents(figure: Result<Figure<Money>, Refused>) -> i64 {
    figure.expect("not refused").value().expect("a figure").minor
}

fn lacking<T>(figure: Result<Figure<T>, Refused>) -> NotEnoughData {
    figure.ok().expect("not refused").reason().expect("no figure")
}

fn counts(likes: i64, comments: i64, shares: Option<i64>, saves: Option<i64>) -> PostCounts {
    PostCounts { likes: Some(likes), comments: Some(comments), shares, saves, ..Default::default() }
}

#[test]
fn cpm_is_spend_per_thousand_impressions() {
    // € 250.00 ÷ 40,000 × 1,000 = € 6.25
    assert_eq!(cents(cpm(eur(25_000), Some(40_000))), 625);
    assert_eq!(cpm(eur(25_000), Some(40_000)).unwrap().value().unwrap().currency.code(), "EUR");
    assert_eq!(lacking(cpm(eur(25_000), Some(0))), NotEnoughData::Zero { count: Count::Impressions });
    assert_eq!(lacking(cpm(eur(25_000), None)), NotEnoughData::Unknown { count: Count::Impressions });
    // ¥ 5,000 ÷ 3 × 1,000 = ¥ 1,666,666.67 → ¥ 1,666,667 (a currency without decimals).
    assert_eq!(cents(cpm(Money { minor: 5_000, currency: Currency::parse("JPY").unwrap() }, Some(3))), 1_666_667);
}

#[test]
fn a_cost_rounds_once_at_the_half_away_from_zero() {
    // 1 cent × 1,000 ÷ 2,000 = 0.5 cent → 1 cent; ÷ 2,001 → 0.4998 → 0.
    assert_eq!(cents(cpm(eur(1), Some(2_000))), 1);
    assert_eq!(cents(cpm(eur(1), Some(2_001))), 0);
    // € 100.00 ÷ 3 clicks = 3,333.33 cents → € 33.33; ÷ 8 = € 12.50 exactly.
    assert_eq!(cents(cpc(eur(10_000), Some(3))), 3_333);
    assert_eq!(cents(cpc(eur(5), Some(2))), 3, "2.5 cents → 3");
    assert_eq!(cents(cpa(eur(10_000), Some(8))), 1_250);
}

#[test]
fn cpe_divides_by_the_interactions_engagement_counts() {
    // € 100.00 ÷ (300 + 50 + 25 + 25) = € 0.25
    assert_eq!(cents(cpe(eur(10_000), &counts(300, 50, Some(25), Some(25)))), 25);
    // Saves not reported: ÷ 375 = 26.67 cents → 27.
    assert_eq!(cents(cpe(eur(10_000), &counts(300, 50, Some(25), None))), 27);
    assert_eq!(lacking(cpe(eur(10_000), &counts(0, 0, Some(0), Some(0)))), NotEnoughData::NoInteractions);
    assert_eq!(lacking(cpe(eur(10_000), &PostCounts::default())), NotEnoughData::Unknown { count: Count::Likes });
}

#[test]
fn cpc_and_cpa_without_clicks_or_orders_have_no_figure() {
    assert_eq!(lacking(cpc(eur(10_000), Some(0))), NotEnoughData::Zero { count: Count::LinkClicks });
    assert_eq!(lacking(cpc(eur(10_000), None)), NotEnoughData::Unknown { count: Count::LinkClicks });
    assert_eq!(lacking(cpa(eur(10_000), Some(0))), NotEnoughData::Zero { count: Count::Orders });
    assert_eq!(NotEnoughData::Zero { count: Count::Orders }.sentence(English), "Not enough data: the number of attributed orders is 0.");
    assert_eq!(NotEnoughData::Zero { count: Count::Orders }.sentence(Dutch), "Te weinig gegevens: het aantal toegewezen bestellingen is 0.");
    assert_eq!(cents(cpa(eur(0), Some(4))), 0, "nothing spent: it cost nothing");
}

#[test]
fn roas_is_revenue_over_spend_exact() {
    let Figure::Value(r) = roas(eur(75_000), eur(25_000)).unwrap() else { panic!("a figure") };
    assert_eq!(r, Ratio::new(3, 1).unwrap());
    assert_eq!(r.percent_text(English), "300%");
    assert_eq!(roas(eur(10_000), eur(3_000)).unwrap().value().unwrap(), &Ratio::new(10, 3).unwrap());
    assert_eq!(lacking(roas(eur(75_000), eur(0))), NotEnoughData::NoSpend);
    assert_eq!(roas(eur(0), eur(25_000)).unwrap().value().unwrap(), &Ratio::zero());
}

#[test]
fn currencies_are_never_mixed() {
    let refused = roas(usd(75_000), eur(25_000)).unwrap_err();
    assert_eq!(refused, Refused::MixedCurrencies { first: Currency::parse("USD").unwrap(), second: Currency::parse("EUR").unwrap() });
    assert_eq!(refused.to_string(), "These amounts are in USD and EUR: Chorus adds and compares amounts in one currency only. Convert them first.");
    assert_eq!(serde_json::to_value(&refused).unwrap(), serde_json::json!({"code": "mixed_currencies", "first": "USD", "second": "EUR"}));
    assert!(matches!(spend_total(&[eur(20_000), usd(500)]), Err(Refused::MixedCurrencies { .. })));
}

#[test]
fn spend_adds_fee_gifts_and_commissions() {
    // € 200.00 fee + € 49.95 of gifted product + € 12.50 commission = € 262.45
    assert_eq!(cents(spend_total(&[eur(20_000), eur(4_995), eur(1_250)])), 26_245);
    assert_eq!(lacking(spend_total(&[])), NotEnoughData::NoSpend);
    assert_eq!(spend_total(&[eur(20_000), eur(-1)]), Err(Refused::NegativeAmount));
    assert_eq!(spend_total(&[eur(i64::MAX), eur(1)]), Err(Refused::TooLarge));
}

#[test]
fn amounts_below_zero_or_too_large_are_refused() {
    assert_eq!(cpm(eur(-100), Some(1_000)), Err(Refused::NegativeAmount));
    assert_eq!(roas(eur(-1), eur(100)), Err(Refused::NegativeAmount));
    assert_eq!(cpm(eur(i64::MAX), Some(1)), Err(Refused::TooLarge), "× 1,000 does not fit an amount");
    assert_eq!(cents(cpc(eur(i64::MAX), Some(1))), i64::MAX);
}

fn a_post() -> PostCounts {
    PostCounts { views: Some(12_345), impressions: Some(20_000), likes: Some(800), comments: Some(40), shares: Some(12), saves: Some(30), link_clicks: Some(25), profile_follows: Some(4), reach: Some(9_000), followers_at_post: Some(15_000) }
}

#[test]
fn emv_adds_each_count_times_its_value_counting_views_once() {
    let Figure::Value(e) = emv(&a_post(), &EmvValues::defaults()).unwrap() else { panic!("a figure") };
    // Views: 12,345 ÷ 1,000 × 500 = 6,172.5 cents → 6,173 (the half away from zero).
    // Likes 800 × 10, comments 40 × 50, shares 12 × 50, saves 30 × 50, clicks 25 × 100, follows 4 × 150.
    let amounts: Vec<(Count, i64)> = e.lines.iter().map(|l| (l.count, l.amount.minor)).collect();
    assert_eq!(amounts, [(Count::Views, 6_173), (Count::Likes, 8_000), (Count::Comments, 2_000), (Count::Shares, 600), (Count::Saves, 1_500), (Count::LinkClicks, 2_500), (Count::ProfileFollows, 600)]);
    assert_eq!(e.total, eur(21_373));
    assert_eq!(e.not_counted, [(Count::Impressions, NotCounted::SeenCountedOnce)]);
    assert_eq!((e.lines[0].per, e.lines[1].per), (1_000, 1));
    assert_eq!(e.total.minor, e.lines.iter().map(|l| l.amount.minor).sum::<i64>(), "the lines add up to the total");
}

#[test]
fn emv_takes_impressions_where_views_are_not_known_or_not_valued() {
    let no_views = PostCounts { views: None, ..a_post() };
    let e = emv(&no_views, &EmvValues::defaults()).unwrap().value().cloned().unwrap();
    assert_eq!((e.lines[0].count, e.lines[0].amount.minor), (Count::Impressions, 10_000), "20,000 ÷ 1,000 × 500");
    assert_eq!(e.not_counted, [(Count::Views, NotCounted::NotKnown)]);
    let mut values = EmvValues::defaults();
    values.values.remove(&Count::Views);
    let e = emv(&a_post(), &values).unwrap().value().cloned().unwrap();
    assert_eq!(e.lines[0].count, Count::Impressions);
    assert_eq!(e.not_counted, [(Count::Views, NotCounted::NoValue)]);
}

#[test]
fn emv_without_values_or_counts_has_no_figure_and_refuses_what_is_no_media_value() {
    assert_eq!(lacking(emv(&PostCounts::default(), &EmvValues::defaults())), NotEnoughData::NoValuedCounts);
    let none = EmvValues { currency: Currency::parse("SEK").unwrap(), values: Default::default() };
    assert_eq!(lacking(emv(&a_post(), &none)), NotEnoughData::NoValuedCounts);
    let mut reach = EmvValues::defaults();
    reach.values.insert(Count::Reach, 1);
    assert_eq!(emv(&a_post(), &reach), Err(Refused::NotAnEmvCount { count: Count::Reach }));
    assert!(Refused::NotAnEmvCount { count: Count::Reach }.to_string().starts_with("EMV has no value for reach: "));
    let mut negative = EmvValues::defaults();
    negative.values.insert(Count::Likes, -10);
    assert_eq!(emv(&a_post(), &negative), Err(Refused::NegativeAmount));
    assert_eq!(lacking(emv(&PostCounts { saves: Some(-3), ..a_post() }, &EmvValues::defaults())), NotEnoughData::Negative { count: Count::Saves });
}

#[test]
fn the_default_values_cover_every_emv_count_once() {
    let counted: Vec<Count> = DEFAULT_EMV_VALUES_EUR_CENTS.iter().map(|(c, _)| *c).collect();
    assert_eq!(counted, EMV_COUNTS);
    assert!(DEFAULT_EMV_VALUES_EUR_CENTS.iter().all(|(_, v)| *v > 0));
}

proptest! {
    #[test]
    fn the_emv_lines_always_add_up_to_the_total(views in proptest::option::of(0i64..1_000_000_000), impressions in proptest::option::of(0i64..1_000_000_000), likes in proptest::option::of(0i64..10_000_000), per_view in 0i64..100_000) {
        let mut values = EmvValues::defaults();
        values.values.insert(Count::Views, per_view);
        let post = PostCounts { views, impressions, likes, ..Default::default() };
        if let Figure::Value(e) = emv(&post, &values).unwrap() {
            prop_assert_eq!(e.total.minor, e.lines.iter().map(|l| l.amount.minor).sum::<i64>());
            prop_assert!(e.lines.iter().filter(|l| l.per == 1_000).count() <= 1, "seen is counted once");
        }
    }

    #[test]
    fn a_cost_is_within_half_a_minor_unit_of_the_exact_one(spend in 0i64..1_000_000_000_000, count in 1i64..1_000_000_000) {
        let got = cents(cpc(eur(spend), Some(count)));
        prop_assert!((i128::from(got) * i128::from(count) - i128::from(spend)).abs() * 2 <= i128::from(count));
    }
}
