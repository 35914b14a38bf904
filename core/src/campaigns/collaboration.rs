//! Collaborations (a creator in a campaign): create, update with the revision it was based on,
//! delete, and the detail view with its deliverables, gifts and outreach.
//!
//! Status rules: forward along proposed → agreed → active → completed (steps may be skipped);
//! one step back to correct a mistake; cancelled from anything not completed, and reopened as
//! proposed. Completed needs every deliverable published, verified or missed. A collaboration
//! with a live post cannot go back to proposed. A gifted deal has no fee; a paid or hybrid deal
//! that is agreed needs one.

use super::fields::{self, Checks, MAX_LONG, MAX_SHORT};
use super::{deliverable, gifting, outreach, CollaborationDraft, CollaborationKind, CollaborationStatus};
use crate::error::{Error, FieldError, Result};
use crate::money::{Currency, Money};
use crate::workspace::{audit, now_utc, Workspace};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// A stored collaboration with the names around it and the draft its form starts from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Collaboration {
    pub id: i64,
    pub revision: i64,
    pub campaign_id: i64,
    pub campaign_name: String,
    pub creator_id: i64,
    pub creator_name: String,
    pub kind: CollaborationKind,
    pub status: CollaborationStatus,
    pub fee: Money,
    pub gift_value: Money,
    pub commission_terms: String,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub usage_channels: String,
    pub usage_until: Option<String>,
    pub usage_exclusive: bool,
    pub contract_signed_on: Option<String>,
    pub contract_path: String,
    pub notes: String,
    pub agreed_on: Option<String>,
    pub last_activity_on: String,
    pub created_at: String,
    pub updated_at: String,
    pub draft: CollaborationDraft,
}

/// Everything the collaboration panel shows.
#[derive(Debug, Clone, Serialize)]
pub struct CollaborationDetail {
    pub collaboration: Collaboration,
    /// The brand rules each deliverable is checked against.
    pub checklist: Checklist,
    pub creator: Recipient,
    pub deliverables: Vec<deliverable::Deliverable>,
    pub shipments: Vec<gifting::Shipment>,
    pub touchpoints: Vec<outreach::Touchpoint>,
    /// Fee + retail value of gifts sent + commissions: what this collaboration costs so far.
    pub spend: Money,
    /// Its commission lines not rejected (pending, approved and paid; refunds and clawbacks
    /// are negative lines), in the workspace currency: the part of `spend` its orders earned.
    pub spend_commissions: Money,
    /// Every deliverable is live: the window offers to complete it ([`ready_to_complete`]).
    pub ready_to_complete: bool,
    /// It has no published post and no gift that left: [`delete`] would take it out of the
    /// campaign, so the window may offer that (otherwise it offers to cancel).
    pub removable: bool,
}

/// The campaign's brand rules, as a deliverable's checklist names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checklist {
    pub required_hashtags: String,
    pub required_mentions: String,
    pub disclosure: String,
    pub utm_slug: String,
}

/// The creator as a gift's recipient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recipient {
    pub id: i64,
    pub display_name: String,
    pub email: String,
    pub postal_address: String,
    pub city: String,
    pub country: String,
}

struct Record {
    kind: CollaborationKind,
    status: CollaborationStatus,
    fee_minor: i64,
    gift_value_minor: i64,
    commission_terms: String,
    starts_on: Option<String>,
    ends_on: Option<String>,
    usage_channels: String,
    usage_until: Option<String>,
    usage_exclusive: bool,
    contract_signed_on: Option<String>,
    contract_path: String,
    notes: String,
}

fn validate(d: &CollaborationDraft, currency: Currency) -> (Checks, Record) {
    let mut c = Checks::default();
    let kind = c.choice("kind", "collaboration type", &d.kind, CollaborationKind::parse, None).unwrap_or(CollaborationKind::Gifted);
    let status = c.choice("status", "status", &d.status, CollaborationStatus::parse, Some(CollaborationStatus::Proposed)).unwrap_or(CollaborationStatus::Proposed);
    let fee_minor = c.money("fee", &d.fee, currency, d.spelling);
    let gift_value_minor = c.money("gift_value", &d.gift_value, currency, d.spelling);
    let starts = c.date("starts_on", &d.starts_on);
    let ends = c.date("ends_on", &d.ends_on);
    c.order(starts, ends, "ends_on");
    let usage_until = c.date("usage_until", &d.usage_until);
    let signed = c.date("contract_signed_on", &d.contract_signed_on);
    let contract_path = c.line("contract_path", "The contract file", &d.contract_path, 4096);
    if !contract_path.is_empty() && !is_document(Path::new(&contract_path)) {
        c.push(
            FieldError::new("contract_path", "not_a_document", NOT_A_DOCUMENT)
                .with_value(&contract_path),
        );
    }
    if kind == CollaborationKind::Gifted && fee_minor > 0 && !c.has("fee") {
        c.push(FieldError::new("fee", "gifted_has_no_fee", "A gifted collaboration has no fee. Choose paid or hybrid when the creator is also paid."));
    }
    if matches!(kind, CollaborationKind::Paid | CollaborationKind::Hybrid) && fee_minor == 0 && status.is_committed() && !c.has("fee") {
        c.push(FieldError::new("fee", "fee_required", format!("A {} collaboration needs the agreed fee once it is agreed.", kind.label().to_lowercase())).with_value(kind.as_str()));
    }
    let record = Record {
        kind,
        status,
        fee_minor,
        gift_value_minor,
        commission_terms: c.text("commission_terms", "The commission terms", &d.commission_terms, MAX_LONG),
        starts_on: fields::date_text(starts),
        ends_on: fields::date_text(ends),
        usage_channels: c.line("usage_channels", "The usage channels", &d.usage_channels, MAX_SHORT),
        usage_until: fields::date_text(usage_until),
        usage_exclusive: d.usage_exclusive,
        contract_signed_on: fields::date_text(signed),
        contract_path,
        notes: c.text("notes", "The notes", &d.notes, MAX_LONG),
    };
    (c, record)
}

