//! The import's fast paths to the database, for 100,000-row files.
//!
//! [`Inserter`] adds new creators with statements prepared once, instead of calling
//! `creators::save_record` per row: by the time it runs, the import has already checked inside
//! the same write transaction that every handle is free, so `save_record`'s clash checks,
//! re-reads and per-handle snapshot lookups would only repeat work. It writes exactly what `save_record` writes for a new
//! creator: the creator row with its `sort_name` and `max_followers`, handles with their keys,
//! today's follower snapshot, niches, tags, rates, the search document and the audit line, in
//! the same order. The test `the_fast_path_writes_what_save_record_writes` proves it table by
//! table, and the search index trigram by trigram.
//!
//! [`SuspendedIndexes`] sets the secondary indexes aside while a large import adds many new
//! creators; [`load_stored`] reads many stored creators at once, for the merge of a re-import.

use crate::roster::creators::{self, WriteContext};
use crate::roster::facet_counts::SuspendedTriggers;
use crate::error::Result;
use crate::roster::model::*;
use crate::money::Currency;
use crate::roster::validate::handle_key;
use rusqlite::{params, Connection, Statement};
use std::collections::HashMap;

/// Adds new creators with statements prepared once, one row each. (A multi-row `INSERT` was
/// tried and is slower: a statement that may fail after writing some of its rows needs a
/// statement journal, which copied every page it touched, a gigabyte for 100,000 creators.)
///
/// The search documents are written last, after every other row: each statement that may need
/// undoing opens a savepoint, and at every savepoint FTS5 writes out the terms it holds in
/// memory, so documents written between other rows would each become a segment of their own,
/// to be merged again and again.
///
/// CHECK constraints are off for the inserter's own statements ([`ChecksOff`]): a constant
/// `IN (…)` list in a CHECK costs SQLite a temporary b-tree per row, and every value they test
/// is guaranteed here by the record's types (stage, platform, payout method, score 1–5, counts
/// and amounts never negative). The test `the_fast_path_skips_only_the_checks_its_types_keep`
/// fails when a table gains a CHECK that is not on that list.
pub(crate) struct Inserter<'c> {
    conn: &'c Connection,
    creator: Statement<'c>,
    handle: Statement<'c>,
    snapshot: Statement<'c>,
    niche: Statement<'c>,
    tag: Statement<'c>,
    rate: Statement<'c>,
    audit: Statement<'c>,
    documents: Vec<(i64, String)>,
    currency: &'static str,
    /// Last, so dropped after the statements prepared without CHECKs.
    _checks_off: ChecksOff<'c>,
}

impl<'c> Inserter<'c> {
    pub fn new(conn: &'c Connection, currency: Currency) -> Result<Self> {
        let checks_off = ChecksOff::new(conn)?;
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
            audit: conn.prepare("INSERT INTO audit_log (at, actor, entity, entity_id, action, detail) VALUES (?1, ?2, 'creator', ?3, 'create', ?4)")?,
            documents: Vec::new(),
            currency: currency.code(),
            _checks_off: checks_off,
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
        self.audit.execute(params![ctx.now, ctx.actor.as_str(), id, r.display_name])?;
        self.documents.push((id, search_document(r)));
        Ok(id)
    }

    /// Writes the search documents of everyone added.
    pub fn finish(mut self) -> Result<()> {
        let mut search = self.conn.prepare("INSERT INTO creator_search (rowid, body) VALUES (?1, ?2)")?;
        for (id, body) in std::mem::take(&mut self.documents) {
            search.execute(params![id, body])?;
        }
        Ok(())
    }
}

/// `PRAGMA ignore_check_constraints` for as long as it lives: statements prepared meanwhile
/// leave CHECK constraints out (changing the setting expires every prepared statement, so none
/// keeps it after). Set back when dropped, also on an error or a panic.
struct ChecksOff<'c>(&'c Connection);

impl<'c> ChecksOff<'c> {
    fn new(conn: &'c Connection) -> Result<Self> {
        conn.execute_batch("PRAGMA ignore_check_constraints = ON")?;
        Ok(ChecksOff(conn))
    }
}

impl Drop for ChecksOff<'_> {
    fn drop(&mut self) {
        // Setting a flag cannot fail on an open connection.
        let _ = self.0.execute_batch("PRAGMA ignore_check_constraints = OFF");
    }
}

/// The secondary indexes of the roster tables, set aside while a large import adds many new
/// creators and rebuilt from their own stored SQL before the transaction commits. Building an
/// index once from sorted rows is several times cheaper than updating it row by row. All of it
/// happens inside the import's transaction: if anything fails, SQLite rolls the indexes back
/// with everything else, and the schema after commit is exactly the schema before.
///
/// The filter menus' counting triggers are set aside with them and the counts made again at
/// the end ([`facet_counts::SuspendedTriggers`]): one count of 100,000 creators instead of
/// half a million trigger runs.
pub(crate) struct SuspendedIndexes {
    definitions: Vec<String>,
    triggers: Option<SuspendedTriggers>,
}

