//! The Today journey through the real window. Two client workspaces are prepared with the core:
//! Studio Zon (opened last) holds an overdue deliverable, a gift still to pack and a gift
//! delivered three weeks ago with no post; Bakkerij Noord holds one overdue deliverable. Today
//! opens first and shows each section with its count, reads again when another process adds
//! work, exports everything as one .ics, and names the thresholds Settings holds (a wrong one
//! refused at its field); an item opens the campaign with the
//! collaboration panel on that deliverable; All clients groups both workspaces under their
//! brand names, each item labelled with its client, and another client's item switches
//! workspace; the creator panel shows the history, gifts, totals and outreach log, and logging
//! a contact moves the roster's Last contact. Screenshots: today-light.png, today-dark.png,
//! today-all-clients.png, creator-history-outreach.png.
//! Also, without a window: the English compensation sentence is the core's COMPENSATION_FORMULA.

mod support;

use chorus_core::campaigns::{campaign, collaboration, deliverable, gifting};
use chorus_core::campaigns::{CampaignDraft, CollaborationDraft, DeliverableDraft, GiftItemDraft, ShipmentDraft, TouchpointDraft};
use chorus_core::roster::model::{CreatorDraft, HandleDraft};
use chorus_core::app::recent::RecentList;
use chorus_core::workspace::settings::Settings;
use chorus_core::Workspace;
use serde_json::json;
use std::path::{Path, PathBuf};
use support::{enabled, App, ONE_AT_A_TIME, day};

fn creator(ws: &mut Workspace, name: &str, handle: &str) -> i64 {
    let draft = CreatorDraft {
        display_name: name.into(),
        handles: vec![HandleDraft { platform: "instagram".into(), handle: handle.into(), followers: "12400".into(), ..Default::default() }],
        city: "Utrecht".into(),
        country: "NL".into(),
        postal_address: "Oudegracht 12\n3511 AB".into(),
        ..Default::default()
    };
    chorus_core::roster::creators::create(ws, &draft).unwrap().id
}

/// An agreed collaboration of `creator` in `campaign`.
fn agreed(ws: &mut Workspace, campaign: i64, creator: i64, kind: &str, fee: &str) -> i64 {
    let draft = CollaborationDraft { campaign_id: campaign, creator_id: creator, kind: kind.into(), fee: fee.into(), gift_value: "45".into(), ..Default::default() };
    let l = collaboration::create(ws, &draft).unwrap();
    let mut d = l.draft.clone();
    d.status = "agreed".into();
    collaboration::update(ws, l.id, l.revision, &d).unwrap().id
}

fn reel_due(ws: &mut Workspace, collaboration_id: i64, due_on: String) -> i64 {
    let draft = DeliverableDraft { collaboration_id, platform: "instagram".into(), format: "reel".into(), due_on, status: "planned".into(), ..Default::default() };
    deliverable::create(ws, &draft).unwrap().id
}

fn gift(ws: &mut Workspace, collaboration_id: i64, status: &str, shipped_on: String, delivered_on: String) -> i64 {
    let mut draft: ShipmentDraft = gifting::new_draft(ws, collaboration_id).unwrap();
    draft.status = status.into();
    draft.items = vec![GiftItemDraft { name: "Zon SPF 50".into(), quantity: "2".into(), unit_cost: "8".into(), unit_retail: "24,95".into(), ..Default::default() }];
    if status != "to_pack" {
        draft.carrier = "PostNL".into();
        draft.tracking_number = "3SZON0001".into();
        draft.shipped_on = shipped_on;
        draft.delivered_on = delivered_on;
    }
    gifting::create(ws, &draft).unwrap().id
}

struct Prepared {
    zon: PathBuf,
    bakkerij: PathBuf,
    overdue_deliverable: i64,
}

