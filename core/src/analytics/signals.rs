//! Authenticity signals: signs that a creator's audience or interactions may not be what they
//! look like, each with its reason and the numbers behind it, never a black-box score. The
//! creator panel and the roster show one as a flag ([`Flag`]: a short label and the reason).
//!
//! Contract:
//! - Four signals, each a rule with named thresholds ([`FOLLOWER_JUMP_MORE_THAN_BASIS_POINTS`]
//!   and the others say why they are what they are):
//!   a follower jump between two snapshots with no post to explain it ([`FollowerJump`]);
//!   engagement far below the tier's benchmark ([`EngagementFarBelowTier`]); the newest post's
//!   comments ÷ likes far from the creator's own history ([`CommentsToLikesUnusual`]); reach far
//!   below followers ([`ReachFarBelowFollowers`]).
//! - A signal holds what it was worked out from (the days and follower counts, the posts used and
//!   those left out with why) so the window can show it, and [`Signal::reason`] says it in
//!   English or Dutch with the numbers written as each language writes them (`12,400`, `12.400`).
//! - Not enough data never raises a signal: a count nobody gave, zero followers or likes, too few
//!   posts or snapshots. A count is never taken as 0 (the rules of [`super::formulas`]).
//! - Rates are exact ([`Ratio`]) and compared with a threshold as shown, rounded once to 0.01%,
//!   so a reason never contradicts its own numbers. No float anywhere.
//! - Pure: the caller gathers one handle's follower snapshots and the posts published from it
//!   (with their latest counts), and the creator's tier. No workspace, no SQL.

use super::aggregates::{engagement_over, median, DatedPost, LeftOut, UsedPost, Window};
use super::benchmarks::{tier_benchmark, Benchmark, Level};
use super::formulas::{divisor, known, Basis, Count};
use super::rate::{words, Figure, Ratio};
use crate::charts::scale;
use crate::charts::Unit;
use crate::numbers::Spelling;
use crate::roster::tiers::Tier;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A follower jump rises by more than 20% of the earlier snapshot. Between two snapshots (days
/// or weeks apart) an audience grows by a few percent; more than a fifth with nothing posted is
/// what bought followers look like. Compared as shown: `+20%` exactly is not a jump.
pub const FOLLOWER_JUMP_MORE_THAN_BASIS_POINTS: i64 = 2_000;

/// And by at least 1,000 followers: a small account swings by a large share from a mention
/// elsewhere (300 to 400 followers is +33%), which says nothing about how real its audience is.
pub const FOLLOWER_JUMP_AT_LEAST: i64 = 1_000;

/// Engagement is far below its tier when the creator's median engagement rate is less than the
/// tier benchmark's lower end divided by 2. The benchmark is an average, and creators vary
/// widely around it; half of the lowest figure the guide gives for the tier is not a weak month
/// but an audience that does not interact. The median, so one post that flopped or flew does not
/// decide it.
pub const ENGAGEMENT_BELOW_TIER_DIVIDED_BY: i64 = 2;
const _: () = assert!(ENGAGEMENT_BELOW_TIER_DIVIDED_BY == 2, "the reasons say 'less than half'");

/// At least 3 posts with the counts the engagement rate needs: one or two posts are those posts,
/// not the creator.
pub const ENGAGEMENT_MIN_POSTS: usize = 3;

/// The newest post's comments ÷ likes is unusual when it is more than 3 times the creator's
/// median over their earlier posts, or less than a third of it. The ratio moves from post to
/// post (a giveaway asks for comments), so only a large step counts: bought likes push it down,
/// bought or scripted comments push it up.
pub const COMMENTS_TO_LIKES_FACTOR: i64 = 3;
const _: () = assert!(COMMENTS_TO_LIKES_FACTOR == 3, "the reasons say 'a third'");

/// At least 4 earlier posts with likes above 0 and comments known: a median of fewer is one or
/// two posts' ratio, not the creator's history.
pub const COMMENTS_TO_LIKES_MIN_EARLIER_POSTS: usize = 4;

/// Reach is far below followers when the median post reaches less than 5% of the followers at
/// posting time (compared as shown). Not every follower sees every post, but a post reaching
/// fewer than one in twenty of them points to followers who are not real or not active. A rule
/// of thumb of Chorus's, not a figure of the seed article.
pub const REACH_BELOW_BASIS_POINTS: i64 = 500;

/// At least 3 posts with reach and followers at posting time known.
pub const REACH_MIN_POSTS: usize = 3;

/// A handle's follower count on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowerPoint {
    pub on: NaiveDate,
    pub followers: i64,
}

