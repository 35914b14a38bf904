//! Many rows into one table with multi-row `INSERT … VALUES (…), (…)` statements inside the
//! caller's transaction: rows are held until a statement's worth is there, then written by one
//! prepared statement. One statement per row would pay, on every row, SQLite's statement
//! start and end (and, under the open savepoints, a copy of each page the row touches into the
//! statement journal); per 32 rows it is paid once. Rows are written in the order they are
//! pushed; [`BulkInsert::flush`] writes what is held (a shorter statement): rows still held when
//! a `BulkInsert` is dropped are not written (as when an error rolls the transaction back).
//! [`with_large_write_cache`] gives a large import a larger page cache while it runs.

use crate::error::Result;
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, Statement, ToSql};

/// Rows per full statement.
pub const ROWS_PER_STATEMENT: usize = 32;

pub struct BulkInsert<'c> {
    conn: &'c Connection,
    /// `INSERT INTO t (a, b, c) VALUES ` without the rows.
    head: String,
    /// What follows the rows: an upsert's `ON CONFLICT … DO UPDATE …`, or nothing.
    tail: String,
    width: usize,
    full: Statement<'c>,
    held: Vec<Cell>,
    written: u64,
}

impl<'c> BulkInsert<'c> {
    /// `columns` are the table's columns each row gives, in order.
    pub fn new(conn: &'c Connection, table: &str, columns: &[&str]) -> Result<Self> {
        BulkInsert::with_tail(conn, table, columns, "")
    }

    /// Like [`BulkInsert::new`], each statement ending in `tail`: an upsert clause such as
    /// `ON CONFLICT (a, b) DO UPDATE SET c = excluded.c`, applied to each row. Two rows of one
    /// statement must not conflict with each other (SQLite refuses a row the statement itself
    /// changed).
    pub fn with_tail(conn: &'c Connection, table: &str, columns: &[&str], tail: &str) -> Result<Self> {
        let head = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
        let tail = if tail.is_empty() { String::new() } else { format!(" {tail}") };
        let width = columns.len();
        let full = conn.prepare(&statement(&head, width, ROWS_PER_STATEMENT, &tail))?;
        Ok(BulkInsert { conn, head, tail, width, full, held: Vec::with_capacity(width * ROWS_PER_STATEMENT), written: 0 })
    }

    /// Holds one row (its values in the order of the columns) and writes a full statement's
    /// worth when it is there.
    pub fn push<const N: usize>(&mut self, row: [Cell; N]) -> Result<()> {
        self.hold(row);
        self.write_full()
    }

    /// Holds one row without writing anything: for rows that must wait for others (an
    /// order's lines for the order), written by [`BulkInsert::write_full`] or `flush`.
    pub fn hold<const N: usize>(&mut self, row: [Cell; N]) {
        debug_assert_eq!(N, self.width, "a row gives a value for each column");
        self.held.extend(row);
    }

    /// Writes full statements while a full statement's worth is held; keeps the rest.
    pub fn write_full(&mut self) -> Result<()> {
        let chunk = self.width * ROWS_PER_STATEMENT;
        if self.held.len() < chunk {
            return Ok(());
        }
        let mut start = 0;
        while self.held.len() - start >= chunk {
            let written = bind_and_run(&mut self.full, &self.held[start..start + chunk]);
            if written.is_err() {
                self.held.clear();
            }
            written?;
            start += chunk;
            self.written += ROWS_PER_STATEMENT as u64;
        }
        self.held.drain(..start);
        Ok(())
    }

    /// Rows held and not yet written.
    pub fn held(&self) -> usize {
        self.held.len() / self.width
    }

    /// Writes every row held.
    pub fn flush(&mut self) -> Result<()> {
        self.write_full()?;
        let rows = self.held();
        if rows == 0 {
            return Ok(());
        }
        let mut shorter = self.conn.prepare(&statement(&self.head, self.width, rows, &self.tail))?;
        let written = bind_and_run(&mut shorter, &self.held);
        self.held.clear();
        written?;
        self.written += rows as u64;
        Ok(())
    }

