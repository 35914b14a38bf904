//! Mean and median engagement over a group of posts: a creator's, a campaign's, a tier's, a
//! format's or a deal type's (the caller groups; this takes the posts), in a window of days or
//! over the last N posts.
//!
//! Contract: the aggregate says which posts it used (with the counts each could not add, such as
//! saves a platform does not report) and which it left out and why; a post without the counts
//! is never taken as 0. The last N posts are the N newest posted, whether or not they have the
//! counts: those without are left out and listed, so "the last 10 posts" never quietly reaches
//! further back. The median is exact; so is the mean of a creator's or a campaign's posts, and a
//! mean over many accounts' posts is kept to 10^-24 ([`Ratio::mean`] says why). Both are
//! rounded once, when shown.

use super::formulas::{engagement_rate, Basis, Count, PostCounts};
use super::rate::{Figure, NotEnoughData, Ratio};
use chrono::NaiveDate;
use serde::Serialize;

/// One post with the day it went live.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DatedPost {
    pub id: i64,
    pub posted_on: NaiveDate,
    pub counts: PostCounts,
}

/// Which of the posts an aggregate looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Window {
    All,
    /// Posted from `from` to `to`, both days included (none when `from` is after `to`).
    Between { from: NaiveDate, to: NaiveDate },
    /// The newest `n` posts by day posted (on one day, the later id first).
    LastPosts(usize),
}

/// A post the aggregate used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UsedPost {
    pub id: i64,
    pub posted_on: NaiveDate,
    pub rate: Ratio,
    /// Shares or saves this post's counts do not report (its rate adds the others).
    pub not_reported: Vec<Count>,
}

/// A post in the window the aggregate could not use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    pub id: i64,
    pub posted_on: NaiveDate,
    pub reason: NotEnoughData,
}

/// Mean and median of the posts' engagement rates, with the posts behind them, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Aggregate {
    pub basis: Basis,
    pub window: Window,
    pub mean: Figure<Ratio>,
    pub median: Figure<Ratio>,
    pub used: Vec<UsedPost>,
    pub left_out: Vec<LeftOut>,
}

/// The engagement rates (by `basis`) of the posts in `window`, averaged and their median.
pub fn engagement_over(posts: &[DatedPost], window: Window, basis: Basis) -> Aggregate {
    let mut chosen: Vec<&DatedPost> = match window {
        Window::All => posts.iter().collect(),
        Window::Between { from, to } => posts.iter().filter(|p| from <= p.posted_on && p.posted_on <= to).collect(),
        Window::LastPosts(n) => {
            let mut newest: Vec<&DatedPost> = posts.iter().collect();
            newest.sort_by(|a, b| (b.posted_on, b.id).cmp(&(a.posted_on, a.id)));
            newest.truncate(n);
            newest
        }
    };
    chosen.sort_by_key(|p| (p.posted_on, p.id));
    let (mut used, mut left_out) = (Vec::new(), Vec::new());
    for post in chosen {
        match engagement_rate(&post.counts, basis) {
            Figure::Value(e) => used.push(UsedPost { id: post.id, posted_on: post.posted_on, rate: e.rate, not_reported: e.interactions.not_reported }),
            Figure::NotEnoughData { reason } => left_out.push(LeftOut { id: post.id, posted_on: post.posted_on, reason }),
        }
    }
    let rates: Vec<Ratio> = used.iter().map(|p| p.rate.clone()).collect();
    let (mean, median) = if rates.is_empty() {
        let reason = nothing_to_measure(&left_out);
        (Figure::lacking(reason), Figure::lacking(reason))
    } else {
        (self::mean(&rates), self::median(&rates))
    };
    Aggregate { basis, window, mean, median, used, left_out }
}

/// Why there is no figure when no post could be used: no posts at all, the one reason every post
/// was left out for, or several.
fn nothing_to_measure(left_out: &[LeftOut]) -> NotEnoughData {
    match left_out.first() {
        None => NotEnoughData::NoPosts,
        Some(first) if left_out.iter().all(|p| p.reason == first.reason) => first.reason,
        Some(_) => NotEnoughData::NoPostWithData,
    }
}

/// The rates added up ÷ how many there are.
pub fn mean(rates: &[Ratio]) -> Figure<Ratio> {
    if rates.is_empty() {
        return Figure::lacking(NotEnoughData::NoPosts);
    }
    Figure::Value(Ratio::mean(rates).expect("a mean lies between the smallest and the largest rate"))
}

/// The middle rate in order; with an even number, halfway between the two middle ones.
pub fn median(rates: &[Ratio]) -> Figure<Ratio> {
    if rates.is_empty() {
        return Figure::lacking(NotEnoughData::NoPosts);
    }
    // The middle one put in its place without sorting the rest: those before it are no larger.
    let even = rates.len() % 2 == 0;
    let mut rates = rates.to_vec();
    let middle = rates.len() / 2;
    let (below, upper, _) = rates.select_nth_unstable(middle);
    let upper = upper.clone();
    if even {
        let lower = below.iter().max().expect("an even number of rates has one below the middle").clone();
        mean(&[lower, upper])
    } else {
        Figure::Value(upper)
    }
}
