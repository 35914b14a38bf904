//! A results file into the workspace: its rows matched to published deliverables, previewed,
//! then written all or nothing as snapshots (docs/decisions/0012-post-results.md).
//!
//! Contract:
//! - The file is read by [`crate::analytics::results_file`] (Meta's export recognised, any other
//!   sheet with the person's mapping); its problems come back as that reader gives them.
//! - A row is matched to a published or verified deliverable in this order: the person's
//!   assignment for its row; the Post ID of an earlier snapshot; its permalink
//!   ([`permalink::post_key`]) against the deliverables' post links; the account (the creator's
//!   handle on the post's platform; Instagram for Meta's export) with the publish day, the
//!   deliverable's or one day either side for a time-zone shift, when exactly one deliverable
//!   fits. A row that matches nothing or several is listed ([`UnmatchedRow`]) with the posts it
//!   could be, never dropped.
//! - All or nothing: rows still unmatched refuse the import (`results_not_matched`) unless the
//!   person chose to leave them out ([`ResultsImportOptions::leave_unmatched`]); so do two rows
//!   of one post (`results_same_post_twice`), counts dated before the post went up
//!   (`results_before_post`) and an assignment to a post that is not published
//!   (`results_assigned_not_published`). With `skip_bad_rows` those rows are left out and listed
//!   instead, as the reader leaves out its bad rows.
//! - An import matches its rows and writes their snapshots inside one write transaction, so
//!   another window or process cannot add a snapshot between the two (a preview reads without
//!   the lock: what it says can be overtaken by then).
//! - The snapshot's day is the file's date for the row; Meta's `Lifetime` and a file without
//!   dates are dated the import day. A row whose counts equal the post's newest snapshot
//!   writes nothing, so importing the same file again changes nothing (not a row, not an audit
//!   line); other counts add a snapshot, or replace the same day's snapshot from the same kind
//!   of file (a later export of the same day).

use super::permalink::post_key;
use super::{published_day, roster_followers_of, FollowersFrom, ResultSource, SAME_DAY_REPLACES, WRITTEN_COLUMNS};
use crate::analytics::formulas::PostCounts;
use crate::analytics::results_file::{read_results, DateOrder, ResultRow, ResultsColumn, ResultsLayout, ResultsOptions, Snapshot};
use crate::campaigns::DeliverableStatus;
use crate::error::{Error, Result, RowError};
use crate::roster::import::problems::{display_text, row_error, row_error_with};
use crate::roster::import::{group_problems, ProblemGroup};
use crate::roster::model::Platform;
use crate::workspace::bulk_insert::{with_large_write_cache, BulkInsert, Cell};
use crate::workspace::{audit, now_utc, Workspace};
use chrono::{Days, NaiveDate};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The person's choices for a results file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ResultsImportOptions {
    #[serde(flatten)]
    pub read: ResultsOptions,
    /// File row (as a spreadsheet numbers it) → the deliverable it is the results of.
    pub assignments: BTreeMap<u64, i64>,
    /// Import the matched rows and leave the unmatched ones out (the person's explicit choice).
    pub leave_unmatched: bool,
    /// The import day (today when not given): the day of `Lifetime` totals.
    #[serde(skip)]
    pub today: Option<NaiveDate>,
}

/// How the rows were matched.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MatchCounts {
    pub assigned: u64,
    pub post_id: u64,
    pub permalink: u64,
    pub account_and_day: u64,
}

/// Why a row has no post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unmatched {
    /// No published post has its link, or its account on that day.
    NoPost,
    /// Several posts of the account went up that day.
    SeveralPosts,
}

/// A row for the person to assign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnmatchedRow {
    pub row: u64,
    pub permalink: Option<String>,
    pub account: Option<String>,
    pub published_at: Option<String>,
    /// The caption's start, as one line.
    pub caption: Option<String>,
    pub format: Option<String>,
    pub counts: PostCounts,
    pub why: Unmatched,
    /// Posts it could be: those that went up that day from the account, else the account's
    /// posts (newest first, at most 20).
    pub candidates: Vec<Candidate>,
}

