//! The Sales screen's read side at agency scale: 100,000 creators, 20,000 affiliate
//! collaborations in 200 campaigns, 1,000,000 orders over a year (most attributed, some
//! unattributed with each reason, a few in the review queue) and about a million commission
//! lines (a commission per attributed order, refunds, rejections and paid lines among them).
//! Times a page and its totals for the filters the screen offers, an order's detail, and a
//! creator's and a campaign's sales, each beside its floor: the same SQL statements Chorus ran,
//! replayed on a bare connection (`support/replayed_sql.rs`). The tables are filled with plain
//! SQL, as the order import and the ledger (other branches) would write them. A measurement,
//! not a test: it never fails on a miss.
//!
//! `cargo bench -p chorus-core --bench sales_lists` runs the full size. `cargo test` runs it
//! without `--bench`: a tiny version keeps it compiling and working. `CHORUS_BENCH_DIR=dir`
//! keeps the generated file there instead of a temporary folder.

use chorus_core::commissions::lines_list::{commission_lines, LineFilter, LineStatus};
use chorus_core::sales::order_list::{order_detail, orders_page, AttributionState, OrderFilter, Page};
use chorus_core::sales::summaries::{campaign_sales, creator_sales};
use chorus_core::workspace::settings::Settings;
use chorus_core::Workspace;
use std::time::Instant;

#[path = "support/replayed_sql.rs"]
mod replayed_sql;
#[path = "support/timing_table.rs"]
mod timing_table;
use timing_table::{print, Row};

