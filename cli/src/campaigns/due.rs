//! `chorus due`: what is due and overdue — the window's Today view — for one workspace, or for
//! several client workspaces side by side (named files, or the app's recent list), as aligned
//! text or JSON.
//!
//! Contract: every section comes from the core's Today (`today::today`, `today::across`), so
//! the command and the window never disagree about what is late. The core lists what is due
//! in one week (today and the six days after); `--days N` widens or narrows that window with
//! the same rule (`today::today_within`). The day is `--today` or the computer's local date. A client
//! file that cannot be shown becomes an entry saying why; an older one is not migrated from
//! the overview.

use crate::columns::{aligned, clip, days, Align};
use chorus_core::campaigns::fields::parse_date;
use chorus_core::campaigns::today::{self, CollaborationItem, DeliverableItem, Section, ShipmentItem, Today};
use chorus_core::app::recent::RecentList;
use chorus_core::workspace::settings::TodayRules;
use chorus_core::{Error, ErrorPayload, FieldError, Result, Workspace};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// One workspace's Today, with the due section over `days` days.
#[derive(Debug, Serialize)]
pub struct Due {
    pub brand_name: String,
    pub currency: String,
    /// The day it was computed for (`YYYY-MM-DD`).
    pub date: String,
    /// The due section covers today and the `days - 1` days after it.
    pub days: u32,
    pub rules: TodayRules,
    pub overdue: Section<DeliverableItem>,
    pub due: Section<DeliverableItem>,
    pub gifts_to_ship: Section<ShipmentItem>,
    pub gifts_without_post: Section<ShipmentItem>,
    pub usage_expiring: Section<CollaborationItem>,
    pub idle: Section<CollaborationItem>,
}

/// One client in an overview of several workspaces.
#[derive(Debug, Serialize)]
pub struct ClientDue {
    pub path: String,
    /// The brand, or the file's name when the file could not be read.
    pub brand_name: String,
    pub due: Option<Due>,
    /// Made by an older Chorus: open it on its own to update it (a backup is made first).
    pub needs_update: bool,
    pub error: Option<ErrorPayload>,
}

/// The Today of the workspace `ws` on `day` (`YYYY-MM-DD`), due over `horizon` days.
pub fn one(ws: &Workspace, day: &str, horizon: u32) -> Result<Due> {
    Ok(due(today::today_within(ws, parse_date(day).expect("a day the command normalised"), horizon, today::SECTION_LIMIT)?, horizon))
}

/// Each of `paths` side by side, in that order, through the core's cross-client Today.
pub fn across(paths: &[PathBuf], day: &str, horizon: u32) -> Vec<ClientDue> {
    today::across_within(paths, parse_date(day).expect("a day the command normalised"), horizon, today::SECTION_LIMIT)
        .into_iter()
        .map(|entry| ClientDue {
            path: entry.path,
            brand_name: entry.brand_name,
            due: entry.today.map(|t| due(t, horizon)),
            needs_update: entry.needs_update,
            error: entry.error,
        })
        .collect()
}

/// The command's view of a Today whose due section covers `horizon` days.
fn due(t: Today, horizon: u32) -> Due {
    let Today { brand_name, currency, date, rules, overdue, due_this_week, gifts_to_ship, gifts_without_post, usage_expiring, idle } = t;
    Due { brand_name, currency: currency.code().to_string(), date, days: horizon, rules, overdue, due: due_this_week, gifts_to_ship, gifts_without_post, usage_expiring, idle }
}

/// The workspaces in the app's recent list, most recent first.
pub fn recent_workspaces() -> Result<Vec<PathBuf>> {
    let dir = crate::workspace::app_config_dir().ok_or_else(|| usage("Cannot find the app's config folder: set HOME, or CHORUS_DATA_DIR to the folder that holds recent-workspaces.json."))?;
    let list = RecentList::load(&dir);
    if list.entries.is_empty() {
        return Err(usage(format!(
            "The app's recent list in {} is empty: open a workspace in the app first, or name the workspace files.",
            dir.display()
        )));
    }
    Ok(list.entries.into_iter().map(|e| PathBuf::from(e.path)).collect())
}

