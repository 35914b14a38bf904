//! The results charts on a small workspace filled through the core's own calls (campaigns,
//! creators, collaborations, deliverables, typed results, follower history), each kind's
//! values against sums worked out by hand, and its SVG read back: title, series, axes,
//! reference marks, marks, no `NaN`. `CHORUS_CHART_SAMPLES=dir` writes them there too.

use super::results_queries::*;
use super::*;
use crate::analytics::results::{record_typed, ResultsDraft};
use crate::campaigns::{campaign, collaboration, deliverable, CampaignDraft, CollaborationDraft, DeliverableDraft};
use crate::error::Error;
use crate::roster::model::{CreatorDraft, HandleDraft};
use crate::workspace::settings::Settings;
use crate::Workspace;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2025-04-01";

struct World {
    ws: Workspace,
    spring: i64,
    winter: i64,
    sanne: i64,
    lotte: i64,
    maya: i64,
}

fn new_campaign(ws: &mut Workspace, name: &str, starts: &str, budget: &str) -> i64 {
    campaign::create(ws, &CampaignDraft { name: name.into(), goal: "awareness".into(), starts_on: starts.into(), budget: budget.into(), ..Default::default() }).unwrap().id
}

fn new_creator(ws: &mut Workspace, name: &str, handles: &[(&str, &str, &str)]) -> i64 {
    let handles = handles.iter().map(|(p, h, f)| HandleDraft { platform: (*p).into(), handle: (*h).into(), followers: (*f).into(), ..Default::default() }).collect();
    crate::roster::creators::create(ws, &CreatorDraft { display_name: name.into(), handles, ..Default::default() }).unwrap().id
}

fn terms(campaign_id: i64, creator_id: i64, kind: &str, status: &str, fee: &str, gift: &str) -> CollaborationDraft {
    CollaborationDraft { campaign_id, creator_id, kind: kind.into(), status: status.into(), fee: fee.into(), gift_value: gift.into(), ..Default::default() }
}

/// A published Instagram post of `collaboration` with one typed snapshot: likes, comments,
/// shares, saves, reach, link clicks, followers at posting time ("" = not reported).
fn post(ws: &mut Workspace, collaboration_id: i64, format: &str, published: &str, counts: [&str; 7]) -> i64 {
    let d = deliverable::create(
        ws,
        &DeliverableDraft {
            collaboration_id,
            platform: "instagram".into(),
            format: format.into(),
            due_on: published.into(),
            status: "published".into(),
            post_url: format!("https://www.instagram.com/p/{collaboration_id}{format}{published}/"),
            published_at: format!("{published}T10:00"),
            ..Default::default()
        },
    )
    .unwrap()
    .id;
    results(ws, d, "2025-03-20", counts);
    d
}

fn results(ws: &mut Workspace, deliverable_id: i64, taken_on: &str, [likes, comments, shares, saves, reach, link_clicks, followers]: [&str; 7]) {
    let draft = ResultsDraft {
        deliverable_id,
        taken_on: taken_on.into(),
        likes: likes.into(),
        comments: comments.into(),
        shares: shares.into(),
        saves: saves.into(),
        reach: reach.into(),
        link_clicks: link_clicks.into(),
        followers: followers.into(),
        spelling: Spelling::English,
        ..Default::default()
    };
    record_typed(ws, &draft).unwrap();
}

/// An order of the shop, attributed to `collaboration` (or not), as the import stores it.
fn order(ws: &Workspace, number: &str, collaboration: Option<i64>) {
    ws.conn()
        .execute(
            "INSERT INTO orders (source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, financial_status, attribution, collaboration_id, attribution_reason, imported_at, updated_at)
             VALUES ('shopify', ?1, '2025-03-15T10:00:00+01:00', '2025-03-15T09:00:00Z', '2025-03-15', 'EUR', 5000, 'paid', ?2, ?3, 'code', 'now', 'now')",
            rusqlite::params![number, if collaboration.is_some() { "attributed" } else { "unattributed" }, collaboration],
        )
        .unwrap();
}

