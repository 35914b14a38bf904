//! The person's choices applied to a file, and the whole-file problems of a layout.
//!
//! Contract:
//! - A choice names a column by its header: exactly as in the file, or ignoring case, accents,
//!   spaces and punctuation as recognition does (`--map "insta naam=instagram"` finds
//!   `Insta-naam`). A name that matches no header, or two different ones, is refused, naming it
//!   and listing the file's headers.
//! - A choice chooses a field by its value (`instagram_followers`) or by any header that
//!   recognition reads as it (`Instagram followers`, `Volgers Instagram`); anything else is refused, listing the fields that can be chosen.
//! - Every refusal is an [`Error::ImportLayout`] with a stable `code` and `params`, so the
//!   window says it in its own language; the English message is for the CLI.

use super::fields::{normalise, recognise, Field};
use super::layout::Layout;
use super::problems::display_text;
use crate::error::{Error, Result};
use crate::roster::model::Platform;
use std::collections::BTreeMap;

pub(crate) fn layout_error(file: &str, code: &'static str, params: &[(&'static str, String)], message: String) -> Error {
    Error::ImportLayout { file: file.to_string(), code, params: params.iter().cloned().collect::<BTreeMap<_, _>>(), message }
}

/// The column a choice names (see the module documentation).
pub(crate) fn column_named(file: &str, headers: &[String], name: &str) -> Result<usize> {
    if let Some(i) = headers.iter().position(|h| h == name) {
        return Ok(i);
    }
    let key = normalise(name);
    let mut matches: Vec<usize> = headers.iter().enumerate().filter(|(_, h)| !key.is_empty() && normalise(h) == key).map(|(i, _)| i).collect();
    matches.dedup_by(|a, b| headers[*a] == headers[*b]);
    let shown = display_text(name, 60);
    match matches[..] {
        [i] => Ok(i),
        [] => Err(layout_error(
            file,
            "unknown_column",
            &[("column", shown.clone()), ("columns", header_list(headers))],
            format!("{file} has no column ‘{shown}’. Its columns are {}.", quote_list(headers)),
        )),
        [a, b, ..] => Err(layout_error(
            file,
            "ambiguous_column",
            &[("column", shown.clone()), ("first", display_text(&headers[a], 60)), ("second", display_text(&headers[b], 60))],
            format!(
                "‘{shown}’ could be the column ‘{}’ or ‘{}’ of {file}. Write the header exactly as the file has it.",
                display_text(&headers[a], 60),
                display_text(&headers[b], 60)
            ),
        )),
    }
}

/// The field a choice names: its value or its label.
pub(crate) fn field_named(file: &str, header: &str, value: &str) -> Result<Field> {
    Field::from_value(value).or_else(|| recognise(value)).ok_or_else(|| {
        let values: Vec<String> = Field::choices().into_iter().map(Field::value).collect();
        let (header, value) = (display_text(header, 60), display_text(value, 60));
        layout_error(
            file,
            "unknown_field",
            &[("column", header.clone()), ("field", value.clone())],
            format!("The column ‘{header}’ of {file} is set to import as “{value}”, which is not a field Chorus knows. Choose one of: {}; or ignore the column.", values.join(", ")),
        )
    })
}

pub(crate) fn field_twice(file: &str, first: &str, second: &str, f: Field) -> Error {
    let (first, second) = (display_text(first, 60), display_text(second, 60));
    layout_error(
        file,
        "field_twice",
        &[("first", first.clone()), ("second", second.clone()), ("field", f.value())],
        format!("The columns ‘{first}’ and ‘{second}’ of {file} are both set to import as {}. Choose one of them and ignore the other.", f.label()),
    )
}

/// Refuses a layout that cannot be imported: no handle column, or a generic column (followers,
/// handles, platforms) that no platform or handle column completes.
pub(crate) fn check_usable(layout: &Layout, file: &str) -> Result<()> {
    let headers = &layout.headers;
    let has_name = layout.has_name_column();
    let has_handle = layout.handles.iter().any(|h| h.handle.is_some() || h.url.is_some());
    if !has_handle {
        let found = if headers.is_empty() { "no columns".to_string() } else { format!("the columns {}", quote_list(headers)) };
        let what = if has_name { "a handle column" } else { "a name or handle column" };
        return Err(layout_error(
            file,
            if has_name { "no_handle_column" } else { "no_name_or_handle_column" },
            &[("columns", header_list(headers))],
            format!("Chorus cannot find {what} in {file} (it found {found}). Every creator needs at least one handle: add a column such as “Instagram” or “TikTok”, or choose which column holds the handles."),
        ));
    }
    let Some(g) = layout.handles.iter().find(|h| h.platform.is_none()) else { return Ok(()) };
    let column = |c: Option<usize>, default: &str| c.map(|c| display_text(&headers[c], 60)).unwrap_or_else(|| default.to_string());
    // The platforms this file has columns for, else every platform: what the column can become.
    let mut platforms: Vec<Platform> = layout.handles.iter().filter_map(|h| h.platform).collect();
    platforms.dedup();
    if platforms.is_empty() {
        platforms = Platform::ALL.to_vec();
    }
    if g.platform_col.is_none() && g.handle.is_none() && g.url.is_none() {
        let col = column(g.followers, "Followers");
        let fields: Vec<String> = platforms.iter().map(|&p| Field::Followers(p, 1).value()).collect();
        return Err(layout_error(
            file,
            "followers_without_platform",
            &[("column", col.clone()), ("fields", fields.join(","))],
            format!(
                "The column ‘{col}’ of {file} has follower counts, but Chorus cannot tell which platform they belong to: it does not come right after one platform's handle column. Choose the field it fills: {}.",
                or_list(&fields)
            ),
        ));
    }
    if g.platform_col.is_none() {
        let col = column(g.handle.or(g.url), "Handle");
        let fields: Vec<String> = platforms.iter().map(|&p| Field::Handle(p, 1).value()).collect();
        return Err(layout_error(
            file,
            "handles_without_platform",
            &[("column", col.clone()), ("fields", fields.join(","))],
            format!("The column ‘{col}’ of {file} holds handles, but no column says which platform they are on. Add a “Platform” column, or choose the field it fills: {}.", or_list(&fields)),
        ));
    }
    if g.handle.is_none() && g.url.is_none() {
        let col = column(g.platform_col, "Platform");
        return Err(layout_error(
            file,
            "platforms_without_handles",
            &[("column", col.clone())],
            format!("The column ‘{col}’ of {file} names platforms, but no column holds the handles on them. Add a “Handle” column or ignore ‘{col}’."),
        ));
    }
    Ok(())
}

/// `a`, `a or b`, `a, b or c`.
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// The headers for a sentence: `‘Naam’, ‘Instagram’, … and 4 more`.
pub(crate) fn quote_list(headers: &[String]) -> String {
    const SHOWN: usize = 12;
    let mut list: Vec<String> = headers.iter().take(SHOWN).map(|h| format!("‘{}’", display_text(h, 40))).collect();
    if headers.len() > SHOWN {
        list.push(format!("and {} more", headers.len() - SHOWN));
    }
    list.join(", ")
}

/// The headers as a parameter for the window: one per line, cleaned.
fn header_list(headers: &[String]) -> String {
    headers.iter().map(|h| display_text(h, 40)).collect::<Vec<_>>().join("\n")
}
