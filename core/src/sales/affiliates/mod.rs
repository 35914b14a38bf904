//! Bringing the program a brand already has: an affiliate list (CSV, as affiliate tools and
//! spreadsheets export it) imported into one campaign.
//!
//! Contract:
//! - The file is read as the roster import reads CSV (UTF-8 with or without a byte-order mark,
//!   Windows-1252, UTF-16 with a mark; `,` `;` or tab; quoted cells; Dutch Excel's decimal
//!   commas and `dd-mm-yyyy` dates); columns are matched by header name in English, Dutch and
//!   other tools' words ([`columns`]), with the person's choices ([`ColumnMapping`]).
//! - Each row is an affiliate: name (or first + last name), email, platform and handle (or a
//!   profile link), code, commission as people write it (`10%`, `€ 5,00 per order`, `5 euro
//!   per bestelling`), start and end ([`rows`]).
//! - Creators are matched on platform + handle, as the roster import matches them; an unknown
//!   one is created (with the roster's checks and audit line). A matched creator's details are
//!   left as they are: the roster import is for those.
//! - A creator new to the campaign gets an affiliate collaboration: active, agreed when its start
//!   lies ahead, completed when its end has passed. One already in it (affiliate or hybrid) is
//!   updated: its dates, code and commission rule (level collaboration) where the row gives
//!   them; an empty cell never erases anything. Every change has its audit line.
//! - [`preview`] works everything out and writes nothing: the counts, each row's plan and every
//!   problem at its row and column with a code. [`run`] is all or nothing: any problem refuses
//!   the whole file ([`Error::ImportRejected`]) unless the person chose to leave the bad rows
//!   out ([`ImportOptions::skip_bad_rows`]; they are listed). Importing the same file again
//!   changes nothing: no row, no audit line.
//! - In the same transaction, the orders carrying a code that changed are attributed again and
//!   booked (the attribution and the ledger).

mod columns;
mod plan;
mod rows;
mod write;

use crate::campaigns::CollaborationStatus;
use crate::commissions::ledger::Booking;
use crate::error::{Error, Result, RowError};
use crate::roster::import::{group_problems, layout_error, read, ColumnMapping, ImportOptions, ProblemGroup};
use crate::roster::model::Platform;
use crate::workspace::{now_utc, settings, Workspace};
use columns::{AffiliateField, Columns};
use rusqlite::Connection;
use serde::Serialize;
use std::path::Path;

/// What an affiliate list does (a preview) or did (an import) to a campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AffiliateImport {
    pub file_name: String,
    pub campaign_id: i64,
    pub campaign_name: String,
    /// `UTF-8`, `Windows-1252`, …; and `,`, `;` or `tab`.
    pub encoding: String,
    pub delimiter: String,
    /// Every column with the field it fills (`None`: ignored).
    pub columns: Vec<AffiliateColumn>,
    /// Every field a column can be set to (values), in the order to offer them.
    pub fields: Vec<String>,
    /// Data rows read (blank rows not counted).
    pub rows: u64,
    #[serde(flatten)]
    pub counts: Counts,
    /// Each planned row (a preview shows them; an import too, for its report).
    pub lines: Vec<AffiliateLine>,
    /// Every problem (a preview), or the rows left out (an import that skipped them).
    pub problems: Vec<RowError>,
    pub groups: Vec<ProblemGroup>,
    /// Whether anything was written (false for a preview).
    pub written: bool,
    pub orders_reattributed: u64,
    pub booking: Booking,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AffiliateColumn {
    pub header: String,
    pub field: Option<String>,
}

/// How many creators, collaborations, codes and rules a plan makes or changes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub creators_new: u64,
    pub creators_matched: u64,
    pub collaborations_new: u64,
    pub collaborations_updated: u64,
    pub collaborations_unchanged: u64,
    /// Codes given or changed.
    pub codes_set: u64,
    /// Commission rules given or changed.
    pub rules_set: u64,
}

/// One row's plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AffiliateLine {
    pub row: u64,
    pub creator_name: String,
    pub platform: Platform,
    pub handle: String,
    /// `new` or `matched`.
    pub creator: &'static str,
    /// `new`, `updated` or `unchanged`.
    pub collaboration: &'static str,
    /// The status of a new collaboration.
    pub status: Option<CollaborationStatus>,
    /// The code it will have; empty for none.
    pub code: String,
    pub code_changed: bool,
    /// The commission rule in English (`10% of the base`); empty for none.
    pub rule: String,
    /// The same rule in its stable form (`percent:1000`, `flat:EUR:500`), for the window to word
    /// in its language; empty for none.
    pub rule_machine: String,
    pub rule_changed: bool,
}

