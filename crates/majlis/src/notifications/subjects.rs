//! What a change is about: for an outbox row of a kind people hear about
//! (practice, resource, event, dilemma, project idea, survey, a published
//! cohesion dashboard), its title and page, who may see
//! it (the audiences of its search document, so the activities' own
//! visibility rules decide), what it is on (themes, municipality,
//! organisation, series) and whether it can itself be followed. Also the
//! names and pages of followed things (`describe`), for the pages and for
//! grouping.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use super::NoticeKind;
use crate::cohesion::entities::setting as cohesion_setting;
use crate::consultations::entities::{dilemma, dilemma_theme};
use crate::directory::entities::{municipality, organisation, theme};
use crate::events::entities::{event, event_organisation, event_series, event_theme};
use crate::follows::{Target, TargetKind};
use crate::i18n::TrText;
use crate::library::entities::{
    practice, practice_theme, resource, resource_organisation, resource_theme,
};
use crate::projects::entities::{project, project_theme};
use crate::search::documents::{Source, ThemeSlugs};
use crate::surveys::entities::{survey, target as survey_target};

/// One object a change is about.
#[derive(Clone, Debug)]
pub struct Subject {
    pub entity: &'static str,
    pub id: i32,
    pub title: TrText,
    pub url: String,
    /// Who may see it, as search documents say it (`public`, `members`,
    /// `staff`, `person:{id}`).
    pub audience: Vec<String>,
    /// What it is on, in the order a notification names them: themes
    /// first, then municipality, organisations, series.
    pub on: Vec<Target>,
    /// The object as a followed thing (a document cannot be followed).
    pub itself: Option<Target>,
    /// What its first appearance is called, and what its later changes are.
    pub new_kind: NoticeKind,
    pub changed_kind: Option<NoticeKind>,
}

/// The audiences of the search document of `id` (`None`: nobody may find
/// it: a draft, deleted, withdrawn).
async fn audience(
    db: &DatabaseConnection,
    source: Source,
    id: i32,
) -> Result<Option<Vec<String>>, DbErr> {
    let none = ThemeSlugs::new();
    let docs = (source.load)(db, &none, Some(id)).await?;
    Ok(docs.into_iter().next().map(|d| d.audience))
}

fn targets(kind: TargetKind, ids: impl IntoIterator<Item = i32>) -> impl Iterator<Item = Target> {
    ids.into_iter().map(move |id| Target::new(kind, id))
}

/// The subject of outbox row (`entity`, `id`), if people hear about that
/// kind and someone may see it now.
pub async fn load(
    db: &DatabaseConnection,
    entity: &str,
    id: i32,
) -> Result<Option<Subject>, DbErr> {
    match entity {
        "practice" => practice_subject(db, id).await,
        "resource" => resource_subject(db, id).await,
        "event" => event_subject(db, id).await,
        "dilemma" => dilemma_subject(db, id).await,
        "project" => project_subject(db, id).await,
        "survey" => survey_subject(db, id).await,
        "cohesion-setting" => cohesion_subject(db, id).await,
        _ => Ok(None),
    }
}

async fn practice_subject(db: &DatabaseConnection, id: i32) -> Result<Option<Subject>, DbErr> {
    let Some(audience) = audience(db, crate::library::search::PRACTICES, id).await? else {
        return Ok(None);
    };
    let Some(p) = practice::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let themes = practice_theme::Entity::find()
        .filter(practice_theme::Column::PracticeId.eq(id))
        .all(db)
        .await?;
    let mut on: Vec<Target> =
        targets(TargetKind::Theme, themes.iter().map(|t| t.theme_id)).collect();
    on.extend(targets(TargetKind::Municipality, p.municipality_id));
    on.extend(targets(TargetKind::Organisation, p.organisation_id));
    Ok(Some(Subject {
        entity: "practice",
        id,
        title: p.title,
        url: format!("/practices/{id}"),
        audience,
        on,
        itself: Some(Target::new(TargetKind::Practice, id)),
        new_kind: NoticeKind::PracticeNew,
        changed_kind: Some(NoticeKind::PracticeChanged),
    }))
}

