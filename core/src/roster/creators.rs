//! Creating, reading, updating and deleting creators.
//!
//! Contract: every change is validated by [`crate::roster::validate`] first and written in one
//! transaction with its handles, follower snapshot, niches, tags, rates, search document and
//! audit line. An update names the revision it was based on and is refused when the creator
//! changed since (another window or the CLI), so no write is silently lost. A handle belongs to
//! one creator per platform; a clash is a field error naming the handle.

use crate::error::{Error, FieldError, Result};
use crate::roster::model::*;
use crate::money::{Currency, Money};
use crate::workspace::settings::{self, Settings};
use crate::roster::validate::{self, handle_key};
use crate::workspace::{audit, now_utc, today, Actor, Workspace};
use crate::roster::search_index;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};
use std::collections::HashMap;
use serde::Serialize;

/// A creator and the draft the edit form starts from.
#[derive(Debug, Clone, Serialize)]
pub struct CreatorView {
    #[serde(flatten)]
    pub creator: Creator,
    pub draft: CreatorDraft,
}

impl From<Creator> for CreatorView {
    fn from(creator: Creator) -> Self {
        let draft = creator.to_draft();
        CreatorView { creator, draft }
    }
}

/// Adds a creator.
pub fn create(ws: &mut Workspace, draft: &CreatorDraft) -> Result<Creator> {
    let actor = ws.actor();
    let id = ws.write(|tx| {
        let s = settings::load(tx)?;
        let record = checked(tx, None, draft, &s)?;
        let ctx = WriteContext::new(actor);
        Ok(save_record(tx, None, &record, &s, &ctx)?.id)
    })?;
    get(ws, id)
}

/// Replaces a creator's details with `draft`, if nobody changed it since `revision`.
pub fn update(ws: &mut Workspace, id: i64, revision: i64, draft: &CreatorDraft) -> Result<Creator> {
    let actor = ws.actor();
    ws.write(|tx| {
        let current: Option<i64> = tx.query_row("SELECT revision FROM creators WHERE id = ?1", [id], |r| r.get(0)).optional()?;
        match current {
            None => return Err(Error::NotFound { what: "creator", id }),
            Some(r) if r != revision => return Err(Error::StaleEdit { id }),
            Some(_) => {}
        }
        let s = settings::load(tx)?;
        let record = checked(tx, Some(id), draft, &s)?;
        save_record(tx, Some(id), &record, &s, &WriteContext::new(actor))?;
        Ok(())
    })?;
    get(ws, id)
}

/// Validates a draft for creator `id` (None: a new one) and finds its handles that belong to
/// someone else, and reports all of it at once: a taken handle is named at its row of the form
/// in the same answer as a bad email, not only once the email is fixed.
fn checked(conn: &Connection, id: Option<i64>, draft: &CreatorDraft, s: &Settings) -> Result<CreatorRecord> {
    let validated = validate::validate_draft(draft, s.currency());
    let mut clashes = Vec::new();
    for (i, platform, handle) in validate::draft_handles(draft) {
        if let Some(clash) = handle_clash(conn, id, &format!("handles.{i}.handle"), platform, &handle)? {
            clashes.push(clash);
        }
    }
    match validated {
        Ok(record) if clashes.is_empty() => Ok(record),
        Ok(_) => Err(Error::Validation(clashes)),
        Err(mut problems) => {
            // A handle already refused in the draft itself (duplicate, spaces) needs no second word.
            let clashes: Vec<_> = clashes.into_iter().filter(|c| !problems.iter().any(|p| p.field == c.field)).collect();
            problems.extend(clashes);
            Err(Error::Validation(problems))
        }
    }
}

