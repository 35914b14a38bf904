//! The ECB's euro reference rates, as downloaded from the ECB: the CSV (`eurofxref.csv`, one day:
//! `Date, USD, JPY, …,` then `10 June 2026, 1.0163, …,`; `eurofxref-hist.csv`, every day since
//! 1999, newest first: `Date,USD,JPY,…,` then `2026-06-10,1.0163,…,` with `N/A` where a
//! currency had no rate) and the XML (`eurofxref-daily.xml`, `eurofxref-hist.xml`:
//! `<Cube time='2026-06-10'><Cube currency='USD' rate='1.0163'/>…` in the gesmes envelope).
//! Every rate is `1 EUR = rate` of the currency. The CSV is read as the roster import reads a
//! file (encoding, `,` or `;`, quotes: a copy saved again by Dutch Excel, with decimal
//! commas, reads too); columns are found by their header, never their place. Currencies Chorus
//! does not know (the ECB's history holds some that ended long ago, such as CYP) are left out
//! and listed, and so are columns that are not currencies; a cell that is not a rate is a row problem, and one problem stops the whole
//! import (all or nothing). In the XML a problem's row is the line of the file.

use super::{read_rate_date, DatedRate, ExactRate};
use crate::error::{Error, Result, RowError};
use crate::money::Currency;
use crate::numbers::Spelling;
use crate::roster::import::{clean_cell, decode, layout_error, row_error, Records, Text};
use chrono::NaiveDate;
use quick_xml::events::Event;
use std::collections::BTreeMap;
use std::path::Path;

/// What an ECB file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EcbRates {
    /// Every rate of the file, oldest first: 1 EUR = rate of the currency.
    pub rates: Vec<DatedRate>,
    /// Currency codes of the file that Chorus does not know, left out.
    pub skipped_currencies: Vec<String>,
    /// Headers that are not currency codes (a column someone added), left out.
    pub ignored_columns: Vec<String>,
    /// `CSV` or `XML`.
    pub format: &'static str,
}

impl EcbRates {
    /// The first and last day the file has rates for.
    pub fn dates(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((self.rates.first()?.date, self.rates.last()?.date))
    }
}

/// Reads an ECB reference-rates file, CSV or XML (told apart by its content).
pub fn read_ecb_file(path: &Path) -> Result<EcbRates> {
    let bytes = std::fs::read(path).map_err(|e| Error::io("read", path, e))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
    read_ecb(bytes, name)
}

/// [`read_ecb_file`] on bytes already read; `file_name` names the file in problems.
pub fn read_ecb(bytes: Vec<u8>, file_name: String) -> Result<EcbRates> {
    let text = decode(bytes, file_name)?;
    if text.text.trim_start().starts_with('<') {
        read_xml(&text.text, &text.file_name)
    } else {
        read_csv(&text)
    }
}

fn not_ecb(file: &str) -> Error {
    layout_error(file, "not_ecb_rates", &[], format!("{file} does not look like the ECB's reference rates: the CSV starts with a Date column followed by currency codes, the XML has Cube elements with time, currency and rate. Download eurofxref-hist.csv or eurofxref-daily.xml from the ECB and import that file."))
}

/// Collects the rates of a file, one per day and currency, and its problems.
struct Collected {
    rates: BTreeMap<(NaiveDate, &'static str), DatedRate>,
    skipped: Vec<String>,
    ignored: Vec<String>,
    problems: Vec<RowError>,
}

impl Collected {
    fn new() -> Collected {
        Collected { rates: BTreeMap::new(), skipped: Vec::new(), ignored: Vec::new(), problems: Vec::new() }
    }

    fn skip(&mut self, code: &str) {
        if !self.skipped.iter().any(|s| s == code) {
            self.skipped.push(code.to_string());
        }
    }

    fn rate(&mut self, row: u64, column: &str, date: NaiveDate, currency: Currency, cell: &str, spelling: Spelling) {
        if cell.is_empty() || cell.eq_ignore_ascii_case("N/A") || cell == "-" {
            return;
        }
        match ExactRate::parse(cell, spelling) {
            Ok(rate) => {
                let eur = Currency::parse("EUR").expect("EUR is a currency");
                let new = DatedRate { date, from: eur, to: currency, rate };
                if let Some(old) = self.rates.insert((date, currency.code()), new) {
                    if old.rate != rate {
                        let message = format!("The file has two rates for {currency} on {date}: {} and {rate}.", old.rate);
                        self.problems.push(row_error(row, column, "rate_twice", Some(cell.to_string()), &message));
                    }
                }
            }
            Err(refusal) => self.problems.push(row_error(row, column, refusal.code, Some(cell.to_string()), &refusal.message)),
        }
    }

