//! `chorus new`, `demo`, `info`, `check`, `backups` and `restore`: making a workspace file,
//! showing what it holds, checking it, and its backup copies. Also how every command opens a
//! file: commands that only look open it so they can never write to it
//! ([`open_for_reading`]); a command that changes it ([`open_for_work`]) waits for another
//! Chorus that is writing (saying so once on stderr), lets the core check the file first, and
//! takes the day's backup copy (beside the file, or in the folder chosen in the app, which the
//! CLI finds as the app does: `CHORUS_DATA_DIR`, or the system's config folder).

use crate::columns::{aligned, Align};
use chorus_core::app::preferences::Preferences;
use chorus_core::workspace::backups::{self, Place};
use chorus_core::workspace::integrity;
use chorus_core::workspace::settings::Settings;
use chorus_core::workspace::{Actor, BackupOutcome};
use chorus_core::{Error, Result, Workspace};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;
use std::time::Duration;

/// The app's identifier (`tauri.conf.json`): its config folder holds the recent list and the
/// preferences.
const APP_IDENTIFIER: &str = "app.chorus.desktop";

/// `--wait`: how long a change waits for another Chorus writing to the same file.
static PATIENCE: OnceLock<Duration> = OnceLock::new();

pub fn set_patience(seconds: u64) {
    let _ = PATIENCE.set(Duration::from_secs(seconds));
}

/// Where the app keeps its recent list and preferences: `CHORUS_DATA_DIR` when set (as for the
/// app), otherwise the system's config folder for the app, as Tauri resolves it.
pub fn app_config_dir() -> Option<PathBuf> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(dir) = var("CHORUS_DATA_DIR") {
        return Some(dir);
    }
    let base = if cfg!(target_os = "windows") {
        var("APPDATA")
    } else if cfg!(target_os = "macos") {
        var("HOME").map(|h| h.join("Library").join("Application Support"))
    } else {
        var("XDG_CONFIG_HOME").filter(|p| p.is_absolute()).or_else(|| var("HOME").map(|h| h.join(".config")))
    };
    base.map(|b| b.join(APP_IDENTIFIER))
}

/// Where the backup copies of `workspace` are, honouring the folder chosen in the app.
pub fn backup_place(workspace: &Path) -> Place {
    let prefs = app_config_dir().map(|dir| Preferences::load(&dir)).unwrap_or_default();
    Place::for_workspace(workspace, prefs.backup_folder())
}

/// Names the workspace in an error raised below it, and offers its latest backup copy with
/// damage, so the one line on stderr says what is wrong with which file and what to do.
pub fn explain(e: Error, workspace: Option<&Path>) -> Error {
    let Some(path) = workspace else { return e };
    match e.at(path) {
        damaged @ Error::Damaged { .. } => damaged.with_backup(backup_place(path).latest()),
        other => other,
    }
}

/// Opens `path` for looking only: the connection cannot write to it.
pub fn open_for_reading(path: &Path) -> Result<Workspace> {
    let mut ws = Workspace::open_for_reading(path)?;
    ws.set_actor(Actor::Cli);
    Ok(ws)
}

/// Opens `path` for a change by `actor`: see the module documentation.
pub fn open_for_work(path: &Path, actor: Actor) -> Result<Workspace> {
    let mut ws = Workspace::open(path)?;
    if ws.is_read_only() {
        return Err(Error::ReadOnly(path.to_path_buf()));
    }
    ws.set_actor(actor);
    ws.set_patience(PATIENCE.get().copied().unwrap_or(chorus_core::workspace::DEFAULT_PATIENCE));
    let name = file_name(path);
    ws.on_wait(move |waiting| {
        if waiting {
            eprintln!("Waiting for another Chorus to finish writing to {name}…");
        }
    });
    ws.start_guard(backup_place(path), chorus_core::campaigns::fields::local_today());
    Ok(ws)
}

