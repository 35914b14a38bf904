//! The campaign report PDF read back: its text (pdf-extract) holds the brand, the campaign, the
//! key figures, the best posts with their links, spend and return and the formulas, in English
//! and in Dutch; without money not one amount, money word or money chart; hostile text printed
//! as written; empty sections left out; a long list of posts runs onto numbered pages; links
//! clickable only for http(s). Page 1 of each language is rendered from typst's own layout to
//! /tmp/report-page1-{en,nl}.png (beside its PDF) to look at, and one report is timed.

use super::formulas::FormulaId;
use super::report::*;
use crate::charts::{render_svg, BarChart, Chart, Series, Style, Theme, Unit};
use crate::money::Currency;
use crate::numbers::Spelling;
use crate::payouts::statement_tests::{assert_holds, pages_of, text_of};
use chrono::NaiveDate;

fn bar_svg(language: ReportLanguage, categories: &[&str], series: &[(&str, &[i64])], unit: Unit, size: (u32, u32)) -> String {
    let chart = Chart::Bar(BarChart {
        title: String::new(),
        categories: categories.iter().map(|c| c.to_string()).collect(),
        series: series.iter().map(|(n, v)| Series { name: n.to_string(), values: v.to_vec() }).collect(),
        unit,
        stacked: false,
        horizontal: false,
        references: Vec::new(),
    });
    render_svg(&chart, &Style::new(Theme::Light, Spelling::from(language)).sized(size.0, size.1)).expect("the chart draws")
}

fn figure(label: &str, value: &str, benchmark: Option<&str>, formula: Option<FormulaId>, money: bool) -> KpiRow {
    KpiRow { label: label.into(), value: value.into(), benchmark: benchmark.map(String::from), formula, money }
}

fn formula(id: FormulaId, language: ReportLanguage) -> FormulaRow {
    FormulaRow { formula: id, name: id.name(language.into()).into(), text: id.text(language.into()) }
}

fn post(creator: &str, handle: &str, link: Option<&str>, engagement: &str, reach: Option<&str>) -> BestPost {
    let posted_on = if engagement.contains(',') { "03-11-2026" } else { "3 Nov 2026" };
    BestPost {
        creator: creator.into(),
        handle: handle.into(),
        platform: "Instagram".into(),
        format: "Reel".into(),
        posted_on: posted_on.into(),
        link: link.map(String::from),
        engagement: engagement.into(),
        reach: reach.map(String::from),
    }
}

