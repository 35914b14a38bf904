//! The order import on a workspace: identity, moving only forward, all or nothing, the
//! preview, the review queue and a person's decisions, and the golden files of every format.

use super::*;
use crate::error::Error;
use crate::sales::review::{attribute_order, find_order, review_candidates};
use crate::sales::test_world::{shopify_csv, ShopOrder, World};
use proptest::prelude::*;

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn import(w: &mut World, path: &Path) -> OrderImportReport {
    import_orders(&mut w.ws, path, &OrderImportOptions::default()).unwrap_or_else(|e| panic!("{e}: {:?}", e.to_payload()))
}

/// Three orders nobody's code holds (so the ledger has nothing to book), one in review.
fn world_and_orders() -> (World, Vec<ShopOrder>) {
    let w = World::new();
    let campaign = w.campaign("Zomer", "zomer25", Some("2025-05-01"), Some("2025-06-30"));
    w.collaboration(campaign, w.creator("Sanne", "sanne"), "SANNE10", None, None);
    w.collaboration(campaign, w.creator("Lotte", "lotte"), "LOTTE15", None, None);
    let orders = vec![ShopOrder::new("#1001", "2025-05-11", ""), ShopOrder::new("#1002", "2025-05-12", "WELCOME5"), ShopOrder::new("#1003", "2025-05-13", "sanne10, LOTTE15")];
    (w, orders)
}

