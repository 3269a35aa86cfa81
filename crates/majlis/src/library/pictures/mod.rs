//! Photos of events and practices: an upload (JPEG, PNG or WebP, checked
//! by content through the library's uploads) made into a WebP thumbnail
//! of at most [`THUMBNAIL_SIDE`] pixels by `majlis-pictures`, kept in the
//! file store, with alt text required in its original language and
//! translatable. Who sees and who changes an owner's photos is the
//! policy's `ViewPictures` / `ChangePictures`, from facts the owner's
//! activity gives ([`owners`]).

pub mod owners;

use chrono::{DateTime, Utc};
use majlis_files::{FileKind, Stored};
use sea_orm::ActiveValue::Set;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, ModelTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};

use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::i18n::{Locale, TrText};
use crate::library::entities::picture;
use crate::library::files::Uploads;
use crate::library::practices::FieldError;
use crate::policy::{Action, Actor, PicturesRef, authorize};

pub use owners::{OwnerFacts, Owners};

/// The longest side of a thumbnail, in pixels.
pub const THUMBNAIL_SIDE: u32 = 640;
/// Most photos one event or practice holds.
pub const MAX_PER_OWNER: u64 = 12;
/// Longest alt text, in characters, per language.
pub const MAX_ALT: usize = 300;

coded_enum! {
    /// What photos belong to.
    OwnerKind {
        Event => "event",
        Practice => "practice",
    }
}

impl OwnerKind {
    /// The outbox's kind for the owner (its pages are rebuilt when its
    /// photos change).
    fn outbox_kind(self) -> &'static str {
        self.code()
    }
}

