//! Money is an integer count of minor units with its ISO 4217 currency beside it. Parsing what
//! people type and the machine format for files live here; nothing is ever rounded silently: an
//! amount with more decimals than its currency allows is refused. The window shows amounts in
//! the reader's language from the minor units, placing digits as text (`ui/js/i18n.js`,
//! `fmt.money`), so no amount ever passes through a float.

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
}

/// Reads an amount as people type it: `250`, `1.250,00`, `1,250.00`, `€ 99,95`, `99.95 EUR`.
/// A single separator followed by exactly three digits is a thousands separator (`1.234` is
/// one thousand two hundred thirty-four), as in both Dutch and English habits.
pub fn parse_amount(text: &str, currency: Currency) -> Result<i64, AmountError> {
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
    let (whole, frac) = crate::numbers::split_decimal(&t).ok_or(AmountError::NotANumber)?;
    let exp = currency.exponent();
    if frac.len() as u32 > exp {
        // Trailing zeros beyond the currency's precision are harmless (`12,500` for JPY is not
        // reached here: three digits after one separator is a thousands group).
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

#[cfg(test)]
mod tests {
    use super::*;

    fn eur() -> Currency {
        Currency::parse("EUR").unwrap()
    }

    #[test]
    fn parses_dutch_and_english_amounts_exactly() {
        assert_eq!(parse_amount("1.234,56", eur()), Ok(123456));
        assert_eq!(parse_amount("1,234.56", eur()), Ok(123456));
        assert_eq!(parse_amount("€ 99,95", eur()), Ok(9995));
        assert_eq!(parse_amount("250", eur()), Ok(25000));
        assert_eq!(parse_amount("250 EUR", eur()), Ok(25000));
        assert_eq!(parse_amount("1.234", eur()), Ok(123400));
        assert_eq!(parse_amount("0,5", eur()), Ok(50));
    }

    #[test]
    fn refuses_what_it_would_have_to_round_or_guess() {
        assert_eq!(parse_amount("1,2345", eur()), Err(AmountError::TooManyDecimals { allowed: 2 }));
        assert_eq!(parse_amount("-5", eur()), Err(AmountError::Negative));
        assert_eq!(parse_amount("abc", eur()), Err(AmountError::NotANumber));
        assert_eq!(parse_amount("", eur()), Err(AmountError::NotANumber));
        assert!(matches!(parse_amount("250 USD", eur()), Err(AmountError::WrongCurrency { .. })));
    }

    #[test]
    fn currencies_without_minor_units_take_whole_amounts() {
        let jpy = Currency::parse("jpy").unwrap();
        assert_eq!(parse_amount("1.500", jpy), Ok(1500));
        assert_eq!(parse_amount("1,5", jpy), Err(AmountError::TooManyDecimals { allowed: 0 }));
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
