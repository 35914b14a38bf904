//! Reading typed campaign fields: dates, times, amounts, choices and free text. Each reader
//! returns the clean value and pushes a field error (stable code, the offending value) when
//! the text cannot be read, so one save reports every problem at once.

use crate::error::FieldError;
use crate::money::{self, Currency};
use crate::numbers::Spelling;
use chrono::{NaiveDate, NaiveDateTime};

pub(crate) const MAX_SHORT: usize = 200;
pub(crate) const MAX_LONG: usize = 20_000;

/// Collects the problems of one draft.
#[derive(Default)]
pub(crate) struct Checks {
    pub errors: Vec<FieldError>,
}

impl Checks {
    pub fn push(&mut self, e: FieldError) {
        self.errors.push(e);
    }

    pub fn has(&self, field: &str) -> bool {
        self.errors.iter().any(|e| e.field == field)
    }

    pub fn finish<T>(self, value: T) -> crate::Result<T> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(crate::Error::Validation(self.errors))
        }
    }

    /// One line of text, trimmed, at most `max` characters; `label` names it in the message.
    pub fn line(&mut self, field: &str, label: &str, text: &str, max: usize) -> String {
        let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
        self.limit(field, label, &t, max);
        t
    }

    /// Free text with its line breaks kept, trimmed at both ends.
    pub fn text(&mut self, field: &str, label: &str, text: &str, max: usize) -> String {
        let t = text.trim().replace("\r\n", "\n");
        self.limit(field, label, &t, max);
        t
    }

    /// A line that must not be empty.
    pub fn required_line(&mut self, field: &str, label: &str, text: &str, max: usize) -> String {
        let t = self.line(field, label, text, max);
        if t.is_empty() {
            self.push(FieldError::new(field, "required", format!("{label} is required.")));
        }
        t
    }

    fn limit(&mut self, field: &str, label: &str, t: &str, max: usize) {
        if t.chars().count() > max {
            self.push(FieldError::new(field, "too_long", format!("{label} can be at most {max} characters.")).with_value(max.to_string()));
        }
    }

    /// An optional date (`2026-11-25` or `25-11-2026`), stored as `YYYY-MM-DD`.
    pub fn date(&mut self, field: &str, text: &str) -> Option<NaiveDate> {
        let t = text.trim();
        if t.is_empty() {
            return None;
        }
        let d = parse_date(t);
        if d.is_none() {
            self.push(FieldError::new(field, "invalid_date", format!("“{t}” is not a date. Use a date like 2026-11-25 or 25-11-2026.")).with_value(t));
        }
        d
    }

    /// A date that must be given.
    pub fn required_date(&mut self, field: &str, label: &str, text: &str) -> Option<NaiveDate> {
        if text.trim().is_empty() {
            self.push(FieldError::new(field, "required", format!("{label} is required.")));
            return None;
        }
        self.date(field, text)
    }

    /// An optional local date and time (`2026-11-25T14:30`, `2026-11-25 14:30`).
    pub fn datetime(&mut self, field: &str, text: &str) -> Option<NaiveDateTime> {
        let t = text.trim();
        if t.is_empty() {
            return None;
        }
        let d = parse_datetime(t);
        if d.is_none() {
            self.push(FieldError::new(field, "invalid_datetime", format!("“{t}” is not a date and time. Use a form like 2026-11-25 14:30.")).with_value(t));
        }
        d
    }

    /// `end` must not come before `start`; the error sits on the end field.
    pub fn order(&mut self, start: Option<NaiveDate>, end: Option<NaiveDate>, end_field: &str) {
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                self.push(
                    FieldError::new(end_field, "end_before_start", format!("The end ({e}) comes before the start ({s}).")).with_value(s.to_string()),
                );
            }
        }
    }

    /// An amount in the workspace currency, written in `spelling`; empty is zero.
    pub fn money(&mut self, field: &str, text: &str, currency: Currency, spelling: Spelling) -> i64 {
        let t = text.trim();
        if t.is_empty() {
            return 0;
        }
        match money::parse_amount(t, currency, spelling) {
            Ok(minor) => minor,
            Err(e) => {
                self.push(crate::roster::validate::amount_error(field, t, currency, e));
                0
            }
        }
    }

    /// One of a fixed list; `parse` accepts the stored spelling or the English label.
    pub fn choice<T: Copy>(&mut self, field: &str, label: &str, text: &str, parse: impl Fn(&str) -> Option<T>, default: Option<T>) -> Option<T> {
        let t = text.trim();
        if t.is_empty() {
            if default.is_none() {
                self.push(FieldError::new(field, "required", format!("{label} is required.")));
            }
            return default;
        }
        let v = parse(t);
        if v.is_none() {
            self.push(FieldError::new(field, "unknown_choice", format!("“{t}” is not a {label} Chorus knows.")).with_value(t));
        }
        v.or(default)
    }

    /// A web address (http or https), or empty.
    pub fn url(&mut self, field: &str, text: &str) -> String {
        let t = text.trim().to_string();
        if !t.is_empty() && !crate::roster::validate::is_web_url(&t) {
            self.push(FieldError::new(field, "invalid_url", format!("“{t}” is not a web address starting with https://.")).with_value(&t));
        }
        t
    }
}

