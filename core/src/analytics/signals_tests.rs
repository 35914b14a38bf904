//! Authenticity signals: for each, a case that raises it (its numbers and its reason in English
//! and Dutch) and cases that must not (just inside the threshold, too few posts, a post that
//! explains the jump, zero followers or likes, a count not known); the JSON the window gets.

use super::aggregates::DatedPost;
use super::formulas::{Basis, Count, PostCounts};
use super::formulas_tests::assert_clean;
use super::rate::{NotEnoughData, Ratio};
use super::signals::{
    comments_to_likes_unusual, engagement_far_below_tier, follower_jumps, reach_far_below_followers, signals, Direction, FollowerPoint, Signal, SignalInput, SignalKind, COMMENTS_TO_LIKES_MIN_EARLIER_POSTS,
};
use crate::numbers::Spelling::{Dutch, English, Unknown};
use crate::roster::tiers::Tier;
use chrono::NaiveDate;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn snap(d: u32, followers: i64) -> FollowerPoint {
    FollowerPoint { on: day(d), followers }
}

fn post(id: i64, d: u32, counts: PostCounts) -> DatedPost {
    DatedPost { id, posted_on: day(d), counts }
}

/// A post with `likes` likes (0 comments, shares and saves) and 10,000 followers at posting time.
fn liked(id: i64, d: u32, likes: i64) -> DatedPost {
    post(id, d, PostCounts { likes: Some(likes), comments: Some(0), shares: Some(0), saves: Some(0), followers_at_post: Some(10_000), ..Default::default() })
}

/// A post with its comments and likes only.
fn commented(id: i64, d: u32, comments: i64, likes: i64) -> DatedPost {
    post(id, d, PostCounts { likes: Some(likes), comments: Some(comments), ..Default::default() })
}

/// A post with its reach and followers at posting time only.
fn reached(id: i64, d: u32, reach: Option<i64>, followers: i64) -> DatedPost {
    post(id, d, PostCounts { reach, followers_at_post: Some(followers), ..Default::default() })
}

fn both(signal: &Signal) -> (String, String) {
    let (en, nl) = (signal.reason(English), signal.reason(Dutch));
    assert_clean(&en);
    assert_clean(&nl);
    assert_eq!(signal.reason(Unknown), en, "a spelling not known reads English");
    (en, nl)
}

fn only(signals: Vec<Signal>, kind: SignalKind) -> Vec<Signal> {
    signals.into_iter().filter(|s| s.kind() == kind).collect()
}

// Follower jumps.

#[test]
fn a_follower_jump_with_no_post_is_raised_with_its_days_and_counts() {
    // Given out of order; 12,000 → 12,400 is too small, 12,400 → 19,800 is +59.68% with the only
    // post on 2 March, before it.
    let followers = [snap(10, 19_800), snap(1, 12_000), snap(3, 12_400)];
    let posts = [liked(1, 2, 500)];
    let jumps = follower_jumps(&followers, &posts);
    assert_eq!(jumps.len(), 1);
    let j = &jumps[0];
    assert_eq!((j.from, j.to, j.before, j.after, j.rise), (day(3), day(10), 12_400, 19_800, 7_400));
    assert_eq!(j.relative_rise, Ratio::new(7_400, 12_400).unwrap());
    assert_eq!(j.relative_rise.basis_points(), 5_968);
    let all = signals(&SignalInput { followers: &followers, posts: &posts, tier: None, basis: Basis::Followers });
    let raised = only(all, SignalKind::FollowerJump);
    assert_eq!(raised.len(), 1);
    let (en, nl) = both(&raised[0]);
    assert_eq!(en, "Followers rose from 12,400 to 19,800 (+59.68%) between 3 and 10 March 2026 with no post in that time.");
    assert_eq!(nl, "Het aantal volgers steeg van 12.400 naar 19.800 (+59,68%) tussen 3 en 10 maart 2026, zonder post in die tijd.");
}

