//! Events that link to a practice (presented at them) or a library document
//! (a material or the report), for the library's pages.

use sea_orm::DatabaseConnection;

use crate::library::backlinks::{Backlink, Backlinks, Finding, Linked};
use crate::policy::Actor;

/// Registered at the top as one of the library's backlinks (one query).
pub fn find<'a>(db: &'a DatabaseConnection, actor: Option<&'a Actor>, item: Linked) -> Finding<'a> {
    Box::pin(async move {
        let (events, heading) = match item {
            Linked::Practice(id) => (
                super::rules::events_with_practice(db, actor, id).await?,
                "practice-presented-at-events",
            ),
            Linked::Resource(id) => (
                super::rules::events_with_resource(db, actor, id).await?,
                "resource-used-at-events",
            ),
        };
        Ok(Backlinks {
            section: "events",
            heading,
            links: events
                .into_iter()
                .map(|e| Backlink {
                    note: None,
                    progress: None,
                    url: format!("/events/{}", e.slug),
                    title: e.title,
                    when: Some(e.starts_at),
                })
                .collect(),
        })
    })
}
