//! Importing creators from a CSV file: a spreadsheet export from Excel (Dutch or English),
//! Google Sheets, another influencer tool, or a Chorus export.
//!
//! Contract:
//! - [`preview`] reads the file and shows what the import would see (encoding, separator, row
//!   count, every column with its automatic field and three sample values); it touches no
//!   workspace.
//! - [`run`] is all-or-nothing. It first checks every row against the same rules as the form
//!   ([`crate::roster::validate::validate_draft`]) and collects every problem, each naming its row (as
//!   a spreadsheet numbers it: the header is row 1) and column. If there is any problem, it
//!   returns [`Error::ImportRejected`] and writes nothing. Otherwise it writes everything in one
//!   transaction.
//! - [`run_with`] with [`ImportOptions::skip_bad_rows`] is the person's explicit choice to import
//!   the good rows and leave out the bad ones: the bad rows are listed ([`LeftOut`]) and saved
//!   beside the file, with the file's own header and cells and a last column saying what to fix
//!   ([`left_out`]), in the same transaction's time: if that file cannot be saved, nothing is
//!   imported; if the import fails, the file is taken away again.
//! - Cells that only say there is nothing in them (`NaN`, `N/A`, `-`, `null`, …) are empty. A
//!   file without a name column names each new creator after their first handle.
//! - A row whose handle (platform + handle) is already on the roster updates that creator: its
//!   non-empty cells win, an empty cell never erases anything, new handles are added (see
//!   [`merge`]). Importing the same file twice changes nothing the second time.
//! - Columns are matched by header name, never by position ([`fields`]).

pub(crate) mod fields;
pub(crate) mod layout;
mod left_out;
pub(crate) mod mapping;
mod merge;
pub(crate) mod owners;
pub(crate) mod problems;
pub(crate) mod read;
mod write;

pub(crate) use fields::{Field, MAX_SLOT};
pub use problems::{display_text, group_problems, rows_of, ProblemGroup};
pub(crate) use mapping::layout_error;
pub(crate) use read::{clean_cell, decode, defuse, Records, Text};

use crate::roster::creators::{self, WriteContext};
use crate::error::{Error, FieldError, Result, RowError};
use crate::roster::model::{CreatorDraft, CreatorRecord, Platform};
use crate::workspace::settings;
use crate::roster::validate::validate_draft;
use crate::workspace::{Actor, Workspace};
use layout::{Layout, Origins};
pub(crate) use problems::row_error;
use serde::{Deserialize, Serialize};
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::path::Path;

/// What the import would see in a file, for the mapping step of the import dialog.
#[derive(Debug, Clone, Serialize)]
pub struct ImportPreview {
    pub path: String,
    pub file_name: String,
    /// `UTF-8` or `Windows-1252` (also `UTF-16LE`/`UTF-16BE` for a file that starts with a
    /// UTF-16 byte-order mark, as Excel's "Unicode text" does).
    pub encoding: String,
    /// `,`, `;` or `tab`.
    pub delimiter: String,
    /// Data rows, not counting the header and empty rows.
    pub row_count: u64,
    pub columns: Vec<ImportColumn>,
    /// Every field a column can be set to, in the order to offer them.
    pub fields: Vec<FieldChoice>,
    /// Up to three of the blank-like cells the file has (`N/A`, `-`, …) as it writes them.
    pub blank_like_examples: Vec<String>,
    /// When the file has no name column: the handle column whose handles become the new
    /// creators' names.
    pub name_from: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ImportColumn {
    pub header: String,
    /// The field value the header was recognised as; `None` for an unknown header (ignored
    /// unless the person chooses a field for it).
    pub field: Option<String>,
    /// The first three non-empty values of the column.
    pub samples: Vec<String>,
    /// How many cells of the column only say there is nothing in them (`NaN`, `N/A`, `-`,
    /// `null`, …): they are read as empty.
    pub blank_like: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct FieldChoice {
    pub value: String,
    pub label: String,
}

/// The person's choices: header (exactly as in the file) → field value, or `None` to ignore
/// that column. Headers not in the map use the automatic mapping. When two columns carry the
/// same header, only the first is imported (the map cannot tell them apart).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ColumnMapping(pub HashMap<String, Option<String>>);

/// How far the import is, in rows: `total` is the number of data rows; checking every row moves
/// `done` to half of it, writing them moves it to `total`. Only ever grows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
}

/// How to import, besides the columns.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
pub struct ImportOptions {
    /// Import the good rows and leave out the bad ones, instead of importing nothing.
    #[serde(default)]
    pub skip_bad_rows: bool,
}

/// The rows an import with [`ImportOptions::skip_bad_rows`] left out: how many, where they were
/// saved to fix and import again, and every problem (also grouped by kind).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    pub rows: u64,
    pub file: String,
    pub problems: Vec<RowError>,
    pub groups: Vec<ProblemGroup>,
}

