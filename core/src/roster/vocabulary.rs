//! The fixed lists the window offers in its menus (platforms, stages, payout methods, formats,
//! tiers with their bounds and the seed's benchmark engagement, countries with their names in
//! English and Dutch and the folded names the country picker searches), in one answer.

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

/// A country for the picker: the stored code, its names in the window's languages, and every
/// name and code it is known by, folded as [`crate::roster::countries::fold`] folds them (the
/// picker folds what is typed the same way and matches the start of any of them).
#[derive(Debug, Clone, Serialize)]
pub struct CountryChoice {
    pub value: &'static str,
    pub en: &'static str,
    pub nl: &'static str,
    pub keys: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Vocabulary {
    pub platforms: Vec<Choice>,
    pub stages: Vec<Choice>,
    pub payout_methods: Vec<Choice>,
    pub formats: Vec<Choice>,
    pub tiers: Vec<TierChoice>,
    pub countries: Vec<CountryChoice>,
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
        countries: crate::roster::countries::COUNTRIES.iter().map(|c| CountryChoice { value: c.code, en: c.en, nl: c.nl, keys: c.keys() }).collect(),
        overlap_rule: OVERLAP_RULE,
        currency: settings.currency.clone(),
        locale: settings.locale.clone(),
    }
}
