//! Campaigns at agency scale: a workspace of 100,000 creators, 2,000 campaigns, 50,000
//! collaborations and 200,000 deliverables (with their gifts and outreach), and how long the
//! read side takes on it: Today, the board of the largest and of a typical campaign, the list
//! of campaigns, a creator's history, one campaign's calendar, and Today across 20 client files.
//! Prints each figure beside its target and beside its floor: the same SQL statements Chorus
//! ran for the view, replayed on a bare connection (see `support/replayed_sql.rs`), measured in
//! the same loop, and the ratio of the medians (the machine's speed drifts; the ratio of two
//! figures taken a moment apart is the one to trust). It is a measurement, not a test, and never
//! fails on a miss.
//!
//! `cargo bench -p chorus-core --bench campaigns` runs the full size. `cargo test` runs this
//! binary without `--bench`: then a tiny version keeps the code exercised and compiling.
//! `CHORUS_BENCH_DIR=dir` keeps the generated files there (for EXPLAIN QUERY PLAN and friends)
//! instead of a temporary folder; files already there are replaced.

use chorus_core::campaigns::{board, calendar, fields, today};
use chorus_core::workspace::settings::Settings;
use chorus_core::synthetic::{self, CampaignSpec, Spec};
use chorus_core::Workspace;
use std::time::Instant;

#[path = "support/replayed_sql.rs"]
mod replayed_sql;
#[path = "support/timing_table.rs"]
mod timing_table;
use timing_table::{print, Row};