/// The field error for `handle` on `platform` when it belongs to a creator other than `own`.
fn handle_clash(conn: &Connection, own: Option<i64>, field: &str, platform: Platform, handle: &str) -> Result<Option<FieldError>> {
    let Some(owner) = find_by_handle(conn, platform, handle)? else { return Ok(None) };
    if Some(owner) == own {
        return Ok(None);
    }
    let owner_name: String = conn.query_row("SELECT display_name FROM creators WHERE id = ?1", [owner], |row| row.get(0))?;
    Ok(Some(FieldError::new(field, "handle_taken", format!("@{handle} on {} already belongs to {owner_name}.", platform.label())).with_value(handle)))
}

/// Deletes a creator with their handles and follower history. A creator who is in any
/// collaboration is refused: that history, its gifts and fees are kept.
pub fn delete(ws: &mut Workspace, id: i64) -> Result<()> {
    let actor = ws.actor();
    ws.write(|tx| {
        let name: Option<String> = tx.query_row("SELECT display_name FROM creators WHERE id = ?1", [id], |r| r.get(0)).optional()?;
        let Some(name) = name else { return Err(Error::NotFound { what: "creator", id }) };
        let collaborations: i64 = tx.query_row("SELECT count(*) FROM collaborations WHERE creator_id = ?1", [id], |r| r.get(0))?;
        if collaborations > 0 {
            return Err(Error::Validation(vec![FieldError::new(
                "creator",
                "creator_has_collaborations",
                format!("{name} is in {}. Their history, gifts and fees are kept, so the creator is too: set the stage to alumni or declined instead.", crate::words::counted(collaborations, "collaboration", "collaborations")),
            )
            .with_value(collaborations.to_string())]));
        }
        tx.execute("DELETE FROM creators WHERE id = ?1", [id])?;
        search_index::remove(tx, id)?;
        audit(tx, actor, "creator", Some(id), "delete", &name)?;
        Ok(())
    })
}

pub fn get(ws: &Workspace, id: i64) -> Result<Creator> {
    let s = ws.settings()?;
    load(ws.conn(), id, &s)
}

/// Shared state of one write: the clock, read once, and who writes.
pub(crate) struct WriteContext {
    pub now: String,
    pub today: String,
    pub actor: Actor,
}

impl WriteContext {
    pub fn new(actor: Actor) -> Self {
        WriteContext { now: now_utc(), today: today(), actor }
    }
}

/// What [`save_record`] did.
pub(crate) struct Saved {
    pub id: i64,
    /// False when the stored creator already said exactly this.
    pub changed: bool,
}

/// The creator that owns a handle, if any.
pub(crate) fn find_by_handle(conn: &Connection, platform: Platform, handle: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT creator_id FROM handles WHERE platform = ?1 AND handle_key = ?2")?
        .query_row(params![platform.as_str(), handle_key(handle)], |r| r.get(0))
        .optional()?)
}

