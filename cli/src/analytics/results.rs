//! `chorus results import <ws> <file>`: a results file matched to the published posts, what it
//! would do (`--preview`) or did, with the rows still to assign; `chorus results list <ws>
//! <campaign>`: the campaign's published posts with their newest counts.

use crate::columns::{aligned, Align};
use crate::output::write_error;
use chorus_core::analytics::results::import::{import_results, preview_results, ResultsImportOptions, ResultsPreview, Unmatched};
use chorus_core::analytics::results::{campaign_grid, GridRow};
use chorus_core::roster::import::{display_text, ColumnMapping};
use chorus_core::workspace::Actor;
use chorus_core::{Error, Result};
use clap::Subcommand;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Subcommand, Debug)]
pub enum ResultsAction {
    /// Import post results: Meta Business Suite's Instagram export is recognised by its
    /// headers; any other sheet needs --map (HEADER=FIELD: permalink, post_id, account,
    /// publish_time, snapshot_date, views, reach, impressions, likes, comments, shares, saves,
    /// link_clicks, profile_follows, followers).
    Import {
        workspace: PathBuf,
        file: PathBuf,
        /// Say what the import would do and list the rows to assign; write nothing.
        #[arg(long)]
        preview: bool,
        /// HEADER=FIELD, e.g. --map "Post URL=permalink"; may be given several times.
        #[arg(long = "map", value_name = "HEADER=FIELD")]
        maps: Vec<String>,
        /// ROW=DELIVERABLE: the post a row is the results of (row as the spreadsheet numbers it,
        /// the deliverable's id as `results list` shows it).
        #[arg(long = "assign", value_name = "ROW=DELIVERABLE")]
        assigns: Vec<String>,
        /// Import the matched rows and leave the rows that match no post out.
        #[arg(long)]
        leave_unmatched: bool,
        /// Leave the rows with problems out (listed) instead of refusing the file.
        #[arg(long)]
        skip_bad_rows: bool,
        #[arg(long)]
        json: bool,
    },
    /// A campaign's published posts with their newest counts.
    List {
        workspace: PathBuf,
        /// The campaign: its id, UTM slug or name.
        campaign: String,
        #[arg(long)]
        json: bool,
    },
}

impl ResultsAction {
    pub fn workspace(&self) -> &Path {
        match self {
            ResultsAction::Import { workspace, .. } | ResultsAction::List { workspace, .. } => workspace,
        }
    }
}

pub fn run(action: ResultsAction) -> Result<()> {
    match action {
        ResultsAction::Import { workspace, file, preview, maps, assigns, leave_unmatched, skip_bad_rows, json } => {
            let result = import(&workspace, &file, preview, &maps, &assigns, leave_unmatched, skip_bad_rows, json);
            if let (Err(e), true) = (&result, json) {
                crate::print_json(&e.to_payload())?;
            }
            result
        }
        ResultsAction::List { workspace, campaign, json } => {
            let ws = crate::open(&workspace)?;
            let campaign = crate::campaigns::resolve(&ws, &campaign)?;
            let grid = campaign_grid(ws.conn(), campaign.id)?;
            if json {
                return crate::print_json(&grid);
            }
            print_grid(&campaign.name, &grid).map_err(write_error)
        }
    }
}

fn options(maps: &[String], assigns: &[String], leave_unmatched: bool, skip_bad_rows: bool) -> Result<ResultsImportOptions> {
    let mut options = ResultsImportOptions { leave_unmatched, ..Default::default() };
    options.read.skip_bad_rows = skip_bad_rows;
    if !maps.is_empty() {
        let mut mapping = ColumnMapping::default();
        for m in maps {
            let (header, field) = m.split_once('=').ok_or_else(|| Error::BadFile(format!("--map “{m}” needs the form HEADER=FIELD, e.g. --map \"Post URL=permalink\".")))?;
            mapping.0.insert(header.trim().to_string(), Some(field.trim().to_string()));
        }
        options.read.mapping = Some(mapping);
    }
    for a in assigns {
        let bad = || Error::BadFile(format!("--assign “{a}” needs the form ROW=DELIVERABLE with two numbers, e.g. --assign 7=42."));
        let (row, deliverable) = a.split_once('=').ok_or_else(bad)?;
        let (row, deliverable) = (row.trim().parse::<u64>().map_err(|_| bad())?, deliverable.trim().parse::<i64>().map_err(|_| bad())?);
        options.assignments.insert(row, deliverable);
    }
    Ok(options)
}

