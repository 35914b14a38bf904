//! Sales: links, codes, orders and attribution live here. The pure building blocks a
//! collaboration needs to sell and the shop orders it sells in: its tracking link ([`links`]),
//! its discount code ([`codes`]), the QR code of its link ([`qr`]) and the shop's order exports
//! read into orders ([`orders`]); and the workspace side: a collaboration's code
//! ([`discount_codes`]), a campaign's links and codes ([`campaign_links`]), the affiliate
//! program a brand brings in ([`affiliates`]), orders imported ([`order_import`]), attributed by
//! the rule ([`attribution`]) or by a person ([`review`]).

pub mod affiliates;
pub mod attribution;
pub mod campaign_links;
pub mod codes;
pub mod collaboration_link;
pub mod discount_codes;
pub mod links;
pub mod order_import;
pub mod order_list;
pub mod orders;
pub mod qr;
pub mod review;
pub mod summaries;

#[cfg(test)]
pub(crate) mod test_support;
#[cfg(test)]
mod codes_tests;
#[cfg(test)]
mod links_tests;
#[cfg(test)]
mod order_list_tests;
#[cfg(test)]
mod qr_tests;
#[cfg(test)]
pub(crate) mod test_world;
