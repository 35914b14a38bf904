//! Tests of the sales read side (orders list and detail, the commission lines and their
//! totals, a creator's and a campaign's sales) on in-memory workspaces whose orders, attribution
//! and ledger lines are written with plain SQL, as the order import and the ledger write them.

use super::order_list::{order_detail, orders_page, AttributionState, BaseSource, OrderFilter, Page};
use super::summaries::{campaign_sales, creator_sales};
use crate::commissions::lines_list::{commission_lines, status_totals, LineFilter, LineStatus, StatusTotal};
use crate::money::{Currency, Money};
use crate::workspace::settings::Settings;
use crate::workspace::Workspace;
use proptest::prelude::*;
use rusqlite::{params, Connection};

const NOW: &str = "2026-06-01T10:00:00Z";

pub(crate) fn eur(minor: i64) -> Money {
    Money { minor, currency: Currency::parse("EUR").unwrap() }
}

fn workspace() -> Workspace {
    Workspace::in_memory(&Settings::new("Groen", "EUR", "nl-NL")).unwrap()
}

/// A creator, a campaign and the creator's collaboration in it with `code`; returns the
/// collaboration's id.
fn collaboration(conn: &Connection, creator: &str, campaign: &str, code: &str) -> i64 {
    let creator_id: i64 = match conn.query_row("SELECT id FROM creators WHERE display_name = ?1", [creator], |r| r.get(0)) {
        Ok(id) => id,
        Err(_) => {
            conn.execute("INSERT INTO creators (display_name, sort_name, created_at, updated_at) VALUES (?1, lower(?1), ?2, ?2)", params![creator, NOW]).unwrap();
            conn.last_insert_rowid()
        }
    };
    let campaign_id: i64 = match conn.query_row("SELECT id FROM campaigns WHERE name = ?1", [campaign], |r| r.get(0)) {
        Ok(id) => id,
        Err(_) => {
            conn.execute("INSERT INTO campaigns (name, goal, starts_on, created_at, updated_at) VALUES (?1, 'sales', '2026-05-01', ?2, ?2)", params![campaign, NOW]).unwrap();
            conn.last_insert_rowid()
        }
    };
    conn.execute(
        "INSERT INTO collaborations (campaign_id, creator_id, kind, status, discount_code, discount_code_key, last_activity_on, created_at, updated_at)
         VALUES (?1, ?2, 'affiliate', 'active', ?3, upper(?3), '2026-05-01', ?4, ?4)",
        params![campaign_id, creator_id, code, NOW],
    )
    .unwrap();
    conn.last_insert_rowid()
}

/// An order placed on `day` at `time` (UTC), its attribution as given.
fn order(conn: &Connection, number: &str, day: &str, subtotal: i64, attribution: (&str, Option<i64>, &str)) -> i64 {
    conn.execute(
        "INSERT INTO orders (source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, tax_minor, financial_status,
                             attribution, collaboration_id, attribution_reason, imported_at, updated_at)
         VALUES ('shopify', ?1, ?2 || ' 12:00:00 +0200', ?2 || 'T10:00:00Z', ?2, 'EUR', ?3, 0, 'paid', ?4, ?5, ?6, ?7, ?7)",
        params![number, day, subtotal, attribution.0, attribution.1, attribution.2, NOW],
    )
    .unwrap();
    conn.last_insert_rowid()
}

/// A ledger line as the ledger books it (a plain percent rule).
fn line(conn: &Connection, order_id: i64, collaboration_id: i64, kind: &str, amount: i64, base: i64, hold_until: &str) -> i64 {
    let creator_id: i64 = conn.query_row("SELECT creator_id FROM collaborations WHERE id = ?1", [collaboration_id], |r| r.get(0)).unwrap();
    conn.execute(
        "INSERT INTO commission_lines (order_id, collaboration_id, creator_id, kind, reason, amount_minor, currency, base_minor, rule, rule_level,
                                       explanation, explanation_code, explanation_params, hold_until, created_at)
         VALUES (?1, ?2, ?3, ?4, 'order', ?5, 'EUR', ?6, 'percent:1000', 'collaboration', '10% of EUR 100.00 = EUR 10.00', 'percent',
                 '{\"amount\":\"EUR 10.00\",\"base\":\"EUR 100.00\",\"rate\":\"10%\",\"rule\":\"percent:1000\",\"level\":\"collaboration\"}', ?7, ?8)",
        params![order_id, collaboration_id, creator_id, kind, amount, base, hold_until, NOW],
    )
    .unwrap();
    conn.last_insert_rowid()
}

