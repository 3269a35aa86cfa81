//! The queries consultation pages run. Who may read a dilemma is decided in
//! the query for lists (so totals never count what the reader may not see)
//! and by the policy for a single dilemma.

use std::collections::{HashMap, HashSet};

use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use super::entities::{
    contribution, contribution_report, dilemma, dilemma_participant, dilemma_theme,
};
use super::error::ConsultError;
use super::{ContributionKind, DilemmaStatus, DilemmaVisibility, HelpSought, ParticipantRole};
use crate::accounts::person;
use crate::directory::entities::{municipality, organisation, theme};
use crate::directory::reference::Reference;
use crate::directory::rules::{CountryCode, Slug, non_empty};
use crate::events::entities::{event, event_session};
use crate::i18n::TrText;
use crate::library::entities::{practice, resource};
use crate::library::{PracticeStatus, visible_codes};
use crate::policy::{Actor, DilemmaPart, DilemmaRef};
use crate::web::paging::{Page, PageRequest, empty_page};

/// What a former member's contributions are shown as.
pub const FORMER_MEMBER: &str = "consultation-former-member";

/// The filters of `/consultations` and `/api/v1/dilemmas`.
#[derive(Clone, Debug, Default)]
pub struct DilemmaFilter {
    pub theme: Option<Slug>,
    pub country: Option<CountryCode>,
    pub status: Option<DilemmaStatus>,
    /// An event's slug: dilemmas discussed at its clinics.
    pub event: Option<Slug>,
}

impl DilemmaFilter {
    /// Parse the query's values; a malformed one is refused naming the field.
    pub fn parse(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConsultError> {
        Ok(DilemmaFilter {
            theme: param(&get, "theme", Slug::parse)?,
            country: param(&get, "country", CountryCode::parse)?,
            status: param(&get, "status", DilemmaStatus::from_code)?,
            event: param(&get, "event", Slug::parse)?,
        })
    }
}

/// One optional query value: absent or blank is `None`, malformed is refused.
fn param<T>(
    get: &impl Fn(&str) -> Option<String>,
    field: &'static str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, ConsultError> {
    match non_empty(get(field).as_deref()) {
        None => Ok(None),
        Some(v) => parse(v).map(Some).ok_or(ConsultError::BadParam(field)),
    }
}

/// The condition that keeps only the dilemmas `actor` may read.
pub fn readable(actor: Option<&Actor>) -> Condition {
    if actor.is_some_and(|a| a.is_staff()) {
        return Condition::all();
    }
    let listed: Vec<&str> = visible_codes(actor);
    let mut c = Condition::any().add(
        Condition::all()
            .add(dilemma::Column::Status.ne(DilemmaStatus::Draft.code()))
            .add(dilemma::Column::Visibility.is_in(listed)),
    );
    if let Some(a) = actor {
        let mine = Query::select()
            .column(dilemma_participant::Column::DilemmaId)
            .from(dilemma_participant::Entity)
            .and_where(dilemma_participant::Column::PersonId.eq(a.person_id))
            .to_owned();
        // Invited people and rapporteurs read what is not a draft; the
        // presenter (or whoever put it on the platform) also reads drafts.
        c = c
            .add(
                Condition::all()
                    .add(dilemma::Column::Status.ne(DilemmaStatus::Draft.code()))
                    .add(dilemma::Column::Id.in_subquery(mine)),
            )
            .add(dilemma::Column::CreatedBy.eq(a.person_id))
            .add(dilemma::Column::PresenterId.eq(a.person_id));
    }
    c
}

/// A dilemma as lists show it.
#[derive(Clone, Debug)]
pub struct DilemmaCard {
    pub d: dilemma::Model,
    pub status: DilemmaStatus,
    pub presenter: String,
    pub themes: Vec<theme::Model>,
}

/// The display name of a dilemma's presenter, given the names of people.
fn presenter_of(d: &dilemma::Model, names: &HashMap<i32, String>) -> String {
    d.presenter_id
        .and_then(|id| names.get(&id).cloned())
        .or_else(|| d.presenter_name.clone())
        .unwrap_or_default()
}

async fn names_of<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, String>, DbErr> {
    let ids: HashSet<i32> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(person::Entity::find()
        .filter(person::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.display_name))
        .collect())
}

