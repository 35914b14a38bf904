//! The import's fast paths to the database, for 100,000-row files.
//!
//! [`Inserter`] adds new creators in batches instead of calling `creators::save_record` per
//! row: by the time it runs, the import has already checked inside the same write transaction
//! that every handle is free, so `save_record`'s clash checks, re-reads and per-handle snapshot
//! lookups would only repeat work. It writes exactly what `save_record` writes for a new
//! creator: the creator row with its `sort_name` and `max_followers`, handles with their keys,
//! today's follower snapshot, niches, tags, rates, the search document and the audit line, with
//! the ids SQLite would have given them. The test `the_fast_path_writes_what_save_record_writes`
//! proves it table by table, over several batches.
//!
//! [`SuspendedIndexes`] sets the secondary indexes aside while a large import adds many new
//! creators; [`load_stored`] reads many stored creators at once, for the merge of a re-import.

use crate::roster::creators::{self, WriteContext};
use crate::error::Result;
use crate::roster::model::*;
use crate::money::Currency;
use crate::roster::validate::handle_key;
use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use rusqlite::{params, params_from_iter, Connection, Statement};
use std::collections::HashMap;

/// Adds new creators in bulk. Rows wait in per-table batches and go to SQLite as multi-row
/// `INSERT`s of [`BATCH`] rows, a table's parents always before its children (creators, then
/// handles, then snapshots), so every foreign key finds its row. Ids are given here, counting on
/// from the largest in the table, which is what SQLite itself would choose (the import holds the
/// write lock). The search documents are written last, after every other row: each statement
/// that may need undoing opens a savepoint, and at every savepoint FTS5 writes out the terms it
/// holds in memory, so documents written between other rows would each become a segment of
/// their own, to be merged again and again.
///
/// CHECK constraints are off for the inserter's own statements ([`ChecksOff`]): a constant
/// `IN (…)` list in a CHECK costs SQLite a temporary b-tree per row, and every value they test
/// is guaranteed here by the record's types (stage, platform, payout method, score 1–5, counts
/// and amounts never negative). The test `the_fast_path_skips_only_the_checks_its_types_keep`
/// fails when a table gains a CHECK that is not on that list.
pub(crate) struct Inserter<'c, 'r> {
    conn: &'c Connection,
    _checks_off: ChecksOff<'c>,
    creators: Batch<'c, 'r>,
    handles: Batch<'c, 'r>,
    snapshots: Batch<'c, 'r>,
    niches: Batch<'c, 'r>,
    tags: Batch<'c, 'r>,
    rates: Batch<'c, 'r>,
    audit: Batch<'c, 'r>,
    documents: Vec<(i64, String)>,
    next_creator: i64,
    next_handle: i64,
    currency: &'static str,
    now: &'r str,
    today: &'r str,
    actor: &'static str,
}

/// Rows per multi-row `INSERT`.
const BATCH: usize = 64;

impl<'c, 'r> Inserter<'c, 'r> {
    pub fn new(conn: &'c Connection, currency: Currency, ctx: &'r WriteContext) -> Result<Self> {
        let checks_off = ChecksOff::new(conn)?;
        let next = |table: &str| -> Result<i64> { Ok(conn.query_row(&format!("SELECT coalesce(max(id), 0) + 1 FROM {table}"), [], |r| r.get(0))?) };
        Ok(Inserter {
            conn,
            _checks_off: checks_off,
            creators: Batch::new(
                conn,
                "creators (id, display_name, sort_name, city, country, language, email, phone, manager, paypal_email, iban,
                     account_holder, payout_method, stage, authenticity_score, authenticity_notes, notes, max_followers,
                     revision, created_at, updated_at, postal_address)",
                22,
            ),
            handles: Batch::new(conn, "handles (id, creator_id, platform, handle, handle_key, profile_url, followers)", 7),
            snapshots: Batch::new(conn, "follower_snapshots (handle_id, taken_on, followers)", 3),
            niches: Batch::new(conn, "creator_niches (creator_id, niche, position)", 3),
            tags: Batch::new(conn, "creator_tags (creator_id, tag, position)", 3),
            rates: Batch::new(conn, "rate_card (creator_id, format, amount_minor, currency)", 4),
            audit: Batch::new(conn, "audit_log (at, actor, entity, entity_id, action, detail)", 6),
            documents: Vec::new(),
            next_creator: next("creators")?,
            next_handle: next("handles")?,
            currency: currency.code(),
            now: &ctx.now,
            today: &ctx.today,
            actor: ctx.actor.as_str(),
        })
    }

    /// Adds a validated creator whose handles the caller has found free in this transaction.
    pub fn insert(&mut self, r: &'r CreatorRecord) -> Result<i64> {
        let id = self.next_creator;
        self.next_creator += 1;
        let max_followers = r.handles.iter().map(|h| h.followers).max().unwrap_or(0);
        let score = r.authenticity_score.map_or(Out::Owned(Value::Null), |s| int(i64::from(s)));
        self.creators.row([
            int(id),
            text(&r.display_name),
            Out::Owned(Value::Text(creators::sort_name(&r.display_name))),
            text(&r.city),
            text(&r.country),
            text(&r.language),
            text(&r.email),
            text(&r.phone),
            text(&r.manager),
            text(&r.paypal_email),
            text(&r.iban),
            text(&r.account_holder),
            text(r.payout_method.as_str()),
            text(r.stage.as_str()),
            score,
            text(&r.authenticity_notes),
            text(&r.notes),
            int(max_followers),
            int(1),
            text(self.now),
            text(self.now),
            text(&r.postal_address),
        ]);
        for h in &r.handles {
            let handle_id = self.next_handle;
            self.next_handle += 1;
            self.handles.row([
                int(handle_id),
                int(id),
                text(h.platform.as_str()),
                text(&h.handle),
                Out::Owned(Value::Text(handle_key(&h.handle))),
                text(&h.profile_url),
                int(h.followers),
            ]);
            self.snapshots.row([int(handle_id), text(self.today), int(h.followers)]);
        }
        for (position, n) in r.niches.iter().enumerate() {
            self.niches.row([int(id), text(n), int(position as i64)]);
        }
        for (position, t) in r.tags.iter().enumerate() {
            self.tags.row([int(id), text(t), int(position as i64)]);
        }
        for rate in &r.rates {
            self.rates.row([int(id), text(rate.format.as_str()), int(rate.amount_minor), text(self.currency)]);
        }
        self.audit.row([text(self.now), text(self.actor), text("creator"), int(id), text("create"), text(&r.display_name)]);
        self.documents.push((id, search_document(r)));
        if self.creators.is_full() {
            self.write_batches(false)?;
        }
        Ok(id)
    }

    /// Writes every full batch, parents first; with `all`, the rest too.
    fn write_batches(&mut self, all: bool) -> Result<()> {
        for batch in [&mut self.creators, &mut self.handles, &mut self.snapshots, &mut self.niches, &mut self.tags, &mut self.rates, &mut self.audit] {
            batch.write(all)?;
        }
        Ok(())
    }

    /// Writes what is still waiting, then the search documents, one statement each (a
    /// multi-row `INSERT` would open a savepoint, which writes out FTS5's pending terms).
    pub fn finish(mut self) -> Result<()> {
        self.write_batches(true)?;
        let mut search = self.conn.prepare("INSERT INTO creator_search (rowid, body) VALUES (?1, ?2)")?;
        for (id, body) in std::mem::take(&mut self.documents) {
            search.execute(params![id, body])?;
        }
        Ok(())
    }
}