fn numbers(page: &super::order_list::OrdersPage) -> Vec<&str> {
    page.rows.iter().map(|r| r.number.as_str()).collect()
}

#[test]
fn the_unattributed_orders_are_listed_newest_first_with_their_reason_and_true_count() {
    let ws = workspace();
    let conn = ws.conn();
    let sanne = collaboration(conn, "Sanne", "Zomer", "SANNE10");
    order(conn, "#1001", "2026-05-02", 5000, ("unattributed", None, "no_code"));
    order(conn, "#1002", "2026-05-03", 6000, ("attributed", Some(sanne), "code"));
    order(conn, "#1003", "2026-05-04", 7000, ("unattributed", None, "unknown_code"));
    order(conn, "#1004", "2026-05-05", 8000, ("review", None, "two_creators"));
    let unattributed = orders_page(conn, &OrderFilter { attribution: Some(AttributionState::Unattributed), ..Default::default() }, Page::default()).unwrap();
    assert_eq!(numbers(&unattributed), ["#1003", "#1001"]);
    assert_eq!(unattributed.total, 2);
    assert_eq!(unattributed.review_count, 1);
    assert_eq!(unattributed.rows[0].reason, "unknown_code");
    let unknown = OrderFilter { attribution: Some(AttributionState::Unattributed), reason: Some("unknown_code".into()), ..Default::default() };
    assert_eq!(numbers(&orders_page(conn, &unknown, Page::default()).unwrap()), ["#1003"]);
    let review = orders_page(conn, &OrderFilter { attribution: Some(AttributionState::Review), ..Default::default() }, Page::default()).unwrap();
    assert_eq!(numbers(&review), ["#1004"]);
    let all = orders_page(conn, &OrderFilter::default(), Page { offset: 1, limit: 2 }).unwrap();
    assert_eq!((numbers(&all), all.total), (vec!["#1003", "#1002"], 4));
}

#[test]
fn orders_are_found_by_creator_campaign_number_and_the_shops_day() {
    let ws = workspace();
    let conn = ws.conn();
    let sanne = collaboration(conn, "Sanne", "Zomer", "SANNE10");
    let sanne_winter = collaboration(conn, "Sanne", "Winter", "SANNEW");
    let emma = collaboration(conn, "Emma", "Zomer", "EMMA10");
    order(conn, "#1001", "2026-05-02", 5000, ("attributed", Some(sanne), "code"));
    order(conn, "#1002", "2026-05-03", 6000, ("attributed", Some(sanne_winter), "code"));
    order(conn, "#1010", "2026-05-04", 7000, ("attributed", Some(emma), "code"));
    order(conn, "#2001", "2026-05-05", 8000, ("unattributed", None, "no_code"));
    let sanne_id: i64 = conn.query_row("SELECT creator_id FROM collaborations WHERE id = ?1", [sanne], |r| r.get(0)).unwrap();
    let zomer: i64 = conn.query_row("SELECT campaign_id FROM collaborations WHERE id = ?1", [sanne], |r| r.get(0)).unwrap();
    let by = |filter: OrderFilter| orders_page(conn, &filter, Page::default()).unwrap();
    assert_eq!(numbers(&by(OrderFilter { creator_id: Some(sanne_id), ..Default::default() })), ["#1002", "#1001"]);
    assert_eq!(numbers(&by(OrderFilter { campaign_id: Some(zomer), ..Default::default() })), ["#1010", "#1001"]);
    assert_eq!(numbers(&by(OrderFilter { number: Some("100".into()), ..Default::default() })), ["#1002", "#1001"]);
    assert_eq!(numbers(&by(OrderFilter { number: Some("#101".into()), ..Default::default() })), ["#1010"]);
    assert_eq!(numbers(&by(OrderFilter { placed_from: Some("2026-05-03".into()), placed_to: Some("2026-05-04".into()), ..Default::default() })), ["#1010", "#1002"]);
    let first = &by(OrderFilter { number: Some("1001".into()), ..Default::default() }).rows[0];
    let to = first.attributed_to.as_ref().unwrap();
    assert_eq!((to.creator_name.as_str(), to.campaign_name.as_str()), ("Sanne", "Zomer"));
}

