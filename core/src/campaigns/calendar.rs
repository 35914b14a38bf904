//! The due dates as an iCalendar file (RFC 5545) for Google Calendar, Outlook or Apple
//! Calendar: one all-day event per deliverable (not missed, in a collaboration not cancelled)
//! and one per end of usage rights, for the whole workspace or one campaign.
//!
//! Contract: every event has a UID made of its row id and the workspace's own uid, so importing
//! a newer export updates events instead of adding copies; DTSTAMP and SEQUENCE come from the
//! row's last change and revision, so the same data gives the same file. Lines end in CRLF and
//! are folded at 75 octets without splitting a character; text values escape `\ ; ,` and line
//! breaks, and control characters are dropped. [`write_ics`] replaces the target only once the
//! file is complete.

use super::board::vocab;
use super::DeliverableStatus;
use crate::error::{Error, Result};
use crate::roster::model::{ContentFormat, Platform};
use crate::workspace::settings::workspace_uid;
use crate::workspace::Workspace;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params_from_iter, OptionalExtension};
use std::io::Write;
use std::path::Path;

/// The calendar of campaign `campaign_id`, or of every campaign when `None`.
pub fn ics(ws: &Workspace, campaign_id: Option<i64>) -> Result<String> {
    Ok(calendar(ws, campaign_id)?.0)
}

/// Writes [`ics`] to `path` (replacing it only once complete); returns the number of events.
pub fn write_ics(ws: &Workspace, campaign_id: Option<i64>, path: &Path) -> Result<usize> {
    let (text, events) = calendar(ws, campaign_id)?;
    crate::roster::export::write_atomically(path, |file| file.write_all(text.as_bytes()).map_err(|e| Error::io("write", path, e)))?;
    Ok(events)
}

/// The calendar text and its number of events.
fn calendar(ws: &Workspace, campaign_id: Option<i64>) -> Result<(String, usize)> {
    let conn = ws.conn();
    let brand = ws.settings()?.brand_name;
    let uid = workspace_uid(conn)?;
    let snapshot = conn.unchecked_transaction()?;
    let title = match campaign_id {
        Some(id) => {
            let name: String = conn
                .query_row("SELECT name FROM campaigns WHERE id = ?1", [id], |r| r.get(0))
                .optional()?
                .ok_or(Error::NotFound { what: "campaign", id })?;
            format!("{brand} · {name}")
        }
        None => brand,
    };
    let only = if campaign_id.is_some() { "AND c.campaign_id = ?1" } else { "" };
    let mut out = String::new();
    for line in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Chorus//Campaign calendar//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
        fold_into(&mut out, line);
    }
    fold_into(&mut out, &format!("X-WR-CALNAME:{}", text(&title)));
    let mut events = 0;

    let mut deliverables = conn.prepare_cached(&format!(
        "SELECT d.id, d.platform, d.format, d.status, d.due_on, d.post_url, d.published_at, d.revision, d.updated_at, p.display_name, k.name
         FROM deliverables d JOIN collaborations c ON c.id = d.collaboration_id
              JOIN campaigns k ON k.id = c.campaign_id JOIN creators p ON p.id = c.creator_id
         WHERE d.status <> 'missed' AND c.status <> 'cancelled' {only}
         ORDER BY d.due_on, d.id"
    ))?;
    let mut rows = deliverables.query(params_from_iter(campaign_id))?;
    while let Some(r) = rows.next()? {
        let (id, due_on, post_url, published_at): (i64, String, String, Option<String>) = (r.get(0)?, r.get(4)?, r.get(5)?, r.get(6)?);
        let (platform, format, status) = (vocab(r, 1, Platform::parse)?, vocab(r, 2, ContentFormat::parse)?, vocab(r, 3, DeliverableStatus::parse)?);
        let (creator, campaign): (String, String) = (r.get(9)?, r.get(10)?);
        let mark = if status.is_live() { "✓ " } else { "" };
        let mut description = format!("{} on {}\nStatus: {}", format.label(), platform.label(), status.label());
        if let Some(at) = published_at {
            description.push_str(&format!("\nPublished: {}", at.replace('T', " ")));
        }
        if !post_url.is_empty() {
            description.push_str(&format!("\nPost: {post_url}"));
        }
        let event = Event {
            uid: format!("deliverable-{id}@{uid}.chorus"),
            day: &due_on,
            summary: format!("{mark}{} · {creator} · {campaign}", format.label()),
            description,
            revision: r.get(7)?,
            updated_at: r.get(8)?,
        };
        event.write_into(&mut out)?;
        events += 1;
    }
    drop(rows);

    let mut usage = conn.prepare_cached(&format!(
        "SELECT c.id, c.usage_until, c.usage_channels, c.usage_exclusive, c.revision, c.updated_at, p.display_name, k.name
         FROM collaborations c JOIN campaigns k ON k.id = c.campaign_id JOIN creators p ON p.id = c.creator_id
         WHERE c.usage_until IS NOT NULL AND c.status <> 'cancelled' {only}
         ORDER BY c.usage_until, c.id"
    ))?;
    let mut rows = usage.query(params_from_iter(campaign_id))?;
    while let Some(r) = rows.next()? {
        let (id, until, channels, exclusive): (i64, String, String, bool) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
        let (creator, campaign): (String, String) = (r.get(6)?, r.get(7)?);
        let mut description = format!("The right to use {creator}'s content for {campaign} ends after this day.");
        if !channels.is_empty() {
            description.push_str(&format!("\nChannels: {channels}"));
        }
        if exclusive {
            description.push_str("\nExclusive");
        }
        let event = Event {
            uid: format!("usage-{id}@{uid}.chorus"),
            day: &until,
            summary: format!("Usage rights end · {creator} · {campaign}"),
            description,
            revision: r.get(4)?,
            updated_at: r.get(5)?,
        };
        event.write_into(&mut out)?;
        events += 1;
    }
    drop(rows);
    drop((deliverables, usage));
    snapshot.finish()?;
    fold_into(&mut out, "END:VCALENDAR");
    Ok((out, events))
}

