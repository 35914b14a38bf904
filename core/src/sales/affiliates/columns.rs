//! The columns of an affiliate list: the fields a column can fill, their stable values (what a
//! [`ColumnMapping`] chooses), the recognition of a header by name (English, Dutch, and as
//! affiliate tools export them), and the person's choices applied.
//!
//! Contract: a header is recognised by its name only, never its position, ignoring case, spaces,
//! punctuation and accents (as the roster import does: `Coupon code`, `Kortingscode`,
//! `Commission rate`, `Startdatum`, `First name`). A platform's own column (`Instagram`,
//! `TikTok handle`, `Instagram URL`) is recognised by the roster's words. A choice names a
//! column as the roster's mapping does and a field by its value or any header recognised as it;
//! a choice of a column the file lacks, or of no field, is refused with the roster's layout codes.

use crate::error::{Error, Result};
use crate::roster::import::fields::{normalise, recognise as roster_recognise, Field};
use crate::roster::import::layout_error;
use crate::roster::import::mapping::column_named;
use crate::roster::import::ColumnMapping;
use crate::roster::model::Platform;

/// What a column of an affiliate list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum AffiliateField {
    Name,
    FirstName,
    LastName,
    Email,
    /// The platform of the generic `Handle` / `Profile URL` columns.
    Platform,
    Handle,
    ProfileUrl,
    /// A platform's own handle column (`Instagram`, `TikTok handle`).
    PlatformHandle(Platform),
    /// A platform's own profile link column (`Instagram URL`).
    PlatformUrl(Platform),
    Code,
    Commission,
    Start,
    End,
}

/// The plain fields: value, English label, and the header words that name them (normalised).
const PLAIN: &[(AffiliateField, &str, &str, &[&str])] = &[
    (AffiliateField::Name, "name", "Name", &["name", "naam", "affiliate", "affiliatename", "affiliatenaam", "creator", "creatorname", "creatornaam", "influencer", "influencername", "influencernaam", "fullname", "volledigenaam", "displayname", "partner", "partnername", "ambassador", "ambassadeur", "publisher"]),
    (AffiliateField::FirstName, "first_name", "First name", &["firstname", "voornaam", "givenname", "first"]),
    (AffiliateField::LastName, "last_name", "Last name", &["lastname", "achternaam", "surname", "familyname", "last"]),
    (AffiliateField::Email, "email", "Email", &["email", "emailaddress", "emailadres", "mail", "mailadres", "affiliateemail", "contactemail"]),
    (AffiliateField::Platform, "platform", "Platform", &["platform", "kanaal", "channel", "network", "netwerk", "socialmedia", "socialnetwork"]),
    (AffiliateField::Handle, "handle", "Handle", &["handle", "username", "gebruikersnaam", "account", "accountnaam", "socialhandle", "socialmediahandle"]),
    (AffiliateField::ProfileUrl, "profile_url", "Profile URL", &["profileurl", "url", "link", "profile", "profiel", "profiellink", "profielurl", "profilelink", "socialprofile", "socialmediaurl", "socialmedialink", "socialurl"]),
    (AffiliateField::Code, "code", "Code", &["code", "coupon", "couponcode", "coupons", "discountcode", "kortingscode", "promocode", "promotioncode", "referralcode", "vouchercode", "voucher", "actiecode", "affiliatecode"]),
    (AffiliateField::Commission, "commission", "Commission", &["commission", "commissionrate", "commissionamount", "rate", "commissie", "commissiepercentage", "commissiebedrag", "provisie", "vergoeding", "payoutrate", "reward", "commissionstructure"]),
    (AffiliateField::Start, "start", "Start date", &["start", "startdate", "startdatum", "begindatum", "begin", "from", "van", "startson", "startedon", "joined", "joinedon", "joindate", "datejoined", "validfrom", "geldigvanaf"]),
    (AffiliateField::End, "end", "End date", &["end", "enddate", "einddatum", "until", "tot", "totenmet", "endson", "expires", "expireson", "expiry", "expirydate", "verloopdatum", "geldigtot", "validuntil"]),
];

