//! What worked, read from the workspace: every published post's newest counts (of one campaign
//! or all), grouped by creator, tier, format, deal type, niche match, call to action,
//! storytelling or faceless content; each group's mean and median engagement beside the
//! benchmark it has; and the article's contrasts (gifted against paid, niche match against
//! not, no call to action against one) measured and said.
//!
//! Contract:
//! - A post's engagement rate divides by its platform's basis, the workspace's choice
//!   ([`engagement_basis`]); a group of several platforms says which basis each used.
//! - A post's tier is that of its followers at posting time, under the workspace's tier
//!   bounds; a post without them has no tier (and is listed as such, not guessed).
//! - A trait not yet judged (`call_to_action` unset) puts a post in no group of that trait;
//!   niche match needs the campaign's niche (then: does the creator list it?).
//! - Figures are [`Figure`]s: a group without usable posts says why, never 0.

use super::aggregates::{mean, median, LeftOut};
use super::benchmarks::{compare, deal_benchmark, format_benchmark, no_format_benchmark, no_tier_benchmark, tier_benchmark, Comparison};
use super::formulas::{engagement_rate, Basis, PostCounts};
use super::rate::{relative_difference, words, Figure, NotEnoughData, Ratio};
use super::results::FollowersFrom;
use crate::campaigns::CollaborationKind;
use crate::error::{Error, Result};
use crate::numbers::Spelling;
use crate::roster::model::{text_enum, ContentFormat, Platform};
use crate::roster::tiers::Tier;
use crate::workspace::{audit, Workspace};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

text_enum!(
    /// How posts are grouped.
    GroupBy {
        Creator = "creator", "Creator";
        Tier = "tier", "Tier";
        Format = "format", "Format";
        Kind = "kind", "Deal type";
        NicheMatch = "niche_match", "Niche match";
        Cta = "cta", "Call to action";
        Storytelling = "storytelling", "Storytelling";
        Faceless = "faceless", "Faceless content";
    }
);

impl GroupBy {
    /// Also `niche-match` as the command line writes it.
    pub fn parse_loose(text: &str) -> Option<GroupBy> {
        GroupBy::parse(&text.replace('-', "_"))
    }
}

/// A published post with its newest counts and what it can be grouped by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PostFacts {
    pub deliverable_id: i64,
    pub campaign_id: i64,
    pub creator_id: i64,
    pub creator: String,
    pub platform: Platform,
    pub format: ContentFormat,
    pub kind: CollaborationKind,
    pub niche_match: Option<bool>,
    pub call_to_action: Option<bool>,
    pub storytelling: Option<bool>,
    pub faceless: Option<bool>,
    pub posted_on: Option<NaiveDate>,
    pub post_url: String,
    /// `None` when the post has no results yet.
    pub counts: Option<PostCounts>,
    pub followers_from: FollowersFrom,
    pub basis: Basis,
    pub tier: Option<Tier>,
    /// The engagement rate by the platform's basis, or why there is none: worked out once, when
    /// the post is read.
    pub rate: Figure<Ratio>,
}

/// The workspace's basis per platform.
pub fn engagement_basis(conn: &Connection) -> Result<BTreeMap<Platform, Basis>> {
    let mut st = conn.prepare_cached("SELECT platform, basis FROM engagement_basis")?;
    let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut out: BTreeMap<Platform, Basis> = Platform::ALL.iter().map(|p| (*p, Basis::Followers)).collect();
    for row in rows {
        let (platform, basis) = row?;
        if let (Some(p), Some(b)) = (Platform::parse(&platform), basis_named(&basis)) {
            out.insert(p, b);
        }
    }
    Ok(out)
}

/// `followers`, `reach` or `views`.
pub fn basis_named(text: &str) -> Option<Basis> {
    Basis::ALL.into_iter().find(|b| basis_text(*b) == text.trim().to_ascii_lowercase())
}

pub fn basis_text(basis: Basis) -> &'static str {
    match basis {
        Basis::Followers => "followers",
        Basis::Reach => "reach",
        Basis::Views => "views",
    }
}

