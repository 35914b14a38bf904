//! The workspace file on a hostile file system: deleted or replaced while an import runs,
//! damaged pages, another process's long write, errors in SQLite's words. Each test is named
//! after what a user met.

use super::*;
use crate::roster::creators;
use crate::roster::import::{self, ColumnMapping, Progress};
use crate::roster::model::{CreatorDraft, HandleDraft};
use crate::roster::{self, RosterQuery};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

fn settings(brand: &str) -> Settings {
    Settings::new(brand, "EUR", "nl-NL")
}

fn draft(name: &str, handle: &str) -> CreatorDraft {
    CreatorDraft {
        display_name: name.into(),
        handles: vec![HandleDraft { platform: "instagram".into(), handle: handle.into(), followers: "1200".into(), ..Default::default() }],
        ..Default::default()
    }
}

/// A closed workspace at `path` with `n` creators (their WAL folded into the file).
fn workspace_with(path: &Path, brand: &str, n: usize) {
    let mut ws = Workspace::create(path, &settings(brand)).unwrap();
    for i in 0..n {
        creators::create(&mut ws, &draft(&format!("{brand} creator {i}"), &format!("{}{i}", brand.to_lowercase()))).unwrap();
    }
}

fn import_csv(dir: &Path, rows: usize) -> PathBuf {
    let csv = dir.join("creators.csv");
    crate::synthetic::write_import_csv(&csv, rows, 7).unwrap();
    csv
}

/// What a file holds, read by plain SQLite as the next program would: its integrity check and
/// its brand and number of creators.
fn contents(path: &Path) -> (String, String, i64) {
    let conn = Connection::open(path).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    let brand: String = conn.query_row("SELECT brand_name FROM workspace_settings", [], |r| r.get(0)).unwrap();
    let creators: i64 = conn.query_row("SELECT count(*) FROM creators", [], |r| r.get(0)).unwrap();
    (check, brand, creators)
}

fn wal_len(path: &Path) -> u64 {
    std::fs::metadata(opening::wal_file(path)).map(|m| m.len()).unwrap_or(0)
}

/// Runs an import of `csv` into `ws`; once it is half way, `meanwhile` happens to the file.
fn import_while(ws: &mut Workspace, csv: &Path, meanwhile: impl FnOnce()) -> Result<import::ImportReport> {
    let mut meanwhile = Some(meanwhile);
    import::run(ws, csv, &ColumnMapping::default(), &mut |p: Progress| {
        if p.done * 2 > p.total {
            if let Some(happen) = meanwhile.take() {
                happen();
            }
        }
    })
}

#[test]
fn a_workspace_deleted_while_an_import_runs_refuses_to_commit_and_the_next_file_at_its_path_stays_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (path, other) = (dir.path().join("acme.chorus"), dir.path().join("other.chorus"));
    workspace_with(&path, "Acme", 2);
    workspace_with(&other, "Other", 3);
    let csv = import_csv(dir.path(), 2_000);
    let mut ws = Workspace::open(&path).unwrap();
    let result = import_while(&mut ws, &csv, || std::fs::remove_file(&path).unwrap());
    let err = result.expect_err("an import into a deleted file must not report success");
    assert!(matches!(err, Error::Replaced(_)), "{err:?}");
    assert!(err.to_string().contains("moved, deleted or replaced") && err.to_string().contains("acme.chorus"), "{err}");
    assert_eq!(err.kind(), "replaced");
    // The handle is finished with that file: nothing more is written through it.
    let again = creators::create(&mut ws, &draft("Late", "late")).unwrap_err();
    assert!(matches!(again, Error::Replaced(_)), "{again:?}");
    drop(ws);
    // Another workspace copied to the path is exactly itself.
    std::fs::copy(&other, &path).unwrap();
    assert_eq!(contents(&path), ("ok".into(), "Other".into(), 3));
    assert_eq!(Workspace::open(&path).unwrap().info().unwrap().creators, 3);
}

