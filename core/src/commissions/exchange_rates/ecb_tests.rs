//! Tests of the ECB readers on fixtures in the ECB's own layouts and on the family of copies
//! people end up with (re-saved by Excel, with a BOM, CRLF, quotes, Dutch decimal commas).

use super::*;
use crate::commissions::exchange_rates::{RateTable, DEFAULT_MAX_RATE_AGE_DAYS};
use crate::money::Money;
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rates").join(name)).unwrap()
}

fn read(bytes: &[u8]) -> Result<EcbRates> {
    read_ecb(bytes.to_vec(), "rates.csv".into())
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn rate_of(rates: &EcbRates, date: &str, code: &str) -> Option<String> {
    rates.rates.iter().find(|r| r.date == day(date) && r.to.code() == code).map(|r| r.rate.to_string())
}

fn problems(result: Result<EcbRates>) -> Vec<RowError> {
    match result {
        Err(Error::ImportRejected { problems, .. }) => problems,
        other => panic!("expected row problems, got {other:?}"),
    }
}

fn layout_code(result: Result<EcbRates>) -> &'static str {
    match result {
        Err(Error::ImportLayout { code, .. }) => code,
        other => panic!("expected a layout problem, got {other:?}"),
    }
}

#[test]
fn the_historical_csv_reads_every_day_and_skips_n_a_and_the_trailing_comma() {
    let rates = read_ecb(fixture("eurofxref-hist.csv"), "eurofxref-hist.csv".into()).unwrap();
    assert_eq!(rates.format, "CSV");
    assert_eq!(rates.dates(), Some((day("2008-01-02"), day("2026-06-10"))), "oldest first, whatever the file's order");
    assert_eq!(rate_of(&rates, "2026-06-10", "USD").as_deref(), Some("1.0163"));
    assert_eq!(rate_of(&rates, "2026-06-10", "GBP").as_deref(), Some("0.8551"));
    assert_eq!(rate_of(&rates, "2026-06-09", "IDR").as_deref(), Some("16601.12"));
    assert_eq!(rate_of(&rates, "2026-06-10", "BGN"), None, "N/A: no rate that day");
    assert_eq!(rate_of(&rates, "2008-01-02", "BGN").as_deref(), Some("1.9558"));
    assert!(rates.rates.iter().all(|r| r.from.code() == "EUR"));
    assert!(rates.skipped_currencies.iter().any(|c| c == "CYP"), "a currency that ended before ISO's list: {:?}", rates.skipped_currencies);
    assert!(!rates.skipped_currencies.iter().any(|c| c.is_empty()));
}

#[test]
fn the_daily_csv_reads_its_spaced_header_and_written_out_date() {
    let rates = read_ecb(fixture("eurofxref.csv"), "eurofxref.csv".into()).unwrap();
    assert_eq!(rates.dates(), Some((day("2026-06-10"), day("2026-06-10"))));
    assert_eq!(rates.rates.len(), 29);
    assert_eq!(rate_of(&rates, "2026-06-10", "JPY").as_deref(), Some("163.45"));
    assert!(rates.skipped_currencies.is_empty());
}

#[test]
fn the_daily_and_historical_xml_read_the_same_rates_as_the_csv() {
    let daily = read_ecb(fixture("eurofxref-daily.xml"), "eurofxref-daily.xml".into()).unwrap();
    let csv = read_ecb(fixture("eurofxref.csv"), "eurofxref.csv".into()).unwrap();
    assert_eq!(daily.format, "XML");
    assert_eq!(daily.rates, csv.rates);
    let hist = read_ecb(fixture("eurofxref-hist.xml"), "eurofxref-hist.xml".into()).unwrap();
    assert_eq!(hist.dates(), Some((day("2008-01-02"), day("2026-06-10"))));
    assert_eq!(rate_of(&hist, "2026-06-05", "SEK").as_deref(), Some("11.263"));
    assert_eq!(hist.skipped_currencies, vec!["CYP".to_string()]);
}

#[test]
fn imported_rates_convert_a_weekend_order_at_fridays_rate() {
    let mut table = RateTable::new();
    for r in read_ecb(fixture("eurofxref-hist.csv"), "h.csv".into()).unwrap().rates {
        table.insert(r);
    }
    let usd = Money { minor: 10_135, currency: Currency::parse("USD").unwrap() };
    let c = table.convert(usd, Currency::parse("EUR").unwrap(), day("2026-06-06"), DEFAULT_MAX_RATE_AGE_DAYS).unwrap();
    assert_eq!((c.amount.minor, c.rates[0].stored.date), (10_000, day("2026-06-05")));
}

#[test]
fn a_copy_saved_again_by_dutch_excel_reads_the_same() {
    let original = read(&fixture("eurofxref-hist.csv")).unwrap();
    let text = String::from_utf8(fixture("eurofxref-hist.csv")).unwrap();
    let dutch = text.replace(',', ";").replace('.', ",");
    assert_eq!(read(dutch.as_bytes()).unwrap().rates, original.rates, "semicolons and decimal commas");
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend(text.replace('\n', "\r\n").into_bytes());
    assert_eq!(read(&bom).unwrap().rates, original.rates, "a BOM and CRLF");
    let quoted: String = text.lines().map(|l| l.split(',').map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(",") + "\n").collect();
    assert_eq!(read(quoted.as_bytes()).unwrap().rates, original.rates, "every cell quoted");
    let spaced = text.replace(',', " , ").replace("N/A", "n/a");
    assert_eq!(read(spaced.as_bytes()).unwrap().rates, original.rates, "odd spacing, lower-case n/a");
    let blank_cells = text.replace("N/A", "");
    assert_eq!(read(blank_cells.as_bytes()).unwrap().rates, original.rates, "empty cells instead of N/A");
    let with_blank_lines = text.replacen('\n', "\n\n", 2);
    assert_eq!(read(with_blank_lines.as_bytes()).unwrap().rates, original.rates, "blank lines");
    let dutch_dates = text.replace("2026-06-10", "10-06-2026");
    assert_eq!(read(dutch_dates.as_bytes()).unwrap().rates, original.rates, "a Dutch date");
}