/// One all-day event.
struct Event<'a> {
    uid: String,
    /// `YYYY-MM-DD`.
    day: &'a str,
    summary: String,
    description: String,
    revision: i64,
    /// When the row last changed (`2026-11-25T07:02:49Z`).
    updated_at: String,
}

impl Event<'_> {
    /// Appends the event's lines to `out`.
    fn write_into(&self, out: &mut String) -> Result<()> {
        let day = NaiveDate::parse_from_str(self.day, "%Y-%m-%d").map_err(|_| Error::BadFile(format!("“{}” is not a date.", self.day)))?;
        let next = day.succ_opt().unwrap_or(day);
        let stamp = NaiveDateTime::parse_from_str(&self.updated_at, "%Y-%m-%dT%H:%M:%SZ")
            .map(|t| t.and_utc())
            .unwrap_or_else(|_| chrono::Utc::now())
            .format("%Y%m%dT%H%M%SZ");
        for line in [
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", self.uid),
            format!("DTSTAMP:{stamp}"),
            format!("SEQUENCE:{}", self.revision.max(0)),
            format!("DTSTART;VALUE=DATE:{}", day.format("%Y%m%d")),
            format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")),
            format!("SUMMARY:{}", text(&self.summary)),
            format!("DESCRIPTION:{}", text(&self.description)),
            // A deadline does not make anyone busy.
            "TRANSP:TRANSPARENT".to_string(),
            "END:VEVENT".to_string(),
        ] {
            fold_into(out, &line);
        }
        Ok(())
    }
}

