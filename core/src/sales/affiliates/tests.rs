//! Tests of the affiliate list import, on fixtures in the layouts brands bring
//! (`core/tests/fixtures/affiliates/`) and on files written here.

use super::*;
use crate::commissions::rules_store::{rule_of, RuleOwner};
use crate::sales::test_support::{creator, join, member, order_with_code, summer, workspace};

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/affiliates").join(name)
}

fn file(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn import(ws: &mut Workspace, campaign: i64, path: &Path) -> Result<AffiliateImport> {
    run(ws, campaign, path, &ColumnMapping::default(), ImportOptions::default())
}

fn collaboration(ws: &Workspace, handle: &str) -> (i64, String, String, Option<String>, Option<String>, String) {
    ws.conn()
        .query_row(
            "SELECT l.id, l.kind, l.status, l.starts_on, l.ends_on, l.discount_code FROM collaborations l JOIN handles h ON h.creator_id = l.creator_id WHERE h.handle_key = ?1",
            [handle],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )
        .unwrap()
}

fn rule(ws: &Workspace, collaboration_id: i64) -> String {
    rule_of(ws.conn(), RuleOwner::Collaboration(collaboration_id)).unwrap().map(|r| r.machine_text).unwrap_or_default()
}

fn audit_count(ws: &Workspace) -> i64 {
    ws.conn().query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0)).unwrap()
}

fn problems(e: Error) -> Vec<(u64, String, &'static str)> {
    match e {
        Error::ImportRejected { problems, .. } => problems.into_iter().map(|p| (p.row, p.column, p.code)).collect(),
        e => panic!("expected a rejected import, got {e:?}"),
    }
}

#[test]
fn an_affiliate_tools_export_brings_creators_collaborations_codes_and_rules() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let r = import(&mut ws, campaign, &fixture("affiliate_tool_export.csv")).unwrap();
    assert_eq!((r.rows, r.counts.creators_new, r.counts.collaborations_new, r.counts.codes_set, r.counts.rules_set), (3, 3, 3, 3, 3));
    assert!(r.written);
    let sanne = collaboration(&ws, "sanne.groen");
    assert_eq!((sanne.1.as_str(), sanne.2.as_str(), sanne.5.as_str()), ("affiliate", "active", "SANNE10"));
    assert_eq!(rule(&ws, sanne.0), "percent:1000");
    let bo = collaboration(&ws, "bo.smit");
    assert_eq!((bo.2.as_str(), bo.3.as_deref(), bo.5.as_str()), ("agreed", Some("2099-03-01"), "BO-ZOMER"), "its start lies ahead");
    assert_eq!(rule(&ws, bo.0), "flat:EUR:500");
    let anna = collaboration(&ws, "anna.zon");
    assert_eq!((anna.2.as_str(), anna.4.as_deref()), ("completed", Some("2025-06-30")), "its end has passed");
    assert_eq!(rule(&ws, anna.0), "percent:1250");
    let name: String = ws.conn().query_row("SELECT display_name FROM creators c JOIN handles h ON h.creator_id = c.id WHERE h.handle_key = 'anna.zon'", [], |r| r.get(0)).unwrap();
    assert_eq!(name, "de Vries, Anna");
    let as_written: String = ws.conn().query_row("SELECT as_written FROM commission_rules WHERE owner_id = ?1", [anna.0], |r| r.get(0)).unwrap();
    assert_eq!(as_written, "12.5 % of net sales");
}

#[test]
fn a_second_import_of_the_same_file_changes_nothing_not_even_the_audit_log() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    for name in ["affiliate_tool_export.csv", "dutch_excel.csv", "profile_urls.csv", "first_last_names.csv"] {
        import(&mut ws, campaign, &fixture(name)).unwrap();
        let before = (audit_count(&ws), ws.conn().query_row("SELECT group_concat(updated_at) FROM collaborations", [], |r| r.get::<_, String>(0)).unwrap());
        let again = import(&mut ws, campaign, &fixture(name)).unwrap();
        assert_eq!((again.counts.creators_new, again.counts.collaborations_new, again.counts.collaborations_updated), (0, 0, 0), "{name}");
        assert_eq!(again.counts.collaborations_unchanged, again.rows, "{name}");
        assert!(!again.written, "{name}");
        let after = (audit_count(&ws), ws.conn().query_row("SELECT group_concat(updated_at) FROM collaborations", [], |r| r.get::<_, String>(0)).unwrap());
        assert_eq!(before, after, "{name}");
    }
}

