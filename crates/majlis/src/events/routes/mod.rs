//! Event pages (`/events`), coordinators' pages (event form, programme,
//! registrations, outcomes), sign-up, calendar feeds and the JSON API.
//! Handlers parse, call the rules and render; the rules' errors become
//! [`AppError`] here, at the edge.

use axum::http::StatusCode;

use super::editing::EditError;
use super::entities::event;
use super::registration::RegistrationError;
use super::rules::{self, EventsError};
use super::{SessionRole, editing};
use crate::app::AppState;
use crate::app::Routes;
use crate::directory::entities::country;
use crate::directory::service::Directory;
use crate::i18n::Locale;
use crate::library::ResourceKind;
use crate::policy::Actor;
use crate::web::{AppError, PageCtx, Params};

/// Template helpers shared by the event pages.
pub trait EventPage {
    fn ctx(&self) -> &PageCtx;
    fn lang_label(&self, code: &str) -> String {
        self.ctx().lang_label(code)
    }
    fn kind_label(&self, code: &str) -> String {
        self.ctx().t(&format!("event-kind-{code}"))
    }
    fn status_label(&self, code: &str) -> String {
        self.ctx().t(&format!("event-status-{code}"))
    }
    fn session_kind_label(&self, code: &str) -> String {
        self.ctx().t(&format!("session-kind-{code}"))
    }
    fn role_label(&self, r: &SessionRole) -> String {
        self.ctx().t(&r.label_id())
    }
    fn registration_label(&self, code: &str) -> String {
        self.ctx().t(&format!("registration-status-{code}"))
    }
    fn resource_kind_label(&self, code: &str) -> String {
        self.ctx().t(&format!("resource-kind-{code}"))
    }
    /// Start and end in the event's time zone, as the venue reads them,
    /// with the zone's name (month and year when the date is approximate):
    /// [`rules::when`], [`rules::zone_label`].
    fn when(&self, e: &event::Model) -> String {
        let l = self.ctx().locale;
        match rules::zone_label(e, l) {
            Some(zone) => format!("{} ({zone})", rules::when(e, l)),
            None => rules::when(e, l),
        }
    }
    /// The times in the signed-in reader's own zone, when they chose one
    /// and it reads a different clock than the venue's.
    fn when_mine(&self, e: &event::Model) -> Option<String> {
        let ctx = self.ctx();
        rules::when_in(e, ctx.locale, ctx.own_zone()?)
    }
    fn dir(&self) -> &Directory;
    fn country_label(&self, code: &str) -> String {
        match self.dir().reference.country(code) {
            Some(c) => c.name.text(self.ctx().locale).to_owned(),
            None => code.to_owned(),
        }
    }
    fn place(&self, e: &event::Model) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(c) = &e.city {
            parts.push(c.clone());
        }
        if let Some(code) = &e.country_code {
            parts.push(self.country_label(code));
        }
        if e.online {
            parts.push(self.ctx().t("event-online"));
        }
        parts.join(", ")
    }
}

macro_rules! event_page {
    ($($t:ty),+) => { $(impl $crate::events::routes::EventPage for $t {
        fn ctx(&self) -> &$crate::web::PageCtx { &self.ctx }
        fn dir(&self) -> &$crate::directory::service::Directory { &self.dir }
    })+ };
}

mod api;
mod calendar;
pub mod feed;
mod form;
mod list;
mod outcomes;
mod page;
mod programme;
mod registration;

/// The events' part of the API description.
pub fn api_doc() -> utoipa::openapi::OpenApi {
    <api::ApiDoc as utoipa::OpenApi>::openapi()
}

pub fn routes() -> Routes {
    Routes::new()
        .get("/events", list::events_page)
        .get("/events.ics", calendar::all_events_ics)
        .get("/events.atom", feed::events_feed)
        .get("/events/calendar.ics", calendar::all_events_ics)
        .get("/events/new", form::new_event_page)
        .post("/events/new", form::new_event)
        .get("/events/mine", calendar::my_calendar)
        .post("/events/mine", calendar::new_calendar_feed)
        .get("/events/{slug}", page::event_page)
        .get("/events/{slug}/calendar.ics", calendar::event_ics)
        .get("/events/{slug}/edit", form::edit_event_page)
        .post("/events/{slug}/edit", form::edit_event)
        .post("/events/{slug}/clone", form::clone_event)
        .get("/events/{slug}/programme", programme::programme_page)
        .post("/events/{slug}/programme", programme::change_programme)
        .get(
            "/events/{slug}/registrations",
            registration::registrations_page,
        )
        .post(
            "/events/{slug}/registrations",
            registration::change_registrations,
        )
        .get("/events/{slug}/outcomes", outcomes::outcomes_page)
        .post("/events/{slug}/outcomes", outcomes::save_outcomes)
        .post("/events/{slug}/register", registration::register)
        .post("/events/{slug}/cancel", registration::cancel)
        .post("/events/{slug}/consent", registration::consent)
        .get("/series/{slug}/calendar.ics", calendar::series_ics)
        .get("/calendar/{token}/events.ics", calendar::personal_ics)
        .get("/api/v1/events", api::api_events)
        .get("/api/v1/events.csv", api::events_download)
        .get("/api/v1/events.xlsx", api::events_download)
        .get("/api/v1/events/{slug}", api::api_event)
}

