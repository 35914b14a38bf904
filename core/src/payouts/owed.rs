//! What a client owes its creators, read only: per workspace, what a run up to today would pay
//! (and to how many), what it would carry or block, what finalised runs still wait to have
//! paid, and the fees that fell due but are not booked yet; across the recent workspaces, each
//! client's figures or what kept them from being read.
//!
//! Contract: never writes (a workspace opened for reading); amounts in each workspace's own
//! currency, never added across clients.

use super::runs::preview;
use crate::error::{ErrorPayload, Result};
use crate::workspace::{schema_version_of, Workspace, SCHEMA_VERSION};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Owed {
    pub brand_name: String,
    pub currency: String,
    /// As of this day (the cut-off of the run it previews).
    pub as_of: String,
    pub payable_minor: i64,
    pub payable_creators: i64,
    pub carried_minor: i64,
    pub carried_creators: i64,
    pub blocked_minor: i64,
    pub blocked_creators: i64,
    /// Finalised runs' payable creators whose payment is not recorded yet.
    pub awaiting_payment_minor: i64,
    pub awaiting_payment_creators: i64,
    /// Fees that fell due that the next run books (not in the figures above).
    pub fees_to_book_minor: i64,
    pub fees_to_book: i64,
    pub draft_run: Option<i64>,
    pub last_paid_on: Option<String>,
}

impl Owed {
    /// Everything owed: payable now, carried, blocked, waiting for payment, fees to book.
    pub fn total_minor(&self) -> i64 {
        self.payable_minor
            + self.carried_minor
            + self.blocked_minor
            + self.awaiting_payment_minor
            + self.fees_to_book_minor
    }
}

/// What the workspace on `conn` owes as of `today`.
pub fn owed(conn: &Connection, today: NaiveDate) -> Result<Owed> {
    let (brand_name, currency): (String, String) = conn.query_row(
        "SELECT brand_name, currency FROM workspace_settings WHERE id = 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let creators = preview(conn, today)?;
    let sum = |outcome: &str| -> (i64, i64) {
        let of: Vec<_> = creators.iter().filter(|c| c.outcome == outcome).collect();
        (
            of.iter()
                .map(|c| {
                    if outcome == "payable" {
                        c.to_pay_minor()
                    } else {
                        c.carried_out_minor
                    }
                })
                .sum(),
            of.len() as i64,
        )
    };
    let (payable_minor, payable_creators) = sum("payable");
    let (carried_minor, carried_creators) = sum("carried");
    let (blocked_minor, blocked_creators) = sum("blocked");
    let (awaiting_payment_minor, awaiting_payment_creators): (i64, i64) = conn.query_row(
        "SELECT coalesce(sum(c.payable_minor + c.vat_minor), 0), count(*) FROM payout_creators c JOIN payout_runs r ON r.id = c.run_id
         WHERE r.state = 'finalised' AND c.outcome = 'payable' AND c.paid_on IS NULL",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let (fees_to_book, fees_to_book_minor) = super::fees::fees_to_book(conn)?;
    let draft_run = super::runs::draft_run(conn)?;
    let last_paid_on: Option<String> =
        conn.query_row("SELECT max(paid_on) FROM payout_creators", [], |r| r.get(0))?;
    Ok(Owed {
        brand_name,
        currency,
        as_of: today.format("%Y-%m-%d").to_string(),
        payable_minor,
        payable_creators,
        carried_minor,
        carried_creators,
        blocked_minor,
        blocked_creators,
        awaiting_payment_minor,
        awaiting_payment_creators,
        fees_to_book_minor,
        fees_to_book: fees_to_book as i64,
        draft_run,
        last_paid_on,
    })
}

/// One client's entry of the overview.
#[derive(Debug, Clone, Serialize)]
pub struct ClientOwed {
    pub path: String,
    /// The brand, or the file's name when the file could not be read.
    pub brand_name: String,
    pub owed: Option<Owed>,
    /// Made by an older Chorus: open it on its own to update it (a backup is made first).
    pub needs_update: bool,
    pub error: Option<ErrorPayload>,
}

/// What each workspace of `paths` owes as of `today`, in the order given.
pub fn owed_across(paths: &[PathBuf], today: NaiveDate) -> Vec<ClientOwed> {
    paths.iter().map(|p| client_owed(p, today)).collect()
}

fn client_owed(path: &Path, today: NaiveDate) -> ClientOwed {
    let file_name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut entry = ClientOwed {
        path: path.display().to_string(),
        brand_name: file_name,
        owed: None,
        needs_update: false,
        error: None,
    };
    let read = match schema_version_of(path) {
        Ok(version) if version < SCHEMA_VERSION => {
            entry.needs_update = true;
            return entry;
        }
        Ok(_) => Workspace::open_for_reading(path).and_then(|ws| owed(ws.conn(), today)),
        Err(e) => Err(e),
    };
    match read {
        Ok(o) => {
            entry.brand_name = o.brand_name.clone();
            entry.owed = Some(o);
        }
        Err(e) => entry.error = Some(e.to_payload()),
    }
    entry
}
