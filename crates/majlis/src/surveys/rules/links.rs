//! Reaching respondents: personal links sent to named respondents (one
//! response per link; only the token's hash is kept), and reminders to the
//! focal points of targeted municipalities that have not submitted. Mail
//! goes through the mail queue, in the same transaction as what it records.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Duration, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, EntityTrait,
    QueryFilter, QueryOrder,
};

use super::Survey;
use super::surveys::Progress;
use crate::accounts::{Email, affiliation, person};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::directory::entities::municipality;
use crate::i18n::{FluentArg, Locale};
use crate::mail::{Outgoing, queue};
use crate::policy::{Action, Actor, authorize};
use crate::surveys::entities::{link, response, target};
use crate::surveys::error::SurveyError;

/// How long after a reminder a municipality may be reminded again.
pub const REMIND_AGAIN_AFTER: Duration = Duration::hours(24);

/// A personal link as the coordinator's form gives it.
pub struct NewLink {
    pub name: String,
    pub email: String,
    pub municipality_id: Option<i32>,
    /// The language the invitation is written in.
    pub locale: Locale,
}

/// Create a personal link and queue its mail. Returns the link's id.
pub async fn send_link(
    db: &Db,
    actor: &Actor,
    origin: &Origin,
    survey: &Survey,
    new: NewLink,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<i32, SurveyError> {
    authorize(Some(actor), Action::ManageSurveys)?;
    queue_link(db, actor, origin, survey, new, public_url, now).await
}

/// [`send_link`] once the caller's own rules have decided that `actor` may
/// send links for this survey (a cohesion wave's focal point): checks the
/// link, records it and queues its mail. Returns the link's id.
pub async fn queue_link(
    db: &Db,
    actor: &Actor,
    origin: &Origin,
    survey: &Survey,
    new: NewLink,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<i32, SurveyError> {
    check_link(survey, &new)?;
    let tx = db.begin_write().await?;
    let id = queue_link_in(&tx, actor, origin, survey, new, public_url, now).await?;
    tx.commit().await?;
    queue::wake();
    Ok(id)
}

/// What [`queue_link_in`] refuses before writing anything: a link without
/// a name or a valid address, or to a draft survey (so a caller sending
/// many can check them all before its transaction).
pub fn check_link(survey: &Survey, new: &NewLink) -> Result<(), SurveyError> {
    let bad = |field, message| SurveyError::BadValue { field, message };
    if new.name.trim().is_empty() {
        return Err(bad("link_name", "survey-error-link-name"));
    }
    Email::parse(&new.email).map_err(|_| bad("link_email", "survey-error-link-email"))?;
    if survey.status == crate::surveys::SurveyStatus::Draft {
        return Err(bad("link_name", "survey-error-link-draft"));
    }
    Ok(())
}

/// [`queue_link`] inside the caller's write transaction (many links in one
/// transaction: all or none); the caller commits, then wakes the mail
/// queue (`mail::queue::wake`). Returns the link's id.
pub async fn queue_link_in(
    tx: &DatabaseTransaction,
    actor: &Actor,
    origin: &Origin,
    survey: &Survey,
    new: NewLink,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<i32, SurveyError> {
    check_link(survey, &new)?;
    let bad = |field, message| SurveyError::BadValue { field, message };
    let name: String = new.name.trim().chars().take(200).collect();
    let email =
        Email::parse(&new.email).map_err(|_| bad("link_email", "survey-error-link-email"))?;
    if let Some(m) = new.municipality_id
        && municipality::Entity::find_by_id(m).one(tx).await?.is_none()
    {
        return Err(bad("link_municipality", "survey-error-targets"));
    }
    let token = crate::token::random_token();
    let row = link::ActiveModel {
        survey_id: Set(survey.row.id),
        token_hash: Set(crate::accounts::signin::hash_token(&token)),
        name: Set(name.clone()),
        email: Set(email.as_str().to_owned()),
        municipality_id: Set(new.municipality_id),
        created_by: Set(Some(actor.person_id)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    let l = new.locale;
    let args: [(&'static str, FluentArg); 4] = [
        ("name", name.clone().into()),
        ("survey", survey.row.title.text(l).to_owned().into()),
        ("closes", closes_line(survey, l).into()),
        (
            "link",
            format!(
                "{public_url}/surveys/{}/link/{token}?lang={}",
                survey.row.slug,
                l.code()
            )
            .into(),
        ),
    ];
    let msg = Outgoing {
        to_email: email.as_str().to_owned(),
        to_name: name,
        subject: l.t_args("mail-survey-link-subject", &args),
        body: l.t_args("mail-survey-link-body", &args),
        key: None,
    };
    queue::enqueue(tx, &msg, "survey-link", now).await?;
    audit::record(tx, origin, "survey.link", "survey_link", row.id, None, now).await?;
    Ok(row.id)
}

fn closes_line(survey: &Survey, l: Locale) -> String {
    match survey.row.closes_at {
        Some(t) => l.date((t - Duration::seconds(1)).date_naive()),
        None => l.t("survey-no-closing-date"),
    }
}

/// The links of a survey, with how far each respondent got.
pub async fn links(
    conn: &impl ConnectionTrait,
    survey_id: i32,
) -> Result<Vec<(link::Model, Progress)>, SurveyError> {
    let rows = link::Entity::find()
        .filter(link::Column::SurveyId.eq(survey_id))
        .order_by_asc(link::Column::Id)
        .all(conn)
        .await?;
    let states: HashMap<i32, Progress> = response::Entity::find()
        .filter(response::Column::SurveyId.eq(survey_id))
        .filter(response::Column::LinkId.is_not_null())
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|r| {
            r.link_id.map(|id| {
                (
                    id,
                    if r.submitted_at.is_some() {
                        Progress::Submitted
                    } else {
                        Progress::Draft
                    },
                )
            })
        })
        .collect();
    Ok(rows
        .into_iter()
        .map(|l| {
            let p = states.get(&l.id).copied().unwrap_or(Progress::NotStarted);
            (l, p)
        })
        .collect())
}

/// Remind the focal points of every targeted municipality that has not
/// submitted (and was not reminded in the last [`REMIND_AGAIN_AFTER`]), each
/// in their own language. Returns the mails queued.
pub async fn remind(
    db: &Db,
    actor: &Actor,
    origin: &Origin,
    survey: &Survey,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<usize, SurveyError> {
    authorize(Some(actor), Action::ManageSurveys)?;
    if !survey.accepting(now) {
        return Err(SurveyError::NotAccepting);
    }
    remind_not_since(
        db,
        origin,
        survey,
        public_url,
        now,
        now - REMIND_AGAIN_AFTER,
    )
    .await
}

/// Remind the focal points of every targeted municipality that has not
/// submitted and was not reminded since `since`. A municipality is marked
/// reminded by an update only one request (or node) can win, in the
/// transaction that queues its mail, so a double click or two nodes send
/// one reminder. Whoever may do it has been decided by the caller.
pub async fn remind_not_since(
    db: &Db,
    origin: &Origin,
    survey: &Survey,
    public_url: &str,
    now: DateTime<Utc>,
    since: DateTime<Utc>,
) -> Result<usize, SurveyError> {
    let read = db.read();
    let targets = target::Entity::find()
        .filter(target::Column::SurveyId.eq(survey.row.id))
        .all(read)
        .await?;
    let done: BTreeSet<i32> = super::surveys::responded(read, survey.row.id).await?;
    let due: Vec<i32> = targets
        .iter()
        .filter(|t| !done.contains(&t.municipality_id))
        .filter(|t| t.reminded_at.is_none_or(|at| at < since))
        .map(|t| t.municipality_id)
        .collect();
    let focal: Vec<affiliation::Model> = affiliation::Entity::find()
        .filter(affiliation::Column::FocalPoint.eq(true))
        .filter(affiliation::Column::MunicipalityId.is_in(due.clone()))
        .all(read)
        .await?;
    let people: HashMap<i32, person::Model> = person::Entity::find()
        .filter(person::Column::Id.is_in(focal.iter().map(|a| a.person_id)))
        .filter(person::Column::Active.eq(true))
        .all(read)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let towns: HashMap<i32, municipality::Model> = municipality::Entity::find()
        .filter(municipality::Column::Id.is_in(due.clone()))
        .all(read)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    let mut queued = 0;
    for m in due {
        let tx = db.begin_write().await?;
        let won = target::Entity::update_many()
            .col_expr(target::Column::RemindedAt, Expr::value(now))
            .filter(target::Column::SurveyId.eq(survey.row.id))
            .filter(target::Column::MunicipalityId.eq(m))
            .filter(
                Condition::any()
                    .add(target::Column::RemindedAt.is_null())
                    .add(target::Column::RemindedAt.lt(since)),
            )
            .exec(&tx)
            .await?
            .rows_affected
            == 1;
        if !won {
            continue;
        }
        let Some(town) = towns.get(&m) else { continue };
        for a in focal.iter().filter(|a| a.municipality_id == Some(m)) {
            let Some(p) = people.get(&a.person_id) else {
                continue;
            };
            let l: Locale = p.locale.parse().unwrap_or_default();
            let args: [(&'static str, FluentArg); 4] = [
                ("municipality", town.name.text(l).to_owned().into()),
                ("survey", survey.row.title.text(l).to_owned().into()),
                ("closes", closes_line(survey, l).into()),
                (
                    "link",
                    format!(
                        "{public_url}/surveys/{}/respond/{}?lang={}",
                        survey.row.slug,
                        town.slug,
                        l.code()
                    )
                    .into(),
                ),
            ];
            let msg = Outgoing {
                to_email: p.email.clone(),
                to_name: p.display_name.clone(),
                subject: l.t_args("mail-survey-reminder-subject", &args),
                body: l.t_args("mail-survey-reminder-body", &args),
                key: None,
            };
            queue::enqueue(&tx, &msg, "survey-reminder", now).await?;
            queued += 1;
        }
        tx.commit().await?;
    }
    if queued > 0 {
        let tx = db.begin_write().await?;
        audit::record(
            &tx,
            origin,
            "survey.remind",
            "survey",
            survey.row.id,
            Some(format!("{queued} reminders")),
            now,
        )
        .await?;
        tx.commit().await?;
        queue::wake();
    }
    Ok(queued)
}