/// What the signals are worked out from: one handle's follower snapshots (in any order; for a
/// day with several, the one given last counts; a count below 0 is a mistake and skipped), the
/// posts published from it with their latest counts, the creator's tier (none: no tier signal)
/// and the engagement rate compared with the tier's benchmark.
#[derive(Debug, Clone, Copy)]
pub struct SignalInput<'a> {
    pub followers: &'a [FollowerPoint],
    pub posts: &'a [DatedPost],
    pub tier: Option<Tier>,
    pub basis: Basis,
}

/// Which signal, for a roster flag and filtering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalKind {
    FollowerJump,
    EngagementFarBelowTier,
    CommentsToLikesUnusual,
    ReachFarBelowFollowers,
}

impl SignalKind {
    pub const ALL: [SignalKind; 4] = [SignalKind::FollowerJump, SignalKind::EngagementFarBelowTier, SignalKind::CommentsToLikesUnusual, SignalKind::ReachFarBelowFollowers];

    /// The stored and exported spelling: `follower_jump`.
    pub fn as_str(self) -> &'static str {
        match self {
            SignalKind::FollowerJump => "follower_jump",
            SignalKind::EngagementFarBelowTier => "engagement_far_below_tier",
            SignalKind::CommentsToLikesUnusual => "comments_to_likes_unusual",
            SignalKind::ReachFarBelowFollowers => "reach_far_below_followers",
        }
    }

    /// The flag's short label: `Follower jump`, `Sprong in volgers`.
    pub fn label(self, spelling: Spelling) -> &'static str {
        match self {
            SignalKind::FollowerJump => words(spelling, "Follower jump", "Sprong in volgers"),
            SignalKind::EngagementFarBelowTier => words(spelling, "Low engagement for tier", "Lage engagement voor tier"),
            SignalKind::CommentsToLikesUnusual => words(spelling, "Unusual comments to likes", "Ongewone verhouding reacties/likes"),
            SignalKind::ReachFarBelowFollowers => words(spelling, "Low reach for followers", "Laag bereik voor volgers"),
        }
    }
}

/// One signal raised, with the numbers behind it. JSON: `{"kind": "follower_jump", ...}`,
/// counts as integers, rates as [`Ratio`]s.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Signal {
    FollowerJump(FollowerJump),
    EngagementFarBelowTier(EngagementFarBelowTier),
    CommentsToLikesUnusual(CommentsToLikesUnusual),
    ReachFarBelowFollowers(ReachFarBelowFollowers),
}

/// Followers rose from one snapshot to the next by more than the thresholds, and no post was
/// published on either day or between them (a snapshot has a day but no time, so a post on the
/// earlier day may have gone live after it was taken and is taken to explain the rise).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowerJump {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub before: i64,
    pub after: i64,
    /// `after − before`.
    pub rise: i64,
    /// `rise ÷ before`.
    pub relative_rise: Ratio,
}

/// The creator's median engagement rate is below the tier benchmark's lower end divided by
/// [`ENGAGEMENT_BELOW_TIER_DIVIDED_BY`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EngagementFarBelowTier {
    pub basis: Basis,
    pub median: Ratio,
    /// The posts the median is over, oldest first, each with its rate.
    pub posts: Vec<UsedPost>,
    pub left_out: Vec<LeftOut>,
    pub tier: Tier,
    pub benchmark: &'static Benchmark,
    /// The benchmark's value, or the lower end of its range, in basis points.
    pub benchmark_low_basis_points: i64,
}

/// One post's count divided by another: comments ÷ likes, reach ÷ followers at posting time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PostRatio {
    pub id: i64,
    pub posted_on: NaiveDate,
    pub counted: i64,
    pub divided_by: i64,
    pub ratio: Ratio,
}

/// Which way a ratio is far from the creator's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// More than [`COMMENTS_TO_LIKES_FACTOR`] times the median.
    Above,
    /// Less than the median divided by [`COMMENTS_TO_LIKES_FACTOR`].
    Below,
}

/// The newest post with likes above 0 and comments known (a post whose counts are not in yet
/// does not hide the last one measured) has comments ÷ likes far from the median of the posts
/// before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommentsToLikesUnusual {
    /// The newest post: `counted` is its comments, `divided_by` its likes.
    pub post: PostRatio,
    pub direction: Direction,
    /// The median of the earlier posts' comments ÷ likes.
    pub median: Ratio,
    /// The earlier posts, oldest first.
    pub earlier: Vec<PostRatio>,
    /// Posts left out: likes or comments not known, likes 0, a count below 0.
    pub left_out: Vec<LeftOut>,
}

