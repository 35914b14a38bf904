//! Imports as people bring them and countries as people write them, through the real window
//! (tauri-driver + WebKitWebDriver under Xvfb). In English: a refused import shows its
//! problems grouped by kind; "leave out" imports the good rows and saves the bad ones beside
//! the file; the roster then shows what came in although a search was active; the creator
//! form's country is a searchable picker that stores the ISO code. In Dutch and dark: a stored
//! country that is no code is shown as such and chosen again; a Dutch Excel file with a bad row
//! is refused and then imported without it; the export asks Excel (Dutch) or plain CSV.
//! Screenshots: tests/screenshots/imports-*.png.

mod support;

use chorus_core::app::preferences::Preferences;
use chorus_core::app::recent::RecentList;
use chorus_core::roster::model::{CreatorDraft, HandleDraft};
use chorus_core::workspace::settings::Settings;
use chorus_core::Workspace;
use serde_json::json;
use std::path::{Path, PathBuf};
use support::{enabled, App, ONE_AT_A_TIME};

const ENTER: &str = "\u{E007}";

/// A screenshot as a person sees the window: the harness's scrolling a field to the middle can
/// move the whole page (WebKit scrolls even a page that cannot scroll), which no person sees.
async fn shot(app: &App, name: &str) {
    app.js("document.scrollingElement.scrollTop = 0; document.body.scrollTop = 0; return true;", vec![]).await;
    app.screenshot(name).await;
}

/// A workspace opened last, with one creator on it.
fn workspace_with(data_dir: &Path, name: &str, locale: &str, creator: CreatorDraft) -> PathBuf {
    let path = data_dir.join(format!("{name}.chorus"));
    let mut ws = Workspace::create(&path, &Settings::new(name, "EUR", locale)).unwrap();
    chorus_core::roster::creators::create(&mut ws, &creator).unwrap();
    let mut recent = RecentList::default();
    recent.touch(&path, name, "2026-11-25T08:00:00Z");
    recent.save(data_dir).unwrap();
    path
}

fn creator(name: &str, handle: &str) -> CreatorDraft {
    CreatorDraft {
        display_name: name.into(),
        handles: vec![HandleDraft { platform: "instagram".into(), handle: handle.into(), followers: "5000".into(), ..Default::default() }],
        ..Default::default()
    }
}

/// The creators of a workspace file by name, with their stored country.
fn countries_in(path: &Path) -> Vec<(String, String)> {
    let ws = Workspace::open(path).unwrap();
    let page = chorus_core::roster::list(&ws, &chorus_core::roster::RosterQuery { sort: chorus_core::roster::SortKey::Name, limit: 500, ..Default::default() }).unwrap();
    page.rows.into_iter().map(|r| (r.display_name, r.country)).collect()
}

