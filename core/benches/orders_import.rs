//! Shop orders into a workspace at agency scale: a workspace of 100,000 creators and 20,000
//! affiliate collaborations with codes; a Shopify export of 1,000,000 orders (about 1.6M rows
//! in the real 79-column layout: codes of one creator, of two, codes nobody holds, refunds,
//! cancellations, USD) imported with attribution and commissions, then the same file again,
//! then a later export (refunds and cancellations moved on). Prints orders/s against the
//! issue's targets and the import's CPU time beside the floor: the same rows inserted into a
//! bare table (one TEXT column per header) with one prepared statement in one transaction, on
//! a connection set up like a workspace's. Wall time is printed beside CPU time: on a machine
//! others share, the CPU time and the ratio are the figures to trust. A measurement, not a
//! test: it never fails on a miss.
//!
//! `cargo bench -p chorus-core --bench orders_import` runs the full size; `cargo test
//! --all-targets` runs a tiny one (2,000 creators, 400 collaborations, 3,000 orders).
//! `CHORUS_BENCH_ORDERS=N` sets the orders, `CHORUS_BENCH_CREATORS=N` the creators (the
//! collaborations are a fifth of them).

use chorus_core::sales::order_import::{import_orders, OrderImportOptions};
use chorus_core::synthetic::{self, CampaignSpec, Spec};
use chorus_core::synthetic_sales;
use chorus_core::workspace::settings::Settings;
use chorus_core::Workspace;
use std::path::Path;
use std::time::{Duration, Instant};

#[path = "support/bare_sqlite.rs"]
#[allow(dead_code)]
mod bare_sqlite;
use bare_sqlite::{cpu, CPU_KIND};

const IMPORT_PER_S: f64 = 100_000.0;
const REIMPORT_PER_S: f64 = 200_000.0;
const VS_FLOOR: f64 = 3.0;

