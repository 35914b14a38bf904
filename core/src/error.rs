//! Errors in two layers: [`Error`] carries the detail inside the core; [`ErrorPayload`] is what
//! crosses to the window and the CLI: a stable `kind` to switch on, a sentence a shop owner
//! understands, and the field- or row-level problems with their parameters. No SQL and no
//! personal data ever goes into a message.

use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

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
/// the header is row 1, the first data row is row 2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    pub row: u64,
    /// The header of the column as it appears in the file; empty when the whole row is wrong.
    pub column: String,
    pub code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}", validation_summary(.0))]
    Validation(Vec<FieldError>),

    #[error("The import was stopped: {} problem(s) in {file}. Nothing was imported.", .problems.len())]
    ImportRejected { file: String, problems: Vec<RowError> },

    #[error("{0}")]
    BadFile(String),

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

    #[error("{} could not be read as a Chorus workspace: it may be damaged. The file was left untouched; a backup copy (a file ending in -backup-….chorus) may sit beside it.", .0.display())]
    Damaged(PathBuf),

    #[error("{} was made by a newer version of Chorus (workspace format {found}; this version reads up to {supported}). Update Chorus to open it. The file was left untouched.", .path.display())]
    NewerVersion { path: PathBuf, found: i64, supported: i64 },

    #[error("A file already exists at {}. Choose another name, or open that file instead.", .0.display())]
    AlreadyExists(PathBuf),

    #[error("The workspace is busy: another Chorus window or command is writing to it. Try again in a moment.")]
    Busy,

    #[error("Could not {action} {}: {}.", .path.display(), io_reason(.source))]
    Io { action: &'static str, path: PathBuf, #[source] source: std::io::Error },

    #[error("The workspace database reported an error: {0}")]
    Database(rusqlite::Error),
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => Error::Busy,
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
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { action, path: path.into(), source }
    }

    /// The stable kind the window and scripts switch on. Never changes once shipped.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Validation(_) => "validation",
            Error::ImportRejected { .. } => "import_rejected",
            Error::BadFile(_) => "bad_file",
            Error::NotFound { .. } => "not_found",
            Error::StaleEdit { .. } => "stale_edit",
            Error::WorkspaceMissing(_) => "workspace_missing",
            Error::NotSqlite(_) => "not_sqlite",
            Error::ForeignDatabase(_) => "foreign_database",
            Error::NewerVersion { .. } => "newer_version",
            Error::Damaged(_) => "damaged",
            Error::AlreadyExists(_) => "already_exists",
            Error::Busy => "busy",
            Error::Io { .. } => "io",
            Error::Database(_) => "database",
        }
    }

    pub fn to_payload(&self) -> ErrorPayload {
        let (fields, rows) = match self {
            Error::Validation(f) => (f.clone(), Vec::new()),
            Error::ImportRejected { problems, .. } => (Vec::new(), problems.clone()),
            _ => (Vec::new(), Vec::new()),
        };
        ErrorPayload { kind: self.kind(), message: self.to_string(), fields, rows, params: self.params() }
    }

    /// The specifics of a whole error (paths, versions, counts) by name, so the window can put
    /// them into a sentence of its own language (`kind.<kind>` in its catalogue).
    pub fn params(&self) -> BTreeMap<&'static str, String> {
        let path = |p: &PathBuf| p.display().to_string();
        let mut out = BTreeMap::new();
        match self {
            Error::ImportRejected { file, problems } => {
                out.insert("file", file.clone());
                out.insert("count", problems.len().to_string());
            }
            Error::WorkspaceMissing(p) | Error::NotSqlite(p) | Error::ForeignDatabase(p) | Error::Damaged(p) | Error::AlreadyExists(p) => {
                out.insert("path", path(p));
            }
            Error::NewerVersion { path: p, found, supported } => {
                out.insert("path", path(p));
                out.insert("found", found.to_string());
                out.insert("supported", supported.to_string());
            }
            Error::Io { path: p, source, .. } => {
                out.insert("path", path(p));
                out.insert("detail", io_reason(source));
            }
            _ => {}
        }
        out
    }
}

/// Why a file could not be read or written, in plain words: the common reasons by their kind;
/// any other as the system words it, without the name of a temporary file a library may have
/// added (`… at path "/x/.chorus-new-Ab12.tmp"`): that file is Chorus's business, not the
/// person's.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "it does not exist".into(),
        PermissionDenied => "Chorus is not allowed to (the folder or file is protected)".into(),
        ReadOnlyFilesystem => "the disk is read-only".into(),
        StorageFull => "the disk is full".into(),
        NotADirectory => "part of that path is a file, not a folder".into(),
        IsADirectory => "that is a folder, not a file".into(),
        AlreadyExists => "something with that name is already there".into(),
        BrokenPipe => "the program reading the output has stopped".into(),
        _ => {
            let text = e.to_string();
            let text = text.split(" at path \"").next().unwrap_or(&text);
            text.split(" (os error").next().unwrap_or(text).trim().to_string()
        }
    }
}

/// What crosses the edge: `{ kind, message, fields, rows, params }`.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorPayload {
    pub kind: &'static str,
    pub message: String,
    pub fields: Vec<FieldError>,
    pub rows: Vec<RowError>,
    /// Named specifics of the whole error (`path`, `found`, `supported`, `file`, `count`,
    /// `detail`); empty for kinds that have none.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<&'static str, String>,
}

impl From<Error> for ErrorPayload {
    fn from(e: Error) -> Self {
        e.to_payload()
    }
}
