//! Sales: links, codes, orders and attribution live here. So far the pure building blocks a
//! collaboration needs to sell: its tracking link ([`links`]), its discount code ([`codes`])
//! and the QR code of its link ([`qr`]); none of them touches the workspace file.

pub mod codes;
pub mod links;
pub mod qr;

#[cfg(test)]
mod codes_tests;
#[cfg(test)]
mod links_tests;
#[cfg(test)]
mod qr_tests;