/// A published post a row could be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    pub deliverable_id: i64,
    pub campaign: String,
    pub creator: String,
    pub platform: Platform,
    pub published_at: Option<String>,
    pub post_url: String,
}

/// What importing a file would do, or did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResultsPreview {
    pub file_name: String,
    pub layout: ResultsLayout,
    pub encoding: &'static str,
    pub delimiter: &'static str,
    pub columns: Vec<ResultsColumn>,
    pub date_order: DateOrder,
    pub date_order_assumed: bool,
    pub data_rows: u64,
    pub matched: MatchCounts,
    /// Rows that add a snapshot.
    pub new_snapshots: u64,
    /// Rows that replace the same day's snapshot from this kind of file with other counts.
    pub replaced: u64,
    /// Rows whose counts are the post's newest snapshot already: nothing to write.
    pub unchanged: u64,
    pub unmatched: Vec<UnmatchedRow>,
    /// Rows left out (the reader's bad rows and this import's, with `skip_bad_rows`).
    pub left_out: Vec<RowError>,
    pub left_out_groups: Vec<ProblemGroup>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResultsImportReport {
    #[serde(flatten)]
    pub preview: ResultsPreview,
    /// Snapshots written (new and replaced).
    pub written: u64,
    /// Unmatched rows left out by the person's choice.
    pub left_unmatched: u64,
}

/// Reads `path` and says what importing it would do, with the rows to assign. Writes nothing.
/// Problems that would refuse the import are returned as the import would return them.
pub fn preview_results(conn: &Connection, path: &Path, options: &ResultsImportOptions) -> Result<ResultsPreview> {
    let plan = with_large_write_cache(conn, workspace_bytes(conn), || plan(conn, path, options))?;
    Ok(plan.preview)
}

/// The size of the workspace file `conn` has open (0 in memory): a large workspace's import
/// reads and writes with a larger page cache.
fn workspace_bytes(conn: &Connection) -> u64 {
    conn.path().filter(|p| !p.is_empty()).and_then(|p| std::fs::metadata(p).ok()).map_or(0, |m| m.len())
}

/// Imports `path` into `ws`, all or nothing (see the module's contract).
pub fn import_results(ws: &mut Workspace, path: &Path, options: &ResultsImportOptions) -> Result<ResultsImportReport> {
    let actor = ws.actor();
    let large = workspace_bytes(ws.conn());
    let now = now_utc();
    // Matched and written under one write lock: no other writer's snapshot comes in between.
    ws.write(|tx| {
        with_large_write_cache(tx, large, || {
            let plan = plan(tx, path, options)?;
            let left_unmatched = plan.preview.unmatched.len() as u64;
            if left_unmatched > 0 && !options.leave_unmatched {
                let problems = plan.preview.unmatched.iter().map(|u| not_matched(u, &plan.link_column)).collect();
                return Err(Error::ImportRejected { file: plan.preview.file_name, problems });
            }
            let written = write(tx, &plan, actor, &now)?;
            if written > 0 {
                let p = &plan.preview;
                let what = format!("{}: {} new, {} replaced, {} unchanged, {left_unmatched} left unmatched", p.file_name, p.new_snapshots, p.replaced, p.unchanged);
                audit(tx, actor, "post_results", None, "import", &what)?;
            }
            Ok(ResultsImportReport { preview: plan.preview, written, left_unmatched })
        })
    })
}

/// Writes the plan's snapshots, many per statement: a file's rows are of different posts, so no
/// two rows of one statement meet in the same-day rule.
fn write(tx: &Connection, plan: &Plan, actor: crate::workspace::Actor, now: &str) -> Result<u64> {
    let source = match plan.preview.layout {
        ResultsLayout::Mapped => ResultSource::Sheet,
        _ => ResultSource::Meta,
    };
    let file_name = &plan.preview.file_name;
    let mut insert = BulkInsert::with_tail(tx, "post_results", &WRITTEN_COLUMNS, SAME_DAY_REPLACES)?;
    for w in &plan.writes {
        let (followers, from) = match w.counts.followers_at_post {
            Some(n) => (Some(n), FollowersFrom::Given),
            None => roster_followers_of(tx, w.handle_id, w.handle_followers, w.published_on)?,
        };
        let c = PostCounts { followers_at_post: followers, ..w.counts };
        insert.push([
            Cell::Int(w.deliverable_id),
            Cell::Text(w.day.to_string()),
            c.views.into(),
            c.reach.into(),
            c.impressions.into(),
            c.likes.into(),
            c.comments.into(),
            c.shares.into(),
            c.saves.into(),
            c.link_clicks.into(),
            c.profile_follows.into(),
            c.followers_at_post.into(),
            Cell::Word(from.as_str()),
            Cell::Word(source.as_str()),
            Cell::Text(file_name.clone()),
            Cell::Int(w.row as i64),
            Cell::Text(w.post_id.clone()),
            Cell::Text(now.to_string()),
            Cell::Word(actor.as_str()),
        ])?;
    }
    insert.flush()?;
    Ok(plan.writes.len() as u64)
}

