//! The `majlis` command line.

mod forms;

use std::io::{IsTerminal, Read};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Parser, Subcommand};

use crate::accounts::{self, Email, Password};
use crate::config::{DatabaseUrl, LogFormat, Settings};
use crate::db::Db;
use crate::db::lock::StartupLock;
use crate::i18n::Locale;
use crate::{demo, web};

/// Majlis: the collaborative platform of a peer-learning network of
/// municipalities that host refugees and migrants.
///
/// With no options, `majlis serve` keeps everything under ./majlis-data/
/// (an embedded SQLite database) and listens on http://127.0.0.1:8080.
#[derive(Debug, Parser)]
#[command(name = "majlis", version, propagate_version = true)]
pub struct Cli {
    /// Settings file; read if it exists. MAJLIS_* environment variables override it.
    #[arg(
        long,
        global = true,
        default_value = "majlis.toml",
        value_name = "FILE"
    )]
    config: PathBuf,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Start the web server (applies pending migrations first).
    Serve(ServeArgs),
    /// Apply pending database migrations and refresh countries and themes; safe to run twice.
    Migrate(DbArgs),
    /// The demo network built from the network's source documents.
    Demo {
        #[command(subcommand)]
        command: DemoCommand,
    },
    /// Rebuild this node's search index from the database, with a progress bar.
    Reindex(ReindexArgs),
    /// Turn recent changes into notifications and queue the email that is
    /// due now (at once, and the daily and weekly digests once their time
    /// has come): what every server does every 30 seconds.
    Notify(ReindexArgs),
    /// Manage platform administrators.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Re-seal every two-step sign-in secret under a new secret key and keep
    /// the new key (in data_dir/secret_key, or printed when secret_key is set).
    /// Every other node needs the new key before it checks codes again.
    RotateSecretKey(RotateArgs),
    /// Work with XLSForm survey forms (no database needed).
    Forms {
        #[command(subcommand)]
        command: forms::FormsCommand,
    },
    /// Take a backup while the server runs: a database snapshot, the stored
    /// files (only those not yet in the location) and a manifest with their
    /// checksums. The secret key is not included: keep it apart.
    Backup(BackupArgs),
    /// Restore a backup folder into an empty data folder or empty database,
    /// after checking every checksum; then rebuild the search index.
    Restore(RestoreArgs),
    /// Write what a visitor may see of the network as one JSON document
    /// (format majlis-public, described in docs/public-export.md).
    Export(ExportArgs),
    /// Load a public export of another network (or of this one): items it
    /// has not brought before are added, with where they came from; all of
    /// it or nothing.
    Import(ImportArgs),
}

#[derive(Debug, Args)]
struct ExportArgs {
    /// Write the public network to FILE (`-` for standard output).
    #[arg(long, value_name = "FILE", required = true)]
    public: PathBuf,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Debug, Args)]
struct ImportArgs {
    /// A public export (`-` for standard input).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Debug, Args)]
struct BackupArgs {
    /// Backup location [default: backup_dir, else DATA_DIR/backups].
    #[arg(long, value_name = "DIR")]
    to: Option<PathBuf>,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Debug, Args)]
struct RestoreArgs {
    /// The backup folder (majlis-YYYYMMDDTHHMMSSZ inside a backup location).
    #[arg(value_name = "BACKUP")]
    from: PathBuf,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Debug, Args)]
struct RotateArgs {
    /// The new key (64 hex digits) [default: a fresh random key].
    #[arg(
        long,
        value_name = "HEX",
        env = "MAJLIS_NEW_SECRET_KEY",
        hide_env_values = true
    )]
    new_key: Option<String>,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Debug, Args)]
struct ServeArgs {
    /// Load the demo network if the database holds no member yet.
    #[arg(long)]
    demo: bool,
    /// Address and port to listen on [default: 127.0.0.1:8080].
    #[arg(long, value_name = "ADDR")]
    bind: Option<SocketAddr>,
    #[command(flatten)]
    db: DbArgs,
}

