//! What the collaboration panel shows for selling: the collaboration's tracking link (the
//! campaign's landing URL with the UTM values of `sales::links`), its QR code, and its discount
//! code; and the QR code saved as an SVG or PNG file.
//!
//! Contract: the link is made, never stored: from the campaign's `landing_url`, its UTM value
//! (`utm_slug`, or the slug of its name when it has none), and the creator's main handle (the
//! one with the most followers, its platform as `utm_source`). What is missing to make it (no
//! landing URL yet, no handle) is said as [`LinkMissing`]; a stored value the link refuses is
//! the link's own field error. Files are written whole or not at all.

use crate::campaigns::fields::slugify;
use crate::error::{Error, FieldError, Result};
use crate::roster::model::Platform;
use crate::sales::{links, qr};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;

/// Why a collaboration has no tracking link yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkMissing {
    /// The campaign has no landing URL.
    LandingUrl,
    /// The creator has no handle to put in `utm_content`.
    Handle,
}

/// The selling side of one collaboration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CollaborationLink {
    pub collaboration_id: i64,
    pub landing_url: String,
    pub platform: Option<Platform>,
    pub handle: Option<String>,
    pub link: Option<String>,
    /// The QR code of the link as SVG text.
    pub qr_svg: Option<String>,
    pub missing: Option<LinkMissing>,
    /// A stored value the link refuses (a landing URL that is not a web address, …).
    pub problem: Option<FieldError>,
    /// The discount code as the shop knows it; empty for none.
    pub discount_code: String,
    /// The customer's discount it gives, in basis points, when known.
    pub customer_discount_bp: Option<i64>,
}