/// Writes a validated creator: inserts when `id` is None, else replaces the stored details.
/// Handles are matched on platform + handle so their ids and histories survive an edit.
/// A follower count that differs from the newest snapshot records a snapshot for today.
pub(crate) fn save_record(conn: &Connection, id: Option<i64>, r: &CreatorRecord, s: &Settings, ctx: &WriteContext) -> Result<Saved> {
    // A handle owned by someone else is a field error, not a database error.
    let mut clashes = Vec::new();
    for (i, h) in r.handles.iter().enumerate() {
        if let Some(clash) = handle_clash(conn, id, &format!("handles.{i}.handle"), h.platform, &h.handle)? {
            clashes.push(clash);
        }
    }
    if !clashes.is_empty() {
        return Err(Error::Validation(clashes));
    }

    let max_followers = r.handles.iter().map(|h| h.followers).max().unwrap_or(0);
    let currency = s.currency();
    let (id, created) = match id {
        None => {
            conn.prepare_cached(
                "INSERT INTO creators (display_name, sort_name, city, country, language, email, phone, manager,
                     paypal_email, iban, account_holder, payout_method, stage, authenticity_score,
                     authenticity_notes, notes, max_followers, revision, created_at, updated_at, postal_address,
                     vat_status, vat_number, vat_rate_bp, billing_address)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, 1, ?18, ?18, ?19, ?20, ?21, ?22, ?23)",
            )?
            .execute(params![
                r.display_name, sort_name(&r.display_name), r.city, r.country, r.language, r.email, r.phone, r.manager,
                r.paypal_email, r.iban, r.account_holder, r.payout_method.as_str(), r.stage.as_str(), r.authenticity_score,
                r.authenticity_notes, r.notes, max_followers, ctx.now, r.postal_address,
                r.vat_status.as_str(), r.vat_number, r.vat_rate_bp, r.billing_address
            ])?;
            (conn.last_insert_rowid(), true)
        }
        Some(id) => {
            let before = load_record(conn, id, currency)?;
            if before == *r {
                return Ok(Saved { id, changed: false });
            }
            conn.prepare_cached(
                "UPDATE creators SET display_name = ?2, sort_name = ?3, city = ?4, country = ?5, language = ?6,
                     email = ?7, phone = ?8, manager = ?9, paypal_email = ?10, iban = ?11, account_holder = ?12,
                     payout_method = ?13, stage = ?14, authenticity_score = ?15, authenticity_notes = ?16,
                     notes = ?17, max_followers = ?18, revision = revision + 1, updated_at = ?19, postal_address = ?20,
                     vat_status = ?21, vat_number = ?22, vat_rate_bp = ?23, billing_address = ?24
                 WHERE id = ?1",
            )?
            .execute(params![
                id, r.display_name, sort_name(&r.display_name), r.city, r.country, r.language, r.email, r.phone,
                r.manager, r.paypal_email, r.iban, r.account_holder, r.payout_method.as_str(), r.stage.as_str(),
                r.authenticity_score, r.authenticity_notes, r.notes, max_followers, ctx.now, r.postal_address,
                r.vat_status.as_str(), r.vat_number, r.vat_rate_bp, r.billing_address
            ])?;
            (id, false)
        }
    };

    write_handles(conn, id, &r.handles, &ctx.today)?;
    conn.prepare_cached("DELETE FROM creator_niches WHERE creator_id = ?1")?.execute([id])?;
    for (position, n) in r.niches.iter().enumerate() {
        conn.prepare_cached("INSERT INTO creator_niches (creator_id, niche, position) VALUES (?1, ?2, ?3)")?.execute(params![id, n, position as i64])?;
    }
    conn.prepare_cached("DELETE FROM creator_tags WHERE creator_id = ?1")?.execute([id])?;
    for (position, t) in r.tags.iter().enumerate() {
        conn.prepare_cached("INSERT INTO creator_tags (creator_id, tag, position) VALUES (?1, ?2, ?3)")?.execute(params![id, t, position as i64])?;
    }
    conn.prepare_cached("DELETE FROM rate_card WHERE creator_id = ?1")?.execute([id])?;
    for rate in &r.rates {
        conn.prepare_cached("INSERT INTO rate_card (creator_id, format, amount_minor, currency) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![id, rate.format.as_str(), rate.amount_minor, currency.code()])?;
    }
    search_index::refresh(conn, id)?;
    audit(conn, ctx.actor, "creator", Some(id), if created { "create" } else { "update" }, &r.display_name)?;
    Ok(Saved { id, changed: true })
}

