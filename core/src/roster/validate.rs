//! Turns a [`CreatorDraft`] (text as typed or imported) into a [`CreatorRecord`], or into
//! field-level errors a person understands. The form, the CSV import and the CLI all pass
//! through here, so they accept and refuse exactly the same things.

use crate::error::FieldError;
use crate::roster::model::*;
use crate::money::{self, AmountError, Currency};
use crate::numbers::{self, CountError, Spelling};

const MAX_NAME: usize = 200;
const MAX_SHORT: usize = 200;
const MAX_NOTES: usize = 20_000;

/// Validates a whole draft and returns every problem at once, not just the first.
pub fn validate_draft(draft: &CreatorDraft, currency: Currency) -> Result<CreatorRecord, Vec<FieldError>> {
    let mut errors = Vec::new();

    let display_name = clean(&draft.display_name);
    if display_name.is_empty() {
        errors.push(FieldError::new("display_name", "required", "Give the creator a name."));
    } else if display_name.chars().count() > MAX_NAME {
        errors.push(too_long("display_name", "The name", MAX_NAME));
    }

    let handles = validate_handles(&draft.handles, draft.spelling, &mut errors);

    let email = validate_email("email", &draft.email, &mut errors);
    let paypal_email = validate_email("paypal_email", &draft.paypal_email, &mut errors);
    let phone = clean(&draft.phone);
    if !phone.is_empty() && !is_phone(&phone) {
        errors.push(FieldError::new("phone", "invalid_phone", format!("“{phone}” is not a phone number: use digits, spaces and + - ( ) only.")).with_value(&phone));
    }

    let iban = validate_iban(&draft.iban, &mut errors);
    let country = validate_country(&draft.country, &mut errors);

    let payout_method = match draft.payout_method.trim() {
        "" => PayoutMethod::None,
        t => PayoutMethod::parse(t).unwrap_or_else(|| {
            errors.push(FieldError::new("payout_method", "unknown_payout_method", format!("“{t}” is not a payout method: use PayPal, bank or leave it empty.")).with_value(t));
            PayoutMethod::None
        }),
    };
    let account_holder = clean(&draft.account_holder);
    match payout_method {
        PayoutMethod::Paypal if paypal_email.is_empty() && !has_error(&errors, "paypal_email") => {
            errors.push(FieldError::new("paypal_email", "payout_details_missing", "Payout by PayPal needs the creator's PayPal email."));
        }
        PayoutMethod::Bank => {
            if iban.is_empty() && !has_error(&errors, "iban") {
                errors.push(FieldError::new("iban", "payout_details_missing", "Payout by bank transfer needs the creator's IBAN."));
            }
            if account_holder.is_empty() {
                errors.push(FieldError::new("account_holder", "payout_details_missing", "Payout by bank transfer needs the name of the account holder."));
            }
        }
        _ => {}
    }

    let (vat_status, vat_number, vat_rate_bp) = validate_vat(draft, &mut errors);

    let stage = match draft.stage.trim() {
        "" => Stage::Prospect,
        t => Stage::parse(t).unwrap_or_else(|| {
            errors.push(FieldError::new("stage", "unknown_stage", format!("“{t}” is not a pipeline stage. Use one of: prospect, contacted, negotiating, active, paused, alumni, declined.")).with_value(t));
            Stage::Prospect
        }),
    };

    let authenticity_score = match draft.authenticity_score.trim() {
        "" => None,
        t => match t.parse::<u8>() {
            Ok(n) if (1..=5).contains(&n) => Some(n),
            _ => {
                errors.push(FieldError::new("authenticity_score", "invalid_score", format!("The authenticity score is a whole number from 1 to 5, not “{t}”.")).with_value(t));
                None
            }
        },
    };

    let rates = validate_rates(&draft.rates, currency, draft.spelling, &mut errors);

    let mut short = |field: &'static str, label: &str, value: &str| -> String {
        let v = clean(value);
        if v.chars().count() > MAX_SHORT {
            errors.push(too_long(field, label, MAX_SHORT));
        }
        v
    };
    let city = short("city", "The city", &draft.city);
    let language = short("language", "The language", &draft.language);
    let manager = short("manager", "The manager or agent", &draft.manager);
    let account_holder = short("account_holder", "The account holder", &account_holder);
    let notes = draft.notes.trim().to_string();
    if notes.chars().count() > MAX_NOTES {
        errors.push(too_long("notes", "The notes", MAX_NOTES));
    }
    let postal_address = draft.postal_address.trim().replace("\r\n", "\n");
    if postal_address.chars().count() > 1000 {
        errors.push(too_long("postal_address", "The postal address", 1000));
    }
    let billing_address = draft.billing_address.trim().replace("\r\n", "\n");
    if billing_address.chars().count() > 1000 {
        errors.push(too_long("billing_address", "The billing address", 1000));
    }
    let authenticity_notes = draft.authenticity_notes.trim().to_string();
    if authenticity_notes.chars().count() > MAX_NOTES {
        errors.push(too_long("authenticity_notes", "The authenticity notes", MAX_NOTES));
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(CreatorRecord {
        display_name,
        handles,
        niches: clean_labels(&draft.niches),
        tags: clean_labels(&draft.tags),
        postal_address,
        city,
        country,
        language,
        email,
        phone,
        manager,
        paypal_email,
        iban,
        account_holder,
        payout_method,
        vat_status,
        vat_number,
        vat_rate_bp,
        billing_address,
        stage,
        authenticity_score,
        authenticity_notes,
        notes,
        rates,
    })
}

