//! `chorus commissions <ws> [--creator H] [--status S] [--as-of D] [--limit N] [--json]`: the
//! ledger's lines newest booked first — order, creator, base, rule, rate, amount, currency,
//! status as of the day — and the totals by status per currency below. A thin call into
//! `commissions::lines_list`.

use crate::columns::{aligned, clip, Align};
use crate::sales::orders_list::resolve_creator;
use chorus_core::commissions::lines_list::{commission_lines, LineFilter, LineStatus, LinesPage};
use chorus_core::commissions::rules::percent_text;
use chorus_core::money::format_plain;
use chorus_core::sales::order_list::Page;
use chorus_core::words::counted;
use chorus_core::{Result, Workspace};
use std::io::Write;

pub struct CommissionsArgs<'a> {
    pub creator: Option<&'a str>,
    pub status: Option<LineStatus>,
    pub as_of: String,
    pub limit: u32,
    pub offset: u32,
    pub json: bool,
}

/// `--status`: pending, approved, paid or rejected.
pub fn parse_status(text: &str) -> std::result::Result<LineStatus, String> {
    LineStatus::parse(text).ok_or_else(|| format!("“{}” is not a status: use pending, approved, paid or rejected", text.trim()))
}

/// Runs `chorus commissions`.
pub fn run(ws: &Workspace, args: CommissionsArgs) -> Result<()> {
    let creator_id = args.creator.map(|h| resolve_creator(ws, h)).transpose()?.map(|c| c.creator_id);
    let filter = LineFilter { creator_id, status: args.status, as_of: args.as_of, ..Default::default() };
    let page = commission_lines(ws.conn(), &filter, Page { offset: args.offset, limit: args.limit })?;
    if args.json {
        return crate::print_json(&page);
    }
    print(&page, &mut std::io::stdout().lock()).map_err(crate::output::write_error)
}

fn print(page: &LinesPage, out: &mut impl Write) -> std::io::Result<()> {
    use Align::*;
    if page.rows.is_empty() {
        writeln!(out, "No commission lines match.")?;
    } else {
        let mut rows = vec![["ORDER", "CREATOR", "KIND", "BASE", "RULE", "RATE", "AMOUNT", "CURRENCY", "STATUS"].map(String::from).to_vec()];
        for l in &page.rows {
            rows.push(vec![
                clip(&l.order_number, 24),
                clip(&l.creator_name, 30),
                l.kind.clone(),
                format_plain(l.base.minor, l.base.currency),
                format!("{} ({})", clip(&l.rule_text, 50), l.rule_level),
                l.rate_bp.map(percent_text).unwrap_or_else(|| "—".into()),
                format_plain(l.amount.minor, l.amount.currency),
                l.amount.currency.code().to_string(),
                l.status.as_str().to_string(),
            ]);
        }
        for line in aligned(&rows, &[Left, Left, Left, Right, Left, Right, Right, Left, Left], "") {
            writeln!(out, "{line}")?;
        }
    }
    writeln!(out, "{}, statuses as of {}", counted(page.total as i64, "line", "lines"), page.as_of)?;
    if !page.totals.is_empty() {
        let mut rows = vec![["TOTAL", "AMOUNT", "CURRENCY", "LINES"].map(String::from).to_vec()];
        for t in &page.totals {
            rows.push(vec![t.status.as_str().to_string(), format_plain(t.amount.minor, t.amount.currency), t.amount.currency.code().to_string(), t.lines.to_string()]);
        }
        for line in aligned(&rows, &[Left, Right, Left, Right], "") {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}
