//! Plain-text tables for the terminal: columns padded to their widest cell (counted in
//! characters, so `Yılmaz` and `—` take one place each), user text made safe to print.

/// How a column lines up.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// Lays out `rows` in columns two spaces apart, each line prefixed with `indent`; the last
/// column is not padded, so lines carry no trailing blanks.
pub fn aligned(rows: &[Vec<String>], align: &[Align], indent: &str) -> Vec<String> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns).map(|c| rows.iter().filter_map(|r| r.get(c)).map(|cell| cell.chars().count()).max().unwrap_or(0)).collect();
    rows.iter()
        .map(|row| {
            let mut line = String::from(indent);
            for (c, cell) in row.iter().enumerate() {
                let pad = widths[c].saturating_sub(cell.chars().count());
                let last = c + 1 == row.len();
                if c > 0 {
                    line.push_str("  ");
                }
                match align.get(c).copied().unwrap_or(Align::Left) {
                    Align::Right => {
                        line.push_str(&" ".repeat(pad));
                        line.push_str(cell);
                    }
                    Align::Left => {
                        line.push_str(cell);
                        if !last {
                            line.push_str(&" ".repeat(pad));
                        }
                    }
                }
            }
            line
        })
        .collect()
}

/// User text for one table cell: control characters (which could move the cursor or ring the
/// terminal) become spaces, and text longer than `width` characters is cut with `…` (the JSON
/// output keeps it whole).
pub fn clip(text: &str, width: usize) -> String {
    let clean: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if clean.chars().count() <= width {
        clean
    } else {
        let mut s: String = clean.chars().take(width.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// `1 day`, `3 days`.
pub fn days(n: i64) -> String {
    if n == 1 {
        "1 day".to_string()
    } else {
        format!("{n} days")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up_by_characters_not_bytes() {
        let rows = vec![vec!["Mehmet Yılmaz".to_string(), "12".to_string(), "x".to_string()], vec!["Bo".to_string(), "3".to_string(), "yz".to_string()]];
        let lines = aligned(&rows, &[Align::Left, Align::Right], "  ");
        assert_eq!(lines, vec!["  Mehmet Yılmaz  12  x", "  Bo              3  yz"]);
    }

    #[test]
    fn cells_are_cut_and_cleaned() {
        assert_eq!(clip("Anna\u{1b}[2J de Vries", 40), "Anna [2J de Vries");
        assert_eq!(clip("Zon Ambassadors — 6 months", 10), "Zon Ambas…");
        assert_eq!(days(1), "1 day");
        assert_eq!(days(0), "0 days");
    }
}
