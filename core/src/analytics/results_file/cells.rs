//! One cell of a results file into a value: a count (through [`parse_count`], so `12.345`,
//! `1,2K` and `18,402` read as the roster reads followers), a moment (through the orders'
//! [`read_stamp`], after a date written with its year last has been put day first), a snapshot
//! (`Lifetime` or a day) and a post type (Meta's `IG reel`, the workspace's formats, the words
//! people type).
//!
//! Dates with the year last (`25/03/2025`, `03/25/2025`, `25-03-2025`, `25.03.2025`) are read
//! in one [`DateOrder`] for the whole file, decided by [`decide_order`]: the caller's, else what
//! the file's own dates settle (a first number above 12 is a day, a second one above 12 is a
//! day), else the layout's (Meta writes month first), else day first as Dutch spreadsheets
//! write (and the file says it was assumed). Year-first dates (`2025-03-25`) are never in doubt.

use crate::numbers::{parse_count, CountError, Spelling};
use crate::roster::import::fields::normalise;
use crate::roster::model::ContentFormat;
use crate::sales::orders::read_stamp;
use chrono::{Datelike, FixedOffset, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// Counts above this are no post's (a million million): a cell read wrong, not a result.
pub(crate) const MAX_COUNT: i64 = 1_000_000_000_000;

/// How a date written with its year last puts its day and month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// `25/03/2025`, `25-03-2025`: as Dutch (and most European) spreadsheets write.
    DayFirst,
    /// `03/25/2025`: as Meta's exports and American spreadsheets write.
    MonthFirst,
}

/// A count, `None` for an empty cell; or the problem's code and sentence.
pub(crate) fn read_count(text: &str, spelling: Spelling) -> Result<Option<i64>, (&'static str, String)> {
    if text.is_empty() {
        return Ok(None);
    }
    match parse_count(text, spelling) {
        Ok(n) if n <= MAX_COUNT => Ok(Some(n)),
        Ok(_) | Err(CountError::TooLarge) => Err(("too_large", format!("“{text}” is far too large for a count: no post has more than a million million of anything."))),
        Err(CountError::Negative) => Err(("negative_number", format!("“{text}” is negative; a count is 0 or more."))),
        Err(CountError::NotWhole) => Err(("not_whole", format!("“{text}” is not a whole number; a count has no decimals."))),
        Err(CountError::Ambiguous) => Err(("ambiguous_count", format!("“{text}” can be read two ways, a thousand times apart: write it in full, like 1234 or 1234000."))),
        Err(CountError::NotANumber) => Err(("not_a_number", format!("“{text}” is not a number."))),
    }
}

/// The first two numbers of a date written with its year last, the year and what follows it.
fn year_last(t: &str) -> Option<(u32, u32, &str, &str)> {
    let b = t.as_bytes();
    let digits = |from: usize| b[from.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
    let a = digits(0);
    let sep = *b.get(a)?;
    if !(1..=2).contains(&a) || !matches!(sep, b'/' | b'-' | b'.') {
        return None;
    }
    let m = digits(a + 1);
    if !(1..=2).contains(&m) || b.get(a + 1 + m) != Some(&sep) {
        return None;
    }
    let y_at = a + 2 + m;
    if digits(y_at) != 4 {
        return None;
    }
    Some((t[..a].parse().ok()?, t[a + 1..a + 1 + m].parse().ok()?, &t[y_at..y_at + 4], &t[y_at + 4..]))
}

/// What a cell says of the file's date order: `Some` when it reads one way only.
pub(crate) fn order_shown(text: &str) -> Option<DateOrder> {
    let (first, second, ..) = year_last(text.trim())?;
    match (first > 12, second > 12) {
        (true, false) => Some(DateOrder::DayFirst),
        (false, true) => Some(DateOrder::MonthFirst),
        _ => None,
    }
}

/// Whether a cell's date reads as two different days in the two orders (`04/02/2025`).
pub(crate) fn reads_both_ways(text: &str) -> bool {
    matches!(year_last(text.trim()), Some((a, b, ..)) if a != b && a <= 12 && b <= 12)
}

/// The file's date order and whether it was assumed (see the module's words). `cells` are the
/// file's date cells.
pub(crate) fn decide_order<'c>(given: Option<DateOrder>, layout: Option<DateOrder>, mut cells: impl Iterator<Item = &'c str> + Clone) -> (DateOrder, bool) {
    if let Some(o) = given {
        return (o, false);
    }
    let shown: Vec<DateOrder> = cells.clone().filter_map(order_shown).collect();
    let (day, month) = (shown.contains(&DateOrder::DayFirst), shown.contains(&DateOrder::MonthFirst));
    match (day, month, layout) {
        (true, false, _) => (DateOrder::DayFirst, false),
        (false, true, _) => (DateOrder::MonthFirst, false),
        (_, _, Some(o)) => (o, false),
        // Both shown (the cells that do not fit are problems), or neither.
        _ => (DateOrder::DayFirst, cells.any(reads_both_ways)),
    }
}