#[test]
fn a_jump_just_over_the_thresholds_is_raised_and_one_at_them_is_not() {
    let jump = |before: i64, after: i64| follower_jumps(&[snap(1, before), snap(8, after)], &[]);
    assert!(jump(10_000, 12_000).is_empty(), "+20% exactly is not more than 20%");
    assert_eq!(jump(10_000, 12_001).len(), 1, "+20.01%");
    assert!(jump(100_000, 120_004).is_empty(), "+20.004% is shown as 20%: compared as shown");
    assert_eq!(jump(100_000, 120_005)[0].relative_rise.basis_points(), 2_001, "+20.005% is shown as 20.01%");
    assert!(jump(4_000, 4_999).is_empty(), "+24.98% but 999 followers: under 1,000");
    assert_eq!(jump(4_000, 5_000)[0].rise, 1_000, "1,000 followers is enough");
    assert!(jump(300, 400).is_empty(), "a small account's +33%");
    assert!(jump(19_800, 12_400).is_empty(), "a drop is not a jump");
}

#[test]
fn a_post_on_either_day_or_between_explains_the_jump() {
    let followers = [snap(3, 12_400), snap(10, 19_800)];
    for d in [3, 5, 10] {
        assert!(follower_jumps(&followers, &[liked(1, d, 500)]).is_empty(), "a post on {d} March");
    }
    assert_eq!(follower_jumps(&followers, &[liked(1, 2, 500), liked(2, 11, 500)]).len(), 1, "posts before and after do not explain it");
}

#[test]
fn zero_followers_or_too_few_snapshots_raise_nothing() {
    assert!(follower_jumps(&[snap(1, 0), snap(8, 5_000)], &[]).is_empty(), "from 0: nothing to compare the rise with");
    assert!(follower_jumps(&[snap(1, 5_000)], &[]).is_empty());
    assert!(follower_jumps(&[], &[]).is_empty());
    let quiet = SignalInput { followers: &[snap(1, 0), snap(8, 5_000)], posts: &[], tier: Some(Tier::Micro), basis: Basis::Followers };
    assert!(signals(&quiet).is_empty());
}

#[test]
fn on_a_day_with_several_snapshots_the_last_given_counts_and_a_negative_one_is_skipped() {
    // 12,400 then 19,000 on 3 March: the day's count is 19,000, so 10 March's 19,800 is no jump.
    assert!(follower_jumps(&[snap(3, 12_400), snap(3, 19_000), snap(10, 19_800)], &[]).is_empty());
    assert_eq!(follower_jumps(&[snap(3, 19_000), snap(3, 12_400), snap(10, 19_800)], &[]).len(), 1);
    // A count below 0 is a mistake: skipped, and the jump around it is still seen.
    let jumps = follower_jumps(&[snap(1, 10_000), snap(5, -5), snap(8, 15_000)], &[]);
    assert_eq!(jumps.len(), 1);
    assert_eq!((jumps[0].from, jumps[0].to, jumps[0].before), (day(1), day(8), 10_000));
}

#[test]
fn a_jump_across_months_and_years_writes_both_days_in_full_as_needed() {
    let feb = NaiveDate::from_ymd_opt(2026, 2, 27).unwrap();
    let jumps = follower_jumps(&[FollowerPoint { on: feb, followers: 10_000 }, snap(3, 15_000)], &[]);
    let signal = Signal::FollowerJump(jumps[0].clone());
    assert_eq!(both(&signal).0, "Followers rose from 10,000 to 15,000 (+50%) between 27 February and 3 March 2026 with no post in that time.");
    assert_eq!(both(&signal).1, "Het aantal volgers steeg van 10.000 naar 15.000 (+50%) tussen 27 februari en 3 maart 2026, zonder post in die tijd.");
    let (dec, jan) = (NaiveDate::from_ymd_opt(2025, 12, 30).unwrap(), NaiveDate::from_ymd_opt(2026, 1, 2).unwrap());
    let jumps = follower_jumps(&[FollowerPoint { on: dec, followers: 1_000_000 }, FollowerPoint { on: jan, followers: 1_250_000 }], &[]);
    let signal = Signal::FollowerJump(jumps[0].clone());
    assert_eq!(both(&signal).0, "Followers rose from 1,000,000 to 1,250,000 (+25%) between 30 December 2025 and 2 January 2026 with no post in that time.");
    assert_eq!(both(&signal).1, "Het aantal volgers steeg van 1.000.000 naar 1.250.000 (+25%) tussen 30 december 2025 en 2 januari 2026, zonder post in die tijd.");
}

