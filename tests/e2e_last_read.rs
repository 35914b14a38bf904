//! Every screen and panel of the demo, read as a shop owner reads them, in English and Dutch,
//! light and dark, at 1280×800: Today (here and all clients), the roster, a creator's panel,
//! history and form, the export and add-to-campaign dialogs, the workspace menu and the new
//! workspace dialog, the campaign list, board, timeline, brief and form, the creator picker,
//! the collaboration panel's four tabs with a deliverable's and a gift's form, the Sales screen
//! (the orders, an attributed order's detail with its commission, an unattributed one with the
//! dialog that gives it to a creator, the commissions with their totals, the exchange rates and
//! the dialog that adds one), Settings and the welcome screen. The support's text guard reads every step; nothing a user reads may be cut
//! off (text wider than its box, or a menu's chosen option wider than the menu).
//! Screenshots: read-<language>[-dark]-<screen>.png.

mod support;

use support::{enabled, App, ONE_AT_A_TIME};

/// What a user reads: labels, headings, buttons, badges, cells, tabs, menus and boxes.
const READ: &str = "h1, h2, h3, .nav-item, .btn, .tab, .badge, .chip, th, td, label, .field-label, .field-hint, .card-name, \
    .board-col-head h3, .campaign-name, .today-what-text, .today-creator, .today-campaign-name, .history-name, .ws-brand, .ws-file, \
    .roster-row .cell, .roster-th, .menu-item, .item-title, input, select, .spend-label, .budget-label, .choice-title";

struct Tour<'a> {
    app: &'a App,
    prefix: String,
    found: Vec<String>,
}

impl Tour<'_> {
    async fn shot(&mut self, screen: &str) {
        self.app.screenshot(&format!("{}-{screen}", self.prefix)).await;
        for problem in self.app.cut_off(READ).await {
            self.found.push(format!("{screen}: {problem}"));
        }
    }
}

/// Closes the open dialog with its close button, as a person would.
async fn close_dialog(app: &App) {
    app.js("document.querySelector('dialog[open] .dialog-close').click(); return true;", vec![]).await;
    app.wait_until("the dialog to close", "return !document.querySelector('dialog[open]');", vec![]).await;
}

