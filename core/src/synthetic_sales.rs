//! Deterministic sales data for benchmarks and tests: discount codes for a workspace's
//! collaborations (as the affiliate import would give them), and a Shopify orders export in
//! the real 79-column layout (one row per line item, order columns on the first row only)
//! with codes of one creator, of two creators (the review queue), codes nobody holds, refunds,
//! cancellations and a foreign currency.

use crate::error::Result;
use crate::sales::codes::code_key;
use crate::Workspace;
use std::io::Write;
use std::path::Path;

/// The Shopify orders export's columns, as Shopify writes them today.
pub const SHOPIFY_HEADER: &str = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References";

/// Makes the first `count` collaborations (by id) affiliate deals holding a code `CREATOR<id>`,
/// running through 2025 (one in forty cancelled in June), with the rules they earn by (10 % for
/// the workspace, 12 % for every fifth collaboration); returns the codes in id order.
pub fn give_codes(ws: &mut Workspace, count: usize) -> Result<Vec<String>> {
    ws.write(|tx| {
        let ids: Vec<i64> = tx.prepare("SELECT id FROM collaborations ORDER BY id LIMIT ?1")?.query_map([count as i64], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        let mut set = tx.prepare(
            "UPDATE collaborations SET kind = 'affiliate', status = ?3, discount_code = ?2, discount_code_key = ?4,
                 starts_on = '2025-01-01', ends_on = '2025-12-31', updated_at = '2025-06-15T12:00:00Z' WHERE id = ?1",
        )?;
        let mut codes = Vec::with_capacity(ids.len());
        for (i, id) in ids.iter().enumerate() {
            let code = format!("CREATOR{id}");
            let status = if i % 40 == 39 { "cancelled" } else { "active" };
            set.execute(rusqlite::params![id, code, status, code_key(&code)])?;
            codes.push(code);
        }
        // What a program pays: 10 % by default, 12 % agreed with every fifth creator, so the
        // ledger books every attributed order and reads rules at two levels.
        tx.execute("INSERT INTO commission_rules (level, owner_id, rule, as_written, created_at, updated_at) VALUES ('workspace', NULL, 'percent:1000', '10%', 't', 't')", [])?;
        let mut rule = tx.prepare("INSERT INTO commission_rules (level, owner_id, rule, as_written, created_at, updated_at) VALUES ('collaboration', ?1, 'percent:1200', '12%', 't', 't')")?;
        for id in ids.iter().step_by(5) {
            rule.execute([id])?;
        }
        Ok(codes)
    })
}

/// What [`write_shopify_export`] wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportWritten {
    pub orders: u64,
    pub rows: u64,
    pub bytes: u64,
}