#[test]
fn a_day_filter_follows_the_shops_calendar_not_utc() {
    let ws = workspace();
    let conn = ws.conn();
    // Placed on the 3rd in the shop (00:30 +0200), still the 2nd in UTC.
    conn.execute(
        "INSERT INTO orders (source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, financial_status, imported_at, updated_at)
         VALUES ('shopify', '#1', '2026-05-03 00:30:00 +0200', '2026-05-02T22:30:00Z', '2026-05-03', 'EUR', 100, 'paid', ?1, ?1)",
        [NOW],
    )
    .unwrap();
    let on = |day: &str| orders_page(conn, &OrderFilter { placed_from: Some(day.into()), placed_to: Some(day.into()), ..Default::default() }, Page::default()).unwrap().total;
    assert_eq!((on("2026-05-02"), on("2026-05-03")), (0, 1));
}

#[test]
fn a_row_says_whether_its_base_is_the_ledgers_or_worked_out_here() {
    let ws = workspace();
    let conn = ws.conn();
    let sanne = collaboration(conn, "Sanne", "Zomer", "SANNE10");
    let booked = order(conn, "#1", "2026-05-02", 12100, ("attributed", Some(sanne), "code"));
    let open = order(conn, "#2", "2026-05-03", 12100, ("unattributed", None, "no_code"));
    conn.execute("UPDATE orders SET tax_minor = 2100, refunded_minor = 1000 WHERE id IN (?1, ?2)", [booked, open]).unwrap();
    line(conn, booked, sanne, "commission", 1000, 10000, "2026-06-01");
    line(conn, booked, sanne, "adjustment", -100, 9000, "2026-06-01");
    let page = orders_page(conn, &OrderFilter::default(), Page::default()).unwrap();
    let row = |number: &str| page.rows.iter().find(|r| r.number == number).unwrap().clone();
    // The latest line's base; the commission is the sum of the lines.
    assert_eq!((row("#1").base, row("#1").base_source, row("#1").commission.clone()), (Some(eur(9000)), BaseSource::Ledger, vec![eur(900)]));
    // Prices include tax by default: 121.00 − 21.00 tax − 10.00 refunded.
    assert_eq!((row("#2").base, row("#2").base_source, row("#2").commission.clone()), (Some(eur(9000)), BaseSource::Computed, vec![]));
    conn.execute("UPDATE orders SET cancelled_at = '2026-05-04T00:00:00Z' WHERE id = ?1", [open]).unwrap();
    let page = orders_page(conn, &OrderFilter::default(), Page::default()).unwrap();
    let cancelled = page.rows.iter().find(|r| r.number == "#2").unwrap();
    assert_eq!((cancelled.base, cancelled.cancelled), (Some(eur(0)), true));
}

