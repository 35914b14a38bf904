//! The seed article's benchmarks as data, with its own words, and a measured figure compared with
//! one: structured ([`Comparison`]: above, the same, within or below) and as a sentence in English
//! or Dutch, numbers written as each language writes them (`3.4%`, `3,4%`).
//!
//! Contract:
//! - A benchmark is one value or a range, in basis points (1.81% is 181), exact as the article
//!   gives it. Only what the article says is here: tiers (nano to mega; none for creators below
//!   nano), formats (carousel, single image, Reel; none for the other deliverable formats, and
//!   [`no_format_benchmark`] says so), and what raises engagement (gifted over paid, niche match,
//!   no call to action, storytelling, a specific target audience).
//! - A measured figure is compared as shown, rounded once to 0.01% (the precision of the
//!   article's figures), so a sentence never contradicts its own numbers; a range includes both
//!   ends ("0.61%: within the 0.61–0.87% range").
//! - The sentences do not mention "the article" (the reader never saw it); [`source_note`] names
//!   it for a report's footnote.

use super::rate::{words, Ratio};
use crate::campaigns::CollaborationKind;
use crate::charts::scale;
use crate::charts::Unit;
use crate::numbers::Spelling;
use crate::roster::model::ContentFormat;
use crate::roster::tiers::Tier;
use serde::Serialize;

/// The seed article: a Dutch guide to micro-influencers.
pub const SOURCE_TITLE: &str = "Wat is een Micro-Influencer: Complete Gids voor Authentieke Marketing";

/// One value or a range, in basis points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Level {
    Value { basis_points: i64 },
    Range { low: i64, high: i64 },
}

/// What a benchmark measures: an average engagement rate, or how much more a practice gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    AverageEngagement,
    MoreEngagement,
    MoreViews,
    MoreEffective,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Benchmark {
    pub id: &'static str,
    pub kind: Kind,
    pub level: Level,
    /// What it is for, as a sentence ends: `for micro creators`, `voor carousels`.
    pub about_en: &'static str,
    pub about_nl: &'static str,
    /// The article's words (Dutch, quoted; a table row's cells joined by ` · `) and their English.
    pub source_nl: &'static str,
    pub source_en: &'static str,
}

const fn single(basis_points: i64) -> Level {
    Level::Value { basis_points }
}

const FORMATS_NL: &str = "Carrouselposts leveren de hoogste engagement rates op met 2,62%, beter dan losse afbeeldingen (2,14%) en Reels (2,03%)";
const FORMATS_EN: &str = "Carousel posts get the highest engagement rates, 2.62%, better than single images (2.14%) and Reels (2.03%)";
const NICHE_NL: &str = "campagnes waarbij de niche van influencer en product overeenkomen, halen 13,59% meer engagement en 81,39% meer views";
const NICHE_EN: &str = "campaigns where the niche of influencer and product match get 13.59% more engagement and 81.39% more views";

