//! Importing creators from CSV files and exporting the roster, as a user meets them: real files
//! on disk (Dutch Excel, English UTF-8 with a byte-order mark), a workspace file in a temporary
//! folder, all-or-nothing imports, merges, and an export that imports back unchanged.

use chorus_core::roster::creators;
use chorus_core::roster::export::{export_roster, write_roster_csv};
use chorus_core::roster::import::{self, ColumnMapping, ImportReport, Progress};
use chorus_core::roster::model::{CreatorDraft, HandleDraft, RateDraft};
use chorus_core::roster::{self, RosterQuery};
use chorus_core::workspace::settings::Settings;
use chorus_core::{Error, Workspace};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)
}

struct Setup {
    dir: tempfile::TempDir,
    ws: Workspace,
}

fn workspace() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::create(dir.path().join("studio-zon.chorus"), &Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
    Setup { dir, ws }
}

fn run(ws: &mut Workspace, path: &Path) -> chorus_core::Result<ImportReport> {
    import::run(ws, path, &ColumnMapping::default(), &mut |_| {})
}

fn creator_count(ws: &Workspace) -> i64 {
    ws.info().unwrap().creators
}

/// The creator that owns a handle, found through the roster search as the window would.
fn by_handle(ws: &Workspace, handle: &str) -> creators::CreatorView {
    let page = roster::list(ws, &RosterQuery { search: handle.into(), ..Default::default() }).unwrap();
    let row = page.rows.iter().find(|r| r.handles.iter().any(|h| h.handle.eq_ignore_ascii_case(handle))).unwrap_or_else(|| panic!("no creator with @{handle}"));
    creators::get(ws, row.id).unwrap().into()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn draft(name: &str, handles: &[(&str, &str, &str)]) -> CreatorDraft {
    CreatorDraft {
        display_name: name.into(),
        handles: handles.iter().map(|(p, h, f)| HandleDraft { platform: p.to_string(), handle: h.to_string(), followers: f.to_string(), ..Default::default() }).collect(),
        ..Default::default()
    }
}

#[test]
fn a_dutch_excel_file_in_windows_1252_with_semicolons_and_decimal_commas() {
    let Setup { mut ws, dir: _dir } = workspace();
    let path = fixture("dutch_excel.csv");
    let p = import::preview(&path).unwrap();
    assert_eq!((p.encoding.as_str(), p.delimiter.as_str(), p.row_count), ("Windows-1252", ";", 3), "the empty row is not counted");
    let fields: Vec<Option<&str>> = p.columns.iter().map(|c| c.field.as_deref()).collect();
    assert_eq!(
        fields,
        vec![Some("display_name"), Some("instagram"), Some("instagram_followers"), Some("tiktok"), Some("tiktok_followers"), Some("city"), Some("country"), Some("niches"), Some("notes"), Some("rate_reel")]
    );
    assert_eq!(p.columns[0].samples, vec!["Zoë Bakker", "Anouk Hendriks", "Daniël de Boer"]);

    let report = run(&mut ws, &path).unwrap();
    assert_eq!(report, ImportReport { rows: 3, created: 3, updated: 0, unchanged: 0 });
    let zoe = by_handle(&ws, "zoe.eats").creator;
    assert_eq!(zoe.display_name, "Zoë Bakker");
    assert_eq!(zoe.handles.iter().map(|h| (h.platform.as_str(), h.followers)).collect::<Vec<_>>(), vec![("instagram", 12_345), ("tiktok", 8_500)]);
    assert_eq!((zoe.country.as_str(), zoe.city.as_str()), ("NL", "Utrecht"));
    assert_eq!(zoe.niches, vec!["food & drink", "lifestyle"]);
    assert_eq!(zoe.notes, "Eet graag crème brûlée");
    assert_eq!(zoe.rates[0].amount.minor, 125_000);
    let anouk = by_handle(&ws, "anouk.fit").creator;
    assert_eq!((anouk.country.as_str(), anouk.handles[0].followers, anouk.rates[0].amount.minor), ("BE", 52_000, 45_000));
    let daniel = by_handle(&ws, "daniel.tech").creator;
    assert_eq!(daniel.handles[0].followers, 1_234_567);
    assert_eq!(daniel.notes, "Reageert snel; \"echt\" goed", "a quoted separator and quotes survive");
    assert_eq!(daniel.rates[0].amount.minor, 9_995);
}

#[test]
fn an_english_utf8_file_with_a_byte_order_mark_and_a_line_break_inside_a_note() {
    let Setup { mut ws, dir: _dir } = workspace();
    let path = fixture("english_bom.csv");
    let p = import::preview(&path).unwrap();
    assert_eq!((p.encoding.as_str(), p.delimiter.as_str(), p.row_count), ("UTF-8", ",", 2));
    assert_eq!(p.columns[0].header, "Name", "the byte-order mark is not part of the first header");
    assert_eq!(p.columns[1].field.as_deref(), Some("email"));
    assert_eq!(p.columns[5].field.as_deref(), Some("youtube_followers"));

    assert_eq!(run(&mut ws, &path).unwrap().created, 2);
    let liam = by_handle(&ws, "liamob").creator;
    assert_eq!(liam.notes, "Met at VidCon.\nPrefers email, not DMs.");
    assert_eq!(liam.handles.iter().map(|h| h.followers).collect::<Vec<_>>(), vec![1_200_000, 12_345]);
    assert_eq!((liam.country.as_str(), liam.stage.as_str(), liam.email.as_str()), ("IE", "contacted", "liam@example.com"));
    assert_eq!(liam.niches, vec!["tech", "lifestyle"]);
    assert_eq!(liam.tags, vec!["summer-2026"]);
    assert_eq!(by_handle(&ws, "sofia.cooks").creator.display_name, "Sofía Núñez");
}

#[test]
fn one_bad_row_stops_the_whole_import_then_the_fixed_file_goes_in_once() {
    let Setup { dir, mut ws } = workspace();
    creators::create(&mut ws, &draft("Already here", &[("tiktok", "here", "10")])).unwrap();
    let before = creator_count(&ws);

    let Err(err) = run(&mut ws, &fixture("one_bad_row.csv")) else { panic!("a negative follower count was accepted") };
    assert_eq!(err.kind(), "import_rejected");
    assert_eq!(err.to_string(), "The import was stopped: 1 problem(s) in one_bad_row.csv. Nothing was imported.");
    let Error::ImportRejected { file, problems } = err else { unreachable!() };
    assert_eq!(file, "one_bad_row.csv");
    assert_eq!(problems.len(), 1);
    let p = &problems[0];
    assert_eq!((p.row, p.column.as_str(), p.code, p.value.as_deref()), (4, "Instagram followers", "negative_number", Some("-12")));
    assert_eq!(p.message, "Followers cannot be negative (“-12”).", "the place is in row and column, not repeated in the sentence");
    assert_eq!(creator_count(&ws), before, "nothing was imported, not even the good rows");

    let fixed = write(dir.path(), "fixed.csv", std::fs::read_to_string(fixture("one_bad_row.csv")).unwrap().replace("-12", "12"));
    let mut seen: Vec<Progress> = Vec::new();
    let report = import::run(&mut ws, &fixed, &ColumnMapping::default(), &mut |p| seen.push(p)).unwrap();
    assert_eq!(report, ImportReport { rows: 4, created: 4, updated: 0, unchanged: 0 });
    assert_eq!(creator_count(&ws), before + 4);
    assert!(seen.windows(2).all(|w| w[0].done <= w[1].done), "progress only moves forward");
    assert_eq!(seen.last().map(|p| (p.done, p.total)), Some((4, 4)), "the bar ends at the number of rows");

    let again = run(&mut ws, &fixed).unwrap();
    assert_eq!(again, ImportReport { rows: 4, created: 0, updated: 0, unchanged: 4 }, "the same file twice changes nothing");
    assert_eq!(creator_count(&ws), before + 4);
}

#[test]
fn every_problem_of_every_row_is_reported_at_once() {
    let Setup { dir, mut ws } = workspace();
    let path = write(
        dir.path(),
        "many problems.csv",
        "Name,Instagram,Instagram followers,E-mail,Rate reel\n\
         Anna,annafit,lots,anna@,12\n\
         ,bram,5,,-3\n\
         Cor,,,,\n\
         Dewi,dewi,5,,,surplus\n",
    );
    let Err(Error::ImportRejected { problems, .. }) = run(&mut ws, &path) else { panic!("accepted") };
    let found: Vec<(u64, &str, &str)> = problems.iter().map(|p| (p.row, p.column.as_str(), p.code)).collect();
    assert_eq!(
        found,
        vec![
            (2, "Instagram followers", "not_a_number"),
            (2, "E-mail", "invalid_email"),
            (3, "Name", "required"),
            (3, "Rate reel", "negative_number"),
            (4, "", "handle_required"),
            (5, "", "too_many_cells"),
        ]
    );
    assert!(problems[4].message.starts_with("Add at least one handle"), "{}", problems[4].message);
    assert_eq!(creator_count(&ws), 0);
}

#[test]
fn a_row_for_a_creator_on_the_roster_merges_into_it() {
    let Setup { mut ws, dir: _dir } = workspace();
    let mut d = draft("Anna de Vries", &[("instagram", "AnnaFit", "52000")]);
    d.email = "anna@example.nl".into();
    d.niches = vec!["fitness".into()];
    let anna = creators::create(&mut ws, &d).unwrap();

    let report = run(&mut ws, &fixture("merge.csv")).unwrap();
    assert_eq!(report, ImportReport { rows: 1, created: 0, updated: 1, unchanged: 0 });
    let after = creators::get(&ws, anna.id).unwrap();
    assert_eq!(creator_count(&ws), 1, "merged, not duplicated");
    assert_eq!(after.display_name, "Anna de Vries", "an empty name cell keeps the name");
    assert_eq!(after.email, "anna@example.nl", "an empty cell never erases");
    assert_eq!(after.niches, vec!["fitness"], "a column the file does not have keeps its data");
    assert_eq!(after.city, "Utrecht", "the new city is added");
    assert_eq!(after.handles.iter().map(|h| (h.platform.as_str(), h.handle.as_str(), h.followers)).collect::<Vec<_>>(), vec![("instagram", "annafit", 53_000), ("tiktok", "anna.moves", 8_000)]);
    assert_eq!(after.handles[0].id, anna.handles[0].id, "the handle keeps its identity and history");

    assert_eq!(run(&mut ws, &fixture("merge.csv")).unwrap(), ImportReport { rows: 1, created: 0, updated: 0, unchanged: 1 });
    let actors: Vec<String> = ws.conn().prepare("SELECT actor FROM audit_log WHERE entity = 'creator' ORDER BY id").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    assert_eq!(actors, vec!["app", "import"], "the import is named in the audit log, once");
}

#[test]
fn a_re_import_counts_unchanged_changed_and_new_creators_apart() {
    // Unchanged creators are let go as soon as their row is checked: a creator whom two rows
    // update, one of them changing nothing, must still be saved, and counted once.
    let Setup { dir, mut ws } = workspace();
    let first = write(dir.path(), "first.csv", "Name;Instagram;Instagram volgers;TikTok\nAnna;annafit;100;anna.moves\nBram;bramtech;200;\n");
    assert_eq!(run(&mut ws, &first).unwrap(), ImportReport { rows: 2, created: 2, updated: 0, unchanged: 0 });
    let again = write(
        dir.path(),
        "again.csv",
        "Name;Instagram;Instagram volgers;TikTok\nAnna;annafit;100;\n;;;anna.moves\nBram;bramtech;250;\nZoë;zoe.eats;10;\n",
    );
    assert_eq!(run(&mut ws, &again).unwrap(), ImportReport { rows: 4, created: 1, updated: 1, unchanged: 1 });
    assert_eq!(by_handle(&ws, "bramtech").creator.handles[0].followers, 250);
    assert_eq!(creator_count(&ws), 3);
    assert_eq!(run(&mut ws, &again).unwrap(), ImportReport { rows: 4, created: 0, updated: 0, unchanged: 3 });
}

#[test]
fn several_rows_may_update_one_creator_one_handle_per_row() {
    let Setup { dir, mut ws } = workspace();
    let anna = creators::create(&mut ws, &draft("Anna", &[("instagram", "annafit", "100"), ("tiktok", "anna.moves", "50")])).unwrap();
    let path = write(dir.path(), "long.csv", "Platform;Handle;Volgers\nInstagram;annafit;200\nTikTok;@anna.moves;70\nYouTube;annatube;1.000\n");
    // Nobody owns @annatube and the file has no name column: the handle becomes the name.
    assert_eq!(run(&mut ws, &path).unwrap(), ImportReport { rows: 3, created: 1, updated: 1, unchanged: 0 });
    let after = creators::get(&ws, anna.id).unwrap();
    assert_eq!(after.display_name, "Anna", "a creator on the roster keeps its name");
    assert_eq!(after.handles.iter().map(|h| h.followers).collect::<Vec<_>>(), vec![200, 70], "both rows landed");
    assert_eq!(by_handle(&ws, "annatube").creator.display_name, "annatube");
}

#[test]
fn the_same_handle_twice_in_a_file_names_both_rows() {
    let Setup { mut ws, dir: _dir } = workspace();
    let Err(Error::ImportRejected { problems, .. }) = run(&mut ws, &fixture("duplicate_handle.csv")) else { panic!("accepted") };
    assert_eq!(problems.len(), 1);
    let p = &problems[0];
    assert_eq!((p.row, p.column.as_str(), p.code), (4, "Instagram", "duplicate_in_file"));
    assert!(p.message.contains("also in row 2"), "{}", p.message);
    assert_eq!(creator_count(&ws), 0);
}

#[test]
fn a_row_with_handles_of_two_creators_is_refused() {
    let Setup { dir, mut ws } = workspace();
    creators::create(&mut ws, &draft("Anna", &[("instagram", "annafit", "100")])).unwrap();
    creators::create(&mut ws, &draft("Bram", &[("tiktok", "bramtech", "100")])).unwrap();
    let path = write(dir.path(), "mixed.csv", "Name,Instagram,TikTok\nAnna,annafit,bramtech\n");
    let Err(Error::ImportRejected { problems, .. }) = run(&mut ws, &path) else { panic!("accepted") };
    assert_eq!((problems[0].code, problems[0].column.as_str()), ("handles_of_two_creators", "TikTok"));
    assert!(problems[0].message.contains("belongs to Anna") && problems[0].message.contains("belongs to Bram"), "{}", problems[0].message);
}

#[test]
fn an_unknown_header_is_shown_then_mapped_by_the_person() {
    let Setup { mut ws, dir: _dir } = workspace();
    let path = fixture("unknown_header.csv");
    let p = import::preview(&path).unwrap();
    let standplaats = p.columns.iter().find(|c| c.header == "Standplaats").unwrap();
    assert_eq!(standplaats.field, None);
    assert_eq!(standplaats.samples, vec!["Utrecht", "Antwerpen"]);
    assert!(p.fields.iter().any(|f| f.value == "city" && f.label == "City"));

    run(&mut ws, &path).unwrap();
    assert_eq!(by_handle(&ws, "annafit").creator.city, "", "an unknown column is ignored");

    let mut mapping = ColumnMapping::default();
    mapping.0.insert("Standplaats".into(), Some("city".into()));
    mapping.0.insert("Favourite colour".into(), None);
    let report = import::run(&mut ws, &path, &mapping, &mut |_| {}).unwrap();
    assert_eq!(report, ImportReport { rows: 2, created: 0, updated: 2, unchanged: 0 });
    assert_eq!(by_handle(&ws, "annafit").creator.city, "Utrecht");
    assert_eq!(by_handle(&ws, "bramtech").creator.city, "Antwerpen");

    mapping.0.insert("Favourite colour".into(), Some("favourite_colour".into()));
    let Err(Error::ImportLayout { code, message, .. }) = import::run(&mut ws, &path, &mapping, &mut |_| {}) else { panic!("an unknown field was accepted") };
    assert_eq!(code, "unknown_field");
    assert!(message.starts_with("The column ‘Favourite colour’ of unknown_header.csv is set to import as “favourite_colour”, which is not a field Chorus knows. Choose one of: display_name, email, phone,"), "{message}");
}

#[test]
fn files_that_cannot_be_imported_say_why() {
    let Setup { dir, mut ws } = workspace();
    // Every whole-file problem has a code the window words in its own language (issue 8: the
    // empty file, the header without rows and the missing header came as English only).
    let mut bad = |name: &str, content: &str, expected_code: &str| -> String {
        let path = write(dir.path(), name, content);
        match run(&mut ws, &path) {
            Err(e @ Error::ImportLayout { .. }) => {
                assert_eq!((e.kind(), e.params()["code"].as_str(), e.params()["file"].as_str()), ("bad_file", expected_code, name));
                e.to_string()
            }
            other => panic!("{name}: {other:?}"),
        }
    };
    assert_eq!(bad("empty.csv", "", "empty_file"), "empty.csv is empty: there is nothing to import.");
    assert!(bad("header-only.csv", "Name,Instagram\n", "no_rows").contains("no creators below it"));
    assert!(bad("blank-header.csv", ",,\nAnna,annafit\n", "no_header").contains("has no header row"));
    assert!(bad("no-handles.csv", "Name,City\nAnna,Utrecht\n", "no_handle_column").contains("cannot find a handle column"));
    assert!(bad("gibberish.csv", "foo;bar\n1;2\n", "no_name_or_handle_column").contains("cannot find a name or handle column"));
    let missing = dir.path().join("missing.csv");
    assert_eq!(import::preview(&missing).unwrap_err().kind(), "io");
}

fn sample_roster(ws: &mut Workspace) {
    let mut anna = draft("Anna de Vries", &[("instagram", "AnnaFit", "52000"), ("instagram", "anna.backup", "900"), ("tiktok", "anna.moves", "8000")]);
    anna.handles[2].profile_url = "https://www.tiktok.com/@anna.moves".into();
    anna.niches = vec!["fitness & wellness".into(), "food & drink".into()];
    anna.tags = vec!["summer-2026".into()];
    anna.stage = "active".into();
    anna.city = "Utrecht".into();
    anna.country = "NL".into();
    anna.email = "anna@example.nl".into();
    anna.phone = "+31 6 1234 5678".into();
    anna.payout_method = "bank".into();
    anna.iban = "NL91ABNA0417164300".into();
    anna.account_holder = "A. de Vries".into();
    anna.authenticity_score = "4".into();
    anna.authenticity_notes = "Replies to comments herself.".into();
    anna.notes = "Two lines\nof notes, with a comma; and \"quotes\".".into();
    anna.rates = vec![RateDraft { format: "reel".into(), amount: "450".into() }, RateDraft { format: "story".into(), amount: "99,95".into() }];
    creators::create(ws, &anna).unwrap();

    let mut bram = draft("Bram Jansen", &[("youtube", "bramtech", "120000")]);
    bram.stage = "prospect".into();
    bram.payout_method = "paypal".into();
    bram.paypal_email = "bram@example.be".into();
    bram.country = "BE".into();
    creators::create(ws, &bram).unwrap();

    let mut evil = draft("=HYPERLINK(\"http://evil.example\",\"click\")", &[("x", "-1+2", "10")]);
    evil.notes = "@SUM(A1:A9)".into();
    evil.manager = "-1+2".into();
    evil.stage = "active".into();
    creators::create(ws, &evil).unwrap();
}

fn all_drafts(ws: &Workspace) -> Vec<CreatorDraft> {
    let page = roster::list(ws, &RosterQuery { limit: 500, ..Default::default() }).unwrap();
    page.rows.iter().map(|r| creators::get(ws, r.id).unwrap().to_draft()).collect()
}

#[test]
fn an_export_imports_back_and_changes_nothing() {
    let Setup { dir, mut ws } = workspace();
    sample_roster(&mut ws);
    let out = dir.path().join("roster.csv");
    assert_eq!(export_roster(&ws, &RosterQuery::default(), &out).unwrap(), 3);
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFName,Instagram handle,Instagram followers,Instagram URL,Instagram 2 handle,"), "{}", String::from_utf8_lossy(&bytes[..120]));

    // Every column the import can fill is recognised; only the derived ones are not.
    let p = import::preview(&out).unwrap();
    let unknown: Vec<&str> = p.columns.iter().filter(|c| c.field.is_none()).map(|c| c.header.as_str()).collect();
    assert_eq!(unknown, vec!["Tier", "Created", "Updated"]);

    // Into the same workspace: nothing changes.
    let before = all_drafts(&ws);
    assert_eq!(run(&mut ws, &out).unwrap(), ImportReport { rows: 3, created: 0, updated: 0, unchanged: 3 });
    assert_eq!(all_drafts(&ws), before);

    // Into a new workspace: the same creators, and the same export.
    let mut other = Workspace::create(dir.path().join("copy.chorus"), &Settings::new("Copy", "EUR", "en-GB")).unwrap();
    assert_eq!(run(&mut other, &out).unwrap().created, 3);
    assert_eq!(all_drafts(&other), before);
    let strip_dates = |csv: Vec<u8>| -> Vec<String> {
        String::from_utf8(csv).unwrap().lines().map(|l| l.rsplitn(3, ',').nth(2).unwrap().to_string()).collect()
    };
    let mut again = Vec::new();
    write_roster_csv(&other, &RosterQuery::default(), &mut again).unwrap();
    assert_eq!(strip_dates(again), strip_dates(bytes));
}

#[test]
fn exported_text_never_becomes_a_formula_yet_imports_back_as_typed() {
    let Setup { mut ws, dir: _dir } = workspace();
    sample_roster(&mut ws);
    let mut out = Vec::new();
    write_roster_csv(&ws, &RosterQuery { search: "evil".into(), ..Default::default() }, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let cell = |name: &str| row.get(headers.iter().position(|h| h == name).unwrap()).unwrap().to_string();
    assert_eq!(cell("Name"), "'=HYPERLINK(\"http://evil.example\",\"click\")");
    assert_eq!(cell("Notes"), "'@SUM(A1:A9)");
    assert_eq!(cell("Manager"), "'-1+2");
    assert_eq!(cell("X handle"), "'-1+2");
    assert_eq!(cell("X followers"), "10", "numbers Chorus writes are left alone");
    for (i, value) in row.iter().enumerate() {
        assert!(!value.starts_with(['=', '+', '-', '@']), "column {} starts like a formula: {value}", &headers[i]);
    }

    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "evil.csv", text);
    let mut fresh = Workspace::in_memory(&Settings::new("Fresh", "EUR", "nl-NL")).unwrap();
    assert_eq!(run(&mut fresh, &path).unwrap().created, 1);
    let c = by_handle(&fresh, "-1+2").creator;
    assert_eq!(c.display_name, "=HYPERLINK(\"http://evil.example\",\"click\")");
    assert_eq!((c.notes.as_str(), c.manager.as_str()), ("@SUM(A1:A9)", "-1+2"));
}

#[test]
fn an_export_of_a_filtered_view_has_only_its_rows_and_columns() {
    let Setup { dir, mut ws } = workspace();
    sample_roster(&mut ws);
    let out = dir.path().join("active.csv");
    let q = RosterQuery { stage: Some("active".into()), sort: roster::SortKey::Followers, descending: true, limit: 1, offset: 1, ..Default::default() };
    assert_eq!(export_roster(&ws, &q, &out).unwrap(), 2, "offset and limit do not apply to an export");
    let text = std::fs::read_to_string(&out).unwrap();
    let names: Vec<String> = csv::Reader::from_reader(text.as_bytes()).records().map(|r| r.unwrap()[0].to_string()).collect();
    assert_eq!(names, vec!["Anna de Vries", "'=HYPERLINK(\"http://evil.example\",\"click\")"], "largest audience first, as the view sorts");
    assert!(!text.contains("bramtech") && !text.lines().next().unwrap().contains("YouTube"), "no rows or platform columns of others");

    let nobody = RosterQuery { search: "nobody at all".into(), ..Default::default() };
    assert_eq!(export_roster(&ws, &nobody, &out).unwrap(), 0);
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("\u{feff}Name,Niches,Tags,Stage,Tier,"), "an empty view still has its header");
}

