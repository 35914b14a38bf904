//! Workspace settings: brand name, currency, locale and tier bounds. One row per file.

use crate::error::{Error, FieldError, Result};
use crate::money::Currency;
use crate::roster::tiers::{TierBounds, OVERLAP_RULE};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub brand_name: String,
    /// ISO 4217 code.
    pub currency: String,
    /// BCP 47 tag: `nl-NL`, `en-GB`, …
    pub locale: String,
    pub tiers: TierBounds,
    /// The thresholds of the Today view.
    #[serde(default)]
    pub today: TodayRules,
}

/// When the Today view speaks up, in days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TodayRules {
    /// A delivered gift with no published post after this many days is flagged.
    pub gift_no_post_days: i64,
    /// An agreed or active collaboration with no activity for this many days is flagged.
    pub idle_days: i64,
    /// Usage rights ending within this many days are flagged.
    pub usage_warning_days: i64,
}

impl Default for TodayRules {
    fn default() -> Self {
        TodayRules { gift_no_post_days: 14, idle_days: 21, usage_warning_days: 30 }
    }
}

impl Settings {
    pub fn new(brand_name: &str, currency: &str, locale: &str) -> Settings {
        Settings {
            brand_name: brand_name.trim().to_string(),
            currency: currency.trim().to_ascii_uppercase(),
            locale: locale.trim().to_string(),
            tiers: TierBounds::default(),
            today: TodayRules::default(),
        }
    }

    /// The currency, known to be valid once the settings are stored.
    pub fn currency(&self) -> Currency {
        Currency::parse(&self.currency).expect("stored settings hold a validated currency")
    }

    pub fn validate(&self) -> Result<()> {
        let mut problems = Vec::new();
        if self.brand_name.trim().is_empty() {
            problems.push(FieldError::new("brand_name", "required", "Give the brand a name."));
        } else if self.brand_name.chars().count() > 120 {
            problems.push(FieldError::new("brand_name", "too_long", "The brand name can be at most 120 characters."));
        }
        if Currency::parse(&self.currency).is_none() {
            problems.push(
                FieldError::new("currency", "unknown_currency", format!("“{}” is not a currency code Chorus knows. Use a three-letter ISO code such as EUR, USD or GBP.", self.currency))
                    .with_value(&self.currency),
            );
        }
        if !is_locale_tag(&self.locale) {
            problems.push(
                FieldError::new("locale", "unknown_locale", format!("“{}” is not a locale. Use a tag such as nl-NL or en-GB.", self.locale)).with_value(&self.locale),
            );
        }
        problems.extend(self.tiers.problems());
        for (field, days) in [
            ("today.gift_no_post_days", self.today.gift_no_post_days),
            ("today.idle_days", self.today.idle_days),
            ("today.usage_warning_days", self.today.usage_warning_days),
        ] {
            if !(1..=365).contains(&days) {
                problems.push(FieldError::new(field, "days_out_of_range", format!("Use a number of days from 1 to 365 (not {days}).")).with_value(days.to_string()));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::Validation(problems))
        }
    }
}

/// The locales the window offers for a workspace (its settings screen lists the same, in
/// `ui/js/settings/settings.js`). A file may carry another well-formed tag, set elsewhere; a
/// new workspace from the command line takes one of these.
pub const OFFERED_LOCALES: &[&str] = &["nl-NL", "en-GB", "en-US", "de-DE"];

/// The offered locale `text` names, in any case and with `-` or `_`: `nl_nl` → `nl-NL`.
pub fn offered_locale(text: &str) -> Option<&'static str> {
    let t = text.trim().replace('_', "-");
    OFFERED_LOCALES.iter().copied().find(|l| l.eq_ignore_ascii_case(&t))
}

/// `nl`, `nl-NL`, `en-GB`, `pt-BR`: a language, optionally a region.
fn is_locale_tag(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    let lang = parts.next().unwrap_or("");
    let region = parts.next();
    parts.next().is_none()
        && (2..=3).contains(&lang.len())
        && lang.chars().all(|c| c.is_ascii_alphabetic())
        && region.is_none_or(|r| r.len() == 2 && r.chars().all(|c| c.is_ascii_alphabetic()))
}