    /// Rows written so far.
    #[cfg(test)]
    pub fn written(&self) -> u64 {
        self.written
    }
}

/// One value of a held row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Text(String),
    Word(&'static str),
}

impl From<i64> for Cell {
    fn from(n: i64) -> Cell {
        Cell::Int(n)
    }
}

impl From<Option<i64>> for Cell {
    fn from(n: Option<i64>) -> Cell {
        n.map_or(Cell::Null, Cell::Int)
    }
}

impl From<bool> for Cell {
    fn from(b: bool) -> Cell {
        Cell::Int(i64::from(b))
    }
}

impl From<Option<bool>> for Cell {
    fn from(b: Option<bool>) -> Cell {
        b.map_or(Cell::Null, Cell::from)
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<Option<String>> for Cell {
    fn from(s: Option<String>) -> Cell {
        s.map_or(Cell::Null, Cell::Text)
    }
}

impl From<&'static str> for Cell {
    fn from(s: &'static str) -> Cell {
        Cell::Word(s)
    }
}

impl ToSql for Cell {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match self {
            Cell::Null => ValueRef::Null,
            Cell::Int(n) => ValueRef::Integer(*n),
            Cell::Text(s) => ValueRef::Text(s.as_bytes()),
            Cell::Word(s) => ValueRef::Text(s.as_bytes()),
        }))
    }
}

fn statement(head: &str, width: usize, rows: usize, tail: &str) -> String {
    let row = format!("({})", vec!["?"; width].join(", "));
    let mut sql = String::with_capacity(head.len() + rows * (row.len() + 2) + tail.len());
    sql.push_str(head);
    for n in 0..rows {
        if n > 0 {
            sql.push_str(", ");
        }
        sql.push_str(&row);
    }
    sql.push_str(tail);
    sql
}

fn bind_and_run(statement: &mut Statement<'_>, rows: &[Cell]) -> Result<()> {
    for (at, value) in rows.iter().enumerate() {
        statement.raw_bind_parameter(at + 1, value)?;
    }
    statement.raw_execute()?;
    Ok(())
}
/// A large write (an import of `file_bytes`) with a larger page cache: the indexes it builds
/// again and the tables it fills stay in memory instead of being read back from the file.
/// From this size of file on, the connection's cache is raised to [`LARGE_WRITE_CACHE_KIB`]
/// while `write` runs and set back to what it was afterwards, whatever `write` returns (a
/// failure to set it back does not fail the write).
pub const LARGE_WRITE_FROM_BYTES: u64 = 64 * 1024 * 1024;
pub const LARGE_WRITE_CACHE_KIB: i64 = 256 * 1024;

