//! Post results stored: typed in the grid, imported from Meta's export and from sheets, matched,
//! re-imported, corrected.

use super::import::{import_results, preview_results, ResultsImportOptions, Unmatched};
use super::permalink::post_key;
use super::*;
use crate::workspace::settings::Settings;
use chrono::NaiveDate;
use std::path::PathBuf;

fn ws() -> Workspace {
    Workspace::in_memory(&Settings::new("Loom & Leaf", "EUR", "nl-NL")).unwrap()
}

fn one<T: rusqlite::types::FromSql>(ws: &Workspace, sql: &str) -> T {
    ws.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// A creator with a handle on `platform`, in a campaign, with an active paid collaboration.
fn collaboration(ws: &Workspace, name: &str, platform: &str, handle: &str, followers: i64) -> i64 {
    let c = ws.conn();
    c.execute("INSERT INTO creators (display_name, sort_name, created_at, updated_at) VALUES (?1, lower(?1), 't', 't')", [name]).unwrap();
    let creator = c.last_insert_rowid();
    c.execute("INSERT INTO handles (creator_id, platform, handle, handle_key, followers) VALUES (?1, ?2, ?3, lower(?3), ?4)", rusqlite::params![creator, platform, handle, followers]).unwrap();
    let campaign: Option<i64> = c.query_row("SELECT id FROM campaigns LIMIT 1", [], |r| r.get(0)).optional().unwrap();
    let campaign = campaign.unwrap_or_else(|| {
        c.execute("INSERT INTO campaigns (name, goal, created_at, updated_at) VALUES ('Spring coats', 'awareness', 't', 't')", []).unwrap();
        c.last_insert_rowid()
    });
    c.execute(
        "INSERT INTO collaborations (campaign_id, creator_id, kind, status, last_activity_on, created_at, updated_at) VALUES (?1, ?2, 'paid', 'active', '2025-03-01', 't', 't')",
        [campaign, creator],
    )
    .unwrap();
    c.last_insert_rowid()
}

fn post(ws: &Workspace, collaboration: i64, platform: &str, url: &str, published_at: &str, status: &str) -> i64 {
    let c = ws.conn();
    c.execute(
        "INSERT INTO deliverables (collaboration_id, platform, format, due_on, status, post_url, published_at, created_at, updated_at)
         VALUES (?1, ?2, 'post', substr(?4, 1, 10), ?5, ?3, ?4, 't', 't')",
        rusqlite::params![collaboration, platform, url, published_at, status],
    )
    .unwrap();
    c.last_insert_rowid()
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/results").join(name)
}

fn typed(deliverable_id: i64, taken_on: &str, likes: &str, comments: &str) -> ResultsDraft {
    ResultsDraft { deliverable_id, taken_on: taken_on.into(), likes: likes.into(), comments: comments.into(), spelling: Spelling::Dutch, ..Default::default() }
}

#[test]
fn links_to_one_post_read_as_one_key() {
    let same = ["https://www.instagram.com/reel/DHk9cDe1fGh/?igsh=abc123", "http://instagram.com/p/DHk9cDe1fGh", "instagram.com/sanne.groen/reel/DHk9cDe1fGh/", "https://m.instagram.com/tv/DHk9cDe1fGh#x"];
    for link in same {
        assert_eq!(post_key(link).as_deref(), Some("instagram.com/p/DHk9cDe1fGh"), "{link}");
    }
    // Instagram's IDs are case-sensitive: another case is another post.
    assert_ne!(post_key("https://instagram.com/p/dhk9cde1fgh"), post_key("https://instagram.com/p/DHk9cDe1fGh"));
    assert_eq!(post_key("https://www.tiktok.com/@maya.makes/video/7481122334455667788?lang=en").as_deref(), Some("tiktok.com/video/7481122334455667788"));
    assert_eq!(post_key("https://www.tiktok.com/@maya.renamed/video/7481122334455667788"), post_key("https://tiktok.com/@maya.makes/video/7481122334455667788"));
    for link in ["https://youtu.be/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s", "https://youtube.com/shorts/dQw4w9WgXcQ"] {
        assert_eq!(post_key(link).as_deref(), Some("youtube.com/watch/dQw4w9WgXcQ"), "{link}");
    }
    assert_eq!(post_key("https://Example.com/Blog/Post-1/?utm_source=x").as_deref(), Some("example.com/Blog/Post-1"));
    for not_a_link in ["", "   ", "hello", "mailto:someone@example.com", "ftp://example.com/x"] {
        assert_eq!(post_key(not_a_link), None, "{not_a_link}");
    }
}

#[test]
fn typed_counts_are_read_as_people_type_them_and_a_day_is_corrected_not_doubled() {
    let mut ws = ws();
    let c = collaboration(&ws, "Sanne Groen", "instagram", "sanne.groen", 15_200);
    let d = post(&ws, c, "instagram", "https://www.instagram.com/p/DGsA1b2C3dE/", "2025-03-03T19:30", "published");
    let draft = ResultsDraft { views: "12.345".into(), reach: "9.870".into(), likes: "1,2K".into(), comments: "85".into(), ..typed(d, "2025-03-10", "", "") };
    let s = record_typed(&mut ws, &draft).unwrap();
    assert_eq!((s.counts.views, s.counts.reach, s.counts.likes, s.counts.comments), (Some(12_345), Some(9_870), Some(1_200), Some(85)));
    assert_eq!((s.counts.shares, s.counts.saves), (None, None), "a count not typed is not known, not 0");
    assert_eq!((s.counts.followers_at_post, s.followers_from), (Some(15_200), FollowersFrom::Current));
    assert!(s.latest);
    // The same day again corrects that day's counts.
    let again = record_typed(&mut ws, &typed(d, "10-03-2025", "1.250", "90")).unwrap();
    assert_eq!(again.id, s.id);
    assert_eq!((again.counts.likes, again.counts.views), (Some(1_250), None));
    // A later day adds a newer snapshot, which the figures use.
    let later = record_typed(&mut ws, &typed(d, "2025-03-17", "1.400", "97")).unwrap();
    assert_ne!(later.id, s.id);
    let h = history(ws.conn(), d).unwrap();
    assert_eq!(h.iter().map(|s| (s.taken_on.as_str(), s.latest)).collect::<Vec<_>>(), [("2025-03-10", false), ("2025-03-17", true)]);
    // An earlier day typed afterwards does not take the newest's place.
    record_typed(&mut ws, &typed(d, "2025-03-05", "300", "9")).unwrap();
    assert_eq!(one::<String>(&ws, "SELECT taken_on FROM post_results WHERE latest = 1"), "2025-03-17");
    assert_eq!(one::<i64>(&ws, "SELECT count(*) FROM audit_log WHERE entity = 'post_results' AND action = 'typed'"), 4);
    // Removing the newest makes the one before it the newest.
    delete_snapshot(&mut ws, later.id).unwrap();
    assert_eq!(one::<String>(&ws, "SELECT taken_on FROM post_results WHERE latest = 1"), "2025-03-10");
}

#[test]
fn followers_at_posting_time_come_from_the_history_before_the_post() {
    let mut ws = ws();
    let c = collaboration(&ws, "Sanne Groen", "instagram", "sanne.groen", 16_000);
    ws.conn().execute_batch("INSERT INTO follower_snapshots (handle_id, taken_on, followers) VALUES (1, '2025-02-01', 14000), (1, '2025-03-01', 15000), (1, '2025-03-20', 16000)").unwrap();
    let d = post(&ws, c, "instagram", "https://www.instagram.com/p/A/", "2025-03-10T12:00", "published");
    let s = record_typed(&mut ws, &typed(d, "2025-03-12", "500", "20")).unwrap();
    assert_eq!((s.counts.followers_at_post, s.followers_from), (Some(15_000), FollowersFrom::History));
    let given = record_typed(&mut ws, &ResultsDraft { followers: "15.100".into(), ..typed(d, "2025-03-13", "510", "20") }).unwrap();
    assert_eq!((given.counts.followers_at_post, given.followers_from), (Some(15_100), FollowersFrom::Given));
}

#[test]
fn typed_results_are_refused_with_every_problem_at_its_field() {
    let mut ws = ws();
    let c = collaboration(&ws, "Sanne Groen", "instagram", "sanne.groen", 15_200);
    let planned = post(&ws, c, "instagram", "", "2025-03-03T19:30", "planned");
    let live = post(&ws, c, "instagram", "https://www.instagram.com/p/B/", "2025-03-03T19:30", "published");
    let fields = |e: Error| match e {
        Error::Validation(f) => f.into_iter().map(|f| (f.field, f.code)).collect::<Vec<_>>(),
        other => panic!("{other:?}"),
    };
    assert_eq!(fields(record_typed(&mut ws, &typed(planned, "2025-03-10", "5", "1")).unwrap_err()), [("deliverable_id".to_string(), "results_not_published")]);
    let bad = ResultsDraft { views: "veel".into(), reach: "-5".into(), shares: "1,5".into(), ..typed(live, "2025-03-01", "", "") };
    assert_eq!(
        fields(record_typed(&mut ws, &bad).unwrap_err()),
        [("taken_on".to_string(), "results_before_post"), ("views".into(), "not_a_number"), ("reach".into(), "negative_number"), ("shares".into(), "not_whole")]
    );
    assert_eq!(fields(record_typed(&mut ws, &typed(live, "2025-03-10", "", "")).unwrap_err()), [("likes".to_string(), "results_no_counts")]);
    assert_eq!(fields(record_typed(&mut ws, &typed(live, "morgen", "5", "")).unwrap_err()), [("taken_on".to_string(), "invalid_date")]);
    assert_eq!(one::<i64>(&ws, "SELECT count(*) FROM post_results"), 0);
}

/// Sanne's posts of the 2025 Meta fixture: two by link (one written as a Reel link with a
/// query), one by account and day (the link sent was a short link), one not published.
struct MetaWorld {
    ws: Workspace,
    by_link: i64,
    by_reel_link: i64,
    by_day: i64,
}

fn meta_world() -> MetaWorld {
    let ws = ws();
    let c = collaboration(&ws, "Sanne Groen", "instagram", "Sanne.Groen", 15_200);
    let by_link = post(&ws, c, "instagram", "https://www.instagram.com/p/DGsA1b2C3dE/", "2025-03-03T19:30", "published");
    let by_reel_link = post(&ws, c, "instagram", "https://instagram.com/p/DHJ8kLm2nOp?igsh=xyz", "2025-03-15T18:45", "verified");
    let by_day = post(&ws, c, "instagram", "https://bit.ly/sanne-review", "2025-03-26T00:10", "published");
    post(&ws, c, "instagram", "", "2025-03-09T20:00", "planned");
    MetaWorld { ws, by_link, by_reel_link, by_day }
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn options_on(today: &str) -> ResultsImportOptions {
    ResultsImportOptions { today: Some(day(today)), ..Default::default() }
}

#[test]
fn a_meta_export_is_matched_by_link_then_by_account_and_day_and_the_rest_listed() {
    let w = meta_world();
    let p = preview_results(w.ws.conn(), &fixture("meta_instagram_2025.csv"), &options_on("2025-04-20")).unwrap();
    assert_eq!((p.matched.permalink, p.matched.account_and_day, p.matched.post_id), (2, 1, 0));
    assert_eq!(p.new_snapshots, 3);
    assert_eq!(p.unmatched.len(), 9);
    let row4 = p.unmatched.iter().find(|u| u.row == 4).expect("the reel of 9 March, whose deliverable is only planned");
    assert_eq!(row4.why, Unmatched::NoPost);
    assert_eq!(row4.account.as_deref(), Some("sanne.groen"));
    assert_eq!(row4.candidates.len(), 3, "the account's published posts to choose from");
    // The preview wrote nothing.
    assert_eq!(one::<i64>(&w.ws, "SELECT count(*) FROM post_results"), 0);
}

#[test]
fn unmatched_rows_refuse_the_import_until_assigned_or_left_out_by_choice() {
    let mut w = meta_world();
    let path = fixture("meta_instagram_2025.csv");
    match import_results(&mut w.ws, &path, &options_on("2025-04-20")).unwrap_err() {
        Error::ImportRejected { problems, .. } => {
            assert_eq!(problems.len(), 9);
            assert!(problems.iter().all(|p| p.code == "results_not_matched" && p.column == "Permalink"), "{problems:?}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(one::<i64>(&w.ws, "SELECT count(*) FROM post_results"), 0, "all or nothing");

    let report = import_results(&mut w.ws, &path, &ResultsImportOptions { leave_unmatched: true, ..options_on("2025-04-20") }).unwrap();
    assert_eq!((report.written, report.left_unmatched), (3, 9));
    let s = history(w.ws.conn(), w.by_reel_link).unwrap();
    assert_eq!(s.len(), 1);
    assert_eq!((s[0].counts.views, s[0].counts.reach, s[0].counts.likes, s[0].counts.shares, s[0].counts.saves), (Some(104_233), Some(88_102), Some(6_120), Some(1_022), Some(2_107)));
    assert_eq!((s[0].taken_on.as_str(), s[0].source, s[0].external_post_id.as_str()), ("2025-04-20", ResultSource::Meta, "18049211873290005"));
    assert_eq!((s[0].source_file.as_str(), s[0].source_row), ("meta_instagram_2025.csv", Some(6)));
    assert_eq!(history(w.ws.conn(), w.by_day).unwrap()[0].counts.views, Some(48_712), "25 March 22:00 in the file, 26 March 00:10 in the workspace");
    assert_eq!(history(w.ws.conn(), w.by_link).unwrap()[0].counts.likes, Some(612));
    assert_eq!(one::<i64>(&w.ws, "SELECT count(*) FROM audit_log WHERE entity = 'post_results' AND action = 'import'"), 1);
}

#[test]
fn importing_the_same_export_again_changes_nothing_and_a_later_one_adds_a_snapshot() {
    let mut w = meta_world();
    let path = fixture("meta_instagram_2025.csv");
    let leave = |today: &str| ResultsImportOptions { leave_unmatched: true, ..options_on(today) };
    import_results(&mut w.ws, &path, &leave("2025-04-20")).unwrap();
    let before: i64 = one(&w.ws, "SELECT count(*) FROM audit_log");
    let again = import_results(&mut w.ws, &path, &leave("2025-04-27")).unwrap();
    assert_eq!((again.written, again.preview.unchanged, again.preview.new_snapshots), (0, 3, 0));
    assert_eq!(one::<i64>(&w.ws, "SELECT count(*) FROM post_results"), 3);
    assert_eq!(one::<i64>(&w.ws, "SELECT count(*) FROM audit_log"), before, "not even an audit line");
    assert_eq!(again.preview.matched.post_id, 3, "the second time, the posts are found by their Post ID");

    // A later export: one post's counts grew.
    let text = std::fs::read_to_string(&path).unwrap().replace(",104233,88102,6120,", ",110500,91002,6400,");
    let dir = tempfile::tempdir().unwrap();
    let later = dir.path().join("meta_later.csv");
    std::fs::write(&later, text).unwrap();
    let r = import_results(&mut w.ws, &later, &leave("2025-05-04")).unwrap();
    assert_eq!((r.written, r.preview.new_snapshots, r.preview.unchanged), (1, 1, 2));
    let h = history(w.ws.conn(), w.by_reel_link).unwrap();
    assert_eq!(h.iter().map(|s| (s.taken_on.as_str(), s.counts.views, s.latest)).collect::<Vec<_>>(), [("2025-04-20", Some(104_233), false), ("2025-05-04", Some(110_500), true)]);
    // The same later export read again on the same day with other counts replaces that day's.
    let text = std::fs::read_to_string(&later).unwrap().replace(",110500,91002,6400,", ",111000,91002,6400,");
    std::fs::write(&later, text).unwrap();
    let r = import_results(&mut w.ws, &later, &leave("2025-05-04")).unwrap();
    assert_eq!((r.written, r.preview.replaced), (1, 1));
    assert_eq!(history(w.ws.conn(), w.by_reel_link).unwrap().len(), 2);
}

#[test]
fn a_row_is_assigned_by_the_person_and_a_wrong_assignment_is_refused() {
    let mut w = meta_world();
    let planned: i64 = one(&w.ws, "SELECT id FROM deliverables WHERE status = 'planned'");
    let path = fixture("meta_instagram_2025.csv");
    let mut options = ResultsImportOptions { leave_unmatched: true, ..options_on("2025-04-20") };
    options.assignments.insert(4, planned);
    match import_results(&mut w.ws, &path, &options).unwrap_err() {
        Error::ImportRejected { problems, .. } => assert_eq!(problems.iter().map(|p| (p.row, p.code)).collect::<Vec<_>>(), [(4, "results_assigned_not_published")]),
        other => panic!("{other:?}"),
    }
    w.ws.conn().execute("UPDATE deliverables SET status = 'published', post_url = 'https://example.com/x', published_at = '2025-03-09T20:00' WHERE id = ?1", [planned]).unwrap();
    let r = import_results(&mut w.ws, &path, &options).unwrap();
    assert_eq!((r.written, r.preview.matched.assigned, r.left_unmatched), (4, 1, 8));
    assert_eq!(history(w.ws.conn(), planned).unwrap()[0].counts.views, Some(23_450));
}

#[test]
fn two_rows_of_one_post_are_refused_naming_the_other_row() {
    let mut w = meta_world();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("twice.csv");
    let text = std::fs::read_to_string(fixture("meta_instagram_2025.csv")).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let copy = lines[1].replace("18049211873290001", "18049211873299999");
    lines.push(&copy);
    std::fs::write(&path, lines.join("\n")).unwrap();
    match import_results(&mut w.ws, &path, &ResultsImportOptions { leave_unmatched: true, ..options_on("2025-04-20") }).unwrap_err() {
        Error::ImportRejected { problems, .. } => {
            let twice: Vec<_> = problems.iter().filter(|p| p.code == "results_same_post_twice").collect();
            assert_eq!(twice.len(), 1);
            assert_eq!(twice[0].params.get("other_row").map(String::as_str), Some("2"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(one::<i64>(&w.ws, "SELECT count(*) FROM post_results"), 0);
}

#[test]
fn a_sheet_with_its_own_columns_matches_tiktok_posts_by_link() {
    let mut ws = ws();
    let c = collaboration(&ws, "Maya Makes", "tiktok", "maya.makes", 41_000);
    let d = post(&ws, c, "tiktok", "https://www.tiktok.com/@maya.makes/video/7481122334455667788", "2025-03-25T18:04", "published");
    let path = fixture("us_creator_sheet.csv");
    let mut options = ResultsImportOptions { leave_unmatched: true, ..options_on("2025-04-20") };
    // A sheet Chorus does not recognise asks for its columns.
    match import_results(&mut ws, &path, &options).unwrap_err() {
        Error::ImportLayout { code, .. } => assert_eq!(code, "results_mapping_needed"),
        other => panic!("{other:?}"),
    }
    let pairs = [("Post URL", "permalink"), ("Handle", "account"), ("Posted", "publish_time"), ("Type", "format"), ("Views", "views"), ("Likes", "likes"), ("Comments", "comments"), ("Shares", "shares"), ("Saves", "saves"), ("Link clicks", "link_clicks")];
    options.read.mapping = Some(crate::roster::import::ColumnMapping(pairs.iter().map(|(h, f)| (h.to_string(), Some(f.to_string()))).collect()));
    let r = import_results(&mut ws, &path, &options).unwrap();
    assert_eq!(r.written, 1);
    let s = &history(ws.conn(), d).unwrap()[0];
    assert_eq!((s.source, s.counts.views, s.counts.likes, s.counts.link_clicks), (ResultSource::Sheet, Some(18_402), Some(1_377), Some(57)));
    assert_eq!((s.counts.followers_at_post, s.followers_from), (Some(41_000), FollowersFrom::Current));
}

#[test]
fn the_campaign_grid_lists_published_posts_with_their_newest_counts() {
    let mut ws = ws();
    let c = collaboration(&ws, "Sanne Groen", "instagram", "sanne.groen", 15_200);
    let a = post(&ws, c, "instagram", "https://www.instagram.com/p/A/", "2025-03-03T19:30", "published");
    let b = post(&ws, c, "instagram", "https://www.instagram.com/p/B/", "2025-03-05T19:30", "verified");
    post(&ws, c, "instagram", "", "2025-03-09T20:00", "planned");
    record_typed(&mut ws, &typed(a, "2025-03-10", "500", "20")).unwrap();
    record_typed(&mut ws, &typed(a, "2025-03-17", "600", "25")).unwrap();
    let grid = campaign_grid(ws.conn(), 1).unwrap();
    assert_eq!(grid.iter().map(|g| g.deliverable_id).collect::<Vec<_>>(), [a, b]);
    assert_eq!((grid[0].snapshots, grid[0].latest.as_ref().and_then(|s| s.counts.likes)), (2, Some(600)));
    assert_eq!((grid[1].snapshots, grid[1].latest.is_none()), (0, true));
    assert_eq!((grid[0].creator.as_str(), grid[0].handle.as_deref()), ("Sanne Groen", Some("sanne.groen")));
}
