//! The start-up lock: migrations and the demo load run under it, so any
//! number of nodes can start at once on one database (even an empty one).
//!
//! On PostgreSQL it is a session advisory lock held on a connection of its
//! own (outside the pool); on SQLite an exclusive lock on a file next to the
//! database. Either is released when the holder ends, even by a crash.

use std::path::PathBuf;
use std::time::Duration;

use super::{ConnectError, clean_reason, sqlite_file};
use crate::config::DatabaseUrl;

/// The advisory lock's key (PostgreSQL): "majlisst" in ASCII; not the
/// outbox's ("majlis"), which the demo load takes while this one is held.
pub const ADVISORY_KEY: i64 = 0x6d61_6a6c_6973_7374;

/// How long closing the lock's PostgreSQL connection may take.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(5);

/// The start-up lock, held until [`StartupLock::release`] (or drop).
#[derive(Debug)]
pub struct StartupLock {
    held: Held,
}

#[derive(Debug)]
enum Held {
    Postgres(sea_orm::sqlx::postgres::PgConnection),
    File(std::fs::File),
    /// An in-memory SQLite database is never shared.
    Nothing,
}

impl StartupLock {
    /// Wait for the start-up lock of the database `url` names.
    pub async fn acquire(url: &DatabaseUrl) -> Result<StartupLock, ConnectError> {
        let fail = |reason: String| ConnectError {
            url: url.redacted(),
            reason: clean_reason(&reason, url),
        };
        if url.is_postgres() {
            use sea_orm::sqlx::ConnectOptions;
            use sea_orm::sqlx::postgres::PgConnectOptions;
            let options: PgConnectOptions = url
                .expose()
                .parse()
                .map_err(|e: sea_orm::sqlx::Error| fail(e.to_string()))?;
            // Waiting for the lock is expected: not a "slow statement".
            let mut conn = options
                .disable_statement_logging()
                .connect()
                .await
                .map_err(|e| fail(e.to_string()))?;
            let got: bool = sea_orm::sqlx::query_scalar("SELECT pg_try_advisory_lock($1)")
                .bind(ADVISORY_KEY)
                .fetch_one(&mut conn)
                .await
                .map_err(|e| fail(e.to_string()))?;
            if !got {
                tracing::info!("another node is preparing the database; waiting for it");
                sea_orm::sqlx::query("SELECT pg_advisory_lock($1)")
                    .bind(ADVISORY_KEY)
                    .execute(&mut conn)
                    .await
                    .map_err(|e| fail(e.to_string()))?;
            }
            Ok(StartupLock {
                held: Held::Postgres(conn),
            })
        } else if let Some(db_file) = sqlite_file(url.expose()) {
            let path = lock_file(db_file);
            // On a first start the data folder does not exist yet.
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .map_err(|e| fail(format!("cannot create folder {}: {e}", dir.display())))?;
            }
            let file = std::fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .map_err(|e| fail(format!("cannot open {}: {e}", path.display())))?;
            let file = match file.try_lock() {
                Ok(()) => file,
                Err(std::fs::TryLockError::WouldBlock) => {
                    tracing::info!("another node is preparing the database; waiting for it");
                    tokio::task::spawn_blocking(move || file.lock().map(|()| file))
                        .await
                        .map_err(|e| fail(e.to_string()))?
                        .map_err(|e| fail(format!("cannot lock {}: {e}", path.display())))?
                }
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(fail(format!("cannot lock {}: {e}", path.display())));
                }
            };
            Ok(StartupLock {
                held: Held::File(file),
            })
        } else {
            Ok(StartupLock {
                held: Held::Nothing,
            })
        }
    }

    /// Give the lock back at once (dropping it does too, the PostgreSQL
    /// connection then closing in the background).
    pub async fn release(self) {
        match self.held {
            Held::Postgres(mut conn) => {
                use sea_orm::sqlx::Connection;
                let unlocked = sea_orm::sqlx::query("SELECT pg_advisory_unlock($1)")
                    .bind(ADVISORY_KEY)
                    .execute(&mut conn)
                    .await;
                if let Err(e) = unlocked {
                    tracing::warn!(error = %e, "cannot release the start-up lock; closing its connection");
                }
                let _ = tokio::time::timeout(CLOSE_TIMEOUT, conn.close()).await;
            }
            Held::File(file) => {
                let _ = file.unlock();
            }
            Held::Nothing => {}
        }
    }
}

/// `majlis.db` → `majlis.db.startup-lock`, in the same folder.
fn lock_file(db_file: PathBuf) -> PathBuf {
    let mut name = db_file.file_name().unwrap_or_default().to_os_string();
    name.push(".startup-lock");
    db_file.with_file_name(name)
}
