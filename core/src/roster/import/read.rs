//! Reading a CSV file the way spreadsheets write it: UTF-8 (with or without a byte-order mark),
//! Windows-1252 when the bytes are not UTF-8 (Dutch Excel), UTF-16 when it says so with a mark
//! (Excel's "Unicode text"); `,`, `;` or tab as separator, detected from the header line;
//! quoted fields holding separators and line breaks.
//!
//! Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row is
//! row 2, and a row is a record, not a line: a note with two line breaks inside quotes is still
//! one row. A blank line is a row too (a spreadsheet shows it as an empty row), even though the
//! CSV reader skips it.

use super::mapping::layout_error;
use crate::error::{Error, Result};
use std::path::Path;

/// A decoded file, ready to be parsed.
pub(crate) struct Text {
    pub text: String,
    /// `UTF-8`, `Windows-1252`, `UTF-16LE` or `UTF-16BE`.
    pub encoding: &'static str,
    pub delimiter: u8,
    pub file_name: String,
}

impl Text {
    /// How the window names the separator: `,`, `;` or `tab`.
    pub fn delimiter_name(&self) -> &'static str {
        match self.delimiter {
            b';' => ";",
            b'\t' => "tab",
            _ => ",",
        }
    }
}

/// Reads and decodes a file, refusing what is clearly not a CSV file.
pub(crate) fn load(path: &Path) -> Result<Text> {
    let bytes = std::fs::read(path).map_err(|e| Error::io("read", path, e))?;
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
    decode(bytes, file_name)
}

pub(crate) fn decode(bytes: Vec<u8>, file_name: String) -> Result<Text> {
    if bytes.starts_with(b"PK\x03\x04") {
        let message = format!("{file_name} is an Excel workbook or another zipped file, not a CSV file. In Excel choose File → Save As → “CSV UTF-8”, then import that file.");
        return Err(layout_error(&file_name, "workbook_not_csv", &[], message));
    }
    let (text, encoding) = if let Some((enc, _)) = encoding_rs::Encoding::for_bom(&bytes) {
        let (text, _, _) = enc.decode(&bytes); // removes the mark; malformed bytes become U+FFFD
        (text.into_owned(), enc.name())
    } else {
        match String::from_utf8(bytes) {
            Ok(text) => (text, "UTF-8"),
            Err(e) => {
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(e.as_bytes());
                (text.into_owned(), "Windows-1252")
            }
        }
    };
    if text.contains('\0') {
        let message = format!("{file_name} is not a text file, so it cannot be read as CSV. Export the list as CSV and import that file.");
        return Err(layout_error(&file_name, "not_text", &[], message));
    }
    if text.trim().is_empty() {
        let message = format!("{file_name} is empty: there is nothing to import.");
        return Err(layout_error(&file_name, "empty_file", &[], message));
    }
    let delimiter = detect_delimiter(&text);
    Ok(Text { text, encoding, delimiter, file_name })
}

/// The separator used most on the header line, counting only outside quotes. A tie goes to
/// `;` (a Dutch header rarely holds a comma), then tab; no separator at all means `,`.
fn detect_delimiter(text: &str) -> u8 {
    let (mut comma, mut semicolon, mut tab) = (0usize, 0usize, 0usize);
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => comma += 1,
            b';' if !quoted => semicolon += 1,
            b'\t' if !quoted => tab += 1,
            _ => {}
        }
    }
    if semicolon > 0 && semicolon >= comma && semicolon >= tab {
        b';'
    } else if tab > 0 && tab >= comma {
        b'\t'
    } else {
        b','
    }
}

/// One record of the file with its spreadsheet row number.
pub(crate) struct Record<'a> {
    pub row: u64,
    pub cells: &'a csv::StringRecord,
}

/// Walks the records of a decoded file. The first record is the header (row 1).
pub(crate) struct Records<'t> {
    reader: csv::Reader<&'t [u8]>,
    record: csv::StringRecord,
    bytes: &'t [u8],
    row: u64,
    file_name: &'t str,
}

impl<'t> Records<'t> {
    pub fn new(t: &'t Text) -> Self {
        let reader = csv::ReaderBuilder::new().delimiter(t.delimiter).has_headers(false).flexible(true).from_reader(t.text.as_bytes());
        Records { reader, record: csv::StringRecord::new(), bytes: t.text.as_bytes(), row: 0, file_name: &t.file_name }
    }

    /// The next record, or `None` at the end of the file.
    pub fn next_record(&mut self) -> Result<Option<Record<'_>>> {
        let more = self.reader.read_record(&mut self.record).map_err(|e| {
            let file = self.file_name;
            let again = "Save it again as CSV from your spreadsheet and try once more.";
            match e.position() {
                Some(p) => layout_error(file, "not_csv_near_line", &[("line", p.line().to_string())], format!("{file} could not be read as CSV near line {}. {again}", p.line())),
                None => layout_error(file, "not_csv", &[], format!("{file} could not be read as CSV. {again}")),
            }
        })?;
        if !more {
            return Ok(None);
        }
        let start = self.record.position().map_or(0, |p| p.byte() as usize);
        self.row += 1 + blank_lines_at(self.bytes, start);
        Ok(Some(Record { row: self.row, cells: &self.record }))
    }
}

