//! `chorus payouts`, `chorus adjust` and `chorus settings` as a script uses them, on the demo
//! workspace (last month's run paid, this month's draft): the run's table and JSON, finalising,
//! the files (SEPA valid against the ISO schema, PayPal's rows, the XLSX read back), recording
//! the payment, the refusals (a draft's payment files, a cut-off after today, unknown settings)
//! leaving the file as it was, and what each client owes.

use calamine::{Reader, Xlsx};
use std::path::{Path, PathBuf};
use std::process::Command;
mod support;
use support::{fails, ok, s};

fn demo(dir: &Path) -> PathBuf {
    let ws = dir.join("demo.chorus");
    ok(&["demo", s(&ws)]);
    ws
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(args)).unwrap()
}

fn today() -> String {
    chrono::Local::now().date_naive().to_string()
}

#[test]
fn the_demo_has_a_paid_run_and_a_draft_with_payable_carried_and_blocked_creators() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let runs = json(&["payouts", "list", s(&ws), "--json"]);
    let runs = runs.as_array().unwrap();
    assert_eq!(runs.len(), 2);
    assert_eq!((runs[0]["state"].as_str(), runs[1]["state"].as_str()), (Some("draft"), Some("finalised")));
    assert_eq!(runs[1]["paid"], runs[1]["payable"]);
    let draft = runs[0]["id"].as_i64().unwrap().to_string();
    let shown = json(&["payouts", "show", s(&ws), &draft, "--json"]);
    let outcomes: Vec<&str> = shown["creators"].as_array().unwrap().iter().map(|c| c["outcome"].as_str().unwrap()).collect();
    for outcome in ["payable", "carried", "blocked"] {
        assert!(outcomes.contains(&outcome), "{outcome} in {outcomes:?}");
    }
    let table = ok(&["payouts", "show", s(&ws), &draft]);
    assert!(table.contains("has no payout method") && table.contains("Below the minimum payout of 25.00 EUR"), "{table}");
}

#[test]
fn a_run_is_computed_finalised_exported_and_paid() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    ok(&["adjust", s(&ws), "eva.zonder.filter", "30", "--reason", "Bonus for the unboxing"]);
    let run = json(&["payouts", "run", s(&ws), "--cutoff", &today(), "--json"]);
    let id = run["summary"]["id"].as_i64().unwrap().to_string();
    let eva = run["creators"].as_array().unwrap().iter().find(|c| c["name"] == "Eva Mulder").unwrap().clone();
    assert_eq!((eva["outcome"].as_str(), eva["payable_minor"].as_i64()), (Some("payable"), Some(3_850)), "8.50 + 30.00");

    // A draft's payment files are refused, and nothing is written.
    let paypal = dir.path().join("paypal.csv");
    let err = fails(&["payouts", "export", s(&ws), &id, "--format", "paypal", "--out", s(&paypal)]);
    assert!(err.contains("is a draft"), "{err}");
    assert!(!paypal.exists());
    // Its sheet is a preview.
    let sheet = dir.path().join("sheet.xlsx");
    ok(&["payouts", "export", s(&ws), &id, "--format", "xlsx", "--out", s(&sheet), "--lang", "en"]);
    let mut book: Xlsx<_> = calamine::open_workbook(&sheet).unwrap();
    let cells = book.worksheet_range_at(0).unwrap().unwrap();
    let text: Vec<String> = cells.rows().flat_map(|r| r.iter().map(|c| c.to_string())).collect();
    assert!(text.iter().any(|t| t.contains("draft, not finalised")), "{text:?}");
    assert!(text.iter().any(|t| t == "Eva Mulder"));

    let finalised = ok(&["payouts", "finalise", s(&ws), &id]);
    assert!(finalised.contains("finalised"), "{finalised}");
    ok(&["payouts", "export", s(&ws), &id, "--format", "paypal", "--out", s(&paypal)]);
    let rows = std::fs::read_to_string(&paypal).unwrap();
    assert!(rows.lines().any(|l| l.starts_with("eva.mulder") || l.contains(",38.50,EUR,R")), "{rows}");
    assert!(rows.lines().all(|l| l.ends_with(",PAYPAL")), "{rows}");

    let err = fails(&["payouts", "mark-paid", s(&ws), &id, "--date", &today(), "--reference", " "]);
    assert!(err.contains("reference"), "{err}");
    let paid = json(&["payouts", "mark-paid", s(&ws), &id, "--date", &today(), "--reference", "PP-2026-12", "--json"]);
    assert!(paid["creators"].as_i64().unwrap() >= 1);
    let err = fails(&["payouts", "mark-paid", s(&ws), &id, "--date", &today(), "--reference", "PP-2026-12"]);
    assert!(err.contains("paid already"), "{err}");
}