// Engagement far below the tier.

#[test]
fn engagement_under_half_the_tier_benchmark_is_raised_with_the_median_and_the_benchmark() {
    // 0.5%, 0.8%, 0.9% by followers: median 0.8%, under half of micro's 1.81% (0.905%).
    let posts = [liked(1, 1, 50), liked(2, 2, 90), liked(3, 3, 80)];
    let e = engagement_far_below_tier(&posts, Tier::Micro, Basis::Followers).expect("raised");
    assert_eq!(e.median, Ratio::from_basis_points(80));
    assert_eq!((e.tier, e.benchmark.id, e.benchmark_low_basis_points), (Tier::Micro, "tier_micro", 181));
    assert_eq!(e.posts.iter().map(|p| p.id).collect::<Vec<_>>(), [1, 2, 3]);
    let raised = only(signals(&SignalInput { followers: &[], posts: &posts, tier: Some(Tier::Micro), basis: Basis::Followers }), SignalKind::EngagementFarBelowTier);
    let (en, nl) = both(&raised[0]);
    assert_eq!(en, "The median engagement rate by followers over 3 posts is 0.8%: less than half the 1.81% average for micro creators.");
    assert_eq!(nl, "De mediane engagement rate op volgers over 3 posts is 0,8%: minder dan de helft van het gemiddelde van 1,81% voor micro-creators.");
}

#[test]
fn a_tier_with_a_range_is_compared_with_its_lower_end() {
    // Macro: 0.61–0.87%; half the lower end is 0.305%.
    let posts = [liked(1, 1, 20), liked(2, 2, 30), liked(3, 3, 40)];
    let e = engagement_far_below_tier(&posts, Tier::Macro, Basis::Followers).expect("0.3% is under 0.305%");
    let (en, nl) = both(&Signal::EngagementFarBelowTier(e));
    assert_eq!(en, "The median engagement rate by followers over 3 posts is 0.3%: less than half the low end of the 0.61–0.87% range for macro creators.");
    assert_eq!(nl, "De mediane engagement rate op volgers over 3 posts is 0,3%: minder dan de helft van de ondergrens van de bandbreedte van 0,61–0,87% voor macro-creators.");
    assert!(engagement_far_below_tier(&[liked(1, 1, 20), liked(2, 2, 31), liked(3, 3, 40)], Tier::Macro, Basis::Followers).is_none(), "0.31% is not under 0.305%");
}

#[test]
fn engagement_at_half_the_benchmark_or_with_too_few_posts_or_no_benchmark_raises_nothing() {
    let at = |middle: i64| engagement_far_below_tier(&[liked(1, 1, 50), liked(2, 2, middle), liked(3, 3, 200)], Tier::Micro, Basis::Followers);
    assert!(at(91).is_none(), "0.91% × 2 = 1.82%: not under 1.81%");
    assert_eq!(at(90).expect("0.9% × 2 = 1.8%").median.basis_points(), 90);
    // Two posts with followers, one without: not enough, however low.
    let mut no_followers = liked(3, 3, 1);
    no_followers.counts.followers_at_post = None;
    let two = [liked(1, 1, 1), liked(2, 2, 1), no_followers];
    assert!(engagement_far_below_tier(&two, Tier::Micro, Basis::Followers).is_none());
    let three = [liked(1, 1, 1), liked(2, 2, 1), no_followers, liked(4, 4, 1)];
    let e = engagement_far_below_tier(&three, Tier::Micro, Basis::Followers).expect("three posts with followers");
    assert_eq!((e.posts.len(), e.left_out.len()), (3, 1));
    assert_eq!(e.left_out[0].reason, NotEnoughData::Unknown { count: Count::FollowersAtPost });
    // No benchmark below nano, and no tier at all.
    let low = [liked(1, 1, 1), liked(2, 2, 1), liked(3, 3, 1)];
    assert!(engagement_far_below_tier(&low, Tier::Emerging, Basis::Followers).is_none());
    assert!(only(signals(&SignalInput { followers: &[], posts: &low, tier: None, basis: Basis::Followers }), SignalKind::EngagementFarBelowTier).is_empty());
    // By reach: these posts have no reach, so there is nothing to measure.
    assert!(engagement_far_below_tier(&low, Tier::Micro, Basis::Reach).is_none());
}

