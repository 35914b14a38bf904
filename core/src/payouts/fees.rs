//! Fees that fall due (schema 6 `fee_lines`): the fee of a paid or hybrid collaboration is
//! due when all its deliverables are published or verified, or when a person marks it due.
//!
//! Contract:
//! - [`book_fees_due`] books, inside the caller's write, one `deliverables_done` line for each
//!   collaboration that became due by its deliverables (due on the day its last post went
//!   live), and a `fee_changed` line with the difference for each collaboration whose fee was
//!   changed after it fell due (due today). Calling it again books nothing new. Each line is
//!   audited with its creator.
//! - [`mark_fee_due`] books the fee of one collaboration now, with the person's reason; it
//!   refuses a collaboration that has no fee, is not paid or hybrid, or is due already.
//! - [`fee_standing`] says where one collaboration's fee stands (for its panel): no fee, not
//!   due yet, falling due at the next run, due, or paid.
//! - Fee lines are never changed or deleted (the schema's triggers): a run takes a line once.

use crate::error::{Error, FieldError, Result};
use crate::workspace::{audit_money, now_utc, Actor, Concerning, Workspace};
use chrono::NaiveDate;
use serde::Serialize;
use rusqlite::{params, Connection, OptionalExtension};

/// How many fee lines a call booked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FeesBooked {
    pub due: usize,
    pub changed: usize,
}

