//! The payout sheet: one row per creator of a run — name, method, PayPal email or IBAN,
//! currency, commissions, fees, adjustments, carried in, payable, and where they stand
//! (payable, carried, blocked with the reason) — under the brand and the period, with a
//! totals row. What agency staff send a client or keep with the books.
//!
//! Contract: pure (rows in, a file's bytes out).
//! - XLSX (`rust_xlsxwriter`): amounts are numbers in the currency's format (`€ #,##0.00`),
//!   text is always written as text (never a formula, whatever it starts with), the header
//!   row frozen, columns wide enough to read.
//! - CSV in a [`Dialect`]: plain (commas, `1234.56`, English) or Dutch Excel (semicolons,
//!   `1234,56`, Dutch words, CRLF), UTF-8 with a byte-order mark; every text cell
//!   formula-safe.
//! - The totals are exact integer sums of the rows (no float is ever summed); the sheet's
//!   words are English or Dutch ([`SheetLanguage`]).

use crate::error::{Error, Result};
use crate::money::{format_plain, Currency};
use crate::roster::export::Dialect;
use crate::roster::import::defuse;
use rust_xlsxwriter::{Format, Workbook};

/// One creator's row; amounts in the sheet's currency's minor units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    pub name: String,
    /// `paypal`, `bank` or empty (none chosen).
    pub method: &'static str,
    /// The PayPal email or the IBAN.
    pub destination: String,
    pub commissions: i64,
    pub fees: i64,
    pub adjustments: i64,
    pub carried_in: i64,
    pub payable: i64,
    /// Where the creator stands, in the sheet's language (`Payable`, `Carried: below the
    /// minimum payout`, `Blocked: no IBAN`).
    pub standing: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub brand: String,
    /// The run and its period as the sheet's title says it (`Payout run 12 · up to 30 November 2026`).
    pub period: String,
    pub currency: Currency,
    pub rows: Vec<SheetRow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetLanguage {
    English,
    Dutch,
}

struct Words {
    columns: [&'static str; 10],
    total: &'static str,
    paypal: &'static str,
    bank: &'static str,
}

fn words(language: SheetLanguage) -> Words {
    match language {
        SheetLanguage::English => Words {
            columns: ["Name", "Method", "PayPal email or IBAN", "Currency", "Commissions", "Fees", "Adjustments", "Carried in", "Payable", "Status"],
            total: "Total",
            paypal: "PayPal",
            bank: "Bank transfer",
        },
        SheetLanguage::Dutch => Words {
            columns: ["Naam", "Methode", "PayPal-e-mail of IBAN", "Valuta", "Commissies", "Vergoedingen", "Correcties", "Overgedragen", "Uit te betalen", "Status"],
            total: "Totaal",
            paypal: "PayPal",
            bank: "Bankoverschrijving",
        },
    }
}

fn method_word(w: &Words, method: &str) -> &'static str {
    match method {
        "paypal" => w.paypal,
        "bank" => w.bank,
        _ => "",
    }
}

/// The five amounts of each row and of the totals row, summed exactly.
fn totals(sheet: &Sheet) -> Result<[i64; 5]> {
    let mut sums = [0i64; 5];
    for r in &sheet.rows {
        for (sum, v) in sums.iter_mut().zip([r.commissions, r.fees, r.adjustments, r.carried_in, r.payable]) {
            *sum = sum.checked_add(v).ok_or_else(|| Error::BadFile("The payout sheet's totals are too large to add up.".into()))?;
        }
    }
    Ok(sums)
}

