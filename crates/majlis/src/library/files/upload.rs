//! Storing an upload: the person's quota, the `file_object` row written
//! before the bytes reach the store, and what a refusal tells the person.

use std::path::PathBuf;

use axum::extract::multipart::Field;
use chrono::{DateTime, Duration, Utc};
use futures_util::StreamExt;
use majlis_files::{ArchiveLimits, FileStore, PutOptions, Spooled, Stored, UploadError};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Alias, Expr, Func, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};

use super::{MB, UNKNOWN_KIND};
use crate::config::Settings;
use crate::db::Db;
use crate::i18n::Locale;
use crate::library::entities::{file_object, file_owner};
use crate::policy::Actor;

/// The platform's file store and its upload rules.
#[derive(Clone)]
pub struct Uploads {
    pub store: FileStore,
    scratch: PathBuf,
    /// Most bytes of one file.
    pub max_bytes: u64,
    /// Most files in one form.
    pub max_files: usize,
    /// Most fields (files included, the token too) in one form.
    pub max_fields: usize,
    /// Most bytes of one form, files and values together.
    pub request_max_bytes: u64,
    /// Most bytes of stored files per person (staff exempt); 0 for none.
    pub quota_bytes: u64,
    /// How long an unused file is kept.
    pub grace: Duration,
    /// What the activities above the library hold (for the collector and
    /// for taking back a failed upload): registered at the top
    /// (`app::file_holders`), given by [`Uploads::held_by`].
    pub holders: super::Holders,
}

/// Who sends an upload form.
#[derive(Clone, Copy, Debug)]
pub struct Uploader {
    pub person_id: i32,
    /// Staff are exempt from the quota.
    pub staff: bool,
}

/// What an upload form states about its limits.
#[derive(Clone, Debug)]
pub struct FormLimits {
    pub file_mb: u64,
    pub files: usize,
    pub total_mb: u64,
    /// Megabytes used and allowed, when a quota applies to the reader.
    pub quota: Option<(u64, u64)>,
}

impl FormLimits {
    /// Files and total per form, and the reader's use of their quota.
    pub fn hint(&self, l: &Locale) -> String {
        let l = *l;
        let mut out = l.t_args(
            "upload-limits",
            &[
                ("files", (self.files as i64).into()),
                ("total", (self.total_mb as i64).into()),
            ],
        );
        if let Some((used, quota)) = self.quota {
            out.push(' ');
            out.push_str(&l.t_args(
                "upload-quota-used",
                &[
                    ("used", (used as i64).into()),
                    ("quota", (quota as i64).into()),
                ],
            ));
        }
        out
    }
}

