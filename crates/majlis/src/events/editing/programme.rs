//! The programme: sessions and working groups, and the people in roles in them.

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, TryIntoModel,
};

use super::{EditError, MAX_PROSE, MAX_TITLE, err, merged, parse_hhmm, text, touch};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::events::entities::{event_session, session_person};
use crate::events::{SessionKind, SessionRole};
use crate::fields::form::RawForm;
use crate::i18n::{Locale, TrText};
use crate::library::practices::FieldError;
use crate::policy::{Action, Actor, can};

// ------------------------------------------------------------------ programme

/// A session as the programme form sends it.
#[derive(Clone, Debug)]
pub struct SessionInput {
    pub lang: Locale,
    pub parent_id: Option<i32>,
    pub day: i32,
    pub position: i32,
    pub kind: SessionKind,
    /// Required in the session's original language (and for a new one).
    pub title: Option<String>,
    pub objectives: Option<String>,
    pub starts: Option<String>,
    pub ends: Option<String>,
}

/// Parse a session form; `days` is the number of days the event spans,
/// `existing_orig` the original language of the session being changed
/// (its title may be left empty in another language: no translation).
pub fn parse_session(
    raw: &RawForm,
    lang: Locale,
    days: i32,
    parents: &[i32],
    existing_orig: Option<Locale>,
) -> Result<SessionInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let kind = SessionKind::from_code(raw.get("kind"));
    if kind.is_none() {
        err(&mut errors, "kind", "form-error-choose");
    }
    let title = text(raw, "title", MAX_TITLE, &mut errors);
    if title.is_none() && existing_orig.is_none_or(|o| o == lang) {
        err(&mut errors, "title", "form-error-required");
    }
    let objectives = text(raw, "objectives", MAX_PROSE, &mut errors);
    let day = raw
        .get("day")
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|d| (1..=days.max(1)).contains(d));
    if day.is_none() {
        err(&mut errors, "day", "form-error-choose");
    }
    let position = match raw.get("position").trim() {
        "" => Some(i32::MAX),
        p => p.parse::<i32>().ok().filter(|p| (0..=10_000).contains(p)),
    };
    if position.is_none() {
        err(&mut errors, "position", "form-error-number");
    }
    let mut time = |name: &'static str| match raw.get(name).trim() {
        "" => None,
        v => {
            let t = parse_hhmm(v);
            if t.is_none() {
                err(&mut errors, name, "form-error-time");
            }
            t
        }
    };
    let starts = time("starts");
    let ends = time("ends");
    if let (Some(s), Some(e)) = (&starts, &ends)
        && e <= s
    {
        err(&mut errors, "ends", "form-error-ends-before-starts");
    }
    let parent_id = match raw.get("parent").trim() {
        "" => None,
        p => {
            let p = p.parse::<i32>().ok().filter(|p| parents.contains(p));
            if p.is_none() {
                err(&mut errors, "parent", "form-error-choose");
            }
            p
        }
    };
    match (errors.is_empty(), kind, day, position) {
        (true, Some(kind), Some(day), Some(position)) => Ok(SessionInput {
            lang,
            parent_id,
            day,
            position,
            kind,
            title,
            objectives,
            starts,
            ends,
        }),
        _ => Err(errors),
    }
}

/// What a session's audit entries compare.
pub(super) fn session_fields(s: &event_session::Model) -> audit::Fields {
    let mut f = audit::Fields::new();
    f.text("title", Some(&s.title))
        .text("objectives", s.objectives.as_ref())
        .put("kind", &s.kind)
        .put("day", s.day)
        .put("position", s.position)
        .opt("starts", s.starts.as_ref())
        .opt("ends", s.ends.as_ref())
        .opt("parent", s.parent_id);
    f
}

/// Add a session (or a working group, with a parent), or change one.
pub async fn save_session(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    event_id: i32,
    session_id: Option<i32>,
    input: SessionInput,
    now: DateTime<Utc>,
) -> Result<i32, EditError> {
    if !can(Some(actor), Action::ManageEvents) {
        return Err(EditError::Forbidden);
    }
    let tx = db.begin_write().await?;
    let position = if input.position == i32::MAX {
        let last = event_session::Entity::find()
            .filter(event_session::Column::EventId.eq(event_id))
            .filter(event_session::Column::Day.eq(input.day))
            .order_by_desc(event_session::Column::Position)
            .one(&tx)
            .await?;
        last.map(|s| s.position + 1).unwrap_or(1)
    } else {
        input.position
    };
    match session_id {
        Some(sid) => change_session(tx, origin, event_id, sid, &input, position, now).await,
        None => {
            let id = event_session::ActiveModel {
                id: NotSet,
                event_id: Set(event_id),
                parent_id: Set(input.parent_id),
                day: Set(input.day),
                position: Set(position),
                kind: Set(input.kind.code().to_owned()),
                title: Set(
                    TrText::new(input.lang, input.title.clone().unwrap_or_default())
                        .map_err(|_| EditError::Invalid(Vec::new()))?,
                ),
                objectives: Set(input
                    .objectives
                    .clone()
                    .and_then(|o| TrText::new(input.lang, o).ok())),
                starts: Set(input.starts.clone()),
                ends: Set(input.ends.clone()),
            }
            .insert(&tx)
            .await?
            .id;
            touch(&tx, origin, event_id, "programme-changed", now).await?;
            tx.commit().await?;
            Ok(id)
        }
    }
}

