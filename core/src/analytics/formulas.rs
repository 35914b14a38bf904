//! A post's raw counts and the engagement rates worked out from them, each formula with a stable
//! id and its words in English and Dutch, as the window and the reports show them.
//!
//! Which interactions count: likes + comments + shares + saves. Likes and comments are needed
//! (every platform reports them; a post without them has not been counted). Shares and saves are
//! counted when known and otherwise left out and named: X and most YouTube and TikTok exports do
//! not report saves, and older exports not shares; taking them as 0 would make up a zero, and
//! refusing the post would drop those platforms. [`Interactions`] says which counts it added, and
//! [`Engagement::formula_as_used`] writes the formula with them (`(likes + comments + shares) ÷
//! reach; saves not reported`). A count below 0 is a mistake: no figure.

use super::rate::{words, Figure, NotEnoughData, Ratio};
use crate::numbers::Spelling;
use crate::roster::model::text_enum;
use serde::{Deserialize, Serialize};

text_enum!(
    /// A count of a post (or, for orders, of the shop), as figures name it.
    Count {
        Views = "views", "views";
        Reach = "reach", "reach";
        Impressions = "impressions", "impressions";
        Likes = "likes", "likes";
        Comments = "comments", "comments";
        Shares = "shares", "shares";
        Saves = "saves", "saves";
        LinkClicks = "link_clicks", "link clicks";
        ProfileFollows = "profile_follows", "new followers";
        FollowersAtPost = "followers_at_post", "followers at posting time";
        Orders = "orders", "attributed orders";
    }
);

impl Count {
    /// The count's name in a formula: `comments`, `reacties`.
    pub fn name(self, spelling: Spelling) -> &'static str {
        let dutch = match self {
            Count::Views => "weergaven",
            Count::Reach => "bereik",
            Count::Impressions => "vertoningen",
            Count::Likes => "likes",
            Count::Comments => "reacties",
            Count::Shares => "shares",
            Count::Saves => "saves",
            Count::LinkClicks => "linkklikken",
            Count::ProfileFollows => "nieuwe volgers",
            Count::FollowersAtPost => "volgers op het moment van posten",
            Count::Orders => "toegewezen bestellingen",
        };
        words(spelling, self.label(), dutch)
    }

    /// The count in a sentence: `the reach`, `het aantal weergaven`.
    pub fn phrase(self, spelling: Spelling) -> &'static str {
        match self {
            Count::Views => words(spelling, "the number of views", "het aantal weergaven"),
            Count::Reach => words(spelling, "the reach", "het bereik"),
            Count::Impressions => words(spelling, "the number of impressions", "het aantal vertoningen"),
            Count::Likes => words(spelling, "the number of likes", "het aantal likes"),
            Count::Comments => words(spelling, "the number of comments", "het aantal reacties"),
            Count::Shares => words(spelling, "the number of shares", "het aantal shares"),
            Count::Saves => words(spelling, "the number of saves", "het aantal saves"),
            Count::LinkClicks => words(spelling, "the number of link clicks", "het aantal linkklikken"),
            Count::ProfileFollows => words(spelling, "the number of new followers", "het aantal nieuwe volgers"),
            Count::FollowersAtPost => words(spelling, "the number of followers at posting time", "het aantal volgers op het moment van posten"),
            Count::Orders => words(spelling, "the number of attributed orders", "het aantal toegewezen bestellingen"),
        }
    }
}

/// A post's raw counts. Every count is optional: a missing count is unknown, never 0.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PostCounts {
    pub views: Option<i64>,
    pub reach: Option<i64>,
    pub impressions: Option<i64>,
    pub likes: Option<i64>,
    pub comments: Option<i64>,
    pub shares: Option<i64>,
    pub saves: Option<i64>,
    pub link_clicks: Option<i64>,
    pub profile_follows: Option<i64>,
    pub followers_at_post: Option<i64>,
}

impl PostCounts {
    /// The count, if known (orders are the shop's, never a post's).
    pub fn get(&self, count: Count) -> Option<i64> {
        match count {
            Count::Views => self.views,
            Count::Reach => self.reach,
            Count::Impressions => self.impressions,
            Count::Likes => self.likes,
            Count::Comments => self.comments,
            Count::Shares => self.shares,
            Count::Saves => self.saves,
            Count::LinkClicks => self.link_clicks,
            Count::ProfileFollows => self.profile_follows,
            Count::FollowersAtPost => self.followers_at_post,
            Count::Orders => None,
        }
    }

