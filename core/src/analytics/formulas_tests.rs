//! The engagement formulas against hand-computed values, the exact numbers beneath them, and the
//! words they are named in.

use super::formulas::{engagement_rate, interactions, Basis, Count, FormulaId, PostCounts};
use super::rate::{divide_rounded, Figure, NotEnoughData, Ratio};
use crate::commissions::rounding;
use crate::numbers::Spelling::{self, Dutch, English};
use num_bigint::BigInt;
use proptest::prelude::*;

fn post(likes: i64, comments: i64, shares: Option<i64>, saves: Option<i64>) -> PostCounts {
    PostCounts { likes: Some(likes), comments: Some(comments), shares, saves, ..Default::default() }
}

fn rate_of(counts: &PostCounts, basis: Basis) -> Ratio {
    engagement_rate(counts, basis).value().expect("a rate").rate.clone()
}

fn reason_of(counts: &PostCounts, basis: Basis) -> NotEnoughData {
    engagement_rate(counts, basis).reason().expect("no rate")
}

/// Text a person reads never holds what a program left in it.
pub(super) fn assert_clean(text: &str) {
    for stray in ["null", "None", "NaN", "Infinity", "Some(", "undefined", "{", "}", "::"] {
        assert!(!text.contains(stray), "{stray:?} in {text:?}");
    }
    assert!(!text.trim().is_empty());
}

#[test]
fn engagement_by_followers_adds_the_four_interactions() {
    // (120 + 30 + 10 + 21) ÷ 10,000 = 181 ÷ 10,000 = 1.81%
    let counts = PostCounts { followers_at_post: Some(10_000), ..post(120, 30, Some(10), Some(21)) };
    let Figure::Value(e) = engagement_rate(&counts, Basis::Followers) else { panic!("a rate") };
    assert_eq!((e.interactions.total, e.divided_by, e.formula), (181, 10_000, FormulaId::EngagementByFollowers));
    assert_eq!(e.rate, Ratio::from_basis_points(181));
    assert_eq!((e.rate.percent_text(English), e.rate.percent_text(Dutch)), ("1.81%".to_string(), "1,81%".to_string()));
    assert_eq!(e.interactions.counted, [Count::Likes, Count::Comments, Count::Shares, Count::Saves]);
    assert!(e.interactions.not_reported.is_empty());
    for spelling in [English, Dutch] {
        assert_eq!(e.formula_as_used(spelling), FormulaId::EngagementByFollowers.text(spelling), "all four known: the formula's own words");
    }
    assert_eq!(FormulaId::EngagementByFollowers.text(English), "Engagement rate by followers = (likes + comments + shares + saves) ÷ followers at posting time");
    assert_eq!(FormulaId::EngagementByFollowers.text(Dutch), "Engagement rate op volgers = (likes + reacties + shares + saves) ÷ volgers op het moment van posten");
}

#[test]
fn saves_a_platform_does_not_report_are_left_out_and_named() {
    // (200 + 40 + 5) ÷ 7,000 = 245 ÷ 7,000 = 3.5%, saves unknown.
    let counts = PostCounts { reach: Some(7_000), ..post(200, 40, Some(5), None) };
    let Figure::Value(e) = engagement_rate(&counts, Basis::Reach) else { panic!("a rate") };
    assert_eq!(e.rate.basis_points(), 350);
    assert_eq!(e.interactions.counted, [Count::Likes, Count::Comments, Count::Shares]);
    assert_eq!(e.interactions.not_reported, [Count::Saves]);
    assert_eq!(e.formula_as_used(English), "Engagement rate by reach = (likes + comments + shares) ÷ reach; saves not reported");
    assert_eq!(e.formula_as_used(Dutch), "Engagement rate op bereik = (likes + reacties + shares) ÷ bereik; saves niet bekend");
}

