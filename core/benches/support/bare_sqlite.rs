//! The floor the roster bench holds the CSV import against: the same CSV loaded by bare
//! SQLite, in this process, with nothing of Chorus in between. It does what `sqlite3`'s own
//! `.import` does (a plain table with one TEXT column per header, every record inserted by one
//! prepared statement in one transaction) plus the two handle indexes (a unique one on the
//! first handle column, one on the second), on a connection set up like a workspace's (WAL,
//! `synchronous=NORMAL`, the same page cache). The re-import is the same file again as an
//! upsert on the first handle that finds every row unchanged and writes nothing.
//!
//! Figures are CPU time (user + system) of this process, because the machine's speed drifts
//! while a bench runs: the ratio of two CPU times taken a moment apart is the figure to trust.

use rusqlite::{params_from_iter, Connection};
use std::path::Path;
use std::time::Duration;

/// CPU time this process has used so far (user + system).
#[cfg(unix)]
pub fn cpu_time() -> Duration {
    // SAFETY: getrusage only writes into the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let time = |t: libc::timeval| Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64);
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// Without `getrusage`, wall time stands in for CPU time (the bench says which it printed).
#[cfg(not(unix))]
pub fn cpu_time() -> Duration {
    use std::sync::OnceLock;
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

pub const CPU_KIND: &str = if cfg!(unix) { "CPU time, user + system" } else { "wall time" };

/// Runs `f` and returns its result with the CPU time it took.
pub fn cpu<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = cpu_time();
    let out = f();
    (out, cpu_time().saturating_sub(start))
}

/// A bare SQLite database the floor loads the CSV into.
pub struct Floor {
    conn: Connection,
    /// Also build an FTS5 trigram document per row, like the roster's search index.
    with_search: bool,
}

impl Floor {
    pub fn create(path: &Path, with_search: bool) -> Floor {
        for suffix in ["", "-wal", "-shm"] {
            let mut p = path.as_os_str().to_owned();
            p.push(suffix);
            let _ = std::fs::remove_file(p);
        }
        let conn = Connection::open(path).expect("open the floor database");
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;").expect("floor pragmas");
        Floor { conn, with_search }
    }

    /// Loads `csv`: the first time into a new table, then as an upsert that changes nothing.
    /// Returns the number of records read.
    pub fn load(&mut self, csv: &Path) -> u64 {
        let bytes = std::fs::read(csv).expect("read the CSV");
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(&bytes[..]);
        let mut record = csv::StringRecord::new();
        reader.read_record(&mut record).expect("the header");
        let headers: Vec<String> = record.iter().map(|h| format!("\"{}\"", h.replace('"', "\"\""))).collect();
        let handles: Vec<&String> = headers.iter().filter(|h| ["\"instagram\"", "\"tiktok\"", "\"youtube\""].contains(&h.as_str())).collect();
        assert!(handles.len() >= 2, "the bench CSV names two handle columns");
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).expect("begin");
        let exists: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'creators')", [], |r| r.get(0)).expect("schema");
        if !exists {
            let columns: Vec<String> = headers.iter().map(|h| format!("{h} TEXT")).collect();
            tx.execute_batch(&format!("CREATE TABLE creators ({})", columns.join(", "))).expect("create table");
            if self.with_search {
                tx.execute_batch("CREATE VIRTUAL TABLE creator_search USING fts5 (body, content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1'); INSERT INTO creator_search (creator_search, rank) VALUES ('hashsize', 16777216)").expect("fts5");
            }
        }
        let marks = vec!["?"; headers.len()].join(", ");
        let sql = if exists {
            // An upsert that finds every row as it is: compares all columns, writes nothing.
            let set: Vec<String> = headers.iter().map(|h| format!("{h} = excluded.{h}")).collect();
            let mine: Vec<String> = headers.iter().map(|h| format!("creators.{h}")).collect();
            let theirs: Vec<String> = headers.iter().map(|h| format!("excluded.{h}")).collect();
            format!(
                "INSERT INTO creators VALUES ({marks}) ON CONFLICT ({}) DO UPDATE SET {} WHERE ({}) IS NOT ({})",
                handles[0],
                set.join(", "),
                mine.join(", "),
                theirs.join(", ")
            )
        } else {
            format!("INSERT INTO creators VALUES ({marks})")
        };
        let mut rows = 0u64;
        {
            let mut insert = tx.prepare(&sql).expect("prepare the insert");
            let mut search = (self.with_search && !exists).then(|| tx.prepare("INSERT INTO creator_search (rowid, body) VALUES (?1, ?2)").expect("prepare the search insert"));
            let at = |name: &str| headers.iter().position(|h| h.trim_matches('"') == name);
            let shape = Shape { name: at("name"), city: at("city"), handles: ["instagram", "tiktok", "youtube"].map(at) };
            let mut documents: Vec<(i64, String)> = Vec::new();
            while reader.read_record(&mut record).expect("a record") {
                insert.execute(params_from_iter(record.iter())).expect("insert");
                rows += 1;
                if search.is_some() {
                    documents.push((tx.last_insert_rowid(), shape.document(&record)));
                }
            }
            if let Some(search) = search.as_mut() {
                for (rowid, body) in &documents {
                    search.execute(rusqlite::params![rowid, body]).expect("search document");
                }
            }
        }
        if !exists {
            tx.execute_batch(&format!("CREATE UNIQUE INDEX floor_by_first_handle ON creators ({}); CREATE INDEX floor_by_second_handle ON creators ({});", handles[0], handles[1]))
                .expect("the two handle indexes");
        }
        tx.commit().expect("commit");
        rows
    }
}

/// Where the bench CSV keeps what a search document is made of.
struct Shape {
    name: Option<usize>,
    city: Option<usize>,
    handles: [Option<usize>; 3],
}

impl Shape {
    /// A search document of the shape the roster's has: name, city, `@handles` (niches and
    /// tags are searched through their own tables).
    fn document(&self, r: &csv::StringRecord) -> String {
        let cell = |i: Option<usize>| i.and_then(|i| r.get(i)).unwrap_or("");
        let mut body = format!("{} {}", cell(self.name), cell(self.city));
        for h in self.handles {
            if !cell(h).is_empty() {
                body.push_str(" @");
                body.push_str(cell(h));
            }
        }
        body
    }
}