    /// Several posts' counts added up, for a cost or EMV over them: a count is known only when
    /// every post has it (a total missing one post would undercount and flatter the cost), and
    /// followers at posting time are left unknown (followers of several posts do not add up). A
    /// total beyond `i64` is unknown too (no real posts reach it).
    pub fn total(posts: &[PostCounts]) -> PostCounts {
        let sum = |count: Count| posts.iter().try_fold(0i64, |total, post| total.checked_add(post.get(count)?));
        PostCounts {
            views: sum(Count::Views),
            reach: sum(Count::Reach),
            impressions: sum(Count::Impressions),
            likes: sum(Count::Likes),
            comments: sum(Count::Comments),
            shares: sum(Count::Shares),
            saves: sum(Count::Saves),
            link_clicks: sum(Count::LinkClicks),
            profile_follows: sum(Count::ProfileFollows),
            followers_at_post: None,
        }
    }
}

/// A count that must be known and not below 0.
pub(crate) fn known(counts: Option<i64>, count: Count) -> Result<i64, NotEnoughData> {
    match counts {
        None => Err(NotEnoughData::Unknown { count }),
        Some(n) if n < 0 => Err(NotEnoughData::Negative { count }),
        Some(n) => Ok(n),
    }
}

/// A count to divide by: known, not below 0 and not 0.
pub(crate) fn divisor(counts: Option<i64>, count: Count) -> Result<i64, NotEnoughData> {
    match known(counts, count)? {
        0 => Err(NotEnoughData::Zero { count }),
        n => Ok(n),
    }
}

/// The interactions of a post and which counts they add up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Interactions {
    pub total: i128,
    /// Likes and comments, then shares and saves where known.
    pub counted: Vec<Count>,
    /// Shares or saves the post's counts do not report.
    pub not_reported: Vec<Count>,
}

/// Likes + comments + shares + saves, as the module's contract says: likes and comments needed,
/// shares and saves where known.
pub fn interactions(counts: &PostCounts) -> Result<Interactions, NotEnoughData> {
    let mut out = Interactions { total: 0, counted: Vec::new(), not_reported: Vec::new() };
    for count in [Count::Likes, Count::Comments, Count::Shares, Count::Saves] {
        let needed = matches!(count, Count::Likes | Count::Comments);
        match counts.get(count) {
            None if !needed => out.not_reported.push(count),
            value => {
                out.total += i128::from(known(value, count)?);
                out.counted.push(count);
            }
        }
    }
    Ok(out)
}

/// What an engagement rate divides by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    Followers,
    Reach,
    Views,
}

impl Basis {
    pub const ALL: [Basis; 3] = [Basis::Followers, Basis::Reach, Basis::Views];

    pub fn formula(self) -> FormulaId {
        match self {
            Basis::Followers => FormulaId::EngagementByFollowers,
            Basis::Reach => FormulaId::EngagementByReach,
            Basis::Views => FormulaId::EngagementByViews,
        }
    }

    pub fn count(self) -> Count {
        match self {
            Basis::Followers => Count::FollowersAtPost,
            Basis::Reach => Count::Reach,
            Basis::Views => Count::Views,
        }
    }
}

/// A post's engagement rate with what it was made of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Engagement {
    pub formula: FormulaId,
    pub basis: Basis,
    pub rate: Ratio,
    pub interactions: Interactions,
    pub divided_by: i64,
}

impl Engagement {
    /// The formula with the counts this rate added: the formula's own words when all four were
    /// known, else e.g. `Engagement rate by reach = (likes + comments + shares) ÷ reach; saves not
    /// reported`.
    pub fn formula_as_used(&self, spelling: Spelling) -> String {
        engagement_formula(self.basis, &self.interactions.counted, &self.interactions.not_reported, spelling)
    }
}

/// Interactions ÷ followers at posting time, reach or views.
pub fn engagement_rate(counts: &PostCounts, basis: Basis) -> Figure<Engagement> {
    let engagement = divisor(counts.get(basis.count()), basis.count()).and_then(|divided_by| {
        let interactions = interactions(counts)?;
        let rate = Ratio::new(interactions.total, i128::from(divided_by)).ok_or(NotEnoughData::TooLarge)?;
        Ok(Engagement { formula: basis.formula(), basis, rate, interactions, divided_by })
    });
    match engagement {
        Ok(engagement) => Figure::Value(engagement),
        Err(reason) => Figure::lacking(reason),
    }
}

fn engagement_formula(basis: Basis, counted: &[Count], not_reported: &[Count], spelling: Spelling) -> String {
    let added: Vec<&str> = counted.iter().map(|c| c.name(spelling)).collect();
    let mut text = format!("{} = ({}) ÷ {}", basis.formula().name(spelling), added.join(" + "), basis.count().name(spelling));
    if !not_reported.is_empty() {
        let missing: Vec<&str> = not_reported.iter().map(|c| c.name(spelling)).collect();
        text.push_str(&format!("; {} {}", missing.join(words(spelling, " and ", " en ")), words(spelling, "not reported", "niet bekend")));
    }
    text
}