/// Changes which count a platform's engagement rates divide by (audited).
pub fn set_engagement_basis(ws: &mut Workspace, platform: Platform, basis: Basis) -> Result<()> {
    let actor = ws.actor();
    ws.write(|tx| {
        tx.execute("INSERT INTO engagement_basis (platform, basis) VALUES (?1, ?2) ON CONFLICT (platform) DO UPDATE SET basis = excluded.basis", [platform.as_str(), basis_text(basis)])?;
        audit(tx, actor, "settings", None, "engagement_basis", &format!("{}: {}", platform.label(), basis_text(basis)))
    })
}

/// Every published or verified post (of `campaign`, or all), by publish time, with its newest
/// counts when it has any.
pub fn posts(conn: &Connection, campaign: Option<i64>) -> Result<Vec<PostFacts>> {
    let bases = engagement_basis(conn)?;
    let tiers = crate::workspace::settings::load(conn)?.tiers;
    // A campaign's own condition, so SQLite starts from its collaborations instead of every post.
    let which = if campaign.is_some() { "c.campaign_id = ?1" } else { "?1 IS NULL" };
    let mut st = conn.prepare_cached(&format!(
        "SELECT d.id, c.campaign_id, cr.id, cr.display_name, d.platform, d.format, c.kind,
                CASE WHEN ca.niche = '' THEN NULL ELSE EXISTS (SELECT 1 FROM creator_niches n WHERE n.creator_id = cr.id AND n.niche = lower(trim(ca.niche))) END,
                d.call_to_action, d.storytelling, d.faceless, d.published_at, d.post_url,
                p.id, p.views, p.reach, p.impressions, p.likes, p.comments, p.shares, p.saves, p.link_clicks, p.profile_follows, p.followers_at_post, p.followers_from
           FROM deliverables d
           JOIN collaborations c ON c.id = d.collaboration_id
           JOIN campaigns ca ON ca.id = c.campaign_id
           JOIN creators cr ON cr.id = c.creator_id
           LEFT JOIN post_results p ON p.deliverable_id = d.id AND p.latest = 1
          WHERE d.status IN ('published', 'verified') AND {which}"
    ))?;
    let rows = st.query_map([campaign], |r| {
        // The words are read in place, not copied into a String for each post.
        let word = |i: usize| -> rusqlite::Result<&str> { Ok(r.get_ref(i)?.as_str_or_null()?.unwrap_or_default()) };
        let platform = Platform::parse(word(4)?).unwrap_or(Platform::Other);
        let has_counts = r.get::<_, Option<i64>>(13)?.is_some();
        let counts = if has_counts { Some(super::results::counts_from(r, 14)?) } else { None };
        let flag = |i: usize| -> rusqlite::Result<Option<bool>> { Ok(r.get::<_, Option<i64>>(i)?.map(|v| v == 1)) };
        let published_at: Option<String> = r.get(11)?;
        let post = PostFacts {
            deliverable_id: r.get(0)?,
            campaign_id: r.get(1)?,
            creator_id: r.get(2)?,
            creator: r.get(3)?,
            platform,
            format: ContentFormat::parse(word(5)?).unwrap_or(ContentFormat::Post),
            kind: CollaborationKind::parse(word(6)?).unwrap_or(CollaborationKind::Paid),
            niche_match: flag(7)?,
            call_to_action: flag(8)?,
            storytelling: flag(9)?,
            faceless: flag(10)?,
            posted_on: super::results::published_day(published_at.as_deref()),
            post_url: r.get(12)?,
            tier: counts.and_then(|c: PostCounts| c.followers_at_post).map(|f| tiers.tier_for(f)),
            counts,
            followers_from: FollowersFrom::parse(word(24)?).unwrap_or(FollowersFrom::Unknown),
            basis: bases[&platform],
            rate: match &counts {
                None => Figure::lacking(NotEnoughData::NoResults),
                Some(c) => engagement_rate(c, bases[&platform]).map(|e| e.rate),
            },
        };
        Ok((published_at, post))
    })?;
    // Put in order here, not by SQLite: sorting every column of every post in SQL costs more
    // than reading them.
    let mut posts: Vec<(Option<String>, PostFacts)> = rows.collect::<rusqlite::Result<_>>()?;
    posts.sort_unstable_by(|a, b| (&a.0, a.1.deliverable_id).cmp(&(&b.0, b.1.deliverable_id)));
    Ok(posts.into_iter().map(|(_, post)| post).collect())
}