async fn every_screen(app: &App, prefix: String) -> Vec<String> {
    let mut tour = Tour { app, prefix, found: Vec::new() };
    app.wait_for(".today-item").await;
    tour.shot("today").await;
    app.click("#today-mode-all").await;
    app.wait_for(".client-group").await;
    tour.shot("today-all").await;

    app.click("#nav-roster").await;
    app.wait_for(".roster-row").await;
    tour.shot("roster").await;
    app.click_until(".roster-row", "#creator-collabs").await;
    tour.shot("creator").await;
    app.js("document.querySelector('#creator-contact-log')?.scrollIntoView({block: 'end'}); return true;", vec![]).await;
    tour.shot("creator-history").await;
    app.click("#log-contact").await;
    app.wait_for("#contact-log-form").await;
    tour.shot("creator-log-contact").await;
    app.click("#contact-log-cancel").await;
    app.click("#edit-creator").await;
    app.wait_for("#save-creator").await;
    tour.shot("creator-form").await;
    app.js("document.querySelector('#f-country').scrollIntoView({block: 'center'}); return true;", vec![]).await;
    tour.shot("creator-form-place").await;
    app.js("document.querySelector('#f-notes').scrollIntoView({block: 'center'}); return true;", vec![]).await;
    tour.shot("creator-form-end").await;
    app.click("#cancel-creator").await;
    app.click("#export-csv").await;
    app.wait_for("#export-confirm").await;
    tour.shot("export-dialog").await;
    close_dialog(app).await;
    app.js("document.querySelector('.roster-row .row-check').click(); return true;", vec![]).await;
    app.click("#add-selected-to-campaign").await;
    app.wait_for("#atc-save").await;
    tour.shot("add-to-campaign").await;
    close_dialog(app).await;
    app.click("#clear-selection").await;

    app.click("#ws-switcher").await;
    app.wait_for("#ws-menu:not([hidden])").await;
    tour.shot("workspace-menu").await;
    app.click("#ws-new").await;
    app.wait_for("#new-ws-create").await;
    tour.shot("new-workspace").await;
    close_dialog(app).await;

    app.click("#nav-campaigns").await;
    app.wait_for(".campaign-open").await;
    tour.shot("campaigns").await;
    app.js("[...document.querySelectorAll('.campaign-open')].find((b) => b.textContent === 'Zomer in de stad').click(); return true;", vec![]).await;
    app.wait_for(".board-card").await;
    tour.shot("board").await;
    app.click("#campaign-tab-timeline").await;
    app.wait_for(".tl-marker").await;
    tour.shot("timeline").await;
    app.click("#campaign-tab-brief").await;
    tour.shot("brief").await;
    app.click("#campaign-tab-board").await;
    app.click("#edit-campaign").await;
    app.wait_for("#cf-name").await;
    tour.shot("campaign-form").await;
    app.click("#cancel-campaign").await;
    app.click("#add-creator").await;
    app.wait_for(".pick-row").await;
    tour.shot("creator-picker").await;
    close_dialog(app).await;
    // A collaboration with a gift, a deliverable and contacts.
    let card = "[...document.querySelectorAll('.board-card')].find((c) => c.querySelector('.card-line .badge.status') && !/\\/0(\\D|$)/.test(c.querySelector('.card-deliverables').textContent))";
    app.wait_until("a card with a gift and a deliverable", &format!("return !!{card};"), vec![]).await;
    app.js(&format!("{card}.click(); return true;"), vec![]).await;
    app.wait_for("#collab-tab-terms").await;
    app.click("#collab-tab-terms").await;
    app.wait_for("#collab-form").await;
    tour.shot("collaboration-terms").await;
    app.click("#collab-tab-deliverables").await;
    app.wait_for(".deliverable-item").await;
    tour.shot("collaboration-deliverables").await;
    app.click(".edit-deliverable").await;
    app.wait_for("#de-form").await;
    tour.shot("deliverable-form").await;
    app.click("#de-cancel").await;
    app.click("#collab-tab-gifts").await;
    app.wait_for(".shipment-item").await;
    tour.shot("collaboration-gifts").await;
    app.click(".edit-gift").await;
    app.wait_for("#gift-form").await;
    tour.shot("gift-form").await;
    app.click("#gf-cancel").await;
    app.click("#collab-tab-touchpoints").await;
    app.wait_for("#tp-form").await;
    tour.shot("collaboration-outreach").await;
    app.click("#close-collab").await;

    app.click("#nav-sales").await;
    app.wait_for("#orders-table tbody .sales-row").await;
    tour.shot("sales-orders").await;
    app.choose("#orders-attribution", "attributed").await;
    app.wait_until("only attributed orders", "const rows = [...document.querySelectorAll('#orders-table tbody .sales-row')]; return rows.length > 0 && rows.every((r) => r.querySelector('.sales-creator'));", vec![]).await;
    app.click_until("#orders-table tbody .sales-row td", ".order-detail").await;
    app.wait_for("#order-ledger").await;
    tour.shot("sales-order").await;
    app.js("document.querySelector('#order-commission').scrollIntoView({block: 'start'}); return true;", vec![]).await;
    tour.shot("sales-order-commission").await;
    app.choose("#orders-attribution", "unattributed").await;
    app.wait_until("only unattributed orders", "const rows = [...document.querySelectorAll('#orders-table tbody .sales-row')]; return rows.length > 0 && rows.every((r) => r.querySelector('.astatus-unattributed'));", vec![]).await;
    app.click_until("#orders-table tbody .sales-row td", "#order-attribute-any").await;
    tour.shot("sales-order-unattributed").await;
    app.click("#order-attribute-any").await;
    app.wait_for("#attr-results .attr-row").await;
    app.click_until("#attr-results .attr-row", "#attr-results .attr-row.selected").await;
    // Their campaigns in the menu, or (a creator in none) the reason at the creator.
    app.wait_until("the creator's campaigns", "return document.querySelector('#attr-collaboration').options.length > 0 || !document.querySelector('#err-attr-creator').hidden;", vec![]).await;
    tour.shot("sales-attribute").await;
    close_dialog(app).await;
    app.click("#sales-tab-commissions").await;
    app.wait_for("#lines-table tbody .sales-row").await;
    tour.shot("sales-commissions").await;
    app.click("#sales-tab-rates").await;
    app.wait_for("#rates-table tbody .rate-row").await;
    tour.shot("sales-rates").await;
    app.click("#rates-add").await;
    app.wait_for("#rate-save").await;
    tour.shot("sales-rate-form").await;
    close_dialog(app).await;

    app.click("#nav-settings").await;
    app.wait_for("#workspace-info dd").await;
    tour.shot("settings").await;
    app.js("document.querySelector('#settings-today')?.scrollIntoView({block: 'end'}); return true;", vec![]).await;
    tour.shot("settings-end").await;

    app.click("#ws-switcher").await;
    app.click("#ws-close").await;
    app.wait_for("#ws-demo").await;
    tour.shot("welcome").await;
    tour.found
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_every_screen_of_the_demo_in_both_languages_and_themes_reads_whole() {
    if !enabled("the last read") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    let mut found = Vec::new();
    for (language, dark) in [("en", false), ("nl", false), ("en", true), ("nl", true)] {
        // A first run opens the demo.
        let data = tempfile::tempdir().unwrap();
        let app = App::start_speaking(data.path(), language, dark).await;
        let prefix = format!("read-{language}{}", if dark { "-dark" } else { "" });
        found.extend(every_screen(&app, prefix.clone()).await.into_iter().map(|p| format!("{prefix} {p}")));
        app.stop().await;
    }
    assert_eq!(found, Vec::<String>::new(), "cut off");
}