#[test]
fn a_failed_export_leaves_no_half_file() {
    let Setup { dir, mut ws } = workspace();
    sample_roster(&mut ws);
    let out = dir.path().join("roster.csv");
    std::fs::write(&out, "the previous export").unwrap();
    let bad = RosterQuery { tier: Some("giga".into()), ..Default::default() };
    assert_eq!(export_roster(&ws, &bad, &out).unwrap_err().kind(), "validation");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "the previous export", "the old file is untouched");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).filter(|n| n.to_string_lossy().ends_with(".tmp")).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert!(matches!(export_roster(&ws, &RosterQuery::default(), &dir.path().join("no such folder/x.csv")), Err(Error::Io { .. })));
}


/// The database schema as text, to compare before and after an import.
fn schema(ws: &Workspace) -> Vec<String> {
    ws.conn()
        .prepare("SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

fn big_csv(dir: &Path, rows: usize, bad_row: Option<usize>) -> PathBuf {
    let mut text = String::from("Name;Instagram;Instagram volgers;TikTok;Niche\n");
    for i in 0..rows {
        let followers = if Some(i) == bad_row { "-5".to_string() } else { format!("{}", 1000 + i) };
        text.push_str(&format!("Creator {i};ig{i};{followers};tt{i};food & drink\n"));
    }
    write(dir, "big.csv", text)
}

#[test]
fn a_large_import_rebuilds_the_indexes_it_set_aside() {
    let Setup { dir, mut ws } = workspace();
    let before = schema(&ws);
    let report = run(&mut ws, &big_csv(dir.path(), 6_000, None)).unwrap();
    assert_eq!(report.created, 6_000);
    assert_eq!(schema(&ws), before, "every index is back, exactly as it was");
    let integrity: String = ws.conn().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok", "the rebuilt indexes agree with the tables");
    let page = roster::list(&ws, &RosterQuery { search: "ig5999".into(), ..Default::default() }).unwrap();
    assert_eq!(page.rows[0].display_name, "Creator 5999");
    let page = roster::list(&ws, &RosterQuery { niche: Some("food & drink".into()), platform: Some("tiktok".into()), ..Default::default() }).unwrap();
    assert_eq!(page.total, 6_000);
}

#[test]
fn a_large_import_with_a_bad_row_leaves_roster_and_schema_as_they_were() {
    let Setup { dir, mut ws } = workspace();
    let before = schema(&ws);
    let err = run(&mut ws, &big_csv(dir.path(), 6_000, Some(5_500))).unwrap_err();
    let Error::ImportRejected { problems, .. } = err else { panic!("expected a rejected import") };
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].row, 5_502);
    assert_eq!(creator_count(&ws), 0);
    assert_eq!(schema(&ws), before);
}

