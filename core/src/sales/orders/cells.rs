//! One cell of an order file into a value: amounts (through [`crate::money::parse_amount`],
//! with a quick road for the plain `12.50` every shop export writes that gives exactly what it
//! gives), coupon cells in each shop's syntax, quantities, yes/no, and UTM values out of a
//! landing URL's query.

use super::columns::CodeSyntax;
use crate::money::{parse_amount, AmountError, Currency};
use crate::numbers::Spelling;

/// An amount in minor units, or why not as the end of a sentence (`: …`). With `signless` a
/// leading `-` is dropped (refunds and discounts written negative).
pub(crate) fn read_amount(text: &str, currency: Currency, spelling: Spelling, signless: bool) -> Result<i64, String> {
    let t = if signless { text.trim().strip_prefix('-').unwrap_or(text).trim_start() } else { text };
    if let Some(v) = plain_amount(t, currency.exponent(), spelling) {
        return Ok(v);
    }
    parse_amount(t, currency, spelling).map_err(|e| match e {
        AmountError::NotANumber => String::new(),
        AmountError::Negative => ": it is negative".into(),
        AmountError::TooManyDecimals { allowed: 0 } => format!(": {} has no decimals", currency.code()),
        AmountError::TooManyDecimals { allowed } => format!(": {} has {allowed} decimals", currency.code()),
        AmountError::TooLarge => ": it is too large".into(),
        AmountError::WrongCurrency { found } => format!(": it is written in {found}"),
        AmountError::Ambiguous => ": it reads as a whole amount or as decimals, and nothing says which".into(),
    })
}

/// `1234`, `12.50` (`12,50` in Dutch): digits, at most one decimal mark of the spelling and no
/// more decimals than the currency has. What this accepts [`parse_amount`] reads the same
/// (a test holds them to it); anything else goes there.
fn plain_amount(text: &str, exponent: u32, spelling: Spelling) -> Option<i64> {
    let mark = match spelling {
        Spelling::English => b'.',
        Spelling::Dutch => b',',
        Spelling::Unknown => return None,
    };
    let b = text.as_bytes();
    let (whole, frac) = match b.iter().position(|&c| c == mark) {
        Some(i) => (&b[..i], &b[i + 1..]),
        None => (b, &b[b.len()..]),
    };
    let has_mark = whole.len() < b.len();
    if whole.is_empty() || whole.len() > 15 || frac.len() > exponent as usize || (has_mark && frac.is_empty()) {
        return None;
    }
    if !whole.iter().chain(frac).all(u8::is_ascii_digit) {
        return None;
    }
    let mut v: i64 = 0;
    for &c in whole {
        v = v * 10 + i64::from(c - b'0');
    }
    for i in 0..exponent as usize {
        v = v * 10 + frac.get(i).map_or(0, |&c| i64::from(c - b'0'));
    }
    Some(v)
}

/// The codes of a coupon cell, trimmed, empty ones left out; `Err` for a SkyVerge cell that
/// does not read as coupon items.
pub(crate) fn read_codes(text: &str, syntax: CodeSyntax) -> Result<Vec<String>, ()> {
    match syntax {
        CodeSyntax::List => Ok(text.split([',', ';']).map(str::trim).filter(|c| !c.is_empty()).map(str::to_string).collect()),
        CodeSyntax::CouponItems => {
            let mut codes = Vec::new();
            for item in split_escaped(text, ';') {
                if item.trim().is_empty() {
                    continue;
                }
                let fields = split_escaped(&item, '|');
                if fields.len() == 1 && !contains_unescaped(&fields[0], ':') {
                    codes.push(unescape(fields[0].trim())); // a bare code
                    continue;
                }
                let code = fields.iter().find_map(|f| {
                    let (k, v) = split_once_escaped(f, ':')?;
                    (k.trim() == "code").then(|| unescape(v.trim()))
                });
                match code {
                    Some(c) if !c.is_empty() => codes.push(c),
                    _ => return Err(()),
                }
            }
            Ok(codes)
        }
    }
}

/// Splits at `sep` where no backslash escapes it; the escapes stay in the parts.
fn split_escaped(text: &str, sep: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut escaped = false;
    for c in text.chars() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == sep {
            parts.push(String::new());
            continue;
        }
        parts.last_mut().expect("one part").push(c);
    }
    parts
}

fn contains_unescaped(text: &str, sep: char) -> bool {
    split_escaped(text, sep).len() > 1
}

fn split_once_escaped(text: &str, sep: char) -> Option<(String, String)> {
    let parts = split_escaped(text, sep);
    let (k, rest) = parts.split_first()?;
    if rest.is_empty() {
        return None;
    }
    Some((k.clone(), rest.join(&sep.to_string())))
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut escaped = false;
    for c in text.chars() {
        if !escaped && c == '\\' {
            escaped = true;
            continue;
        }
        escaped = false;
        out.push(c);
    }
    out
}

