//! A workspace file, open: the one place a connection is made, and the one door every write
//! goes through.
//!
//! Contract:
//! - A file that is not SQLite, a SQLite file that is not a Chorus workspace, or a workspace
//!   from a newer Chorus is refused with a clear error and left byte-for-byte untouched
//!   ([`opening`]). An older workspace is checked, copied to a backup beside it, and migrated
//!   in one transaction. A new workspace is built in a temporary file and moved into place only
//!   when complete, so a half-written workspace never exists.
//! - Damage: a file up to [`integrity::CHECK_WHILE_OPENING_BYTES`] is checked while it opens
//!   (a damaged one is refused); a larger one in the background ([`Workspace::start_guard`]),
//!   and its first write waits for that verdict. Once a check or any query meets damage, the
//!   handle refuses every further write and the error offers the latest backup copy.
//! - A file that cannot be changed here (read-only disk or folder, a file the person may only
//!   read) opens read-only ([`Workspace::is_read_only`]); writes are refused in words.
//! - A replaced file: every commit is preceded by a check that the path still holds the file
//!   that was opened ([`identity`]); if not, the transaction is rolled back, the connection is
//!   closed and every later use refused. After each commit the WAL is emptied
//!   (`wal_checkpoint(TRUNCATE)`, when no reader is in the way), so a file put at the path
//!   never meets this file's committed journal.
//! - Every connection runs with WAL, foreign keys and `synchronous=NORMAL`; every write takes
//!   the write lock up front (`BEGIN IMMEDIATE`) and, while another process holds it, waits
//!   up to [`DEFAULT_PATIENCE`] (telling [`Workspace::on_wait`] once it starts waiting) before
//!   it says busy. So the app and the CLI can work on the same file at once.

pub mod backups;
pub(crate) mod bulk_insert;
mod guard;
mod identity;
pub mod integrity;
mod opening;
pub mod settings;
pub mod settings_form;
pub mod settings_keys;
mod writing;

pub use guard::BackupOutcome;
pub use opening::APPLICATION_ID;

use crate::error::{Error, Result};
use guard::Guard;
use identity::FileIdentity;
use opening::ReadWrite;
use rusqlite::Connection;
use serde::Serialize;
use settings::Settings;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Migrations compiled into the binary; index + 1 is the schema version it produces.
/// A shipped migration is never edited.
pub(crate) const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_campaigns.sql"),
    include_str!("migrations/0003_quality.sql"),
    include_str!("migrations/0004_sales.sql"),
    include_str!("migrations/0005_order_lists.sql"),
    include_str!("migrations/0006_payouts.sql"),
    include_str!("migrations/0007_results.sql"),
];

/// The schema version this Chorus writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The usual extension of a workspace file.
pub const EXTENSION: &str = "chorus";

/// How long a write waits for another process's write (a long import) before it says busy.
pub const DEFAULT_PATIENCE: Duration = Duration::from_secs(120);
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
    /// This handle writes nothing: the file cannot change here, or it was opened to look.
    read_only: bool,
    /// The file, its folder or the disk does not allow changes here (what `info` reports).
    read_only_here: bool,
    /// The file that was opened, to notice when the path holds another one.
    identity: Option<FileIdentity>,
    trouble: Option<Trouble>,
    /// Whether the structure was checked since opening (writes wait for it).
    checked: bool,
    guard: Option<Guard>,
    /// Where this workspace's backup copies are, to offer the latest one with damage.
    backups: Option<backups::Place>,
    /// The last emptying of the WAL did not finish (a reader was in the way).
    wal_dirty: bool,
    patience: Duration,
    on_wait: Option<Box<dyn FnMut(bool) + Send>>,
    /// A reading handle that made the file's `-wal` and `-shm` appear tidies them away as it
    /// closes (see [`opening::tidy_companions`]).
    tidy_companions: bool,
    /// Which opening this handle is, unique in the process (see [`Workspace::data_stamp`]).
    opening: u64,
}

/// A reading of what a workspace handle reads ([`Workspace::data_stamp`]): two equal readings
/// mean nothing it reads has changed between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DataStamp {
    opening: u64,
    others: i64,
    own: u64,
}

