//! The signals read from a workspace built as a person builds one: creators through the roster,
//! their history as the roster records it, campaigns, collaborations and posts through the
//! campaign API, results typed in the grid.

use super::creator_signals::{creator_signals, roster_flags, CreatorSignal};
use super::results::{record_typed, ResultsDraft};
use super::signals::{Signal, SignalKind};
use crate::campaigns::{campaign, collaboration, deliverable, CampaignDraft, CollaborationDraft, DeliverableDraft};
use crate::error::Error;
use crate::numbers::Spelling;
use crate::roster::creators;
use crate::roster::model::{CreatorDraft, HandleDraft, Platform};
use crate::workspace::settings::Settings;
use crate::Workspace;
use chrono::NaiveDate;

struct World {
    ws: Workspace,
    campaign: i64,
}

impl World {
    fn new() -> World {
        let mut ws = Workspace::in_memory(&Settings::new("Loom & Leaf", "EUR", "nl-NL")).unwrap();
        let draft = CampaignDraft { name: "Winter linen".into(), goal: "awareness".into(), starts_on: "2025-01-01".into(), ends_on: "2025-03-31".into(), ..Default::default() };
        let campaign = campaign::create(&mut ws, &draft).unwrap().id;
        World { ws, campaign }
    }

    /// A creator with these handles (platform, handle, followers now) and, per handle, its
    /// follower history before today's count (day, followers).
    fn creator(&mut self, name: &str, handles: &[(&str, &str, i64, &[(&str, i64)])]) -> i64 {
        let draft = CreatorDraft {
            display_name: name.into(),
            handles: handles.iter().map(|(p, h, f, _)| HandleDraft { platform: p.to_string(), handle: h.to_string(), followers: f.to_string(), ..Default::default() }).collect(),
            ..Default::default()
        };
        let id = creators::create(&mut self.ws, &draft).unwrap().id;
        for (platform, handle, _, history) in handles {
            let handle_id: i64 = self.ws.conn().query_row("SELECT id FROM handles WHERE platform = ?1 AND handle = ?2", [platform, handle], |r| r.get(0)).unwrap();
            self.ws.write(|tx| history.iter().try_for_each(|(day, followers)| creators::record_snapshot(tx, handle_id, day, *followers))).unwrap();
        }
        id
    }

    /// A paid collaboration in the campaign, agreed.
    fn collaboration(&mut self, creator: i64) -> i64 {
        let draft = CollaborationDraft { campaign_id: self.campaign, creator_id: creator, kind: "paid".into(), status: "agreed".into(), fee: "400".into(), ..Default::default() };
        collaboration::create(&mut self.ws, &draft).unwrap().id
    }

    /// A post published on `day` in the evening, as the board marks one published.
    fn post(&mut self, collaboration: i64, platform: &str, day: &str) -> i64 {
        let planned = deliverable::create(&mut self.ws, &DeliverableDraft { collaboration_id: collaboration, platform: platform.into(), format: "reel".into(), due_on: day.into(), ..Default::default() }).unwrap();
        let mut draft = planned.draft.clone();
        draft.status = "published".into();
        draft.post_url = format!("https://example.com/{platform}/{}", planned.id);
        draft.published_at = format!("{day}T19:30");
        deliverable::update(&mut self.ws, planned.id, planned.revision, &draft).unwrap().id
    }

