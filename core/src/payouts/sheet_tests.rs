use super::sheet::{sheet_csv, sheet_xlsx, Sheet, SheetLanguage, SheetRow};
use crate::money::Currency;
use crate::roster::export::Dialect;
use calamine::{Data, Reader, Xlsx};

fn row(name: &str, method: &'static str, destination: &str, amounts: [i64; 5], standing: &str) -> SheetRow {
    let [commissions, fees, adjustments, carried_in, payable] = amounts;
    SheetRow { name: name.into(), method, destination: destination.into(), commissions, fees, adjustments, carried_in, payable, standing: standing.into() }
}

fn sheet() -> Sheet {
    Sheet {
        brand: "Studio Zon".into(),
        period: "Payout run 12 · up to 30 November 2026".into(),
        currency: Currency::parse("EUR").unwrap(),
        rows: vec![
            row("Sanne Bakker", "paypal", "sanne@example.nl", [12_345, 15_000, -500, 600, 27_445], "Payable"),
            row("=Fleur", "bank", "NL91ABNA0417164300", [1_999, 0, 0, 0, 0], "Carried: below the minimum payout"),
            row("Daan", "", "", [5_000, 0, 0, 1, 0], "Blocked: no payout method"),
        ],
    }
}

fn read_back(bytes: Vec<u8>) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("not text: {other:?}"),
    }
}

fn number(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn the_xlsx_reads_back_cell_for_cell_with_numbers_as_numbers_and_text_as_text() {
    let rows = read_back(sheet_xlsx(&sheet(), SheetLanguage::English).unwrap());
    assert_eq!(text(&rows[0][0]), "Studio Zon");
    assert_eq!(text(&rows[1][0]), "Payout run 12 · up to 30 November 2026");
    let header: Vec<String> = rows[3].iter().map(text).collect();
    assert_eq!(header, ["Name", "Method", "PayPal email or IBAN", "Currency", "Commissions", "Fees", "Adjustments", "Carried in", "Payable", "Status"]);
    assert_eq!(rows[4][..4].iter().map(text).collect::<Vec<_>>(), ["Sanne Bakker", "PayPal", "sanne@example.nl", "EUR"]);
    assert_eq!(rows[4][4..9].iter().map(number).collect::<Vec<_>>(), [123.45, 150.0, -5.0, 6.0, 274.45]);
    assert_eq!(text(&rows[4][9]), "Payable");
    assert_eq!(text(&rows[5][0]), "=Fleur", "text that looks like a formula stays text");
    assert_eq!(text(&rows[5][1]), "Bank transfer");
    assert_eq!(text(&rows[6][1]), "", "no method chosen");
    assert_eq!(text(&rows[7][0]), "Total");
    assert_eq!(rows[7][4..9].iter().map(number).collect::<Vec<_>>(), [193.44, 150.0, -5.0, 6.01, 274.45]);
    assert_eq!(rows.len(), 8);
}

#[test]
fn the_xlsx_speaks_dutch_when_asked() {
    let rows = read_back(sheet_xlsx(&sheet(), SheetLanguage::Dutch).unwrap());
    assert_eq!(text(&rows[3][0]), "Naam");
    assert_eq!(text(&rows[3][8]), "Uit te betalen");
    assert_eq!(text(&rows[5][1]), "Bankoverschrijving");
    assert_eq!(text(&rows[7][0]), "Totaal");
}

#[test]
fn a_currency_without_decimals_is_written_in_whole_units() {
    let mut s = sheet();
    s.currency = Currency::parse("JPY").unwrap();
    let rows = read_back(sheet_xlsx(&s, SheetLanguage::English).unwrap());
    assert_eq!(number(&rows[4][4]), 12_345.0);
    let csv = String::from_utf8(sheet_csv(&s, Dialect::Plain).unwrap()).unwrap();
    assert!(csv.contains("Sanne Bakker,PayPal,sanne@example.nl,JPY,12345,15000,-500,600,27445,Payable"), "{csv}");
}

#[test]
fn the_csv_in_both_dialects_with_the_totals_row_and_formulas_defused() {
    let plain = String::from_utf8(sheet_csv(&sheet(), Dialect::Plain).unwrap()).unwrap();
    let lines: Vec<&str> = plain.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "Studio Zon");
    assert_eq!(lines[3], "Name,Method,PayPal email or IBAN,Currency,Commissions,Fees,Adjustments,Carried in,Payable,Status");
    assert_eq!(lines[4], "Sanne Bakker,PayPal,sanne@example.nl,EUR,123.45,150.00,-5.00,6.00,274.45,Payable");
    assert!(lines[5].starts_with("'=Fleur,Bank transfer,"), "{}", lines[5]);
    assert_eq!(lines[7], "Total,,,EUR,193.44,150.00,-5.00,6.01,274.45,");
    let dutch = String::from_utf8(sheet_csv(&sheet(), Dialect::ExcelNl).unwrap()).unwrap();
    assert!(dutch.starts_with('\u{feff}'));
    assert!(dutch.contains("\r\nNaam;Methode;PayPal-e-mail of IBAN;Valuta;Commissies;Vergoedingen;Correcties;Overgedragen;Uit te betalen;Status\r\n"), "{dutch}");
    assert!(dutch.contains("\r\nSanne Bakker;PayPal;sanne@example.nl;EUR;123,45;150,00;-5,00;6,00;274,45;Payable\r\n"), "{dutch}");
    assert!(dutch.contains("\r\nTotaal;;;EUR;193,44;150,00;-5,00;6,01;274,45;\r\n"), "{dutch}");
}
