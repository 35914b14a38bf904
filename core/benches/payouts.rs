//! A payout run at agency scale: 1,000,000 commission lines (by default) of 20,000 creators,
//! half paid by PayPal and half by bank transfer, a few clawbacks and some lines still on hold,
//! in a workspace file. Measures computing the draft (beside its floor: the raw `GROUP BY`
//! over the same lines, on the same file), finalising it (taking every line of the payable
//! creators), marking it paid, and writing its files: the payout sheet as XLSX, the PayPal
//! upload and the SEPA XML, each of 10,000 creators. Prints the figures, the floor and the
//! ratio beside the targets (run ≤ 1 s and ≤ 2× the GROUP BY; each file ≤ 2 s). A
//! measurement, not a test: it never fails on a miss.
//!
//! `cargo bench -p chorus-core --bench payouts` runs the full size; `cargo test --all-targets`
//! a tiny one (20,000 lines of 1,000 creators). `CHORUS_BENCH_PAYOUT_LINES=N` and
//! `CHORUS_BENCH_PAYOUT_CREATORS=N` set the size.

use chorus_core::payouts::export::{paypal_files, run_context, run_sheet, sepa_file};
use chorus_core::payouts::runs::{compute_run, finalise_run, mark_paid};
use chorus_core::payouts::sheet::{sheet_xlsx, SheetLanguage};
use chorus_core::workspace::settings::Settings;
use chorus_core::Workspace;
use chrono::NaiveDate;
use std::time::Instant;

fn size(name: &str, full: i64, tiny: i64, is_full: bool) -> i64 {
    std::env::var(name).ok().and_then(|v| v.replace(['_', ','], "").parse().ok()).unwrap_or(if is_full { full } else { tiny })
}

fn setup(ws: &mut Workspace, lines: i64, creators: i64) {
    ws.write(|tx| {
        tx.execute(
            "UPDATE workspace_settings SET brand_account_holder = 'Bench B.V.', brand_iban = 'NL91ABNA0417164300', min_payout_minor = 2500",
            [],
        )?;
        tx.execute("INSERT INTO campaigns (id, name, goal, created_at, updated_at) VALUES (1, 'Bench', 'sales', 'now', 'now')", [])?;
        let mut creator = tx.prepare(
            "INSERT INTO creators (id, display_name, sort_name, payout_method, paypal_email, iban, account_holder, created_at, updated_at)
             VALUES (?1, 'Creator ' || ?1, 'creator ' || ?1, ?2, ?3, ?4, 'Creator ' || ?1, 'now', 'now')",
        )?;
        let mut collaboration = tx.prepare(
            "INSERT INTO collaborations (id, campaign_id, creator_id, kind, status, last_activity_on, created_at, updated_at) VALUES (?1, 1, ?1, 'affiliate', 'active', '2026-05-01', 'now', 'now')",
        )?;
        for id in 1..=creators {
            let (method, email, iban) = if id % 2 == 0 { ("paypal", format!("creator{id}@example.com"), String::new()) } else { ("bank", String::new(), "NL91ABNA0417164300".to_string()) };
            creator.execute(rusqlite::params![id, method, email, iban])?;
            collaboration.execute([id])?;
        }
        let orders = (lines / 10).max(1);
        let mut order = tx.prepare(
            "INSERT INTO orders (id, source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, financial_status, attribution, collaboration_id, attribution_reason, imported_at, updated_at)
             VALUES (?1, 'shopify', '#' || ?1, '2026-05-03T10:00:00Z', '2026-05-03T10:00:00Z', '2026-05-03', 'EUR', 10000, 'paid', 'attributed', ?2, 'code', 'now', 'now')",
        )?;
        for id in 1..=orders {
            order.execute([id, 1 + id % creators])?;
        }
        let mut line = tx.prepare(
            "INSERT INTO commission_lines (order_id, collaboration_id, creator_id, kind, reason, amount_minor, currency, base_minor, rule, rule_level, explanation, explanation_code, hold_until, created_at)
             VALUES (?1, ?2, ?2, ?3, 'order', ?4, 'EUR', 10000, 'percent:1000', 'workspace', '10% of the base', 'percent', ?5, 'now')",
        )?;
        for i in 0..lines {
            let creator = 1 + (i * 7919) % creators;
            let clawback = i % 50 == 7;
            let amount = if clawback { -(100 + i % 400) } else { 50 + (i * 31) % 1_500 };
            // One line in ten is still on hold at the cut-off.
            let hold = if i % 10 == 9 { "2026-12-15".to_string() } else { format!("2026-11-{:02}", 1 + i % 28) };
            line.execute(rusqlite::params![1 + i % orders, creator, if clawback { "clawback" } else { "commission" }, amount, hold])?;
        }
        Ok(())
    })
    .expect("the bench's workspace");
}

