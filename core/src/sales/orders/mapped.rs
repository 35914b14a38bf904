//! Any CSV of orders, read with the person's choice of columns: each chosen header (found as the
//! roster import finds one: exactly, or ignoring case, accents, spaces and punctuation) fills
//! one [`OrderField`]. The order number, its date and its subtotal are needed, and a currency
//! column or the caller's default currency. One row per order, or per line item with the
//! order's number on every row.

use super::columns::{CodeSyntax, OrderField, Plan};
use super::ReadOptions;
use crate::error::Result;
use crate::numbers::Spelling;
use crate::roster::import::mapping::{column_named, layout_error};
use crate::roster::import::problems::display_text;
use std::collections::BTreeMap;

/// Which header fills which field (`"Bestelnummer" → "order_number"`), and how the file writes
/// numbers when the person says so (else a `;` file is Dutch, others English).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderMapping {
    pub columns: BTreeMap<String, String>,
    pub spelling: Option<Spelling>,
}

impl OrderMapping {
    /// From `header=field` pairs, as `--map` writes them.
    pub fn from_pairs<'p>(pairs: impl IntoIterator<Item = &'p str>) -> OrderMapping {
        let columns = pairs.into_iter().filter_map(|p| p.rsplit_once('=')).map(|(h, f)| (h.trim().to_string(), f.trim().to_string())).collect();
        OrderMapping { columns, spelling: None }
    }
}

const NEEDED: &[(OrderField, &str)] = &[(OrderField::Number, "order_number"), (OrderField::CreatedAt, "created_at"), (OrderField::Subtotal, "subtotal")];

pub(crate) fn plan(mapping: &OrderMapping, file: &str, headers: &[String], options: &ReadOptions) -> Result<Plan> {
    let mut plan = Plan::new(CodeSyntax::List);
    plan.spelling = mapping.spelling;
    let mut chosen: BTreeMap<OrderField, &str> = BTreeMap::new();
    for (header, value) in &mapping.columns {
        let column = column_named(file, headers, header)?;
        let Some(field) = OrderField::from_value(value) else {
            let choices: Vec<&str> = OrderField::ALL.iter().map(|f| f.value()).collect();
            let (header, value) = (display_text(header, 60), display_text(value, 60));
            return Err(layout_error(
                file,
                "unknown_order_field",
                &[("column", header.clone()), ("field", value.clone()), ("fields", choices.join(","))],
                format!("The column ‘{header}’ of {file} is set to be read as “{value}”, which is not an order field. Choose one of: {}.", choices.join(", ")),
            ));
        };
        if let Some(first) = chosen.insert(field, header) {
            let (first, second) = (display_text(first, 60), display_text(header, 60));
            return Err(layout_error(
                file,
                "field_twice",
                &[("first", first.clone()), ("second", second.clone()), ("field", field.value().into())],
                format!("The columns ‘{first}’ and ‘{second}’ of {file} are both set to be read as the {}. Choose one of them.", field.label()),
            ));
        }
        plan.set(field, column);
    }
    plan.require(file, headers, NEEDED, "a list of orders")?;
    if plan.column(OrderField::Currency).is_none() && options.default_currency.is_none() {
        return Err(layout_error(
            file,
            "orders_currency_needed",
            &[],
            format!("{file} has no column chosen as the currency. Choose the column that holds it, or the shop's currency."),
        ));
    }
    Ok(plan)
}
