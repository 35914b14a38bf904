//! The import's fast paths to the database, for 100,000-row files.
//!
//! [`Inserter`] adds new creators with statements prepared once, instead of calling
//! `creators::save_record` per row: by the time it runs, the import has already checked inside
//! the same write transaction that every handle is free, so `save_record`'s clash checks,
//! re-reads and per-handle snapshot lookups would only repeat work (they made it five times
//! slower). It writes exactly what `save_record` writes for a new creator: the creator row with
//! its `sort_name` and `max_followers`, handles with their keys, today's follower snapshot,
//! niches, tags, rates, the search document and the audit line. The test
//! `the_fast_path_writes_what_save_record_writes` proves it table by table.
//!
//! [`load_stored`] reads many stored creators at once (a few queries per 500 creators), for the
//! merge of a re-import.

use crate::roster::creators::{self, WriteContext};
use crate::error::Result;
use crate::roster::model::*;
use crate::money::Currency;
use crate::roster::validate::handle_key;
use rusqlite::{params, Connection, Statement};
use std::collections::HashMap;

pub(crate) struct Inserter<'c> {
    conn: &'c Connection,
    creator: Statement<'c>,
    handle: Statement<'c>,
    snapshot: Statement<'c>,
    niche: Statement<'c>,
    tag: Statement<'c>,
    rate: Statement<'c>,
    search: Statement<'c>,
    audit: Statement<'c>,
    currency: &'static str,
}

impl<'c> Inserter<'c> {
    pub fn new(conn: &'c Connection, currency: Currency) -> Result<Self> {
        Ok(Inserter {
            conn,
            creator: conn.prepare(
                "INSERT INTO creators (display_name, sort_name, city, country, language, email, phone, manager,
                     paypal_email, iban, account_holder, payout_method, stage, authenticity_score,
                     authenticity_notes, notes, max_followers, revision, created_at, updated_at, postal_address)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, 1, ?18, ?18, ?19)",
            )?,
            handle: conn.prepare("INSERT INTO handles (creator_id, platform, handle, handle_key, profile_url, followers) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?,
            snapshot: conn.prepare("INSERT INTO follower_snapshots (handle_id, taken_on, followers) VALUES (?1, ?2, ?3)")?,
            niche: conn.prepare("INSERT INTO creator_niches (creator_id, niche, position) VALUES (?1, ?2, ?3)")?,
            tag: conn.prepare("INSERT INTO creator_tags (creator_id, tag, position) VALUES (?1, ?2, ?3)")?,
            rate: conn.prepare("INSERT INTO rate_card (creator_id, format, amount_minor, currency) VALUES (?1, ?2, ?3, ?4)")?,
            search: conn.prepare("INSERT INTO creator_search (rowid, body) VALUES (?1, ?2)")?,
            audit: conn.prepare("INSERT INTO audit_log (at, actor, entity, entity_id, action, detail) VALUES (?1, ?2, 'creator', ?3, 'create', ?4)")?,
            currency: currency.code(),
        })
    }

    /// Adds a validated creator whose handles the caller has found free in this transaction.
    pub fn insert(&mut self, r: &CreatorRecord, ctx: &WriteContext) -> Result<i64> {
        let max_followers = r.handles.iter().map(|h| h.followers).max().unwrap_or(0);
        self.creator.execute(params![
            r.display_name,
            creators::sort_name(&r.display_name),
            r.city,
            r.country,
            r.language,
            r.email,
            r.phone,
            r.manager,
            r.paypal_email,
            r.iban,
            r.account_holder,
            r.payout_method.as_str(),
            r.stage.as_str(),
            r.authenticity_score,
            r.authenticity_notes,
            r.notes,
            max_followers,
            ctx.now,
            r.postal_address
        ])?;
        let id = self.conn.last_insert_rowid();
        for h in &r.handles {
            self.handle.execute(params![id, h.platform.as_str(), h.handle, handle_key(&h.handle), h.profile_url, h.followers])?;
            let handle_id = self.conn.last_insert_rowid();
            self.snapshot.execute(params![handle_id, ctx.today, h.followers])?;
        }
        for (position, n) in r.niches.iter().enumerate() {
            self.niche.execute(params![id, n, position as i64])?;
        }
        for (position, t) in r.tags.iter().enumerate() {
            self.tag.execute(params![id, t, position as i64])?;
        }
        for rate in &r.rates {
            self.rate.execute(params![id, rate.format.as_str(), rate.amount_minor, self.currency])?;
        }
        self.search.execute(params![id, search_document(r)])?;
        self.audit.execute(params![ctx.now, ctx.actor.as_str(), id, r.display_name])?;
        Ok(id)
    }
}