async fn themes_of<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    ids: &[i32],
) -> Result<HashMap<i32, Vec<theme::Model>>, DbErr> {
    let mut out: HashMap<i32, Vec<theme::Model>> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    for t in dilemma_theme::Entity::find()
        .filter(dilemma_theme::Column::DilemmaId.is_in(ids.to_vec()))
        .all(db)
        .await?
    {
        if let Some(th) = reference.theme(t.theme_id) {
            out.entry(t.dilemma_id).or_default().push(th.clone());
        }
    }
    Ok(out)
}

/// One page of dilemmas the reader may see, newest first: three queries
/// (plus one for an event filter).
pub async fn list<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    actor: Option<&Actor>,
    f: &DilemmaFilter,
    page: PageRequest,
) -> Result<Page<DilemmaCard>, DbErr> {
    let mut q = dilemma::Entity::find().filter(readable(actor));
    if let Some(s) = f.status {
        q = q.filter(dilemma::Column::Status.eq(s.code()));
    }
    if let Some(c) = &f.country {
        q = q.filter(dilemma::Column::CountryCode.eq(c.as_str()));
    }
    if let Some(slug) = &f.theme {
        let Some(t) = reference.theme_by_slug(slug.as_str()) else {
            return Ok(empty_page(page));
        };
        q = q.filter(
            dilemma::Column::Id.in_subquery(
                Query::select()
                    .column(dilemma_theme::Column::DilemmaId)
                    .from(dilemma_theme::Entity)
                    .and_where(dilemma_theme::Column::ThemeId.eq(t.id))
                    .to_owned(),
            ),
        );
    }
    if let Some(slug) = &f.event {
        let Some(e) = event::Entity::find()
            .filter(event::Column::Slug.eq(slug.as_str()))
            .filter(event::Column::Visibility.is_in(visible_codes(actor)))
            .one(db)
            .await?
        else {
            return Ok(empty_page(page));
        };
        q = q.filter(dilemma::Column::EventId.eq(e.id));
    }
    let total = q.clone().count(db).await?;
    let rows = q
        .order_by_asc(Expr::cust("CASE WHEN opens_at IS NULL THEN 1 ELSE 0 END"))
        .order_by_desc(dilemma::Column::OpensAt)
        .order_by_asc(dilemma::Column::EventId)
        .order_by_asc(dilemma::Column::SessionId)
        .order_by_asc(dilemma::Column::Position)
        .order_by_asc(dilemma::Column::Id)
        .offset(page.offset())
        .limit(page.per_page)
        .all(db)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|d| d.id).collect();
    let mut themes = themes_of(db, reference, &ids).await?;
    let names = names_of(db, rows.iter().filter_map(|d| d.presenter_id)).await?;
    Ok(Page {
        items: rows
            .into_iter()
            .map(|d| DilemmaCard {
                status: DilemmaStatus::from_code(&d.status).unwrap_or(DilemmaStatus::Draft),
                presenter: presenter_of(&d, &names),
                themes: themes.remove(&d.id).unwrap_or_default(),
                d,
            })
            .collect(),
        total,
        page: page.page,
        per_page: page.per_page,
    })
}

/// The actor's part in a dilemma (one query, none for visitors).
pub async fn part_of<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
    d: &dilemma::Model,
) -> Result<Option<DilemmaPart>, DbErr> {
    Ok(parts_of(db, actor, std::slice::from_ref(d))
        .await?
        .remove(&d.id))
}