/// A campaign of four creators, worded as the caller words it (figures in each language's
/// spelling, the formulas' own words).
fn sample(language: ReportLanguage) -> CampaignReport {
    let nl = language == ReportLanguage::Dutch;
    let t = |en: &str, dutch: &str| if nl { dutch.to_string() } else { en.to_string() };
    let eur = Unit::Money(Currency::parse("EUR").unwrap());
    let creators = ["Sanne", "Ahmed", "Mia", "Lotte"];
    CampaignReport {
        language,
        brand: "Lumen Skincare".into(),
        campaign: "Winter glow".into(),
        period: t("1 – 30 November 2026", "1 – 30 november 2026"),
        generated_on: NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
        include_money: true,
        summary: vec![
            SummaryLine { text: t("Your gifted posts earned 18% more engagement than paid ones (the guide: 12.9%).", "Je cadeauposts kregen 18% meer engagement dan betaalde (de gids: 12,9%)."), money: false },
            SummaryLine { text: t("Micro creators reached 4.12% engagement by reach: above the 1.81% of the guide.", "Micro-creators haalden 4,12% engagement op bereik: boven de 1,81% van de gids."), money: false },
            SummaryLine { text: t("Every €1.00 spent brought €3.20 in attributed sales.", "Elke € 1,00 aan uitgaven bracht € 3,20 aan toegewezen omzet."), money: true },
        ],
        kpis: vec![
            figure(&t("Posts", "Posts"), "12", None, None, false),
            figure(&t("Reach", "Bereik"), t("48,210", "48.210").as_str(), None, None, false),
            figure(FormulaId::EngagementByReach.name(language.into()), &t("4.12%", "4,12%"), Some(&t("1.81% (micro creators)", "1,81% (micro-creators)")), Some(FormulaId::EngagementByReach), false),
            figure(FormulaId::Median.name(language.into()), &t("3.75%", "3,75%"), None, Some(FormulaId::Median), false),
            figure(&t("Cost per engagement", "Kosten per interactie"), &t("€0.42", "€ 0,42"), None, Some(FormulaId::Cpe), true),
        ],
        charts: vec![
            ReportChart {
                title: t("Engagement rate by format", "Engagement rate per formaat"),
                svg: bar_svg(language, &["Reel", t("Carousel", "Carrousel").as_str(), t("Single image", "Losse foto").as_str()], &[("Engagement", &[412, 356, 198])], Unit::Percent, (360, 260)),
                wide: false,
                money: false,
            },
            ReportChart {
                title: t("Reach by creator", "Bereik per creator"),
                svg: bar_svg(language, &creators, &[(&t("Reach", "Bereik"), &[18_200, 12_050, 9_960, 8_000])], Unit::Count, (360, 260)),
                wide: false,
                money: false,
            },
            ReportChart {
                title: t("Spend and revenue by creator", "Uitgaven en omzet per creator"),
                svg: bar_svg(language, &creators, &[(&t("Spend", "Uitgaven"), &[45_000, 30_000, 25_000, 20_000]), (&t("Revenue", "Omzet"), &[160_000, 80_000, 90_000, 54_000])], eur, (720, 260)),
                wide: true,
                money: true,
            },
        ],
        best_posts: vec![
            post("Sanne de Vries", "@sanne.glow", Some("https://www.instagram.com/reel/C9xYz12AbCd/"), &t("6.40%", "6,40%"), Some(&t("12,400", "12.400"))),
            post("Ahmed El Amrani", "@ahmed.skin", Some("https://www.tiktok.com/@ahmed.skin/video/7301234567890123456?is_from_webapp=1&sender_device=pc"), &t("5.10%", "5,10%"), Some(&t("9,870", "9.870"))),
            post("Mia Jansen", "@mia", None, &t("4.95%", "4,95%"), None),
        ],
        spend_and_return: vec![
            figure(FormulaId::Spend.name(language.into()), &t("€1,200.00", "€ 1.200,00"), None, Some(FormulaId::Spend), true),
            figure(&t("CPM", "CPM"), &t("€24.89", "€ 24,89"), None, Some(FormulaId::Cpm), true),
            figure(&t("ROAS", "ROAS"), &t("3.20", "3,20"), None, Some(FormulaId::Roas), true),
            figure(&t("EMV", "EMV"), &t("€5,640.00", "€ 5.640,00"), None, Some(FormulaId::Emv), true),
        ],
        formulas: [FormulaId::EngagementByReach, FormulaId::Median, FormulaId::Spend, FormulaId::Cpm, FormulaId::Cpe, FormulaId::Roas, FormulaId::Emv].into_iter().map(|id| formula(id, language)).collect(),
        source_note: Some(super::benchmarks::source_note(language.into())),
    }
}

/// The URIs the PDF's links go to, read from its annotations.
fn link_targets(pdf: &[u8]) -> Vec<String> {
    let doc = pdf_extract::Document::load_mem(pdf).expect("the PDF parses");
    let mut uris: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| d.get(b"A").ok()?.as_dict().ok()?.get(b"URI").ok())
        .filter_map(|u| u.as_str().ok().map(|b| String::from_utf8_lossy(b).into_owned()))
        .collect();
    // A link broken over two lines is two areas to click.
    uris.sort();
    uris.dedup();
    uris
}

/// The names of the fonts the PDF embeds.
fn fonts_of(pdf: &[u8]) -> Vec<String> {
    let doc = pdf_extract::Document::load_mem(pdf).expect("the PDF parses");
    let names = doc.objects.values().filter_map(|o| o.as_dict().ok()).filter(|d| d.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"Font".as_slice()));
    names.filter_map(|d| d.get(b"BaseFont").ok()?.as_name().ok().map(|n| String::from_utf8_lossy(n).into_owned())).collect()
}

