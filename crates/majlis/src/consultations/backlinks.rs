//! Consultations where a visible contribution linked a practice or a library
//! document, for the library's pages.

use sea_orm::DatabaseConnection;

use super::entities::contribution;
use crate::library::backlinks::{Backlink, Backlinks, Finding, Linked};
use crate::policy::Actor;

/// Registered at the top as one of the library's backlinks (one query).
pub fn find<'a>(db: &'a DatabaseConnection, actor: Option<&'a Actor>, item: Linked) -> Finding<'a> {
    Box::pin(async move {
        let (column, id) = match item {
            Linked::Practice(id) => (contribution::Column::PracticeId, id),
            Linked::Resource(id) => (contribution::Column::ResourceId, id),
        };
        let dilemmas = super::rules::dilemmas_linking(db, actor, column, id).await?;
        Ok(Backlinks {
            section: "dilemmas",
            heading: "practice-discussed-in",
            links: dilemmas
                .into_iter()
                .map(|d| Backlink {
                    note: None,
                    progress: None,
                    url: format!("/consultations/{}", d.slug),
                    title: d.question,
                    when: None,
                })
                .collect(),
        })
    })
}
