//! Reading events: typed filters, the list, and the event page's bounded set
//! of queries (the count does not grow with sessions, people, materials or
//! registrations). What a reader may see is decided in the query.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, Iterable, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Select,
};

use super::entities::{
    event, event_material, event_organisation, event_practice, event_series, event_session,
    event_theme, registration, session_person,
};
use super::{EventKind, EventStatus, Figures, OrganisationRole, RegistrationStatus, SessionKind};
use super::{SessionRole, registration as reg};
use crate::accounts::policy::{Action, Actor, can};
use crate::accounts::{affiliation, person};
use crate::directory::entities::{municipality, organisation, theme};
use crate::directory::reference::Reference;
use crate::directory::rules::{
    CountryCode, Page, PageRequest, Slug, empty_page, parse_opt, theme_ids_column, themes_of,
};
use crate::i18n::TrText;
use crate::library::entities::{practice, resource, resource_version};
use crate::library::{PracticeStatus, ResourceKind};
use crate::web::AppError;

/// Which events a list shows, by time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum When {
    /// Not yet ended, soonest first.
    #[default]
    Upcoming,
    /// Ended, latest first.
    Past,
    /// All, latest first.
    All,
}

impl When {
    pub const ALL: [When; 3] = [When::Upcoming, When::Past, When::All];
    pub fn code(self) -> &'static str {
        match self {
            When::Upcoming => "upcoming",
            When::Past => "past",
            When::All => "all",
        }
    }
    fn parse(s: &str) -> Option<When> {
        When::ALL.into_iter().find(|w| w.code() == s)
    }
}

/// Filters of the event list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct EventFilter {
    pub kind: Option<EventKind>,
    pub theme: Option<Slug>,
    pub country: Option<CountryCode>,
    pub year: Option<i32>,
    pub series: Option<Slug>,
    pub when: When,
}

impl EventFilter {
    /// Parse the query's values; a malformed one is a 400 naming the field.
    pub fn parse(get: impl Fn(&str) -> Option<String>) -> Result<Self, AppError> {
        let g = |k: &str| get(k);
        Ok(EventFilter {
            kind: parse_opt(g("kind").as_deref(), "kind", EventKind::from_code)?,
            theme: parse_opt(g("theme").as_deref(), "theme", Slug::parse)?,
            country: parse_opt(g("country").as_deref(), "country", CountryCode::parse)?,
            year: parse_opt(g("year").as_deref(), "year", |s| {
                s.parse::<i32>().ok().filter(|y| (1900..=2200).contains(y))
            })?,
            series: parse_opt(g("series").as_deref(), "series", Slug::parse)?,
            when: parse_opt(g("when").as_deref(), "when", When::parse)?.unwrap_or_default(),
        })
    }
}

pub use crate::library::visible_codes;

/// An event as lists show it.
#[derive(Clone, Debug)]
pub struct EventCard {
    pub event: event::Model,
    pub kind: Option<EventKind>,
    pub status: Option<EventStatus>,
    pub themes: Vec<theme::Model>,
}

#[derive(FromQueryResult)]
struct EventRow {
    #[sea_orm(nested)]
    event: event::Model,
    theme_ids: Option<String>,
    full_count: i64,
}

fn event_query(
    reference: &Reference,
    actor: Option<&Actor>,
    f: &EventFilter,
    series_id: Option<i32>,
    now: DateTime<Utc>,
) -> Option<Select<event::Entity>> {
    let mut q = event::Entity::find().filter(event::Column::Visibility.is_in(visible_codes(actor)));
    if let Some(k) = f.kind {
        q = q.filter(event::Column::Kind.eq(k.code()));
    }
    if let Some(c) = &f.country {
        q = q.filter(event::Column::CountryCode.eq(c.as_str()));
    }
    if let Some(y) = f.year {
        let from = NaiveDate::from_ymd_opt(y, 1, 1)?
            .and_hms_opt(0, 0, 0)?
            .and_utc();
        let to = NaiveDate::from_ymd_opt(y + 1, 1, 1)?
            .and_hms_opt(0, 0, 0)?
            .and_utc();
        q = q
            .filter(event::Column::StartsAt.gte(from))
            .filter(event::Column::StartsAt.lt(to));
    }
    if f.series.is_some() {
        q = q.filter(event::Column::SeriesId.eq(series_id?));
    }
    if let Some(slug) = &f.theme {
        let t = reference.theme_by_slug(slug.as_str())?;
        q = q.filter(
            event::Column::Id.in_subquery(
                Query::select()
                    .column(event_theme::Column::EventId)
                    .from(event_theme::Entity)
                    .and_where(event_theme::Column::ThemeId.eq(t.id))
                    .to_owned(),
            ),
        );
    }
    q = match f.when {
        When::Upcoming => q.filter(event::Column::EndsAt.gte(now)),
        When::Past => q.filter(event::Column::EndsAt.lt(now)),
        When::All => q,
    };
    Some(q)
}

