//! Who already owns a handle, for every handle of an import file.
//!
//! A file with many handles compared to the roster reads every stored handle once into memory
//! (one pass over the table); a few rows against a large roster ask the handle index for each.
//! Both answer exactly what `creators::find_by_handle` answers: the creator whose handle has
//! this platform and key, inside the import's own transaction.

use crate::error::Result;
use crate::roster::model::Platform;
use rusqlite::{Connection, OptionalExtension, Statement};
use std::collections::HashMap;

pub(crate) enum HandleOwners<'c> {
    /// Every stored handle: (platform, key) → creator.
    Loaded(HashMap<(Platform, String), i64>),
    Probed(Statement<'c>),
}

impl<'c> HandleOwners<'c> {
    /// Loading every stored handle costs about as much as probing the index for a quarter of
    /// them, so a file with at least that many handles loads them.
    pub fn new(conn: &'c Connection, file_handles: usize) -> Result<Self> {
        let stored: i64 = conn.query_row("SELECT count(*) FROM handles", [], |r| r.get(0))?;
        if file_handles as i64 * 4 >= stored {
            let mut owners = HashMap::with_capacity(stored as usize);
            let mut stmt = conn.prepare("SELECT platform, handle_key, creator_id FROM handles")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                if let Some(platform) = r.get_ref(0)?.as_str().ok().and_then(Platform::parse) {
                    owners.insert((platform, r.get(1)?), r.get(2)?);
                }
            }
            return Ok(HandleOwners::Loaded(owners));
        }
        Ok(HandleOwners::Probed(conn.prepare("SELECT creator_id FROM handles WHERE platform = ?1 AND handle_key = ?2")?))
    }

    /// The creator owning a handle, named by its platform and key (lower case, no `@`).
    pub fn owner(&mut self, key: &(Platform, String)) -> Result<Option<i64>> {
        match self {
            HandleOwners::Loaded(owners) => Ok(owners.get(key).copied()),
            HandleOwners::Probed(stmt) => Ok(stmt.query_row(rusqlite::params![key.0.as_str(), key.1], |r| r.get(0)).optional()?),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::creators;
    use crate::roster::model::{CreatorDraft, HandleDraft};
    use crate::workspace::settings::Settings;
    use crate::workspace::Workspace;

    #[test]
    fn loaded_and_probed_owners_agree_with_find_by_handle() {
        let mut ws = Workspace::in_memory(&Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
        for (name, platform, handle) in [("Anna", "instagram", "AnnaFit"), ("Bram", "tiktok", "annafit"), ("Cor", "instagram", "cor")] {
            let d = CreatorDraft { display_name: name.into(), handles: vec![HandleDraft { platform: platform.into(), handle: handle.into(), ..Default::default() }], ..Default::default() };
            creators::create(&mut ws, &d).unwrap();
        }
        let asked = [(Platform::Instagram, "annafit"), (Platform::Tiktok, "annafit"), (Platform::Instagram, "cor"), (Platform::Youtube, "cor"), (Platform::Instagram, "nobody")];
        for file_handles in [1000, 0] {
            let mut owners = HandleOwners::new(ws.conn(), file_handles).unwrap();
            assert_eq!(matches!(owners, HandleOwners::Loaded(_)), file_handles > 0);
            for (platform, key) in asked {
                let expected = creators::find_by_handle(ws.conn(), platform, key).unwrap();
                assert_eq!(owners.owner(&(platform, key.to_string())).unwrap(), expected, "{platform:?} {key}");
            }
        }
    }
}
