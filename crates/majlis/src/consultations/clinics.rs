//! Consultation clinics: a thematic session of an event where dilemmas are
//! queued, presented and discussed. The session's rapporteur (or a
//! coordinator) records on a phone the open questions, ideas and practices
//! and the result of each discussion; the session's experts add wrap-up
//! messages; the report (per session, or for the whole event) is an HTML
//! page and a PDF once published.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};

use super::entities::{clinic, clinic_wrapup, dilemma, dilemma_theme};
use super::error::ConsultError;
use super::online::{QUESTION_MAX, TEXT_MAX, slug_for};
use super::rules::{self, DilemmaDetail};
use super::{DilemmaStatus, DilemmaVisibility};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::directory::entities::organisation;
use crate::directory::reference::Reference;
use crate::events::SessionRole;
use crate::events::rules::{EventDetail, SessionView, event_detail};
use crate::i18n::{Locale, TrText};
use crate::library::practices::FieldError;
use crate::policy::{Action, Actor, Denied, authorize};

/// A clinic as its page and its report show it.
pub struct ClinicView {
    pub event: EventDetail,
    pub session: SessionView,
    pub clinic: Option<clinic::Model>,
    pub dilemmas: Vec<DilemmaDetail>,
    pub wrapups: Vec<WrapupView>,
    /// The reader records questions, ideas and results (rapporteur,
    /// facilitator, staff).
    pub may_record: bool,
    /// The reader adds wrap-up messages (the session's experts, staff).
    pub may_wrap_up: bool,
    /// Why the reader may not record, or not add wrap-ups (the policy's
    /// answer behind `may_record` and `may_wrap_up`).
    pub record: Result<(), Denied>,
    pub wrap_up: Result<(), Denied>,
}

impl ClinicView {
    pub fn published(&self) -> bool {
        self.clinic
            .as_ref()
            .is_some_and(|c| c.published_at.is_some())
    }
}

/// A wrap-up message with its author as shown.
#[derive(Clone, Debug)]
pub struct WrapupView {
    pub w: clinic_wrapup::Model,
    pub author: String,
}

/// The session `session_id` of `event` if it is a consultation clinic (or,
/// with `closing`, the closing session that holds wrap-ups).
fn session_in(d: &EventDetail, session_id: i32) -> Option<SessionView> {
    d.days
        .iter()
        .flat_map(|day| day.sessions.iter())
        .find(|s| s.session.id == session_id)
        .cloned()
}

fn roles_of(s: &SessionView, actor: Option<&Actor>) -> (Result<(), Denied>, Result<(), Denied>) {
    let Some(a) = actor else {
        return (Err(Denied::SignIn), Err(Denied::SignIn));
    };
    let mine = |r: SessionRole| {
        s.people
            .iter()
            .any(|p| p.person_id == Some(a.person_id) && p.role == Some(r))
    };
    let recorder = mine(SessionRole::Rapporteur) || mine(SessionRole::Facilitator);
    let expert = mine(SessionRole::Expert);
    (
        authorize(
            Some(a),
            Action::RecordClinic {
                rapporteur: recorder,
            },
        ),
        authorize(Some(a), Action::WrapUpClinic { expert }),
    )
}

