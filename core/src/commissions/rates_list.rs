//! The exchange-rate table as the Sales screen lists it: the stored rates, newest day first,
//! each written exactly (`rate_units / 10^rate_scale`), and the rates orders wait for (their
//! commission cannot be worked out until a rate of that pair on or before their day is there).
//!
//! Contract: reads only, one statement over the primary key of `exchange_rates`; at most
//! `limit` rows (0: 200), with the true count; the wanted rates through the partial index of
//! waiting orders, from what the ledger wrote on each (`waiting_params`: the pair and the day).

use crate::error::Result;
use rusqlite::Connection;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredRate {
    pub on_date: String,
    pub from_currency: String,
    pub to_currency: String,
    /// One unit of `from_currency` in `to_currency`, exact (`0.983961`).
    pub rate: String,
    /// `typed` or `ecb`.
    pub source: String,
}

/// A rate orders wait for: one `from` = ? `to`, on or before each of their days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WantedRate {
    pub from_currency: String,
    pub to_currency: String,
    /// The earliest and latest day of the waiting orders (`YYYY-MM-DD`).
    pub first_date: String,
    pub last_date: String,
    pub orders: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RatesList {
    pub rates: Vec<StoredRate>,
    pub total: u64,
    /// What orders wait for, the pair most orders wait for first.
    pub wanted: Vec<WantedRate>,
}

/// The newest `limit` rates.
pub fn rates_list(conn: &Connection, limit: u32) -> Result<RatesList> {
    let limit = if limit == 0 { 200 } else { limit.min(2_000) };
    let snapshot = conn.unchecked_transaction()?;
    let total: i64 = conn.query_row("SELECT count(*) FROM exchange_rates", [], |r| r.get(0))?;
    let rates = conn
        .prepare_cached(
            "SELECT on_date, from_currency, to_currency, rate_units, rate_scale, source FROM exchange_rates
             ORDER BY on_date DESC, from_currency, to_currency LIMIT ?1",
        )?
        .query_map([limit], |r| {
            Ok(StoredRate {
                on_date: r.get(0)?,
                from_currency: r.get(1)?,
                to_currency: r.get(2)?,
                rate: super::lines_list::decimal_text(r.get(3)?, r.get(4)?),
                source: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let wanted = rates_wanted(conn)?;
    snapshot.finish()?;
    Ok(RatesList { rates, total: total as u64, wanted })
}

/// The rates orders wait for (`rate_missing`, `rate_too_old`), by pair.
pub fn rates_wanted(conn: &Connection) -> Result<Vec<WantedRate>> {
    let codes = super::ledger::WAITING_FOR_A_RATE;
    let wanted = conn
        .prepare_cached(
            "SELECT w.from_currency, w.to_currency, min(w.on_date), max(w.on_date), count(*) FROM
               (SELECT json_extract(waiting_params, '$.from') AS from_currency, json_extract(waiting_params, '$.to') AS to_currency,
                       json_extract(waiting_params, '$.date') AS on_date
                FROM orders WHERE waiting_code IN (?1, ?2) AND json_valid(waiting_params)) w
             WHERE w.from_currency IS NOT NULL AND w.to_currency IS NOT NULL AND w.on_date IS NOT NULL
             GROUP BY w.from_currency, w.to_currency ORDER BY count(*) DESC, w.from_currency, w.to_currency",
        )?
        .query_map([codes[0], codes[1]], |r| {
            Ok(WantedRate { from_currency: r.get(0)?, to_currency: r.get(1)?, first_date: r.get(2)?, last_date: r.get(3)?, orders: r.get::<_, i64>(4)? as u64 })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(wanted)
}
