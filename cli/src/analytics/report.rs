//! `chorus report <ws> <campaign> --out F.pdf [--lang nl|en] [--no-money]`: the campaign's
//! client report as the window saves it (`chorus_core::analytics::campaign_report`).

use chorus_core::analytics::campaign_report::{save_campaign_report, ReportChoices};
use chorus_core::analytics::report::ReportLanguage;
use chorus_core::numbers::Spelling;
use chorus_core::Result;
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct ReportArgs {
    pub workspace: PathBuf,
    /// The campaign: its id, UTM slug or name.
    campaign: String,
    /// The PDF to write.
    #[arg(long, short)]
    out: PathBuf,
    /// en or nl (default: the workspace locale's).
    #[arg(long, value_parser = super::parse_language)]
    lang: Option<Spelling>,
    /// Leave every amount out (to share with creators or a client's team).
    #[arg(long)]
    no_money: bool,
}

pub fn run(args: ReportArgs) -> Result<()> {
    let ws = crate::open(&args.workspace)?;
    let campaign = crate::campaigns::resolve(&ws, &args.campaign)?;
    let language = match super::language_of(&ws, args.lang)? {
        Spelling::Dutch => ReportLanguage::Dutch,
        _ => ReportLanguage::English,
    };
    let today = chrono::Local::now().date_naive();
    save_campaign_report(ws.conn(), campaign.id, ReportChoices { language, include_money: !args.no_money, today }, &args.out)?;
    println!("{}: the report of {} written to {}{}", args.workspace.display(), chorus_core::roster::import::display_text(&campaign.name, 80), args.out.display(), if args.no_money { ", without amounts" } else { "" });
    Ok(())
}
