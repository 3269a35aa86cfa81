//! A dilemma's page in a fixed number of queries: its contributions,
//! participants, links to the library and events, and its joint results.

use std::collections::HashMap;

use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use super::list::{find_sourced, presenter_of, readable};
use super::{names_of, themes_of};
use crate::consultations::entities::{
    contribution, contribution_report, dilemma, dilemma_participant,
};
use crate::consultations::{
    ContributionKind, DilemmaStatus, DilemmaVisibility, HelpSought, ParticipantRole,
};
use crate::directory::entities::{municipality, organisation, theme};
use crate::directory::reference::Reference;
use crate::events::entities::{event, event_session};
use crate::i18n::TrText;
use crate::library::entities::{practice, resource};
use crate::library::{PracticeStatus, visible_codes};
use crate::policy::{Actor, DilemmaPart, DilemmaRef};

/// A contribution as the dilemma page shows it.
#[derive(Clone, Debug)]
pub struct ContributionView {
    pub c: contribution::Model,
    pub kind: ContributionKind,
    pub author: String,
    /// Translation id when the author is not a name (a former member).
    pub author_is_former: bool,
    pub practice: Option<(i32, TrText)>,
    pub resource: Option<(i32, TrText)>,
    pub reports: usize,
}

/// A participant as the page lists them.
#[derive(Clone, Debug)]
pub struct ParticipantView {
    pub person_id: i32,
    pub name: String,
    pub role: ParticipantRole,
}

/// Everything the dilemma page shows: a fixed number of queries whatever
/// the number of contributions.
#[derive(Clone, Debug)]
pub struct DilemmaDetail {
    pub d: dilemma::Model,
    pub status: DilemmaStatus,
    pub visibility: DilemmaVisibility,
    pub help: Vec<HelpSought>,
    pub r: DilemmaRef,
    pub presenter: String,
    /// The presenter deleted their account (their dilemma stays).
    pub presenter_former: bool,
    pub themes: Vec<theme::Model>,
    pub municipality: Option<municipality::Model>,
    pub organisation: Option<organisation::Model>,
    pub contributions: Vec<ContributionView>,
    pub participants: Vec<ParticipantView>,
    pub event: Option<event::Model>,
    pub session: Option<event_session::Model>,
    /// Discussed together with it (the lead first when this one follows).
    pub joint: Vec<dilemma::Model>,
    /// The result shown: its own, or the lead's when discussed together.
    pub result: Option<TrText>,
    /// The network it was imported from (`majlis import`), if any; read
    /// for its own page only ([`page`]).
    pub imported_from: Option<String>,
}

impl DilemmaDetail {
    pub fn questions(&self) -> impl Iterator<Item = &ContributionView> {
        self.contributions
            .iter()
            .filter(|c| c.kind == ContributionKind::Question)
    }

    pub fn others(&self) -> impl Iterator<Item = &ContributionView> {
        self.contributions
            .iter()
            .filter(|c| c.kind != ContributionKind::Question)
    }

    /// Questions still waiting for the presenter's answer.
    pub fn unanswered(&self) -> usize {
        self.questions()
            .filter(|c| c.c.answer.is_none() && !c.c.hidden)
            .count()
    }
}

/// A dilemma's own page, by slug, if `actor` may read it: its detail and
/// where it was imported from (read with the dilemma, no query more).
pub async fn page<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    actor: Option<&Actor>,
    slug: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Option<DilemmaDetail>, DbErr> {
    let Some((d, r, imported_from)) = find_sourced(db, actor, slug, now).await? else {
        return Ok(None);
    };
    let mut page = detail(db, reference, actor, d, r).await?;
    page.imported_from = imported_from;
    Ok(Some(page))
}

pub async fn detail<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    actor: Option<&Actor>,
    d: dilemma::Model,
    r: DilemmaRef,
) -> Result<DilemmaDetail, DbErr> {
    let mut all = details(db, reference, actor, vec![(d, r)]).await?;
    Ok(all.remove(0))
}

