//! The money audit log as the window reads it: every change to what creators are owed or paid
//! (runs computed, finalised, paid and discarded; fees due; adjustments; commissions rejected
//! or reassigned; commission rules and exchange rates set), newest first, filtered by creator
//! and by run, a page at a time.
//!
//! Contract: read only; what is shown is what `audit_log` holds, never rewritten. The
//! creator's name is read from the roster now (a creator deleted since keeps the entry, named
//! by what the entry says). The filters use the log's own indexes (`audit_log_by_creator`,
//! `audit_log_by_run`).

use crate::error::Result;
use crate::sales::order_list::Page;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

/// Which entries: all money changes, or one creator's, or one run's (both: both hold).
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MoneyLogFilter {
    pub creator_id: Option<i64>,
    pub run_id: Option<i64>,
}

/// One entry of the log.
#[derive(Debug, Clone, Serialize)]
pub struct MoneyLogEntry {
    pub id: i64,
    /// UTC, RFC 3339.
    pub at: String,
    /// `app`, `cli`, `import`, `demo`.
    pub actor: String,
    /// What changed: `payout_run`, `collaboration` (its fee), `payout_adjustment`, `order`,
    /// `commission_rule`, `exchange_rate`.
    pub entity: String,
    pub entity_id: Option<i64>,
    /// `compute`, `finalise`, `paid`, `discard`, `fee_due`, `adjust`, …
    pub action: String,
    /// The entry's own words, as recorded.
    pub detail: String,
    pub creator_id: Option<i64>,
    pub creator_name: Option<String>,
    pub run_id: Option<i64>,
}

/// One page of the log, and how many entries the filter holds.
#[derive(Debug, Clone, Serialize)]
pub struct MoneyLogPage {
    pub total: i64,
    pub offset: u32,
    pub rows: Vec<MoneyLogEntry>,
}

/// What counts as a money change among the log's entries.
const MONEY: &str = "(a.creator_id IS NOT NULL OR a.run_id IS NOT NULL
    OR a.entity IN ('commission_rule', 'exchange_rate')
    OR (a.entity = 'order' AND a.action IN ('reject_commission', 'attribute', 'unattribute')))";

/// The money changes under `filter`, newest first.
pub fn money_log(conn: &Connection, filter: &MoneyLogFilter, page: Page) -> Result<MoneyLogPage> {
    let wanted = format!("{MONEY} AND (?1 IS NULL OR a.creator_id = ?1) AND (?2 IS NULL OR a.run_id = ?2)");
    let total: i64 = conn.query_row(&format!("SELECT count(*) FROM audit_log a WHERE {wanted}"), params![filter.creator_id, filter.run_id], |r| r.get(0))?;
    let mut stmt = conn.prepare(&format!(
        "SELECT a.id, a.at, a.actor, a.entity, a.entity_id, a.action, a.detail, a.creator_id, c.display_name, a.run_id
         FROM audit_log a LEFT JOIN creators c ON c.id = a.creator_id
         WHERE {wanted} ORDER BY a.id DESC LIMIT ?3 OFFSET ?4"
    ))?;
    let rows = stmt
        .query_map(params![filter.creator_id, filter.run_id, page.rows(), page.offset], |r| {
            Ok(MoneyLogEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                entity: r.get(3)?,
                entity_id: r.get(4)?,
                action: r.get(5)?,
                detail: r.get(6)?,
                creator_id: r.get(7)?,
                creator_name: r.get(8)?,
                run_id: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(MoneyLogPage { total, offset: page.offset, rows })
}

/// The creators the log names, by name, for the window's filter.
pub fn logged_creators(conn: &Connection) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare(
        "SELECT c.id, c.display_name FROM creators c WHERE c.id IN (SELECT DISTINCT creator_id FROM audit_log WHERE creator_id IS NOT NULL)
         ORDER BY c.display_name COLLATE NOCASE, c.id",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use crate::payouts::runs::list_runs;

    fn demo_ws() -> crate::Workspace {
        let mut ws = crate::Workspace::in_memory(&crate::workspace::settings::Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
        demo::fill(&mut ws).unwrap();
        ws
    }

    #[test]
    fn the_log_holds_every_run_step_and_filters_by_run_and_creator() {
        let ws = demo_ws();
        let all = money_log(ws.conn(), &MoneyLogFilter::default(), Page::default()).unwrap();
        assert!(all.total > 0);
        assert!(all.rows.windows(2).all(|w| w[0].id > w[1].id), "newest first");
        let runs = list_runs(ws.conn()).unwrap();
        let paid = runs.iter().find(|r| r.paid > 0).expect("the demo's paid run");
        let of_run = money_log(ws.conn(), &MoneyLogFilter { run_id: Some(paid.id), creator_id: None }, Page::default()).unwrap();
        let actions: Vec<&str> = of_run.rows.iter().map(|e| e.action.as_str()).collect();
        assert!(actions.contains(&"finalise") && actions.contains(&"paid"), "{actions:?}");
        assert!(of_run.rows.iter().all(|e| e.run_id == Some(paid.id)));
        let someone = of_run.rows.iter().find_map(|e| e.creator_id).expect("a payment names its creator");
        let of_creator = money_log(ws.conn(), &MoneyLogFilter { creator_id: Some(someone), run_id: None }, Page::default()).unwrap();
        assert!(of_creator.total >= 1 && of_creator.rows.iter().all(|e| e.creator_id == Some(someone)));
        assert!(of_creator.rows.iter().all(|e| e.creator_name.as_deref().is_some_and(|n| !n.is_empty())));
        let both = money_log(ws.conn(), &MoneyLogFilter { creator_id: Some(someone), run_id: Some(paid.id) }, Page::default()).unwrap();
        assert!(both.rows.iter().all(|e| e.creator_id == Some(someone) && e.run_id == Some(paid.id)) && both.total >= 1);
        assert!(logged_creators(ws.conn()).unwrap().iter().any(|(id, _)| *id == someone));
    }

    #[test]
    fn the_log_leaves_out_what_is_not_money_and_pages() {
        let ws = demo_ws();
        let all = money_log(ws.conn(), &MoneyLogFilter::default(), Page { offset: 0, limit: 500 }).unwrap();
        assert!(all.rows.iter().all(|e| e.entity != "campaign" && e.entity != "creator" && e.entity != "settings" && e.entity != "workspace"));
        let first = money_log(ws.conn(), &MoneyLogFilter::default(), Page { offset: 0, limit: 2 }).unwrap();
        let second = money_log(ws.conn(), &MoneyLogFilter::default(), Page { offset: 2, limit: 2 }).unwrap();
        assert_eq!(first.total, all.total);
        assert_eq!(first.rows.len(), 2.min(all.rows.len()));
        if all.rows.len() > 2 {
            assert_eq!(second.rows[0].id, all.rows[2].id);
        }
    }
}