impl AffiliateField {
    /// The stable value: `code`, `commission`, `instagram`, `instagram_url`.
    pub fn value(self) -> String {
        match self {
            AffiliateField::PlatformHandle(p) => p.as_str().to_string(),
            AffiliateField::PlatformUrl(p) => format!("{}_url", p.as_str()),
            other => PLAIN.iter().find(|(f, ..)| *f == other).map(|(_, v, ..)| v.to_string()).unwrap_or_default(),
        }
    }

    /// The English label (also a header it is recognised by).
    pub fn label(self) -> String {
        match self {
            AffiliateField::PlatformHandle(p) => format!("{} handle", p.label()),
            AffiliateField::PlatformUrl(p) => format!("{} URL", p.label()),
            other => PLAIN.iter().find(|(f, ..)| *f == other).map(|(_, _, l, _)| l.to_string()).unwrap_or_default(),
        }
    }

    /// Every field, in the order the window offers them.
    pub fn choices() -> Vec<AffiliateField> {
        let mut out: Vec<AffiliateField> = PLAIN.iter().map(|(f, ..)| *f).collect();
        for &p in Platform::ALL {
            out.extend([AffiliateField::PlatformHandle(p), AffiliateField::PlatformUrl(p)]);
        }
        out
    }

    fn from_value(value: &str) -> Option<AffiliateField> {
        let v = value.trim().to_ascii_lowercase();
        AffiliateField::choices().into_iter().find(|f| f.value() == v)
    }
}

/// The field a header names, if Chorus recognises it.
pub(crate) fn recognise(header: &str) -> Option<AffiliateField> {
    let key = normalise(header);
    if key.is_empty() {
        return None;
    }
    if let Some((f, ..)) = PLAIN.iter().find(|(_, _, _, words)| words.contains(&key.as_str())) {
        return Some(*f);
    }
    match roster_recognise(header)? {
        Field::Handle(p, 1) => Some(AffiliateField::PlatformHandle(p)),
        Field::Url(p, 1) => Some(AffiliateField::PlatformUrl(p)),
        Field::Name => Some(AffiliateField::Name),
        Field::Email => Some(AffiliateField::Email),
        _ => None,
    }
}

/// Which column fills which field.
pub(crate) struct Columns {
    pub headers: Vec<String>,
    pub fields: Vec<Option<AffiliateField>>,
}

impl Columns {
    /// Recognition with the person's choices (header → field value, or None to ignore it).
    pub fn build(file: &str, headers: Vec<String>, mapping: &ColumnMapping) -> Result<Columns> {
        let mut fields: Vec<Option<AffiliateField>> = vec![None; headers.len()];
        let mut chosen: Vec<bool> = (0..headers.len()).map(|i| headers[..i].contains(&headers[i])).collect();
        let mut names: Vec<(&String, &Option<String>)> = mapping.0.iter().collect();
        names.sort();
        for (name, choice) in names {
            let col = column_named(file, &headers, name)?;
            chosen[col] = true;
            fields[col] = None;
            if let Some(value) = choice.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                let f = AffiliateField::from_value(value).or_else(|| recognise(value)).ok_or_else(|| unknown_field(file, &headers[col], value))?;
                if let Some(j) = fields.iter().position(|g| *g == Some(f)) {
                    return Err(field_twice(file, &headers[j], &headers[col], f));
                }
                fields[col] = Some(f);
            }
        }
        for (i, h) in headers.iter().enumerate() {
            if !chosen[i] {
                fields[i] = recognise(h).filter(|f| !fields.contains(&Some(*f)));
            }
        }
        Ok(Columns { headers, fields })
    }

    pub fn of(&self, field: AffiliateField) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(field))
    }

    /// The header of a column, for a problem's place.
    pub fn header(&self, col: Option<usize>) -> &str {
        col.map_or("", |c| self.headers[c].as_str())
    }

    /// Refuses a layout that cannot be imported: no column that says who the affiliate is.
    pub fn check_usable(&self, file: &str) -> Result<()> {
        let has_identity = self.fields.iter().flatten().any(|f| matches!(f, AffiliateField::Handle | AffiliateField::ProfileUrl | AffiliateField::PlatformHandle(_) | AffiliateField::PlatformUrl(_)));
        if has_identity {
            return Ok(());
        }
        let columns = self.headers.join("\n");
        let message = format!(
            "Chorus cannot find a handle or profile link column in {file}: every affiliate is matched on their platform and handle. Add a column such as “Instagram” or “Profile URL”, or choose which column holds the handles."
        );
        Err(layout_error(file, "affiliates_no_handle_column", &[("columns", columns)], message))
    }
}