fn order_row(w: &World, number: &str) -> (i64, Option<String>, String, String, String) {
    w.ws.conn()
        .query_row("SELECT refunded_minor, cancelled_at, financial_status, attribution, attribution_reason FROM orders WHERE number = ?1", [number], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
}

#[test]
fn an_export_is_stored_with_lines_codes_and_the_rules_attribution() {
    let (mut w, orders) = world_and_orders();
    let dir = tempfile::tempdir().unwrap();
    let report = import(&mut w, &write(&dir, "orders_export.csv", &shopify_csv(&orders)));
    assert_eq!((report.counts.rows, report.counts.orders, report.counts.new), (6, 3, 3));
    assert_eq!(report.counts.attribution.review, 1);
    assert_eq!(report.counts.attribution.unattributed, BTreeMap::from([("no_code", 1), ("unknown_code", 1)]));
    assert_eq!(report.booking, Booking::default(), "nothing attributed: nothing booked");
    assert_eq!(order_row(&w, "#1003"), (0, None, "paid".into(), "review".into(), "two_creators".into()));
    assert_eq!(w.one::<i64>("SELECT count(*) FROM order_lines"), 6);
    assert_eq!(w.one::<String>("SELECT group_concat(code || '=' || code_key, ' ') FROM order_codes WHERE order_id = 3"), "sanne10=SANNE10 LOTTE15=LOTTE15");
    let placed: (String, String, String) = w.ws.conn().query_row("SELECT placed_at, placed_at_utc, placed_on FROM orders WHERE number = '#1001'", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap();
    assert_eq!(placed, ("2025-05-11T12:00:00+02:00".into(), "2025-05-11T10:00:00Z".into(), "2025-05-11".into()));
}

#[test]
fn no_customer_email_is_kept_only_its_salted_hash() {
    let (mut w, orders) = world_and_orders();
    let dir = tempfile::tempdir().unwrap();
    import(&mut w, &write(&dir, "orders.csv", &shopify_csv(&orders)));
    let everything = format!("{:?}", w.order_tables());
    assert!(!everything.contains("example.com"), "an email is stored");
    let salt = crate::workspace::settings::load_sales_rules(w.ws.conn()).unwrap().customer_salt;
    assert_eq!(w.one::<String>("SELECT customer_hash FROM orders WHERE number = '#1001'"), crate::sales::orders::customer_hash(&salt, "1001@example.com"));
}

#[test]
fn importing_the_same_export_twice_changes_nothing_not_even_a_time() {
    let (mut w, orders) = world_and_orders();
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "orders.csv", &shopify_csv(&orders));
    import(&mut w, &path);
    let before = w.order_tables();
    std::thread::sleep(std::time::Duration::from_millis(1100)); // a second later: a written time would differ
    let again = import(&mut w, &path);
    assert_eq!((again.counts.new, again.counts.changed, again.counts.unchanged, again.counts.older), (0, 0, 3, 0));
    assert_eq!(w.order_tables(), before);
}

#[test]
fn a_later_export_moves_refunds_up_sets_a_cancellation_and_the_status_forward() {
    let (mut w, mut orders) = world_and_orders();
    let dir = tempfile::tempdir().unwrap();
    import(&mut w, &write(&dir, "may.csv", &shopify_csv(&orders)));
    orders[0].refunded = "10.00".into();
    orders[0].status = "partially_refunded".into();
    orders[1].cancelled = "2025-05-14 09:00:00 +0200".into();
    orders[1].status = "voided".into();
    let preview = preview_orders(w.ws.conn(), &write(&dir, "june.csv", &shopify_csv(&orders)), &OrderImportOptions::default()).unwrap();
    assert_eq!((preview.changed, preview.unchanged), (2, 1));
    assert_eq!(preview.moves, MoveCounts { refunds: 1, cancellations: 1, statuses: 2 });
    assert_eq!(order_row(&w, "#1001").0, 0, "the preview wrote nothing");
    let report = import(&mut w, &write(&dir, "june.csv", &shopify_csv(&orders)));
    assert_eq!(report.counts.changed, 2);
    assert_eq!(order_row(&w, "#1001"), (1000, None, "partially_refunded".into(), "unattributed".into(), "no_code".into()));
    assert_eq!(order_row(&w, "#1002"), (0, Some("2025-05-14T09:00:00+02:00".into()), "voided".into(), "unattributed".into(), "unknown_code".into()));
}

#[test]
fn an_older_export_imported_later_never_undoes_and_says_which_orders_it_is_behind_on() {
    let (mut w, mut orders) = world_and_orders();
    let dir = tempfile::tempdir().unwrap();
    let old = write(&dir, "old.csv", &shopify_csv(&orders));
    orders[0].refunded = "50.00".into();
    orders[0].status = "refunded".into();
    import(&mut w, &write(&dir, "new.csv", &shopify_csv(&orders)));
    let before = w.order_tables();
    let report = import(&mut w, &old);
    assert_eq!((report.counts.older, report.counts.unchanged, report.counts.changed), (1, 2, 0));
    assert_eq!(report.counts.older_examples, vec!["#1001".to_string()]);
    assert_eq!(w.order_tables(), before);
}

#[test]
fn an_order_missing_from_a_later_export_is_left_as_it_was_and_a_new_one_is_added() {
    let (mut w, orders) = world_and_orders();
    let dir = tempfile::tempdir().unwrap();
    import(&mut w, &write(&dir, "all.csv", &shopify_csv(&orders)));
    let first = order_row(&w, "#1001");
    let later = vec![orders[1].clone(), ShopOrder::new("#1004", "2025-05-20", "")];
    let report = import(&mut w, &write(&dir, "later.csv", &shopify_csv(&later)));
    assert_eq!((report.counts.new, report.counts.unchanged), (1, 1));
    assert_eq!(order_row(&w, "#1001"), first);
    assert_eq!(w.one::<i64>("SELECT count(*) FROM orders"), 4);
}

#[test]
fn an_export_whose_rows_of_one_order_are_apart_imports_as_a_whole_file() {
    let (mut w, orders) = world_and_orders();
    let dir = tempfile::tempdir().unwrap();
    let csv = shopify_csv(&orders);
    let mut lines: Vec<&str> = csv.lines().collect();
    lines.swap(2, 3); // #1001's second row after #1002's first
    let report = import(&mut w, &write(&dir, "sorted_by_product.csv", &(lines.join("\n") + "\n")));
    assert_eq!((report.counts.orders, report.counts.new, report.counts.rows), (3, 3, 6));
    assert_eq!(w.one::<i64>("SELECT count(*) FROM orders"), 3, "nothing twice from the streamed attempt");
    assert_eq!(w.one::<i64>("SELECT count(*) FROM order_lines WHERE order_id = (SELECT id FROM orders WHERE number = '#1001')"), 2);
    let (mut whole, _) = world_and_orders();
    whole.sql(&format!("UPDATE workspace_settings SET customer_salt = '{}'", crate::workspace::settings::load_sales_rules(w.ws.conn()).unwrap().customer_salt));
    import(&mut whole, &write(&dir, "together.csv", &csv));
    assert_eq!(orders_without_times(&w), orders_without_times(&whole));
}

#[test]
fn a_file_with_a_problem_imports_nothing_and_names_the_row_and_column() {
    let (mut w, mut orders) = world_and_orders();
    orders[2].subtotal = "fifty".into();
    let dir = tempfile::tempdir().unwrap();
    let Err(Error::ImportRejected { problems, .. }) = import_orders(&mut w.ws, &write(&dir, "bad.csv", &shopify_csv(&orders)), &OrderImportOptions::default()) else {
        panic!("a bad amount is refused")
    };
    assert_eq!((problems[0].row, problems[0].column.as_str()), (6, "Subtotal"));
    assert_eq!(w.one::<i64>("SELECT count(*) FROM orders"), 0);
}

#[test]
fn the_review_queue_lists_both_creators_and_a_persons_decision_sticks_through_imports() {
    let (mut w, mut orders) = world_and_orders();
    let dir = tempfile::tempdir().unwrap();
    import(&mut w, &write(&dir, "orders.csv", &shopify_csv(&orders)));
    let order = find_order(w.ws.conn(), "1003", None).unwrap();
    let names: Vec<String> = review_candidates(w.ws.conn(), order).unwrap().into_iter().map(|c| format!("{} @{} {}", c.creator_name, c.handle, c.code)).collect();
    assert_eq!(names, ["Sanne @sanne sanne10", "Lotte @lotte LOTTE15"]);

    let Err(Error::Validation(e)) = attribute_order(&mut w.ws, order, None, "  ", false) else { panic!("a reason is needed") };
    assert_eq!(e[0].code, "reason_required");
    let decided = attribute_order(&mut w.ws, order, None, "Staff order: both codes typed by a colleague", false).unwrap();
    assert!(decided.changed);
    assert_eq!(order_row(&w, "#1003").3, "unattributed");
    assert_eq!(w.one::<String>("SELECT attribution_note FROM orders WHERE id = 3"), "Staff order: both codes typed by a colleague");
    assert_eq!(w.one::<String>("SELECT entity || ' ' || entity_id || ' ' || action || ': ' || detail FROM audit_log WHERE entity = 'order'"), "order 3 unattribute: #1003 to nobody: Staff order: both codes typed by a colleague");

    orders[2].refunded = "5.00".into();
    import(&mut w, &write(&dir, "later.csv", &shopify_csv(&orders)));
    let sanne: i64 = w.one("SELECT id FROM collaborations WHERE discount_code = 'SANNE10'");
    crate::sales::attribution::reattribute_collaboration(w.ws.conn(), sanne, "t").unwrap();
    assert_eq!(order_row(&w, "#1003"), (500, None, "paid".into(), "unattributed".into(), "manual".into()), "the refund moved, the decision stayed");
}

#[test]
fn a_collaboration_without_the_orders_code_is_refused_unless_the_person_says_so() {
    let (mut w, orders) = world_and_orders();
    let dir = tempfile::tempdir().unwrap();
    import(&mut w, &write(&dir, "orders.csv", &shopify_csv(&orders)));
    let sanne: i64 = w.one("SELECT id FROM collaborations WHERE discount_code = 'SANNE10'");
    let order = find_order(w.ws.conn(), "#1001", None).unwrap();
    let Err(Error::Validation(e)) = attribute_order(&mut w.ws, order, Some(sanne), "Her follower", false) else { panic!("no code of hers") };
    assert_eq!(e[0].code, "collaboration_holds_no_code");
    assert_eq!(w.one::<i64>("SELECT count(*) FROM audit_log WHERE entity = 'order'"), 0);
}

#[test]
fn a_manual_attribution_is_stored_audited_and_booked() {
    let (w, orders) = world_and_orders();
    let mut w = w.with_default_rule();
    let dir = tempfile::tempdir().unwrap();
    import(&mut w, &write(&dir, "orders.csv", &shopify_csv(&orders)));
    let sanne: i64 = w.one("SELECT id FROM collaborations WHERE discount_code = 'SANNE10'");
    let order = find_order(w.ws.conn(), "#1003", None).unwrap();
    attribute_order(&mut w.ws, order, Some(sanne), "Lotte's code was a mistake", false).unwrap();
    assert_eq!(order_row(&w, "#1003").3, "attributed");
    assert!(w.one::<i64>(&format!("SELECT count(*) FROM commission_lines WHERE order_id = {order}")) > 0);
}

#[test]
fn attributed_orders_are_booked_and_a_second_import_books_nothing() {
    let w0 = World::new().with_default_rule();
    let campaign = w0.campaign("Zomer", "zomer25", None, None);
    w0.collaboration(campaign, w0.creator("Sanne", "sanne"), "SANNE10", None, None);
    let mut w = w0;
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "orders.csv", &shopify_csv(&[ShopOrder::new("#1", "2025-05-11", "SANNE10")]));
    assert!(import(&mut w, &path).booking.lines_added > 0);
    let before = w.order_tables();
    assert_eq!(import(&mut w, &path).booking, Booking::default());
    assert_eq!(w.order_tables(), before);
}

