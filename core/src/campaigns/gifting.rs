//! Gift shipments: the products sent to a creator, where they went, and where the parcel is.
//!
//! Rules: to pack → shipped → delivered, or returned / lost once shipped. Shipping needs at
//! least one product, the recipient's address, the carrier and the tracking number (missing
//! tracking numbers are where gifting goes wrong). Delivered or returned before shipped is
//! refused, and no date may come before the shipping date. A missing date defaults to today.
//! Values are Σ quantity × unit price, exact in minor units. A new gift can start from the
//! products of an earlier one ([`earlier_gifts`], [`draft_from`]): the same box for the next
//! creator without typing it again.

use super::fields::{self, Checks, MAX_LONG, MAX_SHORT};
use super::{collaboration, CollaborationStatus, GiftItemDraft, ShipmentDraft, ShipmentStatus};
use crate::error::{Error, FieldError, Result};
use crate::money::{Currency, Money};
use crate::workspace::{audit, now_utc, Workspace};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

/// A stored shipment with its products, totals and the draft its form starts from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shipment {
    pub id: i64,
    pub revision: i64,
    pub collaboration_id: i64,
    pub status: ShipmentStatus,
    pub recipient_name: String,
    pub postal_address: String,
    pub city: String,
    pub country: String,
    pub carrier: String,
    pub tracking_number: String,
    /// The carrier's page that follows this parcel (https), when Chorus knows the carrier.
    pub tracking_url: Option<String>,
    pub shipped_on: Option<String>,
    pub delivered_on: Option<String>,
    pub closed_on: Option<String>,
    pub notes: String,
    pub items: Vec<GiftItem>,
    /// Σ quantity × unit cost: what the gift cost the brand.
    pub cost_value: Money,
    /// Σ quantity × unit retail value: what counts as spend and as the creator's compensation.
    pub retail_value: Money,
    pub created_at: String,
    pub updated_at: String,
    pub draft: ShipmentDraft,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GiftItem {
    pub name: String,
    pub sku: String,
    pub quantity: i64,
    pub unit_cost: Money,
    pub unit_retail: Money,
}

struct Record {
    status: ShipmentStatus,
    recipient_name: String,
    postal_address: String,
    city: String,
    country: String,
    carrier: String,
    tracking_number: String,
    shipped_on: Option<String>,
    delivered_on: Option<String>,
    closed_on: Option<String>,
    notes: String,
    items: Vec<(String, String, i64, i64, i64)>,
}

