//! The window's forms through the real window, in Dutch and in English, light and dark: date
//! fields speak the window's language (a Dutch window on an English computer once showed
//! `11/03/2026` under a heading saying `03-11-2026`, and an empty one a greyed-out today);
//! amounts and counts show the window's number spelling (`1.300,00` and `1.000`, not `1300.00`
//! and `1,000`); a form reports all its problems at once (a bad email once showed only after
//! the other errors were fixed); every save says it saved (the collaboration terms said
//! nothing); a postal address keeps its line breaks; a tracking number links to the carrier.
//! Screenshots: tests/screenshots/forms-<language>-<screen>[-dark].png.

mod support;

use chorus_core::app::recent::RecentList;
use chorus_core::campaigns::{campaign, collaboration, gifting, CampaignDraft, CollaborationDraft, GiftItemDraft, ShipmentDraft};
use chorus_core::roster::model::{CreatorDraft, HandleDraft, RateDraft};
use chorus_core::workspace::settings::Settings;
use chorus_core::Workspace;
use serde_json::json;
use std::path::{Path, PathBuf};
use support::{enabled, typed_date, App, ONE_AT_A_TIME};

/// Studio Zon (EUR) with Anna (an address on two lines, a reel at 1300.00, 12,400 followers) in
/// "Winterglow" (budget 5000.00, 1 Dec 2026 – 31 Jan 2027) as a paid collaboration (fee 1300.00)
/// with a shipped PostNL gift; opened at start.
struct Prepared {
    path: PathBuf,
    collaboration: i64,
}