/// The kinds of file a contract may be: documents, e-mails and scans. Opening a link hands
/// the file to the system, so a program or script is never linked.
const DOCUMENT_EXTENSIONS: &[&str] = &["pdf", "doc", "docx", "odt", "rtf", "txt", "md", "pages", "eml", "msg", "png", "jpg", "jpeg", "heic", "webp", "tif", "tiff"];

const NOT_A_DOCUMENT: &str = "Link the contract as a document: PDF, Word, OpenDocument, RTF, text, e-mail or a scanned image.";

fn is_document(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| DOCUMENT_EXTENSIONS.iter().any(|d| d.eq_ignore_ascii_case(e)))
}

/// The contract file linked to collaboration `id`, when it is a document that exists; what the
/// window hands to the system to open.
pub fn contract_file(ws: &Workspace, id: i64) -> Result<PathBuf> {
    let path = PathBuf::from(get(ws, id)?.contract_path);
    if !is_document(&path) {
        return Err(Error::Validation(vec![FieldError::new("contract_path", "not_a_document", NOT_A_DOCUMENT)]));
    }
    if !path.is_file() {
        return Err(Error::io("open the contract file", &path, std::io::Error::new(std::io::ErrorKind::NotFound, "no such file")));
    }
    Ok(path)
}

/// Whether a collaboration may move from `from` to `to` (see the module contract).
pub fn move_allowed(from: CollaborationStatus, to: CollaborationStatus) -> bool {
    use CollaborationStatus::*;
    let rank = |s| match s {
        Proposed => 0,
        Agreed => 1,
        Active => 2,
        Completed => 3,
        Cancelled => 4,
    };
    match (from, to) {
        _ if from == to => true,
        (Completed, Cancelled) => false,
        (_, Cancelled) => true,
        (Cancelled, Proposed) => true,
        (Cancelled, _) => false,
        _ => rank(to) > rank(from) || rank(from) - rank(to) == 1,
    }
}

/// The rules that need the stored deliverables: completing, and going back to proposed.
fn check_status(conn: &Connection, id: i64, from: CollaborationStatus, to: CollaborationStatus, c: &mut Checks) -> Result<()> {
    if !move_allowed(from, to) {
        c.push(
            FieldError::new("status", "illegal_status_move", format!("A collaboration cannot go from {} to {}.", from.label().to_lowercase(), to.label().to_lowercase()))
                .with_value(format!("{}>{}", from.as_str(), to.as_str())),
        );
        return Ok(());
    }
    if from == to {
        return Ok(());
    }
    if to == CollaborationStatus::Completed {
        let open: i64 = conn.query_row(
            "SELECT count(*) FROM deliverables WHERE collaboration_id = ?1 AND status NOT IN ('published', 'verified', 'missed')",
            [id],
            |r| r.get(0),
        )?;
        if open > 0 {
            c.push(
                FieldError::new(
                    "status",
                    "open_deliverables",
                    format!(
                        "{} still open: mark {} published or missed before completing.",
                        crate::words::counted(open, "deliverable is", "deliverables are"),
                        if open == 1 { "it" } else { "them" }
                    ),
                )
                .with_value(open.to_string()),
            );
        }
    }
    if to == CollaborationStatus::Proposed {
        let live: i64 = conn.query_row("SELECT count(*) FROM deliverables WHERE collaboration_id = ?1 AND status IN ('published', 'verified')", [id], |r| r.get(0))?;
        if live > 0 {
            c.push(FieldError::new("status", "has_live_posts", "This collaboration already has published posts, so it cannot go back to proposed.").with_value(live.to_string()));
        }
    }
    Ok(())
}

