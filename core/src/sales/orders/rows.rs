//! Rows into orders: every row is read by its [`Plan`], rows with one order number make one
//! order (the first row gives the order-level values, each row may add a line item and codes),
//! and every problem is collected with its row and column. Two rows of one order that write
//! different order-level values are a problem naming both rows.

use super::cells::{read_amount, read_codes, read_quantity, read_yes_no, utm_from_url};
use super::columns::{OrderField as F, Plan, SubtotalRule};
use super::dates::{read_stamp, Stamp};
use super::{customer_hash, FinancialStatus, LineItem, Order, ReadOptions, Source, Utm};
use crate::error::RowError;
use crate::money::Currency;
use crate::numbers::Spelling;
use crate::roster::import::layout::{read_cell, row_is_empty};
use crate::roster::import::problems::{row_error, row_error_with};
use std::collections::HashMap;

/// A value some row gave, and where (for a disagreement's sentence).
struct Given<T> {
    value: T,
    row: u64,
}

/// A value as a disagreement's sentence quotes the earlier row's (its text is not kept: most
/// rows never disagree, and keeping every cell's text costs more than reading it).
trait Shown {
    fn shown(&self, currency: Option<Currency>) -> String;
}

impl Shown for Stamp {
    fn shown(&self, _: Option<Currency>) -> String {
        self.at.format(if self.offset_assumed { "%Y-%m-%d %H:%M:%S" } else { "%Y-%m-%d %H:%M:%S %z" }).to_string()
    }
}

impl Shown for Currency {
    fn shown(&self, _: Option<Currency>) -> String {
        self.code().to_string()
    }
}

impl Shown for FinancialStatus {
    fn shown(&self, _: Option<Currency>) -> String {
        match self {
            FinancialStatus::Other(text) => text.clone(),
            known => serde_json::to_value(known).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(),
        }
    }
}

impl Shown for i64 {
    fn shown(&self, currency: Option<Currency>) -> String {
        currency.map_or_else(|| self.to_string(), |c| crate::money::format_plain(*self, c))
    }
}

impl Shown for bool {
    fn shown(&self, _: Option<Currency>) -> String {
        (if *self { "yes" } else { "no" }).to_string()
    }
}

impl Shown for String {
    fn shown(&self, _: Option<Currency>) -> String {
        self.clone()
    }
}

/// An order while its rows come in.
#[derive(Default)]
struct Draft {
    row: u64,
    number: String,
    created: Option<Given<Stamp>>,
    currency: Option<Given<Currency>>,
    status: Option<Given<FinancialStatus>>,
    amounts: [Option<Given<i64>>; 6],
    cancelled: Option<Given<Stamp>>,
    customer: Option<Given<String>>,
    /// UTM values, landing URL, referring site: few files have them (boxed, so a draft stays small).
    texts: Option<Box<[Option<Given<String>>; 7]>>,
    prices_include_tax: Option<Given<bool>>,
    codes: Vec<String>,
    lines: Vec<LineItem>,
    /// A problem already said the currency is wrong or missing: said once per order.
    currency_problem: bool,
    /// The last email text hashed (follow-on rows repeat it); only while reading, never kept.
    email_seen: String,
}

const AMOUNTS: [F; 6] = [F::Subtotal, F::Discount, F::Shipping, F::Taxes, F::Total, F::Refunded];
const TEXTS: [F; 7] = [F::UtmSource, F::UtmMedium, F::UtmCampaign, F::UtmContent, F::UtmTerm, F::LandingUrl, F::ReferringSite];

pub(crate) struct OrderReader<'a> {
    reading: Reading<'a>,
    index: HashMap<String, usize>,
    drafts: Vec<Draft>,
}

/// What reading a row needs besides the order it adds to.
struct Reading<'a> {
    headers: &'a [String],
    plan: &'a Plan,
    options: &'a ReadOptions,
    spelling: Spelling,
    source: Source,
    problems: Vec<RowError>,
    rows: u64,
    last_currency: Option<Currency>,
}

