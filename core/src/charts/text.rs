//! Text a chart shows: user text made safe to draw, shortened to a width with "…", and the few
//! words a chart says itself in the window's language.
//!
//! Contract: category and series names are people's and campaigns' names, so they may hold
//! anything. [`clean`] leaves one line of text that is valid inside XML: control characters
//! (which XML 1.0 does not allow even escaped) become spaces, the bidirectional embedding and
//! override marks are dropped (so a name cannot turn the labels after it around), runs of
//! spaces become one. Markup characters stay as they are: the SVG backend escapes `<`, `>`,
//! `&`, `"` and `'` in text and attributes (plotters-svg `escape_and_push`), which the tests
//! check with hostile names.

use crate::numbers::Spelling;

/// `text` as one line that can be drawn and written into XML.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => continue,
            '\u{fffe}' | '\u{ffff}' => continue,
            c if c.is_control() || c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// `text` as it fits in `max_width`: whole, or its longest beginning that fits with "…" after
/// it (at least one character and "…", however narrow the room). `width` measures a text.
pub fn shorten(text: &str, max_width: f64, width: impl Fn(&str) -> f64) -> String {
    if width(text) <= max_width {
        return text.to_string();
    }
    let ends: Vec<usize> = text.char_indices().map(|(at, c)| at + c.len_utf8()).collect();
    // The longest prefix that fits, found by halving: widths grow with the prefix.
    let (mut fits, mut too_long) = (1usize, ends.len());
    while fits + 1 < too_long {
        let middle = (fits + too_long) / 2;
        if width(&with_ellipsis(&text[..ends[middle - 1]])) <= max_width {
            fits = middle;
        } else {
            too_long = middle;
        }
    }
    with_ellipsis(&text[..ends[fits - 1]])
}

fn with_ellipsis(prefix: &str) -> String {
    format!("{}…", prefix.trim_end())
}

/// What an empty chart says.
pub(crate) fn no_data(spelling: Spelling) -> &'static str {
    match spelling {
        Spelling::Dutch => "Nog geen gegevens",
        Spelling::English | Spelling::Unknown => "No data yet",
    }
}

/// A month's short name: `Jan`, `mrt` (`month` 1–12).
fn month_name(month: u32, spelling: Spelling) -> &'static str {
    const ENGLISH: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    const DUTCH: [&str; 12] = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
    let names = if spelling == Spelling::Dutch { DUTCH } else { ENGLISH };
    names[(month.clamp(1, 12) - 1) as usize]
}

/// A month as a category: `May 2026`, `mei 2026` (`month` 1–12). A chart too narrow for the
/// whole label breaks it at the space.
pub fn month_label(year: i32, month: u32, spelling: Spelling) -> String {
    format!("{} {year}", month_name(month, spelling))
}

/// A day on a time axis: `5 Jan`, `5 jan`.
pub fn day_label(day: chrono::NaiveDate, spelling: Spelling) -> String {
    use chrono::Datelike;
    format!("{} {}", day.day(), month_name(day.month(), spelling))
}
