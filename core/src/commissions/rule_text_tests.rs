//! Tests of reading rules as people write them, over the family of ways they write them.

use super::*;
use crate::commissions::rules::{money_text, percent_text};
use proptest::prelude::*;
use Spelling::{Dutch, English, Unknown};

fn cur(code: &str) -> Currency {
    Currency::parse(code).unwrap()
}

fn percent_of(text: &str, spelling: Spelling) -> Result<u32, Refusal> {
    read_rule(text, cur("EUR"), spelling).map(|r| match r.rate() {
        RateRule::Percent { basis_points } => *basis_points,
        other => panic!("{text:?} read as {other:?}"),
    })
}

fn flat_of(text: &str, currency: &str, spelling: Spelling) -> Result<i64, Refusal> {
    read_rule(text, cur(currency), spelling).map(|r| match r.rate() {
        RateRule::Flat { amount } => amount.minor,
        other => panic!("{text:?} read as {other:?}"),
    })
}

#[test]
fn percentages_read_with_or_without_a_space_and_with_either_decimal_mark() {
    for s in [Unknown, Dutch, English] {
        for (text, bp) in [("10%", 1000), ("10 %", 1000), ("12,5%", 1250), ("12.5 %", 1250), (" 7,25 % ", 725), ("100%", 10_000), ("0%", 0), ("15\u{a0}%", 1500), ("10 percent", 1000), ("10 procent", 1000), ("10% of net sales", 1000), ("10% van de omzet", 1000), ("12,50%", 1250)] {
            assert_eq!(percent_of(text, s), Ok(bp), "{text:?} {s:?}");
        }
    }
    // From a file, one separator before three digits is a decimal mark in a percentage: no
    // commission needs a thousands separator.
    assert_eq!(percent_of("1.250%", Unknown), Ok(125));
    assert_eq!(percent_of("1,250%", Unknown), Ok(125));
    assert_eq!(percent_of("1.250%", Dutch).unwrap_err().code, "percent_over_100", "a Dutch window's 1.250 is 1250");
}

#[test]
fn flat_amounts_read_in_english_and_dutch_words() {
    for s in [Unknown, Dutch, English] {
        for (text, minor) in [("€ 5,00 per order", 500), ("5.00 flat", 500), ("EUR 5 per order", 500), ("5 euro per bestelling", 500), ("€5 vast", 500), ("5,00 EUR PER ORDER", 500), ("flat € 7,50", 750), ("€ 2,5", 250), ("eur 5", 500), ("5 euros per sale", 500)] {
            assert_eq!(flat_of(text, "EUR", s), Ok(minor), "{text:?} {s:?}");
        }
    }
}

#[test]
fn a_bare_amount_with_a_flat_word_is_in_the_workspace_currency() {
    assert_eq!(flat_of("500 per order", "JPY", Unknown), Ok(500));
    assert_eq!(flat_of("1,500 vast", "KWD", Dutch), Ok(1_500), "1,500 dinar in Dutch");
    assert_eq!(flat_of("$5 per order", "CAD", Unknown), Ok(500), "$ is the workspace's own dollar");
    assert_eq!(flat_of("$5 per order", "USD", Unknown), Ok(500));
}

#[test]
fn first_order_only_is_read_in_english_and_dutch() {
    for text in ["10% first order only", "10% (first order only)", "10%, alleen eerste bestelling", "€ 5 per order - first order", "10% Eerste bestelling"] {
        let rule = read_rule(text, cur("EUR"), Unknown).unwrap();
        assert!(rule.first_order_only(), "{text:?}");
    }
    assert!(!read_rule("10%", cur("EUR"), Unknown).unwrap().first_order_only());
}

#[test]
fn an_amount_in_another_currency_is_refused_naming_both() {
    for text in ["USD 5 per order", "$5 per order", "£ 5 flat", "5 GBP per order"] {
        let refused = read_rule(text, cur("EUR"), Unknown).unwrap_err();
        assert_eq!(refused.code, "currency_mismatch", "{text:?}");
        assert_eq!(refused.params["expected"], "EUR");
        assert!(refused.message.contains("EUR"), "{}", refused.message);
    }
    assert_eq!(read_rule("USD 5 per order", cur("CAD"), Unknown).unwrap_err().code, "currency_mismatch", "a code is never taken for the workspace's dollar");
}

#[test]
fn a_bare_number_is_refused_because_it_could_be_percent_or_money() {
    let refused = read_rule("5", cur("EUR"), Unknown).unwrap_err();
    assert_eq!(refused.code, "rule_needs_unit");
    assert_eq!(refused.message, "“5” could be a percentage or an amount: write 5% or € 5 per order.");
    assert_eq!(read_rule("0,1", cur("EUR"), Dutch).unwrap_err().code, "rule_needs_unit", "Excel's 10% as a fraction");
}

