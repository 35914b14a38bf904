//! `chorus campaigns`, `chorus ics` and `chorus campaign-export` (and `chorus campaign new`, in
//! [`new`]): the list of campaigns with
//! their budgets (archived ones only with `--archived`; the count says how many are left out),
//! the calendar of due dates, and one campaign as CSV — each a thin call into the core's read
//! side. A campaign is named by its id, UTM slug or exact name (any case).

pub mod due;
pub mod new;

use crate::columns::{aligned, clip, Align};
use due::usage;
use chorus_core::campaigns::board::{self, Phase};
use chorus_core::campaigns::campaign::{self, Campaign};
use chorus_core::campaigns::{calendar, export};
use chorus_core::money::format_plain;
use chorus_core::words::counted;
use chorus_core::{Result, Workspace};
use std::io::Write;
use std::path::Path;

/// The campaign `text` names, or a one-line error saying how to name one.
pub fn resolve(ws: &Workspace, text: &str) -> Result<Campaign> {
    campaign::find(ws, text)?.ok_or_else(|| {
        usage(format!(
            "There is no campaign “{}” in this workspace: name it by id, UTM slug or exact name (chorus campaigns <workspace> lists them).",
            clip(text.trim(), 80)
        ))
    })
}

/// Every campaign in use (and the archived ones too when `archived`), newest start first, as
/// a table.
pub fn print_list(ws: &Workspace, day: &str, archived: bool, out: &mut impl Write) -> Result<()> {
    let all = board::campaign_list(ws, chorus_core::campaigns::fields::parse_date(day).expect("a day the command normalised"))?;
    let hidden = if archived { 0 } else { all.iter().filter(|c| c.archived_on.is_some()).count() as i64 };
    let list: Vec<_> = all.into_iter().filter(|c| archived || c.archived_on.is_none()).collect();
    let currency = ws.settings()?.currency();
    let money = |minor: i64| format_plain(minor, currency);
    let code = currency.code();
    let mut rows = vec![[
        "ID",
        "NAME",
        "PHASE",
        "START",
        "END",
        &format!("BUDGET {code}"),
        &format!("COMMITTED {code}"),
        &format!("SPENT {code}"),
        "COLLABORATIONS",
        "OPEN DELIVERABLES",
        "ARCHIVED",
    ]
    .map(String::from)
    .to_vec()];
    for c in &list {
        rows.push(vec![
            c.id.to_string(),
            clip(&c.name, 40),
            phase(c.phase).to_string(),
            c.starts_on.clone().unwrap_or_else(|| "—".into()),
            c.ends_on.clone().unwrap_or_else(|| "—".into()),
            money(c.budget.minor),
            money(c.committed.minor),
            money(c.spent.minor),
            c.collaborations.to_string(),
            c.open_deliverables.to_string(),
            c.archived_on.clone().unwrap_or_else(|| "—".into()),
        ]);
    }
    if !archived {
        rows.iter_mut().for_each(|row| drop(row.pop()));
    }
    use Align::*;
    let io = crate::output::write_error;
    if list.is_empty() && hidden == 0 {
        writeln!(out, "No campaigns yet.").map_err(io)?;
        return Ok(());
    }
    for line in aligned(&rows, &[Right, Left, Left, Left, Left, Right, Right, Right, Right, Right, Left], "") {
        writeln!(out, "{line}").map_err(io)?;
    }
    let mut count = format!("{}, phases as of {day}", counted(list.len() as i64, "campaign", "campaigns"));
    if hidden > 0 {
        count.push_str(&format!(" ({} not shown: --archived lists {})", counted(hidden, "archived campaign", "archived campaigns"), if hidden == 1 { "it" } else { "them" }));
    }
    writeln!(out, "{count}").map_err(io)?;
    Ok(())
}

/// The JSON of `chorus campaigns --json`: the core's list as it is (amounts in minor units),
/// without the archived campaigns unless `archived`.
pub fn list(ws: &Workspace, day: &str, archived: bool) -> Result<Vec<board::CampaignSummary>> {
    let all = board::campaign_list(ws, chorus_core::campaigns::fields::parse_date(day).expect("a day the command normalised"))?;
    Ok(all.into_iter().filter(|c| archived || c.archived_on.is_none()).collect())
}

fn phase(p: Phase) -> &'static str {
    match p {
        Phase::Upcoming => "upcoming",
        Phase::Running => "running",
        Phase::Ended => "ended",
        Phase::Undated => "undated",
    }
}

/// Writes the calendar of one campaign (or all) to `out` (`-`: standard output); returns what
/// to tell the person.
pub fn write_ics(ws: &Workspace, campaign: Option<&str>, out: &Path) -> Result<String> {
    let found = campaign.map(|text| resolve(ws, text)).transpose()?;
    let id = found.as_ref().map(|c| c.id);
    let of = found.as_ref().map(|c| format!(" of “{}”", clip(&c.name, 80))).unwrap_or_default();
    if out.as_os_str() == "-" {
        let text = calendar::ics(ws, id)?;
        std::io::stdout().lock().write_all(text.as_bytes()).map_err(crate::output::write_error)?;
        return Ok(String::new());
    }
    let events = calendar::write_ics(ws, id, out)?;
    Ok(format!("Wrote {}{of} to {}.", counted(events as i64, "calendar event", "calendar events"), out.display()))
}

/// Writes one campaign as CSV to `out` (`-`: standard output); returns what to tell the person.
pub fn write_csv(ws: &Workspace, campaign: &str, out: &Path) -> Result<String> {
    let c = resolve(ws, campaign)?;
    if out.as_os_str() != "-" {
        let rows = export::write_campaign_csv(ws, c.id, out)?;
        return Ok(format!("Exported {} of “{}” to {}.", counted(rows as i64, "row", "rows"), clip(&c.name, 80), out.display()));
    }
    export::write_campaign_csv_to(ws, c.id, std::io::stdout().lock())?;
    Ok(String::new())
}
