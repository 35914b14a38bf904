//! Synthetic rosters of any size for benchmarks and load tests, plus the tiny deterministic
//! random generator the demo workspace uses for its follower curves.
//!
//! Contract: the same [`Spec`] gives the same creators, handles, niches and follower counts
//! (only the dates move with today). Follower counts are log-normal, so every tier occurs; niches,
//! countries, stages and platforms follow weighted, realistic shares; handles are unique.
//!
//! [`generate`] writes with direct prepared INSERTs in one transaction instead of calling
//! `creators::save_record` per creator: at 100,000 creators the per-creator clash checks and
//! re-reads of `save_record` would dominate the run. It writes exactly what `save_record` would
//! have written: every creator is a [`CreatorRecord`] that validation accepts, `sort_name` and
//! `max_followers` come from the same functions, and the search document is written by
//! `search_index::refresh`, as the app does. [`check_sample`] proves it: it reads generated
//! creators back through `creators::get`, validates them again and compares them field by field.

use crate::roster::creators;
use crate::error::{Error, Result};
use crate::roster::model::{ContentFormat, CreatorRecord, HandleRecord, PayoutMethod, Platform, RateRecord, Stage, VatStatus};
use crate::roster::{self, RosterQuery};
use crate::roster::search_index;
use crate::roster::validate;
use crate::workspace::{audit, now_utc, today, Workspace};
use crate::campaigns::board::Phase;
use chrono::{Days, Months, NaiveDate};
use rusqlite::params;
use std::path::Path;

/// A small, fast, deterministic generator (SplitMix64). Not for anything secret.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// A generator for one item of a series, independent of the items before it.
    pub fn for_item(seed: u64, item: u64) -> Rng {
        let mut r = Rng(seed ^ item.wrapping_mul(0xA076_1D64_78BD_642F));
        r.next_u64();
        r
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A standard normal number (Box–Muller).
    pub fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.unit(); // (0, 1]: ln is finite
        let u2 = self.unit();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// Picks by weight: `[(value, weight)]`.
    pub fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut n = self.below(total);
        for (v, w) in items {
            if n < u64::from(*w) {
                return v;
            }
            n -= u64::from(*w);
        }
        &items[items.len() - 1].0
    }
}

/// The address of a profile as people paste it.
pub(crate) fn profile_url(platform: Platform, handle: &str) -> String {
    match platform {
        Platform::Instagram => format!("https://www.instagram.com/{handle}/"),
        Platform::Tiktok => format!("https://www.tiktok.com/@{handle}"),
        Platform::Youtube => format!("https://www.youtube.com/@{handle}"),
        Platform::X => format!("https://x.com/{handle}"),
        Platform::Pinterest => format!("https://www.pinterest.com/{handle}/"),
        Platform::Twitch => format!("https://www.twitch.tv/{handle}"),
        Platform::Blog => format!("https://{handle}.example.nl/"),
        Platform::Other => String::new(),
    }
}

/// A valid IBAN (ISO 13616 check digits) for a country and its BBAN.
pub(crate) fn iban(country: &str, bban: &str) -> String {
    let digits: String = format!("{bban}{country}00").chars().map(|c| c.to_digit(36).expect("alphanumeric BBAN").to_string()).collect();
    let rem = digits.bytes().fold(0u32, |acc, d| (acc * 10 + u32::from(d - b'0')) % 97);
    format!("{country}{:02}{bban}", 98 - rem)
}

/// Lower case ASCII letters and digits only: `Siobhán O'Brien` → `siobhanobrien`.
pub(crate) fn ascii_slug(text: &str) -> String {
    crate::roster::folding::fold(text).chars().filter(char::is_ascii_alphanumeric).collect()
}

const FIRST_NAMES: &[&str] = &[
    "Sanne", "Daan", "Fleur", "Yara", "Noor", "Mehmet", "Chloé", "Siobhán", "Lukas", "Priya", "Emma", "Lotte", "Bram", "Jesse",
    "Milan", "Anouk", "Roos", "Sem", "Lieke", "Thijs", "Julia", "Tess", "Finn", "Sophie", "Luuk", "Isa", "Lars", "Zoë", "Ruben",
    "Femke", "Amira", "Fatima", "Mohamed", "Aylin", "Elif", "Jasper", "Eva", "Mila", "Nina", "Maud", "Stijn", "Wout", "Jana",
    "Lena", "Marie", "Hugo", "Louise", "Oliver", "Grace", "Liam", "Aoife", "Marta", "Pablo", "Giulia", "Sven", "Ingrid", "Kofi",
    "Ama", "Wei", "Mei", "Arjun", "Ananya", "Tomasz", "Zofia", "Hanna", "Jonas", "Camille", "Léa", "Mateo", "Chiara", "Dewi",
    "Rik", "Senna", "Bo",
];

const LAST_NAMES: &[&str] = &[
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer",
    "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
    "de Graaf", "van der Meer", "Kok", "Jacobs", "Vermeulen", "Peeters", "Maes", "Claes", "Willems", "Mertens", "Wouters",
    "Goossens", "Lambert", "Dubois", "Martin", "Bernard", "Schneider", "Müller", "Fischer", "Weber", "Yılmaz", "Kaya", "Demir",
    "El Amrani", "Benali", "Haddou", "Bouzid", "Kelly", "Murphy", "O'Brien", "Walker", "Bennett", "Raman", "Patel", "Kumar",
    "García", "Fernández", "Rossi", "Bianchi", "Andersson", "Nowak", "Kowalski", "Nguyen", "Chen", "Mensah", "Osei", "Sitompul",
];

