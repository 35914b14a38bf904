//! The fields a CSV column can fill, their stable values (what the window and the CLI send in a
//! [`super::ColumnMapping`]), their English labels, and the recognition of a header by name.
//!
//! Contract: a header is recognised by its name only, never by its position, ignoring case,
//! spaces, punctuation and accents, in English or Dutch (`E-mail`, `Instagram volgers`,
//! `Tenaamstelling`). The label of every field is itself a recognised header, and the export
//! writes labels as its headers, so an exported file maps back column for column.
//!
//! Handles have numbered slots so that a creator with two accounts on one platform survives an
//! export and a re-import: `instagram` is slot 1, `instagram_2` (header `Instagram 2 handle`)
//! slot 2, up to [`MAX_SLOT`] accounts per platform.

use crate::roster::model::{ContentFormat, Platform};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The highest numbered handle slot per platform.
pub(crate) const MAX_SLOT: u8 = 99;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Field {
    Name,
    Email,
    Phone,
    Manager,
    PostalAddress,
    City,
    Country,
    Language,
    Niches,
    Tags,
    Stage,
    Notes,
    AuthenticityScore,
    AuthenticityNotes,
    PaypalEmail,
    Iban,
    AccountHolder,
    PayoutMethod,
    /// The handle on a platform, in a slot (1 = the first account).
    Handle(Platform, u8),
    Followers(Platform, u8),
    Url(Platform, u8),
    /// The generic columns: one handle per row, its platform named in a column.
    Platform,
    AnyHandle,
    AnyFollowers,
    AnyUrl,
    Rate(ContentFormat),
}

/// Every plain (non-handle, non-rate) field with its value and label, in the order the window
/// lists them.
const SCALARS: &[(Field, &str, &str)] = &[
    (Field::Name, "display_name", "Name"),
    (Field::Email, "email", "Email"),
    (Field::Phone, "phone", "Phone"),
    (Field::Manager, "manager", "Manager"),
    (Field::PostalAddress, "postal_address", "Postal address"),
    (Field::City, "city", "City"),
    (Field::Country, "country", "Country"),
    (Field::Language, "language", "Language"),
    (Field::Niches, "niches", "Niches"),
    (Field::Tags, "tags", "Tags"),
    (Field::Stage, "stage", "Stage"),
    (Field::Notes, "notes", "Notes"),
    (Field::AuthenticityScore, "authenticity_score", "Authenticity score"),
    (Field::AuthenticityNotes, "authenticity_notes", "Authenticity notes"),
    (Field::PaypalEmail, "paypal_email", "PayPal email"),
    (Field::Iban, "iban", "IBAN"),
    (Field::AccountHolder, "account_holder", "Account holder"),
    (Field::PayoutMethod, "payout_method", "Payout method"),
];

/// The Dutch label of each plain field: the header the Excel (Dutch) export writes, in the
/// window's Dutch words; each is recognised as its field (see the tests).
const DUTCH_LABELS: &[(Field, &str)] = &[
    (Field::Name, "Naam"),
    (Field::Email, "E-mail"),
    (Field::Phone, "Telefoon"),
    (Field::Manager, "Manager"),
    (Field::PostalAddress, "Postadres"),
    (Field::City, "Plaats"),
    (Field::Country, "Land"),
    (Field::Language, "Taal"),
    (Field::Niches, "Niches"),
    (Field::Tags, "Tags"),
    (Field::Stage, "Fase"),
    (Field::Notes, "Notities"),
    (Field::AuthenticityScore, "Echtheidsscore"),
    (Field::AuthenticityNotes, "Toelichting echtheid"),
    (Field::PaypalEmail, "PayPal-e-mailadres"),
    (Field::Iban, "IBAN"),
    (Field::AccountHolder, "Tenaamstelling"),
    (Field::PayoutMethod, "Payout-methode"),
    (Field::Platform, "Platform"),
    (Field::AnyHandle, "Handle"),
    (Field::AnyFollowers, "Volgers"),
    (Field::AnyUrl, "Profiellink"),
];