#[test]
fn a_plain_followers_column_belongs_to_the_one_platform_column() {
    // Regression: "Naam;Instagram;Volgers" was refused as if "Volgers" were a handle column of
    // an unknown platform.
    let Setup { dir, mut ws } = workspace();
    let csv = write(dir.path(), "simpel.csv", "Naam;Instagram;Volgers;Profiel\nSanne;sanne.groen;12.000;https://www.instagram.com/sanne.groen/\n");
    let report = run(&mut ws, &csv).unwrap();
    assert_eq!(report.created, 1);
    let sanne = by_handle(&ws, "sanne.groen");
    assert_eq!(sanne.creator.handles[0].followers, 12_000);
    assert_eq!(sanne.creator.handles[0].profile_url, "https://www.instagram.com/sanne.groen/");

    // With two platforms, a plain "Followers" column that follows neither is ambiguous: the
    // message names it and the fields it could be.
    let csv = write(dir.path(), "twee.csv", "Name,Followers,Instagram,TikTok\nDaan,500,daan,daan.tt\n");
    let Err(Error::ImportLayout { code, message, .. }) = run(&mut ws, &csv) else { panic!("an ambiguous followers column must be refused") };
    assert_eq!(code, "followers_without_platform");
    assert!(message.contains("‘Followers’") && message.contains("instagram_followers or tiktok_followers"), "{message}");
}