#[test]
fn an_english_report_shows_every_section_with_its_figures_posts_and_formulas() {
    let pdf = campaign_report_pdf(&sample(ReportLanguage::English)).unwrap();
    let text = text_of(&pdf);
    let pages = pages_of(&pdf);
    assert_holds(&text, &[
        "CAMPAIGN REPORT",
        "Lumen Skincare",
        "Winter glow",
        "1 – 30 November 2026",
        "2 December 2026",
        "Summary",
        "Your gifted posts earned 18% more engagement than paid ones (the guide: 12.9%).",
        "Every €1.00 spent brought €3.20 in attributed sales.",
        "Key figures",
        "Benchmark",
        "Engagement rate by reach",
        "4.12%",
        "1.81% (micro creators)",
        "48,210",
        "Cost per engagement",
        "Charts",
        "Engagement rate by format",
        "Spend and revenue by creator",
        "Best posts",
        "Sanne de Vries",
        "@sanne.glow",
        "https://www.instagram.com/reel/C9xYz12AbCd/",
        "6.40%",
        "12,400",
        "Spend and return",
        "€1,200.00",
        "ROAS",
        "EMV",
        "How the figures are worked out",
        "Median = the middle engagement rate",
        "CPM (cost per 1,000 impressions) = spend ÷ impressions × 1,000",
        "Benchmarks from the guide",
        &format!("Lumen Skincare · Winter glow · Campaign report Page 1 of {pages}"),
    ]);
    assert!(pages <= 3, "{pages} pages");
    // The charts' own text (the SVG's, set by typst with the report's Inter) reads back: the
    // formats and the value axes, which only the charts hold.
    let squeezed = text.replace(' ', "");
    assert_holds(&squeezed, &["Carousel", "Singleimage", "20K", "€1,500", "SpendRevenue"]);
    let fonts = fonts_of(&pdf);
    assert!(!fonts.is_empty() && fonts.iter().all(|f| f.contains("+Inter-")), "only Inter is embedded: {fonts:?}");
    // The long TikTok address is broken over lines but whole.
    assert!(text.replace(' ', "").contains("https://www.tiktok.com/@ahmed.skin/video/7301234567890123456?is_from_webapp=1&sender_device=pc"), "{text}");
    assert!(!text.contains("left out"), "{text}");
}

#[test]
fn a_dutch_report_is_worded_in_dutch_throughout() {
    let pdf = campaign_report_pdf(&sample(ReportLanguage::Dutch)).unwrap();
    let text = text_of(&pdf);
    assert_holds(&text, &[
        "CAMPAGNERAPPORT",
        "Lumen Skincare",
        "Winter glow",
        "PERIODE",
        "GEMAAKT OP",
        "2 december 2026",
        "Samenvatting",
        "Je cadeauposts kregen 18% meer engagement dan betaalde (de gids: 12,9%).",
        "Kerncijfers",
        "Cijfer",
        "Waarde",
        "Engagement rate op bereik",
        "4,12%",
        "Kosten per interactie",
        "Grafieken",
        "Bereik per creator",
        "Beste posts",
        "Creator",
        "Geplaatst",
        "Formaat",
        "Bereik",
        "https://www.instagram.com/reel/C9xYz12AbCd/",
        "12.400",
        "Uitgaven en opbrengst",
        "€ 1.200,00",
        "Zo zijn de cijfers berekend",
        "vind je hier de formule",
        "CPM (kosten per 1.000 vertoningen) = uitgaven ÷ vertoningen × 1.000",
        "Benchmarks uit de gids",
        "Pagina 1 van",
    ]);
    let words: std::collections::HashSet<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
    for english in ["Campaign", "Summary", "Key", "Figure", "Value", "Charts", "Best", "Posted", "Spend", "Formulas", "Page", "Generated", "December", "Period", "Reach"] {
        assert!(!words.contains(english), "English {english:?} in the Dutch report:\n{text}");
    }
}

