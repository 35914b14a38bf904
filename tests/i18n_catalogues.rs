//! The window's text, checked without a window: the English and Dutch catalogues hold the same
//! keys with the same `{param}` names; every key the screens use exists in both; every field or
//! row code the core can emit has a sentence in both; and no screen holds a sentence of its own
//! (a string literal with two words in it) outside the catalogues. The scanner is a small JS
//! tokenizer (strings, templates, comments, regex literals); its failure names file:line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Literals that look like words but are technical; each says why.
const ALLOWED: &[&str] = &[
    "http://www.w3.org/2000/svg", // the SVG namespace
    "mono path",                  // settings.js: class names of the file path fact
    "spark-dot last",             // sparkline.js: class names of the last point
];

/// What comes right before a literal that makes it technical (class lists, selectors, events).
const TECHNICAL_CONTEXT: &[&str] = &["class:", "cls:", "className =", "querySelector(", "querySelectorAll(", "closest(", "addEventListener(", "classList.add(", "classList.toggle("];

/// `'key': 'text',` lines of a catalogue, in order.
fn catalogue(name: &str) -> BTreeMap<String, String> {
    let path = root().join("ui/i18n").join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut out = BTreeMap::new();
    let mut entry_lines = 0;
    for line in text.lines() {
        let trimmed = line.trim();
        if !trimmed.starts_with('\'') {
            continue;
        }
        entry_lines += 1;
        let lits = literals(trimmed);
        assert!(lits.len() == 2 && trimmed.ends_with(','), "{name}: cannot read the entry {trimmed:?}");
        assert!(out.insert(lits[0].text.clone(), lits[1].text.clone()).is_none(), "{name}: {} appears twice", lits[0].text);
    }
    assert_eq!(out.len(), entry_lines);
    assert!(out.len() > 100, "{name} read as {} entries", out.len());
    out
}

