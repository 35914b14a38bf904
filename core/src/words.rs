//! English as the core and the CLI write it for people: a count with its noun in the right
//! form ("1 row", "3 rows"), never "3 row(s)". The window words its own counts in its
//! catalogues (`tn()`); this is for the core's messages and the command line.

/// `n` and its noun, singular for one and plural otherwise: `counted(3, "row", "rows")` is
/// "3 rows".
pub fn counted(n: i64, one: &str, other: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { other })
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn a_count_meets_its_noun_in_the_right_form() {
        assert_eq!(counted(1, "campaign", "campaigns"), "1 campaign");
        assert_eq!(counted(0, "campaign", "campaigns"), "0 campaigns");
        assert_eq!(counted(3, "deliverable is", "deliverables are"), "3 deliverables are");
    }
}