/// What [`run_with`] did: the report, and the rows it left out, if it was asked to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportOutcome {
    #[serde(flatten)]
    pub report: ImportReport,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left_out: Option<LeftOut>,
}

/// What an import did. `rows` counts the data rows read; the other three count creators, so
/// several rows updating one creator (one handle per row) count once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub rows: u64,
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
}

/// Reads `path` and shows how it would be imported. Touches no workspace.
pub fn preview(path: &Path) -> Result<ImportPreview> {
    preview_with(path, &ColumnMapping::default())
}

/// [`preview`] with the person's choices applied: each column shows the field it will fill.
/// A choice naming a column the file does not have, or no field, is refused as [`run`] would.
pub fn preview_with(path: &Path, mapping: &ColumnMapping) -> Result<ImportPreview> {
    let text = read::load(path)?;
    let mut records = read::Records::new(&text);
    let headers = header(&mut records, &text.file_name)?;
    let layout = Layout::build(&text.file_name, headers, mapping)?;
    let auto = layout.fields().to_vec();
    let name_from = layout.name_source().map(|c| layout.headers[c].clone());
    let headers = layout.headers;
    let mut samples: Vec<Vec<String>> = vec![Vec::new(); headers.len()];
    let mut blank_like = vec![0u64; headers.len()];
    let mut blank_like_examples: Vec<String> = Vec::new();
    let mut row_count = 0;
    while let Some(rec) = records.next_record()? {
        if layout::row_is_empty(rec.cells) {
            continue;
        }
        row_count += 1;
        for (i, (cell, samples)) in rec.cells.iter().zip(samples.iter_mut()).enumerate() {
            let cell = read::clean_cell(cell);
            if layout::is_blank_like(cell) {
                blank_like[i] += 1;
                if blank_like_examples.len() < 3 && !blank_like_examples.iter().any(|e| e == cell) {
                    blank_like_examples.push(cell.to_string());
                }
            } else if !cell.is_empty() && samples.len() < 3 {
                samples.push(cell.to_string());
            }
        }
    }
    let mut choices = Field::choices();
    for f in auto.iter().flatten() {
        if !choices.contains(f) {
            choices.push(*f); // a numbered slot such as `Instagram 2 handle`
        }
    }
    Ok(ImportPreview {
        path: path.display().to_string(),
        file_name: text.file_name.clone(),
        encoding: text.encoding.to_string(),
        delimiter: text.delimiter_name().to_string(),
        row_count,
        columns: headers
            .into_iter()
            .zip(auto)
            .zip(samples.into_iter().zip(blank_like))
            .map(|((header, field), (samples, blank_like))| ImportColumn { header, field: field.map(Field::value), samples, blank_like })
            .collect(),
        fields: choices.into_iter().map(|f| FieldChoice { value: f.value(), label: f.label() }).collect(),
        blank_like_examples,
        name_from,
    })
}

/// Imports the creators of `path` into `ws`, all or nothing. See the module documentation.
pub fn run(ws: &mut Workspace, path: &Path, mapping: &ColumnMapping, progress: &mut dyn FnMut(Progress)) -> Result<ImportReport> {
    run_with(ws, path, mapping, ImportOptions::default(), progress).map(|outcome| outcome.report)
}