/// The blank lines the CSV reader skipped before a record: the reader starts reading a record
/// at `start`, right after the previous record's terminator (or after the `\r` of a `\r\n`).
fn blank_lines_at(bytes: &[u8], start: usize) -> u64 {
    let mut i = start;
    if i > 0 && bytes.get(i - 1) == Some(&b'\r') && bytes.get(i) == Some(&b'\n') {
        i += 1; // the rest of the previous record's `\r\n`
    }
    let mut blank = 0;
    loop {
        match bytes.get(i..).unwrap_or_default() {
            [b'\r', b'\n', ..] => i += 2,
            [b'\n' | b'\r', ..] => i += 1,
            _ => return blank,
        }
        blank += 1;
    }
}

/// A cell as the import reads it: trimmed, and without the `'` a spreadsheet export puts in
/// front of text that would otherwise be taken for a formula (see [`defuse`]).
pub(crate) fn clean_cell(cell: &str) -> &str {
    let t = cell.trim();
    match t.strip_prefix('\'') {
        Some(rest) if starts_like_formula(rest.trim_start_matches('\'')) => rest,
        _ => t,
    }
}

fn starts_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Makes a cell safe to open in a spreadsheet: text that starts like a formula (`=`, `+`, `-`,
/// `@`, tab, carriage return) gets a leading `'`, so it stays text. Text that already starts
/// with quotes before such a character gets one more, so [`clean_cell`] gives back exactly the
/// original.
pub(crate) fn defuse(cell: &str) -> std::borrow::Cow<'_, str> {
    if starts_like_formula(cell.trim_start_matches('\'')) && !cell.is_empty() {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> Text {
        decode(bytes.to_vec(), "test.csv".into()).unwrap()
    }

    fn rows(t: &Text) -> Vec<(u64, Vec<String>)> {
        let mut r = Records::new(t);
        let mut out = Vec::new();
        while let Some(rec) = r.next_record().unwrap() {
            out.push((rec.row, rec.cells.iter().map(str::to_string).collect()));
        }
        out
    }

    #[test]
    fn utf8_with_and_without_mark_and_windows_1252() {
        let t = text(b"\xEF\xBB\xBFName,City\nZo\xC3\xAB,Gen\xC3\xA8ve\n");
        assert_eq!((t.encoding, t.delimiter_name()), ("UTF-8", ","));
        assert!(t.text.starts_with("Name"), "the mark is gone");
        let t = text(b"Naam;Stad\nZo\xEB;Gen\xE8ve\n");
        assert_eq!((t.encoding, t.delimiter_name()), ("Windows-1252", ";"));
        assert_eq!(rows(&t)[1].1, vec!["Zoë", "Genève"]);
        let t = text(b"\xFF\xFEN\0a\0m\0e\0\t\0I\0G\0\n\0");
        assert_eq!((t.encoding, t.delimiter_name()), ("UTF-16LE", "tab"));
    }

    #[test]
    fn the_separator_comes_from_the_header_line_outside_quotes() {
        assert_eq!(text(b"\"a;b\",c,d\n1;2;3;4;5\n").delimiter, b',');
        assert_eq!(text(b"Name;Notes\n\"x, y, z\";1\n").delimiter, b';');
        assert_eq!(text(b"Name\tCity\n").delimiter, b'\t');
        assert_eq!(text(b"Name\n").delimiter, b',');
    }

    #[test]
    fn rows_are_numbered_like_a_spreadsheet_not_like_lines() {
        let t = text(b"Name,Notes\nAnna,\"one\ntwo\nthree\"\n\nBram,x\r\nCor,y\n");
        let r = rows(&t);
        let numbers: Vec<u64> = r.iter().map(|(n, _)| *n).collect();
        assert_eq!(numbers, vec![1, 2, 4, 5], "the quoted note is one row; the blank line is row 3");
        assert_eq!(r[1].1[1], "one\ntwo\nthree");
        let crlf = text(b"Name\r\nA\r\n\r\n\r\nB\r\n\"x\r\ny\"\r\nC");
        assert_eq!(rows(&crlf).iter().map(|(n, _)| *n).collect::<Vec<_>>(), vec![1, 2, 5, 6, 7], "Excel's CRLF lines");
    }

    /// Issue 8: an empty file, a workbook, a file that is not text came as English-only
    /// sentences, so a Dutch window showed English. Each is refused with a code the window words.
    #[test]
    fn whole_file_import_problems_have_a_code_the_window_words() {
        for (bytes, expected) in [(&b""[..], "empty_file"), (b"  \n\n", "empty_file"), (b"PK\x03\x04rest", "workbook_not_csv"), (b"a\0b", "not_text")] {
            let Err(e) = decode(bytes.to_vec(), "x.csv".into()) else { panic!("accepted {bytes:?}") };
            assert_eq!((e.kind(), e.params().get("code").map(String::as_str), e.params().get("file").map(String::as_str)), ("bad_file", Some(expected), Some("x.csv")));
            assert!(e.to_string().starts_with("x.csv"), "the CLI keeps its English sentence: {e}");
        }
    }

    #[test]
    fn formula_defusing_round_trips() {
        for original in ["=HYPERLINK(\"http://evil\")", "@SUM(A1)", "-1+2", "+31 6 1234", "'=already", "''@x", "plain", "'quoted", "", "-"] {
            let written = defuse(original);
            if original.trim_start_matches('\'').starts_with(['=', '+', '-', '@']) {
                assert!(written.starts_with('\''), "{original} must be defused");
            }
            assert_eq!(clean_cell(&written), original, "{original} must come back");
        }
        assert_eq!(clean_cell("  '=1+1 "), "=1+1");
        assert_eq!(clean_cell("'hello"), "'hello", "only a quote before a formula character is removed");
    }
}