#[test]
fn a_postal_address_column_is_imported_and_exported_with_its_line_breaks() {
    let Setup { dir, mut ws } = workspace();
    let csv = "Naam;Instagram;Adres;Plaats\nAnna de Vries;anna.zon;\"Oudegracht 12\n3511 AB\";Utrecht\n";
    let report = run(&mut ws, &write(dir.path(), "adressen.csv", csv)).unwrap();
    assert_eq!(report.created, 1);
    let anna = by_handle(&ws, "anna.zon");
    assert_eq!(anna.creator.postal_address, "Oudegracht 12\n3511 AB");
    let out = dir.path().join("export.csv");
    export_roster(&ws, &RosterQuery::default(), &out).unwrap();
    let mut again = Workspace::in_memory(&Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
    run(&mut again, &out).unwrap();
    assert_eq!(by_handle(&again, "anna.zon").creator.postal_address, "Oudegracht 12\n3511 AB");
}

fn run_skipping(ws: &mut Workspace, path: &Path) -> chorus_core::Result<import::ImportOutcome> {
    import::run_with(ws, path, &ColumnMapping::default(), import::ImportOptions { skip_bad_rows: true }, &mut |_| {})
}

#[test]
fn a_google_sheets_file_without_a_name_column_names_creators_after_their_handle_and_reads_blank_like_cells_as_empty() {
    let Setup { mut ws, dir: _dir } = workspace();
    let path = fixture("google_sheets.csv");
    let p = import::preview(&path).unwrap();
    assert_eq!((p.encoding.as_str(), p.delimiter.as_str(), p.row_count), ("UTF-8", ",", 5));
    assert_eq!(p.name_from.as_deref(), Some("Instagram"), "the preview says whose handle becomes the name");
    let fields: Vec<Option<&str>> = p.columns.iter().map(|c| c.field.as_deref()).collect();
    assert_eq!(fields, vec![Some("instagram"), Some("instagram_followers"), Some("tiktok"), Some("tiktok_followers"), Some("country"), Some("email")]);
    let blank: Vec<u64> = p.columns.iter().map(|c| c.blank_like).collect();
    assert_eq!(blank, vec![0, 2, 1, 1, 0, 2], "N/A, -, —, n/a and null are counted per column");
    assert_eq!(p.blank_like_examples, vec!["N/A", "-", "n/a"]);
    assert!(p.columns[1].samples.iter().all(|s| s != "N/A" && s != "-"), "a blank-like cell is no sample: {:?}", p.columns[1].samples);

    assert_eq!(run(&mut ws, &path).unwrap().created, 5);
    let sanne = by_handle(&ws, "sanne.groen").creator;
    assert_eq!((sanne.display_name.as_str(), sanne.country.as_str()), ("sanne.groen", "NL"));
    let daan = by_handle(&ws, "daan.bakt").creator;
    assert_eq!((daan.country.as_str(), daan.handles.len(), daan.handles[0].followers), ("NL", 1, 0), "Holland; N/A followers; a “-” TikTok is no handle");
    let chloe = by_handle(&ws, "chloe.maison").creator;
    assert_eq!((chloe.country.as_str(), chloe.email.as_str()), ("BE", ""));
    assert_eq!(by_handle(&ws, "lucas.rio").creator.country, "BR");
    assert_eq!(by_handle(&ws, "petra.praha").creator.country, "CZ");
}

#[test]
fn a_dutch_excel_file_with_a_plain_volgers_column_after_each_handle_column() {
    let Setup { mut ws, dir: _dir } = workspace();
    let path = fixture("dutch_excel_volgers.csv");
    let p = import::preview(&path).unwrap();
    assert_eq!((p.encoding.as_str(), p.delimiter.as_str()), ("Windows-1252", ";"));
    assert_eq!(p.columns[2].field.as_deref(), Some("instagram_followers"), "Volgers after Instagram is Instagram's");
    assert_eq!(p.name_from, None, "the file names its creators");
    assert_eq!(run(&mut ws, &path).unwrap().created, 3);
    let zoe = by_handle(&ws, "zoe.eats").creator;
    assert_eq!(zoe.handles.iter().map(|h| (h.platform.as_str(), h.followers)).collect::<Vec<_>>(), vec![("instagram", 12_345), ("tiktok", 8_500)]);
    assert_eq!((by_handle(&ws, "anouk.fit").creator.country.as_str(), by_handle(&ws, "daniel.tech").creator.handles[1].followers), ("BE", 0), "#N/B is Dutch Excel's N/A");
}

#[test]
fn another_tools_export_with_generic_columns_and_nan_cells() {
    let Setup { mut ws, dir: _dir } = workspace();
    assert_eq!(run(&mut ws, &fixture("other_tool.csv")).unwrap().created, 3);
    let lotte = by_handle(&ws, "lotte.bakes").creator;
    assert_eq!((lotte.display_name.as_str(), lotte.country.as_str(), lotte.email.as_str(), lotte.handles[0].followers), ("Lotte Bos", "", "", 0));
    assert_eq!(by_handle(&ws, "tom.travels").creator.email, "", "None is empty");
}

#[test]
fn skip_bad_rows_imports_the_good_rows_and_saves_the_bad_ones_beside_the_file() {
    let Setup { dir, mut ws } = workspace();
    let source = dir.path().join("makers.csv");
    std::fs::copy(fixture("dutch_excel_bad_rows.csv"), &source).unwrap();

    // All or nothing stays the default.
    let Err(Error::ImportRejected { problems, .. }) = run(&mut ws, &source) else { panic!("accepted") };
    assert_eq!(problems.iter().map(|p| (p.row, p.code)).collect::<Vec<_>>(), vec![(3, "negative_number"), (4, "invalid_country"), (5, "invalid_email")]);
    assert_eq!(creator_count(&ws), 0);

    let outcome = run_skipping(&mut ws, &source).unwrap();
    assert_eq!((outcome.report.rows, outcome.report.created), (5, 2));
    let left = outcome.left_out.expect("rows were left out");
    assert_eq!(left.rows, 3);
    assert_eq!(left.problems.len(), 3);
    assert_eq!(left.groups.len(), 3);
    let saved = PathBuf::from(&left.file);
    assert_eq!(saved, dir.path().join("makers-left-out.csv"), "beside the source");
    assert_eq!(creator_count(&ws), 2);
    by_handle(&ws, "zoe.eats");
    by_handle(&ws, "eva.groot");

    // The file's own header and cells, in its separator, and what to fix.
    let text = std::fs::read_to_string(&saved).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "Naam;Instagram;Instagram volgers;Land;E-mail;Chorus: what to fix");
    // Exactly, except that a cell starting like a formula gets a ' (the import takes it off).
    assert!(lines[1].starts_with("Bram Jansen;bram.bakt;'-12;Nederland;bram@example.nl;"), "{}", lines[1]);
    assert!(lines[1].contains("Row 3 of makers.csv, column ‘Instagram volgers’: Followers cannot be negative"), "{}", lines[1]);
    assert!(lines[2].starts_with("Cor Visser;cor.visser;5.000;Nederlnd;"), "{}", lines[2]);
    assert!(lines[3].starts_with("Dewi Smit;dewi.smit;7.100;België;dewi@;"), "the decoded text, accents kept: {}", lines[3]);
    assert_eq!(lines.len(), 4);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).filter(|n| n.to_string_lossy().ends_with(".tmp")).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // Fixed and imported again; the reason column is ignored. Another skip never overwrites.
    let fixed = text.replace("'-12", "12").replace("Nederlnd", "Nederland").replace("dewi@;", "dewi@example.nl;");
    std::fs::write(&saved, fixed).unwrap();
    let p = import::preview(&saved).unwrap();
    assert_eq!(p.columns.last().map(|c| (c.header.as_str(), c.field.clone())), Some(("Chorus: what to fix", None)));
    let again = run(&mut ws, &saved).unwrap();
    assert_eq!(again.created, 3);
    assert_eq!(by_handle(&ws, "bram.bakt").creator.handles[0].followers, 12);
    std::fs::copy(fixture("dutch_excel_bad_rows.csv"), &source).unwrap();
    let mut fresh = Workspace::in_memory(&Settings::new("Fresh", "EUR", "nl-NL")).unwrap();
    let second = run_skipping(&mut fresh, &source).unwrap().left_out.unwrap();
    assert_eq!(PathBuf::from(second.file), dir.path().join("makers-left-out-2.csv"), "the first list is kept");
}

