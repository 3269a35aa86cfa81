//! Reading project ideas: who may read one is decided in the query (lists
//! never count what the reader may not see), the list with its filters, and
//! one idea with its partners and history in a fixed number of queries.

pub mod partners;
pub mod save;
pub mod suggest;

use std::collections::{BTreeSet, HashMap};

use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};

use super::entities::{partner, partner_step, project, project_theme, version};
use super::error::ProjectError;
use super::{PartnerStep, PartnershipStatus, ProjectStatus, ProjectVisibility, codes_of};
use crate::accounts::{affiliation, person};
use crate::consultations::entities::dilemma;
use crate::db::list::ListQuery;
use crate::directory::entities::{municipality, theme};
use crate::directory::reference::Reference;
use crate::directory::rules::{CountryCode, Slug, on_theme};
use crate::fields::paging::{Page, PageRequest};
use crate::library::visible_codes;
use crate::policy::{Action, Actor, ProjectRef, can};

/// The filters of `/projects`.
#[derive(Clone, Debug, Default)]
pub struct ProjectFilter {
    pub status: Option<ProjectStatus>,
    pub theme: Option<Slug>,
    /// The lead municipality's country.
    pub country: Option<CountryCode>,
}

impl project::Model {
    pub fn status(&self) -> ProjectStatus {
        ProjectStatus::from_code(&self.status).unwrap_or(ProjectStatus::Idea)
    }

    pub fn visibility(&self) -> ProjectVisibility {
        ProjectVisibility::from_code(&self.visibility).unwrap_or(ProjectVisibility::Participants)
    }

    pub fn funded_countries(&self) -> BTreeSet<String> {
        codes_of(&self.programme_countries)
    }
}

fn affiliated(person_id: i32) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(affiliation::Column::MunicipalityId)
        .from(affiliation::Entity)
        .and_where(affiliation::Column::PersonId.eq(person_id))
        .and_where(affiliation::Column::MunicipalityId.is_not_null())
        .to_owned()
}

/// The condition that keeps only the ideas `actor` may read: public and
/// members-only ones as the policy allows, and participants-only ones for
/// staff, the people of the lead and of invited or accepted partners, and
/// whoever wrote the idea.
pub fn readable(actor: Option<&Actor>) -> Condition {
    if actor.is_some_and(|a| a.is_staff()) {
        return Condition::all();
    }
    let mut c = Condition::any().add(project::Column::Visibility.is_in(visible_codes(actor)));
    if let Some(a) = actor {
        let partners = Query::select()
            .column(partner::Column::ProjectId)
            .from(partner::Entity)
            .and_where(partner::Column::Status.is_in([
                PartnershipStatus::Invited.code(),
                PartnershipStatus::Accepted.code(),
            ]))
            .and_where(partner::Column::MunicipalityId.in_subquery(affiliated(a.person_id)))
            .to_owned();
        c = c
            .add(project::Column::LeadMunicipalityId.in_subquery(affiliated(a.person_id)))
            .add(project::Column::Id.in_subquery(partners))
            .add(project::Column::CreatedBy.eq(a.person_id));
    }
    c
}

/// An idea as lists show it.
#[derive(Clone, Debug)]
pub struct ProjectCard {
    pub p: project::Model,
    pub status: ProjectStatus,
    pub lead: Option<municipality::Model>,
    pub themes: Vec<theme::Model>,
}

/// One page of ideas the reader may see, newest first: three queries
/// (the page, its themes, its lead municipalities) whatever its length.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    actor: Option<&Actor>,
    f: &ProjectFilter,
    page: PageRequest,
) -> Result<Page<ProjectCard>, DbErr> {
    use project::Column as P;
    let rows: Page<project::Model> =
        ListQuery::new(project::Entity::find().filter(readable(actor)))
            .filter_by(f.status, |s| P::Status.eq(s.code()))
            .filter_by(f.country.as_ref(), |c| {
                P::LeadMunicipalityId.in_subquery(
                    Query::select()
                        .column(municipality::Column::Id)
                        .from(municipality::Entity)
                        .and_where(municipality::Column::CountryCode.eq(c.as_str()))
                        .to_owned(),
                )
            })
            .filter_known(f.theme.as_ref(), |slug| {
                on_theme(
                    reference,
                    slug,
                    P::Id,
                    project_theme::Column::ProjectId,
                    project_theme::Column::ThemeId,
                )
            })
            .page(db, page, |q| {
                q.order_by_desc(P::CreatedAt).order_by_asc(P::Id)
            })
            .await?;
    cards(db, reference, rows).await
}