/// Adds a creator to a campaign.
pub fn create(ws: &mut Workspace, draft: &CollaborationDraft) -> Result<Collaboration> {
    let actor = ws.actor();
    let id = ws.write(|tx| {
        let currency = crate::workspace::settings::load(tx)?.currency();
        let (mut c, r) = validate(draft, currency);
        let campaign = super::campaign::load(tx, draft.campaign_id)?;
        super::campaign::refuse_if_archived(&campaign)?;
        let creator = creator_name(tx, draft.creator_id)?;
        if existing(tx, draft.campaign_id, draft.creator_id)?.is_some() {
            c.push(
                FieldError::new("creator_id", "already_in_campaign", format!("{creator} is already in “{}”.", campaign.name)).with_value(&creator),
            );
        }
        c.finish(())?;
        insert(tx, actor, &campaign, draft.creator_id, &creator, &r, currency)
    })?;
    get(ws, id)
}

/// What adding several creators to a campaign at once did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BulkAdd {
    pub campaign_id: i64,
    pub campaign_name: String,
    /// The new collaborations, in the order the creators were given.
    pub added: Vec<AddedCreator>,
    /// Creators who were in the campaign already: left as they were.
    pub already_in: Vec<AddedCreator>,
}

/// A creator and their collaboration in the campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AddedCreator {
    pub creator_id: i64,
    pub creator_name: String,
    pub collaboration_id: i64,
}

/// Adds every creator in `creator_ids` to campaign `campaign_id` with the same starting terms
/// (the draft's type, status, fee and gift value; its campaign and creator are ignored), in one
/// transaction. A creator already in the campaign is left as they were and reported in
/// `already_in`; a creator listed twice counts once. Anything else wrong (the terms, an
/// archived campaign, a creator that no longer exists, no creators at all) refuses the whole
/// add, and nothing is written.
pub fn add_many(ws: &mut Workspace, campaign_id: i64, creator_ids: &[i64], terms: &CollaborationDraft) -> Result<BulkAdd> {
    let actor = ws.actor();
    ws.write(|tx| {
        let currency = crate::workspace::settings::load(tx)?.currency();
        let (mut c, r) = validate(terms, currency);
        let campaign = super::campaign::load(tx, campaign_id)?;
        super::campaign::refuse_if_archived(&campaign)?;
        if creator_ids.is_empty() {
            c.push(FieldError::new("creator_ids", "no_creators_chosen", "Choose at least one creator to add to the campaign."));
        }
        c.finish(())?;
        let mut seen = std::collections::HashSet::new();
        let mut out = BulkAdd { campaign_id, campaign_name: campaign.name.clone(), added: Vec::new(), already_in: Vec::new() };
        for &creator_id in creator_ids.iter().filter(|id| seen.insert(**id)) {
            let creator_name = creator_name(tx, creator_id)?;
            match existing(tx, campaign_id, creator_id)? {
                Some(collaboration_id) => out.already_in.push(AddedCreator { creator_id, creator_name, collaboration_id }),
                None => {
                    let collaboration_id = insert(tx, actor, &campaign, creator_id, &creator_name, &r, currency)?;
                    out.added.push(AddedCreator { creator_id, creator_name, collaboration_id });
                }
            }
        }
        Ok(out)
    })
}

fn creator_name(conn: &Connection, creator_id: i64) -> Result<String> {
    conn.query_row("SELECT display_name FROM creators WHERE id = ?1", [creator_id], |row| row.get(0))
        .optional()?
        .ok_or(Error::NotFound { what: "creator", id: creator_id })
}

/// The collaboration of `creator_id` in `campaign_id`, if there is one.
fn existing(conn: &Connection, campaign_id: i64, creator_id: i64) -> Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT id FROM collaborations WHERE campaign_id = ?1 AND creator_id = ?2", [campaign_id, creator_id], |row| row.get(0))
        .optional()?)
}

/// Writes a new collaboration with its audit line; returns its id.
fn insert(
    tx: &Connection,
    actor: crate::workspace::Actor,
    campaign: &super::campaign::Campaign,
    creator_id: i64,
    creator: &str,
    r: &Record,
    currency: Currency,
) -> Result<i64> {
    let now = now_utc();
    let today = fields::local_today().to_string();
    let agreed_on = r.status.is_committed().then(|| today.clone());
    tx.execute(
        "INSERT INTO collaborations (campaign_id, creator_id, kind, status, fee_minor, gift_value_minor, commission_terms,
             starts_on, ends_on, usage_channels, usage_until, usage_exclusive, contract_signed_on, contract_path, notes,
             agreed_on, last_activity_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?18)",
        params![campaign.id, creator_id, r.kind.as_str(), r.status.as_str(), r.fee_minor, r.gift_value_minor, r.commission_terms,
            r.starts_on, r.ends_on, r.usage_channels, r.usage_until, r.usage_exclusive, r.contract_signed_on, r.contract_path, r.notes,
            agreed_on, today, now],
    )?;
    let id = tx.last_insert_rowid();
    audit(
        tx,
        actor,
        "collaboration",
        Some(id),
        "create",
        &format!("{creator} in {}: {} {}, fee {}, gift value {}", campaign.name, r.kind, r.status, crate::money::format_plain(r.fee_minor, currency), crate::money::format_plain(r.gift_value_minor, currency)),
    )?;
    Ok(id)
}

