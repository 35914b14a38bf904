//! The workspace file on a hostile file system, as the `chorus` command meets it: damaged
//! files, checks, backups and restores, another process's long write, a read-only folder (as a
//! person without write permission, via `setpriv`), a read-only disk and a full disk (tiny
//! `tmpfs` mounts in a private mount namespace, via `unshare`). Tests run as root here and in
//! CI, where permissions do not stop root; where this machine does not allow what a test
//! needs (no `unshare`, no mounting), the test says so on stderr and stops, and the error
//! mapping it relies on is covered in the core's tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// `chorus` with its own app folder, so no preference of the person running the tests counts.
fn chorus_in(config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chorus")).args(args).env("CHORUS_DATA_DIR", config).output().expect("run chorus")
}

struct Setup {
    dir: tempfile::TempDir,
    config: PathBuf,
}

impl Setup {
    fn new() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("app config");
        Setup { dir, config }
    }
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    fn run(&self, args: &[&str]) -> Output {
        chorus_in(&self.config, args)
    }
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "chorus {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }
    /// A command that must fail with one line naming the problem; returns that stderr.
    fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(!out.status.success(), "chorus {args:?} should have failed");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("chorus: ") && !err.contains("panicked"), "{err}");
        err
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

const CSV: &str = "name,instagram,instagram_followers\nSanne Bakker,sanne.groen,24000\nDaan Visser,daan.bakt,3100\n";

/// SQLite's and the system's own words, which must never reach a person.
fn assert_plain(text: &str) {
    for words in ["malformed", "disk image", "readonly database", "unable to open", "os error", "SQLITE", "database or disk is full"] {
        assert!(!text.contains(words), "“{words}” in: {text}");
    }
}

/// Overwrites with garbage every page (past the first) that holds `text`, as a failing disk
/// would: pages in the middle of the file, among them the creators table's.
fn damage(path: &Path, text: &str) {
    let mut bytes = std::fs::read(path).unwrap();
    let mut hit = 0;
    for page in bytes[4096..].chunks_mut(4096) {
        if page.windows(text.len()).any(|w| w == text.as_bytes()) {
            page.fill(0xA5);
            hit += 1;
        }
    }
    assert!(hit > 0, "no page holds {text}");
    std::fs::write(path, bytes).unwrap();
}

/// The name of a creator on the roster.
fn some_creator(t: &Setup, ws: &Path) -> String {
    let page: serde_json::Value = serde_json::from_str(&t.ok(&["list", s(ws), "--json", "--limit", "1"])).unwrap();
    page["rows"][0]["display_name"].as_str().unwrap().to_string()
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn commands_that_only_look_never_write_to_the_file_nor_leave_files_beside_it() {
    let t = Setup::new();
    let ws = t.path("zon.chorus");
    t.ok(&["demo", s(&ws)]);
    let before = (std::fs::read(&ws).unwrap(), listing(t.dir.path()));
    for args in [
        vec!["info", s(&ws)],
        vec!["list", s(&ws), "--json"],
        vec!["export", s(&ws)],
        vec!["campaigns", s(&ws)],
        vec!["due", s(&ws)],
        vec!["ics", s(&ws), "--out", "-"],
        vec!["check", s(&ws)],
        vec!["backups", s(&ws)],
    ] {
        t.ok(&args);
        assert_eq!((std::fs::read(&ws).unwrap(), listing(t.dir.path())), before, "chorus {args:?} changed something");
    }
}

#[test]
fn chorus_check_says_a_whole_file_is_whole_and_a_damaged_one_is_damaged_with_exit_status_3() {
    let t = Setup::new();
    let ws = t.path("zon.chorus");
    t.ok(&["demo", s(&ws)]);
    let whole = t.ok(&["check", s(&ws)]);
    assert!(whole.starts_with("zon.chorus: no damage found."), "{whole}");
    let json: serde_json::Value = serde_json::from_str(&t.ok(&["check", s(&ws), "--json"])).unwrap();
    assert_eq!(json["check"]["ok"], true);

    damage(&ws, &some_creator(&t, &ws));
    let before = std::fs::read(&ws).unwrap();
    let out = t.run(&["check", s(&ws)]);
    assert_eq!(out.status.code(), Some(3));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("zon.chorus is damaged: ") && text.contains("No backup copy of it was found"), "{text}");
    assert_plain(&text);
    let out = t.run(&["check", s(&ws), "--json"]);
    assert_eq!(out.status.code(), Some(3));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["check"]["ok"], false);
    assert!(!json["check"]["technical_details"].as_array().unwrap().is_empty());
    assert_eq!(std::fs::read(&ws).unwrap(), before, "a check changes nothing");
}

