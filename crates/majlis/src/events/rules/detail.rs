//! The event page: programme, people, materials, registrations and figures,
//! read in a fixed number of queries whatever the programme's size.

use std::collections::{BTreeMap, HashMap};

use chrono_tz::Tz;
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

use super::super::entities::{
    event, event_material, event_organisation, event_practice, event_series, event_session,
    event_theme, registration, session_person,
};
use super::super::{
    EventKind, EventStatus, Figures, OrganisationRole, RegistrationStatus, SessionKind,
    SessionRole, registration as reg,
};
use super::{
    Counts, Day, EventDetail, MaterialView, Participant, PersonView, ReportedFigures, SessionView,
    find_sourced_in, tz_of, visible_codes,
};
use crate::accounts::{affiliation, person};
use crate::directory::entities::{municipality, organisation};
use crate::directory::reference::Reference;
use crate::i18n::TrText;
use crate::library::entities::{practice, resource, resource_version};
use crate::library::{PracticeStatus, ResourceKind};
use crate::policy::{Action, Actor, can};

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
    let Some(found) = find_sourced_in(db, codes, slug).await? else {
        return Ok(None);
    };
    let (e, imported_from) = (found.item, found.imported_from);
    let links = Links::load(db, &e).await?;
    let mut programme = Programme::load(db, codes, &e).await?;
    let practices = practices_of(db, e.id).await?;
    let regs = active_registrations(db, e.id).await?;
    let counts = count(&regs);
    let counted = counted_registrations(&regs, &counts);
    let names = Names::load(db, &counted, &programme.people, &links.orgs).await?;
    let tz = tz_of(&e);
    let days = days_of(&e, tz, &mut programme, &names);
    let report = programme.materials.remove(&0);
    let event_materials: Vec<MaterialView> = programme
        .links
        .iter()
        .filter(|m| m.session_id.is_none())
        .filter_map(|m| programme.materials.remove(&m.id))
        .collect();
    let participants: Vec<Participant> = regs
        .iter()
        .filter(|r| r.status == RegistrationStatus::Registered.code() && r.public_consent)
        .filter_map(|r| {
            names.persons.get(&r.person_id).map(|p| Participant {
                name: p.display_name.clone(),
                affiliation: names.affiliation_name(r.person_id),
            })
        })
        .collect();
    // Figures: counted on the platform when there are registrations,
    // otherwise what coordinators entered by hand.
    let figures = if counted.is_empty() {
        hand_figures(e.figures.as_ref())
    } else {
        counted_figures(&counted, &names, counts.attended > 0)
    };
    Ok(Some(EventDetail {
        kind: EventKind::from_code(&e.kind),
        status: EventStatus::from_code(&e.status),
        tz,
        organisers: names.org_list(&links.orgs, OrganisationRole::Organiser),
        partners: names.org_list(&links.orgs, OrganisationRole::Partner),
        series: links.series,
        themes: reference
            .themes()
            .iter()
            .filter(|t| links.theme_ids.contains(&t.id))
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
        imported_from,
        event: e,
    }))
}

/// An event's series, organisations (organisers and partners) and themes.
struct Links {
    series: Option<event_series::Model>,
    orgs: Vec<event_organisation::Model>,
    theme_ids: Vec<i32>,
}

impl Links {
    async fn load<C: ConnectionTrait>(db: &C, e: &event::Model) -> Result<Self, DbErr> {
        let series = match e.series_id {
            Some(id) => event_series::Entity::find_by_id(id).one(db).await?,
            None => None,
        };
        let orgs = event_organisation::Entity::find()
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
        Ok(Links {
            series,
            orgs,
            theme_ids,
        })
    }
}

/// Sessions, people in roles and materials (the report under link id 0).
struct Programme {
    sessions: Vec<event_session::Model>,
    people: Vec<session_person::Model>,
    links: Vec<event_material::Model>,
    materials: HashMap<i32, MaterialView>,
}