impl SuspendedIndexes {
    /// Below this many new creators, or when they add less than half of what is already on the
    /// roster, updating the indexes in place is cheaper than rebuilding them.
    const MIN_NEW: u64 = 5_000;

    pub fn for_bulk_insert(conn: &Connection, new_creators: u64) -> Result<SuspendedIndexes> {
        let existing: i64 = conn.query_row("SELECT count(*) FROM creators", [], |r| r.get(0))?;
        if new_creators < Self::MIN_NEW || (new_creators as i64) * 2 < existing {
            return Ok(SuspendedIndexes { definitions: Vec::new(), triggers: None });
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
        let triggers = Some(SuspendedTriggers::suspend(conn)?);
        Ok(SuspendedIndexes { definitions: indexes.into_iter().map(|(_, sql)| sql).collect(), triggers })
    }

    pub fn restore(self, conn: &Connection) -> Result<()> {
        for sql in &self.definitions {
            conn.execute_batch(sql)?;
        }
        match self.triggers {
            Some(triggers) => triggers.restore(conn),
            None => Ok(()),
        }
    }
}

/// The search document `search_index::refresh` builds from the stored rows, built from the
/// record instead: name, city and `@handles` in the order written.
fn search_document(r: &CreatorRecord) -> String {
    let mut body = format!("{} {}", r.display_name, r.city);
    for h in &r.handles {
        body.push_str(" @");
        body.push_str(&h.handle);
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
        .map(|(id, c)| (id, Stored { record: c.to_record(), draft: c.into_draft() }))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::import::{run, ColumnMapping};
    use crate::workspace::settings::Settings;
    use crate::roster::validate::validate_draft;
    use crate::workspace::{Actor, Workspace};
    use crate::roster::model::{CreatorDraft, HandleDraft};

    const CSV: &str = "Name;Instagram;Instagram volgers;Instagram 2;TikTok;TikTok volgers;Blog;Niches;Tags;Stage;Land;Uitbetaling;IBAN;Tenaamstelling;Tarief reel;Tarief story;Notities\n\
        Anna de Vries;AnnaFit;52.000;anna.backup;anna.moves;52.000;https://anna.example/blog;tech, food & drink, beauty;b-tag, a-tag;active;NL;bank;NL91ABNA0417164300;A. de Vries;450;99,95;\"Twee\nregels\"\n\
        Bram;bram;;;;;;;;;;;;;;;\n\
        Zoë;zoe.eats;1.234;;zoe.tt;0;;food & drink;;;;;;;;;\n";

    fn table(ws: &Workspace, sql: &str) -> Vec<Vec<String>> {
        let mut stmt = ws.conn().prepare(sql).unwrap();
        let n = stmt.column_count();
        stmt.query_map([], |r| (0..n).map(|i| r.get::<_, rusqlite::types::Value>(i).map(|v| format!("{v:?}"))).collect()).unwrap().map(Result::unwrap).collect()
    }

    /// The three rows of [`CSV`] and `more` made-up ones: one to four handles, some niches,
    /// tags and rates, enough rows to fill several batches and leave a remainder.
    fn csv_with(more: usize) -> String {
        let mut csv = CSV.to_string();
        for i in 0..more {
            let second = if i % 2 == 0 { format!("second.{i}") } else { String::new() };
            let (tiktok, tiktok_followers) = if i % 3 == 0 { (format!("tt.{i}"), (i * 11).to_string()) } else { (String::new(), String::new()) };
            let blog = if i % 5 == 0 { format!("https://blog.example/maker-{i}") } else { String::new() };
            let niches = if i % 2 == 0 { "tech, food & drink" } else { "" };
            let tags = if i % 7 == 0 { "vip" } else { "" };
            let stage = ["prospect", "active", "paused"][i % 3];
            let rate = if i % 4 == 0 { format!("{},50", 100 + i) } else { String::new() };
            csv.push_str(&format!("Maker {i} Émile;maker.{i};{};{second};{tiktok};{tiktok_followers};{blog};{niches};{tags};{stage};NL;;;;{rate};;\n", i * 37));
        }
        csv
    }

    /// Two workspaces that already hold creators (the newest one deleted, so the next id is
    /// one SQLite may hand out again).
    fn roster_with_history(settings: &Settings) -> Workspace {
        let mut ws = Workspace::in_memory(settings).unwrap();
        for (name, handle) in [("Existing", "existing"), ("Deleted", "deleted")] {
            let d = CreatorDraft {
                display_name: name.into(),
                handles: vec![HandleDraft { platform: "instagram".into(), handle: handle.into(), followers: "10".into(), ..Default::default() }],
                ..Default::default()
            };
            crate::roster::creators::create(&mut ws, &d).unwrap();
        }
        crate::roster::creators::delete(&mut ws, 2).unwrap();
        ws
    }

    #[test]
    fn the_fast_path_writes_what_save_record_writes() {
        let settings = Settings::new("Studio Zon", "EUR", "nl-NL");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("creators.csv");
        let more = 150;
        std::fs::write(&path, csv_with(more)).unwrap();

        let mut fast = roster_with_history(&settings);
        assert_eq!(run(&mut fast, &path, &ColumnMapping::default(), &mut |_| {}).unwrap().created, 3 + more as u64);

        // The same rows, one by one through the form's path (`creators::create` → `save_record`).
        let mut slow = roster_with_history(&settings);
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
            "SELECT id, actor, entity, entity_id, action, detail FROM audit_log ORDER BY id",
        ] {
            let (a, b) = (table(&fast, sql), table(&slow, sql));
            assert!(!a.is_empty(), "{sql}");
            assert_eq!(a, b, "{sql}");
        }
        // The search index keeps no copy of the documents: what it holds is every trigram of
        // every document, at its place.
        let indexed = "SELECT doc, term, offset FROM temp.indexed ORDER BY doc, offset, term";
        for ws in [&fast, &slow] {
            ws.conn().execute_batch("CREATE VIRTUAL TABLE temp.indexed USING fts5vocab(main, creator_search, instance)").unwrap();
        }
        let (a, b) = (table(&fast, indexed), table(&slow, indexed));
        assert!(a.len() > 1000, "{} trigrams", a.len());
        assert_eq!(a, b, "the search index");
    }

    #[test]
    fn the_fast_path_skips_only_the_checks_its_types_keep() {
        // The inserter writes these tables with CHECK constraints off (see `Inserter`): each
        // CHECK on them must be one the record's types guarantee. A new CHECK fails this test
        // until it is either guaranteed by the types (and listed here) or checked by the import.
        const KEPT_BY_TYPES: &[&str] = &[
            "payout_method IN ('none', 'paypal', 'bank')",
            "stage IN ('prospect', 'contacted', 'negotiating', 'active', 'paused', 'alumni', 'declined')",
            "authenticity_score BETWEEN 1 AND 5",
            "max_followers >= 0",
            "platform IN ('instagram', 'tiktok', 'youtube', 'x', 'pinterest', 'twitch', 'blog', 'other')",
            "followers >= 0",
            "amount_minor >= 0",
            // The VAT columns (schema 6): the import never writes them, so they keep their
            // defaults ('none', 0), which pass.
            "vat_status IN ('none', 'registered', 'reverse_charge')",
            "vat_rate_bp BETWEEN 0 AND 10000",
        ];
        let ws = Workspace::in_memory(&Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
        let mut seen = 0;
        for table in ["creators", "handles", "follower_snapshots", "creator_niches", "creator_tags", "rate_card", "audit_log"] {
            let sql: String = ws.conn().query_row("SELECT sql FROM sqlite_schema WHERE name = ?1", [table], |r| r.get(0)).unwrap();
            for check in checks_in(&sql) {
                assert!(KEPT_BY_TYPES.contains(&check.as_str()), "{table} has CHECK ({check}), which the import's fast path does not enforce");
                seen += 1;
            }
        }
        assert!(seen >= KEPT_BY_TYPES.len(), "the CHECKs were read ({seen})");
    }

    /// The CHECK expressions of a CREATE TABLE statement, with their whitespace folded.
    fn checks_in(sql: &str) -> Vec<String> {
        let mut out = Vec::new();
        let upper = sql.to_ascii_uppercase();
        let mut from = 0;
        while let Some(at) = upper[from..].find("CHECK") {
            let open = from + at + upper[from + at..].find('(').unwrap();
            let mut depth = 0;
            let close = (open..sql.len()).find(|&i| {
                match sql.as_bytes()[i] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                depth == 0
            });
            let close = close.unwrap();
            out.push(sql[open + 1..close].split_whitespace().collect::<Vec<_>>().join(" "));
            from = close;
        }
        out
    }

    /// A workspace with [`CSV`] imported.
    fn imported(settings: &Settings) -> Workspace {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("creators.csv");
        std::fs::write(&path, CSV).unwrap();
        let mut ws = Workspace::in_memory(settings).unwrap();
        run(&mut ws, &path, &ColumnMapping::default(), &mut |_| {}).unwrap();
        ws
    }

    #[test]
    fn check_constraints_hold_again_after_an_import() {
        let ws = imported(&Settings::new("Studio Zon", "EUR", "nl-NL"));
        let bad = ws.conn().execute("UPDATE creators SET stage = 'married' WHERE id = 1", []);
        assert!(bad.is_err(), "the stage CHECK is enforced again");
        let bad = ws.conn().execute("INSERT INTO handles (creator_id, platform, handle, handle_key) VALUES (1, 'myspace', 'x', 'x')", []);
        assert!(bad.is_err(), "the platform CHECK is enforced again");
    }

    #[test]
    fn stored_creators_load_as_creators_get_loads_them() {
        let settings = Settings::new("Studio Zon", "EUR", "nl-NL");
        let ws = imported(&settings);
        let stored = load_stored(ws.conn(), &[1, 2, 3, 99], settings.currency()).unwrap();
        assert_eq!(stored.len(), 3, "a missing id is left out");
        for id in 1..=3 {
            let draft = crate::roster::creators::get(&ws, id).unwrap().to_draft();
            assert_eq!(stored[&id].draft, draft);
            assert_eq!(stored[&id].record, validate_draft(&draft, settings.currency()).unwrap());
        }
    }
}
