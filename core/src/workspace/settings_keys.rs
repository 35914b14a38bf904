//! The workspace settings as `key = value` pairs, for scripts (`chorus settings`): read every
//! one, or change some at once through the same rules as the settings screen (every problem
//! at once, all or nothing, audited).
//!
//! Contract: values are written the machine way (amounts `25.00`, days and bounds as plain
//! numbers, `true` / `false`, the shop's offset in minutes or `local`); an unknown key or an
//! unreadable value is a problem at its key, and nothing is changed.

use super::settings::{load_payout_settings, load_sales_rules};
use super::settings_form::{
    save, PayoutSettingsDraft, SalesRulesDraft, SettingsDraft, TierBoundsDraft, TodayRulesDraft,
};
use super::Workspace;
use crate::analytics::campaign_report::emv_values;
use crate::analytics::emv::{valued_per, EMV_COUNTS};
use crate::analytics::figures::{basis_named, basis_text, engagement_basis};
use crate::analytics::formulas::Count;
use crate::roster::model::Platform;
use crate::error::{Error, FieldError, Result};
use crate::numbers::Spelling;
use serde::Serialize;

/// Every key, in the order they are listed, with what it means.
pub const KEYS: &[(&str, &str)] = &[
    ("brand_name", "the client brand's name"),
    (
        "currency",
        "ISO 4217 code of every amount (locked once an amount is recorded)",
    ),
    ("locale", "nl-NL, en-GB, en-US or de-DE"),
    ("tier_nano", "followers from which a creator is nano"),
    ("tier_micro", "followers from which a creator is micro"),
    ("tier_mid", "followers from which a creator is mid-tier"),
    ("tier_macro", "followers from which a creator is macro"),
    ("tier_mega", "followers from which a creator is mega"),
    (
        "gift_no_post_days",
        "days after a delivered gift without a post before Today flags it",
    ),
    (
        "idle_days",
        "days without activity before Today flags a collaboration",
    ),
    (
        "usage_warning_days",
        "days before usage rights end that Today warns",
    ),
    (
        "grace_days",
        "days a discount code still counts after its collaboration ends",
    ),
    (
        "hold_days",
        "days a commission is held before it is approved",
    ),
    (
        "prices_include_tax",
        "whether the shop's prices include VAT (true/false)",
    ),
    (
        "shop_utc_offset",
        "the shop's time zone for times without one: minutes east of UTC, or local",
    ),
    (
        "code_pattern",
        "the pattern of new discount codes, e.g. {HANDLE}{PERCENT}",
    ),
    (
        "min_payout",
        "the least a creator is paid; less is carried to the next run",
    ),
    (
        "brand_account_holder",
        "the name on the brand's bank account (SEPA files)",
    ),
    ("brand_iban", "the brand's IBAN (SEPA files)"),
    ("brand_bic", "the brand's bank's BIC (optional)"),
    (
        "brand_address",
        "the brand's address on statements (lines separated by \\n)",
    ),
    (
        "brand_vat_number",
        "the brand's VAT number on self-billing invoices",
    ),
];