/// A whole number of items, `1` to a billion; `2.0` from a spreadsheet counts as 2.
pub(crate) fn read_quantity(text: &str) -> Option<i64> {
    let t = text.trim();
    let t = t.strip_suffix(".0").or_else(|| t.strip_suffix(",0")).unwrap_or(t);
    let q: i64 = t.parse().ok()?;
    (0..=1_000_000_000).contains(&q).then_some(q)
}

pub(crate) fn read_yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "true" | "yes" | "y" | "1" | "ja" | "j" | "waar" => Some(true),
        "false" | "no" | "n" | "0" | "nee" | "onwaar" => Some(false),
        _ => None,
    }
}

/// The `utm_*` values of a URL's query (`+` and `%xx` decoded), a full URL or a path.
pub(crate) fn utm_from_url(url: &str) -> super::Utm {
    let mut utm = super::Utm::default();
    let Some((_, query)) = url.split_once('?') else { return utm };
    let query = query.split('#').next().unwrap_or("");
    for pair in query.split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = percent_decode(v);
        if v.is_empty() {
            continue;
        }
        let slot = match percent_decode(k).to_ascii_lowercase().as_str() {
            "utm_source" => &mut utm.source,
            "utm_medium" => &mut utm.medium,
            "utm_campaign" => &mut utm.campaign,
            "utm_content" => &mut utm.content,
            "utm_term" => &mut utm.term,
            _ => continue,
        };
        slot.get_or_insert(v);
    }
    utm
}

fn percent_decode(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                match std::str::from_utf8(&b[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_road_for_plain_amounts_agrees_with_parse_amount() {
        let mut texts: Vec<String> = ["0", "1", "12.5", "12.50", "12,50", "1234.56", "1.234", "1,234", "007.10", "1.", ".5", "1.2.3", "12.505", "999999999999999", "1e5", "١٢"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for n in 0..2_000u64 {
            let x = n.wrapping_mul(2_654_435_761) % 10_000_000;
            texts.push(format!("{}.{:02}", x / 100, x % 100));
            texts.push(format!("{},{:03}", x / 1000, x % 1000));
            texts.push(format!("{}", x));
        }
        for code in ["EUR", "JPY", "KWD"] {
            let c = Currency::parse(code).unwrap();
            for s in [Spelling::English, Spelling::Dutch] {
                for t in &texts {
                    if let Some(v) = plain_amount(t, c.exponent(), s) {
                        assert_eq!(parse_amount(t, c, s), Ok(v), "{t} {code} {s:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn skyverge_coupon_cells_give_their_codes_with_escapes_undone() {
        let syntax = CodeSyntax::CouponItems;
        assert_eq!(read_codes("id:12|code:SUMMER10|amount:5.00|description:", syntax), Ok(vec!["SUMMER10".to_string()]));
        assert_eq!(read_codes("code:SANNE10|amount:4.50;code:WELCOME|amount:2.00", syntax), Ok(vec!["SANNE10".to_string(), "WELCOME".to_string()]));
        assert_eq!(read_codes(r"code:A\;B\|C\:D|amount:1.00|description:x\|y", syntax), Ok(vec!["A;B|C:D".to_string()]));
        assert_eq!(read_codes("SUMMER10", syntax), Ok(vec!["SUMMER10".to_string()]), "a bare code");
        assert_eq!(read_codes("id:12|amount:5.00", syntax), Err(()), "items without a code");
        assert_eq!(read_codes(" SANNE10 , Zomer ;", CodeSyntax::List), Ok(vec!["SANNE10".to_string(), "Zomer".to_string()]));
    }

    #[test]
    fn utm_values_come_from_a_landing_urls_query() {
        let u = utm_from_url("/products/serum?utm_source=instagram&utm_medium=influencer&utm_campaign=zomer%202025&utm_content=sanne+groen#top");
        assert_eq!(
            (u.source.as_deref(), u.medium.as_deref(), u.campaign.as_deref(), u.content.as_deref(), u.term),
            (Some("instagram"), Some("influencer"), Some("zomer 2025"), Some("sanne groen"), None)
        );
        assert!(utm_from_url("https://shop.nl/").is_empty());
        assert!(utm_from_url("https://shop.nl/?utm_source=&x=%").is_empty(), "empty values and a lone % are nothing");
    }

    #[test]
    fn quantities_are_whole_numbers_of_items() {
        assert_eq!((read_quantity("2"), read_quantity("2.0"), read_quantity(" 3 ")), (Some(2), Some(2), Some(3)));
        for bad in ["", "1.5", "-1", "two", "99999999999"] {
            assert_eq!(read_quantity(bad), None, "{bad}");
        }
    }
}
