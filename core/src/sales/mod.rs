//! Sales: the shop orders Chorus reads ([`orders`]); links, codes and attribution join them later.

pub mod orders;