#[test]
fn a_workspace_replaced_while_an_import_runs_refuses_to_commit_and_both_files_stay_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (path, other, moved) = (dir.path().join("acme.chorus"), dir.path().join("other.chorus"), dir.path().join("acme (old).chorus"));
    workspace_with(&path, "Acme", 2);
    workspace_with(&other, "Other", 3);
    let csv = import_csv(dir.path(), 2_000);
    let mut ws = Workspace::open(&path).unwrap();
    let result = import_while(&mut ws, &csv, || {
        std::fs::rename(&path, &moved).unwrap();
        std::fs::copy(&other, &path).unwrap();
    });
    assert!(matches!(result, Err(Error::Replaced(_))), "{result:?}");
    // While the old handle is still around, the new file reads as itself.
    assert_eq!(contents(&path), ("ok".into(), "Other".into(), 3));
    drop(ws);
    assert_eq!(contents(&path), ("ok".into(), "Other".into(), 3));
    assert_eq!(contents(&moved), ("ok".into(), "Acme".into(), 2), "the import was rolled back in the moved file too");
}

#[test]
fn a_handle_whose_file_was_replaced_while_it_was_idle_writes_nothing_and_leaves_no_journal_behind() {
    let dir = tempfile::tempdir().unwrap();
    let (path, other) = (dir.path().join("acme.chorus"), dir.path().join("other.chorus"));
    workspace_with(&path, "Acme", 1);
    workspace_with(&other, "Other", 3);
    let mut app = Workspace::open(&path).unwrap();
    creators::create(&mut app, &draft("Before", "before")).unwrap();
    assert_eq!(wal_len(&path), 0, "the WAL is empty between writes");
    std::fs::remove_file(&path).unwrap();
    std::fs::copy(&other, &path).unwrap();
    let err = app.check_file().unwrap_err();
    assert!(matches!(err, Error::Replaced(_)), "{err:?}");
    assert!(matches!(creators::create(&mut app, &draft("After", "after")), Err(Error::Replaced(_))));
    drop(app);
    assert_eq!(contents(&path), ("ok".into(), "Other".into(), 3));
}

#[test]
fn a_reader_in_the_way_of_emptying_the_wal_does_not_leave_committed_frames_behind_at_close() {
    let dir = tempfile::tempdir().unwrap();
    let (path, other) = (dir.path().join("acme.chorus"), dir.path().join("other.chorus"));
    workspace_with(&path, "Acme", 1);
    workspace_with(&other, "Other", 3);
    let mut writer = Workspace::open(&path).unwrap();
    {
        // Another process reading an older moment while the write commits.
        let reader = Connection::open(&path).unwrap();
        let snapshot = reader.unchecked_transaction().unwrap();
        let _: i64 = snapshot.query_row("SELECT count(*) FROM creators", [], |r| r.get(0)).unwrap();
        creators::create(&mut writer, &draft("During a read", "during")).unwrap();
        assert!(wal_len(&path) > 0, "the reader keeps the frames in the WAL for now");
    }
    drop(writer);
    assert_eq!(wal_len(&path), 0);
    std::fs::remove_file(&path).unwrap();
    std::fs::copy(&other, &path).unwrap();
    assert_eq!(contents(&path), ("ok".into(), "Other".into(), 3));
}

/// Overwrites the leaf pages of the creators table (pages in the middle of the file) with
/// garbage, as a failing disk or a bad copy would.
fn damage_creator_pages(path: &Path) {
    let (page_size, root): (u64, u64) = {
        let conn = Connection::open(path).unwrap();
        (
            conn.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap(),
            conn.query_row("SELECT rootpage FROM sqlite_schema WHERE name = 'creators'", [], |r| r.get(0)).unwrap(),
        )
    };
    let mut bytes = std::fs::read(path).unwrap();
    let page = |n: u64| ((n - 1) * page_size) as usize;
    let at = page(root);
    assert_eq!(bytes[at], 0x05, "the creators table spans several pages");
    let cells = u16::from_be_bytes([bytes[at + 3], bytes[at + 4]]) as usize;
    let mut leaves: Vec<u64> = (0..cells)
        .map(|i| {
            let cell = u16::from_be_bytes([bytes[at + 12 + 2 * i], bytes[at + 13 + 2 * i]]) as usize;
            u32::from_be_bytes(bytes[at + cell..at + cell + 4].try_into().unwrap()) as u64
        })
        .collect();
    leaves.push(u32::from_be_bytes(bytes[at + 8..at + 12].try_into().unwrap()) as u64);
    for leaf in leaves {
        bytes[page(leaf)..page(leaf) + page_size as usize].fill(0xA5);
    }
    std::fs::write(path, bytes).unwrap();
}

