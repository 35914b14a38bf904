//! The ledger on in-memory workspaces: orders, rules and attribution set up with plain SQL (as
//! the order import and attribution would write them), then booked. [`Shop`] is the fixture
//! the rate store's and the rejection's tests use too.

use super::lines::REBUILD_INDEXES_FROM;
use super::*;
use crate::workspace::settings::Settings;
use crate::Workspace;

/// A workspace in EUR with prices without tax (so bases read plainly), hold 30 days.
pub(crate) struct Shop {
    pub ws: Workspace,
}

impl Shop {
    pub(crate) fn new() -> Shop {
        let ws = Workspace::in_memory(&Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
        let shop = Shop { ws };
        shop.sql("UPDATE workspace_settings SET prices_include_tax = 0, commission_hold_days = 30");
        shop
    }

    pub(crate) fn sql(&self, sql: &str) {
        self.ws.conn().execute_batch(sql).unwrap();
    }

    pub(crate) fn creator(&self, name: &str) -> i64 {
        self.ws
            .conn()
            .execute("INSERT INTO creators (display_name, sort_name, created_at, updated_at) VALUES (?1, lower(?1), 'now', 'now')", [name])
            .unwrap();
        self.ws.conn().last_insert_rowid()
    }

    pub(crate) fn campaign(&self, name: &str) -> i64 {
        self.ws.conn().execute("INSERT INTO campaigns (name, goal, created_at, updated_at) VALUES (?1, 'sales', 'now', 'now')", [name]).unwrap();
        self.ws.conn().last_insert_rowid()
    }

    pub(crate) fn collaboration(&self, campaign: i64, creator: i64) -> i64 {
        self.ws
            .conn()
            .execute(
                "INSERT INTO collaborations (campaign_id, creator_id, kind, status, last_activity_on, created_at, updated_at) VALUES (?1, ?2, 'affiliate', 'active', '2026-05-01', 'now', 'now')",
                [campaign, creator],
            )
            .unwrap();
        self.ws.conn().last_insert_rowid()
    }

    /// A rule in its machine text at `level` for `owner` (None: the workspace default).
    pub(crate) fn rule(&self, level: &str, owner: Option<i64>, text: &str) {
        self.ws
            .conn()
            .execute(
                "INSERT INTO commission_rules (level, owner_id, rule, created_at, updated_at) VALUES (?1, ?2, ?3, 'now', 'now')
                 ON CONFLICT DO UPDATE SET rule = excluded.rule",
                rusqlite::params![level, owner, text],
            )
            .unwrap();
    }

    /// An order in EUR, paid, placed at `utc` (`2026-05-03T10:00:00Z`, its day the shop's day),
    /// attributed to `collaboration` when given.
    pub(crate) fn order(&self, number: &str, utc: &str, subtotal: i64, collaboration: Option<i64>) -> i64 {
        self.ws
            .conn()
            .execute(
                "INSERT INTO orders (source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, financial_status,
                     attribution, collaboration_id, attribution_reason, imported_at, updated_at)
                 VALUES ('shopify', ?1, ?2, ?2, substr(?2, 1, 10), 'EUR', ?3, 'paid',
                     CASE WHEN ?4 IS NULL THEN 'unattributed' ELSE 'attributed' END, ?4, CASE WHEN ?4 IS NULL THEN 'no_code' ELSE 'code' END, 'now', 'now')",
                rusqlite::params![number, utc, subtotal, collaboration],
            )
            .unwrap();
        self.ws.conn().last_insert_rowid()
    }

    pub(crate) fn attribute(&self, order: i64, collaboration: Option<i64>) {
        self.ws
            .conn()
            .execute(
                "UPDATE orders SET attribution = CASE WHEN ?2 IS NULL THEN 'unattributed' ELSE 'attributed' END, collaboration_id = ?2,
                     attribution_reason = CASE WHEN ?2 IS NULL THEN 'manual' ELSE 'manual' END WHERE id = ?1",
                rusqlite::params![order, collaboration],
            )
            .unwrap();
    }

    pub(crate) fn book(&mut self, ids: &[i64]) -> Booking {
        self.ws.write(|tx| book_orders(tx, ids, "2026-06-01T12:00:00Z")).unwrap()
    }

    /// The lines of an order: (collaboration, kind, reason, amount), in booking order.
    pub(crate) fn lines(&self, order: i64) -> Vec<(i64, String, String, i64)> {
        let mut stmt = self.ws.conn().prepare("SELECT collaboration_id, kind, reason, amount_minor FROM commission_lines WHERE order_id = ?1 ORDER BY id").unwrap();
        stmt.query_map([order], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).unwrap().map(Result::unwrap).collect()
    }

