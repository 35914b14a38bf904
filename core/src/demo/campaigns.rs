//! The demo's campaign work: five Studio Zon campaigns around today — one that ended last
//! spring, one running now, one starting next month, a six-month ambassador programme and a
//! small festival pop-up that was cancelled — with their collaborations, deliverables, gifts
//! and the outreach log, so every part of Today has something in it on a first run.
//!
//! Contract: everything goes through the public write API (`campaign::create`,
//! `collaboration::create/update`, `deliverable::create/create_series/update`,
//! `gifting::create`, `outreach::add`), so it passed the same rules as typed input. Dates are
//! days relative to the computer's local today; none the rules refuse is generated
//! (touchpoints lie at least a day in the past, live posts were published before today).
//! The API stamps `agreed_on` and `last_activity_on` with the day of the save, which would
//! make a months-old collaboration look agreed and worked on today: [`settle_dates`] sets
//! them to the agreed day of the table and to the latest dated thing in the collaboration's
//! history — the only values written around the API.

use super::CREATORS;
use crate::campaigns::deliverable::Deliverable;
use crate::campaigns::{
    campaign, collaboration, deliverable, gifting, outreach, CampaignDraft, CollaborationDraft, DeliverableDraft, GiftItemDraft, TouchpointDraft,
};
use crate::error::{Error, Result};
use crate::roster::model::{ContentFormat, Platform};
use crate::numbers::Spelling;
use crate::synthetic::Rng;
use crate::workspace::Workspace;
use chrono::{Days, Months, NaiveDate};
use std::collections::HashMap;

/// What [`write`] added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Written {
    pub campaigns: u64,
    pub collaborations: u64,
    pub deliverables: u64,
    pub shipments: u64,
    pub touchpoints: u64,
}

/// Writes the demo campaigns into a workspace that holds the demo creators.
pub(super) fn write(ws: &mut Workspace, today: NaiveDate) -> Result<Written> {
    let mut w = Writer { ws, today, campaigns: HashMap::new(), deals: HashMap::new(), written: Written::default() };
    for c in CAMPAIGNS {
        w.campaign(c)?;
    }
    for deal in DEALS {
        w.deal(deal)?;
    }
    for post in POSTS {
        w.post(post)?;
    }
    for series in SERIES {
        w.series(series)?;
    }
    for gift in GIFTS {
        w.gift(gift)?;
    }
    // Completed and cancelled come last: completing needs every post settled, and a cancelled
    // collaboration takes no new deliverables or gifts.
    for deal in DEALS {
        w.close(deal)?;
    }
    for contact in CONTACTS {
        w.contact(contact)?;
    }
    for deal in DEALS {
        w.settle_dates(deal)?;
    }
    Ok(w.written)
}

/// A day relative to today: `months` calendar months on (or back), then `days` days.
#[derive(Debug, Clone, Copy)]
struct When {
    months: i32,
    days: i64,
}

const fn d(days: i64) -> When {
    When { months: 0, days }
}

const fn m(months: i32, days: i64) -> When {
    When { months, days }
}

impl When {
    fn on(self, today: NaiveDate) -> NaiveDate {
        let months = Months::new(self.months.unsigned_abs());
        let base = if self.months >= 0 { today.checked_add_months(months) } else { today.checked_sub_months(months) };
        let days = Days::new(self.days.unsigned_abs());
        base.and_then(|b| if self.days >= 0 { b.checked_add_days(days) } else { b.checked_sub_days(days) }).unwrap_or(today)
    }
}

/// A campaign as the form would be filled in; `key` names it in the tables below.
struct CampaignSeed {
    key: &'static str,
    name: &'static str,
    goal: &'static str,
    starts: When,
    ends: When,
    budget: &'static str,
    niche: &'static str,
    audience: &'static str,
    brief: &'static str,
    dos: &'static str,
    donts: &'static str,
    hashtags: &'static str,
    mentions: &'static str,
    disclosure: &'static str,
}

/// A creator in a campaign: the terms as typed, where it ends up, and when it was agreed.
struct Deal {
    campaign: &'static str,
    creator: &'static str,
    kind: &'static str,
    /// The final status; completed and cancelled are reached by an update, as in the window.
    status: &'static str,
    fee: &'static str,
    gift: &'static str,
    commission: &'static str,
    agreed: Option<When>,
    usage: &'static str,
    usage_until: Option<When>,
    exclusive: bool,
    notes: &'static str,
}

const DEAL: Deal = Deal {
    campaign: "",
    creator: "",
    kind: "gifted",
    status: "proposed",
    fee: "",
    gift: "",
    commission: "",
    agreed: None,
    usage: "",
    usage_until: None,
    exclusive: false,
    notes: "",
};

/// The brief's checklist as ticked: hashtags, mentions, ad disclosure.
type Ticks = (bool, bool, bool);
const ALL: Ticks = (true, true, true);
const NO_AD: Ticks = (true, true, false);
const NONE: Ticks = (false, false, false);

/// One deliverable: campaign, creator, platform, format, due, status, checklist, traits (the
/// words `cta`, `story`, `faceless` for what the post does; empty when not judged yet).
struct Post(&'static str, &'static str, &'static str, &'static str, When, &'static str, Ticks, &'static str);

/// A monthly deliverable until the campaign ends: campaign, creator, platform, format, the
/// first due day, and the statuses of the first months (the rest stay planned).
struct Series(&'static str, &'static str, &'static str, &'static str, When, &'static [&'static str]);

