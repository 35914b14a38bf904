//! The campaigns journey through the real window: from a fresh workspace with one creator,
//! make a campaign, add the creator as a gifted collaboration, agree it, plan a deliverable,
//! send a gift (refused as "delivered" before it shipped, then shipped with a tracking number,
//! then delivered) and mark the post published; the board is checked after each step.
//! Today follows each step (due this week, a gift to ship, then gone), and its items open the
//! collaboration panel at that deliverable or gift.
//! Screenshots: the board, the timeline, the collaboration panel, and the board in dark.
//! Also, without a window: the English budget sentence is the core's BUDGET_FORMULA.

mod support;

use chorus_core::model::{CreatorDraft, HandleDraft};
use chorus_core::recent::RecentList;
use chorus_core::settings::Settings;
use chorus_core::Workspace;
use serde_json::json;
use std::path::Path;
use support::{enabled, App, ONE_AT_A_TIME};

/// A fresh workspace the app opens at start, holding one creator with an address.
fn workspace_with_anna(data_dir: &Path) {
    let path = data_dir.join("Studio Zon.chorus");
    let mut ws = Workspace::create(&path, &Settings::new("Studio Zon", "EUR", "en-GB")).unwrap();
    let anna = CreatorDraft {
        display_name: "Anna de Vries".into(),
        handles: vec![HandleDraft { platform: "instagram".into(), handle: "anna.zon".into(), followers: "12.400".into(), ..Default::default() }],
        city: "Utrecht".into(),
        country: "NL".into(),
        postal_address: "Oudegracht 12\n3511 AB".into(),
        ..Default::default()
    };
    chorus_core::creators::create(&mut ws, &anna).unwrap();
    let mut recent = RecentList::default();
    recent.touch(&path, "Studio Zon", "2026-11-25T08:00:00Z");
    recent.save(data_dir).unwrap();
}

/// `YYYY-MM-DD`, `days` after today on this computer's clock.
fn in_days(days: u32) -> String {
    let mut d = chorus_core::campaigns::fields::local_today();
    for _ in 0..days {
        d = d.succ_opt().unwrap();
    }
    d.format("%Y-%m-%d").to_string()
}

/// The text of Anna's card, once it stands in `column` and satisfies `ok`.
async fn card_in(app: &App, column: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
    app.wait_for_text(&format!(".col-{column} .board-card"), what, |t| t.contains("Anna de Vries") && ok(t)).await
}

/// Whether Today lists Anna in the section `key` (`due_this_week`, `gifts_to_ship`), once Today shows.
async fn today_lists_anna(app: &App, key: &str, listed: bool) {
    app.click("#nav-today").await;
    app.wait_until(
        &format!("Today {} Anna in {key}", if listed { "listing" } else { "no longer listing" }),
        r#"if (!document.querySelector('.today-section, #today-clear')) return false; const s = document.querySelector('[data-section="' + arguments[0] + '"]'); return (s ? s.textContent.includes('Anna de Vries') : false) === arguments[1];"#,
        vec![json!(key), json!(listed)],
    )
    .await;
}

