//! `chorus new`, `chorus demo` and `chorus info`: making a workspace file and showing what it
//! holds.

use chorus_core::workspace::settings::Settings;
use chorus_core::{Result, Workspace};
use crate::output::line;
use std::io::Write;
use std::path::Path;

pub fn new(path: &Path, brand: &str, currency: &str, locale: &str) -> Result<()> {
    let ws = Workspace::create(path, &Settings::new(brand, currency, locale))?;
    line(format_args!("Created {} for {}.", path.display(), ws.settings()?.brand_name))
}

pub fn demo(path: &Path) -> Result<()> {
    let ws = chorus_core::demo::create_demo(path)?;
    let info = ws.info()?;
    let campaigns = chorus_core::campaigns::board::campaign_list(&ws, chorus_core::campaigns::fields::local_today())?.len();
    line(format_args!("Created demo workspace {} with {} creators and {campaigns} campaigns.", path.display(), info.creators))
}

pub fn info(path: &Path, json: bool) -> Result<()> {
    let ws = crate::open(path)?;
    let info = ws.info()?;
    if json {
        return crate::print_json(&info);
    }
    let s = ws.settings()?;
    let mut out = std::io::stdout().lock();
    let lines = [
        format!("Workspace  {}", info.path),
        format!("Brand      {}", info.brand_name),
        format!("Currency   {}", info.currency),
        format!("Locale     {}", info.locale),
        format!("Tiers      nano {} · micro {} · mid {} · macro {} · mega {} (lower bounds)", s.tiers.nano, s.tiers.micro, s.tiers.mid, s.tiers.macro_, s.tiers.mega),
        format!("Creators   {}", info.creators),
        format!("Handles    {}", info.handles),
        format!("Snapshots  {}", info.snapshots),
        format!("Format     version {}", info.schema_version),
    ];
    for l in lines {
        writeln!(out, "{l}").map_err(crate::output::write_error)?;
    }
    Ok(())
}