/// Spring coats (budget €1,000): Sanne gifted (gift €50, active) with a Reel and a carousel
/// in the week of 3 March, Lotte paid (fee €300, completed) with a carousel on 12 March.
/// Winter (budget €500): Maya paid (fee €200, agreed), no posts. Four attributed orders (two
/// Sanne's, one Lotte's, one Maya's) and one not attributed.
fn world() -> World {
    let mut ws = Workspace::in_memory(&Settings::new("Loom & Leaf", "EUR", "nl-NL")).unwrap();
    let spring = new_campaign(&mut ws, "Spring coats", "2025-03-01", "1000");
    let winter = new_campaign(&mut ws, "Winter", "2025-11-01", "500");
    let sanne = new_creator(&mut ws, "Sanne Groen", &[("instagram", "sanne.groen", "15000"), ("tiktok", "sanne.tt", "4000")]);
    let lotte = new_creator(&mut ws, "Lotte Bakt", &[("instagram", "lotte.bakt", "5000")]);
    let maya = new_creator(&mut ws, "Maya Makes", &[("instagram", "maya.makes", "30000")]);
    let gifted = collaboration::create(&mut ws, &terms(spring, sanne, "gifted", "active", "", "50")).unwrap().id;
    let paid = collaboration::create(&mut ws, &terms(spring, lotte, "paid", "active", "300", "")).unwrap();
    let later = collaboration::create(&mut ws, &terms(winter, maya, "paid", "agreed", "200", "")).unwrap().id;
    // 340 ÷ 10,000 = 3.40%; 200 ÷ 10,000 = 2.00%: Sanne's week 2.70%, micro.
    post(&mut ws, gifted, "reel", "2025-03-03", ["300", "20", "10", "10", "6000", "40", "10000"]);
    post(&mut ws, gifted, "carousel", "2025-03-05", ["180", "10", "5", "5", "4000", "10", "10000"]);
    // 150 ÷ 5,000 = 3.00% (shares and saves not reported), nano.
    post(&mut ws, paid.id, "carousel", "2025-03-12", ["140", "10", "", "", "2000", "5", "5000"]);
    let revision = collaboration::get(&ws, paid.id).unwrap().revision;
    collaboration::update(&mut ws, paid.id, revision, &terms(spring, lotte, "paid", "completed", "300", "")).unwrap();
    for (number, collaboration) in [("#1", Some(gifted)), ("#2", Some(gifted)), ("#3", Some(paid.id)), ("#4", Some(later)), ("#5", None)] {
        order(&ws, number, collaboration);
    }
    World { ws, spring, winter, sanne, lotte, maya }
}

fn chart(w: &World, kind: ResultsChartKind, campaign: Option<i64>, creator: Option<i64>, language: Spelling) -> Chart {
    results_chart_of(w.ws.conn(), kind, ChartScope { campaign, creator }, day(TODAY), language).unwrap()
}

fn bar(c: Chart) -> BarChart {
    match c {
        Chart::Bar(b) => b,
        Chart::Line(l) => panic!("a line chart: {l:?}"),
    }
}

fn line(c: Chart) -> LineChart {
    match c {
        Chart::Line(l) => l,
        Chart::Bar(b) => panic!("a bar chart: {b:?}"),
    }
}

fn values(b: &BarChart) -> Vec<(String, Vec<i64>)> {
    b.categories.iter().enumerate().map(|(i, c)| (c.clone(), b.series.iter().map(|s| s.values[i]).collect())).collect()
}

fn references(references: &[Reference]) -> Vec<(&str, i64)> {
    references.iter().map(|r| (r.label.as_str(), r.value)).collect()
}

/// The SVG's texts, read as XML; no `NaN` or infinity anywhere in it.
fn svg_texts(c: &Chart, language: Spelling) -> Vec<String> {
    let svg = render_svg(c, &Style::new(Theme::Light, language)).unwrap();
    assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("not XML: {e}\n{svg}"));
    doc.descendants().filter(|n| n.has_tag_name("text")).map(|n| n.text().unwrap_or("").trim().to_string()).collect()
}

fn has(texts: &[String], expected: &[&str]) {
    for e in expected {
        assert!(texts.iter().any(|t| t == e), "{e} missing from {texts:?}");
    }
}

