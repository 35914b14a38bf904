//! An order's moment as shop exports and spreadsheets write it, read into a time with its UTC
//! offset kept: Shopify's `2025-05-11 09:55:16 -0400`, ISO 8601 (`2025-05-11T13:55:16Z`,
//! `…T09:55:16.250-04:00`), plain `2025-05-11 09:55[:16]`, Dutch Excel's `11-05-2025 09:55`
//! (day first, `-` or `/`), and a bare date (midnight). A text without an offset is read at the
//! offset the caller gives (the shop's time zone) and says so ([`Stamp::offset_assumed`]).
//! Anything else is `None`: never a guess between day-first and month-first (`05/11/2025` with
//! `/` is read day first, as Dutch spreadsheets write it; US month-first files need a mapping
//! that says so, which is out of this reader's scope).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

/// A moment read from a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub at: DateTime<FixedOffset>,
    /// The text had no offset; [`Stamp::at`] carries the one the caller assumed.
    pub offset_assumed: bool,
}

/// Reads `text` (already trimmed), assuming `assumed` where the text names no offset.
pub fn read_stamp(text: &str, assumed: FixedOffset) -> Option<Stamp> {
    let t = text.trim();
    if t.is_empty() || t.len() > 40 {
        return None;
    }
    if let Some(at) = shopify_shape(t) {
        return Some(Stamp { at, offset_assumed: false });
    }
    if let Ok(at) = DateTime::parse_from_rfc3339(t) {
        return Some(Stamp { at, offset_assumed: false });
    }
    // Shopify: `2025-05-11 09:55:16 -0400`; also `+02:00` and a `T` between date and time.
    for f in ["%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S%.f %z", "%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%d %H:%M %z"] {
        if let Ok(at) = DateTime::parse_from_str(t, f) {
            return Some(Stamp { at, offset_assumed: false });
        }
    }
    if let Some(rest) = t.strip_suffix(" UTC").or_else(|| t.strip_suffix(" Z")) {
        return naive(rest).map(|n| Stamp { at: FixedOffset::east_opt(0).expect("zero offset").from_utc_datetime(&n), offset_assumed: false });
    }
    let n = naive(t)?;
    let at = assumed.from_local_datetime(&n).single()?;
    Some(Stamp { at, offset_assumed: true })
}

/// `2025-05-11 09:55:16 -0400` read by hand: every row of a Shopify export has one, and the
/// general formats below cost more than the rest of the row.
fn shopify_shape(t: &str) -> Option<DateTime<FixedOffset>> {
    let b = t.as_bytes();
    if b.len() != 25 || b[4] != b'-' || b[7] != b'-' || b[10] != b' ' || b[13] != b':' || b[16] != b':' || b[19] != b' ' || !matches!(b[20], b'+' | b'-') {
        return None;
    }
    let num = |from: usize, len: usize| -> Option<u32> {
        b[from..from + len].iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    let date = NaiveDate::from_ymd_opt(num(0, 4)? as i32, num(5, 2)?, num(8, 2)?)?;
    let time = NaiveTime::from_hms_opt(num(11, 2)?, num(14, 2)?, num(17, 2)?)?;
    let (oh, om) = (num(21, 2)?, num(23, 2)?);
    if oh > 23 || om > 59 {
        return None;
    }
    let seconds = (oh * 3600 + om * 60) as i32;
    let offset = FixedOffset::east_opt(if b[20] == b'-' { -seconds } else { seconds })?;
    offset.from_local_datetime(&date.and_time(time)).single()
}

/// A date and time without an offset, year first or day first.
fn naive(t: &str) -> Option<NaiveDateTime> {
    const DATE_TIMES: [&str; 12] = [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%d-%m-%Y %H:%M:%S",
        "%d-%m-%Y %H:%M",
        "%d/%m/%Y %H:%M:%S",
        "%d/%m/%Y %H:%M",
        "%Y/%m/%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
    ];
    for f in DATE_TIMES {
        if let Ok(n) = NaiveDateTime::parse_from_str(t, f) {
            return Some(n);
        }
    }
    for f in ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y/%m/%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(t, f) {
            return Some(d.and_time(NaiveTime::MIN));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc() -> FixedOffset {
        FixedOffset::east_opt(0).unwrap()
    }

    fn shown(text: &str, assumed: FixedOffset) -> Option<(String, bool)> {
        read_stamp(text, assumed).map(|s| (s.at.to_rfc3339(), s.offset_assumed))
    }

    #[test]
    fn every_shape_the_exports_write_is_read_with_its_offset() {
        let amsterdam = FixedOffset::east_opt(2 * 3600).unwrap();
        let cases = [
            ("2025-05-11 09:55:16 -0400", "2025-05-11T09:55:16-04:00", false),
            ("2025-05-11 09:55:16 +0200", "2025-05-11T09:55:16+02:00", false),
            ("2025-05-11T13:55:16Z", "2025-05-11T13:55:16+00:00", false),
            ("2025-05-11T09:55:16.250-04:00", "2025-05-11T09:55:16.250-04:00", false),
            ("2025-05-11 09:55:16", "2025-05-11T09:55:16+02:00", true),
            ("2025-05-11 09:55", "2025-05-11T09:55:00+02:00", true),
            ("11-05-2025 09:55", "2025-05-11T09:55:00+02:00", true),
            ("11-05-2025 09:55:16", "2025-05-11T09:55:16+02:00", true),
            ("11/05/2025 09:55", "2025-05-11T09:55:00+02:00", true),
            ("11-05-2025", "2025-05-11T00:00:00+02:00", true),
            ("2025-05-11", "2025-05-11T00:00:00+02:00", true),
            ("  2025-05-11 09:55:16 -0400 ", "2025-05-11T09:55:16-04:00", false),
            ("2025-05-11 13:55:16 UTC", "2025-05-11T13:55:16+00:00", false),
        ];
        for (text, expected, assumed) in cases {
            assert_eq!(shown(text, amsterdam), Some((expected.to_string(), assumed)), "{text}");
        }
    }

    #[test]
    fn the_same_moment_in_two_offsets_is_one_moment_in_utc() {
        let a = read_stamp("2025-05-11 09:55:16 -0400", utc()).unwrap().at;
        let b = read_stamp("2025-05-11T13:55:16Z", utc()).unwrap().at;
        assert_eq!(a, b, "equal as moments");
        assert_ne!(a.offset(), b.offset(), "each keeps its own offset");
    }

    #[test]
    fn text_that_is_not_a_moment_is_refused_not_guessed() {
        for text in ["", "tomorrow", "2025-13-01", "31-02-2025", "2025-05-11 25:00", "12345", "2025-05-11 09:55:16 +9999", &"9".repeat(100)] {
            assert_eq!(read_stamp(text, utc()), None, "{text}");
        }
    }
}
