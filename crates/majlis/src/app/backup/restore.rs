//! Restoring a backup into an empty data folder or an empty database.
//! Everything is checked before anything is written.

use std::path::{Path, PathBuf};

use futures_util::StreamExt;
use majlis_files::{FileStore, PutOptions};
use sea_orm::Database;

use super::{
    BackupError, Counts, DbKind, FORMAT, MANIFEST, Manifest, existing_key, hash_file, inside,
    key_check, known_schema, object_path, pg,
};
use crate::config::{DatabaseUrl, Settings};

/// What [`restore`] put back.
#[derive(Debug, Clone)]
pub struct Restored {
    pub counts: Counts,
    /// The schema of the backup, and the one after this build's migrations.
    pub schema_from: String,
    pub schema_now: String,
    /// Documents in the rebuilt search index.
    pub indexed: usize,
    /// Where the secret key must be (and whether one is there).
    pub key_at: String,
    pub key_present: bool,
    /// Whether the backup was taken under a key (so that key is needed);
    /// without one, the server may make a new key.
    pub key_needed: bool,
}

/// Read a backup folder's manifest and check it, the database file and
/// every stored file against their sizes and SHA-256; refuse a backup of a
/// newer schema than this build knows.
pub async fn verify(folder: &Path) -> Result<Manifest, BackupError> {
    let path = folder.join(MANIFEST);
    let text = match tokio::fs::read(&path).await {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(match newest_backup(folder) {
                Some(newest) => BackupError::Location {
                    location: folder.to_owned(),
                    newest,
                },
                None => BackupError::NoManifest(folder.to_owned()),
            });
        }
        Err(e) => return Err(BackupError::io("cannot read", &path)(e)),
    };
    // The format is read first, so a newer manifest is named as such.
    let format = serde_json::from_slice::<serde_json::Value>(&text)
        .ok()
        .and_then(|v| v.get("format").and_then(|f| f.as_u64()));
    if let Some(f) = format
        && f != u64::from(FORMAT)
    {
        return Err(BackupError::UnknownFormat(
            u32::try_from(f).unwrap_or(u32::MAX),
        ));
    }
    let manifest: Manifest =
        serde_json::from_slice(&text).map_err(|e| BackupError::BadManifest {
            path: path.clone(),
            reason: e.to_string(),
        })?;
    let known = known_schema();
    if !known.contains(&manifest.schema) {
        let last = known.last().cloned().unwrap_or_default();
        if manifest.schema > last {
            return Err(BackupError::NewerSchema {
                backup: manifest.schema.clone(),
                known: last,
                made_by: manifest.majlis_version.clone(),
            });
        }
        return Err(BackupError::BadManifest {
            path,
            reason: format!("unknown schema version {:?}", manifest.schema),
        });
    }
    let location = folder.parent().unwrap_or(folder);
    check(
        location,
        &manifest.database.path,
        manifest.database.size,
        &manifest.database.sha256,
    )
    .await?;
    for f in &manifest.files {
        if f.path != object_path(&f.sha256) {
            return Err(BackupError::Damaged {
                path: f.path.clone(),
                reason: format!("listed for the file {} at the wrong place", f.sha256),
            });
        }
        check(location, &f.path, f.size, &f.sha256).await?;
    }
    Ok(manifest)
}

/// When `folder` is a backup location (what `majlis backup --to` was given)
/// rather than one backup in it, its newest finished backup.
fn newest_backup(folder: &Path) -> Option<PathBuf> {
    std::fs::read_dir(folder)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("majlis-"))
                && p.join(MANIFEST).is_file()
        })
        // Names hold the time (majlis-YYYYMMDDTHHMMSSZ), so they sort by it.
        .max()
}

async fn check(location: &Path, rel: &str, size: u64, sha256: &str) -> Result<(), BackupError> {
    let damaged = |reason: String| BackupError::Damaged {
        path: rel.to_owned(),
        reason,
    };
    let path = inside(location, rel)
        .ok_or_else(|| damaged("the path leaves the backup location".into()))?;
    let (got, got_size) = match hash_file(&path).await {
        Ok(v) => v,
        Err(BackupError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            return Err(damaged("missing".into()));
        }
        Err(e) => return Err(e),
    };
    if got_size != size {
        return Err(damaged(format!(
            "{got_size} bytes where the manifest says {size}"
        )));
    }
    if got != sha256 {
        return Err(damaged(format!(
            "SHA-256 {got} where the manifest says {sha256}"
        )));
    }
    Ok(())
}

