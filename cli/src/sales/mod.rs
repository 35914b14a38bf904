//! The sales commands: `chorus orders` (the list, here); the order import and attribution
//! come with their own files.

pub mod orders_list;