/// The actor's part in each of `rows` (one query, none for visitors).
pub async fn parts_of<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
    rows: &[dilemma::Model],
) -> Result<HashMap<i32, DilemmaPart>, DbErr> {
    let mut out = HashMap::new();
    let Some(a) = actor else { return Ok(out) };
    if rows.is_empty() {
        return Ok(out);
    }
    for p in dilemma_participant::Entity::find()
        .filter(dilemma_participant::Column::PersonId.eq(a.person_id))
        .filter(
            dilemma_participant::Column::DilemmaId
                .is_in(rows.iter().map(|d| d.id).collect::<Vec<_>>()),
        )
        .all(db)
        .await?
    {
        if let Some(part) = ParticipantRole::from_code(&p.role).map(|r| match r {
            ParticipantRole::Presenter => DilemmaPart::Presenter,
            ParticipantRole::Rapporteur => DilemmaPart::Rapporteur,
            ParticipantRole::Invited => DilemmaPart::Invited,
        }) {
            out.insert(p.dilemma_id, part);
        }
    }
    for d in rows {
        if d.presenter_id == Some(a.person_id) || d.created_by == Some(a.person_id) {
            out.insert(d.id, DilemmaPart::Presenter);
        }
    }
    Ok(out)
}

pub(super) fn by_id<T>(rows: Vec<T>, id: impl Fn(&T) -> i32) -> HashMap<i32, T> {
    rows.into_iter().map(|r| (id(&r), r)).collect()
}

/// Several dilemmas as their pages show them, in a fixed number of queries
/// whatever their number and the number of their contributions.
///
/// About 100 lines: the loads are in `Links`, `Places` and `joint_of`; what
/// remains is one struct literal per dilemma, kept whole so each field of
/// [`DilemmaDetail`] is seen beside where it comes from.
pub async fn details<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    actor: Option<&Actor>,
    rows: Vec<(dilemma::Model, DilemmaRef)>,
) -> Result<Vec<DilemmaDetail>, DbErr> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let staff = actor.is_some_and(|a| a.is_staff());
    let ids: Vec<i32> = rows.iter().map(|(d, _)| d.id).collect();
    let mut themes = themes_of(db, reference, &ids).await?;
    let mut cq =
        contribution::Entity::find().filter(contribution::Column::DilemmaId.is_in(ids.clone()));
    if !staff {
        cq = cq.filter(contribution::Column::Hidden.eq(false));
    }
    let contributions = cq
        .order_by_asc(contribution::Column::Position)
        .order_by_asc(contribution::Column::Id)
        .all(db)
        .await?;
    let participants = dilemma_participant::Entity::find()
        .filter(dilemma_participant::Column::DilemmaId.is_in(ids.clone()))
        .order_by_asc(dilemma_participant::Column::CreatedAt)
        .all(db)
        .await?;
    let names = names_of(
        db,
        contributions
            .iter()
            .filter_map(|c| c.author_id)
            .chain(participants.iter().map(|p| p.person_id))
            .chain(rows.iter().filter_map(|(d, _)| d.presenter_id)),
    )
    .await?;
    let links = Links::load(db, actor, staff, &contributions).await?;
    let places = Places::load(db, actor, &rows).await?;
    let joint_rows = joint_of(db, actor, &rows).await?;
    let mut said: HashMap<i32, Vec<contribution::Model>> = HashMap::new();
    for c in contributions {
        said.entry(c.dilemma_id).or_default().push(c);
    }
    let mut taking_part: HashMap<i32, Vec<dilemma_participant::Model>> = HashMap::new();
    for p in participants {
        taking_part.entry(p.dilemma_id).or_default().push(p);
    }
    Ok(rows
        .into_iter()
        .map(|(d, r)| {
            let (joint, result) = joint_and_result(&d, &joint_rows);
            let session = d.session_id.and_then(|s| places.sessions.get(&s).cloned());
            let event = session
                .as_ref()
                .and_then(|s| places.events.get(&s.event_id).cloned());
            DilemmaDetail {
                status: DilemmaStatus::from_code(&d.status).unwrap_or(DilemmaStatus::Draft),
                visibility: DilemmaVisibility::from_code(&d.visibility)
                    .unwrap_or(DilemmaVisibility::Participants),
                help: crate::events::rules::split_codes(&d.help_sought)
                    .into_iter()
                    .filter_map(|c| HelpSought::from_code(&c))
                    .collect(),
                r,
                presenter: presenter_of(&d, &names),
                presenter_former: d.presenter_id.is_none()
                    && d.presenter_name.is_none()
                    && d.created_by.is_none(),
                themes: themes.remove(&d.id).unwrap_or_default(),
                municipality: d
                    .municipality_id
                    .and_then(|m| places.munis.get(&m).cloned()),
                organisation: d.organisation_id.and_then(|o| places.orgs.get(&o).cloned()),
                contributions: said
                    .remove(&d.id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|c| links.view(c, &names))
                    .collect(),
                participants: taking_part
                    .remove(&d.id)
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|p| {
                        Some(ParticipantView {
                            name: names.get(&p.person_id)?.clone(),
                            person_id: p.person_id,
                            role: ParticipantRole::from_code(&p.role)?,
                        })
                    })
                    .collect(),
                event,
                session,
                joint,
                result,
                imported_from: None,
                d,
            }
        })
        .collect())
}

