//! The charts drawn and read back: the SVG's text (titles, names, ticks, no `NaN`, no markup
//! from data, well-formed XML), the PNG decoded at its size, the empty chart, and the queries
//! against sums worked out by hand on small workspaces. `CHORUS_CHART_SAMPLES=/tmp/charts`
//! also writes every kind of the demo in both themes and languages there, to look at.

use super::queries::{commissions_by_month, payouts_by_creator, revenue_by_campaign, revenue_by_creator};
use super::*;
use crate::workspace::settings::Settings;
use crate::Workspace;

fn eur() -> Unit {
    Unit::Money(Currency::parse("EUR").unwrap())
}

fn english(theme: Theme) -> Style {
    Style::new(theme, Spelling::English)
}

fn bars(categories: &[&str], series: &[(&str, &[i64])], stacked: bool, horizontal: bool) -> Chart {
    Chart::Bar(BarChart {
        title: "Sales".into(),
        categories: categories.iter().map(|c| c.to_string()).collect(),
        series: series.iter().map(|(n, v)| Series { name: n.to_string(), values: v.to_vec() }).collect(),
        unit: eur(),
        stacked,
        horizontal,
        references: Vec::new(),
    })
}

/// The texts of the SVG's `<text>` elements, read as XML (so it must be well-formed).
fn texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}\n{svg}"));
    doc.descendants().filter(|n| n.has_tag_name("text")).map(|n| n.text().unwrap_or("").trim().to_string()).collect()
}

fn decoded(png_bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

#[test]
fn a_stacked_bar_chart_writes_its_title_series_categories_and_ticks() {
    let chart = bars(&["Jan 2026", "Feb 2026", "Mar 2026"], &[("Paid", &[10_000, 20_000, 0]), ("Pending", &[5_000, 0, 30_000])], true, false);
    let svg = render_svg(&chart, &english(Theme::Light)).unwrap();
    let t = texts(&svg);
    for expected in ["Sales", "Paid", "Pending", "Jan 2026", "Feb 2026", "Mar 2026", "€0", "€300"] {
        assert!(t.iter().any(|x| x == expected), "{expected} missing from {t:?}");
    }
    assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
    // Paid's colour and Pending's both drawn.
    let p = Theme::Light.palette();
    for c in [p.series[0], p.series[1]] {
        assert!(svg.contains(&format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)), "colour {c:?} missing");
    }
}

#[test]
fn dutch_labels_are_written_the_dutch_way() {
    let chart = bars(&["jan 2026"], &[("Omzet", &[250_000])], false, false);
    let svg = render_svg(&chart, &Style::new(Theme::Dark, Spelling::Dutch)).unwrap();
    let t = texts(&svg);
    assert!(t.iter().any(|x| x == "€\u{a0}2.500"), "{t:?}");
    let sideways = bars(&["Anna de Vries"], &[("Omzet", &[123_456])], false, true);
    let t = texts(&render_svg(&sideways, &Style::new(Theme::Dark, Spelling::Dutch)).unwrap());
    assert!(t.iter().any(|x| x == "€\u{a0}1,2K") && t.iter().any(|x| x == "Anna de Vries"), "{t:?}");
}