impl<'a> OrderReader<'a> {
    /// `size_hint` is the file's length in bytes, to make room for its orders at once.
    pub fn new(headers: &'a [String], plan: &'a Plan, options: &'a ReadOptions, spelling: Spelling, source: Source, size_hint: usize) -> Self {
        let orders = (size_hint / 512).min(4_000_000);
        let reading = Reading { headers, plan, options, spelling, source, problems: Vec::new(), rows: 0, last_currency: None };
        OrderReader { reading, index: HashMap::with_capacity(orders), drafts: Vec::with_capacity(orders) }
    }

    /// Reads one data row; a row of empty or blank-like cells is skipped.
    pub fn add(&mut self, row: u64, cells: &csv::StringRecord) {
        let r = &mut self.reading;
        let plan = r.plan;
        let cell = |f: F| plan.column(f).and_then(|c| cells.get(c)).map_or("", read_cell);
        let Some(number) = r.number(row, cells, &cell) else { return };
        let at = match self.index.get(number) {
            Some(&i) => i,
            None => {
                self.index.insert(number.to_string(), self.drafts.len());
                self.drafts.push(Draft { row, number: number.to_string(), ..Draft::default() });
                self.drafts.len() - 1
            }
        };
        r.read_into(&mut self.drafts[at], row, &cell);
    }

    /// The orders, the data rows read and every problem, in row order.
    pub fn finish(self) -> (Vec<Order>, u64, Vec<RowError>) {
        let mut r = self.reading;
        let mut orders = Vec::with_capacity(self.drafts.len());
        for d in self.drafts {
            if let Some(o) = r.order(d) {
                orders.push(o);
            }
        }
        r.problems.sort_by_key(|p| p.row);
        (orders, r.rows, r.problems)
    }
}

/// What [`OrderStream::add`] gives back.
pub(crate) enum Streamed {
    Nothing,
    /// The order before this row's, complete (it had no problem).
    Order(Box<Order>),
    /// This row belongs to an order given out already: its rows are not together, so the
    /// file must be read whole ([`OrderReader`]).
    Scattered,
}

/// Reads rows into orders and gives each order out as soon as a row of another order follows
/// it (Shopify and WooCommerce write an order's rows together), so that a caller can store
/// orders while the file is still being read. Problems are collected as [`OrderReader`]
/// collects them; a caller that got orders from a file with problems throws them away.
pub(crate) struct OrderStream<'a> {
    reading: Reading<'a>,
    seen: std::collections::HashSet<String>,
    current: Option<Draft>,
}

impl<'a> OrderStream<'a> {
    pub fn new(headers: &'a [String], plan: &'a Plan, options: &'a ReadOptions, spelling: Spelling, source: Source, size_hint: usize) -> Self {
        let reading = Reading { headers, plan, options, spelling, source, problems: Vec::new(), rows: 0, last_currency: None };
        OrderStream { reading, seen: std::collections::HashSet::with_capacity((size_hint / 512).min(4_000_000)), current: None }
    }

    pub fn add(&mut self, row: u64, cells: &csv::StringRecord) -> Streamed {
        let r = &mut self.reading;
        let plan = r.plan;
        let cell = |f: F| plan.column(f).and_then(|c| cells.get(c)).map_or("", read_cell);
        let Some(number) = r.number(row, cells, &cell) else { return Streamed::Nothing };
        if let Some(d) = self.current.as_mut().filter(|d| d.number == number) {
            r.read_into(d, row, &cell);
            return Streamed::Nothing;
        }
        if self.seen.contains(number) {
            return Streamed::Scattered;
        }
        self.seen.insert(number.to_string());
        let mut d = Draft { row, number: number.to_string(), ..Draft::default() };
        r.read_into(&mut d, row, &cell);
        match self.current.replace(d).and_then(|done| r.order(done)) {
            Some(o) => Streamed::Order(Box::new(o)),
            None => Streamed::Nothing,
        }
    }