/// A gift: campaign, creator, status, carrier, tracking number, shipped, delivered (or
/// returned / lost) on, products by SKU with quantity, notes.
struct Gift(&'static str, &'static str, &'static str, &'static str, &'static str, Option<When>, Option<When>, &'static [(&'static str, u32)], &'static str);

/// A touchpoint: creator, campaign of the collaboration it belongs to (empty: none), kind,
/// days ago (at least 1: contact is logged once it took place), notes.
struct Contact(&'static str, &'static str, &'static str, u64, &'static str);

/// Studio Zon's products: SKU, name, unit cost, retail price (EUR, as typed).
const PRODUCTS: &[(&str, &str, &str, &str)] = &[
    ("ZON-DC30-50", "Zon Dagcrème SPF 30 — 50 ml", "4,20", "22,95"),
    ("ZON-ZB50-100", "Zon Zonnebrand SPF 50 — 100 ml", "5,10", "24,95"),
    ("ZON-KID50-150", "Zon Kids SPF 50+ — 150 ml", "5,60", "19,95"),
    ("ZON-STK30-15", "Zon SPF-stick 30 — 15 g", "2,35", "12,95"),
    ("ZON-AS-200", "After Sun aloë & komkommer — 200 ml", "3,40", "16,95"),
    ("ZON-FLES-750", "Zon-fles RVS 750 ml", "7,80", "29,95"),
    ("ZON-TAS-LIN", "Linnen strandtas naturel", "11,50", "49,95"),
    ("ZON-KOEL-12", "Koeltas picknick 12 l", "9,90", "39,95"),
    ("ZON-PET-01", "Zonnepet gerecycled katoen", "4,75", "24,95"),
    ("ZON-LIN-SET", "Linnen set overhemd + short", "28,00", "119,00"),
];

#[rustfmt::skip]
const CAMPAIGNS: &[CampaignSeed] = &[
    CampaignSeed {
        key: "spring", name: "Spring Glow — SPF elke dag", goal: "awareness", starts: d(-270), ends: d(-210), budget: "6000",
        niche: "beauty & skincare",
        audience: "Vrouwen 25–40 in NL en BE die buiten sporten en SPF nu alleen op vakantie gebruiken.",
        brief: "Laat zien dat SPF in het voorjaar al telt: je ochtendroutine, naar buiten, echt daglicht. Geen vakantiebeelden.",
        dos: "Daglicht en echte huid; laat de textuur zien.\nVertel waarom jij SPF gebruikt.",
        donts: "Geen anti-aging-claims.\nGeen vergelijkingen met andere merken.",
        hashtags: "springglow studiozon", mentions: "studiozon", disclosure: "#advertentie",
    },
    CampaignSeed {
        key: "zomer", name: "Zomer in de stad", goal: "sales", starts: d(-28), ends: d(40), budget: "12.500,00",
        niche: "lifestyle",
        audience: "Stedelingen 20–35 in Amsterdam, Rotterdam, Utrecht en Antwerpen: fietsen, terrassen, parken.",
        brief: "De stad is je strand. Zon-fles op het terras, SPF-stick in je fietstas, de linnen strandtas in het park. Eén code per creator, één link met UTM.",
        dos: "Storytelling boven een harde call to action.\nNoem je kortingscode één keer, in je eigen woorden.",
        donts: "Geen zonnebank- of bruiningsbeelden.\nGeen beelden op het water zonder zwemvest.",
        hashtags: "#zomerindestad #studiozon", mentions: "@studiozon", disclosure: "#advertentie",
    },
    CampaignSeed {
        key: "school", name: "Back to School: SPF in je rugzak", goal: "awareness", starts: m(1, 0), ends: m(2, 10), budget: "4000",
        niche: "parenting",
        audience: "Ouders van kinderen van 4 tot 12 in NL en BE.",
        brief: "Het schooljaar begint en de zon schijnt nog: kids-SPF en de Zon-fles in de rugzak. Echte ochtendchaos mag.",
        dos: "Kinderen alleen in beeld als jullie dat allebei willen.",
        donts: "Geen namen, schoollogo's of herkenbare schoolpleinen.",
        hashtags: "#zonnaarschool #studiozon", mentions: "@studiozon", disclosure: "#adv",
    },
    CampaignSeed {
        key: "ambassadors", name: "Zon Ambassadors — 6 months", goal: "sales", starts: m(-2, -4), ends: m(4, -5), budget: "18000",
        niche: "lifestyle",
        audience: "Bestaande fans van Studio Zon en hun volgers in NL, BE en het VK.",
        brief: "Six months, one fixed moment a month: how Zon fits your life. Free form, your own voice; every monthly drop is a starting point.",
        dos: "Your own rhythm and tone.\nShare your code in stories around every drop.",
        donts: "No other SPF brands while the programme runs.",
        hashtags: "#zonambassador #studiozon", mentions: "@studiozon", disclosure: "#ad #advertentie",
    },
    CampaignSeed {
        key: "popup", name: "Zon Bar festival pop-up", goal: "awareness", starts: d(-200), ends: d(-186), budget: "1500",
        niche: "lifestyle",
        audience: "Festivalgangers 18–30.",
        brief: "Een SPF-bar op twee zomerfestivals: creators smeren in, posten een story. Geannuleerd: de organisatie trok de standplaats in.",
        dos: "", donts: "",
        hashtags: "#zonbar", mentions: "@studiozon", disclosure: "#advertentie",
    },
];

#[rustfmt::skip]
const DEALS: &[Deal] = &[
    // Spring Glow: done; two creators' usage rights run out within the month.
    Deal { campaign: "spring", creator: "Siobhán Kelly", kind: "paid", status: "completed", fee: "750", agreed: Some(d(-285)),
        usage: "Instagram + Meta ads on her handle", usage_until: Some(d(18)),
        notes: "Two trail-run reels and a story; the ads ran on her handle for the spring push.", ..DEAL },
    Deal { campaign: "spring", creator: "Sanne Bakker", kind: "hybrid", status: "completed", fee: "700", gift: "164,90",
        commission: "10% van de netto orderwaarde via SANNEGLOW10, 30 dagen", agreed: Some(d(-282)),
        usage: "Website en Instagram ads", usage_until: Some(d(26)), notes: "57 verkopen via SANNEGLOW10.", ..DEAL },
    Deal { campaign: "spring", creator: "Noor Hendriks", kind: "affiliate", status: "completed", commission: "10% via NOOR10 op kids-SPF",
        agreed: Some(d(-278)), notes: "41 verkopen via NOOR10.", ..DEAL },
    Deal { campaign: "spring", creator: "Jesse de Boer", kind: "gifted", status: "completed", gift: "67,85", agreed: Some(d(-275)),
        notes: "De tweede story kwam er niet: blessure.", ..DEAL },
    Deal { campaign: "spring", creator: "Eva Mulder", kind: "gifted", status: "completed", gift: "62,85", agreed: Some(d(-272)), ..DEAL },
    // Zomer in de stad: running.
    Deal { campaign: "zomer", creator: "Anouk Vos", kind: "paid", status: "active", fee: "3.200,00", gift: "97,85", agreed: Some(d(-40)),
        usage: "Instagram, website, Meta ads", usage_until: Some(d(200)), exclusive: true,
        notes: "Gezicht van de campagne: 4 posts + stories. Shoot in het Vondelpark.", ..DEAL },
    Deal { campaign: "zomer", creator: "Fleur de Jong", kind: "hybrid", status: "active", fee: "1300", gift: "79,80",
        commission: "8% via FLEUR8, 30 dagen", agreed: Some(d(-38)), usage: "Organisch + TikTok Spark Ads", usage_until: Some(d(70)),
        notes: "Loopt via Iris Mulder (Bloei Talent).", ..DEAL },
    Deal { campaign: "zomer", creator: "Milan Kok", kind: "gifted", status: "active", gift: "124,80", agreed: Some(d(-24)),
        notes: "Pakket is binnen, nog geen post.", ..DEAL },
    Deal { campaign: "zomer", creator: "Layla Haddou", kind: "affiliate", status: "active", gift: "60,85", commission: "12% via LAYLA12", agreed: Some(d(-30)),
        notes: "Geen script, alleen de kernpunten.", ..DEAL },
    Deal { campaign: "zomer", creator: "Emma Peeters", kind: "paid", status: "agreed", fee: "350", gift: "87,85", agreed: Some(d(-9)), ..DEAL },
    Deal { campaign: "zomer", creator: "Roos van den Berg", kind: "gifted", status: "active", gift: "52,85", agreed: Some(d(-21)), ..DEAL },
    Deal { campaign: "zomer", creator: "Sofie Hendrickx", kind: "paid", status: "active", fee: "1450", gift: "112,85", agreed: Some(d(-33)),
        usage: "Pinterest en Instagram, organisch", usage_until: Some(d(120)), ..DEAL },
    Deal { campaign: "zomer", creator: "Mehmet Yılmaz", kind: "paid", notes: "Vraagt €1.500 per reel; ons bod volgt na de BBQ-test.", ..DEAL },
    Deal { campaign: "zomer", creator: "Amira Benali", kind: "paid", fee: "250", ..DEAL },
    Deal { campaign: "zomer", creator: "Yara El Amrani", kind: "gifted", status: "agreed", gift: "48,85", agreed: Some(d(-6)),
        notes: "Wil eerst de SPF-stick een week proberen.", ..DEAL },
    Deal { campaign: "zomer", creator: "Lisa Schmidt", kind: "affiliate", status: "agreed", commission: "10% via LISA10", agreed: Some(d(-30)),
        notes: "Seit der Zusage nichts mehr gehört.", ..DEAL },
    // Back to School: starts next month.
    Deal { campaign: "school", creator: "Noor Hendriks", kind: "gifted", status: "agreed", gift: "109,80", agreed: Some(d(-13)), ..DEAL },
    Deal { campaign: "school", creator: "Pieter de Wit", kind: "gifted", status: "agreed", gift: "84,85", agreed: Some(d(-16)),
        notes: "Product + een overnachting op Texel voor de shoot; geen fee.", ..DEAL },
    Deal { campaign: "school", creator: "Daan Visser", kind: "hybrid", fee: "900", commission: "10% via DAAN10", ..DEAL },
    Deal { campaign: "school", creator: "Elif Demir", kind: "gifted", gift: "69,90", ..DEAL },
    Deal { campaign: "school", creator: "Grace O'Connor", kind: "affiliate", commission: "12% via GRACE12", ..DEAL },
    Deal { campaign: "school", creator: "Tim van Dijk", kind: "gifted", gift: "44,90", ..DEAL },
    // Zon Ambassadors: six months, one post a month.
    Deal { campaign: "ambassadors", creator: "Priya Raman", kind: "paid", status: "active", fee: "5400", gift: "75,80", agreed: Some(d(-85)),
        usage: "Instagram, YouTube, website", usage_until: Some(m(7, 0)),
        notes: "A reel every month, one YouTube review this quarter, stories around every drop.", ..DEAL },
    Deal { campaign: "ambassadors", creator: "Sanne Bakker", kind: "hybrid", status: "active", fee: "1800", gift: "168,95",
        commission: "10% via SANNE10", agreed: Some(d(-80)), ..DEAL },
    Deal { campaign: "ambassadors", creator: "Femke Willems", kind: "affiliate", status: "active", commission: "15% via FEMKE15",
        agreed: Some(d(-78)), notes: "Reageert al een maand niet op mail.", ..DEAL },
    // Zon Bar: the festival withdrew the stand.
    Deal { campaign: "popup", creator: "Jasper Koster", kind: "gifted", status: "cancelled", gift: "62,85", agreed: Some(d(-210)), ..DEAL },
    Deal { campaign: "popup", creator: "Ruben Meijer", kind: "gifted", status: "cancelled", gift: "42,90", agreed: Some(d(-208)), ..DEAL },
    Deal { campaign: "popup", creator: "Bas Hermans", kind: "paid", status: "cancelled", fee: "300", ..DEAL },
];

#[rustfmt::skip]
const POSTS: &[Post] = &[
    Post("spring", "Siobhán Kelly", "instagram", "reel", d(-260), "verified", ALL, "story"),
    Post("spring", "Siobhán Kelly", "instagram", "reel", d(-240), "verified", ALL, "story,cta"),
    Post("spring", "Siobhán Kelly", "instagram", "story", d(-240), "published", ALL, "cta"),
    Post("spring", "Sanne Bakker", "instagram", "reel", d(-258), "verified", ALL, "story"),
    Post("spring", "Sanne Bakker", "instagram", "story", d(-258), "published", ALL, "cta"),
    Post("spring", "Sanne Bakker", "instagram", "reel", d(-245), "verified", ALL, "story"),
    Post("spring", "Sanne Bakker", "instagram", "reel", d(-230), "published", NO_AD, "story"),
    Post("spring", "Sanne Bakker", "instagram", "story", d(-230), "published", ALL, ""),
    Post("spring", "Noor Hendriks", "instagram", "post", d(-250), "verified", ALL, "story"),
    Post("spring", "Noor Hendriks", "blog", "blog", d(-236), "published", ALL, "story,cta"),
    Post("spring", "Jesse de Boer", "instagram", "story", d(-252), "published", ALL, "faceless"),
    Post("spring", "Jesse de Boer", "instagram", "story", d(-225), "missed", NONE, ""),
    Post("spring", "Eva Mulder", "instagram", "reel", d(-248), "verified", ALL, "story"),
    Post("spring", "Eva Mulder", "instagram", "story", d(-248), "published", NO_AD, ""),
    Post("zomer", "Anouk Vos", "instagram", "carousel", d(-14), "verified", ALL, "story"),
    Post("zomer", "Anouk Vos", "instagram", "reel", d(-7), "published", ALL, "story"),
    Post("zomer", "Anouk Vos", "instagram", "story", d(1), "approved", ALL, ""),
    Post("zomer", "Anouk Vos", "instagram", "reel", d(3), "submitted", ALL, ""),
    Post("zomer", "Anouk Vos", "instagram", "carousel", d(12), "planned", NONE, ""),
    Post("zomer", "Anouk Vos", "tiktok", "short", d(20), "planned", NONE, ""),
    Post("zomer", "Fleur de Jong", "instagram", "reel", d(-10), "verified", ALL, "story,faceless"),
    Post("zomer", "Fleur de Jong", "tiktok", "short", d(-3), "in_production", NONE, ""),
    Post("zomer", "Fleur de Jong", "instagram", "reel", d(5), "changes_requested", NO_AD, ""),
    Post("zomer", "Fleur de Jong", "tiktok", "short", d(25), "planned", NONE, ""),
    Post("zomer", "Milan Kok", "instagram", "reel", d(-2), "planned", NONE, ""),
    Post("zomer", "Layla Haddou", "tiktok", "short", d(-5), "published", NO_AD, "story"),
    Post("zomer", "Layla Haddou", "instagram", "story", d(2), "planned", NONE, ""),
    Post("zomer", "Layla Haddou", "tiktok", "short", d(16), "planned", NONE, ""),
    Post("zomer", "Emma Peeters", "tiktok", "short", d(6), "in_production", NONE, ""),
    Post("zomer", "Roos van den Berg", "instagram", "reel", d(4), "planned", NONE, ""),
    Post("zomer", "Roos van den Berg", "instagram", "story", d(4), "planned", NONE, ""),
    Post("zomer", "Sofie Hendrickx", "pinterest", "post", d(-12), "published", ALL, "faceless"),
    Post("zomer", "Sofie Hendrickx", "instagram", "carousel", d(-9), "verified", ALL, "story,faceless"),
    Post("zomer", "Sofie Hendrickx", "instagram", "story", d(8), "planned", NONE, ""),
    Post("zomer", "Yara El Amrani", "tiktok", "short", d(9), "planned", NONE, ""),
    Post("zomer", "Lisa Schmidt", "pinterest", "post", d(-6), "planned", NONE, ""),
    Post("zomer", "Lisa Schmidt", "blog", "blog", d(14), "planned", NONE, ""),
    Post("zomer", "Mehmet Yılmaz", "tiktok", "short", d(21), "planned", NONE, ""),
    Post("zomer", "Amira Benali", "instagram", "reel", d(24), "planned", NONE, ""),
    Post("school", "Noor Hendriks", "instagram", "post", m(1, 7), "planned", NONE, ""),
    Post("school", "Noor Hendriks", "blog", "blog", m(1, 14), "planned", NONE, ""),
    Post("school", "Pieter de Wit", "instagram", "carousel", m(1, 5), "planned", NONE, ""),
    Post("school", "Pieter de Wit", "blog", "blog", m(1, 12), "planned", NONE, ""),
    Post("school", "Daan Visser", "youtube", "video", m(1, 20), "planned", NONE, ""),
    Post("ambassadors", "Priya Raman", "youtube", "video", m(0, 18), "in_production", NONE, ""),
    Post("popup", "Jasper Koster", "instagram", "story", d(-190), "missed", NONE, ""),
];

#[rustfmt::skip]
const SERIES: &[Series] = &[
    Series("ambassadors", "Priya Raman", "instagram", "reel", m(-2, 4), &["verified", "published"]),
    Series("ambassadors", "Sanne Bakker", "instagram", "reel", m(-2, 10), &["verified", "published", "submitted"]),
    Series("ambassadors", "Femke Willems", "instagram", "post", m(-2, -3), &["published", "published"]),
];

#[rustfmt::skip]
const GIFTS: &[Gift] = &[
    Gift("spring", "Sanne Bakker", "delivered", "PostNL", "3SZONB4172638", Some(d(-275)), Some(d(-274)), &[("ZON-LIN-SET", 1), ("ZON-DC30-50", 2)], ""),
    Gift("spring", "Jesse de Boer", "delivered", "PostNL", "3SZONB4172901", Some(d(-270)), Some(d(-268)), &[("ZON-ZB50-100", 1), ("ZON-STK30-15", 1), ("ZON-FLES-750", 1)], ""),
    Gift("spring", "Eva Mulder", "delivered", "DHL", "JVGL05812947302614", Some(d(-266)), Some(d(-265)), &[("ZON-DC30-50", 2), ("ZON-AS-200", 1)], ""),
    Gift("zomer", "Anouk Vos", "delivered", "PostNL", "3SZONB5530187", Some(d(-22)), Some(d(-20)), &[("ZON-TAS-LIN", 1), ("ZON-DC30-50", 1), ("ZON-PET-01", 1)], "Voor de shoot in het Vondelpark."),
    Gift("zomer", "Fleur de Jong", "delivered", "DPD", "05212740385516", Some(d(-27)), Some(d(-25)), &[("ZON-ZB50-100", 2), ("ZON-STK30-15", 1), ("ZON-AS-200", 1)], "Via Bloei Talent."),
    Gift("zomer", "Milan Kok", "delivered", "PostNL", "3SZONB5530422", Some(d(-19)), Some(d(-18)), &[("ZON-FLES-750", 2), ("ZON-KOEL-12", 1), ("ZON-ZB50-100", 1)], ""),
    Gift("zomer", "Roos van den Berg", "delivered", "DHL", "JVGL05812947318820", Some(d(-17)), Some(d(-16)), &[("ZON-DC30-50", 1), ("ZON-STK30-15", 1), ("ZON-AS-200", 1)], ""),
    Gift("zomer", "Layla Haddou", "delivered", "PostNL", "3SZONB5531069", Some(d(-13)), Some(d(-12)), &[("ZON-DC30-50", 1), ("ZON-STK30-15", 1), ("ZON-PET-01", 1)], ""),
    Gift("zomer", "Sofie Hendrickx", "delivered", "bpost", "323200019482573611052044", Some(d(-31)), Some(d(-29)), &[("ZON-TAS-LIN", 1), ("ZON-KOEL-12", 1), ("ZON-DC30-50", 1)], ""),
    Gift("zomer", "Emma Peeters", "shipped", "bpost", "323200019482573611187533", Some(d(-2)), None, &[("ZON-TAS-LIN", 1), ("ZON-ZB50-100", 1), ("ZON-STK30-15", 1)], ""),
    Gift("zomer", "Yara El Amrani", "to_pack", "PostNL", "", None, None, &[("ZON-STK30-15", 2), ("ZON-DC30-50", 1)], ""),
    Gift("school", "Noor Hendriks", "to_pack", "PostNL", "", None, None, &[("ZON-KID50-150", 2), ("ZON-FLES-750", 1), ("ZON-KOEL-12", 1)], "Twee kids-SPF: voor elk van de tweeling één."),
    Gift("school", "Pieter de Wit", "to_pack", "PostNL", "", None, None, &[("ZON-KID50-150", 1), ("ZON-ZB50-100", 1), ("ZON-KOEL-12", 1)], "Texel: niet op zaterdag bezorgen."),
    Gift("ambassadors", "Priya Raman", "shipped", "DHL Express", "4829137760", Some(d(-4)), None, &[("ZON-DC30-50", 2), ("ZON-STK30-15", 1), ("ZON-AS-200", 1)], "Commercial invoice attached for UK customs."),
    Gift("ambassadors", "Sanne Bakker", "delivered", "PostNL", "3SZONB5519843", Some(d(-61)), Some(d(-60)), &[("ZON-LIN-SET", 1), ("ZON-TAS-LIN", 1)], ""),
    Gift("popup", "Jasper Koster", "returned", "PostNL", "3SZONB4980127", Some(d(-196)), Some(d(-181)), &[("ZON-ZB50-100", 1), ("ZON-STK30-15", 1), ("ZON-PET-01", 1)], "Niet opgehaald bij het PostNL-punt; retour afzender."),
    Gift("popup", "Ruben Meijer", "lost", "DPD", "05212740183392", Some(d(-197)), Some(d(-176)), &[("ZON-FLES-750", 1), ("ZON-STK30-15", 1)], "Kwijt in het DPD-depot; claim ingediend en vergoed."),
];

#[rustfmt::skip]
const CONTACTS: &[Contact] = &[
    // Building relationships before any outreach.
    Contact("Lotte Smit", "", "followed", 41, "Gevonden via #duurzaamwonen."),
    Contact("Lotte Smit", "", "commented", 33, "Op haar zondagse-markt-post."),
    Contact("Lotte Smit", "", "commented", 12, ""),
    Contact("Isabel Janssens", "", "followed", 60, ""),
    Contact("Isabel Janssens", "", "commented", 25, "Linnen bord, mooie foto's."),
    Contact("Zeynep Arslan", "", "commented", 14, ""),
    Contact("Kevin Smits", "", "followed", 50, ""),
    Contact("Nina Kowalski", "", "followed", 7, ""),
    Contact("Chloé Dubois", "", "followed", 90, "Pas benaderen bij de FR-lancering."),
    Contact("Sophie Claes", "", "dm", 21, "Compliment voor haar SPF-in-de-winter-serie."),
    Contact("Sophie Claes", "", "email", 9, "Mediakit opgevraagd."),
    Contact("Bram Jansen", "", "email", 20, "Idee: hoe lang gaat de powerbank mee?"),
    Contact("Marta García", "", "dm", 15, "Asked about the summer drop."),
    Contact("Marta García", "", "email", 8, "Waiting for her rates."),
    Contact("Julia Hoffmann", "", "email", 18, "Tegenvoorstel: 1 reel + 1 video."),
    Contact("Julia Hoffmann", "", "call", 6, "Met Max Becker (Alpen Talent)."),
    Contact("Ahmed Haddad", "", "meeting", 11, "Met Sara Lemmens in Antwerpen: broodtrommel-idee."),
    Contact("Maya Cohen", "", "email", 45, "Via Northlight Talent: earliest slot Q1."),
    Contact("Lukas Schneider", "", "email", 120, "Declined: paid reviews only."),
    // Inside collaborations.
    Contact("Siobhán Kelly", "spring", "email", 205, "Wrap-up: stats received, thanks sent."),
    Contact("Anouk Vos", "zomer", "meeting", 35, "Briefing en shootplanning."),
    Contact("Anouk Vos", "zomer", "call", 8, "Reel 2 besproken."),
    Contact("Anouk Vos", "zomer", "dm", 3, "Story-planning deze week."),
    Contact("Fleur de Jong", "zomer", "email", 40, "Voorstel via Iris."),
    Contact("Fleur de Jong", "zomer", "email", 4, "Herinnering: de TikTok is te laat."),
    Contact("Milan Kok", "zomer", "dm", 9, "Pakket binnen? Nog geen post gezien."),
    Contact("Layla Haddou", "zomer", "dm", 30, "Kernpunten gestuurd, geen script."),
    Contact("Emma Peeters", "zomer", "email", 10, "Voorstel en tarief bevestigd."),
    Contact("Emma Peeters", "zomer", "call", 5, ""),
    Contact("Roos van den Berg", "zomer", "dm", 20, ""),
    Contact("Sofie Hendrickx", "zomer", "email", 33, "Contract getekend."),
    Contact("Mehmet Yılmaz", "zomer", "call", 6, "Met Koen Dekker (Smaakmakers)."),
    Contact("Amira Benali", "zomer", "email", 12, "Voorstel: €250 per reel + product."),
    Contact("Yara El Amrani", "zomer", "dm", 19, "Reageerde positief."),
    Contact("Yara El Amrani", "zomer", "dm", 5, "Adres bevestigd."),
    Contact("Lisa Schmidt", "zomer", "email", 26, "Zusage per Mail."),
    Contact("Noor Hendriks", "school", "email", 13, "Voorstel gestuurd."),
    Contact("Noor Hendriks", "school", "call", 4, "Akkoord; pakket volgt."),
    Contact("Pieter de Wit", "school", "call", 16, ""),
    Contact("Daan Visser", "school", "meeting", 10, "Tegenbod: €900 + 10% affiliate."),
    Contact("Elif Demir", "school", "dm", 3, "Lunchbox-pakket voorgesteld."),
    Contact("Grace O'Connor", "school", "email", 11, "Sent the affiliate terms."),
    Contact("Tim van Dijk", "school", "dm", 8, ""),
    Contact("Priya Raman", "ambassadors", "meeting", 70, "Kick-off call with Hannah Cole."),
    Contact("Priya Raman", "ambassadors", "call", 15, "YouTube review planned."),
    Contact("Sanne Bakker", "ambassadors", "dm", 3, ""),
    Contact("Femke Willems", "ambassadors", "email", 34, "Vraag naar de post van deze maand."),
    Contact("Jasper Koster", "popup", "email", 181, "Pop-up afgelast; pakket kwam retour."),
];

/// Writes the tables, remembering the ids they name each other by.
struct Writer<'a> {
    ws: &'a mut Workspace,
    today: NaiveDate,
    /// Campaign key → (id, starts, ends).
    campaigns: HashMap<&'static str, (i64, NaiveDate, NaiveDate)>,
    /// (campaign key, creator) → collaboration id.
    deals: HashMap<(&'static str, &'static str), i64>,
    written: Written,
}

impl Writer<'_> {
    fn day(&self, when: When) -> String {
        when.on(self.today).to_string()
    }

    fn campaign(&mut self, c: &CampaignSeed) -> Result<()> {
        let draft = CampaignDraft {
            name: c.name.into(),
            goal: c.goal.into(),
            starts_on: self.day(c.starts),
            ends_on: self.day(c.ends),
            budget: c.budget.into(),
            niche: c.niche.into(),
            target_audience: c.audience.into(),
            brief: c.brief.into(),
            dos: c.dos.into(),
            donts: c.donts.into(),
            required_hashtags: c.hashtags.into(),
            required_mentions: c.mentions.into(),
            disclosure: c.disclosure.into(),
            utm_slug: String::new(),
            landing_url: String::new(),
            spelling: Spelling::Dutch,
        };
        let id = campaign::create(self.ws, &draft)?.id;
        self.campaigns.insert(c.key, (id, c.starts.on(self.today), c.ends.on(self.today)));
        self.written.campaigns += 1;
        Ok(())
    }

    fn creator_id(&self, name: &str) -> Result<i64> {
        let id = self.ws.conn().query_row("SELECT id FROM creators WHERE display_name = ?1", [name], |r| r.get(0));
        id.map_err(|_| demo_error(format!("the demo names “{name}”, who is not in the roster")))
    }

    fn deal_id(&self, campaign: &str, creator: &str) -> Result<i64> {
        self.deals.get(&(campaign, creator)).copied().ok_or_else(|| demo_error(format!("{creator} has no collaboration in “{campaign}”")))
    }

    /// Adds the collaboration; one that ends completed or cancelled starts as it was agreed.
    fn deal(&mut self, deal: &Deal) -> Result<()> {
        let &(campaign_id, starts, ends) = self.campaigns.get(deal.campaign).ok_or_else(|| demo_error(format!("no campaign “{}”", deal.campaign)))?;
        let status = match deal.status {
            "completed" => "active",
            "cancelled" if deal.agreed.is_some() => "agreed",
            "cancelled" => "proposed",
            s => s,
        };
        let signed = deal.agreed.filter(|_| deal.kind != "gifted").map(|w| self.day(w)).unwrap_or_default();
        let draft = CollaborationDraft {
            campaign_id,
            creator_id: self.creator_id(deal.creator)?,
            kind: deal.kind.into(),
            status: status.into(),
            fee: deal.fee.into(),
            gift_value: deal.gift.into(),
            commission_terms: deal.commission.into(),
            starts_on: starts.to_string(),
            ends_on: ends.to_string(),
            usage_channels: deal.usage.into(),
            usage_until: deal.usage_until.map(|w| self.day(w)).unwrap_or_default(),
            usage_exclusive: deal.exclusive,
            contract_signed_on: signed,
            contract_path: String::new(),
            notes: deal.notes.into(),
            spelling: Spelling::Dutch,
        };
        let id = collaboration::create(self.ws, &draft)?.id;
        self.deals.insert((deal.campaign, deal.creator), id);
        self.written.collaborations += 1;
        Ok(())
    }

    fn post(&mut self, p: &Post) -> Result<()> {
        let &Post(campaign, creator, platform, format, due, status, ticks, traits) = p;
        let draft = DeliverableDraft {
            collaboration_id: self.deal_id(campaign, creator)?,
            platform: platform.into(),
            format: format.into(),
            due_on: self.day(due),
            ..Default::default()
        };
        let planned = deliverable::create(self.ws, &draft)?;
        self.written.deliverables += 1;
        self.advance(planned, creator, status, ticks, traits)
    }

    fn series(&mut self, s: &Series) -> Result<()> {
        let &Series(campaign, creator, platform, format, first, statuses) = s;
        let until = self.campaigns.get(campaign).map(|c| c.2.to_string()).unwrap_or_default();
        let draft = DeliverableDraft {
            collaboration_id: self.deal_id(campaign, creator)?,
            platform: platform.into(),
            format: format.into(),
            due_on: self.day(first),
            ..Default::default()
        };
        let months = deliverable::create_series(self.ws, &draft, Some(&until))?;
        self.written.deliverables += months.len() as u64;
        for (planned, status) in months.into_iter().zip(statuses.iter()) {
            let live = matches!(*status, "published" | "verified");
            self.advance(planned, creator, status, if live { ALL } else { NONE }, if live { "story" } else { "" })?;
        }
        Ok(())
    }

    /// Moves a planned deliverable on to `status` as the window would: a live post gets its
    /// link and time (the due day, in the evening), and is verified only once published.
    fn advance(&mut self, planned: Deliverable, creator: &str, status: &str, (hashtags, mentions, disclosure): Ticks, traits: &str) -> Result<()> {
        if status == "planned" {
            return Ok(());
        }
        let live = matches!(status, "published" | "verified");
        let judged = !traits.is_empty();
        let mut draft = planned.draft.clone();
        draft.status = if status == "verified" { "published".into() } else { status.into() };
        draft.has_hashtags = hashtags;
        draft.has_mentions = mentions;
        draft.has_disclosure = disclosure;
        draft.call_to_action = judged.then(|| traits.contains("cta"));
        draft.storytelling = judged.then(|| traits.contains("story"));
        draft.faceless = judged.then(|| traits.contains("faceless"));
        if live {
            let handle = handle_of(creator, planned.platform)?;
            let seed = super::fnv(&format!("{handle}/{}/{}", planned.due_on, planned.format));
            draft.post_url = post_url(planned.platform, planned.format, handle, seed);
            draft.published_at = format!("{}T{}", planned.due_on, ["08:15", "12:30", "17:45", "19:30", "20:10"][(seed % 5) as usize]);
        }
        let saved = deliverable::update(self.ws, planned.id, planned.revision, &draft)?;
        if status == "verified" {
            let mut draft = saved.draft.clone();
            draft.status = "verified".into();
            deliverable::update(self.ws, saved.id, saved.revision, &draft)?;
        }
        Ok(())
    }

    /// A gift addressed as the window addresses it (from the creator's details), with its
    /// products, carrier and dates.
    fn gift(&mut self, g: &Gift) -> Result<()> {
        let &Gift(campaign, creator, status, carrier, tracking, shipped, arrived, items, notes) = g;
        let mut draft = gifting::new_draft(self.ws, self.deal_id(campaign, creator)?)?;
        draft.status = status.into();
        draft.carrier = carrier.into();
        draft.tracking_number = tracking.into();
        draft.shipped_on = shipped.map(|w| self.day(w)).unwrap_or_default();
        let arrived = arrived.map(|w| self.day(w)).unwrap_or_default();
        match status {
            "delivered" => draft.delivered_on = arrived,
            "returned" | "lost" => draft.closed_on = arrived,
            _ => {}
        }
        draft.notes = notes.into();
        draft.items = items
            .iter()
            .map(|&(sku, quantity)| {
                let &(sku, name, cost, retail) = PRODUCTS.iter().find(|p| p.0 == sku).ok_or_else(|| demo_error(format!("no product {sku}")))?;
                Ok(GiftItemDraft { name: name.into(), sku: sku.into(), quantity: quantity.to_string(), unit_cost: cost.into(), unit_retail: retail.into() })
            })
            .collect::<Result<_>>()?;
        draft.spelling = Spelling::Dutch;
        gifting::create(self.ws, &draft)?;
        self.written.shipments += 1;
        Ok(())
    }

    /// Completes or cancels a collaboration whose work is done.
    fn close(&mut self, deal: &Deal) -> Result<()> {
        if !matches!(deal.status, "completed" | "cancelled") {
            return Ok(());
        }
        let current = collaboration::get(self.ws, self.deal_id(deal.campaign, deal.creator)?)?;
        let mut draft = current.draft.clone();
        draft.status = deal.status.into();
        collaboration::update(self.ws, current.id, current.revision, &draft)?;
        Ok(())
    }

    fn contact(&mut self, c: &Contact) -> Result<()> {
        let &Contact(creator, campaign, kind, days_ago, notes) = c;
        let collaboration_id = if campaign.is_empty() { None } else { Some(self.deal_id(campaign, creator)?) };
        let happened_on = self.today.checked_sub_days(Days::new(days_ago.max(1))).unwrap_or(self.today).to_string();
        outreach::add(self.ws, &TouchpointDraft { creator_id: self.creator_id(creator)?, collaboration_id, kind: kind.into(), happened_on, notes: notes.into() })?;
        self.written.touchpoints += 1;
        Ok(())
    }

    /// Sets `agreed_on` to the table's day and `last_activity_on` to the latest dated thing in
    /// the collaboration's history (a touchpoint, a post going live, a parcel moving, the
    /// agreement), or the day it was agreed or its campaign starts when nothing is dated.
    fn settle_dates(&mut self, deal: &Deal) -> Result<()> {
        let id = self.deal_id(deal.campaign, deal.creator)?;
        let agreed = deal.agreed.map(|w| self.day(w));
        let start = self.campaigns.get(deal.campaign).map(|c| c.1.min(self.today).to_string()).unwrap_or_default();
        self.ws.write(|tx| {
            tx.execute(
                "UPDATE collaborations SET
                     agreed_on = CASE WHEN agreed_on IS NULL THEN NULL ELSE ?2 END,
                     last_activity_on = coalesce((SELECT max(day) FROM (
                         SELECT happened_on AS day FROM touchpoints WHERE collaboration_id = ?1
                         UNION ALL SELECT substr(published_at, 1, 10) FROM deliverables WHERE collaboration_id = ?1
                         UNION ALL SELECT shipped_on FROM gift_shipments WHERE collaboration_id = ?1
                         UNION ALL SELECT delivered_on FROM gift_shipments WHERE collaboration_id = ?1
                         UNION ALL SELECT closed_on FROM gift_shipments WHERE collaboration_id = ?1
                         UNION ALL SELECT ?2)), ?3)
                 WHERE id = ?1",
                rusqlite::params![id, agreed, start],
            )?;
            Ok(())
        })
    }
}