#[test]
fn engagement_by_views_without_shares_or_saves() {
    // (1 + 2) ÷ 9 = 1/3 = 33.33…% → 3333 bp, kept exact beneath.
    let counts = PostCounts { views: Some(9), ..post(1, 2, None, None) };
    let Figure::Value(e) = engagement_rate(&counts, Basis::Views) else { panic!("a rate") };
    assert_eq!(e.rate, Ratio::new(1, 3).unwrap());
    assert_eq!(e.rate.percent_text(English), "33.33%");
    assert_eq!(e.formula_as_used(English), "Engagement rate by views = (likes + comments) ÷ views; shares and saves not reported");
    assert_eq!(e.formula_as_used(Dutch), "Engagement rate op weergaven = (likes + reacties) ÷ weergaven; shares en saves niet bekend");
}

#[test]
fn zero_followers_is_not_enough_data_not_a_division_error() {
    let counts = PostCounts { followers_at_post: Some(0), ..post(5, 1, Some(0), Some(0)) };
    assert_eq!(reason_of(&counts, Basis::Followers), NotEnoughData::Zero { count: Count::FollowersAtPost });
    assert_eq!(reason_of(&counts, Basis::Followers).sentence(English), "Not enough data: the number of followers at posting time is 0.");
    assert_eq!(reason_of(&counts, Basis::Followers).sentence(Dutch), "Te weinig gegevens: het aantal volgers op het moment van posten is 0.");
}

#[test]
fn missing_reach_is_unknown_never_zero() {
    let counts = PostCounts { followers_at_post: Some(4_000), ..post(50, 5, Some(1), Some(2)) };
    assert_eq!(reason_of(&counts, Basis::Reach), NotEnoughData::Unknown { count: Count::Reach });
    assert_eq!(reason_of(&counts, Basis::Reach).sentence(English), "Not enough data: the reach is not known.");
    assert_eq!(reason_of(&counts, Basis::Reach).sentence(Dutch), "Te weinig gegevens: het bereik is niet bekend.");
    assert_eq!(rate_of(&counts, Basis::Followers).basis_points(), 145, "58 ÷ 4,000 = 1.45%");
}

#[test]
fn a_post_whose_counts_are_all_missing_has_no_rate_by_any_basis() {
    let empty = PostCounts::default();
    for basis in Basis::ALL {
        assert_eq!(reason_of(&empty, basis), NotEnoughData::Unknown { count: basis.count() }, "{basis:?}: what it divides by is named first");
    }
    assert_eq!(interactions(&empty), Err(NotEnoughData::Unknown { count: Count::Likes }));
}

#[test]
fn likes_and_comments_are_needed_and_a_negative_count_is_a_mistake() {
    let reach = |c: PostCounts| PostCounts { reach: Some(1_000), ..c };
    assert_eq!(reason_of(&reach(PostCounts { likes: None, ..post(0, 3, Some(1), Some(1)) }), Basis::Reach), NotEnoughData::Unknown { count: Count::Likes });
    assert_eq!(reason_of(&reach(PostCounts { comments: None, ..post(9, 0, Some(1), Some(1)) }), Basis::Reach), NotEnoughData::Unknown { count: Count::Comments });
    assert_eq!(reason_of(&reach(post(9, 1, Some(-1), None)), Basis::Reach), NotEnoughData::Negative { count: Count::Shares });
    assert_eq!(reason_of(&PostCounts { reach: Some(-5), ..post(9, 1, None, None) }, Basis::Reach), NotEnoughData::Negative { count: Count::Reach });
    assert_eq!(NotEnoughData::Negative { count: Count::Shares }.sentence(English), "Not enough data: the number of shares is below 0; check the figures.");
}

#[test]
fn no_interactions_on_a_known_post_is_a_real_zero() {
    let counts = PostCounts { followers_at_post: Some(500), ..post(0, 0, Some(0), Some(0)) };
    assert_eq!(rate_of(&counts, Basis::Followers), Ratio::zero());
    assert_eq!(rate_of(&counts, Basis::Followers).percent_text(English), "0%");
}

