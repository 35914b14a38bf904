//! The discount codes of collaborations in the workspace (schema 4: `collaborations.discount_code`,
//! its key, and the customer's discount the code gives), and the codes CSV for the shop.
//!
//! Contract:
//! - Only an affiliate or hybrid collaboration has a code. [`set_discount_code`] makes it from
//!   the workspace's pattern ([`SalesRules::discount_code_pattern`], [`codes::code_from_pattern`]
//!   with the creator's handle, name, the campaign's UTM value and the customer's discount), takes
//!   a typed one ([`codes::typed_code`]), or takes the code away.
//! - A code is unique in the workspace ignoring case and surrounding spaces (the key, and the
//!   schema's unique index). A code another collaboration holds is refused naming who holds it
//!   (`code_taken`); nothing is ever renamed.
//! - A change writes one audit line (old and new code, the customer's discount). Setting what
//!   is already stored writes nothing. The collaboration's revision stays: its form's draft
//!   does not hold the code, so an open form saves without undoing it.
//! - After a code changes, in the same transaction, the orders carrying the old or the new code
//!   are attributed again and booked ([`after_code_change`]: the attribution and the ledger).
//! - [`export_codes`] writes the codes of one campaign (or all) as the shop's CSV
//!   ([`codes::write_codes_csv`]) through the atomic writer: a file is whole or not there.

use super::attribution;
use super::campaign_links::Scope;
use super::codes::{self, CodeExportRow, CodeHolder, CodeParts};
use crate::campaigns::CollaborationKind;
use crate::commissions::ledger::{self, Booking};
use crate::error::{Error, FieldError, Result};
use crate::roster::export::{write_atomically, Dialect};
use crate::workspace::{audit, now_utc, settings, Workspace};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

/// How a collaboration's code is chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeChoice {
    /// Made from the workspace's code pattern.
    Pattern,
    /// As the person typed it.
    Typed(String),
    /// No code.
    None,
}

/// A collaboration's code as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CollaborationCode {
    pub collaboration_id: i64,
    /// Empty: no code.
    pub code: String,
    /// The customer's discount the code gives, in basis points, when it was said.
    pub customer_discount_bp: Option<u32>,
}

/// What setting a code did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeOutcome {
    pub code: CollaborationCode,
    /// False when the collaboration already had exactly this code and discount.
    pub changed: bool,
    /// Orders whose attribution changed with the code.
    pub orders_reattributed: u64,
    pub booking: Booking,
}

/// Gives collaboration `collaboration_id` a code (see the module contract).
pub fn set_discount_code(ws: &mut Workspace, collaboration_id: i64, choice: &CodeChoice, customer_discount_bp: Option<u32>) -> Result<CodeOutcome> {
    let actor = ws.actor();
    ws.write(|tx| {
        let now = now_utc();
        let (kind, before, creator, campaign, campaign_slug) = tx
            .query_row(
                "SELECT l.kind, l.discount_code, l.customer_discount_bp, c.display_name, p.name, p.utm_slug
                 FROM collaborations l JOIN creators c ON c.id = l.creator_id JOIN campaigns p ON p.id = l.campaign_id WHERE l.id = ?1",
                [collaboration_id],
                |r| {
                    let before = CollaborationCode { collaboration_id, code: r.get(1)?, customer_discount_bp: r.get(2)? };
                    Ok((r.get::<_, String>(0)?, before, r.get::<_, String>(3)?, r.get::<_, String>(4)?, r.get::<_, String>(5)?))
                },
            )
            .optional()?
            .ok_or(Error::NotFound { what: "collaboration", id: collaboration_id })?;
        let kind = CollaborationKind::parse(&kind).unwrap_or(CollaborationKind::Gifted);
        if let Some(bp) = customer_discount_bp.filter(|bp| *bp > 10_000) {
            let shown = crate::commissions::rules::percent_text(bp);
            return Err(Error::Validation(vec![FieldError::new("customer_discount", "discount_over_100", format!("A discount of {shown} is more than the whole price: a discount goes up to 100%.")).with_value(shown)]));
        }
        let code = match choice {
            CodeChoice::None => String::new(),
            _ if !matches!(kind, CollaborationKind::Affiliate | CollaborationKind::Hybrid) => {
                return Err(Error::Validation(vec![FieldError::new(
                    "code",
                    "code_needs_affiliate",
                    format!("{creator}'s collaboration in {campaign} is {}: only an affiliate or hybrid collaboration gets a discount code.", kind.label().to_lowercase()),
                )
                .with_value(kind.as_str())]))
            }
            CodeChoice::Typed(text) => codes::typed_code(text)?,
            CodeChoice::Pattern => {
                let pattern = settings::load_sales_rules(tx)?.discount_code_pattern;
                let handle = super::campaign_links::link_identities(tx, Scope::Collaboration(collaboration_id))?.remove(&collaboration_id).map(|i| i.handle).unwrap_or_default();
                codes::code_from_pattern(&pattern, &CodeParts { handle: &handle, name: &creator, campaign: &campaign_slug, percent_bp: customer_discount_bp })?
            }
        };
        let after = CollaborationCode { collaboration_id, code, customer_discount_bp };
        if after == before {
            return Ok(CodeOutcome { code: after, changed: false, orders_reattributed: 0, booking: Booking::default() });
        }
        if let Some(collision) = collision(tx, &after.code, collaboration_id)? {
            return Err(Error::Validation(vec![collision.to_field_error()]));
        }
        write_code(tx, &after, &now)?;
        let detail = format!("{creator} in {campaign}: {}", change_words(&before, &after));
        audit(tx, actor, "collaboration", Some(collaboration_id), "discount_code", &detail)?;
        let (orders_reattributed, booking) = after_code_change(tx, &[codes::code_key(&before.code), codes::code_key(&after.code)], &now)?;
        Ok(CodeOutcome { code: after, changed: true, orders_reattributed, booking })
    })
}