/// What the settings screen shows beside the tier bounds.
#[derive(Debug, Clone, Serialize)]
pub struct SettingsView {
    #[serde(flatten)]
    pub settings: Settings,
    pub overlap_rule: &'static str,
    pub sales: SalesRules,
    pub payouts: PayoutSettings,
    /// The minimum payout as the form's text (`25.00`, read the same in every spelling).
    pub min_payout_text: String,
    /// How an order's base is worked out under `sales.prices_include_tax`.
    pub base_formula: crate::commissions::Wording,
}

pub fn view(conn: &Connection, settings: Settings) -> Result<SettingsView> {
    let sales = load_sales_rules(conn)?;
    let prices = if sales.prices_include_tax { crate::commissions::base::ShopPrices::IncludeTax } else { crate::commissions::base::ShopPrices::ExcludeTax };
    let payouts = load_payout_settings(conn)?;
    let min_payout_text = crate::money::format_unmistakable(payouts.min_payout_minor, settings.currency());
    Ok(SettingsView { settings, overlap_rule: OVERLAP_RULE, sales, payouts, min_payout_text, base_formula: crate::commissions::base::formula_sentence(prices) })
}

pub(crate) fn load(conn: &Connection) -> Result<Settings> {
    Ok(conn.query_row(
        "SELECT brand_name, currency, locale, tier_nano_min, tier_micro_min, tier_mid_min, tier_macro_min, tier_mega_min,
                gift_no_post_days, idle_days, usage_warning_days
         FROM workspace_settings WHERE id = 1",
        [],
        |r| {
            Ok(Settings {
                brand_name: r.get(0)?,
                currency: r.get(1)?,
                locale: r.get(2)?,
                tiers: TierBounds { nano: r.get(3)?, micro: r.get(4)?, mid: r.get(5)?, macro_: r.get(6)?, mega: r.get(7)? },
                today: TodayRules { gift_no_post_days: r.get(8)?, idle_days: r.get(9)?, usage_warning_days: r.get(10)? },
            })
        },
    )?)
}

pub(crate) fn insert(conn: &Connection, s: &Settings, now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO workspace_settings (id, brand_name, currency, locale, tier_nano_min, tier_micro_min,
             tier_mid_min, tier_macro_min, tier_mega_min, created_at, updated_at, uid,
             gift_no_post_days, idle_days, usage_warning_days, customer_salt)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, lower(hex(randomblob(16))), ?10, ?11, ?12, lower(hex(randomblob(16))))",
        params![s.brand_name, s.currency, s.locale, s.tiers.nano, s.tiers.micro, s.tiers.mid, s.tiers.macro_, s.tiers.mega, now,
                s.today.gift_no_post_days, s.today.idle_days, s.today.usage_warning_days],
    )?;
    set_default_min_payout(conn)
}

/// The minimum payout a workspace starts with: 25.00 in its currency (25 in one without
/// decimals), whatever the currency's decimals.
pub(crate) fn set_default_min_payout(conn: &Connection) -> Result<()> {
    use rusqlite::OptionalExtension;
    // A workspace being made has no settings row yet: its insert sets the minimum.
    let Some(code): Option<String> = conn.query_row("SELECT currency FROM workspace_settings WHERE id = 1", [], |r| r.get(0)).optional()? else {
        return Ok(());
    };
    let exponent = Currency::parse(&code).map(|c| c.exponent()).unwrap_or(2);
    conn.execute("UPDATE workspace_settings SET min_payout_minor = ?1 WHERE id = 1", [25 * 10i64.pow(exponent)])?;
    Ok(())
}

pub(crate) fn update(conn: &Connection, s: &Settings, now: &str) -> Result<()> {
    conn.execute(
        "UPDATE workspace_settings SET brand_name = ?1, currency = ?2, locale = ?3, tier_nano_min = ?4,
             tier_micro_min = ?5, tier_mid_min = ?6, tier_macro_min = ?7, tier_mega_min = ?8, updated_at = ?9,
             gift_no_post_days = ?10, idle_days = ?11, usage_warning_days = ?12
         WHERE id = 1",
        params![s.brand_name, s.currency, s.locale, s.tiers.nano, s.tiers.micro, s.tiers.mid, s.tiers.macro_, s.tiers.mega, now,
                s.today.gift_no_post_days, s.today.idle_days, s.today.usage_warning_days],
    )?;
    Ok(())
}