#[test]
fn a_rate_rounds_once_when_shown_halves_away_from_zero() {
    let followers = |n: i64, of: i64| rate_of(&PostCounts { followers_at_post: Some(of), ..post(n, 0, None, None) }, Basis::Followers);
    assert_eq!(followers(1, 20_000).basis_points(), 1, "0.005% is half a basis point: up");
    assert_eq!(followers(1, 20_001).basis_points(), 0, "just under half: down");
    assert_eq!(followers(121, 20_000).percent_text(English), "0.61%", "0.605% → 0.61%");
    assert_eq!(followers(1, 40_000).percent_text(Dutch), "0%", "0.0025% → 0%");
    assert_eq!(Ratio::new(-1, 20_000).unwrap().basis_points(), -1, "below zero, away from zero too");
    assert_eq!(Ratio::new(-1, 20_001).unwrap().basis_points(), 0);
    assert_eq!(Ratio::new(1, 8).unwrap().percent_text(English), "12.5%");
}

#[test]
fn ratios_are_exact_reduced_and_bounded() {
    assert_eq!(Ratio::new(1, 0), None);
    assert_eq!(Ratio::new(2, 4), Ratio::new(1, 2));
    assert_eq!(Ratio::new(3, -6), Ratio::new(-1, 2));
    assert_eq!(Ratio::new(10i128.pow(30), 1), None, "10^30 is beyond any figure");
    assert_eq!(Ratio::new(-(10i128.pow(30)), 1), None);
    assert!(Ratio::new(10i128.pow(30) - 1, 1).is_some());
    assert!(Ratio::new(1, 3).unwrap() < Ratio::new(34, 100).unwrap());
    assert!(Ratio::new(-1, 3).unwrap() < Ratio::zero());
    assert_eq!(serde_json::to_value(Ratio::new(181, 10_000).unwrap()).unwrap(), serde_json::json!({"basis_points": 181, "numerator": "181", "denominator": "10000"}));
    let unknown: Figure<Ratio> = Figure::NotEnoughData { reason: NotEnoughData::Unknown { count: Count::Reach } };
    assert_eq!(serde_json::to_value(&unknown).unwrap(), serde_json::json!({"not_enough_data": {"reason": {"code": "unknown", "count": "reach"}}}));
}

#[test]
fn totals_are_known_only_where_every_post_has_the_count() {
    let a = PostCounts { views: Some(100), reach: Some(80), followers_at_post: Some(1_000), ..post(10, 2, Some(1), None) };
    let b = PostCounts { views: Some(50), reach: None, followers_at_post: Some(1_010), ..post(4, 1, Some(3), Some(2)) };
    let total = PostCounts::total(&[a, b]);
    assert_eq!((total.views, total.likes, total.comments, total.shares), (Some(150), Some(14), Some(3), Some(4)));
    assert_eq!((total.reach, total.saves, total.followers_at_post), (None, None, None));
    assert_eq!(PostCounts::total(&[]).likes, Some(0), "no posts: nothing counted yet");
    assert_eq!(PostCounts::total(&[post(i64::MAX, 0, None, None), post(1, 0, None, None)]).likes, None, "beyond i64: unknown");
}

#[test]
fn every_formula_has_its_words_in_english_and_dutch() {
    let mut ids: Vec<&str> = FormulaId::ALL.iter().map(|f| f.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), FormulaId::ALL.len(), "ids are unique");
    assert_eq!((FormulaId::Cpm.as_str(), FormulaId::Median.as_str()), ("cpm", "median_of_posts"));
    for formula in FormulaId::ALL {
        for spelling in [English, Dutch] {
            let text = formula.text(spelling);
            assert!(text.starts_with(&format!("{} ", formula.name(spelling))) && text.contains(" = "), "{text}");
            assert_clean(&text);
        }
        assert_ne!(formula.text(English), formula.text(Dutch), "{formula:?} is written in Dutch too");
    }
    assert!(FormulaId::Cpm.text(Dutch).contains("× 1.000"), "Dutch groups thousands with a dot");
    assert!(FormulaId::Emv.text(Dutch).contains("jouw waarde"), "Dutch addresses the reader as je/jouw");
}

