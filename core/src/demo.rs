//! The demo workspace: "Demo — Studio Zon", a Dutch sustainable sunscreen and lifestyle brand
//! with a roster that looks lived in and campaign work around today, so a first run shows a
//! working app instead of an empty shell.
//!
//! Contract: every demo creator goes through the same validation and the same write as a
//! creator typed into the form ([`validate::validate_draft`] then `creators::save_record`), in
//! one transaction, with the workspace actor set to [`Actor::Demo`]; the app recognises a demo
//! workspace by those audit lines. Every handle gets a monthly follower history of 12–18 months
//! ending today at its current count, drawn from a fixed-seed generator: the same demo every
//! time (only the dates move with today). The campaigns ([`campaigns`]) follow, one save at a
//! time through the public campaign API, as a person would enter them, then the sales, the
//! payouts and every live post's results ([`results`], typed as in the results grid);
//! [`create_demo`] removes the file again if any step fails. One creator's history holds a
//! follower jump with no post to explain it, the one the roster flags.
//!
//! All people, handles, addresses, phone numbers, post links, tracking numbers and notes are
//! invented. Emails use example domains; IBANs carry valid check digits but belong to nobody we
//! know of; the UK and US phone numbers sit in the ranges reserved for fiction.

mod campaigns;
mod orders;
mod payouts;
mod results;

use crate::roster::creators::{self, WriteContext};
use crate::error::{Error, FieldError, Result};
use crate::numbers::Spelling;
use crate::roster::model::{CreatorDraft, HandleDraft, Platform, RateDraft};
use crate::workspace::settings::Settings;
use crate::synthetic::{months_ago, profile_url, today_date, Rng};
use crate::roster::validate;
use crate::workspace::{audit, now_utc, Actor, Workspace};
use serde::Serialize;
use std::path::Path;

/// The demo brand.
pub const BRAND: &str = "Demo — Studio Zon";

/// What [`fill`] wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DemoSummary {
    pub creators: u64,
    pub handles: u64,
    pub snapshots: u64,
    pub campaigns: u64,
    pub collaborations: u64,
    pub deliverables: u64,
    pub shipments: u64,
    pub touchpoints: u64,
    /// Discount codes of the affiliate and hybrid collaborations.
    pub codes: u64,
    pub orders: u64,
    pub commission_lines: u64,
    /// Last month's, paid, and this month's draft.
    pub payout_runs: u64,
    /// Results snapshots of the live posts (recent ones read twice).
    pub results: u64,
}

/// The demo's settings: EUR, nl-NL, the seed article's tier bounds.
pub fn settings() -> Settings {
    Settings::new(BRAND, "EUR", "nl-NL")
}

/// Creates a demo workspace file at `path` (refuses to overwrite) filled with realistic data.
pub fn create_demo(path: &Path) -> Result<Workspace> {
    let mut ws = Workspace::create(path, &settings())?;
    if let Err(e) = fill(&mut ws) {
        // The file is ours, seconds old and empty: do not leave a half-made demo behind.
        drop(ws);
        for suffix in ["", "-wal", "-shm"] {
            let mut p = path.as_os_str().to_owned();
            p.push(suffix);
            let _ = std::fs::remove_file(p);
        }
        return Err(e);
    }
    Ok(ws)
}

/// Fills an open, empty workspace with the demo roster (one transaction) and its campaigns.
pub fn fill(ws: &mut Workspace) -> Result<DemoSummary> {
    let existing: i64 = ws.conn().query_row("SELECT count(*) FROM creators", [], |r| r.get(0))?;
    if existing > 0 {
        return Err(Error::Validation(vec![FieldError::new(
            "workspace",
            "not_empty",
            format!("Demo data only goes into an empty workspace; this one already holds {existing} creator(s)."),
        )]));
    }
    let previous = ws.actor();
    ws.set_actor(Actor::Demo);
    let result = write_all(ws);
    ws.set_actor(previous);
    result
}

fn write_all(ws: &mut Workspace) -> Result<DemoSummary> {
    let roster = write_roster(ws)?;
    let today = crate::campaigns::fields::local_today();
    let c = campaigns::write(ws, today)?;
    let sales = orders::write(ws, today)?;
    let payouts = payouts::write(ws, today)?;
    let results = results::write(ws, today)?;
    Ok(DemoSummary {
        campaigns: c.campaigns,
        collaborations: c.collaborations,
        deliverables: c.deliverables,
        shipments: c.shipments,
        touchpoints: c.touchpoints,
        codes: sales.codes,
        orders: sales.orders,
        commission_lines: sales.commission_lines,
        payout_runs: payouts.runs,
        results,
        ..roster
    })
}

fn write_roster(ws: &mut Workspace) -> Result<DemoSummary> {
    let settings = ws.settings()?;
    let today = today_date();
    ws.write(|tx| {
        let ctx = WriteContext { now: now_utc(), today: months_ago(today, 0), actor: Actor::Demo };
        let mut summary = DemoSummary::default();
        for (i, seed) in CREATORS.iter().enumerate() {
            let record = validate::validate_draft(&seed.draft(), settings.currency()).map_err(Error::Validation)?;
            let id = creators::save_record(tx, None, &record, &settings, &ctx)?.id;
            let handle_ids: Vec<i64> = tx.prepare_cached("SELECT id FROM handles WHERE creator_id = ?1 ORDER BY id")?.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            let months = 12 + (i as u32 % 7);
            // Bought followers arrived a week after that month's snapshot: every handle of the
            // creator is measured that day too, so the creator's total does not dip.
            let bought = seed.handles.iter().find_map(|h| if let Bought(m) = h.3 { Some(m) } else { None });
            for (h, handle_id) in seed.handles.iter().zip(handle_ids) {
                let mut rng = Rng::new(fnv(h.1));
                // Today's count was written by save_record; the rest of the curve leads up to it.
                for k in 1..=months {
                    creators::record_snapshot(tx, handle_id, &months_ago(today, k), h.3.followers_at(h.2, k, months, &mut rng))?;
                }
                summary.handles += 1;
                summary.snapshots += u64::from(months) + 1;
                if let Some(m) = bought {
                    creators::record_snapshot(tx, handle_id, &week_after(today, m), h.3.week_after(h.2, m, months, &mut rng))?;
                    summary.snapshots += 1;
                }
            }
            summary.creators += 1;
        }
        audit(tx, Actor::Demo, "workspace", None, "demo", &format!("{} demo creators", summary.creators))?;
        Ok(summary)
    })
}