/// Whether the window should offer to complete a collaboration: it is agreed or active, it has
/// deliverables, and every one of them is live (published or verified). Only an offer: the
/// person decides, and completing still goes through the usual status rules.
pub fn ready_to_complete(status: CollaborationStatus, deliverables: i64, live: i64) -> bool {
    matches!(status, CollaborationStatus::Agreed | CollaborationStatus::Active) && deliverables > 0 && live == deliverables
}

/// Replaces a collaboration's terms and status, if nobody changed it since `revision`.
/// The campaign and creator of a collaboration never change.
pub fn update(ws: &mut Workspace, id: i64, revision: i64, draft: &CollaborationDraft) -> Result<Collaboration> {
    let actor = ws.actor();
    ws.write(|tx| {
        let before = load(tx, id)?;
        if before.revision != revision {
            return Err(Error::StaleEdit { id });
        }
        let currency = crate::workspace::settings::load(tx)?.currency();
        let (mut c, r) = validate(draft, currency);
        check_status(tx, id, before.status, r.status, &mut c)?;
        c.finish(())?;
        let today = fields::local_today().to_string();
        let agreed_on = before.agreed_on.clone().or_else(|| r.status.is_committed().then(|| today.clone()));
        tx.execute(
            "UPDATE collaborations SET kind = ?2, status = ?3, fee_minor = ?4, gift_value_minor = ?5, commission_terms = ?6,
                 starts_on = ?7, ends_on = ?8, usage_channels = ?9, usage_until = ?10, usage_exclusive = ?11,
                 contract_signed_on = ?12, contract_path = ?13, notes = ?14, agreed_on = ?15, last_activity_on = ?16,
                 revision = revision + 1, updated_at = ?17
             WHERE id = ?1",
            params![id, r.kind.as_str(), r.status.as_str(), r.fee_minor, r.gift_value_minor, r.commission_terms, r.starts_on, r.ends_on,
                r.usage_channels, r.usage_until, r.usage_exclusive, r.contract_signed_on, r.contract_path, r.notes, agreed_on, today, now_utc()],
        )?;
        let mut changes = Vec::new();
        if before.status != r.status {
            changes.push(format!("status {} → {}", before.status, r.status));
        }
        if before.fee.minor != r.fee_minor {
            changes.push(format!("fee {} → {}", crate::money::format_plain(before.fee.minor, currency), crate::money::format_plain(r.fee_minor, currency)));
        }
        if before.gift_value.minor != r.gift_value_minor {
            changes.push(format!(
                "gift value {} → {}",
                crate::money::format_plain(before.gift_value.minor, currency),
                crate::money::format_plain(r.gift_value_minor, currency)
            ));
        }
        audit(tx, actor, "collaboration", Some(id), "update", &format!("{} in {}: {}", before.creator_name, before.campaign_name, if changes.is_empty() { "details".to_string() } else { changes.join(", ") }))?;
        // Its window or cancellation moved: the orders it can hold are decided again and booked.
        if before.status != r.status || before.starts_on != r.starts_on || before.ends_on != r.ends_on {
            let now = now_utc();
            let moved = crate::sales::attribution::reattribute_collaboration(tx, id, &now)?;
            if !moved.is_empty() {
                crate::commissions::ledger::book_orders(tx, &moved, &now)?;
            }
        }
        Ok(())
    })?;
    get(ws, id)
}

/// Removes a collaboration that has nothing to keep. One with a published post or a gift that
/// left the building is refused: cancel it instead, so its history stays.
pub fn delete(ws: &mut Workspace, id: i64) -> Result<()> {
    let actor = ws.actor();
    ws.write(|tx| {
        let c = load(tx, id)?;
        let (live, sent): (i64, i64) = tx.query_row(
            "SELECT (SELECT count(*) FROM deliverables WHERE collaboration_id = ?1 AND status IN ('published', 'verified')),
                    (SELECT count(*) FROM gift_shipments WHERE collaboration_id = ?1 AND status <> 'to_pack')",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if has_history(live, sent) {
            return Err(Error::Validation(vec![FieldError::new(
                "collaboration",
                "has_history",
                "This collaboration has published posts or gifts sent. Cancel it instead, so its history and costs are kept.",
            )]));
        }
        tx.execute("DELETE FROM collaborations WHERE id = ?1", [id])?;
        audit(tx, actor, "collaboration", Some(id), "delete", &format!("{} in {}", c.creator_name, c.campaign_name))?;
        Ok(())
    })
}

/// A collaboration with a live post or a gift that left the building has history: it is kept.
fn has_history(live_posts: i64, gifts_sent: i64) -> bool {
    live_posts + gifts_sent > 0
}

/// One collaboration.
pub fn get(ws: &Workspace, id: i64) -> Result<Collaboration> {
    load(ws.conn(), id)
}

