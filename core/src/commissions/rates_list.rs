//! The exchange-rate table as the Sales screen lists it (read-only): the stored rates, newest
//! day first, each written exactly (`rate_units / 10^rate_scale`).
//!
//! Contract: reads only, one statement over the primary key of `exchange_rates`; at most
//! `limit` rows (0: 200), with the true count.

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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RatesList {
    pub rates: Vec<StoredRate>,
    pub total: u64,
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
    snapshot.finish()?;
    Ok(RatesList { rates, total: total as u64 })
}