#[test]
fn a_left_out_row_does_not_erase_what_a_later_row_of_the_same_creator_keeps() {
    // Two rows describe Anna (her two handles). The first is left out (its follower count is
    // not a number); the second adds nothing but her TikTok count. The second row was laid
    // over an empty creator, because the first had already taken her stored details, and the
    // import saved Anna with her e-mail, city and Instagram handle gone.
    let Setup { dir, mut ws } = workspace();
    let mut anna = draft("Anna", &[("instagram", "annafit", "100"), ("tiktok", "anna.moves", "50")]);
    anna.email = "anna@example.nl".into();
    anna.city = "Utrecht".into();
    let anna = creators::create(&mut ws, &anna).unwrap();
    let path = write(dir.path(), "two-rows.csv", "Name;Platform;Handle;Volgers\nAnna;Instagram;annafit;veel\nAnna;TikTok;anna.moves;70\n");
    let outcome = run_skipping(&mut ws, &path).unwrap();
    assert_eq!(outcome.report.updated, 1);
    assert_eq!(outcome.left_out.as_ref().map(|l| l.rows), Some(1));
    let after = creators::get(&ws, anna.id).unwrap();
    assert_eq!((after.email.as_str(), after.city.as_str()), ("anna@example.nl", "Utrecht"), "what no row changed is kept");
    let handles: Vec<(&str, i64)> = after.handles.iter().map(|h| (h.handle.as_str(), h.followers)).collect();
    assert_eq!(handles, [("annafit", 100), ("anna.moves", 70)]);

    // Its sibling: importing all or nothing, the later row was checked against that empty
    // creator too, and refused for a name it never had to give.
    let nameless = write(dir.path(), "nameless.csv", "Name;Platform;Handle;Volgers\nAnna;Instagram;annafit;veel\n;TikTok;anna.moves;80\n");
    match run(&mut ws, &nameless) {
        Err(Error::ImportRejected { problems, .. }) => assert_eq!(problems.iter().map(|p| p.row).collect::<Vec<_>>(), [2], "{problems:?}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn skip_bad_rows_with_nothing_wrong_imports_everything_and_saves_nothing() {
    let Setup { dir, mut ws } = workspace();
    let source = write(dir.path(), "good.csv", "Naam;Instagram\nAnna;anna\n");
    let outcome = run_skipping(&mut ws, &source).unwrap();
    assert_eq!((outcome.report.created, outcome.left_out), (1, None));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().contains("left-out")).count(), 0);
}