/// The sheet as an XLSX workbook.
pub fn sheet_xlsx(sheet: &Sheet, language: SheetLanguage) -> Result<Vec<u8>> {
    let w = words(language);
    let sums = totals(sheet)?;
    let failed = |_| Error::BadFile("The payout sheet could not be written.".into());
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(if language == SheetLanguage::Dutch { "Uitbetaling" } else { "Payout" }).map_err(failed)?;
    let exp = sheet.currency.exponent();
    let decimals = if exp == 0 { String::new() } else { format!(".{}", "0".repeat(exp as usize)) };
    let symbol = sheet.currency.symbol();
    let prefix = if symbol.is_empty() || symbol == sheet.currency.code() { format!("\"{} \"", sheet.currency.code()) } else { format!("\"{symbol} \"") };
    let amount = Format::new().set_num_format(format!("{prefix}#,##0{decimals};-{prefix}#,##0{decimals}"));
    let bold = Format::new().set_bold();
    let bold_amount = amount.clone().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    ws.write_string_with_format(0, 0, &sheet.brand, &title).map_err(failed)?;
    ws.write_string(1, 0, &sheet.period).map_err(failed)?;
    const HEAD: u32 = 3;
    for (col, name) in w.columns.iter().enumerate() {
        ws.write_string_with_format(HEAD, col as u16, *name, &bold).map_err(failed)?;
    }
    let scale = 10f64.powi(exp as i32);
    let number = |minor: i64| minor as f64 / scale;
    let mut row = HEAD + 1;
    for r in &sheet.rows {
        ws.write_string(row, 0, &r.name).map_err(failed)?;
        ws.write_string(row, 1, method_word(&w, r.method)).map_err(failed)?;
        ws.write_string(row, 2, &r.destination).map_err(failed)?;
        ws.write_string(row, 3, sheet.currency.code()).map_err(failed)?;
        for (col, v) in [r.commissions, r.fees, r.adjustments, r.carried_in, r.payable].into_iter().enumerate() {
            ws.write_number_with_format(row, 4 + col as u16, number(v), &amount).map_err(failed)?;
        }
        ws.write_string(row, 9, &r.standing).map_err(failed)?;
        row += 1;
    }
    ws.write_string_with_format(row, 0, w.total, &bold).map_err(failed)?;
    ws.write_string_with_format(row, 3, sheet.currency.code(), &bold).map_err(failed)?;
    for (col, v) in sums.into_iter().enumerate() {
        ws.write_number_with_format(row, 4 + col as u16, number(v), &bold_amount).map_err(failed)?;
    }
    for (col, width) in [28.0, 16.0, 34.0, 9.0, 14.0, 14.0, 14.0, 14.0, 14.0, 40.0].into_iter().enumerate() {
        ws.set_column_width(col as u16, width).map_err(failed)?;
    }
    ws.set_freeze_panes(HEAD + 1, 0).map_err(failed)?;
    book.save_to_buffer().map_err(failed)
}

/// The sheet as CSV in `dialect`: the brand and the period on the first two rows, a blank row,
/// the header, the creators and the totals row.
pub fn sheet_csv(sheet: &Sheet, dialect: Dialect) -> Result<Vec<u8>> {
    let language = if dialect == Dialect::ExcelNl { SheetLanguage::Dutch } else { SheetLanguage::English };
    let w = words(language);
    let sums = totals(sheet)?;
    let failed = || Error::BadFile("The payout sheet could not be written.".into());
    let amount = |minor: i64| {
        let plain = format_plain(minor, sheet.currency);
        if dialect == Dialect::ExcelNl {
            plain.replace('.', ",")
        } else {
            plain
        }
    };
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut csv = csv::WriterBuilder::new().delimiter(dialect.delimiter()).terminator(dialect.terminator()).flexible(true).from_writer(&mut out);
        csv.write_record([defuse(&sheet.brand).as_ref()]).map_err(|_| failed())?;
        csv.write_record([defuse(&sheet.period).as_ref()]).map_err(|_| failed())?;
        csv.write_record([""]).map_err(|_| failed())?;
        csv.write_record(w.columns).map_err(|_| failed())?;
        for r in &sheet.rows {
            let mut cells: Vec<String> = vec![defuse(&r.name).into_owned(), method_word(&w, r.method).to_string(), defuse(&r.destination).into_owned(), sheet.currency.code().to_string()];
            cells.extend([r.commissions, r.fees, r.adjustments, r.carried_in, r.payable].map(amount));
            cells.push(defuse(&r.standing).into_owned());
            csv.write_record(&cells).map_err(|_| failed())?;
        }
        let mut cells: Vec<String> = vec![w.total.to_string(), String::new(), String::new(), sheet.currency.code().to_string()];
        cells.extend(sums.map(amount));
        cells.push(String::new());
        csv.write_record(&cells).map_err(|_| failed())?;
        csv.flush().map_err(|_| failed())?;
    }
    Ok(out)
}
