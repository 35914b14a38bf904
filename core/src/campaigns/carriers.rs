//! Parcel carriers and their tracking pages: a gift's carrier, as typed ("PostNL", "DHL
//! Parcel", "dpd"), and its tracking number make the address of the carrier's own page that
//! follows the parcel. Only the carriers listed here are linked, only over https, and only a
//! tracking number of letters, digits and dashes is put in an address (spaces, as printed on
//! labels, are dropped); anything else gets no link rather than a guess.

/// A carrier Chorus can link to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Carrier {
    /// How the carrier writes its own name.
    pub name: &'static str,
    /// The start of the carrier's name as people type it, lower case, letters and digits only.
    prefixes: &'static [&'static str],
}

/// The carriers small brands in the Netherlands and Belgium ship with.
pub const CARRIERS: &[Carrier] = &[
    Carrier { name: "PostNL", prefixes: &["postnl", "tntpost"] },
    Carrier { name: "DHL", prefixes: &["dhl"] },
    Carrier { name: "DPD", prefixes: &["dpd"] },
    Carrier { name: "bpost", prefixes: &["bpost", "depost"] },
    Carrier { name: "UPS", prefixes: &["ups"] },
    Carrier { name: "GLS", prefixes: &["gls"] },
    Carrier { name: "FedEx", prefixes: &["fedex"] },
];

/// The carrier a typed name means ("DHL Parcel" → DHL, "Post NL" → PostNL), if Chorus knows it.
pub fn carrier(typed: &str) -> Option<Carrier> {
    let key: String = typed.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect();
    if key.is_empty() {
        return None;
    }
    CARRIERS.iter().copied().find(|c| c.prefixes.iter().any(|p| key.starts_with(p)))
}

/// The address of the carrier's page for this parcel, or None when the carrier is not known
/// or the tracking number cannot be put in an address. PostNL also takes the recipient's
/// Dutch postcode (`3511 AB`, found in the address of a parcel to the Netherlands) to show the
/// parcel at once.
pub fn tracking_url(carrier_name: &str, tracking_number: &str, country: &str, postal_address: &str) -> Option<String> {
    let carrier = carrier(carrier_name)?;
    let code: String = tracking_number.chars().filter(|c| !c.is_whitespace()).collect();
    if !(4..=40).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return None;
    }
    Some(match carrier.name {
        "PostNL" => {
            let country = country.trim().to_ascii_uppercase();
            let mut url = format!("https://postnl.nl/tracktrace/?B={code}");
            if let Some(postcode) = dutch_postcode(postal_address).filter(|_| country == "NL" || country.is_empty()) {
                url.push_str(&format!("&P={postcode}&D=NL&T=C"));
            }
            url
        }
        "DHL" => format!("https://www.dhl.com/global-en/home/tracking.html?tracking-id={code}&submit=1"),
        "DPD" => format!("https://tracking.dpd.de/status/en_US/parcel/{code}"),
        "bpost" => format!("https://track.bpost.cloud/btr/web/#/search?itemCode={code}"),
        "UPS" => format!("https://www.ups.com/track?tracknum={code}"),
        "GLS" => format!("https://gls-group.eu/track/{code}"),
        "FedEx" => format!("https://www.fedex.com/fedextrack/?trknbr={code}"),
        _ => return None,
    })
}

