//! The figures of what worked, from a small workspace with hand-computed values.

use super::figures::*;
use super::formulas::Basis;
use super::rate::{Figure, NotEnoughData};
use crate::numbers::Spelling;
use crate::roster::model::Platform;
use crate::workspace::settings::Settings;
use crate::Workspace;

fn ws() -> Workspace {
    Workspace::in_memory(&Settings::new("Loom & Leaf", "EUR", "nl-NL")).unwrap()
}

struct World {
    ws: Workspace,
    campaign: i64,
}

impl World {
    fn new(niche: &str) -> World {
        let ws = ws();
        ws.conn().execute("INSERT INTO campaigns (name, goal, niche, created_at, updated_at) VALUES ('Spring coats', 'awareness', ?1, 't', 't')", [niche]).unwrap();
        let campaign = ws.conn().last_insert_rowid();
        World { ws, campaign }
    }

    fn creator(&self, name: &str, niche: Option<&str>) -> i64 {
        let c = self.ws.conn();
        c.execute("INSERT INTO creators (display_name, sort_name, created_at, updated_at) VALUES (?1, lower(?1), 't', 't')", [name]).unwrap();
        let id = c.last_insert_rowid();
        c.execute("INSERT INTO handles (creator_id, platform, handle, handle_key) VALUES (?1, 'instagram', ?2, lower(?2))", rusqlite::params![id, name.replace(' ', ".")]).unwrap();
        if let Some(n) = niche {
            c.execute("INSERT INTO creator_niches (creator_id, niche, position) VALUES (?1, ?2, 0)", rusqlite::params![id, n]).unwrap();
        }
        id
    }

    fn collaboration(&self, creator: i64, kind: &str) -> i64 {
        self.ws
            .conn()
            .execute(
                "INSERT INTO collaborations (campaign_id, creator_id, kind, status, last_activity_on, created_at, updated_at) VALUES (?1, ?2, ?3, 'active', '2025-03-01', 't', 't')",
                rusqlite::params![self.campaign, creator, kind],
            )
            .unwrap();
        self.ws.conn().last_insert_rowid()
    }

    /// A published post with one snapshot: likes, comments, shares, saves, reach, views, followers.
    #[allow(clippy::too_many_arguments)]
    fn post(&self, collaboration: i64, platform: &str, format: &str, cta: Option<bool>, counts: [Option<i64>; 7]) -> i64 {
        let c = self.ws.conn();
        c.execute(
            "INSERT INTO deliverables (collaboration_id, platform, format, due_on, status, post_url, published_at, call_to_action, created_at, updated_at)
             VALUES (?1, ?2, ?3, '2025-03-03', 'published', 'https://example.com/p', '2025-03-03T10:00', ?4, 't', 't')",
            rusqlite::params![collaboration, platform, format, cta],
        )
        .unwrap();
        let d = c.last_insert_rowid();
        let [likes, comments, shares, saves, reach, views, followers] = counts;
        c.execute(
            "INSERT INTO post_results (deliverable_id, taken_on, likes, comments, shares, saves, reach, views, followers_at_post, followers_from, source, entered_at, entered_by)
             VALUES (?1, '2025-03-10', ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'given', 'typed', 't', 'app')",
            rusqlite::params![d, likes, comments, shares, saves, reach, views, followers],
        )
        .unwrap();
        d
    }
}

fn bp(f: &Figure<super::rate::Ratio>) -> Option<i128> {
    f.value().map(|r| r.basis_points())
}

