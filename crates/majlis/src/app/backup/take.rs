//! Taking a backup while the server runs.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use majlis_files::{FileStore, Sha256, StoreError};
use sea_orm::{
    AccessMode, ConnectionTrait, Database, DbErr, IsolationLevel, Statement, TransactionTrait,
};
use sha2::Digest;
use tokio::io::AsyncWriteExt;

use super::{
    BackupError, Counts, DatabaseFile, DbKind, FORMAT, FileEntry, MANIFEST, Manifest, OBJECTS,
    counts_of, existing_key, hash_file, key_check, object_path, pg, schema_of,
};
use crate::config::Settings;
use crate::db::Db;

/// What [`take`] made.
#[derive(Debug, Clone)]
pub struct Taken {
    /// The new backup folder (give it to `majlis restore`).
    pub folder: PathBuf,
    pub manifest: Manifest,
    /// Stored files copied now; the others were already in the location.
    pub copied: usize,
    pub reused: usize,
}

/// A stored file the snapshot refers to.
struct Listed {
    sha256: String,
    /// Unused (waiting for removal): its bytes may already be gone.
    orphan: bool,
}

/// Take a backup into `location`: the database snapshot first, then the
/// stored files it refers to (only those not yet in the location), then
/// the manifest, atomically. Writes continue meanwhile; the backup holds
/// exactly what was committed when the snapshot began.
pub async fn take(
    settings: &Settings,
    db: &Db,
    store: &FileStore,
    location: &Path,
    now: DateTime<Utc>,
) -> Result<Taken, BackupError> {
    // Without pg_dump nothing is written, not even the location.
    if db.backend() == sea_orm::DatabaseBackend::Postgres {
        let major = pg::server_major(db.read()).await?;
        pg::check_tool("pg_dump", major)?;
    }
    let objects = location.join(OBJECTS);
    tokio::fs::create_dir_all(&objects)
        .await
        .map_err(BackupError::io("cannot create", &objects))?;
    let (folder, name) = new_folder(location, now).await?;
    let taken = fill(settings, db, store, location, folder.clone(), &name, now).await;
    if taken.is_err() {
        // An unfinished folder has no manifest and cannot be restored:
        // leave none behind. Objects already copied are whole and stay.
        let _ = tokio::fs::remove_dir_all(&folder).await;
    }
    taken
}

/// The snapshot, the files and the manifest, into the new `folder`.
async fn fill(
    settings: &Settings,
    db: &Db,
    store: &FileStore,
    location: &Path,
    folder: PathBuf,
    name: &str,
    now: DateTime<Utc>,
) -> Result<Taken, BackupError> {
    let (kind, db_file, schema, counts, listed) = match db.backend() {
        sea_orm::DatabaseBackend::Postgres => {
            let file = folder.join("database.pgdump");
            let (schema, counts, listed) = snapshot_postgres(settings, db, &file).await?;
            (DbKind::Postgres, file, schema, counts, listed)
        }
        _ => {
            let file = folder.join("database.sqlite");
            let (schema, counts, listed) = snapshot_sqlite(db, &file).await?;
            (DbKind::Sqlite, file, schema, counts, listed)
        }
    };
    let (db_sha, db_size) = hash_file(&db_file).await?;

    let mut files = Vec::with_capacity(listed.len());
    let (mut copied, mut reused) = (0, 0);
    for item in &listed {
        match copy_object(store, location, &item.sha256).await {
            Ok((size, fresh)) => {
                if fresh {
                    copied += 1;
                } else {
                    reused += 1;
                }
                files.push(FileEntry {
                    path: object_path(&item.sha256),
                    size,
                    sha256: item.sha256.clone(),
                });
            }
            // An unused file may be removed by the collector at any time;
            // nothing shows it, so the restored database will not miss it.
            Err(BackupError::Store(StoreError::NotFound)) if item.orphan => {}
            Err(BackupError::Store(StoreError::NotFound)) => {
                return Err(BackupError::MissingObject {
                    sha256: item.sha256.clone(),
                });
            }
            Err(e) => return Err(e),
        }
    }
    let counts = Counts {
        files: files.len() as u64,
        file_bytes: files.iter().map(|f| f.size).sum(),
        ..counts
    };
    let manifest = Manifest {
        format: FORMAT,
        created_at: now,
        majlis_version: env!("CARGO_PKG_VERSION").to_owned(),
        schema,
        database: DatabaseFile {
            kind,
            path: format!(
                "{name}/{}",
                db_file
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default()
            ),
            size: db_size,
            sha256: db_sha,
        },
        key_check: existing_key(settings)?.map(|(k, _)| key_check(&k)),
        files,
        counts,
    };
    write_manifest(&folder, &manifest).await?;
    Ok(Taken {
        folder,
        manifest,
        copied,
        reused,
    })
}

