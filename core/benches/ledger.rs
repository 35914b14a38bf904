//! The commission ledger at import scale: 200,000 orders (by default) of 20,000 affiliate
//! collaborations, four in five attributed, one in twenty in USD, a tenth of the
//! collaborations under a tiered rule and some under first order only, booked in one
//! transaction as the order import books them; then booked again (nothing to book), then a
//! tenth of them refunded and booked (the small-batch path through the batch table). Beside
//! it, the floor: the same number of lines inserted into a bare table of the ledger's columns
//! with one prepared statement. Prints orders/s against the import's whole budget
//! (≥ 100,000 orders/s for the import with attribution and commissions). A measurement, not a
//! test: it never fails on a miss.
//!
//! `cargo bench -p chorus-core --bench ledger` runs the full size; `cargo test --all-targets`
//! a tiny one (2,000 orders). `CHORUS_BENCH_LEDGER_ORDERS=N` sets the size.

use chorus_core::commissions::ledger::book_orders;
use chorus_core::workspace::settings::Settings;
use chorus_core::Workspace;
use std::time::Instant;

const TARGET_ORDERS_PER_S: f64 = 100_000.0;
const COLLABORATIONS: i64 = 20_000;

fn setup(ws: &mut Workspace, n: i64) {
    ws.write(|tx| {
        tx.execute("UPDATE workspace_settings SET prices_include_tax = 1", [])?;
        let mut campaign = tx.prepare("INSERT INTO campaigns (id, name, goal, created_at, updated_at) VALUES (?1, 'Campaign ' || ?1, 'sales', 'now', 'now')")?;
        for id in 1..=200 {
            campaign.execute([id])?;
        }
        tx.execute("INSERT INTO commission_rules (level, owner_id, rule, created_at, updated_at) VALUES ('workspace', NULL, 'percent:1000', 'now', 'now')", [])?;
        let mut creator = tx.prepare("INSERT INTO creators (id, display_name, sort_name, created_at, updated_at) VALUES (?1, 'Creator ' || ?1, 'creator ' || ?1, 'now', 'now')")?;
        let mut collaboration = tx.prepare(
            "INSERT INTO collaborations (id, campaign_id, creator_id, kind, status, last_activity_on, created_at, updated_at) VALUES (?1, ?2, ?1, 'affiliate', 'active', '2026-05-01', 'now', 'now')",
        )?;
        let mut rule = tx.prepare("INSERT INTO commission_rules (level, owner_id, rule, created_at, updated_at) VALUES ('collaboration', ?1, ?2, 'now', 'now')")?;
        for id in 1..=COLLABORATIONS {
            creator.execute([id])?;
            collaboration.execute([id, 1 + id % 200])?;
            match id % 20 {
                0 | 10 => rule.execute(rusqlite::params![id, "tiers:EUR:0=1000,50000=1500,200000=2000"])?,
                5 => rule.execute(rusqlite::params![id, "percent:1500 first_order_only"])?,
                _ => 0,
            };
        }
        let mut rate = tx.prepare("INSERT INTO exchange_rates (on_date, from_currency, to_currency, rate_units, rate_scale, source, created_at) VALUES (date('2026-05-01', '+' || ?1 || ' days'), 'EUR', 'USD', 10163 + ?1, 4, 'ecb', 'now')")?;
        for day in 0..31 {
            rate.execute([day])?;
        }
        let mut order = tx.prepare(
            "INSERT INTO orders (id, source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, discount_minor, shipping_minor, tax_minor,
                 refunded_minor, financial_status, customer_hash, attribution, collaboration_id, attribution_reason, imported_at, updated_at)
             VALUES (?1, 'shopify', '#' || ?1, ?2, ?2, substr(?2, 1, 10), ?3, ?4, 0, 495, ?5, 0, 'paid', ?6, ?7, ?8, ?9, 'now', 'now')",
        )?;
        for i in 0..n {
            let placed = format!("2026-05-{:02}T{:02}:{:02}:{:02}Z", 1 + i % 28, i % 24, i % 60, (i / 60) % 60);
            let subtotal = 2_000 + (i % 97) * 150;
            let collaboration = (i % 5 != 0).then_some(1 + (i * 7919) % COLLABORATIONS);
            let currency = if i % 20 == 0 { "USD" } else { "EUR" };
            order.execute(rusqlite::params![
                i + 1,
                placed,
                currency,
                subtotal,
                subtotal * 21 / 121,
                format!("customer-{}", i % 150_000),
                if collaboration.is_some() { "attributed" } else { "unattributed" },
                collaboration,
                if collaboration.is_some() { "code" } else { "no_code" },
            ])?;
        }
        Ok(())
    })
    .expect("the bench's workspace");
}