fn params(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) if after[..end].chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && end > 0 => {
                out.insert(after[..end].to_string());
                rest = &after[end + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
struct Literal {
    line: usize,
    text: String,
    /// The code just before the literal (same line), for context.
    before: String,
}

/// Every string and template literal in JS source, with its line. Template expressions are
/// scanned too (their literals are reported) and stand as `{}` in the template's text.
fn literals(src: &str) -> Vec<Literal> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    scan(&chars, &mut i, &mut line, &mut out, false);
    out
}

fn scan(c: &[char], i: &mut usize, line: &mut usize, out: &mut Vec<Literal>, until_brace: bool) {
    let mut depth = 0usize;
    let mut last_significant = '(';
    while *i < c.len() {
        let ch = c[*i];
        let next = c.get(*i + 1).copied().unwrap_or('\0');
        match ch {
            '\n' => {
                *line += 1;
                *i += 1;
            }
            '/' if next == '/' => {
                while *i < c.len() && c[*i] != '\n' {
                    *i += 1;
                }
            }
            '/' if next == '*' => {
                *i += 2;
                while *i + 1 < c.len() && !(c[*i] == '*' && c[*i + 1] == '/') {
                    if c[*i] == '\n' {
                        *line += 1;
                    }
                    *i += 1;
                }
                *i += 2;
            }
            '/' if "(,=:[!&|?{};+-*%<>~^".contains(last_significant) => {
                // A regular expression literal: skip it (it may hold quotes).
                *i += 1;
                let mut in_class = false;
                while *i < c.len() && c[*i] != '\n' {
                    match c[*i] {
                        '\\' => *i += 1,
                        '[' => in_class = true,
                        ']' => in_class = false,
                        '/' if !in_class => break,
                        _ => {}
                    }
                    *i += 1;
                }
                *i += 1;
                last_significant = 'r';
            }
            '\'' | '"' | '`' => {
                let start_line = *line;
                let before = before_on_line(c, *i);
                *i += 1;
                let mut text = String::new();
                while *i < c.len() && c[*i] != ch {
                    if c[*i] == '\\' {
                        *i += 1;
                        text.push(c.get(*i).copied().unwrap_or(' '));
                    } else if ch == '`' && c[*i] == '$' && c.get(*i + 1) == Some(&'{') {
                        *i += 2;
                        scan(c, i, line, out, true);
                        text.push_str("{}");
                        continue;
                    } else {
                        if c[*i] == '\n' {
                            *line += 1;
                        }
                        text.push(c[*i]);
                    }
                    *i += 1;
                }
                *i += 1;
                out.push(Literal { line: start_line, text, before });
                last_significant = 'x';
            }
            '{' => {
                depth += 1;
                last_significant = ch;
                *i += 1;
            }
            '}' => {
                *i += 1;
                if until_brace && depth == 0 {
                    return;
                }
                depth = depth.saturating_sub(1);
                last_significant = ch;
            }
            _ => {
                if !ch.is_whitespace() {
                    last_significant = ch;
                }
                *i += 1;
            }
        }
    }
}

fn before_on_line(c: &[char], at: usize) -> String {
    let mut start = at;
    while start > 0 && c[start - 1] != '\n' {
        start -= 1;
    }
    c[start..at].iter().collect::<String>()
}

/// Two letter-words with a space between them: the shape of a sentence.
fn looks_like_a_sentence(text: &str) -> bool {
    let words: Vec<&str> = text.split(' ').collect();
    words.windows(2).any(|w| is_word_end(w[0]) && is_word_start(w[1]))
}

fn is_word_end(s: &str) -> bool {
    s.chars().rev().take(2).filter(|c| c.is_alphabetic()).count() == 2
}

fn is_word_start(s: &str) -> bool {
    s.chars().take(2).filter(|c| c.is_alphabetic()).count() == 2
}

/// Untranslated sentences in one JS source: `(line, literal)`.
fn untranslated(src: &str) -> Vec<(usize, String)> {
    literals(src)
        .into_iter()
        .filter(|l| looks_like_a_sentence(&l.text))
        .filter(|l| !ALLOWED.contains(&l.text.as_str()))
        .filter(|l| {
            let before = l.before.trim_end().trim_end_matches('[').trim_end();
            !TECHNICAL_CONTEXT.iter().any(|ctx| before.ends_with(ctx))
        })
        .map(|l| (l.line, l.text))
        .collect()
}

fn screen_sources() -> Vec<(PathBuf, String)> {
    // Every module of every screen folder (`ui/js/<screen>/`) and the top-level ones.
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "js") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&root().join("ui/js"), &mut files);
    assert!(files.len() > 40, "the screens were not found under ui/js");
    files.sort();
    files.into_iter().map(|p| {
        let text = std::fs::read_to_string(&p).unwrap();
        (p, text)
    }).collect()
}

fn rel(p: &Path) -> String {
    p.strip_prefix(root()).unwrap_or(p).display().to_string()
}

#[test]
fn english_and_dutch_have_the_same_keys_and_parameters() {
    let en = catalogue("en.js");
    let nl = catalogue("nl.js");
    let only_en: Vec<_> = en.keys().filter(|k| !nl.contains_key(*k)).collect();
    let only_nl: Vec<_> = nl.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty() && only_nl.is_empty(), "missing in nl.js: {only_en:?}; missing in en.js: {only_nl:?}");
    let differing: Vec<_> = en.iter().filter(|(k, v)| params(v) != params(&nl[*k])).map(|(k, v)| format!("{k}: en {:?} nl {:?}", params(v), params(&nl[k]))).collect();
    assert!(differing.is_empty(), "parameters differ:\n{}", differing.join("\n"));
    // Counted sentences come in both forms.
    for key in en.keys().filter(|k| k.ends_with(".one")) {
        let other = format!("{}.other", key.trim_end_matches(".one"));
        assert!(en.contains_key(&other), "{key} has no .other form");
    }
}