text_enum!(
    /// Every formula a figure can be made with, by a stable id (kept with a figure, named in
    /// exports). [`FormulaId::text`] is the formula in the words a shop owner reads.
    FormulaId {
        EngagementByFollowers = "engagement_rate_by_followers", "Engagement rate by followers";
        EngagementByReach = "engagement_rate_by_reach", "Engagement rate by reach";
        EngagementByViews = "engagement_rate_by_views", "Engagement rate by views";
        Mean = "mean_of_posts", "Average";
        Median = "median_of_posts", "Median";
        Spend = "spend", "Spend";
        Cpm = "cpm", "CPM";
        Cpe = "cpe", "CPE";
        Cpc = "cpc", "CPC";
        Cpa = "cpa", "CPA";
        Roas = "roas", "ROAS";
        Emv = "emv", "EMV";
        Difference = "relative_difference", "Difference";
    }
);

/// A formula named and written out, for the window's list of formulas.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedFormula {
    pub id: FormulaId,
    pub name: &'static str,
    pub text: String,
}

/// Every formula, named and written out in `spelling`.
pub fn named_formulas(spelling: Spelling) -> Vec<NamedFormula> {
    FormulaId::ALL.iter().map(|f| NamedFormula { id: *f, name: f.name(spelling), text: f.text(spelling) }).collect()
}

impl FormulaId {
    /// The formula's name: `Engagement rate by reach`, `Engagement rate op bereik`.
    pub fn name(self, spelling: Spelling) -> &'static str {
        let dutch = match self {
            FormulaId::EngagementByFollowers => "Engagement rate op volgers",
            FormulaId::EngagementByReach => "Engagement rate op bereik",
            FormulaId::EngagementByViews => "Engagement rate op weergaven",
            FormulaId::Mean => "Gemiddelde",
            FormulaId::Median => "Mediaan",
            FormulaId::Spend => "Uitgaven",
            FormulaId::Difference => "Verschil",
            other => other.label(),
        };
        words(spelling, self.label(), dutch)
    }

    /// The formula written out, as the window, the CLI and the reports show it beside a figure.
    pub fn text(self, spelling: Spelling) -> String {
        let (english, dutch) = match self {
            FormulaId::EngagementByFollowers | FormulaId::EngagementByReach | FormulaId::EngagementByViews => {
                let basis = Basis::ALL.into_iter().find(|b| b.formula() == self).expect("every engagement formula has its basis");
                return engagement_formula(basis, &[Count::Likes, Count::Comments, Count::Shares, Count::Saves], &[], spelling);
            }
            FormulaId::Mean => ("Average = the posts' engagement rates added up ÷ the number of posts", "Gemiddelde = de engagement rates van de posts bij elkaar opgeteld ÷ het aantal posts"),
            FormulaId::Median => (
                "Median = the middle engagement rate when the posts are put in order (with an even number of posts, halfway between the two middle ones)",
                "Mediaan = de middelste engagement rate als je de posts op volgorde zet (bij een even aantal posts precies tussen de twee middelste in)",
            ),
            FormulaId::Spend => ("Spend = cash fee + retail value of the gifted products + commissions paid", "Uitgaven = vaste fee + winkelwaarde van de cadeaus + uitbetaalde commissie"),
            FormulaId::Cpm => ("CPM (cost per 1,000 impressions) = spend ÷ impressions × 1,000", "CPM (kosten per 1.000 vertoningen) = uitgaven ÷ vertoningen × 1.000"),
            FormulaId::Cpe => ("CPE (cost per engagement) = spend ÷ (likes + comments + shares + saves)", "CPE (kosten per interactie) = uitgaven ÷ (likes + reacties + shares + saves)"),
            FormulaId::Cpc => ("CPC (cost per click) = spend ÷ link clicks", "CPC (kosten per klik) = uitgaven ÷ linkklikken"),
            FormulaId::Cpa => ("CPA (cost per order) = spend ÷ attributed orders", "CPA (kosten per bestelling) = uitgaven ÷ toegewezen bestellingen"),
            FormulaId::Roas => ("ROAS (return on spend) = attributed revenue ÷ spend", "ROAS (opbrengst van de uitgaven) = toegewezen omzet ÷ uitgaven"),
            FormulaId::Emv => (
                "EMV (earned media value) = views (or impressions, where views are not known) ÷ 1,000 × your value per 1,000 + likes, comments, shares, saves, link clicks and new followers, each × your value for one",
                "EMV (earned media value) = weergaven (of vertoningen, als weergaven niet bekend zijn) ÷ 1.000 × jouw waarde per 1.000 + likes, reacties, shares, saves, linkklikken en nieuwe volgers, elk × jouw waarde per stuk",
            ),
            FormulaId::Difference => ("Difference = (this figure − that figure) ÷ that figure", "Verschil = (dit getal − dat getal) ÷ dat getal"),
        };
        words(spelling, english, dutch).to_string()
    }
}
