//! Backups on a schedule (`backup_every` hours, `backup_keep` kept): every
//! node checks each minute, and the one that wins the lease row takes the
//! backup. Each backup, scheduled or by hand, is a `backup_run` row; the age
//! of the last good one goes to `/metrics` and the administrators' page.

use std::path::Path;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use majlis_files::FileStore;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, DbErr, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use super::{BackupError, MANIFEST, Manifest, OBJECTS, Taken};
use crate::config::Settings;
use crate::db::Db;

/// How long a node holds the lease: a node that dies mid-backup leaves it
/// to lapse, and another node tries again.
pub const LEASE: Duration = Duration::hours(2);
/// After a failed attempt, the next one waits this long.
pub const RETRY_AFTER: Duration = Duration::minutes(15);
/// An unfinished backup folder younger than this may still be being
/// written: objects are not pruned meanwhile.
const UNFINISHED_GRACE: StdDuration = StdDuration::from_secs(24 * 3600);

pub mod lease {
    use sea_orm::entity::prelude::*;

    /// The one row (id 1) a node holds while it takes a scheduled backup.
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "backup_lease")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: i32,
        pub holder: Option<String>,
        pub held_until: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod run {
    use sea_orm::entity::prelude::*;

    /// One backup: started, and how it ended.
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "backup_run")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub node: String,
        pub started_at: DateTimeUtc,
        pub finished_at: Option<DateTimeUtc>,
        /// `running`, `ok` or `failed`.
        pub outcome: String,
        #[sea_orm(column_type = "Text", nullable)]
        pub folder: Option<String>,
        #[sea_orm(column_type = "Text", nullable)]
        pub message: Option<String>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Take the lease if it is free or has lapsed: a conditional update only
/// one node wins.
pub async fn claim(db: &Db, node: &str, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let tx = db.begin_write().await?;
    let res = lease::Entity::update_many()
        .col_expr(lease::Column::Holder, Expr::value(node))
        .col_expr(lease::Column::HeldUntil, Expr::value(now + LEASE))
        .filter(lease::Column::Id.eq(1))
        .filter(
            Condition::any()
                .add(lease::Column::HeldUntil.is_null())
                .add(lease::Column::HeldUntil.lt(now)),
        )
        .exec(&tx)
        .await?;
    tx.commit().await?;
    Ok(res.rows_affected == 1)
}

