//! The rates the user keeps: typed and imported, re-imported without change, and the orders
//! that waited or could use a changed rate booked again in the same transaction.

use super::*;
use crate::commissions::ledger::tests::Shop;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rates").join(name)
}

/// Sanne's collaboration (id 1) at 10 %, in a workspace in EUR.
fn workspace() -> Workspace {
    let (shop, collaboration) = Shop::with_one_affiliate("percent:1000");
    assert_eq!(collaboration, 1);
    shop.ws
}

/// An attributed order of USD 101.63 on `day`, booked.
fn usd_order(ws: &mut Workspace, day: &str) -> i64 {
    ws.conn()
        .execute(
            "INSERT INTO orders (source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, financial_status,
                 attribution, collaboration_id, attribution_reason, imported_at, updated_at)
             VALUES ('shopify', ?1, ?2 || 'T12:00:00Z', ?2 || 'T12:00:00Z', ?2, 'USD', 10163, 'paid', 'attributed', 1, 'code', 'now', 'now')",
            rusqlite::params![format!("#{day}"), day],
        )
        .unwrap();
    let id = ws.conn().last_insert_rowid();
    ws.write(|tx| book_orders(tx, &[id], "2026-06-11T00:00:00Z")).unwrap();
    id
}

fn booked(ws: &Workspace, order: i64) -> i64 {
    ws.conn().query_row("SELECT coalesce(sum(amount_minor), 0) FROM commission_lines WHERE order_id = ?1", [order], |r| r.get(0)).unwrap()
}

#[test]
fn importing_the_ecb_rates_books_the_orders_that_waited_and_a_second_import_changes_nothing() {
    let mut ws = workspace();
    let order = usd_order(&mut ws, "2026-06-10");
    assert_eq!(booked(&ws, order), 0, "no rate yet: the order waits");
    let first = import_rates(&mut ws, &fixture("eurofxref-hist.csv")).unwrap();
    assert!(first.added > 0 && first.changed == 0 && first.unchanged == 0);
    assert_eq!(first.booking.lines_added, 1);
    // USD 101.63 at 1 EUR = 1.0163 USD = EUR 100.00; 10 %.
    assert_eq!(booked(&ws, order), 1_000);
    assert!(first.skipped_currencies.contains(&"CYP".to_string()), "the report lists what was left out: {:?}", first.skipped_currencies);
    let again = import_rates(&mut ws, &fixture("eurofxref-hist.csv")).unwrap();
    assert_eq!((again.added, again.changed, again.unchanged, again.booking.lines_added), (0, 0, first.added, 0));
    let xml = import_rates(&mut ws, &fixture("eurofxref-daily.xml")).unwrap();
    assert_eq!((xml.added, xml.changed), (0, 0), "the daily XML holds the same rates as the CSV");
    let audits: i64 = ws.conn().query_row("SELECT count(*) FROM audit_log WHERE entity = 'exchange_rate' AND action = 'import'", [], |r| r.get(0)).unwrap();
    assert_eq!(audits, 1, "only the import that changed something is in the audit log");
}

#[test]
fn a_bad_ecb_file_imports_nothing() {
    let mut ws = workspace();
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("rates.csv");
    std::fs::write(&bad, "Date,USD,JPY,\n2026-06-10,1.0163,163.45,\n2026-06-09,one,163.02,\n").unwrap();
    assert!(matches!(import_rates(&mut ws, &bad), Err(Error::ImportRejected { .. })));
    assert!(list_rates(ws.conn()).unwrap().is_empty());
}

#[test]
fn a_typed_rate_is_kept_exactly_with_an_audit_line_and_a_correction_rebooks_the_orders_it_served() {
    let mut ws = workspace();
    let order = usd_order(&mut ws, "2026-05-04");
    let set = set_rate(&mut ws, "2026-05-01", "usd", "EUR", "0,80", Spelling::Unknown).unwrap();
    assert_eq!(set.rate, StoredRate { date: "2026-05-01".into(), from: "USD".into(), to: "EUR".into(), rate: "0.8".into(), source: "typed".into() });
    assert_eq!(set.replaced, None);
    assert_eq!(booked(&ws, order), 813, "USD 101.63 × 0.8 = EUR 81.30; 10 %");
    let corrected = set_rate(&mut ws, "2026-05-01", "USD", "EUR", "0.9", Spelling::Unknown).unwrap();
    assert_eq!(corrected.replaced.as_deref(), Some("0.8"));
    assert_eq!(booked(&ws, order), 915, "USD 101.63 × 0.9 = EUR 91.47; 10 %");
    let reason: String = ws.conn().query_row("SELECT reason FROM commission_lines WHERE order_id = ?1 ORDER BY id DESC LIMIT 1", [order], |r| r.get(0)).unwrap();
    assert_eq!(reason, "rate_changed");
    let audit: Vec<String> = ws.conn().prepare("SELECT detail FROM audit_log WHERE entity = 'exchange_rate' ORDER BY id").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    assert_eq!(audit, vec!["2026-05-01: 1 USD = 0.8 EUR".to_string(), "2026-05-01: 1 USD = 0.9 EUR (was 0.8)".to_string()]);
    assert_eq!(list_rates(ws.conn()).unwrap().len(), 1);
}

