//! Mean and median over posts: windows of days and the last N posts, posts left out and why, even
//! and odd counts, and an average exact where its common denominator outgrows `i128`.

use super::aggregates::{engagement_over, mean, median, Aggregate, DatedPost, Window};
use super::formulas::{Basis, Count, PostCounts};
use super::rate::{Figure, NotEnoughData, Ratio};
use chrono::NaiveDate;
use proptest::prelude::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

/// A post with `interactions` likes (and 0 comments, shares and saves) and its followers.
fn dated(id: i64, d: u32, interactions: i64, followers: Option<i64>) -> DatedPost {
    let counts = PostCounts { likes: Some(interactions), comments: Some(0), shares: Some(0), saves: Some(0), followers_at_post: followers, ..Default::default() };
    DatedPost { id, posted_on: day(d), counts }
}

/// 1%, 2%, 3% (saves and shares not reported), no followers, 5%.
fn five_posts() -> Vec<DatedPost> {
    let mut third = dated(3, 9, 0, Some(10_000));
    third.counts = PostCounts { likes: Some(250), comments: Some(50), followers_at_post: Some(10_000), ..Default::default() };
    // Given out of order: the aggregate puts them in order itself.
    vec![dated(5, 20, 600, Some(12_000)), dated(1, 1, 100, Some(10_000)), third, dated(2, 5, 200, Some(10_000)), dated(4, 12, 70, None)]
}

fn bp(figure: &Figure<Ratio>) -> i128 {
    figure.value().expect("a figure").basis_points()
}

fn ids(a: &Aggregate) -> (Vec<i64>, Vec<i64>) {
    (a.used.iter().map(|p| p.id).collect(), a.left_out.iter().map(|p| p.id).collect())
}

#[test]
fn all_posts_even_count_mean_and_median() {
    let a = engagement_over(&five_posts(), Window::All, Basis::Followers);
    assert_eq!(ids(&a), (vec![1, 2, 3, 5], vec![4]), "oldest first; the post without followers left out");
    assert_eq!(a.left_out[0].reason, NotEnoughData::Unknown { count: Count::FollowersAtPost });
    // (1 + 2 + 3 + 5) ÷ 4 = 2.75%; median (2 + 3) ÷ 2 = 2.5%.
    assert_eq!((bp(&a.mean), bp(&a.median)), (275, 250));
    assert_eq!(a.used[2].not_reported, [Count::Shares, Count::Saves], "the post counted with fewer interactions says so");
    assert!(a.used[0].not_reported.is_empty());
}

#[test]
fn a_window_of_days_includes_both_ends_odd_count() {
    let a = engagement_over(&five_posts(), Window::Between { from: day(1), to: day(9) }, Basis::Followers);
    assert_eq!(ids(&a), (vec![1, 2, 3], vec![]));
    assert_eq!((bp(&a.mean), bp(&a.median)), (200, 200), "1, 2, 3: mean and median 2%");
    let none = engagement_over(&five_posts(), Window::Between { from: day(10), to: day(2) }, Basis::Followers);
    assert_eq!((none.mean.reason(), none.median.reason()), (Some(NotEnoughData::NoPosts), Some(NotEnoughData::NoPosts)), "from after to: no posts");
}

#[test]
fn the_last_posts_are_the_newest_posted_with_or_without_data() {
    let a = engagement_over(&five_posts(), Window::LastPosts(2), Basis::Followers);
    assert_eq!(ids(&a), (vec![5], vec![4]), "the last two are 5 and 4; 4 has no followers and is left out, not replaced by 3");
    assert_eq!((bp(&a.mean), bp(&a.median)), (500, 500), "one post: its own rate");
    let zero = engagement_over(&five_posts(), Window::LastPosts(0), Basis::Followers);
    assert_eq!(zero.mean.reason(), Some(NotEnoughData::NoPosts));
    let more = engagement_over(&five_posts(), Window::LastPosts(50), Basis::Followers);
    assert_eq!(ids(&more).0.len() + ids(&more).1.len(), 5);
}

#[test]
fn on_one_day_the_later_post_is_the_last() {
    let posts = [dated(7, 3, 100, Some(10_000)), dated(8, 3, 300, Some(10_000)), dated(6, 2, 500, Some(10_000))];
    let a = engagement_over(&posts, Window::LastPosts(1), Basis::Followers);
    assert_eq!(ids(&a).0, [8]);
}

#[test]
fn posts_all_left_out_give_their_reason_or_say_none_had_the_counts() {
    let same = [dated(1, 1, 10, None), dated(2, 2, 10, None)];
    let a = engagement_over(&same, Window::All, Basis::Followers);
    assert_eq!(a.mean.reason(), Some(NotEnoughData::Unknown { count: Count::FollowersAtPost }));
    assert_eq!(a.left_out.len(), 2);
    let mixed = [dated(1, 1, 10, None), dated(2, 2, 10, Some(0))];
    let b = engagement_over(&mixed, Window::All, Basis::Followers);
    assert_eq!((b.mean.reason(), b.median.reason()), (Some(NotEnoughData::NoPostWithData), Some(NotEnoughData::NoPostWithData)));
    let nothing = engagement_over(&[], Window::All, Basis::Reach);
    assert_eq!(nothing.median.reason(), Some(NotEnoughData::NoPosts));
}

#[test]
fn a_post_with_every_count_missing_is_left_out_by_every_basis() {
    let posts = [DatedPost { id: 1, posted_on: day(1), counts: PostCounts::default() }, dated(2, 2, 300, Some(10_000))];
    for basis in Basis::ALL {
        let a = engagement_over(&posts, Window::All, basis);
        assert_eq!(a.left_out[0].id, 1, "{basis:?}");
        assert_eq!(a.left_out[0].reason, NotEnoughData::Unknown { count: basis.count() });
    }
    assert_eq!(bp(&engagement_over(&posts, Window::All, Basis::Followers).mean), 300);
}

