//! The analytics commands: `chorus chart` ([`chart`]), `chorus results import|list`
//! ([`results`]), `chorus analytics` ([`figures`]) and `chorus report` ([`report`]).

pub mod chart;
pub mod figures;
pub mod report;
pub mod results;

use chorus_core::numbers::Spelling;

/// `en` or `nl`, as `--lang` takes it.
pub fn parse_language(text: &str) -> std::result::Result<Spelling, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "en" | "english" => Ok(Spelling::English),
        "nl" | "dutch" | "nederlands" => Ok(Spelling::Dutch),
        _ => Err(format!("“{text}” is not a language: use en or nl")),
    }
}

/// The language asked for, else the workspace locale's.
pub fn language_of(ws: &chorus_core::Workspace, asked: Option<Spelling>) -> chorus_core::Result<Spelling> {
    Ok(asked.unwrap_or(if ws.settings()?.locale.starts_with("nl") { Spelling::Dutch } else { Spelling::English }))
}