/// A digest of the file's bytes and the names in its folder (a digest, so a failure prints a
/// line rather than the whole file).
fn file_digest(dir: &Path, path: &Path) -> (u64, Vec<String>) {
    use std::hash::{Hash, Hasher};
    let mut names: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    std::fs::read(path).unwrap().hash(&mut h);
    (h.finish(), names)
}

#[test]
fn a_workspace_with_a_damaged_page_is_refused_in_plain_words_by_open_list_export_and_import_and_its_bytes_stay() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.chorus");
    workspace_with(&path, "Acme", 300);
    damage_creator_pages(&path);
    let before = file_digest(dir.path(), &path);
    let plain = |e: &Error| {
        let text = e.to_string();
        assert_eq!(e.kind(), "damaged", "{e:?}");
        assert!(text.contains("acme.chorus is damaged") && !text.contains("malformed") && !text.contains("disk image"), "{text}");
    };

    let refused = Workspace::open(&path).unwrap_err();
    plain(&refused);
    let reading = Workspace::open_for_reading(&path).unwrap();
    let listed = roster::list(&reading, &RosterQuery::default()).map_err(|e| e.at(&path)).unwrap_err();
    plain(&listed);
    let exported = crate::roster::export::export_roster(&reading, &RosterQuery::default(), &dir.path().join("out.csv")).map_err(|e| e.at(&path)).unwrap_err();
    plain(&exported);
    drop(reading);
    assert_eq!(file_digest(dir.path(), &path), before, "not a byte changed, no file appeared");

    // The import's own way in: open for writing, then import.
    let csv = import_csv(dir.path(), 5);
    let imported = Workspace::open(&path).and_then(|mut ws| import::run(&mut ws, &csv, &ColumnMapping::default(), &mut |_| {})).unwrap_err();
    plain(&imported);
    let mut after = file_digest(dir.path(), &path);
    after.1.retain(|n| n != "creators.csv");
    assert_eq!(after, before);
}

#[test]
fn damage_a_query_meets_stops_every_later_write_through_that_handle() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.chorus");
    workspace_with(&path, "Acme", 300);
    let mut ws = Workspace::open(&path).unwrap();
    ws.conn().execute_batch("PRAGMA cache_size = 0; PRAGMA shrink_memory;").unwrap();
    damage_creator_pages(&path);
    let seen = roster::list(&ws, &RosterQuery::default()).map_err(|e| ws.noticed(e)).unwrap_err();
    assert_eq!(seen.kind(), "damaged");
    let before = std::fs::read(&path).unwrap();
    let refused = ws.update_settings(&settings("Renamed")).unwrap_err();
    assert_eq!(refused.kind(), "damaged", "{refused:?}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_large_workspace_is_checked_in_the_background_and_its_first_write_waits_for_the_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.chorus");
    workspace_with(&path, "Acme", 300);
    damage_creator_pages(&path);
    let before = std::fs::read(&path).unwrap();
    // Played as a large file: not checked while it opens.
    let mut ws = Workspace::open_with(&path, MIGRATIONS, 0).unwrap();
    ws.start_guard(backups::Place::for_workspace(&path, None), chrono::NaiveDate::from_ymd_opt(2026, 3, 11).unwrap());
    let err = ws.update_settings(&settings("Renamed")).unwrap_err();
    assert_eq!(err.kind(), "damaged", "{err:?}");
    assert!(matches!(ws.backup_outcome(true), BackupOutcome::NotNeeded), "no copy is taken of a damaged file");
    assert!(!dir.path().join("acme backups").exists());
    drop(ws);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_write_waits_for_another_processs_long_write_and_says_so_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.chorus");
    workspace_with(&path, "Acme", 1);
    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE; UPDATE workspace_settings SET brand_name = 'Long import';").unwrap();
    let releases = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(1_800));
        other.execute_batch("COMMIT").unwrap();
    });
    let mut ws = Workspace::open(&path).unwrap();
    let notices = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&notices);
    ws.on_wait(move |waiting| {
        if waiting {
            seen.fetch_add(1, Ordering::SeqCst);
        }
    });
    creators::create(&mut ws, &draft("Waited", "waited")).unwrap();
    releases.join().unwrap();
    assert_eq!(notices.load(Ordering::SeqCst), 1, "one notice, when the wait began");
    assert_eq!(ws.info().unwrap().creators, 2);
}

