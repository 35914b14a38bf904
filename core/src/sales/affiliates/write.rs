//! Writing a checked plan, inside the import's one transaction: new creators through the
//! roster's own save (with its audit line), new affiliate collaborations, changed dates, codes
//! and rules, each with its audit line; then the orders carrying a changed code are attributed
//! again and booked. A step that changes nothing writes nothing.

use super::plan::{CreatorStep, Step};
use crate::campaigns::fields::local_today;
use crate::commissions::ledger::Booking;
use crate::commissions::rules_store::{write_rule_as, RuleOwner};
use crate::error::Result;
use crate::roster::creators::{save_record, WriteContext};
use crate::sales::codes::code_key;
use crate::sales::discount_codes::{after_code_change, change_words, write_code, CollaborationCode};
use crate::workspace::settings::Settings;
use crate::workspace::{audit, Actor};
use rusqlite::{params, Connection};

/// Writes `steps` into campaign (`campaign_id`, `campaign_name`); returns the orders whose
/// attribution changed and the booking.
pub(crate) fn write(tx: &Connection, campaign_id: i64, campaign_name: &str, file: &str, steps: &[Step], settings: &Settings, now: &str) -> Result<(u64, Booking)> {
    let actor = Actor::Import;
    let ctx = WriteContext::new(actor);
    let today = local_today().to_string();
    let reason = format!("affiliate list {file}");
    let mut changed_keys: Vec<String> = Vec::new();
    let mut rules_changed = false;
    // Codes moving away from their collaborations are let go first, so a code this file moves
    // from one of its collaborations to another never meets itself in the unique index.
    for s in steps.iter().filter(|s| s.code_change) {
        if let Some(c) = s.collaboration.as_ref().filter(|c| !c.code.is_empty()) {
            tx.prepare_cached("UPDATE collaborations SET discount_code = '', discount_code_key = '' WHERE id = ?1")?.execute([c.id])?;
        }
    }
    for s in steps.iter().filter(|s| s.changes_anything()) {
        let creator_id = match &s.creator {
            CreatorStep::New(record) => save_record(tx, None, record, settings, &ctx)?.id,
            CreatorStep::Matched(id) => *id,
        };
        let who = format!("{} in {campaign_name}", s.creator_name);
        let (collaboration_id, before_code) = match &s.collaboration {
            None => {
                let agreed_on = s.status.is_committed().then(|| today.clone());
                tx.prepare_cached(
                    "INSERT INTO collaborations (campaign_id, creator_id, kind, status, starts_on, ends_on, agreed_on, last_activity_on, created_at, updated_at)
                     VALUES (?1, ?2, 'affiliate', ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                )?
                .execute(params![campaign_id, creator_id, s.status.as_str(), s.starts_on, s.ends_on, agreed_on, today, now])?;
                let id = tx.last_insert_rowid();
                audit(tx, actor, "collaboration", Some(id), "create", &format!("{who}: affiliate {}, from the {reason}", s.status))?;
                (id, CollaborationCode { collaboration_id: id, code: String::new(), customer_discount_bp: None })
            }
            Some(c) => {
                if s.dates_change {
                    tx.prepare_cached("UPDATE collaborations SET starts_on = ?2, ends_on = ?3, revision = revision + 1, last_activity_on = ?4, updated_at = ?5 WHERE id = ?1")?
                        .execute(params![c.id, s.starts_on, s.ends_on, today, now])?;
                    let shown = |d: &Option<String>| d.clone().unwrap_or_else(|| "none".into());
                    let detail = format!("{who}: dates {} – {} → {} – {}, from the {reason}", shown(&c.starts_on), shown(&c.ends_on), shown(&s.starts_on), shown(&s.ends_on));
                    audit(tx, actor, "collaboration", Some(c.id), "update", &detail)?;
                    changed_keys.push(code_key(&s.code));
                }
                (c.id, CollaborationCode { collaboration_id: c.id, code: c.code.clone(), customer_discount_bp: c.customer_discount_bp })
            }
        };
        if s.code_change {
            let after = CollaborationCode { code: s.code.clone(), ..before_code.clone() };
            write_code(tx, &after, now)?;
            audit(tx, actor, "collaboration", Some(collaboration_id), "discount_code", &format!("{who}: {}, from the {reason}", change_words(&before_code, &after)))?;
            changed_keys.extend([code_key(&before_code.code), code_key(&after.code)]);
        }
        if let (true, Some((rule, written))) = (s.rule_change, &s.rule) {
            write_rule_as(tx, actor, RuleOwner::Collaboration(collaboration_id), &who, s.rule_before.as_ref(), rule, written, &reason, now)?;
            rules_changed = true;
        }
    }
    let (moved, mut booking) = after_code_change(tx, &changed_keys, now)?;
    if rules_changed {
        // Orders that waited for a rule (attributed before the program came in) are booked now.
        let waited = crate::commissions::ledger::book_waiting_orders(tx, &["no_rule"], now)?;
        booking.lines_added += waited.lines_added;
        // The same order can wait in both bookings: the larger count is the one not counted twice.
        booking.orders_waiting = waited.orders_waiting.max(booking.orders_waiting);
    }
    Ok((moved, booking))
}
