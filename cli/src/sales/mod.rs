//! The sales commands: `affiliates import` and `links`.

pub mod affiliates;
pub mod links;
