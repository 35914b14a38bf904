//! Payout statements as PDF: 1,000 statements (by default) of about 20 commission lines, a fee
//! and an adjustment each, English and Dutch, with and without VAT, typeset one PDF each, as a
//! payout run hands every creator their own. Beside it, the floor: typst itself setting a
//! one-line document in the same fonts to PDF the same number of times (what any typst PDF
//! costs), and for scale the same statements written as CSV text. Then both again on every core,
//! as a run's "each creator in a PDF of their own" typesets them (`each_statement_pdf`). Prints PDFs/s, the seconds
//! against the target (1,000 in ≤ 20 s) and the ratio to the floor. A measurement, not a test:
//! it never fails on a miss.
//!
//! `cargo bench -p chorus-core --bench statements` runs the full size; `cargo test
//! --all-targets` (no `--bench`) or `CHORUS_BENCH_SMOKE=1` runs a small one (20 statements) to
//! keep it compiling and working. `CHORUS_BENCH_STATEMENTS=N` sets the size.

use chorus_core::money::Currency;
use chorus_core::payouts::statement::{each_statement_pdf, statement_pdf, Outcome, Party, Statement, StatementAdjustment, StatementFee, StatementLanguage, StatementLine, Vat};
use chrono::{Days, NaiveDate};
use std::fmt::Write;
use std::time::Instant;

const TARGET_SECONDS_FOR_1000: f64 = 20.0;
const LINES: u32 = 20;

fn statement(i: u32) -> Statement {
    let first = NaiveDate::from_ymd_opt(2026, 11, 1).expect("a day");
    let language = if i % 3 == 0 { StatementLanguage::Dutch } else { StatementLanguage::English };
    let lines: Vec<StatementLine> = (0..LINES)
        .map(|n| {
            let base = 2_000 + i64::from((i * 31 + n * 17) % 400) * 125;
            let clawback = n % 9 == 8;
            StatementLine {
                day: first + Days::new(u64::from(n % 28)),
                order: format!("#{}", 10_000 + i * LINES + n),
                description: if clawback { format!("Clawback: refund of #{}", 9_000 + n) } else { "10% of net sales".into() },
                base_minor: (!clawback).then_some(base),
                commission_minor: if clawback { -base / 10 } else { base / 10 },
                // The first line is from before the period, carried in.
                carried: n == 0,
            }
        })
        .collect();
    let registered = i % 4 == 1;
    let fee = StatementFee { day: first + Days::new(14), collaboration: format!("Winter campaign {}", i % 40), net_minor: 150_00, vat_minor: if registered { 31_50 } else { 0 }, carried: false };
    let adjustment = StatementAdjustment { day: first + Days::new(20), reason: "Product returned".into(), net_minor: -20_00, vat_minor: if registered { -4_20 } else { 0 }, carried: false };
    let payable = lines.iter().map(|l| l.commission_minor).sum::<i64>() + fee.net_minor + adjustment.net_minor;
    let carried_in = lines[0].commission_minor;
    let vat = fee.vat_minor + adjustment.vat_minor;
    Statement {
        language,
        draft: false,
        currency: Currency::parse("EUR").expect("EUR"),
        number: format!("R12C{}", i + 1),
        issued_on: first + Days::new(29),
        period_from: Some(first),
        period_to: first + Days::new(29),
        brand: Party { name: "Lumen Skincare B.V.".into(), address: Some("Keizersgracht 123\n1015 CJ Amsterdam".into()), vat_number: Some("NL123456789B01".into()), iban: None, email: Some("partners@lumen.example".into()) },
        creator: Party {
            name: format!("Creator {i}"),
            address: Some(format!("Oudegracht {}\n3511 AB Utrecht", i % 200)),
            vat_number: registered.then(|| format!("NL{:09}B01", i)),
            iban: Some("NL91 ABNA 0417 1643 00".into()),
            email: Some(format!("creator{i}@example.com")),
        },
        lines,
        fees: vec![fee],
        adjustments: vec![adjustment],
        carried_in_minor: carried_in,
        payable_minor: payable,
        vat_minor: vat,
        carried_out_minor: 0,
        vat: if registered { Vat::Registered { rate_bp: 2100 } } else { Vat::None },
        outcome: Outcome::Payable { method: "Bank transfer".into(), destination: "NL91 ABNA 0417 1643 00".into() },
        paid: None,
    }
}