/// The first Dutch postcode in an address (`3511 AB`, `3511ab`), written `3511AB`.
fn dutch_postcode(address: &str) -> Option<String> {
    let chars: Vec<char> = address.chars().collect();
    let boundary = |i: usize| i >= chars.len() || !chars[i].is_alphanumeric();
    (0..chars.len()).find_map(|i| {
        if i > 0 && !boundary(i - 1) {
            return None;
        }
        let digits: String = chars.get(i..i + 4)?.iter().collect();
        if !digits.chars().all(|c| c.is_ascii_digit()) || digits.starts_with('0') {
            return None;
        }
        let mut j = i + 4;
        if chars.get(j) == Some(&' ') {
            j += 1;
        }
        let letters: String = chars.get(j..j + 2)?.iter().collect();
        (letters.chars().all(|c| c.is_ascii_alphabetic()) && boundary(j + 2)).then(|| format!("{digits}{}", letters.to_ascii_uppercase()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carriers_are_known_as_people_type_them() {
        for (typed, name) in [("PostNL", "PostNL"), ("post nl", "PostNL"), ("DHL Parcel", "DHL"), ("dhl express", "DHL"), ("DPD", "DPD"), ("bpost", "bpost"), ("UPS", "UPS"), ("GLS", "GLS"), ("FedEx", "FedEx")] {
            assert_eq!(carrier(typed).map(|c| c.name), Some(name), "{typed}");
        }
        for typed in ["", "Koerier Jan", "Homerr", "  "] {
            assert_eq!(carrier(typed), None, "{typed:?}");
        }
    }

    #[test]
    fn each_carrier_links_to_its_own_tracking_page() {
        let url = |carrier: &str, code: &str| tracking_url(carrier, code, "", "").unwrap();
        assert_eq!(url("DHL", "JVGL0612345678"), "https://www.dhl.com/global-en/home/tracking.html?tracking-id=JVGL0612345678&submit=1");
        assert_eq!(url("DPD", "05212345678901"), "https://tracking.dpd.de/status/en_US/parcel/05212345678901");
        assert_eq!(url("bpost", "323212345678901234567890"), "https://track.bpost.cloud/btr/web/#/search?itemCode=323212345678901234567890");
        assert_eq!(url("UPS", "1Z999AA10123456784"), "https://www.ups.com/track?tracknum=1Z999AA10123456784");
        assert_eq!(url("GLS", "12345678901"), "https://gls-group.eu/track/12345678901");
        assert_eq!(url("FedEx", "123456789012"), "https://www.fedex.com/fedextrack/?trknbr=123456789012");
        assert_eq!(url("PostNL", "3SABCD1234567"), "https://postnl.nl/tracktrace/?B=3SABCD1234567");
        assert!(CARRIERS.iter().all(|c| tracking_url(c.name, "ABC12345", "", "").unwrap().starts_with("https://")));
    }

    #[test]
    fn postnl_gets_the_dutch_postcode_and_country_to_show_the_parcel() {
        let address = "Oudegracht 12\n3511 AB";
        assert_eq!(tracking_url("PostNL", "3SABCD1234567", "NL", address).unwrap(), "https://postnl.nl/tracktrace/?B=3SABCD1234567&P=3511AB&D=NL&T=C");
        assert_eq!(tracking_url("PostNL", "3SABCD1234567", "", "Kerkstraat 1, 1017gh Amsterdam").unwrap(), "https://postnl.nl/tracktrace/?B=3SABCD1234567&P=1017GH&D=NL&T=C");
        assert_eq!(tracking_url("PostNL", "3SABCD1234567", "BE", "Meir 1\n2000 Antwerpen").unwrap(), "https://postnl.nl/tracktrace/?B=3SABCD1234567");
        assert_eq!(tracking_url("PostNL", "3SABCD1234567", "BE", "Oudegracht 12\n3511 AB").unwrap(), "https://postnl.nl/tracktrace/?B=3SABCD1234567", "a Dutch-looking postcode abroad is not used");
        assert_eq!(dutch_postcode("Postbus 12345 AB"), None, "five digits are no Dutch postcode");
        assert_eq!(dutch_postcode("0123 AB"), None);
    }

    #[test]
    fn a_tracking_number_that_cannot_be_an_address_part_gets_no_link() {
        assert_eq!(tracking_url("UPS", "1Z 999 AA1 0123 4567 84", "", "").unwrap(), "https://www.ups.com/track?tracknum=1Z999AA10123456784", "label spaces are dropped");
        for bad in ["", "12", "abc/../../x", "123?x=1", "3S<script>", "é1234567"] {
            assert_eq!(tracking_url("DHL", bad, "", ""), None, "{bad:?}");
        }
        assert_eq!(tracking_url("Koerier Jan", "12345678", "", ""), None, "an unknown carrier gets no guessed link");
    }
}
