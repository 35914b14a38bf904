//! The table the read-side benches print (campaigns, sales lists): each step's median and p95
//! beside its floor (the same SQL replayed bare, `replayed_sql.rs`), the ratio, what was
//! counted, the target and the verdict. A measurement: a miss is printed, never a failure.

use std::time::Duration;

/// One line of the table: median, p95, the floor's median and the ratio, what was counted, the
/// target and the verdict.
pub struct Row {
    name: String,
    median: Duration,
    p95: Duration,
    floor: Duration,
    what: String,
    target: String,
    verdict: &'static str,
}

impl Row {
    /// Median and p95 of `times`, judged against a p95 target in milliseconds.
    pub fn new(name: String, times: &[Duration], floors: &[Duration], what: String, target_ms: Option<f64>, judged: bool) -> Row {
        let sorted = |times: &[Duration]| {
            let mut sorted = times.to_vec();
            sorted.sort();
            sorted
        };
        let (sorted, floor) = (sorted(times), sorted(floors)[floors.len() / 2]);
        let median = sorted[sorted.len() / 2];
        let p95 = sorted[((sorted.len() * 95).div_ceil(100)).clamp(1, sorted.len()) - 1];
        let verdict = match (target_ms, judged) {
            (None, _) => "info",
            (Some(_), false) => "smoke",
            (Some(t), true) if p95.as_secs_f64() * 1000.0 <= t => "PASS",
            (Some(_), true) => "MISS",
        };
        Row { name, median, p95, floor, what, target: target_ms.map(|t| format!("p95 ≤ {t} ms")).unwrap_or_default(), verdict }
    }
}

/// Prints the table and the verdict.
pub fn print(rows: &[Row], judged: bool, bench: &str) {
    let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
    let width = rows.iter().map(|r| r.name.chars().count()).max().unwrap_or(0);
    let what = rows.iter().map(|r| r.what.chars().count()).max().unwrap_or(0);
    println!();
    let ratio = |r: &Row| format!("{:.1}×", r.median.as_secs_f64() / r.floor.as_secs_f64().max(1e-9));
    println!("{:<width$}  {:>10}  {:>10}  {:>10}  {:>6}  {:<what$}  {:<14}  result", "step", "median", "p95", "floor", "ratio", "count", "target");
    for r in rows {
        println!("{:<width$}  {:>10}  {:>10}  {:>10}  {:>6}  {:<what$}  {:<14}  {}", r.name, ms(r.median), ms(r.p95), ms(r.floor), ratio(r), r.what, r.target, r.verdict);
    }
    println!("floor: the same SQL statements Chorus ran for the view, replayed on a bare connection (median); ratio: Chorus's median over the floor's.");
    let misses = rows.iter().filter(|r| r.verdict == "MISS").count();
    if !judged {
        println!("Smoke run: the figures only show the benchmark works. The targets apply to `cargo bench -p chorus-core --bench {bench}` (full size, release build).");
    } else if misses == 0 {
        println!("All targets met.");
    } else {
        println!("{misses} target(s) missed.");
    }
}
