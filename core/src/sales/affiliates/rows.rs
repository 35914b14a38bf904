//! One row of an affiliate list, read and checked on its own: who the affiliate is (platform +
//! handle, from a platform's column, a generic platform + handle pair, or a profile link whose
//! address names the platform), their name (a name column, else first + last name, else the
//! handle), email, code ([`codes::typed_code`]), commission ([`read_rule`] in the workspace
//! currency, numbers in either language's spelling) and dates (`2026-05-01`, `01-05-2026`,
//! `1/5/2026`, `01.05.2026`, a date with a time after it). Blank-like cells (`N/A`, `-`) are
//! empty. Every problem is a row problem naming its column, with a stable code.

use super::columns::{AffiliateField, Columns};
use crate::commissions::rule_text::read_rule;
use crate::commissions::rules::Rule;
use crate::error::{Error, RowError};
use crate::money::Currency;
use crate::numbers::Spelling;
use crate::roster::import::layout::read_cell;
use crate::roster::import::row_error;
use crate::roster::model::Platform;
use crate::roster::validate::{handle_key, split_handle};
use crate::sales::codes;
use chrono::NaiveDate;

/// A row as read, its problems apart.
#[derive(Debug, Clone, Default)]
pub(crate) struct AffiliateRow {
    pub row: u64,
    /// The platform and handle key (lower case, no `@`): how creators are matched.
    pub identity: Option<(Platform, String)>,
    /// The handle as written (without `@`), and the profile link when one was given.
    pub handle: String,
    pub profile_url: String,
    /// The column the identity came from, for problems about it.
    pub identity_column: String,
    pub name: String,
    pub email: String,
    /// Typed and checked; empty when the cell is.
    pub code: String,
    pub rule: Option<(Rule, String)>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
}

/// Reads one record (`None` for a row of blank cells), pushing its problems.
pub(crate) fn read_row(columns: &Columns, row: u64, cells: &csv::StringRecord, currency: Currency, problems: &mut Vec<RowError>) -> Option<AffiliateRow> {
    let cell = |col: Option<usize>| col.and_then(|c| cells.get(c)).map(read_cell).unwrap_or("");
    if cells.iter().all(|c| read_cell(c).is_empty()) {
        return None;
    }
    let of = |f: AffiliateField| columns.of(f);
    let header = |f: AffiliateField| columns.header(of(f)).to_string();
    let mut r = AffiliateRow { row, ..Default::default() };
    read_identity(columns, row, cells, &mut r, problems);

    let (first, last) = (cell(of(AffiliateField::FirstName)), cell(of(AffiliateField::LastName)));
    r.name = match cell(of(AffiliateField::Name)) {
        "" => [first, last].iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join(" "),
        name => name.to_string(),
    };
    r.email = cell(of(AffiliateField::Email)).to_string();

    let code = cell(of(AffiliateField::Code));
    if !code.is_empty() {
        match codes::typed_code(code) {
            Ok(c) => r.code = c,
            Err(e) => push_field_errors(problems, row, &header(AffiliateField::Code), e),
        }
    }
    let commission = cell(of(AffiliateField::Commission));
    if !commission.is_empty() {
        match read_rule(commission, currency, Spelling::Unknown) {
            Ok(rule) => r.rule = Some((rule, commission.to_string())),
            Err(refusal) => problems.push(row_error(row, &header(AffiliateField::Commission), refusal.code, Some(commission.to_string()), &refusal.message)),
        }
    }
    r.starts_on = read_date(cell(of(AffiliateField::Start)), row, &header(AffiliateField::Start), problems);
    r.ends_on = read_date(cell(of(AffiliateField::End)), row, &header(AffiliateField::End), problems);
    if let (Some(start), Some(end)) = (r.starts_on, r.ends_on) {
        if end < start {
            let msg = format!("The end date {end} is before the start date {start}.");
            problems.push(row_error(row, &header(AffiliateField::End), "end_before_start", Some(end.to_string()), &msg));
        }
    }
    Some(r)
}