#[test]
fn when_the_left_out_rows_cannot_be_saved_nothing_is_imported() {
    let Setup { dir, mut ws } = workspace();
    let source = dir.path().join("makers.csv");
    std::fs::copy(fixture("dutch_excel_bad_rows.csv"), &source).unwrap();
    std::fs::write(dir.path().join("makers-left-out.csv"), "an earlier list").unwrap();
    for n in 2..=999 {
        std::fs::write(dir.path().join(format!("makers-left-out-{n}.csv")), "").unwrap();
    }
    let err = run_skipping(&mut ws, &source).unwrap_err();
    assert_eq!(err.kind(), "io");
    assert!(err.to_string().contains("save the left-out rows"), "{err}");
    assert_eq!(creator_count(&ws), 0, "the good rows were not imported either");
    assert_eq!(std::fs::read_to_string(dir.path().join("makers-left-out.csv")).unwrap(), "an earlier list", "nothing overwritten");
}

#[test]
fn many_problems_of_one_kind_are_grouped_for_the_window_and_the_cli() {
    let Setup { dir, mut ws } = workspace();
    let mut csv = String::from("Naam;Instagram;Land\n");
    for i in 0..100 {
        let country = if i % 3 == 0 { "Atlantis" } else { "NL" };
        csv.push_str(&format!("Maker {i};maker{i};{country}\n"));
    }
    let err = run(&mut ws, &write(dir.path(), "landen.csv", csv)).unwrap_err();
    let payload = err.to_payload();
    assert_eq!(payload.rows.len(), 34, "every problem is still there");
    assert_eq!(payload.params["bad_rows"], "34");
    assert_eq!(payload.groups.len(), 1);
    let g = &payload.groups[0];
    assert_eq!((g.code, g.column.as_str(), g.value.as_deref(), g.rows.len(), g.rows[0]), ("invalid_country", "Land", Some("Atlantis"), 34, 2));
    assert!(g.describe().starts_with("34 rows, column ‘Land’: “Atlantis” is not a country Chorus knows."), "{}", g.describe());
}

