//! The sales journey of issue 9, end to end through the real window: a brand's workspace with
//! one campaign (made with the core) and one creator already in the roster. In the window: the
//! campaign's Sales tab imports an affiliate list (an affiliate tool's layout: three creators,
//! one already known, with codes and commissions as people write them); the Sales screen
//! imports a Shopify orders export (the real header, line items on their own rows, one order
//! carrying two creators' codes, one without a code), the preview saying what attribution will
//! do; the review-queue order is resolved to one creator (with the window's button when the
//! shell has it, else with the core, said in the log); the commissions' totals on the Sales
//! screen and in the creator panel; the same export imported again: the window says nothing
//! changed and the workspace's order and ledger tables are exactly as before. English light and
//! Dutch dark; screenshots sales-journey-<language>[-dark]-<step>.png, each read by the
//! support's text guard.

mod support;

use chorus_core::app::recent::RecentList;
use chorus_core::campaigns::{campaign, CampaignDraft};
use chorus_core::roster::model::{CreatorDraft, HandleDraft};
use chorus_core::synthetic_sales::SHOPIFY_HEADER;
use chorus_core::workspace::settings::Settings;
use chorus_core::Workspace;
use serde_json::json;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use support::{enabled, App, ONE_AT_A_TIME, day, plain};

/// Studio Zon with the campaign "Zomer 2026" and Sanne Groen in the roster; opened last.
fn prepared(data_dir: &Path) -> PathBuf {
    let path = data_dir.join("Studio Zon.chorus");
    let mut ws = Workspace::create(&path, &Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
    campaign::create(&mut ws, &CampaignDraft { name: "Zomer 2026".into(), goal: "sales".into(), starts_on: day(-60), ..Default::default() }).unwrap();
    let sanne = CreatorDraft {
        display_name: "Sanne Groen".into(),
        handles: vec![HandleDraft { platform: "instagram".into(), handle: "sanne.groen".into(), followers: "12400".into(), ..Default::default() }],
        country: "NL".into(),
        ..Default::default()
    };
    chorus_core::roster::creators::create(&mut ws, &sanne).unwrap();
    drop(ws);
    let mut recent = RecentList::default();
    recent.touch(&path, "Studio Zon", "2026-11-25T08:00:00Z");
    recent.save(data_dir).unwrap();
    path
}

/// An affiliate list as an affiliate app exports it: its own headers, commissions as people
/// write them, the date they joined.
fn affiliate_list(dir: &Path) -> PathBuf {
    let path = dir.join("affiliates-export.csv");
    let joined = day(-30);
    let text = format!(
        "Affiliate Name,Email,Instagram,Coupon Code,Commission Rate,Joined On\n\
         Sanne Groen,sanne@example.nl,@sanne.groen,SANNE10,10%,{joined}\n\
         Emma Eet,emma@example.nl,emma.eet,EMMA12,12 %,{joined}\n\
         Lucas Rio,lucas@example.com,lucas.rio,LUCAS5,5.00 flat,{joined}\n"
    );
    std::fs::write(&path, text).unwrap();
    path
}

/// A Shopify orders export (the real 79 columns): each order's first row carries the order's
/// columns, its further line items a row each with only the name and the item.
fn shopify_export(dir: &Path) -> PathBuf {
    let headers: Vec<&str> = SHOPIFY_HEADER.split(',').collect();
    let row = |cells: &[(&str, String)]| -> String {
        let by: HashMap<&str, &String> = cells.iter().map(|(k, v)| (*k, v)).collect();
        headers
            .iter()
            .map(|h| by.get(h).map(|v| if v.contains(',') { format!("\"{v}\"") } else { v.to_string() }).unwrap_or_default())
            .collect::<Vec<_>>()
            .join(",")
    };
    let order = |name: &str, days: i64, email: &str, codes: &str, subtotal: &str, items: &[(&str, &str, &str, u32)]| -> Vec<String> {
        let (sku, item, price, qty) = items[0];
        let mut out = vec![row(&[
            ("Name", name.into()),
            ("Email", email.into()),
            ("Financial Status", "paid".into()),
            ("Currency", "EUR".into()),
            ("Subtotal", subtotal.into()),
            ("Shipping", "4.95".into()),
            ("Taxes", "0.00".into()),
            ("Total", format!("{:.2}", subtotal.parse::<f64>().unwrap() + 4.95)),
            ("Discount Code", codes.into()),
            ("Discount Amount", if codes.is_empty() { "0.00".into() } else { "5.00".into() }),
            ("Created at", format!("{} 10:15:00 +0100", day(days))),
            ("Lineitem quantity", qty.to_string()),
            ("Lineitem name", item.into()),
            ("Lineitem price", price.into()),
            ("Lineitem sku", sku.into()),
            ("Refunded Amount", "0.00".into()),
        ])];
        for (sku, item, price, qty) in &items[1..] {
            out.push(row(&[("Name", name.into()), ("Created at", format!("{} 10:15:00 +0100", day(days))), ("Lineitem quantity", qty.to_string()), ("Lineitem name", (*item).into()), ("Lineitem price", (*price).into()), ("Lineitem sku", (*sku).into())]));
        }
        out
    };
    let mut lines = vec![SHOPIFY_HEADER.to_string()];
    lines.extend(order("#1001", -10, "a@example.nl", "SANNE10", "100.00", &[("SPF50", "Zon SPF 50", "52.50", 2)]));
    lines.extend(order("#1002", -8, "b@example.nl", "emma12", "50.00", &[("AFTER", "After Sun", "55.00", 1)]));
    lines.extend(order("#1003", -6, "c@example.nl", "LUCAS5", "80.00", &[("SPF30", "Zon SPF 30", "40.00", 1), ("HAT", "Zonnehoed", "45.00", 1)]));
    lines.extend(order("#1004", -4, "d@example.nl", "SANNE10, EMMA12", "60.00", &[("SPF50", "Zon SPF 50", "65.00", 1)]));
    lines.extend(order("#1005", -2, "e@example.nl", "", "30.00", &[("LIP", "Lippenbalsem", "30.00", 1)]));
    let path = dir.join("orders_export_1.csv");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

/// Every row of the workspace's order and ledger tables, as text, to compare before and after.
fn sales_tables(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut out = Vec::new();
    for table in ["orders", "order_lines", "order_codes", "commission_lines", "audit_log"] {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2")).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| Ok((0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect::<Vec<_>>().join("|")))
            .unwrap();
        out.extend(rows.map(|r| format!("{table}: {}", r.unwrap())));
    }
    out
}

async fn journey(language: &str, dark: bool) {
    let data = tempfile::tempdir().unwrap();
    let ws_path = prepared(data.path());
    let list = affiliate_list(data.path());
    let export = shopify_export(data.path());
    let app = App::start_speaking(data.path(), language, dark).await;
    let nl = language == "nl";
    let shot = |step: &str| format!("sales-journey-{language}{}-{step}", if dark { "-dark" } else { "" });
    let word = |en: &'static str, dutch: &'static str| if nl { dutch } else { en };
    let euro = |en: &'static str, dutch: &'static str| if nl { dutch } else { en };

    // 1. The affiliate list into the campaign, from its Sales tab.
    app.wait_for("#nav-campaigns").await;
    app.click("#nav-campaigns").await;
    app.wait_for(".campaign-row").await;
    app.js("document.querySelector('.campaign-row').click(); return true;", vec![]).await;
    app.click("#campaign-tab-sales").await;
    app.wait_for_text("#affiliates-import", "the import button", |t| t == word("Import affiliate list…", "Affiliatelijst importeren…")).await;
    app.answer_dialog_with(Some(&list));
    app.click("#affiliates-import").await;
    app.wait_for("#affiliates-import-preview").await;
    assert_eq!(app.text("#affiliates-import-creators_new").await, "2", "Emma and Lucas are new");
    assert_eq!(app.text("#affiliates-import-creators_matched").await, "1", "Sanne is matched on her Instagram handle");
    assert_eq!(app.text("#affiliates-import-collaborations_new").await, "3");
    let codes = app.text("#affiliates-import-codes").await;
    assert!(codes.contains(word("3 discount codes set", "3 kortingscodes ingesteld")) && codes.contains(word("3 commissions set", "3 commissies ingesteld")), "{codes}");
    let rows = app.text("#affiliates-lines").await;
    assert!(rows.contains("SANNE10") && rows.contains("EMMA12") && rows.contains("LUCAS5") && rows.contains("Lucas Rio"), "{rows}");
    let emma = plain(&app.text("#affiliates-line-3").await);
    assert!(emma.contains(word("12% of the base", "12% van de grondslag")), "the commission in the window's words: {emma}");
    let lucas = plain(&app.text("#affiliates-line-4").await);
    assert!(lucas.contains(euro("€5.00", "€ 5,00")), "{lucas}");
    app.screenshot(&shot("affiliates-preview")).await;
    app.click("#affiliates-import-confirm").await;
    let headline = app.wait_for_text("#affiliates-import-headline", "the list imported", |t| !t.is_empty()).await;
    assert_eq!(headline, word("3 affiliates imported into Zomer 2026", "3 affiliates geïmporteerd in Zomer 2026"));
    app.notice("Zomer 2026").await;
    app.screenshot(&shot("affiliates-result")).await;
    app.click("#affiliates-import-done").await;
    app.wait_for("#campaign-sales-orders").await; // the tab again, drawn anew

    // 2. The Shopify export on the Sales screen: the preview, then the import.
    app.click("#nav-sales").await;
    app.wait_for_text("#orders-import", "the import button", |t| t == word("Import orders…", "Bestellingen importeren…")).await;
    app.answer_dialog_with(Some(&export));
    app.click("#orders-import").await;
    app.wait_for("#orders-import-preview").await;
    assert_eq!(app.text("#orders-import-layout").await, word("A Shopify orders export", "Een export van bestellingen uit Shopify"));
    assert_eq!(app.text("#orders-import-facts").await, word("Encoding UTF-8 · 6 rows · 5 orders", "Codering UTF-8 · 6 rijen · 5 bestellingen"));
    assert_eq!(app.text("#orders-import-new").await, "5");
    assert_eq!(app.text("#orders-import-unchanged").await, "0");
    assert_eq!(app.text("#orders-import-attributed").await, word("3 to a creator", "3 aan een creator"));
    assert!(app.text("#orders-import-review").await.starts_with(word("1 to the review queue", "1 naar de beoordelingslijst")));
    assert_eq!(app.text("#orders-import-reason-no_code").await, word("1: no discount code", "1: geen kortingscode"));
    app.screenshot(&shot("orders-preview")).await;
    app.click("#orders-import-confirm").await;
    let headline = app.wait_for_text("#orders-import-headline", "the orders imported", |t| !t.is_empty()).await;
    assert_eq!(headline, word("5 orders read", "5 bestellingen gelezen"));
    assert_eq!(app.text("#orders-import-booking").await, word("3 commission lines booked.", "3 commissieregels geboekt."));
    app.notice(word("5 new orders", "5 nieuwe bestellingen")).await;
    app.screenshot(&shot("orders-result")).await;
    app.click("#orders-import-done").await;
    app.wait_for_texts("#orders-table tbody .sales-row td:first-child", "the imported orders, newest first", &["#1005", "#1004", "#1003", "#1002", "#1001"]).await;
    assert_eq!(app.text("#orders-review-count").await, "1");

    // 3. The review queue's order, resolved to Sanne.
    app.click("#orders-review-queue").await;
    app.wait_for_texts("#orders-table tbody .sales-row td:first-child", "the review queue", &["#1004"]).await;
    app.click("#orders-table tbody .sales-row td").await;
    let candidates = app.wait_for_text("#order-candidates", "the two creators", |t| t.contains("Emma Eet") && t.contains("Sanne Groen")).await;
    assert!(candidates.contains("SANNE10") && candidates.contains("EMMA12"), "{candidates}");
    app.screenshot(&shot("review-order")).await;
    let button = app
        .js("const b = Array.from(document.querySelectorAll('#order-candidates button[data-changes]')).find(b => b.textContent.includes('Sanne Groen')); if (b) b.id = 'resolve-to-sanne'; return !!b;", vec![])
        .await;
    if button == json!(true) {
        app.click("#resolve-to-sanne").await;
        app.fill("#sales-reason", word("Customer used Sanne's link first", "Klant kwam via Sanne")).await;
        app.click("#sales-reason-ok").await;
    } else {
        // The window's resolve button is not wired on this branch (sales-actions.js,
        // ACTIONS_READY): the decision is made with the core, as the button would make it.
        eprintln!("the review queue's order is resolved with the core: the window has no resolve button on this branch");
        let mut ws = Workspace::open(&ws_path).unwrap();
        let conn = ws.conn();
        let order: i64 = conn.query_row("SELECT id FROM orders WHERE number = '#1004'", [], |r| r.get(0)).unwrap();
        let sanne: i64 = conn
            .query_row("SELECT l.id FROM collaborations l JOIN creators c ON c.id = l.creator_id WHERE c.display_name = 'Sanne Groen'", [], |r| r.get(0))
            .unwrap();
        chorus_core::sales::review::attribute_order(&mut ws, order, Some(sanne), "Klant kwam via Sanne", false).unwrap();
        drop(ws);
    }

    // 4. The commissions: the totals on the Sales screen.
    app.click("#nav-roster").await;
    app.wait_for(".roster-row").await;
    app.click("#nav-sales").await;
    // The queue is empty: its button goes away; every order is listed again.
    app.wait_until("an empty review queue", "const b = document.querySelector('#orders-review-queue'); return !!b && b.hidden;", vec![]).await;
    app.choose("#orders-attribution", "").await;
    app.wait_for_texts("#orders-table tbody .sales-row td:first-child", "every order", &["#1005", "#1004", "#1003", "#1002", "#1001"]).await;
    app.click("#sales-tab-commissions").await;
    // 10% of €100, 12% of €50, €5 flat, and 10% of €60 for the order Sanne was given.
    app.wait_for_text("#lines-total-pending", "the pending total", |t| plain(t) == euro("€27.00", "€ 27,00")).await;
    assert_eq!(app.texts("#lines-table tbody .sales-row").await.len(), 4);
    app.screenshot(&shot("commissions")).await;

    // 5. … and in Sanne's creator panel.
    app.click("#nav-roster").await;
    app.wait_for(".roster-row").await;
    app.js("const r = Array.from(document.querySelectorAll('.roster-row')).find(r => r.textContent.includes('Sanne Groen')); r.click(); return true;", vec![]).await;
    app.wait_for_text("#creator-sales-orders", "Sanne's orders", |t| t == "2").await;
    assert_eq!(plain(&app.text("#creator-sales-revenue").await), euro("€160.00", "€ 160,00"));
    assert_eq!(plain(&app.text("#creator-sales-totals-pending").await), euro("€16.00", "€ 16,00"));
    app.js("document.querySelector('#creator-sales').scrollIntoView(); return true;", vec![]).await;
    app.screenshot(&shot("creator-panel")).await;

    // 6. The same export again: nothing changes, and the window says so.
    let before = sales_tables(&ws_path);
    app.click("#nav-sales").await;
    app.click("#sales-tab-orders").await;
    app.answer_dialog_with(Some(&export));
    app.click("#orders-import").await;
    app.wait_for("#orders-import-preview").await;
    assert_eq!(app.text("#orders-import-new").await, "0");
    assert_eq!(app.text("#orders-import-changed").await, "0");
    assert_eq!(app.text("#orders-import-unchanged").await, "5");
    assert!(app.text("#orders-import-nothing").await.starts_with(word("Nothing would change", "Er zou niets veranderen")));
    app.screenshot(&shot("reimport-preview")).await;
    app.click("#orders-import-confirm").await;
    let headline = app.wait_for_text("#orders-import-headline", "the second import", |t| !t.is_empty()).await;
    assert_eq!(headline, word("Nothing changed: every order in the file was already here as it is.", "Er is niets veranderd: elke bestelling in het bestand stond er al zo in."));
    app.notice(word("Nothing changed", "Er is niets veranderd")).await;
    app.screenshot(&shot("reimport")).await;
    app.click("#orders-import-done").await;
    app.wait_for_texts("#orders-table tbody .sales-row td:first-child", "the same orders", &["#1005", "#1004", "#1003", "#1002", "#1001"]).await;
    let after = sales_tables(&ws_path);
    assert!(before.iter().any(|r| r.starts_with("commission_lines")), "the ledger has lines to compare");
    assert_eq!(before, after, "importing the same export again changed the workspace");
    app.stop().await;
}

/// An orders CSV no shop wrote (Dutch Excel: `;`, decimal commas, day-first dates) is mapped
/// by the person, previewed and imported; a Shopify export with bad cells is refused with every
/// problem at its row and column, and nothing is imported.
async fn mapped_and_refused(language: &str, dark: bool) {
    let data = tempfile::tempdir().unwrap();
    let ws_path = prepared(data.path());
    let sheet = data.path().join("bestellingen.csv");
    std::fs::write(&sheet, "Bestelnummer;Besteldatum;Bedrag excl. btw;Kortingscode\n2001;20-11-2026 10:00;45,00;\n2002;21-11-2026 11:30;30,00;ONBEKEND\n").unwrap();
    let headers: Vec<&str> = SHOPIFY_HEADER.split(',').collect();
    let bad_row = |name: &str, created: &str, subtotal: &str| -> String {
        headers
            .iter()
            .map(|h| match *h {
                "Name" => name.to_string(),
                "Created at" => created.to_string(),
                "Subtotal" | "Total" => subtotal.to_string(),
                "Currency" => "EUR".to_string(),
                "Financial Status" => "paid".to_string(),
                "Lineitem quantity" => "1".to_string(),
                "Lineitem name" => "Zon SPF 50".to_string(),
                "Lineitem price" => "10.00".to_string(),
                _ => String::new(),
            })
            .collect::<Vec<_>>()
            .join(",")
    };
    let refused = data.path().join("orders_export_bad.csv");
    std::fs::write(&refused, [SHOPIFY_HEADER.to_string(), bad_row("#3001", "gisteren", "10.00"), bad_row("#3002", "2026-11-20 10:00:00 +0100", "tien euro")].join("\n") + "\n").unwrap();
    let app = App::start_speaking(data.path(), language, dark).await;
    let nl = language == "nl";
    let shot = |step: &str| format!("sales-journey-{language}{}-{step}", if dark { "-dark" } else { "" });
    let word = |en: &'static str, dutch: &'static str| if nl { dutch } else { en };

    app.wait_for("#nav-sales").await;
    app.click("#nav-sales").await;
    app.answer_dialog_with(Some(&sheet));
    app.click("#orders-import").await;
    app.wait_for("#orders-mapping").await;
    assert_eq!(app.value("#orders-map-0").await, "order_number", "a first guess from the header");
    assert_eq!(app.value("#orders-map-1").await, "created_at");
    assert_eq!(app.text("#orders-import-needed").await, word("Still to choose: “Subtotal (after discounts)”.", "Nog te kiezen: “Subtotaal (na kortingen)”."));
    app.choose("#orders-map-2", "subtotal").await;
    app.choose("#orders-map-3", "codes").await;
    app.wait_for_text("#orders-import-needed", "every needed column chosen", |t| t == word("Every column that is needed is chosen.", "Elke kolom die nodig is, is gekozen.")).await;
    app.screenshot(&shot("mapping")).await;
    app.click("#orders-import-mapped").await;
    app.wait_for("#orders-import-preview").await;
    assert_eq!(app.text("#orders-import-layout").await, word("A list of orders, read with the columns you chose", "Een lijst met bestellingen, gelezen met de kolommen die je koos"));
    assert_eq!(app.text("#orders-import-new").await, "2");
    assert_eq!(app.text("#orders-import-reason-unknown_code").await, word("1: a code no collaboration has", "1: een code die geen samenwerking heeft"));
    app.click("#orders-import-confirm").await;
    app.wait_for_text("#orders-import-headline", "the mapped orders imported", |t| t == word("2 orders read", "2 bestellingen gelezen")).await;
    app.click("#orders-import-done").await;
    app.wait_for_texts("#orders-table tbody .sales-row td:first-child", "the mapped orders", &["2002", "2001"]).await;

    let before = sales_tables(&ws_path);
    app.answer_dialog_with(Some(&refused));
    app.click("#orders-import").await;
    app.wait_for("#orders-import-rejected").await;
    let problems = app.text("#import-errors").await;
    assert!(problems.contains("Created at") && problems.contains("Subtotal"), "{problems}");
    assert!(problems.contains(word("Row 2", "Rij 2")) && problems.contains(word("Row 3", "Rij 3")), "{problems}");
    assert!(problems.contains(word("“tien euro” is not an amount.", "“tien euro” is geen bedrag.")), "{problems}");
    if nl {
        assert!(!problems.contains("This order") && !problems.contains("is not an"), "English in a Dutch window: {problems}");
    }
    app.screenshot(&shot("refused")).await;
    app.js("document.querySelector('#orders-import-dialog .dialog-close').click(); return true;", vec![]).await;
    assert_eq!(before, sales_tables(&ws_path), "a refused file imports nothing");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn orders_mapped_and_refused_in_english_light() {
    if !enabled("Orders from any CSV, and a refused export (English)") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    mapped_and_refused("en", false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn orders_mapped_and_refused_in_dutch_dark() {
    if !enabled("Orders from any CSV, and a refused export (Dutch)") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    mapped_and_refused("nl", true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sales_journey_in_english_light() {
    if !enabled("Sales journey from files (English)") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    journey("en", false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sales_journey_in_dutch_dark() {
    if !enabled("Sales journey from files (Dutch)") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    journey("nl", true).await;
}
