//! The lines one booking writes: each line's kind, reason, base, rule and explanation (English,
//! with the code and parameters the window words it from), and writing them with the orders'
//! waiting codes in the caller's transaction. A large booking builds the lines' indexes again
//! and adds to `commission_totals` once per total, instead of line by line (the totals trigger
//! set aside meanwhile and made again from its own SQL).

use super::target::{Target, Valued};
use super::working_set::{self, level_of, level_text, OrderRow, WorkingSet};
use super::Booking;
use crate::commissions::rules::money_text;
use crate::commissions::{Refusal, Wording};
use crate::error::{Error, Result};
use crate::money::{Currency, Money};
use chrono::Days;
use crate::workspace::bulk_insert::{BulkInsert, Cell};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashMap;
use serde::Serialize;

/// A line about to be booked.
pub(super) struct NewLine {
    order_id: i64,
    collaboration_id: i64,
    creator_id: i64,
    kind: &'static str,
    reason: &'static str,
    amount: i64,
    currency: Currency,
    base: i64,
    rule: String,
    level: &'static str,
    explanation: Wording,
    params_json: String,
    order_currency: Option<String>,
    order_base: Option<i64>,
    fx: Option<(u64, u32, String)>,
    hold_until: String,
}

#[allow(clippy::too_many_arguments)]
pub(super) fn line_for(set: &WorkingSet, o: &OrderRow, collaboration: i64, target: &Target, booked: Option<&working_set::Booked>, difference: i64, value: Option<&Valued>, workspace: Currency, hold_days: u64) -> Result<NewLine> {
    let creator_id = match (booked, set.collaborations.get(&collaboration)) {
        (Some(b), _) => b.creator_id,
        (None, Some(c)) => c.creator_id,
        (None, None) => return Err(Error::NotFound { what: "collaboration", id: collaboration }),
    };
    let money = |minor: i64| money_text(Money { minor, currency: workspace });
    let booked_before = booked.map_or(0, |b| b.amount);
    let reason = reason_of(o, target, booked, value);
    let kind = match (booked, difference < 0) {
        (None, _) => "commission",
        (Some(b), true) if b.any_paid => "clawback",
        (Some(_), true) if matches!(target, Target::NotAttributed) => "reversal",
        _ => "adjustment",
    };
    let tail = if booked.is_some() { format!(" Booked before: {}; this line: {}.", money(booked_before), money(difference)) } else { String::new() };
    let base = value.map(|v| v.in_workspace.minor).or(booked.map(|b| b.last_base)).unwrap_or(0);
    let mut parts = LineParams::default();
    let (rule, level, explanation) = match target {
        Target::Earns { commission, rule, level } => {
            let v = value.expect("an order that earns has a base");
            let base_words = v.base.explain();
            let mut english = base_words.english.clone();
            if let Some(c) = &v.conversion {
                english.push(' ');
                english.push_str(&c.explanation.english);
                parts.conversion = Some(Words::of(&c.explanation));
            }
            english.push(' ');
            english.push_str(&commission.explanation.english);
            english.push_str(&tail);
            parts.base = Some(Words { code: base_words.code, params: base_words.params });
            parts.params = commission.explanation.params.clone();
            (rule.machine_text(), level_text(*level), Wording { code: commission.explanation.code, params: commission.explanation.params.clone(), english })
        }
        Target::NotAttributed | Target::Rejected => {
            let b = booked.expect("a collaboration without lines has nothing to take back");
            // Explanation codes of a line (the window words them), not error codes.
            let (code, english) = if matches!(target, Target::Rejected) {
                let why = set.rejected.get(&(o.id, collaboration)).cloned().unwrap_or_default();
                let english = format!("The commission of order {} for this collaboration was rejected ({why}): it earns nothing.{tail}", o.number);
                ("commission_rejected", english)
            } else {
                let english = format!("Order {} is no longer attributed to this collaboration: it earns it nothing.{tail}", o.number);
                ("attribution_moved", english)
            };
            let params = [("order", o.number.clone()), ("amount", money(difference)), ("booked_before", money(booked_before))];
            let words = Wording::new(code, &params, english);
            parts.params = words.params.clone();
            (b.first_rule.clone(), level_text(level_of(&b.first_level)), words)
        }
        Target::Waits(_) => unreachable!("a waiting order books no line"),
    };
    parts.booked_before = money(booked_before);
    parts.line = money(difference);
    let conversion = value.and_then(|v| v.conversion.as_ref());
    let hold_until = o.placed_on.checked_add_days(Days::new(hold_days)).unwrap_or(o.placed_on).to_string();
    Ok(NewLine {
        order_id: o.id,
        collaboration_id: collaboration,
        creator_id,
        kind,
        reason,
        amount: difference,
        currency: workspace,
        base,
        rule,
        level,
        params_json: serde_json::to_string(&parts).map_err(|_| Error::BadFile("A commission line's explanation could not be written.".into()))?,
        explanation,
        order_currency: conversion.map(|c| c.original.currency.code().to_string()),
        order_base: value.filter(|v| v.conversion.is_some()).map(|v| v.base.base.minor),
        fx: conversion.and_then(|c| c.rates.first()).map(|r| (r.stored.rate.units, r.stored.rate.scale, r.stored.date.to_string())),
        hold_until,
    })
}

