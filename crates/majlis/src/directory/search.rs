//! The directory's part of search: organisations and municipalities as
//! documents ([`ORGANISATIONS`], [`MUNICIPALITIES`]), and the themes every
//! document is tagged with ([`theme_slugs`], [`vocabulary`]), registered at
//! the top.

use majlis_search::{Document, Theme, Vocabulary};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use super::entities::{municipality, municipality_theme, organisation, organisation_theme, theme};
use crate::search::documents::{Loading, Source, ThemeSlugs, add_tr, links_by, summary, title};

pub const ORGANISATIONS: Source = Source {
    kind: "organisation",
    load: load_organisations,
};

pub const MUNICIPALITIES: Source = Source {
    kind: "municipality",
    load: load_municipalities,
};

fn load_organisations<'a>(
    db: &'a DatabaseConnection,
    themes: &'a ThemeSlugs,
    only: Option<i32>,
) -> Loading<'a, Vec<Document>> {
    Box::pin(organisations(db, themes, only))
}

fn load_municipalities<'a>(
    db: &'a DatabaseConnection,
    themes: &'a ThemeSlugs,
    only: Option<i32>,
) -> Loading<'a, Vec<Document>> {
    Box::pin(municipalities(db, themes, only))
}

/// Theme slugs by id (one query).
pub fn theme_slugs(db: &DatabaseConnection) -> Loading<'_, ThemeSlugs> {
    Box::pin(async move {
        Ok(theme::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|t| (t.id, t.slug))
            .collect())
    })
}

/// The theme vocabulary (labels and synonyms in every locale) for search.
pub fn vocabulary() -> Vocabulary {
    let mut v = Vocabulary::new();
    for def in super::reference::theme_defs().unwrap_or_default() {
        let mut t = Theme::new(def.slug);
        for (l, text) in &def.label.values {
            t = t.label(l.code(), text.clone());
        }
        for (l, words) in &def.synonyms {
            for w in words {
                t = t.synonym(l.code(), w.clone());
            }
        }
        v.push(t);
    }
    v
}

async fn organisations<C: ConnectionTrait>(
    db: &C,
    themes: &ThemeSlugs,
    only: Option<i32>,
) -> Result<Vec<Document>, DbErr> {
    let mut q = organisation::Entity::find();
    let mut tq = organisation_theme::Entity::find();
    if let Some(id) = only {
        q = q.filter(organisation::Column::Id.eq(id));
        tq = tq.filter(organisation_theme::Column::OrganisationId.eq(id));
    }
    let rows = q.all(db).await?;
    let tags = links_by(
        tq.all(db).await?,
        |t| (t.organisation_id, t.theme_id),
        themes,
    );
    Ok(rows
        .into_iter()
        .map(|o| {
            let mut d = Document::new(format!("organisation:{}", o.id), "organisation")
                .url(format!("/organisations/{}", o.slug))
                .audience(["public"])
                .languages(o.name.locales().map(|l| l.code().to_owned()))
                .date(o.created_at.timestamp());
            d = add_tr(d, &o.name, title);
            if let Some(a) = &o.acronym {
                d = d.title(None, a.clone());
            }
            if let Some(s) = &o.description {
                d = add_tr(d, s, summary);
            }
            if let Some(c) = &o.country_code {
                d = d.countries([c.clone()]);
            }
            d.themes(tags.get(&o.id).cloned().unwrap_or_default())
        })
        .collect())
}

async fn municipalities<C: ConnectionTrait>(
    db: &C,
    themes: &ThemeSlugs,
    only: Option<i32>,
) -> Result<Vec<Document>, DbErr> {
    let mut q = municipality::Entity::find();
    let mut tq = municipality_theme::Entity::find();
    if let Some(id) = only {
        q = q.filter(municipality::Column::Id.eq(id));
        tq = tq.filter(municipality_theme::Column::MunicipalityId.eq(id));
    }
    let rows = q.all(db).await?;
    let tags = links_by(
        tq.all(db).await?,
        |t| (t.municipality_id, t.theme_id),
        themes,
    );
    Ok(rows
        .into_iter()
        .map(|m| {
            let mut d = Document::new(format!("municipality:{}", m.id), "municipality")
                .url(format!("/municipalities/{}", m.slug))
                .audience(["public"])
                .languages(m.name.locales().map(|l| l.code().to_owned()))
                .countries([m.country_code.clone()])
                .date(m.created_at.timestamp());
            d = add_tr(d, &m.name, title);
            if let Some(r) = &m.region {
                d = d.body(None, r.clone());
            }
            if let Some(s) = &m.profile {
                d = add_tr(d, s, summary);
            }
            d.themes(tags.get(&m.id).cloned().unwrap_or_default())
        })
        .collect())
}
