//! The command line's commissions: `chorus rates` (the exchange rates the workspace keeps:
//! list, import the ECB's, type one). Each a thin call into the core.

pub mod rates;