/// What contributions link (practice and document titles the reader may
/// see) and, for staff, their open reports.
pub(super) struct Links {
    practices: HashMap<i32, TrText>,
    resources: HashMap<i32, TrText>,
    reports: HashMap<i32, usize>,
}

impl Links {
    /// Three queries at most (none when nothing is linked or reported).
    pub(super) async fn load<C: ConnectionTrait>(
        db: &C,
        actor: Option<&Actor>,
        staff: bool,
        contributions: &[contribution::Model],
    ) -> Result<Self, DbErr> {
        let practice_ids: Vec<i32> = contributions.iter().filter_map(|c| c.practice_id).collect();
        let practices: HashMap<i32, TrText> = if practice_ids.is_empty() {
            HashMap::new()
        } else {
            practice::Entity::find()
                .filter(practice::Column::Id.is_in(practice_ids))
                .filter(practice::Column::Status.is_in([
                    PracticeStatus::Published.code(),
                    PracticeStatus::Archived.code(),
                ]))
                .all(db)
                .await?
                .into_iter()
                .map(|p| (p.id, p.title))
                .collect()
        };
        let resource_ids: Vec<i32> = contributions.iter().filter_map(|c| c.resource_id).collect();
        let resources: HashMap<i32, TrText> = if resource_ids.is_empty() {
            HashMap::new()
        } else {
            resource::Entity::find()
                .filter(resource::Column::Id.is_in(resource_ids))
                .filter(resource::Column::Visibility.is_in(visible_codes(actor)))
                .all(db)
                .await?
                .into_iter()
                .map(|r| (r.id, r.title))
                .collect()
        };
        let mut reports: HashMap<i32, usize> = HashMap::new();
        if staff && !contributions.is_empty() {
            for rep in contribution_report::Entity::find()
                .filter(
                    contribution_report::Column::ContributionId
                        .is_in(contributions.iter().map(|c| c.id).collect::<Vec<_>>()),
                )
                .filter(contribution_report::Column::HandledAt.is_null())
                .all(db)
                .await?
            {
                *reports.entry(rep.contribution_id).or_insert(0) += 1;
            }
        }
        Ok(Links {
            practices,
            resources,
            reports,
        })
    }

    /// `c` as the page shows it, its author named from `names`.
    pub(super) fn view(
        &self,
        c: contribution::Model,
        names: &HashMap<i32, String>,
    ) -> ContributionView {
        let named = c.author_id.and_then(|id| names.get(&id).cloned());
        let author_is_former = named.is_none() && c.author_name.is_none();
        ContributionView {
            kind: ContributionKind::from_code(&c.kind).unwrap_or(ContributionKind::Idea),
            author: named.or_else(|| c.author_name.clone()).unwrap_or_default(),
            author_is_former,
            practice: c
                .practice_id
                .and_then(|id| self.practices.get(&id).map(|t| (id, t.clone()))),
            resource: c
                .resource_id
                .and_then(|id| self.resources.get(&id).map(|t| (id, t.clone()))),
            reports: self.reports.get(&c.id).copied().unwrap_or(0),
            c,
        }
    }
}

/// Where dilemmas come from and were discussed: municipalities,
/// organisations, clinic sessions and their events (those the reader may see).
pub(super) struct Places {
    munis: HashMap<i32, municipality::Model>,
    orgs: HashMap<i32, organisation::Model>,
    sessions: HashMap<i32, event_session::Model>,
    events: HashMap<i32, event::Model>,
}

