//! What the sales tests share: a workspace with a campaign that has a landing page, and
//! creators in it as affiliates.

use crate::campaigns::{campaign, collaboration, CampaignDraft, CollaborationDraft};
use crate::roster::model::{CreatorDraft, HandleDraft};
use crate::workspace::settings::Settings;
use crate::workspace::Workspace;

pub(crate) fn workspace() -> Workspace {
    Workspace::in_memory(&Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap()
}

/// The Summer 2026 campaign, leading to `https://shop.nl/zomer?ref=ig#top`; its id.
pub(crate) fn summer(ws: &mut Workspace) -> i64 {
    let draft = CampaignDraft { name: "Summer 2026".into(), goal: "sales".into(), landing_url: "shop.nl/zomer?ref=ig#top".into(), ..Default::default() };
    campaign::create(ws, &draft).unwrap().id
}

/// A creator with handles `(platform, handle, followers)`; its id.
pub(crate) fn creator(ws: &mut Workspace, name: &str, handles: &[(&str, &str, &str)]) -> i64 {
    let handles = handles.iter().map(|(p, h, f)| HandleDraft { platform: (*p).into(), handle: (*h).into(), followers: (*f).into(), ..Default::default() }).collect();
    crate::roster::creators::create(ws, &CreatorDraft { display_name: name.into(), handles, ..Default::default() }).unwrap().id
}

/// Creator `creator_id` in campaign `campaign_id` as `kind`; the collaboration's id.
pub(crate) fn join(ws: &mut Workspace, campaign_id: i64, creator_id: i64, kind: &str) -> i64 {
    let fee = if kind == "hybrid" { "100" } else { "" };
    collaboration::create(ws, &CollaborationDraft { campaign_id, creator_id, kind: kind.into(), fee: fee.into(), ..Default::default() }).unwrap().id
}

/// A new creator `name` with `handles` in campaign `campaign_id` as `kind`; the collaboration's id.
pub(crate) fn member(ws: &mut Workspace, campaign_id: i64, kind: &str, name: &str, handles: &[(&str, &str, &str)]) -> i64 {
    let id = creator(ws, name, handles);
    join(ws, campaign_id, id, kind)
}

/// An order of the shop carrying `code`, as the order import would have stored it; its id.
pub(crate) fn order_with_code(ws: &Workspace, number: &str, code: &str) -> i64 {
    let conn = ws.conn();
    conn.execute(
        "INSERT INTO orders (source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, financial_status, imported_at, updated_at)
         VALUES ('shopify', ?1, '2026-06-10 10:00:00 +0200', '2026-06-10T08:00:00Z', '2026-06-10', 'EUR', 5000, 'paid', '2026-06-11T00:00:00Z', '2026-06-11T00:00:00Z')",
        [number],
    )
    .unwrap();
    let id = conn.last_insert_rowid();
    conn.execute("INSERT INTO order_codes (order_id, position, code, code_key) VALUES (?1, 0, ?2, ?3)", rusqlite::params![id, code, crate::sales::codes::code_key(code)]).unwrap();
    id
}
