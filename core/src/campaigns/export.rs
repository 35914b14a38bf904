//! A campaign as a CSV file for a spreadsheet or a client report: one row per deliverable with
//! its collaboration's columns repeated, and one row with empty deliverable columns for a
//! collaboration that has no deliverables yet.
//!
//! Contract: the roster export's conventions (UTF-8 with a byte-order mark, comma separated,
//! one header row; a cell that would start a formula gets a leading `'`; the target is
//! replaced only once the file is complete). Amounts are in machine format (`1234.56`) with the
//! currency in its own column; dates are `YYYY-MM-DD`; the checklist columns say `yes` or `no`.
//! Rows go by creator name, then due date.

use super::board::vocab;
use super::{CollaborationKind, CollaborationStatus, DeliverableStatus};
use crate::error::{Error, Result};
use crate::roster::export::{write_atomically, write_safe_row};
use crate::roster::model::{ContentFormat, Platform};
use crate::money::format_plain;
use crate::workspace::Workspace;
use rusqlite::OptionalExtension;
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// The header row, in order.
pub const COLUMNS: [&str; 20] = [
    "Campaign",
    "Creator",
    "Handle",
    "Collaboration type",
    "Collaboration status",
    "Fee",
    "Gift value",
    "Currency",
    "Start",
    "End",
    "Usage rights until",
    "Platform",
    "Format",
    "Due",
    "Status",
    "Post URL",
    "Published at",
    "Hashtags",
    "Mentions",
    "Disclosure",
];

/// Writes campaign `campaign_id` as CSV to `path` (replacing it only once complete); returns
/// the rows written, not counting the header.
pub fn write_campaign_csv(ws: &Workspace, campaign_id: i64, path: &Path) -> Result<usize> {
    write_atomically(path, |file| write_csv(ws, campaign_id, std::io::BufWriter::new(file), path))
}

/// Writes campaign `campaign_id` as CSV to `writer` (standard output, a pipe); returns the rows
/// written, not counting the header.
pub fn write_campaign_csv_to(ws: &Workspace, campaign_id: i64, writer: impl Write) -> Result<usize> {
    write_csv(ws, campaign_id, writer, Path::new("the export"))
}

