//! Storage: one connection set for SQLite or PostgreSQL, chosen at run time
//! from the URL; migrations; the outbox; per-request query counting; the
//! list-query builder every list page reads through (`list.rs`).
//!
//! SQLite runs with one writer connection (every write in `BEGIN IMMEDIATE`)
//! and a pool of read-only readers, each connection with WAL,
//! `synchronous=NORMAL`, a 5 s busy timeout and foreign keys on.

pub mod cache;
pub mod group_commit;
pub mod list;
pub mod lock;
pub mod migrations;
pub mod outbox;
pub mod provenance;
mod query_count;

use std::future::Future;
use std::time::Duration;

use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseBackend, DatabaseConnection,
    DatabaseTransaction, DbErr, SqliteTransactionMode, TransactionOptions, TransactionTrait,
};
use sea_orm_migration::MigratorTrait;

use crate::config::DatabaseUrl;
pub use query_count::{QueryCounter, count_queries};

/// How long SQLite waits for a lock before giving up.
pub const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Sizes of the connection pools.
#[derive(Clone, Copy, Debug)]
pub struct PoolSizes {
    pub sqlite_readers: u32,
    pub postgres: u32,
}

impl Default for PoolSizes {
    fn default() -> Self {
        PoolSizes {
            sqlite_readers: 4,
            postgres: 10,
        }
    }
}

/// The database of a node.
#[derive(Clone, Debug)]
pub struct Db {
    read: DatabaseConnection,
    write: DatabaseConnection,
    /// The content version as visitors' requests last read it.
    recent: std::sync::Arc<cache::RecentVersion>,
    /// The writer task that commits writes in groups.
    group: group_commit::GroupCommit,
}

/// The database could not be reached or opened.
#[derive(Debug, thiserror::Error)]
#[error("cannot connect to the database at {url}: {reason}")]
pub struct ConnectError {
    /// The URL with its password hidden.
    pub url: String,
    pub reason: String,
}

impl Db {
    /// Connect to the database the URL names.
    pub async fn connect(url: &DatabaseUrl, sizes: PoolSizes) -> Result<Db, ConnectError> {
        let fail = |e: DbErr| ConnectError {
            url: url.redacted(),
            reason: clean_reason(&e.to_string(), url),
        };
        if url.is_sqlite() {
            let folder = sqlite_file(url.expose())
                .and_then(|p| p.parent().map(|d| d.to_owned()))
                .filter(|d| !d.as_os_str().is_empty());
            if let Some(dir) = folder {
                std::fs::create_dir_all(&dir).map_err(|e| ConnectError {
                    url: url.redacted(),
                    reason: format!("cannot create folder {}: {e}", dir.display()),
                })?;
            }
            // The writer opens (and if needed creates) the file and switches it to WAL.
            let write = Database::connect(sqlite_options(url, 1, false))
                .await
                .map_err(fail)?;
            let read = Database::connect(sqlite_options(url, sizes.sqlite_readers.max(1), true))
                .await
                .map_err(fail)?;
            Ok(Db::with_counting(read, write))
        } else if url.is_postgres() {
            probe_postgres(url).await?;
            let mut opts = ConnectOptions::new(url.expose());
            opts.max_connections(sizes.postgres.max(2))
                .min_connections(1)
                .connect_timeout(Duration::from_secs(5))
                .acquire_timeout(Duration::from_secs(30))
                .sqlx_logging(false);
            let conn = Database::connect(opts).await.map_err(fail)?;
            Ok(Db::with_counting(conn.clone(), conn))
        } else {
            Err(ConnectError {
                url: url.redacted(),
                reason: "the URL must start with sqlite:// or postgres://".into(),
            })
        }
    }

    fn with_counting(mut read: DatabaseConnection, mut write: DatabaseConnection) -> Db {
        // On PostgreSQL both are clones of one pool, each with its own callback.
        query_count::install(&mut read);
        query_count::install(&mut write);
        Db {
            read,
            write,
            recent: Default::default(),
            group: Default::default(),
        }
    }

    /// Let visitors' requests share a content version read at most
    /// `window` ago (zero: every request reads it).
    pub fn with_visitor_staleness(mut self, window: Duration) -> Db {
        self.recent = std::sync::Arc::new(cache::RecentVersion::new(window));
        self
    }

    /// The state of the content (see [`cache::content_version`]) for a
    /// request: read now for signed-in people, who must see what they just
    /// changed; for visitors, possibly as read by another request within
    /// the node's visitor window.
    pub async fn content_version(&self, signed_in: bool) -> Result<i64, DbErr> {
        if signed_in {
            self.recent.read_now(&self.read).await
        } else {
            self.recent.read(&self.read).await
        }
    }

    /// The connection for reading. On SQLite it refuses writes.
    pub fn read(&self) -> &DatabaseConnection {
        &self.read
    }

    /// Start a write transaction: `BEGIN IMMEDIATE` on the single SQLite writer,
    /// an ordinary transaction on PostgreSQL.
    pub async fn begin_write(&self) -> Result<DatabaseTransaction, DbErr> {
        match self.backend() {
            DatabaseBackend::Sqlite => {
                self.write
                    .begin_with_options(TransactionOptions {
                        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                        ..TransactionOptions::default()
                    })
                    .await
            }
            _ => self.write.begin().await,
        }
    }

