//! Numbers as spreadsheets and people write them: `12.345` (Dutch grouping), `12,345`
//! (English grouping), `1.234,56` (decimal comma), `12,5K`. One reader for the form, the CSV
//! import and the CLI, so all three accept and refuse the same things.

/// Why a count (followers) was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CountError {
    NotANumber,
    Negative,
    NotWhole,
    TooLarge,
}

/// Splits `1.234,56` into (`1234`, `56`). A single separator followed by exactly three digits
/// is read as grouping (`1.234` → 1234), because that is what both Dutch and English exports
/// mean by it. Returns `None` when the text is not a plain decimal number.
pub fn split_decimal(text: &str) -> Option<(String, String)> {
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '_'))
        .collect();
    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    let last_dot = t.rfind('.');
    let last_comma = t.rfind(',');
    let decimal_sep = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(if d > c { '.' } else { ',' }),
        (Some(_), None) => single_kind_decimal(&t, '.'),
        (None, Some(_)) => single_kind_decimal(&t, ','),
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
    Some((whole, frac.to_string()))
}

fn single_kind_decimal(t: &str, sep: char) -> Option<char> {
    let count = t.matches(sep).count();
    if count > 1 {
        return None; // several: grouping
    }
    let after = t.len() - t.rfind(sep)? - 1;
    if after == 3 {
        None // `1.234`: grouping
    } else {
        Some(sep)
    }
}

/// Reads a follower count: `12345`, `12.345`, `12,345`, `12 345`, `12,5K`, `1.2M`.
pub fn parse_count(text: &str) -> Result<i64, CountError> {
    let t = text.trim();
    if t.starts_with('-') {
        return Err(CountError::Negative);
    }
    let (body, multiplier) = match t.chars().last().map(|c| c.to_ascii_lowercase()) {
        Some('k') => (&t[..t.len() - 1], 1_000i64),
        Some('m') => (&t[..t.len() - 1], 1_000_000i64),
        _ => (t, 1),
    };
    let (whole, frac) = split_decimal(body).ok_or(CountError::NotANumber)?;
    let whole: i64 = whole.parse().map_err(|_| CountError::TooLarge)?;
    let frac = frac.trim_end_matches('0');
    if multiplier == 1 {
        if !frac.is_empty() {
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

    #[test]
    fn counts_in_dutch_and_english_grouping() {
        assert_eq!(parse_count("12345"), Ok(12345));
        assert_eq!(parse_count("12.345"), Ok(12345));
        assert_eq!(parse_count("12,345"), Ok(12345));
        assert_eq!(parse_count("1.234.567"), Ok(1234567));
        assert_eq!(parse_count("12 345"), Ok(12345));
        assert_eq!(parse_count(" 0 "), Ok(0));
    }

    #[test]
    fn counts_with_k_and_m_suffixes() {
        assert_eq!(parse_count("12,5K"), Ok(12500));
        assert_eq!(parse_count("12.5k"), Ok(12500));
        assert_eq!(parse_count("1.2M"), Ok(1_200_000));
        assert_eq!(parse_count("3K"), Ok(3000));
        assert_eq!(parse_count("1,2345K"), Err(CountError::NotWhole));
    }

    #[test]
    fn counts_that_are_not_counts_are_refused() {
        assert_eq!(parse_count("-5"), Err(CountError::Negative));
        assert_eq!(parse_count("12,5"), Err(CountError::NotWhole));
        assert_eq!(parse_count("lots"), Err(CountError::NotANumber));
        assert_eq!(parse_count(""), Err(CountError::NotANumber));
        assert_eq!(parse_count("1.2.3"), Err(CountError::NotANumber));
        assert_eq!(parse_count("1.234,567.8"), Err(CountError::NotANumber));
    }

    #[test]
    fn compact_counts() {
        assert_eq!(compact_count(950), "950");
        assert_eq!(compact_count(1200), "1.2K");
        assert_eq!(compact_count(45_000), "45K");
        assert_eq!(compact_count(1_000_000), "1M");
    }
}
