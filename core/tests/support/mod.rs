//! Helpers the core's integration tests share.

pub mod frozen;