/// The secondary indexes of the roster tables, set aside while a large import adds many new
/// creators and rebuilt from their own stored SQL before the transaction commits. Building an
/// index once from sorted rows is several times cheaper than updating it row by row. All of it
/// happens inside the import's transaction: if anything fails, SQLite rolls the indexes back
/// with everything else, and the schema after commit is exactly the schema before.
pub(crate) struct SuspendedIndexes {
    definitions: Vec<String>,
}

impl SuspendedIndexes {
    /// Below this many new creators, or when they add less than half of what is already on the
    /// roster, updating the indexes in place is cheaper than rebuilding them.
    const MIN_NEW: u64 = 5_000;

    pub fn for_bulk_insert(conn: &Connection, new_creators: u64) -> Result<SuspendedIndexes> {
        let existing: i64 = conn.query_row("SELECT count(*) FROM creators", [], |r| r.get(0))?;
        if new_creators < Self::MIN_NEW || (new_creators as i64) * 2 < existing {
            return Ok(SuspendedIndexes { definitions: Vec::new() });
        }
        // Indexes made by CREATE INDEX have their SQL stored; UNIQUE constraints (which the
        // import relies on) have none and stay.
        let indexes: Vec<(String, String)> = conn
            .prepare(
                "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL
                 AND tbl_name IN ('creators', 'handles', 'creator_niches', 'creator_tags')",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (name, _) in &indexes {
            conn.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
        }
        Ok(SuspendedIndexes { definitions: indexes.into_iter().map(|(_, sql)| sql).collect() })
    }

    pub fn restore(self, conn: &Connection) -> Result<()> {
        for sql in &self.definitions {
            conn.execute_batch(sql)?;
        }
        Ok(())
    }
}

/// The search document `search_index::refresh` builds from the stored rows, built from the
/// record instead: name, city, `@handles` in the order written, niches and tags in the order
/// their primary keys give them (sorted).
fn search_document(r: &CreatorRecord) -> String {
    let mut body = format!("{} {}", r.display_name, r.city);
    if !r.handles.is_empty() {
        body.push(' ');
        body.push_str(&r.handles.iter().map(|h| format!("@{}", h.handle)).collect::<Vec<_>>().join(" "));
    }
    for list in [&r.niches, &r.tags] {
        if !list.is_empty() {
            let mut sorted: Vec<&str> = list.iter().map(String::as_str).collect();
            sorted.sort_unstable();
            body.push(' ');
            body.push_str(&sorted.join(" "));
        }
    }
    body
}

/// A stored creator, as the merge needs it: the draft the row is laid over and the record to
/// compare the result with.
pub(crate) struct Stored {
    pub draft: CreatorDraft,
    pub record: CreatorRecord,
}