/// A post of a campaign's results grid with its engagement rate as the figures compute it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GridPost {
    #[serde(flatten)]
    pub row: super::results::GridRow,
    pub basis: Basis,
    pub engagement: Figure<Ratio>,
    /// The formula with the counts it added (`Engagement rate by followers = (likes + comments) ÷ …`),
    /// or why there is no rate, in the window's language.
    pub formula: String,
}

/// The results grid of `campaign_id`: its published posts with their newest snapshot and rate.
pub fn results_grid(conn: &Connection, campaign_id: i64, spelling: Spelling) -> Result<Vec<GridPost>> {
    let bases = engagement_basis(conn)?;
    let rows = super::results::campaign_grid(conn, campaign_id)?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let basis = bases[&row.platform];
            let rated = match &row.latest {
                None => Figure::lacking(NotEnoughData::NoResults),
                Some(s) => engagement_rate(&s.counts, basis),
            };
            let formula = match &rated {
                Figure::Value(e) => e.formula_as_used(spelling),
                Figure::NotEnoughData { reason } => reason.sentence(spelling),
            };
            GridPost { row, basis, engagement: rated.map(|e| e.rate), formula }
        })
        .collect())
}

/// A post's engagement rate by its platform's basis, or why there is none.
pub fn post_rate(post: &PostFacts) -> Figure<Ratio> {
    post.rate.clone()
}

/// One group's engagement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupFigure {
    /// A stable key: the creator's id, the tier's, format's or deal type's value, `yes` / `no`.
    pub key: String,
    pub label: String,
    /// Published posts in the group, and how many of them had usable counts.
    pub posts: usize,
    pub measured: usize,
    pub mean: Figure<Ratio>,
    pub median: Figure<Ratio>,
    /// Which basis the posts' rates divided by, each with its number of posts.
    pub bases: Vec<(Basis, usize)>,
    pub left_out: Vec<LeftOut>,
    /// The group's mean beside the article's benchmark for it, when there is one.
    pub benchmark: Option<Comparison>,
    pub benchmark_sentence: Option<String>,
    /// Said where the group has no benchmark (a format or a tier the article has none for).
    pub no_benchmark: Option<String>,
    pub totals: PostCounts,
}

/// One of the article's contrasts, measured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contrast {
    pub id: &'static str,
    pub this_label: String,
    pub that_label: String,
    /// (this mean − that mean) ÷ that mean.
    pub difference: Figure<Ratio>,
    pub benchmark: Option<Comparison>,
    /// `Gifted posts against paid ones: 18% more engagement: above the usual 12.9% more …`, or
    /// why it cannot be said.
    pub sentence: String,
}

/// The figures of one grouping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Analytics {
    pub by: GroupBy,
    pub campaign_id: Option<i64>,
    /// Which of each group's posts the figures look at.
    pub window: PostWindow,
    pub posts: usize,
    pub measured: usize,
    pub groups: Vec<GroupFigure>,
    pub contrasts: Vec<Contrast>,
}

/// Which of a group's posts its figures look at: all of them, each group's newest N (a creator's
/// last 10 posts), or those posted in the last N days up to today (both ends included).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostWindow {
    #[default]
    All,
    LastPosts(usize),
    LastDays(u32),
}

