//! Numbers as spreadsheets and people write them: `12.345` (Dutch grouping), `12,345` (English
//! grouping), `1.234,56` (decimal comma), `12,5K`. One reader for the form, the CSV import and
//! the CLI, so all three accept and refuse the same things.
//!
//! One shape means two things: a single separator followed by exactly three digits (`1.300`,
//! `1,300`) is 1300 to a Dutch reader with a dot and an English one with a comma, and 1.3 to
//! the others. [`Spelling`] says whose text it is: when it is known (what is typed in the
//! window, in the window's language) it settles that shape and nothing else, so a reader of
//! either language still gets every text with one possible reading (`1.30`, `1.234,56`,
//! `1,234.56`) as written. When it is not known (a file, a `chorus` argument) that shape is
//! read as thousands grouping, the habit of both languages' spreadsheets, and the reading says
//! it guessed ([`Decimal::guessed_grouping`]), so callers refuse where the guess would be a
//! thousand times wrong (an amount in a currency with three decimals, a count with K or M).
//! See docs/decisions/0006-numbers-in-the-spelling-they-were-written-in.md.

use serde::Deserialize;

/// How the person who wrote a number writes numbers, when that is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize)]
pub enum Spelling {
    /// Not known: a file from another program, a `chorus` argument.
    #[default]
    #[serde(skip)]
    Unknown,
    /// `1.234,56`: a comma before the decimals, dots between thousands.
    #[serde(rename = "nl")]
    Dutch,
    /// `1,234.56`: a point before the decimals, commas between thousands.
    #[serde(rename = "en")]
    English,
}

impl Spelling {
    /// The character this spelling puts before the decimals.
    fn decimal_mark(self) -> Option<char> {
        match self {
            Spelling::Unknown => None,
            Spelling::Dutch => Some(','),
            Spelling::English => Some('.'),
        }
    }
}

/// Why a count (followers) was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CountError {
    NotANumber,
    Negative,
    NotWhole,
    TooLarge,
    /// `1.234K` from a file: 1234 or 1,234,000, and nothing says which.
    Ambiguous,
}

/// A decimal number read from text: its digits before and after the decimal separator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decimal {
    pub whole: String,
    pub fraction: String,
    /// The text had the shape of both readings (`1.300`) and no spelling to settle it, so it
    /// was read as grouping by habit.
    pub guessed_grouping: bool,
    /// The text had the shape of both readings and its spelling made the three digits
    /// decimals (`1,300` in Dutch): never a whole count, even when they are zeros.
    pub decimals_by_spelling: bool,
}

/// Reads `1.234,56` as (`1234`, `56`) under `spelling` (see the module's words on the one
/// ambiguous shape). Spaces, apostrophes and underscores between digits are ignored. `None`
/// when the text is not a plain decimal number.
pub fn read_decimal(text: &str, spelling: Spelling) -> Option<Decimal> {
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '_'))
        .collect();
    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    let mut guessed_grouping = false;
    let mut decimals_by_spelling = false;
    let decimal_sep = match (t.rfind('.'), t.rfind(',')) {
        (Some(d), Some(c)) => Some(if d > c { '.' } else { ',' }),
        (Some(_), None) | (None, Some(_)) => {
            let sep = if t.contains('.') { '.' } else { ',' };
            match single_kind(&t, sep) {
                SingleKind::Grouping => None,
                SingleKind::Decimal => Some(sep),
                SingleKind::EitherWay => match spelling.decimal_mark() {
                    Some(mark) if mark == sep => {
                        decimals_by_spelling = true;
                        Some(sep)
                    }
                    Some(_) => None,
                    None => {
                        guessed_grouping = true;
                        None
                    }
                },
            }
        }
        (None, None) => None,
    };
    let (whole_raw, frac) = match decimal_sep {
        Some(sep) => {
            let idx = t.rfind(sep)?;
            (&t[..idx], &t[idx + 1..])
        }
        None => (t.as_str(), ""),
    };
    if frac.contains(['.', ',']) {
        return None;
    }
    // What is left of the decimal separator may only use the other character, in groups of 3.
    let groups: Vec<&str> = whole_raw.split(['.', ',']).collect();
    if groups.len() > 1 {
        if groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
        let seps: std::collections::HashSet<char> = whole_raw.chars().filter(|c| !c.is_ascii_digit()).collect();
        if seps.len() > 1 {
            return None;
        }
    }
    let whole: String = groups.concat();
    if whole.is_empty() && frac.is_empty() {
        return None;
    }
    let whole = if whole.is_empty() { "0".to_string() } else { whole };
    Some(Decimal { whole, fraction: frac.to_string(), guessed_grouping, decimals_by_spelling })
}

