//! A run's files from what it recorded: the sheet of every creator (a draft's marked as one),
//! PayPal and Wise files of the creators on each rail with IDs that name the run line, the
//! SEPA file from the brand's account in the settings; drafts and empty rails refused.

use super::export::{
    paypal_files, period_words, run_context, run_sheet, sepa_file, standing_words, wise_files,
};
use super::runs::{finalise_run, mark_paid};
use super::runs_tests::{day, Books};
use super::sheet::SheetLanguage;
use crate::error::Error;

fn code_of<T: std::fmt::Debug>(result: crate::Result<T>) -> String {
    match result {
        Err(Error::Validation(problems)) => problems[0].code.to_string(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// October paid, November finalised: Anna (PayPal), Bram (bank), Cleo carried, Dirk blocked.
fn november() -> (Books, i64, [i64; 4]) {
    let mut b = Books::new();
    let anna = b.paypal("Anna");
    let bram = b.bank("Bram de Vries");
    let cleo = b.paypal("Cleo");
    let dirk = b.creator("Dirk");
    b.line(anna, 1_000, "2026-10-10");
    b.line(bram, 9_000, "2026-10-10");
    b.pay("2026-10-31");
    b.line(anna, 4_550, "2026-11-10");
    b.line(bram, 12_345, "2026-11-20");
    b.line(cleo, 800, "2026-11-20");
    b.line(dirk, 5_000, "2026-11-20");
    let id = b.run("2026-11-30").summary.id;
    finalise_run(&mut b.ws, id, day("2026-12-01")).unwrap();
    (b, id, [anna, bram, cleo, dirk])
}

#[test]
fn the_sheet_lists_every_creator_with_where_they_stand_in_both_languages() {
    let (b, id, [anna, ..]) = november();
    let ctx = run_context(b.ws.conn(), id).unwrap();
    assert_eq!(ctx.period_from, Some(day("2026-11-01")));
    let sheet = run_sheet(&ctx, SheetLanguage::English);
    assert_eq!(
        sheet.period,
        format!("Payout run {id} · 1 November 2026 to 30 November 2026")
    );
    let standings: Vec<(&str, &str)> = sheet
        .rows
        .iter()
        .map(|r| (r.name.as_str(), r.standing.as_str()))
        .collect();
    assert_eq!(
        standings,
        [
            ("Anna", "Payable"),
            ("Bram de Vries", "Payable"),
            ("Dirk", "Blocked: no payout method"),
            ("Cleo", "Carried: below the minimum payout")
        ]
    );
    assert_eq!(sheet.rows[1].destination, "NL91 ABNA 0417 1643 00");
    let dutch = run_sheet(&ctx, SheetLanguage::Dutch);
    assert_eq!(
        dutch.period,
        format!("Uitbetaling {id} · 1 november 2026 t/m 30 november 2026")
    );
    assert_eq!(dutch.rows[2].standing, "Geblokkeerd: geen uitbetaalmethode");
    assert_eq!(
        dutch.rows[3].standing,
        "Doorgeschoven: onder het minimum voor uitbetaling"
    );

    let mut b = b;
    mark_paid(&mut b.ws, id, Some(anna), day("2026-12-02"), "PP-9").unwrap();
    let ctx = run_context(b.ws.conn(), id).unwrap();
    assert_eq!(
        standing_words(&ctx.run.creators[0], SheetLanguage::English),
        "Paid on 2 December 2026 (PP-9)"
    );
    assert_eq!(
        standing_words(&ctx.run.creators[0], SheetLanguage::Dutch),
        "Betaald op 2 december 2026 (PP-9)"
    );
}

#[test]
fn a_drafts_sheet_says_so_and_its_payments_are_refused() {
    let mut b = Books::new();
    let anna = b.paypal("Anna");
    b.line(anna, 3_000, "2026-10-10");
    let id = b.run("2026-10-31").summary.id;
    let ctx = run_context(b.ws.conn(), id).unwrap();
    assert_eq!(ctx.period_from, None);
    assert!(run_sheet(&ctx, SheetLanguage::English)
        .period
        .ends_with("up to 31 October 2026 · draft, not finalised"));
    assert_eq!(code_of(paypal_files(&ctx)), "payout_run_not_finalised");
    assert_eq!(
        code_of(sepa_file(
            b.ws.conn(),
            &ctx,
            day("2026-12-01").and_hms_opt(9, 0, 0).unwrap(),
            day("2026-12-02")
        )),
        "payout_run_not_finalised"
    );
    finalise_run(&mut b.ws, id, day("2026-12-01")).unwrap();
    let ctx = run_context(b.ws.conn(), id).unwrap();
    assert_eq!(
        code_of(wise_files(&ctx, &|_| String::new())),
        "payout_nobody_on_rail"
    );
}

#[test]
fn each_rail_pays_its_creators_with_ids_that_name_the_run_line() {
    let (b, id, [anna, bram, ..]) = november();
    let ctx = run_context(b.ws.conn(), id).unwrap();
    // Anna's 10.00 of October was under the minimum: carried in, paid now.
    assert_eq!(
        (
            ctx.run.creators[0].carried_in_minor,
            ctx.run.creators[0].to_pay_minor()
        ),
        (1_000, 5_550)
    );
    let paypal = paypal_files(&ctx).unwrap();
    assert_eq!(paypal.len(), 1);
    assert_eq!(paypal[0].text, format!("anna@example.com,55.50,EUR,R{id}C{anna},Studio Zon payout 1 November 2026 to 30 November 2026,PAYPAL\r\n"));
    let wise = wise_files(&ctx, &|c| {
        if c == bram {
            "bram@example.com".into()
        } else {
            String::new()
        }
    })
    .unwrap();
    let lines: Vec<&str> = wise[0].text.lines().collect();
    assert_eq!(lines[1], format!("\"Bram de Vries\",\"bram@example.com\",\"Chorus R{id} C{bram}\",\"PERSON\",\"source\",\"123.45\",\"EUR\",\"EUR\",\"NL91ABNA0417164300\""));

    // SEPA needs the brand's account from the settings.
    let at = day("2026-12-01").and_hms_opt(9, 0, 0).unwrap();
    match sepa_file(b.ws.conn(), &ctx, at, day("2026-12-02")) {
        Err(Error::Validation(p)) => {
            let fields: Vec<&str> = p.iter().map(|p| p.field.as_str()).collect();
            assert_eq!(fields, ["debtor.name", "debtor.iban"]);
        }
        other => panic!("{other:?}"),
    }
    b.sql("UPDATE workspace_settings SET brand_account_holder = 'Studio Zon B.V.', brand_iban = 'NL20INGB0001234567'");
    let xml = sepa_file(b.ws.conn(), &ctx, at, day("2026-12-02")).unwrap();
    assert!(
        xml.contains(&format!("<EndToEndId>CHORUS-R{id}-C{bram}</EndToEndId>")),
        "{xml}"
    );
    assert!(
        xml.contains("<InstdAmt Ccy=\"EUR\">123.45</InstdAmt>")
            && xml.contains("<Nm>Studio Zon B.V.</Nm>")
            && xml.contains("<NbOfTxs>1</NbOfTxs>"),
        "{xml}"
    );
    // Exported twice, the same file.
    assert_eq!(
        sepa_file(b.ws.conn(), &ctx, at, day("2026-12-02")).unwrap(),
        xml
    );
}

#[test]
fn periods_read_as_people_write_them() {
    assert_eq!(
        period_words(None, day("2026-03-31"), SheetLanguage::Dutch),
        "t/m 31 maart 2026"
    );
    assert_eq!(
        period_words(
            Some(day("2026-01-01")),
            day("2026-01-31"),
            SheetLanguage::English
        ),
        "1 January 2026 to 31 January 2026"
    );
}

#[test]
fn what_is_owed_adds_what_a_run_would_pay_carry_and_block_to_what_waits_for_payment() {
    let (b, _, [_, bram, ..]) = november();
    b.line(bram, 3_000, "2026-11-25"); // booked after November was finalised
    b.paid_collaboration(bram, 20_000, "published", Some("2026-11-28"));
    let o = super::owed::owed(b.ws.conn(), day("2026-12-01")).unwrap();
    // Anna 55.50 and Bram 123.45 wait for their payment; Bram's new 30.00 would be paid now;
    // Cleo's 8.00 carried; Dirk's 50.00 blocked; Bram's fee of 200.00 is to be booked.
    assert_eq!(
        (o.awaiting_payment_minor, o.awaiting_payment_creators),
        (17_895, 2)
    );
    assert_eq!((o.payable_minor, o.payable_creators), (3_000, 1));
    assert_eq!(
        (o.carried_minor, o.blocked_minor, o.blocked_creators),
        (800, 5_000, 1)
    );
    assert_eq!((o.fees_to_book, o.fees_to_book_minor), (1, 20_000));
    assert_eq!(o.total_minor(), 17_895 + 3_000 + 800 + 5_000 + 20_000);
    assert_eq!(o.last_paid_on.as_deref(), Some("2026-10-31"));
}