#[test]
fn median_of_an_even_and_an_odd_number_of_rates() {
    let r = |bp: i64| Ratio::from_basis_points(bp);
    assert_eq!(median(&[r(500), r(100), r(300)]), Figure::Value(r(300)), "odd: the middle one, whatever the order given");
    assert_eq!(median(&[r(400), r(100), r(300), r(200)]), Figure::Value(r(250)), "even: halfway between 200 and 300");
    assert_eq!(median(&[r(100), r(101)]), Figure::Value(Ratio::new(201, 20_000).unwrap()), "100.5 bp, exact beneath");
    assert_eq!(median(&[r(100), r(101)]).value().unwrap().basis_points(), 101, "shown: the half rounds up");
    assert_eq!(median(&[r(7), r(7)]), Figure::Value(r(7)));
    assert_eq!(median(&[]), Figure::NotEnoughData { reason: NotEnoughData::NoPosts });
    assert_eq!(mean(&[]), Figure::NotEnoughData { reason: NotEnoughData::NoPosts });
    assert_eq!(mean(&[Ratio::new(1, 3).unwrap(), Ratio::new(1, 6).unwrap()]), Figure::Value(Ratio::new(1, 4).unwrap()), "(1/3 + 1/6) ÷ 2 = 1/4, exact");
}

#[test]
fn an_average_over_posts_with_many_follower_counts_stays_exact() {
    // Pairs of posts (p − 1)/p and 1/p for 30 primes p near 10,000: each pair adds up to 1, so the
    // mean is exactly 50%. The common denominator of the 60 rates is about 10^120: past i128.
    let primes: Vec<i64> = (10_000i64..).filter(|n| (2i64..).take_while(|d| d * d <= *n).all(|d| n % d != 0)).take(30).collect();
    let mut posts = Vec::new();
    for (i, p) in primes.iter().enumerate() {
        posts.push(dated(2 * i as i64, 1, p - 1, Some(*p)));
        posts.push(dated(2 * i as i64 + 1, 2, 1, Some(*p)));
    }
    let a = engagement_over(&posts, Window::All, Basis::Followers);
    assert_eq!(a.used.len(), 60);
    assert_eq!(a.mean, Figure::Value(Ratio::new(1, 2).unwrap()));
}

fn ratio() -> impl Strategy<Value = Ratio> {
    (0i128..1_000_000_000_000, 1i128..1_000_000_000_000).prop_map(|(n, d)| Ratio::new(n, d).unwrap())
}

proptest! {
    #[test]
    fn the_median_and_the_mean_lie_between_the_smallest_and_the_largest(rates in proptest::collection::vec(ratio(), 1..40)) {
        let (low, high) = (rates.iter().min().unwrap(), rates.iter().max().unwrap());
        let median = median(&rates);
        let mean = mean(&rates);
        for figure in [median.value().unwrap(), mean.value().unwrap()] {
            prop_assert!(low <= figure && figure <= high);
            prop_assert!(low.basis_points() <= figure.basis_points() && figure.basis_points() <= high.basis_points(), "shown, too");
        }
    }

    #[test]
    fn the_median_is_the_middle_of_the_rates_in_order(rates in proptest::collection::vec(ratio(), 1..41)) {
        let mut sorted = rates.clone();
        sorted.sort();
        let n = sorted.len();
        let expected = if n % 2 == 1 { sorted[n / 2].clone() } else { mean(&sorted[n / 2 - 1..=n / 2]).value().unwrap().clone() };
        prop_assert_eq!(median(&rates), Figure::Value(expected));
    }

    #[test]
    fn any_posts_are_either_used_or_left_out_once(counts in proptest::collection::vec((0i64..10_000, proptest::option::of(0i64..100_000), 1u32..28), 0..30), n in 0usize..40) {
        let posts: Vec<DatedPost> = counts.iter().enumerate().map(|(i, (likes, followers, d))| dated(i as i64, *d, *likes, *followers)).collect();
        let a = engagement_over(&posts, Window::LastPosts(n), Basis::Followers);
        prop_assert_eq!(a.used.len() + a.left_out.len(), n.min(posts.len()));
        prop_assert_eq!(a.mean.value().is_some(), !a.used.is_empty());
    }
}

#[test]
fn a_mean_over_many_accounts_is_kept_far_below_what_is_shown_and_quickly() {
    // 20,000 rates of accounts of different sizes: no common denominator to add them up with.
    let rates: Vec<Ratio> = (0..20_000i128).map(|i| Ratio::new(300 + i % 211, 10_007 + i * 13).unwrap()).collect();
    let started = std::time::Instant::now();
    let m = mean(&rates);
    assert!(started.elapsed() < std::time::Duration::from_secs(5), "a mean of 20,000 rates takes {:?}", started.elapsed());
    // The same mean in whole basis points worked out apart: Σ (n × 10^8 ÷ d), then ÷ count.
    let scaled: i128 = (0..20_000i128).map(|i| (300 + i % 211) * 100_000_000 / (10_007 + i * 13)).sum();
    let expected_bp = (scaled / 20_000 + 5_000) / 10_000;
    assert_eq!(m.value().unwrap().basis_points(), expected_bp);
    // A few rates still add up exactly.
    assert_eq!(mean(&[Ratio::new(1, 3).unwrap(), Ratio::new(1, 6).unwrap()]), Figure::Value(Ratio::new(1, 4).unwrap()));
}
