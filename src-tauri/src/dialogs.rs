//! Native open, save and folder dialogs. WebDriver cannot click native dialogs, so when the variable
//! `CHORUS_TEST_DIALOG_FILE` names a file, the dialogs answer with the path written in that
//! file instead (empty: cancelled). Only the end-to-end tests set it.

use std::path::PathBuf;
use tauri_plugin_dialog::DialogExt;

pub struct Filter<'a> {
    pub name: &'a str,
    pub extensions: &'a [&'a str],
}

/// The words of a native dialog, in the window's language (the window sends them).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct DialogText {
    pub title: String,
    /// The name of the file type, e.g. "Chorus workspace".
    pub filter: String,
}

fn test_answer() -> Option<Option<PathBuf>> {
    let file = std::env::var_os("CHORUS_TEST_DIALOG_FILE")?;
    let text = std::fs::read_to_string(file).unwrap_or_default();
    let text = text.trim();
    Some(if text.is_empty() { None } else { Some(PathBuf::from(text)) })
}

pub fn pick_open<R: tauri::Runtime>(app: &tauri::AppHandle<R>, title: &str, filter: Filter) -> Option<PathBuf> {
    if let Some(answer) = test_answer() {
        return answer;
    }
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(filter.name, filter.extensions)
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

pub fn pick_save<R: tauri::Runtime>(app: &tauri::AppHandle<R>, title: &str, file_name: &str, folder: Option<PathBuf>, filter: Filter) -> Option<PathBuf> {
    if let Some(answer) = test_answer() {
        return answer;
    }
    let mut dialog = app.dialog().file().set_title(title).set_file_name(file_name).add_filter(filter.name, filter.extensions);
    if let Some(folder) = folder {
        dialog = dialog.set_directory(folder);
    }
    dialog.blocking_save_file().and_then(|p| p.into_path().ok())
}

pub fn pick_folder<R: tauri::Runtime>(app: &tauri::AppHandle<R>, title: &str) -> Option<PathBuf> {
    if let Some(answer) = test_answer() {
        return answer;
    }
    app.dialog().file().set_title(title).blocking_pick_folder().and_then(|p| p.into_path().ok())
}
