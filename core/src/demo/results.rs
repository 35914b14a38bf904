//! The demo's post results: every published or verified post gets counts that tell the story
//! the analytics screen shows. Some creators do better than their tier's benchmark and some
//! worse (never so far below it that a signal fires), carousels beat Reels, gifted posts do a
//! little better than paid ones, and the recent posts were read twice (the day after, then a
//! week on), so a post's history is not flat.
//!
//! Contract: the counts go in through the results grid's own door ([`record_typed`]) with the
//! followers left empty, so followers at posting time come from the roster's history as they
//! would for a person. The numbers are worked out, not drawn: a creator's form (percent of the
//! tier benchmark, or of a view-based rate on platforms that divide by views) times the
//! format's share, with a wobble seeded by the creator and the post's place in their list, so
//! the demo is the same every day (only the dates move with today).

use super::fnv;
use crate::analytics::benchmarks::{tier_benchmark, Level};
use crate::analytics::figures::{engagement_basis, posts, PostFacts};
use crate::analytics::formulas::{Basis, PostCounts};
use crate::analytics::results::{post, record_typed, roster_followers, ResultsDraft};
use crate::error::Result;
use crate::numbers::Spelling;
use crate::roster::model::{ContentFormat, Platform};
use crate::synthetic::Rng;
use crate::workspace::Workspace;
use chrono::{Days, NaiveDate};
use std::collections::HashMap;

/// How each creator's posts do, in percent of their tier's benchmark (or of
/// [`VIEWS_BASE_BASIS_POINTS`]); a creator not listed does as the benchmark.
const FORM: &[(&str, i64)] = &[
    ("Siobhán Kelly", 185),
    ("Sanne Bakker", 130),
    ("Noor Hendriks", 115),
    // Gifted: small, loyal audiences.
    ("Jesse de Boer", 150),
    ("Eva Mulder", 150),
    // About 2% on Reels, carousels best: her notes.
    ("Anouk Vos", 165),
    ("Layla Haddou", 110),
    ("Sofie Hendrickx", 100),
    // Below their tier, not far below.
    ("Fleur de Jong", 88),
    ("Priya Raman", 85),
    ("Femke Willems", 72),
];

/// Interactions per view of a post on a platform whose rate divides by views (TikTok): 5.5%.
const VIEWS_BASE_BASIS_POINTS: i64 = 550;

/// A post's share of its creator's form by format, in percent: carousels over single images
/// over Reels, as in the guide (2.62%, 2.14%, 2.03%), carousels by more since the creators
/// who post Reels here are the stronger ones; a story gets few likes and replies.
fn format_share(format: ContentFormat) -> i64 {
    match format {
        ContentFormat::Carousel => 145,
        ContentFormat::Post | ContentFormat::SingleImage => 104,
        ContentFormat::Story => 45,
        _ => 100,
    }
}

/// Every count times `percent` ÷ 100: the counts a day after posting.
fn scaled(c: PostCounts, percent: i64) -> PostCounts {
    let s = |n: Option<i64>| n.map(|n| n * percent / 100);
    PostCounts {
        views: s(c.views),
        reach: s(c.reach),
        impressions: s(c.impressions),
        likes: s(c.likes),
        comments: s(c.comments),
        shares: s(c.shares),
        saves: s(c.saves),
        link_clicks: s(c.link_clicks),
        ..c
    }
}

/// The counts as the grid holds them, followers left empty (the roster's history).
fn draft(c: PostCounts, deliverable_id: i64, taken_on: NaiveDate) -> ResultsDraft {
    let t = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    ResultsDraft {
        deliverable_id,
        taken_on: taken_on.to_string(),
        views: t(c.views),
        reach: t(c.reach),
        impressions: t(c.impressions),
        likes: t(c.likes),
        comments: t(c.comments),
        shares: t(c.shares),
        saves: t(c.saves),
        link_clicks: t(c.link_clicks),
        profile_follows: t(c.profile_follows),
        spelling: Spelling::English,
        ..Default::default()
    }
}

/// `part` percent of `n`.
fn pct(n: i64, part: i64) -> i64 {
    n * part / 100
}