fn has_error(errors: &[FieldError], field: &str) -> bool {
    errors.iter().any(|e| e.field == field)
}

fn too_long(field: &str, label: &str, max: usize) -> FieldError {
    FieldError::new(field, "too_long", format!("{label} can be at most {max} characters.")).with_value(max.to_string())
}

/// Trims and folds runs of whitespace (including line breaks) into one space.
fn clean(text: &str) -> String {
    let t = text.trim();
    // Most text is clean already: one copy, no splitting.
    let mut previous_space = false;
    let tidy = t.chars().all(|c| {
        let ok = c == ' ' && !previous_space || !c.is_whitespace();
        previous_space = c == ' ';
        ok
    });
    if tidy {
        return t.to_string();
    }
    let mut out = String::with_capacity(t.len());
    for word in t.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Niches and tags: trimmed, lower case, no empties, no duplicates, in the order given.
pub fn clean_labels(labels: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(labels.len());
    for label in labels {
        push_label(&mut out, label);
    }
    out
}

/// Splits `fitness, food & drink; tech` into labels (comma, semicolon or pipe).
pub fn split_labels(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for label in text.split([',', ';', '|']) {
        push_label(&mut out, label);
    }
    out
}

fn push_label(out: &mut Vec<String>, label: &str) {
    let mut l = clean(label);
    if l.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        l = l.to_lowercase();
    }
    if !l.is_empty() && !out.contains(&l) {
        out.push(l);
    }
}

/// The identity of a handle within its platform: lower case, without `@`.
pub fn handle_key(handle: &str) -> String {
    handle.trim().trim_start_matches('@').to_lowercase()
}