fn not_matched(u: &UnmatchedRow, column: &str) -> RowError {
    let what = u.permalink.clone().or_else(|| u.account.as_ref().map(|a| format!("@{a}"))).unwrap_or_default();
    let message = match u.why {
        Unmatched::NoPost => format!("No published post in this workspace has the link or the account and day of this row ({what}). Choose its post, or leave the row out."),
        Unmatched::SeveralPosts => format!("Several published posts of {what} went up that day. Choose which post this row is, or leave the row out."),
    };
    let code = match u.why {
        Unmatched::NoPost => "results_not_matched",
        Unmatched::SeveralPosts => "results_several_posts",
    };
    row_error_with(u.row, column, code, Some(what), &message, &[("candidates", u.candidates.len().to_string())])
}

/// A snapshot to write.
struct Write {
    row: u64,
    deliverable_id: i64,
    day: NaiveDate,
    counts: PostCounts,
    post_id: String,
    handle_id: Option<i64>,
    handle_followers: Option<i64>,
    published_on: Option<NaiveDate>,
}

struct Plan {
    preview: ResultsPreview,
    writes: Vec<Write>,
    link_column: String,
}

/// A published deliverable as matching needs it.
struct Live {
    published_on: Option<NaiveDate>,
    handle_id: Option<i64>,
    /// The account's followers now (the roster's count).
    handle_followers: Option<i64>,
}

/// A post's newest snapshot.
struct Latest {
    taken_on: String,
    source: String,
    counts: PostCounts,
}

type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// Everything matching reads, loaded once for the file.
struct Index {
    live: Map<i64, Live>,
    by_post_id: Map<String, i64>,
    by_link: Map<String, Vec<i64>>,
    /// (platform, handle key) → the account's posts.
    by_account: Map<(Platform, String), Vec<i64>>,
}

fn load_index(conn: &Connection) -> Result<Index> {
    // Each creator's accounts per platform, the biggest first: read once and joined here (a
    // join and sort in SQL would sort every published post).
    let mut accounts: Map<(i64, Platform), Vec<Account>> = Map::default();
    let mut st = conn.prepare("SELECT id, creator_id, platform, handle_key, followers FROM handles")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let platform = Platform::parse(r.get_ref(2)?.as_str().map_err(rusqlite::Error::from)?).unwrap_or(Platform::Other);
        accounts.entry((r.get(1)?, platform)).or_default().push(Account { id: r.get(0)?, key: r.get(3)?, followers: r.get(4)?, posts: Vec::new() });
    }
    for list in accounts.values_mut() {
        list.sort_by(|a, b| b.followers.cmp(&a.followers).then(a.id.cmp(&b.id)));
    }
    let mut live: Map<i64, Live> = Map::default();
    let mut by_link: Map<String, Vec<i64>> = Map::default();
    let mut st = conn.prepare(
        "SELECT d.id, d.platform, d.post_url, d.published_at, c.creator_id
           FROM deliverables d JOIN collaborations c ON c.id = d.collaboration_id
          WHERE d.status IN ('published', 'verified')",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let text = |i: usize| -> Result<Option<&str>> { Ok(r.get_ref(i)?.as_str_or_null().map_err(rusqlite::Error::from)?) };
        let id: i64 = r.get(0)?;
        let platform = Platform::parse(text(1)?.unwrap_or_default()).unwrap_or(Platform::Other);
        let mine = accounts.get_mut(&(r.get(4)?, platform)).map(Vec::as_mut_slice).unwrap_or_default();
        for account in mine.iter_mut() {
            account.posts.push(id);
        }
        if let Some(key) = post_key(text(2)?.unwrap_or_default()) {
            by_link.entry(key).or_default().push(id);
        }
        // The creator's biggest account on the platform is the one the post went up on.
        let (handle_id, handle_followers) = mine.first().map_or((None, None), |a| (Some(a.id), Some(a.followers)));
        live.insert(id, Live { published_on: published_day(text(3)?), handle_id, handle_followers });
    }
    let mut by_account: Map<(Platform, String), Vec<i64>> = Map::default();
    for ((_, platform), list) in accounts {
        for account in list.into_iter().filter(|a| !a.posts.is_empty()) {
            by_account.entry((platform, account.key)).or_default().extend(account.posts);
        }
    }
    // In the order of the posts, as the rows to assign list them.
    for ids in by_link.values_mut().chain(by_account.values_mut()) {
        ids.sort_unstable();
        ids.dedup();
    }
    let mut by_post_id: Map<String, i64> = Map::default();
    let mut st = conn.prepare("SELECT DISTINCT external_post_id, deliverable_id FROM post_results WHERE external_post_id <> ''")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        by_post_id.insert(r.get(0)?, r.get(1)?);
    }
    Ok(Index { live, by_post_id, by_link, by_account })
}