/// Every benchmark of the article.
pub static BENCHMARKS: [Benchmark; 14] = [
    Benchmark { id: "tier_nano", kind: Kind::AverageEngagement, level: single(271), about_en: "for nano creators", about_nl: "voor nano-creators", source_nl: "Nano-Influencers · 1K-10K · Gem. Engagement 2,71%", source_en: "Nano influencers · 1K–10K followers · average engagement 2.71%" },
    Benchmark { id: "tier_micro", kind: Kind::AverageEngagement, level: single(181), about_en: "for micro creators", about_nl: "voor micro-creators", source_nl: "Micro-Influencers · 10K-100K · Gem. Engagement 1,81%", source_en: "Micro influencers · 10K–100K followers · average engagement 1.81%" },
    Benchmark { id: "tier_mid", kind: Kind::AverageEngagement, level: single(124), about_en: "for mid-tier creators", about_nl: "voor mid-tier creators", source_nl: "Mid-tier Influencers · 50K-100K · Gem. Engagement 1,24%", source_en: "Mid-tier influencers · 50K–100K followers · average engagement 1.24%" },
    Benchmark { id: "tier_macro", kind: Kind::AverageEngagement, level: Level::Range { low: 61, high: 87 }, about_en: "for macro creators", about_nl: "voor macro-creators", source_nl: "Macro-Influencers · 100K-1M · Gem. Engagement 0,61-0,87%", source_en: "Macro influencers · 100K–1M followers · average engagement 0.61–0.87%" },
    Benchmark { id: "tier_mega", kind: Kind::AverageEngagement, level: Level::Range { low: 68, high: 94 }, about_en: "for mega creators", about_nl: "voor mega-creators", source_nl: "Mega-Influencers · 1M+ · Gem. Engagement 0,68-0,94%", source_en: "Mega influencers · 1M+ followers · average engagement 0.68–0.94%" },
    Benchmark { id: "format_carousel", kind: Kind::AverageEngagement, level: single(262), about_en: "for carousels", about_nl: "voor carousels", source_nl: FORMATS_NL, source_en: FORMATS_EN },
    Benchmark { id: "format_single_image", kind: Kind::AverageEngagement, level: single(214), about_en: "for single images", about_nl: "voor losse foto's", source_nl: FORMATS_NL, source_en: FORMATS_EN },
    Benchmark { id: "format_reel", kind: Kind::AverageEngagement, level: single(203), about_en: "for Reels", about_nl: "voor Reels", source_nl: FORMATS_NL, source_en: FORMATS_EN },
    Benchmark {
        id: "gifted_over_paid",
        kind: Kind::MoreEngagement,
        level: single(1_290),
        about_en: "for gifted collaborations over paid ones",
        about_nl: "voor gifting tegenover betaalde samenwerkingen",
        source_nl: "Uit data blijkt dat geschenksamenwerkingen 12,9% meer engagement opleveren dan betaalde deals",
        source_en: "Data shows that gifted collaborations get 12.9% more engagement than paid deals",
    },
    Benchmark { id: "niche_match_engagement", kind: Kind::MoreEngagement, level: single(1_359), about_en: "when creator and product share a niche", about_nl: "als creator en product dezelfde niche hebben", source_nl: NICHE_NL, source_en: NICHE_EN },
    Benchmark { id: "niche_match_views", kind: Kind::MoreViews, level: single(8_139), about_en: "when creator and product share a niche", about_nl: "als creator en product dezelfde niche hebben", source_nl: NICHE_NL, source_en: NICHE_EN },
    Benchmark {
        id: "no_call_to_action",
        kind: Kind::MoreEngagement,
        level: single(7_000),
        about_en: "for content without an explicit call to action",
        about_nl: "voor content zonder expliciete call-to-action",
        source_nl: "uit onderzoek blijkt dat content zonder expliciete CTA’s 70% meer betrokkenheid oplevert omdat het oprechter aanvoelt",
        source_en: "research shows that content without explicit calls to action gets 70% more engagement because it feels more sincere",
    },
    Benchmark {
        id: "storytelling",
        kind: Kind::MoreEffective,
        level: single(8_993),
        about_en: "for products worked into a story, over direct advertising",
        about_nl: "voor producten verwerkt in een verhaal, tegenover directe reclame",
        source_nl: "content die producten op natuurlijke wijze in verhalen verwerkt, is 89,93% effectiever dan directe reclame",
        source_en: "content that works products naturally into stories is 89.93% more effective than direct advertising",
    },
    Benchmark {
        id: "specific_target_audience",
        kind: Kind::MoreEngagement,
        level: single(2_092),
        about_en: "for campaigns with a specific target audience",
        about_nl: "voor campagnes met een duidelijke doelgroep",
        source_nl: "Evenzo behalen campagnes met een specifieke doelgroep 20,92% meer engagement dan campagnes zonder duidelijke doelgroep",
        source_en: "Likewise, campaigns with a specific target audience get 20.92% more engagement than campaigns without a clear target audience",
    },
];

/// The benchmark with this id.
pub fn benchmark(id: &str) -> Option<&'static Benchmark> {
    BENCHMARKS.iter().find(|b| b.id == id)
}

/// A tier's average engagement; none for creators below nano (the article starts at 1K).
pub fn tier_benchmark(tier: Tier) -> Option<&'static Benchmark> {
    match tier {
        Tier::Emerging => None,
        tier => benchmark(&format!("tier_{}", tier.as_str())),
    }
}

