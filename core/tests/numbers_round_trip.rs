//! Every amount and count the window shows reads back as itself: over many values and
//! currencies with 0, 2, 3 and 4 decimals, the text a form starts from (the core's own draft
//! text), that text as the window shows it in Dutch and in English (`1.234.567,890`,
//! `1,234,567.890`), and the same typed without grouping, are read back, in the spelling they
//! are written in, to the very minor units they came from. The window's spelling is modelled
//! here as `ui/js/shared/i18n.js` `fmt.plain` writes it (the journey `e2e_numbers` checks the
//! real one). Values come from a fixed generator, so a failure names a value that fails again.

use chorus_core::money::{format_unmistakable, parse_amount, Currency};
use chorus_core::numbers::{parse_count, Spelling};

/// SplitMix64: a small, fixed sequence of well-spread numbers.
struct Values(u64);

impl Values {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Every value below 2 000, then values of every size up to 10^15.
    fn sample(n: usize) -> Vec<i64> {
        let mut g = Values(8);
        let mut out: Vec<i64> = (0..2_000).collect();
        for _ in 0..n {
            let digits = (g.next() % 16) as u32;
            out.push((g.next() % 10u64.pow(digits).max(1)) as i64);
        }
        out
    }
}

/// `1234567` grouped by threes with `sep`.
fn grouped(whole: &str, sep: char) -> String {
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// The machine text as the window shows it: grouped, with the language's decimal mark, without
/// the zero the core adds to three decimals (as `fmt.plain` does).
fn shown(machine: &str, spelling: Spelling, group: bool) -> String {
    let (whole, fraction) = machine.split_once('.').unwrap_or((machine, ""));
    let fraction = if fraction.len() == 4 && fraction.ends_with('0') { &fraction[..3] } else { fraction };
    let (group_sep, mark) = match spelling {
        Spelling::Dutch => ('.', ','),
        _ => (',', '.'),
    };
    let whole = if group { grouped(whole, group_sep) } else { whole.to_string() };
    if fraction.is_empty() {
        whole
    } else {
        format!("{whole}{mark}{fraction}")
    }
}

#[test]
fn every_amount_the_window_shows_reads_back_identical_in_dutch_and_english() {
    let values = Values::sample(20_000);
    for code in ["JPY", "EUR", "KWD", "BHD", "CLF"] {
        let currency = Currency::parse(code).unwrap();
        for &minor in &values {
            let machine = format_unmistakable(minor, currency);
            for spelling in [Spelling::Unknown, Spelling::Dutch, Spelling::English] {
                assert_eq!(parse_amount(&machine, currency, spelling), Ok(minor), "{code} {minor}: the draft's “{machine}” read as {spelling:?}");
            }
            for spelling in [Spelling::Dutch, Spelling::English] {
                for group in [true, false] {
                    let text = shown(&machine, spelling, group);
                    assert_eq!(parse_amount(&text, currency, spelling), Ok(minor), "{code} {minor}: “{text}” shown and read as {spelling:?}");
                }
            }
        }
    }
}

#[test]
fn every_count_the_window_shows_reads_back_identical_in_dutch_and_english() {
    for &n in &Values::sample(20_000) {
        assert_eq!(parse_count(&n.to_string(), Spelling::Unknown), Ok(n));
        for spelling in [Spelling::Dutch, Spelling::English] {
            for group in [true, false] {
                let text = shown(&n.to_string(), spelling, group);
                assert_eq!(parse_count(&text, spelling), Ok(n), "“{text}” read as {spelling:?}");
            }
        }
    }
}

#[test]
fn a_number_grouped_in_one_language_is_never_read_as_itself_by_the_other() {
    // `12.345` followers typed in Dutch, or `1,234` dinars typed in Dutch, read the English way
    // must be another number or refused: the spelling, not luck, keeps them apart.
    let jpy = Currency::parse("JPY").unwrap();
    let kwd = Currency::parse("KWD").unwrap();
    for &n in Values::sample(5_000).iter().filter(|&&n| (1_000..1_000_000).contains(&n)) {
        let dutch = shown(&n.to_string(), Spelling::Dutch, true);
        let english = shown(&n.to_string(), Spelling::English, true);
        assert_ne!(parse_count(&dutch, Spelling::English), Ok(n), "“{dutch}”");
        assert_ne!(parse_count(&english, Spelling::Dutch), Ok(n), "“{english}”");
        assert_ne!(parse_amount(&dutch, jpy, Spelling::English), Ok(n), "¥ “{dutch}”");
        let dinars = shown(&format_unmistakable(n, kwd), Spelling::Dutch, true);
        assert_ne!(parse_amount(&dinars, kwd, Spelling::English), Ok(n), "KWD “{dinars}”");
    }
}
