//! Adjustments (schema 6 `payout_adjustments`): a bonus or a deduction a person gives a
//! creator, with the reason, taken by the next run whose cut-off is on or after its day.
//!
//! Contract: [`add_adjustment`] refuses a zero amount, a missing reason and an unknown
//! creator by field; it writes the adjustment and its audit line (naming the creator) in one
//! write. Adjustments are never changed or deleted (the schema's triggers): a mistake is put
//! right by a second adjustment. [`read_signed_amount`] reads an amount as a person types it
//! (`25`, `-12,50`, `−7.5`) in their spelling, for the CLI and the window alike.

use crate::error::{Error, FieldError, Result};
use crate::money::format_plain;
use crate::workspace::{audit_money, now_utc, Concerning, Workspace};
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Adjustment {
    pub id: i64,
    pub creator_id: i64,
    pub amount_minor: i64,
    pub currency: String,
    pub reason: String,
    pub on_date: String,
}

/// An amount as typed, a deduction with a leading minus (`-12.50`, `− 12,50`), in minor units
/// of `currency`; refused by the field `amount` with the words to write it.
pub fn read_signed_amount(text: &str, currency: crate::money::Currency, spelling: crate::numbers::Spelling) -> Result<i64> {
    let t = text.trim();
    let (negative, digits) = match t.strip_prefix('-').or_else(|| t.strip_prefix('\u{2212}')) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, t.strip_prefix('+').unwrap_or(t).trim_start()),
    };
    let minor = crate::money::parse_amount(digits, currency, spelling).map_err(|_| {
        let shown: String = t.chars().take(40).collect();
        Error::Validation(vec![FieldError::new(
            "amount",
            "unreadable_amount",
            format!("“{shown}” is not an amount in {}: write it as 12.50 (a deduction as -12.50).", currency.code()),
        )
        .with_value(shown)])
    })?;
    Ok(if negative { -minor } else { minor })
}

/// Gives `creator_id` a bonus (positive) or a deduction (negative) of `amount_minor` in the
/// workspace currency, counting from `on_date`.
pub fn add_adjustment(ws: &mut Workspace, creator_id: i64, amount_minor: i64, reason: &str, on_date: NaiveDate) -> Result<Adjustment> {
    let actor = ws.actor();
    let currency = ws.settings()?.currency();
    let reason = reason.trim().to_string();
    let mut problems = Vec::new();
    if amount_minor == 0 {
        problems.push(FieldError::new("amount", "adjustment_zero", "An adjustment of zero changes nothing: give a bonus (positive) or a deduction (negative)."));
    }
    if reason.is_empty() {
        problems.push(FieldError::new("reason", "reason_required", "Say why: the reason is kept with the adjustment, on the statement and in the audit log."));
    }
    if !problems.is_empty() {
        return Err(Error::Validation(problems));
    }
    ws.write(|tx| {
        let name: String = tx
            .query_row("SELECT display_name FROM creators WHERE id = ?1", [creator_id], |r| r.get(0))
            .optional()?
            .ok_or(Error::NotFound { what: "creator", id: creator_id })?;
        let on = on_date.format("%Y-%m-%d").to_string();
        tx.execute(
            "INSERT INTO payout_adjustments (creator_id, amount_minor, currency, reason, on_date, actor, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![creator_id, amount_minor, currency.code(), reason, on, actor.as_str(), now_utc()],
        )?;
        let id = tx.last_insert_rowid();
        let what = if amount_minor > 0 { "bonus" } else { "deduction" };
        audit_money(
            tx,
            actor,
            "payout_adjustment",
            Some(id),
            "create",
            &format!("{what} of {} {} for {name} from {on}: {reason}", format_plain(amount_minor, currency), currency.code()),
            Concerning { creator_id: Some(creator_id), run_id: None },
        )?;
        Ok(Adjustment { id, creator_id, amount_minor, currency: currency.code().to_string(), reason: reason.clone(), on_date: on })
    })
}
