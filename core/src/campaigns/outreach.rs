//! The outreach log: touchpoints with a creator before and during a collaboration (followed,
//! commented, DM, email, call, meeting). Adding or removing one keeps the creator's
//! `last_contact_on` (shown in the roster) in step, and counts as activity on its collaboration.

use super::fields::{Checks, MAX_LONG};
use super::{collaboration, TouchpointDraft, TouchpointKind};
use crate::error::{Error, FieldError, Result};
use crate::workspace::{audit, now_utc, Workspace};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Touchpoint {
    pub id: i64,
    pub creator_id: i64,
    pub collaboration_id: Option<i64>,
    /// The campaign of that collaboration, for the creator's log.
    pub campaign_name: Option<String>,
    pub kind: TouchpointKind,
    pub happened_on: String,
    pub notes: String,
    pub created_at: String,
}

/// Logs a touchpoint. It cannot lie in the future, and a collaboration it names must be the
/// creator's own.
pub fn add(ws: &mut Workspace, draft: &TouchpointDraft) -> Result<Touchpoint> {
    let actor = ws.actor();
    let id = ws.write(|tx| {
        let name: String = tx
            .query_row("SELECT display_name FROM creators WHERE id = ?1", [draft.creator_id], |r| r.get(0))
            .optional()?
            .ok_or(Error::NotFound { what: "creator", id: draft.creator_id })?;
        let mut c = Checks::default();
        let kind = c.choice("kind", "kind of contact", &draft.kind, TouchpointKind::parse, None);
        let day = c.required_date("happened_on", "The date", &draft.happened_on);
        let today = super::fields::local_today();
        if let Some(d) = day.filter(|d| *d > today) {
            c.push(FieldError::new("happened_on", "in_the_future", format!("{d} has not happened yet: log contact once it took place.")).with_value(d.to_string()));
        }
        let notes = c.text("notes", "The notes", &draft.notes, MAX_LONG);
        if let Some(l) = draft.collaboration_id {
            let owner: Option<i64> = tx.query_row("SELECT creator_id FROM collaborations WHERE id = ?1", [l], |r| r.get(0)).optional()?;
            if owner != Some(draft.creator_id) {
                c.push(FieldError::new("collaboration_id", "not_this_creator", "That collaboration belongs to another creator."));
            }
        }
        c.finish(())?;
        let (kind, day) = (kind.expect("checked"), day.expect("checked").format("%Y-%m-%d").to_string());
        tx.execute(
            "INSERT INTO touchpoints (creator_id, collaboration_id, kind, happened_on, notes, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![draft.creator_id, draft.collaboration_id, kind.as_str(), day, notes, now_utc()],
        )?;
        let id = tx.last_insert_rowid();
        refresh_last_contact(tx, draft.creator_id)?;
        if let Some(l) = draft.collaboration_id {
            collaboration::touch(tx, l)?;
        }
        audit(tx, actor, "touchpoint", Some(id), "create", &format!("{} with {name} on {day}", kind.label()))?;
        Ok(id)
    })?;
    load(ws.conn(), id)
}

/// Removes a touchpoint logged by mistake.
pub fn delete(ws: &mut Workspace, id: i64) -> Result<()> {
    let actor = ws.actor();
    ws.write(|tx| {
        let t = load(tx, id)?;
        tx.execute("DELETE FROM touchpoints WHERE id = ?1", [id])?;
        refresh_last_contact(tx, t.creator_id)?;
        audit(tx, actor, "touchpoint", Some(id), "delete", &format!("{} on {}", t.kind.label(), t.happened_on))?;
        Ok(())
    })
}

/// A creator's touchpoints, newest first.
pub fn list_for_creator(conn: &Connection, creator_id: i64) -> Result<Vec<Touchpoint>> {
    list(conn, "t.creator_id = ?1", creator_id)
}

/// A collaboration's touchpoints, newest first.
pub(crate) fn list_for_collaboration(conn: &Connection, collaboration_id: i64) -> Result<Vec<Touchpoint>> {
    list(conn, "t.collaboration_id = ?1", collaboration_id)
}

