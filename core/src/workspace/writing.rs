//! The one door every write goes through, and what a handle knows about its file: a write
//! waits for another process's write (telling `on_wait`), refuses a damaged, read-only or
//! replaced file, checks the structure before the first write, asks once more right before the
//! commit whether the path still holds the opened file, and empties the WAL after it. A handle
//! whose file is no longer at its path lets go of it (see [`Workspace::check_file`]). The
//! contract is the one in the module documentation of [`super`].

use super::guard::Guard;
use super::identity::{self, FileIdentity};
use super::opening::{self, BUSY_TIMEOUT};
use super::{backups, integrity, BackupOutcome, Trouble, Workspace};
use crate::error::{Error, Result};
use chrono::NaiveDate;
use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::path::Path;
use std::time::Duration;

/// A write that gets the lock within this time says nothing about waiting.
const QUIET_WAIT: Duration = Duration::from_secs(1);
/// How long emptying the WAL after a commit waits for a reader to finish.
const CHECKPOINT_PATIENCE: Duration = Duration::from_millis(50);
/// …and, when that did not work, once more as the handle closes.
const CLOSING_PATIENCE: Duration = Duration::from_secs(2);

impl Workspace {
    /// How long a write waits for another process's write before it says busy.
    pub fn set_patience(&mut self, patience: Duration) {
        self.patience = patience;
    }

    /// Called with `true` when a write starts waiting for another process's write (after a
    /// quiet second), and with `false` when the wait is over, whichever way.
    pub fn on_wait(&mut self, notice: impl FnMut(bool) + Send + 'static) {
        self.on_wait = Some(Box::new(notice));
    }

    /// Remembers where this workspace's backup copies are (a damaged-file error then offers
    /// the latest) and, when it is open for writing, starts in the background the check of a
    /// file too large to check while opening and, unless there is one of `today`, the day's
    /// backup copy. Called again (another folder for the copies), it starts over.
    pub fn start_guard(&mut self, backups: backups::Place, today: NaiveDate) {
        self.backups = Some(backups.clone());
        let Some(path) = self.path.clone() else { return };
        if self.read_only || self.trouble.is_some() {
            return;
        }
        if let Some(mut old) = self.guard.take() {
            if let Some(verdict) = old.check(true) {
                self.checked = verdict.is_ok();
            }
            old.stop();
        }
        self.guard = Some(Guard::start(path, self.identity, !self.checked, Some(backups), today));
    }

    /// How the day's backup copy goes; with `wait`, once it is done (the CLI waits before it
    /// exits, so a copy is never left half-written by an ending process).
    pub fn backup_outcome(&mut self, wait: bool) -> BackupOutcome {
        match &mut self.guard {
            Some(guard) => guard.backup(wait),
            None => BackupOutcome::NotNeeded,
        }
    }

    /// Whether this handle can still trust its file. `Err(Replaced)` once the path holds
    /// another file or none (the handle then lets go of the file: its connection is closed,
    /// and every later use is refused); `Err(Damaged)` once a check or a query found damage.
    pub fn check_file(&mut self) -> Result<()> {
        let Some(path) = self.path.clone() else { return Ok(()) };
        if let Some(trouble) = self.trouble {
            return Err(self.trouble_error(trouble, &path));
        }
        if !self.is_same_file(&path) {
            self.detach();
            return Err(Error::Replaced(path));
        }
        if let Some(Err(e)) = self.guard.as_mut().and_then(|g| g.check(false)) {
            return Err(self.noticed(e));
        }
        Ok(())
    }

    /// Names the file in `e` (raised where it was not known) and remembers what it says
    /// about the file: damage or a replaced file stop every later write through this handle,
    /// a refusal to write makes it read-only. Callers that read through [`Workspace::conn`]
    /// hand their errors here.
    pub fn noticed(&mut self, e: Error) -> Error {
        let Some(path) = self.path.clone() else { return e };
        match e.at(&path) {
            Error::Damaged { .. } => {
                self.trouble = Some(Trouble::Damaged);
                self.trouble_error(Trouble::Damaged, &path)
            }
            Error::Replaced(p) => {
                if self.trouble.is_none() {
                    self.detach();
                }
                Error::Replaced(p)
            }
            Error::ReadOnly(p) => {
                self.read_only = true;
                Error::ReadOnly(p)
            }
            other => other,
        }
    }

    fn trouble_error(&self, trouble: Trouble, path: &Path) -> Error {
        match trouble {
            Trouble::Replaced => Error::Replaced(path.to_path_buf()),
            Trouble::Damaged => Error::Damaged { path: path.to_path_buf(), backup: None }.with_backup(self.backups.as_ref().and_then(backups::Place::latest)),
        }
    }

    fn is_same_file(&self, path: &Path) -> bool {
        FileIdentity::of(path) == self.identity && !identity::sqlite_says_moved(&self.conn)
    }

