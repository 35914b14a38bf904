//! The attribution rule, reason by reason, on collaborations written as the affiliate import
//! writes them; and deciding again after a collaboration or its codes change.

use super::*;
use crate::sales::test_world::World;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Decides an order of `on` (noon UTC) with `codes` and an optional link.
fn decide(w: &World, codes: &[&str], on: &str, link: Option<(&str, &str)>) -> Decision {
    let keys = keys_of(&codes.iter().map(|c| c.to_string()).collect::<Vec<_>>());
    let utc = format!("{on}T12:00:00Z");
    let facts = OrderFacts { code_keys: &keys, placed_on: day(on), placed_at_utc: &utc, utm_campaign: link.map(|l| l.0), utm_content: link.map(|l| l.1) };
    Attributor::load(w.ws.conn()).unwrap().decide(&facts)
}

/// Sanne holds SANNEGROEN10 in the summer campaign (May–June 2025); Lotte holds LOTTE15.
fn summer() -> (World, i64, i64) {
    let w = World::new();
    let (sanne, lotte) = (w.creator("Sanne Groen", "SanneGroen"), w.creator("Lotte", "lotte.bakes"));
    let campaign = w.campaign("Zomer", "zomer25", Some("2025-05-01"), Some("2025-06-30"));
    let a = w.collaboration(campaign, sanne, "SANNEGROEN10", Some("2025-05-01"), Some("2025-06-30"));
    let b = w.collaboration(campaign, lotte, "LOTTE15", Some("2025-05-01"), Some("2025-06-30"));
    (w, a, b)
}

#[test]
fn a_code_in_its_window_attributes_the_order_ignoring_case_and_spaces() {
    let (w, sanne, _) = summer();
    assert_eq!(decide(&w, &["  sannegroen10 "], "2025-05-11", None), Decision { state: State::Attributed, collaboration_id: Some(sanne), reason: Reason::Code });
}

#[test]
fn a_code_counts_through_the_grace_days_after_the_end_and_not_a_day_more() {
    let (w, sanne, _) = summer();
    assert_eq!(decide(&w, &["SANNEGROEN10"], "2025-07-30", None).collaboration_id, Some(sanne), "30 days after the end: still counts");
    assert_eq!(decide(&w, &["SANNEGROEN10"], "2025-07-31", None), Decision::unattributed(Reason::Expired));
    w.sql("UPDATE workspace_settings SET attribution_grace_days = 0");
    assert_eq!(decide(&w, &["SANNEGROEN10"], "2025-06-30", None).state, State::Attributed, "the last day itself counts");
    assert_eq!(decide(&w, &["SANNEGROEN10"], "2025-07-01", None).reason, Reason::Expired);
}

#[test]
fn a_code_before_its_collaboration_starts_has_not_started() {
    let (w, _, _) = summer();
    assert_eq!(decide(&w, &["SANNEGROEN10"], "2025-04-30", None), Decision::unattributed(Reason::NotStarted));
}

#[test]
fn a_collaboration_cancelled_before_the_order_earns_nothing_but_one_cancelled_after_it_does() {
    let (w, sanne, _) = summer();
    w.sql(&format!("UPDATE collaborations SET status = 'cancelled', updated_at = '2025-05-20T08:00:00Z' WHERE id = {sanne}"));
    assert_eq!(w.one::<String>(&format!("SELECT cancelled_at FROM collaborations WHERE id = {sanne}")), "2025-05-20T08:00:00Z");
    assert_eq!(decide(&w, &["SANNEGROEN10"], "2025-05-19", None).collaboration_id, Some(sanne), "whatever its status today");
    assert_eq!(decide(&w, &["SANNEGROEN10"], "2025-05-21", None), Decision::unattributed(Reason::CancelledCollaboration));
}

