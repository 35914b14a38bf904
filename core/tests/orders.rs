//! Shop order exports as people really have them, read by `sales::orders`: one golden file per
//! fixture (`fixtures/orders/*.golden.json`, readable JSON of the orders; `CHORUS_UPDATE_GOLDEN=1`
//! rewrites them after a deliberate change), the family of shapes one export takes on its way
//! through spreadsheets (a mark, CRLF, quoting, Dutch Excel, reordered and extra columns, blank
//! rows), the problems a person is shown, and no panic on any mangled file.

use chorus_core::money::Currency;
use chorus_core::sales::orders::{self, customer_hash, Format, FinancialStatus, OrderFile, OrderMapping, ReadOptions, Source};
use chorus_core::Error;
use chrono::FixedOffset;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/orders").join(name)
}

fn options() -> ReadOptions {
    let mut o = ReadOptions::new("fixture-salt");
    o.assumed_offset = FixedOffset::east_opt(2 * 3600).unwrap();
    o.default_currency = Currency::parse("EUR");
    o
}

fn dutch_mapping() -> OrderMapping {
    OrderMapping::from_pairs([
        "Bestelnummer=order_number",
        "Datum=created_at",
        "Valuta=currency",
        "Subtotaal=subtotal",
        "Terugbetaald=refunded",
        "Status=status",
        "Kortingscodes=codes",
        "Landingspagina=landing_url",
        "E-mail klant=email",
        "Product=line_name",
        "Aantal=line_quantity",
    ])
}

fn read_bytes(bytes: Vec<u8>, o: &ReadOptions) -> OrderFile {
    match orders::read_order_bytes(bytes, "orders.csv", o) {
        Ok(f) => f,
        Err(e) => panic!("{e}: {:#?}", e.to_payload().groups),
    }
}

/// Compares the orders of a fixture with its golden file.
fn golden(name: &str, o: &ReadOptions, format: Format) -> OrderFile {
    let file = orders::read_orders(&fixture(name), o).unwrap_or_else(|e| panic!("{name}: {e}: {:#?}", e.to_payload().groups));
    assert_eq!(file.format, format, "{name}");
    let shown = serde_json::to_string_pretty(&file.orders).unwrap() + "\n";
    let path = fixture(&name.replace(".csv", ".golden.json"));
    if std::env::var_os("CHORUS_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &shown).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{} is missing: run with CHORUS_UPDATE_GOLDEN=1 and read it", path.display()));
    assert!(shown == expected, "{name} no longer reads as {}:\n{shown}", path.display());
    for email in ["anna@", "bram", "lisa@", "sanne@", "zoë", "Anna de Vries", "Keizersgracht", "Sanne Groen", "Zoë Visser", "Prinsengracht"] {
        assert!(!shown.to_lowercase().contains(&email.to_lowercase()), "{name} keeps personal data: {email}");
    }
    file
}

#[test]
fn a_shopify_export_reads_as_its_orders() {
    let f = golden("shopify_orders_export.csv", &options(), Format::Shopify);
    let numbers: Vec<&str> = f.orders.iter().map(|o| o.number.as_str()).collect();
    assert_eq!(numbers, ["#1001", "#1002", "#1003", "#1004", "#1005", "#1006", "#1007", "#1008"]);
    let o = &f.orders[0];
    assert_eq!((o.lines.len(), o.subtotal, o.discount, o.lines[0].unit_price, o.lines[0].quantity), (2, 4486, Some(499), Some(1995), 2), "a multi-line order");
    assert_eq!(f.orders[1].refunded, 1995, "a partial refund");
    assert!(f.orders[2].cancelled_at.is_some() && f.orders[2].financial_status == FinancialStatus::Voided, "a cancelled order");
    assert_eq!(f.orders[3].discount_codes, ["SANNEGROEN10", "welcome5"], "two codes, as written");
    assert_eq!((f.orders[4].currency.code(), f.orders[4].created_at.to_rfc3339().as_str()), ("USD", "2025-05-14T09:15:33-04:00"));
    assert_eq!((f.orders[5].currency.code(), f.orders[5].subtotal), ("CLP", 163_056), "no decimals in pesos");
    assert_eq!((f.orders[6].discount_codes.len(), f.orders[6].discount), (0, Some(500)), "an automatic discount has no code");
    assert_eq!(f.orders[7].customer, None, "no email, no customer");
    assert_eq!(f.rows, 11, "one row per line item; a multi-line cell is one row");
}