async fn cards<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    rows: Page<project::Model>,
) -> Result<Page<ProjectCard>, DbErr> {
    let ids: Vec<i32> = rows.items.iter().map(|p| p.id).collect();
    let leads: Vec<i32> = rows.items.iter().map(|p| p.lead_municipality_id).collect();
    let themes = themes_of(db, &ids).await?;
    let towns: HashMap<i32, municipality::Model> = if leads.is_empty() {
        HashMap::new()
    } else {
        municipality::Entity::find()
            .filter(municipality::Column::Id.is_in(leads))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m))
            .collect()
    };
    Ok(rows.map(|p| ProjectCard {
        status: p.status(),
        lead: towns.get(&p.lead_municipality_id).cloned(),
        themes: themes
            .get(&p.id)
            .into_iter()
            .flatten()
            .filter_map(|id| reference.theme(*id).cloned())
            .collect(),
        p,
    }))
}

/// The theme ids of each idea (one query; none for no ideas).
pub async fn themes_of<C: ConnectionTrait>(
    db: &C,
    ids: &[i32],
) -> Result<HashMap<i32, BTreeSet<i32>>, DbErr> {
    let mut out: HashMap<i32, BTreeSet<i32>> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    for t in project_theme::Entity::find()
        .filter(project_theme::Column::ProjectId.is_in(ids.to_vec()))
        .all(db)
        .await?
    {
        out.entry(t.project_id).or_default().insert(t.theme_id);
    }
    Ok(out)
}

/// The municipalities a person is affiliated with (one query; none for a visitor).
pub async fn municipalities_of<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
) -> Result<Vec<i32>, DbErr> {
    let Some(a) = actor else {
        return Ok(Vec::new());
    };
    Ok(affiliation::Entity::find()
        .filter(affiliation::Column::PersonId.eq(a.person_id))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|r| r.municipality_id)
        .collect())
}

/// What the policy needs to know of `p`, for someone affiliated with `mine`.
pub fn project_ref(
    p: &project::Model,
    actor: Option<&Actor>,
    mine: &[i32],
    partners: &[partner::Model],
) -> ProjectRef {
    let lead_member = mine.contains(&p.lead_municipality_id);
    let partner = partners.iter().any(|r| {
        mine.contains(&r.municipality_id)
            && PartnershipStatus::from_code(&r.status).is_some_and(|s| s.is_current())
    });
    let author = actor.is_some_and(|a| p.created_by == Some(a.person_id));
    ProjectRef {
        audience: p.visibility().audience(),
        lead_member,
        participant: lead_member || partner || author,
    }
}