#[test]
fn columns_are_found_by_header_not_by_place() {
    let moved = "USD,Date,JPY\n1.0163,2026-06-10,163.45\n";
    let rates = read(moved.as_bytes()).unwrap();
    assert_eq!(rate_of(&rates, "2026-06-10", "USD").as_deref(), Some("1.0163"));
    assert_eq!(rate_of(&rates, "2026-06-10", "JPY").as_deref(), Some("163.45"));
    let added = "Date,USD,Notes\n2026-06-10,1.0163,checked\n";
    let rates = read(added.as_bytes()).unwrap();
    assert_eq!((rates.rates.len(), rates.ignored_columns.clone(), rates.skipped_currencies.len()), (1, vec!["Notes".to_string()], 0));
    let lower = "date,usd\n2026-06-10,1.0163\n";
    assert_eq!(read(lower.as_bytes()).unwrap().rates.len(), 1, "headers in any case");
}

#[test]
fn a_cell_that_is_not_a_rate_stops_the_import_naming_row_and_column() {
    let bad = "Date,USD,JPY,\n2026-06-10,1.0163,abc,\n2026-06-09,0,163.02,\nyesterday,1.01,162,\n";
    let found = problems(read(bad.as_bytes()));
    let shown: Vec<(u64, &str, &str)> = found.iter().map(|p| (p.row, p.column.as_str(), p.code)).collect();
    assert_eq!(shown, vec![(2, "JPY", "rate_not_a_number"), (3, "USD", "rate_not_positive"), (4, "Date", "rate_date_invalid")]);
    assert_eq!(found[0].message, "“abc” is not an exchange rate: write it as a number such as 1.0163.");
}

#[test]
fn two_different_rates_for_one_day_are_a_problem_and_the_same_twice_is_not() {
    let same = "Date,USD\n2026-06-10,1.0163\n2026-06-10,1.01630\n";
    assert_eq!(read(same.as_bytes()).unwrap().rates.len(), 1);
    let differ = "Date,USD\n2026-06-10,1.0163\n2026-06-10,1.0200\n";
    assert_eq!(problems(read(differ.as_bytes()))[0].code, "rate_twice");
}

#[test]
fn an_xml_problem_names_its_line() {
    let xml = "<gesmes:Envelope xmlns:gesmes=\"g\" xmlns=\"e\">\n<Cube>\n<Cube time='2026-06-10'>\n<Cube currency='USD' rate='1.0163'/>\n<Cube currency='JPY' rate='x'/>\n</Cube></Cube></gesmes:Envelope>";
    let found = problems(read_ecb(xml.as_bytes().to_vec(), "d.xml".into()));
    assert_eq!((found[0].row, found[0].column.as_str(), found[0].code), (5, "rate", "rate_not_a_number"));
    let no_day = "<Envelope><Cube><Cube currency='USD' rate='1.0163'/></Cube></Envelope>";
    assert_eq!(problems(read_ecb(no_day.as_bytes().to_vec(), "d.xml".into()))[0].code, "rate_without_date");
    let broken = "<Envelope><Cube><Cube time='2026-06-10'>\n<Cube currency='USD' rate='1.0163'></Envelope>";
    assert_eq!(layout_code(read_ecb(broken.as_bytes().to_vec(), "d.xml".into())), "not_xml_near_line");
}

#[test]
fn files_that_are_not_ecb_rates_are_refused_as_a_whole() {
    assert_eq!(layout_code(read(b"Name,Email\nSanne,s@x.nl\n")), "not_ecb_rates");
    assert_eq!(layout_code(read(b"Date,USD,\n2026-06-10,N/A,\n")), "no_rates");
    assert_eq!(layout_code(read(b"<html><body>Not found</body></html>")), "not_ecb_rates");
    assert_eq!(layout_code(read(b"")), "empty_file");
    assert_eq!(layout_code(read(b"PK\x03\x04rest")), "workbook_not_csv");
}

proptest! {
    #[test]
    fn any_bytes_are_read_or_refused_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = read(&bytes);
    }

    #[test]
    fn mangled_ecb_files_never_panic(which in 0usize..4, at in 0usize..1600, cut in 0usize..40, junk in "[,;\"<>/='\\n a-zA-Z0-9.]{0,6}") {
        let name = ["eurofxref-hist.csv", "eurofxref.csv", "eurofxref-daily.xml", "eurofxref-hist.xml"][which];
        let text = String::from_utf8(fixture(name)).unwrap();
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) { at -= 1; }
        let mut end = (at + cut).min(text.len());
        while !text.is_char_boundary(end) { end -= 1; }
        let mangled = format!("{}{junk}{}", &text[..at], &text[end..]);
        let _ = read_ecb(mangled.into_bytes(), name.into());
    }
}