/// Imports the creators of `path` into `ws`: all or nothing, or, with
/// [`ImportOptions::skip_bad_rows`], the good rows, leaving out the bad ones.
pub fn run_with(ws: &mut Workspace, path: &Path, mapping: &ColumnMapping, options: ImportOptions, progress: &mut dyn FnMut(Progress)) -> Result<ImportOutcome> {
    let skip = options.skip_bad_rows;
    let text = read::load(path)?;
    let file = text.file_name.clone();
    let mut records = read::Records::new(&text);
    let raw_header = header_record(&mut records, &file)?;
    let headers = raw_header.iter().map(|c| read::clean_cell(c).to_string()).collect();
    let layout = Layout::resolve(&file, headers, mapping)?;
    let width = layout.headers.len();
    let delimiter = text.delimiter;

    let mut problems: Vec<RowError> = Vec::new();
    let mut rows: Vec<(u64, CreatorDraft, Origins)> = Vec::new();
    // Only to leave bad rows out: every record as the file has it.
    let mut raw: Vec<(u64, csv::StringRecord)> = Vec::new();
    while let Some(rec) = records.next_record()? {
        let Some((draft, origins)) = layout.draft(rec.cells) else { continue };
        if rec.cells.iter().skip(width).any(|c| !c.trim().is_empty()) {
            let msg = format!("This row has more cells than the header has columns ({width}). A value with a separator in it may be missing its quotes.");
            problems.push(row_error(rec.row, "", "too_many_cells", None, &msg));
        }
        if skip {
            raw.push((rec.row, rec.cells.clone()));
        }
        rows.push((rec.row, draft, origins));
    }
    drop(records);
    drop(text);
    if rows.is_empty() && problems.is_empty() {
        let message = format!("{file} has a header row but no creators below it: there is nothing to import.");
        return Err(mapping::layout_error(&file, "no_rows", &[], message));
    }

    let n = rows.len() as u64;
    let mut bar = Bar::new(n, progress);
    let mut saved_left_out: Option<std::path::PathBuf> = None;
    let outcome = ws.write(|tx| {
        let settings = settings::load(tx)?;
        let currency = settings.currency();

        // 1. Whose handles are these? Each handle once in the file, each row one creator.
        let mut handle_rows: HashMap<(Platform, String), u64> = HashMap::with_capacity(rows.len() * 2);
        let mut owners: Vec<Owner> = Vec::with_capacity(rows.len());
        let mut stored_owners = owners::HandleOwners::new(tx, rows.iter().map(|(_, d, _)| d.handles.len()).sum())?;
        for (i, (row, draft, origins)) in rows.iter().enumerate() {
            bar.at(i as u64 / 2);
            owners.push(owner_of(tx, &mut stored_owners, &layout, *row, draft, origins, &mut handle_rows, &mut problems)?);
        }
        drop(stored_owners);
        drop(handle_rows);
        let mut stored = {
            let mut ids: Vec<i64> = owners.iter().filter_map(|o| if let Owner::Creator(id) = o { Some(*id) } else { None }).collect();
            ids.sort_unstable();
            ids.dedup();
            write::load_stored(tx, &ids, currency)?
        };

        // 2. What each creator becomes, checked by the rules of the form.
        let mut plans: Vec<Plan> = Vec::with_capacity(rows.len());
        let mut owner_plans: HashMap<i64, usize> = HashMap::new();
        // A creator whom only one row of the file updates is compared with what is stored as
        // soon as that row is checked, and let go at once when it changes nothing: a re-import
        // then holds no plan for its unchanged rows.
        let mut rows_of_owner: HashMap<i64, u32> = HashMap::with_capacity(stored.len());
        for o in &owners {
            if let Owner::Creator(id) = o {
                *rows_of_owner.entry(*id).or_default() += 1;
            }
        }
        let mut unchanged = 0u64;
        // Rows already refused (a duplicate handle, too many cells): left out when skipping.
        let refused: std::collections::HashSet<u64> = if skip { problems.iter().map(|p| p.row).collect() } else { Default::default() };
        for (i, ((row, mut draft, origins), owner)) in rows.into_iter().zip(owners).enumerate() {
            bar.at(n / 2 + i as u64 / 2);
            let owner = match owner {
                Owner::Refused => continue,
                Owner::Nobody => None,
                Owner::Creator(id) => Some(id),
            };
            if refused.contains(&row) {
                continue;
            }
            if owner.is_none() && !layout.has_name_column() {
                layout::name_from_handle(&mut draft);
            }
            let row_has_country = !draft.country.trim().is_empty();
            let earlier = owner.and_then(|id| owner_plans.get(&id).copied());
            let (merged, origins) = match (owner, earlier) {
                // Another row already updates this creator (one handle per row): build on it.
                (Some(_), Some(p)) => {
                    let plan = &plans[p];
                    merge::overlay(plan.draft.clone().expect("an update keeps its merged draft"), plan.origins.clone(), draft, origins)
                }
                (Some(id), None) => {
                    // The first row of this creator. When no other row describes them, the
                    // stored draft is needed no more after this; otherwise a later row may have
                    // to start from it again (this one may be left out), so it is copied.
                    let s = stored.get_mut(&id).ok_or(Error::NotFound { what: "creator", id })?;
                    let base = if rows_of_owner.get(&id) == Some(&1) { std::mem::take(&mut s.draft) } else { s.draft.clone() };
                    merge::overlay(base, Origins::default(), draft, origins)
                }
                (None, _) => (draft, origins),
            };
            let record = match validate_draft(&merged, currency) {
                Ok(record) => record,
                Err(errors) => {
                    let stored_country = |e: FieldError| if e.field == "country" && owner.is_some() && !row_has_country { stored_country_unknown(e) } else { e };
                    problems.extend(errors.into_iter().map(stored_country).map(|e| layout.row_error(row, &origins, e)));
                    continue;
                }
            };
            if !skip && !problems.is_empty() {
                continue; // nothing will be written: keep no more than needed
            }
            if let (Some(id), None) = (owner, earlier) {
                if rows_of_owner.get(&id) == Some(&1) && stored.get(&id).is_some_and(|s| s.record == record) {
                    stored.remove(&id);
                    unchanged += 1;
                    continue;
                }
            }
            let plan = Plan { row, owner, draft: owner.map(|_| merged), record, origins };
            match (owner, earlier) {
                (Some(_), Some(p)) => plans[p] = plan,
                (Some(id), None) => {
                    owner_plans.insert(id, plans.len());
                    plans.push(plan);
                }
                (None, _) => plans.push(plan),
            }
        }
        if !skip && !problems.is_empty() {
            return Err(rejected(&file, problems));
        }
        let mut left_out_problems = std::mem::take(&mut problems);
        left_out_problems.sort_by_key(|p| p.row);

        // 3. Write. Changed creators first, through `save_record` (its lookups need the
        // indexes); then new creators by the fast path.
        let ctx = WriteContext::new(Actor::Import);
        let mut report = ImportReport { rows: n, unchanged, ..Default::default() };
        let count = plans.len() as u64;
        let (new_plans, changed_plans): (Vec<&Plan>, Vec<&Plan>) = plans.iter().partition(|p| p.owner.is_none());
        let mut done = 0u64;
        for plan in changed_plans {
            done += 1;
            bar.at(n + done * n / count.max(1));
            let Some(id) = plan.owner else { continue };
            if stored.remove(&id).is_some_and(|s| s.record == plan.record) {
                report.unchanged += 1;
                continue;
            }
            match creators::save_record(tx, Some(id), &plan.record, &settings, &ctx) {
                Ok(saved) if saved.changed => report.updated += 1,
                Ok(_) => report.unchanged += 1,
                // Rare: the roster changed in a way the check could not see. Nothing is kept.
                Err(Error::Validation(errors)) => problems.extend(errors.into_iter().map(|e| layout.row_error(plan.row, &plan.origins, e))),
                Err(e) => return Err(e),
            }
        }
        if !problems.is_empty() {
            return Err(rejected(&file, problems));
        }
        let suspended = write::SuspendedIndexes::for_bulk_insert(tx, new_plans.len() as u64)?;
        let mut inserter = write::Inserter::new(tx, currency)?;
        for plan in new_plans {
            done += 1;
            bar.at(n + done * n / count.max(1));
            inserter.insert(&plan.record, &ctx)?;
            report.created += 1;
        }
        inserter.finish()?;
        suspended.restore(tx)?;
        let left_out = if left_out_problems.is_empty() {
            None
        } else {
            // Saved before the commit: if it cannot be saved, nothing is imported.
            let saved = left_out::save(path, delimiter, &raw_header, &raw, &left_out_problems)?;
            let file = saved.display().to_string();
            saved_left_out = Some(saved);
            Some(LeftOut { rows: rows_of(&left_out_problems).len() as u64, file, groups: group_problems(&left_out_problems), problems: left_out_problems })
        };
        bar.at(2 * n);
        Ok(ImportOutcome { report, left_out })
    });
    if outcome.is_err() {
        if let Some(saved) = saved_left_out {
            // The import did not happen: a list of rows it left out would mislead. Chorus made
            // this file a moment ago; nothing else is in it.
            let _ = std::fs::remove_file(saved);
        }
    }
    outcome
}

