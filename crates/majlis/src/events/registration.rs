//! Registration: sign-up with optional questions, a capacity with a waiting
//! list that moves up by itself when someone cancels, optional approval,
//! consent to the public participant list, check-in.
//!
//! Every change runs in one write transaction that first locks the event
//! (`SELECT … FOR UPDATE` on PostgreSQL; SQLite's single writer with
//! `BEGIN IMMEDIATE` already serialises), so concurrent sign-ups can never
//! fill more places than the capacity. A promotion queues its email in the
//! same transaction: nobody is moved up without being told.

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseTransaction, DbErr,
    EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use super::entities::{event, registration};
use super::{Answers, EventStatus, RegistrationStatus};
use crate::accounts::person;
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::i18n::{FluentArg, Locale};
use crate::mail::{Outgoing, queue};
use crate::policy::{Action, Actor, authorize, can};
use sea_orm::sea_query::Expr;

/// The longest answer kept for a registration question.
pub const MAX_ANSWER: usize = 1_000;

/// What a person sends when signing up.
#[derive(Clone, Debug, Default)]
pub struct Signup {
    pub answers: Answers,
    pub public_consent: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum RegistrationError {
    #[error("not allowed")]
    Forbidden,
    /// Staff only, and the person has not turned on two-step sign-in.
    #[error("two-step sign-in required")]
    SecondFactorRequired,
    #[error("no such event or registration")]
    NotFound,
    #[error("registration is not open")]
    Closed,
    #[error("already registered")]
    AlreadyRegistered,
    #[error("a required question is not answered")]
    MissingAnswer(String),
    #[error("this change does not apply to the registration as it stands")]
    WrongState,
    #[error(transparent)]
    Db(#[from] DbErr),
}

refused_by_policy!(RegistrationError);

/// Lock the event row for the rest of the transaction and return it.
pub(crate) async fn lock_event(
    tx: &DatabaseTransaction,
    event_id: i32,
) -> Result<event::Model, RegistrationError> {
    let mut q = event::Entity::find_by_id(event_id);
    if tx.get_database_backend() == DatabaseBackend::Postgres {
        q = q.lock_exclusive();
    }
    q.one(tx).await?.ok_or(RegistrationError::NotFound)
}

/// Is self-registration open at `now`?
pub fn is_open(e: &event::Model, now: DateTime<Utc>) -> bool {
    EventStatus::from_code(&e.status) == Some(EventStatus::Open)
        && e.ends_at > now
        && e.registration_opens.is_none_or(|t| t <= now)
        && e.registration_closes.is_none_or(|t| t > now)
}

async fn count_registered<C: ConnectionTrait>(c: &C, event_id: i32) -> Result<u64, DbErr> {
    registration::Entity::find()
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::Status.eq(RegistrationStatus::Registered.code()))
        .count(c)
        .await
}

fn check_answers(e: &event::Model, signup: &Signup) -> Result<Answers, RegistrationError> {
    let mut kept = Answers::default();
    for q in e.questions.iter().flat_map(|q| q.0.iter()) {
        let a = signup
            .answers
            .0
            .get(&q.id)
            .map(|a| a.trim())
            .unwrap_or_default();
        if q.required && a.is_empty() {
            return Err(RegistrationError::MissingAnswer(q.id.clone()));
        }
        if !a.is_empty() {
            kept.0
                .insert(q.id.clone(), a.chars().take(MAX_ANSWER).collect());
        }
    }
    Ok(kept)
}

/// Sign `person_id` up for an event: themselves, or a coordinator on their
/// behalf (who may do so outside the registration window and without the
/// approval step). Returns the status given.
pub async fn register(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    event_id: i32,
    person_id: i32,
    signup: Signup,
    now: DateTime<Utc>,
) -> Result<RegistrationStatus, RegistrationError> {
    let on_behalf = actor.person_id != person_id;
    if on_behalf {
        authorize(Some(actor), Action::ManageEvents)?;
    }
    authorize(Some(actor), Action::RegisterForEvent)?;
    let tx = db.begin_write().await?;
    let e = lock_event(&tx, event_id).await?;
    if e.visibility != "public" && e.visibility != "members" {
        return Err(RegistrationError::NotFound);
    }
    let staff = can(Some(actor), Action::ManageEvents);
    let cancelled = EventStatus::from_code(&e.status) == Some(EventStatus::Cancelled);
    if cancelled || !(is_open(&e, now) || (on_behalf && staff && e.ends_at > now)) {
        return Err(RegistrationError::Closed);
    }
    let answers = check_answers(&e, &signup)?;
    let existing = registration::Entity::find()
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::PersonId.eq(person_id))
        .one(&tx)
        .await?;
    if existing
        .as_ref()
        .and_then(|r| RegistrationStatus::from_code(&r.status))
        .is_some_and(|s| s.is_active())
    {
        return Err(RegistrationError::AlreadyRegistered);
    }
    let status = if e.needs_approval && !on_behalf {
        RegistrationStatus::Pending
    } else if has_place(&tx, &e).await? {
        RegistrationStatus::Registered
    } else {
        RegistrationStatus::Waiting
    };
    let answers = (!answers.0.is_empty()).then_some(answers);
    let id = match existing {
        Some(r) => {
            let mut r = r.into_active_model();
            r.status = Set(status.code().to_owned());
            r.answers = Set(answers);
            r.public_consent = Set(signup.public_consent);
            r.registered_by = Set(on_behalf.then_some(actor.person_id));
            r.updated_at = Set(now);
            r.queued_at = Set(now);
            r.attended_at = Set(None);
            r.reminded_at = Set(None);
            r.update(&tx).await?.id
        }
        None => {
            registration::ActiveModel {
                id: NotSet,
                event_id: Set(event_id),
                person_id: Set(person_id),
                status: Set(status.code().to_owned()),
                answers: Set(answers),
                public_consent: Set(signup.public_consent),
                registered_by: Set(on_behalf.then_some(actor.person_id)),
                created_at: Set(now),
                updated_at: Set(now),
                queued_at: Set(now),
                attended_at: Set(None),
                reminded_at: Set(None),
            }
            .insert(&tx)
            .await?
            .id
        }
    };
    audit::record(
        &tx,
        origin,
        if on_behalf {
            "registered-on-behalf"
        } else {
            "registered"
        },
        "registration",
        id,
        Some(format!("event {event_id}: {}", status.code())),
        now,
    )
    .await?;
    // Taking part follows the event (unless the person unfollowed it).
    crate::follows::rules::follow_automatically(
        &tx,
        person_id,
        (crate::follows::TargetKind::Event, event_id),
        now,
    )
    .await?;
    // Lists, counts and participants change: the outbox moves the page caches on.
    outbox::record(&tx, "registration", id, Op::Updated).await?;
    tx.commit().await?;
    Ok(status)
}

