//! Post results files read into typed rows: the Instagram per-post export of Meta Business
//! Suite, recognised by its headers, or any other spreadsheet read with the person's choice of
//! columns (a TikTok or YouTube export, a creator's own sheet). Pure: bytes in, rows or
//! problems out; no workspace, no matching to deliverables.
//!
//! Contract:
//! - The file is read by the roster import's reader: UTF-8 with or without a mark,
//!   Windows-1252, UTF-16 with a mark; `,` `;` or tab; quoted cells holding separators, quotes
//!   and line breaks. A workbook, a file that is not text or an empty one is refused with that
//!   reader's codes (`workbook_not_csv`, `not_text`, `empty_file`, `not_csv…`).
//! - With a mapping ([`ResultsOptions::mapping`]) the file is read as it says, whatever its
//!   headers; else the headers say whether it is Meta's export ([`ResultsLayout`]), in any
//!   order, case and spacing ([`columns`]); else the person is asked to choose the columns
//!   (`results_mapping_needed`). A layout that lacks what it needs is refused with a code.
//! - Rows are numbered as a spreadsheet shows them: the header is row 1, a caption with line
//!   breaks is one row, a blank line is a row too; a row of blank cells is skipped.
//! - A count is `None` when its cell is empty or blank-like (`N/A`, `-`): not reported, which
//!   is not zero. Counts are read as [`crate::numbers::parse_count`] reads followers, in the
//!   file's spelling (the caller's, else Dutch for a `;` file, else unknown: `12.345` and
//!   `12,345` are both twelve thousand), never negative, never above 10^12 ([`cells`]).
//! - The publish time is a naive local date and time as written; dates with the year last are
//!   read in one [`DateOrder`] for the file, decided as [`cells`] says and reported
//!   ([`ResultsFile::date_order`], [`ResultsFile::date_order_assumed`]). The format is the
//!   workspace's [`ContentFormat`] where one fits, and the raw text always.
//! - All or nothing: every problem of the file comes back at once as
//!   [`Error::ImportRejected`], each at its row and column (the header as the file writes it)
//!   with a stable code and the value. A row whose cells do not stand under the header (too few,
//!   too many) is one problem, its cells unread. With [`ResultsOptions::skip_bad_rows`], the
//!   person's explicit choice as in the roster and affiliate imports
//!   ([`crate::roster::import::ImportOptions`]), the good rows come back and the bad ones are
//!   listed in [`ResultsFile::left_out`].

mod cells;
mod columns;

pub use cells::{DateOrder, Snapshot};
pub use columns::ResultField;

use crate::error::{Error, Result, RowError};
use crate::numbers::Spelling;
use crate::roster::import::layout::{read_cell, row_is_empty};
use crate::roster::import::mapping::{layout_error, quote_list};
use crate::roster::import::problems::{row_error, row_error_with};
use crate::roster::import::read::{self, clean_cell, Records};
use crate::roster::import::{group_problems, ColumnMapping, ProblemGroup};
use crate::roster::model::ContentFormat;
use crate::roster::validate::is_web_url;
use chrono::NaiveDateTime;
use columns::Plan;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The layout a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ResultsLayout {
    /// Meta Business Suite's export of Instagram posts, as from 2025: `Views`, `Reach`, ….
    InstagramMeta,
    /// The same export before 2025: `Impressions` and no `Views`.
    InstagramMetaBefore2025,
    /// Any file read with the person's [`ColumnMapping`].
    Mapped,
}

/// What the caller settles for a file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ResultsOptions {
    /// The person's choice of columns: header → [`ResultField`] value or label, `None` to leave
    /// the column out. With one, the file is read with it and columns not chosen are not read.
    pub mapping: Option<ColumnMapping>,
    /// How the file writes numbers, when the person says; else a `;` file is Dutch and others
    /// are read in either grouping.
    pub spelling: Option<Spelling>,
    /// How dates with the year last put day and month, when the person says.
    pub date_order: Option<DateOrder>,
    /// Give back the good rows and list the bad ones, instead of refusing the file.
    pub skip_bad_rows: bool,
}