/// A moment as the file writes it, read as a local date and time (an offset the text names is
/// kept as the clock it was written in); `true` when the text gives a time of day (else the
/// moment is that day's midnight). `None` when it is not a date Chorus can read with certainty.
pub(crate) fn read_moment(text: &str, order: DateOrder) -> Option<(NaiveDateTime, bool)> {
    let t = text.trim();
    if t.is_empty() || t.len() > 40 {
        return None;
    }
    let at = match year_last(t) {
        Some((first, second, year, rest)) => {
            let (day, month) = if order == DateOrder::DayFirst { (first, second) } else { (second, first) };
            // Meta writes every row `03/25/2025 22:00`: read by hand, as the general formats
            // below would read it, before trying them.
            if let Some(at) = plain_clock(year, month, day, rest) {
                return (1990..=2100).contains(&at.year()).then_some((at, t.contains(':')));
            }
            let canonical = format!("{day:02}-{month:02}-{year}{rest}");
            stamp(&canonical).or_else(|| ["%d-%m-%Y %I:%M %p", "%d-%m-%Y %I:%M:%S %p", "%d-%m-%Y, %I:%M %p"].iter().find_map(|f| NaiveDateTime::parse_from_str(&canonical, f).ok()))
        }
        // YouTube Studio's `Mar 25, 2025`; `25 Mar 2025`.
        None => stamp(t).or_else(|| ["%b %d, %Y", "%B %d, %Y", "%d %b %Y", "%d %B %Y"].iter().find_map(|f| NaiveDate::parse_from_str(t, f).ok()).map(|d| d.and_time(chrono::NaiveTime::MIN))),
    }?;
    (1990..=2100).contains(&at.year()).then_some((at, t.contains(':')))
}

/// A day with nothing after its year, ` HH:MM` or ` HH:MM:SS`; `None` for anything else (the
/// general formats then decide).
fn plain_clock(year: &str, month: u32, day: u32, rest: &str) -> Option<NaiveDateTime> {
    let date = NaiveDate::from_ymd_opt(year.parse().ok()?, month, day)?;
    let b = rest.as_bytes();
    let two = |at: usize| -> Option<u32> { b[at..at + 2].iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))) };
    let time = match b.len() {
        0 => chrono::NaiveTime::MIN,
        6 if b[0] == b' ' && b[3] == b':' => chrono::NaiveTime::from_hms_opt(two(1)?, two(4)?, 0)?,
        9 if b[0] == b' ' && b[3] == b':' && b[6] == b':' => chrono::NaiveTime::from_hms_opt(two(1)?, two(4)?, two(7)?)?,
        _ => return None,
    };
    Some(date.and_time(time))
}

fn stamp(t: &str) -> Option<NaiveDateTime> {
    read_stamp(t, FixedOffset::east_opt(0).expect("zero offset")).map(|s| s.at.naive_local())
}

/// What a post's numbers are a snapshot of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "date", rename_all = "snake_case")]
pub enum Snapshot {
    /// Totals since the post went up, as of the export (Meta's `Date` = `Lifetime`).
    Lifetime,
    /// Totals as of (or for) this day.
    On(NaiveDate),
    /// The file does not say.
    NotStated,
}

/// A snapshot cell: empty, `Lifetime` (English or Dutch), or a date; `None` for anything else.
pub(crate) fn read_snapshot(text: &str, order: DateOrder) -> Option<Snapshot> {
    if text.is_empty() {
        return Some(Snapshot::NotStated);
    }
    if matches!(normalise(text).as_str(), "lifetime" | "levensduur" | "alltime" | "total" | "totaal") {
        return Some(Snapshot::Lifetime);
    }
    read_moment(text, order).map(|(at, _)| Snapshot::On(at.date()))
}

