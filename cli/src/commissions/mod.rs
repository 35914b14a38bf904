//! The commission commands: `chorus commissions` (the ledger's lines and totals, here); the
//! exchange rates come with their own files.

pub mod list;