#[test]
fn each_woocommerce_export_reads_as_its_orders() {
    let sky = golden("woocommerce_skyverge.csv", &options(), Format::WooSkyverge);
    assert_eq!(sky.orders[0].discount_codes, ["ZOMER;25", "SANNEGROEN10"], "escaped separators in a code");
    assert_eq!((sky.orders[0].subtotal, sky.orders[0].lines.len()), (5535 - 495 - 875, 2), "total less shipping and tax");
    assert_eq!(sky.orders[0].lines[0].discount, Some(550));
    assert_eq!(sky.orders[2].financial_status, FinancialStatus::Cancelled);
    let aoe = golden("woocommerce_advanced_order_export.csv", &options(), Format::WooAdvancedExport);
    assert_eq!((aoe.orders[0].subtotal, aoe.orders[0].discount_codes.clone()), (4685 - 469, vec!["SANNEGROEN10".to_string()]), "the cart discount taken off");
    assert_eq!(aoe.orders[1].financial_status, FinancialStatus::Refunded);
    let an = golden("woocommerce_analytics.csv", &options(), Format::WooAnalytics);
    assert_eq!(an.orders[0].discount_codes, ["sannegroen10", "zomer25"]);
    assert_eq!((an.orders[2].total, an.orders[2].currency.code()), (Some(124_950), "EUR"), "the shop's currency, a grouped amount");
    assert!(an.orders.iter().all(|o| o.source == Source::Woocommerce && o.created_offset_assumed));
}

#[test]
fn a_dutch_excel_file_reads_with_a_mapping() {
    let mut o = options();
    o.mapping = Some(dutch_mapping());
    let f = golden("mapped_dutch_excel.csv", &o, Format::Mapped);
    assert_eq!(f.encoding, "Windows-1252");
    let first = &f.orders[0];
    assert_eq!((first.subtotal, first.discount_codes.clone()), (123_456, vec!["CRÈME10".to_string(), "sannegroen10".to_string()]));
    assert_eq!((first.utm.source.as_deref(), first.utm.content.as_deref()), (Some("instagram"), Some("sannegroen")), "UTM values from the landing URL");
    assert_eq!(first.customer.as_deref(), Some(customer_hash("fixture-salt", "ZOË@example.nl ").as_str()), "salted hash of the normalised email");
    assert_eq!((f.orders[1].refunded, f.orders[1].financial_status.clone()), (8990, FinancialStatus::Refunded));
    assert_eq!((f.orders[2].refunded, f.orders[2].discount_codes.len(), f.orders[2].financial_status.clone()), (0, 0, FinancialStatus::Pending), "blank-like cells are empty");
    assert_eq!(f.rows, 3, "the empty trailing rows are not orders");
}

/// The fixture's cells, to be written again in another shape.
fn records(name: &str) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new().has_headers(false).from_path(fixture(name)).unwrap();
    r.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect()
}

fn write(rows: &[Vec<String>], delimiter: u8, quote_all: bool, terminator: csv::Terminator) -> Vec<u8> {
    let style = if quote_all { csv::QuoteStyle::Always } else { csv::QuoteStyle::Necessary };
    let mut w = csv::WriterBuilder::new().delimiter(delimiter).quote_style(style).terminator(terminator).from_writer(Vec::new());
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.into_inner().unwrap()
}

