//! A person's decisions on orders: the review queue (orders with codes of two creators) and
//! manual attribution or un-attribution of any order, with a reason in the audit log.
//!
//! Contract:
//! - [`attribute_order`] needs a reason; it writes the decision on the order
//!   (`attribution_manual = 1`, `attribution_reason = 'manual'`, `attribution_note` = the
//!   reason), an audit line (entity `order`) and books the order when it was or becomes
//!   attributed, all in one transaction. From then on no import or re-attribution changes it;
//!   only another decision does.
//! - A collaboration offered must hold one of the order's codes, unless the person says the
//!   order is theirs without one (`without_code`: a code given by word of mouth, a link the
//!   shop did not keep). Its window is not checked: that is the person's call.
//! - [`review_candidates`] lists the collaborations whose codes an order carries, with the
//!   creator's name and handle; [`find_order`] finds an order by its number as people type it
//!   (`#1001` or `1001`), refusing a number two shops share unless the source is said;
//!   [`find_creator`] by handle (`@sanne`, any platform, or `instagram:sanne`), refusing a
//!   handle two creators share; [`pick_collaboration`] the creator's collaboration for an
//!   order: their only one, else the one whose window holds the order, else it refuses,
//!   naming the campaigns to choose from.

use crate::commissions::ledger;
use crate::error::{Error, FieldError, Result};
use crate::sales::orders::Source;
use crate::workspace::{audit, now_utc, Workspace};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

/// A collaboration an order's codes point to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewCandidate {
    pub collaboration_id: i64,
    pub campaign_id: i64,
    pub campaign_name: String,
    pub creator_id: i64,
    pub creator_name: String,
    /// The creator's first handle (`@…`), `''` when they have none.
    pub handle: String,
    pub platform: String,
    /// The order's code this collaboration holds, as the order wrote it.
    pub code: String,
}

