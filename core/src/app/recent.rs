//! The list of recently used workspaces, kept as JSON in the app's config directory. The
//! window reopens the last one used at start. Written atomically (temporary file, then rename),
//! so a crash never leaves a half-written list; an unreadable list is set aside, not lost.

use crate::app::config_file;
use crate::error::Result;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

const FILE_NAME: &str = "recent-workspaces.json";
const MAX_ENTRIES: usize = 15;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentEntry {
    pub path: String,
    pub brand_name: String,
    pub opened_at: String,
    /// Filled in when read: whether the file is still there.
    #[serde(default, skip_deserializing)]
    pub exists: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentList {
    /// Most recently opened first.
    pub entries: Vec<RecentEntry>,
}

impl RecentList {
    /// Reads the list from `config_dir`; a missing file is an empty list.
    pub fn load(config_dir: &Path) -> RecentList {
        let mut list: RecentList = config_file::load(config_dir, FILE_NAME).unwrap_or_default();
        for e in &mut list.entries {
            e.exists = Path::new(&e.path).is_file();
        }
        list
    }

    pub fn save(&self, config_dir: &Path) -> Result<()> {
        config_file::save(config_dir, FILE_NAME, self)
    }

    /// Puts a workspace at the top of the list.
    pub fn touch(&mut self, path: &Path, brand_name: &str, now: &str) {
        let key = normalise(path);
        self.entries.retain(|e| normalise(Path::new(&e.path)) != key);
        self.entries.insert(0, RecentEntry { path: key.display().to_string(), brand_name: brand_name.to_string(), opened_at: now.to_string(), exists: true });
        self.entries.truncate(MAX_ENTRIES);
    }

    pub fn forget(&mut self, path: &Path) {
        let key = normalise(path);
        self.entries.retain(|e| normalise(Path::new(&e.path)) != key);
    }

    /// The workspace to reopen at start: the most recent one that still exists.
    pub fn last_existing(&self) -> Option<PathBuf> {
        self.entries.iter().find(|e| Path::new(&e.path).is_file()).map(|e| PathBuf::from(&e.path))
    }
}

fn normalise(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_recent_first_without_duplicates_and_survives_a_reload() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.chorus");
        let b = dir.path().join("b.chorus");
        std::fs::write(&a, b"x").unwrap();
        let mut list = RecentList::default();
        list.touch(&a, "A", "t1");
        list.touch(&b, "B", "t2");
        list.touch(&a, "A", "t3");
        list.save(dir.path()).unwrap();
        let loaded = RecentList::load(dir.path());
        let names: Vec<_> = loaded.entries.iter().map(|e| (e.brand_name.as_str(), e.exists)).collect();
        assert_eq!(names, vec![("A", true), ("B", false)]);
        assert_eq!(loaded.last_existing().unwrap(), std::fs::canonicalize(&a).unwrap());
    }

    #[test]
    fn an_unreadable_list_is_set_aside_not_lost() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), b"{ not json").unwrap();
        assert!(RecentList::load(dir.path()).entries.is_empty());
        assert_eq!(std::fs::read(dir.path().join("recent-workspaces.json.unreadable")).unwrap(), b"{ not json");
    }
}