fn validate(d: &ShipmentDraft, from: Option<ShipmentStatus>, currency: Currency, today: NaiveDate) -> Result<Record> {
    use ShipmentStatus::*;
    let mut c = Checks::default();
    let status = c.choice("status", "status", &d.status, ShipmentStatus::parse, Some(ToPack)).unwrap_or(ToPack);
    let recipient_name = c.line("recipient_name", "The recipient", &d.recipient_name, MAX_SHORT);
    let postal_address = c.text("postal_address", "The address", &d.postal_address, 1000);
    let city = c.line("city", "The city", &d.city, MAX_SHORT);
    let country = d.country.trim();
    let country = if country.is_empty() {
        String::new()
    } else {
        crate::roster::validate::country_code(country).unwrap_or_else(|| {
            c.push(FieldError::new("country", "invalid_country", crate::roster::validate::invalid_country_message(country)).with_value(country));
            country.to_string()
        })
    };
    let carrier = c.line("carrier", "The carrier", &d.carrier, MAX_SHORT);
    let tracking_number = c.line("tracking_number", "The tracking number", &d.tracking_number, MAX_SHORT);
    let mut shipped = c.date("shipped_on", &d.shipped_on);
    let mut delivered = c.date("delivered_on", &d.delivered_on);
    let mut closed = c.date("closed_on", &d.closed_on);

    let mut items = Vec::new();
    for (i, item) in d.items.iter().enumerate() {
        if is_blank(item) {
            continue;
        }
        let name = c.required_line(&format!("items.{i}.name"), "The product name", &item.name, MAX_SHORT);
        let sku = c.line(&format!("items.{i}.sku"), "The SKU", &item.sku, MAX_SHORT);
        let quantity = quantity(&mut c, &format!("items.{i}.quantity"), &item.quantity, d.spelling);
        let cost = c.money(&format!("items.{i}.unit_cost"), &item.unit_cost, currency, d.spelling);
        let retail = c.money(&format!("items.{i}.unit_retail"), &item.unit_retail, currency, d.spelling);
        items.push((name, sku, quantity, cost, retail));
    }

    let was_shipped = from.is_some_and(|f| f != ToPack) || shipped.is_some();
    if status != ToPack {
        if items.is_empty() {
            c.push(FieldError::new("items", "no_products", "Add the products in this gift before it ships."));
        }
        if status == Shipped {
            for (field, value, label) in [("recipient_name", &recipient_name, "the recipient"), ("postal_address", &postal_address, "the address"), ("carrier", &carrier, "the carrier")] {
                if value.is_empty() && !c.has(field) {
                    c.push(FieldError::new(field, "required_to_ship", format!("Add {label} before marking the gift shipped.")));
                }
            }
            if tracking_number.is_empty() && !c.has("tracking_number") {
                c.push(FieldError::new("tracking_number", "tracking_required", "Add the tracking number before marking the gift shipped, so the parcel can be followed."));
            }
        }
        if matches!(status, Delivered | Returned | Lost) && !was_shipped {
            c.push(
                FieldError::new("status", "not_shipped_yet", format!("A gift can only be {} after it was shipped. Mark it shipped first.", status.label().to_lowercase()))
                    .with_value(status.as_str()),
            );
        }
        if shipped.is_none() && !c.has("shipped_on") && (status == Shipped || was_shipped) {
            shipped = Some(today);
        }
        if status == Delivered && delivered.is_none() && !c.has("delivered_on") {
            delivered = Some(today);
        }
        if matches!(status, Returned | Lost) && closed.is_none() && !c.has("closed_on") {
            closed = Some(today);
        }
    }
    for (field, date) in [("delivered_on", delivered), ("closed_on", closed)] {
        if let (Some(s), Some(d)) = (shipped, date) {
            if d < s {
                c.push(FieldError::new(field, "before_shipped", format!("This date ({d}) comes before the gift was shipped ({s}).")).with_value(s.to_string()));
            }
        }
    }
    if status == ToPack {
        // Unpacked again: the parcel's dates no longer apply.
        (delivered, closed) = (None, None);
    }
    let notes = c.text("notes", "The notes", &d.notes, MAX_LONG);
    c.finish(())?;
    Ok(Record {
        status,
        recipient_name,
        postal_address,
        city,
        country,
        carrier,
        tracking_number,
        shipped_on: fields::date_text(if status == ToPack { None } else { shipped }),
        delivered_on: fields::date_text(if matches!(status, Delivered | Returned) { delivered } else { None }),
        closed_on: fields::date_text(closed),
        notes,
        items,
    })
}

fn is_blank(item: &GiftItemDraft) -> bool {
    [&item.name, &item.sku, &item.quantity, &item.unit_cost, &item.unit_retail].iter().all(|t| t.trim().is_empty())
}

/// A whole number of at least 1, written as people write counts in `spelling` (`1.000` in
/// Dutch, `1,000` in English); empty is 1.
fn quantity(c: &mut Checks, field: &str, text: &str, spelling: crate::numbers::Spelling) -> i64 {
    let t = text.trim();
    if t.is_empty() {
        return 1;
    }
    match crate::numbers::parse_count(t, spelling) {
        Ok(n) if (1..=100_000).contains(&n) => n,
        _ => {
            c.push(FieldError::new(field, "invalid_quantity", format!("“{t}” is not a quantity: use a whole number from 1.")).with_value(t));
            1
        }
    }
}

