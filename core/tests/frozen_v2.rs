//! The frozen second schema: a workspace as Chorus wrote it at schema version 2 (the roster and
//! the campaigns, a trimmed copy of the demo) opens with today's code as users meet it: backed
//! up, migrated in place, every row of every table still there with the values it had, the
//! schema equal to a freshly created one, and the campaign screens and Today readable.

use chorus_core::campaigns::{board, today};
use chorus_core::workspace::settings::Settings;
use chorus_core::workspace::SCHEMA_VERSION;
use chorus_core::Workspace;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

mod support;
use support::frozen::{rows_by_table, schema_of, tables_and_columns};

const FROZEN_V2: &str = include_str!("fixtures/workspace-v2.sql");

/// Columns a later migration recomputes on purpose, with the reason; every other stored value
/// must come through unchanged.
const RECOMPUTED: &[(&str, &str)] = &[
    // Schema version 3 folds accents and case for sorting ("Émile" before "Zoë"); the test
    // below checks every sort name was stored again.
    ("creators", "sort_name"),
];

fn frozen_v2_file(dir: &Path) -> PathBuf {
    let path = dir.join("frozen-v2.chorus");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(FROZEN_V2).unwrap();
    drop(conn);
    path
}

#[test]
fn the_frozen_second_schema_opens_with_every_row_and_matches_a_fresh_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = frozen_v2_file(dir.path());
    let (tables, before, searchable) = {
        let conn = Connection::open(&path).unwrap();
        let tables = tables_and_columns(&conn);
        let rows = rows_by_table(&conn, &tables, RECOMPUTED);
        let searchable: i64 = conn.query_row("SELECT count(*) FROM creator_search", [], |r| r.get(0)).unwrap();
        (tables, rows, searchable)
    };
    assert!(before["deliverables"].len() > 20 && before["gift_items"].len() > 10 && before["touchpoints"].len() > 10, "the fixture holds campaign data");

    let ws = Workspace::open(&path).unwrap();
    let version: i64 = ws.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let after = rows_by_table(ws.conn(), &tables, RECOMPUTED);
    for (table, rows) in &before {
        assert_eq!(&after[table], rows, "table {table} changed in the migration");
    }
    let searchable_after: i64 = ws.conn().query_row("SELECT count(*) FROM creator_search", [], |r| r.get(0)).unwrap();
    assert_eq!(searchable_after, searchable, "every creator keeps its search document");
    let siobhan: String = ws.conn().query_row("SELECT sort_name FROM creators WHERE display_name = 'Siobhán Kelly'", [], |r| r.get(0)).unwrap();
    assert_eq!(siobhan, "siobhan kelly", "an accented name is sorted with its accents folded");
    let integrity: String = ws.conn().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");

    let fresh = Workspace::in_memory(&Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
    assert_eq!(schema_of(ws.conn()), schema_of(fresh.conn()), "a migrated file has the schema of a new one");

    // The screens read it: the campaign list with its three campaigns, each board, and Today.
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let list = board::campaign_list(&ws, day).unwrap();
    let mut names: Vec<&str> = list.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["Spring Glow — SPF elke dag", "Zon Ambassadors — 6 months", "Zon Bar festival pop-up"]);
    today::today(&ws, day).unwrap();
}

#[test]
fn the_frozen_second_schema_is_backed_up_as_it_was_before_its_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = frozen_v2_file(dir.path());
    drop(Workspace::open(&path).unwrap());
    let backups: Vec<PathBuf> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).filter(|p| p.to_string_lossy().contains(".v2-backup-")).collect();
    assert_eq!(backups.len(), 1, "one backup beside the file: {backups:?}");
    let backup = Connection::open(&backups[0]).unwrap();
    let (version, collaborations): (i64, i64) =
        backup.query_row("SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM collaborations)", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!((version, collaborations), (2, 11), "the backup holds the data as it was");
}