/// What the policy needs to know of `d` for `part`, at `now`.
pub fn dilemma_ref(
    d: &dilemma::Model,
    part: Option<DilemmaPart>,
    now: chrono::DateTime<chrono::Utc>,
) -> DilemmaRef {
    let status = DilemmaStatus::from_code(&d.status).unwrap_or(DilemmaStatus::Draft);
    let within = d.closes_at.is_none_or(|c| now < c);
    DilemmaRef {
        audience: DilemmaVisibility::from_code(&d.visibility)
            .unwrap_or(DilemmaVisibility::Participants)
            .audience(),
        draft: status == DilemmaStatus::Draft,
        taking_contributions: status.is_running() && within,
        part,
    }
}

/// A dilemma by slug, with the actor's part, if the actor may read it.
pub async fn find<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
    slug: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Option<(dilemma::Model, DilemmaRef)>, DbErr> {
    let Some(d) = dilemma::Entity::find()
        .filter(dilemma::Column::Slug.eq(slug))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let part = part_of(db, actor, &d).await?;
    let r = dilemma_ref(&d, part, now);
    Ok(crate::policy::can(actor, crate::policy::Action::ViewDilemma(r)).then_some((d, r)))
}

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

fn by_id<T>(rows: Vec<T>, id: impl Fn(&T) -> i32) -> HashMap<i32, T> {
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
                d,
            }
        })
        .collect())
}

/// What contributions link (practice and document titles the reader may
/// see) and, for staff, their open reports.
struct Links {
    practices: HashMap<i32, TrText>,
    resources: HashMap<i32, TrText>,
    reports: HashMap<i32, usize>,
}