/// The newest snapshot of each of `posts` that has one. A few posts are looked up one by one;
/// many (a large file's) are read in one pass over every post's newest snapshot.
fn load_latest(conn: &Connection, posts: &Map<i64, u64>, live_posts: usize) -> Result<Map<i64, Latest>> {
    let mut latest: Map<i64, Latest> = Map::default();
    let columns = "deliverable_id, taken_on, source, views, reach, impressions, likes, comments, shares, saves, link_clicks, profile_follows, followers_at_post";
    let read = |r: &rusqlite::Row| -> rusqlite::Result<Latest> { Ok(Latest { taken_on: r.get(1)?, source: r.get(2)?, counts: super::counts_from(r, 3)? }) };
    if posts.len() < live_posts / 8 {
        let mut st = conn.prepare(&format!("SELECT {columns} FROM post_results WHERE deliverable_id = ?1 AND latest = 1"))?;
        for id in posts.keys() {
            if let Some(found) = st.query_row([id], read).optional()? {
                latest.insert(*id, found);
            }
        }
        return Ok(latest);
    }
    let mut st = conn.prepare(&format!("SELECT {columns} FROM post_results WHERE latest = 1"))?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if posts.contains_key(&id) {
            latest.insert(id, read(r)?);
        }
    }
    Ok(latest)
}

/// A creator's account as matching needs it, with the posts it went up on.
struct Account {
    id: i64,
    key: String,
    followers: i64,
    posts: Vec<i64>,
}

fn file_counts(row: &ResultRow) -> PostCounts {
    let c = &row.counts;
    PostCounts {
        views: c.views,
        reach: c.reach,
        impressions: c.impressions,
        likes: c.likes,
        comments: c.comments,
        shares: c.shares,
        saves: c.saves,
        link_clicks: c.link_clicks,
        profile_follows: c.profile_follows,
        followers_at_post: c.followers,
    }
}

/// The file's counts are the stored ones: every count the same, and the followers too when the
/// file gives them (else the stored ones came from the roster).
fn same_counts(file: &PostCounts, stored: &PostCounts) -> bool {
    let followers = file.followers_at_post.is_none() || file.followers_at_post == stored.followers_at_post;
    followers && PostCounts { followers_at_post: None, ..*file } == PostCounts { followers_at_post: None, ..*stored }
}

enum Found {
    Post(i64),
    Missing(Unmatched, Vec<i64>),
}