/// A week on, what a post has: its interactions are `rate` basis points of its basis count.
fn final_counts(platform: Platform, format: ContentFormat, followers: i64, rate: i64, rng: &mut Rng) -> PostCounts {
    let jitter = |rng: &mut Rng, n: i64| n * (94 + rng.below(13) as i64) / 100;
    let split = |interactions: i64, (likes, comments, shares, saves): (i64, i64, i64, Option<i64>)| {
        (Some(pct(interactions, likes)), Some(pct(interactions, comments)), Some(pct(interactions, shares)), saves.map(|s| pct(interactions, s)))
    };
    match platform {
        Platform::Instagram => {
            let (reach_share, views_share, parts) = match format {
                ContentFormat::Reel => (48, 175, (84, 4, 7, Some(5))),
                ContentFormat::Carousel => (38, 160, (76, 4, 5, Some(15))),
                ContentFormat::Story => (14, 115, (78, 8, 14, None)),
                _ => (32, 130, (86, 6, 3, Some(5))),
            };
            let reach = jitter(rng, pct(followers, reach_share));
            let (likes, comments, shares, saves) = split(followers * rate / 10_000, parts);
            // Stories carry the link sticker.
            let link_clicks = (format == ContentFormat::Story).then(|| reach * 2 / 100);
            PostCounts { views: Some(pct(reach, views_share)), reach: Some(reach), likes, comments, shares, saves, link_clicks, ..PostCounts::default() }
        }
        Platform::Tiktok | Platform::Youtube | Platform::Twitch => {
            let views = jitter(rng, pct(followers, 135));
            let (likes, comments, shares, saves) = split(views * rate / 10_000, (80, 5, 8, Some(7)));
            PostCounts { views: Some(views), reach: Some(pct(views, 82)), likes, comments, shares, saves, ..PostCounts::default() }
        }
        // Pinterest reports impressions, saves and outbound clicks; no likes.
        Platform::Pinterest => {
            let impressions = jitter(rng, pct(followers, 420));
            PostCounts { impressions: Some(impressions), saves: Some(impressions * 14 / 1_000), link_clicks: Some(impressions * 6 / 1_000), ..PostCounts::default() }
        }
        // A blog has page views, comments and clicks through; no likes.
        Platform::Blog | Platform::X | Platform::Other => {
            let views = jitter(rng, pct(followers, 90));
            PostCounts { views: Some(views), comments: Some(views * 5 / 1_000), link_clicks: Some(views * 4 / 100), ..PostCounts::default() }
        }
    }
}