#[test]
fn a_shopify_export_reads_the_same_whatever_a_spreadsheet_did_to_it() {
    let rows = records("shopify_orders_export.csv");
    let expected = orders::read_orders(&fixture("shopify_orders_export.csv"), &options()).unwrap().orders;
    let plain = write(&rows, b',', false, csv::Terminator::Any(b'\n'));
    let mut shapes: Vec<(&str, Vec<u8>)> = Vec::new();
    shapes.push(("byte-order mark", [&b"\xEF\xBB\xBF"[..], &plain].concat()));
    shapes.push(("CRLF", write(&rows, b',', false, csv::Terminator::CRLF)));
    shapes.push(("every cell quoted", write(&rows, b',', true, csv::Terminator::Any(b'\n'))));
    shapes.push(("empty trailing rows", [&plain[..], b"\n\n,,,,\n"].concat()));
    let reversed: Vec<Vec<String>> = rows.iter().map(|r| r.iter().rev().cloned().collect()).collect();
    shapes.push(("columns reordered", write(&reversed, b',', false, csv::Terminator::Any(b'\n'))));
    let extra: Vec<Vec<String>> = rows.iter().enumerate().map(|(i, r)| [vec![if i == 0 { "Our notes".into() } else { "x".into() }], r.clone(), vec![if i == 0 { "Lineitem weight".into() } else { "120 g".into() }]].concat()).collect();
    shapes.push(("extra unknown columns", write(&extra, b',', false, csv::Terminator::Any(b'\n'))));
    let mut odd = rows.clone();
    for h in &mut odd[0] {
        *h = format!("  {}  ", if h.len() % 2 == 0 { h.to_uppercase() } else { h.to_lowercase() });
    }
    shapes.push(("headers in odd case and spacing", write(&odd, b',', false, csv::Terminator::Any(b'\n'))));
    // Dutch Excel: `;`, decimal commas, Windows-1252, and blank-like cells where nothing is.
    let dutch: Vec<Vec<String>> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| r.iter().map(|c| if i > 0 && is_decimal(c) { c.replace('.', ",") } else if i > 0 && c.is_empty() { "N/A".into() } else { c.clone() }).collect())
        .collect();
    let text = String::from_utf8(write(&dutch, b';', false, csv::Terminator::CRLF)).unwrap();
    let (cp1252, _, lossy) = encoding_rs_like_cp1252(&text);
    assert!(!lossy);
    shapes.push(("Dutch Excel", cp1252));
    for (shape, bytes) in shapes {
        let got = read_bytes(bytes, &options()).orders;
        assert_eq!(got, expected, "{shape}");
    }
}

fn is_decimal(c: &str) -> bool {
    let mut parts = c.split('.');
    matches!((parts.next(), parts.next(), parts.next()), (Some(w), Some(f), None) if !w.is_empty() && !f.is_empty() && (w.chars().chain(f.chars())).all(|c| c.is_ascii_digit()))
}

/// Windows-1252 bytes of text that is all Latin-1 (what Dutch Excel saves).
fn encoding_rs_like_cp1252(text: &str) -> (Vec<u8>, (), bool) {
    let mut lossy = false;
    let bytes = text
        .chars()
        .map(|c| {
            let u = c as u32;
            if u < 0x80 || (0xA0..=0xFF).contains(&u) {
                u as u8
            } else {
                lossy = true;
                b'?'
            }
        })
        .collect();
    (bytes, (), lossy)
}

#[test]
fn an_older_shopify_export_that_ends_at_cancelled_at_reads() {
    let rows = records("shopify_orders_export.csv");
    let end = rows[0].iter().position(|h| h == "Cancelled at").unwrap();
    let old: Vec<Vec<String>> = rows.iter().map(|r| r[..=end].to_vec()).collect();
    let f = read_bytes(write(&old, b',', false, csv::Terminator::Any(b'\n')), &options());
    assert_eq!(f.orders.len(), 8);
    assert!(f.orders.iter().all(|o| o.refunded == 0), "no refund column: nothing refunded");
    assert_eq!(f.orders[0].lines[0].discount, None, "no line discount column");
}

fn layout_code(e: &Error) -> (String, std::collections::BTreeMap<&'static str, String>) {
    let p = e.params();
    (p.get("code").cloned().unwrap_or_default(), p)
}

#[test]
fn a_shopify_export_missing_a_needed_column_names_it_and_lists_what_the_file_has() {
    let text = "Name,Financial Status,Created at,Lineitem quantity,Total\n#1,paid,2025-05-11 09:55:16 +0200,1,5.00\n";
    let e = orders::read_order_bytes(text.into(), "export.csv", &options()).unwrap_err();
    let (code, params) = layout_code(&e);
    assert_eq!((e.kind(), code.as_str(), params["missing"].as_str()), ("bad_file", "orders_missing_columns", "Currency\nSubtotal"));
    assert!(params["columns"].contains("Lineitem quantity"));
    assert!(e.to_string().contains("‘Currency’, ‘Subtotal’"), "{e}");
}

