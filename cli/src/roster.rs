//! `chorus import`, `chorus export` and `chorus list`: creators in from CSV (all or nothing, or
//! the good rows with `--skip-bad-rows`), out to CSV (plain or Excel (Dutch)), and the roster
//! table with its search and filters. Problems print grouped by kind, one line each.

use crate::columns::clip;
use crate::output::write_error;
use chorus_core::roster::export::Dialect;
use chorus_core::roster::import::{self, display_text, ColumnMapping, ImportOptions, ProblemGroup};
use chorus_core::roster::{self, RosterQuery};
use chorus_core::workspace::Actor;
use chorus_core::{Error, Result};
use std::io::Write;
use std::path::Path;

/// What `chorus import` was asked to do besides the files and the columns.
pub struct ImportFlags {
    pub preview: bool,
    pub json: bool,
    pub skip_bad_rows: bool,
}

pub fn import(workspace: &Path, csv: &Path, maps: &[String], ignores: &[String], flags: ImportFlags) -> Result<()> {
    let result = import_or_preview(workspace, csv, maps, ignores, &flags);
    if let (Err(e), true) = (&result, flags.json) {
        // Scripts read the whole answer, every problem of a refused import included; the
        // one-line summary still goes to stderr.
        crate::print_json(&e.to_payload())?;
    }
    result
}

fn import_or_preview(workspace: &Path, csv: &Path, maps: &[String], ignores: &[String], flags: &ImportFlags) -> Result<()> {
    let mut mapping = ColumnMapping::default();
    for m in maps {
        let (header, field) = m.split_once('=').ok_or_else(|| Error::BadFile(format!("--map “{m}” needs the form HEADER=FIELD, e.g. --map \"Insta=instagram\".")))?;
        mapping.0.insert(header.trim().to_string(), Some(field.trim().to_string()));
    }
    for header in ignores {
        mapping.0.insert(header.trim().to_string(), None);
    }
    if flags.preview {
        let p = import::preview_with(csv, &mapping)?;
        if flags.json {
            return crate::print_json(&p);
        }
        print_preview(&p).map_err(write_error)?;
        return Ok(());
    }
    let mut ws = crate::workspace::open_for_work(workspace, Actor::Import)?;
    let outcome = import::run_with(&mut ws, csv, &mapping, ImportOptions { skip_bad_rows: flags.skip_bad_rows }, &mut |_| {})?;
    crate::workspace::finish(ws);
    if flags.json {
        return crate::print_json(&outcome);
    }
    let r = &outcome.report;
    let mut out = std::io::stdout().lock();
    let written = match &outcome.left_out {
        None => writeln!(out, "Imported {} rows: {} new, {} updated, {} unchanged.", r.rows, r.created, r.updated, r.unchanged),
        Some(left) => writeln!(out, "Imported {} of {} rows: {} new, {} updated, {} unchanged.", r.rows - left.rows, r.rows, r.created, r.updated, r.unchanged)
            .and_then(|_| writeln!(out, "Left out {} with problems; they are in {} to fix and import again:", rows(left.rows), left.file))
            .and_then(|_| print_groups(&left.groups, &mut out)),
    };
    written.map_err(write_error)
}

fn rows(n: u64) -> String {
    if n == 1 { "1 row".into() } else { format!("{n} rows") }
}

fn print_preview(p: &import::ImportPreview) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}: {} rows, {}, separated by {}", p.file_name, p.row_count, p.encoding, p.delimiter)?;
    for c in &p.columns {
        writeln!(out, "  {:<28} → {:<22} {}", clip(&c.header, 28), c.field.as_deref().unwrap_or("(ignored)"), c.samples.iter().map(|s| display_text(s, 30)).collect::<Vec<_>>().join(" | "))?;
    }
    if let Some(from) = &p.name_from {
        writeln!(out, "No name column: each new creator is named after their handle in ‘{from}’.")?;
    }
    let blank: u64 = p.columns.iter().filter(|c| c.field.is_some()).map(|c| c.blank_like).sum();
    if blank > 0 {
        let examples: Vec<String> = p.blank_like_examples.iter().map(|e| format!("“{e}”")).collect();
        writeln!(out, "{blank} {} such as {} {} read as empty.", if blank == 1 { "cell" } else { "cells" }, examples.join(", "), if blank == 1 { "is" } else { "are" })?;
    }
    Ok(())
}

/// The problems of an import grouped by kind, one line each, at most [`SHOWN_GROUPS`] of them.
pub fn print_groups(groups: &[ProblemGroup], out: &mut impl Write) -> std::io::Result<()> {
    for g in groups.iter().take(SHOWN_GROUPS) {
        writeln!(out, "  {}", g.describe())?;
    }
    if groups.len() > SHOWN_GROUPS {
        writeln!(out, "  … and {} more kinds of problems (--json lists every one).", groups.len() - SHOWN_GROUPS)?;
    }
    Ok(())
}

const SHOWN_GROUPS: usize = 30;

pub fn export(workspace: &Path, out: &Path, query: &RosterQuery, dialect: Dialect) -> Result<()> {
    let ws = crate::open(workspace)?;
    if out.as_os_str() == "-" {
        let stdout = std::io::stdout();
        chorus_core::roster::export::write_roster_csv_as(&ws, query, dialect, stdout.lock())?;
    } else {
        let rows = chorus_core::roster::export::export_roster_as(&ws, query, dialect, out)?;
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
