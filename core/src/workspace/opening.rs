//! How a connection to a workspace file is made, before [`super::Workspace`] takes it over:
//! the header read without SQLite, a read-write or read-only connection, the first read, the
//! settings every connection runs with, and migrations.
//!
//! Contract: nothing here writes to a file it has not first read successfully. A file that is
//! not a Chorus workspace, or is from a newer Chorus, is refused before SQLite sees it (no
//! `-wal` file appears). A file that cannot be written here (a read-only disk, a folder that
//! does not let SQLite put its `-wal` and `-shm` files beside it, a file the person may only
//! read) is reported as such, so the caller opens it read-only instead of calling it damaged.

use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// `PRAGMA application_id` of every Chorus workspace: "CHOR".
pub const APPLICATION_ID: i32 = 0x4348_4F52;

/// How long a reader waits for a lock (a checkpoint or recovery in another process).
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// What the 100-byte header says.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Header {
    /// `PRAGMA user_version`: the schema version.
    pub version: i64,
    /// Whether the file is in WAL mode (bytes 18 and 19 are 2), so opening it changes nothing.
    pub wal: bool,
}

/// Reads the file's 100-byte header, without SQLite, so that a refused file is not touched
/// at all (not even a `-wal` file appears beside it). Refuses a missing file, a file that is
/// not SQLite, another application's database and (above `latest`) a newer schema.
/// The header holds the application id (offset 68) and the user version (offset 60).
pub(crate) fn probe(path: &Path, latest: i64) -> Result<Header> {
    let mut file = std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::WorkspaceMissing(path.to_path_buf()),
        _ => Error::io("open", path, e),
    })?;
    let mut header = [0u8; 100];
    if file.read_exact(&mut header).is_err() || &header[..16] != b"SQLite format 3\0" {
        return Err(Error::NotSqlite(path.to_path_buf()));
    }
    let be = |at: usize| i64::from(i32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]));
    let (version, app_id) = (be(60), be(68));
    if app_id != i64::from(APPLICATION_ID) {
        return Err(Error::ForeignDatabase(path.to_path_buf()));
    }
    if version > latest {
        return Err(Error::NewerVersion { path: path.to_path_buf(), found: version, supported: latest });
    }
    Ok(Header { version, wal: header[18] == 2 && header[19] == 2 })
}

/// A read-write connection, or the finding that the file cannot be changed here.
pub(crate) enum ReadWrite {
    Writable(Connection),
    /// The disk, the folder or the file does not allow changes.
    ReadOnlyHere,
}

/// Opens `path` for reading and writing and reads its schema, so that a damaged file shows
/// itself while it is still untouched.
pub(crate) fn connect_read_write(path: &Path) -> Result<ReadWrite> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| unreadable(path, e))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // SQLite quietly falls back to reading when the file itself cannot be opened for writing.
    if conn.is_readonly(rusqlite::MAIN_DB)? {
        return Ok(ReadWrite::ReadOnlyHere);
    }
    match first_read(&conn) {
        Ok(()) => Ok(ReadWrite::Writable(conn)),
        // The folder does not let SQLite create the file's `-wal` and `-shm` beside it
        // (CANTOPEN, or READONLY_CANTINIT when the `-shm` cannot be set up).
        Err(e) if matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)) => Ok(ReadWrite::ReadOnlyHere),
        Err(e) => Err(unreadable(path, e)),
    }
}

/// Whether SQLite opens `path` for writing rather than falling back to reading. Asked through
/// SQLite, never with a file handle of our own: closing another handle on the file would drop
/// the locks this process's connections hold on it (POSIX locks belong to the process). An
/// open reads and writes nothing; the connection is dropped unused.
fn sqlite_may_write(path: &Path) -> bool {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .and_then(|conn| conn.is_readonly(rusqlite::MAIN_DB))
        .is_ok_and(|read_only| !read_only)
}

/// Opens `path` so that this connection can never write to it. A WAL file is read with its
/// `-wal` and `-shm` beside it; where SQLite may not create them (a read-only disk or folder)
/// and no unfinished changes wait in a `-wal`, the file is read as the immutable file it is
/// there. Unfinished changes in a `-wal` Chorus cannot read here are refused in words.
pub(crate) fn connect_read_only(path: &Path) -> Result<Connection> {
    connect_read_only_noting(path).map(|(conn, _)| conn)
}

/// [`connect_read_only`], and whether the file could be changed here: SQLite may open it for
/// writing (its permissions and its disk allow it) and its folder let SQLite set up the `-shm`.
pub(crate) fn connect_read_only_noting(path: &Path) -> Result<(Connection, bool)> {
    let file_writable = sqlite_may_write(path);
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(sqlite_uri(path, "mode=ro"), flags).map_err(|e| unreadable(path, e))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    match first_read(&conn) {
        Ok(()) => return Ok((conn, file_writable)),
        // The `-shm` cannot be created (CANTOPEN), or cannot be set up (READONLY_CANTINIT).
        Err(e) if matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)) => {}
        Err(e) => return Err(unreadable(path, e)),
    }
    drop(conn);
    if wal_file(path).metadata().is_ok_and(|m| m.len() > 0) {
        return Err(Error::UnfinishedReadOnly(path.to_path_buf()));
    }
    // Nothing waits in a journal and nobody can write here: the file alone is the workspace.
    let conn = Connection::open_with_flags(sqlite_uri(path, "mode=ro&immutable=1"), flags).map_err(|e| unreadable(path, e))?;
    first_read(&conn).map_err(|e| unreadable(path, e))?;
    Ok((conn, false))
}

/// A read-only connection that, once dropped, tidies away the `-wal` and `-shm` it made appear
/// (see [`tidy_companions`]): for a check or a copy's verification.
pub(crate) struct Reader {
    conn: Option<Connection>,
    path: PathBuf,
    tidy: bool,
}