    fn finish(mut self, file: &str, format: &'static str) -> Result<EcbRates> {
        if !self.problems.is_empty() {
            self.problems.sort_by_key(|p| p.row);
            return Err(Error::ImportRejected { file: file.to_string(), problems: self.problems });
        }
        if self.rates.is_empty() {
            return Err(layout_error(file, "no_rates", &[], format!("{file} holds no exchange rates: every cell is empty or N/A.")));
        }
        Ok(EcbRates { rates: self.rates.into_values().collect(), skipped_currencies: self.skipped, ignored_columns: self.ignored, format })
    }
}

fn read_csv(text: &Text) -> Result<EcbRates> {
    let file = text.file_name.as_str();
    let mut records = Records::new(text);
    let header = match records.next_record()? {
        Some(r) => r.cells.iter().map(|c| clean_cell(c).trim_start_matches('\u{feff}').to_string()).collect::<Vec<_>>(),
        None => return Err(not_ecb(file)),
    };
    let date_column = header.iter().position(|h| h.eq_ignore_ascii_case("date")).ok_or_else(|| not_ecb(file))?;
    let mut collected = Collected::new();
    let mut columns: Vec<(usize, Currency)> = Vec::new();
    for (i, h) in header.iter().enumerate() {
        if i == date_column || h.is_empty() {
            continue; // the trailing comma's empty column
        }
        match Currency::parse(h).filter(|c| c.code() == h.to_ascii_uppercase() && h.len() == 3) {
            Some(c) if c.code() != "EUR" => columns.push((i, c)),
            Some(_) => {}
            None if h.len() == 3 && h.chars().all(|c| c.is_ascii_alphabetic()) => collected.skip(h),
            None => collected.ignored.push(h.clone()),
        }
    }
    if columns.is_empty() && collected.skipped.is_empty() {
        return Err(not_ecb(file));
    }
    // A `;` file comes from a spreadsheet that may have written decimal commas; the ECB's own
    // file has points. One separator in a rate is its decimal mark either way.
    let spelling = Spelling::Unknown;
    while let Some(record) = records.next_record()? {
        let cell = |i: usize| record.cells.get(i).map(clean_cell).unwrap_or("");
        if record.cells.iter().all(|c| clean_cell(c).is_empty()) {
            continue;
        }
        let Some(date) = read_rate_date(cell(date_column)) else {
            let value = cell(date_column).to_string();
            let message = format!("“{value}” is not a date; the ECB writes 2026-06-10 or 10 June 2026.");
            collected.problems.push(row_error(record.row, &header[date_column], "rate_date_invalid", Some(value), &message));
            continue;
        };
        for (i, currency) in &columns {
            collected.rate(record.row, &header[*i], date, *currency, cell(*i), spelling);
        }
    }
    collected.finish(file, "CSV")
}

fn read_xml(text: &str, file: &str) -> Result<EcbRates> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut collected = Collected::new();
    let mut day: Option<NaiveDate> = None;
    let mut saw_cube = false;
    let line_at = |position: u64| 1 + text.as_bytes()[..(position as usize).min(text.len())].iter().filter(|b| **b == b'\n').count() as u64;
    loop {
        let position = reader.buffer_position();
        let event = reader.read_event().map_err(|_| {
            let line = line_at(reader.error_position());
            layout_error(file, "not_xml_near_line", &[("line", line.to_string())], format!("{file} could not be read as XML near line {line}. Download the file from the ECB again and import it once more."))
        })?;
        let element = match &event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Cube" => e,
            Event::Eof => break,
            _ => continue,
        };
        saw_cube = true;
        let line = line_at(position);
        let mut attributes: BTreeMap<String, String> = BTreeMap::new();
        for attribute in element.attributes().flatten() {
            let key = attribute.key.local_name().as_ref().to_string();
            let value = attribute.normalized_value(quick_xml::XmlVersion::Implicit1_0).map(|v| v.trim().to_string()).unwrap_or_default();
            attributes.insert(key, value);
        }
        if let Some(time) = attributes.get("time") {
            day = read_rate_date(time);
            if day.is_none() {
                let message = format!("“{time}” is not a date; the ECB writes 2026-06-10.");
                collected.problems.push(row_error(line, "time", "rate_date_invalid", Some(time.clone()), &message));
            }
        }
        let (Some(code), Some(rate)) = (attributes.get("currency"), attributes.get("rate")) else { continue };
        let Some(date) = day else {
            if collected.problems.iter().all(|p| p.code != "rate_date_invalid") {
                collected.problems.push(row_error(line, "time", "rate_without_date", None, "A rate stands outside a day's Cube time=…, so its date is not known."));
            }
            continue;
        };
        match Currency::parse(code).filter(|c| c.code() == code.to_ascii_uppercase() && code.len() == 3) {
            Some(currency) if currency.code() != "EUR" => collected.rate(line, "rate", date, currency, rate, Spelling::English),
            Some(_) => {}
            None => collected.skip(code),
        }
    }
    if !saw_cube {
        return Err(not_ecb(file));
    }
    collected.finish(file, "XML")
}

#[cfg(test)]
#[path = "ecb_tests.rs"]
mod tests;
