//! The exchange rates the user keeps, in the workspace (`exchange_rates`): a rate typed
//! ([`set_rate`], exactly as written, with an audit line), or the ECB's reference rates
//! imported from their CSV or XML ([`import_rates`]: all or nothing, every problem at its row;
//! importing the same file again changes nothing). After rates change, in the same
//! transaction, the ledger books again the orders the change can move: those waiting for a
//! rate, and those in another currency than the workspace's whose day could use a changed rate
//! (a rate serves up to [`DEFAULT_MAX_RATE_AGE_DAYS`] days after its own).

use super::exchange_rates::ecb::read_ecb_file;
use super::exchange_rates::{DatedRate, ExactRate, RateTable, DEFAULT_MAX_RATE_AGE_DAYS};
use super::ledger::{book_orders, book_waiting_orders, Booking, WAITING_FOR_A_RATE};
use crate::error::{Error, FieldError, Result};
use crate::money::Currency;
use crate::numbers::Spelling;
use crate::workspace::{audit, now_utc, Workspace};
use chrono::{Days, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::path::Path;

/// A rate as the workspace keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredRate {
    pub date: String,
    pub from: String,
    pub to: String,
    /// `1.0163`: exactly as kept.
    pub rate: String,
    /// `typed` or `ecb`.
    pub source: String,
}

/// What a typed rate did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RateSet {
    pub rate: StoredRate,
    /// The rate it replaced, when that day had another.
    pub replaced: Option<String>,
    pub booking: Booking,
}

/// What an import of ECB rates did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RatesImported {
    pub file: String,
    /// `CSV` or `XML`.
    pub format: &'static str,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub added: u64,
    pub changed: u64,
    pub unchanged: u64,
    /// Currencies of the file Chorus does not know, left out.
    pub skipped_currencies: Vec<String>,
    /// Columns of the file that are not currencies, left out.
    pub ignored_columns: Vec<String>,
    pub booking: Booking,
}

