//! `chorus affiliates import`: an affiliate list brought into one campaign (all or nothing, or
//! the good rows with `--skip-bad-rows`); `--preview` shows what it would do and writes nothing.
//! Problems print grouped by kind, as the roster import prints them.

use crate::columns::{aligned, clip, Align};
use crate::output::write_error;
use chorus_core::roster::import::{ColumnMapping, ImportOptions};
use chorus_core::sales::affiliates::{self, AffiliateImport};
use chorus_core::workspace::Actor;
use chorus_core::words::counted;
use chorus_core::{Error, Result};
use std::io::Write;
use std::path::Path;

pub struct Flags {
    pub preview: bool,
    pub skip_bad_rows: bool,
    pub json: bool,
}

pub fn import(workspace: &Path, campaign: &str, csv: &Path, maps: &[String], flags: Flags) -> Result<()> {
    let result = import_or_preview(workspace, campaign, csv, maps, &flags);
    if let (Err(e), true) = (&result, flags.json) {
        crate::print_json(&e.to_payload())?;
    }
    result
}

fn import_or_preview(workspace: &Path, campaign: &str, csv: &Path, maps: &[String], flags: &Flags) -> Result<()> {
    // A file that cannot be read: the import itself says why.
    let headers = affiliates::headers(csv).unwrap_or_default();
    let mapping = mapping(maps, &headers)?;
    let report = if flags.preview {
        let ws = crate::open(workspace)?;
        let c = crate::campaigns::resolve(&ws, campaign)?;
        affiliates::preview(&ws, c.id, csv, &mapping)?
    } else {
        let mut ws = crate::workspace::open_for_work(workspace, Actor::Import)?;
        let c = crate::campaigns::resolve(&ws, campaign)?;
        let report = affiliates::run(&mut ws, c.id, csv, &mapping, ImportOptions { skip_bad_rows: flags.skip_bad_rows })?;
        crate::workspace::finish(ws);
        report
    };
    if flags.json {
        return crate::print_json(&report);
    }
    print(&report, flags.preview).map_err(write_error)
}

/// `--map` pairs: `FIELD=HEADER` (`--map code=Promo`), or the roster import's `HEADER=FIELD`:
/// whichever side is a column of the file is the header. `--map FIELD=` ignores nothing; a
/// header alone (`--map "Opmerking="`) ignores that column.
fn mapping(maps: &[String], headers: &[String]) -> Result<ColumnMapping> {
    let mut mapping = ColumnMapping::default();
    let is_header = |t: &str| headers.iter().any(|h| h.trim().eq_ignore_ascii_case(t.trim()));
    for m in maps {
        let (left, right) = m.split_once('=').ok_or_else(|| Error::BadFile(format!("--map “{m}” needs the form FIELD=HEADER, e.g. --map \"code=Promo\".")))?;
        let (header, field) = if is_header(right) && !is_header(left) { (right, left) } else { (left, right) };
        let field = Some(field.trim().to_string()).filter(|f| !f.is_empty());
        mapping.0.insert(header.trim().to_string(), field);
    }
    Ok(mapping)
}

fn print(r: &AffiliateImport, preview: bool) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    let c = &r.counts;
    if preview {
        writeln!(out, "{} → “{}”: {} rows, {}, separated by {}", r.file_name, clip(&r.campaign_name, 60), r.rows, r.encoding, r.delimiter)?;
        for col in &r.columns {
            writeln!(out, "  {:<28} → {}", clip(&col.header, 28), col.field.as_deref().unwrap_or("(ignored)"))?;
        }
    }
    let left_out = chorus_core::roster::import::rows_of(&r.problems).len() as u64;
    let verb = match (preview, left_out) {
        (true, _) => format!("Would import {} rows", r.rows),
        (false, 0) => format!("Imported {} rows", r.rows),
        (false, n) => format!("Imported {} of {} rows", r.rows - n, r.rows),
    };
    writeln!(
        out,
        "{verb}: creators {} new, {} matched; collaborations {} new, {} updated, {} unchanged; {} codes and {} commission rules set.",
        c.creators_new, c.creators_matched, c.collaborations_new, c.collaborations_updated, c.collaborations_unchanged, c.codes_set, c.rules_set
    )?;
    if preview && !r.lines.is_empty() {
        let mut rows = vec![["ROW", "CREATOR", "HANDLE", "CREATOR IS", "COLLABORATION", "CODE", "COMMISSION"].map(String::from).to_vec()];
        for l in r.lines.iter().take(50) {
            let collaboration = match l.status {
                Some(s) => format!("{} ({})", l.collaboration, s.as_str()),
                None => l.collaboration.to_string(),
            };
            rows.push(vec![l.row.to_string(), clip(&l.creator_name, 30), format!("{} @{}", l.platform.label(), clip(&l.handle, 30)), l.creator.into(), collaboration, l.code.clone(), clip(&l.rule, 40)]);
        }
        use Align::*;
        for line in aligned(&rows, &[Right, Left, Left, Left, Left, Left, Left], "  ") {
            writeln!(out, "{line}")?;
        }
        if r.lines.len() > 50 {
            writeln!(out, "  … and {} more rows (--json lists every one).", r.lines.len() - 50)?;
        }
    }
    if !r.problems.is_empty() {
        let what = if preview {
            format!("{} the import", counted(r.problems.len() as i64, "problem stops", "problems stop"))
        } else {
            format!("Left out {} with problems", counted(left_out as i64, "row", "rows"))
        };
        writeln!(out, "{what}:")?;
        crate::roster::print_groups(&r.groups, &mut out)?;
    }
    if r.orders_reattributed > 0 {
        writeln!(out, "{} orders attributed again with the new codes; {} commission lines booked.", r.orders_reattributed, r.booking.lines_added)?;
    }
    Ok(())
}