#[test]
fn every_reason_reads_as_a_sentence_in_both_languages() {
    let mut reasons = vec![NotEnoughData::NoPosts, NotEnoughData::NoPostWithData, NotEnoughData::NoInteractions, NotEnoughData::NoSpend, NotEnoughData::ComparedWithZero, NotEnoughData::NoValuedCounts, NotEnoughData::TooLarge];
    for count in Count::ALL {
        reasons.extend([NotEnoughData::Unknown { count: *count }, NotEnoughData::Zero { count: *count }, NotEnoughData::Negative { count: *count }]);
    }
    for reason in reasons {
        let (en, nl) = (reason.sentence(English), reason.sentence(Dutch));
        assert_clean(&en);
        assert_clean(&nl);
        assert!(en.ends_with('.') && nl.ends_with('.'));
        assert_ne!(en, nl);
    }
    assert_eq!(NotEnoughData::NoPosts.sentence(Spelling::Unknown), "No posts to measure.", "the spelling not known: English");
}

fn counts_strategy() -> impl Strategy<Value = PostCounts> {
    let count = || prop_oneof![1 => Just(None), 4 => (0i64..=i64::MAX).prop_map(Some), 2 => (0i64..1_000_000).prop_map(Some)];
    (count(), count(), count(), count(), count(), count(), count(), count(), count(), count()).prop_map(|(views, reach, impressions, likes, comments, shares, saves, link_clicks, profile_follows, followers_at_post)| PostCounts {
        views,
        reach,
        impressions,
        likes,
        comments,
        shares,
        saves,
        link_clicks,
        profile_follows,
        followers_at_post,
    })
}

proptest! {
    #[test]
    fn a_rate_never_panics_and_is_what_it_says_for_any_counts(counts in counts_strategy()) {
        for basis in Basis::ALL {
            match engagement_rate(&counts, basis) {
                Figure::Value(e) => {
                    prop_assert!(e.rate >= Ratio::zero());
                    prop_assert!(e.divided_by > 0);
                    prop_assert_eq!(&e.rate, &Ratio::new(e.interactions.total, i128::from(e.divided_by)).unwrap());
                    let shown = e.rate.basis_points();
                    prop_assert!(shown >= 0);
                    // Within half a basis point of the exact rate.
                    let off: BigInt = (BigInt::from(shown) * e.rate.denominator() - e.rate.numerator() * 10_000i32) * 2i32;
                    prop_assert!(off.magnitude() <= e.rate.denominator().magnitude());
                    for spelling in [English, Dutch] {
                        let text = e.rate.percent_text(spelling);
                        prop_assert!(text.ends_with('%'));
                        assert_clean(&text);
                        assert_clean(&e.formula_as_used(spelling));
                    }
                }
                Figure::NotEnoughData { reason } => {
                    let divisor = counts.get(basis.count());
                    let fits = matches!(reason, NotEnoughData::Unknown { .. } | NotEnoughData::Zero { .. });
                    prop_assert!(fits, "{:?}", reason);
                    prop_assert!(divisor.is_none() || divisor == Some(0) || counts.likes.is_none() || counts.comments.is_none(), "{:?}", reason);
                }
            }
        }
    }

    #[test]
    fn the_wide_rounding_agrees_with_the_money_rule(numerator in any::<i64>(), denominator in 1i64..=i64::MAX) {
        let wide = divide_rounded(&BigInt::from(numerator), &BigInt::from(denominator));
        let money = rounding::divide_rounded(i128::from(numerator), i128::from(denominator)).unwrap();
        prop_assert_eq!(wide, BigInt::from(money));
    }
}
