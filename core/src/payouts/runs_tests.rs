//! Payout runs on an in-memory workspace: who is payable, carried and blocked; fees that fall
//! due and adjustments; VAT; finalising takes each item once and locks the run (the schema
//! refuses changes whoever writes); marking paid; a refund after payment taken back by the
//! next run; the refusals; and the run's invariants over generated histories.

use super::adjustments::add_adjustment;
use super::fees::mark_fee_due;
use super::runs::{compute_run, discard_draft, draft_run, finalise_run, list_runs, load_run, mark_paid, Run, RunCreator, RunState};
use crate::error::Error;
use crate::workspace::settings::Settings;
use crate::Workspace;
use chrono::NaiveDate;
use proptest::prelude::*;
use rusqlite::params;

pub(crate) struct Books {
    pub ws: Workspace,
    campaign: i64,
}

pub(crate) fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

impl Books {
    pub(crate) fn new() -> Books {
        let ws = Workspace::in_memory(&Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
        ws.conn().execute("INSERT INTO campaigns (name, goal, created_at, updated_at) VALUES ('Zomer', 'sales', 'now', 'now')", []).unwrap();
        let campaign = ws.conn().last_insert_rowid();
        Books { ws, campaign }
    }

    pub(crate) fn sql(&self, sql: &str) {
        self.ws.conn().execute_batch(sql).unwrap();
    }

    pub(crate) fn one<T: rusqlite::types::FromSql>(&self, sql: &str) -> T {
        self.ws.conn().query_row(sql, [], |r| r.get(0)).unwrap()
    }

    /// A creator paid by PayPal at a valid address.
    pub(crate) fn paypal(&self, name: &str) -> i64 {
        let id = self.creator(name);
        let email = format!("{}@example.com", name.to_lowercase().replace(' ', "."));
        self.ws.conn().execute("UPDATE creators SET payout_method = 'paypal', paypal_email = ?2 WHERE id = ?1", params![id, email]).unwrap();
        id
    }

    /// A creator paid by bank transfer to a valid Dutch IBAN.
    pub(crate) fn bank(&self, name: &str) -> i64 {
        let id = self.creator(name);
        self.ws
            .conn()
            .execute("UPDATE creators SET payout_method = 'bank', iban = 'NL91 ABNA 0417 1643 00', account_holder = ?2 WHERE id = ?1", params![id, name])
            .unwrap();
        id
    }

    /// A creator with no payout method.
    pub(crate) fn creator(&self, name: &str) -> i64 {
        let c = self.ws.conn();
        c.execute("INSERT INTO creators (display_name, sort_name, created_at, updated_at) VALUES (?1, lower(?1), 'now', 'now')", [name]).unwrap();
        let creator = c.last_insert_rowid();
        c.execute(
            "INSERT INTO collaborations (campaign_id, creator_id, kind, status, last_activity_on, created_at, updated_at) VALUES (?1, ?2, 'affiliate', 'active', '2026-05-01', 'now', 'now')",
            [self.campaign, creator],
        )
        .unwrap();
        creator
    }

    /// A commission line (negative: a clawback) of `amount` for `creator`, approved from
    /// `hold_until`, booked as the ledger books it (its own order).
    pub(crate) fn line(&self, creator: i64, amount: i64, hold_until: &str) -> i64 {
        let c = self.ws.conn();
        let collaboration: i64 = c.query_row("SELECT min(id) FROM collaborations WHERE creator_id = ?1", [creator], |r| r.get(0)).unwrap();
        let number: i64 = c.query_row("SELECT coalesce(max(id), 0) + 1001 FROM orders", [], |r| r.get(0)).unwrap();
        c.execute(
            "INSERT INTO orders (source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, financial_status,
                 attribution, collaboration_id, attribution_reason, imported_at, updated_at)
             VALUES ('shopify', ?1, '2026-05-03T10:00:00Z', '2026-05-03T10:00:00Z', '2026-05-03', 'EUR', ?2, 'paid', 'attributed', ?3, 'code', 'now', 'now')",
            params![format!("#{number}"), amount.abs() * 10, collaboration],
        )
        .unwrap();
        let order = c.last_insert_rowid();
        let kind = if amount < 0 { "clawback" } else { "commission" };
        c.execute(
            "INSERT INTO commission_lines (order_id, collaboration_id, creator_id, kind, reason, amount_minor, currency, base_minor, rule,
                 rule_level, explanation, explanation_code, hold_until, created_at)
             VALUES (?1, ?2, ?3, ?4, 'order', ?5, 'EUR', ?6, 'percent:1000', 'workspace', '10% of the base', 'percent', ?7, 'now')",
            params![order, collaboration, creator, kind, amount, amount.abs() * 10, hold_until],
        )
        .unwrap();
        c.last_insert_rowid()
    }

    /// A paid collaboration with `fee` and one deliverable in `status`, published on `published`.
    pub(crate) fn paid_collaboration(&self, creator: i64, fee: i64, status: &str, published: Option<&str>) -> i64 {
        let c = self.ws.conn();
        // A creator works once per campaign: each paid collaboration gets its own.
        c.execute("INSERT INTO campaigns (name, goal, created_at, updated_at) VALUES ('Launch', 'awareness', 'now', 'now')", []).unwrap();
        let campaign = c.last_insert_rowid();
        c.execute(
            "INSERT INTO collaborations (campaign_id, creator_id, kind, status, fee_minor, last_activity_on, created_at, updated_at) VALUES (?1, ?2, 'paid', 'active', ?3, '2026-05-01', 'now', 'now')",
            params![campaign, creator, fee],
        )
        .unwrap();
        let collaboration = c.last_insert_rowid();
        c.execute(
            "INSERT INTO deliverables (collaboration_id, platform, format, due_on, status, published_at, created_at, updated_at) VALUES (?1, 'instagram', 'reel', '2026-10-01', ?2, ?3, 'now', 'now')",
            params![collaboration, status, published.map(|d| format!("{d}T12:00:00Z"))],
        )
        .unwrap();
        collaboration
    }

    pub(crate) fn run(&mut self, cutoff: &str) -> Run {
        compute_run(&mut self.ws, day(cutoff), day("2026-12-01")).unwrap()
    }

    /// Computes, finalises and marks paid a run with this cut-off; returns it.
    pub(crate) fn pay(&mut self, cutoff: &str) -> Run {
        let id = self.run(cutoff).summary.id;
        finalise_run(&mut self.ws, id, day("2026-12-01")).unwrap();
        mark_paid(&mut self.ws, id, None, day(cutoff), "BATCH-1").unwrap();
        load_run(self.ws.conn(), id).unwrap()
    }
}

