//! Discount codes of collaborations: made from a pattern or typed, checked to be what shops
//! accept, compared as attribution compares them, kept unique by reporting (never renaming) a
//! collision, and written as a CSV for the shop.
//!
//! Contract:
//! - A pattern is text with placeholders in braces, in any case, spaces inside ignored:
//!   `{HANDLE}` (the handle without `@`), `{NAME}` (the creator's whole name), `{FIRSTNAME}` (its
//!   first word), `{CAMPAIGN}` (the campaign's UTM value or name) and `{PERCENT}` (the customer's
//!   discount in whole percent: 1000 basis points → `10`). The default is [`DEFAULT_PATTERN`]:
//!   `sanne.groen` with 10 % gives `SANNEGROEN10`. Text outside braces is kept (`ZOMER{PERCENT}`).
//! - A made code keeps only letters A–Z and digits, in upper case: accents folded
//!   ([`fold`]: `Zoë` → `ZOE`, `ß` → `SS`), everything else (dots, underscores, spaces, emoji,
//!   other scripts) left out. An unknown or unclosed placeholder, `{PERCENT}` without a percentage
//!   or with a part of a percent (12.5 %), a code with nothing left, or one longer than
//!   [`MAX_CODE_LENGTH`] is an error: a code is never cut short or guessed.
//! - A typed code is trimmed and upper-cased; it may hold letters A–Z, digits and, between them,
//!   `-` and `_` (shops accept these, and a brand's existing codes use them). Any other character
//!   is an error naming it; so is an empty or too long code.
//! - [`code_key`] is how codes are compared (attribution, uniqueness): surrounding spaces and case
//!   ignored. [`find_collision`] reports a code whose key is in use, with who holds it;
//!   [`collisions_among`] does the same within a batch (an import). Neither renames anything.
//! - [`write_codes_csv`] writes UTF-8 with a byte-order mark, a header row, one row per code
//!   (Code, Creator, Campaign, Percent, Rule), in the roster export's dialects; cells that start
//!   like a formula get a leading `'`, as in the roster export.

use crate::error::{Error, FieldError, Result};
use crate::roster::export::Dialect;
use crate::roster::folding::fold;
use crate::roster::import::defuse;
use std::collections::HashMap;
use std::io::Write;

/// The pattern a code is made from unless the workspace says otherwise.
pub const DEFAULT_PATTERN: &str = "{HANDLE}{PERCENT}";

/// The longest code Chorus makes or accepts: short enough to say aloud and for every shop
/// system and till the brands use.
pub const MAX_CODE_LENGTH: usize = 32;

/// What a pattern's placeholders are filled with.
#[derive(Debug, Clone, Default)]
pub struct CodeParts<'a> {
    pub handle: &'a str,
    pub name: &'a str,
    pub campaign: &'a str,
    /// The customer's discount in basis points (1000 = 10 %), when the collaboration has one.
    pub percent_bp: Option<u32>,
}

fn pattern_error(code: &'static str, value: impl Into<String>, message: String) -> Error {
    Error::Validation(vec![FieldError::new("code_pattern", code, message).with_value(value)])
}

fn code_error(code: &'static str, value: impl Into<String>, message: String) -> Error {
    Error::Validation(vec![FieldError::new("code", code, message).with_value(value)])
}

/// Letters A–Z and digits of `text`, upper case, accents folded; everything else left out.
fn code_letters(text: &str) -> String {
    fold(text).chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect()
}

/// The code `pattern` makes of `parts` (see the contract).
pub fn code_from_pattern(pattern: &str, parts: &CodeParts) -> Result<String> {
    let mut raw = String::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        raw.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err(pattern_error("unclosed_placeholder", pattern, format!("The code pattern “{pattern}” opens a {{ that is never closed; write placeholders like {{HANDLE}}.")));
        };
        let name = after[..close].trim();
        let filled = match name.to_ascii_uppercase().as_str() {
            "HANDLE" => parts.handle.trim().trim_start_matches('@').to_string(),
            "NAME" => parts.name.to_string(),
            "FIRSTNAME" => parts.name.split_whitespace().next().unwrap_or("").to_string(),
            "CAMPAIGN" => parts.campaign.to_string(),
            "PERCENT" => percent_text(pattern, parts.percent_bp)?,
            _ => {
                return Err(pattern_error("unknown_placeholder", name, format!("The code pattern has {{{name}}}, which Chorus does not know: use {{HANDLE}}, {{NAME}}, {{FIRSTNAME}}, {{CAMPAIGN}} or {{PERCENT}}.")))
            }
        };
        raw.push_str(&filled);
        rest = &after[close + 1..];
    }
    raw.push_str(rest);
    let code = code_letters(&raw);
    if code.is_empty() {
        return Err(pattern_error("empty_code", pattern, format!("The code pattern “{pattern}” gives no letters or digits for @{}; type a code instead.", parts.handle.trim().trim_start_matches('@'))));
    }
    if code.len() > MAX_CODE_LENGTH {
        return Err(pattern_error("code_too_long", MAX_CODE_LENGTH.to_string(), format!("The code pattern gives {code}, which is longer than {MAX_CODE_LENGTH} characters; type a shorter code instead.")));
    }
    Ok(code)
}

fn percent_text(pattern: &str, percent_bp: Option<u32>) -> Result<String> {
    match percent_bp {
        None => Err(pattern_error("percent_missing", pattern, format!("The code pattern “{pattern}” has {{PERCENT}}, but this collaboration has no discount percentage; fill it in, or type a code."))),
        Some(bp) if !bp.is_multiple_of(100) => {
            let shown = format!("{}.{:02}", bp / 100, bp % 100);
            let shown = shown.trim_end_matches('0');
            Err(pattern_error("percent_not_whole", shown, format!("A code shows whole percentages only, and {shown} % is not one; type a code instead.")))
        }
        Some(bp) => Ok((bp / 100).to_string()),
    }
}

