//! `chorus orders <ws> [--unattributed] [--review] [--creator H] [--limit N] [--json]`: the
//! shop orders newest first, each with its attribution (creator and campaign, or why not), its
//! base (`*` when worked out here rather than booked by the ledger) and its commission; the count
//! of all that match and the review queue's below. A thin call into `sales::order_list`.

use crate::columns::{aligned, clip, Align};
use chorus_core::money::{format_plain, Money};
use chorus_core::sales::order_list::{self, AttributionState, BaseSource, OrderFilter, OrderRow, OrdersPage, Page};
use chorus_core::sales::summaries::{creators_with_handle, NamedCreator};
use chorus_core::words::counted;
use chorus_core::{Result, Workspace};
use std::io::Write;

/// The creator `handle` names, or a one-line error saying why not.
pub fn resolve_creator(ws: &Workspace, handle: &str) -> Result<NamedCreator> {
    let mut found = creators_with_handle(ws.conn(), handle)?;
    found.dedup_by_key(|c| c.creator_id);
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(crate::campaigns::due::usage(format!(
            "No creator has the handle “{}” in this workspace (chorus list <workspace> --search shows who is there).",
            clip(handle.trim(), 80)
        ))),
        _ => Err(crate::campaigns::due::usage(format!(
            "The handle “{}” belongs to {} creators on different platforms: name it as platform:handle, e.g. {}:{}.",
            clip(handle.trim(), 80),
            found.len(),
            found[0].platform,
            clip(handle.trim().trim_start_matches('@'), 80)
        ))),
    }
}

pub struct OrdersArgs<'a> {
    pub unattributed: bool,
    pub review: bool,
    pub creator: Option<&'a str>,
    pub limit: u32,
    pub offset: u32,
    pub json: bool,
}

/// Runs `chorus orders`.
pub fn run(ws: &Workspace, args: OrdersArgs) -> Result<()> {
    let attribution = match (args.unattributed, args.review) {
        (true, _) => Some(AttributionState::Unattributed),
        (_, true) => Some(AttributionState::Review),
        _ => None,
    };
    let creator_id = args.creator.map(|h| resolve_creator(ws, h)).transpose()?.map(|c| c.creator_id);
    let filter = OrderFilter { attribution, creator_id, ..Default::default() };
    let page = order_list::orders_page(ws.conn(), &filter, Page { offset: args.offset, limit: args.limit })?;
    if args.json {
        return crate::print_json(&page);
    }
    print(&page, args.offset, &mut std::io::stdout().lock()).map_err(crate::output::write_error)
}

/// Several currencies as `12.50 EUR + 3.00 USD`; `—` for none.
pub fn amounts(list: &[Money]) -> String {
    if list.is_empty() {
        return "—".into();
    }
    list.iter().map(|m| format!("{} {}", format_plain(m.minor, m.currency), m.currency.code())).collect::<Vec<_>>().join(" + ")
}

/// Why an order is not attributed, in a few words.
pub fn reason_words(reason: &str) -> &'static str {
    match reason {
        "code" => "by discount code",
        "link" => "by tracking link",
        "manual" => "by hand",
        "no_code" => "no code",
        "unknown_code" => "unknown code",
        "expired" => "code expired",
        "not_started" => "code not started yet",
        "cancelled_collaboration" => "collaboration cancelled",
        "two_creators" => "codes of two creators",
        _ => "other",
    }
}

fn attribution(row: &OrderRow) -> String {
    match (&row.attributed_to, row.attribution) {
        (Some(to), _) => format!("{} · {}{}", clip(&to.creator_name, 30), clip(&to.campaign_name, 30), if row.manual { " (by hand)" } else { "" }),
        (None, AttributionState::Review) => "review queue: codes of two creators".into(),
        (None, _) => format!("unattributed: {}{}", reason_words(&row.reason), if row.manual { " (by hand)" } else { "" }),
    }
}

fn print(page: &OrdersPage, offset: u32, out: &mut impl Write) -> std::io::Result<()> {
    if page.total == 0 {
        writeln!(out, "No orders match.")?;
    } else {
        let mut rows = vec![["ORDER", "PLACED", "CURRENCY", "SUBTOTAL", "BASE", "COMMISSION", "ATTRIBUTION"].map(String::from).to_vec()];
        for r in &page.rows {
            let base = match (r.base, r.base_source) {
                (Some(b), BaseSource::Ledger) => format_plain(b.minor, b.currency),
                (Some(b), BaseSource::Computed) => format!("{}*", format_plain(b.minor, b.currency)),
                (None, _) => "—".into(),
            };
            rows.push(vec![
                clip(&r.number, 24),
                r.placed_on.clone(),
                r.currency.code().to_string(),
                format_plain(r.subtotal.minor, r.currency),
                base,
                amounts(&r.commission),
                attribution(r),
            ]);
        }
        use Align::*;
        for line in aligned(&rows, &[Left, Left, Left, Right, Right, Right, Left], "") {
            writeln!(out, "{line}")?;
        }
        if page.rows.iter().any(|r| r.base_source == BaseSource::Computed && r.base.is_some()) {
            writeln!(out, "* base worked out from the order's amounts; the ledger has booked no line for it yet")?;
        }
    }
    let shown = if page.rows.is_empty() || page.total as usize == page.rows.len() {
        String::new()
    } else {
        format!(", {}–{} shown", offset as u64 + 1, offset as u64 + page.rows.len() as u64)
    };
    writeln!(out, "{}{shown}; {} in the review queue", counted(page.total as i64, "order", "orders"), page.review_count)
}