/// Every rate, newest day first, then by currencies.
pub fn list_rates(conn: &Connection) -> Result<Vec<StoredRate>> {
    let mut stmt = conn.prepare_cached("SELECT on_date, from_currency, to_currency, rate_units, rate_scale, source FROM exchange_rates ORDER BY on_date DESC, from_currency, to_currency")?;
    let rows = stmt.query_map([], |r| {
        let rate = ExactRateText(r.get(3)?, r.get(4)?);
        Ok(StoredRate { date: r.get(0)?, from: r.get(1)?, to: r.get(2)?, rate: rate.to_string(), source: r.get(5)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The workspace's rates as a table to convert with.
pub fn rate_table(conn: &Connection) -> Result<RateTable> {
    let mut table = RateTable::new();
    let mut stmt = conn.prepare_cached("SELECT on_date, from_currency, to_currency, rate_units, rate_scale FROM exchange_rates")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (date, from, to): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        let (Ok(date), Some(from), Some(to)) = (NaiveDate::parse_from_str(&date, "%Y-%m-%d"), Currency::parse(&from), Currency::parse(&to)) else { continue };
        let (units, scale): (i64, u32) = (r.get(3)?, r.get(4)?);
        let Ok(units) = u64::try_from(units) else { continue };
        table.insert(DatedRate { date, from, to, rate: ExactRate { units, scale } });
    }
    Ok(table)
}

/// Keeps a typed rate (`1 from = rate to` on `date`), replacing that day's rate of the pair,
/// with an audit line; then books again the orders it can move. Every part is checked and a
/// problem names its field (`date`, `from`, `to`, `rate`). `spelling` is how the person writes
/// numbers (the window's language; `Unknown` for a `chorus` argument, where one separator is
/// the decimal mark): it settles only `1.084` / `1,084`, which a Dutch reader takes as 1084 /
/// 1.084 and an English one as 1.084 / 1084.
pub fn set_rate(ws: &mut Workspace, date: &str, from: &str, to: &str, rate_text: &str, spelling: Spelling) -> Result<RateSet> {
    let rate = DatedRate::typed(date, from, to, rate_text, spelling).map_err(|refusal| {
        let field = match refusal.code {
            "rate_date_invalid" => "date",
            "currency_unknown" if refusal.params.get("text").map(String::as_str) == Some(from.trim()) => "from",
            "currency_unknown" | "rate_same_currency" => "to",
            _ => "rate",
        };
        Error::Validation(vec![refusal.into_field_error(field)])
    })?;
    let actor = ws.actor();
    ws.write(|tx| {
        let now = now_utc();
        let before = stored(tx, &rate)?;
        let replaced = before.filter(|(units, scale)| (*units, *scale) != (rate.rate.units, rate.rate.scale)).map(|(u, s)| ExactRate { units: u, scale: s }.to_string());
        write_rate(tx, &rate, "typed", &now)?;
        let detail = match &replaced {
            Some(old) => format!("{}: 1 {} = {} {} (was {old})", rate.date, rate.from, rate.rate, rate.to),
            None => format!("{}: 1 {} = {} {}", rate.date, rate.from, rate.rate, rate.to),
        };
        audit(tx, actor, "exchange_rate", None, "set", &detail)?;
        let booking = rebook_after_rates(tx, rate.date, rate.date, &now)?;
        Ok(RateSet { rate: shown(&rate, "typed"), replaced, booking })
    })
}

/// Imports the ECB's reference rates from `path` (CSV or XML): all or nothing; a rate the
/// workspace already holds is left as it is, a different one for the same day replaces it.
pub fn import_rates(ws: &mut Workspace, path: &Path) -> Result<RatesImported> {
    let ecb = read_ecb_file(path)?;
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
    let actor = ws.actor();
    ws.write(|tx| {
        let now = now_utc();
        let (mut added, mut changed, mut unchanged) = (0u64, 0u64, 0u64);
        let mut moved: Option<(NaiveDate, NaiveDate)> = None;
        for rate in &ecb.rates {
            match stored(tx, rate)? {
                Some(kept) if kept == (rate.rate.units, rate.rate.scale) => {
                    unchanged += 1;
                    continue;
                }
                Some(_) => changed += 1,
                None => added += 1,
            }
            write_rate(tx, rate, "ecb", &now)?;
            moved = Some(match moved {
                None => (rate.date, rate.date),
                Some((a, b)) => (a.min(rate.date), b.max(rate.date)),
            });
        }
        let booking = match moved {
            Some((first, last)) => {
                audit(tx, actor, "exchange_rate", None, "import", &format!("{file}: {added} added, {changed} changed, {unchanged} unchanged ({first} to {last})"))?;
                rebook_after_rates(tx, first, last, &now)?
            }
            None => Booking::default(),
        };
        let dates = ecb.dates();
        Ok(RatesImported {
            file: file.clone(),
            format: ecb.format,
            first_date: dates.map(|d| d.0.to_string()),
            last_date: dates.map(|d| d.1.to_string()),
            added,
            changed,
            unchanged,
            skipped_currencies: ecb.skipped_currencies.clone(),
            ignored_columns: ecb.ignored_columns.clone(),
            booking,
        })
    })
}

/// Books again the orders waiting for a rate and the foreign-currency orders of the days a
/// rate changed on `first..=last` can serve.
fn rebook_after_rates(tx: &Connection, first: NaiveDate, last: NaiveDate, now: &str) -> Result<Booking> {
    let waiting = book_waiting_orders(tx, WAITING_FOR_A_RATE, now)?;
    let until = last.checked_add_days(Days::new(u64::from(DEFAULT_MAX_RATE_AGE_DAYS))).unwrap_or(last);
    let currency = crate::workspace::settings::load(tx)?.currency;
    // placed_at_utc is within a day of placed_on: the index on time narrows, placed_on decides.
    let mut stmt = tx.prepare_cached(
        "SELECT id FROM orders WHERE placed_at_utc >= date(?1, '-1 day') AND placed_at_utc < date(?2, '+2 days')
           AND placed_on BETWEEN ?1 AND ?2 AND currency <> ?3",
    )?;
    let ids: Vec<i64> = stmt.query_map(params![first.to_string(), until.to_string(), currency], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let moved = book_orders(tx, &ids, now)?;
    Ok(Booking { lines_added: waiting.lines_added + moved.lines_added, orders_waiting: moved.orders_waiting.max(waiting.orders_waiting) })
}

fn stored(conn: &Connection, rate: &DatedRate) -> Result<Option<(u64, u32)>> {
    let kept: Option<(i64, u32)> = conn
        .prepare_cached("SELECT rate_units, rate_scale FROM exchange_rates WHERE on_date = ?1 AND from_currency = ?2 AND to_currency = ?3")?
        .query_row(params![rate.date.to_string(), rate.from.code(), rate.to.code()], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(kept.map(|(u, s)| (u64::try_from(u).unwrap_or(0), s)))
}

fn write_rate(conn: &Connection, rate: &DatedRate, source: &str, now: &str) -> Result<()> {
    let units = i64::try_from(rate.rate.units).map_err(|_| Error::Validation(vec![FieldError::new("rate", "rate_too_large", "The rate has more than 18 digits.")]))?;
    conn.prepare_cached(
        "INSERT INTO exchange_rates (on_date, from_currency, to_currency, rate_units, rate_scale, source, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (on_date, from_currency, to_currency) DO UPDATE SET rate_units = excluded.rate_units, rate_scale = excluded.rate_scale,
             source = excluded.source, created_at = excluded.created_at",
    )?
    .execute(params![rate.date.to_string(), rate.from.code(), rate.to.code(), units, rate.rate.scale, source, now])?;
    Ok(())
}

fn shown(rate: &DatedRate, source: &str) -> StoredRate {
    StoredRate { date: rate.date.to_string(), from: rate.from.code().into(), to: rate.to.code().into(), rate: rate.rate.to_string(), source: source.into() }
}

/// A stored rate's digits and scale, shown as [`ExactRate`] shows them.
struct ExactRateText(i64, u32);

impl std::fmt::Display for ExactRateText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match u64::try_from(self.0) {
            Ok(units) => ExactRate { units, scale: self.1 }.fmt(f),
            Err(_) => write!(f, "?"),
        }
    }
}

#[cfg(test)]
#[path = "rates_store_tests.rs"]
mod tests;