#[test]
fn an_orders_detail_shows_its_lines_codes_review_candidates_and_how_its_commission_was_made() {
    let ws = workspace();
    let conn = ws.conn();
    let sanne = collaboration(conn, "Sanne", "Zomer", "SANNE10");
    let _emma = collaboration(conn, "Emma", "Zomer", "EMMA10");
    let id = order(conn, "#1", "2026-05-02", 10000, ("review", None, "two_creators"));
    conn.execute("INSERT INTO order_lines (order_id, position, sku, name, quantity, unit_price_minor, total_minor) VALUES (?1, 0, 'TEE-01', 'T-shirt', 2, 5000, 10000)", [id]).unwrap();
    conn.execute("INSERT INTO order_codes (order_id, position, code, code_key) VALUES (?1, 0, 'sanne10', 'SANNE10'), (?1, 1, 'Emma10 ', 'EMMA10')", [id]).unwrap();
    let converted = order(conn, "#2", "2026-05-03", 10000, ("attributed", Some(sanne), "manual"));
    conn.execute("UPDATE orders SET currency = 'USD', attribution_manual = 1, attribution_note = 'Customer mailed us the code' WHERE id = ?1", [converted]).unwrap();
    line(conn, converted, sanne, "commission", 920, 9200, "2026-06-02");
    let detail = order_detail(conn, id, "2026-06-01").unwrap();
    assert_eq!(detail.lines.len(), 1);
    assert_eq!((detail.lines[0].sku.as_str(), detail.lines[0].quantity, detail.lines[0].total), ("TEE-01", 2, Some(eur(10000))));
    assert_eq!(detail.codes, ["sanne10", "Emma10 "]);
    let names: Vec<&str> = detail.candidates.iter().map(|c| c.collaboration.creator_name.as_str()).collect();
    assert_eq!(names, ["Emma", "Sanne"]);
    assert_eq!(detail.order.attribution, AttributionState::Review);

    let manual = order_detail(conn, converted, "2026-06-01").unwrap();
    assert_eq!((manual.order.manual, manual.note.as_str()), (true, "Customer mailed us the code"));
    let line = &manual.commission_lines[0];
    assert_eq!((line.amount, line.base, line.rate_bp, line.rule_text.as_str()), (eur(920), eur(9200), Some(1000), "10% of the base"));
    assert_eq!((line.explanation_code.as_str(), line.explanation_amounts["base"]), ("percent", eur(10000)));
    assert_eq!(line.status, LineStatus::Pending);
    assert!(matches!(order_detail(conn, 999, "2026-06-01"), Err(crate::Error::NotFound { what: "order", .. })));
}

#[test]
fn a_converted_line_shows_the_orders_own_base_and_the_exact_rate() {
    let ws = workspace();
    let conn = ws.conn();
    let sanne = collaboration(conn, "Sanne", "Zomer", "SANNE10");
    let id = order(conn, "#1", "2026-05-02", 10000, ("attributed", Some(sanne), "code"));
    let line_id = line(conn, id, sanne, "commission", 920, 9200, "2026-06-02");
    // Booked with its conversion (the schema's append-only trigger allows no update: rebuild).
    conn.execute_batch("DROP TRIGGER commission_lines_append_only").unwrap();
    conn.execute("UPDATE commission_lines SET order_currency = 'USD', order_base_minor = 10000, fx_rate_units = 920000, fx_rate_scale = 6, fx_on_date = '2026-05-02' WHERE id = ?1", [line_id]).unwrap();
    let detail = order_detail(conn, id, "2026-06-01").unwrap();
    let conversion = detail.commission_lines[0].conversion.clone().unwrap();
    assert_eq!((conversion.order_base.minor, conversion.order_base.currency.code(), conversion.rate.as_str(), conversion.on_date.as_str()), (10000, "USD", "0.920000", "2026-05-02"));
}