#[test]
fn engagement_over_time_is_the_mean_rate_of_each_week_s_posts() {
    let w = world();
    let l = line(chart(&w, ResultsChartKind::Engagement, Some(w.spring), None, Spelling::English));
    // The week of Monday 3 March: (3.40% + 2.00%) ÷ 2; of Monday 10 March: Lotte's 3.00%.
    assert_eq!(l.days, [day("2025-03-03"), day("2025-03-10")]);
    assert_eq!(l.series.iter().map(|s| s.values.clone()).collect::<Vec<_>>(), [vec![270, 300]]);
    assert_eq!(l.unit, Unit::Percent);
    assert!(l.title.contains("mean of the week's posts"), "{}", l.title);
    assert_eq!(l.marks, [DateMark { on: day("2025-03-01"), label: "Spring coats".into() }]);
    let t = svg_texts(&Chart::Line(l), Spelling::English);
    has(&t, &["Engagement rate by week posted (mean of the week's posts)", "3 Mar", "0%"]);
    // One creator: Sanne's week only.
    let sanne = line(chart(&w, ResultsChartKind::Engagement, None, Some(w.sanne), Spelling::Dutch));
    assert_eq!((sanne.days.as_slice(), sanne.series[0].values.as_slice()), ([day("2025-03-03")].as_slice(), [270].as_slice()));
    assert!(sanne.title.starts_with("Engagement rate per week"), "{}", sanne.title);
    // The whole workspace marks every campaign's start.
    let all = line(chart(&w, ResultsChartKind::Engagement, None, None, Spelling::English));
    assert_eq!(all.marks.iter().map(|m| m.label.as_str()).collect::<Vec<_>>(), ["Spring coats", "Winter"]);
}

#[test]
fn by_format_and_by_tier_draw_the_mean_beside_each_group_s_benchmark() {
    let w = world();
    let f = bar(chart(&w, ResultsChartKind::ByFormat, Some(w.spring), None, Spelling::English));
    // Carousel (2.00% + 3.00%) ÷ 2; Reel 3.40%.
    assert_eq!(values(&f), [("Carousel".to_string(), vec![250]), ("Reel".to_string(), vec![340])]);
    assert_eq!(references(&f.references), [("Carousel: 2.62%", 262), ("Reel: 2.03%", 203)]);
    assert_eq!((f.unit, f.stacked, f.horizontal), (Unit::Percent, false, false));
    let t = svg_texts(&Chart::Bar(f), Spelling::English);
    has(&t, &["Engagement rate by format, against the benchmarks", "Reel", "Carousel", "Reel: 2.03%", "Carousel: 2.62%", "0%"]);

    let tiers = bar(chart(&w, ResultsChartKind::ByTier, None, None, Spelling::Dutch));
    // Lotte's 5,000 followers are nano, Sanne's 10,000 micro.
    assert_eq!(values(&tiers), [("Nano".to_string(), vec![300]), ("Micro".to_string(), vec![270])]);
    assert_eq!(references(&tiers.references), [("Nano: 2,71%", 271), ("Micro: 1,81%", 181)]);
    let t = svg_texts(&Chart::Bar(tiers), Spelling::Dutch);
    has(&t, &["Engagement rate per tier, tegenover de benchmarks", "Nano: 2,71%", "Micro: 1,81%"]);
}

#[test]
fn gifted_against_paid_states_the_difference_and_marks_the_guide_s_12_9_percent() {
    let w = world();
    let g = bar(chart(&w, ResultsChartKind::GiftedVsPaid, None, None, Spelling::English));
    assert_eq!(values(&g), [("Gifted".to_string(), vec![270]), ("Paid".to_string(), vec![300])]);
    // (2.70% − 3.00%) ÷ 3.00% = −10%; the guide's gifted: 3.00% × 1.129 = 3.387% → 3.39%.
    assert_eq!(g.title, "Gifted vs paid: -10% engagement (guide: +12.9%)");
    assert_eq!(references(&g.references), [("Paid +12.9%: gifted as the guide has it", 339)]);
    let t = svg_texts(&Chart::Bar(g), Spelling::English);
    has(&t, &["Gifted vs paid: -10% engagement (guide: +12.9%)", "Gifted", "Paid", "Paid +12.9%: gifted as the guide has it"]);
    // Sanne alone has no paid posts: no difference, no mark, the guide still said.
    let nl = bar(chart(&w, ResultsChartKind::GiftedVsPaid, None, Some(w.sanne), Spelling::Dutch));
    assert_eq!(values(&nl), [("Gifting".to_string(), vec![270])]);
    assert_eq!(nl.title, "Engagement van gifting tegenover betaald (gids: +12,9%)");
    assert!(nl.references.is_empty());
}