/// Where a command finds the node's data: every command that touches data
/// takes both.
#[derive(Debug, Args)]
struct DbArgs {
    /// Database to use: sqlite://PATH or postgres://USER@HOST/DB [default: SQLite in the data folder].
    #[arg(long, value_name = "URL")]
    database_url: Option<String>,
    /// The node's data folder: the embedded database, stored files, search
    /// index and secret key [default: ./majlis-data].
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct ReindexArgs {
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Debug, Subcommand)]
enum DemoCommand {
    /// Load the demo network, or bring it up to date; loading twice changes nothing.
    Load(DbArgs),
}

#[derive(Debug, Subcommand)]
enum AdminCommand {
    /// Create an administrator account. The password is asked for on the
    /// terminal, or read from standard input or MAJLIS_ADMIN_PASSWORD.
    Create {
        /// The administrator's email address (their sign-in name).
        #[arg(long)]
        email: String,
        /// The name shown to other people.
        #[arg(long)]
        name: String,
        /// Preferred language: en, ar, tr, fr or de.
        #[arg(long, default_value = "en")]
        locale: String,
        #[command(flatten)]
        db: DbArgs,
    },
}

/// Parse the command line and run it.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Command::Forms { command } = &cli.command {
        return forms::run(command);
    }
    let mut settings = match Settings::load(&cli.config) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("majlis: {e}");
            return ExitCode::FAILURE;
        }
    };
    let db_args = match &cli.command {
        Command::Serve(a) => {
            if let Some(b) = a.bind {
                settings.bind = b;
            }
            Some(&a.db)
        }
        Command::Reindex(ReindexArgs { db })
        | Command::Notify(ReindexArgs { db })
        | Command::RotateSecretKey(RotateArgs { db, .. })
        | Command::Backup(BackupArgs { db, .. })
        | Command::Restore(RestoreArgs { db, .. })
        | Command::Export(ExportArgs { db, .. })
        | Command::Import(ImportArgs { db, .. }) => Some(db),
        Command::Migrate(a)
        | Command::Demo {
            command: DemoCommand::Load(a),
        } => Some(a),
        Command::Admin {
            command: AdminCommand::Create { db, .. },
        } => Some(db),
        Command::Forms { .. } => None,
    };
    if let Some(d) = db_args.and_then(|a| a.data_dir.clone()) {
        settings.data_dir = d;
    }
    if let Some(url) = db_args.and_then(|a| a.database_url.clone()) {
        settings.database_url = Some(DatabaseUrl(url));
    }
    init_tracing(settings.log_format);
    log_panics();
    for var in Settings::unknown_env_vars() {
        tracing::warn!(variable = %var, "unknown MAJLIS_ setting ignored; is it mistyped?");
    }
    tracing::debug!(?settings, "settings");

    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("majlis: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(run(cli.command, settings));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("majlis: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing(format: LogFormat) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("MAJLIS_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Pretty => builder.try_init(),
    };
}

/// Panics go to the log like every other error (one event, with where it
/// happened, and a backtrace when `RUST_BACKTRACE` asks for one). Those of a
/// malformed PDF during text extraction are expected (the page is skipped)
/// and only logged at debug level.
fn log_panics() {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        if majlis_files::extracting() {
            tracing::debug!(%location, %message, "a malformed PDF made text extraction panic; page skipped");
        } else {
            let backtrace = std::backtrace::Backtrace::capture();
            tracing::error!(%location, %message, %backtrace, "panic");
        }
    }));
}

/// Load the demo network (or bring it up to date) under the database's
/// start-up lock; with `only_if_empty`, only when no member exists yet
/// (`None` then means it was not loaded).
pub async fn load_demo(
    settings: &Settings,
    db: &Db,
    only_if_empty: bool,
) -> anyhow::Result<Option<demo::LoadReport>> {
    let lock = StartupLock::acquire(&settings.database_url()).await?;
    let loaded = async {
        if only_if_empty && !demo::is_empty(db).await? {
            return Ok(None);
        }
        let now = chrono::Utc::now();
        let report = demo::load(db, now).await?;
        // The documents the seeds only name get stand-in files.
        let uploads = crate::library::files::Uploads::from_settings(settings)?;
        let made = demo::stand_in_files(db, &uploads, now).await?;
        if made > 0 {
            tracing::info!(made, "stand-in files made for the demo's documents");
        }
        Ok(Some(report))
    }
    .await;
    lock.release().await;
    loaded
}