/// A code as typed, checked (see the contract): `" sanne-10 "` → `SANNE-10`.
pub fn typed_code(text: &str) -> Result<String> {
    let code = text.trim().to_uppercase();
    if code.is_empty() {
        return Err(code_error("required", "", "Fill in the discount code.".into()));
    }
    if let Some(bad) = code.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))) {
        let shown = if bad.is_whitespace() { "a space".to_string() } else { format!("“{bad}”") };
        return Err(code_error("not_allowed_in_code", bad.to_string(), format!("A discount code cannot hold {shown}: use letters A–Z and digits (and - or _ between them).")));
    }
    if code.starts_with(['-', '_']) || code.ends_with(['-', '_']) {
        return Err(code_error("not_allowed_in_code", code.clone(), format!("{code} starts or ends with - or _; shops and customers read those only between letters and digits.")));
    }
    if code.chars().count() > MAX_CODE_LENGTH {
        return Err(code_error("code_too_long", MAX_CODE_LENGTH.to_string(), format!("A discount code can be at most {MAX_CODE_LENGTH} characters.")));
    }
    Ok(code)
}

/// How codes are compared: surrounding spaces and case ignored (`" sanne10"` = `SANNE10`).
pub fn code_key(code: &str) -> String {
    code.trim().to_uppercase()
}

/// Who holds a code, as a person recognises them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CodeHolder {
    /// The creator's handle (`@sanne.groen`) or name.
    pub creator: String,
    pub campaign: String,
}

/// A code that is already in use.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CodeCollision {
    /// The code as it was asked for.
    pub code: String,
    pub holder: CodeHolder,
}

impl CodeCollision {
    /// The problem as a field error (`code_taken`, the code as its value), for a form or an
    /// import row.
    pub fn to_field_error(&self) -> FieldError {
        FieldError::new("code", "code_taken", self.sentence()).with_value(&self.code)
    }

    fn sentence(&self) -> String {
        format!("The discount code {} is already used by {} in {}; choose another code.", self.code.trim(), self.holder.creator, self.holder.campaign)
    }
}

impl std::fmt::Display for CodeCollision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.sentence())
    }
}

/// The collision of `code` with the codes in use (by [`code_key`]), if any. A collaboration
/// that keeps its own code leaves it out of `in_use`.
pub fn find_collision(code: &str, in_use: &HashMap<String, CodeHolder>) -> Option<CodeCollision> {
    in_use.get(&code_key(code)).map(|holder| CodeCollision { code: code.to_string(), holder: holder.clone() })
}

/// Within a batch (in its order), every code whose key an earlier one already has, with that
/// earlier holder.
pub fn collisions_among(codes: &[(String, CodeHolder)]) -> Vec<CodeCollision> {
    let mut first: HashMap<String, &CodeHolder> = HashMap::new();
    let mut out = Vec::new();
    for (code, holder) in codes {
        match first.get(&code_key(code)) {
            Some(earlier) => out.push(CodeCollision { code: code.clone(), holder: (*earlier).clone() }),
            None => {
                first.insert(code_key(code), holder);
            }
        }
    }
    out
}

/// One row of the codes CSV for the shop.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeExportRow {
    pub code: String,
    pub creator: String,
    pub campaign: String,
    /// The customer's discount in basis points, when it is a percentage.
    pub percent_bp: Option<u32>,
    /// The discount or rule as written (`€ 5,00 per order`), when there is one.
    pub rule: String,
}

/// Writes `rows` as the codes CSV (see the contract) to `out`. Returns the rows written.
pub fn write_codes_csv(rows: &[CodeExportRow], dialect: Dialect, out: impl Write) -> Result<u64> {
    let target = std::path::Path::new("the codes export");
    let io = |e: std::io::Error| Error::io("write", target, e);
    let mut out = out;
    out.write_all("\u{feff}".as_bytes()).map_err(io)?;
    let mut csv = csv::WriterBuilder::new().delimiter(dialect.delimiter()).terminator(dialect.terminator()).from_writer(out);
    let csv_io = |e: csv::Error| io(e.into());
    let header = match dialect {
        Dialect::Plain => ["Code", "Creator", "Campaign", "Percent", "Rule"],
        Dialect::ExcelNl => ["Code", "Creator", "Campagne", "Procent", "Regel"],
    };
    csv.write_record(header).map_err(csv_io)?;
    for row in rows {
        let percent = row.percent_bp.map(|bp| percent_cell(bp, dialect)).unwrap_or_default();
        let cells = [row.code.as_str(), &row.creator, &row.campaign, &percent, &row.rule].map(defuse);
        csv.write_record(cells.iter().map(|c| c.as_ref())).map_err(csv_io)?;
    }
    csv.flush().map_err(io)?;
    Ok(rows.len() as u64)
}

/// Basis points as a percentage in the dialect's decimals: 1000 → `10`, 1250 → `12.5` / `12,5`.
fn percent_cell(bp: u32, dialect: Dialect) -> String {
    let whole = (bp / 100).to_string();
    if bp.is_multiple_of(100) {
        return whole;
    }
    let fraction = format!("{:02}", bp % 100);
    let separator = if dialect == Dialect::ExcelNl { ',' } else { '.' };
    format!("{whole}{separator}{}", fraction.trim_end_matches('0'))
}
