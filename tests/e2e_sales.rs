//! The Sales journey through the real window. A workspace is prepared with the core (two
//! creators in a campaign with a landing page, their collaborations with discount codes) and,
//! with plain SQL as the order import and the ledger will write them, orders (attributed, one
//! unattributed for an expired code, one in the review queue carrying both creators' codes),
//! their lines and codes, and commission lines (one approved, one pending, one rejected).
//! The journey opens Sales, filters the unattributed orders (the reason in words), opens the
//! review-queue order (its codes and the two collaborations it could belong to), opens an
//! attributed order (how its commission was made), sees the commission totals by status, the
//! creator panel's sales, the campaign's Sales tab and the collaboration's link, QR code and
//! code. In English (light) and Dutch (dark); screenshots sales-<language>[-dark]-<step>.png,
//! each read by the support's text guard (no `null`, no raw key).

mod support;

use chorus_core::campaigns::{campaign, collaboration};
use chorus_core::campaigns::{CampaignDraft, CollaborationDraft};
use chorus_core::app::recent::RecentList;
use chorus_core::workspace::settings::Settings;
use chorus_core::Workspace;
use rusqlite::params;
use std::path::{Path, PathBuf};
use support::{enabled, App, ONE_AT_A_TIME, day, plain, instagram_creator as creator};

/// Studio Zon with Sanne and Emma in "Zomer 2026", their orders and commission lines.
fn prepared(data_dir: &Path) -> PathBuf {
    let path = data_dir.join("Studio Zon.chorus");
    let mut ws = Workspace::create(&path, &Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
    let c = campaign::create(&mut ws, &CampaignDraft { name: "Zomer 2026".into(), goal: "sales".into(), starts_on: day(-60), ..Default::default() }).unwrap();
    let sanne = creator(&mut ws, "Sanne Groen", "sanne.groen");
    let emma = creator(&mut ws, "Emma Eet", "emma.eet");
    let mut collab = |creator_id: i64| collaboration::create(&mut ws, &CollaborationDraft { campaign_id: c.id, creator_id, kind: "affiliate".into(), ..Default::default() }).unwrap().id;
    let (sanne_l, emma_l) = (collab(sanne), collab(emma));
    let conn = ws.conn();
    let now = "2026-01-01T00:00:00Z";
    conn.execute("UPDATE campaigns SET landing_url = 'https://studiozon.nl/zomer' WHERE id = ?1", [c.id]).unwrap();
    for (id, code) in [(sanne_l, "SANNEGROEN10"), (emma_l, "EMMA10")] {
        conn.execute("UPDATE collaborations SET discount_code = ?1, discount_code_key = ?1, customer_discount_bp = 1000 WHERE id = ?2", params![code, id]).unwrap();
    }
    let order = |n: i64, days: i64, subtotal: i64, state: &str, to: Option<i64>, reason: &str| {
        let d = day(days);
        conn.execute(
            "INSERT INTO orders (source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, discount_minor, shipping_minor, tax_minor, total_minor,
                                 financial_status, attribution, collaboration_id, attribution_reason, imported_at, updated_at)
             VALUES ('shopify', '#' || ?1, ?2 || ' 14:05:00 +0200', ?2 || 'T12:05:00Z', ?2, 'EUR', ?3, 500, 495, ?3 * 21 / 121, ?3 + 495, 'paid', ?4, ?5, ?6, ?7, ?7)",
            params![n, d, subtotal, state, to, reason, now],
        )
        .unwrap();
        let id = conn.last_insert_rowid();
        conn.execute("INSERT INTO order_lines (order_id, position, sku, name, quantity, unit_price_minor, total_minor) VALUES (?1, 0, 'SPF50', 'Zon SPF 50', 2, ?2 / 2, ?2)", params![id, subtotal]).unwrap();
        id
    };
    let line = |order_id: i64, collaboration_id: i64, creator_id: i64, amount: i64, base: i64, hold: i64| {
        let params_json = format!(r#"{{"amount":"EUR {}.{:02}","base":"EUR {}.{:02}","rate":"10%","rule":"percent:1000","level":"collaboration"}}"#, amount / 100, amount % 100, base / 100, base % 100);
        conn.execute(
            "INSERT INTO commission_lines (order_id, collaboration_id, creator_id, kind, reason, amount_minor, currency, base_minor, rule, rule_level, explanation, explanation_code,
                                           explanation_params, hold_until, created_at)
             VALUES (?1, ?2, ?3, 'commission', 'order', ?4, 'EUR', ?5, 'percent:1000', 'collaboration', 'commission', 'percent', ?6, ?7, ?8)",
            params![order_id, collaboration_id, creator_id, amount, base, params_json, day(hold), now],
        )
        .unwrap();
        conn.last_insert_rowid()
    };
    let o1 = order(1001, -40, 12100, "attributed", Some(sanne_l), "code");
    let o2 = order(1002, -5, 6050, "attributed", Some(sanne_l), "code");
    let o3 = order(1003, -4, 4840, "attributed", Some(emma_l), "code");
    order(1004, -3, 9680, "unattributed", None, "expired");
    let review = order(1005, -2, 7260, "review", None, "two_creators");
    for (id, code) in [(o1, "sannegroen10"), (o2, "SANNEGROEN10"), (o3, "EMMA10"), (review, "SANNEGROEN10"), (review, "emma10")] {
        conn.execute("INSERT INTO order_codes (order_id, position, code, code_key) VALUES (?1, (SELECT count(*) FROM order_codes WHERE order_id = ?1), ?2, upper(?2))", params![id, code]).unwrap();
    }
    line(o1, sanne_l, sanne, 1000, 10000, -10);
    line(o2, sanne_l, sanne, 500, 5000, 25);
    let rejected = line(o3, emma_l, emma, 400, 4000, 26);
    // Rejected as a person rejects it: the decision, and its line marked.
    conn.execute("INSERT INTO commission_rejections (order_id, collaboration_id, reason, rejected_at) VALUES (?1, ?2, 'Eigen personeel', ?3)", params![o3, emma_l, now]).unwrap();
    conn.execute("UPDATE commission_lines SET rejected_at = ?1, rejected_reason = 'Eigen personeel' WHERE id = ?2", params![now, rejected]).unwrap();
    drop(ws);
    let mut recent = RecentList::default();
    recent.touch(&path, "Studio Zon", "2026-11-25T08:00:00Z");
    recent.save(data_dir).unwrap();
    path
}