/// Two clients on the recent list, Studio Zon opened last.
fn two_clients(data_dir: &Path) -> Prepared {
    let bakkerij = data_dir.join("Bakkerij Noord.chorus");
    {
        let mut ws = Workspace::create(&bakkerij, &Settings::new("Bakkerij Noord", "EUR", "nl-NL")).unwrap();
        let c = campaign::create(&mut ws, &CampaignDraft { name: "Kerstbrood".into(), goal: "sales".into(), ..Default::default() }).unwrap();
        let daan = creator(&mut ws, "Daan Visser", "daan.bakt");
        let l = agreed(&mut ws, c.id, daan, "paid", "400");
        reel_due(&mut ws, l, day(-2));
    }
    let zon = data_dir.join("Studio Zon.chorus");
    let overdue_deliverable;
    {
        let mut ws = Workspace::create(&zon, &Settings::new("Studio Zon", "EUR", "en-GB")).unwrap();
        let c = campaign::create(&mut ws, &CampaignDraft { name: "Summer 2026".into(), goal: "awareness".into(), ..Default::default() }).unwrap();
        let anna = creator(&mut ws, "Anna de Vries", "anna.zon");
        let bo = creator(&mut ws, "Bo Jansen", "bo.zon");
        let anna_l = agreed(&mut ws, c.id, anna, "hybrid", "250");
        let bo_l = agreed(&mut ws, c.id, bo, "gifted", "");
        overdue_deliverable = reel_due(&mut ws, anna_l, day(-3));
        gift(&mut ws, anna_l, "to_pack", String::new(), String::new());
        gift(&mut ws, bo_l, "delivered", day(-24), day(-21));
    }
    let mut recent = RecentList::default();
    recent.touch(&bakkerij, "Bakkerij Noord", "2026-11-24T08:00:00Z");
    recent.touch(&zon, "Studio Zon", "2026-11-25T08:00:00Z");
    recent.save(data_dir).unwrap();
    Prepared { zon, bakkerij, overdue_deliverable }
}

/// Presses `keys` on whatever has the keyboard focus.
async fn press(app: &App, keys: &str) {
    app.client.active_element().await.unwrap().send_keys(keys).await.unwrap();
}

