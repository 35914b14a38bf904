//! Tracking links over the landing URLs and handles people really have, and UTM values read
//! back from the shapes shop exports give them in.

use super::links::*;
use crate::error::Error;
use crate::roster::model::Platform;

const UTM: &str = "utm_source=instagram&utm_medium=influencer&utm_campaign=zomer-2026&utm_content=sanne.groen";

fn link(landing: &str) -> String {
    tracking_link(landing, Platform::Instagram, "Zomer 2026", "@Sanne.Groen").unwrap_or_else(|e| panic!("{landing}: {e}"))
}

fn refusal(landing: &str) -> (&'static str, String) {
    match tracking_link(landing, Platform::Instagram, "zomer", "sanne") {
        Err(Error::Validation(f)) => (f[0].code, f[0].field.clone()),
        other => panic!("{landing} was not refused: {other:?}"),
    }
}

#[test]
fn a_link_carries_platform_medium_campaign_and_handle_in_lower_case() {
    assert_eq!(link("https://shop.nl/zomer"), format!("https://shop.nl/zomer?{UTM}"));
}

#[test]
fn every_shape_of_landing_url_keeps_its_path_query_port_and_fragment() {
    for (landing, expected) in [
        ("https://shop.nl", format!("https://shop.nl/?{UTM}")),
        ("https://shop.nl/", format!("https://shop.nl/?{UTM}")),
        ("https://shop.nl/collections/zomer/", format!("https://shop.nl/collections/zomer/?{UTM}")),
        ("https://shop.nl/zomer?ref=abc&kleur=%20rood", format!("https://shop.nl/zomer?ref=abc&kleur=%20rood&{UTM}")),
        ("https://shop.nl/zomer?flag&x=", format!("https://shop.nl/zomer?flag&x=&{UTM}")),
        ("https://shop.nl/p#reviews", format!("https://shop.nl/p?{UTM}#reviews")),
        ("https://shop.nl/p?a=1#top", format!("https://shop.nl/p?a=1&{UTM}#top")),
        ("http://localhost:8080/x", format!("http://localhost:8080/x?{UTM}")),
        ("https://shop.nl:443/x", format!("https://shop.nl/x?{UTM}")),
        ("https://shop.nl/zomer?", format!("https://shop.nl/zomer?{UTM}")),
        ("https://shop.nl/zomer?a=1&", format!("https://shop.nl/zomer?a=1&{UTM}")),
        ("https://shop.nl/zomer?&&a=1&&", format!("https://shop.nl/zomer?a=1&{UTM}")),
        ("HTTPS://Shop.NL/Zomer", format!("https://shop.nl/Zomer?{UTM}")),
        ("  https://shop.nl/zomer \n", format!("https://shop.nl/zomer?{UTM}")),
        ("https://shop.nl/caf%C3%A9", format!("https://shop.nl/caf%C3%A9?{UTM}")),
        ("https://shop.nl/über ons", format!("https://shop.nl/%C3%BCber%20ons?{UTM}")),
        ("https://bloemen.café/zomer", format!("https://bloemen.xn--caf-dma/zomer?{UTM}")),
        ("https://xn--caf-dma.nl/", format!("https://xn--caf-dma.nl/?{UTM}")),
        ("shop.nl/zomer", format!("https://shop.nl/zomer?{UTM}")),
        ("www.shop.nl", format!("https://www.shop.nl/?{UTM}")),
        ("shop.nl:8080/x?a=1", format!("https://shop.nl:8080/x?a=1&{UTM}")),
    ] {
        assert_eq!(link(landing), expected, "{landing}");
    }
}

#[test]
fn a_campaigns_landing_url_is_kept_in_its_normal_form() {
    assert_eq!(landing_url("  Shop.NL/Zomer?a=1#x ").unwrap(), "https://shop.nl/Zomer?a=1#x");
    assert_eq!(landing_url("HTTP://bloemen.café").unwrap(), "http://bloemen.xn--caf-dma/");
}

#[test]
fn an_existing_utm_parameter_is_replaced_not_repeated_and_others_stay() {
    let out = link("https://shop.nl/?utm_source=facebook&UTM_Campaign=oud&utm_term=tas&a=1&utm%5Fcontent=x");
    assert_eq!(out, format!("https://shop.nl/?utm_term=tas&a=1&{UTM}"));
    assert_eq!(out.matches("utm_source").count(), 1);
}

