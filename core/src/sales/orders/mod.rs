//! Shop order exports read into normalized orders, all or nothing, touching no workspace.
//!
//! Contract:
//! - [`read_orders`] (a path) and [`read_order_bytes`] (bytes) load the file with the roster
//!   import's reader (UTF-8 with or without a mark, Windows-1252, UTF-16; `,` `;` or tab),
//!   recognise its layout from the headers ([`detect_format`]: the Shopify orders export,
//!   SkyVerge's Customer/Order CSV Export, Advanced Order Export, WooCommerce Analytics) or
//!   read it with the person's [`OrderMapping`], and give back every order of the file.
//! - [`stream_orders`] reads the same way and gives each order out as soon as its rows are
//!   read, for storing orders while the file is still being read.
//! - Columns are found by header name, never by position; a layout missing a column it needs is
//!   an [`Error::ImportLayout`] naming what is missing and the columns the file has.
//! - Every cell problem of the file is collected (file, the file's own row number, column, a
//!   stable code, the value) and returned together as [`Error::ImportRejected`]; orders come
//!   back only from a file with no problem at all. Rows of one order that disagree (two
//!   currencies, two dates) are a problem naming both rows.
//! - Amounts are integer minor units of the order's currency, read in the file's spelling (a
//!   `;` file is Dutch Excel's `12,50`, others `12.50`); never rounded, never through a float.
//! - No customer name, address or email is kept: the customer is a salted SHA-256 of the
//!   email, trimmed and lower-cased ([`customer_hash`]).

mod cells;
mod columns;
mod dates;
mod mapped;
mod rows;
mod shopify;
mod status;
mod woocommerce;

pub use dates::{read_stamp, Stamp};
pub use columns::OrderField;
pub use mapped::OrderMapping;
pub use status::FinancialStatus;

use crate::error::{Error, Result};
use crate::money::Currency;
use crate::roster::import::mapping::{layout_error, quote_list};
use crate::roster::import::read::{self, Records};
use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::Path;

/// Where an order comes from: with its number, what identifies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Shopify,
    Woocommerce,
    Csv,
}

/// The layout a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Shopify Admin → Orders → Export: one row per line item, grouped by `Name`.
    Shopify,
    /// SkyVerge's WooCommerce Customer/Order CSV Export (`order_number`, `coupon_items`, …).
    WooSkyverge,
    /// Advanced Order Export For WooCommerce (`"Order Number"`, `"Coupon Code"`, …).
    WooAdvancedExport,
    /// WooCommerce Analytics → Orders → Download (`Order #`, `Coupon(s)`, …).
    WooAnalytics,
    /// Any CSV read with an [`OrderMapping`].
    Mapped,
}

impl Format {
    pub fn source(self) -> Source {
        match self {
            Format::Shopify => Source::Shopify,
            Format::WooSkyverge | Format::WooAdvancedExport | Format::WooAnalytics => Source::Woocommerce,
            Format::Mapped => Source::Csv,
        }
    }
}

/// UTM values an order carries (from their own columns or its landing URL's query).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Utm {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub medium: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
}

impl Utm {
    pub fn is_empty(&self) -> bool {
        self.source.is_none() && self.medium.is_none() && self.campaign.is_none() && self.content.is_none() && self.term.is_none()
    }
}

/// One product line of an order. Amounts in minor units of the order's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineItem {
    pub sku: String,
    pub name: String,
    pub quantity: i64,
    /// The price of one, when the file gives it (Shopify's `Lineitem price`).
    pub unit_price: Option<i64>,
    /// The line after its discounts, when the file gives it (WooCommerce's `item_total`).
    pub total: Option<i64>,
    /// The discount on this line, when the file gives it.
    pub discount: Option<i64>,
}

/// An order as Chorus keeps it, whatever shop wrote it. Amounts in minor units of `currency`;
/// `None` where the file has no such column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Order {
    pub source: Source,
    /// As the shop shows it: `#1001`, `1001`.
    pub number: String,
    /// The order's first row in the file (a spreadsheet's numbering: the header is row 1).
    pub row: u64,
    /// With the offset the file wrote (or the caller assumed: `created_offset_assumed`).
    pub created_at: DateTime<FixedOffset>,
    pub created_at_utc: DateTime<Utc>,
    pub created_offset_assumed: bool,
    pub currency: Currency,
    /// After discounts, before shipping and tax (Shopify's meaning; tax included where the
    /// shop's prices include it).
    pub subtotal: i64,
    pub discount: Option<i64>,
    pub shipping: Option<i64>,
    pub taxes: Option<i64>,
    pub total: Option<i64>,
    /// 0 when the file says nothing was refunded or has no refund column.
    pub refunded: i64,
    pub cancelled_at: Option<DateTime<FixedOffset>>,
    pub financial_status: FinancialStatus,
    /// As written, trimmed, each once (ignoring case), in the file's order.
    pub discount_codes: Vec<String>,
    #[serde(skip_serializing_if = "Utm::is_empty")]
    pub utm: Utm,
    pub landing_url: Option<String>,
    pub referring_site: Option<String>,
    /// Whether the shop's prices include tax, when the file says.
    pub prices_include_tax: Option<bool>,
    /// SHA-256 (hex) of the caller's salt and the trimmed, lower-cased email; `None` without one.
    pub customer: Option<String>,
    pub lines: Vec<LineItem>,
}