impl Programme {
    async fn load<C: ConnectionTrait>(
        db: &C,
        codes: &[&'static str],
        e: &event::Model,
    ) -> Result<Self, DbErr> {
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
        let links = event_material::Entity::find()
            .filter(event_material::Column::EventId.eq(e.id))
            .order_by_asc(event_material::Column::Position)
            .order_by_asc(event_material::Column::Id)
            .all(db)
            .await?;
        let mut ids: Vec<(i32, i32)> = links.iter().map(|m| (m.id, m.resource_id)).collect();
        if let Some(r) = e.report_id {
            ids.push((0, r));
        }
        let materials = materials_of(db, codes, &ids).await?;
        Ok(Programme {
            sessions,
            people,
            links,
            materials,
        })
    }
}

/// Published (or archived) practices presented at the event (one query).
async fn practices_of<C: ConnectionTrait>(
    db: &C,
    event_id: i32,
) -> Result<Vec<(i32, TrText)>, DbErr> {
    Ok(practice::Entity::find()
        .filter(
            practice::Column::Id.in_subquery(
                Query::select()
                    .column(event_practice::Column::PracticeId)
                    .from(event_practice::Entity)
                    .and_where(event_practice::Column::EventId.eq(event_id))
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
        .collect())
}

/// Every active registration of an event (registered, waiting, pending).
async fn active_registrations<C: ConnectionTrait>(
    db: &C,
    event_id: i32,
) -> Result<Vec<registration::Model>, DbErr> {
    registration::Entity::find()
        .filter(registration::Column::EventId.eq(event_id))
        .filter(registration::Column::Status.is_in([
            RegistrationStatus::Registered.code(),
            RegistrationStatus::Waiting.code(),
            RegistrationStatus::Pending.code(),
        ]))
        .all(db)
        .await
}

fn count(regs: &[registration::Model]) -> Counts {
    let mut counts = Counts::default();
    for r in regs {
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
    counts
}

/// The registrations the figures count: those checked in once check-in has
/// begun, otherwise every registered one.
fn counted_registrations<'a>(
    regs: &'a [registration::Model],
    counts: &Counts,
) -> Vec<&'a registration::Model> {
    let registered = regs
        .iter()
        .filter(|r| r.status == RegistrationStatus::Registered.code());
    if counts.attended > 0 {
        registered.filter(|r| r.attended_at.is_some()).collect()
    } else {
        registered.collect()
    }
}

/// The people, organisations and municipalities the page names, loaded at
/// once (four queries at most).
struct Names {
    persons: HashMap<i32, person::Model>,
    affiliations: Vec<affiliation::Model>,
    orgs: HashMap<i32, organisation::Model>,
    munis: HashMap<i32, municipality::Model>,
}

impl Names {
    async fn load<C: ConnectionTrait>(
        db: &C,
        counted: &[&registration::Model],
        people: &[session_person::Model],
        org_links: &[event_organisation::Model],
    ) -> Result<Self, DbErr> {
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
        let muni_ids: Vec<i32> = affiliations
            .iter()
            .filter_map(|a| a.municipality_id)
            .collect();
        Ok(Names {
            persons,
            orgs: by_id::<_, organisation::Entity>(db, org_ids, organisation::Column::Id, |o| o.id)
                .await?,
            munis: by_id::<_, municipality::Entity>(db, muni_ids, municipality::Column::Id, |m| {
                m.id
            })
            .await?,
            affiliations,
        })
    }

    fn first_affiliation(&self, pid: i32) -> Option<&affiliation::Model> {
        self.affiliations.iter().find(|a| a.person_id == pid)
    }

    /// A person's first affiliation, by name (an organisation by acronym).
    fn affiliation_name(&self, pid: i32) -> Option<String> {
        let a = self.first_affiliation(pid)?;
        match (a.municipality_id, a.organisation_id) {
            (Some(m), _) => self.munis.get(&m).map(|m| m.name.original().to_owned()),
            (None, Some(o)) => self.orgs.get(&o).map(|o| {
                o.acronym
                    .clone()
                    .unwrap_or_else(|| o.name.text(crate::i18n::Locale::En).to_owned())
            }),
            _ => None,
        }
    }

    /// A registrant's country and kind of place (`m:<kind>` or `o:<kind>`).
    fn country_and_kind(&self, pid: i32) -> (Option<String>, Option<String>) {
        let Some(a) = self.first_affiliation(pid) else {
            return (None, None);
        };
        match (a.municipality_id, a.organisation_id) {
            (Some(m), _) => self
                .munis
                .get(&m)
                .map(|m| (Some(m.country_code.clone()), Some(format!("m:{}", m.kind))))
                .unwrap_or((None, None)),
            (None, Some(o)) => self
                .orgs
                .get(&o)
                .map(|o| (o.country_code.clone(), Some(format!("o:{}", o.kind))))
                .unwrap_or((None, None)),
            _ => (None, None),
        }
    }

    fn view_person(&self, p: &session_person::Model) -> PersonView {
        PersonView {
            id: p.id,
            role: SessionRole::from_code(&p.role),
            name: p
                .name
                .clone()
                .or_else(|| {
                    p.person_id
                        .and_then(|id| self.persons.get(&id).map(|x| x.display_name.clone()))
                })
                .unwrap_or_default(),
            affiliation: p
                .affiliation
                .clone()
                .or_else(|| {
                    p.organisation_id.and_then(|o| {
                        self.orgs.get(&o).map(|o| {
                            o.acronym
                                .clone()
                                .unwrap_or_else(|| o.name.original().to_owned())
                        })
                    })
                })
                .or_else(|| p.person_id.and_then(|id| self.affiliation_name(id))),
            person_id: p.person_id,
        }
    }

    fn org_list(
        &self,
        links: &[event_organisation::Model],
        role: OrganisationRole,
    ) -> Vec<organisation::Model> {
        links
            .iter()
            .filter(|l| l.role == role.code())
            .filter_map(|l| self.orgs.get(&l.organisation_id).cloned())
            .collect()
    }
}

/// Records by id (one query; none when there are no ids).
async fn by_id<C: ConnectionTrait, E: EntityTrait>(
    db: &C,
    ids: Vec<i32>,
    column: E::Column,
    id: impl Fn(&E::Model) -> i32,
) -> Result<HashMap<i32, E::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(E::find()
        .filter(column.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (id(&m), m))
        .collect())
}

/// A session as the programme shows it, without its working groups.
fn view_session(s: &event_session::Model, p: &mut Programme, names: &Names) -> SessionView {
    SessionView {
        kind: SessionKind::from_code(&s.kind),
        people: p
            .people
            .iter()
            .filter(|x| x.session_id == s.id)
            .map(|x| names.view_person(x))
            .collect(),
        materials: p
            .links
            .iter()
            .filter(|m| m.session_id == Some(s.id))
            .filter_map(|m| p.materials.remove(&m.id))
            .collect(),
        groups: Vec::new(),
        session: s.clone(),
    }
}

/// The programme by day: sessions with their working groups (the sessions'
/// materials are taken out of `p.materials`).
fn days_of(e: &event::Model, tz: Tz, p: &mut Programme, names: &Names) -> Vec<Day> {
    let first_day = e.starts_at.with_timezone(&tz).date_naive();
    let sessions = std::mem::take(&mut p.sessions);
    let mut days: Vec<Day> = Vec::new();
    for s in sessions.iter().filter(|s| s.parent_id.is_none()) {
        let mut v = view_session(s, p, names);
        v.groups = sessions
            .iter()
            .filter(|g| g.parent_id == Some(s.id))
            .map(|g| view_session(g, p, names))
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
    days
}

/// Figures counted from registrations, by country and kind of place.
fn counted_figures(
    counted: &[&registration::Model],
    names: &Names,
    from_attendance: bool,
) -> ReportedFigures {
    let mut by_country: BTreeMap<String, i64> = BTreeMap::new();
    let mut by_kind: BTreeMap<String, i64> = BTreeMap::new();
    for r in counted {
        let (country, kind) = names.country_and_kind(r.person_id);
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
        from_attendance,
        total: Some(counted.len() as i64),
        by_country: sorted(by_country),
        countries: Vec::new(),
        by_kind: sorted(by_kind),
        note: None,
    }
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