/// The collaboration with its deliverables, gifts, touchpoints, checklist and spend.
pub fn detail(ws: &Workspace, id: i64) -> Result<CollaborationDetail> {
    let conn = ws.conn();
    let collaboration = load(conn, id)?;
    let checklist = conn.query_row(
        "SELECT required_hashtags, required_mentions, disclosure, utm_slug FROM campaigns WHERE id = ?1",
        [collaboration.campaign_id],
        |r| Ok(Checklist { required_hashtags: r.get(0)?, required_mentions: r.get(1)?, disclosure: r.get(2)?, utm_slug: r.get(3)? }),
    )?;
    let creator = recipient(conn, collaboration.creator_id)?;
    let deliverables = deliverable::list_for(conn, id)?;
    let shipments = gifting::list_for(conn, id)?;
    let touchpoints = outreach::list_for_collaboration(conn, id)?;
    let gifts_sent: i64 = shipments.iter().filter(|s| s.status.is_sent()).map(|s| s.retail_value.minor).sum();
    let commissions: i64 = conn
        .prepare_cached("SELECT coalesce(sum(amount_minor), 0) FROM commission_lines WHERE collaboration_id = ?1 AND rejected_at IS NULL")?
        .query_row([id], |r| r.get(0))?;
    let minor = collaboration.fee.minor.checked_add(gifts_sent).and_then(|m| m.checked_add(commissions)).ok_or_else(|| {
        Error::Validation(vec![FieldError::new("total", "too_large", "These amounts add up to more than Chorus can count.")])
    })?;
    let spend = Money { minor, currency: collaboration.fee.currency };
    let spend_commissions = Money { minor: commissions, currency: collaboration.fee.currency };
    let live = deliverables.iter().filter(|d| d.status.is_live()).count() as i64;
    let ready_to_complete = ready_to_complete(collaboration.status, deliverables.len() as i64, live);
    let sent = shipments.iter().filter(|s| s.status != super::ShipmentStatus::ToPack).count() as i64;
    let removable = !has_history(live, sent);
    Ok(CollaborationDetail { collaboration, checklist, creator, deliverables, shipments, touchpoints, spend, spend_commissions, ready_to_complete, removable })
}

pub(crate) fn recipient(conn: &Connection, creator_id: i64) -> Result<Recipient> {
    conn.query_row(
        "SELECT id, display_name, email, postal_address, city, country FROM creators WHERE id = ?1",
        [creator_id],
        |r| Ok(Recipient { id: r.get(0)?, display_name: r.get(1)?, email: r.get(2)?, postal_address: r.get(3)?, city: r.get(4)?, country: r.get(5)? }),
    )
    .optional()?
    .ok_or(Error::NotFound { what: "creator", id: creator_id })
}

/// Marks a collaboration as worked on today (a deliverable, gift or touchpoint changed).
pub(crate) fn touch(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("UPDATE collaborations SET last_activity_on = ?2 WHERE id = ?1", params![id, fields::local_today().to_string()])?;
    Ok(())
}

pub(crate) fn load(conn: &Connection, id: i64) -> Result<Collaboration> {
    let currency = crate::workspace::settings::load(conn)?.currency();
    conn.query_row(
        "SELECT l.id, l.revision, l.campaign_id, p.name, l.creator_id, c.display_name, l.kind, l.status, l.fee_minor, l.gift_value_minor,
                l.commission_terms, l.starts_on, l.ends_on, l.usage_channels, l.usage_until, l.usage_exclusive, l.contract_signed_on,
                l.contract_path, l.notes, l.agreed_on, l.last_activity_on, l.created_at, l.updated_at
         FROM collaborations l JOIN campaigns p ON p.id = l.campaign_id JOIN creators c ON c.id = l.creator_id
         WHERE l.id = ?1",
        [id],
        |r| {
            let kind: String = r.get(6)?;
            let status: String = r.get(7)?;
            let mut l = Collaboration {
                id: r.get(0)?,
                revision: r.get(1)?,
                campaign_id: r.get(2)?,
                campaign_name: r.get(3)?,
                creator_id: r.get(4)?,
                creator_name: r.get(5)?,
                kind: CollaborationKind::parse(&kind).unwrap_or(CollaborationKind::Gifted),
                status: CollaborationStatus::parse(&status).unwrap_or(CollaborationStatus::Proposed),
                fee: Money { minor: r.get(8)?, currency },
                gift_value: Money { minor: r.get(9)?, currency },
                commission_terms: r.get(10)?,
                starts_on: r.get(11)?,
                ends_on: r.get(12)?,
                usage_channels: r.get(13)?,
                usage_until: r.get(14)?,
                usage_exclusive: r.get(15)?,
                contract_signed_on: r.get(16)?,
                contract_path: r.get(17)?,
                notes: r.get(18)?,
                agreed_on: r.get(19)?,
                last_activity_on: r.get(20)?,
                created_at: r.get(21)?,
                updated_at: r.get(22)?,
                draft: CollaborationDraft::default(),
            };
            l.draft = to_draft(&l);
            Ok(l)
        },
    )
    .optional()?
    .ok_or(Error::NotFound { what: "collaboration", id })
}

