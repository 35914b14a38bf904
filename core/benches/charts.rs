//! The charts at agency scale: 1,000,000 orders (by default, 80% attributed) of 100,000
//! creators in 50 campaigns, a commission line per order over the last 18 months, and three
//! finalised payout runs of every creator (two paid), in a workspace file. For each chart it
//! times reading the figures beside its floor (the bare GROUP BY over the same rows, on the
//! same file; for the commissions the bare JOIN of lines to orders that the chart's two scans
//! replace, so its ratio is below one), and drawing them as SVG and as a PNG (720 × 360 at
//! 2×), and drawn again from the figures a [`ChartCache`] kept (a resize). Prints ours, the floor and the ratio beside the targets (figures ≤ 2× the floor; each
//! drawing ≤ 100 ms). A measurement, not a test: it never fails on a miss.
//!
//! `cargo bench -p chorus-core --bench charts` runs the full size; `cargo test --all-targets`
//! (or `CHORUS_BENCH_SMOKE=1`) a tiny one (20,000 orders of 2,000 creators).
//! `CHORUS_BENCH_CHART_ORDERS=N` and `CHORUS_BENCH_CHART_CREATORS=N` set the size.

use chorus_core::charts::{chart_of, render_png, render_svg, ChartCache, ChartKind, Style, Theme};
use chorus_core::numbers::Spelling;
use chorus_core::workspace::settings::Settings;
use chorus_core::Workspace;
use chrono::NaiveDate;
use std::time::Instant;

fn size(name: &str, full: i64, tiny: i64, is_full: bool) -> i64 {
    std::env::var(name).ok().and_then(|v| v.replace(['_', ','], "").parse().ok()).unwrap_or(if is_full { full } else { tiny })
}

fn setup(ws: &mut Workspace, orders: i64, creators: i64, today: NaiveDate) {
    let today = today.format("%Y-%m-%d").to_string();
    ws.write(|tx| {
        tx.execute_batch(&format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)
             INSERT INTO campaigns (id, name, goal, created_at, updated_at) SELECT i, 'Campaign ' || i, 'sales', 'now', 'now' FROM n;
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {creators})
             INSERT INTO creators (id, display_name, sort_name, created_at, updated_at) SELECT i, 'Creator ' || i, 'creator ' || i, 'now', 'now' FROM n;
             INSERT INTO collaborations (id, campaign_id, creator_id, kind, status, last_activity_on, created_at, updated_at)
                 SELECT id, 1 + id % 50, id, 'affiliate', 'active', '{today}', 'now', 'now' FROM creators;
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {orders}),
                  o(i, day, collaboration) AS (SELECT i, date('{today}', '-' || (i * 7 % 540) || ' days'), CASE WHEN i % 5 = 0 THEN NULL ELSE 1 + (i * 7919) % {creators} END FROM n)
             INSERT INTO orders (id, source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, refunded_minor, financial_status, attribution, collaboration_id, attribution_reason, imported_at, updated_at)
                 SELECT i, 'shopify', '#' || i, day || 'T10:00:00+01:00', day || 'T09:00:00Z', day, 'EUR', 1000 + i % 20000, CASE WHEN i % 40 = 0 THEN 500 ELSE 0 END,
                        CASE WHEN i % 97 = 0 THEN 'voided' ELSE 'paid' END, CASE WHEN collaboration IS NULL THEN 'unattributed' ELSE 'attributed' END, collaboration, 'code', 'now', 'now'
                   FROM o;
             INSERT INTO commission_lines (order_id, collaboration_id, creator_id, kind, reason, amount_minor, currency, base_minor, rule, rule_level, explanation, explanation_code, hold_until, created_at)
                 SELECT id, collaboration_id, collaboration_id, 'commission', 'order', subtotal_minor / 10, 'EUR', subtotal_minor, 'percent:1000', 'workspace', '10% of the base', 'percent', date(placed_on, '+30 days'), 'now'
                   FROM orders WHERE collaboration_id IS NOT NULL;"
        ))?;
        for run in 1..=3 {
            tx.execute_batch(&format!(
                "INSERT INTO payout_runs (id, state, cutoff, currency, min_payout_minor, created_at, computed_at) VALUES ({run}, 'draft', '{today}', 'EUR', 0, 'now', 'now');
                 INSERT INTO payout_creators (run_id, creator_id, name, outcome, commissions_minor, fees_minor, adjustments_minor, carried_in_minor, payable_minor, vat_minor, carried_out_minor, items)
                     SELECT {run}, id, display_name, CASE WHEN id % 10 = 0 THEN 'carried' ELSE 'payable' END, 1000 + (id * {run}) % 50000, 0, 0, 0,
                            CASE WHEN id % 10 = 0 THEN 0 ELSE 1000 + (id * {run}) % 50000 END, 0, CASE WHEN id % 10 = 0 THEN 1000 + (id * {run}) % 50000 ELSE 0 END, 1 FROM creators;
                 UPDATE payout_runs SET state = 'finalised', finalised_at = 'now' WHERE id = {run};"
            ))?;
            if run < 3 {
                tx.execute(&format!("UPDATE payout_creators SET paid_on = '{today}', paid_reference = 'BENCH', paid_at = 'now' WHERE run_id = {run} AND outcome = 'payable'"), [])?;
            }
        }
        Ok(())
    })
    .expect("the bench's workspace");
}