/// A post's counts; `None` where the file has no such column or an empty cell.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub views: Option<i64>,
    pub reach: Option<i64>,
    pub impressions: Option<i64>,
    pub likes: Option<i64>,
    pub comments: Option<i64>,
    pub shares: Option<i64>,
    pub saves: Option<i64>,
    pub link_clicks: Option<i64>,
    pub profile_follows: Option<i64>,
    /// The account's followers when the post went up.
    pub followers: Option<i64>,
}

impl Counts {
    /// The count of a field; `None` also for a field that is not a count.
    pub fn get(&self, f: ResultField) -> Option<i64> {
        let mut copy = *self;
        copy.slot(f).and_then(|s| *s)
    }

    fn slot(&mut self, f: ResultField) -> Option<&mut Option<i64>> {
        Some(match f {
            ResultField::Views => &mut self.views,
            ResultField::Reach => &mut self.reach,
            ResultField::Impressions => &mut self.impressions,
            ResultField::Likes => &mut self.likes,
            ResultField::Comments => &mut self.comments,
            ResultField::Shares => &mut self.shares,
            ResultField::Saves => &mut self.saves,
            ResultField::LinkClicks => &mut self.link_clicks,
            ResultField::ProfileFollows => &mut self.profile_follows,
            ResultField::Followers => &mut self.followers,
            _ => return None,
        })
    }
}

/// One post's results as the file gives them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResultRow {
    /// The row in the file as a spreadsheet numbers it (the header is row 1).
    pub row: u64,
    pub permalink: Option<String>,
    pub post_id: Option<String>,
    /// The account's handle, without `@`.
    pub account: Option<String>,
    /// Local date and time as written; a day alone is its midnight (`published_time_given`).
    pub published_at: Option<NaiveDateTime>,
    pub published_time_given: bool,
    /// The workspace's format of the post type, when one fits.
    pub format: Option<ContentFormat>,
    /// The post type as written (`IG reel`), also when no format fits.
    pub format_raw: Option<String>,
    pub snapshot: Snapshot,
    /// The caption (Meta's `Description`), as written.
    pub caption: Option<String>,
    pub counts: Counts,
}

/// A column of the file and the field it was read as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResultsColumn {
    pub header: String,
    pub field: Option<ResultField>,
}

/// A results file read.
#[derive(Debug, Clone, Serialize)]
pub struct ResultsFile {
    pub file_name: String,
    pub layout: ResultsLayout,
    /// `UTF-8`, `Windows-1252`, `UTF-16LE` or `UTF-16BE`; and `,`, `;` or `tab`.
    pub encoding: &'static str,
    pub delimiter: &'static str,
    pub columns: Vec<ResultsColumn>,
    /// How dates with the year last were read; `date_order_assumed` when the file has such a
    /// date that reads two ways and neither the caller, the layout nor another date settled it.
    pub date_order: DateOrder,
    pub date_order_assumed: bool,
    /// Data rows read (rows of blank cells not counted).
    pub data_rows: u64,
    pub rows: Vec<ResultRow>,
    /// With [`ResultsOptions::skip_bad_rows`]: the problems of the rows left out (else empty),
    /// and the same grouped by kind.
    pub left_out: Vec<RowError>,
    pub left_out_groups: Vec<ProblemGroup>,
}

/// The layout the headers say, or `None` when none fits (then the file needs a mapping).
pub fn detect_layout(headers: &[String]) -> Option<ResultsLayout> {
    let has = |key: &str| headers.iter().any(|h| crate::roster::import::fields::normalise(h) == key);
    match columns::is_meta(headers) {
        true if !has("views") && has("impressions") => Some(ResultsLayout::InstagramMetaBefore2025),
        true => Some(ResultsLayout::InstagramMeta),
        false => None,
    }
}

/// Reads a results file (see the module's contract).
pub fn read_results(path: &Path, options: &ResultsOptions) -> Result<ResultsFile> {
    read_text(read::load(path)?, options)
}

