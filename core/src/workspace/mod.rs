//! Opening, creating and migrating a workspace file: the one place a connection is made.
//!
//! Contract: a file that is not SQLite, a SQLite file that is not a Chorus workspace, or a
//! workspace from a newer Chorus is refused with a clear error and left byte-for-byte
//! untouched. An older workspace is copied to a backup beside it before its migration runs,
//! and the migration runs in one transaction. A new workspace is built in a temporary file and
//! moved into place only when complete, so a half-written workspace never exists. Every
//! connection runs with WAL, foreign keys, a busy timeout and `synchronous=NORMAL`, and every
//! write takes the write lock up front (`BEGIN IMMEDIATE`), so the app and the CLI can work on
//! the same file at once.

pub mod settings;

use crate::error::{Error, Result};
use settings::Settings;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use serde::Serialize;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// `PRAGMA application_id` of every Chorus workspace: "CHOR".
pub const APPLICATION_ID: i32 = 0x4348_4F52;

/// Migrations compiled into the binary; index + 1 is the schema version it produces.
/// A shipped migration is never edited.
pub(crate) const MIGRATIONS: &[&str] =
    &[include_str!("migrations/0001_initial.sql"), include_str!("migrations/0002_campaigns.sql"), include_str!("migrations/0003_quality.sql")];

/// The schema version this Chorus writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The usual extension of a workspace file.
pub const EXTENSION: &str = "chorus";

const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Who is making changes, for the audit log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    App,
    Cli,
    Import,
    Demo,
}

impl Actor {
    pub fn as_str(self) -> &'static str {
        match self {
            Actor::App => "app",
            Actor::Cli => "cli",
            Actor::Import => "import",
            Actor::Demo => "demo",
        }
    }
}

/// An open workspace.
pub struct Workspace {
    conn: Connection,
    path: Option<PathBuf>,
    actor: Actor,
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace").field("path", &self.path).field("actor", &self.actor).finish()
    }
}

/// A summary of a workspace for the window's header and `chorus info`.
#[derive(Debug, Clone, Serialize)]
pub struct WorkspaceInfo {
    pub path: String,
    pub brand_name: String,
    pub currency: String,
    pub locale: String,
    pub schema_version: i64,
    pub creators: i64,
    pub handles: i64,
    pub snapshots: i64,
    pub file_bytes: u64,
    pub is_demo: bool,
}

impl Workspace {
    /// Opens an existing workspace, migrating it (after a backup) when it is older.
    pub fn open(path: impl AsRef<Path>) -> Result<Workspace> {
        Workspace::open_with(path.as_ref(), MIGRATIONS)
    }

    /// [`Workspace::open`] with a given list of migrations, so tests can play a future version.
    pub(crate) fn open_with(path: &Path, migrations: &[&str]) -> Result<Workspace> {
        let latest = migrations.len() as i64;
        let version = probe(path, latest)?;
        let mut conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(|_| Error::Damaged(path.to_path_buf()))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        check_readable(&conn, path)?;
        if version < latest {
            backup_before_migration(&conn, path, version)?;
        }
        configure(&conn, true)?;
        // The header can lag behind a migration still in another process's WAL, never run
        // ahead of it: a current header needs no migration (and no write lock to find out).
        if version < latest {
            migrate(&mut conn, migrations).map_err(|e| match e {
                Error::NewerVersion { found, supported, .. } => Error::NewerVersion { path: path.to_path_buf(), found, supported },
                other => other,
            })?;
        }
        Ok(Workspace { conn, path: Some(path.to_path_buf()), actor: Actor::App })
    }