/// Change session `sid` of the event in `tx` (committed here, or rolled
/// back when nothing changed); its audit entry names what changed.
async fn change_session(
    tx: DatabaseTransaction,
    origin: &Origin,
    event_id: i32,
    sid: i32,
    input: &SessionInput,
    position: i32,
    now: DateTime<Utc>,
) -> Result<i32, EditError> {
    let s = event_session::Entity::find_by_id(sid)
        .filter(event_session::Column::EventId.eq(event_id))
        .one(&tx)
        .await?
        .ok_or(EditError::NotFound)?;
    if input.parent_id == Some(sid) {
        return Err(EditError::Invalid(vec![FieldError {
            field: "parent",
            message: "form-error-choose",
        }]));
    }
    let mut title = s.title.clone();
    title.set(input.lang, input.title.clone().unwrap_or_default());
    let objectives = merged(s.objectives.clone(), input.lang, input.objectives.clone());
    let mut m = s.clone().into_active_model();
    m.title = Set(title);
    m.objectives = Set(objectives);
    m.kind = Set(input.kind.code().to_owned());
    m.day = Set(input.day);
    m.position = Set(position);
    m.starts = Set(input.starts.clone());
    m.ends = Set(input.ends.clone());
    m.parent_id = Set(input.parent_id);
    let after = m.clone().try_into_model()?;
    if after == s {
        // Saved unchanged: nothing is written, logged or published.
        tx.rollback().await?;
        return Ok(sid);
    }
    let changes = session_fields(&s).changes(&session_fields(&after));
    let id = m.update(&tx).await?.id;
    audit::record(
        &tx,
        origin,
        "programme-changed",
        "event",
        event_id,
        changes.map(|c| format!("session {id}: {c}")),
        now,
    )
    .await?;
    outbox::record(&tx, "event", event_id, Op::Updated).await?;
    tx.commit().await?;
    Ok(id)
}

/// Remove a session (its groups, people and session materials go with it).
pub async fn delete_session(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    event_id: i32,
    session_id: i32,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    if !can(Some(actor), Action::ManageEvents) {
        return Err(EditError::Forbidden);
    }
    let tx = db.begin_write().await?;
    let res = event_session::Entity::delete_many()
        .filter(event_session::Column::Id.eq(session_id))
        .filter(event_session::Column::EventId.eq(event_id))
        .exec(&tx)
        .await?;
    if res.rows_affected == 0 {
        return Err(EditError::NotFound);
    }
    touch(&tx, origin, event_id, "session-removed", now).await?;
    tx.commit().await?;
    Ok(())
}

/// A person in a role: a member (by id) or a named guest.
#[derive(Clone, Debug)]
pub struct PersonInput {
    pub session_id: i32,
    pub role: SessionRole,
    pub person_id: Option<i32>,
    pub name: Option<String>,
    pub organisation_id: Option<i32>,
    pub affiliation: Option<String>,
}

/// Parse the "add a person" form. `member` resolves an email address to a
/// member's id (done by the caller, which holds the connection).
pub fn parse_person(
    raw: &RawForm,
    sessions: &[i32],
    organisations: &[i32],
    member: Option<i32>,
) -> Result<PersonInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let session_id = raw
        .get("session")
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|s| sessions.contains(s));
    if session_id.is_none() {
        err(&mut errors, "session", "form-error-choose");
    }
    let role = SessionRole::from_code(raw.get("role"));
    if role.is_none() {
        err(&mut errors, "role", "form-error-choose");
    }
    let name = text(raw, "name", 200, &mut errors);
    let email = raw.get("email").trim();
    if !email.is_empty() && member.is_none() {
        err(&mut errors, "email", "form-error-no-member");
    }
    if name.is_none() && email.is_empty() {
        err(&mut errors, "name", "form-error-name-or-member");
    }
    let organisation_id = match raw.get("organisation").trim() {
        "" => None,
        o => {
            let o = o.parse::<i32>().ok().filter(|o| organisations.contains(o));
            if o.is_none() {
                err(&mut errors, "organisation", "form-error-choose");
            }
            o
        }
    };
    let affiliation = text(raw, "affiliation", 300, &mut errors);
    match (errors.is_empty(), session_id, role) {
        (true, Some(session_id), Some(role)) => Ok(PersonInput {
            session_id,
            role,
            person_id: member,
            name: if member.is_some() { None } else { name },
            organisation_id,
            affiliation,
        }),
        _ => Err(errors),
    }
}

/// Add a person to a session.
pub async fn add_person(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    event_id: i32,
    input: PersonInput,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    if !can(Some(actor), Action::ManageEvents) {
        return Err(EditError::Forbidden);
    }
    let tx = db.begin_write().await?;
    let last = session_person::Entity::find()
        .filter(session_person::Column::SessionId.eq(input.session_id))
        .order_by_desc(session_person::Column::Position)
        .one(&tx)
        .await?;
    session_person::ActiveModel {
        id: NotSet,
        session_id: Set(input.session_id),
        event_id: Set(event_id),
        role: Set(input.role.code().to_owned()),
        person_id: Set(input.person_id),
        name: Set(input.name),
        organisation_id: Set(input.organisation_id),
        affiliation: Set(input.affiliation),
        position: Set(last.map(|p| p.position + 1).unwrap_or(1)),
    }
    .insert(&tx)
    .await?;
    touch(&tx, origin, event_id, "programme-changed", now).await?;
    tx.commit().await?;
    Ok(())
}

/// Remove a person from a session.
pub async fn remove_person(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    event_id: i32,
    person_link: i32,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    if !can(Some(actor), Action::ManageEvents) {
        return Err(EditError::Forbidden);
    }
    let tx = db.begin_write().await?;
    let res = session_person::Entity::delete_many()
        .filter(session_person::Column::Id.eq(person_link))
        .filter(session_person::Column::EventId.eq(event_id))
        .exec(&tx)
        .await?;
    if res.rows_affected == 0 {
        return Err(EditError::NotFound);
    }
    touch(&tx, origin, event_id, "programme-changed", now).await?;
    tx.commit().await?;
    Ok(())
}