    /// What an order's lines not rejected sum to for a collaboration.
    pub(crate) fn booked(&self, order: i64, collaboration: i64) -> i64 {
        self.ws
            .conn()
            .query_row(
                "SELECT coalesce(sum(amount_minor), 0) FROM commission_lines WHERE order_id = ?1 AND collaboration_id = ?2 AND rejected_at IS NULL",
                [order, collaboration],
                |r| r.get(0),
            )
            .unwrap()
    }

    pub(crate) fn waiting(&self, order: i64) -> (String, String) {
        self.ws.conn().query_row("SELECT waiting_code, waiting_message FROM orders WHERE id = ?1", [order], |r| Ok((r.get(0)?, r.get(1)?))).unwrap()
    }

    /// `n` unattributed orders of another day, so that booking a few orders reads them through
    /// the batch table (a booking of a large share of the orders reads whole tables).
    pub(crate) fn filler(&self, n: usize) {
        for i in 0..n {
            self.order(&format!("#F{i}"), "2026-04-01T08:00:00Z", 1_000, None);
        }
    }

    /// One creator in one campaign with a workspace default rule.
    pub(crate) fn with_one_affiliate(rule: &str) -> (Shop, i64) {
        let shop = Shop::new();
        let (campaign, creator) = (shop.campaign("Zomer"), shop.creator("Sanne"));
        let collaboration = shop.collaboration(campaign, creator);
        shop.rule("workspace", None, rule);
        (shop, collaboration)
    }
}

fn line_detail(shop: &Shop, order: i64) -> (i64, String, String, String, String, Option<String>) {
    shop.ws
        .conn()
        .query_row(
            "SELECT base_minor, rule, rule_level, hold_until, explanation_code, order_currency FROM commission_lines WHERE order_id = ?1 ORDER BY id LIMIT 1",
            [order],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )
        .unwrap()
}

#[test]
fn an_attributed_order_books_one_commission_line_with_its_base_rule_and_hold() {
    let (mut shop, sanne) = Shop::with_one_affiliate("percent:1000");
    let order = shop.order("#1001", "2026-05-03T10:00:00Z", 9_000, Some(sanne));
    assert_eq!(shop.book(&[order]), Booking { lines_added: 1, orders_waiting: 0 });
    assert_eq!(shop.lines(order), vec![(sanne, "commission".into(), "order".into(), 900)]);
    let (base, rule, level, hold, code, fx) = line_detail(&shop, order);
    assert_eq!((base, rule.as_str(), level.as_str(), hold.as_str(), code.as_str(), fx), (9_000, "percent:1000", "workspace", "2026-06-02", "percent", None));
    let explanation: String = shop.ws.conn().query_row("SELECT explanation FROM commission_lines WHERE order_id = ?1", [order], |r| r.get(0)).unwrap();
    assert!(explanation.contains("10% of EUR 90.00 = EUR 9.00"), "{explanation}");
    let params: String = shop.ws.conn().query_row("SELECT explanation_params FROM commission_lines WHERE order_id = ?1", [order], |r| r.get(0)).unwrap();
    let params: serde_json::Value = serde_json::from_str(&params).unwrap();
    assert_eq!((params["params"]["rate"].as_str(), params["base"]["code"].as_str(), params["line"].as_str()), (Some("10%"), Some("base_worked_out"), Some("EUR 9.00")), "{params}");
}

#[test]
fn booking_again_books_nothing() {
    let (mut shop, sanne) = Shop::with_one_affiliate("percent:1000");
    let order = shop.order("#1001", "2026-05-03T10:00:00Z", 9_000, Some(sanne));
    shop.book(&[order]);
    assert_eq!(shop.book(&[order]).lines_added, 0);
    assert_eq!(shop.lines(order).len(), 1);
}

#[test]
fn an_unattributed_order_books_nothing() {
    let (mut shop, _) = Shop::with_one_affiliate("percent:1000");
    let order = shop.order("#1001", "2026-05-03T10:00:00Z", 9_000, None);
    assert_eq!(shop.book(&[order]), Booking::default());
    assert!(shop.lines(order).is_empty());
}

