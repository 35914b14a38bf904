//! `chorus chart` as a script uses it, on the demo workspace: each chart written as SVG (its
//! title and names as text, in the language asked) and as PNG (at the size asked), and the
//! refusals (an unknown chart, an extension that is no picture) writing nothing.

use std::path::{Path, PathBuf};
mod support;
use support::{fails, ok, s};

fn demo(dir: &Path) -> PathBuf {
    let ws = dir.join("demo.chorus");
    ok(&["demo", s(&ws)]);
    ws
}

/// A PNG file's width and height, from its header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG file");
    (u32::from_be_bytes(bytes[16..20].try_into().unwrap()), u32::from_be_bytes(bytes[20..24].try_into().unwrap()))
}

#[test]
fn every_chart_is_written_as_svg_and_png() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let charts = [
        ("commissions-by-month", "Commissions per month"),
        ("payouts-by-creator", "Payouts by creator"),
        ("revenue-by-creator", "Attributed revenue by creator"),
        ("revenue-by-campaign", "Attributed revenue by campaign"),
    ];
    for (kind, title) in charts {
        let svg = dir.path().join(format!("{kind}.svg"));
        let said = ok(&["chart", s(&ws), kind, "--out", s(&svg), "--lang", "en"]);
        assert!(said.contains(kind) && said.contains(s(&svg)), "{said}");
        let drawing = std::fs::read_to_string(&svg).unwrap();
        assert!(drawing.starts_with("<svg") && drawing.trim_end().ends_with("</svg>"), "{kind}: {drawing}");
        assert!(drawing.contains(title), "{kind}: its title");
        assert!(!drawing.contains("NaN") && !drawing.contains("No data yet"), "{kind}: the demo has figures for it");

        let png = dir.path().join(format!("{kind}.png"));
        ok(&["chart", s(&ws), kind, "--out", s(&png), "--width", "600", "--height", "300", "--scale", "1", "--theme", "dark"]);
        assert_eq!(png_size(&std::fs::read(&png).unwrap()), (600, 300), "{kind}");
    }
    // The demo's paid run pays named creators: they are on the payouts chart.
    let drawing = std::fs::read_to_string(dir.path().join("payouts-by-creator.svg")).unwrap();
    let paid: Vec<String> = {
        let conn = rusqlite::Connection::open(&ws).unwrap();
        let mut q = conn.prepare("SELECT DISTINCT c.name FROM payout_creators c JOIN payout_runs r ON r.id = c.run_id WHERE r.state = 'finalised' AND c.outcome = 'payable'").unwrap();
        q.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    assert!(!paid.is_empty());
    for name in &paid {
        assert!(drawing.contains(name.as_str()), "{name} on the payouts chart");
    }
}

#[test]
fn a_chart_speaks_the_language_asked_and_the_workspace_locale_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let dutch = dir.path().join("nl.svg");
    ok(&["chart", s(&ws), "commissions_by_month", "--out", s(&dutch), "--lang", "nl"]);
    let drawing = std::fs::read_to_string(&dutch).unwrap();
    assert!(drawing.contains("Commissies per maand") && drawing.contains("Uitbetaald"), "{drawing}");
    let locale = ok(&["settings", s(&ws), "--json"]);
    let english_default = !locale.contains("\"nl-NL\"");
    let default = dir.path().join("default.svg");
    ok(&["chart", s(&ws), "commissions-by-month", "--out", s(&default)]);
    let drawing = std::fs::read_to_string(&default).unwrap();
    assert_eq!(drawing.contains("Commissions per month"), english_default, "the workspace locale's language");
}

#[test]
fn refusals_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let out = dir.path().join("chart.svg");
    let err = fails(&["chart", s(&ws), "followers", "--out", s(&out)]);
    assert!(err.contains("not a chart") && err.contains("commissions-by-month") && err.contains("revenue-by-campaign"), "{err}");
    let jpg = dir.path().join("chart.jpg");
    let err = fails(&["chart", s(&ws), "payouts-by-creator", "--out", s(&jpg)]);
    assert!(err.contains(".svg or .png"), "{err}");
    let err = fails(&["chart", s(&ws), "payouts-by-creator", "--out", s(&out), "--width", "20"]);
    assert!(err.contains("240"), "too small to lay out: {err}");
    assert!(!out.exists() && !jpg.exists());
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).filter(|n| n.contains(".tmp")).collect();
    assert!(left.is_empty(), "no temporary files left: {left:?}");
}
