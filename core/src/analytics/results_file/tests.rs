//! Tests of the results file reader on fixtures in the layouts people bring
//! (`core/tests/fixtures/results/`), on the family of shapes one export takes on its way through
//! spreadsheets (a mark or none, CRLF, UTF-16 tab text, reordered and renamed columns, Dutch
//! Excel's `;` with its own dates), on every problem a person is shown, and on any bytes at all.

use super::*;
use crate::error::Error;
use chrono::NaiveDate;
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/results").join(name)).unwrap()
}

fn read(bytes: Vec<u8>, options: &ResultsOptions) -> ResultsFile {
    match read_results_bytes(bytes, "results.csv", options) {
        Ok(f) => f,
        Err(e) => panic!("{e}: {:#?}", e.to_payload().groups),
    }
}

fn problems(bytes: Vec<u8>, options: &ResultsOptions) -> Vec<RowError> {
    match read_results_bytes(bytes, "results.csv", options) {
        Err(Error::ImportRejected { problems, .. }) => problems,
        other => panic!("expected row problems, got {other:?}"),
    }
}

fn layout_code(bytes: Vec<u8>, options: &ResultsOptions) -> &'static str {
    match read_results_bytes(bytes, "results.csv", options) {
        Err(Error::ImportLayout { code, .. }) => code,
        other => panic!("expected a whole-file problem, got {other:?}"),
    }
}

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

fn mapping(pairs: &[(&str, &str)]) -> ResultsOptions {
    ResultsOptions { mapping: Some(ColumnMapping(pairs.iter().map(|(h, f)| (h.to_string(), Some(f.to_string()))).collect())), ..Default::default() }
}

/// What a post is, whatever shape its file took: link, moment, counts, caption, type.
fn posts(file: &ResultsFile) -> Vec<(Option<String>, Option<NaiveDateTime>, Counts, Option<String>, Option<String>)> {
    file.rows.iter().map(|r| (r.permalink.clone(), r.published_at, r.counts, r.caption.clone(), r.format_raw.clone())).collect()
}

#[test]
fn meta_2025_export_reads_every_post_with_its_counts_caption_and_type() {
    let f = read(fixture("meta_instagram_2025.csv"), &ResultsOptions::default());
    assert_eq!((f.layout, f.encoding, f.delimiter, f.data_rows, f.rows.len()), (ResultsLayout::InstagramMeta, "UTF-8", ",", 12, 12));
    assert_eq!((f.date_order, f.date_order_assumed), (DateOrder::MonthFirst, false));
    let first = &f.rows[0];
    assert_eq!(first.row, 2);
    assert_eq!(first.post_id.as_deref(), Some("18049211873290001"));
    assert_eq!(first.account.as_deref(), Some("sanne.groen"));
    assert_eq!(first.permalink.as_deref(), Some("https://www.instagram.com/p/DGsA1b2C3dE/"));
    assert_eq!((first.published_at, first.published_time_given), (Some(at("2025-03-03 19:30")), true));
    assert_eq!((first.format, first.format_raw.as_deref()), (Some(ContentFormat::SingleImage), Some("IG image")));
    assert_eq!(first.snapshot, Snapshot::Lifetime);
    assert_eq!(first.caption.as_deref(), Some("Mijn nieuwe favoriete jas 🧥, gemaakt van gerecyclede wol. #duurzamemode #ad @loomandleaf"));
    let expected = Counts { views: Some(8412), reach: Some(5120), likes: Some(612), shares: Some(14), profile_follows: Some(9), comments: Some(41), saves: Some(77), ..Counts::default() };
    assert_eq!(first.counts, expected);
    // The caption with line breaks is one row: the rows go on 3, 4, … as a spreadsheet shows them.
    assert_eq!(f.rows.iter().map(|r| r.row).collect::<Vec<_>>(), (2..=13).collect::<Vec<u64>>());
    assert_eq!(f.rows[1].caption.as_deref(), Some("5 tips voor een capsule wardrobe:\n1. Kies basics, geen trends\n2. Koop tweedehands 💚 #capsulewardrobe"));
    assert_eq!(f.rows[1].format, Some(ContentFormat::Carousel));
    assert_eq!(f.rows[2].caption.as_deref(), Some("Zeg maar \"hallo\" tegen mijn nieuwe sneakers 👟✨ (gifted by @loomandleaf)"));
    assert_eq!(f.rows[2].format, Some(ContentFormat::Reel));
    // An empty cell is not reported, not zero.
    assert_eq!((f.rows[6].counts.shares, f.rows[6].counts.likes), (None, Some(402)));
    assert_eq!(f.rows[7].published_at, Some(at("2025-03-25 22:00")));
    assert_eq!(f.rows[9].published_at, Some(at("2025-04-02 10:05")), "04/02 in Meta's export is the 2nd of April");
    assert!(f.rows.iter().all(|r| r.counts.impressions.is_none() && r.counts.followers.is_none()));
    let fields: Vec<Option<ResultField>> = f.columns.iter().map(|c| c.field).collect();
    assert_eq!(&fields[..4], &[Some(ResultField::PostId), None, Some(ResultField::Account), None], "Account ID and Account name are not read");
    assert_eq!(f.columns[16].header, "Comments");
    assert!(f.left_out.is_empty());
}

