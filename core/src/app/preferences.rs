//! The app's own preferences, kept as JSON (`preferences.json`) in the app's config directory
//! beside the recent list. They belong to the person at this computer, not to a workspace: an
//! agency that writes in English keeps its English window when it opens a Dutch client's file.
//! Written atomically (temporary file, then rename) like the recent list; a missing file gives
//! the defaults, and an unreadable one is set aside and the defaults are used.

use crate::app::config_file;
use crate::error::{Error, FieldError, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;

const FILE_NAME: &str = "preferences.json";

/// The languages the window can speak, and `system`: follow the computer's language.
pub const LANGUAGES: [&str; 3] = ["system", "en", "nl"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// `system` (follow the computer), `en` or `nl`.
    pub language: String,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences { language: "system".to_string() }
    }
}

impl Preferences {
    /// Reads the preferences from `config_dir`; a missing file gives the defaults. A language
    /// this version does not know (written by a newer one) reads as `system`.
    pub fn load(config_dir: &Path) -> Preferences {
        let mut prefs: Preferences = config_file::load(config_dir, FILE_NAME).unwrap_or_default();
        if !LANGUAGES.contains(&prefs.language.as_str()) {
            prefs.language = "system".to_string();
        }
        prefs
    }

    /// Refuses a language outside [`LANGUAGES`] with the field error `unknown_language`.
    pub fn validate(&self) -> Result<()> {
        if LANGUAGES.contains(&self.language.as_str()) {
            return Ok(());
        }
        Err(Error::Validation(vec![FieldError::new(
            "language",
            "unknown_language",
            format!("“{}” is not a language Chorus speaks: use system, en or nl.", self.language),
        )
        .with_value(&self.language)]))
    }

    /// Validates, then writes the preferences to `config_dir` atomically.
    pub fn save(&self, config_dir: &Path) -> Result<()> {
        self.validate()?;
        config_file::save(config_dir, FILE_NAME, self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_means_follow_the_system() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Preferences::load(dir.path()).language, "system");
    }

    #[test]
    fn a_chosen_language_survives_a_reload() {
        let dir = tempfile::tempdir().unwrap();
        Preferences { language: "nl".into() }.save(dir.path()).unwrap();
        assert_eq!(Preferences::load(dir.path()).language, "nl");
        Preferences { language: "en".into() }.save(dir.path()).unwrap();
        assert_eq!(Preferences::load(dir.path()).language, "en");
    }

    #[test]
    fn an_unknown_language_is_refused_with_a_code_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let err = Preferences { language: "fr".into() }.save(dir.path()).unwrap_err();
        let payload = err.to_payload();
        assert_eq!(payload.kind, "validation");
        assert_eq!((payload.fields[0].field.as_str(), payload.fields[0].code), ("language", "unknown_language"));
        assert!(!dir.path().join(FILE_NAME).exists());
    }

    #[test]
    fn an_unreadable_file_is_set_aside_and_a_language_from_a_newer_version_reads_as_system() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), b"{ nope").unwrap();
        assert_eq!(Preferences::load(dir.path()), Preferences::default());
        assert!(dir.path().join("preferences.json.unreadable").is_file());
        std::fs::write(dir.path().join(FILE_NAME), br#"{"language":"fy"}"#).unwrap();
        assert_eq!(Preferences::load(dir.path()).language, "system");
    }
}
