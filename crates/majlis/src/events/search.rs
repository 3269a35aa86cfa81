//! Events in the search index, registered at the top as [`EVENTS`].

use majlis_search::Document;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use super::entities::{event, event_session, event_theme, session_person};
use crate::fields::split_codes;
use crate::search::documents::{
    Loading, Source, ThemeSlugs, add_tr, body, links_by, summary, title,
};

/// Every event, with its programme and the names of its people.
pub const EVENTS: Source = Source {
    kind: "event",
    load,
};

fn load<'a>(
    db: &'a DatabaseConnection,
    themes: &'a ThemeSlugs,
    only: Option<i32>,
) -> Loading<'a, Vec<Document>> {
    Box::pin(events(db, themes, only))
}

async fn events<C: ConnectionTrait>(
    db: &C,
    themes: &ThemeSlugs,
    only: Option<i32>,
) -> Result<Vec<Document>, DbErr> {
    let mut q = event::Entity::find();
    let mut tq = event_theme::Entity::find();
    let mut sq = event_session::Entity::find();
    let mut pq = session_person::Entity::find();
    if let Some(id) = only {
        q = q.filter(event::Column::Id.eq(id));
        tq = tq.filter(event_theme::Column::EventId.eq(id));
        sq = sq.filter(event_session::Column::EventId.eq(id));
        pq = pq.filter(session_person::Column::EventId.eq(id));
    }
    let rows = q.all(db).await?;
    let tags = links_by(tq.all(db).await?, |t| (t.event_id, t.theme_id), themes);
    let sessions = sq.all(db).await?;
    let people = pq.all(db).await?;
    Ok(rows
        .into_iter()
        .map(|e| {
            let mut d = Document::new(format!("event:{}", e.id), "event")
                .url(format!("/events/{}", e.slug))
                .audience([e.visibility.clone()])
                .languages(split_codes(&e.languages))
                .year(chrono::Datelike::year(&e.starts_at))
                .date(e.starts_at.timestamp());
            d = add_tr(d, &e.title, title);
            if let Some(s) = &e.summary {
                d = add_tr(d, s, summary);
            }
            for t in [
                &e.context,
                &e.objectives,
                &e.expected_results,
                &e.audience,
                &e.takeaways,
            ]
            .into_iter()
            .flatten()
            {
                d = add_tr(d, t, body);
            }
            for s in sessions.iter().filter(|s| s.event_id == e.id) {
                d = add_tr(d, &s.title, body);
                if let Some(o) = &s.objectives {
                    d = add_tr(d, o, body);
                }
            }
            let names: Vec<String> = people
                .iter()
                .filter(|p| p.event_id == e.id)
                .filter_map(|p| p.name.clone())
                .collect();
            if !names.is_empty() {
                d = d.body(None, names.join("; "));
            }
            if let Some(c) = &e.city {
                d = d.body(None, c.clone());
            }
            if let Some(c) = &e.country_code {
                d = d.countries([c.clone()]);
            }
            d.themes(tags.get(&e.id).cloned().unwrap_or_default())
        })
        .collect())
}
