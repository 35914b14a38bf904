//! The read side of campaigns: the campaign board (a column per collaboration status, the
//! deliverables timeline, the budget), the list of all campaigns, and a creator's history
//! across campaigns with what they were paid and given.
//!
//! Contract: amounts are minor units of the workspace currency, summed with checked arithmetic
//! (a total beyond what i64 holds is refused, never wrapped or rounded); the formulas behind
//! every total are stated in [`BUDGET_FORMULA`] and [`COMPENSATION_FORMULA`] for the window to
//! show. The day is passed in. Each view reads in a fixed number of queries, whatever the size
//! of the campaign or the workspace.

use super::{CollaborationKind, CollaborationStatus, DeliverableStatus, Goal, ShipmentStatus, TouchpointKind};
use crate::error::{Error, FieldError, Result};
use crate::roster::model::{ContentFormat, Platform};
use crate::money::Money;
use crate::workspace::Workspace;
use chrono::NaiveDate;
use rusqlite::types::Type;
use rusqlite::{OptionalExtension, Row};
use serde::Serialize;
use std::collections::hash_map::{Entry, HashMap};

/// How the board's budget is computed, in words the window can show beside it.
pub const BUDGET_FORMULA: &str = "Planned is the campaign budget. Committed is the fee plus the agreed gift value of every \
collaboration that is agreed, active or completed. Spent is the fees of completed collaborations plus the retail value \
(quantity × retail price) of gifts shipped, delivered or lost (gifts still to pack or returned do not count) plus the \
commissions booked for the orders of its collaborations: every commission line not rejected, pending, approved or paid, \
with refunds and clawbacks taken off. Remaining is planned minus committed, and is negative when more is committed than planned.";

/// How a creator's compensation is computed, in words the window can show beside it.
pub const COMPENSATION_FORMULA: &str = "Committed fees are the fees of collaborations agreed, active or completed. \
Earned fees are the fees of completed collaborations. Gifts value is the retail value (quantity × retail price) of gifts \
shipped or delivered to the creator; gifts still to pack, returned or lost do not count. \
Commissions are the commission lines booked for the orders of their collaborations: every line not rejected, pending, \
approved or paid, with refunds and clawbacks taken off. Total compensation value = earned fees + gifts value + commissions.";

/// Where a campaign stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// It starts after today.
    Upcoming,
    /// It has started and has not ended (or has no end).
    Running,
    /// Its end lies before today.
    Ended,
    /// It has no start date (and no end in the past).
    Undated,
}

impl Phase {
    /// The phase of a campaign running from `starts_on` to `ends_on` (`YYYY-MM-DD`) on `today`.
    pub fn of(starts_on: Option<&str>, ends_on: Option<&str>, today: NaiveDate) -> Phase {
        let today = today.to_string();
        match (starts_on, ends_on) {
            (_, Some(end)) if end < today.as_str() => Phase::Ended,
            (Some(start), _) if start > today.as_str() => Phase::Upcoming,
            (Some(_), _) => Phase::Running,
            (None, _) => Phase::Undated,
        }
    }
}

/// The campaign view: collaborations by status, the deliverables timeline and the budget.
#[derive(Debug, Clone, Serialize)]
pub struct CampaignBoard {
    pub campaign_id: i64,
    pub campaign_name: String,
    pub phase: Phase,
    /// One column per collaboration status, in the order proposed, agreed, active, completed,
    /// cancelled (empty columns included); cards by creator name.
    pub columns: Vec<BoardColumn>,
    /// Every deliverable of the campaign by due date.
    pub timeline: Vec<TimelineItem>,
    pub budget: Budget,
}

#[derive(Debug, Clone, Serialize)]
pub struct BoardColumn {
    pub status: CollaborationStatus,
    pub cards: Vec<BoardCard>,
}

/// A collaboration on the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BoardCard {
    pub collaboration_id: i64,
    pub creator_id: i64,
    pub creator_name: String,
    /// The creator's account with the most followers.
    pub top_handle: Option<TopHandle>,
    pub kind: CollaborationKind,
    pub status: CollaborationStatus,
    pub fee: Money,
    pub gift_value: Money,
    pub deliverables_total: i64,
    /// Published or verified.
    pub deliverables_live: i64,
    /// Open and due before today (never for a cancelled collaboration).
    pub deliverables_overdue: i64,
    /// The earliest due date, today or later, of an open deliverable.
    pub next_due: Option<String>,
    /// The status of the most recently made gift shipment.
    pub latest_shipment_status: Option<ShipmentStatus>,
    pub last_activity_on: String,
    /// Every deliverable is live: the window may offer to complete it.
    pub ready_to_complete: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopHandle {
    pub platform: Platform,
    pub handle: String,
    pub followers: i64,
}

/// A deliverable on the campaign timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineItem {
    pub deliverable_id: i64,
    pub collaboration_id: i64,
    pub creator_name: String,
    pub platform: Platform,
    pub format: ContentFormat,
    pub status: DeliverableStatus,
    pub due_on: String,
    pub published_at: Option<String>,
    /// Open and due before today, in a collaboration that is not cancelled.
    pub overdue: bool,
}

/// A campaign's money, as [`BUDGET_FORMULA`] states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Budget {
    /// The campaign budget.
    pub planned: Money,
    /// Fee + agreed gift value of collaborations agreed, active or completed.
    pub committed: Money,
    /// `spent_fees + spent_gifts + spent_commissions`.
    pub spent: Money,
    /// Fees of completed collaborations.
    pub spent_fees: Money,
    /// Retail value (Σ quantity × unit retail) of gifts shipped, delivered or lost.
    pub spent_gifts: Money,
    /// The commission lines not rejected of the campaign's collaborations (pending, approved
    /// and paid; refunds and clawbacks are negative lines), in the workspace currency.
    pub spent_commissions: Money,
    /// `planned − committed`; negative when over budget.
    pub remaining: Money,
    pub formula: &'static str,
}

