//! Reading events: typed filters, the list, and the event page's bounded set
//! of queries (the count does not grow with sessions, people, materials or
//! registrations). What a reader may see is decided in the query. Nothing
//! here knows HTTP: failures are [`EventsError`], which the routes map.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, Iterable,
    QueryFilter, QueryOrder, QuerySelect,
};

use super::entities::{
    event, event_material, event_practice, event_series, event_theme, registration,
};
use super::{EventKind, EventStatus, RegistrationStatus};
use crate::accounts::person;
use crate::db::list::ListQuery;
use crate::directory::entities::theme;
use crate::directory::reference::Reference;
use crate::directory::rules::{CountryCode, Slug, on_theme, theme_ids_column, themes_of};
use crate::fields::paging::{Page, PageRequest};
use crate::fields::{BadField, parse_opt};
use crate::i18n::Locale;
use crate::policy::Actor;

mod choices;
mod detail;
mod views;

pub use choices::*;
pub use detail::*;
pub use views::*;

/// What reading or looking up events can fail with.
#[derive(Debug, thiserror::Error)]
pub enum EventsError {
    /// A value the reader sent could not be understood; names the field.
    #[error("cannot understand the value of {0}")]
    BadValue(&'static str),
    /// No such event, session, registration or feed (or not visible).
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl From<BadField> for EventsError {
    fn from(BadField(field): BadField) -> Self {
        EventsError::BadValue(field)
    }
}

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
    /// Parse the query's values; a malformed one is refused, naming the field.
    pub fn parse(get: impl Fn(&str) -> Option<String>) -> Result<Self, EventsError> {
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

impl EventFilter {
    /// Whether the reader narrowed the list (kind, theme, country, year or
    /// series; the time tab is not a filter).
    pub fn narrowed(&self) -> bool {
        self.kind.is_some()
            || self.theme.is_some()
            || self.country.is_some()
            || self.year.is_some()
            || self.series.is_some()
    }
}

use crate::library::pictures::{self, OwnerKind};
pub use crate::library::visible_codes;

/// An event as lists show it.
#[derive(Clone, Debug)]
pub struct EventCard {
    pub event: event::Model,
    pub kind: Option<EventKind>,
    pub status: Option<EventStatus>,
    pub themes: Vec<theme::Model>,
    /// The address of its first photo, for the card.
    pub photo: Option<String>,
}

#[derive(FromQueryResult)]
struct EventRow {
    #[sea_orm(nested)]
    event: event::Model,
    theme_ids: Option<String>,
    photo_id: Option<i32>,
}

fn event_query(
    reference: &Reference,
    actor: Option<&Actor>,
    f: &EventFilter,
    series_id: Option<i32>,
    now: DateTime<Utc>,
) -> ListQuery<event::Entity> {
    use event::Column as E;
    let q = ListQuery::new(event::Entity::find().filter(E::Visibility.is_in(visible_codes(actor))))
        .filter_by(f.kind, |k| E::Kind.eq(k.code()))
        .filter_by(f.country.as_ref(), |c| E::CountryCode.eq(c.as_str()))
        .filter_known(f.year, |y| {
            let start = |y| {
                Some(
                    NaiveDate::from_ymd_opt(y, 1, 1)?
                        .and_hms_opt(0, 0, 0)?
                        .and_utc(),
                )
            };
            let (from, to) = (start(y)?, start(y + 1)?);
            Some(
                Condition::all()
                    .add(E::StartsAt.gte(from))
                    .add(E::StartsAt.lt(to)),
            )
        })
        .filter_known(f.series.as_ref(), |_| {
            series_id.map(|id| E::SeriesId.eq(id))
        })
        .filter_known(f.theme.as_ref(), |slug| {
            on_theme(
                reference,
                slug,
                E::Id,
                event_theme::Column::EventId,
                event_theme::Column::ThemeId,
            )
        });
    match f.when {
        When::Upcoming => q.filter(E::EndsAt.gte(now)),
        When::Past => q.filter(E::EndsAt.lt(now)),
        When::All => q,
    }
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
    let backend = db.get_database_backend();
    let rows = event_query(reference, actor, f, series_id, now)
        .page::<EventRow, _>(db, page, |q| {
            let sel = q
                .select_only()
                .columns(event::Column::iter())
                .column_as(
                    Expr::cust(theme_ids_column(backend, "event_theme", "event")),
                    "theme_ids",
                )
                .column_as(
                    Expr::cust(pictures::first_photo_column(OwnerKind::Event, "event")),
                    "photo_id",
                );
            match f.when {
                When::Upcoming => sel.order_by_asc(event::Column::StartsAt),
                When::Past | When::All => sel.order_by_desc(event::Column::StartsAt),
            }
            .order_by_asc(event::Column::Id)
        })
        .await?;
    Ok(rows.map(|r| EventCard {
        kind: EventKind::from_code(&r.event.kind),
        status: EventStatus::from_code(&r.event.status),
        themes: themes_of(reference, r.theme_ids.as_deref()),
        photo: r
            .photo_id
            .map(|id| pictures::src(OwnerKind::Event, r.event.id, id)),
        event: r.event,
    }))
}

/// An event's time zone (UTC if the stored name is unknown).
pub fn tz_of(e: &event::Model) -> Tz {
    e.timezone.parse().unwrap_or(Tz::UTC)
}

/// An event's start and end in its time zone, as the venue reads them, in
/// the reader's language (`10–12 November 2016, 09:00–17:00`, through
/// [`Locale::span_in`]); an approximate date shows only its month and year.
/// What every page showing an event's date uses (events' pages, plans',
/// feeds). The zone is named beside it by [`zone_label`].
pub fn when(e: &event::Model, locale: Locale) -> String {
    let tz = tz_of(e);
    if e.date_approximate {
        let s = e.starts_at.with_timezone(&tz);
        return locale.month_year(chrono::Datelike::year(&s), chrono::Datelike::month(&s));
    }
    locale.span_in(e.starts_at, e.ends_at, tz)
}

/// The venue's time zone as the reader's language names it, for the times
/// [`when`] gives (`None` for an approximate date, which shows no time).
pub fn zone_label(e: &event::Model, locale: Locale) -> Option<String> {
    (!e.date_approximate).then(|| locale.zone_name(tz_of(e)))
}

/// The event's times in another zone (a signed-in reader's own), when that
/// zone differs from the venue's and the date is exact.
pub fn when_in(e: &event::Model, locale: Locale, zone: Tz) -> Option<String> {
    if e.date_approximate || zone == tz_of(e) {
        return None;
    }
    let venue = tz_of(e);
    // Zones with the same offsets at both ends read the same clock.
    let same = |t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&zone).naive_local() == t.with_timezone(&venue).naive_local()
    };
    if same(e.starts_at) && same(e.ends_at) {
        return None;
    }
    Some(format!(
        "{} ({})",
        locale.span_in(e.starts_at, e.ends_at, zone),
        locale.zone_name(zone)
    ))
}

pub(crate) use crate::fields::split_codes;

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

fn visible_by_slug(codes: &[&'static str], slug: &str) -> sea_orm::Select<event::Entity> {
    event::Entity::find()
        .filter(event::Column::Slug.eq(slug))
        .filter(event::Column::Visibility.is_in(codes.iter().copied()))
}

pub(super) async fn find_event_in<C: ConnectionTrait>(
    db: &C,
    codes: &[&'static str],
    slug: &str,
) -> Result<Option<event::Model>, DbErr> {
    visible_by_slug(codes, slug).one(db).await
}

/// As [`find_event_in`], with the network the event was imported from
/// (read in the same query).
pub(super) async fn find_sourced_in<C: ConnectionTrait>(
    db: &C,
    codes: &[&'static str],
    slug: &str,
) -> Result<Option<crate::db::provenance::Sourced<event::Model>>, DbErr> {
    crate::db::provenance::one_sourced(db, visible_by_slug(codes, slug), "event").await
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

/// The countries of the events `actor` may see (what the list's country
/// filter offers: never a country only a members-only event has, for a
/// visitor). One query.
pub async fn event_countries<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    actor: Option<&Actor>,
    now: DateTime<Utc>,
) -> Result<Vec<String>, DbErr> {
    let all = EventFilter {
        when: When::All,
        ..EventFilter::default()
    };
    event_query(reference, actor, &all, None, now)
        .distinct_values(db, event::Column::CountryCode)
        .await
}

/// A series by slug.
pub async fn series_by_slug<C: ConnectionTrait>(
    db: &C,
    slug: &str,
) -> Result<Option<event_series::Model>, DbErr> {
    event_series::Entity::find()
        .filter(event_series::Column::Slug.eq(slug))
        .one(db)
        .await
}

/// The most events a calendar feed lists.
pub const FEED_LIMIT: u64 = 500;

/// The events a calendar feed lists: those the reader may see (of one
/// series, if given), latest first, at most [`FEED_LIMIT`].
pub async fn feed_events<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
    series: Option<i32>,
) -> Result<Vec<event::Model>, DbErr> {
    let mut q = event::Entity::find().filter(event::Column::Visibility.is_in(visible_codes(actor)));
    if let Some(s) = series {
        q = q.filter(event::Column::SeriesId.eq(s));
    }
    q.order_by_desc(event::Column::StartsAt)
        .limit(FEED_LIMIT)
        .all(db)
        .await
}

/// All series, for forms and filters.
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