/// The Dutch name of a format in a rate header (`Tarief losse foto`), as the window says it.
fn dutch_format(f: ContentFormat) -> &'static str {
    match f {
        ContentFormat::Post => "post",
        ContentFormat::Carousel => "carousel",
        ContentFormat::SingleImage => "losse foto",
        ContentFormat::Reel => "reel",
        ContentFormat::Story => "story",
        ContentFormat::Short => "short",
        ContentFormat::Video => "video",
        ContentFormat::Live => "live",
        ContentFormat::Blog => "blogpost",
    }
}

const GENERIC: &[(Field, &str, &str)] = &[
    (Field::Platform, "platform", "Platform"),
    (Field::AnyHandle, "handle", "Handle"),
    (Field::AnyFollowers, "followers", "Followers"),
    (Field::AnyUrl, "profile_url", "Profile URL"),
];

impl Field {
    /// The stable value: `display_name`, `instagram`, `instagram_2_followers`, `rate_reel`.
    pub fn value(self) -> String {
        let slot = |p: Platform, n: u8| if n <= 1 { p.as_str().to_string() } else { format!("{}_{n}", p.as_str()) };
        match self {
            Field::Handle(p, n) => slot(p, n),
            Field::Followers(p, n) => format!("{}_followers", slot(p, n)),
            Field::Url(p, n) => format!("{}_url", slot(p, n)),
            Field::Rate(f) => format!("rate_{}", f.as_str()),
            other => SCALARS.iter().chain(GENERIC).find(|(f, _, _)| *f == other).map(|(_, v, _)| v.to_string()).unwrap_or_default(),
        }
    }

    /// The English label, which is also the header the export writes.
    pub fn label(self) -> String {
        let slot = |p: Platform, n: u8| if n <= 1 { p.label().to_string() } else { format!("{} {n}", p.label()) };
        match self {
            Field::Handle(p, n) => format!("{} handle", slot(p, n)),
            Field::Followers(p, n) => format!("{} followers", slot(p, n)),
            Field::Url(p, n) => format!("{} URL", slot(p, n)),
            Field::Rate(f) => format!("Rate {}", f.label().to_lowercase()),
            other => SCALARS.iter().chain(GENERIC).find(|(f, _, _)| *f == other).map(|(_, _, l)| l.to_string()).unwrap_or_default(),
        }
    }

    /// The Dutch label, the header the Excel (Dutch) export writes: `Naam`, `Instagram-handle 2`,
    /// `Instagram volgers 2`, `Tarief losse foto`. Recognised as this field like the English one.
    pub fn dutch_label(self) -> String {
        let slot = |n: u8| if n <= 1 { String::new() } else { format!(" {n}") };
        match self {
            Field::Handle(p, n) => format!("{}-handle{}", p.label(), slot(n)),
            Field::Followers(p, n) => format!("{} volgers{}", p.label(), slot(n)),
            Field::Url(p, n) => format!("{}-profiellink{}", p.label(), slot(n)),
            Field::Rate(f) => format!("Tarief {}", dutch_format(f)),
            other => DUTCH_LABELS.iter().find(|(f, _)| *f == other).map(|(_, l)| l.to_string()).unwrap_or_default(),
        }
    }

    /// Reads a value as [`Field::value`] writes it.
    pub fn from_value(value: &str) -> Option<Field> {
        let v = value.trim().to_ascii_lowercase();
        if let Some((f, _, _)) = SCALARS.iter().chain(GENERIC).find(|(_, val, _)| *val == v) {
            return Some(*f);
        }
        if let Some(format) = v.strip_prefix("rate_") {
            return ContentFormat::ALL.iter().copied().find(|f| f.as_str() == format).map(Field::Rate);
        }
        let (base, kind) = if let Some(b) = v.strip_suffix("_followers") {
            (b, 1)
        } else if let Some(b) = v.strip_suffix("_url") {
            (b, 2)
        } else {
            (v.as_str(), 0)
        };
        let (platform, n) = match base.rsplit_once('_') {
            Some((p, n)) => (p, n.parse::<u8>().ok().filter(|n| (2..=MAX_SLOT).contains(n))?),
            None => (base, 1),
        };
        let platform = Platform::ALL.iter().copied().find(|p| p.as_str() == platform)?;
        Some(match kind {
            0 => Field::Handle(platform, n),
            1 => Field::Followers(platform, n),
            _ => Field::Url(platform, n),
        })
    }

