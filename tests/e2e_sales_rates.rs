//! The last window gaps of the sales journey, through the real window. A workspace is prepared
//! with the core: Studio Zon (EUR), the campaign "Zomer 2026" with Sanne (affiliate, 10 %) and
//! Lotte (affiliate, 10 %, no code yet), an order of Sanne's in US dollars that waits for its
//! exchange rate (booked by the ledger, so it says what it waits for) and an order with no code
//! that nobody is attributed (its customer named Lotte in an e-mail).
//!
//! The journey: the Rates tab says which rate is missing and offers to add it; the person
//! types it with one bad currency first (the problem shows at that field), then keeps it in
//! the window's spelling (`0,9224` in Dutch) and the toast says the order's commission was
//! booked; a refused ECB file shows its problem with its row; the ECB's real-layout CSV
//! (`Date,USD,JPY,…` with `N/A` cells and a currency long gone) is imported through the open
//! dialog and the result says what it added; the order with no code is attributed to Lotte
//! from the roster, with the reason (asked for first), and its commission line appears; the
//! campaign's spent figure holds the commissions and its sentence says so. English (light) and
//! Dutch (dark); screenshots sales-rates-<language>[-dark]-<step>.png.

mod support;

use chorus_core::campaigns::board::campaign_board;
use chorus_core::campaigns::{campaign, collaboration, fields};
use chorus_core::campaigns::{CampaignDraft, CollaborationDraft};
use chorus_core::commissions::ledger::book_orders;
use chorus_core::commissions::rules_store::{set_rule, RuleOwner};
use chorus_core::numbers::Spelling;
use chorus_core::app::recent::RecentList;
use chorus_core::workspace::settings::Settings;
use chorus_core::Workspace;
use rusqlite::params;
use std::path::{Path, PathBuf};
use support::{enabled, App, ONE_AT_A_TIME, day, plain, instagram_creator as creator};

/// Studio Zon with Sanne's dollar order waiting for its rate and an order nobody holds.
fn prepared(data_dir: &Path) -> PathBuf {
    let path = data_dir.join("Studio Zon.chorus");
    let mut ws = Workspace::create(&path, &Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
    let c = campaign::create(&mut ws, &CampaignDraft { name: "Zomer 2026".into(), goal: "sales".into(), starts_on: day(-60), budget: "5000".into(), ..Default::default() }).unwrap();
    let sanne = creator(&mut ws, "Sanne Groen", "sanne.groen");
    let lotte = creator(&mut ws, "Lotte Zee", "lotte.zee");
    let mut collab = |creator_id: i64| collaboration::create(&mut ws, &CollaborationDraft { campaign_id: c.id, creator_id, kind: "affiliate".into(), ..Default::default() }).unwrap().id;
    let (sanne_l, lotte_l) = (collab(sanne), collab(lotte));
    for l in [sanne_l, lotte_l] {
        set_rule(&mut ws, RuleOwner::Collaboration(l), "10%", Spelling::English, "the journey").unwrap();
    }
    let now = "2026-01-01T00:00:00Z";
    let order = |ws: &Workspace, n: i64, days: i64, currency: &str, subtotal: i64, state: &str, to: Option<i64>, reason: &str| {
        let d = day(days);
        ws.conn()
            .execute(
                "INSERT INTO orders (source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, discount_minor, shipping_minor, tax_minor, total_minor,
                                     financial_status, attribution, collaboration_id, attribution_reason, imported_at, updated_at)
                 VALUES ('shopify', '#' || ?1, ?2 || ' 14:05:00 +0200', ?2 || 'T12:05:00Z', ?2, ?3, ?4, 0, 0, 0, ?4, 'paid', ?5, ?6, ?7, ?8, ?8)",
                params![n, d, currency, subtotal, state, to, reason, now],
            )
            .unwrap();
        ws.conn().last_insert_rowid()
    };
    let dollars = order(&ws, 2001, -6, "USD", 10_000, "attributed", Some(sanne_l), "code");
    let nobody = order(&ws, 2002, -3, "EUR", 8_000, "unattributed", None, "no_code");
    ws.write(|tx| book_orders(tx, &[dollars, nobody], now)).unwrap();
    let waits: String = ws.conn().query_row("SELECT waiting_code FROM orders WHERE id = ?1", [dollars], |r| r.get(0)).unwrap();
    assert_eq!(waits, "rate_missing", "the dollar order waits for its rate");
    drop(ws);
    let mut recent = RecentList::default();
    recent.touch(&path, "Studio Zon", "2026-11-25T08:00:00Z");
    recent.save(data_dir).unwrap();
    path
}

