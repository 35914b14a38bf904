//! Payout runs in the workspace (schema 6; decision 0011): a draft computed from the ledger,
//! finalised, marked paid.
//!
//! Contract:
//! - [`compute_run`] makes the workspace's one draft (or computes it again): fees that fell due
//!   are booked first ([`super::fees::book_fees_due`]), then every creator with something to
//!   take as of the cut-off — approved unpaid commission lines (`hold_until <= cutoff`, not
//!   rejected, not taken by a finalised run), fee lines due by then, adjustments from then —
//!   is decided by [`super::plan::plan`]: payable, carried or blocked with the reason. A draft
//!   takes nothing: it holds the decision and the amounts only. The cut-off is never after
//!   today (a commission still on hold is never paid) nor before the last finalised run's.
//! - [`finalise_run`] decides again inside its write; when anything differs from the draft the
//!   person saw, nothing is finalised, the draft is computed again and the refusal says so.
//!   Otherwise the run takes (records as `payout_items`) every item of its payable creators
//!   and is locked: the schema refuses any later change to it and any item taken twice.
//! - [`mark_paid`] records the payment (day, reference) of one payable creator or of every
//!   unpaid one, marks their commission lines paid by their items, and audits each creator.
//! - Carried in: what the previous finalised run could have taken (eligible at its cut-off and
//!   booked before it was finalised) and did not. Per creator, always
//!   `payable + carried_out = commissions + fees + adjustments + carried_in`; VAT on top of
//!   `payable` for a VAT-registered creator's fees and adjustments (rounded per item).

use super::plan::{plan, CreatorDue, Item, ItemKind, Method, Outcome, PayoutDetails};
use crate::commissions::rounding::apply_rate;
use crate::error::{Error, FieldError, Result};
use crate::money::{format_plain, Currency};
use crate::workspace::{audit_money, now_utc, Actor, Concerning, Workspace};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RunState {
    Draft,
    Finalised,
}

/// What a run decided for one creator, with the amounts in the run's currency's minor units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RunCreator {
    pub creator_id: i64,
    pub name: String,
    /// `payable`, `carried` or `blocked`.
    pub outcome: &'static str,
    /// `below_minimum` / `below_zero` (carried); the missing detail (blocked); `''` (payable).
    pub reason_code: String,
    /// The English sentence for a carried or blocked creator.
    pub reason: String,
    /// `paypal`, `bank` or `''`.
    pub method: &'static str,
    /// The PayPal email or the IBAN the run found.
    pub destination: String,
    pub account_holder: String,
    /// `none`, `registered` or `reverse_charge`.
    pub vat_status: String,
    pub vat_number: String,
    pub vat_rate_bp: i64,
    pub commissions_minor: i64,
    pub fees_minor: i64,
    pub adjustments_minor: i64,
    pub carried_in_minor: i64,
    pub payable_minor: i64,
    pub vat_minor: i64,
    pub carried_out_minor: i64,
    /// How many commission lines, fee lines and adjustments make the total.
    pub items: i64,
    pub paid_on: Option<String>,
    pub paid_reference: Option<String>,
}

