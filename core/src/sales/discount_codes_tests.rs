//! Tests of the discount codes in the workspace and the codes CSV.

use super::*;
use crate::sales::test_support::{creator, join, member, order_with_code, summer, workspace};

fn audit_lines(ws: &Workspace) -> Vec<String> {
    let mut stmt = ws.conn().prepare("SELECT detail FROM audit_log WHERE action = 'discount_code' ORDER BY id").unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
}

#[test]
fn a_code_from_the_pattern_uses_the_handle_and_the_customers_discount() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let sanne = creator(&mut ws, "Sanne Groen", &[("tiktok", "sanne.tok", "900"), ("instagram", "sanne.groen", "12000")]);
    let l = join(&mut ws, campaign, sanne, "affiliate");
    let out = set_discount_code(&mut ws, l, &CodeChoice::Pattern, Some(1000)).unwrap();
    assert_eq!((out.code.code.as_str(), out.changed), ("SANNEGROEN10", true), "the main handle: the largest audience");
    assert_eq!(discount_code_of(ws.conn(), l).unwrap(), out.code);
    let key: String = ws.conn().query_row("SELECT discount_code_key FROM collaborations WHERE id = ?1", [l], |r| r.get(0)).unwrap();
    assert_eq!(key, "SANNEGROEN10");
    assert_eq!(audit_lines(&ws), ["Sanne Groen in Summer 2026: code none → SANNEGROEN10, customer discount none → 10%"]);
}

#[test]
fn a_typed_code_is_tidied_and_setting_it_again_writes_nothing() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let l = member(&mut ws, campaign, "hybrid", "Bo", &[("instagram", "bo", "1")]);
    assert_eq!(set_discount_code(&mut ws, l, &CodeChoice::Typed(" bo-zomer ".into()), None).unwrap().code.code, "BO-ZOMER");
    let again = set_discount_code(&mut ws, l, &CodeChoice::Typed("BO-ZOMER".into()), None).unwrap();
    assert!(!again.changed);
    assert_eq!(audit_lines(&ws).len(), 1);
    let Err(Error::Validation(e)) = set_discount_code(&mut ws, l, &CodeChoice::Typed("bo zomer!".into()), None) else { panic!("a space") };
    assert_eq!(e[0].code, "not_allowed_in_code");
}

#[test]
fn a_code_another_collaboration_holds_is_refused_naming_the_holder_in_any_case() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let anna = member(&mut ws, campaign, "affiliate", "Anna", &[("instagram", "anna", "1")]);
    let bo = member(&mut ws, campaign, "affiliate", "Bo", &[("instagram", "bo", "1")]);
    set_discount_code(&mut ws, anna, &CodeChoice::Typed("ZOMER10".into()), None).unwrap();
    let Err(Error::Validation(e)) = set_discount_code(&mut ws, bo, &CodeChoice::Typed("zomer10".into()), None) else { panic!("taken") };
    assert_eq!((e[0].code, e[0].value.as_deref()), ("code_taken", Some("ZOMER10")));
    assert_eq!(e[0].message, "The discount code ZOMER10 is already used by Anna in Summer 2026; choose another code.");
    assert_eq!(discount_code_of(ws.conn(), bo).unwrap().code, "", "never renamed, nothing written");
    set_discount_code(&mut ws, anna, &CodeChoice::Typed("Zomer10".into()), None).unwrap();
    assert_eq!(discount_code_of(ws.conn(), anna).unwrap().code, "ZOMER10", "a collaboration keeps its own code");
}

#[test]
fn only_affiliate_and_hybrid_collaborations_get_a_code() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let gifted = member(&mut ws, campaign, "gifted", "Cor", &[("instagram", "cor", "1")]);
    let Err(Error::Validation(e)) = set_discount_code(&mut ws, gifted, &CodeChoice::Pattern, Some(1000)) else { panic!("gifted") };
    assert_eq!((e[0].code, e[0].value.as_deref()), ("code_needs_affiliate", Some("gifted")));
    assert!(!set_discount_code(&mut ws, gifted, &CodeChoice::None, None).unwrap().changed, "none is always allowed");
    assert_eq!(set_discount_code(&mut ws, 9_999, &CodeChoice::None, None).unwrap_err().kind(), "not_found");
}

