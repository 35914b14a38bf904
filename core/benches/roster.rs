//! The roster at agency scale: a workspace file of 100,000 creators, 300,000 handles and
//! 1,000,000 follower snapshots; how long it takes to open, to answer the roster's queries and
//! facets, and to import 100,000 CSV rows (then the same file again). Prints a table with the
//! targets beside each figure, then the import's CPU time beside the floor: bare SQLite loading
//! the same CSV (`support/bare_sqlite.rs`), and the ratio. It is a measurement, not a test,
//! and never fails on a miss.
//!
//! `cargo bench -p chorus-core --bench roster` runs the full size. `cargo test` runs this binary
//! without `--bench`: then a tiny version (1,000 creators, 5 runs) keeps the code exercised and
//! compiling. `CHORUS_BENCH_CREATORS=N` overrides the size; `CHORUS_BENCH_DIR=dir` keeps the
//! generated files there (for EXPLAIN QUERY PLAN and friends) instead of a temporary folder;
//! `CHORUS_BENCH_PRAGMAS="PRAGMA cache_size = -131072"` runs SQL on every workspace the bench
//! opens, to try a connection setting before proposing it for `workspace.rs`;
//! `CHORUS_BENCH_ONLY=import` runs only the import and its floor (no 100,000-creator workspace
//! to generate first).

use chorus_core::roster::import::{self, ColumnMapping};
use chorus_core::roster::{self, RosterQuery, SortKey};
use chorus_core::workspace::settings::Settings;
use chorus_core::synthetic::{self, Spec};
use chorus_core::Workspace;
use std::path::Path;

#[path = "support/bare_sqlite.rs"]
mod bare_sqlite;
use std::time::{Duration, Instant};

const QUERY_P95_MS: f64 = 20.0;
const OPEN_P95_MS: f64 = 300.0;
const IMPORT_ROWS_PER_S: f64 = 50_000.0;
/// An import may cost at most this many times the CPU of bare SQLite loading the same CSV.
const IMPORT_VS_FLOOR: f64 = 4.0;

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let creators: usize = std::env::var("CHORUS_BENCH_CREATORS").ok().and_then(|v| v.replace(['_', ','], "").parse().ok()).unwrap_or(if full { 100_000 } else { 1_000 });
    let runs = if full { 50 } else { 5 };
    let opens = if full { 20 } else { 5 };
    let temp = tempfile::tempdir().expect("a temporary folder");
    let dir = std::env::var_os("CHORUS_BENCH_DIR").map(std::path::PathBuf::from).unwrap_or_else(|| temp.path().to_path_buf());
    std::fs::create_dir_all(&dir).expect("the bench folder");
    // Targets hold for the full size in a release build; a smoke run is not judged against them.
    let mut table = Table { judged: full && !cfg!(debug_assertions), ..Table::default() };

    let n = creators;
    if std::env::var("CHORUS_BENCH_ONLY").as_deref() != Ok("import") {
        queries(&dir, creators, runs, opens, &mut table);
    }
    imports(&dir, n, &mut table);

    table.print();
    if std::env::var_os("CHORUS_BENCH_DIR").is_none() {
        drop(temp);
    }
}