/// The median reach ÷ followers at posting time is below [`REACH_BELOW_BASIS_POINTS`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReachFarBelowFollowers {
    pub median: Ratio,
    /// `counted` is the post's reach, `divided_by` its followers at posting time; oldest first.
    pub posts: Vec<PostRatio>,
    pub left_out: Vec<LeftOut>,
}

/// A signal as the roster and the creator panel show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    pub kind: SignalKind,
    pub label: &'static str,
    pub reason: String,
}

/// Every signal the data raises: follower jumps (oldest first), then engagement, comments ÷
/// likes and reach. Empty when nothing is unusual or there is not enough data to tell.
pub fn signals(input: &SignalInput) -> Vec<Signal> {
    let mut out: Vec<Signal> = follower_jumps(input.followers, input.posts).into_iter().map(Signal::FollowerJump).collect();
    if let Some(tier) = input.tier {
        out.extend(engagement_far_below_tier(input.posts, tier, input.basis).map(Signal::EngagementFarBelowTier));
    }
    out.extend(comments_to_likes_unusual(input.posts).map(Signal::CommentsToLikesUnusual));
    out.extend(reach_far_below_followers(input.posts).map(Signal::ReachFarBelowFollowers));
    out
}

/// Rises between consecutive snapshot days of more than [`FOLLOWER_JUMP_MORE_THAN_BASIS_POINTS`]
/// and at least [`FOLLOWER_JUMP_AT_LEAST`], with no post from the earlier day to the later one,
/// both included. A rise from 0 followers is not measured (nothing to compare it with).
pub fn follower_jumps(followers: &[FollowerPoint], posts: &[DatedPost]) -> Vec<FollowerJump> {
    let mut points: Vec<FollowerPoint> = followers.iter().copied().filter(|p| p.followers >= 0).collect();
    points.sort_by_key(|p| p.on); // stable: on one day, the order given
    let mut days: Vec<FollowerPoint> = Vec::with_capacity(points.len());
    for point in points {
        match days.last_mut() {
            Some(last) if last.on == point.on => *last = point,
            _ => days.push(point),
        }
    }
    let mut out = Vec::new();
    for pair in days.windows(2) {
        let (earlier, later) = (pair[0], pair[1]);
        let rise = i128::from(later.followers) - i128::from(earlier.followers);
        if earlier.followers == 0 || rise < i128::from(FOLLOWER_JUMP_AT_LEAST) {
            continue;
        }
        let Some(relative_rise) = Ratio::new(rise, i128::from(earlier.followers)) else { continue };
        if relative_rise.basis_points() <= i128::from(FOLLOWER_JUMP_MORE_THAN_BASIS_POINTS) {
            continue;
        }
        if posts.iter().any(|p| earlier.on <= p.posted_on && p.posted_on <= later.on) {
            continue;
        }
        let rise = i64::try_from(rise).expect("a rise between two counts of at least 0 fits in i64");
        out.push(FollowerJump { from: earlier.on, to: later.on, before: earlier.followers, after: later.followers, rise, relative_rise });
    }
    out
}

/// The median engagement rate (by `basis`, over all the posts) against the tier's benchmark;
/// none for a tier without one (emerging) or with fewer than [`ENGAGEMENT_MIN_POSTS`] posts
/// with the counts.
pub fn engagement_far_below_tier(posts: &[DatedPost], tier: Tier, basis: Basis) -> Option<EngagementFarBelowTier> {
    let benchmark = tier_benchmark(tier)?;
    let low = match benchmark.level {
        Level::Value { basis_points } => basis_points,
        Level::Range { low, .. } => low,
    };
    let aggregate = engagement_over(posts, Window::All, basis);
    if aggregate.used.len() < ENGAGEMENT_MIN_POSTS {
        return None;
    }
    let median = aggregate.median.value()?.clone();
    if median.basis_points() * i128::from(ENGAGEMENT_BELOW_TIER_DIVIDED_BY) >= i128::from(low) {
        return None;
    }
    Some(EngagementFarBelowTier { basis, median, posts: aggregate.used, left_out: aggregate.left_out, tier, benchmark, benchmark_low_basis_points: low })
}

