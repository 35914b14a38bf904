//! Tests of a campaign's links and codes and the QR files.

use super::*;
use crate::sales::test_support::{creator, join, member, summer, workspace};

#[test]
fn each_collaboration_gets_the_landing_page_with_its_platform_and_handle() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let sanne = creator(&mut ws, "Sanne Groen", &[("tiktok", "Sanne.Tok", "900"), ("instagram", "Sanne.Groen", "12000")]);
    let l = join(&mut ws, campaign, sanne, "affiliate");
    let links = campaign_links(ws.conn(), campaign).unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!((links[0].platform, links[0].handle.as_deref()), (Some(Platform::Instagram), Some("Sanne.Groen")), "the main handle");
    assert_eq!(
        links[0].link.as_deref(),
        Some("https://shop.nl/zomer?ref=ig&utm_source=instagram&utm_medium=influencer&utm_campaign=summer-2026&utm_content=sanne.groen#top")
    );
    // A TikTok deliverable: the link is for TikTok and the TikTok handle.
    let d = crate::campaigns::DeliverableDraft { collaboration_id: l, platform: "tiktok".into(), format: "video".into(), due_on: "2026-07-01".into(), ..Default::default() };
    crate::campaigns::deliverable::create(&mut ws, &d).unwrap();
    let links = campaign_links(ws.conn(), campaign).unwrap();
    assert_eq!((links[0].platform, links[0].handle.as_deref()), (Some(Platform::Tiktok), Some("Sanne.Tok")));
    assert!(links[0].link.as_deref().unwrap().contains("utm_source=tiktok&utm_medium=influencer&utm_campaign=summer-2026&utm_content=sanne.tok"));
}

#[test]
fn a_deliverable_on_a_platform_without_a_handle_there_uses_the_main_handle() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let l = member(&mut ws, campaign, "affiliate", "Bo", &[("instagram", "bo.smit", "10")]);
    let d = crate::campaigns::DeliverableDraft { collaboration_id: l, platform: "youtube".into(), format: "video".into(), due_on: "2026-07-01".into(), ..Default::default() };
    crate::campaigns::deliverable::create(&mut ws, &d).unwrap();
    let links = campaign_links(ws.conn(), campaign).unwrap();
    assert_eq!((links[0].platform, links[0].handle.as_deref()), (Some(Platform::Youtube), Some("bo.smit")));
}

#[test]
fn without_a_landing_page_the_links_say_why_and_the_codes_are_still_listed() {
    let mut ws = workspace();
    let c = crate::campaigns::campaign::create(&mut ws, &crate::campaigns::CampaignDraft { name: "Winter".into(), goal: "sales".into(), ..Default::default() }).unwrap();
    let l = member(&mut ws, c.id, "affiliate", "Cor", &[("instagram", "cor", "1")]);
    crate::sales::discount_codes::set_discount_code(&mut ws, l, &crate::sales::discount_codes::CodeChoice::Typed("COR5".into()), Some(500)).unwrap();
    let links = campaign_links(ws.conn(), c.id).unwrap();
    assert_eq!(links[0].link, None);
    assert_eq!(links[0].no_link.as_ref().map(|n| n.code), Some("no_landing_url"));
    assert_eq!((links[0].code.as_str(), links[0].customer_discount_bp), ("COR5", Some(500)));
    assert_eq!(campaign_links(ws.conn(), 9_999).unwrap_err().kind(), "not_found");
}

#[test]
fn links_are_read_in_creator_name_order_with_each_ones_own_rule() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let zoe = member(&mut ws, campaign, "affiliate", "Zoë", &[("instagram", "zoe", "1")]);
    member(&mut ws, campaign, "gifted", "Émile", &[("instagram", "emile", "1")]);
    crate::commissions::rules_store::set_rule(&mut ws, crate::commissions::rules_store::RuleOwner::Collaboration(zoe), "10 %", crate::numbers::Spelling::Unknown, "").unwrap();
    let links = campaign_links(ws.conn(), campaign).unwrap();
    let names: Vec<(&str, &str)> = links.iter().map(|l| (l.creator_name.as_str(), l.rule.as_str())).collect();
    assert_eq!(names, [("Émile", ""), ("Zoë", "10 %")]);
}

#[test]
fn a_qr_code_is_saved_as_svg_or_png_whole() {
    let dir = tempfile::tempdir().unwrap();
    let link = "https://shop.nl/zomer?utm_source=instagram&utm_medium=influencer&utm_campaign=summer-2026&utm_content=sanne.groen";
    let svg = dir.path().join("sanne.svg");
    save_qr(link, &svg, QrFormat::parse("SVG").unwrap()).unwrap();
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<?xml"));
    let png = dir.path().join("sanne.png");
    save_qr(link, &png, QrFormat::parse(".png").unwrap()).unwrap();
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    let Err(Error::Validation(e)) = save_qr(" ", &dir.path().join("none.png"), QrFormat::Png) else { panic!("no link") };
    assert_eq!(e[0].code, "required");
    assert!(!dir.path().join("none.png").exists(), "nothing half-written");
    assert_eq!(QrFormat::parse("gif"), None);
}

fn query_plan(ws: &crate::workspace::Workspace, sql: &str) -> String {
    let mut stmt = ws.conn().prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    let mut rows = stmt.query([1]).unwrap();
    let mut out = Vec::new();
    while let Some(r) = rows.next().unwrap() {
        out.push(r.get::<_, String>(3).unwrap());
    }
    out.join("\n")
}

/// At agency scale (20k affiliate collaborations, 20k rules) every lookup of a link, code or rule
/// must go through an index, never through the whole table once per collaboration.
#[test]
fn links_codes_and_rules_are_read_through_their_indexes() {
    let ws = workspace();
    let links = query_plan(
        &ws,
        "SELECT l.id FROM collaborations l JOIN creators c ON c.id = l.creator_id
         LEFT JOIN commission_rules r ON r.level = 'collaboration' AND r.owner_id = l.id WHERE l.campaign_id = ?1",
    );
    assert!(links.contains("SEARCH l USING") && links.contains("(campaign_id=?)"), "{links}");
    assert!(links.contains("commission_rules_by_owner_id (level=? AND owner_id=?)"), "{links}");
    let holder = query_plan(&ws, "SELECT l.id FROM collaborations l WHERE l.discount_code_key = 'X' AND l.discount_code_key <> '' AND l.id <> ?1");
    assert!(holder.contains("collaborations_by_code (discount_code_key=?"), "{holder}");
    let carried = query_plan(&ws, "SELECT 1 FROM order_codes WHERE code_key = 'X' AND ?1 LIMIT 1");
    assert!(carried.contains("order_codes_by_key (code_key=?)"), "{carried}");
    let handles = query_plan(&ws, "SELECT l.id, h.platform FROM collaborations l JOIN handles h ON h.creator_id = l.creator_id WHERE l.campaign_id = ?1");
    assert!(handles.contains("handles_by_creator (creator_id=?)"), "{handles}");
}
