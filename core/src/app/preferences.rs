//! The app's own preferences, kept as JSON (`preferences.json`) in the app's config directory
//! beside the recent list. They belong to the person at this computer, not to a workspace: an
//! agency that writes in English keeps its English window when it opens a Dutch client's file.
//! Written atomically (temporary file, then rename) like the recent list; a missing file gives
//! the defaults, and an unreadable one is set aside and the defaults are used. Besides the
//! display language: the folder the person chose for the workspaces' backup copies (none: each
//! workspace keeps them beside itself), which the CLI honours too.

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
    /// Where backup copies go; `None`: beside each workspace (see `workspace::backups`).
    pub backup_folder: Option<String>,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences { language: "system".to_string(), backup_folder: None }
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

    /// Refuses a language outside [`LANGUAGES`] (`unknown_language`) and a backup folder that
    /// is not a full path (`backup_folder_not_absolute`).
    pub fn validate(&self) -> Result<()> {
        let mut problems = Vec::new();
        if !LANGUAGES.contains(&self.language.as_str()) {
            problems.push(
                FieldError::new("language", "unknown_language", format!("“{}” is not a language Chorus speaks: use system, en or nl.", self.language))
                    .with_value(&self.language),
            );
        }
        if let Some(folder) = &self.backup_folder {
            if !Path::new(folder).is_absolute() {
                problems.push(
                    FieldError::new("backup_folder", "backup_folder_not_absolute", format!("“{folder}” is not a full folder path: choose the folder for backup copies again."))
                        .with_value(folder),
                );
            }
        }
        if problems.is_empty() { Ok(()) } else { Err(Error::Validation(problems)) }
    }

    /// The chosen backup folder, if any.
    pub fn backup_folder(&self) -> Option<&Path> {
        self.backup_folder.as_deref().map(Path::new)
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
        Preferences { language: "nl".into(), backup_folder: None }.save(dir.path()).unwrap();
        assert_eq!(Preferences::load(dir.path()).language, "nl");
        Preferences { language: "en".into(), backup_folder: None }.save(dir.path()).unwrap();
        assert_eq!(Preferences::load(dir.path()).language, "en");
    }

    #[test]
    fn an_unknown_language_is_refused_with_a_code_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let err = Preferences { language: "fr".into(), backup_folder: None }.save(dir.path()).unwrap_err();
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

    #[test]
    fn a_chosen_backup_folder_survives_a_reload_and_a_relative_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("Backups").display().to_string();
        Preferences { language: "nl".into(), backup_folder: Some(folder.clone()) }.save(dir.path()).unwrap();
        assert_eq!(Preferences::load(dir.path()).backup_folder, Some(folder));
        let err = Preferences { language: "nl".into(), backup_folder: Some("Backups".into()) }.save(dir.path()).unwrap_err();
        assert_eq!(err.to_payload().fields[0].code, "backup_folder_not_absolute");
        // A file from before backups knew nothing of them: beside each workspace.
        std::fs::write(dir.path().join(FILE_NAME), br#"{"language":"en"}"#).unwrap();
        assert_eq!(Preferences::load(dir.path()).backup_folder, None);
    }
}