/// A TEXT value (RFC 5545 §3.3.11): `\`, `;` and `,` escaped, line breaks as `\n`, other
/// control characters (which the format does not allow) dropped.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded (RFC 5545 §3.1) so that no line exceeds 75 octets; a
/// continuation starts with a space and a fold never falls inside a UTF-8 character.
fn fold_into(out: &mut String, line: &str) {
    let mut rest = line;
    let mut room = 75;
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        room = 74;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::super::today::fixture::*;
    use super::*;

    /// Undoes folding and TEXT escaping, checking the structure strictly on the way: CRLF line
    /// ends, at most 75 octets a line, names in upper case, BEGIN/END balanced. Returns each
    /// event's properties (name with parameters → unescaped value).
    fn parse(ics: &str) -> Vec<Vec<(String, String)>> {
        assert!(ics.ends_with("\r\n"), "the file ends with CRLF");
        let physical: Vec<&str> = ics.strip_suffix("\r\n").unwrap().split("\r\n").collect();
        let mut logical: Vec<String> = Vec::new();
        for line in &physical {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
            assert!(!line.contains('\n') && !line.contains('\r'), "a bare line break: {line:?}");
            match line.strip_prefix(' ') {
                Some(more) => logical.last_mut().expect("a continuation follows a line").push_str(more),
                None => logical.push(line.to_string()),
            }
        }
        assert_eq!(logical.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
        assert_eq!(logical.last().map(String::as_str), Some("END:VCALENDAR"));
        let mut events = Vec::new();
        let mut open: Vec<String> = Vec::new();
        for line in &logical {
            let (name, value) = line.split_once(':').unwrap_or_else(|| panic!("no colon: {line}"));
            let bare = name.split(';').next().unwrap();
            assert!(bare.chars().all(|c| c.is_ascii_uppercase() || c == '-'), "property name {name}");
            match bare {
                "BEGIN" => {
                    open.push(value.to_string());
                    if value == "VEVENT" {
                        events.push(Vec::new());
                    }
                }
                "END" => assert_eq!(open.pop().as_deref(), Some(value), "END matches BEGIN"),
                _ if open.last().map(String::as_str) == Some("VEVENT") => events.last_mut().unwrap().push((name.to_string(), unescape(value))),
                _ => {}
            }
        }
        assert!(open.is_empty());
        for e in &events {
            for required in ["UID", "DTSTAMP", "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY"] {
                assert_eq!(e.iter().filter(|(n, _)| n == required).count(), 1, "{required} once in {e:?}");
            }
        }
        events
    }

    /// Reads a TEXT value back, refusing an unescaped `;` or `,` and unknown escapes.
    fn unescape(value: &str) -> String {
        let mut out = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(e @ ('\\' | ';' | ',')) => out.push(e),
                    other => panic!("bad escape \\{other:?} in {value}"),
                }
            } else {
                assert!(c != ';' && c != ',', "unescaped {c} in {value}");
                out.push(c);
            }
        }
        out
    }

    /// The value of property `name` in an event.
    fn get<'a>(event: &'a [(String, String)], name: &str) -> &'a str {
        &event.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("{name} in {event:?}")).1
    }

    #[test]
    fn text_values_escape_what_the_format_reserves() {
        assert_eq!(text("a\\b;c,d\ne\r\nf\rg"), "a\\\\b\\;c\\,d\\ne\\nf\\ng");
        assert_eq!(text("bell\u{7} tab\t"), "bell tab\t");
        assert_eq!(unescape(&text("Zon; zee, \\ strand\nmorgen")), "Zon; zee, \\ strand\nmorgen");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        for line in ["SUMMARY:".to_string() + &"a".repeat(300), "SUMMARY:".to_string() + &"é".repeat(200), "X:".to_string() + &"🌞".repeat(80), "SUMMARY:short".into()] {
            let mut out = String::new();
            fold_into(&mut out, &line);
            let physical: Vec<&str> = out.strip_suffix("\r\n").unwrap().split("\r\n").collect();
            assert!(physical.iter().all(|l| l.len() <= 75), "{physical:?}");
            assert!(physical.iter().skip(1).all(|l| l.starts_with(' ')));
            if line.len() > 75 {
                assert!(physical[0].len() > 71, "the first line is filled as far as a whole character allows");
            }
            let unfolded: String = physical.iter().enumerate().map(|(i, l)| if i == 0 { *l } else { &l[1..] }).collect();
            assert_eq!(unfolded, line);
        }
    }

    #[test]
    fn deliverables_and_usage_ends_become_all_day_events_that_update_on_reimport() {
        let mut ws = workspace();
        let anna = creator(&mut ws, "Anna de Vries", "anna.zon");
        let bo = creator(&mut ws, "Bo; \"Smit\", jr.", "bo.smit");
        let summer = campaign(&ws, "Summer 2026", Some("2026-06-01"), Some("2026-07-31"), 0);
        let autumn = campaign(&ws, "Autumn, Zon & Zee — een heel lange campagnenaam die zeker gevouwen moet worden", None, None, 0);
        let a = collaboration(&ws, summer, anna, "paid", "active", (1, 0), "2026-06-10");
        let b = collaboration(&ws, autumn, bo, "gifted", "agreed", (0, 1), "2026-06-10");
        let cancelled = collaboration(&ws, autumn, anna, "gifted", "cancelled", (0, 1), "2026-06-10");
        let reel = deliverable(&ws, a, "reel", "2026-06-20", "planned");
        let live = deliverable(&ws, a, "story", "2026-06-10", "published");
        deliverable(&ws, a, "post", "2026-06-11", "missed");
        deliverable(&ws, b, "carousel", "2026-12-31", "submitted");
        deliverable(&ws, cancelled, "post", "2026-09-01", "planned");
        sql(
            &ws,
            &format!(
                "UPDATE deliverables SET post_url = 'https://www.instagram.com/p/abc/', published_at = '2026-06-10T18:30', revision = 3 WHERE id = {live};
                 UPDATE collaborations SET usage_until = '2026-12-31', usage_channels = 'Instagram ads; website', usage_exclusive = 1 WHERE id = {a};
                 UPDATE collaborations SET usage_until = '2027-01-01' WHERE id = {cancelled};"
            ),
        );

        let ics = ics(&ws, None).unwrap();
        let events = parse(&ics);
        let uid = workspace_uid(ws.conn()).unwrap();
        let summaries: Vec<&str> = events.iter().map(|e| get(e, "SUMMARY")).collect();
        assert_eq!(
            summaries,
            vec![
                "✓ Story · Anna de Vries · Summer 2026",
                "Reel · Anna de Vries · Summer 2026",
                "Carousel · Bo; \"Smit\", jr. · Autumn, Zon & Zee — een heel lange campagnenaam die zeker gevouwen moet worden",
                "Usage rights end · Anna de Vries · Summer 2026",
            ]
        );
        let story = &events[0];
        assert_eq!(get(story, "UID"), format!("deliverable-{live}@{uid}.chorus"));
        assert_eq!(get(story, "DTSTART;VALUE=DATE"), "20260610");
        assert_eq!(get(story, "DTEND;VALUE=DATE"), "20260611");
        assert_eq!(get(story, "DTSTAMP"), "20260102T103000Z", "the row's last change");
        assert_eq!(get(story, "SEQUENCE"), "3");
        assert_eq!(get(story, "DESCRIPTION"), "Story on Instagram\nStatus: Published\nPublished: 2026-06-10 18:30\nPost: https://www.instagram.com/p/abc/");
        assert_eq!(get(&events[1], "UID"), format!("deliverable-{reel}@{uid}.chorus"));
        let usage = &events[3];
        assert_eq!(get(usage, "UID"), format!("usage-{a}@{uid}.chorus"));
        assert_eq!((get(usage, "DTSTART;VALUE=DATE"), get(usage, "DTEND;VALUE=DATE")), ("20261231", "20270101"));
        assert!(get(usage, "DESCRIPTION").contains("Channels: Instagram ads; website\nExclusive"));
        assert!(ics.contains("X-WR-CALNAME:Studio Zon\r\n"));
        assert_eq!(ics, super::ics(&ws, None).unwrap(), "the same data gives the same file");

        let one = super::ics(&ws, Some(summer)).unwrap();
        assert_eq!(parse(&one).len(), 3);
        assert!(one.contains("X-WR-CALNAME:Studio Zon · Summer 2026\r\n"));
        assert_eq!(super::ics(&ws, Some(999)).unwrap_err().kind(), "not_found");
    }

    #[test]
    fn the_file_is_written_whole_and_counts_its_events() {
        let mut ws = workspace();
        let anna = creator(&mut ws, "Anna de Vries", "anna.zon");
        let summer = campaign(&ws, "Summer 2026", None, None, 0);
        let a = collaboration(&ws, summer, anna, "paid", "active", (1, 0), "2026-06-10");
        deliverable(&ws, a, "reel", "2026-06-20", "planned");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("zon.ics");
        std::fs::write(&path, "old").unwrap();
        assert_eq!(write_ics(&ws, Some(summer), &path).unwrap(), 1);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), ics(&ws, Some(summer)).unwrap());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left behind");
        assert_eq!(write_ics(&ws, Some(999), &path).unwrap_err().kind(), "not_found");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), ics(&ws, Some(summer)).unwrap(), "a failed export leaves the file");
    }
}
