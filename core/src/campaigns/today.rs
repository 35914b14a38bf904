//! The Today view: what needs doing now in one workspace (overdue and due deliverables, gifts to
//! ship, delivered gifts without a post, usage rights running out, idle collaborations), and the
//! same for several client workspaces side by side.
//!
//! Contract: the day is passed in, never read from the clock here, so the same data and day give
//! the same view. Each section holds its true `total` and at most [`SECTION_LIMIT`] items
//! ([`ACROSS_LIMIT`] in the overview of several clients), the
//! most urgent first, each with the ids to jump to where the work is done. Cancelled
//! collaborations never ask for anything, nor do archived campaigns, except that usage rights
//! still warn before they end (the brand may still be using those posts). Every query reads
//! through the migration's partial indexes, so the cost follows what is open, not the size of
//! the file. [`across`] opens each
//! workspace on its own (one client's data never reaches another's entry), reports a missing,
//! damaged or newer file as an error entry, and never migrates an older file from the overview.

use super::board::vocab;
use super::{DeliverableStatus, ShipmentStatus};
use crate::error::{ErrorPayload, Result};
use crate::roster::model::{ContentFormat, Platform};
use crate::money::Currency;
use crate::workspace::settings::TodayRules;
use crate::workspace::{schema_version_of, Workspace, SCHEMA_VERSION};
use chrono::{Days, NaiveDate};
use rusqlite::types::Type;
use rusqlite::{Connection, Row, ToSql};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Items shown per section; `total` still counts them all.
pub const SECTION_LIMIT: usize = 50;

/// Items per section in the overview of several clients: the most urgent few of each, with
/// the true totals; the client's own Today lists the rest.
pub const ACROSS_LIMIT: usize = 10;

/// One workspace's Today.
#[derive(Debug, Clone, Serialize)]
pub struct Today {
    pub brand_name: String,
    pub currency: Currency,
    /// The day the view was computed for (`YYYY-MM-DD`).
    pub date: String,
    pub rules: TodayRules,
    /// Open deliverables due before today, oldest first; `days` = days overdue.
    pub overdue: Section<DeliverableItem>,
    /// Open deliverables due today or in the next six days, soonest first; `days` = days left.
    pub due_this_week: Section<DeliverableItem>,
    /// Gifts still to pack, oldest first; `days` = days since the shipment was made.
    pub gifts_to_ship: Section<ShipmentItem>,
    /// Gifts delivered at least `gift_no_post_days` ago for an agreed or active collaboration
    /// that has no live post, oldest first; `days` = days since delivery.
    pub gifts_without_post: Section<ShipmentItem>,
    /// Usage rights ending between today and `usage_warning_days` from now, soonest first;
    /// `days` = days left.
    pub usage_expiring: Section<CollaborationItem>,
    /// Agreed or active collaborations untouched for `idle_days` or more, longest first;
    /// `days` = days since the last activity.
    pub idle: Section<CollaborationItem>,
}

/// Up to [`SECTION_LIMIT`] items and how many there are in all.
#[derive(Debug, Clone, Serialize)]
pub struct Section<T> {
    pub total: i64,
    pub items: Vec<T>,
}

/// The collaboration an item belongs to, named, with the ids to open it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CollaborationRef {
    pub campaign_id: i64,
    pub campaign_name: String,
    pub collaboration_id: i64,
    pub creator_id: i64,
    pub creator_name: String,
}

/// A deliverable that is overdue or due soon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeliverableItem {
    #[serde(flatten)]
    pub collaboration: CollaborationRef,
    pub deliverable_id: i64,
    pub platform: Platform,
    pub format: ContentFormat,
    pub due_on: String,
    pub status: DeliverableStatus,
    pub days: i64,
}

/// A gift shipment that asks for action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShipmentItem {
    #[serde(flatten)]
    pub collaboration: CollaborationRef,
    pub shipment_id: i64,
    pub status: ShipmentStatus,
    pub carrier: String,
    pub tracking_number: String,
    pub delivered_on: Option<String>,
    pub days: i64,
}

/// A collaboration whose usage rights end soon or that has gone quiet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CollaborationItem {
    #[serde(flatten)]
    pub collaboration: CollaborationRef,
    pub usage_until: Option<String>,
    pub last_activity_on: String,
    pub days: i64,
}

/// One client's entry in the cross-workspace Today: its view, or why it has none.
#[derive(Debug, Clone, Serialize)]
pub struct ClientToday {
    pub path: String,
    /// The brand, or the file's name when the file could not be read.
    pub brand_name: String,
    pub today: Option<Today>,
    /// The file is from an older Chorus: open it on its own to update it (a backup is made).
    pub needs_update: bool,
    pub error: Option<ErrorPayload>,
}

