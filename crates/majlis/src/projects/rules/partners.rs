//! Partnerships: the lead invites a municipality (its focal points are told
//! by mail, each in their language), the partner's focal point accepts or
//! declines (the inviter is told), and either side may end it later: the
//! partner leaves, or the lead removes it. Every step is kept with who and
//! when; the current state is one row per partner.

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder,
};

use super::save::load;
use super::{municipalities_of, project_ref};
use crate::accounts::{affiliation, person};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::directory::entities::municipality;
use crate::i18n::{FluentArg, Locale};
use crate::mail::Outgoing;
use crate::mail::queue;
use crate::policy::{Action, Actor, authorize, can};
use crate::projects::entities::{partner, partner_step, project};
use crate::projects::error::ProjectError;
use crate::projects::{PartnerStep, PartnershipStatus};

async fn municipality_by_slug<C: ConnectionTrait>(
    db: &C,
    slug: &str,
) -> Result<municipality::Model, ProjectError> {
    municipality::Entity::find()
        .filter(municipality::Column::Slug.eq(slug))
        .one(db)
        .await?
        .ok_or(ProjectError::NotFound)
}

async fn current<C: ConnectionTrait>(
    db: &C,
    project_id: i32,
    municipality_id: i32,
) -> Result<Option<partner::Model>, ProjectError> {
    Ok(partner::Entity::find_by_id((project_id, municipality_id))
        .one(db)
        .await?)
}

/// Set the partnership's state and record the step.
#[allow(clippy::too_many_arguments)]
async fn record_step(
    tx: &DatabaseTransaction,
    origin: &Origin,
    actor: &Actor,
    p: &project::Model,
    m: &municipality::Model,
    existing: Option<partner::Model>,
    status: PartnershipStatus,
    step: PartnerStep,
    now: DateTime<Utc>,
) -> Result<(), ProjectError> {
    match existing {
        Some(row) => {
            let mut am: partner::ActiveModel = row.into();
            am.status = Set(status.code().to_owned());
            am.updated_at = Set(now);
            am.update(tx).await?;
        }
        None => {
            partner::ActiveModel {
                project_id: Set(p.id),
                municipality_id: Set(m.id),
                status: Set(status.code().to_owned()),
                updated_at: Set(now),
            }
            .insert(tx)
            .await?;
        }
    }
    partner_step::ActiveModel {
        id: NotSet,
        project_id: Set(p.id),
        municipality_id: Set(m.id),
        step: Set(step.code().to_owned()),
        person_id: Set(Some(actor.person_id)),
        person_name: Set(None),
        at: Set(now),
    }
    .insert(tx)
    .await?;
    outbox::record(tx, "project", p.id, Op::Updated).await?;
    audit::record(
        tx,
        origin,
        &format!("project-partner-{}", step.code()),
        "project",
        p.id,
        Some(format!("municipality {}", m.id)),
        now,
    )
    .await?;
    Ok(())
}

