//! The commission rule model and which rule applies. A [`Rule`] is a [`RateRule`] (a percentage
//! of the base, a flat amount per order, or tiers by the creator's attributed base in the
//! order's calendar month), optional per-SKU rates, and whether only a customer's first order
//! earns. Rules are checked when they are made ([`Rule::new`]), so a rule in hand is always
//! one that can be applied. A rule has two texts: [`Rule::describe`] (English, for the CLI and
//! as the window's fallback) and [`Rule::machine_text`] (stable, read back by
//! [`Rule::from_machine_text`]; the window words it in Dutch from its parts). How people write
//! a rule in a form or an affiliate list is read in [`super::rule_text`].
//!
//! Precedence ([`rule_that_applies`]): the collaboration's rule, then the creator's, then the
//! campaign's, then the workspace default; the answer says which level it came from.

use super::Refusal;
use crate::money::{format_plain, Currency, Money};
use serde::Serialize;

/// How much of the base a rule pays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RateRule {
    /// A share of the base, in basis points (1 250 = 12.5%).
    Percent { basis_points: u32 },
    /// A fixed amount for every order with a base above zero.
    Flat { amount: Money },
    /// Rates that rise with the creator's attributed base in the order's calendar month.
    Tiers { tiers: Vec<Tier> },
}

/// One step of a tiered rule: from `from` (the month's base including this order) on, this rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tier {
    pub from: Money,
    pub basis_points: u32,
}

/// A rate of its own for the lines of one product (matched on SKU, ignoring case and spaces).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkuRate {
    pub sku: String,
    pub basis_points: u32,
}

/// A commission rule, checked: see [`Rule::new`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rule {
    rate: RateRule,
    sku_rates: Vec<SkuRate>,
    first_order_only: bool,
}

/// The most a percentage may be: 100%.
pub const MAX_BASIS_POINTS: u32 = 10_000;

/// Where a rule was set, in the order it wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum RuleLevel {
    Collaboration,
    Creator,
    Campaign,
    Workspace,
}

impl RuleLevel {
    pub fn english(self) -> &'static str {
        match self {
            RuleLevel::Collaboration => "the collaboration's rule",
            RuleLevel::Creator => "the creator's rule",
            RuleLevel::Campaign => "the campaign's rule",
            RuleLevel::Workspace => "the workspace default",
        }
    }
}

/// The rules set at each level for one order's collaboration (`None` where none is set).
#[derive(Debug, Clone, Copy, Default)]
pub struct RulesByLevel<'a> {
    pub collaboration: Option<&'a Rule>,
    pub creator: Option<&'a Rule>,
    pub campaign: Option<&'a Rule>,
    pub workspace: Option<&'a Rule>,
}

/// The rule that applies, and where it was set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppliedRule<'a> {
    pub rule: &'a Rule,
    pub level: RuleLevel,
}

/// Collaboration, then creator, then campaign, then the workspace default. `None` when no level
/// has a rule: the order earns no commission until one is set (the caller says so).
pub fn rule_that_applies<'a>(rules: &RulesByLevel<'a>) -> Option<AppliedRule<'a>> {
    [
        (rules.collaboration, RuleLevel::Collaboration),
        (rules.creator, RuleLevel::Creator),
        (rules.campaign, RuleLevel::Campaign),
        (rules.workspace, RuleLevel::Workspace),
    ]
    .into_iter()
    .find_map(|(rule, level)| rule.map(|rule| AppliedRule { rule, level }))
}

/// `12.5%`: basis points as people read them, without trailing zeros.
pub fn percent_text(basis_points: u32) -> String {
    let (whole, hundredths) = (basis_points / 100, basis_points % 100);
    match hundredths {
        0 => format!("{whole}%"),
        h if h % 10 == 0 => format!("{whole}.{}%", h / 10),
        h => format!("{whole}.{h:02}%"),
    }
}

/// `EUR 5.00`: an amount as the English texts of this module show it.
pub fn money_text(money: Money) -> String {
    format!("{} {}", money.currency.code(), format_plain(money.minor, money.currency))
}

fn percent_refusal(basis_points: u32) -> Option<Refusal> {
    (basis_points > MAX_BASIS_POINTS).then(|| {
        Refusal::new("percent_over_100", &[("percent", percent_text(basis_points))], format!("A commission of {} is more than the whole order: a percentage goes up to 100%.", percent_text(basis_points)))
    })
}