/// Country code, language, email domain, cities.
type Country = (&'static str, &'static str, &'static str, &'static [&'static str]);

/// Where creators live, with weights.
const COUNTRIES: &[(Country, u32)] = &[
    (("NL", "nl", "example.nl", &["Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven", "Groningen", "Tilburg", "Almere", "Breda", "Nijmegen", "Haarlem", "Arnhem", "Zwolle", "Leiden", "Maastricht", "Delft"]), 45),
    (("BE", "nl", "example.be", &["Antwerpen", "Gent", "Brussel", "Leuven", "Brugge", "Mechelen", "Hasselt", "Luik"]), 20),
    (("DE", "de", "example.de", &["Berlin", "Hamburg", "München", "Köln", "Düsseldorf"]), 9),
    (("FR", "fr", "example.fr", &["Paris", "Lyon", "Lille", "Bordeaux", "Nantes"]), 5),
    (("GB", "en", "example.co.uk", &["London", "Manchester", "Bristol", "Brighton", "Leeds"]), 5),
    (("ES", "es", "example.es", &["Madrid", "Barcelona", "Valencia", "Sevilla"]), 4),
    (("US", "en", "example.com", &["New York", "Los Angeles", "Austin", "Chicago"]), 4),
    (("IE", "en", "example.ie", &["Dublin", "Cork", "Galway"]), 2),
    (("IT", "it", "example.it", &["Milano", "Roma", "Torino"]), 2),
    (("SE", "sv", "example.se", &["Stockholm", "Göteborg"]), 1),
    (("DK", "da", "example.dk", &["København", "Aarhus"]), 1),
    (("PT", "pt", "example.pt", &["Lisboa", "Porto"]), 1),
    (("", "", "example.com", &[""]), 1),
];

/// The seed article's sectors, plus a thin long tail of what people also type.
pub const NICHES: &[(&str, u32)] = &[
    ("fitness & wellness", 18),
    ("sustainable fashion", 14),
    ("beauty & skincare", 16),
    ("tech", 10),
    ("food & drink", 16),
    ("parenting", 10),
    ("lifestyle", 16),
    ("travel", 3),
    ("home & interior", 3),
    ("gaming", 2),
    ("outdoor", 2),
    ("pets", 2),
];

const STAGES: &[(Stage, u32)] = &[
    (Stage::Prospect, 38),
    (Stage::Contacted, 18),
    (Stage::Negotiating, 8),
    (Stage::Active, 18),
    (Stage::Paused, 5),
    (Stage::Alumni, 8),
    (Stage::Declined, 5),
];

const PLATFORMS: &[(Platform, u32)] = &[
    (Platform::Instagram, 40),
    (Platform::Tiktok, 30),
    (Platform::Youtube, 16),
    (Platform::X, 6),
    (Platform::Pinterest, 5),
    (Platform::Twitch, 3),
    (Platform::Blog, 4),
];

const TAGS: &[&str] = &[
    "gifted-ok", "vegan", "summer-drop", "long-term", "eindhoven", "amsterdam", "rotterdam", "utrecht", "gent", "antwerpen", "ugc",
    "faceless", "storytelling", "no-alcohol", "pet-friendly", "zero-waste", "spf", "black-friday", "q4", "affiliate", "ambassador",
    "moms", "gen-z", "plant-based", "second-hand", "diy", "student", "reels-only", "carousel-queen", "local-hero",
];

const MANAGERS: &[&str] = &[
    "Iris Mulder — Bloei Talent",
    "Koen Dekker — Smaakmakers Agency",
    "Hannah Cole — Fern Collective",
    "Max Becker — Alpen Talent",
    "Sara Lemmens — Brood & Boter Management",
    "Eigen beheer via mail",
];

const NOTES: &[&str] = &[
    "Reageert snel op DM's; wil graag een langlopende samenwerking.",
    "Gifted only, geen betaalde posts.",
    "Mooie rustige feed, past bij de linnen collectie.",
    "Engagement checken: veel emoji-comments.",
    "Asked for a media kit; sent 3 March.",
    "Prefers a 3-month partnership over one-offs.",
    "Stuurt stats na 7 dagen zonder dat we erom vragen.",
    "Audience mostly 25–34, 70% female.",
];

/// What to generate: `creators` creators with 3 handles (on distinct platforms) and 10
/// follower snapshots each (6 monthly points on the largest handle, 2 on each other one), so
/// 100,000 creators make 300,000 handles and 1,000,000 snapshots.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub creators: usize,
    pub seed: u64,
}

impl Spec {
    pub fn new(creators: usize) -> Spec {
        Spec { creators, seed: 0xC40_2055 }
    }
}

/// What [`generate`] wrote.
#[derive(Debug, Clone, Copy, Default)]
pub struct Generated {
    /// Creator `i` of the spec has id `first_id + i`.
    pub first_id: i64,
    pub creators: u64,
    pub handles: u64,
    pub snapshots: u64,
}

/// One synthetic creator: the validated record and each handle's follower history
/// (months ago, followers), newest first.
pub struct SyntheticCreator {
    pub record: CreatorRecord,
    pub histories: Vec<Vec<(u32, i64)>>,
    pub updated_days_ago: u32,
}

/// A name and where the person lives: shared by the roster generator and the CSV writer.
struct Person {
    first: &'static str,
    last: &'static str,
    country: &'static str,
    language: &'static str,
    domain: &'static str,
    city: &'static str,
}

fn person(rng: &mut Rng) -> Person {
    let first = *rng.pick(FIRST_NAMES);
    let last = *rng.pick(LAST_NAMES);
    let (country, language, domain, cities) = *rng.weighted(COUNTRIES);
    let city = cities[rng.below(cities.len() as u64) as usize];
    Person { first, last, country, language, domain, city }
}

/// Log-normal around 9,000 followers: about 7% under 1K and 0.1% over 1M, so every tier occurs.
fn followers(rng: &mut Rng) -> i64 {
    (9_000.0 * (1.5 * rng.normal()).exp()).clamp(40.0, 30_000_000.0) as i64
}

fn distinct_niches(rng: &mut Rng) -> Vec<String> {
    let n = *rng.weighted(&[(1usize, 55), (2, 35), (3, 10)]);
    let mut out: Vec<String> = Vec::new();
    while out.len() < n {
        let niche = rng.weighted(NICHES).to_string();
        if !out.contains(&niche) {
            out.push(niche);
        }
    }
    out
}

/// Creator `index` of a roster generated with `seed`, as the app would store it.
pub fn synthetic_creator(seed: u64, index: u64, currency_exponent: u32) -> SyntheticCreator {
    let mut rng = Rng::for_item(seed, index);
    let p = person(&mut rng);
    let display_name = format!("{} {}", p.first, p.last);
    let (first_slug, last_slug) = (ascii_slug(p.first), ascii_slug(p.last));

    // Handles on distinct platforms; the first is the largest audience.
    let count = 3;
    let mut platforms: Vec<Platform> = Vec::new();
    while platforms.len() < count {
        let pl = *rng.weighted(PLATFORMS);
        if !platforms.contains(&pl) {
            platforms.push(pl);
        }
    }
    let top = followers(&mut rng);
    let mut counts = vec![top];
    for _ in 1..count {
        counts.push((top as f64 * 10f64.powf(-0.1 - 1.9 * rng.unit())) as i64);
    }
    counts.sort_unstable_by(|a, b| b.cmp(a));
    let styles = [format!("{first_slug}.{last_slug}{index}"), format!("{first_slug}{last_slug}_{index}"), format!("{last_slug}.{first_slug}.{index}")];
    let handles: Vec<HandleRecord> = platforms
        .iter()
        .zip(&counts)
        .enumerate()
        .map(|(i, (&platform, &followers))| {
            let handle = styles[i % styles.len()].clone();
            HandleRecord { platform, profile_url: profile_url(platform, &handle), handle, followers }
        })
        .collect();

    // Monthly growth between -2% and +7%; the newest point is today's count.
    let growth = 0.98 + 0.09 * rng.unit();
    let histories = handles
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let points = if i == 0 { 6 } else { 2 };
            (0..points as u32)
                .map(|months| {
                    if months == 0 {
                        (0, h.followers)
                    } else {
                        let wobble = 1.0 + 0.02 * rng.normal();
                        (months, ((h.followers as f64) / growth.powi(months as i32) * wobble).max(0.0) as i64)
                    }
                })
                .collect()
        })
        .collect();

    let stage = *rng.weighted(STAGES);
    let paying = matches!(stage, Stage::Active | Stage::Paused | Stage::Alumni);
    let email = if rng.chance(0.8) { format!("{first_slug}.{last_slug}@{}", p.domain) } else { String::new() };
    let phone = if rng.chance(0.3) { format!("+31 6 {:08}", rng.below(100_000_000)) } else { String::new() };
    let manager = if rng.chance(0.08) { rng.pick(MANAGERS).to_string() } else { String::new() };
    let (payout_method, paypal_email, iban_text, account_holder) = match (paying, rng.below(10)) {
        (true, 0..=4) => (PayoutMethod::Paypal, format!("pay.{first_slug}{index}@example.com"), String::new(), String::new()),
        (true, 5..=8) => {
            let iban_text = match p.country {
                "BE" => {
                    let first = rng.below(10_000_000_000);
                    let check = match first % 97 {
                        0 => 97,
                        r => r,
                    };
                    iban("BE", &format!("{first:010}{check:02}"))
                }
                "DE" => iban("DE", &format!("{:08}{:010}", 10_000_000 + rng.below(89_999_999), rng.below(10_000_000_000))),
                _ => iban("NL", &format!("{}{:010}", rng.pick(&["ABNA", "RABO", "INGB", "ASNB", "TRIO", "BUNQ", "KNAB", "SNSB"]), rng.below(10_000_000_000))),
            };
            (PayoutMethod::Bank, String::new(), iban_text, display_name.clone())
        }
        _ => (PayoutMethod::None, String::new(), String::new(), String::new()),
    };
    let mut tags: Vec<String> = Vec::new();
    for _ in 0..*rng.weighted(&[(0usize, 40), (1, 35), (2, 18), (3, 7)]) {
        let t = rng.pick(TAGS).to_string();
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    let authenticity_score = if rng.chance(0.4) { Some(*rng.weighted(&[(1u8, 3), (2, 7), (3, 30), (4, 40), (5, 20)])) } else { None };
    let notes = if rng.chance(0.2) { rng.pick(NOTES).to_string() } else { String::new() };
    let rates = if rng.chance(0.35) {
        // About 1 cent per follower for a post, rounded to 5 euros; stories a quarter of it.
        let post = ((top / 100).max(25) + 4) / 5 * 5;
        let unit = 10i64.pow(currency_exponent);
        let mut r = vec![RateRecord { format: ContentFormat::Post, amount_minor: post * unit }, RateRecord { format: ContentFormat::Story, amount_minor: (post / 4).max(10) * unit }];
        if rng.chance(0.5) {
            r.push(RateRecord { format: ContentFormat::Reel, amount_minor: post * 3 / 2 * unit });
        }
        r.sort_by_key(|r| r.format);
        r
    } else {
        Vec::new()
    };
    let record = CreatorRecord {
        display_name,
        handles,
        niches: distinct_niches(&mut rng),
        tags,
        city: p.city.to_string(),
        country: p.country.to_string(),
        language: p.language.to_string(),
        email,
        phone,
        manager,
        paypal_email,
        iban: iban_text,
        account_holder,
        payout_method,
        stage,
        authenticity_score,
        authenticity_notes: String::new(),
        notes,
        rates,
        postal_address: String::new(),
        vat_status: VatStatus::None,
        vat_number: String::new(),
        vat_rate_bp: 0,
        billing_address: String::new(),
    };
    SyntheticCreator { record, histories, updated_days_ago: rng.below(730) as u32 }
}