/// Why a photo was not added or removed.
#[derive(Debug, thiserror::Error)]
pub enum PictureError {
    #[error("not found")]
    NotFound,
    #[error("not allowed")]
    Forbidden,
    #[error("sign-in required")]
    SignInRequired,
    #[error("two-step sign-in required")]
    SecondFactorRequired,
    /// What the person can correct (alt text, the file).
    #[error("bad values")]
    BadValues(Vec<FieldError>),
    #[error("file store: {0}")]
    Store(String),
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl From<crate::policy::Denied> for PictureError {
    fn from(d: crate::policy::Denied) -> Self {
        match d {
            crate::policy::Denied::SignIn => PictureError::SignInRequired,
            crate::policy::Denied::Forbidden => PictureError::Forbidden,
            crate::policy::Denied::SecondFactor => PictureError::SecondFactorRequired,
        }
    }
}

fn bad(field: &'static str, message: &'static str) -> PictureError {
    PictureError::BadValues(vec![FieldError { field, message }])
}

/// The alt text as typed: required in its original language, each
/// language at most [`MAX_ALT`] characters.
pub fn parse_alt(orig: &str, values: &[(Locale, String)]) -> Result<TrText, PictureError> {
    if values
        .iter()
        .any(|(_, v)| v.trim().chars().count() > MAX_ALT)
    {
        return Err(bad("alt", "picture-error-alt-long"));
    }
    let orig = orig
        .parse::<Locale>()
        .map_err(|_| bad("alt", "picture-error-alt"))?;
    TrText::from_values(orig, values.iter().cloned()).map_err(|_| bad("alt", "picture-error-alt"))
}

/// An owner's photos, oldest first (one query).
pub async fn of_owner(
    conn: &impl ConnectionTrait,
    kind: OwnerKind,
    id: i32,
) -> Result<Vec<picture::Model>, DbErr> {
    picture::Entity::find()
        .filter(picture::Column::OwnerKind.eq(kind.code()))
        .filter(picture::Column::OwnerId.eq(id))
        .order_by_asc(picture::Column::Id)
        .all(conn)
        .await
}

/// A column for a list's own query: the id of each row's first photo (its
/// oldest, as its page shows them first), or NULL; `owner_table` is the
/// table the list reads (`event`, `practice`). Cards show it without
/// another query.
pub fn first_photo_column(kind: OwnerKind, owner_table: &str) -> String {
    format!(
        "(SELECT MIN(picture.id) FROM picture WHERE picture.owner_kind = '{}' \
         AND picture.owner_id = {owner_table}.id)",
        kind.code()
    )
}

/// The address of an owner's photo (its WebP thumbnail).
pub fn src(kind: OwnerKind, owner_id: i32, id: i32) -> String {
    format!("/pictures/{}/{owner_id}/{id}", kind.code())
}

/// A photo as a reader may fetch it: the owner's facts decide
/// (`ViewPictures`); not found for whoever may not see it. With it,
/// whether a visitor would see it too (so shared caches may keep it).
pub async fn readable(
    conn: &sea_orm::DatabaseConnection,
    owners: &Owners,
    actor: Option<&Actor>,
    kind: OwnerKind,
    owner_id: i32,
    id: i32,
) -> Result<(picture::Model, bool), PictureError> {
    let facts = owners
        .describe(conn, actor, kind, owner_id)
        .await?
        .ok_or(PictureError::NotFound)?;
    // As the owner's page: not found for whoever may not see it.
    if !crate::policy::can(actor, Action::ViewPictures(facts.policy)) {
        return Err(PictureError::NotFound);
    }
    let row = picture::Entity::find_by_id(id)
        .filter(picture::Column::OwnerKind.eq(kind.code()))
        .filter(picture::Column::OwnerId.eq(owner_id))
        .one(conn)
        .await?
        .ok_or(PictureError::NotFound)?;
    let public = match actor {
        None => true,
        Some(_) => owners
            .describe(conn, None, kind, owner_id)
            .await?
            .is_some_and(|f| crate::policy::can(None, Action::ViewPictures(f.policy))),
    };
    Ok((row, public))
}

/// The owner's facts for someone who would change its photos: refused
/// (by the policy's `ChangePictures`) for whoever may not change it.
pub async fn changeable(
    conn: &sea_orm::DatabaseConnection,
    owners: &Owners,
    actor: Option<&Actor>,
    kind: OwnerKind,
    owner_id: i32,
) -> Result<OwnerFacts, PictureError> {
    let facts = owners
        .describe(conn, actor, kind, owner_id)
        .await?
        .ok_or(PictureError::NotFound)?;
    authorize(actor, Action::ChangePictures(facts.policy))?;
    Ok(facts)
}

/// Makes the thumbnail of an uploaded photo (already stored and checked by
/// content) and stores it: refused unless the upload is a JPEG, PNG or
/// WebP picture that decodes.
pub async fn thumbnail_of(
    uploads: &Uploads,
    db: &Db,
    upload: &Stored,
    person_id: i32,
    now: DateTime<Utc>,
) -> Result<(Stored, u32, u32), PictureError> {
    if !matches!(upload.kind, FileKind::Jpeg | FileKind::Png | FileKind::Webp) {
        return Err(bad("picture", "picture-error-kind"));
    }
    let bytes = uploads
        .store
        .get(&upload.sha256)
        .await
        .map_err(|e| PictureError::Store(e.to_string()))?
        .bytes()
        .await
        .map_err(|e| PictureError::Store(e.to_string()))?;
    let made =
        tokio::task::spawn_blocking(move || majlis_pictures::thumbnail(&bytes, THUMBNAIL_SIDE))
            .await
            .map_err(|e| PictureError::Store(e.to_string()))?;
    let thumb = match made {
        Ok(t) => t,
        Err(e) => {
            tracing::info!(error = %e, "photo refused");
            return Err(bad("picture", "picture-error-unreadable"));
        }
    };
    let (width, height) = (thumb.width, thumb.height);
    let stored = uploads
        .keep_made(db, thumb.webp, person_id, now)
        .await
        .map_err(|e| PictureError::Store(e.to_string()))?;
    Ok((stored, width, height))
}

/// What a new photo is.
pub struct NewPicture<'a> {
    pub kind: OwnerKind,
    pub owner_id: i32,
    pub thumbnail: &'a Stored,
    pub width: u32,
    pub height: u32,
    pub alt: TrText,
}

