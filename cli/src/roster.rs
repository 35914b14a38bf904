//! `chorus import`, `chorus export` and `chorus list`: creators in from CSV, out to CSV, and the
//! roster table with its search and filters.

use crate::columns::clip;
use crate::output::{self, write_error};
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
        let mut out = std::io::stdout().lock();
        writeln!(out, "{}: {} rows, {}, separated by {}", p.file_name, p.row_count, p.encoding, p.delimiter).map_err(write_error)?;
        for c in &p.columns {
            let target = mapping.0.get(&c.header).cloned().unwrap_or_else(|| c.field.clone());
            writeln!(out, "  {:<28} → {:<22} {}", c.header, target.unwrap_or_else(|| "(ignored)".into()), c.samples.join(" | ")).map_err(write_error)?;
        }
        return Ok(());
    }
    let mut ws = crate::open(workspace)?;
    ws.set_actor(Actor::Import);
    let report = import::run(&mut ws, csv, &mapping, &mut |_| {})?;
    if json {
        return crate::print_json(&report);
    }
    output::line(format_args!("Imported {} rows: {} new, {} updated, {} unchanged.", report.rows, report.created, report.updated, report.unchanged))
}

pub fn export(workspace: &Path, out: &Path, query: &RosterQuery) -> Result<()> {
    let ws = crate::open(workspace)?;
    if out.as_os_str() == "-" {
        let stdout = std::io::stdout();
        chorus_core::roster::export::write_roster_csv(&ws, query, stdout.lock())?;
    } else {
        let rows = chorus_core::roster::export::export_roster(&ws, query, out)?;
        crate::tell(format!("Exported {rows} creators to {}.", out.display()));
    }
    Ok(())
}

pub fn list(workspace: &Path, query: RosterQuery, json: bool) -> Result<()> {
    let ws = crate::open(workspace)?;
    let page = roster::list(&ws, &query)?;
    if json {
        return crate::print_json(&page);
    }
    print_table(&page)
}

fn print_table(page: &roster::RosterPage) -> Result<()> {
    let mut out = std::io::stdout().lock();
    if !page.rows.is_empty() {
        writeln!(out, "{:>7}  {:<28}  {:<28}  {:>10}  {:<8}  {:<11}  COUNTRY", "ID", "NAME", "TOP HANDLE", "FOLLOWERS", "TIER", "STAGE").map_err(write_error)?;
    }
    for r in &page.rows {
        let handle = r.handles.first().map(|h| format!("{}:@{}", h.platform, h.handle)).unwrap_or_default();
        writeln!(
            out,
            "{:>7}  {:<28}  {:<28}  {:>10}  {:<8}  {:<11}  {}",
            r.id,
            clip(&r.display_name, 28),
            clip(&handle, 28),
            r.max_followers,
            r.tier.as_str(),
            r.stage.as_str(),
            r.country
        )
        .map_err(write_error)?;
    }
    writeln!(out, "{}", footer(page.total, page.offset, page.rows.len() as u64)).map_err(write_error)
}

/// The line under the list: "Creators 51–100 of 240", "3 creators", "No creators match.".
fn footer(total: u64, offset: u32, shown: u64) -> String {
    let creators = |n: u64| if n == 1 { "1 creator".to_string() } else { format!("{n} creators") };
    match (total, shown) {
        (0, _) => "No creators match.".to_string(),
        (_, 0) => format!("No creators from number {} on; {} in all.", u64::from(offset) + 1, creators(total)),
        (total, shown) if shown == total => creators(total),
        (total, shown) => format!("Creators {}–{} of {total}", u64::from(offset) + 1, u64::from(offset) + shown),
    }
}

#[cfg(test)]
mod tests {
    use super::footer;

    #[test]
    fn the_footer_reads_well_for_any_page() {
        assert_eq!(footer(0, 0, 0), "No creators match.");
        assert_eq!(footer(1, 0, 1), "1 creator");
        assert_eq!(footer(53, 0, 53), "53 creators");
        assert_eq!(footer(240, 50, 50), "Creators 51–100 of 240");
        assert_eq!(footer(240, 200, 40), "Creators 201–240 of 240");
        assert_eq!(footer(240, 300, 0), "No creators from number 301 on; 240 creators in all.");
        assert_eq!(footer(1, 5, 0), "No creators from number 6 on; 1 creator in all.");
    }
}
