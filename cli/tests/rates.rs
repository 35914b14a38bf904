//! `chorus rates`: list, import the ECB's reference rates, type one; errors as for the other
//! commands (one line on stderr, non-zero exit, the workspace as it was).

use std::path::{Path, PathBuf};
mod support;
use support::{chorus, ok, s};


fn fails(args: &[&str]) -> String {
    let out = chorus(args);
    assert!(!out.status.success(), "chorus {args:?} should have failed");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("chorus: ") || err.starts_with("error: "), "one clear line: {err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

fn ecb(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/rates").join(name)
}

fn new_workspace(dir: &Path) -> PathBuf {
    let ws = dir.join("zon.chorus");
    ok(&["new", s(&ws), "--brand", "Studio Zon", "--currency", "EUR", "--locale", "nl-NL"]);
    ws
}

fn listed(ws: &Path) -> Vec<serde_json::Value> {
    serde_json::from_str::<serde_json::Value>(&ok(&["rates", s(ws), "--json"])).unwrap().as_array().unwrap().clone()
}

#[test]
fn the_ecb_rates_import_once_and_a_second_import_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    assert!(ok(&["rates", s(&ws)]).starts_with("No exchange rates yet"));
    let first = ok(&["rates", "import", s(&ws), s(&ecb("eurofxref-hist.csv"))]);
    assert!(first.starts_with("Read ") && first.contains("from eurofxref-hist.csv (CSV, "), "{first}");
    assert!(first.contains("Left out currencies Chorus does not know: CYP, "), "{first}");
    let stored = listed(&ws).len();
    assert!(first.contains(&format!(": {stored} added, 0 changed, 0 unchanged.")), "{first}");
    let again = ok(&["rates", "import", s(&ws), s(&ecb("eurofxref-hist.csv"))]);
    assert!(again.contains(&format!(": 0 added, 0 changed, {stored} unchanged.")), "{again}");
    let json: serde_json::Value = serde_json::from_str(&ok(&["rates", "import", s(&ws), s(&ecb("eurofxref-daily.xml")), "--json"])).unwrap();
    assert_eq!((json["format"].as_str(), json["added"].as_u64(), json["changed"].as_u64()), (Some("XML"), Some(0), Some(0)));
    assert_eq!(listed(&ws).len(), stored);
    let table = ok(&["rates", s(&ws)]);
    assert!(table.starts_with("DATE"), "{table}");
    assert!(table.lines().any(|l| l.starts_with("2026-06-10  EUR   USD ") && l.ends_with(" 1.0163  ecb")), "{table}");
    assert!(table.trim_end().ends_with(&format!("{stored} rates: 1 FROM = RATE TO on DATE")), "{table}");
}

#[test]
fn a_typed_rate_is_kept_exactly_and_a_second_one_for_the_day_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    assert_eq!(ok(&["rates", "set", s(&ws), "2026-06-10", "eur", "USD", "1,0163"]), "Kept 1 EUR = 1.0163 USD on 2026-06-10.\n");
    assert_eq!(ok(&["rates", "set", s(&ws), "10-06-2026", "EUR", "USD", "1.02"]), "Kept 1 EUR = 1.02 USD on 2026-06-10 (was 1.0163).\n");
    let rates = listed(&ws);
    assert_eq!(rates.len(), 1);
    assert_eq!((rates[0]["rate"].as_str(), rates[0]["source"].as_str()), (Some("1.02"), Some("typed")));
}

#[test]
fn a_wrong_rate_a_wrong_file_or_no_workspace_fails_with_one_line_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let err = fails(&["rates", "set", s(&ws), "2026-06-10", "EUR", "USD", "-1"]);
    assert!(err.contains("is not an exchange rate: a rate is above zero"), "{err}");
    let err = fails(&["rates", "set", s(&ws), "2026-06-10", "EUR", "DOLLAR", "1.1"]);
    assert!(err.contains("“DOLLAR” is not a currency code"), "{err}");
    let err = fails(&["rates", "set", s(&ws), "2026-13-10", "EUR", "USD", "1.1"]);
    assert!(err.contains("“2026-13-10” is not a date"), "{err}");
    let bad = dir.path().join("rates.csv");
    std::fs::write(&bad, "Date,USD,JPY,\n2026-06-10,1.0163,163.45,\n2026-06-09,een,163.02,\n").unwrap();
    let err = fails(&["rates", "import", s(&ws), s(&bad)]);
    assert!(err.contains("Nothing was imported"), "{err}");
    assert!(err.contains("Row 3, column ‘USD’: “een” is not an exchange rate"), "the problem at its row and column: {err}");
    let json = chorus(&["rates", "import", s(&ws), s(&bad), "--json"]);
    let payload: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(payload["kind"], "import_rejected");
    assert!(listed(&ws).is_empty(), "nothing was kept");
    let err = fails(&["rates", s(&dir.path().join("missing.chorus"))]);
    assert!(err.contains("missing.chorus"), "{err}");
    let err = fails(&["rates"]);
    assert!(err.contains("workspace") || err.contains("WORKSPACE"), "{err}");
}
