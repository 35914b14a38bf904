//! A run exported as files, the same for the CLI and the window: the format chosen, the file
//! the person named, and back the files to write (a rail split into several files numbers
//! them `name-1.csv`, `name-2.csv`, …; statements each in their own PDF are named after their
//! creator, `name - Sanne Groen.pdf`) and then written, each atomically.
//!
//! Contract: [`run_files`] reads and builds, writes nothing; [`write_run_files`] writes every
//! file or says which one failed (files already written stay: each is complete on its own).
//! [`suggested_name`] is the file name a save dialog offers: the brand, the run and the format.

use super::export::{creator_emails, paypal_files, run_context, run_sheet, sepa_file, wise_files, write_file, RunContext, RunFormat};
use super::sheet::{sheet_csv, sheet_xlsx, SheetLanguage};
use super::statement::StatementLanguage;
use super::statement_data::{each_statement_pdf_of_run, statements_pdf_of_run};
use super::RailFile;
use crate::error::Result;
use crate::roster::export::Dialect;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::Connection;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// What a person chooses beside the format.
#[derive(Debug, Clone, Copy)]
pub struct ExportChoices {
    /// The payout sheet's language.
    pub language: SheetLanguage,
    /// The CSV sheet's dialect (plain, or Excel's semicolons and decimal commas).
    pub dialect: Dialect,
    /// SEPA: the day the bank is asked to pay.
    pub execution: NaiveDate,
    /// SEPA: when the file was made (its message ID and creation time).
    pub created: NaiveDateTime,
    /// Statements: one creator's only (None: every creator of the run, one PDF).
    pub creator_id: Option<i64>,
    /// Statements: every creator's in a PDF of its own, beside the file named
    /// (`name - Sanne Groen.pdf`), instead of one PDF (`creator_id` is then not looked at).
    pub each_creator: bool,
}

/// One file of an export, not yet written.
pub struct RunFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    /// The creators (rows) it holds.
    pub rows: usize,
}

/// One file written.
#[derive(Debug, Clone, Serialize)]
pub struct WrittenFile {
    pub path: String,
    pub rows: usize,
}

/// The files of run `run_id` in `format`, named after `out`.
pub fn run_files(conn: &Connection, run_id: i64, format: RunFormat, out: &Path, choices: &ExportChoices) -> Result<Vec<RunFile>> {
    let ctx = run_context(conn, run_id)?;
    let one = |bytes: Vec<u8>, rows: usize| vec![RunFile { path: out.to_path_buf(), bytes, rows }];
    Ok(match format {
        RunFormat::Csv => one(sheet_csv(&run_sheet(&ctx, choices.language), choices.dialect)?, ctx.run.creators.len()),
        RunFormat::Xlsx => one(sheet_xlsx(&run_sheet(&ctx, choices.language), choices.language)?, ctx.run.creators.len()),
        RunFormat::Paypal => numbered(out, paypal_files(&ctx)?),
        RunFormat::Wise => {
            let emails = creator_emails(conn)?;
            numbered(out, wise_files(&ctx, &|id| emails.get(&id).cloned().unwrap_or_default())?)
        }
        RunFormat::Sepa => {
            let xml = sepa_file(conn, &ctx, choices.created, choices.execution)?;
            one(xml.into_bytes(), paid_by_bank(&ctx))
        }
        RunFormat::Pdf => {
            let language = match choices.language {
                SheetLanguage::Dutch => StatementLanguage::Dutch,
                SheetLanguage::English => StatementLanguage::English,
            };
            if choices.each_creator {
                return Ok(per_creator(out, each_statement_pdf_of_run(conn, run_id, language)?));
            }
            let count = if choices.creator_id.is_some() { 1 } else { ctx.run.creators.len() };
            one(statements_pdf_of_run(conn, run_id, choices.creator_id, language)?, count)
        }
    })
}

/// Writes `files`, each replacing a file of its name only once complete.
pub fn write_run_files(files: Vec<RunFile>) -> Result<Vec<WrittenFile>> {
    let mut written = Vec::with_capacity(files.len());
    for f in files {
        write_file(&f.path, &f.bytes)?;
        written.push(WrittenFile { path: f.path.display().to_string(), rows: f.rows });
    }
    Ok(written)
}

