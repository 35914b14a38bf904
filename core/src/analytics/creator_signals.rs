//! The authenticity signals of creators in the workspace: what [`super::signals`] is worked out
//! from, gathered per handle, for one creator's panel ([`creator_signals`]) or a page of the
//! roster table ([`roster_flags`]).
//!
//! Contract:
//! - Per handle: its follower snapshots (the roster's follower history) and the posts
//!   published from it: the creator's published or verified deliverables on the handle's
//!   platform, each with its newest results (`latest = 1`; none yet: every count unknown, and
//!   the post still explains a follower jump). A platform's posts belong to the creator's
//!   largest handle on it, the handle the results take their followers from.
//! - The creator's tier is the roster's (the largest handle, under the workspace's tier
//!   bounds); the engagement basis is the platform's (the workspace's setting).
//! - A post without a publish day cannot be placed in time and is left out.
//! - A page of the roster is read in a few queries per 500 creators (creators, handles,
//!   snapshots, posts), never one per creator.

use super::aggregates::DatedPost;
use super::figures::engagement_basis;
use super::formulas::{Basis, PostCounts};
use super::results::{counts_from, published_day};
use super::signals::{signals, FollowerPoint, Flag, Signal, SignalInput};
use crate::error::{Error, Result};
use crate::numbers::Spelling;
use crate::roster::model::Platform;
use crate::roster::tiers::Tier;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// One signal raised on one of a creator's handles.
#[derive(Debug, Clone, Serialize)]
pub struct CreatorSignal {
    pub platform: Platform,
    pub handle: String,
    pub signal: Signal,
}

/// One signal of a creator's handle as the creator panel shows it: its label and reason.
#[derive(Debug, Clone, Serialize)]
pub struct CreatorFlag {
    pub platform: Platform,
    pub handle: String,
    pub flag: Flag,
}

/// [`creator_signals`] worded in `spelling`, for the creator panel.
pub fn creator_flags(conn: &Connection, creator_id: i64, spelling: Spelling) -> Result<Vec<CreatorFlag>> {
    Ok(creator_signals(conn, creator_id)?.into_iter().map(|s| CreatorFlag { flag: s.signal.flag(spelling), platform: s.platform, handle: s.handle }).collect())
}

/// Ids read a chunk at a time: well under SQLite's limit on bound values.
const CHUNK: usize = 500;

/// Every signal of one creator: per handle (largest first), its follower snapshots (the
/// roster's follower history) and the posts published from it with their newest counts
/// (post_results latest = 1), the creator's tier, the platform's engagement basis
/// ([`engagement_basis`]). Empty when nothing is unusual or there is not enough data.
pub fn creator_signals(conn: &Connection, creator_id: i64) -> Result<Vec<CreatorSignal>> {
    let mut all = gather(conn, &[creator_id])?;
    let Some(found) = all.remove(&creator_id) else { return Err(Error::NotFound { what: "creator", id: creator_id }) };
    Ok(found)
}

/// The roster's flags for these creators (a page of the table): each creator with at least one
/// signal → its flags in `spelling`, in the order of [`creator_signals`]. Creators without a
/// signal, and ids no creator has, are not in the map.
pub fn roster_flags(conn: &Connection, creator_ids: &[i64], spelling: Spelling) -> Result<HashMap<i64, Vec<Flag>>> {
    Ok(gather(conn, creator_ids)?
        .into_iter()
        .filter(|(_, found)| !found.is_empty())
        .map(|(id, found)| (id, found.iter().map(|s| s.signal.flag(spelling)).collect()))
        .collect())
}

/// One handle and what its signals are worked out from.
struct HandleFacts {
    id: i64,
    creator_id: i64,
    platform: Platform,
    handle: String,
    followers: i64,
    history: Vec<FollowerPoint>,
    posts: Vec<DatedPost>,
}