#[test]
fn engagement_by_reach_names_its_basis() {
    let by_reach = |id: i64, likes: i64| post(id, id as u32, PostCounts { likes: Some(likes), comments: Some(0), reach: Some(10_000), ..Default::default() });
    let e = engagement_far_below_tier(&[by_reach(1, 10), by_reach(2, 20), by_reach(3, 30)], Tier::Nano, Basis::Reach).expect("0.2% under half of 2.71%");
    let (en, nl) = both(&Signal::EngagementFarBelowTier(e));
    assert_eq!(en, "The median engagement rate by reach over 3 posts is 0.2%: less than half the 2.71% average for nano creators.");
    assert_eq!(nl, "De mediane engagement rate op bereik over 3 posts is 0,2%: minder dan de helft van het gemiddelde van 2,71% voor nano-creators.");
}

// Comments to likes.

/// Four earlier posts at 2%, 3%, 4% and 5% comments ÷ likes (median 3.5%), then `newest`.
fn history_then(newest: DatedPost) -> Vec<DatedPost> {
    vec![commented(1, 1, 20, 1_000), commented(2, 2, 50, 1_000), commented(3, 3, 30, 1_000), commented(4, 4, 40, 1_000), newest]
}

#[test]
fn comments_to_likes_far_above_the_creators_median_is_raised() {
    let c = comments_to_likes_unusual(&history_then(commented(5, 20, 120, 1_000))).expect("12% is more than 3 × 3.5%");
    assert_eq!((c.post.id, c.post.counted, c.post.divided_by, c.direction), (5, 120, 1_000, Direction::Above));
    assert_eq!(c.post.ratio, Ratio::from_basis_points(1_200));
    assert_eq!(c.median, Ratio::from_basis_points(350));
    assert_eq!(c.earlier.iter().map(|p| p.id).collect::<Vec<_>>(), [1, 2, 3, 4]);
    let raised = only(signals(&SignalInput { followers: &[], posts: &history_then(commented(5, 20, 120, 1_000)), tier: None, basis: Basis::Followers }), SignalKind::CommentsToLikesUnusual);
    let (en, nl) = both(&raised[0]);
    assert_eq!(en, "Comments ÷ likes on the post of 20 March 2026 is 12% (120 comments, 1,000 likes): more than 3 times the median of 3.5% over the creator's 4 earlier posts.");
    assert_eq!(nl, "Reacties ÷ likes bij de post van 20 maart 2026 is 12% (120 reacties, 1.000 likes): meer dan 3 keer de mediaan van 3,5% over de 4 eerdere posts van deze creator.");
    let one = comments_to_likes_unusual(&history_then(commented(5, 20, 1, 1))).expect("100%");
    let (en, nl) = both(&Signal::CommentsToLikesUnusual(one));
    assert!(en.contains("is 100% (1 comment, 1 like)"), "{en}");
    assert!(nl.contains("is 100% (1 reactie, 1 like)"), "{nl}");
}