#[test]
fn a_damaged_workspace_is_refused_by_list_export_and_import_and_the_latest_backup_copy_puts_it_right() {
    let t = Setup::new();
    let (ws, csv) = (t.path("zon.chorus"), t.path("creators.csv"));
    t.ok(&["demo", s(&ws)]);
    std::fs::write(&csv, CSV).unwrap();
    // The first change of the day takes the day's copy first.
    t.ok(&["import", s(&ws), s(&csv)]);
    let backups = t.ok(&["backups", s(&ws)]);
    assert!(backups.contains("zon backups") && backups.lines().count() == 2, "{backups}");
    let good = t.ok(&["list", s(&ws), "--json", "--limit", "500"]);

    damage(&ws, &some_creator(&t, &ws));
    let damaged = std::fs::read(&ws).unwrap();
    for args in [vec!["list", s(&ws), "--limit", "500"], vec!["export", s(&ws)], vec!["import", s(&ws), s(&csv)]] {
        let err = t.fails(&args);
        assert!(err.contains("zon.chorus is damaged") && err.contains("The latest backup copy is from"), "chorus {args:?}: {err}");
        assert!(err.contains("chorus restore"), "says how to put it back: {err}");
        assert_plain(&err);
        assert_eq!(std::fs::read(&ws).unwrap(), damaged, "chorus {args:?} wrote to a damaged file");
    }

    let restored = t.ok(&["restore", s(&ws)]);
    assert!(restored.starts_with(&format!("Restored {} from the backup copy of ", ws.display())), "{restored}");
    let aside: Vec<String> = listing(t.dir.path()).into_iter().filter(|n| n.starts_with("zon (before restore ")).collect();
    assert_eq!(aside.len(), 1, "{:?}", listing(t.dir.path()));
    assert_eq!(std::fs::read(t.path(&aside[0])).unwrap(), damaged, "the damaged file is kept aside, byte for byte");
    // The copy was taken before the import: the demo as it was that morning.
    let page: serde_json::Value = serde_json::from_str(&t.ok(&["list", s(&ws), "--json", "--limit", "500"])).unwrap();
    let before_import: serde_json::Value = serde_json::from_str(&good).unwrap();
    assert_eq!(page["total"].as_i64().unwrap(), before_import["total"].as_i64().unwrap() - 2);
    assert!(t.ok(&["check", s(&ws)]).contains("no damage found"));
}

#[test]
fn restore_names_what_is_missing_in_plain_words() {
    let t = Setup::new();
    let ws = t.path("zon.chorus");
    t.ok(&["new", s(&ws), "--brand", "Zon"]);
    let err = t.fails(&["restore", s(&ws)]);
    assert!(err.contains("There is no backup copy of") && err.contains("zon backups"), "{err}");
    let err = t.fails(&["restore", s(&ws), "--from", "2026-01-01"]);
    assert!(err.contains("There is no backup copy of"), "{err}");
    let err = t.fails(&["restore", s(&ws), "--from", s(&ws)]);
    assert!(err.contains("is the workspace itself"), "{err}");
}

#[test]
fn the_backup_folder_chosen_in_the_app_is_where_the_command_line_keeps_copies_too() {
    let t = Setup::new();
    let (ws, csv, chosen) = (t.path("zon.chorus"), t.path("creators.csv"), t.path("My backups"));
    std::fs::create_dir_all(&t.config).unwrap();
    std::fs::write(t.config.join("preferences.json"), serde_json::json!({ "language": "nl", "backup_folder": chosen }).to_string()).unwrap();
    t.ok(&["new", s(&ws), "--brand", "Zon"]);
    std::fs::write(&csv, CSV).unwrap();
    t.ok(&["import", s(&ws), s(&csv)]);
    assert!(!t.path("zon backups").exists());
    let json: serde_json::Value = serde_json::from_str(&t.ok(&["backups", s(&ws), "--json"])).unwrap();
    assert!(json["folder"].as_str().unwrap().starts_with(s(&chosen)), "{json}");
    assert_eq!(json["copies"].as_array().unwrap().len(), 1);
}

/// Holds the write lock of `path` from this process for `hold`, as another Chorus's long
/// import would; returns once the lock is held.
fn hold_write_lock(path: &Path, hold: std::time::Duration) -> std::thread::JoinHandle<()> {
    let path = path.to_path_buf();
    let (held, is_held) = std::sync::mpsc::channel();
    let thread = std::thread::spawn(move || {
        let mut ws = chorus_core::Workspace::open(&path).unwrap();
        ws.write(|_| {
            held.send(()).unwrap();
            std::thread::sleep(hold);
            Ok(())
        })
        .unwrap();
    });
    is_held.recv().unwrap();
    thread
}