/// The sales and commission settings (schema 4): how long a code counts after its
/// collaboration ends, how long a commission is held, whether shop prices include tax, the
/// shop's offset for times written without one, the customer salt and the code pattern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalesRules {
    pub attribution_grace_days: i64,
    pub commission_hold_days: i64,
    pub prices_include_tax: bool,
    /// Minutes east of UTC; `None`: this computer's time zone.
    pub shop_utc_offset_minutes: Option<i32>,
    /// Mixed into every customer hash; never shown.
    #[serde(skip_serializing, default)]
    pub customer_salt: String,
    pub discount_code_pattern: String,
}

impl SalesRules {
    /// Every problem at once, by field.
    pub fn validate(&self) -> Result<()> {
        let mut problems = Vec::new();
        for (field, days) in [("attribution_grace_days", self.attribution_grace_days), ("commission_hold_days", self.commission_hold_days)] {
            if !(0..=365).contains(&days) {
                problems.push(FieldError::new(field, "days_out_of_range_or_zero", format!("Use a number of days from 0 to 365 (not {days}).")).with_value(days.to_string()));
            }
        }
        if let Some(minutes) = self.shop_utc_offset_minutes {
            if !(-840..=840).contains(&minutes) {
                problems.push(FieldError::new("shop_utc_offset_minutes", "offset_out_of_range", "A time zone is at most 14 hours from UTC.").with_value(minutes.to_string()));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::Validation(problems))
        }
    }
}

pub fn load_sales_rules(conn: &Connection) -> Result<SalesRules> {
    Ok(conn.query_row(
        "SELECT attribution_grace_days, commission_hold_days, prices_include_tax, shop_utc_offset_minutes, customer_salt, discount_code_pattern
         FROM workspace_settings WHERE id = 1",
        [],
        |r| {
            Ok(SalesRules {
                attribution_grace_days: r.get(0)?,
                commission_hold_days: r.get(1)?,
                prices_include_tax: r.get(2)?,
                shop_utc_offset_minutes: r.get(3)?,
                customer_salt: r.get(4)?,
                discount_code_pattern: r.get(5)?,
            })
        },
    )?)
}

/// Stores the rules (the salt is never changed here: every stored hash depends on it).
/// The caller writes inside its transaction and audits.
pub fn save_sales_rules(conn: &Connection, rules: &SalesRules, now: &str) -> Result<()> {
    rules.validate()?;
    conn.execute(
        "UPDATE workspace_settings SET attribution_grace_days = ?1, commission_hold_days = ?2, prices_include_tax = ?3,
             shop_utc_offset_minutes = ?4, discount_code_pattern = ?5, updated_at = ?6 WHERE id = 1",
        params![rules.attribution_grace_days, rules.commission_hold_days, rules.prices_include_tax, rules.shop_utc_offset_minutes, rules.discount_code_pattern, now],
    )?;
    Ok(())
}

/// What payouts need of the workspace (schema 6): the minimum a creator is paid (in the
/// workspace currency's minor units; less is carried to the next run), and the brand as the
/// payer: its bank account (the SEPA file's debtor) and what a self-billing invoice names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayoutSettings {
    pub min_payout_minor: i64,
    pub brand_account_holder: String,
    /// Electronic format (no spaces, upper case) once stored.
    pub brand_iban: String,
    pub brand_bic: String,
    /// Street, postcode and town; lines separated by newlines.
    pub brand_address: String,
    pub brand_vat_number: String,
}

