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
