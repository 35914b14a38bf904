//! A post's web address reduced to the post it names, so the link a creator sent and the one an
//! export writes match: `https://www.instagram.com/reel/C5xYz/?igsh=abc` and
//! `https://instagram.com/p/C5xYz` are one post.
//!
//! Contract: host in lower case without `www.`/`m.`, no query (except YouTube's `v=`), no
//! fragment, no trailing slash, the scheme dropped. Instagram's `/p/ID`, `/reel/ID`,
//! `/reels/ID` and `/tv/ID`, also under the account's name (`/name/p/ID`), read as `/p/ID`
//! (the ID keeps its case: Instagram's IDs are case-sensitive). TikTok's `/@name/video/ID` reads
//! as `/video/ID` (the name can change, the ID does not); YouTube's `watch?v=ID`, `youtu.be/ID`,
//! `/shorts/ID` and `/live/ID` read as `/watch/ID`. Other paths are kept as written. Text that
//! is not a web address gives `None`.

use url::Url;

/// The post a link names, as a key to compare (see the module's contract).
pub fn post_key(link: &str) -> Option<String> {
    let text = link.trim();
    if text.is_empty() {
        return None;
    }
    plain_instagram_key(text).or_else(|| parsed_key(text))
}

/// [`post_key`] by parsing the whole address.
fn parsed_key(text: &str) -> Option<String> {
    // `mailto:…`, `tel:…`: another kind of address, not a page.
    if let Some((scheme, _)) = text.split_once(':') {
        if !text.contains("://") && !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
    }
    let with_scheme = if text.contains("://") { text.to_string() } else { format!("https://{text}") };
    let url = Url::parse(&with_scheme).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let host = url.host_str()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").or_else(|| host.strip_prefix("m.")).unwrap_or(&host).to_string();
    if !host.contains('.') {
        return None;
    }
    let parts: Vec<&str> = url.path_segments().map(|s| s.filter(|p| !p.is_empty()).collect()).unwrap_or_default();
    let path = match host.as_str() {
        "instagram.com" | "instagr.am" => instagram(&parts).unwrap_or_else(|| parts.join("/")),
        "tiktok.com" | "vm.tiktok.com" => tiktok(&parts).unwrap_or_else(|| parts.join("/")),
        "youtube.com" | "youtu.be" | "music.youtube.com" => youtube(&host, &parts, &url).unwrap_or_else(|| parts.join("/")),
        _ => parts.join("/"),
    };
    let host = match host.as_str() {
        "instagr.am" => "instagram.com".to_string(),
        "youtu.be" | "music.youtube.com" => "youtube.com".to_string(),
        _ => host,
    };
    Some(if path.is_empty() { host } else { format!("{host}/{path}") })
}

/// The key of `https://www.instagram.com/p/ID/` (also `reel`, `reels`, `tv`, without `www.`, with
/// a query or a fragment), the shape every Meta export and most pasted links have, read without
/// parsing the whole address: what [`post_key`] gives for it. `None` for any other shape.
fn plain_instagram_key(text: &str) -> Option<String> {
    let rest = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://"))?;
    let rest = ["www.instagram.com/", "instagram.com/", "m.instagram.com/"].iter().find_map(|host| rest.strip_prefix(host))?;
    let (kind, rest) = rest.split_once('/')?;
    if !matches!(kind, "p" | "reel" | "reels" | "tv") {
        return None;
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (id, after) = rest.split_at(end);
    let after = after.strip_prefix('/').unwrap_or(after);
    let plain_id = !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    (plain_id && (after.is_empty() || after.starts_with(['?', '#']))).then(|| format!("instagram.com/p/{id}"))
}

fn instagram(parts: &[&str]) -> Option<String> {
    let at = parts.iter().position(|p| matches!(p.to_ascii_lowercase().as_str(), "p" | "reel" | "reels" | "tv"))?;
    // `/p/ID` or `/name/p/ID`: nothing but the account's name before the kind.
    (at <= 1).then(|| parts.get(at + 1).map(|id| format!("p/{id}")))?
}

fn tiktok(parts: &[&str]) -> Option<String> {
    let at = parts.iter().position(|p| matches!(*p, "video" | "photo"))?;
    parts.get(at + 1).map(|id| format!("{}/{id}", parts[at]))
}

fn youtube(host: &str, parts: &[&str], url: &Url) -> Option<String> {
    let id = if host == "youtu.be" {
        parts.first().map(|s| s.to_string())
    } else if parts.first() == Some(&"watch") {
        url.query_pairs().find(|(k, _)| k == "v").map(|(_, v)| v.into_owned())
    } else if matches!(parts.first(), Some(&"shorts") | Some(&"live") | Some(&"embed")) {
        parts.get(1).map(|s| s.to_string())
    } else {
        None
    }?;
    (!id.is_empty()).then(|| format!("watch/{id}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_links_of_exports_are_read_quickly_and_as_the_whole_parse_reads_them() {
        for link in ["https://www.instagram.com/p/C5xYz/", "https://instagram.com/reel/C5xYz?igsh=abc", "http://m.instagram.com/tv/A_b-9/#top", "https://www.instagram.com/reels/Q1/"] {
            let quick = plain_instagram_key(link);
            assert!(quick.is_some(), "{link} is read quickly");
            assert_eq!(quick, parsed_key(link.trim()), "{link}");
        }
        for link in ["https://www.instagram.com/P/C5xYz/", "https://WWW.instagram.com/p/C5xYz/", "https://www.instagram.com/name/p/C5xYz/", "https://www.instagram.com/p/C5%78/", "https://www.instagram.com:443/p/C5/", "https://user@instagram.com/p/C5/", "https://www.instagram.com/p/C5/extra", "https://www.instagram.com/p//"] {
            assert_eq!(plain_instagram_key(link), None, "{link} is left to the whole parse");
        }
    }

    proptest! {
        #[test]
        fn a_quick_key_is_always_the_key_of_the_whole_parse(
            scheme in prop::sample::select(vec!["https://", "http://", "HTTPS://", "ftp://", ""]),
            host in prop::sample::select(vec!["www.instagram.com", "instagram.com", "m.instagram.com", "www.instagram.co", "instagram.com.evil.nl", "www.Instagram.com"]),
            kind in prop::sample::select(vec!["p", "reel", "reels", "tv", "P", "stories", ""]),
            id in "[A-Za-z0-9_.%~ \t\n-]{0,12}",
            after in prop::sample::select(vec!["", "/", "//", "?igsh=abc", "/?a=1#b", "#x", "/x", "?\t\n", ":80", " "]),
        ) {
            let link = format!("{scheme}{host}/{kind}/{id}{after}");
            if let Some(quick) = plain_instagram_key(link.trim()) {
                prop_assert_eq!(Some(quick), parsed_key(link.trim()), "{:?}", link);
            }
        }
    }
}
