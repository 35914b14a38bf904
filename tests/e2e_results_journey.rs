//! The results journey of issue 11, end to end through the real window. A brand's spring
//! campaign with three published Instagram posts: Sanne's carousel (gifted), Lucas's Reel and
//! Noor's single image (both paid), each creator at 12,400 followers (micro). In the window: the
//! campaign's Results tab before any results; Sanne's and Lucas's counts typed in the grid the way
//! people type them (Enter walks down to the next post, leaving a post saves it), each rate shown
//! by its formula; Noor's from a Meta Business Suite export (the real header, `Lifetime`, the
//! month-first publish time) with one row of another account that matches no post: listed, and
//! left out only when the person ticks it; the figures, the gifted-against-paid sentence and the
//! chart changing with it; the client report saved as PDF; the Results screen across campaigns;
//! the results settings. English light and Dutch dark; screenshots
//! results-journey-<language>[-dark]-<step>.png, each read by the text guard.

mod support;

use chorus_core::app::recent::RecentList;
use chorus_core::campaigns::{campaign, collaboration, deliverable, CampaignDraft, CollaborationDraft, DeliverableDraft};
use chorus_core::workspace::settings::Settings;
use chorus_core::Workspace;
use fantoccini::key::Key;
use std::path::{Path, PathBuf};
use support::{day, enabled, instagram_creator, plain, App, ONE_AT_A_TIME};

const META_HEADER: &str = "\u{feff}\"Post ID\",\"Account ID\",\"Account username\",\"Account name\",Description,\"Duration (sec)\",\"Publish time\",Permalink,\"Post type\",\"Data comment\",Date,Views,Reach,Likes,Shares,Follows,Comments,Saves";