impl PostWindow {
    /// The posts of one group in the window: the newest N by day posted (on one day the later
    /// post first; a post without a day counts as oldest), or those posted from `today` − (N − 1)
    /// days to `today`; a post without a day is not in a window of days.
    fn select<'a>(self, members: Vec<&'a PostFacts>, today: NaiveDate) -> Vec<&'a PostFacts> {
        match self {
            PostWindow::All => members,
            PostWindow::LastPosts(n) => {
                let mut newest = members;
                newest.sort_by(|a, b| (b.posted_on, b.deliverable_id).cmp(&(a.posted_on, a.deliverable_id)));
                newest.truncate(n.max(1));
                newest.sort_by_key(|p| (p.posted_on, p.deliverable_id));
                newest
            }
            PostWindow::LastDays(n) => {
                let from = today.checked_sub_days(chrono::Days::new(u64::from(n.max(1)) - 1)).unwrap_or(NaiveDate::MIN);
                members.into_iter().filter(|p| p.posted_on.is_some_and(|d| from <= d && d <= today)).collect()
            }
        }
    }
}

/// The figures of `posts` grouped `by`, in `spelling`.
pub fn group(posts: &[PostFacts], by: GroupBy, spelling: Spelling) -> Vec<GroupFigure> {
    group_in(posts, by, PostWindow::All, NaiveDate::MIN, spelling)
}

/// The figures of `posts` grouped `by`, each group over its posts in `window` (as of `today`).
pub fn group_in(posts: &[PostFacts], by: GroupBy, window: PostWindow, today: NaiveDate, spelling: Spelling) -> Vec<GroupFigure> {
    let mut groups: BTreeMap<(u8, String), (String, Vec<&PostFacts>)> = BTreeMap::new();
    for post in posts {
        let Some((order, key, label)) = group_of(post, by, spelling) else { continue };
        groups.entry((order, key)).or_insert_with(|| (label, Vec::new())).1.push(post);
    }
    let mut out: Vec<GroupFigure> = groups
        .into_iter()
        .map(|((_, key), (label, members))| (key, label, window.select(members, today)))
        .filter(|(_, _, members)| !members.is_empty())
        .map(|(key, label, members)| figure_of(key, label, &members, by, spelling))
        .collect();
    if by == GroupBy::Creator {
        // Best first, those without a figure last, then by name.
        out.sort_by(|a, b| b.mean.value().cmp(&a.mean.value()).then_with(|| a.label.cmp(&b.label)));
    }
    out
}

fn yes_no(value: Option<bool>, yes: (&'static str, &'static str), no: (&'static str, &'static str), spelling: Spelling) -> Option<(u8, String, String)> {
    value.map(|v| if v { (0, "yes".to_string(), words(spelling, yes.0, yes.1).to_string()) } else { (1, "no".to_string(), words(spelling, no.0, no.1).to_string()) })
}

fn group_of(post: &PostFacts, by: GroupBy, spelling: Spelling) -> Option<(u8, String, String)> {
    match by {
        GroupBy::Creator => Some((0, post.creator_id.to_string(), post.creator.clone())),
        GroupBy::Tier => post.tier.map(|t| (tier_order(t), t.as_str().to_string(), tier_label(t, spelling).to_string())),
        GroupBy::Format => Some((format_order(post.format), post.format.as_str().to_string(), format_label(post.format, spelling).to_string())),
        GroupBy::Kind => Some((kind_order(post.kind), post.kind.as_str().to_string(), kind_label(post.kind, spelling).to_string())),
        GroupBy::NicheMatch => yes_no(post.niche_match, ("Niche match", "Niche past"), ("No niche match", "Niche past niet"), spelling),
        GroupBy::Cta => yes_no(post.call_to_action, ("With a call to action", "Met call-to-action"), ("Without a call to action", "Zonder call-to-action"), spelling),
        GroupBy::Storytelling => yes_no(post.storytelling, ("Storytelling", "Storytelling"), ("No storytelling", "Geen storytelling"), spelling),
        GroupBy::Faceless => yes_no(post.faceless, ("Faceless", "Zonder gezicht"), ("With a face", "Met gezicht"), spelling),
    }
}

fn tier_order(t: Tier) -> u8 {
    Tier::ALL.iter().position(|x| *x == t).unwrap_or(0) as u8
}