/// Loads stored creators by id, a chunk at a time. Missing ids are left out.
pub(crate) fn load_stored(conn: &Connection, ids: &[i64], currency: Currency) -> Result<HashMap<i64, Stored>> {
    Ok(creators::load_many(conn, ids, currency)?
        .into_iter()
        .map(|(id, c)| (id, Stored { draft: c.to_draft(), record: c.to_record() }))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::import::{run, ColumnMapping};
    use crate::workspace::settings::Settings;
    use crate::roster::validate::validate_draft;
    use crate::workspace::{Actor, Workspace};

    const CSV: &str = "Name;Instagram;Instagram volgers;Instagram 2;TikTok;TikTok volgers;Blog;Niches;Tags;Stage;Land;Uitbetaling;IBAN;Tenaamstelling;Tarief reel;Tarief story;Notities\n\
        Anna de Vries;AnnaFit;52.000;anna.backup;anna.moves;52.000;https://anna.example/blog;tech, food & drink, beauty;b-tag, a-tag;active;NL;bank;NL91ABNA0417164300;A. de Vries;450;99,95;\"Twee\nregels\"\n\
        Bram;bram;;;;;;;;;;;;;;;\n\
        Zoë;zoe.eats;1.234;;zoe.tt;0;;food & drink;;;;;;;;;\n";

    fn table(ws: &Workspace, sql: &str) -> Vec<Vec<String>> {
        let mut stmt = ws.conn().prepare(sql).unwrap();
        let n = stmt.column_count();
        stmt.query_map([], |r| (0..n).map(|i| r.get::<_, rusqlite::types::Value>(i).map(|v| format!("{v:?}"))).collect()).unwrap().map(Result::unwrap).collect()
    }

    #[test]
    fn the_fast_path_writes_what_save_record_writes() {
        let settings = Settings::new("Studio Zon", "EUR", "nl-NL");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("creators.csv");
        std::fs::write(&path, CSV).unwrap();

        let mut fast = Workspace::in_memory(&settings).unwrap();
        assert_eq!(run(&mut fast, &path, &ColumnMapping::default(), &mut |_| {}).unwrap().created, 3);

        // The same rows, one by one through the form's path (`creators::create` → `save_record`).
        let mut slow = Workspace::in_memory(&settings).unwrap();
        slow.set_actor(Actor::Import);
        let text = super::super::read::load(&path).unwrap();
        let mut records = super::super::read::Records::new(&text);
        let headers = super::super::header(&mut records, "creators.csv").unwrap();
        let layout = super::super::Layout::resolve("creators.csv", headers, &ColumnMapping::default()).unwrap();
        while let Some(rec) = records.next_record().unwrap() {
            crate::roster::creators::create(&mut slow, &layout.draft(rec.cells).unwrap().0).unwrap();
        }

        for sql in [
            "SELECT id, display_name, sort_name, city, country, language, email, phone, manager, paypal_email, iban, account_holder,
                    payout_method, stage, authenticity_score, authenticity_notes, notes, max_followers, revision, created_at = updated_at,
                    postal_address
             FROM creators ORDER BY id",
            "SELECT id, creator_id, platform, handle, handle_key, profile_url, followers FROM handles ORDER BY id",
            "SELECT handle_id, taken_on, followers FROM follower_snapshots ORDER BY handle_id, taken_on",
            "SELECT creator_id, niche, position FROM creator_niches ORDER BY creator_id, position",
            "SELECT creator_id, tag, position FROM creator_tags ORDER BY creator_id, position",
            "SELECT creator_id, format, amount_minor, currency FROM rate_card ORDER BY creator_id, format",
            "SELECT rowid, body FROM creator_search ORDER BY rowid",
            "SELECT actor, entity, entity_id, action, detail FROM audit_log ORDER BY id",
        ] {
            let (a, b) = (table(&fast, sql), table(&slow, sql));
            assert!(!a.is_empty(), "{sql}");
            assert_eq!(a, b, "{sql}");
        }
    }

    #[test]
    fn stored_creators_load_as_creators_get_loads_them() {
        let settings = Settings::new("Studio Zon", "EUR", "nl-NL");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("creators.csv");
        std::fs::write(&path, CSV).unwrap();
        let mut ws = Workspace::in_memory(&settings).unwrap();
        run(&mut ws, &path, &ColumnMapping::default(), &mut |_| {}).unwrap();
        let stored = load_stored(ws.conn(), &[1, 2, 3, 99], settings.currency()).unwrap();
        assert_eq!(stored.len(), 3, "a missing id is left out");
        for id in 1..=3 {
            let draft = crate::roster::creators::get(&ws, id).unwrap().to_draft();
            assert_eq!(stored[&id].draft, draft);
            assert_eq!(stored[&id].record, validate_draft(&draft, settings.currency()).unwrap());
        }
    }
}