/// What one kind of separator (`sep`, the only one in `t`) can be.
enum SingleKind {
    Grouping,
    Decimal,
    /// `1.300`: one separator after one to three digits, followed by exactly three.
    EitherWay,
}

fn single_kind(t: &str, sep: char) -> SingleKind {
    if t.matches(sep).count() > 1 {
        return SingleKind::Grouping; // `1.234.567`
    }
    let at = t.find(sep).unwrap_or(0);
    let (before, after) = (at, t.len() - at - 1);
    if after == 3 && (1..=3).contains(&before) {
        SingleKind::EitherWay
    } else {
        // Not three digits after it (`1,5`), or no group can come before it (`1234.567`, `.500`).
        SingleKind::Decimal
    }
}

/// Reads a follower count written in `spelling`: `12345`, `12.345` (Dutch), `12,345`
/// (English), `12 345`, `12,5K`, `1.2M`. A number with decimals is refused as not whole; so is
/// `12,000` in Dutch (twelve, with three decimals), which is never read as twelve thousand.
pub fn parse_count(text: &str, spelling: Spelling) -> Result<i64, CountError> {
    let t = text.trim();
    if t.starts_with('-') {
        return Err(CountError::Negative);
    }
    let (body, multiplier) = match t.chars().last().map(|c| c.to_ascii_lowercase()) {
        Some('k') => (&t[..t.len() - 1], 1_000i64),
        Some('m') => (&t[..t.len() - 1], 1_000_000i64),
        _ => (t, 1),
    };
    let d = read_decimal(body, spelling).ok_or(CountError::NotANumber)?;
    if d.guessed_grouping && multiplier > 1 {
        return Err(CountError::Ambiguous);
    }
    let whole: i64 = d.whole.parse().map_err(|_| CountError::TooLarge)?;
    let frac = d.fraction.trim_end_matches('0');
    if multiplier == 1 {
        if !frac.is_empty() || d.decimals_by_spelling {
            return Err(CountError::NotWhole);
        }
        return Ok(whole);
    }
    // 12,5K = 12 500: scale the fraction exactly, refuse what would need rounding.
    let digits = multiplier.ilog10() as usize;
    if frac.len() > digits {
        return Err(CountError::NotWhole);
    }
    let frac_value: i64 = if frac.is_empty() { 0 } else { frac.parse().map_err(|_| CountError::NotANumber)? };
    let frac_scaled = frac_value * 10i64.pow((digits - frac.len()) as u32);
    whole
        .checked_mul(multiplier)
        .and_then(|w| w.checked_add(frac_scaled))
        .ok_or(CountError::TooLarge)
}

/// Short form for people: 950, 12.3K, 1.2M (English digits; the window formats per locale).
pub fn compact_count(n: i64) -> String {
    match n {
        n if n >= 1_000_000 => trim_point(format!("{:.1}M", n as f64 / 1_000_000.0)),
        n if n >= 10_000 => format!("{}K", n / 1000),
        n if n >= 1_000 => trim_point(format!("{:.1}K", n as f64 / 1000.0)),
        n => n.to_string(),
    }
}

fn trim_point(s: String) -> String {
    s.replace(".0K", "K").replace(".0M", "M")
}

#[cfg(test)]
mod tests {
    use super::*;
    use Spelling::{Dutch, English, Unknown};

    #[test]
    fn counts_in_dutch_and_english_grouping() {
        for spelling in [Unknown, Dutch, English] {
            assert_eq!(parse_count("12345", spelling), Ok(12345));
            assert_eq!(parse_count("1.234.567", spelling), Ok(1234567));
            assert_eq!(parse_count("1,234,567", spelling), Ok(1234567));
            assert_eq!(parse_count("12 345", spelling), Ok(12345));
            assert_eq!(parse_count(" 0 ", spelling), Ok(0));
            assert_eq!(parse_count("12345.0", spelling), Ok(12345), "a spreadsheet's float column");
        }
        assert_eq!(parse_count("12.345", Dutch), Ok(12345));
        assert_eq!(parse_count("12,345", English), Ok(12345));
        // A file: both languages' grouping, by habit.
        assert_eq!(parse_count("12.345", Unknown), Ok(12345));
        assert_eq!(parse_count("12,345", Unknown), Ok(12345));
    }

