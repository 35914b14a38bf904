//! Errors in two layers: [`Error`] carries the detail inside the core; [`ErrorPayload`] is what
//! crosses to the window and the CLI: a stable `kind` to switch on, a sentence a shop owner
//! understands, and the field- or row-level problems with their parameters. No SQL and no
//! personal data ever goes into a message, and neither do SQLite's or the system's own words:
//! a damaged file, a full disk, a read-only place and a file replaced under Chorus have kinds
//! of their own, and anything else SQLite says stays inside [`Error::Database`].

use crate::roster::import::{group_problems, ProblemGroup};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// One problem with one field of a form or of an imported row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// Which field: `email`, `handles.0.handle`, `rates.post`, …
    pub field: String,
    /// Stable code the UI translates: `required`, `invalid_email`, `invalid_iban`, …
    pub code: &'static str,
    /// The offending value or other parameters, for the translated sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// An English sentence, used by the CLI and as the fallback in the window.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: &'static str, message: impl Into<String>) -> Self {
        FieldError { field: field.into(), code, value: None, message: message.into() }
    }
    pub fn with_value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }
}

/// One problem in one cell of an imported file. Rows are numbered as a spreadsheet shows them:
/// the header is row 1, the first data row is row 2. Text from the file (`column`, `value` and
/// what `message` quotes of it) is cleaned of control characters and shortened, so a problem
/// stays one readable line; `message` says the problem alone, not its place (`row`, `column`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    pub row: u64,
    /// The header of the column as it appears in the file; empty when the whole row is wrong.
    pub column: String,
    pub code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    pub message: String,
    /// Further specifics by name for the window's sentence (another row of the same order, …).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<&'static str, String>,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}", validation_summary(.0))]
    Validation(Vec<FieldError>),

    #[error("The import was stopped: {} problem(s) in {file}. Nothing was imported.", .problems.len())]
    ImportRejected { file: String, problems: Vec<RowError> },

    #[error("{0}")]
    BadFile(String),

    /// A file that cannot be imported as it is: not a CSV file (a workbook, not text, empty,
    /// unreadable), no header or no rows, or columns that cannot be imported (no handle column,
    /// a followers column of no platform, a `--map` naming a column the file does not have, …).
    /// `code` and `params` let the window say it in its own language (`import.layout.<code>`);
    /// `message` is the English sentence.
    #[error("{message}")]
    ImportLayout { file: String, code: &'static str, params: BTreeMap<&'static str, String>, message: String },

    #[error("This {what} no longer exists (it may have been deleted elsewhere).")]
    NotFound { what: &'static str, id: i64 },

    #[error("This creator was changed elsewhere (another window or the command line) after you opened it. Reopen it to see the latest version, then make your change again.")]
    StaleEdit { id: i64 },

    #[error("There is no file at {}.", .0.display())]
    WorkspaceMissing(PathBuf),

    #[error("{} is not a Chorus workspace: it is not a database file at all. The file was left untouched.", .0.display())]
    NotSqlite(PathBuf),

    #[error("{} is a database, but not a Chorus workspace. The file was left untouched.", .0.display())]
    ForeignDatabase(PathBuf),

    /// The file's pages cannot all be read (SQLite said corrupt or not-a-database, or a check
    /// found damage). The handle that saw it writes nothing more to the file.
    #[error("{}", damaged_sentence(path, backup.as_deref()))]
    Damaged { path: PathBuf, backup: Option<Box<BackupCopy>> },

    #[error("{} was made by a newer version of Chorus (workspace format {found}; this version reads up to {supported}). Update Chorus to open it. The file was left untouched.", .path.display())]
    NewerVersion { path: PathBuf, found: i64, supported: i64 },

    #[error("A file already exists at {}. Choose another name, or open that file instead.", .0.display())]
    AlreadyExists(PathBuf),

    #[error("The workspace is busy: another Chorus window or command kept writing to it for too long. Nothing was changed; try again when it has finished.")]
    Busy,

    /// The file, its folder or the disk does not allow changes (a read-only medium, a folder
    /// the person may not write to): the workspace can be read, not changed.
    #[error("{} is read-only here: you can look, not change. The file, its folder or the disk does not allow changes; to work on it, copy it to a folder you can write to.", shown(.0))]
    ReadOnly(PathBuf),

    /// Read-only here and made by an older Chorus: it cannot be updated, so it cannot be shown.
    #[error("{} was made by an older Chorus and has to be updated before it can be shown, but it is read-only here. Copy it to a folder you can write to and open the copy.", .0.display())]
    OlderReadOnly(PathBuf),

    /// Read-only here, and its last changes are in a `-wal` file Chorus cannot read without
    /// writing beside it.
    #[error("{} is read-only here, and its last changes are still in the file {}-wal beside it, which Chorus can only read where it may write. Copy both files to a folder you can write to and open the copy there.", .0.display(), file_name(.0))]
    UnfinishedReadOnly(PathBuf),

    #[error("The disk that holds {} is full, so nothing was changed. Make room on the disk and try again.", shown(.0))]
    DiskFull(PathBuf),

    /// The path no longer holds the file this handle opened: moved, deleted or replaced.
    #[error("{} was moved, deleted or replaced while Chorus had it open, so Chorus stopped writing to it and the last change was not saved. Open the file again to go on.", shown(.0))]
    Replaced(PathBuf),

    #[error("There is no backup copy of {} in {} yet: Chorus takes one on the first day it opens the workspace for changes.", .workspace.display(), .folder.display())]
    NoBackup { workspace: PathBuf, folder: PathBuf },

    #[error("Could not {action} {}: {}", .path.display(), io_detail(source))]
    Io { action: &'static str, path: PathBuf, #[source] source: std::io::Error },

    /// A chart that could not be drawn (a size out of bounds, a drawing or encoding failure).
    #[error("{0}")]
    Chart(#[from] crate::charts::ChartError),

    /// Anything else SQLite reported; the detail stays inside (for a developer's debug output),
    /// never in the sentence.
    #[error("Chorus could not finish this with the workspace file, and nothing was changed.")]
    Database(rusqlite::Error),
}

/// A rolling backup copy of a workspace, as the damaged-file message offers it (see
/// [`crate::workspace::backups`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupCopy {
    pub path: PathBuf,
    /// The day it was taken (`YYYY-MM-DD`, the computer's local date).
    pub day: String,
    /// When it was written (`YYYY-MM-DDTHH:MM`, local time), when the file says so.
    pub taken_at: Option<String>,
    pub bytes: u64,
}

/// A path in a sentence; an error raised below the workspace (no path known yet) says "the
/// workspace file" until [`Error::at`] names it.
fn shown(path: &Path) -> String {
    if path.as_os_str().is_empty() { "The workspace file".to_string() } else { path.display().to_string() }
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn damaged_sentence(path: &Path, backup: Option<&BackupCopy>) -> String {
    let first = format!("{} is damaged: part of it can no longer be read. Chorus will not write to it, so it stays as it is.", shown(path));
    match backup {
        Some(b) => format!("{first} The latest backup copy is from {} ({}); restoring it keeps the damaged file aside.", b.day, b.path.display()),
        None => format!("{first} No backup copy of it was found."),
    }
}

/// What went wrong with a file, in words (not the system's error code), as the end of a
/// sentence: the reasons of [`io_reason`] in Chorus's words; any other as the system words it,
/// without the name of a temporary file a library may have added (`… at path
/// "/x/.chorus-new-Ab12.tmp"`): that file is Chorus's business, not the person's.
fn io_detail(e: &std::io::Error) -> String {
    let words = match io_reason(e) {
        "not_found" => "there is no such file or folder.",
        "not_allowed" => "the file, its folder or the disk does not allow it.",
        "disk_full" => "the disk is full.",
        "not_a_folder" => "part of that path is a file, not a folder.",
        "is_a_folder" => "that is a folder, not a file.",
        "already_exists" => "something with that name is already there.",
        "bad_name" => "the name is too long or holds characters the disk does not allow.",
        "too_large" => "the file is too large for the disk it is on.",
        "in_use" => "another program is using it.",
        "unreachable" => "the disk or network drive it is on cannot be reached.",
        "cut_short" => "the file ends before it should; it may not have been copied completely.",
        "reader_stopped" => "the program reading the output has stopped.",
        _ => {
            let text = e.to_string();
            let text = text.split(" at path \"").next().unwrap_or(&text);
            // "Broken pipe (os error 32)" → "broken pipe."
            let plain = text.split(" (os error").next().unwrap_or(text).trim();
            let mut chars = plain.chars();
            return match chars.next() {
                Some(c) => format!("{}{}.", c.to_lowercase(), chars.as_str().trim_end_matches('.')),
                None => "an unknown problem.".into(),
            };
        }
    };
    words.to_string()
}

/// The stable reason of an [`Error::Io`], for the window's sentence (`kind.io.<reason>`): the
/// system's reasons a person can act on, grouped as a person tells them apart; `other` for the
/// rest, which the window words without quoting the system.
fn io_reason(e: &std::io::Error) -> &'static str {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "not_found",
        PermissionDenied | ReadOnlyFilesystem => "not_allowed",
        StorageFull | QuotaExceeded => "disk_full",
        NotADirectory => "not_a_folder",
        IsADirectory | DirectoryNotEmpty => "is_a_folder",
        AlreadyExists => "already_exists",
        InvalidFilename => "bad_name",
        FileTooLarge => "too_large",
        ResourceBusy | ExecutableFileBusy => "in_use",
        StaleNetworkFileHandle | NetworkDown | NetworkUnreachable | HostUnreachable | NotConnected | ConnectionReset | ConnectionAborted | TimedOut => "unreachable",
        UnexpectedEof => "cut_short",
        BrokenPipe => "reader_stopped",
        _ => "other",
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode;
        // The path is not known down here; `Error::at` names it where the workspace is known.
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => Error::Busy,
            Some(ErrorCode::DatabaseCorrupt) | Some(ErrorCode::NotADatabase) => Error::Damaged { path: PathBuf::new(), backup: None },
            Some(ErrorCode::DiskFull) => Error::DiskFull(PathBuf::new()),
            Some(ErrorCode::ReadOnly) => Error::ReadOnly(PathBuf::new()),
            _ => Error::Database(e),
        }
    }
}

