//! The demo shop's orders: a Shopify orders export (the real 79-column layout, one row per line
//! item) of a few hundred orders over the last 75 days, made from the discount codes the demo's
//! collaborations hold, so that the demo's Sales screen is fed the way a user's is: through the
//! order import. Deterministic (a fixed seed; only the dates move with today).
//!
//! What it holds, on purpose: most orders carry the code of a collaboration whose window covers
//! the order; some carry an old code (expired), a code of a collaboration that has not started,
//! or a shop-wide code nobody holds (unknown); some carry no code; one carries the codes of two
//! creators (the review queue); about one in eleven is refunded in part or in full; one is
//! cancelled; three are paid in pounds by customers in the UK; the last day's are still pending;
//! customers come back (the first-order rule has something to tell). Prices include 21 % Dutch
//! VAT, as the shop's do; shipping is 4,95 below 40,00.

use crate::commissions::rules_store::{set_rule, RuleOwner};
use crate::error::Result;
use crate::numbers::Spelling;
use crate::sales::discount_codes::{set_discount_code, CodeChoice};
use crate::sales::order_import::{import_orders, OrderImportOptions};
use crate::synthetic::Rng;
use crate::workspace::Workspace;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rusqlite::Connection;

/// Where each demo campaign's tracking links lead (the shop is invented: `.example`).
const LANDING_PAGES: &[(&str, &str)] = &[
    ("Spring Glow", "https://shop.studiozon.example/spring-glow"),
    ("Zomer in de stad", "https://shop.studiozon.example/zomer?ref=creators"),
    ("Back to School", "https://shop.studiozon.example/school"),
    ("Zon Ambassadors", "https://shop.studiozon.example/ambassadors"),
];

/// What [`write`] added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct SalesWritten {
    pub codes: u64,
    pub orders: u64,
    pub commission_lines: u64,
}

/// The demo's selling side, as a person would set it up: landing pages, the codes and the
/// commission of the affiliate and hybrid collaborations (from their terms, `10% via NOOR10`),
/// weekly pound rates, and the shop's orders imported from its export.
pub(crate) fn write(ws: &mut Workspace, today: NaiveDate) -> Result<SalesWritten> {
    let mut written = SalesWritten::default();
    let campaigns: Vec<(i64, String)> = ws.conn().prepare("SELECT id, name FROM campaigns ORDER BY id")?.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    for (id, name) in campaigns {
        let Some((_, url)) = LANDING_PAGES.iter().find(|(prefix, _)| name.starts_with(prefix)) else { continue };
        let c = crate::campaigns::campaign::get(ws, id)?;
        let draft = crate::campaigns::CampaignDraft { landing_url: (*url).to_string(), ..c.draft.clone() };
        crate::campaigns::campaign::update(ws, id, c.revision, &draft)?;
    }
    let deals: Vec<(i64, String)> = ws
        .conn()
        .prepare("SELECT id, commission_terms FROM collaborations WHERE kind IN ('affiliate', 'hybrid') AND commission_terms LIKE '%via %' ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, terms) in deals {
        let (Some(percent), Some(code)) = (terms.split_whitespace().find(|w| w.ends_with('%')), terms.split("via ").nth(1).and_then(|rest| rest.split([' ', ',']).next())) else {
            continue;
        };
        let discount = percent_of(code) as u32 * 100;
        set_discount_code(ws, id, &CodeChoice::Typed(code.to_string()), Some(discount))?;
        set_rule(ws, RuleOwner::Collaboration(id), percent, Spelling::Dutch, "demo")?;
        written.codes += 1;
    }
    // The ECB's pound rate, once a week (about what it was in 2025).
    let mut day = today - Duration::days(DAYS + 7);
    let mut step = 0u32;
    while day <= today {
        let rate = format!("0.{}", 8550 + (step * 37) % 120);
        crate::commissions::rates_store::set_rate(ws, &day.to_string(), "EUR", "GBP", &rate, crate::numbers::Spelling::Unknown)?;
        day += Duration::days(7);
        step += 1;
    }
    // Two exports, as a shop owner brings them: one from before the refunds, then today's,
    // which moves the refunds and the cancellation forward and the ledger with them.
    for refunds_known in [false, true] {
        let export = shopify_export(ws.conn(), today, refunds_known)?;
        // A file of its own, removed when dropped (also when several demos are made at once).
        let mut file = tempfile::Builder::new().prefix("chorus-demo-orders-").suffix(".csv").tempfile().map_err(|e| crate::error::Error::io("create", std::env::temp_dir(), e))?;
        std::io::Write::write_all(&mut file, export.as_bytes()).map_err(|e| crate::error::Error::io("write", file.path(), e))?;
        let imported = import_orders(ws, file.path(), &OrderImportOptions::default());
        let report = imported?;
        written.orders += report.counts.new;
        written.commission_lines += report.booking.lines_added;
    }
    Ok(written)
}