/// The SKU as rules compare it: trimmed, spaces removed, upper case.
pub(crate) fn sku_key(sku: &str) -> String {
    sku.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_uppercase).collect()
}

impl Rule {
    /// A checked rule. Refused: a percentage over 100%; a flat amount below zero; tiers that
    /// are empty, do not start at zero, do not rise strictly, or mix currencies; per-SKU rates
    /// on a flat rule (a flat amount is per order, not per product), for an empty SKU, or twice
    /// for one SKU.
    pub fn new(rate: RateRule, sku_rates: Vec<SkuRate>, first_order_only: bool) -> Result<Rule, Refusal> {
        match &rate {
            RateRule::Percent { basis_points } => {
                if let Some(r) = percent_refusal(*basis_points) {
                    return Err(r);
                }
            }
            RateRule::Flat { amount } => {
                if amount.minor < 0 {
                    return Err(Refusal::new("flat_negative", &[("amount", money_text(*amount))], format!("A flat commission of {} is below zero: a commission per order is zero or more.", money_text(*amount))));
                }
            }
            RateRule::Tiers { tiers } => check_tiers(tiers)?,
        }
        if !sku_rates.is_empty() && matches!(rate, RateRule::Flat { .. }) {
            return Err(Refusal::new("sku_rates_on_flat", &[], "A flat amount per order cannot have rates per product: use a percentage rule for per-product rates."));
        }
        let mut seen = std::collections::BTreeSet::new();
        for s in &sku_rates {
            let key = sku_key(&s.sku);
            if key.is_empty() {
                return Err(Refusal::new("sku_empty", &[], "A rate per product needs the product's SKU."));
            }
            if !seen.insert(key) {
                return Err(Refusal::new("sku_twice", &[("sku", s.sku.trim().to_string())], format!("The SKU {} has two rates of its own; keep one.", s.sku.trim())));
            }
            if let Some(r) = percent_refusal(s.basis_points) {
                return Err(r);
            }
        }
        Ok(Rule { rate, sku_rates, first_order_only })
    }

    pub fn percent(basis_points: u32) -> Result<Rule, Refusal> {
        Rule::new(RateRule::Percent { basis_points }, Vec::new(), false)
    }

    pub fn flat(amount: Money) -> Result<Rule, Refusal> {
        Rule::new(RateRule::Flat { amount }, Vec::new(), false)
    }

    pub fn rate(&self) -> &RateRule {
        &self.rate
    }
    pub fn sku_rates(&self) -> &[SkuRate] {
        &self.sku_rates
    }
    pub fn first_order_only(&self) -> bool {
        self.first_order_only
    }

    /// The rate of a line with this SKU, when the rule gives it one.
    pub fn sku_rate(&self, sku: &str) -> Option<u32> {
        let key = sku_key(sku);
        self.sku_rates.iter().find(|s| sku_key(&s.sku) == key).map(|s| s.basis_points)
    }

    /// The currency the rule's amounts are in (a flat amount, tier bounds); `None` for a plain
    /// percentage.
    pub fn currency(&self) -> Option<Currency> {
        match &self.rate {
            RateRule::Percent { .. } => None,
            RateRule::Flat { amount } => Some(amount.currency),
            RateRule::Tiers { tiers } => tiers.first().map(|t| t.from.currency),
        }
    }

    /// The rule in English: `12.5% of the base`, `EUR 5.00 per order`, `tiers by the month's
    /// base: 10% from EUR 0.00, 15% from EUR 1000.00`, then `; SKU TEE-01 at 20%` and `; first
    /// order of a customer only`.
    pub fn describe(&self) -> String {
        let mut text = match &self.rate {
            RateRule::Percent { basis_points } => format!("{} of the base", percent_text(*basis_points)),
            RateRule::Flat { amount } => format!("{} per order", money_text(*amount)),
            RateRule::Tiers { tiers } => {
                let steps: Vec<String> = tiers.iter().map(|t| format!("{} from {}", percent_text(t.basis_points), money_text(t.from))).collect();
                format!("tiers by the month's base: {}", steps.join(", "))
            }
        };
        for s in &self.sku_rates {
            text.push_str(&format!("; SKU {} at {}", s.sku.trim(), percent_text(s.basis_points)));
        }
        if self.first_order_only {
            text.push_str("; first order of a customer only");
        }
        text
    }