#[test]
fn a_lines_status_is_read_as_of_a_day_and_the_totals_count_each_status_per_currency() {
    let ws = workspace();
    let conn = ws.conn();
    let sanne = collaboration(conn, "Sanne", "Zomer", "SANNE10");
    let emma = collaboration(conn, "Emma", "Zomer", "EMMA10");
    let o1 = order(conn, "#1", "2026-05-02", 10000, ("attributed", Some(sanne), "code"));
    let o2 = order(conn, "#2", "2026-05-20", 10000, ("attributed", Some(emma), "code"));
    let o3 = order(conn, "#3", "2026-05-21", 10000, ("attributed", Some(emma), "code"));
    line(conn, o1, sanne, "commission", 1000, 10000, "2026-06-01");
    line(conn, o2, emma, "commission", 1000, 10000, "2026-06-19");
    let rejected = line(conn, o3, emma, "commission", 1000, 10000, "2026-06-20");
    conn.execute("UPDATE commission_lines SET rejected_at = ?1, rejected_reason = 'Staff order' WHERE id = ?2", params![NOW, rejected]).unwrap();
    let paid = line(conn, o1, sanne, "adjustment", -200, 8000, "2026-06-01");
    crate::payouts::test_support::pay_lines(conn, &[paid]);
    let as_of = |day: &str, status: Option<LineStatus>| commission_lines(conn, &LineFilter { as_of: day.into(), status, ..Default::default() }, Page::default()).unwrap();
    let totals = |t: &[StatusTotal]| t.iter().map(|t| (t.status, t.amount.minor, t.lines)).collect::<Vec<_>>();
    let june_1 = as_of("2026-06-01", None);
    assert_eq!(totals(&june_1.totals), [(LineStatus::Pending, 1000, 1), (LineStatus::Approved, 1000, 1), (LineStatus::Paid, -200, 1), (LineStatus::Rejected, 1000, 1)]);
    assert_eq!(june_1.total, 4);
    let may = as_of("2026-05-31", Some(LineStatus::Pending));
    assert_eq!((may.total, may.rows.len()), (2, 2));
    assert!(may.rows.iter().all(|r| r.status == LineStatus::Pending));
    let approved_late = as_of("2026-06-30", Some(LineStatus::Approved));
    assert_eq!(approved_late.rows.iter().map(|r| r.order_number.as_str()).collect::<Vec<_>>(), ["#2", "#1"]);
    // A creator's lines, from the lines themselves, agree with the kept totals' shape.
    let emma_id: i64 = conn.query_row("SELECT creator_id FROM collaborations WHERE id = ?1", [emma], |r| r.get(0)).unwrap();
    let emma_page = commission_lines(conn, &LineFilter { creator_id: Some(emma_id), as_of: "2026-06-01".into(), ..Default::default() }, Page::default()).unwrap();
    assert_eq!(totals(&emma_page.totals), [(LineStatus::Pending, 1000, 1), (LineStatus::Rejected, 1000, 1)]);
    assert_eq!(emma_page.rows[0].rejected_reason.as_deref(), Some("Staff order"));
    assert_eq!(emma_page.rows[1].rejected_reason, None);
    let kind = commission_lines(conn, &LineFilter { kind: Some("adjustment".into()), as_of: "2026-06-01".into(), ..Default::default() }, Page::default()).unwrap();
    assert_eq!((kind.total, totals(&kind.totals)), (1, vec![(LineStatus::Paid, -200, 1)]));
}

