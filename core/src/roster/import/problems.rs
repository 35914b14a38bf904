//! The problems of an import as a person reads them: each one says its place once (row and
//! column are fields of the problem, never repeated in its sentence), quotes the file's text
//! cleaned and shortened, and many problems of one kind read as one group
//! (“62 rows, column ‘Land’: “NaN” is not a country…”). The window and the CLI both show the
//! groups of [`group_problems`].

use crate::error::RowError;
use serde::Serialize;

/// How much of a cell a problem quotes, and how long its sentence may grow.
const MAX_VALUE: usize = 60;
const MAX_COLUMN: usize = 60;
const MAX_MESSAGE: usize = 300;

/// A problem of one row. `value` is the offending text as the file has it; the problem keeps it
/// cleaned and shortened, and so does its sentence.
pub(crate) fn row_error(row: u64, column: &str, code: &'static str, value: Option<String>, message: &str) -> RowError {
    let shown = value.as_deref().map(|v| display_text(v, MAX_VALUE));
    let message = match (&value, &shown) {
        (Some(raw), Some(s)) if raw != s && !raw.is_empty() => message.replace(raw.as_str(), s),
        _ => message.to_string(),
    };
    RowError { row, column: display_text(column, MAX_COLUMN), code, value: shown, message: display_text(&message, MAX_MESSAGE), params: Default::default() }
}

/// [`row_error`] with specifics for the window's sentence (`params` of the problem).
pub(crate) fn row_error_with(row: u64, column: &str, code: &'static str, value: Option<String>, message: &str, params: &[(&'static str, String)]) -> RowError {
    let mut e = row_error(row, column, code, value, message);
    e.params = params.iter().map(|(k, v)| (*k, display_text(v, MAX_VALUE))).collect();
    e
}

/// Text from a file made safe to show on one line: terminal escape sequences and control,
/// direction-override and zero-width characters removed, line breaks and tabs as spaces, runs
/// of spaces folded, and at most `max` characters (then `…`).
pub fn display_text(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max * 4));
    let mut chars = text.chars().peekable();
    let mut space = false;
    let mut count = 0usize;
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            skip_escape(&mut chars);
            continue;
        }
        let c = if c.is_whitespace() { ' ' } else { c };
        if c.is_control() || is_invisible(c) {
            continue;
        }
        if c == ' ' {
            if space || out.is_empty() {
                continue;
            }
            space = true;
        } else {
            space = false;
        }
        if count == max {
            let trimmed = out.trim_end().len();
            out.truncate(trimmed);
            out.push('…');
            return out;
        }
        out.push(c);
        count += 1;
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

/// Bidirectional overrides and zero-width characters: they change how a line reads without
/// showing themselves.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

/// Skips the rest of an escape sequence after ESC: `ESC [ … final`, `ESC ] … BEL|ESC \`, or
/// ESC and one character.
fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => {
            for c in chars.by_ref() {
                if ('\u{40}'..='\u{7e}').contains(&c) {
                    break;
                }
            }
        }
        Some(']') => {
            while let Some(c) = chars.next() {
                if c == '\u{7}' {
                    break;
                }
                if c == '\u{1b}' {
                    chars.next();
                    break;
                }
            }
        }
        _ => {}
    }
}

/// Problems of one kind: the same code in the same column with the same sentence, apart from
/// the value it quotes. `value` is set when every problem of the group quotes the same value;
/// `values` holds up to three different ones otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProblemGroup {
    pub code: &'static str,
    pub column: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// The first problem's sentence.
    pub message: String,
    /// Every row of the group, in order.
    pub rows: Vec<u64>,
}

impl ProblemGroup {
    /// Where the group is: `Row 3, column ‘Land’` or `62 rows, column ‘Land’`.
    pub fn place(&self) -> String {
        let rows = if self.rows.len() == 1 { format!("Row {}", self.rows[0]) } else { format!("{} rows", self.rows.len()) };
        if self.column.is_empty() {
            rows
        } else {
            format!("{rows}, column ‘{}’", self.column)
        }
    }

    /// The group as one line: place, sentence, other values, and the rows of a larger group
    /// (the first ten): `62 rows, column ‘Land’: “NaN” is not a country… Rows 3, 5, 9, … and 52 more.`
    pub fn describe(&self) -> String {
        let mut line = format!("{}: {}", self.place(), self.message);
        if self.value.is_none() && self.values.len() > 1 {
            let others: Vec<String> = self.values[1..].iter().map(|v| format!("“{v}”")).collect();
            line.push_str(&format!(" The same for {}{}.", others.join(", "), if self.rows.len() > self.values.len() { " and others" } else { "" }));
        }
        if self.rows.len() > 1 {
            line.push_str(&format!(" {}.", row_list(&self.rows, 10)));
        }
        line
    }
}

/// `Rows 3, 5 and 9` or `Rows 3, 5, 9, … and 52 more`, naming at most `shown` rows.
pub fn row_list(rows: &[u64], shown: usize) -> String {
    let list: Vec<String> = rows.iter().take(shown).map(u64::to_string).collect();
    match rows.len() {
        0 => String::new(),
        1 => format!("Row {}", list[0]),
        n if n <= shown => format!("Rows {} and {}", list[..n - 1].join(", "), list[n - 1]),
        n => format!("Rows {}, … and {} more", list.join(", "), n - shown),
    }
}