#[test]
fn without_money_not_one_amount_money_word_or_money_chart_appears() {
    for language in [ReportLanguage::English, ReportLanguage::Dutch] {
        let mut r = sample(language);
        r.include_money = false;
        // A row not marked money but made with a money formula is money all the same.
        r.kpis.push(figure("Cost per click", "€0.91", None, Some(FormulaId::Cpc), false));
        let pdf = campaign_report_pdf(&r).unwrap();
        let text = text_of(&pdf);
        for money in ["€", "EUR", "Spend", "spend", "Uitgaven", "uitgaven", "Cost per", "Kosten per", "Revenue", "Omzet", "omzet", "CPM", "CPE", "CPC", "CPA", "ROAS", "EMV", "Spend and return", "Uitgaven en opbrengst", "1,200", "1.200", "3.20", "3,20", "5,640", "5.640"] {
            assert!(!text.contains(money), "{money:?} in a report without money ({language:?}):\n{text}");
        }
        let note = if language == ReportLanguage::English { "Amounts are left out of this report." } else { "Bedragen zijn uit dit rapport weggelaten." };
        assert_eq!(text.matches(note).count(), pages_of(&pdf), "the note on every page's footer:\n{text}");
        // What is not money is all there, its formulas renumbered from 1.
        assert_holds(&text, &["Lumen Skincare", "Winter glow", "Sanne de Vries", "https://www.instagram.com/reel/C9xYz12AbCd/", FormulaId::EngagementByReach.name(language.into()), FormulaId::Median.name(language.into())]);
        let grid = if language == ReportLanguage::English { "Reach by creator" } else { "Bereik per creator" };
        assert_holds(&text, &[grid]);
    }
}

#[test]
fn a_figure_points_to_its_formula_by_number_and_the_numbers_follow_what_is_shown() {
    let text = text_of(&campaign_report_pdf(&sample(ReportLanguage::English)).unwrap());
    // Engagement rate by reach is formula 1, the median 2, spend 3.
    assert_holds(&text, &["Engagement rate by reach 1 4.12%", "Median 2 3.75%", "Spend 3 €1,200.00", "1 Engagement rate by reach = (likes", "2 Median = the middle", "7 EMV (earned media value) ="]);
    let mut r = sample(ReportLanguage::English);
    r.include_money = false;
    let text = text_of(&campaign_report_pdf(&r).unwrap());
    assert_holds(&text, &["Engagement rate by reach 1 4.12%", "Median 2 3.75%"]);
    assert_holds(&text, &["1 Engagement rate by reach = (likes", "2 Median = the middle"]);
    for id in FormulaId::ALL {
        assert!(!text.contains(&format!("3 {}", id.name(Spelling::English))), "no third formula without money:\n{text}");
    }
}

#[test]
fn hostile_text_is_printed_as_written_never_as_markup() {
    let hostile = ["#set page(width: 1pt)", "*bold*", "_under_", "$x^2$", "back\\slash", "<script>alert(1)</script>", "] closing [ opening", "#{panic()}", "// not a comment", "`raw`", "@label", "Løvë Ça"];
    let mut r = sample(ReportLanguage::English);
    r.brand = format!("{} Brand", hostile[0]);
    r.campaign = hostile[1].into();
    r.period = hostile[2].into();
    r.summary[0].text = hostile[3].into();
    r.kpis[0].label = hostile[4].into();
    r.kpis[0].value = hostile[5].into();
    r.best_posts[0].creator = hostile[6].into();
    r.best_posts[0].handle = hostile[7].into();
    r.best_posts[1].format = hostile[8].into();
    r.charts[0].title = hostile[9].into();
    r.formulas[0].text = hostile[10].into();
    r.source_note = Some(hostile[11].into());
    r.best_posts[2].link = Some("javascript:alert(1)".into());
    let pdf = campaign_report_pdf(&r).unwrap();
    let text = text_of(&pdf);
    for h in hostile.iter().chain(&["javascript:alert(1)"]) {
        assert!(text.contains(h), "{h:?} not printed as written:\n{text}");
    }
    // A page 1pt wide would have made hundreds of pages.
    assert!(pages_of(&pdf) <= 3, "{} pages", pages_of(&pdf));
}

#[test]
fn only_http_addresses_become_links_and_every_address_is_shown() {
    let mut r = sample(ReportLanguage::English);
    r.best_posts[2].link = Some("javascript:alert(1)".into());
    r.best_posts.push(post("Lotte Bakker", "@lotte", Some("www.youtube.com/watch?v=abc"), "4.00%", None));
    let pdf = campaign_report_pdf(&r).unwrap();
    assert_eq!(link_targets(&pdf), ["https://www.instagram.com/reel/C9xYz12AbCd/", "https://www.tiktok.com/@ahmed.skin/video/7301234567890123456?is_from_webapp=1&sender_device=pc"]);
    assert_holds(&text_of(&pdf), &["javascript:alert(1)", "www.youtube.com/watch?v=abc", "Lotte Bakker"]);
}

