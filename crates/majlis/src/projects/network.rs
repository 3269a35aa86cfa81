//! Project ideas and partnerships counted by status for the network's page
//! (registered at the top as one of its `NetworkFigures`): only what the
//! reader may read is counted (a visitor counts public ideas), one
//! `GROUP BY` query each, whatever the number of statuses.

use std::collections::HashMap;

use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};

use super::entities::{partner, project};
use super::rules::readable;
use super::{PartnershipStatus, ProjectStatus};
use crate::directory::figures::{Figure, Figures};
use crate::policy::Actor;

/// The ideas the reader may read, by status (one query).
pub async fn ideas_by_status<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
) -> Result<HashMap<ProjectStatus, i64>, DbErr> {
    let rows: Vec<(String, i64)> = project::Entity::find()
        .select_only()
        .column(project::Column::Status)
        .column_as(Expr::col(project::Column::Id).count(), "n")
        .filter(readable(actor))
        .group_by(project::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(s, n)| Some((ProjectStatus::from_code(&s)?, n)))
        .collect())
}

/// The partnerships of ideas the reader may read, by status (one query).
pub async fn partnerships_by_status<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
) -> Result<HashMap<PartnershipStatus, i64>, DbErr> {
    let rows: Vec<(String, i64)> = partner::Entity::find()
        .select_only()
        .column(partner::Column::Status)
        .column_as(Expr::col(partner::Column::ProjectId).count(), "n")
        .filter(
            partner::Column::ProjectId.in_subquery(
                Query::select()
                    .column(project::Column::Id)
                    .from(project::Entity)
                    .cond_where(readable(actor))
                    .to_owned(),
            ),
        )
        .group_by(partner::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(s, n)| Some((PartnershipStatus::from_code(&s)?, n)))
        .collect())
}

/// The Fluent id of a partnership status's label (static, as figures carry it).
fn partnership_label(s: PartnershipStatus) -> &'static str {
    match s {
        PartnershipStatus::Invited => "partnership-status-invited",
        PartnershipStatus::Accepted => "partnership-status-accepted",
        PartnershipStatus::Declined => "partnership-status-declined",
        PartnershipStatus::Left => "partnership-status-left",
    }
}

/// The ideas by status, every status listed (zeros too), each linked to
/// the list of ideas filtered by it.
pub async fn idea_figures<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
) -> Result<Figures, DbErr> {
    let counts = ideas_by_status(db, actor).await?;
    Ok(Figures {
        section: "projects",
        heading: "network-projects-heading",
        row_header: "project-field-status",
        count_header: "network-projects-count",
        rows: ProjectStatus::ALL
            .iter()
            .map(|s| Figure {
                label: super::backlinks::status_label(*s),
                count: counts.get(s).copied().unwrap_or(0),
                link: Some(format!("/projects?status={}", s.code())),
            })
            .collect(),
    })
}

/// The partnerships by status, every status listed (zeros too).
pub async fn partnership_figures<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
) -> Result<Figures, DbErr> {
    let counts = partnerships_by_status(db, actor).await?;
    Ok(Figures {
        section: "partnerships",
        heading: "network-partnerships-heading",
        row_header: "network-partnership-status",
        count_header: "network-partnerships-count",
        rows: PartnershipStatus::ALL
            .iter()
            .map(|s| Figure {
                label: partnership_label(*s),
                count: counts.get(s).copied().unwrap_or(0),
                link: None,
            })
            .collect(),
    })
}