#[test]
fn a_dutch_excel_file_reads_its_accents_decimal_commas_and_dates() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let p = preview(&ws, campaign, &fixture("dutch_excel.csv"), &ColumnMapping::default()).unwrap();
    assert_eq!((p.encoding.as_str(), p.delimiter.as_str(), p.written), ("Windows-1252", ";", false));
    assert_eq!(p.lines.iter().map(|l| l.creator_name.as_str()).collect::<Vec<_>>(), ["Zoë Bakker", "Émile Jansen", "Fleur de Wit"]);
    assert_eq!(audit_count(&ws), 1, "a preview writes nothing (the campaign's own line)");
    import(&mut ws, campaign, &fixture("dutch_excel.csv")).unwrap();
    let zoe = collaboration(&ws, "zoe.bakt");
    assert_eq!((zoe.3.as_deref(), zoe.4.as_deref(), zoe.5.as_str()), (Some("2026-02-01"), Some("2099-12-31"), "ZOE10"));
    assert_eq!(rule(&ws, zoe.0), "percent:1250");
    assert_eq!(rule(&ws, collaboration(&ws, "emile.j").0), "flat:EUR:500");
    let fleur = collaboration(&ws, "fleurdewit");
    assert_eq!((fleur.2, rule(&ws, fleur.0)), ("agreed".to_string(), "flat:EUR:250".to_string()));
}

#[test]
fn profile_links_give_the_platform_and_handle() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let r = import(&mut ws, campaign, &fixture("profile_urls.csv")).unwrap();
    let handles: Vec<(Platform, &str)> = r.lines.iter().map(|l| (l.platform, l.handle.as_str())).collect();
    assert_eq!(handles, [(Platform::Instagram, "cas.bakker"), (Platform::Tiktok, "dewi.danst"), (Platform::Youtube, "larsfietst")]);
    let url: String = ws.conn().query_row("SELECT profile_url FROM handles WHERE handle_key = 'dewi.danst'", [], |r| r.get(0)).unwrap();
    assert_eq!(url, "https://www.tiktok.com/@dewi.danst?lang=nl");
    assert_eq!(collaboration(&ws, "larsfietst").5, "", "no code given: none");
}

#[test]
fn first_and_last_names_blank_like_cells_quotes_case_and_spacing() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let r = import(&mut ws, campaign, &fixture("first_last_names.csv")).unwrap();
    assert_eq!(r.lines.iter().map(|l| l.creator_name.as_str()).collect::<Vec<_>>(), ["Mila Jansen", "Noah van Dijk", "Sem"]);
    let mila = collaboration(&ws, "mila.jansen");
    assert_eq!((mila.3.as_deref(), mila.4.as_deref(), mila.5.as_str()), (Some("2026-02-01"), None, "MILA20"), "a date with a time; N/A is empty");
    assert_eq!(collaboration(&ws, "noah.vd").5, "NOAH_10");
    assert_eq!(rule(&ws, collaboration(&ws, "noah.vd").0), "flat:EUR:300");
    assert_eq!(rule(&ws, collaboration(&ws, "semfit").0), "", "n/a: no rule");
}

#[test]
fn a_matched_creator_is_found_by_platform_and_handle_and_left_as_they_are() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let sanne = creator(&mut ws, "Sanne G.", &[("instagram", "Sanne.Groen", "12000")]);
    let r = import(&mut ws, campaign, &fixture("affiliate_tool_export.csv")).unwrap();
    assert_eq!((r.counts.creators_new, r.counts.creators_matched), (2, 1));
    assert_eq!(r.lines[0].creator_name, "Sanne G.");
    let name: String = ws.conn().query_row("SELECT display_name FROM creators WHERE id = ?1", [sanne], |r| r.get(0)).unwrap();
    assert_eq!(name, "Sanne G.", "the roster's details are the roster import's business");
}

#[test]
fn an_existing_affiliate_collaboration_gets_the_files_code_rule_and_dates_audited() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let sanne = creator(&mut ws, "Sanne", &[("instagram", "sanne.groen", "1")]);
    let l = join(&mut ws, campaign, sanne, "hybrid");
    crate::sales::discount_codes::set_discount_code(&mut ws, l, &crate::sales::discount_codes::CodeChoice::Typed("OLD5".into()), None).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "list.csv", "Instagram,Code,Commission,Start,End\nsanne.groen,sanne10,10%,2026-01-15,2099-12-31\n");
    let r = import(&mut ws, campaign, &path).unwrap();
    assert_eq!((r.counts.collaborations_updated, r.counts.codes_set, r.counts.rules_set), (1, 1, 1));
    let (id, kind, _, starts, ends, code) = collaboration(&ws, "sanne.groen");
    assert_eq!((id, kind.as_str(), starts.as_deref(), ends.as_deref(), code.as_str()), (l, "hybrid", Some("2026-01-15"), Some("2099-12-31"), "SANNE10"));
    let lines: Vec<String> = {
        let mut stmt = ws.conn().prepare("SELECT action || ': ' || detail FROM audit_log WHERE actor = 'import' ORDER BY id").unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
    };
    assert_eq!(
        lines,
        [
            "update: Sanne in Summer 2026: dates none – none → 2026-01-15 – 2099-12-31, from the affiliate list list.csv",
            "discount_code: Sanne in Summer 2026: code OLD5 → SANNE10, from the affiliate list list.csv",
            "set: Sanne in Summer 2026: commission none → 10% of the base (written “10%”); reason: affiliate list list.csv",
        ]
    );
    // An empty cell never erases.
    let path = file(&dir, "list2.csv", "Instagram,Code,Commission\nsanne.groen,,\n");
    assert_eq!(import(&mut ws, campaign, &path).unwrap().counts.collaborations_unchanged, 1);
    assert_eq!((collaboration(&ws, "sanne.groen").5, rule(&ws, l)), ("SANNE10".to_string(), "percent:1000".to_string()));
}

