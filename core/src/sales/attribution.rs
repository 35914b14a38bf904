//! Attribution: which collaboration an order belongs to, by the rule a person can read, stored
//! on the order (`orders.attribution`, `collaboration_id`, `attribution_reason`).
//!
//! Contract ([`Attributor::decide`]):
//! - A discount code beats a link. The order's codes (folded with `sales::codes::code_key`)
//!   are looked up among the collaborations' `discount_code_key`. Codes of two different
//!   creators: `review` / `two_creators`, earning nothing until a person decides. Codes of one
//!   creator: the first of its collaborations whose window holds the order is `attributed` /
//!   `code`; when none does, the first one's reason: `cancelled_collaboration` (cancelled
//!   before the order's time), `not_started` or `expired`.
//! - A collaboration's window runs from its `starts_on` (else its campaign's; else always) to
//!   its `ends_on` (else its campaign's; else forever) plus the workspace's
//!   `attribution_grace_days`, on the order's shop day (`placed_on`), whatever its status today,
//!   unless `cancelled_at` is before the order's time (`placed_at_utc`).
//! - Codes nobody holds (a shop's own `WELCOME5`) do not stop a link: an order with no
//!   creator's code is attributed by its link when its `utm_campaign` is a campaign's
//!   `utm_slug` and its `utm_content` a handle of a creator in that campaign (both compared as
//!   `sales::links::utm_value` writes them: lower case, no spaces), in the same window, reason
//!   `link`. Without either: `unknown_code` when it carried codes, else `no_code`.
//! - An order decided by a person (`attribution_manual = 1`) is never changed here.
//! - [`reattribute_orders_with_codes`] and [`reattribute_collaboration`] decide again the
//!   orders a change of codes or of a collaboration can move ([`reattribute_all`]: every
//!   order, after the grace days changed), write what changed (with
//!   `updated_at`), and return those orders; the caller books them
//!   (`commissions::ledger::book_orders`) in the same transaction.

use crate::error::Result;
use crate::sales::codes::code_key;
use crate::sales::links::utm_value;
use chrono::{Days, NaiveDate};
use rusqlite::{params, Connection};
use serde::Serialize;
use std::collections::HashMap;

/// Where an order stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Attributed,
    Unattributed,
    Review,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Attributed => "attributed",
            State::Unattributed => "unattributed",
            State::Review => "review",
        }
    }
}

/// Why (stored as `attribution_reason`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    Code,
    Link,
    Manual,
    NoCode,
    UnknownCode,
    NotStarted,
    Expired,
    CancelledCollaboration,
    TwoCreators,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Code => "code",
            Reason::Link => "link",
            Reason::Manual => "manual",
            Reason::NoCode => "no_code",
            Reason::UnknownCode => "unknown_code",
            Reason::NotStarted => "not_started",
            Reason::Expired => "expired",
            Reason::CancelledCollaboration => "cancelled_collaboration",
            Reason::TwoCreators => "two_creators",
        }
    }
}

/// What the rule says of one order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Decision {
    pub state: State,
    pub collaboration_id: Option<i64>,
    pub reason: Reason,
}

impl Decision {
    fn attributed(collaboration_id: i64, reason: Reason) -> Decision {
        Decision { state: State::Attributed, collaboration_id: Some(collaboration_id), reason }
    }

    fn unattributed(reason: Reason) -> Decision {
        Decision { state: State::Unattributed, collaboration_id: None, reason }
    }
}

/// What the rule looks at of an order.
#[derive(Debug, Clone, Copy)]
pub struct OrderFacts<'a> {
    /// Its codes' keys (`sales::codes::code_key`), in the file's order.
    pub code_keys: &'a [String],
    /// The shop's calendar day of the order.
    pub placed_on: NaiveDate,
    /// `YYYY-MM-DDTHH:MM:SSZ`.
    pub placed_at_utc: &'a str,
    pub utm_campaign: Option<&'a str>,
    pub utm_content: Option<&'a str>,
}