#[test]
fn meta_export_before_2025_reads_impressions() {
    let f = read(fixture("meta_instagram_2024_impressions.csv"), &ResultsOptions::default());
    assert_eq!((f.layout, f.rows.len()), (ResultsLayout::InstagramMetaBefore2025, 4));
    assert_eq!((f.rows[0].counts.impressions, f.rows[0].counts.views, f.rows[0].counts.reach), (Some(9120), None, Some(6044)));
    assert_eq!(f.rows[0].published_at, Some(at("2024-10-04 16:00")));
    assert_eq!(f.rows[2].caption.as_deref(), Some("Bakken met \"echte\" boter, proef het verschil 🧈"));
    assert_eq!(f.rows[3].counts.shares, None);
    assert_eq!(detect_layout(&["Post ID".into(), "Permalink".into(), "Post type".into(), "Impressions".into(), "Views".into()]), Some(ResultsLayout::InstagramMeta), "both: the 2025 layout");
}

fn dutch_mapping() -> ResultsOptions {
    mapping(&[
        ("Post", "permalink"),
        ("Account", "account"),
        ("Datum", "publish_time"),
        ("Soort", "format"),
        ("Weergaven", "views"),
        ("Bereik", "reach"),
        ("Likes", "likes"),
        ("Reacties", "comments"),
        ("Gedeeld", "shares"),
        ("Opgeslagen", "Saves"),
        ("Klikken op link", "Link clicks"),
        ("volgers", "followers"),
    ])
}

#[test]
fn a_dutch_sheet_typed_by_hand_reads_with_a_mapping() {
    let f = read(fixture("dutch_excel_hand_typed.csv"), &dutch_mapping());
    assert_eq!((f.layout, f.encoding, f.delimiter, f.data_rows), (ResultsLayout::Mapped, "Windows-1252", ";", 5));
    assert_eq!((f.date_order, f.date_order_assumed), (DateOrder::DayFirst, false));
    let r = &f.rows;
    assert_eq!(r.iter().map(|r| r.row).collect::<Vec<_>>(), vec![2, 3, 4, 5, 7], "the row of blank cells is skipped, not renumbered");
    assert_eq!((r[0].counts.views, r[0].counts.reach, r[0].counts.likes, r[0].counts.shares, r[0].counts.followers), (Some(12345), Some(9870), Some(1200), None, Some(15200)));
    assert_eq!((r[0].published_at, r[0].published_time_given), (Some(at("2025-03-25 00:00")), false));
    assert_eq!((r[0].account.as_deref(), r[0].format), (Some("lotte.bakt"), Some(ContentFormat::Reel)));
    assert_eq!((r[1].published_at, r[1].format, r[1].counts.link_clicks), (Some(at("2025-03-27 19:30")), Some(ContentFormat::Carousel), None), "“-” is blank");
    assert_eq!((r[2].counts.likes, r[2].format, r[2].counts.reach), (Some(3400), Some(ContentFormat::Video), None));
    assert_eq!((r[3].format, r[3].counts.likes, r[3].counts.link_clicks), (Some(ContentFormat::Story), None, Some(88)));
    assert_eq!((r[4].format, r[4].counts.views, r[4].snapshot), (Some(ContentFormat::Short), Some(1500), Snapshot::NotStated));
    let notes = f.columns.iter().find(|c| c.header == "Opmerking").unwrap();
    assert_eq!(notes.field, None, "a column not chosen is not read");
}

