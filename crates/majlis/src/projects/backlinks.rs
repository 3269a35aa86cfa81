//! The project ideas born at an event or worked on there later, for the
//! event's page (with their status).

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use sea_orm::Condition;
use sea_orm::sea_query::Query;

use super::entities::{followup, project};
use super::rules::readable;
use crate::library::backlinks::{Backlink, Backlinks, Finding, LinkedEvent};
use crate::policy::Actor;

/// Registered at the top as one of the events' backlinks (three queries:
/// the ideas, who may read each decided in the query, and their plans).
pub fn for_event<'a>(
    db: &'a DatabaseConnection,
    actor: Option<&'a Actor>,
    event: LinkedEvent,
) -> Finding<'a> {
    Box::pin(async move {
        let rows = project::Entity::find()
            .filter(
                Condition::any()
                    .add(project::Column::EventId.eq(event.0))
                    .add(
                        project::Column::Id.in_subquery(
                            Query::select()
                                .column(followup::Column::ProjectId)
                                .from(followup::Entity)
                                .and_where(followup::Column::EventId.eq(event.0))
                                .to_owned(),
                        ),
                    ),
            )
            .filter(readable(actor))
            .order_by_asc(project::Column::Id)
            .all(db)
            .await?;
        let ids: Vec<i32> = rows.iter().map(|p| p.id).collect();
        let plans = super::plans::summaries(db, &ids).await?;
        Ok(Backlinks {
            section: "projects",
            heading: "event-projects",
            links: rows
                .into_iter()
                .map(|p| Backlink {
                    url: format!("/projects/{}", p.slug),
                    when: None,
                    note: Some(status_label(p.status())),
                    progress: plans.get(&p.id).and_then(|s| s.progress),
                    title: p.title,
                })
                .collect(),
        })
    })
}

/// The Fluent id of a status's label (static, as backlinks carry it).
pub fn status_label(s: super::ProjectStatus) -> &'static str {
    use super::ProjectStatus::*;
    match s {
        Idea => "project-status-idea",
        Concept => "project-status-concept",
        PartnershipFormed => "project-status-partnership-formed",
        InImplementation => "project-status-in-implementation",
        Completed => "project-status-completed",
        Dropped => "project-status-dropped",
    }
}