/// A collaboration's code.
pub fn discount_code_of(conn: &Connection, collaboration_id: i64) -> Result<CollaborationCode> {
    conn.query_row("SELECT discount_code, customer_discount_bp FROM collaborations WHERE id = ?1", [collaboration_id], |r| {
        Ok(CollaborationCode { collaboration_id, code: r.get(0)?, customer_discount_bp: r.get(1)? })
    })
    .optional()?
    .ok_or(Error::NotFound { what: "collaboration", id: collaboration_id })
}

/// Stores a code with its key, inside the caller's transaction.
pub(crate) fn write_code(tx: &Connection, code: &CollaborationCode, now: &str) -> Result<()> {
    tx.prepare_cached("UPDATE collaborations SET discount_code = ?2, discount_code_key = ?3, customer_discount_bp = ?4, updated_at = ?5 WHERE id = ?1")?
        .execute(params![code.collaboration_id, code.code, codes::code_key(&code.code), code.customer_discount_bp, now])?;
    Ok(())
}

/// The audit words of a code change: `code none → SANNE10, customer discount 10%`.
pub(crate) fn change_words(before: &CollaborationCode, after: &CollaborationCode) -> String {
    let shown = |c: &str| if c.is_empty() { "none".to_string() } else { c.to_string() };
    let mut words = vec![format!("code {} → {}", shown(&before.code), shown(&after.code))];
    if before.customer_discount_bp != after.customer_discount_bp {
        let pct = |bp: Option<u32>| bp.map_or_else(|| "none".to_string(), crate::commissions::rules::percent_text);
        words.push(format!("customer discount {} → {}", pct(before.customer_discount_bp), pct(after.customer_discount_bp)));
    }
    words.join(", ")
}

/// The collision of `code` with a code another collaboration than `own` holds.
fn collision(conn: &Connection, code: &str, own: i64) -> Result<Option<codes::CodeCollision>> {
    if code.is_empty() {
        return Ok(None);
    }
    let key = codes::code_key(code);
    let holder = conn
        .prepare_cached(
            "SELECT c.display_name, p.name FROM collaborations l JOIN creators c ON c.id = l.creator_id JOIN campaigns p ON p.id = l.campaign_id
             WHERE l.discount_code_key = ?1 AND l.discount_code_key <> '' AND l.id <> ?2",
        )?
        .query_row(params![key, own], |r| Ok(CodeHolder { creator: r.get(0)?, campaign: r.get(1)? }))
        .optional()?;
    let in_use: HashMap<String, CodeHolder> = holder.into_iter().map(|h| (key.clone(), h)).collect();
    Ok(codes::find_collision(code, &in_use))
}

