//! An order's times as the workspace stores them, written without a formatting machinery (an
//! import writes three per order): `2025-05-11T09:55:16+02:00` (as the file wrote it, with its
//! offset), `2025-05-11T07:55:16Z` (UTC, sorts in time) and the shop's day `2025-05-11`. Each
//! is exactly what chrono writes (`to_rfc3339`, `%Y-%m-%dT%H:%M:%SZ`, `%Y-%m-%d`); a time
//! outside the years 0–9999 or with a fraction of a second goes through chrono itself.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDateTime, Timelike, Utc};

fn digits(out: &mut String, value: u32, width: usize) {
    let mut buf = [b'0'; 4];
    let mut v = value;
    for i in (0..width).rev() {
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
    }
    out.push_str(std::str::from_utf8(&buf[..width]).expect("ASCII digits"));
}

fn plain(t: &NaiveDateTime) -> bool {
    (0..=9999).contains(&t.year()) && t.nanosecond() == 0
}

fn date_time(out: &mut String, t: &NaiveDateTime) {
    digits(out, t.year() as u32, 4);
    out.push('-');
    digits(out, t.month(), 2);
    out.push('-');
    digits(out, t.day(), 2);
    out.push('T');
    digits(out, t.hour(), 2);
    out.push(':');
    digits(out, t.minute(), 2);
    out.push(':');
    digits(out, t.second(), 2);
}

/// `to_rfc3339()`.
pub fn with_offset(t: &DateTime<FixedOffset>) -> String {
    let local = t.naive_local();
    let seconds = t.offset().local_minus_utc();
    if !plain(&local) || seconds % 60 != 0 {
        return t.to_rfc3339();
    }
    let mut out = String::with_capacity(25);
    date_time(&mut out, &local);
    out.push(if seconds < 0 { '-' } else { '+' });
    let minutes = seconds.unsigned_abs() / 60;
    digits(&mut out, minutes / 60, 2);
    out.push(':');
    digits(&mut out, minutes % 60, 2);
    out
}

/// `format("%Y-%m-%dT%H:%M:%SZ")`.
pub fn utc(t: &DateTime<Utc>) -> String {
    let naive = t.naive_utc();
    if !(0..=9999).contains(&naive.year()) {
        return t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    }
    let mut out = String::with_capacity(20);
    date_time(&mut out, &naive.with_nanosecond(0).unwrap_or(naive));
    out.push('Z');
    out
}

/// The day of `t` where it was written, `%Y-%m-%d`.
pub fn day(t: &DateTime<FixedOffset>) -> String {
    let d = t.date_naive();
    if !(0..=9999).contains(&d.year()) {
        return d.to_string();
    }
    let mut out = String::with_capacity(10);
    digits(&mut out, d.year() as u32, 4);
    out.push('-');
    digits(&mut out, d.month(), 2);
    out.push('-');
    digits(&mut out, d.day(), 2);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn every_time_is_written_exactly_as_chrono_writes_it(seconds in -62_000_000_000i64..253_402_300_799, offset in -50_400i32..50_400, whole_minutes in any::<bool>(), nanos in prop_oneof![Just(0u32), 1u32..1_000_000_000]) {
            let offset = FixedOffset::east_opt(if whole_minutes { offset / 60 * 60 } else { offset }).unwrap();
            let t = DateTime::from_timestamp(seconds, nanos).unwrap().with_timezone(&offset);
            prop_assert_eq!(with_offset(&t), t.to_rfc3339());
            prop_assert_eq!(utc(&t.to_utc()), t.to_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string());
            prop_assert_eq!(day(&t), t.date_naive().to_string());
        }
    }
}