#[test]
fn an_order_number_two_shops_share_needs_its_source() {
    let w = World::new();
    w.sql(
        "INSERT INTO orders (source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, financial_status, imported_at, updated_at) VALUES
         ('shopify', '#1001', 'x', 'x', 'x', 'EUR', 0, 'paid', 't', 't'), ('woocommerce', '1001', 'x', 'x', 'x', 'EUR', 0, 'paid', 't', 't')",
    );
    let Err(Error::Validation(e)) = find_order(w.ws.conn(), "1001", None) else { panic!("two shops") };
    assert_eq!(e[0].code, "order_in_two_sources");
    assert!(e[0].message.contains("#1001 from shopify") && e[0].message.contains("1001 from woocommerce"), "{}", e[0].message);
    assert_eq!(find_order(w.ws.conn(), "1001", Some(Source::Woocommerce)).unwrap(), 2);
    assert_eq!(find_order(w.ws.conn(), "#1001", Some(Source::Shopify)).unwrap(), 1);
    let Err(Error::Validation(e)) = find_order(w.ws.conn(), "#9", None) else { panic!("no such order") };
    assert_eq!(e[0].code, "order_not_found");
}

/// Each fixture of the readers imported into a workspace: what is stored, compared with its
/// golden file (`*.stored.golden.txt`, NULL columns left out; `CHORUS_UPDATE_GOLDEN=1`
/// rewrites them), then imported again: nothing changes.
#[test]
fn every_fixture_format_imports_into_a_workspace_as_its_golden_file_says() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/orders");
    let cases: [(&str, Option<OrderMapping>); 5] = [
        ("shopify_orders_export.csv", None),
        ("woocommerce_skyverge.csv", None),
        ("woocommerce_advanced_order_export.csv", None),
        ("woocommerce_analytics.csv", None),
        (
            "mapped_dutch_excel.csv",
            Some(OrderMapping::from_pairs([
                "Bestelnummer=order_number", "Datum=created_at", "Valuta=currency", "Subtotaal=subtotal", "Terugbetaald=refunded", "Status=status",
                "Kortingscodes=codes", "Landingspagina=landing_url", "E-mail klant=email", "Product=line_name", "Aantal=line_quantity",
            ])),
        ),
    ];
    for (name, mapping) in cases {
        let mut w = World::new();
        w.sql("UPDATE workspace_settings SET customer_salt = 'fixture-salt', shop_utc_offset_minutes = 120");
        let options = OrderImportOptions { source: None, mapping };
        let path = fixtures.join(name);
        let report = import_orders(&mut w.ws, &path, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(report.counts.new > 0, "{name}");
        let stored = stored_rows(&w);
        let golden = fixtures.join(name.replace(".csv", ".stored.golden.txt"));
        if std::env::var_os("CHORUS_UPDATE_GOLDEN").is_some() {
            std::fs::write(&golden, &stored).unwrap();
        }
        let expected = std::fs::read_to_string(&golden).unwrap_or_else(|_| panic!("{} is missing: run with CHORUS_UPDATE_GOLDEN=1 and read it", golden.display()));
        assert!(stored == expected, "{name} is no longer stored as {}:\n{stored}", golden.display());
        let before = w.order_tables();
        let again = import_orders(&mut w.ws, &path, &options).unwrap();
        assert_eq!((again.counts.new, again.counts.changed, again.counts.unchanged), (0, 0, report.counts.new), "{name}");
        assert_eq!(w.order_tables(), before, "{name}");
    }
}

