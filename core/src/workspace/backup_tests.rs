//! Rolling backups and restores on temporary files, with the day handed in as a clock would.

use super::*;
use crate::roster::creators;
use crate::roster::model::{CreatorDraft, HandleDraft};
use crate::workspace::settings::Settings;
use crate::workspace::{BackupOutcome, Workspace};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn add(ws: &mut Workspace, name: &str) {
    let draft = CreatorDraft {
        display_name: name.into(),
        handles: vec![HandleDraft { platform: "instagram".into(), handle: name.to_lowercase(), ..Default::default() }],
        ..Default::default()
    };
    creators::create(ws, &draft).unwrap();
}

/// Opens `path` for work on `today`, as the window and the CLI do, and waits for the guard.
fn open_on(path: &Path, chosen: Option<&Path>, today: NaiveDate) -> (Workspace, BackupOutcome) {
    let mut ws = Workspace::open(path).unwrap();
    ws.start_guard(Place::for_workspace(path, chosen), today);
    let outcome = ws.backup_outcome(true);
    (ws, outcome)
}

fn creators_in(path: &Path) -> i64 {
    Connection::open(path).unwrap().query_row("SELECT count(*) FROM creators", [], |r| r.get(0)).unwrap()
}

#[test]
fn a_copy_is_taken_once_a_day_when_a_workspace_opens_for_work_and_the_last_seven_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Studio Zon.chorus");
    drop(Workspace::create(&path, &Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap());
    let place = Place::for_workspace(&path, None);
    assert_eq!(place.folder(), dir.path().join("Studio Zon backups"));
    for d in 1..=10 {
        let (mut ws, outcome) = open_on(&path, None, day(d));
        let BackupOutcome::Taken { copy } = outcome else { panic!("day {d}: {outcome:?}") };
        assert_eq!(copy.day, format!("2026-03-{d:02}"));
        add(&mut ws, &format!("Creator{d}"));
        // Opened again the same day: no second copy.
        drop(ws);
        let (_, again) = open_on(&path, None, day(d));
        assert!(matches!(again, BackupOutcome::NotNeeded), "{again:?}");
    }
    let copies = place.copies();
    let days: Vec<&str> = copies.iter().map(|c| c.day.as_str()).collect();
    assert_eq!(days, ["2026-03-10", "2026-03-09", "2026-03-08", "2026-03-07", "2026-03-06", "2026-03-05", "2026-03-04"]);
    // Each copy holds the workspace as it was when that day began.
    assert_eq!(creators_in(&copies[0].path), 9);
    assert_eq!(creators_in(&copies[6].path), 3);
    let leftovers: Vec<_> = std::fs::read_dir(place.folder()).unwrap().map(|e| e.unwrap().file_name()).filter(|n| n.to_string_lossy().ends_with(".tmp")).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn rotation_touches_nothing_but_its_own_copies() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zon.chorus");
    drop(Workspace::create(&path, &Settings::new("Zon", "EUR", "nl-NL")).unwrap());
    let folder = Place::for_workspace(&path, None).folder().to_path_buf();
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("my notes.txt"), "keep me").unwrap();
    std::fs::write(folder.join("zon important.chorus"), "keep me too").unwrap();
    for d in 1..=9 {
        open_on(&path, None, day(d));
    }
    assert_eq!(std::fs::read(folder.join("my notes.txt")).unwrap(), b"keep me");
    assert_eq!(std::fs::read(folder.join("zon important.chorus")).unwrap(), b"keep me too");
    assert_eq!(Place::for_workspace(&path, None).copies().len(), KEEP);
}

#[test]
fn two_workspaces_of_one_name_keep_their_own_copies_in_a_chosen_folder() {
    let dir = tempfile::tempdir().unwrap();
    let chosen = dir.path().join("Backups");
    let (a, b) = (dir.path().join("a/acme.chorus"), dir.path().join("b/acme.chorus"));
    for (path, brand) in [(&a, "Acme A"), (&b, "Acme B")] {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        drop(Workspace::create(path, &Settings::new(brand, "EUR", "nl-NL")).unwrap());
    }
    for d in 1..=8 {
        open_on(&a, Some(&chosen), day(d));
    }
    open_on(&b, Some(&chosen), day(9));
    let (pa, pb) = (Place::for_workspace(&a, Some(&chosen)), Place::for_workspace(&b, Some(&chosen)));
    assert_ne!(pa.folder(), pb.folder());
    assert!(pa.folder().starts_with(&chosen) && pa.folder().file_name().unwrap().to_string_lossy().starts_with("acme backups ("));
    assert_eq!((pa.copies().len(), pb.copies().len()), (KEEP, 1));
    assert!(!a.parent().unwrap().join("acme backups").exists(), "nothing beside the file when a folder is chosen");
    let brand: String = Connection::open(&pb.latest().unwrap().path).unwrap().query_row("SELECT brand_name FROM workspace_settings", [], |r| r.get(0)).unwrap();
    assert_eq!(brand, "Acme B");
}