async fn resource_subject(db: &DatabaseConnection, id: i32) -> Result<Option<Subject>, DbErr> {
    let Some(audience) = audience(db, crate::library::search::RESOURCES, id).await? else {
        return Ok(None);
    };
    let Some(r) = resource::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let themes = resource_theme::Entity::find()
        .filter(resource_theme::Column::ResourceId.eq(id))
        .all(db)
        .await?;
    let orgs = resource_organisation::Entity::find()
        .filter(resource_organisation::Column::ResourceId.eq(id))
        .all(db)
        .await?;
    let mut on: Vec<Target> =
        targets(TargetKind::Theme, themes.iter().map(|t| t.theme_id)).collect();
    on.extend(targets(
        TargetKind::Organisation,
        orgs.iter().map(|o| o.organisation_id),
    ));
    Ok(Some(Subject {
        entity: "resource",
        id,
        title: r.title,
        url: format!("/library/{id}"),
        audience,
        on,
        itself: None,
        new_kind: NoticeKind::ResourceNew,
        changed_kind: None,
    }))
}

async fn event_subject(db: &DatabaseConnection, id: i32) -> Result<Option<Subject>, DbErr> {
    let Some(audience) = audience(db, crate::events::search::EVENTS, id).await? else {
        return Ok(None);
    };
    let Some(e) = event::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let themes = event_theme::Entity::find()
        .filter(event_theme::Column::EventId.eq(id))
        .all(db)
        .await?;
    let orgs = event_organisation::Entity::find()
        .filter(event_organisation::Column::EventId.eq(id))
        .all(db)
        .await?;
    let mut on: Vec<Target> =
        targets(TargetKind::Theme, themes.iter().map(|t| t.theme_id)).collect();
    on.extend(targets(
        TargetKind::Organisation,
        orgs.iter().map(|o| o.organisation_id),
    ));
    on.extend(targets(TargetKind::Series, e.series_id));
    Ok(Some(Subject {
        entity: "event",
        id,
        title: e.title,
        url: format!("/events/{}", e.slug),
        audience,
        on,
        itself: Some(Target::new(TargetKind::Event, id)),
        new_kind: NoticeKind::EventNew,
        changed_kind: Some(NoticeKind::EventChanged),
    }))
}

async fn dilemma_subject(db: &DatabaseConnection, id: i32) -> Result<Option<Subject>, DbErr> {
    let Some(audience) = audience(db, crate::consultations::search::DILEMMAS, id).await? else {
        return Ok(None);
    };
    let Some(d) = dilemma::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let themes = dilemma_theme::Entity::find()
        .filter(dilemma_theme::Column::DilemmaId.eq(id))
        .all(db)
        .await?;
    let mut on: Vec<Target> =
        targets(TargetKind::Theme, themes.iter().map(|t| t.theme_id)).collect();
    on.extend(targets(TargetKind::Municipality, d.municipality_id));
    on.extend(targets(TargetKind::Organisation, d.organisation_id));
    Ok(Some(Subject {
        entity: "dilemma",
        id,
        title: d.question,
        url: format!("/consultations/{}", d.slug),
        audience,
        on,
        itself: Some(Target::new(TargetKind::Dilemma, id)),
        new_kind: NoticeKind::DilemmaNew,
        changed_kind: Some(NoticeKind::DilemmaChanged),
    }))
}

async fn project_subject(db: &DatabaseConnection, id: i32) -> Result<Option<Subject>, DbErr> {
    let Some(audience) = audience(db, crate::projects::search::PROJECTS, id).await? else {
        return Ok(None);
    };
    let Some(p) = project::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let themes = project_theme::Entity::find()
        .filter(project_theme::Column::ProjectId.eq(id))
        .all(db)
        .await?;
    let mut on: Vec<Target> =
        targets(TargetKind::Theme, themes.iter().map(|t| t.theme_id)).collect();
    on.push(Target::new(
        TargetKind::Municipality,
        p.lead_municipality_id,
    ));
    Ok(Some(Subject {
        entity: "project",
        id,
        title: p.title,
        url: format!("/projects/{}", p.slug),
        audience,
        on,
        itself: None,
        new_kind: NoticeKind::ProjectNew,
        changed_kind: None,
    }))
}

/// A survey is news for the followers of the municipalities it asks once
/// its campaign leaves the draft (its search document exists from then).
async fn survey_subject(db: &DatabaseConnection, id: i32) -> Result<Option<Subject>, DbErr> {
    let Some(audience) = audience(db, crate::surveys::search::SURVEYS, id).await? else {
        return Ok(None);
    };
    let Some(s) = survey::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let asked = survey_target::Entity::find()
        .filter(survey_target::Column::SurveyId.eq(id))
        .all(db)
        .await?;
    let on = targets(
        TargetKind::Municipality,
        asked.iter().map(|t| t.municipality_id),
    )
    .collect();
    Ok(Some(Subject {
        entity: "survey",
        id,
        title: s.title,
        url: format!("/surveys/{}", s.slug),
        audience,
        on,
        itself: None,
        new_kind: NoticeKind::SurveyNew,
        changed_kind: None,
    }))
}

