//! What an affiliate list would do to one campaign, worked out against the workspace without
//! writing: which creators are matched (platform + handle, the roster's matching) or new, which
//! collaborations are new, updated or unchanged, which codes and rules change, and every
//! problem that only the workspace or the whole file shows (a code another creator holds, a
//! code or an affiliate twice in the file, a collaboration that is not an affiliate one, a new
//! creator the roster's form would refuse). Read in a fixed number of passes over the tables.

use super::rows::AffiliateRow;
use super::{AffiliateLine, Counts};
use crate::campaigns::{CollaborationKind, CollaborationStatus};
use crate::commissions::rules::Rule;
use crate::commissions::rules_store::StoredRule;
use crate::error::{Result, RowError};
use crate::money::Currency;
use crate::roster::import::owners::HandleOwners;
use crate::roster::import::row_error;
use crate::roster::model::{CreatorDraft, CreatorRecord, HandleDraft, Platform};
use crate::roster::validate::validate_draft;
use crate::sales::codes::{self, CodeHolder};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use std::collections::HashMap;

/// A collaboration of the campaign as stored.
#[derive(Debug, Clone)]
pub(crate) struct StoredCollaboration {
    pub id: i64,
    pub kind: CollaborationKind,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub code: String,
    pub customer_discount_bp: Option<u32>,
}

/// Who a row's creator is.
#[derive(Debug, Clone)]
pub(crate) enum CreatorStep {
    New(Box<CreatorRecord>),
    Matched(i64),
}

/// What one good row will write.
#[derive(Debug, Clone)]
pub(crate) struct Step {
    pub row: u64,
    pub creator: CreatorStep,
    pub creator_name: String,
    /// The stored collaboration, None for a new one.
    pub collaboration: Option<StoredCollaboration>,
    /// The status of a new collaboration.
    pub status: CollaborationStatus,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub dates_change: bool,
    /// The code it will have ('' for none) and whether that is a change.
    pub code: String,
    pub code_change: bool,
    pub code_column: String,
    pub rule: Option<(Rule, String)>,
    pub rule_before: Option<StoredRule>,
    pub rule_change: bool,
    pub platform: Platform,
    pub handle: String,
}

impl Step {
    pub fn changes_anything(&self) -> bool {
        self.collaboration.is_none() || self.dates_change || self.code_change || self.rule_change
    }

    pub fn line(&self) -> AffiliateLine {
        AffiliateLine {
            row: self.row,
            creator_name: self.creator_name.clone(),
            platform: self.platform,
            handle: self.handle.clone(),
            creator: if matches!(self.creator, CreatorStep::New(_)) { "new" } else { "matched" },
            collaboration: match (&self.collaboration, self.changes_anything()) {
                (None, _) => "new",
                (Some(_), true) => "updated",
                (Some(_), false) => "unchanged",
            },
            status: self.collaboration.is_none().then_some(self.status),
            code: self.code.clone(),
            code_changed: self.code_change,
            rule: self.rule.as_ref().map(|(r, _)| r.describe()).or_else(|| self.rule_before.as_ref().map(|r| r.description.clone())).unwrap_or_default(),
            rule_machine: self.rule.as_ref().map(|(r, _)| r.machine_text()).or_else(|| self.rule_before.as_ref().map(|r| r.machine_text.clone())).unwrap_or_default(),
            rule_changed: self.rule_change,
        }
    }
}

/// The columns a row's problems are named at.
pub(crate) struct Places {
    pub name: String,
    pub email: String,
    pub code: String,
    pub start: String,
    pub end: String,
}