/// A new shipment's form, addressed to the collaboration's creator.
pub fn new_draft(ws: &Workspace, collaboration_id: i64) -> Result<ShipmentDraft> {
    let l = collaboration::load(ws.conn(), collaboration_id)?;
    let r = collaboration::recipient(ws.conn(), l.creator_id)?;
    Ok(ShipmentDraft {
        collaboration_id,
        status: ShipmentStatus::ToPack.as_str().into(),
        recipient_name: r.display_name,
        postal_address: r.postal_address,
        city: r.city,
        country: r.country,
        items: vec![GiftItemDraft { quantity: "1".into(), ..Default::default() }],
        ..Default::default()
    })
}

/// A gift whose products a new gift can start from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EarlierGift {
    pub shipment_id: i64,
    pub campaign_name: String,
    pub creator_name: String,
    /// The day it shipped, or the day it was made when it has not shipped (`YYYY-MM-DD`).
    pub on: String,
    pub items: Vec<GiftItem>,
    pub retail_value: Money,
}

/// How many recent gifts [`earlier_gifts`] looks through.
const EARLIER_GIFTS_SCANNED: i64 = 500;

/// The gifts a new gift for collaboration `collaboration_id` can start from: gifts with
/// products, those of the same campaign first, then the newest first; of gifts with the very
/// same products only the newest is listed. At most `limit`, from the 500 most recent gifts.
pub fn earlier_gifts(ws: &Workspace, collaboration_id: i64, limit: usize) -> Result<Vec<EarlierGift>> {
    let conn = ws.conn();
    let campaign_id = collaboration::load(conn, collaboration_id)?.campaign_id;
    let snapshot = conn.unchecked_transaction()?;
    let candidates: Vec<(i64, String, String, String)> = conn
        .prepare_cached(
            "SELECT s.id, k.name, p.display_name, coalesce(s.shipped_on, substr(s.created_at, 1, 10)) AS day
             FROM gift_shipments s JOIN collaborations c ON c.id = s.collaboration_id
                  JOIN campaigns k ON k.id = c.campaign_id JOIN creators p ON p.id = c.creator_id
             WHERE EXISTS (SELECT 1 FROM gift_items i WHERE i.shipment_id = s.id)
             ORDER BY c.campaign_id = ?1 DESC, day DESC, s.id DESC LIMIT ?2",
        )?
        .query_map(params![campaign_id, EARLIER_GIFTS_SCANNED], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (shipment_id, campaign_name, creator_name, on) in candidates {
        if out.len() >= limit {
            break;
        }
        let s = load(conn, shipment_id)?;
        let products: Vec<_> = s.items.iter().map(|i| (i.name.clone(), i.sku.clone(), i.quantity, i.unit_cost.minor, i.unit_retail.minor)).collect();
        if seen.insert(products) {
            out.push(EarlierGift { shipment_id, campaign_name, creator_name, on, items: s.items, retail_value: s.retail_value });
        }
    }
    snapshot.finish()?;
    Ok(out)
}

/// A new gift for collaboration `collaboration_id`, addressed to its creator (as
/// [`new_draft`]), with the products of gift `shipment_id`: names, SKUs, quantities and prices.
pub fn draft_from(ws: &Workspace, collaboration_id: i64, shipment_id: i64) -> Result<ShipmentDraft> {
    let mut draft = new_draft(ws, collaboration_id)?;
    draft.items = load(ws.conn(), shipment_id)?.draft.items;
    Ok(draft)
}

/// Adds a shipment to a collaboration.
pub fn create(ws: &mut Workspace, draft: &ShipmentDraft) -> Result<Shipment> {
    let actor = ws.actor();
    let id = ws.write(|tx| {
        let l = collaboration::load(tx, draft.collaboration_id)?;
        if l.status == CollaborationStatus::Cancelled {
            return Err(Error::Validation(vec![FieldError::new("collaboration", "collaboration_cancelled", "This collaboration is cancelled. Reopen it before sending a gift.")]));
        }
        let currency = crate::workspace::settings::load(tx)?.currency();
        let r = validate(draft, None, currency, fields::local_today())?;
        let now = now_utc();
        tx.execute(
            "INSERT INTO gift_shipments (collaboration_id, status, recipient_name, postal_address, city, country, carrier, tracking_number,
                 shipped_on, delivered_on, closed_on, notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
            params![draft.collaboration_id, r.status.as_str(), r.recipient_name, r.postal_address, r.city, r.country, r.carrier, r.tracking_number,
                r.shipped_on, r.delivered_on, r.closed_on, r.notes, now],
        )?;
        let id = tx.last_insert_rowid();
        write_items(tx, id, &r.items)?;
        collaboration::touch(tx, draft.collaboration_id)?;
        audit(tx, actor, "gift_shipment", Some(id), "create", &format!("to {} for {}: {} ({})", l.creator_name, l.campaign_name, r.status, values_text(&r.items, currency)))?;
        Ok(id)
    })?;
    get(ws, id)
}

/// Replaces a shipment's details and status, if nobody changed it since `revision`.
pub fn update(ws: &mut Workspace, id: i64, revision: i64, draft: &ShipmentDraft) -> Result<Shipment> {
    let actor = ws.actor();
    ws.write(|tx| {
        let before = load(tx, id)?;
        if before.revision != revision {
            return Err(Error::StaleEdit { id });
        }
        let currency = crate::workspace::settings::load(tx)?.currency();
        let r = validate(draft, Some(before.status), currency, fields::local_today())?;
        tx.execute(
            "UPDATE gift_shipments SET status = ?2, recipient_name = ?3, postal_address = ?4, city = ?5, country = ?6, carrier = ?7,
                 tracking_number = ?8, shipped_on = ?9, delivered_on = ?10, closed_on = ?11, notes = ?12, revision = revision + 1, updated_at = ?13
             WHERE id = ?1",
            params![id, r.status.as_str(), r.recipient_name, r.postal_address, r.city, r.country, r.carrier, r.tracking_number, r.shipped_on,
                r.delivered_on, r.closed_on, r.notes, now_utc()],
        )?;
        tx.execute("DELETE FROM gift_items WHERE shipment_id = ?1", [id])?;
        write_items(tx, id, &r.items)?;
        collaboration::touch(tx, before.collaboration_id)?;
        let what = if before.status != r.status { format!("status {} → {}", before.status, r.status) } else { "details".into() };
        audit(tx, actor, "gift_shipment", Some(id), "update", &format!("{what} ({})", values_text(&r.items, currency)))?;
        Ok(())
    })?;
    get(ws, id)
}

/// Removes a shipment that never left (to pack); one that shipped is history and stays.
pub fn delete(ws: &mut Workspace, id: i64) -> Result<()> {
    let actor = ws.actor();
    ws.write(|tx| {
        let s = load(tx, id)?;
        if s.status != ShipmentStatus::ToPack {
            return Err(Error::Validation(vec![FieldError::new("shipment", "sent_gift_kept", "This gift has shipped, so it is kept. Mark it returned or lost if it did not arrive.")]));
        }
        tx.execute("DELETE FROM gift_shipments WHERE id = ?1", [id])?;
        collaboration::touch(tx, s.collaboration_id)?;
        audit(tx, actor, "gift_shipment", Some(id), "delete", &format!("to {}", s.recipient_name))?;
        Ok(())
    })
}

pub fn get(ws: &Workspace, id: i64) -> Result<Shipment> {
    load(ws.conn(), id)
}

fn write_items(conn: &Connection, shipment_id: i64, items: &[(String, String, i64, i64, i64)]) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO gift_items (shipment_id, position, name, sku, quantity, unit_cost_minor, unit_retail_minor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, (name, sku, quantity, cost, retail)) in items.iter().enumerate() {
        stmt.execute(params![shipment_id, i as i64, name, sku, quantity, cost, retail])?;
    }
    Ok(())
}