/// One step of a partnership as the page shows it.
#[derive(Clone, Debug)]
pub struct HistoryLine {
    pub step: PartnerStep,
    pub municipality: Option<municipality::Model>,
    pub person: Option<String>,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// A partner as the page shows it.
#[derive(Clone, Debug)]
pub struct PartnerLine {
    pub municipality: municipality::Model,
    pub status: PartnershipStatus,
}

/// An idea with everything its page shows.
#[derive(Clone, Debug)]
pub struct ProjectDetail {
    pub p: project::Model,
    pub r: ProjectRef,
    pub status: ProjectStatus,
    pub themes: BTreeSet<i32>,
    pub lead: Option<municipality::Model>,
    pub partners: Vec<PartnerLine>,
    pub history: Vec<HistoryLine>,
    /// The municipalities the reader is affiliated with.
    pub mine: Vec<i32>,
    pub versions: usize,
    pub event: Option<crate::events::entities::event::Model>,
    /// Later events it was worked on at, among those the reader may see.
    pub followups: Vec<crate::events::entities::event::Model>,
    pub followup_ids: BTreeSet<i32>,
    pub session: Option<crate::events::entities::event_session::Model>,
    pub dilemma: Option<crate::consultations::entities::dilemma::Model>,
    /// The network it was imported from (`majlis import`), if any.
    pub imported_from: Option<String>,
}

/// An idea by slug with the reader's tie to it, if the reader may see it:
/// a fixed number of queries (the idea, the reader's affiliations, themes,
/// partners, history, the municipalities and people they name, versions,
/// and the event, session and consultation it came from).
pub async fn find<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
    slug: &str,
) -> Result<ProjectDetail, ProjectError> {
    let q = project::Entity::find().filter(project::Column::Slug.eq(slug));
    let found = crate::db::provenance::one_sourced(db, q, "project")
        .await?
        .ok_or(ProjectError::NotFound)?;
    let (p, imported_from) = (found.item, found.imported_from);
    let mine = municipalities_of(db, actor).await?;
    let partner_rows = partner::Entity::find()
        .filter(partner::Column::ProjectId.eq(p.id))
        .order_by_asc(partner::Column::UpdatedAt)
        .all(db)
        .await?;
    let r = project_ref(&p, actor, &mine, &partner_rows);
    if !can(actor, Action::ViewProject(r)) {
        return Err(ProjectError::NotFound);
    }
    let themes = themes_of(db, &[p.id])
        .await?
        .remove(&p.id)
        .unwrap_or_default();
    let steps = partner_step::Entity::find()
        .filter(partner_step::Column::ProjectId.eq(p.id))
        .order_by_asc(partner_step::Column::At)
        .order_by_asc(partner_step::Column::Id)
        .all(db)
        .await?;
    let mut town_ids: BTreeSet<i32> = partner_rows.iter().map(|r| r.municipality_id).collect();
    town_ids.insert(p.lead_municipality_id);
    town_ids.extend(steps.iter().map(|s| s.municipality_id));
    let towns: HashMap<i32, municipality::Model> = municipality::Entity::find()
        .filter(municipality::Column::Id.is_in(town_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    let people: BTreeSet<i32> = steps.iter().filter_map(|s| s.person_id).collect();
    let names: HashMap<i32, String> = if people.is_empty() {
        HashMap::new()
    } else {
        person::Entity::find()
            .filter(person::Column::Id.is_in(people))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p.display_name))
            .collect()
    };
    let versions = version::Entity::find()
        .filter(version::Column::ProjectId.eq(p.id))
        .all(db)
        .await?
        .len();
    let event = match p.event_id {
        Some(id) => crate::events::entities::event::Entity::find_by_id(id)
            .one(db)
            .await?
            .filter(|e| visible_codes(actor).contains(&e.visibility.as_str())),
        None => None,
    };
    let followup_ids = save::followups_of(db, p.id).await?;
    let followups = if followup_ids.is_empty() {
        Vec::new()
    } else {
        crate::events::entities::event::Entity::find()
            .filter(crate::events::entities::event::Column::Id.is_in(followup_ids.clone()))
            .order_by_asc(crate::events::entities::event::Column::StartsAt)
            .all(db)
            .await?
            .into_iter()
            .filter(|e| visible_codes(actor).contains(&e.visibility.as_str()))
            .collect()
    };
    let session = match (p.session_id, &event) {
        (Some(id), Some(_)) => {
            crate::events::entities::event_session::Entity::find_by_id(id)
                .one(db)
                .await?
        }
        _ => None,
    };
    let dilemma = match p.dilemma_id {
        Some(id) => {
            dilemma::Entity::find_by_id(id)
                .filter(crate::consultations::rules::readable(actor))
                .one(db)
                .await?
        }
        None => None,
    };
    Ok(ProjectDetail {
        status: p.status(),
        lead: towns.get(&p.lead_municipality_id).cloned(),
        partners: partner_rows
            .iter()
            .filter_map(|r| {
                Some(PartnerLine {
                    municipality: towns.get(&r.municipality_id)?.clone(),
                    status: PartnershipStatus::from_code(&r.status)?,
                })
            })
            .collect(),
        history: steps
            .into_iter()
            .filter_map(|s| {
                Some(HistoryLine {
                    step: PartnerStep::from_code(&s.step)?,
                    municipality: towns.get(&s.municipality_id).cloned(),
                    person: s
                        .person_id
                        .and_then(|id| names.get(&id).cloned())
                        .or_else(|| s.person_name.clone()),
                    at: s.at,
                })
            })
            .collect(),
        themes,
        mine,
        versions,
        event,
        followups,
        followup_ids,
        session,
        dilemma,
        imported_from,
        r,
        p,
    })
}

/// The municipalities an editor may invite to `d`: all but the lead and
/// current partners, by name (slug, name).
pub async fn invite_choices<C: ConnectionTrait>(
    db: &C,
    d: &ProjectDetail,
    locale: crate::i18n::Locale,
) -> Result<Vec<(String, String)>, DbErr> {
    let taken: BTreeSet<i32> = d
        .partners
        .iter()
        .filter(|p| p.status.is_current())
        .map(|p| p.municipality.id)
        .chain([d.p.lead_municipality_id])
        .collect();
    let mut out: Vec<(String, String)> = municipality::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .filter(|m| !taken.contains(&m.id))
        .map(|m| (m.slug, m.name.text(locale).to_owned()))
        .collect();
    locale.sort_by_name(&mut out, |r| &r.1);
    Ok(out)
}
