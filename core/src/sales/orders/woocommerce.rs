//! WooCommerce's exports, which have no single layout; three are read, told apart by their
//! headers ([`super::detect_format`]):
//! - SkyVerge's Customer/Order CSV Export: `order_number`, `date`, `status`, `order_currency`,
//!   `order_total` (the subtotal is the total less `shipping_total` and `tax_total`),
//!   `refunded_total`, `coupon_items`
//!   (`code:X|amount:Y` items joined by `;`, `\` escapes), one row per order or per line item
//!   (`item_sku`, `item_quantity`, `item_subtotal`, `item_total`).
//! - Advanced Order Export: labels such as `Order Number`, `Order Status` (`Refunded`), `Order
//!   Date`, `Order Subtotal Amount` (before `Cart Discount Amount`, which is taken off),
//!   `Order Refund Amount`, `Coupon Code`, per product row.
//! - WooCommerce Analytics' download: `Date`, `Order #`, `N. Revenue (formatted)`, `Status`,
//!   `Coupon(s)` (`"a, b"`), `Net Sales` (the subtotal); it names no currency (the caller's default is used)
//!   and no product prices, so its orders have no line items.

use super::columns::{CodeSyntax, OrderField as F, Plan, SubtotalRule};
use super::{Format, ReadOptions};
use crate::error::Result;
use crate::roster::import::mapping::layout_error;

const SKYVERGE: &[(F, &[&str])] = &[
    (F::Number, &["order_number", "order_id"]),
    (F::CreatedAt, &["date", "order_date", "date_created"]),
    (F::Currency, &["order_currency", "currency"]),
    (F::Status, &["status", "order_status"]),
    (F::Subtotal, &["order_subtotal", "subtotal"]),
    (F::Discount, &["discount_total", "cart_discount"]),
    (F::Shipping, &["shipping_total", "order_shipping"]),
    (F::Taxes, &["tax_total", "total_tax", "order_tax"]),
    (F::Total, &["order_total"]),
    (F::Refunded, &["refunded_total", "order_refunded"]),
    (F::Codes, &["coupon_items", "coupons"]),
    (F::Email, &["billing_email", "customer_email", "email"]),
    (F::PricesIncludeTax, &["prices_include_tax"]),
    (F::LandingUrl, &["landing_page", "meta:_wc_order_attribution_session_entry"]),
    (F::ReferringSite, &["meta:_wc_order_attribution_referrer", "referrer"]),
    (F::UtmSource, &["utm_source", "meta:_wc_order_attribution_utm_source"]),
    (F::UtmMedium, &["utm_medium", "meta:_wc_order_attribution_utm_medium"]),
    (F::UtmCampaign, &["utm_campaign", "meta:_wc_order_attribution_utm_campaign"]),
    (F::UtmContent, &["utm_content", "meta:_wc_order_attribution_utm_content"]),
    (F::UtmTerm, &["utm_term", "meta:_wc_order_attribution_utm_term"]),
    (F::LineSku, &["item_sku"]),
    (F::LineName, &["item_name"]),
    (F::LineQuantity, &["item_quantity"]),
    (F::LinePrice, &["item_price"]),
    (F::LineSubtotal, &["item_subtotal"]),
    (F::LineTotal, &["item_total"]),
];

const ADVANCED: &[(F, &[&str])] = &[
    (F::Number, &["Order Number", "Order ID"]),
    (F::CreatedAt, &["Order Date", "Date"]),
    (F::Currency, &["Order Currency", "Currency"]),
    (F::Status, &["Order Status", "Status"]),
    (F::Subtotal, &["Order Subtotal Amount", "Order Subtotal"]),
    (F::Discount, &["Cart Discount Amount", "Order Discount Amount"]),
    (F::Shipping, &["Order Shipping Amount", "Shipping Amount"]),
    (F::Taxes, &["Order Total Tax Amount", "Order Tax Amount"]),
    (F::Total, &["Order Total Amount", "Order Total"]),
    (F::Refunded, &["Order Refund Amount", "Refund Amount"]),
    (F::Codes, &["Coupon Code", "Coupon Codes", "Coupons Used"]),
    (F::Email, &["Email (Billing)", "Customer User Email", "Billing Email"]),
    (F::LandingUrl, &["Landing Page", "Origin URL"]),
    (F::ReferringSite, &["Referrer", "Referring Site"]),
    (F::UtmSource, &["UTM Source"]),
    (F::UtmMedium, &["UTM Medium"]),
    (F::UtmCampaign, &["UTM Campaign"]),
    (F::UtmContent, &["UTM Content"]),
    (F::UtmTerm, &["UTM Term"]),
    (F::LineSku, &["SKU"]),
    (F::LineName, &["Product Name", "Item Name"]),
    (F::LineQuantity, &["Quantity", "Qty"]),
    (F::LinePrice, &["Item Cost", "Product Price"]),
    (F::LineTotal, &["Order Line Total", "Item Total"]),
    (F::LineSubtotal, &["Order Line Subtotal", "Item Subtotal"]),
    (F::LineDiscount, &["Discount Amount"]),
];

const ANALYTICS: &[(F, &[&str])] = &[
    (F::Number, &["Order #"]),
    (F::CreatedAt, &["Date"]),
    (F::Status, &["Status"]),
    (F::Subtotal, &["Net Sales"]),
    (F::Total, &["N. Revenue (formatted)", "N. Revenue"]),
    (F::Codes, &["Coupon(s)", "Coupons"]),
];

pub(crate) fn plan(format: Format, file: &str, headers: &[String], options: &ReadOptions) -> Result<Plan> {
    let (names, codes, layout): (&[(F, &[&str])], _, _) = match format {
        Format::WooSkyverge => (SKYVERGE, CodeSyntax::CouponItems, "a WooCommerce Customer/Order CSV Export"),
        Format::WooAdvancedExport => (ADVANCED, CodeSyntax::List, "a WooCommerce Advanced Order Export"),
        _ => (ANALYTICS, CodeSyntax::List, "a WooCommerce Analytics orders download"),
    };
    let mut plan = Plan::new(codes);
    plan.find(headers, names);
    let needed: &[(F, &str)] = match format {
        // No subtotal column: it is the total less shipping and tax (Shopify's meaning).
        Format::WooSkyverge => {
            plan.subtotal = SubtotalRule::FromTotal;
            &[(F::Number, "order_number"), (F::CreatedAt, "date"), (F::Currency, "order_currency"), (F::Total, "order_total")]
        }
        // WooCommerce's subtotal is before the cart discount.
        Format::WooAdvancedExport => {
            plan.subtotal = SubtotalRule::BeforeDiscount;
            &[(F::Number, "Order Number"), (F::CreatedAt, "Order Date"), (F::Currency, "Order Currency"), (F::Subtotal, "Order Subtotal Amount")]
        }
        _ => &[(F::Number, "Order #"), (F::CreatedAt, "Date"), (F::Subtotal, "Net Sales")],
    };
    plan.require(file, headers, needed, layout)?;
    if plan.column(F::Currency).is_none() && options.default_currency.is_none() {
        return Err(layout_error(
            file,
            "orders_currency_needed",
            &[],
            format!("{file} does not say which currency its amounts are in. Choose the shop's currency to read it."),
        ));
    }
    Ok(plan)
}