/// The columns every item starts with (indexes 0–4), and the joins that name them.
const REF_COLUMNS: &str = "c.campaign_id, k.name, c.id, c.creator_id, p.display_name";
/// `CROSS JOIN` keeps SQLite from naming rows before it has found them.
const REF_JOINS: &str = "CROSS JOIN campaigns k ON k.id = c.campaign_id CROSS JOIN creators p ON p.id = c.creator_id";

/// The columns each kind of section reads after the [`REF_COLUMNS`].
const SHIPMENT_COLUMNS: &str = "s.id, s.status, s.carrier, s.tracking_number, s.delivered_on, s.created_at";
const COLLABORATIONS: &str = "collaborations c";
const COLLABORATION_COLUMNS: &str = "c.usage_until, c.last_activity_on";

/// ?1 = today.
const OVERDUE: Query = deliverable_query("d.status NOT IN ('published', 'verified', 'missed') AND d.collaboration_cancelled = 0 AND d.campaign_archived = 0 AND d.due_on < ?1");
/// ?1 = today, ?2 = six days on.
const DUE_THIS_WEEK: Query =
    deliverable_query("d.status NOT IN ('published', 'verified', 'missed') AND d.collaboration_cancelled = 0 AND d.campaign_archived = 0 AND d.due_on BETWEEN ?1 AND ?2");
/// A gift for a cancelled collaboration is not shipped, so it does not ask to be.
const GIFTS_TO_SHIP: Query = Query {
    from: "gift_shipments s",
    join: "CROSS JOIN collaborations c ON c.id = s.collaboration_id",
    filter: "s.status = 'to_pack' AND s.collaboration_cancelled = 0 AND s.campaign_archived = 0",
    order: "s.created_at, s.id",
    columns: SHIPMENT_COLUMNS,
};
/// ?1 = the last delivery day that is quiet for too long. Only an agreed or active
/// collaboration owes a post (a proposed one was not agreed, a completed one is closed); the
/// schema's triggers keep `awaiting_post` for exactly those gifts, so the search reads the
/// `gift_shipments_awaiting_post` index, not every gift ever delivered.
const GIFTS_WITHOUT_POST: Query = Query {
    from: "gift_shipments s",
    join: "CROSS JOIN collaborations c ON c.id = s.collaboration_id",
    filter: "s.awaiting_post = 1 AND s.campaign_archived = 0 AND s.delivered_on <= ?1",
    order: "s.delivered_on, s.id",
    columns: SHIPMENT_COLUMNS,
};
/// ?1 = today, ?2 = the last day of the warning window.
const USAGE_EXPIRING: Query = Query {
    from: COLLABORATIONS,
    join: "",
    filter: "c.usage_until IS NOT NULL AND c.status <> 'cancelled' AND c.usage_until BETWEEN ?1 AND ?2",
    order: "c.usage_until, c.id",
    columns: COLLABORATION_COLUMNS,
};
/// ?1 = the last activity day that counts as idle.
const IDLE: Query = Query {
    from: COLLABORATIONS,
    join: "",
    filter: "c.status IN ('agreed', 'active') AND c.campaign_archived = 0 AND c.last_activity_on <= ?1",
    order: "c.last_activity_on, c.id",
    columns: COLLABORATION_COLUMNS,
};

/// Days the "due" section looks ahead in the window's Today: today and the six days after.
pub const DUE_DAYS: u32 = 7;

/// The Today view of `ws` on the day `today`.
pub fn today(ws: &Workspace, today: NaiveDate) -> Result<Today> {
    today_within(ws, today, DUE_DAYS, SECTION_LIMIT)
}

/// The Today view with the "due" section over `due_days` days from `today` (today included;
/// at least 1; the section keeps its name `due_this_week`) and at most `limit` items a section.
pub fn today_within(ws: &Workspace, today: NaiveDate, due_days: u32, limit: usize) -> Result<Today> {
    let conn = ws.conn();
    let settings = ws.settings()?;
    let rules = settings.today;
    // Settings allow 1–365 days; a hand-edited file cannot push a date out of range.
    let shift = |days: i64, forward: bool| {
        let n = Days::new(days.clamp(0, 3650) as u64);
        let moved = if forward { today.checked_add_days(n) } else { today.checked_sub_days(n) };
        moved.unwrap_or(today).to_string()
    };
    let now = today.to_string();
    let week_end = shift(i64::from(due_days.max(1)) - 1, true);
    let (gift_cutoff, usage_end, idle_cutoff) = (shift(rules.gift_no_post_days, false), shift(rules.usage_warning_days, true), shift(rules.idle_days, false));
    // One read transaction: every section comes from the same moment.
    let snapshot = conn.unchecked_transaction()?;
    let view = Today {
        brand_name: settings.brand_name.clone(),
        currency: settings.currency(),
        date: now.clone(),
        rules,
        overdue: section(conn, OVERDUE, limit, &[&now], |at, r| deliverable_item(at, r, |due| (today - due).num_days()))?,
        due_this_week: section(conn, DUE_THIS_WEEK, limit, &[&now, &week_end], |at, r| deliverable_item(at, r, |due| (due - today).num_days()))?,
        gifts_to_ship: section(conn, GIFTS_TO_SHIP, limit, &[], |at, r| shipment_item(at, r, (today - date_at(r, 10)?).num_days()))?,
        gifts_without_post: section(conn, GIFTS_WITHOUT_POST, limit, &[&gift_cutoff], |at, r| shipment_item(at, r, (today - date_at(r, 9)?).num_days()))?,
        usage_expiring: section(conn, USAGE_EXPIRING, limit, &[&now, &usage_end], |at, r| collaboration_item(at, r, (date_at(r, 5)? - today).num_days()))?,
        idle: section(conn, IDLE, limit, &[&idle_cutoff], |at, r| collaboration_item(at, r, (today - date_at(r, 6)?).num_days()))?,
    };
    snapshot.finish()?;
    Ok(view)
}

