//! Running a program at agency scale, through the real window (tauri-driver + WebKitWebDriver
//! under Xvfb at 1280×800), in English and in Dutch, light and dark:
//! - several creators ticked in the roster join a campaign in one go (one already in it is
//!   named, not added twice); one creator joins from their panel; Delete is offered only to a
//!   creator in no campaign;
//! - a campaign with history is archived (out of the list and Today, shown with a filter,
//!   restored from its banner or the notice's Undo); Delete is offered only to an empty one;
//! - a collaboration whose posts are all live offers to be completed ("Not now" puts the offer
//!   away), and a gift starts from the products of an earlier one;
//! - nothing a user reads is cut off: handles, niches, stage names, card names, the workspace.
//! Screenshots: tests/screenshots/flows-*.png (en light, en dark, nl light, nl dark).

mod support;

use chorus_core::app::preferences::Preferences;
use chorus_core::app::recent::RecentList;
use chorus_core::campaigns::{campaign, collaboration, deliverable, gifting, CampaignDraft, CollaborationDraft, DeliverableDraft, GiftItemDraft};
use chorus_core::roster::model::{CreatorDraft, HandleDraft};
use chorus_core::workspace::settings::Settings;
use chorus_core::Workspace;
use serde_json::json;
use std::path::Path;
use support::{enabled, App, ONE_AT_A_TIME, day};

/// The ids of what the journeys act on.
struct Program {
    anna: i64,
    bo: i64,
    sanne: i64,
    daan: i64,
    max: i64,
    chloe: i64,
    summer: i64,
    spring: i64,
    autumn: i64,
    winter: i64,
}