/// The rows the problems are in, in order, each once (a row can have several problems).
pub fn rows_of(problems: &[RowError]) -> Vec<u64> {
    let mut rows: Vec<u64> = problems.iter().map(|p| p.row).collect();
    rows.sort_unstable();
    rows.dedup();
    rows
}

/// Groups problems by kind, in the order their first rows come in the file.
pub fn group_problems(problems: &[RowError]) -> Vec<ProblemGroup> {
    let mut groups: Vec<ProblemGroup> = Vec::new();
    let mut index: std::collections::HashMap<(&'static str, &str, String), usize> = std::collections::HashMap::new();
    for p in problems {
        // The sentence with its value taken out: two problems that differ only in the value
        // they quote are of one kind.
        let shape = match p.value.as_deref() {
            Some(v) if !v.is_empty() => p.message.replace(v, "\u{0}"),
            _ => p.message.clone(),
        };
        let key = (p.code, p.column.as_str(), shape);
        match index.get(&key) {
            Some(&i) => {
                let g = &mut groups[i];
                if g.rows.last() != Some(&p.row) {
                    g.rows.push(p.row);
                }
                if let Some(v) = &p.value {
                    if !g.values.contains(v) && g.values.len() < 3 {
                        g.values.push(v.clone());
                    }
                    if g.value.as_ref() != Some(v) {
                        g.value = None;
                    }
                }
            }
            None => {
                index.insert(key, groups.len());
                groups.push(ProblemGroup {
                    code: p.code,
                    column: p.column.clone(),
                    value: p.value.clone(),
                    values: p.value.iter().cloned().collect(),
                    message: p.message.clone(),
                    rows: vec![p.row],
                });
            }
        }
    }
    for g in &mut groups {
        g.rows.sort_unstable();
        g.rows.dedup();
        if g.value.is_some() {
            g.values.clear();
        }
    }
    groups.sort_by_key(|g| g.rows[0]);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_the_file_is_cleaned_and_shortened_to_one_line() {
        assert_eq!(display_text("\u{1b}[31mred\u{1b}[0m text", 60), "red text");
        assert_eq!(display_text("\u{1b}]0;owned\u{7}title", 60), "title");
        assert_eq!(display_text("two\nlines\r\n\tand  tabs", 60), "two lines and tabs");
        assert_eq!(display_text("a\u{202e}b\u{200b}c\u{7}d\u{9b}e", 60), "abcde");
        assert_eq!(display_text(&"x".repeat(500), 10), format!("{}…", "x".repeat(10)));
        assert_eq!(display_text("Zoë Bakker", 60), "Zoë Bakker");
    }

    #[test]
    fn a_row_error_says_its_place_once_and_quotes_the_value_shortened() {
        // Regression: the CLI printed “row 3, column …: Row 3, column …: …”.
        let long = format!("{}\u{1b}[2J", "n".repeat(200));
        let e = row_error(3, "Land", "invalid_country", Some(long.clone()), &format!("“{long}” is not a country Chorus knows."));
        assert_eq!((e.row, e.column.as_str()), (3, "Land"));
        assert!(!e.message.contains("Row 3") && !e.message.contains("Land"), "{}", e.message);
        assert_eq!(e.value.as_deref(), Some(format!("{}…", "n".repeat(MAX_VALUE)).as_str()));
        assert!(e.message.starts_with(&format!("“{}…”", "n".repeat(MAX_VALUE))), "{}", e.message);
        assert!(!e.message.contains('\u{1b}'));
    }

    #[test]
    fn many_problems_of_one_kind_are_one_group() {
        let mut problems = Vec::new();
        for row in (3..200).step_by(3) {
            problems.push(row_error(row, "Land", "invalid_country", Some("NaN".into()), "“NaN” is not a country Chorus knows."));
        }
        problems.push(row_error(4, "E-mail", "invalid_email", Some("anna@".into()), "“anna@” is not an email address."));
        problems.push(row_error(8, "E-mail", "invalid_email", Some("bram@".into()), "“bram@” is not an email address."));
        problems.push(row_error(5, "", "too_many_cells", None, "This row has more cells than the header has columns."));
        problems.sort_by_key(|p| p.row);
        let groups = group_problems(&problems);
        assert_eq!(groups.len(), 3);
        assert_eq!((groups[0].code, groups[0].rows.len(), groups[0].value.as_deref()), ("invalid_country", 66, Some("NaN")));
        assert_eq!(
            groups[0].describe(),
            "66 rows, column ‘Land’: “NaN” is not a country Chorus knows. Rows 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, … and 56 more."
        );
        assert_eq!((groups[1].code, groups[1].value.as_deref(), groups[1].values.clone()), ("invalid_email", None, vec!["anna@".to_string(), "bram@".to_string()]));
        assert_eq!(groups[1].describe(), "2 rows, column ‘E-mail’: “anna@” is not an email address. The same for “bram@”. Rows 4 and 8.");
        assert_eq!(groups[2].describe(), "Row 5: This row has more cells than the header has columns.");
    }
}