fn validation_summary(errors: &[FieldError]) -> String {
    match errors {
        [] => "Some fields are not valid.".to_string(),
        [one] => one.message.clone(),
        [first, rest @ ..] => format!("{} (and {} more problem(s))", first.message, rest.len()),
    }
}

impl Error {
    /// A failed file operation; a full disk is [`Error::DiskFull`], whatever the operation.
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        if io_reason(&source) == "disk_full" {
            return Error::DiskFull(path.into());
        }
        Error::Io { action, path: path.into(), source }
    }

    /// Names the workspace file in an error raised where it was not known (a query that met a
    /// damaged page, a write refused by the disk).
    pub fn at(self, workspace: &Path) -> Error {
        let fill = |p: PathBuf| if p.as_os_str().is_empty() { workspace.to_path_buf() } else { p };
        match self {
            Error::Damaged { path, backup } => Error::Damaged { path: fill(path), backup },
            Error::ReadOnly(p) => Error::ReadOnly(fill(p)),
            Error::DiskFull(p) => Error::DiskFull(fill(p)),
            Error::Replaced(p) => Error::Replaced(fill(p)),
            other => other,
        }
    }

    /// A damaged-file error offering `backup` (the latest copy), when there is one.
    pub fn with_backup(self, backup: Option<BackupCopy>) -> Error {
        match self {
            Error::Damaged { path, backup: None } => Error::Damaged { path, backup: backup.map(Box::new) },
            other => other,
        }
    }

    /// Whether the file itself is in trouble (damaged, or no longer the file that was opened):
    /// the handle that met it must not write to it again.
    pub fn is_file_trouble(&self) -> bool {
        matches!(self, Error::Damaged { .. } | Error::Replaced(_))
    }

    /// The stable kind the window and scripts switch on. Never changes once shipped.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Validation(_) => "validation",
            Error::ImportRejected { .. } => "import_rejected",
            Error::BadFile(_) | Error::ImportLayout { .. } => "bad_file",
            Error::NotFound { .. } => "not_found",
            Error::StaleEdit { .. } => "stale_edit",
            Error::WorkspaceMissing(_) => "workspace_missing",
            Error::NotSqlite(_) => "not_sqlite",
            Error::ForeignDatabase(_) => "foreign_database",
            Error::NewerVersion { .. } => "newer_version",
            Error::Damaged { .. } => "damaged",
            Error::AlreadyExists(_) => "already_exists",
            Error::Busy => "busy",
            Error::ReadOnly(_) => "read_only",
            Error::OlderReadOnly(_) => "older_read_only",
            Error::UnfinishedReadOnly(_) => "unfinished_read_only",
            Error::DiskFull(_) => "disk_full",
            Error::Replaced(_) => "replaced",
            Error::NoBackup { .. } => "no_backup",
            Error::Io { .. } => "io",
            Error::Chart(_) => "chart",
            Error::Database(_) => "database",
        }
    }

    pub fn to_payload(&self) -> ErrorPayload {
        let (fields, rows) = match self {
            Error::Validation(f) => (f.clone(), Vec::new()),
            Error::ImportRejected { problems, .. } => (Vec::new(), problems.clone()),
            _ => (Vec::new(), Vec::new()),
        };
        let groups = match self {
            Error::ImportRejected { problems, .. } => group_problems(problems),
            _ => Vec::new(),
        };
        ErrorPayload { kind: self.kind(), message: self.to_string(), fields, rows, groups, params: self.params() }
    }

    /// The specifics of a whole error (paths, versions, counts) by name, so the window can put
    /// them into a sentence of its own language (`kind.<kind>` in its catalogue).
    pub fn params(&self) -> BTreeMap<&'static str, String> {
        let path = |p: &Path| p.display().to_string();
        let mut out = BTreeMap::new();
        match self {
            Error::ImportRejected { file, problems } => {
                out.insert("file", file.clone());
                out.insert("count", problems.len().to_string());
                out.insert("bad_rows", crate::roster::import::rows_of(problems).len().to_string());
            }
            Error::ImportLayout { file, code, params, .. } => {
                out.extend(params.iter().map(|(k, v)| (*k, v.clone())));
                out.insert("file", file.clone());
                out.insert("code", code.to_string());
            }
            Error::WorkspaceMissing(p)
            | Error::NotSqlite(p)
            | Error::ForeignDatabase(p)
            | Error::AlreadyExists(p)
            | Error::ReadOnly(p)
            | Error::OlderReadOnly(p)
            | Error::UnfinishedReadOnly(p)
            | Error::DiskFull(p)
            | Error::Replaced(p) => {
                out.insert("path", path(p));
            }
            Error::NoBackup { workspace, folder } => {
                out.insert("path", path(workspace));
                out.insert("folder", path(folder));
            }
            Error::Damaged { path: p, backup } => {
                out.insert("path", path(p));
                if let Some(b) = backup {
                    out.insert("backup", path(&b.path));
                    out.insert("backup_day", b.day.clone());
                }
            }
            Error::NewerVersion { path: p, found, supported } => {
                out.insert("path", path(p));
                out.insert("found", found.to_string());
                out.insert("supported", supported.to_string());
            }
            Error::Io { path: p, source, .. } => {
                out.insert("path", path(p));
                out.insert("detail", io_detail(source));
                out.insert("reason", io_reason(source).to_string());
            }
            _ => {}
        }
        out
    }
}