/// Issue 8: the window spoke like a developer ("Format version 2", "The guide's tier ranges
/// overlap" about a guide nobody saw, "samenwerking(en)", "helemaal of helemaal niet"), and the
/// Dutch used "Gepland" for an upcoming campaign, a planned post and the planned budget alike.
#[test]
fn the_window_speaks_as_a_shop_owner_not_as_a_developer() {
    let en = catalogue("en.js");
    let nl = catalogue("nl.js");
    let developer_talk = ["format version", "formaatversie", "workspace format", "workspace-formaat", "schema", "null", "undefined", "guide’s", "guide's", "de gids", "helemaal of helemaal niet"];
    for (name, cat) in [("en.js", &en), ("nl.js", &nl)] {
        for (key, text) in cat.iter() {
            let lower = text.to_lowercase();
            for word in developer_talk {
                assert!(!lower.contains(word), "{name} {key}: “{word}” is developer talk: {text}");
            }
            // A count meets its noun in a counted sentence (tn), never as "noun(s)".
            assert!(!text.contains("(s)") && !text.contains("(en)"), "{name} {key} hedges its plural: {text}");
        }
    }
    assert_eq!(nl["import.rejected.body.other"].contains("alles of niets"), true);
    let upcoming = &nl["campaign.phase.upcoming"];
    assert_ne!(upcoming, &nl["campaign.deliverable_statuses.planned"], "an upcoming campaign and a planned post need their own words");
    assert_ne!(upcoming, &nl["budget.planned"]);
    // Counts that reach a sentence through an error's value have their counted forms.
    for code in ["campaign_has_collaborations", "creator_has_collaborations", "open_deliverables"] {
        for cat in [&en, &nl] {
            assert!(cat.contains_key(&format!("code.{code}.value.one")) && cat.contains_key(&format!("code.{code}.value.other")), "code.{code}.value needs .one and .other");
        }
    }
}

#[test]
fn every_key_the_screens_use_exists_in_both_catalogues() {
    let en = catalogue("en.js");
    let nl = catalogue("nl.js");
    let namespaces: BTreeSet<&str> = en.keys().map(|k| k.split('.').next().unwrap()).collect();
    let exists = |cat: &BTreeMap<String, String>, key: &str| -> bool {
        if key.contains("{}") {
            // A template key (`roster.filter.${f.key}.label`): some key must fit it.
            let parts: Vec<&str> = key.split("{}").collect();
            return cat.keys().any(|k| k.starts_with(parts[0]) && k.ends_with(parts[parts.len() - 1]));
        }
        cat.contains_key(key) || cat.contains_key(&format!("{key}.other"))
    };
    let mut missing = Vec::new();
    let mut used = 0;
    for (path, src) in screen_sources() {
        for lit in literals(&src) {
            let key = &lit.text;
            let shaped = key.contains('.') && !key.contains(' ') && !key.starts_with('.') && !key.ends_with(".js");
            let first = key.split('.').next().unwrap_or("");
            let called = lit.before.trim_end().ends_with("t(") || lit.before.trim_end().ends_with("tn(") || lit.before.trim_end().ends_with("hasKey(");
            if !(shaped && (namespaces.contains(first) || called)) {
                continue;
            }
            if lit.before.contains("field:") || lit.before.contains("data-field") {
                continue; // a back-end field name (`tiers.micro`), not a catalogue key
            }
            used += 1;
            for (name, cat) in [("en.js", &en), ("nl.js", &nl)] {
                if !exists(cat, key) {
                    missing.push(format!("{}:{}: {key} is not in {name}", rel(&path), lit.line));
                }
            }
        }
    }
    assert!(used > 150, "only {used} keys found: the scan is broken");
    assert!(missing.is_empty(), "keys missing:\n{}", missing.join("\n"));
}

#[test]
fn no_screen_holds_an_untranslated_sentence() {
    let mut found = Vec::new();
    for (path, src) in screen_sources() {
        let name = path.file_name().unwrap().to_string_lossy();
        if name == "api.js" || name == "i18n.js" {
            continue;
        }
        for (line, text) in untranslated(&src) {
            found.push(format!("{}:{line}: {text:?}", rel(&path)));
        }
    }
    assert!(found.is_empty(), "sentences written in a screen instead of ui/i18n/*.js (move them to a catalogue key, or add a technical string to ALLOWED with a reason):\n{}", found.join("\n"));
}

