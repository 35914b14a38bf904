//! The campaigns journey through the real window: from a fresh workspace with one creator,
//! make a campaign, add the creator as a gifted collaboration, agree it, plan a deliverable,
//! send a gift (refused as "delivered" before it shipped, then shipped with a tracking number,
//! then delivered) and mark the post published; the board is checked after each step.
//! Today follows each step (due this week, a gift to ship, then gone), and its items open the
//! collaboration panel at that deliverable or gift.
//! Screenshots: the board, the timeline, the collaboration panel, and the board in dark.
//! A second journey moves cards on a prepared board (Alt+→, Alt+←, drag and drop), with the
//! core's refusals shown as notices and the file checked after each move, then searches and
//! filters the campaign list. Screenshots: the board during and after a move, the filtered
//! list, light and dark.
//! Also, without a window: the English budget sentence is the core's BUDGET_FORMULA.

mod support;

use chorus_core::campaigns::{campaign, collaboration, deliverable, CampaignDraft, CollaborationDraft, DeliverableDraft};
use chorus_core::roster::model::{CreatorDraft, HandleDraft};
use chorus_core::app::recent::RecentList;
use chorus_core::workspace::settings::Settings;
use chorus_core::Workspace;
use fantoccini::key::Key;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use support::{enabled, App, ONE_AT_A_TIME, day};

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
    chorus_core::roster::creators::create(&mut ws, &anna).unwrap();
    let mut recent = RecentList::default();
    recent.touch(&path, "Studio Zon", "2026-11-25T08:00:00Z");
    recent.save(data_dir).unwrap();
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

/// Types a date into a date field as a person does in the English window (`4 Dec 2026`).
async fn set_date(app: &App, css: &str, date: &str) {
    app.fill(css, &support::typed_date(date, "en")).await;
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
    set_date(&app, "#cf-starts_on", &day(0)).await;
    set_date(&app, "#cf-ends_on", &day(40)).await;
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
    app.click_until(".pick-row", ".pick-row.selected").await;
    app.choose("#pick-kind", "gifted").await;
    app.fill("#pick-gift_value", "89,95").await;
    app.click("#pick-save").await;
    let card = card_in(&app, "proposed", "Anna proposed", |_| true).await;
    assert!(card.contains("@anna.zon") && card.contains("Gifted") && card.contains("89.95") && card.contains("0/0"), "{card}");
    app.wait_for_text("#collab-title", "the collaboration panel", |t| t == "Anna de Vries").await;
    app.click("#add-creator").await;
    app.fill("#pick-search", "anna").await;
    app.click_until(".pick-row", ".pick-row.selected").await;
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
    // The new form once showed "nullnullnullnull" where the edit form has the brief's
    // checklist (and the edit form "null" for the new form's repeat field).
    let new_form = app.text("#dn-form").await;
    assert!(!new_form.contains("null") && !new_form.contains("#zonzomer"), "the new form has no checklist: {new_form}");
    app.choose("#dn-platform", "instagram").await;
    app.choose("#dn-format", "reel").await;
    set_date(&app, "#dn-due_on", &day(3)).await;
    app.click("#dn-save").await;
    app.wait_for_text("#deliverable-list", "the planned reel", |t| t.contains("Reel") && t.contains("Planned")).await;
    app.click(".edit-deliverable").await;
    let edit_form = app.wait_for_text("#de-form", "the brief's checklist", |t| t.contains("#zonzomer #StudioZon") && t.contains("@studiozon")).await;
    assert!(!edit_form.contains("null"), "{edit_form}");
    app.screenshot("campaigns-deliverable-edit").await;
    app.click("#de-cancel").await;
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
    app.click_until(".campaign-open", ".board-card").await;
    card_in(&app, "agreed", "the board after a restart", |t| t.contains("1/1")).await;
    app.screenshot("campaigns-board-dark").await;
    app.stop().await;
}

/// The board journey's campaigns and collaborations, made with the core.
struct Board {
    path: PathBuf,
    campaign: i64,
    /// Gifted, proposed.
    anna: i64,
    /// Paid, cancelled.
    bo: i64,
    /// Hybrid, agreed, with a reel still planned.
    cas: i64,
}

