//! Project ideas in the search index, registered at the top as [`PROJECTS`]:
//! title, problem, objectives, proposed activities and the expertise sought,
//! with the reader audiences of their visibility. A participants-only idea
//! is for staff and the people of the lead and of invited or accepted
//! partners, and whoever wrote it (`person:{id}` audiences).

use std::collections::{BTreeSet, HashMap};

use majlis_search::Document;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use super::entities::{partner, project, project_theme};
use super::{PartnershipStatus, ProjectVisibility};
use crate::accounts::affiliation;
use crate::directory::entities::municipality;
use crate::search::documents::{
    Follow, Loading, Source, ThemeSlugs, add_tr, body, links_by, summary, title,
};

pub const PROJECTS: Source = Source {
    kind: "project",
    load,
};

/// Participants-only ideas take their audience from the people of their
/// lead and current partners: when those change (accounts writes
/// [`affiliation::PEOPLE_OF_MUNICIPALITY`]), such ideas of the
/// municipality are read again.
pub const PEOPLE_OF_LEADS_AND_PARTNERS: Follow = Follow {
    entity: affiliation::PEOPLE_OF_MUNICIPALITY,
    kind: "project",
    affected: participants_only_of,
};

fn participants_only_of(db: &DatabaseConnection, municipality: i32) -> Loading<'_, Vec<i32>> {
    Box::pin(async move {
        let closed = project::Column::Visibility.eq(ProjectVisibility::Participants.code());
        let mut ids: BTreeSet<i32> = project::Entity::find()
            .filter(closed.clone())
            .filter(project::Column::LeadMunicipalityId.eq(municipality))
            .all(db)
            .await?
            .into_iter()
            .map(|p| p.id)
            .collect();
        let partnered: Vec<i32> = partner::Entity::find()
            .filter(partner::Column::MunicipalityId.eq(municipality))
            .all(db)
            .await?
            .into_iter()
            .filter(|r| PartnershipStatus::from_code(&r.status).is_some_and(|s| s.is_current()))
            .map(|r| r.project_id)
            .collect();
        if !partnered.is_empty() {
            ids.extend(
                project::Entity::find()
                    .filter(closed)
                    .filter(project::Column::Id.is_in(partnered))
                    .all(db)
                    .await?
                    .into_iter()
                    .map(|p| p.id),
            );
        }
        Ok(ids.into_iter().collect())
    })
}

fn load<'a>(
    db: &'a DatabaseConnection,
    themes: &'a ThemeSlugs,
    only: Option<i32>,
) -> Loading<'a, Vec<Document>> {
    Box::pin(projects(db, themes, only))
}

async fn projects<C: ConnectionTrait>(
    db: &C,
    themes: &ThemeSlugs,
    only: Option<i32>,
) -> Result<Vec<Document>, DbErr> {
    let mut q = project::Entity::find();
    let mut tq = project_theme::Entity::find();
    let mut pq = partner::Entity::find();
    if let Some(id) = only {
        q = q.filter(project::Column::Id.eq(id));
        tq = tq.filter(project_theme::Column::ProjectId.eq(id));
        pq = pq.filter(partner::Column::ProjectId.eq(id));
    }
    let rows = q.all(db).await?;
    let tags = links_by(tq.all(db).await?, |t| (t.project_id, t.theme_id), themes);
    let mut towns: HashMap<i32, BTreeSet<i32>> = HashMap::new();
    for p in &rows {
        towns
            .entry(p.id)
            .or_default()
            .insert(p.lead_municipality_id);
    }
    for r in pq.all(db).await? {
        if PartnershipStatus::from_code(&r.status).is_some_and(|s| s.is_current()) {
            towns
                .entry(r.project_id)
                .or_default()
                .insert(r.municipality_id);
        }
    }
    let closed = rows
        .iter()
        .any(|p| p.visibility() == ProjectVisibility::Participants);
    let mut people: HashMap<i32, Vec<i32>> = HashMap::new();
    if closed {
        let all: BTreeSet<i32> = towns.values().flatten().copied().collect();
        for a in affiliation::Entity::find()
            .filter(affiliation::Column::MunicipalityId.is_in(all))
            .all(db)
            .await?
        {
            if let Some(m) = a.municipality_id {
                people.entry(m).or_default().push(a.person_id);
            }
        }
    }
    let leads: BTreeSet<i32> = rows.iter().map(|p| p.lead_municipality_id).collect();
    let country: HashMap<i32, String> = municipality::Entity::find()
        .filter(municipality::Column::Id.is_in(leads))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m.country_code))
        .collect();
    Ok(rows
        .into_iter()
        .map(|p| {
            let audience: Vec<String> = match p.visibility() {
                ProjectVisibility::Public => vec!["public".to_owned()],
                ProjectVisibility::Members => vec!["members".to_owned()],
                ProjectVisibility::Participants => {
                    let mut a: BTreeSet<String> = BTreeSet::from(["staff".to_owned()]);
                    for m in towns.get(&p.id).into_iter().flatten() {
                        for id in people.get(m).into_iter().flatten() {
                            a.insert(format!("person:{id}"));
                        }
                    }
                    if let Some(id) = p.created_by {
                        a.insert(format!("person:{id}"));
                    }
                    a.into_iter().collect()
                }
            };
            let mut doc = Document::new(format!("project:{}", p.id), "project")
                .url(format!("/projects/{}", p.slug))
                .audience(audience)
                .languages(p.title.locales().map(|l| l.code().to_owned()))
                .date(p.created_at.timestamp())
                .year(chrono::Datelike::year(&p.created_at));
            doc = add_tr(doc, &p.title, title);
            if let Some(t) = &p.problem {
                doc = add_tr(doc, t, summary);
            }
            for t in [&p.objectives, &p.activities].into_iter().flatten() {
                doc = add_tr(doc, t, body);
            }
            for s in &p.partners_sought.0 {
                if let Some(e) = &s.expertise {
                    doc = add_tr(doc, e, body);
                }
            }
            if let Some(c) = country.get(&p.lead_municipality_id) {
                doc = doc.countries([c.clone()]);
            }
            doc.themes(tags.get(&p.id).cloned().unwrap_or_default())
        })
        .collect())
}
