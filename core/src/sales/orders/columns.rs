//! The fields an order file can fill and the plan of one file: which column (by header, found
//! by name ignoring case, accents, spaces and punctuation) fills which field, how its coupon
//! cells are written, and the columns a layout cannot do without.

use crate::error::Result;
use crate::numbers::Spelling;
use crate::roster::import::fields::normalise;
use crate::roster::import::mapping::{layout_error, quote_list};

/// What a column of an order file can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OrderField {
    Number,
    CreatedAt,
    Currency,
    Status,
    Subtotal,
    Discount,
    Shipping,
    Taxes,
    Total,
    Refunded,
    CancelledAt,
    Codes,
    Email,
    UtmSource,
    UtmMedium,
    UtmCampaign,
    UtmContent,
    UtmTerm,
    LandingUrl,
    ReferringSite,
    PricesIncludeTax,
    LineSku,
    LineName,
    LineQuantity,
    LinePrice,
    LineTotal,
    LineSubtotal,
    LineDiscount,
}

impl OrderField {
    pub const ALL: [OrderField; 28] = [
        OrderField::Number,
        OrderField::CreatedAt,
        OrderField::Currency,
        OrderField::Status,
        OrderField::Subtotal,
        OrderField::Discount,
        OrderField::Shipping,
        OrderField::Taxes,
        OrderField::Total,
        OrderField::Refunded,
        OrderField::CancelledAt,
        OrderField::Codes,
        OrderField::Email,
        OrderField::UtmSource,
        OrderField::UtmMedium,
        OrderField::UtmCampaign,
        OrderField::UtmContent,
        OrderField::UtmTerm,
        OrderField::LandingUrl,
        OrderField::ReferringSite,
        OrderField::PricesIncludeTax,
        OrderField::LineSku,
        OrderField::LineName,
        OrderField::LineQuantity,
        OrderField::LinePrice,
        OrderField::LineTotal,
        OrderField::LineSubtotal,
        OrderField::LineDiscount,
    ];

    /// The stable name a mapping uses (`--map "Bestelnummer=order_number"`).
    pub fn value(self) -> &'static str {
        match self {
            OrderField::Number => "order_number",
            OrderField::CreatedAt => "created_at",
            OrderField::Currency => "currency",
            OrderField::Status => "status",
            OrderField::Subtotal => "subtotal",
            OrderField::Discount => "discount",
            OrderField::Shipping => "shipping",
            OrderField::Taxes => "taxes",
            OrderField::Total => "total",
            OrderField::Refunded => "refunded",
            OrderField::CancelledAt => "cancelled_at",
            OrderField::Codes => "codes",
            OrderField::Email => "email",
            OrderField::UtmSource => "utm_source",
            OrderField::UtmMedium => "utm_medium",
            OrderField::UtmCampaign => "utm_campaign",
            OrderField::UtmContent => "utm_content",
            OrderField::UtmTerm => "utm_term",
            OrderField::LandingUrl => "landing_url",
            OrderField::ReferringSite => "referring_site",
            OrderField::PricesIncludeTax => "prices_include_tax",
            OrderField::LineSku => "line_sku",
            OrderField::LineName => "line_name",
            OrderField::LineQuantity => "line_quantity",
            OrderField::LinePrice => "line_price",
            OrderField::LineTotal => "line_total",
            OrderField::LineSubtotal => "line_subtotal",
            OrderField::LineDiscount => "line_discount",
        }
    }

    pub fn from_value(text: &str) -> Option<OrderField> {
        let t = text.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        OrderField::ALL.into_iter().find(|f| f.value() == t)
    }

    /// How a sentence names the field.
    pub fn label(self) -> &'static str {
        match self {
            OrderField::Number => "order number",
            OrderField::CreatedAt => "order date",
            OrderField::Status => "payment status",
            OrderField::Codes => "discount codes",
            OrderField::Refunded => "refunded amount",
            OrderField::CancelledAt => "cancellation date",
            OrderField::PricesIncludeTax => "prices include tax",
            OrderField::LineQuantity => "quantity",
            OrderField::LinePrice => "item price",
            _ => self.value(),
        }
    }

    pub fn is_line(self) -> bool {
        self >= OrderField::LineSku
    }
}

/// How a file writes the discount codes of an order in one cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CodeSyntax {
    /// `SUMMER10, WELCOME5` (Shopify, WooCommerce Analytics, a spreadsheet: `,` or `;`).
    List,
    /// SkyVerge's `code:SUMMER10|amount:5.00;code:X\;Y|amount:1.00`.
    CouponItems,
}

/// What a file's subtotal column means, so every order's subtotal is after discounts, before
/// shipping and tax.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SubtotalRule {
    AsWritten,
    /// Before the order's discount: the discount is taken off.
    BeforeDiscount,
    /// No subtotal column: the total less shipping and taxes.
    FromTotal,
}

/// How one file is read: a column per field, found by header.
pub(crate) struct Plan {
    columns: [Option<usize>; OrderField::ALL.len()],
    pub codes: CodeSyntax,
    /// Set by a mapping; otherwise the file's separator decides.
    pub spelling: Option<Spelling>,
    pub subtotal: SubtotalRule,
}

/// A header as recognition compares it: `Lineitem sku` → `lineitemsku`.
pub(crate) fn key(header: &str) -> String {
    normalise(header)
}

impl Plan {
    pub fn new(codes: CodeSyntax) -> Plan {
        Plan { columns: [None; OrderField::ALL.len()], codes, spelling: None, subtotal: SubtotalRule::AsWritten }
    }

    pub fn column(&self, f: OrderField) -> Option<usize> {
        self.columns[f as usize]
    }

    pub fn set(&mut self, f: OrderField, column: usize) {
        self.columns[f as usize] = Some(column);
    }

    /// Whether the file has a column for any line-item field.
    pub fn has_lines(&self) -> bool {
        OrderField::ALL.iter().any(|f| f.is_line() && self.column(*f).is_some())
    }

    /// Gives each field the first header that reads as one of its names (compared by [`key`]).
    pub fn find(&mut self, headers: &[String], names: &[(OrderField, &[&str])]) {
        let keys: Vec<String> = headers.iter().map(|h| key(h)).collect();
        for (f, candidates) in names {
            if let Some(i) = candidates.iter().find_map(|c| keys.iter().position(|k| k == &key(c))) {
                self.set(*f, i);
            }
        }
    }

    /// Refuses the file when a column it needs is missing, naming every missing one by its usual
    /// header and listing the columns the file has.
    pub fn require(&self, file: &str, headers: &[String], needed: &[(OrderField, &str)], layout: &str) -> Result<()> {
        let missing: Vec<String> = needed.iter().filter(|(f, _)| self.column(*f).is_none()).map(|(_, h)| h.to_string()).collect();
        if missing.is_empty() {
            return Ok(());
        }
        Err(layout_error(
            file,
            "orders_missing_columns",
            &[("missing", missing.join("\n")), ("columns", headers.join("\n")), ("layout", layout.to_string())],
            format!("{file} looks like {layout}, but it has no column {}. Its columns are {}.", missing.iter().map(|m| format!("‘{m}’")).collect::<Vec<_>>().join(", "), quote_list(headers)),
        ))
    }
}
