//! The roster: creators and their handles, follower histories, niches, rates and payout
//! details; the rules a creator is checked by; the roster table with its search, filters and
//! facet counts; and creators in and out as CSV.

pub mod countries;
pub mod creators;
pub mod export;
pub(crate) mod facet_counts;
pub mod folding;
pub mod import;
pub mod model;
pub mod search_index;
mod table;
pub mod tiers;
pub mod validate;
pub mod vocabulary;

pub use table::*;
