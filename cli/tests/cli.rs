//! The `chorus` command as a script uses it: real processes on temporary files. Every failure
//! must exit non-zero with a clear line on stderr and leave the workspace as it was.

use std::path::{Path, PathBuf};
use std::process::Command;
mod support;
use support::{chorus, ok, fails, s};


fn new_workspace(dir: &Path) -> PathBuf {
    let ws = dir.join("zon.chorus");
    ok(&["new", s(&ws), "--brand", "Studio Zon", "--currency", "EUR", "--locale", "nl-NL"]);
    ws
}

fn count(ws: &Path) -> i64 {
    let info: serde_json::Value = serde_json::from_str(&ok(&["info", s(ws), "--json"])).unwrap();
    info["creators"].as_i64().unwrap()
}

const GOOD_CSV: &str = "name,instagram,instagram_followers,tiktok,tiktok_followers,email,country,niches\n\
Sanne Bakker,sanne.groen,24.000,sannegroen,9000,sanne@example.nl,NL,sustainable fashion; lifestyle\n\
Daan Visser,daan.bakt,3100,,,daan@example.nl,NL,food & drink\n\
Chloé Dubois,chloe.maison,152000,,,,FR,lifestyle\n";

#[test]
fn help_names_every_command() {
    let help = ok(&["--help"]);
    for cmd in ["new", "demo", "info", "import", "export", "list", "due", "campaigns", "ics", "campaign-export", "payouts", "adjust", "settings"] {
        assert!(help.contains(cmd), "--help lacks {cmd}: {help}");
    }
}

#[test]
fn new_and_info() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let info: serde_json::Value = serde_json::from_str(&ok(&["info", s(&ws), "--json"])).unwrap();
    assert_eq!(info["brand_name"], "Studio Zon");
    assert_eq!(info["currency"], "EUR");
    assert_eq!(info["creators"], 0);
    let text = ok(&["info", s(&ws)]);
    assert!(text.contains("Studio Zon") && text.contains("EUR"));
    // Issue 8: `info` said "Format version 3", and "read-only here" of every file, because it
    // opens a file only to look at it.
    assert!(text.contains("\nChanges          allowed here\n"), "{text}");
    assert!(text.contains("\nFile layout      schema 7 (what this Chorus reads and writes)\n") && !text.contains("Format"), "{text}");
    assert!(text.contains("\nNumber format    nl-NL\n") && text.contains("\nFollower counts  0 "), "{text}");
    let info: serde_json::Value = serde_json::from_str(&ok(&["info", s(&ws), "--json"])).unwrap();
    assert_eq!(info["read_only"], false, "a file this person may change is not read-only");
}

#[test]
fn new_refuses_to_overwrite_and_bad_settings_create_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let before = std::fs::read(&ws).unwrap();
    let err = fails(&["new", s(&ws), "--brand", "Other"]);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);
    let other = dir.path().join("x.chorus");
    let err = fails(&["new", s(&other), "--brand", "X", "--currency", "EUX"]);
    assert!(err.contains("EUX") && err.contains("currency"), "{err}");
    assert!(!other.exists());
}

#[test]
fn foreign_files_are_refused_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.chorus");
    std::fs::write(&notes, "hello").unwrap();
    let err = fails(&["info", s(&notes)]);
    assert!(err.contains("not a Chorus workspace"), "{err}");
    assert_eq!(err.lines().count(), 1);
    assert_eq!(std::fs::read(&notes).unwrap(), b"hello");
    let err = fails(&["list", s(&dir.path().join("missing.chorus"))]);
    assert!(err.contains("There is no file"), "{err}");
}

#[test]
fn import_list_search_and_import_again() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let csv = dir.path().join("creators.csv");
    std::fs::write(&csv, GOOD_CSV).unwrap();
    let out = ok(&["import", s(&ws), s(&csv)]);
    assert!(out.contains("3 new"), "{out}");
    assert_eq!(count(&ws), 3);

    let page: serde_json::Value = serde_json::from_str(&ok(&["list", s(&ws), "--json", "--sort", "followers", "--desc"])).unwrap();
    assert_eq!(page["total"], 3);
    assert_eq!(page["rows"][0]["display_name"], "Chloé Dubois");
    assert_eq!(page["rows"][0]["tier"], "macro");
    assert_eq!(page["rows"][1]["max_followers"], 24000, "24.000 read as twenty-four thousand");

    let found: serde_json::Value = serde_json::from_str(&ok(&["list", s(&ws), "--search", "bakt", "--json"])).unwrap();
    assert_eq!(found["total"], 1);
    assert_eq!(found["rows"][0]["display_name"], "Daan Visser");
    let table = ok(&["list", s(&ws), "--niche", "lifestyle"]);
    assert!(table.contains("Sanne Bakker") && table.contains("Chloé Dubois") && !table.contains("Daan"), "{table}");
    assert!(table.trim_end().ends_with("\n2 creators"), "{table}");

    let again = ok(&["import", s(&ws), s(&csv), "--json"]);
    let report: serde_json::Value = serde_json::from_str(&again).unwrap();
    assert_eq!(report["created"], 0);
    assert_eq!(report["unchanged"], 3);
    assert_eq!(count(&ws), 3);
}

