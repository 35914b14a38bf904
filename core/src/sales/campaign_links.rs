//! A campaign's tracking links and codes, per collaboration, and their QR codes as files.
//!
//! Contract:
//! - The handle a link (and a pattern code) is made for: the platform of the collaboration's
//!   first deliverable (by due date), else the platform of the creator's main handle (the one
//!   with the largest audience, as the campaign board shows it); the handle is the creator's
//!   handle on that platform, else the main handle. `utm_source` is that platform.
//! - [`campaign_links`] gives every collaboration of a campaign (in creator name order) its
//!   creator, handle, platform, tracking link ([`links::tracking_link`] with the campaign's
//!   landing URL and UTM value) or the reason there is none (`no_landing_url`, `no_handle`, or
//!   the link's own refusal), its discount code and its commission rule as written. Read in a
//!   fixed number of queries, whatever the campaign's size.
//! - [`save_qr`] writes a link's QR code ([`qr`]) as SVG or PNG through the atomic writer.

use super::{links, qr};
use crate::campaigns::{CollaborationKind, CollaborationStatus};
use crate::error::{Error, Result};
use crate::roster::export::write_atomically;
use crate::roster::model::Platform;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// One collaboration's link and code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CollaborationLink {
    pub collaboration_id: i64,
    pub creator_id: i64,
    pub creator_name: String,
    pub kind: CollaborationKind,
    pub status: CollaborationStatus,
    /// The handle in `utm_content` (without `@`); None when the creator has no handle.
    pub handle: Option<String>,
    /// The platform in `utm_source`.
    pub platform: Option<Platform>,
    pub link: Option<String>,
    /// Why there is no link.
    pub no_link: Option<NoLink>,
    /// Empty: no code.
    pub code: String,
    pub customer_discount_bp: Option<u32>,
    /// The collaboration's own commission rule as written; empty when it has none.
    pub rule: String,
}

/// Why a collaboration has no link: a stable code for the window and the English sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoLink {
    pub code: &'static str,
    pub message: String,
}

/// The handle a collaboration's link is made for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LinkIdentity {
    pub platform: Platform,
    pub handle: String,
}

/// Which collaborations to read.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Scope {
    Collaboration(i64),
    Campaign(i64),
    Workspace,
}

impl Scope {
    fn clause(self) -> (&'static str, i64) {
        match self {
            Scope::Collaboration(id) => ("l.id = ?1", id),
            Scope::Campaign(id) => ("l.campaign_id = ?1", id),
            Scope::Workspace => ("?1 = ?1", 0),
        }
    }
}

/// The handle of every collaboration in `scope` (see the contract), in two passes.
pub(crate) fn link_identities(conn: &Connection, scope: Scope) -> Result<HashMap<i64, LinkIdentity>> {
    let (filter, id) = scope.clause();
    let mut first_platform: HashMap<i64, Option<Platform>> = HashMap::new();
    {
        let sql = format!("SELECT d.collaboration_id, d.platform FROM collaborations l JOIN deliverables d ON d.collaboration_id = l.id WHERE {filter} ORDER BY d.due_on, d.id");
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut rows = stmt.query([id])?;
        while let Some(r) = rows.next()? {
            let platform = r.get_ref(1)?.as_str().ok().and_then(Platform::parse);
            first_platform.entry(r.get(0)?).or_insert(platform);
        }
    }
    // Largest audience first: the first handle of a collaboration is the main one, the first
    // on a platform is the one used there.
    let mut handles: HashMap<i64, Vec<LinkIdentity>> = HashMap::new();
    {
        let sql = format!("SELECT l.id, h.platform, h.handle FROM collaborations l JOIN handles h ON h.creator_id = l.creator_id WHERE {filter} ORDER BY h.followers DESC, h.id");
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut rows = stmt.query([id])?;
        while let Some(r) = rows.next()? {
            let Some(platform) = r.get_ref(1)?.as_str().ok().and_then(Platform::parse) else { continue };
            handles.entry(r.get(0)?).or_default().push(LinkIdentity { platform, handle: r.get(2)? });
        }
    }
    let mut out = HashMap::with_capacity(handles.len());
    for (collaboration, list) in handles {
        let main = &list[0];
        let identity = match first_platform.get(&collaboration).copied().flatten() {
            Some(p) => match list.iter().find(|h| h.platform == p) {
                Some(on_platform) => on_platform.clone(),
                None => LinkIdentity { platform: p, handle: main.handle.clone() },
            },
            None => main.clone(),
        };
        out.insert(collaboration, identity);
    }
    Ok(out)
}