/// One page of the event list: one query (plus one for a series filter).
pub async fn list_events<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    actor: Option<&Actor>,
    f: &EventFilter,
    page: PageRequest,
    now: DateTime<Utc>,
) -> Result<Page<EventCard>, DbErr> {
    let series_id = match &f.series {
        Some(s) => event_series::Entity::find()
            .filter(event_series::Column::Slug.eq(s.as_str()))
            .one(db)
            .await?
            .map(|s| s.id),
        None => None,
    };
    let Some(q) = event_query(reference, actor, f, series_id, now) else {
        return Ok(empty_page(page));
    };
    let backend = db.get_database_backend();
    let mut sel = q
        .clone()
        .select_only()
        .columns(event::Column::iter())
        .column_as(
            Expr::cust(theme_ids_column(backend, "event_theme", "event")),
            "theme_ids",
        )
        .column_as(Expr::cust("COUNT(*) OVER ()"), "full_count");
    sel = match f.when {
        When::Upcoming => sel.order_by_asc(event::Column::StartsAt),
        When::Past | When::All => sel.order_by_desc(event::Column::StartsAt),
    }
    .order_by_asc(event::Column::Id);
    let rows = sel
        .offset(page.offset())
        .limit(page.per_page)
        .into_model::<EventRow>()
        .all(db)
        .await?;
    let total = match rows.first() {
        Some(r) => r.full_count as u64,
        None if page.page > 1 => q.count(db).await?,
        None => 0,
    };
    Ok(Page {
        items: rows
            .into_iter()
            .map(|r| EventCard {
                kind: EventKind::from_code(&r.event.kind),
                status: EventStatus::from_code(&r.event.status),
                themes: themes_of(reference, r.theme_ids.as_deref()),
                event: r.event,
            })
            .collect(),
        total,
        page: page.page,
        per_page: page.per_page,
    })
}

/// A person in a role, as the programme shows them.
#[derive(Clone, Debug)]
pub struct PersonView {
    pub id: i32,
    pub role: Option<SessionRole>,
    pub name: String,
    pub affiliation: Option<String>,
    pub person_id: Option<i32>,
}

/// A library resource attached to an event, with its language versions.
#[derive(Clone, Debug)]
pub struct MaterialView {
    pub link_id: i32,
    pub resource: resource::Model,
    pub kind: Option<ResourceKind>,
    pub versions: Vec<resource_version::Model>,
}

/// A session with its people, materials and working groups.
#[derive(Clone, Debug)]
pub struct SessionView {
    pub session: event_session::Model,
    pub kind: Option<SessionKind>,
    pub people: Vec<PersonView>,
    pub materials: Vec<MaterialView>,
    pub groups: Vec<SessionView>,
}

impl SessionView {
    /// People of this session in a role, in order.
    pub fn in_role(&self, role: &SessionRole) -> Vec<&PersonView> {
        self.people
            .iter()
            .filter(|p| p.role == Some(*role))
            .collect()
    }
    /// The roles present, in the vocabulary's order.
    pub fn roles(&self) -> Vec<SessionRole> {
        SessionRole::ALL
            .iter()
            .copied()
            .filter(|r| self.people.iter().any(|p| p.role == Some(*r)))
            .collect()
    }
}

/// A day of the programme.
#[derive(Clone, Debug)]
pub struct Day {
    pub number: i32,
    pub date: Option<NaiveDate>,
    pub sessions: Vec<SessionView>,
}

/// Registration counts by status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub registered: u64,
    pub waiting: u64,
    pub pending: u64,
    pub attended: u64,
}

/// A name in the public participant list (given with consent).
#[derive(Clone, Debug)]
pub struct Participant {
    pub name: String,
    pub affiliation: Option<String>,
}