/// Issue 8: `chorus list --country Atlantis` filtered on "ATLANTIS" and printed no one, as if
/// the roster had nobody there.
#[test]
fn a_country_chorus_does_not_understand_is_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let csv = dir.path().join("creators.csv");
    std::fs::write(&csv, GOOD_CSV).unwrap();
    ok(&["import", s(&ws), s(&csv)]);
    let err = fails(&["list", s(&ws), "--country", "Atlantis"]);
    assert!(err.contains("“Atlantis” is not a country Chorus knows"), "{err}");
    let out = dir.path().join("out.csv");
    let err = fails(&["export", s(&ws), "--out", s(&out), "--country", "Atlantis"]);
    assert!(err.contains("Atlantis") && !out.exists(), "{err}");
    // A name or a code, in either language, as the forms read it.
    for nl in ["NL", "nl", "Nederland", "the Netherlands", "Holland"] {
        let table = ok(&["list", s(&ws), "--country", nl]);
        assert!(table.contains("Sanne Bakker") && table.contains("Daan Visser") && !table.contains("Chloé"), "{nl}: {table}");
    }
}

#[test]
fn a_bad_row_names_row_and_column_and_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let csv = dir.path().join("bad.csv");
    std::fs::write(&csv, GOOD_CSV.replace("daan.bakt,3100", "daan.bakt,-3100")).unwrap();
    let err = fails(&["import", s(&ws), s(&csv)]);
    assert!(err.contains("Nothing was imported"), "{err}");
    assert!(err.contains("Row 3, column ‘instagram_followers’: Followers cannot be negative"), "{err}");
    assert_eq!(count(&ws), 0);
}

#[test]
fn a_rejected_import_says_each_rows_place_once() {
    // Regression: “row 3, column “…”: Row 3, column ‘…’: followers cannot be negative”.
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let csv = dir.path().join("bad.csv");
    std::fs::write(&csv, GOOD_CSV.replace("daan.bakt,3100", "daan.bakt,-3100")).unwrap();
    let err = fails(&["import", s(&ws), s(&csv)]);
    let line = err.lines().find(|l| l.contains("cannot be negative")).unwrap();
    assert_eq!(line.matches("Row 3").count() + line.matches("row 3").count(), 1, "{line}");
    assert_eq!(line.matches("instagram_followers").count(), 1, "{line}");
}

#[test]
fn many_bad_rows_print_one_line_per_kind_of_problem() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let mut text = String::from("Naam;Instagram;Land\n");
    for i in 0..62 {
        text.push_str(&format!("Maker {i};maker{i};Atlantis\n"));
    }
    text.push_str("Eva;eva;NL;extra\n");
    let csv = dir.path().join("landen.csv");
    std::fs::write(&csv, text).unwrap();
    let err = fails(&["import", s(&ws), s(&csv)]);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "the summary and one line per kind: {err}");
    assert!(lines[0].contains("63 problem(s)"), "{err}");
    assert!(lines[1].starts_with("  62 rows, column ‘Land’: “Atlantis” is not a country Chorus knows.") && lines[1].ends_with("Rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, … and 52 more."), "{err}");
    assert!(lines[2].starts_with("  Row 64: This row has more cells than the header has columns (3)."), "{err}");
}

#[test]
fn a_rejected_import_with_json_prints_every_problem_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let csv = dir.path().join("bad.csv");
    std::fs::write(&csv, GOOD_CSV.replace("daan.bakt,3100", "daan.bakt,-3100").replace(",FR,", ",Atlantis,")).unwrap();
    let out = chorus(&["import", s(&ws), s(&csv), "--json"]);
    assert!(!out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(v["kind"], "import_rejected");
    assert_eq!(v["params"]["file"], "bad.csv");
    let rows: Vec<(u64, &str, &str)> = v["rows"].as_array().unwrap().iter().map(|r| (r["row"].as_u64().unwrap(), r["column"].as_str().unwrap(), r["code"].as_str().unwrap())).collect();
    assert_eq!(rows, vec![(3, "instagram_followers", "negative_number"), (4, "country", "invalid_country")]);
    assert_eq!(v["groups"].as_array().unwrap().len(), 2);
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("chorus: The import was stopped"), "the summary still goes to stderr");
    assert_eq!(count(&ws), 0);
}

#[test]
fn skip_bad_rows_imports_the_good_rows_and_lists_and_saves_the_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let csv = dir.path().join("creators.csv");
    std::fs::write(&csv, GOOD_CSV.replace("daan.bakt,3100", "daan.bakt,-3100")).unwrap();
    let out = ok(&["import", s(&ws), s(&csv), "--skip-bad-rows"]);
    assert!(out.starts_with("Imported 2 of 3 rows: 2 new, 0 updated, 0 unchanged.\n"), "{out}");
    let saved = dir.path().join("creators-left-out.csv");
    assert!(out.contains(&format!("Left out 1 row with problems; they are in {} to fix and import again:", saved.display())), "{out}");
    assert!(out.contains("  Row 3, column ‘instagram_followers’: Followers cannot be negative"), "{out}");
    assert_eq!(count(&ws), 2);
    let left = std::fs::read_to_string(&saved).unwrap();
    assert!(left.lines().nth(1).unwrap().starts_with("Daan Visser,daan.bakt,'-3100,,,daan@example.nl,NL,food & drink,"), "{left}");

    // Fixed, the left-out file imports the last creator.
    std::fs::write(&saved, left.replace("'-3100", "3100")).unwrap();
    assert!(ok(&["import", s(&ws), s(&saved)]).contains("1 new"));
    assert_eq!(count(&ws), 3);

    let again = dir.path().join("again.chorus");
    ok(&["new", s(&again), "--brand", "Again"]);
    let v: serde_json::Value = serde_json::from_str(&ok(&["import", s(&again), s(&csv), "--skip-bad-rows", "--json"])).unwrap();
    assert_eq!((v["created"].as_u64(), v["left_out"]["rows"].as_u64()), (Some(2), Some(1)));
    assert!(v["left_out"]["file"].as_str().unwrap().ends_with("creators-left-out-2.csv"), "{v}");
}