async fn run(command: Command, settings: Settings) -> anyhow::Result<()> {
    match command {
        Command::Forms { command } => {
            anyhow::ensure!(
                forms::run(&command) == ExitCode::SUCCESS,
                "the form check failed"
            );
            Ok(())
        }
        Command::Serve(args) => serve(settings, args.demo).await,
        Command::Migrate(_) => {
            let db = crate::app::prepare(&settings).await?;
            println!("database at {} is up to date", settings.database_url());
            db.close().await;
            Ok(())
        }
        Command::Reindex(_) => {
            let db = crate::app::prepare(&settings).await?;
            let (search, _) = crate::search::Search::open(
                &settings.data_dir.join("search"),
                crate::app::search_catalogue(),
            )
            .map_err(|e| {
                anyhow::anyhow!(
                    "cannot open the search index (is a server running on this data folder?): {e}"
                )
            })?;
            let bar = indicatif::ProgressBar::new(0);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:40} {pos}/{len} documents ({elapsed})",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            let n = search
                .rebuild(&db, |done, total| {
                    bar.set_length(total as u64);
                    bar.set_position(done as u64);
                })
                .await?;
            bar.finish();
            println!("search index rebuilt: {n} documents");
            db.close().await;
            Ok(())
        }
        Command::Notify(_) => {
            let db = crate::app::prepare(&settings).await?;
            let key = crate::accounts::secrets::load_or_create(&settings)?;
            let (made, sent) =
                crate::notifications::tick(&db, &key, &settings.public_url(), chrono::Utc::now())
                    .await?;
            println!(
                "{made} notifications made; {} messages queued ({} notifications)",
                sent.messages, sent.notifications
            );
            db.close().await;
            Ok(())
        }
        Command::Demo {
            command: DemoCommand::Load(_),
        } => {
            let db = crate::app::prepare(&settings).await?;
            let r = load_demo(&settings, &db, false).await?.unwrap_or_default();
            println!(
                "demo network loaded: {} created, {} updated, {} unchanged",
                r.created, r.updated, r.unchanged
            );
            db.close().await;
            Ok(())
        }
        Command::Backup(args) => backup(settings, args.to).await,
        Command::Restore(args) => restore(settings, &args.from).await,
        Command::Export(args) => export_public(settings, &args.public).await,
        Command::Import(args) => import(settings, &args.file).await,
        Command::RotateSecretKey(args) => {
            use crate::accounts::secrets::{self, NewKeyAt, SecretKey};
            let new = match &args.new_key {
                Some(k) => SecretKey::parse(k)?,
                None => SecretKey::generate(),
            };
            let db = crate::app::prepare(&settings).await?;
            let (n, at) = secrets::rotate(&settings, &db, &new).await?;
            db.close().await;
            println!("{n} two-step sign-in secrets re-sealed under the new key.");
            match at {
                NewKeyAt::File(path) => println!(
                    "The new key is in {}.\nOn every other node of this database, put the same key in its data folder's secret_key file \
                     (or set secret_key / MAJLIS_SECRET_KEY), then restart it: until then it cannot check two-step codes.",
                    path.display()
                ),
                NewKeyAt::Setting => println!(
                    "secret_key is set in the settings, so the new key is not written to a file. Set on every node, then restart it:\n\
                     MAJLIS_SECRET_KEY={}\nUntil then, nodes cannot check two-step codes.",
                    new.to_hex()
                ),
            }
            Ok(())
        }
        Command::Admin {
            command:
                AdminCommand::Create {
                    email,
                    name,
                    locale,
                    ..
                },
        } => {
            let email = Email::parse(&email)?;
            let locale: Locale = locale
                .parse()
                .map_err(|_| anyhow::anyhow!("--locale must be one of en, ar, tr, fr, de"))?;
            let password = Password::parse(read_password()?)?;
            let db = crate::app::prepare(&settings).await?;
            let p =
                accounts::create_admin(&db, &email, &name, locale, &password, chrono::Utc::now())
                    .await?;
            println!("administrator {} created (id {})", p.email, p.id);
            db.close().await;
            Ok(())
        }
    }
}