/// Participant figures: counted from registrations, or entered by hand.
#[derive(Clone, Debug, Default)]
pub struct ReportedFigures {
    /// From check-ins (or registrations before the event) on the platform.
    pub counted: bool,
    /// Counted from check-ins rather than sign-ups.
    pub from_attendance: bool,
    pub total: Option<i64>,
    pub by_country: Vec<(String, i64)>,
    pub countries: Vec<String>,
    pub by_kind: Vec<(String, i64)>,
    pub note: Option<TrText>,
}

/// Everything the event page shows.
#[derive(Clone, Debug)]
pub struct EventDetail {
    pub event: event::Model,
    pub kind: Option<EventKind>,
    pub status: Option<EventStatus>,
    pub tz: Tz,
    pub series: Option<event_series::Model>,
    pub organisers: Vec<organisation::Model>,
    pub partners: Vec<organisation::Model>,
    pub themes: Vec<theme::Model>,
    pub days: Vec<Day>,
    pub materials: Vec<MaterialView>,
    pub report: Option<MaterialView>,
    pub practices: Vec<(i32, TrText)>,
    pub counts: Counts,
    pub mine: Option<registration::Model>,
    pub participants: Vec<Participant>,
    pub figures: ReportedFigures,
    /// The reader may see the online link and registration details.
    pub insider: bool,
}

impl EventDetail {
    /// Whether the programme has a consultation clinic.
    pub fn has_clinics(&self) -> bool {
        self.days
            .iter()
            .flat_map(|d| d.sessions.iter())
            .any(|s| s.kind == Some(SessionKind::ConsultationClinic))
    }
    pub fn my_status(&self) -> Option<RegistrationStatus> {
        self.mine
            .as_ref()
            .and_then(|r| RegistrationStatus::from_code(&r.status))
    }
    pub fn places_left(&self) -> Option<u64> {
        self.event
            .capacity
            .map(|c| (c.max(0) as u64).saturating_sub(self.counts.registered))
    }
    pub fn session_count(&self) -> usize {
        self.days.iter().map(|d| d.sessions.len()).sum()
    }
}

/// An event's time zone (UTC if the stored name is unknown).
pub fn tz_of(e: &event::Model) -> Tz {
    e.timezone.parse().unwrap_or(Tz::UTC)
}

pub(crate) fn split_codes(s: &str) -> Vec<String> {
    s.split(',')
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Working languages of an event.
pub fn languages(e: &event::Model) -> Vec<String> {
    split_codes(&e.languages)
}

/// Find a visible event by slug.
pub async fn find_event<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
    slug: &str,
) -> Result<Option<event::Model>, DbErr> {
    find_event_in(db, &visible_codes(actor), slug).await
}

async fn find_event_in<C: ConnectionTrait>(
    db: &C,
    codes: &[&'static str],
    slug: &str,
) -> Result<Option<event::Model>, DbErr> {
    event::Entity::find()
        .filter(event::Column::Slug.eq(slug))
        .filter(event::Column::Visibility.is_in(codes.iter().copied()))
        .one(db)
        .await
}

/// Resources by id that the reader may see, with their versions (two queries).
async fn materials_of<C: ConnectionTrait>(
    db: &C,
    codes: &[&'static str],
    links: &[(i32, i32)],
) -> Result<HashMap<i32, MaterialView>, DbErr> {
    if links.is_empty() {
        return Ok(HashMap::new());
    }
    let ids: Vec<i32> = links.iter().map(|(_, r)| *r).collect();
    let resources = resource::Entity::find()
        .filter(resource::Column::Id.is_in(ids.clone()))
        .filter(resource::Column::Visibility.is_in(codes.iter().copied()))
        .all(db)
        .await?;
    let versions = resource_version::Entity::find()
        .filter(resource_version::Column::ResourceId.is_in(ids))
        .order_by_asc(resource_version::Column::Id)
        .all(db)
        .await?;
    let by_id: HashMap<i32, resource::Model> = resources.into_iter().map(|r| (r.id, r)).collect();
    let mut out = HashMap::new();
    for (link_id, rid) in links {
        if let Some(r) = by_id.get(rid) {
            out.insert(
                *link_id,
                MaterialView {
                    link_id: *link_id,
                    kind: ResourceKind::from_code(&r.kind),
                    resource: r.clone(),
                    versions: versions
                        .iter()
                        .filter(|v| v.resource_id == *rid)
                        .cloned()
                        .collect(),
                },
            );
        }
    }
    Ok(out)
}

/// The event page: a fixed number of queries whatever the programme's size.
pub async fn event_detail<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    actor: Option<&Actor>,
    slug: &str,
) -> Result<Option<EventDetail>, DbErr> {
    let Some(mut d) = shared_detail(db, reference, &visible_codes(actor), slug).await? else {
        return Ok(None);
    };
    for_viewer(db, actor, &mut d).await?;
    Ok(Some(d))
}

/// Add what depends on the viewer to an event's shared detail: their own
/// registration (one query when signed in) and whether they see the link.
pub async fn for_viewer<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
    d: &mut EventDetail,
) -> Result<(), DbErr> {
    d.mine = match actor {
        Some(a) => reg::of_person(db, d.event.id, a.person_id).await?,
        None => None,
    };
    d.insider = can(
        actor,
        Action::SeeEventInsider {
            registered: d
                .mine
                .as_ref()
                .is_some_and(|r| r.status == RegistrationStatus::Registered.code()),
        },
    );
    Ok(())
}

