//! Tests of the commission rules kept in the workspace.

use super::*;
use crate::campaigns::collaboration::tests::gifted;

fn audit_details(ws: &Workspace) -> Vec<String> {
    let mut stmt = ws.conn().prepare("SELECT action || ': ' || detail FROM audit_log WHERE entity = 'commission_rule' ORDER BY id").unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
}

#[test]
fn a_rule_as_people_write_it_is_stored_with_its_words_and_audited_with_old_and_new() {
    let (mut ws, l) = gifted();
    let owner = RuleOwner::Collaboration(l.id);
    let set = set_rule(&mut ws, owner, " 10 % ", Spelling::Unknown, "agreed by mail").unwrap();
    assert_eq!((set.machine_text.as_str(), set.as_written.as_str(), set.description.as_str()), ("percent:1000", "10 %", "10% of the base"));
    let set = set_rule(&mut ws, owner, "€ 5,00 per order", Spelling::Unknown, "").unwrap();
    assert_eq!(set.machine_text, "flat:EUR:500");
    assert_eq!(rule_of(ws.conn(), owner).unwrap().unwrap(), set);
    assert_eq!(
        audit_details(&ws),
        [
            "set: Anna de Vries in Summer 2026: commission none → 10% of the base (written “10 %”); reason: agreed by mail",
            "set: Anna de Vries in Summer 2026: commission 10% of the base → EUR 5.00 per order (written “€ 5,00 per order”)",
        ]
    );
}

#[test]
fn setting_the_same_rule_again_writes_nothing() {
    let (mut ws, l) = gifted();
    let owner = RuleOwner::Collaboration(l.id);
    let first = set_rule(&mut ws, owner, "12,5%", Spelling::Unknown, "").unwrap();
    let again = set_rule(&mut ws, owner, "12,5%", Spelling::Unknown, "").unwrap();
    assert_eq!(first, again, "not even its time changes");
    assert_eq!(audit_details(&ws).len(), 1);
}

#[test]
fn each_level_keeps_its_own_rule_and_the_workspace_default_has_no_owner() {
    let (mut ws, l) = gifted();
    set_rule(&mut ws, RuleOwner::Workspace, "5%", Spelling::Unknown, "").unwrap();
    set_rule(&mut ws, RuleOwner::Campaign(l.campaign_id), "7%", Spelling::Unknown, "").unwrap();
    set_rule(&mut ws, RuleOwner::Creator(l.creator_id), "8%", Spelling::Unknown, "").unwrap();
    set_rule(&mut ws, RuleOwner::Collaboration(l.id), "9%", Spelling::Unknown, "").unwrap();
    let text = |o| rule_of(ws.conn(), o).unwrap().unwrap().machine_text;
    assert_eq!(
        [text(RuleOwner::Workspace), text(RuleOwner::Campaign(l.campaign_id)), text(RuleOwner::Creator(l.creator_id)), text(RuleOwner::Collaboration(l.id))],
        ["percent:500", "percent:700", "percent:800", "percent:900"]
    );
    let stored: i64 = ws.conn().query_row("SELECT count(*) FROM commission_rules", [], |r| r.get(0)).unwrap();
    assert_eq!(stored, 4);
}

#[test]
fn an_unreadable_rule_or_another_currency_is_refused_and_nothing_is_written() {
    let (mut ws, l) = gifted();
    let owner = RuleOwner::Collaboration(l.id);
    for (text, code) in [("5", "rule_needs_unit"), ("heel veel", "rule_unreadable"), ("$5 per order", "currency_mismatch"), ("120%", "percent_over_100")] {
        let Err(Error::Validation(e)) = set_rule(&mut ws, owner, text, Spelling::Unknown, "") else { panic!("{text} must be refused") };
        assert_eq!((e[0].field.as_str(), e[0].code), ("rule", code), "{text}");
    }
    assert_eq!(rule_of(ws.conn(), owner).unwrap(), None);
    assert!(audit_details(&ws).is_empty());
    assert_eq!(set_rule(&mut ws, RuleOwner::Creator(9_999), "5%", Spelling::Unknown, "").unwrap_err().kind(), "not_found");
}

#[test]
fn clearing_a_rule_lets_the_next_level_apply_and_is_audited_once() {
    let (mut ws, l) = gifted();
    let owner = RuleOwner::Campaign(l.campaign_id);
    set_rule(&mut ws, owner, "10%", Spelling::Unknown, "").unwrap();
    assert!(clear_rule(&mut ws, owner, "the campaign ended").unwrap());
    assert!(!clear_rule(&mut ws, owner, "").unwrap(), "nothing left to clear");
    assert_eq!(rule_of(ws.conn(), owner).unwrap(), None);
    assert_eq!(audit_details(&ws)[1], "clear: campaign Summer 2026: commission 10% of the base → none; reason: the campaign ended");
}

#[test]
fn orders_that_waited_for_a_rule_are_booked_when_their_collaboration_gets_one() {
    use crate::sales::order_import::{import_orders, OrderImportOptions};
    use crate::sales::test_world::{shopify_csv, ShopOrder, World};
    let mut w = World::new();
    let campaign = w.campaign("Zomer", "zomer25", None, None);
    let sanne = w.collaboration(campaign, w.creator("Sanne", "sanne"), "SANNE10", None, None);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("orders.csv");
    std::fs::write(&path, shopify_csv(&[ShopOrder::new("#1", "2025-05-11", "SANNE10")])).unwrap();
    let report = import_orders(&mut w.ws, &path, &OrderImportOptions::default()).unwrap();
    assert_eq!(report.booking.lines_added, 0, "no rule anywhere: nothing is owed yet");
    assert_eq!(w.one::<String>("SELECT waiting_code FROM orders"), "no_rule");
    set_rule(&mut w.ws, RuleOwner::Collaboration(sanne), "10%", Spelling::Unknown, "agreed").unwrap();
    assert_eq!(w.one::<String>("SELECT waiting_code FROM orders"), "", "the order no longer waits");
    let (lines, rule): (i64, String) = w.ws.conn().query_row("SELECT count(*), max(rule) FROM commission_lines", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!((lines, rule.as_str()), (1, "percent:1000"));
}