/// [`read_results`] for bytes already in memory; `file_name` names the file in problems.
pub fn read_results_bytes(bytes: Vec<u8>, file_name: &str, options: &ResultsOptions) -> Result<ResultsFile> {
    read_text(read::decode(bytes, file_name.to_string())?, options)
}

fn read_text(text: read::Text, options: &ResultsOptions) -> Result<ResultsFile> {
    let file = text.file_name.clone();
    let mut records = Records::new(&text);
    let headers: Vec<String> = match records.next_record()? {
        Some(r) => r.cells.iter().map(|h| clean_cell(h).to_string()).collect(),
        None => return Err(layout_error(&file, "empty_file", &[], format!("{file} is empty: there is nothing to import."))),
    };
    if headers.iter().all(String::is_empty) {
        return Err(layout_error(&file, "results_no_header", &[], format!("{file} has no header row: its first row is empty. The first row should name the columns, such as Permalink, Views and Likes.")));
    }
    let (layout, plan) = match (&options.mapping, detect_layout(&headers)) {
        (Some(mapping), _) => (ResultsLayout::Mapped, columns::mapped_plan(&file, &headers, mapping)?),
        (None, Some(layout)) => (layout, columns::meta_plan(&file, &headers)?),
        (None, None) => {
            return Err(layout_error(
                &file,
                "results_mapping_needed",
                &[("columns", headers.join("\n"))],
                format!("Chorus does not recognise {file} as an Instagram export from Meta Business Suite. Choose which columns hold the link to the post, its publish time and the counts (views, likes, …). Its columns are {}.", quote_list(&headers)),
            ))
        }
    };
    let mut kept: Vec<(u64, csv::StringRecord)> = Vec::new();
    while let Some(r) = records.next_record()? {
        if !row_is_empty(r.cells) {
            kept.push((r.row, r.cells.clone()));
        }
    }
    if kept.is_empty() {
        return Err(layout_error(&file, "results_no_rows", &[], format!("{file} has a header row but no posts below it: there is nothing to import.")));
    }

    let date_columns: Vec<usize> = [ResultField::PublishTime, ResultField::SnapshotDate].iter().filter_map(|f| plan.column(*f)).collect();
    let date_cells = kept.iter().flat_map(|(_, cells)| date_columns.iter().filter_map(move |&c| cells.get(c)));
    let meta_order = (layout != ResultsLayout::Mapped).then_some(DateOrder::MonthFirst);
    let (order, date_order_assumed) = cells::decide_order(options.date_order, meta_order, date_cells);
    let spelling = options.spelling.unwrap_or(if text.delimiter == b';' { Spelling::Dutch } else { Spelling::Unknown });
    let named = headers.iter().rposition(|h| !h.is_empty()).map_or(0, |i| i + 1);
    let reading = Reading { plan: &plan, headers: &headers, named, spelling, order };

    let mut problems: Vec<RowError> = Vec::new();
    let mut rows = Vec::with_capacity(kept.len());
    for (row, cells) in &kept {
        if let Some(r) = reading.row(*row, cells, &mut problems) {
            rows.push(r);
        }
    }
    if !problems.is_empty() && !options.skip_bad_rows {
        return Err(Error::ImportRejected { file, problems });
    }
    Ok(ResultsFile {
        file_name: file,
        layout,
        encoding: text.encoding,
        delimiter: text.delimiter_name(),
        columns: headers.iter().enumerate().map(|(c, h)| ResultsColumn { header: h.clone(), field: plan.field_of(c) }).collect(),
        date_order: order,
        date_order_assumed,
        data_rows: kept.len() as u64,
        rows,
        left_out_groups: group_problems(&problems),
        left_out: problems,
    })
}

/// What reading a row needs.
struct Reading<'a> {
    plan: &'a Plan,
    headers: &'a [String],
    /// The columns up to the last one with a header: a row has at least these cells.
    named: usize,
    spelling: Spelling,
    order: DateOrder,
}

