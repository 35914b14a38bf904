//! The command line's payouts: `chorus payouts run|list|show|finalise|mark-paid|export|owed`,
//! `chorus adjust` (a bonus or deduction with its reason) and `chorus settings` (every
//! workspace setting as key = value, changed all or nothing). Each a thin call into the core;
//! a run's files are written atomically, several files of one rail numbered `-1`, `-2`, ….

use crate::columns::{aligned, clip, Align};
use crate::output::write_error;
use chorus_core::money::{format_plain, Currency};
use chorus_core::numbers::Spelling;
use chorus_core::payouts::export::RunFormat;
use chorus_core::payouts::run_files::{run_files, write_run_files, ExportChoices};
use chorus_core::payouts::owed::{owed_across, ClientOwed, Owed};
use chorus_core::payouts::runs::{self, Run};
use chorus_core::payouts::sheet::SheetLanguage;
use chorus_core::roster::export::Dialect;
use chorus_core::workspace::settings_keys::{analytics_keys, set_settings, settings_values, SettingValue, KEYS};
use chorus_core::workspace::Actor;
use chorus_core::{Error, FieldError, Result};
use chrono::NaiveDate;
use clap::Subcommand;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum PayoutsAction {
    /// Compute the draft payout run up to a cut-off day (again, when there is one): who is
    /// payable, carried and blocked, with the reason. Fees that fell due are booked first.
    Run {
        workspace: PathBuf,
        /// The cut-off day: commission lines approved by then, fees due and adjustments from
        /// then. Not after today.
        #[arg(long, value_name = "DAY")]
        cutoff: String,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// List the workspace's payout runs, newest first.
    List {
        workspace: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Show one run: every creator with their amounts and where they stand.
    Show {
        workspace: PathBuf,
        run: i64,
        #[arg(long)]
        json: bool,
    },
    /// Finalise the draft run: it takes its payable creators' lines and never changes again.
    /// Refused (and the draft computed again) when the ledger changed since it was computed.
    Finalise {
        workspace: PathBuf,
        run: i64,
        #[arg(long)]
        json: bool,
    },
    /// Record the payment of a finalised run (every payable creator not yet paid, or one).
    MarkPaid {
        workspace: PathBuf,
        run: i64,
        /// Only this creator (handle or platform:handle).
        #[arg(long, value_name = "HANDLE")]
        creator: Option<String>,
        /// The day the money left.
        #[arg(long, value_name = "DAY")]
        date: String,
        /// The bank's batch number or the PayPal payout ID.
        #[arg(long)]
        reference: String,
        #[arg(long)]
        json: bool,
    },
    /// Write a run's file: the payout sheet (csv, xlsx), the creators' statements (pdf: one
    /// PDF of every creator's, or one creator's), or the files that pay it (paypal, wise,
    /// sepa) from a finalised run.
    Export {
        workspace: PathBuf,
        run: i64,
        /// csv, xlsx, pdf, paypal, wise or sepa.
        #[arg(long, value_parser = parse_format)]
        format: RunFormat,
        /// The file to write (a rail split into several files numbers them: payout-1.csv, …).
        #[arg(long)]
        out: PathBuf,
        /// The sheet's or the statements' language: en or nl (default: the workspace locale's).
        #[arg(long, value_parser = parse_language)]
        lang: Option<SheetLanguage>,
        /// The statement of this creator only (handle or platform:handle; pdf only).
        #[arg(long, value_name = "HANDLE", conflicts_with = "each")]
        creator: Option<String>,
        /// Every creator's statement in a PDF of its own, beside --out: "OUT - Sanne Groen.pdf"
        /// (pdf only).
        #[arg(long)]
        each: bool,
        /// The CSV sheet's dialect: plain or excel (semicolons, decimal commas).
        #[arg(long, value_parser = crate::parse_dialect, default_value = "plain")]
        dialect: Dialect,
        /// The day the bank is asked to pay (SEPA; default: today).
        #[arg(long, value_name = "DAY")]
        execution_date: Option<String>,
    },
    /// What each client owes its creators: payable now, carried, blocked, waiting for payment.
    Owed {
        /// Workspace files; none with --all-recent.
        workspaces: Vec<PathBuf>,
        /// Every workspace on the app's recent list.
        #[arg(long, conflicts_with = "workspaces")]
        all_recent: bool,
        /// As of this day (default: today).
        #[arg(long, value_name = "DAY")]
        today: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

impl PayoutsAction {
    pub fn workspace(&self) -> Option<&Path> {
        match self {
            PayoutsAction::Run { workspace, .. }
            | PayoutsAction::List { workspace, .. }
            | PayoutsAction::Show { workspace, .. }
            | PayoutsAction::Finalise { workspace, .. }
            | PayoutsAction::MarkPaid { workspace, .. }
            | PayoutsAction::Export { workspace, .. } => Some(workspace),
            PayoutsAction::Owed { workspaces, all_recent: false, .. } if workspaces.len() == 1 => Some(&workspaces[0]),
            PayoutsAction::Owed { .. } => None,
        }
    }
}

fn parse_format(text: &str) -> std::result::Result<RunFormat, String> {
    RunFormat::parse(text).ok_or_else(|| format!("“{text}” is not a format: use csv, xlsx, pdf, paypal, wise or sepa"))
}

fn parse_language(text: &str) -> std::result::Result<SheetLanguage, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "en" | "english" => Ok(SheetLanguage::English),
        "nl" | "dutch" | "nederlands" => Ok(SheetLanguage::Dutch),
        _ => Err(format!("“{text}” is not a language: use en or nl")),
    }
}

/// A day as typed on the command line: 2026-11-30 or 30-11-2026.
pub fn day(field: &str, text: &str) -> Result<NaiveDate> {
    chorus_core::payouts::typed_day(field, text)
}

fn today() -> NaiveDate {
    chorus_core::campaigns::fields::local_today()
}

pub fn run(action: PayoutsAction) -> Result<()> {
    match action {
        PayoutsAction::Run { workspace, cutoff, json } => {
            let cutoff = day("cutoff", &cutoff)?;
            let mut ws = crate::workspace::open_for_work(&workspace, Actor::Cli)?;
            let run = runs::compute_run(&mut ws, cutoff, today())?;
            crate::workspace::finish(ws);
            show(&run, json)
        }
        PayoutsAction::List { workspace, json } => {
            let ws = crate::open(&workspace)?;
            let list = runs::list_runs(ws.conn())?;
            if json {
                return crate::print_json(&list);
            }
            let mut out = std::io::stdout().lock();
            if list.is_empty() {
                return writeln!(out, "No payout runs yet: chorus payouts run <workspace> --cutoff <day>.").map_err(write_error);
            }
            let mut rows = vec![["RUN", "STATE", "CUT-OFF", "PAYABLE", "CARRIED", "BLOCKED", "PAID", "TO PAY", "CURRENCY"].map(String::from).to_vec()];
            for r in &list {
                let currency = Currency::parse(&r.currency).unwrap_or_else(|| Currency::parse("EUR").expect("EUR"));
                rows.push(vec![
                    r.id.to_string(),
                    if r.state == runs::RunState::Draft { "draft".into() } else { "finalised".into() },
                    r.cutoff.clone(),
                    r.payable.to_string(),
                    r.carried.to_string(),
                    r.blocked.to_string(),
                    r.paid.to_string(),
                    format_plain(r.to_pay_minor, currency),
                    r.currency.clone(),
                ]);
            }
            let align = [Align::Right, Align::Left, Align::Left, Align::Right, Align::Right, Align::Right, Align::Right, Align::Right, Align::Left];
            for line in aligned(&rows, &align, "") {
                writeln!(out, "{line}").map_err(write_error)?;
            }
            Ok(())
        }
        PayoutsAction::Show { workspace, run, json } => {
            let ws = crate::open(&workspace)?;
            show(&runs::load_run(ws.conn(), run)?, json)
        }
        PayoutsAction::Finalise { workspace, run, json } => {
            let mut ws = crate::workspace::open_for_work(&workspace, Actor::Cli)?;
            let result = runs::finalise_run(&mut ws, run, today());
            crate::workspace::finish(ws);
            let run = result?;
            if json {
                return crate::print_json(&run);
            }
            let currency = currency_of(&run);
            crate::output::line(format!(
                "Run {} finalised up to {}: {} to pay to {} creator(s); it never changes now. Export its files, pay them, then record the payment with chorus payouts mark-paid.",
                run.summary.id,
                run.summary.cutoff,
                money(run.summary.to_pay_minor, currency),
                run.summary.payable
            ))
        }
        PayoutsAction::MarkPaid { workspace, run, creator, date, reference, json } => {
            let paid_on = day("date", &date)?;
            let mut ws = crate::workspace::open_for_work(&workspace, Actor::Cli)?;
            let creator_id = creator.as_deref().map(|h| crate::sales::orders_list::resolve_creator(&ws, h)).transpose()?.map(|c| c.creator_id);
            let result = runs::mark_paid(&mut ws, run, creator_id, paid_on, &reference);
            let currency = ws.settings().map(|s| s.currency());
            crate::workspace::finish(ws);
            let paid = result?;
            if json {
                return crate::print_json(&paid);
            }
            crate::output::line(format!(
                "Recorded: {} paid to {} creator(s) on {paid_on}, reference {}; {} commission line(s) are paid.",
                money(paid.amount_minor, currency?),
                paid.creators,
                reference.trim(),
                paid.commission_lines
            ))
        }
        PayoutsAction::Export { workspace, run, format, out, lang, creator, each, dialect, execution_date } => {
            let ws = crate::open(&workspace)?;
            if creator.is_some() && format != RunFormat::Pdf {
                return Err(Error::Validation(vec![FieldError::new("creator", "creator_for_statements_only", "--creator picks one creator's statement: use it with --format pdf.")]));
            }
            if each && format != RunFormat::Pdf {
                return Err(Error::Validation(vec![FieldError::new("each", "each_for_statements_only", "--each writes every creator's statement in its own PDF: use it with --format pdf.")]));
            }
            let creator_id = creator.as_deref().map(|h| crate::sales::orders_list::resolve_creator(&ws, h)).transpose()?.map(|c| c.creator_id);
            let language = lang.unwrap_or(if ws.settings()?.locale.starts_with("nl") { SheetLanguage::Dutch } else { SheetLanguage::English });
            let execution = match execution_date {
                Some(text) => day("execution_date", &text)?,
                None => today(),
            };
            let choices = ExportChoices { language, dialect, execution, created: chrono::Local::now().naive_local(), creator_id, each_creator: each };
            let what = if format == RunFormat::Pdf { "statement(s)" } else { "row(s)" };
            for file in write_run_files(run_files(ws.conn(), run, format, &out, &choices)?)? {
                crate::tell(format!("Wrote {} ({} {what}).", file.path, file.rows));
            }
            Ok(())
        }
        PayoutsAction::Owed { workspaces, all_recent, today: as_of, json } => {
            let as_of = match as_of {
                Some(text) => day("today", &text)?,
                None => today(),
            };
            let paths = if all_recent || workspaces.is_empty() { crate::campaigns::due::recent_workspaces()? } else { workspaces };
            let clients = owed_across(&paths, as_of);
            if json {
                return crate::print_json(&clients);
            }
            print_owed(&clients, &mut std::io::stdout().lock()).map_err(write_error)
        }
    }
}

fn currency_of(run: &Run) -> Currency {
    Currency::parse(&run.summary.currency).unwrap_or_else(|| Currency::parse("EUR").expect("EUR"))
}

fn money(minor: i64, currency: Currency) -> String {
    format!("{} {}", format_plain(minor, currency), currency.code())
}

fn show(run: &Run, json: bool) -> Result<()> {
    if json {
        return crate::print_json(run);
    }
    let s = &run.summary;
    let currency = currency_of(run);
    let mut out = std::io::stdout().lock();
    let state = if s.state == runs::RunState::Draft { "draft (compute it again at will; finalise to pay it)" } else { "finalised" };
    writeln!(out, "Payout run {} · up to {} · {state}", s.id, s.cutoff).map_err(write_error)?;
    writeln!(
        out,
        "{} payable ({}), {} carried, {} blocked; minimum payout {}",
        s.payable,
        money(s.to_pay_minor, currency),
        s.carried,
        s.blocked,
        money(s.min_payout_minor, currency)
    )
    .map_err(write_error)?;
    if run.creators.is_empty() {
        return writeln!(out, "Nobody has anything to be paid up to this day.").map_err(write_error);
    }
    let mut rows = vec![["CREATOR", "OUTCOME", "METHOD", "COMMISSIONS", "FEES", "ADJUSTMENTS", "CARRIED IN", "TO PAY", "CARRIED OUT", "WHY"].map(String::from).to_vec()];
    for c in &run.creators {
        let outcome = match (c.outcome, &c.paid_on) {
            ("payable", Some(on)) => format!("paid {on}"),
            (o, _) => o.to_string(),
        };
        rows.push(vec![
            clip(&c.name, 30),
            outcome,
            c.method.to_string(),
            format_plain(c.commissions_minor, currency),
            format_plain(c.fees_minor, currency),
            format_plain(c.adjustments_minor, currency),
            format_plain(c.carried_in_minor, currency),
            format_plain(c.to_pay_minor(), currency),
            format_plain(c.carried_out_minor, currency),
            clip(&c.reason, 90),
        ]);
    }
    let r = Align::Right;
    let l = Align::Left;
    for line in aligned(&rows, &[l, l, l, r, r, r, r, r, r, l], "") {
        writeln!(out, "{line}").map_err(write_error)?;
    }
    Ok(())
}

fn print_owed(clients: &[ClientOwed], out: &mut impl Write) -> std::io::Result<()> {
    let mut rows = vec![["CLIENT", "PAYABLE NOW", "CARRIED", "BLOCKED", "AWAITING PAYMENT", "FEES TO BOOK", "TOTAL OWED", "CURRENCY"].map(String::from).to_vec()];
    let mut notes = Vec::new();
    for c in clients {
        match &c.owed {
            Some(o) => rows.push(owed_row(o)),
            None if c.needs_update => notes.push(format!("{}: made by an older Chorus; open it on its own to update it ({}).", c.brand_name, c.path)),
            None => notes.push(format!("{}: {}", c.brand_name, c.error.as_ref().map(|e| e.message.clone()).unwrap_or_default())),
        }
    }
    let r = Align::Right;
    for line in aligned(&rows, &[Align::Left, r, r, r, r, r, r, Align::Left], "") {
        writeln!(out, "{line}")?;
    }
    for n in notes {
        writeln!(out, "{}", clip(&n, 200))?;
    }
    Ok(())
}

fn owed_row(o: &Owed) -> Vec<String> {
    let currency = Currency::parse(&o.currency).unwrap_or_else(|| Currency::parse("EUR").expect("EUR"));
    let count = |minor: i64, n: i64| if n > 0 { format!("{} ({n})", format_plain(minor, currency)) } else { format_plain(minor, currency) };
    vec![
        clip(&o.brand_name, 40),
        count(o.payable_minor, o.payable_creators),
        count(o.carried_minor, o.carried_creators),
        count(o.blocked_minor, o.blocked_creators),
        count(o.awaiting_payment_minor, o.awaiting_payment_creators),
        count(o.fees_to_book_minor, o.fees_to_book),
        format_plain(o.total_minor(), currency),
        o.currency.clone(),
    ]
}

/// `chorus adjust <ws> <creator> <amount> --reason R`: a bonus (positive) or a deduction
/// (negative) in the workspace currency.
pub fn adjust(workspace: &Path, creator: &str, amount: &str, reason: &str, on: Option<String>, json: bool) -> Result<()> {
    let on_date = match on {
        Some(text) => day("date", &text)?,
        None => today(),
    };
    let mut ws = crate::workspace::open_for_work(workspace, Actor::Cli)?;
    let currency = ws.settings()?.currency();
    let signed = chorus_core::payouts::adjustments::read_signed_amount(amount, currency, Spelling::Unknown)?;
    let who = crate::sales::orders_list::resolve_creator(&ws, creator)?;
    let result = chorus_core::payouts::adjustments::add_adjustment(&mut ws, who.creator_id, signed, reason, on_date);
    crate::workspace::finish(ws);
    let a = result?;
    if json {
        return crate::print_json(&a);
    }
    let what = if a.amount_minor > 0 { "Bonus" } else { "Deduction" };
    crate::output::line(format!("{what} of {} for {} from {}: {}. The next payout run takes it.", money(a.amount_minor, currency), who.display_name, a.on_date, a.reason))
}

/// `chorus settings <ws> [--set key=value ...] [--json]`.
pub fn settings(workspace: &Path, set: &[String], json: bool) -> Result<()> {
    let values: Vec<SettingValue> = if set.is_empty() {
        settings_values(&crate::open(workspace)?)?
    } else {
        let mut changes = Vec::with_capacity(set.len());
        for pair in set {
            let Some((key, value)) = pair.split_once('=') else {
                return Err(crate::campaigns::due::usage(format!("“{}” is not key=value, e.g. --set min_payout=50.00.", clip(pair, 80))));
            };
            changes.push((key.trim().to_string(), value.to_string()));
        }
        let mut ws = crate::workspace::open_for_work(workspace, Actor::Cli)?;
        let result = set_settings(&mut ws, &changes);
        crate::workspace::finish(ws);
        result?
    };
    if json {
        let map: serde_json::Map<String, serde_json::Value> = values.iter().map(|v| (v.key.to_string(), serde_json::Value::String(v.value.clone()))).collect();
        return crate::print_json(&map);
    }
    let mut rows = vec![["KEY", "VALUE", "MEANING"].map(String::from).to_vec()];
    let meanings: Vec<String> = KEYS.iter().map(|(_, m)| m.to_string()).chain(analytics_keys().into_iter().map(|(_, m)| m)).collect();
    for (v, meaning) in values.iter().zip(meanings) {
        rows.push(vec![v.key.to_string(), clip(&v.value, 60), meaning]);
    }
    let mut out = std::io::stdout().lock();
    for line in aligned(&rows, &[Align::Left, Align::Left, Align::Left], "") {
        writeln!(out, "{line}").map_err(write_error)?;
    }
    Ok(())
}
