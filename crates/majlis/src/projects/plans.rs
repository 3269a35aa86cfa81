//! Projects as owners of action plans: how a project idea is described to
//! the plans activity (registered at the top in `app::plan_owners`), and
//! the summaries its pages show. The plans activity knows nothing of
//! projects; projects read plans through its rules.

use std::collections::{BTreeSet, HashMap};

use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use super::entities::project;
use super::rules::readable;
use crate::plans::error::PlanError;
use crate::plans::owners::{Describing, OwnerFacts, Owners};
use crate::plans::rules::{PlanDetail, PlanSummary};
use crate::plans::{Owner, OwnerKind};
use crate::policy::Actor;

/// The plan owner of idea `id`.
pub fn owner(id: i32) -> Owner {
    Owner {
        kind: OwnerKind::Project,
        id,
    }
}

/// Describe ideas to the plans activity (two queries whatever their
/// number): title and page; visible to whoever may read the idea; edited
/// by the lead municipality (its focal points, as plans decide, and staff).
/// Partners take part in the idea; the lead keeps its plan.
pub fn describe<'a>(
    db: &'a DatabaseConnection,
    actor: Option<&'a Actor>,
    ids: &'a [i32],
) -> Describing<'a> {
    Box::pin(async move {
        let rows = project::Entity::find()
            .filter(project::Column::Id.is_in(ids.to_vec()))
            .all(db)
            .await?;
        let visible: BTreeSet<i32> = project::Entity::find()
            .filter(project::Column::Id.is_in(ids.to_vec()))
            .filter(readable(actor))
            .all(db)
            .await?
            .into_iter()
            .map(|p| p.id)
            .collect();
        Ok(rows
            .into_iter()
            .map(|p| {
                (
                    p.id,
                    OwnerFacts {
                        url: format!("/projects/{}", p.slug),
                        visible_to_actor: visible.contains(&p.id),
                        editor_municipalities: vec![p.lead_municipality_id],
                        calendar: Some(format!("/projects/{}/milestones.ics", p.slug)),
                        title: p.title,
                    },
                )
            })
            .collect())
    })
}

/// The plan summary of each idea that has one (two queries).
pub async fn summaries(
    db: &DatabaseConnection,
    ids: &[i32],
) -> Result<HashMap<i32, PlanSummary>, DbErr> {
    let owners: Vec<Owner> = ids.iter().map(|id| owner(*id)).collect();
    match crate::plans::rules::summaries(db, &owners).await {
        Ok(found) => Ok(found.into_iter().map(|(o, s)| (o.id, s)).collect()),
        Err(crate::plans::error::PlanError::Db(e)) => Err(e),
        Err(e) => Err(DbErr::Custom(e.to_string())),
    }
}

/// The action plan of idea `id` as `reader` may read it, with its summary
/// and everything its page shows (milestones, indicators…): two queries
/// for the summary, two for the plan and its owner, five for its details,
/// whatever their number. `None` when the idea has no plan the reader may
/// read. The figures are the plans activity's own (roll-up, attainment).
pub async fn plan_of(
    db: &DatabaseConnection,
    owners: &Owners,
    actor: Option<&Actor>,
    id: i32,
) -> Result<Option<(PlanSummary, PlanDetail)>, DbErr> {
    let Some(summary) = summaries(db, &[id]).await?.remove(&id) else {
        return Ok(None);
    };
    let plan = match crate::plans::rules::readable(db, owners, actor, summary.id).await {
        Ok(plan) => plan,
        Err(PlanError::Db(e)) => return Err(e),
        // Not for this reader (or gone meanwhile): no plan to show.
        Err(_) => return Ok(None),
    };
    match crate::plans::rules::detail(db, actor, plan).await {
        Ok(detail) => Ok(Some((summary, detail))),
        Err(PlanError::Db(e)) => Err(e),
        Err(e) => Err(DbErr::Custom(e.to_string())),
    }
}