/// Every code in the workspace: key → (collaboration, who holds it), in one pass (an import).
pub(crate) fn codes_in_use(conn: &Connection) -> Result<HashMap<String, (i64, CodeHolder)>> {
    let mut stmt = conn.prepare(
        "SELECT l.discount_code_key, l.id, c.display_name, p.name FROM collaborations l JOIN creators c ON c.id = l.creator_id JOIN campaigns p ON p.id = l.campaign_id
         WHERE l.discount_code_key <> ''",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, (r.get::<_, i64>(1)?, CodeHolder { creator: r.get(2)?, campaign: r.get(3)? }))))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// After codes were given, changed or taken away: attributes again the orders that carry any
/// of `keys` (folded codes; empty ones ignored) and books them, in the caller's transaction.
/// Returns the orders whose attribution changed and the booking. Only an order that carries
/// one of the codes can change, so when no stored order carries any (a program brought in
/// before its orders), there is nothing to do and neither step runs.
pub(crate) fn after_code_change(tx: &Connection, keys: &[String], now: &str) -> Result<(u64, Booking)> {
    let mut keys: Vec<String> = keys.iter().filter(|k| !k.is_empty()).cloned().collect();
    keys.sort_unstable();
    keys.dedup();
    let mut carried = tx.prepare_cached("SELECT 1 FROM order_codes WHERE code_key = ?1 LIMIT 1")?;
    let mut any = false;
    for key in &keys {
        if carried.exists([key])? {
            any = true;
            break;
        }
    }
    if !any {
        return Ok((0, Booking::default()));
    }
    let changed = attribution::reattribute_orders_with_codes(tx, &keys, now)?;
    let booking = ledger::book_orders(tx, &changed, now)?;
    Ok((changed.len() as u64, booking))
}

/// Writes the codes of campaign `campaign_id` (None: every campaign) as the shop's CSV to
/// `path`; returns the rows written. Creators are named with their handle (`Sanne (@sanne.groen)`).
pub fn export_codes(conn: &Connection, campaign_id: Option<i64>, dialect: Dialect, path: &Path) -> Result<u64> {
    let rows = code_rows(conn, campaign_id)?;
    write_atomically(path, |file| codes::write_codes_csv(&rows, dialect, std::io::BufWriter::new(file)))
}

/// The rows of the codes CSV, by campaign and code.
pub(crate) fn code_rows(conn: &Connection, campaign_id: Option<i64>) -> Result<Vec<CodeExportRow>> {
    let mut stmt = conn.prepare(
        "SELECT l.discount_code, l.id, c.display_name, p.name, l.customer_discount_bp, coalesce(r.as_written, '')
         FROM collaborations l JOIN creators c ON c.id = l.creator_id JOIN campaigns p ON p.id = l.campaign_id
         LEFT JOIN commission_rules r ON r.level = 'collaboration' AND r.owner_id = l.id
         WHERE l.discount_code_key <> '' AND (?1 IS NULL OR l.campaign_id = ?1)
         ORDER BY p.name, l.discount_code_key",
    )?;
    let mut handles = super::campaign_links::link_identities(conn, campaign_id.map_or(Scope::Workspace, Scope::Campaign))?;
    let mut rows = stmt.query([campaign_id])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let collaboration_id: i64 = r.get(1)?;
        let name: String = r.get(2)?;
        // `Anna (@anna.zon)`: a cell starting with `@` would be taken for a formula.
        let creator = match handles.remove(&collaboration_id) {
            Some(h) => format!("{name} (@{})", h.handle),
            None => name,
        };
        out.push(CodeExportRow { code: r.get(0)?, creator, campaign: r.get(3)?, percent_bp: r.get(4)?, rule: r.get(5)? });
    }
    Ok(out)
}

#[cfg(test)]
#[path = "discount_codes_tests.rs"]
mod tests;

/// What the collaboration panel sends: the choice (`pattern`, `typed` with `code`, or `none`)
/// and the customer's discount as typed (`10`, `12,5 %`; empty: not said), read in `spelling`.
/// Every problem is a field error (`code`, `discount`), as the form shows them.
pub fn set_discount_code_as_typed(ws: &mut Workspace, collaboration_id: i64, choice: &str, code: &str, discount: &str, spelling: crate::numbers::Spelling) -> Result<CodeOutcome> {
    let discount = discount.trim();
    let customer_discount_bp = if discount.is_empty() {
        None
    } else {
        let typed = if discount.ends_with('%') { discount.to_string() } else { format!("{discount}%") };
        Some(crate::commissions::rule_text::read_percent(&typed, spelling).map_err(|r| crate::error::Error::Validation(vec![r.into_field_error("discount")]))?)
    };
    let choice = match choice {
        "pattern" => CodeChoice::Pattern,
        "none" => CodeChoice::None,
        _ => CodeChoice::Typed(code.to_string()),
    };
    set_discount_code(ws, collaboration_id, &choice, customer_discount_bp)
}