#[test]
fn comments_to_likes_far_below_the_creators_median_is_raised() {
    let c = comments_to_likes_unusual(&history_then(commented(5, 20, 10, 1_000))).expect("1% is less than 3.5% ÷ 3");
    assert_eq!(c.direction, Direction::Below);
    let (en, nl) = both(&Signal::CommentsToLikesUnusual(c));
    assert_eq!(en, "Comments ÷ likes on the post of 20 March 2026 is 1% (10 comments, 1,000 likes): less than a third of the median of 3.5% over the creator's 4 earlier posts.");
    assert_eq!(nl, "Reacties ÷ likes bij de post van 20 maart 2026 is 1% (10 reacties, 1.000 likes): minder dan een derde van de mediaan van 3,5% over de 4 eerdere posts van deze creator.");
    let none = comments_to_likes_unusual(&history_then(commented(5, 20, 0, 1_000))).expect("no comments at all: 0% is below too");
    assert_eq!((none.direction, none.post.counted), (Direction::Below, 0));
}

#[test]
fn comments_to_likes_within_three_times_either_way_raises_nothing() {
    assert!(comments_to_likes_unusual(&history_then(commented(5, 20, 105, 1_000))).is_none(), "10.5% is 3 × 3.5%, not more");
    assert_eq!(comments_to_likes_unusual(&history_then(commented(5, 20, 1_051, 10_000))).unwrap().direction, Direction::Above, "10.51%");
    assert!(comments_to_likes_unusual(&history_then(commented(5, 20, 117, 10_000))).is_none(), "1.17% × 3 = 3.51%: not under 3.5%");
    assert_eq!(comments_to_likes_unusual(&history_then(commented(5, 20, 116, 10_000))).unwrap().direction, Direction::Below, "1.16% × 3 = 3.48%");
    assert!(comments_to_likes_unusual(&history_then(commented(5, 20, 35, 1_000))).is_none(), "the median itself");
}

#[test]
fn comments_to_likes_needs_four_earlier_posts_with_likes_and_a_median_above_zero() {
    assert_eq!(COMMENTS_TO_LIKES_MIN_EARLIER_POSTS, 4);
    let mut posts = history_then(commented(5, 20, 500, 1_000));
    posts.remove(0);
    assert!(comments_to_likes_unusual(&posts).is_none(), "three earlier posts");
    // An earlier post with 0 likes or without comments is left out, not counted as 0.
    let mut posts = history_then(commented(5, 20, 500, 1_000));
    posts[0] = commented(1, 1, 20, 0);
    assert!(comments_to_likes_unusual(&posts).is_none(), "0 likes: three earlier posts left");
    posts.push(post(6, 5, PostCounts { likes: Some(1_000), ..Default::default() }));
    assert!(comments_to_likes_unusual(&posts).is_none(), "comments not known: still three");
    // Every earlier post without a comment: a multiple of 0 says nothing.
    let silent = [commented(1, 1, 0, 1_000), commented(2, 2, 0, 1_000), commented(3, 3, 0, 1_000), commented(4, 4, 0, 1_000), commented(5, 20, 50, 1_000)];
    assert!(comments_to_likes_unusual(&silent).is_none());
}

#[test]
fn a_newest_post_with_zero_likes_is_left_out_and_the_last_measured_one_is_compared() {
    // The newest post (20 March) has 500 comments and 0 likes: not divided by, left out. The one
    // measured is 5 March's, at 3% against the median of the four before it: nothing unusual.
    let mut posts = history_then(commented(5, 5, 30, 1_000));
    posts.push(commented(6, 20, 500, 0));
    assert!(comments_to_likes_unusual(&posts).is_none());
    posts.push(commented(7, 21, 400, 1_000));
    let c = comments_to_likes_unusual(&posts).expect("21 March: 40%");
    assert_eq!((c.post.id, c.earlier.len()), (7, 5));
    assert_eq!(c.left_out.len(), 1);
    assert_eq!((c.left_out[0].id, c.left_out[0].reason), (6, NotEnoughData::Zero { count: Count::Likes }));
    // On one day, the later id is the newer post.
    let same_day = history_then(commented(9, 20, 120, 1_000)).into_iter().chain([commented(8, 20, 35, 1_000)]).collect::<Vec<_>>();
    assert_eq!(comments_to_likes_unusual(&same_day).expect("9 is the newest").post.id, 9);
}

// Reach far below followers.

