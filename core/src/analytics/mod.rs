//! Analytics: what posts did, from the results files people bring (read as typed rows, pure).

pub mod results_file;