#[test]
fn the_sepa_file_of_the_paid_run_is_valid_for_the_bank() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let xml = dir.path().join("sepa.xml");
    ok(&["payouts", "export", s(&ws), "1", "--format", "sepa", "--out", s(&xml), "--execution-date", &today()]);
    let schema = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/specs/pain.001.001.03.xsd");
    let out = Command::new("xmllint").arg("--noout").arg("--schema").arg(&schema).arg(&xml).output().expect("xmllint (libxml2-utils) checks the bank file");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&xml).unwrap();
    assert!(text.contains("<EndToEndId>CHORUS-R1-C") && text.contains("NL91ABNA0417164300"), "{text}");
}

#[test]
fn refusals_leave_the_workspace_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let before = std::fs::read(&ws).unwrap();
    let err = fails(&["payouts", "run", s(&ws), "--cutoff", "2099-01-01"]);
    assert!(err.contains("after today"), "{err}");
    let err = fails(&["adjust", s(&ws), "eva.zonder.filter", "0", "--reason", "nothing"]);
    assert!(err.contains("zero"), "{err}");
    let err = fails(&["adjust", s(&ws), "nobody.here", "10", "--reason", "x"]);
    assert!(err.contains("No creator has the handle"), "{err}");
    let err = fails(&["settings", s(&ws), "--set", "min_payout=-3", "--set", "brand_bic=X"]);
    assert!(err.contains("min_payout:") && err.contains("brand_bic:"), "{err}");
    let err = fails(&["settings", s(&ws), "--set", "colour=blue"]);
    assert!(err.contains("no setting “colour”"), "{err}");
    assert_eq!(std::fs::read(&ws).unwrap(), before, "the file is byte for byte as it was");
}

#[test]
fn settings_are_read_and_changed_by_key() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let all = json(&["settings", s(&ws), "--json"]);
    assert_eq!((all["min_payout"].as_str(), all["brand_iban"].as_str()), (Some("25.00"), Some("NL91ABNA0417164300")));
    let changed = json(&["settings", s(&ws), "--set", "min_payout=100", "--set", "hold_days=14", "--json"]);
    assert_eq!((changed["min_payout"].as_str(), changed["hold_days"].as_str()), (Some("100.00"), Some("14")));
    let table = ok(&["settings", s(&ws)]);
    assert!(table.contains("min_payout") && table.contains("100.00"), "{table}");
}

#[test]
fn what_each_client_owes() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let other = dir.path().join("empty.chorus");
    ok(&["new", s(&other), "--brand", "Bakkerij Noord"]);
    let owed = json(&["payouts", "owed", s(&ws), s(&other), "--json"]);
    let owed = owed.as_array().unwrap();
    assert_eq!(owed.len(), 2);
    assert!(owed[0]["owed"]["payable_minor"].as_i64().unwrap() > 0);
    assert!(owed[0]["owed"]["blocked_creators"].as_i64().unwrap() >= 1);
    assert_eq!(owed[1]["owed"]["payable_minor"].as_i64(), Some(0));
    let table = ok(&["payouts", "owed", s(&ws), s(&other)]);
    assert!(table.contains("Demo — Studio Zon") && table.contains("Bakkerij Noord"), "{table}");
}

/// The number of pages of a PDF (each page object says `/Type /Page`).
fn pages_of(pdf: &[u8]) -> usize {
    pdf_extract::Document::load_mem(pdf).expect("the PDF parses").get_pages().len()
}

