//! `chorus analytics <ws> [--campaign C] [--by …]`: engagement per group beside the guide's
//! benchmarks, the guide's contrasts, and the formulas used.

use crate::columns::{aligned, Align};
use crate::output::write_error;
use chorus_core::analytics::figures::{analytics, basis_text, Analytics, GroupBy};
use chorus_core::analytics::formulas::FormulaId;
use chorus_core::analytics::rate::Figure;
use chorus_core::numbers::Spelling;
use chorus_core::roster::import::display_text;
use chorus_core::{Error, FieldError, Result};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct AnalyticsArgs {
    pub workspace: PathBuf,
    /// One campaign (id, UTM slug or name); default every campaign.
    #[arg(long)]
    campaign: Option<String>,
    /// creator, tier, format, kind, niche-match, cta, storytelling or faceless.
    #[arg(long, default_value = "creator")]
    by: String,
    /// en or nl (default: the workspace locale's).
    #[arg(long, value_parser = super::parse_language)]
    lang: Option<Spelling>,
    #[arg(long)]
    json: bool,
}

pub fn run(args: AnalyticsArgs) -> Result<()> {
    let by = GroupBy::parse_loose(&args.by).ok_or_else(|| {
        let message = format!("“{}” is not a grouping: use creator, tier, format, kind, niche-match, cta, storytelling or faceless.", args.by);
        Error::Validation(vec![FieldError::new("by", "unknown_grouping", message).with_value(&args.by)])
    })?;
    let ws = crate::open(&args.workspace)?;
    let language = super::language_of(&ws, args.lang)?;
    let campaign = args.campaign.as_deref().map(|c| crate::campaigns::resolve(&ws, c)).transpose()?;
    let figures = analytics(ws.conn(), campaign.as_ref().map(|c| c.id), by, language)?;
    if args.json {
        return crate::print_json(&figures);
    }
    let all = if language == Spelling::Dutch { "Alle campagnes" } else { "All campaigns" };
    let title = campaign.map_or_else(|| all.to_string(), |c| display_text(&c.name, 80));
    print(&title, &figures, language).map_err(write_error)
}

fn rate(f: &Figure<chorus_core::analytics::Ratio>, spelling: Spelling) -> String {
    f.value().map_or_else(|| "—".to_string(), |r| r.percent_text(spelling))
}

fn print(title: &str, a: &Analytics, spelling: Spelling) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    let dutch = spelling == Spelling::Dutch;
    let w = |en: &'static str, nl: &'static str| if dutch { nl } else { en };
    let by = match (a.by, dutch) {
        (_, false) => a.by.label(),
        (GroupBy::Creator, true) => "Creator",
        (GroupBy::Tier, true) => "Tier",
        (GroupBy::Format, true) => "Formaat",
        (GroupBy::Kind, true) => "Soort samenwerking",
        (GroupBy::NicheMatch, true) => "Niche",
        (GroupBy::Cta, true) => "Call-to-action",
        (GroupBy::Storytelling, true) => "Storytelling",
        (GroupBy::Faceless, true) => "Gezicht in beeld",
    };
    if dutch {
        writeln!(out, "{title}: engagement per {}; {} gepubliceerde posts, {} met resultaten", by.to_lowercase(), a.posts, a.measured)?;
    } else {
        writeln!(out, "{title}: engagement by {}; {} published posts, {} with results", by.to_lowercase(), a.posts, a.measured)?;
    }
    if a.groups.is_empty() {
        writeln!(out, "  {}", if dutch { "Nog geen posts in deze indeling." } else { "No posts to group this way yet." })?;
    } else {
        let mut rows = vec![vec![by.to_string(), "Posts".into(), w("With results", "Met resultaten").into(), w("Mean", "Gemiddelde").into(), w("Median", "Mediaan").into(), "Benchmark".into()]];
        for g in &a.groups {
            let benchmark = g.benchmark_sentence.clone().or_else(|| g.no_benchmark.clone()).or_else(|| g.mean.reason().map(|r| r.sentence(spelling))).unwrap_or_default();
            rows.push(vec![display_text(&g.label, 40), g.posts.to_string(), g.measured.to_string(), rate(&g.mean, spelling), rate(&g.median, spelling), benchmark]);
        }
        for line in aligned(&rows, &[Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Left], "  ") {
            writeln!(out, "{line}")?;
        }
    }
    writeln!(out)?;
    for c in &a.contrasts {
        writeln!(out, "  {}", c.sentence)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", w("Formulas:", "Formules:"))?;
    let mut bases: Vec<_> = a.groups.iter().flat_map(|g| g.bases.iter().map(|(b, _)| *b)).collect();
    bases.sort_by_key(|b| basis_text(*b));
    bases.dedup();
    for b in bases {
        writeln!(out, "  {}", b.formula().text(spelling))?;
    }
    for f in [FormulaId::Mean, FormulaId::Median, FormulaId::Difference] {
        writeln!(out, "  {}", f.text(spelling))?;
    }
    writeln!(out, "  {}", chorus_core::analytics::benchmarks::source_note(spelling))?;
    Ok(())
}
