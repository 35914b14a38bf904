//! `chorus orders import <ws> <file>`: what the import would do (`--preview`) or did, in a few
//! lines (or `--json`); a refused file prints its problems grouped by kind, as `chorus import` does.

use crate::output::write_error;
use chorus_core::sales::order_import::{self, OrderImportOptions, OrderPreview};
use chorus_core::sales::orders::{OrderField, OrderMapping, Source};
use chorus_core::workspace::Actor;
use chorus_core::{Error, Result};
use std::io::Write;
use std::path::Path;

pub fn parse_source(text: &str) -> std::result::Result<Source, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "shopify" => Ok(Source::Shopify),
        "woocommerce" | "woo" => Ok(Source::Woocommerce),
        "csv" => Ok(Source::Csv),
        other => Err(format!("“{other}” is not a shop: use shopify, woocommerce or csv")),
    }
}

/// `--map` pairs as HEADER=FIELD; a pair written FIELD=HEADER (its left side an order field,
/// its right side not) is turned round.
pub fn mapping(maps: &[String]) -> Result<Option<OrderMapping>> {
    if maps.is_empty() {
        return Ok(None);
    }
    let mut pairs = Vec::new();
    for m in maps {
        let (left, right) = m.split_once('=').ok_or_else(|| Error::BadFile(format!("--map “{m}” needs the form HEADER=FIELD, e.g. --map \"Bestelnummer=order_number\".")))?;
        let (left, right) = (left.trim(), right.trim());
        let turned = OrderField::from_value(left).is_some() && OrderField::from_value(right).is_none();
        pairs.push(if turned { format!("{right}={left}") } else { format!("{left}={right}") });
    }
    Ok(Some(OrderMapping::from_pairs(pairs.iter().map(String::as_str))))
}

pub fn run(workspace: &Path, file: &Path, source: Option<Source>, maps: &[String], preview: bool, json: bool) -> Result<()> {
    let result = import_or_preview(workspace, file, source, maps, preview, json);
    if let (Err(e), true) = (&result, json) {
        crate::print_json(&e.to_payload())?;
    }
    result
}

fn import_or_preview(workspace: &Path, file: &Path, source: Option<Source>, maps: &[String], preview: bool, json: bool) -> Result<()> {
    let options = OrderImportOptions { source, mapping: mapping(maps)? };
    if preview {
        let ws = crate::open(workspace)?;
        let p = order_import::preview_orders(ws.conn(), file, &options)?;
        if json {
            return crate::print_json(&p);
        }
        return print(&p, true, None).map_err(write_error);
    }
    let mut ws = crate::workspace::open_for_work(workspace, Actor::Import)?;
    let report = order_import::import_orders(&mut ws, file, &options)?;
    crate::workspace::finish(ws);
    if json {
        return crate::print_json(&report);
    }
    print(&report.counts, false, Some(report.booking.lines_added)).map_err(write_error)
}

fn print(p: &OrderPreview, preview: bool, booked: Option<u64>) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    let verb = if preview { "Would import" } else { "Imported" };
    writeln!(out, "{}: {:?} export, {} rows, {} orders, {}", p.file_name, p.format, p.rows, p.orders, p.encoding)?;
    writeln!(out, "{verb} {} new, {} changed, {} unchanged.", p.new, p.changed, p.unchanged)?;
    if p.changed > 0 {
        writeln!(out, "  Moved forward: {} refunds, {} cancellations, {} statuses.", p.moves.refunds, p.moves.cancellations, p.moves.statuses)?;
    }
    if p.older > 0 {
        writeln!(out, "  {} orders are older in this file than in the workspace and were kept as stored: {}{}", p.older, p.older_examples.join(", "), if p.older > p.older_examples.len() as u64 { ", …" } else { "" })?;
    }
    if p.new > 0 {
        let a = &p.attribution;
        let why: Vec<String> = a.unattributed.iter().map(|(reason, n)| format!("{n} {}", reason.replace('_', " "))).collect();
        writeln!(out, "  New orders: {} attributed, {} to review (codes of two creators), {} unattributed{}.", a.attributed, a.review, a.unattributed.values().sum::<u64>(), if why.is_empty() { String::new() } else { format!(" ({})", why.join(", ")) })?;
    }
    if let Some(lines) = booked {
        writeln!(out, "  Commission lines booked: {lines}.")?;
    }
    Ok(())
}
