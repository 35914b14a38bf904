//! Campaigns: create, update (with the revision it was based on), archive and restore, delete,
//! read. The brief and brand rules (hashtags, mentions, disclosure) live here and become each
//! deliverable's checklist.
//!
//! Archive: a campaign with history is never deleted; it is archived instead. An archived
//! campaign keeps everything and can be opened, edited and restored, but it takes no new
//! creators, and nothing of it asks for anything on Today (its open deliverables, gifts to pack,
//! gifts awaiting a post and idle collaborations go quiet; usage rights still warn before they
//! end, because the brand may still be using the posts). See
//! `docs/decisions/0007-archived-campaigns.md`.
//!
//! Landing URL (schema 4): where the campaign's tracking links lead, read with
//! [`crate::sales::links::landing_url`] (`https://` added when none was typed; anything that is
//! not a web page address is refused with its code); empty while the campaign has none. A
//! change is written in the update's audit line like a budget change.

use super::fields::{self, Checks, MAX_LONG, MAX_SHORT};
use super::{CampaignDraft, Goal};
use crate::error::{Error, FieldError, Result};
use crate::money::{Currency, Money};
use crate::workspace::{audit, now_utc, Workspace};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

/// A stored campaign, with the draft its edit form starts from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Campaign {
    pub id: i64,
    pub revision: i64,
    pub name: String,
    pub goal: Goal,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub budget: Money,
    pub niche: String,
    pub target_audience: String,
    pub brief: String,
    pub dos: String,
    pub donts: String,
    pub required_hashtags: String,
    pub required_mentions: String,
    pub disclosure: String,
    pub utm_slug: String,
    /// Where its tracking links lead (`https://…`); empty while it has none.
    pub landing_url: String,
    /// The day it was archived (`YYYY-MM-DD`); None while it is in use.
    pub archived_on: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub draft: CampaignDraft,
}

/// A validated campaign, ready to be written.
struct CampaignRecord {
    name: String,
    goal: Goal,
    starts_on: Option<String>,
    ends_on: Option<String>,
    budget_minor: i64,
    niche: String,
    target_audience: String,
    brief: String,
    dos: String,
    donts: String,
    required_hashtags: String,
    required_mentions: String,
    disclosure: String,
    utm_slug: String,
    landing_url: String,
}

/// Validates a draft for campaign `own` (None: a new one), its UTM value against the other
/// campaigns' included, and reports every problem at once.
fn validate(conn: &Connection, d: &CampaignDraft, currency: Currency, own: Option<i64>) -> Result<CampaignRecord> {
    let mut c = Checks::default();
    let name = c.required_line("name", "The campaign name", &d.name, MAX_SHORT);
    let goal = c.choice("goal", "goal", &d.goal, Goal::parse, None);
    let starts = c.date("starts_on", &d.starts_on);
    let ends = c.date("ends_on", &d.ends_on);
    c.order(starts, ends, "ends_on");
    let budget_minor = c.money("budget", &d.budget, currency, d.spelling);
    let slug_text = d.utm_slug.trim();
    let utm_slug = if slug_text.is_empty() { fields::slugify(&name) } else { slug_text.to_string() };
    if !slug_text.is_empty() && !fields::is_slug(slug_text) {
        c.push(
            FieldError::new("utm_slug", "invalid_slug", format!("“{slug_text}” cannot be a UTM campaign value: use lower-case letters, digits and dashes, no spaces (like {}).", fields::slugify(slug_text)))
                .with_value(fields::slugify(slug_text)),
        );
    } else if let Some(taken) = slug_taken(conn, &utm_slug, own)? {
        c.push(taken);
    }
    let landing_url = landing(&mut c, &d.landing_url);
    let record = CampaignRecord {
        landing_url,
        goal: goal.unwrap_or(Goal::Awareness),
        starts_on: fields::date_text(starts),
        ends_on: fields::date_text(ends),
        budget_minor,
        niche: c.line("niche", "The niche", &d.niche, MAX_SHORT),
        target_audience: c.text("target_audience", "The target audience", &d.target_audience, MAX_LONG),
        brief: c.text("brief", "The brief", &d.brief, MAX_LONG),
        dos: c.text("dos", "The do's", &d.dos, MAX_LONG),
        donts: c.text("donts", "The don'ts", &d.donts, MAX_LONG),
        required_hashtags: c.line("required_hashtags", "The hashtags", &fields::tidy_tags(&d.required_hashtags, '#'), MAX_SHORT),
        required_mentions: c.line("required_mentions", "The mentions", &fields::tidy_tags(&d.required_mentions, '@'), MAX_SHORT),
        disclosure: c.line("disclosure", "The ad disclosure", &d.disclosure, MAX_SHORT),
        utm_slug,
        name,
    };
    c.finish(record)
}