/// The link, QR code and discount code of collaboration `collaboration_id`.
pub fn collaboration_link(conn: &Connection, collaboration_id: i64) -> Result<CollaborationLink> {
    let (landing_url, slug, name, discount_code, customer_discount_bp, creator_id): (String, String, String, String, Option<i64>, i64) = conn
        .prepare_cached(
            "SELECT k.landing_url, k.utm_slug, k.name, c.discount_code, c.customer_discount_bp, c.creator_id
             FROM collaborations c JOIN campaigns k ON k.id = c.campaign_id WHERE c.id = ?1",
        )?
        .query_row([collaboration_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
        .optional()?
        .ok_or(Error::NotFound { what: "collaboration", id: collaboration_id })?;
    let main: Option<(String, String)> = conn
        .prepare_cached("SELECT platform, handle FROM handles WHERE creator_id = ?1 ORDER BY followers DESC, id LIMIT 1")?
        .query_row([creator_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let platform = main.as_ref().and_then(|(p, _)| Platform::parse(p));
    let mut out = CollaborationLink {
        collaboration_id,
        landing_url: landing_url.clone(),
        platform,
        handle: main.as_ref().map(|(_, h)| h.clone()),
        link: None,
        qr_svg: None,
        missing: None,
        problem: None,
        discount_code,
        customer_discount_bp,
    };
    let campaign_value = if slug.trim().is_empty() { slugify(&name) } else { slug };
    match (landing_url.trim().is_empty(), platform, &out.handle) {
        (true, _, _) => out.missing = Some(LinkMissing::LandingUrl),
        (false, Some(platform), Some(handle)) => match links::tracking_link(&landing_url, platform, &campaign_value, handle) {
            Ok(link) => {
                out.qr_svg = qr::qr_svg(&link).map_err(|e| out.problem = first_problem(e)).ok();
                out.link = Some(link);
            }
            Err(e) => out.problem = first_problem(e),
        },
        _ => out.missing = Some(LinkMissing::Handle),
    }
    Ok(out)
}

/// The first field problem of a refusal (the link's and the QR code's are one field each).
fn first_problem(e: Error) -> Option<FieldError> {
    match e {
        Error::Validation(mut fields) if !fields.is_empty() => Some(fields.remove(0)),
        other => Some(FieldError::new("link", "invalid_url", other.to_string())),
    }
}

/// The file a QR code is saved as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QrFormat {
    Svg,
    Png,
}

impl QrFormat {
    pub fn extension(self) -> &'static str {
        match self {
            QrFormat::Svg => "svg",
            QrFormat::Png => "png",
        }
    }
}

/// Writes the QR code of collaboration `collaboration_id`'s link to `path` (whole or not at
/// all). Refused when it has no link yet, with the reason.
pub fn save_qr(conn: &Connection, collaboration_id: i64, format: QrFormat, path: &Path) -> Result<()> {
    let found = collaboration_link(conn, collaboration_id)?;
    let Some(link) = found.link else {
        return Err(Error::Validation(vec![found.problem.unwrap_or_else(|| {
            FieldError::new("landing_url", "not_web_address", "The campaign has no landing page address yet, so there is no link to make a QR code of.")
        })]));
    };
    let bytes = match format {
        QrFormat::Svg => qr::qr_svg(&link)?.into_bytes(),
        QrFormat::Png => qr::qr_png(&link)?,
    };
    crate::roster::export::write_atomically(path, |file| file.write_all(&bytes).map_err(|e| Error::io("write", path, e)))
}

/// The QR file's name: `Zomer 2026 - Sanne` (campaign and creator).
pub fn qr_file_stem(conn: &Connection, collaboration_id: i64) -> Result<String> {
    conn
        .prepare_cached("SELECT k.name || ' - ' || p.display_name FROM collaborations c JOIN campaigns k ON k.id = c.campaign_id JOIN creators p ON p.id = c.creator_id WHERE c.id = ?1")?
        .query_row([collaboration_id], |r| r.get(0))
        .optional()?
        .ok_or(Error::NotFound { what: "collaboration", id: collaboration_id })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::settings::Settings;
    use crate::workspace::Workspace;

    const NOW: &str = "2026-05-01T10:00:00Z";

    fn collaboration(ws: &Workspace, landing: &str) -> i64 {
        ws.conn()
            .execute_batch(&format!(
                "INSERT INTO creators (id, display_name, sort_name, created_at, updated_at) VALUES (1, 'Sanne', 'sanne', '{NOW}', '{NOW}');
                 INSERT INTO handles (creator_id, platform, handle, handle_key, followers) VALUES (1, 'tiktok', 'sanne', 'sanne', 900), (1, 'instagram', 'Sanne.Groen', 'sanne.groen', 24000);
                 INSERT INTO campaigns (id, name, goal, utm_slug, landing_url, created_at, updated_at) VALUES (1, 'Zomer 2026', 'sales', '', '{landing}', '{NOW}', '{NOW}');
                 INSERT INTO collaborations (id, campaign_id, creator_id, kind, discount_code, discount_code_key, customer_discount_bp, last_activity_on, created_at, updated_at)
                        VALUES (1, 1, 1, 'affiliate', 'SANNEGROEN10', 'SANNEGROEN10', 1000, '2026-05-01', '{NOW}', '{NOW}');"
            ))
            .unwrap();
        1
    }

    #[test]
    fn the_panel_gets_the_link_of_the_creators_main_handle_its_qr_code_and_the_discount_code() {
        let ws = Workspace::in_memory(&Settings::new("Groen", "EUR", "nl-NL")).unwrap();
        let id = collaboration(&ws, "https://groen.nl/zomer?ref=x#top");
        let found = collaboration_link(ws.conn(), id).unwrap();
        assert_eq!(
            found.link.as_deref(),
            Some("https://groen.nl/zomer?ref=x&utm_source=instagram&utm_medium=influencer&utm_campaign=zomer-2026&utm_content=sanne.groen#top")
        );
        assert!(found.qr_svg.as_deref().unwrap().contains("<svg"));
        assert_eq!((found.discount_code.as_str(), found.customer_discount_bp, found.missing), ("SANNEGROEN10", Some(1000), None));
        let dir = tempfile::tempdir().unwrap();
        for format in [QrFormat::Svg, QrFormat::Png] {
            let path = dir.path().join(format!("qr.{}", format.extension()));
            save_qr(ws.conn(), id, format, &path).unwrap();
            let bytes = std::fs::read(&path).unwrap();
            assert!(if format == QrFormat::Png { bytes.starts_with(b"\x89PNG") } else { bytes.starts_with(b"<?xml") });
        }
    }

    #[test]
    fn a_campaign_without_a_landing_url_says_so_and_saves_no_qr_code() {
        let ws = Workspace::in_memory(&Settings::new("Groen", "EUR", "nl-NL")).unwrap();
        let id = collaboration(&ws, "");
        let found = collaboration_link(ws.conn(), id).unwrap();
        assert_eq!((found.link, found.missing), (None, Some(LinkMissing::LandingUrl)));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("qr.svg");
        assert!(matches!(save_qr(ws.conn(), id, QrFormat::Svg, &path), Err(Error::Validation(_))));
        assert!(!path.exists());
        assert!(matches!(collaboration_link(ws.conn(), 9), Err(Error::NotFound { what: "collaboration", .. })));
    }
}