const SHEET: &str = "Name,Instagram,Followers,TikTok,TikTok followers,Country\n\
Sanne Bakker,sanne.groen,24.000,sannegroen,9000,Nederland\n\
Daan Visser,daan.bakt,N/A,,,Holland\n\
Chloé Dubois,chloe.maison,152.000,,,Atlantis\n\
Lucas Rio,lucas.rio,8700,lucasrio,-,Brazil\n\
Petra Novak,petra.praha,-5,,,Czech Republic\n\
Mila Jansen,mila.makes,18200,,,Atlantis\n\
Tom de Wit,tom.travels,230000,,,Atlantis\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_skip_bad_rows_then_the_roster_shows_them_and_the_country_picker() {
    if !enabled("imports journey") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    let data = tempfile::tempdir().unwrap();
    let file = workspace_with(data.path(), "Import Test", "en-GB", creator("Bram Jansen", "bramtech"));
    let csv = data.path().join("creators.csv");
    std::fs::write(&csv, SHEET).unwrap();

    let app = App::start(data.path()).await;
    app.click("#nav-roster").await;
    app.wait_for_text("#roster-count", "one creator", |t| t.starts_with('1')).await;
    // An earlier search that none of the imported creators matches.
    app.fill("#search", "bram").await;
    app.wait_until("Bram alone", "return document.querySelectorAll('.roster-row').length === 1;", vec![]).await;

    app.answer_dialog_with(Some(&csv));
    app.click("#import-csv").await;
    let notes = app.wait_for_text("#import-notes", "the preview's notes", |t| !t.is_empty()).await;
    assert!(notes.contains("2 cells such as “N/A” and “-” say there is nothing there: they are read as empty."), "{notes}");
    assert_eq!(app.js("return document.querySelector('#map-2').value;", vec![]).await, json!("instagram_followers"), "Followers after Instagram is Instagram's");
    shot(&app, "imports-preview").await;

    app.click("#import-confirm").await;
    let errors = app.wait_for_text("#import-errors", "the problems", |t| !t.is_empty()).await;
    let lines = app.texts("#import-errors .import-error").await;
    assert_eq!(lines.len(), 2, "one line per kind: {lines:?}");
    assert!(lines.iter().any(|l| l.starts_with("3 rows") && l.contains("Country") && l.contains("“Atlantis” is not a country Chorus knows") && l.contains("Rows 4, 7") && l.ends_with(" 8")), "{errors}");
    assert!(lines.iter().any(|l| l.starts_with("Row 6") && l.contains("Followers") && l.contains("“-5” is negative")), "{errors}");
    assert!(!errors.contains("Row 4, column"), "the place is said once: {errors}");
    assert_eq!(countries_in(&file).len(), 1, "nothing was imported");
    let skip = app.text("#import-skip-bad").await;
    assert_eq!(skip, "Import the other 3 rows, leave out 4 rows");
    shot(&app, "imports-rejected-grouped").await;

    app.click("#import-skip-bad").await;
    app.wait_for("#import-result").await;
    let saved = app.text("#import-left-out-file").await;
    let expected = data.path().join("creators-left-out.csv");
    assert_eq!(saved, expected.display().to_string());
    assert!(expected.is_file(), "the left-out rows are saved beside the file");
    assert!(app.text("#import-left-out").await.contains("4 rows with problems were left out"));
    assert_eq!(app.text("#import-created").await, "3");
    shot(&app, "imports-skipped").await;
    app.click("#import-done").await;

    // The roster shows what came in: the search is gone, the latest changes first.
    app.wait_for_text("#roster-count", "four creators", |t| t.starts_with('4')).await;
    assert_eq!(app.js("return document.querySelector('#search').value;", vec![]).await, json!(""));
    assert_eq!(app.js("return document.querySelector('#sort').value;", vec![]).await, json!("updated"));
    let names = app.texts(".roster-row .cell-name").await;
    assert_eq!(names.len(), 4, "{names:?}");
    assert!(names[..3].iter().all(|n| n != "Bram Jansen"), "the imported ones first: {names:?}");
    let stored = countries_in(&file);
    assert!(stored.contains(&("Daan Visser".into(), "NL".into())) && stored.contains(&("Lucas Rio".into(), "BR".into())), "{stored:?}");
    shot(&app, "imports-roster-after-import").await;

    // The country picker: type part of a name, choose, the code is stored.
    app.click("#new-creator").await;
    app.fill("#f-display_name", "Fleur de Jong").await;
    app.fill("#f-handle-0-handle", "fleur.groen").await;
    app.fill("#f-city", "Utrecht").await;
    app.fill("#f-country", "holl").await;
    app.wait_for_text("#f-country-offer", "the offer", |t| t.contains("Netherlands")).await;
    assert_eq!(app.texts("#f-country-offer .country-option-name").await, vec!["Netherlands"]);
    shot(&app, "imports-country-picker").await;
    app.client.find(fantoccini::Locator::Css("#f-country")).await.unwrap().send_keys(ENTER).await.unwrap();
    assert_eq!(app.js("return document.querySelector('#f-country').value;", vec![]).await, json!("Netherlands"));
    app.click("#save-creator").await;
    let place = app.wait_for_text(".detail .panel-badges", "the saved creator", |t| t.contains("Utrecht")).await;
    assert!(place.contains("Utrecht, Netherlands"), "{place}");
    assert!(countries_in(&file).contains(&("Fleur de Jong".into(), "NL".into())));

    // “belg” offers Belgium; a click chooses it. Text no country matches is refused at the field.
    app.click("#edit-creator").await;
    app.fill("#f-country", "belg").await;
    app.wait_for_text("#f-country-offer", "Belgium", |t| t.contains("Belgium")).await;
    app.click("#f-country-offer .country-option").await;
    app.click("#save-creator").await;
    app.wait_for_text(".detail .panel-badges", "Belgium", |t| t.contains("Utrecht, Belgium")).await;
    app.click("#edit-creator").await;
    app.fill("#f-country", "Nederlnd").await;
    app.click("#save-creator").await;
    let err = app.wait_for_text("#err-country", "the country error", |t| !t.is_empty()).await;
    assert!(err.contains("“Nederlnd” is not a country Chorus knows"), "{err}");
    assert!(countries_in(&file).contains(&("Fleur de Jong".into(), "BE".into())), "nothing was guessed");
    shot(&app, "imports-country-error").await;
    app.stop().await;
}