#[test]
fn a_file_no_layout_fits_asks_for_a_mapping() {
    let text = "Bestelnummer;Datum;Bedrag\nA1;11-05-2025;12,50\n";
    let e = orders::read_order_bytes(text.into(), "export.csv", &options()).unwrap_err();
    assert_eq!(layout_code(&e).0, "orders_mapping_needed");
    let mut o = options();
    o.source = Some(Source::Shopify);
    assert_eq!(layout_code(&orders::read_order_bytes(text.into(), "export.csv", &o).unwrap_err()).0, "orders_missing_columns", "said to be Shopify: what is missing");
    o.source = Some(Source::Woocommerce);
    let shopify = std::fs::read(fixture("shopify_orders_export.csv")).unwrap();
    let e = orders::read_order_bytes(shopify, "export.csv", &o).unwrap_err();
    assert_eq!(layout_code(&e).0, "orders_not_that_source", "said to be WooCommerce, a Shopify file");
    assert!(e.to_string().contains("It looks like a Shopify export."), "{e}");
    o.source = None;
    o.mapping = Some(OrderMapping::from_pairs(["Bestelnummer=order_number", "Datum=created_at", "Bedrag=subtotaal"]));
    assert_eq!(layout_code(&orders::read_order_bytes(text.into(), "export.csv", &o).unwrap_err()).0, "unknown_order_field");
    o.mapping = Some(OrderMapping::from_pairs(["Bestelnummer=order_number", "Datum=created_at", "bedrag=subtotal"]));
    let f = orders::read_order_bytes(text.into(), "export.csv", &o).unwrap();
    assert_eq!((f.orders[0].subtotal, f.orders[0].currency.code()), (1250, "EUR"), "a header found ignoring case, the default currency");
    o.mapping = Some(OrderMapping::from_pairs(["Nummer=order_number"]));
    assert_eq!(layout_code(&orders::read_order_bytes(text.into(), "export.csv", &o).unwrap_err()).0, "unknown_column");
}

#[test]
fn rows_of_one_order_that_disagree_are_a_problem_naming_both_rows() {
    let text = "Name,Created at,Currency,Subtotal,Financial Status,Lineitem quantity,Lineitem price\n\
                #1,2025-05-11 09:55:16 +0200,EUR,10.00,paid,1,10.00\n\
                #2,2025-05-11 10:00:00 +0200,EUR,5.00,paid,1,5.00\n\
                #1,2025-05-12 09:55:16 +0200,USD,,,1,1.00\n";
    let Err(Error::ImportRejected { problems, .. }) = orders::read_order_bytes(text.into(), "export.csv", &options()) else { panic!("accepted") };
    let found: Vec<(u64, &str, &str, Option<&str>)> = problems.iter().map(|p| (p.row, p.column.as_str(), p.code, p.params.get("other_row").map(String::as_str))).collect();
    assert_eq!(found, [(4, "Created at", "order_rows_disagree", Some("2")), (4, "Currency", "order_rows_disagree", Some("2"))]);
    assert!(problems[1].message.contains("“EUR” on row 2 and “USD” here"), "{}", problems[1].message);
}

#[test]
fn an_order_whose_rows_name_two_emails_is_a_problem_that_never_quotes_an_email() {
    let text = "Name,Email,Created at,Currency,Subtotal,Financial Status\n\
                #1,anna@example.nl,2025-05-11 09:55:16 +0200,EUR,10.00,paid\n\
                #1,bram@example.nl,2025-05-11 09:55:16 +0200,,,\n";
    let Err(Error::ImportRejected { problems, .. }) = orders::read_order_bytes(text.into(), "export.csv", &options()) else { panic!("accepted") };
    assert_eq!((problems.len(), problems[0].row, problems[0].code, problems[0].params["other_row"].as_str()), (1, 3, "order_rows_disagree", "2"));
    let shown = serde_json::to_string(&problems).unwrap();
    assert!(!shown.contains("anna") && !shown.contains("bram"), "{shown}");
}

