//! Discount codes from patterns and as typed, over the handles people have; collisions; the
//! codes CSV as the shop and a Dutch Excel open it.

use super::codes::*;
use crate::error::Error;
use crate::roster::export::Dialect;
use crate::roster::import::{clean_cell, decode, Records};
use std::collections::HashMap;

fn parts(handle: &str, percent_bp: Option<u32>) -> CodeParts<'_> {
    CodeParts { handle, name: "Sanne de Groen", campaign: "zomer-2026", percent_bp }
}

fn refusal(result: crate::error::Result<String>) -> (String, &'static str, Option<String>) {
    match result {
        Err(Error::Validation(f)) => (f[0].field.clone(), f[0].code, f[0].value.clone()),
        other => panic!("not refused: {other:?}"),
    }
}

#[test]
fn the_default_pattern_makes_handle_and_percent_in_capitals() {
    assert_eq!(code_from_pattern(DEFAULT_PATTERN, &parts("sanne.groen", Some(1000))).unwrap(), "SANNEGROEN10");
}

#[test]
fn handles_with_dots_underscores_accents_and_emoji_make_clean_codes() {
    for (handle, code) in [
        ("@sanne.groen", "SANNEGROEN15"),
        ("sanne_groen_", "SANNEGROEN15"),
        ("Zoë.Ørsted", "ZOEORSTED15"),
        ("émile🌸k", "EMILEK15"),
        ("Straße", "STRASSE15"),
        ("  sanne groen ", "SANNEGROEN15"),
        ("e\u{301}mile", "EMILE15"),
        ("Маша.k", "K15"),
    ] {
        assert_eq!(code_from_pattern(DEFAULT_PATTERN, &parts(handle, Some(1500))).unwrap(), code, "{handle}");
    }
}

#[test]
fn name_first_name_campaign_and_literal_text_fill_a_pattern_in_any_case() {
    let p = parts("sanne.groen", Some(2000));
    assert_eq!(code_from_pattern("{FIRSTNAME}{PERCENT}", &p).unwrap(), "SANNE20");
    assert_eq!(code_from_pattern("{name}", &p).unwrap(), "SANNEDEGROEN");
    assert_eq!(code_from_pattern("{ Campaign }-{handle}", &p).unwrap(), "ZOMER2026SANNEGROEN");
    assert_eq!(code_from_pattern("ZOMER{PERCENT}", &p).unwrap(), "ZOMER20");
}

#[test]
fn a_pattern_that_cannot_make_a_whole_code_is_refused_never_cut_or_guessed() {
    let cases: [(&str, CodeParts, &str, Option<&str>); 6] = [
        ("{HANDEL}{PERCENT}", parts("sanne", Some(1000)), "unknown_placeholder", Some("HANDEL")),
        ("{HANDLE", parts("sanne", Some(1000)), "unclosed_placeholder", Some("{HANDLE")),
        ("{HANDLE}{PERCENT}", parts("sanne", None), "percent_missing", Some("{HANDLE}{PERCENT}")),
        ("{HANDLE}{PERCENT}", parts("sanne", Some(1250)), "percent_not_whole", Some("12.5")),
        ("{HANDLE}", parts("🌸.__", Some(1000)), "empty_code", Some("{HANDLE}")),
        ("{HANDLE}{NAME}", parts("a_very_long_handle_of_someone", Some(1000)), "code_too_long", Some("32")),
    ];
    for (pattern, p, code, value) in cases {
        let (field, got, got_value) = refusal(code_from_pattern(pattern, &p));
        assert_eq!((field.as_str(), got, got_value.as_deref()), ("code_pattern", code, value), "{pattern}");
    }
}

#[test]
fn an_unknown_placeholder_is_named_with_the_ones_that_exist() {
    let Err(e) = code_from_pattern("{HANDEL}", &parts("s", None)) else { panic!() };
    assert!(e.to_string().contains("{HANDEL}") && e.to_string().contains("{HANDLE}"), "{e}");
}

