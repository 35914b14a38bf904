//! Workspace files as users meet them: created, reopened, migrated, refused, shared by two
//! processes. Every refusal must leave the file exactly as it was.

use super::*;
use crate::roster::creators;
use crate::roster::model::{CreatorDraft, HandleDraft};
use std::path::Path;

const FROZEN_V1: &str = include_str!("../../tests/fixtures/workspace-v1.sql");

fn settings() -> Settings {
    Settings::new("Studio Zon", "EUR", "nl-NL")
}

fn draft(name: &str, handle: &str) -> CreatorDraft {
    CreatorDraft {
        display_name: name.into(),
        handles: vec![HandleDraft { platform: "instagram".into(), handle: handle.into(), followers: "1200".into(), ..Default::default() }],
        ..Default::default()
    }
}

/// A digest of the file's bytes and the names of every file in the folder, to prove nothing
/// was touched (a digest, so a failure prints a line rather than the whole file).
fn snapshot(dir: &Path, file: &Path) -> (usize, u64, Vec<String>) {
    use std::hash::{Hash, Hasher};
    let mut names: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    let bytes = std::fs::read(file).unwrap();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    (bytes.len(), h.finish(), names)
}

fn schema_of(conn: &Connection) -> Vec<String> {
    conn.prepare("SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

fn frozen_v1_file(dir: &Path) -> PathBuf {
    let path = dir.join("frozen.chorus");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(FROZEN_V1).unwrap();
    drop(conn);
    path
}

#[test]
fn a_created_workspace_reopens_with_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zon.chorus");
    let mut ws = Workspace::create(&path, &settings()).unwrap();
    creators::create(&mut ws, &draft("Anna", "annafit")).unwrap();
    drop(ws);
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.info().unwrap().creators, 1);
    assert_eq!(ws.settings().unwrap().brand_name, "Studio Zon");
    let mode: String = ws.conn().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
}

/// Issue 8: `chorus info` said "read-only here" of every file, because it opens a file only to
/// look: a handle that writes nothing is not the same as a file that cannot change.
#[test]
fn a_file_opened_to_look_is_read_only_here_only_when_it_cannot_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zon.chorus");
    drop(Workspace::create(&path, &settings()).unwrap());
    let looking = Workspace::open_for_reading(&path).unwrap();
    assert!(looking.is_read_only(), "the handle writes nothing");
    assert!(!looking.info().unwrap().read_only, "but the file can change here");
    drop(looking);
    assert!(!Workspace::open(&path).unwrap().info().unwrap().read_only);
    // A file nobody may write to (root may, so this part needs an ordinary user).
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    if std::fs::OpenOptions::new().write(true).open(&path).is_err() {
        assert!(Workspace::open_for_reading(&path).unwrap().info().unwrap().read_only);
        assert!(Workspace::open(&path).unwrap().info().unwrap().read_only);
    }
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
}

#[test]
fn create_never_overwrites_and_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zon.chorus");
    std::fs::write(&path, b"my precious spreadsheet").unwrap();
    assert!(matches!(Workspace::create(&path, &settings()), Err(Error::AlreadyExists(_))));
    assert_eq!(std::fs::read(&path).unwrap(), b"my precious spreadsheet");
    let other = dir.path().join("new.chorus");
    drop(Workspace::create(&other, &settings()).unwrap());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).filter(|n| n.ends_with(".tmp")).collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn bad_settings_create_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zon.chorus");
    assert!(matches!(Workspace::create(&path, &Settings::new("Zon", "XYZ", "nl-NL")), Err(Error::Validation(_))));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn files_that_are_not_workspaces_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    // Not SQLite at all.
    let text = dir.path().join("notes.chorus");
    std::fs::write(&text, "name;followers\nAnna;1200\n").unwrap();
    let before = snapshot(dir.path(), &text);
    assert!(matches!(Workspace::open(&text), Err(Error::NotSqlite(_))));
    assert_eq!(snapshot(dir.path(), &text), before);
    // Empty.
    let empty = dir.path().join("empty.chorus");
    std::fs::write(&empty, b"").unwrap();
    assert!(matches!(Workspace::open(&empty), Err(Error::NotSqlite(_))));
    assert_eq!(std::fs::read(&empty).unwrap().len(), 0);
    // Another program's SQLite database.
    let foreign = dir.path().join("photos.db");
    Connection::open(&foreign).unwrap().execute_batch("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT); INSERT INTO photos VALUES (1, 'a.jpg');").unwrap();
    let before = snapshot(dir.path(), &foreign);
    let err = Workspace::open(&foreign).unwrap_err();
    assert!(matches!(err, Error::ForeignDatabase(_)), "{err:?}");
    assert!(err.to_string().contains("not a Chorus workspace"));
    assert_eq!(snapshot(dir.path(), &foreign), before, "no byte and no -wal file may appear");
    // Missing.
    assert!(matches!(Workspace::open(dir.path().join("gone.chorus")), Err(Error::WorkspaceMissing(_))));
}

#[test]
fn a_damaged_workspace_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zon.chorus");
    drop(Workspace::create(&path, &settings()).unwrap());
    let mut bytes = std::fs::read(&path).unwrap();
    // Keep the header, scramble the pages after it.
    for b in bytes.iter_mut().skip(100) {
        *b = 0x5A;
    }
    std::fs::write(&path, &bytes).unwrap();
    let before = snapshot(dir.path(), &path);
    let err = Workspace::open(&path).unwrap_err();
    assert!(matches!(err, Error::Damaged { .. } | Error::ForeignDatabase(_)), "{err:?}");
    assert_eq!(snapshot(dir.path(), &path), before);
}