/// FNV-1a: a stable seed per handle, so each curve has its own wobble.
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The day a week after the snapshot of `months` months ago.
fn week_after(today: chrono::NaiveDate, months: u32) -> String {
    let then = today.checked_sub_months(chrono::Months::new(months)).unwrap_or(today);
    then.checked_add_days(chrono::Days::new(7)).unwrap_or(then).format("%Y-%m-%d").to_string()
}

/// How much a viral curve grows a month at most while its audience comes in: under the 20% of
/// a follower jump, since the posts that went viral are not in the workspace to explain one.
const VIRAL_MONTHLY_PERCENT: f64 = 14.0;

/// Months a viral curve grows at [`VIRAL_MONTHLY_PERCENT`].
const VIRAL_MONTHS: u32 = 5;

/// The shape of a follower history.
#[derive(Debug, Clone, Copy)]
enum Curve {
    /// Compound growth from about 60% of today's count.
    Steady,
    /// Compound growth from about a third of today's count.
    Fast,
    /// Slow growth until a post took off this many months ago, then months of fast growth
    /// ([`VIRAL_MONTHS`] at [`VIRAL_MONTHLY_PERCENT`]), then slow growth again.
    Viral(u32),
    /// Followers bought this many months ago: a third more a week after that month's snapshot
    /// (about 4,000 on 12,700), falling away since; before it, slowly losing followers.
    Bought(u32),
    /// Grew during the first half of the history, flat since.
    Plateau,
    /// Slowly losing followers.
    Decline,
    /// Barely moves (blogs, newsletters).
    Flat,
}

impl Curve {
    /// Followers `k` months ago (k ≥ 1) on a history of `months` months ending at `now`.
    fn followers_at(self, now: i64, k: u32, months: u32, rng: &mut Rng) -> i64 {
        let f = now as f64;
        let age = f64::from(k) / f64::from(months); // 0 today, 1 at the oldest point
        let level = match self {
            Curve::Steady => f * 0.62f64.powf(age),
            Curve::Fast => f * 0.33f64.powf(age),
            Curve::Viral(m) if k <= m => f * 0.86f64.powf(f64::from(k) / f64::from(m.max(1))),
            Curve::Viral(m) if k <= m + VIRAL_MONTHS => f * 0.86 / (1.0 + VIRAL_MONTHLY_PERCENT / 100.0).powf(f64::from(k - m)),
            Curve::Viral(m) => {
                let before = f * 0.86 / (1.0 + VIRAL_MONTHLY_PERCENT / 100.0).powf(f64::from(VIRAL_MONTHS));
                before * 0.8f64.powf(f64::from(k - m - VIRAL_MONTHS) / f64::from(months))
            }
            Curve::Bought(m) if k < m => f * BOUGHT_PEAK.powf(f64::from(k) / f64::from(m.max(1))),
            Curve::Bought(m) => f * BOUGHT_BEFORE * 1.25f64.powf(f64::from(k - m) / f64::from(months.saturating_sub(m).max(1))),
            Curve::Plateau if age < 0.5 => f * (1.0 - 0.01 * age),
            Curve::Plateau => f * 0.99 * 0.55f64.powf(2.0 * age - 1.0),
            Curve::Decline => f * 1.2f64.powf(age),
            Curve::Flat => f * 0.94f64.powf(age),
        };
        (level * (1.0 + 0.012 * rng.normal())).round().max(0.0) as i64
    }

    /// Followers a week after the snapshot of `k` months ago: the bought ones in, every other
    /// curve where it was that month.
    fn week_after(self, now: i64, k: u32, months: u32, rng: &mut Rng) -> i64 {
        match self {
            Curve::Bought(_) => (now as f64 * BOUGHT_PEAK * (1.0 + 0.012 * rng.normal())).round() as i64,
            curve => curve.followers_at(now, k, months, rng),
        }
    }
}

/// A bought audience: today's count times this the week the followers came in, …
const BOUGHT_PEAK: f64 = 1.27;
/// … and times this the month before.
const BOUGHT_BEFORE: f64 = 0.95;

/// A handle: platform, handle, followers today, history shape.
struct H(&'static str, &'static str, i64, Curve);

enum Pay {
    None,
    Paypal(&'static str),
    /// IBAN and account holder.
    Bank(&'static str, &'static str),
}

/// One hand-written demo creator, as text a person would type into the form.
struct Seed {
    name: &'static str,
    /// Street and number, postal code: where gifts go.
    address: &'static str,
    city: &'static str,
    country: &'static str,
    language: &'static str,
    niches: &'static [&'static str],
    tags: &'static [&'static str],
    stage: &'static str,
    handles: &'static [H],
    email: &'static str,
    phone: &'static str,
    manager: &'static str,
    pay: Pay,
    score: &'static str,
    authenticity: &'static str,
    notes: &'static str,
    /// Format and price in euros, as typed.
    rates: &'static [(&'static str, &'static str)],
}

const BLANK: Seed = Seed {
    name: "",
    address: "",
    city: "",
    country: "",
    language: "",
    niches: &[],
    tags: &[],
    stage: "",
    handles: &[],
    email: "",
    phone: "",
    manager: "",
    pay: Pay::None,
    score: "",
    authenticity: "",
    notes: "",
    rates: &[],
};

impl Seed {
    fn draft(&self) -> CreatorDraft {
        let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (payout_method, paypal_email, iban, account_holder) = match self.pay {
            Pay::None => ("", "", "", ""),
            Pay::Paypal(email) => ("paypal", email, "", ""),
            Pay::Bank(iban, holder) => ("bank", "", iban, holder),
        };
        CreatorDraft {
            display_name: self.name.into(),
            handles: self
                .handles
                .iter()
                .map(|H(platform, handle, followers, _)| {
                    let url = Platform::parse(platform).map(|p| profile_url(p, handle)).unwrap_or_default();
                    HandleDraft { platform: platform.to_string(), handle: handle.to_string(), profile_url: url, followers: followers.to_string() }
                })
                .collect(),
            niches: strings(self.niches),
            tags: strings(self.tags),
            city: self.city.into(),
            country: self.country.into(),
            language: self.language.into(),
            email: self.email.into(),
            phone: self.phone.into(),
            manager: self.manager.into(),
            paypal_email: paypal_email.into(),
            iban: iban.into(),
            account_holder: account_holder.into(),
            payout_method: payout_method.into(),
            stage: self.stage.into(),
            authenticity_score: self.score.into(),
            authenticity_notes: self.authenticity.into(),
            notes: self.notes.into(),
            postal_address: self.address.into(),
            rates: self.rates.iter().map(|(format, amount)| RateDraft { format: format.to_string(), amount: amount.to_string() }).collect(),
            spelling: Spelling::Dutch,
            // VAT registration is set where the demo's payouts are made (demo/payouts.rs).
            ..Default::default()
        }
    }
}