fn validate_handles(drafts: &[HandleDraft], spelling: Spelling, errors: &mut Vec<FieldError>) -> Vec<HandleRecord> {
    let mut out = Vec::new();
    let mut seen: Vec<(Platform, String, usize)> = Vec::new();
    let mut any_non_empty = false;
    for (i, h) in drafts.iter().enumerate() {
        if h.platform.trim().is_empty() && h.handle.trim().is_empty() && h.profile_url.trim().is_empty() && h.followers.trim().is_empty() {
            continue; // an empty row of the form
        }
        any_non_empty = true;
        let field = |name: &str| format!("handles.{i}.{name}");
        let platform = match Platform::parse_loose(&h.platform) {
            Some(p) => Some(p),
            None => {
                let v = h.platform.trim();
                let msg = if v.is_empty() { "Choose the platform of this handle.".to_string() } else { format!("“{v}” is not a platform Chorus knows: use Instagram, TikTok, YouTube, X, Pinterest, Twitch, blog or other.") };
                errors.push(FieldError::new(field("platform"), if v.is_empty() { "required" } else { "unknown_platform" }, msg).with_value(v));
                None
            }
        };
        let (handle, url_from_handle) = split_handle(&h.handle);
        if handle.is_empty() {
            errors.push(FieldError::new(field("handle"), "required", "Fill in the handle (the name after the @)."));
        } else if handle.chars().any(char::is_whitespace) {
            errors.push(FieldError::new(field("handle"), "invalid_handle", format!("“{handle}” has spaces in it; a handle has none.")).with_value(&handle));
        } else if handle.chars().count() > 100 {
            errors.push(too_long(&field("handle"), "The handle", 100));
        }
        let mut profile_url = h.profile_url.trim().to_string();
        if profile_url.is_empty() {
            profile_url = url_from_handle.unwrap_or_default();
        }
        if !profile_url.is_empty() && !is_web_url(&profile_url) {
            errors.push(FieldError::new(field("profile_url"), "invalid_url", format!("“{profile_url}” is not a web address: it should start with https://.")).with_value(&profile_url));
        }
        let followers = match h.followers.trim() {
            "" => 0,
            // Plain digits, as most files have them, need no reading of separators.
            text if text.len() <= 18 && text.bytes().all(|b| b.is_ascii_digit()) => text.parse().unwrap_or(0),
            text => match numbers::parse_count(text, spelling) {
                Ok(n) => n,
                Err(e) => {
                    errors.push(count_error(&field("followers"), "Followers", text, e));
                    0
                }
            },
        };
        if let Some(p) = platform {
            let key = handle_key(&handle);
            if let Some((_, _, first)) = seen.iter().find(|(sp, sk, _)| *sp == p && *sk == key) {
                errors.push(
                    FieldError::new(field("handle"), "duplicate_handle", format!("@{handle} on {} is listed twice (also in handle {}).", p.label(), first + 1)).with_value(&handle),
                );
            } else if !key.is_empty() {
                seen.push((p, key, i));
            }
            out.push(HandleRecord { platform: p, handle, profile_url, followers });
        }
    }
    if !any_non_empty {
        errors.push(FieldError::new("handles", "handle_required", "Add at least one handle (platform and name), so the creator can be found and recognised in imports."));
    }
    out
}

/// The handles of a draft that name a known platform and a handle, with their row in the
/// draft (empty rows of the form count), whether or not the rest of the draft is valid: what
/// a save checks against the handles other creators own.
pub fn draft_handles(draft: &CreatorDraft) -> Vec<(usize, Platform, String)> {
    draft
        .handles
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            let (handle, _) = split_handle(&h.handle);
            let platform = Platform::parse_loose(&h.platform)?;
            (!handle.is_empty()).then_some((i, platform, handle))
        })
        .collect()
}

/// Accepts `@name`, `name`, or a pasted profile link (`https://instagram.com/name`), and returns
/// the handle plus the link when one was pasted.
pub(crate) fn split_handle(text: &str) -> (String, Option<String>) {
    let t = text.trim();
    if is_web_url(t) {
        let path = t.split("://").nth(1).unwrap_or("");
        let last = path.split(['?', '#']).next().unwrap_or("").trim_end_matches('/').rsplit('/').next().unwrap_or("");
        let has_path = path.trim_end_matches('/').contains('/');
        let handle = if has_path { last } else { path.trim_end_matches('/') };
        return (handle.trim_start_matches('@').to_string(), Some(t.to_string()));
    }
    (t.trim_start_matches('@').to_string(), None)
}