/// `2026-11-25`, `25-11-2026`, `25/11/2026`, `25.11.2026`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%d-%m-%Y"))
        .or_else(|_| NaiveDate::parse_from_str(t, "%d/%m/%Y"))
        .or_else(|_| NaiveDate::parse_from_str(t, "%d.%m.%Y"))
        .ok()
        .filter(|d| (1900..=2200).contains(&d.format("%Y").to_string().parse::<i32>().unwrap_or(0)))
}

/// `2026-11-25T14:30`, `2026-11-25 14:30`, with or without seconds.
pub fn parse_datetime(text: &str) -> Option<NaiveDateTime> {
    let t = text.trim();
    ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%d-%m-%Y %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
}

/// The stored spelling of a date.
pub fn date_text(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

/// The stored spelling of a local time: `2026-11-25T14:30`.
pub fn datetime_text(d: Option<NaiveDateTime>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%dT%H:%M").to_string())
}

/// Today on this computer's clock: due dates are days where the user lives, not UTC days.
pub fn local_today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// `Summer 2026 — Zon!` → `summer-2026-zon`: lower case, no spaces (UTM values are
/// case-sensitive, so one spelling is kept).
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in crate::roster::folding::fold(text).chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(60).collect::<String>().trim_end_matches('-').to_string()
}

/// True for a slug as [`slugify`] makes them.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty() && text.len() <= 60 && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// `zonzomer, #StudioZon  #zon` → `#zonzomer #StudioZon #zon`: each word once, with its marker.
pub fn tidy_tags(text: &str, marker: char) -> String {
    let mut out: Vec<String> = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
        let w = word.trim_start_matches(marker);
        if w.is_empty() {
            continue;
        }
        let tag = format!("{marker}{w}");
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&tag)) {
            out.push(tag);
        }
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_as_people_type_them() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        for t in ["2026-11-25", "25-11-2026", "25/11/2026", "25.11.2026", " 2026-11-25 "] {
            assert_eq!(parse_date(t), Some(d), "{t}");
        }
        for t in ["2026-13-01", "31-02-2026", "next week", "11/25/2026", "0026-11-25"] {
            assert_eq!(parse_date(t), None, "{t}");
        }
    }

    #[test]
    fn times_are_local_and_minute_precise() {
        let d = parse_datetime("2026-11-25 14:30").unwrap();
        assert_eq!(datetime_text(Some(d)).unwrap(), "2026-11-25T14:30");
        assert!(parse_datetime("2026-11-25T14:30").is_some());
        assert!(parse_datetime("14:30").is_none());
    }

    #[test]
    fn slugs_are_lower_case_without_spaces() {
        assert_eq!(slugify("Summer 2026 — Zon!"), "summer-2026-zon");
        assert_eq!(slugify("Crème Brûlée Week"), "creme-brulee-week");
        assert!(is_slug("summer-2026"));
        assert!(!is_slug("Summer 2026"));
    }

    #[test]
    fn hashtags_and_mentions_are_tidied() {
        assert_eq!(tidy_tags("zonzomer, #StudioZon  #zon #zonzomer", '#'), "#zonzomer #StudioZon #zon");
        assert_eq!(tidy_tags("@studiozon studiozon_nl", '@'), "@studiozon @studiozon_nl");
        assert_eq!(tidy_tags("  ", '#'), "");
    }

    #[test]
    fn an_end_before_the_start_is_named_on_the_end_field() {
        let mut c = Checks::default();
        c.order(parse_date("2026-12-01"), parse_date("2026-11-01"), "ends_on");
        assert_eq!(c.errors[0].field, "ends_on");
        assert_eq!(c.errors[0].code, "end_before_start");
    }
}
