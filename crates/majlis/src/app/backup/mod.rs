//! Backups: a consistent snapshot of the database, the stored files and a
//! manifest with every checksum, taken while the server runs; a restore that
//! checks everything before it changes anything; a schedule that one node
//! runs under a lease.
//!
//! A backup location (`--to`, or `backup_dir`, or `data_dir/backups`) looks like:
//!
//! ```text
//! objects/ab/ab12…        stored files, named by their SHA-256, shared by every backup
//! majlis-20261205T060000Z/
//!   database.sqlite       SQLite: `VACUUM INTO` (PostgreSQL: database.pgdump, pg_dump -Fc)
//!   manifest.json         written last (write + rename): a folder without it is unfinished
//! ```
//!
//! Paths in the manifest are relative to the backup location. The node's
//! secret key is never written there.

mod pg;
mod restore;
pub mod schedule;
mod take;

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbErr};
use serde::{Deserialize, Serialize};
use sha2::Digest;

pub use restore::{Restored, restore, verify};
pub use take::{Taken, take};

use crate::config::Settings;

/// The manifest format this build writes and reads.
pub const FORMAT: u32 = 1;
/// The manifest's file name inside a backup folder.
pub const MANIFEST: &str = "manifest.json";
/// The shared folder of stored files in a backup location.
pub const OBJECTS: &str = "objects";

/// What a backup or a restore could not do. Each message names what is wrong.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{what} {path}: {source}")]
    Io {
        what: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("database: {0}")]
    Db(#[from] DbErr),
    #[error("file storage: {0}")]
    Store(#[from] majlis_files::StoreError),
    #[error("restoring file {sha256}: {reason}")]
    Upload { sha256: String, reason: String },
    #[error(
        "{tool} is not installed (or not on PATH): PostgreSQL backups and restores need it. Install the PostgreSQL client of the server's version (Debian: apt-get install postgresql-client-{server_major})"
    )]
    NoPgTool {
        tool: &'static str,
        server_major: u32,
    },
    #[error(
        "{tool} is version {client_major}, older than the database server ({server_major}); install postgresql-client-{server_major} and put it first on PATH"
    )]
    PgToolTooOld {
        tool: &'static str,
        client_major: u32,
        server_major: u32,
    },
    #[error("{tool} failed: {message}")]
    PgTool { tool: &'static str, message: String },
    #[error(
        "{0} has no manifest.json: this backup did not finish (or is not a Majlis backup folder) and cannot be restored"
    )]
    NoManifest(PathBuf),
    #[error(
        "{} is a backup location, not one backup: name the backup to restore, such as {} (the newest finished one)",
        location.display(),
        newest.display()
    )]
    Location { location: PathBuf, newest: PathBuf },
    #[error("{path} is not a readable manifest: {reason}")]
    BadManifest { path: PathBuf, reason: String },
    #[error(
        "this backup has manifest format {0}; this version of Majlis reads format {FORMAT}: use a newer Majlis"
    )]
    UnknownFormat(u32),
    #[error(
        "this backup's database schema ({backup}) is newer than this version of Majlis knows (last: {known}): restore it with the Majlis version that made it ({made_by}) or a newer one"
    )]
    NewerSchema {
        backup: String,
        known: String,
        made_by: String,
    },
    #[error("the backup is damaged: {path}: {reason}")]
    Damaged { path: String, reason: String },
    #[error("the backup holds a {backup} database but the target database is {target}")]
    WrongKind { backup: DbKind, target: DbKind },
    #[error("refusing to restore into a target that is not empty: {0}")]
    NotEmpty(String),
    #[error(
        "the secret key in force ({where_}) is not the one this backup's two-step secrets are sealed under; put the key that belongs to this backup there (or remove it and set it before starting)"
    )]
    WrongKey { where_: String },
    #[error(
        "the file {sha256} is in the database but missing from file storage, so the backup would be incomplete"
    )]
    MissingObject { sha256: String },
    #[error("search index: {0}")]
    Search(#[from] crate::search::SearchError),
    #[error("{0}")]
    Prepare(String),
}

impl BackupError {
    fn io(what: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> BackupError {
        let path = path.to_owned();
        move |source| BackupError::Io { what, path, source }
    }
}

/// Which database a backup holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DbKind {
    Sqlite,
    Postgres,
}

impl std::fmt::Display for DbKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DbKind::Sqlite => "SQLite",
            DbKind::Postgres => "PostgreSQL",
        })
    }
}

/// A backup's table of contents, written last.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    pub created_at: DateTime<Utc>,
    /// The Majlis version that made it.
    pub majlis_version: String,
    /// The last migration applied to the database in the snapshot.
    pub schema: String,
    pub database: DatabaseFile,
    /// A check value of the secret key (not the key): restore can tell
    /// whether the key in force is the right one.
    pub key_check: Option<String>,
    /// Every stored file the snapshot refers to.
    pub files: Vec<FileEntry>,
    pub counts: Counts,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DatabaseFile {
    pub kind: DbKind,
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileEntry {
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

/// What the snapshot holds, for people to compare.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    pub people: u64,
    pub municipalities: u64,
    pub organisations: u64,
    pub practices: u64,
    pub documents: u64,
    pub events: u64,
    pub dilemmas: u64,
    pub files: u64,
    pub file_bytes: u64,
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} people, {} municipalities, {} organisations, {} practices, {} documents, {} events, {} dilemmas, {} files ({} bytes)",
            self.people,
            self.municipalities,
            self.organisations,
            self.practices,
            self.documents,
            self.events,
            self.dilemmas,
            self.files,
            self.file_bytes
        )
    }
}