fn pdf_text(pdf: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(pdf).expect("the PDF's text reads back");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_paid_runs_statements_as_one_pdf_and_one_creators_in_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let shown = json(&["payouts", "show", s(&ws), "1", "--json"]);
    let creators = shown["creators"].as_array().unwrap();
    let all = dir.path().join("statements.pdf");
    ok(&["payouts", "export", s(&ws), "1", "--format", "pdf", "--out", s(&all), "--lang", "en"]);
    let pdf = std::fs::read(&all).unwrap();
    let text = pdf_text(&pdf);
    // Each creator's statement starts on a page of its own and counts its own pages.
    assert!(pages_of(&pdf) >= creators.len(), "{} pages for {} creators", pages_of(&pdf), creators.len());
    assert_eq!(text.matches("Page 1 of").count(), creators.len(), "{text}");
    for c in creators {
        let name = c["name"].as_str().unwrap();
        assert!(text.contains(name), "{name} has no statement:\n{text}");
        assert!(text.contains(&format!("R1C{}", c["creator_id"])), "{name}'s number:\n{text}");
    }
    assert!(text.contains("Self-billing invoice") && text.contains("Reference: ABN-BATCH-0001"), "{text}");
    for developer in ["null", "None", "payout_", "percent:"] {
        assert!(!text.contains(developer), "{developer:?} in the statements:\n{text}");
    }

    // One creator's, by handle, in Dutch.
    let first = creators[0]["creator_id"].as_i64().unwrap();
    let handle: String = rusqlite::Connection::open(&ws)
        .unwrap()
        .query_row("SELECT handle FROM handles WHERE creator_id = ?1 ORDER BY id LIMIT 1", [first], |r| r.get(0))
        .unwrap();
    let one = dir.path().join("one.pdf");
    ok(&["payouts", "export", s(&ws), "1", "--format", "pdf", "--out", s(&one), "--creator", &handle, "--lang", "nl"]);
    let pdf = std::fs::read(&one).unwrap();
    let text = pdf_text(&pdf);
    assert!(text.contains(creators[0]["name"].as_str().unwrap()) && text.contains("Pagina 1 van"), "{text}");
    assert_eq!(text.matches("Pagina 1 van").count(), 1, "{text}");
    assert!(text.contains("Betaald op"), "{text}");

    // The draft's statements say they are a draft; --creator is for statements only.
    let draft = dir.path().join("draft.pdf");
    ok(&["payouts", "export", s(&ws), "2", "--format", "pdf", "--out", s(&draft), "--lang", "en"]);
    let text = pdf_text(&std::fs::read(&draft).unwrap());
    assert!(text.contains("Draft payout statement") && text.contains("Draft, not an invoice") && !text.contains("Self-billing"), "{text}");
    let err = fails(&["payouts", "export", s(&ws), "1", "--format", "csv", "--out", s(&dir.path().join("x.csv")), "--creator", &handle]);
    assert!(err.contains("--format pdf"), "{err}");
}

#[test]
fn each_creator_of_the_paid_run_gets_a_statement_pdf_of_their_own() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let shown = json(&["payouts", "show", s(&ws), "1", "--json"]);
    let creators = shown["creators"].as_array().unwrap();
    let out = dir.path().join("statements").join("Run 1.pdf");
    std::fs::create_dir(out.parent().unwrap()).unwrap();
    ok(&["payouts", "export", s(&ws), "1", "--format", "pdf", "--each", "--out", s(&out), "--lang", "en"]);
    let written = std::fs::read_dir(out.parent().unwrap()).unwrap().count();
    assert_eq!(written, creators.len(), "a file per creator and nothing else");
    for c in creators {
        let name = c["name"].as_str().unwrap();
        let file = out.with_file_name(format!("Run 1 - {name}.pdf"));
        let pdf = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let text = pdf_text(&pdf);
        assert!(text.contains(name) && text.contains(&format!("R1C{}", c["creator_id"])), "{name}'s own statement:\n{text}");
        assert_eq!(text.matches("Page 1 of").count(), 1, "one statement in {name}'s file");
    }
    assert!(!out.exists(), "no file of all of them");
    let err = fails(&["payouts", "export", s(&ws), "1", "--format", "sepa", "--each", "--out", s(&dir.path().join("x.xml"))]);
    assert!(err.contains("--format pdf"), "{err}");
}