/// What an import stored, one line a row, in named columns (the import's own times left out).
fn stored_rows(w: &World) -> String {
    let mut out = String::new();
    for (table, sql) in [
        (
            "orders",
            "SELECT id, source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, discount_minor, shipping_minor, tax_minor,
                    total_minor, refunded_minor, cancelled_at, financial_status, customer_hash, prices_include_tax, utm_source, utm_medium,
                    utm_campaign, utm_content, landing_url, attribution, collaboration_id, attribution_reason, attribution_manual, attribution_note
             FROM orders ORDER BY id",
        ),
        ("order_lines", "SELECT order_id, position, sku, name, quantity, unit_price_minor, total_minor, discount_minor FROM order_lines ORDER BY order_id, position"),
        ("order_codes", "SELECT order_id, position, code, code_key FROM order_codes ORDER BY order_id, position"),
    ] {
        let mut stmt = w.ws.conn().prepare(sql).unwrap();
        let names: Vec<String> = stmt.column_names().into_iter().map(str::to_string).collect();
        let mut rows = stmt.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            let cells: Vec<String> = (0..names.len())
                .filter_map(|i| match r.get::<_, rusqlite::types::Value>(i).unwrap() {
                    rusqlite::types::Value::Null => None,
                    rusqlite::types::Value::Integer(n) => Some(format!("{}={n}", names[i])),
                    rusqlite::types::Value::Text(t) => Some(format!("{}={t:?}", names[i])),
                    other => Some(format!("{}={other:?}", names[i])),
                })
                .collect();
            out.push_str(&format!("{table}: {}\n", cells.join(" ")));
        }
    }
    out
}