/// A campaign in the list of all campaigns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CampaignSummary {
    pub id: i64,
    pub name: String,
    pub goal: Goal,
    pub niche: String,
    pub utm_slug: String,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub phase: Phase,
    pub budget: Money,
    pub collaborations: i64,
    /// Deliverables still to be published, in collaborations that are not cancelled.
    pub open_deliverables: i64,
    /// As in [`Budget::committed`].
    pub committed: Money,
    /// As in [`Budget::spent`].
    pub spent: Money,
    /// The day it was archived; None while it is in use (see `campaign::archive`).
    pub archived_on: Option<String>,
}

/// A creator across campaigns: collaborations, gifts, outreach and compensation.
#[derive(Debug, Clone, Serialize)]
pub struct CreatorHistory {
    pub creator_id: i64,
    pub creator_name: String,
    pub last_contact_on: Option<String>,
    /// Newest first.
    pub collaborations: Vec<PastCollaboration>,
    /// Newest first.
    pub gifts: Vec<ReceivedGift>,
    /// Newest first.
    pub touchpoints: Vec<PastTouchpoint>,
    pub totals: Compensation,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PastCollaboration {
    pub collaboration_id: i64,
    pub campaign_id: i64,
    pub campaign_name: String,
    pub kind: CollaborationKind,
    pub status: CollaborationStatus,
    /// The collaboration's own dates, or its campaign's when it has none.
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub fee: Money,
    pub gift_value: Money,
    pub deliverables_live: i64,
    pub deliverables_total: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReceivedGift {
    pub shipment_id: i64,
    pub collaboration_id: i64,
    pub campaign_name: String,
    pub status: ShipmentStatus,
    pub carrier: String,
    pub tracking_number: String,
    pub shipped_on: Option<String>,
    pub delivered_on: Option<String>,
    pub items: Vec<GiftLine>,
    /// Σ quantity × unit retail.
    pub retail_value: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GiftLine {
    pub name: String,
    pub sku: String,
    pub quantity: i64,
    pub unit_retail: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PastTouchpoint {
    pub id: i64,
    pub kind: TouchpointKind,
    pub happened_on: String,
    pub notes: String,
    pub collaboration_id: Option<i64>,
    pub campaign_name: Option<String>,
}

/// A creator's compensation, as [`COMPENSATION_FORMULA`] states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Compensation {
    pub committed_fees: Money,
    pub earned_fees: Money,
    pub gifts_value: Money,
    /// The commission lines not rejected of the creator's collaborations (pending, approved and
    /// paid; refunds and clawbacks are negative lines), in the workspace currency.
    pub commissions: Money,
    /// `earned_fees + gifts_value + commissions`.
    pub total_compensation_value: Money,
    pub formula: &'static str,
}

/// The board of campaign `campaign_id` on the day `today`.
pub fn campaign_board(ws: &Workspace, campaign_id: i64, today: NaiveDate) -> Result<CampaignBoard> {
    let conn = ws.conn();
    let currency = ws.settings()?.currency();
    let money = |minor: i64| Money { minor, currency };
    let now = today.to_string();
    let snapshot = conn.unchecked_transaction()?;
    let (campaign_name, starts_on, ends_on, planned): (String, Option<String>, Option<String>, i64) = conn
        .query_row("SELECT name, starts_on, ends_on, budget_minor FROM campaigns WHERE id = ?1", [campaign_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?
        .ok_or(Error::NotFound { what: "campaign", id: campaign_id })?;

    let mut cards: Vec<BoardCard> = conn
        .prepare_cached(
            "SELECT c.id, c.creator_id, p.display_name, c.kind, c.status, c.fee_minor, c.gift_value_minor, c.last_activity_on
             FROM collaborations c JOIN creators p ON p.id = c.creator_id WHERE c.campaign_id = ?1 ORDER BY p.sort_name, c.id",
        )?
        .query_map([campaign_id], |r| {
            Ok(BoardCard {
                collaboration_id: r.get(0)?,
                creator_id: r.get(1)?,
                creator_name: r.get(2)?,
                top_handle: None,
                kind: vocab(r, 3, CollaborationKind::parse)?,
                status: vocab(r, 4, CollaborationStatus::parse)?,
                fee: money(r.get(5)?),
                gift_value: money(r.get(6)?),
                deliverables_total: 0,
                deliverables_live: 0,
                deliverables_overdue: 0,
                next_due: None,
                latest_shipment_status: None,
                last_activity_on: r.get(7)?,
                ready_to_complete: false,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let card_at: HashMap<i64, usize> = cards.iter().enumerate().map(|(i, c)| (c.collaboration_id, i)).collect();

    // Largest audience first, so the first handle seen per creator is the top one.
    let mut top: HashMap<i64, TopHandle> = HashMap::new();
    {
        let mut handles = conn.prepare_cached(
            "SELECT h.creator_id, h.platform, h.handle, h.followers FROM collaborations c JOIN handles h ON h.creator_id = c.creator_id
             WHERE c.campaign_id = ?1 ORDER BY h.followers DESC, h.id",
        )?;
        let mut rows = handles.query([campaign_id])?;
        while let Some(r) = rows.next()? {
            if let Entry::Vacant(slot) = top.entry(r.get(0)?) {
                slot.insert(TopHandle { platform: vocab(r, 1, Platform::parse)?, handle: r.get(2)?, followers: r.get(3)? });
            }
        }
    }
    for card in &mut cards {
        card.top_handle = top.remove(&card.creator_id);
    }

    let mut timeline = Vec::new();
    {
        let mut deliverables = conn.prepare_cached(
            "SELECT d.id, d.collaboration_id, d.platform, d.format, d.status, d.due_on, d.published_at
             FROM collaborations c JOIN deliverables d ON d.collaboration_id = c.id WHERE c.campaign_id = ?1 ORDER BY d.due_on, d.id",
        )?;
        let mut rows = deliverables.query([campaign_id])?;
        while let Some(r) = rows.next()? {
            let collaboration_id: i64 = r.get(1)?;
            let status = vocab(r, 4, DeliverableStatus::parse)?;
            let due_on: String = r.get(5)?;
            let card = &mut cards[card_at[&collaboration_id]];
            let overdue = status.is_open() && due_on < now && card.status != CollaborationStatus::Cancelled;
            card.deliverables_total += 1;
            card.deliverables_live += i64::from(status.is_live());
            card.deliverables_overdue += i64::from(overdue);
            if status.is_open() && due_on >= now && card.next_due.is_none() {
                card.next_due = Some(due_on.clone());
            }
            timeline.push(TimelineItem {
                deliverable_id: r.get(0)?,
                collaboration_id,
                creator_name: card.creator_name.clone(),
                platform: vocab(r, 2, Platform::parse)?,
                format: vocab(r, 3, ContentFormat::parse)?,
                status,
                due_on,
                published_at: r.get(6)?,
                overdue,
            });
        }
    }
    let mut spent_gifts = 0i64;
    {
        let mut shipments = conn.prepare_cached(
            "SELECT s.collaboration_id, s.status, (SELECT coalesce(sum(i.quantity * i.unit_retail_minor), 0) FROM gift_items i WHERE i.shipment_id = s.id)
             FROM collaborations c JOIN gift_shipments s ON s.collaboration_id = c.id WHERE c.campaign_id = ?1 ORDER BY s.created_at, s.id",
        )?;
        let mut rows = shipments.query([campaign_id])?;
        while let Some(r) = rows.next()? {
            let status = vocab(r, 1, ShipmentStatus::parse)?;
            cards[card_at[&r.get::<_, i64>(0)?]].latest_shipment_status = Some(status);
            if status.is_sent() {
                spent_gifts = add(spent_gifts, r.get(2)?)?;
            }
        }
    }
    snapshot.finish()?;
    for card in &mut cards {
        card.ready_to_complete = super::collaboration::ready_to_complete(card.status, card.deliverables_total, card.deliverables_live);
    }

    let (mut committed, mut spent_fees) = (0i64, 0i64);
    for card in &cards {
        if card.status.is_committed() {
            committed = add(committed, add(card.fee.minor, card.gift_value.minor)?)?;
        }
        if card.status == CollaborationStatus::Completed {
            spent_fees = add(spent_fees, card.fee.minor)?;
        }
    }
    // Through the covering index on (collaboration_id, rejected_at, amount_minor): no line is read.
    let spent_commissions: i64 = conn
        .prepare_cached(
            "SELECT coalesce(sum(l.amount_minor), 0) FROM collaborations c JOIN commission_lines l ON l.collaboration_id = c.id AND l.rejected_at IS NULL
             WHERE c.campaign_id = ?1",
        )?
        .query_row([campaign_id], |r| r.get(0))?;
    let budget = Budget {
        planned: money(planned),
        committed: money(committed),
        spent: money(add(add(spent_fees, spent_gifts)?, spent_commissions)?),
        spent_fees: money(spent_fees),
        spent_gifts: money(spent_gifts),
        spent_commissions: money(spent_commissions),
        remaining: money(planned.checked_sub(committed).ok_or_else(too_large)?),
        formula: BUDGET_FORMULA,
    };
    let columns = CollaborationStatus::ALL
        .iter()
        .map(|&status| BoardColumn { status, cards: cards.iter().filter(|c| c.status == status).cloned().collect() })
        .collect();
    Ok(CampaignBoard { campaign_id, campaign_name, phase: Phase::of(starts_on.as_deref(), ends_on.as_deref(), today), columns, timeline, budget })
}

/// Every campaign with its phase on `today`, counts and money, archived ones included (marked
/// by `archived_on`; the window and the CLI leave them out unless asked): undated ones first
/// (they are being planned), then the newest start first. One query, grouped per table.
pub fn campaign_list(ws: &Workspace, today: NaiveDate) -> Result<Vec<CampaignSummary>> {
    campaign_list_of(ws.conn(), today)
}

/// [`campaign_list`] read through a connection (the results charts' budget).
pub(crate) fn campaign_list_of(conn: &rusqlite::Connection, today: NaiveDate) -> Result<Vec<CampaignSummary>> {
    let currency = crate::workspace::settings::load(conn)?.currency();
    let money = |minor: i64| Money { minor, currency };
    // SQLite's sum() stops with an error on integer overflow, and a product too large for i64
    // becomes a REAL that reading as i64 refuses: no total is ever wrapped or rounded. Reading
    // collaborations in table order and grouping after is faster than walking them by campaign.
    let mut stmt = conn.prepare_cached(
        "SELECT k.id, k.name, k.goal, k.starts_on, k.ends_on, k.budget_minor,
                coalesce(l.n, 0), coalesce(l.committed_fees, 0), coalesce(l.committed_gifts, 0), coalesce(l.earned_fees, 0),
                coalesce(o.n, 0), coalesce(g.retail, 0), k.niche, k.utm_slug, k.archived_on, coalesce(m.commissions, 0)
         FROM campaigns k
         LEFT JOIN (SELECT campaign_id, count(*) AS n,
                           sum(CASE WHEN status IN ('agreed', 'active', 'completed') THEN fee_minor ELSE 0 END) AS committed_fees,
                           sum(CASE WHEN status IN ('agreed', 'active', 'completed') THEN gift_value_minor ELSE 0 END) AS committed_gifts,
                           sum(CASE WHEN status = 'completed' THEN fee_minor ELSE 0 END) AS earned_fees
                    FROM collaborations NOT INDEXED GROUP BY campaign_id) l ON l.campaign_id = k.id
         LEFT JOIN (SELECT c.campaign_id, count(*) AS n
                    FROM deliverables d JOIN collaborations c ON c.id = d.collaboration_id
                    WHERE d.status NOT IN ('published', 'verified', 'missed') AND d.collaboration_cancelled = 0
                    GROUP BY c.campaign_id) o ON o.campaign_id = k.id
         LEFT JOIN (SELECT c.campaign_id, sum(i.quantity * i.unit_retail_minor) AS retail
                    FROM gift_shipments s JOIN collaborations c ON c.id = s.collaboration_id JOIN gift_items i ON i.shipment_id = s.id
                    WHERE s.status IN ('shipped', 'delivered', 'lost')
                    GROUP BY c.campaign_id) g ON g.campaign_id = k.id
         LEFT JOIN (SELECT c.campaign_id, sum(l.amount_minor) AS commissions
                    FROM collaborations c JOIN commission_lines l ON l.collaboration_id = c.id AND l.rejected_at IS NULL
                    GROUP BY c.campaign_id) m ON m.campaign_id = k.id
         ORDER BY k.starts_on IS NOT NULL, k.starts_on DESC, k.id DESC",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let (starts_on, ends_on): (Option<String>, Option<String>) = (r.get(3)?, r.get(4)?);
        out.push(CampaignSummary {
            id: r.get(0)?,
            name: r.get(1)?,
            goal: vocab(r, 2, Goal::parse)?,
            niche: r.get(12)?,
            utm_slug: r.get(13)?,
            phase: Phase::of(starts_on.as_deref(), ends_on.as_deref(), today),
            starts_on,
            ends_on,
            budget: money(r.get(5)?),
            collaborations: r.get(6)?,
            committed: money(add(r.get(7)?, r.get(8)?)?),
            spent: money(add(add(r.get(9)?, r.get(11)?)?, r.get(15)?)?),
            open_deliverables: r.get(10)?,
            archived_on: r.get(14)?,
        });
    }
    Ok(out)
}

/// Creator `creator_id` across every campaign: collaborations, gifts, touchpoints and totals.
pub fn creator_history(ws: &Workspace, creator_id: i64) -> Result<CreatorHistory> {
    let conn = ws.conn();
    let currency = ws.settings()?.currency();
    let money = |minor: i64| Money { minor, currency };
    let snapshot = conn.unchecked_transaction()?;
    let (creator_name, last_contact_on): (String, Option<String>) = conn
        .query_row("SELECT display_name, last_contact_on FROM creators WHERE id = ?1", [creator_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or(Error::NotFound { what: "creator", id: creator_id })?;

    let collaborations: Vec<PastCollaboration> = conn
        .prepare_cached(
            "SELECT c.id, c.campaign_id, k.name, c.kind, c.status, coalesce(c.starts_on, k.starts_on), coalesce(c.ends_on, k.ends_on),
                    c.fee_minor, c.gift_value_minor,
                    (SELECT count(*) FROM deliverables d WHERE d.collaboration_id = c.id AND d.status IN ('published', 'verified')),
                    (SELECT count(*) FROM deliverables d WHERE d.collaboration_id = c.id)
             FROM collaborations c JOIN campaigns k ON k.id = c.campaign_id WHERE c.creator_id = ?1
             ORDER BY coalesce(c.starts_on, k.starts_on, substr(c.created_at, 1, 10)) DESC, c.id DESC",
        )?
        .query_map([creator_id], |r| {
            Ok(PastCollaboration {
                collaboration_id: r.get(0)?,
                campaign_id: r.get(1)?,
                campaign_name: r.get(2)?,
                kind: vocab(r, 3, CollaborationKind::parse)?,
                status: vocab(r, 4, CollaborationStatus::parse)?,
                starts_on: r.get(5)?,
                ends_on: r.get(6)?,
                fee: money(r.get(7)?),
                gift_value: money(r.get(8)?),
                deliverables_live: r.get(9)?,
                deliverables_total: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;

    let mut gifts: Vec<ReceivedGift> = conn
        .prepare_cached(
            "SELECT s.id, s.collaboration_id, k.name, s.status, s.carrier, s.tracking_number, s.shipped_on, s.delivered_on
             FROM collaborations c JOIN campaigns k ON k.id = c.campaign_id JOIN gift_shipments s ON s.collaboration_id = c.id
             WHERE c.creator_id = ?1 ORDER BY coalesce(s.shipped_on, substr(s.created_at, 1, 10)) DESC, s.id DESC",
        )?
        .query_map([creator_id], |r| {
            Ok(ReceivedGift {
                shipment_id: r.get(0)?,
                collaboration_id: r.get(1)?,
                campaign_name: r.get(2)?,
                status: vocab(r, 3, ShipmentStatus::parse)?,
                carrier: r.get(4)?,
                tracking_number: r.get(5)?,
                shipped_on: r.get(6)?,
                delivered_on: r.get(7)?,
                items: Vec::new(),
                retail_value: money(0),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let gift_at: HashMap<i64, usize> = gifts.iter().enumerate().map(|(i, g)| (g.shipment_id, i)).collect();
    {
        let mut items = conn.prepare_cached(
            "SELECT i.shipment_id, i.name, i.sku, i.quantity, i.unit_retail_minor
             FROM collaborations c JOIN gift_shipments s ON s.collaboration_id = c.id JOIN gift_items i ON i.shipment_id = s.id
             WHERE c.creator_id = ?1 ORDER BY i.shipment_id, i.position",
        )?;
        let mut rows = items.query([creator_id])?;
        while let Some(r) = rows.next()? {
            let gift = &mut gifts[gift_at[&r.get::<_, i64>(0)?]];
            let (quantity, unit_retail): (i64, i64) = (r.get(3)?, r.get(4)?);
            gift.retail_value.minor = add(gift.retail_value.minor, quantity.checked_mul(unit_retail).ok_or_else(too_large)?)?;
            gift.items.push(GiftLine { name: r.get(1)?, sku: r.get(2)?, quantity, unit_retail: money(unit_retail) });
        }
    }

    let touchpoints: Vec<PastTouchpoint> = conn
        .prepare_cached(
            "SELECT t.id, t.kind, t.happened_on, t.notes, t.collaboration_id, k.name
             FROM touchpoints t LEFT JOIN collaborations c ON c.id = t.collaboration_id LEFT JOIN campaigns k ON k.id = c.campaign_id
             WHERE t.creator_id = ?1 ORDER BY t.happened_on DESC, t.id DESC",
        )?
        .query_map([creator_id], |r| {
            Ok(PastTouchpoint {
                id: r.get(0)?,
                kind: vocab(r, 1, TouchpointKind::parse)?,
                happened_on: r.get(2)?,
                notes: r.get(3)?,
                collaboration_id: r.get(4)?,
                campaign_name: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    // As the budget's spent commissions: through the covering index, no line is read.
    let commissions: i64 = conn
        .prepare_cached(
            "SELECT coalesce(sum(l.amount_minor), 0) FROM collaborations c JOIN commission_lines l ON l.collaboration_id = c.id AND l.rejected_at IS NULL
             WHERE c.creator_id = ?1",
        )?
        .query_row([creator_id], |r| r.get(0))?;
    snapshot.finish()?;

    let (mut committed_fees, mut earned_fees, mut gifts_value) = (0i64, 0i64, 0i64);
    for c in &collaborations {
        if c.status.is_committed() {
            committed_fees = add(committed_fees, c.fee.minor)?;
        }
        if c.status == CollaborationStatus::Completed {
            earned_fees = add(earned_fees, c.fee.minor)?;
        }
    }
    for g in gifts.iter().filter(|g| matches!(g.status, ShipmentStatus::Shipped | ShipmentStatus::Delivered)) {
        gifts_value = add(gifts_value, g.retail_value.minor)?;
    }
    let totals = Compensation {
        committed_fees: money(committed_fees),
        earned_fees: money(earned_fees),
        gifts_value: money(gifts_value),
        commissions: money(commissions),
        total_compensation_value: money(add(add(earned_fees, gifts_value)?, commissions)?),
        formula: COMPENSATION_FORMULA,
    };
    Ok(CreatorHistory { creator_id, creator_name, last_contact_on, collaborations, gifts, touchpoints, totals })
}

/// Reads a stored vocabulary value (the schema's CHECK keeps it one of `T`'s spellings).
pub(super) fn vocab<T>(r: &Row, i: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let text: String = r.get(i)?;
    parse(&text).ok_or_else(|| rusqlite::Error::FromSqlConversionFailure(i, Type::Text, format!("unknown value {text:?}").into()))
}

/// Adds two amounts in minor units, refusing a total beyond i64 instead of wrapping.
fn add(a: i64, b: i64) -> Result<i64> {
    a.checked_add(b).ok_or_else(too_large)
}

/// The error for a total beyond i64.
fn too_large() -> Error {
    Error::Validation(vec![FieldError::new("total", "too_large", "These amounts add up to more than Chorus can count.")])
}

#[cfg(test)]
mod tests {
    use super::super::today::fixture::*;
    use super::*;

    /// `2026-06-15` as a date.
    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    const TODAY: &str = "2026-06-15";

    /// An amount in euro cents.
    fn eur(minor: i64) -> Money {
        Money { minor, currency: crate::money::Currency::parse("EUR").unwrap() }
    }

    /// Summer 2026 (budget € 5.000) with Anna (paid, active), Bo (gifted, completed), Cas
    /// (hybrid, cancelled) and Dewi (paid, proposed).
    fn summer() -> (Workspace, i64, [i64; 4], [i64; 4]) {
        let mut ws = workspace();
        let people = [("Anna de Vries", "anna.zon"), ("Bo Smit", "bo.smit"), ("Cas Bakker", "cas.b"), ("Dewi Kok", "dewi.kok")];
        let creators = people.map(|(name, handle)| creator(&mut ws, name, handle));
        let summer = campaign(&ws, "Summer 2026", Some("2026-06-01"), Some("2026-07-31"), 500_000);
        let collabs = [
            collaboration(&ws, summer, creators[0], "paid", "active", (120_000, 0), "2026-06-10"),
            collaboration(&ws, summer, creators[1], "gifted", "completed", (0, 8_000), "2026-06-05"),
            collaboration(&ws, summer, creators[2], "hybrid", "cancelled", (30_000, 6_000), "2026-06-01"),
            collaboration(&ws, summer, creators[3], "paid", "proposed", (90_000, 0), "2026-06-12"),
        ];
        (ws, summer, creators, collabs)
    }

    #[test]
    fn the_board_puts_cards_in_status_columns_with_their_counts() {
        let (ws, summer, creators, [anna, bo, cas, dewi]) = summer();
        sql(&ws, &format!("INSERT INTO handles (creator_id, platform, handle, handle_key, followers) VALUES ({}, 'tiktok', 'Anna.Tok', 'anna.tok', 88000)", creators[0]));
        let late = deliverable(&ws, anna, "reel", "2026-06-10", "in_production");
        deliverable(&ws, anna, "story", "2026-06-20", "planned");
        deliverable(&ws, anna, "post", "2026-06-18", "approved");
        deliverable(&ws, anna, "post", "2026-06-02", "published");
        deliverable(&ws, bo, "reel", "2026-06-04", "verified");
        deliverable(&ws, cas, "post", "2026-06-03", "planned"); // cancelled: not overdue
        shipment(&ws, anna, "to_pack", "2026-06-01", None, &[(1, 4_500)]);
        shipment(&ws, anna, "shipped", "2026-06-09", None, &[(1, 4_500)]);

        let b = campaign_board(&ws, summer, day(TODAY)).unwrap();
        assert_eq!((b.campaign_name.as_str(), b.phase), ("Summer 2026", Phase::Running));
        let shape: Vec<(CollaborationStatus, Vec<i64>)> = b.columns.iter().map(|c| (c.status, c.cards.iter().map(|k| k.collaboration_id).collect())).collect();
        use CollaborationStatus::*;
        assert_eq!(shape, vec![(Proposed, vec![dewi]), (Agreed, vec![]), (Active, vec![anna]), (Completed, vec![bo]), (Cancelled, vec![cas])]);
        let card = &b.columns[2].cards[0];
        assert_eq!((card.deliverables_total, card.deliverables_live, card.deliverables_overdue), (4, 1, 1));
        assert_eq!(card.next_due.as_deref(), Some("2026-06-18"));
        assert_eq!(card.latest_shipment_status, Some(ShipmentStatus::Shipped));
        assert_eq!(card.top_handle, Some(TopHandle { platform: Platform::Tiktok, handle: "Anna.Tok".into(), followers: 88_000 }));
        assert_eq!((card.fee, card.kind, card.creator_name.as_str()), (eur(120_000), CollaborationKind::Paid, "Anna de Vries"));
        assert_eq!(b.columns[4].cards[0].deliverables_overdue, 0);
        assert!(!card.ready_to_complete, "three of Anna's four posts are not live");
        assert!(!b.columns[3].cards[0].ready_to_complete, "Bo is completed already");
        sql(&ws, &format!("UPDATE deliverables SET status = 'published' WHERE collaboration_id = {anna} AND status <> 'published'"));
        assert!(campaign_board(&ws, summer, day(TODAY)).unwrap().columns[2].cards[0].ready_to_complete, "every post of Anna's is live");

        let dates: Vec<&str> = b.timeline.iter().map(|t| t.due_on.as_str()).collect();
        assert_eq!(dates, ["2026-06-02", "2026-06-03", "2026-06-04", "2026-06-10", "2026-06-18", "2026-06-20"]);
        let overdue: Vec<i64> = b.timeline.iter().filter(|t| t.overdue).map(|t| t.deliverable_id).collect();
        assert_eq!(overdue, vec![late]);
        assert_eq!(b.timeline[0].creator_name, "Anna de Vries");
    }

    #[test]
    fn the_budget_follows_its_stated_formula() {
        let (ws, summer, _, [anna, bo, cas, dewi]) = summer();
        // Gifts: to pack and returned do not count; shipped, delivered and lost do.
        shipment(&ws, anna, "to_pack", "2026-06-01", None, &[(1, 100_000)]);
        shipment(&ws, bo, "delivered", "2026-06-01", Some("2026-06-03"), &[(2, 2_500), (1, 3_000)]); // 8.000
        shipment(&ws, bo, "returned", "2026-06-01", None, &[(1, 50_000)]);
        shipment(&ws, cas, "lost", "2026-06-01", None, &[(3, 1_000)]); // 3.000
        shipment(&ws, dewi, "shipped", "2026-06-01", None, &[(1, 1_500)]); // 1.500
        let b = campaign_board(&ws, summer, day(TODAY)).unwrap().budget;
        assert_eq!(b.planned, eur(500_000));
        assert_eq!(b.committed, eur(120_000 + 8_000), "Anna (active) and Bo (completed); not proposed, not cancelled");
        assert_eq!(b.spent_fees, eur(0), "Bo is completed but gifted");
        assert_eq!(b.spent_gifts, eur(8_000 + 3_000 + 1_500));
        assert_eq!(b.spent, eur(12_500));
        assert_eq!(b.remaining, eur(500_000 - 128_000));
        assert_eq!(b.formula, BUDGET_FORMULA);

        // Commissions: Anna's lines count, a refund off them; a rejected line does not.
        commission_lines(&ws, anna, &[(2_000, false), (-500, false), (900, true)]);
        commission_lines(&ws, dewi, &[(300, false)]);
        let b = campaign_board(&ws, summer, day(TODAY)).unwrap().budget;
        assert_eq!(b.spent_commissions, eur(2_000 - 500 + 300));
        assert_eq!(b.spent, eur(12_500 + 1_800));
        assert_eq!(b.remaining, eur(500_000 - 128_000), "commissions are spent, not committed");

        sql(&ws, &format!("UPDATE collaborations SET status = 'completed' WHERE id = {anna}; UPDATE campaigns SET budget_minor = 100000 WHERE id = {summer}"));
        let b = campaign_board(&ws, summer, day(TODAY)).unwrap().budget;
        assert_eq!(b.spent_fees, eur(120_000));
        assert_eq!(b.remaining, eur(-28_000), "over budget shows as negative");
    }

    #[test]
    fn totals_beyond_i64_are_refused_not_wrapped() {
        let (ws, summer, _, [anna, bo, ..]) = summer();
        sql(&ws, &format!("UPDATE collaborations SET fee_minor = 9223372036854775000, status = 'active' WHERE id IN ({anna}, {bo})"));
        let e = campaign_board(&ws, summer, day(TODAY)).unwrap_err();
        assert_eq!(e.kind(), "validation");
        assert!(campaign_list(&ws, day(TODAY)).is_err());
    }

    #[test]
    fn an_unknown_campaign_or_creator_is_not_found() {
        let ws = workspace();
        assert_eq!(campaign_board(&ws, 99, day(TODAY)).unwrap_err().kind(), "not_found");
        assert_eq!(creator_history(&ws, 99).unwrap_err().kind(), "not_found");
    }

    #[test]
    fn the_list_has_every_campaign_with_phase_counts_and_money() {
        let (ws, summer, creators, [anna, bo, cas, _]) = summer();
        deliverable(&ws, anna, "reel", "2026-06-10", "planned");
        deliverable(&ws, anna, "reel", "2026-06-11", "published");
        deliverable(&ws, cas, "reel", "2026-06-11", "planned"); // cancelled: not open work
        shipment(&ws, bo, "delivered", "2026-06-01", Some("2026-06-03"), &[(2, 2_500)]);
        let autumn = campaign(&ws, "Autumn 2026", Some("2026-09-01"), None, 0);
        let spring = campaign(&ws, "Spring 2026", Some("2026-03-01"), Some("2026-04-30"), 100_000);
        let draft = campaign(&ws, "Idea: winter", None, None, 0);
        collaboration(&ws, spring, creators[0], "paid", "completed", (40_000, 0), "2026-04-01");
        sql(&ws, &format!("UPDATE campaigns SET niche = 'fitness', utm_slug = 'summer-26' WHERE id = {summer}"));

        let list = campaign_list(&ws, day(TODAY)).unwrap();
        assert_eq!((list[2].niche.as_str(), list[2].utm_slug.as_str()), ("fitness", "summer-26"), "what the list's search reads");
        let order: Vec<(i64, Phase)> = list.iter().map(|c| (c.id, c.phase)).collect();
        assert_eq!(order, vec![(draft, Phase::Undated), (autumn, Phase::Upcoming), (summer, Phase::Running), (spring, Phase::Ended)]);
        let s = &list[2];
        assert_eq!((s.collaborations, s.open_deliverables), (4, 1));
        assert_eq!((s.committed, s.spent, s.budget), (eur(128_000), eur(5_000), eur(500_000)));
        assert_eq!((list[3].committed, list[3].spent), (eur(40_000), eur(40_000)));
        assert_eq!((list[0].collaborations, list[0].committed), (0, eur(0)));
        assert_eq!(list[2].goal, Goal::Awareness);
    }

    /// Commission lines of `collaboration`, each (amount, rejected), on one order of their own.
    fn commission_lines(ws: &Workspace, collaboration: i64, lines: &[(i64, bool)]) {
        for (n, (amount, rejected)) in lines.iter().enumerate() {
            sql(ws, &format!(
                "INSERT INTO orders (source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, financial_status, imported_at, updated_at)
                 VALUES ('shopify', '#{collaboration}-{n}', '2026-06-10T10:00:00Z', '2026-06-10T10:00:00Z', '2026-06-10', 'EUR', 10000, 'paid', 'now', 'now');
                 INSERT INTO commission_lines (order_id, collaboration_id, creator_id, kind, reason, amount_minor, currency, base_minor, rule, rule_level,
                     explanation, explanation_code, hold_until, rejected_at, rejected_reason, created_at)
                 SELECT last_insert_rowid(), c.id, c.creator_id, 'commission', 'order', {amount}, 'EUR', 10000, 'percent:1000', 'workspace',
                     '', 'percent', '2026-07-10', {rejected_at}, {rejected_reason}, 'now' FROM collaborations c WHERE c.id = {collaboration}",
                rejected_at = if *rejected { "'now'" } else { "NULL" },
                rejected_reason = if *rejected { "'fraud'" } else { "NULL" },
            ));
        }
    }

    #[test]
    fn the_list_and_the_board_agree() {
        let (ws, summer, _, [anna, bo, cas, dewi]) = summer();
        for (c, status) in [(anna, "shipped"), (bo, "delivered"), (cas, "lost"), (dewi, "to_pack")] {
            shipment(&ws, c, status, "2026-06-01", None, &[(2, 1_250), (1, 999)]);
        }
        commission_lines(&ws, anna, &[(1_234, false), (-34, false), (5_000, true)]);
        sql(&ws, &format!("UPDATE collaborations SET status = 'completed' WHERE id = {anna}"));
        let board = campaign_board(&ws, summer, day(TODAY)).unwrap().budget;
        let listed = campaign_list(&ws, day(TODAY)).unwrap().remove(0);
        assert_eq!((listed.committed, listed.spent), (board.committed, board.spent));
    }

    #[test]
    fn phases_follow_the_dates() {
        let t = day(TODAY);
        assert_eq!(Phase::of(Some("2026-06-15"), Some("2026-06-15"), t), Phase::Running);
        assert_eq!(Phase::of(Some("2026-06-16"), None, t), Phase::Upcoming);
        assert_eq!(Phase::of(Some("2026-01-01"), Some("2026-06-14"), t), Phase::Ended);
        assert_eq!(Phase::of(None, Some("2026-06-14"), t), Phase::Ended);
        assert_eq!(Phase::of(None, Some("2026-12-31"), t), Phase::Undated);
        assert_eq!(Phase::of(Some("2026-01-01"), None, t), Phase::Running);
    }

    #[test]
    fn a_creator_history_spans_campaigns_with_gifts_touchpoints_and_compensation() {
        let (ws, _, creators, [anna, ..]) = summer();
        let bo = creators[1];
        let spring = campaign(&ws, "Spring 2026", Some("2026-03-01"), Some("2026-04-30"), 0);
        let earlier = collaboration(&ws, spring, creators[0], "paid", "completed", (40_000, 0), "2026-03-01");
        deliverable(&ws, earlier, "reel", "2026-03-10", "verified");
        deliverable(&ws, earlier, "post", "2026-03-20", "missed");
        let gift = shipment(&ws, anna, "delivered", "2026-06-02", Some("2026-06-04"), &[(2, 2_500), (1, 3_000)]);
        sql(&ws, &format!("UPDATE gift_shipments SET shipped_on = '2026-06-02' WHERE id = {gift}; UPDATE gift_items SET sku = 'LIN-01' WHERE shipment_id = {gift} AND position = 0"));
        shipment(&ws, anna, "lost", "2026-05-20", None, &[(1, 9_900)]);
        shipment(&ws, anna, "to_pack", "2026-06-14", None, &[(1, 9_900)]);
        sql(
            &ws,
            &format!(
                "INSERT INTO touchpoints (creator_id, collaboration_id, kind, happened_on, notes, created_at) VALUES
                   ({0}, NULL, 'followed', '2026-02-01', '', '2026-02-01T09:00:00Z'),
                   ({0}, {anna}, 'dm', '2026-05-28', 'Sent the brief, <b>bold</b> & all', '2026-05-28T09:00:00Z'),
                   ({bo}, NULL, 'email', '2026-06-01', 'not Anna''s', '2026-06-01T09:00:00Z');
                 UPDATE creators SET last_contact_on = '2026-05-28' WHERE id = {0};",
                creators[0]
            ),
        );

        let h = creator_history(&ws, creators[0]).unwrap();
        assert_eq!((h.creator_name.as_str(), h.last_contact_on.as_deref()), ("Anna de Vries", Some("2026-05-28")));
        let collabs: Vec<(&str, CollaborationStatus, i64, i64)> =
            h.collaborations.iter().map(|c| (c.campaign_name.as_str(), c.status, c.deliverables_live, c.deliverables_total)).collect();
        assert_eq!(collabs, vec![("Summer 2026", CollaborationStatus::Active, 0, 0), ("Spring 2026", CollaborationStatus::Completed, 1, 2)], "newest first");
        assert_eq!(h.collaborations[1].starts_on.as_deref(), Some("2026-03-01"));
        assert_eq!(h.collaborations[0].ends_on.as_deref(), Some("2026-07-31"), "the campaign's end when the collaboration has none");

        let statuses: Vec<ShipmentStatus> = h.gifts.iter().map(|g| g.status).collect();
        assert_eq!(statuses, vec![ShipmentStatus::ToPack, ShipmentStatus::Delivered, ShipmentStatus::Lost], "newest first");
        let delivered = &h.gifts[1];
        assert_eq!(delivered.retail_value, eur(8_000));
        assert_eq!(delivered.items[0], GiftLine { name: "Linen shirt".into(), sku: "LIN-01".into(), quantity: 2, unit_retail: eur(2_500) });
        assert_eq!((delivered.carrier.as_str(), delivered.shipped_on.as_deref(), delivered.campaign_name.as_str()), ("PostNL", Some("2026-06-02"), "Summer 2026"));

        let touch: Vec<(TouchpointKind, Option<&str>, &str)> = h.touchpoints.iter().map(|t| (t.kind, t.campaign_name.as_deref(), t.notes.as_str())).collect();
        assert_eq!(touch, vec![(TouchpointKind::Dm, Some("Summer 2026"), "Sent the brief, <b>bold</b> & all"), (TouchpointKind::Followed, None, "")]);

        let t = &h.totals;
        assert_eq!(t.committed_fees, eur(120_000 + 40_000));
        assert_eq!(t.earned_fees, eur(40_000));
        assert_eq!(t.gifts_value, eur(8_000), "delivered counts; lost and to pack do not");
        assert_eq!(t.commissions, eur(0));
        assert_eq!(t.total_compensation_value, eur(48_000));
        assert_eq!(t.formula, COMPENSATION_FORMULA);

        // Commissions of both her collaborations count, a refund off them; a rejected line and
        // another creator's lines do not.
        commission_lines(&ws, anna, &[(2_000, false), (-500, false), (900, true)]);
        commission_lines(&ws, earlier, &[(700, false)]);
        commission_lines(&ws, bo, &[(5_000, false)]);
        let t = creator_history(&ws, creators[0]).unwrap().totals;
        assert_eq!(t.commissions, eur(2_000 - 500 + 700));
        assert_eq!(t.total_compensation_value, eur(48_000 + 2_200), "earned fees + gifts value + commissions");
    }
}