#[test]
fn every_row_problem_is_named_at_its_row_and_column_and_nothing_is_written() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let other = crate::campaigns::campaign::create(&mut ws, &crate::campaigns::CampaignDraft { name: "Winter".into(), goal: "sales".into(), ..Default::default() }).unwrap().id;
    let holder = member(&mut ws, other, "affiliate", "Holder", &[("tiktok", "holder", "1")]);
    crate::sales::discount_codes::set_discount_code(&mut ws, holder, &crate::sales::discount_codes::CodeChoice::Typed("TAKEN".into()), None).unwrap();
    let gifted = creator(&mut ws, "Gift", &[("instagram", "gift", "1")]);
    join(&mut ws, campaign, gifted, "gifted");
    let before = audit_count(&ws);
    let dir = tempfile::tempdir().unwrap();
    let text = "Name,Instagram,Coupon code,Commission,Start date,End date\n\
                A,a1,taken,10%,,\n\
                B,b1,SAME,10%,,\n\
                C,c1,same,10%,,\n\
                D,d1,,veel,,\n\
                E,e1,,10%,2026-05-01,2026-04-01\n\
                F,a1,,,,\n\
                G,gift,,10%,,\n\
                H,h1,HÉ,10%,morgen,\n\
                I,,,10%,,\n";
    let path = file(&dir, "bad.csv", text);
    let found = problems(import(&mut ws, campaign, &path).unwrap_err());
    let expected: Vec<(u64, String, &str)> = vec![
        (2, "Coupon code".into(), "code_taken"),
        (4, "Coupon code".into(), "code_in_file_twice"),
        (5, "Commission".into(), "rule_unreadable"),
        (6, "End date".into(), "end_before_start"),
        (7, "Instagram".into(), "duplicate_in_file"),
        (8, "Instagram".into(), "collaboration_not_affiliate"),
        (9, "Coupon code".into(), "not_allowed_in_code"),
        (9, "Start date".into(), "invalid_date"),
        (10, "".into(), "handle_missing"),
    ];
    let mut found_sorted = found.clone();
    found_sorted.sort();
    let mut expected_sorted = expected.clone();
    expected_sorted.sort();
    assert_eq!(found_sorted, expected_sorted);
    assert_eq!(audit_count(&ws), before, "all or nothing");
    let p = preview(&ws, campaign, &path, &ColumnMapping::default()).unwrap();
    assert_eq!(p.problems.len(), expected.len(), "the preview shows the same problems");
    assert!(p.groups.iter().any(|g| g.code == "code_taken"));
}

#[test]
fn a_creator_named_twice_by_two_of_their_handles_is_a_problem_not_two_collaborations() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    creator(&mut ws, "Sanne", &[("instagram", "sanne.groen", "1"), ("tiktok", "sanne.tok", "1")]);
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "twice.csv", "Platform,Handle,Code\ninstagram,sanne.groen,S1\ntiktok,sanne.tok,S2\n");
    assert_eq!(problems(import(&mut ws, campaign, &path).unwrap_err()), [(3, "Handle".to_string(), "duplicate_in_file")]);
}

#[test]
fn leaving_bad_rows_out_imports_the_good_ones_and_lists_the_rest() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "mixed.csv", "Name,Instagram,Code,Commission\nA,a1,A10,10%\nB,b1,A10,5%\nC,c1,C10,heel veel\n");
    let r = run(&mut ws, campaign, &path, &ColumnMapping::default(), ImportOptions { skip_bad_rows: true }).unwrap();
    assert_eq!(r.counts.collaborations_new, 1);
    assert_eq!(r.problems.iter().map(|p| (p.row, p.code)).collect::<Vec<_>>(), [(3, "code_in_file_twice"), (4, "rule_unreadable")]);
}