/// Studio Zon with a running campaign of three creators, and three more campaigns: upcoming,
/// ended (with accents in its name) and undated.
fn workspace_with_a_board(data_dir: &Path) -> Board {
    let path = data_dir.join("Studio Zon.chorus");
    let mut ws = Workspace::create(&path, &Settings::new("Studio Zon", "EUR", "en-GB")).unwrap();
    let plan = |ws: &mut Workspace, name: &str, starts_on: String, ends_on: String| {
        let draft = CampaignDraft { name: name.into(), goal: "awareness".into(), starts_on, ends_on, budget: "3000".into(), ..Default::default() };
        campaign::create(ws, &draft).unwrap().id
    };
    let autumn = plan(&mut ws, "Autumn launch", day(-5), day(30));
    plan(&mut ws, "Spring teaser", day(60), day(90));
    plan(&mut ws, "Café Crème tour", day(-90), day(-30));
    plan(&mut ws, "Evergreen", String::new(), String::new());
    let mut join = |name: &str, kind: &str, fee: &str, status: &str| {
        let handle = name.split(' ').next().unwrap().to_lowercase();
        let draft = CreatorDraft {
            display_name: name.into(),
            handles: vec![HandleDraft { platform: "instagram".into(), handle: format!("{handle}.zon"), followers: "8.300".into(), ..Default::default() }],
            ..Default::default()
        };
        let creator_id = chorus_core::roster::creators::create(&mut ws, &draft).unwrap().id;
        let draft = CollaborationDraft { campaign_id: autumn, creator_id, kind: kind.into(), fee: fee.into(), gift_value: "60".into(), ..Default::default() };
        let l = collaboration::create(&mut ws, &draft).unwrap();
        if status == "proposed" {
            return l.id;
        }
        let mut d = l.draft.clone();
        d.status = status.into();
        collaboration::update(&mut ws, l.id, l.revision, &d).unwrap().id
    };
    let anna = join("Anna de Vries", "gifted", "", "proposed");
    let bo = join("Bo Jansen", "paid", "300", "cancelled");
    let cas = join("Cas Smit", "hybrid", "250", "agreed");
    let reel = DeliverableDraft { collaboration_id: cas, platform: "instagram".into(), format: "reel".into(), due_on: day(7), status: "planned".into(), ..Default::default() };
    deliverable::create(&mut ws, &reel).unwrap();
    let mut recent = RecentList::default();
    recent.touch(&path, "Studio Zon", "2026-11-25T08:00:00Z");
    recent.save(data_dir).unwrap();
    Board { path, campaign: autumn, anna, bo, cas }
}

/// The status and revision of a collaboration, as the file holds them.
fn stored(board: &Board, id: i64) -> (String, i64) {
    let l = collaboration::get(&Workspace::open(&board.path).unwrap(), id).unwrap();
    (l.status.as_str().to_string(), l.revision)
}

/// Presses `keys` on whatever has the keyboard focus, as a person at the keyboard would.
async fn press(app: &App, keys: &str) {
    app.client.active_element().await.unwrap().send_keys(keys).await.unwrap();
}

/// Waits until card `id` stands in the `status` column with the keyboard focus on it.
async fn focused_card_in(app: &App, id: i64, status: &str) {
    let script = "const c = document.activeElement; return !!c && c.id === 'card-' + arguments[0] && !!c.closest('.col-' + arguments[1]);";
    app.wait_until(&format!("card {id} focused in {status}"), script, vec![json!(id), json!(status)]).await;
}

/// Waits for an error notice that says `words`.
async fn notice_saying(app: &App, words: &str) {
    let script = "return Array.from(document.querySelectorAll('.toast-error')).some(t => t.textContent.includes(arguments[0]));";
    app.wait_until(&format!("a notice saying {words:?}"), script, vec![json!(words)]).await;
}

/// Drags card `id` over the `status` column with DragEvents and a DataTransfer made in the page
/// (WebKitWebDriver has no native drag and drop), and drops it there unless `drop` is false (to
/// look at the board mid-drag). Says whether the column took the card and was marked.
async fn drag(app: &App, id: i64, status: &str, drop: bool) -> Value {
    let script = "const card = document.querySelector('#card-' + arguments[0]); const col = document.querySelector('.board-col.col-' + arguments[1]);
        const data = new DataTransfer();
        const fire = (el, type) => el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
        fire(card, 'dragstart'); fire(col, 'dragenter');
        const accepted = !fire(col, 'dragover');
        const marked = col.classList.contains('drop-target');
        if (arguments[2]) { fire(col, 'drop'); fire(card, 'dragend'); }
        return { accepted, marked, types: Array.from(data.types) };";
    app.js(script, vec![json!(id), json!(status), json!(drop)]).await
}