#[test]
fn codes_of_two_creators_go_to_the_review_queue() {
    let (w, _, _) = summer();
    assert_eq!(decide(&w, &["SANNEGROEN10", "lotte15"], "2025-05-11", None), Decision { state: State::Review, collaboration_id: None, reason: Reason::TwoCreators });
}

#[test]
fn an_order_without_a_code_or_with_codes_nobody_holds_says_so() {
    let (w, _, _) = summer();
    assert_eq!(decide(&w, &[], "2025-05-11", None), Decision::unattributed(Reason::NoCode));
    assert_eq!(decide(&w, &["WELCOME5"], "2025-05-11", None), Decision::unattributed(Reason::UnknownCode));
}

#[test]
fn a_link_attributes_an_order_without_a_creators_code_in_the_same_window() {
    let (w, sanne, _) = summer();
    assert_eq!(decide(&w, &[], "2025-05-11", Some(("ZOMER25", "sannegroen"))), Decision::attributed(sanne, Reason::Link));
    assert_eq!(decide(&w, &["WELCOME5"], "2025-05-11", Some(("zomer25", "@SanneGroen"))).reason, Reason::Link, "a shop's own code does not stop a link");
    assert_eq!(decide(&w, &[], "2025-09-01", Some(("zomer25", "sannegroen"))), Decision::unattributed(Reason::Expired));
    assert_eq!(decide(&w, &[], "2025-05-11", Some(("winter", "sannegroen"))).reason, Reason::NoCode, "another campaign's value");
}

#[test]
fn a_code_beats_a_link() {
    let (w, _, lotte) = summer();
    assert_eq!(decide(&w, &["LOTTE15"], "2025-05-11", Some(("zomer25", "sannegroen"))), Decision::attributed(lotte, Reason::Code));
}

#[test]
fn a_collaboration_without_dates_takes_its_campaigns() {
    let w = World::new();
    let anna = w.creator("Anna", "anna");
    let campaign = w.campaign("Herfst", "herfst", Some("2025-09-01"), Some("2025-09-30"));
    let a = w.collaboration(campaign, anna, "ANNA10", None, None);
    assert_eq!(decide(&w, &["ANNA10"], "2025-08-31", None).reason, Reason::NotStarted);
    assert_eq!(decide(&w, &["ANNA10"], "2025-09-15", None).collaboration_id, Some(a));
    let open = w.campaign("Altijd", "", None, None);
    let b = w.collaboration(open, w.creator("Bo", "bo"), "BO5", None, None);
    assert_eq!(decide(&w, &["BO5"], "2031-01-01", None).collaboration_id, Some(b), "no dates anywhere: always");
}

/// Stores an order of `on` carrying `codes`, as the import would, decided by the rule.
fn stored_order(w: &World, number: &str, on: &str, codes: &[&str]) -> i64 {
    let c = w.ws.conn();
    c.execute(
        "INSERT INTO orders (source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, financial_status, imported_at, updated_at)
         VALUES ('shopify', ?1, ?2 || 'T12:00:00+00:00', ?2 || 'T12:00:00Z', ?2, 'EUR', 5000, 'paid', 't0', 't0')",
        rusqlite::params![number, on],
    )
    .unwrap();
    let id = c.last_insert_rowid();
    for (i, code) in codes.iter().enumerate() {
        c.execute("INSERT INTO order_codes VALUES (?1, ?2, ?3, ?4)", rusqlite::params![id, i as i64 + 1, code, crate::sales::codes::code_key(code)]).unwrap();
    }
    let keys = keys_of(&codes.iter().map(|c| c.to_string()).collect::<Vec<_>>());
    let utc = format!("{on}T12:00:00Z");
    let d = Attributor::load(c).unwrap().decide(&OrderFacts { code_keys: &keys, placed_on: day(on), placed_at_utc: &utc, utm_campaign: None, utm_content: None });
    write_decision(c, id, &d, "t0").unwrap();
    id
}