/// The number of the next opening of a workspace in this process.
static OPENINGS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Why a handle writes no more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trouble {
    Damaged,
    Replaced,
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace").field("path", &self.path).field("actor", &self.actor).field("read_only", &self.read_only).field("trouble", &self.trouble).finish()
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
    /// Read-only here: the file, its folder or the disk does not allow changes.
    pub read_only: bool,
}

impl Workspace {
    /// Opens an existing workspace for work, migrating it (after a check and a backup) when it
    /// is older. Where the file cannot be changed it opens read-only ([`Workspace::is_read_only`]).
    pub fn open(path: impl AsRef<Path>) -> Result<Workspace> {
        Workspace::open_with(path.as_ref(), MIGRATIONS, integrity::CHECK_WHILE_OPENING_BYTES)
    }

    /// [`Workspace::open`] with a given list of migrations and size up to which the file is
    /// checked while it opens, so tests can play a future version and a large file.
    pub(crate) fn open_with(path: &Path, migrations: &[&str], check_while_opening_bytes: u64) -> Result<Workspace> {
        let latest = migrations.len() as i64;
        let header = opening::probe(path, latest)?;
        let identity = FileIdentity::of(path);
        let mut conn = match opening::connect_read_write(path)? {
            ReadWrite::Writable(conn) => conn,
            ReadWrite::ReadOnlyHere if header.version < latest => return Err(Error::OlderReadOnly(path.to_path_buf())),
            ReadWrite::ReadOnlyHere => return Workspace::reading(path, identity, true),
        };
        if FileIdentity::of(path) != identity || identity::sqlite_says_moved(&conn) {
            return Err(Error::Replaced(path.to_path_buf()));
        }
        // Check before anything changes the file: a migration, the switch to WAL mode, or
        // (for any file small enough to check at once) the first write.
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        let checked = header.version < latest || !header.wal || size <= check_while_opening_bytes;
        if checked {
            integrity::quick_check(&conn, path)?;
        }
        if header.version < latest {
            opening::backup_before_migration(&conn, path, header.version)?;
        }
        opening::configure(&conn, true).map_err(|e| e.at(path))?;
        // The header can lag behind a migration still in another process's WAL, never run
        // ahead of it: a current header needs no migration (and no write lock to find out).
        if header.version < latest {
            opening::migrate(&mut conn, migrations).map_err(|e| match e {
                Error::NewerVersion { found, supported, .. } => Error::NewerVersion { path: path.to_path_buf(), found, supported },
                other => other.at(path),
            })?;
        }
        Ok(Workspace::from_parts(conn, Some(path.to_path_buf()), identity, false, checked))
    }

    /// Opens a workspace so that this handle can never write to it: for looking (listing,
    /// exporting, Today across clients, checks). An older workspace is first updated like
    /// [`Workspace::open`] would (a deliberate change, after a backup), unless it is
    /// read-only here.
    pub fn open_for_reading(path: impl AsRef<Path>) -> Result<Workspace> {
        let path = path.as_ref();
        let header = opening::probe(path, SCHEMA_VERSION)?;
        if header.version < SCHEMA_VERSION {
            drop(Workspace::open(path)?);
        }
        Workspace::reading(path, FileIdentity::of(path), false)
    }

    /// A handle that writes nothing; `read_only_here` when it is known the file cannot change
    /// here, else found out without writing (`chorus info` on a writable file once said
    /// "read-only here" because it had only opened the file to look).
    fn reading(path: &Path, identity: Option<FileIdentity>, read_only_here: bool) -> Result<Workspace> {
        let had_companions = opening::wal_file(path).exists() || opening::companion(path, "-shm").exists();
        // (A Reader tidies the same way, but a Workspace hands its connection to every module.)
        let (conn, changeable) = opening::connect_read_only_noting(path)?;
        conn.execute_batch("PRAGMA query_only = ON; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;")?;
        let mut ws = Workspace::from_parts(conn, Some(path.to_path_buf()), identity, true, false);
        ws.read_only_here = read_only_here || !changeable;
        ws.tidy_companions = !had_companions;
        Ok(ws)
    }