#[test]
fn map_and_ignore_naming_a_column_the_file_lacks_are_errors_listing_its_headers() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let csv = dir.path().join("creators.csv");
    std::fs::write(&csv, GOOD_CSV).unwrap();
    let err = fails(&["import", s(&ws), s(&csv), "--map", "Insta naam=instagram"]);
    assert!(err.contains("creators.csv has no column ‘Insta naam’. Its columns are ‘name’, ‘instagram’, ‘instagram_followers’"), "{err}");
    let err = fails(&["import", s(&ws), s(&csv), "--ignore", "Opmerking intern"]);
    assert!(err.contains("no column ‘Opmerking intern’"), "{err}");
    let err = fails(&["import", s(&ws), s(&csv), "--preview", "--ignore", "Opmerking intern"]);
    assert!(err.contains("no column ‘Opmerking intern’"), "the preview refuses it too: {err}");
    assert_eq!(count(&ws), 0);
    // Case and accents do not matter, as in recognition; a field may be named by its label.
    let out = ok(&["import", s(&ws), s(&csv), "--preview", "--ignore", "E-MAIL", "--map", "Niches=Tags"]);
    assert!(out.lines().any(|l| l.starts_with("  email") && l.contains("(ignored)")), "{out}");
    assert!(out.lines().any(|l| l.starts_with("  niches") && l.contains("→ tags")), "{out}");
    assert!(ok(&["import", s(&ws), s(&csv), "--ignore", "EMAIL"]).contains("3 new"));
}

#[test]
fn the_preview_says_what_becomes_a_name_and_what_is_read_as_empty() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let csv = dir.path().join("sheet.csv");
    std::fs::write(&csv, "Instagram,Followers,Country\nsanne.groen,N/A,Nederland\ndaan.bakt,-,Holland\n").unwrap();
    let out = ok(&["import", s(&ws), s(&csv), "--preview"]);
    assert!(out.contains("No name column: each new creator is named after their handle in ‘Instagram’."), "{out}");
    assert!(out.contains("2 cells such as “N/A”, “-” are read as empty."), "{out}");
    ok(&["import", s(&ws), s(&csv)]);
    let page: serde_json::Value = serde_json::from_str(&ok(&["list", s(&ws), "--json", "--sort", "name"])).unwrap();
    let rows: Vec<(&str, &str)> = page["rows"].as_array().unwrap().iter().map(|r| (r["display_name"].as_str().unwrap(), r["country"].as_str().unwrap())).collect();
    assert_eq!(rows, vec![("daan.bakt", "NL"), ("sanne.groen", "NL")]);
}

#[test]
fn terminal_escapes_in_a_file_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let csv = dir.path().join("evil.csv");
    std::fs::write(&csv, "Name,Instagram,Country\nAnna,anna,\"\x1b]0;owned\x07\x1b[31mRed\nland\"\n").unwrap();
    let err = fails(&["import", s(&ws), s(&csv)]);
    assert!(!err.contains('\x1b') && !err.contains('\x07'), "{err:?}");
    assert!(err.contains("“Red land” is not a country"), "{err}");
}

#[test]
fn export_in_the_excel_dutch_dialect_has_semicolons_and_imports_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let csv = dir.path().join("creators.csv");
    std::fs::write(&csv, "Naam,Instagram,Tarief reel\nAnna,anna,\"1.250,50\"\n").unwrap();
    ok(&["import", s(&ws), s(&csv)]);
    let out = dir.path().join("excel.csv");
    ok(&["export", s(&ws), "--dialect", "excel-nl", "--out", s(&out)]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("\u{feff}Naam;Instagram-handle;Instagram volgers;Instagram-profiellink;Niches;"), "{text}");
    assert!(text.contains(";1250,50;"), "{text}");
    assert!(ok(&["import", s(&ws), s(&out)]).contains("1 unchanged"));
    let plain = ok(&["export", s(&ws), "--dialect", "plain"]);
    assert!(plain.contains(",1250.50,") && plain.starts_with("\u{feff}Name,Instagram handle,"), "the machine file keeps English headers: {plain}");
    let refused = chorus(&["export", s(&ws), "--dialect", "excel-fr"]);
    assert!(!refused.status.success() && refused.stdout.is_empty());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("“excel-fr” is not a dialect: use plain or excel-nl"));
}

#[test]
fn preview_shows_the_mapping_without_importing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let csv = dir.path().join("creators.csv");
    std::fs::write(&csv, GOOD_CSV).unwrap();
    let out = ok(&["import", s(&ws), s(&csv), "--preview"]);
    assert!(out.contains("3 rows"), "{out}");
    assert!(out.contains("instagram_followers"), "{out}");
    assert_eq!(count(&ws), 0);
}

#[test]
fn export_is_safe_for_spreadsheets_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let csv = dir.path().join("creators.csv");
    std::fs::write(&csv, GOOD_CSV.replace("Daan Visser", "=HYPERLINK(\"\"http://x\"\")")).unwrap();
    ok(&["import", s(&ws), s(&csv)]);
    let all = ok(&["export", s(&ws)]);
    assert!(all.contains("'=HYPERLINK"), "a formula is defused: {all}");
    assert_eq!(all.lines().count(), 4, "header and three creators");
    let out = dir.path().join("fr.csv");
    let _ = ok(&["export", s(&ws), "--country", "FR", "--out", s(&out)]);
    let fr = std::fs::read_to_string(&out).unwrap();
    assert_eq!(fr.lines().count(), 2);
    assert!(fr.contains("Chloé Dubois"));
}