/// The creator's handle on `platform`, from the roster table.
fn handle_of(creator: &str, platform: Platform) -> Result<&'static str> {
    CREATORS
        .iter()
        .filter(|s| s.name == creator)
        .flat_map(|s| s.handles.iter())
        .find(|h| Platform::parse(h.0) == Some(platform))
        .map(|h| h.1)
        .ok_or_else(|| demo_error(format!("{creator} has no {} handle", platform.label())))
}

/// A link to a post as the platform shapes it, with made-up ids that are the same every time.
fn post_url(platform: Platform, format: ContentFormat, handle: &str, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    const CODE: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    let code: String = (0..11).map(|_| CODE[rng.below(CODE.len() as u64) as usize] as char).collect();
    let number: String = std::iter::once('7').chain((0..18).map(|_| char::from(b'0' + rng.below(10) as u8))).collect();
    match (platform, format) {
        (Platform::Instagram, ContentFormat::Reel) => format!("https://www.instagram.com/reel/{code}/"),
        (Platform::Instagram, ContentFormat::Story) => format!("https://www.instagram.com/stories/{handle}/{number}/"),
        (Platform::Instagram, _) => format!("https://www.instagram.com/p/{code}/"),
        (Platform::Tiktok, _) => format!("https://www.tiktok.com/@{handle}/video/{number}"),
        (Platform::Youtube, ContentFormat::Short) => format!("https://www.youtube.com/shorts/{code}"),
        (Platform::Youtube, _) => format!("https://www.youtube.com/watch?v={code}"),
        (Platform::Pinterest, _) => format!("https://www.pinterest.com/pin/{}/", &number[..18]),
        (Platform::X, _) => format!("https://x.com/{handle}/status/{number}"),
        (Platform::Twitch, _) => format!("https://www.twitch.tv/videos/{}", &number[..10]),
        (Platform::Blog, _) => format!("https://{handle}.example.nl/studio-zon-{}", &code[..6].to_lowercase()),
        (Platform::Other, _) => String::new(),
    }
}

