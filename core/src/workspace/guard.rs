//! The background work of a workspace opened for writing, on a read-only connection of its
//! own so the window never freezes on a large file: the structural check of a file too large
//! to check while it opened (the first write waits for its verdict), then the day's backup
//! copy (see [`super::backups`]), which the day's first change waits for too, so the copy holds
//! the workspace as it was before that change. Dropping the guard interrupts the work and waits
//! for it.

use super::backups::Place;
use super::identity::FileIdentity;
use super::{integrity, opening};
use crate::error::{BackupCopy, Error, ErrorPayload, Result};
use chrono::NaiveDate;
use rusqlite::InterruptHandle;
use serde::Serialize;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// How the day's backup copy went.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum BackupOutcome {
    /// Still being written.
    Running,
    Taken { copy: BackupCopy },
    /// There is a copy of today already (or none was asked for).
    NotNeeded,
    Failed { error: ErrorPayload },
}

pub(crate) struct Guard {
    check: Option<Receiver<Result<()>>>,
    check_verdict: Option<std::result::Result<(), String>>,
    backup: Receiver<BackupOutcome>,
    backup_outcome: BackupOutcome,
    interrupt: Arc<Mutex<Option<InterruptHandle>>>,
    stopping: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Guard {
    /// Starts the work on `path` (the file with `identity`): a check when `needs_check`, then
    /// the day's copy into `place` when given.
    pub(crate) fn start(path: PathBuf, identity: Option<FileIdentity>, needs_check: bool, place: Option<Place>, today: NaiveDate) -> Guard {
        let (check_tx, check_rx) = mpsc::channel();
        let (backup_tx, backup_rx) = mpsc::channel();
        let interrupt = Arc::new(Mutex::new(None));
        let handle = Arc::clone(&interrupt);
        let stopping = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&stopping);
        let thread = std::thread::Builder::new().name("chorus-guard".into()).spawn(move || {
            let failed = |e: Error| BackupOutcome::Failed { error: e.at(&path).to_payload() };
            let conn = match opening::connect_read_only(&path) {
                Ok(conn) => conn,
                Err(e) => {
                    // The first write then checks on its own connection.
                    let _ = backup_tx.send(failed(e));
                    return;
                }
            };
            *handle.lock().unwrap() = Some(conn.get_interrupt_handle());
            if FileIdentity::of(&path) != identity {
                let _ = check_tx.send(Err(Error::Replaced(path.clone())));
                let _ = backup_tx.send(failed(Error::Replaced(path.clone())));
                return;
            }
            if needs_check && !stop.load(Ordering::SeqCst) {
                let verdict = integrity::quick_check(&conn, &path);
                let damaged = matches!(verdict, Err(Error::Damaged { .. }));
                let _ = check_tx.send(verdict);
                if damaged {
                    // Never rotate good copies away for a copy of a damaged file.
                    let _ = backup_tx.send(BackupOutcome::NotNeeded);
                    return;
                }
            }
            let outcome = match place.filter(|_| !stop.load(Ordering::SeqCst)) {
                Some(place) => match place.take_if_due(&conn, &path, today) {
                    Ok(Some(copy)) => BackupOutcome::Taken { copy },
                    Ok(None) => BackupOutcome::NotNeeded,
                    Err(e) => failed(e),
                },
                None => BackupOutcome::NotNeeded,
            };
            let _ = backup_tx.send(outcome);
        });
        Guard {
            check: needs_check.then_some(check_rx),
            check_verdict: None,
            backup: backup_rx,
            backup_outcome: BackupOutcome::Running,
            interrupt,
            stopping,
            thread: thread.ok(),
        }
    }

    /// The verdict of the background check: `None` when none was asked for or it could not
    /// finish (the caller then checks itself). Waits for it when `wait`; otherwise `None`
    /// while it runs.
    pub(crate) fn check(&mut self, wait: bool) -> Option<Result<()>> {
        if self.check_verdict.is_none() {
            let rx = self.check.as_ref()?;
            let got = if wait { rx.recv().ok() } else { rx.try_recv().map_err(|e| e == TryRecvError::Disconnected).ok() };
            match got? {
                Ok(()) => self.check_verdict = Some(Ok(())),
                Err(e @ (Error::Damaged { .. } | Error::Replaced(_))) => self.check_verdict = Some(Err(e.kind().to_string())),
                Err(_) => {
                    self.check = None; // interrupted or failed: not a verdict
                    return None;
                }
            }
        }
        self.check_verdict.clone().map(|v| v.map_err(|kind| if kind == "replaced" { Error::Replaced(PathBuf::new()) } else { Error::Damaged { path: PathBuf::new(), backup: None } }))
    }

    /// How the day's copy went; waits for it to finish when `wait`.
    pub(crate) fn backup(&mut self, wait: bool) -> BackupOutcome {
        if matches!(self.backup_outcome, BackupOutcome::Running) {
            let got = if wait { self.backup.recv().ok() } else { self.backup.try_recv().ok() };
            if let Some(outcome) = got {
                self.backup_outcome = outcome;
            } else if wait {
                self.backup_outcome = BackupOutcome::NotNeeded;
            }
        }
        self.backup_outcome.clone()
    }

    /// Interrupts whatever still runs and waits for the thread to end.
    pub(crate) fn stop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        if let Some(handle) = self.interrupt.lock().unwrap().as_ref() {
            handle.interrupt();
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        self.stop();
    }
}