/// Works out the steps of `rows` for campaign `campaign_id`, pushing every problem. With
/// `skip`, a row with a problem is left out and the rest still planned.
#[allow(clippy::too_many_arguments)]
pub(crate) fn plan(conn: &Connection, campaign_id: i64, rows: Vec<AffiliateRow>, places: &Places, currency: Currency, today: NaiveDate, skip: bool, problems: &mut Vec<RowError>) -> Result<Vec<Step>> {
    let stored = stored_collaborations(conn, campaign_id)?;
    let rules = stored_rules(conn, campaign_id)?;
    let mut owners = HandleOwners::new(conn, rows.len())?;
    let mut name_of = conn.prepare_cached("SELECT display_name FROM creators WHERE id = ?1")?;
    let mut seen: HashMap<(Platform, String), u64> = HashMap::with_capacity(rows.len());
    // A creator on the roster once, whichever of their handles a row names.
    let mut creator_rows: HashMap<i64, u64> = HashMap::new();
    let mut steps = Vec::with_capacity(rows.len());
    let refused: std::collections::HashSet<u64> = problems.iter().map(|p| p.row).collect();
    for r in rows {
        let Some(identity) = r.identity.clone() else { continue };
        if let Some(earlier) = seen.get(&identity) {
            let msg = format!("@{} on {} is also in row {earlier}; each affiliate can be in the file only once.", r.handle, identity.0.label());
            problems.push(row_error(r.row, &r.identity_column, "duplicate_in_file", Some(r.handle.clone()), &msg));
            continue;
        }
        seen.insert(identity.clone(), r.row);
        if skip && refused.contains(&r.row) {
            continue;
        }
        let before = problems.len();
        let owner = owners.owner(&identity)?;
        let (creator, creator_name) = match owner {
            Some(id) => (CreatorStep::Matched(id), name_of.query_row([id], |row| row.get::<_, String>(0)).optional()?.unwrap_or_default()),
            None => match new_creator(&r, identity.0, currency, places) {
                Ok(record) => {
                    let name = record.display_name.clone();
                    (CreatorStep::New(Box::new(record)), name)
                }
                Err(errors) => {
                    problems.extend(errors);
                    continue;
                }
            },
        };
        if let Some(id) = owner {
            if let Some(earlier) = creator_rows.insert(id, r.row) {
                let msg = format!("@{} belongs to {creator_name}, who is also in row {earlier} with another handle; each affiliate can be in the file only once.", r.handle);
                problems.push(row_error(r.row, &r.identity_column, "duplicate_in_file", Some(r.handle.clone()), &msg));
                continue;
            }
        }
        let collaboration = owner.and_then(|id| stored.get(&id).cloned());
        if let Some(c) = collaboration.as_ref().filter(|c| !matches!(c.kind, CollaborationKind::Affiliate | CollaborationKind::Hybrid)) {
            let msg = format!("{creator_name} is already in this campaign as a {} collaboration: make it affiliate or hybrid in Chorus first, or leave this row out.", c.kind.label().to_lowercase());
            problems.push(row_error(r.row, &r.identity_column, "collaboration_not_affiliate", Some(c.kind.as_str().to_string()), &msg));
            continue;
        }
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string());
        let starts_on = date(r.starts_on).or_else(|| collaboration.as_ref().and_then(|c| c.starts_on.clone()));
        let ends_on = date(r.ends_on).or_else(|| collaboration.as_ref().and_then(|c| c.ends_on.clone()));
        if let (Some(s), Some(e), true) = (&starts_on, &ends_on, r.starts_on.is_none() || r.ends_on.is_none()) {
            if e < s {
                let (column, value) = if r.ends_on.is_some() { (&places.end, e) } else { (&places.start, s) };
                let msg = format!("The collaboration would end on {e}, before it starts on {s}.");
                problems.push(row_error(r.row, column, "end_before_start", Some(value.clone()), &msg));
                continue;
            }
        }
        let dates_change = collaboration.as_ref().is_some_and(|c| c.starts_on != starts_on || c.ends_on != ends_on);
        let stored_code = collaboration.as_ref().map(|c| c.code.clone()).unwrap_or_default();
        let code = if r.code.is_empty() { stored_code.clone() } else { r.code.clone() };
        let rule_before = collaboration.as_ref().and_then(|c| rules.get(&c.id).cloned());
        let rule_change = r.rule.as_ref().is_some_and(|(rule, written)| rule_before.as_ref().is_none_or(|b| b.machine_text != rule.machine_text() || b.as_written != *written));
        if problems.len() > before {
            continue;
        }
        steps.push(Step {
            row: r.row,
            creator,
            creator_name,
            status: status_for(starts_on.as_deref(), ends_on.as_deref(), today),
            collaboration,
            starts_on,
            ends_on,
            dates_change,
            code_change: code != stored_code,
            code,
            code_column: places.code.clone(),
            rule: r.rule,
            rule_before,
            rule_change,
            platform: identity.0,
            handle: r.handle,
        });
    }
    drop(name_of);
    check_codes(conn, &mut steps, skip, problems)?;
    Ok(steps)
}

/// Active; agreed when its start lies ahead; completed when its end has passed.
fn status_for(starts_on: Option<&str>, ends_on: Option<&str>, today: NaiveDate) -> CollaborationStatus {
    let today = today.to_string();
    match (starts_on, ends_on) {
        (Some(s), _) if s > today.as_str() => CollaborationStatus::Agreed,
        (_, Some(e)) if e < today.as_str() => CollaborationStatus::Completed,
        _ => CollaborationStatus::Active,
    }
}

/// A new creator as the roster's form would save them; its problems at the row's columns.
fn new_creator(r: &AffiliateRow, platform: Platform, currency: Currency, places: &Places) -> Result<CreatorRecord, Vec<RowError>> {
    let draft = CreatorDraft {
        display_name: if r.name.is_empty() { r.handle.clone() } else { r.name.clone() },
        email: r.email.clone(),
        handles: vec![HandleDraft { platform: platform.as_str().to_string(), handle: r.handle.clone(), profile_url: r.profile_url.clone(), followers: String::new() }],
        ..Default::default()
    };
    validate_draft(&draft, currency).map_err(|errors| {
        errors
            .into_iter()
            .map(|e| {
                let column = match e.field.as_str() {
                    "display_name" => &places.name,
                    "email" => &places.email,
                    _ => &r.identity_column,
                };
                row_error(r.row, column, e.code, e.value, &e.message)
            })
            .collect()
    })
}