impl PayoutSettings {
    /// Every problem at once, by field (`payouts.` prefixed), in the order the screen shows them.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut problems = Vec::new();
        if self.min_payout_minor < 0 {
            problems.push(FieldError::new("payouts.min_payout", "amount_negative", "The minimum payout cannot be below zero.").with_value(self.min_payout_minor.to_string()));
        }
        if self.brand_account_holder.chars().count() > 70 {
            problems.push(FieldError::new("payouts.brand_account_holder", "too_long", "A bank transfer carries at most 70 characters of the account holder's name."));
        }
        if !self.brand_iban.is_empty() && self.brand_iban.parse::<iban::Iban>().is_err() {
            problems.push(
                FieldError::new("payouts.brand_iban", "invalid_iban", format!("“{}” is not a valid IBAN: check for a typo.", self.brand_iban)).with_value(&self.brand_iban),
            );
        }
        if !self.brand_bic.is_empty() && !crate::roster::validate::is_bic(&self.brand_bic) {
            problems.push(
                FieldError::new("payouts.brand_bic", "invalid_bic", format!("“{}” is not a BIC: it has 8 or 11 letters and digits, such as ABNANL2A.", self.brand_bic))
                    .with_value(&self.brand_bic),
            );
        }
        if self.brand_address.chars().count() > 280 {
            problems.push(FieldError::new("payouts.brand_address", "too_long", "The address can be at most 280 characters."));
        }
        if self.brand_vat_number.chars().count() > 20 {
            problems.push(FieldError::new("payouts.brand_vat_number", "too_long", "A VAT number has at most 20 characters (with its country code)."));
        }
        problems
    }

    /// The settings as they are stored: IBAN and BIC compact and upper case, text trimmed.
    pub fn normalized(mut self) -> PayoutSettings {
        let compact = crate::roster::validate::compact_iban;
        self.brand_iban = compact(&self.brand_iban);
        self.brand_bic = compact(&self.brand_bic);
        self.brand_account_holder = self.brand_account_holder.trim().to_string();
        self.brand_address = self.brand_address.trim().replace("\r\n", "\n");
        self.brand_vat_number = compact(&self.brand_vat_number);
        self
    }
}

pub fn load_payout_settings(conn: &Connection) -> Result<PayoutSettings> {
    Ok(conn.query_row(
        "SELECT min_payout_minor, brand_account_holder, brand_iban, brand_bic, brand_address, brand_vat_number FROM workspace_settings WHERE id = 1",
        [],
        |r| {
            Ok(PayoutSettings {
                min_payout_minor: r.get(0)?,
                brand_account_holder: r.get(1)?,
                brand_iban: r.get(2)?,
                brand_bic: r.get(3)?,
                brand_address: r.get(4)?,
                brand_vat_number: r.get(5)?,
            })
        },
    )?)
}

/// Stores the payout settings (normalized first). The caller writes inside its transaction
/// and audits.
pub(crate) fn save_payout_settings(conn: &Connection, payouts: &PayoutSettings, now: &str) -> Result<()> {
    let p = payouts.clone().normalized();
    let problems = p.problems();
    if !problems.is_empty() {
        return Err(Error::Validation(problems));
    }
    conn.execute(
        "UPDATE workspace_settings SET min_payout_minor = ?1, brand_account_holder = ?2, brand_iban = ?3, brand_bic = ?4, brand_address = ?5,
             brand_vat_number = ?6, updated_at = ?7 WHERE id = 1",
        params![p.min_payout_minor, p.brand_account_holder, p.brand_iban, p.brand_bic, p.brand_address, p.brand_vat_number, now],
    )?;
    Ok(())
}

/// The workspace's own identity (random, made once): calendar events carry it in their UID.
pub fn workspace_uid(conn: &Connection) -> Result<String> {
    Ok(conn.query_row("SELECT uid FROM workspace_settings WHERE id = 1", [], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_name_each_bad_field() {
        let s = Settings::new("", "EUX", "dutch please");
        let Err(Error::Validation(problems)) = s.validate() else { panic!("expected validation errors") };
        let fields: Vec<_> = problems.iter().map(|p| (p.field.as_str(), p.code)).collect();
        assert_eq!(fields, vec![("brand_name", "required"), ("currency", "unknown_currency"), ("locale", "unknown_locale")]);
    }

    #[test]
    fn a_new_workspace_has_the_default_sales_rules_and_its_own_salt() {
        let one = crate::Workspace::in_memory(&Settings::new("A", "EUR", "nl-NL")).unwrap();
        let two = crate::Workspace::in_memory(&Settings::new("B", "EUR", "nl-NL")).unwrap();
        let rules = load_sales_rules(one.conn()).unwrap();
        assert_eq!((rules.attribution_grace_days, rules.commission_hold_days, rules.prices_include_tax), (30, 30, true));
        assert_eq!(rules.discount_code_pattern, "{HANDLE}{PERCENT}");
        assert_eq!(rules.customer_salt.len(), 32);
        assert_ne!(rules.customer_salt, load_sales_rules(two.conn()).unwrap().customer_salt);
    }

    #[test]
    fn good_settings_pass() {
        assert!(Settings::new("Studio Zon", "eur", "nl-NL").validate().is_ok());
        assert!(Settings::new("Acme", "GBP", "en").validate().is_ok());
    }
}