#[test]
fn a_stored_country_that_is_not_a_code_is_named_when_a_row_updates_that_creator() {
    // The form once cut “Holland” to HO; such a value stays as it was until someone fixes it.
    let Setup { dir, mut ws } = workspace();
    let anna = creators::create(&mut ws, &draft("Anna", &[("instagram", "annafit", "100")])).unwrap();
    ws.conn().execute("UPDATE creators SET country = 'HO' WHERE id = ?1", [anna.id]).unwrap();
    let path = write(dir.path(), "update.csv", "Instagram;Instagram volgers;Land\nannafit;200;\n");
    let Err(Error::ImportRejected { problems, .. }) = run(&mut ws, &path) else { panic!("accepted") };
    assert_eq!((problems[0].code, problems[0].value.as_deref(), problems[0].column.as_str()), ("stored_country_unknown", Some("HO"), "Land"));
    assert!(problems[0].message.contains("country on the roster, “HO”"), "{}", problems[0].message);
    assert_eq!(creators::get(&ws, anna.id).unwrap().country, "HO", "not silently changed");
    let path = write(dir.path(), "update.csv", "Instagram;Instagram volgers;Land\nannafit;200;Holland\n");
    assert_eq!(run(&mut ws, &path).unwrap().updated, 1);
    assert_eq!(creators::get(&ws, anna.id).unwrap().country, "NL");
}

