//! What the search index holds for each kind of content: one document per
//! published practice, library resource, event, organisation and
//! municipality, with the readers it is for (`audience`). Built from the
//! database; the search crate knows nothing of these types.

use std::collections::HashMap;

use majlis_search::Document;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::directory::entities::{
    municipality, municipality_theme, organisation, organisation_theme, theme,
};
use crate::events::entities::{event, event_session, event_theme, session_person};
use crate::i18n::{Locale, TrText};
use crate::library::PracticeStatus;
use crate::library::entities::{
    file_object, practice, practice_theme, resource, resource_country, resource_theme,
    resource_version,
};
use crate::library::practices::TextField;

/// The kinds of content search finds (`type` in the API).
pub const KINDS: [&str; 6] = [
    "practice",
    "resource",
    "event",
    "dilemma",
    "organisation",
    "municipality",
];

/// Extracted file text indexed per language version (the rest is not searched).
const MAX_FILE_TEXT: usize = 200_000;

fn add_tr(
    mut doc: Document,
    t: &TrText,
    field: fn(Document, Option<&str>, String) -> Document,
) -> Document {
    for l in t.locales() {
        if let Some(text) = t.get(l) {
            doc = field(doc, Some(l.code()), text.to_owned());
        }
    }
    doc
}

fn title(d: Document, l: Option<&str>, t: String) -> Document {
    d.title(l, t)
}
fn summary(d: Document, l: Option<&str>, t: String) -> Document {
    d.summary(l, t)
}
fn body(d: Document, l: Option<&str>, t: String) -> Document {
    d.body(l, t)
}

use crate::events::rules::split_codes;

/// Theme slugs by id (one query).
pub async fn theme_slugs<C: ConnectionTrait>(db: &C) -> Result<HashMap<i32, String>, DbErr> {
    Ok(theme::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t.slug))
        .collect())
}

/// The document for one changed row (`entity` as written to the outbox).
/// `Ok(None)`: not a kind search holds; `Ok(Some(None))`: nothing of it is
/// to be found any more (deleted, or not published).
pub async fn one<C: ConnectionTrait>(
    db: &C,
    themes: &HashMap<i32, String>,
    entity: &str,
    id: i32,
) -> Result<Option<Option<Document>>, DbErr> {
    let docs = match entity {
        "practice" => practices(db, themes, Some(id)).await?,
        "resource" => resources(db, themes, Some(id)).await?,
        "event" => events(db, themes, Some(id)).await?,
        "dilemma" => dilemmas(db, themes, Some(id)).await?,
        "organisation" => organisations(db, themes, Some(id)).await?,
        "municipality" => municipalities(db, themes, Some(id)).await?,
        _ => return Ok(None),
    };
    Ok(Some(docs.into_iter().next()))
}

/// Every document of every kind (for a rebuild).
pub async fn all<C: ConnectionTrait>(db: &C) -> Result<Vec<Document>, DbErr> {
    let themes = theme_slugs(db).await?;
    let mut out = practices(db, &themes, None).await?;
    out.extend(resources(db, &themes, None).await?);
    out.extend(events(db, &themes, None).await?);
    out.extend(dilemmas(db, &themes, None).await?);
    out.extend(organisations(db, &themes, None).await?);
    out.extend(municipalities(db, &themes, None).await?);
    Ok(out)
}

fn links_by<T>(
    rows: Vec<T>,
    key: impl Fn(&T) -> (i32, i32),
    themes: &HashMap<i32, String>,
) -> HashMap<i32, Vec<String>> {
    let mut out: HashMap<i32, Vec<String>> = HashMap::new();
    for r in rows {
        let (owner, theme) = key(&r);
        if let Some(slug) = themes.get(&theme) {
            out.entry(owner).or_default().push(slug.clone());
        }
    }
    out
}

async fn practices<C: ConnectionTrait>(
    db: &C,
    themes: &HashMap<i32, String>,
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
    themes: &HashMap<i32, String>,
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
                    let cut = text
                        .char_indices()
                        .nth(MAX_FILE_TEXT)
                        .map_or(text.len(), |(i, _)| i);
                    d = d.body(Some(&v.lang), text[..cut].to_owned());
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

async fn events<C: ConnectionTrait>(
    db: &C,
    themes: &HashMap<i32, String>,
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

async fn organisations<C: ConnectionTrait>(
    db: &C,
    themes: &HashMap<i32, String>,
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
    themes: &HashMap<i32, String>,
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

/// Dilemmas that are not drafts: the question, its information, result,
/// answers and visible contributions. A participants-only dilemma is for
/// staff and the people taking part (`person:{id}` audiences).
async fn dilemmas<C: ConnectionTrait>(
    db: &C,
    themes: &HashMap<i32, String>,
    only: Option<i32>,
) -> Result<Vec<Document>, DbErr> {
    use crate::consultations::entities::{
        contribution, dilemma, dilemma_participant, dilemma_theme,
    };
    use crate::consultations::{DilemmaStatus, DilemmaVisibility};
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