/// The ECB's eurofxref-hist.csv as downloaded: newest day first, a trailing comma, `N/A` where a
/// currency had no rate, and a currency long gone (CYP) that Chorus leaves out.
fn ecb_csv(dir: &Path, name: &str, usd_of_newest: &str) -> PathBuf {
    let path = dir.join(name);
    let text = format!(
        "Date,USD,JPY,CYP,GBP,\n{},{usd_of_newest},163.45,N/A,0.8551,\n{},1.0801,N/A,N/A,0.8549,\n{},1.0795,162.90,N/A,0.8547,\n",
        day(-1),
        day(-2),
        day(-5)
    );
    std::fs::write(&path, text).unwrap();
    path
}

/// An amount in euros as the window writes it (below € 1,000).
fn euros(minor: i64, nl: bool) -> String {
    if nl { format!("€ {},{:02}", minor / 100, minor % 100) } else { format!("€{}.{:02}", minor / 100, minor % 100) }
}

async fn journey(language: &str, dark: bool) {
    let data = tempfile::tempdir().unwrap();
    let file = prepared(data.path());
    let app = App::start_speaking(data.path(), language, dark).await;
    let nl = language == "nl";
    let shot = |step: &str| format!("sales-rates-{language}{}-{step}", if dark { "-dark" } else { "" });
    let word = |en: &'static str, dutch: &'static str| if nl { dutch } else { en };

    // The Rates tab says which rate the dollar order waits for.
    app.click("#nav-sales").await;
    app.wait_for_text("#sales-title", "the Sales screen", |t| t == word("Sales", "Verkoop")).await;
    app.click("#sales-tab-rates").await;
    let wanted = app.wait_for_text("#rate-wanted-0", "the rate the order waits for", |t| t.contains("USD")).await;
    assert!(wanted.contains(word("is missing for 1 order", "Voor 1 bestelling ontbreekt")), "{wanted}");
    app.wait_for("#rates-none").await;
    app.screenshot(&shot("wanted")).await;

    // Adding it: the form starts with the pair and the day; a currency that is not one is
    // refused at its field, then the rate is kept as typed in the window's language.
    app.click("#rate-wanted-add-0").await;
    assert_eq!(app.value("#rate-from").await, "USD");
    assert_eq!(app.value("#rate-to").await, "EUR");
    app.fill("#rate-to", "EUX").await;
    app.fill("#rate-value", word("0.9224", "0,9224")).await;
    app.click("#rate-save").await;
    let problem = app.wait_for_text("#err-rate-to", "the bad currency at its field", |t| !t.is_empty()).await;
    assert!(problem.contains("EUX") && problem.contains(word("not a currency code", "geen valutacode")), "{problem}");
    assert!(app.text("#err-rate-value").await.is_empty(), "the rate itself is fine");
    app.screenshot(&shot("rate-refused")).await;
    app.fill("#rate-to", "EUR").await;
    app.click("#rate-save").await;
    app.notice(word("Booked 1 commission line", "Er is 1 commissieregel geboekt")).await;
    app.wait_for_text("#rates-table tbody", "the kept rate", |t| t.contains(word("0.9224", "0,9224")) && t.contains("USD → EUR")).await;
    app.wait_until("nothing waits for a rate any more", "return !document.querySelector('#rate-wanted-0');", vec![]).await;
    app.screenshot(&shot("rate-kept")).await;
    let stored = Workspace::open_for_reading(&file).unwrap();
    let (units, scale): (i64, i64) = stored.conn().query_row("SELECT rate_units, rate_scale FROM exchange_rates WHERE source = 'typed'", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!((units, scale), (9224, 4), "kept exactly as typed");
    drop(stored);

    // A file that is not what the ECB writes is refused, saying where.
    let bad = data.path().join("eurofxref-bad.csv");
    std::fs::write(&bad, format!("Date,USD,JPY,\n{},1.0842,163.45,\n{},een,163.02,\n", day(-1), day(-2))).unwrap();
    app.answer_dialog_with(Some(&bad));
    app.click("#rates-import").await;
    let refused = app.wait_for_text("#rates-import-problem", "the refused file's problem", |t| !t.is_empty()).await;
    assert!(refused.contains("eurofxref-bad.csv") && refused.contains(word("Row 3", "Rij 3")) && refused.contains("“een”"), "{refused}");
    app.screenshot(&shot("import-refused")).await;

    // The ECB's own file: every rate added, the currency Chorus does not know left out.
    let ecb = ecb_csv(data.path(), "eurofxref-hist.csv", "1.0842");
    app.answer_dialog_with(Some(&ecb));
    app.click("#rates-import").await;
    let imported = app.wait_for_text("#rates-imported", "the import's result", |t| t.contains("eurofxref-hist.csv")).await;
    assert!(imported.contains(word("8 added, 0 changed, 0 unchanged", "8 toegevoegd, 0 gewijzigd, 0 ongewijzigd")), "{imported}");
    assert!(imported.contains("CYP"), "{imported}");
    app.wait_for_text("#rates-table tbody", "the ECB's rates", |t| t.contains(word("1.0842", "1,0842")) && t.contains("EUR → JPY")).await;
    app.screenshot(&shot("imported")).await;
    app.answer_dialog_with(None);

    // The order nobody holds, given to Lotte from the roster, with the reason asked for first.
    app.click("#sales-tab-orders").await;
    app.wait_for("#order-row-2").await;
    app.click_until("#order-row-2 td", ".order-detail[data-order-id=\"2\"]").await;
    app.click("#order-attribute-any").await;
    app.fill("#attr-search", "Lotte").await;
    app.wait_for_texts("#attr-results .attr-row .pick-name", "Lotte in the roster", &["Lotte Zee"]).await;
    app.click_until("#attr-results .attr-row", "#attr-results .attr-row.selected").await;
    app.wait_for_text("#attr-chosen", "the chosen creator", |t| t == "Lotte Zee").await;
    app.wait_for_text("#attr-collaboration", "her collaboration", |t| t.contains("Zomer 2026")).await;
    app.click("#attr-save").await;
    app.wait_for_text("#err-attr-reason", "a decision needs its reason", |t| !t.is_empty()).await;
    app.fill("#attr-reason", word("The customer named Lotte in an e-mail", "De klant noemde Lotte in een e-mail")).await;
    app.screenshot(&shot("attribute")).await;
    app.click("#attr-save").await;
    app.notice(word("attributed to Lotte Zee", "toegewezen aan Lotte Zee")).await;
    app.wait_for_text("#order-note", "the reason on the order", |t| t.contains(word("named Lotte", "noemde Lotte"))).await;
    let ledger = plain(&app.wait_for_text("#order-ledger", "her commission line", |t| t.contains("Lotte Zee")).await);
    assert!(ledger.contains(&euros(800, nl)), "10 % of € 80.00: {ledger}");
    app.js("document.querySelector('#order-commission').scrollIntoView(); return true;", vec![]).await;
    app.screenshot(&shot("attributed")).await;
    let stored = Workspace::open_for_reading(&file).unwrap();
    let (state, manual): (String, i64) = stored.conn().query_row("SELECT attribution, attribution_manual FROM orders WHERE number = '#2002'", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!((state.as_str(), manual), ("attributed", 1), "decided by hand, without a code");
    let campaign_id: i64 = stored.conn().query_row("SELECT id FROM campaigns", [], |r| r.get(0)).unwrap();
    let budget = campaign_board(&stored, campaign_id, fields::local_today()).unwrap().budget;
    drop(stored);
    assert!(budget.spent_commissions.minor > 800, "Lotte's and Sanne's commissions: {budget:?}");
    assert_eq!(budget.spent.minor, budget.spent_fees.minor + budget.spent_gifts.minor + budget.spent_commissions.minor);

    // The campaign's spent figure holds the commissions, and its sentence says so.
    app.click("#nav-campaigns").await;
    app.wait_for(".campaign-row").await;
    app.js("document.querySelector('.campaign-row').click(); return true;", vec![]).await;
    app.wait_for_text("#budget-spent .budget-value", "the spent figure", |t| plain(t) == euros(budget.spent.minor, nl)).await;
    app.js("document.querySelector('.budget-formula').open = true; document.querySelector('.budget-formula').scrollIntoView(); return true;", vec![]).await;
    let split = plain(&app.wait_for_text("#budget-split", "how the spent figure is made", |t| !t.is_empty()).await);
    assert!(split.contains(&format!("{} {}", euros(budget.spent_commissions.minor, nl), word("in commissions", "aan commissies"))), "{split}");
    app.screenshot(&shot("campaign-spent")).await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_rates_and_attribution_in_english_light() {
    if !enabled("Sales rates journey (English)") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    journey("en", false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_rates_and_attribution_in_dutch_dark() {
    if !enabled("Sales rates journey (Dutch)") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    journey("nl", true).await;
}