#[test]
fn an_american_sheet_reads_month_first_because_its_own_dates_say_so() {
    let options = mapping(&[("Post URL", "permalink"), ("Handle", "account"), ("Posted", "publish_time"), ("Type", "format"), ("Views", "views"), ("Likes", "likes"), ("Comments", "comments"), ("Shares", "shares"), ("Saves", "saves"), ("Link clicks", "link_clicks")]);
    let f = read(fixture("us_creator_sheet.csv"), &options);
    assert_eq!((f.date_order, f.date_order_assumed), (DateOrder::MonthFirst, false));
    assert_eq!(f.rows.iter().map(|r| r.published_at.unwrap()).collect::<Vec<_>>(), vec![at("2025-03-25 18:04"), at("2025-04-02 09:15"), at("2025-04-11 12:30")]);
    assert_eq!((f.rows[0].counts.views, f.rows[0].counts.likes, f.rows[1].counts.link_clicks), (Some(18402), Some(1377), None));
    // The caller's word wins over the file's, and then the 25th month is a problem.
    let mut day_first = options.clone();
    day_first.date_order = Some(DateOrder::DayFirst);
    let p = problems(fixture("us_creator_sheet.csv"), &day_first);
    assert_eq!(p.iter().map(|p| (p.row, p.code)).collect::<Vec<_>>(), vec![(2, "results_bad_publish_time")], "4/2 and 4/11 are days in either order");
}

#[test]
fn a_date_nothing_settles_is_read_day_first_and_said() {
    let f = read(b"Link;Datum;Likes\nhttps://www.instagram.com/p/A/;04/02/2025;5\n".to_vec(), &mapping(&[("Link", "permalink"), ("Datum", "publish_time"), ("Likes", "likes")]));
    assert_eq!((f.rows[0].published_at, f.date_order, f.date_order_assumed), (Some(at("2025-02-04 00:00")), DateOrder::DayFirst, true));
}

#[test]
fn a_broken_export_lists_every_problem_at_its_row_and_column() {
    let p = problems(fixture("meta_instagram_broken.csv"), &ResultsOptions::default());
    let shown: Vec<(u64, &str, &str, Option<&str>)> = p.iter().map(|p| (p.row, p.column.as_str(), p.code, p.value.as_deref())).collect();
    assert_eq!(
        shown,
        vec![
            (3, "Likes", "not_a_number", Some("12x")),
            (4, "Comments", "negative_number", Some("-5")),
            (5, "Views", "too_large", Some("2000000000000")),
            (6, "Publish time", "results_bad_publish_time", Some("gisteren")),
            (7, "", "too_few_cells", None),
            (8, "", "too_many_cells", None),
            (9, "Date", "results_bad_snapshot", Some("Last 28 days")),
            (10, "Permalink", "results_bad_permalink", Some("instagram/p/xyz")),
            (11, "Views", "not_whole", Some("1,5")),
        ]
    );
    let groups = group_problems(&p);
    assert_eq!(groups[0].describe(), "Row 3, column ‘Likes’: “12x” is not a number.");
    assert_eq!(groups[4].describe(), "Row 7: This row has 16 cells where the header has 18 columns. A caption may be missing its closing quote, or cells were left out.");
    assert_eq!(p[3].params.get("order").map(String::as_str), Some("month_first"));
    let e = read_results_bytes(fixture("meta_instagram_broken.csv"), "posts.csv", &ResultsOptions::default()).unwrap_err();
    assert_eq!((e.kind(), e.params().get("count").map(String::as_str), e.params().get("bad_rows").map(String::as_str)), ("import_rejected", Some("9"), Some("9")));
}

#[test]
fn leaving_bad_rows_out_is_the_callers_explicit_choice() {
    let options = ResultsOptions { skip_bad_rows: true, ..Default::default() };
    let f = read(fixture("meta_instagram_broken.csv"), &options);
    assert_eq!((f.rows.len(), f.rows[0].row, f.data_rows), (1, 2, 10));
    assert_eq!(crate::roster::import::rows_of(&f.left_out), (3..=11).collect::<Vec<u64>>());
    assert_eq!(f.left_out_groups.len(), 9);
    let clean = read(fixture("meta_instagram_2025.csv"), &options);
    assert_eq!((clean.rows.len(), clean.left_out.len()), (12, 0));
}

