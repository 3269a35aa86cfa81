//! The demo events (`events.toml`): the workshops, webinars and academy
//! modules the seeds describe, with their programmes, people, materials and
//! the participant figures the reports give. Events are matched by slug: a
//! second load adds nothing and writes nothing to the outbox.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ActiveModelTrait, DatabaseTransaction, EntityTrait};
use serde::Deserialize;

use super::{DemoError, LoadReport, tr, tr_opt};
use crate::db::outbox::{self, Op};
use crate::directory::entities::{organisation, theme};
use crate::directory::reference::TrDef;
use crate::events::editing::{languages_column, parse_hhmm, parse_local};
use crate::events::entities::{
    event, event_material, event_organisation, event_practice, event_series, event_session,
    event_theme, session_person,
};
use crate::events::{EventKind, EventStatus, Figures, OrganisationRole, SessionKind, SessionRole};
use crate::library::entities::{practice, resource};

const EVENTS_TOML: &str = include_str!("events.toml");

#[derive(Debug, Deserialize)]
struct EventsFile {
    #[serde(default)]
    series: Vec<SeriesDef>,
    #[serde(default)]
    event: Vec<EventDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeriesDef {
    slug: String,
    title: TrDef,
    summary: Option<TrDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventDef {
    slug: String,
    series: Option<String>,
    kind: String,
    status: String,
    title: TrDef,
    summary: Option<TrDef>,
    context: Option<TrDef>,
    objectives: Option<TrDef>,
    expected_results: Option<TrDef>,
    audience: Option<TrDef>,
    starts: String,
    ends: String,
    #[serde(default)]
    date_approximate: bool,
    timezone: String,
    city: Option<String>,
    country: Option<String>,
    address: Option<String>,
    #[serde(default)]
    online: bool,
    #[serde(default)]
    languages: Vec<String>,
    interpretation: Option<String>,
    capacity: Option<i32>,
    #[serde(default)]
    needs_approval: bool,
    #[serde(default)]
    organisers: Vec<String>,
    #[serde(default)]
    partners: Vec<String>,
    #[serde(default)]
    themes: Vec<String>,
    #[serde(default)]
    materials: Vec<String>,
    report: Option<String>,
    takeaways: Option<TrDef>,
    #[serde(default)]
    practices: Vec<String>,
    figures: Option<FiguresDef>,
    #[serde(default)]
    session: Vec<SessionDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FiguresDef {
    total: Option<i64>,
    #[serde(default)]
    countries: Vec<String>,
    #[serde(default)]
    by_country: BTreeMap<String, i64>,
    #[serde(default)]
    by_kind: BTreeMap<String, i64>,
    note: Option<TrDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SessionDef {
    day: i32,
    starts: Option<String>,
    ends: Option<String>,
    kind: String,
    title: TrDef,
    objectives: Option<TrDef>,
    #[serde(default)]
    materials: Vec<String>,
    #[serde(default)]
    people: Vec<PersonDef>,
    #[serde(default)]
    group: Vec<GroupDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupDef {
    title: TrDef,
    kind: Option<String>,
    objectives: Option<TrDef>,
    #[serde(default)]
    materials: Vec<String>,
    #[serde(default)]
    people: Vec<PersonDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonDef {
    role: String,
    name: String,
    organisation: Option<String>,
    affiliation: Option<String>,
}

fn parse() -> Result<EventsFile, DemoError> {
    toml::from_str(EVENTS_TOML).map_err(|e| DemoError::Invalid(format!("events.toml: {e}")))
}

/// A time at the venue: `2016-11-10T09:00`, or `today+21T10:00` (days after
/// the day the demo is loaded, in the venue's zone), so that the demo always
/// has an event to come. Events are matched by slug: a later load keeps the
/// dates of the first.
fn demo_time(s: &str, tz: Tz, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let Some(rest) = s.strip_prefix("today") else {
        return parse_local(s, tz);
    };
    let (days, time) = rest.split_once('T')?;
    let days: i64 = days.trim_start_matches('+').parse().ok()?;
    let day = now.with_timezone(&tz).date_naive() + chrono::Duration::days(days);
    parse_local(&format!("{}T{time}", day.format("%Y-%m-%d")), tz)
}

/// Slug → id of every row of an entity, for resolving references.
struct Refs {
    themes: HashMap<String, i32>,
    orgs: HashMap<String, i32>,
    resources: HashMap<String, i32>,
    practices: HashMap<String, i32>,
    series: HashMap<String, i32>,
}

fn look(map: &HashMap<String, i32>, slug: &str, what: &str, owner: &str) -> Result<i32, DemoError> {
    map.get(slug)
        .copied()
        .ok_or_else(|| DemoError::Invalid(format!("events.toml: {owner}: unknown {what} {slug}")))
}

fn invalid(owner: &str, msg: impl std::fmt::Display) -> DemoError {
    DemoError::Invalid(format!("events.toml: {owner}: {msg}"))
}

/// Load the demo events inside the demo's transaction.
pub(super) async fn load(
    tx: &DatabaseTransaction,
    now: DateTime<Utc>,
    report: &mut LoadReport,
) -> Result<(), DemoError> {
    let file = parse()?;
    let mut refs = Refs {
        themes: theme::Entity::find()
            .all(tx)
            .await?
            .into_iter()
            .map(|t| (t.slug, t.id))
            .collect(),
        orgs: organisation::Entity::find()
            .all(tx)
            .await?
            .into_iter()
            .map(|o| (o.slug, o.id))
            .collect(),
        resources: resource::Entity::find()
            .all(tx)
            .await?
            .into_iter()
            .map(|r| (r.slug, r.id))
            .collect(),
        practices: practice::Entity::find()
            .all(tx)
            .await?
            .into_iter()
            .map(|p| (p.slug, p.id))
            .collect(),
        series: event_series::Entity::find()
            .all(tx)
            .await?
            .into_iter()
            .map(|s| (s.slug, s.id))
            .collect(),
    };
    for def in file.series {
        if refs.series.contains_key(&def.slug) {
            report.unchanged += 1;
            continue;
        }
        let what = format!("series {}", def.slug);
        let s = event_series::ActiveModel {
            id: NotSet,
            slug: Set(def.slug.clone()),
            title: Set(tr(def.title, &what)?),
            summary: Set(tr_opt(def.summary, &what)?),
            created_at: Set(now),
        }
        .insert(tx)
        .await?;
        refs.series.insert(def.slug, s.id);
        report.created += 1;
    }
    let existing: HashMap<String, i32> = event::Entity::find()
        .all(tx)
        .await?
        .into_iter()
        .map(|e| (e.slug, e.id))
        .collect();
    for def in file.event {
        if existing.contains_key(&def.slug) {
            report.unchanged += 1;
            continue;
        }
        load_event(tx, def, &refs, now).await?;
        report.created += 1;
    }
    Ok(())
}

async fn load_event(
    tx: &DatabaseTransaction,
    def: EventDef,
    refs: &Refs,
    now: DateTime<Utc>,
) -> Result<(), DemoError> {
    let owner = format!("event {}", def.slug);
    let owner = owner.as_str();
    if EventKind::from_code(&def.kind).is_none() {
        return Err(invalid(owner, format!("unknown kind {}", def.kind)));
    }
    if EventStatus::from_code(&def.status).is_none() {
        return Err(invalid(owner, format!("unknown status {}", def.status)));
    }
    let tz: Tz = def
        .timezone
        .parse()
        .map_err(|_| invalid(owner, format!("unknown time zone {}", def.timezone)))?;
    let starts = demo_time(&def.starts, tz, now).ok_or_else(|| invalid(owner, "bad starts"))?;
    let ends = demo_time(&def.ends, tz, now).ok_or_else(|| invalid(owner, "bad ends"))?;
    if ends <= starts {
        return Err(invalid(owner, "ends before it starts"));
    }
    let days = (ends.with_timezone(&tz).date_naive() - starts.with_timezone(&tz).date_naive())
        .num_days() as i32
        + 1;
    let mut languages = std::collections::BTreeSet::new();
    for l in &def.languages {
        let l: crate::i18n::Locale = l
            .parse()
            .map_err(|_| invalid(owner, format!("unknown language {l}")))?;
        languages.insert(l);
    }
    let figures = match def.figures {
        None => None,
        Some(f) => {
            if let Some(t) = f.total
                && f.by_country.values().sum::<i64>() > t
            {
                return Err(invalid(owner, "figures by country exceed the total"));
            }
            Some(Figures {
                total: f.total,
                by_country: f.by_country,
                countries: f.countries,
                by_kind: f.by_kind,
                note: tr_opt(f.note, owner)?,
            })
        }
    };
    let series_id = def
        .series
        .as_deref()
        .map(|s| look(&refs.series, s, "series", owner))
        .transpose()?;
    let report_id = def
        .report
        .as_deref()
        .map(|s| look(&refs.resources, s, "resource", owner))
        .transpose()?;
    let e = event::ActiveModel {
        id: NotSet,
        slug: Set(def.slug.clone()),
        series_id: Set(series_id),
        kind: Set(def.kind),
        status: Set(def.status),
        visibility: Set("public".into()),
        title: Set(tr(def.title, owner)?),
        summary: Set(tr_opt(def.summary, owner)?),
        context: Set(tr_opt(def.context, owner)?),
        objectives: Set(tr_opt(def.objectives, owner)?),
        expected_results: Set(tr_opt(def.expected_results, owner)?),
        audience: Set(tr_opt(def.audience, owner)?),
        starts_at: Set(starts),
        ends_at: Set(ends),
        date_approximate: Set(def.date_approximate),
        timezone: Set(def.timezone),
        city: Set(def.city),
        country_code: Set(def.country.map(|c| c.to_ascii_uppercase())),
        address: Set(def.address),
        online: Set(def.online),
        online_url: Set(None),
        languages: Set(languages_column(&languages)),
        interpretation: Set(def.interpretation),
        capacity: Set(def.capacity),
        needs_approval: Set(def.needs_approval),
        registration_opens: Set(None),
        registration_closes: Set(None),
        questions: Set(None),
        report_id: Set(report_id),
        takeaways: Set(tr_opt(def.takeaways, owner)?),
        figures: Set(figures),
        created_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(tx)
    .await?;
    let roles = [
        (OrganisationRole::Organiser, &def.organisers),
        (OrganisationRole::Partner, &def.partners),
    ];
    for (role, slugs) in roles {
        for (i, slug) in slugs.iter().enumerate() {
            event_organisation::ActiveModel {
                event_id: Set(e.id),
                organisation_id: Set(look(&refs.orgs, slug, "organisation", owner)?),
                role: Set(role.code().to_owned()),
                position: Set(i as i32),
            }
            .insert(tx)
            .await?;
        }
    }
    for slug in &def.themes {
        event_theme::ActiveModel {
            event_id: Set(e.id),
            theme_id: Set(look(&refs.themes, slug, "theme", owner)?),
        }
        .insert(tx)
        .await?;
    }
    for slug in &def.practices {
        event_practice::ActiveModel {
            event_id: Set(e.id),
            practice_id: Set(look(&refs.practices, slug, "practice", owner)?),
        }
        .insert(tx)
        .await?;
    }
    attach(tx, e.id, None, &def.materials, refs, owner).await?;
    let mut positions: HashMap<i32, i32> = HashMap::new();
    for s in def.session {
        if !(1..=days).contains(&s.day) {
            return Err(invalid(
                owner,
                format!("session on day {} of {days}", s.day),
            ));
        }
        let pos = positions.entry(s.day).or_insert(0);
        *pos += 1;
        let id = insert_session(
            tx,
            e.id,
            None,
            s.day,
            *pos,
            &s.kind,
            s.title,
            s.objectives,
            (s.starts, s.ends),
            owner,
        )
        .await?;
        add_people(tx, e.id, id, &s.people, refs, owner).await?;
        attach(tx, e.id, Some(id), &s.materials, refs, owner).await?;
        for (i, g) in s.group.into_iter().enumerate() {
            let kind = g
                .kind
                .unwrap_or_else(|| SessionKind::WorkingGroups.code().to_owned());
            let gid = insert_session(
                tx,
                e.id,
                Some(id),
                s.day,
                i as i32 + 1,
                &kind,
                g.title,
                g.objectives,
                (None, None),
                owner,
            )
            .await?;
            add_people(tx, e.id, gid, &g.people, refs, owner).await?;
            attach(tx, e.id, Some(gid), &g.materials, refs, owner).await?;
        }
    }
    outbox::record(tx, "event", e.id, Op::Created).await?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn insert_session(
    tx: &DatabaseTransaction,
    event_id: i32,
    parent_id: Option<i32>,
    day: i32,
    position: i32,
    kind: &str,
    title: TrDef,
    objectives: Option<TrDef>,
    (starts, ends): (Option<String>, Option<String>),
    owner: &str,
) -> Result<i32, DemoError> {
    if SessionKind::from_code(kind).is_none() {
        return Err(invalid(owner, format!("unknown session kind {kind}")));
    }
    let time = |t: Option<String>| -> Result<Option<String>, DemoError> {
        t.map(|t| parse_hhmm(&t).ok_or_else(|| invalid(owner, format!("bad time {t}"))))
            .transpose()
    };
    let (starts, ends) = (time(starts)?, time(ends)?);
    if let (Some(s), Some(e)) = (&starts, &ends)
        && e <= s
    {
        return Err(invalid(owner, format!("session ends at {e}, before {s}")));
    }
    Ok(event_session::ActiveModel {
        id: NotSet,
        event_id: Set(event_id),
        parent_id: Set(parent_id),
        day: Set(day),
        position: Set(position),
        kind: Set(kind.to_owned()),
        title: Set(tr(title, owner)?),
        objectives: Set(tr_opt(objectives, owner)?),
        starts: Set(starts),
        ends: Set(ends),
    }
    .insert(tx)
    .await?
    .id)
}

async fn add_people(
    tx: &DatabaseTransaction,
    event_id: i32,
    session_id: i32,
    people: &[PersonDef],
    refs: &Refs,
    owner: &str,
) -> Result<(), DemoError> {
    for (i, p) in people.iter().enumerate() {
        if SessionRole::from_code(&p.role).is_none() {
            return Err(invalid(owner, format!("unknown role {}", p.role)));
        }
        let organisation_id = p
            .organisation
            .as_deref()
            .map(|o| look(&refs.orgs, o, "organisation", owner))
            .transpose()?;
        session_person::ActiveModel {
            id: NotSet,
            session_id: Set(session_id),
            event_id: Set(event_id),
            role: Set(p.role.clone()),
            person_id: Set(None),
            name: Set(Some(p.name.clone())),
            organisation_id: Set(organisation_id),
            affiliation: Set(p.affiliation.clone()),
            position: Set(i as i32 + 1),
        }
        .insert(tx)
        .await?;
    }
    Ok(())
}

async fn attach(
    tx: &DatabaseTransaction,
    event_id: i32,
    session_id: Option<i32>,
    slugs: &[String],
    refs: &Refs,
    owner: &str,
) -> Result<(), DemoError> {
    for (i, slug) in slugs.iter().enumerate() {
        event_material::ActiveModel {
            id: NotSet,
            event_id: Set(event_id),
            session_id: Set(session_id),
            resource_id: Set(look(&refs.resources, slug, "resource", owner)?),
            position: Set(i as i32 + 1),
        }
        .insert(tx)
        .await?;
    }
    Ok(())
}
