//! The Dutch journey through the real window (tauri-driver + WebKitWebDriver under Xvfb): the
//! app preference says Dutch, so the roster, the creator form, its errors, the numbers, dates
//! and money speak Dutch; switching to English in Settings keeps the roster's sort and the
//! half-typed creator form, and says the form's error again in English. Screenshots:
//! tests/screenshots/nl-roster.png, nl-creator-detail.png, nl-creator-form.png and
//! en-creator-form-after-switch.png.

mod support;

use chorus_core::roster::model::{CreatorDraft, HandleDraft, RateDraft};
use chorus_core::app::preferences::Preferences;
use chorus_core::app::recent::RecentList;
use chorus_core::workspace::settings::Settings;
use chorus_core::Workspace;
use serde_json::json;
use std::path::Path;
use support::{enabled, App, ONE_AT_A_TIME};

fn creator(name: &str, handle: &str, followers: &str, stage: &str, rate: Option<&str>) -> CreatorDraft {
    CreatorDraft {
        display_name: name.into(),
        handles: vec![HandleDraft { platform: "instagram".into(), handle: handle.into(), followers: followers.into(), ..Default::default() }],
        niches: vec!["duurzame mode".into()],
        country: "NL".into(),
        stage: stage.into(),
        rates: rate.map(|amount| vec![RateDraft { format: "reel".into(), amount: amount.into() }]).unwrap_or_default(),
        ..Default::default()
    }
}

