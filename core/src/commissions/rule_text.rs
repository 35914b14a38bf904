//! A commission rule as people write it, in a form or a cell of an affiliate list: `10%`,
//! `10 %`, `12,5%`, `12.5 % of net sales`, `€ 5,00 per order`, `5.00 flat`, `EUR 5 per order`,
//! `5 euro per bestelling`, `€5 vast`, each optionally with `first order only` / `eerste
//! bestelling`. A bare amount with a word that makes it flat (`per order`, `flat`, `vast`, …)
//! is in the workspace currency; an amount in another currency is refused, and so is a bare
//! number (`5` could be 5% or 5 euros). Numbers are read in the writer's spelling when it is
//! known (the window) and by the habits of both languages when not (a file): see
//! [`crate::numbers`]. Tiers and per-SKU rates are not written in one cell; a form builds them
//! from fields, each read with [`read_percent`] and [`read_flat_amount`].

use super::rules::{RateRule, Rule, MAX_BASIS_POINTS};
use super::Refusal;
use crate::money::{parse_amount, AmountError, Currency, Money};
use crate::numbers::{read_decimal, Spelling};

/// Words that say “only a customer's first order”, longest first.
const FIRST_ORDER_WORDS: &[&str] = &["alleen de eerste bestelling", "alleen eerste bestelling", "eerste bestelling", "first orders only", "first order only", "new customers only", "first order", "nieuwe klanten"];

/// Words around a flat amount that say it is per order.
const FLAT_WORDS: &[&str] = &["per bestelling", "per verkoop", "per order", "per sale", "/ order", "/order", "flat fee", "flat", "fixed", "vast bedrag", "vast"];

/// Words after a percentage that say what it is of.
const PERCENT_TAILS: &[&str] = &["of net sales", "of the net sales", "of sales", "of revenue", "of the order", "per order", "per sale", "van de omzet", "over de omzet", "per bestelling", "commissie", "commission"];

/// Reads a rule as people write it (see the module's words). `currency` is the workspace's.
pub fn read_rule(text: &str, currency: Currency, spelling: Spelling) -> Result<Rule, Refusal> {
    let shown = text.trim().to_string();
    let mut t = normalise(text);
    if t.is_empty() {
        return Err(Refusal::new("rule_empty", &[], "No commission was given: write a percentage such as 10% or an amount such as € 5 per order."));
    }
    let mut first_order_only = false;
    for words in FIRST_ORDER_WORDS {
        if let Some(at) = t.find(words) {
            t = format!("{}{}", &t[..at], &t[at + words.len()..]);
            first_order_only = true;
            break;
        }
    }
    let t = t.replace("()", "");
    let t = t.trim().trim_end_matches([',', ';', '(', ')', '-', '–', ':']).trim();
    let rate = if let Some((number, tail)) = t.split_once('%') {
        let tail = tail.trim();
        if !tail.is_empty() && !PERCENT_TAILS.contains(&tail) {
            return Err(unreadable(&shown));
        }
        RateRule::Percent { basis_points: read_percent_number(number.trim(), &shown, spelling)? }
    } else if let Some(number) = ["percent", "procent", "pct"].iter().find_map(|w| t.strip_suffix(w)) {
        RateRule::Percent { basis_points: read_percent_number(number.trim(), &shown, spelling)? }
    } else {
        RateRule::Flat { amount: read_flat(t, &shown, currency, spelling)? }
    };
    Rule::new(rate, Vec::new(), first_order_only)
}

/// A percentage field (`12,5`, `12.5%`) in basis points: at most two decimals, 0–100%.
pub fn read_percent(text: &str, spelling: Spelling) -> Result<u32, Refusal> {
    let shown = text.trim().to_string();
    let t = normalise(text);
    let number = t.strip_suffix('%').unwrap_or(&t).trim();
    read_percent_number(number, &shown, spelling)
}

/// An amount field of a rule (a flat amount, a tier's bound) in the workspace currency:
/// `5,00`, `€ 5`, `EUR 1.000`; another currency is refused.
pub fn read_flat_amount(text: &str, currency: Currency, spelling: Spelling) -> Result<Money, Refusal> {
    let shown = text.trim().to_string();
    let t = normalise(text);
    let (found, number) = split_currency(&t).ok_or_else(|| unreadable(&shown))?;
    if let Some(found) = found {
        check_currency(found, currency)?;
    }
    amount_in(number, currency, &shown, spelling)
}

fn normalise(text: &str) -> String {
    let spaced: String = text.chars().map(|c| if c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}' { ' ' } else { c }).collect();
    spaced.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ").to_lowercase()
}

fn unreadable(shown: &str) -> Refusal {
    Refusal::new("rule_unreadable", &[("text", shown.to_string())], format!("“{shown}” is not a commission Chorus can read: write a percentage such as 10% or an amount such as € 5 per order."))
}