#[test]
fn a_write_that_waits_past_its_patience_says_busy_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.chorus");
    workspace_with(&path, "Acme", 1);
    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE; UPDATE workspace_settings SET brand_name = 'Long import';").unwrap();
    let mut ws = Workspace::open(&path).unwrap();
    ws.set_patience(Duration::from_millis(1_500));
    let err = creators::create(&mut ws, &draft("Gave up", "gaveup")).unwrap_err();
    assert!(matches!(err, Error::Busy), "{err:?}");
    other.execute_batch("ROLLBACK").unwrap();
    assert_eq!(ws.info().unwrap().creators, 1);
}

#[test]
fn a_workspace_opened_for_reading_refuses_every_write_in_words_and_never_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.chorus");
    workspace_with(&path, "Acme", 1);
    let before = std::fs::read(&path).unwrap();
    let mut ws = Workspace::open_for_reading(&path).unwrap();
    // The handle writes nothing; the file itself can change here (what `info` reports).
    assert!(ws.is_read_only() && !ws.info().unwrap().read_only);
    let err = creators::create(&mut ws, &draft("No", "no")).unwrap_err();
    assert_eq!(err.kind(), "read_only");
    assert!(err.to_string().contains("read-only here: you can look, not change"), "{err}");
    // Not even by going around the door.
    assert!(ws.conn().execute_batch("UPDATE workspace_settings SET brand_name = 'X'").is_err());
    drop(ws);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn sqlites_words_for_a_full_disk_a_read_only_file_and_damage_become_chorus_sentences() {
    let sqlite = |code: i32, words: &str| Error::from(rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), Some(words.into()))).at(Path::new("/work/acme.chorus"));
    for (code, words, kind, sentence) in [
        (rusqlite::ffi::SQLITE_FULL, "database or disk is full", "disk_full", "The disk that holds /work/acme.chorus is full"),
        (rusqlite::ffi::SQLITE_READONLY, "attempt to write a readonly database", "read_only", "/work/acme.chorus is read-only here"),
        (rusqlite::ffi::SQLITE_CORRUPT, "database disk image is malformed", "damaged", "/work/acme.chorus is damaged"),
        (rusqlite::ffi::SQLITE_NOTADB, "file is not a database", "damaged", "/work/acme.chorus is damaged"),
        (rusqlite::ffi::SQLITE_IOERR, "disk I/O error", "database", "Chorus could not finish this with the workspace file"),
    ] {
        let e = sqlite(code, words);
        assert_eq!(e.kind(), kind, "{words}");
        assert!(e.to_string().starts_with(sentence), "{e}");
        assert!(!e.to_string().contains(words), "SQLite's words leaked: {e}");
    }
    let full = Error::io("write", "/work/out.csv", std::io::Error::from(std::io::ErrorKind::StorageFull));
    assert_eq!(full.kind(), "disk_full");
    let denied = Error::io("save", "/work/out.csv", std::io::Error::from_raw_os_error(30));
    assert_eq!(denied.to_string(), "Could not save /work/out.csv: the file, its folder or the disk does not allow it.");
    assert_eq!(denied.params().get("reason").map(String::as_str), Some("not_allowed"));
}