/// An agency's workspace kept in en-GB conventions, with three creators, opened last.
fn workspace_with_three_creators(data_dir: &Path) {
    let path = data_dir.join("Studio Zon.chorus");
    let mut ws = Workspace::create(&path, &Settings::new("Studio Zon", "EUR", "en-GB")).unwrap();
    chorus_core::roster::creators::create(&mut ws, &creator("Sanne Bakker", "sanne.groen", "24000", "active", Some("1250"))).unwrap();
    chorus_core::roster::creators::create(&mut ws, &creator("Daan Visser", "daan.bakt", "3100", "contacted", None)).unwrap();
    chorus_core::roster::creators::create(&mut ws, &creator("Chloé Dubois", "chloe.maison", "152000", "prospect", None)).unwrap();
    let mut recent = RecentList::default();
    recent.touch(&path, "Studio Zon", "2026-11-25T08:00:00Z");
    recent.save(data_dir).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_in_dutch_then_english_without_losing_the_form() {
    if !enabled("Dutch journey") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    let data = tempfile::tempdir().unwrap();
    Preferences { language: "nl".into(), ..Default::default() }.save(data.path()).unwrap();
    workspace_with_three_creators(data.path());

    // Today opens first; the journey is about the roster (Creators, the same word in Dutch).
    let app = App::start(data.path()).await;
    app.wait_for_text("#today-title", "Vandaag", |t| t == "Vandaag").await;
    assert_eq!(app.text("#nav-roster").await, "Creators");
    app.click("#nav-roster").await;
    let count = app.wait_for_text("#roster-count", "three creators", |t| t.starts_with('3')).await;
    assert_eq!(count, "3 creators", "Dutch marketers say creators");
    assert_eq!(app.js("return document.documentElement.lang;", vec![]).await, json!("nl"));
    assert_eq!(app.text("#new-creator").await, "Creator toevoegen");
    assert_eq!(app.text("#import-csv").await, "CSV importeren…");
    assert_eq!(app.text("#nav-settings").await, "Instellingen");
    let headers = app.texts(".roster-th").await;
    assert!(headers.contains(&"Volgers".to_string()) && headers.contains(&"Fase".to_string()) && headers.contains(&"Land".to_string()), "Dutch column headers: {headers:?}");
    // Numbers and dates in Dutch conventions: 24K with 24.000 as its full figure, 25-11-2026.
    let followers = app.js("return Array.from(document.querySelectorAll('.roster-row .cell-followers')).map(e => e.title + '|' + e.textContent);", vec![]).await;
    let followers: Vec<String> = serde_json::from_value(followers).unwrap();
    assert!(followers.contains(&"24.000|24K".to_string()) && followers.contains(&"152.000|152K".to_string()), "Dutch figures: {followers:?}");
    let updated = app.texts(".roster-row .cell-updated").await;
    assert!(updated.iter().all(|d| d.len() == 10 && d.as_bytes()[2] == b'-' && d.as_bytes()[5] == b'-'), "dd-mm-jjjj: {updated:?}");
    assert!(app.texts(".roster-row .stage").await.contains(&"Actief".to_string()), "stages in Dutch");
    app.screenshot("nl-roster").await;

    // The detail: money from minor units in Dutch format.
    app.fill("#search", "sanne").await;
    app.wait_until("one search result", "return document.querySelectorAll('.roster-row').length === 1;", vec![]).await;
    app.click_until(".roster-row", "#detail-name").await;
    app.wait_for_text("#detail-name", "Sanne's detail", |t| t == "Sanne Bakker").await;
    let rate = app.text(".mini-table td").await;
    assert_eq!(rate.replace('\u{a0}', " "), "€ 1.250,00");
    assert_eq!(app.text(".mini-table th").await, "Reel");
    assert!(app.text(".panel-badges").await.contains("24.000 volgers"));
    app.screenshot("nl-creator-detail").await;

    // The creator form, in Dutch, with a Dutch error at the email field; nothing saved.
    app.js("const s = document.querySelector('#search'); s.value = ''; s.dispatchEvent(new Event('input', {bubbles: true})); return true;", vec![]).await;
    app.wait_until("all three again", "return document.querySelectorAll('.roster-row').length === 3;", vec![]).await;
    app.choose("#sort", "name").await;
    app.click("#new-creator").await;
    app.fill("#f-display_name", "Fleur de Jong").await;
    app.fill("#f-handle-0-handle", "@fleur.groen").await;
    app.fill("#f-handle-0-followers", "12.500").await;
    app.fill("#f-email", "fleur@").await;
    assert_eq!(app.text("#save-creator").await, "Creator toevoegen");
    app.click("#save-creator").await;
    let err = app.wait_for_text("#err-email", "an email error", |t| !t.trim().is_empty()).await;
    assert_eq!(err, "“fleur@” is geen e-mailadres, zoals naam@voorbeeld.nl.");
    assert!(app.text("#form-banner").await.contains("Er is nog niets opgeslagen"));
    app.screenshot("nl-creator-form").await;

    // Switch to English in Settings: the change applies at once and is remembered.
    app.click("#nav-settings").await;
    app.wait_for_text("#settings-title", "Dutch settings", |t| t == "Instellingen").await;
    app.wait_for_text("#set-locale", "the workspace settings", |t| !t.is_empty()).await;
    app.screenshot("nl-settings").await;
    app.choose("#set-language", "en").await;
    app.wait_for_text("#settings-title", "English settings", |t| t == "Settings").await;
    assert_eq!(app.js("return document.documentElement.lang;", vec![]).await, json!("en"));
    assert_eq!(Preferences::load(data.path()).language, "en");
    assert_eq!(app.js("return document.querySelector('#set-language').value;", vec![]).await, json!("en"));

    // Back on the roster: the sort, the half-typed form and its error survived, now in English.
    app.click("#nav-roster").await;
    app.wait_for_text("#roster-count", "the roster in English", |t| t == "3 creators").await;
    assert_eq!(app.text("#new-creator").await, "New creator");
    assert_eq!(app.js("return document.querySelector('#sort').value;", vec![]).await, json!("name"));
    app.wait_for_texts(".roster-row .cell-name", "the sorted names", &["Chloé Dubois", "Daan Visser", "Sanne Bakker"]).await;
    assert_eq!(app.js("return document.querySelector('#f-display_name').value;", vec![]).await, json!("Fleur de Jong"));
    // Typed in Dutch, it keeps its meaning in English (once read as 12.5 and refused).
    assert_eq!(app.js("return document.querySelector('#f-handle-0-followers').value;", vec![]).await, json!("12,500"));
    assert_eq!(app.js("return document.querySelector('#f-email').value;", vec![]).await, json!("fleur@"));
    let err = app.text("#err-email").await;
    assert_eq!(err, "“fleur@” is not an email address, like name@example.com.");
    assert_eq!(app.text("#save-creator").await, "Create creator");
    app.screenshot("en-creator-form-after-switch").await;

    // The typed creator still saves, and the window stays English after a restart.
    app.fill("#f-email", "fleur@example.nl").await;
    app.click("#save-creator").await;
    app.wait_for_text("#detail-name", "the saved creator", |t| t == "Fleur de Jong").await;
    app.stop().await;
    let app = App::start(data.path()).await;
    app.wait_for_text("#today-title", "Today in English", |t| t == "Today").await;
    app.click("#nav-roster").await;
    app.wait_for_text("#roster-count", "four creators in English", |t| t == "4 creators").await;
    assert_eq!(app.text("#nav-settings").await, "Settings");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_the_language_can_be_chosen_with_no_workspace_open() {
    if !enabled("Dutch journey: welcome screen") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("preferences.json"), r#"{"language":"en"}"#).unwrap();
    let app = App::start(data.path()).await;
    app.click("#ws-switcher").await;
    app.click("#ws-close").await;
    app.wait_for_text("#ws-new", "the English welcome screen", |t| t.contains("New workspace")).await;
    app.choose("#welcome-language", "nl").await;
    app.wait_for_text("#ws-new", "the Dutch welcome screen", |t| t.contains("Nieuwe workspace")).await;
    assert_eq!(Preferences::load(data.path()).language, "nl", "the choice is kept for the next start");
    app.screenshot("nl-welcome").await;
    app.stop().await;
}
