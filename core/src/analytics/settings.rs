//! The results settings as the window's Settings screen shows and saves them: which count each
//! platform's engagement rates divide by, and the EMV value of each count, in the workspace
//! currency. The same rules as `chorus settings` (`workspace::settings_keys`): saved all or
//! nothing with each problem at its key (`engagement_basis_instagram`, `emv_likes`), audited;
//! amounts are read in the window's spelling, an empty value leaves a count out of EMV.

use super::campaign_report::emv_values;
use super::emv::{valued_per, EmvValues, DEFAULT_EMV_VALUES_EUR_CENTS, EMV_COUNTS};
use super::figures::{basis_text, engagement_basis};
use super::formulas::Count;
use crate::error::Result;
use crate::money::{format_plain, Currency};
use crate::numbers::Spelling;
use crate::roster::model::Platform;
use crate::workspace::settings_keys::set_analytics_settings;
use crate::workspace::Workspace;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One platform's engagement basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BasisSetting {
    pub platform: Platform,
    /// `followers`, `reach` or `views`.
    pub basis: &'static str,
}

/// One count's EMV value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmvSetting {
    pub count: Count,
    /// How many of the count the value is for (1,000 views, one like).
    pub per: i64,
    /// The value in the machine spelling (`0.10`), `None` when the count is not valued.
    pub value: Option<String>,
    /// The starting value in the machine spelling.
    pub default: String,
}

/// What the Settings screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnalyticsSettings {
    pub currency: Currency,
    pub bases: Vec<BasisSetting>,
    pub emv: Vec<EmvSetting>,
}

/// What the Settings screen saves: platform → basis, count → value as typed (empty: not valued).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AnalyticsSettingsDraft {
    pub bases: BTreeMap<String, String>,
    pub emv: BTreeMap<String, String>,
    pub spelling: Spelling,
}

/// The workspace's results settings.
pub fn analytics_settings(conn: &Connection, currency: Currency) -> Result<AnalyticsSettings> {
    let bases = engagement_basis(conn)?.into_iter().map(|(platform, b)| BasisSetting { platform, basis: basis_text(b) }).collect();
    let values: EmvValues = emv_values(conn, currency)?;
    let scale = |cents: i64| cents * 10i64.pow(currency.exponent()) / 100;
    let defaults: BTreeMap<Count, i64> = DEFAULT_EMV_VALUES_EUR_CENTS.into_iter().collect();
    let emv = EMV_COUNTS
        .iter()
        .map(|c| EmvSetting {
            count: *c,
            per: valued_per(*c),
            value: values.values.get(c).map(|minor| format_plain(*minor, currency)),
            default: format_plain(scale(defaults[c]), currency),
        })
        .collect();
    Ok(AnalyticsSettings { currency, bases, emv })
}

/// Saves `draft`, all or nothing (each problem at its key), and returns the settings as saved.
pub fn save_analytics_settings(ws: &mut Workspace, draft: &AnalyticsSettingsDraft) -> Result<AnalyticsSettings> {
    let mut changes: Vec<(String, String)> = draft.bases.iter().map(|(p, b)| (format!("engagement_basis_{p}"), b.clone())).collect();
    changes.extend(draft.emv.iter().map(|(c, v)| (format!("emv_{c}"), if v.trim().is_empty() { "none".to_string() } else { v.clone() })));
    set_analytics_settings(ws, &changes, draft.spelling)?;
    analytics_settings(ws.conn(), ws.settings()?.currency())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::workspace::settings::Settings;

    fn ws() -> Workspace {
        Workspace::in_memory(&Settings::new("Loom & Leaf", "EUR", "nl-NL")).unwrap()
    }

    fn draft(bases: &[(&str, &str)], emv: &[(&str, &str)], spelling: Spelling) -> AnalyticsSettingsDraft {
        let map = |pairs: &[(&str, &str)]| pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        AnalyticsSettingsDraft { bases: map(bases), emv: map(emv), spelling }
    }

    #[test]
    fn the_window_sees_the_defaults_and_saves_amounts_in_its_own_spelling() {
        let mut ws = ws();
        let before = analytics_settings(ws.conn(), ws.settings().unwrap().currency()).unwrap();
        let instagram = before.bases.iter().find(|b| b.platform == Platform::Instagram).unwrap();
        assert_eq!(instagram.basis, "followers");
        let likes = before.emv.iter().find(|e| e.count == Count::Likes).unwrap();
        assert_eq!((likes.value.as_deref(), likes.default.as_str(), likes.per), (Some("0.10"), "0.10", 1));
        assert_eq!(before.emv.iter().find(|e| e.count == Count::Views).unwrap().per, 1_000);

        let after = save_analytics_settings(&mut ws, &draft(&[("instagram", "reach")], &[("likes", "0,25"), ("saves", "")], Spelling::Dutch)).unwrap();
        assert_eq!(after.bases.iter().find(|b| b.platform == Platform::Instagram).unwrap().basis, "reach");
        let value = |c: Count| after.emv.iter().find(|e| e.count == c).unwrap().value.clone();
        assert_eq!((value(Count::Likes), value(Count::Saves)), (Some("0.25".into()), None));
    }

    #[test]
    fn a_bad_value_refuses_the_whole_save_at_its_key() {
        let mut ws = ws();
        let Err(Error::Validation(problems)) = save_analytics_settings(&mut ws, &draft(&[("tiktok", "likes")], &[("likes", "0.30"), ("shares", "-1")], Spelling::English)) else { panic!("refused") };
        assert_eq!(problems.iter().map(|p| (p.field.as_str(), p.code)).collect::<Vec<_>>(), [("engagement_basis_tiktok", "unknown_basis"), ("emv_shares", "invalid_amount")]);
        let now = analytics_settings(ws.conn(), ws.settings().unwrap().currency()).unwrap();
        assert_eq!(now.emv.iter().find(|e| e.count == Count::Likes).unwrap().value.as_deref(), Some("0.10"), "nothing saved");
    }
}