/// The orders table without the import's own times.
fn orders_without_times(w: &World) -> Vec<Vec<String>> {
    w.order_tables().into_iter().filter(|r| r[0].contains("FROM orders")).map(|mut r| {
        r.truncate(r.len() - 2); // imported_at, updated_at
        r
    }).collect()
}

/// An order's story: paid, then refunds growing, then maybe cancelled.
fn story() -> impl Strategy<Value = Vec<(i64, bool, &'static str)>> {
    (0..4usize, any::<bool>()).prop_map(|(steps, cancel)| {
        let mut s = vec![(0, false, "paid")];
        for i in 1..=steps {
            s.push((i as i64 * 500, false, if i == 2 { "refunded" } else { "partially_refunded" }));
        }
        if cancel {
            s.push((s.last().unwrap().0, true, "voided"));
        }
        s
    })
}

/// The exports of orders whose stories are `stories`: export k holds each order at step k (or
/// its last step).
fn exports(stories: &[Vec<(i64, bool, &'static str)>], codes: &[&'static str]) -> Vec<String> {
    let longest = stories.iter().map(Vec::len).max().unwrap_or(1);
    (0..longest)
        .map(|k| {
            let orders: Vec<ShopOrder> = stories
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let (refunded, cancelled, status) = s[k.min(s.len() - 1)];
                    let mut o = ShopOrder::new(&format!("#{}", 1000 + i), &format!("2025-05-{:02}", 1 + i % 28), codes[i % codes.len()]);
                    o.refunded = format!("{}.{:02}", refunded / 100, refunded % 100);
                    o.status = status.into();
                    if cancelled {
                        o.cancelled = "2025-06-01 10:00:00 +0200".into();
                    }
                    o
                })
                .collect();
            shopify_csv(&orders)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn importing_any_order_file_twice_changes_nothing(stories in prop::collection::vec(story(), 1..12), step in 0..5usize) {
        let (mut w, _) = world_and_orders();
        let files = exports(&stories, &["", "WELCOME5", "SANNE10, lotte15"]);
        let dir = tempfile::tempdir().unwrap();
        let path = write(&dir, "orders.csv", &files[step.min(files.len() - 1)]);
        import(&mut w, &path);
        let before = w.order_tables();
        let again = import(&mut w, &path);
        prop_assert_eq!(again.counts.unchanged, stories.len() as u64);
        prop_assert_eq!(w.order_tables(), before);
    }

    #[test]
    fn any_sequence_of_exports_in_any_order_ends_in_the_same_orders(stories in prop::collection::vec(story(), 1..10), order in any::<u64>()) {
        let files = exports(&stories, &["", "WELCOME5", "SANNE10, lotte15"]);
        let dir = tempfile::tempdir().unwrap();
        let paths: Vec<_> = files.iter().enumerate().map(|(i, f)| write(&dir, &format!("export{i}.csv"), f)).collect();
        let (mut forward, _) = world_and_orders();
        let (mut mixed, _) = world_and_orders();
        for w in [&forward, &mixed] {
            w.sql("UPDATE workspace_settings SET customer_salt = 'one salt'"); // two workspaces' hashes differ otherwise
        }
        for p in &paths {
            import(&mut forward, p);
        }
        let mut shuffled = paths.clone();
        let mut seed = order;
        for i in (1..shuffled.len()).rev() {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (seed >> 33) as usize % (i + 1));
        }
        for p in &shuffled {
            import(&mut mixed, p);
        }
        prop_assert_eq!(orders_without_times(&forward), orders_without_times(&mixed));
    }
}