    /// The stable machine text: `percent:1250`, `flat:EUR:500`, `tiers:EUR:0=1000,100000=1500`,
    /// then ` sku:TEE-01=2000` per SKU rate and ` first_order_only`. Amounts in minor units.
    pub fn machine_text(&self) -> String {
        let mut text = match &self.rate {
            RateRule::Percent { basis_points } => format!("percent:{basis_points}"),
            RateRule::Flat { amount } => format!("flat:{}:{}", amount.currency.code(), amount.minor),
            RateRule::Tiers { tiers } => {
                let currency = tiers.first().map(|t| t.from.currency.code()).unwrap_or("EUR");
                let steps: Vec<String> = tiers.iter().map(|t| format!("{}={}", t.from.minor, t.basis_points)).collect();
                format!("tiers:{currency}:{}", steps.join(","))
            }
        };
        for s in &self.sku_rates {
            text.push_str(&format!(" sku:{}={}", sku_key(&s.sku), s.basis_points));
        }
        if self.first_order_only {
            text.push_str(" first_order_only");
        }
        text
    }

    /// Reads [`Rule::machine_text`] back (a stored rule); anything else is refused.
    pub fn from_machine_text(text: &str) -> Result<Rule, Refusal> {
        let bad = || Refusal::new("rule_unreadable", &[("text", text.to_string())], format!("“{text}” is not a commission rule Chorus can read."));
        let mut parts = text.split(' ');
        let head = parts.next().ok_or_else(bad)?;
        let (kind, rest) = head.split_once(':').ok_or_else(bad)?;
        let number = |s: &str| s.parse::<u32>().map_err(|_| bad());
        let minor = |s: &str| s.parse::<i64>().map_err(|_| bad());
        let currency = |s: &str| Currency::parse(s).filter(|c| c.code() == s).ok_or_else(bad);
        let rate = match kind {
            "percent" => RateRule::Percent { basis_points: number(rest)? },
            "flat" => {
                let (code, amount) = rest.split_once(':').ok_or_else(bad)?;
                RateRule::Flat { amount: Money { minor: minor(amount)?, currency: currency(code)? } }
            }
            "tiers" => {
                let (code, steps) = rest.split_once(':').ok_or_else(bad)?;
                let currency = currency(code)?;
                let mut tiers = Vec::new();
                for step in steps.split(',') {
                    let (from, bp) = step.split_once('=').ok_or_else(bad)?;
                    tiers.push(Tier { from: Money { minor: minor(from)?, currency }, basis_points: number(bp)? });
                }
                RateRule::Tiers { tiers }
            }
            _ => return Err(bad()),
        };
        let (mut sku_rates, mut first_order_only) = (Vec::new(), false);
        for part in parts {
            if part == "first_order_only" && !first_order_only {
                first_order_only = true;
            } else if let Some((sku, bp)) = part.strip_prefix("sku:").and_then(|p| p.rsplit_once('=')) {
                sku_rates.push(SkuRate { sku: sku.to_string(), basis_points: number(bp)? });
            } else {
                return Err(bad());
            }
        }
        Rule::new(rate, sku_rates, first_order_only)
    }
}

fn check_tiers(tiers: &[Tier]) -> Result<(), Refusal> {
    let first = tiers.first().ok_or_else(|| Refusal::new("tiers_empty", &[], "A tiered rule needs at least one tier."))?;
    if first.from.minor != 0 {
        return Err(Refusal::new("tiers_start_above_zero", &[("from", money_text(first.from))], format!("The first tier starts at {}; it has to start at 0, so every order has a rate.", money_text(first.from))));
    }
    for pair in tiers.windows(2) {
        let (low, high) = (&pair[0], &pair[1]);
        if high.from.currency != first.from.currency {
            return Err(Refusal::new(
                "tiers_mixed_currencies",
                &[("expected", first.from.currency.code().into()), ("found", high.from.currency.code().into())],
                format!("The tiers are in {} and {}; all tiers of a rule are in one currency.", first.from.currency, high.from.currency),
            ));
        }
        if high.from.minor <= low.from.minor {
            return Err(Refusal::new("tiers_not_rising", &[("from", money_text(high.from))], format!("The tier from {} does not start above the one before it; each tier starts higher than the last.", money_text(high.from))));
        }
    }
    for t in tiers {
        if let Some(r) = percent_refusal(t.basis_points) {
            return Err(r);
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