    /// The fields offered for every file, in the order the window lists them: the plain fields,
    /// the first slot of each platform, the generic columns, then the rates.
    pub fn choices() -> Vec<Field> {
        let mut out: Vec<Field> = SCALARS.iter().map(|(f, _, _)| *f).collect();
        for &p in Platform::ALL {
            out.extend([Field::Handle(p, 1), Field::Followers(p, 1), Field::Url(p, 1)]);
        }
        out.extend(GENERIC.iter().map(|(f, _, _)| *f));
        out.extend(ContentFormat::ALL.iter().map(|&f| Field::Rate(f)));
        out
    }
}

/// The field a header names, if Chorus recognises it.
pub(crate) fn recognise(header: &str) -> Option<Field> {
    let key = normalise(header);
    if key.is_empty() {
        return None;
    }
    let table = synonyms();
    if let Some(f) = table.get(&key) {
        return Some(*f);
    }
    // `Instagram 2 handle`, `Instagram handle 2`, `Volgers Instagram 2`: a numbered slot.
    let digits: String = key.chars().filter(char::is_ascii_digit).collect();
    let n: u8 = digits.parse().ok().filter(|n| (1..=MAX_SLOT).contains(n))?;
    let rest = key.replacen(&digits, "", 1);
    if rest.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    match table.get(&rest)? {
        Field::Handle(p, 1) => Some(Field::Handle(*p, n)),
        Field::Followers(p, 1) => Some(Field::Followers(*p, n)),
        Field::Url(p, 1) => Some(Field::Url(*p, n)),
        _ => None,
    }
}

/// Lower case, accents folded ([`crate::roster::folding::fold`]), only letters and digits:
/// `E-mail` → `email`, `Categorieën` → `categorieen`, `Instagram (volgers)` → `instagramvolgers`.
pub(crate) fn normalise(header: &str) -> String {
    crate::roster::folding::fold(header).chars().filter(|c| c.is_alphanumeric()).collect()
}