/// `cost 12.00, retail 89.95` for the audit line.
fn values_text(items: &[(String, String, i64, i64, i64)], currency: Currency) -> String {
    let cost: i64 = items.iter().map(|i| i.2 * i.3).sum();
    let retail: i64 = items.iter().map(|i| i.2 * i.4).sum();
    format!("cost {}, retail {}", crate::money::format_plain(cost, currency), crate::money::format_plain(retail, currency))
}

const COLUMNS: &str = "id, revision, collaboration_id, status, recipient_name, postal_address, city, country, carrier, tracking_number,
     shipped_on, delivered_on, closed_on, notes, created_at, updated_at";

/// A collaboration's shipments, oldest first.
pub(crate) fn list_for(conn: &Connection, collaboration_id: i64) -> Result<Vec<Shipment>> {
    let ids: Vec<i64> = conn
        .prepare_cached("SELECT id FROM gift_shipments WHERE collaboration_id = ?1 ORDER BY id")?
        .query_map([collaboration_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter().map(|id| load(conn, id)).collect()
}

fn load(conn: &Connection, id: i64) -> Result<Shipment> {
    let currency = crate::workspace::settings::load(conn)?.currency();
    let money = |minor| Money { minor, currency };
    let mut s = conn
        .query_row(&format!("SELECT {COLUMNS} FROM gift_shipments WHERE id = ?1"), [id], |r| {
            let status: String = r.get(3)?;
            Ok(Shipment {
                id: r.get(0)?,
                revision: r.get(1)?,
                collaboration_id: r.get(2)?,
                status: ShipmentStatus::parse(&status).unwrap_or(ShipmentStatus::ToPack),
                recipient_name: r.get(4)?,
                postal_address: r.get(5)?,
                city: r.get(6)?,
                country: r.get(7)?,
                carrier: r.get(8)?,
                tracking_number: r.get(9)?,
                tracking_url: None,
                shipped_on: r.get(10)?,
                delivered_on: r.get(11)?,
                closed_on: r.get(12)?,
                notes: r.get(13)?,
                created_at: r.get(14)?,
                updated_at: r.get(15)?,
                items: Vec::new(),
                cost_value: money(0),
                retail_value: money(0),
                draft: ShipmentDraft::default(),
            })
        })
        .optional()?
        .ok_or(Error::NotFound { what: "gift shipment", id })?;
    s.items = conn
        .prepare_cached("SELECT name, sku, quantity, unit_cost_minor, unit_retail_minor FROM gift_items WHERE shipment_id = ?1 ORDER BY position")?
        .query_map([id], |r| Ok(GiftItem { name: r.get(0)?, sku: r.get(1)?, quantity: r.get(2)?, unit_cost: money(r.get(3)?), unit_retail: money(r.get(4)?) }))?
        .collect::<rusqlite::Result<_>>()?;
    s.tracking_url = super::carriers::tracking_url(&s.carrier, &s.tracking_number, &s.country, &s.postal_address);
    s.cost_value = money(s.items.iter().map(|i| i.quantity * i.unit_cost.minor).sum());
    s.retail_value = money(s.items.iter().map(|i| i.quantity * i.unit_retail.minor).sum());
    let plain = |m: Money| if m.minor == 0 { String::new() } else { crate::money::format_unmistakable(m.minor, m.currency) };
    s.draft = ShipmentDraft {
        collaboration_id: s.collaboration_id,
        status: s.status.as_str().into(),
        recipient_name: s.recipient_name.clone(),
        postal_address: s.postal_address.clone(),
        city: s.city.clone(),
        country: s.country.clone(),
        carrier: s.carrier.clone(),
        tracking_number: s.tracking_number.clone(),
        shipped_on: s.shipped_on.clone().unwrap_or_default(),
        delivered_on: s.delivered_on.clone().unwrap_or_default(),
        closed_on: s.closed_on.clone().unwrap_or_default(),
        notes: s.notes.clone(),
        items: s
            .items
            .iter()
            .map(|i| GiftItemDraft { name: i.name.clone(), sku: i.sku.clone(), quantity: i.quantity.to_string(), unit_cost: plain(i.unit_cost), unit_retail: plain(i.unit_retail) })
            .collect(),
        spelling: crate::numbers::Spelling::Unknown,
    };
    Ok(s)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::campaigns::collaboration::tests::gifted;

    /// A packed box of two products for Anna.
    pub(crate) fn box_for(collaboration_id: i64) -> ShipmentDraft {
        ShipmentDraft {
            collaboration_id,
            recipient_name: "Anna de Vries".into(),
            postal_address: "Oudegracht 12\n3511 AB".into(),
            city: "Utrecht".into(),
            country: "Nederland".into(),
            carrier: "PostNL".into(),
            tracking_number: "3SABCD1234567".into(),
            items: vec![
                GiftItemDraft { name: "Zonnecrème SPF 30".into(), sku: "ZON-30".into(), quantity: "2".into(), unit_cost: "4,10".into(), unit_retail: "19,95".into() },
                GiftItemDraft { name: "Strandtas".into(), quantity: "1".into(), unit_retail: "49,95".into(), ..Default::default() },
                GiftItemDraft::default(),
            ],
            ..Default::default()
        }
    }

    fn set(ws: &mut Workspace, id: i64, f: impl FnOnce(&mut ShipmentDraft)) -> Result<Shipment> {
        let s = get(ws, id).unwrap();
        let mut d = s.draft.clone();
        f(&mut d);
        update(ws, id, s.revision, &d)
    }

    #[test]
    fn values_are_exact_sums_of_quantity_times_price() {
        let (mut ws, l) = gifted();
        let s = create(&mut ws, &box_for(l.id)).unwrap();
        assert_eq!(s.items.len(), 2, "the blank line is ignored");
        assert_eq!(s.retail_value.minor, 2 * 1995 + 4995);
        assert_eq!(s.cost_value.minor, 820);
        assert_eq!(s.country, "NL");
        assert_eq!(s.status, ShipmentStatus::ToPack);
    }

    #[test]
    fn a_shipment_links_its_tracking_number_to_the_carriers_page() {
        let (mut ws, l) = gifted();
        let s = create(&mut ws, &box_for(l.id)).unwrap();
        assert_eq!(s.tracking_url.as_deref(), Some("https://postnl.nl/tracktrace/?B=3SABCD1234567&P=3511AB&D=NL&T=C"));
        let s = set(&mut ws, s.id, |d| d.carrier = "Koerier Jan".into()).unwrap();
        assert_eq!(s.tracking_url, None, "a carrier Chorus does not know gets no link");
        assert_eq!(s.tracking_number, "3SABCD1234567", "the number itself is kept as typed");
    }

    #[test]
    fn a_quantity_is_read_as_the_window_writes_it() {
        let (mut ws, l) = gifted();
        let mut d = box_for(l.id);
        d.items[0].quantity = "1.000".into();
        assert_eq!(create(&mut ws, &d).unwrap().items[0].quantity, 1_000, "a Dutch thousand");
        d.items[0].quantity = "1,5".into();
        let Err(Error::Validation(e)) = create(&mut ws, &d) else { panic!("half a product") };
        assert_eq!((e[0].field.as_str(), e[0].code), ("items.0.quantity", "invalid_quantity"));
    }

    #[test]
    fn a_new_gift_is_addressed_to_the_creator() {
        let (ws, l) = gifted();
        let d = new_draft(&ws, l.id).unwrap();
        assert_eq!((d.recipient_name.as_str(), d.city.as_str(), d.country.as_str()), ("Anna de Vries", "Utrecht", "NL"));
    }

    #[test]
    fn delivered_before_shipped_is_refused() {
        let (mut ws, l) = gifted();
        let s = create(&mut ws, &box_for(l.id)).unwrap();
        let Err(Error::Validation(e)) = set(&mut ws, s.id, |d| d.status = "delivered".into()) else { panic!() };
        assert_eq!((e[0].field.as_str(), e[0].code), ("status", "not_shipped_yet"));
        assert_eq!(get(&ws, s.id).unwrap().status, ShipmentStatus::ToPack);
    }

    #[test]
    fn shipping_needs_a_tracking_number_and_dates_follow_the_parcel() {
        let (mut ws, l) = gifted();
        let s = create(&mut ws, &box_for(l.id)).unwrap();
        let Err(Error::Validation(e)) = set(&mut ws, s.id, |d| {
            d.status = "shipped".into();
            d.tracking_number = " ".into();
        }) else {
            panic!()
        };
        assert_eq!((e[0].field.as_str(), e[0].code), ("tracking_number", "tracking_required"));
        let shipped = set(&mut ws, s.id, |d| {
            d.status = "shipped".into();
            d.shipped_on = "2026-06-10".into();
        })
        .unwrap();
        assert_eq!(shipped.shipped_on.as_deref(), Some("2026-06-10"));
        let Err(Error::Validation(e)) = set(&mut ws, s.id, |d| {
            d.status = "delivered".into();
            d.delivered_on = "2026-06-09".into();
        }) else {
            panic!()
        };
        assert_eq!((e[0].field.as_str(), e[0].code), ("delivered_on", "before_shipped"));
        let delivered = set(&mut ws, s.id, |d| d.status = "delivered".into()).unwrap();
        assert_eq!(delivered.delivered_on, Some(fields::local_today().format("%Y-%m-%d").to_string()), "defaults to today");
        assert!(matches!(delete(&mut ws, s.id), Err(Error::Validation(_))), "a sent gift is kept");
    }

    #[test]
    fn an_empty_box_does_not_ship() {
        let (mut ws, l) = gifted();
        let mut d = box_for(l.id);
        d.items.clear();
        let s = create(&mut ws, &d).unwrap();
        let Err(Error::Validation(e)) = set(&mut ws, s.id, |d| d.status = "shipped".into()) else { panic!() };
        assert_eq!(e[0].code, "no_products");
        let Err(Error::Validation(e)) = set(&mut ws, s.id, |d| d.items = vec![GiftItemDraft { name: "Pet".into(), quantity: "0".into(), ..Default::default() }]) else { panic!() };
        assert_eq!((e[0].field.as_str(), e[0].code), ("items.0.quantity", "invalid_quantity"));
    }

    #[test]
    fn a_gift_starts_from_the_products_of_an_earlier_one() {
        let (mut ws, anna) = gifted();
        let first = create(&mut ws, &box_for(anna.id)).unwrap();
        create(&mut ws, &box_for(anna.id)).unwrap(); // the very same box again: listed once
        let mut d = box_for(anna.id);
        d.items.truncate(1);
        let small = create(&mut ws, &d).unwrap();
        create(&mut ws, &ShipmentDraft { collaboration_id: anna.id, ..Default::default() }).unwrap(); // no products: nothing to start from

        let mut b = crate::roster::model::CreatorDraft { display_name: "Bo Smit".into(), city: "Gent".into(), country: "BE".into(), ..Default::default() };
        b.handles.push(crate::roster::model::HandleDraft { platform: "tiktok".into(), handle: "bo.smit".into(), ..Default::default() });
        let bo = crate::roster::creators::create(&mut ws, &b).unwrap().id;
        let bo_in = collaboration::create(&mut ws, &crate::campaigns::CollaborationDraft { campaign_id: anna.campaign_id, creator_id: bo, kind: "gifted".into(), ..Default::default() }).unwrap();

        let earlier = earlier_gifts(&ws, bo_in.id, 10).unwrap();
        let listed: Vec<(i64, usize, &str)> = earlier.iter().map(|g| (g.shipment_id, g.items.len(), g.creator_name.as_str())).collect();
        assert_eq!(listed.len(), 2, "one per set of products: {listed:?}");
        assert!(listed.contains(&(small.id, 1, "Anna de Vries")));
        assert_eq!(earlier.iter().find(|g| g.items.len() == 2).unwrap().retail_value, first.retail_value);
        assert_eq!(earlier_gifts(&ws, bo_in.id, 1).unwrap().len(), 1, "at most the limit");

        let draft = draft_from(&ws, bo_in.id, first.id).unwrap();
        assert_eq!((draft.collaboration_id, draft.recipient_name.as_str(), draft.city.as_str(), draft.country.as_str()), (bo_in.id, "Bo Smit", "Gent", "BE"));
        assert_eq!((draft.status.as_str(), draft.tracking_number.as_str(), draft.carrier.as_str()), ("to_pack", "", ""), "a new parcel, not the old one");
        assert_eq!(draft.items, first.draft.items);
        let copy = create(&mut ws, &draft).unwrap();
        assert_eq!((copy.items.clone(), copy.retail_value), (first.items.clone(), first.retail_value), "the same products at the same prices");
    }
}