fn find(index: &Index, row: &ResultRow, meta: bool, matched: &mut MatchCounts) -> Found {
    if let Some(id) = row.post_id.as_ref().and_then(|p| index.by_post_id.get(p.trim())).filter(|id| index.live.contains_key(id)) {
        matched.post_id += 1;
        return Found::Post(*id);
    }
    if let Some(ids) = row.permalink.as_deref().and_then(post_key).and_then(|k| index.by_link.get(&k)) {
        if let [id] = ids.as_slice() {
            matched.permalink += 1;
            return Found::Post(*id);
        }
        return Found::Missing(Unmatched::SeveralPosts, ids.clone());
    }
    let Some(account) = row.account.as_deref().map(|a| crate::roster::validate::handle_key(a.trim_start_matches('@'))) else {
        return Found::Missing(Unmatched::NoPost, Vec::new());
    };
    let mut posts: Vec<i64> = Vec::new();
    for platform in Platform::ALL.iter().filter(|p| !meta || **p == Platform::Instagram) {
        if let Some(ids) = index.by_account.get(&(*platform, account.clone())) {
            posts.extend(ids);
        }
    }
    let Some(day) = row.published_at.map(|t| t.date()) else {
        return Found::Missing(Unmatched::NoPost, newest(index, posts));
    };
    let near = |id: &i64| index.live[id].published_on.is_some_and(|d| d == day || d.checked_add_days(Days::new(1)) == Some(day) || day.checked_add_days(Days::new(1)) == Some(d));
    let same_day: Vec<i64> = posts.iter().copied().filter(|id| index.live[id].published_on == Some(day)).collect();
    let fits: Vec<i64> = if same_day.is_empty() { posts.iter().copied().filter(near).collect() } else { same_day };
    match fits.as_slice() {
        [id] => {
            matched.account_and_day += 1;
            Found::Post(*id)
        }
        [] => Found::Missing(Unmatched::NoPost, newest(index, posts)),
        _ => Found::Missing(Unmatched::SeveralPosts, fits),
    }
}

fn newest(index: &Index, mut posts: Vec<i64>) -> Vec<i64> {
    posts.sort_by_key(|id| std::cmp::Reverse((index.live[id].published_on, *id)));
    posts.truncate(20);
    posts
}

fn candidates(conn: &Connection, ids: &[i64]) -> Result<Vec<Candidate>> {
    let mut st = conn.prepare_cached(
        "SELECT d.id, ca.name, cr.display_name, d.platform, d.published_at, d.post_url
           FROM deliverables d JOIN collaborations c ON c.id = d.collaboration_id
           JOIN campaigns ca ON ca.id = c.campaign_id JOIN creators cr ON cr.id = c.creator_id WHERE d.id = ?1",
    )?;
    let mut out = Vec::new();
    for id in ids {
        out.push(st.query_row([id], |r| {
            Ok(Candidate {
                deliverable_id: r.get(0)?,
                campaign: r.get(1)?,
                creator: r.get(2)?,
                platform: Platform::parse(&r.get::<_, String>(3)?).unwrap_or(Platform::Other),
                published_at: r.get(4)?,
                post_url: r.get(5)?,
            })
        })?);
    }
    Ok(out)
}