/// A touchpoint with the campaign of its collaboration, if any.
const SELECT: &str = "SELECT t.id, t.creator_id, t.collaboration_id, p.name, t.kind, t.happened_on, t.notes, t.created_at
         FROM touchpoints t LEFT JOIN collaborations l ON l.id = t.collaboration_id LEFT JOIN campaigns p ON p.id = l.campaign_id";

fn list(conn: &Connection, filter: &str, id: i64) -> Result<Vec<Touchpoint>> {
    let sql = format!("{SELECT} WHERE {filter} ORDER BY t.happened_on DESC, t.id DESC");
    let rows = conn.prepare_cached(&sql)?.query_map([id], from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn load(conn: &Connection, id: i64) -> Result<Touchpoint> {
    conn.query_row(&format!("{SELECT} WHERE t.id = ?1"), [id], from_row)
    .optional()?
    .ok_or(Error::NotFound { what: "touchpoint", id })
}

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Touchpoint> {
    let kind: String = r.get(4)?;
    Ok(Touchpoint {
        id: r.get(0)?,
        creator_id: r.get(1)?,
        collaboration_id: r.get(2)?,
        campaign_name: r.get(3)?,
        kind: TouchpointKind::parse(&kind).unwrap_or(TouchpointKind::Email),
        happened_on: r.get(5)?,
        notes: r.get(6)?,
        created_at: r.get(7)?,
    })
}

fn refresh_last_contact(conn: &Connection, creator_id: i64) -> Result<()> {
    conn.execute(
        "UPDATE creators SET last_contact_on = (SELECT max(happened_on) FROM touchpoints WHERE creator_id = ?1) WHERE id = ?1",
        [creator_id],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaigns::collaboration::tests::gifted;

    #[test]
    fn the_last_contact_follows_the_log() {
        let (mut ws, l) = gifted();
        let first = add(&mut ws, &TouchpointDraft { creator_id: l.creator_id, kind: "followed".into(), happened_on: "2026-05-01".into(), ..Default::default() }).unwrap();
        let dm = add(&mut ws, &TouchpointDraft { creator_id: l.creator_id, collaboration_id: Some(l.id), kind: "Direct message".into(), happened_on: "12-05-2026".into(), notes: "Sent the brief".into() }).unwrap();
        assert_eq!(dm.campaign_name.as_deref(), Some("Summer 2026"));
        let last = |ws: &Workspace| -> Option<String> { ws.conn().query_row("SELECT last_contact_on FROM creators WHERE id = ?1", [l.creator_id], |r| r.get(0)).unwrap() };
        assert_eq!(last(&ws).as_deref(), Some("2026-05-12"));
        let log = list_for_creator(ws.conn(), l.creator_id).unwrap();
        assert_eq!(log.iter().map(|t| t.id).collect::<Vec<_>>(), vec![dm.id, first.id], "newest first");
        delete(&mut ws, dm.id).unwrap();
        assert_eq!(last(&ws).as_deref(), Some("2026-05-01"));
    }

    #[test]
    fn contact_in_the_future_or_with_someone_else_is_refused() {
        let (mut ws, l) = gifted();
        let other = {
            let mut d = crate::roster::model::CreatorDraft { display_name: "Bo".into(), ..Default::default() };
            d.handles.push(crate::roster::model::HandleDraft { platform: "tiktok".into(), handle: "bo".into(), ..Default::default() });
            crate::roster::creators::create(&mut ws, &d).unwrap().id
        };
        let tomorrow = (super::super::fields::local_today() + chrono::Days::new(1)).to_string();
        let Err(Error::Validation(e)) = add(&mut ws, &TouchpointDraft { creator_id: other, collaboration_id: Some(l.id), kind: "call".into(), happened_on: tomorrow, ..Default::default() }) else {
            panic!()
        };
        let codes: Vec<_> = e.iter().map(|e| e.code).collect();
        assert_eq!(codes, vec!["in_the_future", "not_this_creator"]);
    }
}
