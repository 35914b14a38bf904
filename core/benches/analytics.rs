//! What worked, at agency scale: 200,000 published deliverables (by default) of 20,000
//! creators in 1,000 campaigns, 10 results snapshots each (2,000,000 rows), in a workspace file.
//! Measures a campaign's figures by tier (p95 over 40 campaigns; target ≤ 100 ms), the whole
//! workspace's figures by tier (target ≤ 100 ms), one chart (≤ 50 ms), the campaign's client
//! report as PDF (≤ 2 s), and importing a 100,000-row Meta export that
//! adds a snapshot to 100,000 posts (target ≥ 50,000 rows/s). Beside each, its floor in bare
//! SQLite: the same rows read with the same join and the engagement rate averaged in SQL, and
//! the same 100,000 rows inserted into a bare table with one prepared statement, and into the
//! workspace's own table through its indexes and trigger (the schema's floor). Prints the
//! figures, the floors and the ratios. A measurement, not a test: it never fails on a miss.
//!
//! `cargo bench -p chorus-core --bench analytics` runs the full size; `cargo test --all-targets`
//! a tiny one (2,000 deliverables). `CHORUS_BENCH_DELIVERABLES=N` and
//! `CHORUS_BENCH_IMPORT_ROWS=N` set the sizes.

use chorus_core::analytics::campaign_report::{campaign_report, ReportChoices};
use chorus_core::analytics::figures::{analytics, GroupBy};
use chorus_core::analytics::report::ReportLanguage;
use chorus_core::charts::{draw_results, ChartScope, Format, ResultsChartKind, Style, Theme};
use chorus_core::analytics::results::import::{import_results, ResultsImportOptions};
use chorus_core::numbers::Spelling;
use chorus_core::workspace::settings::Settings;
use chorus_core::Workspace;
use chrono::NaiveDate;
use rusqlite::Connection;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

fn size(name: &str, full: i64, tiny: i64, is_full: bool) -> i64 {
    std::env::var(name).ok().and_then(|v| v.replace(['_', ','], "").parse().ok()).unwrap_or(if is_full { full } else { tiny })
}

const SNAPSHOTS: i64 = 10;

fn followers_of(creator: i64) -> i64 {
    // Nano to macro, most of them micro, as an agency's roster is.
    [2_500, 8_000, 14_000, 23_000, 41_000, 67_000, 88_000, 150_000][(creator % 8) as usize] + creator % 997
}

fn setup(ws: &mut Workspace, deliverables: i64) {
    let creators = (deliverables / 10).max(1);
    let campaigns = (deliverables / 200).max(1);
    ws.write(|tx| {
        let mut campaign = tx.prepare("INSERT INTO campaigns (id, name, goal, created_at, updated_at) VALUES (?1, 'Campaign ' || ?1, 'awareness', 'now', 'now')")?;
        for id in 1..=campaigns {
            campaign.execute([id])?;
        }
        let mut creator = tx.prepare("INSERT INTO creators (id, display_name, sort_name, created_at, updated_at) VALUES (?1, 'Creator ' || ?1, 'creator ' || ?1, 'now', 'now')")?;
        let mut handle = tx.prepare("INSERT INTO handles (id, creator_id, platform, handle, handle_key, followers) VALUES (?1, ?1, 'instagram', 'creator' || ?1, 'creator' || ?1, ?2)")?;
        for id in 1..=creators {
            creator.execute([id])?;
            handle.execute([id, followers_of(id)])?;
        }
        let mut collaboration = tx.prepare(
            "INSERT INTO collaborations (id, campaign_id, creator_id, kind, status, last_activity_on, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 'active', '2026-05-01', 'now', 'now')",
        )?;
        let mut deliverable = tx.prepare(
            "INSERT INTO deliverables (id, collaboration_id, platform, format, due_on, status, post_url, published_at, call_to_action, created_at, updated_at)
             VALUES (?1, ?1, 'instagram', ?2, '2026-05-01', 'published', 'https://www.instagram.com/p/B' || ?1 || '/', ?3, ?4, 'now', 'now')",
        )?;
        let mut snapshot = tx.prepare(
            "INSERT INTO post_results (deliverable_id, taken_on, views, reach, likes, comments, shares, saves, followers_at_post, followers_from, source, entered_at, entered_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'history', 'typed', 'now', 'bench')",
        )?;
        let formats = ["reel", "carousel", "single_image", "post"];
        for id in 1..=deliverables {
            let creator = 1 + (id - 1) % creators;
            let campaign = 1 + ((id - 1) / creators + creator * 7) % campaigns;
            let kind = ["gifted", "paid", "affiliate", "hybrid"][(id % 4) as usize];
            collaboration.execute(rusqlite::params![id, campaign, creator, kind])?;
            let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new((id % 300) as u64);
            deliverable.execute(rusqlite::params![id, formats[(id % 4) as usize], format!("{day}T12:00"), id % 3 == 0])?;
            let followers = followers_of(creator);
            for n in 0..SNAPSHOTS {
                let grown = 60 + n * 4; // the counts grow over the snapshots
                let likes = followers * (8 + id % 30) / 1_000 * grown / 100;
                snapshot.execute(rusqlite::params![
                    id,
                    (day + chrono::Days::new(n as u64 * 3)).to_string(),
                    likes * 30,
                    likes * 18,
                    likes,
                    likes / 20 + id % 7,
                    likes / 40,
                    likes / 15,
                    followers
                ])?;
            }
        }
        Ok(())
    })
    .unwrap();
}