use Curve::*;

const FIT: &str = "fitness & wellness";
const FASHION: &str = "sustainable fashion";
const BEAUTY: &str = "beauty & skincare";
const TECH: &str = "tech";
const FOOD: &str = "food & drink";
const PARENTING: &str = "parenting";
const LIFESTYLE: &str = "lifestyle";

#[rustfmt::skip]
const CREATORS: &[Seed] = &[
    Seed {
        name: "Sanne Bakker", city: "Utrecht", country: "NL", address: "Biltstraat 118\n3572 BH", language: "nl", niches: &[FASHION, LIFESTYLE],
        tags: &["gifted-ok", "summer-drop", "utrecht", "long-term"], stage: "active",
        handles: &[H("instagram", "sanne.draagt.groen", 24_800, Steady), H("tiktok", "sannedraagtgroen", 9_100, Fast)],
        email: "sanne@example.nl", phone: "+31 6 4127 8810", pay: Pay::Bank("NL22RABO0417263589", "S. Bakker"), score: "5",
        authenticity: "Echte comments, reageert op bijna alles. Publiek 80% NL, vooral 25–34.",
        notes: "Droeg de linnen set in mei: 3 reels, 2 stories, 57 verkopen via code SANNE10. Wil graag 6 maanden door.",
        rates: &[("reel", "350"), ("story", "75"), ("carousel", "300")], ..BLANK
    },
    Seed {
        name: "Daan Visser", city: "Rotterdam", country: "NL", address: "Zwart Janstraat 54A\n3035 AT", language: "nl", niches: &[TECH, LIFESTYLE],
        tags: &["review", "rotterdam"], stage: "negotiating",
        handles: &[H("youtube", "daantestalles", 68_500, Steady), H("instagram", "daan.test.alles", 12_300, Steady), H("x", "daantestalles", 4_200, Plateau)],
        email: "daan@example.nl", score: "4",
        notes: "Wil de Zon-powerbank reviewen. Vraagt €1.200 voor een integrated video; ons tegenbod: €900 + 10% affiliate.",
        rates: &[("video", "1200"), ("short", "400")], ..BLANK
    },
    Seed {
        name: "Fleur de Jong", city: "Amsterdam", country: "NL", address: "Javastraat 88-3\n1094 HL", language: "nl, en", niches: &[BEAUTY],
        tags: &["spf", "gifted-ok", "amsterdam"], stage: "active",
        handles: &[H("tiktok", "fleurskinnotes", 88_000, Viral(7)), H("instagram", "fleur.skin.notes", 41_200, Viral(7))],
        email: "fleur@example.nl", manager: "Iris Mulder — Bloei Talent (iris@bloeitalent.example.nl)",
        pay: Pay::Paypal("fleur.paypal@example.nl"), score: "4",
        authenticity: "Piek op TikTok door haar SPF-uitlegvideo; de groei daarna is organisch, comments zien er echt uit.",
        notes: "Loopt via Iris. Contract t/m augustus: 2 reels + 1 TikTok per maand.",
        rates: &[("reel", "650"), ("short", "500"), ("story", "120")], ..BLANK
    },
    Seed {
        name: "Yara El Amrani", city: "Den Haag", country: "NL", address: "Weimarstraat 163\n2562 GS", language: "nl", niches: &[BEAUTY, LIFESTYLE],
        tags: &["gen-z"], stage: "contacted",
        handles: &[H("tiktok", "yaraglowt", 15_400, Fast), H("instagram", "yara.glowt", 8_700, Steady)],
        email: "yara@example.nl", score: "4",
        notes: "DM gestuurd, reageerde positief. Wil eerst de SPF-stick een week proberen voor ze iets belooft.", ..BLANK
    },
    Seed {
        name: "Noor Hendriks", city: "Eindhoven", country: "NL", address: "Kruisstraat 97\n5612 CJ", language: "nl", niches: &[PARENTING, LIFESTYLE],
        tags: &["eindhoven", "gifted-ok", "moms"], stage: "active",
        handles: &[H("instagram", "noor.en.de.tweeling", 19_600, Steady), H("pinterest", "noorendetweeling", 6_800, Plateau), H("blog", "noorendetweeling", 3_100, Flat)],
        email: "noor@example.nl", phone: "+31 6 2290 1174", pay: Pay::Bank("NL31INGB0352819405", "N. Hendriks"), score: "5",
        authenticity: "Eerlijke reviews, geen ad-vibe. Volgers stellen echte vragen onder haar posts.",
        notes: "Tweelingmoeder. Kinder-SPF ging goed: 41 verkopen via NOOR10. Volgende: de zomerdrop voor kids.",
        rates: &[("post", "250"), ("story", "60"), ("blog", "200")], ..BLANK
    },
    Seed {
        name: "Mehmet Yılmaz", city: "Rotterdam", country: "NL", address: "Beijerlandselaan 71B\n3074 EE", language: "nl, tr", niches: &[FOOD],
        tags: &["bbq", "summer-drop"], stage: "negotiating",
        handles: &[H("tiktok", "mehmetkookt", 132_000, Viral(10)), H("instagram", "mehmet.kookt", 47_500, Steady), H("youtube", "mehmetkookt", 21_000, Steady)],
        email: "mehmet@example.nl", manager: "Koen Dekker — Smaakmakers Agency", score: "4",
        notes: "Vraagt €1.500 per reel. Past bij de zomer-BBQ campagne (Zon-fles + koeltas). Beslissing voor 1 juni.",
        rates: &[("short", "900"), ("reel", "1500"), ("video", "2500")], ..BLANK
    },
    Seed {
        name: "Chloé Dubois", city: "Paris", country: "FR", language: "fr", niches: &[FASHION],
        tags: &["second-hand"], stage: "prospect",
        handles: &[H("instagram", "chloe.seconde.main", 36_900, Steady), H("pinterest", "chloesecondemain", 12_400, Steady)],
        email: "chloe@example.fr",
        notes: "Seconde main & linnen, prachtige flatlays. Franstalig publiek: pas zinvol als we in FR lanceren.", ..BLANK
    },
    Seed {
        name: "Siobhán Kelly", city: "Dublin", country: "IE", language: "en", niches: &[FIT],
        tags: &["outdoor", "long-term"], stage: "alumni",
        handles: &[H("instagram", "siobhan.runs.wild", 14_800, Plateau), H("tiktok", "siobhanrunswild", 5_300, Steady)],
        email: "siobhan@example.com", pay: Pay::Paypal("siobhan.pay@example.com"), score: "5",
        notes: "Ran the spring trail campaign with us: lovely content, 3.9% engagement. Moved on to a sportswear exclusive.",
        rates: &[("reel", "300"), ("story", "70")], ..BLANK
    },
    Seed {
        name: "Lukas Schneider", city: "Berlin", country: "DE", language: "de", niches: &[TECH],
        tags: &["solar"], stage: "declined",
        handles: &[H("youtube", "lukasbautsolar", 212_000, Steady), H("x", "lukasbautsolar", 18_700, Decline)],
        email: "lukas@example.de",
        notes: "Declined: only paid reviews with full editorial control, €4,500 per video. Revisit when the budget allows.",
        rates: &[("video", "4500")], ..BLANK
    },
    Seed {
        name: "Priya Raman", city: "London", country: "GB", address: "48 Columbia Road\nE2 7RG", language: "en", niches: &[BEAUTY, FASHION],
        tags: &["long-term", "ambassador"], stage: "active",
        handles: &[H("instagram", "priya.slow.beauty", 58_300, Steady), H("tiktok", "priyaslowbeauty", 31_000, Fast), H("youtube", "priyaslowbeauty", 24_100, Steady)],
        email: "priya@example.co.uk", phone: "+44 7700 900123", manager: "Hannah Cole — Fern Collective",
        pay: Pay::Bank("GB29NWBK60161331926819", "Priya Raman"), score: "5",
        authenticity: "Audience checked in March: 92% real accounts, mostly UK and NL. Replies to comments herself.",
        notes: "Ambassador since January. Quarterly: 1 YouTube review, 2 reels, stories around every drop.",
        rates: &[("reel", "900"), ("video", "1400"), ("story", "150")],
    },
    Seed {
        name: "Jesse de Boer", city: "Groningen", country: "NL", address: "Nieuwe Ebbingestraat 40\n9712 NL", language: "nl", niches: &[FIT],
        tags: &["gifted-ok", "groningen"], stage: "active",
        handles: &[H("instagram", "jesse.traint.buiten", 6_200, Steady)],
        email: "jesse@example.nl", pay: Pay::Paypal("jesse.deboer@example.nl"), score: "4",
        notes: "Buitentrainer. Stuurt altijd netjes zijn stats na 7 dagen.",
        rates: &[("story", "50"), ("reel", "150")], ..BLANK
    },
    Seed {
        name: "Lotte Smit", city: "Haarlem", country: "NL", language: "nl", niches: &[LIFESTYLE, FOOD],
        tags: &["zero-waste"], stage: "prospect",
        handles: &[H("instagram", "lotte.op.zondag", 3_900, Steady), H("pinterest", "lotteopzondag", 2_100, Steady)],
        notes: "Gevonden via #duurzaamwonen; mooie rustige feed. Eerst een paar weken volgen en reageren.", ..BLANK
    },
    Seed {
        name: "Bram Jansen", city: "Gent", country: "BE", language: "nl", niches: &[TECH],
        tags: &["repair", "gent"], stage: "contacted",
        handles: &[H("youtube", "bram.repareert", 9_400, Steady), H("blog", "bramrepareert", 1_800, Flat)],
        email: "bram@example.be",
        notes: "Repareert alles zelf; interesse in een 'hoe lang gaat de powerbank mee'-video. Mail gestuurd.", ..BLANK
    },
    Seed {
        name: "Emma Peeters", city: "Antwerpen", country: "BE", address: "Kloosterstraat 26 bus 3\n2000", language: "nl", niches: &[FASHION, LIFESTYLE],
        tags: &["antwerpen", "summer-drop"], stage: "active",
        handles: &[H("tiktok", "emmakleedtbewust", 44_000, Viral(4)), H("instagram", "emma.kleedt.bewust", 27_300, Steady)],
        email: "emma@example.be", phone: "+32 470 12 34 56", pay: Pay::Bank("BE14063123456783", "Emma Peeters"), score: "4",
        authenticity: "TikTok-sprong na haar 'capsule wardrobe'-video; veel Vlaamse comments, oogt echt.",
        rates: &[("short", "300"), ("reel", "350"), ("story", "80")], ..BLANK
    },
    Seed {
        name: "Lars Mertens", city: "Leuven", country: "BE", language: "nl", niches: &[FIT],
        tags: &["student"], stage: "prospect",
        handles: &[H("youtube", "larslift", 7_900, Steady), H("twitch", "larslift", 2_600, Steady)],
        notes: "Streamt zijn trainingen op Twitch. Jong publiek, nog even aankijken.", ..BLANK
    },
    Seed {
        name: "Amira Benali", city: "Brussel", country: "BE", address: "Vlaamsesteenweg 45\n1000", language: "fr, nl", niches: &[FOOD, PARENTING],
        tags: &["plant-based"], stage: "negotiating",
        handles: &[H("instagram", "amira.cuisine.kids", 11_200, Steady)],
        email: "amira@example.be", score: "4",
        notes: "Wil enkel betaald: €250 per reel + product. Past binnen het Q3-budget.",
        rates: &[("reel", "250"), ("story", "60")], ..BLANK
    },
    Seed {
        name: "Tim van Dijk", city: "Zwolle", country: "NL", address: "Assendorperstraat 19\n8012 DE", language: "nl", niches: &[LIFESTYLE],
        tags: &["tiny-house"], stage: "prospect",
        handles: &[H("instagram", "tim.leeft.klein", 780, Fast)],
        score: "4", authenticity: "Klein maar 9% engagement; iedere comment is een echt gesprek.",
        notes: "Tiny-house-vlogger, net begonnen. Perfect voor een gifted pakket.", ..BLANK
    },
    Seed {
        name: "Femke Willems", city: "Nijmegen", country: "NL", address: "Hertogstraat 61\n6511 RW", language: "nl", niches: &[PARENTING],
        tags: &["moms", "gifted-ok"], stage: "active",
        handles: &[H("instagram", "femke.mama.van.drie", 4_400, Steady), H("blog", "mamavandrie", 2_900, Flat)],
        email: "femke@example.nl", pay: Pay::Paypal("femke.willems@example.nl"), score: "5",
        rates: &[("story", "50"), ("post", "120"), ("blog", "200")], ..BLANK
    },
    Seed {
        name: "Ruben Meijer", city: "Amsterdam", country: "NL", address: "Czaar Peterstraat 130-2\n1018 PX", language: "nl, en", niches: &[TECH, LIFESTYLE],
        tags: &["amsterdam"], stage: "paused",
        handles: &[H("x", "ruben_codeert", 11_900, Plateau), H("youtube", "rubencodeert", 3_400, Steady)],
        email: "ruben@example.nl", pay: Pay::Bank("NL04ABNA0584027206", "R. Meijer"),
        notes: "On hold: verhuist naar Lissabon, pakt het in september weer op.",
        rates: &[("post", "200"), ("video", "450")], ..BLANK
    },
    Seed {
        name: "Sophie Claes", city: "Brugge", country: "BE", language: "nl", niches: &[BEAUTY],
        tags: &["spf"], stage: "contacted",
        handles: &[H("tiktok", "sophie.skin.be", 61_000, Fast), H("instagram", "sophieskin.be", 22_500, Steady)],
        email: "sophie@example.be",
        notes: "Mediakit opgevraagd. Haar 'SPF in de winter'-serie past precies bij ons verhaal.", ..BLANK
    },
    Seed {
        name: "Milan Kok", city: "Utrecht", country: "NL", address: "Amsterdamsestraatweg 301\n3551 CE", language: "nl", niches: &[FIT, FOOD],
        tags: &["vegan", "gifted-ok", "utrecht"], stage: "active",
        handles: &[H("instagram", "milan.eet.plantaardig", 33_800, Steady), H("tiktok", "milaneetplantaardig", 17_200, Fast)],
        email: "milan@example.nl", phone: "+31 6 3355 0921", pay: Pay::Bank("NL66ASNB0148620949", "M. Kok"), score: "4",
        notes: "Plantaardige recepten + hardlopen. Zon-fles staat in elke video, zonder dat we erom vragen.",
        rates: &[("reel", "350"), ("story", "75"), ("carousel", "275")], ..BLANK
    },
    Seed {
        name: "Zeynep Arslan", city: "Arnhem", country: "NL", language: "nl, tr", niches: &[FASHION],
        tags: &["second-hand", "gen-z"], stage: "prospect",
        handles: &[H("tiktok", "zeynep.thrift", 7_300, Steady), H("instagram", "zeynep.thrift", 2_800, Steady)], ..BLANK
    },
    Seed {
        name: "Julia Hoffmann", city: "München", country: "DE", language: "de, en", niches: &[FIT],
        tags: &["yoga"], stage: "negotiating",
        handles: &[H("instagram", "julia.yoga.morgen", 93_000, Plateau), H("youtube", "juliayogamorgen", 45_000, Steady)],
        email: "julia@example.de", manager: "Max Becker — Alpen Talent", score: "3",
        authenticity: "Instagram groeit al een jaar niet meer; engagement 1,1%, onder het mid-tier gemiddelde (1,24%).",
        notes: "Agency wil 3 reels + 1 YouTube voor €4.000. Te veel voor een test; voorstel: 1 reel + 1 video.",
        rates: &[("reel", "1100"), ("video", "1800")], ..BLANK
    },
    Seed {
        name: "Marta García", city: "Barcelona", country: "ES", language: "es, en", niches: &[FOOD, LIFESTYLE],
        tags: &["summer-drop"], stage: "contacted",
        handles: &[H("tiktok", "martamercadoverde", 26_400, Viral(5)), H("instagram", "marta.mercado.verde", 18_100, Steady)],
        email: "marta@example.es",
        notes: "Market-to-table recipes. Replied in English, keen on the summer drop; waiting for her rates.", ..BLANK
    },
    Seed {
        name: "Oliver Bennett", city: "Manchester", country: "GB", language: "en", niches: &[TECH],
        tags: &["awareness"], stage: "declined",
        handles: &[H("youtube", "olivertinkers", 1_240_000, Steady), H("tiktok", "olivertinkers", 420_000, Fast), H("x", "olivertinkers", 310_000, Decline)],
        email: "oliver@example.co.uk", manager: "Northlight Talent, London",
        notes: "Way above budget (quoted €9,500 per integration). Keep on the list for a launch moment.",
        rates: &[("video", "9500")], ..BLANK
    },
    Seed {
        name: "Eva Mulder", city: "Leiden", country: "NL", address: "Haarlemmerstraat 215\n2312 DP", language: "nl", niches: &[BEAUTY],
        tags: &["gifted-ok"], stage: "active",
        handles: &[H("instagram", "eva.zonder.filter", 1_950, Steady)],
        email: "eva@example.nl", pay: Pay::Paypal("eva.mulder@example.nl"), score: "5",
        notes: "Klein maar trouw publiek; levert alles binnen 48 uur aan.",
        rates: &[("story", "40"), ("reel", "100")], ..BLANK
    },
    Seed {
        name: "Thomas Bos", city: "Amersfoort", country: "NL", address: "Kamp 23\n3811 AN", language: "nl", niches: &[PARENTING, LIFESTYLE],
        tags: &["long-term"], stage: "alumni",
        handles: &[H("youtube", "papathomasvlogt", 142_000, Steady), H("instagram", "papa.thomas.vlogt", 38_000, Steady)],
        email: "thomas@example.nl", pay: Pay::Bank("NL56KNAB0271948388", "T. Bos"), score: "4",
        notes: "Wintercampagne: 2 video's, 68 verkopen. Prijs steeg daarna naar €2.800 per video.",
        rates: &[("video", "2800"), ("post", "700")], ..BLANK
    },
    Seed {
        name: "Isabel Janssens", city: "Hasselt", country: "BE", language: "nl", niches: &[FASHION],
        tags: &["linnen"], stage: "prospect",
        handles: &[H("pinterest", "isabel.linnen.kast", 21_500, Steady), H("instagram", "isabellinnenkast", 9_800, Steady)],
        notes: "Pinterest-borden vol linnen; veel saves, weinig comments (normaal voor Pinterest).", ..BLANK
    },
    Seed {
        name: "Kevin Smits", city: "Maastricht", country: "NL", language: "nl", niches: &[TECH],
        tags: &["gaming"], stage: "contacted",
        handles: &[H("youtube", "kevsmits", 12_800, Steady), H("twitch", "kevsmits_live", 4_700, Steady)],
        email: "kevin@example.nl", ..BLANK
    },
    Seed {
        name: "Anouk Vos", city: "Amsterdam", country: "NL", address: "Bilderdijkstraat 142-2\n1053 LB", language: "nl, en", niches: &[LIFESTYLE, FASHION],
        tags: &["summer-drop", "amsterdam", "long-term"], stage: "active",
        handles: &[H("instagram", "anouk.in.linnen", 72_400, Viral(9)), H("tiktok", "anoukinlinnen", 39_000, Fast)],
        email: "anouk@example.nl", phone: "+31 6 1872 4406", manager: "Iris Mulder — Bloei Talent",
        pay: Pay::Bank("NL88TRIO0925371858", "Anouk Vos"), score: "5",
        authenticity: "Viral met de 'linnen door de zomer'-carrousel; volgers bleven, engagement stabiel rond 2%.",
        notes: "Gezicht van de zomerdrop. Shoot in juni, 4 posts + stories. Carrousels doen het best (2,6%).",
        rates: &[("reel", "950"), ("post", "800"), ("carousel", "850"), ("story", "180")],
    },
    Seed {
        name: "Wouter van Leeuwen", city: "Delft", country: "NL", language: "nl", niches: &[TECH, LIFESTYLE],
        tags: &["solar"], stage: "prospect",
        handles: &[H("blog", "wouterstroom", 5_600, Flat), H("x", "wouter_stroom", 2_300, Decline)],
        notes: "Schrijft over thuisbatterijen en zonnepanelen; lange, eerlijke reviews.", ..BLANK
    },
    Seed {
        name: "Nina Kowalski", city: "Rotterdam", country: "NL", language: "en, pl", niches: &[FIT],
        stage: "prospect",
        handles: &[H("tiktok", "nina.stretch", 480, Steady)],
        notes: "Mobility routines, posts daily. Tiny account, great comments.", ..BLANK
    },
    Seed {
        name: "Ahmed Haddad", city: "Antwerpen", country: "BE", language: "nl, fr", niches: &[FOOD],
        tags: &["faceless", "storytelling"], stage: "negotiating",
        handles: &[H("tiktok", "ahmed.bakt.brood", 250_000, Viral(12)), H("instagram", "ahmedbaktbrood", 64_000, Steady)],
        email: "ahmed@example.be", manager: "Sara Lemmens — Brood & Boter Management", score: "4",
        authenticity: "Faceless baking videos (alleen handen en deeg); storytelling werkt, comments echt.",
        notes: "Voorstel: broodtrommel-video voor de picknickset. Agency vraagt €2.200 per reel.",
        rates: &[("short", "1800"), ("reel", "2200")], ..BLANK
    },
    Seed {
        name: "Mila Dekker", city: "Alkmaar", country: "NL", language: "nl", niches: &[PARENTING],
        stage: "contacted",
        handles: &[H("instagram", "mila.en.mats", 920, Fast), H("pinterest", "milaenmats", 640, Steady)],
        email: "mila@example.nl", ..BLANK
    },
    Seed {
        name: "Jasper Koster", city: "'s-Hertogenbosch", country: "NL", address: "Orthenstraat 52\n5211 SX", language: "nl", niches: &[FIT],
        tags: &["cycling"], stage: "paused",
        handles: &[H("instagram", "jasper.fietst.door", 12_700, Bought(8)), H("youtube", "jasperfietst", 8_100, Flat)],
        email: "jasper@example.nl", pay: Pay::Paypal("jasper.koster@example.nl"), score: "2",
        authenticity: "Acht maanden geleden 4K volgers erbij in één week; veel Engelse comments met alleen emoji's. Navragen.",
        notes: "Engagement gezakt sinds de zomer. Pauze tot we nieuwe statistieken hebben.", ..BLANK
    },
    Seed {
        name: "Charlotte Lambert", city: "Namur", country: "BE", language: "fr", niches: &[BEAUTY],
        stage: "declined",
        handles: &[H("instagram", "charlotte.peau.douce", 5_100, Steady)],
        email: "charlotte@example.be",
        notes: "Ne travaille qu'avec des marques certifiées bio; notre SPF-stick ne l'est pas (encore).", ..BLANK
    },
    Seed {
        name: "Sven Andersson", city: "Stockholm", country: "SE", language: "sv, en", niches: &[LIFESTYLE, TECH],
        tags: &["outdoor", "solar"], stage: "prospect",
        handles: &[H("youtube", "svenoffgrid", 480_000, Steady), H("instagram", "sven.off.grid", 120_000, Plateau)],
        notes: "Off-grid cabin builder. Big reach, Scandinavian audience. Pitch the solar bottle when we ship to SE.", ..BLANK
    },
    Seed {
        name: "Lisa Schmidt", city: "Köln", country: "DE", address: "Zülpicher Straße 212\n50937", language: "de", niches: &[FOOD],
        tags: &["plant-based"], stage: "active",
        handles: &[H("pinterest", "lisakochtsaisonal", 33_000, Steady), H("blog", "lisakochtsaisonal", 14_000, Flat), H("instagram", "lisa.kocht.saisonal", 8_800, Steady)],
        email: "lisa@example.de", pay: Pay::Paypal("lisa.schmidt@example.de"), score: "4",
        notes: "Saisonale Rezepte. Blogpost mit unserer Lunchbox: 2,1% CTR, beste Klickrate des Quartals.",
        rates: &[("blog", "300"), ("post", "250")], ..BLANK
    },
    Seed {
        name: "Grace O'Connor", city: "Cork", country: "IE", language: "en", niches: &[PARENTING, LIFESTYLE],
        tags: &["moms"], stage: "contacted",
        handles: &[H("instagram", "grace.and.the.littles", 27_600, Steady), H("tiktok", "graceandthelittles", 12_000, Fast)],
        email: "grace@example.ie", ..BLANK
    },
    Seed {
        name: "Marco Rossi", city: "Milano", country: "IT", language: "it, en", niches: &[FASHION],
        tags: &["awareness"], stage: "prospect",
        handles: &[H("instagram", "marco.slowstyle", 1_080_000, Plateau), H("tiktok", "marcoslowstyle", 260_000, Steady)],
        manager: "Giulia Bianchi — Studio Lento Management",
        notes: "Mega: alleen voor een lanceringsmoment. Agency noemt €12.000+ per post.", ..BLANK
    },
    Seed {
        name: "Roos van den Berg", city: "Utrecht", country: "NL", address: "Nachtegaalstraat 33\n3581 AB", language: "nl", niches: &[FIT, BEAUTY],
        tags: &["gifted-ok", "yoga", "utrecht"], stage: "active",
        handles: &[H("instagram", "roos.ademt.in", 9_600, Steady), H("tiktok", "roosademtin", 4_300, Steady)],
        email: "roos@example.nl", pay: Pay::Bank("NL59BUNQ0603185258", "R. van den Berg"), score: "5",
        rates: &[("reel", "180"), ("story", "60")], ..BLANK
    },
    Seed {
        name: "Stijn Maes", city: "Gent", country: "BE", address: "Sleepstraat 77\n9000", language: "nl", niches: &[TECH],
        tags: &["e-bike", "gent"], stage: "alumni",
        handles: &[H("youtube", "stijntest", 27_000, Steady)],
        email: "stijn@example.be", pay: Pay::Bank("BE52001837462209", "Stijn Maes"), score: "4",
        notes: "E-bike-accessoires review deed het goed (CTR 2,1%). Graag opnieuw bij de fietstas-lancering.",
        rates: &[("video", "600")], ..BLANK
    },
    Seed {
        name: "Layla Haddou", city: "Amsterdam", country: "NL", address: "Kinkerstraat 251-1\n1053 DW", language: "nl", niches: &[LIFESTYLE, BEAUTY],
        tags: &["summer-drop", "gen-z", "amsterdam"], stage: "active",
        handles: &[H("tiktok", "layla.dagboek", 54_000, Fast), H("instagram", "layladagboek", 19_000, Steady)],
        email: "layla@example.nl", pay: Pay::Paypal("layla.haddou@example.nl"), score: "4",
        notes: "Get-ready-with-me zonder CTA werkt bij haar het best. Geen scripts sturen, alleen de kernpunten.",
        rates: &[("short", "450"), ("reel", "600"), ("story", "120")], ..BLANK
    },
    Seed {
        name: "Pieter de Wit", city: "Den Burg", country: "NL", address: "Parkstraat 9\n1791 CH", language: "nl", niches: &[LIFESTYLE, FOOD],
        tags: &["texel", "local-hero"], stage: "negotiating",
        handles: &[H("instagram", "pieter.op.texel", 7_700, Steady), H("blog", "pieteroptexel", 2_400, Flat)],
        email: "pieter@example.nl",
        notes: "Eilandleven op Texel. Wil ruilen: product + een overnachting voor de shoot, geen geld.", ..BLANK
    },
    Seed {
        name: "Sarah Lefèvre", city: "Lille", country: "FR", language: "fr", niches: &[PARENTING],
        tags: &["zero-waste"], stage: "paused",
        handles: &[H("instagram", "sarah.maman.zero.dechet", 16_800, Steady)],
        email: "sarah@example.fr",
        notes: "Congé maternité. On reprend contact en septembre.", ..BLANK
    },
    Seed {
        name: "James Walker", city: "Brighton", country: "GB", language: "en", niches: &[FIT],
        stage: "declined",
        handles: &[H("tiktok", "jamesruns.brighton", 3_400, Steady), H("x", "jamesruns_btn", 890, Flat)],
        email: "james@example.co.uk", phone: "+44 7700 900461",
        notes: "Declined: exclusive with another hydration brand until December.", ..BLANK
    },
    Seed {
        name: "Elif Demir", city: "Rotterdam", country: "NL", address: "Groene Hilledijk 188\n3074 AH", language: "nl, tr", niches: &[FOOD, PARENTING],
        stage: "contacted",
        handles: &[H("instagram", "elif.kookt.voor.vijf", 13_400, Steady), H("tiktok", "elifkooktvoorvijf", 6_000, Fast)],
        email: "elif@example.nl",
        notes: "Gezinsmaaltijden onder €10. Eerst een gifted lunchbox-pakket, dan kijken.", ..BLANK
    },
    Seed {
        name: "Bas Hermans", city: "Tilburg", country: "NL", address: "Korvelseweg 140\n5025 JJ", language: "nl", niches: &[TECH, FIT],
        tags: &["gaming"], stage: "prospect",
        handles: &[H("twitch", "basgamefit", 15_200, Steady), H("youtube", "basgamefit", 6_700, Steady)],
        notes: "Gamer die tussen de potjes door traint. Ander publiek dan onze kern; test met 1 stream?", ..BLANK
    },
    Seed {
        name: "Ilse Vermeulen", city: "Breda", country: "NL", language: "nl", niches: &[FASHION, PARENTING],
        tags: &["diy"], stage: "prospect",
        handles: &[H("pinterest", "ilsenaaitzelf", 950, Fast), H("instagram", "ilse.naait.zelf", 640, Steady)], ..BLANK
    },
    Seed {
        name: "Hugo Martin", city: "Bordeaux", country: "FR", language: "fr", niches: &[FOOD],
        tags: &["no-alcohol"], stage: "prospect",
        handles: &[H("youtube", "hugo.vin.nature", 39_000, Steady)],
        notes: "Vin nature, mais aussi des boissons sans alcool. À suivre.", ..BLANK
    },
    Seed {
        name: "Maya Cohen", city: "New York", country: "US", language: "en", niches: &[BEAUTY],
        tags: &["spf", "awareness"], stage: "contacted",
        handles: &[H("tiktok", "maya.spf.daily", 2_450_000, Fast), H("instagram", "mayaspfdaily", 610_000, Steady), H("youtube", "mayaspfdaily", 180_000, Steady)],
        email: "maya@example.com", phone: "+1 212 555 0147", manager: "Dana Price — Northlight Talent (dana@northlight.example.com)",
        notes: "Reached out via her agency for the US launch. Earliest slot: Q1 next year.", ..BLANK
    },
    Seed {
        name: "Finn Jacobs", city: "Amsterdam", country: "NL", language: "nl, en", niches: &[TECH, LIFESTYLE],
        stage: "contacted",
        handles: &[H("x", "finn_bouwt", 3_100, Steady), H("blog", "finnbouwt", 1_500, Flat)],
        email: "finn@example.nl", ..BLANK
    },
    Seed {
        name: "Sofie Hendrickx", city: "Mechelen", country: "BE", address: "Bruul 58\n2800", language: "nl", niches: &[LIFESTYLE],
        tags: &["home", "summer-drop"], stage: "active",
        handles: &[H("pinterest", "sofiewoontlicht", 58_000, Steady), H("instagram", "sofie.woont.licht", 45_900, Steady)],
        email: "sofie@example.be", phone: "+32 486 55 20 13", pay: Pay::Bank("BE45735011223389", "Sofie Hendrickx"), score: "4",
        notes: "Interieur, licht en linnen. Haar pins blijven maanden verkeer geven.",
        rates: &[("post", "700"), ("carousel", "750"), ("story", "140")], ..BLANK
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::model::{PayoutMethod, Stage};
    use crate::roster;
    use crate::roster::tiers::Tier;

    fn filled() -> (Workspace, DemoSummary) {
        let mut ws = Workspace::in_memory(&settings()).unwrap();
        let summary = fill(&mut ws).unwrap();
        (ws, summary)
    }

    fn ids(ws: &Workspace) -> Vec<i64> {
        ws.conn().prepare("SELECT id FROM creators ORDER BY id").unwrap().query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
    }

    #[test]
    fn every_demo_creator_validates() {
        let currency = settings().currency();
        for seed in CREATORS {
            if let Err(e) = validate::validate_draft(&seed.draft(), currency) {
                panic!("{} does not validate: {e:?}", seed.name);
            }
        }
    }

    #[test]
    fn the_demo_covers_every_niche_platform_tier_and_stage() {
        let (ws, summary) = filled();
        assert!(summary.creators >= 40, "only {} demo creators", summary.creators);
        assert_eq!(summary.creators as usize, CREATORS.len());
        let f = roster::facets(&ws).unwrap();
        let has = |list: &[roster::FacetValue], v: &str| list.iter().any(|x| x.value == v && x.count > 0);
        for niche in [FIT, FASHION, BEAUTY, TECH, FOOD, PARENTING, LIFESTYLE] {
            assert!(has(&f.niches, niche), "no creator in {niche}");
        }
        for p in Platform::ALL.iter().filter(|p| **p != Platform::Other) {
            assert!(has(&f.platforms, p.as_str()), "no creator on {p}");
        }
        for t in Tier::ALL {
            assert!(has(&f.tiers, t.as_str()), "no {} creator", t.as_str());
        }
        for s in Stage::ALL {
            assert!(has(&f.stages, s.as_str()), "no creator in stage {s}");
        }
        assert!(has(&f.countries, "NL") && has(&f.countries, "BE") && f.countries.len() >= 8);
        assert_eq!(f.countries[0].value, "NL", "mostly Dutch");
    }

    #[test]
    fn every_history_has_a_year_and_ends_at_todays_total() {
        let (ws, summary) = filled();
        let today = months_ago(today_date(), 0);
        let mut snapshots = 0;
        for id in ids(&ws) {
            let c = creators::get(&ws, id).unwrap();
            let total: i64 = c.handles.iter().map(|h| h.followers).sum();
            assert!(c.follower_history.len() >= 12, "{}: {} points", c.display_name, c.follower_history.len());
            let last = c.follower_history.last().unwrap();
            assert_eq!((last.date.as_str(), last.followers), (today.as_str(), total), "{}", c.display_name);
            assert!(c.follower_history.iter().all(|p| p.followers > 0), "{}", c.display_name);
            snapshots += c.follower_history.len() as u64 * c.handles.len() as u64;
        }
        assert_eq!(snapshots, summary.snapshots);
    }

    #[test]
    fn the_curves_have_their_shapes() {
        let (ws, _) = filled();
        let history = |name: &str| {
            let id: i64 = ws.conn().query_row("SELECT id FROM creators WHERE display_name = ?1", [name], |r| r.get(0)).unwrap();
            creators::get(&ws, id).unwrap().follower_history.iter().map(|p| p.followers).collect::<Vec<_>>()
        };
        let handle = |name: &str| -> Vec<i64> {
            let mut st = ws.conn().prepare("SELECT s.followers FROM follower_snapshots s JOIN handles h ON h.id = s.handle_id WHERE h.handle = ?1 ORDER BY s.taken_on").unwrap();
            st.query_map([name], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
        };
        let step = |curve: &[i64]| curve.windows(2).map(|w| w[1] as f64 / w[0] as f64).fold(0.0, f64::max);
        let anouk = handle("anouk.in.linnen"); // viral nine months ago
        let months = VIRAL_MONTHS as usize;
        let rise = anouk.windows(months + 1).map(|w| w[months] as f64 / w[0] as f64).fold(0.0, f64::max);
        assert!(rise > 1.6 && step(&anouk) < 1.2, "a viral curve grows fast for months, never by a follower jump: {anouk:?}");
        let jasper = handle("jasper.fietst.door"); // bought followers eight months ago, losing them since
        assert!(step(&jasper) > 1.3, "the bought followers are a jump: {jasper:?}");
        assert!(jasper[0] > *jasper.last().unwrap(), "and the curve ends lower: {jasper:?}");
        let sanne = history("Sanne Bakker");
        assert!(sanne[0] * 3 < *sanne.last().unwrap() * 2, "steady growth: {sanne:?}");
    }

    #[test]
    fn active_creators_can_be_paid_and_the_workspace_reads_as_demo() {
        let (ws, _) = filled();
        for id in ids(&ws) {
            let c = creators::get(&ws, id).unwrap();
            if c.stage == Stage::Active {
                assert_ne!(c.payout_method, PayoutMethod::None, "{} is active but has no payout details", c.display_name);
            }
        }
        assert!(ws.info().unwrap().is_demo);
        assert_eq!(ws.actor(), Actor::App, "the actor is restored after filling");
    }

    #[test]
    fn the_demo_is_the_same_every_time() {
        let dump = |ws: &Workspace| -> Vec<(String, String, i64)> {
            ws.conn()
                .prepare("SELECT h.handle, s.taken_on, s.followers FROM follower_snapshots s JOIN handles h ON h.id = s.handle_id ORDER BY 1, 2")
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .unwrap()
                .map(|r| r.unwrap())
                .collect()
        };
        assert_eq!(dump(&filled().0), dump(&filled().0));
    }

    #[test]
    fn fill_refuses_a_workspace_with_creators() {
        let (mut ws, _) = filled();
        let Err(Error::Validation(f)) = fill(&mut ws) else { panic!("a second fill must be refused") };
        assert_eq!(f[0].code, "not_empty");
    }

    #[test]
    fn create_demo_makes_a_file_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.chorus");
        let ws = create_demo(&path).unwrap();
        let info = ws.info().unwrap();
        assert!(info.is_demo);
        assert_eq!(info.brand_name, BRAND);
        assert_eq!(info.creators as usize, CREATORS.len());
        drop(ws);
        let before = std::fs::read(&path).unwrap();
        assert!(matches!(create_demo(&path), Err(Error::AlreadyExists(_))));
        assert_eq!(std::fs::read(&path).unwrap(), before, "the existing file is untouched");
        let reopened = Workspace::open(&path).unwrap();
        assert_eq!(reopened.info().unwrap().creators as usize, CREATORS.len());
    }
}