fn write_handles(conn: &Connection, creator_id: i64, handles: &[HandleRecord], today: &str) -> Result<()> {
    let existing: Vec<(i64, String, String)> = conn
        .prepare_cached("SELECT id, platform, handle_key FROM handles WHERE creator_id = ?1")?
        .query_map([creator_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let wanted: Vec<(&HandleRecord, String)> = handles.iter().map(|h| (h, handle_key(&h.handle))).collect();
    for (hid, platform, key) in &existing {
        if !wanted.iter().any(|(h, k)| h.platform.as_str() == platform && k == key) {
            conn.prepare_cached("DELETE FROM handles WHERE id = ?1")?.execute([hid])?;
        }
    }
    for (h, key) in wanted {
        let found = existing.iter().find(|(_, p, k)| p == h.platform.as_str() && *k == key).map(|(id, _, _)| *id);
        let hid = match found {
            Some(hid) => {
                conn.prepare_cached("UPDATE handles SET handle = ?2, profile_url = ?3, followers = ?4 WHERE id = ?1")?
                    .execute(params![hid, h.handle, h.profile_url, h.followers])?;
                hid
            }
            None => {
                conn.prepare_cached("INSERT INTO handles (creator_id, platform, handle, handle_key, profile_url, followers) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?
                    .execute(params![creator_id, h.platform.as_str(), h.handle, key, h.profile_url, h.followers])?;
                conn.last_insert_rowid()
            }
        };
        let newest: Option<i64> = conn
            .prepare_cached("SELECT followers FROM follower_snapshots WHERE handle_id = ?1 ORDER BY taken_on DESC LIMIT 1")?
            .query_row([hid], |r| r.get(0))
            .optional()?;
        if newest != Some(h.followers) {
            conn.prepare_cached("INSERT INTO follower_snapshots (handle_id, taken_on, followers) VALUES (?1, ?2, ?3) ON CONFLICT (handle_id, taken_on) DO UPDATE SET followers = excluded.followers")?
                .execute(params![hid, today, h.followers])?;
        }
    }
    Ok(())
}

/// Records a follower count for a handle on a given day (history import, demo data).
pub(crate) fn record_snapshot(conn: &Connection, handle_id: i64, date: &str, followers: i64) -> Result<()> {
    conn.prepare_cached("INSERT INTO follower_snapshots (handle_id, taken_on, followers) VALUES (?1, ?2, ?3) ON CONFLICT (handle_id, taken_on) DO UPDATE SET followers = excluded.followers")?
        .execute(params![handle_id, date, followers])?;
    Ok(())
}

/// What the roster sorts names by: lower case, accents folded ("Émile" before "Zoë").
pub(crate) fn sort_name(display_name: &str) -> String {
    crate::roster::folding::fold(display_name)
}

/// Stores every creator's sort name again from the display name (after the rule changed).
pub(crate) fn refresh_sort_names(conn: &Connection) -> Result<()> {
    let names: Vec<(i64, String)> = conn.prepare("SELECT id, display_name FROM creators")?.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    let mut update = conn.prepare("UPDATE creators SET sort_name = ?2 WHERE id = ?1 AND sort_name IS NOT ?2")?;
    for (id, name) in names {
        update.execute(params![id, sort_name(&name)])?;
    }
    Ok(())
}

/// The stored creator as a record, to tell whether a save changes anything.
fn load_record(conn: &Connection, id: i64, currency: Currency) -> Result<CreatorRecord> {
    Ok(load_without_history(conn, id, currency)?.to_record())
}

/// Loads one creator with everything the detail panel shows.
pub(crate) fn load(conn: &Connection, id: i64, s: &Settings) -> Result<Creator> {
    let mut c = load_without_history(conn, id, s.currency())?;
    c.tier = s.tiers.tier_for(c.max_followers);
    c.follower_history = follower_history(conn, id)?;
    Ok(c)
}

fn load_without_history(conn: &Connection, id: i64, currency: Currency) -> Result<Creator> {
    load_many(conn, &[id], currency)?.remove(&id).ok_or(Error::NotFound { what: "creator", id })
}

/// Loads creators by id, without their follower history (the tier is left for the caller).
/// Missing ids are left out. A few ids are read a chunk at a time through the indexes; ids for
/// half the roster or more (a re-import) in one pass over each table, which is cheaper than
/// probing the indexes for each.
pub(crate) fn load_many(conn: &Connection, ids: &[i64], currency: Currency) -> Result<HashMap<i64, Creator>> {
    const CHUNK: usize = 500;
    let mut out = HashMap::with_capacity(ids.len());
    let stored: i64 = if ids.len() > CHUNK { conn.query_row("SELECT count(*) FROM creators", [], |r| r.get(0))? } else { i64::MAX };
    if ids.len() as i64 * 2 >= stored {
        let wanted: std::collections::HashSet<i64> = ids.iter().copied().collect();
        read_creators(conn, &mut out, |_| String::new(), &[], |id| wanted.contains(&id), currency)?;
    } else {
        for chunk in ids.chunks(CHUNK) {
            let marks = vec!["?"; chunk.len()].join(",");
            let args: Vec<Value> = chunk.iter().map(|&id| Value::Integer(id)).collect();
            read_creators(conn, &mut out, |column| format!("WHERE {column} IN ({marks})"), &args, |_| true, currency)?;
        }
    }
    for c in out.values_mut() {
        c.rates.sort_by_key(|r| r.format);
    }
    Ok(out)
}

/// Reads the creators `filter` selects (a WHERE clause on the given id column, with `args`)
/// and `keep` accepts into `out`, each with handles by audience and labels in the order given.
fn read_creators(
    conn: &Connection,
    out: &mut HashMap<i64, Creator>,
    filter: impl Fn(&str) -> String,
    args: &[Value],
    keep: impl Fn(i64) -> bool,
    currency: Currency,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, revision, display_name, city, country, language, email, phone, manager, paypal_email, iban,
                account_holder, payout_method, stage, authenticity_score, authenticity_notes, notes,
                max_followers, created_at, updated_at, postal_address, last_contact_on,
                vat_status, vat_number, vat_rate_bp, billing_address
         FROM creators {}",
        filter("id")
    ))?;
    let mut rows = stmt.query(params_from_iter(args))?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if !keep(id) {
            continue;
        }
        let c = Creator {
            id,
            revision: r.get(1)?,
            display_name: r.get(2)?,
            city: r.get(3)?,
            country: r.get(4)?,
            language: r.get(5)?,
            email: r.get(6)?,
            phone: r.get(7)?,
            manager: r.get(8)?,
            paypal_email: r.get(9)?,
            iban: r.get(10)?,
            account_holder: r.get(11)?,
            payout_method: PayoutMethod::parse(r.get_ref(12)?.as_str().unwrap_or_default()).unwrap_or(PayoutMethod::None),
            stage: Stage::parse(r.get_ref(13)?.as_str().unwrap_or_default()).unwrap_or(Stage::Prospect),
            authenticity_score: r.get(14)?,
            authenticity_notes: r.get(15)?,
            notes: r.get(16)?,
            max_followers: r.get(17)?,
            created_at: r.get(18)?,
            updated_at: r.get(19)?,
            postal_address: r.get(20)?,
            last_contact_on: r.get(21)?,
            vat_status: VatStatus::parse(r.get_ref(22)?.as_str().unwrap_or_default()).unwrap_or(VatStatus::None),
            vat_number: r.get(23)?,
            vat_rate_bp: r.get(24)?,
            billing_address: r.get(25)?,
            handles: Vec::new(),
            niches: Vec::new(),
            tags: Vec::new(),
            rates: Vec::new(),
            tier: crate::roster::tiers::Tier::Emerging,
            follower_history: Vec::new(),
        };
        out.insert(c.id, c);
    }
    drop(rows);
    // Handles by audience (largest first), then by id.
    let mut handles: Vec<(i64, Handle)> = Vec::new();
    let mut stmt = conn.prepare_cached(&format!("SELECT creator_id, id, platform, handle, profile_url, followers FROM handles {}", filter("creator_id")))?;
    let mut rows = stmt.query(params_from_iter(args))?;
    while let Some(r) = rows.next()? {
        let creator: i64 = r.get(0)?;
        if out.contains_key(&creator) {
            let platform = Platform::parse(r.get_ref(2)?.as_str().unwrap_or_default()).unwrap_or(Platform::Other);
            handles.push((creator, Handle { id: r.get(1)?, platform, handle: r.get(3)?, profile_url: r.get(4)?, followers: r.get(5)? }));
        }
    }
    drop(rows);
    handles.sort_unstable_by(|(a, x), (b, y)| a.cmp(b).then(y.followers.cmp(&x.followers)).then(x.id.cmp(&y.id)));
    for (creator, h) in handles {
        out.get_mut(&creator).expect("kept above").handles.push(h);
    }
    // Niches and tags in the order the user gave them.
    for (table, column) in [("creator_niches", "niche"), ("creator_tags", "tag")] {
        let mut labels: Vec<(i64, i64, String)> = Vec::new();
        let mut stmt = conn.prepare_cached(&format!("SELECT creator_id, position, {column} FROM {table} {}", filter("creator_id")))?;
        let mut rows = stmt.query(params_from_iter(args))?;
        while let Some(r) = rows.next()? {
            let creator: i64 = r.get(0)?;
            if out.contains_key(&creator) {
                labels.push((creator, r.get(1)?, r.get(2)?));
            }
        }
        drop(rows);
        labels.sort_unstable_by_key(|(creator, position, _)| (*creator, *position));
        for (creator, _, label) in labels {
            let c = out.get_mut(&creator).expect("kept above");
            if table == "creator_niches" { c.niches.push(label) } else { c.tags.push(label) }
        }
    }
    let mut stmt = conn.prepare_cached(&format!("SELECT creator_id, format, amount_minor, currency FROM rate_card {}", filter("creator_id")))?;
    let mut rows = stmt.query(params_from_iter(args))?;
    while let Some(r) = rows.next()? {
        if let (Some(c), Some(format)) = (out.get_mut(&r.get::<_, i64>(0)?), ContentFormat::parse(r.get_ref(1)?.as_str().unwrap_or_default())) {
            let minor: i64 = r.get(2)?;
            let cur = Currency::parse(r.get_ref(3)?.as_str().unwrap_or_default()).unwrap_or(currency);
            c.rates.push(Rate { format, amount: Money { minor, currency: cur } });
        }
    }
    Ok(())
}