impl Places {
    /// Four queries at most (none for what no dilemma names).
    pub(super) async fn load<C: ConnectionTrait>(
        db: &C,
        actor: Option<&Actor>,
        rows: &[(dilemma::Model, DilemmaRef)],
    ) -> Result<Self, DbErr> {
        let muni_ids: Vec<i32> = rows.iter().filter_map(|(d, _)| d.municipality_id).collect();
        let munis = if muni_ids.is_empty() {
            HashMap::new()
        } else {
            by_id(
                municipality::Entity::find()
                    .filter(municipality::Column::Id.is_in(muni_ids))
                    .all(db)
                    .await?,
                |m| m.id,
            )
        };
        let org_ids: Vec<i32> = rows.iter().filter_map(|(d, _)| d.organisation_id).collect();
        let orgs = if org_ids.is_empty() {
            HashMap::new()
        } else {
            by_id(
                organisation::Entity::find()
                    .filter(organisation::Column::Id.is_in(org_ids))
                    .all(db)
                    .await?,
                |o| o.id,
            )
        };
        let session_ids: Vec<i32> = rows.iter().filter_map(|(d, _)| d.session_id).collect();
        let sessions = if session_ids.is_empty() {
            HashMap::new()
        } else {
            by_id(
                event_session::Entity::find()
                    .filter(event_session::Column::Id.is_in(session_ids))
                    .all(db)
                    .await?,
                |s| s.id,
            )
        };
        let event_ids: Vec<i32> = sessions.values().map(|s| s.event_id).collect();
        let events = if event_ids.is_empty() {
            HashMap::new()
        } else {
            by_id(
                event::Entity::find()
                    .filter(event::Column::Id.is_in(event_ids))
                    .filter(event::Column::Visibility.is_in(visible_codes(actor)))
                    .all(db)
                    .await?,
                |e| e.id,
            )
        };
        Ok(Places {
            munis,
            orgs,
            sessions,
            events,
        })
    }
}

/// The dilemmas discussed together with any of `rows` (their leads and
/// those following them) that the reader may see. One query.
pub(super) async fn joint_of<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
    rows: &[(dilemma::Model, DilemmaRef)],
) -> Result<Vec<dilemma::Model>, DbErr> {
    let leads: Vec<i32> = rows
        .iter()
        .map(|(d, _)| d.joint_with.unwrap_or(d.id))
        .collect();
    dilemma::Entity::find()
        .filter(readable(actor))
        .filter(
            Condition::any()
                .add(dilemma::Column::Id.is_in(leads.clone()))
                .add(dilemma::Column::JointWith.is_in(leads)),
        )
        .order_by_asc(dilemma::Column::Position)
        .order_by_asc(dilemma::Column::Id)
        .all(db)
        .await
}

/// Those of `joint_rows` discussed together with `d` (the lead first when
/// `d` follows), and the result shown: its own, or the lead's.
pub(super) fn joint_and_result(
    d: &dilemma::Model,
    joint_rows: &[dilemma::Model],
) -> (Vec<dilemma::Model>, Option<TrText>) {
    let lead_id = d.joint_with.unwrap_or(d.id);
    let joint: Vec<dilemma::Model> = joint_rows
        .iter()
        .filter(|j| j.id != d.id && (j.id == lead_id || j.joint_with == Some(lead_id)))
        .cloned()
        .collect();
    let result = d.result.clone().or_else(|| {
        joint
            .iter()
            .find(|j| j.id == lead_id)
            .and_then(|j| j.result.clone())
    });
    (joint, result)
}

/// Consultations where a visible contribution linked a practice
/// (`contribution::Column::PracticeId`) or a library document
/// (`contribution::Column::ResourceId`), among those the reader may see:
/// the practice and document pages list them.
pub async fn dilemmas_linking<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
    link: contribution::Column,
    id: i32,
) -> Result<Vec<dilemma::Model>, DbErr> {
    dilemma::Entity::find()
        .filter(readable(actor))
        .filter(
            dilemma::Column::Id.in_subquery(
                Query::select()
                    .column(contribution::Column::DilemmaId)
                    .from(contribution::Entity)
                    .and_where(link.eq(id))
                    .and_where(contribution::Column::Hidden.eq(false))
                    .to_owned(),
            ),
        )
        .order_by_desc(dilemma::Column::Id)
        .limit(20)
        .all(db)
        .await
}