#[test]
fn every_problem_of_a_file_is_shown_at_once_with_its_row_and_column_and_nothing_is_read() {
    let text = "Name,Created at,Currency,Subtotal,Financial Status,Lineitem quantity,Lineitem price,Refunded Amount\n\
                #1,yesterday,EUR,10.00,paid,1,10.00,\n\
                #2,2025-05-11 10:00:00 +0200,EUX,5.00,paid,1,5.00,\n\
                #3,2025-05-11 10:00:00 +0200,EUR,12.345,paid,two,5.00,-1.00\n\
                ,2025-05-11 10:00:00 +0200,EUR,1.00,paid,1,1.00,\n\
                #4,2025-05-11 10:00:00 +0200,EUR,,paid,1,1.00,\n\
                #5,2025-05-11 10:00:00 +0200,EUR,abc,paid,1,1.00,\n";
    let Err(e @ Error::ImportRejected { .. }) = orders::read_order_bytes(text.into(), "export.csv", &options()) else { panic!("accepted") };
    let Error::ImportRejected { problems, file } = &e else { unreachable!() };
    assert_eq!(file, "export.csv");
    let found: Vec<(u64, &str, &str)> = problems.iter().map(|p| (p.row, p.column.as_str(), p.code)).collect();
    assert_eq!(
        found,
        [
            (2, "Created at", "invalid_date"),
            (2, "Created at", "order_value_missing"),
            (3, "Currency", "unknown_currency"),
            (4, "Subtotal", "invalid_amount"),
            (4, "Lineitem quantity", "invalid_quantity"),
            (4, "Subtotal", "order_value_missing"),
            (5, "Name", "order_number_missing"),
            (6, "Subtotal", "order_value_missing"),
            (7, "Subtotal", "invalid_amount"),
            (7, "Subtotal", "order_value_missing"),
        ]
    );
    assert_eq!(problems[3].message, "“12.345” is not an amount in EUR: EUR has 2 decimals.");
    assert_eq!(problems[3].params.get("currency").map(String::as_str), Some("EUR"));
    let groups = e.to_payload().groups;
    let missing = groups.iter().find(|g| g.code == "order_value_missing" && g.column == "Subtotal").unwrap();
    assert_eq!(missing.rows, [4, 6, 7], "grouped as the roster import groups them");
}

#[test]
fn the_customer_is_a_salted_hash_of_the_normalised_email_only() {
    let a = customer_hash("salt-a", " Bram.Jansen@Example.com ");
    assert_eq!(a, customer_hash("salt-a", "bram.jansen@example.com"));
    assert_ne!(a, customer_hash("salt-b", "bram.jansen@example.com"), "another workspace's salt, another hash");
    assert_eq!(a.len(), 64);
    assert!(a.bytes().all(|b| b.is_ascii_hexdigit()));
    let f = orders::read_orders(&fixture("shopify_orders_export.csv"), &options()).unwrap();
    assert_eq!(f.orders[0].customer, f.orders[6].customer, "one customer, two orders");
}

/// A tiny deterministic generator, so a failure names the case that made it.
struct Mangler(u64);

impl Mangler {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn no_mangled_file_makes_the_reader_panic() {
    let sources: Vec<Vec<u8>> = ["shopify_orders_export.csv", "woocommerce_skyverge.csv", "woocommerce_advanced_order_export.csv", "woocommerce_analytics.csv", "mapped_dutch_excel.csv"]
        .iter()
        .map(|n| std::fs::read(fixture(n)).unwrap())
        .collect();
    let nasty: [&[u8]; 12] = [b"\"", b",", b";", b"\n", b"\r", b"\\", b"|", b":", b"-", b"\xff\xfe", "€".as_bytes(), b"99999999999999999999"];
    let mut m = Mangler(0x9E37_79B9_7F4A_7C15);
    let mut o = options();
    for case in 0..3_000 {
        let mut bytes = sources[case % sources.len()].clone();
        o.mapping = (case % sources.len() == 4 || case % 7 == 0).then(dutch_mapping);
        for _ in 0..1 + m.next() % 8 {
            let at = (m.next() as usize) % (bytes.len() + 1);
            match m.next() % 4 {
                0 => bytes.insert(at.min(bytes.len()), nasty[(m.next() % nasty.len() as u64) as usize][0]),
                1 if !bytes.is_empty() => {
                    bytes.remove(at.min(bytes.len() - 1));
                }
                2 => bytes.truncate(at),
                _ => {
                    let piece = nasty[(m.next() % nasty.len() as u64) as usize];
                    bytes.splice(at..at, piece.iter().copied());
                }
            }
        }
        let result = std::panic::catch_unwind(|| orders::read_order_bytes(bytes.clone(), "mangled.csv", &o));
        assert!(result.is_ok(), "case {case} panicked on {:?}", String::from_utf8_lossy(&bytes));
    }
}
