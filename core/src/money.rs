//! Money is an integer count of minor units with its ISO 4217 currency beside it. Parsing what
//! people type (in the spelling they write numbers in, when it is known: see
//! [`crate::numbers::Spelling`]) and the machine format for files live here; nothing is ever
//! rounded silently: an amount with more decimals than its currency allows is refused, and one
//! that reads two ways with nothing to settle it is refused rather than guessed. The window
//! shows amounts in the reader's language from the minor units, placing digits as text
//! (`ui/js/shared/i18n.js`, `fmt.money`), so no amount ever passes through a float.

use crate::numbers::{self, Spelling};
use serde::Serialize;
use std::fmt;

/// An ISO 4217 currency code known to Chorus (checked against the ISO list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency(iso_currency::Currency);

impl Currency {
    pub fn parse(code: &str) -> Option<Currency> {
        let code = code.trim().to_ascii_uppercase();
        iso_currency::Currency::from_code(&code).map(Currency)
    }
    pub fn code(self) -> &'static str {
        // iso_currency hands out the code as a 'static str.
        self.0.code()
    }
    /// Digits after the decimal point: 2 for EUR, 0 for JPY, 3 for KWD.
    pub fn exponent(self) -> u32 {
        self.0.exponent().map(u32::from).unwrap_or(0)
    }
    pub fn symbol(self) -> String {
        self.0.symbol().to_string()
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

/// Why a typed amount was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountError {
    NotANumber,
    Negative,
    TooManyDecimals { allowed: u32 },
    TooLarge,
    WrongCurrency { found: String },
    /// `1.234` from a file in a currency with three decimals: 1.234 or 1234, and nothing says
    /// which.
    Ambiguous,
}

/// Reads an amount as people type it: `250`, `1.250,00`, `1,250.00`, `€ 99,95`, `99.95 EUR`,
/// written in `spelling`. `1,300` is 1,30 in Dutch and 1300 in English; with the spelling
/// unknown (a file) a single separator followed by exactly three digits is a thousands
/// separator, as in both languages' spreadsheets, except in a currency with three decimals,
/// where that text is refused as [`AmountError::Ambiguous`].
pub fn parse_amount(text: &str, currency: Currency, spelling: Spelling) -> Result<i64, AmountError> {
    let mut t = text.trim().to_string();
    // Strip a currency code or symbol at either end.
    let code = currency.code();
    for marker in [code.to_string(), currency.symbol(), "€".into(), "$".into(), "£".into()] {
        if marker.is_empty() {
            continue;
        }
        if let Some(rest) = t.strip_prefix(marker.as_str()) {
            t = rest.trim().to_string();
        }
        if let Some(rest) = t.strip_suffix(marker.as_str()) {
            t = rest.trim().to_string();
        }
    }
    if let Some(other) = leading_alpha_code(&t) {
        if !other.eq_ignore_ascii_case(code) {
            return Err(AmountError::WrongCurrency { found: other });
        }
    }
    let negative = t.starts_with('-');
    if negative {
        return Err(AmountError::Negative);
    }
    let d = numbers::read_decimal(&t, spelling).ok_or(AmountError::NotANumber)?;
    let exp = currency.exponent();
    if d.guessed_grouping && exp == 3 {
        return Err(AmountError::Ambiguous);
    }
    let (whole, frac) = (d.whole, d.fraction);
    if frac.len() as u32 > exp {
        // Trailing zeros beyond the currency's precision are harmless (`1,300` in Dutch is 1,30).
        if frac[exp as usize..].bytes().any(|b| b != b'0') {
            return Err(AmountError::TooManyDecimals { allowed: exp });
        }
    }
    let mut minor: i64 = whole.parse::<i64>().map_err(|_| AmountError::TooLarge)?;
    for i in 0..exp as usize {
        let digit = frac.as_bytes().get(i).map(|b| i64::from(b - b'0')).unwrap_or(0);
        minor = minor.checked_mul(10).and_then(|m| m.checked_add(digit)).ok_or(AmountError::TooLarge)?;
    }
    Ok(minor)
}