async fn has_place(tx: &DatabaseTransaction, e: &event::Model) -> Result<bool, DbErr> {
    Ok(match e.capacity {
        None => true,
        Some(cap) => count_registered(tx, e.id).await? < cap.max(0) as u64,
    })
}

/// Move waiting people up while there are places, oldest first; each one
/// promoted gets an email queued in the same transaction. Returns who moved.
pub(crate) async fn promote(
    tx: &DatabaseTransaction,
    e: &event::Model,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<Vec<i32>, DbErr> {
    let mut moved = Vec::new();
    while has_place(tx, e).await? {
        let Some(next) = registration::Entity::find()
            .filter(registration::Column::EventId.eq(e.id))
            .filter(registration::Column::Status.eq(RegistrationStatus::Waiting.code()))
            .order_by_asc(registration::Column::QueuedAt)
            .order_by_asc(registration::Column::Id)
            .one(tx)
            .await?
        else {
            break;
        };
        let person_id = next.person_id;
        let mut r = next.into_active_model();
        r.status = Set(RegistrationStatus::Registered.code().to_owned());
        r.updated_at = Set(now);
        r.update(tx).await?;
        if let Some(p) = person::Entity::find_by_id(person_id).one(tx).await? {
            let msg = place_message(&p, e, public_url);
            queue::enqueue(tx, &msg, "event-promoted", now).await?;
        }
        moved.push(person_id);
    }
    Ok(moved)
}

fn place_message(p: &person::Model, e: &event::Model, public_url: &str) -> Outgoing {
    let l: Locale = p.locale.parse().unwrap_or_default();
    let args: [(&'static str, FluentArg); 2] = [
        ("event", e.title.text(l).to_owned().into()),
        (
            "link",
            format!("{public_url}/events/{}?lang={}", e.slug, l.code()).into(),
        ),
    ];
    Outgoing {
        to_email: p.email.clone(),
        to_name: p.display_name.clone(),
        subject: l.t_args("mail-event-promoted-subject", &args),
        body: l.t_args("mail-event-promoted-body", &args),
        key: None,
    }
}

/// Cancel a registration (its person, or staff). A freed place goes to the
/// first person waiting. Returns the people promoted.
pub async fn cancel(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    registration_id: i32,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<Vec<i32>, RegistrationError> {
    let tx = db.begin_write().await?;
    let r = registration::Entity::find_by_id(registration_id)
        .one(&tx)
        .await?
        .ok_or(RegistrationError::NotFound)?;
    if r.person_id != actor.person_id {
        authorize(Some(actor), Action::ManageEvents)?;
    }
    let e = lock_event(&tx, r.event_id).await?;
    // A conditional write: of two cancels at once, only the one that finds
    // the registration still active changes it, and only it records the
    // change, tells the outbox and gives the place to someone waiting.
    let active: Vec<&str> = RegistrationStatus::ALL
        .iter()
        .filter(|s| s.is_active())
        .map(|s| s.code())
        .collect();
    let changed = registration::Entity::update_many()
        .col_expr(
            registration::Column::Status,
            Expr::value(RegistrationStatus::Cancelled.code()),
        )
        .col_expr(registration::Column::UpdatedAt, Expr::value(now))
        .filter(registration::Column::Id.eq(r.id))
        .filter(registration::Column::Status.is_in(active))
        .exec(&tx)
        .await?
        .rows_affected;
    if changed == 0 {
        return Err(RegistrationError::WrongState);
    }
    audit::record(
        &tx,
        origin,
        "cancelled",
        "registration",
        r.id,
        Some(format!("event {}", r.event_id)),
        now,
    )
    .await?;
    let moved = promote(&tx, &e, public_url, now).await?;
    // Lists, counts and participants change: the outbox moves the page caches on.
    outbox::record(&tx, "registration", r.id, Op::Updated).await?;
    tx.commit().await?;
    Ok(moved)
}

/// What a coordinator decides about a registration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Decline,
    CheckIn,
    UndoCheckIn,
}

impl Decision {
    pub fn from_code(s: &str) -> Option<Decision> {
        match s {
            "approve" => Some(Decision::Approve),
            "decline" => Some(Decision::Decline),
            "check-in" => Some(Decision::CheckIn),
            "undo-check-in" => Some(Decision::UndoCheckIn),
            _ => None,
        }
    }
}

/// Approve or decline a pending registration, or record attendance.
/// Approval gives a place if one is free, else a place on the waiting list.
pub async fn decide(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    registration_id: i32,
    decision: Decision,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<RegistrationStatus, RegistrationError> {
    authorize(Some(actor), Action::ManageEvents)?;
    let tx = db.begin_write().await?;
    let r = registration::Entity::find_by_id(registration_id)
        .one(&tx)
        .await?
        .ok_or(RegistrationError::NotFound)?;
    let e = lock_event(&tx, r.event_id).await?;
    let status = RegistrationStatus::from_code(&r.status).ok_or(RegistrationError::WrongState)?;
    let mut m = r.clone().into_active_model();
    m.updated_at = Set(now);
    let new = match (decision, status) {
        (Decision::Approve, RegistrationStatus::Pending) => {
            let s = if has_place(&tx, &e).await? {
                RegistrationStatus::Registered
            } else {
                RegistrationStatus::Waiting
            };
            m.status = Set(s.code().to_owned());
            m.queued_at = Set(now);
            s
        }
        (Decision::Decline, RegistrationStatus::Pending | RegistrationStatus::Waiting) => {
            m.status = Set(RegistrationStatus::Declined.code().to_owned());
            RegistrationStatus::Declined
        }
        (Decision::CheckIn, RegistrationStatus::Registered) => {
            m.attended_at = Set(Some(now));
            status
        }
        (Decision::UndoCheckIn, RegistrationStatus::Registered) => {
            m.attended_at = Set(None);
            status
        }
        _ => return Err(RegistrationError::WrongState),
    };
    m.update(&tx).await?;
    let action = match decision {
        Decision::Approve => "approved",
        Decision::Decline => "declined",
        Decision::CheckIn => "checked-in",
        Decision::UndoCheckIn => "check-in-undone",
    };
    audit::record(
        &tx,
        origin,
        action,
        "registration",
        registration_id,
        Some(format!("event {}", e.id)),
        now,
    )
    .await?;
    if decision == Decision::Approve
        && new == RegistrationStatus::Registered
        && let Some(p) = person::Entity::find_by_id(r.person_id).one(&tx).await?
    {
        queue::enqueue(
            &tx,
            &place_message(&p, &e, public_url),
            "event-approved",
            now,
        )
        .await?;
    }
    // Lists, counts and participants change: the outbox moves the page caches on.
    outbox::record(&tx, "registration", registration_id, Op::Updated).await?;
    tx.commit().await?;
    Ok(new)
}

/// Give or withdraw consent to appear in the public participant list.
pub async fn set_consent(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    registration_id: i32,
    consent: bool,
    now: DateTime<Utc>,
) -> Result<(), RegistrationError> {
    let tx = db.begin_write().await?;
    let r = registration::Entity::find_by_id(registration_id)
        .one(&tx)
        .await?
        .ok_or(RegistrationError::NotFound)?;
    if r.person_id != actor.person_id {
        return Err(RegistrationError::Forbidden);
    }
    let mut m = r.into_active_model();
    m.public_consent = Set(consent);
    m.updated_at = Set(now);
    let r = m.update(&tx).await?;
    audit::record(
        &tx,
        origin,
        if consent {
            "consent-given"
        } else {
            "consent-withdrawn"
        },
        "registration",
        r.id,
        None,
        now,
    )
    .await?;
    // Lists, counts and participants change: the outbox moves the page caches on.
    outbox::record(&tx, "registration", r.id, Op::Updated).await?;
    tx.commit().await?;
    Ok(())
}

/// A person's registration for an event, if any.
pub async fn of_person<C: ConnectionTrait>(
    c: &C,
    event_id: i32,
    person_id: i32,
) -> Result<Option<registration::Model>, DbErr> {
    registration::Entity::find()
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::PersonId.eq(person_id))
        .one(c)
        .await
}
