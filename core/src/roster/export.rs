//! Exporting the roster (or the filtered view the person is looking at) as a CSV file.
//!
//! Contract:
//! - UTF-8 with a byte-order mark (so Excel reads accents right), one header row whose names
//!   the import recognises, so an exported file imports back and changes nothing. Two shapes
//!   ([`Dialect`]): the plain machine CSV (commas, `1234.56`, English headers) for other
//!   software and scripts, and Excel as a Dutch (or Belgian) computer opens it by a double
//!   click (semicolons, `1234,56`, CRLF line ends, Dutch headers: `Naam`, `Instagram volgers`,
//!   `Tarief reel`). Both import back unchanged.
//! - Columns, always in this order (named here in English): Name; for each platform any exported creator uses (in the
//!   fixed platform order), its handle, followers and URL, with numbered columns (`Instagram 2
//!   handle`) when a creator has several accounts on one platform; Niches, Tags, Stage, Tier,
//!   City, Country, Language, Email, Phone, Manager, Payout method, PayPal email, IBAN, Account
//!   holder, Authenticity score, Authenticity notes, Notes; a rate column per format any
//!   exported creator prices (machine format `1234.56`); Created, Updated.
//! - User text never becomes a formula: a cell starting with `=`, `+`, `-`, `@`, tab or
//!   carriage return gets a leading `'`, which the import removes again.
//! - The rows stream from the database in the view's order (the query's offset and limit are
//!   ignored); [`export_roster`] writes to a temporary file beside the target and renames it
//!   into place, so a failed export never leaves half a file.

use crate::error::{Error, Result};
use crate::roster::import::{defuse, Field};
use crate::roster::model::{ContentFormat, Platform};
use crate::money::{self, Currency};
use crate::roster::{build_filter, RosterQuery, SortKey};
use crate::workspace::Workspace;
use rusqlite::params_from_iter;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The shape of an exported CSV file: what the spreadsheet that opens it expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dialect {
    /// Commas and decimal points: for other software, scripts and English spreadsheets.
    #[default]
    Plain,
    /// Semicolons and decimal commas, CRLF line ends: what Excel on a Dutch or Belgian
    /// computer opens as columns.
    ExcelNl,
}

impl Dialect {
    /// `plain` or `excel-nl`.
    pub fn parse(text: &str) -> Option<Dialect> {
        match text.trim().to_ascii_lowercase().as_str() {
            "plain" | "csv" => Some(Dialect::Plain),
            "excel-nl" | "excel_nl" => Some(Dialect::ExcelNl),
            _ => None,
        }
    }

    /// The dialect a workspace's own spreadsheets speak: Excel (Dutch) for a Dutch-speaking
    /// locale (`nl-NL`, `nl-BE`), else the plain one.
    pub fn for_locale(locale: &str) -> Dialect {
        if locale.to_ascii_lowercase().starts_with("nl") {
            Dialect::ExcelNl
        } else {
            Dialect::Plain
        }
    }

    pub(crate) fn delimiter(self) -> u8 {
        match self {
            Dialect::Plain => b',',
            Dialect::ExcelNl => b';',
        }
    }

    pub(crate) fn terminator(self) -> csv::Terminator {
        match self {
            Dialect::Plain => csv::Terminator::Any(b'\n'),
            Dialect::ExcelNl => csv::Terminator::CRLF,
        }
    }

    /// The header of a field's column: its English label in the plain file, its Dutch one in
    /// Excel (Dutch); the import recognises both.
    fn header(self, field: Field) -> String {
        match self {
            Dialect::Plain => field.label(),
            Dialect::ExcelNl => field.dutch_label(),
        }
    }

    /// The headers of the two columns of dates (never imported: the import makes its own).
    fn dates(self) -> [&'static str; 2] {
        match self {
            Dialect::Plain => ["Created", "Updated"],
            Dialect::ExcelNl => ["Aangemaakt", "Bijgewerkt"],
        }
    }

    /// An amount as [`money::format_unmistakable`] writes it (so the import reads it back
    /// exactly), with the decimal separator of the dialect.
    fn amount(self, minor: i64, currency: Currency) -> String {
        let plain = money::format_unmistakable(minor, currency);
        match self {
            Dialect::Plain => plain,
            Dialect::ExcelNl => plain.replace('.', ","),
        }
    }
}

/// Writes the roster (or the filtered view of `query`, ignoring offset/limit) as CSV to `out`,
/// replacing any file there only once the export is complete. Returns the rows written.
pub fn export_roster(ws: &Workspace, query: &RosterQuery, out: &Path) -> Result<u64> {
    export_roster_as(ws, query, Dialect::Plain, out)
}

/// [`export_roster`] in the given dialect.
pub fn export_roster_as(ws: &Workspace, query: &RosterQuery, dialect: Dialect, out: &Path) -> Result<u64> {
    write_atomically(out, |file| write_csv(ws, query, dialect, std::io::BufWriter::new(file), out))
}

