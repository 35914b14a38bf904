//! The rows an import left out, saved beside the file it came from to fix and import again.
//!
//! Contract: the file keeps the source's own header and cells, exactly as they were read (only
//! made formula-safe, which the import undoes), in the source's separator, UTF-8 with a
//! byte-order mark, plus a last column “Chorus: what to fix” with every problem of the row,
//! each naming its row in the source file. It is written to a temporary file in the same folder
//! and moved into place under a name nothing has yet (`creators-left-out.csv`, then
//! `creators-left-out-2.csv`, …): nothing is ever overwritten, and a failed save leaves nothing.
//! The extra column is not a field, so importing the fixed file ignores it.

use crate::roster::export::write_safe_row as write_row;
use crate::error::{Error, Result, RowError};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The header of the column that says what to fix.
pub(crate) const WHAT_TO_FIX: &str = "Chorus: what to fix";

/// Saves the records of the rows with problems beside `source`; returns where.
pub(crate) fn save(source: &Path, delimiter: u8, header: &csv::StringRecord, records: &[(u64, csv::StringRecord)], problems: &[RowError]) -> Result<PathBuf> {
    let dir = match source.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let stem = source.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "import".into());
    let source_name = source.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut why: BTreeMap<u64, Vec<String>> = BTreeMap::new();
    for p in problems {
        let place = if p.column.is_empty() { format!("Row {} of {source_name}", p.row) } else { format!("Row {} of {source_name}, column ‘{}’", p.row, p.column) };
        why.entry(p.row).or_default().push(format!("{place}: {}", p.message));
    }

    let io = |e: std::io::Error| Error::io("save the left-out rows in", &dir, e);
    let mut temp = tempfile::Builder::new().prefix(".chorus-left-out-").suffix(".tmp").tempfile_in(&dir).map_err(io)?;
    {
        let file = temp.as_file_mut();
        file.write_all("\u{feff}".as_bytes()).map_err(io)?;
        let mut csv = csv::WriterBuilder::new().delimiter(delimiter).flexible(true).from_writer(std::io::BufWriter::new(file));
        let width = header.len();
        let mut row: Vec<String> = header.iter().map(str::to_string).collect();
        row.push(WHAT_TO_FIX.to_string());
        write_row(&mut csv, &row).map_err(|e| io(e.into()))?;
        for (number, record) in records {
            let Some(reasons) = why.get(number) else { continue };
            row.clear();
            row.extend(record.iter().map(str::to_string));
            while row.len() < width {
                row.push(String::new());
            }
            row.push(reasons.join(" · "));
            write_row(&mut csv, &row).map_err(|e| io(e.into()))?;
        }
        let mut inner = csv.into_inner().map_err(|e| io(e.into_error()))?;
        inner.flush().map_err(io)?;
    }
    temp.as_file().sync_all().map_err(io)?;
    for n in 1..=999u32 {
        let name = if n == 1 { format!("{stem}-left-out.csv") } else { format!("{stem}-left-out-{n}.csv") };
        let target = dir.join(name);
        match temp.persist_noclobber(&target) {
            Ok(_) => return Ok(target),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => temp = e.file,
            Err(e) => return Err(io(e.error)),
        }
    }
    Err(io(std::io::Error::new(std::io::ErrorKind::AlreadyExists, "there are already 999 files of left-out rows beside it")))
}
