//! Uploads and downloads through `majlis-files`: a folder under the data
//! directory by default, S3-compatible storage when configured. A file is
//! checked (type from its content, size while streaming, archives against
//! bombs) before anything is stored. An upload form is bounded as a whole
//! (fields, files, bytes across every part) and each person's stored files
//! by a quota (staff exempt).
//!
//! Every stored file has a `file_object` row, written (with its uploader in
//! `file_owner`) before its bytes reach the store. A row that nothing refers
//! to carries `orphan_since`; [`collect`], run on every node, removes such
//! files once `file_grace_hours` have passed: it deletes the row by a
//! conditional delete (still unused, still old) and removes the bytes while
//! that transaction still holds the row, so an upload of the same bytes on
//! any node (which first refreshes or re-creates the row, waiting on that
//! lock, and only then looks in the store) either keeps the file or writes
//! it again.

use std::path::PathBuf;

use axum::extract::multipart::Field;
use chrono::{DateTime, Duration, Utc};
use futures_util::StreamExt;
use majlis_files::{ArchiveLimits, FileKind, FileStore, PutOptions, Spooled, Stored, UploadError};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Alias, Expr, Func, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect,
};

use super::entities::{file_object, file_owner, practice_attachment, resource_version};
use crate::config::Settings;
use crate::db::Db;
use crate::i18n::Locale;
use crate::policy::Actor;
use crate::web::extract::CsrfMultipart;

/// Largest plain (non-file) form value read from an upload form.
pub const MAX_FIELD_BYTES: usize = 64 * 1024;

/// The kind of a row made for bytes found in the store without one (stored
/// before rows were written at upload): it is removed after the grace period
/// unless an upload of the same bytes fills it in.
pub const UNKNOWN_KIND: &str = "unknown";

const MB: u64 = 1024 * 1024;

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