#[test]
fn hostile_names_never_become_markup_and_are_shortened() {
    let long = "W".repeat(300);
    let names = ["<script>alert(1)</script>", "Tom & Jerry \"quoted\" 'single'", "\u{202e}evil\u{202c} name", long.as_str(), "Zoë 🌞☀️ sun", "line\nbreak\u{0}nul"];
    for horizontal in [false, true] {
        let chart = Chart::Bar(BarChart {
            title: "<b>title</b> & \u{202e}".into(),
            categories: names.iter().map(|n| n.to_string()).collect(),
            series: vec![Series { name: "<i>series</i>".into(), values: vec![1, 2, 3, 4, 5, 6] }, Series { name: long.clone(), values: vec![6, 5, 4, 3, 2, 1] }],
            unit: Unit::Count,
            stacked: horizontal,
            horizontal,
            references: vec![Reference { label: "<ref> & benchmark".into(), value: 4 }],
        });
        for theme in [Theme::Light, Theme::Dark] {
            let svg = render_svg(&chart, &english(theme)).unwrap();
            assert!(!svg.contains("<script") && !svg.contains("<b>") && !svg.contains("<i>") && !svg.contains("<ref>"), "{svg}");
            assert!(!svg.contains('\u{202e}') && !svg.contains('\u{0}'));
            let t = texts(&svg);
            assert!(t.iter().any(|x| x.starts_with("<script>")), "escaped, read back as text: {t:?}");
            assert!(t.iter().any(|x| x.contains("Tom & Jerry")), "{t:?}");
            assert!(t.iter().all(|x| x.chars().count() < 80), "a 300-letter name is shortened: {t:?}");
            assert!(t.iter().any(|x| x.starts_with("WWW") && x.ends_with('…')), "{t:?}");
            let (w, h, _) = decoded(&render_png(&chart, &english(theme)).unwrap());
            assert_eq!((w, h), (720, 360));
        }
    }
}

#[test]
fn the_png_decodes_at_the_size_asked_for_and_in_the_themes_background() {
    let chart = bars(&["A", "B"], &[("X", &[1, 2])], false, false);
    for (theme, ratio) in [(Theme::Light, 1), (Theme::Dark, 2)] {
        let style = Style { pixel_ratio: ratio, ..english(theme).sized(400, 240) };
        let (w, h, pixels) = decoded(&render_png(&chart, &style).unwrap());
        assert_eq!((w, h), (400 * ratio, 240 * ratio));
        let bg = theme.palette().background;
        assert_eq!(&pixels[..3], &[bg.0, bg.1, bg.2], "the top-left corner is the background");
        // Something other than the background was drawn.
        assert!(pixels.chunks(3).any(|p| p != [bg.0, bg.1, bg.2]));
    }
}

#[test]
fn empty_data_draws_no_data_yet_in_its_language() {
    let empties = [
        bars(&[], &[], false, false),
        bars(&["A", "B"], &[], false, true),
        bars(&["A", "B"], &[("X", &[0, 0])], true, false),
        Chart::Line(LineChart { title: "Growth".into(), days: vec![], series: vec![], unit: Unit::Count, references: vec![], marks: vec![], known_from: vec![] }),
    ];
    for chart in &empties {
        for (language, sentence) in [(Spelling::English, "No data yet"), (Spelling::Dutch, "Nog geen gegevens")] {
            let svg = render_svg(chart, &Style::new(Theme::Light, language)).unwrap();
            assert!(texts(&svg).iter().any(|t| t == sentence), "{svg}");
            assert!(!svg.contains("NaN"));
            let (w, h, _) = decoded(&render_png(chart, &Style::new(Theme::Dark, language)).unwrap());
            assert_eq!((w, h), (720, 360));
        }
    }
}

#[test]
fn extreme_values_and_negative_stacks_draw() {
    let charts = [
        bars(&["A", "B", "C"], &[("X", &[i64::MAX, i64::MIN, 0]), ("Y", &[i64::MAX, i64::MIN, 1])], true, false),
        bars(&["A", "B"], &[("X", &[-5_000, 12_000]), ("Y", &[3_000, -8_000])], true, true),
        bars(&["one"], &[("X", &[1])], false, false),
    ];
    for chart in &charts {
        for horizontal in [false, true] {
            let mut chart = chart.clone();
            if let Chart::Bar(b) = &mut chart {
                b.horizontal = horizontal;
            }
            let svg = render_svg(&chart, &english(Theme::Light)).unwrap();
            assert!(!svg.contains("NaN") && !svg.contains("inf"));
            texts(&svg);
            render_png(&chart, &english(Theme::Dark)).unwrap();
        }
    }
}

