//! Deliverables: what a creator publishes for a collaboration, by when, and whether it met the
//! brief. Create (one, or one a month until a date), update with the revision it was based on,
//! delete.
//!
//! Rules: a post can be published or verified only once its collaboration is agreed (or active,
//! completed); published needs the post's web address (the time defaults to now); verified comes
//! after published; a live post cannot be marked missed; a cancelled collaboration takes no new
//! deliverables.

use super::fields::{self, Checks, MAX_LONG};
use super::{collaboration, CollaborationStatus, DeliverableDraft, DeliverableStatus};
use crate::error::{Error, FieldError, Result};
use crate::roster::model::{ContentFormat, Platform};
use crate::workspace::{audit, now_utc, Workspace};
use chrono::{Datelike, Months, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

/// A stored deliverable with the draft its form starts from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deliverable {
    pub id: i64,
    pub revision: i64,
    pub collaboration_id: i64,
    pub platform: Platform,
    pub format: ContentFormat,
    pub due_on: String,
    pub status: DeliverableStatus,
    pub post_url: String,
    pub published_at: Option<String>,
    pub has_hashtags: bool,
    pub has_mentions: bool,
    pub has_disclosure: bool,
    pub call_to_action: Option<bool>,
    pub storytelling: Option<bool>,
    pub faceless: Option<bool>,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
    pub draft: DeliverableDraft,
}

struct Record {
    platform: Platform,
    format: ContentFormat,
    due_on: NaiveDate,
    status: DeliverableStatus,
    post_url: String,
    published_at: Option<String>,
    notes: String,
}

/// Reads a draft: the record when its platform, format and due date are readable, and every
/// problem found (the caller adds its own before it refuses, so all come at once).
fn validate(d: &DeliverableDraft, from: Option<DeliverableStatus>, collaboration: CollaborationStatus) -> (Checks, Option<Record>) {
    let mut c = Checks::default();
    let platform = c.choice("platform", "platform", &d.platform, Platform::parse_loose, None);
    let format = c.choice("format", "format", &d.format, ContentFormat::parse, None);
    let due = c.required_date("due_on", "The due date", &d.due_on);
    let status = c.choice("status", "status", &d.status, DeliverableStatus::parse, Some(DeliverableStatus::Planned)).unwrap_or(DeliverableStatus::Planned);
    let post_url = c.url("post_url", &d.post_url);
    let mut published_at = fields::datetime_text(c.datetime("published_at", &d.published_at));

    if status.is_live() && !collaboration.is_committed() {
        c.push(
            FieldError::new("status", "collaboration_not_agreed", format!("A post can only be published once the collaboration is agreed; it is {}.", collaboration.label().to_lowercase()))
                .with_value(collaboration.as_str()),
        );
    }
    if status.is_live() && post_url.is_empty() && !c.has("post_url") {
        c.push(FieldError::new("post_url", "url_required_when_published", "Add the link to the published post."));
    }
    if status.is_live() && published_at.is_none() && !c.has("published_at") {
        published_at = Some(chrono::Local::now().format("%Y-%m-%dT%H:%M").to_string());
    }
    if status == DeliverableStatus::Verified && !from.is_some_and(DeliverableStatus::is_live) {
        c.push(FieldError::new("status", "verify_after_publish", "Mark the post published before you verify it."));
    }
    if status == DeliverableStatus::Missed && from.is_some_and(DeliverableStatus::is_live) {
        c.push(FieldError::new("status", "live_post_not_missed", "This post is published, so it cannot be missed."));
    }
    let notes = c.text("notes", "The notes", &d.notes, MAX_LONG);
    let record = match (platform, format, due) {
        (Some(platform), Some(format), Some(due_on)) => Some(Record { platform, format, due_on, status, post_url, published_at, notes }),
        _ => None,
    };
    (c, record)
}

/// The record of a draft whose checks found nothing, or every problem.
fn finish(c: Checks, record: Option<Record>) -> Result<Record> {
    c.finish(())?;
    Ok(record.expect("a draft without problems has a record"))
}

