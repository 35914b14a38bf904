//! The commission ledger (schema 4, `commission_lines`): brings the lines of orders to their
//! current state by booking differences, never changing a booked line. For every order and
//! every collaboration it is attributed to now or has lines for, the *target* is the commission
//! of the order's current state (see [`target`]); the lines not rejected are what is *booked*;
//! `target − booked`, when not zero, is booked as one new line. Booking again books nothing.
//!
//! Decisions, as the window states them beside an order's lines:
//! - **The rule an order keeps.** An order's first line records the rule that applied then;
//!   every later line of that order and collaboration (a refund, a tier that moved) is worked
//!   out under that same rule. A rule changed afterwards applies to orders booked from then on.
//! - **No rule** at any level (collaboration, creator, campaign, workspace): nothing is owed;
//!   the order says so (`waiting_code` `no_rule`) and is counted once a rule is set
//!   ([`book_waiting_orders`]).
//! - **Tiers** count the creator's month: the attributed bases (current state, in the
//!   workspace currency, rejected ones left out) of the creator's orders earlier in the order's
//!   calendar month (`placed_on`, then `placed_at_utc`, then id). The ledger is a function of
//!   the orders' current state, whatever order the exports came in: booking an order books
//!   again the later orders of its creator's month, and a refund of an earlier order moves the
//!   tier of later ones (`tier_changed`). When an earlier order of the month waits for its
//!   exchange rate, later orders under a tiered rule wait with it.
//! - **First order only**: "first" means no earlier order (time, then id) of the same customer
//!   in the workspace that was not cancelled (a cancelled, voided, failed or expired order was
//!   never a sale). An order without a customer waits (`first_order_unknown`).
//! - **Kinds.** `commission`: the first line of an order and collaboration. `clawback`: a
//!   negative line once any line of that order and collaboration was paid. `reversal`: a
//!   negative line because the attribution moved away. `adjustment`: any other change (a
//!   refund or cancellation before payment, a tier that moved, attribution coming back, more
//!   owed after a payment).
//! - **Status** as of a day ([`line_status`], [`LINE_STATUS_SQL`]): rejected, else paid, else
//!   approved from `hold_until` (the order's day + the hold days), else pending.

mod lines;
mod target;

pub(crate) use target::item_tax;
mod working_set;

#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod property_tests;

use super::base::ShopPrices;
use super::commission::CustomerHistory;
use super::exchange_rates::RateTable;
use super::rules::{rule_that_applies, Rule, RuleLevel, RulesByLevel};
use super::Refusal;
use crate::error::Result;
use crate::money::Money;
use chrono::Datelike;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;
use lines::{line_for, write};
use target::Target;
use working_set::{level_of, OrderRow, WorkingSet};

/// What one booking did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Booking {
    /// New lines booked (commissions, adjustments, reversals, clawbacks).
    pub lines_added: u64,
    /// Orders whose commission cannot be worked out yet (a missing exchange rate, an unknown
    /// customer under a first-order rule, no rule), now marked as waiting on the order.
    pub orders_waiting: u64,
}

/// A commission line's status on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineStatus {
    Pending,
    Approved,
    Paid,
    Rejected,
}

impl LineStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            LineStatus::Pending => "pending",
            LineStatus::Approved => "approved",
            LineStatus::Paid => "paid",
            LineStatus::Rejected => "rejected",
        }
    }
}

/// A line's status `as_of` a day (`YYYY-MM-DD`): rejected if rejected; paid if a payout paid
/// it; approved once `hold_until <= as_of`; else pending. The same as [`LINE_STATUS_SQL`].
pub fn line_status(hold_until: &str, rejected_at: Option<&str>, payout_line_id: Option<i64>, as_of: &str) -> LineStatus {
    if rejected_at.is_some() {
        LineStatus::Rejected
    } else if payout_line_id.is_some() {
        LineStatus::Paid
    } else if hold_until <= as_of {
        LineStatus::Approved
    } else {
        LineStatus::Pending
    }
}

/// [`line_status`] as an SQL expression over a `commission_lines` row, with the day as the
/// named parameter `:as_of`.
pub const LINE_STATUS_SQL: &str = "(CASE WHEN rejected_at IS NOT NULL THEN 'rejected' WHEN payout_line_id IS NOT NULL THEN 'paid' \
WHEN hold_until <= :as_of THEN 'approved' ELSE 'pending' END)";

/// The waiting codes a change of the rate table may end.
pub const WAITING_FOR_A_RATE: &[&str] = &["rate_missing", "rate_too_old"];