async fn backup(settings: Settings, to: Option<PathBuf>) -> anyhow::Result<()> {
    let location = to.unwrap_or_else(|| crate::app::backup::location(&settings));
    let db = crate::app::prepare(&settings).await?;
    let store = crate::library::files::Uploads::from_settings(&settings)?.store;
    let node = format!("cli-{}", std::process::id());
    let taken = crate::app::backup::schedule::take_recorded(
        &settings,
        &db,
        &store,
        &location,
        &node,
        chrono::Utc::now(),
    )
    .await;
    db.close().await;
    let taken = taken?;
    let m = &taken.manifest;
    println!("backup written to {}", taken.folder.display());
    println!("  {} database, schema {}", m.database.kind, m.schema);
    println!("  {}", m.counts);
    println!(
        "  stored files: {} copied now, {} already in {}",
        taken.copied,
        taken.reused,
        location.join(crate::app::backup::OBJECTS).display()
    );
    let key_file = crate::accounts::secrets::key_file(&settings);
    let in_setting = settings
        .secret_key
        .as_ref()
        .is_some_and(|k| !k.expose().trim().is_empty());
    // The manifest names a key's check value only when a key exists.
    if m.key_check.is_none() {
        println!(
            "No secret key exists yet, so none is needed to restore this backup. The server makes one \
             in {} when it first starts: keep a copy of it apart from the backups then.",
            key_file.display()
        );
        return Ok(());
    }
    let key = if in_setting {
        "the secret_key setting (MAJLIS_SECRET_KEY)".to_owned()
    } else {
        key_file.display().to_string()
    };
    println!(
        "The secret key is NOT in the backup. It is in {key}.\n\
         Keep a copy apart from the backups (a password manager, a safe): without it, a restored \
         platform cannot check anyone's two-step sign-in codes."
    );
    Ok(())
}

async fn restore(settings: Settings, from: &std::path::Path) -> anyhow::Result<()> {
    let r = crate::app::backup::restore(&settings, from).await?;
    println!(
        "restored {} into {}",
        from.display(),
        settings.database_url()
    );
    println!("  {}", r.counts);
    if r.schema_from != r.schema_now {
        println!(
            "  schema brought up to date: {} -> {}",
            r.schema_from, r.schema_now
        );
    }
    println!("  search index rebuilt: {} documents", r.indexed);
    if r.key_present && r.key_needed {
        println!("The secret key in {} matches the backup.", r.key_at);
    } else if r.key_present {
        println!(
            "The backup was taken before any secret key existed; the server will use the key in {}.",
            r.key_at
        );
    } else if !r.key_needed {
        println!(
            "The backup was taken before any secret key existed: the server makes one in {} when it first starts.",
            r.key_at
        );
    } else {
        println!(
            "No secret key is in place yet. Before starting the server, put the platform's key in {} \
             (or set secret_key / MAJLIS_SECRET_KEY): otherwise a new key is made and two-step \
             sign-in codes can no longer be checked.",
            r.key_at
        );
    }
    Ok(())
}

fn read_password() -> anyhow::Result<String> {
    if let Ok(p) = std::env::var("MAJLIS_ADMIN_PASSWORD") {
        return Ok(p);
    }
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password (8 to 128 characters): ")?;
        let again = rpassword::prompt_password("Repeat the password: ")?;
        anyhow::ensure!(first == again, "the two passwords differ");
        Ok(first)
    } else {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        Ok(s.trim_end_matches(['\r', '\n']).to_owned())
    }
}

