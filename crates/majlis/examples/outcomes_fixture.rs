//! Data for the outcomes benchmark (issue 18), written through the real
//! rules into a data folder that `majlis serve` then opens:
//!
//! ```text
//! cargo run --release -p majlis --example outcomes_fixture -- --data-dir DIR [--ideas 50]
//!     [--municipality gaziantep] [--event istanbul-2018-dialogue-workshop] [--partner kilis]
//! ```
//!
//! Loads the demo network if the database is empty, then adds IDEAS public
//! project ideas led by MUNICIPALITY, born at EVENT, each with an accepted
//! partnership with PARTNER and an action plan (`majlis::demo::synthetic`).
//! The municipality's page then lists IDEAS more plans and ideas, and the
//! event's page as many more outcomes: `scripts/bench` measures both.

use std::path::PathBuf;

use chrono::Utc;
use clap::Parser;
use majlis::config::Settings;
use majlis::demo::synthetic::{Outcomes, outcomes};

#[derive(Parser)]
struct Args {
    /// The data folder `majlis serve --data-dir` will open (SQLite inside).
    #[arg(long)]
    data_dir: PathBuf,
    /// How many ideas, each with its plan.
    #[arg(long, default_value_t = 50)]
    ideas: usize,
    #[arg(long, default_value = "gaziantep")]
    municipality: String,
    #[arg(long, default_value = "istanbul-2018-dialogue-workshop")]
    event: String,
    #[arg(long, default_value = "kilis")]
    partner: String,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let settings = Settings {
        data_dir: args.data_dir.clone(),
        ..Settings::default()
    };
    let db = majlis::app::prepare(&settings).await?;
    if majlis::demo::is_empty(&db).await? {
        majlis::demo::load(&db, Utc::now()).await?;
    }
    let spec = Outcomes {
        ideas: args.ideas,
        municipality: args.municipality,
        event: args.event,
        partner: args.partner,
        run: Utc::now().timestamp().to_string(),
    };
    let plans = outcomes(
        &db,
        &majlis::app::plan_owners(),
        &spec,
        &settings.public_url(),
        Utc::now(),
    )
    .await?;
    println!(
        "{} ideas with plans (ids {:?}…) led by {}, partner {}, from {}",
        plans.len(),
        plans.first(),
        spec.municipality,
        spec.partner,
        spec.event
    );
    Ok(())
}