/// The shop's products: SKU, name, price in cents (VAT included).
const PRODUCTS: &[(&str, &str, i64)] = &[
    ("ZON-SPF30-50", "Zonnebrand SPF 30, 50 ml", 1995),
    ("ZON-SPF50-STICK", "SPF 50 stick", 1495),
    ("ZON-AFTERSUN-200", "After-sun gel, 200 ml", 1750),
    ("ZON-LIP-SPF15", "Lippenbalsem SPF 15", 695),
    ("ZON-KIDS-SPF50", "Kids SPF 50, 100 ml", 2295),
    ("ZON-FLES", "De Zon-fles (herbruikbaar)", 2495),
    ("ZON-SET-REIS", "Reisset SPF 30", 3495),
];

const CITIES_NL: &[&str] = &["Amsterdam", "Utrecht", "Rotterdam", "Den Haag", "Haarlem", "Groningen", "Eindhoven", "Zwolle", "Leiden", "Antwerpen", "Gent"];
const CITIES_UK: &[&str] = &["London", "Bristol", "Manchester"];

/// Codes a shop has that no collaboration holds.
const SHOP_CODES: &[&str] = &["WELKOM10", "ZONNIG15"];

/// How many days back the orders start.
const DAYS: i64 = 75;

/// A collaboration's code and the days it counts on (start to end, as stored).
struct CodeWindow {
    code: String,
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
    creator_id: i64,
}

impl CodeWindow {
    fn covers(&self, day: NaiveDate) -> bool {
        self.starts_on.is_some_and(|s| s <= day) && self.ends_on.is_none_or(|e| day <= e)
    }
}