/// A client's workspace with six creators (and twenty more below them) (long names, handles, niches and stages among them,
/// as long as the demo's longest: `@chloe.maison.zero.dechet` is `@sarah.maman.zero.dechet`'s length)
/// and four campaigns: Summer (running; Anna gifted and agreed, her one post live, her gift
/// delivered), Spring (ended; Bo paid and agreed, a post long overdue), Autumn (upcoming) and
/// "Idea: winter" (no dates, nobody in it). Opened last, in `locale`.
fn program(data_dir: &Path, locale: &str) -> Program {
    let path = data_dir.join("Studio Zon — Benelux.chorus");
    let mut ws = Workspace::create(&path, &Settings::new("Studio Zon Benelux Influencer Programma", "EUR", locale)).unwrap();
    let mut creator = |name: &str, platform: &str, handle: &str, followers: &str, niches: &[&str], stage: &str| {
        let mut handles = vec![HandleDraft { platform: platform.into(), handle: handle.into(), followers: followers.into(), ..Default::default() }];
        if name.starts_with("Maximiliaan") {
            handles.push(HandleDraft { platform: "tiktok".into(), handle: "max.vdberg".into(), followers: "310000".into(), ..Default::default() });
        }
        let d = CreatorDraft {
            display_name: name.into(),
            handles,
            niches: niches.iter().map(|n| n.to_string()).collect(),
            stage: stage.into(),
            city: "Utrecht".into(),
            country: "NL".into(),
            postal_address: "Oudegracht 12\n3511 AB".into(),
            ..Default::default()
        };
        chorus_core::roster::creators::create(&mut ws, &d).unwrap().id
    };
    let anna = creator("Anna de Vries", "instagram", "anna.zon", "12400", &["sustainable fashion", "lifestyle"], "active");
    let bo = creator("Bo Smit", "tiktok", "bo.smit.kookt", "48200", &["food & drink"], "active");
    let sanne = creator("Sanne Bakker", "instagram", "sanne.groen.leeft", "86500", &["beauty & skincare", "parenting"], "alumni");
    let daan = creator("Daan Visser", "youtube", "daantestfamily", "231000", &["tech"], "negotiating");
    let max = creator("Maximiliaan van den Berg", "instagram", "maximiliaan.vandenberg", "2540000", &["fitness & wellness", "sustainable fashion", "tech"], "contacted");
    let chloe = creator("Chloé Dubois", "pinterest", "chloe.maison.zero.dechet", "9100", &["home & interior"], "declined");
    // Enough smaller creators for the table to scroll (its scroll bar takes width too), each
    // contacted on a day with two digits, as the longest dates are.
    let more: Vec<i64> = (0..20).map(|i| creator(&format!("Roos van den Berg {i}"), "instagram", &format!("roos.{i}.vandenberg"), "1200", &["parenting"], "paused")).collect();
    for (i, id) in more.into_iter().enumerate() {
        let touch = chorus_core::campaigns::TouchpointDraft { creator_id: id, kind: "email".into(), happened_on: day(-(10 + i as i64)), ..Default::default() };
        chorus_core::campaigns::outreach::add(&mut ws, &touch).unwrap();
    }

    let mut new_campaign = |name: &str, starts: Option<String>, ends: Option<String>, budget: &str| {
        let d = CampaignDraft { name: name.into(), goal: "sales".into(), starts_on: starts.unwrap_or_default(), ends_on: ends.unwrap_or_default(), budget: budget.into(), ..Default::default() };
        campaign::create(&mut ws, &d).unwrap().id
    };
    let summer = new_campaign("Summer 2026", Some(day(-10)), Some(day(40)), "2500");
    let spring = new_campaign("Spring 2026", Some(day(-120)), Some(day(-60)), "1000");
    let autumn = new_campaign("Autumn 2026", Some(day(30)), Some(day(90)), "");
    let winter = new_campaign("Idea: winter", None, None, "");

    let deal = |ws: &mut Workspace, campaign_id, creator_id, kind: &str, fee: &str| {
        let d = CollaborationDraft { campaign_id, creator_id, kind: kind.into(), status: "agreed".into(), fee: fee.into(), ..Default::default() };
        collaboration::create(ws, &d).unwrap().id
    };
    let anna_in = deal(&mut ws, summer, anna, "gifted", "");
    let post = DeliverableDraft {
        collaboration_id: anna_in,
        platform: "instagram".into(),
        format: "reel".into(),
        due_on: day(-3),
        status: "published".into(),
        post_url: "https://www.instagram.com/reel/abc123/".into(),
        published_at: format!("{} 19:30", day(-3)),
        ..Default::default()
    };
    deliverable::create(&mut ws, &post).unwrap();
    let mut gift = gifting::new_draft(&ws, anna_in).unwrap();
    gift.items = vec![
        GiftItemDraft { name: "Linen shirt".into(), sku: "LIN-01".into(), quantity: "1".into(), unit_cost: "12.00".into(), unit_retail: "59.95".into() },
        GiftItemDraft { name: "Zonnecrème SPF 30".into(), sku: "ZON-30".into(), quantity: "2".into(), unit_cost: "4.10".into(), unit_retail: "19.95".into() },
    ];
    gift.status = "shipped".into();
    gift.carrier = "PostNL".into();
    gift.tracking_number = "3SZON0001234".into();
    gift.shipped_on = day(-8);
    gifting::create(&mut ws, &gift).unwrap();

    let bo_in = deal(&mut ws, spring, bo, "paid", "250");
    let late = DeliverableDraft { collaboration_id: bo_in, platform: "tiktok".into(), format: "video".into(), due_on: day(-65), status: "in_production".into(), ..Default::default() };
    deliverable::create(&mut ws, &late).unwrap();

    let mut recent = RecentList::default();
    recent.touch(&path, "Studio Zon Benelux Influencer Programma", "2026-11-25T08:00:00Z");
    recent.save(data_dir).unwrap();
    Program { anna, bo, sanne, daan, max, chloe, summer, spring, autumn, winter }
}

/// The text a user reads in the roster, the sidebar and on a board.
const READ: &str = ".roster-row .cell, .roster-th, .handle-text, .cell-niches .chip, .stage, .badge, .ws-brand, .ws-file, .card-name, .board-col-head h3, .campaign-name, .nav-item";

/// Ticks the roster row of creator `id` (its checkbox), with Shift when `range`.
async fn tick(app: &App, id: i64, range: bool) {
    let css = format!(".roster-row[data-id=\"{id}\"] .row-check");
    app.wait_for(&css).await;
    app.js("document.querySelector(arguments[0]).dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, shiftKey: arguments[1] })); return true;", vec![json!(css), json!(range)])
        .await;
}

