//! `chorus attribute <ws> <order> <creator|none> --reason R`: a person's decision on an order.
//! The order by its number (`--source` when two shops share it), the creator by handle
//! (`@sanne`, `instagram:sanne`); their collaboration is the only one, the one whose window
//! holds the order, or the one in `--campaign`.

use chorus_core::sales::orders::Source;
use chorus_core::sales::review;
use chorus_core::workspace::Actor;
use chorus_core::Result;
use std::path::Path;

pub struct Choice<'a> {
    pub order: &'a str,
    pub creator: &'a str,
    pub reason: &'a str,
    pub source: Option<Source>,
    pub campaign: Option<&'a str>,
    pub without_code: bool,
    pub json: bool,
}

pub fn run(workspace: &Path, c: Choice<'_>) -> Result<()> {
    let mut ws = crate::workspace::open_for_work(workspace, Actor::Cli)?;
    let order = review::find_order(ws.conn(), c.order, c.source)?;
    let to = if c.creator.trim().eq_ignore_ascii_case("none") {
        None
    } else {
        let creator = review::find_creator(ws.conn(), c.creator)?;
        Some(match c.campaign {
            Some(campaign) => review::collaboration_in(ws.conn(), creator, campaign)?,
            None => review::pick_collaboration(ws.conn(), creator, order)?,
        })
    };
    let decided = review::attribute_order(&mut ws, order, to, c.reason, c.without_code)?;
    crate::workspace::finish(ws);
    if c.json {
        return crate::print_json(&decided);
    }
    let whom = if to.is_some() { format!("attributed to {}", c.creator.trim()) } else { "left unattributed".to_string() };
    let note = if decided.changed { "" } else { " (it already was, for that reason)" };
    crate::output::line(format!("Order {} {whom}{note}.", decided.number))
}