#[test]
fn an_excel_dutch_export_has_dutch_headers_semicolons_and_decimal_commas_and_imports_back_unchanged() {
    use chorus_core::roster::export::{export_roster_as, Dialect};
    let Setup { dir, mut ws } = workspace();
    sample_roster(&mut ws);
    let out = dir.path().join("roster excel.csv");
    assert_eq!(export_roster_as(&ws, &RosterQuery::default(), Dialect::ExcelNl, &out).unwrap(), 3);
    let text = String::from_utf8(std::fs::read(&out).unwrap()).unwrap();
    // Issue 8: the Excel (Dutch) file once had English headers; a Dutch shop owner reads Dutch.
    assert!(text.starts_with("\u{feff}Naam;Instagram-handle;Instagram volgers;Instagram-profiellink;Instagram-handle 2;Instagram volgers 2;"), "{}", &text[..120]);
    assert!(text.contains("\r\n"), "Excel's line ends");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let anna = reader.records().map(Result::unwrap).find(|r| &r[0] == "Anna de Vries").unwrap();
    let cell = |name: &str| anna.get(headers.iter().position(|h| h == name).unwrap()).unwrap().to_string();
    assert_eq!((cell("Tarief reel").as_str(), cell("Tarief story").as_str()), ("450,00", "99,95"));
    assert_eq!(cell("Instagram volgers"), "52000", "counts are plain whole numbers");
    assert_eq!(cell("Notities"), "Two lines\nof notes, with a comma; and \"quotes\".", "a semicolon inside a cell is quoted");
    assert_eq!(cell("IBAN"), "NL91ABNA0417164300");
    for english in ["Name", "Notes", "Email", "Country", "Created", "Updated", "Payout method", "Account holder"] {
        assert!(!headers.iter().any(|h| h == english), "an English header in the Dutch file: {english}");
    }
    let preview = import::preview(&out).unwrap();
    assert_eq!(preview.delimiter, ";");
    // Every column is recognised by its Dutch name, but for the ones the import derives itself.
    let unread: Vec<&str> = preview.columns.iter().filter(|c| c.field.is_none()).map(|c| c.header.as_str()).collect();
    assert_eq!(unread, ["Tier", "Aangemaakt", "Bijgewerkt"]);

    // Back into the same workspace: nothing changes. Into another: the same creators.
    let before = all_drafts(&ws);
    assert_eq!(run(&mut ws, &out).unwrap(), ImportReport { rows: 3, created: 0, updated: 0, unchanged: 3 });
    assert_eq!(all_drafts(&ws), before);
    let mut other = Workspace::in_memory(&Settings::new("Copy", "EUR", "nl-BE")).unwrap();
    assert_eq!(run(&mut other, &out).unwrap().created, 3);
    assert_eq!(all_drafts(&other), before);
    assert_eq!((Dialect::for_locale("nl-BE"), Dialect::for_locale("en-GB")), (Dialect::ExcelNl, Dialect::Plain));
}