/// The Today view of each workspace in `paths`, in that order. A file that cannot be shown
/// becomes an entry with the error (or `needs_update` for an older Chorus file, left unmigrated).
/// Files are read a few at a time, one connection each, as the computer has cores.
/// Each section holds at most [`ACROSS_LIMIT`] items.
pub fn across(paths: &[PathBuf], today: NaiveDate) -> Vec<ClientToday> {
    across_within(paths, today, DUE_DAYS, ACROSS_LIMIT)
}

/// [`across`] with the "due" section over `due_days` days and `limit` items a section, as
/// [`today_within`].
pub fn across_within(paths: &[PathBuf], today: NaiveDate, due_days: u32, limit: usize) -> Vec<ClientToday> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let share = paths.len().div_ceil(workers).max(1);
    std::thread::scope(|scope| {
        let parts: Vec<_> = paths.chunks(share).map(|part| scope.spawn(move || part.iter().map(|path| client_today(path, today, due_days, limit)).collect::<Vec<_>>())).collect();
        parts.into_iter().flat_map(|part| part.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    })
}

/// One client's entry: its Today, `needs_update` for an older file, or the error.
fn client_today(path: &Path, day: NaiveDate, due_days: u32, limit: usize) -> ClientToday {
    let file_name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut entry = ClientToday { path: path.display().to_string(), brand_name: file_name, today: None, needs_update: false, error: None };
    let view = match schema_version_of(path) {
        Ok(version) if version < SCHEMA_VERSION => {
            entry.needs_update = true;
            return entry;
        }
        Ok(_) => Workspace::open_for_reading(path).and_then(|ws| today_within(&ws, day, due_days, limit)),
        Err(e) => Err(e),
    };
    match view {
        Ok(view) => {
            entry.brand_name = view.brand_name.clone();
            entry.today = Some(view);
        }
        Err(e) => entry.error = Some(e.to_payload()),
    }
    entry
}

/// One section's query: `FROM {from} WHERE {filter} ORDER BY {order}`.
#[derive(Clone, Copy)]
struct Query {
    from: &'static str,
    /// What the page adds to `from` to reach the collaboration `c` (the count needs none).
    join: &'static str,
    filter: &'static str,
    order: &'static str,
    /// Read after the [`REF_COLUMNS`], from index 5 on.
    columns: &'static str,
}

/// Expected deliverables by due date; the filter holds the predicate of the
/// `deliverables_due_in_use` index, so SQLite counts in that index alone.
const fn deliverable_query(filter: &'static str) -> Query {
    Query {
        from: "deliverables d",
        join: "CROSS JOIN collaborations c ON c.id = d.collaboration_id",
        filter,
        order: "d.due_on, d.id",
        columns: "d.id, d.platform, d.format, d.due_on, d.status",
    }
}

impl Query {
    /// How many items the section has.
    fn count_sql(self) -> String {
        format!("SELECT count(*) FROM {} WHERE {}", self.from, self.filter)
    }

    /// The first `limit` items, named.
    fn page_sql(self, limit: usize) -> String {
        format!(
            "SELECT {REF_COLUMNS}, {} FROM {} {} {REF_JOINS} WHERE {} ORDER BY {} LIMIT {limit}",
            self.columns, self.from, self.join, self.filter, self.order
        )
    }
}