/// The journey in one language and theme; `shot` names its screenshots.
async fn journey(language: &str, dark: bool) {
    let data = tempfile::tempdir().unwrap();
    prepared(data.path());
    let app = App::start_speaking(data.path(), language, dark).await;
    let nl = language == "nl";
    let shot = |step: &str| format!("sales-{language}{}-{step}", if dark { "-dark" } else { "" });
    let word = |en: &'static str, dutch: &'static str| if nl { dutch } else { en };

    app.wait_for("#nav-sales").await;
    app.click("#nav-sales").await;
    app.wait_for_text("#sales-title", "the Sales screen", |t| t == word("Sales", "Verkoop")).await;
    app.wait_for_texts("#orders-table tbody .sales-row td:first-child", "the orders, newest first", &["#1005", "#1004", "#1003", "#1002", "#1001"]).await;
    assert_eq!(app.text("#orders-review-count").await, "1");
    assert!(plain(&app.text("#orders-table").await).contains(if nl { "€ 121,00" } else { "€121.00" }), "money in the window's language");
    app.screenshot(&shot("orders")).await;

    // The unattributed orders, with the reason in words.
    app.choose("#orders-attribution", "unattributed").await;
    app.wait_for_texts("#orders-table tbody .sales-row td:first-child", "the unattributed order", &["#1004"]).await;
    let reason = app.text("#order-row-4").await;
    assert!(reason.contains(word("the code’s collaboration had ended", "de samenwerking van de code was afgelopen")), "{reason}");

    // The review queue: its codes and the two collaborations it could go to.
    app.click("#orders-review-queue").await;
    app.wait_for_texts("#orders-table tbody .sales-row td:first-child", "the review queue", &["#1005"]).await;
    app.click_until("#order-row-5 td", ".order-detail[data-order-id=\"5\"]").await;
    let candidates = app.wait_for_text("#order-candidates", "the candidates", |t| t.contains("Emma Eet")).await;
    assert!(candidates.contains("Sanne Groen") && candidates.contains("SANNEGROEN10") && candidates.contains("EMMA10"), "{candidates}");
    assert!(app.text("#order-attribution-why").await.contains(word("codes of two creators", "codes van twee creators")));
    app.screenshot(&shot("review-order")).await;

    // A person decides, with the reason: the order leaves the review queue, decided by hand.
    app.click("#order-candidates li:first-child button.btn").await;
    app.click("#sales-reason-ok").await;
    app.wait_for_text("#sales-reason-error", "a decision needs its reason", |t| !t.is_empty()).await;
    app.fill("#sales-reason", word("The customer named her at checkout", "De klant noemde haar bij het afrekenen")).await;
    app.screenshot(&shot("review-reason")).await;
    app.click("#sales-reason-ok").await;
    app.wait_until("the review queue emptied (its button hidden)", "return document.querySelector('#orders-review-queue').hidden;", vec![]).await;
    app.wait_for_text("#order-note", "the person's reason on the order", |t| t.contains(word("named her at checkout", "noemde haar bij het afrekenen"))).await;
    app.check_text("the decided order").await;
    app.screenshot(&shot("review-decided")).await;
    let stored = Workspace::open_for_reading(data.path().join("Studio Zon.chorus")).unwrap();
    let (state, manual, audited): (String, i64, i64) = stored
        .conn()
        .query_row(
            "SELECT attribution, attribution_manual, (SELECT count(*) FROM audit_log WHERE entity = 'order' AND action = 'attribute') FROM orders WHERE number = '#1005'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((state.as_str(), manual, audited), ("attributed", 1, 1), "decided by hand, in the audit log");
    drop(stored);

    // An attributed order: how its commission was made.
    app.choose("#orders-attribution", "").await;
    app.wait_for("#order-row-1").await;
    app.click_until("#order-row-1 td", ".order-detail[data-order-id=\"1\"]").await;
    let ledger = plain(&app.wait_for_text("#order-ledger", "the order's commission line", |t| !t.is_empty()).await);
    let euro = |en: &'static str, dutch: &'static str| if nl { dutch } else { en };
    assert!(ledger.contains(&format!("10% {} {} = {}", word("of", "van"), euro("€100.00", "€ 100,00"), euro("€10.00", "€ 10,00"))), "{ledger}");
    assert!(ledger.contains(word("the collaboration’s rule", "regel van de samenwerking")) && ledger.contains(word("Approved", "Goedgekeurd")), "{ledger}");
    app.js("document.querySelector('#order-commission').scrollIntoView(); return true;", vec![]).await;
    app.screenshot(&shot("order-detail")).await;

    // The commissions with their totals by status.
    app.click("#sales-tab-commissions").await;
    app.wait_for_text("#lines-total-pending", "the pending total", |t| plain(t) == euro("€5.00", "€ 5,00")).await;
    assert_eq!(plain(&app.text("#lines-total-approved").await), euro("€10.00", "€ 10,00"));
    assert_eq!(plain(&app.text("#lines-total-rejected").await), euro("€4.00", "€ 4,00"));
    assert_eq!(app.texts("#lines-table tbody .sales-row").await.len(), 3);
    app.screenshot(&shot("commissions")).await;
    app.click("#sales-tab-rates").await;
    app.wait_for("#rates-none").await;

    // The creator panel's sales.
    app.click("#nav-roster").await;
    app.wait_for(".roster-row").await;
    app.js("const r = Array.from(document.querySelectorAll('.roster-row')).find(r => r.textContent.includes('Sanne Groen')); r.click(); return true;", vec![]).await;
    app.wait_for_text("#creator-sales-orders", "Sanne's orders", |t| t == "2").await;
    assert_eq!(plain(&app.text("#creator-sales-revenue").await), euro("€181.50", "€ 181,50"));
    assert_eq!(plain(&app.text("#creator-sales-totals-approved").await), euro("€10.00", "€ 10,00"));
    app.js("document.querySelector('#creator-sales').scrollIntoView(); return true;", vec![]).await;
    app.screenshot(&shot("creator-panel")).await;

    // The campaign's Sales tab and the collaboration's link, QR code and code.
    app.click("#nav-campaigns").await;
    app.wait_for(".campaign-row").await;
    app.js("document.querySelector('.campaign-row').click(); return true;", vec![]).await;
    app.wait_for("#campaign-tab-sales").await;
    app.click("#campaign-tab-sales").await;
    app.wait_for_text("#campaign-sales-orders", "the campaign's orders, the decided one too", |t| t == "4").await;
    app.screenshot(&shot("campaign")).await;
    app.click_until("#campaign-sales-table .sales-row td", "#collab-tab-sales").await;
    app.click("#collab-tab-sales").await;
    let link = app.wait_for_text("#collab-link", "the tracking link", |t| t.starts_with("https://")).await;
    assert!(link.contains("utm_medium=influencer") && link.contains("utm_campaign=zomer-2026"), "{link}");
    app.wait_for("#collab-qr").await;
    app.screenshot(&shot("collaboration-link")).await;

    // The code and the commission, changed in the panel: a code another creator holds is
    // refused at its field, naming why; a commission as people write it is kept and shown.
    let code_now = app.text("#collab-code").await;
    let other = if code_now == "EMMA10" { "SANNEGROEN10" } else { "EMMA10" };
    app.fill("#collab-code-input", &other.to_lowercase()).await;
    app.click("#collab-code-save").await;
    app.wait_for_text("#err-collab-code", "the code another creator holds", |t| !t.is_empty()).await;
    app.fill("#collab-code-input", "ZOMER-VIP").await;
    app.fill("#collab-discount-input", word("15", "15")).await;
    app.click("#collab-code-save").await;
    app.wait_for_text("#collab-code", "the new code", |t| t == "ZOMER-VIP").await;
    app.fill("#collab-rule-input", word("12.5%", "12,5 %")).await;
    app.click("#collab-rule-save").await;
    app.wait_for_text("#collab-rule-now", "the commission in words", |t| t.contains(word("12.5%", "12,5%"))).await;
    app.js("document.querySelector('#collab-rule-title').scrollIntoView({ block: 'center' }); return true;", vec![]).await;
    app.check_text("the code and the commission").await;
    app.screenshot(&shot("collaboration-code")).await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_sales_in_english_light() {
    if !enabled("Sales journey (English)") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    journey("en", false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_sales_in_dutch_dark() {
    if !enabled("Sales journey (Dutch)") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    journey("nl", true).await;
}
