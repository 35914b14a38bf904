//! English as the core and the CLI write it for people: a count with its noun in the right
//! form ("1 row", "3 rows"), never "3 row(s)". The window words its own counts in its
//! catalogues (`tn()`); this is for the core's messages and the command line. And a name
//! as a file name ([`file_safe`]).

/// `n` and its noun, singular for one and plural otherwise: `counted(3, "row", "rows")` is
/// "3 rows".
pub fn counted(n: i64, one: &str, other: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { other })
}

/// A name (a brand's, a creator's) as part of a file name: no path separators, no characters
/// Windows refuses, no control characters, no leading or trailing dots or spaces; `fallback`
/// when nothing is left.
pub fn file_safe(name: &str, fallback: &str) -> String {
    let cleaned: String = name.chars().map(|c| if "/\\:*?\"<>|".contains(c) || c.is_control() { '-' } else { c }).collect();
    let trimmed = cleaned.trim().trim_matches('.').trim().to_string();
    if trimmed.is_empty() { fallback.to_string() } else { trimmed }
}

#[cfg(test)]
mod tests {
    use super::{counted, file_safe};

    #[test]
    fn a_count_meets_its_noun_in_the_right_form() {
        assert_eq!(counted(1, "campaign", "campaigns"), "1 campaign");
        assert_eq!(counted(0, "campaign", "campaigns"), "0 campaigns");
        assert_eq!(counted(3, "deliverable is", "deliverables are"), "3 deliverables are");
    }

    #[test]
    fn a_name_becomes_a_file_name_without_separators_or_what_windows_refuses() {
        assert_eq!(file_safe("Studio Zon", "x"), "Studio Zon");
        assert_eq!(file_safe("A/B\\C: \"D\" <E>|?*", "x"), "A-B-C- -D- -E----");
        assert_eq!(file_safe(" ..hidden.. ", "x"), "hidden");
        assert_eq!(file_safe("../..", "x"), "-");
        assert_eq!(file_safe("\u{7}\n", "creator"), "--");
        assert_eq!(file_safe("  ", "creator"), "creator");
        assert_eq!(file_safe("Siobhán 🌿", "x"), "Siobhán 🌿");
    }
}