fn of(run: &Run, creator: i64) -> &RunCreator {
    run.creators.iter().find(|c| c.creator_id == creator).unwrap_or_else(|| panic!("creator {creator} is not in the run: {:?}", run.creators))
}

fn code_of(result: Result<impl std::fmt::Debug, Error>) -> String {
    match result {
        Err(Error::Validation(problems)) => problems[0].code.to_string(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_run_sorts_creators_into_payable_carried_and_blocked_with_reasons() {
    let mut b = Books::new();
    let anna = b.paypal("Anna");
    let bram = b.bank("Bram");
    let cleo = b.paypal("Cleo");
    let dirk = b.creator("Dirk");
    let eva = b.paypal("Eva");
    b.line(anna, 3_000, "2026-10-15");
    b.line(anna, 500, "2026-10-20");
    b.line(bram, 4_000, "2026-10-31");
    b.line(cleo, 1_200, "2026-10-01"); // under 25.00
    b.line(dirk, 9_900, "2026-10-01"); // no payout method
    b.line(eva, 8_000, "2026-10-02");
    b.line(eva, -9_000, "2026-10-03"); // a clawback larger than what she earned
    b.line(anna, 7_777, "2026-11-15"); // still on hold at the cut-off
    let run = b.run("2026-10-31");

    assert_eq!(run.summary.state, RunState::Draft);
    assert_eq!((run.summary.payable, run.summary.carried, run.summary.blocked), (2, 2, 1));
    let a = of(&run, anna);
    assert_eq!((a.outcome, a.method, a.commissions_minor, a.payable_minor, a.items), ("payable", "paypal", 3_500, 3_500, 2));
    assert_eq!(a.destination, "anna@example.com");
    let br = of(&run, bram);
    assert_eq!((br.outcome, br.method, br.destination.as_str(), br.account_holder.as_str()), ("payable", "bank", "NL91ABNA0417164300", "Bram"));
    let c = of(&run, cleo);
    assert_eq!((c.outcome, c.reason_code.as_str(), c.payable_minor, c.carried_out_minor), ("carried", "below_minimum", 0, 1_200));
    assert!(c.reason.contains("25.00 EUR"), "{}", c.reason);
    let d = of(&run, dirk);
    assert_eq!((d.outcome, d.reason_code.as_str(), d.carried_out_minor), ("blocked", "payout_method_missing", 9_900));
    assert!(d.reason.contains("Dirk has no payout method"), "{}", d.reason);
    let e = of(&run, eva);
    assert_eq!((e.outcome, e.reason_code.as_str(), e.carried_out_minor), ("carried", "below_zero", -1_000));
    // Payable first, then blocked, then carried; by name within each.
    let order: Vec<&str> = run.creators.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(order, ["Anna", "Bram", "Dirk", "Cleo", "Eva"]);
    assert_eq!(run.summary.to_pay_minor, 7_500);
    // A draft takes nothing.
    assert_eq!(b.one::<i64>("SELECT count(*) FROM payout_items"), 0);
}

#[test]
fn blocked_creators_name_the_detail_they_miss() {
    let mut b = Books::new();
    let cases = [
        ("NoEmail", "UPDATE creators SET payout_method = 'paypal', paypal_email = '' WHERE id = ?1", "paypal_email_missing"),
        ("BadEmail", "UPDATE creators SET payout_method = 'paypal', paypal_email = 'not an email' WHERE id = ?1", "invalid_email"),
        ("NoIban", "UPDATE creators SET payout_method = 'bank', iban = '', account_holder = 'X' WHERE id = ?1", "iban_missing"),
        ("BadIban", "UPDATE creators SET payout_method = 'bank', iban = 'NL91ABNA0417164301', account_holder = 'X' WHERE id = ?1", "invalid_iban"),
        ("NoHolder", "UPDATE creators SET payout_method = 'bank', iban = 'NL91ABNA0417164300', account_holder = ' ' WHERE id = ?1", "account_holder_missing"),
    ];
    let mut ids = Vec::new();
    for (name, sql, _) in cases {
        let id = b.creator(name);
        b.ws.conn().execute(sql, [id]).unwrap();
        b.line(id, 5_000, "2026-10-01");
        ids.push(id);
    }
    let run = b.run("2026-10-31");
    for (id, (_, _, code)) in ids.iter().zip(cases) {
        let c = of(&run, *id);
        assert_eq!((c.outcome, c.reason_code.as_str()), ("blocked", code));
        assert_eq!(c.carried_out_minor, 5_000);
    }
}

#[test]
fn the_minimum_payout_is_a_workspace_setting_in_the_workspace_currency() {
    let mut b = Books::new();
    assert_eq!(b.one::<i64>("SELECT min_payout_minor FROM workspace_settings"), 2_500);
    let anna = b.paypal("Anna");
    b.line(anna, 2_499, "2026-10-01");
    assert_eq!(of(&b.run("2026-10-31"), anna).outcome, "carried");
    b.sql("UPDATE workspace_settings SET min_payout_minor = 1000");
    let run = b.run("2026-10-31");
    assert_eq!((of(&run, anna).outcome, run.summary.min_payout_minor), ("payable", 1_000));
    // Exactly the minimum is payable.
    b.sql("UPDATE workspace_settings SET min_payout_minor = 2499");
    assert_eq!(of(&b.run("2026-10-31"), anna).outcome, "payable");

    let yen = Workspace::in_memory(&Settings::new("Tokyo Tea", "JPY", "en-GB")).unwrap();
    let min: i64 = yen.conn().query_row("SELECT min_payout_minor FROM workspace_settings", [], |r| r.get(0)).unwrap();
    assert_eq!(min, 25, "25 yen: the yen has no minor unit");
}

#[test]
fn one_draft_at_a_time_computed_again_at_will() {
    let mut b = Books::new();
    let anna = b.paypal("Anna");
    b.line(anna, 3_000, "2026-10-01");
    let first = b.run("2026-10-31");
    b.line(anna, 1_000, "2026-10-02");
    let again = b.run("2026-10-31");
    assert_eq!(first.summary.id, again.summary.id, "the same draft");
    assert_eq!(of(&again, anna).payable_minor, 4_000);
    assert_eq!(list_runs(b.ws.conn()).unwrap().len(), 1);
    assert_eq!(draft_run(b.ws.conn()).unwrap(), Some(first.summary.id));
    // The schema holds one draft whoever writes.
    let second = b.ws.conn().execute("INSERT INTO payout_runs (state, cutoff, currency, min_payout_minor, created_at, computed_at) VALUES ('draft', '2026-10-31', 'EUR', 2500, 'now', 'now')", []);
    assert!(second.is_err());
    discard_draft(&mut b.ws, first.summary.id).unwrap();
    assert_eq!(draft_run(b.ws.conn()).unwrap(), None);
    assert_eq!(b.one::<i64>("SELECT count(*) FROM payout_creators"), 0);
}

#[test]
fn finalising_takes_every_item_of_the_payable_creators_once_and_locks_the_run() {
    let mut b = Books::new();
    let anna = b.paypal("Anna");
    let cleo = b.paypal("Cleo");
    let lines = [b.line(anna, 3_000, "2026-10-01"), b.line(anna, -500, "2026-10-02")];
    b.line(cleo, 1_000, "2026-10-01");
    let adjustment = add_adjustment(&mut b.ws, anna, 250, "Extra story", day("2026-10-10")).unwrap();
    let id = b.run("2026-10-31").summary.id;
    let run = finalise_run(&mut b.ws, id, day("2026-12-01")).unwrap();
    assert_eq!(run.summary.state, RunState::Finalised);
    assert_eq!(of(&run, anna).payable_minor, 2_750);
    let taken: Vec<i64> = {
        let mut s = b.ws.conn().prepare("SELECT commission_line_id FROM payout_items WHERE commission_line_id IS NOT NULL ORDER BY 1").unwrap();
        s.query_map([], |r| r.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap()
    };
    assert_eq!(taken, lines, "Anna's lines, not Cleo's carried one");
    assert_eq!(b.one::<i64>(&format!("SELECT count(*) FROM payout_items WHERE adjustment_id = {}", adjustment.id)), 1);

    // The schema refuses every change to a finalised run, whoever writes.
    for sql in [
        format!("UPDATE payout_runs SET cutoff = '2026-11-30' WHERE id = {id}"),
        format!("DELETE FROM payout_runs WHERE id = {id}"),
        format!("UPDATE payout_creators SET payable_minor = 1 WHERE run_id = {id}"),
        format!("DELETE FROM payout_creators WHERE run_id = {id}"),
        format!("UPDATE payout_items SET amount_minor = 1 WHERE run_id = {id}"),
        format!("DELETE FROM payout_items WHERE run_id = {id}"),
    ] {
        assert!(b.ws.conn().execute_batch(&sql).is_err(), "the schema allowed: {sql}");
    }
    assert_eq!(code_of(finalise_run(&mut b.ws, id, day("2026-12-01"))), "payout_run_finalised");
    assert_eq!(code_of(discard_draft(&mut b.ws, id)), "payout_run_finalised");

    // A finalised run takes nothing more, even an item no run has taken.
    let late = add_adjustment(&mut b.ws, anna, 100, "Late bonus", day("2026-10-11")).unwrap();
    let more = b.ws.conn().execute(
        "INSERT INTO payout_items (run_id, creator_id, adjustment_id, amount_minor, vat_minor, carried) VALUES (?1, ?2, ?3, 100, 0, 0)",
        params![id, anna, late.id],
    );
    assert!(more.unwrap_err().to_string().contains("takes nothing more"));

    // A second run cannot take the same line, fee or adjustment, whoever writes.
    let next = b.run("2026-11-30");
    assert!(next.creators.iter().all(|c| c.commissions_minor == 0 || c.creator_id != anna), "Anna's lines wait for their payment, they are not eligible again");
    let draft = next.summary.id;
    b.sql(&format!(
        "INSERT OR IGNORE INTO payout_creators (run_id, creator_id, name, outcome, commissions_minor, fees_minor, adjustments_minor, carried_in_minor, payable_minor, carried_out_minor, items)
         VALUES ({draft}, {anna}, 'Anna', 'payable', 0, 0, 0, 0, 0, 0, 0)"
    ));
    for (column, taken) in [("commission_line_id", lines[0]), ("adjustment_id", adjustment.id)] {
        let twice = b.ws.conn().execute(
            &format!("INSERT INTO payout_items (run_id, creator_id, {column}, amount_minor, vat_minor, carried) VALUES (?1, ?2, ?3, 1, 0, 0)"),
            params![draft, anna, taken],
        );
        assert!(twice.unwrap_err().to_string().contains("UNIQUE"), "{column} taken twice");
    }
}

#[test]
fn a_draft_that_no_longer_matches_the_ledger_is_computed_again_not_finalised() {
    let mut b = Books::new();
    let anna = b.paypal("Anna");
    b.line(anna, 3_000, "2026-10-01");
    let id = b.run("2026-10-31").summary.id;
    b.line(anna, 1_000, "2026-10-05"); // booked after the person looked at the draft
    assert_eq!(code_of(finalise_run(&mut b.ws, id, day("2026-12-01"))), "payout_run_changed");
    let run = load_run(b.ws.conn(), id).unwrap();
    assert_eq!((run.summary.state, of(&run, anna).payable_minor), (RunState::Draft, 4_000));
    assert_eq!(b.one::<i64>("SELECT count(*) FROM payout_items"), 0);
    // A changed payout detail changes the decision too.
    b.sql(&format!("UPDATE creators SET paypal_email = '' WHERE id = {anna}"));
    assert_eq!(code_of(finalise_run(&mut b.ws, id, day("2026-12-01"))), "payout_run_changed");
    assert_eq!(of(&load_run(b.ws.conn(), id).unwrap(), anna).outcome, "blocked");
    // A changed minimum too.
    b.sql(&format!("UPDATE creators SET paypal_email = 'anna@example.com' WHERE id = {anna}"));
    b.run("2026-10-31");
    b.sql("UPDATE workspace_settings SET min_payout_minor = 5000");
    assert_eq!(code_of(finalise_run(&mut b.ws, id, day("2026-12-01"))), "payout_run_changed");
    assert_eq!(of(&load_run(b.ws.conn(), id).unwrap(), anna).outcome, "carried");
}

#[test]
fn cut_off_refusals() {
    let mut b = Books::new();
    let anna = b.paypal("Anna");
    b.line(anna, 3_000, "2026-10-01");
    assert_eq!(code_of(compute_run(&mut b.ws, day("2026-12-02"), day("2026-12-01"))), "payout_cutoff_in_future");
    b.pay("2026-10-31");
    assert_eq!(code_of(compute_run(&mut b.ws, day("2026-10-30"), day("2026-12-01"))), "payout_cutoff_before_last");
    // The same cut-off again is allowed (a second run for what came in late).
    assert!(compute_run(&mut b.ws, day("2026-10-31"), day("2026-12-01")).is_ok());
}

#[test]
fn marking_paid_records_the_payment_and_marks_the_lines_paid_once() {
    let mut b = Books::new();
    let anna = b.paypal("Anna");
    let bram = b.bank("Bram");
    let cleo = b.paypal("Cleo");
    let anna_line = b.line(anna, 3_000, "2026-10-01");
    b.line(bram, 4_000, "2026-10-01");
    b.line(cleo, 100, "2026-10-01");
    let id = b.run("2026-10-31").summary.id;
    assert_eq!(code_of(mark_paid(&mut b.ws, id, None, day("2026-11-02"), "X")), "payout_run_not_finalised");
    finalise_run(&mut b.ws, id, day("2026-12-01")).unwrap();
    assert_eq!(code_of(mark_paid(&mut b.ws, id, Some(anna), day("2026-11-02"), "  ")), "reference_required");
    assert_eq!(code_of(mark_paid(&mut b.ws, id, Some(cleo), day("2026-11-02"), "X")), "payout_creator_not_payable");
    let nobody = b.creator("Nobody");
    assert_eq!(code_of(mark_paid(&mut b.ws, id, Some(nobody), day("2026-11-02"), "X")), "payout_creator_not_in_run");

    let paid = mark_paid(&mut b.ws, id, Some(anna), day("2026-11-02"), "PP-123").unwrap();
    assert_eq!((paid.creators, paid.amount_minor, paid.commission_lines), (1, 3_000, 1));
    let item: i64 = b.one(&format!("SELECT id FROM payout_items WHERE commission_line_id = {anna_line}"));
    assert_eq!(b.one::<i64>(&format!("SELECT payout_line_id FROM commission_lines WHERE id = {anna_line}")), item);
    assert_eq!(code_of(mark_paid(&mut b.ws, id, Some(anna), day("2026-11-02"), "PP-123")), "payout_already_paid");
    // The payment is recorded once: the schema refuses to change it.
    assert!(b.ws.conn().execute_batch(&format!("UPDATE payout_creators SET paid_on = '2026-11-09' WHERE run_id = {id} AND creator_id = {anna}")).is_err());

    // The rest of the run at once: only Bram is left.
    let rest = mark_paid(&mut b.ws, id, None, day("2026-11-03"), "SEPA-7").unwrap();
    assert_eq!((rest.creators, rest.amount_minor), (1, 4_000));
    let run = load_run(b.ws.conn(), id).unwrap();
    assert_eq!((run.summary.paid, run.summary.paid_minor), (2, 7_000));
    assert_eq!(of(&run, bram).paid_reference.as_deref(), Some("SEPA-7"));
    assert_eq!(code_of(mark_paid(&mut b.ws, id, None, day("2026-11-03"), "SEPA-7")), "payout_already_paid");
    // The ledger's totals see the lines as paid.
    assert_eq!(b.one::<i64>("SELECT count(*) FROM commission_lines WHERE payout_line_id IS NOT NULL"), 2);
    // Every money change is in the audit log, with its creator and run.
    assert_eq!(b.one::<i64>(&format!("SELECT count(*) FROM audit_log WHERE run_id = {id} AND action = 'paid'")), 2);
    assert_eq!(b.one::<i64>(&format!("SELECT count(*) FROM audit_log WHERE run_id = {id} AND creator_id = {anna}")), 1);
    assert_eq!(b.one::<i64>(&format!("SELECT count(*) FROM audit_log WHERE run_id = {id} AND action IN ('compute', 'finalise')")), 2);
}

#[test]
fn a_refund_after_payment_is_a_clawback_the_next_run_takes() {
    let mut b = Books::new();
    let anna = b.paypal("Anna");
    b.line(anna, 6_000, "2026-10-01");
    let october = b.pay("2026-10-31");
    assert_eq!(of(&october, anna).payable_minor, 6_000);
    // The order is refunded in November: the ledger books a clawback.
    b.line(anna, -2_000, "2026-11-10");
    b.line(anna, 3_000, "2026-11-12");
    let november = b.run("2026-11-30");
    let a = of(&november, anna);
    assert_eq!((a.commissions_minor, a.carried_in_minor, a.payable_minor), (1_000, 0, 0));
    assert_eq!((a.outcome, a.carried_out_minor), ("carried", 1_000), "1.000 is under the minimum");
    // December: the carried 10.00 comes in as carried in, with a new line.
    let id = november.summary.id;
    finalise_run(&mut b.ws, id, day("2026-12-01")).unwrap();
    b.line(anna, 2_000, "2026-12-01");
    let december = b.run("2026-12-01");
    let a = of(&december, anna);
    assert_eq!((a.commissions_minor, a.carried_in_minor, a.payable_minor), (2_000, 1_000, 3_000));
}

#[test]
fn a_fee_stands_waiting_falling_due_due_and_paid() {
    use crate::payouts::fees::fee_standing;
    let mut b = Books::new();
    let anna = b.paypal("Anna");
    let live = b.paid_collaboration(anna, 40_000, "published", Some("2026-10-20"));
    let waiting = b.paid_collaboration(anna, 15_000, "in_production", None);
    let affiliate: i64 = b.one(&format!("SELECT min(id) FROM collaborations WHERE creator_id = {anna} AND kind = 'affiliate'"));
    let state = |b: &Books, id: i64| fee_standing(b.ws.conn(), id).unwrap();
    assert_eq!(state(&b, live).state, "falls_due");
    assert_eq!(state(&b, waiting).state, "waiting");
    assert_eq!(state(&b, affiliate).state, "none");
    mark_fee_due(&mut b.ws, waiting, "Shot early, approved by mail", day("2026-10-30")).unwrap();
    let w = state(&b, waiting);
    assert_eq!((w.state, w.booked_minor, w.reason.as_deref(), w.note.as_deref()), ("due", 15_000, Some("marked_due"), Some("Shot early, approved by mail")));
    b.pay("2026-10-31");
    let l = state(&b, live);
    assert_eq!((l.state, l.booked_minor, l.due_on.as_deref()), ("paid", 40_000, Some("2026-10-20")));
    assert_eq!(state(&b, waiting).state, "paid");
}

#[test]
fn fees_fall_due_when_every_deliverable_is_live_or_when_a_person_says_so() {
    let mut b = Books::new();
    let anna = b.paypal("Anna");
    let live = b.paid_collaboration(anna, 40_000, "published", Some("2026-10-20"));
    let waiting = b.paid_collaboration(anna, 15_000, "in_production", None);
    let later = b.paid_collaboration(anna, 9_000, "verified", Some("2026-11-20"));
    let run = b.run("2026-10-31");
    let a = of(&run, anna);
    assert_eq!((a.fees_minor, a.payable_minor, a.items), (40_000, 40_000, 1), "the fee due on 20 October; the November one is after the cut-off");
    assert_eq!(b.one::<String>(&format!("SELECT due_on FROM fee_lines WHERE collaboration_id = {live}")), "2026-10-20");
    assert_eq!(b.one::<i64>(&format!("SELECT count(*) FROM fee_lines WHERE collaboration_id = {later}")), 1);
    // Booking again books nothing new.
    b.run("2026-10-31");
    assert_eq!(b.one::<i64>("SELECT count(*) FROM fee_lines"), 2);

    assert_eq!(code_of(mark_fee_due(&mut b.ws, waiting, " ", day("2026-10-30"))), "reason_required");
    assert_eq!(code_of(mark_fee_due(&mut b.ws, live, "again", day("2026-10-30"))), "fee_already_due");
    let affiliate: i64 = b.one(&format!("SELECT min(id) FROM collaborations WHERE creator_id = {anna}"));
    assert_eq!(code_of(mark_fee_due(&mut b.ws, affiliate, "why not", day("2026-10-30"))), "fee_not_paid_collaboration");
    mark_fee_due(&mut b.ws, waiting, "Posted, the link is in the chat", day("2026-10-30")).unwrap();
    let a = of(&b.run("2026-10-31"), anna).clone();
    assert_eq!(a.fees_minor, 55_000);
    assert_eq!(b.one::<String>(&format!("SELECT note FROM fee_lines WHERE collaboration_id = {waiting}")), "Posted, the link is in the chat");
    assert_eq!(b.one::<i64>(&format!("SELECT count(*) FROM audit_log WHERE creator_id = {anna} AND action = 'fee_marked_due'")), 1);

    // A fee changed after it fell due books the difference, taken by the next run.
    let october = a;
    let id = draft_run(b.ws.conn()).unwrap().unwrap();
    finalise_run(&mut b.ws, id, day("2026-12-01")).unwrap();
    mark_paid(&mut b.ws, id, None, day("2026-11-01"), "PP-1").unwrap();
    assert_eq!(october.payable_minor, 55_000);
    b.sql(&format!("UPDATE collaborations SET fee_minor = 35000 WHERE id = {live}"));
    let run = compute_run(&mut b.ws, day("2026-11-30"), day("2026-11-30")).unwrap();
    let a = of(&run, anna);
    assert_eq!(a.fees_minor, 9_000 - 5_000, "the November fee and the 50.00 taken back");
}

#[test]
fn vat_registered_creators_get_vat_on_fees_and_adjustments_not_on_commissions() {
    let mut b = Books::new();
    let anna = b.bank("Anna");
    let rev = b.bank("Rev");
    b.sql(&format!("UPDATE creators SET vat_status = 'registered', vat_number = 'NL123456789B01', vat_rate_bp = 2100 WHERE id = {anna}"));
    b.sql(&format!("UPDATE creators SET vat_status = 'reverse_charge', vat_number = 'BE0123456789' WHERE id = {rev}"));
    b.line(anna, 3_000, "2026-10-01");
    b.paid_collaboration(anna, 10_001, "published", Some("2026-10-02"));
    add_adjustment(&mut b.ws, anna, 1_000, "Bonus", day("2026-10-03")).unwrap();
    b.paid_collaboration(rev, 50_000, "published", Some("2026-10-02"));
    let run = b.run("2026-10-31");
    let a = of(&run, anna);
    // 21 % of 100.01 is 21.0021 → 21.00; of 10.00 → 2.10.
    assert_eq!((a.payable_minor, a.vat_minor, a.to_pay_minor()), (14_001, 2_100 + 210, 16_311));
    assert_eq!((a.vat_status.as_str(), a.vat_number.as_str(), a.vat_rate_bp), ("registered", "NL123456789B01", 2100));
    let r = of(&run, rev);
    assert_eq!((r.vat_status.as_str(), r.vat_minor, r.to_pay_minor()), ("reverse_charge", 0, 50_000));
    assert_eq!(run.summary.to_pay_minor, 16_311 + 50_000);
    let id = run.summary.id;
    finalise_run(&mut b.ws, id, day("2026-12-01")).unwrap();
    assert_eq!(b.one::<i64>(&format!("SELECT sum(vat_minor) FROM payout_items WHERE run_id = {id}")), 2_310);
    assert_eq!(mark_paid(&mut b.ws, id, Some(anna), day("2026-11-02"), "SEPA-1").unwrap().amount_minor, 16_311);
}

#[test]
fn adjustments_need_an_amount_and_a_reason() {
    let mut b = Books::new();
    let anna = b.paypal("Anna");
    match add_adjustment(&mut b.ws, anna, 0, "", day("2026-10-01")) {
        Err(Error::Validation(p)) => assert_eq!(p.iter().map(|p| p.code).collect::<Vec<_>>(), ["adjustment_zero", "reason_required"]),
        other => panic!("{other:?}"),
    }
    assert!(matches!(add_adjustment(&mut b.ws, 9_999, 100, "x", day("2026-10-01")), Err(Error::NotFound { .. })));
    let deduction = add_adjustment(&mut b.ws, anna, -700, "Returned the sample", day("2026-10-01")).unwrap();
    assert_eq!((deduction.amount_minor, deduction.currency.as_str()), (-700, "EUR"));
    assert!(b.ws.conn().execute_batch(&format!("UPDATE payout_adjustments SET amount_minor = 1 WHERE id = {}", deduction.id)).is_err());
    assert!(b.ws.conn().execute_batch(&format!("DELETE FROM payout_adjustments WHERE id = {}", deduction.id)).is_err());
    let audit: String = b.one(&format!("SELECT detail FROM audit_log WHERE entity = 'payout_adjustment' AND creator_id = {anna}"));
    assert!(audit.contains("deduction of -7.00 EUR") && audit.contains("Returned the sample"), "{audit}");
}

// --- Invariants over generated histories ------------------------------------------------

#[derive(Debug, Clone)]
enum Step {
    /// A commission line (negative: a clawback) for creator `c`, approved `hold` days into the month of run `month`.
    Line { c: usize, amount: i64, hold: u32 },
    Adjust { c: usize, amount: i64 },
    /// The creator's PayPal email is removed or given back.
    Details { c: usize, present: bool },
    /// Compute, finalise and mark paid (all or the first payable creator only) the month's run.
    Run { pay_all: bool },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0usize..4, -3_000i64..6_000, 1u32..=40).prop_map(|(c, amount, hold)| Step::Line { c, amount: if amount == 0 { 1 } else { amount }, hold }),
        1 => (0usize..4, -2_000i64..2_000).prop_map(|(c, amount)| Step::Adjust { c, amount: if amount == 0 { -1 } else { amount } }),
        1 => (0usize..4, any::<bool>()).prop_map(|(c, present)| Step::Details { c, present }),
        2 => any::<bool>().prop_map(|pay_all| Step::Run { pay_all }),
    ]
}

/// Every row of every finalised run, to see that none ever changes (payments apart).
fn finalised_rows(b: &Books) -> Vec<String> {
    let mut out = Vec::new();
    for sql in [
        "SELECT r.id || r.state || r.cutoff || r.finalised_at || r.last_commission_line_id FROM payout_runs r WHERE state = 'finalised' ORDER BY id",
        "SELECT c.run_id || ':' || c.creator_id || c.outcome || c.payable_minor || ':' || c.carried_out_minor || ':' || c.items FROM payout_creators c JOIN payout_runs r ON r.id = c.run_id WHERE r.state = 'finalised' ORDER BY 1",
        "SELECT i.id || ':' || i.run_id || ':' || coalesce(i.commission_line_id, '') || coalesce(i.adjustment_id, '') || ':' || i.amount_minor FROM payout_items i ORDER BY i.id",
    ] {
        let mut s = b.ws.conn().prepare(sql).unwrap();
        out.extend(s.query_map([], |r| r.get::<_, String>(0)).unwrap().map(Result::unwrap));
    }
    out
}

/// 160 scenarios in every test run; `PROPTEST_CASES=10000` for the long run.
fn scenarios() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(160)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: scenarios(), ..ProptestConfig::default() })]

    /// For every run and creator, payable + carried out = commissions + fees + adjustments +
    /// carried in; no item is ever taken twice; a finalised run never changes; and what was
    /// paid plus what is still owed is exactly what the ledger says was earned.
    #[test]
    fn runs_conserve_money_and_never_pay_twice(steps in prop::collection::vec(step(), 1..60)) {
        let mut b = Books::new();
        b.sql("UPDATE workspace_settings SET min_payout_minor = 2500");
        let creators: Vec<i64> = ["Anna", "Bram", "Cleo", "Dirk"].iter().map(|n| b.paypal(n)).collect();
        let month_end = ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31", "2026-11-30"];
        let mut month = 0usize;
        let mut before: Vec<String> = Vec::new();
        for s in steps {
            let start = NaiveDate::parse_from_str(month_end[month], "%Y-%m-%d").unwrap().with_day(1).unwrap();
            match s {
                Step::Line { c, amount, hold } => {
                    let hold_until = start + chrono::Days::new(hold as u64 - 1);
                    b.line(creators[c], amount, &hold_until.to_string());
                }
                Step::Adjust { c, amount } => {
                    add_adjustment(&mut b.ws, creators[c], amount, "generated", start).unwrap();
                }
                Step::Details { c, present } => {
                    let email = if present { "someone@example.com" } else { "" };
                    b.ws.conn().execute("UPDATE creators SET paypal_email = ?2 WHERE id = ?1", params![creators[c], email]).unwrap();
                }
                Step::Run { pay_all } if month + 1 < month_end.len() => {
                    let cutoff = day(month_end[month]);
                    let run = compute_run(&mut b.ws, cutoff, day("2026-12-01")).unwrap();
                    for c in &run.creators {
                        prop_assert_eq!(c.payable_minor + c.carried_out_minor, c.commissions_minor + c.fees_minor + c.adjustments_minor + c.carried_in_minor);
                        prop_assert!(c.payable_minor == 0 || c.carried_out_minor == 0);
                        prop_assert_eq!(c.outcome == "payable", c.payable_minor >= 2500);
                    }
                    let finalised = finalise_run(&mut b.ws, run.summary.id, day("2026-12-01")).unwrap();
                    let items: i64 = b.one(&format!("SELECT coalesce(sum(amount_minor), 0) FROM payout_items WHERE run_id = {}", run.summary.id));
                    let payable: i64 = finalised.creators.iter().map(|c| c.payable_minor).sum();
                    prop_assert_eq!(items, payable);
                    let first = finalised.creators.iter().find(|c| c.outcome == "payable").map(|c| c.creator_id);
                    if let Some(first) = first {
                        let who = if pay_all { None } else { Some(first) };
                        mark_paid(&mut b.ws, run.summary.id, who, cutoff, "REF").unwrap();
                    }
                    let now = finalised_rows(&b);
                    // Rows only ever get added: every earlier row is still there unchanged.
                    for row in &before {
                        prop_assert!(now.contains(row), "a finalised row changed: {}", row);
                    }
                    before = now;
                    month += 1;
                }
                Step::Run { .. } => {}
            }
        }
        // No item in two runs (the UNIQUE columns), counted rather than trusted.
        let doubles: i64 = b.one("SELECT count(*) FROM (SELECT commission_line_id FROM payout_items WHERE commission_line_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1)");
        prop_assert_eq!(doubles, 0);
        // Paid + waiting for payment + still owed = earned, per creator, to the cent.
        for (i, &c) in creators.iter().enumerate() {
            let paid: i64 = b.one(&format!(
                "SELECT coalesce(sum(i.amount_minor), 0) FROM payout_items i JOIN payout_creators p ON p.run_id = i.run_id AND p.creator_id = i.creator_id WHERE i.creator_id = {c} AND p.paid_on IS NOT NULL"));
            let waiting: i64 = b.one(&format!(
                "SELECT coalesce(sum(i.amount_minor), 0) FROM payout_items i JOIN payout_creators p ON p.run_id = i.run_id AND p.creator_id = i.creator_id WHERE i.creator_id = {c} AND p.paid_on IS NULL"));
            let cutoff = month_end[month];
            let earned: i64 = b.one(&format!(
                "SELECT (SELECT coalesce(sum(amount_minor), 0) FROM commission_lines WHERE creator_id = {c} AND hold_until <= '{cutoff}')
                      + (SELECT coalesce(sum(amount_minor), 0) FROM payout_adjustments WHERE creator_id = {c} AND on_date <= '{cutoff}')"));
            let run = compute_run(&mut b.ws, day(cutoff), day("2026-12-01")).unwrap();
            let owed = run.creators.iter().find(|r| r.creator_id == c).map(|r| r.payable_minor + r.carried_out_minor).unwrap_or(0);
            prop_assert_eq!(paid + waiting + owed, earned, "creator {}", i);
            // The ledger's paid lines are exactly the paid items' commission lines.
            let ledger_paid: i64 = b.one(&format!("SELECT coalesce(sum(amount_minor), 0) FROM commission_lines WHERE creator_id = {c} AND payout_line_id IS NOT NULL"));
            let items_paid: i64 = b.one(&format!(
                "SELECT coalesce(sum(i.amount_minor), 0) FROM payout_items i JOIN payout_creators p ON p.run_id = i.run_id AND p.creator_id = i.creator_id WHERE i.creator_id = {c} AND p.paid_on IS NOT NULL AND i.commission_line_id IS NOT NULL"));
            prop_assert_eq!(ledger_paid, items_paid);
        }
    }
}

use chrono::Datelike;