#[test]
fn a_row_that_does_not_say_which_post_and_unknown_types() {
    let options = mapping(&[("Link", "permalink"), ("Account", "account"), ("Datum", "publish_time"), ("Soort", "format"), ("Likes", "likes")]);
    let p = problems(b"Link,Account,Datum,Soort,Likes\n,@anna,,Reel,5\n,,2025-03-01,Reel,5\n".to_vec(), &options);
    assert_eq!(p.iter().map(|p| (p.row, p.column.as_str(), p.code)).collect::<Vec<_>>(), vec![(2, "", "results_no_post"), (3, "", "results_no_post")]);
    let f = read(b"Link,Account,Datum,Soort,Likes\n,@anna,2025-03-01 10:00,IG collab,5\n".to_vec(), &options);
    assert_eq!((f.rows[0].format, f.rows[0].format_raw.as_deref(), f.rows[0].account.as_deref()), (None, Some("IG collab"), Some("anna")), "an unknown type is kept raw, not refused");
}

#[test]
fn whole_file_problems_have_their_own_codes() {
    let none = ResultsOptions::default();
    let header = "\"Post ID\",\"Account username\",\"Publish time\",Permalink,\"Post type\",Date,Views,Likes";
    assert_eq!(layout_code(Vec::new(), &none), "empty_file");
    assert_eq!(layout_code(b" \r\n\n".to_vec(), &none), "empty_file");
    assert_eq!(layout_code(b"a,b\0,c".to_vec(), &none), "not_text");
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().write_string(0, 0, "Post ID").unwrap();
    assert_eq!(layout_code(book.save_to_buffer().unwrap(), &none), "workbook_not_csv");
    assert_eq!(layout_code(b",,,\n1,2,3,4\n".to_vec(), &none), "results_no_header");
    assert_eq!(layout_code(format!("{header}\n").into_bytes(), &none), "results_no_rows");
    assert_eq!(layout_code(format!("{header}\n,,,,,,,\n\n").into_bytes(), &none), "results_no_rows");
    assert_eq!(layout_code(b"Video link,Total views\nhttps://x.y/1,5\n".to_vec(), &none), "results_mapping_needed");
    assert_eq!(layout_code(header.replace("\"Publish time\",", "").into_bytes(), &none), "results_missing_columns");
    assert_eq!(layout_code(format!("{header},Likes\n").into_bytes(), &none), "results_duplicate_column");
    let Err(Error::ImportLayout { params, message, .. }) = read_results_bytes(b"Video link,Total views\nx,5\n".to_vec(), "tiktok.csv", &none) else { panic!() };
    assert_eq!(params["columns"], "Video link\nTotal views");
    assert!(message.starts_with("Chorus does not recognise tiktok.csv"), "{message}");
}

