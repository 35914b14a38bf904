//! The frozen third schema: a workspace as Chorus wrote it at schema version 3 (the demo of
//! 2026-12-02: roster, campaigns, the search index and the filter counts) opens with today's
//! code as users meet it: backed up, migrated in place to the sales schema, every row of every
//! table still there with the values it had, the schema equal to a freshly created one, the
//! sales settings at their defaults with a salt of the file's own, a cancelled collaboration's
//! cancellation time taken from its last change, no order or commission invented, and the
//! campaign screens, Today and the search readable.

use chorus_core::campaigns::{board, today};
use chorus_core::roster;
use chorus_core::workspace::settings::{load_sales_rules, Settings};
use chorus_core::workspace::SCHEMA_VERSION;
use chorus_core::Workspace;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

mod support;
use support::frozen::{rows_by_table, schema_of, tables_and_columns};

const FROZEN_V3: &str = include_str!("fixtures/workspace-v3.sql");

fn frozen_v3_file(dir: &Path) -> PathBuf {
    let path = dir.join("frozen-v3.chorus");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(FROZEN_V3).unwrap();
    drop(conn);
    path
}

#[test]
fn the_frozen_third_schema_opens_with_every_row_and_matches_a_fresh_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = frozen_v3_file(dir.path());
    let (tables, before, cancelled) = {
        let conn = Connection::open(&path).unwrap();
        let tables = tables_and_columns(&conn);
        let rows = rows_by_table(&conn, &tables, &[]);
        let cancelled: Vec<(i64, String)> = conn
            .prepare("SELECT id, updated_at FROM collaborations WHERE status = 'cancelled' ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        (tables, rows, cancelled)
    };
    assert_eq!(before["creators"].len(), 53, "the fixture holds the demo's roster");
    assert!(!cancelled.is_empty(), "the fixture holds a cancelled collaboration");

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

    // The sales schema starts empty and with its defaults.
    let rules = load_sales_rules(ws.conn()).unwrap();
    assert_eq!((rules.attribution_grace_days, rules.commission_hold_days, rules.prices_include_tax), (30, 30, true));
    assert_eq!(rules.customer_salt.len(), 32, "the file gets a salt of its own");
    assert!(rules.customer_salt.chars().all(|c| c.is_ascii_hexdigit()));
    for table in ["orders", "order_lines", "order_codes", "commission_lines", "commission_rules", "exchange_rates", "commission_rejections"] {
        let n: i64 = ws.conn().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0, "{table} starts empty");
    }
    let codes: i64 = ws.conn().query_row("SELECT count(*) FROM collaborations WHERE discount_code <> '' OR discount_code_key <> ''", [], |r| r.get(0)).unwrap();
    assert_eq!(codes, 0, "no discount code is invented for an existing collaboration");
    let cancelled_at: Vec<(i64, String)> = ws
        .conn()
        .prepare("SELECT id, cancelled_at FROM collaborations WHERE cancelled_at IS NOT NULL ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(cancelled_at, cancelled, "only cancelled collaborations get a cancellation time: their last change's");

    // The screens read it: the campaign list, each board, Today and the search.
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let list = board::campaign_list(&ws, day).unwrap();
    assert_eq!(list.len(), 5);
    today::today(&ws, day).unwrap();
    let query = roster::RosterQuery { search: "sanne bak".into(), ..Default::default() };
    let page = roster::list(&ws, &query).unwrap();
    let names: Vec<&str> = page.rows.iter().map(|r| r.display_name.as_str()).collect();
    assert_eq!(names, ["Sanne Bakker"], "the search index answers after the migration");
}

#[test]
fn a_collaboration_cancelled_after_the_migration_records_when_and_a_reopened_one_forgets_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = frozen_v3_file(dir.path());
    let ws = Workspace::open(&path).unwrap();
    let id: i64 = ws.conn().query_row("SELECT id FROM collaborations WHERE status = 'active' ORDER BY id LIMIT 1", [], |r| r.get(0)).unwrap();
    ws.conn().execute("UPDATE collaborations SET status = 'cancelled', updated_at = '2026-12-03T10:00:00Z' WHERE id = ?1", [id]).unwrap();
    let at: Option<String> = ws.conn().query_row("SELECT cancelled_at FROM collaborations WHERE id = ?1", [id], |r| r.get(0)).unwrap();
    assert_eq!(at.as_deref(), Some("2026-12-03T10:00:00Z"));
    ws.conn().execute("UPDATE collaborations SET status = 'active', updated_at = '2026-12-04T10:00:00Z' WHERE id = ?1", [id]).unwrap();
    let at: Option<String> = ws.conn().query_row("SELECT cancelled_at FROM collaborations WHERE id = ?1", [id], |r| r.get(0)).unwrap();
    assert_eq!(at, None);
}

#[test]
fn the_frozen_third_schema_is_backed_up_as_it_was_before_its_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = frozen_v3_file(dir.path());
    drop(Workspace::open(&path).unwrap());
    let backups: Vec<PathBuf> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).filter(|p| p.to_string_lossy().contains(".v3-backup-")).collect();
    assert_eq!(backups.len(), 1, "one backup beside the file: {backups:?}");
    let backup = Connection::open(&backups[0]).unwrap();
    let (version, creators): (i64, i64) =
        backup.query_row("SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM creators)", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!((version, creators), (3, 53), "the backup holds the data as it was");
}