/// The floor: the raw GROUP BY of the run's eligible lines, on the same file.
fn floor(ws: &Workspace, cutoff: &str) -> (f64, i64) {
    let started = Instant::now();
    let mut stmt = ws
        .conn()
        .prepare("SELECT creator_id, sum(amount_minor), count(*) FROM commission_lines WHERE hold_until <= ?1 AND currency = 'EUR' AND payout_line_id IS NULL AND rejected_at IS NULL GROUP BY creator_id")
        .unwrap();
    let groups = stmt.query_map([cutoff], |r| r.get::<_, i64>(1)).unwrap().count() as i64;
    (started.elapsed().as_secs_f64(), groups)
}

fn verdict(took: f64, target: f64, full: bool) -> &'static str {
    match (full, took <= target) {
        (false, _) => "smoke",
        (true, true) => "PASS",
        (true, false) => "MISS",
    }
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let lines = size("CHORUS_BENCH_PAYOUT_LINES", 1_000_000, 20_000, full);
    let creators = size("CHORUS_BENCH_PAYOUT_CREATORS", 20_000, 1_000, full);
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(dir.path().join("payouts.chorus"), &Settings::new("Bench", "EUR", "nl-NL")).unwrap();
    let started = Instant::now();
    setup(&mut ws, lines, creators);
    let setup_took = started.elapsed().as_secs_f64();
    let (cutoff, today) = (NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(), NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());

    // Warm the page cache for both sides alike, then measure each (median of 3).
    floor(&ws, "2026-11-30");
    let mut floors = Vec::new();
    let mut runs = Vec::new();
    let mut run = None;
    for _ in 0..3 {
        floors.push(floor(&ws, "2026-11-30"));
        let started = Instant::now();
        run = Some(compute_run(&mut ws, cutoff, today).unwrap());
        runs.push(started.elapsed().as_secs_f64());
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let mut floor_times: Vec<f64> = floors.iter().map(|f| f.0).collect();
    let floor_took = median(&mut floor_times);
    let run_took = median(&mut runs);
    let run = run.unwrap();
    let id = run.summary.id;

    let started = Instant::now();
    let finalised = finalise_run(&mut ws, id, today).unwrap();
    let finalise_took = started.elapsed().as_secs_f64();
    let taken: i64 = ws.conn().query_row("SELECT count(*) FROM payout_items WHERE run_id = ?1", [id], |r| r.get(0)).unwrap();

    let ctx = run_context(ws.conn(), id).unwrap();
    let started = Instant::now();
    let xlsx = sheet_xlsx(&run_sheet(&ctx, SheetLanguage::English), SheetLanguage::English).unwrap();
    let xlsx_took = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let paypal = paypal_files(&ctx).unwrap();
    let paypal_took = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let at = today.and_hms_opt(9, 0, 0).unwrap();
    let sepa = sepa_file(ws.conn(), &ctx, at, today).unwrap();
    let sepa_took = started.elapsed().as_secs_f64();
    let on_rail = |m: &str| ctx.run.creators.iter().filter(|c| c.outcome == "payable" && c.method == m).count();

    let started = Instant::now();
    let paid = mark_paid(&mut ws, id, None, today, "BENCH-1").unwrap();
    let paid_took = started.elapsed().as_secs_f64();

    println!(
        "payouts bench: {lines} commission lines of {creators} creators, set up in {setup_took:.1} s{}",
        if full { "" } else { " (the tiny run of cargo test: its figures are not the measurement)" }
    );
    println!(
        "  compute the run     {run_took:>8.3} s   {} payable, {} carried, {} blocked   target ≤ 1 s: {}",
        finalised.summary.payable,
        finalised.summary.carried,
        finalised.summary.blocked,
        verdict(run_took, 1.0, full)
    );
    println!(
        "  floor: GROUP BY     {floor_took:>8.3} s   {} creators                run / floor = {:.2}×   target ≤ 2×: {}",
        floors[0].1,
        run_took / floor_took.max(1e-9),
        verdict(run_took / floor_took.max(1e-9), 2.0, full)
    );
    println!("  finalise            {finalise_took:>8.3} s   {taken} items taken");
    println!("  mark paid           {paid_took:>8.3} s   {} creators, {} lines", paid.creators, paid.commission_lines);
    println!("  sheet XLSX          {xlsx_took:>8.3} s   {} rows, {} bytes   target ≤ 2 s: {}", ctx.run.creators.len(), xlsx.len(), verdict(xlsx_took, 2.0, full));
    println!("  PayPal upload       {paypal_took:>8.3} s   {} rows in {} file(s)   target ≤ 2 s: {}", on_rail("paypal"), paypal.len(), verdict(paypal_took, 2.0, full));
    println!("  SEPA XML            {sepa_took:>8.3} s   {} transfers, {} bytes   target ≤ 2 s: {}", on_rail("bank"), sepa.len(), verdict(sepa_took, 2.0, full));
}
