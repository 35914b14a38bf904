//! The tracking link of a collaboration: the campaign's landing URL with `utm_source` (the
//! platform), `utm_medium=influencer`, `utm_campaign` (the campaign's UTM value) and
//! `utm_content` (the handle); and the reverse, the UTM values read out of a URL or query string
//! as a shop's order export gives them, so an order can later be matched to its link.
//!
//! Contract:
//! - A UTM value is [`utm_value`] of the text: lower case, Latin accents folded
//!   ([`fold`]: `Café` → `cafe`), a leading `@` dropped; letters and digits of any script are kept,
//!   as are `.`, `_` and `-` (so `sanne.groen` stays `sanne.groen`); every other character
//!   (spaces, punctuation, symbols, emoji) separates words, written as one `-`, never at the
//!   start or end (`Zomer 2026!` → `zomer-2026`). Analytics tools treat `Instagram` and
//!   `instagram` as two sources; this spelling makes them one.
//! - The landing URL must be an `http` or `https` address (any case, surrounding spaces
//!   ignored); one typed without a scheme (`shop.nl/zomer`, as an address bar shows it) is read
//!   as `https://`. Anything else is an error saying so (`invalid_url`, `not_web_address`).
//!   Internationalised domains are written in their ASCII form (`bloemen.café` →
//!   `xn--bloemen-caf-…`), which every browser and scanner opens; paths are percent-encoded.
//! - The URL's own query parameters stay as they are, in their order and encoding; an existing
//!   `utm_source`, `utm_medium`, `utm_campaign` or `utm_content` (in any case) is replaced, not
//!   repeated; other `utm_*` parameters (`utm_term`, `utm_id`) stay. Ours come last, in that
//!   order, percent-encoded (non-ASCII letters as UTF-8 `%XX`). The fragment (`#…`) stays.
//! - [`read_utm`] never fails: it takes a whole URL, a path with a query (`/?utm_source=…`, as
//!   Shopify's landing-site column has it) or a bare query string, tolerates a leading `?`,
//!   `+` or `%20` for spaces, names in any case with spaces around them, and gives each value in
//!   the [`utm_value`] spelling, so a value read back equals the one written.

use crate::error::{Error, FieldError, Result};
use crate::roster::folding::fold;
use crate::roster::model::Platform;
use url::form_urlencoded;
use url::Url;

/// `utm_medium` of every tracking link Chorus makes.
pub const UTM_MEDIUM: &str = "influencer";

/// The four parameters Chorus sets, in the order it writes them.
const OURS: [&str; 4] = ["utm_source", "utm_medium", "utm_campaign", "utm_content"];

/// The UTM values of one link. In a link Chorus makes all four are filled; read from a shop's
/// export any may be missing.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct UtmValues {
    pub source: Option<String>,
    pub medium: Option<String>,
    pub campaign: Option<String>,
    pub content: Option<String>,
}

/// `utm_source` of a platform: its name in the roster's vocabulary (`instagram`, `tiktok`,
/// `youtube`, `x`, `pinterest`, `twitch`, `blog`, `other`).
pub fn utm_source(platform: Platform) -> &'static str {
    platform.as_str()
}

