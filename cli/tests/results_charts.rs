//! `chorus chart` with the results charts as a script uses them, on the demo workspace with a
//! Meta export imported: engagement by format of one campaign and one creator's follower
//! growth written as SVG, and the kinds refusing what they cannot use, writing nothing.

use std::path::{Path, PathBuf};
mod support;
use support::{demo_with_links, fails, ok, s};

/// The demo with the Meta fixture's rows 2 and 6 imported onto two published Instagram posts;
/// the first post's campaign id and its creator's Instagram handle.
fn demo_with_results(dir: &Path) -> (PathBuf, i64, String) {
    let (ws, ids) = demo_with_links(dir);
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/results/meta_instagram_2025.csv");
    ok(&["results", "import", s(&ws), s(&file), "--leave-unmatched"]);
    let (campaign, handle): (i64, String) = rusqlite::Connection::open(&ws)
        .unwrap()
        .query_row(
            "SELECT c.campaign_id, h.handle FROM deliverables d JOIN collaborations c ON c.id = d.collaboration_id JOIN handles h ON h.creator_id = c.creator_id AND h.platform = 'instagram' WHERE d.id = ?1",
            [ids[0]],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    (ws, campaign, handle)
}

#[test]
fn results_charts_are_written_for_a_campaign_and_a_creator_and_refuse_what_they_cannot_use() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, campaign, handle) = demo_with_results(dir.path());

    let formats = dir.path().join("formats.svg");
    let said = ok(&["chart", s(&ws), "by-format", "--campaign", &campaign.to_string(), "--out", s(&formats), "--lang", "en"]);
    assert!(said.contains("by-format written to"), "{said}");
    let drawing = std::fs::read_to_string(&formats).unwrap();
    assert!(drawing.starts_with("<svg") && drawing.contains("Engagement rate by format, against the benchmarks"), "{drawing}");
    assert!(!drawing.contains("No data yet") && !drawing.contains("NaN"), "two imported posts are measured");

    let growth = dir.path().join("growth.svg");
    ok(&["chart", s(&ws), "growth", "--creator", &format!("@{handle}"), "--out", s(&growth), "--lang", "nl"]);
    let drawing = std::fs::read_to_string(&growth).unwrap();
    assert!(drawing.contains("Volgers van") && drawing.contains(&format!("Instagram @{handle}")), "{drawing}");
    // The other spelling of a kind reads the same.
    ok(&["chart", s(&ws), "gifted_vs_paid", "--out", s(&dir.path().join("deals.png"))]);

    let out = dir.path().join("refused.svg");
    let err = fails(&["chart", s(&ws), "growth", "--out", s(&out)]);
    assert!(err.contains("--creator"), "growth needs a creator: {err}");
    let err = fails(&["chart", s(&ws), "budget", "--creator", &handle, "--out", s(&out)]);
    assert!(err.contains("leave --creator out"), "{err}");
    let err = fails(&["chart", s(&ws), "revenue-by-creator", "--campaign", &campaign.to_string(), "--out", s(&out)]);
    assert!(err.contains("whole workspace"), "{err}");
    let err = fails(&["chart", s(&ws), "funnel", "--campaign", "No such campaign", "--out", s(&out)]);
    assert!(err.contains("There is no campaign"), "{err}");
    let err = fails(&["chart", s(&ws), "followers", "--out", s(&out)]);
    for kind in ["commissions-by-month", "payouts-by-creator", "revenue-by-creator", "revenue-by-campaign", "engagement", "by-format", "by-tier", "gifted-vs-paid", "funnel", "budget", "growth"] {
        assert!(err.contains(kind), "{kind} listed: {err}");
    }
    assert!(!out.exists(), "a refused chart writes nothing");
}