/// The collaborations whose codes order `order_id` carries, in the order's code order.
pub fn review_candidates(conn: &Connection, order_id: i64) -> Result<Vec<ReviewCandidate>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, k.id, k.name, p.id, p.display_name,
                coalesce((SELECT h.handle FROM handles h WHERE h.creator_id = p.id ORDER BY h.id LIMIT 1), ''),
                coalesce((SELECT h.platform FROM handles h WHERE h.creator_id = p.id ORDER BY h.id LIMIT 1), ''),
                oc.code
         FROM order_codes oc JOIN collaborations c ON c.discount_code_key = oc.code_key AND c.discount_code_key <> ''
           JOIN campaigns k ON k.id = c.campaign_id JOIN creators p ON p.id = c.creator_id
         WHERE oc.order_id = ?1 ORDER BY oc.position",
    )?;
    let rows = stmt.query_map([order_id], |r| {
        Ok(ReviewCandidate {
            collaboration_id: r.get(0)?,
            campaign_id: r.get(1)?,
            campaign_name: r.get(2)?,
            creator_id: r.get(3)?,
            creator_name: r.get(4)?,
            handle: r.get(5)?,
            platform: r.get(6)?,
            code: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The order numbered `number` (`#1001` and `1001` are one number), of `source` when given.
pub fn find_order(conn: &Connection, number: &str, source: Option<Source>) -> Result<i64> {
    let typed = number.trim();
    let bare = typed.trim_start_matches('#');
    let hashed = format!("#{bare}");
    let mut stmt = conn.prepare_cached("SELECT id, source, number FROM orders WHERE number IN (?1, ?2, ?3) ORDER BY source, number")?;
    let found: Vec<(i64, String, String)> =
        stmt.query_map(params![typed, bare, hashed], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<rusqlite::Result<_>>()?;
    let wanted = source.map(crate::sales::order_import::source_text);
    let found: Vec<_> = found.into_iter().filter(|(_, s, _)| wanted.is_none_or(|w| w == s)).collect();
    match &found[..] {
        [(id, _, _)] => Ok(*id),
        [] => Err(Error::Validation(vec![FieldError::new("order", "order_not_found", format!("There is no order {typed} in this workspace.")).with_value(typed)])),
        [first, second, ..] => Err(Error::Validation(vec![FieldError::new(
            "order",
            "order_in_two_sources",
            format!("Order {typed} is both {} from {} and {} from {}. Say which shop it comes from.", first.2, first.1, second.2, second.1),
        )
        .with_value(typed)])),
    }
}

/// What a decision did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrderDecision {
    pub order_id: i64,
    pub number: String,
    pub collaboration_id: Option<i64>,
    /// Whether anything changed (deciding again what was decided, with the same reason, does not).
    pub changed: bool,
}

/// Attributes order `order_id` to collaboration `to`, or to nobody (`None`), as a person
/// decides (see the module's contract).
pub fn attribute_order(ws: &mut Workspace, order_id: i64, to: Option<i64>, reason: &str, without_code: bool) -> Result<OrderDecision> {
    let actor = ws.actor();
    let reason = reason.trim().to_string();
    ws.write(|tx| {
        if reason.is_empty() {
            return Err(Error::Validation(vec![FieldError::new("reason", "reason_required", "Say why: the reason is kept with the order and in the audit log.")]));
        }
        let (number, before, manual, note): (String, Option<i64>, bool, String) = tx
            .query_row("SELECT number, collaboration_id, attribution_manual, attribution_note FROM orders WHERE id = ?1", [order_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .optional()?
            .ok_or(Error::NotFound { what: "order", id: order_id })?;
        let whom = match to {
            Some(collaboration) => {
                let who: Option<(String, String)> = tx
                    .query_row(
                        "SELECT p.display_name, k.name FROM collaborations c JOIN creators p ON p.id = c.creator_id JOIN campaigns k ON k.id = c.campaign_id WHERE c.id = ?1",
                        [collaboration],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?;
                let (creator, campaign) = who.ok_or(Error::NotFound { what: "collaboration", id: collaboration })?;
                if !without_code && !review_candidates(tx, order_id)?.iter().any(|c| c.collaboration_id == collaboration) {
                    return Err(Error::Validation(vec![FieldError::new(
                        "collaboration",
                        "collaboration_holds_no_code",
                        format!("Order {number} carries no discount code of {creator} in {campaign}. To give it to them anyway, say that it is theirs without a code."),
                    )]));
                }
                format!("to {creator} in {campaign}")
            }
            None => "to nobody".to_string(),
        };
        if manual && before == to && note == reason {
            return Ok(OrderDecision { order_id, number, collaboration_id: to, changed: false });
        }
        let state = if to.is_some() { "attributed" } else { "unattributed" };
        tx.execute(
            "UPDATE orders SET attribution = ?2, collaboration_id = ?3, attribution_reason = 'manual', attribution_manual = 1,
                 attribution_note = ?4, updated_at = ?5 WHERE id = ?1",
            params![order_id, state, to, reason, now_utc()],
        )?;
        let action = if to.is_some() { "attribute" } else { "unattribute" };
        audit(tx, actor, "order", Some(order_id), action, &format!("{number} {whom}: {reason}"))?;
        if before.is_some() || to.is_some() {
            ledger::book_orders(tx, &[order_id], &now_utc())?;
        }
        Ok(OrderDecision { order_id, number, collaboration_id: to, changed: true })
    })
}

/// The creator a handle names: `@sanne` or `sanne` on any platform, `instagram:sanne` on one.
pub fn find_creator(conn: &Connection, text: &str) -> Result<i64> {
    let typed = text.trim();
    let (platform, handle) = match typed.split_once(':') {
        Some((p, h)) if crate::roster::model::Platform::parse_loose(p).is_some() => (crate::roster::model::Platform::parse_loose(p), h),
        _ => (None, typed),
    };
    let key = crate::roster::validate::handle_key(handle.trim().trim_start_matches('@'));
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT p.id, p.display_name FROM handles h JOIN creators p ON p.id = h.creator_id
         WHERE h.handle_key = ?1 AND (?2 IS NULL OR h.platform = ?2) ORDER BY p.id",
    )?;
    let found: Vec<(i64, String)> = stmt.query_map(params![key, platform.map(|p| p.as_str())], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    match &found[..] {
        [(id, _)] => Ok(*id),
        [] => Err(Error::Validation(vec![FieldError::new("creator", "creator_not_found", format!("No creator on the roster has the handle {typed}.")).with_value(typed)])),
        many => {
            let names: Vec<&str> = many.iter().map(|(_, n)| n.as_str()).collect();
            Err(Error::Validation(vec![FieldError::new(
                "creator",
                "handle_of_two_creators",
                format!("The handle {typed} belongs to {} on different platforms. Write it with its platform, such as instagram:{}.", names.join(" and "), key),
            )
            .with_value(typed)]))
        }
    }
}

/// The collaboration of creator `creator_id` that order `order_id` goes to (see the module's contract).
pub fn pick_collaboration(conn: &Connection, creator_id: i64, order_id: i64) -> Result<i64> {
    let mut stmt = conn.prepare_cached("SELECT c.id, k.name FROM collaborations c JOIN campaigns k ON k.id = c.campaign_id WHERE c.creator_id = ?1 ORDER BY c.id")?;
    let all: Vec<(i64, String)> = stmt.query_map([creator_id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    if let [(only, _)] = &all[..] {
        return Ok(*only);
    }
    let mut holding = Vec::new();
    for (id, _) in &all {
        if crate::sales::attribution::window_holds(conn, *id, order_id)? {
            holding.push(*id);
        }
    }
    if let [one] = &holding[..] {
        return Ok(*one);
    }
    let name: String = conn.query_row("SELECT display_name FROM creators WHERE id = ?1", [creator_id], |r| r.get(0))?;
    let campaigns: Vec<String> = all.iter().filter(|(id, _)| holding.is_empty() || holding.contains(id)).map(|(_, n)| n.clone()).collect();
    if campaigns.is_empty() {
        return Err(Error::Validation(vec![FieldError::new("creator", "creator_has_no_collaboration", format!("{name} has no collaboration to give this order to."))]));
    }
    Err(Error::Validation(vec![FieldError::new(
        "collaboration",
        "collaboration_to_choose",
        format!("{name} has collaborations in {}; choose the campaign this order belongs to.", campaigns.join(", ")),
    )
    .with_value(campaigns.join(", "))]))
}

/// The collaboration of `campaign` (its id, UTM value or name) and creator `creator_id`.
pub fn collaboration_in(conn: &Connection, creator_id: i64, campaign: &str) -> Result<i64> {
    let found: Option<i64> = conn
        .query_row(
            "SELECT c.id FROM collaborations c JOIN campaigns k ON k.id = c.campaign_id
             WHERE c.creator_id = ?1 AND (CAST(k.id AS TEXT) = ?2 OR k.utm_slug = ?2 COLLATE NOCASE OR k.name = ?2 COLLATE NOCASE) ORDER BY k.id LIMIT 1",
            params![creator_id, campaign.trim()],
            |r| r.get(0),
        )
        .optional()?;
    found.ok_or_else(|| Error::Validation(vec![FieldError::new("collaboration", "no_collaboration_in_campaign", format!("This creator has no collaboration in the campaign {}.", campaign.trim())).with_value(campaign.trim())]))
}