/// Give the lease back.
pub async fn release(db: &Db, node: &str) -> Result<(), DbErr> {
    let tx = db.begin_write().await?;
    lease::Entity::update_many()
        .col_expr(
            lease::Column::HeldUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(lease::Column::Id.eq(1))
        .filter(lease::Column::Holder.eq(node))
        .exec(&tx)
        .await?;
    tx.commit().await
}

/// When the last good backup finished.
pub async fn last_good(db: &Db) -> Result<Option<DateTime<Utc>>, DbErr> {
    Ok(run::Entity::find()
        .filter(run::Column::Outcome.eq("ok"))
        .order_by_desc(run::Column::FinishedAt)
        .limit(1)
        .one(db.read())
        .await?
        .and_then(|r| r.finished_at))
}

/// Whether a scheduled backup is due: none good within `every`, and no
/// attempt within [`RETRY_AFTER`].
pub async fn due(db: &Db, every: Duration, now: DateTime<Utc>) -> Result<bool, DbErr> {
    if let Some(at) = last_good(db).await?
        && now - at < every
    {
        return Ok(false);
    }
    let last_try = run::Entity::find()
        .order_by_desc(run::Column::StartedAt)
        .limit(1)
        .one(db.read())
        .await?;
    Ok(last_try.is_none_or(|r| now - r.started_at >= RETRY_AFTER))
}

/// Take a backup and record it as a `backup_run` row (what `majlis backup`
/// and the schedule both do).
pub async fn take_recorded(
    settings: &Settings,
    db: &Db,
    store: &FileStore,
    location: &Path,
    node: &str,
    now: DateTime<Utc>,
) -> Result<Taken, BackupError> {
    let tx = db.begin_write().await?;
    let row = run::ActiveModel {
        node: Set(node.to_owned()),
        started_at: Set(now),
        outcome: Set("running".into()),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    tx.commit().await?;
    let result = super::take(settings, db, store, location, now).await;
    let mut done: run::ActiveModel = row.into();
    done.finished_at = Set(Some(Utc::now()));
    match &result {
        Ok(t) => {
            done.outcome = Set("ok".into());
            done.folder = Set(Some(t.folder.display().to_string()));
        }
        Err(e) => {
            done.outcome = Set("failed".into());
            done.message = Set(Some(e.to_string()));
        }
    }
    let tx = db.begin_write().await?;
    done.update(&tx).await?;
    tx.commit().await?;
    result
}

/// One turn of the schedule: if a backup is due and this node wins the
/// lease, take it and prune the location to `backup_keep`.
pub async fn tick(
    settings: &Settings,
    db: &Db,
    store: &FileStore,
    node: &str,
    now: DateTime<Utc>,
) -> Result<Option<Taken>, BackupError> {
    if settings.backup_every == 0 {
        return Ok(None);
    }
    let every = Duration::hours(i64::from(settings.backup_every));
    if !due(db, every, now).await? || !claim(db, node, now).await? {
        return Ok(None);
    }
    // Checked again under the lease: another node may just have finished.
    let result = async {
        if !due(db, every, now).await? {
            return Ok(None);
        }
        let location = super::location(settings);
        let taken = take_recorded(settings, db, store, &location, node, now).await?;
        prune(&location, settings.backup_keep.max(1) as usize).await?;
        Ok(Some(taken))
    }
    .await;
    release(db, node).await?;
    result
}

/// What [`prune`] removed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Pruned {
    pub backups: usize,
    pub objects: usize,
}

/// Keep the newest `keep` finished backups of a location; remove older ones
/// and the stored files no kept backup lists. Unfinished folders are left
/// alone, and while one is younger than a day (a backup under way), no
/// stored file is removed.
pub async fn prune(location: &Path, keep: usize) -> Result<Pruned, BackupError> {
    let loc = location.to_owned();
    tokio::task::spawn_blocking(move || prune_blocking(&loc, keep))
        .await
        .map_err(|e| BackupError::Prepare(format!("pruning thread failed: {e}")))?
}

fn prune_blocking(location: &Path, keep: usize) -> Result<Pruned, BackupError> {
    let io = BackupError::io;
    let mut finished = Vec::new();
    let mut writing = false;
    for entry in std::fs::read_dir(location).map_err(io("cannot read", location))? {
        let entry = entry.map_err(io("cannot read", location))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with("majlis-") || !entry.path().is_dir() {
            continue;
        }
        if entry.path().join(MANIFEST).is_file() {
            finished.push(name);
        } else {
            let young = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_none_or(|age| age < UNFINISHED_GRACE);
            writing |= young;
        }
    }
    finished.sort();
    let mut pruned = Pruned::default();
    let cut = finished.len().saturating_sub(keep);
    for name in &finished[..cut] {
        let dir = location.join(name);
        // The manifest goes first, so a half-removed backup is never taken as good.
        let _ = std::fs::remove_file(dir.join(MANIFEST));
        std::fs::remove_dir_all(&dir).map_err(io("cannot remove", &dir))?;
        pruned.backups += 1;
    }
    if writing {
        return Ok(pruned);
    }
    let mut wanted = std::collections::HashSet::new();
    for name in &finished[cut..] {
        let path = location.join(name).join(MANIFEST);
        let text = std::fs::read(&path).map_err(io("cannot read", &path))?;
        let m: Manifest = serde_json::from_slice(&text).map_err(|e| BackupError::BadManifest {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        wanted.extend(m.files.into_iter().map(|f| f.path));
    }
    let objects = location.join(OBJECTS);
    let Ok(prefixes) = std::fs::read_dir(&objects) else {
        return Ok(pruned);
    };
    for prefix in prefixes.flatten() {
        let Ok(files) = std::fs::read_dir(prefix.path()) else {
            continue;
        };
        for f in files.flatten() {
            let rel = format!(
                "{OBJECTS}/{}/{}",
                prefix.file_name().to_string_lossy(),
                f.file_name().to_string_lossy()
            );
            if !wanted.contains(&rel) {
                std::fs::remove_file(f.path()).map_err(io("cannot remove", &f.path()))?;
                pruned.objects += 1;
            }
        }
    }
    Ok(pruned)
}

/// Set `majlis_backup_age_seconds` from the last good backup (left unset
/// while there is none).
pub async fn refresh_metrics(db: &Db, now: DateTime<Utc>) -> Result<Option<i64>, DbErr> {
    let age = last_good(db)
        .await?
        .map(|at| (now - at).num_seconds().max(0));
    if let Some(a) = age {
        metrics::gauge!("majlis_backup_age_seconds").set(a as f64);
    }
    Ok(age)
}

/// Every minute on every node: refresh the metric; when `backup_every` is
/// set, take a due backup if this node wins the lease.
pub fn spawn(
    db: Db,
    settings: std::sync::Arc<Settings>,
    store: FileStore,
) -> tokio::task::JoinHandle<()> {
    let node = format!("node-{}-{:08x}", std::process::id(), rand::random::<u32>());
    tokio::spawn(async move {
        let mut every = tokio::time::interval(StdDuration::from_secs(60));
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            match tick(&settings, &db, &store, &node, Utc::now()).await {
                Ok(Some(t)) => tracing::info!(
                    folder = %t.folder.display(),
                    copied = t.copied,
                    reused = t.reused,
                    "scheduled backup taken"
                ),
                Ok(None) => {}
                Err(e) => tracing::error!(error = %e, "scheduled backup failed"),
            }
            if let Err(e) = refresh_metrics(&db, Utc::now()).await {
                tracing::warn!(error = %e, "cannot read the last backup's age");
            }
        }
    })
}