    /// Creates a new workspace file. Refuses to overwrite anything.
    pub fn create(path: impl AsRef<Path>, settings: &Settings) -> Result<Workspace> {
        let path = path.as_ref();
        settings.validate()?;
        if path.exists() {
            return Err(Error::AlreadyExists(path.to_path_buf()));
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let temp = tempfile::Builder::new()
            .prefix(".chorus-new-")
            .suffix(".tmp")
            .tempfile_in(&dir)
            .map_err(|e| Error::io("create a file in", &dir, e))?;
        {
            let mut conn = Connection::open(temp.path())?;
            // The temporary file is built without WAL so that it is complete in one file.
            configure(&conn, false)?;
            migrate(&mut conn, MIGRATIONS)?;
            settings::insert(&conn, settings, &now_utc())?;
            conn.close().map_err(|(_, e)| Error::from(e))?;
        }
        temp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                Error::AlreadyExists(path.to_path_buf())
            } else {
                Error::io("save", path, e.error)
            }
        })?;
        Workspace::open(path)
    }

    /// A workspace that lives only in memory: for tests and benchmarks.
    pub fn in_memory(settings: &Settings) -> Result<Workspace> {
        settings.validate()?;
        let mut conn = Connection::open_in_memory()?;
        configure(&conn, false)?;
        migrate(&mut conn, MIGRATIONS)?;
        settings::insert(&conn, settings, &now_utc())?;
        Ok(Workspace { conn, path: None, actor: Actor::App })
    }

    /// Who the audit log names for changes made through this handle.
    pub fn set_actor(&mut self, actor: Actor) {
        self.actor = actor;
    }

    pub fn actor(&self) -> Actor {
        self.actor
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn settings(&self) -> Result<Settings> {
        settings::load(&self.conn)
    }

    /// Saves new settings. The currency is locked once the workspace holds amounts, because
    /// stored amounts are never reinterpreted in another currency.
    pub fn update_settings(&mut self, new: &Settings) -> Result<Settings> {
        new.validate()?;
        let actor = self.actor;
        self.write(|tx| {
            let old = settings::load(tx)?;
            if !old.currency.eq_ignore_ascii_case(&new.currency) {
                // Any stored amount (a rate, a budget, a fee, a gift) is in the old currency.
                let amounts: i64 = tx.query_row(
                    "SELECT (SELECT count(*) FROM rate_card)
                          + (SELECT count(*) FROM campaigns WHERE budget_minor > 0)
                          + (SELECT count(*) FROM collaborations WHERE fee_minor > 0 OR gift_value_minor > 0)
                          + (SELECT count(*) FROM gift_items WHERE unit_cost_minor > 0 OR unit_retail_minor > 0)",
                    [],
                    |r| r.get(0),
                )?;
                if amounts > 0 {
                    return Err(Error::Validation(vec![crate::FieldError::new(
                        "currency",
                        "currency_locked",
                        format!("The currency stays {} because {amounts} rate(s) are recorded in it. Make a new workspace for another currency.", old.currency),
                    )
                    .with_value(&new.currency)]));
                }
            }
            settings::update(tx, new, &now_utc())?;
            audit(tx, actor, "settings", None, "update", &format!("brand={}, currency={}, locale={}", new.brand_name, new.currency, new.locale))?;
            settings::load(tx)
        })
    }

    pub fn info(&self) -> Result<WorkspaceInfo> {
        let s = self.settings()?;
        let count = |table: &str| -> Result<i64> { Ok(self.conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?) };
        let file_bytes = self.path.as_ref().and_then(|p| std::fs::metadata(p).ok()).map(|m| m.len()).unwrap_or(0);
        let is_demo: bool = self.conn.query_row("SELECT EXISTS (SELECT 1 FROM audit_log WHERE actor = 'demo')", [], |r| r.get(0))?;
        Ok(WorkspaceInfo {
            path: self.path.as_ref().map(|p| p.display().to_string()).unwrap_or_default(),
            brand_name: s.brand_name,
            currency: s.currency,
            locale: s.locale,
            schema_version: SCHEMA_VERSION,
            creators: count("creators")?,
            handles: count("handles")?,
            snapshots: count("follower_snapshots")?,
            file_bytes,
            is_demo,
        })
    }

    /// Runs `f` in one write transaction that holds the write lock from its first statement.
    /// Nothing `f` wrote remains when it returns an error.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// A number that changes whenever another connection (another window, the CLI) commits to
    /// this file; compare two readings to know whether to refresh what is shown.
    pub fn change_counter(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Read access for the query modules.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// The schema version of a Chorus workspace file, read from its header without SQLite (so
/// nothing is written, not even a `-wal` file). Refuses a missing file, a file that is not
/// SQLite and another application's database; a newer version is returned as it is.
pub fn schema_version_of(path: &Path) -> Result<i64> {
    probe(path, i64::MAX)
}

/// Reads the file's 100-byte header, without SQLite, so that a refused file is not touched
/// at all (not even a `-wal` file appears beside it); returns its schema version.
/// The header holds the application id (offset 68) and the user version (offset 60).
fn probe(path: &Path, latest: i64) -> Result<i64> {
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
    Ok(version)
}

/// Reads the schema before anything is written, so that a damaged file shows itself while it
/// is still untouched.
fn check_readable(conn: &Connection, path: &Path) -> Result<()> {
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0)).map_err(|e| damaged_or_busy(path, e))?;
    Ok(())
}

fn damaged_or_busy(path: &Path, e: rusqlite::Error) -> Error {
    match Error::from(e) {
        Error::Busy => Error::Busy,
        _ => Error::Damaged(path.to_path_buf()),
    }
}