const PLAIN_SYNONYMS: &[(Field, &[&str])] = &[
    (
        Field::Name,
        &[
            "name", "naam", "creator", "creatorname", "creatornaam", "displayname", "weergavenaam", "influencer", "influencername",
            "influencernaam", "fullname", "volledigenaam", "naamcreator", "naaminfluencer",
        ],
    ),
    (Field::Email, &["email", "emailaddress", "emailadres", "mail", "mailadres", "contactemail"]),
    (Field::Phone, &["phone", "phonenumber", "telephone", "tel", "telefoon", "telefoonnummer", "mobile", "mobiel", "mobielnummer", "gsm"]),
    (Field::Manager, &["manager", "agent", "management", "manageroragent", "manageragent", "managerofagent"]),
    (Field::PostalAddress, &["postaladdress", "address", "streetaddress", "street", "adres", "postadres", "straat", "bezorgadres"]),
    (Field::City, &["city", "town", "stad", "plaats", "woonplaats"]),
    (Field::Country, &["country", "countrycode", "land", "landcode"]),
    (Field::Language, &["language", "languages", "taal", "talen"]),
    (Field::Niches, &["niche", "niches", "category", "categories", "categorie", "categorieen"]),
    (Field::Tags, &["tags", "tag", "labels", "label", "trefwoorden"]),
    (Field::Stage, &["stage", "pipelinestage", "status", "fase", "pipeline"]),
    (Field::Notes, &["notes", "note", "notities", "notitie", "opmerkingen", "opmerking", "comments", "remarks"]),
    (Field::AuthenticityScore, &["authenticityscore", "authenticity", "authenticiteit", "authenticiteitsscore", "echtheid", "echtheidsscore"]),
    (Field::AuthenticityNotes, &["authenticitynotes", "authenticiteitsnotities", "authenticiteitnotities", "echtheidsnotities", "toelichtingechtheid"]),
    (Field::PaypalEmail, &["paypalemail", "paypal", "paypaladdress", "paypalemailaddress", "paypaladres", "paypalemailadres", "paypalaccount"]),
    (Field::Iban, &["iban", "ibannummer", "rekeningnummer", "bankrekening", "bankrekeningnummer", "bankaccount", "bankaccountnumber"]),
    (Field::AccountHolder, &["accountholder", "accountholdername", "nameonaccount", "tenaamstelling", "rekeninghouder", "naamrekeninghouder", "tennamevan"]),
    (Field::PayoutMethod, &["payoutmethod", "payout", "paymentmethod", "uitbetaling", "uitbetaalmethode", "uitbetalingsmethode", "betaalmethode", "payoutmethode"]),
    (Field::Platform, &["platform", "kanaal", "channel", "network", "netwerk", "socialmedia"]),
    (Field::AnyHandle, &["handle", "username", "gebruikersnaam", "account", "accountnaam"]),
    (Field::AnyFollowers, &["followers", "volgers", "aantalvolgers", "followercount", "subscribers", "abonnees", "fans"]),
    (Field::AnyUrl, &["profileurl", "url", "link", "profile", "profiel", "profiellink", "profielurl", "profilelink"]),
];

const PLATFORM_NAMES: &[(Platform, &[&str])] = &[
    (Platform::Instagram, &["instagram", "ig", "insta"]),
    (Platform::Tiktok, &["tiktok"]),
    (Platform::Youtube, &["youtube", "yt"]),
    (Platform::X, &["x", "twitter", "xtwitter"]),
    (Platform::Pinterest, &["pinterest"]),
    (Platform::Twitch, &["twitch"]),
    (Platform::Blog, &["blog", "website", "site"]),
    (Platform::Other, &["other", "overig", "anders"]),
];

/// Words that, before or after a platform name, make a handle column (`Instagram`,
/// `Instagram handle`, `Gebruikersnaam TikTok`).
const HANDLE_WORDS: &[&str] = &["", "handle", "account", "username", "gebruikersnaam", "naam", "name"];
const FOLLOWER_WORDS: &[&str] = &["followers", "volgers", "aantalvolgers", "followercount", "subscribers", "abonnees", "fans"];
const URL_WORDS: &[&str] = &["url", "link", "profile", "profiel", "profileurl", "profilelink", "profiellink", "profielurl"];

const FORMAT_NAMES: &[(ContentFormat, &[&str])] = &[
    (ContentFormat::Post, &["post"]),
    (ContentFormat::Carousel, &["carousel", "carrousel"]),
    (ContentFormat::SingleImage, &["singleimage", "image", "afbeelding", "foto", "lossefoto"]),
    (ContentFormat::Reel, &["reel", "reels"]),
    (ContentFormat::Story, &["story", "stories"]),
    (ContentFormat::Short, &["short", "shorts"]),
    (ContentFormat::Video, &["video"]),
    (ContentFormat::Live, &["live", "livestream"]),
    (ContentFormat::Blog, &["blog", "blogpost", "blogartikel"]),
];
const RATE_WORDS: &[&str] = &["rate", "tarief", "price", "prijs", "fee"];

