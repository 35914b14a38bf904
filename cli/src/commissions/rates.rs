//! `chorus rates <ws> [--json]` lists the exchange rates the workspace keeps;
//! `chorus rates import <ws> <file>` imports the ECB's reference rates (CSV or XML, all or
//! nothing; the same file again changes nothing); `chorus rates set <ws> <date> <from> <to>
//! <rate>` keeps one rate exactly as typed (1 FROM = RATE TO on DATE). A change books again,
//! in the same transaction, the orders it can move, and says how many lines that booked.

use crate::columns::{aligned, Align};
use crate::output::write_error;
use chorus_core::commissions::ledger::Booking;
use chorus_core::commissions::rates_store::{self, RateSet, RatesImported};
use chorus_core::numbers::Spelling;
use chorus_core::words::counted;
use chorus_core::workspace::Actor;
use chorus_core::Result;
use clap::{Args, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct RatesArgs {
    #[command(subcommand)]
    pub action: Option<RatesAction>,
    /// The workspace file whose rates to list.
    #[arg(required = true)]
    pub workspace: Option<PathBuf>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand)]
pub enum RatesAction {
    /// Import the ECB's reference rates (eurofxref-hist.csv, eurofxref.csv, eurofxref-daily.xml,
    /// eurofxref-hist.xml): all or nothing; a rate the workspace has is left as it is.
    Import {
        workspace: PathBuf,
        /// The ECB file, as downloaded (or saved again by Excel).
        file: PathBuf,
        /// Print JSON instead of text (also for a refused import: every problem).
        #[arg(long)]
        json: bool,
    },
    /// Keep one rate, exactly as typed: 1 FROM = RATE TO on DATE (replaces that day's rate of
    /// the pair). Example: chorus rates set acme.chorus 2026-06-10 EUR USD 1.0163
    Set {
        workspace: PathBuf,
        /// The day of the rate: 2026-06-10 (or 10-06-2026).
        date: String,
        /// The currency of one unit: EUR.
        from: String,
        /// The currency the rate is in: USD.
        to: String,
        /// How many TO one FROM is: 1.0163 (or 1,0163).
        #[arg(allow_hyphen_values = true)]
        rate: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

impl RatesArgs {
    /// The workspace the command works on, to name it in an error.
    pub fn workspace(&self) -> Option<&Path> {
        match &self.action {
            Some(RatesAction::Import { workspace, .. } | RatesAction::Set { workspace, .. }) => Some(workspace),
            None => self.workspace.as_deref(),
        }
    }
}

pub fn run(args: RatesArgs) -> Result<()> {
    match args.action {
        None => list(args.workspace.as_deref().expect("clap requires the workspace"), args.json),
        Some(RatesAction::Import { workspace, file, json }) => {
            let result = import(&workspace, &file, json);
            if let (Err(e), true) = (&result, json) {
                crate::print_json(&e.to_payload())?;
            }
            result
        }
        Some(RatesAction::Set { workspace, date, from, to, rate, json }) => set(&workspace, &date, &from, &to, &rate, json),
    }
}

fn list(workspace: &Path, json: bool) -> Result<()> {
    let ws = crate::open(workspace)?;
    let rates = rates_store::list_rates(ws.conn())?;
    if json {
        return crate::print_json(&rates);
    }
    let mut out = std::io::stdout().lock();
    if rates.is_empty() {
        return writeln!(out, "No exchange rates yet: chorus rates import <workspace> eurofxref-hist.csv, or chorus rates set <workspace> <date> <from> <to> <rate>.").map_err(write_error);
    }
    let mut rows = vec![["DATE", "FROM", "TO", "RATE", "SOURCE"].map(String::from).to_vec()];
    rows.extend(rates.iter().map(|r| vec![r.date.clone(), r.from.clone(), r.to.clone(), r.rate.clone(), r.source.clone()]));
    for line in aligned(&rows, &[Align::Left, Align::Left, Align::Left, Align::Right, Align::Left], "") {
        writeln!(out, "{line}").map_err(write_error)?;
    }
    writeln!(out, "{}: 1 FROM = RATE TO on DATE", counted(rates.len() as i64, "rate", "rates")).map_err(write_error)
}

fn import(workspace: &Path, file: &Path, json: bool) -> Result<()> {
    let mut ws = crate::workspace::open_for_work(workspace, Actor::Import)?;
    let report = rates_store::import_rates(&mut ws, file)?;
    crate::workspace::finish(ws);
    if json {
        return crate::print_json(&report);
    }
    print_import(&report, &mut std::io::stdout().lock()).map_err(write_error)
}

fn print_import(r: &RatesImported, out: &mut impl Write) -> std::io::Result<()> {
    let span = match (&r.first_date, &r.last_date) {
        (Some(first), Some(last)) if first != last => format!(", {first} to {last}"),
        (Some(day), _) => format!(", {day}"),
        _ => String::new(),
    };
    let read = r.added + r.changed + r.unchanged;
    writeln!(out, "Read {} from {} ({}{span}): {} added, {} changed, {} unchanged.", counted(read as i64, "rate", "rates"), r.file, r.format, r.added, r.changed, r.unchanged)?;
    if !r.skipped_currencies.is_empty() {
        writeln!(out, "Left out currencies Chorus does not know: {}.", r.skipped_currencies.join(", "))?;
    }
    if !r.ignored_columns.is_empty() {
        writeln!(out, "Left out columns that are not currencies: {}.", r.ignored_columns.join(", "))?;
    }
    print_booking(&r.booking, out)
}

fn set(workspace: &Path, date: &str, from: &str, to: &str, rate: &str, json: bool) -> Result<()> {
    let mut ws = crate::workspace::open_for_work(workspace, Actor::Cli)?;
    let done: RateSet = rates_store::set_rate(&mut ws, date, from, to, rate, Spelling::Unknown)?;
    crate::workspace::finish(ws);
    if json {
        return crate::print_json(&done);
    }
    let mut out = std::io::stdout().lock();
    let r = &done.rate;
    let was = done.replaced.as_ref().map(|old| format!(" (was {old})")).unwrap_or_default();
    writeln!(out, "Kept 1 {} = {} {} on {}{was}.", r.from, r.rate, r.to, r.date).map_err(write_error)?;
    print_booking(&done.booking, &mut out).map_err(write_error)
}

fn print_booking(b: &Booking, out: &mut impl Write) -> std::io::Result<()> {
    if b.lines_added > 0 {
        writeln!(out, "Booked {} for orders in other currencies.", counted(b.lines_added as i64, "commission line", "commission lines"))?;
    }
    if b.orders_waiting > 0 {
        writeln!(out, "{} still {} for a rate or a rule (each order says why).", counted(b.orders_waiting as i64, "order", "orders"), if b.orders_waiting == 1 { "waits" } else { "wait" })?;
    }
    Ok(())
}
