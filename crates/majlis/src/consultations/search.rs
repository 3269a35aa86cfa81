//! Dilemmas in the search index, registered at the top as [`DILEMMAS`].

use std::collections::HashMap;

use majlis_search::Document;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use super::entities::{contribution, dilemma, dilemma_participant, dilemma_theme};
use super::{DilemmaStatus, DilemmaVisibility};
use crate::search::documents::{
    Loading, Source, ThemeSlugs, add_tr, body, links_by, summary, title,
};

/// Dilemmas past their draft.
pub const DILEMMAS: Source = Source {
    kind: "dilemma",
    load,
};

fn load<'a>(
    db: &'a DatabaseConnection,
    themes: &'a ThemeSlugs,
    only: Option<i32>,
) -> Loading<'a, Vec<Document>> {
    Box::pin(dilemmas(db, themes, only))
}

/// Dilemmas that are not drafts: the question, its information, result,
/// answers and visible contributions. A participants-only dilemma is for
/// staff and the people taking part (`person:{id}` audiences).
async fn dilemmas<C: ConnectionTrait>(
    db: &C,
    themes: &ThemeSlugs,
    only: Option<i32>,
) -> Result<Vec<Document>, DbErr> {
    let mut q =
        dilemma::Entity::find().filter(dilemma::Column::Status.ne(DilemmaStatus::Draft.code()));
    let mut tq = dilemma_theme::Entity::find();
    let mut cq = contribution::Entity::find().filter(contribution::Column::Hidden.eq(false));
    let mut pq = dilemma_participant::Entity::find();
    if let Some(id) = only {
        q = q.filter(dilemma::Column::Id.eq(id));
        tq = tq.filter(dilemma_theme::Column::DilemmaId.eq(id));
        cq = cq.filter(contribution::Column::DilemmaId.eq(id));
        pq = pq.filter(dilemma_participant::Column::DilemmaId.eq(id));
    }
    let rows = q.all(db).await?;
    let tags = links_by(tq.all(db).await?, |t| (t.dilemma_id, t.theme_id), themes);
    let mut said: HashMap<i32, Vec<contribution::Model>> = HashMap::new();
    for c in cq.all(db).await? {
        said.entry(c.dilemma_id).or_default().push(c);
    }
    let mut people: HashMap<i32, Vec<i32>> = HashMap::new();
    for p in pq.all(db).await? {
        people.entry(p.dilemma_id).or_default().push(p.person_id);
    }
    Ok(rows
        .into_iter()
        .map(|d| {
            let audience: Vec<String> = match DilemmaVisibility::from_code(&d.visibility) {
                Some(DilemmaVisibility::Public) => vec!["public".to_owned()],
                Some(DilemmaVisibility::Members) => vec!["members".to_owned()],
                _ => {
                    let mut a = vec!["staff".to_owned()];
                    let ids = people.get(&d.id).cloned().unwrap_or_default();
                    for id in ids.into_iter().chain(d.presenter_id).chain(d.created_by) {
                        a.push(format!("person:{id}"));
                    }
                    a
                }
            };
            let when = d.opens_at.unwrap_or(d.created_at);
            let mut doc = Document::new(format!("dilemma:{}", d.id), "dilemma")
                .url(format!("/consultations/{}", d.slug))
                .audience(audience)
                .languages(d.question.locales().map(|l| l.code().to_owned()))
                .date(when.timestamp())
                .year(chrono::Datelike::year(&when));
            doc = add_tr(doc, &d.question, title);
            if let Some(i) = &d.information {
                doc = add_tr(doc, i, summary);
            }
            if let Some(r) = &d.result {
                doc = add_tr(doc, r, body);
            }
            for c in said.get(&d.id).into_iter().flatten() {
                doc = add_tr(doc, &c.body, body);
                if let Some(a) = &c.answer {
                    doc = add_tr(doc, a, body);
                }
            }
            for extra in [&d.presenter_name, &d.affiliation, &d.city]
                .into_iter()
                .flatten()
            {
                doc = doc.body(None, extra.clone());
            }
            if let Some(c) = &d.country_code {
                doc = doc.countries([c.clone()]);
            }
            doc.themes(tags.get(&d.id).cloned().unwrap_or_default())
        })
        .collect())
}