/// Why one file of a form was not kept.
#[derive(Debug)]
enum Refusal {
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
        })
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

    /// Check one uploaded file (at most `max_bytes`, streaming), hold it
    /// against the uploader's quota, record it, then store it.
    async fn accept(
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
        claim(db, &spooled, who.person_id, now).await?;
        self.store
            .keep(spooled)
            .await
            .map_err(|e| Refusal::Upload(e.into()))
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
async fn claim(
    db: &Db,
    spooled: &Spooled,
    person_id: i32,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
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
    file_object::Entity::insert(file_object::ActiveModel {
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
    file_owner::Entity::insert(file_owner::ActiveModel {
        sha256: Set(sha),
        person_id: Set(person_id),
        created_at: Set(now),
    })
    .on_conflict_do_nothing()
    .exec_without_returning(&tx)
    .await?;
    tx.commit().await
}

fn size_of(size: u64) -> i64 {
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

/// A multipart form: text values, and the files it carried (already checked
/// and stored), or why a file was refused.
#[derive(Default)]
pub struct UploadForm {
    pub values: Vec<(String, String)>,
    pub files: Vec<(String, String, Stored)>,
    pub refused: Vec<(String, &'static str)>,
}

impl UploadForm {
    pub fn get(&self, name: &str) -> &str {
        self.values
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    }
}

/// Why a multipart form could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum FormError {
    #[error("malformed multipart body")]
    Malformed,
    #[error("a form value is too long")]
    TooLong,
    #[error("missing or wrong anti-forgery token")]
    Csrf,
    /// More fields or files than a form may carry (no page of ours sends that many).
    #[error("too many fields or files in one form")]
    TooMany,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Read a part to its end, adding its bytes to `total` (at most `max`).
async fn drain(field: &mut Field<'_>, total: &mut u64, max: u64) -> Result<(), FormError> {
    while let Some(chunk) = field.chunk().await.map_err(|_| FormError::Malformed)? {
        *total = total.saturating_add(chunk.len() as u64);
        if *total > max {
            return Err(FormError::TooLong);
        }
    }
    Ok(())
}

/// A plain form value's bytes: at most [`MAX_FIELD_BYTES`].
async fn read_value(field: &mut Field<'_>) -> Result<Vec<u8>, FormError> {
    let mut buf = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(|_| FormError::Malformed)? {
        if buf.len() + chunk.len() > MAX_FIELD_BYTES {
            return Err(FormError::TooLong);
        }
        buf.extend_from_slice(&chunk);
    }
    Ok(buf)
}

/// The form's first field must be the anti-forgery token, and match:
/// its length in bytes (counted against the form's limit).
async fn check_token(mp: &mut axum::extract::Multipart, expected: &str) -> Result<u64, FormError> {
    let first = mp.next_field().await.map_err(|_| FormError::Malformed)?;
    match first {
        Some(f) if f.name() == Some("csrf") && f.file_name().is_none() => {
            let token = f.text().await.map_err(|_| FormError::Malformed)?;
            if !crate::token::same(token.trim(), expected) {
                return Err(FormError::Csrf);
            }
            Ok(token.len() as u64)
        }
        _ => Err(FormError::Csrf),
    }
}

/// Read a multipart form: its first field must be the anti-forgery token
/// (checked before any file is read); then plain values (each capped), and
/// every non-empty file field through the file checks and the uploader's
/// quota. At most `max_fields` fields and `max_files` files; bytes are
/// counted across all parts, and a file that would take the form past
/// `request_max_bytes` is refused (reading stops there, what was typed
/// before it is kept).
pub async fn read_form(
    uploads: &Uploads,
    db: &Db,
    upload: CsrfMultipart,
) -> Result<UploadForm, FormError> {
    let CsrfMultipart {
        multipart: mut mp,
        expected,
        person_id,
        staff,
    } = upload;
    let who = Uploader { person_id, staff };
    let now = Utc::now();
    let mut form = UploadForm::default();
    let mut total = check_token(&mut mp, &expected).await?;
    let mut fields = 1;
    let mut files = 0;
    while let Some(mut field) = mp.next_field().await.map_err(|_| FormError::Malformed)? {
        fields += 1;
        if fields > uploads.max_fields {
            return Err(FormError::TooMany);
        }
        let name = field.name().unwrap_or_default().to_owned();
        match field.file_name().map(str::to_owned) {
            Some(file_name) => {
                if file_name.is_empty() {
                    // An empty file input: nothing chosen. Drain it, counting.
                    drain(&mut field, &mut total, uploads.request_max_bytes).await?;
                    continue;
                }
                files += 1;
                if files > uploads.max_files {
                    return Err(FormError::TooMany);
                }
                let room = uploads.request_max_bytes.saturating_sub(total);
                let max = uploads.max_bytes.min(room);
                match uploads.accept(db, field, max, who, now).await {
                    Ok(stored) => {
                        total = total.saturating_add(stored.size);
                        form.files.push((name, clean_file_name(&file_name), stored));
                    }
                    Err(Refusal::Db(e)) => return Err(FormError::Db(e)),
                    Err(Refusal::Upload(UploadError::TooLarge { .. }))
                        if max < uploads.max_bytes =>
                    {
                        tracing::info!("upload refused: the form is over its limit");
                        form.refused.push((name, "upload-error-form-too-large"));
                        break;
                    }
                    Err(Refusal::Quota) => {
                        tracing::info!(person = person_id, "upload refused: over quota");
                        form.refused.push((name, "upload-error-quota"));
                    }
                    Err(Refusal::Upload(e)) => {
                        tracing::info!(error = %e, "upload refused");
                        form.refused.push((name, refusal_message(&e)));
                    }
                }
            }
            None => {
                let buf = read_value(&mut field).await?;
                total = total.saturating_add(buf.len() as u64);
                if total > uploads.request_max_bytes {
                    return Err(FormError::TooLong);
                }
                let value = String::from_utf8(buf).map_err(|_| FormError::Malformed)?;
                let value = crate::web::input::clean(&value).into_owned();
                form.values
                    .push((crate::web::input::clean(&name).into_owned(), value));
            }
        }
    }
    Ok(form)
}

/// Whether a stored file is in use: a document version or a practice attachment holds it.
fn referenced() -> Condition {
    Condition::any()
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
                    .column(practice_attachment::Column::FileSha256)
                    .from(practice_attachment::Entity)
                    .and_where(practice_attachment::Column::FileSha256.is_not_null())
                    .to_owned(),
            ),
        )
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
const BATCH: u64 = 500;
const BATCHES: usize = 20;

/// Remove stored files nothing has referred to for `grace`. Safe on every
/// node at once: each removal is a conditional delete of the row (still
/// unused, unused since before `now - grace`) that only one node wins, and
/// the bytes go while that transaction holds the row (see the module notes).
pub async fn collect(
    db: &Db,
    store: &FileStore,
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
        .filter(referenced())
        .exec(&tx)
        .await?;
    done.marked = file_object::Entity::update_many()
        .col_expr(file_object::Column::OrphanSince, Expr::value(now))
        .filter(file_object::Column::OrphanSince.is_null())
        .filter(referenced().not())
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
            .filter(referenced().not())
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
                .filter(referenced().not())
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
pub fn spawn(db: Db, store: FileStore, grace: Duration) -> tokio::task::JoinHandle<()> {
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
            match collect(&db, &store, grace, Utc::now()).await {
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

/// A file name as people gave it, without any folder part or control
/// characters, at most 200 characters.
pub fn clean_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !crate::web::input::is_unwanted(*c))
        .take(200)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_owned();
    if cleaned.is_empty() {
        "file".to_owned()
    } else {
        cleaned
    }
}

/// A download's file name: the given one, with the extension its real type has.
pub fn download_name(name: Option<&str>, kind: FileKind) -> String {
    let name = clean_file_name(name.unwrap_or("file"));
    let ext = kind.extension();
    let lower = name.to_lowercase();
    if lower.ends_with(&format!(".{ext}")) {
        name
    } else {
        format!("{name}.{ext}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_their_folders_and_controls() {
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("C:\\Users\\x\\تقرير.pdf"), "تقرير.pdf");
        assert_eq!(clean_file_name("a\r\nb.pdf"), "ab.pdf");
        assert_eq!(clean_file_name(".."), "file");
        assert_eq!(download_name(Some("report"), FileKind::Pdf), "report.pdf");
        assert_eq!(download_name(Some("x.PDF"), FileKind::Pdf), "x.PDF");
    }
}