/// Sets a date input (WebDriver cannot type into every date widget the same way).
async fn set_date(app: &App, css: &str, date: &str) {
    app.choose(css, date).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_campaign_gift_and_post() {
    if !enabled("campaigns journey") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    let data = tempfile::tempdir().unwrap();
    workspace_with_anna(data.path());
    let app = App::start(data.path()).await;

    // A campaign, first without a name: the error shows at the field.
    app.click("#nav-campaigns").await;
    app.wait_for_text(".empty-state h2", "the empty list", |t| !t.is_empty()).await;
    app.click("#new-campaign").await;
    app.fill("#cf-name", "Summer 2026").await;
    app.wait_for_text("#cf-slug-preview", "the slug made from the name", |t| t.contains("summer-2026")).await;
    app.fill("#cf-name", "").await;
    app.click("#save-campaign").await;
    app.wait_for_text("#err-cf-name", "a name error", |t| !t.is_empty()).await;
    app.fill("#cf-name", "Summer 2026").await;
    app.choose("#cf-goal", "sales").await;
    set_date(&app, "#cf-starts_on", &in_days(0)).await;
    set_date(&app, "#cf-ends_on", &in_days(40)).await;
    app.fill("#cf-budget", "2500").await;
    app.fill("#cf-brief", "Show the sunscreen on a real beach day.\nNo studio shots.").await;
    app.fill("#cf-required_hashtags", "zonzomer, StudioZon").await;
    app.fill("#cf-required_mentions", "studiozon").await;
    app.fill("#cf-disclosure", "#ad").await;
    app.click("#save-campaign").await;
    app.wait_for_text("#campaign-title", "the new campaign", |t| t == "Summer 2026").await;
    app.wait_for_text("#budget-planned", "the budget", |t| t.contains("2,500.00")).await;
    app.wait_for_text(".tab-toolbar", "an empty board", |t| t.contains("No creators")).await;

    // Anna joins as a gifted collaboration; a second time is refused at the picker.
    app.click("#add-creator").await;
    app.fill("#pick-search", "anna").await;
    app.click(".pick-row").await;
    app.choose("#pick-kind", "gifted").await;
    app.fill("#pick-gift_value", "89,95").await;
    app.click("#pick-save").await;
    let card = card_in(&app, "proposed", "Anna proposed", |_| true).await;
    assert!(card.contains("@anna.zon") && card.contains("Gifted") && card.contains("89.95") && card.contains("0/0"), "{card}");
    app.wait_for_text("#collab-title", "the collaboration panel", |t| t == "Anna de Vries").await;
    app.click("#add-creator").await;
    app.fill("#pick-search", "anna").await;
    app.click(".pick-row").await;
    app.click("#pick-save").await;
    let err = app.wait_for_text("#err-pick-creator_id", "already in the campaign", |t| !t.is_empty()).await;
    assert!(err.contains("Anna de Vries"), "{err}");
    app.js("document.querySelector('#pick-dialog .dialog-close').click(); return true;", vec![]).await;

    // Agreed.
    app.choose("#lf-status", "agreed").await;
    app.click("#save-collaboration").await;
    card_in(&app, "agreed", "Anna agreed", |_| true).await;
    app.wait_for_text("#budget-committed", "the gift value committed", |t| t.contains("89.95")).await;

    // A reel due in three days.
    app.click("#collab-tab-deliverables").await;
    app.click("#add-deliverable").await;
    app.choose("#dn-platform", "instagram").await;
    app.choose("#dn-format", "reel").await;
    set_date(&app, "#dn-due_on", &in_days(3)).await;
    app.click("#dn-save").await;
    app.wait_for_text("#deliverable-list", "the planned reel", |t| t.contains("Reel") && t.contains("Planned")).await;
    let card = card_in(&app, "agreed", "one open deliverable", |t| t.contains("0/1")).await;
    assert!(card.contains("Next"), "the next due date shows: {card}");
    // Today lists it as due this week, and one click opens the panel at that deliverable.
    today_lists_anna(&app, "due_this_week", true).await;
    app.click("[data-section=due_this_week] .today-item").await;
    app.wait_for(".deliverable-item.is-target").await;
    app.wait_for_text("#collab-title", "the panel from Today", |t| t == "Anna de Vries").await;

    // A gift: "delivered" before it shipped is refused at the status field.
    app.click("#collab-tab-gifts").await;
    app.click("#add-gift").await;
    app.wait_until("the address from the creator", "return document.querySelector('#gf-postal_address')?.value.startsWith('Oudegracht 12');", vec![]).await;
    app.fill("#gf-item-0-name", "Zonnecrème SPF 30").await;
    app.fill("#gf-item-0-sku", "ZON-30").await;
    app.fill("#gf-item-0-quantity", "2").await;
    app.fill("#gf-item-0-unit_cost", "4,10").await;
    app.fill("#gf-item-0-unit_retail", "19,95").await;
    app.choose("#gf-status", "delivered").await;
    app.click("#gf-save").await;
    let err = app.wait_for_text("#err-gf-status", "not shipped yet", |t| !t.is_empty()).await;
    assert!(err.to_lowercase().contains("shipped"), "{err}");
    assert_eq!(app.js("return document.querySelector('#gf-status').getAttribute('aria-invalid');", vec![]).await, json!("true"));
    app.screenshot("campaigns-gift-not-shipped-yet").await;

    // Packed, with carrier and tracking number: Today asks to ship it.
    app.fill("#gf-carrier", "PostNL").await;
    app.fill("#gf-tracking_number", "3SABCD1234567").await;
    app.choose("#gf-status", "to_pack").await;
    app.click("#gf-save").await;
    app.wait_for_text("#shipment-list", "the gift to pack", |t| t.contains("To pack")).await;
    card_in(&app, "agreed", "the gift to pack", |t| t.contains("To pack")).await;
    today_lists_anna(&app, "gifts_to_ship", true).await;
    app.click("[data-section=gifts_to_ship] .today-item").await;
    app.wait_for(".shipment-item.is-target").await;

    // Shipped.
    app.click(".gift-to-shipped").await;
    app.wait_for_text("#shipment-list", "the shipped gift", |t| t.contains("Shipped") && t.contains("3SABCD1234567")).await;
    card_in(&app, "agreed", "the gift shipped", |t| t.contains("Shipped")).await;
    app.wait_for_text("#budget-spent", "the gift's retail value spent", |t| t.contains("39.90")).await;

    // Delivered.
    app.click(".gift-to-delivered").await;
    app.wait_for_text("#shipment-list", "the delivered gift", |t| t.contains("Delivered")).await;
    card_in(&app, "agreed", "the gift delivered", |t| t.contains("Delivered")).await;
    today_lists_anna(&app, "gifts_to_ship", false).await;
    app.click("#nav-campaigns").await;
    app.wait_for_text("#collab-title", "the panel kept while on Today", |t| t == "Anna de Vries").await;

    // The post is live.
    app.click("#collab-tab-deliverables").await;
    app.click(".mark-published").await;
    app.fill("#publish-url", "https://www.instagram.com/reel/abc123/").await;
    app.click("#publish-save").await;
    app.wait_for_text("#deliverable-list", "the published reel", |t| t.contains("Published")).await;
    let card = card_in(&app, "agreed", "one live post", |t| t.contains("1/1")).await;
    assert!(!card.contains("Next"), "nothing is due any more: {card}");
    app.screenshot("campaigns-collaboration-panel").await;
    today_lists_anna(&app, "due_this_week", false).await;
    app.click("#nav-campaigns").await;
    app.wait_for_text("#collab-title", "the panel kept while on Today", |t| t == "Anna de Vries").await;

    // The board, the timeline and the brief.
    app.click("#close-collab").await;
    app.screenshot("campaigns-board").await;
    app.click("#campaign-tab-timeline").await;
    app.wait_for(".tl-marker.dstatus-published").await;
    app.screenshot("campaigns-timeline").await;
    app.click("#campaign-tab-brief").await;
    app.wait_for_text("#campaign-brief", "the brief", |t| t.contains("real beach day") && t.contains("#zonzomer")).await;
    app.click("#campaign-tab-board").await;
    app.click("#back-to-campaigns").await;
    let row = app.wait_for_text(".campaign-row", "the campaign in the list", |t| t.contains("Summer 2026")).await;
    assert!(row.contains("Running") && row.contains("2,500.00") && row.contains("89.95") && row.contains("39.90"), "{row}");
    app.stop().await;

    // The board in the dark theme.
    std::env::set_var("GTK_THEME", "Adwaita:dark");
    let app = App::start(data.path()).await;
    std::env::remove_var("GTK_THEME");
    app.click("#nav-campaigns").await;
    app.click(".campaign-open").await;
    card_in(&app, "agreed", "the board after a restart", |t| t.contains("1/1")).await;
    app.screenshot("campaigns-board-dark").await;
    app.stop().await;
}

#[test]
fn the_english_budget_sentence_is_the_cores() {
    let en = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/i18n/en.js")).unwrap();
    let line = en.lines().find(|l| l.trim_start().starts_with("'campaign.budget.formula':")).expect("the key is in en.js");
    let text = line.trim().trim_start_matches("'campaign.budget.formula':").trim().trim_end_matches(',').trim_matches('\'');
    assert_eq!(text, chorus_core::campaigns::board::BUDGET_FORMULA, "update ui/i18n/en.js and nl.js when the core's formula changes");
}