#[test]
fn a_mismatched_series_or_size_is_refused() {
    let chart = bars(&["A", "B"], &[("X", &[1])], false, false);
    assert!(matches!(render_svg(&chart, &english(Theme::Light)), Err(ChartError::Shape { values: 1, categories: 2, .. })));
    let fine = bars(&["A"], &[("X", &[1])], false, false);
    for style in [english(Theme::Light).sized(10, 10), english(Theme::Light).sized(5000, 300), Style { pixel_ratio: 0, ..english(Theme::Light) }, Style { pixel_ratio: 4, ..english(Theme::Light).sized(4096, 4096) }] {
        assert!(matches!(render_png(&fine, &style), Err(ChartError::Size { .. })));
    }
}

fn growth() -> Chart {
    let start = NaiveDate::from_ymd_opt(2025, 11, 1).unwrap();
    let days: Vec<NaiveDate> = (0..14).map(|k| start + chrono::Months::new(k)).collect();
    Chart::Line(LineChart {
        title: "Followers".into(),
        series: vec![
            Series { name: "Instagram".into(), values: (0..14).map(|k| 12_000 + k * 850 + (k % 3) * 400).collect() },
            Series { name: "TikTok".into(), values: (0..14).map(|k| 4_000 + k * k * 120).collect() },
        ],
        days,
        unit: Unit::Count,
        references: vec![Reference { label: "Tier: mid".into(), value: 20_000 }],
        marks: vec![DateMark { on: NaiveDate::from_ymd_opt(2026, 3, 10).unwrap(), label: "Reel".into() }, DateMark { on: NaiveDate::from_ymd_opt(2026, 9, 2).unwrap(), label: "Giveaway <3".into() }],
        known_from: vec![],
    })
}

#[test]
fn a_line_chart_writes_months_ticks_references_and_marks() {
    let svg = render_svg(&growth(), &english(Theme::Light)).unwrap();
    let t = texts(&svg);
    for expected in ["Followers", "Instagram", "TikTok", "Jan", "2026", "Tier: mid", "Reel", "Giveaway <3", "0"] {
        assert!(t.iter().any(|x| x == expected), "{expected} missing from {t:?}");
    }
    assert!(!svg.contains("NaN") && svg.contains("<polyline"));
    // A short span is labelled by day; one day alone draws.
    let days: Vec<NaiveDate> = (0..10).map(|k| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Duration::days(k)).collect();
    let short = Chart::Line(LineChart { title: String::new(), series: vec![Series { name: "x".into(), values: (0..10).collect() }], days: days.clone(), unit: Unit::Percent, references: vec![], marks: vec![], known_from: vec![] });
    let t = texts(&render_svg(&short, &Style::new(Theme::Dark, Spelling::Dutch)).unwrap());
    assert!(t.iter().any(|x| x == "1 jan"), "{t:?}");
    let one = Chart::Line(LineChart { title: String::new(), series: vec![Series { name: "x".into(), values: vec![5] }], days: days[..1].to_vec(), unit: Unit::Count, references: vec![], marks: vec![], known_from: vec![] });
    render_png(&one, &english(Theme::Light)).unwrap();
}

// ── The queries ──

fn workspace() -> Workspace {
    Workspace::in_memory(&Settings::new("Test", "EUR", "nl-NL")).unwrap()
}

fn sql(ws: &Workspace, sql: &str) {
    ws.conn().execute_batch(sql).unwrap_or_else(|e| panic!("{e}: {sql}"));
}