#[allow(clippy::too_many_arguments)]
fn import(workspace: &Path, file: &Path, preview: bool, maps: &[String], assigns: &[String], leave_unmatched: bool, skip_bad_rows: bool, json: bool) -> Result<()> {
    let options = options(maps, assigns, leave_unmatched, skip_bad_rows)?;
    if preview {
        let ws = crate::open(workspace)?;
        let p = preview_results(ws.conn(), file, &options)?;
        if json {
            return crate::print_json(&p);
        }
        return print(&p, None).map_err(write_error);
    }
    let mut ws = crate::workspace::open_for_work(workspace, Actor::Import)?;
    let report = import_results(&mut ws, file, &options)?;
    crate::workspace::finish(ws);
    if json {
        return crate::print_json(&report);
    }
    print(&report.preview, Some((report.written, report.left_unmatched))).map_err(write_error)
}

fn print(p: &ResultsPreview, done: Option<(u64, u64)>) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    let m = &p.matched;
    let file = display_text(&p.file_name, 120);
    match done {
        None => writeln!(out, "Would import {file}: {} rows; {} new snapshots, {} replaced, {} unchanged.", p.data_rows, p.new_snapshots, p.replaced, p.unchanged)?,
        Some((written, left)) => {
            writeln!(out, "Imported {file}: {written} snapshots written ({} new, {} replaced), {} unchanged.", p.new_snapshots, p.replaced, p.unchanged)?;
            if left > 0 {
                writeln!(out, "  {left} rows matched no post and were left out, as asked.")?;
            }
        }
    }
    writeln!(out, "  Matched by Post ID {}, by link {}, by account and day {}, by your choice {}.", m.post_id, m.permalink, m.account_and_day, m.assigned)?;
    if !p.unmatched.is_empty() && done.is_none() {
        writeln!(out, "  {} rows match no single post; choose with --assign ROW=DELIVERABLE, or --leave-unmatched:", p.unmatched.len())?;
        for u in &p.unmatched {
            let what = u.permalink.as_deref().or(u.account.as_deref()).map(|t| display_text(t, 80)).unwrap_or_default();
            let why = match u.why {
                Unmatched::NoPost => "no post",
                Unmatched::SeveralPosts => "several posts",
            };
            let could: Vec<String> = u.candidates.iter().take(5).map(|c| format!("{} ({}, {})", c.deliverable_id, display_text(&c.creator, 40), c.published_at.as_deref().unwrap_or("—"))).collect();
            let could = if could.is_empty() { String::new() } else { format!("; could be {}", could.join(", ")) };
            writeln!(out, "    row {}: {what}: {why}{could}", u.row)?;
        }
    }
    if !p.left_out.is_empty() {
        writeln!(out, "  {} rows with problems left out:", p.left_out.len())?;
        for e in p.left_out.iter().take(20) {
            writeln!(out, "    row {}: {}", e.row, e.message)?;
        }
    }
    Ok(())
}

fn count(n: Option<i64>) -> String {
    n.map_or_else(|| "—".to_string(), |n| n.to_string())
}

fn print_grid(campaign: &str, grid: &[GridRow]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}: {} published posts", display_text(campaign, 80), grid.len())?;
    let mut rows = vec![["Post", "Creator", "Published", "Counted on", "Views", "Reach", "Likes", "Comments", "Shares", "Saves", "Followers"].map(String::from).to_vec()];
    for g in grid {
        let s = g.latest.as_ref();
        let c = s.map(|s| s.counts);
        rows.push(vec![
            g.deliverable_id.to_string(),
            display_text(&g.creator, 40),
            g.published_at.clone().unwrap_or_default().replace('T', " "),
            s.map_or_else(|| "no results yet".to_string(), |s| s.taken_on.clone()),
            count(c.and_then(|c| c.views)),
            count(c.and_then(|c| c.reach)),
            count(c.and_then(|c| c.likes)),
            count(c.and_then(|c| c.comments)),
            count(c.and_then(|c| c.shares)),
            count(c.and_then(|c| c.saves)),
            count(c.and_then(|c| c.followers_at_post)),
        ]);
    }
    let align = [Align::Right, Align::Left, Align::Left, Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right];
    for line in aligned(&rows, &align, "  ") {
        writeln!(out, "{line}")?;
    }
    Ok(())
}