/// Adds a campaign.
pub fn create(ws: &mut Workspace, draft: &CampaignDraft) -> Result<Campaign> {
    let actor = ws.actor();
    let id = ws.write(|tx| {
        let currency = crate::workspace::settings::load(tx)?.currency();
        let r = validate(tx, draft, currency, None)?;
        let now = now_utc();
        tx.execute(
            "INSERT INTO campaigns (name, goal, starts_on, ends_on, budget_minor, niche, target_audience, brief, dos, donts,
                 required_hashtags, required_mentions, disclosure, utm_slug, created_at, updated_at, landing_url)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15, ?16)",
            params![r.name, r.goal.as_str(), r.starts_on, r.ends_on, r.budget_minor, r.niche, r.target_audience, r.brief, r.dos, r.donts,
                r.required_hashtags, r.required_mentions, r.disclosure, r.utm_slug, now, r.landing_url],
        )?;
        let id = tx.last_insert_rowid();
        let landing = if r.landing_url.is_empty() { String::new() } else { format!(", landing page {}", r.landing_url) };
        audit(tx, actor, "campaign", Some(id), "create", &format!("{} (budget {}{landing})", r.name, crate::money::format_plain(r.budget_minor, currency)))?;
        Ok(id)
    })?;
    get(ws, id)
}