fn collaboration_status(conn: &Connection, id: i64) -> Result<CollaborationStatus> {
    let s: String = conn
        .query_row("SELECT status FROM collaborations WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or(Error::NotFound { what: "collaboration", id })?;
    Ok(CollaborationStatus::parse(&s).unwrap_or(CollaborationStatus::Proposed))
}

/// Adds one deliverable.
pub fn create(ws: &mut Workspace, draft: &DeliverableDraft) -> Result<Deliverable> {
    Ok(create_series(ws, draft, None)?.remove(0))
}

/// Adds a deliverable, and when `repeat_until` is given, one more on the same day of every
/// following month up to that date (a long-term partnership's monthly posts; at most 24).
pub fn create_series(ws: &mut Workspace, draft: &DeliverableDraft, repeat_until: Option<&str>) -> Result<Vec<Deliverable>> {
    let actor = ws.actor();
    let ids = ws.write(|tx| {
        let collaboration = collaboration_status(tx, draft.collaboration_id)?;
        if collaboration == CollaborationStatus::Cancelled {
            return Err(Error::Validation(vec![FieldError::new("collaboration", "collaboration_cancelled", "This collaboration is cancelled. Reopen it before adding deliverables.")]));
        }
        let (mut c, r) = validate(draft, None, collaboration);
        let until = repeat_until.filter(|u| !u.trim().is_empty()).and_then(|u| c.date("repeat_until", u));
        if let (Some(u), Some(r)) = (until, &r) {
            if u < r.due_on {
                c.push(FieldError::new("repeat_until", "end_before_start", format!("The last month ({u}) comes before the first due date ({}).", r.due_on)).with_value(r.due_on.to_string()));
            }
        }
        let r = finish(c, r)?;
        let mut dates = vec![r.due_on];
        if let Some(u) = until {
            for months in 1..24 {
                match monthly(r.due_on, months) {
                    Some(d) if d <= u => dates.push(d),
                    _ => break,
                }
            }
        }
        let now = now_utc();
        let mut ids = Vec::new();
        for due in &dates {
            tx.execute(
                "INSERT INTO deliverables (collaboration_id, platform, format, due_on, status, post_url, published_at, has_hashtags, has_mentions,
                     has_disclosure, call_to_action, storytelling, faceless, notes, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
                params![draft.collaboration_id, r.platform.as_str(), r.format.as_str(), due.format("%Y-%m-%d").to_string(), r.status.as_str(), r.post_url,
                    r.published_at, draft.has_hashtags, draft.has_mentions, draft.has_disclosure, draft.call_to_action, draft.storytelling, draft.faceless,
                    r.notes, now],
            )?;
            ids.push(tx.last_insert_rowid());
        }
        collaboration::touch(tx, draft.collaboration_id)?;
        audit(tx, actor, "deliverable", ids.first().copied(), "create", &format!("{} {} due {} ({} in all)", r.platform.label(), r.format.label(), r.due_on, ids.len()))?;
        Ok(ids)
    })?;
    ids.into_iter().map(|id| get(ws, id)).collect()
}

/// The same day `months` later, or the month's last day when it is shorter (31 Jan → 28 Feb).
fn monthly(first: NaiveDate, months: u32) -> Option<NaiveDate> {
    let d = first.checked_add_months(Months::new(months))?;
    Some(if d.day() < first.day() { d } else { d.with_day(first.day()).unwrap_or(d) })
}

/// Replaces a deliverable's details and status, if nobody changed it since `revision`.
pub fn update(ws: &mut Workspace, id: i64, revision: i64, draft: &DeliverableDraft) -> Result<Deliverable> {
    let actor = ws.actor();
    ws.write(|tx| {
        let before = load(tx, id)?;
        if before.revision != revision {
            return Err(Error::StaleEdit { id });
        }
        let collaboration = collaboration_status(tx, before.collaboration_id)?;
        let (c, r) = validate(draft, Some(before.status), collaboration);
        let r = finish(c, r)?;
        tx.execute(
            "UPDATE deliverables SET platform = ?2, format = ?3, due_on = ?4, status = ?5, post_url = ?6, published_at = ?7, has_hashtags = ?8,
                 has_mentions = ?9, has_disclosure = ?10, call_to_action = ?11, storytelling = ?12, faceless = ?13, notes = ?14,
                 revision = revision + 1, updated_at = ?15
             WHERE id = ?1",
            params![id, r.platform.as_str(), r.format.as_str(), r.due_on.format("%Y-%m-%d").to_string(), r.status.as_str(), r.post_url, r.published_at,
                draft.has_hashtags, draft.has_mentions, draft.has_disclosure, draft.call_to_action, draft.storytelling, draft.faceless, r.notes, now_utc()],
        )?;
        collaboration::touch(tx, before.collaboration_id)?;
        let detail = if before.status != r.status { format!("status {} → {}", before.status, r.status) } else { "details".to_string() };
        audit(tx, actor, "deliverable", Some(id), "update", &detail)?;
        Ok(())
    })?;
    get(ws, id)
}

/// Removes a deliverable that is not live; a published post is history and stays.
pub fn delete(ws: &mut Workspace, id: i64) -> Result<()> {
    let actor = ws.actor();
    ws.write(|tx| {
        let d = load(tx, id)?;
        if d.status.is_live() {
            return Err(Error::Validation(vec![FieldError::new("deliverable", "live_post_kept", "A published post is kept. Mark it missed or leave it as it is.")]));
        }
        tx.execute("DELETE FROM deliverables WHERE id = ?1", [id])?;
        collaboration::touch(tx, d.collaboration_id)?;
        audit(tx, actor, "deliverable", Some(id), "delete", &format!("{} {} due {}", d.platform.label(), d.format.label(), d.due_on))?;
        Ok(())
    })
}

pub fn get(ws: &Workspace, id: i64) -> Result<Deliverable> {
    load(ws.conn(), id)
}

const COLUMNS: &str = "id, revision, collaboration_id, platform, format, due_on, status, post_url, published_at, has_hashtags, has_mentions,
     has_disclosure, call_to_action, storytelling, faceless, notes, created_at, updated_at";

/// A collaboration's deliverables, by due date.
pub(crate) fn list_for(conn: &Connection, collaboration_id: i64) -> Result<Vec<Deliverable>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM deliverables WHERE collaboration_id = ?1 ORDER BY due_on, id"))?;
    let rows = stmt.query_map([collaboration_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn load(conn: &Connection, id: i64) -> Result<Deliverable> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM deliverables WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::NotFound { what: "deliverable", id })
}

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Deliverable> {
    let platform: String = r.get(3)?;
    let format: String = r.get(4)?;
    let status: String = r.get(6)?;
    let mut d = Deliverable {
        id: r.get(0)?,
        revision: r.get(1)?,
        collaboration_id: r.get(2)?,
        platform: Platform::parse(&platform).unwrap_or(Platform::Other),
        format: ContentFormat::parse(&format).unwrap_or(ContentFormat::Post),
        due_on: r.get(5)?,
        status: DeliverableStatus::parse(&status).unwrap_or(DeliverableStatus::Planned),
        post_url: r.get(7)?,
        published_at: r.get(8)?,
        has_hashtags: r.get(9)?,
        has_mentions: r.get(10)?,
        has_disclosure: r.get(11)?,
        call_to_action: r.get(12)?,
        storytelling: r.get(13)?,
        faceless: r.get(14)?,
        notes: r.get(15)?,
        created_at: r.get(16)?,
        updated_at: r.get(17)?,
        draft: DeliverableDraft::default(),
    };
    d.draft = DeliverableDraft {
        collaboration_id: d.collaboration_id,
        platform: d.platform.as_str().into(),
        format: d.format.as_str().into(),
        due_on: d.due_on.clone(),
        status: d.status.as_str().into(),
        post_url: d.post_url.clone(),
        published_at: d.published_at.clone().unwrap_or_default(),
        has_hashtags: d.has_hashtags,
        has_mentions: d.has_mentions,
        has_disclosure: d.has_disclosure,
        call_to_action: d.call_to_action,
        storytelling: d.storytelling,
        faceless: d.faceless,
        notes: d.notes.clone(),
    };
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaigns::collaboration::tests::gifted;

    fn reel(collaboration_id: i64) -> DeliverableDraft {
        DeliverableDraft { collaboration_id, platform: "Instagram".into(), format: "reel".into(), due_on: "2026-07-01".into(), ..Default::default() }
    }

    fn agree(ws: &mut Workspace, id: i64) {
        let l = collaboration::get(ws, id).unwrap();
        let mut d = l.draft.clone();
        d.status = "agreed".into();
        collaboration::update(ws, id, l.revision, &d).unwrap();
    }

    #[test]
    fn publishing_before_the_collaboration_is_agreed_is_refused() {
        let (mut ws, l) = gifted();
        let d = create(&mut ws, &reel(l.id)).unwrap();
        let mut draft = d.draft.clone();
        draft.status = "published".into();
        draft.post_url = "https://instagram.com/p/abc".into();
        let Err(Error::Validation(e)) = update(&mut ws, d.id, d.revision, &draft) else { panic!("not agreed yet") };
        assert_eq!((e[0].field.as_str(), e[0].code, e[0].value.as_deref()), ("status", "collaboration_not_agreed", Some("proposed")));
        agree(&mut ws, l.id);
        let live = update(&mut ws, d.id, d.revision, &draft).unwrap();
        assert_eq!(live.status, DeliverableStatus::Published);
        assert!(live.published_at.is_some(), "the time defaults to now");
    }

    #[test]
    fn published_needs_the_post_link_and_verified_comes_after() {
        let (mut ws, l) = gifted();
        agree(&mut ws, l.id);
        let d = create(&mut ws, &reel(l.id)).unwrap();
        let mut draft = d.draft.clone();
        draft.status = "verified".into();
        let Err(Error::Validation(e)) = update(&mut ws, d.id, d.revision, &draft) else { panic!() };
        let codes: Vec<_> = e.iter().map(|e| e.code).collect();
        assert_eq!(codes, vec!["url_required_when_published", "verify_after_publish"]);
        draft.status = "published".into();
        draft.post_url = "javascript:alert(1)".into();
        let Err(Error::Validation(e)) = update(&mut ws, d.id, d.revision, &draft) else { panic!() };
        assert_eq!(e[0].code, "invalid_url");
        draft.post_url = "https://www.instagram.com/reel/xyz/".into();
        draft.published_at = "2026-07-01 18:05".into();
        let live = update(&mut ws, d.id, d.revision, &draft).unwrap();
        assert_eq!(live.published_at.as_deref(), Some("2026-07-01T18:05"));
        let mut draft = live.draft.clone();
        draft.status = "missed".into();
        let Err(Error::Validation(e)) = update(&mut ws, d.id, live.revision, &draft) else { panic!() };
        assert_eq!(e[0].code, "live_post_not_missed");
        draft.status = "verified".into();
        assert_eq!(update(&mut ws, d.id, live.revision, &draft).unwrap().status, DeliverableStatus::Verified);
        assert!(matches!(delete(&mut ws, d.id), Err(Error::Validation(_))), "a live post is kept");
    }

    #[test]
    fn a_bad_repeat_date_is_reported_with_a_bad_due_date_not_after_it() {
        let (mut ws, l) = gifted();
        let mut d = reel(l.id);
        d.due_on = "31-02-2026".into();
        let Err(Error::Validation(e)) = create_series(&mut ws, &d, Some("soon")) else { panic!("must be refused") };
        let problems: Vec<_> = e.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(problems, vec![("due_on", "invalid_date"), ("repeat_until", "invalid_date")]);
    }

    #[test]
    fn a_monthly_series_lands_on_the_same_day_or_the_month_end() {
        let (mut ws, l) = gifted();
        let mut d = reel(l.id);
        d.due_on = "2026-01-31".into();
        let series = create_series(&mut ws, &d, Some("2026-05-15")).unwrap();
        let dues: Vec<_> = series.iter().map(|d| d.due_on.as_str()).collect();
        assert_eq!(dues, vec!["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"]);
        let Err(Error::Validation(e)) = create_series(&mut ws, &d, Some("2025-12-01")) else { panic!() };
        assert_eq!(e[0].code, "end_before_start");
    }

    #[test]
    fn a_deliverable_needs_platform_format_and_due_date() {
        let (mut ws, l) = gifted();
        let Err(Error::Validation(e)) = create(&mut ws, &DeliverableDraft { collaboration_id: l.id, format: "tweetstorm".into(), ..Default::default() }) else { panic!() };
        let codes: Vec<_> = e.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(codes, vec![("platform", "required"), ("format", "unknown_choice"), ("due_on", "required")]);
    }

    #[test]
    fn a_cancelled_collaboration_takes_no_new_deliverables() {
        let (mut ws, l) = gifted();
        let mut d = l.draft.clone();
        d.status = "cancelled".into();
        collaboration::update(&mut ws, l.id, l.revision, &d).unwrap();
        let Err(Error::Validation(e)) = create(&mut ws, &reel(l.id)) else { panic!() };
        assert_eq!(e[0].code, "collaboration_cancelled");
    }
}