/// Brings the ledger of `order_ids` (and of any other order whose commission depends on them,
/// such as later orders of the same creator's month under a tiered rule) to the orders' current
/// state and attribution, inside the caller's transaction. Idempotent: booking again books
/// nothing. `now` is the RFC 3339 time written on new lines.
pub fn book_orders(conn: &Connection, order_ids: &[i64], now: &str) -> Result<Booking> {
    if order_ids.is_empty() {
        return Ok(Booking::default());
    }
    let workspace = crate::workspace::settings::load(conn)?.currency();
    let sales = crate::workspace::settings::load_sales_rules(conn)?;
    let prices = if sales.prices_include_tax { ShopPrices::IncludeTax } else { ShopPrices::ExcludeTax };
    let hold_days = u64::try_from(sales.commission_hold_days).unwrap_or(0);
    let set = working_set::read(conn, order_ids)?;
    let rates = if set.orders.iter().any(|o| o.currency != workspace.code()) { super::rates_store::rate_table(conn)? } else { RateTable::new() };

    // Which collaborations each order has lines for, and the rule each attributed pair uses.
    let mut lined: HashMap<i64, Vec<i64>> = HashMap::new();
    for &(order, collaboration) in set.booked.keys() {
        lined.entry(order).or_default().push(collaboration);
    }
    lined.values_mut().for_each(|v| v.sort_unstable());
    let mut rules: HashMap<i64, ChosenRule> = HashMap::new();
    let (mut need_history, mut need_lines) = (Vec::new(), Vec::new());
    let mut applicable: HashMap<i64, ChosenRule> = HashMap::new();
    for o in &set.orders {
        let Some(collaboration) = o.collaboration_id else { continue };
        if set.rejected.contains_key(&(o.id, collaboration)) {
            continue;
        }
        // Before its first line an order takes its collaboration's rule: worked out once each.
        let rule = if set.booked.contains_key(&(o.id, collaboration)) {
            rule_for(&set, o.id, collaboration)
        } else {
            applicable.entry(collaboration).or_insert_with(|| rule_for(&set, o.id, collaboration)).clone()
        };
        if let Some(Ok((rule, _))) = &rule {
            if rule.first_order_only() && o.has_customer {
                need_history.push(o.id);
            }
            if !rule.sku_rates().is_empty() {
                need_lines.push(o.id);
            }
        }
        rules.insert(o.id, rule);
    }
    let repeat = set.with_earlier_customer_order(conn, &need_history)?;
    let product_lines = set.product_lines(conn, &need_lines)?;

    let zero = Money { minor: 0, currency: workspace };
    let mut months: HashMap<(i64, i32, u32), Result<Money, Refusal>> = HashMap::new();
    let mut new_lines = Vec::new();
    let mut waiting_now: Vec<(usize, Option<Refusal>)> = Vec::with_capacity(set.orders.len());
    for (at, o) in set.orders.iter().enumerate() {
        let pairs = pairs_of(o, lined.get(&o.id));
        if pairs.is_empty() {
            waiting_now.push((at, None));
            continue;
        }
        let value = target::order_value(o, workspace, prices, &rates);
        let month_key = o.collaboration_id.and_then(|c| set.collaborations.get(&c)).map(|c| (c.creator_id, o.placed_on.year(), o.placed_on.month()));
        let mut waits = None;
        for collaboration in pairs {
            let target = if Some(collaboration) != o.collaboration_id {
                Target::NotAttributed
            } else if set.rejected.contains_key(&(o.id, collaboration)) {
                Target::Rejected
            } else {
                match (rules.remove(&o.id).flatten(), &value) {
                    (None, _) => Target::Waits(no_rule()),
                    (Some(Err(refusal)), _) => Target::Waits(refusal),
                    (Some(Ok(_)), Err(refusal)) => Target::Waits(refusal.clone()),
                    (Some(Ok((rule, level))), Ok(v)) => {
                        let customer = if !rule.first_order_only() {
                            CustomerHistory::FirstOrder
                        } else if !o.has_customer {
                            CustomerHistory::Unknown
                        } else if repeat.contains(&o.id) {
                            CustomerHistory::Repeat
                        } else {
                            CustomerHistory::FirstOrder
                        };
                        let month_before = month_key.and_then(|k| months.get(&k).cloned()).unwrap_or(Ok(zero));
                        let lines = product_lines.get(&o.id).map(Vec::as_slice).unwrap_or(&[]);
                        target::earned(v, rule, level, lines, &month_before, customer)
                    }
                }
            };
            if let Target::Waits(refusal) = &target {
                waits = Some(refusal.clone());
                continue;
            }
            let booked = set.booked.get(&(o.id, collaboration));
            let difference = target.amount() - booked.map_or(0, |b| b.amount);
            if difference != 0 {
                new_lines.push(line_for(&set, o, collaboration, &target, booked, difference, value.as_ref().ok(), workspace, hold_days)?);
            }
        }
        waiting_now.push((at, waits));
        // The creator's month counts this order's base for the orders after it.
        if let (Some(key), Some(collaboration)) = (month_key, o.collaboration_id) {
            if !set.rejected.contains_key(&(o.id, collaboration)) {
                let so_far = months.remove(&key).unwrap_or(Ok(zero));
                let next = match (so_far, &value) {
                    (Ok(m), Ok(v)) => m.minor.checked_add(v.in_workspace.minor).map(|minor| Money { minor, currency: workspace }).ok_or_else(super::rounding::too_large),
                    (Err(earlier), _) => Err(earlier),
                    (Ok(_), Err(refusal)) => Err(month_waits(o, refusal)),
                };
                months.insert(key, next);
            }
        }
    }
    write(conn, &set, new_lines, &waiting_now, now)
}

