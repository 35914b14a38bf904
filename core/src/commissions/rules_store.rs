//! The commission rules kept in the workspace (schema 4, `commission_rules`): at most one per
//! owner at each level (a collaboration, a creator, a campaign, or the workspace default), read
//! as people write them ([`super::rule_text::read_rule`], in the workspace currency) and stored
//! as [`Rule::machine_text`] beside the words as written.
//!
//! Contract:
//! - [`set_rule`] reads the words, refuses what cannot be read (field `rule`, the refusal's
//!   code), and writes the rule with an audit line naming the owner, the old and the new rule
//!   and the person's reason. Setting the rule an owner already has (same machine text, same
//!   words) writes nothing, not even an audit line. [`clear_rule`] takes an owner's rule away,
//!   audited the same way; clearing where there is none writes nothing.
//! - A rule change applies to the orders booked from then on: the ledger keeps the rule each
//!   booked line was worked out with (`commission_lines.rule`), so changing a rule never
//!   changes a booked commission, and nothing is re-booked here.
//! - [`rule_of`] reads one owner's rule; [`write_rule`] is the same write inside a caller's
//!   transaction (the affiliate list import).

use super::rule_text::read_rule;
use super::rules::{Rule, RuleLevel};
use crate::error::{Error, Result};
use crate::numbers::Spelling;
use crate::workspace::{audit, now_utc, Actor, Workspace};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

/// Whose rule it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "level", content = "id", rename_all = "snake_case")]
pub enum RuleOwner {
    Collaboration(i64),
    Creator(i64),
    Campaign(i64),
    /// The workspace default, for every order no other level has a rule for.
    Workspace,
}

impl RuleOwner {
    pub fn level(self) -> RuleLevel {
        match self {
            RuleOwner::Collaboration(_) => RuleLevel::Collaboration,
            RuleOwner::Creator(_) => RuleLevel::Creator,
            RuleOwner::Campaign(_) => RuleLevel::Campaign,
            RuleOwner::Workspace => RuleLevel::Workspace,
        }
    }

    /// The level as the schema writes it.
    fn level_text(self) -> &'static str {
        match self {
            RuleOwner::Collaboration(_) => "collaboration",
            RuleOwner::Creator(_) => "creator",
            RuleOwner::Campaign(_) => "campaign",
            RuleOwner::Workspace => "workspace",
        }
    }

    fn id(self) -> Option<i64> {
        match self {
            RuleOwner::Collaboration(id) | RuleOwner::Creator(id) | RuleOwner::Campaign(id) => Some(id),
            RuleOwner::Workspace => None,
        }
    }
}

/// A rule as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredRule {
    pub owner: RuleOwner,
    pub rule: Rule,
    /// The stable form the ledger shows on a line (`percent:1000`).
    pub machine_text: String,
    /// What the person typed or the file said (`10 %`).
    pub as_written: String,
    /// The rule in English (`10% of the base`).
    pub description: String,
    pub updated_at: String,
}

/// What a write did to an owner's rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleChange {
    Added,
    Changed,
    Unchanged,
}

/// Reads `as_written` (in the workspace currency, numbers in `spelling`) and makes it the rule
/// of `owner`, with `reason` in the audit line (see the module contract).
pub fn set_rule(ws: &mut Workspace, owner: RuleOwner, as_written: &str, spelling: Spelling, reason: &str) -> Result<StoredRule> {
    let actor = ws.actor();
    ws.write(|tx| {
        let currency = crate::workspace::settings::load(tx)?.currency();
        let rule = read_rule(as_written, currency, spelling).map_err(|r| Error::Validation(vec![r.into_field_error("rule")]))?;
        let now = now_utc();
        write_rule(tx, actor, owner, &rule, as_written.trim(), reason, &now)?;
        // Orders that waited for a rule are booked now (booked orders keep theirs).
        crate::commissions::ledger::book_waiting_orders(tx, &["no_rule"], &now)?;
        rule_of(tx, owner)?.ok_or(Error::NotFound { what: "commission rule", id: owner.id().unwrap_or(0) })
    })
}

/// Takes `owner`'s rule away (orders then fall to the next level). Returns whether there was one.
pub fn clear_rule(ws: &mut Workspace, owner: RuleOwner, reason: &str) -> Result<bool> {
    let actor = ws.actor();
    ws.write(|tx| {
        let Some(before) = rule_of(tx, owner)? else { return Ok(false) };
        tx.execute("DELETE FROM commission_rules WHERE level = ?1 AND owner_id IS ?2", params![owner.level_text(), owner.id()])?;
        let detail = format!("{}: commission {} → none{}", owner_words(tx, owner)?, before.description, reason_words(reason));
        audit(tx, actor, "commission_rule", owner.id(), "clear", &detail)?;
        Ok(true)
    })
}

