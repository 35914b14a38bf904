//! The brand-rule checklist of a deliverable, through the real window: the edit form ticks only
//! what the campaign's brief asks (a brief with hashtags alone offers one tick), and a brief
//! that asks for none of hashtags, mentions and disclosure says so in one calm line; in English
//! light and Dutch dark. Screenshots: checklist-hashtags-only(-nl-dark).png,
//! checklist-none(-nl-dark).png.

mod support;

use chorus_core::app::recent::RecentList;
use chorus_core::campaigns::campaign;
use chorus_core::Workspace;
use serde_json::json;
use std::path::Path;
use support::{enabled, App, ONE_AT_A_TIME};

const HASHTAGS_ONLY: &str = "Zomer in de stad";
const NONE_ASKED: &str = "Back to School: SPF in je rugzak";

/// The demo, with one campaign asking for hashtags alone and one asking for nothing.
fn workspace(data: &Path) {
    let path = data.join("Studio Zon.chorus");
    let mut ws: Workspace = chorus_core::demo::create_demo(&path).unwrap();
    for (name, mentions, hashtags) in [(HASHTAGS_ONLY, "", None), (NONE_ASKED, "", Some(""))] {
        let c = campaign::find(&ws, name).unwrap().unwrap();
        let mut draft = c.draft.clone();
        draft.required_mentions = mentions.into();
        draft.disclosure = String::new();
        if let Some(h) = hashtags {
            draft.required_hashtags = h.into();
        }
        campaign::update(&mut ws, c.id, c.revision, &draft).unwrap();
    }
    drop(ws);
    let mut recent = RecentList::load(data);
    recent.touch(&path, "Studio Zon", "2026-03-01T09:00:00Z");
    recent.save(data).unwrap();
}

/// Opens the first deliverable of the first collaboration of `campaign` for editing; its text.
async fn edit_first_deliverable(app: &App, campaign: &str) -> String {
    app.click("#nav-campaigns").await;
    app.wait_for(".campaign-open").await;
    app.js("[...document.querySelectorAll('.campaign-open')].find((b) => b.textContent === arguments[0]).click(); return true;", vec![json!(campaign)]).await;
    let with_deliverables = "[...document.querySelectorAll('.board-card')].find((c) => !/\\/0(\\D|$)/.test(c.querySelector('.card-deliverables').textContent))";
    app.wait_until("a card with a deliverable", &format!("return !!{with_deliverables};"), vec![]).await;
    app.js(&format!("{with_deliverables}.click(); return true;"), vec![]).await;
    app.click("#collab-tab-deliverables").await;
    app.click(".edit-deliverable").await;
    app.text("#de-form").await
}

async fn ticks(app: &App) -> Vec<String> {
    app.texts("#de-form .subsection .check-field").await
}

/// Issue 8: the checklist offered "Mentions (the campaign asks for none)" (and the same for
/// hashtags and disclosure): a tick for a requirement that does not exist.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_the_checklist_ticks_only_what_the_brief_asks() {
    if !enabled("Checklist journey") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    for (language, dark, suffix) in [("en", false, ""), ("nl", true, "-nl-dark")] {
        let data = tempfile::tempdir().unwrap();
        workspace(data.path());
        let app = App::start_speaking(data.path(), language, dark).await;

        let form = edit_first_deliverable(&app, HASHTAGS_ONLY).await;
        let uses = if language == "en" { "Uses #zomerindestad #studiozon" } else { "Gebruikt #zomerindestad #studiozon" };
        assert_eq!(ticks(&app).await, vec![uses.to_string()], "{form}");
        for never in ["asks for none", "names none", "vraagt er geen", "noemt er geen", "Mentions", "Vermeldingen"] {
            assert!(!form.contains(never), "{never:?} in {form}");
        }
        app.screenshot(&format!("checklist-hashtags-only{suffix}")).await;
        app.click("#de-cancel").await;
        app.click("#close-collab").await;
        app.click("#back-to-campaigns").await;

        let form = edit_first_deliverable(&app, NONE_ASKED).await;
        assert!(ticks(&app).await.is_empty(), "{form}");
        let line = app.text("#de-checklist-none").await;
        let expected = if language == "en" { "The campaign’s brief asks for no hashtags, mentions or ad disclosure." } else { "De briefing van de campagne vraagt geen hashtags, vermeldingen of reclamevermelding." };
        assert_eq!(line, expected);
        app.screenshot(&format!("checklist-none{suffix}")).await;
        app.stop().await;
    }
}
