//! `chorus new`, `chorus demo` and `chorus info`: making a workspace file and showing what it
//! holds.

use chorus_core::workspace::settings::Settings;
use chorus_core::{Result, Workspace};
use std::path::Path;

pub fn new(path: &Path, brand: &str, currency: &str, locale: &str) -> Result<()> {
    let ws = Workspace::create(path, &Settings::new(brand, currency, locale))?;
    println!("Created {} for {}.", path.display(), ws.settings()?.brand_name);
    Ok(())
}

pub fn demo(path: &Path) -> Result<()> {
    let ws = chorus_core::demo::create_demo(path)?;
    let info = ws.info()?;
    let campaigns = chorus_core::campaigns::board::campaign_list(&ws, chorus_core::campaigns::fields::local_today())?.len();
    println!("Created demo workspace {} with {} creators and {campaigns} campaigns.", path.display(), info.creators);
    Ok(())
}

pub fn info(path: &Path, json: bool) -> Result<()> {
    let ws = crate::open(path)?;
    let info = ws.info()?;
    if json {
        return crate::print_json(&info);
    }
    let s = ws.settings()?;
    println!("Workspace  {}", info.path);
    println!("Brand      {}", info.brand_name);
    println!("Currency   {}", info.currency);
    println!("Locale     {}", info.locale);
    println!("Tiers      nano {} · micro {} · mid {} · macro {} · mega {} (lower bounds)", s.tiers.nano, s.tiers.micro, s.tiers.mid, s.tiers.macro_, s.tiers.mega);
    println!("Creators   {}", info.creators);
    println!("Handles    {}", info.handles);
    println!("Snapshots  {}", info.snapshots);
    println!("Format     version {}", info.schema_version);
    Ok(())
}