#[test]
fn several_processes_importing_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let children: Vec<_> = (0..4)
        .map(|p| {
            let csv = dir.path().join(format!("batch{p}.csv"));
            let mut text = String::from("name,instagram,instagram_followers\n");
            for i in 0..150 {
                text.push_str(&format!("Batch {p} creator {i},b{p}c{i},{}\n", 1000 + i));
            }
            std::fs::write(&csv, text).unwrap();
            Command::new(env!("CARGO_BIN_EXE_chorus")).args(["import", s(&ws), s(&csv)]).output_async()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(count(&ws), 600);
}

trait SpawnOutput {
    fn output_async(&mut self) -> std::process::Child;
}

impl SpawnOutput for Command {
    fn output_async(&mut self) -> std::process::Child {
        self.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped()).spawn().expect("spawn chorus")
    }
}

/// The day the campaign tests look at the workspace, passed as `--today`.
const TODAY: &str = "2026-06-15";

/// A workspace built with the core API, as the window would: "Summer 2026" with Anna (paid,
/// active: one post live, one overdue, one due today, one in two days, one in ten, one in
/// fourteen; usage rights until 1 July), Bo (gifted, agreed: a post in six days, a gift to
/// pack and one delivered three weeks ago without a post) and Cas (cancelled: never asks).
fn campaign_workspace(dir: &Path, file: &str, brand: &str) -> PathBuf {
    use chorus_core::campaigns::{campaign, collaboration, deliverable, gifting};
    use chorus_core::campaigns::{CampaignDraft, CollaborationDraft, DeliverableDraft, GiftItemDraft};
    use chorus_core::roster::model::{CreatorDraft, HandleDraft};

    let path = dir.join(file);
    let mut ws = chorus_core::Workspace::create(&path, &chorus_core::workspace::settings::Settings::new(brand, "EUR", "nl-NL")).unwrap();
    let mut creator = |name: &str, handle: &str| {
        let mut d = CreatorDraft { display_name: name.into(), city: "Utrecht".into(), country: "NL".into(), postal_address: "Oudegracht 12\n3511 AB".into(), ..Default::default() };
        d.handles.push(HandleDraft { platform: "instagram".into(), handle: handle.into(), followers: "12.400".into(), ..Default::default() });
        chorus_core::roster::creators::create(&mut ws, &d).unwrap().id
    };
    let (anna, bo, cas) = (creator("Anna de Vries", "anna.zon"), creator("Bo Smit", "bo.smit"), creator("Cas Bakker", "cas.b"));
    let summer = campaign::create(
        &mut ws,
        &CampaignDraft { name: "Summer 2026".into(), goal: "sales".into(), starts_on: "2026-06-01".into(), ends_on: "31-07-2026".into(), budget: "5.000,00".into(), ..Default::default() },
    )
    .unwrap()
    .id;
    let deal = |ws: &mut chorus_core::Workspace, creator_id, kind: &str, status: &str, fee: &str, usage_until: &str| {
        let d = CollaborationDraft { campaign_id: summer, creator_id, kind: kind.into(), status: status.into(), fee: fee.into(), usage_until: usage_until.into(), ..Default::default() };
        collaboration::create(ws, &d).unwrap().id
    };
    let a = deal(&mut ws, anna, "paid", "active", "500", "2026-07-01");
    let b = deal(&mut ws, bo, "gifted", "agreed", "", "");
    let c = deal(&mut ws, cas, "gifted", "agreed", "", "");
    let post = |ws: &mut chorus_core::Workspace, collaboration_id, format: &str, due_on: &str, status: &str| {
        let live = status == "published";
        let d = DeliverableDraft {
            collaboration_id,
            platform: "instagram".into(),
            format: format.into(),
            due_on: due_on.into(),
            status: status.into(),
            post_url: if live { "https://www.instagram.com/p/Cx1/".into() } else { String::new() },
            published_at: if live { "2026-06-05 19:30".into() } else { String::new() },
            ..Default::default()
        };
        deliverable::create(ws, &d).unwrap();
    };
    post(&mut ws, a, "post", "2026-06-05", "published");
    post(&mut ws, a, "reel", "2026-06-10", "in_production");
    post(&mut ws, a, "carousel", TODAY, "submitted");
    post(&mut ws, a, "story", "2026-06-17", "planned");
    post(&mut ws, a, "post", "2026-06-25", "planned");
    post(&mut ws, a, "video", "2026-06-29", "planned");
    post(&mut ws, b, "reel", "2026-06-21", "planned");
    post(&mut ws, c, "story", "2026-06-01", "planned");
    for (status, shipped_on, delivered_on) in [("to_pack", "", ""), ("delivered", "2026-05-22", "2026-05-25")] {
        let mut d = gifting::new_draft(&ws, b).unwrap();
        d.status = status.into();
        d.carrier = "PostNL".into();
        d.tracking_number = if status == "to_pack" { String::new() } else { "3SZON0001234".into() };
        d.shipped_on = shipped_on.into();
        d.delivered_on = delivered_on.into();
        d.items = vec![GiftItemDraft { name: "Zonnecrème SPF 30".into(), sku: "ZON-30".into(), quantity: "2".into(), unit_cost: "4,10".into(), unit_retail: "19,95".into() }];
        gifting::create(&mut ws, &d).unwrap();
    }
    let cancelled = collaboration::get(&ws, c).unwrap();
    let mut d = cancelled.draft.clone();
    d.status = "cancelled".into();
    collaboration::update(&mut ws, c, cancelled.revision, &d).unwrap();
    // Every save marks its collaboration active on the real today; Anna's last word was in May.
    ws.conn().execute_batch(&format!("UPDATE collaborations SET last_activity_on = '2026-05-20' WHERE id = {a}")).unwrap();
    path
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(args)).unwrap()
}

