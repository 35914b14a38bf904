//! Rejecting an order's commission for a collaboration (fraud, a staff order, a test order):
//! a person's decision with their reason, kept in `commission_rejections`. From then on the
//! order earns that collaboration nothing: its unpaid lines are marked rejected (they stay,
//! with the reason), and the ledger books what is left to take back — a clawback when a line
//! was already paid. One transaction, with an audit line. Refused, saying why: no reason, an
//! order or collaboration that does not exist, no commission lines to reject, already rejected.

use super::ledger::{book_orders, Booking};
use crate::error::{Error, FieldError, Result};
use crate::workspace::{audit, now_utc, Workspace};
use rusqlite::{params, OptionalExtension};

/// The longest reason kept.
const MAX_REASON_CHARS: usize = 500;

/// Rejects the commission of order `order_id` for collaboration `collaboration_id`, with the
/// person's `reason` (see the module's words). Returns what the ledger booked.
pub fn reject_commission(ws: &mut Workspace, order_id: i64, collaboration_id: i64, reason: &str) -> Result<Booking> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::Validation(vec![FieldError::new("reason", "reason_required", "Say why this commission is rejected; the reason is kept with it.")]));
    }
    if reason.chars().count() > MAX_REASON_CHARS {
        return Err(Error::Validation(vec![FieldError::new("reason", "too_long", format!("The reason can be at most {MAX_REASON_CHARS} characters."))]));
    }
    let actor = ws.actor();
    ws.write(|tx| {
        let now = now_utc();
        let number: String = tx
            .query_row("SELECT number FROM orders WHERE id = ?1", [order_id], |r| r.get(0))
            .optional()?
            .ok_or(Error::NotFound { what: "order", id: order_id })?;
        let creator: String = tx
            .query_row("SELECT r.display_name FROM collaborations c JOIN creators r ON r.id = c.creator_id WHERE c.id = ?1", [collaboration_id], |r| r.get(0))
            .optional()?
            .ok_or(Error::NotFound { what: "collaboration", id: collaboration_id })?;
        let already: Option<String> = tx
            .query_row("SELECT reason FROM commission_rejections WHERE order_id = ?1 AND collaboration_id = ?2", params![order_id, collaboration_id], |r| r.get(0))
            .optional()?;
        if let Some(earlier) = already {
            return Err(Error::Validation(vec![FieldError::new(
                "commission",
                "already_rejected",
                format!("The commission of order {number} for {creator} was already rejected ({earlier})."),
            )
            .with_value(number.clone())]));
        }
        let lines: i64 = tx.query_row("SELECT count(*) FROM commission_lines WHERE order_id = ?1 AND collaboration_id = ?2", params![order_id, collaboration_id], |r| r.get(0))?;
        if lines == 0 {
            return Err(Error::Validation(vec![FieldError::new(
                "commission",
                "no_commission_to_reject",
                format!("Order {number} has no commission for {creator} to reject."),
            )
            .with_value(number.clone())]));
        }
        tx.execute("INSERT INTO commission_rejections (order_id, collaboration_id, reason, rejected_at) VALUES (?1, ?2, ?3, ?4)", params![order_id, collaboration_id, reason, now])?;
        tx.execute(
            "UPDATE commission_lines SET rejected_at = ?3, rejected_reason = ?4
             WHERE order_id = ?1 AND collaboration_id = ?2 AND payout_line_id IS NULL AND rejected_at IS NULL",
            params![order_id, collaboration_id, now, reason],
        )?;
        let booking = book_orders(tx, &[order_id], &now)?;
        audit(tx, actor, "order", Some(order_id), "reject_commission", &format!("{number}, {creator}: {reason}"))?;
        Ok(booking)
    })
}

#[cfg(test)]
#[path = "rejection_tests.rs"]
mod tests;