/// Three creators in two campaigns, their collaborations, and orders (`id, collaboration,
/// day, currency, subtotal, refunded, status`).
fn sales_world(ws: &Workspace) {
    sql(ws, "INSERT INTO campaigns (id, name, goal, created_at, updated_at) VALUES (1, 'Summer <glow>', 'sales', 'now', 'now'), (2, 'Winter', 'sales', 'now', 'now');
        INSERT INTO creators (id, display_name, sort_name, created_at, updated_at) VALUES (1, 'Anna', 'anna', 'now', 'now'), (2, 'Bram', 'bram', 'now', 'now'), (3, 'Cas', 'cas', 'now', 'now');
        INSERT INTO collaborations (id, campaign_id, creator_id, kind, status, last_activity_on, created_at, updated_at) VALUES
            (1, 1, 1, 'affiliate', 'active', '2026-01-01', 'now', 'now'), (2, 1, 2, 'affiliate', 'active', '2026-01-01', 'now', 'now'),
            (3, 2, 1, 'affiliate', 'active', '2026-01-01', 'now', 'now'), (4, 2, 3, 'affiliate', 'active', '2026-01-01', 'now', 'now');");
    let orders: [(i64, Option<i64>, &str, &str, i64, i64, &str); 8] = [
        (1, Some(1), "2026-01-10", "EUR", 10_000, 0, "paid"),
        (2, Some(1), "2026-02-10", "EUR", 5_000, 1_000, "partially_refunded"),
        (3, Some(3), "2026-03-01", "EUR", 7_000, 0, "paid"),
        (4, Some(2), "2026-03-02", "EUR", 20_000, 0, "paid"),
        (5, Some(4), "2026-03-03", "EUR", 3_000, 0, "voided"),
        (6, Some(4), "2025-12-31", "USD", 90_000, 0, "paid"),
        (7, None, "2026-03-04", "EUR", 50_000, 0, "paid"),
        (8, Some(4), "2026-03-05", "EUR", 1_500, 2_000, "refunded"),
    ];
    for (id, collaboration, day, currency, subtotal, refunded, status) in orders {
        let attribution = if collaboration.is_some() { "attributed" } else { "unattributed" };
        ws.conn()
            .execute(
                "INSERT INTO orders (id, source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, refunded_minor, financial_status, attribution, collaboration_id, attribution_reason, imported_at, updated_at)
                 VALUES (?1, 'shopify', '#' || ?1, ?2 || 'T10:00:00+01:00', ?2 || 'T09:00:00Z', ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'code', 'now', 'now')",
                rusqlite::params![id, day, currency, subtotal, refunded, status, attribution, collaboration],
            )
            .unwrap();
    }
}

fn values(chart: &BarChart) -> Vec<(String, Vec<i64>)> {
    chart.categories.iter().enumerate().map(|(i, c)| (c.clone(), chart.series.iter().map(|s| s.values[i]).collect())).collect()
}

#[test]
fn revenue_by_creator_and_campaign_sum_the_attributed_orders_in_the_workspace_currency() {
    let ws = workspace();
    assert!(revenue_by_creator(&ws, 10, Spelling::English).unwrap().categories.is_empty());
    sales_world(&ws);
    // Anna: 10,000 + (5,000 − 1,000) + 7,000 = 21,000; Bram 20,000; Cas: voided 0, refunded
    // more than the subtotal 0, USD left out: no revenue, not shown.
    let by_creator = revenue_by_creator(&ws, 10, Spelling::English).unwrap();
    assert_eq!(values(&by_creator), [("Anna".to_string(), vec![21_000]), ("Bram".to_string(), vec![20_000])]);
    assert!(by_creator.horizontal && !by_creator.stacked && by_creator.title == "Attributed revenue by creator");
    let top_one = revenue_by_creator(&ws, 1, Spelling::Dutch).unwrap();
    assert_eq!(values(&top_one), [("Anna".to_string(), vec![21_000]), ("Overige (1)".to_string(), vec![20_000])]);
    // Summer: Anna 14,000 + Bram 20,000; Winter: Anna 7,000.
    let by_campaign = revenue_by_campaign(&ws, 10, Spelling::English).unwrap();
    assert_eq!(values(&by_campaign), [("Summer <glow>".to_string(), vec![34_000]), ("Winter".to_string(), vec![7_000])]);
}

#[test]
fn commissions_by_month_stack_the_lines_by_status_in_their_orders_months() {
    let ws = workspace();
    let today = NaiveDate::from_ymd_opt(2026, 3, 15).unwrap();
    let empty = commissions_by_month(&ws, 3, today, Spelling::English).unwrap();
    assert_eq!(empty.categories, ["Jan 2026", "Feb 2026", "Mar 2026"]);
    assert!(empty.series.iter().all(|s| s.values == [0, 0, 0]));
    sales_world(&ws);
    let line = |order: i64, collaboration: i64, creator: i64, kind: &str, amount: i64, currency: &str, hold: &str| {
        ws.conn()
            .execute(
                "INSERT INTO commission_lines (order_id, collaboration_id, creator_id, kind, reason, amount_minor, currency, base_minor, rule, rule_level, explanation, explanation_code, hold_until, created_at)
                 VALUES (?1, ?2, ?3, ?4, 'order', ?5, ?6, 0, 'percent:1000', 'workspace', '', 'percent', ?7, 'now')",
                rusqlite::params![order, collaboration, creator, kind, amount, currency, hold],
            )
            .unwrap();
        ws.conn().last_insert_rowid()
    };
    let paid = line(1, 1, 1, "commission", 1_000, "EUR", "2026-02-01"); // Jan, paid
    line(2, 1, 1, "commission", 500, "EUR", "2026-03-01"); // Feb, approved
    line(2, 1, 1, "reversal", -100, "EUR", "2026-03-20"); // Feb, pending
    line(3, 3, 1, "commission", 700, "EUR", "2026-04-01"); // Mar, pending
    line(4, 2, 2, "commission", 2_000, "EUR", "2026-03-15"); // Mar, approved (hold ends today)
    let rejected = line(4, 2, 2, "adjustment", 300, "EUR", "2026-03-01");
    ws.conn().execute("UPDATE commission_lines SET rejected_at = 'now', rejected_reason = 'fraud' WHERE id = ?1", [rejected]).unwrap();
    line(6, 4, 3, "commission", 9_000, "USD", "2026-01-01"); // another currency, Dec anyway
    line(7, 4, 3, "commission", 50, "GBP", "2026-01-01");
    crate::payouts::test_support::pay_lines(ws.conn(), &[paid]);
    let chart = commissions_by_month(&ws, 3, today, Spelling::English).unwrap();
    let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Paid", "Approved", "Pending"]);
    assert_eq!(values(&chart), [("Jan 2026".to_string(), vec![1_000, 0, 0]), ("Feb 2026".to_string(), vec![0, 500, -100]), ("Mar 2026".to_string(), vec![0, 2_000, 700])]);
    assert!(chart.stacked && !chart.horizontal);
    // Twelve months end with this one; the Dutch labels.
    let year = commissions_by_month(&ws, 12, today, Spelling::Dutch).unwrap();
    assert_eq!((year.categories[0].as_str(), year.categories[11].as_str()), ("apr 2025", "mrt 2026"));
    assert_eq!(year.series[0].name, "Uitbetaald");
    render_svg(&Chart::Bar(chart), &english(Theme::Light)).unwrap();
}

#[test]
fn payouts_by_creator_sum_finalised_runs_paid_and_awaiting() {
    let ws = workspace();
    assert!(payouts_by_creator(&ws, 10, Spelling::English).unwrap().categories.is_empty());
    sales_world(&ws);
    // Each run written as a draft and then finalised (one draft at a time), as the schema wants.
    let run = |id: i64, creators: &str, finalise: bool| {
        sql(&ws, &format!("INSERT INTO payout_runs (id, state, cutoff, currency, min_payout_minor, created_at, computed_at) VALUES ({id}, 'draft', '2026-01-31', 'EUR', 0, 'now', 'now');
            INSERT INTO payout_creators (run_id, creator_id, name, outcome, commissions_minor, fees_minor, adjustments_minor, carried_in_minor, payable_minor, vat_minor, carried_out_minor, items) VALUES {creators};"));
        if finalise {
            sql(&ws, &format!("UPDATE payout_runs SET state = 'finalised', finalised_at = 'now' WHERE id = {id}"));
        }
    };
    run(1, "(1, 1, 'Anna old name', 'payable', 1000, 0, 0, 0, 1000, 210, 0, 1), (1, 2, 'Bram', 'carried', 10, 0, 0, 0, 0, 0, 10, 1)", true);
    run(2, "(2, 1, 'Anna', 'payable', 500, 0, 0, 0, 500, 0, 0, 1), (2, 3, 'Cas', 'payable', 3000, 0, 0, 0, 3000, 0, 0, 1)", true);
    run(3, "(3, 2, 'Bram', 'payable', 9000, 0, 0, 0, 9000, 0, 0, 1)", false);
    sql(&ws, "UPDATE payout_creators SET paid_on = '2026-02-01', paid_reference = 'R', paid_at = 'now' WHERE (run_id, creator_id) IN (VALUES (1, 1), (2, 3))");
    let chart = payouts_by_creator(&ws, 10, Spelling::English).unwrap();
    // Cas 3,000 paid; Anna 1,210 paid + 500 awaiting; Bram carried and in a draft: nothing.
    assert_eq!(values(&chart), [("Cas".to_string(), vec![3_000, 0]), ("Anna".to_string(), vec![1_210, 500])]);
    assert!(chart.stacked && chart.horizontal);
    assert_eq!(chart.series[1].name, "Awaiting payment");
}

#[test]
fn every_kind_draws_on_an_empty_workspace_and_the_demo() {
    let empty = workspace();
    let mut demo = Workspace::in_memory(&crate::demo::settings()).unwrap();
    crate::demo::fill(&mut demo).unwrap();
    let samples = std::env::var_os("CHORUS_CHART_SAMPLES").map(std::path::PathBuf::from);
    if let Some(dir) = &samples {
        std::fs::create_dir_all(dir).unwrap();
    }
    for kind in ChartKind::ALL {
        for (theme, language) in [(Theme::Light, Spelling::English), (Theme::Dark, Spelling::Dutch), (Theme::Dark, Spelling::English), (Theme::Light, Spelling::Dutch)] {
            let style = Style { pixel_ratio: 2, ..Style::new(theme, language) };
            let svg = String::from_utf8(draw(&empty, kind, &style, Format::Svg).unwrap()).unwrap();
            assert!(texts(&svg).iter().any(|t| t == super::text::no_data(language)) || kind == ChartKind::CommissionsByMonth, "{kind:?}");
            let svg = String::from_utf8(draw(&demo, kind, &style, Format::Svg).unwrap()).unwrap();
            let t = texts(&svg);
            assert!(!t.iter().any(|t| t == super::text::no_data(language)), "the demo has {kind:?}: {t:?}");
            let png_bytes = draw(&demo, kind, &style, Format::Png).unwrap();
            assert_eq!(decoded(&png_bytes).0, 1440);
            if let Some(dir) = &samples {
                let stem = format!("{}-{}-{}", kind.as_str(), if theme == Theme::Light { "light" } else { "dark" }, if language == Spelling::Dutch { "nl" } else { "en" });
                std::fs::write(dir.join(format!("{stem}.svg")), &svg).unwrap();
                std::fs::write(dir.join(format!("{stem}.png")), &png_bytes).unwrap();
            }
        }
    }
    if let Some(dir) = &samples {
        let hostile = Chart::Bar(BarChart {
            title: "<script>alert('x')</script> & a very long title that goes on and on and on and on and on and on and on and on and on".into(),
            categories: vec!["<script>".into(), "W".repeat(300), "\u{202e}evil".into(), "Zoë 🌞 sun".into(), "Tom & Jerry".into()],
            series: vec![Series { name: "Gifted".into(), values: vec![50_000, 120_000, -20_000, 0, 7_000] }, Series { name: "Paid".into(), values: vec![10_000, 30_000, 40_000, 5, 9_000] }],
            unit: eur(),
            stacked: true,
            horizontal: true,
            references: vec![Reference { label: "Benchmark".into(), value: 100_000 }],
        });
        let mut upright = hostile.clone();
        if let Chart::Bar(b) = &mut upright {
            b.horizontal = false;
            b.stacked = false;
        }
        for (stem, chart) in [("hostile-sideways", hostile), ("hostile-upright", upright), ("line", growth()), ("grouped", bars(&["Reels", "Stories", "Posts", "TikTok"], &[("Gifted", &[120_000, 80_000, 45_000, 160_000]), ("Paid", &[90_000, 30_000, 60_000, 210_000])], false, false))] {
            for theme in [Theme::Light, Theme::Dark] {
                let style = Style { pixel_ratio: 2, ..english(theme) };
                let name = format!("{stem}-{}", if theme == Theme::Light { "light" } else { "dark" });
                std::fs::write(dir.join(format!("{name}.png")), render_png(&chart, &style).unwrap()).unwrap();
                std::fs::write(dir.join(format!("{name}.svg")), render_svg(&chart, &style).unwrap()).unwrap();
            }
        }
    }
}

#[test]
fn kept_figures_are_used_only_while_the_workspace_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.chorus");
    let ws = Workspace::create(&path, &Settings::new("Test", "EUR", "nl-NL")).unwrap();
    sales_world(&ws);
    let cache = ChartCache::new();
    let today = NaiveDate::from_ymd_opt(2026, 3, 20).unwrap();
    let revenue = |ws: &Workspace| match cache.chart(ws, ChartKind::RevenueByCreator, today, Spelling::English).unwrap() {
        Chart::Bar(bars) => values(&bars),
        Chart::Line(_) => unreachable!("revenue is drawn as bars"),
    };
    let before = ws.data_stamp().unwrap();
    assert_eq!(revenue(&ws), [("Anna".to_string(), vec![21_000]), ("Bram".to_string(), vec![20_000])]);
    for kind in ChartKind::ALL {
        cache.chart(&ws, kind, today, Spelling::Dutch).unwrap();
    }
    assert_eq!(ws.data_stamp().unwrap(), before, "reading the figures changes nothing, so they can be kept");

    // Another connection (the CLI, another window) commits: the figures are read afresh.
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute("UPDATE orders SET subtotal_minor = 40000 WHERE id = 4", []).unwrap();
    assert_ne!(ws.data_stamp().unwrap(), before);
    assert_eq!(revenue(&ws), [("Bram".to_string(), vec![40_000]), ("Anna".to_string(), vec![21_000])]);

    // A write through this handle: afresh too.
    ws.conn().execute("UPDATE orders SET refunded_minor = 40000 WHERE id = 4", []).unwrap();
    assert_eq!(revenue(&ws), [("Anna".to_string(), vec![21_000])]);

    // Another opening of the same file reads it itself, whatever its counters say.
    drop(ws);
    let again = Workspace::open(&path).unwrap();
    other.execute("UPDATE orders SET refunded_minor = 0 WHERE id = 4", []).unwrap();
    assert_eq!(revenue(&again), [("Bram".to_string(), vec![40_000]), ("Anna".to_string(), vec![21_000])]);

    // The drawing from kept figures is the drawing from fresh ones.
    let style = english(Theme::Dark);
    assert_eq!(cache.draw(&again, ChartKind::RevenueByCreator, &style, Format::Svg).unwrap(), draw(&again, ChartKind::RevenueByCreator, &style, Format::Svg).unwrap());
}
