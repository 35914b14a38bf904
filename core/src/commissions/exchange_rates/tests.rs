//! Tests of exact rates, typed rates and conversion at the rate for a date.

use super::*;
use proptest::prelude::*;
use Spelling::{Dutch, English, Unknown};

fn cur(code: &str) -> Currency {
    Currency::parse(code).unwrap()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn money(code: &str, minor: i64) -> Money {
    Money { minor, currency: cur(code) }
}

fn rate(date: &str, from: &str, to: &str, text: &str) -> DatedRate {
    DatedRate::typed(date, from, to, text, Unknown).unwrap()
}

/// ECB-style rates (1 EUR = …) for the week of 2026-06-08, and nothing on the weekend.
fn ecb_week() -> RateTable {
    let mut table = RateTable::new();
    for (date, usd, jpy, gbp, kwd) in [("2026-06-05", "1.0135", "162.95", "0.85420", "0.3101"), ("2026-06-08", "1.0121", "162.80", "0.85390", "0.3099"), ("2026-06-10", "1.0163", "163.45", "0.85510", "0.3111")] {
        for (code, r) in [("USD", usd), ("JPY", jpy), ("GBP", gbp), ("KWD", kwd)] {
            table.insert(rate(date, "EUR", code, r));
        }
    }
    table
}

#[test]
fn a_rate_is_kept_exactly_as_written() {
    for (text, units, scale, shown) in [("1.0163", 10163, 4, "1.0163"), ("0.85510", 8551, 4, "0.8551"), ("163.45", 16345, 2, "163.45"), ("16623.45", 1662345, 2, "16623.45"), ("1", 1, 0, "1"), ("0.000123", 123, 6, "0.000123"), ("1400", 1400, 0, "1400")] {
        let r = ExactRate::parse(text, Unknown).unwrap();
        assert_eq!((r.units, r.scale), (units, scale), "{text}");
        assert_eq!(r.to_string(), shown);
    }
}

#[test]
fn a_typed_rate_reads_with_either_decimal_mark() {
    assert_eq!(ExactRate::parse("1,0163", Unknown), ExactRate::parse("1.0163", Unknown));
    assert_eq!(ExactRate::parse("24,635", Unknown).unwrap().to_string(), "24.635", "one separator is the decimal mark of a rate");
    assert_eq!(ExactRate::parse("16.623,45", Unknown).unwrap().to_string(), "16623.45");
    assert_eq!(ExactRate::parse("1,0163", Dutch).unwrap().to_string(), "1.0163");
    assert_eq!(ExactRate::parse("1.0163", English).unwrap().to_string(), "1.0163");
}

#[test]
fn what_is_not_a_rate_is_refused_with_its_code() {
    for (text, code) in [("0", "rate_not_positive"), ("0.0000", "rate_not_positive"), ("-1.2", "rate_not_positive"), ("abc", "rate_not_a_number"), ("", "rate_not_a_number"), ("N/A", "rate_not_a_number"), ("1.0000000000001", "rate_too_precise"), ("1234567890123456789", "rate_too_large")] {
        assert_eq!(ExactRate::parse(text, Unknown).unwrap_err().code, code, "{text:?}");
    }
}

#[test]
fn a_typed_rate_checks_its_date_and_currencies() {
    let typed = DatedRate::typed("10-06-2026", "eur", " usd ", "1,0163", Unknown).unwrap();
    assert_eq!((typed.date, typed.from, typed.to, typed.rate.to_string()), (day("2026-06-10"), cur("EUR"), cur("USD"), "1.0163".to_string()));
    assert_eq!(DatedRate::typed("31-02-2026", "EUR", "USD", "1", Unknown).unwrap_err().code, "rate_date_invalid");
    assert_eq!(DatedRate::typed("2026-06-10", "EUR", "EURO", "1", Unknown).unwrap_err().code, "currency_unknown");
    assert_eq!(DatedRate::typed("2026-06-10", "USD", "usd", "1", Unknown).unwrap_err().code, "rate_same_currency");
}

#[test]
fn an_order_in_dollars_converts_to_euros_at_the_rate_of_its_day() {
    let c = ecb_week().convert(money("USD", 10_163), cur("EUR"), day("2026-06-10"), DEFAULT_MAX_RATE_AGE_DAYS).unwrap();
    assert_eq!(c.amount, money("EUR", 10_000));
    assert_eq!(c.rates.len(), 1);
    assert!(c.rates[0].inverted, "the ECB's rate is EUR → USD");
    assert_eq!(c.shown_rate, "1 USD = 0.983961 EUR");
    assert_eq!(c.explanation.english, "USD 101.63 = EUR 100.00 at 1 USD = 0.983961 EUR (rate 1 EUR = 1.0163 USD of 2026-06-10, taken the other way round).");
}

#[test]
fn a_weekend_order_takes_the_latest_earlier_working_day_and_says_so() {
    let c = ecb_week().convert(money("EUR", 10_000), cur("USD"), day("2026-06-07"), DEFAULT_MAX_RATE_AGE_DAYS).unwrap();
    assert_eq!(c.amount, money("USD", 10_135));
    assert_eq!(c.rates[0].stored.date, day("2026-06-05"));
    assert!(c.explanation.english.contains("no rate on 2026-06-07: the latest before it"), "{}", c.explanation.english);
    assert_eq!(c.explanation.params["rate_dates"], "2026-06-05");
    let tuesday = ecb_week().convert(money("EUR", 10_000), cur("USD"), day("2026-06-09"), DEFAULT_MAX_RATE_AGE_DAYS).unwrap();
    assert_eq!(tuesday.rates[0].stored.date, day("2026-06-08"), "never a later rate");
}

#[test]
fn a_cross_rate_goes_through_euros_and_rounds_once() {
    // 100.00 GBP → EUR at 1/0.85510 → USD at 1.0163 = 118.85 USD (118.851596…).
    let c = ecb_week().convert(money("GBP", 10_000), cur("USD"), day("2026-06-10"), DEFAULT_MAX_RATE_AGE_DAYS).unwrap();
    assert_eq!(c.amount, money("USD", 11_885));
    assert_eq!(c.rates.len(), 2);
    assert_eq!(c.explanation.code, "converted_via_eur");
    assert_eq!(c.shown_rate, "1 GBP = 1.188516 USD");
}

#[test]
fn yen_and_dinar_keep_their_own_minor_units() {
    let table = ecb_week();
    let yen = table.convert(money("EUR", 1_000), cur("JPY"), day("2026-06-10"), 7).unwrap();
    assert_eq!(yen.amount, money("JPY", 1_635), "10.00 EUR = 1634.5 yen → 1635 (half away from zero)");
    let back = table.convert(money("JPY", 1_635), cur("EUR"), day("2026-06-10"), 7).unwrap();
    assert_eq!(back.amount, money("EUR", 1_000));
    let kwd = table.convert(money("EUR", 10_000), cur("KWD"), day("2026-06-10"), 7).unwrap();
    assert_eq!(kwd.amount, money("KWD", 31_110), "100.00 EUR = KWD 31.110");
    let kwd_to_jpy = table.convert(money("KWD", 1_000), cur("JPY"), day("2026-06-10"), 7).unwrap();
    assert_eq!(kwd_to_jpy.amount, money("JPY", 525), "1 KWD = 525.39 yen → 525");
}

#[test]
fn a_missing_rate_names_the_currency_and_the_date() {
    let refused = ecb_week().convert(money("CHF", 5_000), cur("EUR"), day("2026-06-10"), 7).unwrap_err();
    assert_eq!(refused.code, "rate_missing");
    assert_eq!((refused.params["currency"].as_str(), refused.params["date"].as_str()), ("CHF", "2026-06-10"));
    assert_eq!(refused.message, "There is no exchange rate for CHF on or before 2026-06-10: add it (or import the ECB rates) and the order will be counted.");
    let to_chf = ecb_week().convert(money("USD", 5_000), cur("CHF"), day("2026-06-10"), 7).unwrap_err();
    assert_eq!(to_chf.params["currency"], "CHF", "the leg that is missing is named");
    let before_any = ecb_week().convert(money("USD", 5_000), cur("EUR"), day("2026-06-01"), 7).unwrap_err();
    assert_eq!(before_any.code, "rate_missing", "a later rate is never used for an earlier order");
}

#[test]
fn a_rate_older_than_the_window_is_refused_with_its_date() {
    let refused = ecb_week().convert(money("USD", 5_000), cur("EUR"), day("2026-06-20"), 7).unwrap_err();
    assert_eq!(refused.code, "rate_too_old");
    assert_eq!(refused.params["latest"], "2026-06-10");
    assert!(ecb_week().convert(money("USD", 5_000), cur("EUR"), day("2026-06-17"), 7).is_ok(), "exactly seven days old is still in");
    assert!(ecb_week().convert(money("USD", 5_000), cur("EUR"), day("2026-06-20"), 10).is_ok(), "the window is the caller's");
}

#[test]
fn a_typed_direct_rate_is_used_before_going_through_euros() {
    let mut table = ecb_week();
    table.insert(rate("2026-06-09", "USD", "GBP", "0.8400"));
    let c = table.convert(money("USD", 10_000), cur("GBP"), day("2026-06-10"), 7).unwrap();
    assert_eq!((c.amount, c.rates.len()), (money("GBP", 8_400), 1));
    assert_eq!(table.insert(rate("2026-06-09", "USD", "GBP", "0.8450")).map(|r| r.rate.to_string()), Some("0.84".into()), "a new rate for the day replaces the old");
    assert_eq!(table.len(), 13);
}

#[test]
fn the_same_currency_needs_no_rate() {
    let c = RateTable::new().convert(money("EUR", 1_234), cur("EUR"), day("2026-06-10"), 7).unwrap();
    assert_eq!((c.amount, c.rates.len(), c.explanation.code), (money("EUR", 1_234), 0, "same_currency"));
}

proptest! {
    #[test]
    fn a_rate_shown_reads_back_the_same(units in 1u64..1_000_000_000_000_000, scale in 0u32..=12) {
        let r = ExactRate::new(units, scale);
        prop_assert_eq!(ExactRate::parse(&r.to_string(), Unknown).unwrap(), r);
    }

    #[test]
    fn any_typed_text_is_a_rate_or_a_refusal(text in "\\PC{0,24}") {
        let _ = ExactRate::parse(&text, Unknown);
        let _ = DatedRate::typed(&text, &text, "EUR", &text, Dutch);
    }

    #[test]
    fn converting_and_back_lands_within_a_minor_unit_or_two(minor in 0i64..1_000_000_000_000) {
        let table = ecb_week();
        let there = table.convert(money("EUR", minor), cur("USD"), day("2026-06-10"), 7).unwrap();
        let back = table.convert(there.amount, cur("EUR"), day("2026-06-10"), 7).unwrap();
        prop_assert!((back.amount.minor - minor).abs() <= 1);
    }
}