/// Each existing creator among `ids` → its signals (possibly none).
fn gather(conn: &Connection, ids: &[i64]) -> Result<HashMap<i64, Vec<CreatorSignal>>> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let mut out = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let tiers = crate::workspace::settings::load(conn)?.tiers;
    let bases = engagement_basis(conn)?;
    for chunk in ids.chunks(CHUNK) {
        let marks = vec!["?"; chunk.len()].join(",");
        let args: Vec<Value> = chunk.iter().map(|&id| Value::Integer(id)).collect();
        let mut creator_tiers: BTreeMap<i64, Tier> = BTreeMap::new();
        let mut st = conn.prepare_cached(&format!("SELECT id, max_followers FROM creators WHERE id IN ({marks})"))?;
        let mut rows = st.query(params_from_iter(&args))?;
        while let Some(r) = rows.next()? {
            creator_tiers.insert(r.get(0)?, tiers.tier_for(r.get(1)?));
        }
        drop(rows);

        let mut handles: Vec<HandleFacts> = Vec::new();
        let mut st = conn.prepare_cached(&format!("SELECT id, creator_id, platform, handle, followers FROM handles WHERE creator_id IN ({marks})"))?;
        let mut rows = st.query(params_from_iter(&args))?;
        while let Some(r) = rows.next()? {
            let platform = Platform::parse(r.get_ref(2)?.as_str().unwrap_or_default()).unwrap_or(Platform::Other);
            handles.push(HandleFacts { id: r.get(0)?, creator_id: r.get(1)?, platform, handle: r.get(3)?, followers: r.get(4)?, history: Vec::new(), posts: Vec::new() });
        }
        drop(rows);
        // Largest first, as the roster lists them; a platform's posts go to its first handle.
        handles.sort_by(|a, b| a.creator_id.cmp(&b.creator_id).then(b.followers.cmp(&a.followers)).then(a.id.cmp(&b.id)));
        let at: HashMap<i64, usize> = handles.iter().enumerate().map(|(i, h)| (h.id, i)).collect();
        let mut main: HashMap<(i64, Platform), usize> = HashMap::new();
        for (i, h) in handles.iter().enumerate() {
            main.entry((h.creator_id, h.platform)).or_insert(i);
        }

        let mut st = conn.prepare_cached(&format!(
            "SELECT s.handle_id, s.taken_on, s.followers FROM follower_snapshots s JOIN handles h ON h.id = s.handle_id WHERE h.creator_id IN ({marks})"
        ))?;
        let mut rows = st.query(params_from_iter(&args))?;
        while let Some(r) = rows.next()? {
            let (Some(&i), Ok(on)) = (at.get(&r.get::<_, i64>(0)?), NaiveDate::parse_from_str(r.get_ref(1)?.as_str().unwrap_or_default(), "%Y-%m-%d")) else { continue };
            handles[i].history.push(FollowerPoint { on, followers: r.get(2)? });
        }
        drop(rows);

        let mut st = conn.prepare_cached(&format!(
            "SELECT c.creator_id, d.platform, d.id, d.published_at,
                    p.views, p.reach, p.impressions, p.likes, p.comments, p.shares, p.saves, p.link_clicks, p.profile_follows, p.followers_at_post
               FROM collaborations c
               JOIN deliverables d ON d.collaboration_id = c.id
               LEFT JOIN post_results p ON p.deliverable_id = d.id AND p.latest = 1
              WHERE c.creator_id IN ({marks}) AND d.status IN ('published', 'verified')"
        ))?;
        let mut rows = st.query(params_from_iter(&args))?;
        while let Some(r) = rows.next()? {
            let platform = Platform::parse(r.get_ref(1)?.as_str().unwrap_or_default()).unwrap_or(Platform::Other);
            let Some(&i) = main.get(&(r.get::<_, i64>(0)?, platform)) else { continue };
            let Some(posted_on) = published_day(r.get::<_, Option<String>>(3)?.as_deref()) else { continue };
            // Without results every count reads as unknown (NULL), never 0.
            let counts: PostCounts = counts_from(r, 4)?;
            handles[i].posts.push(DatedPost { id: r.get(2)?, posted_on, counts });
        }
        drop(rows);

        for &creator_id in creator_tiers.keys() {
            out.insert(creator_id, Vec::new());
        }
        for h in handles {
            let Some(&tier) = creator_tiers.get(&h.creator_id) else { continue };
            let basis: Basis = bases.get(&h.platform).copied().unwrap_or(Basis::Followers);
            let raised = signals(&SignalInput { followers: &h.history, posts: &h.posts, tier: Some(tier), basis });
            let found = out.entry(h.creator_id).or_insert_with(Vec::new);
            found.extend(raised.into_iter().map(|signal| CreatorSignal { platform: h.platform, handle: h.handle.clone(), signal }));
        }
    }
    Ok(out)
}