#[test]
fn empty_sections_are_left_out() {
    let mut r = sample(ReportLanguage::English);
    r.summary.clear();
    r.kpis.clear();
    r.charts.clear();
    r.best_posts.clear();
    r.spend_and_return.clear();
    r.formulas.clear();
    r.source_note = None;
    let pdf = campaign_report_pdf(&r).unwrap();
    assert_eq!(pages_of(&pdf), 1);
    let text = text_of(&pdf);
    assert_holds(&text, &["Lumen Skincare", "Winter glow", "Page 1 of 1"]);
    for gone in ["Summary", "Key figures", "Charts", "Best posts", "Spend and return", "How the figures", "Benchmark", "Reach", "Amounts"] {
        assert!(!text.contains(gone), "the empty section {gone:?} is shown:\n{text}");
    }
    // Spend and return's rows alone, and posts without reach: no reach column, no benchmarks.
    let mut r = sample(ReportLanguage::English);
    r.kpis.iter_mut().for_each(|k| k.benchmark = None);
    r.best_posts.iter_mut().for_each(|p| p.reach = None);
    let text = text_of(&campaign_report_pdf(&r).unwrap());
    assert!(!text.contains("Value Benchmark") && !text.contains("Engagement Reach"), "{text}");
}

#[test]
fn forty_best_posts_run_onto_numbered_pages_with_the_header_again() {
    let mut r = sample(ReportLanguage::English);
    r.best_posts = (0..40).map(|i| post(&format!("Creator {i:02}"), &format!("@creator{i}"), Some(&format!("https://example.com/p/{i}")), "5.00%", Some("1,000"))).collect();
    let pdf = campaign_report_pdf(&r).unwrap();
    let pages = pages_of(&pdf);
    assert!(pages >= 3, "{pages} pages");
    let text = text_of(&pdf);
    assert_holds(&text, &["Creator 00", "Creator 39", "https://example.com/p/39", &format!("Page {pages} of {pages}")]);
    assert!(text.matches("Posted").count() >= 2, "the posts' header repeats on the next page:\n{text}");
}

#[test]
fn a_chart_that_is_not_svg_is_refused_not_printed() {
    let mut r = sample(ReportLanguage::English);
    r.charts[0].svg = "not an svg <".into();
    assert!(matches!(campaign_report_pdf(&r), Err(ReportError::Typesetting { .. })));
}

/// Every page of each language as PNG at /tmp/report-page{n}-{en,nl}.png (with the PDF beside
/// it) and page 1 without money at /tmp/report-page1-en-without-money.png, rendered from
/// typst's own layout; its charts' text in Inter, from the report's fonts. The
/// time one report takes is printed (`-- --nocapture`): the goal is well under 2 s.
#[test]
fn page_one_rendered_for_a_look_and_one_report_timed() {
    for (language, name) in [(ReportLanguage::English, "en"), (ReportLanguage::Dutch, "nl")] {
        let r = sample(language);
        let document = typeset(&r).unwrap();
        for (i, page) in document.pages().iter().enumerate() {
            let pixmap = typst_render::render(page, &typst_render::RenderOptions::default());
            // Something is drawn beyond the white page.
            assert!(pixmap.pixels().iter().any(|p| p.red() < 128), "page {} is blank", i + 1);
            pixmap.save_png(format!("/tmp/report-page{}-{name}.png", i + 1)).unwrap();
        }
        std::fs::write(format!("/tmp/report-{name}.pdf"), campaign_report_pdf(&r).unwrap()).unwrap();
    }
    // The one to share with creators: no money.
    let mut r = sample(ReportLanguage::English);
    r.include_money = false;
    let pixmap = typst_render::render(&typeset(&r).unwrap().pages()[0], &typst_render::RenderOptions::default());
    pixmap.save_png("/tmp/report-page1-en-without-money.png").unwrap();
    let r = sample(ReportLanguage::English);
    let started = std::time::Instant::now();
    let pdf = campaign_report_pdf(&r).unwrap();
    println!("one campaign report ({} pages, {} KB): {:?}", pages_of(&pdf), pdf.len() / 1024, started.elapsed());
}