/// Steps 1–3: generate the workspace, open it, and time the roster's queries and facets.
fn queries(dir: &Path, creators: usize, runs: usize, opens: usize, table: &mut Table) {
    // 1. Generate the workspace file.
    let path = dir.join("bench.chorus");
    remove_workspace(&path);
    let spec = Spec::new(creators);
    let started = Instant::now();
    let mut ws = Workspace::create(&path, &Settings::new("Bench agency", "EUR", "nl-NL")).expect("create the bench workspace");
    tune(&ws);
    let generated = synthetic::generate(&mut ws, &spec).expect("generate the roster");
    let generation = started.elapsed();
    // The generator bypasses save_record for speed: prove a sample reads back as the app wrote it.
    let checked = synthetic::check_sample(&ws, &spec, &generated, 50).unwrap_or_else(|e| panic!("the generated roster is not what the app would write: {e}"));
    drop(ws);
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!();
    println!(
        "Chorus roster benchmark ({} build): {} creators, {} handles, {} follower snapshots; file {:.0} MB; {} runs per query; SQLite {}",
        if cfg!(debug_assertions) { "debug" } else { "release" },
        thousands(generated.creators),
        thousands(generated.handles),
        thousands(generated.snapshots),
        bytes as f64 / 1e6,
        runs,
        rusqlite::version()
    );
    println!("generated in {:.1} s ({checked} sampled creators round-trip through creators::get)", generation.as_secs_f64());

    // 2. Opening the file.
    let mut times = Vec::new();
    let mut first_page = Vec::new();
    for _ in 0..opens {
        let t = Instant::now();
        let ws = open(&path);
        times.push(t.elapsed());
        roster::list(&ws, &RosterQuery::default()).expect("first page");
        first_page.push(t.elapsed());
    }
    table.timed(&format!("open workspace ({opens}×)"), &times, String::new(), Some(OPEN_P95_MS));
    table.timed("open + first roster page (info)", &first_page, String::new(), None);

    // 3. Roster queries on a freshly opened workspace.
    let ws = open(&path);
    let n = generated.creators as usize;
    assert_eq!(n, creators, "the generator made the creators asked for");
    let names = sample_column(&ws, "SELECT display_name FROM creators", runs);
    let handles: Vec<String> = sample_column(&ws, "SELECT handle FROM handles", runs)
        .into_iter()
        .map(|h| {
            let chars: Vec<char> = h.chars().collect();
            let start = chars.len() / 3;
            chars[start..(start + 5).min(chars.len())].iter().collect()
        })
        .collect();
    let prefixes = ["sa", "da", "fl", "no", "me", "ch", "lu", "pr", "em", "lo", "br", "je", "mi", "an", "ro", "ju", "ze", "ke"];
    let niche_words = ["fitness", "fashion", "beauty", "tech", "food", "parenting", "lifestyle", "skincare", "wellness", "sustainable", "drink", "travel"];
    let niches = ["fitness & wellness", "sustainable fashion", "beauty & skincare", "tech", "food & drink", "parenting", "lifestyle"];
    let nothing = ["zzqxv", "qqjjxx", "xylofoon", "wqzkp", "jjjqqq", "vvxxzz", "kqkqkq", "zxzxzx"];
    let pick = |list: &[&str], i: usize| list[i % list.len()].to_string();
    let followers_desc = |q: RosterQuery| RosterQuery { sort: SortKey::Followers, descending: true, ..q };
    let deep = (n / 2).min(50_000);
    let cases: Vec<Case> = vec![
        ("all, by name".into(), Box::new(|_| RosterQuery::default())),
        ("all, by followers desc".into(), Box::new(|_| followers_desc(RosterQuery::default()))),
        ("tier micro".into(), Box::new(|_| RosterQuery { tier: Some("micro".into()), ..Default::default() })),
        ("platform tiktok".into(), Box::new(|_| RosterQuery { platform: Some("tiktok".into()), ..Default::default() })),
        ("niche (7 niches in turn)".into(), Box::new(|i| RosterQuery { niche: Some(pick(&niches, i)), ..Default::default() })),
        ("stage active".into(), Box::new(|_| RosterQuery { stage: Some("active".into()), ..Default::default() })),
        ("country NL".into(), Box::new(|_| RosterQuery { country: Some("NL".into()), ..Default::default() })),
        ("niche+active+NL, by followers".into(),
            Box::new(|i| followers_desc(RosterQuery { niche: Some(pick(&niches, i)), stage: Some("active".into()), country: Some("NL".into()), ..Default::default() })),
        ),
        ("search full name".into(), Box::new(|i| RosterQuery { search: names[i % names.len()].clone(), ..Default::default() })),
        ("search handle fragment (5 chars)".into(), Box::new(|i| RosterQuery { search: handles[i % handles.len()].clone(), ..Default::default() })),
        ("search 2-char prefix".into(), Box::new(|i| RosterQuery { search: pick(&prefixes, i), ..Default::default() })),
        ("search niche word".into(), Box::new(|i| RosterQuery { search: pick(&niche_words, i), ..Default::default() })),
        ("search, no match".into(), Box::new(|i| RosterQuery { search: pick(&nothing, i), ..Default::default() })),
        (format!("deep page (offset {}), by name", thousands(deep as u64)), Box::new(|_| RosterQuery { offset: deep as u32, ..Default::default() })),
    ];
    for (name, query) in &cases {
        let mut times = Vec::new();
        let mut counts = Vec::new();
        for i in 0..runs {
            let q = query(i);
            let t = Instant::now();
            let page = roster::list(&ws, &RosterQuery { limit: 100, ..q }).expect("roster query");
            times.push(t.elapsed());
            counts.push(page.total);
        }
        table.timed(&format!("roster: {name}"), &times, count_range(&counts), Some(QUERY_P95_MS));
    }
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        roster::facets(&ws).expect("facets");
        times.push(t.elapsed());
    }
    table.timed("roster: facets (all six menus)", &times, String::new(), Some(QUERY_P95_MS));
    let (times, writes) = under_load(&path, || {
        let t = Instant::now();
        roster::facets(&ws).expect("facets");
        t.elapsed()
    }, runs);
    table.timed(&format!("roster: facets while another connection writes ({writes} saves)"), &times, String::new(), Some(QUERY_P95_MS));
    drop(ws);
}