#[test]
fn groups_by_tier_use_followers_at_posting_time_and_sit_beside_the_tier_benchmark() {
    let w = World::new("");
    let micro = w.creator("Sanne Groen", None);
    let nano = w.creator("Lotte Bakt", None);
    let a = w.collaboration(micro, "paid");
    let b = w.collaboration(nano, "gifted");
    // 340 interactions ÷ 10,000 followers = 3.40%; 200 ÷ 20,000 = 1.00%: micro mean 2.20%.
    w.post(a, "instagram", "reel", Some(true), [Some(300), Some(20), Some(10), Some(10), None, None, Some(10_000)]);
    w.post(a, "instagram", "carousel", Some(false), [Some(180), Some(10), Some(5), Some(5), None, None, Some(20_000)]);
    // 150 ÷ 5,000 = 3.00% for nano; one post of an account under 1K is emerging.
    w.post(b, "instagram", "single_image", Some(false), [Some(140), Some(10), None, None, None, None, Some(5_000)]);
    w.post(b, "instagram", "single_image", None, [Some(40), Some(2), None, None, None, None, Some(800)]);
    let a = analytics(w.ws.conn(), Some(w.campaign), GroupBy::Tier, Spelling::English).unwrap();
    let tiers: Vec<(&str, Option<i128>, Option<i128>)> = a.groups.iter().map(|g| (g.key.as_str(), bp(&g.mean), bp(&g.median))).collect();
    assert_eq!(tiers, [("emerging", Some(525), Some(525)), ("nano", Some(300), Some(300)), ("micro", Some(220), Some(220))]);
    let micro = a.groups.iter().find(|g| g.key == "micro").unwrap();
    assert_eq!(micro.benchmark_sentence.as_deref(), Some("2.2%: above the 1.81% average for micro creators"));
    let emerging = a.groups.iter().find(|g| g.key == "emerging").unwrap();
    assert!(emerging.benchmark.is_none());
    assert!(emerging.no_benchmark.as_deref().unwrap().starts_with("No benchmark for emerging creators"));
    assert_eq!(micro.bases, [(Basis::Followers, 2)]);

    let nl = analytics(w.ws.conn(), Some(w.campaign), GroupBy::Tier, Spelling::Dutch).unwrap();
    assert_eq!(nl.groups[2].benchmark_sentence.as_deref(), Some("2,2%: boven het gemiddelde van 1,81% voor micro-creators"));
}

#[test]
fn the_basis_per_platform_is_the_workspace_s_choice() {
    let mut w = World::new("");
    let c = w.creator("Maya Makes", None);
    let k = w.collaboration(c, "paid");
    // TikTok divides by views by default: 500 ÷ 10,000 = 5.00%; by followers it would be 1.00%.
    w.post(k, "tiktok", "video", None, [Some(400), Some(50), Some(30), Some(20), None, Some(10_000), Some(50_000)]);
    let rate = |w: &World| bp(&analytics(w.ws.conn(), None, GroupBy::Format, Spelling::English).unwrap().groups[0].mean);
    assert_eq!(rate(&w), Some(500));
    set_engagement_basis(&mut w.ws, Platform::Tiktok, Basis::Followers).unwrap();
    assert_eq!(rate(&w), Some(100));
    set_engagement_basis(&mut w.ws, Platform::Tiktok, Basis::Reach).unwrap();
    let g = &analytics(w.ws.conn(), None, GroupBy::Format, Spelling::English).unwrap().groups[0];
    assert_eq!(g.mean, Figure::lacking(NotEnoughData::Unknown { count: super::formulas::Count::Reach }), "no reach given: not enough data, never 0");
    assert_eq!(g.left_out.len(), 1);
}

#[test]
fn the_article_s_contrasts_are_measured_and_said() {
    let w = World::new("mode");
    let fits = w.creator("Sanne Groen", Some("mode"));
    let other = w.creator("Lotte Bakt", Some("food"));
    let gifted = w.collaboration(fits, "gifted");
    let paid = w.collaboration(other, "paid");
    // Gifted: 236 ÷ 10,000 = 2.36%; paid: 200 ÷ 10,000 = 2.00%: gifted 18% more.
    w.post(gifted, "instagram", "reel", Some(false), [Some(200), Some(20), Some(8), Some(8), None, None, Some(10_000)]);
    w.post(paid, "instagram", "reel", Some(true), [Some(180), Some(10), Some(5), Some(5), None, None, Some(10_000)]);
    let a = analytics(w.ws.conn(), Some(w.campaign), GroupBy::Kind, Spelling::English).unwrap();
    let gifted = a.contrasts.iter().find(|c| c.id == "gifted_over_paid").unwrap();
    assert_eq!(bp(&gifted.difference), Some(1_800));
    assert_eq!(gifted.sentence, "Gifted posts against paid ones: 18% more engagement: above the usual 12.9% more for gifted collaborations over paid ones.");
    let niche = a.contrasts.iter().find(|c| c.id == "niche_match_engagement").unwrap();
    assert_eq!(bp(&niche.difference), Some(1_800), "the gifted creator is the one whose niche fits");
    let no_cta = a.contrasts.iter().find(|c| c.id == "no_call_to_action").unwrap();
    assert_eq!(no_cta.benchmark.as_ref().map(|c| c.standing), Some(super::benchmarks::Standing::Below));

    let nl = analytics(w.ws.conn(), Some(w.campaign), GroupBy::Kind, Spelling::Dutch).unwrap();
    assert_eq!(nl.contrasts[0].sentence, "Posts uit gifting tegenover betaalde posts: 18% meer engagement: boven de gebruikelijke 12,9% meer voor gifting tegenover betaalde samenwerkingen.");
    assert_eq!(nl.groups.iter().map(|g| g.label.as_str()).collect::<Vec<_>>(), ["Gifting", "Betaald"]);
}