#[test]
fn the_sentence_check_catches_a_sentence_and_lets_technical_strings_pass() {
    let snippet = "const re = /[',\"]/g;\n\
        h('div', { class: 'btn btn-primary' }, h('p', null, 'Hello world'));\n\
        el.querySelector('.field > .field-label');\n\
        const d = `M${x} ${y}`; // a comment with two words\n\
        /* another comment 'Not a literal' */ toast(`Saved ${name} just now`);\n";
    let found = untranslated(snippet);
    assert_eq!(found, vec![(2, "Hello world".to_string()), (5, "Saved {} just now".to_string())]);
}

/// The sources of core/src.
fn core_sources() -> Vec<String> {
    let mut files = Vec::new();
    let mut dirs = vec![root().join("core/src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                files.push(p);
            }
        }
    }
    files.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect()
}

fn is_code(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c == '_')
}

/// The codes given as argument `arg` (0-based) of every call to `marker` in `src`: a literal,
/// or an `if … { "a" } else { "b" }`: every literal in it.
fn codes_in_calls(src: &str, marker: &str, arg: usize, codes: &mut BTreeSet<String>) {
    for (at, _) in src.match_indices(marker) {
        if let Some(a) = call_arguments(&src[at + marker.len()..]).get(arg) {
            codes.extend(literals(a).into_iter().map(|lit| lit.text).filter(|text| is_code(text)));
        }
    }
}

/// The codes the core puts in field and row errors: the second argument of `FieldError::new(`,
/// the codes of the `(code, message)` tables, and the third argument of `row_error(`.
fn core_codes() -> BTreeSet<String> {
    let mut codes = BTreeSet::new();
    for src in core_sources() {
        codes_in_calls(&src, "FieldError::new(", 1, &mut codes);
        codes_in_calls(&src, "row_error(", 2, &mut codes);
        // The order reader's problems with their specifics (`row_error_with(row, column, code, …)`).
        codes_in_calls(&src, "row_error_with(", 2, &mut codes);
        // A commission refusal becomes a field or row problem with its code.
        codes_in_calls(&src, "Refusal::new(", 0, &mut codes);
        // A module's own error helper (`pattern_error("unknown_placeholder", …)`): the first
        // argument of any call of a function whose name ends in `_error`.
        for (at, _) in src.match_indices("_error(") {
            let before = &src[..at];
            let name_start = before.rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(0, |i| i + 1);
            if before[..name_start].trim_end().ends_with("fn") || matches!(&before[name_start..], "row" | "into_field") {
                continue;
            }
            if let Some(first) = call_arguments(&src[at + "_error(".len()..]).first() {
                let first = first.trim();
                if first.starts_with('"') {
                    codes.extend(literals(first).into_iter().map(|lit| lit.text).filter(|text| is_code(text)));
                }
            }
        }
        // `let (code, msg) = match e { X => ("negative_number", format!(…)), … }`
        for (at, _) in src.match_indices("(\"") {
            let rest = &src[at + 2..];
            if let Some(end) = rest.find('"') {
                if is_code(&rest[..end]) && rest[end + 1..].trim_start().starts_with(", format!") {
                    codes.insert(rest[..end].to_string());
                }
            }
        }
    }
    codes
}

/// The top-level comma-separated arguments of a call whose `(` was just passed.
fn call_arguments(s: &str) -> Vec<String> {
    let mut args = vec![String::new()];
    let mut depth = 0i32;
    let mut in_str = false;
    let mut prev = ' ';
    for ch in s.chars() {
        if in_str {
            args.last_mut().unwrap().push(ch);
            if ch == '"' && prev != '\\' {
                in_str = false;
            }
            prev = if prev == '\\' && ch == '\\' { ' ' } else { ch };
            continue;
        }
        match ch {
            '"' => in_str = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                args.push(String::new());
                prev = ch;
                continue;
            }
            _ => {}
        }
        args.last_mut().unwrap().push(ch);
        prev = ch;
    }
    args
}