#[test]
fn an_import_waits_for_another_processs_long_write_saying_so_once_and_then_imports() {
    let t = Setup::new();
    let (ws, csv) = (t.path("zon.chorus"), t.path("creators.csv"));
    t.ok(&["new", s(&ws), "--brand", "Zon"]);
    std::fs::write(&csv, CSV).unwrap();
    let other = hold_write_lock(&ws, std::time::Duration::from_secs(3));
    let out = t.run(&["import", s(&ws), s(&csv)]);
    other.join().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{err}");
    assert_eq!(err.matches("Waiting for another Chorus to finish writing to zon.chorus…").count(), 1, "{err}");
    assert!(String::from_utf8(out.stdout).unwrap().contains("2 new"));
}

#[test]
fn an_import_that_waits_longer_than_wait_says_busy_and_imports_nothing() {
    let t = Setup::new();
    let (ws, csv) = (t.path("zon.chorus"), t.path("creators.csv"));
    t.ok(&["new", s(&ws), "--brand", "Zon"]);
    std::fs::write(&csv, CSV).unwrap();
    let other = hold_write_lock(&ws, std::time::Duration::from_secs(4));
    let out = t.run(&["import", s(&ws), s(&csv), "--wait", "2"]);
    other.join().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success() && out.stdout.is_empty(), "{err}");
    assert_eq!(err.lines().collect::<Vec<_>>(), [
        "Waiting for another Chorus to finish writing to zon.chorus…",
        "chorus: The workspace is busy: another Chorus window or command kept writing to it for too long. Nothing was changed; try again when it has finished.",
    ]);
    let info: serde_json::Value = serde_json::from_str(&t.ok(&["info", s(&ws), "--json"])).unwrap();
    assert_eq!(info["creators"], 0);
}