/// The bare GROUP BY under each chart: the same rows summed, no names, no statuses, no top.
fn floor_sql(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::CommissionsByMonth => {
            "SELECT substr(o.placed_on, 1, 7), sum(l.amount_minor) FROM orders o JOIN commission_lines l ON l.order_id = o.id WHERE o.placed_on >= ?1 GROUP BY 1"
        }
        ChartKind::PayoutsByCreator => "SELECT creator_id, sum(payable_minor) FROM payout_creators WHERE ?1 <> '' GROUP BY creator_id",
        ChartKind::RevenueByCreator | ChartKind::RevenueByCampaign => {
            "SELECT collaboration_id, sum(subtotal_minor - refunded_minor) FROM orders WHERE collaboration_id IS NOT NULL AND ?1 <> '' GROUP BY collaboration_id"
        }
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn timed<T>(mut f: impl FnMut() -> T) -> (f64, T) {
    let started = Instant::now();
    let out = f();
    (started.elapsed().as_secs_f64(), out)
}

fn verdict(ok: bool, full: bool) -> &'static str {
    match (full, ok) {
        (false, _) => "smoke",
        (true, true) => "PASS",
        (true, false) => "MISS",
    }
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench") && std::env::var("CHORUS_BENCH_SMOKE").map_or(true, |v| v != "1");
    let orders = size("CHORUS_BENCH_CHART_ORDERS", 1_000_000, 20_000, full);
    let creators = size("CHORUS_BENCH_CHART_CREATORS", 100_000, 2_000, full);
    let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(dir.path().join("charts.chorus"), &Settings::new("Bench", "EUR", "nl-NL")).unwrap();
    let (setup_took, ()) = timed(|| setup(&mut ws, orders, creators, today));
    println!(
        "charts bench: {orders} orders of {creators} creators, a line per attributed order, 3 payout runs, set up in {setup_took:.1} s{}",
        if full { "" } else { " (the tiny run of cargo test: its figures are not the measurement)" }
    );
    println!("  {:<22} {:>10} {:>10} {:>7}  {:>9} {:>9} {:>9}  result", "chart", "figures", "floor", "ratio", "SVG", "PNG 2×", "kept+PNG");
    let cache = ChartCache::new();
    let style = Style { pixel_ratio: 2, ..Style::new(Theme::Light, Spelling::English) };
    let since = "2026-01-01";
    for kind in ChartKind::ALL {
        let floor = || {
            let mut statement = ws.conn().prepare_cached(floor_sql(kind)).unwrap();
            statement.query_map([since], |r| r.get::<_, i64>(1)).unwrap().count()
        };
        floor();
        let (mut floors, mut ours, mut svgs, mut pngs, mut again) = (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        cache.chart(&ws, kind, today, Spelling::English).unwrap();
        let mut shown = 0;
        for _ in 0..3 {
            floors.push(timed(floor).0);
            let (took, chart) = timed(|| chart_of(&ws, kind, today, Spelling::English).unwrap());
            ours.push(took);
            svgs.push(timed(|| render_svg(&chart, &style).unwrap()).0);
            let (took, png) = timed(|| render_png(&chart, &style).unwrap());
            pngs.push(took);
            shown = png.len();
            // Drawn again (a resize, the other theme) from the figures the window's cache kept.
            again.push(timed(|| render_png(&cache.chart(&ws, kind, today, Spelling::English).unwrap(), &style.sized(640, 360)).unwrap()).0);
        }
        let (ours, floor, svg, png, again) = (median(ours), median(floors), median(svgs), median(pngs), median(again));
        let ratio = ours / floor.max(1e-9);
        let ms = |s: f64| format!("{:.1} ms", s * 1000.0);
        println!(
            "  {:<22} {:>10} {:>10} {:>6.2}×  {:>9} {:>9} {:>9}  figures ≤ 2× floor: {}; drawings ≤ 100 ms: {} ({shown} PNG bytes)",
            kind.as_str(),
            ms(ours),
            ms(floor),
            ratio,
            ms(svg),
            ms(png),
            ms(again),
            verdict(ratio <= 2.0, full),
            verdict(svg <= 0.1 && png <= 0.1, full)
        );
    }
}
