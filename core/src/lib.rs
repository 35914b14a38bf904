//! Chorus core: every rule of the product, with no knowledge of the window.
//!
//! The desktop shell (`src-tauri/`) and the `chorus` CLI (`cli/`) both call these functions, so
//! the two always agree. A workspace is one SQLite file per client brand; [`Workspace`] opens,
//! creates and migrates it, and the modules below read and write it.

mod config_file;
pub mod campaigns;
pub mod creators;
pub mod demo;
pub mod error;
pub mod export;
pub mod import;
pub mod model;
pub mod money;
pub mod numbers;
pub mod preferences;
pub mod recent;
pub mod roster;
pub mod search_index;
pub mod settings;
pub mod synthetic;
pub mod tiers;
pub mod validate;
pub mod vocabulary;
pub mod workspace;

pub use error::{Error, ErrorPayload, FieldError, Result, RowError};
pub use workspace::Workspace;