/// Waits for a notice that says `what`.
async fn notice(app: &App, what: &str, ok: impl Fn(&str) -> bool) -> String {
    app.wait_until(what, "return Array.from(document.querySelectorAll('.toast-text')).length > 0;", vec![]).await;
    let deadline = std::time::Instant::now() + support::TIMEOUT;
    loop {
        let texts = app.texts(".toast-text").await;
        if let Some(t) = texts.iter().find(|t| ok(t)) {
            return t.clone();
        }
        assert!(std::time::Instant::now() < deadline, "no notice saying {what}; notices: {texts:?}");
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
}

/// Whether Today's `section` lists `name`, once Today is on view.
async fn today_lists(app: &App, section: &str, name: &str, listed: bool) {
    app.click("#nav-today").await;
    app.wait_until(
        &format!("Today {} {name} in {section}", if listed { "listing" } else { "no longer listing" }),
        r#"if (!document.querySelector('.today-section, #today-clear')) return false; const s = document.querySelector('[data-section="' + arguments[0] + '"]'); return (s ? s.textContent.includes(arguments[1]) : false) === arguments[2];"#,
        vec![json!(section), json!(name), json!(listed)],
    )
    .await;
}

/// The Campaigns screen's list of campaigns in use (the screen comes back on the campaign and
/// the filter it showed last).
async fn campaign_list(app: &App) {
    app.click("#nav-campaigns").await;
    app.wait_until("the list or a campaign", "return !!document.querySelector('#campaign-table, #back-to-campaigns');", vec![]).await;
    if app.js("return !!document.querySelector('#back-to-campaigns');", vec![]).await.as_bool().unwrap() {
        app.click("#back-to-campaigns").await;
    }
    app.wait_for("#campaign-archive-filter").await;
    app.choose("#campaign-archive-filter", "").await;
    app.wait_for(".campaign-row").await;
}

/// A fresh data folder holding the program in `locale`, and the window started in `language`.
async fn start(language: &str, locale: &str) -> (tempfile::TempDir, Program, App) {
    let data = tempfile::tempdir().unwrap();
    Preferences { language: language.into(), ..Default::default() }.save(data.path()).unwrap();
    let p = program(data.path(), locale);
    let app = App::start(data.path()).await;
    (data, p, app)
}

/// The window started again on `data`, in the dark theme (a fresh start reads the theme).
async fn start_dark(data: &Path) -> App {
    std::env::set_var("GTK_THEME", "Adwaita:dark");
    let app = App::start(data).await;
    std::env::remove_var("GTK_THEME");
    app
}

/// The roster with its rows drawn.
async fn roster(app: &App) {
    app.click("#nav-roster").await;
    app.wait_until("the rows", "return document.querySelectorAll('.roster-row').length >= 20;", vec![]).await;
}

async fn open_campaign(app: &App, id: i64) {
    campaign_list(app).await;
    app.click_until(&format!(".campaign-row[data-id=\"{id}\"] .campaign-open"), "#campaign-title").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_forty_creators_at_once_archive_complete_and_copy_a_gift() {
    if !enabled("agency-scale journey") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    let (data, p, app) = start("en", "en-GB").await;

    // The roster at 1280×800: handles, niches, stages and the long workspace name are whole.
    roster(&app).await;
    assert_eq!(app.text("#roster-count").await, "26 creators");
    app.screenshot("flows-roster").await;
    assert_eq!(app.cut_off(READ).await, Vec::<String>::new(), "cut off in the English roster");

    // Tick Anna, then Shift+tick Sanne: the rows between (by followers: Sanne, Bo, Anna) too.
    assert!(app.js("return document.querySelector('#selection-bar').hidden;", vec![]).await.as_bool().unwrap());
    tick(&app, p.anna, false).await;
    app.wait_for_text("#selection-count", "one ticked", |t| t == "1 selected").await;
    tick(&app, p.sanne, true).await;
    app.wait_for_text("#selection-count", "three ticked", |t| t == "3 selected").await;
    app.wait_for_texts(".roster-row.checked .cell-name", "the three ticked rows", &["Sanne Bakker", "Bo Smit", "Anna de Vries"]).await;
    app.screenshot("flows-roster-ticked").await;

    // Add the three to Summer: Anna is in it already and is named, the two others join.
    app.click("#add-selected-to-campaign").await;
    app.wait_for_text("#atc-dialog .dialog-title", "the dialog", |t| t == "Add 3 creators to a campaign").await;
    let offered: Vec<String> = serde_json::from_value(app.js("return Array.from(document.querySelectorAll('#atc-campaign_id option')).map(o => o.textContent);", vec![]).await).unwrap();
    assert_eq!(offered, ["Summer 2026 · Running", "Autumn 2026 · Upcoming", "Idea: winter · No dates", "Spring 2026 · Ended"], "running and upcoming first");
    app.choose("#atc-campaign_id", &p.summer.to_string()).await;
    app.choose("#atc-kind", "gifted").await;
    app.fill("#atc-gift_value", "45").await;
    assert_eq!(app.text("#atc-save").await, "Add 3 creators");
    app.screenshot("flows-add-to-campaign").await;
    app.click("#atc-save").await;
    let said = notice(&app, "who joined", |t| t.contains("added")).await;
    assert_eq!(said, "2 creators added to Summer 2026. Anna de Vries was in it already.");
    app.wait_until("the selection cleared", "return document.querySelector('#selection-bar').hidden;", vec![]).await;

    // Ctrl+A ticks every creator the filters match, Esc unticks them.
    app.click(".roster-row .cell-name").await;
    app.js("document.querySelector('.roster-scroll').dispatchEvent(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, bubbles: true })); return true;", vec![]).await;
    app.wait_for_text("#selection-count", "all of them, also those below", |t| t == "26 selected").await;
    app.js("document.querySelector('.roster-scroll').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })); return true;", vec![]).await;
    app.wait_until("nothing ticked", "return document.querySelector('#selection-bar').hidden;", vec![]).await;

    // From Daan's panel: Add to campaign. Delete is not offered to a creator with history.
    app.click(&format!(".roster-row[data-id=\"{}\"] .cell-name", p.daan)).await;
    app.wait_for_text("#detail-name", "Daan's panel", |t| t == "Daan Visser").await;
    app.wait_for_text("#creator-collabs", "no campaigns yet", |t| t.contains("Not in any campaign yet.")).await;
    app.wait_until("Delete offered to Daan", "return !document.querySelector('#delete-creator').hidden;", vec![]).await;
    app.click("#add-creator-to-campaign").await;
    app.wait_for_text("#atc-dialog .dialog-title", "Daan's dialog", |t| t == "Add Daan Visser to a campaign").await;
    app.choose("#atc-campaign_id", &p.autumn.to_string()).await;
    app.choose("#atc-kind", "paid").await;
    app.fill("#atc-fee", "750").await;
    app.click("#atc-save").await;
    notice(&app, "Daan joined", |t| t == "Daan Visser is now in Autumn 2026.").await;
    app.wait_for_text("#creator-collabs", "Autumn in Daan's history", |t| t.contains("Autumn 2026") && t.contains("Paid")).await;
    app.wait_until("Delete no longer offered", "return document.querySelector('#delete-creator').hidden;", vec![]).await;
    app.click("#add-creator-to-campaign").await;
    app.wait_for(&format!("#atc-campaign_id option[value=\"{}\"]", p.autumn)).await;
    let option = app.js(&format!("return document.querySelector('#atc-campaign_id option[value=\"{}\"]').textContent;", p.autumn), vec![]).await;
    assert_eq!(option, json!("Autumn 2026 · Upcoming (already in it)"));
    app.screenshot("flows-creator-add-to-campaign").await;
    app.click("#atc-dialog .dialog-close").await;

    // Spring is over but Bo's video is still open: Today says so until Spring is archived.
    today_lists(&app, "overdue", "Bo Smit", true).await;
    open_campaign(&app, p.spring).await;
    assert!(app.js("return !document.querySelector('#delete-campaign');", vec![]).await.as_bool().unwrap(), "a campaign with creators offers no Delete");
    app.click("#archive-campaign").await;
    let asked = app.text(".dialog-message").await;
    assert!(asked.contains("only usage rights still warn") && asked.ends_with("The 1 deliverable still open will no longer show on Today."), "{asked}");
    app.click("#confirm-archive-campaign").await;
    notice(&app, "archived", |t| t == "Spring 2026 archived").await;
    app.wait_until("Spring out of the list", &format!("return !!document.querySelector('.campaign-row') && !document.querySelector('.campaign-row[data-id=\"{}\"]');", p.spring), vec![]).await;
    let filter: Vec<String> = serde_json::from_value(app.js("return Array.from(document.querySelectorAll('#campaign-archive-filter option')).map(o => o.textContent);", vec![]).await).unwrap();
    assert_eq!(filter, ["In use (3)", "Archived (1)"]);
    app.choose("#campaign-archive-filter", "archived").await;
    let row = app.wait_for_text(".campaign-row", "Spring among the archived", |t| t.contains("Spring 2026")).await;
    assert!(row.contains("archived"), "{row}");
    assert_eq!(app.text("#campaign-count").await, "1 of 1 archived campaign");
    app.screenshot("flows-campaigns-archived").await;
    app.click_until(&format!(".campaign-row[data-id=\"{}\"] .campaign-open", p.spring), "#campaign-archived").await;
    app.wait_for_text("#campaign-archived", "the archived banner", |t| t.starts_with("Archived on")).await;
    assert!(app.js("return !document.querySelector('#add-creator') && !document.querySelector('#delete-campaign') && !document.querySelector('#archive-campaign');", vec![]).await.as_bool().unwrap());
    app.screenshot("flows-campaign-archived-view").await;
    today_lists(&app, "overdue", "Bo Smit", false).await;

    // Restored from its banner, it asks again; archived once more and undone from the notice.
    open_campaign_archived(&app, p.spring).await;
    app.click("#restore-campaign").await;
    notice(&app, "restored", |t| t == "Spring 2026 is back in the campaign list").await;
    app.wait_for("#archive-campaign").await;
    today_lists(&app, "overdue", "Bo Smit", true).await;
    open_campaign(&app, p.spring).await;
    app.click("#archive-campaign").await;
    app.click("#confirm-archive-campaign").await;
    notice(&app, "archived again", |t| t == "Spring 2026 archived").await;
    app.click(".toast:last-child .btn-link").await;
    app.wait_for(&format!(".campaign-row[data-id=\"{}\"]", p.spring)).await;

    // An empty campaign can be deleted.
    open_campaign(&app, p.winter).await;
    app.click("#delete-campaign").await;
    app.click("#confirm-delete-campaign").await;
    app.wait_until("Idea: winter gone", &format!("return !!document.querySelector('.campaign-row') && !document.querySelector('.campaign-row[data-id=\"{}\"]');", p.winter), vec![]).await;

    // Summer: Anna's one post is live, so her card and panel offer to complete.
    open_campaign(&app, p.summer).await;
    let card = app.wait_for_text(".col-agreed .board-card", "Anna's card", |t| t.contains("Anna de Vries")).await;
    assert!(card.contains("Ready to complete"), "{card}");
    assert_eq!(app.cut_off(READ).await, Vec::<String>::new(), "cut off on the English board");
    app.click(".col-agreed .board-card").await;
    app.wait_for_text("#complete-offer", "the offer", |t| t.contains("The post is live.") && t.contains("Mark completed")).await;
    app.wait_until("the panel settled", "return !!document.querySelector('#collab-panel:not([aria-busy]) #complete-offer');", vec![]).await;
    app.screenshot("flows-complete-offer").await;
    assert!(app.js("return !!document.querySelector('#complete-offer');", vec![]).await.as_bool().unwrap(), "the offer stays on view");
    app.click("#complete-collaboration").await;
    app.wait_for_text("#collab-status", "completed", |t| t == "Completed").await;
    app.wait_for_text(".col-completed .board-card", "Anna completed", |t| t.contains("Anna de Vries") && !t.contains("Ready to complete")).await;
    assert!(app.js("return !document.querySelector('#complete-offer');", vec![]).await.as_bool().unwrap());

    // Sanne (added above) gets the same box as Anna, from Anna's gift.
    app.click(&format!("#close-collab")).await;
    app.click(".col-proposed .board-card").await;
    app.wait_for_text("#collab-title", "a new collaboration", |t| t == "Sanne Bakker" || t == "Bo Smit").await;
    let who = app.text("#collab-title").await;
    app.click("#collab-tab-gifts").await;
    app.click("#copy-earlier-gift").await;
    let listed = app.wait_for_text("#earlier-gifts .earlier-gift", "Anna's gift", |t| t.contains("Linen shirt")).await;
    assert!(listed.contains("2 × Zonnecrème SPF 30") && listed.contains("To Anna de Vries · Summer 2026") && listed.contains("99.85"), "{listed}");
    app.screenshot("flows-gift-earlier-dialog").await;
    app.click("#earlier-gifts .earlier-gift").await;
    app.wait_for("#gift-form").await;
    let form = app.js("return ['#gf-item-0-name', '#gf-item-1-quantity', '#gf-item-1-unit_retail', '#gf-recipient_name', '#gf-tracking_number'].map(s => document.querySelector(s).value);", vec![]).await;
    assert_eq!(form, json!(["Linen shirt", "2", "19.95", who, ""]));
    app.screenshot("flows-gift-from-earlier").await;
    // The notices of the earlier steps sit over the form's buttons: close them, as a person would.
    app.js("document.querySelectorAll('.toast .icon-btn').forEach((b) => b.click()); return true;", vec![]).await;
    app.wait_until("no notices", "return !document.querySelector('.toast');", vec![]).await;
    app.click("#gf-save").await;
    let gift = app.wait_for_text(".shipment-item", "the new gift", |t| t.contains("Linen shirt")).await;
    assert!(gift.contains("To pack") && gift.contains("99.85"), "{gift}");
    app.stop().await;

    // The same screens in the dark theme.
    let app = start_dark(data.path()).await;
    roster(&app).await;
    tick(&app, p.max, false).await;
    tick(&app, p.chloe, false).await;
    app.wait_for_text("#selection-count", "two ticked", |t| t == "2 selected").await;
    app.screenshot("flows-roster-ticked-dark").await;
    open_campaign(&app, p.spring).await;
    app.click("#archive-campaign").await;
    app.click("#confirm-archive-campaign").await;
    open_campaign_archived(&app, p.spring).await;
    app.screenshot("flows-campaign-archived-view-dark").await;
    app.stop().await;
    let _ = (p.bo, p.sanne);
}

/// The campaign list's archived campaigns, and `id` opened from them.
async fn open_campaign_archived(app: &App, id: i64) {
    campaign_list(app).await;
    app.wait_for("#campaign-archive-filter").await;
    app.choose("#campaign-archive-filter", "archived").await;
    app.click_until(&format!(".campaign-row[data-id=\"{id}\"] .campaign-open"), "#campaign-archived").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_in_dutch_nothing_cut_off_and_the_offer_waits() {
    if !enabled("Dutch agency-scale journey") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    let (data, p, app) = start("nl", "nl-NL").await;

    roster(&app).await;
    assert_eq!(app.text("#roster-count").await, "26 creators", "Dutch marketers say creators");
    let stages = app.texts(".roster-row .stage").await;
    assert!(stages.contains(&"Oud-partner".to_string()) && stages.contains(&"In gesprek".to_string()), "{stages:?}");
    assert_eq!(app.cut_off(READ).await, Vec::<String>::new(), "cut off in the Dutch roster");
    tick(&app, p.max, false).await;
    tick(&app, p.daan, false).await;
    app.wait_for_text("#selection-count", "twee aangevinkt", |t| t == "2 geselecteerd").await;
    assert_eq!(app.text("#add-selected-to-campaign").await, "Aan campagne toevoegen…");
    app.screenshot("flows-nl-roster-ticked").await;
    app.click("#add-selected-to-campaign").await;
    app.wait_for_text("#atc-dialog .dialog-title", "de dialoog", |t| t == "2 creators aan een campagne toevoegen").await;
    app.choose("#atc-campaign_id", &p.summer.to_string()).await;
    app.screenshot("flows-nl-add-to-campaign").await;
    app.click("#atc-save").await;
    notice(&app, "wie meedoet", |t| t == "2 creators toegevoegd aan Summer 2026.").await;

    // A deletion the core would refuse is not offered; the Dutch error has its plural.
    open_campaign(&app, p.summer).await;
    assert!(app.js("return !document.querySelector('#delete-campaign');", vec![]).await.as_bool().unwrap());
    assert_eq!(app.text("#archive-campaign").await, "Archiveren");
    let card = app.wait_for_text(".col-agreed .board-card", "Anna's kaart", |t| t.contains("Anna de Vries")).await;
    assert!(card.contains("Klaar om af te ronden"), "{card}");
    assert_eq!(app.cut_off(READ).await, Vec::<String>::new(), "cut off on the Dutch board");
    app.screenshot("flows-nl-board").await;
    app.click(".col-agreed .board-card").await;
    app.wait_for_text("#complete-offer", "het aanbod", |t| t.contains("De post staat live.") && t.contains("Afronden")).await;
    app.screenshot("flows-nl-complete-offer").await;
    app.click("#complete-later").await;
    app.wait_until("the offer put away", "return !document.querySelector('#complete-offer');", vec![]).await;
    assert_eq!(app.text("#collab-status").await, "Afgesproken", "Not now changes nothing");
    app.click("#collab-tab-deliverables").await;
    app.wait_for("#collab-tab-deliverables[aria-selected=\"true\"]").await;
    assert!(app.js("return !document.querySelector('#complete-offer');", vec![]).await.as_bool().unwrap(), "it stays away");

    // Archive in Dutch, the filter and the banner.
    open_campaign(&app, p.spring).await;
    app.click("#archive-campaign").await;
    let asked = app.text(".dialog-message").await;
    assert!(asked.ends_with("De 1 deliverable die nog openstaat, verschijnt dan niet meer in Vandaag."), "{asked}");
    app.click("#confirm-archive-campaign").await;
    notice(&app, "gearchiveerd", |t| t == "Spring 2026 gearchiveerd").await;
    app.choose("#campaign-archive-filter", "archived").await;
    app.wait_for_text("#campaign-count", "de telling", |t| t == "1 van 1 gearchiveerde campagne").await;
    app.screenshot("flows-nl-campaigns-archived").await;
    app.click_until(&format!(".campaign-row[data-id=\"{}\"] .campaign-open", p.spring), "#campaign-archived").await;
    app.wait_for_text("#campaign-archived", "de banner", |t| t.starts_with("Gearchiveerd op")).await;
    app.screenshot("flows-nl-campaign-archived-view").await;

    // A gift from an earlier one, in Dutch.
    open_campaign(&app, p.summer).await;
    app.click(".col-proposed .board-card").await;
    app.click("#collab-tab-gifts").await;
    app.click("#copy-earlier-gift").await;
    let listed = app.wait_for_text("#earlier-gifts .earlier-gift", "Anna's cadeau", |t| t.contains("Linen shirt")).await;
    assert!(listed.contains("Aan Anna de Vries · Summer 2026") && listed.contains("99,85"), "{listed}");
    app.screenshot("flows-nl-gift-earlier-dialog").await;
    app.click("#earlier-gift-dialog .dialog-close").await;

    // Today and Settings, read in Dutch: no format version, the tier rule names its ranges.
    app.click("#nav-today").await;
    app.wait_for(".today-section, #today-clear").await;
    app.screenshot("flows-nl-today").await;
    app.click("#nav-settings").await;
    let rule = app.wait_for_text("#overlap-rule", "de tierregel", |t| t.contains("Gangbare tier-indelingen overlappen")).await;
    assert!(!rule.contains("gids"), "{rule}");
    let facts = app.text("#workspace-info").await;
    assert!(!facts.contains("Formaatversie"), "{facts}");
    app.screenshot("flows-nl-settings").await;
    app.stop().await;

    // Dark, in Dutch: the roster and the offer to complete.
    let app = start_dark(data.path()).await;
    roster(&app).await;
    assert_eq!(app.cut_off(READ).await, Vec::<String>::new(), "cut off in the dark Dutch roster");
    tick(&app, p.sanne, false).await;
    app.wait_for_text("#selection-count", "een aangevinkt", |t| t == "1 geselecteerd").await;
    app.screenshot("flows-nl-roster-ticked-dark").await;
    open_campaign(&app, p.summer).await;
    app.click(".col-agreed .board-card").await;
    app.wait_for("#complete-offer").await;
    app.screenshot("flows-nl-complete-offer-dark").await;
    app.stop().await;
    let _ = (p.anna, p.bo, p.chloe, p.autumn, p.winter);
}