#[test]
fn a_typed_rate_names_the_part_that_is_wrong() {
    let mut ws = workspace();
    let field = |r: Result<RateSet>| match r {
        Err(Error::Validation(f)) => (f[0].field.clone(), f[0].code),
        other => panic!("{other:?}"),
    };
    assert_eq!(field(set_rate(&mut ws, "31-31-2026", "USD", "EUR", "1.1", Spelling::Unknown)), ("date".into(), "rate_date_invalid"));
    assert_eq!(field(set_rate(&mut ws, "2026-05-01", "XXY", "EUR", "1.1", Spelling::Unknown)), ("from".into(), "currency_unknown"));
    assert_eq!(field(set_rate(&mut ws, "2026-05-01", "USD", "EURO", "1.1", Spelling::Unknown)), ("to".into(), "currency_unknown"));
    assert_eq!(field(set_rate(&mut ws, "2026-05-01", "USD", "usd", "1.1", Spelling::Unknown)), ("to".into(), "rate_same_currency"));
    assert_eq!(field(set_rate(&mut ws, "2026-05-01", "USD", "EUR", "0", Spelling::Unknown)), ("rate".into(), "rate_not_positive"));
    assert_eq!(field(set_rate(&mut ws, "2026-05-01", "USD", "EUR", "een", Spelling::Unknown)), ("rate".into(), "rate_not_a_number"));
    assert!(list_rates(ws.conn()).unwrap().is_empty());
}

#[test]
fn the_rate_table_converts_with_what_was_stored() {
    let mut ws = workspace();
    set_rate(&mut ws, "2026-06-10", "EUR", "JPY", "163.45", Spelling::Unknown).unwrap();
    let table = rate_table(ws.conn()).unwrap();
    let eur = Currency::parse("EUR").unwrap();
    let converted = table.convert(crate::money::Money { minor: 16_345, currency: Currency::parse("JPY").unwrap() }, eur, NaiveDate::from_ymd_opt(2026, 6, 12).unwrap(), 7).unwrap();
    assert_eq!(converted.amount.minor, 10_000);
}

#[test]
fn a_rate_typed_in_the_window_is_read_in_the_window_s_language() {
    let mut ws = workspace();
    let kept = |ws: &mut Workspace, text: &str, spelling: Spelling| set_rate(ws, "2026-05-01", "EUR", "USD", text, spelling).unwrap().rate.rate;
    // One separator before three digits is the one shape the language settles.
    assert_eq!(kept(&mut ws, "1,084", Spelling::Dutch), "1.084");
    assert_eq!(kept(&mut ws, "1,084", Spelling::English), "1084");
    assert_eq!(kept(&mut ws, "1.084", Spelling::Dutch), "1084");
    assert_eq!(kept(&mut ws, "1.084", Spelling::English), "1.084");
    // Every other shape reads the same in both, as the ECB writes it or as Dutch writes it.
    for spelling in [Spelling::Dutch, Spelling::English, Spelling::Unknown] {
        assert_eq!(kept(&mut ws, "1.0842", spelling), "1.0842", "{spelling:?}");
        assert_eq!(kept(&mut ws, "1,0842", spelling), "1.0842", "{spelling:?}");
    }
    // The CLI's rule (spelling unknown): one separator is the decimal mark.
    assert_eq!(kept(&mut ws, "1,084", Spelling::Unknown), "1.084");
}

#[test]
fn the_rates_orders_wait_for_are_listed_by_pair_until_a_rate_serves_them() {
    let mut ws = workspace();
    usd_order(&mut ws, "2026-05-04");
    usd_order(&mut ws, "2026-05-06");
    let wanted = crate::commissions::rates_list::rates_list(ws.conn(), 0).unwrap().wanted;
    assert_eq!(wanted.len(), 1, "{wanted:?}");
    let w = &wanted[0];
    assert_eq!((w.from_currency.as_str(), w.to_currency.as_str(), w.first_date.as_str(), w.last_date.as_str(), w.orders), ("USD", "EUR", "2026-05-04", "2026-05-06", 2));
    set_rate(&mut ws, "2026-05-04", "USD", "EUR", "0,9", Spelling::Dutch).unwrap();
    assert!(crate::commissions::rates_list::rates_wanted(ws.conn()).unwrap().is_empty(), "one rate serves the week after its day");
}