#[test]
fn every_code_the_core_emits_has_a_sentence_in_both_catalogues() {
    let codes = core_codes();
    for expected in ["required", "invalid_email", "negative_number", "too_many_decimals", "duplicate_in_file", "handles_of_two_creators", "unknown_language"] {
        assert!(codes.contains(expected), "the scan of core/src missed {expected}: {codes:?}");
    }
    let mut missing = Vec::new();
    for (name, cat) in [("en.js", catalogue("en.js")), ("nl.js", catalogue("nl.js"))] {
        for code in &codes {
            if !cat.contains_key(&format!("code.{code}")) {
                missing.push(format!("code.{code} in {name}"));
            }
        }
    }
    assert!(missing.is_empty(), "no sentence for:\n{}", missing.join("\n"));
}

#[test]
fn every_error_kind_has_a_sentence_or_keeps_its_own_message() {
    let src = std::fs::read_to_string(root().join("core/src/error.rs")).unwrap();
    let body = &src[src.find("pub fn kind(&self)").unwrap()..];
    let body = &body[body.find("match self").unwrap()..];
    let body = &body[..body.find("\n    }\n").unwrap()];
    // Kinds whose specifics only the back end's sentence carries (an import's free-text reason).
    let own_message = ["validation", "bad_file"];
    for (name, cat) in [("en.js", catalogue("en.js")), ("nl.js", catalogue("nl.js"))] {
        for lit in literals(body) {
            if own_message.contains(&lit.text.as_str()) {
                continue;
            }
            assert!(cat.contains_key(&format!("kind.{}", lit.text)), "kind.{} is not in {name}", lit.text);
        }
    }
}

/// Issue 8: an empty file, an Excel workbook or a file that is not text was refused with an
/// English-only sentence, so a Dutch window showed English. Every whole-file problem of an
/// import (`layout_error(file, code, …)`) has `import.layout.<code>` in both catalogues.
#[test]
fn every_whole_file_import_problem_has_a_sentence_in_both_catalogues() {
    let mut codes = BTreeSet::new();
    for src in core_sources() {
        codes_in_calls(&src, "layout_error(", 1, &mut codes);
    }
    for expected in ["empty_file", "workbook_not_csv", "not_text", "no_header", "no_rows", "no_handle_column", "unknown_column"] {
        assert!(codes.contains(expected), "the scan of core/src missed {expected}: {codes:?}");
    }
    for (name, cat) in [("en.js", catalogue("en.js")), ("nl.js", catalogue("nl.js"))] {
        let missing: Vec<_> = codes.iter().filter(|code| !cat.contains_key(&format!("import.layout.{code}"))).collect();
        assert!(missing.is_empty(), "no import.layout sentence in {name} for {missing:?}");
    }
}

/// Issue 8: `kind.io` put the core's English `{detail}` inside the Dutch sentence. Every
/// reason the core names for a file error (`io_reason` in core/src/error.rs) has its own
/// sentence in both catalogues, and the fallback for any other reason quotes no English.
#[test]
fn file_errors_reach_a_dutch_window_without_english() {
    let src = std::fs::read_to_string(root().join("core/src/error.rs")).unwrap();
    let body = &src[src.find("fn io_reason(").unwrap()..];
    let body = &body[body.find("match e.kind()").unwrap()..body.find("\n}\n").unwrap()]; // past the `'static`
    let reasons: BTreeSet<String> = literals(body).into_iter().map(|l| l.text).filter(|t| is_code(t)).collect();
    assert!(reasons.contains("not_found") && reasons.contains("disk_full") && reasons.contains("is_a_folder"), "the scan missed reasons: {reasons:?}");
    // `other` is worded by the fallback; the reader of a closed pipe is only ever a command line.
    let window_never_meets = ["other", "reader_stopped"];
    for (name, cat) in [("en.js", catalogue("en.js")), ("nl.js", catalogue("nl.js"))] {
        for reason in reasons.iter().filter(|r| !window_never_meets.contains(&r.as_str())) {
            assert!(cat.contains_key(&format!("kind.io.{reason}")), "kind.io.{reason} is not in {name}");
        }
        assert!(!params(&cat["kind.io"]).contains("detail"), "{name}: kind.io quotes the system's English words: {}", cat["kind.io"]);
    }
}
