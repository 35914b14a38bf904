//! The article's benchmarks as data (checked against its own words), the tier, format and deal
//! maps, comparisons above, at, within and below, at a range's ends, and the sentences in English
//! and Dutch.

use super::benchmarks::{benchmark, compare, deal_benchmark, format_benchmark, no_format_benchmark, no_tier_benchmark, source_note, tier_benchmark, Kind, Level, Standing, BENCHMARKS};
use super::formulas_tests::assert_clean;
use super::rate::{relative_difference, Figure, NotEnoughData, Ratio};
use crate::campaigns::CollaborationKind;
use crate::numbers::Spelling::{Dutch, English};
use crate::roster::model::ContentFormat;
use crate::roster::tiers::Tier;

fn bp(n: i64) -> Ratio {
    Ratio::from_basis_points(n)
}

fn level(id: &str) -> Level {
    benchmark(id).unwrap().level
}

#[test]
fn the_articles_figures_are_held_exactly() {
    let value = |basis_points| Level::Value { basis_points };
    assert_eq!([level("tier_nano"), level("tier_micro"), level("tier_mid")], [value(271), value(181), value(124)]);
    assert_eq!(level("tier_macro"), Level::Range { low: 61, high: 87 });
    assert_eq!(level("tier_mega"), Level::Range { low: 68, high: 94 });
    assert_eq!([level("format_carousel"), level("format_single_image"), level("format_reel")], [value(262), value(214), value(203)]);
    assert_eq!(level("gifted_over_paid"), value(1_290));
    assert_eq!([level("niche_match_engagement"), level("niche_match_views")], [value(1_359), value(8_139)]);
    assert_eq!([level("no_call_to_action"), level("storytelling"), level("specific_target_audience")], [value(7_000), value(8_993), value(2_092)]);
    let mut ids: Vec<&str> = BENCHMARKS.iter().map(|b| b.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 14, "ids are unique");
}

#[test]
fn each_benchmark_quotes_the_article_with_its_number_as_the_article_writes_it() {
    for b in BENCHMARKS.iter() {
        let dutch = |n: i64| bp(n).percent_text(Dutch);
        let english = |n: i64| bp(n).percent_text(English);
        match b.level {
            Level::Value { basis_points } => {
                assert!(b.source_nl.contains(&dutch(basis_points)), "{}: {}", b.id, b.source_nl);
                assert!(b.source_en.contains(&english(basis_points)), "{}: {}", b.id, b.source_en);
            }
            Level::Range { low, high } => {
                assert!(b.source_nl.contains(&format!("{}-{}", dutch(low).trim_end_matches('%'), dutch(high))), "{}: {}", b.id, b.source_nl);
                assert!(b.source_en.contains(&format!("{}–{}", english(low).trim_end_matches('%'), english(high))), "{}: {}", b.id, b.source_en);
            }
        }
    }
}

#[test]
fn the_roster_shows_the_same_tier_figures() {
    for tier in Tier::ALL {
        match tier_benchmark(tier) {
            Some(b) => assert_eq!(b.describe(English), format!("Average engagement {}: {}", b.about_en, tier.benchmark_engagement()), "{tier:?}"),
            None => assert_eq!(tier, Tier::Emerging),
        }
    }
    assert_eq!(tier_benchmark(Tier::Mid).unwrap().id, "tier_mid");
    assert_eq!(no_tier_benchmark(Dutch), "Geen benchmark voor starters: de gemiddelden van de gids beginnen bij nano (1K volgers).");
}

#[test]
fn only_carousels_single_images_and_reels_have_a_format_benchmark() {
    for format in ContentFormat::ALL.iter().copied() {
        let has = matches!(format, ContentFormat::Carousel | ContentFormat::SingleImage | ContentFormat::Reel);
        assert_eq!(format_benchmark(format).is_some(), has, "{format:?}");
        if let Some(b) = format_benchmark(format) {
            assert_eq!(b.id, format!("format_{}", format.as_str()));
        } else {
            for spelling in [English, Dutch] {
                assert_clean(&no_format_benchmark(format, spelling));
            }
        }
    }
    assert_eq!(no_format_benchmark(ContentFormat::Story, English), "No benchmark for Story: the guide gives average engagement for carousels, single images and Reels only.");
    assert_eq!(no_format_benchmark(ContentFormat::Blog, Dutch), "Geen benchmark voor Blogpost: de gids geeft alleen gemiddelde engagement voor carousels, losse foto's en Reels.");
}