fn size(var: &str, full: usize, tiny: usize, is_full: bool) -> usize {
    std::env::var(var).ok().and_then(|v| v.replace(['_', ','], "").parse().ok()).unwrap_or(if is_full { full } else { tiny })
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let orders = size("CHORUS_BENCH_ORDERS", 1_000_000, 3_000, full);
    let creators = size("CHORUS_BENCH_CREATORS", 100_000, 2_000, full);
    let collaborations = creators / 5;
    let judged = full && !cfg!(debug_assertions);
    let temp = tempfile::tempdir().expect("a temporary folder");
    let dir = temp.path();

    // 1. The workspace: creators, campaigns with collaborations, and the codes.
    let started = Instant::now();
    let path = dir.join("bench.chorus");
    let mut ws = Workspace::create(&path, &Settings::new("Groen Skincare", "EUR", "nl-NL")).expect("create the workspace");
    synthetic::generate(&mut ws, &Spec::new(creators)).expect("generate the roster");
    let today = chrono::NaiveDate::from_ymd_opt(2025, 6, 15).expect("a day");
    synthetic::generate_campaigns(&mut ws, &CampaignSpec::new((collaborations / 10).max(1), collaborations, collaborations), today).expect("generate the campaigns");
    let codes = synthetic_sales::give_codes(&mut ws, collaborations).expect("give codes");
    drop(ws);
    println!("orders import bench: {creators} creators, {} collaborations with codes (made in {:.1} s){}", codes.len(), started.elapsed().as_secs_f64(), if full { "" } else { " — the tiny run of cargo test: its figures are not the measurement" });

    // 2. The exports.
    let first = dir.join("orders_export.csv");
    let later = dir.join("orders_export_later.csv");
    let written = synthetic_sales::write_shopify_export(&first, orders, &codes, 0).expect("write the export");
    synthetic_sales::write_shopify_export(&later, orders, &codes, 3).expect("write the later export");
    println!("  export: {} orders, {} rows, {:.0} MB", written.orders, written.rows, written.bytes as f64 / 1e6);

    // 3. Import, again, and the later export.
    let mut ws = Workspace::open(&path).expect("open the workspace");
    // The structure check a handle makes once before its first change (the window makes it
    // in the background as it opens a workspace) is not the import's: made before the clock.
    ws.write(|_| Ok(())).expect("the first write's check");
    let options = OrderImportOptions::default();
    let ((report, wall), cpu_first) = cpu(|| timed(|| import_orders(&mut ws, &first, &options).expect("import")));
    assert_eq!(report.counts.new, orders as u64);
    let a = &report.counts.attribution;
    println!(
        "  attribution: {} attributed, {} to review, {} unattributed; {} commission lines booked",
        a.attributed,
        a.review,
        a.unattributed.values().sum::<u64>(),
        report.booking.lines_added
    );
    let ((again, wall_again), cpu_again) = cpu(|| timed(|| import_orders(&mut ws, &first, &options).expect("import again")));
    assert_eq!(again.counts.unchanged, orders as u64, "the same file again changes nothing");
    let ((moved, wall_moved), cpu_moved) = cpu(|| timed(|| import_orders(&mut ws, &later, &options).expect("import the later export")));
    drop(ws);

    // 4. The floor.
    let (floor_rows, cpu_floor) = cpu(|| floor(&dir.join("floor.sqlite"), &first));
    assert_eq!(floor_rows, written.rows);

    let per_s = |d: Duration| orders as f64 / d.as_secs_f64();
    let verdict = |ok: bool| if !judged { "not judged" } else if ok { "met" } else { "MISSED" };
    println!("  import            {:>7.2} s wall {:>7.2} s CPU  {:>9.0} orders/s  target ≥ {IMPORT_PER_S:.0} ({})", wall.as_secs_f64(), cpu_first.as_secs_f64(), per_s(wall), verdict(per_s(wall) >= IMPORT_PER_S));
    println!("  same file again   {:>7.2} s wall {:>7.2} s CPU  {:>9.0} orders/s  target ≥ {REIMPORT_PER_S:.0} ({})", wall_again.as_secs_f64(), cpu_again.as_secs_f64(), per_s(wall_again), verdict(per_s(wall_again) >= REIMPORT_PER_S));
    println!("  later export      {:>7.2} s wall {:>7.2} s CPU  {:>9.0} orders/s  ({} orders moved forward)", wall_moved.as_secs_f64(), cpu_moved.as_secs_f64(), per_s(wall_moved), moved.counts.changed);
    let ratio = cpu_first.as_secs_f64() / cpu_floor.as_secs_f64();
    println!("  floor: bare table {:>7.2} s CPU ({CPU_KIND}); import / floor = {ratio:.2}×  target ≤ {VS_FLOOR:.0}× ({})", cpu_floor.as_secs_f64(), verdict(ratio <= VS_FLOOR));
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let out = f();
    (out, started.elapsed())
}

/// The export's rows into a bare table of one TEXT column per header, one prepared statement,
/// one transaction; returns the rows inserted.
fn floor(db: &Path, csv: &Path) -> u64 {
    let conn = rusqlite::Connection::open(db).expect("open the floor database");
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;").expect("floor pragmas");
    let bytes = std::fs::read(csv).expect("read the export");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(&bytes[..]);
    let mut record = csv::StringRecord::new();
    reader.read_record(&mut record).expect("the header");
    let columns: Vec<String> = (0..record.len()).map(|i| format!("c{i} TEXT")).collect();
    conn.execute_batch(&format!("CREATE TABLE rows ({})", columns.join(", "))).expect("create the table");
    let marks: Vec<String> = (1..=record.len()).map(|i| format!("?{i}")).collect();
    let tx = conn.unchecked_transaction().expect("begin");
    let mut rows = 0;
    {
        let mut insert = tx.prepare(&format!("INSERT INTO rows VALUES ({})", marks.join(", "))).expect("prepare");
        while reader.read_record(&mut record).expect("the export is CSV") {
            insert.execute(rusqlite::params_from_iter(record.iter())).expect("insert");
            rows += 1;
        }
    }
    tx.commit().expect("commit");
    rows
}
