use super::paypal::{write_paypal, PaypalPayment};
use super::wise::{write_wise, WisePayment, HEADER};
use crate::error::Error;
use crate::money::{Currency, Money};

fn money(minor: i64, code: &str) -> Money {
    Money { minor, currency: Currency::parse(code).unwrap() }
}

fn paypal(i: usize, minor: i64, code: &str) -> PaypalPayment {
    PaypalPayment {
        name: format!("Creator {i}"),
        email: format!("creator{i}@example.nl"),
        amount: money(minor, code),
        customer_id: format!("R12-L{i}"),
        note: "Chorus payout November 2026".into(),
    }
}

fn cells(text: &str, headers: bool) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new().has_headers(headers).from_reader(text.as_bytes());
    r.records().map(|rec| rec.unwrap().iter().map(str::to_string).collect()).collect()
}

#[test]
fn paypal_rows_have_no_header_and_the_six_columns_in_order() {
    let files = write_paypal(&[paypal(1, 12_345, "EUR"), paypal(2, 1_500, "JPY")]).unwrap();
    assert_eq!(files.len(), 2, "one currency per file");
    assert_eq!((files[0].currency.code(), files[0].part, files[0].rows), ("EUR", 1, 1));
    assert_eq!(files[0].text, "creator1@example.nl,123.45,EUR,R12-L1,Chorus payout November 2026,PAYPAL\r\n");
    assert_eq!(cells(&files[1].text, false), [["creator2@example.nl", "1500", "JPY", "R12-L2", "Chorus payout November 2026", "PAYPAL"]]);
}

#[test]
fn paypal_files_split_at_five_thousand_rows_per_currency() {
    let payments: Vec<PaypalPayment> = (0..12_001).map(|i| paypal(i, 100 + i as i64, if i % 3 == 0 { "USD" } else { "EUR" })).collect();
    let files = write_paypal(&payments).unwrap();
    let shape: Vec<(&str, usize, usize)> = files.iter().map(|f| (f.currency.code(), f.part, f.rows)).collect();
    assert_eq!(shape, [("USD", 1, 4_001), ("EUR", 1, 5_000), ("EUR", 2, 3_000)]);
    let total: usize = files.iter().map(|f| cells(&f.text, false).len()).sum();
    assert_eq!(total, 12_001, "every payment once");
    // Sums conserve to the cent.
    let written: i64 = files.iter().flat_map(|f| cells(&f.text, false)).map(|row| row[1].replace('.', "").parse::<i64>().unwrap()).sum();
    assert_eq!(written, payments.iter().map(|p| p.amount.minor).sum::<i64>(), "EUR and USD both in cents");
}

#[test]
fn paypal_text_stays_text_and_notes_are_cut() {
    let mut p = paypal(1, 100, "EUR");
    p.note = format!("=HYPERLINK(\"x\") {}", "n".repeat(500));
    let files = write_paypal(&[p]).unwrap();
    let row = &cells(&files[0].text, false)[0];
    assert!(row[4].starts_with("'="), "{}", row[4]);
    assert_eq!(row[4].chars().count(), 401, "400 characters and the quote that keeps it text");
}

#[test]
fn paypal_problems_come_back_at_their_fields() {
    let mut a = paypal(1, 0, "EUR");
    a.email = String::new();
    let mut b = paypal(2, 100, "EUR");
    b.email = "not an email".into();
    b.customer_id = "has spaces in it".into();
    let Err(Error::Validation(problems)) = write_paypal(&[a, b]) else { panic!("refused") };
    let found: Vec<(&str, &str)> = problems.iter().map(|p| (p.field.as_str(), p.code)).collect();
    assert_eq!(
        found,
        [
            ("payments.0.email", "paypal_email_missing"),
            ("payments.0.amount", "payout_amount_not_positive"),
            ("payments.1.email", "invalid_email"),
            ("payments.1.customer_id", "paypal_bad_customer_id"),
        ]
    );
    assert!(problems[0].message.starts_with("Creator 1 has no PayPal email"));
}

fn wise(i: usize, cents: i64) -> WisePayment {
    WisePayment { name: format!("Creator {i}"), email: String::new(), reference: format!("Chorus R12-L{i}"), amount_cents: cents, iban: "nl91 abna 0417 1643 00".into() }
}

#[test]
fn wise_files_have_the_exact_header_and_every_field_quoted() {
    let mut p = wise(1, 2_500);
    p.name = "=Fleur \"de\" Vries".into();
    p.email = "fleur@example.nl".into();
    let files = write_wise(&[p]).unwrap();
    let mut lines = files[0].text.split("\r\n");
    assert_eq!(lines.next().unwrap(), "\"name\",\"recipientEmail\",\"paymentReference\",\"receiverType\",\"amountCurrency\",\"amount\",\"sourceCurrency\",\"targetCurrency\",\"IBAN\"");
    assert_eq!(lines.next().unwrap(), "\"'=Fleur \"\"de\"\" Vries\",\"fleur@example.nl\",\"Chorus R12-L1\",\"PERSON\",\"source\",\"25.00\",\"EUR\",\"EUR\",\"NL91ABNA0417164300\"");
    assert_eq!(lines.next(), Some(""));
    assert_eq!(HEADER.len(), 9);
}

#[test]
fn wise_files_split_at_a_thousand_rows_each_with_its_header() {
    let payments: Vec<WisePayment> = (0..2_345).map(|i| wise(i, 100 + i as i64)).collect();
    let files = write_wise(&payments).unwrap();
    assert_eq!(files.iter().map(|f| f.rows).collect::<Vec<_>>(), [1_000, 1_000, 345]);
    let mut cents = 0;
    for f in &files {
        assert!(f.text.starts_with("\"name\","));
        let rows = cells(&f.text, true);
        assert_eq!(rows.len(), f.rows);
        cents += rows.iter().map(|r| r[5].replace('.', "").parse::<i64>().unwrap()).sum::<i64>();
    }
    assert_eq!(cents, payments.iter().map(|p| p.amount_cents).sum::<i64>(), "sums conserve to the cent");
}

#[test]
fn wise_problems_come_back_at_their_fields() {
    let mut a = wise(1, -5);
    a.iban = "NL91 ABNA 0417 1643 01".into();
    let mut b = wise(2, 100);
    b.reference = "r".repeat(36);
    b.iban = String::new();
    b.email = "nope".into();
    let Err(Error::Validation(problems)) = write_wise(&[a, b]) else { panic!("refused") };
    let found: Vec<(&str, &str)> = problems.iter().map(|p| (p.field.as_str(), p.code)).collect();
    assert_eq!(
        found,
        [
            ("payments.0.iban", "invalid_iban"),
            ("payments.0.amount", "payout_amount_not_positive"),
            ("payments.1.email", "invalid_email"),
            ("payments.1.iban", "wise_iban_missing"),
            ("payments.1.reference", "wise_bad_reference"),
        ]
    );
    assert!(problems[1].message.contains("-0.05"), "{}", problems[1].message);
}