/// A stored country that is not a code Chorus knows (the window once cut “Holland” to `HO`),
/// on a creator a row updates without giving a country: the row cannot be saved, and the
/// sentence says where the value comes from, since the file does not have it.
fn stored_country_unknown(e: FieldError) -> FieldError {
    let value = e.value.unwrap_or_default();
    let msg = format!("This creator's country on the roster, “{value}”, is not a country Chorus knows, and this row does not give one. Fill in the country in this row, or correct it in Chorus first.");
    FieldError::new("country", "stored_country_unknown", msg).with_value(value)
}

/// Who a row belongs to.
enum Owner {
    /// A new creator.
    Nobody,
    Creator(i64),
    /// The row's handles belong to two creators: reported, not checked further.
    Refused,
}

/// Finds the creator a row's handles belong to, and reports a handle that an earlier row of
/// the file already has, or handles of two different creators in one row.
#[allow(clippy::too_many_arguments)]
fn owner_of(
    tx: &rusqlite::Connection,
    stored: &mut owners::HandleOwners<'_>,
    layout: &Layout,
    row: u64,
    draft: &CreatorDraft,
    origins: &Origins,
    handle_rows: &mut HashMap<(Platform, String), u64>,
    problems: &mut Vec<RowError>,
) -> Result<Owner> {
    let column = |j: usize| layout.column_for(&format!("handles.{j}.handle"), origins).to_string();
    let mut owners: Vec<(i64, usize)> = Vec::new();
    for (j, h) in draft.handles.iter().enumerate() {
        let Some(identity) = merge::identity(h) else { continue }; // validation reports it
        if let Some(id) = stored.owner(&identity)? {
            if !owners.iter().any(|(o, _)| *o == id) {
                owners.push((id, j));
            }
        }
        let platform = identity.0;
        match handle_rows.entry(identity) {
            Entry::Vacant(v) => {
                v.insert(row);
            }
            Entry::Occupied(o) if *o.get() != row => {
                let msg = format!("@{} on {} is also in row {}; each handle can be in the file only once.", h.handle, platform.label(), o.get());
                problems.push(row_error(row, &column(j), "duplicate_in_file", Some(h.handle.clone()), &msg));
            }
            Entry::Occupied(_) => {} // twice in one row: validation names it
        }
    }
    match owners[..] {
        [] => Ok(Owner::Nobody),
        [(id, _)] => Ok(Owner::Creator(id)),
        [(first, a), (second, b), ..] => {
            let name = |id: i64| -> Result<String> { Ok(tx.query_row("SELECT display_name FROM creators WHERE id = ?1", [id], |r| r.get(0))?) };
            let (ha, hb) = (&draft.handles[a], &draft.handles[b]);
            let msg = format!(
                "@{} on {} belongs to {}, but @{} on {} belongs to {}. One row can only describe one creator: split the row, or remove one of the handles.",
                ha.handle,
                platform_label(&ha.platform),
                name(first)?,
                hb.handle,
                platform_label(&hb.platform),
                name(second)?
            );
            problems.push(row_error(row, &column(b), "handles_of_two_creators", Some(hb.handle.clone()), &msg));
            Ok(Owner::Refused)
        }
    }
}

