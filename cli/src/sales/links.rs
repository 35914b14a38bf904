//! `chorus links`: a campaign's tracking link and discount code per collaboration, as a table
//! or JSON; `--codes-csv FILE` also writes the campaign's codes for the shop.

use crate::columns::{aligned, clip, Align};
use crate::output::write_error;
use chorus_core::roster::export::Dialect;
use chorus_core::sales::{campaign_links, discount_codes};
use chorus_core::Result;
use std::io::Write;
use std::path::Path;

pub fn links(workspace: &Path, campaign: &str, json: bool, codes_csv: Option<&Path>, dialect: Dialect) -> Result<()> {
    let ws = crate::open(workspace)?;
    let c = crate::campaigns::resolve(&ws, campaign)?;
    let links = campaign_links::campaign_links(ws.conn(), c.id)?;
    if let Some(path) = codes_csv {
        let rows = discount_codes::export_codes(ws.conn(), Some(c.id), dialect, path)?;
        crate::tell(format!("Wrote {} of “{}” to {}.", chorus_core::words::counted(rows as i64, "code", "codes"), clip(&c.name, 80), path.display()));
    }
    if json {
        return crate::print_json(&links);
    }
    let mut out = std::io::stdout().lock();
    let io = write_error;
    if links.is_empty() {
        return writeln!(out, "“{}” has no collaborations yet.", clip(&c.name, 80)).map_err(io);
    }
    let mut rows = vec![["CREATOR", "HANDLE", "KIND", "CODE", "LINK"].map(String::from).to_vec()];
    for l in &links {
        let handle = match (&l.handle, l.platform) {
            (Some(h), Some(p)) => format!("{} @{}", p.label(), clip(h, 30)),
            _ => "—".into(),
        };
        let link = l.link.clone().or_else(|| l.no_link.as_ref().map(|n| format!("(none: {})", n.message))).unwrap_or_default();
        rows.push(vec![clip(&l.creator_name, 30), handle, l.kind.as_str().into(), if l.code.is_empty() { "—".into() } else { l.code.clone() }, link]);
    }
    use Align::*;
    for line in aligned(&rows, &[Left, Left, Left, Left, Left], "") {
        writeln!(out, "{line}").map_err(io)?;
    }
    Ok(())
}