    /// The last order, the data rows read and every problem, in row order.
    pub fn finish(mut self) -> (Option<Order>, u64, Vec<RowError>) {
        let last = self.current.take().and_then(|d| self.reading.order(d));
        let mut r = self.reading;
        r.problems.sort_by_key(|p| p.row);
        (last, r.rows, r.problems)
    }
}

impl<'a> Reading<'a> {
    /// The row's order number; `None` for a blank row, or one without a number (a problem).
    fn number<'c>(&mut self, row: u64, cells: &csv::StringRecord, cell: &dyn Fn(F) -> &'c str) -> Option<&'c str> {
        let number = cell(F::Number);
        if number.is_empty() && row_is_empty(cells) {
            return None;
        }
        self.rows += 1;
        if number.is_empty() {
            let label = F::Number.label();
            let header = self.header(F::Number);
            self.problems.push(row_error(row, header, "order_number_missing", None, &format!("This row has no {label}, so Chorus cannot tell which order it belongs to.")));
            return None;
        }
        Some(number)
    }

    fn header(&self, f: F) -> &'a str {
        self.plan.column(f).and_then(|c| self.headers.get(c)).map_or("", String::as_str)
    }

    fn read_into<'c>(&mut self, d: &mut Draft, row: u64, cell: &dyn Fn(F) -> &'c str) {
        let assumed = self.options.assumed_offset;
        // Follow-on rows repeat the email: the same text is not hashed again.
        let text = cell(F::CreatedAt);
        if !text.is_empty() {
            match read_stamp(text, assumed) {
                Some(s) => self.settle(d, row, F::CreatedAt, text, s, |d| &mut d.created),
                None => self.bad_date(row, F::CreatedAt, text),
            }
        }
        let text = cell(F::Currency);
        if !text.is_empty() {
            // Most files hold one or two currencies: the last one read is checked first.
            let known = self.last_currency.filter(|c| c.code() == text);
            match known.or_else(|| Currency::parse(text)) {
                Some(c) => {
                    self.last_currency = Some(c);
                    self.settle(d, row, F::Currency, text, c, |d| &mut d.currency);
                }
                None => {
                    d.currency_problem = true;
                    self.problems.push(row_error(row, self.header(F::Currency), "unknown_currency", Some(text.into()), &format!("“{text}” is not a currency code such as EUR or USD.")));
                }
            }
        } else if self.plan.column(F::Currency).is_none() && d.currency.is_none() {
            if let Some(c) = self.options.default_currency {
                d.currency = Some(Given { value: c, row });
            }
        }
        let text = cell(F::Status);
        if !text.is_empty() {
            self.settle(d, row, F::Status, text, FinancialStatus::read(text), |d| &mut d.status);
        }
        let text = cell(F::CancelledAt);
        if !text.is_empty() {
            match read_stamp(text, assumed) {
                Some(s) => self.settle(d, row, F::CancelledAt, text, s, |d| &mut d.cancelled),
                None => self.bad_date(row, F::CancelledAt, text),
            }
        }
        let text = cell(F::Email);
        if !text.is_empty() && d.email_seen != text {
            let hash = customer_hash(&self.options.salt, text);
            d.email_seen = text.to_string();
            self.settle(d, row, F::Email, "", hash, |d| &mut d.customer);
        }
        for (i, f) in TEXTS.into_iter().enumerate() {
            let text = cell(f);
            if !text.is_empty() {
                self.settle(d, row, f, text, text.to_string(), move |d| &mut d.texts.get_or_insert_with(Default::default)[i]);
            }
        }
        let text = cell(F::PricesIncludeTax);
        if !text.is_empty() {
            match read_yes_no(text) {
                Some(b) => self.settle(d, row, F::PricesIncludeTax, text, b, |d| &mut d.prices_include_tax),
                None => self.problems.push(row_error(row, self.header(F::PricesIncludeTax), "invalid_yes_no", Some(text.into()), &format!("“{text}” does not say yes or no (true, false, yes, no, ja, nee)."))),
            }
        }
        let text = cell(F::Codes);
        if !text.is_empty() {
            match read_codes(text, self.plan.codes) {
                Ok(codes) => {
                    for c in codes {
                        if !d.codes.iter().any(|k| k.eq_ignore_ascii_case(&c)) {
                            d.codes.push(c);
                        }
                    }
                }
                Err(()) => self.problems.push(row_error(row, self.header(F::Codes), "invalid_coupon_items", Some(text.into()), &format!("“{text}” is not a list of coupons such as code:SUMMER10|amount:5.00."))),
            }
        }
        let Some(currency) = d.currency.as_ref().map(|g| g.value) else {
            let has_amounts = AMOUNTS.iter().chain(&[F::LinePrice, F::LineTotal, F::LineSubtotal, F::LineDiscount]).any(|f| !cell(*f).is_empty());
            if has_amounts && !d.currency_problem {
                d.currency_problem = true;
                let params = [("order", d.number.clone())];
                self.problems.push(row_error_with(row, self.header(F::Currency), "currency_missing", None, "This order names no currency on its first row, so its amounts cannot be read.", &params));
            }
            return;
        };
        for (i, f) in AMOUNTS.into_iter().enumerate() {
            let text = cell(f);
            if !text.is_empty() {
                if let Some(v) = self.amount(row, f, text, currency) {
                    self.settle(d, row, f, text, v, move |d| &mut d.amounts[i]);
                }
            }
        }
        if self.plan.has_lines() {
            self.read_line(d, row, cell, currency);
        }
    }

    fn read_line<'c>(&mut self, d: &mut Draft, row: u64, cell: &dyn Fn(F) -> &'c str, currency: Currency) {
        let (sku, name, qty) = (cell(F::LineSku), cell(F::LineName), cell(F::LineQuantity));
        let amounts = [F::LinePrice, F::LineTotal, F::LineSubtotal, F::LineDiscount].map(|f| (f, cell(f)));
        if sku.is_empty() && name.is_empty() && qty.is_empty() && amounts.iter().all(|(_, t)| t.is_empty()) {
            return;
        }
        let quantity = if self.plan.column(F::LineQuantity).is_none() {
            1
        } else {
            match read_quantity(qty) {
                Some(q) => q,
                None => {
                    let message = if qty.is_empty() { "This product line has no quantity.".to_string() } else { format!("“{qty}” is not a whole number of items.") };
                    self.problems.push(row_error(row, self.header(F::LineQuantity), "invalid_quantity", (!qty.is_empty()).then(|| qty.into()), &message));
                    return;
                }
            }
        };
        let [price, total, subtotal, discount] = amounts.map(|(f, t)| if t.is_empty() { None } else { self.amount(row, f, t, currency) });
        let discount = discount.or(match (subtotal, total) {
            (Some(s), Some(t)) if s >= t => Some(s - t),
            _ => None,
        });
        d.lines.push(LineItem { sku: sku.to_string(), name: name.to_string(), quantity, unit_price: price, total, discount });
    }

    fn amount(&mut self, row: u64, f: F, text: &str, currency: Currency) -> Option<i64> {
        // Shops write refunds and discounts with either sign; their size is what counts.
        let signless = matches!(f, F::Refunded | F::Discount | F::LineDiscount);
        match read_amount(text, currency, self.spelling, signless) {
            Ok(v) => Some(v),
            Err(why) => {
                let code = currency.code();
                let message = format!("“{text}” is not an amount in {code}{why}.");
                self.problems.push(row_error_with(row, self.header(f), "invalid_amount", Some(text.into()), &message, &[("currency", code.into()), ("field", f.value().into())]));
                None
            }
        }
    }

    fn bad_date(&mut self, row: u64, f: F, text: &str) {
        let message = format!("“{text}” is not a date and time Chorus can read, such as 2025-05-11 09:55:16 -0400 or 11-05-2025 09:55.");
        self.problems.push(row_error(row, self.header(f), "invalid_date", Some(text.into()), &message));
    }

    /// Keeps the first row's value of a field; a later row that writes another is a problem
    /// naming both rows.
    fn settle<T: PartialEq + Shown>(&mut self, d: &mut Draft, row: u64, f: F, text: &str, value: T, slot: impl FnOnce(&mut Draft) -> &mut Option<Given<T>>) {
        let currency = d.currency.as_ref().map(|g| g.value);
        let conflict = {
            let slot = slot(d);
            match slot {
                None => {
                    *slot = Some(Given { value, row });
                    None
                }
                Some(g) if g.value == value => None,
                Some(g) => Some((g.row, g.value.shown(currency))),
            }
        };
        if let Some((first, other)) = conflict {
            let (number, label) = (d.number.clone(), f.label());
            if f == F::Email {
                // Never an email in a sentence.
                let message = format!("Order {number} has another email address here than on row {first}: the rows of one order must agree.");
                let params = [("order", number), ("field", f.value().to_string()), ("other_row", first.to_string())];
                self.problems.push(row_error_with(row, self.header(f), "order_rows_disagree", None, &message, &params));
                return;
            }
            let message = format!("Order {number} has {label} “{other}” on row {first} and “{text}” here: the rows of one order must agree.");
            let params = [("order", number), ("field", f.value().to_string()), ("other_row", first.to_string()), ("other_value", other)];
            self.problems.push(row_error_with(row, self.header(f), "order_rows_disagree", Some(text.into()), &message, &params));
        }
    }

    fn order(&mut self, d: Draft) -> Option<Order> {
        let row = d.row;
        let missing = |s: &mut Self, f: F| {
            let label = f.label();
            let number = &d.number;
            s.problems.push(row_error_with(row, s.header(f), "order_value_missing", None, &format!("This order has no {label} (on its first row)."), &[("order", number.clone()), ("field", f.value().into())]));
        };
        let created = d.created.as_ref().map(|g| g.value);
        let currency = d.currency.as_ref().map(|g| g.value);
        let amount = |i: usize| d.amounts[i].as_ref().map(|g| g.value);
        let subtotal = match self.plan.subtotal {
            SubtotalRule::AsWritten => amount(0),
            SubtotalRule::BeforeDiscount => amount(0).map(|s| (s - amount(1).unwrap_or(0)).max(0)),
            SubtotalRule::FromTotal => amount(0).or_else(|| amount(4).map(|t| (t - amount(2).unwrap_or(0) - amount(3).unwrap_or(0)).max(0))),
        };
        if created.is_none() {
            missing(self, F::CreatedAt);
        }
        if currency.is_none() && !d.currency_problem {
            missing(self, F::Currency);
        }
        if subtotal.is_none() && currency.is_some() {
            missing(self, if self.plan.subtotal == SubtotalRule::FromTotal { F::Total } else { F::Subtotal });
        }
        let (created, currency, subtotal) = (created?, currency?, subtotal?);
        let [_, discount, shipping, taxes, total, refunded] = d.amounts.map(|g| g.map(|g| g.value));
        let [utm_source, utm_medium, utm_campaign, utm_content, utm_term, landing_url, referring_site] = d.texts.map(|b| *b).unwrap_or_default().map(|g| g.map(|g| g.value));
        let mut utm = Utm { source: utm_source, medium: utm_medium, campaign: utm_campaign, content: utm_content, term: utm_term };
        if utm.is_empty() {
            if let Some(url) = &landing_url {
                utm = utm_from_url(url);
            }
        }
        Some(Order {
            source: self.source,
            number: d.number,
            row,
            created_at: created.at,
            created_at_utc: created.at.to_utc(),
            created_offset_assumed: created.offset_assumed,
            currency,
            subtotal,
            discount,
            shipping,
            taxes,
            total,
            refunded: refunded.unwrap_or(0),
            cancelled_at: d.cancelled.map(|g| g.value.at),
            financial_status: d.status.map_or(FinancialStatus::Unstated, |g| g.value),
            discount_codes: d.codes,
            utm,
            landing_url,
            referring_site,
            prices_include_tax: d.prices_include_tax.map(|g| g.value),
            customer: d.customer.map(|g| g.value),
            lines: d.lines,
        })
    }
}