fn leading_alpha_code(t: &str) -> Option<String> {
    let letters: String = t.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let trailing: String = t.chars().rev().take_while(|c| c.is_ascii_alphabetic()).collect();
    let code = if letters.len() == 3 && letters.len() < t.len() {
        letters
    } else if trailing.len() == 3 && trailing.len() < t.len() {
        trailing.chars().rev().collect()
    } else {
        return None;
    };
    // Only a real currency code counts; other letters make the text not a number.
    Currency::parse(&code).map(|c| c.code().to_string())
}

/// Machine format: `1234.56`, no grouping, `.` as decimal point (CSV for other software).
pub fn format_plain(minor: i64, currency: Currency) -> String {
    let exp = currency.exponent();
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    if exp == 0 {
        return format!("{sign}{abs}");
    }
    let div = 10u64.pow(exp);
    format!("{sign}{}.{:0width$}", abs / div, abs % div, width = exp as usize)
}

/// [`format_plain`], written so that no reader can take it for thousands grouping, whatever
/// spelling it assumes: a currency with three decimals gets one zero more (`1.2340`, not
/// `1.234`, which a Dutch reader takes for 1234). For text the core hands out to be read back:
/// a form's draft, a CSV export. The window shows it without that zero (`fmt.plain`).
pub fn format_unmistakable(minor: i64, currency: Currency) -> String {
    let plain = format_plain(minor, currency);
    if currency.exponent() == 3 {
        plain + "0"
    } else {
        plain
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Spelling::{Dutch, English, Unknown};

    fn eur() -> Currency {
        Currency::parse("EUR").unwrap()
    }

    fn kwd() -> Currency {
        Currency::parse("KWD").unwrap()
    }

    #[test]
    fn parses_dutch_and_english_amounts_exactly() {
        for s in [Unknown, Dutch, English] {
            assert_eq!(parse_amount("1.234,56", eur(), s), Ok(123456));
            assert_eq!(parse_amount("1,234.56", eur(), s), Ok(123456));
            assert_eq!(parse_amount("€ 99,95", eur(), s), Ok(9995));
            assert_eq!(parse_amount("250", eur(), s), Ok(25000));
            assert_eq!(parse_amount("250 EUR", eur(), s), Ok(25000));
            assert_eq!(parse_amount("0,5", eur(), s), Ok(50));
            assert_eq!(parse_amount("1300.00", eur(), s), Ok(130000), "the core's own text, in every spelling");
        }
        assert_eq!(parse_amount("1.234", eur(), Unknown), Ok(123400), "a file: grouping, by habit");
        assert_eq!(parse_amount("1.234", eur(), Dutch), Ok(123400));
    }

    #[test]
    fn a_dutch_1_300_in_a_fee_field_is_one_euro_thirty_not_thirteen_hundred() {
        // Regression: “1,300” typed in a Dutch window was saved as €1.300,00, 1000× too much.
        assert_eq!(parse_amount("1,300", eur(), Dutch), Ok(130));
        assert_eq!(parse_amount("1.300", eur(), Dutch), Ok(130_000));
        assert_eq!(parse_amount("1.300", eur(), English), Ok(130));
        assert_eq!(parse_amount("1,300", eur(), English), Ok(130_000));
        assert_eq!(parse_amount("1,234", eur(), Dutch), Err(AmountError::TooManyDecimals { allowed: 2 }), "not silently 1234");
        assert_eq!(parse_amount("1.234", eur(), English), Err(AmountError::TooManyDecimals { allowed: 2 }));
    }

    #[test]
    fn an_english_kwd_amount_shown_as_1_234_reads_back_as_one_dinar_not_a_thousand() {
        // Regression: an English window showed KWD 1.234 as “1.234”; saved unchanged it came
        // back as 1234 dinars.
        assert_eq!(parse_amount("1.234", kwd(), English), Ok(1_234));
        assert_eq!(parse_amount("1,234", kwd(), Dutch), Ok(1_234));
        assert_eq!(parse_amount("1.234", kwd(), Dutch), Ok(1_234_000));
        assert_eq!(parse_amount("1,234", kwd(), English), Ok(1_234_000));
    }

    #[test]
    fn a_kwd_amount_of_a_thousand_or_more_as_the_core_writes_it_is_not_refused() {
        // Regression: “1234.567”, the core's own text for KWD 1234.567, was “not an amount”.
        for s in [Unknown, Dutch, English] {
            assert_eq!(parse_amount("1234.567", kwd(), s), Ok(1_234_567), "{s:?}");
            assert_eq!(parse_amount("1234,567", kwd(), s), Ok(1_234_567), "{s:?}");
        }
    }

    #[test]
    fn a_kwd_amount_that_reads_two_ways_in_a_file_is_refused_not_guessed() {
        assert_eq!(parse_amount("1.234", kwd(), Unknown), Err(AmountError::Ambiguous));
        assert_eq!(parse_amount("999,500", kwd(), Unknown), Err(AmountError::Ambiguous));
        assert_eq!(parse_amount("1.2340", kwd(), Unknown), Ok(1_234), "a fourth decimal settles it");
        assert_eq!(parse_amount("1.234,500", kwd(), Unknown), Ok(1_234_500), "both separators: one reading");
        assert_eq!(parse_amount("1234", kwd(), Unknown), Ok(1_234_000));
    }

    #[test]
    fn the_unmistakable_text_reads_back_in_every_spelling() {
        for code in ["EUR", "JPY", "KWD", "CLF"] {
            let c = Currency::parse(code).unwrap();
            for minor in [0, 5, 1_234, 12_345, 999_999, 123_456_789] {
                for s in [Unknown, Dutch, English] {
                    assert_eq!(parse_amount(&format_unmistakable(minor, c), c, s), Ok(minor), "{code} {minor} {s:?}");
                }
            }
        }
        assert_eq!(format_unmistakable(1_234, kwd()), "1.2340");
        assert_eq!(format_unmistakable(123_456, eur()), "1234.56");
    }

    #[test]
    fn refuses_what_it_would_have_to_round_or_guess() {
        for s in [Unknown, Dutch, English] {
            assert_eq!(parse_amount("1,2345", eur(), s), Err(AmountError::TooManyDecimals { allowed: 2 }));
            assert_eq!(parse_amount("-5", eur(), s), Err(AmountError::Negative));
            assert_eq!(parse_amount("abc", eur(), s), Err(AmountError::NotANumber));
            assert_eq!(parse_amount("", eur(), s), Err(AmountError::NotANumber));
            assert!(matches!(parse_amount("250 USD", eur(), s), Err(AmountError::WrongCurrency { .. })));
        }
    }

    #[test]
    fn currencies_without_minor_units_take_whole_amounts() {
        let jpy = Currency::parse("jpy").unwrap();
        for s in [Unknown, Dutch] {
            assert_eq!(parse_amount("1.500", jpy, s), Ok(1500));
            assert_eq!(parse_amount("1,5", jpy, s), Err(AmountError::TooManyDecimals { allowed: 0 }));
        }
        assert_eq!(parse_amount("1,500", jpy, English), Ok(1500));
        assert_eq!(parse_amount("1.500", jpy, English), Err(AmountError::TooManyDecimals { allowed: 0 }));
        assert_eq!(format_plain(1500, jpy), "1500");
    }

    #[test]
    fn formats_for_machines() {
        assert_eq!(format_plain(123456, eur()), "1234.56");
        assert_eq!(format_plain(-5, eur()), "-0.05");
    }

    #[test]
    fn unknown_currency_codes_are_refused() {
        assert!(Currency::parse("EUX").is_none());
        assert!(Currency::parse("").is_none());
        assert_eq!(Currency::parse("usd").unwrap().code(), "USD");
    }
}