/// Today minus `months` months, as `YYYY-MM-DD`.
pub(crate) fn months_ago(today: NaiveDate, months: u32) -> String {
    today.checked_sub_months(Months::new(months)).unwrap_or(today).format("%Y-%m-%d").to_string()
}

pub(crate) fn today_date() -> NaiveDate {
    NaiveDate::parse_from_str(&today(), "%Y-%m-%d").expect("today() is a date")
}

/// Adds `spec.creators` synthetic creators to the workspace in one transaction.
pub fn generate(ws: &mut Workspace, spec: &Spec) -> Result<Generated> {
    let settings = ws.settings()?;
    let currency = settings.currency();
    let today = today_date();
    let dates: Vec<String> = (0..12).map(|m| months_ago(today, m)).collect();
    let now = chrono::Utc::now();
    let actor = ws.actor();
    ws.write(|tx| {
        let first_id: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM creators", [], |r| r.get(0))?;
        let mut out = Generated { first_id, ..Default::default() };
        let mut creator = tx.prepare(
            "INSERT INTO creators (id, display_name, sort_name, city, country, language, email, phone, manager,
                 paypal_email, iban, account_holder, payout_method, stage, authenticity_score,
                 authenticity_notes, notes, max_followers, revision, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, 1, ?19, ?19)",
        )?;
        let mut handle = tx.prepare("INSERT INTO handles (creator_id, platform, handle, handle_key, profile_url, followers) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
        let mut snapshot = tx.prepare("INSERT INTO follower_snapshots (handle_id, taken_on, followers) VALUES (?1, ?2, ?3)")?;
        let mut niche = tx.prepare("INSERT INTO creator_niches (creator_id, niche, position) VALUES (?1, ?2, ?3)")?;
        let mut tag = tx.prepare("INSERT INTO creator_tags (creator_id, tag, position) VALUES (?1, ?2, ?3)")?;
        let mut rate = tx.prepare("INSERT INTO rate_card (creator_id, format, amount_minor, currency) VALUES (?1, ?2, ?3, ?4)")?;
        for i in 0..spec.creators {
            let id = first_id + i as i64;
            let s = synthetic_creator(spec.seed, i as u64, currency.exponent());
            let r = &s.record;
            let max_followers = r.handles.iter().map(|h| h.followers).max().unwrap_or(0);
            let stamp = (now - chrono::Duration::days(i64::from(s.updated_days_ago))).format("%Y-%m-%dT%H:%M:%SZ").to_string();
            creator.execute(params![
                id, r.display_name, creators::sort_name(&r.display_name), r.city, r.country, r.language, r.email, r.phone, r.manager,
                r.paypal_email, r.iban, r.account_holder, r.payout_method.as_str(), r.stage.as_str(), r.authenticity_score,
                r.authenticity_notes, r.notes, max_followers, stamp
            ])?;
            for (h, history) in r.handles.iter().zip(&s.histories) {
                handle.execute(params![id, h.platform.as_str(), h.handle, validate::handle_key(&h.handle), h.profile_url, h.followers])?;
                let handle_id = tx.last_insert_rowid();
                for (months, n) in history {
                    snapshot.execute(params![handle_id, dates[*months as usize], n])?;
                }
                out.handles += 1;
                out.snapshots += history.len() as u64;
            }
            for (position, n) in r.niches.iter().enumerate() {
                niche.execute(params![id, n, position as i64])?;
            }
            for (position, t) in r.tags.iter().enumerate() {
                tag.execute(params![id, t, position as i64])?;
            }
            for rt in &r.rates {
                rate.execute(params![id, rt.format.as_str(), rt.amount_minor, currency.code()])?;
            }
            search_index::refresh(tx, id)?;
            out.creators += 1;
        }
        audit(tx, actor, "workspace", None, "generate", &format!("{} synthetic creators at {}", out.creators, now_utc()))?;
        Ok(out)
    })
}

