//! The payout files as the bank reads them: the SEPA credit transfer XML of a batch is valid
//! against the ISO schema (`../shared/specs/pain.001.001.03.xsd`, checked with `xmllint`, which
//! `scripts/install-deps.sh` installs), for a small batch equal to its golden file and for a
//! large one with names in many scripts.

use chorus_core::payouts::sepa::{write_sepa, Debtor, SepaBatch, Transfer};
use chrono::NaiveDate;
use std::path::PathBuf;
use std::process::Command;

fn schema() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/specs/pain.001.001.03.xsd")
}

/// Whether `xml` is valid against the schema, with xmllint's words when it is not.
fn validate(xml: &str) -> Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("payout.xml");
    std::fs::write(&file, xml).unwrap();
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema())
        .arg(&file)
        .output()
        .expect("xmllint is needed to check the bank files (Debian package libxml2-utils; scripts/install-deps.sh installs it)");
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

fn batch(transfers: Vec<Transfer>) -> SepaBatch {
    SepaBatch {
        message_id: "CHORUS-RUN-12".into(),
        payment_id: "CHORUS-RUN-12-EUR".into(),
        created_at: NaiveDate::from_ymd_opt(2026, 12, 2).unwrap().and_hms_opt(9, 30, 0).unwrap(),
        execution_date: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
        debtor: Debtor { name: "Studio Zon B.V.".into(), iban: "NL91 ABNA 0417 1643 00".into(), bic: None },
        transfers,
    }
}

fn transfer(name: &str, iban: &str, bic: Option<&str>, cents: i64, reference: &str, remittance: &str) -> Transfer {
    Transfer { name: name.into(), iban: iban.into(), bic: bic.map(Into::into), amount_cents: cents, end_to_end_id: reference.into(), remittance: remittance.into() }
}

#[test]
fn a_small_batch_is_valid_and_equal_to_its_golden_file() {
    let xml = write_sepa(&batch(vec![
        transfer("Zoë Çelik", "NL20INGB0001234567", None, 12_345, "CHORUS-R12-L1", "Chorus payout November 2026 — Studio Zon"),
        transfer("Bakkerij Noord & Zn", "BE68 5390 0754 7034", Some("GKCCBEBB"), 2_500, "CHORUS-R12-L2", ""),
    ]))
    .unwrap();
    validate(&xml).unwrap();
    let golden = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/payouts/sepa-two-transfers.xml");
    if std::env::var_os("CHORUS_WRITE_GOLDEN").is_some() {
        std::fs::write(&golden, &xml).unwrap();
    }
    assert_eq!(xml, std::fs::read_to_string(&golden).unwrap(), "the file differs from {}", golden.display());
}

#[test]
fn a_large_batch_with_names_in_many_scripts_is_valid() {
    let names = ["Łukasz Żółć", "Zoë O'Brien-Çelik", "张伟", "Ольга Смирнова", "Αλέξανδρος", "محمد", "Fleur <b>&</b> \"Co\"", "=SUM(A1)", "😀 Emoji Studio", "   "];
    let ibans = ["NL91ABNA0417164300", "BE68539007547034", "DE89370400440532013000", "FR1420041010050500013M02606", "NL20INGB0001234567"];
    let transfers: Vec<Transfer> = (0..1_000)
        .map(|i| {
            let name = match names[i % names.len()] {
                n if n.trim().is_empty() => format!("Creator {i}"),
                n => format!("{n} {i}"),
            };
            transfer(&name, ibans[i % ibans.len()], None, 1 + (i as i64 * 7_919) % 250_000, &format!("CHORUS-R12-L{i}"), &format!("Payout {i} — {}", "x".repeat(i % 200)))
        })
        .collect();
    let xml = write_sepa(&batch(transfers)).unwrap();
    assert!(xml.is_ascii());
    validate(&xml).unwrap();
}

#[test]
fn the_schema_check_refuses_a_file_the_bank_would_refuse() {
    // The check itself can fail: a transfer without its amount is not a pain.001 file.
    let xml = write_sepa(&batch(vec![transfer("Sanne", "NL20INGB0001234567", None, 100, "CHORUS-R12-L1", "")])).unwrap();
    let broken = xml.replace("        <Amt>\n          <InstdAmt Ccy=\"EUR\">1.00</InstdAmt>\n        </Amt>\n", "");
    assert_ne!(broken, xml);
    assert!(validate(&broken).is_err());
}