/// Works out what importing `path` into campaign `campaign_id` would do, writing nothing.
pub fn preview(ws: &Workspace, campaign_id: i64, path: &Path, mapping: &ColumnMapping) -> Result<AffiliateImport> {
    let (report, _) = work_out(ws.conn(), campaign_id, path, mapping, false)?;
    Ok(report)
}

/// Imports `path` into campaign `campaign_id` (see the module contract).
pub fn run(ws: &mut Workspace, campaign_id: i64, path: &Path, mapping: &ColumnMapping, options: ImportOptions) -> Result<AffiliateImport> {
    ws.write(|tx| {
        let (mut report, steps) = work_out(tx, campaign_id, path, mapping, options.skip_bad_rows)?;
        if !report.problems.is_empty() && !options.skip_bad_rows {
            return Err(Error::ImportRejected { file: report.file_name, problems: report.problems });
        }
        let settings = settings::load(tx)?;
        let (orders, booking) = write::write(tx, campaign_id, &report.campaign_name, &report.file_name, &steps, &settings, &now_utc())?;
        report.written = steps.iter().any(plan::Step::changes_anything);
        report.orders_reattributed = orders;
        report.booking = booking;
        Ok(report)
    })
}

/// The header row of `path` as the import reads it (to tell a header from a field in the
/// command line's `--map`).
pub fn headers(path: &Path) -> Result<Vec<String>> {
    let text = read::load(path)?;
    let mut records = read::Records::new(&text);
    Ok(records.next_record()?.map(|h| h.cells.iter().map(|c| read::clean_cell(c).to_string()).collect()).unwrap_or_default())
}

/// Reads, checks and plans the file against the workspace.
fn work_out(conn: &Connection, campaign_id: i64, path: &Path, mapping: &ColumnMapping, skip: bool) -> Result<(AffiliateImport, Vec<plan::Step>)> {
    let campaign = crate::campaigns::campaign::load(conn, campaign_id)?;
    crate::campaigns::campaign::refuse_if_archived(&campaign)?;
    let currency = settings::load(conn)?.currency();
    let text = read::load(path)?;
    let file = text.file_name.clone();
    let mut records = read::Records::new(&text);
    let no_header = || layout_error(&file, "no_header", &[], format!("{file} has no header row. The first row should name the columns, such as Name, Instagram, Code and Commission."));
    let header = records.next_record()?.ok_or_else(no_header)?;
    let headers: Vec<String> = header.cells.iter().map(|c| read::clean_cell(c).to_string()).collect();
    if headers.iter().all(String::is_empty) {
        return Err(no_header());
    }
    let columns = Columns::build(&file, headers, mapping)?;
    columns.check_usable(&file)?;
    let mut problems: Vec<RowError> = Vec::new();
    let mut rows = Vec::new();
    while let Some(rec) = records.next_record()? {
        if let Some(r) = rows::read_row(&columns, rec.row, rec.cells, currency, &mut problems) {
            rows.push(r);
        }
    }
    if rows.is_empty() && problems.is_empty() {
        return Err(layout_error(&file, "affiliates_no_rows", &[], format!("{file} has a header row but no affiliates below it: there is nothing to import.")));
    }
    let n = rows.len() as u64;
    let place = |f: AffiliateField| columns.header(columns.of(f)).to_string();
    let name = if columns.of(AffiliateField::Name).is_some() { place(AffiliateField::Name) } else { place(AffiliateField::FirstName) };
    let places = plan::Places { name, email: place(AffiliateField::Email), code: place(AffiliateField::Code), start: place(AffiliateField::Start), end: place(AffiliateField::End) };
    let steps = plan::plan(conn, campaign_id, rows, &places, currency, crate::campaigns::fields::local_today(), skip, &mut problems)?;
    problems.sort_by_key(|p| p.row);
    let report = AffiliateImport {
        file_name: file,
        campaign_id,
        campaign_name: campaign.name,
        encoding: text.encoding.to_string(),
        delimiter: text.delimiter_name().to_string(),
        columns: columns.headers.iter().zip(&columns.fields).map(|(h, f)| AffiliateColumn { header: h.clone(), field: f.map(AffiliateField::value) }).collect(),
        fields: AffiliateField::choices().into_iter().map(AffiliateField::value).collect(),
        rows: n,
        counts: plan::count(&steps),
        lines: steps.iter().map(plan::Step::line).collect(),
        groups: group_problems(&problems),
        problems,
        written: false,
        orders_reattributed: 0,
        booking: Booking::default(),
    };
    Ok((report, steps))
}

#[cfg(test)]
mod tests;