/// A mistake in how the command was called, as one line.
pub fn usage(message: impl Into<String>) -> Error {
    Error::Validation(vec![FieldError::new("command", "usage", message)])
}

/// The view as aligned text.
pub fn print(due: &Due, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "{} · {}", clip(&due.brand_name, 80), due.date)?;
    let deliverable = |when: String, i: &DeliverableItem| {
        let what = format!("{} {}", i.platform.label(), i.format.label().to_lowercase());
        vec![when, i.due_on.clone(), clip(&i.collaboration.creator_name, 28), what, i.status.label().to_lowercase(), clip(&i.collaboration.campaign_name, 40)]
    };
    section(out, "Overdue", &due.overdue, |i| deliverable(format!("{} late", days(i.days)), i))?;
    let title = if due.days == 1 { "Due today".to_string() } else { format!("Due in the next {}, today included", days(i64::from(due.days))) };
    section(out, &title, &due.due, |i| deliverable(if i.days == 0 { "today".into() } else { format!("in {}", days(i.days)) }, i))?;
    let parcel = |i: &ShipmentItem| clip(format!("{} {}", i.carrier, i.tracking_number).trim(), 40);
    section(out, "Gifts to ship", &due.gifts_to_ship, |i| {
        let waiting = if i.days == 0 { "added today".to_string() } else { format!("waiting {}", days(i.days)) };
        vec![waiting, clip(&i.collaboration.creator_name, 28), parcel(i), clip(&i.collaboration.campaign_name, 40)]
    })?;
    section(out, &format!("Delivered {}+ days ago, no post yet", due.rules.gift_no_post_days), &due.gifts_without_post, |i| {
        vec![
            format!("{} since delivery", days(i.days)),
            i.delivered_on.clone().unwrap_or_default(),
            clip(&i.collaboration.creator_name, 28),
            parcel(i),
            clip(&i.collaboration.campaign_name, 40),
        ]
    })?;
    section(out, &format!("Usage rights ending within {} days", due.rules.usage_warning_days), &due.usage_expiring, |i| {
        let left = if i.days == 0 { "ends today".to_string() } else { format!("{} left", days(i.days)) };
        vec![left, i.usage_until.clone().unwrap_or_default(), clip(&i.collaboration.creator_name, 28), clip(&i.collaboration.campaign_name, 40)]
    })?;
    section(out, &format!("Idle for {}+ days", due.rules.idle_days), &due.idle, |i| {
        vec![format!("{} idle", days(i.days)), format!("last {}", i.last_activity_on), clip(&i.collaboration.creator_name, 28), clip(&i.collaboration.campaign_name, 40)]
    })
}

fn section<T>(out: &mut impl Write, title: &str, s: &Section<T>, row: impl Fn(&T) -> Vec<String>) -> std::io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{title} ({})", s.total)?;
    if s.total == 0 {
        return writeln!(out, "  nothing");
    }
    let rows: Vec<Vec<String>> = s.items.iter().map(row).collect();
    for line in aligned(&rows, &[Align::Right], "  ") {
        writeln!(out, "{line}")?;
    }
    let more = s.total - s.items.len() as i64;
    if more > 0 {
        writeln!(out, "  … and {more} more")?;
    }
    Ok(())
}

/// Several clients, each under its brand and file.
pub fn print_clients(clients: &[ClientDue], out: &mut impl Write) -> std::io::Result<()> {
    for (n, c) in clients.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        writeln!(out, "══ {} ({})", clip(&c.brand_name, 80), clip(&c.path, 200))?;
        match (&c.due, &c.error) {
            (Some(due), _) => print(due, out)?,
            (None, Some(e)) => writeln!(out, "Cannot be shown: {}", clip(&e.message, 400))?,
            (None, None) if c.needs_update => writeln!(
                out,
                "Made by an older Chorus: open it on its own once (e.g. chorus info {}) to update it; a backup is made first.",
                quoted(Path::new(&c.path))
            )?,
            (None, None) => writeln!(out, "Nothing to show.")?,
        }
    }
    Ok(())
}

/// A path as a shell would want it typed.
fn quoted(path: &Path) -> String {
    let text = path.display().to_string();
    if text.chars().all(|c| c.is_ascii_alphanumeric() || "/._-".contains(c)) {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}