#[test]
fn the_funnel_counts_reach_clicks_and_orders_and_leaves_out_what_is_not_known() {
    let mut w = world();
    let f = bar(chart(&w, ResultsChartKind::Funnel, Some(w.spring), None, Spelling::English));
    // 6,000 + 4,000 + 2,000 reached; 40 + 10 + 5 clicks; orders #1–#3.
    assert_eq!(values(&f), [("Reach".to_string(), vec![12_000]), ("Link clicks".to_string(), vec![55]), ("Attributed orders".to_string(), vec![3])]);
    assert_eq!(f.title, "Reach → link clicks → attributed orders");
    let t = svg_texts(&Chart::Bar(f), Spelling::English);
    has(&t, &["Reach", "Link clicks", "Attributed orders"]);
    let sanne = bar(chart(&w, ResultsChartKind::Funnel, None, Some(w.sanne), Spelling::English));
    assert_eq!(values(&sanne), [("Reach".to_string(), vec![10_000]), ("Link clicks".to_string(), vec![50]), ("Attributed orders".to_string(), vec![2])]);
    let all = bar(chart(&w, ResultsChartKind::Funnel, None, None, Spelling::English));
    assert_eq!(values(&all)[2], ("Attributed orders".to_string(), vec![4]), "Maya's order too, not the unattributed one");

    // Lotte's newest counts leave the clicks out: the stage is not known, not 0.
    let lotte_post: i64 = w.ws.conn().query_row("SELECT d.id FROM deliverables d JOIN collaborations c ON c.id = d.collaboration_id WHERE c.creator_id = ?1", [w.lotte], |r| r.get(0)).unwrap();
    results(&mut w.ws, lotte_post, "2025-03-25", ["150", "12", "", "", "2100", "", "5000"]);
    let f = bar(chart(&w, ResultsChartKind::Funnel, Some(w.spring), None, Spelling::Dutch));
    assert_eq!(values(&f), [("Bereik".to_string(), vec![12_100]), ("Toegewezen bestellingen".to_string(), vec![3])]);
    assert_eq!(f.title, "Bereik → linkklikken → toegewezen bestellingen · niet bekend: linkklikken");
    // Winter has no posts with results: only its order is known.
    let winter = bar(chart(&w, ResultsChartKind::Funnel, Some(w.winter), None, Spelling::English));
    assert_eq!(values(&winter), [("Attributed orders".to_string(), vec![1])]);
    assert!(winter.title.ends_with("not known: reach, link clicks"), "{}", winter.title);
}