/// Lets `write` fill a temporary file beside `out`, then moves it into place, replacing any
/// file there only once it is complete and on disk; on an error nothing at `out` changes.
pub(crate) fn write_atomically<T>(out: &Path, write: impl FnOnce(&mut std::fs::File) -> Result<T>) -> Result<T> {
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".chorus-export-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| Error::io("create a file in", &dir, e))?;
    let value = write(temp.as_file_mut())?;
    temp.as_file().sync_all().map_err(|e| Error::io("write", out, e))?;
    temp.persist(out).map_err(|e| Error::io("save", out, e.error))?;
    Ok(value)
}

/// Writes the roster (or the filtered view of `query`, ignoring offset/limit) as CSV to
/// `writer`. Returns the rows written (not counting the header).
pub fn write_roster_csv(ws: &Workspace, query: &RosterQuery, writer: impl Write) -> Result<u64> {
    write_roster_csv_as(ws, query, Dialect::Plain, writer)
}

/// [`write_roster_csv`] in the given dialect.
pub fn write_roster_csv_as(ws: &Workspace, query: &RosterQuery, dialect: Dialect, writer: impl Write) -> Result<u64> {
    write_csv(ws, query, dialect, writer, Path::new("the export"))
}

fn write_csv(ws: &Workspace, query: &RosterQuery, dialect: Dialect, mut writer: impl Write, target: &Path) -> Result<u64> {
    let io = |e: std::io::Error| Error::io("write", target, e);
    let settings = ws.settings()?;
    let filter = build_filter(ws, query)?;
    let conn = ws.conn();
    // One read transaction: the columns and the rows come from the same moment, even while
    // another window writes.
    let snapshot = conn.unchecked_transaction()?;
    let params = || params_from_iter(&filter.params);
    let where_ = &filter.sql;

    let slots: Vec<(Platform, i64)> = conn
        .prepare(&format!(
            "SELECT platform, max(n) FROM (SELECT h.platform AS platform, count(*) AS n FROM handles h JOIN creators c ON c.id = h.creator_id {where_} GROUP BY h.creator_id, h.platform) GROUP BY platform"
        ))?
        .query_map(params(), |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
        .filter_map(|r| r.map(|(p, n)| Platform::parse(&p).map(|p| (p, n))).transpose())
        .collect::<rusqlite::Result<_>>()?;
    let mut slots: Vec<(Platform, u8)> = slots.into_iter().flat_map(|(p, n)| (1..=n.clamp(1, i64::from(crate::roster::import::MAX_SLOT)) as u8).map(move |i| (p, i))).collect();
    slots.sort();
    let formats: Vec<ContentFormat> = {
        let mut f: Vec<ContentFormat> = conn
            .prepare(&format!("SELECT DISTINCT r.format FROM rate_card r JOIN creators c ON c.id = r.creator_id {where_}"))?
            .query_map(params(), |r| r.get::<_, String>(0))?
            .filter_map(|r| r.map(|s| ContentFormat::parse(&s)).transpose())
            .collect::<rusqlite::Result<_>>()?;
        f.sort();
        f
    };

    writer.write_all("\u{feff}".as_bytes()).map_err(io)?;
    let mut csv = csv::WriterBuilder::new().delimiter(dialect.delimiter()).terminator(dialect.terminator()).from_writer(writer);
    let csv_io = |e: csv::Error| io(e.into());
    let label = |f: Field| dialect.header(f);
    let mut header: Vec<String> = vec![label(Field::Name)];
    for &(p, n) in &slots {
        header.extend([label(Field::Handle(p, n)), label(Field::Followers(p, n)), label(Field::Url(p, n))]);
    }
    header.extend([Field::Niches, Field::Tags, Field::Stage].map(label));
    header.push("Tier".into());
    header.extend(
        [
            Field::PostalAddress,
            Field::City,
            Field::Country,
            Field::Language,
            Field::Email,
            Field::Phone,
            Field::Manager,
            Field::PayoutMethod,
            Field::PaypalEmail,
            Field::Iban,
            Field::AccountHolder,
            Field::AuthenticityScore,
            Field::AuthenticityNotes,
            Field::Notes,
        ]
        .map(label),
    );
    header.extend(formats.iter().map(|&f| label(Field::Rate(f))));
    header.extend(dialect.dates().map(String::from));
    csv.write_record(&header).map_err(csv_io)?;

    // The same order as the roster view (see `roster::list`).
    let dir = if query.descending { "DESC" } else { "ASC" };
    let order = match query.sort {
        SortKey::Name => format!("c.sort_name {dir}, c.id {dir}"),
        SortKey::Followers => format!("c.max_followers {dir}, c.id {dir}"),
        SortKey::Updated => format!("c.updated_at {dir}, c.id {dir}"),
    };
    let mut creators = conn.prepare(&format!(
        "SELECT c.id, c.display_name, c.stage, c.city, c.country, c.language, c.email, c.phone, c.manager, c.payout_method,
                c.paypal_email, c.iban, c.account_holder, c.authenticity_score, c.authenticity_notes, c.notes,
                c.max_followers, c.created_at, c.updated_at, c.postal_address
         FROM creators c {where_} ORDER BY {order}"
    ))?;
    let mut rows = creators.query(params())?;
    let mut written = 0u64;
    let mut record: Vec<String> = Vec::with_capacity(header.len());
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let text = |i: usize| -> rusqlite::Result<String> { r.get(i) };
        record.clear();
        record.push(text(1)?);
        let handles: Vec<(String, String, String, i64)> = conn
            .prepare_cached("SELECT platform, handle, profile_url, followers FROM handles WHERE creator_id = ?1 ORDER BY followers DESC, id")?
            .query_map([id], |h| Ok((h.get(0)?, h.get(1)?, h.get(2)?, h.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for &(p, n) in &slots {
            // The n-th account of this platform, largest audience first.
            match handles.iter().filter(|h| h.0 == p.as_str()).nth(usize::from(n) - 1) {
                Some((_, handle, url, followers)) => record.extend([handle.clone(), followers.to_string(), url.clone()]),
                None => record.extend([String::new(), String::new(), String::new()]),
            }
        }
        record.push(labels(conn, "SELECT niche FROM creator_niches WHERE creator_id = ?1 ORDER BY position", id)?);
        record.push(labels(conn, "SELECT tag FROM creator_tags WHERE creator_id = ?1 ORDER BY position", id)?);
        record.push(text(2)?);
        record.push(settings.tiers.tier_for(r.get(16)?).label().to_string());
        record.push(text(19)?);
        for i in 3..=8 {
            record.push(text(i)?);
        }
        let payout = text(9)?;
        record.push(if payout == "none" { String::new() } else { payout });
        for i in 10..=12 {
            record.push(text(i)?);
        }
        record.push(r.get::<_, Option<i64>>(13)?.map(|s| s.to_string()).unwrap_or_default());
        record.push(text(14)?);
        record.push(text(15)?);
        if !formats.is_empty() {
            let rates: Vec<(String, i64, String)> = conn
                .prepare_cached("SELECT format, amount_minor, currency FROM rate_card WHERE creator_id = ?1")?
                .query_map([id], |x| Ok((x.get(0)?, x.get(1)?, x.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?;
            for f in &formats {
                let amount = rates.iter().find(|(format, _, _)| ContentFormat::parse(format) == Some(*f));
                record.push(amount.map(|(_, minor, code)| dialect.amount(*minor, Currency::parse(code).unwrap_or(settings.currency()))).unwrap_or_default());
            }
        }
        record.push(text(17)?);
        record.push(text(18)?);
        write_safe_row(&mut csv, &record).map_err(csv_io)?;
        written += 1;
    }
    drop(rows);
    drop(creators);
    snapshot.finish()?;
    csv.flush().map_err(io)?;
    let mut writer = csv.into_inner().map_err(|e| io(e.into_error()))?;
    writer.flush().map_err(io)?;
    Ok(written)
}

/// Writes one row, every cell made formula-safe (see [`defuse`]).
pub(crate) fn write_safe_row<W: Write>(csv: &mut csv::Writer<W>, row: &[String]) -> csv::Result<()> {
    for cell in row {
        csv.write_field(defuse(cell).as_bytes())?;
    }
    csv.write_record(None::<&[u8]>)
}

fn labels(conn: &rusqlite::Connection, sql: &str, id: i64) -> Result<String> {
    let list: Vec<String> = conn.prepare_cached(sql)?.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(list.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::Spelling;

    #[test]
    fn amounts_are_written_so_the_import_reads_them_back_exactly() {
        for code in ["EUR", "JPY", "KWD"] {
            let c = Currency::parse(code).unwrap();
            for minor in [0, 5, 12_345, 123_456_789] {
                assert_eq!(money::parse_amount(&Dialect::Plain.amount(minor, c), c, Spelling::Unknown), Ok(minor), "{code} {minor}");
            }
        }
        assert_eq!(Dialect::Plain.amount(123_456, Currency::parse("EUR").unwrap()), "1234.56");
        for code in ["EUR", "JPY", "KWD"] {
            let c = Currency::parse(code).unwrap();
            for minor in [0, 5, 12_345, 123_456_789] {
                assert_eq!(money::parse_amount(&Dialect::ExcelNl.amount(minor, c), c, Spelling::Unknown), Ok(minor), "Excel (Dutch) {code} {minor}");
            }
        }
        assert_eq!(Dialect::ExcelNl.amount(123_456, Currency::parse("EUR").unwrap()), "1234,56");
    }
}