#[test]
fn a_contrast_without_one_side_says_so_and_a_campaign_without_niche_has_no_niche_groups() {
    let w = World::new("");
    let c = w.creator("Sanne Groen", Some("mode"));
    let k = w.collaboration(c, "gifted");
    w.post(k, "instagram", "reel", None, [Some(200), Some(20), None, None, None, None, Some(10_000)]);
    let a = analytics(w.ws.conn(), Some(w.campaign), GroupBy::NicheMatch, Spelling::English).unwrap();
    assert!(a.groups.is_empty(), "no campaign niche: no post is a match or a miss");
    let gifted = &a.contrasts[0];
    assert!(gifted.difference.value().is_none());
    assert!(gifted.sentence.starts_with("Gifted posts against paid ones: "), "{}", gifted.sentence);
    assert!(!gifted.sentence.contains("NaN") && !gifted.sentence.contains(" 0%"), "{}", gifted.sentence);
    let cta = analytics(w.ws.conn(), Some(w.campaign), GroupBy::Cta, Spelling::English).unwrap();
    assert!(cta.groups.is_empty(), "a call to action not yet judged is in neither group");
}

#[test]
fn creators_are_listed_best_first_and_a_creator_without_results_last() {
    let w = World::new("");
    let (a, b, c) = (w.creator("Anna", None), w.creator("Bram", None), w.creator("Cas", None));
    let (ka, kb, kc) = (w.collaboration(a, "paid"), w.collaboration(b, "paid"), w.collaboration(c, "paid"));
    w.post(ka, "instagram", "reel", None, [Some(100), Some(0), None, None, None, None, Some(10_000)]);
    w.post(kb, "instagram", "reel", None, [Some(300), Some(0), None, None, None, None, Some(10_000)]);
    w.post(kc, "instagram", "reel", None, [Some(300), Some(0), None, None, None, None, Some(0)]);
    let a = analytics(w.ws.conn(), Some(w.campaign), GroupBy::Creator, Spelling::English).unwrap();
    assert_eq!(a.groups.iter().map(|g| (g.label.as_str(), bp(&g.mean))).collect::<Vec<_>>(), [("Bram", Some(300)), ("Anna", Some(100)), ("Cas", None)]);
    assert_eq!(a.groups[2].mean.reason(), Some(NotEnoughData::Zero { count: super::formulas::Count::FollowersAtPost }));
    // Each creator beside their tier's benchmark: 3.00% is above both nano's and micro's.
    let bram = a.groups[0].benchmark_sentence.as_deref().unwrap_or_default();
    assert_eq!(bram, "3%: above the 1.81% average for micro creators");
    assert!(a.groups[2].benchmark_sentence.is_none(), "no rate, no comparison");
    assert_eq!((a.posts, a.measured), (3, 2));
    assert!(matches!(analytics(w.ws.conn(), Some(999), GroupBy::Creator, Spelling::English), Err(crate::Error::NotFound { .. })));
}

#[test]
fn a_post_without_results_is_counted_but_not_measured_and_says_so() {
    let w = World::new("");
    let c = w.creator("Anna", None);
    let k = w.collaboration(c, "paid");
    w.ws.conn()
        .execute("INSERT INTO deliverables (collaboration_id, platform, format, due_on, status, post_url, published_at, created_at, updated_at) VALUES (?1, 'instagram', 'reel', '2025-03-03', 'published', 'https://example.com/q', '2025-03-03T10:00', 't', 't')", [k])
        .unwrap();
    let a = analytics(w.ws.conn(), Some(w.campaign), GroupBy::Format, Spelling::English).unwrap();
    assert_eq!((a.posts, a.measured, a.groups[0].posts, a.groups[0].measured), (1, 0, 1, 0));
    assert_eq!(a.groups[0].mean.reason(), Some(NotEnoughData::NoResults));
    assert_eq!(NotEnoughData::NoResults.sentence(Spelling::Dutch), "Voor deze posts zijn nog geen resultaten ingevoerd.");
}