/// Step 4: the import of `n` new creators, then of the same file again, against the floor.
fn imports(dir: &Path, n: usize, table: &mut Table) {
    // 4. CSV import into a fresh file, then the same file again; then the same work in bare
    // SQLite (see `bare_sqlite`), for the ratio.
    let csv = dir.join("creators.csv");
    synthetic::write_import_csv(&csv, n, 7).expect("write the CSV");
    let target = dir.join("import.chorus");
    remove_workspace(&target);
    let mut ws = Workspace::create(&target, &Settings::new("Import target", "EUR", "nl-NL")).expect("create");
    tune(&ws);
    let mut ours = Vec::new();
    for (label, expect_created) in [("import CSV, new creators", true), ("re-import same CSV, unchanged", false)] {
        let t = Instant::now();
        let (report, cpu) = bare_sqlite::cpu(|| import::run(&mut ws, &csv, &ColumnMapping::default(), &mut |_| {}).expect("import"));
        let took = t.elapsed();
        let (want, got) = if expect_created { (n as u64, report.created) } else { (n as u64, report.unchanged) };
        assert_eq!(got, want, "{label}: {report:?}");
        table.rate(&format!("{label} ({} rows)", thousands(n as u64)), took, n as f64 / took.as_secs_f64(), IMPORT_ROWS_PER_S);
        ours.push(cpu);
    }
    drop(ws);
    let mut floor = bare_sqlite::Floor::create(&dir.join("floor.sqlite"), false);
    let floors: Vec<Duration> = (0..2).map(|_| bare_sqlite::cpu(|| assert_eq!(floor.load(&csv), n as u64)).1).collect();
    drop(floor);
    let mut with_search = bare_sqlite::Floor::create(&dir.join("floor-search.sqlite"), true);
    let (_, search_floor) = bare_sqlite::cpu(|| with_search.load(&csv));
    drop(with_search);
    table.versus(&format!("import CSV, new creators ({} rows)", thousands(n as u64)), ours[0], floors[0], Some(IMPORT_VS_FLOOR));
    table.versus("re-import same CSV, unchanged", ours[1], floors[1], Some(IMPORT_VS_FLOOR));
    table.versus("new creators vs bare SQLite + the same FTS5 search index (info)", ours[0], search_floor, None);
}

/// Runs `measure` `runs` times while another connection (another window, the CLI) keeps saving
/// creators to the same file, each save changing a stage, a niche and a follower count, so the
/// counts the menus read keep changing too. Returns the timings and how many saves were made.
fn under_load(path: &Path, mut measure: impl FnMut() -> Duration, runs: usize) -> (Vec<Duration>, u64) {
    use chorus_core::roster::creators;
    let stop = &std::sync::atomic::AtomicBool::new(false);
    let (under_way, first_save) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || {
            let mut ws = open(path);
            let ids: Vec<i64> = ws.conn().prepare("SELECT id FROM creators ORDER BY id LIMIT 200").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
            let mut saves = 0u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let c = creators::get(&ws, ids[saves as usize % ids.len()]).expect("a creator");
                let mut d = c.to_draft();
                d.stage = if c.stage.as_str() == "active" { "paused".into() } else { "active".into() };
                d.niches = if d.niches.is_empty() { vec!["tech".into()] } else { Vec::new() };
                if let Some(h) = d.handles.first_mut() {
                    h.followers = (c.handles[0].followers + 1).to_string();
                }
                creators::update(&mut ws, c.id, c.revision, &d).expect("a save");
                saves += 1;
                // The day's first save waits for the day's backup copy (decision 0005): the
                // reads are timed from the second save on, with saves landing between them.
                let _ = under_way.send(());
            }
            saves - 1 // those made while the reads were timed
        });
        first_save.recv().expect("the writer saved once");
        let times: Vec<Duration> = (0..runs)
            .map(|_| {
                std::thread::sleep(Duration::from_millis(2)); // let a save land between two reads
                measure()
            })
            .collect();
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        (times, writer.join().expect("the writer"))
    })
}

/// Opens a workspace the way the app does, plus `CHORUS_BENCH_PRAGMAS` when set.
fn open(path: &Path) -> Workspace {
    let ws = Workspace::open(path).expect("open the bench workspace");
    tune(&ws);
    ws
}

fn tune(ws: &Workspace) {
    if let Ok(sql) = std::env::var("CHORUS_BENCH_PRAGMAS") {
        ws.conn().execute_batch(&sql).expect("CHORUS_BENCH_PRAGMAS");
    }
}

/// A named roster query; run `i` may vary its terms.
type Case<'a> = (String, Box<dyn Fn(usize) -> RosterQuery + 'a>);

fn remove_workspace(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(p);
    }
}

