//! Reading a Shopify orders export of 1,000,000 orders (about 1.6M rows in the real 79-column
//! layout: three orders in five have a second line item) into orders, in memory, beside the
//! floor: the `csv` crate alone walking the same bytes record by record. Prints orders/s
//! against the target for the whole import (≥ 100,000 orders/s; the reader must be
//! well above it) and the ratio to the floor. A measurement, not a test: it never fails on a
//! miss.
//!
//! `cargo bench -p chorus-core --bench orders` runs the full size; `cargo test --all-targets`
//! runs a tiny one (2,000 orders) to keep it compiling and working. `CHORUS_BENCH_ORDERS=N`
//! sets the size.

use chorus_core::sales::orders::{self, ReadOptions};
use std::time::Instant;

const TARGET_ORDERS_PER_S: f64 = 100_000.0;

const HEADER: &str = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References";

/// A deterministic export of `n` orders: refunds, cancellations, one or two codes, a few
/// currencies, a second line item on three orders in five.
fn export(n: usize) -> Vec<u8> {
    use std::fmt::Write;
    let mut out = String::with_capacity(n * 420);
    out.push_str(HEADER);
    out.push('\n');
    let statuses = ["paid", "paid", "paid", "partially_refunded", "refunded", "pending", "voided"];
    for i in 0..n {
        let currency = if i % 50 == 0 { "USD" } else { "EUR" };
        let price = 995 + (i % 40) as i64 * 125;
        let two = i % 5 < 3;
        let subtotal = if two { price * 2 + 695 } else { price * 2 };
        let status = statuses[i % statuses.len()];
        let refunded = match status {
            "refunded" => subtotal,
            "partially_refunded" => price,
            _ => 0,
        };
        let code = match i % 4 {
            0 => String::new(),
            1 => format!("CREATOR{}", i % 20_000),
            2 => format!("\"CREATOR{}, WELCOME5\"", i % 20_000),
            _ => format!("creator{}", i % 20_000),
        };
        let cancelled = if status == "voided" { "2025-05-13 08:00:00 +0200" } else { "" };
        let (day, hour, minute) = (1 + i % 28, i % 24, i % 60);
        let created = format!("2025-05-{day:02} {hour:02}:{minute:02}:16 +0200");
        let m = |v: i64| format!("{}.{:02}", v / 100, v % 100);
        let _ = write!(
            out,
            "#{n},customer{c}@example.com,{status},{created},fulfilled,,no,{currency},{sub},4.95,{tax},{total},{code},0.00,PostNL,{created},2,Vitamine C serum 30ml,{price},,GS-SER-{sku},true,true,fulfilled,Anna de Vries,Keizersgracht 1,Keizersgracht 1,,,Amsterdam,'1012 AB,,NL,,Anna de Vries,Keizersgracht 1,Keizersgracht 1,,,Amsterdam,'1012 AB,,NL,,,,{cancelled},iDEAL,c{n}.1,{refunded},Groen Skincare,0.00,,,,{id},,Low,web,0.00,NL BTW 21%,{tax},,,,,,,,,,,,,,c{n}.1,,,c{n}.1\n",
            n = 1000 + i,
            c = i % 300_000,
            sub = m(subtotal),
            tax = m(subtotal * 21 / 121),
            total = m(subtotal + 495),
            price = m(price),
            sku = i % 40,
            refunded = m(refunded),
            id = 5_000_000 + i,
        );
        if two {
            let _ = write!(
                out,
                "#{n},customer{c}@example.com,,,,,,,,,,,,,,{created},1,Lipbalsem,6.95,,GS-LIP,true,true,fulfilled,,,,,,,,,,,,,,,,,,,,,,,,,,,Groen Skincare,,,,,,,,,0.00,,,,,,,,,,,,,,,,,,,\n",
                n = 1000 + i,
                c = i % 300_000,
            );
        }
    }
    out.into_bytes()
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let n: usize = std::env::var("CHORUS_BENCH_ORDERS").ok().and_then(|v| v.replace(['_', ','], "").parse().ok()).unwrap_or(if full { 1_000_000 } else { 2_000 });
    let bytes = export(n);
    let options = ReadOptions::new("bench-salt");

    let started = Instant::now();
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(&bytes[..]);
    let mut record = csv::StringRecord::new();
    let mut rows = 0u64;
    while reader.read_record(&mut record).expect("the generated export is CSV") {
        rows += 1;
    }
    let floor = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let file = orders::read_order_bytes(bytes.clone(), "bench.csv", &options).unwrap_or_else(|e| panic!("the generated export reads: {e}"));
    let took = started.elapsed().as_secs_f64();
    assert_eq!(file.orders.len(), n);
    assert_eq!(file.rows + 1, rows);

    let per_s = n as f64 / took;
    println!("orders bench: {n} orders, {} rows, {:.0} MB{}", rows - 1, bytes.len() as f64 / 1e6, if full { "" } else { " (the tiny run of cargo test: its figures are not the measurement)" });
    println!("  read into orders   {took:>8.3} s   {per_s:>12.0} orders/s   target ≥ {TARGET_ORDERS_PER_S:.0} ({})", if per_s >= TARGET_ORDERS_PER_S { "met" } else { "MISSED" });
    println!("  floor: csv alone   {floor:>8.3} s   {:>12.0} orders/s   reader / floor = {:.1}×", n as f64 / floor, took / floor);
}