#[test]
fn a_flat_rule_pays_its_amount_per_order_and_nothing_once_cancelled() {
    let (mut shop, sanne) = Shop::with_one_affiliate("flat:EUR:500");
    let order = shop.order("#1001", "2026-05-03T10:00:00Z", 9_000, Some(sanne));
    shop.book(&[order]);
    shop.sql(&format!("UPDATE orders SET refunded_minor = 4000 WHERE id = {order}"));
    assert_eq!(shop.book(&[order]).lines_added, 0, "a partly refunded order still earns the flat amount");
    shop.sql(&format!("UPDATE orders SET cancelled_at = '2026-05-04T09:00:00Z' WHERE id = {order}"));
    shop.book(&[order]);
    assert_eq!(shop.lines(order), vec![(sanne, "commission".into(), "order".into(), 500), (sanne, "adjustment".into(), "cancelled".into(), -500)]);
}

#[test]
fn a_voided_order_counts_zero_like_a_cancelled_one() {
    let (mut shop, sanne) = Shop::with_one_affiliate("percent:1000");
    let order = shop.order("#1001", "2026-05-03T10:00:00Z", 9_000, Some(sanne));
    shop.book(&[order]);
    shop.sql(&format!("UPDATE orders SET financial_status = 'voided' WHERE id = {order}"));
    shop.book(&[order]);
    assert_eq!(shop.booked(order, sanne), 0);
    assert_eq!(shop.lines(order)[1].2, "cancelled");
}

#[test]
fn precedence_is_collaboration_then_creator_then_campaign_then_workspace() {
    let shop = Shop::new();
    let (campaign, sanne, bo) = (shop.campaign("Zomer"), shop.creator("Sanne"), shop.creator("Bo"));
    let (a, b) = (shop.collaboration(campaign, sanne), shop.collaboration(campaign, bo));
    let mut shop = shop;
    shop.rule("workspace", None, "percent:100");
    let one = shop.order("#1", "2026-05-03T10:00:00Z", 10_000, Some(a));
    shop.book(&[one]);
    shop.rule("campaign", Some(campaign), "percent:200");
    let two = shop.order("#2", "2026-05-04T10:00:00Z", 10_000, Some(a));
    shop.book(&[two]);
    shop.rule("creator", Some(sanne), "percent:300");
    let three = shop.order("#3", "2026-05-05T10:00:00Z", 10_000, Some(a));
    let three_bo = shop.order("#3b", "2026-05-05T10:00:00Z", 10_000, Some(b));
    shop.book(&[three, three_bo]);
    shop.rule("collaboration", Some(a), "percent:400");
    let four = shop.order("#4", "2026-05-06T10:00:00Z", 10_000, Some(a));
    shop.book(&[four]);
    let amounts: Vec<i64> = [one, two, three, three_bo, four].iter().map(|o| shop.booked(*o, if *o == three_bo { b } else { a })).collect();
    assert_eq!(amounts, vec![100, 200, 300, 200, 400], "each order booked under the rule that applied then, and kept it");
    assert_eq!(line_detail(&shop, four).2, "collaboration");
}

#[test]
fn a_booked_order_keeps_its_rule_when_the_rule_changes() {
    let (mut shop, sanne) = Shop::with_one_affiliate("percent:1000");
    let old = shop.order("#1001", "2026-05-03T10:00:00Z", 10_000, Some(sanne));
    shop.book(&[old]);
    shop.rule("workspace", None, "percent:2000");
    shop.sql(&format!("UPDATE orders SET refunded_minor = 5000 WHERE id = {old}"));
    let new = shop.order("#1002", "2026-05-04T10:00:00Z", 10_000, Some(sanne));
    shop.book(&[old, new]);
    assert_eq!(shop.booked(old, sanne), 500, "10% of the 50.00 left: the rule of its first line");
    assert_eq!(shop.booked(new, sanne), 2_000);
    assert_eq!(shop.lines(old)[1].2, "refund");
}

#[test]
fn without_any_rule_nothing_is_owed_and_the_order_says_so_until_a_rule_is_set() {
    let shop = Shop::new();
    let (campaign, sanne) = (shop.campaign("Zomer"), shop.creator("Sanne"));
    let collaboration = shop.collaboration(campaign, sanne);
    let mut shop = shop;
    let order = shop.order("#1001", "2026-05-03T10:00:00Z", 10_000, Some(collaboration));
    assert_eq!(shop.book(&[order]), Booking { lines_added: 0, orders_waiting: 1 });
    assert_eq!(shop.waiting(order).0, "no_rule");
    shop.rule("campaign", Some(campaign), "percent:1000");
    let booked = shop.ws.write(|tx| book_waiting_orders(tx, &["no_rule"], "2026-06-01T12:00:00Z")).unwrap();
    assert_eq!(booked, Booking { lines_added: 1, orders_waiting: 0 });
    assert_eq!(shop.waiting(order).0, "");
    assert_eq!(shop.booked(order, collaboration), 1_000);
}