/// An http(s) address with a host: the only kind of link Chorus stores or opens.
pub fn is_web_url(text: &str) -> bool {
    let after = |scheme: &str| text.get(..scheme.len()).filter(|s| s.eq_ignore_ascii_case(scheme)).map(|_| &text[scheme.len()..]);
    let rest = after("https://").or_else(|| after("http://"));
    match rest {
        Some(r) => {
            let host = r.split(['/', '?', '#']).next().unwrap_or("");
            host.contains('.') && !host.starts_with('.') && !r.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

pub(crate) fn count_error(field: &str, label: &str, text: &str, e: CountError) -> FieldError {
    let (code, msg) = match e {
        CountError::Negative => ("negative_number", format!("{label} cannot be negative (“{text}”).")),
        CountError::NotWhole => ("not_whole", format!("{label} must be a whole number, not “{text}”.")),
        CountError::TooLarge => ("too_large", format!("{label}: “{text}” is far too large.")),
        CountError::NotANumber => ("not_a_number", format!("{label} must be a number, like 12500, 12,500 or 12.5K — not “{text}”.")),
        CountError::Ambiguous => (
            "ambiguous_count",
            format!("{label}: “{text}” can be read two ways (a thousand times apart); write the number in full, like 1234 or 1234000."),
        ),
    };
    FieldError::new(field, code, msg).with_value(text)
}

fn validate_email(field: &str, text: &str, errors: &mut Vec<FieldError>) -> String {
    let t = text.trim();
    if t.is_empty() {
        return String::new();
    }
    let ok = t.parse::<email_address::EmailAddress>().is_ok() && t.rsplit('@').next().is_some_and(|domain| domain.contains('.') && !domain.ends_with('.'));
    if !ok {
        errors.push(FieldError::new(field, "invalid_email", format!("“{t}” is not an email address, like name@example.com.")).with_value(t));
    }
    t.to_string()
}

/// The VAT status, number and rate (basis points) of a draft. A registered creator needs a
/// number and a rate above zero; reverse charge needs the number and takes no rate; a
/// creator who is not registered has no rate (a number may stay, unused).
fn validate_vat(draft: &CreatorDraft, errors: &mut Vec<FieldError>) -> (VatStatus, String, i64) {
    let status = match draft.vat_status.trim() {
        "" => VatStatus::None,
        t => VatStatus::parse(t).unwrap_or_else(|| {
            errors.push(FieldError::new("vat_status", "unknown_vat_status", format!("“{t}” is not a VAT status: use not registered, registered or reverse charge.")).with_value(t));
            VatStatus::None
        }),
    };
    let number: String = draft.vat_number.chars().filter(|c| !matches!(c, ' ' | '.' | '-' | '\u{a0}')).collect::<String>().to_uppercase();
    if !number.is_empty() && !is_vat_number(&number) {
        errors.push(
            FieldError::new("vat_number", "invalid_vat_number", format!("“{}” is not a VAT number: two letters for the country, then 2 to 13 letters and digits, like NL001234567B01.", draft.vat_number.trim()))
                .with_value(draft.vat_number.trim()),
        );
    }
    if status != VatStatus::None && number.is_empty() {
        errors.push(FieldError::new("vat_number", "vat_number_missing", "A VAT-registered creator needs their VAT number: it goes on the self-billing invoice."));
    }
    let typed = draft.vat_rate.trim().trim_end_matches('%').trim();
    let rate = if typed.is_empty() {
        None
    } else {
        match numbers::read_decimal(typed, draft.spelling) {
            Some(d) if d.fraction.len() <= 2 && d.whole.len() <= 3 => {
                let whole: i64 = d.whole.parse().unwrap_or(0);
                let hundredths: i64 = format!("{:0<2}", d.fraction).parse().unwrap_or(0);
                Some(whole * 100 + hundredths).filter(|bp| (1..=10_000).contains(bp))
            }
            _ => None,
        }
        .or_else(|| {
            errors.push(FieldError::new("vat_rate", "invalid_vat_rate", format!("“{typed}” is not a VAT rate: a percentage above 0 and at most 100, like 21 or 9.")).with_value(typed));
            Some(0)
        })
    };
    let rate_bp = match (status, rate) {
        (VatStatus::Registered, None) => {
            errors.push(FieldError::new("vat_rate", "vat_rate_missing", "A VAT-registered creator needs their VAT rate, like 21."));
            0
        }
        (VatStatus::Registered, Some(bp)) => bp,
        (_, Some(bp)) if bp > 0 => {
            errors.push(
                FieldError::new("vat_rate", "vat_rate_not_registered", "A VAT rate applies only to a VAT-registered creator: choose registered, or leave the rate empty.").with_value(typed),
            );
            0
        }
        _ => 0,
    };
    (status, number, rate_bp)
}

/// An EU-style VAT number, spaces and dots removed: two letters, then 2 to 13 letters and digits.
fn is_vat_number(compact: &str) -> bool {
    let b = compact.as_bytes();
    b.len() >= 4 && b.len() <= 15 && b[..2].iter().all(u8::is_ascii_uppercase) && b[2..].iter().all(u8::is_ascii_alphanumeric) && b[2..].iter().any(u8::is_ascii_digit)
}

fn validate_iban(text: &str, errors: &mut Vec<FieldError>) -> String {
    let compact = compact_iban(text);
    if compact.is_empty() {
        return compact;
    }
    if compact.parse::<iban::Iban>().is_err() {
        errors.push(
            FieldError::new("iban", "invalid_iban", format!("“{}” is not a valid IBAN: check for a typo (the check digits do not match).", text.trim())).with_value(text.trim()),
        );
    }
    compact
}

/// An IBAN in the electronic format banks' files want: no spaces, upper case.
pub fn compact_iban(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase()
}

/// A BIC (ISO 9362), upper case: 4 letters (bank), 2 letters (country), 2 letters or digits
/// (place; its first not 0 or 1, its second not the letter O, which mark test BICs), and
/// optionally 3 letters or digits (branch).
pub fn is_bic(bic: &str) -> bool {
    let b = bic.as_bytes();
    let letters = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_uppercase);
    let alnum = |r: std::ops::Range<usize>| b[r].iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    (b.len() == 8 || b.len() == 11) && letters(0..6) && alnum(6..b.len()) && b[6] != b'0' && b[6] != b'1' && b[7] != b'O'
}

/// Group an IBAN in fours for people: `NL91 ABNA 0417 1643 00`.
pub fn format_iban(iban: &str) -> String {
    iban.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

fn is_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    (6..=20).contains(&digits) && text.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c))
}

