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

mod files {
    //! The same on files: a KWD roster exported (plain and Excel (Dutch)) imports back to the
    //! same minor units, and a creator on the roster merges with a file that leaves out its
    //! rates without those rates being read two ways (the merged draft holds the core's text).

    use chorus_core::money::format_unmistakable;
    use chorus_core::numbers::Spelling;
    use chorus_core::roster::creators;
    use chorus_core::roster::export::{export_roster_as, Dialect};
    use chorus_core::roster::import::{self, ColumnMapping};
    use chorus_core::roster::model::{CreatorDraft, HandleDraft, RateDraft};
    use chorus_core::roster::RosterQuery;
    use chorus_core::workspace::settings::Settings;
    use chorus_core::Workspace;

    fn rates(ws: &Workspace) -> Vec<(String, i64)> {
        let mut out: Vec<(String, i64)> = Vec::new();
        for id in 1..=3 {
            let c = creators::get(ws, id).unwrap();
            out.extend(c.rates.iter().map(|r| (format!("{} {}", c.display_name, r.format.as_str()), r.amount.minor)));
        }
        out
    }

    #[test]
    fn a_kwd_roster_exported_imports_back_to_the_same_fils_and_merges_without_a_guess() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::create(dir.path().join("gulf.chorus"), &Settings::new("Gulf Glow", "KWD", "en-GB")).unwrap();
        for (name, handle, amounts) in [("Amal", "amal", ["1.234", "0.500"]), ("Bader", "bader", ["1,234.567", "999.999"]), ("Dana", "dana", ["12", "0.005"])] {
            let draft = CreatorDraft {
                display_name: name.into(),
                handles: vec![HandleDraft { platform: "instagram".into(), handle: handle.into(), followers: "12,400".into(), ..Default::default() }],
                rates: vec![RateDraft { format: "reel".into(), amount: amounts[0].into() }, RateDraft { format: "story".into(), amount: amounts[1].into() }],
                spelling: Spelling::English,
                ..Default::default()
            };
            creators::create(&mut ws, &draft).unwrap();
        }
        let before = rates(&ws);
        assert_eq!(before[0], ("Amal reel".to_string(), 1_234));
        for dialect in [Dialect::Plain, Dialect::ExcelNl] {
            let out = dir.path().join("roster.csv");
            export_roster_as(&ws, &RosterQuery::default(), dialect, &out).unwrap();
            let mut copy = Workspace::create(dir.path().join(format!("copy {dialect:?}.chorus")), &Settings::new("Gulf Glow", "KWD", "en-GB")).unwrap();
            import::run(&mut copy, &out, &ColumnMapping::default(), &mut |_| {}).unwrap();
            assert_eq!(rates(&copy), before, "{dialect:?}");
            // The same file again merges into the creators it made: nothing changes, nothing is refused.
            let again = import::run(&mut copy, &out, &ColumnMapping::default(), &mut |_| {}).unwrap();
            assert_eq!((again.created, again.updated), (0, 0), "{dialect:?}");
        }
        // A file with followers only merges into Amal; her stored rates are kept as they were.
        let followers = dir.path().join("followers.csv");
        std::fs::write(&followers, "Name,Instagram,Instagram followers\nAmal,amal,13000\n").unwrap();
        let report = import::run(&mut ws, &followers, &ColumnMapping::default(), &mut |_| {}).unwrap();
        assert_eq!(report.updated, 1);
        assert_eq!(rates(&ws), before);
        assert_eq!(creators::get(&ws, 1).unwrap().to_draft().rates[0].amount, format_unmistakable(1_234, ws.settings().unwrap().currency()));
    }
}