/// What one creator will become: a new creator (`owner` None) or an update.
struct Plan {
    /// The (last) row it comes from, for problems found while writing.
    row: u64,
    owner: Option<i64>,
    /// The merged draft of an update, kept so a later row for the same creator builds on it.
    draft: Option<CreatorDraft>,
    record: CreatorRecord,
    origins: Origins,
}

fn rejected(file: &str, mut problems: Vec<RowError>) -> Error {
    problems.sort_by_key(|p| p.row); // stable: a row's problems keep their order
    Error::ImportRejected { file: file.to_string(), problems }
}

fn platform_label(text: &str) -> &'static str {
    Platform::parse_loose(text).map_or("?", Platform::label)
}

/// The header row, trimmed: the first line of the file that is not blank (row 1, unless the
/// file starts with blank lines, which then keep their spreadsheet row numbers).
fn header(records: &mut read::Records<'_>, file: &str) -> Result<Vec<String>> {
    Ok(header_record(records, file)?.iter().map(|c| read::clean_cell(c).to_string()).collect())
}

/// The header row as the file has it.
fn header_record(records: &mut read::Records<'_>, file: &str) -> Result<csv::StringRecord> {
    let no_header = || {
        let message = format!("{file} has no header row. The first row should name the columns, such as Name, Instagram and Instagram followers.");
        mapping::layout_error(file, "no_header", &[], message)
    };
    let rec = records.next_record()?.ok_or_else(no_header)?;
    if rec.cells.iter().all(|c| c.trim().is_empty()) {
        return Err(no_header());
    }
    Ok(rec.cells.clone())
}