#[test]
fn a_restore_puts_the_copy_back_and_keeps_the_replaced_file_aside_under_a_clear_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zon.chorus");
    drop(Workspace::create(&path, &Settings::new("Zon", "EUR", "nl-NL")).unwrap());
    let (mut ws, outcome) = open_on(&path, None, day(1));
    let BackupOutcome::Taken { copy } = outcome else { panic!("{outcome:?}") };
    add(&mut ws, "Later");
    drop(ws);
    let current = std::fs::read(&path).unwrap();
    let now = day(2).and_hms_opt(9, 30, 0).unwrap();
    let restored = restore(&path, &copy, now).unwrap();
    let aside = restored.kept_aside.clone().unwrap();
    assert_eq!(aside, dir.path().join("zon (before restore 2026-03-02 09.30).chorus"));
    assert_eq!(std::fs::read(&aside).unwrap(), current, "the replaced file, byte for byte");
    assert!(copy.path.exists(), "the copy stays where it was");
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.info().unwrap().creators, 0);
    drop(ws);
    // A second restore in the same minute keeps both earlier files.
    let again = restore(&path, &copy, now).unwrap();
    assert_ne!(again.kept_aside.unwrap(), aside);
    assert!(aside.exists());
}

#[test]
fn a_damaged_copy_is_never_restored_and_nothing_moves() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zon.chorus");
    drop(Workspace::create(&path, &Settings::new("Zon", "EUR", "nl-NL")).unwrap());
    let (_, outcome) = open_on(&path, None, day(1));
    let BackupOutcome::Taken { copy } = outcome else { panic!("{outcome:?}") };
    let mut bytes = std::fs::read(&copy.path).unwrap();
    let len = bytes.len();
    bytes[len / 2..].fill(0x5A);
    std::fs::write(&copy.path, &bytes).unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = restore(&path, &copy, day(2).and_hms_opt(9, 0, 0).unwrap()).unwrap_err();
    assert_eq!(err.kind(), "damaged", "{err:?}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let names: Vec<String> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(!names.iter().any(|n| n.contains("before restore") || n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn a_damaged_workspace_offers_its_latest_backup_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zon.chorus");
    drop(Workspace::create(&path, &Settings::new("Zon", "EUR", "nl-NL")).unwrap());
    open_on(&path, None, day(1));
    let (mut ws, _) = open_on(&path, None, day(3));
    let damaged = rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT), None);
    let err = ws.noticed(damaged.into());
    let params = err.params();
    assert_eq!(params.get("backup_day").map(String::as_str), Some("2026-03-03"));
    assert!(err.to_string().contains("The latest backup copy is from 2026-03-03"), "{err}");
    let choose = Place::for_workspace(&path, None);
    assert_eq!(choose.choose(&path, Some("2026-03-01")).unwrap().day, "2026-03-01");
    assert_eq!(choose.choose(&path, None).unwrap().day, "2026-03-03");
    assert_eq!(choose.choose(&path, Some("2026-03-02")).unwrap_err().kind(), "no_backup");
}

#[test]
fn the_days_first_change_waits_for_the_days_copy_so_the_copy_never_holds_it() {
    // Regression: the copy was taken beside the first write, so a quick import right after
    // opening could land in the copy that was meant to hold the workspace as it was before.
    for attempt in 0..20 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("zon.chorus");
        let mut ws = Workspace::create(&path, &Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
        add(&mut ws, "Before");
        drop(ws);
        let mut ws = Workspace::open(&path).unwrap();
        ws.start_guard(Place::for_workspace(&path, None), day(1));
        add(&mut ws, "FirstChange"); // at once, without waiting for the guard
        let BackupOutcome::Taken { copy } = ws.backup_outcome(true) else { panic!("attempt {attempt}: no copy") };
        assert_eq!(creators_in(&copy.path), 1, "attempt {attempt}: the copy holds the day's first change");
    }
}
