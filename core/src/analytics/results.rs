//! Post results in the workspace: dated snapshots of a published deliverable's raw counts,
//! typed in the results grid or imported from a file ([`import`]), and read back for the grid,
//! a post's history and the figures (docs/decisions/0012-post-results.md).
//!
//! Contract:
//! - Only a published or verified deliverable takes results. A snapshot is one day's counts
//!   from one source; typing the same post's counts again on the same day corrects that day's
//!   snapshot, a later day adds a newer one. The newest snapshot of a post (by day, then entry)
//!   is the one the figures use (`latest`, kept by the schema's triggers).
//! - A count is `None` when nobody gave it, never 0; counts are whole and not below 0, read as
//!   people type them in the window's spelling (`12.345`, `1,2K`) and refused with the field
//!   and the text otherwise. A snapshot needs at least one count.
//! - Followers at posting time: the number given, else the creator's handle on the post's
//!   platform in the roster's follower history on or before the publish day, else that
//!   handle's count when the results are entered; where it came from is kept
//!   ([`FollowersFrom`]) and shown.
//! - Every change is audited; nothing here deletes a deliverable or touches money.

pub mod import;
pub mod permalink;
#[cfg(test)]
mod tests;

use super::formulas::PostCounts;
use crate::campaigns::fields::{parse_date, Checks};
use crate::campaigns::DeliverableStatus;
use crate::error::{Error, FieldError, Result};
use crate::numbers::Spelling;
use crate::roster::model::{text_enum, ContentFormat, Platform};
use crate::roster::validate::count_error;
use crate::workspace::{audit, now_utc, Actor, Workspace};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

text_enum!(
    /// Where a snapshot came from.
    ResultSource {
        Typed = "typed", "typed in";
        Meta = "meta", "Meta Business Suite export";
        Sheet = "sheet", "spreadsheet";
    }
);

text_enum!(
    /// Where a snapshot's followers at posting time came from.
    FollowersFrom {
        Given = "given", "given with the results";
        History = "history", "the roster's follower history";
        Current = "current", "the roster's count when the results were entered";
        Unknown = "unknown", "not known";
    }
);

/// One stored snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snapshot {
    pub id: i64,
    pub deliverable_id: i64,
    pub taken_on: String,
    pub counts: PostCounts,
    pub followers_from: FollowersFrom,
    pub source: ResultSource,
    pub source_file: String,
    pub source_row: Option<i64>,
    pub external_post_id: String,
    pub latest: bool,
    pub entered_at: String,
}

pub(crate) const SNAPSHOT_COLUMNS: &str = "id, deliverable_id, taken_on, views, reach, impressions, likes, comments, shares, saves, link_clicks, \
     profile_follows, followers_at_post, followers_from, source, source_file, source_row, external_post_id, latest, entered_at";

pub(crate) fn snapshot_from(r: &Row, at: usize) -> rusqlite::Result<Snapshot> {
    let text = |i: usize| -> rusqlite::Result<String> { r.get(at + i) };
    Ok(Snapshot {
        id: r.get(at)?,
        deliverable_id: r.get(at + 1)?,
        taken_on: text(2)?,
        counts: counts_from(r, at + 3)?,
        followers_from: FollowersFrom::parse(&text(13)?).unwrap_or(FollowersFrom::Unknown),
        source: ResultSource::parse(&text(14)?).unwrap_or(ResultSource::Typed),
        source_file: text(15)?,
        source_row: r.get(at + 16)?,
        external_post_id: text(17)?,
        latest: r.get::<_, i64>(at + 18)? == 1,
        entered_at: text(19)?,
    })
}

/// The ten counts from `at` on, in the order of [`SNAPSHOT_COLUMNS`] (views … followers).
pub(crate) fn counts_from(r: &Row, at: usize) -> rusqlite::Result<PostCounts> {
    Ok(PostCounts {
        views: r.get(at)?,
        reach: r.get(at + 1)?,
        impressions: r.get(at + 2)?,
        likes: r.get(at + 3)?,
        comments: r.get(at + 4)?,
        shares: r.get(at + 5)?,
        saves: r.get(at + 6)?,
        link_clicks: r.get(at + 7)?,
        profile_follows: r.get(at + 8)?,
        followers_at_post: r.get(at + 9)?,
    })
}

/// A post's counts as the grid holds them: text as typed, empty for not known.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ResultsDraft {
    pub deliverable_id: i64,
    /// The day the counts were read; empty is today.
    pub taken_on: String,
    pub views: String,
    pub reach: String,
    pub impressions: String,
    pub likes: String,
    pub comments: String,
    pub shares: String,
    pub saves: String,
    pub link_clicks: String,
    pub profile_follows: String,
    /// Followers at posting time; empty reads the roster.
    pub followers: String,
    /// How the window writes numbers.
    pub spelling: Spelling,
}

