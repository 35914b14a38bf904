//! The commands the window calls, one file per domain of the product. Each command converts
//! its arguments, calls one core function and maps the error to `{ kind, message, fields, rows }`;
//! none holds a rule of its own. All run off the main thread (`async`), and the long ones
//! (import) on a blocking worker. This file holds what the domains share.

pub mod analytics;
pub mod app;
pub mod backups;
pub mod campaigns;
pub mod commissions;
pub mod payouts;
pub mod results;
pub mod roster;
pub mod sales;
pub mod sales_imports;
pub mod today;
pub mod workspace;

use crate::dialogs::{DialogText, Filter};
use chorus_core::ErrorPayload;
use serde::Serialize;
use std::path::PathBuf;

pub(crate) type CmdResult<T> = Result<T, ErrorPayload>;

pub(crate) fn filter<'a>(text: &'a DialogText, extensions: &'a [&'a str]) -> Filter<'a> {
    Filter { name: &text.filter, extensions }
}

#[derive(Serialize)]
pub struct ExportReport {
    pub(crate) path: String,
    pub(crate) rows: u64,
}

pub(crate) fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext)) {
        path
    } else {
        let mut s = path.into_os_string();
        s.push(format!(".{ext}"));
        PathBuf::from(s)
    }
}

/// A brand name as a file name: no path separators or characters Windows refuses.
pub(crate) fn file_safe(name: &str) -> String {
    chorus_core::words::file_safe(name, "workspace")
}