#[test]
fn due_lists_every_today_section_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let ws = campaign_workspace(dir.path(), "zon.chorus", "Studio Zon");
    let due = json(&["due", s(&ws), "--today", TODAY, "--json"]);
    assert_eq!((due["brand_name"].as_str(), due["date"].as_str(), due["days"].as_u64(), due["currency"].as_str()), (Some("Studio Zon"), Some(TODAY), Some(7), Some("EUR")));
    let totals: Vec<i64> = ["overdue", "due", "gifts_to_ship", "gifts_without_post", "usage_expiring", "idle"].iter().map(|k| due[k]["total"].as_i64().unwrap()).collect();
    assert_eq!(totals, [1, 3, 1, 1, 1, 1], "the cancelled collaboration asks for nothing");
    let late = &due["overdue"]["items"][0];
    assert_eq!((late["creator_name"].as_str(), late["campaign_name"].as_str()), (Some("Anna de Vries"), Some("Summer 2026")));
    assert_eq!((late["due_on"].as_str(), late["days"].as_i64(), late["format"].as_str(), late["status"].as_str()), (Some("2026-06-10"), Some(5), Some("reel"), Some("in_production")));
    let soon: Vec<(&str, i64)> = due["due"]["items"].as_array().unwrap().iter().map(|i| (i["due_on"].as_str().unwrap(), i["days"].as_i64().unwrap())).collect();
    assert_eq!(soon, [(TODAY, 0), ("2026-06-17", 2), ("2026-06-21", 6)]);
    assert_eq!(due["gifts_to_ship"]["items"][0]["creator_name"], "Bo Smit");
    assert_eq!((due["gifts_without_post"]["items"][0]["days"].as_i64(), due["gifts_without_post"]["items"][0]["tracking_number"].as_str()), (Some(21), Some("3SZON0001234")));
    assert_eq!((due["usage_expiring"]["items"][0]["usage_until"].as_str(), due["usage_expiring"]["items"][0]["days"].as_i64()), (Some("2026-07-01"), Some(16)));
    assert_eq!((due["idle"]["items"][0]["creator_name"].as_str(), due["idle"]["items"][0]["days"].as_i64()), (Some("Anna de Vries"), Some(26)));

    // The horizon counts today: 14 days reach 28 June, 15 reach 29 June; 1 is today alone.
    for (days, total, last) in [("14", 4, "2026-06-25"), ("15", 5, "2026-06-29"), ("1", 1, TODAY), ("40", 5, "2026-06-29")] {
        let due = json(&["due", s(&ws), "--today", TODAY, "--days", days, "--json"]);
        let items = due["due"]["items"].as_array().unwrap();
        assert_eq!((due["due"]["total"].as_i64(), items.len() as i64), (Some(total), total), "--days {days}");
        assert_eq!(items.last().unwrap()["due_on"], last, "--days {days}");
        assert!(items.windows(2).all(|w| w[0]["days"].as_i64() <= w[1]["days"].as_i64()), "soonest first, days from today");
        assert_eq!(due["overdue"]["total"], 1, "--days leaves the other sections alone");
    }
}

#[test]
fn due_as_text_is_aligned_and_names_the_work() {
    let dir = tempfile::tempdir().unwrap();
    let ws = campaign_workspace(dir.path(), "zon.chorus", "Studio Zon");
    let text = ok(&["due", s(&ws), "--today", TODAY]);
    assert!(text.starts_with("Studio Zon · 2026-06-15\n"), "{text}");
    for line in [
        "Overdue (1)",
        "  5 days late  2026-06-10  Anna de Vries  Instagram reel  in production  Summer 2026",
        "Due in the next 7 days, today included (3)",
        "      today  2026-06-15  Anna de Vries  Instagram carousel  submitted  Summer 2026",
        "  in 2 days  2026-06-17  Anna de Vries  Instagram story     planned    Summer 2026",
        "  in 6 days  2026-06-21  Bo Smit        Instagram reel      planned    Summer 2026",
        "Gifts to ship (1)",
        "Delivered 14+ days ago, no post yet (1)",
        "  21 days since delivery  2026-05-25  Bo Smit  PostNL 3SZON0001234  Summer 2026",
        "Usage rights ending within 30 days (1)",
        "  16 days left  2026-07-01  Anna de Vries  Summer 2026",
        "Idle for 21+ days (1)",
        "  26 days idle  last 2026-05-20  Anna de Vries  Summer 2026",
    ] {
        assert!(text.lines().any(|l| l == line), "no line {line:?} in\n{text}");
    }
    assert!(!text.contains("Cas Bakker"), "a cancelled collaboration asks for nothing");
    assert!(text.lines().all(|l| l == l.trim_end()), "no trailing blanks");
    let quiet = ok(&["due", s(&ws), "--today", "2026-01-01"]);
    assert!(quiet.contains("Overdue (0)\n  nothing"), "{quiet}");
}

