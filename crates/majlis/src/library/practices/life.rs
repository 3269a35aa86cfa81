//! A practice's life in storage: saving drafts (a version per save), moving
//! it from draft to published and archived, deleting it, attachments.

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};

use super::content::Snapshot;
use super::form::missing_for_review;
use super::{FieldError, MAX_COMMENT};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::i18n::TrText;
use crate::library::PracticeStatus;
use crate::library::entities::{
    practice, practice_attachment, practice_review, practice_theme, practice_version,
};
use crate::policy::{Action, Actor, Denied, PracticeRef, authorize, can};

#[derive(Debug, thiserror::Error)]
pub enum PracticeError {
    #[error("not allowed")]
    Forbidden,
    /// Staff only, and the person has not turned on two-step sign-in.
    #[error("two-step sign-in required")]
    SecondFactorRequired,
    #[error("no such practice")]
    NotFound,
    #[error("not in a state that allows this")]
    WrongState,
    #[error("incomplete")]
    Incomplete(Vec<FieldError>),
    #[error(transparent)]
    Db(#[from] DbErr),
}

refused_by_policy!(PracticeError);

impl practice::Model {
    pub fn status(&self) -> PracticeStatus {
        PracticeStatus::from_code(&self.status).unwrap_or(PracticeStatus::Draft)
    }