/// A page with its totals must answer within this (p95, milliseconds).
const PAGE_P95_MS: f64 = 50.0;
const AS_OF: &str = "2026-06-01";

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let (creators, collaborations, orders) = if full { (100_000, 20_000, 1_000_000) } else { (500, 100, 3_000) };
    let runs = if full { 40 } else { 3 };
    let judged = full && !cfg!(debug_assertions);
    let temp = tempfile::tempdir().expect("a temporary folder");
    // CHORUS_BENCH_DIR=dir keeps the file there (for EXPLAIN QUERY PLAN), replacing one left before.
    let dir = std::env::var_os("CHORUS_BENCH_DIR").map(std::path::PathBuf::from).unwrap_or_else(|| temp.path().to_path_buf());
    std::fs::create_dir_all(&dir).expect("the bench folder");
    let path = dir.join("sales.chorus");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.join(format!("sales.chorus{suffix}")));
    }
    let started = Instant::now();
    let ws = Workspace::create(&path, &Settings::new("Bench shop", "EUR", "nl-NL")).expect("create");
    fill(ws.conn(), creators, collaborations, orders);
    drop(ws);
    let ws = Workspace::open(&path).expect("open");
    let conn = ws.conn();
    let one = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).expect(sql) };
    println!();
    println!(
        "Chorus sales lists benchmark ({} build): {creators} creators, {collaborations} collaborations, {} orders, {} commission lines; file {:.0} MB; filled in {:.1} s; {runs} runs each",
        if cfg!(debug_assertions) { "debug" } else { "release" },
        one("SELECT count(*) FROM orders"),
        one("SELECT count(*) FROM commission_lines"),
        std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    let busiest_creator = one("SELECT creator_id FROM commission_lines GROUP BY creator_id ORDER BY count(*) DESC LIMIT 1");
    let busiest_campaign = one("SELECT c.campaign_id FROM orders o JOIN collaborations c ON c.id = o.collaboration_id GROUP BY c.campaign_id ORDER BY count(*) DESC LIMIT 1");
    let some_order = one("SELECT id FROM orders WHERE attribution = 'attributed' ORDER BY id LIMIT 1 OFFSET 10");

    let bare = replayed_sql::open_bare(&path);
    let mut rows = Vec::new();
    let mut measure = |name: &str, target: Option<f64>, view: &dyn Fn() -> String| {
        let (_, statements) = replayed_sql::record(conn, view);
        let (mut times, mut floors) = (Vec::new(), Vec::new());
        let mut what = String::new();
        for _ in 0..runs {
            let t = Instant::now();
            what = view();
            times.push(t.elapsed());
            let t = Instant::now();
            std::hint::black_box(replayed_sql::replay(&bare, &statements));
            floors.push(t.elapsed());
        }
        rows.push(Row::new(name.to_string(), &times, &floors, what, target, judged));
    };
    let page = Page { offset: 0, limit: 50 };
    let orders_of = |filter: OrderFilter| move || {
        let p = orders_page(conn, &filter, page).expect("orders");
        format!("{} of {}", p.rows.len(), p.total)
    };
    measure("orders_page(), newest first", Some(PAGE_P95_MS), &orders_of(OrderFilter::default()));
    measure("orders_page(), page 100", Some(PAGE_P95_MS), &|| {
        let p = orders_page(conn, &OrderFilter::default(), Page { offset: 4_950, limit: 50 }).expect("orders");
        format!("{} of {}", p.rows.len(), p.total)
    });
    measure("orders_page(), unattributed", Some(PAGE_P95_MS), &orders_of(OrderFilter { attribution: Some(AttributionState::Unattributed), ..Default::default() }));
    measure(
        "orders_page(), unattributed: expired",
        Some(PAGE_P95_MS),
        &orders_of(OrderFilter { attribution: Some(AttributionState::Unattributed), reason: Some("expired".into()), ..Default::default() }),
    );
    measure(
        "orders_page(), unattributed: cancelled (rare)",
        Some(PAGE_P95_MS),
        &orders_of(OrderFilter { attribution: Some(AttributionState::Unattributed), reason: Some("cancelled_collaboration".into()), ..Default::default() }),
    );
    measure("orders_page(), review queue", Some(PAGE_P95_MS), &orders_of(OrderFilter { attribution: Some(AttributionState::Review), ..Default::default() }));
    measure("orders_page(), busiest creator", Some(PAGE_P95_MS), &orders_of(OrderFilter { creator_id: Some(busiest_creator), ..Default::default() }));
    measure("orders_page(), busiest campaign", Some(PAGE_P95_MS), &orders_of(OrderFilter { campaign_id: Some(busiest_campaign), ..Default::default() }));
    measure("orders_page(), number 12345…", Some(PAGE_P95_MS), &orders_of(OrderFilter { number: Some("12345".into()), ..Default::default() }));
    measure(
        "orders_page(), one month",
        Some(PAGE_P95_MS),
        &orders_of(OrderFilter { placed_from: Some("2026-03-01".into()), placed_to: Some("2026-03-31".into()), ..Default::default() }),
    );
    measure("order_detail()", Some(PAGE_P95_MS), &|| format!("{} lines", order_detail(conn, some_order, AS_OF).expect("detail").commission_lines.len()));
    let lines_of = |filter: LineFilter| move || {
        let p = commission_lines(conn, &filter, page).expect("lines");
        format!("{} of {}, {} totals", p.rows.len(), p.total, p.totals.len())
    };
    let as_of = || LineFilter { as_of: AS_OF.into(), ..Default::default() };
    measure("commission_lines() + totals, all", Some(PAGE_P95_MS), &lines_of(as_of()));
    measure("commission_lines() + totals, pending", Some(PAGE_P95_MS), &lines_of(LineFilter { status: Some(LineStatus::Pending), ..as_of() }));
    measure("commission_lines() + totals, busiest creator", Some(PAGE_P95_MS), &lines_of(LineFilter { creator_id: Some(busiest_creator), ..as_of() }));
    measure("commission_lines() + totals, busiest campaign", Some(PAGE_P95_MS), &lines_of(LineFilter { campaign_id: Some(busiest_campaign), ..as_of() }));
    measure("creator_sales(), busiest creator", Some(PAGE_P95_MS), &|| format!("{} orders", creator_sales(conn, busiest_creator, AS_OF).expect("sales").orders));
    measure("campaign_sales(), busiest campaign", Some(PAGE_P95_MS), &|| format!("{} orders", campaign_sales(conn, busiest_campaign, AS_OF).expect("sales").summary.orders));
    print(&rows, judged, "sales_lists");
}

