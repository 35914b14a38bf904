//! Chorus core: every rule of the product, with no knowledge of the window.
//!
//! The desktop shell (`src-tauri/`) and the `chorus` CLI (`cli/`) both call these functions, so
//! the two always agree. A workspace is one SQLite file per client brand; [`Workspace`] opens,
//! creates and migrates it, and the modules below read and write it. The folders are the
//! product's domains: [`roster`] (creators, imports, exports), [`campaigns`] (collaborations,
//! deliverables, gifting, Today), [`sales`] (tracking links, discount codes, QR
//! codes), [`commissions`] (rules and the ledger), [`payouts`] (runs, the
//! rails' files, statements), [`charts`] (drawn as SVG and PNG), [`analytics`] (results files read,
//! the formulas of engagement and cost, named, and the seed article's benchmarks), [`workspace`] (the file, its
//! schema and settings) and [`app`]
//! (what belongs to the person, not to a client: recent files, preferences).

pub mod analytics;
pub mod app;
pub mod campaigns;
pub mod charts;
pub mod commissions;
pub mod demo;
pub mod error;
pub mod money;
pub mod numbers;
pub mod payouts;
pub mod roster;
pub mod sales;
pub mod synthetic;
pub mod synthetic_sales;
pub mod words;
pub mod workspace;

pub use error::{Error, ErrorPayload, FieldError, Result, RowError};
pub use workspace::Workspace;