#[test]
fn a_creators_and_a_campaigns_sales_count_attributed_orders_revenue_and_commissions() {
    let ws = workspace();
    let conn = ws.conn();
    let sanne = collaboration(conn, "Sanne", "Zomer", "SANNE10");
    let emma = collaboration(conn, "Emma", "Zomer", "EMMA10");
    let sanne_winter = collaboration(conn, "Sanne", "Winter", "SANNEW");
    let o1 = order(conn, "#1", "2026-05-02", 10000, ("attributed", Some(sanne), "code"));
    let o2 = order(conn, "#2", "2026-05-03", 5000, ("attributed", Some(sanne_winter), "code"));
    let cancelled = order(conn, "#3", "2026-05-04", 7000, ("attributed", Some(emma), "code"));
    conn.execute("UPDATE orders SET financial_status = 'voided' WHERE id = ?1", [cancelled]).unwrap();
    conn.execute("UPDATE orders SET refunded_minor = 6000 WHERE id = ?1", [o2]).unwrap();
    order(conn, "#4", "2026-05-05", 9000, ("unattributed", None, "no_code"));
    line(conn, o1, sanne, "commission", 1000, 10000, "2026-06-01");
    line(conn, o2, sanne_winter, "commission", 500, 5000, "2026-06-02");
    let sanne_id: i64 = conn.query_row("SELECT creator_id FROM collaborations WHERE id = ?1", [sanne], |r| r.get(0)).unwrap();
    let zomer: i64 = conn.query_row("SELECT campaign_id FROM collaborations WHERE id = ?1", [sanne], |r| r.get(0)).unwrap();
    let creator = creator_sales(conn, sanne_id, "2026-06-01").unwrap();
    // 100.00 + (50.00 − 60.00 refunded: zero).
    assert_eq!((creator.orders, creator.revenue.clone()), (2, vec![eur(10000)]));
    assert_eq!(creator.commissions.iter().map(|t| (t.status, t.amount.minor)).collect::<Vec<_>>(), [(LineStatus::Pending, 500), (LineStatus::Approved, 1000)]);
    let campaign = campaign_sales(conn, zomer, "2026-06-01").unwrap();
    assert_eq!((campaign.summary.orders, campaign.summary.revenue.clone()), (2, vec![eur(10000)]));
    let rows: Vec<(&str, u64, Vec<Money>)> = campaign.collaborations.iter().map(|c| (c.creator_name.as_str(), c.orders, c.commission.clone())).collect();
    assert_eq!(rows, [("Sanne", 1, vec![eur(1000)]), ("Emma", 1, vec![])]);
    assert!(matches!(creator_sales(conn, 999, "2026-06-01"), Err(crate::Error::NotFound { what: "creator", .. })));
}

/// The plans of the statements a page runs, for the filters the screen offers.
fn plan(conn: &Connection, sql: &str) -> String {
    let mut statement = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    let rows = statement.query_map([], |r| r.get::<_, String>(3)).unwrap();
    rows.map(Result::unwrap).collect::<Vec<_>>().join("; ")
}