/// Counts a section and reads its first `limit` items.
fn section<T>(conn: &Connection, q: Query, limit: usize, params: &[&dyn ToSql], item: impl Fn(CollaborationRef, &Row) -> rusqlite::Result<T>) -> Result<Section<T>> {
    let total: i64 = conn.prepare_cached(&q.count_sql())?.query_row(params, |r| r.get(0))?;
    if total == 0 {
        return Ok(Section { total, items: Vec::new() });
    }
    let items = conn
        .prepare_cached(&q.page_sql(limit))?
        .query_map(params, |r| {
            let at = CollaborationRef { campaign_id: r.get(0)?, campaign_name: r.get(1)?, collaboration_id: r.get(2)?, creator_id: r.get(3)?, creator_name: r.get(4)? };
            item(at, r)
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Section { total, items })
}

/// A deliverable row; `days` turns its due date into days overdue or left.
fn deliverable_item(at: CollaborationRef, r: &Row, days: impl Fn(NaiveDate) -> i64) -> rusqlite::Result<DeliverableItem> {
    Ok(DeliverableItem {
        collaboration: at,
        deliverable_id: r.get(5)?,
        platform: vocab(r, 6, Platform::parse)?,
        format: vocab(r, 7, ContentFormat::parse)?,
        due_on: r.get(8)?,
        status: vocab(r, 9, DeliverableStatus::parse)?,
        days: days(date_at(r, 8)?),
    })
}

/// A shipment row, `days` computed by the section.
fn shipment_item(at: CollaborationRef, r: &Row, days: i64) -> rusqlite::Result<ShipmentItem> {
    Ok(ShipmentItem {
        collaboration: at,
        shipment_id: r.get(5)?,
        status: vocab(r, 6, ShipmentStatus::parse)?,
        carrier: r.get(7)?,
        tracking_number: r.get(8)?,
        delivered_on: r.get(9)?,
        days,
    })
}

/// A collaboration row, `days` computed by the section.
fn collaboration_item(at: CollaborationRef, r: &Row, days: i64) -> rusqlite::Result<CollaborationItem> {
    Ok(CollaborationItem { collaboration: at, usage_until: r.get(5)?, last_activity_on: r.get(6)?, days })
}

/// The date at the start of a stored date or time (`2026-11-25`, `2026-11-25T07:02:49Z`).
fn date_at(r: &Row, i: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = r.get(i)?;
    text.get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .ok_or_else(|| rusqlite::Error::FromSqlConversionFailure(i, Type::Text, format!("not a date: {text:?}").into()))
}

/// Rows for tests of the read side, written with plain SQL.
#[cfg(test)]
pub(crate) mod fixture {
    use crate::roster::model::{CreatorDraft, HandleDraft};
    use crate::workspace::settings::Settings;
    use crate::workspace::Workspace;
    use rusqlite::params;

    /// An empty workspace of Studio Zon (EUR, nl-NL).
    pub fn workspace() -> Workspace {
        Workspace::in_memory(&Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap()
    }

    /// A creator with one Instagram handle of 12,400 followers.
    pub fn creator(ws: &mut Workspace, name: &str, handle: &str) -> i64 {
        let mut d = CreatorDraft { display_name: name.into(), ..Default::default() };
        d.handles.push(HandleDraft { platform: "instagram".into(), handle: handle.into(), followers: "12400".into(), ..Default::default() });
        crate::roster::creators::create(ws, &d).unwrap().id
    }

    /// A campaign with its dates and budget in minor units.
    pub fn campaign(ws: &Workspace, name: &str, starts_on: Option<&str>, ends_on: Option<&str>, budget_minor: i64) -> i64 {
        ws.conn()
            .execute(
                "INSERT INTO campaigns (name, goal, starts_on, ends_on, budget_minor, created_at, updated_at)
                 VALUES (?1, 'awareness', ?2, ?3, ?4, '2026-01-01T09:00:00Z', '2026-01-02T10:30:00Z')",
                params![name, starts_on, ends_on, budget_minor],
            )
            .unwrap();
        ws.conn().last_insert_rowid()
    }

    /// A collaboration with its (fee, gift value) in minor units; `last_activity_on` doubles as its start.
    pub fn collaboration(ws: &Workspace, campaign: i64, creator: i64, kind: &str, status: &str, (fee_minor, gift_minor): (i64, i64), last_activity_on: &str) -> i64 {
        ws.conn()
            .execute(
                "INSERT INTO collaborations (campaign_id, creator_id, kind, status, fee_minor, gift_value_minor, starts_on,
                     last_activity_on, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, '2026-01-01T09:00:00Z', '2026-01-02T10:30:00Z')",
                params![campaign, creator, kind, status, fee_minor, gift_minor, last_activity_on],
            )
            .unwrap();
        ws.conn().last_insert_rowid()
    }

    /// An Instagram deliverable.
    pub fn deliverable(ws: &Workspace, collaboration: i64, format: &str, due_on: &str, status: &str) -> i64 {
        ws.conn()
            .execute(
                "INSERT INTO deliverables (collaboration_id, platform, format, due_on, status, created_at, updated_at)
                 VALUES (?1, 'instagram', ?2, ?3, ?4, '2026-01-01T09:00:00Z', '2026-01-02T10:30:00Z')",
                params![collaboration, format, due_on, status],
            )
            .unwrap();
        ws.conn().last_insert_rowid()
    }

    /// A shipment made on `created_on`, with its items as (quantity, unit retail in minor units).
    pub fn shipment(ws: &Workspace, collaboration: i64, status: &str, created_on: &str, delivered_on: Option<&str>, items: &[(i64, i64)]) -> i64 {
        let conn = ws.conn();
        conn.execute(
            "INSERT INTO gift_shipments (collaboration_id, status, carrier, tracking_number, delivered_on, created_at, updated_at)
             VALUES (?1, ?2, 'PostNL', '3STEST123', ?3, ?4 || 'T09:00:00Z', ?4 || 'T09:00:00Z')",
            params![collaboration, status, delivered_on, created_on],
        )
        .unwrap();
        let id = conn.last_insert_rowid();
        for (position, (quantity, retail)) in items.iter().enumerate() {
            conn.execute(
                "INSERT INTO gift_items (shipment_id, position, name, quantity, unit_cost_minor, unit_retail_minor) VALUES (?1, ?2, 'Linen shirt', ?3, 1000, ?4)",
                params![id, position as i64, quantity, retail],
            )
            .unwrap();
        }
        id
    }

    /// Runs SQL that adjusts the fixture.
    pub fn sql(ws: &Workspace, sql: &str) {
        ws.conn().execute_batch(sql).unwrap();
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::*;
    use super::*;
    use crate::workspace::settings::Settings;

    /// `2026-06-15` as a date.
    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    const TODAY: &str = "2026-06-15";

    #[test]
    fn deliverables_are_overdue_or_due_this_week_while_open() {
        let mut ws = workspace();
        let anna = creator(&mut ws, "Anna de Vries", "anna.zon");
        let bo = creator(&mut ws, "Bo Smit", "bo.smit");
        let summer = campaign(&ws, "Summer 2026", Some("2026-06-01"), Some("2026-07-31"), 500_000);
        let a = collaboration(&ws, summer, anna, "paid", "active", (50_000, 0), "2026-06-10");
        let b = collaboration(&ws, summer, bo, "gifted", "cancelled", (0, 5_000), "2026-06-10");
        let late = deliverable(&ws, a, "reel", "2026-06-10", "in_production");
        let later = deliverable(&ws, a, "story", "2026-06-14", "planned");
        deliverable(&ws, a, "post", "2026-06-01", "published");
        deliverable(&ws, a, "post", "2026-06-02", "missed");
        deliverable(&ws, b, "post", "2026-06-03", "planned"); // cancelled: never asks
        let due_today = deliverable(&ws, a, "carousel", TODAY, "submitted");
        let in_six = deliverable(&ws, a, "post", "2026-06-21", "approved");
        deliverable(&ws, a, "post", "2026-06-22", "planned"); // next week
        deliverable(&ws, a, "video", "2026-06-16", "verified"); // live already

        let t = today(&ws, day(TODAY)).unwrap();
        assert_eq!(t.overdue.total, 2);
        let overdue: Vec<(i64, i64)> = t.overdue.items.iter().map(|i| (i.deliverable_id, i.days)).collect();
        assert_eq!(overdue, vec![(late, 5), (later, 1)], "oldest first, days overdue");
        let first = &t.overdue.items[0];
        assert_eq!(
            first.collaboration,
            CollaborationRef { campaign_id: summer, campaign_name: "Summer 2026".into(), collaboration_id: a, creator_id: anna, creator_name: "Anna de Vries".into() }
        );
        assert_eq!((first.platform, first.format, first.status), (Platform::Instagram, ContentFormat::Reel, DeliverableStatus::InProduction));
        let week: Vec<(i64, i64)> = t.due_this_week.items.iter().map(|i| (i.deliverable_id, i.days)).collect();
        assert_eq!(week, vec![(due_today, 0), (in_six, 6)], "soonest first, days left");
        assert_eq!((t.brand_name.as_str(), t.currency.code(), t.date.as_str()), ("Studio Zon", "EUR", TODAY));
    }

    #[test]
    fn an_archived_campaign_stops_nagging_on_today_but_its_usage_rights_still_warn() {
        let mut ws = workspace();
        let anna = creator(&mut ws, "Anna de Vries", "anna.zon");
        let bo = creator(&mut ws, "Bo Smit", "bo.smit");
        let spring = campaign(&ws, "Spring 2026", Some("2026-03-01"), Some("2026-04-30"), 0);
        let a = collaboration(&ws, spring, anna, "gifted", "active", (0, 5_000), "2026-04-01");
        deliverable(&ws, a, "reel", "2026-04-20", "planned"); // overdue
        deliverable(&ws, a, "story", "2026-06-16", "planned"); // due this week
        shipment(&ws, a, "to_pack", "2026-04-02", None, &[(1, 2_000)]);
        shipment(&ws, a, "delivered", "2026-04-03", Some("2026-04-05"), &[(1, 2_000)]);
        sql(&ws, &format!("UPDATE collaborations SET usage_until = '2026-06-30' WHERE id = {a}"));
        let b = collaboration(&ws, spring, bo, "paid", "agreed", (10_000, 0), "2026-04-01");
        let summary = |ws: &Workspace| {
            let t = today(ws, day(TODAY)).unwrap();
            [t.overdue.total, t.due_this_week.total, t.gifts_to_ship.total, t.gifts_without_post.total, t.idle.total, t.usage_expiring.total]
        };
        assert_eq!(summary(&ws), [1, 1, 1, 1, 2, 1]);

        crate::campaigns::campaign::archive(&mut ws, spring).unwrap();
        assert_eq!(summary(&ws), [0, 0, 0, 0, 0, 1], "only the usage rights still warn");
        // What is added to an archived campaign's collaborations stays quiet too.
        deliverable(&ws, b, "post", "2026-05-01", "planned");
        shipment(&ws, b, "to_pack", "2026-05-01", None, &[(1, 2_000)]);
        assert_eq!(summary(&ws), [0, 0, 0, 0, 0, 1]);

        crate::campaigns::campaign::restore(&mut ws, spring).unwrap();
        assert_eq!(summary(&ws), [2, 1, 2, 1, 2, 1], "restored, it all asks again");
    }

    #[test]
    fn sections_show_fifty_items_and_count_them_all() {
        let mut ws = workspace();
        let anna = creator(&mut ws, "Anna de Vries", "anna.zon");
        let summer = campaign(&ws, "Summer 2026", None, None, 0);
        let a = collaboration(&ws, summer, anna, "paid", "active", (50_000, 0), TODAY);
        for i in 0..60 {
            deliverable(&ws, a, "story", &format!("2026-05-{:02}", 1 + i % 28), "planned");
        }
        let t = today(&ws, day(TODAY)).unwrap();
        assert_eq!((t.overdue.total, t.overdue.items.len()), (60, SECTION_LIMIT));
        let overview = today_within(&ws, day(TODAY), DUE_DAYS, ACROSS_LIMIT).unwrap();
        assert_eq!((overview.overdue.total, overview.overdue.items.len()), (60, ACROSS_LIMIT), "the overview of clients lists fewer, counts all");
        assert_eq!(overview.overdue.items[..], t.overdue.items[..ACROSS_LIMIT], "the most urgent ones");
        assert!(t.overdue.items.windows(2).all(|w| w[0].due_on <= w[1].due_on));
    }

    #[test]
    fn the_schema_keeps_what_today_reads_in_step_with_every_change() {
        let mut ws = workspace();
        let anna = creator(&mut ws, "Anna de Vries", "anna.zon");
        let summer = campaign(&ws, "Summer 2026", None, None, 0);
        let a = collaboration(&ws, summer, anna, "gifted", "active", (0, 5_000), TODAY);
        deliverable(&ws, a, "reel", "2026-06-01", "planned");
        shipment(&ws, a, "delivered", "2026-05-20", Some("2026-05-25"), &[(1, 2_000)]);
        let counts = |ws: &Workspace| {
            let t = today(ws, day(TODAY)).unwrap();
            (t.overdue.total, t.gifts_without_post.total)
        };
        assert_eq!(counts(&ws), (1, 1));
        // Cancelled: nothing is expected any more; reopened: it all comes back.
        sql(&ws, &format!("UPDATE collaborations SET status = 'cancelled' WHERE id = {a}"));
        assert_eq!(counts(&ws), (0, 0));
        sql(&ws, &format!("UPDATE collaborations SET status = 'active' WHERE id = {a}"));
        assert_eq!(counts(&ws), (1, 1));
        // The post goes live, is taken back, goes live again and is deleted.
        let post = deliverable(&ws, a, "story", "2026-06-20", "published");
        assert_eq!(counts(&ws), (1, 0));
        sql(&ws, &format!("UPDATE deliverables SET status = 'approved' WHERE id = {post}"));
        assert_eq!(counts(&ws), (1, 1));
        sql(&ws, &format!("UPDATE deliverables SET status = 'verified' WHERE id = {post}"));
        assert_eq!(counts(&ws), (1, 0));
        sql(&ws, &format!("DELETE FROM deliverables WHERE id = {post}"));
        assert_eq!(counts(&ws), (1, 1));
        // Completed: the collaboration owes nothing more.
        sql(&ws, &format!("UPDATE collaborations SET status = 'completed' WHERE id = {a}"));
        assert_eq!(counts(&ws).1, 0);
        // A gift of a cancelled collaboration that is delivered later asks for nothing either.
        sql(&ws, &format!("UPDATE collaborations SET status = 'cancelled' WHERE id = {a}"));
        let late = shipment(&ws, a, "shipped", "2026-05-20", None, &[(1, 2_000)]);
        sql(&ws, &format!("UPDATE gift_shipments SET status = 'delivered', delivered_on = '2026-05-28' WHERE id = {late}"));
        assert_eq!(counts(&ws), (0, 0));
    }

    #[test]
    fn gifts_to_ship_and_delivered_gifts_without_a_post() {
        let mut ws = workspace();
        let anna = creator(&mut ws, "Anna de Vries", "anna.zon");
        let bo = creator(&mut ws, "Bo Smit", "bo.smit");
        let cas = creator(&mut ws, "Cas Bakker", "cas.b");
        let summer = campaign(&ws, "Summer 2026", None, None, 0);
        let a = collaboration(&ws, summer, anna, "gifted", "active", (0, 5_000), TODAY);
        let b = collaboration(&ws, summer, bo, "gifted", "active", (0, 5_000), TODAY);
        let c = collaboration(&ws, summer, cas, "gifted", "cancelled", (0, 5_000), TODAY);
        let newer = shipment(&ws, a, "to_pack", "2026-06-14", None, &[(1, 4_500)]);
        let older = shipment(&ws, b, "to_pack", "2026-06-01", None, &[(1, 4_500)]);
        shipment(&ws, c, "to_pack", "2026-05-01", None, &[(1, 4_500)]); // cancelled
        shipment(&ws, b, "shipped", "2026-06-01", None, &[(1, 4_500)]);
        // Delivered 14 days ago (the default threshold) with no post: flagged.
        let quiet = shipment(&ws, a, "delivered", "2026-05-25", Some("2026-06-01"), &[(2, 2_000)]);
        // Delivered 13 days ago: not yet.
        shipment(&ws, a, "delivered", "2026-05-26", Some("2026-06-02"), &[(1, 2_000)]);
        // Delivered long ago, but the creator posted.
        shipment(&ws, b, "delivered", "2026-04-01", Some("2026-04-05"), &[(1, 2_000)]);
        deliverable(&ws, b, "reel", "2026-04-20", "published");
        // A completed or proposed collaboration owes no post.
        let dewi = creator(&mut ws, "Dewi Kok", "dewi.kok");
        let eva = creator(&mut ws, "Eva Bos", "eva.bos");
        let done = collaboration(&ws, summer, dewi, "gifted", "completed", (0, 5_000), TODAY);
        let seeded = collaboration(&ws, summer, eva, "gifted", "proposed", (0, 5_000), TODAY);
        shipment(&ws, done, "delivered", "2026-04-01", Some("2026-04-05"), &[(1, 2_000)]);
        shipment(&ws, seeded, "delivered", "2026-04-01", Some("2026-04-05"), &[(1, 2_000)]);

        let t = today(&ws, day(TODAY)).unwrap();
        let to_ship: Vec<(i64, i64)> = t.gifts_to_ship.items.iter().map(|i| (i.shipment_id, i.days)).collect();
        assert_eq!(to_ship, vec![(older, 14), (newer, 1)], "oldest first, days waiting");
        assert_eq!(t.gifts_to_ship.items[0].carrier, "PostNL");
        let quiet_items: Vec<(i64, i64)> = t.gifts_without_post.items.iter().map(|i| (i.shipment_id, i.days)).collect();
        assert_eq!(quiet_items, vec![(quiet, 14)]);
        assert_eq!(t.gifts_without_post.items[0].delivered_on.as_deref(), Some("2026-06-01"));

        // A live post, even a verified one, answers the gift.
        deliverable(&ws, a, "story", "2026-06-05", "verified");
        assert_eq!(today(&ws, day(TODAY)).unwrap().gifts_without_post.total, 0);
    }

    #[test]
    fn usage_rights_ending_and_idle_collaborations_follow_the_thresholds() {
        let mut ws = workspace();
        let names = ["Anna de Vries", "Bo Smit", "Cas Bakker", "Dewi Kok", "Eva Bos"];
        let ids: Vec<i64> = names.iter().enumerate().map(|(i, n)| creator(&mut ws, n, &format!("handle{i}"))).collect();
        let summer = campaign(&ws, "Summer 2026", None, None, 0);
        let idle_long = collaboration(&ws, summer, ids[0], "paid", "active", (1, 0), "2026-05-01");
        let idle_edge = collaboration(&ws, summer, ids[1], "paid", "agreed", (1, 0), "2026-05-25"); // exactly 21 days
        collaboration(&ws, summer, ids[2], "paid", "active", (1, 0), "2026-05-26"); // 20 days: fine
        let done = collaboration(&ws, summer, ids[3], "paid", "completed", (1, 0), "2026-01-01"); // done: never idle
        let proposed = collaboration(&ws, summer, ids[4], "paid", "proposed", (1, 0), "2026-01-01");
        sql(
            &ws,
            &format!(
                "UPDATE collaborations SET usage_until = '2026-07-15' WHERE id = {idle_long};
                 UPDATE collaborations SET usage_until = '2026-06-15' WHERE id = {done};
                 UPDATE collaborations SET usage_until = '2026-07-16' WHERE id = {idle_edge};
                 UPDATE collaborations SET usage_until = '2026-06-14' WHERE id = {proposed};"
            ),
        );
        let t = today(&ws, day(TODAY)).unwrap();
        let idle: Vec<(i64, i64)> = t.idle.items.iter().map(|i| (i.collaboration.collaboration_id, i.days)).collect();
        assert_eq!(idle, vec![(idle_long, 45), (idle_edge, 21)], "longest idle first");
        let usage: Vec<(i64, i64)> = t.usage_expiring.items.iter().map(|i| (i.collaboration.collaboration_id, i.days)).collect();
        assert_eq!(usage, vec![(done, 0), (idle_long, 30)], "ends today or within 30 days; yesterday and day 31 are out");

        let mut s = ws.settings().unwrap();
        s.today.idle_days = 50;
        s.today.usage_warning_days = 31;
        ws.update_settings(&s).unwrap();
        let t = today(&ws, day(TODAY)).unwrap();
        assert_eq!(t.idle.total, 0);
        assert_eq!(t.usage_expiring.total, 3);
        assert_eq!(t.rules.idle_days, 50);
    }

    #[test]
    fn every_section_reads_through_an_index_never_a_whole_table() {
        let ws = workspace();
        let partial = ["deliverables_due_in_use", "gift_shipments_to_pack", "gift_shipments_awaiting_post", "collaborations_by_activity", "collaborations_by_usage"];
        for q in [OVERDUE, DUE_THIS_WEEK, GIFTS_TO_SHIP, GIFTS_WITHOUT_POST, USAGE_EXPIRING, IDLE] {
            for sql in [q.count_sql(), q.page_sql(SECTION_LIMIT)] {
                let mut stmt = ws.conn().prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
                let params = vec![TODAY; stmt.parameter_count()];
                let plan: Vec<String> = stmt.query_map(rusqlite::params_from_iter(params), |r| r.get(3)).unwrap().map(|r| r.unwrap()).collect();
                // Only a partial index (which holds just the rows the section is about) may be read whole.
                let whole = plan.iter().filter(|step| step.starts_with("SCAN ") && !partial.iter().any(|i| step.contains(&format!("INDEX {i}"))));
                assert_eq!(whole.count(), 0, "{sql}\n{plan:#?}");
                assert!(plan.iter().any(|step| partial.iter().any(|i| step.contains(i))), "{sql} uses no partial index:\n{plan:#?}");
            }
        }
    }

    #[test]
    fn across_shows_each_client_and_leaves_older_and_broken_files_alone() {
        let dir = tempfile::tempdir().unwrap();
        let current = dir.path().join("zon.chorus");
        let mut ws = Workspace::create(&current, &Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
        let anna = creator(&mut ws, "Anna de Vries", "anna.zon");
        let summer = campaign(&ws, "Summer 2026", None, None, 0);
        let a = collaboration(&ws, summer, anna, "paid", "active", (1, 0), TODAY);
        deliverable(&ws, a, "reel", "2026-06-01", "planned");
        drop(ws);

        let older = dir.path().join("old client.chorus");
        let conn = Connection::open(&older).unwrap();
        conn.execute_batch(include_str!("../../tests/fixtures/workspace-v1.sql")).unwrap();
        drop(conn);
        let older_bytes = std::fs::read(&older).unwrap();

        let newer = dir.path().join("future.chorus");
        drop(Workspace::create(&newer, &Settings::new("Future", "EUR", "nl-NL")).unwrap());
        Connection::open(&newer).unwrap().execute_batch("PRAGMA user_version = 99").unwrap();
        let text = dir.path().join("notes.chorus");
        std::fs::write(&text, "not a workspace").unwrap();
        let missing = dir.path().join("gone.chorus");

        let paths = vec![current.clone(), older.clone(), newer, text, missing];
        let entries = across(&paths, day(TODAY));
        let summary: Vec<(&str, bool, bool, Option<&str>)> =
            entries.iter().map(|e| (e.brand_name.as_str(), e.today.is_some(), e.needs_update, e.error.as_ref().map(|p| p.kind))).collect();
        assert_eq!(
            summary,
            vec![
                ("Studio Zon", true, false, None),
                ("old client", false, true, None),
                ("future", false, false, Some("newer_version")),
                ("notes", false, false, Some("not_sqlite")),
                ("gone", false, false, Some("workspace_missing")),
            ]
        );
        assert_eq!(entries[0].today.as_ref().unwrap().overdue.total, 1);
        assert_eq!(entries[0].path, current.display().to_string());
        assert_eq!(std::fs::read(&older).unwrap(), older_bytes, "the older file is not migrated from the overview");
        let names: Vec<String> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        assert!(!names.iter().any(|n| n.contains("backup") || n.starts_with("old client.chorus-")), "no backup or WAL beside the older file: {names:?}");
        assert_eq!(schema_version_of(&older).unwrap(), 1);
        assert_eq!(schema_version_of(&current).unwrap(), SCHEMA_VERSION);
    }

}