#[test]
fn tax_inclusive_prices_take_the_items_tax_out_and_leave_shipping_tax_aside() {
    let (mut shop, sanne) = Shop::with_one_affiliate("percent:1000");
    shop.sql("UPDATE workspace_settings SET prices_include_tax = 1");
    // € 121 of items with 21 % VAT, € 6.05 shipping with its 21 %: Taxes € 22.05.
    let order = shop.order("#1001", "2026-05-03T10:00:00Z", 12_100, Some(sanne));
    shop.sql(&format!("UPDATE orders SET tax_minor = 2205, shipping_minor = 605 WHERE id = {order}"));
    // The file said its prices exclude tax: its word wins over the setting.
    let said = shop.order("#1002", "2026-05-03T11:00:00Z", 10_000, Some(sanne));
    shop.sql(&format!("UPDATE orders SET tax_minor = 2100, prices_include_tax = 0 WHERE id = {said}"));
    shop.book(&[order, said]);
    assert_eq!(line_detail(&shop, order).0, 10_000, "121.00 − 21.00 tax on the items");
    assert_eq!(shop.booked(order, sanne), 1_000);
    assert_eq!(line_detail(&shop, said).0, 10_000);
}

#[test]
fn a_refund_before_payment_is_a_negative_adjustment_before_or_after_approval() {
    let (mut shop, sanne) = Shop::with_one_affiliate("percent:1000");
    let order = shop.order("#1001", "2026-05-03T10:00:00Z", 10_000, Some(sanne));
    shop.book(&[order]);
    shop.sql(&format!("UPDATE orders SET refunded_minor = 2500, financial_status = 'partially_refunded' WHERE id = {order}"));
    shop.book(&[order]);
    // Later, after the hold (approved on 2026-06-02), the rest is refunded.
    shop.sql(&format!("UPDATE orders SET refunded_minor = 10000, financial_status = 'refunded' WHERE id = {order}"));
    shop.book(&[order]);
    assert_eq!(
        shop.lines(order),
        vec![(sanne, "commission".into(), "order".into(), 1_000), (sanne, "adjustment".into(), "refund".into(), -250), (sanne, "adjustment".into(), "refund".into(), -750)]
    );
    let conn = shop.ws.conn();
    let mut stmt = conn.prepare(&format!("SELECT {LINE_STATUS_SQL} FROM commission_lines WHERE order_id = :order ORDER BY id")).unwrap();
    let status: Vec<String> = stmt.query_map(rusqlite::named_params! { ":as_of": "2026-06-10", ":order": order }, |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    assert_eq!(status, vec!["approved", "approved", "approved"], "the refund nets out in the same approved balance");
}

#[test]
fn a_refund_after_payment_is_a_clawback() {
    let (mut shop, sanne) = Shop::with_one_affiliate("percent:1000");
    let order = shop.order("#1001", "2026-05-03T10:00:00Z", 10_000, Some(sanne));
    shop.book(&[order]);
    let paid: Vec<i64> = shop.ws.conn().prepare("SELECT id FROM commission_lines WHERE order_id = ?1").unwrap().query_map([order], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    crate::payouts::test_support::pay_lines(shop.ws.conn(), &paid);
    shop.sql(&format!("UPDATE orders SET refunded_minor = 4000 WHERE id = {order}"));
    shop.book(&[order]);
    assert_eq!(shop.lines(order)[1], (sanne, "clawback".into(), "refund".into(), -400));
}

#[test]
fn an_attribution_that_moves_reverses_here_and_books_there() {
    let shop = Shop::new();
    let (campaign, sanne, bo) = (shop.campaign("Zomer"), shop.creator("Sanne"), shop.creator("Bo"));
    let (a, b) = (shop.collaboration(campaign, sanne), shop.collaboration(campaign, bo));
    shop.rule("workspace", None, "percent:1000");
    shop.filler(40);
    let mut shop = shop;
    let order = shop.order("#1001", "2026-05-03T10:00:00Z", 10_000, Some(a));
    shop.book(&[order]);
    shop.attribute(order, Some(b));
    shop.book(&[order]);
    assert_eq!(shop.lines(order), vec![(a, "commission".into(), "order".into(), 1_000), (a, "reversal".into(), "attribution_changed".into(), -1_000), (b, "commission".into(), "order".into(), 1_000)]);
    // Into the review queue: nobody earns it until a person decides.
    shop.sql(&format!("UPDATE orders SET attribution = 'review', collaboration_id = NULL, attribution_reason = 'two_creators' WHERE id = {order}"));
    shop.book(&[order]);
    assert_eq!((shop.booked(order, a), shop.booked(order, b)), (0, 0));
    // Back to Sanne: her commission is booked again, as an adjustment of her lines.
    shop.attribute(order, Some(a));
    shop.book(&[order]);
    assert_eq!(shop.lines(order).last().unwrap(), &(a, "adjustment".to_string(), "attribution_changed".to_string(), 1_000));
    assert_eq!(shop.booked(order, a), 1_000);
}

#[test]
fn a_tier_is_the_same_whatever_order_the_orders_arrive_in() {
    // 10 % up to € 1,000 in the month, 15 % from there.
    let (mut shop, sanne) = Shop::with_one_affiliate("tiers:EUR:0=1000,100000=1500");
    shop.filler(40);
    let late = shop.order("#1003", "2026-05-20T10:00:00Z", 30_000, Some(sanne));
    shop.book(&[late]);
    assert_eq!(shop.booked(late, sanne), 3_000, "alone in the month: the first tier");
    let early = shop.order("#1001", "2026-05-02T10:00:00Z", 80_000, Some(sanne));
    shop.book(&[early]);
    assert_eq!(shop.booked(early, sanne), 8_000);
    assert_eq!(shop.booked(late, sanne), 4_500, "with the earlier order first the month reaches € 1,100: 15 %");
    assert_eq!(shop.lines(late)[1].2, "tier_changed");
    // A refund of the earlier order takes the later one back under the bound.
    shop.sql(&format!("UPDATE orders SET refunded_minor = 20000 WHERE id = {early}"));
    shop.book(&[early]);
    assert_eq!(shop.booked(late, sanne), 3_000);
    // Another month is another count.
    let june = shop.order("#1004", "2026-06-01T10:00:00Z", 30_000, Some(sanne));
    shop.book(&[june]);
    assert_eq!(shop.booked(june, sanne), 3_000);
}

#[test]
fn per_sku_rates_earn_their_share_of_the_base() {
    let (mut shop, sanne) = Shop::with_one_affiliate("percent:1000 sku:TEE-01=2000");
    let order = shop.order("#1001", "2026-05-03T10:00:00Z", 10_000, Some(sanne));
    shop.sql(&format!(
        "INSERT INTO order_lines (order_id, position, sku, quantity, unit_price_minor) VALUES ({order}, 1, 'tee-01', 1, 5000), ({order}, 2, 'MUG', 2, 2500)"
    ));
    shop.book(&[order]);
    assert_eq!(shop.booked(order, sanne), 1_500, "€ 50 at 20 % + € 50 at 10 %");
    assert_eq!(line_detail(&shop, order).4, "blended");
}

#[test]
fn first_order_only_pays_a_customers_first_order_whatever_order_they_arrive_in() {
    let (mut shop, sanne) = Shop::with_one_affiliate("percent:1000 first_order_only");
    shop.filler(40);
    let second = shop.order("#1002", "2026-05-10T10:00:00Z", 10_000, Some(sanne));
    shop.sql(&format!("UPDATE orders SET customer_hash = 'k1' WHERE id = {second}"));
    shop.book(&[second]);
    assert_eq!(shop.booked(second, sanne), 1_000, "the first of this customer so far");
    let first = shop.order("#1001", "2026-05-01T10:00:00Z", 10_000, None);
    shop.sql(&format!("UPDATE orders SET customer_hash = 'k1' WHERE id = {first}"));
    shop.book(&[first]);
    assert_eq!(shop.booked(second, sanne), 0, "an earlier order of the customer came in: not the first any more");
    assert_eq!(shop.lines(second)[1].2, "first_order_changed");
    shop.sql(&format!("UPDATE orders SET cancelled_at = '2026-05-02T00:00:00Z' WHERE id = {first}"));
    shop.book(&[first]);
    assert_eq!(shop.booked(second, sanne), 1_000, "a cancelled order was never a sale: the customer's first is this one");
    let unknown = shop.order("#1003", "2026-05-11T10:00:00Z", 10_000, Some(sanne));
    assert_eq!(shop.book(&[unknown]).orders_waiting, 1);
    assert_eq!(shop.waiting(unknown).0, "first_order_unknown");
}

#[test]
fn an_order_in_another_currency_waits_for_its_rate_and_is_booked_when_it_comes() {
    let (mut shop, sanne) = Shop::with_one_affiliate("percent:1000");
    let order = shop.order("#1001", "2026-05-03T10:00:00Z", 10_000, Some(sanne));
    shop.sql(&format!("UPDATE orders SET currency = 'USD' WHERE id = {order}"));
    assert_eq!(shop.book(&[order]), Booking { lines_added: 0, orders_waiting: 1 });
    let (code, message) = shop.waiting(order);
    assert_eq!(code, "rate_missing");
    assert!(message.contains("USD") && message.contains("2026-05-03"), "{message}");
    let params: String = shop.ws.conn().query_row("SELECT waiting_params FROM orders WHERE id = ?1", [order], |r| r.get(0)).unwrap();
    let params: serde_json::Value = serde_json::from_str(&params).unwrap();
    assert_eq!((params["currency"].as_str(), params["date"].as_str()), (Some("USD"), Some("2026-05-03")), "the window words the wait from these");
    let set = crate::commissions::rates_store::set_rate(&mut shop.ws, "2026-05-01", "EUR", "USD", "1.25", crate::numbers::Spelling::Unknown).unwrap();
    assert_eq!(set.booking.lines_added, 1);
    assert_eq!(shop.waiting(order).0, "");
    let cleared: String = shop.ws.conn().query_row("SELECT waiting_params FROM orders WHERE id = ?1", [order], |r| r.get(0)).unwrap();
    assert_eq!(cleared, "{}");
    // USD 100.00 at 1 EUR = 1.25 USD (taken the other way round) = EUR 80.00; 10 % = EUR 8.00.
    assert_eq!(shop.booked(order, sanne), 800);
    let (base, _, _, _, _, fx) = line_detail(&shop, order);
    assert_eq!((base, fx.as_deref()), (8_000, Some("USD")));
    let (units, scale, on, own): (i64, i64, String, i64) = shop
        .ws
        .conn()
        .query_row("SELECT fx_rate_units, fx_rate_scale, fx_on_date, order_base_minor FROM commission_lines WHERE order_id = ?1", [order], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap();
    assert_eq!((units, scale, on.as_str(), own), (125, 2, "2026-05-01", 10_000));
}

#[test]
fn a_tier_waits_while_an_earlier_order_of_the_month_waits_for_its_rate() {
    let (mut shop, sanne) = Shop::with_one_affiliate("tiers:EUR:0=1000,100000=1500");
    let foreign = shop.order("#1001", "2026-05-02T10:00:00Z", 100_000, Some(sanne));
    shop.sql(&format!("UPDATE orders SET currency = 'USD' WHERE id = {foreign}"));
    let later = shop.order("#1002", "2026-05-03T10:00:00Z", 10_000, Some(sanne));
    assert_eq!(shop.book(&[foreign, later]).orders_waiting, 2);
    assert!(shop.waiting(later).1.contains("#1001"), "{}", shop.waiting(later).1);
    crate::commissions::rates_store::set_rate(&mut shop.ws, "2026-05-02", "USD", "EUR", "1", crate::numbers::Spelling::Unknown).unwrap();
    assert_eq!((shop.booked(foreign, sanne), shop.booked(later, sanne)), (15_000, 1_500), "the € 1,000 order reaches the second tier itself");
}

#[test]
fn the_ledger_refuses_to_delete_or_change_a_booked_line() {
    let (mut shop, sanne) = Shop::with_one_affiliate("percent:1000");
    let order = shop.order("#1001", "2026-05-03T10:00:00Z", 10_000, Some(sanne));
    shop.book(&[order]);
    let conn = shop.ws.conn();
    let deleted = conn.execute("DELETE FROM commission_lines WHERE order_id = ?1", [order]).unwrap_err();
    assert!(deleted.to_string().contains("never deleted"), "{deleted}");
    let changed = conn.execute("UPDATE commission_lines SET amount_minor = 1 WHERE order_id = ?1", [order]).unwrap_err();
    assert!(changed.to_string().contains("never changes"), "{changed}");
    // Paid only by the item of a payout run that took it (schema 6), and only once.
    let not_taken = conn.execute("UPDATE commission_lines SET payout_line_id = 1 WHERE order_id = ?1", [order]).unwrap_err();
    assert!(not_taken.to_string().contains("only by the payout run that took it"), "{not_taken}");
    let line: i64 = conn.query_row("SELECT id FROM commission_lines WHERE order_id = ?1", [order], |r| r.get(0)).unwrap();
    crate::payouts::test_support::pay_lines(conn, &[line]);
    let paid_twice = conn.execute("UPDATE commission_lines SET payout_line_id = NULL WHERE order_id = ?1", [order]).unwrap_err();
    assert!(paid_twice.to_string().contains("never paid again"), "{paid_twice}");
    assert_eq!(shop.booked(order, sanne), 1_000);
}

#[test]
fn a_lines_status_reads_the_same_in_rust_and_in_sql() {
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    conn.execute_batch("CREATE TABLE commission_lines (hold_until TEXT, rejected_at TEXT, payout_line_id INTEGER)").unwrap();
    let cases = [("2026-06-02", None, None), ("2026-06-01", None, None), ("2026-06-03", None, None), ("2026-06-01", Some("x"), None), ("2026-06-01", None, Some(3)), ("2026-06-01", Some("x"), Some(3))];
    for (hold, rejected, paid) in cases {
        conn.execute("DELETE FROM commission_lines", []).unwrap();
        conn.execute("INSERT INTO commission_lines VALUES (?1, ?2, ?3)", rusqlite::params![hold, rejected, paid]).unwrap();
        let sql: String = conn.query_row(&format!("SELECT {LINE_STATUS_SQL} FROM commission_lines"), rusqlite::named_params! { ":as_of": "2026-06-02" }, |r| r.get(0)).unwrap();
        assert_eq!(sql, line_status(hold, rejected, paid, "2026-06-02").as_str(), "{hold} {rejected:?} {paid:?}");
    }
    assert_eq!(line_status("2026-06-02", None, None, "2026-06-02"), LineStatus::Approved, "approved on the day the hold ends");
    assert_eq!(line_status("2026-06-03", None, None, "2026-06-02"), LineStatus::Pending);
}

#[test]
fn a_tier_counts_the_creators_month_across_their_collaborations_read_in_either_way() {
    // The same orders booked one by one among many others (read through the batch table) and
    // all at once (read from whole tables) give the same lines.
    let run = |filler: usize, one_by_one: bool| {
        let mut shop = Shop::new();
        let (summer, winter, sanne) = (shop.campaign("Zomer"), shop.campaign("Winter"), shop.creator("Sanne"));
        let (a, b) = (shop.collaboration(summer, sanne), shop.collaboration(winter, sanne));
        shop.rule("workspace", None, "tiers:EUR:0=1000,50000=2000");
        shop.filler(filler);
        let orders = [
            shop.order("#3", "2026-05-20T10:00:00Z", 10_000, Some(a)),
            shop.order("#1", "2026-05-02T10:00:00Z", 30_000, Some(b)),
            shop.order("#2", "2026-05-10T10:00:00Z", 20_000, Some(a)),
        ];
        if one_by_one {
            for o in orders {
                shop.book(&[o]);
            }
        } else {
            shop.book(&orders);
        }
        orders.iter().map(|o| shop.booked(*o, if *o == orders[1] { b } else { a })).collect::<Vec<_>>()
    };
    let expected = vec![2_000, 3_000, 4_000];
    assert_eq!(run(0, false), expected, "#1 € 300 at 10 %, #2 reaches € 500 at 20 %, #3 too");
    assert_eq!(run(60, true), expected);
}

#[test]
fn a_large_booking_builds_the_lines_indexes_and_totals_trigger_again_as_they_were_and_sums_its_lines_into_the_totals() {
    let (mut shop, sanne) = Shop::with_one_affiliate("percent:1000");
    let schema = |shop: &Shop| -> Vec<(String, String)> {
        let mut stmt = shop
            .ws
            .conn()
            .prepare("SELECT name, sql FROM sqlite_schema WHERE tbl_name = 'commission_lines' AND sql IS NOT NULL AND type IN ('index', 'trigger') ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect()
    };
    // The totals as the lines sum them, beside what commission_totals holds.
    let totals = |shop: &Shop| -> (Vec<(String, String, String, i64, i64)>, Vec<(String, String, String, i64, i64)>) {
        let read = |sql: &str| -> Vec<(String, String, String, i64, i64)> {
            let mut stmt = shop.ws.conn().prepare(sql).unwrap();
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))).unwrap().map(Result::unwrap).collect()
        };
        (
            read("SELECT currency, kind, hold_until, sum(amount_minor), count(*) FROM commission_lines GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"),
            read("SELECT currency, kind, hold_until, amount_minor, lines FROM commission_totals WHERE state = 'unpaid' AND lines > 0 ORDER BY 1, 2, 3"),
        )
    };
    let before = schema(&shop);
    let orders = |shop: &mut Shop, from: usize, day: &str| {
        shop.sql(&format!(
            "WITH RECURSIVE n(i) AS (SELECT {from} UNION ALL SELECT i + 1 FROM n WHERE i < {from} + {REBUILD_INDEXES_FROM} - 1)
             INSERT INTO orders (source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, financial_status, attribution, collaboration_id,
                 attribution_reason, imported_at, updated_at)
             SELECT 'shopify', '#' || i, '{day}T10:00:00Z', '{day}T10:00:00Z', '{day}', 'EUR', 1000 + i, 'paid', 'attributed', {sanne}, 'code', 'now', 'now' FROM n"
        ));
    };
    orders(&mut shop, 1, "2026-05-03");
    let ids: Vec<i64> = (1..=REBUILD_INDEXES_FROM as i64).collect();
    assert_eq!(shop.book(&ids).lines_added, REBUILD_INDEXES_FROM as u64);
    assert_eq!(schema(&shop), before);
    let total: i64 = shop.ws.conn().query_row("SELECT sum(amount_minor) FROM commission_lines INDEXED BY commission_lines_by_collaboration WHERE collaboration_id = ?1 AND rejected_at IS NULL", [sanne], |r| r.get(0)).unwrap();
    let expected: i64 = (1..=REBUILD_INDEXES_FROM as i64).map(|i| crate::commissions::rounding::apply_rate(1000 + i, 1000).unwrap()).sum();
    assert_eq!(total, expected);
    let (from_lines, kept) = totals(&shop);
    assert_eq!(kept, from_lines);
    assert_eq!(shop.book(&ids).lines_added, 0);

    // A second large booking adds to the totals already there (the same hold day) and to new ones.
    let second = REBUILD_INDEXES_FROM + 1;
    orders(&mut shop, second, "2026-05-03");
    let later: Vec<i64> = (second as i64..second as i64 + REBUILD_INDEXES_FROM as i64).collect();
    assert_eq!(shop.book(&later).lines_added, REBUILD_INDEXES_FROM as u64);
    assert_eq!(schema(&shop), before);
    let (from_lines, kept) = totals(&shop);
    assert_eq!(kept, from_lines);
    assert_eq!(kept.iter().map(|t| t.4).sum::<i64>(), 2 * REBUILD_INDEXES_FROM as i64);
    // And the trigger keeps them again for a small booking.
    let third = 2 * REBUILD_INDEXES_FROM + 1;
    shop.sql(&format!(
        "INSERT INTO orders (source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, financial_status, attribution, collaboration_id,
             attribution_reason, imported_at, updated_at)
         VALUES ('shopify', '#{third}', '2026-05-20T10:00:00Z', '2026-05-20T10:00:00Z', '2026-05-20', 'EUR', 5000, 'paid', 'attributed', {sanne}, 'code', 'now', 'now')"
    ));
    assert_eq!(shop.book(&[third as i64]).lines_added, 1);
    let (from_lines, kept) = totals(&shop);
    assert_eq!(kept, from_lines);
}

/// Left to guess, SQLite walked the expansion from the orders' indexes and probed the batch for
/// each: booking one order (a rejection) read every order of the workspace.
#[test]
fn a_small_booking_reads_from_its_batch_through_the_indexes_not_every_order() {
    let shop = Shop::new();
    let conn = shop.ws.conn();
    conn.execute_batch("CREATE TEMP TABLE IF NOT EXISTS ledger_batch (order_id INTEGER PRIMARY KEY)").unwrap();
    for sql in [super::working_set::EXPAND_BY_CUSTOMER, super::working_set::EXPAND_BY_MONTH] {
        let plan: Vec<String> = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap().query_map([], |r| r.get(3)).unwrap().map(Result::unwrap).collect();
        let scans: Vec<&String> = plan.iter().filter(|step| step.starts_with("SCAN") && !matches!(step.as_str(), "SCAN b" | "SCAN m")).collect();
        assert!(scans.is_empty(), "{plan:#?}");
    }
}
