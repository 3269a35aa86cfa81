//! Files nothing refers to: collected once their grace period has passed
//! (the row deleted conditionally, then the bytes), and stored files without
//! a row adopted; run on every node.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use futures_util::StreamExt;
use majlis_files::FileStore;
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, Query, SelectStatement};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QuerySelect};

use super::UNKNOWN_KIND;
use crate::db::Db;
use crate::library::entities::{file_object, picture, practice_attachment, resource_version};

/// How an activity above the library says which stored files it holds
/// (the library knows no activity above it): a subquery selecting their
/// digests, the values of `file_object.sha256` it refers to. Each is
/// registered at the top (`app::file_holders`): cohesion's evidence
/// documents.
pub type Holds = fn() -> SelectStatement;

/// The [`Holds`] of the activities above the library, registered at the top.
#[derive(Clone, Default)]
pub struct Holders(Arc<[Holds]>);

impl Holders {
    pub fn new(parts: Vec<Holds>) -> Self {
        Holders(parts.into())
    }
}

impl std::fmt::Debug for Holders {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Holders({})", self.0.len())
    }
}

/// Whether a stored file is in use: a document version, a practice
/// attachment, a photo or what one of the `holders` selects holds it.
pub(super) fn referenced(holders: &Holders) -> Condition {
    let mut any = Condition::any()
        .add(
            file_object::Column::Sha256.in_subquery(
                Query::select()
                    .column(resource_version::Column::FileSha256)
                    .from(resource_version::Entity)
                    .and_where(resource_version::Column::FileSha256.is_not_null())
                    .to_owned(),
            ),
        )
        .add(
            file_object::Column::Sha256.in_subquery(
                Query::select()
                    .column(picture::Column::FileSha256)
                    .from(picture::Entity)
                    .to_owned(),
            ),
        )
        .add(
            file_object::Column::Sha256.in_subquery(
                Query::select()
                    .column(practice_attachment::Column::FileSha256)
                    .from(practice_attachment::Entity)
                    .and_where(practice_attachment::Column::FileSha256.is_not_null())
                    .to_owned(),
            ),
        );
    for holds in holders.0.iter() {
        any = any.add(file_object::Column::Sha256.in_subquery(holds()));
    }
    any
}

/// What one round of [`collect`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Collected {
    /// Files newly seen unused.
    pub marked: u64,
    /// Files removed (row and bytes).
    pub removed: u64,
    /// Files whose bytes could not be removed (left for the next round).
    pub failed: u64,
}

/// Files looked at per batch, and batches per round at most.
pub(super) const BATCH: u64 = 500;
pub(super) const BATCHES: usize = 20;

/// Remove stored files nothing (the library, nor what `holders` select)
/// has referred to for `grace`. Safe on every
/// node at once: each removal is a conditional delete of the row (still
/// unused, unused since before `now - grace`) that only one node wins, and
/// the bytes go while that transaction holds the row (see the module notes).
pub async fn collect(
    db: &Db,
    store: &FileStore,
    holders: &Holders,
    grace: Duration,
    now: DateTime<Utc>,
) -> Result<Collected, anyhow::Error> {
    let mut done = Collected::default();
    let tx = db.begin_write().await?;
    file_object::Entity::update_many()
        .col_expr(
            file_object::Column::OrphanSince,
            Expr::value(None::<DateTime<Utc>>),
        )
        .filter(file_object::Column::OrphanSince.is_not_null())
        .filter(referenced(holders))
        .exec(&tx)
        .await?;
    done.marked = file_object::Entity::update_many()
        .col_expr(file_object::Column::OrphanSince, Expr::value(now))
        .filter(file_object::Column::OrphanSince.is_null())
        .filter(referenced(holders).not())
        .exec(&tx)
        .await?
        .rows_affected;
    tx.commit().await?;

    let cutoff = now - grace;
    for _ in 0..BATCHES {
        let due: Vec<String> = file_object::Entity::find()
            .select_only()
            .column(file_object::Column::Sha256)
            .filter(file_object::Column::OrphanSince.lt(cutoff))
            .filter(referenced(holders).not())
            .limit(BATCH)
            .into_tuple()
            .all(db.read())
            .await?;
        let full = due.len() as u64 == BATCH;
        let before = done.removed;
        for key in due {
            let Ok(sha) = key.parse::<majlis_files::Sha256>() else {
                tracing::warn!(key, "file row with a malformed digest left alone");
                continue;
            };
            let tx = db.begin_write().await?;
            let won = file_object::Entity::delete_many()
                .filter(file_object::Column::Sha256.eq(&key))
                .filter(file_object::Column::OrphanSince.lt(cutoff))
                .filter(referenced(holders).not())
                .exec(&tx)
                .await?
                .rows_affected
                == 1;
            if !won {
                continue;
            }
            match store.delete(&sha).await {
                Ok(()) => {
                    tx.commit().await?;
                    done.removed += 1;
                }
                Err(e) => {
                    tracing::warn!(error = %e, %sha, "unused file not removed; will retry");
                    tx.rollback().await?;
                    done.failed += 1;
                }
            }
        }
        if !full || done.removed == before {
            break;
        }
    }
    Ok(done)
}

