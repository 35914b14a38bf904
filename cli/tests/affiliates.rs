//! `chorus campaign new`, `chorus affiliates import` and `chorus links` as a script uses them:
//! the real binary on temporary files, failures as one clear line and an unchanged workspace.

use std::path::{Path, PathBuf};
mod support;
use support::{chorus, ok, fails, s};


fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/affiliates").join(name)
}

/// A workspace with the campaign “Zomer 2026” leading to shop.nl/zomer.
fn workspace_with_campaign(dir: &Path) -> PathBuf {
    let ws = dir.join("zon.chorus");
    ok(&["new", s(&ws), "--brand", "Studio Zon"]);
    let out = ok(&["campaign", "new", s(&ws), "Zomer 2026", "--start", "2026-06-01", "--end", "2026-08-31", "--budget", "5000", "--landing-url", "shop.nl/zomer"]);
    assert_eq!(out, "Created campaign 1 “Zomer 2026” (UTM value zomer-2026, budget EUR 5000.00, landing page https://shop.nl/zomer).\n");
    ws
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn help_names_the_sales_commands() {
    let help = ok(&["--help"]);
    for cmd in ["campaign", "affiliates", "links"] {
        assert!(help.contains(cmd), "--help lacks {cmd}: {help}");
    }
}

#[test]
fn a_campaign_made_on_the_command_line_is_refused_with_every_problem_named() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace_with_campaign(dir.path());
    let err = fails(&["campaign", "new", s(&ws), "Winter", "--landing-url", "mailto:info@shop.nl", "--budget", "veel"]);
    assert!(err.contains("landing_url: “mailto:info@shop.nl” is not a web page address"), "{err}");
    assert!(err.contains("budget:"), "{err}");
    let err = fails(&["campaign", "new", s(&ws), "zomer 2026"]);
    assert!(err.contains("already belongs to the campaign “Zomer 2026”"), "{err}");
    let listed = json(&ok(&["campaigns", s(&ws), "--json"]));
    assert_eq!(listed.as_array().unwrap().len(), 1, "nothing was added");
    let c = json(&ok(&["campaign", "new", s(&ws), "Winter", "--goal", "awareness", "--json"]));
    assert_eq!((c["landing_url"].as_str(), c["goal"].as_str()), (Some(""), Some("awareness")));
}

#[test]
fn a_dutch_excel_affiliate_list_is_imported_and_a_second_import_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace_with_campaign(dir.path());
    let list = fixture("dutch_excel.csv");
    let preview = ok(&["affiliates", "import", s(&ws), "zomer-2026", s(&list), "--preview"]);
    assert!(preview.contains("Windows-1252, separated by ;"), "{preview}");
    assert!(preview.contains("Would import 3 rows: creators 3 new, 0 matched; collaborations 3 new"), "{preview}");
    assert!(preview.contains("Zoë Bakker") && preview.contains("12.5% of the base"), "{preview}");
    let links = json(&ok(&["links", s(&ws), "1", "--json"]));
    assert_eq!(links.as_array().unwrap().len(), 0, "a preview writes nothing");

    let first = ok(&["affiliates", "import", s(&ws), "Zomer 2026", s(&list)]);
    assert_eq!(first, "Imported 3 rows: creators 3 new, 0 matched; collaborations 3 new, 0 updated, 0 unchanged; 3 codes and 3 commission rules set.\n");
    let before = std::fs::read(&ws).unwrap();
    let second = json(&ok(&["affiliates", "import", s(&ws), "1", s(&list), "--json"]));
    assert_eq!((second["collaborations_unchanged"].as_u64(), second["written"].as_bool()), (Some(3), Some(false)));
    assert_eq!(std::fs::read(&ws).unwrap(), before, "the second import changed nothing in the file");
}

#[test]
fn links_show_each_collaborations_link_and_code_and_write_the_codes_csv() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace_with_campaign(dir.path());
    ok(&["affiliates", "import", s(&ws), "1", s(&fixture("profile_urls.csv"))]);
    let table = ok(&["links", s(&ws), "zomer-2026"]);
    assert!(table.contains("https://shop.nl/zomer?utm_source=tiktok&utm_medium=influencer&utm_campaign=zomer-2026&utm_content=dewi.danst"), "{table}");
    let codes = dir.path().join("codes.csv");
    let out = chorus(&["links", s(&ws), "1", "--json", "--codes-csv", s(&codes), "--dialect", "excel-nl"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), format!("Wrote 2 codes of “Zomer 2026” to {}.\n", codes.display()));
    let links = json(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(links[0]["code"].as_str(), Some("CAS10"));
    assert_eq!(std::fs::read_to_string(&codes).unwrap(), "\u{feff}Code;Creator;Campagne;Procent;Regel\r\nCAS10;Cas Bakker (@cas.bakker);Zomer 2026;;10 %\r\nDEWI15;Dewi (@dewi.danst);Zomer 2026;;15%\r\n");
    let err = fails(&["links", s(&ws), "Winter"]);
    assert!(err.contains("There is no campaign “Winter”"), "{err}");
}

#[test]
fn a_refused_affiliate_list_prints_its_problems_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace_with_campaign(dir.path());
    let list = dir.path().join("list.csv");
    std::fs::write(&list, "Name,Instagram,Coupon,Commission\nAnna,anna.zon,ANNA10,10%\nBo,bo.smit,anna10,veel\n").unwrap();
    let before = std::fs::read(&ws).unwrap();
    let err = fails(&["affiliates", "import", s(&ws), "1", s(&list)]);
    assert!(err.contains("The import was stopped: 2 problem(s) in list.csv. Nothing was imported."), "{err}");
    assert!(err.contains("Row 3, column ‘Coupon’"), "{err}");
    assert!(err.contains("“veel” is not a commission Chorus can read"), "{err}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);
    let out = chorus(&["affiliates", "import", s(&ws), "1", s(&list), "--json"]);
    let payload = json(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(payload["kind"].as_str(), Some("import_rejected"));
    let skipped = ok(&["affiliates", "import", s(&ws), "1", s(&list), "--skip-bad-rows"]);
    assert!(skipped.starts_with("Imported 1 of 2 rows: creators 1 new"), "{skipped}");
    assert!(skipped.contains("Left out 1 row with problems:\n  Row 3, column ‘Commission’"), "{skipped}");
}

#[test]
fn a_mapping_names_the_field_and_the_header_either_way_round() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace_with_campaign(dir.path());
    let list = dir.path().join("odd.csv");
    std::fs::write(&list, "Wie;Kanaalnaam;Promo;Deal\nAnna;anna.zon;ANNA5;5%\n").unwrap();
    let err = fails(&["affiliates", "import", s(&ws), "1", s(&list)]);
    assert!(err.contains("cannot find a handle or profile link column"), "{err}");
    let out = ok(&["affiliates", "import", s(&ws), "1", s(&list), "--map", "instagram=Kanaalnaam", "--map", "Promo=code", "--map", "commission=Deal", "--map", "name=Wie"]);
    assert!(out.contains("1 codes and 1 commission rules set"), "{out}");
    let links = json(&ok(&["links", s(&ws), "1", "--json"]));
    assert_eq!((links[0]["creator_name"].as_str(), links[0]["code"].as_str(), links[0]["rule"].as_str()), (Some("Anna"), Some("ANNA5"), Some("5%")));
}