/// Adds a photo (its thumbnail stored by [`thumbnail_of`]) to an owner the
/// actor may change ([`changeable`] said so): at most [`MAX_PER_OWNER`].
pub async fn add(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    new: NewPicture<'_>,
    now: DateTime<Utc>,
) -> Result<i32, PictureError> {
    let tx = db.begin_write().await?;
    let held = picture::Entity::find()
        .filter(picture::Column::OwnerKind.eq(new.kind.code()))
        .filter(picture::Column::OwnerId.eq(new.owner_id))
        .count(&tx)
        .await?;
    if held >= MAX_PER_OWNER {
        return Err(bad("picture", "picture-error-many"));
    }
    crate::library::files::record(&tx, new.thumbnail, now).await?;
    let row = picture::ActiveModel {
        owner_kind: Set(new.kind.code().to_owned()),
        owner_id: Set(new.owner_id),
        file_sha256: Set(new.thumbnail.sha256.to_string()),
        width: Set(i32::try_from(new.width).unwrap_or(i32::MAX)),
        height: Set(i32::try_from(new.height).unwrap_or(i32::MAX)),
        alt: Set(new.alt),
        uploaded_by: Set(Some(actor.person_id)),
        uploaded_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    outbox::record(&tx, new.kind.outbox_kind(), new.owner_id, Op::Updated).await?;
    audit::record(
        &tx,
        origin,
        "picture.added",
        new.kind.code(),
        new.owner_id,
        Some(format!("photo {} ({})", row.id, new.thumbnail.sha256)),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(row.id)
}

/// Deletes one of an owner's photos (the actor may change the owner: see
/// [`changeable`]). Its file becomes unused and is collected later.
pub async fn delete(
    db: &Db,
    origin: &Origin,
    kind: OwnerKind,
    owner_id: i32,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), PictureError> {
    let tx = db.begin_write().await?;
    let row = picture::Entity::find_by_id(id)
        .filter(picture::Column::OwnerKind.eq(kind.code()))
        .filter(picture::Column::OwnerId.eq(owner_id))
        .one(&tx)
        .await?
        .ok_or(PictureError::NotFound)?;
    let sha = row.file_sha256.clone();
    row.delete(&tx).await?;
    outbox::record(&tx, kind.outbox_kind(), owner_id, Op::Updated).await?;
    audit::record(
        &tx,
        origin,
        "picture.deleted",
        kind.code(),
        owner_id,
        Some(format!("photo {id} ({sha})")),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A photo as a page shows it: its address, size and alt text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub src: String,
    pub width: i32,
    pub height: i32,
    pub alt: TrText,
}

impl Shown {
    pub fn of(row: &picture::Model) -> Self {
        Shown {
            src: format!("/pictures/{}/{}/{}", row.owner_kind, row.owner_id, row.id),
            width: row.width,
            height: row.height,
            alt: row.alt.clone(),
        }
    }
}

/// An owner's photos as its page shows them, and the address of the page
/// where they are changed when the reader may change them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gallery {
    pub photos: Vec<Shown>,
    pub manage: Option<String>,
}

/// The gallery of an owner whose facts the page already holds (one query):
/// `policy` as the owner's activity describes it to the reader.
pub async fn gallery(
    conn: &impl ConnectionTrait,
    actor: Option<&Actor>,
    kind: OwnerKind,
    owner_id: i32,
    policy: PicturesRef,
) -> Result<Gallery, DbErr> {
    let photos = of_owner(conn, kind, owner_id)
        .await?
        .iter()
        .map(Shown::of)
        .collect();
    let manage = crate::policy::can(actor, Action::ChangePictures(policy))
        .then(|| format!("/pictures/{}/{owner_id}", kind.code()));
    Ok(Gallery { photos, manage })
}
