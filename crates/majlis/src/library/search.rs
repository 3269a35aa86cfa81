//! The library's documents in the search index: published practices and
//! resources (with their files' text), registered at the top as
//! [`PRACTICES`] and [`RESOURCES`].

use std::collections::HashMap;

use majlis_search::Document;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use super::PracticeStatus;
use super::entities::{
    file_object, practice, practice_theme, resource, resource_country, resource_theme,
    resource_version,
};
use super::practices::TextField;
use crate::fields::split_codes;
use crate::i18n::Locale;
use crate::search::documents::{
    Loading, Source, ThemeSlugs, add_tr, file_text, links_by, summary, title,
};

/// Published practices.
pub const PRACTICES: Source = Source {
    kind: "practice",
    load: load_practices,
};

/// Resources (documents), with the text of their files.
pub const RESOURCES: Source = Source {
    kind: "resource",
    load: load_resources,
};

fn load_practices<'a>(
    db: &'a DatabaseConnection,
    themes: &'a ThemeSlugs,
    only: Option<i32>,
) -> Loading<'a, Vec<Document>> {
    Box::pin(practices(db, themes, only))
}

fn load_resources<'a>(
    db: &'a DatabaseConnection,
    themes: &'a ThemeSlugs,
    only: Option<i32>,
) -> Loading<'a, Vec<Document>> {
    Box::pin(resources(db, themes, only))
}

async fn practices<C: ConnectionTrait>(
    db: &C,
    themes: &ThemeSlugs,
    only: Option<i32>,
) -> Result<Vec<Document>, DbErr> {
    let mut q = practice::Entity::find()
        .filter(practice::Column::Status.eq(PracticeStatus::Published.code()));
    let mut tq = practice_theme::Entity::find();
    if let Some(id) = only {
        q = q.filter(practice::Column::Id.eq(id));
        tq = tq.filter(practice_theme::Column::PracticeId.eq(id));
    }
    let rows = q.all(db).await?;
    let tags = links_by(tq.all(db).await?, |t| (t.practice_id, t.theme_id), themes);
    Ok(rows
        .into_iter()
        .map(|p| {
            let mut d = Document::new(format!("practice:{}", p.id), "practice")
                .url(format!("/practices/{}", p.id))
                .audience(["public"])
                .languages(split_codes(&p.langs))
                .date(p.published_at.unwrap_or(p.updated_at).timestamp());
            d = add_tr(d, &p.title, title);
            if let Some(s) = &p.summary {
                d = add_tr(d, s, summary);
            }
            for f in TextField::ALL.iter().filter(|f| **f != TextField::Summary) {
                for l in Locale::ALL {
                    if let Some(t) = p.content.text(*f, l) {
                        d = d.body(Some(l.code()), t.to_owned());
                    }
                }
            }
            for extra in [&p.content.city, &p.content.department, &p.content.presenter] {
                if !extra.is_empty() {
                    d = d.body(None, extra.clone());
                }
            }
            if let Some(c) = &p.country_code {
                d = d.countries([c.clone()]);
            }
            if let Some(y) = p.year {
                d = d.year(y);
            }
            d.themes(tags.get(&p.id).cloned().unwrap_or_default())
        })
        .collect())
}

async fn resources<C: ConnectionTrait>(
    db: &C,
    themes: &ThemeSlugs,
    only: Option<i32>,
) -> Result<Vec<Document>, DbErr> {
    let mut q = resource::Entity::find();
    let mut tq = resource_theme::Entity::find();
    let mut cq = resource_country::Entity::find();
    let mut vq = resource_version::Entity::find();
    if let Some(id) = only {
        q = q.filter(resource::Column::Id.eq(id));
        tq = tq.filter(resource_theme::Column::ResourceId.eq(id));
        cq = cq.filter(resource_country::Column::ResourceId.eq(id));
        vq = vq.filter(resource_version::Column::ResourceId.eq(id));
    }
    let rows = q.all(db).await?;
    let tags = links_by(tq.all(db).await?, |t| (t.resource_id, t.theme_id), themes);
    let mut countries: HashMap<i32, Vec<String>> = HashMap::new();
    for c in cq.all(db).await? {
        countries
            .entry(c.resource_id)
            .or_default()
            .push(c.country_code);
    }
    let versions = vq.all(db).await?;
    let shas: Vec<String> = versions
        .iter()
        .filter_map(|v| v.file_sha256.clone())
        .collect();
    let texts: HashMap<String, String> = if shas.is_empty() {
        HashMap::new()
    } else {
        file_object::Entity::find()
            .filter(file_object::Column::Sha256.is_in(shas))
            .all(db)
            .await?
            .into_iter()
            .filter_map(|f| f.text.map(|t| (f.sha256, t)))
            .collect()
    };
    Ok(rows
        .into_iter()
        .map(|r| {
            let mut d = Document::new(format!("resource:{}", r.id), "resource")
                .url(format!("/library/{}", r.id))
                .audience([r.visibility.clone()])
                .date(r.updated_at.timestamp());
            d = add_tr(d, &r.title, title);
            if let Some(s) = &r.summary {
                d = add_tr(d, s, summary);
            }
            if let Some(a) = &r.authors {
                d = d.body(None, a.clone());
            }
            let mut langs = Vec::new();
            for v in versions.iter().filter(|v| v.resource_id == r.id) {
                langs.push(v.lang.clone());
                if let Some(t) = &v.title {
                    d = d.title(Some(&v.lang), t.clone());
                }
                if let Some(text) = v.file_sha256.as_ref().and_then(|s| texts.get(s)) {
                    d = d.body(Some(&v.lang), file_text(text).to_owned());
                }
            }
            if let Some(y) = r.year {
                d = d.year(y);
            }
            d.languages(langs)
                .countries(countries.get(&r.id).cloned().unwrap_or_default())
                .themes(tags.get(&r.id).cloned().unwrap_or_default())
        })
        .collect())
}