fn synonyms() -> &'static HashMap<String, Field> {
    static TABLE: OnceLock<HashMap<String, Field>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: HashMap<String, Field> = HashMap::new();
        let mut add = |key: String, f: Field| {
            let previous = t.insert(key.clone(), f);
            debug_assert!(previous.is_none_or(|p| p == f), "header synonym {key} is claimed twice");
        };
        for (f, words) in PLAIN_SYNONYMS {
            for w in *words {
                add(w.to_string(), *f);
            }
        }
        for (p, names) in PLATFORM_NAMES {
            for name in *names {
                for w in HANDLE_WORDS {
                    add(format!("{name}{w}"), Field::Handle(*p, 1));
                    add(format!("{w}{name}"), Field::Handle(*p, 1));
                }
                for w in FOLLOWER_WORDS {
                    add(format!("{name}{w}"), Field::Followers(*p, 1));
                    add(format!("{w}{name}"), Field::Followers(*p, 1));
                }
                for w in URL_WORDS {
                    add(format!("{name}{w}"), Field::Url(*p, 1));
                    add(format!("{w}{name}"), Field::Url(*p, 1));
                }
            }
        }
        for (f, names) in FORMAT_NAMES {
            for name in *names {
                for w in RATE_WORDS {
                    add(format!("{w}{name}"), Field::Rate(*f));
                    add(format!("{name}{w}"), Field::Rate(*f));
                }
            }
        }
        t
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_recognised_in_english_and_dutch_whatever_the_punctuation() {
        let cases: &[(&str, Field)] = &[
            ("Naam", Field::Name),
            ("Display name", Field::Name),
            ("E-mail", Field::Email),
            ("e-mailadres", Field::Email),
            ("Telefoon", Field::Phone),
            ("Plaats", Field::City),
            ("Land", Field::Country),
            ("Taal", Field::Language),
            ("Categorieën", Field::Niches),
            ("Labels", Field::Tags),
            ("Notities", Field::Notes),
            ("Rekeningnummer", Field::Iban),
            ("Tenaamstelling", Field::AccountHolder),
            ("IG", Field::Handle(Platform::Instagram, 1)),
            ("Instagram handle", Field::Handle(Platform::Instagram, 1)),
            ("Instagram volgers", Field::Followers(Platform::Instagram, 1)),
            ("Volgers (Instagram)", Field::Followers(Platform::Instagram, 1)),
            ("TikTok followers", Field::Followers(Platform::Tiktok, 1)),
            ("Twitter", Field::Handle(Platform::X, 1)),
            ("YouTube abonnees", Field::Followers(Platform::Youtube, 1)),
            ("Website", Field::Handle(Platform::Blog, 1)),
            ("Instagram 2 handle", Field::Handle(Platform::Instagram, 2)),
            ("Instagram followers 2", Field::Followers(Platform::Instagram, 2)),
            ("Volgers", Field::AnyFollowers),
            ("Platform", Field::Platform),
            ("Tarief reel", Field::Rate(ContentFormat::Reel)),
            ("Rate: Single image", Field::Rate(ContentFormat::SingleImage)),
        ];
        for (header, field) in cases {
            assert_eq!(recognise(header), Some(*field), "{header}");
        }
        assert_eq!(recognise("Favourite colour"), None);
        assert_eq!(recognise("Tier"), None, "derived columns of the export are not imported");
        assert_eq!(recognise(""), None);
    }

    #[test]
    fn every_label_is_recognised_as_its_own_field_and_every_value_reads_back() {
        let mut all = Field::choices();
        all.extend([Field::Handle(Platform::Tiktok, 2), Field::Followers(Platform::X, 3), Field::Url(Platform::Blog, 99)]);
        for f in all {
            assert_eq!(recognise(&f.label()), Some(f), "label {}", f.label());
            assert!(!f.dutch_label().is_empty(), "{f:?} has no Dutch label");
            assert_eq!(recognise(&f.dutch_label()), Some(f), "Dutch label {}", f.dutch_label());
            assert_eq!(Field::from_value(&f.value()), Some(f), "value {}", f.value());
        }
        assert_eq!(Field::from_value("instagram_1"), None);
        assert_eq!(Field::from_value("rate_hologram"), None);
        assert_eq!(Field::from_value("favourite_colour"), None);
    }
}