/// An event page as every reader with the same visibility sees it (what a
/// node may cache until the content changes): no registration of the reader.
pub async fn shared_detail<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    codes: &[&'static str],
    slug: &str,
) -> Result<Option<EventDetail>, DbErr> {
    let Some(e) = find_event_in(db, codes, slug).await? else {
        return Ok(None);
    };
    let series = match e.series_id {
        Some(id) => event_series::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    // Organisers and partners, and every organisation people are tied to.
    let org_links = event_organisation::Entity::find()
        .filter(event_organisation::Column::EventId.eq(e.id))
        .order_by_asc(event_organisation::Column::Position)
        .all(db)
        .await?;
    let theme_ids: Vec<i32> = event_theme::Entity::find()
        .filter(event_theme::Column::EventId.eq(e.id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.theme_id)
        .collect();
    let sessions = event_session::Entity::find()
        .filter(event_session::Column::EventId.eq(e.id))
        .order_by_asc(event_session::Column::Day)
        .order_by_asc(event_session::Column::Position)
        .order_by_asc(event_session::Column::Id)
        .all(db)
        .await?;
    let people = session_person::Entity::find()
        .filter(session_person::Column::EventId.eq(e.id))
        .order_by_asc(session_person::Column::Position)
        .order_by_asc(session_person::Column::Id)
        .all(db)
        .await?;
    let material_links = event_material::Entity::find()
        .filter(event_material::Column::EventId.eq(e.id))
        .order_by_asc(event_material::Column::Position)
        .order_by_asc(event_material::Column::Id)
        .all(db)
        .await?;
    let mut links: Vec<(i32, i32)> = material_links
        .iter()
        .map(|m| (m.id, m.resource_id))
        .collect();
    if let Some(r) = e.report_id {
        links.push((0, r));
    }
    let mut materials = materials_of(db, codes, &links).await?;
    let practices: Vec<(i32, TrText)> = practice::Entity::find()
        .filter(
            practice::Column::Id.in_subquery(
                Query::select()
                    .column(event_practice::Column::PracticeId)
                    .from(event_practice::Entity)
                    .and_where(event_practice::Column::EventId.eq(e.id))
                    .to_owned(),
            ),
        )
        .filter(practice::Column::Status.is_in([
            PracticeStatus::Published.code(),
            PracticeStatus::Archived.code(),
        ]))
        .order_by_asc(practice::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.title))
        .collect();

    // Registrations: every active one, with what the figures and the
    // participant list need (people, affiliations, their places).
    let regs = registration::Entity::find()
        .filter(registration::Column::EventId.eq(e.id))
        .filter(registration::Column::Status.is_in([
            RegistrationStatus::Registered.code(),
            RegistrationStatus::Waiting.code(),
            RegistrationStatus::Pending.code(),
        ]))
        .all(db)
        .await?;
    let mut counts = Counts::default();
    for r in &regs {
        match RegistrationStatus::from_code(&r.status) {
            Some(RegistrationStatus::Registered) => {
                counts.registered += 1;
                if r.attended_at.is_some() {
                    counts.attended += 1;
                }
            }
            Some(RegistrationStatus::Waiting) => counts.waiting += 1,
            Some(RegistrationStatus::Pending) => counts.pending += 1,
            _ => {}
        }
    }
    let counted: Vec<&registration::Model> = {
        let registered = regs
            .iter()
            .filter(|r| r.status == RegistrationStatus::Registered.code());
        if counts.attended > 0 {
            registered.filter(|r| r.attended_at.is_some()).collect()
        } else {
            registered.collect()
        }
    };
    let mut person_ids: Vec<i32> = counted.iter().map(|r| r.person_id).collect();
    person_ids.extend(people.iter().filter_map(|p| p.person_id));
    person_ids.sort_unstable();
    person_ids.dedup();
    let persons: HashMap<i32, person::Model> = if person_ids.is_empty() {
        HashMap::new()
    } else {
        person::Entity::find()
            .filter(person::Column::Id.is_in(person_ids.clone()))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect()
    };
    let affiliations = if person_ids.is_empty() {
        Vec::new()
    } else {
        affiliation::Entity::find()
            .filter(affiliation::Column::PersonId.is_in(person_ids))
            .order_by_asc(affiliation::Column::Id)
            .all(db)
            .await?
    };
    let mut org_ids: Vec<i32> = org_links.iter().map(|l| l.organisation_id).collect();
    org_ids.extend(people.iter().filter_map(|p| p.organisation_id));
    org_ids.extend(affiliations.iter().filter_map(|a| a.organisation_id));
    org_ids.sort_unstable();
    org_ids.dedup();
    let orgs: HashMap<i32, organisation::Model> = if org_ids.is_empty() {
        HashMap::new()
    } else {
        organisation::Entity::find()
            .filter(organisation::Column::Id.is_in(org_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|o| (o.id, o))
            .collect()
    };
    let muni_ids: Vec<i32> = affiliations
        .iter()
        .filter_map(|a| a.municipality_id)
        .collect();
    let munis: HashMap<i32, municipality::Model> = if muni_ids.is_empty() {
        HashMap::new()
    } else {
        municipality::Entity::find()
            .filter(municipality::Column::Id.is_in(muni_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m))
            .collect()
    };

    let org_locale = crate::i18n::Locale::En;
    let first_affiliation = |pid: i32| affiliations.iter().find(|a| a.person_id == pid);
    let affiliation_name = |pid: i32| -> Option<String> {
        let a = first_affiliation(pid)?;
        match (a.municipality_id, a.organisation_id) {
            (Some(m), _) => munis.get(&m).map(|m| m.name.original().to_owned()),
            (None, Some(o)) => orgs.get(&o).map(|o| {
                o.acronym
                    .clone()
                    .unwrap_or_else(|| o.name.text(org_locale).to_owned())
            }),
            _ => None,
        }
    };

    // The programme: days, sessions, groups, people and materials.
    let view_person = |p: &session_person::Model| PersonView {
        id: p.id,
        role: SessionRole::from_code(&p.role),
        name: p
            .name
            .clone()
            .or_else(|| {
                p.person_id
                    .and_then(|id| persons.get(&id).map(|x| x.display_name.clone()))
            })
            .unwrap_or_default(),
        affiliation: p
            .affiliation
            .clone()
            .or_else(|| {
                p.organisation_id.and_then(|o| {
                    orgs.get(&o).map(|o| {
                        o.acronym
                            .clone()
                            .unwrap_or_else(|| o.name.original().to_owned())
                    })
                })
            })
            .or_else(|| p.person_id.and_then(affiliation_name)),
        person_id: p.person_id,
    };
    let view_session =
        |s: &event_session::Model, materials: &mut HashMap<i32, MaterialView>| SessionView {
            kind: SessionKind::from_code(&s.kind),
            people: people
                .iter()
                .filter(|p| p.session_id == s.id)
                .map(view_person)
                .collect(),
            materials: material_links
                .iter()
                .filter(|m| m.session_id == Some(s.id))
                .filter_map(|m| materials.remove(&m.id))
                .collect(),
            groups: Vec::new(),
            session: s.clone(),
        };
    let tz = tz_of(&e);
    let first_day = e.starts_at.with_timezone(&tz).date_naive();
    let mut days: Vec<Day> = Vec::new();
    for s in sessions.iter().filter(|s| s.parent_id.is_none()) {
        let mut v = view_session(s, &mut materials);
        v.groups = sessions
            .iter()
            .filter(|g| g.parent_id == Some(s.id))
            .map(|g| view_session(g, &mut materials))
            .collect();
        match days.last_mut() {
            Some(d) if d.number == s.day => d.sessions.push(v),
            _ => days.push(Day {
                number: s.day,
                date: (!e.date_approximate)
                    .then(|| {
                        first_day.checked_add_days(chrono::Days::new((s.day - 1).max(0) as u64))
                    })
                    .flatten(),
                sessions: vec![v],
            }),
        }
    }
    let report = materials.remove(&0);
    let event_materials: Vec<MaterialView> = material_links
        .iter()
        .filter(|m| m.session_id.is_none())
        .filter_map(|m| materials.remove(&m.id))
        .collect();

    let org_list = |role: OrganisationRole| -> Vec<organisation::Model> {
        org_links
            .iter()
            .filter(|l| l.role == role.code())
            .filter_map(|l| orgs.get(&l.organisation_id).cloned())
            .collect()
    };

    let participants: Vec<Participant> = regs
        .iter()
        .filter(|r| r.status == RegistrationStatus::Registered.code() && r.public_consent)
        .filter_map(|r| {
            persons.get(&r.person_id).map(|p| Participant {
                name: p.display_name.clone(),
                affiliation: affiliation_name(r.person_id),
            })
        })
        .collect();

    // Figures: counted on the platform when there are registrations,
    // otherwise what coordinators entered by hand.
    let figures = if counted.is_empty() {
        hand_figures(e.figures.as_ref())
    } else {
        let mut by_country: BTreeMap<String, i64> = BTreeMap::new();
        let mut by_kind: BTreeMap<String, i64> = BTreeMap::new();
        for r in &counted {
            let (country, kind) = match first_affiliation(r.person_id) {
                Some(a) => match (a.municipality_id, a.organisation_id) {
                    (Some(m), _) => munis
                        .get(&m)
                        .map(|m| (Some(m.country_code.clone()), Some(format!("m:{}", m.kind))))
                        .unwrap_or((None, None)),
                    (None, Some(o)) => orgs
                        .get(&o)
                        .map(|o| (o.country_code.clone(), Some(format!("o:{}", o.kind))))
                        .unwrap_or((None, None)),
                    _ => (None, None),
                },
                None => (None, None),
            };
            *by_country.entry(country.unwrap_or_default()).or_default() += 1;
            *by_kind.entry(kind.unwrap_or_default()).or_default() += 1;
        }
        let sorted = |m: BTreeMap<String, i64>| {
            let mut v: Vec<(String, i64)> = m.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            v
        };
        ReportedFigures {
            counted: true,
            from_attendance: counts.attended > 0,
            total: Some(counted.len() as i64),
            by_country: sorted(by_country),
            countries: Vec::new(),
            by_kind: sorted(by_kind),
            note: None,
        }
    };

    Ok(Some(EventDetail {
        kind: EventKind::from_code(&e.kind),
        status: EventStatus::from_code(&e.status),
        tz,
        series,
        organisers: org_list(OrganisationRole::Organiser),
        partners: org_list(OrganisationRole::Partner),
        themes: reference
            .themes()
            .iter()
            .filter(|t| theme_ids.contains(&t.id))
            .cloned()
            .collect(),
        days,
        materials: event_materials,
        report,
        practices,
        counts,
        mine: None,
        participants,
        figures,
        insider: false,
        event: e,
    }))
}

fn hand_figures(f: Option<&Figures>) -> ReportedFigures {
    let Some(f) = f else {
        return ReportedFigures::default();
    };
    let mut by_country: Vec<(String, i64)> =
        f.by_country.iter().map(|(k, v)| (k.clone(), *v)).collect();
    by_country.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut by_kind: Vec<(String, i64)> = f.by_kind.iter().map(|(k, v)| (k.clone(), *v)).collect();
    by_kind.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ReportedFigures {
        counted: false,
        from_attendance: false,
        total: f.total,
        by_country,
        countries: f.countries.clone(),
        by_kind,
        note: f.note.clone(),
    }
}

/// A registration as the coordinators' list shows it.
#[derive(Clone, Debug)]
pub struct RegistrationRow {
    pub registration: registration::Model,
    pub status: Option<RegistrationStatus>,
    pub name: String,
    pub email: String,
}

/// Every registration of an event, in queue order per status (two queries).
pub async fn registrations<C: ConnectionTrait>(
    db: &C,
    event_id: i32,
) -> Result<Vec<RegistrationRow>, DbErr> {
    let regs = registration::Entity::find()
        .filter(registration::Column::EventId.eq(event_id))
        .order_by_asc(registration::Column::QueuedAt)
        .order_by_asc(registration::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i32> = regs.iter().map(|r| r.person_id).collect();
    let persons: HashMap<i32, person::Model> = if ids.is_empty() {
        HashMap::new()
    } else {
        person::Entity::find()
            .filter(person::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect()
    };
    let order = |s: Option<RegistrationStatus>| match s {
        Some(RegistrationStatus::Registered) => 0,
        Some(RegistrationStatus::Pending) => 1,
        Some(RegistrationStatus::Waiting) => 2,
        Some(RegistrationStatus::Cancelled) => 3,
        _ => 4,
    };
    let mut rows: Vec<RegistrationRow> = regs
        .into_iter()
        .map(|r| {
            let p = persons.get(&r.person_id);
            RegistrationRow {
                status: RegistrationStatus::from_code(&r.status),
                name: p.map(|p| p.display_name.clone()).unwrap_or_default(),
                email: p.map(|p| p.email.clone()).unwrap_or_default(),
                registration: r,
            }
        })
        .collect();
    rows.sort_by_key(|r| order(r.status));
    Ok(rows)
}

/// The events a person is registered for (or waiting), soonest first.
pub async fn events_of_person<C: ConnectionTrait>(
    db: &C,
    person_id: i32,
) -> Result<Vec<(event::Model, registration::Model)>, DbErr> {
    let regs = registration::Entity::find()
        .filter(registration::Column::PersonId.eq(person_id))
        .filter(registration::Column::Status.is_in([
            RegistrationStatus::Registered.code(),
            RegistrationStatus::Waiting.code(),
            RegistrationStatus::Pending.code(),
        ]))
        .all(db)
        .await?;
    if regs.is_empty() {
        return Ok(Vec::new());
    }
    let events = event::Entity::find()
        .filter(event::Column::Id.is_in(regs.iter().map(|r| r.event_id).collect::<Vec<_>>()))
        .order_by_asc(event::Column::StartsAt)
        .all(db)
        .await?;
    Ok(events
        .into_iter()
        .filter_map(|e| {
            let r = regs.iter().find(|r| r.event_id == e.id)?.clone();
            Some((e, r))
        })
        .collect())
}

/// All series, for forms and filters.
/// The countries events are held in (for the country filter: one query).
pub async fn event_countries<C: ConnectionTrait>(db: &C) -> Result<Vec<String>, DbErr> {
    use sea_orm::QuerySelect;
    event::Entity::find()
        .select_only()
        .column(event::Column::CountryCode)
        .distinct()
        .filter(event::Column::CountryCode.is_not_null())
        .into_tuple::<Option<String>>()
        .all(db)
        .await
        .map(|v| v.into_iter().flatten().collect())
}

pub async fn all_series<C: ConnectionTrait>(db: &C) -> Result<Vec<event_series::Model>, DbErr> {
    event_series::Entity::find()
        .order_by_asc(event_series::Column::Slug)
        .all(db)
        .await
}

/// Events a practice was presented at, that the reader may see (one query).
pub async fn events_with_practice<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
    practice_id: i32,
) -> Result<Vec<event::Model>, DbErr> {
    event::Entity::find()
        .filter(event::Column::Visibility.is_in(visible_codes(actor)))
        .filter(
            event::Column::Id.in_subquery(
                Query::select()
                    .column(event_practice::Column::EventId)
                    .from(event_practice::Entity)
                    .and_where(event_practice::Column::PracticeId.eq(practice_id))
                    .to_owned(),
            ),
        )
        .order_by_desc(event::Column::StartsAt)
        .all(db)
        .await
}

/// Events a library resource belongs to, as a material or as the report,
/// that the reader may see (one query).
pub async fn events_with_resource<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
    resource_id: i32,
) -> Result<Vec<event::Model>, DbErr> {
    event::Entity::find()
        .filter(event::Column::Visibility.is_in(visible_codes(actor)))
        .filter(
            sea_orm::Condition::any()
                .add(event::Column::ReportId.eq(resource_id))
                .add(
                    event::Column::Id.in_subquery(
                        Query::select()
                            .column(event_material::Column::EventId)
                            .from(event_material::Entity)
                            .and_where(event_material::Column::ResourceId.eq(resource_id))
                            .to_owned(),
                    ),
                ),
        )
        .order_by_desc(event::Column::StartsAt)
        .all(db)
        .await
}