#[test]
fn a_workspace_from_a_newer_chorus_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.chorus");
    drop(Workspace::create(&path, &settings()).unwrap());
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA user_version = 99; PRAGMA journal_mode = DELETE;").unwrap();
    }
    let before = snapshot(dir.path(), &path);
    let err = Workspace::open(&path).unwrap_err();
    assert!(matches!(err, Error::NewerVersion { found: 99, .. }), "{err:?}");
    assert!(err.to_string().contains("newer version of Chorus"));
    assert_eq!(snapshot(dir.path(), &path), before);
}

#[test]
fn the_frozen_first_schema_opens_with_its_data_and_matches_a_fresh_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = frozen_v1_file(dir.path());
    let ws = Workspace::open(&path).unwrap();
    let sanne = creators::get(&ws, 1).unwrap();
    assert_eq!(sanne.display_name, "Sanne Bakker");
    assert_eq!(sanne.handles.len(), 2);
    assert_eq!(sanne.rates.len(), 2);
    assert_eq!(sanne.follower_history.last().unwrap().followers, 33_000);
    assert_eq!(ws.info().unwrap().creators, 2);
    let fresh = Workspace::in_memory(&settings()).unwrap();
    assert_eq!(schema_of(ws.conn()), schema_of(fresh.conn()));
}

#[test]
fn a_migrated_workspace_still_finds_its_creators_in_the_search_box() {
    // Schema version 3 rebuilt the search index without its copy of every document: the
    // documents of an older file must come across, accents and fragments still found.
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&frozen_v1_file(dir.path())).unwrap();
    let found = |text: &str| -> Vec<String> {
        let q = crate::roster::RosterQuery { search: text.into(), ..Default::default() };
        crate::roster::list(&ws, &q).unwrap().rows.into_iter().map(|r| r.display_name).collect()
    };
    assert_eq!(found("groen"), ["Sanne Bakker"]);
    assert_eq!(found("chloe maison"), ["Chloé Dubois"]);
    assert_eq!(found("lifestyle").len(), 2);
    let copies: i64 = ws.conn().query_row("SELECT count(*) FROM sqlite_schema WHERE name = 'creator_search_content'", [], |r| r.get(0)).unwrap();
    assert_eq!(copies, 0, "the index keeps no second copy of the documents");
}

#[test]
fn a_migration_backs_up_first_and_keeps_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = frozen_v1_file(dir.path());
    let next = "ALTER TABLE creators ADD COLUMN pronouns TEXT NOT NULL DEFAULT '';";
    let mut all = MIGRATIONS.to_vec();
    all.push(next);
    let ws = Workspace::open_with(&path, &all, integrity::CHECK_WHILE_OPENING_BYTES).unwrap();
    let version: i64 = ws.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, all.len() as i64);
    assert_eq!(ws.info().unwrap().creators, 2);
    let backups: Vec<PathBuf> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).filter(|p| p.to_string_lossy().contains(".v1-backup-")).collect();
    assert_eq!(backups.len(), 1, "one backup beside the file");
    let backup = Connection::open(&backups[0]).unwrap();
    let (version, creators): (i64, i64) =
        backup.query_row("SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM creators)", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!((version, creators), (1, 2), "the backup holds the data as it was");
}

#[test]
fn a_failing_migration_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = frozen_v1_file(dir.path());
    let broken = "ALTER TABLE creators ADD COLUMN pronouns TEXT; CREATE TABLE creators (id INTEGER);";
    let mut all = MIGRATIONS.to_vec();
    all.push(broken);
    assert!(Workspace::open_with(&path, &all, integrity::CHECK_WHILE_OPENING_BYTES).is_err());
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, 1, "not even the good migrations before the broken one stay applied");
    let has_column: bool = conn.query_row("SELECT count(*) > 0 FROM pragma_table_info('creators') WHERE name = 'pronouns'", [], |r| r.get(0)).unwrap();
    assert!(!has_column, "the half-applied migration was rolled back");
    let campaigns: bool = conn.query_row("SELECT count(*) > 0 FROM sqlite_schema WHERE name = 'campaigns'", [], |r| r.get(0)).unwrap();
    assert!(!campaigns);
    drop(conn);
    assert_eq!(Workspace::open(&path).unwrap().info().unwrap().creators, 2);
}

#[test]
fn two_connections_writing_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.chorus");
    drop(Workspace::create(&path, &settings()).unwrap());
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut ws = Workspace::open(&path).unwrap();
                for i in 0..150 {
                    creators::create(&mut ws, &draft(&format!("Writer {w} creator {i}"), &format!("w{w}c{i}"))).unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.info().unwrap().creators, 300);
}

#[test]
fn an_older_workspace_sorts_accented_names_as_people_expect_once_migrated() {
    // Before version 3, `sort_name` was only lower case: "chloé dubois" sorted after every
    // name starting with a plain letter after c.
    let dir = tempfile::tempdir().unwrap();
    let path = frozen_v1_file(dir.path());
    let stored: String = Connection::open(&path).unwrap().query_row("SELECT sort_name FROM creators WHERE id = 2", [], |r| r.get(0)).unwrap();
    assert_eq!(stored, "chloé dubois");
    let ws = Workspace::open(&path).unwrap();
    let sort_names: Vec<String> = ws.conn().prepare("SELECT sort_name FROM creators ORDER BY id").unwrap().query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
    assert_eq!(sort_names, vec!["sanne bakker", "chloe dubois"]);
    let page = crate::roster::list(&ws, &crate::roster::RosterQuery { search: "ch".into(), ..Default::default() }).unwrap();
    assert_eq!(page.rows.iter().map(|r| r.display_name.as_str()).collect::<Vec<_>>(), vec!["Chloé Dubois"]);
}