#[test]
fn a_landing_url_that_is_no_web_address_is_refused_with_its_reason() {
    for landing in ["ftp://shop.nl/zomer", "mailto:info@shop.nl", "javascript:alert(1)", "file:///C:/shop.html"] {
        assert_eq!(refusal(landing), ("not_web_address", "landing_url".to_string()), "{landing}");
    }
    for landing in ["zomer collectie", "https://", "http://[::1", "https://shop .nl", "shop", "://shop.nl", ".nl/x", "info@shop.nl"] {
        assert_eq!(refusal(landing), ("invalid_url", "landing_url".to_string()), "{landing}");
    }
    assert_eq!(refusal("   "), ("required", "landing_url".to_string()));
}

#[test]
fn the_refusal_quotes_the_address_and_says_how_to_write_one() {
    let Err(e) = tracking_link("ftp://shop.nl", Platform::Tiktok, "z", "s") else { panic!() };
    assert!(e.to_string().contains("“ftp://shop.nl”") && e.to_string().contains("https://"), "{e}");
    let Err(Error::Validation(f)) = tracking_link("ftp://shop.nl", Platform::Tiktok, "z", "s") else { panic!() };
    assert_eq!(f[0].value.as_deref(), Some("ftp://shop.nl"));
}

#[test]
fn utm_source_is_the_platform_name_of_the_roster() {
    let sources: Vec<_> = [Platform::Instagram, Platform::Tiktok, Platform::Youtube, Platform::Pinterest, Platform::X].map(utm_source).into();
    assert_eq!(sources, ["instagram", "tiktok", "youtube", "pinterest", "x"]);
    let out = tracking_link("https://shop.nl", Platform::Youtube, "z", "s").unwrap();
    assert!(out.contains("utm_source=youtube&"), "{out}");
}

#[test]
fn handles_become_clean_values_lower_case_without_accents_spaces_or_emoji() {
    for (handle, value) in [
        ("sanne.groen", "sanne.groen"),
        ("@Sanne_Groen", "sanne_groen"),
        ("Émile.Dubois", "emile.dubois"),
        ("zoë-ørsted", "zoe-orsted"),
        ("sanne🌸groen", "sanne-groen"),
        ("🌸sanne🌸", "sanne"),
        ("  Sanne  Groen ", "sanne-groen"),
        ("sanne -- groen", "sanne-groen"),
        ("Straße", "strasse"),
        ("Маша", "маша"),
        ("sanne+groen/10%", "sanne-groen-10"),
        ("e\u{301}mile", "emile"),
    ] {
        assert_eq!(utm_value(handle), value, "{handle}");
    }
}

#[test]
fn values_of_other_scripts_are_percent_encoded_in_the_link() {
    let out = tracking_link("https://shop.nl", Platform::Tiktok, "Лето", "Маша").unwrap();
    assert!(out.ends_with("utm_campaign=%D0%BB%D0%B5%D1%82%D0%BE&utm_content=%D0%BC%D0%B0%D1%88%D0%B0"), "{out}");
}

#[test]
fn a_campaign_or_handle_with_nothing_left_is_refused_by_field() {
    let Err(Error::Validation(f)) = tracking_link("https://shop.nl", Platform::Instagram, " !! ", "🌸🌸") else { panic!() };
    let fields: Vec<_> = f.iter().map(|e| (e.field.as_str(), e.code)).collect();
    assert_eq!(fields, [("utm_campaign", "empty_utm_value"), ("utm_content", "empty_utm_value")]);
}

#[test]
fn a_link_reads_back_to_the_values_it_was_made_of() {
    let out = tracking_link("https://shop.nl/p?a=1#x", Platform::Pinterest, "Zomer 2026", "Émile_K").unwrap();
    let back = read_utm(&out);
    assert_eq!(back, UtmValues { source: Some("pinterest".into()), medium: Some("influencer".into()), campaign: Some("zomer-2026".into()), content: Some("emile_k".into()) });
}