type Out<'r> = ToSqlOutput<'r>;

fn text(s: &str) -> Out<'_> {
    Out::Borrowed(ValueRef::Text(s.as_bytes()))
}

fn int<'r>(n: i64) -> Out<'r> {
    Out::Owned(Value::Integer(n))
}

/// The rows of one table waiting to be written, `width` values each.
struct Batch<'c, 'r> {
    conn: &'c Connection,
    table: &'static str,
    width: usize,
    values: Vec<Out<'r>>,
    /// The statement for [`BATCH`] rows, prepared on first use.
    full: Option<Statement<'c>>,
}

impl<'c, 'r> Batch<'c, 'r> {
    fn new(conn: &'c Connection, table: &'static str, width: usize) -> Self {
        Batch { conn, table, width, values: Vec::with_capacity(2 * BATCH * width), full: None }
    }

    fn row<const N: usize>(&mut self, values: [Out<'r>; N]) {
        debug_assert_eq!(N, self.width);
        self.values.extend(values);
    }

    fn is_full(&self) -> bool {
        self.values.len() >= BATCH * self.width
    }

    fn statement(&self, rows: usize) -> Result<Statement<'c>> {
        let one = format!("({})", vec!["?"; self.width].join(", "));
        Ok(self.conn.prepare(&format!("INSERT INTO {} VALUES {}", self.table, vec![one; rows].join(", ")))?)
    }

    /// Writes the waiting rows in statements of [`BATCH`] rows; with `all`, the rest in one
    /// more statement, else they wait for the next call.
    fn write(&mut self, all: bool) -> Result<()> {
        let chunk = BATCH * self.width;
        let mut written = 0;
        while self.values.len() - written >= chunk {
            if self.full.is_none() {
                self.full = Some(self.statement(BATCH)?);
            }
            let stmt = self.full.as_mut().expect("prepared above");
            stmt.execute(params_from_iter(&self.values[written..written + chunk]))?;
            written += chunk;
        }
        let rest = self.values.len() - written;
        if all && rest > 0 {
            self.statement(rest / self.width)?.execute(params_from_iter(&self.values[written..]))?;
            written += rest;
        }
        self.values.drain(..written);
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
        let more = 3 * BATCH + 5;
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
            "SELECT rowid, body FROM creator_search ORDER BY rowid",
            "SELECT id, actor, entity, entity_id, action, detail FROM audit_log ORDER BY id",
        ] {
            let (a, b) = (table(&fast, sql), table(&slow, sql));
            assert!(!a.is_empty(), "{sql}");
            assert_eq!(a, b, "{sql}");
        }
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

    #[test]
    fn check_constraints_hold_again_after_an_import() {
        let settings = Settings::new("Studio Zon", "EUR", "nl-NL");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("creators.csv");
        std::fs::write(&path, CSV).unwrap();
        let mut ws = Workspace::in_memory(&settings).unwrap();
        run(&mut ws, &path, &ColumnMapping::default(), &mut |_| {}).unwrap();
        let bad = ws.conn().execute("UPDATE creators SET stage = 'married' WHERE id = 1", []);
        assert!(bad.is_err(), "the stage CHECK is enforced again");
        let bad = ws.conn().execute("INSERT INTO handles (creator_id, platform, handle, handle_key) VALUES (1, 'myspace', 'x', 'x')", []);
        assert!(bad.is_err(), "the platform CHECK is enforced again");
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