fn state_of(w: &World, id: i64) -> (String, Option<i64>, String) {
    w.ws.conn().query_row("SELECT attribution, collaboration_id, attribution_reason FROM orders WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap()
}

#[test]
fn a_collaboration_whose_end_moves_decides_its_orders_again_and_returns_those_that_moved() {
    let (w, sanne, _) = summer();
    let late = stored_order(&w, "#1", "2025-07-15", &["SANNEGROEN10"]);
    let early = stored_order(&w, "#2", "2025-05-15", &["SANNEGROEN10"]);
    assert_eq!(state_of(&w, late).0, "attributed");
    w.sql(&format!("UPDATE collaborations SET ends_on = '2025-05-31' WHERE id = {sanne}"));
    assert_eq!(reattribute_collaboration(w.ws.conn(), sanne, "t1").unwrap(), vec![late]);
    assert_eq!(state_of(&w, late), ("unattributed".into(), None, "expired".into()));
    assert_eq!(state_of(&w, early).0, "attributed");
    assert_eq!(w.one::<String>(&format!("SELECT updated_at FROM orders WHERE id = {early}")), "t0", "an order that did not move is not written");
    assert_eq!(reattribute_collaboration(w.ws.conn(), sanne, "t2").unwrap(), Vec::<i64>::new(), "deciding again changes nothing");
}

#[test]
fn a_code_given_later_attributes_the_orders_that_carried_it() {
    let (w, _, _) = summer();
    let order = stored_order(&w, "#3", "2025-05-15", &["NIEUW20"]);
    assert_eq!(state_of(&w, order).2, "unknown_code");
    let bo = w.creator("Bo", "bo");
    let campaign: i64 = w.one("SELECT id FROM campaigns");
    let collab = w.collaboration(campaign, bo, "Nieuw20", None, None);
    assert_eq!(reattribute_orders_with_codes(w.ws.conn(), &["NIEUW20".into()], "t1").unwrap(), vec![order]);
    assert_eq!(state_of(&w, order), ("attributed".into(), Some(collab), "code".into()));
}

#[test]
fn a_persons_decision_is_never_changed_by_deciding_again() {
    let (w, sanne, _) = summer();
    let order = stored_order(&w, "#4", "2025-05-15", &["SANNEGROEN10"]);
    w.sql(&format!("UPDATE orders SET attribution = 'unattributed', collaboration_id = NULL, attribution_reason = 'manual', attribution_manual = 1 WHERE id = {order}"));
    assert!(reattribute_collaboration(w.ws.conn(), sanne, "t1").unwrap().is_empty());
    assert!(reattribute_orders_with_codes(w.ws.conn(), &["SANNEGROEN10".into()], "t1").unwrap().is_empty());
    assert_eq!(state_of(&w, order), ("unattributed".into(), None, "manual".into()));
}

#[test]
fn the_queries_that_find_orders_to_decide_again_use_indexes() {
    let (w, _, _) = summer();
    for sql in [
        "SELECT order_id FROM order_codes WHERE code_key = 'X'",
        "SELECT id FROM orders WHERE collaboration_id = 1",
        "SELECT id FROM orders WHERE utm_campaign = 'zomer25' COLLATE NOCASE",
    ] {
        let plan: Vec<String> = w.ws.conn().prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap().query_map([], |r| r.get(3)).unwrap().map(Result::unwrap).collect();
        assert!(plan.iter().any(|p| p.contains("USING INDEX") || p.contains("USING COVERING INDEX")), "{sql}: {plan:?}");
    }
}

#[test]
fn a_longer_grace_window_decided_again_brings_back_an_expired_order() {
    let (w, sanne, _) = summer();
    let order = stored_order(&w, "#5", "2025-08-15", &["SANNEGROEN10"]);
    assert_eq!(state_of(&w, order).2, "expired");
    w.sql("UPDATE workspace_settings SET attribution_grace_days = 60");
    assert_eq!(reattribute_all(w.ws.conn(), "t1").unwrap(), vec![order]);
    assert_eq!(state_of(&w, order), ("attributed".into(), Some(sanne), "code".into()));
}

#[test]
fn cancelling_a_collaboration_in_the_window_takes_its_later_orders_from_it() {
    let (mut w, sanne, _) = summer();
    let after = stored_order(&w, "#6", "2099-05-15", &["SANNEGROEN10"]);
    // Open-ended: no end on the collaboration, nor on its campaign (whose dates it would take).
    w.sql(&format!("UPDATE collaborations SET ends_on = NULL WHERE id = {sanne}; UPDATE campaigns SET ends_on = NULL"));
    crate::sales::attribution::reattribute_collaboration(w.ws.conn(), sanne, "t").unwrap();
    assert_eq!(state_of(&w, after).0, "attributed");
    let c = crate::campaigns::collaboration::get(&w.ws, sanne).unwrap();
    let mut draft = c.draft.clone();
    draft.status = "cancelled".into();
    crate::campaigns::collaboration::update(&mut w.ws, sanne, c.revision, &draft).unwrap();
    assert_eq!(state_of(&w, after), ("unattributed".into(), None, "cancelled_collaboration".into()));
}

#[test]
fn a_longer_grace_window_in_the_settings_brings_an_expired_order_back_and_books_it() {
    let (w, sanne, _) = summer();
    let mut w = w.with_default_rule();
    let late = stored_order(&w, "#7", "2025-08-10", &["SANNEGROEN10"]); // 41 days after the end
    assert_eq!(state_of(&w, late), ("unattributed".into(), None, "expired".into()));
    let settings = w.ws.settings().unwrap();
    let mut rules = crate::workspace::settings::load_sales_rules(w.ws.conn()).unwrap();
    rules.attribution_grace_days = 60;
    w.ws.save_settings(&settings, Some(&rules), None, Vec::new()).unwrap();
    assert_eq!(state_of(&w, late), ("attributed".into(), Some(sanne), "code".into()));
    assert_eq!(w.one::<i64>(&format!("SELECT sum(amount_minor) FROM commission_lines WHERE order_id = {late}")), 500, "10 % of 50,00");
    rules.attribution_grace_days = 30;
    w.ws.save_settings(&settings, Some(&rules), None, Vec::new()).unwrap();
    assert_eq!(state_of(&w, late).0, "unattributed");
    assert_eq!(w.one::<i64>(&format!("SELECT sum(amount_minor) FROM commission_lines WHERE order_id = {late}")), 0, "reversed by a new line, never deleted");
    assert_eq!(w.one::<i64>(&format!("SELECT count(*) FROM commission_lines WHERE order_id = {late}")), 2);
}

#[test]
fn a_campaign_whose_end_moves_decides_again_the_orders_of_its_collaborations_without_dates() {
    let w = World::new().with_default_rule();
    let campaign = w.campaign("Zomer", "zomer25", Some("2025-05-01"), Some("2025-06-30"));
    let sanne = w.collaboration(campaign, w.creator("Sanne Groen", "SanneGroen"), "SANNEGROEN10", None, None);
    let mut w = w;
    let late = stored_order(&w, "#8", "2025-09-15", &["SANNEGROEN10"]);
    assert_eq!(state_of(&w, late).2, "expired");
    let c = crate::campaigns::campaign::get(&w.ws, campaign).unwrap();
    let mut draft = c.draft.clone();
    draft.ends_on = "2025-08-31".into();
    crate::campaigns::campaign::update(&mut w.ws, campaign, c.revision, &draft).unwrap();
    assert_eq!(state_of(&w, late), ("attributed".into(), Some(sanne), "code".into()));
    assert!(w.one::<i64>(&format!("SELECT count(*) FROM commission_lines WHERE order_id = {late}")) == 1, "booked in the same change");
}