/// Waits for the day's backup copy before the command ends (an ending process would leave it
/// half-written) and says on stderr when it could not be taken; the change itself stands.
pub fn finish(mut ws: Workspace) {
    if let BackupOutcome::Failed { error } = ws.backup_outcome(true) {
        eprintln!("chorus: note: today's backup copy could not be taken: {}", error.message);
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

pub fn new(path: &Path, brand: &str, currency: &str, locale: &str) -> Result<()> {
    let ws = Workspace::create(path, &Settings::new(brand, currency, locale))?;
    crate::output::line(format_args!("Created {} for {}.", path.display(), ws.settings()?.brand_name))
}

pub fn demo(path: &Path) -> Result<()> {
    let ws = chorus_core::demo::create_demo(path)?;
    let info = ws.info()?;
    let campaigns = chorus_core::campaigns::board::campaign_list(&ws, chorus_core::campaigns::fields::local_today())?.len();
    crate::output::line(format_args!("Created demo workspace {} with {} creators and {campaigns} campaigns.", path.display(), info.creators))
}

pub fn info(path: &Path, json: bool) -> Result<()> {
    let ws = crate::open(path)?;
    let info = ws.info()?;
    if json {
        return crate::print_json(&info);
    }
    let s = ws.settings()?;
    let t = &s.tiers;
    let mut out = std::io::stdout().lock();
    // The words the window uses, and for the file what a script can act on: whether it can
    // change here, and the version of its layout (`schema_version` in `--json`).
    let lines = [
        ("Workspace", info.path.clone()),
        ("Brand", info.brand_name.clone()),
        ("Currency", info.currency.clone()),
        ("Number format", info.locale.clone()),
        ("Tiers", format!("nano from {} followers · micro {} · mid {} · macro {} · mega {}", t.nano, t.micro, t.mid, t.macro_, t.mega)),
        ("Creators", info.creators.to_string()),
        ("Handles", info.handles.to_string()),
        ("Follower counts", format!("{} (every count kept over time)", info.snapshots)),
        ("File size", format!("{} bytes", info.file_bytes)),
        ("File layout", format!("schema {} (what this Chorus reads and writes)", info.schema_version)),
        ("Changes", if info.read_only { "not allowed here: the file, its folder or the disk is read-only (you can look, not change)".to_string() } else { "allowed here".to_string() }),
    ];
    for (label, value) in lines {
        writeln!(out, "{label:<16} {value}").map_err(crate::output::write_error)?;
    }
    Ok(())
}

/// The exit status of `chorus check` when damage was found (1 means the check could not run).
const DAMAGE_FOUND: u8 = 3;

/// `chorus check`: the full check, as text or JSON on stdout; exit status 3 on damage.
pub fn check(path: &Path, json: bool) -> Result<ExitCode> {
    let report = integrity::check_file(path)?;
    let latest = backup_place(path).latest();
    let status = if report.ok { ExitCode::SUCCESS } else { ExitCode::from(DAMAGE_FOUND) };
    if json {
        crate::print_json(&serde_json::json!({ "check": report, "latest_backup": latest }))?;
        return Ok(status);
    }
    let name = file_name(path);
    if report.ok {
        crate::output::line(format_args!("{name}: no damage found. Every page of its structure ({} pages of {} bytes) and every reference between its tables was checked.", report.pages, report.page_size))?;
        return Ok(status);
    }
    let structure = report.technical_details.len();
    let references = report.broken_references.len();
    let mut found = Vec::new();
    if structure > 0 {
        found.push(format!("{} in its structure", chorus_core::words::counted(structure as i64, "problem", "problems")));
    }
    if references > 0 {
        found.push(format!("{} referring to something that is not there", chorus_core::words::counted(references as i64, "row", "rows")));
    }
    crate::output::line(format_args!("{name} is damaged: {}. Chorus will not write to it, so it stays as it is.", found.join(" and ")))?;
    match latest {
        Some(copy) => crate::output::line(format_args!("The latest backup copy is from {}: `chorus restore {}` puts it back and keeps the damaged file aside.", copy.day, shell_word(path)))?,
        None => crate::output::line(format_args!("No backup copy of it was found. Keep the file as it is, and ask for help before changing it."))?,
    }
    crate::output::line(format_args!("Run `chorus check {} --json` for the technical details.", shell_word(path)))?;
    Ok(status)
}

/// `chorus backups`: the copies, newest first.
pub fn list_backups(path: &Path, json: bool) -> Result<()> {
    chorus_core::workspace::schema_version_of(path)?;
    let place = backup_place(path);
    let copies = place.copies();
    if json {
        return crate::print_json(&serde_json::json!({ "folder": place.folder(), "keep": backups::KEEP, "copies": copies }));
    }
    let name = file_name(path);
    if copies.is_empty() {
        crate::output::line(format_args!(
            "No backup copies of {name} yet in {}: Chorus takes one on the first day it opens the workspace for changes, and keeps the last {}.",
            place.folder().display(),
            backups::KEEP
        ))?;
        return Ok(());
    }
    crate::output::line(format_args!("Backup copies of {name} in {} (one a day when it is opened for changes; the last {} are kept):", place.folder().display(), backups::KEEP))?;
    let rows: Vec<Vec<String>> = copies
        .iter()
        .map(|c| {
            let time = c.taken_at.as_deref().filter(|t| t.starts_with(&c.day)).map(|t| t[11..].to_string()).unwrap_or_default();
            vec![c.day.clone(), time, size(c.bytes), file_name(&c.path)]
        })
        .collect();
    for line in aligned(&rows, &[Align::Left, Align::Left, Align::Right, Align::Left], "  ") {
        crate::output::line(format_args!("{line}"))?;
    }
    Ok(())
}

/// `chorus restore`: puts a copy back, keeping the current file aside.
pub fn restore(path: &Path, from: Option<&str>) -> Result<()> {
    let copy = backup_place(path).choose(path, from)?;
    let done = backups::restore(path, &copy, chrono::Local::now().naive_local())?;
    let when = if copy.day.is_empty() { file_name(&copy.path) } else { format!("the backup copy of {}", copy.day) };
    match &done.kept_aside {
        Some(aside) => crate::output::line(format_args!("Restored {} from {when}. The file it replaced is kept as {}.", path.display(), aside.display()))?,
        None => crate::output::line(format_args!("Restored {} from {when}.", path.display()))?,
    }
    Ok(())
}

/// `1.2 MB`, `336 KB`: a file's size for a person.
fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1_000_000 => format!("{:.1} MB", b as f64 / 1_000_000.0),
        b if b >= 1_000 => format!("{} KB", b / 1_000),
        b => format!("{b} bytes"),
    }
}

/// A path as it can be typed back into a shell.
fn shell_word(path: &Path) -> String {
    let text = path.display().to_string();
    if text.chars().all(|c| c.is_ascii_alphanumeric() || "/._-+".contains(c)) { text } else { format!("\"{text}\"") }
}