#[test]
fn a_typed_code_is_trimmed_and_upper_cased() {
    assert_eq!(typed_code("  sanne10 ").unwrap(), "SANNE10");
    assert_eq!(typed_code("zomer-sanne_10").unwrap(), "ZOMER-SANNE_10");
}

#[test]
fn a_typed_code_with_what_shops_refuse_is_refused_naming_the_character() {
    for (typed, code, value) in [
        ("", "required", ""),
        ("   ", "required", ""),
        ("SANNE 10", "not_allowed_in_code", " "),
        ("SANNE.10", "not_allowed_in_code", "."),
        ("CAFÉ10", "not_allowed_in_code", "É"),
        ("SANNE🌸", "not_allowed_in_code", "🌸"),
        ("=1+1", "not_allowed_in_code", "="),
        ("-SANNE", "not_allowed_in_code", "-SANNE"),
        ("SANNE_", "not_allowed_in_code", "SANNE_"),
        ("A123456789012345678901234567890123", "code_too_long", "32"),
    ] {
        let (field, got, got_value) = refusal(typed_code(typed));
        assert_eq!((field.as_str(), got, got_value.as_deref()), ("code", code, Some(value)), "{typed}");
    }
    let Err(e) = typed_code("SANNE 10") else { panic!() };
    assert!(e.to_string().contains("a space"), "{e}");
}

#[test]
fn codes_compare_ignoring_case_and_surrounding_spaces() {
    assert_eq!(code_key(" sanneGroen10 \t"), code_key("SANNEGROEN10"));
    assert_ne!(code_key("SANNE-10"), code_key("SANNE10"));
}

fn holder(creator: &str) -> CodeHolder {
    CodeHolder { creator: creator.into(), campaign: "Zomer 2026".into() }
}

#[test]
fn a_code_in_use_is_reported_with_who_holds_it() {
    let in_use = HashMap::from([(code_key("SANNEGROEN10"), holder("@sanne.groen"))]);
    let hit = find_collision(" sannegroen10", &in_use).expect("a collision");
    assert_eq!(hit.holder, holder("@sanne.groen"));
    let error = hit.to_field_error();
    assert_eq!((error.field.as_str(), error.code, error.value.as_deref()), ("code", "code_taken", Some(" sannegroen10")));
    assert!(error.message.contains("sannegroen10 is already used by @sanne.groen in Zomer 2026"), "{}", error.message);
    assert_eq!(find_collision("SANNEGROEN15", &in_use), None);
}

#[test]
fn codes_repeated_within_a_batch_are_each_reported_against_the_first() {
    let batch = vec![("SANNE10".to_string(), holder("@sanne")), ("EMILE10".into(), holder("@emile")), ("sanne10".into(), holder("@sanne2")), (" Sanne10".into(), holder("@sanne3"))];
    let hits = collisions_among(&batch);
    assert_eq!(hits.iter().map(|h| (h.code.as_str(), h.holder.creator.as_str())).collect::<Vec<_>>(), [("sanne10", "@sanne"), (" Sanne10", "@sanne")]);
}

fn rows() -> Vec<CodeExportRow> {
    vec![
        CodeExportRow { code: "SANNEGROEN10".into(), creator: "@sanne.groen".into(), campaign: "Zomer 2026".into(), percent_bp: Some(1000), rule: String::new() },
        CodeExportRow { code: "EMILE12".into(), creator: "Émile, \"K\"".into(), campaign: "Zomer; Winter".into(), percent_bp: Some(1250), rule: "€ 5,00 per order".into() },
        CodeExportRow { code: "X1".into(), creator: "=HYPERLINK(\"http://x\")".into(), campaign: "+31 campagne".into(), percent_bp: None, rule: "-5".into() },
    ]
}

/// The file as the roster import would read it: every cell cleaned, header first.
fn read_back(bytes: Vec<u8>) -> (u8, Vec<Vec<String>>) {
    let text = decode(bytes, "codes.csv".into()).unwrap();
    let mut records = Records::new(&text);
    let mut out = Vec::new();
    while let Some(r) = records.next_record().unwrap() {
        out.push(r.cells.iter().map(|c| clean_cell(c).to_string()).collect());
    }
    (text.delimiter, out)
}

