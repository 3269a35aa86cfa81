//! The life of a consultation: a member puts a dilemma (draft), opens it for
//! a period, peers ask open questions that the presenter answers, then the
//! presenter opens the second phase (ideas, experiences, links), marks what
//! helped and, with a rapporteur, writes the conclusion. Moderation: anyone
//! signed in reports a contribution; coordinators hide or restore it.
//!
//! Every change is one transaction with its audit entry and an outbox row
//! (`dilemma`), so caches and the search index follow.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait,
    PaginatorTrait, QueryFilter, Set, SqlErr,
};

use super::entities::{
    contribution, contribution_report, dilemma, dilemma_participant, dilemma_theme,
};
use super::error::{ConsultError, invalid};
use super::rules::{dilemma_ref, part_of};
use super::{ContributionKind, DilemmaStatus, DilemmaVisibility, HelpSought, ParticipantRole};
use crate::accounts::person;
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::i18n::{FluentArg, Locale, TrText};
use crate::library::practices::FieldError;
use crate::mail::Outgoing;
use crate::mail::queue;
use crate::policy::{Action, Actor, authorize, can};
use crate::web::form::RawForm;

/// Limits stated on the forms.
pub const QUESTION_MAX: usize = 500;
pub const TEXT_MAX: usize = 5000;
pub const REASON_MAX: usize = 500;
pub const PERIOD_MAX: i32 = 60;

/// A dilemma as its form gives it.
#[derive(Clone, Debug)]
pub struct DilemmaInput {
    pub lang: Locale,
    pub question: String,
    pub information: String,
    pub themes: Vec<i32>,
    pub help: Vec<HelpSought>,
    pub country: Option<String>,
    pub city: String,
    pub municipality: Option<i32>,
    pub visibility: DilemmaVisibility,
    pub period_days: i32,
}

/// What a dilemma form may refer to.
pub struct Known<'a> {
    pub themes: &'a [i32],
    pub countries: &'a [String],
    /// Municipalities the writer is affiliated with (any, for staff).
    pub municipalities: &'a [i32],
}

pub(super) fn text_field(
    raw: &RawForm,
    name: &'static str,
    max: usize,
    required: bool,
    errors: &mut Vec<FieldError>,
) -> String {
    let v = raw.get(name).trim().to_owned();
    if required && v.is_empty() {
        errors.push(FieldError {
            field: name,
            message: "form-error-required",
        });
    } else if v.chars().count() > max {
        errors.push(FieldError {
            field: name,
            message: "form-error-too-long",
        });
    }
    v
}

/// Parse the dilemma form; every problem is reported at once.
pub fn parse_dilemma(
    raw: &RawForm,
    lang: Locale,
    known: &Known<'_>,
) -> Result<DilemmaInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let question = text_field(raw, "question", QUESTION_MAX, true, &mut errors);
    if !question.is_empty() && question.chars().count() < 10 {
        errors.push(FieldError {
            field: "question",
            message: "consultation-error-question-short",
        });
    }
    let information = text_field(raw, "information", TEXT_MAX, false, &mut errors);
    let city = text_field(raw, "city", 200, false, &mut errors);
    let mut themes = Vec::new();
    for t in raw.all("theme") {
        match t.parse::<i32>().ok().filter(|id| known.themes.contains(id)) {
            Some(id) if !themes.contains(&id) => themes.push(id),
            Some(_) => {}
            None => errors.push(FieldError {
                field: "themes",
                message: "form-error-unknown",
            }),
        }
    }
    let mut help = Vec::new();
    for h in raw.all("help") {
        match HelpSought::from_code(h) {
            Some(h) if !help.contains(&h) => help.push(h),
            Some(_) => {}
            None => errors.push(FieldError {
                field: "help",
                message: "form-error-unknown",
            }),
        }
    }
    let country = match raw.get("country").trim() {
        "" => None,
        c if known.countries.iter().any(|k| k == c) => Some(c.to_owned()),
        _ => {
            errors.push(FieldError {
                field: "country",
                message: "form-error-unknown",
            });
            None
        }
    };
    let municipality = match raw.get("municipality").trim() {
        "" => None,
        m => match m
            .parse::<i32>()
            .ok()
            .filter(|id| known.municipalities.contains(id))
        {
            Some(id) => Some(id),
            None => {
                errors.push(FieldError {
                    field: "municipality",
                    message: "consultation-error-municipality",
                });
                None
            }
        },
    };
    let visibility = match DilemmaVisibility::from_code(raw.get("visibility")) {
        Some(v) => v,
        None => {
            errors.push(FieldError {
                field: "visibility",
                message: "form-error-required",
            });
            DilemmaVisibility::Members
        }
    };
    let period_days = match raw.get("period").trim() {
        "" => 14,
        p => match p
            .parse::<i32>()
            .ok()
            .filter(|d| (1..=PERIOD_MAX).contains(d))
        {
            Some(d) => d,
            None => {
                errors.push(FieldError {
                    field: "period",
                    message: "consultation-error-period",
                });
                14
            }
        },
    };
    if errors.is_empty() {
        Ok(DilemmaInput {
            lang,
            question,
            information,
            themes,
            help,
            country,
            city,
            municipality,
            visibility,
            period_days,
        })
    } else {
        Err(errors)
    }
}