/// The grid's fields, each with its label in messages.
const DRAFT_FIELDS: [(&str, &str); 10] = [
    ("views", "Views"),
    ("reach", "Reach"),
    ("impressions", "Impressions"),
    ("likes", "Likes"),
    ("comments", "Comments"),
    ("shares", "Shares"),
    ("saves", "Saves"),
    ("link_clicks", "Link clicks"),
    ("profile_follows", "New followers"),
    ("followers", "Followers at posting time"),
];

impl ResultsDraft {
    fn field(&self, name: &str) -> &str {
        match name {
            "views" => &self.views,
            "reach" => &self.reach,
            "impressions" => &self.impressions,
            "likes" => &self.likes,
            "comments" => &self.comments,
            "shares" => &self.shares,
            "saves" => &self.saves,
            "link_clicks" => &self.link_clicks,
            "profile_follows" => &self.profile_follows,
            _ => &self.followers,
        }
    }
}

/// A live deliverable as results need it: its post, its creator's handle on its platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Post {
    pub deliverable_id: i64,
    pub platform: Platform,
    pub status: DeliverableStatus,
    pub published_at: Option<String>,
    pub handle_id: Option<i64>,
}

pub(crate) fn post(conn: &Connection, deliverable_id: i64) -> Result<Post> {
    conn.query_row(
        "SELECT d.id, d.platform, d.status, d.published_at,
                (SELECT h.id FROM handles h WHERE h.creator_id = c.creator_id AND h.platform = d.platform ORDER BY h.followers DESC, h.id LIMIT 1)
           FROM deliverables d JOIN collaborations c ON c.id = d.collaboration_id WHERE d.id = ?1",
        [deliverable_id],
        |r| {
            Ok(Post {
                deliverable_id: r.get(0)?,
                platform: Platform::parse(&r.get::<_, String>(1)?).unwrap_or(Platform::Other),
                status: DeliverableStatus::parse(&r.get::<_, String>(2)?).unwrap_or(DeliverableStatus::Planned),
                published_at: r.get(3)?,
                handle_id: r.get(4)?,
            })
        },
    )
    .optional()?
    .ok_or(Error::NotFound { what: "deliverable", id: deliverable_id })
}

/// The day a post went up, from its `published_at` (`YYYY-MM-DDTHH:MM`).
pub(crate) fn published_day(published_at: Option<&str>) -> Option<NaiveDate> {
    // `FromStr` reads ISO 8601 days without interpreting a format string on every call.
    published_at.and_then(|t| t.get(..10)?.parse::<NaiveDate>().ok())
}

/// Followers at posting time from the roster: the handle's history on or before the publish
/// day, else its count now (a count of 0 is the roster's "not entered").
pub(crate) fn roster_followers(conn: &Connection, handle_id: Option<i64>, published_on: Option<NaiveDate>) -> Result<(Option<i64>, FollowersFrom)> {
    let Some(handle_id) = handle_id else { return Ok((None, FollowersFrom::Unknown)) };
    let now: Option<i64> = conn.prepare_cached("SELECT followers FROM handles WHERE id = ?1")?.query_row([handle_id], |r| r.get(0)).optional()?;
    roster_followers_of(conn, Some(handle_id), now, published_on)
}

/// [`roster_followers`] with the handle's count now already read (an import reads every
/// handle's at once).
pub(crate) fn roster_followers_of(conn: &Connection, handle_id: Option<i64>, now: Option<i64>, published_on: Option<NaiveDate>) -> Result<(Option<i64>, FollowersFrom)> {
    let Some(handle_id) = handle_id else { return Ok((None, FollowersFrom::Unknown)) };
    if let Some(day) = published_on {
        let on: Option<i64> = conn
            .prepare_cached("SELECT followers FROM follower_snapshots WHERE handle_id = ?1 AND taken_on <= ?2 ORDER BY taken_on DESC LIMIT 1")?
            .query_row(params![handle_id, day.to_string()], |r| r.get(0))
            .optional()?;
        if let Some(n) = on.filter(|n| *n > 0) {
            return Ok((Some(n), FollowersFrom::History));
        }
    }
    Ok(match now.filter(|n| *n > 0) {
        Some(n) => (Some(n), FollowersFrom::Current),
        None => (None, FollowersFrom::Unknown),
    })
}