impl From<EventsError> for AppError {
    fn from(e: EventsError) -> Self {
        match e {
            EventsError::BadValue(field) => AppError::bad_request(field),
            EventsError::NotFound => AppError::NotFound,
            EventsError::Db(e) => e.into(),
        }
    }
}

impl From<EditError> for AppError {
    fn from(e: EditError) -> Self {
        match e {
            EditError::Forbidden => AppError::Forbidden,
            EditError::NotFound => AppError::NotFound,
            EditError::Invalid(_) => AppError::bad_request("form"),
            EditError::Db(e) => e.into(),
        }
    }
}

impl From<RegistrationError> for AppError {
    fn from(e: RegistrationError) -> Self {
        match e {
            RegistrationError::Forbidden => AppError::Forbidden,
            RegistrationError::SecondFactorRequired => AppError::TwoFactorRequired,
            RegistrationError::NotFound => AppError::NotFound,
            RegistrationError::Db(e) => e.into(),
            RegistrationError::Closed
            | RegistrationError::AlreadyRegistered
            | RegistrationError::MissingAnswer(_)
            | RegistrationError::WrongState => AppError::bad_request("registration"),
        }
    }
}

/// A positive id from a form field.
fn int(s: &str) -> Option<i32> {
    s.trim().parse::<i32>().ok().filter(|i| *i > 0)
}

/// 400 when a form comes back with errors, else 200.
fn status_for(has_errors: bool) -> StatusCode {
    if has_errors {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    }
}

/// The language a form writes in: `?in=xx`, else the given default.
fn writing_lang(params: &Params, default: Locale) -> Result<Locale, AppError> {
    match params.get("in") {
        None | Some("") => Ok(default),
        Some(l) => l.parse().map_err(|_| AppError::bad_request("in")),
    }
}

/// A visible event by slug, or 404.
async fn visible_event(
    state: &AppState,
    actor: Option<&Actor>,
    slug: &str,
) -> Result<event::Model, AppError> {
    rules::find_event(state.db.read(), actor, slug)
        .await?
        .ok_or(AppError::NotFound)
}

/// An event's page data for a coordinators' page, or 404.
async fn detail_for(
    state: &AppState,
    actor: &Actor,
    slug: &str,
) -> Result<rules::EventDetail, AppError> {
    rules::event_detail(
        state.db.read(),
        &state.directory.reference,
        Some(actor),
        slug,
    )
    .await?
    .ok_or(AppError::NotFound)
}

fn sorted_countries(state: &AppState, ctx: &PageCtx) -> Vec<country::Model> {
    crate::directory::choices::countries_by_name(
        state.directory.reference.countries().cloned(),
        ctx.locale,
    )
}

/// Every country code of the reference data.
fn country_codes(dir: &Directory) -> Vec<String> {
    dir.reference.countries().map(|c| c.code.clone()).collect()
}

/// The number of days an event spans (at least 1, at most the form's maximum).
fn event_days(e: &event::Model) -> i32 {
    let tz = rules::tz_of(e);
    let days = (e.ends_at.with_timezone(&tz).date_naive()
        - e.starts_at.with_timezone(&tz).date_naive())
    .num_days()
        + 1;
    days.clamp(1, i64::from(editing::MAX_DAYS)) as i32
}

async fn organisation_choices(
    state: &AppState,
    ctx: &PageCtx,
) -> Result<Vec<(i32, String)>, AppError> {
    Ok(rules::organisation_names(state.db.read(), ctx.locale).await?)
}

/// Library resources to choose from: "Title (kind)", newest first.
async fn resource_choices(state: &AppState, ctx: &PageCtx) -> Result<Vec<(i32, String)>, AppError> {
    let rs = rules::all_resources(state.db.read()).await?;
    Ok(rs
        .into_iter()
        .map(|r| {
            let kind = ResourceKind::from_code(&r.kind)
                .map(|k| ctx.t(&k.label_id()))
                .unwrap_or_default();
            (r.id, format!("{} ({kind})", r.title.text(ctx.locale)))
        })
        .collect())
}

async fn practice_choices(state: &AppState, ctx: &PageCtx) -> Result<Vec<(i32, String)>, AppError> {
    Ok(rules::published_practices(state.db.read(), ctx.locale).await?)
}