/// The rule of `owner`, if it has one.
pub fn rule_of(conn: &Connection, owner: RuleOwner) -> Result<Option<StoredRule>> {
    let row: Option<(String, String, String)> = conn
        .prepare_cached("SELECT rule, as_written, updated_at FROM commission_rules WHERE level = ?1 AND coalesce(owner_id, 0) = ?2")?
        .query_row(params![owner.level_text(), owner.id().unwrap_or(0)], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((machine_text, as_written, updated_at)) = row else { return Ok(None) };
    stored_rule(owner, machine_text, as_written, updated_at).map(Some)
}

/// A stored row of `commission_rules` read back.
pub(crate) fn stored_rule(owner: RuleOwner, machine_text: String, as_written: String, updated_at: String) -> Result<StoredRule> {
    // Only Chorus writes this column, always from a checked rule.
    let rule = Rule::from_machine_text(&machine_text).map_err(|r| Error::BadFile(r.message))?;
    Ok(StoredRule { owner, description: rule.describe(), rule, machine_text, as_written, updated_at })
}

/// Writes `rule` as `owner`'s, inside the caller's transaction, with the audit line; nothing
/// when the owner already has exactly this rule and these words.
pub(crate) fn write_rule(tx: &Connection, actor: Actor, owner: RuleOwner, rule: &Rule, as_written: &str, reason: &str, now: &str) -> Result<RuleChange> {
    let before = rule_of(tx, owner)?;
    let who = owner_words(tx, owner)?; // refuses an owner that does not exist
    write_rule_as(tx, actor, owner, &who, before.as_ref(), rule, as_written, reason, now)
}

/// [`write_rule`] for a caller that knows the owner's words (`who`, for the audit line) and its
/// stored rule (`before`) already: an import, which read them all at once.
#[allow(clippy::too_many_arguments)]
pub(crate) fn write_rule_as(tx: &Connection, actor: Actor, owner: RuleOwner, who: &str, before: Option<&StoredRule>, rule: &Rule, as_written: &str, reason: &str, now: &str) -> Result<RuleChange> {
    let machine_text = rule.machine_text();
    let change = match before {
        Some(b) if b.machine_text == machine_text && b.as_written == as_written => return Ok(RuleChange::Unchanged),
        Some(_) => {
            tx.prepare_cached("UPDATE commission_rules SET rule = ?3, as_written = ?4, updated_at = ?5 WHERE level = ?1 AND coalesce(owner_id, 0) = ?2")?
                .execute(params![owner.level_text(), owner.id().unwrap_or(0), machine_text, as_written, now])?;
            RuleChange::Changed
        }
        None => {
            tx.prepare_cached("INSERT INTO commission_rules (level, owner_id, rule, as_written, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)")?
                .execute(params![owner.level_text(), owner.id(), machine_text, as_written, now])?;
            RuleChange::Added
        }
    };
    let old = before.map_or_else(|| "none".to_string(), |b| b.description.clone());
    let written = if as_written.is_empty() { String::new() } else { format!(" (written “{as_written}”)") };
    let detail = format!("{who}: commission {old} → {}{written}{}", rule.describe(), reason_words(reason));
    audit(tx, actor, "commission_rule", owner.id(), "set", &detail)?;
    Ok(change)
}

fn reason_words(reason: &str) -> String {
    if reason.trim().is_empty() {
        String::new()
    } else {
        format!("; reason: {}", reason.trim())
    }
}

/// The owner as a person recognises it in the audit log; NotFound when it does not exist.
fn owner_words(conn: &Connection, owner: RuleOwner) -> Result<String> {
    let (sql, what) = match owner {
        RuleOwner::Workspace => return Ok("the workspace default".to_string()),
        RuleOwner::Collaboration(_) => (
            "SELECT c.display_name || ' in ' || p.name FROM collaborations l JOIN creators c ON c.id = l.creator_id JOIN campaigns p ON p.id = l.campaign_id WHERE l.id = ?1",
            "collaboration",
        ),
        RuleOwner::Creator(_) => ("SELECT display_name FROM creators WHERE id = ?1", "creator"),
        RuleOwner::Campaign(_) => ("SELECT 'campaign ' || name FROM campaigns WHERE id = ?1", "campaign"),
    };
    let id = owner.id().unwrap_or(0);
    conn.prepare_cached(sql)?.query_row([id], |r| r.get(0)).optional()?.ok_or(Error::NotFound { what, id })
}

#[cfg(test)]
#[path = "rules_store_tests.rs"]
mod tests;