/// The demo tables contradict themselves: a bug in this file, caught by its tests.
fn demo_error(message: String) -> Error {
    Error::BadFile(format!("The demo data is inconsistent: {message}."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaigns::board::{campaign_list, Phase};
    use crate::campaigns::today::today;

    /// The demo roster and campaigns, written as if `day` were today.
    fn demo_on(day: NaiveDate) -> Workspace {
        let mut ws = Workspace::in_memory(&super::super::settings()).unwrap();
        ws.set_actor(crate::workspace::Actor::Demo);
        super::super::write_roster(&mut ws).unwrap();
        write(&mut ws, day).unwrap();
        ws
    }

    fn strings(ws: &Workspace, sql: &str) -> Vec<String> {
        ws.conn().prepare(sql).unwrap().query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn today_has_something_in_every_section() {
        let day = crate::campaigns::fields::local_today();
        let t = today(&demo_on(day), day).unwrap();
        let totals = [
            ("overdue", t.overdue.total),
            ("due this week", t.due_this_week.total),
            ("gifts to ship", t.gifts_to_ship.total),
            ("gifts without a post", t.gifts_without_post.total),
            ("usage rights expiring", t.usage_expiring.total),
            ("idle", t.idle.total),
        ];
        assert_eq!(totals, [("overdue", 4), ("due this week", 8), ("gifts to ship", 3), ("gifts without a post", 2), ("usage rights expiring", 2), ("idle", 2)]);
        let idle: Vec<&str> = t.idle.items.iter().map(|i| i.collaboration.creator_name.as_str()).collect();
        assert_eq!(idle, ["Femke Willems", "Lisa Schmidt"], "longest idle first");
        let quiet: Vec<&str> = t.gifts_without_post.items.iter().map(|i| i.collaboration.creator_name.as_str()).collect();
        assert_eq!(quiet, ["Milan Kok", "Roos van den Berg"]);
        assert!(t.gifts_without_post.items.iter().all(|i| i.days >= 14));
    }

    #[test]
    fn every_month_end_and_leap_day_gives_the_same_picture() {
        // Month arithmetic is where a "due in four days" could slip into next week.
        for day in ["2025-01-31", "2025-03-01", "2024-02-29", "2025-08-31", "2025-12-31", "2026-06-15"].map(date) {
            let t = today(&demo_on(day), day).unwrap();
            let totals = [t.overdue.total, t.due_this_week.total, t.gifts_to_ship.total, t.gifts_without_post.total, t.usage_expiring.total, t.idle.total];
            assert_eq!(totals, [4, 8, 3, 2, 2, 2], "on {day}");
        }
    }

    #[test]
    fn campaigns_cover_every_phase_kind_status_and_carrier() {
        let day = date("2026-06-15");
        let ws = demo_on(day);
        let list = campaign_list(&ws, day).unwrap();
        let phases: Vec<(&str, Phase)> = list.iter().map(|c| (c.name.as_str(), c.phase)).collect();
        assert_eq!(
            phases,
            [
                ("Back to School: SPF in je rugzak", Phase::Upcoming),
                ("Zomer in de stad", Phase::Running),
                ("Zon Ambassadors — 6 months", Phase::Running),
                ("Zon Bar festival pop-up", Phase::Ended),
                ("Spring Glow — SPF elke dag", Phase::Ended),
            ]
        );
        let count = |sql: &str| -> i64 { ws.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(count("SELECT count(*) FROM collaborations"), 28);
        assert_eq!(count("SELECT count(*) FROM deliverables"), 64);
        assert_eq!(count("SELECT count(*) FROM gift_shipments"), 17);
        assert_eq!(count("SELECT count(*) FROM touchpoints"), 48);
        assert_eq!(count("SELECT count(*) FROM deliverables WHERE collaboration_id IN (SELECT id FROM collaborations WHERE campaign_id = (SELECT id FROM campaigns WHERE utm_slug = 'zon-ambassadors-6-months'))"), 19, "monthly posts for six months");
        for (sql, all) in [
            ("SELECT DISTINCT kind FROM collaborations ORDER BY 1", "affiliate gifted hybrid paid"),
            ("SELECT DISTINCT status FROM collaborations ORDER BY 1", "active agreed cancelled completed proposed"),
            ("SELECT DISTINCT status FROM deliverables ORDER BY 1", "approved changes_requested in_production missed planned published submitted verified"),
            ("SELECT DISTINCT status FROM gift_shipments ORDER BY 1", "delivered lost returned shipped to_pack"),
            ("SELECT DISTINCT kind FROM touchpoints ORDER BY 1", "call commented dm email followed meeting"),
            ("SELECT DISTINCT carrier FROM gift_shipments ORDER BY 1", "DHL DHL Express DPD PostNL bpost"),
        ] {
            assert_eq!(strings(&ws, sql).join(" "), all, "{sql}");
        }
        assert!(list.iter().all(|c| c.budget.minor > 0 && c.committed.minor <= c.budget.minor), "every campaign within its budget");
        let mismatched = strings(
            &ws,
            "SELECT c.id || '' FROM collaborations c JOIN gift_shipments s ON s.collaboration_id = c.id JOIN gift_items i ON i.shipment_id = s.id
             GROUP BY c.id HAVING sum(i.quantity * i.unit_retail_minor) <> c.gift_value_minor",
        );
        assert!(mismatched.is_empty(), "the agreed gift value is what the parcels hold: {mismatched:?}");
    }

    #[test]
    fn nothing_is_dated_where_the_rules_or_the_calendar_forbid() {
        let day = date("2026-06-15");
        let ws = demo_on(day);
        let yesterday = "2026-06-14".to_string();
        assert!(strings(&ws, "SELECT happened_on FROM touchpoints").iter().all(|d| *d <= yesterday), "contact is logged once it took place");
        assert!(strings(&ws, "SELECT published_at FROM deliverables WHERE published_at IS NOT NULL").iter().all(|d| d[..10] < *"2026-06-15"));
        let parcels = strings(&ws, "SELECT coalesce(shipped_on, '') || ' ' || coalesce(delivered_on, closed_on, '') FROM gift_shipments WHERE status <> 'to_pack'");
        assert!(parcels.iter().all(|p| p.as_str() < "2026-06-15" && p.split(' ').filter(|d| !d.is_empty()).all(|d| d < "2026-06-15")), "{parcels:?}");
        let activity = strings(&ws, "SELECT last_activity_on || ' ' || coalesce(agreed_on, '') FROM collaborations");
        assert!(activity.iter().all(|a| a.split(' ').filter(|d| !d.is_empty()).all(|d| d < "2026-06-15")), "months-old work does not look done today: {activity:?}");
        assert_eq!(strings(&ws, "SELECT count(*) || '' FROM creators WHERE last_contact_on IS NOT NULL"), ["35"], "the roster's last-contact column is alive");
    }

    #[test]
    fn live_posts_link_to_the_creators_own_profiles_and_gifts_go_to_their_addresses() {
        let ws = demo_on(date("2026-06-15"));
        let posts = strings(&ws, "SELECT p.display_name || '|' || d.platform || '|' || d.post_url FROM deliverables d JOIN collaborations c ON c.id = d.collaboration_id JOIN creators p ON p.id = c.creator_id WHERE d.status IN ('published', 'verified')");
        assert_eq!(posts.len(), 25);
        for line in &posts {
            let [name, platform, url] = line.split('|').collect::<Vec<_>>()[..] else { panic!("{line}") };
            assert!(crate::roster::validate::is_web_url(url), "{line}");
            let handle = handle_of(name, Platform::parse(platform).unwrap()).unwrap();
            let host_ok = match platform {
                "instagram" => url.starts_with("https://www.instagram.com/"),
                "tiktok" => url.starts_with(&format!("https://www.tiktok.com/@{handle}/video/7")),
                "youtube" => url.starts_with("https://www.youtube.com/"),
                "pinterest" => url.starts_with("https://www.pinterest.com/pin/"),
                "blog" => url.starts_with(&format!("https://{handle}.example.nl/")),
                _ => false,
            };
            assert!(host_ok, "{line}");
        }
        let unaddressed = strings(&ws, "SELECT recipient_name FROM gift_shipments WHERE postal_address = '' OR city = '' OR country = ''");
        assert!(unaddressed.is_empty(), "{unaddressed:?}");
        let sent_without_tracking = strings(&ws, "SELECT recipient_name FROM gift_shipments WHERE status <> 'to_pack' AND tracking_number = ''");
        assert!(sent_without_tracking.is_empty());
    }

    #[test]
    fn every_date_in_the_tables_moves_with_today() {
        assert_eq!(d(-3).on(date("2026-03-01")), date("2026-02-26"));
        assert_eq!(m(1, 0).on(date("2026-01-31")), date("2026-02-28"), "a shorter month ends on its last day");
        assert_eq!(m(-2, 4).on(date("2026-06-15")), date("2026-04-19"));
    }
}