const DUTCH_EXCEL: &str = "Naam;Instagram;Volgers;Land;Tarief reel\r\n\
Zoë Bakker;zoe.eats;12.345;Nederland;1.250,50\r\n\
Anouk Hendriks;anouk.fit;-52;België;450\r\n\
Daniël de Boer;daniel.tech;#N/B;NL;99,95\r\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_in_dutch_and_dark_a_stored_country_an_excel_import_and_the_export_choice() {
    if !enabled("Dutch imports journey") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    let data = tempfile::tempdir().unwrap();
    Preferences { language: "nl".into(), ..Default::default() }.save(data.path()).unwrap();
    let file = workspace_with(data.path(), "Studio Zon", "nl-NL", creator("Fleur de Jong", "fleur.groen"));
    {
        // What the old form saved for “Holland”: cut to two letters, which is no country.
        let ws = Workspace::open(&file).unwrap();
        ws.conn().execute("UPDATE creators SET city = 'Utrecht', country = 'HO'", []).unwrap();
    }
    let csv = data.path().join("makers.csv");
    // Windows-1252, as Dutch Excel saves it (every character here is in Latin-1).
    std::fs::write(&csv, DUTCH_EXCEL.chars().map(|c| u8::try_from(u32::from(c)).unwrap()).collect::<Vec<u8>>()).unwrap();

    std::env::set_var("GTK_THEME", "Adwaita:dark");
    let app = App::start(data.path()).await;
    std::env::remove_var("GTK_THEME");
    app.click("#nav-roster").await;
    app.click_until(".roster-row", ".detail .panel-badges").await;
    let place = app.wait_for_text(".detail .panel-badges", "the stored country", |t| t.contains("Utrecht")).await;
    assert!(place.contains("Utrecht, HO (onbekend land)"), "shown as it is, said to be unknown: {place}");
    app.click("#edit-creator").await;
    let note = app.wait_for_text(".country-picker .field-warning", "the note", |t| !t.is_empty()).await;
    assert_eq!(note, "“HO” is geen land dat Chorus kent. Kies het land uit de lijst.");
    assert_eq!(app.js("return document.querySelector('#f-country').value;", vec![]).await, json!("HO"), "shown as stored");
    app.js("document.querySelector('.country-picker .field-warning').scrollIntoView({block: 'center'}); return true;", vec![]).await;
    shot(&app, "imports-nl-dark-stored-country").await;
    app.fill("#f-country", "ned").await;
    app.wait_for_text("#f-country-offer", "Nederland", |t| t.contains("Nederland")).await;
    shot(&app, "imports-nl-dark-country-picker").await;
    app.client.find(fantoccini::Locator::Css("#f-country")).await.unwrap().send_keys(ENTER).await.unwrap();
    app.click("#save-creator").await;
    app.wait_for_text(".detail .panel-badges", "Nederland", |t| t.contains("Utrecht, Nederland")).await;
    assert_eq!(countries_in(&file), vec![("Fleur de Jong".to_string(), "NL".to_string())]);
    app.click("#close-panel").await;

    // A Dutch Excel file with a bad row: refused in Dutch, then imported without it.
    app.answer_dialog_with(Some(&csv));
    app.click("#import-csv").await;
    app.click("#import-confirm").await;
    let errors = app.wait_for_text("#import-errors", "the bad row", |t| !t.is_empty()).await;
    shot(&app, "imports-nl-dark-rejected").await;
    assert!(errors.contains("Rij 3") && errors.contains("Volgers"), "{errors}");
    assert_eq!(app.text("#import-skip-bad").await, "De andere 2 rijen importeren, 1 rij weglaten");
    app.click("#import-skip-bad").await;
    let left = app.wait_for_text("#import-left-out", "the rows left out", |t| !t.is_empty()).await;
    assert!(left.contains("1 rij met fouten is weggelaten"), "{left}");
    shot(&app, "imports-nl-dark-skipped").await;
    app.click("#import-done").await;
    app.wait_for_text("#roster-count", "three creators", |t| t.starts_with('3')).await;

    // The export asks which spreadsheet opens it; Excel (Dutch) gets semicolons and commas.
    let out = data.path().join("export.csv");
    app.answer_dialog_with(Some(&out));
    app.click("#export-csv").await;
    app.wait_for("#export-dialog").await;
    assert_eq!(app.js("return document.querySelector('#export-dialect-excel-nl').checked;", vec![]).await, json!(true), "Excel (Dutch) first for a Dutch workspace");
    shot(&app, "imports-nl-dark-export-choice").await;
    app.click("#export-confirm").await;
    app.wait_until("the export", "return !document.querySelector('dialog[open]');", vec![]).await;
    let deadline = std::time::Instant::now() + support::TIMEOUT;
    while !out.is_file() && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("\u{feff}Naam;Instagram-handle;"), "Dutch headers for Excel (Dutch): {text}");
    assert!(text.contains(";1250,50;"), "{text}");
    app.stop().await;
}