/// One collaboration as the rule sees it.
#[derive(Debug, Clone)]
struct Window {
    collaboration_id: i64,
    creator_id: i64,
    starts_on: Option<NaiveDate>,
    /// The end plus the grace days.
    counts_until: Option<NaiveDate>,
    /// `YYYY-MM-DDTHH:MM:SSZ`, as `updated_at` writes it.
    cancelled_at: Option<String>,
}

impl Window {
    /// `None` when the window holds the order, else why not.
    fn refuses(&self, facts: &OrderFacts<'_>) -> Option<Reason> {
        if self.cancelled_at.as_deref().is_some_and(|at| at < facts.placed_at_utc) {
            Some(Reason::CancelledCollaboration)
        } else if self.starts_on.is_some_and(|start| facts.placed_on < start) {
            Some(Reason::NotStarted)
        } else if self.counts_until.is_some_and(|end| facts.placed_on > end) {
            Some(Reason::Expired)
        } else {
            None
        }
    }
}

/// The workspace's collaborations, codes and links, loaded once to decide many orders.
pub struct Attributor {
    windows: Vec<Window>,
    by_code: HashMap<String, usize>,
    /// (campaign slug, handle) as `utm_value` writes them → window; `None` when two creators
    /// of one campaign share that handle on different platforms (the link cannot tell).
    by_link: HashMap<(String, String), Option<usize>>,
}

impl Attributor {
    /// Loads every collaboration that has a code or belongs to a campaign with a UTM value.
    pub fn load(conn: &Connection) -> Result<Attributor> {
        let grace: i64 = conn.query_row("SELECT attribution_grace_days FROM workspace_settings WHERE id = 1", [], |r| r.get(0))?;
        let day = |text: Option<String>| text.and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok());
        let mut stmt = conn.prepare(
            "SELECT c.id, c.creator_id, c.discount_code_key, coalesce(c.starts_on, k.starts_on), coalesce(c.ends_on, k.ends_on),
                    c.cancelled_at, k.utm_slug
             FROM collaborations c JOIN campaigns k ON k.id = c.campaign_id
             WHERE c.discount_code_key <> '' OR k.utm_slug <> ''",
        )?;
        let mut windows = Vec::new();
        let mut by_code = HashMap::new();
        let mut slugs: Vec<(usize, String)> = Vec::new();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let key: String = r.get(2)?;
            let ends_on = day(r.get(4)?);
            let w = Window {
                collaboration_id: r.get(0)?,
                creator_id: r.get(1)?,
                starts_on: day(r.get(3)?),
                counts_until: ends_on.map(|end| end.checked_add_days(Days::new(grace.max(0) as u64)).unwrap_or(NaiveDate::MAX)),
                cancelled_at: r.get(5)?,
            };
            let slug: String = r.get(6)?;
            if !key.is_empty() {
                by_code.insert(key, windows.len());
            }
            if !slug.is_empty() {
                slugs.push((windows.len(), utm_value(&slug)));
            }
            windows.push(w);
        }
        let mut by_link = HashMap::new();
        if !slugs.is_empty() {
            let mut handles: HashMap<i64, Vec<String>> = HashMap::new();
            let mut stmt = conn.prepare(
                "SELECT creator_id, handle FROM handles WHERE creator_id IN
                    (SELECT c.creator_id FROM collaborations c JOIN campaigns k ON k.id = c.campaign_id WHERE k.utm_slug <> '')",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                handles.entry(r.get(0)?).or_default().push(utm_value(&r.get::<_, String>(1)?));
            }
            for (i, slug) in slugs {
                for handle in handles.get(&windows[i].creator_id).into_iter().flatten() {
                    let creator = windows[i].creator_id;
                    by_link
                        .entry((slug.clone(), handle.clone()))
                        .and_modify(|found: &mut Option<usize>| {
                            if found.is_some_and(|f| windows[f].creator_id != creator) {
                                *found = None;
                            }
                        })
                        .or_insert(Some(i));
                }
            }
        }
        Ok(Attributor { windows, by_code, by_link })
    }

    /// The rule's decision for one order (see the module's contract).
    pub fn decide(&self, facts: &OrderFacts<'_>) -> Decision {
        let mut held: Vec<&Window> = Vec::new();
        for key in facts.code_keys {
            if let Some(&i) = self.by_code.get(key) {
                let w = &self.windows[i];
                if !held.iter().any(|h| h.collaboration_id == w.collaboration_id) {
                    held.push(w);
                }
            }
        }
        if let Some(first) = held.first() {
            if held.iter().any(|w| w.creator_id != first.creator_id) {
                return Decision { state: State::Review, collaboration_id: None, reason: Reason::TwoCreators };
            }
            if let Some(w) = held.iter().find(|w| w.refuses(facts).is_none()) {
                return Decision::attributed(w.collaboration_id, Reason::Code);
            }
            return Decision::unattributed(first.refuses(facts).expect("no window held the order"));
        }
        if let Some(w) = self.by_link(facts) {
            return match w.refuses(facts) {
                None => Decision::attributed(w.collaboration_id, Reason::Link),
                Some(reason) => Decision::unattributed(reason),
            };
        }
        Decision::unattributed(if facts.code_keys.is_empty() { Reason::NoCode } else { Reason::UnknownCode })
    }

    fn by_link(&self, facts: &OrderFacts<'_>) -> Option<&Window> {
        let (campaign, content) = (facts.utm_campaign?, facts.utm_content?);
        let key = (utm_value(campaign), utm_value(content.trim_start_matches('@')));
        self.by_link.get(&key).copied().flatten().map(|i| &self.windows[i])
    }
}

