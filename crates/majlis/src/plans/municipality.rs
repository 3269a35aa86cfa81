//! The action plans a municipality is responsible for, for its page in
//! the directory (registered at the top as one of its `MunicipalityLinks`).
//! Bounded: at most [`LIMIT`] plans, one query per owner kind for their
//! owners, and one for their steps, whatever their number.

use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use super::entities::plan;
use super::error::PlanError;
use super::owners::Owners;
use super::rules::{self, described, summaries_of};
use crate::directory::linked::{Item, Linked};
use crate::policy::{Action, Actor, can};

/// The most plans a municipality's page lists (the oldest first).
pub const LIMIT: u64 = 100;

/// The section listing the plans of `municipality_id` the reader may see.
pub async fn section(
    db: &DatabaseConnection,
    owners: &Owners,
    actor: Option<&Actor>,
    municipality_id: i32,
) -> Result<Linked, DbErr> {
    let rows = plan::Entity::find()
        .filter(plan::Column::MunicipalityId.eq(municipality_id))
        .order_by_asc(plan::Column::Id)
        .limit(LIMIT)
        .all(db)
        .await?;
    let plans: Vec<rules::Plan> = described(db, owners, actor, rows)
        .await
        .map_err(to_db)?
        .into_iter()
        .filter(|p| can(actor, Action::ViewPlan(p.policy_ref(actor))))
        .collect();
    let rows: Vec<plan::Model> = plans.iter().map(|p| p.row.clone()).collect();
    let sums = summaries_of(db, &rows).await.map_err(to_db)?;
    Ok(Linked {
        section: "plans",
        heading: "plan-municipality-heading",
        no_percent: Some("plan-no-progress-short"),
        items: plans
            .into_iter()
            .map(|p| Item {
                url: format!("/plans/{}", p.row.id),
                percent: sums.get(&p.row.id).and_then(|s| s.progress),
                note: p.row.illustrative.then_some("plan-illustrative-short"),
                status: None,
                title: p.row.title,
            })
            .collect(),
    })
}

fn to_db(e: PlanError) -> DbErr {
    match e {
        PlanError::Db(e) => e,
        other => DbErr::Custom(other.to_string()),
    }
}
