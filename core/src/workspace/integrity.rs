//! Is the file whole? The structural check Chorus runs before it first writes to a workspace
//! it opened ([`quick_check`], SQLite's `PRAGMA quick_check`), and the full check
//! `chorus check` runs ([`check_file`]: `PRAGMA integrity_check` and `PRAGMA
//! foreign_key_check`, on a read-only connection, so checking never changes the file).
//!
//! Contract: a failed check, or a check SQLite cannot even finish because the file is
//! corrupt, is a damaged file ([`Error::Damaged`]); SQLite's own lines are kept only as
//! technical details for whoever helps the person, never as the sentence.

use super::opening::{self, Header};
use crate::error::{Error, Result};
use rusqlite::Connection;
use serde::Serialize;
use std::path::Path;

/// Files up to this size are checked while they open; larger ones in the background, and the
/// first write waits for that check (see [`super::Workspace::start_guard`]).
pub const CHECK_WHILE_OPENING_BYTES: u64 = 16 * 1024 * 1024;

/// `PRAGMA quick_check` on `conn`: every page and record readable and well-formed (not the
/// slower comparison of every index with its table). `Err(Damaged)` when it is not.
pub(crate) fn quick_check(conn: &Connection, path: &Path) -> Result<()> {
    let damaged = || Error::Damaged { path: path.to_path_buf(), backup: None };
    let lines = pragma_lines(conn, "PRAGMA quick_check").map_err(|e| match Error::from(e) {
        Error::Busy => Error::Busy,
        Error::Damaged { .. } => damaged(),
        other => other,
    })?;
    if lines.len() == 1 && lines[0] == "ok" { Ok(()) } else { Err(damaged()) }
}

fn pragma_lines(conn: &Connection, sql: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    rows.collect()
}

/// What `chorus check` found.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub path: String,
    /// True when no damage was found.
    pub ok: bool,
    pub schema_version: i64,
    /// The file's pages (of `page_size` bytes each), as far as they could be counted.
    pub pages: i64,
    pub page_size: i64,
    /// Rows whose reference points at nothing (a handle whose creator is gone, …).
    pub broken_references: Vec<BrokenReference>,
    /// SQLite's own description of each structural problem, for technical support (English,
    /// not for the sentence); `integrity_check` stops after 100.
    pub technical_details: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BrokenReference {
    /// The table holding the row.
    pub table: String,
    pub row: Option<i64>,
    /// The table it should refer to.
    pub refers_to: String,
}

/// The full check of the workspace at `path`, on a connection that cannot write: structure
/// (`integrity_check`, every index against its table) and references (`foreign_key_check`).
/// A file that is not a Chorus workspace, or is from a newer Chorus, is refused as on opening.
pub fn check_file(path: &Path) -> Result<CheckReport> {
    let Header { version, .. } = opening::probe(path, super::SCHEMA_VERSION)?;
    let mut report = CheckReport {
        path: path.display().to_string(),
        ok: false,
        schema_version: version,
        pages: 0,
        page_size: 0,
        broken_references: Vec::new(),
        technical_details: Vec::new(),
    };
    let conn = match opening::Reader::open(path) {
        Ok(conn) => conn,
        Err(Error::Damaged { .. }) => {
            report.technical_details.push("The file's first page, which describes the rest, cannot be read.".into());
            return Ok(report);
        }
        Err(e) => return Err(e),
    };
    let number = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap_or(0);
    report.pages = number("PRAGMA page_count");
    report.page_size = number("PRAGMA page_size");
    match pragma_lines(&conn, "PRAGMA integrity_check") {
        Ok(lines) if lines.len() == 1 && lines[0] == "ok" => {}
        Ok(lines) => report.technical_details = lines,
        Err(e) => match Error::from(e) {
            Error::Damaged { .. } => report.technical_details.push("SQLite could not finish reading the file's structure.".into()),
            other => return Err(other.at(path)),
        },
    }
    match broken_references(&conn) {
        Ok(broken) => report.broken_references = broken,
        Err(e) => match Error::from(e) {
            Error::Damaged { .. } => report.technical_details.push("SQLite could not finish checking the references between tables.".into()),
            other => return Err(other.at(path)),
        },
    }
    report.ok = report.technical_details.is_empty() && report.broken_references.is_empty();
    Ok(report)
}

fn broken_references(conn: &Connection) -> rusqlite::Result<Vec<BrokenReference>> {
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let rows = stmt.query_map([], |r| Ok(BrokenReference { table: r.get(0)?, row: r.get(1)?, refers_to: r.get(2)? }))?;
    rows.collect()
}