/// Fills the workspace with plain SQL: creators, campaigns, collaborations with codes, orders
/// with their attribution and codes, and the ledger's lines. Deterministic.
fn fill(conn: &rusqlite::Connection, creators: i64, collaborations: i64, orders: i64) {
    let now = "2026-06-01T00:00:00Z";
    let campaigns = (collaborations / 100).max(2);
    conn.execute_batch("BEGIN").unwrap();
    let run = |sql: &str, params: &[&dyn rusqlite::ToSql]| conn.execute(sql, params).unwrap_or_else(|e| panic!("{sql}: {e}"));
    run(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
         INSERT INTO creators (id, display_name, sort_name, created_at, updated_at) SELECT i, 'Creator ' || i, 'creator ' || i, ?2, ?2 FROM n",
        &[&creators, &now],
    );
    run(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
         INSERT INTO campaigns (id, name, goal, starts_on, utm_slug, created_at, updated_at) SELECT i, 'Campaign ' || i, 'sales', '2025-06-01', 'c' || i, ?2, ?2 FROM n",
        &[&campaigns, &now],
    );
    run(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
         INSERT INTO collaborations (id, campaign_id, creator_id, kind, status, discount_code, discount_code_key, last_activity_on, created_at, updated_at)
         SELECT i, 1 + i % ?2, 1 + (i * 7) % ?3, 'affiliate', 'active', 'CODE' || i, 'CODE' || i, '2026-01-01', ?4, ?4 FROM n",
        &[&collaborations, &campaigns, &creators, &now],
    );
    // Order i: a day of the year, attributed 3 in 4 (to a skewed choice of collaboration),
    // else unattributed with one of five reasons (one of them rare); 1 in 1,000 in the review queue.
    run(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1),
              o AS (SELECT i, date('2025-06-01', '+' || (i * 365 / ?1) || ' days') AS day, (i * 2654435761) % 1000 AS roll FROM n)
         INSERT INTO orders (id, source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, tax_minor, refunded_minor, financial_status,
                             attribution, collaboration_id, attribution_reason, imported_at, updated_at)
         SELECT i, 'shopify', '#' || (10000 + i), day || ' 12:00:00 +0200', day || 'T10:00:00Z', day, 'EUR', 2000 + (i * 37) % 20000, 0,
                CASE WHEN roll < 30 THEN 1000 ELSE 0 END, 'paid',
                CASE WHEN roll = 999 THEN 'review' WHEN roll < 750 THEN 'attributed' ELSE 'unattributed' END,
                CASE WHEN roll < 750 AND roll <> 999 THEN 1 + ((i * 48271) % ?2) * ((i * 48271) % ?2) / ?2 END,
                CASE WHEN roll = 999 THEN 'two_creators' WHEN roll < 750 THEN 'code' ELSE 'no_code' END, ?3, ?3
         FROM o",
        &[&orders, &collaborations, &now],
    );
    // SQLite has no tuples: pick the reason by the order's number; a cancelled collaboration
    // is rare (a page of them reads far back in time).
    run(
        "UPDATE orders SET attribution_reason = CASE WHEN id % 997 = 7 THEN 'cancelled_collaboration' ELSE CASE id % 4 WHEN 0 THEN 'no_code' WHEN 1 THEN 'unknown_code' WHEN 2 THEN 'expired' ELSE 'not_started' END END
         WHERE attribution = 'unattributed'",
        &[],
    );
    run("INSERT INTO order_codes (order_id, position, code, code_key) SELECT o.id, 0, c.discount_code, c.discount_code_key FROM orders o JOIN collaborations c ON c.id = o.collaboration_id", &[]);
    run("INSERT INTO order_lines (order_id, position, sku, name, quantity, unit_price_minor, total_minor) SELECT id, 0, 'SKU-' || (id % 50), 'Product', 1, subtotal_minor, subtotal_minor FROM orders WHERE id % 4 = 0", &[]);
    // A commission per attributed order, an adjustment for each refunded one.
    let explanation = r#"'{"amount":"EUR ' || printf('%.2f', o.subtotal_minor / 1000.0) || '","base":"EUR ' || printf('%.2f', o.subtotal_minor / 100.0) || '","rate":"10%","rule":"percent:1000","level":"campaign"}'"#;
    run(
        &format!(
            "INSERT INTO commission_lines (order_id, collaboration_id, creator_id, kind, reason, amount_minor, currency, base_minor, rule, rule_level,
                                           explanation, explanation_code, explanation_params, hold_until, created_at)
             SELECT o.id, o.collaboration_id, c.creator_id, 'commission', 'order', (o.subtotal_minor + 5) / 10, 'EUR', o.subtotal_minor, 'percent:1000', 'campaign',
                    'A percent of the base', 'percent', {explanation}, date(o.placed_on, '+30 days'), ?1
             FROM orders o JOIN collaborations c ON c.id = o.collaboration_id ORDER BY o.id"
        ),
        &[&now],
    );
    run(
        "INSERT INTO commission_lines (order_id, collaboration_id, creator_id, kind, reason, amount_minor, currency, base_minor, rule, rule_level,
                                       explanation, explanation_code, explanation_params, hold_until, created_at)
         SELECT o.id, o.collaboration_id, c.creator_id, 'adjustment', 'refund', -100, 'EUR', o.subtotal_minor - 1000, 'percent:1000', 'campaign',
                'A refund', 'percent', '{}', date(o.placed_on, '+30 days'), ?1
         FROM orders o JOIN collaborations c ON c.id = o.collaboration_id WHERE o.refunded_minor > 0 ORDER BY o.id",
        &[&now],
    );
    run("UPDATE commission_lines SET rejected_at = ?1, rejected_reason = 'Staff order' WHERE id % 97 = 0", &[&now]);
    // Paid lines without the runs that paid them (the lists only read the mark): this bench's
    // file alone sets aside the schema-6 rule that a line is paid only by its run's item.
    conn.execute_batch("DROP TRIGGER commission_lines_paid_by_their_item").unwrap();
    run("UPDATE commission_lines SET payout_line_id = id WHERE rejected_at IS NULL AND hold_until < '2026-01-01' AND id % 3 = 0", &[]);
    conn.execute_batch("COMMIT; ANALYZE").unwrap();
}
