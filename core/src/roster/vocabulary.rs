//! The fixed lists the window offers in its menus (platforms, stages, payout methods, formats,
//! tiers with their bounds and the seed's benchmark engagement), in one answer.

use crate::roster::model::{ContentFormat, PayoutMethod, Platform, Stage};
use crate::workspace::settings::Settings;
use crate::roster::tiers::{Tier, OVERLAP_RULE};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct TierChoice {
    pub value: &'static str,
    pub label: &'static str,
    pub min: i64,
    pub max: Option<i64>,
    pub benchmark: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Vocabulary {
    pub platforms: Vec<Choice>,
    pub stages: Vec<Choice>,
    pub payout_methods: Vec<Choice>,
    pub formats: Vec<Choice>,
    pub tiers: Vec<TierChoice>,
    pub overlap_rule: &'static str,
    pub currency: String,
    pub locale: String,
}

pub fn vocabulary(settings: &Settings) -> Vocabulary {
    Vocabulary {
        platforms: Platform::ALL.iter().map(|p| Choice { value: p.as_str(), label: p.label() }).collect(),
        stages: Stage::ALL.iter().map(|s| Choice { value: s.as_str(), label: s.label() }).collect(),
        payout_methods: PayoutMethod::ALL.iter().map(|m| Choice { value: m.as_str(), label: m.label() }).collect(),
        formats: ContentFormat::ALL.iter().map(|f| Choice { value: f.as_str(), label: f.label() }).collect(),
        tiers: Tier::ALL
            .into_iter()
            .map(|t| {
                let (min, max) = settings.tiers.range(t);
                TierChoice { value: t.as_str(), label: t.label(), min, max, benchmark: t.benchmark_engagement() }
            })
            .collect(),
        overlap_rule: OVERLAP_RULE,
        currency: settings.currency.clone(),
        locale: settings.locale.clone(),
    }
}