/// Every collaboration of campaign `campaign_id` with its link and code (see the contract).
pub fn campaign_links(conn: &Connection, campaign_id: i64) -> Result<Vec<CollaborationLink>> {
    let (landing, slug): (String, String) = conn
        .query_row("SELECT landing_url, utm_slug FROM campaigns WHERE id = ?1", [campaign_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Error::NotFound { what: "campaign", id: campaign_id },
            e => e.into(),
        })?;
    let mut identities = link_identities(conn, Scope::Campaign(campaign_id))?;
    let mut stmt = conn.prepare_cached(
        "SELECT l.id, l.creator_id, c.display_name, l.kind, l.status, l.discount_code, l.customer_discount_bp, coalesce(r.as_written, '')
         FROM collaborations l JOIN creators c ON c.id = l.creator_id
         LEFT JOIN commission_rules r ON r.level = 'collaboration' AND r.owner_id = l.id
         WHERE l.campaign_id = ?1 ORDER BY c.sort_name, l.id",
    )?;
    let mut rows = stmt.query([campaign_id])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let collaboration_id: i64 = r.get(0)?;
        let identity = identities.remove(&collaboration_id);
        let (link, no_link) = link_for(&landing, &slug, identity.as_ref());
        let kind: String = r.get(3)?;
        let status: String = r.get(4)?;
        out.push(CollaborationLink {
            collaboration_id,
            creator_id: r.get(1)?,
            creator_name: r.get(2)?,
            kind: CollaborationKind::parse(&kind).unwrap_or(CollaborationKind::Gifted),
            status: CollaborationStatus::parse(&status).unwrap_or(CollaborationStatus::Proposed),
            handle: identity.as_ref().map(|i| i.handle.clone()),
            platform: identity.as_ref().map(|i| i.platform),
            link,
            no_link,
            code: r.get(5)?,
            customer_discount_bp: r.get(6)?,
            rule: r.get(7)?,
        });
    }
    Ok(out)
}

fn link_for(landing: &str, slug: &str, identity: Option<&LinkIdentity>) -> (Option<String>, Option<NoLink>) {
    if landing.is_empty() {
        let message = "The campaign has no landing page yet: give it one (its web address) to make the tracking links.".to_string();
        return (None, Some(NoLink { code: "no_landing_url", message }));
    }
    let Some(identity) = identity else {
        let message = "This creator has no handle to put in the link: add one on the roster.".to_string();
        return (None, Some(NoLink { code: "no_handle", message }));
    };
    match links::tracking_link(landing, identity.platform, slug, &identity.handle) {
        Ok(link) => (Some(link), None),
        Err(Error::Validation(errors)) => {
            let first = errors.into_iter().next();
            (None, first.map(|e| NoLink { code: e.code, message: e.message }))
        }
        Err(e) => (None, Some(NoLink { code: "invalid_url", message: e.to_string() })),
    }
}

/// The picture format of a QR code file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QrFormat {
    Svg,
    Png,
}

impl QrFormat {
    /// `svg` or `png` (any case), as a file extension or an option names it.
    pub fn parse(text: &str) -> Option<QrFormat> {
        match text.trim().trim_start_matches('.').to_ascii_lowercase().as_str() {
            "svg" => Some(QrFormat::Svg),
            "png" => Some(QrFormat::Png),
            _ => None,
        }
    }
}

/// Writes the QR code of `link` to `path` as `format`; the file is whole or not there.
pub fn save_qr(link: &str, path: &Path, format: QrFormat) -> Result<()> {
    let bytes = match format {
        QrFormat::Svg => qr::qr_svg(link)?.into_bytes(),
        QrFormat::Png => qr::qr_png(link)?,
    };
    write_atomically(path, |file| file.write_all(&bytes).map_err(|e| Error::io("write", path, e)))
}

#[cfg(test)]
#[path = "campaign_links_tests.rs"]
mod tests;