/// The analytics keys, after [`KEYS`]: which count each platform's engagement rates divide by
/// (`engagement_basis_instagram = followers|reach|views`), and the EMV value of each count in
/// the workspace currency (`emv_likes = 0.10`; per 1,000 for views and impressions; `none` to
/// leave a count out of EMV, `default` for the starting value).
pub fn analytics_keys() -> Vec<(String, String)> {
    let mut keys: Vec<(String, String)> = Platform::ALL
        .iter()
        .map(|p| (format!("engagement_basis_{}", p.as_str()), format!("what {} engagement rates divide by: followers, reach or views", p.label())))
        .collect();
    keys.extend(EMV_COUNTS.iter().map(|c| {
        let per = if valued_per(*c) == 1 { "each" } else { "per 1,000" };
        (format!("emv_{}", c.as_str()), format!("the EMV value of {} ({per}; none leaves them out, default is the starting value)", c.label()))
    }));
    keys
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SettingValue {
    pub key: String,
    pub value: String,
}

/// The settings as a draft the machine way (English spelling).
fn current_draft(ws: &Workspace) -> Result<SettingsDraft> {
    let s = ws.settings()?;
    let sales = load_sales_rules(ws.conn())?;
    let payouts = load_payout_settings(ws.conn())?;
    Ok(SettingsDraft {
        brand_name: s.brand_name.clone(),
        currency: s.currency.clone(),
        locale: s.locale.clone(),
        tiers: TierBoundsDraft {
            nano: s.tiers.nano.to_string(),
            micro: s.tiers.micro.to_string(),
            mid: s.tiers.mid.to_string(),
            macro_: s.tiers.macro_.to_string(),
            mega: s.tiers.mega.to_string(),
        },
        today: TodayRulesDraft {
            gift_no_post_days: s.today.gift_no_post_days.to_string(),
            idle_days: s.today.idle_days.to_string(),
            usage_warning_days: s.today.usage_warning_days.to_string(),
        },
        sales: Some(SalesRulesDraft {
            attribution_grace_days: sales.attribution_grace_days.to_string(),
            commission_hold_days: sales.commission_hold_days.to_string(),
            prices_include_tax: sales.prices_include_tax,
            shop_utc_offset_minutes: sales.shop_utc_offset_minutes,
            discount_code_pattern: sales.discount_code_pattern.clone(),
        }),
        payouts: Some(PayoutSettingsDraft::of(
            &payouts,
            s.currency(),
            Spelling::English,
        )),
        spelling: Spelling::English,
    })
}

/// Every setting with its value.
pub fn settings_values(ws: &Workspace) -> Result<Vec<SettingValue>> {
    let d = current_draft(ws)?;
    let sales = d.sales.expect("the current draft has the sales rules");
    let payouts = d
        .payouts
        .expect("the current draft has the payout settings");
    let values = [
        d.brand_name,
        d.currency,
        d.locale,
        d.tiers.nano,
        d.tiers.micro,
        d.tiers.mid,
        d.tiers.macro_,
        d.tiers.mega,
        d.today.gift_no_post_days,
        d.today.idle_days,
        d.today.usage_warning_days,
        sales.attribution_grace_days,
        sales.commission_hold_days,
        sales.prices_include_tax.to_string(),
        sales
            .shop_utc_offset_minutes
            .map_or("local".to_string(), |m| m.to_string()),
        sales.discount_code_pattern,
        payouts.min_payout,
        payouts.brand_account_holder,
        payouts.brand_iban,
        payouts.brand_bic,
        payouts.brand_address.replace('\n', "\\n"),
        payouts.brand_vat_number,
    ];
    let mut out: Vec<SettingValue> = KEYS.iter().zip(values).map(|(&(key, _), value)| SettingValue { key: key.to_string(), value }).collect();
    let bases = engagement_basis(ws.conn())?;
    for p in Platform::ALL {
        out.push(SettingValue { key: format!("engagement_basis_{}", p.as_str()), value: basis_text(bases[p]).to_string() });
    }
    let currency = ws.settings()?.currency();
    let emv = emv_values(ws.conn(), currency)?;
    for c in EMV_COUNTS {
        let value = emv.values.get(&c).map_or("none".to_string(), |minor| crate::money::format_plain(*minor, currency));
        out.push(SettingValue { key: format!("emv_{}", c.as_str()), value });
    }
    Ok(out)
}

/// An analytics change read: the basis of a platform or the EMV value of a count.
enum AnalyticsChange {
    Basis(Platform, crate::analytics::formulas::Basis),
    /// `None` in the value: the count is not valued; `Default`: the starting value again.
    Emv(Count, EmvChoice),
}

enum EmvChoice {
    Value(Option<i64>),
    Default,
}

/// `Some` when `key` is an analytics key: the change, or its problem.
fn analytics_change(ws: &Workspace, key: &str, value: &str, spelling: Spelling) -> Option<std::result::Result<AnalyticsChange, FieldError>> {
    if let Some(platform) = key.strip_prefix("engagement_basis_") {
        let p = Platform::parse(platform)?;
        return Some(basis_named(value).map(|b| AnalyticsChange::Basis(p, b)).ok_or_else(|| {
            FieldError::new(key, "unknown_basis", format!("“{value}” is not what an engagement rate divides by: use followers, reach or views.")).with_value(value)
        }));
    }
    let count = key.strip_prefix("emv_").and_then(Count::parse).filter(|c| EMV_COUNTS.contains(c))?;
    let t = value.trim().to_ascii_lowercase();
    Some(match t.as_str() {
        "none" | "" => Ok(AnalyticsChange::Emv(count, EmvChoice::Value(None))),
        "default" => Ok(AnalyticsChange::Emv(count, EmvChoice::Default)),
        _ => {
            let currency = ws.settings().ok()?.currency();
            let example = if spelling == Spelling::Dutch { "0,50" } else { "0.50" };
            match crate::money::parse_amount(value, currency, spelling) {
                Ok(minor) if minor >= 0 => Ok(AnalyticsChange::Emv(count, EmvChoice::Value(Some(minor)))),
                _ => Err(FieldError::new(key, "invalid_amount", format!("“{value}” is not an amount of 0 or more in {}, like {example}; or none, or default.", currency.code())).with_value(value)),
            }
        }
    })
}

fn save_analytics(ws: &mut Workspace, changes: &[AnalyticsChange]) -> Result<()> {
    if changes.is_empty() {
        return Ok(());
    }
    let actor = ws.actor();
    ws.write(|tx| {
        for change in changes {
            let detail = match change {
                AnalyticsChange::Basis(p, b) => {
                    tx.execute("INSERT INTO engagement_basis (platform, basis) VALUES (?1, ?2) ON CONFLICT (platform) DO UPDATE SET basis = excluded.basis", [p.as_str(), basis_text(*b)])?;
                    format!("engagement basis {}: {}", p.label(), basis_text(*b))
                }
                AnalyticsChange::Emv(c, EmvChoice::Default) => {
                    tx.execute("DELETE FROM emv_values WHERE count = ?1", [c.as_str()])?;
                    format!("EMV value of {}: default", c.label())
                }
                AnalyticsChange::Emv(c, EmvChoice::Value(v)) => {
                    tx.execute("INSERT INTO emv_values (count, value_minor) VALUES (?1, ?2) ON CONFLICT (count) DO UPDATE SET value_minor = excluded.value_minor", rusqlite::params![c.as_str(), v])?;
                    format!("EMV value of {}: {}", c.label(), v.map_or("none".to_string(), |v| v.to_string()))
                }
            };
            crate::workspace::audit(tx, actor, "settings", None, "analytics", &detail)?;
        }
        Ok(())
    })
}

/// Changes the settings named in `changes` (key, value), all or nothing.
pub fn set_settings(ws: &mut Workspace, changes: &[(String, String)]) -> Result<Vec<SettingValue>> {
    let mut d = current_draft(ws)?;
    let mut problems = Vec::new();
    let mut analytics = Vec::new();
    {
        let sales = d
            .sales
            .as_mut()
            .expect("the current draft has the sales rules");
        let payouts = d
            .payouts
            .as_mut()
            .expect("the current draft has the payout settings");
        for (key, value) in changes {
            let v = value.clone();
            match key.trim() {
                "brand_name" => d.brand_name = v,
                "currency" => d.currency = v,
                "locale" => d.locale = v,
                "tier_nano" => d.tiers.nano = v,
                "tier_micro" => d.tiers.micro = v,
                "tier_mid" => d.tiers.mid = v,
                "tier_macro" => d.tiers.macro_ = v,
                "tier_mega" => d.tiers.mega = v,
                "gift_no_post_days" => d.today.gift_no_post_days = v,
                "idle_days" => d.today.idle_days = v,
                "usage_warning_days" => d.today.usage_warning_days = v,
                "grace_days" => sales.attribution_grace_days = v,
                "hold_days" => sales.commission_hold_days = v,
                "prices_include_tax" => match v.trim().to_ascii_lowercase().as_str() {
                    "true" | "yes" | "1" => sales.prices_include_tax = true,
                    "false" | "no" | "0" => sales.prices_include_tax = false,
                    _ => problems.push(FieldError::new(key.trim(), "not_yes_or_no", format!("“{v}” is not true or false.")).with_value(&v)),
                },
                "shop_utc_offset" => match v.trim() {
                    "local" | "" => sales.shop_utc_offset_minutes = None,
                    t => match t.parse::<i32>() {
                        Ok(m) => sales.shop_utc_offset_minutes = Some(m),
                        Err(_) => problems.push(
                            FieldError::new(key.trim(), "offset_unreadable", format!("“{v}” is not a number of minutes east of UTC (60 for CET), nor local.")).with_value(&v),
                        ),
                    },
                },
                "code_pattern" => sales.discount_code_pattern = v,
                "min_payout" => payouts.min_payout = v,
                "brand_account_holder" => payouts.brand_account_holder = v,
                "brand_iban" => payouts.brand_iban = v,
                "brand_bic" => payouts.brand_bic = v,
                "brand_address" => payouts.brand_address = v.replace("\\n", "\n"),
                "brand_vat_number" => payouts.brand_vat_number = v,
                other if analytics_change(ws, other, &v, Spelling::English).is_some() => match analytics_change(ws, other, &v, Spelling::English).expect("an analytics key") {
                    Ok(change) => analytics.push(change),
                    Err(problem) => problems.push(problem),
                },
                other => problems.push(
                    FieldError::new(other, "unknown_setting", format!("There is no setting “{other}”. The settings are: {}.", KEYS.iter().map(|k| k.0.to_string()).chain(analytics_keys().into_iter().map(|k| k.0)).collect::<Vec<_>>().join(", ")))
                        .with_value(other),
                ),
            }
        }
    }
    if !problems.is_empty() {
        return Err(Error::Validation(problems));
    }
    save(ws, &d).map_err(|e| match e {
        // The screen's field names, as the keys a script used.
        Error::Validation(found) => Error::Validation(
            found
                .into_iter()
                .map(|mut p| {
                    p.field = key_of(&p.field).to_string();
                    p
                })
                .collect(),
        ),
        other => other,
    })?;
    // Checked above with the rest; written once the screen's settings are saved.
    save_analytics(ws, &analytics)?;
    settings_values(ws)
}

/// Changes only analytics keys (`engagement_basis_<platform>`, `emv_<count>`), amounts read in
/// `spelling` (the window's), all or nothing; each problem at its key.
pub fn set_analytics_settings(ws: &mut Workspace, changes: &[(String, String)], spelling: Spelling) -> Result<()> {
    let mut problems = Vec::new();
    let mut analytics = Vec::new();
    for (key, value) in changes {
        match analytics_change(ws, key.trim(), value, spelling) {
            Some(Ok(change)) => analytics.push(change),
            Some(Err(problem)) => problems.push(problem),
            None => problems.push(FieldError::new(key.trim(), "unknown_setting", format!("There is no results setting “{key}”.")).with_value(key)),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Validation(problems));
    }
    save_analytics(ws, &analytics)
}

/// The key of a settings screen field (`tiers.nano` → `tier_nano`).
fn key_of(field: &str) -> &str {
    match field {
        "tiers.nano" => "tier_nano",
        "tiers.micro" => "tier_micro",
        "tiers.mid" => "tier_mid",
        "tiers.macro" => "tier_macro",
        "tiers.mega" => "tier_mega",
        "sales.attribution_grace_days" => "grace_days",
        "sales.commission_hold_days" => "hold_days",
        "sales.shop_utc_offset_minutes" => "shop_utc_offset",
        "sales.discount_code_pattern" => "code_pattern",
        f => f
            .strip_prefix("today.")
            .or_else(|| f.strip_prefix("payouts."))
            .unwrap_or(f),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::settings::Settings;

    fn value(values: &[SettingValue], key: &str) -> String {
        values.iter().find(|v| v.key == key).unwrap().value.clone()
    }

    #[test]
    fn every_key_reads_and_a_change_is_saved_through_the_screens_rules() {
        let mut ws = Workspace::in_memory(&Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
        let values = settings_values(&ws).unwrap();
        assert_eq!(values.len(), KEYS.len() + analytics_keys().len());
        assert_eq!((value(&values, "engagement_basis_tiktok"), value(&values, "emv_likes"), value(&values, "emv_views")), ("views".into(), "0.10".into(), "5.00".into()));
        assert_eq!(
            (
                value(&values, "min_payout"),
                value(&values, "hold_days"),
                value(&values, "shop_utc_offset")
            ),
            ("25.00".into(), "30".into(), "local".into())
        );
        let change = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<Vec<_>>()
        };
        let after = set_settings(
            &mut ws,
            &change(&[
                ("min_payout", "50"),
                ("brand_iban", "NL91 ABNA 0417 1643 00"),
                ("hold_days", "14"),
                ("brand_address", "Gracht 1\\n1015 CJ Amsterdam"),
            ]),
        )
        .unwrap();
        assert_eq!(
            (
                value(&after, "min_payout"),
                value(&after, "brand_iban"),
                value(&after, "hold_days")
            ),
            ("50.00".into(), "NL91ABNA0417164300".into(), "14".into())
        );
        let after = set_settings(&mut ws, &change(&[("engagement_basis_instagram", "reach"), ("emv_likes", "0.25"), ("emv_saves", "none")])).unwrap();
        assert_eq!((value(&after, "engagement_basis_instagram"), value(&after, "emv_likes"), value(&after, "emv_saves")), ("reach".into(), "0.25".into(), "none".into()));
        let after = set_settings(&mut ws, &change(&[("emv_likes", "default")])).unwrap();
        assert_eq!(value(&after, "emv_likes"), "0.10");
        let Err(Error::Validation(problems)) = set_settings(&mut ws, &change(&[("engagement_basis_x", "likes"), ("emv_shares", "-1"), ("tier_micro", "500")])) else { panic!("refused") };
        assert_eq!(problems.iter().map(|p| (p.field.as_str(), p.code)).collect::<Vec<_>>(), [("engagement_basis_x", "unknown_basis"), ("emv_shares", "invalid_amount")]);
        assert_eq!(value(&settings_values(&ws).unwrap(), "tier_micro"), "10000", "nothing of a refused change is kept");
        assert_eq!(
            load_payout_settings(ws.conn()).unwrap().brand_address,
            "Gracht 1\n1015 CJ Amsterdam"
        );

        let Err(Error::Validation(problems)) = set_settings(
            &mut ws,
            &change(&[
                ("min_payout", "-1"),
                ("colour", "blue"),
                ("tier_micro", "lots"),
            ]),
        ) else {
            panic!("refused")
        };
        let keys: Vec<(&str, &str)> = problems
            .iter()
            .map(|p| (p.field.as_str(), p.code))
            .collect();
        assert_eq!(
            keys,
            [("colour", "unknown_setting")],
            "an unknown key stops before anything is read"
        );
        let Err(Error::Validation(problems)) = set_settings(
            &mut ws,
            &change(&[
                ("min_payout", "-1"),
                ("tier_micro", "lots"),
                ("brand_bic", "X"),
            ]),
        ) else {
            panic!("refused")
        };
        let keys: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(keys, ["tier_micro", "min_payout", "brand_bic"]);
        assert_eq!(
            value(&settings_values(&ws).unwrap(), "min_payout"),
            "50.00",
            "nothing of a refused change is kept"
        );
    }
}