#[test]
fn due_over_several_clients_labels_each_and_reports_a_bad_file_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let zon = campaign_workspace(dir.path(), "zon.chorus", "Studio Zon");
    let other = campaign_workspace(dir.path(), "linnen.chorus", "Linnenkast");
    let missing = dir.path().join("gone.chorus");
    let clients = json(&["due", s(&zon), s(&other), s(&missing), "--today", TODAY, "--json"]);
    let summary: Vec<(&str, Option<i64>, Option<&str>)> = clients
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["brand_name"].as_str().unwrap(), c["due"]["overdue"]["total"].as_i64(), c["error"]["kind"].as_str()))
        .collect();
    assert_eq!(summary, [("Studio Zon", Some(1), None), ("Linnenkast", Some(1), None), ("gone", None, Some("workspace_missing"))]);
    let text = ok(&["due", s(&zon), s(&other), s(&missing), "--today", TODAY, "--days", "14"]);
    assert!(text.contains(&format!("══ Studio Zon ({})\nStudio Zon · 2026-06-15\n", zon.display())), "{text}");
    assert!(text.contains(&format!("══ Linnenkast ({})\n", other.display())), "{text}");
    assert_eq!(text.matches("Due in the next 14 days, today included (4)").count(), 2, "{text}");
    assert!(text.contains("Cannot be shown: There is no file at"), "{text}");

    // --all-recent reads the app's recent list.
    let config = dir.path().join("config");
    let mut recent = chorus_core::app::recent::RecentList::default();
    recent.touch(&other, "Linnenkast", "2026-06-14T08:00:00Z");
    recent.touch(&zon, "Studio Zon", "2026-06-15T08:00:00Z");
    recent.save(&config).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_chorus")).args(["due", "--all-recent", "--today", TODAY, "--json"]).env("CHORUS_DATA_DIR", &config).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let clients: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let brands: Vec<&str> = clients.as_array().unwrap().iter().map(|c| c["brand_name"].as_str().unwrap()).collect();
    assert_eq!(brands, ["Studio Zon", "Linnenkast"], "most recent first");
    let mut one = chorus_core::app::recent::RecentList::default();
    one.touch(&zon, "Studio Zon", "2026-06-15T08:00:00Z");
    one.save(&config).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_chorus")).args(["due", "--all-recent", "--today", TODAY]).env("CHORUS_DATA_DIR", &config).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("══ Studio Zon ("), "a recent list of one is still labelled: {text}");
    let empty = dir.path().join("nothing-here");
    let out = Command::new(env!("CARGO_BIN_EXE_chorus")).args(["due", "--all-recent"]).env("CHORUS_DATA_DIR", &empty).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success() && err.starts_with("chorus: ") && err.contains("recent list") && err.lines().count() == 1, "{err}");
}

#[test]
fn ics_writes_one_event_per_deliverable_with_crlf_lines() {
    let dir = tempfile::tempdir().unwrap();
    let ws = campaign_workspace(dir.path(), "zon.chorus", "Studio Zon");
    let out = dir.path().join("summer.ics");
    ok(&["ics", s(&ws), "--campaign", "summer-2026", "--out", s(&out)]);
    let ics = std::fs::read_to_string(&out).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"), "{ics}");
    assert!(ics.split_inclusive('\n').all(|l| l.ends_with("\r\n")), "every line ends in CRLF");
    // Anna's six and Bo's one; Cas's collaboration is cancelled. Plus Anna's usage rights end.
    assert_eq!(ics.matches("UID:deliverable-").count(), 7);
    assert_eq!(ics.matches("BEGIN:VEVENT\r\n").count(), 8);
    assert_eq!(ics.matches("END:VEVENT\r\n").count(), 8);
    assert!(ics.contains("DTSTART;VALUE=DATE:20260610\r\n"));
    let all = ok(&["ics", s(&ws), "--out", "-"]);
    assert_eq!(all.matches("BEGIN:VEVENT").count(), 8, "every campaign: here the same one");
}

#[test]
fn campaign_export_writes_the_collaborations_and_deliverables() {
    let dir = tempfile::tempdir().unwrap();
    let ws = campaign_workspace(dir.path(), "zon.chorus", "Studio Zon");
    let out = dir.path().join("summer.csv");
    ok(&["campaign-export", s(&ws), "SUMMER 2026", "--out", s(&out)]);
    let csv = std::fs::read_to_string(&out).unwrap();
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    assert_eq!(lines.next().unwrap(), chorus_core::campaigns::export::COLUMNS.join(","));
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 8, "one row per deliverable, the cancelled one's too: {csv}");
    assert!(rows.contains(&"Summer 2026,Anna de Vries,anna.zon,Paid,Active,500.00,0.00,EUR,,,2026-07-01,Instagram,Reel,2026-06-10,In production,,,no,no,no"), "{csv}");
    assert!(rows.iter().any(|r| r.contains("https://www.instagram.com/p/Cx1/,2026-06-05T19:30")), "{csv}");
    let by_id = ok(&["campaign-export", s(&ws), "1"]);
    assert_eq!(by_id, csv, "standard output by default, the same file");
}

#[test]
fn an_unknown_campaign_is_one_clear_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = campaign_workspace(dir.path(), "zon.chorus", "Studio Zon");
    let out = dir.path().join("winter.ics");
    let err = fails(&["ics", s(&ws), "--campaign", "Winter", "--out", s(&out)]);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no campaign “Winter”"), "{err}");
    assert!(!out.exists());
    let err = fails(&["campaign-export", s(&ws), "winter-2026", "--out", s(&dir.path().join("w.csv"))]);
    assert!(err.contains("no campaign “winter-2026”") && err.lines().count() == 1, "{err}");
    assert!(!dir.path().join("w.csv").exists());
    let err = fails(&["due", s(&dir.path().join("missing.chorus"))]);
    assert!(err.contains("There is no file"), "{err}");
}

#[test]
fn campaigns_lists_phase_dates_and_exact_money() {
    let dir = tempfile::tempdir().unwrap();
    let ws = campaign_workspace(dir.path(), "zon.chorus", "Studio Zon");
    let text = ok(&["campaigns", s(&ws), "--today", TODAY]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "ID  NAME         PHASE    START       END         BUDGET EUR  COMMITTED EUR  SPENT EUR  COLLABORATIONS  OPEN DELIVERABLES");
    assert_eq!(lines[1], " 1  Summer 2026  running  2026-06-01  2026-07-31     5000.00         500.00      39.90               3                  6");
    assert_eq!(lines[2], "1 campaign, phases as of 2026-06-15");
    let list = json(&["campaigns", s(&ws), "--json", "--today", "2026-05-01"]);
    assert_eq!((list[0]["phase"].as_str(), list[0]["budget"]["minor"].as_i64(), list[0]["spent"]["minor"].as_i64()), (Some("upcoming"), Some(500_000), Some(3_990)));
}