/// The newest measurable post's comments ÷ likes against the median of the posts before it.
/// None with fewer than [`COMMENTS_TO_LIKES_MIN_EARLIER_POSTS`] earlier posts, or when their
/// median is 0 as shown (a multiple of nothing says nothing).
pub fn comments_to_likes_unusual(posts: &[DatedPost]) -> Option<CommentsToLikesUnusual> {
    let (mut measured, left_out) = post_ratios(posts, Count::Comments, Count::Likes);
    let post = measured.pop()?;
    let earlier = measured;
    if earlier.len() < COMMENTS_TO_LIKES_MIN_EARLIER_POSTS {
        return None;
    }
    let rates: Vec<Ratio> = earlier.iter().map(|p| p.ratio.clone()).collect();
    let Figure::Value(median) = median(&rates) else { return None };
    let (shown, shown_median, factor) = (post.ratio.basis_points(), median.basis_points(), i128::from(COMMENTS_TO_LIKES_FACTOR));
    if shown_median == 0 {
        return None;
    }
    let direction = if shown > shown_median * factor {
        Direction::Above
    } else if shown * factor < shown_median {
        Direction::Below
    } else {
        return None;
    };
    Some(CommentsToLikesUnusual { post, direction, median, earlier, left_out })
}

/// The median of the posts' reach ÷ followers at posting time; none with fewer than
/// [`REACH_MIN_POSTS`] posts with both.
pub fn reach_far_below_followers(posts: &[DatedPost]) -> Option<ReachFarBelowFollowers> {
    let (measured, left_out) = post_ratios(posts, Count::Reach, Count::FollowersAtPost);
    if measured.len() < REACH_MIN_POSTS {
        return None;
    }
    let rates: Vec<Ratio> = measured.iter().map(|p| p.ratio.clone()).collect();
    let Figure::Value(median) = median(&rates) else { return None };
    if median.basis_points() >= i128::from(REACH_BELOW_BASIS_POINTS) {
        return None;
    }
    Some(ReachFarBelowFollowers { median, posts: measured, left_out })
}

/// Each post's `counted ÷ divided_by`, oldest first (on one day, the lower id first), and the
/// posts without them with why: a count not known or below 0, or 0 to divide by.
fn post_ratios(posts: &[DatedPost], counted: Count, divided_by: Count) -> (Vec<PostRatio>, Vec<LeftOut>) {
    let mut sorted: Vec<&DatedPost> = posts.iter().collect();
    sorted.sort_by_key(|p| (p.posted_on, p.id));
    let (mut measured, mut left_out) = (Vec::new(), Vec::new());
    for post in sorted {
        let ratio = divisor(post.counts.get(divided_by), divided_by).and_then(|d| {
            let c = known(post.counts.get(counted), counted)?;
            Ok((c, d))
        });
        match ratio {
            Ok((c, d)) => {
                let ratio = Ratio::new(i128::from(c), i128::from(d)).expect("an i64 divided by an i64 above 0 is below 10^30");
                measured.push(PostRatio { id: post.id, posted_on: post.posted_on, counted: c, divided_by: d, ratio });
            }
            Err(reason) => left_out.push(LeftOut { id: post.id, posted_on: post.posted_on, reason }),
        }
    }
    (measured, left_out)
}

impl Signal {
    pub fn kind(&self) -> SignalKind {
        match self {
            Signal::FollowerJump(_) => SignalKind::FollowerJump,
            Signal::EngagementFarBelowTier(_) => SignalKind::EngagementFarBelowTier,
            Signal::CommentsToLikesUnusual(_) => SignalKind::CommentsToLikesUnusual,
            Signal::ReachFarBelowFollowers(_) => SignalKind::ReachFarBelowFollowers,
        }
    }