/// Saves the grid's counts of one post for the draft's day: a new snapshot, or that day's typed
/// snapshot corrected. Every problem comes back at once, at its field.
pub fn record_typed(ws: &mut Workspace, draft: &ResultsDraft) -> Result<Snapshot> {
    let actor = ws.actor();
    let post = post(ws.conn(), draft.deliverable_id)?;
    let mut c = Checks::default();
    if !post.status.is_live() {
        c.push(FieldError::new("deliverable_id", "results_not_published", "Results can be entered once the post is published.").with_value(post.status.as_str()));
    }
    let today = chrono::Local::now().date_naive();
    let taken_on = match draft.taken_on.trim() {
        "" => Some(today),
        text => match parse_date(text) {
            Some(day) => Some(day),
            None => {
                c.push(FieldError::new("taken_on", "invalid_date", format!("“{text}” is not a date. Use a date like 2026-11-25 or 25-11-2026.")).with_value(text));
                None
            }
        },
    };
    let published_on = published_day(post.published_at.as_deref());
    if let (Some(day), Some(published)) = (taken_on, published_on) {
        if day < published {
            c.push(FieldError::new("taken_on", "results_before_post", format!("The counts are dated {day}, before the post went up on {published}.")).with_value(published.to_string()));
        }
    }
    if taken_on.is_some_and(|day| day > today.succ_opt().unwrap_or(today)) {
        c.push(FieldError::new("taken_on", "date_in_future", "The counts cannot be dated in the future.").with_value(draft.taken_on.trim()));
    }
    let mut values = [None; 10];
    for (slot, (field, label)) in values.iter_mut().zip(DRAFT_FIELDS) {
        let text = draft.field(field).trim();
        if text.is_empty() {
            continue;
        }
        let plain = text.len() <= 18 && text.bytes().all(|b| b.is_ascii_digit());
        match if plain { text.parse().map_err(|_| crate::numbers::CountError::TooLarge) } else { crate::numbers::parse_count(text, draft.spelling) } {
            Ok(n) => *slot = Some(n),
            Err(e) => c.push(count_error(field, label, text, e)),
        }
    }
    let [views, reach, impressions, likes, comments, shares, saves, link_clicks, profile_follows, followers] = values;
    let counts = PostCounts { views, reach, impressions, likes, comments, shares, saves, link_clicks, profile_follows, followers_at_post: followers };
    if values[..9].iter().all(Option::is_none) && !c.errors.iter().any(|e| DRAFT_FIELDS.iter().any(|(f, _)| *f == e.field)) {
        c.push(FieldError::new("likes", "results_no_counts", "Type at least one count, such as the likes or the views."));
    }
    c.finish(())?;
    let taken_on = taken_on.expect("a draft without problems has its day");
    let (followers, from) = match counts.followers_at_post {
        Some(n) => (Some(n), FollowersFrom::Given),
        None => roster_followers(ws.conn(), post.handle_id, published_on)?,
    };
    let counts = PostCounts { followers_at_post: followers, ..counts };
    let day = taken_on.format("%Y-%m-%d").to_string();
    let now = now_utc();
    let id = ws.write(|tx| {
        let id = upsert(tx, post.deliverable_id, &day, &counts, from, ResultSource::Typed, "", None, "", actor, &now)?;
        audit(tx, actor, "post_results", Some(id), "typed", &format!("deliverable {} on {day}", post.deliverable_id))?;
        Ok(id)
    })?;
    snapshot(ws.conn(), id)
}

/// Writes a snapshot for its `(deliverable, day, source)`, replacing that day's counts from the
/// same source; returns its id.
#[allow(clippy::too_many_arguments)]
pub(crate) fn upsert(
    tx: &Connection,
    deliverable_id: i64,
    day: &str,
    counts: &PostCounts,
    followers_from: FollowersFrom,
    source: ResultSource,
    source_file: &str,
    source_row: Option<i64>,
    external_post_id: &str,
    actor: Actor,
    now: &str,
) -> Result<i64> {
    let c = counts;
    let id = tx.prepare_cached(&UPSERT_ONE)?.query_row(
        params![
            deliverable_id, day, c.views, c.reach, c.impressions, c.likes, c.comments, c.shares, c.saves, c.link_clicks, c.profile_follows,
            c.followers_at_post, followers_from.as_str(), source.as_str(), source_file, source_row, external_post_id, now, actor.as_str()
        ],
        |r| r.get(0),
    )?;
    Ok(id)
}

/// [`upsert`]'s statement: one snapshot of [`WRITTEN_COLUMNS`] under [`SAME_DAY_REPLACES`], put
/// together once.
static UPSERT_ONE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let placeholders = (1..=WRITTEN_COLUMNS.len()).map(|n| format!("?{n}")).collect::<Vec<_>>().join(", ");
    format!("INSERT INTO post_results ({}) VALUES ({placeholders}) {SAME_DAY_REPLACES} RETURNING id", WRITTEN_COLUMNS.join(", "))
});

/// The columns a snapshot is written with, in the order [`upsert`] and an import give them.
pub(crate) const WRITTEN_COLUMNS: [&str; 19] = [
    "deliverable_id", "taken_on", "views", "reach", "impressions", "likes", "comments", "shares", "saves", "link_clicks", "profile_follows",
    "followers_at_post", "followers_from", "source", "source_file", "source_row", "external_post_id", "entered_at", "entered_by",
];