#[test]
fn the_budget_is_the_campaign_list_s_planned_committed_and_spent() {
    let w = world();
    let b = bar(chart(&w, ResultsChartKind::Budget, None, None, Spelling::English));
    // Spring: €1,000 planned; €50 gift + €300 fee committed; Lotte's completed €300 spent.
    // Winter: €500 planned, Maya's €200 committed, nothing spent.
    assert_eq!(values(&b), [("Spring coats".to_string(), vec![100_000, 35_000, 30_000]), ("Winter".to_string(), vec![50_000, 20_000, 0])]);
    assert_eq!(b.series.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Planned", "Committed", "Spent"]);
    assert!(!b.stacked && b.horizontal && b.unit == Unit::Money(crate::money::Currency::parse("EUR").unwrap()));
    let list = crate::campaigns::board::campaign_list(&w.ws, day(TODAY)).unwrap();
    let spring = list.iter().find(|c| c.id == w.spring).unwrap();
    assert_eq!(vec![spring.budget.minor, spring.committed.minor, spring.spent.minor], values(&b)[0].1, "the campaign list's own figures");
    let t = svg_texts(&Chart::Bar(b), Spelling::English);
    has(&t, &["Budget: planned, committed and spent", "Planned", "Committed", "Spent", "Spring coats", "Winter"]);
    let one = bar(chart(&w, ResultsChartKind::Budget, Some(w.winter), None, Spelling::Dutch));
    assert_eq!(values(&one), [("Winter".to_string(), vec![50_000, 20_000, 0])]);
    has(&svg_texts(&Chart::Bar(one), Spelling::Dutch), &["Begroot", "Toegezegd", "Besteed", "Budget: begroot, toegezegd en besteed"]);
    // Archived campaigns leave the workspace's chart, top N sums the rest.
    let mut ws = w.ws;
    campaign::archive(&mut ws, w.winter).unwrap();
    let b = bar(results_chart_of(ws.conn(), ResultsChartKind::Budget, ChartScope::default(), day(TODAY), Spelling::English).unwrap());
    assert_eq!(b.categories, ["Spring coats"]);
}

#[test]
fn growth_draws_each_handle_from_its_first_count_with_the_posts_marked() {
    let w = world();
    let handle = |name: &str| -> i64 { w.ws.conn().query_row("SELECT id FROM handles WHERE handle = ?1", [name], |r| r.get(0)).unwrap() };
    let (instagram, tiktok) = (handle("sanne.groen"), handle("sanne.tt"));
    // The roster counted both on the day she was added (today); earlier counts from a history.
    let added = crate::campaigns::fields::local_today();
    crate::roster::creators::record_snapshot(w.ws.conn(), instagram, "2025-02-01", 14_000).unwrap();
    crate::roster::creators::record_snapshot(w.ws.conn(), instagram, "2025-03-01", 14_500).unwrap();
    crate::roster::creators::record_snapshot(w.ws.conn(), tiktok, "2025-03-01", 3_000).unwrap();
    let l = line(chart(&w, ResultsChartKind::Growth, None, Some(w.sanne), Spelling::English));
    assert_eq!(l.days, [day("2025-02-01"), day("2025-03-01"), added]);
    assert_eq!(l.series[0], Series { name: "Instagram @sanne.groen".into(), values: vec![14_000, 14_500, 15_000] });
    assert_eq!((l.series[1].name.as_str(), &l.series[1].values[1..]), ("TikTok @sanne.tt", [3_000, 4_000].as_slice()));
    assert_eq!(l.known_from, [Some(day("2025-02-01")), Some(day("2025-03-01"))], "TikTok counted from 1 March only");
    assert_eq!(l.marks, [DateMark { on: day("2025-03-03"), label: "Reel".into() }, DateMark { on: day("2025-03-05"), label: "Carousel".into() }]);
    assert_eq!(l.title, "Followers of Sanne Groen, posts marked");
    let svg = render_svg(&Chart::Line(l.clone()), &Style::new(Theme::Dark, Spelling::English)).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let points: Vec<usize> = doc.descendants().filter(|n| n.has_tag_name("polyline")).map(|n| n.attribute("points").unwrap().split_whitespace().count()).collect();
    assert_eq!(points, [3, 2], "TikTok's line starts at its first count");
    has(&svg_texts(&Chart::Line(l), Spelling::English), &["Followers of Sanne Groen, posts marked", "Instagram @sanne.groen", "TikTok @sanne.tt", "Reel"]);
    // A campaign narrows the marks to its posts: Winter has none of hers.
    let winter = line(chart(&w, ResultsChartKind::Growth, Some(w.winter), Some(w.sanne), Spelling::Dutch));
    assert!(winter.marks.is_empty() && winter.title == "Volgers van Sanne Groen, met de posts");
    // Maya was counted once: one point, drawn.
    let maya = line(chart(&w, ResultsChartKind::Growth, None, Some(w.maya), Spelling::English));
    assert_eq!((maya.days.len(), maya.series[0].values.as_slice()), (1, [30_000].as_slice()));
    svg_texts(&Chart::Line(maya), Spelling::English);
}

#[test]
fn a_scope_a_kind_cannot_use_is_refused() {
    let w = world();
    let refused = |kind, scope| results_chart_of(w.ws.conn(), kind, scope, day(TODAY), Spelling::English).unwrap_err();
    match refused(ResultsChartKind::Growth, ChartScope { campaign: Some(w.spring), creator: None }) {
        Error::Validation(f) => assert_eq!((f[0].field.as_str(), f[0].code, f[0].message.starts_with("Choose a creator")), ("creator", "chart_needs_creator", true)),
        other => panic!("{other:?}"),
    }
    match refused(ResultsChartKind::Budget, ChartScope { campaign: None, creator: Some(w.sanne) }) {
        Error::Validation(f) => assert_eq!(f[0].code, "chart_takes_no_creator"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(refused(ResultsChartKind::Funnel, ChartScope { campaign: Some(999), creator: None }), Error::NotFound { what: "campaign", id: 999 }));
    assert!(matches!(refused(ResultsChartKind::Growth, ChartScope { campaign: None, creator: Some(999) }), Error::NotFound { what: "creator", id: 999 }));
    assert!(ResultsChartKind::ALL.iter().all(|k| k.needs_creator() == (*k == ResultsChartKind::Growth)));
}

#[test]
fn every_kind_draws_on_an_empty_workspace_as_no_data_yet() {
    let mut ws = Workspace::in_memory(&Settings::new("Empty", "EUR", "en-GB")).unwrap();
    // A creator whose follower history is gone (every roster save counts the followers).
    let lone = new_creator(&mut ws, "Lone", &[("instagram", "lone", "100")]);
    ws.conn().execute("DELETE FROM follower_snapshots", []).unwrap();
    for kind in ResultsChartKind::ALL {
        let scope = ChartScope { campaign: None, creator: kind.needs_creator().then_some(lone) };
        for language in [Spelling::English, Spelling::Dutch] {
            let c = results_chart_of(ws.conn(), kind, scope, day(TODAY), language).unwrap();
            let t = svg_texts(&c, language);
            assert!(t.iter().any(|x| x == super::text::no_data(language)), "{kind:?}: {t:?}");
            assert!(!c.title().is_empty(), "{kind:?} has a title");
        }
        let png = draw_results(&ws, kind, scope, &Style::new(Theme::Dark, Spelling::English), Format::Png).unwrap();
        assert!(png.starts_with(b"\x89PNG"));
    }
}

#[test]
fn every_kind_is_drawn_and_saved_in_both_themes_and_languages() {
    let w = world();
    let samples = std::env::var_os("CHORUS_CHART_SAMPLES").map(std::path::PathBuf::from);
    let dir = tempfile::tempdir().unwrap();
    let out = samples.clone().unwrap_or_else(|| dir.path().to_path_buf());
    std::fs::create_dir_all(&out).unwrap();
    for kind in ResultsChartKind::ALL {
        let scope = ChartScope { campaign: None, creator: kind.needs_creator().then_some(w.sanne) };
        for (theme, language) in [(Theme::Light, Spelling::English), (Theme::Dark, Spelling::Dutch)] {
            let style = Style { pixel_ratio: 2, ..Style::new(theme, language) };
            let svg = String::from_utf8(draw_results(&w.ws, kind, scope, &style, Format::Svg).unwrap()).unwrap();
            assert!(!svg.contains("NaN") && !svg.contains(super::text::no_data(language)), "{kind:?} has data");
            let stem = format!("results-{}-{}", kind.as_str(), if language == Spelling::Dutch { "nl" } else { "en" });
            for format in [Format::Svg, Format::Png] {
                let path = out.join(format!("{stem}.{}", format.extension()));
                save_results(&w.ws, kind, scope, &style, format, &path).unwrap();
                assert_eq!(std::fs::read(&path).unwrap(), draw_results(&w.ws, kind, scope, &style, format).unwrap());
            }
        }
        assert_eq!(kind.file_name(Format::Png), format!("{}.png", kind.as_str().replace('_', "-")));
    }
    assert_eq!(ResultsChartKind::ByFormat.file_name(Format::Svg), "by-format.svg");
    assert_eq!(serde_json::to_string(&ResultsChartKind::GiftedVsPaid).unwrap(), "\"gifted_vs_paid\"");
}