/// Studio Zon's spring campaign with three published posts, none with results yet.
fn prepared(data_dir: &Path) -> PathBuf {
    let path = data_dir.join("Studio Zon.chorus");
    let mut ws = Workspace::create(&path, &Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
    let lente = campaign::create(&mut ws, &CampaignDraft { name: "Lente 2026".into(), goal: "awareness".into(), starts_on: day(-30), ..Default::default() }).unwrap();
    let posts = [
        ("Sanne Groen", "sanne.groen", "gifted", "carousel", "https://www.instagram.com/p/DSanne1Lente/", -12),
        ("Lucas Rio", "lucas.rio", "paid", "reel", "https://www.instagram.com/reel/DLucas2Lente/", -10),
        ("Noor Bakker", "noor.bakt", "paid", "single_image", "https://www.instagram.com/p/DNoor3Lente/", -8),
    ];
    for (name, handle, kind, format, url, days) in posts {
        let creator = instagram_creator(&mut ws, name, handle);
        let collab = collaboration::create(&mut ws, &CollaborationDraft { campaign_id: lente.id, creator_id: creator, kind: kind.into(), status: "active".into(), fee: if kind == "paid" { "150.00".into() } else { String::new() }, ..Default::default() }).unwrap();
        deliverable::create(
            &mut ws,
            &DeliverableDraft { collaboration_id: collab.id, platform: "instagram".into(), format: format.into(), due_on: day(days), status: "published".into(), post_url: url.into(), published_at: format!("{}T19:30", day(days)), ..Default::default() },
        )
        .unwrap();
    }
    drop(ws);
    let mut recent = RecentList::default();
    recent.touch(&path, "Studio Zon", "2026-11-25T08:00:00Z");
    recent.save(data_dir).unwrap();
    path
}

/// Meta Business Suite's Instagram export: Noor's post, and a post of an account not in Chorus.
fn meta_export(path: &Path) {
    let month_first = |days: i64| {
        let d = day(days);
        format!("{}/{}/{} 19:30", &d[5..7], &d[8..10], &d[0..4])
    };
    let rows = [
        format!("18049211873290101,17841405822304914,noor.bakt,\"Noor Bakker | Bakken\",\"Lentetaart met rabarber 🌱 #ad @studiozon\",0,\"{}\",https://www.instagram.com/p/DNoor3Lente/,\"IG image\",,Lifetime,15230,9120,420,12,7,31,48", month_first(-8)),
        format!("18049211873290102,17841405822304999,iemand.anders,\"Iemand Anders\",\"Niet van ons\",0,\"{}\",https://www.instagram.com/p/DOther9Post/,\"IG image\",,Lifetime,900,700,40,1,0,3,2", month_first(-7)),
    ];
    std::fs::write(path, format!("{META_HEADER}\n{}\n", rows.join("\n"))).unwrap();
}

async fn press(app: &App, keys: &str) {
    app.client.active_element().await.unwrap().send_keys(keys).await.unwrap();
}

/// The figures table's row for a group: its cells' text.
async fn figure_row(app: &App, by: &str, key: &str) -> String {
    plain(&app.wait_for_text(&format!("#figures-{by}-{key}"), &format!("the {key} row"), |t| !t.is_empty()).await)
}

/// The source of the by-format chart's picture once it is drawn.
async fn chart_source(app: &App) -> String {
    let ready = "const i = document.querySelector('#chart-results-by_format'); return !!i && !i.hidden && i.complete && i.naturalWidth > 0 && !i.closest('.chart-card').hasAttribute('aria-busy');";
    app.wait_until("the by-format chart", ready, vec![]).await;
    app.js("return document.querySelector('#chart-results-by_format').src;", vec![]).await.as_str().unwrap_or_default().to_string()
}

async fn journey(language: &str, dark: bool) {
    let data = tempfile::tempdir().unwrap();
    let ws_path = prepared(data.path());
    let app = App::start_speaking(data.path(), language, dark).await;
    let nl = language == "nl";
    let shot = |step: &str| format!("results-journey-{language}{}-{step}", if dark { "-dark" } else { "" });
    let word = |en: &'static str, dutch: &'static str| if nl { dutch } else { en };

    // 1. The campaign's Results tab: three published posts, no results yet.
    app.wait_for("#nav-campaigns").await;
    app.click("#nav-campaigns").await;
    app.wait_for(".campaign-row").await;
    app.js("const r = Array.from(document.querySelectorAll('.campaign-row')).find(r => r.textContent.includes('Lente 2026')); r.click(); return true;", vec![]).await;
    app.wait_until("the board", "return Array.from(document.querySelectorAll('.board-card')).some(c => c.textContent.includes('Sanne Groen'));", vec![]).await;
    app.click("#campaign-tab-results").await;
    app.wait_for("#campaign-results").await;
    let none = app.wait_for_text("#figures-none", "no results yet", |t| !t.is_empty()).await;
    assert!(plain(&none).contains(word("3 published posts, but none has results yet", "3 gepubliceerde posts, maar nog geen enkele met resultaten")), "{none}");
    app.wait_for("#results-grid").await;
    assert_eq!(app.texts("#results-grid tbody tr").await.len(), 3, "one row per published post");
    app.screenshot(&shot("empty")).await;
    let before_chart = chart_source(&app).await;

    // 2. Sanne's counts typed as people type them; Enter goes down to Lucas's post and saves hers.
    let sanne: i64 = rusqlite::Connection::open(&ws_path).unwrap().query_row("SELECT d.id FROM deliverables d JOIN collaborations c ON c.id = d.collaboration_id JOIN creators p ON p.id = c.creator_id WHERE p.display_name = 'Sanne Groen'", [], |r| r.get(0)).unwrap();
    let lucas = sanne + 1;
    app.fill(&format!("#results-{sanne}-views"), word("5,480", "5.480")).await;
    app.fill(&format!("#results-{sanne}-reach"), word("4,210", "4.210")).await;
    app.fill(&format!("#results-{sanne}-likes"), "310").await;
    app.fill(&format!("#results-{sanne}-comments"), "24").await;
    app.fill(&format!("#results-{sanne}-shares"), "6").await;
    app.fill(&format!("#results-{sanne}-saves"), "35").await;
    press(&app, &char::from(Key::Enter).to_string()).await;
    app.wait_until("the focus on Lucas's saves", &format!("return document.activeElement && document.activeElement.id === 'results-{lucas}-saves';"), vec![]).await;
    // (310 + 24 + 6 + 35) ÷ 12,400 followers = 3.0242…% → 3.02%
    let rate = app.wait_for_text(&format!("#results-row-{sanne} .results-rate"), "Sanne's rate", |t| plain(t).starts_with(word("3.02%", "3,02%"))).await;
    assert!(plain(&rate).starts_with(word("3.02%", "3,02%")), "{rate}");
    let title = app.js(&format!("return document.querySelector('#results-row-{sanne} .results-rate').title;"), vec![]).await;
    assert!(title.as_str().unwrap_or_default().contains(word("Engagement rate by followers", "Engagement rate op volgers")), "the formula as used: {title}");
    // A count that is not a number is refused at its box; nothing of Lucas's is saved with it.
    app.fill(&format!("#results-{lucas}-saves"), "11").await;
    app.fill(&format!("#results-{lucas}-likes"), word("1,5 thousand", "1,5 duizend")).await;
    press(&app, &char::from(Key::Enter).to_string()).await;
    let problem = app.wait_for_text(&format!("#results-note-{lucas}"), "the refused count", |t| !t.is_empty()).await;
    assert!(problem.contains(word("Likes", "Likes")), "the problem names its count: {problem}");
    assert_eq!(app.js(&format!("return document.querySelector('#results-{lucas}-likes').getAttribute('aria-invalid');"), vec![]).await.as_str(), Some("true"));
    app.screenshot(&shot("grid-problem")).await;
    app.fill(&format!("#results-{lucas}-likes"), "150").await;
    app.fill(&format!("#results-{lucas}-comments"), "9").await;
    app.fill(&format!("#results-{lucas}-shares"), "2").await;
    press(&app, &char::from(Key::Enter).to_string()).await;
    // (150 + 9 + 2 + 11) ÷ 12,400 = 1.387…% → 1.39%
    let rate = app.wait_for_text(&format!("#results-row-{lucas} .results-rate"), "Lucas's rate", |t| plain(t).starts_with(word("1.39%", "1,39%"))).await;
    assert!(plain(&rate).starts_with(word("1.39%", "1,39%")), "{rate}");
    let carousel = figure_row(&app, "format", "carousel").await;
    assert!(carousel.contains(word("3.02%", "3,02%")) && carousel.contains(word("2.62%", "2,62%")), "carousel against its benchmark: {carousel}");
    let gifted = app.wait_for_text("#contrast-gifted_over_paid", "gifted against paid", |t| t.contains('%')).await;
    app.screenshot(&shot("typed")).await;

    // 3. Noor's post from Meta Business Suite's export; the other account's row is listed, not dropped.
    let export = data.path().join("Instagram posts Lente.csv");
    meta_export(&export);
    app.answer_dialog_with(Some(&export));
    app.click("#results-import").await;
    app.wait_for("#results-import-preview").await;
    assert_eq!(app.text("#results-import-new").await, "1");
    assert_eq!(app.text("#results-import-unmatched").await, "1");
    assert!(app.text("#results-unmatched").await.contains("@iemand.anders"));
    assert!(app.js("return document.querySelector('#results-import-confirm').disabled;", vec![]).await.as_bool().unwrap(), "the import waits for the person's choice");
    app.screenshot(&shot("import-preview")).await;
    app.click("#results-import-leave").await;
    app.click("#results-import-confirm").await;
    let headline = app.wait_for_text("#results-import-headline", "the import done", |t| !t.is_empty()).await;
    assert_eq!(plain(&headline), word("1 snapshot imported", "1 meting geïmporteerd"));
    assert!(app.text("#results-import-left").await.contains('1'));
    app.click("#results-import-done").await;
    let stored: (i64, i64) = rusqlite::Connection::open(&ws_path).unwrap().query_row("SELECT likes, saves FROM post_results WHERE source = 'meta'", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!(stored, (420, 48));

    // 4. The figures, the sentence and the chart change with Noor's post.
    // The row is there before the import (no data yet): wait for Noor's counts to reach it.
    let image = plain(&app.wait_for_text("#figures-format-single_image", "Noor's post in the figures", |t| t.contains(word("4.12%", "4,12%"))).await);
    // (420 + 31 + 12 + 48) ÷ 12,400 = 4.1209…% → 4.12%, against single image's 2.14%
    assert!(image.contains(word("4.12%", "4,12%")) && image.contains(word("2.14%", "2,14%")), "{image}");
    let after = app.wait_for_text("#contrast-gifted_over_paid", "the sentence again", |t| t != gifted).await;
    assert!(after.contains(word("12.9%", "12,9%")), "beside the benchmark: {after}");
    let mut after_chart = chart_source(&app).await;
    for _ in 0..20 {
        if after_chart != before_chart {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        after_chart = chart_source(&app).await;
    }
    assert_ne!(after_chart, before_chart, "the chart was drawn again from the new results");
    app.js("document.querySelector('#figures-title').scrollIntoView({ block: 'start' }); return true;", vec![]).await;
    app.screenshot(&shot("figures")).await;
    app.choose("#figures-by", "kind").await;
    let paid = figure_row(&app, "kind", "paid").await;
    assert!(paid.contains('2'), "two paid posts: {paid}");
    app.js("document.querySelector('.results-charts').scrollIntoView({ block: 'start' }); return true;", vec![]).await;
    app.screenshot(&shot("charts")).await;

    // 5. The client report, as PDF through the save dialog.
    let report = data.path().join("Lente rapport.pdf");
    app.click("#report-open").await;
    app.wait_for("#report-dialog").await;
    app.screenshot(&shot("report-dialog")).await;
    app.answer_dialog_with(Some(&report));
    app.click("#report-save").await;
    app.notice(&report.display().to_string()).await;
    let pdf = std::fs::read(&report).unwrap();
    assert!(pdf.starts_with(b"%PDF-") && pdf.len() > 10_000, "a PDF of {} bytes", pdf.len());

    // 6. The Results screen across campaigns, and the results settings.
    app.click("#nav-results").await;
    let count = app.wait_for_text("#figures-count", "the workspace's figures", |t| !t.is_empty()).await;
    assert_eq!(plain(&count), word("3 of 3 published posts have results.", "3 van de 3 gepubliceerde posts hebben resultaten."));
    app.screenshot(&shot("results-screen")).await;
    app.click("#nav-settings").await;
    app.wait_for("#set-emv-likes").await;
    assert_eq!(app.value("#set-emv-likes").await, word("0.10", "0,10"));
    app.choose("#set-basis-tiktok", "reach").await;
    app.fill("#set-emv-likes", word("0.25", "0,25")).await;
    app.click("#settings-results-save").await;
    app.notice(word("Results settings saved", "Resultaatinstellingen bewaard")).await;
    let (basis, likes): (String, i64) = rusqlite::Connection::open(&ws_path)
        .unwrap()
        .query_row("SELECT (SELECT basis FROM engagement_basis WHERE platform = 'tiktok'), (SELECT value_minor FROM emv_values WHERE count = 'likes')", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!((basis.as_str(), likes), ("reach", 25));
    app.js("document.querySelector('#settings-results').scrollIntoView({ block: 'start' }); return true;", vec![]).await;
    app.screenshot(&shot("settings")).await;
    app.stop().await;
}

/// The demo a first run opens has results: the roster flags the one creator whose followers
/// jumped with no post to explain it, his panel says why with the numbers, and the Results
/// screen has figures beside the benchmarks and charts.
async fn demo(language: &str, dark: bool) {
    let data = tempfile::tempdir().unwrap();
    let app = App::start_speaking(data.path(), language, dark).await;
    let shot = |step: &str| format!("results-demo-{language}{}-{step}", if dark { "-dark" } else { "" });
    let word = |en: &'static str, dutch: &'static str| if language == "nl" { dutch } else { en };
    app.wait_for("#nav-roster").await;
    app.click("#nav-roster").await;
    app.wait_for(".roster-row").await;
    app.fill("#search", "Jasper").await;
    app.wait_until("Jasper's flag", "const r = Array.from(document.querySelectorAll('.roster-row')).find(r => r.textContent.includes('Jasper Koster')); return !!r && !!r.querySelector('.signal-flag');", vec![]).await;
    let flag = app.js("return Array.from(document.querySelectorAll('.roster-row')).find(r => r.textContent.includes('Jasper Koster')).querySelector('.signal-flag').title;", vec![]).await;
    assert!(plain(flag.as_str().unwrap_or_default()).contains(word("Follower jump", "Sprong in volgers")), "{flag}");
    app.js("Array.from(document.querySelectorAll('.roster-row')).find(r => r.textContent.includes('Jasper Koster')).click(); return true;", vec![]).await;
    let signals = app.wait_for_text("#detail-signals", "Jasper's signals", |t| !t.is_empty()).await;
    assert!(signals.contains('%'), "the reason with its numbers: {signals}");
    app.js("document.querySelector('#detail-signals').scrollIntoView({ block: 'center' }); return true;", vec![]).await;
    app.screenshot(&shot("signals")).await;
    app.fill("#search", "").await;
    app.wait_until("no flag on others", "return document.querySelectorAll('.roster-row .signal-flag').length === 1;", vec![]).await;

    app.click("#nav-results").await;
    app.wait_for("#figures-table").await;
    let count = plain(&app.text("#figures-count").await);
    assert!(!count.starts_with('0'), "the demo's posts have results: {count}");
    app.choose("#figures-by", "creator").await;
    app.wait_for("#figures-table [id^='figures-creator-']").await;
    let sentences = app.texts("#figures-table .figures-sentence").await.join(" ");
    assert!(sentences.contains(word("above", "boven")) && sentences.contains(word("below", "onder")), "some above, some below the benchmarks: {sentences}");
    app.screenshot(&shot("results")).await;
    // A creator's recent form: each creator over their last 5 posts; Sanne's 7 become 5.
    app.wait_for_text("#figures-table", "the creators", |t| t.contains("Sanne Bakker")).await;
    app.choose("#figures-window", "last5").await;
    let five = "const r = Array.from(document.querySelectorAll('#figures-table tbody tr')).find(r => r.textContent.includes('Sanne Bakker')); return !!r && r.children[1].textContent.trim() === '5';";
    app.wait_until("Sanne over her last 5 posts", five, vec![]).await;
    app.screenshot(&shot("results-last-posts")).await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_results_in_english_light() {
    if !enabled("Results in the demo (English)") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    demo("en", false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_results_in_dutch_dark() {
    if !enabled("Results in the demo (Dutch)") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    demo("nl", true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_journey_in_english_light() {
    if !enabled("Results journey (English)") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    journey("en", false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_journey_in_dutch_dark() {
    if !enabled("Results journey (Dutch)") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    journey("nl", true).await;
}
