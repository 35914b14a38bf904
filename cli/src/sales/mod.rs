//! The sales commands: `affiliates import` and `links`; `orders` (the list), `orders import`
//! and `attribute`: shop orders into a workspace (a preview first if asked; all or nothing,
//! every problem at its row and column) and a person's decision on an order (to a creator's
//! collaboration, or to nobody, with a reason).

pub mod affiliates;
pub mod attribute;
pub mod links;
pub mod orders_import;
pub mod orders_list;

use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum OrdersCommand {
    /// Import a shop's orders export: Shopify, WooCommerce or any CSV with --map (all or
    /// nothing; the same file again changes nothing; refunds and cancellations only move forward).
    Import {
        workspace: PathBuf,
        /// The orders export (CSV).
        file: PathBuf,
        /// Which shop wrote it: shopify, woocommerce or csv (default: recognised from its columns).
        #[arg(long, value_parser = orders_import::parse_source)]
        source: Option<chorus_core::sales::orders::Source>,
        /// Only say what the import would do; change nothing.
        #[arg(long)]
        preview: bool,
        /// Read a column as a field: --map "Bestelnummer=order_number" (FIELD=HEADER is
        /// understood too). Repeatable; makes the file a CSV with a mapping.
        #[arg(long = "map", value_name = "HEADER=FIELD")]
        maps: Vec<String>,
        /// Print JSON instead of text (also for a refused import: every problem).
        #[arg(long)]
        json: bool,
    },
}

impl OrdersCommand {
    pub fn workspace(&self) -> &std::path::Path {
        match self {
            OrdersCommand::Import { workspace, .. } => workspace,
        }
    }
}

pub fn run(command: OrdersCommand) -> chorus_core::Result<()> {
    match command {
        OrdersCommand::Import { workspace, file, source, preview, maps, json } => orders_import::run(&workspace, &file, source, &maps, preview, json),
    }
}
