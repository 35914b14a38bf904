//! What a payout run decides for each creator, from what it can take (decision 0011): pure, no
//! database. The caller hands over, per creator, the items a run can take as of its cut-off —
//! commission lines whose hold ended, fees due, adjustments — each marked `carried` when it
//! was already there at the previous finalised run's cut-off (so it was carried then), and the
//! creator's payout details.
//!
//! Contract:
//! - Per creator: `total = commissions + fees + adjustments + carried_in` (new items by kind,
//!   carried ones of any kind in `carried_in`), summed exactly (an overflow is a refusal, never
//!   a wrapped number).
//! - Below zero, or below the minimum payout: **carried**, with the reason; the run takes
//!   nothing of that creator, so everything stays in the ledger for the next run.
//! - Otherwise **payable** by the creator's method, taking every item; or **blocked** when the
//!   method's details are missing or wrong (no method; a PayPal email that is not one; an IBAN
//!   that is not one; no account holder), with the reason, taking nothing.
//! - Always `payable + carried_out = total`; the items taken sum to `payable`. Creators are
//!   returned in the order given; a creator with no items is left out.

use crate::commissions::Refusal;
use crate::money::{Currency, Money};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Commission,
    Fee,
    Adjustment,
}

/// One thing a run can take: a commission line, a fee due or an adjustment (by its id), in the
/// workspace currency's minor units (negative for a clawback or a deduction).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Item {
    pub kind: ItemKind,
    pub id: i64,
    pub amount_minor: i64,
    /// Already takeable at the previous finalised run's cut-off: it was carried then.
    pub carried: bool,
}

/// How a creator is paid, with the details the method needs, as the roster holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayoutDetails {
    None,
    Paypal { email: String },
    Bank { iban: String, account_holder: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreatorDue {
    pub creator_id: i64,
    pub name: String,
    pub details: PayoutDetails,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    Paypal,
    Bank,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum Outcome {
    Payable { method: Method },
    /// Below the minimum payout (`below_minimum`) or below zero (`below_zero`).
    Carried { reason: &'static str },
    /// The method's details are missing or wrong: the code and the English sentence.
    Blocked { code: &'static str, message: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreatorPlan {
    pub creator_id: i64,
    pub commissions: Money,
    pub fees: Money,
    pub adjustments: Money,
    pub carried_in: Money,
    pub total: Money,
    pub payable: Money,
    pub carried_out: Money,
    pub outcome: Outcome,
    /// What the run takes of this creator: every item when payable, none otherwise.
    pub taken: Vec<(ItemKind, i64)>,
}

/// The decision for every creator of `due`, with `min_payout` in `currency`'s minor units.
pub fn plan(currency: Currency, min_payout: i64, due: &[CreatorDue]) -> Result<Vec<CreatorPlan>, Refusal> {
    let mut plans = Vec::with_capacity(due.len());
    for c in due.iter().filter(|c| !c.items.is_empty()) {
        let (mut commissions, mut fees, mut adjustments, mut carried_in) = (0i64, 0i64, 0i64, 0i64);
        for item in &c.items {
            let sum = match (item.carried, item.kind) {
                (true, _) => &mut carried_in,
                (false, ItemKind::Commission) => &mut commissions,
                (false, ItemKind::Fee) => &mut fees,
                (false, ItemKind::Adjustment) => &mut adjustments,
            };
            *sum = sum.checked_add(item.amount_minor).ok_or_else(crate::commissions::rounding::too_large)?;
        }
        let total = [commissions, fees, adjustments, carried_in].into_iter().try_fold(0i64, i64::checked_add).ok_or_else(crate::commissions::rounding::too_large)?;
        let outcome = if total < 0 {
            Outcome::Carried { reason: "below_zero" }
        } else if total < min_payout || total == 0 {
            Outcome::Carried { reason: "below_minimum" }
        } else {
            match method_of(c) {
                Ok(method) => Outcome::Payable { method },
                Err((code, message)) => Outcome::Blocked { code, message },
            }
        };
        let paid = matches!(outcome, Outcome::Payable { .. });
        let money = |minor: i64| Money { minor, currency };
        plans.push(CreatorPlan {
            creator_id: c.creator_id,
            commissions: money(commissions),
            fees: money(fees),
            adjustments: money(adjustments),
            carried_in: money(carried_in),
            total: money(total),
            payable: money(if paid { total } else { 0 }),
            carried_out: money(if paid { 0 } else { total }),
            outcome,
            taken: if paid { c.items.iter().map(|i| (i.kind, i.id)).collect() } else { Vec::new() },
        });
    }
    Ok(plans)
}

/// The method a creator can be paid by, or why not.
fn method_of(c: &CreatorDue) -> Result<Method, (&'static str, String)> {
    let who = c.name.trim();
    match &c.details {
        PayoutDetails::None => Err(("payout_method_missing", format!("{who} has no payout method: choose PayPal or bank transfer in their payout details."))),
        PayoutDetails::Paypal { email } => {
            let email = email.trim();
            if email.is_empty() {
                Err(("paypal_email_missing", format!("{who} has no PayPal email: add it to their payout details.")))
            } else if !email_address::EmailAddress::is_valid(email) {
                Err(("invalid_email", format!("{who}'s PayPal email “{email}” is not an email address.")))
            } else {
                Ok(Method::Paypal)
            }
        }
        PayoutDetails::Bank { iban, account_holder } => {
            let compact = crate::roster::validate::compact_iban(iban);
            if compact.is_empty() {
                Err(("iban_missing", format!("{who} has no IBAN: add it to their payout details.")))
            } else if compact.parse::<iban::Iban>().is_err() {
                Err(("invalid_iban", format!("{who}'s IBAN “{}” is not a valid IBAN: check for a typo.", iban.trim())))
            } else if account_holder.trim().is_empty() {
                Err(("account_holder_missing", format!("{who}'s bank account has no account holder: add the name the bank knows the account by.")))
            } else {
                Ok(Method::Bank)
            }
        }
    }
}