/// Replaces a campaign's details, if nobody changed it since `revision`.
pub fn update(ws: &mut Workspace, id: i64, revision: i64, draft: &CampaignDraft) -> Result<Campaign> {
    let actor = ws.actor();
    ws.write(|tx| {
        let before = load(tx, id)?;
        if before.revision != revision {
            return Err(Error::StaleEdit { id });
        }
        let currency = crate::workspace::settings::load(tx)?.currency();
        let r = validate(tx, draft, currency, Some(id))?;
        tx.execute(
            "UPDATE campaigns SET name = ?2, goal = ?3, starts_on = ?4, ends_on = ?5, budget_minor = ?6, niche = ?7,
                 target_audience = ?8, brief = ?9, dos = ?10, donts = ?11, required_hashtags = ?12, required_mentions = ?13,
                 disclosure = ?14, utm_slug = ?15, revision = revision + 1, updated_at = ?16, landing_url = ?17
             WHERE id = ?1",
            params![id, r.name, r.goal.as_str(), r.starts_on, r.ends_on, r.budget_minor, r.niche, r.target_audience, r.brief, r.dos, r.donts,
                r.required_hashtags, r.required_mentions, r.disclosure, r.utm_slug, now_utc(), r.landing_url],
        )?;
        let mut changes = Vec::new();
        if before.budget.minor != r.budget_minor {
            changes.push(format!("budget {} → {}", crate::money::format_plain(before.budget.minor, currency), crate::money::format_plain(r.budget_minor, currency)));
        }
        if before.landing_url != r.landing_url {
            changes.push(landing_change(&before.landing_url, &r.landing_url));
        }
        let detail = if changes.is_empty() { r.name.clone() } else { format!("{}: {}", r.name, changes.join(", ")) };
        audit(tx, actor, "campaign", Some(id), "update", &detail)?;
        // Collaborations without dates of their own count in the campaign's, and links name
        // its UTM value: when those move, its orders are decided again and the ledger follows.
        if before.starts_on != r.starts_on || before.ends_on != r.ends_on || before.utm_slug != r.utm_slug {
            let now = now_utc();
            let collaborations: Vec<i64> =
                tx.prepare("SELECT id FROM collaborations WHERE campaign_id = ?1")?.query_map([id], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
            let mut moved = Vec::new();
            for collaboration in collaborations {
                moved.extend(crate::sales::attribution::reattribute_collaboration(tx, collaboration, &now)?);
            }
            crate::commissions::ledger::book_orders(tx, &moved, &now)?;
        }
        Ok(())
    })?;
    get(ws, id)
}

/// Deletes a campaign that has no collaborations. One that has them is refused: those hold
/// fees, gifts and history, so the campaign is kept; archive it instead.
pub fn delete(ws: &mut Workspace, id: i64) -> Result<()> {
    let actor = ws.actor();
    ws.write(|tx| {
        let c = load(tx, id)?;
        let collaborations: i64 = tx.query_row("SELECT count(*) FROM collaborations WHERE campaign_id = ?1", [id], |r| r.get(0))?;
        if collaborations > 0 {
            return Err(Error::Validation(vec![FieldError::new(
                "campaign",
                "campaign_has_collaborations",
                format!(
                    "“{}” has {}, so it is kept with its history. Archive it instead to put it away.",
                    c.name,
                    crate::words::counted(collaborations, "collaboration", "collaborations")
                ),
            )
            .with_value(collaborations.to_string())]));
        }
        tx.execute("DELETE FROM campaigns WHERE id = ?1", [id])?;
        audit(tx, actor, "campaign", Some(id), "delete", &c.name)?;
        Ok(())
    })
}

/// Archives a campaign: it leaves the list, the pickers and Today, and keeps its history.
/// Archiving one that is already archived changes nothing.
pub fn archive(ws: &mut Workspace, id: i64) -> Result<Campaign> {
    set_archived(ws, id, true)
}

/// Brings an archived campaign back into use (into the list, the pickers and Today).
pub fn restore(ws: &mut Workspace, id: i64) -> Result<Campaign> {
    set_archived(ws, id, false)
}

fn set_archived(ws: &mut Workspace, id: i64, archived: bool) -> Result<Campaign> {
    let actor = ws.actor();
    ws.write(|tx| {
        let c = load(tx, id)?;
        if c.archived_on.is_some() == archived {
            return Ok(());
        }
        let day = archived.then(|| fields::local_today().to_string());
        tx.execute("UPDATE campaigns SET archived_on = ?2, updated_at = ?3 WHERE id = ?1", params![id, day, now_utc()])?;
        audit(tx, actor, "campaign", Some(id), if archived { "archive" } else { "restore" }, &c.name)?;
        Ok(())
    })?;
    get(ws, id)
}

/// The refusal for adding creators to an archived campaign.
pub(crate) fn refuse_if_archived(c: &Campaign) -> Result<()> {
    if c.archived_on.is_none() {
        return Ok(());
    }
    Err(Error::Validation(vec![FieldError::new(
        "campaign_id",
        "campaign_archived",
        format!("“{}” is archived. Restore it before adding creators to it.", c.name),
    )
    .with_value(&c.name)]))
}

/// One campaign.
pub fn get(ws: &Workspace, id: i64) -> Result<Campaign> {
    load(ws.conn(), id)
}

/// Finds a campaign by id, UTM slug or exact name (any case): what the CLI accepts.
pub fn find(ws: &Workspace, text: &str) -> Result<Option<Campaign>> {
    let t = text.trim();
    let id: Option<i64> = ws
        .conn()
        .query_row(
            "SELECT id FROM campaigns WHERE CAST(id AS TEXT) = ?1 OR utm_slug = lower(?1) OR lower(name) = lower(?1) ORDER BY id LIMIT 1",
            [t],
            |r| r.get(0),
        )
        .optional()?;
    id.map(|id| get(ws, id)).transpose()
}

pub(crate) fn load(conn: &Connection, id: i64) -> Result<Campaign> {
    let currency = crate::workspace::settings::load(conn)?.currency();
    conn.query_row(
        "SELECT id, revision, name, goal, starts_on, ends_on, budget_minor, niche, target_audience, brief, dos, donts,
                required_hashtags, required_mentions, disclosure, utm_slug, created_at, updated_at, archived_on, landing_url
         FROM campaigns WHERE id = ?1",
        [id],
        |r| {
            let goal: String = r.get(3)?;
            let budget_minor: i64 = r.get(6)?;
            let mut c = Campaign {
                id: r.get(0)?,
                revision: r.get(1)?,
                name: r.get(2)?,
                goal: Goal::parse(&goal).unwrap_or(Goal::Awareness),
                starts_on: r.get(4)?,
                ends_on: r.get(5)?,
                budget: Money { minor: budget_minor, currency },
                niche: r.get(7)?,
                target_audience: r.get(8)?,
                brief: r.get(9)?,
                dos: r.get(10)?,
                donts: r.get(11)?,
                required_hashtags: r.get(12)?,
                required_mentions: r.get(13)?,
                disclosure: r.get(14)?,
                utm_slug: r.get(15)?,
                landing_url: r.get(19)?,
                archived_on: r.get(18)?,
                created_at: r.get(16)?,
                updated_at: r.get(17)?,
                draft: CampaignDraft::default(),
            };
            c.draft = to_draft(&c);
            Ok(c)
        },
    )
    .optional()?
    .ok_or(Error::NotFound { what: "campaign", id })
}

fn to_draft(c: &Campaign) -> CampaignDraft {
    CampaignDraft {
        name: c.name.clone(),
        goal: c.goal.as_str().into(),
        starts_on: c.starts_on.clone().unwrap_or_default(),
        ends_on: c.ends_on.clone().unwrap_or_default(),
        budget: if c.budget.minor == 0 { String::new() } else { crate::money::format_unmistakable(c.budget.minor, c.budget.currency) },
        niche: c.niche.clone(),
        target_audience: c.target_audience.clone(),
        brief: c.brief.clone(),
        dos: c.dos.clone(),
        donts: c.donts.clone(),
        required_hashtags: c.required_hashtags.clone(),
        required_mentions: c.required_mentions.clone(),
        disclosure: c.disclosure.clone(),
        utm_slug: c.utm_slug.clone(),
        landing_url: c.landing_url.clone(),
        spelling: crate::numbers::Spelling::Unknown,
    }
}

/// The landing URL of a draft as stored: empty for none, else in its normal form; a refusal
/// (not a web address) joins the draft's other problems.
fn landing(c: &mut Checks, text: &str) -> String {
    if text.trim().is_empty() {
        return String::new();
    }
    match crate::sales::links::landing_url(text) {
        Ok(url) => url,
        Err(Error::Validation(errors)) => {
            errors.into_iter().for_each(|e| c.push(e));
            String::new()
        }
        Err(_) => String::new(),
    }
}

/// The audit words of a landing URL that changed.
fn landing_change(before: &str, after: &str) -> String {
    let shown = |u: &str| if u.is_empty() { "none".to_string() } else { u.to_string() };
    format!("landing page {} → {}", shown(before), shown(after))
}

/// The field error when another campaign than `own` already has the UTM value `slug`.
fn slug_taken(conn: &Connection, slug: &str, own: Option<i64>) -> Result<Option<FieldError>> {
    if slug.is_empty() {
        return Ok(None);
    }
    let other: Option<String> = conn
        .query_row("SELECT name FROM campaigns WHERE utm_slug = ?1 AND id IS NOT ?2", params![slug, own], |r| r.get(0))
        .optional()?;
    Ok(other.map(|name| {
        FieldError::new(
            "utm_slug",
            "slug_taken",
            format!("The UTM value “{slug}” already belongs to the campaign “{name}”: every campaign needs its own, or sales would be counted twice."),
        )
        .with_value(slug)
    }))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::campaigns::CollaborationDraft;
    use crate::workspace::settings::Settings;

    pub(crate) fn workspace() -> Workspace {
        Workspace::in_memory(&Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap()
    }

    pub(crate) fn summer() -> CampaignDraft {
        CampaignDraft {
            name: "Summer 2026".into(),
            goal: "sales".into(),
            starts_on: "2026-06-01".into(),
            ends_on: "31-08-2026".into(),
            budget: "5.000,00".into(),
            required_hashtags: "zonzomer, StudioZon".into(),
            required_mentions: "studiozon".into(),
            disclosure: "#advertentie".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_campaign_is_stored_tidy_with_a_slug_and_exact_budget() {
        let mut ws = workspace();
        let c = create(&mut ws, &summer()).unwrap();
        assert_eq!(c.name, "Summer 2026");
        assert_eq!(c.goal, Goal::Sales);
        assert_eq!(c.ends_on.as_deref(), Some("2026-08-31"));
        assert_eq!(c.budget.minor, 500_000);
        assert_eq!(c.required_hashtags, "#zonzomer #StudioZon");
        assert_eq!(c.required_mentions, "@studiozon");
        assert_eq!(c.utm_slug, "summer-2026");
        assert_eq!(c.draft.budget, "5000.00");
        assert_eq!(find(&ws, "SUMMER 2026").unwrap().unwrap().id, c.id);
        assert_eq!(find(&ws, "summer-2026").unwrap().unwrap().id, c.id);
    }

    #[test]
    fn bad_campaign_fields_are_each_named() {
        let mut ws = workspace();
        let draft = CampaignDraft {
            name: " ".into(),
            goal: "fame".into(),
            starts_on: "2026-09-01".into(),
            ends_on: "2026-08-01".into(),
            budget: "12,345".into(),
            utm_slug: "Summer Sale".into(),
            ..Default::default()
        };
        let Err(Error::Validation(errors)) = create(&mut ws, &draft) else { panic!("must be refused") };
        let codes: Vec<_> = errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            codes,
            vec![("name", "required"), ("goal", "unknown_choice"), ("ends_on", "end_before_start"), ("utm_slug", "invalid_slug")]
        );
        assert_eq!(errors[3].value.as_deref(), Some("summer-sale"), "the message suggests a valid slug");
        let n: i64 = ws.conn().query_row("SELECT count(*) FROM campaigns", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0);
    }

    #[test]
    fn two_campaigns_cannot_share_a_utm_value() {
        let mut ws = workspace();
        create(&mut ws, &summer()).unwrap();
        let Err(Error::Validation(errors)) = create(&mut ws, &CampaignDraft { name: "Summer  2026".into(), goal: "awareness".into(), ..Default::default() }) else {
            panic!("the derived slug clashes")
        };
        assert_eq!(errors[0].code, "slug_taken");
    }

    #[test]
    fn a_taken_utm_value_is_reported_with_the_other_problems_not_after_them() {
        let mut ws = workspace();
        create(&mut ws, &summer()).unwrap();
        let draft = CampaignDraft { name: "Summer 2026".into(), goal: "sales".into(), starts_on: "next week".into(), ..Default::default() };
        let Err(Error::Validation(errors)) = create(&mut ws, &draft) else { panic!("must be refused") };
        let codes: Vec<_> = errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(codes, vec![("starts_on", "invalid_date"), ("utm_slug", "slug_taken")]);
    }

    #[test]
    fn a_stale_edit_is_refused_and_changes_are_audited() {
        let mut ws = workspace();
        let c = create(&mut ws, &summer()).unwrap();
        let mut d = c.draft.clone();
        d.budget = "6000".into();
        let c2 = update(&mut ws, c.id, c.revision, &d).unwrap();
        assert_eq!(c2.budget.minor, 600_000);
        assert!(matches!(update(&mut ws, c.id, c.revision, &d), Err(Error::StaleEdit { .. })));
        let detail: String = ws.conn().query_row("SELECT detail FROM audit_log WHERE entity = 'campaign' AND action = 'update'", [], |r| r.get(0)).unwrap();
        assert_eq!(detail, "Summer 2026: budget 5000.00 → 6000.00");
    }

    #[test]
    fn a_campaign_with_history_is_archived_instead_of_deleted_and_can_be_restored() {
        let (mut ws, l) = crate::campaigns::collaboration::tests::gifted();
        let Err(Error::Validation(e)) = delete(&mut ws, l.campaign_id) else { panic!("a campaign with a collaboration is kept") };
        assert_eq!((e[0].code, e[0].value.as_deref()), ("campaign_has_collaborations", Some("1")));
        assert_eq!(e[0].message, "“Summer 2026” has 1 collaboration, so it is kept with its history. Archive it instead to put it away.");

        let archived = archive(&mut ws, l.campaign_id).unwrap();
        assert_eq!(archived.archived_on, Some(fields::local_today().to_string()));
        assert_eq!(archive(&mut ws, l.campaign_id).unwrap().archived_on, archived.archived_on, "archiving twice changes nothing");
        let listed = crate::campaigns::board::campaign_list(&ws, fields::local_today()).unwrap();
        assert_eq!(listed[0].archived_on, archived.archived_on, "the list marks it");
        assert_eq!(crate::campaigns::collaboration::get(&ws, l.id).unwrap(), l, "its collaborations are kept as they were");

        let restored = restore(&mut ws, l.campaign_id).unwrap();
        assert_eq!(restored.archived_on, None);
        let actions: Vec<String> = ws
            .conn()
            .prepare("SELECT action FROM audit_log WHERE entity = 'campaign' ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(actions, ["create", "archive", "restore"]);
    }

    #[test]
    fn an_archived_campaign_takes_no_new_creators() {
        let (mut ws, l) = crate::campaigns::collaboration::tests::gifted();
        archive(&mut ws, l.campaign_id).unwrap();
        let mut d = crate::roster::model::CreatorDraft { display_name: "Bo Smit".into(), ..Default::default() };
        d.handles.push(crate::roster::model::HandleDraft { platform: "tiktok".into(), handle: "bo.smit".into(), ..Default::default() });
        let bo = crate::roster::creators::create(&mut ws, &d).unwrap().id;
        let draft = CollaborationDraft { campaign_id: l.campaign_id, creator_id: bo, kind: "gifted".into(), ..Default::default() };
        let Err(Error::Validation(e)) = crate::campaigns::collaboration::create(&mut ws, &draft) else { panic!("archived") };
        assert_eq!((e[0].field.as_str(), e[0].code, e[0].value.as_deref()), ("campaign_id", "campaign_archived", Some("Summer 2026")));
        let Err(Error::Validation(e)) = crate::campaigns::collaboration::add_many(&mut ws, l.campaign_id, &[bo], &draft) else { panic!("archived") };
        assert_eq!(e[0].code, "campaign_archived");
        restore(&mut ws, l.campaign_id).unwrap();
        crate::campaigns::collaboration::create(&mut ws, &draft).unwrap();
    }

    #[test]
    fn a_landing_url_typed_without_https_is_kept_as_a_web_address_and_its_change_audited() {
        let mut ws = workspace();
        let c = create(&mut ws, &CampaignDraft { landing_url: " Shop.NL/zomer?ref=ig ".into(), ..summer() }).unwrap();
        assert_eq!(c.landing_url, "https://shop.nl/zomer?ref=ig");
        assert_eq!(c.draft.landing_url, c.landing_url, "the form starts from what is stored");
        let mut d = c.draft.clone();
        d.landing_url = "https://shop.nl/winter".into();
        let c2 = update(&mut ws, c.id, c.revision, &d).unwrap();
        assert_eq!(c2.landing_url, "https://shop.nl/winter");
        let detail: String = ws.conn().query_row("SELECT detail FROM audit_log WHERE entity = 'campaign' AND action = 'update'", [], |r| r.get(0)).unwrap();
        assert_eq!(detail, "Summer 2026: landing page https://shop.nl/zomer?ref=ig → https://shop.nl/winter");
        d.landing_url = String::new();
        assert_eq!(update(&mut ws, c.id, c2.revision, &d).unwrap().landing_url, "", "a campaign may have no landing page");
    }

    #[test]
    fn a_landing_url_that_is_not_a_web_page_is_refused_with_the_other_problems() {
        let mut ws = workspace();
        let draft = CampaignDraft { landing_url: "mailto:info@shop.nl".into(), starts_on: "soon".into(), ..summer() };
        let Err(Error::Validation(errors)) = create(&mut ws, &draft) else { panic!("must be refused") };
        let codes: Vec<_> = errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(codes, vec![("starts_on", "invalid_date"), ("landing_url", "not_web_address")]);
        let Err(Error::Validation(errors)) = create(&mut ws, &CampaignDraft { landing_url: "https://".into(), ..summer() }) else { panic!("no host") };
        assert_eq!(errors[0].code, "invalid_url");
    }

    #[test]
    fn an_empty_campaign_is_deleted() {
        let mut ws = workspace();
        let c = create(&mut ws, &summer()).unwrap();
        delete(&mut ws, c.id).unwrap();
        assert_eq!(get(&ws, c.id).unwrap_err().kind(), "not_found");
    }
}