/// `explanation_params` of a line: the parameters of its `explanation_code`, and the code and
/// parameters of the base's and the conversion's sentences, what was booked before and this
/// line, for the window to word the whole explanation in its own language.
#[derive(Default, Serialize)]
struct LineParams {
    params: std::collections::BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    base: Option<Words>,
    #[serde(skip_serializing_if = "Option::is_none")]
    conversion: Option<Words>,
    booked_before: String,
    line: String,
}

#[derive(Serialize)]
struct Words {
    code: &'static str,
    params: std::collections::BTreeMap<&'static str, String>,
}

impl Words {
    fn of(w: &Wording) -> Words {
        Words { code: w.code, params: w.params.clone() }
    }
}

/// Why a line is booked, from what changed since the pair's last line.
fn reason_of(o: &OrderRow, target: &Target, booked: Option<&working_set::Booked>, value: Option<&Valued>) -> &'static str {
    let Some(b) = booked else { return "order" };
    match target {
        Target::NotAttributed => return "attribution_changed",
        Target::Rejected => return "rejected",
        _ => {}
    }
    if o.cancelled {
        return "cancelled";
    }
    if b.last_reason == "attribution_changed" {
        return "attribution_changed";
    }
    if let Some(v) = value {
        let own_base = if v.conversion.is_some() { v.base.base.minor } else { v.in_workspace.minor };
        let last_own = b.last_order_base.unwrap_or(b.last_base);
        if own_base != last_own {
            return if own_base < last_own && o.refunded > 0 { "refund" } else { "order_changed" };
        }
        if v.in_workspace.minor != b.last_base {
            return "rate_changed";
        }
    }
    match target {
        Target::Earns { rule, .. } if matches!(rule.rate(), crate::commissions::rules::RateRule::Tiers { .. }) => "tier_changed",
        Target::Earns { rule, .. } if rule.first_order_only() => "first_order_changed",
        _ => "recalculated",
    }
}

/// Below this many new lines, or when they add less than half of the ledger, updating the
/// lines' indexes in place is cheaper than building them again (as the roster import does).
pub(super) const REBUILD_INDEXES_FROM: usize = 20_000;