#[test]
fn codes_the_file_swaps_between_its_own_collaborations_are_allowed() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let dir = tempfile::tempdir().unwrap();
    import(&mut ws, campaign, &file(&dir, "one.csv", "Instagram,Code\nanna,FIRST\nbo,SECOND\n")).unwrap();
    import(&mut ws, campaign, &file(&dir, "two.csv", "Instagram,Code\nanna,SECOND\nbo,FIRST\n")).unwrap();
    assert_eq!((collaboration(&ws, "anna").5, collaboration(&ws, "bo").5), ("SECOND".to_string(), "FIRST".to_string()));
}

#[test]
fn a_mapping_chooses_columns_the_import_does_not_recognise() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "odd.csv", "Wie,Kanaalnaam,Promo,Deal\nAnna,anna.zon,ANNA5,5%\n");
    let Err(Error::ImportLayout { code, .. }) = import(&mut ws, campaign, &path) else { panic!("no handle column") };
    assert_eq!(code, "affiliates_no_handle_column");
    let mapping = ColumnMapping(
        [("Wie", "name"), ("Kanaalnaam", "instagram"), ("Promo", "code"), ("Deal", "commission")].into_iter().map(|(h, f)| (h.to_string(), Some(f.to_string()))).collect(),
    );
    let r = run(&mut ws, campaign, &path, &mapping, ImportOptions::default()).unwrap();
    assert_eq!((r.lines[0].creator_name.as_str(), r.lines[0].code.as_str(), r.lines[0].rule.as_str()), ("Anna", "ANNA5", "5% of the base"));
    assert_eq!(r.lines[0].rule_machine, "percent:500", "the stable form the window words in its language");
}

#[test]
fn an_archived_campaign_or_an_empty_file_is_refused_before_anything_is_read() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let dir = tempfile::tempdir().unwrap();
    let Err(Error::ImportLayout { code, .. }) = import(&mut ws, campaign, &file(&dir, "empty.csv", "Name,Instagram\n\n")) else { panic!("no rows") };
    assert_eq!(code, "affiliates_no_rows");
    crate::campaigns::campaign::archive(&mut ws, campaign).unwrap();
    let Err(Error::Validation(e)) = import(&mut ws, campaign, &fixture("profile_urls.csv")) else { panic!("archived") };
    assert_eq!(e[0].code, "campaign_archived");
}

#[test]
fn without_orders_the_import_attributes_nothing_again() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    order_with_code(&ws, "#1", "NOT-OURS");
    let r = import(&mut ws, campaign, &fixture("profile_urls.csv")).unwrap();
    assert_eq!((r.orders_reattributed, r.booking.lines_added), (0, 0));
}

#[test]
fn orders_carrying_an_imported_code_are_attributed_in_the_same_import() {
    let mut ws = workspace();
    let campaign = summer(&mut ws);
    let order = order_with_code(&ws, "#1001", "cas10");
    let r = import(&mut ws, campaign, &fixture("profile_urls.csv")).unwrap();
    assert_eq!(r.orders_reattributed, 1);
    let held: Option<i64> = ws.conn().query_row("SELECT collaboration_id FROM orders WHERE id = ?1", [order], |r| r.get(0)).unwrap();
    assert_eq!(held, Some(collaboration(&ws, "cas.bakker").0));
}

/// No file, however mangled, makes the import panic: every outcome is a report or an error.
#[test]
fn no_mangled_affiliate_list_panics() {
    use proptest::prelude::*;
    let base = std::fs::read(fixture("first_last_names.csv")).unwrap();
    let dutch = std::fs::read(fixture("dutch_excel.csv")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let ws = std::cell::RefCell::new(workspace());
    let campaign = summer(&mut ws.borrow_mut());
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig { cases: 200, ..ProptestConfig::default() });
    let strategy = (0usize..2, proptest::collection::vec((0usize..400, any::<u8>()), 0..12), 0usize..400);
    runner
        .run(&strategy, |(which, edits, cut)| {
            let mut bytes = if which == 0 { base.clone() } else { dutch.clone() };
            for (at, byte) in edits {
                if !bytes.is_empty() {
                    let i = at % bytes.len();
                    bytes[i] = byte;
                }
            }
            bytes.truncate(cut.max(1).min(bytes.len()));
            let path = dir.path().join("mangled.csv");
            std::fs::write(&path, &bytes).unwrap();
            let _ = preview(&ws.borrow(), campaign, &path, &ColumnMapping::default());
            let _ = import(&mut ws.borrow_mut(), campaign, &path);
            Ok(())
        })
        .unwrap();
}