/// The floor: a one-line typst document in the same fonts, compiled and written as PDF `n`
/// times on one engine, as the statements are, on `threads` threads.
fn typst_floor(n: u32, threads: u32) -> f64 {
    use typst::foundations::{Dict, IntoValue};
    let fonts: [&[u8]; 1] = [include_bytes!("../../assets/fonts/Inter-Regular.otf")];
    let engine = typst_as_lib::TypstEngine::builder().main_file("#set text(font: \"Inter\")\n#sys.inputs.line").fonts(fonts).build();
    let one = |i: u32| {
        let mut inputs = Dict::new();
        inputs.insert("line".into(), format!("Statement {i}").into_value());
        let doc: typst_layout::PagedDocument = engine.compile_with_input(inputs).output.expect("the one-line document compiles");
        let pdf = typst_pdf::pdf(&doc, &typst_pdf::PdfOptions::default()).expect("the one-line document as PDF");
        std::hint::black_box(pdf);
    };
    let started = Instant::now();
    std::thread::scope(|scope| {
        for t in 0..threads {
            let one = &one;
            scope.spawn(move || (t..n).step_by(threads as usize).for_each(one));
        }
    });
    started.elapsed().as_secs_f64()
}

/// For scale: the same statements' lines written as CSV text.
fn csv_floor(statements: &[Statement]) -> f64 {
    let started = Instant::now();
    for s in statements {
        let mut out = String::with_capacity(2_048);
        for l in &s.lines {
            let _ = writeln!(out, "{},{},{},{},{}", l.day, l.order, l.description, l.base_minor.unwrap_or(0), l.commission_minor);
        }
        std::hint::black_box(out);
    }
    started.elapsed().as_secs_f64()
}

fn main() {
    let smoke = std::env::var("CHORUS_BENCH_SMOKE").is_ok_and(|v| v == "1") || !std::env::args().any(|a| a == "--bench");
    let n: u32 = std::env::var("CHORUS_BENCH_STATEMENTS").ok().and_then(|v| v.replace(['_', ','], "").parse().ok()).unwrap_or(if smoke { 20 } else { 1_000 });
    let statements: Vec<Statement> = (0..n).map(statement).collect();

    let started = Instant::now();
    let first = statement_pdf(&statements[0]).expect("the first statement typesets");
    let warm_up = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let mut bytes = first.len();
    for s in &statements {
        bytes += statement_pdf(s).unwrap_or_else(|e| panic!("statement {} typesets: {e}", s.number)).len();
    }
    let took = started.elapsed().as_secs_f64();
    let floor = typst_floor(n, 1);
    let csv = csv_floor(&statements);
    // As a run's "each creator in a PDF of their own" makes them: on every core.
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get()) as u32;
    let started = Instant::now();
    let each = each_statement_pdf(&statements);
    let took_each = started.elapsed().as_secs_f64();
    assert!(each.iter().all(Result::is_ok), "every statement typesets on every core");
    let floor_each = typst_floor(n, cores);

    let per_s = f64::from(n) / took;
    let for_1000 = took * 1000.0 / f64::from(n);
    println!("statements bench: {n} statements of {LINES} lines, one PDF each, {:.0} KB a PDF on average{}", bytes as f64 / f64::from(n + 1) / 1e3, if smoke { " (a smoke run: its figures are not the measurement)" } else { "" });
    println!("  first statement (builds the engine)  {:>8.3} s", warm_up);
    println!("  {n} statements                     {took:>8.3} s   {per_s:>8.1} PDFs/s   {for_1000:.1} s for 1,000; target ≤ {TARGET_SECONDS_FOR_1000:.0} s ({})", if for_1000 <= TARGET_SECONDS_FOR_1000 { "met" } else { "MISSED" });
    println!("  floor: one-line typst document ×{n}  {floor:>8.3} s   {:>8.1} PDFs/s   statements / floor = {:.1}×", f64::from(n) / floor, took / floor);
    let each_for_1000 = took_each * 1000.0 / f64::from(n);
    println!("  {n} statements on {cores} cores          {took_each:>8.3} s   {:>8.1} PDFs/s   {each_for_1000:.1} s for 1,000; target ≤ {TARGET_SECONDS_FOR_1000:.0} s ({})", f64::from(n) / took_each, if each_for_1000 <= TARGET_SECONDS_FOR_1000 { "met" } else { "MISSED" });
    println!("  floor on {cores} cores                    {floor_each:>8.3} s   {:>8.1} PDFs/s   statements / floor = {:.1}×", f64::from(n) / floor_each, took_each / floor_each);
    println!("  for scale: the lines as CSV text     {csv:>8.4} s   statements / CSV = {:.0}×", took / csv.max(1e-9));
}
