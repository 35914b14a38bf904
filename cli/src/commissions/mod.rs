//! The command line's commissions: `chorus commissions` (the ledger's lines and totals by
//! status) and `chorus rates` (the exchange rates the workspace keeps: list, import the ECB's,
//! type one). Each a thin call into the core.

pub mod list;
pub mod rates;