async fn wrapups_of<C: ConnectionTrait>(
    db: &C,
    reference_lang: Locale,
    session_ids: &[i32],
) -> Result<HashMap<i32, Vec<WrapupView>>, DbErr> {
    let mut out: HashMap<i32, Vec<WrapupView>> = HashMap::new();
    if session_ids.is_empty() {
        return Ok(out);
    }
    let rows = clinic_wrapup::Entity::find()
        .filter(clinic_wrapup::Column::SessionId.is_in(session_ids.to_vec()))
        .order_by_asc(clinic_wrapup::Column::Position)
        .order_by_asc(clinic_wrapup::Column::Id)
        .all(db)
        .await?;
    let org_ids: Vec<i32> = rows.iter().filter_map(|w| w.organisation_id).collect();
    let orgs: HashMap<i32, TrText> = if org_ids.is_empty() {
        HashMap::new()
    } else {
        organisation::Entity::find()
            .filter(organisation::Column::Id.is_in(org_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|o| (o.id, o.name))
            .collect()
    };
    for w in rows {
        let org = w
            .organisation_id
            .and_then(|o| orgs.get(&o))
            .map(|t| t.text(reference_lang).to_owned())
            .or_else(|| w.affiliation.clone());
        let author = match org.filter(|o| !o.is_empty()) {
            Some(o) if w.author_name.is_empty() => o,
            Some(o) => format!("{}, {o}", w.author_name),
            None => w.author_name.clone(),
        };
        out.entry(w.session_id)
            .or_default()
            .push(WrapupView { author, w });
    }
    Ok(out)
}

/// The clinics `sessions` of an event, with their dilemmas, records and
/// wrap-ups: a fixed number of queries whatever the number of sessions,
/// dilemmas and contributions.
async fn clinic_views<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    actor: Option<&Actor>,
    lang: Locale,
    event: &EventDetail,
    sessions: Vec<SessionView>,
    now: DateTime<Utc>,
) -> Result<Vec<ClinicView>, DbErr> {
    let ids: Vec<i32> = sessions.iter().map(|s| s.session.id).collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut clinics: HashMap<i32, clinic::Model> = clinic::Entity::find()
        .filter(clinic::Column::SessionId.is_in(ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.session_id, c))
        .collect();
    let rows = dilemma::Entity::find()
        .filter(rules::readable(actor))
        .filter(dilemma::Column::SessionId.is_in(ids.clone()))
        .order_by_asc(dilemma::Column::Position)
        .order_by_asc(dilemma::Column::Id)
        .all(db)
        .await?;
    let parts = rules::parts_of(db, actor, &rows).await?;
    let with_refs = rows
        .into_iter()
        .map(|d| {
            let r = rules::dilemma_ref(&d, parts.get(&d.id).copied(), now);
            (d, r)
        })
        .collect();
    let mut by_session: HashMap<i32, Vec<DilemmaDetail>> = HashMap::new();
    for d in rules::details(db, reference, actor, with_refs).await? {
        if let Some(s) = d.d.session_id {
            by_session.entry(s).or_default().push(d);
        }
    }
    let mut wrapups = wrapups_of(db, lang, &ids).await?;
    Ok(sessions
        .into_iter()
        .map(|session| {
            let sid = session.session.id;
            let (record, wrap_up) = roles_of(&session, actor);
            ClinicView {
                event: event.clone(),
                clinic: clinics.remove(&sid),
                dilemmas: by_session.remove(&sid).unwrap_or_default(),
                wrapups: wrapups.remove(&sid).unwrap_or_default(),
                session,
                may_record: record.is_ok(),
                may_wrap_up: wrap_up.is_ok(),
                record,
                wrap_up,
            }
        })
        .collect())
}

/// The clinic page's content, if the reader may see the event and the
/// session is a consultation clinic.
pub async fn clinic_view<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    actor: Option<&Actor>,
    lang: Locale,
    event_slug: &str,
    session_id: i32,
    now: DateTime<Utc>,
) -> Result<Option<ClinicView>, DbErr> {
    let Some(event) = event_detail(db, reference, actor, event_slug).await? else {
        return Ok(None);
    };
    let Some(session) = session_in(&event, session_id) else {
        return Ok(None);
    };
    if session.kind != Some(crate::events::SessionKind::ConsultationClinic) {
        return Ok(None);
    }
    Ok(
        clinic_views(db, reference, actor, lang, &event, vec![session], now)
            .await?
            .pop(),
    )
}

/// The clinics of an event whose report the reader may read (published, or
/// the reader records them), in programme order, plus the wrap-ups of the
/// event's closing session.
pub async fn event_report<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    actor: Option<&Actor>,
    lang: Locale,
    event_slug: &str,
    now: DateTime<Utc>,
) -> Result<Option<(EventDetail, Vec<ClinicView>, Vec<WrapupView>)>, DbErr> {
    let Some(event) = event_detail(db, reference, actor, event_slug).await? else {
        return Ok(None);
    };
    let of_kind = |k: crate::events::SessionKind| -> Vec<SessionView> {
        event
            .days
            .iter()
            .flat_map(|d| d.sessions.iter())
            .filter(|s| s.kind == Some(k))
            .cloned()
            .collect()
    };
    let sessions = of_kind(crate::events::SessionKind::ConsultationClinic);
    let closing: Vec<i32> = of_kind(crate::events::SessionKind::Closing)
        .iter()
        .map(|s| s.session.id)
        .collect();
    let clinics: Vec<ClinicView> = clinic_views(db, reference, actor, lang, &event, sessions, now)
        .await?
        .into_iter()
        .filter(|v| v.published() || v.may_record)
        .collect();
    let mut wrapups = wrapups_of(db, lang, &closing).await?;
    let closing_wrapups: Vec<WrapupView> = closing
        .iter()
        .flat_map(|id| wrapups.remove(id).unwrap_or_default())
        .collect();
    Ok(Some((event, clinics, closing_wrapups)))
}

