//! Tiers derive from a creator's largest follower count. The seed article's ranges overlap
//! (mid-tier 50K–100K lies inside micro 10K–100K), so Chorus stores one lower bound per tier
//! and gives each creator the highest tier whose bound they reach: [`OVERLAP_RULE`].

use serde::{Deserialize, Serialize};

/// Shown wherever a tier is shown, so nobody has to guess how an overlap was settled.
/// (It names the ranges it means rather than "the guide's": the person reading it never saw one.)
pub const OVERLAP_RULE: &str = "Common tier ranges overlap: mid-tier (50K–100K) is often placed inside \
micro (10K–100K). Chorus uses each creator's largest audience and gives the highest tier whose \
starting count it reaches; the starting counts are set under Settings › Tiers.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Below the nano bound (under 1K by default).
    Emerging,
    Nano,
    Micro,
    Mid,
    Macro,
    Mega,
}

impl Tier {
    pub const ALL: [Tier; 6] = [Tier::Emerging, Tier::Nano, Tier::Micro, Tier::Mid, Tier::Macro, Tier::Mega];

    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Emerging => "emerging",
            Tier::Nano => "nano",
            Tier::Micro => "micro",
            Tier::Mid => "mid",
            Tier::Macro => "macro",
            Tier::Mega => "mega",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tier::Emerging => "Emerging",
            Tier::Nano => "Nano",
            Tier::Micro => "Micro",
            Tier::Mid => "Mid-tier",
            Tier::Macro => "Macro",
            Tier::Mega => "Mega",
        }
    }

    pub fn parse(text: &str) -> Option<Tier> {
        let t = text.trim().to_ascii_lowercase();
        Tier::ALL.into_iter().find(|tier| tier.as_str() == t || tier.label().to_ascii_lowercase() == t || (t == "mid-tier" && *tier == Tier::Mid))
    }

    /// Average engagement for the tier, from the seed article (for benchmarks beside figures).
    pub fn benchmark_engagement(self) -> &'static str {
        match self {
            Tier::Emerging => "–",
            Tier::Nano => "2.71%",
            Tier::Micro => "1.81%",
            Tier::Mid => "1.24%",
            Tier::Macro => "0.61–0.87%",
            Tier::Mega => "0.68–0.94%",
        }
    }
}

/// Lower follower bound of each tier; a workspace setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierBounds {
    pub nano: i64,
    pub micro: i64,
    pub mid: i64,
    pub macro_: i64,
    pub mega: i64,
}

impl Default for TierBounds {
    /// The seed article's table: nano 1K, micro 10K, mid-tier 50K, macro 100K, mega 1M.
    fn default() -> Self {
        TierBounds { nano: 1_000, micro: 10_000, mid: 50_000, macro_: 100_000, mega: 1_000_000 }
    }
}

impl TierBounds {
    pub fn tier_for(&self, followers: i64) -> Tier {
        if followers >= self.mega {
            Tier::Mega
        } else if followers >= self.macro_ {
            Tier::Macro
        } else if followers >= self.mid {
            Tier::Mid
        } else if followers >= self.micro {
            Tier::Micro
        } else if followers >= self.nano {
            Tier::Nano
        } else {
            Tier::Emerging
        }
    }

    /// The follower range `[min, max)` that falls in a tier under these bounds.
    pub fn range(&self, tier: Tier) -> (i64, Option<i64>) {
        match tier {
            Tier::Emerging => (0, Some(self.nano)),
            Tier::Nano => (self.nano, Some(self.micro)),
            Tier::Micro => (self.micro, Some(self.mid)),
            Tier::Mid => (self.mid, Some(self.macro_)),
            Tier::Macro => (self.macro_, Some(self.mega)),
            Tier::Mega => (self.mega, None),
        }
    }

    /// Bounds must rise strictly from nano to mega and be positive.
    pub fn problems(&self) -> Vec<crate::FieldError> {
        let pairs = [("tiers.nano", self.nano), ("tiers.micro", self.micro), ("tiers.mid", self.mid), ("tiers.macro", self.macro_), ("tiers.mega", self.mega)];
        let mut out = Vec::new();
        for (i, (field, value)) in pairs.iter().enumerate() {
            if *value <= 0 {
                out.push(crate::FieldError::new(*field, "must_be_positive", "A tier bound must be more than 0 followers.").with_value(value.to_string()));
            } else if i > 0 && *value <= pairs[i - 1].1 {
                out.push(crate::FieldError::new(*field, "tiers_not_rising", format!("This bound must be higher than the one before it ({}).", pairs[i - 1].1)).with_value(value.to_string()));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_overlap_goes_to_the_higher_tier() {
        let b = TierBounds::default();
        assert_eq!(b.tier_for(999), Tier::Emerging);
        assert_eq!(b.tier_for(1_000), Tier::Nano);
        assert_eq!(b.tier_for(9_999), Tier::Nano);
        assert_eq!(b.tier_for(10_000), Tier::Micro);
        assert_eq!(b.tier_for(49_999), Tier::Micro);
        assert_eq!(b.tier_for(50_000), Tier::Mid, "the article's mid-tier range wins inside micro's");
        assert_eq!(b.tier_for(100_000), Tier::Macro);
        assert_eq!(b.tier_for(1_000_000), Tier::Mega);
    }

    #[test]
    fn ranges_match_tier_for() {
        let b = TierBounds { nano: 500, micro: 5_000, mid: 20_000, macro_: 200_000, mega: 2_000_000 };
        for tier in Tier::ALL {
            let (min, max) = b.range(tier);
            assert_eq!(b.tier_for(min), tier);
            if let Some(max) = max {
                assert_eq!(b.tier_for(max - 1), tier);
                assert_ne!(b.tier_for(max), tier);
            }
        }
    }

    #[test]
    fn bounds_must_rise() {
        let b = TierBounds { micro: 500, ..TierBounds::default() };
        let problems = b.problems();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "tiers.micro");
        assert!(TierBounds::default().problems().is_empty());
    }
}