#[test]
fn utm_values_are_read_from_what_shop_exports_hold_in_any_case_and_spacing() {
    let want = UtmValues { source: Some("instagram".into()), medium: Some("influencer".into()), campaign: Some("zomer-2026".into()), content: Some("sanne.groen".into()) };
    for text in [
        "/?utm_source=instagram&utm_medium=influencer&utm_campaign=zomer-2026&utm_content=sanne.groen",
        "utm_source=Instagram&utm_medium=Influencer&utm_campaign=Zomer+2026&utm_content=Sanne.Groen",
        "?UTM_SOURCE=INSTAGRAM&UTM_MEDIUM=influencer&utm_campaign=zomer%202026&utm_content=%40sanne.groen",
        "  https://shop.nl/products/tas?variant=1&utm_source= instagram &utm_medium=influencer&utm_campaign=zomer-2026&utm_content=sanne.groen#x ",
        "utm_source =instagram&utm_medium=influencer&utm_campaign=zomer-2026&utm_content=sanne.groen&utm_source=tiktok",
        "utm_source=&utm_source=instagram&utm_medium=influencer&utm_campaign=Zomer%C2%A02026&utm_content=sanne.groen",
    ] {
        assert_eq!(read_utm(text), want, "{text}");
    }
}

#[test]
fn text_without_utm_values_reads_as_none() {
    for text in ["", "https://shop.nl/", "?", "a=1&b", "utm_source=", "utm_source=%F0%9F%8C%B8", "%%%&&&==="] {
        assert_eq!(read_utm(text), UtmValues::default(), "{text}");
    }
}

/// No input panics; every link that is made is an http(s) URL that reads back to its values.
#[test]
fn mangled_landing_urls_and_handles_never_panic_and_links_read_back() {
    let seeds = ["https://shop.nl/zomer?a=1#x", "shop.nl/p", "HTTP://[::1]:80/?", "https://bloemen.café/ü?utm_source=x&", "", "?&=#"];
    let inserts = ['%', '#', '?', '&', '=', ' ', 'é', '🌸', '\0', '[', ':', '/', '\\', '@', '\u{202e}', '+', 'ß'];
    let mut made = 0;
    for seed in seeds {
        let chars: Vec<char> = seed.chars().collect();
        for at in 0..=chars.len() {
            for c in inserts {
                let mut mangled = chars.clone();
                mangled.insert(at, c);
                let text: String = mangled.iter().collect();
                let mut cut = chars.clone();
                if at < cut.len() {
                    cut.remove(at);
                }
                for landing in [text.clone(), cut.iter().collect()] {
                    let _ = read_utm(&landing);
                    let handle = format!("sa{c}nne");
                    if let Ok(out) = tracking_link(&landing, Platform::Tiktok, &text, &handle) {
                        made += 1;
                        let url = url::Url::parse(&out).unwrap();
                        assert!(matches!(url.scheme(), "http" | "https"), "{out}");
                        let back = read_utm(&out);
                        assert_eq!(back.content.as_deref(), Some(utm_value(&handle).as_str()), "{landing} → {out}");
                        assert_eq!(back.source.as_deref(), Some("tiktok"));
                        assert_eq!(out.matches("utm_content=").count(), 1, "{out}");
                    }
                }
            }
        }
    }
    assert!(made > 100, "only {made} links were made");
}

/// Text made of pieces of URLs, percent signs, multi-byte and control characters, from a fixed
/// seed (so a failure repeats).
pub(super) fn arbitrary_texts(count: usize) -> Vec<String> {
    let alphabet: Vec<char> = "aZ09.:/?#&=%+@[]_-~ \t\n\0é🌸ßМ\u{202e}\u{feff}\\'\"{}utmhs".chars().collect();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|_| {
            let len = (next() % 40) as usize;
            let mut text: String = (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect();
            match next() % 3 {
                0 => text.insert_str(0, "https://"),
                1 => text.insert_str(0, "utm_source="),
                _ => {}
            }
            text
        })
        .collect()
}

#[test]
fn arbitrary_text_never_panics_and_every_link_made_reads_back() {
    let texts = arbitrary_texts(3000);
    for pair in texts.windows(2) {
        let _ = read_utm(&pair[0]);
        let _ = utm_value(&pair[0]);
        if let Ok(out) = tracking_link(&pair[0], Platform::Blog, &pair[1], &pair[1]) {
            assert_eq!(read_utm(&out).campaign, Some(utm_value(&pair[1])), "{:?} → {out}", pair[0]);
        }
    }
}