/// A URL name for a dilemma: its question's words and a random suffix.
pub fn slug_for(question: &str) -> String {
    let base = crate::directory::rules::slug_base(question, 60);
    let nonce: u32 = rand::random();
    if base.is_empty() {
        format!("dilemma-{nonce:08x}")
    } else {
        format!("{base}-{:06x}", nonce & 0xff_ffff)
    }
}

fn join_codes<'a>(codes: impl IntoIterator<Item = &'a str>) -> String {
    codes.into_iter().collect::<Vec<_>>().join(",")
}

/// Put a dilemma on the platform as a draft, with the actor as presenter.
pub async fn create(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    input: DilemmaInput,
    now: DateTime<Utc>,
) -> Result<String, ConsultError> {
    authorize(Some(actor), Action::CreateDilemma)?;
    let tx = db.begin_write().await?;
    let me = person::Entity::find_by_id(actor.person_id)
        .one(&tx)
        .await?
        .ok_or(ConsultError::Forbidden)?;
    let slug = slug_for(&input.question);
    let d = dilemma::ActiveModel {
        slug: Set(slug.clone()),
        status: Set(DilemmaStatus::Draft.code().to_owned()),
        visibility: Set(input.visibility.code().to_owned()),
        question: Set(TrText::new(input.lang, input.question)
            .map_err(|_| invalid("question", "form-error-required"))?),
        information: Set(TrText::new(input.lang, input.information).ok()),
        result: Set(None),
        presenter_id: Set(Some(actor.person_id)),
        presenter_name: Set(None),
        affiliation: Set(None),
        municipality_id: Set(input.municipality),
        organisation_id: Set(None),
        city: Set(Some(input.city).filter(|c| !c.is_empty())),
        country_code: Set(input.country),
        help_sought: Set(join_codes(input.help.iter().map(|h| h.code()))),
        languages: Set(me.locale.clone()),
        session_id: Set(None),
        event_id: Set(None),
        position: Set(0),
        joint_with: Set(None),
        period_days: Set(input.period_days),
        opens_at: Set(None),
        closes_at: Set(None),
        ideas_open_at: Set(None),
        concluded_at: Set(None),
        concluded_by: Set(None),
        created_by: Set(Some(actor.person_id)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    for t in &input.themes {
        dilemma_theme::ActiveModel {
            dilemma_id: Set(d.id),
            theme_id: Set(*t),
        }
        .insert(&tx)
        .await?;
    }
    dilemma_participant::ActiveModel {
        dilemma_id: Set(d.id),
        person_id: Set(actor.person_id),
        role: Set(ParticipantRole::Presenter.code().to_owned()),
        invited_by: Set(None),
        created_at: Set(now),
    }
    .insert(&tx)
    .await?;
    audit::record(&tx, origin, "dilemma.create", "dilemma", d.id, None, now).await?;
    outbox::record(&tx, "dilemma", d.id, Op::Created).await?;
    tx.commit().await?;
    Ok(slug)
}

/// The dilemma (locked for the change on PostgreSQL) and the actor's part.
async fn load(
    tx: &DatabaseTransaction,
    actor: &Actor,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(dilemma::Model, crate::policy::DilemmaRef), ConsultError> {
    use sea_orm::QuerySelect;
    let mut q = dilemma::Entity::find_by_id(id);
    if tx.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        q = q.lock_exclusive();
    }
    let d = q.one(tx).await?.ok_or(ConsultError::NotFound)?;
    let part = part_of(tx, Some(actor), &d).await?;
    let r = dilemma_ref(&d, part, now);
    if !can(Some(actor), Action::ViewDilemma(r)) {
        return Err(ConsultError::NotFound);
    }
    Ok((d, r))
}

fn status_of(d: &dilemma::Model) -> DilemmaStatus {
    DilemmaStatus::from_code(&d.status).unwrap_or(DilemmaStatus::Draft)
}

async fn touch(
    tx: &DatabaseTransaction,
    origin: &Origin,
    d: dilemma::Model,
    action: &str,
    detail: Option<String>,
    change: impl FnOnce(&mut dilemma::ActiveModel),
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    let id = d.id;
    let mut m: dilemma::ActiveModel = d.into();
    change(&mut m);
    m.updated_at = Set(now);
    m.update(tx).await?;
    audit::record(tx, origin, action, "dilemma", id, detail, now).await?;
    outbox::record(tx, "dilemma", id, Op::Updated).await?;
    Ok(())
}

/// Open a draft for its period: questions only, until the presenter has
/// answered them and opens the ideas.
pub async fn open(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    let tx = db.begin_write().await?;
    let (d, r) = load(&tx, actor, id, now).await?;
    authorize(Some(actor), Action::LeadDilemma(r))?;
    if status_of(&d) != DilemmaStatus::Draft {
        return Err(invalid("status", "consultation-error-not-draft"));
    }
    let days = d.period_days.clamp(1, PERIOD_MAX);
    touch(
        &tx,
        origin,
        d,
        "dilemma.open",
        None,
        |m| {
            m.status = Set(DilemmaStatus::Open.code().to_owned());
            m.opens_at = Set(Some(now));
            m.closes_at = Set(Some(now + Duration::days(days as i64)));
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A contribution as its form gives it.
#[derive(Clone, Debug)]
pub struct ContributionInput {
    pub lang: Locale,
    pub kind: ContributionKind,
    pub text: String,
    pub practice: Option<i32>,
    pub resource: Option<i32>,
    pub url: Option<String>,
    /// The form's one-time key (hex, 16–64 characters).
    pub client_key: Option<String>,
    /// Said by someone without an account (recorded at a clinic).
    pub author_name: Option<String>,
}

/// Whether a contribution was stored, or was a second send of one already stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored {
    New(i32),
    Again(i32),
}

/// The id chosen in the select `name`, if it is one of `allowed`.
fn pick(
    raw: &RawForm,
    name: &'static str,
    allowed: &[i32],
    errors: &mut Vec<FieldError>,
) -> Option<i32> {
    match raw.get(name).trim() {
        "" => None,
        v => {
            let id = v.parse::<i32>().ok().filter(|id| allowed.contains(id));
            if id.is_none() {
                errors.push(FieldError {
                    field: name,
                    message: "form-error-unknown",
                });
            }
            id
        }
    }
}

/// A contribution's web address that is a page of this site's library:
/// `("practice", id)` for `{public_url}/practices/{id}`, `("resource", id)`
/// for `{public_url}/library/{id}` (a query or fragment aside). Shared that
/// way, it is linked like a practice or document chosen from the lists.
pub fn library_link(url: &str, public_url: &str) -> Option<(&'static str, i32)> {
    let url = url::Url::parse(url.trim()).ok()?;
    let site = url::Url::parse(public_url).ok()?;
    if url.origin() != site.origin() {
        return None;
    }
    let path = url.path().strip_prefix(site.path().trim_end_matches('/'))?;
    let (field, id) = if let Some(id) = path.strip_prefix("/practices/") {
        ("practice", id)
    } else {
        ("resource", path.strip_prefix("/library/")?)
    };
    let id = id.trim_end_matches('/');
    (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
        .then(|| id.parse().ok())
        .flatten()
        .map(|id| (field, id))
}

/// A one-time form key: 16 to 64 hexadecimal digits.
pub fn client_key(s: &str) -> Option<String> {
    let s = s.trim();
    ((16..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| s.to_ascii_lowercase())
}

/// Parse a contribution form.
pub fn parse_contribution(
    raw: &RawForm,
    lang: Locale,
    practices: &[i32],
    resources: &[i32],
) -> Result<ContributionInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let kind = ContributionKind::from_code(raw.get("kind"));
    if kind.is_none() {
        errors.push(FieldError {
            field: "kind",
            message: "form-error-required",
        });
    }
    let practice = pick(raw, "practice", practices, &mut errors);
    let resource = pick(raw, "resource", resources, &mut errors);
    let url = match raw.get("url").trim() {
        "" => None,
        u if u.len() <= 1000
            && (u.starts_with("https://") || u.starts_with("http://"))
            && url::Url::parse(u).is_ok() =>
        {
            Some(u.to_owned())
        }
        _ => {
            errors.push(FieldError {
                field: "url",
                message: "consultation-error-url",
            });
            None
        }
    };
    let is_link = kind == Some(ContributionKind::Link);
    let text = text_field(raw, "text", TEXT_MAX, true, &mut errors);
    if is_link && practice.is_none() && resource.is_none() && url.is_none() {
        errors.push(FieldError {
            field: "practice",
            message: "consultation-error-link-missing",
        });
    }
    let author_name = match raw.get("author_name").trim() {
        "" => None,
        n if n.chars().count() <= 200 => Some(n.to_owned()),
        _ => {
            errors.push(FieldError {
                field: "author_name",
                message: "form-error-too-long",
            });
            None
        }
    };
    match (kind, errors.is_empty()) {
        (Some(kind), true) => Ok(ContributionInput {
            lang,
            kind,
            text,
            practice,
            resource,
            url,
            client_key: client_key(raw.get("key")),
            author_name,
        }),
        _ => Err(errors),
    }
}

/// The phase rule: open questions at any time the dilemma runs; ideas,
/// experiences and links once the presenter has opened the second phase.
/// `recording`: a rapporteur at a clinic records what was said, in any order.
pub async fn contribute(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    input: ContributionInput,
    recording: bool,
    now: DateTime<Utc>,
) -> Result<Stored, ConsultError> {
    // A second send of the same form: nothing more is stored.
    if let Some(key) = &input.client_key
        && let Some(c) = contribution::Entity::find()
            .filter(contribution::Column::ClientKey.eq(key.as_str()))
            .one(db.read())
            .await?
    {
        return if c.dilemma_id == id {
            Ok(Stored::Again(c.id))
        } else {
            Err(invalid("key", "form-error-unknown"))
        };
    }
    let tx = db.begin_write().await?;
    let (d, r) = load(&tx, actor, id, now).await?;
    let status = status_of(&d);
    if recording {
        if status == DilemmaStatus::Archived {
            return Err(invalid("text", "consultation-error-closed"));
        }
    } else {
        if !can(Some(actor), Action::Contribute(r)) {
            return Err(if r.draft || !status.is_running() {
                invalid("text", "consultation-error-closed")
            } else if !r.taking_contributions {
                invalid("text", "consultation-error-period-over")
            } else {
                ConsultError::Forbidden
            });
        }
        if input.kind != ContributionKind::Question && status == DilemmaStatus::Open {
            return Err(invalid("kind", "consultation-error-ideas-not-open"));
        }
    }
    let body = TrText::new(input.lang, input.text.clone())
        .map_err(|_| invalid("text", "form-error-required"))?;
    let position = contribution::Entity::find()
        .filter(contribution::Column::DilemmaId.eq(d.id))
        .count(&tx)
        .await?;
    let res = contribution::ActiveModel {
        dilemma_id: Set(d.id),
        kind: Set(input.kind.code().to_owned()),
        body: Set(body),
        author_id: Set((!recording).then_some(actor.person_id)),
        // Recorded for someone else: their name, or "" when nobody was named.
        author_name: Set(if recording {
            Some(input.author_name.clone().unwrap_or_default())
        } else {
            None
        }),
        recorded_by: Set(recording.then_some(actor.person_id)),
        practice_id: Set(input.practice),
        resource_id: Set(input.resource),
        url: Set(input.url.clone()),
        answer: Set(None),
        answered_by: Set(None),
        answered_at: Set(None),
        helped: Set(false),
        hidden: Set(false),
        hidden_reason: Set(None),
        client_key: Set(input.client_key.clone()),
        position: Set(position as i32 + 1),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await;
    let c = match res {
        Ok(c) => c,
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            drop(tx);
            let key = input.client_key.unwrap_or_default();
            let c = contribution::Entity::find()
                .filter(contribution::Column::ClientKey.eq(key))
                .one(db.read())
                .await?
                .ok_or(ConsultError::NotFound)?;
            return Ok(Stored::Again(c.id));
        }
        Err(e) => return Err(e.into()),
    };
    // A clinic's dilemma is "in discussion" once something is recorded.
    if recording && status == DilemmaStatus::Open {
        let mut m: dilemma::ActiveModel = d.clone().into();
        m.status = Set(DilemmaStatus::InDiscussion.code().to_owned());
        m.updated_at = Set(now);
        m.update(&tx).await?;
    }
    audit::record(
        &tx,
        origin,
        "contribution.create",
        "contribution",
        c.id,
        Some(format!("dilemma {} {}", d.id, input.kind.code())),
        now,
    )
    .await?;
    outbox::record(&tx, "dilemma", d.id, Op::Updated).await?;
    tx.commit().await?;
    Ok(Stored::New(c.id))
}

async fn own_contribution(
    tx: &DatabaseTransaction,
    dilemma_id: i32,
    cid: i32,
) -> Result<contribution::Model, ConsultError> {
    contribution::Entity::find_by_id(cid)
        .filter(contribution::Column::DilemmaId.eq(dilemma_id))
        .one(tx)
        .await?
        .ok_or(ConsultError::NotFound)
}

/// The presenter answers an open question (again to change the answer).
pub async fn answer(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    cid: i32,
    (lang, text): (Locale, &str),
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(invalid("answer", "form-error-required"));
    }
    if text.chars().count() > TEXT_MAX {
        return Err(invalid("answer", "form-error-too-long"));
    }
    let tx = db.begin_write().await?;
    let (d, r) = load(&tx, actor, id, now).await?;
    authorize(Some(actor), Action::LeadDilemma(r))?;
    if !status_of(&d).is_running() {
        return Err(invalid("answer", "consultation-error-closed"));
    }
    let c = own_contribution(&tx, d.id, cid).await?;
    if c.kind != ContributionKind::Question.code() {
        return Err(invalid("answer", "consultation-error-not-question"));
    }
    let answer = match c.answer.clone() {
        Some(mut a) => {
            a.set(lang, text);
            a
        }
        None => TrText::new(lang, text).map_err(|_| invalid("answer", "form-error-required"))?,
    };
    let mut m: contribution::ActiveModel = c.into();
    m.answer = Set(Some(answer));
    m.answered_by = Set(Some(actor.person_id));
    m.answered_at = Set(Some(now));
    m.update(&tx).await?;
    audit::record(
        &tx,
        origin,
        "contribution.answer",
        "contribution",
        cid,
        None,
        now,
    )
    .await?;
    outbox::record(&tx, "dilemma", d.id, Op::Updated).await?;
    tx.commit().await?;
    Ok(())
}

/// Open the second phase (ideas, experiences, links) once every open
/// question has its answer.
pub async fn open_ideas(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    let tx = db.begin_write().await?;
    let (d, r) = load(&tx, actor, id, now).await?;
    authorize(Some(actor), Action::LeadDilemma(r))?;
    if status_of(&d) != DilemmaStatus::Open {
        return Err(invalid("status", "consultation-error-closed"));
    }
    let waiting = contribution::Entity::find()
        .filter(contribution::Column::DilemmaId.eq(d.id))
        .filter(contribution::Column::Kind.eq(ContributionKind::Question.code()))
        .filter(contribution::Column::Hidden.eq(false))
        .filter(contribution::Column::Answer.is_null())
        .count(&tx)
        .await?;
    if waiting > 0 {
        return Err(invalid("status", "consultation-error-unanswered"));
    }
    touch(
        &tx,
        origin,
        d,
        "dilemma.open-ideas",
        None,
        |m| {
            m.status = Set(DilemmaStatus::InDiscussion.code().to_owned());
            m.ideas_open_at = Set(Some(now));
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The presenter marks (or unmarks) a contribution that helped.
pub async fn mark_helped(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    cid: i32,
    helped: bool,
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    let tx = db.begin_write().await?;
    let (d, r) = load(&tx, actor, id, now).await?;
    authorize(Some(actor), Action::LeadDilemma(r))?;
    let c = own_contribution(&tx, d.id, cid).await?;
    let mut m: contribution::ActiveModel = c.into();
    m.helped = Set(helped);
    m.update(&tx).await?;
    audit::record(
        &tx,
        origin,
        if helped {
            "contribution.helped"
        } else {
            "contribution.not-helped"
        },
        "contribution",
        cid,
        None,
        now,
    )
    .await?;
    outbox::record(&tx, "dilemma", d.id, Op::Updated).await?;
    tx.commit().await?;
    Ok(())
}

fn invitation_message(
    p: &person::Model,
    d: &dilemma::Model,
    inviter: &str,
    public_url: &str,
) -> Outgoing {
    let l: Locale = p.locale.parse().unwrap_or_default();
    let args: [(&'static str, FluentArg); 3] = [
        ("question", d.question.text(l).to_owned().into()),
        ("inviter", inviter.to_owned().into()),
        (
            "link",
            format!("{public_url}/consultations/{}?lang={}", d.slug, l.code()).into(),
        ),
    ];
    Outgoing {
        to_email: p.email.clone(),
        to_name: p.display_name.clone(),
        subject: l.t_args("mail-consultation-invited-subject", &args),
        body: l.t_args("mail-consultation-invited-body", &args),
        key: None,
    }
}

/// Invite peers (by person id); each gets an email in their language.
/// People already taking part are left as they are. Returns how many were
/// invited.
pub async fn invite(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    (people, role): (&[i32], ParticipantRole),
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<usize, ConsultError> {
    if people.is_empty() {
        return Err(invalid("people", "consultation-error-nobody"));
    }
    let tx = db.begin_write().await?;
    let (d, r) = load(&tx, actor, id, now).await?;
    authorize(Some(actor), Action::LeadDilemma(r))?;
    if role == ParticipantRole::Presenter || matches!(status_of(&d), DilemmaStatus::Archived) {
        return Err(invalid("people", "consultation-error-closed"));
    }
    let inviter = person::Entity::find_by_id(actor.person_id)
        .one(&tx)
        .await?
        .map(|p| p.display_name)
        .unwrap_or_default();
    let found = person::Entity::find()
        .filter(person::Column::Id.is_in(people.to_vec()))
        .filter(person::Column::Active.eq(true))
        .all(&tx)
        .await?;
    if found.len()
        != people
            .iter()
            .collect::<std::collections::HashSet<_>>()
            .len()
    {
        return Err(invalid("people", "form-error-unknown"));
    }
    let mut invited = 0;
    for p in found {
        if dilemma_participant::Entity::find_by_id((d.id, p.id))
            .one(&tx)
            .await?
            .is_some()
        {
            continue;
        }
        dilemma_participant::ActiveModel {
            dilemma_id: Set(d.id),
            person_id: Set(p.id),
            role: Set(role.code().to_owned()),
            invited_by: Set(Some(actor.person_id)),
            created_at: Set(now),
        }
        .insert(&tx)
        .await?;
        if d.status != DilemmaStatus::Draft.code() {
            queue::enqueue(
                &tx,
                &invitation_message(&p, &d, &inviter, public_url),
                "consultation-invited",
                now,
            )
            .await?;
        }
        audit::record(
            &tx,
            origin,
            "dilemma.invite",
            "dilemma",
            d.id,
            Some(format!("person {} as {}", p.id, role.code())),
            now,
        )
        .await?;
        invited += 1;
    }
    outbox::record(&tx, "dilemma", d.id, Op::Updated).await?;
    tx.commit().await?;
    Ok(invited)
}

/// Write the conclusion (the result of the discussion) and close the
/// consultation. Writing it again in another language adds a translation.
pub async fn conclude(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    lang: Locale,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    set_result(db, origin, id, lang, text, Some(actor), now).await
}

/// The conclusion, checked against `actor`'s rights, or (`None`) written by
/// a clinic's recorder whose right the caller has checked.
pub(super) async fn set_result(
    db: &Db,
    origin: &Origin,
    id: i32,
    lang: Locale,
    text: &str,
    actor: Option<&Actor>,
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(invalid("result", "form-error-required"));
    }
    if text.chars().count() > TEXT_MAX {
        return Err(invalid("result", "form-error-too-long"));
    }
    let tx = db.begin_write().await?;
    let d = match actor {
        Some(a) => {
            let (d, r) = load(&tx, a, id, now).await?;
            authorize(Some(a), Action::ConcludeDilemma(r))?;
            d
        }
        None => dilemma::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or(ConsultError::NotFound)?,
    };
    let status = status_of(&d);
    if matches!(status, DilemmaStatus::Draft | DilemmaStatus::Archived) {
        return Err(invalid("result", "consultation-error-closed"));
    }
    let result = match d.result.clone() {
        // The form shows the original where the writer's language has no
        // translation: sent back as it was, it is not a translation.
        Some(r) if r.get(lang).is_none() && crate::i18n::clean_text(text) == r.original() => r,
        Some(mut r) => {
            r.set(lang, text);
            r
        }
        None => TrText::new(lang, text).map_err(|_| invalid("result", "form-error-required"))?,
    };
    if status == DilemmaStatus::Concluded && d.result.as_ref() == Some(&result) {
        // Saved unchanged: nothing is written, logged or published.
        tx.rollback().await?;
        return Ok(());
    }
    let mut before = audit::Fields::new();
    before.text("result", d.result.as_ref());
    let mut after = audit::Fields::new();
    after.text("result", Some(&result));
    let changes = before.changes(&after);
    touch(
        &tx,
        origin,
        d,
        "dilemma.conclude",
        changes,
        |m| {
            m.result = Set(Some(result));
            m.status = Set(DilemmaStatus::Concluded.code().to_owned());
            if status != DilemmaStatus::Concluded {
                m.concluded_at = Set(Some(now));
                m.concluded_by = Set(origin.actor_id);
            }
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Archive a concluded dilemma (coordinators): still readable, no longer listed as current.
pub async fn archive(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    authorize(Some(actor), Action::Moderate)?;
    let tx = db.begin_write().await?;
    let (d, _) = load(&tx, actor, id, now).await?;
    if status_of(&d) != DilemmaStatus::Concluded {
        return Err(invalid("status", "consultation-error-not-concluded"));
    }
    touch(
        &tx,
        origin,
        d,
        "dilemma.archive",
        None,
        |m| m.status = Set(DilemmaStatus::Archived.code().to_owned()),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Report a contribution to the moderators (once per person).
pub async fn report(
    db: &Db,
    actor: &Actor,
    id: i32,
    cid: i32,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    authorize(Some(actor), Action::ReportContribution)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(invalid("reason", "form-error-required"));
    }
    if reason.chars().count() > REASON_MAX {
        return Err(invalid("reason", "form-error-too-long"));
    }
    let tx = db.begin_write().await?;
    let (d, _) = load(&tx, actor, id, now).await?;
    let c = own_contribution(&tx, d.id, cid).await?;
    let existing = contribution_report::Entity::find()
        .filter(contribution_report::Column::ContributionId.eq(c.id))
        .filter(contribution_report::Column::PersonId.eq(actor.person_id))
        .one(&tx)
        .await?;
    if existing.is_none() {
        contribution_report::ActiveModel {
            contribution_id: Set(c.id),
            person_id: Set(actor.person_id),
            reason: Set(reason.to_owned()),
            created_at: Set(now),
            handled_at: Set(None),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Hide or restore a contribution (coordinators), with the reason in the
/// audit log; open reports on it are marked handled.
pub async fn moderate(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    (dilemma_id, cid): (i32, i32),
    hide: bool,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    authorize(Some(actor), Action::Moderate)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(invalid("reason", "form-error-required"));
    }
    if reason.chars().count() > REASON_MAX {
        return Err(invalid("reason", "form-error-too-long"));
    }
    let tx = db.begin_write().await?;
    let c = own_contribution(&tx, dilemma_id, cid).await?;
    let mut m: contribution::ActiveModel = c.into();
    m.hidden = Set(hide);
    m.hidden_reason = Set(hide.then(|| reason.to_owned()));
    m.update(&tx).await?;
    contribution_report::Entity::update_many()
        .col_expr(
            contribution_report::Column::HandledAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(contribution_report::Column::ContributionId.eq(cid))
        .filter(contribution_report::Column::HandledAt.is_null())
        .exec(&tx)
        .await?;
    audit::record(
        &tx,
        origin,
        if hide {
            "contribution.hide"
        } else {
            "contribution.restore"
        },
        "contribution",
        cid,
        Some(reason.to_owned()),
        now,
    )
    .await?;
    outbox::record(&tx, "dilemma", dilemma_id, Op::Updated).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::library_link;

    #[test]
    fn library_pages_of_this_site_are_recognised() {
        let site = "https://majlis.example.org";
        for (url, want) in [
            (
                "https://majlis.example.org/practices/12",
                Some(("practice", 12)),
            ),
            (
                " https://majlis.example.org/practices/12/?lang=ar#top ",
                Some(("practice", 12)),
            ),
            (
                "https://majlis.example.org/library/7",
                Some(("resource", 7)),
            ),
            (
                "https://MAJLIS.example.org:443/library/7",
                Some(("resource", 7)),
            ),
            ("http://majlis.example.org/practices/12", None),
            ("https://other.example.org/practices/12", None),
            ("https://majlis.example.org/practices/12/edit", None),
            ("https://majlis.example.org/practices/abc", None),
            ("https://majlis.example.org/practices/", None),
            ("https://majlis.example.org/practices/99999999999", None),
            ("https://majlis.example.org/events/12", None),
            ("not a url", None),
        ] {
            assert_eq!(library_link(url, site), want, "{url}");
        }
        let under = "https://example.org/majlis/";
        assert_eq!(
            library_link("https://example.org/majlis/practices/3", under),
            Some(("practice", 3))
        );
        assert_eq!(library_link("https://example.org/practices/3", under), None);
    }
}