/// Reads up to `count` generated creators (spread over the whole run) back through
/// `creators::get`, validates each again and compares it with what was generated; also checks
/// that the roster search finds each by its handle. Returns how many were checked, or what
/// differed.
pub fn check_sample(ws: &Workspace, spec: &Spec, generated: &Generated, count: usize) -> std::result::Result<usize, String> {
    let currency = ws.settings().map_err(|e| e.to_string())?.currency();
    let step = (generated.creators as usize / count.max(1)).max(1);
    let mut checked = 0;
    for i in (0..generated.creators as usize).step_by(step).take(count) {
        let id = generated.first_id + i as i64;
        let want = synthetic_creator(spec.seed, i as u64, currency.exponent());
        let c = creators::get(ws, id).map_err(|e| format!("creator {id}: {e}"))?;
        let again = validate::validate_draft(&c.to_draft(), currency).map_err(|e| format!("creator {id} no longer validates: {e:?}"))?;
        if again != want.record {
            return Err(format!("creator {id} did not round-trip:\n stored {again:?}\n wanted {:?}", want.record));
        }
        let max = want.record.handles.iter().map(|h| h.followers).max().unwrap_or(0);
        if c.max_followers != max {
            return Err(format!("creator {id}: max_followers {} but the largest handle has {max}", c.max_followers));
        }
        let total: i64 = want.record.handles.iter().map(|h| h.followers).sum();
        if c.follower_history.last().map(|p| p.followers) != Some(total) {
            return Err(format!("creator {id}: the follower history does not end at today's total {total}"));
        }
        let handle = &want.record.handles[0].handle;
        let found = roster::list(ws, &RosterQuery { search: handle.clone(), limit: 500, ..Default::default() }).map_err(|e| e.to_string())?;
        if !found.rows.iter().any(|r| r.id == id) {
            return Err(format!("creator {id}: searching for @{handle} does not find them"));
        }
        checked += 1;
    }
    Ok(checked)
}

/// Writes a creators CSV as a shop owner's spreadsheet would hold it, for import benchmarks:
/// `name,email,city,country,niches,instagram,instagram_followers,tiktok,tiktok_followers,youtube,youtube_followers`.
/// Every row has an Instagram handle; TikTok and YouTube are often empty. Handles are unique.
pub fn write_import_csv(path: &Path, rows: usize, seed: u64) -> Result<()> {
    let io = |e: std::io::Error| Error::io("write", path, e);
    let csv_err = |e: csv::Error| Error::io("write", path, std::io::Error::other(e.to_string()));
    let mut w = csv::Writer::from_path(path).map_err(csv_err)?;
    w.write_record(["name", "email", "city", "country", "niches", "instagram", "instagram_followers", "tiktok", "tiktok_followers", "youtube", "youtube_followers"])
        .map_err(csv_err)?;
    for i in 0..rows {
        let mut rng = Rng::for_item(seed ^ 0x05EE_DC5F, i as u64);
        let p = person(&mut rng);
        let (f, l) = (ascii_slug(p.first), ascii_slug(p.last));
        let top = followers(&mut rng);
        let email = if rng.chance(0.8) { format!("{f}.{l}@{}", p.domain) } else { String::new() };
        let (tiktok, tiktok_followers) = if rng.chance(0.7) { (format!("{f}{l}.{i}"), ((top as f64 * rng.unit()) as i64).to_string()) } else { (String::new(), String::new()) };
        let (youtube, youtube_followers) = if rng.chance(0.35) { (format!("{f}.{l}.tv{i}"), ((top as f64 * 0.5 * rng.unit()) as i64).to_string()) } else { (String::new(), String::new()) };
        let niches = distinct_niches(&mut rng).join("; ");
        w.write_record([
            format!("{} {}", p.first, p.last),
            email,
            p.city.to_string(),
            p.country.to_string(),
            niches,
            format!("{f}.{l}.{i}"),
            top.to_string(),
            tiktok,
            tiktok_followers,
            youtube,
            youtube_followers,
        ])
        .map_err(csv_err)?;
    }
    w.flush().map_err(io)?;
    Ok(())
}

