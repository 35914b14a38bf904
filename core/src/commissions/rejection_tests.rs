//! Rejecting a commission: the lines stay with the reason, a paid one is clawed back, the
//! refusals say why, the audit log has the person's reason.

use super::*;
use crate::commissions::ledger::tests::Shop;

struct Fixture {
    ws: Workspace,
    sanne: i64,
    order: i64,
}

/// Sanne's collaboration under a tiered rule (10 %, 20 % from € 200 in the month) with
/// `orders` orders of € 150 on the first days of May, booked.
fn fixture(orders: usize) -> Fixture {
    let (mut shop, sanne) = Shop::with_one_affiliate("tiers:EUR:0=1000,20000=2000");
    let ids: Vec<i64> = (0..orders).map(|i| shop.order(&format!("#{}", 1001 + i), &format!("2026-05-{:02}T10:00:00Z", 1 + i), 15_000, Some(sanne))).collect();
    shop.book(&ids);
    Fixture { ws: shop.ws, sanne, order: ids[0] }
}

fn lines(ws: &Workspace, order: i64) -> Vec<(String, String, i64, Option<String>)> {
    let mut stmt = ws.conn().prepare("SELECT kind, reason, amount_minor, rejected_reason FROM commission_lines WHERE order_id = ?1 ORDER BY id").unwrap();
    stmt.query_map([order], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).unwrap().map(Result::unwrap).collect()
}

#[test]
fn a_rejected_commission_keeps_its_lines_marked_with_the_reason_and_earns_nothing() {
    let mut f = fixture(1);
    let booking = reject_commission(&mut f.ws, f.order, f.sanne, "  staff order ").unwrap();
    assert_eq!(booking.lines_added, 0, "the unpaid line is rejected itself: nothing to book");
    assert_eq!(lines(&f.ws, f.order), vec![("commission".into(), "order".into(), 1_500, Some("staff order".into()))]);
    let audit: String = f.ws.conn().query_row("SELECT detail FROM audit_log WHERE action = 'reject_commission'", [], |r| r.get(0)).unwrap();
    assert_eq!(audit, "#1001, Sanne: staff order");
}

#[test]
fn rejecting_a_paid_commission_books_a_clawback() {
    let mut f = fixture(1);
    let all: Vec<i64> = f.ws.conn().prepare("SELECT id FROM commission_lines").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    crate::payouts::test_support::pay_lines(f.ws.conn(), &all);
    reject_commission(&mut f.ws, f.order, f.sanne, "fraud").unwrap();
    let all = lines(&f.ws, f.order);
    assert_eq!(all[1], ("clawback".into(), "rejected".into(), -1_500, None));
}

#[test]
fn a_rejected_order_leaves_the_creators_month_and_later_tiers_follow() {
    // Two orders of € 150: the second reaches € 300, past the € 200 bound (20 %).
    let mut f = fixture(2);
    assert_eq!(lines(&f.ws, 2)[0].2, 3_000);
    reject_commission(&mut f.ws, f.order, f.sanne, "test order").unwrap();
    let second = lines(&f.ws, 2);
    assert_eq!(second[1], ("adjustment".into(), "tier_changed".into(), -1_500, None), "alone in the month it is at 10 %");
}

#[test]
fn a_rejection_is_refused_without_a_reason_twice_or_without_lines() {
    let mut f = fixture(1);
    let refused = |e: Error| match e {
        Error::Validation(fields) => fields[0].code,
        other => panic!("{other:?}"),
    };
    assert_eq!(refused(reject_commission(&mut f.ws, f.order, f.sanne, "   ").unwrap_err()), "reason_required");
    reject_commission(&mut f.ws, f.order, f.sanne, "fraud").unwrap();
    assert_eq!(refused(reject_commission(&mut f.ws, f.order, f.sanne, "again").unwrap_err()), "already_rejected");
    f.ws.conn()
        .execute_batch(
            "INSERT INTO orders (source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, financial_status, imported_at, updated_at)
             VALUES ('shopify', '#2001', '2026-05-09T10:00:00Z', '2026-05-09T10:00:00Z', '2026-05-09', 'EUR', 100, 'paid', 'now', 'now')",
        )
        .unwrap();
    let unattributed = f.ws.conn().last_insert_rowid();
    assert_eq!(refused(reject_commission(&mut f.ws, unattributed, f.sanne, "fraud").unwrap_err()), "no_commission_to_reject");
    assert!(matches!(reject_commission(&mut f.ws, 999, f.sanne, "fraud"), Err(Error::NotFound { what: "order", .. })));
    assert!(matches!(reject_commission(&mut f.ws, f.order, 999, "fraud"), Err(Error::NotFound { what: "collaboration", .. })));
    let audits: i64 = f.ws.conn().query_row("SELECT count(*) FROM audit_log WHERE action = 'reject_commission'", [], |r| r.get(0)).unwrap();
    assert_eq!(audits, 1, "a refused rejection leaves nothing behind");
}