/// Today, a board and the cross-client Today must answer within this (p95, milliseconds).
const VIEW_P95_MS: f64 = 50.0;

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let (creators, campaigns, collaborations, deliverables) = if full { (100_000, 2_000, 50_000, 200_000) } else { (400, 20, 300, 1_200) };
    let (runs, clients) = if full { (30, 20) } else { (3, 3) };
    // Targets hold for the full size in a release build; a smoke run is not judged against them.
    let judged = full && !cfg!(debug_assertions);
    let day = fields::local_today();
    let temp = tempfile::tempdir().expect("a temporary folder");
    let dir = std::env::var_os("CHORUS_BENCH_DIR").map(std::path::PathBuf::from).unwrap_or_else(|| temp.path().to_path_buf());
    std::fs::create_dir_all(&dir).expect("the bench folder");

    let started = Instant::now();
    let first = dir.join("client-01.chorus");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.join(format!("client-01.chorus{suffix}")));
    }
    let mut ws = Workspace::create(&first, &Settings::new("Bench agency", "EUR", "nl-NL")).expect("create the bench workspace");
    synthetic::generate(&mut ws, &Spec::new(creators)).expect("generate the roster");
    let g = synthetic::generate_campaigns(&mut ws, &CampaignSpec::new(campaigns, collaborations, deliverables), day).expect("generate the campaigns");
    drop(ws);
    let generation = started.elapsed();
    let mut paths = vec![first.clone()];
    for n in 2..=clients {
        let copy = dir.join(format!("client-{n:02}.chorus"));
        std::fs::copy(&first, &copy).expect("copy the workspace");
        paths.push(copy);
    }
    let bytes = std::fs::metadata(&first).map(|m| m.len()).unwrap_or(0);
    println!();
    println!(
        "Chorus campaigns benchmark ({} build): {creators} creators, {} campaigns, {} collaborations, {} deliverables, {} gift shipments, {} touchpoints; file {:.0} MB; {runs} runs each",
        if cfg!(debug_assertions) { "debug" } else { "release" },
        g.campaigns,
        g.collaborations,
        g.deliverables,
        g.shipments,
        g.touchpoints,
        bytes as f64 / 1e6
    );
    println!("generated in {:.1} s", generation.as_secs_f64());

    let opened = Workspace::open(&first).expect("open the bench workspace");
    let ws = &opened;
    let one = |sql: &str| -> i64 { ws.conn().query_row(sql, [], |r| r.get(0)).expect(sql) };
    let typical = one(&format!(
        "SELECT campaign_id FROM collaborations GROUP BY campaign_id ORDER BY count(*), campaign_id LIMIT 1 OFFSET {}",
        g.campaigns / 2
    ));
    let regular = one("SELECT creator_id FROM collaborations GROUP BY creator_id ORDER BY count(*) DESC, creator_id LIMIT 1");
    let size = |id: i64| one(&format!("SELECT count(*) FROM collaborations WHERE campaign_id = {id}"));

    let conn = ws.conn();
    let mut rows: Vec<Row> = Vec::new();
    // Each view runs `runs` times; its floor (the statements it ran, replayed bare) runs right
    // after it in the same loop, so both meet the same moment of the machine.
    let mut measure = |name: String, target: Option<f64>, mut ours: Box<dyn FnMut() -> String + '_>, mut floor: Box<dyn FnMut() + '_>| {
        let (mut times, mut floors) = (Vec::with_capacity(runs), Vec::with_capacity(runs));
        let mut what = String::new();
        for _ in 0..runs {
            let t = Instant::now();
            what = ours();
            times.push(t.elapsed());
            let t = Instant::now();
            floor();
            floors.push(t.elapsed());
        }
        rows.push(Row::new(name, &times, &floors, what, target, judged));
    };
    let bare = &replayed_sql::open_bare(&first);
    let replay = |statements: Vec<String>| -> Box<dyn FnMut() + '_> {
        Box::new(move || {
            std::hint::black_box(replayed_sql::replay(bare, &statements));
        })
    };

    let (_, statements) = replayed_sql::record(conn, || today::today(ws, day).expect("today"));
    measure(
        "today()".into(),
        Some(VIEW_P95_MS),
        Box::new(|| {
            let t = today::today(ws, day).expect("today");
            format!("{} overdue, {} due, {} to ship, {} idle", t.overdue.total, t.due_this_week.total, t.gifts_to_ship.total, t.idle.total)
        }),
        replay(statements),
    );
    for (label, id) in [("largest", g.first_campaign_id), ("typical", typical)] {
        let (_, statements) = replayed_sql::record(conn, || board::campaign_board(ws, id, day).expect("board"));
        measure(
            format!("campaign_board(), {label} campaign ({} collaborations)", size(id)),
            Some(VIEW_P95_MS),
            Box::new(move || {
                let b = board::campaign_board(ws, id, day).expect("board");
                format!("{} deliverables", b.timeline.len())
            }),
            replay(statements),
        );
    }
    let (_, statements) = replayed_sql::record(conn, || board::campaign_list(ws, day).expect("list"));
    measure("campaign_list()".into(), None, Box::new(|| format!("{} campaigns", board::campaign_list(ws, day).expect("list").len())), replay(statements));
    let (_, statements) = replayed_sql::record(conn, || board::creator_history(ws, regular).expect("history"));
    measure(
        "creator_history(), most regular creator".into(),
        None,
        Box::new(|| format!("{} collaborations", board::creator_history(ws, regular).expect("history").collaborations.len())),
        replay(statements),
    );
    let (_, statements) = replayed_sql::record(conn, || calendar::ics(ws, Some(typical)).expect("ics"));
    measure(
        "ics(), typical campaign".into(),
        None,
        Box::new(|| format!("{} events", calendar::ics(ws, Some(typical)).expect("ics").matches("BEGIN:VEVENT").count())),
        replay(statements),
    );
    // The cross-client floor opens each file bare and replays one client's overview statements,
    // spread over as many threads as `across` uses.
    let (_, overview) = replayed_sql::record(conn, || today::today_within(ws, day, today::DUE_DAYS, today::ACROSS_LIMIT).expect("overview"));
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let share = paths.len().div_ceil(workers).max(1);
    let (paths, overview) = (&paths, &overview);
    measure(
        format!("across(), {clients} client files"),
        Some(VIEW_P95_MS),
        Box::new(|| {
            let entries = today::across(paths, day);
            assert!(entries.iter().all(|e| e.today.is_some()), "every client shows: {:?}", entries.iter().find(|e| e.error.is_some()));
            format!("{} clients", entries.len())
        }),
        Box::new(move || {
            std::thread::scope(|scope| {
                for part in paths.chunks(share) {
                    scope.spawn(move || part.iter().map(|path| replayed_sql::replay(&replayed_sql::open_bare(path), overview)).sum::<usize>());
                }
            });
        }),
    );
    print(&rows, judged, "campaigns");
}