#[test]
fn only_gifted_over_paid_has_a_deal_benchmark() {
    assert_eq!(deal_benchmark(CollaborationKind::Gifted, CollaborationKind::Paid).unwrap().id, "gifted_over_paid");
    assert!(deal_benchmark(CollaborationKind::Paid, CollaborationKind::Gifted).is_none());
    assert!(deal_benchmark(CollaborationKind::Hybrid, CollaborationKind::Paid).is_none());
    assert!(deal_benchmark(CollaborationKind::Affiliate, CollaborationKind::Gifted).is_none());
}

#[test]
fn a_rate_above_at_and_below_a_single_value() {
    let micro = tier_benchmark(Tier::Micro).unwrap();
    let above = compare(&Ratio::new(34, 1_000).unwrap(), micro);
    assert_eq!((above.standing, above.shown_basis_points), (Standing::Above, 340));
    assert_eq!(above.sentence(English), "3.4%: above the 1.81% average for micro creators");
    assert_eq!(above.sentence(Dutch), "3,4%: boven het gemiddelde van 1,81% voor micro-creators");
    let same = compare(&bp(181), micro);
    assert_eq!(same.standing, Standing::Same);
    assert_eq!(same.sentence(English), "1.81%: the same as the 1.81% average for micro creators");
    assert_eq!(same.sentence(Dutch), "1,81%: gelijk aan het gemiddelde van 1,81% voor micro-creators");
    let below = compare(&bp(120), micro);
    assert_eq!(below.sentence(English), "1.2%: below the 1.81% average for micro creators");
    assert_eq!(below.sentence(Dutch), "1,2%: onder het gemiddelde van 1,81% voor micro-creators");
    // Compared as shown: 1.8149% is shown as 1.81%, so it is the same, not above.
    assert_eq!(compare(&Ratio::new(18_149, 1_000_000).unwrap(), micro).standing, Standing::Same);
    let carousel = compare(&bp(290), format_benchmark(ContentFormat::Carousel).unwrap());
    assert_eq!(carousel.sentence(English), "2.9%: above the 2.62% average for carousels");
    assert_eq!(compare(&bp(200), format_benchmark(ContentFormat::SingleImage).unwrap()).sentence(Dutch), "2%: onder het gemiddelde van 2,14% voor losse foto's");
}

#[test]
fn a_rate_above_within_and_below_a_range_and_at_its_ends() {
    let macro_ = tier_benchmark(Tier::Macro).unwrap();
    let standing = |r: Ratio| compare(&r, macro_).standing;
    assert_eq!(standing(bp(70)), Standing::Within);
    assert_eq!(standing(bp(61)), Standing::Within, "the low end is in the range");
    assert_eq!(standing(bp(87)), Standing::Within, "the high end is in the range");
    assert_eq!(standing(bp(60)), Standing::Below);
    assert_eq!(standing(bp(88)), Standing::Above);
    assert_eq!(standing(Ratio::new(121, 20_000).unwrap()), Standing::Within, "0.605% is shown as 0.61%");
    assert_eq!(standing(Ratio::new(6_049, 1_000_000).unwrap()), Standing::Below, "0.6049% is shown as 0.6%");
    assert_eq!(standing(Ratio::new(175, 20_000).unwrap()), Standing::Above, "0.875% is shown as 0.88%");
    assert_eq!(compare(&bp(70), macro_).sentence(English), "0.7%: within the 0.61–0.87% range for macro creators");
    assert_eq!(compare(&bp(70), macro_).sentence(Dutch), "0,7%: binnen de bandbreedte van 0,61–0,87% voor macro-creators");
    assert_eq!(compare(&bp(50), macro_).sentence(English), "0.5%: below the 0.61–0.87% range for macro creators");
    assert_eq!(compare(&bp(100), tier_benchmark(Tier::Mega).unwrap()).sentence(Dutch), "1%: boven de bandbreedte van 0,68–0,94% voor mega-creators");
}