/// One order before it is written: its lines, code(s) and what happened to it.
struct DemoOrder {
    number: u32,
    day: NaiveDate,
    minute_of_day: u32,
    email: String,
    city: &'static str,
    uk: bool,
    lines: Vec<(usize, i64)>,
    codes: Vec<String>,
    percent: i64,
    refund: Refund,
    pending: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Refund {
    None,
    /// The last line was sent back.
    LastLine,
    Full,
    Cancelled,
}

/// The export, as Shopify would write it today, from the codes the workspace's collaborations
/// hold; `refunds_known: false` is an earlier export of the same orders, written before any
/// of them was refunded or cancelled.
pub(crate) fn shopify_export(conn: &Connection, today: NaiveDate, refunds_known: bool) -> Result<String> {
    let windows = code_windows(conn)?;
    let mut orders = plan(&windows, today);
    if !refunds_known {
        for order in &mut orders {
            order.refund = Refund::None;
        }
    }
    // Writing into memory cannot fail.
    let mut out = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let columns: Vec<&str> = crate::synthetic_sales::SHOPIFY_HEADER.split(',').collect();
    out.write_record(&columns).expect("writing into memory");
    for order in &orders {
        for row in rows_of(order) {
            let record: Vec<String> = columns.iter().map(|c| row.iter().find(|(k, _)| k == c).map(|(_, v)| v.clone()).unwrap_or_default()).collect();
            out.write_record(&record).expect("writing into memory");
        }
    }
    let bytes = out.into_inner().expect("writing into memory");
    Ok(String::from_utf8(bytes).expect("the demo writes UTF-8"))
}

fn code_windows(conn: &Connection) -> Result<Vec<CodeWindow>> {
    let mut stmt = conn.prepare(
        "SELECT discount_code, starts_on, ends_on, creator_id FROM collaborations WHERE discount_code <> '' ORDER BY id",
    )?;
    let day = |s: Option<String>| s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
    let rows = stmt.query_map([], |r| Ok(CodeWindow { code: r.get(0)?, starts_on: day(r.get(1)?), ends_on: day(r.get(2)?), creator_id: r.get(3)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The orders, oldest first, numbered from #1001.
fn plan(windows: &[CodeWindow], today: NaiveDate) -> Vec<DemoOrder> {
    let mut rng = Rng::new(0x5A1E_5000);
    let mut orders = Vec::new();
    let mut review_done = false;
    let mut cancelled_done = false;
    let mut uk_left = 3;
    for back in (0..DAYS).rev() {
        let day = today - Duration::days(back);
        let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
        let count = 2 + rng.below(if weekend { 4 } else { 3 });
        for _ in 0..count {
            let number = 1001 + orders.len() as u32;
            let live: Vec<&CodeWindow> = windows.iter().filter(|w| w.covers(day)).collect();
            let other: Vec<&CodeWindow> = windows.iter().filter(|w| !w.covers(day)).collect();
            let roll = rng.below(100);
            let mut codes: Vec<String> = match roll {
                0..=54 if !live.is_empty() => vec![live[rng.below(live.len() as u64) as usize].code.clone()],
                55..=60 if !other.is_empty() => vec![other[rng.below(other.len() as u64) as usize].code.clone()],
                61..=64 => vec![SHOP_CODES[rng.below(SHOP_CODES.len() as u64) as usize].to_string()],
                _ => Vec::new(),
            };
            // Once, about three weeks ago: a customer typed two creators' codes.
            if !review_done && back <= 21 {
                let mut creators: Vec<&CodeWindow> = Vec::new();
                for w in &live {
                    if !creators.iter().any(|c| c.creator_id == w.creator_id) {
                        creators.push(w);
                    }
                }
                if creators.len() >= 2 {
                    codes = vec![creators[0].code.clone(), creators[1].code.to_lowercase()];
                    review_done = true;
                }
            }
            let percent = codes.first().map(|c| percent_of(c)).unwrap_or(0);
            let uk = uk_left > 0 && back % 23 == 5 && !codes.is_empty();
            if uk {
                uk_left -= 1;
            }
            let n_lines = 1 + rng.below(3) as usize;
            let mut lines: Vec<(usize, i64)> = Vec::new();
            for _ in 0..n_lines {
                let p = rng.below(PRODUCTS.len() as u64) as usize;
                if !lines.iter().any(|(q, _)| *q == p) {
                    lines.push((p, 1 + i64::from(rng.below(10) == 0)));
                }
            }
            let refund = if !cancelled_done && back == 40 {
                cancelled_done = true;
                Refund::Cancelled
            } else if back >= 3 {
                match rng.below(100) {
                    0..=5 if lines.len() > 1 => Refund::LastLine,
                    6..=8 => Refund::Full,
                    _ => Refund::None,
                }
            } else {
                Refund::None
            };
            let customer = rng.below(180);
            orders.push(DemoOrder {
                number,
                day,
                minute_of_day: 7 * 60 + rng.below(16 * 60) as u32,
                email: format!("klant{customer}@example.nl"),
                city: if uk { CITIES_UK[rng.below(CITIES_UK.len() as u64) as usize] } else { CITIES_NL[rng.below(CITIES_NL.len() as u64) as usize] },
                uk,
                lines,
                codes,
                percent,
                refund,
                pending: back == 0 && rng.below(2) == 0,
            });
        }
    }
    orders
}

/// `FEMKE15` → 15; a code without a number gives 10.
fn percent_of(code: &str) -> i64 {
    let digits: String = code.chars().rev().take_while(char::is_ascii_digit).collect::<Vec<_>>().into_iter().rev().collect();
    digits.parse().ok().filter(|p| (1..=50).contains(p)).unwrap_or(10)
}

/// Cents as Shopify writes them: `19.95`.
fn amount(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// Amsterdam's offset on a day: summer time from the last Sunday of March to the last Sunday of October.
fn amsterdam_offset(day: NaiveDate) -> &'static str {
    let last_sunday = |month: u32| {
        let mut d = NaiveDate::from_ymd_opt(day.year(), month, 31).expect("March and October have 31 days");
        while d.weekday() != Weekday::Sun {
            d -= Duration::days(1);
        }
        d
    };
    if day >= last_sunday(3) && day < last_sunday(10) {
        "+0200"
    } else {
        "+0100"
    }
}

/// Pounds: the demo's rate, about what the ECB publishes (0.86 GBP per EUR).
fn in_pounds(euro_cents: i64) -> i64 {
    (euro_cents * 86 + 50) / 100
}

fn rows_of(o: &DemoOrder) -> Vec<Vec<(&'static str, String)>> {
    let price = |cents: i64| if o.uk { in_pounds(cents) } else { cents };
    let items: i64 = o.lines.iter().map(|(p, q)| price(PRODUCTS[*p].2) * q).sum();
    let discount = (items * o.percent + 50) / 100;
    let subtotal = items - discount;
    let shipping = if subtotal >= price(4000) { 0 } else { price(495) };
    let vat = |gross: i64| (gross * 21 + 60) / 121;
    let taxes = vat(subtotal) + vat(shipping);
    let total = subtotal + shipping;
    let refunded = match o.refund {
        Refund::None => 0,
        Refund::LastLine => {
            let (p, q) = o.lines[o.lines.len() - 1];
            let line = price(PRODUCTS[p].2) * q;
            line - (line * o.percent + 50) / 100
        }
        Refund::Full | Refund::Cancelled => total,
    };
    let status = match o.refund {
        _ if o.pending => "pending",
        Refund::None => "paid",
        Refund::LastLine => "partially_refunded",
        Refund::Full => "refunded",
        Refund::Cancelled => "voided",
    };
    let created = format!("{} {:02}:{:02}:{:02} {}", o.day, o.minute_of_day / 60, o.minute_of_day % 60, (o.number * 7) % 60, amsterdam_offset(o.day));
    let name = format!("#{}", o.number);
    let mut rows = Vec::new();
    for (i, (p, q)) in o.lines.iter().enumerate() {
        let (sku, product, cents) = PRODUCTS[*p];
        let mut row: Vec<(&'static str, String)> = vec![
            ("Name", name.clone()),
            ("Email", o.email.clone()),
            ("Created at", created.clone()),
            ("Lineitem quantity", q.to_string()),
            ("Lineitem name", product.to_string()),
            ("Lineitem price", amount(price(cents))),
            ("Lineitem sku", sku.to_string()),
            ("Lineitem requires shipping", "true".into()),
            ("Lineitem taxable", "true".into()),
            ("Lineitem fulfillment status", if o.pending || o.refund == Refund::Cancelled { "pending" } else { "fulfilled" }.into()),
            ("Vendor", "Studio Zon".into()),
            ("Lineitem discount", amount((price(cents) * q * o.percent + 50) / 100)),
        ];
        if i == 0 {
            row.extend([
                ("Financial Status", status.to_string()),
                ("Paid at", if o.pending { String::new() } else { created.clone() }),
                ("Fulfillment Status", if o.pending || o.refund == Refund::Cancelled { "unfulfilled" } else { "fulfilled" }.into()),
                ("Accepts Marketing", if o.number % 3 == 0 { "yes" } else { "no" }.into()),
                ("Currency", if o.uk { "GBP" } else { "EUR" }.into()),
                ("Subtotal", amount(subtotal)),
                ("Shipping", amount(shipping)),
                ("Taxes", amount(taxes)),
                ("Total", amount(total)),
                ("Discount Code", o.codes.join(", ")),
                ("Discount Amount", amount(discount)),
                ("Shipping Method", if o.uk { "Royal Mail" } else { "PostNL" }.into()),
                ("Billing City", o.city.to_string()),
                ("Billing Country", if o.uk { "GB" } else if matches!(o.city, "Antwerpen" | "Gent") { "BE" } else { "NL" }.into()),
                ("Cancelled at", if o.refund == Refund::Cancelled { format!("{} 18:12:40 {}", o.day + Duration::days(1), amsterdam_offset(o.day)) } else { String::new() }),
                ("Payment Method", if o.uk { "Shopify Payments" } else { "iDEAL" }.into()),
                ("Refunded Amount", amount(refunded)),
                ("Outstanding Balance", "0.00".into()),
                ("Id", (5_550_000_000u64 + u64::from(o.number) * 37).to_string()),
                ("Risk Level", "Low".into()),
                ("Source", "web".into()),
                ("Tax 1 Name", if o.uk { "UK VAT 20%" } else { "NL BTW 21%" }.into()),
                ("Tax 1 Value", amount(taxes)),
            ]);
        }
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sales::orders::{read_order_bytes, FinancialStatus, Format, ReadOptions};
    use crate::workspace::settings::Settings;
    use crate::Workspace;

    fn demo_with_codes() -> Workspace {
        let mut ws = Workspace::in_memory(&Settings::new(crate::demo::BRAND, "EUR", "nl-NL")).unwrap();
        crate::demo::fill(&mut ws).unwrap();
        ws
    }

    #[test]
    fn the_demo_export_is_a_shopify_export_the_reader_takes_whole() {
        let today = crate::campaigns::fields::local_today();
        let ws = demo_with_codes();
        let text = shopify_export(ws.conn(), today, true).unwrap();
        let file = read_order_bytes(text.into_bytes(), "demo-orders.csv", &ReadOptions::new("salt")).unwrap();
        assert_eq!(file.format, Format::Shopify);
        let orders = &file.orders;
        assert!((200..=400).contains(&orders.len()), "a few hundred orders: {}", orders.len());
        assert!(file.rows > orders.len() as u64, "orders with several lines take several rows");
        let with = |f: &dyn Fn(&crate::sales::orders::Order) -> bool| orders.iter().filter(|o| f(o)).count();
        assert_eq!(with(&|o| o.discount_codes.len() == 2), 1, "one order for the review queue");
        assert_eq!(with(&|o| o.cancelled_at.is_some()), 1, "one cancelled order");
        assert_eq!(with(&|o| o.currency.code() == "GBP"), 3, "three orders in pounds");
        assert!(with(&|o| o.financial_status == FinancialStatus::PartiallyRefunded && o.refunded > 0) >= 3);
        assert!(with(&|o| o.financial_status == FinancialStatus::Refunded && o.refunded == o.total.unwrap()) >= 3);
        assert!(with(&|o| o.discount_codes.iter().any(|c| SHOP_CODES.contains(&c.as_str()))) >= 3, "shop codes nobody holds");
        assert!(with(&|o| o.discount_codes.is_empty()) >= 50, "orders without a code");
        let customers: std::collections::HashSet<_> = orders.iter().filter_map(|o| o.customer.clone()).collect();
        assert!(customers.len() < orders.len(), "customers come back");
        let first = orders.first().unwrap().created_at.date_naive();
        let last = orders.last().unwrap().created_at.date_naive();
        assert_eq!((first, last), (today - Duration::days(DAYS - 1), today));
        for o in orders {
            let items: i64 = o.lines.iter().map(|l| l.unit_price.unwrap() * l.quantity).sum();
            assert_eq!(o.subtotal, items - o.discount.unwrap(), "order {}: subtotal = items − discount", o.number);
            assert_eq!(o.total.unwrap(), o.subtotal + o.shipping.unwrap(), "order {}: prices include tax", o.number);
        }
    }

    #[test]
    fn the_demo_export_is_the_same_every_time_but_for_its_dates() {
        let today = crate::campaigns::fields::local_today();
        let ws = demo_with_codes();
        assert_eq!(shopify_export(ws.conn(), today, true).unwrap(), shopify_export(ws.conn(), today, true).unwrap());
    }

    #[test]
    fn the_demo_sells_codes_books_refunds_as_new_lines_and_leaves_one_order_for_review() {
        let ws = demo_with_codes();
        let one = |sql: &str| -> i64 { ws.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
        assert!(one("SELECT count(*) FROM collaborations WHERE discount_code <> ''") >= 8, "every affiliate and hybrid deal has its code");
        assert!(one("SELECT count(*) FROM campaigns WHERE landing_url LIKE 'https://shop.studiozon.example/%'") >= 4);
        assert_eq!(one("SELECT count(*) FROM orders WHERE attribution = 'review'"), 1);
        assert!(one("SELECT count(*) FROM orders WHERE attribution = 'attributed'") >= 80);
        for reason in ["no_code", "unknown_code", "expired", "not_started"] {
            assert!(one(&format!("SELECT count(*) FROM orders WHERE attribution_reason = '{reason}'")) > 0, "an order unattributed as {reason}");
        }
        assert!(one("SELECT count(*) FROM commission_lines WHERE kind = 'adjustment' AND reason IN ('refund', 'cancelled') AND amount_minor < 0") >= 3, "refunds after the first export are negative lines");
        assert!(one("SELECT count(*) FROM commission_lines WHERE order_currency = 'GBP' AND fx_rate_units IS NOT NULL") >= 1, "a pound order converted at a rate shown on its line");
        assert_eq!(one("SELECT count(*) FROM orders WHERE waiting_code <> ''"), 0, "nothing waits: every rate and rule is there");
        // Per order and collaboration, the lines sum to what the order earns now: never below zero.
        assert_eq!(one("SELECT count(*) FROM (SELECT sum(amount_minor) s FROM commission_lines GROUP BY order_id, collaboration_id HAVING s < 0)"), 0);
    }

    #[test]
    fn summer_time_in_amsterdam_runs_from_the_last_sunday_of_march_to_the_last_sunday_of_october() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        assert_eq!(amsterdam_offset(day(3, 28)), "+0100");
        assert_eq!(amsterdam_offset(day(3, 29)), "+0200");
        assert_eq!(amsterdam_offset(day(10, 24)), "+0200");
        assert_eq!(amsterdam_offset(day(10, 25)), "+0100");
    }
}
