//! The Shopify orders export (Admin → Orders → Export): today 79 columns, older exports fewer,
//! one row per line item, rows of an order sharing its `Name` (`#1001`), the order-level columns
//! filled on its first row only. Columns are found by their header; `Name`, `Created at`,
//! `Currency`, `Subtotal` and `Financial Status` are needed, the rest are read when present.

use super::columns::{CodeSyntax, OrderField as F, Plan};
use crate::error::Result;

const NAMES: &[(F, &[&str])] = &[
    (F::Number, &["Name"]),
    (F::CreatedAt, &["Created at"]),
    (F::Currency, &["Currency"]),
    (F::Status, &["Financial Status"]),
    (F::Subtotal, &["Subtotal"]),
    (F::Discount, &["Discount Amount"]),
    (F::Shipping, &["Shipping"]),
    (F::Taxes, &["Taxes"]),
    (F::Total, &["Total"]),
    (F::Refunded, &["Refunded Amount"]),
    (F::CancelledAt, &["Cancelled at"]),
    (F::Codes, &["Discount Code"]),
    (F::Email, &["Email"]),
    (F::LandingUrl, &["Landing Site", "Landing Page URL", "Landing page"]),
    (F::ReferringSite, &["Referring Site"]),
    (F::PricesIncludeTax, &["Taxes Included", "Tax Included"]),
    (F::UtmSource, &["UTM Source"]),
    (F::UtmMedium, &["UTM Medium"]),
    (F::UtmCampaign, &["UTM Campaign"]),
    (F::UtmContent, &["UTM Content"]),
    (F::UtmTerm, &["UTM Term"]),
    (F::LineSku, &["Lineitem sku"]),
    (F::LineName, &["Lineitem name"]),
    (F::LineQuantity, &["Lineitem quantity"]),
    (F::LinePrice, &["Lineitem price"]),
    (F::LineDiscount, &["Lineitem discount"]),
];

const NEEDED: &[(F, &str)] = &[(F::Number, "Name"), (F::CreatedAt, "Created at"), (F::Currency, "Currency"), (F::Subtotal, "Subtotal"), (F::Status, "Financial Status")];

pub(crate) fn plan(file: &str, headers: &[String]) -> Result<Plan> {
    let mut plan = Plan::new(CodeSyntax::List);
    plan.find(headers, NAMES);
    plan.require(file, headers, NEEDED, "a Shopify orders export")?;
    Ok(plan)
}