/// Restore the backup in `folder` into the database and file storage that
/// `settings` name, both of which must be empty; then bring the schema up
/// to date and rebuild the search index.
pub async fn restore(settings: &Settings, folder: &Path) -> Result<Restored, BackupError> {
    let manifest = verify(folder).await?;
    let location = folder.parent().unwrap_or(folder).to_owned();
    let url = settings.database_url();
    let target = if url.is_postgres() {
        DbKind::Postgres
    } else {
        DbKind::Sqlite
    };
    if target != manifest.database.kind {
        return Err(BackupError::WrongKind {
            backup: manifest.database.kind,
            target,
        });
    }
    // PostgreSQL's tool is checked first, so that a machine without it
    // is told so before anything (even the data folder) is created.
    if target == DbKind::Postgres {
        let admin = Database::connect(url.expose()).await?;
        let major = pg::server_major(&admin).await;
        let _ = admin.close().await;
        pg::check_tool("pg_restore", major?)?;
    }
    ensure_empty_database(&url).await?;
    let uploads = crate::library::files::Uploads::from_settings(settings)
        .map_err(|e| BackupError::Prepare(format!("{e:#}")))?;
    if uploads.store.list().next().await.is_some() {
        return Err(BackupError::NotEmpty(
            "the file storage already holds files".into(),
        ));
    }
    let key = existing_key(settings)?;
    if let (Some((k, at)), Some(check)) = (&key, &manifest.key_check)
        && key_check(k) != *check
    {
        return Err(BackupError::WrongKey { where_: at.clone() });
    }

    let db_file = location.join(&manifest.database.path);
    match manifest.database.kind {
        DbKind::Sqlite => restore_sqlite(&url, &db_file).await?,
        DbKind::Postgres => {
            let u = url.clone();
            tokio::task::spawn_blocking(move || pg::restore(&u, &db_file))
                .await
                .map_err(|e| BackupError::Prepare(format!("pg_restore thread failed: {e}")))??;
        }
    }

    let db = crate::app::prepare(settings)
        .await
        .map_err(|e| BackupError::Prepare(format!("{e:#}")))?;
    let result = async {
        put_files(&uploads.store, settings, &location, &manifest).await?;
        let schema_now = super::schema_of(db.read()).await?;
        let (search, _) = crate::search::Search::open(
            &settings.data_dir.join("search"),
            crate::app::search_catalogue(),
        )?;
        let indexed = search.rebuild(&db, |_, _| {}).await?;
        Ok::<_, BackupError>((schema_now, indexed))
    }
    .await;
    db.close().await;
    let (schema_now, indexed) = result?;
    let key_at = match &key {
        Some((_, at)) => at.clone(),
        None => crate::accounts::secrets::key_file(settings)
            .display()
            .to_string(),
    };
    Ok(Restored {
        counts: manifest.counts.clone(),
        schema_from: manifest.schema.clone(),
        schema_now,
        indexed,
        key_at,
        key_present: key.is_some(),
        key_needed: manifest.key_check.is_some(),
    })
}

/// The SQLite file a URL names.
fn sqlite_path(url: &DatabaseUrl) -> Option<PathBuf> {
    let rest = url
        .expose()
        .strip_prefix("sqlite://")
        .or_else(|| url.expose().strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

/// Refuse a database that holds any table.
async fn ensure_empty_database(url: &DatabaseUrl) -> Result<(), BackupError> {
    let sql = if url.is_postgres() {
        "SELECT COUNT(*) FROM information_schema.tables \
         WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
    } else {
        match sqlite_path(url) {
            Some(p) if std::fs::metadata(&p).map(|m| m.len() > 0).unwrap_or(false) => {}
            Some(_) => return Ok(()),
            None => {
                return Err(BackupError::Prepare(
                    "restore needs a SQLite file, not an in-memory database".into(),
                ));
            }
        }
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
    };
    let conn_url = if url.is_postgres() {
        url.expose().to_owned()
    } else {
        let p = sqlite_path(url).unwrap_or_default();
        format!("sqlite://{}?mode=ro", p.display())
    };
    let conn = Database::connect(conn_url).await?;
    let tables = crate::db::scalar_i64(&conn, sql, vec![]).await;
    let _ = conn.close().await;
    if tables?.unwrap_or(0) > 0 {
        return Err(BackupError::NotEmpty(format!(
            "the database {} already holds tables",
            url.redacted()
        )));
    }
    Ok(())
}

/// Copy the snapshot into place (write + rename), leaving no stale journal.
async fn restore_sqlite(url: &DatabaseUrl, from: &Path) -> Result<(), BackupError> {
    let dest = sqlite_path(url)
        .ok_or_else(|| BackupError::Prepare("restore needs a SQLite file".into()))?;
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        tokio::fs::create_dir_all(dir)
            .await
            .map_err(BackupError::io("cannot create", dir))?;
    }
    let tmp = dest.with_extension("restoring");
    tokio::fs::copy(from, &tmp)
        .await
        .map_err(BackupError::io("cannot write", &tmp))?;
    for suffix in ["-wal", "-shm"] {
        let mut side = dest.clone().into_os_string();
        side.push(suffix);
        let _ = tokio::fs::remove_file(PathBuf::from(side)).await;
    }
    tokio::fs::rename(&tmp, &dest)
        .await
        .map_err(BackupError::io("cannot write", &dest))
}

/// Put every file back through the app's own storage; each comes out with
/// the digest it had.
async fn put_files(
    store: &FileStore,
    settings: &Settings,
    location: &Path,
    manifest: &Manifest,
) -> Result<(), BackupError> {
    let opts = PutOptions {
        max_bytes: u64::MAX,
        ..PutOptions::new(settings.data_dir.join("tmp"))
    };
    for f in &manifest.files {
        let path = location.join(&f.path);
        let file = tokio::fs::File::open(&path)
            .await
            .map_err(BackupError::io("cannot read", &path))?;
        let chunks = futures_util::stream::unfold(file, |mut file| async move {
            use tokio::io::AsyncReadExt;
            let mut buf = vec![0u8; 1 << 20];
            match file.read(&mut buf).await {
                Ok(0) => None,
                Ok(n) => {
                    buf.truncate(n);
                    Some((Ok(bytes::Bytes::from(buf)), file))
                }
                Err(e) => Some((Err(e), file)),
            }
        });
        let stored = store
            .put(Box::pin(chunks), &opts)
            .await
            .map_err(|e| BackupError::Upload {
                sha256: f.sha256.clone(),
                reason: e.to_string(),
            })?;
        if stored.sha256.to_hex() != f.sha256 {
            return Err(BackupError::Damaged {
                path: f.path.clone(),
                reason: "it changed while it was restored".into(),
            });
        }
    }
    Ok(())
}
