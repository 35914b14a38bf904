use super::sepa::{latin, write_sepa, Debtor, SepaBatch, Transfer};
use crate::error::Error;
use chrono::NaiveDate;

pub(crate) fn batch() -> SepaBatch {
    SepaBatch {
        message_id: "CHORUS-RUN-12".into(),
        payment_id: "CHORUS-RUN-12-EUR".into(),
        created_at: NaiveDate::from_ymd_opt(2026, 12, 2).unwrap().and_hms_opt(9, 30, 0).unwrap(),
        execution_date: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
        debtor: Debtor { name: "Studio Zon B.V.".into(), iban: "NL91 ABNA 0417 1643 00".into(), bic: Some("abnanl2a".into()) },
        transfers: vec![
            Transfer {
                name: "Zoë Çelik".into(),
                iban: "nl20 ingb 0001 2345 67".into(),
                bic: None,
                amount_cents: 12_345,
                end_to_end_id: "CHORUS-R12-L1".into(),
                remittance: "Chorus payout November 2026 — Studio Zon".into(),
            },
            Transfer {
                name: "Bakkerij Noord & Zn".into(),
                iban: "BE68 5390 0754 7034".into(),
                bic: Some("GKCCBEBB".into()),
                amount_cents: 2_500,
                end_to_end_id: "CHORUS-R12-L2".into(),
                remittance: String::new(),
            },
        ],
    }
}

#[test]
fn a_batch_becomes_one_payment_block_with_exact_control_sums() {
    let xml = write_sepa(&batch()).unwrap();
    assert_eq!(xml.matches("<CtrlSum>148.45</CtrlSum>").count(), 2, "{xml}");
    assert_eq!(xml.matches("<NbOfTxs>2</NbOfTxs>").count(), 2);
    assert!(xml.contains("<InstdAmt Ccy=\"EUR\">123.45</InstdAmt>") && xml.contains("<InstdAmt Ccy=\"EUR\">25.00</InstdAmt>"));
    assert!(xml.contains("<IBAN>NL91ABNA0417164300</IBAN>") && xml.contains("<IBAN>NL20INGB0001234567</IBAN>"), "IBANs compact, upper case");
    assert!(xml.contains("<BIC>ABNANL2A</BIC>") && xml.contains("<BIC>GKCCBEBB</BIC>"));
    assert_eq!(xml.matches("<CdtrAgt>").count(), 1, "a creditor without a BIC has no agent");
    assert!(xml.contains("<Nm>Zoe Celik</Nm>") && xml.contains("<Nm>Bakkerij Noord + Zn</Nm>"), "{xml}");
    assert!(xml.contains("<Ustrd>Chorus payout November 2026 - Studio Zon</Ustrd>"), "{xml}");
    assert_eq!(xml.matches("<RmtInf>").count(), 1, "no empty remittance");
    assert!(xml.contains("<CreDtTm>2026-12-02T09:30:00</CreDtTm>") && xml.contains("<ReqdExctnDt>2026-12-03</ReqdExctnDt>"));
    assert!(xml.is_ascii());
}

#[test]
fn without_the_brands_bic_the_bank_is_not_provided() {
    let mut b = batch();
    b.debtor.bic = None;
    let xml = write_sepa(&b).unwrap();
    assert!(xml.contains("<DbtrAgt>\n        <FinInstnId>\n          <Othr>\n            <Id>NOTPROVIDED</Id>"), "{xml}");
}

#[test]
fn every_problem_comes_back_at_its_field_and_nothing_is_written() {
    let mut b = batch();
    b.debtor.iban = "NL91 ABNA 0417 1643 01".into();
    b.transfers[0].iban = String::new();
    b.transfers[1].amount_cents = 0;
    b.transfers[1].end_to_end_id = "CHORUS-R12-L1".into();
    b.transfers.push(Transfer { bic: Some("INGB".into()), end_to_end_id: "A reference with spaces".into(), ..batch().transfers[0].clone() });
    let Err(Error::Validation(problems)) = write_sepa(&b) else { panic!("refused") };
    let found: Vec<(&str, &str)> = problems.iter().map(|p| (p.field.as_str(), p.code)).collect();
    assert_eq!(
        found,
        [
            ("debtor.iban", "invalid_iban"),
            ("transfers.0.iban", "sepa_iban_missing"),
            ("transfers.1.amount", "sepa_amount_not_positive"),
            ("transfers.1.end_to_end_id", "sepa_duplicate_reference"),
            ("transfers.2.bic", "invalid_bic"),
            ("transfers.2.end_to_end_id", "sepa_bad_reference"),
        ]
    );
    assert!(problems[1].message.contains("Zoë Çelik's IBAN is missing"), "{}", problems[1].message);
    assert!(problems[2].message.contains("€") || problems[2].message.contains("0.00"), "{}", problems[2].message);
}

#[test]
fn an_empty_batch_is_refused() {
    let mut b = batch();
    b.transfers.clear();
    let Err(Error::Validation(problems)) = write_sepa(&b) else { panic!("refused") };
    assert_eq!(problems[0].code, "sepa_no_transfers");
}

#[test]
fn text_is_cut_to_the_rulebooks_latin_characters() {
    assert_eq!(latin("Łukasz Żółć", 70), "Lukasz Zolc");
    assert_eq!(latin("Fleur <b>\"x\"</b>", 70), "Fleur b x /b");
    assert_eq!(latin("  a\u{0}\tb  ", 70), "a b");
    assert_eq!(latin("München-Straße 5/7", 70), "Munchen-Strasse 5/7");
    assert_eq!(latin(&"x".repeat(80), 70).len(), 70);
    assert_eq!(latin("=HYPERLINK(\"a\")", 70), "HYPERLINK( a )");
    assert_eq!(latin("张伟", 70), "Zhang Wei");
}