/// The floor: `lines` rows of the ledger's columns into a bare table, one prepared statement,
/// one transaction.
fn floor(dir: &std::path::Path, lines: u64) -> f64 {
    let conn = rusqlite::Connection::open(dir.join("floor.sqlite")).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
         CREATE TABLE l (id INTEGER PRIMARY KEY, order_id, collaboration_id, creator_id, kind, reason, amount_minor, currency, base_minor, rule, rule_level,
             explanation, explanation_code, explanation_params, order_currency, order_base_minor, fx_rate_units, fx_rate_scale, fx_on_date, hold_until, created_at);",
    )
    .unwrap();
    let started = Instant::now();
    let tx = conn.unchecked_transaction().unwrap();
    {
        let mut insert = tx.prepare("INSERT INTO l VALUES (NULL, ?1, ?2, ?3, 'commission', 'order', ?4, 'EUR', ?5, 'percent:1000', 'collaboration', ?6, 'percent', ?7, NULL, NULL, NULL, NULL, NULL, '2026-06-01', 'now')").unwrap();
        for i in 0..lines as i64 {
            let explanation = format!("EUR {}.00 subtotal − EUR 3.47 tax = EUR 16.53. 10% of EUR 16.53 = EUR 1.65 (the workspace default: 10% of the base).", 20 + i % 97);
            let params = format!("{{\"base\":{{\"code\":\"base_worked_out\",\"params\":{{\"base\":\"EUR {i}\"}}}},\"commission\":{{\"code\":\"percent\",\"params\":{{\"amount\":\"EUR {i}\"}}}}}}");
            insert.execute(rusqlite::params![i, i % 20_000, i % 20_000, i % 1_000, i % 10_000, explanation, params]).unwrap();
        }
    }
    tx.commit().unwrap();
    started.elapsed().as_secs_f64()
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let n: i64 = std::env::var("CHORUS_BENCH_LEDGER_ORDERS").ok().and_then(|v| v.replace(['_', ','], "").parse().ok()).unwrap_or(if full { 200_000 } else { 2_000 });
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(dir.path().join("ledger.chorus"), &Settings::new("Bench", "EUR", "nl-NL")).unwrap();
    setup(&mut ws, n);
    let ids: Vec<i64> = (1..=n).collect();

    let started = Instant::now();
    let first = ws.write(|tx| book_orders(tx, &ids, "2026-06-01T00:00:00Z")).unwrap();
    let took = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let again = ws.write(|tx| book_orders(tx, &ids, "2026-06-01T00:00:00Z")).unwrap();
    let again_took = started.elapsed().as_secs_f64();

    let refunded: Vec<i64> = ids.iter().copied().filter(|i| i % 10 == 3).collect();
    ws.write(|tx| {
        tx.execute("UPDATE orders SET refunded_minor = 1000, financial_status = 'partially_refunded' WHERE id % 10 = 3", [])?;
        Ok(())
    })
    .unwrap();
    let started = Instant::now();
    let refunds = ws.write(|tx| book_orders(tx, &refunded, "2026-06-02T00:00:00Z")).unwrap();
    let refunds_took = started.elapsed().as_secs_f64();
    assert_eq!(again.lines_added, 0, "booking again books nothing");

    let floor_took = floor(dir.path(), first.lines_added);
    let per_s = n as f64 / took;
    println!("ledger bench: {n} orders, {COLLABORATIONS} collaborations{}", if full { "" } else { " (the tiny run of cargo test: its figures are not the measurement)" });
    println!("  book all           {took:>8.3} s   {per_s:>12.0} orders/s   {} lines, {} waiting; whole import's target ≥ {TARGET_ORDERS_PER_S:.0} orders/s ({})", first.lines_added, first.orders_waiting, if per_s >= TARGET_ORDERS_PER_S { "the ledger alone is within it" } else { "the ledger alone MISSES it" });
    println!("  book again         {again_took:>8.3} s   {:>12.0} orders/s   {} lines", n as f64 / again_took, again.lines_added);
    println!("  {} refunds     {refunds_took:>8.3} s   {:>12.0} orders/s   {} lines (with the later orders of their creators' months)", refunded.len(), refunded.len() as f64 / refunds_took, refunds.lines_added);
    println!("  floor: bare insert {floor_took:>8.3} s   {:>12.0} lines/s      book all / floor = {:.1}×", first.lines_added as f64 / floor_took, took / floor_took);
}