#[test]
fn the_codes_csv_reads_back_cell_for_cell_with_formulas_defused() {
    let mut bytes = Vec::new();
    assert_eq!(write_codes_csv(&rows(), Dialect::Plain, &mut bytes).unwrap(), 3);
    assert!(bytes.starts_with("\u{feff}Code,Creator,Campaign,Percent,Rule\n".as_bytes()));
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains(",\"'=HYPERLINK(") && text.contains(",'@sanne.groen,") && text.contains(",'+31 campagne,") && text.contains(",'-5\n"), "{text}");
    let (delimiter, cells) = read_back(bytes);
    assert_eq!(delimiter, b',');
    assert_eq!(cells[1], ["SANNEGROEN10", "@sanne.groen", "Zomer 2026", "10", ""]);
    assert_eq!(cells[2], ["EMILE12", "Émile, \"K\"", "Zomer; Winter", "12.5", "€ 5,00 per order"]);
    assert_eq!(cells[3], ["X1", "=HYPERLINK(\"http://x\")", "+31 campagne", "", "-5"]);
}

#[test]
fn the_codes_csv_for_dutch_excel_has_semicolons_decimal_commas_and_dutch_headers() {
    let mut bytes = Vec::new();
    write_codes_csv(&rows(), Dialect::ExcelNl, &mut bytes).unwrap();
    assert!(bytes.starts_with("\u{feff}Code;Creator;Campagne;Procent;Regel\r\n".as_bytes()));
    let (delimiter, cells) = read_back(bytes);
    assert_eq!(delimiter, b';');
    assert_eq!(cells[2][1..4], ["Émile, \"K\"", "Zomer; Winter", "12,5"]);
}

#[test]
fn no_pattern_or_typed_code_panics_and_every_code_made_is_clean() {
    let pieces = ["{HANDLE}", "{PERCENT}", "{", "}", "{NAME}", "{FIRSTNAME}", "{CAMPAIGN}", "é", "🌸", " ", "-", "_", "\0", "ß", "x", "9", "{{", "}}"];
    for a in pieces {
        for b in pieces {
            for c in pieces {
                let pattern = format!("{a}{b}{c}");
                for bp in [None, Some(0), Some(1000), Some(1250), Some(u32::MAX)] {
                    if let Ok(code) = code_from_pattern(&pattern, &CodeParts { handle: &pattern, name: &pattern, campaign: &pattern, percent_bp: bp }) {
                        assert!(!code.is_empty() && code.len() <= MAX_CODE_LENGTH && code.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()), "{pattern} → {code}");
                        assert_eq!(typed_code(&code).unwrap(), code);
                    }
                }
                if let Ok(code) = typed_code(&pattern) {
                    assert_eq!(code_key(&code), code_key(&pattern));
                }
            }
        }
    }
}

#[test]
fn arbitrary_text_as_pattern_parts_or_typed_code_never_panics() {
    let texts = super::links_tests::arbitrary_texts(3000);
    for pair in texts.windows(2) {
        let p = CodeParts { handle: &pair[1], name: &pair[1], campaign: &pair[0], percent_bp: Some(1000) };
        for pattern in [pair[0].as_str(), DEFAULT_PATTERN, "{NAME}{CAMPAIGN}"] {
            if let Ok(code) = code_from_pattern(pattern, &p) {
                assert_eq!(typed_code(&code).unwrap(), code);
            }
        }
        let _ = typed_code(&pair[0]);
    }
    let rows: Vec<CodeExportRow> = texts.iter().map(|t| CodeExportRow { code: t.clone(), creator: t.clone(), campaign: t.clone(), percent_bp: Some(1), rule: t.clone() }).collect();
    let mut bytes = Vec::new();
    write_codes_csv(&rows, Dialect::ExcelNl, &mut bytes).unwrap();
}
