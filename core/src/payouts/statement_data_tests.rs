//! Statements from what a run recorded: a draft's and a finalised run's for every creator (the
//! payable one's items as taken, the carried and blocked ones' as the run could take them,
//! carried in marked), one creator's, the invoice number per run and creator, a stale draft
//! refused; the demo's paid run typeset and its first pages rendered to PNG to look at
//! (`/tmp/statement-en.png`, `-nl.png`, `-vat.png`, `-draft.png`, each beside its PDF).

use super::adjustments::add_adjustment;
use super::runs::{finalise_run, RunState};
use super::runs_tests::{day, Books};
use super::statement::{statements_pdf, typeset, Outcome, StatementLanguage, Vat};
use super::statement_data::{run_statements, statement_file_name, statements_pdf_of_run};
use crate::error::Error;

fn code_of<T: std::fmt::Debug>(result: crate::Result<T>) -> String {
    match result {
        Err(Error::Validation(problems)) => problems[0].code.to_string(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn text_of(pdf: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(pdf).expect("the PDF's text reads back");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// October paid (Cleo carried below the minimum); November: Anna (PayPal), Bram (bank, VAT
/// 21%, a bonus), Cleo still carried with October's line carried in, Dirk blocked.
struct November {
    b: Books,
    anna: i64,
    bram: i64,
    cleo: i64,
    dirk: i64,
}

fn november() -> November {
    let mut b = Books::new();
    b.sql("UPDATE workspace_settings SET brand_account_holder = 'Studio Zon B.V.', brand_address = 'Keizersgracht 221\n1016 DV Amsterdam', brand_vat_number = 'NL860012345B01'");
    let anna = b.paypal("Anna");
    let bram = b.bank("Bram de Vries");
    let cleo = b.paypal("Cleo");
    let dirk = b.creator("Dirk");
    b.sql(&format!("UPDATE creators SET vat_status = 'registered', vat_number = 'NL001234567B01', vat_rate_bp = 2100, billing_address = 'Oudegracht 12\n3511 AP Utrecht' WHERE id = {bram}"));
    b.line(anna, 3_000, "2026-10-10");
    b.line(cleo, 800, "2026-10-10");
    b.pay("2026-10-31");
    b.line(anna, 4_550, "2026-11-10");
    b.line(bram, 12_345, "2026-11-20");
    b.line(cleo, 300, "2026-11-20");
    b.line(dirk, 5_000, "2026-11-20");
    add_adjustment(&mut b.ws, bram, 2_000, "Bonus: the launch reel", day("2026-11-15")).unwrap();
    November { b, anna, bram, cleo, dirk }
}

#[test]
fn a_draft_and_then_the_finalised_run_give_every_creator_a_statement_that_adds_up() {
    let mut n = november();
    let id = n.b.run("2026-11-30").summary.id;
    let draft = run_statements(n.b.ws.conn(), id, None, StatementLanguage::English).unwrap();
    assert_eq!(draft.len(), 4);
    assert!(draft.iter().all(|s| s.draft));
    // The run's order: payable (Anna, Bram), blocked (Dirk), carried (Cleo).
    let numbers: Vec<String> = draft.iter().map(|s| s.number.clone()).collect();
    assert_eq!(numbers, [format!("R{id}C{}", n.anna), format!("R{id}C{}", n.bram), format!("R{id}C{}", n.dirk), format!("R{id}C{}", n.cleo)]);
    let text = text_of(&statements_pdf(&draft).unwrap());
    assert!(text.contains("Draft payout statement") && !text.contains("Self-billing invoice"), "{text}");

    finalise_run(&mut n.b.ws, id, day("2026-12-01")).unwrap();
    let all = run_statements(n.b.ws.conn(), id, None, StatementLanguage::English).unwrap();
    assert!(all.iter().all(|s| !s.draft));
    let [anna, bram, dirk, cleo] = [&all[0], &all[1], &all[2], &all[3]];
    assert_eq!(anna.lines.len(), 1, "Anna's October line was paid in October");
    assert_eq!(anna.lines[0].commission_minor, 4_550);
    assert!(matches!(anna.outcome, Outcome::Payable { ref method, ref destination } if method == "PayPal" && destination == "anna@example.com"));
    // Bram: VAT on the bonus only (the run's rule), the IBAN written in groups.
    assert!(matches!(bram.vat, Vat::Registered { rate_bp: 2100 }));
    assert_eq!((bram.adjustments.len(), bram.adjustments[0].vat_minor, bram.vat_minor), (1, 420, 420));
    assert_eq!(bram.creator.iban.as_deref(), Some("NL91 ABNA 0417 1643 00"));
    assert_eq!(bram.creator.address.as_deref(), Some("Oudegracht 12\n3511 AP Utrecht"));
    assert_eq!(bram.brand.name, "Studio Zon B.V.");
    // Cleo: October's line carried in and marked, November's new; nothing paid.
    let carried: Vec<(i64, bool)> = cleo.lines.iter().map(|l| (l.commission_minor, l.carried)).collect();
    assert_eq!(carried, [(800, true), (300, false)]);
    assert_eq!((cleo.carried_in_minor, cleo.carried_out_minor, cleo.payable_minor), (800, 1_100, 0));
    assert!(matches!(cleo.outcome, Outcome::Carried { ref reason } if reason == "Your balance is below the minimum payout of €25.00"));
    assert!(matches!(dirk.outcome, Outcome::Blocked { ref reason } if reason == "We have no payout method for you"));
    assert!(matches!(cleo.vat, Vat::None) && matches!(dirk.vat, Vat::None));

    let pdf = statements_pdf_of_run(n.b.ws.conn(), id, None, StatementLanguage::English).unwrap();
    let text = text_of(&pdf);
    for wanted in [
        "Self-billing invoice",
        "Payout statement",
        "Studio Zon B.V.",
        "NL860012345B01",
        "NL001234567B01",
        "10% of the base",
        "Bonus: the launch reel",
        "VAT 21% on fees and adjustments €4.20",
        "(carried in)",
        "Nothing is paid out this time. Reason: Your balance is below the minimum payout of €25.00.",
        "Your payout is on hold. Reason: We have no payout method for you.",
    ] {
        assert!(text.contains(wanted), "the run's statements lack {wanted:?}:\n{text}");
    }
    for developer in ["null", "None", "below_minimum", "payout_method_missing", "percent:"] {
        assert!(!text.contains(developer), "{developer:?} in the statements:\n{text}");
    }
}

#[test]
fn a_carried_creator_keeps_their_statement_after_a_later_run_pays_them() {
    let mut n = november();
    let id = n.b.run("2026-11-30").summary.id;
    finalise_run(&mut n.b.ws, id, day("2026-12-01")).unwrap();
    let before = run_statements(n.b.ws.conn(), id, Some(n.cleo), StatementLanguage::Dutch).unwrap();
    // December takes Cleo's lines (now above the minimum) and pays them.
    n.b.line(n.cleo, 5_000, "2026-12-01");
    n.b.pay("2026-12-01");
    let after = run_statements(n.b.ws.conn(), id, Some(n.cleo), StatementLanguage::Dutch).unwrap();
    let amounts = |s: &super::statement::Statement| s.lines.iter().map(|l| (l.commission_minor, l.carried)).collect::<Vec<_>>();
    assert_eq!(amounts(&before[0]), amounts(&after[0]));
    assert_eq!(after[0].number, format!("R{id}C{}", n.cleo));
    statements_pdf(&after).unwrap();
}

#[test]
fn one_creator_a_stranger_and_a_stale_draft() {
    let mut n = november();
    let id = n.b.run("2026-11-30").summary.id;
    let one = run_statements(n.b.ws.conn(), id, Some(n.bram), StatementLanguage::Dutch).unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].number, format!("R{id}C{}", n.bram));
    let stranger = n.b.creator("Eva");
    assert_eq!(code_of(run_statements(n.b.ws.conn(), id, Some(stranger), StatementLanguage::English)), "payout_creator_not_in_run");
    // The ledger moved after the draft was computed: its statements would not add up.
    n.b.line(n.anna, 700, "2026-11-25");
    assert_eq!(code_of(statements_pdf_of_run(n.b.ws.conn(), id, None, StatementLanguage::English)), "statement_draft_stale");
    assert_eq!(statement_file_name(id, None, RunState::Draft), format!("statements-run-{id}-draft.pdf"));
    assert_eq!(statement_file_name(7, Some(345), RunState::Finalised), "statement-R7C345.pdf");
}

#[test]
fn a_self_billing_invoice_without_the_brands_vat_number_is_refused() {
    let mut n = november();
    n.b.sql("UPDATE workspace_settings SET brand_vat_number = ''");
    let id = n.b.run("2026-11-30").summary.id;
    // A draft is no invoice yet.
    statements_pdf_of_run(n.b.ws.conn(), id, None, StatementLanguage::English).unwrap();
    finalise_run(&mut n.b.ws, id, day("2026-12-01")).unwrap();
    let refused = statements_pdf_of_run(n.b.ws.conn(), id, None, StatementLanguage::English);
    match refused {
        Err(Error::Validation(p)) => assert_eq!((p[0].code, p[0].value.as_deref()), ("statement_invoice_incomplete", Some("brand_vat_number"))),
        other => panic!("{other:?}"),
    }
    // Anna's is no invoice: hers is made.
    statements_pdf_of_run(n.b.ws.conn(), id, Some(n.anna), StatementLanguage::English).unwrap();
}

/// The first page of `statements` as PNG at `path`, rendered from typst's own layout.
fn first_page_png(statements: &[super::statement::Statement], path: &str) {
    let document = typeset(statements).unwrap();
    let pixmap = typst_render::render(&document.pages()[0], &typst_render::RenderOptions::default());
    pixmap.save_png(path).unwrap();
    std::fs::write(path.replace(".png", ".pdf"), statements_pdf(statements).unwrap()).unwrap();
}

#[test]
fn the_demo_paid_run_and_its_draft_rendered_for_a_look() {
    let dir = tempfile::tempdir().unwrap();
    let ws = crate::demo::create_demo(&dir.path().join("demo.chorus")).unwrap();
    let conn = ws.conn();
    let paid: i64 = conn.query_row("SELECT id FROM payout_runs WHERE state = 'finalised' ORDER BY id LIMIT 1", [], |r| r.get(0)).unwrap();
    let draft: i64 = conn.query_row("SELECT id FROM payout_runs WHERE state = 'draft'", [], |r| r.get(0)).unwrap();
    let registered: i64 = conn.query_row("SELECT id FROM creators WHERE vat_status = 'registered'", [], |r| r.get(0)).unwrap();
    for language in [StatementLanguage::English, StatementLanguage::Dutch] {
        let all = run_statements(conn, paid, None, language).unwrap();
        let text = text_of(&statements_pdf(&all).unwrap());
        for developer in ["null", "None", "undefined", "payout_", "percent:"] {
            assert!(!text.contains(developer), "{developer:?} in the demo's statements:\n{text}");
        }
        let name = if language == StatementLanguage::English { "en" } else { "nl" };
        // The first payable creator who is not the VAT-registered one.
        let plain: Vec<_> = all.iter().filter(|s| matches!(s.vat, Vat::None)).cloned().collect();
        first_page_png(&plain[..1], &format!("/tmp/statement-{name}.png"));
    }
    let vat = run_statements(conn, paid, Some(registered), StatementLanguage::English).unwrap();
    assert!(matches!(vat[0].vat, Vat::Registered { .. }), "the demo's registered creator is paid in its paid run");
    first_page_png(&vat, "/tmp/statement-vat.png");
    let drafts = run_statements(conn, draft, None, StatementLanguage::Dutch).unwrap();
    assert!(drafts.iter().all(|s| s.draft));
    first_page_png(&drafts[..1], "/tmp/statement-draft.png");
    statements_pdf(&drafts).unwrap();
}

#[test]
fn the_save_dialog_offers_a_name_with_the_brand_the_cutoff_and_whose_statement() {
    use super::export::RunFormat;
    use super::run_files::suggested_name;
    use super::sheet::SheetLanguage;
    let dir = tempfile::tempdir().unwrap();
    let ws = crate::demo::create_demo(&dir.path().join("demo.chorus")).unwrap();
    let conn = ws.conn();
    let (run, cutoff): (i64, String) = conn.query_row("SELECT id, cutoff FROM payout_runs WHERE state = 'finalised' ORDER BY id LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    let brand = ws.settings().unwrap().brand_name;
    let (creator, name): (i64, String) = conn.query_row("SELECT creator_id, name FROM payout_creators WHERE run_id = ?1 ORDER BY creator_id LIMIT 1", [run], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    let named = |format, language, creator| suggested_name(conn, run, format, language, creator).unwrap();
    assert_eq!(named(RunFormat::Xlsx, SheetLanguage::English, None), format!("{brand} payouts {cutoff}.xlsx"));
    assert_eq!(named(RunFormat::Pdf, SheetLanguage::Dutch, None), format!("{brand} afrekeningen {cutoff}.pdf"));
    assert_eq!(named(RunFormat::Pdf, SheetLanguage::English, Some(creator)), format!("{brand} statement {name} {cutoff}.pdf"));
    assert_eq!(named(RunFormat::Pdf, SheetLanguage::Dutch, Some(creator)), format!("{brand} afrekening {name} {cutoff}.pdf"));
    assert_eq!(named(RunFormat::Sepa, SheetLanguage::English, Some(creator)), format!("{brand} SEPA {cutoff}.xml"), "a creator names only a statement");
}

#[test]
fn each_creator_of_the_demo_paid_run_gets_a_pdf_of_their_own() {
    use super::statement_data::each_statement_pdf_of_run;
    let dir = tempfile::tempdir().unwrap();
    let ws = crate::demo::create_demo(&dir.path().join("demo.chorus")).unwrap();
    let conn = ws.conn();
    let paid: i64 = conn.query_row("SELECT id FROM payout_runs WHERE state = 'finalised' ORDER BY id LIMIT 1", [], |r| r.get(0)).unwrap();
    let all = run_statements(conn, paid, None, StatementLanguage::English).unwrap();
    let each = each_statement_pdf_of_run(conn, paid, StatementLanguage::English).unwrap();
    assert_eq!(each.len(), all.len());
    assert!(each.len() > 1, "the demo pays several creators");
    for ((name, pdf), statement) in each.iter().zip(&all) {
        assert_eq!(name, &statement.creator.name, "in the run's order");
        let text = text_of(pdf);
        assert!(text.contains(&statement.number), "{name}'s own statement");
        for other in all.iter().filter(|s| s.number != statement.number) {
            assert!(!text.contains(&other.creator.name), "{name}'s PDF holds only theirs, not {}'s", other.creator.name);
        }
    }
}
