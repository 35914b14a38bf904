//! `chorus chart <ws> <kind> --out F.svg|F.png`: one of the core's charts written to a file,
//! the same bytes the window shows and saves (`chorus_core::charts`).

use chorus_core::charts::{self, ChartKind, Format, Style, Theme};
use chorus_core::numbers::Spelling;
use chorus_core::{Error, FieldError, Result};
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct ChartArgs {
    pub workspace: PathBuf,
    /// commissions-by-month, payouts-by-creator, revenue-by-creator or revenue-by-campaign.
    kind: String,
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

/// A chart's name as typed: `commissions-by-month` or `commissions_by_month`.
fn chart_kind(text: &str) -> Result<ChartKind> {
    let wanted = text.trim().to_ascii_lowercase().replace('-', "_");
    ChartKind::ALL.into_iter().find(|k| k.as_str() == wanted).ok_or_else(|| {
        let kinds: Vec<String> = ChartKind::ALL.iter().map(|k| k.as_str().replace('_', "-")).collect();
        let message = format!("“{text}” is not a chart: use {}.", kinds.join(", "));
        Error::Validation(vec![FieldError::new("kind", "unknown_chart", message).with_value(text)])
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
    let language = super::language_of(&ws, args.lang)?;
    let style = Style { theme: args.theme, language, width: args.width, height: args.height, pixel_ratio: args.scale };
    charts::save(&ws, kind, &style, format, &args.out)?;
    println!("{}: {} written to {}", args.workspace.display(), kind.as_str().replace('_', "-"), args.out.display());
    Ok(())
}