async fn serve(settings: Settings, demo_requested: bool) -> anyhow::Result<()> {
    std::fs::create_dir_all(&settings.data_dir).map_err(|e| {
        anyhow::anyhow!(
            "cannot create the data folder {}: {e}",
            settings.data_dir.display()
        )
    })?;
    let listener = match tokio::net::TcpListener::bind(settings.bind).await {
        Ok(l) => l,
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => anyhow::bail!(
            "address {} is already in use (is another majlis running?); choose another with --bind",
            settings.bind
        ),
        Err(e) => anyhow::bail!("cannot listen on {}: {e}", settings.bind),
    };
    let db = crate::app::prepare(&settings).await?;
    if demo_requested {
        match load_demo(&settings, &db, true).await? {
            Some(r) => tracing::info!(created = r.created, "demo network loaded"),
            None => tracing::info!("database already holds members; demo not loaded"),
        }
    }
    web::init_metrics();
    let settings = Arc::new(settings);
    let state = crate::app::AppState::new(db.clone(), settings.clone())
        .await
        .map_err(|e| anyhow::anyhow!("cannot start: {e:#}"))?;
    crate::events::reminders::spawn(db.clone(), state.mailer.clone(), settings.public_url());
    crate::surveys::reminders::spawn(db.clone(), settings.public_url());
    crate::mail::queue::spawn_on_wake(
        db.clone(),
        state.mailer.clone(),
        format!("{}-on-demand", std::process::id()),
    );
    state.search.clone().spawn(db.clone());
    crate::notifications::spawn(db.clone(), state.secret_key.clone(), settings.public_url());
    crate::library::files::spawn(
        db.clone(),
        state.uploads.store.clone(),
        state.uploads.holders.clone(),
        state.uploads.grace,
    );
    crate::app::backup::schedule::spawn(db.clone(), settings.clone(), state.uploads.store.clone());
    let app = crate::app::router(state);
    let limits = web::server::Limits::from_settings(&settings).within_open_file_limit();
    tracing::info!(
        "Majlis is listening on http://{} (database {})",
        listener.local_addr().unwrap_or(settings.bind),
        settings.database_url()
    );
    web::server::Server::new(limits)
        .run(listener, app, shutdown_signal())
        .await?;
    db.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

/// `majlis export --public FILE`.
async fn export_public(settings: Settings, to: &std::path::Path) -> anyhow::Result<()> {
    use std::io::Write;
    let db = crate::app::prepare(&settings).await?;
    let doc =
        crate::exchange::export_public(db.read(), &settings.public_url(), chrono::Utc::now()).await;
    db.close().await;
    let mut bytes = serde_json::to_vec_pretty(&doc?)?;
    bytes.push(b'\n');
    if to == std::path::Path::new("-") {
        std::io::stdout().lock().write_all(&bytes)?;
    } else {
        std::fs::write(to, &bytes)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", to.display()))?;
        eprintln!(
            "public network written to {} ({} bytes)",
            to.display(),
            bytes.len()
        );
    }
    Ok(())
}

/// `majlis import FILE`: checked before the database is touched, written in
/// one transaction, then this node's search index brought up to date (a
/// running server's index follows the outbox by itself).
async fn import(settings: Settings, from: &std::path::Path) -> anyhow::Result<()> {
    let bytes = if from == std::path::Path::new("-") {
        let mut b = Vec::new();
        std::io::stdin().lock().read_to_end(&mut b)?;
        b
    } else {
        std::fs::read(from).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", from.display()))?
    };
    let doc = crate::exchange::import::parse(&bytes)
        .map_err(|e| anyhow::anyhow!("{}: {e}; nothing was imported", from.display()))?;
    let db = crate::app::prepare(&settings).await?;
    let report = crate::exchange::import(&db, &doc, chrono::Utc::now())
        .await
        .map_err(|e| anyhow::anyhow!("{e}; nothing was imported"));
    let report = match report {
        Ok(r) => r,
        Err(e) => {
            db.close().await;
            return Err(e);
        }
    };
    for (kind, n) in &report.created {
        println!("{kind}: {n} added");
    }
    println!(
        "imported from {}: {} added, {} already here",
        doc.source.network,
        report.created_total(),
        report.kept_total()
    );
    match crate::search::Search::open(
        &settings.data_dir.join("search"),
        crate::app::search_catalogue(),
    ) {
        Ok((search, _)) => {
            search.catch_up(&db).await?;
            println!("search index brought up to date");
        }
        Err(e) => println!(
            "search index not updated here ({e}); a running server adds the new items from the outbox"
        ),
    }
    db.close().await;
    Ok(())
}