impl RunCreator {
    /// What is transferred: the payable amount and its VAT.
    pub fn to_pay_minor(&self) -> i64 {
        self.payable_minor + self.vat_minor
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RunSummary {
    pub id: i64,
    pub state: RunState,
    pub cutoff: String,
    pub currency: String,
    pub min_payout_minor: i64,
    pub computed_at: String,
    pub finalised_at: Option<String>,
    pub payable: i64,
    pub carried: i64,
    pub blocked: i64,
    /// Payable creators whose payment is recorded.
    pub paid: i64,
    /// Payable amounts with their VAT: what the run transfers.
    pub to_pay_minor: i64,
    pub paid_minor: i64,
    pub carried_out_minor: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Run {
    pub summary: RunSummary,
    /// Payable first, then blocked, then carried; by name within each.
    pub creators: Vec<RunCreator>,
}

/// The previous finalised run, as the next one needs it (carried in).
#[derive(Debug, Clone, Default)]
struct Previous {
    id: Option<i64>,
    cutoff: String,
    last_line: i64,
    last_fee: i64,
    last_adjustment: i64,
}

/// A fee line or an adjustment a run can take.
#[derive(Debug, Clone, Copy)]
struct SmallItem {
    id: i64,
    creator_id: i64,
    amount: i64,
    carried: bool,
}

struct Gathered {
    creators: Vec<RunCreator>,
    fees: Vec<SmallItem>,
    adjustments: Vec<SmallItem>,
    /// Per creator, the VAT of each fee line and adjustment (by kind and id).
    vat: BTreeMap<(ItemKind, i64), i64>,
}

/// The commission lines a run with this cut-off can take: approved, unpaid, not rejected, in
/// the run's currency, and not taken by a finalised run waiting for its payment.
const ELIGIBLE_LINES: &str = "l.hold_until <= ?1 AND l.currency = ?2 AND l.payout_line_id IS NULL AND l.rejected_at IS NULL
    AND l.id NOT IN (SELECT i.commission_line_id FROM payout_items i JOIN payout_creators c ON c.run_id = i.run_id AND c.creator_id = i.creator_id
                     WHERE c.paid_on IS NULL AND i.commission_line_id IS NOT NULL)";

/// Makes (or computes again) the draft run with this cut-off.
pub fn compute_run(ws: &mut Workspace, cutoff: NaiveDate, today: NaiveDate) -> Result<Run> {
    let actor = ws.actor();
    let settings = ws.settings()?;
    let currency = settings.currency();
    let id = ws.write(|tx| compute_in(tx, actor, currency, cutoff, today))?;
    load_run(ws.conn(), id)
}

fn compute_in(tx: &Connection, actor: Actor, currency: Currency, cutoff: NaiveDate, today: NaiveDate) -> Result<i64> {
    if cutoff > today {
        return Err(Error::Validation(vec![FieldError::new(
            "cutoff",
            "payout_cutoff_in_future",
            format!("The cut-off {cutoff} is after today: a run pays only what is approved by its cut-off, so choose today or an earlier day."),
        )
        .with_value(cutoff.to_string())]));
    }
    let previous = previous_finalised(tx)?;
    let cutoff_text = cutoff.format("%Y-%m-%d").to_string();
    if previous.id.is_some() && cutoff_text < previous.cutoff {
        return Err(Error::Validation(vec![FieldError::new(
            "cutoff",
            "payout_cutoff_before_last",
            format!("The last finalised run had the cut-off {}: a new run's cut-off cannot be earlier.", previous.cutoff),
        )
        .with_value(cutoff_text)]));
    }
    super::fees::book_fees_due(tx, actor, currency.code(), today)?;
    let min_payout: i64 = tx.query_row("SELECT min_payout_minor FROM workspace_settings WHERE id = 1", [], |r| r.get(0))?;
    let gathered = gather(tx, currency, min_payout, &cutoff_text, &previous)?;
    let now = now_utc();
    let draft: Option<i64> = tx.query_row("SELECT id FROM payout_runs WHERE state = 'draft'", [], |r| r.get(0)).optional()?;
    let id = match draft {
        Some(id) => {
            tx.execute("DELETE FROM payout_creators WHERE run_id = ?1", [id])?;
            tx.execute(
                "UPDATE payout_runs SET cutoff = ?2, currency = ?3, min_payout_minor = ?4, previous_run_id = ?5, computed_at = ?6 WHERE id = ?1",
                params![id, cutoff_text, currency.code(), min_payout, previous.id, now],
            )?;
            id
        }
        None => {
            tx.execute(
                "INSERT INTO payout_runs (state, cutoff, currency, min_payout_minor, previous_run_id, created_at, computed_at) VALUES ('draft', ?1, ?2, ?3, ?4, ?5, ?5)",
                params![cutoff_text, currency.code(), min_payout, previous.id, now],
            )?;
            tx.last_insert_rowid()
        }
    };
    insert_creators(tx, id, &gathered.creators)?;
    let payable: i64 = gathered.creators.iter().filter(|c| c.outcome == "payable").map(RunCreator::to_pay_minor).sum();
    audit_money(
        tx,
        actor,
        "payout_run",
        Some(id),
        "compute",
        &format!(
            "draft up to {cutoff_text}: {} creator(s), {} {} payable",
            gathered.creators.len(),
            format_plain(payable, currency),
            currency.code()
        ),
        Concerning { creator_id: None, run_id: Some(id) },
    )?;
    Ok(id)
}

/// What a run with cut-off `cutoff` would decide now, read only (nothing is booked or
/// stored): fees that fell due but are not booked yet are not in it (see
/// [`super::fees::fees_to_book`]).
pub fn preview(conn: &Connection, cutoff: NaiveDate) -> Result<Vec<RunCreator>> {
    let code: String = conn.query_row("SELECT currency FROM workspace_settings WHERE id = 1", [], |r| r.get(0))?;
    let currency = Currency::parse(&code).ok_or_else(|| Error::BadFile(format!("the workspace currency is {code:?}")))?;
    let min_payout: i64 = conn.query_row("SELECT min_payout_minor FROM workspace_settings WHERE id = 1", [], |r| r.get(0))?;
    let previous = previous_finalised(conn)?;
    Ok(gather(conn, currency, min_payout, &cutoff.format("%Y-%m-%d").to_string(), &previous)?.creators)
}

/// Finalises the draft `run_id` (see the module documentation).
pub fn finalise_run(ws: &mut Workspace, run_id: i64, today: NaiveDate) -> Result<Run> {
    let actor = ws.actor();
    let currency = ws.settings()?.currency();
    let outcome = ws.write(|tx| finalise_in(tx, actor, currency, run_id, today))?;
    if let Finalised::Changed { cutoff } = outcome {
        compute_run(ws, cutoff, today)?;
        return Err(Error::Validation(vec![FieldError::new(
            "run",
            "payout_run_changed",
            "The ledger changed since this draft was computed (new or refunded orders, a fee, an adjustment or payout details). The draft was computed again: check it, then finalise it.",
        )]));
    }
    load_run(ws.conn(), run_id)
}

enum Finalised {
    Done,
    Changed { cutoff: NaiveDate },
}

fn finalise_in(tx: &Connection, actor: Actor, currency: Currency, run_id: i64, today: NaiveDate) -> Result<Finalised> {
    let (state, cutoff_text, min_payout): (String, String, i64) = tx
        .query_row("SELECT state, cutoff, min_payout_minor FROM payout_runs WHERE id = ?1", [run_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?
        .ok_or(Error::NotFound { what: "payout run", id: run_id })?;
    if state != "draft" {
        return Err(Error::Validation(vec![FieldError::new("run", "payout_run_finalised", format!("Run {run_id} is finalised already: it never changes."))]));
    }
    let cutoff = NaiveDate::parse_from_str(&cutoff_text, "%Y-%m-%d").map_err(|_| Error::BadFile(format!("payout run {run_id} has the cut-off {cutoff_text:?}")))?;
    let settings_min: i64 = tx.query_row("SELECT min_payout_minor FROM workspace_settings WHERE id = 1", [], |r| r.get(0))?;
    let booked = super::fees::book_fees_due(tx, actor, currency.code(), today)?;
    let previous = previous_finalised(tx)?;
    let gathered = gather(tx, currency, min_payout, &cutoff_text, &previous)?;
    let mut stored = creators_of(tx, run_id)?;
    stored.sort_by_key(|c| c.creator_id);
    if booked != super::fees::FeesBooked::default() || settings_min != min_payout || stored != gathered.creators {
        // The fees booked here are facts (they fell due) and are kept; the draft is computed
        // again by the caller.
        return Ok(Finalised::Changed { cutoff });
    }
    // The commission lines of the payable creators, taken at once.
    tx.execute(
        &format!(
            "INSERT INTO payout_items (run_id, creator_id, commission_line_id, amount_minor, vat_minor, carried)
             SELECT ?3, l.creator_id, l.id, l.amount_minor, 0, (l.hold_until <= ?4 AND l.id <= ?5)
             FROM commission_lines l
             WHERE {ELIGIBLE_LINES}
               AND l.creator_id IN (SELECT creator_id FROM payout_creators WHERE run_id = ?3 AND outcome = 'payable')"
        ),
        params![cutoff_text, currency.code(), run_id, previous.cutoff, previous.last_line],
    )?;
    let payable: std::collections::HashSet<i64> = gathered.creators.iter().filter(|c| c.outcome == "payable").map(|c| c.creator_id).collect();
    let mut insert = tx.prepare(
        "INSERT INTO payout_items (run_id, creator_id, fee_line_id, adjustment_id, amount_minor, vat_minor, carried) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (kind, items) in [(ItemKind::Fee, &gathered.fees), (ItemKind::Adjustment, &gathered.adjustments)] {
        for item in items.iter().filter(|i| payable.contains(&i.creator_id)) {
            let vat = gathered.vat.get(&(kind, item.id)).copied().unwrap_or(0);
            let (fee, adjustment) = if kind == ItemKind::Fee { (Some(item.id), None) } else { (None, Some(item.id)) };
            insert.execute(params![run_id, item.creator_id, fee, adjustment, item.amount, vat, item.carried])?;
        }
    }
    // What was taken is exactly what the run decided to pay: counted, not assumed.
    let (count, amount, vat): (i64, i64, i64) = tx.query_row(
        "SELECT count(*), coalesce(sum(amount_minor), 0), coalesce(sum(vat_minor), 0) FROM payout_items WHERE run_id = ?1",
        [run_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let decided = gathered.creators.iter().filter(|c| c.outcome == "payable");
    let (want_count, want_amount, want_vat) = decided.fold((0, 0, 0), |(n, a, v), c| (n + c.items, a + c.payable_minor, v + c.vat_minor));
    if (count, amount, vat) != (want_count, want_amount, want_vat) {
        return Err(Error::BadFile(format!(
            "payout run {run_id}: took {count} items of {amount} (VAT {vat}) but decided {want_count} of {want_amount} (VAT {want_vat}); nothing was finalised"
        )));
    }
    let now = now_utc();
    tx.execute(
        "UPDATE payout_runs SET state = 'finalised', finalised_at = ?2, previous_run_id = ?3,
             last_commission_line_id = (SELECT coalesce(max(id), 0) FROM commission_lines),
             last_fee_line_id = (SELECT coalesce(max(id), 0) FROM fee_lines),
             last_adjustment_id = (SELECT coalesce(max(id), 0) FROM payout_adjustments)
         WHERE id = ?1",
        params![run_id, now, previous.id],
    )?;
    audit_money(
        tx,
        actor,
        "payout_run",
        Some(run_id),
        "finalise",
        &format!("finalised up to {cutoff_text}: {} creator(s) payable, {} {} with VAT, {count} item(s) taken", payable.len(), format_plain(amount + vat, currency), currency.code()),
        Concerning { creator_id: None, run_id: Some(run_id) },
    )?;
    Ok(Finalised::Done)
}

/// What [`mark_paid`] recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paid {
    pub creators: usize,
    /// Payable amounts with their VAT.
    pub amount_minor: i64,
    pub commission_lines: usize,
}

/// Records the payment of `creator_id` in finalised run `run_id`, or of every payable creator
/// not yet paid when `creator_id` is `None`.
pub fn mark_paid(ws: &mut Workspace, run_id: i64, creator_id: Option<i64>, paid_on: NaiveDate, reference: &str) -> Result<Paid> {
    let actor = ws.actor();
    let reference = reference.trim().to_string();
    ws.write(|tx| {
        let (state, currency): (String, String) = tx
            .query_row("SELECT state, currency FROM payout_runs WHERE id = ?1", [run_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
            .ok_or(Error::NotFound { what: "payout run", id: run_id })?;
        let currency = Currency::parse(&currency).ok_or_else(|| Error::BadFile(format!("payout run {run_id} has the currency {currency:?}")))?;
        if reference.is_empty() {
            return Err(Error::Validation(vec![FieldError::new(
                "reference",
                "reference_required",
                "Give the payment's reference (the bank's batch number, the PayPal payout ID): it is kept with the payment.",
            )]));
        }
        if state != "finalised" {
            return Err(Error::Validation(vec![FieldError::new(
                "run",
                "payout_run_not_finalised",
                format!("Run {run_id} is a draft: finalise it before you record its payment."),
            )]));
        }
        let targets: Vec<RunCreator> = creators_of(tx, run_id)?
            .into_iter()
            .filter(|c| creator_id.is_none_or(|id| id == c.creator_id))
            .collect();
        if let Some(id) = creator_id {
            match targets.first() {
                None => {
                    return Err(Error::Validation(vec![FieldError::new("creator", "payout_creator_not_in_run", format!("This creator has nothing in run {run_id}."))
                        .with_value(id.to_string())]))
                }
                Some(c) if c.outcome != "payable" => {
                    return Err(Error::Validation(vec![FieldError::new(
                        "creator",
                        "payout_creator_not_payable",
                        format!("{} is {} in run {run_id}, so there is nothing to pay them.", c.name, c.outcome),
                    )]))
                }
                Some(c) if c.paid_on.is_some() => {
                    return Err(Error::Validation(vec![FieldError::new(
                        "creator",
                        "payout_already_paid",
                        format!("{}'s payment in run {run_id} was recorded already (on {}).", c.name, c.paid_on.as_deref().unwrap_or_default()),
                    )]))
                }
                Some(_) => {}
            }
        }
        let unpaid: Vec<&RunCreator> = targets.iter().filter(|c| c.outcome == "payable" && c.paid_on.is_none()).collect();
        if unpaid.is_empty() {
            return Err(Error::Validation(vec![FieldError::new("run", "payout_already_paid", format!("Every payable creator of run {run_id} is paid already."))]));
        }
        let lines = tx.execute(
            "UPDATE commission_lines SET payout_line_id = i.id
             FROM payout_items i
             WHERE i.commission_line_id = commission_lines.id AND i.run_id = ?1
               AND i.creator_id IN (SELECT creator_id FROM payout_creators
                                    WHERE run_id = ?1 AND outcome = 'payable' AND paid_on IS NULL AND (?2 IS NULL OR creator_id = ?2))",
            params![run_id, creator_id],
        )?;
        let day = paid_on.format("%Y-%m-%d").to_string();
        let now = now_utc();
        let mut record = tx.prepare("UPDATE payout_creators SET paid_on = ?3, paid_reference = ?4, paid_at = ?5 WHERE run_id = ?1 AND creator_id = ?2")?;
        let mut amount = 0;
        for c in &unpaid {
            record.execute(params![run_id, c.creator_id, day, reference, now])?;
            amount += c.to_pay_minor();
            let by = if c.method == "paypal" { "PayPal" } else { "bank transfer" };
            audit_money(
                tx,
                actor,
                "payout_run",
                Some(run_id),
                "paid",
                &format!("{} {} paid to {} by {by} on {day}, reference {reference}", format_plain(c.to_pay_minor(), currency), currency.code(), c.name),
                Concerning { creator_id: Some(c.creator_id), run_id: Some(run_id) },
            )?;
        }
        Ok(Paid { creators: unpaid.len(), amount_minor: amount, commission_lines: lines })
    })
}

/// Throws the draft away (nothing of it was taken).
pub fn discard_draft(ws: &mut Workspace, run_id: i64) -> Result<()> {
    let actor = ws.actor();
    ws.write(|tx| {
        let state: String = tx
            .query_row("SELECT state FROM payout_runs WHERE id = ?1", [run_id], |r| r.get(0))
            .optional()?
            .ok_or(Error::NotFound { what: "payout run", id: run_id })?;
        if state != "draft" {
            return Err(Error::Validation(vec![FieldError::new("run", "payout_run_finalised", format!("Run {run_id} is finalised already: it never changes."))]));
        }
        tx.execute("DELETE FROM payout_runs WHERE id = ?1", [run_id])?;
        audit_money(tx, actor, "payout_run", Some(run_id), "discard", "draft discarded", Concerning { creator_id: None, run_id: Some(run_id) })
    })
}

fn previous_finalised(tx: &Connection) -> Result<Previous> {
    Ok(tx
        .query_row(
            "SELECT id, cutoff, last_commission_line_id, last_fee_line_id, last_adjustment_id FROM payout_runs
             WHERE state = 'finalised' ORDER BY finalised_at DESC, id DESC LIMIT 1",
            [],
            |r| Ok(Previous { id: Some(r.get(0)?), cutoff: r.get(1)?, last_line: r.get(2)?, last_fee: r.get(3)?, last_adjustment: r.get(4)? }),
        )
        .optional()?
        .unwrap_or_default())
}

/// Everything a run with this cut-off can take, decided per creator (by creator id).
fn gather(tx: &Connection, currency: Currency, min_payout: i64, cutoff: &str, previous: &Previous) -> Result<Gathered> {
    // creator → (new commission lines, carried ones, how many lines)
    let mut lines: BTreeMap<i64, (i64, i64, i64)> = BTreeMap::new();
    {
        let mut stmt = tx.prepare_cached(&format!(
            "SELECT l.creator_id,
                    sum(CASE WHEN l.hold_until <= ?3 AND l.id <= ?4 THEN 0 ELSE l.amount_minor END),
                    sum(CASE WHEN l.hold_until <= ?3 AND l.id <= ?4 THEN l.amount_minor ELSE 0 END),
                    count(*)
             FROM commission_lines l INDEXED BY commission_lines_by_creator
             WHERE {ELIGIBLE_LINES}
             GROUP BY l.creator_id"
        ))?;
        let mut rows = stmt.query(params![cutoff, currency.code(), previous.cutoff, previous.last_line])?;
        while let Some(r) = rows.next()? {
            lines.insert(r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?));
        }
    }
    let small = |sql: &str, last: i64| -> Result<Vec<SmallItem>> {
        let mut stmt = tx.prepare(sql)?;
        let items = stmt
            .query_map(params![cutoff, currency.code(), previous.cutoff, last], |r| {
                Ok(SmallItem { id: r.get(0)?, creator_id: r.get(1)?, amount: r.get(2)?, carried: r.get(3)? })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(items)
    };
    let fees = small(
        "SELECT f.id, f.creator_id, f.amount_minor, (f.due_on <= ?3 AND f.id <= ?4) FROM fee_lines f
         WHERE f.due_on <= ?1 AND f.currency = ?2 AND f.id NOT IN (SELECT fee_line_id FROM payout_items WHERE fee_line_id IS NOT NULL)
         ORDER BY f.id",
        previous.last_fee,
    )?;
    let adjustments = small(
        "SELECT a.id, a.creator_id, a.amount_minor, (a.on_date <= ?3 AND a.id <= ?4) FROM payout_adjustments a
         WHERE a.on_date <= ?1 AND a.currency = ?2 AND a.id NOT IN (SELECT adjustment_id FROM payout_items WHERE adjustment_id IS NOT NULL)
         ORDER BY a.id",
        previous.last_adjustment,
    )?;
    let mut per_creator: BTreeMap<i64, Vec<Item>> = BTreeMap::new();
    let mut counts: BTreeMap<i64, i64> = BTreeMap::new();
    for (&creator, &(new, carried, count)) in &lines {
        let items = per_creator.entry(creator).or_default();
        // The lines go in summed (a run of a million lines decides on sums); finalising takes them one by one.
        items.push(Item { kind: ItemKind::Commission, id: 0, amount_minor: new, carried: false });
        items.push(Item { kind: ItemKind::Commission, id: 0, amount_minor: carried, carried: true });
        *counts.entry(creator).or_default() += count;
    }
    for (kind, list) in [(ItemKind::Fee, &fees), (ItemKind::Adjustment, &adjustments)] {
        for i in list {
            per_creator.entry(i.creator_id).or_default().push(Item { kind, id: i.id, amount_minor: i.amount, carried: i.carried });
            *counts.entry(i.creator_id).or_default() += 1;
        }
    }
    let mut details = tx.prepare_cached(
        "SELECT display_name, payout_method, paypal_email, iban, account_holder, vat_status, vat_number, vat_rate_bp FROM creators WHERE id = ?1",
    )?;
    let mut due = Vec::with_capacity(per_creator.len());
    let mut vat_of: BTreeMap<i64, (String, String, i64)> = BTreeMap::new();
    for (creator, items) in per_creator {
        let (name, method, email, iban, holder, vat_status, vat_number, vat_rate): (String, String, String, String, String, String, String, i64) =
            details.query_row([creator], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?)))?;
        let details = match method.as_str() {
            "paypal" => PayoutDetails::Paypal { email },
            "bank" => PayoutDetails::Bank { iban, account_holder: holder },
            _ => PayoutDetails::None,
        };
        vat_of.insert(creator, (vat_status, vat_number, vat_rate));
        due.push(CreatorDue { creator_id: creator, name, details, items });
    }
    let plans = plan(currency, min_payout, &due).map_err(|r| Error::Validation(vec![r.into_field_error("run")]))?;
    let mut vat: BTreeMap<(ItemKind, i64), i64> = BTreeMap::new();
    let mut creators = Vec::with_capacity(plans.len());
    let by_id: BTreeMap<i64, &CreatorDue> = due.iter().map(|d| (d.creator_id, d)).collect();
    for p in plans {
        let d = by_id[&p.creator_id];
        let (vat_status, vat_number, vat_rate) = vat_of.remove(&p.creator_id).unwrap_or_default();
        let (outcome, reason_code, reason, method) = match &p.outcome {
            Outcome::Payable { method } => ("payable", String::new(), String::new(), Some(*method)),
            Outcome::Carried { reason } => {
                let words = if *reason == "below_zero" {
                    "Below zero (clawbacks or deductions outweigh earnings): carried to the next run.".to_string()
                } else {
                    format!("Below the minimum payout of {} {}: carried to the next run.", format_plain(min_payout, currency), currency.code())
                };
                ("carried", reason.to_string(), words, method_of(&d.details))
            }
            Outcome::Blocked { code, message } => ("blocked", code.to_string(), message.clone(), method_of(&d.details)),
        };
        let (destination, account_holder) = match &d.details {
            PayoutDetails::Paypal { email } => (email.trim().to_string(), String::new()),
            PayoutDetails::Bank { iban, account_holder } => (crate::roster::validate::compact_iban(iban), account_holder.trim().to_string()),
            PayoutDetails::None => (String::new(), String::new()),
        };
        let mut vat_minor = 0;
        if outcome == "payable" && vat_status == "registered" && vat_rate > 0 {
            for item in d.items.iter().filter(|i| i.kind != ItemKind::Commission) {
                let v = apply_rate(item.amount_minor, vat_rate as u32).map_err(|r| Error::Validation(vec![r.into_field_error("run")]))?;
                vat.insert((item.kind, item.id), v);
                vat_minor += v;
            }
        }
        creators.push(RunCreator {
            creator_id: p.creator_id,
            name: d.name.clone(),
            outcome,
            reason_code,
            reason,
            method: match method {
                Some(Method::Paypal) => "paypal",
                Some(Method::Bank) => "bank",
                None => "",
            },
            destination,
            account_holder,
            vat_status,
            vat_number,
            vat_rate_bp: vat_rate,
            commissions_minor: p.commissions.minor,
            fees_minor: p.fees.minor,
            adjustments_minor: p.adjustments.minor,
            carried_in_minor: p.carried_in.minor,
            payable_minor: p.payable.minor,
            vat_minor,
            carried_out_minor: p.carried_out.minor,
            items: counts.get(&p.creator_id).copied().unwrap_or(0),
            paid_on: None,
            paid_reference: None,
        });
    }
    Ok(Gathered { creators, fees, adjustments, vat })
}

fn method_of(details: &PayoutDetails) -> Option<Method> {
    match details {
        PayoutDetails::Paypal { .. } => Some(Method::Paypal),
        PayoutDetails::Bank { .. } => Some(Method::Bank),
        PayoutDetails::None => None,
    }
}

fn insert_creators(tx: &Connection, run_id: i64, creators: &[RunCreator]) -> Result<()> {
    let mut stmt = tx.prepare(
        "INSERT INTO payout_creators (run_id, creator_id, name, outcome, reason_code, reason, method, destination, account_holder,
             vat_status, vat_number, vat_rate_bp, commissions_minor, fees_minor, adjustments_minor, carried_in_minor, payable_minor,
             vat_minor, carried_out_minor, items)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
    )?;
    for c in creators {
        stmt.execute(params![
            run_id, c.creator_id, c.name, c.outcome, c.reason_code, c.reason, c.method, c.destination, c.account_holder, c.vat_status, c.vat_number,
            c.vat_rate_bp, c.commissions_minor, c.fees_minor, c.adjustments_minor, c.carried_in_minor, c.payable_minor, c.vat_minor,
            c.carried_out_minor, c.items
        ])?;
    }
    Ok(())
}

fn outcome_word(text: &str) -> &'static str {
    match text {
        "payable" => "payable",
        "blocked" => "blocked",
        _ => "carried",
    }
}

fn method_word(text: &str) -> &'static str {
    match text {
        "paypal" => "paypal",
        "bank" => "bank",
        _ => "",
    }
}

/// The creators of a run as stored, by creator id.
fn creators_of(conn: &Connection, run_id: i64) -> Result<Vec<RunCreator>> {
    let mut stmt = conn.prepare_cached(
        "SELECT creator_id, name, outcome, reason_code, reason, method, destination, account_holder, vat_status, vat_number, vat_rate_bp,
                commissions_minor, fees_minor, adjustments_minor, carried_in_minor, payable_minor, vat_minor, carried_out_minor, items,
                paid_on, paid_reference
         FROM payout_creators WHERE run_id = ?1 ORDER BY creator_id",
    )?;
    let rows = stmt.query_map([run_id], |r| {
        Ok(RunCreator {
            creator_id: r.get(0)?,
            name: r.get(1)?,
            outcome: outcome_word(&r.get::<_, String>(2)?),
            reason_code: r.get(3)?,
            reason: r.get(4)?,
            method: method_word(&r.get::<_, String>(5)?),
            destination: r.get(6)?,
            account_holder: r.get(7)?,
            vat_status: r.get(8)?,
            vat_number: r.get(9)?,
            vat_rate_bp: r.get(10)?,
            commissions_minor: r.get(11)?,
            fees_minor: r.get(12)?,
            adjustments_minor: r.get(13)?,
            carried_in_minor: r.get(14)?,
            payable_minor: r.get(15)?,
            vat_minor: r.get(16)?,
            carried_out_minor: r.get(17)?,
            items: r.get(18)?,
            paid_on: r.get(19)?,
            paid_reference: r.get(20)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

const SUMMARY: &str = "SELECT r.id, r.state, r.cutoff, r.currency, r.min_payout_minor, r.computed_at, r.finalised_at,
        coalesce(sum(c.outcome = 'payable'), 0), coalesce(sum(c.outcome = 'carried'), 0), coalesce(sum(c.outcome = 'blocked'), 0),
        coalesce(sum(c.paid_on IS NOT NULL), 0),
        coalesce(sum(CASE WHEN c.outcome = 'payable' THEN c.payable_minor + c.vat_minor END), 0),
        coalesce(sum(CASE WHEN c.paid_on IS NOT NULL THEN c.payable_minor + c.vat_minor END), 0),
        coalesce(sum(c.carried_out_minor), 0)
    FROM payout_runs r LEFT JOIN payout_creators c ON c.run_id = r.id";

fn summary_row(r: &rusqlite::Row) -> rusqlite::Result<RunSummary> {
    Ok(RunSummary {
        id: r.get(0)?,
        state: if r.get::<_, String>(1)? == "draft" { RunState::Draft } else { RunState::Finalised },
        cutoff: r.get(2)?,
        currency: r.get(3)?,
        min_payout_minor: r.get(4)?,
        computed_at: r.get(5)?,
        finalised_at: r.get(6)?,
        payable: r.get(7)?,
        carried: r.get(8)?,
        blocked: r.get(9)?,
        paid: r.get(10)?,
        to_pay_minor: r.get(11)?,
        paid_minor: r.get(12)?,
        carried_out_minor: r.get(13)?,
    })
}

/// Every run, the newest first.
pub fn list_runs(conn: &Connection) -> Result<Vec<RunSummary>> {
    let mut stmt = conn.prepare(&format!("{SUMMARY} GROUP BY r.id ORDER BY r.id DESC"))?;
    let rows = stmt.query_map([], summary_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One run with its creators: payable, blocked, carried; by name within each.
pub fn load_run(conn: &Connection, run_id: i64) -> Result<Run> {
    let summary = conn
        .query_row(&format!("{SUMMARY} WHERE r.id = ?1 GROUP BY r.id"), [run_id], summary_row)
        .optional()?
        .ok_or(Error::NotFound { what: "payout run", id: run_id })?;
    let mut creators = creators_of(conn, run_id)?;
    let rank = |o: &str| match o {
        "payable" => 0,
        "blocked" => 1,
        _ => 2,
    };
    creators.sort_by_cached_key(|c| (rank(c.outcome), crate::roster::folding::fold(&c.name), c.creator_id));
    Ok(Run { summary, creators })
}

/// The workspace's draft run, if it has one.
pub fn draft_run(conn: &Connection) -> Result<Option<i64>> {
    Ok(conn.query_row("SELECT id FROM payout_runs WHERE state = 'draft'", [], |r| r.get(0)).optional()?)
}
