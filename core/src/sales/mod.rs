//! Sales: links, codes, orders and attribution live here. So far the pure building blocks a
//! collaboration needs to sell and the shop orders it sells in, none of which touches the
//! workspace file: its tracking link ([`links`]), its discount code ([`codes`]), the QR code of
//! its link ([`qr`]) and the shop's order exports read into orders ([`orders`]). In the
//! workspace: a collaboration's code ([`discount_codes`]), a campaign's links and codes
//! ([`campaign_links`]) and the affiliate program a brand brings in ([`affiliates`]).

pub mod affiliates;
pub mod attribution;
pub mod campaign_links;
pub mod codes;
pub mod discount_codes;
pub mod links;
pub mod orders;
pub mod qr;

#[cfg(test)]
pub(crate) mod test_support;
#[cfg(test)]
mod codes_tests;
#[cfg(test)]
mod links_tests;
#[cfg(test)]
mod qr_tests;