    /// Why the signal is raised, with its numbers: `Followers rose from 12,400 to 19,800
    /// (+59.68%) between 3 and 10 March 2026 with no post in that time.`
    pub fn reason(&self, spelling: Spelling) -> String {
        let dutch = spelling == Spelling::Dutch;
        match self {
            Signal::FollowerJump(j) => {
                let (before, after, rise, span) = (count(j.before, spelling), count(j.after, spelling), j.relative_rise.percent_text(spelling), span(j.from, j.to, spelling));
                if dutch {
                    format!("Het aantal volgers steeg van {before} naar {after} (+{rise}) {span}, zonder post in die tijd.")
                } else {
                    format!("Followers rose from {before} to {after} (+{rise}) {span} with no post in that time.")
                }
            }
            Signal::EngagementFarBelowTier(e) => {
                let (median, posts) = (e.median.percent_text(spelling), count(e.posts.len() as i64, spelling));
                let about = words(spelling, e.benchmark.about_en, e.benchmark.about_nl);
                let percent = |bp: i64| scale::exact(i128::from(bp), Unit::Percent, spelling);
                let against = match (e.benchmark.level, dutch) {
                    (Level::Value { basis_points }, false) => format!("the {} average {about}", percent(basis_points)),
                    (Level::Value { basis_points }, true) => format!("het gemiddelde van {} {about}", percent(basis_points)),
                    (Level::Range { low, high }, false) => format!("the low end of the {}–{} range {about}", percent(low).trim_end_matches('%'), percent(high)),
                    (Level::Range { low, high }, true) => format!("de ondergrens van de bandbreedte van {}–{} {about}", percent(low).trim_end_matches('%'), percent(high)),
                };
                let basis = basis_words(e.basis, spelling);
                if dutch {
                    format!("De mediane engagement rate {basis} over {posts} posts is {median}: minder dan de helft van {against}.")
                } else {
                    format!("The median engagement rate {basis} over {posts} posts is {median}: less than half {against}.")
                }
            }
            Signal::CommentsToLikesUnusual(c) => {
                let p = &c.post;
                let (rate, median, day, earlier) = (p.ratio.percent_text(spelling), c.median.percent_text(spelling), day(p.posted_on, spelling), count(c.earlier.len() as i64, spelling));
                let comments = format!("{} {}", count(p.counted, spelling), if p.counted == 1 { words(spelling, "comment", "reactie") } else { words(spelling, "comments", "reacties") });
                let likes = format!("{} {}", count(p.divided_by, spelling), if p.divided_by == 1 { "like" } else { "likes" });
                let factor = count(COMMENTS_TO_LIKES_FACTOR, spelling);
                match (c.direction, dutch) {
                    (Direction::Above, false) => format!("Comments ÷ likes on the post of {day} is {rate} ({comments}, {likes}): more than {factor} times the median of {median} over the creator's {earlier} earlier posts."),
                    (Direction::Below, false) => format!("Comments ÷ likes on the post of {day} is {rate} ({comments}, {likes}): less than a third of the median of {median} over the creator's {earlier} earlier posts."),
                    (Direction::Above, true) => format!("Reacties ÷ likes bij de post van {day} is {rate} ({comments}, {likes}): meer dan {factor} keer de mediaan van {median} over de {earlier} eerdere posts van deze creator."),
                    (Direction::Below, true) => format!("Reacties ÷ likes bij de post van {day} is {rate} ({comments}, {likes}): minder dan een derde van de mediaan van {median} over de {earlier} eerdere posts van deze creator."),
                }
            }
            Signal::ReachFarBelowFollowers(r) => {
                let (median, posts, limit) = (r.median.percent_text(spelling), count(r.posts.len() as i64, spelling), scale::exact(i128::from(REACH_BELOW_BASIS_POINTS), Unit::Percent, spelling));
                if dutch {
                    format!("Het mediane bereik over {posts} posts is {median} van de volgers op het moment van posten: minder dan {limit}.")
                } else {
                    format!("The median reach over {posts} posts is {median} of the followers at posting time: less than {limit}.")
                }
            }
        }
    }

    /// The signal as a flag: its kind, short label and reason.
    pub fn flag(&self, spelling: Spelling) -> Flag {
        let kind = self.kind();
        Flag { kind, label: kind.label(spelling), reason: self.reason(spelling) }
    }
}

/// A count as a sentence writes it: `12,400`, `12.400`.
fn count(n: i64, spelling: Spelling) -> String {
    scale::exact(i128::from(n), Unit::Count, spelling)
}

/// `by followers`, `op bereik`: what the engagement rate divides by.
fn basis_words(basis: Basis, spelling: Spelling) -> &'static str {
    match basis {
        Basis::Followers => words(spelling, "by followers", "op volgers"),
        Basis::Reach => words(spelling, "by reach", "op bereik"),
        Basis::Views => words(spelling, "by views", "op weergaven"),
    }
}

fn month(d: NaiveDate, spelling: Spelling) -> &'static str {
    const ENGLISH: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    const DUTCH: [&str; 12] = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
    let names = if spelling == Spelling::Dutch { DUTCH } else { ENGLISH };
    names[d.month0() as usize]
}

/// `3 March 2026`, `3 maart 2026`.
fn day(d: NaiveDate, spelling: Spelling) -> String {
    format!("{} {} {}", d.day(), month(d, spelling), d.year())
}

/// `between 3 and 10 March 2026`, `tussen 28 februari en 3 maart 2026`: the month and the year
/// written once where both days share them.
fn span(from: NaiveDate, to: NaiveDate, spelling: Spelling) -> String {
    let first = if from.year() != to.year() {
        day(from, spelling)
    } else if from.month() != to.month() {
        format!("{} {}", from.day(), month(from, spelling))
    } else {
        from.day().to_string()
    };
    format!("{} {first} {} {}", words(spelling, "between", "tussen"), words(spelling, "and", "en"), day(to, spelling))
}