/// `text` as a UTM value (see the contract): `"Sanne Groen"` → `sanne-groen`,
/// `"@Émile_K."` → `emile_k.`, `"Zomer 2026 ☀️"` → `zomer-2026`. Empty when nothing is left.
pub fn utm_value(text: &str) -> String {
    let folded = fold(text.trim().trim_start_matches('@'));
    let mut out = String::with_capacity(folded.len());
    let mut pending_dash = false;
    for c in folded.chars() {
        if c.is_alphanumeric() || matches!(c, '.' | '_' | '-') {
            if pending_dash && !out.is_empty() && !out.ends_with('-') && c != '-' {
                out.push('-');
            }
            pending_dash = false;
            if !(c == '-' && (out.is_empty() || out.ends_with('-'))) {
                out.push(c);
            }
        } else {
            pending_dash = true;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The landing URL as a campaign keeps it: trimmed, checked to be a web address, in its normal
/// form (scheme and host in lower case, IDN in ASCII, `https://` added when none was typed). An
/// error names the field `landing_url`.
pub fn landing_url(text: &str) -> Result<String> {
    parse_landing(text).map(String::from)
}

fn parse_landing(text: &str) -> Result<Url> {
    let trimmed = text.trim();
    let problem = |code: &'static str, message: String| Error::Validation(vec![FieldError::new("landing_url", code, message).with_value(trimmed)]);
    if trimmed.is_empty() {
        return Err(problem("required", "Fill in the campaign's landing page (its web address, such as https://shop.nl/zomer).".into()));
    }
    let parsed = if !trimmed.contains("://") && looks_like_a_domain(trimmed) { Url::parse(&format!("https://{trimmed}")) } else { Url::parse(trimmed) };
    let url = parsed.map_err(|_| problem("invalid_url", format!("“{trimmed}” is not a web address: write it as the browser shows it, such as https://shop.nl/zomer.")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(problem("not_web_address", format!("“{trimmed}” is not a web page address: a landing page starts with https:// (or http://), not {}:.", url.scheme())));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(problem("invalid_url", format!("“{trimmed}” has no website name after https://.")));
    }
    Ok(url)
}

/// `shop.nl`, `www.shop.nl/zomer?x=1`, `shop.nl:8080`: a name with a dot before any `:`, `/`,
/// `?` or `#`, no `@` (`info@shop.nl` is an email address) and no spaces. `mailto:…` and
/// `javascript:…` have no dot before their `:`, so they stay what they are.
fn looks_like_a_domain(text: &str) -> bool {
    let host = text.split([':', '/', '?', '#']).next().unwrap_or("");
    host.contains('.') && !host.starts_with('.') && !host.contains('@') && !text.chars().any(char::is_whitespace)
}

/// The tracking link of a collaboration: `landing` with the four UTM parameters (see the
/// contract). `campaign` and `handle` are cleaned with [`utm_value`]; one that is empty after
/// that is an error naming `utm_campaign` or `utm_content`.
pub fn tracking_link(landing: &str, platform: Platform, campaign: &str, handle: &str) -> Result<String> {
    let mut url = parse_landing(landing)?;
    let values = [utm_source(platform).to_string(), UTM_MEDIUM.to_string(), utm_value(campaign), utm_value(handle)];
    let mut errors = Vec::new();
    if values[2].is_empty() {
        errors.push(FieldError::new("utm_campaign", "empty_utm_value", format!("The campaign's UTM value “{}” has no letters or digits; give the campaign a UTM value such as zomer-2026.", campaign.trim())).with_value(campaign.trim()));
    }
    if values[3].is_empty() {
        errors.push(FieldError::new("utm_content", "empty_utm_value", format!("The handle “{}” has no letters or digits to put in the link.", handle.trim())).with_value(handle.trim()));
    }
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let mut query: Vec<String> = url
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|piece| !piece.is_empty() && !is_ours(piece))
        .map(str::to_string)
        .collect();
    for (name, value) in OURS.iter().zip(&values) {
        query.push(format!("{name}={}", form_urlencoded::byte_serialize(value.as_bytes()).collect::<String>()));
    }
    url.set_query(Some(&query.join("&")));
    Ok(url.into())
}

/// Whether a raw `name=value` piece of a query is one of the four parameters Chorus sets.
fn is_ours(piece: &str) -> bool {
    let name = piece.split('=').next().unwrap_or("");
    let name: String = form_urlencoded::parse(name.as_bytes()).next().map(|(k, _)| k.into_owned()).unwrap_or_default();
    OURS.iter().any(|o| o.eq_ignore_ascii_case(name.trim()))
}

/// The UTM values in `text`: a URL, a path with a query, or a query string (see the contract).
/// The first non-empty value of each name counts.
pub fn read_utm(text: &str) -> UtmValues {
    let text = text.trim();
    let query = match text.split_once('?') {
        Some((_, q)) => q,
        None => text,
    };
    let query = query.split('#').next().unwrap_or("");
    let mut found = UtmValues::default();
    for (name, value) in form_urlencoded::parse(query.as_bytes()) {
        let slot = match name.trim().to_ascii_lowercase().as_str() {
            "utm_source" => &mut found.source,
            "utm_medium" => &mut found.medium,
            "utm_campaign" => &mut found.campaign,
            "utm_content" => &mut found.content,
            _ => continue,
        };
        let value = utm_value(&value);
        if slot.is_none() && !value.is_empty() {
            *slot = Some(value);
        }
    }
    found
}