    fn from_parts(conn: Connection, path: Option<PathBuf>, identity: Option<FileIdentity>, read_only: bool, checked: bool) -> Workspace {
        Workspace {
            conn,
            path,
            actor: Actor::App,
            read_only,
            read_only_here: read_only,
            identity,
            trouble: None,
            checked,
            guard: None,
            backups: None,
            wal_dirty: false,
            patience: DEFAULT_PATIENCE,
            on_wait: None,
            tidy_companions: false,
            opening: OPENINGS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
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
            let build = || -> Result<()> {
                let mut conn = Connection::open(temp.path())?;
                // The temporary file is built without WAL so that it is complete in one file.
                opening::configure(&conn, false)?;
                opening::migrate(&mut conn, MIGRATIONS)?;
                settings::insert(&conn, settings, &now_utc())?;
                conn.close().map_err(|(_, e)| Error::from(e))
            };
            // Never the temporary file's name in a message: the folder is what the person knows.
            build().map_err(|e| e.at(&dir))?;
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
        opening::configure(&conn, false)?;
        opening::migrate(&mut conn, MIGRATIONS)?;
        settings::insert(&conn, settings, &now_utc())?;
        Ok(Workspace::from_parts(conn, None, None, false, true))
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

    /// True when the file cannot be changed here (or was opened only for reading): every
    /// write is refused with [`Error::ReadOnly`].
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn settings(&self) -> Result<Settings> {
        settings::load(&self.conn)
    }

    /// Saves new settings. The currency is locked once the workspace holds amounts, because
    /// stored amounts are never reinterpreted in another currency.
    pub fn update_settings(&mut self, new: &Settings) -> Result<Settings> {
        let problems = match new.validate() {
            Ok(()) => Vec::new(),
            Err(Error::Validation(problems)) => problems,
            Err(e) => return Err(e),
        };
        self.save_settings(new, None, None, problems)
    }

    /// Saves `new`, unless `problems` (what the caller found wrong with it) or the currency
    /// lock refuse it: then every one of them is reported at once.
    pub(crate) fn save_settings(
        &mut self,
        new: &Settings,
        sales: Option<&settings::SalesRules>,
        payouts: Option<&settings::PayoutSettings>,
        mut problems: Vec<crate::FieldError>,
    ) -> Result<Settings> {
        let actor = self.actor;
        self.write(|tx| {
            let old = settings::load(tx)?;
            if !old.currency.eq_ignore_ascii_case(&new.currency) {
                // Any stored amount (a rate, a budget, a fee, a gift) is in the old currency.
                let amounts: i64 = tx.query_row(
                    "SELECT (SELECT count(*) FROM rate_card)
                          + (SELECT count(*) FROM campaigns WHERE budget_minor > 0)
                          + (SELECT count(*) FROM collaborations WHERE fee_minor > 0 OR gift_value_minor > 0)
                          + (SELECT count(*) FROM gift_items WHERE unit_cost_minor > 0 OR unit_retail_minor > 0)
                          + (SELECT count(*) FROM commission_rules) + (SELECT count(*) FROM commission_lines)",
                    [],
                    |r| r.get(0),
                )?;
                if amounts > 0 && !problems.iter().any(|p| p.field == "currency") {
                    problems.push(
                        crate::FieldError::new(
                            "currency",
                            "currency_locked",
                            format!("The currency stays {} because {} recorded in it. Make a new workspace for another currency.", old.currency, crate::words::counted(amounts, "amount is", "amounts are")),
                        )
                        .with_value(&new.currency),
                    );
                }
            }
            if !problems.is_empty() {
                return Err(Error::Validation(problems));
            }
            let now = now_utc();
            settings::update(tx, new, &now)?;
            let mut detail = format!("brand={}, currency={}, locale={}", new.brand_name, new.currency, new.locale);
            if let Some(sales) = sales {
                let before = settings::load_sales_rules(tx)?;
                settings::save_sales_rules(tx, sales, &now)?;
                // A longer or shorter grace window decides the orders again; prices with or
                // without tax change every order's base: the ledger follows with new lines.
                let mut to_book = Vec::new();
                if before.attribution_grace_days != sales.attribution_grace_days {
                    to_book.extend(crate::sales::attribution::reattribute_all(tx, &now)?);
                }
                if before.prices_include_tax != sales.prices_include_tax {
                    to_book.extend(tx.prepare("SELECT id FROM orders WHERE attribution = 'attributed'")?.query_map([], |r| r.get::<_, i64>(0))?.collect::<rusqlite::Result<Vec<i64>>>()?);
                }
                if !to_book.is_empty() {
                    to_book.sort_unstable();
                    to_book.dedup();
                    crate::commissions::ledger::book_orders(tx, &to_book, &now)?;
                }
                let offset = sales.shop_utc_offset_minutes.map_or("local".to_string(), |m| m.to_string());
                detail.push_str(&format!(
                    ", grace={}, hold={}, prices_include_tax={}, shop_offset={offset}, code_pattern={}",
                    sales.attribution_grace_days, sales.commission_hold_days, sales.prices_include_tax, sales.discount_code_pattern
                ));
            }
            if let Some(payouts) = payouts {
                settings::save_payout_settings(tx, payouts, &now)?;
                let p = payouts.clone().normalized();
                detail.push_str(&format!(
                    ", min_payout={}, brand_account_holder={}, brand_iban={}, brand_bic={}, brand_vat_number={}",
                    p.min_payout_minor, p.brand_account_holder, p.brand_iban, p.brand_bic, p.brand_vat_number
                ));
            } else if !old.currency.eq_ignore_ascii_case(&new.currency) {
                // A new currency (allowed while nothing is recorded in the old one): its own 25.00.
                settings::set_default_min_payout(tx)?;
            }
            audit(tx, actor, "settings", None, "update", &detail)?;
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
            read_only: self.read_only_here,
        })
    }

    /// A number that changes whenever another connection (another window, the CLI) commits to
    /// this file; compare two readings to know whether to refresh what is shown.
    pub fn change_counter(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Changes whenever what this handle reads may have changed: a row written through it
    /// (SQLite's total changes), a commit by another connection (`PRAGMA data_version`), or a
    /// handle of another opening. A view's figures computed at one reading can be shown again
    /// at an equal one (the charts keep theirs so).
    pub fn data_stamp(&self) -> Result<DataStamp> {
        Ok(DataStamp { opening: self.opening, others: self.change_counter()?, own: self.conn.total_changes() })
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
    Ok(opening::probe(path, i64::MAX)?.version)
}

/// The part of a migration SQL cannot do, run right after that version's SQL in the same
/// transaction.
fn after_migration(tx: &Connection, version: i64) -> Result<()> {
    match version {
        // Sort names fold accents and case from version 3 on, the search index is new, and the
        // filter menus' counts are kept by triggers from then on (see 0003_quality.sql): write
        // every search document and count the roster once.
        3 => {
            crate::roster::creators::refresh_sort_names(tx)?;
            crate::roster::search_index::fill(tx)?;
            crate::roster::facet_counts::recount(tx)
        }
        // The minimum payout is 25.00 in the workspace's currency (see 0006_payouts.sql).
        6 => settings::set_default_min_payout(tx),
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

/// Whom and which payout run a money audit line concerns (schema 6), to read it by either.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Concerning {
    pub creator_id: Option<i64>,
    pub run_id: Option<i64>,
}

/// Writes one audit line of a money change, naming its creator and run.
pub(crate) fn audit_money(tx: &Connection, actor: Actor, entity: &str, entity_id: Option<i64>, action: &str, detail: &str, concerning: Concerning) -> Result<()> {
    tx.execute(
        "INSERT INTO audit_log (at, actor, entity, entity_id, action, detail, creator_id, run_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        rusqlite::params![now_utc(), actor.as_str(), entity, entity_id, action, detail, concerning.creator_id, concerning.run_id],
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

#[cfg(test)]
mod safety_tests;
