//! End-to-end journeys through the real window (tauri-driver + WebKitWebDriver under Xvfb).
//! Each journey runs the app on its own data directory and ends with a screenshot in
//! tests/screenshots/.

mod support;

use chorus_core::roster::model::{CreatorDraft, HandleDraft};
use chorus_core::app::recent::RecentList;
use chorus_core::workspace::settings::Settings;
use chorus_core::Workspace;
use serde_json::json;
use std::path::{Path, PathBuf};
use support::{enabled, App, ONE_AT_A_TIME};

/// A workspace file the app will open at start, as if the user had used it last.
fn workspace_opened_last(data_dir: &Path, name: &str) -> (PathBuf, Workspace) {
    let path = data_dir.join(format!("{name}.chorus"));
    let ws = Workspace::create(&path, &Settings::new(name, "EUR", "en-GB")).unwrap();
    let mut recent = RecentList::default();
    recent.touch(&path, name, "2026-11-25T08:00:00Z");
    recent.save(data_dir).unwrap();
    (path, ws)
}

fn count_in(path: &Path) -> i64 {
    Workspace::open(path).unwrap().info().unwrap().creators
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_create_workspace_add_creator_find_and_restart() {
    if !enabled("journey 1") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("Studio Zon.chorus");

    // First run: the demo workspace opens, so the app is never an empty shell.
    // Today is the first screen; the journey is about the roster (Creators).
    let app = App::start(data.path()).await;
    app.wait_for("#today-title").await;
    app.click("#nav-roster").await;
    app.wait_until("the demo roster", "return document.querySelectorAll('.roster-row').length > 10;", vec![]).await;
    app.screenshot("journey1-first-run-demo").await;

    // A new workspace through the switcher; the native save dialog answers with `file`.
    app.click("#ws-switcher").await;
    app.click("#ws-new").await;
    app.fill("#new-ws-brand", "Studio Zon").await;
    app.fill("#new-ws-currency", "EUR").await;
    app.choose("#new-ws-locale", "nl-NL").await;
    app.answer_dialog_with(Some(&file));
    app.click("#new-ws-create").await;
    // A new workspace has nothing to do yet: Today says so and points to the next step.
    assert!(app.wait_for_text("#today-clear", "the all-clear", |t| !t.is_empty()).await.contains("All clear for today"));
    app.click("#nav-roster").await;
    app.wait_for_text("#roster-count", "an empty roster", |t| t.starts_with('0')).await;
    assert!(file.is_file(), "the workspace file was created");

    // A creator, first with a bad email: the error shows at the field and nothing is saved.
    app.click("#new-creator").await;
    app.fill("#f-display_name", "Fleur de Jong").await;
    app.choose("#f-handle-0-platform", "instagram").await;
    app.fill("#f-handle-0-handle", "@fleur.groen").await;
    app.fill("#f-handle-0-followers", "12,500").await; // an English window: 12.500 would be 12.5
    app.fill("#f-email", "fleur@").await;
    app.click("#save-creator").await;
    let err = app.wait_for_text("#err-email", "an email error", |t| !t.trim().is_empty()).await;
    assert!(err.contains("fleur@"), "the error names the value: {err}");
    assert_eq!(app.js("return document.querySelector('#f-email').getAttribute('aria-invalid');", vec![]).await, json!("true"));
    assert_eq!(count_in(&file), 0, "nothing saved while the email is wrong");
    app.screenshot("journey1-email-error").await;

    app.fill("#f-email", "fleur@example.nl").await;
    app.click("#save-creator").await;
    app.wait_for_text("#detail-name", "the saved creator", |t| t == "Fleur de Jong").await;
    assert_eq!(count_in(&file), 1);

    // Meanwhile another process (as the chorus CLI would) adds a creator to the same file:
    // the window notices and shows it without a restart.
    {
        let mut other = Workspace::open(&file).unwrap();
        let bram = CreatorDraft {
            display_name: "Bram Jansen".into(),
            handles: vec![HandleDraft { platform: "youtube".into(), handle: "bramtech".into(), followers: "120000".into(), ..Default::default() }],
            ..Default::default()
        };
        chorus_core::roster::creators::create(&mut other, &bram).unwrap();
    }
    app.wait_for_text("#roster-count", "the creator added elsewhere", |t| t.starts_with('2')).await;

    // An edit that races another process is refused, not silently lost: the window says so and
    // offers to reload, and the other process's change stays.
    app.fill("#search", "fleur").await;
    app.wait_until("Fleur alone", "return document.querySelectorAll('.roster-row').length === 1;", vec![]).await;
    app.click_until(".roster-row", "#edit-creator").await;
    app.click("#edit-creator").await;
    app.fill("#f-city", "Utrecht").await;
    {
        let mut other = Workspace::open(&file).unwrap();
        let page = chorus_core::roster::list(&other, &chorus_core::roster::RosterQuery { search: "fleur".into(), ..Default::default() }).unwrap();
        let fleur = chorus_core::roster::creators::get(&other, page.rows[0].id).unwrap();
        let mut draft = fleur.to_draft();
        draft.city = "Gouda".into();
        chorus_core::roster::creators::update(&mut other, fleur.id, fleur.revision, &draft).unwrap();
    }
    app.click("#save-creator").await;
    app.wait_for_text("#form-banner", "the changed-elsewhere warning", |t| t.contains("changed elsewhere")).await;
    app.screenshot("journey1-changed-elsewhere").await;
    app.click("#reload-creator").await;
    app.wait_until("the reloaded form", "const c = document.querySelector('#f-city'); return !!c && c.value === 'Gouda';", vec![]).await;
    app.click("#cancel-creator").await;
    app.fill("#search", "").await;

    // Found by a piece of the handle.
    app.fill("#search", "groen").await;
    app.wait_until("one search result", "return document.querySelectorAll('.roster-row').length === 1;", vec![]).await;
    assert_eq!(app.texts(".roster-row .cell-name").await, vec!["Fleur de Jong"]);
    app.stop().await;

    // Restart: the app reopens the workspace used last, and the creator is still there.
    let app = App::start(data.path()).await;
    app.click("#nav-roster").await;
    app.wait_for_text("#roster-count", "both creators after a restart", |t| t.starts_with('2')).await;
    // The count can be painted a moment before the rows it counts.
    app.wait_until("both rows after a restart", "return document.querySelectorAll('.roster-row').length === 2;", vec![]).await;
    assert_eq!(app.texts(".roster-row .cell-name").await, vec!["Bram Jansen", "Fleur de Jong"]);
    app.screenshot("journey1-after-restart").await;
    app.stop().await;
}

const GOOD_CSV: &str = "Naam;Instagram;Instagram volgers;E-mail;Land;Niche\n\
Sanne Bakker;sanne.groen;24.000;sanne@example.nl;NL;sustainable fashion\n\
Daan Visser;daan.bakt;3.100;daan@example.nl;NL;food & drink\n\
Chloé Dubois;chloe.maison;152.000;;FR;lifestyle\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_import_with_a_bad_row_then_fixed_then_again() {
    if !enabled("journey 2") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    let data = tempfile::tempdir().unwrap();
    let (file, ws) = workspace_opened_last(data.path(), "Import Test");
    drop(ws);
    let csv = data.path().join("creators.csv");
    std::fs::write(&csv, GOOD_CSV.replace("daan.bakt;3.100", "daan.bakt;-3.100")).unwrap();

    let app = App::start(data.path()).await;
    app.click("#nav-roster").await;
    app.wait_for_text("#roster-count", "an empty roster", |t| t.starts_with('0')).await;
    app.answer_dialog_with(Some(&csv));
    app.click("#import-csv").await;
    app.click("#import-confirm").await;
    let errors = app.wait_for_text("#import-errors", "the bad row", |t| !t.trim().is_empty()).await;
    assert!(errors.contains('3') && errors.contains("Instagram volgers"), "row and column named: {errors}");
    assert_eq!(app.texts("#import-errors .import-error").await.len(), 1, "exactly one problem");
    assert_eq!(count_in(&file), 0, "nothing was imported");
    app.screenshot("journey2-import-rejected").await;

    // Fixed file: everything comes in.
    std::fs::write(&csv, GOOD_CSV).unwrap();
    app.js("document.querySelector('dialog[open] [data-close], dialog[open] .dialog-close')?.click(); return true;", vec![]).await;
    app.click("#import-csv").await;
    app.click("#import-confirm").await;
    app.wait_for("#import-result").await;
    assert_eq!(count_in(&file), 3);
    app.js("document.querySelector('dialog[open] [data-close], dialog[open] .dialog-close')?.click(); return true;", vec![]).await;
    app.wait_for_text("#roster-count", "three creators", |t| t.starts_with('3')).await;

    // The same file again adds nobody.
    app.click("#import-csv").await;
    app.click("#import-confirm").await;
    let result = app.text("#import-result").await;
    assert_eq!(count_in(&file), 3, "a second import adds nothing: {result}");
    app.screenshot("journey2-second-import").await;
    app.js("document.querySelector('dialog[open] [data-close], dialog[open] .dialog-close')?.click(); return true;", vec![]).await;
    app.wait_for_text("#roster-count", "still three", |t| t.starts_with('3')).await;
    app.screenshot("journey2-roster-after-import").await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_markup_in_a_name_shows_as_text() {
    if !enabled("journey 3") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    let data = tempfile::tempdir().unwrap();
    let (_file, mut ws) = workspace_opened_last(data.path(), "Text Test");
    let evil = "<img src=x onerror=alert(1)>";
    let draft = CreatorDraft {
        display_name: evil.into(),
        handles: vec![HandleDraft { platform: "instagram".into(), handle: "evil".into(), followers: "5000".into(), ..Default::default() }],
        niches: vec!["<b>bold</b>".into()],
        notes: "<script>document.title='owned'</script>".into(),
        ..Default::default()
    };
    chorus_core::roster::creators::create(&mut ws, &draft).unwrap();
    drop(ws);

    let app = App::start(data.path()).await;
    app.click("#nav-roster").await;
    let shown = app.wait_for_text(".roster-row .cell-name", "the name", |t| !t.is_empty()).await;
    assert_eq!(shown, evil, "the name shows literally");
    let imgs = app.js("return document.querySelectorAll('img').length;", vec![]).await;
    assert_eq!(imgs, json!(0), "no element was made from the name");
    app.click_until(".roster-row", "#detail-name").await;
    app.wait_for_text("#detail-name", "the detail", |t| t == evil).await;
    // The growth chart is a picture the core drew (a data: PNG); nothing else may become an element.
    assert_eq!(app.js("return document.querySelectorAll('img:not(.chart-image), script:not([src]), b').length;", vec![]).await, json!(0));
    assert_ne!(app.js("return document.title;", vec![]).await, json!("owned"));
    app.screenshot("journey3-markup-as-text").await;
    app.stop().await;
}