/// The default backup location: `backup_dir`, else `data_dir/backups`.
pub fn location(settings: &Settings) -> PathBuf {
    settings
        .backup_dir
        .clone()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| settings.data_dir.join("backups"))
}

/// The names of the migrations this build knows, in order.
pub fn known_schema() -> Vec<String> {
    use sea_orm_migration::MigratorTrait;
    crate::db::migrations::Migrator::migrations()
        .iter()
        .map(|m| m.name().to_owned())
        .collect()
}

/// The last migration applied to a database.
pub(crate) async fn schema_of(conn: &impl ConnectionTrait) -> Result<String, DbErr> {
    let stmt = sea_orm::Statement::from_string(
        conn.get_database_backend(),
        "SELECT version FROM seaql_migrations ORDER BY version DESC LIMIT 1",
    );
    let row = conn
        .query_one_raw(stmt)
        .await?
        .ok_or_else(|| DbErr::Custom("the database has no migrations applied".into()))?;
    row.try_get_by_index::<String>(0)
}

/// Counts of the main records, read on `conn` (a snapshot).
pub(crate) async fn counts_of(conn: &impl ConnectionTrait) -> Result<Counts, DbErr> {
    let n = |table: &'static str| async move {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        crate::db::scalar_i64(conn, &sql, vec![])
            .await
            .map(|v| u64::try_from(v.unwrap_or(0)).unwrap_or(0))
    };
    Ok(Counts {
        people: n("person").await?,
        municipalities: n("municipality").await?,
        organisations: n("organisation").await?,
        practices: n("practice").await?,
        documents: n("resource").await?,
        events: n("event").await?,
        dilemmas: n("dilemma").await?,
        files: 0,
        file_bytes: 0,
    })
}

/// Where a stored file lives in a backup location, relative to it.
pub fn object_path(sha256: &str) -> String {
    let prefix = sha256.get(..2).unwrap_or("00");
    format!("{OBJECTS}/{prefix}/{sha256}")
}

/// A manifest path made safe: relative, without `..`.
fn inside(location: &Path, rel: &str) -> Option<PathBuf> {
    let p = Path::new(rel);
    p.components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then(|| location.join(p))
}

/// SHA-256 (hex) and size of a file, read in chunks on a blocking thread.
async fn hash_file(path: &Path) -> Result<(String, u64), BackupError> {
    let p = path.to_owned();
    tokio::task::spawn_blocking(move || -> std::io::Result<(String, u64)> {
        let mut f = std::fs::File::open(&p)?;
        let mut h = sha2::Sha256::new();
        let mut buf = vec![0u8; 1 << 20];
        let mut size = 0u64;
        loop {
            let n = f.read(&mut buf)?;
            if n == 0 {
                break;
            }
            size += n as u64;
            h.update(&buf[..n]);
        }
        Ok((hex::encode(h.finalize()), size))
    })
    .await
    .map_err(|e| BackupError::Prepare(format!("hashing thread failed: {e}")))?
    .map_err(BackupError::io("cannot read", path))
}

/// The secret key in force without creating one: the setting, else the key
/// file; `None` when neither exists.
fn existing_key(
    settings: &Settings,
) -> Result<Option<(crate::accounts::secrets::SecretKey, String)>, BackupError> {
    use crate::accounts::secrets::{SecretKey, key_file};
    if let Some(k) = settings
        .secret_key
        .as_ref()
        .map(|k| k.expose().trim())
        .filter(|k| !k.is_empty())
    {
        let key = SecretKey::parse(k).map_err(|e| BackupError::Prepare(e.to_string()))?;
        return Ok(Some((key, "the secret_key setting".into())));
    }
    let path = key_file(settings);
    match std::fs::read_to_string(&path) {
        Ok(s) => {
            let key = SecretKey::parse(&s).map_err(|e| BackupError::Prepare(e.to_string()))?;
            Ok(Some((key, path.display().to_string())))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(BackupError::io("cannot read", &path)(e)),
    }
}

/// A check value of a key: the first 8 bytes of SHA-256 over a label and the
/// key, so a backup can name its key without holding it.
fn key_check(key: &crate::accounts::secrets::SecretKey) -> String {
    let mut h = sha2::Sha256::new();
    h.update(b"majlis backup key check v1\0");
    h.update(key.to_hex().as_bytes());
    hex::encode(&h.finalize()[..8])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_paths_stay_inside_the_location() {
        let loc = Path::new("/b");
        assert_eq!(
            inside(loc, "objects/ab/abc"),
            Some(PathBuf::from("/b/objects/ab/abc"))
        );
        assert_eq!(inside(loc, "../etc/passwd"), None);
        assert_eq!(inside(loc, "/etc/passwd"), None);
        assert_eq!(inside(loc, "a/../../x"), None);
        assert_eq!(object_path("abcdef"), "objects/ab/abcdef");
    }

    #[test]
    fn the_schema_this_build_knows_is_ordered() {
        let known = known_schema();
        let mut sorted = known.clone();
        sorted.sort();
        assert_eq!(
            known, sorted,
            "migration names sort in the order they apply"
        );
    }
}
