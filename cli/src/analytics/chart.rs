//! `chorus chart <ws> <kind> [--campaign C] [--creator H] --out F.svg|F.png`: one of the core's
//! charts written to a file, the same bytes the window shows and saves (`chorus_core::charts`):
//! the money charts of the whole workspace, and the results charts of a campaign or all, of one
//! creator or all (growth needs one; the budget is of campaigns, not of a creator).

use chorus_core::charts::{self, ChartKind, ChartScope, Format, ResultsChartKind, Style, Theme};
use chorus_core::numbers::Spelling;
use chorus_core::{Error, FieldError, Result};
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct ChartArgs {
    pub workspace: PathBuf,
    /// Money: commissions-by-month, payouts-by-creator, revenue-by-creator, revenue-by-campaign.
    /// Results: engagement, by-format, by-tier, gifted-vs-paid, funnel, budget, growth.
    kind: String,
    /// A results chart of one campaign (its id, UTM slug or name) rather than the workspace.
    #[arg(long)]
    campaign: Option<String>,
    /// A results chart of one creator, named by a handle (`sanne.groen`, `instagram:sanne.groen`);
    /// growth needs one.
    #[arg(long)]
    creator: Option<String>,
    /// The file to write: .svg or .png (the extension chooses).
    #[arg(long, short)]
    out: PathBuf,
    /// The labels' language: en or nl (default: the workspace locale's).
    #[arg(long, value_parser = super::parse_language)]
    lang: Option<Spelling>,
    /// light or dark.
    #[arg(long, value_parser = parse_theme, default_value = "light")]
    theme: Theme,
    /// The size in points (a PNG has this many pixels times --scale).
    #[arg(long, default_value_t = 720)]
    width: u32,
    #[arg(long, default_value_t = 360)]
    height: u32,
    /// Pixels per point in a PNG, 1 to 4.
    #[arg(long, default_value_t = 2)]
    scale: u32,
}

/// A chart of either family.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Money(ChartKind),
    Results(ResultsChartKind),
}

impl Kind {
    fn name(self) -> String {
        match self {
            Kind::Money(k) => k.as_str(),
            Kind::Results(k) => k.as_str(),
        }
        .replace('_', "-")
    }
}

/// A chart's name as typed: `commissions-by-month` or `commissions_by_month`, `by-format`.
fn chart_kind(text: &str) -> Result<Kind> {
    let wanted = text.trim().to_ascii_lowercase().replace('-', "_");
    let money = ChartKind::ALL.into_iter().find(|k| k.as_str() == wanted).map(Kind::Money);
    money.or_else(|| ResultsChartKind::ALL.into_iter().find(|k| k.as_str() == wanted).map(Kind::Results)).ok_or_else(|| {
        let kinds: Vec<String> = ChartKind::ALL.map(Kind::Money).into_iter().chain(ResultsChartKind::ALL.map(Kind::Results)).map(Kind::name).collect();
        let message = format!("“{text}” is not a chart: use {}.", kinds.join(", "));
        Error::Validation(vec![FieldError::new("kind", "unknown_chart", message).with_value(text)])
    })
}

/// The scope asked for, or why `kind` cannot take it.
fn scope(ws: &chorus_core::Workspace, kind: Kind, campaign: Option<&str>, creator: Option<&str>) -> Result<ChartScope> {
    match kind {
        Kind::Money(_) if campaign.is_some() || creator.is_some() => {
            return Err(crate::campaigns::due::usage(format!("{} is of the whole workspace: --campaign and --creator are for the results charts (engagement, by-format, by-tier, gifted-vs-paid, funnel, budget, growth).", kind.name())));
        }
        Kind::Results(k) if creator.is_some() && !k.takes_creator() => {
            return Err(crate::campaigns::due::usage(format!("{} is of campaigns, not of one creator: leave --creator out (--campaign C draws one campaign).", kind.name())));
        }
        Kind::Results(k) if creator.is_none() && k.needs_creator() => {
            return Err(crate::campaigns::due::usage(format!("{} is one creator's followers: choose the creator with --creator HANDLE (e.g. --creator sanne.groen).", kind.name())));
        }
        _ => {}
    }
    Ok(ChartScope {
        campaign: campaign.map(|c| crate::campaigns::resolve(ws, c)).transpose()?.map(|c| c.id),
        creator: creator.map(|h| crate::sales::orders_list::resolve_creator(ws, h)).transpose()?.map(|c| c.creator_id),
    })
}

fn parse_theme(text: &str) -> std::result::Result<Theme, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "light" => Ok(Theme::Light),
        "dark" => Ok(Theme::Dark),
        _ => Err(format!("“{text}” is not a theme: use light or dark")),
    }
}

pub fn run(args: ChartArgs) -> Result<()> {
    let kind = chart_kind(&args.kind)?;
    let extension = args.out.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let format = match extension.as_str() {
        "svg" => Format::Svg,
        "png" => Format::Png,
        _ => {
            let message = format!("“{}” should end in .svg or .png: the extension says which image to write.", args.out.display());
            return Err(Error::Validation(vec![FieldError::new("out", "unknown_chart_format", message).with_value(&args.out.display().to_string())]));
        }
    };
    let ws = crate::open(&args.workspace)?;
    let scope = scope(&ws, kind, args.campaign.as_deref(), args.creator.as_deref())?;
    let language = super::language_of(&ws, args.lang)?;
    let style = Style { theme: args.theme, language, width: args.width, height: args.height, pixel_ratio: args.scale };
    match kind {
        Kind::Money(k) => charts::save(&ws, k, &style, format, &args.out)?,
        Kind::Results(k) => charts::save_results(&ws, k, scope, &style, format, &args.out)?,
    }
    println!("{}: {} written to {}", args.workspace.display(), kind.name(), args.out.display());
    Ok(())
}