async fn count(app: &App, section: &str) -> String {
    app.text(&format!("#today-{section} .today-count")).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_today_here_and_across_clients() {
    if !enabled("Today journey") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    let data = tempfile::tempdir().unwrap();
    let prepared = two_clients(data.path());

    // Today is the first screen, with each section's count and its items.
    let app = App::start(data.path()).await;
    app.wait_for_text("#today-title", "Today", |t| t == "Today").await;
    app.wait_for("#today-overdue .today-item").await;
    assert_eq!(app.js("return document.querySelector('#nav-today').getAttribute('aria-current');", vec![]).await, json!("page"));
    assert_eq!(count(&app, "overdue").await, "1");
    assert_eq!(count(&app, "gifts-to-ship").await, "1");
    assert_eq!(count(&app, "gifts-no-post").await, "1");
    let overdue = app.text("#today-overdue .today-item").await;
    assert!(overdue.contains("Anna de Vries") && overdue.contains("Summer 2026") && overdue.contains("3 days overdue"), "the overdue item: {overdue}");
    let no_post = app.text("#today-gifts-no-post").await;
    assert!(no_post.contains("after 14 days") && no_post.contains("Bo Jansen") && no_post.contains("Delivered 21 days ago"), "the threshold and the gift: {no_post}");
    assert!(app.text("#today-gifts-to-ship").await.contains("Anna de Vries"));
    // Sections with nothing in them are one calm line each.
    assert!(app.text("#today-usage").await.contains("No usage rights ending soon."));
    assert!(app.text("#today-idle").await.contains("Every open collaboration is moving."));
    app.screenshot("today-light").await;

    // Another process (the CLI, say) adds an overdue post: Today reads again by itself.
    {
        let mut other = Workspace::open(&prepared.zon).unwrap();
        let anna_l: i64 = other.conn().query_row("SELECT id FROM collaborations WHERE kind = 'hybrid'", [], |r| r.get(0)).unwrap();
        reel_due(&mut other, anna_l, day(-1));
    }
    app.wait_for_text("#today-overdue .today-count", "the post added elsewhere", |t| t == "2").await;

    // The whole calendar as one .ics file, through the (answered) save dialog.
    let ics = data.path().join("everything.ics");
    app.answer_dialog_with(Some(&ics));
    app.click("#today-export-ics").await;
    app.wait_until("the calendar file", "return !!document.querySelector('.toast-success');", vec![]).await;
    let calendar = std::fs::read_to_string(&ics).unwrap();
    assert!(calendar.starts_with("BEGIN:VCALENDAR") && calendar.contains("Anna de Vries"), "an iCalendar file with the posts");

    // The thresholds come from Settings and are named in the headers; a wrong one is refused
    // at its field.
    app.click("#nav-settings").await;
    app.fill("#set-today-idle_days", "0").await;
    app.click("#save-settings").await;
    let err = app.wait_for_text("#err-set-today-idle_days", "the days error", |t| !t.is_empty()).await;
    assert_eq!(err, "Use a number of days from 1 to 365 (not 0).");
    app.fill("#set-today-idle_days", "30").await;
    // A save builds the Settings screen again once the workspace is re-read; Alt+1 before that
    // would be undone by it, so the old screen is marked to see the new one arrive.
    app.js("document.querySelector('#settings-title').dataset.beforeSave = 'yes'; return true;", vec![]).await;
    app.click("#save-settings").await;
    app.wait_until("the settings screen built again", "const t = document.querySelector('#settings-title'); return !!t && !t.dataset.beforeSave;", vec![]).await;
    app.wait_until("the saved threshold", "return Array.from(document.querySelectorAll('.toast-success')).some(t => t.textContent.includes('Settings saved'));", vec![]).await;
    // Alt+1 is Today.
    app.js("document.dispatchEvent(new KeyboardEvent('keydown', { key: '1', code: 'Digit1', altKey: true, bubbles: true })); return true;", vec![]).await;
    app.wait_for_text("#today-idle", "the new idle threshold", |t| t.contains("Collaborations idle for 30 days")).await;
    assert_eq!(Workspace::open(&prepared.zon).unwrap().settings().unwrap().today.idle_days, 30);

    // From the keyboard: ↓ walks the items across sections, End and Home jump to the last and
    // first, and Enter opens the item: the collaboration panel on that deliverable.
    let focused = "const a = document.activeElement; return a?.matches('.today-item') ? a.closest('[data-section]').dataset.section + ' ' + a.dataset.item : null;";
    app.js("document.querySelector('#today-overdue .today-item').focus(); return true;", vec![]).await;
    let first = app.js(focused, vec![]).await;
    let down = char::from(fantoccini::key::Key::Down).to_string();
    press(&app, &down).await;
    press(&app, &down).await;
    assert_eq!(app.js(focused, vec![]).await, json!("gifts_to_ship shipment-1"), "↓ crosses into the next section");
    press(&app, &char::from(fantoccini::key::Key::End).to_string()).await;
    assert_eq!(app.js(focused, vec![]).await, json!("gifts_without_post shipment-2"), "End: the last item");
    press(&app, &char::from(fantoccini::key::Key::Home).to_string()).await;
    assert_eq!(app.js(focused, vec![]).await, first, "Home: the first item");
    press(&app, &char::from(fantoccini::key::Key::Enter).to_string()).await;
    app.wait_for_text("#campaign-title", "the campaign", |t| t == "Summer 2026").await;
    app.wait_until(
        "the deliverable in the collaboration panel",
        "const p = document.querySelector('#collab-panel'); return !!p && !p.hidden && !!p.querySelector('#deliverable-' + arguments[0]);",
        vec![json!(prepared.overdue_deliverable)],
    )
    .await;
    assert_eq!(app.js("return document.querySelector('#nav-campaigns').getAttribute('aria-current');", vec![]).await, json!("page"));

    // All clients: one group per workspace, under its brand, every item labelled with it.
    app.click("#nav-today").await;
    app.click("#today-mode-all").await;
    app.wait_until("both clients", "return document.querySelectorAll('.client-group').length === 2;", vec![]).await;
    let groups = app.texts(".client-group .client-name").await;
    assert_eq!(groups, vec!["Studio Zon", "Bakkerij Noord"], "the recent list's order");
    let mixed = app
        .js(
            "return Array.from(document.querySelectorAll('.client-group')).flatMap(g => Array.from(g.querySelectorAll('.today-item')).filter(i => i.dataset.client !== g.dataset.client || !i.textContent.includes(g.dataset.client)).map(i => i.textContent));",
            vec![],
        )
        .await;
    assert_eq!(mixed, json!([]), "every item carries its own client's name");
    let bakkerij = app.text(".client-group[data-client='Bakkerij Noord']").await;
    assert!(bakkerij.contains("Daan Visser") && bakkerij.contains("Kerstbrood") && bakkerij.contains("2 days overdue"), "Bakkerij's item: {bakkerij}");
    assert!(!bakkerij.contains("Anna de Vries"), "no Studio Zon item in Bakkerij's group");
    app.screenshot("today-all-clients").await;

    // Another client's item switches workspace, then opens the campaign there.
    app.click(".client-group[data-client='Bakkerij Noord'] .today-item").await;
    app.wait_for_text(".ws-brand", "the other client", |t| t == "Bakkerij Noord").await;
    app.wait_for_text("#campaign-title", "Bakkerij's campaign", |t| t == "Kerstbrood").await;
    app.wait_until("Daan's collaboration", "const p = document.querySelector('#collab-panel'); return !!p && !p.hidden && p.textContent.includes('Daan Visser');", vec![]).await;

    // Back to Studio Zon through the switcher; the creator panel holds the campaign side.
    app.click("#ws-switcher").await;
    app.click(&format!(".recent-open[title='{}']", prepared.zon.display())).await;
    app.wait_for_text(".ws-brand", "Studio Zon again", |t| t == "Studio Zon").await;
    app.click("#nav-roster").await;
    app.fill("#search", "anna").await;
    app.wait_until("Anna alone", "return document.querySelectorAll('.roster-row').length === 1;", vec![]).await;
    assert_eq!(app.text(".roster-row .cell-contact").await, "–", "no contact logged yet");
    app.click_until(".roster-row", "#creator-collabs").await;
    let collabs = app.wait_for_text("#creator-collabs", "Anna's collaborations", |t| t.contains("Summer 2026")).await;
    assert!(collabs.contains("Hybrid") && collabs.contains("Agreed") && collabs.contains("0 of 2 live") && collabs.contains("€250.00"), "history row: {collabs}");
    let gifts = app.text("#creator-gifts").await;
    assert!(gifts.contains("2× Zon SPF 50") && gifts.contains("To pack") && gifts.contains("€49.90"), "gift row: {gifts}");
    let totals = app.text("#creator-totals").await;
    assert!(totals.contains("Committed fees") && totals.contains("€250.00") && totals.contains("Total compensation value"), "totals: {totals}");

    // Log a contact. While it is being typed another process logs one too: the log shows it
    // and the half-typed contact stays. Saving lands it in the log and moves Last contact.
    app.click("#log-contact").await;
    app.choose("#contact-log-kind", "email").await;
    app.fill("#contact-log-notes", "Sent the brief and the <b>hashtags</b>").await;
    let anna_id = Workspace::open(&prepared.zon).unwrap().conn().query_row("SELECT id FROM creators WHERE display_name = 'Anna de Vries'", [], |r| r.get::<_, i64>(0)).unwrap();
    {
        let mut other = Workspace::open(&prepared.zon).unwrap();
        let followed = TouchpointDraft { creator_id: anna_id, kind: "followed".into(), happened_on: day(-5), ..Default::default() };
        chorus_core::campaigns::outreach::add(&mut other, &followed).unwrap();
    }
    app.wait_for_text("#creator-contact-log .contact-log-items", "the contact logged elsewhere", |t| t.contains("Followed")).await;
    assert_eq!(app.js("return document.querySelector('#contact-log-notes').value;", vec![]).await, json!("Sent the brief and the <b>hashtags</b>"));
    app.click("#contact-log-save").await;
    let log = app.wait_for_text("#creator-contact-log .contact-log-items", "the logged contact", |t| t.contains("Email")).await;
    assert!(log.contains("Sent the brief and the <b>hashtags</b>"), "notes as text: {log}");
    assert!(log.find("Email") < log.find("Followed"), "newest first: {log}");
    let shown = app.wait_for_text(".roster-row .cell-contact", "the last contact", |t| t != "–").await;
    let logged: Option<String> = Workspace::open(&prepared.zon).unwrap().conn().query_row("SELECT last_contact_on FROM creators WHERE id = ?1", [anna_id], |r| r.get(0)).unwrap();
    assert_eq!(logged, Some(day(0)));
    assert!(!shown.is_empty() && shown.contains(&day(0)[..4]), "the roster shows today's date: {shown}");
    app.js("document.querySelector('#creator-collabs').scrollIntoView(); return true;", vec![]).await;
    app.screenshot("creator-history-outreach").await;

    // A history row opens that collaboration on the Campaigns screen.
    app.click("#creator-collabs .history-row").await;
    app.wait_for_text("#campaign-title", "the campaign from the creator", |t| t == "Summer 2026").await;
    app.wait_until("Anna's collaboration", "const p = document.querySelector('#collab-panel'); return !!p && !p.hidden && p.textContent.includes('Anna de Vries');", vec![]).await;
    app.stop().await;
    let _ = prepared.bakkerij;

    // Today in the dark theme (a fresh start reads the theme).
    std::env::set_var("GTK_THEME", "Adwaita:dark");
    let app = App::start(data.path()).await;
    std::env::remove_var("GTK_THEME");
    app.wait_for("#today-overdue .today-item").await;
    app.screenshot("today-dark").await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_is_missing_says_so_in_its_place() {
    if !enabled("Today journey: a missing client") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    let data = tempfile::tempdir().unwrap();
    let prepared = two_clients(data.path());
    std::fs::remove_file(&prepared.bakkerij).unwrap();
    let app = App::start(data.path()).await;
    app.click("#today-mode-all").await;
    let line = app.wait_for_text(".client-group[data-client='Bakkerij Noord'] .client-problem", "the missing client's line", |t| !t.is_empty()).await;
    assert!(line.contains("no longer at") && line.contains("Bakkerij Noord.chorus"), "says the file is gone: {line}");
    assert!(app.text(".client-group[data-client='Studio Zon']").await.contains("Anna de Vries"), "the other client still shows");
    assert_eq!(app.js("return document.querySelectorAll('.toast-error').length;", vec![]).await, json!(0), "no error notice");
    app.stop().await;
}

#[test]
fn the_english_compensation_sentence_is_the_cores() {
    let en = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/i18n/en.js")).unwrap();
    let line = en.lines().find(|l| l.trim_start().starts_with("'creatorSide.formula':")).expect("the key is in en.js");
    let text = line.trim().trim_start_matches("'creatorSide.formula':").trim().trim_end_matches(',').trim_matches('\'');
    assert_eq!(text, chorus_core::campaigns::board::COMPENSATION_FORMULA, "update ui/i18n/en.js and nl.js when the core's formula changes");
}