/// What crosses the edge: `{ kind, message, fields, rows, groups, params }`.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorPayload {
    pub kind: &'static str,
    pub message: String,
    pub fields: Vec<FieldError>,
    pub rows: Vec<RowError>,
    /// The row problems of a rejected import grouped by kind (see
    /// [`crate::roster::import::group_problems`]), so many of one kind read as one line.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<ProblemGroup>,
    /// Named specifics of the whole error (`path`, `found`, `supported`, `file`, `count`,
    /// `detail`, `reason`; for a damaged file with a backup copy `backup` and `backup_day`);
    /// empty for kinds that have none.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<&'static str, String>,
}

impl ErrorPayload {
    /// A payload of the shell's own (no workspace open, a worker that stopped), without field
    /// or row problems.
    pub fn new(kind: &'static str, message: impl Into<String>) -> Self {
        ErrorPayload { kind, message: message.into(), fields: Vec::new(), rows: Vec::new(), groups: Vec::new(), params: BTreeMap::new() }
    }
}

impl From<Error> for ErrorPayload {
    fn from(e: Error) -> Self {
        e.to_payload()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::ErrorKind;

    /// Issue 8: the window put the system's English words (`{detail}`) inside its Dutch
    /// sentence. The reasons a person can act on have a stable name the window words itself.
    #[test]
    fn file_errors_name_a_reason_the_window_words_without_the_systems_words() {
        let reason = |kind: ErrorKind| Error::io("read", "/x/roster.csv", std::io::Error::from(kind)).params().get("reason").cloned();
        for (kind, expected) in [
            (ErrorKind::NotFound, "not_found"),
            (ErrorKind::PermissionDenied, "not_allowed"),
            (ErrorKind::NotADirectory, "not_a_folder"),
            (ErrorKind::IsADirectory, "is_a_folder"),
            (ErrorKind::AlreadyExists, "already_exists"),
            (ErrorKind::InvalidFilename, "bad_name"),
            (ErrorKind::FileTooLarge, "too_large"),
            (ErrorKind::ResourceBusy, "in_use"),
            (ErrorKind::StaleNetworkFileHandle, "unreachable"),
            (ErrorKind::UnexpectedEof, "cut_short"),
            (ErrorKind::Other, "other"),
        ] {
            assert_eq!(reason(kind).as_deref(), Some(expected), "{kind:?}");
        }
        // A full disk, or a full quota, is its own kind whatever the operation.
        for kind in [ErrorKind::StorageFull, ErrorKind::QuotaExceeded] {
            assert_eq!(Error::io("write", "/x/a.chorus", std::io::Error::from(kind)).kind(), "disk_full");
        }
        let other = Error::io("read", "/x/a.csv", std::io::Error::other("weird thing at path \"/x/.chorus-new-Ab12.tmp\""));
        assert_eq!(other.to_string(), "Could not read /x/a.csv: weird thing.", "the CLI keeps the system's words, without a temporary file");
    }
}