/// Books again every order waiting with one of `codes` (all waiting orders when empty): after
/// a rate was added, a rule set, a customer known.
pub fn book_waiting_orders(conn: &Connection, codes: &[&str], now: &str) -> Result<Booking> {
    let mut stmt = conn.prepare_cached("SELECT id, waiting_code FROM orders WHERE waiting_code <> ''")?;
    let ids: Vec<i64> = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        .filter_map(|r| match r {
            Ok((id, code)) if codes.is_empty() || codes.contains(&code.as_str()) => Some(Ok(id)),
            Ok(_) => None,
            Err(e) => Some(Err(e)),
        })
        .collect::<rusqlite::Result<_>>()?;
    book_orders(conn, &ids, now)
}

/// The collaborations an order's target is worked out for: the one it is attributed to and
/// every one it has lines for.
fn pairs_of(o: &OrderRow, lined: Option<&Vec<i64>>) -> Vec<i64> {
    let mut pairs: Vec<i64> = lined.cloned().unwrap_or_default();
    if let Some(c) = o.collaboration_id {
        if !pairs.contains(&c) {
            pairs.push(c);
        }
    }
    pairs
}

/// The rule an order's commission is worked out under, and its level; `None`: no rule at any
/// level; a refusal: a stored rule Chorus cannot read.
type ChosenRule = Option<Result<(Rule, RuleLevel), Refusal>>;

/// The rule an order keeps (its first line's) or, before its first line, the rule that applies
/// by precedence. `None`: no level has one. A stored rule Chorus cannot read is a refusal.
fn rule_for(set: &WorkingSet, order_id: i64, collaboration: i64) -> ChosenRule {
    if let Some(b) = set.booked.get(&(order_id, collaboration)) {
        return Some(Rule::from_machine_text(&b.first_rule).map(|r| (r, level_of(&b.first_level))));
    }
    let c = set.collaborations.get(&collaboration)?;
    let stored = [
        set.rules.by_owner.get(&("collaboration", collaboration)),
        set.rules.by_owner.get(&("creator", c.creator_id)),
        set.rules.by_owner.get(&("campaign", c.campaign_id)),
        set.rules.workspace.as_ref(),
    ];
    if let Some(Err(refusal)) = stored.iter().flatten().next() {
        return Some(Err(refusal.clone()));
    }
    let ok = |i: usize| stored[i].and_then(|r| r.as_ref().ok());
    let by_level = RulesByLevel { collaboration: ok(0), creator: ok(1), campaign: ok(2), workspace: ok(3) };
    rule_that_applies(&by_level).map(|applied| Ok((applied.rule.clone(), applied.level)))
}

fn no_rule() -> Refusal {
    Refusal::new(
        "no_rule",
        &[],
        "No commission rule applies to this order: set one for its collaboration, its creator, its campaign or the workspace, and the order will be counted. Until then nothing is owed.",
    )
}

/// An earlier order of the month that cannot be counted: later orders under a tiered rule wait
/// with it (the same code, so a new rate books them too).
fn month_waits(earlier: &OrderRow, refusal: &Refusal) -> Refusal {
    let mut params: Vec<(&'static str, String)> = refusal.params.iter().map(|(k, v)| (*k, v.clone())).collect();
    params.push(("earlier_order", earlier.number.clone()));
    Refusal::new(
        refusal.code,
        &params,
        format!("The tier of this order depends on an earlier order of the creator's month, {}, which cannot be counted yet: {}", earlier.number, refusal.message),
    )
}