/// Runs `script` with `sh` in a private mount namespace (mounts vanish with it); `None` when
/// this machine does not allow that.
fn in_private_mounts(script: &str, env: &[(&str, &Path)]) -> Option<Output> {
    let probe = Command::new("unshare").args(["-m", "--propagation", "private", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"]).stderr(Stdio::null()).status();
    if !probe.is_ok_and(|s| s.success()) {
        eprintln!("skipped: this machine does not let the test mount a file system (unshare -m and mount are needed)");
        return None;
    }
    let mut cmd = Command::new("unshare");
    cmd.args(["-m", "--propagation", "private", "sh", "-ec", script]).env("C", env!("CARGO_BIN_EXE_chorus"));
    for (name, value) in env {
        cmd.env(name, value);
    }
    Some(cmd.output().unwrap())
}

#[test]
fn a_workspace_on_a_read_only_disk_opens_read_only_in_plain_words_not_as_damaged() {
    let t = Setup::new();
    let (disk, csv) = (t.path("usb stick"), t.path("creators.csv"));
    std::fs::create_dir_all(&disk).unwrap();
    std::fs::write(&csv, CSV).unwrap();
    let script = r#"
        mount -t tmpfs -o size=8m tmpfs "$DISK"
        "$C" demo "$DISK/zon.chorus" > /dev/null
        mount -o remount,ro "$DISK"
        echo "== info";   "$C" info "$DISK/zon.chorus" 2>&1 || echo "exit $?"
        echo "== list";   "$C" list "$DISK/zon.chorus" --limit 3 2>&1 || echo "exit $?"
        echo "== check";  "$C" check "$DISK/zon.chorus" 2>&1 || echo "exit $?"
        echo "== import"; "$C" import "$DISK/zon.chorus" "$CSV" 2>&1 || echo "exit $?"
    "#;
    let Some(out) = in_private_mounts(script, &[("DISK", &disk), ("CSV", &csv), ("CHORUS_DATA_DIR", &t.config)]) else { return };
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{text}{}", String::from_utf8_lossy(&out.stderr));
    let part = |name: &str| text.split(&format!("== {name}\n")).nth(1).unwrap().split("== ").next().unwrap().to_string();
    assert!(part("info").contains("Changes          not allowed here: the file, its folder or the disk is read-only (you can look, not change)"), "{text}");
    assert!(part("list").contains("Creators 1–3 of 53"), "{text}");
    assert!(part("check").contains("no damage found"), "{text}");
    let import = part("import");
    assert!(import.contains("zon.chorus is read-only here: you can look, not change") && import.contains("exit 1"), "{text}");
    assert!(!text.contains("damaged"), "{text}");
    assert_plain(&text);
}

#[test]
fn an_import_onto_a_full_disk_says_the_disk_is_full_and_the_workspace_stays_as_it_was() {
    let t = Setup::new();
    let (disk, csv, chosen) = (t.path("small disk"), t.path("creators.csv"), t.path("backups elsewhere"));
    std::fs::create_dir_all(&disk).unwrap();
    // Enough creators to need more room than the disk has left.
    let mut rows = String::from("name,instagram,instagram_followers,notes\n");
    for i in 0..4000 {
        rows.push_str(&format!("Creator {i},creator.{i},{},{}\n", 1000 + i, "a long note to take room ".repeat(8)));
    }
    std::fs::write(&csv, rows).unwrap();
    std::fs::create_dir_all(&t.config).unwrap();
    std::fs::write(t.config.join("preferences.json"), serde_json::json!({ "language": "en", "backup_folder": chosen }).to_string()).unwrap();
    let script = r#"
        mount -t tmpfs -o size=1m tmpfs "$DISK"
        "$C" new "$DISK/zon.chorus" --brand Zon > /dev/null
        echo "== import"; "$C" import "$DISK/zon.chorus" "$CSV" 2>&1 || echo "exit $?"
        echo "== info"; "$C" info "$DISK/zon.chorus" --json 2>&1 || echo "exit $?"
        echo "== check"; "$C" check "$DISK/zon.chorus" 2>&1 || echo "exit $?"
    "#;
    let Some(out) = in_private_mounts(script, &[("DISK", &disk), ("CSV", &csv), ("CHORUS_DATA_DIR", &t.config)]) else { return };
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{text}{}", String::from_utf8_lossy(&out.stderr));
    let part = |name: &str| text.split(&format!("== {name}\n")).nth(1).unwrap().split("== ").next().unwrap().to_string();
    let import = part("import");
    assert!(import.contains(&format!("The disk that holds {}/zon.chorus is full, so nothing was changed.", disk.display())) && import.contains("exit 1"), "{text}");
    assert!(part("info").contains("\"creators\": 0"), "{text}");
    assert!(part("check").contains("no damage found"), "{text}");
    assert_plain(&text);
}

#[test]
fn a_workspace_in_a_folder_the_person_may_not_change_opens_read_only_in_plain_words() {
    let t = Setup::new();
    let (folder, csv) = (t.path("shared"), t.path("creators.csv"));
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(&csv, CSV).unwrap();
    let (ws, writable) = (folder.join("zon.chorus"), folder.join("open to all.chorus"));
    t.ok(&["demo", s(&ws)]);
    std::fs::copy(&ws, &writable).unwrap();
    // Root is never refused, so the commands run as an unprivileged person: the binary and
    // the folders must be theirs to read.
    let bin = t.path("chorus");
    std::fs::copy(env!("CARGO_BIN_EXE_chorus"), &bin).unwrap();
    use std::os::unix::fs::PermissionsExt;
    for (path, mode) in [(t.dir.path(), 0o755), (folder.as_path(), 0o755), (ws.as_path(), 0o644), (writable.as_path(), 0o666), (csv.as_path(), 0o644)] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    let as_nobody = |args: &[&str]| Command::new("setpriv").args(["--reuid=65534", "--regid=65534", "--clear-groups"]).arg(&bin).args(args).env("CHORUS_DATA_DIR", t.path("nobody config")).output();
    match as_nobody(&["--version"]) {
        Ok(out) if out.status.success() => {}
        _ => {
            eprintln!("skipped: this machine cannot run a command as an unprivileged user (setpriv)");
            return;
        }
    }
    let before = (std::fs::read(&ws).unwrap(), listing(&folder));
    for file in [&ws, &writable] {
        let info = as_nobody(&["info", s(file)]).unwrap();
        let text = String::from_utf8_lossy(&info.stdout).into_owned() + &String::from_utf8_lossy(&info.stderr);
        assert!(info.status.success() && text.contains("Changes          not allowed here: the file, its folder or the disk is read-only"), "{}: {text}", file.display());
        let import = as_nobody(&["import", s(file), s(&csv)]).unwrap();
        let err = String::from_utf8_lossy(&import.stderr).into_owned();
        assert!(!import.status.success() && err.contains("is read-only here: you can look, not change"), "{}: {err}", file.display());
        assert_plain(&(text + &err));
    }
    assert_eq!((std::fs::read(&ws).unwrap(), listing(&folder)), before);
}