pub(super) fn write(conn: &Connection, set: &WorkingSet, mut lines: Vec<NewLine>, waiting: &[(usize, Option<Refusal>)], now: &str) -> Result<Booking> {
    let existing: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM commission_lines", [], |r| r.get(0))?;
    let rebuild = lines.len() >= REBUILD_INDEXES_FROM && lines.len() as i64 * 2 >= existing;
    let mut indexes: Vec<(String, String)> = Vec::new();
    if rebuild {
        // Indexes made by CREATE INDEX have their SQL stored: dropped here and made again
        // below, in the same transaction, from their own definitions.
        indexes = conn
            .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'commission_lines' AND sql IS NOT NULL")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (name, _) in &indexes {
            conn.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
        }
    }
    // A large booking sums its lines into commission_totals once per total instead of through
    // the trigger line by line: the trigger is set aside and made again from its own SQL.
    let totals_trigger: Option<String> = if rebuild {
        conn.query_row("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'commission_totals_line_booked'", [], |r| r.get(0)).optional()?
    } else {
        None
    };
    if totals_trigger.is_some() {
        conn.execute_batch("DROP TRIGGER commission_totals_line_booked")?;
    }
    let mut totals: HashMap<(Currency, &'static str, String), (i64, i64)> = HashMap::new();
    let mut insert = BulkInsert::new(
        conn,
        "commission_lines",
        &[
            "order_id", "collaboration_id", "creator_id", "kind", "reason", "amount_minor", "currency", "base_minor", "rule", "rule_level",
            "explanation", "explanation_code", "explanation_params", "order_currency", "order_base_minor", "fx_rate_units", "fx_rate_scale", "fx_on_date",
            "hold_until", "created_at",
        ],
    )?;
    // In the order of the order index: its pages fill one after the other.
    lines.sort_unstable_by_key(|l| (l.order_id, l.collaboration_id));
    let lines_added = lines.len() as u64;
    for l in lines {
        if totals_trigger.is_some() {
            let total = totals.entry((l.currency, l.kind, l.hold_until.clone())).or_default();
            total.0 = total.0.checked_add(l.amount).ok_or_else(|| Error::BadFile(crate::commissions::rounding::too_large().message))?;
            total.1 += 1;
        }
        let (units, scale, on) = match l.fx {
            Some((u, s, d)) => (Some(u as i64), Some(i64::from(s)), Some(d)),
            None => (None, None, None),
        };
        insert.push([
            l.order_id.into(),
            l.collaboration_id.into(),
            l.creator_id.into(),
            l.kind.into(),
            l.reason.into(),
            l.amount.into(),
            Cell::Text(l.currency.code().to_string()),
            l.base.into(),
            l.rule.into(),
            l.level.into(),
            l.explanation.english.into(),
            l.explanation.code.into(),
            l.params_json.into(),
            l.order_currency.into(),
            l.order_base.into(),
            units.into(),
            scale.into(),
            on.into(),
            l.hold_until.into(),
            Cell::Text(now.to_string()),
        ])?;
    }
    insert.flush()?;
    if let Some(trigger) = totals_trigger {
        // What the trigger does for one line, for each total: new lines are neither paid nor rejected.
        let mut add = conn.prepare_cached(
            "INSERT INTO commission_totals (currency, kind, hold_until, state, amount_minor, lines) VALUES (?1, ?2, ?3, 'unpaid', ?4, ?5)
             ON CONFLICT (currency, kind, hold_until, state) DO UPDATE SET amount_minor = amount_minor + excluded.amount_minor, lines = lines + excluded.lines",
        )?;
        for ((currency, kind, hold_until), (amount, count)) in totals {
            add.execute(params![currency.code(), kind, hold_until, amount, count])?;
        }
        conn.execute_batch(&trigger)?;
    }
    for (_, sql) in &indexes {
        conn.execute_batch(sql)?;
    }
    let mut mark = conn.prepare_cached("UPDATE orders SET waiting_code = ?2, waiting_message = ?3, waiting_params = ?4 WHERE id = ?1")?;
    let mut orders_waiting = 0;
    for (at, refusal) in waiting {
        let o = &set.orders[*at];
        let (code, message) = refusal.as_ref().map_or(("", ""), |r| (r.code, r.message.as_str()));
        if !code.is_empty() {
            orders_waiting += 1;
        }
        if o.waiting_code != code || o.waiting_message != message {
            let params_json = match refusal {
                Some(r) => serde_json::to_string(&r.params).map_err(|_| Error::BadFile("An order's waiting reason could not be written.".into()))?,
                None => "{}".to_string(),
            };
            mark.execute(params![o.id, code, message, params_json])?;
        }
    }
    Ok(Booking { lines_added, orders_waiting })
}