    #[test]
    fn a_dutch_12_345_is_a_decimal_and_refused_as_a_count_not_read_as_twelve_thousand() {
        // Regression: the core read “12,345” typed in a Dutch window as 12.345 followers, while
        // the Dutch window's own error says a comma is a decimal comma.
        assert_eq!(parse_count("12,345", Dutch), Err(CountError::NotWhole));
        assert_eq!(parse_count("12,000", Dutch), Err(CountError::NotWhole), "twelve with three decimals, never 12.000");
        assert_eq!(parse_count("12.345", English), Err(CountError::NotWhole));
        assert_eq!(parse_count("12.000", English), Err(CountError::NotWhole));
    }

    #[test]
    fn counts_with_k_and_m_suffixes() {
        assert_eq!(parse_count("12,5K", Unknown), Ok(12500));
        assert_eq!(parse_count("12.5k", Unknown), Ok(12500));
        assert_eq!(parse_count("1.2M", Unknown), Ok(1_200_000));
        assert_eq!(parse_count("3K", Unknown), Ok(3000));
        assert_eq!(parse_count("1,2345K", Unknown), Err(CountError::NotWhole));
        assert_eq!(parse_count("12,5K", Dutch), Ok(12500));
        assert_eq!(parse_count("12.5K", English), Ok(12500));
        assert_eq!(parse_count("1.234K", Dutch), Ok(1_234_000));
        assert_eq!(parse_count("1.234K", English), Ok(1_234));
        assert_eq!(parse_count("1,234K", Dutch), Ok(1_234));
        assert_eq!(parse_count("1,234K", English), Ok(1_234_000));
    }

    #[test]
    fn a_count_with_k_that_reads_two_ways_in_a_file_is_refused_not_guessed() {
        // Regression: “1.234K” in a file was taken for 1,234,000 followers; in English it is 1234.
        assert_eq!(parse_count("1.234K", Unknown), Err(CountError::Ambiguous));
        assert_eq!(parse_count("1,500m", Unknown), Err(CountError::Ambiguous));
        assert_eq!(parse_count("1.5K", Unknown), Ok(1500), "one reading only");
        assert_eq!(parse_count("1.234.567K", Unknown), Ok(1_234_567_000), "several dots: only grouping");
    }

    #[test]
    fn counts_that_are_not_counts_are_refused() {
        for spelling in [Unknown, Dutch, English] {
            assert_eq!(parse_count("-5", spelling), Err(CountError::Negative));
            assert_eq!(parse_count("12,5", spelling), Err(CountError::NotWhole));
            assert_eq!(parse_count("lots", spelling), Err(CountError::NotANumber));
            assert_eq!(parse_count("", spelling), Err(CountError::NotANumber));
            assert_eq!(parse_count("1.2.3", spelling), Err(CountError::NotANumber));
            assert_eq!(parse_count("1.234,567.8", spelling), Err(CountError::NotANumber));
        }
    }

    #[test]
    fn a_spelling_settles_only_the_shape_that_reads_two_ways() {
        let read = |t: &str, s: Spelling| read_decimal(t, s).map(|d| (d.whole, d.fraction));
        let pair = |w: &str, f: &str| Some((w.to_string(), f.to_string()));
        assert_eq!(read("1.300", Dutch), pair("1300", ""));
        assert_eq!(read("1,300", Dutch), pair("1", "300"));
        assert_eq!(read("1.300", English), pair("1", "300"));
        assert_eq!(read("1,300", English), pair("1300", ""));
        assert_eq!(read("1.300", Unknown), pair("1300", ""));
        assert!(read_decimal("1.300", Unknown).unwrap().guessed_grouping);
        for s in [Unknown, Dutch, English] {
            // One reading only, whoever wrote it.
            assert_eq!(read("1.30", s), pair("1", "30"), "{s:?}");
            assert_eq!(read("1.234,56", s), pair("1234", "56"), "{s:?}");
            assert_eq!(read("1,234.56", s), pair("1234", "56"), "{s:?}");
            assert_eq!(read("1234.567", s), pair("1234", "567"), "{s:?}: no group has four digits");
            assert_eq!(read(".500", s), pair("0", "500"), "{s:?}");
            assert!(!read_decimal("1.30", s).unwrap().guessed_grouping);
        }
    }

    #[test]
    fn compact_counts() {
        assert_eq!(compact_count(950), "950");
        assert_eq!(compact_count(1200), "1.2K");
        assert_eq!(compact_count(45_000), "45K");
        assert_eq!(compact_count(1_000_000), "1M");
    }
}