/// A country as its ISO 3166-1 alpha-2 code. Codes, English and Dutch names and the common
/// variants are understood ([`crate::roster::countries`]); anything else is an error, never a
/// guess (a form once cut “Nederland” to `NE`, which is Niger).
fn validate_country(text: &str, errors: &mut Vec<FieldError>) -> String {
    let t = text.trim();
    if t.is_empty() {
        return String::new();
    }
    if let Some(code) = country_code(t) {
        return code;
    }
    errors.push(FieldError::new("country", "invalid_country", invalid_country_message(t)).with_value(t));
    t.to_string()
}

/// The sentence for a country Chorus does not know, shared by every form that takes one.
pub(crate) fn invalid_country_message(text: &str) -> String {
    format!("“{text}” is not a country Chorus knows. Write the country's name, like Nederland or Belgium, or its code, like NL or BE.")
}

/// The alpha-2 code of a country written as a code or a name (see [`crate::roster::countries`]).
pub fn country_code(text: &str) -> Option<String> {
    crate::roster::countries::code_for(text).map(str::to_string)
}

fn validate_rates(drafts: &[RateDraft], currency: Currency, spelling: Spelling, errors: &mut Vec<FieldError>) -> Vec<RateRecord> {
    let mut out: Vec<RateRecord> = Vec::new();
    for (i, r) in drafts.iter().enumerate() {
        if r.amount.trim().is_empty() {
            continue; // no price for this format
        }
        let Some(format) = ContentFormat::parse(&r.format) else {
            let v = r.format.trim();
            errors.push(FieldError::new(format!("rates.{i}.format"), "unknown_format", format!("“{v}” is not a deliverable format: use post, carousel, single image, reel, story, short, video, live or blog.")).with_value(v));
            continue;
        };
        let field = format!("rates.{i}.amount");
        let text = r.amount.trim();
        match money::parse_amount(text, currency, spelling) {
            Ok(minor) if out.iter().any(|o| o.format == format) => {
                let _ = minor;
                errors.push(FieldError::new(format!("rates.{i}.format"), "duplicate_rate", format!("{} has two prices on the rate card.", format.label())).with_value(format.as_str()));
            }
            Ok(amount_minor) => out.push(RateRecord { format, amount_minor }),
            Err(e) => errors.push(amount_error(&field, text, currency, e)),
        }
    }
    out
}