fn to_draft(l: &Collaboration) -> CollaborationDraft {
    let amount = |m: Money| if m.minor == 0 { String::new() } else { crate::money::format_unmistakable(m.minor, m.currency) };
    CollaborationDraft {
        campaign_id: l.campaign_id,
        creator_id: l.creator_id,
        kind: l.kind.as_str().into(),
        status: l.status.as_str().into(),
        fee: amount(l.fee),
        gift_value: amount(l.gift_value),
        commission_terms: l.commission_terms.clone(),
        starts_on: l.starts_on.clone().unwrap_or_default(),
        ends_on: l.ends_on.clone().unwrap_or_default(),
        usage_channels: l.usage_channels.clone(),
        usage_until: l.usage_until.clone().unwrap_or_default(),
        usage_exclusive: l.usage_exclusive,
        contract_signed_on: l.contract_signed_on.clone().unwrap_or_default(),
        contract_path: l.contract_path.clone(),
        notes: l.notes.clone(),
        spelling: crate::numbers::Spelling::Unknown,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::campaigns::campaign::tests::{summer, workspace};
    use crate::roster::model::{CreatorDraft, HandleDraft};

    pub(crate) fn anna(ws: &mut Workspace) -> i64 {
        let mut d = CreatorDraft { display_name: "Anna de Vries".into(), city: "Utrecht".into(), country: "NL".into(), ..Default::default() };
        d.handles.push(HandleDraft { platform: "instagram".into(), handle: "anna.zon".into(), followers: "12.400".into(), ..Default::default() });
        crate::roster::creators::create(ws, &d).unwrap().id
    }

    /// A workspace with the Summer 2026 campaign and Anna in it as a gifted collaboration.
    pub(crate) fn gifted() -> (Workspace, Collaboration) {
        let mut ws = workspace();
        let campaign = crate::campaigns::campaign::create(&mut ws, &summer()).unwrap();
        let creator = anna(&mut ws);
        let l = create(&mut ws, &CollaborationDraft { campaign_id: campaign.id, creator_id: creator, kind: "gifted".into(), gift_value: "89,95".into(), ..Default::default() }).unwrap();
        (ws, l)
    }

    fn with_status(ws: &mut Workspace, l: &Collaboration, status: &str) -> Result<Collaboration> {
        let current = get(ws, l.id).unwrap();
        let mut d = current.draft.clone();
        d.status = status.into();
        update(ws, l.id, current.revision, &d)
    }

    #[test]
    fn a_new_collaboration_starts_proposed_with_exact_amounts() {
        let (_ws, l) = gifted();
        assert_eq!(l.status, CollaborationStatus::Proposed);
        assert_eq!(l.gift_value.minor, 8995);
        assert_eq!(l.creator_name, "Anna de Vries");
        assert_eq!(l.campaign_name, "Summer 2026");
        assert_eq!(l.agreed_on, None);
    }

    #[test]
    fn status_moves_forward_back_one_step_or_to_cancelled() {
        use CollaborationStatus::*;
        assert!(move_allowed(Proposed, Active), "steps may be skipped");
        assert!(move_allowed(Active, Agreed), "one step back corrects a mistake");
        assert!(!move_allowed(Completed, Proposed));
        assert!(!move_allowed(Completed, Cancelled));
        assert!(move_allowed(Agreed, Cancelled));
        assert!(move_allowed(Cancelled, Proposed));
        assert!(!move_allowed(Cancelled, Active));
    }

    #[test]
    fn an_illegal_move_is_named_and_changes_nothing() {
        let (mut ws, l) = gifted();
        with_status(&mut ws, &l, "cancelled").unwrap();
        let Err(Error::Validation(e)) = with_status(&mut ws, &l, "active") else { panic!("cancelled → active is refused") };
        assert_eq!((e[0].field.as_str(), e[0].code, e[0].value.as_deref()), ("status", "illegal_status_move", Some("cancelled>active")));
        assert_eq!(get(&ws, l.id).unwrap().status, CollaborationStatus::Cancelled);
    }

    #[test]
    fn completing_needs_every_deliverable_settled() {
        let (mut ws, l) = gifted();
        with_status(&mut ws, &l, "agreed").unwrap();
        crate::campaigns::deliverable::create(
            &mut ws,
            &crate::campaigns::DeliverableDraft { collaboration_id: l.id, platform: "instagram".into(), format: "reel".into(), due_on: "2026-07-01".into(), ..Default::default() },
        )
        .unwrap();
        let Err(Error::Validation(e)) = with_status(&mut ws, &l, "completed") else { panic!("an open deliverable blocks completion") };
        assert_eq!((e[0].code, e[0].value.as_deref()), ("open_deliverables", Some("1")));
    }

    #[test]
    fn fees_follow_the_collaboration_type() {
        let (mut ws, l) = gifted();
        let mut d = l.draft.clone();
        d.fee = "250".into();
        let Err(Error::Validation(e)) = update(&mut ws, l.id, l.revision, &d) else { panic!("gifted with a fee") };
        assert_eq!(e[0].code, "gifted_has_no_fee");
        d.kind = "paid".into();
        d.fee = String::new();
        d.status = "agreed".into();
        let Err(Error::Validation(e)) = update(&mut ws, l.id, l.revision, &d) else { panic!("agreed paid without a fee") };
        assert_eq!(e[0].code, "fee_required");
        d.fee = "250,00".into();
        let l2 = update(&mut ws, l.id, l.revision, &d).unwrap();
        assert_eq!(l2.fee.minor, 25_000);
        assert!(l2.agreed_on.is_some());
        let detail: String = ws.conn().query_row("SELECT detail FROM audit_log WHERE entity = 'collaboration' AND action = 'update'", [], |r| r.get(0)).unwrap();
        assert_eq!(detail, "Anna de Vries in Summer 2026: status proposed → agreed, fee 0.00 → 250.00");
    }

    #[test]
    fn a_contract_link_is_a_document_that_exists() {
        let (mut ws, l) = gifted();
        let mut d = l.draft.clone();
        d.contract_path = "/home/me/Downloads/contract.sh".into();
        let Err(Error::Validation(e)) = update(&mut ws, l.id, l.revision, &d) else { panic!("a script is not a contract") };
        assert_eq!((e[0].field.as_str(), e[0].code), ("contract_path", "not_a_document"));
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("Contract Anna.PDF");
        d.contract_path = pdf.display().to_string();
        let l2 = update(&mut ws, l.id, l.revision, &d).unwrap();
        assert!(matches!(contract_file(&ws, l.id), Err(Error::Io { .. })), "not there yet");
        std::fs::write(&pdf, b"%PDF-1.7").unwrap();
        assert_eq!(contract_file(&ws, l2.id).unwrap(), pdf);
    }

    #[test]
    fn one_creator_once_per_campaign_and_dates_in_order() {
        let (mut ws, l) = gifted();
        let mut d = l.draft.clone();
        let Err(Error::Validation(e)) = create(&mut ws, &d) else { panic!("twice in one campaign") };
        assert_eq!(e[0].code, "already_in_campaign");
        d.starts_on = "2026-07-01".into();
        d.ends_on = "2026-06-01".into();
        let Err(Error::Validation(e)) = update(&mut ws, l.id, l.revision, &d) else { panic!("end before start") };
        assert_eq!((e[0].field.as_str(), e[0].code), ("ends_on", "end_before_start"));
    }

    #[test]
    fn the_spend_so_far_counts_its_commissions_but_not_a_rejected_one() {
        let (ws, l) = gifted();
        assert_eq!(detail(&ws, l.id).unwrap().spend.minor, 0, "proposed, no fee, no gift sent");
        for (n, (amount, rejected)) in [(1_250, false), (-250, false), (900, true)].into_iter().enumerate() {
            ws.conn()
                .execute_batch(&format!(
                    "INSERT INTO orders (source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, financial_status, imported_at, updated_at)
                     VALUES ('shopify', '#{n}', '2026-06-10T10:00:00Z', '2026-06-10T10:00:00Z', '2026-06-10', 'EUR', 10000, 'paid', 'now', 'now');
                     INSERT INTO commission_lines (order_id, collaboration_id, creator_id, kind, reason, amount_minor, currency, base_minor, rule, rule_level,
                         explanation, explanation_code, hold_until, rejected_at, rejected_reason, created_at)
                     VALUES (last_insert_rowid(), {id}, {creator}, 'commission', 'order', {amount}, 'EUR', 10000, 'percent:1000', 'workspace', '', 'percent',
                         '2026-07-10', {rejected}, {rejected}, 'now')",
                    id = l.id,
                    creator = l.creator_id,
                    rejected = if rejected { "'now'" } else { "NULL" },
                ))
                .unwrap();
        }
        let d = detail(&ws, l.id).unwrap();
        assert_eq!((d.spend_commissions.minor, d.spend.minor), (1_000, 1_000), "fee 0 + gifts sent 0 + commissions 12.50 − 2.50");
    }

    #[test]
    fn a_collaboration_with_history_is_kept() {
        let (mut ws, l) = gifted();
        assert!(detail(&ws, l.id).unwrap().removable, "nothing happened yet: it can be removed");
        let s = crate::campaigns::gifting::create(&mut ws, &crate::campaigns::gifting::tests::box_for(l.id)).unwrap();
        let mut d = s.draft.clone();
        d.status = "shipped".into();
        crate::campaigns::gifting::update(&mut ws, s.id, s.revision, &d).unwrap();
        assert!(!detail(&ws, l.id).unwrap().removable, "the window does not offer to remove it");
        let Err(Error::Validation(e)) = delete(&mut ws, l.id) else { panic!("a sent gift keeps it") };
        assert_eq!(e[0].code, "has_history");
        let Err(Error::Validation(e)) = crate::campaigns::campaign::delete(&mut ws, l.campaign_id) else { panic!("a campaign with collaborations is kept") };
        assert_eq!(e[0].code, "campaign_has_collaborations");
        let Err(Error::Validation(e)) = crate::roster::creators::delete(&mut ws, l.creator_id) else { panic!("a creator with collaborations is kept") };
        assert_eq!((e[0].code, e[0].value.as_deref()), ("creator_has_collaborations", Some("1")));
    }

    /// A creator called `name` with one TikTok handle.
    fn person(ws: &mut Workspace, name: &str, handle: &str) -> i64 {
        let mut d = CreatorDraft { display_name: name.into(), ..Default::default() };
        d.handles.push(HandleDraft { platform: "tiktok".into(), handle: handle.into(), ..Default::default() });
        crate::roster::creators::create(ws, &d).unwrap().id
    }

    #[test]
    fn several_creators_join_a_campaign_at_once_and_those_already_in_are_left_alone() {
        let (mut ws, anna) = gifted();
        let bo = person(&mut ws, "Bo Smit", "bo.smit");
        let cas = person(&mut ws, "Cas Bakker", "cas.b");
        let terms = CollaborationDraft { kind: "gifted".into(), gift_value: "45,00".into(), ..Default::default() };
        let r = add_many(&mut ws, anna.campaign_id, &[bo, anna.creator_id, cas, bo], &terms).unwrap();
        let added: Vec<(&str, i64)> = r.added.iter().map(|a| (a.creator_name.as_str(), a.creator_id)).collect();
        assert_eq!(added, vec![("Bo Smit", bo), ("Cas Bakker", cas)], "in the order given, Bo once");
        assert_eq!(r.already_in, vec![AddedCreator { creator_id: anna.creator_id, creator_name: "Anna de Vries".into(), collaboration_id: anna.id }]);
        assert_eq!(r.campaign_name, "Summer 2026");
        let bo_in = get(&ws, r.added[0].collaboration_id).unwrap();
        assert_eq!((bo_in.kind, bo_in.status, bo_in.gift_value.minor), (CollaborationKind::Gifted, CollaborationStatus::Proposed, 4_500));
        assert_eq!(get(&ws, anna.id).unwrap(), anna, "Anna's terms are untouched");
        let audited: i64 = ws.conn().query_row("SELECT count(*) FROM audit_log WHERE entity = 'collaboration' AND action = 'create'", [], |r| r.get(0)).unwrap();
        assert_eq!(audited, 3);
    }

    #[test]
    fn a_bulk_add_with_a_problem_adds_nobody() {
        let (mut ws, anna) = gifted();
        let bo = person(&mut ws, "Bo Smit", "bo.smit");
        let count = |ws: &Workspace| ws.conn().query_row("SELECT count(*) FROM collaborations", [], |r| r.get::<_, i64>(0)).unwrap();
        let gifted_with_fee = CollaborationDraft { kind: "gifted".into(), fee: "250".into(), ..Default::default() };
        let Err(Error::Validation(e)) = add_many(&mut ws, anna.campaign_id, &[bo], &gifted_with_fee) else { panic!("bad terms") };
        assert_eq!(e[0].code, "gifted_has_no_fee");
        let terms = CollaborationDraft { kind: "paid".into(), ..Default::default() };
        assert_eq!(add_many(&mut ws, anna.campaign_id, &[bo, 9_999], &terms).unwrap_err().kind(), "not_found", "a creator deleted meanwhile");
        let Err(Error::Validation(e)) = add_many(&mut ws, anna.campaign_id, &[], &terms) else { panic!("nobody chosen") };
        assert_eq!((e[0].field.as_str(), e[0].code), ("creator_ids", "no_creators_chosen"));
        assert_eq!(count(&ws), 1, "only Anna, from before");
    }

    #[test]
    fn completing_is_offered_once_every_deliverable_is_live() {
        use CollaborationStatus::*;
        assert!(ready_to_complete(Active, 2, 2));
        assert!(ready_to_complete(Agreed, 1, 1));
        assert!(!ready_to_complete(Active, 2, 1), "one still open");
        assert!(!ready_to_complete(Active, 0, 0), "nothing to be live yet");
        assert!(!ready_to_complete(Proposed, 1, 1), "not agreed");
        assert!(!ready_to_complete(Completed, 1, 1), "done already");
        assert!(!ready_to_complete(Cancelled, 1, 1));

        let (mut ws, l) = gifted();
        with_status(&mut ws, &l, "agreed").unwrap();
        let draft = crate::campaigns::DeliverableDraft { collaboration_id: l.id, platform: "instagram".into(), format: "reel".into(), due_on: "2026-07-01".into(), ..Default::default() };
        let reel = crate::campaigns::deliverable::create(&mut ws, &draft).unwrap();
        assert!(!detail(&ws, l.id).unwrap().ready_to_complete);
        let mut published = reel.draft.clone();
        published.status = "published".into();
        published.post_url = "https://www.instagram.com/reel/abc123/".into();
        crate::campaigns::deliverable::update(&mut ws, reel.id, reel.revision, &published).unwrap();
        assert!(detail(&ws, l.id).unwrap().ready_to_complete, "the one post is live");
        with_status(&mut ws, &l, "completed").unwrap();
        assert!(!detail(&ws, l.id).unwrap().ready_to_complete, "completed: nothing more to offer");
    }
}