/// A dilemma added to a clinic's queue by its rapporteur or a coordinator.
#[derive(Clone, Debug)]
pub struct QueuedDilemma {
    pub lang: Locale,
    pub question: String,
    pub presenter: String,
    pub affiliation: String,
    pub country: Option<String>,
    pub information: String,
}

pub fn parse_queued(
    raw: &crate::fields::form::RawForm,
    lang: Locale,
    countries: &[String],
) -> Result<QueuedDilemma, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut take = |name: &'static str, max: usize, required: bool| {
        super::online::text_field(raw, name, max, required, &mut errors)
    };
    let question = take("question", QUESTION_MAX, true);
    let presenter = take("presenter", 200, true);
    let affiliation = take("affiliation", 300, false);
    let information = take("information", TEXT_MAX, false);
    let country = match raw.get("country").trim() {
        "" => None,
        c if countries.iter().any(|k| k == c) => Some(c.to_owned()),
        _ => {
            errors.push(FieldError {
                field: "country",
                message: "form-error-unknown",
            });
            None
        }
    };
    if errors.is_empty() {
        Ok(QueuedDilemma {
            lang,
            question,
            presenter,
            affiliation,
            country,
            information,
        })
    } else {
        Err(errors)
    }
}

fn recorder(v: &ClinicView) -> Result<(), ConsultError> {
    Ok(v.record?)
}

/// Add a dilemma to the clinic's queue; it is open at once, readable by
/// whoever may read the event.
pub async fn queue_dilemma(
    db: &Db,
    origin: &Origin,
    v: &ClinicView,
    q: QueuedDilemma,
    now: DateTime<Utc>,
) -> Result<String, ConsultError> {
    recorder(v)?;
    let tx = db.begin_write().await?;
    let position = dilemma::Entity::find()
        .filter(dilemma::Column::SessionId.eq(v.session.session.id))
        .count(&tx)
        .await? as i32
        + 1;
    let visibility = if v.event.event.visibility == "public" {
        DilemmaVisibility::Public
    } else {
        DilemmaVisibility::Members
    };
    let slug = slug_for(&q.question, q.lang);
    let d = dilemma::ActiveModel {
        slug: Set(slug.clone()),
        status: Set(DilemmaStatus::Open.code().to_owned()),
        visibility: Set(visibility.code().to_owned()),
        question: Set(TrText::new(q.lang, q.question).map_err(|_| {
            ConsultError::Invalid(vec![FieldError {
                field: "question",
                message: "form-error-required",
            }])
        })?),
        information: Set(TrText::new(q.lang, q.information).ok()),
        result: Set(None),
        presenter_id: Set(None),
        presenter_name: Set(Some(q.presenter)),
        affiliation: Set(Some(q.affiliation).filter(|a| !a.is_empty())),
        municipality_id: Set(None),
        organisation_id: Set(None),
        city: Set(None),
        country_code: Set(q.country),
        help_sought: Set(String::new()),
        languages: Set(q.lang.code().to_owned()),
        session_id: Set(Some(v.session.session.id)),
        event_id: Set(Some(v.event.event.id)),
        position: Set(position),
        joint_with: Set(None),
        period_days: Set(1),
        opens_at: Set(Some(now)),
        closes_at: Set(None),
        ideas_open_at: Set(Some(now)),
        concluded_at: Set(None),
        concluded_by: Set(None),
        created_by: Set(origin.actor_id),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    for t in &v.event.themes {
        dilemma_theme::ActiveModel {
            dilemma_id: Set(d.id),
            theme_id: Set(t.id),
        }
        .insert(&tx)
        .await?;
    }
    audit::record(
        &tx,
        origin,
        "dilemma.queue",
        "dilemma",
        d.id,
        Some(format!("session {}", v.session.session.id)),
        now,
    )
    .await?;
    outbox::record(&tx, "dilemma", d.id, Op::Created).await?;
    tx.commit().await?;
    Ok(slug)
}

/// The dilemma `id` if it is queued for this clinic.
pub fn queued(v: &ClinicView, id: i32) -> Result<&DilemmaDetail, ConsultError> {
    v.dilemmas
        .iter()
        .find(|d| d.d.id == id)
        .ok_or(ConsultError::NotFound)
}

/// Record the result of a dilemma's discussion at the clinic.
pub async fn record_result(
    db: &Db,
    origin: &Origin,
    v: &ClinicView,
    id: i32,
    lang: Locale,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    recorder(v)?;
    let d = queued(v, id)?;
    super::online::set_result(db, origin, d.d.id, lang, text, None, now).await
}

/// Mark a queued dilemma as discussed together with another of the same
/// clinic (which then holds the shared result), or (`with` = `None`) as
/// discussed on its own again.
pub async fn join(
    db: &Db,
    origin: &Origin,
    v: &ClinicView,
    id: i32,
    with: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    recorder(v)?;
    let d = queued(v, id)?;
    if d.d.joint_with == with {
        // Saved unchanged: nothing is written, logged or published.
        return Ok(());
    }
    let bad = |message: &'static str| {
        ConsultError::Invalid(vec![FieldError {
            field: "with",
            message,
        }])
    };
    if let Some(w) = with {
        let lead = queued(v, w).map_err(|_| bad("form-error-unknown"))?;
        if w == id || lead.d.joint_with.is_some() {
            return Err(bad("clinic-error-joint"));
        }
        if v.dilemmas.iter().any(|o| o.d.joint_with == Some(id)) {
            return Err(bad("clinic-error-joint"));
        }
    }
    let tx = db.begin_write().await?;
    let mut m: dilemma::ActiveModel = d.d.clone().into();
    m.joint_with = Set(with);
    m.updated_at = Set(now);
    m.update(&tx).await?;
    audit::record(
        &tx,
        origin,
        "dilemma.joint",
        "dilemma",
        id,
        with.map(|w| format!("with {w}")),
        now,
    )
    .await?;
    outbox::record(&tx, "dilemma", id, Op::Updated).await?;
    tx.commit().await?;
    Ok(())
}