fn message(
    to: &person::Model,
    subject: &str,
    body: &str,
    p: &project::Model,
    m: &municipality::Model,
    lead: &str,
    public_url: &str,
) -> Outgoing {
    let l: Locale = to.locale.parse().unwrap_or_default();
    let args: [(&'static str, FluentArg); 4] = [
        ("project", p.title.text(l).to_owned().into()),
        ("municipality", m.name.text(l).to_owned().into()),
        ("lead", lead.to_owned().into()),
        (
            "link",
            format!("{public_url}/projects/{}?lang={}", p.slug, l.code()).into(),
        ),
    ];
    Outgoing {
        to_email: to.email.clone(),
        to_name: to.display_name.clone(),
        subject: l.t_args(subject, &args),
        body: l.t_args(body, &args),
        key: None,
    }
}

/// The active focal points of a municipality.
async fn focal_points<C: ConnectionTrait>(
    db: &C,
    municipality_id: i32,
) -> Result<Vec<person::Model>, ProjectError> {
    let ids: Vec<i32> = affiliation::Entity::find()
        .filter(affiliation::Column::MunicipalityId.eq(municipality_id))
        .filter(affiliation::Column::FocalPoint.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.person_id)
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(person::Entity::find()
        .filter(person::Column::Id.is_in(ids))
        .filter(person::Column::Active.eq(true))
        .order_by_asc(person::Column::Id)
        .all(db)
        .await?)
}

/// The lead invites `municipality` (by slug): its focal points are told by
/// mail. Refused when it is the lead, already invited or a partner, or has
/// no focal point to answer.
pub async fn invite(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    project_id: i32,
    municipality: &str,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<(), ProjectError> {
    let tx = db.begin_write().await?;
    let (p, _) = load(&tx, project_id).await?;
    let mine = municipalities_of(&tx, Some(actor)).await?;
    let rows = partner::Entity::find()
        .filter(partner::Column::ProjectId.eq(p.id))
        .all(&tx)
        .await?;
    authorize(
        Some(actor),
        Action::EditProject(project_ref(&p, Some(actor), &mine, &rows)),
    )?;
    let m = match municipality.trim() {
        "" => return Err(ProjectError::field("municipality", "form-error-choose")),
        s => municipality_by_slug(&tx, s)
            .await
            .map_err(|_| ProjectError::field("municipality", "form-error-choose"))?,
    };
    if m.id == p.lead_municipality_id {
        return Err(ProjectError::Conflict("project-error-lead-partner"));
    }
    let existing = current(&tx, p.id, m.id).await?;
    if existing
        .as_ref()
        .and_then(|r| PartnershipStatus::from_code(&r.status))
        .is_some_and(|s| s.is_current())
    {
        return Err(ProjectError::Conflict("project-error-already-partner"));
    }
    let to = focal_points(&tx, m.id).await?;
    if to.is_empty() {
        return Err(ProjectError::Conflict("project-error-no-focal-point"));
    }
    let lead = municipality::Entity::find_by_id(p.lead_municipality_id)
        .one(&tx)
        .await?;
    for person in &to {
        let l: Locale = person.locale.parse().unwrap_or_default();
        let lead_name = lead.as_ref().map(|x| x.name.text(l)).unwrap_or_default();
        queue::enqueue(
            &tx,
            &message(
                person,
                "mail-project-invited-subject",
                "mail-project-invited-body",
                &p,
                &m,
                lead_name,
                public_url,
            ),
            "project-invited",
            now,
        )
        .await?;
    }
    record_step(
        &tx,
        origin,
        actor,
        &p,
        &m,
        existing,
        PartnershipStatus::Invited,
        PartnerStep::Invited,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The partner's focal point accepts (or declines) the invitation; whoever
/// invited is told by mail in their language.
#[allow(clippy::too_many_arguments)]
pub async fn answer(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    project_id: i32,
    municipality: &str,
    accept: bool,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<(), ProjectError> {
    let tx = db.begin_write().await?;
    let (p, _) = load(&tx, project_id).await?;
    let m = municipality_by_slug(&tx, municipality).await?;
    authorize(
        Some(actor),
        Action::AnswerPartnership { municipality: m.id },
    )?;
    let existing = current(&tx, p.id, m.id).await?;
    if existing.as_ref().map(|r| r.status.as_str()) != Some(PartnershipStatus::Invited.code()) {
        return Err(ProjectError::Conflict("project-error-no-invitation"));
    }
    // The person who sent the invitation.
    let inviter = partner_step::Entity::find()
        .filter(partner_step::Column::ProjectId.eq(p.id))
        .filter(partner_step::Column::MunicipalityId.eq(m.id))
        .filter(partner_step::Column::Step.eq(PartnerStep::Invited.code()))
        .order_by_desc(partner_step::Column::Id)
        .one(&tx)
        .await?
        .and_then(|s| s.person_id);
    if let Some(id) = inviter
        && let Some(to) = person::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .filter(|p| p.active)
    {
        let (subject, body) = if accept {
            (
                "mail-project-accepted-subject",
                "mail-project-accepted-body",
            )
        } else {
            (
                "mail-project-declined-subject",
                "mail-project-declined-body",
            )
        };
        queue::enqueue(
            &tx,
            &message(&to, subject, body, &p, &m, "", public_url),
            if accept {
                "project-accepted"
            } else {
                "project-declined"
            },
            now,
        )
        .await?;
    }
    let (status, step) = if accept {
        (PartnershipStatus::Accepted, PartnerStep::Accepted)
    } else {
        (PartnershipStatus::Declined, PartnerStep::Declined)
    };
    record_step(&tx, origin, actor, &p, &m, existing, status, step, now).await?;
    tx.commit().await?;
    Ok(())
}

/// End a partnership (or withdraw an invitation): the partner's focal
/// point leaves, or the lead removes it.
pub async fn leave(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    project_id: i32,
    municipality: &str,
    now: DateTime<Utc>,
) -> Result<(), ProjectError> {
    let tx = db.begin_write().await?;
    let (p, _) = load(&tx, project_id).await?;
    let m = municipality_by_slug(&tx, municipality).await?;
    let step = if can(Some(actor), Action::LeavePartnership { municipality: m.id }) {
        PartnerStep::Left
    } else {
        let mine = municipalities_of(&tx, Some(actor)).await?;
        let rows = partner::Entity::find()
            .filter(partner::Column::ProjectId.eq(p.id))
            .all(&tx)
            .await?;
        authorize(
            Some(actor),
            Action::EditProject(project_ref(&p, Some(actor), &mine, &rows)),
        )?;
        PartnerStep::Removed
    };
    let existing = current(&tx, p.id, m.id).await?;
    let is_current = existing
        .as_ref()
        .and_then(|r| PartnershipStatus::from_code(&r.status))
        .is_some_and(|s| s.is_current());
    if !is_current {
        return Err(ProjectError::Conflict("project-error-not-partner"));
    }
    record_step(
        &tx,
        origin,
        actor,
        &p,
        &m,
        existing,
        PartnershipStatus::Left,
        step,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