/// Writes the results of every live demo post; returns the snapshots written.
pub(super) fn write(ws: &mut Workspace, today: NaiveDate) -> Result<u64> {
    let live: Vec<PostFacts> = posts(ws.conn(), None)?;
    let bases = engagement_basis(ws.conn())?;
    let tiers = ws.settings()?.tiers;
    let mut nth: HashMap<i64, u64> = HashMap::new();
    let mut written = 0;
    for p in live {
        let Some(published) = p.posted_on else { continue };
        let place = nth.entry(p.creator_id).or_insert(0);
        *place += 1;
        let mut rng = Rng::new(fnv(&format!("{}/{place}", p.creator)));
        let handle = post(ws.conn(), p.deliverable_id)?.handle_id;
        let (Some(followers), _) = roster_followers(ws.conn(), handle, Some(published))? else { continue };
        let form = FORM.iter().find(|(name, _)| *name == p.creator).map_or(100, |(_, f)| *f);
        let base = match bases.get(&p.platform) {
            Some(Basis::Views) => VIEWS_BASE_BASIS_POINTS,
            _ => match tier_benchmark(tiers.tier_for(followers)).map(|b| b.level) {
                Some(Level::Value { basis_points }) => basis_points,
                Some(Level::Range { low, .. }) => low,
                None => 300,
            },
        };
        let rate = base * form / 100 * format_share(p.format) / 100 * (96 + rng.below(9) as i64) / 100;
        let counts = final_counts(p.platform, p.format, followers, rate, &mut rng);
        // Read a week on; a post of the last months also the day after, a post of this week
        // as late as yesterday.
        let week = published.checked_add_days(Days::new(7)).unwrap_or(published);
        let last = week.min(today.pred_opt().unwrap_or(today)).max(published);
        let recent = published.checked_add_days(Days::new(90)).is_some_and(|d| d > today);
        let first = published.succ_opt().filter(|d| recent && *d < last);
        if let Some(day) = first {
            record_typed(ws, &draft(scaled(counts, 68), p.deliverable_id, day))?;
            written += 1;
        }
        record_typed(ws, &draft(counts, p.deliverable_id, last))?;
        written += 1;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use crate::analytics::benchmarks::{compare, tier_benchmark, Standing};
    use crate::analytics::creator_signals::creator_signals;
    use crate::analytics::figures::{analytics, post_rate, posts, GroupBy};
    use crate::analytics::results::FollowersFrom;
    use crate::analytics::signals::SignalKind;
    use crate::numbers::Spelling;
    use crate::workspace::Workspace;

    fn demo() -> Workspace {
        let mut ws = Workspace::in_memory(&super::super::settings()).unwrap();
        let summary = super::super::fill(&mut ws).unwrap();
        let stored: i64 = ws.conn().query_row("SELECT count(*) FROM post_results", [], |r| r.get(0)).unwrap();
        assert_eq!(summary.results, stored as u64);
        ws
    }

    #[test]
    fn every_live_post_has_results_with_followers_from_the_history() {
        let ws = demo();
        let live = posts(ws.conn(), None).unwrap();
        assert_eq!(live.len(), 25);
        for p in &live {
            let counts = p.counts.unwrap_or_else(|| panic!("{} on {:?} has no results", p.creator, p.posted_on));
            assert_eq!(p.followers_from, FollowersFrom::History, "{}", p.creator);
            assert!(counts.followers_at_post.is_some_and(|f| f > 0) && p.tier.is_some(), "{}", p.creator);
        }
        let read: Vec<i64> = ws.conn().prepare("SELECT count(*) FROM post_results GROUP BY deliverable_id").unwrap().query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
        let twice = read.iter().filter(|n| **n == 2).count();
        assert!(twice > 0 && twice < read.len(), "some posts read twice, not all: {read:?}");
        let newer_on_top: i64 = ws
            .conn()
            .query_row(
                "SELECT count(*) FROM post_results a JOIN post_results b ON b.deliverable_id = a.deliverable_id AND b.taken_on > a.taken_on
                  WHERE a.latest = 0 AND b.latest = 1 AND coalesce(b.likes, b.views, b.impressions) > coalesce(a.likes, a.views, a.impressions)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(newer_on_top as usize, twice, "the later reading is the newest and has more");
    }

    #[test]
    fn the_analytics_show_creators_above_and_below_their_tier_formats_and_deals() {
        let ws = demo();
        let live = posts(ws.conn(), None).unwrap();
        let by_creator = analytics(ws.conn(), None, GroupBy::Creator, Spelling::English).unwrap();
        let (mut above, mut below) = (Vec::new(), Vec::new());
        for g in &by_creator.groups {
            // The tier of the creator's newest measured post.
            let tier = live.iter().filter(|p| p.creator_id.to_string() == g.key && post_rate(p).value().is_some()).filter_map(|p| p.tier).last().unwrap();
            let (Some(mean), Some(benchmark)) = (g.mean.value(), tier_benchmark(tier)) else { continue };
            match compare(mean, benchmark).standing {
                Standing::Above => above.push(g.label.as_str()),
                Standing::Below => below.push(g.label.as_str()),
                _ => {}
            }
        }
        assert_eq!(above, ["Layla Haddou", "Eva Mulder", "Siobhán Kelly", "Sofie Hendrickx", "Anouk Vos", "Noor Hendriks", "Sanne Bakker"], "best first");
        assert_eq!(below, ["Femke Willems", "Jesse de Boer", "Fleur de Jong", "Priya Raman"]);

        let by_format = analytics(ws.conn(), None, GroupBy::Format, Spelling::English).unwrap();
        let mean = |key: &str| by_format.groups.iter().find(|g| g.key == key).and_then(|g| g.mean.value().cloned()).unwrap();
        assert!(mean("carousel").basis_points() > mean("reel").basis_points(), "carousels above Reels");

        let gifted = by_format.contrasts.iter().find(|c| c.id == "gifted_over_paid").unwrap();
        let more = gifted.difference.value().unwrap().basis_points();
        assert!((500..=3_000).contains(&more), "gifted a bit above paid: {}", gifted.sentence);
    }

    #[test]
    fn exactly_one_creator_is_flagged_for_a_follower_jump_and_nothing_else_fires() {
        let ws = demo();
        let creators: Vec<(i64, String)> = ws.conn().prepare("SELECT id, display_name FROM creators ORDER BY id").unwrap().query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(|r| r.unwrap()).collect();
        let mut raised = Vec::new();
        for (id, name) in &creators {
            for s in creator_signals(ws.conn(), *id).unwrap() {
                raised.push((name.clone(), s.handle.clone(), s.signal.kind()));
            }
        }
        assert_eq!(raised, [("Jasper Koster".to_string(), "jasper.fietst.door".to_string(), SignalKind::FollowerJump)]);
    }
}