/// A deliverable format's average engagement: carousel, single image and Reel only.
pub fn format_benchmark(format: ContentFormat) -> Option<&'static Benchmark> {
    match format {
        ContentFormat::Carousel | ContentFormat::SingleImage | ContentFormat::Reel => benchmark(&format!("format_{}", format.as_str())),
        _ => None,
    }
}

/// How much more one deal type gets than another: gifted over paid only.
pub fn deal_benchmark(this: CollaborationKind, that: CollaborationKind) -> Option<&'static Benchmark> {
    match (this, that) {
        (CollaborationKind::Gifted, CollaborationKind::Paid) => benchmark("gifted_over_paid"),
        _ => None,
    }
}

/// Said where a format has no benchmark, rather than showing one it does not have.
pub fn no_format_benchmark(format: ContentFormat, spelling: Spelling) -> String {
    let dutch_name = match format {
        ContentFormat::SingleImage => "Losse foto",
        ContentFormat::Blog => "Blogpost",
        other => other.label(),
    };
    match spelling {
        Spelling::Dutch => format!("Geen benchmark voor {dutch_name}: de gids geeft alleen gemiddelde engagement voor carousels, losse foto's en Reels."),
        _ => format!("No benchmark for {}: the guide gives average engagement for carousels, single images and Reels only.", format.label()),
    }
}

/// Said where a creator below nano is shown.
pub fn no_tier_benchmark(spelling: Spelling) -> &'static str {
    words(spelling, "No benchmark for emerging creators: the guide's averages start at nano (1K followers).", "Geen benchmark voor starters: de gemiddelden van de gids beginnen bij nano (1K volgers).")
}

/// A report's footnote naming the source.
pub fn source_note(spelling: Spelling) -> String {
    match spelling {
        Spelling::Dutch => format!("Benchmarks uit de gids “{SOURCE_TITLE}”."),
        _ => format!("Benchmarks from the guide “{SOURCE_TITLE}” (in Dutch)."),
    }
}

impl Benchmark {
    /// The benchmark on its own: `Average engagement for micro creators: 1.81%`, `12.9% more
    /// engagement for gifted collaborations over paid ones`.
    pub fn describe(&self, spelling: Spelling) -> String {
        let about = self.about(spelling);
        match self.kind {
            Kind::AverageEngagement => format!("{} {about}: {}", words(spelling, "Average engagement", "Gemiddelde engagement"), level_text(self.level, spelling)),
            kind => format!("{} {about}", more_text(kind, &level_text(self.level, spelling), spelling)),
        }
    }

    fn about(&self, spelling: Spelling) -> &'static str {
        words(spelling, self.about_en, self.about_nl)
    }
}

/// Where a measured figure stands against a benchmark, as shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    Above,
    /// The same as a single value.
    Same,
    /// Inside a range, ends included.
    Within,
    Below,
}

/// A measured figure beside a benchmark: for an average, an engagement rate; for "more", the
/// relative difference ([`super::rate::relative_difference`]), e.g. gifted posts' rate over paid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub benchmark: &'static Benchmark,
    pub measured: Ratio,
    /// The measured figure as shown and compared: rounded once to whole basis points.
    pub shown_basis_points: i128,
    pub standing: Standing,
}

pub fn compare(measured: &Ratio, benchmark: &'static Benchmark) -> Comparison {
    let shown = measured.basis_points();
    let standing = match benchmark.level {
        Level::Value { basis_points } => match shown.cmp(&i128::from(basis_points)) {
            std::cmp::Ordering::Greater => Standing::Above,
            std::cmp::Ordering::Equal => Standing::Same,
            std::cmp::Ordering::Less => Standing::Below,
        },
        Level::Range { low, .. } if shown < i128::from(low) => Standing::Below,
        Level::Range { high, .. } if shown > i128::from(high) => Standing::Above,
        Level::Range { .. } => Standing::Within,
    };
    Comparison { benchmark, measured: measured.clone(), shown_basis_points: shown, standing }
}