/// Total followers over all handles, per snapshot date. A handle without a snapshot on a date
/// counts with its latest earlier snapshot, so the total does not dip when handles were
/// measured on different days.
fn follower_history(conn: &Connection, creator_id: i64) -> Result<Vec<FollowerPoint>> {
    let rows: Vec<(i64, String, i64)> = conn
        .prepare_cached(
            "SELECT s.handle_id, s.taken_on, s.followers FROM follower_snapshots s
             JOIN handles h ON h.id = s.handle_id WHERE h.creator_id = ?1 ORDER BY s.taken_on",
        )?
        .query_map([creator_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut latest: std::collections::HashMap<i64, i64> = std::collections::HashMap::new();
    let mut out: Vec<FollowerPoint> = Vec::new();
    for (handle_id, date, followers) in rows {
        latest.insert(handle_id, followers);
        let total = latest.values().sum();
        match out.last_mut() {
            Some(last) if last.date == date => last.followers = total,
            _ => out.push(FollowerPoint { date, followers: total }),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::tiers::Tier;

    fn ws() -> Workspace {
        Workspace::in_memory(&Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap()
    }

    fn draft(name: &str, platform: &str, handle: &str, followers: &str) -> CreatorDraft {
        CreatorDraft {
            display_name: name.into(),
            handles: vec![HandleDraft { platform: platform.into(), handle: handle.into(), followers: followers.into(), ..Default::default() }],
            ..Default::default()
        }
    }

    #[test]
    fn create_then_get_round_trips_and_derives_the_tier() {
        let mut ws = ws();
        let mut d = draft("Anna de Vries", "instagram", "@annafit", "52.000");
        d.handles.push(HandleDraft { platform: "tiktok".into(), handle: "anna.fit".into(), followers: "8.000".into(), ..Default::default() });
        d.niches = vec!["Fitness & wellness".into()];
        d.rates = vec![RateDraft { format: "reel".into(), amount: "450".into() }];
        let c = create(&mut ws, &d).unwrap();
        assert_eq!(c.display_name, "Anna de Vries");
        assert_eq!(c.max_followers, 52_000);
        assert_eq!(c.tier, Tier::Mid);
        assert_eq!(c.handles.len(), 2);
        assert_eq!(c.rates[0].amount.minor, 45_000);
        assert_eq!(c.follower_history.len(), 1);
        assert_eq!(c.follower_history[0].followers, 60_000);
        assert_eq!(c.revision, 1);
    }

    #[test]
    fn vat_details_are_kept_and_an_unchanged_form_changes_nothing() {
        let mut ws = ws();
        let mut d = draft("Anna de Vries", "instagram", "@annafit", "52.000");
        d.vat_status = "registered".into();
        d.vat_number = "NL001234567B01".into();
        d.vat_rate = "21".into();
        d.billing_address = "Anna de Vries Studio\nKeizersgracht 1\n1015 AA Amsterdam".into();
        let c = create(&mut ws, &d).unwrap();
        assert_eq!((c.vat_status, c.vat_number.as_str(), c.vat_rate_bp), (VatStatus::Registered, "NL001234567B01", 2100));
        let stored: (String, i64, String) = ws
            .conn()
            .query_row("SELECT vat_status, vat_rate_bp, billing_address FROM creators WHERE id = ?1", [c.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap();
        assert_eq!(stored, ("registered".into(), 2100, "Anna de Vries Studio\nKeizersgracht 1\n1015 AA Amsterdam".into()));
        let again = update(&mut ws, c.id, c.revision, &c.to_draft()).unwrap();
        assert_eq!(again.revision, c.revision, "the form's own draft saves as no change");
        let mut none = c.to_draft();
        none.vat_status = "none".into();
        none.vat_rate = String::new();
        let changed = update(&mut ws, c.id, c.revision, &none).unwrap();
        assert_eq!((changed.vat_status, changed.vat_rate_bp, changed.revision), (VatStatus::None, 0, c.revision + 1));
    }

    #[test]
    fn a_handle_belongs_to_one_creator_per_platform() {
        let mut ws = ws();
        create(&mut ws, &draft("Anna", "instagram", "annafit", "100")).unwrap();
        let Err(Error::Validation(f)) = create(&mut ws, &draft("Other Anna", "Instagram", "@AnnaFit", "5")) else { panic!("duplicate handle accepted") };
        assert_eq!(f[0].field, "handles.0.handle");
        assert_eq!(f[0].code, "handle_taken");
        assert!(f[0].message.contains("Anna"));
        // The same name on another platform is someone else's business.
        create(&mut ws, &draft("Other Anna", "tiktok", "annafit", "5")).unwrap();
    }

    #[test]
    fn a_taken_handle_is_reported_with_a_bad_email_not_after_it() {
        let mut ws = ws();
        create(&mut ws, &draft("Anna", "instagram", "annafit", "100")).unwrap();
        let mut d = draft("Other Anna", "instagram", "annafit", "5");
        d.email = "anna@".into();
        // An empty row before it (the form's "add handle" row): the clash is named at row 2.
        d.handles.insert(0, HandleDraft::default());
        let Err(Error::Validation(f)) = create(&mut ws, &d) else { panic!("must be refused") };
        let problems: Vec<_> = f.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(problems, vec![("email", "invalid_email"), ("handles.1.handle", "handle_taken")]);
        // On an edit, the creator's own handle is no clash, someone else's is.
        let other = create(&mut ws, &draft("Bo", "tiktok", "bo.zon", "5")).unwrap();
        let mut d = other.to_draft();
        d.display_name = String::new();
        d.handles.push(HandleDraft { platform: "instagram".into(), handle: "@AnnaFit".into(), ..Default::default() });
        let Err(Error::Validation(f)) = update(&mut ws, other.id, other.revision, &d) else { panic!("must be refused") };
        let problems: Vec<_> = f.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(problems, vec![("display_name", "required"), ("handles.1.handle", "handle_taken")]);
    }

    #[test]
    fn a_stale_edit_is_refused_and_loses_nothing() {
        let mut ws = ws();
        let c = create(&mut ws, &draft("Anna", "instagram", "annafit", "100")).unwrap();
        let mut d = c.to_draft();
        d.city = "Utrecht".into();
        let c2 = update(&mut ws, c.id, c.revision, &d).unwrap();
        assert_eq!(c2.revision, 2);
        d.city = "Gouda".into();
        assert!(matches!(update(&mut ws, c.id, c.revision, &d), Err(Error::StaleEdit { .. })));
        assert_eq!(get(&ws, c.id).unwrap().city, "Utrecht");
    }

    #[test]
    fn saving_the_same_details_changes_nothing() {
        let mut ws = ws();
        let c = create(&mut ws, &draft("Anna", "instagram", "annafit", "100")).unwrap();
        let same = update(&mut ws, c.id, c.revision, &c.to_draft()).unwrap();
        assert_eq!(same.revision, c.revision);
        assert_eq!(same.updated_at, c.updated_at);
    }

    #[test]
    fn follower_changes_become_history_and_edits_keep_it() {
        let mut ws = ws();
        let c = create(&mut ws, &draft("Anna", "instagram", "annafit", "100")).unwrap();
        let handle_id = c.handles[0].id;
        ws.write(|tx| record_snapshot(tx, handle_id, "2026-01-01", 40)).unwrap();
        let mut d = c.to_draft();
        d.handles[0].followers = "150".into();
        let c = update(&mut ws, c.id, c.revision, &d).unwrap();
        assert_eq!(c.handles[0].id, handle_id, "the handle keeps its identity");
        let totals: Vec<i64> = c.follower_history.iter().map(|p| p.followers).collect();
        assert_eq!(totals, vec![40, 150]);
    }

    #[test]
    fn delete_removes_everything_of_the_creator() {
        let mut ws = ws();
        let c = create(&mut ws, &draft("Anna", "instagram", "annafit", "100")).unwrap();
        delete(&mut ws, c.id).unwrap();
        assert!(matches!(get(&ws, c.id), Err(Error::NotFound { .. })));
        let left: i64 = ws.conn().query_row("SELECT (SELECT count(*) FROM handles) + (SELECT count(*) FROM follower_snapshots) + (SELECT count(*) FROM creator_search)", [], |r| r.get(0)).unwrap();
        assert_eq!(left, 0);
        assert!(matches!(delete(&mut ws, c.id), Err(Error::NotFound { .. })));
        // The handle is free again.
        create(&mut ws, &draft("Anna again", "instagram", "annafit", "100")).unwrap();
    }

    #[test]
    fn many_creators_load_in_one_pass_as_they_load_by_id() {
        let mut ws = ws();
        crate::synthetic::generate(&mut ws, &crate::synthetic::Spec::new(700)).unwrap();
        let currency = ws.settings().unwrap().currency();
        let ids: Vec<i64> = (1..=700).collect();
        let scanned = load_many(ws.conn(), &ids, currency).unwrap(); // half the roster or more: one pass
        assert_eq!(scanned.len(), 700);
        for chunk in ids.chunks(7) {
            for (id, probed) in load_many(ws.conn(), chunk, currency).unwrap() {
                assert_eq!(format!("{:?}", scanned[&id]), format!("{probed:?}"), "creator {id}");
            }
        }
        let some: Vec<i64> = (1..=600).step_by(2).chain([9999]).collect();
        assert_eq!(load_many(ws.conn(), &some, currency).unwrap().len(), 300, "only the ids asked for, missing ones left out");
    }

    #[test]
    fn changes_are_audited() {
        let mut ws = ws();
        let c = create(&mut ws, &draft("Anna", "instagram", "annafit", "100")).unwrap();
        delete(&mut ws, c.id).unwrap();
        let actions: Vec<String> = ws.conn().prepare("SELECT action FROM audit_log WHERE entity = 'creator' ORDER BY id").unwrap().query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
        assert_eq!(actions, vec!["create", "delete"]);
    }
}