    pub fn policy_ref(&self) -> PracticeRef {
        let status = self.status();
        PracticeRef {
            draft: status == PracticeStatus::Draft,
            public: status.is_public(),
            municipality: self.municipality_id,
            author: self.author_id,
        }
    }
}

/// A new practice's address: its title's words and a random suffix.
pub(super) fn slug_for(title: &TrText, nonce: u32) -> String {
    let words = crate::fields::slug::from_title(title.original(), title.orig(), 80, "practice");
    format!("{words}-{nonce:08x}")
}

pub(super) async fn load(
    tx: &impl ConnectionTrait,
    id: i32,
) -> Result<(practice::Model, Snapshot), PracticeError> {
    let p = practice::Entity::find_by_id(id)
        .one(tx)
        .await?
        .ok_or(PracticeError::NotFound)?;
    let themes = practice_theme::Entity::find()
        .filter(practice_theme::Column::PracticeId.eq(id))
        .all(tx)
        .await?
        .into_iter()
        .map(|t| t.theme_id)
        .collect();
    let snapshot = Snapshot {
        title: p.title.clone(),
        municipality_id: p.municipality_id,
        organisation_id: p.organisation_id,
        country_code: p.country_code.clone(),
        themes,
        content: p.content.clone(),
    };
    Ok((p, snapshot))
}

/// The practice and its current content.
pub async fn snapshot_of(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<(practice::Model, Snapshot), PracticeError> {
    load(db, id).await
}

/// A new practice (a draft, version 1) holding `next`; its id.
pub(super) async fn insert_draft(
    tx: &impl ConnectionTrait,
    actor: &Actor,
    next: &Snapshot,
    now: DateTime<Utc>,
) -> Result<i32, PracticeError> {
    authorize(Some(actor), Action::CreatePractice)?;
    if let Some(m) = next.municipality_id {
        authorize(Some(actor), Action::ActForMunicipality(m))?;
    }
    let p = practice::ActiveModel {
        id: NotSet,
        slug: Set(slug_for(&next.title, rand::random())),
        status: Set(PracticeStatus::Draft.code().to_owned()),
        title: Set(next.title.clone()),
        summary: Set(next.summary()),
        municipality_id: Set(next.municipality_id),
        organisation_id: Set(next.organisation_id),
        country_code: Set(next.country_code.clone()),
        year: Set(next.content.start_year),
        langs: Set(next.langs()),
        content: Set(next.content.clone()),
        version: Set(1),
        author_id: Set(Some(actor.person_id)),
        created_at: Set(now),
        updated_at: Set(now),
        published_at: Set(None),
        last_verified: Set(None),
    }
    .insert(tx)
    .await?;
    Ok(p.id)
}

/// Write `next` over practice `id` as its next version (its themes are
/// cleared, to be written again): the version number, the status, and the
/// snapshot it replaces.
pub(super) async fn update_row(
    tx: &impl ConnectionTrait,
    actor: &Actor,
    id: i32,
    next: &Snapshot,
    now: DateTime<Utc>,
) -> Result<(i32, PracticeStatus, Snapshot), PracticeError> {
    let (p, before) = load(tx, id).await?;
    authorize(Some(actor), Action::EditPractice(p.policy_ref()))?;
    if let Some(m) = next
        .municipality_id
        .filter(|m| Some(*m) != p.municipality_id)
    {
        authorize(Some(actor), Action::ActForMunicipality(m))?;
    }
    let number = p.version + 1;
    let status = p.status();
    let mut am: practice::ActiveModel = p.into();
    am.title = Set(next.title.clone());
    am.summary = Set(next.summary());
    am.municipality_id = Set(next.municipality_id);
    am.organisation_id = Set(next.organisation_id);
    am.country_code = Set(next.country_code.clone());
    am.year = Set(next.content.start_year);
    am.langs = Set(next.langs());
    am.content = Set(next.content.clone());
    am.version = Set(number);
    am.updated_at = Set(now);
    am.update(tx).await?;
    practice_theme::Entity::delete_many()
        .filter(practice_theme::Column::PracticeId.eq(id))
        .exec(tx)
        .await?;
    Ok((number, status, before))
}

/// Save a practice's content as a new version (creating the practice as a
/// draft when `id` is `None`). Returns the practice's id.
pub async fn save(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: Option<i32>,
    next: Snapshot,
    now: DateTime<Utc>,
) -> Result<i32, PracticeError> {
    let tx = db.begin_write().await?;
    let (id, number, status, previous) = match id {
        None => (
            insert_draft(&tx, actor, &next, now).await?,
            1,
            PracticeStatus::Draft,
            None,
        ),
        Some(id) => {
            let (number, status, before) = update_row(&tx, actor, id, &next, now).await?;
            (id, number, status, Some(before))
        }
    };
    for theme_id in &next.themes {
        practice_theme::ActiveModel {
            practice_id: Set(id),
            theme_id: Set(*theme_id),
        }
        .insert(&tx)
        .await?;
    }
    if previous.is_none() {
        // Whoever starts a practice owns it and follows it.
        crate::follows::rules::follow_automatically(
            &tx,
            actor.person_id,
            (crate::follows::TargetKind::Practice, id),
            now,
        )
        .await?;
    }
    let next_fields = next.clone();
    practice_version::ActiveModel {
        id: NotSet,
        practice_id: Set(id),
        number: Set(number),
        snapshot: Set(next),
        author_id: Set(Some(actor.person_id)),
        created_at: Set(now),
    }
    .insert(&tx)
    .await?;
    outbox::record(
        &tx,
        "practice",
        id,
        if number == 1 {
            Op::Created
        } else {
            Op::Updated
        },
    )
    .await?;
    let mut detail = format!("version {number}, {}", status.code());
    if let Some(changes) = previous
        .as_ref()
        .and_then(|p| snapshot_fields(p).changes(&snapshot_fields(&next_fields)))
    {
        detail.push_str(": ");
        detail.push_str(&changes);
    }
    audit::record(
        &tx,
        origin,
        "practice-saved",
        "practice",
        id,
        Some(detail),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// What a practice's audit entries compare.
pub(super) fn snapshot_fields(s: &Snapshot) -> audit::Fields {
    let c = &s.content;
    let mut f = audit::Fields::new();
    f.text("title", Some(&s.title))
        .opt("municipality", s.municipality_id)
        .opt("organisation", s.organisation_id)
        .opt("country", s.country_code.as_ref())
        .list("themes", &s.themes);
    for (field, values) in &c.texts {
        for (l, v) in values {
            f.put(&format!("{}[{}]", field.name(), l.code()), v);
        }
    }
    f.put("city", &c.city)
        .put("department", &c.department)
        .put("contact_name", &c.contact_name)
        .put("contact_email", &c.contact_email)
        .opt("start_year", c.start_year)
        .opt("end_year", c.end_year)
        .put("ongoing", c.ongoing)
        .put("presenter", &c.presenter)
        .put("presented_at", &c.presented_at);
    f
}

/// A reviewer's or an author's move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transition {
    /// Draft → submitted (the owner or staff; the practice must be complete).
    Submit,
    /// Submitted → in review (staff).
    StartReview,
    /// Submitted or in review → draft, with a comment (staff).
    RequestChanges,
    /// Submitted, in review or archived → published (staff).
    Publish,
    /// Published → archived (staff).
    Archive,
    /// A comment, in any state (staff, or the owner).
    Comment,
}

impl Transition {
    pub const ALL: [Transition; 6] = [
        Transition::Submit,
        Transition::StartReview,
        Transition::RequestChanges,
        Transition::Publish,
        Transition::Archive,
        Transition::Comment,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Transition::Submit => "submitted",
            Transition::StartReview => "review-started",
            Transition::RequestChanges => "changes-requested",
            Transition::Publish => "published",
            Transition::Archive => "archived",
            Transition::Comment => "comment",
        }
    }

    pub fn from_code(s: &str) -> Option<Transition> {
        Transition::ALL.into_iter().find(|t| t.code() == s)
    }

    /// The state it leads to from `from`, if it may be taken there.
    pub fn target(self, from: PracticeStatus) -> Option<PracticeStatus> {
        use PracticeStatus as S;
        match (self, from) {
            (Transition::Submit, S::Draft) => Some(S::Submitted),
            (Transition::StartReview, S::Submitted) => Some(S::InReview),
            (Transition::RequestChanges, S::Submitted | S::InReview) => Some(S::Draft),
            (Transition::Publish, S::Submitted | S::InReview | S::Archived) => Some(S::Published),
            (Transition::Archive, S::Published) => Some(S::Archived),
            (Transition::Comment, s) => Some(s),
            _ => None,
        }
    }

    /// Whether `actor` may take it on this practice.
    pub fn allowed(self, actor: &Actor, p: PracticeRef) -> bool {
        self.check(actor, p).is_ok()
    }

    /// [`Self::allowed`], with the reason of a refusal.
    pub fn check(self, actor: &Actor, p: PracticeRef) -> Result<(), Denied> {
        match self {
            Transition::Submit => authorize(Some(actor), Action::SubmitPractice(p)),
            // Its owners comment on it until it is published.
            Transition::Comment if can(Some(actor), Action::ViewPractice(p)) && !p.public => Ok(()),
            _ => authorize(Some(actor), Action::ReviewPractices),
        }
    }
}

/// Take a step in a practice's life, with an optional comment (required
/// when asking for changes), recorded in its review history.
pub async fn transition(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    t: Transition,
    comment: &str,
    now: DateTime<Utc>,
) -> Result<PracticeStatus, PracticeError> {
    let comment = comment.trim();
    if comment.chars().count() > MAX_COMMENT {
        return Err(PracticeError::Incomplete(vec![FieldError {
            field: "comment",
            message: "form-error-too-long",
        }]));
    }
    if comment.is_empty() && matches!(t, Transition::RequestChanges | Transition::Comment) {
        return Err(PracticeError::Incomplete(vec![FieldError {
            field: "comment",
            message: "form-error-required",
        }]));
    }
    let tx = db.begin_write().await?;
    let (p, snapshot) = load(&tx, id).await?;
    if let Err(denied) = t.check(actor, p.policy_ref()) {
        return Err(if denied == Denied::SecondFactor {
            PracticeError::SecondFactorRequired
        } else if can(Some(actor), Action::ViewPractice(p.policy_ref())) {
            PracticeError::WrongState
        } else {
            PracticeError::Forbidden
        });
    }
    let target = t.target(p.status()).ok_or(PracticeError::WrongState)?;
    if t == Transition::Submit {
        let missing = missing_for_review(&snapshot);
        if !missing.is_empty() {
            return Err(PracticeError::Incomplete(missing));
        }
    }
    if target != p.status() {
        let first_publication = target == PracticeStatus::Published && p.published_at.is_none();
        let mut am: practice::ActiveModel = p.into();
        am.status = Set(target.code().to_owned());
        am.updated_at = Set(now);
        if first_publication {
            am.published_at = Set(Some(now));
        }
        if target == PracticeStatus::Published {
            am.last_verified = Set(Some(now.date_naive()));
        }
        am.update(&tx).await?;
        outbox::record(&tx, "practice", id, Op::Updated).await?;
    }
    practice_review::ActiveModel {
        id: NotSet,
        practice_id: Set(id),
        action: Set(t.code().to_owned()),
        body: Set((!comment.is_empty()).then(|| comment.to_owned())),
        author_id: Set(Some(actor.person_id)),
        created_at: Set(now),
    }
    .insert(&tx)
    .await?;
    audit::record(
        &tx,
        origin,
        &format!("practice-{}", t.code()),
        "practice",
        id,
        None,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(target)
}

/// Delete a practice: staff any practice, its owners only while it is a
/// draft. Its versions, reviews, themes, attachments, compendium entries and
/// event links go with it (the database cascades); a consultation
/// contribution that shared it keeps its text, no longer linked. Stored files
/// stay: the same file may serve other documents.
/// Whether `actor` may delete practice `id`: asked before a deletion form's
/// confirmation is looked at, so who may not is told so first.
pub async fn may_delete(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: i32,
) -> Result<(), PracticeError> {
    let p = practice::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(PracticeError::NotFound)?;
    authorize(Some(actor), Action::DeletePractice(p.policy_ref()))?;
    Ok(())
}

pub async fn delete(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), PracticeError> {
    let tx = db.begin_write().await?;
    let p = practice::Entity::find_by_id(id)
        .one(&tx)
        .await?
        .ok_or(PracticeError::NotFound)?;
    authorize(Some(actor), Action::DeletePractice(p.policy_ref()))?;
    practice::Entity::delete_by_id(id).exec(&tx).await?;
    outbox::record(&tx, "practice", id, Op::Deleted).await?;
    let detail = format!("{} ({})", p.title.original(), p.status);
    audit::record(
        &tx,
        origin,
        "practice-deleted",
        "practice",
        id,
        Some(detail),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Attach a file or a link (in one language) to a practice.
pub async fn add_attachment(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    v: crate::library::resources::VersionInput,
    label: String,
    now: DateTime<Utc>,
) -> Result<(), PracticeError> {
    let tx = db.begin_write().await?;
    let (p, _) = load(&tx, id).await?;
    authorize(Some(actor), Action::EditPractice(p.policy_ref()))?;
    if let Some((stored, _)) = &v.file {
        crate::library::files::record(&tx, stored, now).await?;
    }
    let label = if label.is_empty() {
        v.file
            .as_ref()
            .map(|(_, n)| n.clone())
            .or(v.url.clone())
            .unwrap_or_default()
    } else {
        label
    };
    practice_attachment::ActiveModel {
        id: NotSet,
        practice_id: Set(id),
        lang: Set(v.lang.code().to_owned()),
        label: Set(label.chars().take(300).collect()),
        file_sha256: Set(v.file.as_ref().map(|(s, _)| s.sha256.to_string())),
        file_name: Set(v.file.as_ref().map(|(_, n)| n.clone())),
        url: Set(v.url),
    }
    .insert(&tx)
    .await?;
    outbox::record(&tx, "practice", id, Op::Updated).await?;
    audit::record(
        &tx,
        origin,
        "practice-attachment-added",
        "practice",
        id,
        None,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The versions of a practice, newest first.
pub async fn versions(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Vec<practice_version::Model>, DbErr> {
    practice_version::Entity::find()
        .filter(practice_version::Column::PracticeId.eq(id))
        .order_by_desc(practice_version::Column::Number)
        .all(db)
        .await
}