#[test]
fn campaigns_leaves_archived_ones_out_unless_asked_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = campaign_workspace(dir.path(), "zon.chorus", "Studio Zon");
    {
        let mut ws = chorus_core::Workspace::open(&path).unwrap();
        let spring = chorus_core::campaigns::campaign::create(
            &mut ws,
            &chorus_core::campaigns::CampaignDraft { name: "Spring 2026".into(), goal: "awareness".into(), starts_on: "2026-03-01".into(), ..Default::default() },
        )
        .unwrap();
        chorus_core::campaigns::campaign::archive(&mut ws, spring.id).unwrap();
    }
    let text = ok(&["campaigns", s(&path), "--today", TODAY]);
    assert!(!text.contains("Spring 2026"), "{text}");
    assert!(text.trim_end().ends_with("1 campaign, phases as of 2026-06-15 (1 archived campaign not shown: --archived lists it)"), "{text}");
    let text = ok(&["campaigns", s(&path), "--today", TODAY, "--archived"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].ends_with("OPEN DELIVERABLES  ARCHIVED"), "{text}");
    let today = chorus_core::campaigns::fields::local_today().to_string();
    assert!(lines.iter().any(|l| l.contains("Spring 2026") && l.trim_end().ends_with(&today)), "{text}");
    assert!(lines.iter().any(|l| l.contains("Summer 2026") && l.trim_end().ends_with('—')), "{text}");
    assert_eq!(lines.last().unwrap(), &"2 campaigns, phases as of 2026-06-15");
    assert_eq!(json(&["campaigns", s(&path), "--json"]).as_array().unwrap().len(), 1);
    let all = json(&["campaigns", s(&path), "--json", "--archived"]);
    assert_eq!(all.as_array().unwrap().iter().filter(|c| c["archived_on"].is_string()).count(), 1);
}

#[test]
fn the_demo_has_campaigns_and_something_due() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("demo.chorus");
    ok(&["demo", s(&ws)]);
    let due = json(&["due", s(&ws), "--json"]);
    for section in ["overdue", "due", "gifts_to_ship", "gifts_without_post", "usage_expiring", "idle"] {
        assert!(due[section]["total"].as_i64().unwrap() > 0, "the demo's {section} is empty");
    }
    let list = json(&["campaigns", s(&ws), "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 5);
}

/// Runs `chorus args` with its standard output closed before it writes a byte, as when the
/// reader (`| head -1`) has already gone; returns the exit status and what it said on stderr.
fn with_closed_stdout(args: &[&str]) -> (std::process::ExitStatus, String) {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_chorus")).args(args).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take()); // the reader goes away before chorus has even opened the file
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    (child.wait().unwrap(), err)
}

#[test]
fn every_command_ends_quietly_when_its_reader_stops_early() {
    // Regression: `chorus list --json | head -1` panicked ("failed printing to stdout: Broken
    // pipe"); `export`, `campaigns` and `due` said "Could not write …: Broken pipe".
    let dir = tempfile::tempdir().unwrap();
    let ws = campaign_workspace(dir.path(), "zon.chorus", "Studio Zon");
    let csv = dir.path().join("creators.csv");
    std::fs::write(&csv, GOOD_CSV).unwrap();
    ok(&["import", s(&ws), s(&csv)]);
    let w = s(&ws);
    let commands: &[&[&str]] = &[
        &["list", w, "--json"],
        &["list", w],
        &["export", w],
        &["export", w, "--out", "-", "--niche", "lifestyle"],
        &["info", w],
        &["info", w, "--json"],
        &["campaigns", w, "--today", TODAY],
        &["campaigns", w, "--json"],
        &["due", w, "--today", TODAY],
        &["due", w, "--json"],
        &["due", w, w, "--today", TODAY],
        &["ics", w, "--out", "-"],
        &["campaign-export", w, "Summer 2026"],
        &["import", w, s(&csv), "--preview"],
        &["import", w, s(&csv), "--preview", "--json"],
        &["import", w, s(&csv), "--json"],
        &["--help"],
    ];
    for args in commands {
        let (status, err) = with_closed_stdout(args);
        assert!(status.success(), "chorus {args:?} ended with {status}: {err}");
        assert_eq!(err, "", "chorus {args:?} said something on stderr");
    }
}

#[test]
fn a_limit_of_zero_or_above_the_cap_is_refused_not_changed() {
    // Regression: --limit 0 silently showed one row, --limit 9999 silently showed 500.
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    for (limit, words) in [("0", "at least one row"), ("501", "at most 500 rows"), ("-3", "not a number of rows"), ("ten", "not a number of rows")] {
        let out = chorus(&["list", s(&ws), &format!("--limit={limit}")]);
        assert!(!out.status.success(), "--limit {limit} accepted");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(words) && err.contains("--limit"), "--limit {limit}: {err}");
        assert!(out.stdout.is_empty());
    }
    assert!(ok(&["list", s(&ws), "--limit", "500"]).contains("No creators match."));
    assert!(ok(&["list", s(&ws), "--limit", "1"]).contains("No creators match."));
}

#[test]
fn new_with_a_locale_the_window_does_not_offer_is_refused_and_lists_those_it_does() {
    // Regression: `chorus new x.chorus --locale xx` made a workspace whose locale was "xx".
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("x.chorus");
    let out = chorus(&["new", s(&ws), "--brand", "X", "--locale", "xx"]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("“xx” is not a locale Chorus offers: use nl-NL, en-GB, en-US or de-DE"), "{err}");
    assert!(!ws.exists(), "nothing was created");
    ok(&["new", s(&ws), "--brand", "X", "--locale", "en_gb"]);
    assert_eq!(json(&["info", s(&ws), "--json"])["locale"], "en-GB", "written as the window writes it");
}