/// What the caller settles for a file.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Mixed into every customer hash; the workspace keeps one of its own.
    pub salt: String,
    /// The offset of a time the file writes without one (the shop's time zone).
    pub assumed_offset: FixedOffset,
    /// The currency of a file with no currency column (WooCommerce Analytics), usually the
    /// workspace's.
    pub default_currency: Option<Currency>,
    /// `--source`: the layout the person says the file has; `None` recognises it.
    pub source: Option<Source>,
    /// The person's choice of columns; used for [`Source::Csv`] and for files no layout fits.
    pub mapping: Option<OrderMapping>,
}

impl ReadOptions {
    pub fn new(salt: impl Into<String>) -> Self {
        ReadOptions { salt: salt.into(), assumed_offset: FixedOffset::east_opt(0).expect("zero offset"), default_currency: None, source: None, mapping: None }
    }
}

/// The orders of one file, in the order of their first rows.
#[derive(Debug, Clone, Serialize)]
pub struct OrderFile {
    pub format: Format,
    pub encoding: &'static str,
    pub orders: Vec<Order>,
    /// Data rows read (blank rows not counted).
    pub rows: u64,
}

/// SHA-256 (hex) of `salt` followed by `email` trimmed and lower-cased.
pub fn customer_hash(salt: &str, email: &str) -> String {
    let mut h = Sha256::new();
    h.update(salt.as_bytes());
    let email = email.trim();
    if email.bytes().any(|b| !b.is_ascii() || b.is_ascii_uppercase()) {
        h.update(email.to_lowercase().as_bytes());
    } else {
        h.update(email.as_bytes());
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(64);
    for b in h.finalize() {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
    out
}

/// The layout the headers say, or `None` when none fits (then the file needs a mapping).
pub fn detect_format(headers: &[String]) -> Option<Format> {
    let has = |name: &str| headers.iter().any(|h| columns::key(h) == name);
    let raw = |name: &str| headers.iter().any(|h| h.trim() == name);
    if has("lineitemquantity") && has("financialstatus") || has("name") && has("financialstatus") && has("createdat") {
        Some(Format::Shopify)
    } else if raw("coupon_items") || raw("order_number") && (raw("order_total") || raw("order_currency") || raw("refunded_total")) {
        Some(Format::WooSkyverge)
    } else if has("ordernumber") && (has("ordersubtotalamount") || has("orderrefundamount") || has("orderstatus") || has("couponcode")) {
        Some(Format::WooAdvancedExport)
    } else if raw("Order #") && (has("netsales") || has("coupons") || has("nrevenueformatted")) {
        Some(Format::WooAnalytics)
    } else {
        None
    }
}

/// Reads an order export from a file (see the module's contract).
pub fn read_orders(path: &Path, options: &ReadOptions) -> Result<OrderFile> {
    read_text(read::load(path)?, options)
}

/// [`read_orders`] for bytes already in memory; `file_name` names the file in problems.
pub fn read_order_bytes(bytes: Vec<u8>, file_name: &str, options: &ReadOptions) -> Result<OrderFile> {
    read_text(read::decode(bytes, file_name.to_string())?, options)
}

/// How a streamed file ended ([`stream_orders`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamEnd {
    pub format: Format,
    pub encoding: &'static str,
    /// Data rows read (blank rows not counted).
    pub rows: u64,
    /// The rows of some order are not together: the orders given so far are not the file's;
    /// read it with [`read_orders`] instead.
    pub scattered: bool,
}

/// Reads an order export as [`read_orders`] does, giving each order to `sink` as soon as it
/// is complete (a row of another order follows it), in the file's order, while the rest of
/// the file is still being read. The orders a file with problems gave are not the file's:
/// the caller throws them away when this returns [`Error::ImportRejected`]. An error of `sink`
/// stops the reading and is returned.
pub fn stream_orders(path: &Path, options: &ReadOptions, sink: &mut dyn FnMut(Order) -> Result<()>) -> Result<StreamEnd> {
    let text = read::load(path)?;
    let file = text.file_name.clone();
    let mut records = Records::new(&text);
    let (headers, format, plan, spelling) = prologue(&text, &mut records, options)?;
    let mut stream = rows::OrderStream::new(&headers, &plan, options, spelling, format.source(), text.text.len());
    let end = |rows, scattered| StreamEnd { format, encoding: text.encoding, rows, scattered };
    while let Some(record) = records.next_record()? {
        match stream.add(record.row, record.cells) {
            rows::Streamed::Nothing => {}
            rows::Streamed::Order(o) => sink(*o)?,
            rows::Streamed::Scattered => return Ok(end(0, true)),
        }
    }
    let (last, rows, problems) = stream.finish();
    if !problems.is_empty() {
        return Err(Error::ImportRejected { file, problems });
    }
    if let Some(o) = last {
        sink(o)?;
    }
    Ok(end(rows, false))
}

/// The header row, the layout, its plan and the number spelling of a file.
fn prologue(text: &read::Text, records: &mut Records<'_>, options: &ReadOptions) -> Result<(Vec<String>, Format, columns::Plan, crate::numbers::Spelling)> {
    let file = &text.file_name;
    let headers: Vec<String> = match records.next_record()? {
        Some(r) => r.cells.iter().map(|h| h.trim().to_string()).collect(),
        None => return Err(layout_error(file, "empty_file", &[], format!("{file} is empty: there is nothing to import."))),
    };
    let detected = detect_format(&headers);
    let format = choose_format(file, &headers, detected, options)?;
    let plan = match format {
        Format::Shopify => shopify::plan(file, &headers)?,
        Format::WooSkyverge | Format::WooAdvancedExport | Format::WooAnalytics => woocommerce::plan(format, file, &headers, options)?,
        Format::Mapped => {
            let mapping = options.mapping.as_ref().expect("a mapped format has a mapping");
            mapped::plan(mapping, file, &headers, options)?
        }
    };
    let spelling = plan.spelling.unwrap_or(if text.delimiter == b';' { crate::numbers::Spelling::Dutch } else { crate::numbers::Spelling::English });
    Ok((headers, format, plan, spelling))
}

fn read_text(text: read::Text, options: &ReadOptions) -> Result<OrderFile> {
    let file = text.file_name.clone();
    let mut records = Records::new(&text);
    let (headers, format, plan, spelling) = prologue(&text, &mut records, options)?;
    let mut reader = rows::OrderReader::new(&headers, &plan, options, spelling, format.source(), text.text.len());
    while let Some(record) = records.next_record()? {
        reader.add(record.row, record.cells);
    }
    let (orders, rows, problems) = reader.finish();
    if !problems.is_empty() {
        return Err(Error::ImportRejected { file, problems });
    }
    Ok(OrderFile { format, encoding: text.encoding, orders, rows })
}

/// The layout to read: a mapping wins; else what the person said, checked against the headers;
/// else what the headers say; else the person is asked for a mapping.
fn choose_format(file: &str, headers: &[String], detected: Option<Format>, options: &ReadOptions) -> Result<Format> {
    if options.mapping.is_some() && (options.source.is_none() || options.source == Some(Source::Csv)) {
        return Ok(Format::Mapped);
    }
    match (options.source, detected) {
        (None, Some(f)) => Ok(f),
        (Some(s), Some(f)) if f.source() == s => Ok(f),
        (Some(Source::Shopify), _) => Ok(Format::Shopify), // its missing columns are listed next
        (Some(s), found) => {
            let said = match s {
                Source::Shopify => "Shopify",
                Source::Woocommerce => "WooCommerce",
                Source::Csv => "a CSV with a column mapping",
            };
            let seems = found.map(|f| format!(" It looks like a {} export.", match f.source() { Source::Shopify => "Shopify", _ => "WooCommerce" })).unwrap_or_default();
            let code = if s == Source::Csv { "orders_mapping_needed" } else { "orders_not_that_source" };
            let source = format!("{s:?}").to_lowercase();
            Err(layout_error(
                file,
                code,
                &[("source", source), ("columns", headers.join("\n"))],
                format!("{file} was to be read as {said}, but its columns do not fit that.{seems} Its columns are {}.", quote_list(headers)),
            ))
        }
        (None, None) => Err(layout_error(
            file,
            "orders_mapping_needed",
            &[("columns", headers.join("\n"))],
            format!("Chorus does not recognise {file} as a Shopify or WooCommerce orders export. Choose which columns hold the order number, date, currency, subtotal and the other fields. Its columns are {}.", quote_list(headers)),
        )),
    }
}