#[test]
fn a_discount_over_100_percent_or_a_pattern_without_a_percentage_is_refused() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let l = member(&mut ws, campaign, "affiliate", "Dex", &[("instagram", "dex", "1")]);
    let Err(Error::Validation(e)) = set_discount_code(&mut ws, l, &CodeChoice::Pattern, Some(12_000)) else { panic!("120%") };
    assert_eq!((e[0].field.as_str(), e[0].code), ("customer_discount", "discount_over_100"));
    let Err(Error::Validation(e)) = set_discount_code(&mut ws, l, &CodeChoice::Pattern, None) else { panic!("{{PERCENT}} without one") };
    assert_eq!(e[0].code, "percent_missing");
}

#[test]
fn without_orders_carrying_the_codes_a_code_change_attributes_nothing_again() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let l = member(&mut ws, campaign, "affiliate", "Eva", &[("instagram", "eva", "1")]);
    order_with_code(&ws, "#1001", "SOMEONEELSE");
    let out = set_discount_code(&mut ws, l, &CodeChoice::Typed("EVA10".into()), None).unwrap();
    assert_eq!((out.orders_reattributed, out.booking.lines_added), (0, 0));
}

#[test]
fn an_order_carrying_a_new_code_is_attributed_to_its_collaboration_in_the_same_change() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let l = member(&mut ws, campaign, "affiliate", "Eva", &[("instagram", "eva", "1")]);
    let order = order_with_code(&ws, "#1001", " eva10 ");
    let out = set_discount_code(&mut ws, l, &CodeChoice::Typed("EVA10".into()), None).unwrap();
    assert_eq!(out.orders_reattributed, 1);
    let held: Option<i64> = ws.conn().query_row("SELECT collaboration_id FROM orders WHERE id = ?1", [order], |r| r.get(0)).unwrap();
    assert_eq!(held, Some(l));
    set_discount_code(&mut ws, l, &CodeChoice::None, None).unwrap();
    let held: Option<i64> = ws.conn().query_row("SELECT collaboration_id FROM orders WHERE id = ?1", [order], |r| r.get(0)).unwrap();
    assert_eq!(held, None, "the code taken away: the order is no longer theirs");
}

#[test]
fn the_codes_csv_for_the_shop_lists_each_code_with_its_creator_and_rule() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let anna = member(&mut ws, campaign, "affiliate", "Anna", &[("instagram", "anna.zon", "1")]);
    let bo = member(&mut ws, campaign, "affiliate", "Bo", &[("tiktok", "bo", "1")]);
    member(&mut ws, campaign, "affiliate", "Cor", &[("tiktok", "cor", "1")]);
    set_discount_code(&mut ws, anna, &CodeChoice::Pattern, Some(1250)).map(|_| ()).unwrap_err(); // 12.5% is no whole percent
    set_discount_code(&mut ws, anna, &CodeChoice::Typed("ANNA15".into()), Some(1250)).unwrap();
    set_discount_code(&mut ws, bo, &CodeChoice::Typed("BO10".into()), None).unwrap();
    crate::commissions::rules_store::set_rule(&mut ws, crate::commissions::rules_store::RuleOwner::Collaboration(bo), "€ 5,00 per order", crate::numbers::Spelling::Unknown, "").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("codes.csv");
    assert_eq!(export_codes(ws.conn(), Some(campaign), Dialect::ExcelNl, &path).unwrap(), 2);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text, "\u{feff}Code;Creator;Campagne;Procent;Regel\r\nANNA15;Anna (@anna.zon);Summer 2026;12,5;\r\nBO10;Bo (@bo);Summer 2026;;€ 5,00 per order\r\n");
    assert_eq!(export_codes(ws.conn(), None, Dialect::Plain, &path).unwrap(), 2, "all campaigns");
}

#[test]
fn the_panel_s_code_form_reads_the_discount_as_typed_and_names_its_field() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let id = member(&mut ws, campaign, "affiliate", "Sanne", &[("instagram", "sanne", "1")]);
    let out = set_discount_code_as_typed(&mut ws, id, "typed", " sanne-12 ", "12,5", crate::numbers::Spelling::Dutch).unwrap();
    assert_eq!((out.code.code.as_str(), out.code.customer_discount_bp), ("SANNE-12", Some(1250)));
    let Err(Error::Validation(e)) = set_discount_code_as_typed(&mut ws, id, "typed", "SANNE12", "veel", crate::numbers::Spelling::Dutch) else { panic!("refused") };
    assert_eq!(e[0].field, "discount");
    let out = set_discount_code_as_typed(&mut ws, id, "none", "", "", crate::numbers::Spelling::Dutch).unwrap();
    assert_eq!(out.code.code, "");
}