/// The floor of a figure: the same published posts' newest counts read with the same joins,
/// the engagement rate averaged per tier in SQL (floating point, no formula named).
fn floor_by_tier(conn: &Connection, campaign: Option<i64>) -> Duration {
    let started = Instant::now();
    // With the campaign's own condition, so SQLite can start from its collaborations.
    let which = if campaign.is_some() { "c.campaign_id = ?1" } else { "?1 IS NULL" };
    let mut st = conn
        .prepare_cached(&format!(
            "SELECT CASE WHEN p.followers_at_post >= 1000000 THEN 5 WHEN p.followers_at_post >= 100000 THEN 4 WHEN p.followers_at_post >= 50000 THEN 3
                         WHEN p.followers_at_post >= 10000 THEN 2 WHEN p.followers_at_post >= 1000 THEN 1 ELSE 0 END AS tier,
                    count(*), avg((p.likes + p.comments + coalesce(p.shares, 0) + coalesce(p.saves, 0)) * 1.0 / p.followers_at_post)
               FROM deliverables d JOIN collaborations c ON c.id = d.collaboration_id JOIN campaigns ca ON ca.id = c.campaign_id
               JOIN creators cr ON cr.id = c.creator_id JOIN post_results p ON p.deliverable_id = d.id AND p.latest = 1
              WHERE d.status IN ('published', 'verified') AND {which} AND p.followers_at_post > 0
              GROUP BY tier"
        ))
        .unwrap();
    let rows: Vec<(i64, i64, f64)> = st.query_map([campaign], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect();
    assert!(!rows.is_empty());
    started.elapsed()
}

fn percentile(times: &[Duration], p: usize) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted[((sorted.len() * p).div_ceil(100)).clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// A Meta Business Suite export of `rows` posts: the deliverables' links with newer counts.
fn meta_export(rows: i64) -> String {
    let mut text = String::from("\"Post ID\",\"Account ID\",\"Account username\",\"Account name\",Description,\"Duration (sec)\",\"Publish time\",Permalink,\"Post type\",\"Data comment\",Date,Views,Reach,Likes,Shares,Follows,Comments,Saves\n");
    for id in 1..=rows {
        let likes = 500 + id % 900;
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new((id % 300) as u64);
        let _ = writeln!(
            text,
            "{},17841400000000001,creator{},\"Creator\",\"Post {id} #ad\",0,\"{}\",https://www.instagram.com/p/B{id}/,\"IG image\",,Lifetime,{},{},{likes},{},{},{},{}",
            18_000_000_000_000_000i64 + id,
            id,
            day.format("%m/%d/%Y 12:00"),
            likes * 31,
            likes * 19,
            likes / 40,
            id % 9,
            likes / 19,
            likes / 14
        );
    }
    text
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let deliverables = size("CHORUS_BENCH_DELIVERABLES", 200_000, 2_000, full);
    let import_rows = size("CHORUS_BENCH_IMPORT_ROWS", 100_000, 1_000, full).min(deliverables);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("analytics.chorus");
    let mut ws = Workspace::create(&path, &Settings::new("Bench", "EUR", "nl-NL")).unwrap();
    let started = Instant::now();
    setup(&mut ws, deliverables);
    println!("analytics bench: {deliverables} published deliverables, {} snapshots, set up in {:.1} s", deliverables * SNAPSHOTS, started.elapsed().as_secs_f64());
    let bare = Connection::open(&path).unwrap();
    let campaigns = (deliverables / 200).max(1);

    // A campaign's figures by tier: 40 campaigns spread over the file.
    let (mut ours, mut floor) = (Vec::new(), Vec::new());
    for i in 0..40 {
        let campaign = 1 + (i * 7919) % campaigns;
        let t = Instant::now();
        let a = analytics(ws.conn(), Some(campaign), GroupBy::Tier, Spelling::English).unwrap();
        ours.push(t.elapsed());
        assert!(a.measured > 0);
        floor.push(floor_by_tier(&bare, Some(campaign)));
    }
    let verdict = |p95: Duration, target_ms: f64| if !full { "smoke" } else if p95.as_secs_f64() * 1000.0 <= target_ms { "PASS" } else { "MISS" };
    let (p50, p95, f50) = (percentile(&ours, 50), percentile(&ours, 95), percentile(&floor, 50));
    println!(
        "campaign by tier (~{} posts):  median {}  p95 {}  floor {}  ratio {:.1}×  target p95 ≤ 100 ms  {}",
        deliverables / campaigns,
        ms(p50),
        ms(p95),
        ms(f50),
        p50.as_secs_f64() / f50.as_secs_f64().max(1e-9),
        verdict(p95, 100.0)
    );

    // The whole workspace by tier.
    let (mut ours, mut floor) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let t = Instant::now();
        let a = analytics(ws.conn(), None, GroupBy::Tier, Spelling::English).unwrap();
        ours.push(t.elapsed());
        assert_eq!(a.measured as i64, deliverables);
        floor.push(floor_by_tier(&bare, None));
    }
    let (p50, p95, f50) = (percentile(&ours, 50), percentile(&ours, 95), percentile(&floor, 50));
    println!(
        "workspace by tier ({deliverables} posts):  median {}  p95 {}  floor {}  ratio {:.1}×  target p95 ≤ 100 ms  {}",
        ms(p50),
        ms(p95),
        ms(f50),
        p50.as_secs_f64() / f50.as_secs_f64().max(1e-9),
        verdict(p95, 100.0)
    );

    // One chart and the campaign's client report, for 10 campaigns.
    let style = Style { theme: Theme::Light, language: Spelling::English, width: 720, height: 360, pixel_ratio: 2 };
    let choices = ReportChoices { language: ReportLanguage::English, include_money: true, today: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap() };
    let (mut charts, mut pdfs, mut floor) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..10 {
        let campaign = 1 + (i * 7919) % campaigns;
        let t = Instant::now();
        let png = draw_results(&ws, ResultsChartKind::ByTier, ChartScope { campaign: Some(campaign), creator: None }, &style, Format::Png).unwrap();
        charts.push(t.elapsed());
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        floor.push(floor_by_tier(&bare, Some(campaign)));
        let t = Instant::now();
        let pdf = campaign_report(ws.conn(), campaign, choices).unwrap();
        pdfs.push(t.elapsed());
        assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    }
    let (c50, c95, f50) = (percentile(&charts, 50), percentile(&charts, 95), percentile(&floor, 50));
    println!(
        "one chart (a campaign by tier, PNG 720×360 at 2×):  median {}  p95 {}  floor (its figures, bare) {}  ratio {:.1}×  target p95 ≤ 50 ms  {}",
        ms(c50),
        ms(c95),
        ms(f50),
        c50.as_secs_f64() / f50.as_secs_f64().max(1e-9),
        verdict(c95, 50.0)
    );
    let (r50, r95) = (percentile(&pdfs, 50), percentile(&pdfs, 95));
    println!("campaign report PDF:  median {}  p95 {}  target p95 ≤ 2 s  {}", ms(r50), ms(r95), verdict(r95, 2_000.0));

    // Importing a Meta export with newer counts for `import_rows` posts.
    let export = dir.path().join("meta.csv");
    std::fs::write(&export, meta_export(import_rows)).unwrap();
    let t = Instant::now();
    let report = import_results(&mut ws, &export, &ResultsImportOptions { today: NaiveDate::from_ymd_opt(2026, 12, 1), ..Default::default() }).unwrap();
    let took = t.elapsed();
    assert_eq!(report.written as i64, import_rows);
    let t = Instant::now();
    let again = import_results(&mut ws, &export, &ResultsImportOptions { today: NaiveDate::from_ymd_opt(2026, 12, 1), ..Default::default() }).unwrap();
    let again_took = t.elapsed();
    assert_eq!(again.written, 0);
    // The floor: the same rows into a bare table, one prepared statement, one transaction.
    let floor_db = Connection::open(dir.path().join("floor.db")).unwrap();
    floor_db.execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE r (deliverable_id INTEGER, taken_on TEXT, views INTEGER, reach INTEGER, likes INTEGER, shares INTEGER, follows INTEGER, comments INTEGER, saves INTEGER, post_id TEXT)").unwrap();
    let t = Instant::now();
    {
        let text = std::fs::read_to_string(&export).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let tx = floor_db.unchecked_transaction().unwrap();
        let mut insert = tx.prepare("INSERT INTO r VALUES (?1, '2026-12-01', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)").unwrap();
        for (i, record) in reader.records().enumerate() {
            let r = record.unwrap();
            let n = |c: usize| r[c].parse::<i64>().unwrap();
            insert.execute(rusqlite::params![i as i64 + 1, n(11), n(12), n(13), n(14), n(15), n(16), n(17), &r[0]]).unwrap();
        }
        drop(insert);
        tx.commit().unwrap();
    }
    let floor_took = t.elapsed();
    // The schema's floor: the same counts as new snapshots of the same posts in bare SQLite, one
    // prepared INSERT per row in one transaction, through the workspace's indexes and the
    // trigger that keeps each post's newest snapshot (no matching, no checks, no audit).
    let t = Instant::now();
    {
        let text = std::fs::read_to_string(&export).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let tx = bare.unchecked_transaction().unwrap();
        let mut insert = tx
            .prepare(
                "INSERT INTO post_results (deliverable_id, taken_on, views, reach, likes, shares, profile_follows, comments, saves, followers_at_post, source, external_post_id, entered_at, entered_by)
                 VALUES (?1, '2026-12-02', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'sheet', ?10, 'now', 'bench')",
            )
            .unwrap();
        for (i, record) in reader.records().enumerate() {
            let r = record.unwrap();
            let n = |c: usize| r[c].parse::<i64>().unwrap();
            let id = i as i64 + 1;
            insert.execute(rusqlite::params![id, n(11), n(12), n(13), n(14), n(15), n(16), n(17), followers_of(1 + (id - 1) % (deliverables / 10).max(1)), &r[0]]).unwrap();
        }
        drop(insert);
        tx.commit().unwrap();
    }
    let schema_took = t.elapsed();
    let rate = |d: Duration| import_rows as f64 / d.as_secs_f64();
    println!(
        "import {import_rows} Meta rows:  {:.2} s ({:.0} rows/s)  floor {:.2} s ({:.0} rows/s)  ratio {:.1}×  target ≥ 50,000 rows/s  {}",
        took.as_secs_f64(),
        rate(took),
        floor_took.as_secs_f64(),
        rate(floor_took),
        took.as_secs_f64() / floor_took.as_secs_f64(),
        if !full { "smoke" } else if rate(took) >= 50_000.0 { "PASS" } else { "MISS" }
    );
    println!(
        "  the schema's floor (the same snapshots inserted in bare SQLite through the workspace's indexes and trigger):  {:.2} s ({:.0} rows/s)  ratio {:.1}×",
        schema_took.as_secs_f64(),
        rate(schema_took),
        took.as_secs_f64() / schema_took.as_secs_f64()
    );
    println!("the same file again:  {:.2} s ({:.0} rows/s), nothing written", again_took.as_secs_f64(), rate(again_took));
    if !full {
        println!("Smoke run: the figures only show the benchmark works. The targets apply to `cargo bench -p chorus-core --bench analytics` (full size, release build).");
    }
}