/// A new folder `majlis-YYYYMMDDTHHMMSSZ` (with `-2`, `-3`… when taken).
async fn new_folder(location: &Path, now: DateTime<Utc>) -> Result<(PathBuf, String), BackupError> {
    let base = now.format("majlis-%Y%m%dT%H%M%SZ").to_string();
    for n in 1..1000 {
        let name = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let folder = location.join(&name);
        match tokio::fs::create_dir(&folder).await {
            Ok(()) => return Ok((folder, name)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(BackupError::io("cannot create", &folder)(e)),
        }
    }
    Err(BackupError::Prepare(format!(
        "too many backups named {base} in {}",
        location.display()
    )))
}

/// SQLite: `VACUUM INTO` on a read connection (a consistent copy while the
/// writer goes on), then the facts read from the copy itself.
async fn snapshot_sqlite(
    db: &Db,
    file: &Path,
) -> Result<(String, Counts, Vec<Listed>), BackupError> {
    let target = file.to_string_lossy().into_owned();
    db.read()
        .execute_raw(Statement::from_sql_and_values(
            db.backend(),
            "VACUUM INTO ?",
            [target.into()],
        ))
        .await?;
    let url = format!("sqlite://{}?mode=ro", file.display());
    let copy = Database::connect(url).await?;
    let facts = async {
        let schema = schema_of(&copy).await?;
        let counts = counts_of(&copy).await?;
        let listed = list_files(&copy).await?;
        Ok::<_, DbErr>((schema, counts, listed))
    }
    .await;
    let _ = copy.close().await;
    Ok(facts?)
}

/// PostgreSQL: a repeatable-read transaction exports its snapshot, which
/// `pg_dump` then dumps; the facts are read in the same transaction, so
/// the list of files matches the dump exactly.
async fn snapshot_postgres(
    settings: &Settings,
    db: &Db,
    file: &Path,
) -> Result<(String, Counts, Vec<Listed>), BackupError> {
    let tx = db
        .read()
        .begin_with_config(
            Some(IsolationLevel::RepeatableRead),
            Some(AccessMode::ReadOnly),
        )
        .await?;
    let row = tx
        .query_one_raw(Statement::from_string(
            db.backend(),
            "SELECT pg_export_snapshot()",
        ))
        .await?;
    let snapshot: String = match row {
        Some(r) => r.try_get_by_index(0)?,
        None => return Err(BackupError::Prepare("no snapshot exported".into())),
    };
    let schema = schema_of(&tx).await?;
    let counts = counts_of(&tx).await?;
    let listed = list_files(&tx).await?;
    let url = settings.database_url();
    let out = file.to_owned();
    let dumped = tokio::task::spawn_blocking(move || pg::dump(&url, &snapshot, &out))
        .await
        .map_err(|e| BackupError::Prepare(format!("pg_dump thread failed: {e}")))?;
    // The snapshot must stay exported until pg_dump has taken it.
    let _ = tx.commit().await;
    dumped?;
    Ok((schema, counts, listed))
}

async fn list_files(conn: &impl ConnectionTrait) -> Result<Vec<Listed>, DbErr> {
    let rows = conn
        .query_all_raw(Statement::from_string(
            conn.get_database_backend(),
            "SELECT sha256, orphan_since IS NOT NULL FROM file_object ORDER BY sha256",
        ))
        .await?;
    rows.iter()
        .map(|r| {
            Ok(Listed {
                sha256: r.try_get_by_index(0)?,
                orphan: r.try_get_by_index(1)?,
            })
        })
        .collect()
}

/// Copy one stored file into the location's objects unless it is there
/// already; its digest is checked while it is written. Returns its size and
/// whether it was copied now.
async fn copy_object(
    store: &FileStore,
    location: &Path,
    sha256: &str,
) -> Result<(u64, bool), BackupError> {
    let rel = object_path(sha256);
    let dest = location.join(&rel);
    if let Ok(meta) = tokio::fs::metadata(&dest).await {
        // Objects are only ever written whole (write + rename).
        return Ok((meta.len(), false));
    }
    let sha: Sha256 = sha256.parse().map_err(|_| BackupError::Damaged {
        path: "file_object".into(),
        reason: format!("{sha256:?} is not a SHA-256"),
    })?;
    let download = store.get(&sha).await?;
    if let Some(dir) = dest.parent() {
        tokio::fs::create_dir_all(dir)
            .await
            .map_err(BackupError::io("cannot create", dir))?;
    }
    let tmp = dest.with_extension("partial");
    let mut out = tokio::fs::File::create(&tmp)
        .await
        .map_err(BackupError::io("cannot write", &tmp))?;
    let mut hasher = sha2::Sha256::new();
    let mut size = 0u64;
    let mut stream = download.stream;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk?;
        hasher.update(&chunk);
        size += chunk.len() as u64;
        out.write_all(&chunk)
            .await
            .map_err(BackupError::io("cannot write", &tmp))?;
    }
    out.sync_all()
        .await
        .map_err(BackupError::io("cannot write", &tmp))?;
    drop(out);
    let got = hex::encode(hasher.finalize());
    if got != sha256 {
        let _ = tokio::fs::remove_file(&tmp).await;
        return Err(BackupError::Damaged {
            path: format!("file storage object {sha256}"),
            reason: format!("its bytes have SHA-256 {got}: the stored file is damaged"),
        });
    }
    tokio::fs::rename(&tmp, &dest)
        .await
        .map_err(BackupError::io("cannot write", &dest))?;
    Ok((size, true))
}

/// The manifest, written to a temporary name, flushed, then renamed.
async fn write_manifest(folder: &Path, manifest: &Manifest) -> Result<(), BackupError> {
    let json = serde_json::to_vec_pretty(manifest)
        .map_err(|e| BackupError::Prepare(format!("cannot encode the manifest: {e}")))?;
    let tmp = folder.join(format!("{MANIFEST}.partial"));
    let dest = folder.join(MANIFEST);
    let mut f = tokio::fs::File::create(&tmp)
        .await
        .map_err(BackupError::io("cannot write", &tmp))?;
    f.write_all(&json)
        .await
        .map_err(BackupError::io("cannot write", &tmp))?;
    f.sync_all()
        .await
        .map_err(BackupError::io("cannot write", &tmp))?;
    drop(f);
    tokio::fs::rename(&tmp, &dest)
        .await
        .map_err(BackupError::io("cannot write", &dest))
}
