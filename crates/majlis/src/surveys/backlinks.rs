//! Surveys prepared for or after an event, for the event's page.

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use super::entities::survey;
use super::rules::Survey;
use crate::library::backlinks::{Backlink, Backlinks, Finding, LinkedEvent};
use crate::policy::{Action, Actor, can};

/// Registered at the top as one of the events' backlinks (one query).
pub fn for_event<'a>(
    db: &'a DatabaseConnection,
    actor: Option<&'a Actor>,
    event: LinkedEvent,
) -> Finding<'a> {
    Box::pin(async move {
        let rows = survey::Entity::find()
            .filter(survey::Column::EventId.eq(event.0))
            .order_by_asc(survey::Column::Id)
            .all(db)
            .await?;
        Ok(Backlinks {
            section: "surveys",
            heading: "event-surveys",
            links: rows
                .into_iter()
                .map(Survey::of)
                .filter(|s| can(actor, Action::ViewSurvey(s.policy_ref())))
                .map(|s| Backlink {
                    note: None,
                    progress: None,
                    url: format!("/surveys/{}", s.row.slug),
                    when: s.row.opens_at,
                    title: s.row.title,
                })
                .collect(),
        })
    })
}