/// A municipality's cohesion dashboard (the outbox row's id is the
/// municipality's): news once published, which lets everyone read it
/// (`policy`: `ViewCohesion`); unpublished, only its focal points and staff
/// may, and nobody is told.
async fn cohesion_subject(db: &DatabaseConnection, id: i32) -> Result<Option<Subject>, DbErr> {
    let published = cohesion_setting::Entity::find_by_id(id)
        .one(db)
        .await?
        .is_some_and(|s| s.published);
    let visitor = crate::policy::CohesionRef::for_actor(None, published, id);
    if !crate::policy::can(None, crate::policy::Action::ViewCohesion(visitor)) {
        return Ok(None);
    }
    let Some(m) = municipality::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    Ok(Some(Subject {
        entity: "cohesion-setting",
        id,
        title: m.name,
        url: format!("/municipalities/{}/cohesion", m.slug),
        audience: vec!["public".to_owned(), "members".to_owned()],
        on: vec![Target::new(TargetKind::Municipality, id)],
        itself: None,
        new_kind: NoticeKind::CohesionPublished,
        changed_kind: None,
    }))
}

/// A followed thing's name and page.
#[derive(Clone, Debug)]
pub struct Described {
    pub title: TrText,
    pub url: String,
}

/// The names and pages of `targets`: one query per kind among them (at
/// most seven, whatever their number). Things gone are left out.
pub async fn describe<C: sea_orm::ConnectionTrait>(
    db: &C,
    targets: &[Target],
) -> Result<HashMap<Target, Described>, DbErr> {
    let mut out = HashMap::new();
    let ids = |kind: TargetKind| -> Vec<i32> {
        targets
            .iter()
            .filter(|t| t.kind == kind)
            .map(|t| t.id)
            .collect()
    };
    let mut put = |kind: TargetKind, id: i32, title: TrText, url: String| {
        out.insert(Target::new(kind, id), Described { title, url });
    };
    for kind in TargetKind::ALL {
        let ids = ids(kind);
        if ids.is_empty() {
            continue;
        }
        match kind {
            TargetKind::Theme => {
                for t in theme::Entity::find()
                    .filter(theme::Column::Id.is_in(ids))
                    .all(db)
                    .await?
                {
                    put(kind, t.id, t.label, format!("/search?theme={}", t.slug));
                }
            }
            TargetKind::Municipality => {
                for m in municipality::Entity::find()
                    .filter(municipality::Column::Id.is_in(ids))
                    .all(db)
                    .await?
                {
                    put(kind, m.id, m.name, format!("/municipalities/{}", m.slug));
                }
            }
            TargetKind::Organisation => {
                for o in organisation::Entity::find()
                    .filter(organisation::Column::Id.is_in(ids))
                    .all(db)
                    .await?
                {
                    put(kind, o.id, o.name, format!("/organisations/{}", o.slug));
                }
            }
            TargetKind::Series => {
                for s in event_series::Entity::find()
                    .filter(event_series::Column::Id.is_in(ids))
                    .all(db)
                    .await?
                {
                    put(
                        kind,
                        s.id,
                        s.title,
                        format!("/events?series={}&when=all", s.slug),
                    );
                }
            }
            TargetKind::Event => {
                for e in event::Entity::find()
                    .filter(event::Column::Id.is_in(ids))
                    .all(db)
                    .await?
                {
                    put(kind, e.id, e.title, format!("/events/{}", e.slug));
                }
            }
            TargetKind::Dilemma => {
                for d in dilemma::Entity::find()
                    .filter(dilemma::Column::Id.is_in(ids))
                    .all(db)
                    .await?
                {
                    put(kind, d.id, d.question, format!("/consultations/{}", d.slug));
                }
            }
            TargetKind::Practice => {
                for p in practice::Entity::find()
                    .filter(practice::Column::Id.is_in(ids))
                    .all(db)
                    .await?
                {
                    put(kind, p.id, p.title, format!("/practices/{}", p.id));
                }
            }
        }
    }
    Ok(out)
}
