//! `chorus`: the command line face of Chorus, on the same core as the window. For scripting
//! and automation: create a workspace, show it, check it, list and restore its backup copies,
//! import and export creators, list and search; list campaigns, see what is due, export the
//! calendar and a campaign; make a campaign, bring an affiliate list in, show a campaign's
//! links and codes; import and list shop orders, decide an order's attribution; list the
//! commission lines; keep exchange rates. Commands that only look open the file so they cannot
//! write to it. Each domain has its file (`workspace`, `roster`, `campaigns`, `sales`,
//! `commissions`); this one holds the arguments.
//! Every failure exits non-zero with one clear line on stderr (and, for a rejected import, the
//! bad rows below it); a failed command leaves the workspace as it was.

mod analytics;
mod campaigns;
mod columns;
mod commissions;
mod output;
mod payouts;
mod roster;
mod sales;
mod workspace;

use chorus_core::roster::export::Dialect;
use chorus_core::roster::{RosterQuery, SortKey};
use chorus_core::{Error, Workspace};
use clap::{Args, Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "chorus", version, about = "Chorus from the command line: one workspace file per client brand.", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// How long a change waits for another Chorus that is writing to the same file.
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = 120)]
    wait: u64,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new, empty workspace file.
    New {
        /// The workspace file to create (refuses to overwrite), e.g. acme.chorus
        workspace: PathBuf,
        /// The client brand's name.
        #[arg(long)]
        brand: String,
        /// ISO 4217 currency of rates and payouts.
        #[arg(long, default_value = "EUR")]
        currency: String,
        /// Locale for amounts and dates in the window: nl-NL, en-GB, en-US or de-DE.
        #[arg(long, default_value = "nl-NL", value_parser = parse_locale)]
        locale: String,
    },
    /// Create a workspace filled with realistic demo creators and campaigns.
    Demo {
        /// The workspace file to create (refuses to overwrite).
        workspace: PathBuf,
    },
    /// Show a workspace's brand, settings and counts, and whether it can be changed here.
    Info {
        workspace: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Check a workspace file for damage: its whole structure and every reference between its
    /// tables, without changing it. Exit status 0: no damage found; 3: damage found.
    Check {
        workspace: PathBuf,
        /// Print JSON instead of text (with SQLite's technical details).
        #[arg(long)]
        json: bool,
    },
    /// List a workspace's backup copies (one a day when it is opened for changes; the last 7
    /// are kept, beside the file or in the folder chosen in the app).
    Backups {
        workspace: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Put a backup copy back in place of the workspace. The file it replaces is kept aside
    /// as "<name> (before restore <date time>).chorus"; nothing is deleted.
    Restore {
        workspace: PathBuf,
        /// Which copy: latest (the default), its day (2026-03-11) or its file.
        #[arg(long, value_name = "latest|YYYY-MM-DD|FILE")]
        from: Option<String>,
    },
    /// Import creators from a CSV file (all or nothing; merges on platform + handle).
    Import {
        workspace: PathBuf,
        /// The CSV file: comma or semicolon separated, UTF-8 or Windows-1252.
        csv: PathBuf,
        /// Map a column to a field: --map "Insta naam=instagram". Repeatable.
        #[arg(long = "map", value_name = "HEADER=FIELD")]
        maps: Vec<String>,
        /// Ignore a column: --ignore "Opmerking intern". Repeatable.
        #[arg(long = "ignore", value_name = "HEADER")]
        ignores: Vec<String>,
        /// Only show how the columns would be read; import nothing.
        #[arg(long)]
        preview: bool,
        /// Import the good rows and leave out the bad ones (saved beside the CSV as
        /// NAME-left-out.csv to fix and import again), instead of importing nothing.
        #[arg(long)]
        skip_bad_rows: bool,
        /// Print JSON instead of text (also for a refused import: every problem).
        #[arg(long)]
        json: bool,
    },
    /// Export creators to CSV (the whole roster, or what the filters select).
    Export {
        workspace: PathBuf,
        /// Where to write; `-` for standard output.
        #[arg(long, short, default_value = "-")]
        out: PathBuf,
        /// plain (commas, 1234.56: for other software) or excel-nl (semicolons, 1234,56: what
        /// Excel on a Dutch or Belgian computer opens as columns).
        #[arg(long, default_value = "plain", value_parser = parse_dialect)]
        dialect: Dialect,
        #[command(flatten)]
        filters: Filters,
    },
    /// List and search creators.
    List {
        workspace: PathBuf,
        #[command(flatten)]
        filters: Filters,
        /// Sort by name, followers or updated.
        #[arg(long, default_value = "name", value_parser = parse_sort)]
        sort: SortKey,
        /// Largest / latest / Z first.
        #[arg(long)]
        desc: bool,
        /// How many rows: 1 to 500.
        #[arg(long, default_value_t = 50, value_parser = parse_limit)]
        limit: u32,
        /// Skip this many rows.
        #[arg(long, default_value_t = 0)]
        offset: u32,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// What is due and overdue (the Today view), for one workspace or several clients.
    Due {
        /// The workspace file; name several to see each client side by side.
        #[arg(required_unless_present = "all_recent", conflicts_with = "all_recent")]
        workspaces: Vec<PathBuf>,
        /// Every workspace in the app's recent list, each labelled with its client.
        #[arg(long)]
        all_recent: bool,
        /// How many days "due" looks ahead, today included.
        #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u32).range(1..=366))]
        days: u32,
        /// The day to see it on (default: today on this computer).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
        today: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List campaigns: phase, dates, budget, committed, spent, collaborations.
    Campaigns {
        workspace: PathBuf,
        /// The day phases are judged on (default: today on this computer).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
        today: Option<String>,
        /// Also list archived campaigns (with the day they were archived).
        #[arg(long)]
        archived: bool,
        /// Print JSON instead of a table (amounts in minor units).
        #[arg(long)]
        json: bool,
    },
    /// Export due dates and usage-rights ends as an iCalendar (.ics) file.
    Ics {
        workspace: PathBuf,
        /// Only this campaign: its id, UTM slug or name.
        #[arg(long)]
        campaign: Option<String>,
        /// Where to write; `-` for standard output.
        #[arg(long, short)]
        out: PathBuf,
    },
    /// Make a campaign: `chorus campaign new <workspace> <name> [--start D] …`.
    Campaign {
        #[command(subcommand)]
        action: CampaignAction,
    },
    /// Bring an affiliate program in: `chorus affiliates import <workspace> <campaign> <file>`.
    Affiliates {
        #[command(subcommand)]
        action: AffiliatesAction,
    },
    /// A campaign's tracking link and discount code per collaboration.
    Links {
        workspace: PathBuf,
        /// The campaign: its id, UTM slug or name.
        campaign: String,
        /// Also write the campaign's codes as a CSV for the shop.
        #[arg(long, value_name = "FILE")]
        codes_csv: Option<PathBuf>,
        /// The codes CSV's spreadsheet: plain or excel-nl.
        #[arg(long, default_value = "plain", value_parser = parse_dialect)]
        dialect: Dialect,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Exchange rates: list them, `import` the ECB's reference rates, or `set` one as typed.
    Rates(commissions::rates::RatesArgs),
    /// Payout runs: compute a draft up to a cut-off, finalise it, export its files (payout
    /// sheet, PayPal, Wise, SEPA), record the payment; what each client owes.
    Payouts {
        #[command(subcommand)]
        action: payouts::PayoutsAction,
    },
    /// Give a creator a bonus (positive amount) or a deduction (negative), with the reason;
    /// the next payout run takes it. Example: chorus adjust acme.chorus @sanne -12.50 --reason "Returned sample"
    Adjust {
        workspace: PathBuf,
        /// The creator's handle (or platform:handle).
        creator: String,
        /// In the workspace currency: 25.00, -12.50.
        #[arg(allow_hyphen_values = true)]
        amount: String,
        /// Why: kept with the adjustment, on the statement and in the audit log.
        #[arg(long)]
        reason: String,
        /// The first run's cut-off it counts for (default: today).
        #[arg(long, value_name = "DAY")]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show the workspace settings as key = value, or change some at once (all or nothing):
    /// chorus settings acme.chorus --set min_payout=50.00 --set brand_iban=NL91ABNA0417164300
    Settings {
        workspace: PathBuf,
        /// key=value; may be given several times. `chorus settings <ws>` lists the keys.
        #[arg(long, value_name = "KEY=VALUE")]
        set: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Draw one of the workspace's charts as SVG or PNG: the money charts, or what posts did
    /// (engagement, by-format, by-tier, gifted-vs-paid, funnel, budget, growth), of a campaign
    /// with --campaign, of one creator with --creator (growth needs one):
    /// chorus chart acme.chorus by-format --campaign "Spring coats" --out formats.svg
    Chart(analytics::chart::ChartArgs),
    /// Post results: `import` a Meta Business Suite export or any sheet (matched to the
    /// published posts), or `list` a campaign's posts with their newest counts.
    Results {
        #[command(subcommand)]
        action: analytics::results::ResultsAction,
    },
    /// What worked: engagement by creator, tier, format, deal type, niche match or call to
    /// action, beside the guide's benchmarks, with every formula named:
    /// chorus analytics acme.chorus --campaign "Spring coats" --by tier
    Analytics(analytics::figures::AnalyticsArgs),
    /// A campaign's client report as PDF: key figures beside the benchmarks, charts, best posts,
    /// spend and return, the formulas; --no-money leaves every amount out:
    /// chorus report acme.chorus "Spring coats" --out spring.pdf --lang nl
    Report(analytics::report::ReportArgs),
    /// Export one campaign's collaborations and deliverables as CSV.
    CampaignExport {
        workspace: PathBuf,
        /// The campaign: its id, UTM slug or name.
        campaign: String,
        /// Where to write; `-` for standard output.
        #[arg(long, short, default_value = "-")]
        out: PathBuf,
    },
    /// Shop orders, newest first (attribution or why not, base, commission), or
    /// `chorus orders import <ws> <file>`.
    #[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
    Orders {
        #[command(subcommand)]
        command: Option<sales::OrdersCommand>,
        #[command(flatten)]
        list: OrdersList,
    },
    /// Decide an order by hand (the review queue, or any order): to a creator's collaboration
    /// (`@handle` or `platform:handle`), or `none`; with the reason, kept in the audit log.
    Attribute {
        workspace: PathBuf,
        /// The order's number, as the shop shows it (#1001 or 1001).
        order: String,
        /// @handle, platform:handle, or none.
        creator: String,
        #[arg(long)]
        reason: String,
        /// The shop of the order, when two shops have its number: shopify, woocommerce or csv.
        #[arg(long, value_parser = sales::orders_import::parse_source)]
        source: Option<chorus_core::sales::orders::Source>,
        /// The creator's campaign (id, UTM value or name), when they have several collaborations.
        #[arg(long)]
        campaign: Option<String>,
        /// Give the order to them although it carries none of their codes.
        #[arg(long)]
        without_code: bool,
        #[arg(long)]
        json: bool,
    },
    /// List commission lines (order, creator, base, rule, rate, amount, status) and the totals
    /// by status.
    Commissions {
        workspace: PathBuf,
        /// Only the lines of the creator with this handle (or platform:handle).
        #[arg(long, value_name = "HANDLE")]
        creator: Option<String>,
        /// pending, approved, paid or rejected.
        #[arg(long, value_parser = commissions::list::parse_status)]
        status: Option<chorus_core::commissions::lines_list::LineStatus>,
        /// The day statuses are read on (default: today on this computer).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
        as_of: Option<String>,
        /// How many rows: 1 to 500.
        #[arg(long, default_value_t = 50, value_parser = parse_limit)]
        limit: u32,
        /// Skip this many rows.
        #[arg(long, default_value_t = 0)]
        offset: u32,
        /// Print JSON instead of a table (amounts in minor units).
        #[arg(long)]
        json: bool,
    },
}

/// `chorus orders <ws> [--unattributed | --review] [--creator H]`: the list.
#[derive(Args)]
struct OrdersList {
    #[arg(required = true)]
    workspace: Option<PathBuf>,
    /// Only the orders attributed to no one (with the reason).
    #[arg(long, conflicts_with = "review")]
    unattributed: bool,
    /// Only the orders in the review queue (codes of two creators).
    #[arg(long)]
    review: bool,
    /// Only the orders of the creator with this handle (or platform:handle).
    #[arg(long, value_name = "HANDLE")]
    creator: Option<String>,
    /// How many rows: 1 to 500.
    #[arg(long, default_value_t = 50, value_parser = parse_limit)]
    limit: u32,
    /// Skip this many rows.
    #[arg(long, default_value_t = 0)]
    offset: u32,
    /// Print JSON instead of a table (amounts in minor units).
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum CampaignAction {
    /// Create a campaign (checked as the window's form checks it).
    New {
        workspace: PathBuf,
        /// The campaign's name.
        name: String,
        /// First day, YYYY-MM-DD.
        #[arg(long, value_parser = parse_day)]
        start: Option<String>,
        /// Last day, YYYY-MM-DD.
        #[arg(long, value_parser = parse_day)]
        end: Option<String>,
        /// The budget in the workspace currency, e.g. 5000 or 5000.00.
        #[arg(long)]
        budget: Option<String>,
        /// Where the tracking links lead, e.g. shop.nl/zomer (https:// is added).
        #[arg(long)]
        landing_url: Option<String>,
        /// awareness, leads or sales (the default).
        #[arg(long)]
        goal: Option<String>,
        /// Print the campaign as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum AffiliatesAction {
    /// Import an affiliate list (CSV) into a campaign: all or nothing; matches creators on
    /// platform + handle; a second import of the same file changes nothing.
    Import {
        workspace: PathBuf,
        /// The campaign: its id, UTM slug or name.
        campaign: String,
        /// The CSV file: comma or semicolon separated, UTF-8 or Windows-1252.
        file: PathBuf,
        /// Choose a column for a field: --map code=Promo (FIELD=HEADER). Repeatable.
        #[arg(long = "map", value_name = "FIELD=HEADER")]
        maps: Vec<String>,
        /// Only show what the import would do; change nothing.
        #[arg(long)]
        preview: bool,
        /// Import the good rows and leave out (and list) the bad ones.
        #[arg(long)]
        skip_bad_rows: bool,
        /// Print JSON instead of text (also for a refused import: every problem).
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args, Clone, Default)]
struct Filters {
    /// Search names, handles, niches and tags.
    #[arg(long, short)]
    search: Option<String>,
    /// emerging, nano, micro, mid, macro or mega.
    #[arg(long)]
    tier: Option<String>,
    /// instagram, tiktok, youtube, x, pinterest, twitch, blog or other.
    #[arg(long)]
    platform: Option<String>,
    #[arg(long)]
    niche: Option<String>,
    #[arg(long)]
    tag: Option<String>,
    /// prospect, contacted, negotiating, active, paused, alumni or declined.
    #[arg(long)]
    stage: Option<String>,
    /// A country's code or name, e.g. NL or Nederland (or a value stored as it is).
    #[arg(long)]
    country: Option<String>,
}

impl Filters {
    fn query(&self) -> RosterQuery {
        RosterQuery {
            search: self.search.clone().unwrap_or_default(),
            tier: self.tier.clone(),
            platform: self.platform.clone(),
            niche: self.niche.clone(),
            tag: self.tag.clone(),
            stage: self.stage.clone(),
            country: self.country.clone(),
            ..Default::default()
        }
    }
}

/// A day as `YYYY-MM-DD`, exactly: `03-11-2026` could be the 3rd of November or the 11th of
/// March, so a script must say which.
fn parse_day(text: &str) -> Result<String, String> {
    let t = text.trim();
    let shaped = t.len() == 10 && t.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    match chorus_core::campaigns::fields::parse_date(t).filter(|_| shaped) {
        Some(day) => Ok(day.to_string()),
        None if shaped => Err(format!("{t} is not a day of the calendar")),
        None => Err(format!("“{t}” is not a date in the form YYYY-MM-DD, like 2026-11-25")),
    }
}

/// `--limit`: a page of 1 to 500 rows (what the roster reads at once).
fn parse_limit(text: &str) -> Result<u32, String> {
    let max = chorus_core::roster::MAX_PAGE;
    match text.trim().parse::<u32>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        Ok(0) => Err(format!("a page needs at least one row: use 1 to {max}")),
        Ok(_) => Err(format!("at most {max} rows at once: use --offset for the next page")),
        Err(_) => Err(format!("“{}” is not a number of rows: use 1 to {max}", text.trim())),
    }
}

/// `--locale`: one the window offers, in any case (`nl-nl`, `nl_NL`).
fn parse_locale(text: &str) -> Result<String, String> {
    use chorus_core::workspace::settings::{offered_locale, OFFERED_LOCALES};
    offered_locale(text).map(str::to_string).ok_or_else(|| format!("“{}” is not a locale Chorus offers: use {} or {}", text.trim(), OFFERED_LOCALES[..OFFERED_LOCALES.len() - 1].join(", "), OFFERED_LOCALES[OFFERED_LOCALES.len() - 1]))
}

/// `--today`, or today on this computer's clock.
fn day_or_today(day: Option<String>) -> String {
    day.unwrap_or_else(|| chorus_core::campaigns::fields::local_today().to_string())
}

/// Says on stderr what was written where (stdout may be carrying the data itself).
pub(crate) fn tell(message: String) {
    if !message.is_empty() {
        let _ = writeln!(std::io::stderr(), "{message}");
    }
}

pub(crate) fn parse_dialect(text: &str) -> Result<Dialect, String> {
    Dialect::parse(text).ok_or_else(|| format!("“{text}” is not a dialect: use plain or excel-nl"))
}

fn parse_sort(text: &str) -> Result<SortKey, String> {
    SortKey::parse(text).ok_or_else(|| format!("“{text}” is not a sort: use name, followers or updated"))
}

impl Command {
    /// The one workspace file the command works on, to name it in an error.
    fn workspace(&self) -> Option<&Path> {
        match self {
            Command::New { workspace, .. }
            | Command::Demo { workspace }
            | Command::Info { workspace, .. }
            | Command::Check { workspace, .. }
            | Command::Backups { workspace, .. }
            | Command::Restore { workspace, .. }
            | Command::Import { workspace, .. }
            | Command::Export { workspace, .. }
            | Command::List { workspace, .. }
            | Command::Campaigns { workspace, .. }
            | Command::Ics { workspace, .. }
            | Command::CampaignExport { workspace, .. }
            | Command::Links { workspace, .. }
            | Command::Campaign { action: CampaignAction::New { workspace, .. } }
            | Command::Affiliates { action: AffiliatesAction::Import { workspace, .. } }
            | Command::Attribute { workspace, .. }
            | Command::Commissions { workspace, .. }
            | Command::Adjust { workspace, .. }
            | Command::Settings { workspace, .. } => Some(workspace),
            Command::Payouts { action } => action.workspace(),
            Command::Orders { command: Some(command), .. } => Some(command.workspace()),
            Command::Orders { command: None, list } => list.workspace.as_deref(),
            Command::Due { workspaces, all_recent: false, .. } if workspaces.len() == 1 => Some(&workspaces[0]),
            Command::Due { .. } => None,
            Command::Rates(args) => args.workspace(),
            Command::Chart(args) => Some(&args.workspace),
            Command::Results { action } => Some(action.workspace()),
            Command::Analytics(args) => Some(&args.workspace),
            Command::Report(args) => Some(&args.workspace),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    workspace::set_patience(cli.wait);
    let path = cli.command.workspace().map(Path::to_path_buf);
    let result = match cli.command {
        Command::Check { workspace, json } => workspace::check(&workspace, json),
        other => run(other).map(|()| ExitCode::SUCCESS),
    };
    match result.map_err(|e| workspace::explain(e, path.as_deref())) {
        Ok(status) => status,
        // The reader of the output stopped early (`| head`): it has what it wanted.
        Err(e) if output::closed_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let mut err = std::io::stderr().lock();
            // One readable line: no terminal escapes from a file name or a header.
            let _ = writeln!(err, "chorus: {}", chorus_core::roster::import::display_text(&e.to_string(), 2_000));
            if let Error::ImportRejected { problems, .. } = &e {
                let _ = roster::print_groups(&chorus_core::roster::import::group_problems(problems), &mut err);
            }
            if let Error::Damaged { path, backup: Some(_) } = &e {
                let _ = writeln!(err, "  To put the latest backup copy back: chorus restore \"{}\"", path.display());
            }
            if let Error::Validation(fields) = &e {
                if fields.len() > 1 {
                    for f in fields {
                        let _ = writeln!(err, "  {}: {}", f.field, f.message);
                    }
                }
            }
            ExitCode::FAILURE
        }
    }
}

/// Opens a workspace for a command that only looks: it cannot write to the file.
pub(crate) fn open(path: &Path) -> chorus_core::Result<Workspace> {
    workspace::open_for_reading(path)
}

pub(crate) fn print_json(value: &impl serde::Serialize) -> chorus_core::Result<()> {
    output::json(value)
}

fn run(command: Command) -> chorus_core::Result<()> {
    match command {
        Command::New { workspace, brand, currency, locale } => workspace::new(&workspace, &brand, &currency, &locale),
        Command::Demo { workspace } => workspace::demo(&workspace),
        Command::Info { workspace, json } => workspace::info(&workspace, json),
        Command::Check { .. } => unreachable!("chorus check is run by main, for its exit status"),
        Command::Backups { workspace, json } => workspace::list_backups(&workspace, json),
        Command::Restore { workspace, from } => workspace::restore(&workspace, from.as_deref()),
        Command::Import { workspace, csv, maps, ignores, preview, skip_bad_rows, json } => {
            roster::import(&workspace, &csv, &maps, &ignores, roster::ImportFlags { preview, json, skip_bad_rows })
        }
        Command::Export { workspace, out, dialect, filters } => roster::export(&workspace, &out, &filters.query(), dialect),
        Command::List { workspace, filters, sort, desc, limit, offset, json } => {
            roster::list(&workspace, RosterQuery { sort, descending: desc, limit, offset, ..filters.query() }, json)
        }
        Command::Due { workspaces, all_recent, days, today, json } => {
            let day = day_or_today(today);
            let written = match &workspaces[..] {
                // One named workspace opens like any other command; several, or the recent
                // list, are an overview in which each client reports its own trouble.
                [single] if !all_recent => {
                    let view = campaigns::due::one(&open(single)?, &day, days)?;
                    if json {
                        return print_json(&view);
                    }
                    campaigns::due::print(&view, &mut std::io::stdout().lock())
                }
                _ => {
                    let paths = if all_recent { campaigns::due::recent_workspaces()? } else { workspaces };
                    let clients = campaigns::due::across(&paths, &day, days);
                    if json {
                        return print_json(&clients);
                    }
                    campaigns::due::print_clients(&clients, &mut std::io::stdout().lock())
                }
            };
            written.map_err(output::write_error)
        }
        Command::Campaigns { workspace, today, archived, json } => {
            let ws = open(&workspace)?;
            let day = day_or_today(today);
            if json {
                return print_json(&campaigns::list(&ws, &day, archived)?);
            }
            campaigns::print_list(&ws, &day, archived, &mut std::io::stdout().lock())
        }
        Command::Ics { workspace, campaign, out } => {
            let ws = open(&workspace)?;
            tell(campaigns::write_ics(&ws, campaign.as_deref(), &out)?);
            Ok(())
        }
        Command::Campaign { action: CampaignAction::New { workspace, name, start, end, budget, landing_url, goal, json } } => {
            campaigns::new::new(&workspace, campaigns::new::NewCampaign { name, start, end, budget, landing_url, goal, json })
        }
        Command::Affiliates { action: AffiliatesAction::Import { workspace, campaign, file, maps, preview, skip_bad_rows, json } } => {
            sales::affiliates::import(&workspace, &campaign, &file, &maps, sales::affiliates::Flags { preview, skip_bad_rows, json })
        }
        Command::Links { workspace, campaign, codes_csv, dialect, json } => sales::links::links(&workspace, &campaign, json, codes_csv.as_deref(), dialect),
        Command::CampaignExport { workspace, campaign, out } => {
            let ws = open(&workspace)?;
            tell(campaigns::write_csv(&ws, &campaign, &out)?);
            Ok(())
        }
        Command::Orders { command: Some(command), .. } => sales::run(command),
        Command::Orders { command: None, list } => {
            let OrdersList { workspace, unattributed, review, creator, limit, offset, json } = list;
            let workspace = workspace.expect("clap requires the workspace without a subcommand");
            let args = sales::orders_list::OrdersArgs { unattributed, review, creator: creator.as_deref(), limit, offset, json };
            sales::orders_list::run(&open(&workspace)?, args)
        }
        Command::Attribute { workspace, order, creator, reason, source, campaign, without_code, json } => {
            sales::attribute::run(&workspace, sales::attribute::Choice { order: &order, creator: &creator, reason: &reason, source, campaign: campaign.as_deref(), without_code, json })
        }
        Command::Rates(args) => commissions::rates::run(args),
        Command::Payouts { action } => payouts::run(action),
        Command::Chart(args) => analytics::chart::run(args),
        Command::Results { action } => analytics::results::run(action),
        Command::Analytics(args) => analytics::figures::run(args),
        Command::Report(args) => analytics::report::run(args),
        Command::Adjust { workspace, creator, amount, reason, date, json } => payouts::adjust(&workspace, &creator, &amount, &reason, date, json),
        Command::Settings { workspace, set, json } => payouts::settings(&workspace, &set, json),
        Command::Commissions { workspace, creator, status, as_of, limit, offset, json } => {
            let args = commissions::list::CommissionsArgs { creator: creator.as_deref(), status, as_of: day_or_today(as_of), limit, offset, json };
            commissions::list::run(&open(&workspace)?, args)
        }
    }
}
