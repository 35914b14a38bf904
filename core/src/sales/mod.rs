//! Sales: links, codes, orders and attribution live here. So far the pure building blocks a
//! collaboration needs to sell and the shop orders it sells in, none of which touches the
//! workspace file: its tracking link ([`links`]), its discount code ([`codes`]), the QR code of
//! its link ([`qr`]) and the shop's order exports read into orders ([`orders`]).

pub mod attribution;
pub mod codes;
pub mod collaboration_link;
pub mod links;
pub mod order_list;
pub mod orders;
pub mod qr;
pub mod summaries;

#[cfg(test)]
mod codes_tests;
#[cfg(test)]
mod links_tests;
#[cfg(test)]
mod order_list_tests;
#[cfg(test)]
mod qr_tests;