/// Copies an older workspace next to itself before it is migrated:
/// `brand.chorus` → `brand.v1-backup-20261125-070249.chorus`.
fn backup_before_migration(conn: &Connection, path: &Path, version: i64) -> Result<PathBuf> {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "workspace".into());
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
    // A second attempt in the same second (after a failed migration) gets its own name.
    let backup = (1..)
        .map(|n| {
            let suffix = if n == 1 { String::new() } else { format!("-{n}") };
            path.with_file_name(format!("{stem}.v{version}-backup-{stamp}{suffix}.{EXTENSION}"))
        })
        .find(|p| !p.exists())
        .expect("an unused name exists");
    // VACUUM INTO writes a consistent copy, including what still sits in the WAL.
    conn.execute("VACUUM INTO ?1", [backup.to_string_lossy()])
        .map_err(|e| Error::io("back up the workspace to", &backup, std::io::Error::other(e.to_string())))?;
    Ok(backup)
}

fn configure(conn: &Connection, wal: bool) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    if wal {
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        debug_assert_eq!(mode.to_ascii_lowercase(), "wal");
    }
    // A 64 MiB page cache (an upper bound, used only as needed) keeps a 100,000-row import in
    // memory until it commits instead of spilling pages mid-transaction.
    conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;")?;
    Ok(())
}

/// Brings the schema to the last of `migrations` in one transaction.
fn migrate(conn: &mut Connection, migrations: &[&str]) -> Result<()> {
    let latest = migrations.len() as i64;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read inside the lock: another process may have migrated the file a moment ago.
    let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > latest {
        return Err(Error::NewerVersion { path: PathBuf::new(), found: version, supported: latest });
    }
    for (i, sql) in migrations.iter().enumerate().skip(version as usize) {
        tx.execute_batch(sql)?;
        after_migration(&tx, i as i64 + 1)?;
        tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))?;
    }
    if version == 0 {
        tx.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID}"))?;
    }
    tx.commit()?;
    Ok(())
}

/// The part of a migration SQL cannot do, run right after that version's SQL in the same
/// transaction.
fn after_migration(tx: &Connection, version: i64) -> Result<()> {
    match version {
        // Sort names fold accents and case from version 3 on, and the filter menus' counts are
        // kept by triggers from then on (see 0003_quality.sql): count the roster once.
        3 => {
            crate::roster::creators::refresh_sort_names(tx)?;
            crate::roster::facet_counts::recount(tx)
        }
        _ => Ok(()),
    }
}

/// Current time, UTC, to the second: `2026-11-25T07:02:49Z`.
pub fn now_utc() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Today's date (UTC): the day follower snapshots are recorded on.
pub fn today() -> String {
    chrono::Utc::now().format("%Y-%m-%d").to_string()
}

/// Writes one line to the audit log.
pub(crate) fn audit(tx: &Connection, actor: Actor, entity: &str, entity_id: Option<i64>, action: &str, detail: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO audit_log (at, actor, entity, entity_id, action, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        rusqlite::params![now_utc(), actor.as_str(), entity, entity_id, action, detail],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_memory_workspace_has_the_current_schema_and_settings() {
        let ws = Workspace::in_memory(&Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
        let v: i64 = ws.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(v, SCHEMA_VERSION);
        assert_eq!(ws.settings().unwrap().brand_name, "Studio Zon");
        let fk: i64 = ws.conn().query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
        assert_eq!(fk, 1);
    }

    #[test]
    fn the_change_counter_moves_when_another_connection_writes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.chorus");
        let mut app = Workspace::create(&path, &Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
        let before = app.change_counter().unwrap();
        let mut own = app.settings().unwrap();
        own.brand_name = "Own change".into();
        app.update_settings(&own).unwrap();
        assert_eq!(app.change_counter().unwrap(), before, "own writes do not count");
        let mut cli = Workspace::open(&path).unwrap();
        let mut s = cli.settings().unwrap();
        s.brand_name = "Changed by the CLI".into();
        cli.update_settings(&s).unwrap();
        assert_ne!(app.change_counter().unwrap(), before);
    }

    #[test]
    fn currency_is_locked_once_amounts_exist() {
        let mut ws = Workspace::in_memory(&Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
        let mut s = ws.settings().unwrap();
        s.currency = "USD".into();
        assert_eq!(ws.update_settings(&s).unwrap().currency, "USD", "no amounts yet: the currency may change");
        let mut draft = crate::roster::model::CreatorDraft { display_name: "Anna".into(), ..Default::default() };
        draft.handles.push(crate::roster::model::HandleDraft { platform: "instagram".into(), handle: "anna".into(), ..Default::default() });
        draft.rates.push(crate::roster::model::RateDraft { format: "post".into(), amount: "250".into() });
        crate::roster::creators::create(&mut ws, &draft).unwrap();
        s.currency = "EUR".into();
        let Err(Error::Validation(f)) = ws.update_settings(&s) else { panic!("currency change must be refused") };
        assert_eq!(f[0].code, "currency_locked");
        assert_eq!(ws.settings().unwrap().currency, "USD");
    }
}

#[cfg(test)]

mod file_tests;