fn format_order(f: ContentFormat) -> u8 {
    ContentFormat::ALL.iter().position(|x| *x == f).unwrap_or(0) as u8
}

fn kind_order(k: CollaborationKind) -> u8 {
    CollaborationKind::ALL.iter().position(|x| *x == k).unwrap_or(0) as u8
}

/// A tier's name in the window's language.
pub fn tier_label(t: Tier, spelling: Spelling) -> &'static str {
    match (t, spelling == Spelling::Dutch) {
        (Tier::Emerging, true) => "Starter",
        (t, _) => t.label(),
    }
}

/// A format's name in the window's language.
pub fn format_label(f: ContentFormat, spelling: Spelling) -> &'static str {
    let dutch = match f {
        ContentFormat::SingleImage => "Losse foto",
        ContentFormat::Blog => "Blogpost",
        ContentFormat::Video => "Video",
        other => other.label(),
    };
    words(spelling, f.label(), dutch)
}

/// A deal type's name in the window's language.
pub fn kind_label(k: CollaborationKind, spelling: Spelling) -> &'static str {
    let dutch = match k {
        CollaborationKind::Gifted => "Gifting",
        CollaborationKind::Paid => "Betaald",
        CollaborationKind::Affiliate => "Affiliate",
        CollaborationKind::Hybrid => "Hybride",
    };
    words(spelling, k.label(), dutch)
}

fn figure_of(key: String, label: String, members: &[&PostFacts], by: GroupBy, spelling: Spelling) -> GroupFigure {
    let mut rates = Vec::new();
    let mut left_out = Vec::new();
    let mut bases: BTreeMap<u8, (Basis, usize)> = BTreeMap::new();
    let mut counted: Vec<PostCounts> = Vec::new();
    for post in members {
        let posted_on = post.posted_on.unwrap_or(NaiveDate::MIN);
        match &post.rate {
            Figure::Value(rate) => {
                rates.push(rate.clone());
                bases.entry(post.basis as u8).or_insert((post.basis, 0)).1 += 1;
                counted.extend(post.counts);
            }
            Figure::NotEnoughData { reason } => left_out.push(LeftOut { id: post.deliverable_id, posted_on, reason: *reason }),
        }
    }
    let (mean, median) = if rates.is_empty() {
        let reason = match left_out.first() {
            Some(first) if left_out.iter().all(|l| l.reason == first.reason) => first.reason,
            Some(_) => NotEnoughData::NoPostWithData,
            None => NotEnoughData::NoPosts,
        };
        (Figure::lacking(reason), Figure::lacking(reason))
    } else {
        (mean(&rates), median(&rates))
    };
    let reference = match by {
        GroupBy::Tier => Tier::parse(&key).map(|t| tier_benchmark(t).ok_or_else(|| no_tier_benchmark(spelling).to_string())),
        GroupBy::Format => ContentFormat::parse(&key).map(|f| format_benchmark(f).ok_or_else(|| no_format_benchmark(f, spelling))),
        // A creator against their tier ("3.40% against micro's 1.81%"): the tier of their newest
        // post with followers known at posting time.
        GroupBy::Creator => members.iter().rev().find_map(|p| p.tier).map(|t| tier_benchmark(t).ok_or_else(|| no_tier_benchmark(spelling).to_string())),
        _ => None,
    };
    let (benchmark, no_benchmark) = match (reference, mean.value()) {
        (Some(Ok(b)), Some(m)) => (Some(compare(m, b)), None),
        (Some(Err(none)), _) => (None, Some(none)),
        _ => (None, None),
    };
    GroupFigure {
        key,
        label,
        posts: members.len(),
        measured: rates.len(),
        benchmark_sentence: benchmark.as_ref().map(|c| c.sentence(spelling)),
        mean,
        median,
        bases: bases.into_values().collect(),
        left_out,
        benchmark,
        no_benchmark,
        totals: PostCounts::total(&counted),
    }
}

