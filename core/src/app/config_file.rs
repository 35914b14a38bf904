//! Small JSON files in the app's config folder (the recent list, the preferences): read with a
//! fallback, written atomically. A write goes to a temporary file in the same folder and is
//! renamed over the old one, so a crash never leaves half a file. A file that cannot be read
//! is set aside as `<name>.unreadable` (kept for inspection, never deleted) and the caller's
//! default is used.

use crate::error::{Error, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::path::Path;

/// Reads `config_dir/name`; `None` when it does not exist or could not be read.
pub(crate) fn load<T: DeserializeOwned>(config_dir: &Path, name: &str) -> Option<T> {
    let path = config_dir.join(name);
    let bytes = std::fs::read(&path).ok()?;
    match serde_json::from_slice(&bytes) {
        Ok(value) => Some(value),
        Err(_) => {
            let _ = std::fs::rename(&path, config_dir.join(format!("{name}.unreadable")));
            None
        }
    }
}

/// Writes `value` to `config_dir/name` atomically, creating the folder when needed.
pub(crate) fn save<T: Serialize>(config_dir: &Path, name: &str, value: &T) -> Result<()> {
    std::fs::create_dir_all(config_dir).map_err(|e| Error::io("create the folder", config_dir, e))?;
    let temp = tempfile::NamedTempFile::new_in(config_dir).map_err(|e| Error::io("write to", config_dir, e))?;
    serde_json::to_writer_pretty(temp.as_file(), value).map_err(|e| Error::io("write to", temp.path(), std::io::Error::other(e)))?;
    let target = config_dir.join(name);
    temp.persist(&target).map_err(|e| Error::io("save", &target, e.error))?;
    Ok(())
}