/// Who the row is: the first platform column with a handle or link, else the generic columns.
fn read_identity(columns: &Columns, row: u64, cells: &csv::StringRecord, r: &mut AffiliateRow, problems: &mut Vec<RowError>) {
    let cell = |col: usize| cells.get(col).map(read_cell).unwrap_or("");
    for &p in Platform::ALL {
        let handle_col = columns.of(AffiliateField::PlatformHandle(p));
        let url_col = columns.of(AffiliateField::PlatformUrl(p));
        let (handle, url) = (handle_col.map(cell).unwrap_or(""), url_col.map(cell).unwrap_or(""));
        if handle.is_empty() && url.is_empty() {
            continue;
        }
        let column = if handle.is_empty() { url_col } else { handle_col };
        set_identity(r, p, if handle.is_empty() { url } else { handle }, url, columns.header(column));
        return;
    }
    let platform_col = columns.of(AffiliateField::Platform);
    let (handle_col, url_col) = (columns.of(AffiliateField::Handle), columns.of(AffiliateField::ProfileUrl));
    let (platform_text, handle, url) = (platform_col.map(cell).unwrap_or(""), handle_col.map(cell).unwrap_or(""), url_col.map(cell).unwrap_or(""));
    let source = if handle.is_empty() { url } else { handle };
    let column = columns.header(if handle.is_empty() { url_col } else { handle_col }).to_string();
    if source.is_empty() {
        let msg = "This row does not say who the affiliate is: fill in their handle or profile link.";
        problems.push(row_error(row, &column, "handle_missing", None, msg));
        return;
    }
    let platform = match platform_text {
        "" => platform_of_link(source).or_else(|| platform_of_link(url)),
        text => match Platform::parse_loose(text) {
            Some(p) => Some(p),
            None => {
                let msg = format!("“{text}” is not a platform Chorus knows: use Instagram, TikTok, YouTube, X, Pinterest, Twitch, Blog or Other.");
                problems.push(row_error(row, columns.header(platform_col), "unknown_platform", Some(text.to_string()), &msg));
                return;
            }
        },
    };
    let Some(platform) = platform else {
        let msg = format!("Chorus cannot tell which platform “{source}” is on: add a Platform column, or give the profile link (https://www.instagram.com/…).");
        problems.push(row_error(row, &column, "platform_missing", Some(source.to_string()), &msg));
        return;
    };
    set_identity(r, platform, source, url, &column);
}

fn set_identity(r: &mut AffiliateRow, platform: Platform, source: &str, url: &str, column: &str) {
    let (handle, link) = split_handle(source);
    r.profile_url = if url.is_empty() { link.unwrap_or_default() } else { url.to_string() };
    r.identity = Some((platform, handle_key(&handle))).filter(|(_, key)| !key.is_empty());
    r.handle = handle;
    r.identity_column = column.to_string();
}

/// The platform a profile link's address names (`instagram.com`, `youtu.be`, …).
pub(crate) fn platform_of_link(text: &str) -> Option<Platform> {
    let t = text.trim().to_ascii_lowercase();
    let rest = t.split_once("://").map_or(t.as_str(), |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.strip_prefix("www.").or_else(|| host.strip_prefix("m.")).unwrap_or(host);
    let platform = match host {
        "instagram.com" | "instagr.am" => Platform::Instagram,
        "tiktok.com" | "vm.tiktok.com" => Platform::Tiktok,
        "youtube.com" | "youtu.be" => Platform::Youtube,
        "x.com" | "twitter.com" => Platform::X,
        "twitch.tv" => Platform::Twitch,
        h if h == "pinterest.com" || h.starts_with("pinterest.") || h.ends_with(".pinterest.com") => Platform::Pinterest,
        _ => return None,
    };
    Some(platform)
}

/// A date as spreadsheets and affiliate tools write it; None for an empty cell or a problem.
fn read_date(text: &str, row: u64, column: &str, problems: &mut Vec<RowError>) -> Option<NaiveDate> {
    if text.is_empty() {
        return None;
    }
    let day = text.split(['T', ' ']).next().unwrap_or(text);
    let parsed = crate::campaigns::fields::parse_date(text).or_else(|| crate::campaigns::fields::parse_date(day));
    if parsed.is_none() {
        let msg = format!("“{text}” is not a date: write it like 2026-05-01 or 01-05-2026.");
        problems.push(row_error(row, column, "invalid_date", Some(text.to_string()), &msg));
    }
    parsed
}

fn push_field_errors(problems: &mut Vec<RowError>, row: u64, column: &str, e: Error) {
    if let Error::Validation(errors) = e {
        problems.extend(errors.into_iter().map(|f| row_error(row, column, f.code, f.value, &f.message)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_link_names_its_platform() {
        assert_eq!(platform_of_link("https://www.instagram.com/sanne.groen/"), Some(Platform::Instagram));
        assert_eq!(platform_of_link("tiktok.com/@bo.smit"), Some(Platform::Tiktok));
        assert_eq!(platform_of_link("https://youtu.be/xyz"), Some(Platform::Youtube));
        assert_eq!(platform_of_link("https://nl.pinterest.com/anna/"), Some(Platform::Pinterest));
        assert_eq!(platform_of_link("https://twitter.com/cor"), Some(Platform::X));
        assert_eq!(platform_of_link("https://shop.nl/anna"), None);
        assert_eq!(platform_of_link("sanne.groen"), None);
    }
}
