//! The commands behind the Sales screen's orders, the sales in the creator panel and the
//! campaign view, and the selling side of the collaboration panel (tracking link, QR code and
//! its file, discount code). Thin like every command: convert, call one core function, map the
//! error; every rule lives in `chorus_core::sales`. Statuses of commission lines are read as of
//! today on this computer. A person's decision on an order (the review queue, or any order)
//! goes through `sales_attribute_order`, with their reason; giving it to any creator's
//! collaboration without a code through `sales_attribute_to_creator`.

use super::{filter, with_extension, CmdResult, ExportReport};
use crate::dialogs::{self, DialogText};
use crate::state::AppState;
use chorus_core::campaigns::fields;
use chorus_core::sales::collaboration_link::{self, CollaborationLink, QrFormat};
use chorus_core::sales::order_list::{self, OrderDetail, OrderFilter, OrdersPage, Page, REASONS};
use chorus_core::sales::discount_codes::{self, CodeOutcome};
use chorus_core::sales::review::{self, OrderDecision};
use chorus_core::numbers::Spelling;
use chorus_core::sales::summaries::{self, CampaignSales, SalesSummary};
use serde::Serialize;
use std::path::Path;
use tauri::{AppHandle, Runtime, State};

fn today() -> String {
    fields::local_today().format("%Y-%m-%d").to_string()
}

/// The stored values the Sales screen's menus offer, in the core's order; the window words them.
#[derive(Serialize)]
pub struct SalesVocabulary {
    reasons: &'static [&'static str],
    kinds: &'static [&'static str],
    statuses: Vec<&'static str>,
    today: String,
}

#[tauri::command(async)]
pub fn sales_vocabulary() -> SalesVocabulary {
    use chorus_core::commissions::lines_list::{LineStatus, KINDS};
    SalesVocabulary { reasons: REASONS, kinds: KINDS, statuses: LineStatus::ALL.iter().map(|s| s.as_str()).collect(), today: today() }
}

/// One page of orders under the filter, newest first, with the counts.
#[tauri::command(async)]
pub fn sales_orders(state: State<'_, AppState>, filter: OrderFilter, page: Page) -> CmdResult<OrdersPage> {
    state.with_workspace(|ws| order_list::orders_page(ws.conn(), &filter, page))
}

/// One order with its lines, codes, attribution, review candidates and commission lines.
#[tauri::command(async)]
pub fn sales_order_detail(state: State<'_, AppState>, id: i64) -> CmdResult<OrderDetail> {
    state.with_workspace(|ws| order_list::order_detail(ws.conn(), id, &today()))
}

/// A creator's attributed orders, revenue and commissions by status.
#[tauri::command(async)]
pub fn sales_creator(state: State<'_, AppState>, creator_id: i64) -> CmdResult<SalesSummary> {
    state.with_workspace(|ws| summaries::creator_sales(ws.conn(), creator_id, &today()))
}

/// A campaign's attributed orders, revenue and commissions, in all and by collaboration.
#[tauri::command(async)]
pub fn sales_campaign(state: State<'_, AppState>, campaign_id: i64) -> CmdResult<CampaignSales> {
    state.with_workspace(|ws| summaries::campaign_sales(ws.conn(), campaign_id, &today()))
}

/// A collaboration's tracking link, QR code and discount code.
#[tauri::command(async)]
pub fn sales_collaboration_link(state: State<'_, AppState>, collaboration_id: i64) -> CmdResult<CollaborationLink> {
    state.with_workspace(|ws| collaboration_link::collaboration_link(ws.conn(), collaboration_id))
}

/// Native save dialog, then the collaboration's QR code as an SVG or PNG file. None when cancelled.
#[tauri::command(async)]
pub fn sales_qr_save<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, collaboration_id: i64, format: QrFormat, dialog: DialogText) -> CmdResult<Option<ExportReport>> {
    let ext = format.extension();
    let (stem, folder) = state.with_workspace(|ws| Ok((collaboration_link::qr_file_stem(ws.conn(), collaboration_id)?, ws.path().and_then(Path::parent).map(Path::to_path_buf))))?;
    let suggested = format!("{} QR.{ext}", super::file_safe(&stem));
    let Some(path) = dialogs::pick_save(&app, &dialog.title, &suggested, folder, filter(&dialog, &[ext])) else { return Ok(None) };
    let path = with_extension(path, ext);
    state.with_workspace(|ws| collaboration_link::save_qr(ws.conn(), collaboration_id, format, &path))?;
    Ok(Some(ExportReport { path: path.display().to_string(), rows: 1 }))
}

/// Gives the order to a collaboration (one whose code it carries: the review queue's
/// candidates) or, with none, to no one; the reason goes in the audit log.
#[tauri::command(async)]
pub fn sales_attribute_order(state: State<'_, AppState>, order_id: i64, collaboration_id: Option<i64>, reason: String) -> CmdResult<OrderDecision> {
    state.with_workspace(|ws| review::attribute_order(ws, order_id, collaboration_id, &reason, false))
}

/// Gives the order to a collaboration the person chose from the roster, whether or not the order
/// carries its code (a code said aloud, a link the shop did not keep); the reason goes in the
/// audit log.
#[tauri::command(async)]
pub fn sales_attribute_to_creator(state: State<'_, AppState>, order_id: i64, collaboration_id: i64, reason: String) -> CmdResult<OrderDecision> {
    state.with_workspace(|ws| review::attribute_order(ws, order_id, Some(collaboration_id), &reason, true))
}

/// The collaboration of the creator the order most likely belongs to: their only one, else the
/// one whose window holds the order; else the refusal names the campaigns to choose from.
#[tauri::command(async)]
pub fn sales_pick_collaboration(state: State<'_, AppState>, creator_id: i64, order_id: i64) -> CmdResult<i64> {
    state.with_workspace(|ws| review::pick_collaboration(ws.conn(), creator_id, order_id))
}

/// The collaboration's discount code from the panel: `choice` is `pattern`, `typed` (with
/// `code`) or `none`; `discount` is the customer's discount as typed.
#[tauri::command(async)]
pub fn sales_set_code(state: State<'_, AppState>, collaboration_id: i64, choice: String, code: String, discount: String, spelling: Spelling) -> CmdResult<CodeOutcome> {
    state.with_workspace(|ws| discount_codes::set_discount_code_as_typed(ws, collaboration_id, &choice, &code, &discount, spelling))
}