impl Reading<'_> {
    /// One row, or `None` when it has a problem (each pushed).
    fn row(&self, row: u64, cells: &csv::StringRecord, problems: &mut Vec<RowError>) -> Option<ResultRow> {
        let width = self.headers.len();
        if cells.len() < self.named {
            let message = format!("This row has {} cells where the header has {} columns. A caption may be missing its closing quote, or cells were left out.", cells.len(), self.named);
            problems.push(row_error_with(row, "", "too_few_cells", None, &message, &[("cells", cells.len().to_string()), ("columns", self.named.to_string())]));
            return None;
        }
        if cells.iter().skip(width).any(|c| !c.trim().is_empty()) {
            let message = format!("This row has more cells than the header has columns ({width}). A value with a separator in it may be missing its quotes.");
            problems.push(row_error(row, "", "too_many_cells", None, &message));
            return None;
        }
        let cell = |f: ResultField| self.plan.column(f).and_then(|c| cells.get(c)).map_or("", read_cell);
        let text = |f: ResultField| Some(cell(f).to_string()).filter(|t| !t.is_empty());
        // This row's problems with their columns, to be listed in the file's order of columns.
        let mut found: Vec<(usize, RowError)> = Vec::new();
        let mut problem = |f: ResultField, code: &'static str, message: String, params: &[(&'static str, String)]| {
            let c = self.plan.column(f).expect("a problem is in a column read");
            found.push((c, row_error_with(row, &self.headers[c], code, Some(cell(f).to_string()), &message, params)));
        };

        let permalink = text(ResultField::Permalink);
        if permalink.as_deref().is_some_and(|p| !is_web_url(p)) {
            problem(ResultField::Permalink, "results_bad_permalink", format!("“{}” is not a link to a post: a link starts with https://.", cell(ResultField::Permalink)), &[]);
        }
        let published = cell(ResultField::PublishTime);
        let (published_at, published_time_given) = match cells::read_moment(published, self.order) {
            Some((at, given)) => (Some(at), given),
            None if published.is_empty() => (None, false),
            None => {
                let (example, order) = match self.order {
                    DateOrder::DayFirst => ("25-03-2025 22:00", "day_first"),
                    DateOrder::MonthFirst => ("03/25/2025 22:00", "month_first"),
                };
                let message = format!("“{published}” is not a date and time Chorus can read, like {example} (this file’s dates are read {}).", order.replace('_', " "));
                problem(ResultField::PublishTime, "results_bad_publish_time", message, &[("order", order.to_string()), ("example", example.to_string())]);
                (None, false)
            }
        };
        let snapshot = cells::read_snapshot(cell(ResultField::SnapshotDate), self.order).unwrap_or_else(|| {
            let message = format!("“{}” is neither Lifetime nor a date: Chorus reads the totals since the post went up, or as of one day.", cell(ResultField::SnapshotDate));
            problem(ResultField::SnapshotDate, "results_bad_snapshot", message, &[]);
            Snapshot::NotStated
        });
        let mut counts = Counts::default();
        for f in ResultField::COUNTS {
            match cells::read_count(cell(f), self.spelling) {
                Ok(n) => *counts.slot(f).expect("a count field") = n,
                Err((code, message)) => problem(f, code, message, &[]),
            }
        }
        let post_id = text(ResultField::PostId);
        let account = text(ResultField::Account).map(|a| a.trim_start_matches('@').trim().to_string()).filter(|a| !a.is_empty());
        if permalink.is_none() && post_id.is_none() && !(account.is_some() && !published.is_empty()) {
            let message = "This row does not say which post it is about: it has no link to the post, no post ID, and no account with a publish time.";
            found.push((usize::MAX, row_error(row, "", "results_no_post", None, message)));
        }
        if !found.is_empty() {
            found.sort_by_key(|(c, _)| *c);
            problems.extend(found.into_iter().map(|(_, p)| p));
            return None;
        }
        let format_raw = text(ResultField::Format);
        Some(ResultRow {
            row,
            permalink,
            post_id,
            account,
            published_at,
            published_time_given,
            format: format_raw.as_deref().and_then(cells::read_format),
            format_raw,
            snapshot,
            caption: text(ResultField::Caption),
            counts,
        })
    }
}

#[cfg(test)]
mod tests;
