//! The `chorus` command as a script uses it: real processes on temporary files. Every failure
//! must exit non-zero with a clear line on stderr and leave the workspace as it was.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn chorus(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chorus")).args(args).output().expect("run chorus")
}

fn ok(args: &[&str]) -> String {
    let out = chorus(args);
    assert!(out.status.success(), "chorus {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Runs a command that must fail; returns its stderr.
fn fails(args: &[&str]) -> String {
    let out = chorus(args);
    assert!(!out.status.success(), "chorus {args:?} should have failed");
    assert!(out.stdout.is_empty(), "a failure prints nothing on stdout");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("chorus: "), "one clear line: {err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn new_workspace(dir: &Path) -> PathBuf {
    let ws = dir.join("zon.chorus");
    ok(&["new", s(&ws), "--brand", "Studio Zon", "--currency", "EUR", "--locale", "nl-NL"]);
    ws
}

fn count(ws: &Path) -> i64 {
    let info: serde_json::Value = serde_json::from_str(&ok(&["info", s(ws), "--json"])).unwrap();
    info["creators"].as_i64().unwrap()
}

const GOOD_CSV: &str = "name,instagram,instagram_followers,tiktok,tiktok_followers,email,country,niches\n\
Sanne Bakker,sanne.groen,24.000,sannegroen,9000,sanne@example.nl,NL,sustainable fashion; lifestyle\n\
Daan Visser,daan.bakt,3100,,,daan@example.nl,NL,food & drink\n\
Chloé Dubois,chloe.maison,152000,,,,FR,lifestyle\n";

#[test]
fn help_names_every_command() {
    let help = ok(&["--help"]);
    for cmd in ["new", "demo", "info", "import", "export", "list"] {
        assert!(help.contains(cmd), "--help lacks {cmd}: {help}");
    }
}

#[test]
fn new_and_info() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let info: serde_json::Value = serde_json::from_str(&ok(&["info", s(&ws), "--json"])).unwrap();
    assert_eq!(info["brand_name"], "Studio Zon");
    assert_eq!(info["currency"], "EUR");
    assert_eq!(info["creators"], 0);
    let text = ok(&["info", s(&ws)]);
    assert!(text.contains("Studio Zon") && text.contains("EUR"));
}

#[test]
fn new_refuses_to_overwrite_and_bad_settings_create_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let before = std::fs::read(&ws).unwrap();
    let err = fails(&["new", s(&ws), "--brand", "Other"]);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);
    let other = dir.path().join("x.chorus");
    let err = fails(&["new", s(&other), "--brand", "X", "--currency", "EUX"]);
    assert!(err.contains("EUX") && err.contains("currency"), "{err}");
    assert!(!other.exists());
}

#[test]
fn foreign_files_are_refused_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.chorus");
    std::fs::write(&notes, "hello").unwrap();
    let err = fails(&["info", s(&notes)]);
    assert!(err.contains("not a Chorus workspace"), "{err}");
    assert_eq!(err.lines().count(), 1);
    assert_eq!(std::fs::read(&notes).unwrap(), b"hello");
    let err = fails(&["list", s(&dir.path().join("missing.chorus"))]);
    assert!(err.contains("There is no file"), "{err}");
}

#[test]
fn import_list_search_and_import_again() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let csv = dir.path().join("creators.csv");
    std::fs::write(&csv, GOOD_CSV).unwrap();
    let out = ok(&["import", s(&ws), s(&csv)]);
    assert!(out.contains("3 new"), "{out}");
    assert_eq!(count(&ws), 3);

    let page: serde_json::Value = serde_json::from_str(&ok(&["list", s(&ws), "--json", "--sort", "followers", "--desc"])).unwrap();
    assert_eq!(page["total"], 3);
    assert_eq!(page["rows"][0]["display_name"], "Chloé Dubois");
    assert_eq!(page["rows"][0]["tier"], "macro");
    assert_eq!(page["rows"][1]["max_followers"], 24000, "24.000 read as twenty-four thousand");

    let found: serde_json::Value = serde_json::from_str(&ok(&["list", s(&ws), "--search", "bakt", "--json"])).unwrap();
    assert_eq!(found["total"], 1);
    assert_eq!(found["rows"][0]["display_name"], "Daan Visser");
    let table = ok(&["list", s(&ws), "--niche", "lifestyle"]);
    assert!(table.contains("Sanne Bakker") && table.contains("Chloé Dubois") && !table.contains("Daan"), "{table}");
    assert!(table.contains("2 of 2 creators"), "{table}");

    let again = ok(&["import", s(&ws), s(&csv), "--json"]);
    let report: serde_json::Value = serde_json::from_str(&again).unwrap();
    assert_eq!(report["created"], 0);
    assert_eq!(report["unchanged"], 3);
    assert_eq!(count(&ws), 3);
}

#[test]
fn a_bad_row_names_row_and_column_and_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let csv = dir.path().join("bad.csv");
    std::fs::write(&csv, GOOD_CSV.replace("daan.bakt,3100", "daan.bakt,-3100")).unwrap();
    let err = fails(&["import", s(&ws), s(&csv)]);
    assert!(err.contains("Nothing was imported"), "{err}");
    assert!(err.contains("row 3") && err.contains("instagram_followers"), "{err}");
    assert_eq!(count(&ws), 0);
}

#[test]
fn preview_shows_the_mapping_without_importing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let csv = dir.path().join("creators.csv");
    std::fs::write(&csv, GOOD_CSV).unwrap();
    let out = ok(&["import", s(&ws), s(&csv), "--preview"]);
    assert!(out.contains("3 rows"), "{out}");
    assert!(out.contains("instagram_followers"), "{out}");
    assert_eq!(count(&ws), 0);
}

#[test]
fn export_is_safe_for_spreadsheets_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let csv = dir.path().join("creators.csv");
    std::fs::write(&csv, GOOD_CSV.replace("Daan Visser", "=HYPERLINK(\"\"http://x\"\")")).unwrap();
    ok(&["import", s(&ws), s(&csv)]);
    let all = ok(&["export", s(&ws)]);
    assert!(all.contains("'=HYPERLINK"), "a formula is defused: {all}");
    assert_eq!(all.lines().count(), 4, "header and three creators");
    let out = dir.path().join("fr.csv");
    let _ = ok(&["export", s(&ws), "--country", "FR", "--out", s(&out)]);
    let fr = std::fs::read_to_string(&out).unwrap();
    assert_eq!(fr.lines().count(), 2);
    assert!(fr.contains("Chloé Dubois"));
}

#[test]
fn several_processes_importing_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let children: Vec<_> = (0..4)
        .map(|p| {
            let csv = dir.path().join(format!("batch{p}.csv"));
            let mut text = String::from("name,instagram,instagram_followers\n");
            for i in 0..150 {
                text.push_str(&format!("Batch {p} creator {i},b{p}c{i},{}\n", 1000 + i));
            }
            std::fs::write(&csv, text).unwrap();
            Command::new(env!("CARGO_BIN_EXE_chorus")).args(["import", s(&ws), s(&csv)]).output_async()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(count(&ws), 600);
}

trait SpawnOutput {
    fn output_async(&mut self) -> std::process::Child;
}

impl SpawnOutput for Command {
    fn output_async(&mut self) -> std::process::Child {
        self.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped()).spawn().expect("spawn chorus")
    }
}
