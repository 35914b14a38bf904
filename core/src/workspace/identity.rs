//! Which file a path holds: the seam that lets an open workspace notice that the file at its
//! path is no longer the one it opened (moved away, deleted, or replaced by another file,
//! for example by a sync tool or a copy made in the file manager).
//!
//! SQLite writes through the file descriptor it opened, and never checks that a `-wal` file
//! belongs to the database beside it; so a handle that kept writing after its file was
//! replaced would leave its journal for the next file at that path. Two opinions are asked
//! before every commit: the file's identity at the path now against the one recorded when it
//! was opened (device + inode on Unix; elsewhere the creation time and size, a sensible
//! equivalent on a system that does not let an open file be deleted or renamed anyway), and
//! SQLite's own check of its descriptor (`SQLITE_FCNTL_HAS_MOVED`, inode only).
//! Both use `stat` on the path and open no descriptor: closing a second descriptor on a
//! database would drop this process's POSIX locks on it.

use rusqlite::Connection;
use std::path::Path;

/// The identity of the file at a path, or `None` when nothing is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FileIdentity {
    #[cfg(unix)]
    device: u64,
    #[cfg(unix)]
    inode: u64,
    #[cfg(not(unix))]
    created: Option<std::time::SystemTime>,
}

impl FileIdentity {
    /// The identity of what `path` holds now; `None` when it holds nothing (or cannot be seen).
    pub(crate) fn of(path: &Path) -> Option<FileIdentity> {
        let meta = std::fs::metadata(path).ok()?;
        Some(FileIdentity::from_metadata(&meta))
    }

    #[cfg(unix)]
    fn from_metadata(meta: &std::fs::Metadata) -> FileIdentity {
        use std::os::unix::fs::MetadataExt;
        FileIdentity { device: meta.dev(), inode: meta.ino() }
    }

    #[cfg(not(unix))]
    fn from_metadata(meta: &std::fs::Metadata) -> FileIdentity {
        FileIdentity { created: meta.created().ok() }
    }
}

/// SQLite's own opinion: whether the file its descriptor holds is no longer at its path.
/// A VFS that cannot tell (not Unix) answers "not moved", as SQLite itself assumes.
pub(crate) fn sqlite_says_moved(conn: &Connection) -> bool {
    let mut moved: std::os::raw::c_int = 0;
    // SAFETY: the handle is valid for as long as `conn` lives, "main" is a NUL-terminated
    // schema name, and HAS_MOVED writes one int through the pointer it is given.
    let rc = unsafe {
        rusqlite::ffi::sqlite3_file_control(
            conn.handle(),
            c"main".as_ptr(),
            rusqlite::ffi::SQLITE_FCNTL_HAS_MOVED,
            (&mut moved as *mut std::os::raw::c_int).cast(),
        )
    };
    rc == rusqlite::ffi::SQLITE_OK && moved != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_replaced_file_has_another_identity_and_a_renamed_one_keeps_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.chorus");
        std::fs::write(&path, b"one").unwrap();
        let first = FileIdentity::of(&path).unwrap();
        assert_eq!(FileIdentity::of(&path), Some(first), "the same file twice");
        let moved = dir.path().join("moved.chorus");
        std::fs::rename(&path, &moved).unwrap();
        assert_eq!(FileIdentity::of(&path), None, "nothing at the path");
        assert_eq!(FileIdentity::of(&moved), Some(first), "a renamed file is still itself");
        std::fs::write(&path, b"two").unwrap();
        assert_ne!(FileIdentity::of(&path), Some(first), "another file at the same path");
    }

    #[test]
    fn sqlite_notices_its_file_was_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.db");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").unwrap();
        assert!(!sqlite_says_moved(&conn));
        std::fs::remove_file(&path).unwrap();
        assert!(sqlite_says_moved(&conn));
    }
}