#[test]
fn what_cannot_be_a_rule_is_refused_with_a_sentence_and_the_text() {
    for (text, code) in [
        ("", "rule_empty"),
        ("   ", "rule_empty"),
        ("ten percent", "rule_unreadable"),
        ("10% + €2", "rule_unreadable"),
        ("5 dollars per order", "rule_unreadable"),
        ("110%", "percent_over_100"),
        ("250 %", "percent_over_100"),
        ("1.000,5%", "percent_over_100"),
        ("-5%", "percent_negative"),
        ("12,125%", "percent_too_precise"),
        ("-5 per order", "flat_negative"),
        ("€ 5,0012 per order", "amount_too_many_decimals"),
        ("99999999999999999999 per order", "amount_too_large"),
    ] {
        let refused = read_rule(text, cur("EUR"), Unknown).expect_err(text);
        assert_eq!(refused.code, code, "{text:?}: {}", refused.message);
        assert!(refused.message.ends_with('.'), "{}", refused.message);
    }
    assert_eq!(read_rule("1.234 per order", cur("KWD"), Unknown).unwrap_err().code, "amount_ambiguous");
    assert_eq!(read_rule("5,5 per order", cur("JPY"), Unknown).unwrap_err().params["allowed"], "0");
}

#[test]
fn form_fields_for_tiers_and_sku_rates_read_percentages_and_amounts() {
    assert_eq!(read_percent("12,5", Dutch), Ok(1250));
    assert_eq!(read_percent("12.5%", English), Ok(1250));
    assert_eq!(read_percent("abc", Unknown).unwrap_err().code, "rule_unreadable");
    assert_eq!(read_flat_amount("€ 1.000", cur("EUR"), Dutch).map(|m| m.minor), Ok(100_000));
    assert_eq!(read_flat_amount("1000", cur("JPY"), Unknown).map(|m| m.minor), Ok(1000));
    assert_eq!(read_flat_amount("USD 10", cur("EUR"), Unknown).unwrap_err().code, "currency_mismatch");
}

#[test]
fn a_refusal_becomes_a_field_problem_with_the_typed_text() {
    let problem = read_rule("ten percent", cur("EUR"), Unknown).unwrap_err().into_field_error("commission");
    assert_eq!((problem.field.as_str(), problem.code, problem.value.as_deref()), ("commission", "rule_unreadable", Some("ten percent")));
}

proptest! {
    #[test]
    fn any_text_is_read_or_refused_never_a_panic(text in "\\PC{0,30}", code in prop::sample::select(vec!["EUR", "JPY", "KWD", "USD", "CAD"])) {
        for s in [Unknown, Dutch, English] {
            let _ = read_rule(&text, cur(code), s);
            let _ = read_percent(&text, s);
            let _ = read_flat_amount(&text, cur(code), s);
        }
    }

    #[test]
    fn mangled_rules_never_panic(base in prop::sample::select(vec!["10%", "€ 5,00 per order", "5 euro per bestelling", "12,5 % eerste bestelling"]), cut in 0usize..30, junk in "[ %€,.;()a-z0-9-]{0,4}") {
        let chars: Vec<char> = base.chars().collect();
        let cut = cut.min(chars.len());
        let mangled: String = chars[..cut].iter().collect::<String>() + &junk + &chars[cut..].iter().collect::<String>();
        let _ = read_rule(&mangled, cur("EUR"), Unknown);
    }

    #[test]
    fn a_percentage_as_chorus_shows_it_reads_back(bp in 0u32..=10_000) {
        prop_assert_eq!(percent_of(&percent_text(bp), Unknown).unwrap(), bp);
        prop_assert_eq!(percent_of(&percent_text(bp).replace('.', ","), Dutch).unwrap(), bp);
    }

    #[test]
    fn a_flat_amount_as_chorus_shows_it_reads_back(minor in 0i64..10_000_000_000, code in prop::sample::select(vec!["EUR", "JPY", "KWD"])) {
        let amount = Money { minor, currency: cur(code) };
        // `KWD 1.234 per order` reads two ways from a file (1.234 or 1234): in the English
        // window it is what was shown; a file gets the unmistakable text (a fourth zero).
        let text = format!("{} per order", money_text(amount));
        let spelling = if code == "KWD" { English } else { Unknown };
        prop_assert_eq!(flat_of(&text, code, spelling).unwrap(), minor);
    }
}