#[test]
fn the_campaign_report_gathers_the_figures_worded_and_never_a_made_up_zero() {
    use super::campaign_report::{gather, ReportChoices};
    use super::report::ReportLanguage;
    let w = World::new("mode");
    let c = w.creator("Sanne Groen", Some("mode"));
    let gifted = w.collaboration(c, "gifted");
    let p = w.creator("Lotte Bakt", None);
    let paid = w.collaboration(p, "paid");
    w.post(gifted, "instagram", "reel", Some(false), [Some(200), Some(20), Some(8), Some(8), Some(6_000), None, Some(10_000)]);
    w.post(paid, "instagram", "carousel", Some(true), [Some(180), Some(10), Some(5), Some(5), Some(4_000), None, Some(10_000)]);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let r = gather(w.ws.conn(), w.campaign, ReportChoices { language: ReportLanguage::English, include_money: true, today }).unwrap();
    let kpi = |label: &str| r.kpis.iter().find(|k| k.label == label).map(|k| k.value.clone());
    assert_eq!(kpi("Published posts").as_deref(), Some("2"));
    assert_eq!(kpi("Reach").as_deref(), Some("10,000"));
    assert_eq!(kpi("Views").as_deref(), Some("not known for every post"));
    assert_eq!(kpi("Engagement rate (average of the posts)").as_deref(), Some("2.18%"), "(2.36% + 2.00%) ÷ 2");
    assert!(r.summary.iter().any(|s| s.text.starts_with("Gifted posts against paid ones: 18% more engagement")), "{:?}", r.summary);
    assert_eq!(r.charts.len(), 2, "by format and by tier");
    assert!(r.charts.iter().all(|c| c.svg.starts_with("<svg") && !c.svg.contains("NaN")));
    assert_eq!(r.best_posts[0].creator, "Sanne Groen");
    let money = |label: &str| r.spend_and_return.iter().find(|k| k.label == label).map(|k| k.value.clone());
    assert_eq!(money("Spend").as_deref(), Some("€0.00"));
    assert_eq!(money("ROAS").as_deref(), Some("Not enough data: nothing was spent."));
    assert!(money("Cost per 1,000 impressions").unwrap().starts_with("Not enough data"), "no impressions given");
    assert!(r.formulas.iter().any(|f| f.formula == super::formulas::FormulaId::EngagementByFollowers));
    let nl = gather(w.ws.conn(), w.campaign, ReportChoices { language: ReportLanguage::Dutch, include_money: false, today }).unwrap();
    assert_eq!(nl.kpis[0].label, "Gepubliceerde posts");
    assert!(!nl.include_money);
}

#[test]
fn a_creator_over_their_last_posts_or_recent_days_leaves_the_older_posts_out() {
    let w = World::new("");
    let anna = w.creator("Anna", None);
    let k = w.collaboration(anna, "paid");
    // Four posts, one a week in March 2025: 1%, 2%, 3%, 4% of 10,000 followers.
    for (i, likes) in [100, 200, 300, 400].into_iter().enumerate() {
        let d = w.post(k, "instagram", "reel", None, [Some(likes), Some(0), None, None, None, None, Some(10_000)]);
        w.ws.conn().execute("UPDATE deliverables SET published_at = ?2 WHERE id = ?1", rusqlite::params![d, format!("2025-03-{:02}T10:00", 1 + 7 * i)]).unwrap();
    }
    let today = chrono::NaiveDate::from_ymd_opt(2025, 3, 22).unwrap();
    let figures = |window| analytics_in(w.ws.conn(), Some(w.campaign), GroupBy::Creator, window, today, Spelling::English).unwrap();
    let all = figures(PostWindow::All);
    assert_eq!((all.groups[0].posts, bp(&all.groups[0].mean)), (4, Some(250)));
    let last_two = figures(PostWindow::LastPosts(2));
    assert_eq!((last_two.groups[0].posts, bp(&last_two.groups[0].mean)), (2, Some(350)), "the 15th and the 22nd");
    // The last 8 days up to the 22nd (the 15th to the 22nd): two posts.
    assert_eq!(bp(&figures(PostWindow::LastDays(8)).groups[0].mean), Some(350));
    assert_eq!(figures(PostWindow::LastDays(7)).groups[0].posts, 1, "the 15th is 8 days back, out of a week");
    assert!(figures(PostWindow::LastDays(7)).contrasts.len() == all.contrasts.len(), "the contrasts stay over every post");
    // A window no post of a group is in leaves the group out, not a group of 0.
    let later = analytics_in(w.ws.conn(), Some(w.campaign), GroupBy::Creator, PostWindow::LastDays(30), chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), Spelling::English).unwrap();
    assert!(later.groups.is_empty());
}
