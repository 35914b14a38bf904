//! Commissions: the rules and the ledger live here. In the workspace: [`ledger`] (the
//! append-only commission lines, booked as differences), [`rates_store`] (the exchange rates
//! the user keeps) and [`rejection`] (a person's decision that an order earns nothing). The
//! pure building blocks, with no database: [`rounding`] (the one place money is rounded), [`rules`] (the rule model and which
//! rule applies), [`rule_text`] (rules as people write them), [`base`] (what an order counts
//! for), [`commission`] (one order under one rule, with the explanation every commission line
//! shows) and [`exchange_rates`] (the dated rate table, ECB imports, conversion).
//!
//! Every refusal here is a [`Refusal`]: a stable `code` the window words in its own language,
//! the `params` that sentence needs, and the English sentence the CLI prints. What a commission
//! line shows in words is a [`Wording`] of the same shape.

pub mod base;
pub mod commission;
pub mod exchange_rates;
pub mod ledger;
pub mod lines_list;
pub mod rates_list;
pub mod rates_store;
pub mod rejection;
pub mod rounding;
pub mod rule_text;
pub mod rules;
pub mod rules_store;

use crate::error::FieldError;
use serde::Serialize;
use std::collections::BTreeMap;

/// Why something about a commission cannot be worked out: a stable code (`commission.<code>` in
/// the window's dictionaries), its parameters and an English sentence a shop owner understands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Refusal {
    pub code: &'static str,
    pub params: BTreeMap<&'static str, String>,
    pub message: String,
}

impl Refusal {
    pub(crate) fn new(code: &'static str, params: &[(&'static str, String)], message: impl Into<String>) -> Refusal {
        Refusal { code, params: params.iter().cloned().collect(), message: message.into() }
    }

    /// The refusal as a problem of one field of a form (`field` as the form names it), with the
    /// typed text as its value when the refusal quotes one.
    pub fn into_field_error(self, field: &str) -> FieldError {
        let value = self.params.get("text").cloned();
        let error = FieldError::new(field, self.code, self.message);
        match value {
            Some(v) => error.with_value(v),
            None => error,
        }
    }
}

/// What a commission line shows, in words: a stable code with its parameters for the window,
/// and the English sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Wording {
    pub code: &'static str,
    pub params: BTreeMap<&'static str, String>,
    pub english: String,
}

impl Wording {
    pub(crate) fn new(code: &'static str, params: &[(&'static str, String)], english: impl Into<String>) -> Wording {
        Wording { code, params: params.iter().cloned().collect(), english: english.into() }
    }
}