/// The workspace's format of a post type as exports and people write it (`IG carousel`,
/// `Carrousel`, `Reels`, `single_image`); `None` for a type Chorus has no format for.
pub(crate) fn read_format(text: &str) -> Option<ContentFormat> {
    if let Some(f) = ContentFormat::parse(text) {
        return Some(f);
    }
    let key = normalise(text);
    let key = key.strip_prefix("ig").filter(|k| !k.is_empty()).unwrap_or(&key);
    Some(match key {
        "image" | "photo" | "picture" | "foto" | "afbeelding" | "singleimage" => ContentFormat::SingleImage,
        "carousel" | "carrousel" | "album" | "carouselalbum" | "sidecar" => ContentFormat::Carousel,
        "reel" | "reels" => ContentFormat::Reel,
        "story" | "stories" | "verhaal" | "verhalen" => ContentFormat::Story,
        "video" | "tv" | "igtv" | "videos" => ContentFormat::Video,
        "short" | "shorts" | "youtubeshort" | "youtubeshorts" => ContentFormat::Short,
        "live" | "livestream" => ContentFormat::Live,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use DateOrder::{DayFirst, MonthFirst};

    fn moment(text: &str, order: DateOrder) -> Option<String> {
        read_moment(text, order).map(|(at, time)| format!("{}{}", at.format("%Y-%m-%d %H:%M"), if time { "" } else { " (day)" }))
    }

    #[test]
    fn a_clock_read_by_hand_is_the_moment_the_general_formats_read() {
        let mut by_hand = 0;
        for text in [
            "03/25/2025 22:00", "3/5/2025 7:05", "03/25/2025", "12/31/2024 23:59:59", "02/30/2025 10:00", "03/25/2025 24:00", "03/25/2025 22:60",
            "03/25/2025 22:00 PM", "03/25/2025T22:00", "03/25/2025  22:00", "03/25/2025 2:00", "25.03.2025 09:30", "25-03-2025 00:00:60", "1/1/1989 10:00",
        ] {
            for order in [DateOrder::DayFirst, DateOrder::MonthFirst] {
                let Some((first, second, year, rest)) = year_last(text) else { continue };
                let (day, month) = if order == DateOrder::DayFirst { (first, second) } else { (second, first) };
                if let Some(at) = plain_clock(year, month, day, rest) {
                    by_hand += 1;
                    assert_eq!(Some(at), stamp(&format!("{day:02}-{month:02}-{year}{rest}")), "{text} read {order:?}");
                }
            }
        }
        assert!(by_hand >= 6, "the common shapes are read by hand ({by_hand})");
    }

    #[test]
    fn the_shapes_people_write_a_moment_in() {
        let cases = [
            ("03/25/2025 22:00", MonthFirst, "2025-03-25 22:00"),
            ("3/5/2025 9:15 AM", MonthFirst, "2025-03-05 09:15"),
            ("3/25/2025 6:04 PM", MonthFirst, "2025-03-25 18:04"),
            ("25/03/2025", DayFirst, "2025-03-25 00:00 (day)"),
            ("25-03-2025 21:30", DayFirst, "2025-03-25 21:30"),
            ("25.03.2025", DayFirst, "2025-03-25 00:00 (day)"),
            ("2025-03-25", MonthFirst, "2025-03-25 00:00 (day)"),
            ("2025-03-25 22:00", DayFirst, "2025-03-25 22:00"),
            ("2025-03-25T22:00:10", DayFirst, "2025-03-25 22:00"),
            ("2025-03-25T22:00:00+01:00", DayFirst, "2025-03-25 22:00"),
            ("Mar 25, 2025", DayFirst, "2025-03-25 00:00 (day)"),
            ("25 March 2025", DayFirst, "2025-03-25 00:00 (day)"),
        ];
        for (text, order, expected) in cases {
            assert_eq!(moment(text, order).as_deref(), Some(expected), "{text}");
        }
        assert_eq!(moment("04/02/2025 10:05", MonthFirst).as_deref(), Some("2025-04-02 10:05"));
        assert_eq!(moment("04/02/2025 10:05", DayFirst).as_deref(), Some("2025-02-04 10:05"));
    }

    #[test]
    fn what_is_not_a_moment_is_refused_not_guessed() {
        for text in ["", "gisteren", "03/25/2025", "25/03/25", "2025-13-01", "31-02-2025", "1/1/1899", "03/25/2025 25:00", "12345", &"1".repeat(60)] {
            assert_eq!(moment(text, DayFirst), None, "{text}");
        }
        assert_eq!(moment("25/03/2025", MonthFirst), None, "a month 25 under month first");
    }

    #[test]
    fn the_files_own_dates_settle_the_order_before_the_layout() {
        let order = |given, layout, cells: &[&str]| decide_order(given, layout, cells.iter().copied());
        assert_eq!(order(None, None, &["3/25/2025", "4/2/2025"]), (MonthFirst, false));
        assert_eq!(order(None, None, &["25/03/2025", "04/02/2025"]), (DayFirst, false));
        assert_eq!(order(None, Some(MonthFirst), &["04/02/2025"]), (MonthFirst, false), "Meta writes month first");
        assert_eq!(order(None, Some(MonthFirst), &["25-3-2025 22:00"]), (DayFirst, false), "a Meta export saved again by Dutch Excel");
        assert_eq!(order(None, None, &["04/02/2025"]), (DayFirst, true), "nothing settles it: day first, said");
        assert_eq!(order(None, None, &["01/01/2025", "2025-03-04"]), (DayFirst, false), "no date reads two ways");
        assert_eq!(order(Some(MonthFirst), None, &["25/03/2025"]), (MonthFirst, false), "the caller's word wins");
        assert_eq!(order(None, None, &["25/03/2025", "03/25/2025", "04/02/2025"]), (DayFirst, true), "mixed: the others are problems");
    }

    #[test]
    fn counts_as_people_type_them_and_what_no_count_is() {
        let read = |t: &str, s| read_count(t, s).map_err(|(code, _)| code);
        assert_eq!(read("", Spelling::Unknown), Ok(None));
        assert_eq!(read("8412", Spelling::Unknown), Ok(Some(8412)));
        assert_eq!(read("12.345", Spelling::Dutch), Ok(Some(12345)));
        assert_eq!(read("1,2K", Spelling::Dutch), Ok(Some(1200)));
        assert_eq!(read("18,402", Spelling::Unknown), Ok(Some(18402)));
        assert_eq!(read("1000000000000", Spelling::Unknown), Ok(Some(MAX_COUNT)));
        assert_eq!(read("1000000000001", Spelling::Unknown), Err("too_large"));
        assert_eq!(read("99999999999999999999", Spelling::Unknown), Err("too_large"));
        assert_eq!(read("-5", Spelling::Unknown), Err("negative_number"));
        assert_eq!(read("12,5", Spelling::Dutch), Err("not_whole"));
        assert_eq!(read("1.234K", Spelling::Unknown), Err("ambiguous_count"));
        assert_eq!(read("12x", Spelling::Unknown), Err("not_a_number"));
    }

    #[test]
    fn post_types_map_to_the_workspace_formats() {
        let cases = [
            ("IG image", Some(ContentFormat::SingleImage)),
            ("IG carousel", Some(ContentFormat::Carousel)),
            ("IG reel", Some(ContentFormat::Reel)),
            ("ig REEL", Some(ContentFormat::Reel)),
            ("Carrousel", Some(ContentFormat::Carousel)),
            ("single_image", Some(ContentFormat::SingleImage)),
            ("Story", Some(ContentFormat::Story)),
            ("Shorts", Some(ContentFormat::Short)),
            ("IG", None),
            ("IG collab", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(read_format(text), expected, "{text}");
        }
    }

    #[test]
    fn a_snapshot_is_lifetime_a_day_or_not_stated() {
        assert_eq!(read_snapshot("Lifetime", MonthFirst), Some(Snapshot::Lifetime));
        assert_eq!(read_snapshot("levensduur", DayFirst), Some(Snapshot::Lifetime));
        assert_eq!(read_snapshot("", DayFirst), Some(Snapshot::NotStated));
        assert_eq!(read_snapshot("30-03-2025", DayFirst), Some(Snapshot::On(NaiveDate::from_ymd_opt(2025, 3, 30).unwrap())));
        assert_eq!(read_snapshot("Last 28 days", MonthFirst), None);
    }
}