/// What [`generate_campaigns`] writes: `campaigns` campaigns holding `collaborations`
/// collaborations (a distinct creator each within a campaign) with `deliverables` deliverables in
/// all, plus gift shipments for gifted and hybrid deals and an outreach log.
#[derive(Debug, Clone, Copy)]
pub struct CampaignSpec {
    pub campaigns: usize,
    pub collaborations: usize,
    pub deliverables: usize,
    pub seed: u64,
}

impl CampaignSpec {
    /// The given sizes with the standard seed.
    pub fn new(campaigns: usize, collaborations: usize, deliverables: usize) -> CampaignSpec {
        CampaignSpec { campaigns, collaborations, deliverables, seed: 0xCA4_9A16 }
    }
}

/// What [`generate_campaigns`] wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GeneratedCampaigns {
    /// Campaign `i` of the spec has id `first_campaign_id + i`; campaign 0 is the largest and runs today.
    pub first_campaign_id: i64,
    pub campaigns: u64,
    pub collaborations: u64,
    pub deliverables: u64,
    pub shipments: u64,
    pub touchpoints: u64,
}

const SEASONS: &[&str] = &["Spring", "Summer", "Autumn", "Winter", "Back to school", "Black Friday", "Holiday", "Valentine"];
const THEMES: &[&str] = &["Linen drop", "Zero waste", "Glow routine", "Home office", "Plant power", "Run club", "Coffee ritual", "Family weekend", "City trip", "Self-care"];
const GIFTS: &[(&str, &str, i64)] = &[
    ("Linen shirt", "LIN-SH", 79),
    ("Bamboo toothbrush set", "BAM-04", 15),
    ("Vitamin C serum", "SER-C30", 42),
    ("Travel mug", "MUG-TR", 25),
    ("Yoga mat", "YOG-MAT", 65),
    ("Organic coffee beans 1 kg", "COF-1K", 29),
    ("Canvas tote", "TOTE-N", 19),
    ("Running cap", "CAP-RUN", 24),
    ("Scented candle", "CAN-AMB", 32),
    ("Wireless earbuds", "EAR-W2", 119),
];
const CARRIERS: &[&str] = &["PostNL", "DHL", "DPD", "bpost", "UPS"];
const NOTES_ON_CONTACT: &[&str] = &["Sent the brief", "Asked for rates", "Followed up on the draft", "Agreed on dates", "Shared the tracking link", "Thanked for the post", ""];

/// Formats a content format of a platform typically gets.
fn format_for(platform: Platform) -> &'static [(ContentFormat, u32)] {
    use ContentFormat::*;
    match platform {
        Platform::Instagram => &[(Reel, 40), (Post, 20), (Story, 25), (Carousel, 15)],
        Platform::Tiktok => &[(Short, 70), (Video, 20), (Live, 10)],
        Platform::Youtube => &[(Video, 60), (Short, 35), (Live, 5)],
        Platform::Blog => &[(Blog, 100)],
        Platform::Twitch => &[(Live, 100)],
        _ => &[(Post, 70), (SingleImage, 30)],
    }
}

/// A link to a published post, as people paste it.
fn post_url(platform: Platform, number: i64) -> String {
    match platform {
        Platform::Instagram => format!("https://www.instagram.com/p/C{number:010}/"),
        Platform::Tiktok => format!("https://www.tiktok.com/@creator/video/7{number:018}"),
        Platform::Youtube => format!("https://www.youtube.com/watch?v=v{number:010}"),
        _ => format!("{}/post-{number}", profile_url(platform, "creator").trim_end_matches('/')),
    }
}

/// The generated campaign's dates, by phase relative to `today`.
fn campaign_window(rng: &mut Rng, phase: Phase, today: NaiveDate) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let d = Days::new;
    match phase {
        Phase::Ended => {
            let start = today - d(40 + rng.below(1060));
            (Some(start), Some((start + d(14 + rng.below(107))).min(today - d(1))))
        }
        Phase::Running => (Some(today - d(rng.below(60))), Some(today + d(1 + rng.below(60)))),
        Phase::Upcoming => {
            let start = today + d(1 + rng.below(90));
            (Some(start), Some(start + d(14 + rng.below(77))))
        }
        Phase::Undated => (None, None),
    }
}

/// How many collaborations each campaign gets: log-normal sizes summing to `total`, the first
/// campaign the largest (about 2% of all), none larger than the number of creators.
fn campaign_sizes(rng: &mut Rng, campaigns: usize, total: usize, creators: usize) -> Vec<usize> {
    if campaigns == 0 {
        return Vec::new();
    }
    let mut weights: Vec<f64> = (0..campaigns).map(|_| (0.8 * rng.normal()).exp()).collect();
    let rest: f64 = weights[1..].iter().sum();
    weights[0] = (rest * 0.02).max(weights.iter().cloned().fold(0.0, f64::max) * 1.5);
    let sum: f64 = weights.iter().sum();
    let mut sizes: Vec<usize> = weights.iter().map(|w| ((total as f64 * w / sum) as usize).min(creators)).collect();
    // Hand out what the rounding left over, one at a time.
    let mut short = total.saturating_sub(sizes.iter().sum());
    for i in (0..campaigns).cycle().take(campaigns * 4) {
        if short == 0 {
            break;
        }
        if sizes[i] < creators {
            sizes[i] += 1;
            short -= 1;
        }
    }
    sizes
}

/// `total` deliverables over `collaborations`: about the same number each, give or take two.
fn deliverable_counts(rng: &mut Rng, collaborations: usize, total: usize) -> Vec<usize> {
    if collaborations == 0 {
        return Vec::new();
    }
    let mut counts: Vec<usize> = (0..collaborations).map(|i| total / collaborations + usize::from(i < total % collaborations)).collect();
    for pair in counts.chunks_mut(2) {
        if let [a, b] = pair {
            // Move up to two from one to the other, leaving each at least one where it had more.
            let spread = rng.below(3) as usize;
            let (from, to) = if rng.chance(0.5) { (b, a) } else { (a, b) };
            let moved = spread.min(from.saturating_sub(1));
            *from -= moved;
            *to += moved;
        }
    }
    counts
}