#[test]
fn reach_under_five_percent_of_followers_is_raised_with_the_posts() {
    // 3%, 6%, 4% (and one post without reach, left out): median 4%.
    let posts = [reached(1, 1, Some(300), 10_000), reached(2, 2, Some(600), 10_000), reached(3, 3, None, 10_000), reached(4, 4, Some(400), 10_000)];
    let r = reach_far_below_followers(&posts).expect("4% is under 5%");
    assert_eq!(r.median, Ratio::from_basis_points(400));
    assert_eq!(r.posts.iter().map(|p| (p.id, p.counted, p.divided_by)).collect::<Vec<_>>(), [(1, 300, 10_000), (2, 600, 10_000), (4, 400, 10_000)]);
    assert_eq!((r.left_out[0].id, r.left_out[0].reason), (3, NotEnoughData::Unknown { count: Count::Reach }));
    let raised = only(signals(&SignalInput { followers: &[], posts: &posts, tier: None, basis: Basis::Followers }), SignalKind::ReachFarBelowFollowers);
    let (en, nl) = both(&raised[0]);
    assert_eq!(en, "The median reach over 3 posts is 4% of the followers at posting time: less than 5%.");
    assert_eq!(nl, "Het mediane bereik over 3 posts is 4% van de volgers op het moment van posten: minder dan 5%.");
}

#[test]
fn reach_at_five_percent_or_without_enough_posts_raises_nothing() {
    let three = |middle: i64| reach_far_below_followers(&[reached(1, 1, Some(300), 10_000), reached(2, 2, Some(middle), 10_000), reached(3, 3, Some(600), 10_000)]);
    assert!(three(500).is_none(), "5% is not under 5%");
    assert_eq!(three(499).expect("4.99%").median.basis_points(), 499);
    assert!(reach_far_below_followers(&[reached(1, 1, Some(300), 10_000), reached(2, 2, None, 10_000), reached(3, 3, Some(400), 10_000)]).is_none(), "reach not known: two posts");
    assert!(reach_far_below_followers(&[reached(1, 1, Some(0), 0), reached(2, 2, Some(0), 0), reached(3, 3, Some(0), 0), reached(4, 4, Some(300), 10_000)]).is_none(), "0 followers: left out, one post left");
    let r = reach_far_below_followers(&[reached(1, 1, Some(0), 0), reached(2, 2, Some(0), 10_000), reached(3, 3, Some(100), 10_000), reached(4, 4, Some(300), 10_000)]).expect("0%, 1%, 3%");
    assert_eq!(r.left_out[0].reason, NotEnoughData::Zero { count: Count::FollowersAtPost });
    assert!(reach_far_below_followers(&[reached(1, 1, Some(-5), 10_000), reached(2, 2, Some(100), 10_000), reached(3, 3, Some(100), 10_000)]).is_none(), "a reach below 0 is a mistake, left out");
}

// All of them.

#[test]
fn a_healthy_creator_raises_nothing() {
    let counts = |likes: i64, comments: i64, reach: i64| PostCounts { likes: Some(likes), comments: Some(comments), shares: Some(10), saves: Some(10), reach: Some(reach), followers_at_post: Some(10_000), ..Default::default() };
    let posts: Vec<DatedPost> = (1..=6).map(|i| post(i, i as u32 * 4, counts(250 + i * 10, 8 + i, 3_000))).collect();
    let followers = [snap(1, 9_800), snap(8, 10_000), snap(15, 10_200), snap(22, 10_400)];
    for tier in [None, Some(Tier::Emerging), Some(Tier::Nano), Some(Tier::Micro), Some(Tier::Mega)] {
        assert!(signals(&SignalInput { followers: &followers, posts: &posts, tier, basis: Basis::Followers }).is_empty(), "{tier:?}");
    }
    assert!(signals(&SignalInput { followers: &[], posts: &[], tier: Some(Tier::Micro), basis: Basis::Reach }).is_empty());
}