impl Links {
    /// Three queries at most (none when nothing is linked or reported).
    async fn load<C: ConnectionTrait>(
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
    fn view(&self, c: contribution::Model, names: &HashMap<i32, String>) -> ContributionView {
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
struct Places {
    munis: HashMap<i32, municipality::Model>,
    orgs: HashMap<i32, organisation::Model>,
    sessions: HashMap<i32, event_session::Model>,
    events: HashMap<i32, event::Model>,
}

impl Places {
    /// Four queries at most (none for what no dilemma names).
    async fn load<C: ConnectionTrait>(
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
async fn joint_of<C: ConnectionTrait>(
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
fn joint_and_result(
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

/// Someone Majlis suggests inviting to a dilemma, and why.
#[derive(Clone, Debug)]
pub struct Suggestion {
    pub person_id: i32,
    pub name: String,
    /// Fluent id of the reason.
    pub reason: &'static str,
    /// What the reason names (a municipality, a practice…), in the reader's language.
    pub detail: String,
    pub shared_themes: usize,
}

/// Peers to invite: members whose municipality shares the dilemma's themes,
/// experts whose organisation works on them, and authors of related
/// practices (found by the search index from the dilemma's question), best
/// first, without those already taking part. A bounded number of queries.
pub async fn suggestions<C: ConnectionTrait>(
    db: &C,
    d: &dilemma::Model,
    related_practices: &[i32],
    reader: crate::i18n::Locale,
    limit: usize,
) -> Result<Vec<Suggestion>, DbErr> {
    let theme_ids: HashSet<i32> = dilemma_theme::Entity::find()
        .filter(dilemma_theme::Column::DilemmaId.eq(d.id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.theme_id)
        .collect();
    let mut taken: HashSet<i32> = dilemma_participant::Entity::find()
        .filter(dilemma_participant::Column::DilemmaId.eq(d.id))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.person_id)
        .collect();
    taken.extend(d.presenter_id);
    taken.extend(d.created_by);
    let pool = Pool::load(db, &theme_ids, related_practices).await?;
    let mut out = pool.rank(&taken, theme_ids.len(), reader);
    out.truncate(limit);
    Ok(out)
}

/// Who suggestions are drawn from, and why each may be named.
struct Pool {
    /// Per municipality (and organisation), how many of the dilemma's
    /// themes it works on.
    by_muni: HashMap<i32, usize>,
    by_org: HashMap<i32, usize>,
    munis: HashMap<i32, TrText>,
    orgs: HashMap<i32, TrText>,
    /// Related practices, published.
    related: Vec<practice::Model>,
    affiliations: Vec<crate::accounts::affiliation::Model>,
    /// Active people among those the reasons can name.
    people: HashMap<i32, person::Model>,
}

impl Pool {
    async fn load<C: ConnectionTrait>(
        db: &C,
        theme_ids: &HashSet<i32>,
        related_practices: &[i32],
    ) -> Result<Self, DbErr> {
        use crate::directory::entities::{municipality_theme, organisation_theme};
        let mut by_muni: HashMap<i32, usize> = HashMap::new();
        let mut by_org: HashMap<i32, usize> = HashMap::new();
        if !theme_ids.is_empty() {
            for t in municipality_theme::Entity::find()
                .filter(municipality_theme::Column::ThemeId.is_in(theme_ids.clone()))
                .all(db)
                .await?
            {
                *by_muni.entry(t.municipality_id).or_insert(0) += 1;
            }
            for t in organisation_theme::Entity::find()
                .filter(organisation_theme::Column::ThemeId.is_in(theme_ids.clone()))
                .all(db)
                .await?
            {
                *by_org.entry(t.organisation_id).or_insert(0) += 1;
            }
        }
        let (munis, orgs) = place_names(db, &by_muni, &by_org).await?;
        let related: Vec<practice::Model> = if related_practices.is_empty() {
            Vec::new()
        } else {
            practice::Entity::find()
                .filter(practice::Column::Id.is_in(related_practices.to_vec()))
                .filter(practice::Column::Status.eq(PracticeStatus::Published.code()))
                .all(db)
                .await?
        };
        let (affiliations, people) = people_of(db, &by_muni, &by_org, &related).await?;
        Ok(Pool {
            by_muni,
            by_org,
            munis,
            orgs,
            related,
            affiliations,
            people,
        })
    }

    /// Each person once, with their best reason (most shared themes, a
    /// practice before a place), best first, none of `taken`.
    fn rank(
        &self,
        taken: &HashSet<i32>,
        theme_count: usize,
        reader: crate::i18n::Locale,
    ) -> Vec<Suggestion> {
        let mut best: HashMap<i32, Suggestion> = HashMap::new();
        let mut offer = |s: Suggestion| {
            if taken.contains(&s.person_id) {
                return;
            }
            let better = best.get(&s.person_id).is_none_or(|b| {
                (s.shared_themes, s.reason == "suggest-reason-practice")
                    > (b.shared_themes, b.reason == "suggest-reason-practice")
            });
            if better {
                best.insert(s.person_id, s);
            }
        };
        self.by_place(reader, &mut offer);
        self.by_practice(theme_count, reader, &mut offer);
        let mut out: Vec<Suggestion> = best.into_values().collect();
        out.sort_by(|a, b| {
            b.shared_themes
                .cmp(&a.shared_themes)
                .then_with(|| a.name.cmp(&b.name))
        });
        out
    }

    /// Members of a municipality, and experts of an organisation, working
    /// on the dilemma's themes.
    fn by_place(&self, reader: crate::i18n::Locale, offer: &mut impl FnMut(Suggestion)) {
        let name = |names: &HashMap<i32, TrText>, id: i32| {
            names
                .get(&id)
                .map(|t| t.text(reader).to_owned())
                .unwrap_or_default()
        };
        for a in &self.affiliations {
            let Some(p) = self.people.get(&a.person_id) else {
                continue;
            };
            if let Some(m) = a.municipality_id
                && let Some(n) = self.by_muni.get(&m)
            {
                offer(Suggestion {
                    person_id: p.id,
                    name: p.display_name.clone(),
                    reason: "suggest-reason-municipality",
                    detail: name(&self.munis, m),
                    shared_themes: *n,
                });
            }
            if p.role == "expert"
                && let Some(o) = a.organisation_id
                && let Some(n) = self.by_org.get(&o)
            {
                offer(Suggestion {
                    person_id: p.id,
                    name: p.display_name.clone(),
                    reason: "suggest-reason-expert",
                    detail: name(&self.orgs, o),
                    shared_themes: *n,
                });
            }
        }
    }

    /// Authors of related practices, and focal points of their municipality.
    fn by_practice(
        &self,
        theme_count: usize,
        reader: crate::i18n::Locale,
        offer: &mut impl FnMut(Suggestion),
    ) {
        for pr in &self.related {
            let mut authors: Vec<i32> = pr.author_id.into_iter().collect();
            if let Some(m) = pr.municipality_id {
                authors.extend(
                    self.affiliations
                        .iter()
                        .filter(|a| a.focal_point && a.municipality_id == Some(m))
                        .map(|a| a.person_id),
                );
            }
            for id in authors {
                let Some(p) = self.people.get(&id) else {
                    continue;
                };
                offer(Suggestion {
                    person_id: id,
                    name: p.display_name.clone(),
                    reason: "suggest-reason-practice",
                    detail: pr.title.text(reader).to_owned(),
                    shared_themes: theme_count.max(1),
                });
            }
        }
    }
}

/// The names of the municipalities and organisations counted. Two queries
/// at most.
async fn place_names<C: ConnectionTrait>(
    db: &C,
    by_muni: &HashMap<i32, usize>,
    by_org: &HashMap<i32, usize>,
) -> Result<(HashMap<i32, TrText>, HashMap<i32, TrText>), DbErr> {
    let munis: HashMap<i32, TrText> = if by_muni.is_empty() {
        HashMap::new()
    } else {
        municipality::Entity::find()
            .filter(municipality::Column::Id.is_in(by_muni.keys().copied().collect::<Vec<_>>()))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect()
    };
    let orgs: HashMap<i32, TrText> = if by_org.is_empty() {
        HashMap::new()
    } else {
        organisation::Entity::find()
            .filter(organisation::Column::Id.is_in(by_org.keys().copied().collect::<Vec<_>>()))
            .all(db)
            .await?
            .into_iter()
            .map(|o| (o.id, o.name))
            .collect()
    };
    Ok((munis, orgs))
}

/// Only the affiliations and people these reasons can name are read: those
/// of the counted places and related practices' municipalities, and the
/// practices' authors (active people only). Two queries at most.
async fn people_of<C: ConnectionTrait>(
    db: &C,
    by_muni: &HashMap<i32, usize>,
    by_org: &HashMap<i32, usize>,
    related: &[practice::Model],
) -> Result<
    (
        Vec<crate::accounts::affiliation::Model>,
        HashMap<i32, person::Model>,
    ),
    DbErr,
> {
    use crate::accounts::affiliation;
    let muni_keys: Vec<i32> = by_muni
        .keys()
        .copied()
        .chain(related.iter().filter_map(|p| p.municipality_id))
        .collect();
    let org_keys: Vec<i32> = by_org.keys().copied().collect();
    let affiliations: Vec<affiliation::Model> = if muni_keys.is_empty() && org_keys.is_empty() {
        Vec::new()
    } else {
        affiliation::Entity::find()
            .filter(
                Condition::any()
                    .add(affiliation::Column::MunicipalityId.is_in(muni_keys))
                    .add(affiliation::Column::OrganisationId.is_in(org_keys)),
            )
            .all(db)
            .await?
    };
    let person_ids: HashSet<i32> = affiliations
        .iter()
        .map(|a| a.person_id)
        .chain(related.iter().filter_map(|p| p.author_id))
        .collect();
    let people: HashMap<i32, person::Model> = if person_ids.is_empty() {
        HashMap::new()
    } else {
        person::Entity::find()
            .filter(person::Column::Id.is_in(person_ids))
            .filter(person::Column::Active.eq(true))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect()
    };
    Ok((affiliations, people))
}