/// Reports progress at most about every 1%, and always at the end. Counts in steps, two per
/// row (checked, written), and reports rows.
struct Bar<'a> {
    rows: u64,
    step: u64,
    next: u64,
    report: &'a mut dyn FnMut(Progress),
}

impl<'a> Bar<'a> {
    fn new(rows: u64, report: &'a mut dyn FnMut(Progress)) -> Self {
        report(Progress { done: 0, total: rows });
        let step = (2 * rows / 100).max(1);
        Bar { rows, step, next: step, report }
    }

    /// `steps` of `2 × rows` are done.
    fn at(&mut self, steps: u64) {
        let total = 2 * self.rows;
        if steps >= self.next || (steps == total && self.next != u64::MAX) {
            (self.report)(Progress { done: steps / 2, total: self.rows });
            self.next = if steps >= total { u64::MAX } else { steps + self.step };
        }
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_moves_forward_about_every_percent_and_ends_at_the_row_count() {
        for rows in [1u64, 7, 1000, 123_457] {
            let mut seen: Vec<Progress> = Vec::new();
            let mut report = |p: Progress| seen.push(p);
            let mut bar = Bar::new(rows, &mut report);
            for step in 0..=2 * rows {
                bar.at(step);
            }
            bar.at(2 * rows); // a second "done" is not repeated
            assert!(seen.len() <= 102, "{rows} rows: {} reports", seen.len());
            assert!(seen.windows(2).all(|w| w[0].done <= w[1].done), "{rows} rows: backwards");
            assert!(seen.iter().all(|p| p.total == rows));
            assert_eq!(seen.last().unwrap().done, rows);
            assert_eq!(seen.iter().filter(|p| p.done == rows).count(), 1, "{rows} rows");
        }
    }
}