/// The Meta fixture's records, each cell changed by `cell(column, text)` and put in `order`,
/// written with `delimiter` (and `\r\n` after each record with `crlf`; a caption keeps its `\n`).
fn rewritten(delimiter: u8, crlf: bool, order: &dyn Fn(&[String]) -> Vec<String>, cell: &dyn Fn(usize, &str) -> String) -> String {
    let text = String::from_utf8(fixture("meta_instagram_2025.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let terminator = if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') };
    let mut writer = csv::WriterBuilder::new().delimiter(delimiter).terminator(terminator).from_writer(Vec::new());
    for record in reader.records() {
        let cells: Vec<String> = record.unwrap().iter().enumerate().map(|(c, t)| cell(c, t)).collect();
        writer.write_record(order(&cells)).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for unit in text.encode_utf16() {
        out.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    out
}

#[test]
fn the_family_of_one_export_reads_as_the_same_posts() {
    let original = read(fixture("meta_instagram_2025.csv"), &ResultsOptions::default());
    let same = |v: &[String]| v.to_vec();
    let plain = |_: usize, t: &str| t.to_string();
    let reversed = |v: &[String]| v.iter().rev().cloned().collect::<Vec<_>>();
    let with_extra = |v: &[String]| [&v[..3], &["Extra".to_string()], &v[3..]].concat();
    let no_mark = String::from_utf8(fixture("meta_instagram_2025.csv")).unwrap().trim_start_matches('\u{feff}').to_string();
    // Dutch Excel saving it again: `;`, and the publish times in its own day-first dates.
    let dutch_dates = |c: usize, t: &str| match (c, NaiveDateTime::parse_from_str(t, "%m/%d/%Y %H:%M")) {
        (6, Ok(d)) => d.format("%-d-%-m-%Y %H:%M").to_string(),
        _ => t.to_string(),
    };
    let shouting = |c: usize, t: &str| if t == "Post type" || t == "Account username" { t.to_uppercase() } else { plain(c, t) };
    let family: Vec<(&str, Vec<u8>)> = vec![
        ("without a mark", no_mark.clone().into_bytes()),
        ("CRLF", rewritten(b',', true, &same, &plain).into_bytes()),
        ("UTF-16LE tab text", utf16(&rewritten(b'\t', false, &same, &plain), false)),
        ("UTF-16BE", utf16(&rewritten(b',', false, &same, &plain), true)),
        ("columns in another order", rewritten(b',', false, &reversed, &plain).into_bytes()),
        ("Dutch Excel", format!("\u{feff}{}", rewritten(b';', false, &same, &dutch_dates)).into_bytes()),
        ("headers in capitals", rewritten(b',', false, &same, &shouting).into_bytes()),
        ("an extra column", rewritten(b',', false, &with_extra, &plain).into_bytes()),
    ];
    for (name, bytes) in family {
        let f = read_results_bytes(bytes, "posts.csv", &ResultsOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}: {:#?}", e.to_payload().groups));
        assert_eq!(f.layout, ResultsLayout::InstagramMeta, "{name}");
        assert!(posts(&f) == posts(&original), "{name} reads as other posts");
    }
    let blank_line = no_mark.replacen('\n', "\n\n", 1);
    let f = read(blank_line.into_bytes(), &ResultsOptions::default());
    assert_eq!((f.rows[0].row, f.rows[11].row), (3, 14), "a blank line is a row as a spreadsheet shows it");
}

const LAYOUT_CODES: &[&str] = &[
    "empty_file",
    "workbook_not_csv",
    "not_text",
    "not_csv",
    "not_csv_near_line",
    "results_no_header",
    "results_mapping_needed",
    "results_missing_columns",
    "results_duplicate_column",
    "results_no_rows",
    "unknown_column",
    "ambiguous_column",
    "unknown_field",
    "field_twice",
    "results_no_post_column",
    "results_no_count_column",
];
const ROW_CODES: &[&str] = &["not_a_number", "negative_number", "not_whole", "ambiguous_count", "too_large", "results_bad_publish_time", "results_bad_snapshot", "results_bad_permalink"];
const WHOLE_ROW_CODES: &[&str] = &["too_few_cells", "too_many_cells", "results_no_post"];

/// Whatever the bytes: rows whose counts are counts, problems each at a row (and a column, or
/// about the whole row) with a known code, or a whole-file problem with a known code.
fn check_outcome(result: Result<ResultsFile>) -> std::result::Result<(), TestCaseError> {
    match result {
        Ok(f) => {
            for r in &f.rows {
                prop_assert!(r.row >= 2);
                for c in ResultField::COUNTS {
                    prop_assert!(r.counts.get(c).is_none_or(|n| (0..=cells::MAX_COUNT).contains(&n)));
                }
            }
            prop_assert_eq!(f.rows.len() as u64 + crate::roster::import::rows_of(&f.left_out).len() as u64, f.data_rows);
        }
        Err(Error::ImportRejected { problems, .. }) => {
            prop_assert!(!problems.is_empty());
            for p in problems {
                prop_assert!(p.row >= 2, "{:?}", p);
                let whole_row = WHOLE_ROW_CODES.contains(&p.code);
                prop_assert!(whole_row || ROW_CODES.contains(&p.code), "{:?}", p);
                prop_assert!(whole_row == p.column.is_empty(), "{:?}", p);
            }
        }
        Err(Error::ImportLayout { code, .. }) => prop_assert!(LAYOUT_CODES.contains(&code), "{}", code),
        Err(other) => prop_assert!(false, "{:?}", other),
    }
    Ok(())
}

/// A count cell as a generator writes it, and what it must read as (`Err(code)` for a problem).
fn count_cell() -> impl Strategy<Value = (String, std::result::Result<Option<i64>, &'static str>)> {
    prop_oneof![
        Just((String::new(), Ok(None))),
        Just(("N/A".to_string(), Ok(None))),
        (0i64..10_000_000).prop_map(|n| (n.to_string(), Ok(Some(n)))),
        (1_000i64..10_000_000).prop_map(|n| {
            let digits = n.to_string();
            let mut grouped = String::new();
            for (i, ch) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    grouped.push(',');
                }
                grouped.push(ch);
            }
            (format!("\"{grouped}\""), Ok(Some(n)))
        }),
        (1i64..1_000_000).prop_map(|n| (format!("-{n}"), Err("negative_number"))),
        "[a-z]{1,3}[0-9]{0,2}".prop_filter("not blank-like", |t| !crate::roster::import::layout::is_blank_like(t)).prop_map(|t| (t, Err("not_a_number"))),
        (1_000_000_000_001i64..i64::MAX).prop_map(|n| (n.to_string(), Err("too_large"))),
    ]
}

proptest! {
    #[test]
    fn any_bytes_are_read_or_refused_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400), skip in any::<bool>()) {
        let options = ResultsOptions { skip_bad_rows: skip, ..Default::default() };
        check_outcome(read_results_bytes(bytes, "x.csv", &options))?;
    }

    #[test]
    fn any_body_under_a_known_header_is_rows_or_problems(body in "[0-9a-zA-Z/:,;\"\\-\\. \n\r\t€é🧥]{0,300}", meta in any::<bool>(), skip in any::<bool>()) {
        let (header, mut options) = if meta {
            ("\"Post ID\",\"Account username\",\"Publish time\",Permalink,\"Post type\",Date,Views,Likes\n", ResultsOptions::default())
        } else {
            ("Link;Datum;Weergaven;Gedaan op\n", mapping(&[("Link", "permalink"), ("Datum", "publish_time"), ("Weergaven", "views"), ("Gedaan op", "snapshot_date")]))
        };
        options.skip_bad_rows = skip;
        check_outcome(read_results_bytes(format!("{header}{body}").into_bytes(), "x.csv", &options))?;
    }

    #[test]
    fn mangled_fixtures_never_panic(which in 0usize..5, at in 0usize..3300, cut in 0usize..60, junk in "[,;\"\n a-zA-Z0-9/:.-]{0,8}") {
        let name = ["meta_instagram_2025.csv", "meta_instagram_2024_impressions.csv", "dutch_excel_hand_typed.csv", "us_creator_sheet.csv", "meta_instagram_broken.csv"][which];
        let mut bytes = fixture(name);
        let at = at.min(bytes.len());
        let end = (at + cut).min(bytes.len());
        bytes.splice(at..end, junk.into_bytes());
        let options = if which == 2 { dutch_mapping() } else { ResultsOptions::default() };
        check_outcome(read_results_bytes(bytes, name, &options))?;
    }

    /// Every generated count reads as it was written, and every bad one is named at its row and
    /// column with its code.
    #[test]
    fn generated_meta_exports_read_exactly(rows in proptest::collection::vec(proptest::collection::vec(count_cell(), 7), 1..8)) {
        let headers = ["Views", "Reach", "Likes", "Shares", "Follows", "Comments", "Saves"];
        let fields = [ResultField::Views, ResultField::Reach, ResultField::Likes, ResultField::Shares, ResultField::ProfileFollows, ResultField::Comments, ResultField::Saves];
        let mut text = format!("\"Post ID\",\"Account username\",\"Publish time\",Permalink,\"Post type\",Date,{}\n", headers.join(","));
        let mut expected_problems = Vec::new();
        for (i, cells) in rows.iter().enumerate() {
            let values: Vec<&str> = cells.iter().map(|(t, _)| t.as_str()).collect();
            text.push_str(&format!("{i},anna,\"03/25/2025 22:00\",https://www.instagram.com/p/P{i}/,\"IG reel\",Lifetime,{}\n", values.join(",")));
            for (c, (_, want)) in cells.iter().enumerate() {
                if let Err(code) = want {
                    expected_problems.push((i as u64 + 2, headers[c].to_string(), *code));
                }
            }
        }
        match read_results_bytes(text.into_bytes(), "gen.csv", &ResultsOptions::default()) {
            Ok(f) => {
                prop_assert!(expected_problems.is_empty());
                for (r, cells) in f.rows.iter().zip(&rows) {
                    for (c, (_, want)) in cells.iter().enumerate() {
                        prop_assert_eq!(Ok(r.counts.get(fields[c])), *want);
                    }
                }
            }
            Err(Error::ImportRejected { problems, .. }) => {
                let found: Vec<(u64, String, &str)> = problems.iter().map(|p| (p.row, p.column.clone(), p.code)).collect();
                prop_assert_eq!(found, expected_problems);
            }
            Err(other) => prop_assert!(false, "{:?}", other),
        }
    }
}

#[test]
fn a_day_written_in_the_snapshot_column_is_a_dated_snapshot() {
    let f = read(b"Link;Datum;Weergaven;Gedaan op\nhttps://www.tiktok.com/@a/video/1;25-03-2025;5;30-03-2025\n".to_vec(), &mapping(&[("Link", "permalink"), ("Datum", "publish_time"), ("Weergaven", "views"), ("Gedaan op", "snapshot_date")]));
    assert_eq!(f.rows[0].snapshot, Snapshot::On(NaiveDate::from_ymd_opt(2025, 3, 30).unwrap()));
}
