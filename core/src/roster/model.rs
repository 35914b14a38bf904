//! The roster's vocabulary: platforms, pipeline stages, payout methods, content formats, and
//! the shapes a creator takes on its way in ([`CreatorDraft`], all text, as typed or imported)
//! and on its way out ([`Creator`], [`CreatorRow`]).

use serde::{Deserialize, Serialize};

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The stored and exported spelling.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
            /// The English name a person reads.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
            /// Accepts the stored spelling or the label, in any case.
            pub fn parse(text: &str) -> Option<$name> {
                let t = text.trim();
                $name::ALL.iter().copied().find(|v| {
                    v.as_str().eq_ignore_ascii_case(t) || v.label().eq_ignore_ascii_case(t)
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use text_enum;

text_enum!(
    /// Where a creator publishes.
    Platform {
        Instagram = "instagram", "Instagram";
        Tiktok = "tiktok", "TikTok";
        Youtube = "youtube", "YouTube";
        X = "x", "X";
        Pinterest = "pinterest", "Pinterest";
        Twitch = "twitch", "Twitch";
        Blog = "blog", "Blog";
        Other = "other", "Other";
    }
);

impl Platform {
    /// Also accepts the names people still use (`Twitter`).
    pub fn parse_loose(text: &str) -> Option<Platform> {
        Platform::parse(text).or_else(|| match text.trim().to_ascii_lowercase().as_str() {
            "twitter" | "x/twitter" | "x (twitter)" => Some(Platform::X),
            "yt" => Some(Platform::Youtube),
            "ig" | "insta" => Some(Platform::Instagram),
            "website" | "web" => Some(Platform::Blog),
            _ => None,
        })
    }
}

text_enum!(
    /// Where a creator stands in the brand's pipeline.
    Stage {
        Prospect = "prospect", "Prospect";
        Contacted = "contacted", "Contacted";
        Negotiating = "negotiating", "Negotiating";
        Active = "active", "Active";
        Paused = "paused", "Paused";
        Alumni = "alumni", "Alumni";
        Declined = "declined", "Declined";
    }
);

text_enum!(
    /// How a creator wants to be paid.
    PayoutMethod {
        None = "none", "Not set";
        Paypal = "paypal", "PayPal";
        Bank = "bank", "Bank transfer";
    }
);

text_enum!(
    /// Whether a creator invoices with VAT: registered (their rate is added to fees and
    /// adjustments), or reverse charge (the brand accounts for the VAT; none is added).
    VatStatus {
        None = "none", "Not VAT-registered";
        Registered = "registered", "VAT-registered";
        ReverseCharge = "reverse_charge", "Reverse charge";
    }
);

text_enum!(
    /// A deliverable format, as priced on a rate card.
    ContentFormat {
        Post = "post", "Post";
        Carousel = "carousel", "Carousel";
        SingleImage = "single_image", "Single image";
        Reel = "reel", "Reel";
        Story = "story", "Story";
        Short = "short", "Short";
        Video = "video", "Video";
        Live = "live", "Live";
        Blog = "blog", "Blog post";
    }
);

/// One handle as typed or imported. Followers is text so that `12.345`, `12,5K` and mistakes
/// all reach the same parser and the same field-level errors.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HandleDraft {
    pub platform: String,
    pub handle: String,
    pub profile_url: String,
    pub followers: String,
}

/// A price on the rate card as typed: `250`, `1.250,00`, `€ 99.95`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RateDraft {
    pub format: String,
    pub amount: String,
}

/// A creator as a form or an import row holds it: all text, not yet validated.
/// [`crate::roster::validate::validate_draft`] turns it into a [`CreatorRecord`] or field errors.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreatorDraft {
    pub display_name: String,
    pub handles: Vec<HandleDraft>,
    pub niches: Vec<String>,
    pub tags: Vec<String>,
    /// Where gifts go: street and number, postal code (may span lines).
    pub postal_address: String,
    pub city: String,
    pub country: String,
    pub language: String,
    pub email: String,
    pub phone: String,
    pub manager: String,
    pub paypal_email: String,
    pub iban: String,
    pub account_holder: String,
    pub payout_method: String,
    /// `none`, `registered` or `reverse_charge` (empty: none).
    pub vat_status: String,
    pub vat_number: String,
    /// The creator's VAT rate as a percentage, `21` or `9,5` (registered only).
    pub vat_rate: String,
    /// The address on a self-billing invoice (may span lines).
    pub billing_address: String,
    pub stage: String,
    pub authenticity_score: String,
    pub authenticity_notes: String,
    pub notes: String,
    pub rates: Vec<RateDraft>,
    /// How the followers and rates are written: the window's language for what is typed there,
    /// unknown for an import row and for the drafts the core hands out (their numbers read the
    /// same in every spelling). Not part of the draft the window sends: the command takes it.
    #[serde(skip)]
    pub spelling: crate::numbers::Spelling,
}

/// A validated handle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HandleRecord {
    pub platform: Platform,
    pub handle: String,
    pub profile_url: String,
    pub followers: i64,
}

/// A validated rate: minor units of the workspace currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RateRecord {
    pub format: ContentFormat,
    pub amount_minor: i64,
}

/// A validated creator, ready to be written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreatorRecord {
    pub display_name: String,
    pub handles: Vec<HandleRecord>,
    pub niches: Vec<String>,
    pub tags: Vec<String>,
    /// Where gifts go: street and number, postal code (may span lines).
    pub postal_address: String,
    pub city: String,
    pub country: String,
    pub language: String,
    pub email: String,
    pub phone: String,
    pub manager: String,
    pub paypal_email: String,
    pub iban: String,
    pub account_holder: String,
    pub payout_method: PayoutMethod,
    pub vat_status: VatStatus,
    pub vat_number: String,
    /// Basis points: 21 % is 2100.
    pub vat_rate_bp: i64,
    pub billing_address: String,
    pub stage: Stage,
    pub authenticity_score: Option<u8>,
    pub authenticity_notes: String,
    pub notes: String,
    pub rates: Vec<RateRecord>,
}

