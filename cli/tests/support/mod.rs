//! What the CLI's test files share: running the real `chorus` binary, a command that must
//! succeed (its stdout), one that must fail with one clear line (its stderr), a path as text.
#![allow(dead_code)] // each test file uses the helpers it needs

use std::path::Path;
use std::process::{Command, Output};

pub fn chorus(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chorus")).args(args).output().expect("run chorus")
}

pub fn ok(args: &[&str]) -> String {
    let out = chorus(args);
    assert!(out.status.success(), "chorus {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Runs a command that must fail; returns its stderr.
pub fn fails(args: &[&str]) -> String {
    let out = chorus(args);
    assert!(!out.status.success(), "chorus {args:?} should have failed");
    assert!(out.stdout.is_empty(), "a failure prints nothing on stdout");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("chorus: "), "one clear line: {err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

pub fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The demo with two published Instagram posts given the links of the fixture's rows 2 and 6.
pub fn demo_with_links(dir: &Path) -> (std::path::PathBuf, Vec<i64>) {
    let ws = dir.join("demo.chorus");
    ok(&["demo", s(&ws)]);
    let conn = rusqlite::Connection::open(&ws).unwrap();
    let ids: Vec<i64> = {
        let mut q = conn.prepare("SELECT id FROM deliverables WHERE status IN ('published', 'verified') AND platform = 'instagram' ORDER BY id LIMIT 2").unwrap();
        q.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    assert_eq!(ids.len(), 2, "the demo has published Instagram posts");
    conn.execute("UPDATE deliverables SET post_url = 'https://www.instagram.com/p/DGsA1b2C3dE/' WHERE id = ?1", [ids[0]]).unwrap();
    conn.execute("UPDATE deliverables SET post_url = 'https://instagram.com/reel/DHJ8kLm2nOp?igsh=1' WHERE id = ?1", [ids[1]]).unwrap();
    (ws, ids)
}