fn prepare(data_dir: &Path) -> Prepared {
    let path = data_dir.join("Studio Zon.chorus");
    let mut ws = Workspace::create(&path, &Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
    let anna = CreatorDraft {
        display_name: "Anna de Vries".into(),
        handles: vec![HandleDraft { platform: "instagram".into(), handle: "anna.zon".into(), followers: "12400".into(), ..Default::default() }],
        city: "Utrecht".into(),
        country: "NL".into(),
        email: "anna@example.nl".into(),
        postal_address: "Oudegracht 12\n3511 AB".into(),
        rates: vec![RateDraft { format: "reel".into(), amount: "1300".into() }],
        ..Default::default()
    };
    let anna = chorus_core::roster::creators::create(&mut ws, &anna).unwrap();
    let draft = CampaignDraft {
        name: "Winterglow".into(),
        goal: "sales".into(),
        starts_on: "2026-12-01".into(),
        ends_on: "2027-01-31".into(),
        budget: "5000".into(),
        required_hashtags: "winterglow".into(),
        ..Default::default()
    };
    let c = campaign::create(&mut ws, &draft).unwrap();
    let l = collaboration::create(&mut ws, &CollaborationDraft { campaign_id: c.id, creator_id: anna.id, kind: "paid".into(), fee: "1300".into(), ..Default::default() }).unwrap();
    let mut terms = l.draft.clone();
    terms.status = "agreed".into();
    let l = collaboration::update(&mut ws, l.id, l.revision, &terms).unwrap();
    let mut gift = gifting::new_draft(&ws, l.id).unwrap();
    gift.carrier = "PostNL".into();
    gift.tracking_number = "3SABCD1234567".into();
    gift.items = vec![GiftItemDraft { name: "Winterglow serum".into(), quantity: "1".into(), unit_cost: "12".into(), unit_retail: "1049.95".into(), ..Default::default() }];
    let s = gifting::create(&mut ws, &gift).unwrap();
    gifting::update(&mut ws, s.id, s.revision, &ShipmentDraft { status: "shipped".into(), ..s.draft.clone() }).unwrap();
    let mut recent = RecentList::default();
    recent.touch(&path, "Studio Zon", "2026-11-25T08:00:00Z");
    recent.save(data_dir).unwrap();
    Prepared { path, collaboration: l.id }
}

async fn placeholder(app: &App, css: &str) -> String {
    app.js("return document.querySelector(arguments[0]).placeholder;", vec![json!(css)]).await.as_str().unwrap_or_default().to_string()
}

/// On how many lines the text of `css` is drawn.
async fn shown_lines(app: &App, css: &str) -> i64 {
    app.wait_for(css).await;
    let script = "const r = document.createRange(); r.selectNodeContents(document.querySelector(arguments[0]));
        return new Set(Array.from(r.getClientRects()).filter(b => b.width > 0).map(b => Math.round(b.top))).size;";
    app.js(script, vec![json!(css)]).await.as_i64().unwrap()
}

/// Presses keys on whatever has the keyboard focus.
async fn press(app: &App, keys: &str) {
    app.client.active_element().await.unwrap().send_keys(keys).await.unwrap();
}

/// Opens the collaboration panel of the prepared campaign at `tab`.
async fn open_collaboration(app: &App, p: &Prepared, tab: &str) {
    app.click("#nav-campaigns").await;
    app.click_until(".campaign-open", &format!("#card-{}", p.collaboration)).await;
    app.click(&format!("#card-{}", p.collaboration)).await;
    app.wait_for_text("#collab-title", "Anna's collaboration", |t| t == "Anna de Vries").await;
    app.click(&format!("#collab-tab-{tab}")).await;
}

/// The journey's screens in one language; `dark` only looks (screenshots), `light` also acts.
async fn dutch_forms(app: &App, p: &Prepared) {
    let shot = |name: &str| format!("forms-nl-{name}");

    // The creator panel: the address on its own two lines; the form shows 12.400 and 1.300,00.
    app.click("#nav-roster").await;
    app.click_until(".roster-row", "#detail-name").await;
    app.wait_for_text("#detail-name", "Anna's panel", |t| t == "Anna de Vries").await;
    assert_eq!(shown_lines(app, "dd.address").await, 2, "a postal address keeps its line breaks");
    app.click("#edit-creator").await;
    assert_eq!(app.value("#f-handle-0-followers").await, "12.400");
    assert_eq!(app.value("#f-rate-0-amount").await, "1.300,00");
    assert_eq!(placeholder(app, "#f-handle-0-followers").await, "12.345", "a Dutch 12,345 would be a decimal");
    // All problems at once: no name, a bad email, and a handle that is Anna's already.
    app.click("#cancel-creator").await;
    app.click("#new-creator").await;
    app.fill("#f-handle-0-handle", "@anna.zon").await;
    app.fill("#f-email", "fleur@").await;
    app.click("#save-creator").await;
    app.wait_for_text("#err-email", "the email error", |t| !t.is_empty()).await;
    for slot in ["#err-display_name", "#err-handles-0-handle"] {
        let text = app.wait_for_text(slot, "its error in the same answer", |t| !t.is_empty()).await;
        if slot.contains("handle") {
            assert!(text.contains("@anna.zon"), "the taken handle is named: {text}");
        }
    }
    let shifted = app.js("return [document.documentElement.scrollTop, document.body.scrollTop];", vec![]).await;
    assert_eq!(shifted, json!([0, 0]), "bringing an error into view scrolls the form, never the whole window");
    app.screenshot(&shot("creator-form-errors")).await;
    app.click("#cancel-creator").await;
    app.click(".dialog .btn-danger").await;

    // Settings: tier bounds in Dutch figures; a bad bound and an empty brand name together.
    app.click("#nav-settings").await;
    app.wait_for_text("#set-locale", "the workspace settings", |t| !t.is_empty()).await;
    assert_eq!(app.value("#set-tiers-nano").await, "1.000");
    assert_eq!(app.value("#set-tiers-mega").await, "1.000.000");
    app.fill("#set-brand_name", "").await;
    app.fill("#set-tiers-micro", "veel").await;
    // The sales settings: a code pattern Chorus cannot fill and days that are no number, in
    // the same answer; the base formula follows the prices' choice.
    assert_eq!(app.value("#set-sales-attribution_grace_days").await, "30");
    assert!(app.text("#base-formula").await.contains("min de btw in de productprijzen"));
    app.fill("#set-sales-attribution_grace_days", "twee").await;
    app.fill("#set-sales-pattern", "{HANDEL}{PERCENT}").await;
    app.click("#save-settings").await;
    app.wait_for_text("#err-set-brand_name", "the brand name error", |t| !t.is_empty()).await;
    let micro = app.wait_for_text("#err-set-tiers-micro", "the bound's error in the same answer", |t| !t.is_empty()).await;
    assert!(micro.contains("veel"), "{micro}");
    app.wait_for_text("#err-set-sales-attribution_grace_days", "the grace days' error in the same answer", |t| !t.is_empty()).await;
    let pattern = app.wait_for_text("#err-set-sales-pattern", "the pattern's error in the same answer", |t| !t.is_empty()).await;
    assert!(pattern.contains("HANDEL"), "{pattern}");
    app.js("document.querySelector('#settings-sales').scrollIntoView({ block: 'center' });", vec![]).await;
    app.screenshot(&shot("settings-errors")).await;
    app.fill("#set-brand_name", "Studio Zon").await;
    app.fill("#set-tiers-micro", "12.000").await;
    app.fill("#set-sales-attribution_grace_days", "14").await;
    app.fill("#set-sales-pattern", "ZON{HANDLE}").await;
    app.choose("#set-sales-prices", "exclude").await;
    app.wait_for_text("#base-formula", "the formula for prices without tax", |t| t.contains("zonder verzendkosten en btw")).await;
    app.click("#save-settings").await;
    app.notice("Instellingen opgeslagen").await;
    let saved = Workspace::open(&p.path).unwrap();
    assert_eq!(saved.settings().unwrap().tiers.micro, 12_000);
    let sales = chorus_core::workspace::settings::load_sales_rules(saved.conn()).unwrap();
    assert_eq!((sales.attribution_grace_days, sales.prices_include_tax, sales.discount_code_pattern.as_str()), (14, false, "ZON{HANDLE}"));

    // The campaign form: the budget 5.000,00, dates as dd-mm-jjjj, typed the Dutch way.
    app.click("#nav-campaigns").await;
    app.click_until(".campaign-open", "#campaign-dates").await;
    app.wait_for_text("#campaign-dates", "the Dutch dates", |t| t.contains("01-12-2026")).await;
    app.click("#edit-campaign").await;
    assert_eq!(app.value("#cf-budget").await, "5.000,00");
    assert_eq!(app.value("#cf-starts_on").await, "01-12-2026", "the field says what the heading says");
    app.fill("#cf-ends_on", "").await;
    assert_eq!(placeholder(app, "#cf-ends_on").await, "dd-mm-jjjj", "an empty date field shows only the shape of a date");
    app.fill("#cf-ends_on", "15-2-27").await;
    app.click("#cf-budget").await;
    assert_eq!(app.value("#cf-ends_on").await, "15-02-2027", "a typed date is written back the window's way");
    app.screenshot(&shot("campaign-form")).await;
    app.click("#save-campaign").await;
    app.notice("Winterglow opgeslagen").await;
    let c = campaign::find(&Workspace::open(&p.path).unwrap(), "Winterglow").unwrap().unwrap();
    assert_eq!((c.ends_on.as_deref(), c.budget.minor), (Some("2027-02-15"), 500_000), "dates reach the core as YYYY-MM-DD, the untouched budget unchanged");

    // The terms: the fee 1.300,00; a date picked in the calendar from the keyboard; the save says so.
    app.click(&format!("#card-{}", p.collaboration)).await;
    app.wait_for_text("#collab-title", "Anna's collaboration", |t| t == "Anna de Vries").await;
    assert_eq!(app.value("#lf-fee").await, "1.300,00");
    assert_eq!(app.value("#lf-usage_until").await, "");
    app.click("#lf-usage_until").await;
    app.fill("#lf-usage_until", "30-6-2027").await;
    press(app, &format!("{}{}", char::from(fantoccini::key::Key::Alt), char::from(fantoccini::key::Key::Down))).await;
    app.wait_for(".date-popup .cal-day.is-chosen").await;
    assert_eq!(app.text(".date-popup .cal-title").await, "juni 2027");
    press(app, &char::from(fantoccini::key::Key::Right).to_string()).await;
    app.wait_until("1 July focused", "return document.activeElement?.dataset.date === '2027-07-01';", vec![]).await;
    app.screenshot(&shot("terms-calendar")).await;
    press(app, &char::from(fantoccini::key::Key::Enter).to_string()).await;
    app.wait_until("the calendar closed", "return !document.querySelector('.date-popup') && document.activeElement?.id === 'lf-usage_until';", vec![]).await;
    assert_eq!(app.value("#lf-usage_until").await, "01-07-2027");
    app.fill("#lf-fee", "1.450,50").await;
    app.click("#save-collaboration").await;
    app.notice("Afspraken met Anna de Vries opgeslagen").await;
    let l = collaboration::get(&Workspace::open(&p.path).unwrap(), p.collaboration).unwrap();
    assert_eq!((l.fee.minor, l.usage_until.as_deref()), (145_050, Some("2027-07-01")));
    app.wait_until("the saved fee shown", "return document.querySelector('#lf-fee')?.value === '1.450,50';", vec![]).await;
    app.screenshot(&shot("terms")).await;

    // A deliverable with a Dutch date; the list says it in Dutch too; the save says so.
    app.click("#collab-tab-deliverables").await;
    app.click("#add-deliverable").await;
    assert_eq!(placeholder(app, "#dn-due_on").await, "dd-mm-jjjj");
    app.fill("#dn-due_on", &typed_date("2026-12-14", "nl")).await;
    app.screenshot(&shot("deliverable-form")).await;
    app.click("#dn-save").await;
    app.notice("Deliverable toegevoegd").await;
    app.wait_for_text("#deliverable-list", "the planned reel", |t| t.contains("14-12-2026")).await;
    // Published, at a day and time typed the Dutch way; a day without a time is refused.
    app.click(".mark-published").await;
    app.fill("#publish-url", "https://www.instagram.com/reel/winterglow1/").await;
    app.fill("#publish-at", "14-12-2026").await;
    app.click("#publish-save").await;
    let err = app.wait_for_text("#err-publish-at", "the missing time", |t| !t.is_empty()).await;
    assert!(err.contains("“14-12-2026”"), "the refusal quotes what was typed: {err}");
    app.fill("#publish-form .time-input", "18.05").await;
    app.click("#publish-save").await;
    app.notice("Gemarkeerd als gepubliceerd").await;
    let ws = Workspace::open(&p.path).unwrap();
    let live = &collaboration::detail(&ws, p.collaboration).unwrap().deliverables[0];
    assert_eq!(live.published_at.as_deref(), Some("2026-12-14T18:05"));

    // The gift: the tracking number opens PostNL's page; the address keeps its lines.
    app.click("#collab-tab-gifts").await;
    let link = app.wait_for(".shipment-item .tracking-link").await;
    assert_eq!(app.text(".shipment-item .tracking-link").await, "3SABCD1234567");
    assert_eq!(link.attr("title").await.unwrap().as_deref(), Some("Volg het pakket op de website van PostNL"));
    assert_eq!(app.text(".gift-recipient").await, "Anna de Vries\nOudegracht 12\n3511 AB\nUtrecht, Nederland");
    assert_eq!(shown_lines(app, ".gift-recipient").await, 4, "the gift's address keeps its line breaks");
    app.screenshot(&shot("gift")).await;
    app.click(".edit-gift").await;
    assert_eq!(app.value("#gf-item-0-unit_retail").await, "1.049,95");
    assert!(app.value("#gf-shipped_on").await.contains('-'), "the shipping date in Dutch");
    app.screenshot(&shot("gift-form")).await;
    app.click("#gf-save").await;
    app.notice("Cadeau opgeslagen").await;
}

/// The same forms as an English window shows them.
async fn english_forms(app: &App, p: &Prepared) {
    assert_eq!(creator_and_campaign_forms(app, "forms-en").await, ("1,300.00".to_string(), "5,000.00".to_string()));
    open_collaboration(app, p, "terms").await;
    assert_eq!(app.value("#lf-fee").await, "1,450.50");
    assert_eq!(app.value("#lf-usage_until").await, "1 Jul 2027");
    assert_eq!(placeholder(app, "#lf-starts_on").await, "dd mmm yyyy");
    app.fill("#lf-starts_on", "3 dec 2026").await;
    press(app, &char::from(fantoccini::key::Key::Up).to_string()).await;
    assert_eq!(app.value("#lf-starts_on").await, "4 Dec 2026", "↑ moves the date a day on");
    press(app, &char::from(fantoccini::key::Key::Down).to_string()).await;
    app.click("#save-collaboration").await;
    app.notice("Terms with Anna de Vries saved").await;
    assert_eq!(collaboration::get(&Workspace::open(&p.path).unwrap(), p.collaboration).unwrap().starts_on.as_deref(), Some("2026-12-03"));
    app.screenshot("forms-en-terms").await;
    app.click("#collab-tab-gifts").await;
    let link = app.wait_for(".shipment-item .tracking-link").await;
    assert_eq!(link.attr("title").await.unwrap().as_deref(), Some("Follow the parcel on the PostNL website"));
    app.screenshot("forms-en-gift").await;
    app.click("#close-collab").await;
    app.click("#edit-campaign").await;
    assert_eq!(app.value("#cf-budget").await, "5,000.00");
    app.screenshot("forms-en-campaign-form").await;
    app.click("#nav-settings").await;
    app.wait_for_text("#set-locale", "the workspace settings", |t| !t.is_empty()).await;
    assert_eq!(app.value("#set-tiers-micro").await, "12,000");
    app.screenshot("forms-en-settings").await;
    // Switching to Dutch here rebuilds the screen: untouched bounds follow the new language
    // (they once stayed `12,000`, which a Dutch reader takes for twelve), typed text stays.
    app.fill("#set-brand_name", "Studio Zon BV").await;
    // Issue 8: a bound typed and not saved was carried across the switch as typed, so an
    // English `55,500` showed in the Dutch window, where it reads as fifty-five and a half.
    app.fill("#set-tiers-mid", "55,500").await;
    app.choose("#set-language", "nl").await;
    app.wait_for_text("#settings-title", "Dutch settings", |t| t == "Instellingen").await;
    app.wait_until("the bounds in Dutch", "return document.querySelector('#set-tiers-micro')?.value === '12.000';", vec![]).await;
    assert_eq!(app.value("#set-brand_name").await, "Studio Zon BV");
    assert_eq!(app.value("#set-tiers-mid").await, "55.500", "the typed bound in the Dutch spelling");
    app.screenshot("forms-nl-settings-after-switch").await;
    app.choose("#set-language", "en").await;
    app.wait_for_text("#settings-title", "English settings", |t| t == "Settings").await;
    assert_eq!(app.value("#set-tiers-mid").await, "55,500", "and back in the English one");
    assert_eq!(app.value("#set-brand_name").await, "Studio Zon BV");
}

/// A creator's edit form and a campaign's, as they open; the rate and the budget they show.
async fn creator_and_campaign_forms(app: &App, name: &str) -> (String, String) {
    app.click("#nav-roster").await;
    app.click_until(".roster-row", "#edit-creator").await;
    app.click("#edit-creator").await;
    app.wait_for("#f-rate-0-amount").await;
    app.js("document.querySelector('#f-rate-0-amount').scrollIntoView({block: 'center'}); return true;", vec![]).await;
    app.screenshot(&format!("{name}-creator-form")).await;
    let rate = app.value("#f-rate-0-amount").await;
    app.click("#cancel-creator").await;
    app.click("#nav-campaigns").await;
    app.click_until(".campaign-open", "#edit-campaign").await;
    app.click("#edit-campaign").await;
    app.wait_for("#cf-budget").await;
    app.screenshot(&format!("{name}-campaign-form")).await;
    let budget = app.value("#cf-budget").await;
    app.click("#cancel-campaign").await;
    app.click("#back-to-campaigns").await;
    (rate, budget)
}

/// The dark theme: the same screens, looked at.
async fn dark_screens(app: &App, p: &Prepared, language: &str) {
    let (rate, _) = creator_and_campaign_forms(app, &format!("forms-{language}-dark")).await;
    assert_eq!(rate, if language == "nl" { "1.300,00" } else { "1,300.00" });
    open_collaboration(app, p, "terms").await;
    app.click("#lf-contract_signed_on").await;
    press(app, &format!("{}{}", char::from(fantoccini::key::Key::Alt), char::from(fantoccini::key::Key::Down))).await;
    app.wait_for(".date-popup .cal-day").await;
    app.screenshot(&format!("forms-{language}-terms-calendar-dark")).await;
    press(app, &char::from(fantoccini::key::Key::Escape).to_string()).await;
    app.click("#collab-tab-gifts").await;
    app.click(".edit-gift").await;
    app.screenshot(&format!("forms-{language}-gift-form-dark")).await;
    app.click("#gf-cancel").await;
    app.click("#nav-settings").await;
    app.wait_for_text("#set-locale", "the workspace settings", |t| !t.is_empty()).await;
    app.screenshot(&format!("forms-{language}-settings-dark")).await;
    app.js("document.querySelector('#settings-sales').scrollIntoView({ block: 'center' });", vec![]).await;
    app.check_text("the sales settings").await;
    app.screenshot(&format!("forms-{language}-settings-sales-dark")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_forms_in_dutch_and_english_light_and_dark() {
    if !enabled("forms journey") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    let data = tempfile::tempdir().unwrap();
    let p = prepare(data.path());

    let app = App::start_speaking(data.path(), "nl", false).await;
    dutch_forms(&app, &p).await;
    app.stop().await;
    let app = App::start_speaking(data.path(), "nl", true).await;
    dark_screens(&app, &p, "nl").await;
    app.stop().await;
    let app = App::start_speaking(data.path(), "en", false).await;
    english_forms(&app, &p).await;
    app.stop().await;
    let app = App::start_speaking(data.path(), "en", true).await;
    dark_screens(&app, &p, "en").await;
    app.stop().await;
}

/// The ids (`data-*` or `id` suffixes) of the visible elements matching `css`.
async fn ids(app: &App, css: &str, attr: &str) -> Vec<String> {
    let v = app.js("return Array.from(document.querySelectorAll(arguments[0])).map(e => e.getAttribute(arguments[1]));", vec![json!(css), json!(attr)]).await;
    serde_json::from_value(v).unwrap()
}

/// Opens and closes every form of a collaboration panel, so the guard reads each.
async fn every_form_of_the_panel(app: &App) {
    app.click("#collab-tab-terms").await;
    app.wait_for("#collab-form").await;
    app.click("#collab-tab-deliverables").await;
    if app.js("return !document.querySelector('#add-deliverable').disabled;", vec![]).await == json!(true) {
        app.click("#add-deliverable").await;
        app.wait_for("#dn-form").await;
        app.click("#dn-cancel").await;
    }
    for id in ids(app, ".deliverable-item", "id").await {
        app.click(&format!("#{id} .edit-deliverable")).await;
        app.wait_for("#de-form").await;
        app.click("#de-cancel").await;
    }
    app.click("#collab-tab-gifts").await;
    for id in ids(app, ".shipment-item", "id").await {
        app.click(&format!("#{id} .edit-gift")).await;
        app.wait_for("#gift-form").await;
        app.click("#gf-cancel").await;
    }
    app.click("#collab-tab-touchpoints").await;
    app.wait_for("#tp-form").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_every_form_of_the_demo_reads_clean() {
    if !enabled("the demo's forms") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    let data = tempfile::tempdir().unwrap();
    // A first run opens the demo; every step below is read by the text guard.
    let app = App::start_speaking(data.path(), "nl", false).await;
    app.wait_for_text("#today-title", "Today", |t| t == "Vandaag").await;
    app.click("#nav-roster").await;
    app.click_until(".roster-row", "#edit-creator").await;
    app.click("#edit-creator").await;
    app.click("#cancel-creator").await;
    app.click("#nav-campaigns").await;
    app.wait_for(".campaign-row").await;
    for campaign in ids(&app, ".campaign-row", "data-id").await {
        app.click_until(&format!(".campaign-row[data-id='{campaign}'] .campaign-open"), "#campaign-title").await;
        app.click("#edit-campaign").await;
        app.wait_for("#cf-name").await;
        app.click("#cancel-campaign").await;
        for card in ids(&app, ".board-card", "id").await {
            app.click(&format!("#{card}")).await;
            app.wait_for("#collab-title").await;
            every_form_of_the_panel(&app).await;
            app.click("#close-collab").await;
        }
        app.click("#campaign-tab-timeline").await;
        app.click("#campaign-tab-brief").await;
        app.click("#campaign-tab-board").await;
        app.click("#back-to-campaigns").await;
        app.wait_for(".campaign-row").await;
    }
    app.click("#nav-settings").await;
    app.wait_for_text("#set-locale", "the workspace settings", |t| !t.is_empty()).await;
    app.stop().await;
}