/// Whether collaboration `collaboration_id`'s window (dates, grace days, cancellation) holds
/// stored order `order_id`, by the same rule as [`Attributor::decide`].
pub fn window_holds(conn: &Connection, collaboration_id: i64, order_id: i64) -> Result<bool> {
    let grace: i64 = conn.query_row("SELECT attribution_grace_days FROM workspace_settings WHERE id = 1", [], |r| r.get(0))?;
    let day = |text: Option<String>| text.and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok());
    let (starts, ends, cancelled_at): (Option<String>, Option<String>, Option<String>) = conn.query_row(
        "SELECT coalesce(c.starts_on, k.starts_on), coalesce(c.ends_on, k.ends_on), c.cancelled_at FROM collaborations c JOIN campaigns k ON k.id = c.campaign_id WHERE c.id = ?1",
        [collaboration_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let (placed_on, placed_at_utc): (String, String) = conn.query_row("SELECT placed_on, placed_at_utc FROM orders WHERE id = ?1", [order_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let w = Window {
        collaboration_id,
        creator_id: 0,
        starts_on: day(starts),
        counts_until: day(ends).map(|end| end.checked_add_days(Days::new(grace.max(0) as u64)).unwrap_or(NaiveDate::MAX)),
        cancelled_at,
    };
    let facts = OrderFacts { code_keys: &[], placed_on: day(Some(placed_on)).unwrap_or(NaiveDate::MIN), placed_at_utc: &placed_at_utc, utm_campaign: None, utm_content: None };
    Ok(w.refuses(&facts).is_none())
}

/// The codes' keys of an order as written.
pub fn keys_of(codes: &[String]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::with_capacity(codes.len());
    for c in codes {
        let k = code_key(c);
        if !k.is_empty() && !keys.contains(&k) {
            keys.push(k);
        }
    }
    keys
}

/// Attributes again every order that carries one of `code_keys` (codes folded with
/// `sales::codes::code_key`) and was not attributed by hand, after codes were given, changed or
/// taken away. Returns the orders whose attribution changed; the caller books them
/// (`commissions::ledger::book_orders`) in the same transaction.
pub fn reattribute_orders_with_codes(conn: &Connection, code_keys: &[String], now: &str) -> Result<Vec<i64>> {
    let mut ids = Vec::new();
    let mut stmt = conn.prepare_cached("SELECT order_id FROM order_codes WHERE code_key = ?1")?;
    for key in code_keys {
        let found = stmt.query_map([key], |r| r.get::<_, i64>(0))?;
        for id in found {
            ids.push(id?);
        }
    }
    reattribute(conn, ids, now)
}

/// Attributes again the orders a collaboration could hold after its dates, status or code
/// changed: those carrying its code, those attributed to it, and those whose link names its
/// campaign. Returns the orders whose attribution changed; the caller books them.
pub fn reattribute_collaboration(conn: &Connection, collaboration_id: i64, now: &str) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.id FROM order_codes oc JOIN orders o ON o.id = oc.order_id
           JOIN collaborations c ON c.discount_code_key = oc.code_key WHERE c.id = ?1 AND c.discount_code_key <> ''
         UNION SELECT id FROM orders WHERE collaboration_id = ?1
         UNION SELECT o.id FROM orders o JOIN collaborations c ON c.id = ?1 JOIN campaigns k ON k.id = c.campaign_id
           WHERE k.utm_slug <> '' AND o.utm_campaign = k.utm_slug COLLATE NOCASE",
    )?;
    let ids = stmt.query_map([collaboration_id], |r| r.get::<_, i64>(0))?.collect::<rusqlite::Result<Vec<i64>>>()?;
    reattribute(conn, ids, now)
}

/// Attributes again every order not decided by a person: after the grace days changed.
/// Returns the orders whose attribution changed; the caller books them.
pub fn reattribute_all(conn: &Connection, now: &str) -> Result<Vec<i64>> {
    let ids = conn.prepare("SELECT id FROM orders WHERE attribution_manual = 0")?.query_map([], |r| r.get::<_, i64>(0))?.collect::<rusqlite::Result<Vec<i64>>>()?;
    reattribute(conn, ids, now)
}

/// Decides `ids` again (manual ones are left as they are) and writes what changed.
fn reattribute(conn: &Connection, mut ids: Vec<i64>, now: &str) -> Result<Vec<i64>> {
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(ids);
    }
    let attributor = Attributor::load(conn)?;
    let mut order = conn.prepare_cached(
        "SELECT placed_on, placed_at_utc, utm_campaign, utm_content, attribution, collaboration_id, attribution_reason
         FROM orders WHERE id = ?1 AND attribution_manual = 0",
    )?;
    let mut codes = conn.prepare_cached("SELECT code_key FROM order_codes WHERE order_id = ?1 ORDER BY position")?;
    let mut changed = Vec::new();
    for id in ids {
        let stored = order
            .query_row([id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?, r.get::<_, Option<String>>(3)?, r.get::<_, String>(4)?, r.get::<_, Option<i64>>(5)?, r.get::<_, String>(6)?))
            })
            .map(Some)
            .or_else(|e| if matches!(e, rusqlite::Error::QueryReturnedNoRows) { Ok(None) } else { Err(e) })?;
        let Some((placed_on, placed_at_utc, campaign, content, state, collaboration, reason)) = stored else { continue };
        let keys: Vec<String> = codes.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        let placed_on = NaiveDate::parse_from_str(&placed_on, "%Y-%m-%d").unwrap_or(NaiveDate::MIN);
        let facts = OrderFacts { code_keys: &keys, placed_on, placed_at_utc: &placed_at_utc, utm_campaign: campaign.as_deref(), utm_content: content.as_deref() };
        let d = attributor.decide(&facts);
        if d.state.as_str() != state || d.collaboration_id != collaboration || d.reason.as_str() != reason {
            write_decision(conn, id, &d, now)?;
            changed.push(id);
        }
    }
    Ok(changed)
}

/// Writes the rule's decision on an order.
pub(crate) fn write_decision(conn: &Connection, order_id: i64, d: &Decision, now: &str) -> Result<()> {
    conn.prepare_cached("UPDATE orders SET attribution = ?2, collaboration_id = ?3, attribution_reason = ?4, updated_at = ?5 WHERE id = ?1")?
        .execute(params![order_id, d.state.as_str(), d.collaboration_id, d.reason.as_str(), now])?;
    Ok(())
}

#[cfg(test)]
#[path = "attribution_tests.rs"]
mod tests;
