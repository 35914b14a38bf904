//! `chorus campaign new`: a campaign made from the command line, checked by the same rules as
//! the window's form (every problem at once, by field), audited like any other.

use chorus_core::campaigns::{campaign, CampaignDraft};
use chorus_core::money::format_plain;
use chorus_core::workspace::Actor;
use chorus_core::Result;
use std::path::Path;

/// What `chorus campaign new` was given.
pub struct NewCampaign {
    pub name: String,
    pub start: Option<String>,
    pub end: Option<String>,
    pub budget: Option<String>,
    pub landing_url: Option<String>,
    pub goal: Option<String>,
    pub json: bool,
}

pub fn new(workspace: &Path, args: NewCampaign) -> Result<()> {
    let mut ws = crate::workspace::open_for_work(workspace, Actor::Cli)?;
    let draft = CampaignDraft {
        name: args.name,
        goal: args.goal.unwrap_or_else(|| "sales".into()),
        starts_on: args.start.unwrap_or_default(),
        ends_on: args.end.unwrap_or_default(),
        budget: args.budget.unwrap_or_default(),
        landing_url: args.landing_url.unwrap_or_default(),
        ..Default::default()
    };
    let c = campaign::create(&mut ws, &draft)?;
    crate::workspace::finish(ws);
    if args.json {
        return crate::print_json(&c);
    }
    let landing = if c.landing_url.is_empty() { "no landing page yet".to_string() } else { format!("landing page {}", c.landing_url) };
    crate::output::line(format!(
        "Created campaign {} “{}” (UTM value {}, budget {} {}, {landing}).",
        c.id,
        crate::columns::clip(&c.name, 80),
        c.utm_slug,
        c.budget.currency.code(),
        format_plain(c.budget.minor, c.budget.currency)
    ))
}