/// Give a row (unused since `now`) to bytes in the store that have none,
/// so that [`collect`] removes them after the grace period: files stored
/// before uploads were recorded at once, such as those of refused forms.
/// Since then every upload is recorded before its bytes are written, so
/// this lists the store only once per start of a node. Returns how many.
pub async fn adopt(db: &Db, store: &FileStore, now: DateTime<Utc>) -> Result<u64, anyhow::Error> {
    let mut listing = store.list();
    let mut adopted = 0;
    let mut batch: Vec<String> = Vec::new();
    loop {
        let next = listing.next().await.transpose()?;
        if let Some(sha) = &next {
            batch.push(sha.to_string());
        }
        if batch.len() >= 200 || (next.is_none() && !batch.is_empty()) {
            let known: Vec<String> = file_object::Entity::find()
                .select_only()
                .column(file_object::Column::Sha256)
                .filter(file_object::Column::Sha256.is_in(batch.clone()))
                .into_tuple()
                .all(db.read())
                .await?;
            let missing: Vec<String> = batch.drain(..).filter(|s| !known.contains(s)).collect();
            if !missing.is_empty() {
                let mut inserted = Vec::new();
                let tx = db.begin_write().await?;
                for sha in missing {
                    let row = file_object::ActiveModel {
                        sha256: Set(sha.clone()),
                        kind: Set(UNKNOWN_KIND.to_owned()),
                        size: Set(0),
                        text: Set(None),
                        created_at: Set(now),
                        orphan_since: Set(Some(now)),
                    };
                    if let sea_orm::TryInsertResult::Inserted(1) = file_object::Entity::insert(row)
                        .on_conflict_do_nothing()
                        .exec_without_returning(&tx)
                        .await?
                    {
                        inserted.push(sha);
                    }
                }
                tx.commit().await?;
                // Bytes another node removed since they were listed need no row.
                for sha in inserted {
                    let gone = match sha.parse::<majlis_files::Sha256>() {
                        Ok(digest) => !store.exists(&digest).await?,
                        Err(_) => true,
                    };
                    if gone {
                        let tx = db.begin_write().await?;
                        file_object::Entity::delete_many()
                            .filter(file_object::Column::Sha256.eq(&sha))
                            .filter(file_object::Column::Kind.eq(UNKNOWN_KIND))
                            .exec(&tx)
                            .await?;
                        tx.commit().await?;
                    } else {
                        adopted += 1;
                    }
                }
            }
        }
        if next.is_none() {
            break;
        }
    }
    Ok(adopted)
}

/// How often each node looks for unused files.
pub const EVERY: std::time::Duration = std::time::Duration::from_secs(3600);

/// Run [`adopt`] once, then [`collect`] every [`EVERY`] until the process stops.
pub fn spawn(
    db: Db,
    store: FileStore,
    holders: Holders,
    grace: Duration,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        match adopt(&db, &store, Utc::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(files = n, "stored files without a record, to be removed"),
            Err(e) => tracing::warn!(error = %e, "listing the file store failed"),
        }
        let mut every = tokio::time::interval(EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            match collect(&db, &store, &holders, grace, Utc::now()).await {
                Ok(c) if c != Collected::default() => {
                    tracing::info!(
                        marked = c.marked,
                        removed = c.removed,
                        failed = c.failed,
                        "unused files"
                    );
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "unused-file round failed; will retry"),
            }
        }
    })
}
