//! The floor the campaigns bench holds each view against: the very SQL statements Chorus ran
//! for it (recorded once through SQLite's trace hook, with their parameters filled in), run
//! again on a bare connection that reads every column of every row and builds nothing. What
//! Chorus spends beyond that is its own: row mapping, the view's arithmetic, allocation, and
//! for the cross-client Today the checks made when a file is opened.

use rusqlite::trace::{TraceEvent, TraceEventCodes};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::sync::Mutex;

/// Statements seen by the trace hook while [`record`] runs (the hook takes a plain `fn`).
static RECORDED: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn on_trace(event: TraceEvent<'_>) {
    if let TraceEvent::Stmt(statement, sql) = event {
        // A trigger's subprogram is reported as a comment; the statement that fired it is enough.
        if !sql.trim_start().starts_with("--") {
            let sql = statement.expanded_sql().unwrap_or_else(|| sql.to_string());
            RECORDED.lock().expect("the recorder").push(sql);
        }
    }
}

/// Runs `f` with `conn` traced and returns its result with every statement it ran, in order.
pub fn record<T>(conn: &Connection, f: impl FnOnce() -> T) -> (T, Vec<String>) {
    RECORDED.lock().expect("the recorder").clear();
    conn.trace_v2(TraceEventCodes::SQLITE_TRACE_STMT, Some(on_trace));
    let out = f();
    conn.trace_v2(TraceEventCodes::empty(), None);
    (out, std::mem::take(&mut *RECORDED.lock().expect("the recorder")))
}

/// Runs `statements` on `conn`, touching every column of every row; returns the rows read.
pub fn replay(conn: &Connection, statements: &[String]) -> usize {
    let mut rows_read = 0;
    for sql in statements {
        let mut statement = conn.prepare_cached(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
        let columns = statement.column_count();
        let mut rows = statement.query([]).unwrap_or_else(|e| panic!("{sql}: {e}"));
        while let Some(row) = rows.next().unwrap_or_else(|e| panic!("{sql}: {e}")) {
            for i in 0..columns {
                std::hint::black_box(matches!(row.get_ref(i), Ok(ValueRef::Null)));
            }
            rows_read += 1;
        }
    }
    rows_read
}

/// A bare read-only connection to `path`, as a viewer of the file would open it.
pub fn open_bare(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX).expect("open the file bare")
}
