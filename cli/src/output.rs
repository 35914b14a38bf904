//! Standard output for every command. A reader that stops early (`chorus list --json | head -1`)
//! is not a failure: the command stops writing and ends quietly with success. [`closed_pipe`]
//! recognises that case in whatever error a command returns, however the write was wrapped
//! (a CSV writer, a calendar, a table).

use chorus_core::Error;
use std::io::{self, Write};

/// The error of a failed write to standard output.
pub fn write_error(e: io::Error) -> Error {
    Error::io("write", "standard output", e)
}

/// Writes `text` and a line break to standard output.
pub fn line(text: impl std::fmt::Display) -> chorus_core::Result<()> {
    writeln!(io::stdout().lock(), "{text}").map_err(write_error)
}

/// Writes `value` as pretty JSON to standard output.
pub fn json(value: &impl serde::Serialize) -> chorus_core::Result<()> {
    line(serde_json::to_string_pretty(value).expect("serialisable output"))
}

/// Whether `e` comes from writing to a pipe whose reader has gone.
pub fn closed_pipe(e: &Error) -> bool {
    let Error::Io { source, .. } = e else { return false };
    let mut next: Option<&(dyn std::error::Error + 'static)> = Some(source);
    while let Some(err) = next {
        if let Some(io) = err.downcast_ref::<io::Error>() {
            if io.kind() == io::ErrorKind::BrokenPipe {
                return true;
            }
            // A CSV or other writer's error wrapped in an io::Error: look inside.
            if let Some(inner) = io.get_ref() {
                next = Some(inner);
                continue;
            }
        }
        next = err.source();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_pipe_is_recognised_inside_wrapped_errors() {
        let pipe = || io::Error::from(io::ErrorKind::BrokenPipe);
        assert!(closed_pipe(&write_error(pipe())));
        let csv_error: csv_error::Wrapped = csv_error::Wrapped(pipe());
        assert!(closed_pipe(&Error::io("write", "the export", io::Error::other(csv_error))));
        assert!(!closed_pipe(&write_error(io::Error::from(io::ErrorKind::PermissionDenied))));
        assert!(!closed_pipe(&Error::Busy));
    }

    /// Stands in for the csv crate's error: an error whose source is the io::Error.
    mod csv_error {
        #[derive(Debug)]
        pub struct Wrapped(pub std::io::Error);
        impl std::fmt::Display for Wrapped {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "CSV error: {}", self.0)
            }
        }
        impl std::error::Error for Wrapped {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                Some(&self.0)
            }
        }
    }
}