/// Writes a Shopify export of `orders` orders using `codes` (the creators' codes): of every
/// twenty orders, eight carry one creator's code, one two creators' codes, two a code nobody
/// holds (`WELCOME5`), the rest none; three in five have a second line item; refunds,
/// voided (cancelled) and pending orders among them; one in fifty is in USD. `step` moves the
/// export on in time: each step refunds a little more of some orders and cancels a few more
/// (for re-import benches); `0` is the first export.
pub fn write_shopify_export(path: &Path, orders: usize, codes: &[String], step: u32) -> Result<ExportWritten> {
    let file = std::fs::File::create(path).map_err(|e| crate::Error::io("write", path, e))?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
    let mut written = ExportWritten::default();
    let mut line = String::with_capacity(1024);
    let w = |out: &mut std::io::BufWriter<std::fs::File>, text: &str| out.write_all(text.as_bytes()).map_err(|e| crate::Error::io("write", path, e));
    line.push_str(SHOPIFY_HEADER);
    line.push('\n');
    w(&mut out, &line)?;
    written.bytes += line.len() as u64;
    let statuses = ["paid", "paid", "paid", "partially_refunded", "refunded", "pending", "voided", "paid", "paid", "authorized"];
    let code_of = |n: usize| if codes.is_empty() { "CREATOR0".to_string() } else { codes[n % codes.len()].clone() };
    for i in 0..orders {
        line.clear();
        let currency = if i % 50 == 0 { "USD" } else { "EUR" };
        let price = 995 + (i % 40) as i64 * 125;
        let two = i % 5 < 3;
        let subtotal = if two { price * 2 + 695 } else { price * 2 };
        let mut status = statuses[i % statuses.len()];
        if step > 0 && i % 97 < step as usize && status == "paid" {
            status = "partially_refunded";
        }
        let refunded = match status {
            "refunded" => subtotal,
            "partially_refunded" => price.min(subtotal),
            _ => 0,
        };
        let code = match i % 20 {
            0..=7 => code_of(i.wrapping_mul(7919)),
            8 => format!("\"{}, {}\"", code_of(i), code_of(i + 1)),
            9 | 10 => "WELCOME5".to_string(),
            _ => String::new(),
        };
        let cancelled = if status == "voided" || step > 1 && i % 1009 == 0 { "2025-05-29 08:00:00 +0200" } else { "" };
        let (day, hour, minute) = (1 + i % 28, i % 24, i % 60);
        let created = format!("2025-05-{day:02} {hour:02}:{minute:02}:16 +0200");
        let m = |v: i64| format!("{}.{:02}", v / 100, v % 100);
        use std::fmt::Write as _;
        let _ = writeln!(
            line,
            "#{n},customer{c}@example.com,{status},{created},fulfilled,,no,{currency},{sub},4.95,{tax},{total},{code},0.00,PostNL,{created},2,Vitamine C serum 30ml,{price},,GS-SER-{sku},true,true,fulfilled,Anna de Vries,Keizersgracht 1,Keizersgracht 1,,,Amsterdam,'1012 AB,,NL,,Anna de Vries,Keizersgracht 1,Keizersgracht 1,,,Amsterdam,'1012 AB,,NL,,,,{cancelled},iDEAL,c{n}.1,{refunded},Groen Skincare,0.00,,,,{id},,Low,web,0.00,NL BTW 21%,{tax},,,,,,,,,,,,,,c{n}.1,,,c{n}.1",
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
        written.rows += 1;
        if two {
            let _ = writeln!(
                line,
                "#{n},customer{c}@example.com,,,,,,,,,,,,,,{created},1,Lipbalsem,6.95,,GS-LIP,true,true,fulfilled,,,,,,,,,,,,,,,,,,,,,,,,,,,Groen Skincare,,,,,,,,,0.00,,,,,,,,,,,,,,,,,,,",
                n = 1000 + i,
                c = i % 300_000,
            );
            written.rows += 1;
        }
        w(&mut out, &line)?;
        written.bytes += line.len() as u64;
        written.orders += 1;
    }
    out.flush().map_err(|e| crate::Error::io("write", path, e))?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sales::orders::{read_orders, ReadOptions};

    #[test]
    fn the_generated_export_reads_as_shopify_with_every_kind_of_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("orders_export.csv");
        let codes: Vec<String> = (1..=30).map(|i| format!("CREATOR{i}")).collect();
        let written = write_shopify_export(&path, 200, &codes, 0).unwrap();
        let file = read_orders(&path, &ReadOptions::new("salt")).unwrap();
        assert_eq!((file.orders.len() as u64, file.rows), (written.orders, written.rows));
        assert_eq!(file.orders.iter().filter(|o| o.discount_codes.len() == 2).count(), 10);
        assert!(file.orders.iter().any(|o| o.refunded > 0) && file.orders.iter().any(|o| o.cancelled_at.is_some()));
        assert!(file.orders.iter().any(|o| o.currency.code() == "USD"));
        let later = dir.path().join("later.csv");
        write_shopify_export(&later, 200, &codes, 3).unwrap();
        let moved = read_orders(&later, &ReadOptions::new("salt")).unwrap();
        assert!(moved.orders.iter().zip(&file.orders).any(|(b, a)| b.refunded > a.refunded), "a later step refunds more");
        assert!(moved.orders.iter().zip(&file.orders).all(|(b, a)| b.refunded >= a.refunded), "and never less");
    }
}