fn plan(conn: &Connection, path: &Path, options: &ResultsImportOptions) -> Result<Plan> {
    let file = read_results(path, &options.read)?;
    let index = load_index(conn)?;
    let today = options.today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let meta = file.layout != ResultsLayout::Mapped;
    let source = if meta { ResultSource::Meta } else { ResultSource::Sheet };
    let header_of = |field: crate::analytics::results_file::ResultField| file.columns.iter().find(|c| c.field == Some(field)).map(|c| c.header.clone());
    use crate::analytics::results_file::ResultField as F;
    let link_column = header_of(F::Permalink).or_else(|| header_of(F::PostId)).or_else(|| header_of(F::Account)).unwrap_or_default();
    let date_column = header_of(F::SnapshotDate).unwrap_or_default();

    let mut matched = MatchCounts::default();
    let mut problems: Vec<RowError> = Vec::new();
    let mut unmatched = Vec::new();
    let mut writes: Vec<Write> = Vec::new();
    let mut taken: Map<i64, u64> = Map::default();
    let mut accepted: Vec<(&ResultRow, i64, NaiveDate)> = Vec::with_capacity(file.rows.len());
    let (mut new_snapshots, mut replaced, mut unchanged) = (0u64, 0u64, 0u64);
    for row in &file.rows {
        let found = match options.assignments.get(&row.row) {
            Some(id) => match index.live.get(id) {
                Some(_) => {
                    matched.assigned += 1;
                    Found::Post(*id)
                }
                None => {
                    let status: Option<String> = conn.query_row("SELECT status FROM deliverables WHERE id = ?1", [id], |r| r.get(0)).ok();
                    let what = match status.as_deref().and_then(DeliverableStatus::parse) {
                        Some(s) => format!("is {}", s.label().to_lowercase()),
                        None => "does not exist".to_string(),
                    };
                    problems.push(row_error(row.row, &link_column, "results_assigned_not_published", Some(id.to_string()), &format!("The post chosen for this row {what}: results go with a published post.")));
                    continue;
                }
            },
            None => find(&index, row, meta, &mut matched),
        };
        let deliverable_id = match found {
            Found::Post(id) => id,
            Found::Missing(why, ids) => {
                let caption = row.caption.as_deref().map(|c| display_text(c, 80)).filter(|c| !c.is_empty());
                let published_at = row.published_at.map(|t| if row.published_time_given { t.format("%Y-%m-%dT%H:%M").to_string() } else { t.format("%Y-%m-%d").to_string() });
                unmatched.push(UnmatchedRow {
                    row: row.row,
                    permalink: row.permalink.clone(),
                    account: row.account.clone(),
                    published_at,
                    caption,
                    format: row.format_raw.clone(),
                    counts: file_counts(row),
                    why,
                    candidates: candidates(conn, &ids)?,
                });
                continue;
            }
        };
        if let Some(first) = taken.get(&deliverable_id) {
            problems.push(row_error_with(
                row.row,
                &link_column,
                "results_same_post_twice",
                row.permalink.clone(),
                &format!("This row is the same post as row {first}: a file gives each post's results once."),
                &[("other_row", first.to_string())],
            ));
            continue;
        }
        let live = &index.live[&deliverable_id];
        let day = match row.snapshot {
            Snapshot::On(day) => day,
            Snapshot::Lifetime | Snapshot::NotStated => today,
        };
        if let Some(published) = live.published_on.filter(|p| day < *p) {
            problems.push(row_error_with(
                row.row,
                &date_column,
                "results_before_post",
                Some(day.to_string()),
                &format!("The counts are dated {day}, before the post went up on {published}."),
                &[("published_on", published.to_string())],
            ));
            continue;
        }
        taken.insert(deliverable_id, row.row);
        accepted.push((row, deliverable_id, day));
    }
    let latest = load_latest(conn, &taken, index.live.len())?;
    for (row, deliverable_id, day) in accepted {
        let counts = file_counts(row);
        match latest.get(&deliverable_id) {
            Some(latest) if same_counts(&counts, &latest.counts) => {
                unchanged += 1;
                continue;
            }
            Some(latest) if latest.taken_on == day.to_string() && latest.source == source.as_str() => replaced += 1,
            _ => new_snapshots += 1,
        }
        let live = &index.live[&deliverable_id];
        let post_id = row.post_id.as_deref().map(str::trim).unwrap_or_default().to_string();
        writes.push(Write { row: row.row, deliverable_id, day, counts, post_id, handle_id: live.handle_id, handle_followers: live.handle_followers, published_on: live.published_on });
    }
    let mut left_out = file.left_out.clone();
    if !problems.is_empty() {
        if !options.read.skip_bad_rows {
            return Err(Error::ImportRejected { file: file.file_name, problems });
        }
        left_out.extend(problems);
        left_out.sort_by_key(|p| p.row);
    }
    let left_out_groups = group_problems(&left_out);
    let preview = ResultsPreview {
        file_name: file.file_name,
        layout: file.layout,
        encoding: file.encoding,
        delimiter: file.delimiter,
        columns: file.columns,
        date_order: file.date_order,
        date_order_assumed: file.date_order_assumed,
        data_rows: file.data_rows,
        matched,
        new_snapshots,
        replaced,
        unchanged,
        unmatched,
        left_out,
        left_out_groups,
    };
    Ok(Plan { preview, writes, link_column })
}