/// The file name a save dialog offers for run `run_id` in `format`:
/// `Studio Zon payouts 2026-11-30.xlsx`, `… PayPal 2026-11-30.csv`, `… statements 2026-11-30.pdf`,
/// one creator's `… statement Sanne Groen 2026-11-30.pdf`.
pub fn suggested_name(conn: &Connection, run_id: i64, format: RunFormat, language: SheetLanguage, creator_id: Option<i64>) -> Result<String> {
    let ctx = run_context(conn, run_id)?;
    let dutch = language == SheetLanguage::Dutch;
    let one = creator_id.filter(|_| format == RunFormat::Pdf).and_then(|id| ctx.run.creators.iter().find(|c| c.creator_id == id));
    let what = match (format, one) {
        (RunFormat::Csv | RunFormat::Xlsx, _) => (if dutch { "uitbetalingen" } else { "payouts" }).to_string(),
        (RunFormat::Paypal, _) => "PayPal".to_string(),
        (RunFormat::Wise, _) => "Wise".to_string(),
        (RunFormat::Sepa, _) => "SEPA".to_string(),
        (RunFormat::Pdf, Some(c)) => format!("{} {}", if dutch { "afrekening" } else { "statement" }, c.name.trim()),
        (RunFormat::Pdf, None) => (if dutch { "afrekeningen" } else { "statements" }).to_string(),
    };
    Ok(format!("{} {what} {}.{}", ctx.brand.trim(), ctx.cutoff.format("%Y-%m-%d"), format.extension()))
}

fn paid_by_bank(ctx: &RunContext) -> usize {
    ctx.run.creators.iter().filter(|c| c.outcome == "payable" && c.method == "bank").count()
}

/// One creator's file each beside `out`: `name - Sanne Groen.pdf`; two creators whose names
/// make the same file name are told apart by a number (`name - Sanne (2).pdf`).
fn per_creator(out: &Path, files: Vec<(String, Vec<u8>)>) -> Vec<RunFile> {
    let stem = out.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "statements".into());
    let ext = out.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    let mut taken = std::collections::HashSet::new();
    files
        .into_iter()
        .map(|(name, bytes)| {
            let base = format!("{stem} - {}", crate::words::file_safe(&name, "creator"));
            let mut file = format!("{base}{ext}");
            let mut n = 1;
            while !taken.insert(file.to_lowercase()) {
                n += 1;
                file = format!("{base} ({n}){ext}");
            }
            RunFile { path: out.with_file_name(file), bytes, rows: 1 }
        })
        .collect()
}

/// `out` itself for one file; `name-1.csv`, `name-2.csv`, … for several (per currency, then part).
fn numbered(out: &Path, files: Vec<RailFile>) -> Vec<RunFile> {
    if files.len() == 1 {
        let f = files.into_iter().next().expect("one file");
        return vec![RunFile { path: out.to_path_buf(), bytes: f.text.into_bytes(), rows: f.rows }];
    }
    let stem = out.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "payout".into());
    let ext = out.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    files
        .into_iter()
        .enumerate()
        .map(|(i, f)| RunFile { path: out.with_file_name(format!("{stem}-{}{ext}", i + 1)), bytes: f.text.into_bytes(), rows: f.rows })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::per_creator;
    use std::path::Path;

    #[test]
    fn each_creators_file_is_named_after_them_and_none_is_written_over() {
        let out = Path::new("/tmp/out/Studio Zon statements 2026-11-30.pdf");
        let files = per_creator(out, vec![("Sanne Groen".into(), b"a".to_vec()), ("sanne groen".into(), b"b".to_vec()), ("A/B: C?".into(), b"c".to_vec()), ("  ".into(), b"d".to_vec())]);
        let names: Vec<String> = files.iter().map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned()).collect();
        assert_eq!(
            names,
            [
                "Studio Zon statements 2026-11-30 - Sanne Groen.pdf",
                "Studio Zon statements 2026-11-30 - sanne groen (2).pdf",
                "Studio Zon statements 2026-11-30 - A-B- C-.pdf",
                "Studio Zon statements 2026-11-30 - creator.pdf",
            ]
        );
        assert!(files.iter().all(|f| f.path.parent() == Some(Path::new("/tmp/out")) && f.rows == 1));
        assert_eq!(files[1].bytes, b"b", "each keeps its own PDF");
    }
}
