//! `chorus import`, `chorus export` and `chorus list`: creators in from CSV, out to CSV, and the
//! roster table with its search and filters.

use crate::columns::clip;
use chorus_core::roster::import::{self, ColumnMapping};
use chorus_core::roster::{self, RosterQuery};
use chorus_core::workspace::Actor;
use chorus_core::{Error, Result};
use std::io::Write;
use std::path::Path;

pub fn import(workspace: &Path, csv: &Path, maps: &[String], ignores: &[String], preview: bool, json: bool) -> Result<()> {
    let mut mapping = ColumnMapping::default();
    for m in maps {
        let (header, field) = m.split_once('=').ok_or_else(|| Error::BadFile(format!("--map “{m}” needs the form HEADER=FIELD, e.g. --map \"Insta=instagram\".")))?;
        mapping.0.insert(header.trim().to_string(), Some(field.trim().to_string()));
    }
    for header in ignores {
        mapping.0.insert(header.trim().to_string(), None);
    }
    if preview {
        let p = import::preview(csv)?;
        if json {
            return crate::print_json(&p);
        }
        println!("{}: {} rows, {}, separated by {}", p.file_name, p.row_count, p.encoding, p.delimiter);
        for c in &p.columns {
            let target = mapping.0.get(&c.header).cloned().unwrap_or_else(|| c.field.clone());
            println!("  {:<28} → {:<22} {}", c.header, target.unwrap_or_else(|| "(ignored)".into()), c.samples.join(" | "));
        }
        return Ok(());
    }
    let mut ws = crate::workspace::open_for_work(workspace, Actor::Import)?;
    let report = import::run(&mut ws, csv, &mapping, &mut |_| {})?;
    crate::workspace::finish(ws);
    if json {
        return crate::print_json(&report);
    }
    println!("Imported {} rows: {} new, {} updated, {} unchanged.", report.rows, report.created, report.updated, report.unchanged);
    Ok(())
}

pub fn export(workspace: &Path, out: &Path, query: &RosterQuery) -> Result<()> {
    let ws = crate::open(workspace)?;
    if out.as_os_str() == "-" {
        let stdout = std::io::stdout();
        chorus_core::roster::export::write_roster_csv(&ws, query, stdout.lock())?;
    } else {
        let rows = chorus_core::roster::export::export_roster(&ws, query, out)?;
        eprintln!("Exported {rows} creators to {}.", out.display());
    }
    Ok(())
}

pub fn list(workspace: &Path, query: RosterQuery, json: bool) -> Result<()> {
    let ws = crate::open(workspace)?;
    let page = roster::list(&ws, &query)?;
    if json {
        return crate::print_json(&page);
    }
    print_table(&page);
    Ok(())
}

fn print_table(page: &roster::RosterPage) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{:>7}  {:<28}  {:<28}  {:>10}  {:<8}  {:<11}  COUNTRY", "ID", "NAME", "TOP HANDLE", "FOLLOWERS", "TIER", "STAGE");
    for r in &page.rows {
        let handle = r.handles.first().map(|h| format!("{}:@{}", h.platform, h.handle)).unwrap_or_default();
        let _ = writeln!(
            out,
            "{:>7}  {:<28}  {:<28}  {:>10}  {:<8}  {:<11}  {}",
            r.id,
            clip(&r.display_name, 28),
            clip(&handle, 28),
            r.max_followers,
            r.tier.as_str(),
            r.stage.as_str(),
            r.country
        );
    }
    let shown = page.rows.len() as u64;
    let _ = writeln!(out, "{} of {} creators (from {})", shown, page.total, page.offset + if shown > 0 { 1 } else { 0 });
}
