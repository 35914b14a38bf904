//! `chorus results import|list` and `chorus analytics` as a script uses them, on the demo
//! workspace with two of its Instagram posts given the links of a real-layout Meta export: the
//! preview writes nothing, unmatched rows refuse the import until left out, the same file again
//! changes nothing, and the figures then measure the imported posts.

use std::path::{Path, PathBuf};
mod support;
use support::{demo_with_links, fails, ok, s};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/results").join(name)
}

fn snapshots(ws: &Path) -> i64 {
    rusqlite::Connection::open(ws).unwrap().query_row("SELECT count(*) FROM post_results", [], |r| r.get(0)).unwrap()
}

#[test]
fn a_meta_export_is_previewed_refused_while_rows_are_unmatched_then_imported_once() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, ids) = demo_with_links(dir.path());
    let file = fixture("meta_instagram_2025.csv");
    let before = snapshots(&ws);

    let said = ok(&["results", "import", s(&ws), s(&file), "--preview"]);
    assert!(said.starts_with("Would import meta_instagram_2025.csv: 12 rows; 2 new snapshots"), "{said}");
    assert!(said.contains("by link 2") && said.contains("10 rows match no single post") && said.contains("row 3: https://www.instagram.com/p/DGzK7pQ1rSt/"), "{said}");
    assert_eq!(snapshots(&ws), before, "a preview writes nothing");

    let refused = fails(&["results", "import", s(&ws), s(&file)]);
    assert!(refused.contains("Nothing was imported") && refused.contains("No published post in this workspace has the link") && refused.contains("Rows 3, 4, 5"), "{refused}");
    assert_eq!(snapshots(&ws), before, "all or nothing");

    let said = ok(&["results", "import", s(&ws), s(&file), "--leave-unmatched"]);
    assert!(said.contains("2 snapshots written") && said.contains("10 rows matched no post and were left out"), "{said}");
    assert_eq!(snapshots(&ws), before + 2);

    let again: serde_json::Value = serde_json::from_str(&ok(&["results", "import", s(&ws), s(&file), "--leave-unmatched", "--json"])).unwrap();
    assert_eq!((again["written"].as_u64(), again["unchanged"].as_u64(), again["matched"]["post_id"].as_u64()), (Some(0), Some(2), Some(2)));
    assert_eq!(snapshots(&ws), before + 2, "the same file again changes nothing");

    // The row a person assigns goes to the post they chose.
    let third: i64 = rusqlite::Connection::open(&ws).unwrap().query_row("SELECT id FROM deliverables WHERE status IN ('published', 'verified') AND id NOT IN (?1, ?2) ORDER BY id LIMIT 1", [ids[0], ids[1]], |r| r.get(0)).unwrap();
    ok(&["results", "import", s(&ws), s(&file), "--leave-unmatched", "--assign", &format!("4={third}")]);
    let views: i64 = rusqlite::Connection::open(&ws).unwrap().query_row("SELECT views FROM post_results WHERE deliverable_id = ?1 AND latest = 1", [third], |r| r.get(0)).unwrap();
    assert_eq!(views, 23_450);

    let bad = fails(&["results", "import", s(&ws), s(&file), "--assign", "four=12"]);
    assert!(bad.contains("--assign “four=12” needs the form ROW=DELIVERABLE"), "{bad}");
}

#[test]
fn analytics_measure_the_imported_posts_with_their_formulas_and_benchmarks() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, ids) = demo_with_links(dir.path());
    let by_tier = || -> serde_json::Value { serde_json::from_str(&ok(&["analytics", s(&ws), "--by", "tier", "--json"])).unwrap() };
    let before = by_tier();
    // The demo's posts have results: all but the blog post and the pin (no likes) are measured.
    assert_eq!((before["posts"].as_u64(), before["measured"].as_u64()), (Some(25), Some(23)), "{before}");
    ok(&["results", "import", s(&ws), s(&fixture("meta_instagram_2025.csv")), "--leave-unmatched"]);
    let figures = by_tier();
    assert_eq!(figures["measured"].as_u64(), Some(23), "{figures}");
    let measured: u64 = figures["groups"].as_array().unwrap().iter().map(|g| g["measured"].as_u64().unwrap()).sum();
    assert_eq!(measured, 23);
    // The imported posts are measured with the export's counts: their newest snapshot is its.
    let conn = rusqlite::Connection::open(&ws).unwrap();
    let newest: Vec<String> = conn
        .prepare("SELECT source FROM post_results WHERE deliverable_id IN (?1, ?2) AND latest = 1 ORDER BY deliverable_id")
        .unwrap()
        .query_map([ids[0], ids[1]], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(newest, ["meta", "meta"]);
    assert_ne!(figures["groups"], before["groups"], "the figures moved with the imported counts");

    let text = ok(&["analytics", s(&ws), "--by", "format", "--lang", "en"]);
    assert!(text.contains("engagement by format") && text.contains("Formulas:") && text.contains("Engagement rate by followers = (likes + comments + shares + saves) ÷ followers at posting time"), "{text}");
    assert!(text.contains("Gifted posts against paid ones"), "{text}");
    assert!(!text.contains("NaN") && !text.contains("null"), "{text}");
    let dutch = ok(&["analytics", s(&ws), "--by", "niche-match", "--lang", "nl"]);
    assert!(dutch.contains("engagement per niche") && dutch.contains("Formules:"), "{dutch}");

    let list = ok(&["results", "list", s(&ws), "1"]);
    assert!(list.contains("published posts") && !list.contains("no results yet"), "every demo post has its results: {list}");

    let refused = fails(&["analytics", s(&ws), "--by", "colour"]);
    assert!(refused.contains("“colour” is not a grouping"), "{refused}");
}

#[test]
fn the_campaign_report_is_written_with_and_without_money() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, _) = demo_with_links(dir.path());
    ok(&["results", "import", s(&ws), s(&fixture("meta_instagram_2025.csv")), "--leave-unmatched"]);
    let campaign: i64 = rusqlite::Connection::open(&ws)
        .unwrap()
        .query_row("SELECT c.campaign_id FROM post_results p JOIN deliverables d ON d.id = p.deliverable_id JOIN collaborations c ON c.id = d.collaboration_id LIMIT 1", [], |r| r.get(0))
        .unwrap();
    let pdf = dir.path().join("report.pdf");
    let said = ok(&["report", s(&ws), &campaign.to_string(), "--out", s(&pdf), "--lang", "en"]);
    assert!(said.contains("written to") && !said.contains("without amounts"), "{said}");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    let shared = dir.path().join("shared.pdf");
    let said = ok(&["report", s(&ws), &campaign.to_string(), "--out", s(&shared), "--lang", "nl", "--no-money"]);
    assert!(said.contains("without amounts"), "{said}");
    assert!(std::fs::read(&shared).unwrap().starts_with(b"%PDF-"));
    let refused = fails(&["report", s(&ws), "No such campaign", "--out", s(&dir.path().join("x.pdf"))]);
    assert!(refused.contains("There is no campaign"), "{refused}");
    assert!(!dir.path().join("x.pdf").exists(), "nothing written for a refused report");
}