    /// Run `write` in a transaction shared with other writes queued at the
    /// same time, answered once that transaction is committed (see
    /// [`group_commit`]).
    pub async fn write_grouped<W: group_commit::Write>(
        &self,
        write: W,
    ) -> Result<W::Output, W::Error> {
        self.group.run(self, write).await
    }

    /// Writes queued for the group-commit writer task and not yet taken.
    pub fn writes_waiting(&self) -> usize {
        self.group.waiting()
    }

    /// What the group-commit writer task has done since the node started.
    pub fn group_stats(&self) -> group_commit::GroupStats {
        self.group.stats()
    }

    pub fn backend(&self) -> DatabaseBackend {
        self.write.get_database_backend()
    }

    /// Apply the migrations not yet applied; a no-op when all are.
    pub async fn migrate(&self) -> Result<(), DbErr> {
        migrations::Migrator::up(&self.write, None).await
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<(), DbErr> {
        self.read.ping().await
    }

    /// Close every connection (SQLite checkpoints its WAL on the last close).
    pub async fn close(self) {
        let _ = self.read.close().await;
        let _ = self.write.close().await;
    }
}

/// Where a change begins its transaction: the database (a new write
/// transaction, [`Db::begin_write`]) or a transaction already open (a
/// savepoint inside it), so that a tool such as the demo loader can make
/// many changes through an activity's rules atomically.
pub trait Writer: Sync {
    fn begin_write(&self) -> impl Future<Output = Result<DatabaseTransaction, DbErr>> + Send;
}

impl Writer for Db {
    fn begin_write(&self) -> impl Future<Output = Result<DatabaseTransaction, DbErr>> + Send {
        Db::begin_write(self)
    }
}

impl Writer for DatabaseTransaction {
    fn begin_write(&self) -> impl Future<Output = Result<DatabaseTransaction, DbErr>> + Send {
        TransactionTrait::begin(self)
    }
}

/// Open one connection first: a pool hides the cause ("connection refused",
/// "password authentication failed") behind a time-out.
async fn probe_postgres(url: &DatabaseUrl) -> Result<(), ConnectError> {
    use sea_orm::sqlx::{Connection, postgres::PgConnection};
    let fail = |reason: String| ConnectError {
        url: url.redacted(),
        reason: clean_reason(&reason, url),
    };
    let attempt = PgConnection::connect(url.expose());
    match tokio::time::timeout(Duration::from_secs(10), attempt).await {
        Ok(Ok(conn)) => {
            let _ = conn.close().await;
            Ok(())
        }
        Ok(Err(e)) => Err(fail(e.to_string())),
        Err(_) => Err(fail("no answer within 10 seconds".into())),
    }
}

/// The file a `sqlite:` URL points at, if any.
fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| std::path::PathBuf::from(path))
}

fn sqlite_options(url: &DatabaseUrl, connections: u32, read_only: bool) -> ConnectOptions {
    let mut opts = ConnectOptions::new(url.expose());
    opts.max_connections(connections)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(30))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(move |o| {
            let o = o
                .busy_timeout(SQLITE_BUSY_TIMEOUT)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true);
            if read_only {
                // WAL is a property of the file, set by the writer; readers only read.
                o.read_only(true)
            } else {
                // The one writer keeps more pages than SQLite's 2 MiB default:
                // large transactions (a morning's digests, an import) rewrite
                // the same pages many times. At most 32 MiB, used as needed.
                o.journal_mode(SqliteJournalMode::Wal)
                    .create_if_missing(true)
                    .pragma("cache_size", "-32768")
            }
        });
    opts
}

/// An error message without the URL's password, should the driver repeat it.
fn clean_reason(reason: &str, url: &DatabaseUrl) -> String {
    let mut out = reason.replace(url.expose(), &url.redacted());
    if let Ok(u) = url::Url::parse(url.expose())
        && let Some(pw) = u.password()
        && !pw.is_empty()
    {
        out = out.replace(pw, "***");
    }
    out.lines().next().unwrap_or_default().to_owned()
}

/// Run a SQL statement and read one row's `i64` column: for small aggregate queries.
pub async fn scalar_i64<C: ConnectionTrait>(
    conn: &C,
    sql: &str,
    values: Vec<sea_orm::Value>,
) -> Result<Option<i64>, DbErr> {
    let stmt = sea_orm::Statement::from_sql_and_values(conn.get_database_backend(), sql, values);
    match conn.query_one_raw(stmt).await? {
        Some(row) => row.try_get_by_index::<Option<i64>>(0),
        None => Ok(None),
    }
}

/// `E`'s columns from the table named `alias` in a hand-written query, each
/// as `{alias}_{column}`: the prefix `FromQueryResult::from_query_result`
/// reads, so one row can carry several models.
pub fn aliased_columns<E: sea_orm::EntityTrait>(alias: &str) -> String {
    use sea_orm::{IdenStatic, Iterable};
    E::Column::iter()
        .map(|c| format!(r#""{alias}"."{0}" AS "{alias}_{0}""#, c.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}