impl Reader {
    pub(crate) fn open(path: &Path) -> Result<Reader> {
        let tidy = !wal_file(path).exists() && !companion(path, "-shm").exists();
        let conn = connect_read_only(path)?;
        Ok(Reader { conn: Some(conn), path: path.to_path_buf(), tidy })
    }
}

impl std::ops::Deref for Reader {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        self.conn.as_ref().expect("open until dropped")
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            let _ = conn.close();
        }
        if self.tidy {
            tidy_companions(&self.path);
        }
    }
}

/// A connection that only read still leaves the file's `-wal` and `-shm` behind (it may not
/// remove them). When the `-wal` is empty, a writable connection opened and closed at once
/// lets SQLite remove both if, and only if, no other connection uses the file; it writes
/// nothing to the file, since an empty WAL has nothing to fold into it.
pub(crate) fn tidy_companions(path: &Path) {
    if wal_file(path).metadata().is_ok_and(|m| m.len() == 0) {
        if let Ok(conn) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX) {
            let _ = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0));
            let _ = conn.close();
        }
    }
}

fn first_read(conn: &Connection) -> rusqlite::Result<()> {
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0)).map(|_| ())
}

/// The error for a file SQLite could not open or read: busy stays busy, a full disk stays
/// full, anything else means the file cannot be read as a workspace.
fn unreadable(path: &Path, e: rusqlite::Error) -> Error {
    match Error::from(e) {
        Error::Busy => Error::Busy,
        Error::DiskFull(_) => Error::DiskFull(path.to_path_buf()),
        _ => Error::Damaged { path: path.to_path_buf(), backup: None },
    }
}

/// The `-wal` file beside a workspace.
pub(crate) fn wal_file(path: &Path) -> PathBuf {
    companion(path, "-wal")
}

/// `acme.chorus` → `acme.chorus-wal`, `acme.chorus-shm`.
pub(crate) fn companion(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// `path` as an SQLite `file:` URI with `query`, every byte outside the unreserved set
/// percent-encoded (a workspace may be called `Zon & Zee #2?.chorus`).
fn sqlite_uri(path: &Path, query: &str) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    #[cfg(unix)]
    let bytes = {
        use std::os::unix::ffi::OsStrExt;
        absolute.as_os_str().as_bytes().to_vec()
    };
    #[cfg(not(unix))]
    let bytes = {
        let text = absolute.to_string_lossy().replace('\\', "/");
        if text.starts_with('/') { text.into_bytes() } else { format!("/{text}").into_bytes() }
    };
    let mut uri = String::from("file://");
    for b in bytes {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    format!("{uri}?{query}")
}

/// The settings every connection runs with.
pub(crate) fn configure(conn: &Connection, wal: bool) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    if wal {
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        debug_assert_eq!(mode.to_ascii_lowercase(), "wal");
    }
    // A 64 MiB page cache (an upper bound, used only as needed) keeps a 100,000-row import in
    // memory until it commits instead of spilling pages mid-transaction. Statement journals
    // and the sorts that build indexes stay in memory too (temp_store): a large import's
    // statements would otherwise copy every page they touch into a temporary file first.
    conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;")?;
    Ok(())
}

/// Brings the schema to the last of `migrations` in one transaction.
pub(crate) fn migrate(conn: &mut Connection, migrations: &[&str]) -> Result<()> {
    let latest = migrations.len() as i64;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read inside the lock: another process may have migrated the file a moment ago.
    let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > latest {
        return Err(Error::NewerVersion { path: PathBuf::new(), found: version, supported: latest });
    }
    for (i, sql) in migrations.iter().enumerate().skip(version as usize) {
        tx.execute_batch(sql)?;
        super::after_migration(&tx, i as i64 + 1)?;
        tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))?;
    }
    if version == 0 {
        tx.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID}"))?;
    }
    tx.commit()?;
    Ok(())
}

/// Copies an older workspace next to itself before it is migrated:
/// `brand.chorus` → `brand.v1-backup-20261125-070249.chorus`.
pub(crate) fn backup_before_migration(conn: &Connection, path: &Path, version: i64) -> Result<PathBuf> {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "workspace".into());
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
    // A second attempt in the same second (after a failed migration) gets its own name.
    let backup = (1..)
        .map(|n| {
            let suffix = if n == 1 { String::new() } else { format!("-{n}") };
            path.with_file_name(format!("{stem}.v{version}-backup-{stamp}{suffix}.{}", super::EXTENSION))
        })
        .find(|p| !p.exists())
        .expect("an unused name exists");
    // VACUUM INTO writes a consistent copy, including what still sits in the WAL.
    conn.execute("VACUUM INTO ?1", [backup.to_string_lossy()]).map_err(|e| match Error::from(e) {
        Error::DiskFull(_) => Error::DiskFull(backup.clone()),
        _ => Error::io("back up the workspace to", &backup, std::io::Error::other("the copy could not be written")),
    })?;
    Ok(backup)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_uri_keeps_every_character_of_a_path() {
        let uri = sqlite_uri(Path::new("/tmp/Zon & Zee #2?.chorus"), "mode=ro");
        assert_eq!(uri, "file:///tmp/Zon%20%26%20Zee%20%232%3F.chorus?mode=ro");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Zon & Zee #2?%.db");
        Connection::open(&path).unwrap().execute_batch("CREATE TABLE t (x)").unwrap();
        let conn = Connection::open_with_flags(sqlite_uri(&path, "mode=ro"), OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI).unwrap();
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0)).unwrap();
        assert_eq!(tables, 1, "the URI names the file that was created");
    }
}