/// Books what fell due or changed since the last call (see the module documentation).
pub fn book_fees_due(tx: &Connection, actor: Actor, currency: &str, today: NaiveDate) -> Result<FeesBooked> {
    let today_text = today.format("%Y-%m-%d").to_string();
    let now = now_utc();
    let due = fees_fallen_due(tx)?;
    let mut booked = FeesBooked::default();
    for (collaboration, creator, fee, published) in due {
        // The day the last post went live; a post marked live without a time falls due today.
        let due_on = published.filter(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok_and(|d| d <= today)).unwrap_or_else(|| today_text.clone());
        insert_fee_line(tx, collaboration, creator, "deliverables_done", "", fee, currency, &due_on, &now)?;
        audit_fee(tx, actor, collaboration, creator, "fee_due", &format!("fee of {} due on {due_on}: every deliverable is published", crate::money::format_plain(fee, currency_of(currency))))?;
        booked.due += 1;
    }
    let changed: Vec<(i64, i64, i64)> = tx
        .prepare(
            "SELECT c.id, c.creator_id, c.fee_minor - s.total
             FROM collaborations c JOIN (SELECT collaboration_id, SUM(amount_minor) AS total FROM fee_lines GROUP BY collaboration_id) s
               ON s.collaboration_id = c.id
             WHERE c.fee_minor <> s.total
             ORDER BY c.id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (collaboration, creator, difference) in changed {
        insert_fee_line(tx, collaboration, creator, "fee_changed", "", difference, currency, &today_text, &now)?;
        audit_fee(tx, actor, collaboration, creator, "fee_changed", &format!("fee changed after it fell due: {} booked", crate::money::format_plain(difference, currency_of(currency))))?;
        booked.changed += 1;
    }
    Ok(booked)
}

/// Marks a collaboration's fee due today, with the reason (a person's decision, audited).
/// Returns the fee line's id.
pub fn mark_fee_due(ws: &mut Workspace, collaboration_id: i64, reason: &str, today: NaiveDate) -> Result<i64> {
    let actor = ws.actor();
    let currency = ws.settings()?.currency;
    let reason = reason.trim().to_string();
    ws.write(|tx| {
        let found: Option<(i64, String, i64, String, String)> = tx
            .query_row(
                "SELECT c.creator_id, c.kind, c.fee_minor, p.display_name, k.name
                 FROM collaborations c JOIN creators p ON p.id = c.creator_id JOIN campaigns k ON k.id = c.campaign_id WHERE c.id = ?1",
                [collaboration_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let (creator, kind, fee, name, campaign) = found.ok_or(Error::NotFound { what: "collaboration", id: collaboration_id })?;
        let refuse = |code: &'static str, message: String| Err(Error::Validation(vec![FieldError::new("collaboration", code, message)]));
        if reason.is_empty() {
            return Err(Error::Validation(vec![FieldError::new("reason", "reason_required", "Say why: the reason is kept with the fee and in the audit log.")]));
        }
        if !matches!(kind.as_str(), "paid" | "hybrid") {
            return refuse("fee_not_paid_collaboration", format!("{name}'s collaboration in {campaign} is not a paid or hybrid one, so it has no fee to pay."));
        }
        if fee <= 0 {
            return refuse("fee_missing", format!("{name}'s collaboration in {campaign} has no fee: enter the fee first."));
        }
        let already: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM fee_lines WHERE collaboration_id = ?1)", [collaboration_id], |r| r.get(0))?;
        if already {
            return refuse("fee_already_due", format!("{name}'s fee for {campaign} is due already."));
        }
        let today_text = today.format("%Y-%m-%d").to_string();
        let id = insert_fee_line(tx, collaboration_id, creator, "marked_due", &reason, fee, &currency, &today_text, &now_utc())?;
        audit_fee(tx, actor, collaboration_id, creator, "fee_marked_due", &format!("fee of {} marked due: {reason}", crate::money::format_plain(fee, currency_of(&currency))))?;
        Ok(id)
    })
}

/// A collaboration whose fee fell due: (collaboration, creator, fee, the day its last post went live).
type FallenDue = (i64, i64, i64, Option<String>);

/// The collaborations whose fee fell due by their deliverables and is not booked yet.
fn fees_fallen_due(conn: &Connection) -> Result<Vec<FallenDue>> {
    Ok(conn
        .prepare_cached(
            "SELECT c.id, c.creator_id, c.fee_minor,
                    (SELECT max(substr(d.published_at, 1, 10)) FROM deliverables d WHERE d.collaboration_id = c.id)
             FROM collaborations c
             WHERE c.kind IN ('paid', 'hybrid') AND c.fee_minor > 0 AND c.status <> 'cancelled'
               AND EXISTS (SELECT 1 FROM deliverables d WHERE d.collaboration_id = c.id)
               AND NOT EXISTS (SELECT 1 FROM deliverables d WHERE d.collaboration_id = c.id AND d.status NOT IN ('published', 'verified'))
               AND NOT EXISTS (SELECT 1 FROM fee_lines f WHERE f.collaboration_id = c.id)
             ORDER BY c.id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Where a collaboration's fee stands, for its panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeeStanding {
    /// `none` (not a paid or hybrid collaboration, or no fee), `waiting` (not due yet: a person
    /// may mark it due), `falls_due` (every deliverable is live: the next run books it), `due`
    /// (booked, not paid yet) or `paid`.
    pub state: &'static str,
    pub fee_minor: i64,
    /// What the fee lines booked (the fee, and any change after it fell due).
    pub booked_minor: i64,
    /// The day it fell due.
    pub due_on: Option<String>,
    /// Why it fell due: `deliverables_done` or `marked_due`.
    pub reason: Option<String>,
    /// The person's words when it was marked due.
    pub note: Option<String>,
}

/// Where collaboration `collaboration_id`'s fee stands (read only).
pub fn fee_standing(conn: &Connection, collaboration_id: i64) -> Result<FeeStanding> {
    let (kind, fee): (String, i64) = conn
        .query_row("SELECT kind, fee_minor FROM collaborations WHERE id = ?1", [collaboration_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or(Error::NotFound { what: "collaboration", id: collaboration_id })?;
    let (lines, booked, due_on, reason, note, unpaid): (i64, i64, Option<String>, Option<String>, Option<String>, i64) = conn.query_row(
        "SELECT count(*), coalesce(sum(f.amount_minor), 0), min(f.due_on),
                (SELECT reason FROM fee_lines WHERE collaboration_id = ?1 ORDER BY id LIMIT 1),
                (SELECT note FROM fee_lines WHERE collaboration_id = ?1 ORDER BY id LIMIT 1),
                sum(NOT EXISTS (SELECT 1 FROM payout_items i JOIN payout_creators pc ON pc.run_id = i.run_id AND pc.creator_id = i.creator_id
                                WHERE i.fee_line_id = f.id AND pc.paid_on IS NOT NULL))
         FROM fee_lines f WHERE f.collaboration_id = ?1",
        [collaboration_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get::<_, Option<i64>>(5)?.unwrap_or(0))),
    )?;
    let state = if lines > 0 {
        if unpaid == 0 { "paid" } else { "due" }
    } else if !matches!(kind.as_str(), "paid" | "hybrid") || fee <= 0 {
        "none"
    } else if fees_fallen_due(conn)?.iter().any(|d| d.0 == collaboration_id) {
        "falls_due"
    } else {
        "waiting"
    };
    Ok(FeeStanding { state, fee_minor: fee, booked_minor: booked, due_on, reason, note: note.filter(|n| !n.is_empty()) })
}

/// The fees that fell due and that the next run will book (read only): how many, and their sum.
pub fn fees_to_book(conn: &Connection) -> Result<(usize, i64)> {
    let due = fees_fallen_due(conn)?;
    Ok((due.len(), due.iter().map(|d| d.2).sum()))
}

#[allow(clippy::too_many_arguments)]
fn insert_fee_line(tx: &Connection, collaboration: i64, creator: i64, reason: &str, note: &str, amount: i64, currency: &str, due_on: &str, now: &str) -> Result<i64> {
    tx.execute(
        "INSERT INTO fee_lines (collaboration_id, creator_id, reason, note, amount_minor, currency, due_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![collaboration, creator, reason, note, amount, currency, due_on, now],
    )?;
    Ok(tx.last_insert_rowid())
}

fn audit_fee(tx: &Connection, actor: Actor, collaboration: i64, creator: i64, action: &str, detail: &str) -> Result<()> {
    audit_money(tx, actor, "collaboration", Some(collaboration), action, detail, Concerning { creator_id: Some(creator), run_id: None })
}

fn currency_of(code: &str) -> crate::money::Currency {
    crate::money::Currency::parse(code).unwrap_or_else(crate::payouts::euro)
}