/// Why bytes the platform made could not be stored.
#[derive(Debug, thiserror::Error)]
pub enum MadeError {
    #[error(transparent)]
    Upload(#[from] UploadError),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Why one file of a form was not kept.
#[derive(Debug)]
pub(super) enum Refusal {
    Upload(UploadError),
    Quota,
    Db(DbErr),
}

impl From<DbErr> for Refusal {
    fn from(e: DbErr) -> Self {
        Refusal::Db(e)
    }
}

impl Uploads {
    pub fn from_settings(s: &Settings) -> anyhow::Result<Self> {
        let store = match s
            .files_url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
        {
            Some(url) => {
                let opts: Vec<(String, String)> = s
                    .files_options
                    .0
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                FileStore::from_url(url, &opts)?
            }
            None => FileStore::local(&s.data_dir.join("files"))?,
        };
        let scratch = s.data_dir.join("tmp");
        std::fs::create_dir_all(&scratch)?;
        Ok(Uploads {
            store,
            scratch,
            max_bytes: s.upload_max_mb.saturating_mul(MB),
            max_files: usize::try_from(s.upload_max_files.max(1)).unwrap_or(usize::MAX),
            max_fields: usize::try_from(s.form_max_fields.max(2)).unwrap_or(usize::MAX),
            request_max_bytes: s.request_max_mb.max(1).saturating_mul(MB),
            quota_bytes: s.upload_quota_mb.saturating_mul(MB),
            grace: Duration::hours(i64::from(s.file_grace_hours)),
            holders: super::Holders::default(),
        })
    }

    /// The same uploads, knowing what the activities above hold.
    pub fn held_by(self, holders: super::Holders) -> Self {
        Uploads { holders, ..self }
    }

    /// Most raw bytes read from an upload request: the form's limit, with
    /// room for the boundaries and headers of its parts.
    pub fn raw_body_limit(&self) -> u64 {
        let parts = u64::try_from(self.max_fields).unwrap_or(u64::MAX);
        self.request_max_bytes
            .saturating_add(64 * 1024)
            .saturating_add(parts.saturating_mul(4 * 1024))
    }

    /// The limits an upload form states to `actor`.
    pub async fn limits_for(
        &self,
        conn: &impl ConnectionTrait,
        actor: Option<&Actor>,
    ) -> Result<FormLimits, DbErr> {
        let quota = match actor {
            Some(a) if !a.is_staff() && self.quota_bytes > 0 => {
                let used = usage(conn, a.person_id, None).await?;
                Some((used.div_ceil(MB), self.quota_bytes / MB))
            }
            _ => None,
        };
        Ok(FormLimits {
            file_mb: self.max_bytes / MB,
            files: self.max_files,
            total_mb: self.request_max_bytes / MB,
            quota,
        })
    }

    /// Store bytes the platform made from an upload (a photo's
    /// thumbnail): checked and claimed as an upload is, unused until a
    /// record refers to it; no quota check (the upload it was made from
    /// was held against it).
    pub async fn keep_made(
        &self,
        db: &Db,
        bytes: Vec<u8>,
        person_id: i32,
        now: DateTime<Utc>,
    ) -> Result<Stored, MadeError> {
        let opts = PutOptions {
            max_bytes: self.max_bytes.max(bytes.len() as u64),
            ..PutOptions::new(self.scratch.clone())
        };
        let body = futures_util::stream::iter([Ok::<_, std::io::Error>(bytes::Bytes::from(bytes))]);
        let spooled = self.store.spool(body, &opts).await?;
        let sha256 = spooled.sha256;
        let claimed = claim(db, &spooled, person_id, now).await?;
        match self.store.keep(spooled).await {
            Ok(stored) => Ok(stored),
            Err(e) => {
                unclaim(db, &self.holders, &sha256.to_string(), person_id, claimed).await?;
                Err(MadeError::Upload(e.into()))
            }
        }
    }

    /// Store bytes the platform made on nobody's behalf (the demo's
    /// stand-in documents): recognised by content as an upload is, held
    /// against no one's quota, unused until a record refers to it
    /// ([`record`] in that record's transaction).
    pub async fn keep_unowned(&self, bytes: Vec<u8>) -> Result<Stored, UploadError> {
        let opts = PutOptions {
            max_bytes: self.max_bytes.max(bytes.len() as u64),
            ..PutOptions::new(self.scratch.clone())
        };
        let body = futures_util::stream::iter([Ok::<_, std::io::Error>(bytes::Bytes::from(bytes))]);
        self.store.put(body, &opts).await
    }

    /// Check one uploaded file (at most `max_bytes`, streaming), hold it
    /// against the uploader's quota, record it, then store it.
    pub(super) async fn accept(
        &self,
        db: &Db,
        field: Field<'_>,
        max_bytes: u64,
        who: Uploader,
        now: DateTime<Utc>,
    ) -> Result<Stored, Refusal> {
        let opts = PutOptions {
            max_bytes,
            extract_text: true,
            limits: ArchiveLimits::default(),
            ..PutOptions::new(self.scratch.clone())
        };
        let body = field.map(|chunk| chunk.map_err(std::io::Error::other));
        let spooled = self
            .store
            .spool(Box::pin(body), &opts)
            .await
            .map_err(Refusal::Upload)?;
        let sha = spooled.sha256.to_string();
        if !who.staff && self.quota_bytes > 0 {
            let used = usage(db.read(), who.person_id, Some(&sha)).await?;
            if used.saturating_add(spooled.size) > self.quota_bytes {
                return Err(Refusal::Quota);
            }
        }
        let sha256 = spooled.sha256;
        let claimed = claim(db, &spooled, who.person_id, now).await?;
        match self.store.keep(spooled).await {
            Ok(stored) => Ok(stored),
            Err(e) => {
                // The bytes are not in the store: take back what the claim
                // wrote, so no row says they are and the uploader's quota
                // is not charged for them.
                unclaim(
                    db,
                    &self.holders,
                    &sha256.to_string(),
                    who.person_id,
                    claimed,
                )
                .await?;
                Err(Refusal::Upload(e.into()))
            }
        }
    }
}

/// Bytes of the stored files `person_id` uploaded (referenced or awaiting
/// removal: both take room), leaving out the file `except`.
pub async fn usage(
    conn: &impl ConnectionTrait,
    person_id: i32,
    except: Option<&str>,
) -> Result<u64, DbErr> {
    let mut q = file_object::Entity::find()
        .select_only()
        .expr(Func::cast_as(
            Func::coalesce([
                Expr::from(Func::sum(Expr::col(file_object::Column::Size))),
                Expr::val(0),
            ]),
            Alias::new("BIGINT"),
        ))
        .filter(
            file_object::Column::Sha256.in_subquery(
                Query::select()
                    .column(file_owner::Column::Sha256)
                    .from(file_owner::Entity)
                    .and_where(file_owner::Column::PersonId.eq(person_id))
                    .to_owned(),
            ),
        );
    if let Some(sha) = except {
        q = q.filter(file_object::Column::Sha256.ne(sha));
    }
    let total: Option<i64> = q.into_tuple().one(conn).await?;
    Ok(u64::try_from(total.unwrap_or(0)).unwrap_or(0))
}

/// Record checked bytes before they are written to the store: refresh the
/// grace period of an unused row, fill in a row made for bytes found
/// without one, or create the row (unused until a form refers to it); and
/// note the uploader. Committed before the store is looked at, so that a
/// collector removing the same bytes has finished (its transaction held
/// the row) and the store says whether they must be written again.
/// Returns which rows it created, for [`unclaim`].
pub(super) async fn claim(
    db: &Db,
    spooled: &Spooled,
    person_id: i32,
    now: DateTime<Utc>,
) -> Result<Claimed, DbErr> {
    let sha = spooled.sha256.to_string();
    let tx = db.begin_write().await?;
    file_object::Entity::update_many()
        .col_expr(file_object::Column::OrphanSince, Expr::value(now))
        .filter(file_object::Column::Sha256.eq(&sha))
        .filter(file_object::Column::OrphanSince.is_not_null())
        .exec(&tx)
        .await?;
    file_object::Entity::update_many()
        .col_expr(
            file_object::Column::Kind,
            Expr::value(spooled.kind.as_str()),
        )
        .col_expr(
            file_object::Column::Size,
            Expr::value(size_of(spooled.size)),
        )
        .col_expr(file_object::Column::Text, Expr::value(spooled.text.clone()))
        .filter(file_object::Column::Sha256.eq(&sha))
        .filter(file_object::Column::Kind.eq(UNKNOWN_KIND))
        .exec(&tx)
        .await?;
    let object = file_object::Entity::insert(file_object::ActiveModel {
        sha256: Set(sha.clone()),
        kind: Set(spooled.kind.as_str().to_owned()),
        size: Set(size_of(spooled.size)),
        text: Set(spooled.text.clone()),
        created_at: Set(now),
        orphan_since: Set(Some(now)),
    })
    .on_conflict_do_nothing()
    .exec_without_returning(&tx)
    .await?;
    let owner = file_owner::Entity::insert(file_owner::ActiveModel {
        sha256: Set(sha),
        person_id: Set(person_id),
        created_at: Set(now),
    })
    .on_conflict_do_nothing()
    .exec_without_returning(&tx)
    .await?;
    tx.commit().await?;
    Ok(Claimed {
        object: matches!(object, sea_orm::TryInsertResult::Inserted(n) if n > 0),
        owner: matches!(owner, sea_orm::TryInsertResult::Inserted(n) if n > 0),
    })
}

/// The rows [`claim`] created (rather than found).
#[derive(Clone, Copy, Debug)]
pub(super) struct Claimed {
    object: bool,
    owner: bool,
}

/// Undo a [`claim`] whose bytes could not be written: remove the uploader
/// row and the file row it created, the latter only while still unused (a
/// form elsewhere that stored and used the same bytes meanwhile keeps it;
/// one that has not recorded its use yet re-creates the row in [`record`]).
/// Rows that existed before the claim stay as they were found.
async fn unclaim(
    db: &Db,
    holders: &super::Holders,
    sha: &str,
    person_id: i32,
    claimed: Claimed,
) -> Result<(), DbErr> {
    if !claimed.object && !claimed.owner {
        return Ok(());
    }
    let tx = db.begin_write().await?;
    if claimed.owner {
        file_owner::Entity::delete_many()
            .filter(file_owner::Column::Sha256.eq(sha))
            .filter(file_owner::Column::PersonId.eq(person_id))
            .exec(&tx)
            .await?;
    }
    if claimed.object {
        file_object::Entity::delete_many()
            .filter(file_object::Column::Sha256.eq(sha))
            .filter(file_object::Column::OrphanSince.is_not_null())
            .filter(super::orphans::referenced(holders).not())
            .exec(&tx)
            .await?;
    }
    tx.commit().await
}

pub(super) fn size_of(size: u64) -> i64 {
    i64::try_from(size).unwrap_or(i64::MAX)
}

/// The Fluent id that explains a refused upload to a person.
pub fn refusal_message(e: &UploadError) -> &'static str {
    match e {
        UploadError::Empty => "upload-error-empty",
        UploadError::TooLarge { .. } => "upload-error-too-large",
        UploadError::UnsupportedType => "upload-error-type",
        UploadError::Bomb => "upload-error-bomb",
        UploadError::Malformed => "upload-error-malformed",
        _ => "upload-error-failed",
    }
}

/// Note, in the transaction that makes something refer to a stored file,
/// that the file is in use (recording it if needed).
pub async fn record(
    tx: &impl ConnectionTrait,
    stored: &Stored,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let sha = stored.sha256.to_string();
    let found = file_object::Entity::update_many()
        .col_expr(
            file_object::Column::OrphanSince,
            Expr::value(None::<DateTime<Utc>>),
        )
        .filter(file_object::Column::Sha256.eq(&sha))
        .exec(tx)
        .await?
        .rows_affected;
    if found > 0 {
        return Ok(());
    }
    file_object::Entity::insert(file_object::ActiveModel {
        sha256: Set(sha),
        kind: Set(stored.kind.as_str().to_owned()),
        size: Set(size_of(stored.size)),
        text: Set(stored.text.clone()),
        created_at: Set(now),
        orphan_since: Set(None),
    })
    .on_conflict_do_nothing()
    .exec_without_returning(tx)
    .await?;
    Ok(())
}