fn field_twice(file: &str, first: &str, second: &str, f: AffiliateField) -> Error {
    layout_error(
        file,
        "field_twice",
        &[("first", first.to_string()), ("second", second.to_string()), ("field", f.value())],
        format!("The columns ‘{first}’ and ‘{second}’ of {file} are both set to import as {}. Choose one of them and ignore the other.", f.label()),
    )
}

fn unknown_field(file: &str, header: &str, value: &str) -> Error {
    let values: Vec<String> = AffiliateField::choices().into_iter().map(AffiliateField::value).collect();
    layout_error(
        file,
        "unknown_field",
        &[("column", header.to_string()), ("field", value.to_string())],
        format!("The column ‘{header}’ of {file} is set to import as “{value}”, which is not a field of an affiliate list. Choose one of: {}; or ignore the column.", values.join(", ")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_of_affiliate_tools_and_dutch_spreadsheets_are_recognised() {
        use crate::roster::model::Platform as P;
        use AffiliateField::*;
        let cases: &[(&str, AffiliateField)] = &[
            ("Affiliate", Name),
            ("Affiliate name", Name),
            ("First name", FirstName),
            ("Last Name", LastName),
            ("Voornaam", FirstName),
            ("Achternaam", LastName),
            ("E-mail", Email),
            ("Coupon", Code),
            ("Coupon code", Code),
            ("Discount code", Code),
            ("Kortingscode", Code),
            ("Commission", Commission),
            ("Commission rate", Commission),
            ("Rate", Commission),
            ("Commissie", Commission),
            ("Start date", Start),
            ("Startdatum", Start),
            ("End date", End),
            ("Einddatum", End),
            ("Instagram", PlatformHandle(P::Instagram)),
            ("TikTok handle", PlatformHandle(P::Tiktok)),
            ("Instagram URL", PlatformUrl(P::Instagram)),
            ("Profile URL", ProfileUrl),
            ("Platform", AffiliateField::Platform),
            ("Handle", Handle),
        ];
        for (header, field) in cases {
            assert_eq!(recognise(header), Some(*field), "{header}");
        }
        assert_eq!(recognise("Clicks"), None);
        assert_eq!(recognise("Instagram followers"), None, "followers are the roster's business");
    }

    #[test]
    fn every_label_and_value_reads_back_as_its_field() {
        for f in AffiliateField::choices() {
            assert_eq!(recognise(&f.label()), Some(f), "{}", f.label());
            assert_eq!(AffiliateField::from_value(&f.value()), Some(f), "{}", f.value());
        }
    }

    #[test]
    fn a_choice_overrides_recognition_and_a_column_can_be_ignored() {
        let headers = vec!["Naam".to_string(), "Promo".to_string(), "Instagram".to_string(), "Code".to_string()];
        let mapping = ColumnMapping([("Promo".to_string(), Some("code".to_string())), ("code".to_string(), None)].into_iter().collect());
        let c = Columns::build("f.csv", headers, &mapping).unwrap();
        assert_eq!((c.of(AffiliateField::Code), c.of(AffiliateField::Name)), (Some(1), Some(0)));
        let bad = ColumnMapping([("Promo".to_string(), Some("shoe_size".to_string()))].into_iter().collect());
        let Err(Error::ImportLayout { code, .. }) = Columns::build("f.csv", vec!["Promo".into()], &bad) else { panic!("unknown field") };
        assert_eq!(code, "unknown_field");
        let c = Columns::build("f.csv", vec!["Naam".into(), "Code".into()], &ColumnMapping::default()).unwrap();
        let Err(Error::ImportLayout { code, .. }) = c.check_usable("f.csv") else { panic!("no handle") };
        assert_eq!(code, "affiliates_no_handle_column");
    }
}