/// Up to `n` values of one column, spread evenly over the table.
fn sample_column(ws: &Workspace, select: &str, n: usize) -> Vec<String> {
    let total: i64 = ws.conn().query_row(&format!("SELECT count(*) FROM ({select})"), [], |r| r.get(0)).expect("count");
    let step = (total / n as i64).max(1);
    let sql = format!("SELECT * FROM ({select}) LIMIT -1 OFFSET ?1");
    (0..n as i64)
        .map(|i| ws.conn().query_row(&sql, [(i * step) % total.max(1)], |r| r.get(0)).expect("sample"))
        .collect()
}

fn count_range(counts: &[u64]) -> String {
    let (min, max) = (counts.iter().min().copied().unwrap_or(0), counts.iter().max().copied().unwrap_or(0));
    if min == max {
        thousands(min)
    } else {
        format!("{}–{}", thousands(min), thousands(max))
    }
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[derive(Default)]
struct Table {
    rows: Vec<[String; 6]>,
    /// Ours against the floor: name, ours, floor, ratio, target, result.
    versus: Vec<[String; 6]>,
    /// Whether the figures are held against the targets (full size, release build).
    judged: bool,
}

impl Table {
    /// Median and p95 of a series of timings, checked against a p95 target in milliseconds.
    fn timed(&mut self, name: &str, times: &[Duration], count: String, target_ms: Option<f64>) {
        let mut sorted = times.to_vec();
        sorted.sort();
        let median = sorted[sorted.len() / 2];
        let p95 = sorted[((sorted.len() as f64 * 0.95).ceil() as usize).clamp(1, sorted.len()) - 1];
        let (target, verdict) = match target_ms {
            Some(t) => (format!("p95 ≤ {t} ms"), self.verdict(ms(p95) <= t)),
            None => (String::new(), "info".to_string()),
        };
        self.rows.push([name.to_string(), format!("{:.2} ms", ms(median)), format!("{:.2} ms", ms(p95)), count, target, verdict]);
    }

    fn rate(&mut self, name: &str, took: Duration, per_second: f64, target: f64) {
        self.rows.push([
            name.to_string(),
            format!("{:.2} s", took.as_secs_f64()),
            String::new(),
            format!("{} rows/s", thousands(per_second as u64)),
            format!("≥ {} rows/s", thousands(target as u64)),
            self.verdict(per_second >= target),
        ]);
    }

    /// CPU time of ours against the floor's, with the ratio held against `target` (times).
    fn versus(&mut self, name: &str, ours: Duration, floor: Duration, target: Option<f64>) {
        let ratio = ours.as_secs_f64() / floor.as_secs_f64().max(1e-9);
        let (target, verdict) = match target {
            Some(t) => (format!("≤ {t}×"), self.verdict(ratio <= t)),
            None => (String::new(), "info".to_string()),
        };
        self.versus.push([name.to_string(), format!("{:.3} s", ours.as_secs_f64()), format!("{:.3} s", floor.as_secs_f64()), format!("{ratio:.1}×"), target, verdict]);
    }

    fn verdict(&self, met: bool) -> String {
        match (self.judged, met) {
            (false, _) => "smoke".into(),
            (true, true) => "PASS".into(),
            (true, false) => "MISS".into(),
        }
    }

    fn print(&self) {
        println!();
        print_rows(["step", "median", "p95", "count", "target", "result"], &self.rows);
        println!();
        println!("The import against bare SQLite loading the same CSV ({}):", bare_sqlite::CPU_KIND);
        print_rows(["import", "Chorus", "floor", "ratio", "target", "result"], &self.versus);
        let misses = self.rows.iter().chain(&self.versus).filter(|r| r[5] == "MISS").count();
        if !self.judged {
            println!("Smoke run: the figures only show the benchmark works. The targets apply to `cargo bench -p chorus-core --bench roster` (100,000 creators, release build).");
        } else if misses == 0 {
            println!("All targets met.");
        } else {
            println!("{misses} target(s) missed.");
        }
    }
}

/// A table with a header line, the first column left-aligned and the others right-aligned.
fn print_rows(header: [&str; 6], rows: &[[String; 6]]) {
    let width = |i: usize| rows.iter().map(|r| r[i].chars().count()).chain([header[i].chars().count()]).max().unwrap_or(0);
    let widths: Vec<usize> = (0..6).map(width).collect();
    let line = |cells: [&str; 6]| {
        let mut s = format!("{:<w$}", cells[0], w = widths[0]);
        for i in 1..6 {
            s.push_str(&format!("  {:>w$}", cells[i], w = widths[i]));
        }
        println!("{}", s.trim_end());
    };
    line(header);
    println!("{}", "-".repeat(widths.iter().sum::<usize>() + 10));
    for r in rows {
        line([&r[0], &r[1], &r[2], &r[3], &r[4], &r[5]]);
    }
}