/// Add an expert's wrap-up message to the clinic.
pub async fn add_wrapup(
    db: &Db,
    origin: &Origin,
    v: &ClinicView,
    author: &str,
    lang: Locale,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    v.wrap_up?;
    let bad = |field: &'static str, message: &'static str| {
        ConsultError::Invalid(vec![FieldError { field, message }])
    };
    let author = author.trim();
    let text = text.trim();
    if author.is_empty() {
        return Err(bad("author", "form-error-required"));
    }
    if author.chars().count() > 200 {
        return Err(bad("author", "form-error-too-long"));
    }
    if text.chars().count() > TEXT_MAX {
        return Err(bad("wrapup", "form-error-too-long"));
    }
    let body = TrText::new(lang, text).map_err(|_| bad("wrapup", "form-error-required"))?;
    let tx = db.begin_write().await?;
    let sid = v.session.session.id;
    let position = clinic_wrapup::Entity::find()
        .filter(clinic_wrapup::Column::SessionId.eq(sid))
        .count(&tx)
        .await? as i32
        + 1;
    let w = clinic_wrapup::ActiveModel {
        session_id: Set(sid),
        event_id: Set(v.event.event.id),
        person_id: Set(origin.actor_id),
        author_name: Set(author.to_owned()),
        organisation_id: Set(None),
        affiliation: Set(None),
        body: Set(body),
        position: Set(position),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    audit::record(
        &tx,
        origin,
        "clinic.wrapup",
        "clinic",
        sid,
        Some(format!("wrap-up {}", w.id)),
        now,
    )
    .await?;
    outbox::record(&tx, "event", v.event.event.id, Op::Updated).await?;
    tx.commit().await?;
    Ok(())
}

/// Publish (or withdraw) the clinic's report.
pub async fn publish(
    db: &Db,
    origin: &Origin,
    v: &ClinicView,
    publish: bool,
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    recorder(v)?;
    let sid = v.session.session.id;
    let tx = db.begin_write().await?;
    match clinic::Entity::find_by_id(sid).one(&tx).await? {
        Some(c) => {
            let mut m: clinic::ActiveModel = c.into();
            m.published_at = Set(publish.then_some(now));
            m.published_by = Set(publish.then_some(origin.actor_id).flatten());
            m.update(&tx).await?;
        }
        None => {
            clinic::ActiveModel {
                session_id: Set(sid),
                event_id: Set(v.event.event.id),
                summary: Set(None),
                published_at: Set(publish.then_some(now)),
                published_by: Set(publish.then_some(origin.actor_id).flatten()),
            }
            .insert(&tx)
            .await?;
        }
    }
    audit::record(
        &tx,
        origin,
        if publish {
            "clinic.publish"
        } else {
            "clinic.withdraw"
        },
        "clinic",
        sid,
        None,
        now,
    )
    .await?;
    outbox::record(&tx, "event", v.event.event.id, Op::Updated).await?;
    tx.commit().await?;
    Ok(())
}
