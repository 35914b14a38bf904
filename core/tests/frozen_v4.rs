//! The frozen fourth schema: a workspace as Chorus wrote it at schema version 4 (the demo of
//! 2026-12-02: roster, campaigns, codes, rules, exchange rates, the shop's imported orders and
//! the commission ledger) opens with today's code as users meet it: backed up, migrated in
//! place to today's schema (5: the order lists' indexes; 6: payouts), every row of every table still there with the
//! values it had, the schema equal to a freshly created one, and the Sales screen's lists (the
//! review queue, the unattributed orders by reason) holding exactly the orders they held, in
//! the same order; a decision on a queued order moves it out of the queue.

use chorus_core::sales::order_list::{orders_page, AttributionState, OrderFilter, Page, REASONS};
use chorus_core::sales::review::{attribute_order, review_candidates};
use chorus_core::workspace::settings::Settings;
use chorus_core::workspace::SCHEMA_VERSION;
use chorus_core::Workspace;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

mod support;
use support::frozen::{rows_by_table, schema_of, tables_and_columns};

const FROZEN_V4: &str = include_str!("fixtures/workspace-v4.sql");

fn frozen_v4_file(dir: &Path) -> PathBuf {
    let path = dir.join("frozen-v4.chorus");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(FROZEN_V4).unwrap();
    drop(conn);
    path
}

/// The ids of the orders in `state` (and with `reason`), newest first, read with plain SQL.
fn ids_in(conn: &Connection, state: &str, reason: Option<&str>) -> Vec<i64> {
    let mut stmt = conn
        .prepare("SELECT id FROM orders WHERE attribution = ?1 AND (?2 IS NULL OR attribution_reason = ?2) ORDER BY placed_at_utc DESC, id DESC")
        .unwrap();
    stmt.query_map(rusqlite::params![state, reason], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

/// The ids the Sales screen lists under `filter`, every page.
fn listed(ws: &Workspace, filter: &OrderFilter) -> (Vec<i64>, u64) {
    let page = orders_page(ws.conn(), filter, Page { offset: 0, limit: 500 }).unwrap();
    (page.rows.iter().map(|r| r.id).collect(), page.total)
}

#[test]
fn the_frozen_fourth_schema_opens_with_every_row_and_its_order_lists_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let path = frozen_v4_file(dir.path());
    let (tables, before, review, unattributed, by_reason) = {
        let conn = Connection::open(&path).unwrap();
        let tables = tables_and_columns(&conn);
        let rows = rows_by_table(&conn, &tables, &[]);
        let by_reason: Vec<(&str, Vec<i64>)> = REASONS.iter().map(|r| (*r, ids_in(&conn, "unattributed", Some(r)))).collect();
        (tables, rows, ids_in(&conn, "review", None), ids_in(&conn, "unattributed", None), by_reason)
    };
    assert!(before["orders"].len() > 100, "the fixture holds the demo's orders");
    assert!(!before["commission_lines"].is_empty(), "the fixture holds the demo's ledger");
    assert!(!review.is_empty(), "the fixture holds an order to review");
    assert!(by_reason.iter().filter(|(_, ids)| !ids.is_empty()).count() >= 3, "the fixture holds unattributed orders of several reasons: {by_reason:?}");

    let ws = Workspace::open(&path).unwrap();
    let version: i64 = ws.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let after = rows_by_table(ws.conn(), &tables, &[]);
    for (table, rows) in &before {
        assert_eq!(&after[table], rows, "table {table} changed in the migration");
    }
    let integrity: String = ws.conn().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    let fresh = Workspace::in_memory(&Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
    assert_eq!(schema_of(ws.conn()), schema_of(fresh.conn()), "a migrated file has the schema of a new one");

    // The lists read the new indexes and hold what they held.
    let queue = OrderFilter { attribution: Some(AttributionState::Review), ..Default::default() };
    assert_eq!(listed(&ws, &queue), (review.clone(), review.len() as u64));
    let unattributed_filter = OrderFilter { attribution: Some(AttributionState::Unattributed), ..Default::default() };
    assert_eq!(listed(&ws, &unattributed_filter), (unattributed.clone(), unattributed.len() as u64));
    for (reason, ids) in &by_reason {
        let filter = OrderFilter { attribution: Some(AttributionState::Unattributed), reason: Some((*reason).to_string()), ..Default::default() };
        assert_eq!(&listed(&ws, &filter), &(ids.clone(), ids.len() as u64), "unattributed, {reason}");
    }
    let page = orders_page(ws.conn(), &OrderFilter::default(), Page::default()).unwrap();
    assert_eq!(page.review_count, review.len() as u64, "the screen's badge");
    drop(ws);

    // A decision on a queued order takes it out of the queue.
    let mut ws = Workspace::open(&path).unwrap();
    let order = review[0];
    let to = review_candidates(ws.conn(), order).unwrap()[0].collaboration_id;
    attribute_order(&mut ws, order, Some(to), "The customer named this creator in the checkout note.", false).unwrap();
    let (left, total) = listed(&ws, &queue);
    assert!(!left.contains(&order));
    assert_eq!(total, review.len() as u64 - 1);
    assert_eq!(orders_page(ws.conn(), &OrderFilter::default(), Page::default()).unwrap().review_count, review.len() as u64 - 1);
}

#[test]
fn the_frozen_fourth_schema_is_backed_up_as_it_was_before_its_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = frozen_v4_file(dir.path());
    let orders: i64 = Connection::open(&path).unwrap().query_row("SELECT count(*) FROM orders", [], |r| r.get(0)).unwrap();
    drop(Workspace::open(&path).unwrap());
    let backups: Vec<PathBuf> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).filter(|p| p.to_string_lossy().contains(".v4-backup-")).collect();
    assert_eq!(backups.len(), 1, "one backup beside the file: {backups:?}");
    let backup = Connection::open(&backups[0]).unwrap();
    let (version, kept): (i64, i64) = backup.query_row("SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM orders)", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!((version, kept), (4, orders), "the backup holds the data as it was");
}