pub fn with_large_write_cache<T>(conn: &Connection, file_bytes: u64, write: impl FnOnce() -> Result<T>) -> Result<T> {
    if file_bytes < LARGE_WRITE_FROM_BYTES {
        return write();
    }
    let before: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    conn.execute_batch(&format!("PRAGMA cache_size = -{LARGE_WRITE_CACHE_KIB}"))?;
    let result = write();
    // A cache left larger is harmless; a finished import undone because of it would not be.
    let _ = conn.execute_batch(&format!("PRAGMA cache_size = {before}"));
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::Cell::{Int as Integer, Null, Text};

    fn table() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER CHECK (n >= 0))").unwrap();
        conn
    }

    fn rows(conn: &Connection) -> Vec<(i64, Option<String>, i64)> {
        let mut s = conn.prepare("SELECT id, name, n FROM t ORDER BY id").unwrap();
        s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().collect::<rusqlite::Result<_>>().unwrap()
    }

    #[test]
    fn every_row_is_written_in_full_and_shorter_statements() {
        let conn = table();
        let mut bulk = BulkInsert::new(&conn, "t", &["id", "name", "n"]).unwrap();
        let count = ROWS_PER_STATEMENT * 2 + 5;
        for i in 0..count {
            let name = if i % 7 == 0 { Null } else { Text(format!("row ‘{i}’")) };
            bulk.push([Integer(i as i64 + 1), name, Integer(i as i64 * 3)]).unwrap();
        }
        assert_eq!(bulk.held(), 5, "two full statements written, five rows held");
        assert_eq!(rows(&conn).len(), ROWS_PER_STATEMENT * 2);
        bulk.flush().unwrap();
        assert_eq!(bulk.written(), count as u64);
        let stored = rows(&conn);
        assert_eq!(stored.len(), count);
        for (i, (id, name, n)) in stored.into_iter().enumerate() {
            assert_eq!(id, i as i64 + 1);
            assert_eq!(name, if i % 7 == 0 { None } else { Some(format!("row ‘{i}’")) });
            assert_eq!(n, i as i64 * 3);
        }
    }

    #[test]
    fn a_refused_row_fails_its_statement_and_writes_none_of_its_rows() {
        let conn = table();
        let mut bulk = BulkInsert::new(&conn, "t", &["id", "name", "n"]).unwrap();
        for i in 0..3 {
            bulk.push([Integer(i + 1), Text("ok".into()), Integer(if i == 1 { -1 } else { 1 })]).unwrap();
        }
        assert!(bulk.flush().is_err(), "the CHECK refuses the second row");
        assert!(rows(&conn).is_empty(), "a failed statement writes none of its rows");
        assert_eq!(bulk.held(), 0);
    }

    #[test]
    fn an_upsert_tail_updates_the_rows_already_there_and_adds_the_others() {
        let conn = table();
        conn.execute_batch("INSERT INTO t (id, name, n) VALUES (2, 'old', 1), (40, 'old', 1)").unwrap();
        let mut bulk = BulkInsert::with_tail(&conn, "t", &["id", "name", "n"], "ON CONFLICT (id) DO UPDATE SET name = excluded.name, n = t.n + excluded.n").unwrap();
        for i in 1..=ROWS_PER_STATEMENT as i64 + 9 {
            bulk.push([Integer(i), Text(format!("new {i}")), Integer(10)]).unwrap();
        }
        bulk.flush().unwrap();
        let stored = rows(&conn);
        assert_eq!(stored.len(), ROWS_PER_STATEMENT + 9, "no row twice");
        assert_eq!(stored[1], (2, Some("new 2".to_string()), 11), "the full statement's conflict updated the row");
        let forty = stored.iter().find(|r| r.0 == 40).unwrap();
        assert_eq!(forty, &(40, Some("new 40".to_string()), 11), "so did the shorter statement's");
        assert_eq!(stored[0], (1, Some("new 1".to_string()), 10));
    }

    #[test]
    fn a_large_write_runs_with_the_larger_cache_and_sets_it_back_whatever_it_returns() {
        let conn = table();
        let cache = |conn: &Connection| -> i64 { conn.query_row("PRAGMA cache_size", [], |r| r.get(0)).unwrap() };
        let before = cache(&conn);
        let inside = with_large_write_cache(&conn, LARGE_WRITE_FROM_BYTES, || Ok(cache(&conn))).unwrap();
        assert_eq!((inside, cache(&conn)), (-LARGE_WRITE_CACHE_KIB, before));
        let failed: Result<()> = with_large_write_cache(&conn, LARGE_WRITE_FROM_BYTES, || Err(crate::Error::Busy));
        assert!(matches!(failed, Err(crate::Error::Busy)));
        assert_eq!(cache(&conn), before, "set back after a failed write too");
        let small = with_large_write_cache(&conn, LARGE_WRITE_FROM_BYTES - 1, || Ok(cache(&conn))).unwrap();
        assert_eq!(small, before, "a small file keeps the cache as it is");
    }
}