fn read_percent_number(number: &str, shown: &str, spelling: Spelling) -> Result<u32, Refusal> {
    if number.starts_with('-') {
        return Err(Refusal::new("percent_negative", &[("text", shown.to_string())], format!("“{shown}” is below zero: a commission is zero or more.")));
    }
    let mut d = read_decimal(number, spelling).ok_or_else(|| unreadable(shown))?;
    if d.guessed_grouping {
        // `12,125%` from a file: no percentage of a commission needs thousands, so the
        // separator is a decimal mark.
        let spelling = if number.contains(',') { Spelling::Dutch } else { Spelling::English };
        d = read_decimal(number, spelling).ok_or_else(|| unreadable(shown))?;
    }
    let frac = d.fraction.trim_end_matches('0');
    if frac.len() > 2 {
        return Err(Refusal::new("percent_too_precise", &[("text", shown.to_string())], format!("“{shown}” has more than two decimals; a commission percentage has at most two (12.25%).")));
    }
    let whole: u32 = d.whole.parse().ok().filter(|w| *w <= MAX_BASIS_POINTS / 100).ok_or_else(|| over_100(shown))?;
    let hundredths: u32 = format!("{frac:0<2}").parse().unwrap_or(0);
    let basis_points = whole * 100 + hundredths;
    if basis_points > MAX_BASIS_POINTS {
        return Err(over_100(shown));
    }
    Ok(basis_points)
}

fn over_100(shown: &str) -> Refusal {
    Refusal::new("percent_over_100", &[("percent", shown.to_string())], format!("A commission of {shown} is more than the whole order: a percentage goes up to 100%."))
}

fn read_flat(t: &str, shown: &str, currency: Currency, spelling: Spelling) -> Result<Money, Refusal> {
    let mut rest = t.to_string();
    let mut said_flat = false;
    for words in FLAT_WORDS {
        if let Some(r) = rest.strip_suffix(words).or_else(|| rest.strip_prefix(words)) {
            rest = r.trim().to_string();
            said_flat = true;
        }
    }
    let (found, number) = split_currency(&rest).ok_or_else(|| unreadable(shown))?;
    match found {
        Some(found) => check_currency(found, currency)?,
        None if !said_flat => {
            return Err(Refusal::new(
                "rule_needs_unit",
                &[("text", shown.to_string()), ("currency", currency.code().to_string())],
                format!("“{shown}” could be a percentage or an amount: write {shown}% or {} {shown} per order.", currency.symbol()),
            ))
        }
        None => {}
    }
    amount_in(number, currency, shown, spelling)
}

/// A currency named in the text; `dollar_sign` when it was only `$`, which names the
/// workspace's own dollar when the workspace counts in one (CAD, AUD, …) and USD otherwise.
#[derive(Clone, Copy)]
struct Named {
    currency: Currency,
    dollar_sign: bool,
}

/// Splits a currency marker (`€`, `EUR`, `euro`, …) off either end: the currency it names
/// (`None` when there is none) and the number. `None` when the text holds letters that are not
/// a currency.
fn split_currency(t: &str) -> Option<(Option<Named>, &str)> {
    const MARKERS: &[(&str, &str)] = &[("euros", "EUR"), ("euro", "EUR"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("$", "USD")];
    for (marker, code) in MARKERS {
        if let Some(rest) = t.strip_prefix(marker).or_else(|| t.strip_suffix(marker)) {
            let currency = Currency::parse(code)?;
            return Some((Some(Named { currency, dollar_sign: *marker == "$" }), rest.trim()));
        }
    }
    let leading: String = t.chars().take_while(|c| c.is_alphabetic()).collect();
    let trailing: String = t.chars().rev().take_while(|c| c.is_alphabetic()).collect::<Vec<_>>().into_iter().rev().collect();
    for (word, rest) in [(&leading, t.get(leading.len()..)), (&trailing, t.get(..t.len() - trailing.len()))] {
        if word.is_empty() {
            continue;
        }
        let currency = Currency::parse(word).filter(|_| word.len() == 3)?;
        return Some((Some(Named { currency, dollar_sign: false }), rest?.trim()));
    }
    Some((None, t))
}

fn check_currency(found: Named, expected: Currency) -> Result<(), Refusal> {
    if found.currency == expected || (found.dollar_sign && expected.symbol().ends_with('$')) {
        return Ok(());
    }
    let found = found.currency;
    Err(Refusal::new(
        "currency_mismatch",
        &[("found", found.code().to_string()), ("expected", expected.code().to_string())],
        format!("The commission is in {found}, but this workspace counts in {expected}: write the amount in {expected}."),
    ))
}

fn amount_in(number: &str, currency: Currency, shown: &str, spelling: Spelling) -> Result<Money, Refusal> {
    let text = || ("text", shown.to_string());
    match parse_amount(number, currency, spelling) {
        Ok(minor) => Ok(Money { minor, currency }),
        Err(AmountError::Negative) => Err(Refusal::new("flat_negative", &[text()], format!("“{shown}” is below zero: a commission per order is zero or more."))),
        Err(AmountError::TooManyDecimals { allowed }) => Err(Refusal::new(
            "amount_too_many_decimals",
            &[text(), ("currency", currency.code().into()), ("allowed", allowed.to_string())],
            format!("“{shown}” has more decimals than {currency} has ({allowed}); Chorus does not round what you typed."),
        )),
        Err(AmountError::Ambiguous) => Err(Refusal::new(
            "amount_ambiguous",
            &[text(), ("currency", currency.code().into())],
            format!("“{shown}” reads two ways in {currency} (three decimals or a thousands separator): write it with four decimals or without the separator."),
        )),
        Err(AmountError::TooLarge) => Err(Refusal::new("amount_too_large", &[text()], format!("“{shown}” is too large for a commission."))),
        Err(AmountError::NotANumber | AmountError::WrongCurrency { .. }) => Err(unreadable(shown)),
    }
}

#[cfg(test)]
#[path = "rule_text_tests.rs"]
mod tests;