/// Writes the campaign CSV to `writer`; returns the rows written.
fn write_csv(ws: &Workspace, campaign_id: i64, mut writer: impl Write, target: &Path) -> Result<usize> {
    let io = |e: std::io::Error| Error::io("write", target, e);
    let csv_io = |e: csv::Error| io(e.into());
    let conn = ws.conn();
    let currency = ws.settings()?.currency();
    let snapshot = conn.unchecked_transaction()?;
    let campaign: String = conn
        .query_row("SELECT name FROM campaigns WHERE id = ?1", [campaign_id], |r| r.get(0))
        .optional()?
        .ok_or(Error::NotFound { what: "campaign", id: campaign_id })?;

    // Each creator's handles, largest audience first: a row names the handle on its
    // deliverable's platform, or the creator's largest one.
    let mut handles: HashMap<i64, Vec<(Platform, String)>> = HashMap::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT h.creator_id, h.platform, h.handle FROM collaborations c JOIN handles h ON h.creator_id = c.creator_id
             WHERE c.campaign_id = ?1 ORDER BY h.followers DESC, h.id",
        )?;
        let mut rows = stmt.query([campaign_id])?;
        while let Some(r) = rows.next()? {
            handles.entry(r.get(0)?).or_default().push((vocab(r, 1, Platform::parse)?, r.get(2)?));
        }
    }

    writer.write_all("\u{feff}".as_bytes()).map_err(io)?;
    let mut csv = csv::WriterBuilder::new().from_writer(writer);
    csv.write_record(COLUMNS).map_err(csv_io)?;
    let mut stmt = conn.prepare_cached(
        "SELECT c.creator_id, p.display_name, c.kind, c.status, c.fee_minor, c.gift_value_minor, c.starts_on, c.ends_on, c.usage_until,
                d.platform, d.format, d.due_on, d.status, d.post_url, d.published_at, d.has_hashtags, d.has_mentions, d.has_disclosure
         FROM collaborations c JOIN creators p ON p.id = c.creator_id LEFT JOIN deliverables d ON d.collaboration_id = c.id
         WHERE c.campaign_id = ?1 ORDER BY p.sort_name, c.id, d.due_on, d.id",
    )?;
    let mut rows = stmt.query([campaign_id])?;
    let mut written = 0;
    while let Some(r) = rows.next()? {
        let text = |i: usize| -> rusqlite::Result<String> { Ok(r.get::<_, Option<String>>(i)?.unwrap_or_default()) };
        let platform = r.get::<_, Option<String>>(9)?.map(|_| vocab(r, 9, Platform::parse)).transpose()?;
        let creator_handles = handles.get(&r.get::<_, i64>(0)?).map(Vec::as_slice).unwrap_or_default();
        let handle = creator_handles.iter().find(|(p, _)| Some(*p) == platform).or(creator_handles.first()).map(|(_, h)| h.clone()).unwrap_or_default();
        let mut record = vec![
            campaign.clone(),
            text(1)?,
            handle,
            vocab(r, 2, CollaborationKind::parse)?.label().to_string(),
            vocab(r, 3, CollaborationStatus::parse)?.label().to_string(),
            format_plain(r.get(4)?, currency),
            format_plain(r.get(5)?, currency),
            currency.code().to_string(),
            text(6)?,
            text(7)?,
            text(8)?,
        ];
        match platform {
            Some(platform) => {
                let yes_no = |i: usize| -> rusqlite::Result<String> { Ok(if r.get::<_, bool>(i)? { "yes" } else { "no" }.to_string()) };
                record.extend([
                    platform.label().to_string(),
                    vocab(r, 10, ContentFormat::parse)?.label().to_string(),
                    text(11)?,
                    vocab(r, 12, DeliverableStatus::parse)?.label().to_string(),
                    text(13)?,
                    text(14)?,
                    yes_no(15)?,
                    yes_no(16)?,
                    yes_no(17)?,
                ]);
            }
            None => record.resize(COLUMNS.len(), String::new()),
        }
        write_safe_row(&mut csv, &record).map_err(csv_io)?;
        written += 1;
    }
    drop(rows);
    drop(stmt);
    snapshot.finish()?;
    let mut writer = csv.into_inner().map_err(|e| io(e.into_error()))?;
    writer.flush().map_err(io)?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::super::today::fixture::*;
    use super::*;

    /// Every row of an exported file, header included, after checking its byte-order mark.
    fn read(path: &Path) -> Vec<Vec<String>> {
        let bytes = std::fs::read(path).unwrap();
        assert!(bytes.starts_with("\u{feff}".as_bytes()), "a byte-order mark for Excel");
        let mut r = csv::ReaderBuilder::new().has_headers(false).from_reader(&bytes[3..]);
        r.records().map(|rec| rec.unwrap().iter().map(str::to_string).collect()).collect()
    }

    #[test]
    fn one_row_per_deliverable_with_the_collaboration_repeated() {
        let mut ws = workspace();
        let anna = creator(&mut ws, "Anna de Vries", "anna.zon");
        let bo = creator(&mut ws, "Bo Smit", "bo.smit");
        sql(&ws, &format!("INSERT INTO handles (creator_id, platform, handle, handle_key, followers) VALUES ({anna}, 'tiktok', 'anna.tok', 'anna.tok', 500)"));
        let summer = campaign(&ws, "Summer 2026", Some("2026-06-01"), Some("2026-07-31"), 0);
        let other = campaign(&ws, "Other", None, None, 0);
        let a = collaboration(&ws, summer, anna, "hybrid", "active", (123_456, 4_995), "2026-06-01");
        collaboration(&ws, summer, bo, "gifted", "proposed", (0, 0), "2026-06-01");
        let elsewhere = collaboration(&ws, other, bo, "paid", "active", (1, 0), "2026-06-01");
        let reel = deliverable(&ws, a, "reel", "2026-06-20", "published");
        deliverable(&ws, a, "story", "2026-06-10", "planned");
        deliverable(&ws, elsewhere, "post", "2026-06-10", "planned");
        sql(
            &ws,
            &format!(
                "UPDATE deliverables SET platform = 'tiktok', post_url = 'https://www.tiktok.com/@anna.tok/video/1', published_at = '2026-06-20T18:30',
                     has_hashtags = 1, has_disclosure = 1 WHERE id = {reel};
                 UPDATE collaborations SET usage_until = '2026-12-31' WHERE id = {a};"
            ),
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("summer.csv");
        assert_eq!(write_campaign_csv(&ws, summer, &path).unwrap(), 3);
        let rows = read(&path);
        assert_eq!(rows[0], COLUMNS.map(String::from).to_vec());
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let anna_cols = ["Summer 2026", "Anna de Vries"];
        let money_cols = ["Hybrid", "Active", "1234.56", "49.95", "EUR", "2026-06-01", "", "2026-12-31"];
        assert_eq!(rows[1], row(&[&anna_cols[..], &["anna.zon"], &money_cols[..], &["Instagram", "Story", "2026-06-10", "Planned", "", "", "no", "no", "no"]].concat()));
        assert_eq!(
            rows[2],
            row(&[&anna_cols[..], &["anna.tok"], &money_cols[..], &["TikTok", "Reel", "2026-06-20", "Published", "https://www.tiktok.com/@anna.tok/video/1", "2026-06-20T18:30", "yes", "no", "yes"]].concat()),
            "the handle on the deliverable's platform"
        );
        assert_eq!(rows[3], row(&["Summer 2026", "Bo Smit", "bo.smit", "Gifted", "Proposed", "0.00", "0.00", "EUR", "2026-06-01", "", "", "", "", "", "", "", "", "", "", ""]));
        assert_eq!(rows.len(), 4, "nothing from the other campaign");
    }

    #[test]
    fn user_text_never_becomes_a_formula() {
        let mut ws = workspace();
        let evil = creator(&mut ws, "=HYPERLINK(\"http://x\",\"click\")", "evil");
        let summer = campaign(&ws, "+SUM(A1:A2)", None, None, 0);
        collaboration(&ws, summer, evil, "gifted", "proposed", (0, 0), "2026-06-01");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.csv");
        write_campaign_csv(&ws, summer, &path).unwrap();
        let rows = read(&path);
        assert_eq!(rows[1][0], "'+SUM(A1:A2)");
        assert_eq!(rows[1][1], "'=HYPERLINK(\"http://x\",\"click\")");
        assert_eq!(write_campaign_csv(&ws, 999, &path).unwrap_err().kind(), "not_found");
        assert_eq!(read(&path), rows, "a failed export leaves the last file");
    }
}