/// Adds campaigns, collaborations, deliverables, gift shipments (with their products) and
/// touchpoints over the creators already in the workspace, in one transaction. Status mixes
/// follow the dates relative to `today` as they would in use: most campaigns lie in the past
/// and are completed, a tenth run today with work in every state (some of it overdue), some
/// are upcoming. Every row is one the app's own rules accept (a shipped gift has its tracking
/// number, a live post its link, a completed collaboration no open deliverable).
pub fn generate_campaigns(ws: &mut Workspace, spec: &CampaignSpec, today: NaiveDate) -> Result<GeneratedCampaigns> {
    let unit = 10i64.pow(ws.settings()?.currency().exponent());
    let actor = ws.actor();
    let day = |d: NaiveDate| d.to_string();
    let stamp = |d: NaiveDate| format!("{d}T09:00:00Z");
    ws.write(|tx| {
        let creators: Vec<(i64, String, String, String)> =
            tx.prepare("SELECT id, display_name, city, country FROM creators ORDER BY id")?.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<rusqlite::Result<_>>()?;
        if creators.is_empty() && spec.collaborations > 0 {
            return Err(Error::BadFile("Campaigns need creators: generate the roster first.".into()));
        }
        let next_id = |table: &str| -> Result<i64> { Ok(tx.query_row(&format!("SELECT coalesce(max(id), 0) + 1 FROM {table}"), [], |r| r.get(0))?) };
        let (first_campaign_id, mut collaboration_id, mut shipment_id) = (next_id("campaigns")?, next_id("collaborations")?, next_id("gift_shipments")?);
        let mut out = GeneratedCampaigns { first_campaign_id, ..Default::default() };
        let mut rng = Rng::for_item(spec.seed, u64::MAX);
        let sizes = campaign_sizes(&mut rng, spec.campaigns, spec.collaborations, creators.len());
        let mut counts = deliverable_counts(&mut rng, sizes.iter().sum(), spec.deliverables).into_iter();
        // A fiftieth of the roster are regulars who come back campaign after campaign.
        let regulars = (creators.len() / 50).max(1) as u64;

        let mut campaign = tx.prepare(
            "INSERT INTO campaigns (id, name, goal, starts_on, ends_on, budget_minor, niche, brief, required_hashtags, required_mentions,
                 disclosure, utm_slug, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, '@studiozon', ?10, ?11, ?12, ?12)",
        )?;
        let mut collaboration = tx.prepare(
            "INSERT INTO collaborations (id, campaign_id, creator_id, kind, status, fee_minor, gift_value_minor, starts_on, ends_on,
                 usage_channels, usage_until, agreed_on, last_activity_on, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
        )?;
        let mut deliverable = tx.prepare(
            "INSERT INTO deliverables (collaboration_id, platform, format, due_on, status, post_url, published_at, has_hashtags,
                 has_mentions, has_disclosure, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        let mut shipment = tx.prepare(
            "INSERT INTO gift_shipments (id, collaboration_id, status, recipient_name, postal_address, city, country, carrier,
                 tracking_number, shipped_on, delivered_on, closed_on, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
        )?;
        let mut item = tx.prepare(
            "INSERT INTO gift_items (shipment_id, position, name, sku, quantity, unit_cost_minor, unit_retail_minor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        let mut touchpoint = tx.prepare("INSERT INTO touchpoints (creator_id, collaboration_id, kind, happened_on, notes, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;

        for (index, &size) in sizes.iter().enumerate() {
            let campaign_id = first_campaign_id + index as i64;
            let mut rng = Rng::for_item(spec.seed, index as u64);
            let phase = if index == 0 { Phase::Running } else { *rng.weighted(&[(Phase::Ended, 80), (Phase::Running, 10), (Phase::Upcoming, 8), (Phase::Undated, 2)]) };
            let (start, end) = campaign_window(&mut rng, phase, today);
            let anchor = start.unwrap_or(today).min(today);
            let created = anchor - Days::new(20 + rng.below(40));
            let year = start.unwrap_or(today).format("%Y").to_string();
            let name = format!("{} {year} · {}", rng.pick(SEASONS), rng.pick(THEMES));
            let budget = if index == 0 { 250_000 } else { (10 + rng.below(490) as i64) * 100 };
            campaign.execute(params![
                campaign_id,
                name,
                rng.weighted(&[("awareness", 50), ("sales", 35), ("leads", 15)]),
                start.map(day),
                end.map(day),
                budget * unit,
                rng.weighted(NICHES),
                "Show the product in your own routine; no scripts, no hard call to action.",
                format!("#studiozon #zon{year}"),
                rng.pick(&["#ad", "#advertentie", "#samenwerking"]),
                format!("{}-{index}", crate::campaigns::fields::slugify(&name)),
                stamp(created),
            ])?;
            out.campaigns += 1;

            let mut taken = std::collections::HashSet::new();
            while taken.len() < size {
                let pick = if rng.chance(0.35) { rng.below(regulars) } else { rng.below(creators.len() as u64) } as usize;
                if !taken.insert(pick) {
                    continue;
                }
                let (creator_id, creator_name, city, country) = &creators[pick];
                let status = *rng.weighted(match phase {
                    // What never got agreed was called off; a few are still open, forgotten.
                    Phase::Ended => &[("completed", 84), ("cancelled", 12), ("active", 3), ("agreed", 1)][..],
                    Phase::Running => &[("proposed", 12), ("agreed", 23), ("active", 55), ("completed", 5), ("cancelled", 5)][..],
                    Phase::Upcoming => &[("proposed", 50), ("agreed", 42), ("active", 3), ("cancelled", 5)][..],
                    Phase::Undated => &[("proposed", 85), ("agreed", 10), ("cancelled", 5)][..],
                });
                let kind = *rng.weighted(&[("gifted", 40), ("paid", 25), ("affiliate", 15), ("hybrid", 20)]);
                let paid = matches!(kind, "paid" | "hybrid");
                let gifted = matches!(kind, "gifted" | "hybrid");
                let fee = if paid { (150 + 100 * rng.below(30) as i64) * unit } else { 0 };
                let gift_value = if gifted { (25 + 10 * rng.below(20) as i64) * unit } else { 0 };
                let committed = matches!(status, "agreed" | "active" | "completed");
                let usage_until = (paid && rng.chance(0.5)).then(|| end.unwrap_or(today) + Days::new(30 + rng.below(335)));
                let last_activity = match status {
                    "completed" => end.unwrap_or(today).min(today) + Days::new(rng.below(10)),
                    "agreed" | "active" if phase == Phase::Ended => end.unwrap_or(today) + Days::new(rng.below(60)),
                    "agreed" | "active" => today - Days::new(rng.below(30)),
                    _ => anchor - Days::new(rng.below(15)),
                }
                .min(today);
                collaboration.execute(params![
                    collaboration_id,
                    campaign_id,
                    creator_id,
                    kind,
                    status,
                    fee,
                    gift_value,
                    start.map(day),
                    end.map(day),
                    if usage_until.is_some() { "Instagram ads, website" } else { "" },
                    usage_until.map(day),
                    committed.then(|| day(anchor - Days::new(7))),
                    day(last_activity),
                    stamp(created),
                ])?;
                out.collaborations += 1;

                for _ in 0..counts.next().unwrap_or(0) {
                    let platform = *rng.weighted(PLATFORMS);
                    let format = *rng.weighted(format_for(platform));
                    let due = match (start, end) {
                        (Some(s), Some(e)) => s + Days::new(rng.below((e - s).num_days().max(0) as u64 + 1)),
                        _ => today + Days::new(rng.below(60)),
                    };
                    // A completed collaboration delivered everything by its last activity; a
                    // proposed one plans ahead.
                    let due = match status {
                        "completed" => due.min(last_activity),
                        "proposed" => due.max(today + Days::new(rng.below(30))),
                        _ => due,
                    };
                    let status = match status {
                        "cancelled" => *rng.weighted(&[("planned", 60), ("missed", 40)]),
                        "proposed" => "planned",
                        "completed" => *rng.weighted(&[("published", 45), ("verified", 50), ("missed", 5)]),
                        _ if due >= today => *rng.weighted(&[("planned", 40), ("in_production", 25), ("submitted", 15), ("changes_requested", 5), ("approved", 15)]),
                        _ if rng.chance(if (today - due).num_days() > 45 { 0.015 } else { 0.05 }) => *rng.weighted(&[("in_production", 50), ("submitted", 30), ("changes_requested", 20)]),
                        _ => *rng.weighted(&[("published", 55), ("verified", 45)]),
                    };
                    let live = matches!(status, "published" | "verified");
                    let url = if live { post_url(platform, collaboration_id * 100 + out.deliverables as i64 % 100) } else { String::new() };
                    deliverable.execute(params![
                        collaboration_id,
                        platform.as_str(),
                        format.as_str(),
                        day(due),
                        status,
                        url,
                        live.then(|| format!("{due}T{:02}:{:02}", 8 + rng.below(13), rng.below(60))),
                        live && rng.chance(0.9),
                        live && rng.chance(0.85),
                        live && rng.chance(0.8),
                        stamp(created),
                        stamp(if live { due.min(today) } else { created }),
                    ])?;
                    out.deliverables += 1;
                }

                if gifted && (committed || (status == "cancelled" && rng.chance(0.2))) {
                    let parcels = if rng.chance(0.08) { 2 } else { 1 };
                    for parcel in 0..parcels {
                        let sent = anchor - Days::new(10 - 3 * parcel);
                        let mut state = match (status, phase) {
                            ("agreed", _) | (_, Phase::Upcoming) => *rng.weighted(&[("to_pack", 70), ("shipped", 30)]),
                            ("active", Phase::Running) => *rng.weighted(&[("to_pack", 12), ("shipped", 23), ("delivered", 65)]),
                            _ => *rng.weighted(&[("delivered", 92), ("returned", 3), ("lost", 5)]),
                        };
                        let shipped = sent.min(today);
                        let delivered = shipped + Days::new(1 + rng.below(4));
                        if state != "to_pack" && delivered > today {
                            state = "shipped";
                        }
                        let created_on = if state == "to_pack" { today - Days::new(rng.below(10)) } else { shipped - Days::new(1) };
                        shipment.execute(params![
                            shipment_id,
                            collaboration_id,
                            state,
                            creator_name,
                            format!("{} {}\n{} {}", rng.pick(&["Kerkstraat", "Molenweg", "Stationsplein", "Dorpsstraat", "Havenkade"]), 1 + rng.below(180), 1000 + rng.below(8999), rng.pick(&["AB", "KL", "XZ", "TT"])),
                            city,
                            country,
                            rng.pick(CARRIERS),
                            if state == "to_pack" { String::new() } else { format!("3S{:013}", rng.below(10_000_000_000_000)) },
                            (state != "to_pack").then(|| day(shipped)),
                            matches!(state, "delivered" | "returned").then(|| day(delivered)),
                            matches!(state, "returned" | "lost").then(|| day(delivered.min(today))),
                            stamp(created_on),
                        ])?;
                        for position in 0..1 + rng.below(3) {
                            let (product, sku, retail) = *rng.pick(GIFTS);
                            item.execute(params![shipment_id, position as i64, product, sku, 1 + rng.below(2) as i64, retail * unit * 2 / 5, retail * unit])?;
                        }
                        shipment_id += 1;
                        out.shipments += 1;
                    }
                }

                for n in 0..rng.below(4) {
                    let on = (created + Days::new(3 * n + rng.below(3))).min(last_activity);
                    touchpoint.execute(params![creator_id, collaboration_id, rng.pick(&["dm", "email", "call", "meeting"]), day(on), rng.pick(NOTES_ON_CONTACT), stamp(on)])?;
                    out.touchpoints += 1;
                }
                collaboration_id += 1;
            }
        }
        // Outreach before any collaboration: follows and comments on a few prospects.
        for (creator_id, ..) in creators.iter().step_by(40) {
            let on = today - Days::new(rng.below(200));
            touchpoint.execute(params![creator_id, None::<i64>, rng.pick(&["followed", "commented"]), day(on), "", stamp(on)])?;
            out.touchpoints += 1;
        }
        tx.execute(
            "UPDATE creators SET last_contact_on = t.last FROM (SELECT creator_id, max(happened_on) AS last FROM touchpoints GROUP BY creator_id) t
             WHERE creators.id = t.creator_id",
            [],
        )?;
        audit(tx, actor, "workspace", None, "generate", &format!("{} synthetic campaigns at {}", out.campaigns, now_utc()))?;
        Ok(out)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::settings::Settings;

    #[test]
    fn the_generator_is_deterministic_and_spreads() {
        let a = Rng::new(7).next_u64();
        assert_eq!(a, Rng::new(7).next_u64());
        let mut r = Rng::new(1);
        let n: Vec<u64> = (0..1000).map(|_| r.below(10)).collect();
        assert!((0..10).all(|d| n.contains(&d)));
        assert!(n.iter().all(|&d| d < 10));
    }

    #[test]
    fn computed_ibans_carry_valid_check_digits() {
        assert_eq!(iban("NL", "ABNA0417164300"), "NL91ABNA0417164300");
        assert_eq!(iban("DE", "370400440532013000"), "DE89370400440532013000");
    }

    #[test]
    fn generated_creators_round_trip_through_the_app() {
        let mut ws = Workspace::in_memory(&Settings::new("Bench", "EUR", "nl-NL")).unwrap();
        let spec = Spec::new(300);
        let g = generate(&mut ws, &spec).unwrap();
        assert_eq!((g.creators, g.handles, g.snapshots), (300, 900, 3000));
        assert_eq!(check_sample(&ws, &spec, &g, 300), Ok(300));
    }

    /// A workspace of 400 creators and 40 campaigns generated for `today`.
    fn campaigns_for(today: NaiveDate) -> (Workspace, GeneratedCampaigns) {
        let mut ws = Workspace::in_memory(&Settings::new("Bench", "EUR", "nl-NL")).unwrap();
        generate(&mut ws, &Spec::new(400)).unwrap();
        let g = generate_campaigns(&mut ws, &CampaignSpec::new(40, 600, 2_400), today).unwrap();
        (ws, g)
    }

    #[test]
    fn generated_campaigns_have_the_asked_sizes_and_are_deterministic() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 15).unwrap();
        let (ws, g) = campaigns_for(today);
        assert_eq!((g.campaigns, g.collaborations, g.deliverables), (40, 600, 2_400));
        let count = |sql: &str| -> i64 { ws.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(count("SELECT count(*) FROM deliverables"), 2_400);
        assert_eq!(count("SELECT count(*) FROM gift_shipments") as u64, g.shipments);
        assert_eq!(count("SELECT count(*) FROM touchpoints") as u64, g.touchpoints);
        let largest = count("SELECT campaign_id FROM collaborations GROUP BY campaign_id ORDER BY count(*) DESC LIMIT 1");
        assert_eq!(largest, g.first_campaign_id);
        assert!(count("SELECT count(*) FROM (SELECT creator_id FROM collaborations GROUP BY creator_id HAVING count(*) > 2)") > 0, "regulars come back");
        assert_eq!(count("SELECT count(*) FROM creators WHERE last_contact_on IS NOT (SELECT max(happened_on) FROM touchpoints t WHERE t.creator_id = creators.id)"), 0);
        for sql in [
            "SELECT max(happened_on) FROM touchpoints",
            "SELECT max(last_activity_on) FROM collaborations",
            "SELECT max(shipped_on) FROM gift_shipments",
            "SELECT max(delivered_on) FROM gift_shipments",
            "SELECT max(substr(published_at, 1, 10)) FROM deliverables",
        ] {
            let latest: String = ws.conn().query_row(sql, [], |r| r.get(0)).unwrap();
            assert!(latest <= today.to_string(), "{sql}: {latest} lies after today");
        }
        let t = crate::campaigns::today::today(&ws, today).unwrap();
        assert!(t.overdue.total > 0 && t.due_this_week.total > 0 && t.gifts_to_ship.total > 0 && t.idle.total > 0, "work in every state: {t:?}");

        let digest = |ws: &Workspace| -> String {
            ws.conn()
                .query_row("SELECT group_concat(campaign_id || creator_id || status || fee_minor || coalesce(usage_until, ''), ',') FROM collaborations", [], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(digest(&ws), digest(&campaigns_for(today).0));
    }

    #[test]
    fn every_generated_row_is_one_the_app_accepts_unchanged() {
        use crate::campaigns::{campaign, collaboration, deliverable, gifting};
        let (mut ws, _) = campaigns_for(crate::campaigns::fields::local_today());
        let ids = |ws: &Workspace, table: &str| -> Vec<i64> { ws.conn().prepare(&format!("SELECT id FROM {table} ORDER BY id")).unwrap().query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect() };
        for id in ids(&ws, "campaigns") {
            let c = campaign::get(&ws, id).unwrap();
            campaign::update(&mut ws, id, c.revision, &c.draft).unwrap_or_else(|e| panic!("campaign {id}: {e:?}"));
        }
        for id in ids(&ws, "collaborations") {
            let c = collaboration::get(&ws, id).unwrap();
            collaboration::update(&mut ws, id, c.revision, &c.draft).unwrap_or_else(|e| panic!("collaboration {id} ({:?}): {e:?}", c.status));
        }
        for id in ids(&ws, "deliverables") {
            let d = deliverable::get(&ws, id).unwrap();
            deliverable::update(&mut ws, id, d.revision, &d.draft).unwrap_or_else(|e| panic!("deliverable {id}: {e:?}"));
        }
        for id in ids(&ws, "gift_shipments") {
            let s = gifting::get(&ws, id).unwrap();
            gifting::update(&mut ws, id, s.revision, &s.draft).unwrap_or_else(|e| panic!("shipment {id} ({:?}): {e:?}", s.status));
        }
    }

    #[test]
    fn the_import_csv_has_unique_handles() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("creators.csv");
        write_import_csv(&path, 500, 1).unwrap();
        let mut r = csv::Reader::from_path(&path).unwrap();
        let mut seen = std::collections::HashSet::new();
        let mut rows = 0;
        for rec in r.records() {
            let rec = rec.unwrap();
            assert!(seen.insert(rec[5].to_string()), "duplicate instagram handle {}", &rec[5]);
            rows += 1;
        }
        assert_eq!(rows, 500);
    }
}