#[test]
fn the_lists_queries_read_through_indexes() {
    let ws = workspace();
    let conn = ws.conn();
    let newest = plan(conn, "SELECT o.id FROM orders o ORDER BY o.placed_at_utc DESC, o.id DESC LIMIT 50");
    assert!(newest.contains("orders_by_time"), "{newest}");
    let review = plan(conn, "SELECT count(*) FROM orders o WHERE o.attribution = 'review'");
    assert!(review.contains("orders_to_review"), "{review}");
    let queue = plan(conn, "SELECT o.id FROM orders o WHERE o.attribution = 'review' ORDER BY o.placed_at_utc DESC, o.id DESC LIMIT 50");
    assert!(queue.contains("orders_to_review") && !queue.contains("TEMP B-TREE"), "{queue}");
    let unattributed = plan(conn, "SELECT count(*) FROM orders o WHERE o.attribution = 'unattributed'");
    assert!(unattributed.contains("orders_unattributed"), "{unattributed}");
    let newest_unattributed = plan(conn, "SELECT o.id FROM orders o WHERE o.attribution = 'unattributed' ORDER BY o.placed_at_utc DESC, o.id DESC LIMIT 50");
    assert!(!newest_unattributed.contains("TEMP B-TREE"), "{newest_unattributed}");
    let reason = plan(conn, "SELECT o.id FROM orders o WHERE o.attribution = 'unattributed' AND o.attribution_reason = 'expired' ORDER BY o.placed_at_utc DESC, o.id DESC LIMIT 50");
    assert!(reason.contains("orders_unattributed") && !reason.contains("TEMP B-TREE"), "{reason}");
    let creator = plan(conn, "SELECT o.id FROM orders o WHERE o.collaboration_id IN (SELECT id FROM collaborations WHERE creator_id = 1) ORDER BY o.placed_at_utc DESC LIMIT 50");
    assert!(creator.contains("orders_by_collaboration"), "{creator}");
    let number = plan(conn, "SELECT o.id FROM orders o WHERE o.source IN ('shopify', 'woocommerce', 'csv') AND (o.number >= '#1' AND o.number < '#2')");
    assert!(number.contains("sqlite_autoindex_orders_1"), "{number}");
    let lines = plan(conn, "SELECT count(*) FROM commission_lines l WHERE l.creator_id = 1");
    assert!(lines.contains("commission_lines_by_creator"), "{lines}");
    let unpaid = plan(conn, "SELECT l.id FROM commission_lines l WHERE l.payout_line_id IS NULL AND l.rejected_at IS NULL AND l.hold_until <= '2026-06-01'");
    assert!(unpaid.contains("commission_lines_unpaid"), "{unpaid}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// The totals kept by the schema's triggers equal the lines summed one by one, whatever
    /// the lines, rejections and payouts, on every day.
    #[test]
    fn the_kept_totals_equal_the_ledger_summed_line_by_line(
        lines in prop::collection::vec((0usize..3, -5_000i64..20_000, 0u32..40, 0u8..4, prop::bool::ANY), 1..40),
        day in 0u32..45,
    ) {
        let ws = workspace();
        let conn = ws.conn();
        let collaborations = [collaboration(conn, "Sanne", "Zomer", "S1"), collaboration(conn, "Emma", "Zomer", "E1"), collaboration(conn, "Sanne", "Winter", "S2")];
        let o = order(conn, "#1", "2026-05-02", 10000, ("unattributed", None, "no_code"));
        for (i, (who, amount, hold, settle, usd)) in lines.iter().enumerate() {
            let hold_until = format!("2026-06-{:02}", 1 + hold % 28);
            let id = line(conn, o, collaborations[*who], ["commission", "adjustment", "reversal", "clawback"][i % 4], *amount, 0, &hold_until);
            if *usd {
                conn.execute_batch("DROP TRIGGER IF EXISTS commission_lines_append_only").unwrap();
                // The kept totals were written on insert: move them as a ledger in USD would have.
                conn.execute("UPDATE commission_totals SET amount_minor = amount_minor - ?1, lines = lines - 1 WHERE currency = 'EUR' AND kind = (SELECT kind FROM commission_lines WHERE id = ?2) AND hold_until = ?3 AND state = 'unpaid'", params![amount, id, hold_until]).unwrap();
                conn.execute("UPDATE commission_lines SET currency = 'USD' WHERE id = ?1", [id]).unwrap();
                conn.execute("INSERT INTO commission_totals VALUES ('USD', (SELECT kind FROM commission_lines WHERE id = ?1), ?2, 'unpaid', ?3, 1) ON CONFLICT DO UPDATE SET amount_minor = amount_minor + excluded.amount_minor, lines = lines + 1", params![id, hold_until, amount]).unwrap();
            }
            match settle {
                1 => { conn.execute("UPDATE commission_lines SET rejected_at = ?1, rejected_reason = 'no' WHERE id = ?2", params![NOW, id]).unwrap(); }
                2 => { crate::payouts::test_support::pay_lines(conn, &[id]); }
                _ => {}
            }
        }
        let as_of = format!("2026-05-{:02}", 1 + day % 31);
        let as_of = if day > 30 { format!("2026-06-{:02}", day - 30) } else { as_of };
        let kept = status_totals(conn, &LineFilter { as_of: as_of.clone(), ..Default::default() }).unwrap();
        let mut summed: Vec<(LineStatus, String, i64, u64)> = Vec::new();
        for status in LineStatus::ALL {
            let page = commission_lines(conn, &LineFilter { as_of: as_of.clone(), status: Some(status), ..Default::default() }, Page { offset: 0, limit: 500 }).unwrap();
            for currency in ["EUR", "USD"] {
                let of: Vec<_> = page.rows.iter().filter(|r| r.amount.currency.code() == currency).collect();
                if !of.is_empty() {
                    summed.push((status, currency.to_string(), of.iter().map(|r| r.amount.minor).sum(), of.len() as u64));
                }
            }
        }
        let kept: Vec<(LineStatus, String, i64, u64)> = kept.iter().map(|t| (t.status, t.amount.currency.code().to_string(), t.amount.minor, t.lines)).collect();
        prop_assert_eq!(kept, summed);
    }
}
