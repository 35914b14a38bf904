//! The roster's order and filter counts through the real window (tauri-driver + WebKitWebDriver
//! under Xvfb): names sort with accents and case folded ("Émile" between "Bram" and "Zoë"), a
//! two-letter search finds an accented name, and each filter menu counts what it filters, also
//! after another program (the CLI) adds a creator to the same file. In English and in Dutch,
//! light and dark. Screenshots: tests/screenshots/roster-sorted-by-name.png,
//! roster-sorted-by-name-nl-dark.png.

mod support;

use chorus_core::app::preferences::Preferences;
use chorus_core::app::recent::RecentList;
use chorus_core::roster::model::{CreatorDraft, HandleDraft};
use chorus_core::workspace::settings::Settings;
use chorus_core::Workspace;
use serde_json::json;
use std::path::{Path, PathBuf};
use support::{enabled, App, ONE_AT_A_TIME};

fn creator(name: &str, handle: &str, niche: &str, country: &str) -> CreatorDraft {
    CreatorDraft {
        display_name: name.into(),
        handles: vec![HandleDraft { platform: "instagram".into(), handle: handle.into(), followers: "2400".into(), ..Default::default() }],
        niches: vec![niche.into()],
        country: country.into(),
        ..Default::default()
    }
}

/// A workspace of five creators whose names start with an accent, a capital or neither.
fn workspace(data_dir: &Path) -> PathBuf {
    let path = data_dir.join("Studio Zon.chorus");
    let mut ws = Workspace::create(&path, &Settings::new("Studio Zon", "EUR", "en-GB")).unwrap();
    for (name, handle, niche, country) in
        [("Zoë Martin", "zoe.eats", "tech", "NL"), ("Émile Roux", "emile.r", "tech", "BE"), ("anna Bakker", "anna.b", "food & drink", "NL"), ("Ömer Kaya", "omer.k", "tech", "DE"), ("Bram Jansen", "bram.j", "food & drink", "NL")]
    {
        chorus_core::roster::creators::create(&mut ws, &creator(name, handle, niche, country)).unwrap();
    }
    let mut recent = RecentList::default();
    recent.touch(&path, "Studio Zon", "2026-11-25T08:00:00Z");
    recent.save(data_dir).unwrap();
    path
}

const SORTED: [&str; 5] = ["anna Bakker", "Bram Jansen", "Émile Roux", "Ömer Kaya", "Zoë Martin"];

/// The texts of a filter menu's options, the "all" option first.
async fn options(app: &App, select: &str) -> Vec<String> {
    let texts = app.js("return Array.from(document.querySelectorAll(arguments[0] + ' option')).map(o => o.textContent);", vec![json!(select)]).await;
    serde_json::from_value(texts).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn names_sort_as_people_expect_and_the_menus_count_what_they_filter() {
    if !enabled("Roster order journey") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    let data = tempfile::tempdir().unwrap();
    Preferences { language: "en".into(), ..Default::default() }.save(data.path()).unwrap();
    let path = workspace(data.path());

    let app = App::start(data.path()).await;
    app.click("#nav-roster").await;
    app.wait_for_text("#roster-count", "five creators", |t| t == "5 creators").await;
    app.choose("#sort", "name").await;
    app.wait_for_texts(".roster-row .cell-name", "names in the order people expect", &SORTED).await;
    app.click("#sort-direction").await;
    let reversed: Vec<&str> = SORTED.iter().rev().copied().collect();
    app.wait_for_texts(".roster-row .cell-name", "Z to A", &reversed).await;
    app.click("#sort-direction").await;
    app.wait_for_texts(".roster-row .cell-name", "A to Z again", &SORTED).await;

    // The menus count creators, most common first.
    assert_eq!(options(&app, "#filter-niche").await, vec!["All niches", "tech (3)", "food & drink (2)"]);
    let countries = options(&app, "#filter-country").await;
    assert_eq!(countries.len(), 4, "{countries:?}");
    assert!(countries[1].ends_with("(3)"), "the Netherlands first: {countries:?}");
    app.screenshot("roster-sorted-by-name").await;

    // A menu's count is what choosing it shows.
    app.choose("#filter-niche", "tech").await;
    app.wait_for_text("#roster-count", "the tech creators", |t| t == "3 creators").await;
    app.wait_for_texts(".roster-row .cell-name", "tech, by name", &["Émile Roux", "Ömer Kaya", "Zoë Martin"]).await;

    // Another program adds a tech creator to the file: the menu and the list follow.
    let mut cli = Workspace::open(&path).unwrap();
    chorus_core::roster::creators::create(&mut cli, &creator("Çağla Demir", "cagla.d", "tech", "NL")).unwrap();
    drop(cli);
    app.wait_until("the menu counts the new creator", "return Array.from(document.querySelectorAll('#filter-niche option')).some(o => o.textContent === 'tech (4)');", vec![]).await;
    app.wait_for_texts(".roster-row .cell-name", "Çağla among the c's", &["Çağla Demir", "Émile Roux", "Ömer Kaya", "Zoë Martin"]).await;

    // Two letters without the accent find the accented name.
    app.choose("#filter-niche", "").await;
    app.fill("#search", "em").await;
    app.wait_for_texts(".roster-row .cell-name", "the short search", &["Émile Roux"]).await;
    app.stop().await;

    // In Dutch and dark: the same order, the same counts.
    Preferences { language: "nl".into(), ..Default::default() }.save(data.path()).unwrap();
    std::env::set_var("GTK_THEME", "Adwaita:dark");
    let app = App::start(data.path()).await;
    std::env::remove_var("GTK_THEME");
    app.click("#nav-roster").await;
    app.wait_for_text("#roster-count", "six creators", |t| t == "6 creators").await;
    app.choose("#sort", "name").await;
    app.wait_for_texts(".roster-row .cell-name", "Dutch order", &["anna Bakker", "Bram Jansen", "Çağla Demir", "Émile Roux", "Ömer Kaya", "Zoë Martin"]).await;
    let niches = options(&app, "#filter-niche").await;
    assert_eq!(&niches[1..], ["tech (4)", "food & drink (2)"], "{niches:?}");
    app.screenshot("roster-sorted-by-name-nl-dark").await;
    app.stop().await;
}