/// The article's contrasts over `posts`: gifted against paid, niche match against not, no call
/// to action against one.
pub fn contrasts(posts: &[PostFacts], spelling: Spelling) -> Vec<Contrast> {
    let mean_of = |keep: &dyn Fn(&PostFacts) -> bool| -> Figure<Ratio> {
        let rates: Vec<Ratio> = posts.iter().filter(|p| keep(p)).filter_map(|p| p.rate.value().cloned()).collect();
        mean(&rates)
    };
    let gifted = mean_of(&|p| p.kind == CollaborationKind::Gifted);
    let paid = mean_of(&|p| p.kind == CollaborationKind::Paid);
    let niche = mean_of(&|p| p.niche_match == Some(true));
    let no_niche = mean_of(&|p| p.niche_match == Some(false));
    let no_cta = mean_of(&|p| p.call_to_action == Some(false));
    let cta = mean_of(&|p| p.call_to_action == Some(true));
    let w = |en: &'static str, nl: &'static str| words(spelling, en, nl).to_string();
    vec![
        contrast("gifted_over_paid", w("Gifted posts", "Posts uit gifting"), w("paid ones", "betaalde posts"), &gifted, &paid, deal_benchmark(CollaborationKind::Gifted, CollaborationKind::Paid), spelling),
        contrast("niche_match_engagement", w("Posts with a niche match", "Posts waarbij de niche past"), w("those without", "posts zonder"), &niche, &no_niche, super::benchmarks::benchmark("niche_match_engagement"), spelling),
        contrast("no_call_to_action", w("Posts without a call to action", "Posts zonder call-to-action"), w("those with one", "posts met een call-to-action"), &no_cta, &cta, super::benchmarks::benchmark("no_call_to_action"), spelling),
    ]
}

fn contrast(id: &'static str, this_label: String, that_label: String, this: &Figure<Ratio>, that: &Figure<Ratio>, benchmark: Option<&'static super::benchmarks::Benchmark>, spelling: Spelling) -> Contrast {
    let difference = relative_difference(this, that);
    let compared = match (difference.value(), benchmark) {
        (Some(d), Some(b)) => Some(compare(d, b)),
        _ => None,
    };
    let sentence = match (&compared, &difference) {
        (Some(c), _) => format!("{this_label} {} {that_label}: {}.", words(spelling, "against", "tegenover"), c.sentence(spelling)),
        (None, Figure::NotEnoughData { reason }) => {
            format!("{this_label} {} {that_label}: {}", words(spelling, "against", "tegenover"), reason.sentence(spelling))
        }
        (None, Figure::Value(d)) => format!("{this_label} {} {that_label}: {}.", words(spelling, "against", "tegenover"), d.percent_text(spelling)),
    };
    Contrast { id, this_label, that_label, difference, benchmark: compared, sentence }
}

/// The figures of a campaign (or the whole workspace) grouped `by`, with the contrasts.
pub fn analytics(conn: &Connection, campaign: Option<i64>, by: GroupBy, spelling: Spelling) -> Result<Analytics> {
    analytics_in(conn, campaign, by, PostWindow::All, crate::campaigns::fields::local_today(), spelling)
}

/// [`analytics`] with each group over its posts in `window` as of `today` (the contrasts are
/// over every post: they compare kinds of posts, not recent form).
pub fn analytics_in(conn: &Connection, campaign: Option<i64>, by: GroupBy, window: PostWindow, today: NaiveDate, spelling: Spelling) -> Result<Analytics> {
    if let Some(id) = campaign {
        let found: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM campaigns WHERE id = ?1)", [id], |r| r.get(0))?;
        if !found {
            return Err(Error::NotFound { what: "campaign", id });
        }
    }
    let posts = posts(conn, campaign)?;
    let measured = posts.iter().filter(|p| p.rate.value().is_some()).count();
    Ok(Analytics { by, campaign_id: campaign, window, posts: posts.len(), measured, groups: group_in(&posts, by, window, today, spelling), contrasts: contrasts(&posts, spelling) })
}
