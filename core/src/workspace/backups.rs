//! Rolling backup copies of a workspace, and putting one back.
//!
//! Contract:
//! - Where: beside the workspace in a folder `<name> backups`, or, when the person chose a
//!   folder for backups (an app preference, theirs, not the client's), in that folder under
//!   `<name> backups (<8 hex digits>)`, the digits naming the workspace's full path so two
//!   clients' files of the same name never share (or rotate away) each other's copies.
//! - What: one consistent copy a day (`VACUUM INTO`, which reads one snapshot, also what still
//!   sits in the WAL), named `<name> <YYYY-MM-DD>.chorus` after the computer's local date,
//!   written to a temporary file, checked (`quick_check`), synced and only then moved into
//!   place without overwriting anything: a second Chorus taking the same day's copy at the
//!   same moment loses the race quietly. The newest [`KEEP`] copies are kept; older copies
//!   are removed, and nothing else in the folder is ever touched. The day comes from the
//!   caller, so rotation is tested with any clock.
//! - Restore ([`restore`]) never deletes anything: the copy is checked, copied beside the
//!   workspace, the current file (with its `-wal` and `-shm`) is set aside as
//!   `<name> (before restore <date time>).chorus`, and the copy moves into place; if that
//!   last step fails, the current file is put back.

use super::identity::FileIdentity;
use super::opening::{self, companion};
use super::{integrity, EXTENSION, SCHEMA_VERSION};
use crate::error::{BackupCopy, Error, Result};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::Connection;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// How many daily copies are kept.
pub const KEEP: usize = 7;

/// Where the backup copies of one workspace live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    folder: PathBuf,
    /// The workspace's file name without `.chorus`: every copy's name starts with it.
    stem: String,
}

impl Place {
    /// The copies of `workspace`: beside it, or in the person's `chosen` folder.
    pub fn for_workspace(workspace: &Path, chosen: Option<&Path>) -> Place {
        let stem = workspace.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "workspace".into());
        let folder = match chosen {
            Some(chosen) => chosen.join(format!("{stem} backups ({:08x})", path_digest(workspace))),
            None => workspace.parent().unwrap_or(Path::new("")).join(format!("{stem} backups")),
        };
        Place { folder, stem }
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The copies there, newest first; none when the folder does not exist yet.
    pub fn copies(&self) -> Vec<BackupCopy> {
        let Ok(entries) = std::fs::read_dir(&self.folder) else { return Vec::new() };
        let mut copies: Vec<BackupCopy> = entries.filter_map(|e| self.copy_of(&e.ok()?.path())).collect();
        copies.sort_by(|a, b| b.day.cmp(&a.day));
        copies
    }

    pub fn latest(&self) -> Option<BackupCopy> {
        self.copies().into_iter().next()
    }

    /// The copy a person names: `latest` (or nothing), a day (`2026-03-11`), or a file.
    pub fn choose(&self, workspace: &Path, from: Option<&str>) -> Result<BackupCopy> {
        let none = || Error::NoBackup { workspace: workspace.to_path_buf(), folder: self.folder.clone() };
        match from.map(str::trim) {
            None | Some("latest") => self.latest().ok_or_else(none),
            Some(day) if NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok() => self.copies().into_iter().find(|c| c.day == day).ok_or_else(none),
            Some(file) => {
                let path = PathBuf::from(file);
                let meta = std::fs::metadata(&path).map_err(|e| Error::io("open", &path, e))?;
                Ok(self.copy_of(&path).unwrap_or(BackupCopy { path, day: String::new(), taken_at: modified(&meta), bytes: meta.len() }))
            }
        }
    }

    fn copy_of(&self, path: &Path) -> Option<BackupCopy> {
        let name = path.file_name()?.to_str()?;
        let day = name.strip_prefix(&self.stem)?.strip_prefix(' ')?.strip_suffix(&format!(".{EXTENSION}"))?;
        NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
        let meta = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
        Some(BackupCopy { path: path.to_path_buf(), day: day.to_string(), taken_at: modified(&meta), bytes: meta.len() })
    }

    /// Takes the copy of `today` from `source` (a connection to `workspace`) unless there is
    /// one already, then keeps the newest [`KEEP`]. `Ok(None)`: no copy was needed.
    pub(crate) fn take_if_due(&self, source: &Connection, workspace: &Path, today: NaiveDate) -> Result<Option<BackupCopy>> {
        let day = today.format("%Y-%m-%d").to_string();
        if self.copies().iter().any(|c| c.day == day) {
            return Ok(None);
        }
        std::fs::create_dir_all(&self.folder).map_err(|e| Error::io("create the backup folder", &self.folder, e))?;
        let temp = temporary_in(&self.folder, ".chorus-backup-")?;
        source.execute("VACUUM INTO ?1", [temp.path().to_string_lossy()]).map_err(|e| match Error::from(e) {
            Error::Damaged { .. } => Error::Damaged { path: workspace.to_path_buf(), backup: None },
            Error::DiskFull(_) => Error::DiskFull(self.folder.clone()),
            Error::Busy => Error::Busy,
            _ => Error::io("write a backup copy to", &self.folder, std::io::Error::other("the copy could not be written")),
        })?;
        verify(temp.path()).map_err(|_| Error::io("write a backup copy to", &self.folder, std::io::Error::other("the copy did not read back whole")))?;
        temp.as_file().sync_all().map_err(|e| Error::io("write a backup copy to", &self.folder, e))?;
        let target = self.folder.join(format!("{} {day}.{EXTENSION}", self.stem));
        match temp.persist_noclobber(&target) {
            Ok(_) => {}
            // Another Chorus took today's copy a moment ago.
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => return Ok(None),
            Err(e) => return Err(Error::io("save a backup copy to", &target, e.error)),
        }
        self.rotate();
        Ok(self.copy_of(&target))
    }