impl Comparison {
    /// `3.4%: above the 1.81% average for micro creators`, `0,7%: binnen de bandbreedte van
    /// 0,61–0,87% voor macro-creators`, `18% more engagement: above the usual 12.9% more for
    /// gifted collaborations over paid ones`.
    pub fn sentence(&self, spelling: Spelling) -> String {
        let b = self.benchmark;
        let level = level_text(b.level, spelling);
        let about = b.about(spelling);
        let dutch = spelling == Spelling::Dutch;
        let place = match (self.standing, dutch) {
            (Standing::Above, false) => "above",
            (Standing::Same, false) => "the same as",
            (Standing::Within, false) => "within",
            (Standing::Below, false) => "below",
            (Standing::Above, true) => "boven",
            (Standing::Same, true) => "gelijk aan",
            (Standing::Within, true) => "binnen",
            (Standing::Below, true) => "onder",
        };
        let measured = match b.kind {
            Kind::AverageEngagement => percent(self.shown_basis_points, spelling),
            kind => difference_text(kind, self.shown_basis_points, spelling),
        };
        let against = match (b.kind, b.level, dutch) {
            (Kind::AverageEngagement, Level::Value { .. }, false) => format!("the {level} average"),
            (Kind::AverageEngagement, Level::Value { .. }, true) => format!("het gemiddelde van {level}"),
            (Kind::AverageEngagement, Level::Range { .. }, false) => format!("the {level} range"),
            (Kind::AverageEngagement, Level::Range { .. }, true) => format!("de bandbreedte van {level}"),
            (_, _, false) => format!("the usual {level} more"),
            (_, _, true) => format!("de gebruikelijke {level} meer"),
        };
        format!("{measured}: {place} {against} {about}")
    }
}

fn percent(basis_points: i128, spelling: Spelling) -> String {
    scale::exact(basis_points, Unit::Percent, spelling)
}

/// `1.81%`, or a range as the article writes it: `0.61–0.87%`.
pub(crate) fn level_text(level: Level, spelling: Spelling) -> String {
    match level {
        Level::Value { basis_points } => percent(basis_points.into(), spelling),
        Level::Range { low, high } => format!("{}–{}", percent(low.into(), spelling).trim_end_matches('%'), percent(high.into(), spelling)),
    }
}

/// `12.9% more engagement`, `81,39% meer weergaven`, `89.93% more effective`.
fn more_text(kind: Kind, amount: &str, spelling: Spelling) -> String {
    match (kind, spelling == Spelling::Dutch) {
        (Kind::MoreViews, false) => format!("{amount} more views"),
        (Kind::MoreViews, true) => format!("{amount} meer weergaven"),
        (Kind::MoreEffective, false) => format!("{amount} more effective"),
        (Kind::MoreEffective, true) => format!("{amount} effectiever"),
        (_, false) => format!("{amount} more engagement"),
        (_, true) => format!("{amount} meer engagement"),
    }
}

/// A measured difference as shown: `18% more engagement`, `5% less engagement`, `the same
/// engagement` (`evenveel engagement`), `5% fewer views`, `just as effective`.
fn difference_text(kind: Kind, basis_points: i128, spelling: Spelling) -> String {
    let amount = percent(basis_points.abs(), spelling);
    let dutch = spelling == Spelling::Dutch;
    match basis_points.signum() {
        1 => more_text(kind, &amount, spelling),
        0 => match (kind, dutch) {
            (Kind::MoreViews, false) => "the same views".to_string(),
            (Kind::MoreViews, true) => "evenveel weergaven".to_string(),
            (Kind::MoreEffective, false) => "just as effective".to_string(),
            (Kind::MoreEffective, true) => "even effectief".to_string(),
            (_, false) => "the same engagement".to_string(),
            (_, true) => "evenveel engagement".to_string(),
        },
        _ => match (kind, dutch) {
            (Kind::MoreViews, false) => format!("{amount} fewer views"),
            (Kind::MoreViews, true) => format!("{amount} minder weergaven"),
            (Kind::MoreEffective, false) => format!("{amount} less effective"),
            (Kind::MoreEffective, true) => format!("{amount} minder effectief"),
            (_, false) => format!("{amount} less engagement"),
            (_, true) => format!("{amount} minder engagement"),
        },
    }
}