/// A second snapshot of a post for the same day from the same source replaces the first's counts
/// (a Post ID already known is kept when the new one gives none).
pub(crate) const SAME_DAY_REPLACES: &str = "ON CONFLICT (deliverable_id, taken_on, source) DO UPDATE SET views = excluded.views, reach = excluded.reach,
     impressions = excluded.impressions, likes = excluded.likes, comments = excluded.comments, shares = excluded.shares,
     saves = excluded.saves, link_clicks = excluded.link_clicks, profile_follows = excluded.profile_follows,
     followers_at_post = excluded.followers_at_post, followers_from = excluded.followers_from,
     source_file = excluded.source_file, source_row = excluded.source_row,
     external_post_id = CASE WHEN excluded.external_post_id <> '' THEN excluded.external_post_id ELSE external_post_id END,
     entered_at = excluded.entered_at, entered_by = excluded.entered_by";

/// One snapshot by id.
pub fn snapshot(conn: &Connection, id: i64) -> Result<Snapshot> {
    conn.query_row(&format!("SELECT {SNAPSHOT_COLUMNS} FROM post_results WHERE id = ?1"), [id], |r| snapshot_from(r, 0))
        .optional()?
        .ok_or(Error::NotFound { what: "results snapshot", id })
}

/// A post's snapshots, oldest first.
pub fn history(conn: &Connection, deliverable_id: i64) -> Result<Vec<Snapshot>> {
    let mut st = conn.prepare_cached(&format!("SELECT {SNAPSHOT_COLUMNS} FROM post_results WHERE deliverable_id = ?1 ORDER BY taken_on, id"))?;
    let rows = st.query_map([deliverable_id], |r| snapshot_from(r, 0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Removes one snapshot (a mistaken entry or import); the post's newest remaining one becomes
/// the one the figures use.
pub fn delete_snapshot(ws: &mut Workspace, id: i64) -> Result<()> {
    let actor = ws.actor();
    let s = snapshot(ws.conn(), id)?;
    ws.write(|tx| {
        tx.execute("DELETE FROM post_results WHERE id = ?1", [id])?;
        audit(tx, actor, "post_results", Some(id), "delete", &format!("deliverable {} on {} ({})", s.deliverable_id, s.taken_on, s.source.label()))
    })
}

/// One row of a campaign's results grid: a published post and its newest snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GridRow {
    pub deliverable_id: i64,
    pub collaboration_id: i64,
    pub creator_id: i64,
    pub creator: String,
    /// The creator's handle on the post's platform, without `@`, if the roster has one.
    pub handle: Option<String>,
    pub platform: Platform,
    pub format: ContentFormat,
    pub published_at: Option<String>,
    pub post_url: String,
    pub latest: Option<Snapshot>,
    /// How many snapshots the post has.
    pub snapshots: i64,
}

/// Every published or verified post of a campaign, by publish time, with its newest snapshot.
pub fn campaign_grid(conn: &Connection, campaign_id: i64) -> Result<Vec<GridRow>> {
    let prefixed: String = SNAPSHOT_COLUMNS.split(", ").map(|c| format!("p.{c}")).collect::<Vec<_>>().join(", ");
    let mut st = conn.prepare_cached(&format!(
        "SELECT d.id, c.id, cr.id, cr.display_name,
                (SELECT h.handle FROM handles h WHERE h.creator_id = cr.id AND h.platform = d.platform ORDER BY h.followers DESC, h.id LIMIT 1),
                d.platform, d.format, d.published_at, d.post_url,
                (SELECT count(*) FROM post_results a WHERE a.deliverable_id = d.id), {prefixed}
           FROM deliverables d
           JOIN collaborations c ON c.id = d.collaboration_id
           JOIN creators cr ON cr.id = c.creator_id
           LEFT JOIN post_results p ON p.deliverable_id = d.id AND p.latest = 1
          WHERE c.campaign_id = ?1 AND d.status IN ('published', 'verified')
          ORDER BY d.published_at, d.id"
    ))?;
    let rows = st.query_map([campaign_id], |r| {
        let has_snapshot = r.get::<_, Option<i64>>(10)?.is_some();
        Ok(GridRow {
            deliverable_id: r.get(0)?,
            collaboration_id: r.get(1)?,
            creator_id: r.get(2)?,
            creator: r.get(3)?,
            handle: r.get(4)?,
            platform: Platform::parse(&r.get::<_, String>(5)?).unwrap_or(Platform::Other),
            format: ContentFormat::parse(&r.get::<_, String>(6)?).unwrap_or(ContentFormat::Post),
            published_at: r.get(7)?,
            post_url: r.get(8)?,
            snapshots: r.get(9)?,
            latest: if has_snapshot { Some(snapshot_from(r, 10)?) } else { None },
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