    /// Lets go of a file that is no longer at its path: committed frames this handle could
    /// not checkpoint go into its own (moved or deleted) file, and the connection closes, so
    /// its `-wal` and `-shm` stay empty and unused for whatever file comes to the path.
    fn detach(&mut self) {
        if let Some(guard) = &mut self.guard {
            guard.stop();
        }
        if self.wal_dirty {
            let _ = self.conn.busy_timeout(CLOSING_PATIENCE);
            truncate_wal(&self.conn);
            self.wal_dirty = false;
        }
        if let Ok(placeholder) = Connection::open_in_memory() {
            let old = std::mem::replace(&mut self.conn, placeholder);
            let _ = old.close();
        }
        self.trouble = Some(Trouble::Replaced);
    }

    /// Everything that must hold before a write: no trouble, writable, the same file, checked.
    fn ready_to_write(&mut self, path: &Path) -> Result<()> {
        self.check_file()?;
        if self.read_only {
            return Err(Error::ReadOnly(path.to_path_buf()));
        }
        if !self.checked {
            let verdict = match self.guard.as_mut().and_then(|g| g.check(true)) {
                Some(verdict) => verdict,
                None => integrity::quick_check(&self.conn, path),
            };
            verdict.map_err(|e| self.noticed(e))?;
            self.checked = true;
        }
        // The day's copy holds the workspace as it was before the day's first change: that
        // change waits for it (a copy taken meanwhile could hold it, or not, by chance). A copy
        // that fails does not stop the change; the window and the CLI say so.
        if let Some(guard) = self.guard.as_mut() {
            guard.backup(true);
        }
        Ok(())
    }

    /// Runs `f` in one write transaction that holds the write lock from its first statement.
    /// Nothing `f` wrote remains when it returns an error, and nothing is committed to a file
    /// that is no longer at the workspace's path (see the module documentation).
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let Some(path) = self.path.clone() else {
            let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            tx.commit()?;
            return Ok(out);
        };
        self.ready_to_write(&path)?;
        match self.commit_once(&path, f) {
            Ok(out) => {
                self.empty_wal();
                Ok(out)
            }
            Err(e) => Err(self.noticed(e)),
        }
    }

    fn commit_once<T>(&mut self, path: &Path, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = begin_immediate(&self.conn, &mut self.on_wait, self.patience)?;
        let out = f(&tx)?;
        // The last moment before the commit: is the file at the path still the one opened?
        if !self.is_same_file(path) {
            drop(tx); // rolled back
            self.detach();
            return Err(Error::Replaced(path.to_path_buf()));
        }
        tx.commit()?;
        Ok(out)
    }

    /// Empties the WAL into the file, so no committed frame waits beside it between writes.
    /// A reader of an older moment in another process can hold it up: then the next write,
    /// or closing, tries again.
    fn empty_wal(&mut self) {
        let _ = self.conn.busy_timeout(CHECKPOINT_PATIENCE);
        self.wal_dirty = !truncate_wal(&self.conn);
        let _ = self.conn.busy_timeout(BUSY_TIMEOUT);
    }
}

/// Takes the write lock, waiting for another process's write: quietly for a second, then
/// (telling `on_wait`) up to `patience` in all.
fn begin_immediate<'c>(conn: &'c Connection, on_wait: &mut Option<Box<dyn FnMut(bool) + Send>>, patience: Duration) -> Result<Transaction<'c>> {
    conn.busy_timeout(QUIET_WAIT.min(patience))?;
    let busy = |e: &rusqlite::Error| matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked));
    let result = match Transaction::new_unchecked(conn, TransactionBehavior::Immediate) {
        Err(e) if busy(&e) && patience > QUIET_WAIT => {
            if let Some(notice) = on_wait {
                notice(true);
            }
            let second = conn.busy_timeout(patience - QUIET_WAIT).and_then(|_| Transaction::new_unchecked(conn, TransactionBehavior::Immediate));
            if let Some(notice) = on_wait {
                notice(false);
            }
            second
        }
        other => other,
    };
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(result?)
}

/// `PRAGMA wal_checkpoint(TRUNCATE)`: true when the WAL is now empty.
fn truncate_wal(conn: &Connection) -> bool {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get::<_, i64>(0)).is_ok_and(|busy| busy == 0)
}

impl Drop for Workspace {
    fn drop(&mut self) {
        if let Some(guard) = &mut self.guard {
            guard.stop();
        }
        // Frames a reader kept in the WAL go into the file before the connection closes
        // (SQLite itself only does so when it is the last connection, and never for a file
        // that has moved).
        if self.wal_dirty && self.trouble.is_none() {
            let _ = self.conn.busy_timeout(CLOSING_PATIENCE);
            truncate_wal(&self.conn);
        }
        if let (true, Some(path)) = (self.tidy_companions && self.trouble.is_none(), self.path.as_deref()) {
            if let Ok(placeholder) = Connection::open_in_memory() {
                let _ = std::mem::replace(&mut self.conn, placeholder).close();
                opening::tidy_companions(path);
            }
        }
    }
}