/// The codes after the import, unique ignoring case: a code another collaboration keeps, or a
/// code twice in the file, is a problem (the row that asks for it is named; nothing renamed).
/// Codes the file moves between its own collaborations are allowed.
fn check_codes(conn: &Connection, steps: &mut Vec<Step>, skip: bool, problems: &mut Vec<RowError>) -> Result<()> {
    let in_use = crate::sales::discount_codes::codes_in_use(conn)?;
    loop {
        // Each stored code's holder, minus the codes this file takes away from their holders.
        let mut holder: HashMap<String, Holder> = in_use.iter().map(|(k, (id, h))| (k.clone(), Holder::Stored(*id, h.clone()))).collect();
        for s in steps.iter().filter(|s| s.code_change) {
            if let Some(c) = &s.collaboration {
                holder.remove(&codes::code_key(&c.code));
            }
        }
        let mut bad: Vec<usize> = Vec::new();
        for (i, s) in steps.iter().enumerate().filter(|(_, s)| !s.code.is_empty()) {
            let key = codes::code_key(&s.code);
            let own = s.collaboration.as_ref().map(|c| c.id);
            match holder.get(&key) {
                Some(Holder::Stored(id, _)) if Some(*id) == own => {}
                Some(Holder::Stored(_, h)) => {
                    let c = codes::CodeCollision { code: s.code.clone(), holder: h.clone() };
                    problems.push(row_error(s.row, &s.code_column, "code_taken", Some(s.code.clone()), &c.to_string()));
                    bad.push(i);
                }
                Some(Holder::Row(row)) => {
                    let msg = format!("The code {} is also in row {row}; each code can be in the file only once.", s.code);
                    problems.push(row_error(s.row, &s.code_column, "code_in_file_twice", Some(s.code.clone()), &msg));
                    bad.push(i);
                }
                None => {
                    holder.insert(key, Holder::Row(s.row));
                }
            }
        }
        if bad.is_empty() || !skip {
            return Ok(());
        }
        // Left out: those rows keep what they had, so the codes are worked out again.
        for i in bad.into_iter().rev() {
            steps.remove(i);
        }
    }
}

enum Holder {
    Stored(i64, CodeHolder),
    Row(u64),
}

/// The campaign's collaborations by creator.
fn stored_collaborations(conn: &Connection, campaign_id: i64) -> Result<HashMap<i64, StoredCollaboration>> {
    let mut stmt = conn.prepare_cached("SELECT creator_id, id, kind, starts_on, ends_on, discount_code, customer_discount_bp FROM collaborations WHERE campaign_id = ?1")?;
    let rows = stmt.query_map([campaign_id], |r| {
        let kind: String = r.get(2)?;
        Ok((
            r.get::<_, i64>(0)?,
            StoredCollaboration {
                id: r.get(1)?,
                kind: CollaborationKind::parse(&kind).unwrap_or(CollaborationKind::Gifted),
                starts_on: r.get(3)?,
                ends_on: r.get(4)?,
                code: r.get(5)?,
                customer_discount_bp: r.get(6)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The campaign's collaborations' own rules, by collaboration, in one query.
fn stored_rules(conn: &Connection, campaign_id: i64) -> Result<HashMap<i64, StoredRule>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.id, r.rule, r.as_written, r.updated_at FROM collaborations l JOIN commission_rules r ON r.level = 'collaboration' AND r.owner_id = l.id
         WHERE l.campaign_id = ?1",
    )?;
    let mut rows = stmt.query([campaign_id])?;
    let mut out = HashMap::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let owner = crate::commissions::rules_store::RuleOwner::Collaboration(id);
        out.insert(id, crate::commissions::rules_store::stored_rule(owner, r.get(1)?, r.get(2)?, r.get(3)?)?);
    }
    Ok(out)
}

/// Counts of a plan, for the report.
pub(crate) fn count(steps: &[Step]) -> Counts {
    let mut c = Counts::default();
    for s in steps {
        match s.creator {
            CreatorStep::New(_) => c.creators_new += 1,
            CreatorStep::Matched(_) => c.creators_matched += 1,
        }
        match (&s.collaboration, s.changes_anything()) {
            (None, _) => c.collaborations_new += 1,
            (Some(_), true) => c.collaborations_updated += 1,
            (Some(_), false) => c.collaborations_unchanged += 1,
        }
        c.codes_set += u64::from(s.code_change);
        c.rules_set += u64::from(s.rule_change);
    }
    c
}