/// The names of the campaigns the list shows.
async fn listed(app: &App) -> Vec<String> {
    app.texts(".campaign-row .campaign-name").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_move_cards_and_find_campaigns() {
    if !enabled("board moves and campaign search") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    let data = tempfile::tempdir().unwrap();
    let board = workspace_with_a_board(data.path());
    let alt = |arrow: Key| format!("{}{}", char::from(Key::Alt), char::from(arrow));
    let app = App::start(data.path()).await;
    app.click("#nav-campaigns").await;
    app.click_until(&format!(".campaign-row[data-id='{}'] .campaign-open", board.campaign), &format!(".col-proposed #card-{}", board.anna)).await;
    let hint = app.js("return document.querySelector('.col-agreed .board-col-head').title;", vec![]).await;
    assert!(hint.as_str().unwrap().contains("Alt+→"), "the column header says how to move cards: {hint}");

    // Alt+→ moves Anna from proposed to agreed: the board, the budget and the file follow, and
    // the keyboard focus stays on her card.
    app.js("document.querySelector('#add-creator').focus(); return true;", vec![]).await;
    press(&app, &char::from(Key::Tab).to_string()).await;
    focused_card_in(&app, board.anna, "proposed").await;
    press(&app, &alt(Key::Right)).await;
    focused_card_in(&app, board.anna, "agreed").await;
    app.wait_for_text("#budget-committed", "Anna's gift value committed too", |t| t.contains("370.00")).await;
    assert_eq!(stored(&board, board.anna).0, "agreed");
    app.screenshot("campaigns-board-keyboard-move").await;

    // Cancelled → completed is refused by the core: a notice in the catalogue's words, the
    // card where it was, the file untouched.
    let before = stored(&board, board.bo);
    press(&app, &char::from(Key::Right).to_string()).await;
    focused_card_in(&app, board.bo, "cancelled").await;
    press(&app, &alt(Key::Left)).await;
    notice_saying(&app, "The status cannot change that way").await;
    focused_card_in(&app, board.bo, "cancelled").await;
    assert_eq!(stored(&board, board.bo), before, "a refused move writes nothing");

    // Drag and drop: Cas from agreed to active. Mid-drag the column under the card is marked.
    let hover = drag(&app, board.cas, "active", false).await;
    assert_eq!((hover["accepted"].clone(), hover["marked"].clone()), (json!(true), json!(true)), "the active column takes the card: {hover}");
    assert_eq!(hover["types"], json!(["application/x-chorus-collaboration"]), "the card's data travels with the drag");
    app.screenshot("campaigns-board-dragging").await;
    app.js("const col = document.querySelector('.board-col.col-active'); col.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: new DataTransfer() })); document.querySelector('#card-' + arguments[0]).dispatchEvent(new DragEvent('dragend', { bubbles: true })); return true;", vec![json!(board.cas)]).await;
    focused_card_in(&app, board.cas, "active").await;
    assert_eq!(stored(&board, board.cas).0, "active");
    assert_eq!(app.js("return document.querySelectorAll('.drop-target').length;", vec![]).await, json!(0), "no column stays marked");

    // Completing Cas with a reel still planned is refused: the notice says so; nothing moves.
    let before = stored(&board, board.cas);
    let dropped = drag(&app, board.cas, "completed", true).await;
    assert_eq!(dropped["accepted"], json!(true), "{dropped}");
    notice_saying(&app, "1 deliverable is still open. Mark it published or missed before completing.").await;
    focused_card_in(&app, board.cas, "active").await;
    assert_eq!(stored(&board, board.cas), before);
    app.screenshot("campaigns-board-after-moves").await;

    // The list: the search ignores case and accents, the phase select counts and narrows.
    app.click("#back-to-campaigns").await;
    app.wait_until("four campaigns", "return document.querySelectorAll('.campaign-row').length === 4;", vec![]).await;
    app.fill("#campaign-search", "CAFE creme").await;
    app.wait_until("one campaign found", "return document.querySelectorAll('.campaign-row').length === 1;", vec![]).await;
    assert_eq!(listed(&app).await, vec!["Café Crème tour"]);
    assert_eq!(app.text("#campaign-count").await, "1 of 4 campaigns");
    // The UTM value is searched too.
    app.fill("#campaign-search", "spring-teaser").await;
    app.wait_until("found by its UTM value", "return document.querySelectorAll('.campaign-row').length === 1;", vec![]).await;
    assert_eq!(listed(&app).await, vec!["Spring teaser"]);
    app.fill("#campaign-search", "").await;
    app.choose("#campaign-phase", "upcoming").await;
    app.wait_until("the upcoming campaign", "return document.querySelectorAll('.campaign-row').length === 1;", vec![]).await;
    assert_eq!(listed(&app).await, vec!["Spring teaser"]);
    let options = app.js("return Array.from(document.querySelectorAll('#campaign-phase option')).map(o => o.textContent);", vec![]).await;
    assert_eq!(options, json!(["All phases (4)", "Upcoming (1)", "Running (1)", "Ended (1)", "No dates (1)"]));
    // Nothing found is said calmly, and "Clear filters" brings every campaign back.
    app.fill("#campaign-search", "autumn").await;
    app.wait_for_text("#campaigns-no-match h2", "nothing found", |t| t == "No campaigns match").await;
    app.click("#campaigns-clear-filters").await;
    app.wait_until("four campaigns again", "return document.querySelectorAll('.campaign-row').length === 4;", vec![]).await;
    // `/` focuses the search from the list.
    app.js("document.querySelector('.campaign-row').focus(); return true;", vec![]).await;
    press(&app, "/").await;
    app.wait_until("the search focused", "return document.activeElement?.id === 'campaign-search';", vec![]).await;
    press(&app, "spring").await;
    app.wait_until("one campaign found", "return document.querySelectorAll('.campaign-row').length === 1;", vec![]).await;
    app.screenshot("campaigns-list-filtered").await;

    // The filter stays when leaving the screen and through a language switch.
    app.click("#nav-today").await;
    app.click("#nav-campaigns").await;
    app.wait_until("the kept search", "return document.querySelector('#campaign-search')?.value === 'spring' && document.querySelectorAll('.campaign-row').length === 1;", vec![]).await;
    app.click("#nav-settings").await;
    app.choose("#set-language", "nl").await;
    app.wait_until("Dutch", "return document.documentElement.lang === 'nl';", vec![]).await;
    app.click("#nav-campaigns").await;
    app.wait_for_text("#campaign-count", "the Dutch count", |t| t == "1 van 4 campagnes").await;
    assert_eq!(app.js("return document.querySelector('#campaign-search').value;", vec![]).await, json!("spring"));
    app.click("#nav-settings").await;
    app.choose("#set-language", "en").await;
    app.wait_until("English", "return document.documentElement.lang === 'en';", vec![]).await;
    app.stop().await;

    // Dark: the filtered list, and the board mid-drag.
    std::env::set_var("GTK_THEME", "Adwaita:dark");
    let app = App::start(data.path()).await;
    std::env::remove_var("GTK_THEME");
    app.click("#nav-campaigns").await;
    app.choose("#campaign-phase", "running").await;
    app.wait_until("the running campaign", "return document.querySelectorAll('.campaign-row').length === 1;", vec![]).await;
    app.screenshot("campaigns-list-filtered-dark").await;
    app.click_until(".campaign-open", &format!(".col-active #card-{}", board.cas)).await;
    drag(&app, board.anna, "active", false).await;
    app.screenshot("campaigns-board-dragging-dark").await;
    app.stop().await;
}

#[test]
fn the_english_budget_sentence_is_the_cores() {
    let en = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/i18n/en.js")).unwrap();
    let line = en.lines().find(|l| l.trim_start().starts_with("'campaign.budget.formula':")).expect("the key is in en.js");
    let text = line.trim().trim_start_matches("'campaign.budget.formula':").trim().trim_end_matches(',').trim_matches('\'');
    assert_eq!(text, chorus_core::campaigns::board::BUDGET_FORMULA, "update ui/i18n/en.js and nl.js when the core's formula changes");
}