#[test]
fn every_signal_at_once_in_order_with_labels_in_both_languages() {
    let counts = |likes: i64, comments: i64, reach: i64| PostCounts { likes: Some(likes), comments: Some(comments), reach: Some(reach), followers_at_post: Some(10_000), ..Default::default() };
    let posts = [post(1, 1, counts(50, 1, 100)), post(2, 2, counts(50, 1, 100)), post(3, 3, counts(50, 1, 100)), post(4, 4, counts(50, 1, 100)), post(5, 20, counts(50, 10, 100))];
    let followers = [snap(5, 10_000), snap(12, 20_000)];
    let all = signals(&SignalInput { followers: &followers, posts: &posts, tier: Some(Tier::Micro), basis: Basis::Followers });
    assert_eq!(all.iter().map(Signal::kind).collect::<Vec<_>>(), SignalKind::ALL);
    let labels = |spelling| SignalKind::ALL.iter().map(|k| k.label(spelling)).collect::<Vec<_>>();
    assert_eq!(labels(English), ["Follower jump", "Low engagement for tier", "Unusual comments to likes", "Low reach for followers"]);
    assert_eq!(labels(Dutch), ["Sprong in volgers", "Lage engagement voor tier", "Ongewone verhouding reacties/likes", "Laag bereik voor volgers"]);
    for signal in &all {
        both(signal);
        let flag = signal.flag(Dutch);
        assert_eq!((flag.kind, flag.label, flag.reason.as_str()), (signal.kind(), signal.kind().label(Dutch), signal.reason(Dutch).as_str()));
    }
}

#[test]
fn the_window_gets_the_numbers_as_integers_and_rates_as_ratios() {
    let jump = follower_jumps(&[snap(3, 12_400), snap(10, 19_800)], &[]).remove(0);
    let json = serde_json::to_value(Signal::FollowerJump(jump)).unwrap();
    let expected = serde_json::json!({
        "kind": "follower_jump", "from": "2026-03-03", "to": "2026-03-10", "before": 12_400, "after": 19_800, "rise": 7_400,
        "relative_rise": {"basis_points": 5_968, "numerator": "37", "denominator": "62"}
    });
    assert_eq!(json, expected);
    let reach = reach_far_below_followers(&[reached(1, 1, Some(300), 10_000), reached(2, 2, Some(400), 10_000), reached(3, 3, Some(600), 10_000)]).unwrap();
    let json = serde_json::to_value(Signal::ReachFarBelowFollowers(reach)).unwrap();
    assert_eq!(json["kind"], "reach_far_below_followers");
    assert_eq!(json["median"]["basis_points"], 400);
    assert_eq!(json["posts"][0], serde_json::json!({"id": 1, "posted_on": "2026-03-01", "counted": 300, "divided_by": 10_000, "ratio": {"basis_points": 300, "numerator": "3", "denominator": "100"}}));
    let c = comments_to_likes_unusual(&history_then(commented(5, 20, 10, 1_000))).unwrap();
    assert_eq!(serde_json::to_value(Signal::CommentsToLikesUnusual(c)).unwrap()["direction"], "below");
    let e = engagement_far_below_tier(&[liked(1, 1, 50), liked(2, 2, 90), liked(3, 3, 80)], Tier::Micro, Basis::Followers).unwrap();
    let json = serde_json::to_value(Signal::EngagementFarBelowTier(e)).unwrap();
    assert_eq!((json["kind"].as_str(), json["tier"].as_str(), json["basis"].as_str(), json["benchmark_low_basis_points"].as_i64()), (Some("engagement_far_below_tier"), Some("micro"), Some("followers"), Some(181)));
    for kind in SignalKind::ALL {
        assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        assert_eq!(serde_json::from_value::<SignalKind>(serde_json::json!(kind.as_str())).unwrap(), kind);
    }
    let flag = serde_json::to_value(Signal::FollowerJump(follower_jumps(&[snap(3, 12_400), snap(10, 19_800)], &[]).remove(0)).flag(English)).unwrap();
    assert_eq!(flag["kind"], "follower_jump");
    assert_eq!(flag["label"], "Follower jump");
}