    /// Removes the copies beyond the newest [`KEEP`]; nothing else in the folder.
    fn rotate(&self) {
        for old in self.copies().into_iter().skip(KEEP) {
            let _ = std::fs::remove_file(&old.path);
        }
    }
}

/// What a restore did.
#[derive(Debug, Clone, Serialize)]
pub struct Restored {
    pub workspace: PathBuf,
    pub copy: BackupCopy,
    /// Where the file that was at the workspace's path now is (none when there was none).
    pub kept_aside: Option<PathBuf>,
}

/// Puts `copy` back at `workspace`, keeping the current file aside (see the module
/// documentation). `now` names the file set aside. The caller closes its own handle on the
/// workspace first; another process still holding the old file finds it replaced and stops
/// writing to it.
pub fn restore(workspace: &Path, copy: &BackupCopy, now: NaiveDateTime) -> Result<Restored> {
    if FileIdentity::of(&copy.path).is_some() && FileIdentity::of(&copy.path) == FileIdentity::of(workspace) {
        return Err(Error::BadFile(format!("{} is the workspace itself, not a backup copy of it.", copy.path.display())));
    }
    opening::probe(&copy.path, SCHEMA_VERSION)?;
    verify(&copy.path).map_err(|e| e.at(&copy.path))?;
    let dir = folder_of(workspace);
    let temp = temporary_in(&dir, ".chorus-restore-")?;
    std::fs::copy(&copy.path, temp.path()).map_err(|e| Error::io("copy the backup to", &dir, e))?;
    temp.as_file().sync_all().map_err(|e| Error::io("copy the backup to", &dir, e))?;

    let aside = if workspace.exists() { Some(set_aside(workspace, now)?) } else { None };
    if let Err(e) = temp.persist_noclobber(workspace) {
        if let Some(aside) = &aside {
            put_back(aside, workspace);
        }
        return Err(Error::io("restore the backup to", workspace, e.error));
    }
    Ok(Restored { workspace: workspace.to_path_buf(), copy: copy.clone(), kept_aside: aside })
}

/// Renames the workspace and its `-wal` and `-shm` (kept together, so the set-aside file is
/// whole) to an unused `<name> (before restore <date time>).chorus`.
fn set_aside(workspace: &Path, now: NaiveDateTime) -> Result<PathBuf> {
    let stem = workspace.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let stamp = now.format("%Y-%m-%d %H.%M");
    let aside = (1..)
        .map(|n| {
            let extra = if n == 1 { String::new() } else { format!(" {n}") };
            workspace.with_file_name(format!("{stem} (before restore {stamp}{extra}).{EXTENSION}"))
        })
        .find(|p| !p.exists() && !companion(p, "-wal").exists())
        .expect("an unused name exists");
    std::fs::rename(workspace, &aside).map_err(|e| Error::io("set aside", workspace, e))?;
    for suffix in ["-wal", "-shm"] {
        let from = companion(workspace, suffix);
        if from.exists() {
            let _ = std::fs::rename(&from, companion(&aside, suffix));
        }
    }
    Ok(aside)
}

fn put_back(aside: &Path, workspace: &Path) {
    if std::fs::rename(aside, workspace).is_ok() {
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::rename(companion(aside, suffix), companion(workspace, suffix));
        }
    }
}

/// A copy must be a whole workspace before it is trusted.
fn verify(path: &Path) -> Result<()> {
    let conn = opening::Reader::open(path)?;
    integrity::quick_check(&conn, path)
}

fn temporary_in(dir: &Path, prefix: &str) -> Result<tempfile::NamedTempFile> {
    tempfile::Builder::new().prefix(prefix).suffix(".tmp").tempfile_in(dir).map_err(|e| Error::io("create a file in", dir, e))
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// When a copy was written, in local time (`YYYY-MM-DDTHH:MM`).
fn modified(meta: &std::fs::Metadata) -> Option<String> {
    let time: chrono::DateTime<chrono::Local> = meta.modified().ok()?.into();
    Some(time.format("%Y-%m-%dT%H:%M").to_string())
}

/// A stable digest of the workspace's full path (FNV-1a, 32 bits): the same file always gets
/// the same folder of copies, whatever version of Chorus or Rust computes it.
fn path_digest(workspace: &Path) -> u32 {
    let full = match (workspace.parent().and_then(|p| std::fs::canonicalize(if p.as_os_str().is_empty() { Path::new(".") } else { p }).ok()), workspace.file_name()) {
        (Some(dir), Some(name)) => dir.join(name),
        _ => std::path::absolute(workspace).unwrap_or_else(|_| workspace.to_path_buf()),
    };
    full.to_string_lossy().bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

#[cfg(test)]
#[path = "backup_tests.rs"]
mod tests;