#[test]
fn the_locales_chorus_new_takes_are_the_ones_the_window_offers() {
    let settings = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/js/settings/settings.js")).unwrap();
    let line = settings.lines().find(|l| l.contains("export const LOCALES")).expect("the window's list of locales");
    let window: Vec<&str> = line.split('\'').skip(1).step_by(2).collect();
    assert_eq!(window, chorus_core::workspace::settings::OFFERED_LOCALES);
}

#[test]
fn a_today_that_is_not_yyyy_mm_dd_is_refused() {
    // Regression: `--today 03-11-2026` was read as the 3rd of November without a word (an
    // English script may have meant the 11th of March).
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    for day in ["03-11-2026", "2026-1-5", "2026/11/03", "tomorrow", "20261103"] {
        for command in ["due", "campaigns"] {
            let out = chorus(&[command, s(&ws), "--today", day]);
            assert!(!out.status.success(), "{command} --today {day} accepted");
            let err = String::from_utf8(out.stderr).unwrap();
            assert!(err.contains("YYYY-MM-DD, like 2026-11-25"), "{command} --today {day}: {err}");
        }
    }
    let err = String::from_utf8(chorus(&["due", s(&ws), "--today", "2026-02-30"]).stderr).unwrap();
    assert!(err.contains("2026-02-30 is not a day of the calendar"), "{err}");
    assert!(ok(&["due", s(&ws), "--today", "2026-11-03"]).contains("2026-11-03"));
}

#[test]
fn no_error_names_a_temporary_file() {
    // Regression: `chorus new` into a missing folder said "… at path
    // \"/x/.chorus-new-WsGGlr.tmp\"", a file the person never asked for.
    let dir = tempfile::tempdir().unwrap();
    let ws = campaign_workspace(dir.path(), "zon.chorus", "Studio Zon");
    let missing = dir.path().join("no such folder");
    let not_a_folder = dir.path().join("a file");
    std::fs::write(&not_a_folder, "x").unwrap();
    for base in [&missing, &not_a_folder] {
        let target = |name: &str| base.join(name).to_str().unwrap().to_string();
        let runs: Vec<Vec<String>> = vec![
            vec!["new".into(), target("a.chorus"), "--brand".into(), "X".into()],
            vec!["demo".into(), target("d.chorus")],
            vec!["export".into(), s(&ws).into(), "--out".into(), target("out.csv")],
            vec!["ics".into(), s(&ws).into(), "--out".into(), target("out.ics")],
            vec!["campaign-export".into(), s(&ws).into(), "1".into(), "--out".into(), target("out.csv")],
        ];
        for args in runs {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let err = fails(&args);
            assert!(!err.contains(".chorus-") && !err.contains("at path \"") && !err.contains("os error"), "{args:?}: {err}");
            assert!(err.contains(s(base)), "{args:?} names the folder: {err}");
            let reason = if base == &missing { "there is no such file or folder" } else { "part of that path is a file, not a folder" };
            assert!(err.contains(reason), "{args:?}: {err}");
        }
    }
}

#[test]
fn the_list_footer_reads_well_for_an_empty_result_and_any_page() {
    // Regression: an empty result ended in "0 of 0 creators (from 0)".
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let last = |args: &[&str]| ok(args).lines().last().unwrap_or("").to_string();
    assert_eq!(last(&["list", s(&ws)]), "No creators match.");
    assert_eq!(ok(&["list", s(&ws)]).lines().count(), 1, "no column header above nothing");
    let csv = dir.path().join("many.csv");
    let mut text = String::from("name,instagram\n");
    for i in 0..240 {
        text.push_str(&format!("Maker {i:03},maker.{i}\n"));
    }
    std::fs::write(&csv, text).unwrap();
    ok(&["import", s(&ws), s(&csv)]);
    assert_eq!(last(&["list", s(&ws)]), "Creators 1–50 of 240");
    assert_eq!(last(&["list", s(&ws), "--offset", "50"]), "Creators 51–100 of 240");
    assert_eq!(last(&["list", s(&ws), "--offset", "200", "--limit", "100"]), "Creators 201–240 of 240");
    assert_eq!(last(&["list", s(&ws), "--search", "Maker 007"]), "1 creator");
    assert_eq!(last(&["list", s(&ws), "--search", "nobody at all"]), "No creators match.");
    assert_eq!(last(&["list", s(&ws), "--offset", "300"]), "No creators from number 301 on; 240 creators in all.");
    let campaigns = ok(&["campaigns", s(&ws)]);
    assert_eq!(campaigns.trim_end(), "No campaigns yet.");
}

#[test]
fn names_sort_with_accents_and_case_folded() {
    // Regression: "Émile" sorted after "Zoë" (the sort name was only lower case).
    let dir = tempfile::tempdir().unwrap();
    let ws = new_workspace(dir.path());
    let csv = dir.path().join("names.csv");
    std::fs::write(&csv, "name,instagram\nZoë Martin,zoe\nÉmile Roux,emile\nanna Bakker,anna\nØrjan Berg,orjan\n").unwrap();
    ok(&["import", s(&ws), s(&csv)]);
    let page = json(&["list", s(&ws), "--json"]);
    let names: Vec<&str> = page["rows"].as_array().unwrap().iter().map(|r| r["display_name"].as_str().unwrap()).collect();
    assert_eq!(names, vec!["anna Bakker", "Émile Roux", "Ørjan Berg", "Zoë Martin"]);
    let found = json(&["list", s(&ws), "--search", "em", "--json"]);
    assert_eq!(found["rows"][0]["display_name"], "Émile Roux", "a short search finds her without the accent");
    let export = ok(&["export", s(&ws)]);
    let order: Vec<&str> = export.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect();
    assert_eq!(order, vec!["anna Bakker", "Émile Roux", "Ørjan Berg", "Zoë Martin"], "the export sorts the same way");
}