    /// Likes and comments typed in the grid for `day` (followers from the roster's history).
    fn results(&mut self, deliverable: i64, day: &str, likes: i64, comments: i64) {
        let draft = ResultsDraft { deliverable_id: deliverable, taken_on: day.into(), likes: likes.to_string(), comments: comments.to_string(), spelling: Spelling::English, ..Default::default() };
        record_typed(&mut self.ws, &draft).unwrap();
    }
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn kinds(found: &[CreatorSignal]) -> Vec<(Platform, &str, SignalKind)> {
    found.iter().map(|s| (s.platform, s.handle.as_str(), s.signal.kind())).collect()
}

/// 10,000 on 1 January, 15,000 on 1 February (+50%), today a little more.
const JUMP: &[(&str, i64)] = &[("2024-12-01", 9_800), ("2025-01-01", 10_000), ("2025-02-01", 15_000), ("2025-03-01", 15_200)];

#[test]
fn a_jump_with_no_post_is_raised_and_one_with_a_post_between_is_not() {
    let mut w = World::new();
    let bought = w.creator("Mara Bought", &[("instagram", "mara.linnen", 15_400, JUMP), ("tiktok", "maralinnen", 3_000, &[])]);
    let explained = w.creator("Noa Viral", &[("instagram", "noa.linnen", 15_400, JUMP)]);
    // Mara posted in between, but on TikTok: that does not explain her Instagram followers.
    let deal = w.collaboration(bought);
    w.post(deal, "tiktok", "2025-01-15");
    // Noa's post went up in between: the rise has its reason, results or not.
    let deal = w.collaboration(explained);
    w.post(deal, "instagram", "2025-01-15");

    let found = creator_signals(w.ws.conn(), bought).unwrap();
    assert_eq!(kinds(&found), [(Platform::Instagram, "mara.linnen", SignalKind::FollowerJump)]);
    let Signal::FollowerJump(j) = &found[0].signal else { unreachable!() };
    assert_eq!((j.from, j.to, j.before, j.after, j.rise, j.relative_rise.basis_points()), (date("2025-01-01"), date("2025-02-01"), 10_000, 15_000, 5_000, 5_000));
    assert!(creator_signals(w.ws.conn(), explained).unwrap().is_empty());
}

#[test]
fn the_newest_results_decide_the_engagement_signal() {
    let mut w = World::new();
    let history: &[(&str, i64)] = &[("2025-01-01", 20_000)];
    let recovered = w.creator("Ilse Recovered", &[("instagram", "ilse.recovered", 20_000, history)]);
    let low = w.creator("Bo Low", &[("instagram", "bo.low", 20_000, history)]);
    for (creator, later_likes) in [(recovered, 400), (low, 40)] {
        let deal = w.collaboration(creator);
        for day in ["2025-02-03", "2025-02-10", "2025-02-17"] {
            let post = w.post(deal, "instagram", day);
            // Read a day after posting, then again a week on.
            let next = date(day).succ_opt().unwrap().to_string();
            w.results(post, &next, 30, 2);
            let week = (date(day) + chrono::Days::new(7)).to_string();
            w.results(post, &week, later_likes, 10);
        }
    }
    // Micro: 1.81%; far below is under 0.905%. Ilse's newest: (400 + 10) ÷ 20,000 = 2.05%.
    assert!(creator_signals(w.ws.conn(), recovered).unwrap().is_empty(), "the first day's counts are not the post's");
    // Bo's newest: (40 + 10) ÷ 20,000 = 0.25%.
    let found = creator_signals(w.ws.conn(), low).unwrap();
    assert_eq!(kinds(&found), [(Platform::Instagram, "bo.low", SignalKind::EngagementFarBelowTier)]);
    let Signal::EngagementFarBelowTier(e) = &found[0].signal else { unreachable!() };
    assert_eq!((e.posts.len(), e.median.basis_points(), e.tier), (3, 25, crate::roster::tiers::Tier::Micro));
}

#[test]
fn roster_flags_name_only_the_flagged_creators() {
    let mut w = World::new();
    let bought = w.creator("Mara Bought", &[("instagram", "mara.linnen", 15_400, JUMP)]);
    let explained = w.creator("Noa Viral", &[("instagram", "noa.linnen", 15_400, JUMP)]);
    let quiet = w.creator("Sem Quiet", &[("instagram", "sem.quiet", 4_000, &[])]);
    let deal = w.collaboration(explained);
    w.post(deal, "instagram", "2025-01-20");

    let flags = roster_flags(w.ws.conn(), &[quiet, bought, explained, 999_999, bought], Spelling::English).unwrap();
    assert_eq!(flags.keys().copied().collect::<Vec<_>>(), [bought], "no entry for the unflagged, the unknown id or the repeat");
    let [flag] = &flags[&bought][..] else { panic!("{flags:?}") };
    assert_eq!((flag.kind, flag.label), (SignalKind::FollowerJump, "Follower jump"));
    assert_eq!(flag.reason, "Followers rose from 10,000 to 15,000 (+50%) between 1 January and 1 February 2025 with no post in that time.");
    let dutch = roster_flags(w.ws.conn(), &[bought], Spelling::Dutch).unwrap();
    assert_eq!(dutch[&bought][0].label, "Sprong in volgers");
    assert!(dutch[&bought][0].reason.contains("van 10.000 naar 15.000"), "{}", dutch[&bought][0].reason);

    assert!(roster_flags(w.ws.conn(), &[], Spelling::English).unwrap().is_empty());
    assert!(matches!(creator_signals(w.ws.conn(), 999_999), Err(Error::NotFound { what: "creator", .. })));
}

#[test]
fn a_page_of_many_creators_is_read_in_chunks_with_the_same_flags() {
    let mut w = World::new();
    let mut ids = Vec::new();
    for i in 0..1_020 {
        let history: &[(&str, i64)] = if i % 100 == 7 { JUMP } else { &[("2025-01-01", 15_000)] };
        ids.push(w.creator(&format!("Creator {i}"), &[("instagram", &format!("creator.{i}"), 15_400, history)]));
    }
    let flags = roster_flags(w.ws.conn(), &ids, Spelling::English).unwrap();
    let mut flagged: Vec<i64> = flags.keys().copied().collect();
    flagged.sort_unstable();
    let expected: Vec<i64> = ids.iter().enumerate().filter(|(i, _)| i % 100 == 7).map(|(_, id)| *id).collect();
    assert_eq!(flagged, expected, "across the 500-id chunks");
}