#[test]
fn gifted_posts_against_paid_ones_and_the_usual_difference() {
    let gifted_over_paid = deal_benchmark(CollaborationKind::Gifted, CollaborationKind::Paid).unwrap();
    // 2.36% against 2%: (2.36 − 2) ÷ 2 = 18% more, exact.
    let more = relative_difference(&Figure::Value(bp(236)), &Figure::Value(bp(200)));
    assert_eq!(more, Figure::Value(Ratio::new(18, 100).unwrap()));
    let c = compare(more.value().unwrap(), gifted_over_paid);
    assert_eq!(c.sentence(English), "18% more engagement: above the usual 12.9% more for gifted collaborations over paid ones");
    assert_eq!(c.sentence(Dutch), "18% meer engagement: boven de gebruikelijke 12,9% meer voor gifting tegenover betaalde samenwerkingen");
    // 1.9% against 2%: 5% less.
    let less = relative_difference(&Figure::Value(bp(190)), &Figure::Value(bp(200)));
    assert_eq!(less.value().unwrap().basis_points(), -500);
    assert_eq!(compare(less.value().unwrap(), gifted_over_paid).sentence(English), "5% less engagement: below the usual 12.9% more for gifted collaborations over paid ones");
    assert_eq!(compare(less.value().unwrap(), gifted_over_paid).sentence(Dutch), "5% minder engagement: onder de gebruikelijke 12,9% meer voor gifting tegenover betaalde samenwerkingen");
    let none = relative_difference(&Figure::Value(bp(200)), &Figure::Value(bp(200)));
    assert_eq!(compare(none.value().unwrap(), gifted_over_paid).sentence(Dutch), "evenveel engagement: onder de gebruikelijke 12,9% meer voor gifting tegenover betaalde samenwerkingen");
    let views = compare(&bp(8_139), benchmark("niche_match_views").unwrap());
    assert_eq!(views.sentence(English), "81.39% more views: the same as the usual 81.39% more when creator and product share a niche");
    assert_eq!(compare(&bp(-1_000), benchmark("niche_match_views").unwrap()).sentence(English), "10% fewer views: below the usual 81.39% more when creator and product share a niche");
}

#[test]
fn a_difference_needs_both_sides_and_a_base_above_zero() {
    let unknown = Figure::NotEnoughData { reason: NotEnoughData::Unknown { count: super::formulas::Count::Reach } };
    assert_eq!(relative_difference(&unknown, &Figure::Value(bp(200))), unknown);
    assert_eq!(relative_difference(&Figure::Value(bp(200)), &Figure::NotEnoughData { reason: NotEnoughData::NoPosts }).reason(), Some(NotEnoughData::NoPosts));
    assert_eq!(relative_difference(&Figure::Value(bp(200)), &Figure::Value(Ratio::zero())).reason(), Some(NotEnoughData::ComparedWithZero));
    assert_eq!(relative_difference(&Figure::Value(Ratio::zero()), &Figure::Value(bp(200))).value().unwrap().basis_points(), -10_000, "nothing against something: 100% less");
    let tiny = Ratio::new(1, 10i128.pow(31)).unwrap();
    assert_eq!(relative_difference(&Figure::Value(bp(10_000)), &Figure::Value(tiny)).reason(), Some(NotEnoughData::TooLarge));
}

#[test]
fn a_benchmark_on_its_own() {
    assert_eq!(tier_benchmark(Tier::Micro).unwrap().describe(English), "Average engagement for micro creators: 1.81%");
    assert_eq!(tier_benchmark(Tier::Macro).unwrap().describe(Dutch), "Gemiddelde engagement voor macro-creators: 0,61–0,87%");
    assert_eq!(benchmark("gifted_over_paid").unwrap().describe(English), "12.9% more engagement for gifted collaborations over paid ones");
    assert_eq!(benchmark("storytelling").unwrap().describe(Dutch), "89,93% effectiever voor producten verwerkt in een verhaal, tegenover directe reclame");
    assert_eq!(benchmark("no_call_to_action").unwrap().describe(English), "70% more engagement for content without an explicit call to action");
    assert!(source_note(English).contains("Wat is een Micro-Influencer"));
}

#[test]
fn every_sentence_in_both_languages_is_clean_and_written_in_its_language() {
    for b in BENCHMARKS.iter() {
        for measured in [-2_500, 0, 61, 87, 181, 262, 1_290, 8_993, 250_000] {
            let c = compare(&bp(measured), b);
            for (spelling, text) in [(English, c.sentence(English)), (Dutch, c.sentence(Dutch)), (English, b.describe(English)), (Dutch, b.describe(Dutch))] {
                assert_clean(&text);
                let digits: Vec<char> = text.chars().collect();
                let wrong_mark = if spelling == Dutch { '.' } else { ',' };
                let between_digits = digits.windows(3).any(|w| w[0].is_ascii_digit() && w[1] == wrong_mark && w[2].is_ascii_digit());
                // 2,500% in English and 2.500% in Dutch group thousands; anything else is a wrong mark.
                assert!(!between_digits || text.contains("2,500%") || text.contains("2.500%"), "{text}");
            }
            if b.kind != Kind::AverageEngagement && measured < 0 {
                assert!(c.sentence(English).contains(" less ") || c.sentence(English).contains(" fewer "), "{}", c.sentence(English));
            }
        }
    }
}