/// A handle as stored, with its identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Handle {
    pub id: i64,
    pub platform: Platform,
    pub handle: String,
    pub profile_url: String,
    pub followers: i64,
}

/// A stored rate with its currency beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rate {
    pub format: ContentFormat,
    pub amount: crate::money::Money,
}

/// One point of a follower history: the creator's total over all handles on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowerPoint {
    pub date: String,
    pub followers: i64,
}

/// Everything the detail panel shows about one creator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Creator {
    pub id: i64,
    pub revision: i64,
    pub display_name: String,
    pub handles: Vec<Handle>,
    pub niches: Vec<String>,
    pub tags: Vec<String>,
    /// Where gifts go: street and number, postal code (may span lines).
    pub postal_address: String,
    pub city: String,
    pub country: String,
    pub language: String,
    pub email: String,
    pub phone: String,
    pub manager: String,
    pub paypal_email: String,
    pub iban: String,
    pub account_holder: String,
    pub payout_method: PayoutMethod,
    pub vat_status: VatStatus,
    pub vat_number: String,
    /// Basis points: 21 % is 2100.
    pub vat_rate_bp: i64,
    pub billing_address: String,
    pub stage: Stage,
    pub authenticity_score: Option<u8>,
    pub authenticity_notes: String,
    pub notes: String,
    pub rates: Vec<Rate>,
    pub max_followers: i64,
    pub tier: crate::roster::tiers::Tier,
    /// Total followers over time, oldest first, for the sparkline.
    pub follower_history: Vec<FollowerPoint>,
    pub last_contact_on: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

impl Creator {
    /// The stored details as a record, to compare with what a save or an import would write.
    pub fn to_record(&self) -> CreatorRecord {
        CreatorRecord {
            display_name: self.display_name.clone(),
            handles: self.handles.iter().map(|h| HandleRecord { platform: h.platform, handle: h.handle.clone(), profile_url: h.profile_url.clone(), followers: h.followers }).collect(),
            niches: self.niches.clone(),
            tags: self.tags.clone(),
            postal_address: self.postal_address.clone(),
            city: self.city.clone(),
            country: self.country.clone(),
            language: self.language.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            manager: self.manager.clone(),
            paypal_email: self.paypal_email.clone(),
            iban: self.iban.clone(),
            account_holder: self.account_holder.clone(),
            payout_method: self.payout_method,
            vat_status: self.vat_status,
            vat_number: self.vat_number.clone(),
            vat_rate_bp: self.vat_rate_bp,
            billing_address: self.billing_address.clone(),
            stage: self.stage,
            authenticity_score: self.authenticity_score,
            authenticity_notes: self.authenticity_notes.clone(),
            notes: self.notes.clone(),
            rates: self.rates.iter().map(|r| RateRecord { format: r.format, amount_minor: r.amount.minor }).collect(),
        }
    }

    /// The creator as an editable draft: what the form starts from and what an import merges into.
    pub fn to_draft(&self) -> CreatorDraft {
        self.clone().into_draft()
    }

    /// [`Creator::to_draft`] without copying the texts.
    pub fn into_draft(self) -> CreatorDraft {
        CreatorDraft {
            display_name: self.display_name,
            handles: self
                .handles
                .into_iter()
                .map(|h| HandleDraft {
                    platform: h.platform.as_str().to_string(),
                    handle: h.handle,
                    profile_url: h.profile_url,
                    followers: h.followers.to_string(),
                })
                .collect(),
            niches: self.niches,
            tags: self.tags,
            postal_address: self.postal_address,
            city: self.city,
            country: self.country,
            language: self.language,
            email: self.email,
            phone: self.phone,
            manager: self.manager,
            paypal_email: self.paypal_email,
            iban: self.iban,
            account_holder: self.account_holder,
            payout_method: self.payout_method.as_str().to_string(),
            vat_status: self.vat_status.as_str().to_string(),
            vat_number: self.vat_number,
            vat_rate: if self.vat_rate_bp == 0 { String::new() } else { crate::commissions::rules::percent_text(self.vat_rate_bp as u32).trim_end_matches('%').to_string() },
            billing_address: self.billing_address,
            stage: self.stage.as_str().to_string(),
            authenticity_score: self.authenticity_score.map(|s| s.to_string()).unwrap_or_default(),
            authenticity_notes: self.authenticity_notes,
            notes: self.notes,
            rates: self
                .rates
                .into_iter()
                .map(|r| RateDraft {
                    format: r.format.as_str().to_string(),
                    amount: crate::money::format_unmistakable(r.amount.minor, r.amount.currency),
                })
                .collect(),
            spelling: crate::numbers::Spelling::Unknown,
        }
    }
}

/// One line of the roster table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreatorRow {
    pub id: i64,
    pub display_name: String,
    /// `platform:handle` pairs, largest audience first.
    pub handles: Vec<RowHandle>,
    pub max_followers: i64,
    pub tier: crate::roster::tiers::Tier,
    pub niches: Vec<String>,
    pub stage: Stage,
    pub country: String,
    pub city: String,
    pub updated_at: String,
    /// The newest touchpoint in the outreach log.
    pub last_contact_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowHandle {
    pub platform: Platform,
    pub handle: String,
    pub followers: i64,
}