pub(crate) fn amount_error(field: &str, text: &str, currency: Currency, e: AmountError) -> FieldError {
    let (code, msg) = match e {
        AmountError::Negative => ("negative_number", format!("A price cannot be negative (“{text}”).")),
        AmountError::NotANumber => ("not_an_amount", format!("“{text}” is not an amount, like 250 or 1,250.00.")),
        AmountError::TooManyDecimals { allowed } => ("too_many_decimals", format!("“{text}” has more decimals than {} allows ({allowed}).", currency.code())),
        AmountError::TooLarge => ("too_large", format!("“{text}” is far too large.")),
        AmountError::WrongCurrency { found } => ("wrong_currency", format!("“{text}” is in {found}, but this workspace keeps its rates in {}.", currency.code())),
        AmountError::Ambiguous => (
            "ambiguous_amount",
            format!(
                "“{text}” can be read two ways in {} (three decimals, a thousand times apart): write a whole amount without a thousands separator, like 1234, and decimals with one zero more, like 1.2340.",
                currency.code()
            ),
        ),
    };
    FieldError::new(field, code, msg).with_value(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur() -> Currency {
        Currency::parse("EUR").unwrap()
    }

    fn anna() -> CreatorDraft {
        CreatorDraft {
            display_name: "  Anna   de Vries ".into(),
            handles: vec![HandleDraft { platform: "Instagram".into(), handle: "@AnnaFit".into(), profile_url: String::new(), followers: "12.345".into() }],
            niches: vec!["Fitness & Wellness".into(), "fitness & wellness".into(), " ".into()],
            email: "anna@example.nl".into(),
            iban: "nl91 abna 0417 1643 00".into(),
            country: "Nederland".into(),
            rates: vec![RateDraft { format: "reel".into(), amount: "1.250,00".into() }],
            ..Default::default()
        }
    }

    fn codes(errors: &[FieldError]) -> Vec<(&str, &str)> {
        errors.iter().map(|e| (e.field.as_str(), e.code)).collect()
    }

    #[test]
    fn a_vat_registered_creator_has_a_number_and_a_rate_read_in_the_windows_spelling() {
        let d = CreatorDraft { vat_status: "registered".into(), vat_number: "nl 0012.34567.b01".into(), vat_rate: "9,5".into(), spelling: Spelling::Dutch, ..anna() };
        let r = validate_draft(&d, eur()).unwrap();
        assert_eq!((r.vat_status, r.vat_number.as_str(), r.vat_rate_bp), (VatStatus::Registered, "NL001234567B01", 950));
        let d = CreatorDraft { vat_status: "Registered".into(), vat_number: "DE123456789".into(), vat_rate: "21 %".into(), ..anna() };
        assert_eq!(validate_draft(&d, eur()).unwrap().vat_rate_bp, 2100);
        let d = CreatorDraft { vat_status: "reverse_charge".into(), vat_number: "BE0123456789".into(), ..anna() };
        let r = validate_draft(&d, eur()).unwrap();
        assert_eq!((r.vat_status, r.vat_rate_bp), (VatStatus::ReverseCharge, 0));
        let r = validate_draft(&anna(), eur()).unwrap();
        assert_eq!((r.vat_status, r.vat_number.as_str(), r.vat_rate_bp), (VatStatus::None, "", 0));
    }

    #[test]
    fn vat_details_that_do_not_fit_name_their_field() {
        let bad = |d: CreatorDraft| validate_draft(&d, eur()).unwrap_err();
        let e = bad(CreatorDraft { vat_status: "registered".into(), ..anna() });
        assert_eq!(codes(&e), vec![("vat_number", "vat_number_missing"), ("vat_rate", "vat_rate_missing")]);
        let e = bad(CreatorDraft { vat_status: "registered".into(), vat_number: "123".into(), vat_rate: "0".into(), ..anna() });
        assert_eq!(codes(&e), vec![("vat_number", "invalid_vat_number"), ("vat_rate", "invalid_vat_rate")]);
        let e = bad(CreatorDraft { vat_status: "registered".into(), vat_number: "NL001234567B01".into(), vat_rate: "120".into(), ..anna() });
        assert_eq!(codes(&e), vec![("vat_rate", "invalid_vat_rate")]);
        let e = bad(CreatorDraft { vat_rate: "21".into(), ..anna() });
        assert_eq!(codes(&e), vec![("vat_rate", "vat_rate_not_registered")]);
        let e = bad(CreatorDraft { vat_status: "sometimes".into(), ..anna() });
        assert_eq!(codes(&e), vec![("vat_status", "unknown_vat_status")]);
        let e = bad(CreatorDraft { vat_status: "reverse_charge".into(), ..anna() });
        assert_eq!(codes(&e), vec![("vat_number", "vat_number_missing")]);
    }

    #[test]
    fn a_good_draft_is_cleaned_up() {
        let r = validate_draft(&anna(), eur()).unwrap();
        assert_eq!(r.display_name, "Anna de Vries");
        assert_eq!(r.handles[0].handle, "AnnaFit");
        assert_eq!(r.handles[0].followers, 12345);
        assert_eq!(r.niches, vec!["fitness & wellness"]);
        assert_eq!(r.iban, "NL91ABNA0417164300");
        assert_eq!(r.country, "NL");
        assert_eq!(r.rates, vec![RateRecord { format: ContentFormat::Reel, amount_minor: 125_000 }]);
        assert_eq!(r.stage, Stage::Prospect);
    }

    #[test]
    fn every_bad_field_is_named() {
        let mut d = anna();
        d.email = "anna@".into();
        d.iban = "NL91ABNA0417164301".into();
        d.handles[0].followers = "-12".into();
        d.handles.push(HandleDraft { platform: "instagram".into(), handle: "annafit".into(), ..Default::default() });
        d.stage = "married".into();
        d.rates[0].amount = "12,345".into(); // 12345: fine
        d.rates.push(RateDraft { format: "hologram".into(), amount: "5".into() });
        let errors = validate_draft(&d, eur()).unwrap_err();
        assert_eq!(
            codes(&errors),
            vec![
                ("handles.0.followers", "negative_number"),
                ("handles.1.handle", "duplicate_handle"),
                ("email", "invalid_email"),
                ("iban", "invalid_iban"),
                ("stage", "unknown_stage"),
                ("rates.1.format", "unknown_format"),
            ]
        );
    }

    #[test]
    fn a_creator_needs_a_name_and_a_handle() {
        let errors = validate_draft(&CreatorDraft::default(), eur()).unwrap_err();
        assert_eq!(codes(&errors), vec![("display_name", "required"), ("handles", "handle_required")]);
    }

    #[test]
    fn a_pasted_profile_link_becomes_handle_and_url() {
        let mut d = anna();
        d.handles[0].handle = "https://www.instagram.com/anna.fit/".into();
        let r = validate_draft(&d, eur()).unwrap();
        assert_eq!(r.handles[0].handle, "anna.fit");
        assert_eq!(r.handles[0].profile_url, "https://www.instagram.com/anna.fit/");
    }

    #[test]
    fn payout_method_needs_its_details() {
        let mut d = anna();
        d.iban.clear();
        d.payout_method = "bank".into();
        let errors = validate_draft(&d, eur()).unwrap_err();
        assert_eq!(codes(&errors), vec![("iban", "payout_details_missing"), ("account_holder", "payout_details_missing")]);
        d.payout_method = "paypal".into();
        assert_eq!(codes(&validate_draft(&d, eur()).unwrap_err()), vec![("paypal_email", "payout_details_missing")]);
    }

    #[test]
    fn rates_refuse_rounding_and_other_currencies() {
        let mut d = anna();
        d.rates = vec![RateDraft { format: "post".into(), amount: "99,999".into() }, RateDraft { format: "story".into(), amount: "50 USD".into() }];
        // 99,999 is read as 99999 (grouping), which is fine; 50 USD is not EUR.
        let errors = validate_draft(&d, eur()).unwrap_err();
        assert_eq!(codes(&errors), vec![("rates.1.amount", "wrong_currency")]);
        d.rates = vec![RateDraft { format: "post".into(), amount: "9,9999".into() }];
        assert_eq!(codes(&validate_draft(&d, eur()).unwrap_err()), vec![("rates.0.amount", "too_many_decimals")]);
    }

    #[test]
    fn a_creator_typed_in_a_dutch_window_has_its_numbers_read_the_dutch_way() {
        // Regression: a Dutch “1,300” rate was saved as €1.300,00 and “12,345” followers as
        // 12.345, the English reading of both.
        let mut d = anna();
        d.spelling = Spelling::Dutch;
        d.rates = vec![RateDraft { format: "reel".into(), amount: "1,300".into() }];
        d.handles[0].followers = "12.400".into();
        let r = validate_draft(&d, eur()).unwrap();
        assert_eq!((r.rates[0].amount_minor, r.handles[0].followers), (130, 12_400));
        d.handles[0].followers = "12,345".into();
        let errors = validate_draft(&d, eur()).unwrap_err();
        assert_eq!(codes(&errors), vec![("handles.0.followers", "not_whole")]);
        assert_eq!(errors[0].value.as_deref(), Some("12,345"));
        d.spelling = Spelling::English;
        d.handles[0].followers = "12,345".into();
        d.rates[0].amount = "1.300".into();
        let r = validate_draft(&d, eur()).unwrap();
        assert_eq!((r.rates[0].amount_minor, r.handles[0].followers), (130, 12_345));
    }

    #[test]
    fn a_creator_saved_unchanged_keeps_its_numbers_in_every_spelling() {
        for (code, typed) in [("EUR", "1,234.5"), ("JPY", "1,234"), ("KWD", "1.234")] {
            let currency = Currency::parse(code).unwrap();
            let mut d = anna();
            d.handles[0].followers = "12345".into();
            d.rates = vec![RateDraft { format: "reel".into(), amount: typed.into() }];
            d.spelling = Spelling::English;
            let first = validate_draft(&d, currency).unwrap();
            let again = CreatorDraft {
                rates: vec![RateDraft { format: "reel".into(), amount: money::format_unmistakable(first.rates[0].amount_minor, currency) }],
                ..d.clone()
            };
            for spelling in [Spelling::Unknown, Spelling::Dutch, Spelling::English] {
                let r = validate_draft(&CreatorDraft { spelling, ..again.clone() }, currency);
                assert_eq!(r.map(|r| r.rates[0].amount_minor), Ok(first.rates[0].amount_minor), "{code} {spelling:?}");
            }
        }
    }

    #[test]
    fn only_web_addresses_are_links() {
        let mut d = anna();
        d.handles[0].profile_url = "javascript:alert(1)".into();
        assert_eq!(codes(&validate_draft(&d, eur()).unwrap_err()), vec![("handles.0.profile_url", "invalid_url")]);
        assert!(is_web_url("https://www.instagram.com/anna/"));
        assert!(!is_web_url("file:///etc/passwd"));
        assert!(!is_web_url("https://"));
    }

    #[test]
    fn a_country_typed_as_a_name_is_stored_as_its_code_not_cut_to_two_letters() {
        // Regression: the form cut “Nederland” to “NE”, which the check took for Niger.
        let mut d = anna();
        for (typed, code) in [("Nederland", "NL"), ("Holland", "NL"), ("the Netherlands", "NL"), ("België", "BE"), ("Brazil", "BR"), ("Czech Republic", "CZ"), ("be", "BE")] {
            d.country = typed.into();
            assert_eq!(validate_draft(&d, eur()).unwrap().country, code, "{typed}");
        }
        for typed in ["Nederlnd", "XX", "NaN", "Europe"] {
            d.country = typed.into();
            let errors = validate_draft(&d, eur()).unwrap_err();
            assert_eq!(codes(&errors), vec![("country", "invalid_country")], "{typed}");
            assert_eq!(errors[0].value.as_deref(), Some(typed));
        }
    }

    #[test]
    fn user_text_is_kept_as_text() {
        let mut d = anna();
        d.display_name = "<img src=x onerror=alert(1)>".into();
        d.notes = "=HYPERLINK(\"http://evil\")".into();
        let r = validate_draft(&d, eur()).unwrap();
        assert_eq!(r.display_name, "<img src=x onerror=alert(1)>");
        assert_eq!(r.notes, "=HYPERLINK(\"http://evil\")");
    }
}
