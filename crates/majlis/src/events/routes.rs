//! Event pages (`/events`), coordinators' pages (event form, programme,
//! registrations, outcomes), sign-up, calendar feeds and the JSON API.

use std::collections::BTreeMap;

use askama::Template;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::editing::{self, EditError, EventInput};
use super::entities::{calendar_feed, event, event_series};
use super::registration::{self as reg, Decision, RegistrationError, Signup};
use super::rules::{self, EventCard, EventDetail, EventFilter, RegistrationRow, When};
use super::{Answers, EventKind, EventStatus, RegistrationStatus, SessionKind, SessionRole};
use crate::accounts::person;
use crate::accounts::policy::{Action, Actor, Coordinator, can};
use crate::accounts::web::{ClientInfo, CsrfForm, RequireRole, RequireSignedIn, origin_of};
use crate::directory::entities::{country, theme};
use crate::directory::routes::ApiList;
use crate::directory::rules::{Page, PageRequest};
use crate::directory::service::Directory;
use crate::i18n::{Locale, TrText};
use crate::library::entities::{practice, resource};
use crate::library::practices::{FieldError, RawForm};
use crate::library::{PracticeStatus, ResourceKind};
use crate::web::routes::Routes;
use crate::web::{AppError, AppState, PageCtx, Params, Section, redirect, render};
use std::sync::Arc;

pub fn routes() -> Routes {
    Routes::new()
        .get("/events", events_page)
        .get("/events.ics", all_events_ics)
        .get("/events/calendar.ics", all_events_ics)
        .get("/events/new", new_event_page)
        .post("/events/new", new_event)
        .get("/events/mine", my_calendar)
        .post("/events/mine", new_calendar_feed)
        .get("/events/{slug}", event_page)
        .get("/events/{slug}/calendar.ics", event_ics)
        .get("/events/{slug}/edit", edit_event_page)
        .post("/events/{slug}/edit", edit_event)
        .post("/events/{slug}/clone", clone_event)
        .get("/events/{slug}/programme", programme_page)
        .post("/events/{slug}/programme", change_programme)
        .get("/events/{slug}/registrations", registrations_page)
        .post("/events/{slug}/registrations", change_registrations)
        .get("/events/{slug}/outcomes", outcomes_page)
        .post("/events/{slug}/outcomes", save_outcomes)
        .post("/events/{slug}/register", register)
        .post("/events/{slug}/cancel", cancel)
        .post("/events/{slug}/consent", consent)
        .get("/series/{slug}/calendar.ics", series_ics)
        .get("/calendar/{token}/events.ics", personal_ics)
        .get("/api/v1/events", api_events)
        .get("/api/v1/events/{slug}", api_event)
}

fn edit_error(e: EditError) -> AppError {
    match e {
        EditError::Forbidden => AppError::Forbidden,
        EditError::NotFound => AppError::NotFound,
        EditError::Invalid(_) => AppError::bad_request("form"),
        EditError::Db(e) => e.into(),
    }
}

fn int(s: &str) -> Option<i32> {
    s.trim().parse::<i32>().ok().filter(|i| *i > 0)
}

/// The language a form writes in: `?in=xx`, else the given default.
fn writing_lang(params: &Params, default: Locale) -> Result<Locale, AppError> {
    match params.get("in") {
        None | Some("") => Ok(default),
        Some(l) => l.parse().map_err(|_| AppError::bad_request("in")),
    }
}

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
    /// Start and end in the event's time zone, as the venue reads them.
    fn when(&self, e: &event::Model) -> String {
        let tz = rules::tz_of(e);
        let s = e.starts_at.with_timezone(&tz);
        let t = e.ends_at.with_timezone(&tz);
        if e.date_approximate {
            return format!(
                "{} {}",
                self.ctx()
                    .t(&format!("month-{}", chrono::Datelike::month(&s))),
                chrono::Datelike::year(&s)
            );
        }
        if s.date_naive() == t.date_naive() {
            format!(
                "{} {}–{}",
                s.format("%Y-%m-%d"),
                s.format("%H:%M"),
                t.format("%H:%M")
            )
        } else {
            format!(
                "{} – {}",
                s.format("%Y-%m-%d %H:%M"),
                t.format("%Y-%m-%d %H:%M")
            )
        }
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
    ($($t:ty),+) => { $(impl EventPage for $t {
        fn ctx(&self) -> &PageCtx { &self.ctx }
        fn dir(&self) -> &Directory { &self.dir }
    })+ };
}

fn sorted_countries(state: &AppState, ctx: &PageCtx) -> Vec<country::Model> {
    let mut countries: Vec<country::Model> =
        state.directory.reference.countries().cloned().collect();
    countries.sort_by(|a, b| a.name.text(ctx.locale).cmp(b.name.text(ctx.locale)));
    countries
}

// ---------------------------------------------------------------------- list

#[derive(Template)]
#[template(path = "events/templates/events.html")]
struct EventList {
    ctx: PageCtx,
    dir: Arc<Directory>,
    page: Arc<Page<EventCard>>,
    kinds: &'static [EventKind],
    themes: Vec<theme::Model>,
    countries: Vec<country::Model>,
    series: Arc<Vec<event_series::Model>>,
    whens: [When; 3],
    current_series: Option<event_series::Model>,
}
event_page!(EventList);

impl EventList {
    fn is_when(&self, w: &When) -> bool {
        match self.ctx.param("when") {
            "" => *w == When::Upcoming,
            p => p == w.code(),
        }
    }
}

/// `GET /events?when=&kind=&theme=&country=&year=&series=&page=`
async fn events_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Html<String>, AppError> {
    let f = EventFilter::parse(|k| params.get(k).map(str::to_owned))?;
    let pr = PageRequest::parse(params.get("page"), params.get("per_page"))?;
    let cache = &state.events;
    let v = cache.version(&state.db).await?;
    let page = cache
        .list(
            &state.db,
            &state.directory.reference,
            v,
            ctx.actor(),
            &f,
            pr,
            Utc::now(),
        )
        .await?;
    let series = cache.series(&state.db, v).await?;
    let held_in = cache.countries(&state.db, v).await?;
    let mut countries = sorted_countries(&state, &ctx);
    countries.retain(|c| {
        held_in.contains(&c.code) || f.country.as_ref().is_some_and(|x| x.as_str() == c.code)
    });
    let current_series = f
        .series
        .as_ref()
        .and_then(|s| series.iter().find(|x| x.slug == s.as_str()).cloned());
    render(&EventList {
        dir: state.directory.clone(),
        countries,
        ctx: ctx.with_section(Section::Events),
        page,
        kinds: EventKind::ALL,
        themes: state.directory.reference.themes().to_vec(),
        series,
        whens: When::ALL,
        current_series,
    })
}

// -------------------------------------------------------------------- detail

#[derive(Template)]
#[template(path = "events/templates/event.html")]
struct EventView {
    ctx: PageCtx,
    dir: Arc<Directory>,
    d: EventDetail,
    json_ld: String,
    staff: bool,
    open: bool,
    errors: Vec<FieldError>,
    answers: BTreeMap<String, String>,
    /// The consent box as the person left it (kept when a form comes back).
    consent: bool,
    related: Vec<crate::search::routes::Item>,
}
event_page!(EventView);

impl EventView {
    fn working_languages(&self) -> Vec<String> {
        rules::languages(&self.d.event)
    }
    fn is_active(&self) -> bool {
        self.d.my_status().is_some_and(|s| s.is_active())
    }
    fn questions(&self) -> Vec<super::Question> {
        self.d
            .event
            .questions
            .clone()
            .map(|q| q.0)
            .unwrap_or_default()
    }
    fn full(&self) -> bool {
        self.d.places_left() == Some(0)
    }
    fn answer(&self, id: &str) -> &str {
        self.answers.get(id).map(String::as_str).unwrap_or_default()
    }
    fn has_error(&self, f: &str) -> bool {
        self.errors.iter().any(|e| e.field == f)
    }
    fn lines<'a>(&self, t: &'a TrText) -> Vec<&'a str> {
        t.text(self.ctx.locale)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }
    fn paragraphs<'a>(&self, t: &'a TrText) -> Vec<&'a str> {
        t.text(self.ctx.locale)
            .split("\n\n")
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }
    fn day_label(&self, d: &rules::Day) -> String {
        let n = self.ctx.t1("event-day", "number", i64::from(d.number));
        match d.date {
            Some(date) => format!("{n} · {}", date.format("%Y-%m-%d")),
            None => n,
        }
    }
    fn kind_of_org(&self, code: &str) -> String {
        match code.split_once(':') {
            Some(("m", k)) => self.ctx.t(&format!("municipality-kind-{k}")),
            Some(("o", k)) => self.ctx.t(&format!("organisation-kind-{k}")),
            _ => self.ctx.t("event-figures-unknown"),
        }
    }
    fn file_url(&self, v: &crate::library::entities::resource_version::Model) -> Option<String> {
        let sha = v.file_sha256.as_deref()?;
        let name = v.file_name.as_deref().unwrap_or("file");
        let name: String = url::form_urlencoded::byte_serialize(name.as_bytes()).collect();
        Some(format!("/files/{sha}/{}", name.replace('+', "%20")))
    }
}

async fn show_event(
    state: &AppState,
    ctx: PageCtx,
    slug: &str,
    errors: Vec<FieldError>,
    answers: BTreeMap<String, String>,
    consent: bool,
) -> Result<Response, AppError> {
    let v = state.events.version(&state.db).await?;
    let d = state
        .events
        .detail(&state.db, &state.directory.reference, v, ctx.actor(), slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let staff = can(ctx.actor(), Action::ManageEvents);
    let open = reg::is_open(&d.event, Utc::now());
    let json_ld = super::calendar::json_ld(
        &d.event,
        &state.directory.reference,
        &d.organisers,
        ctx.locale,
        &state.settings.public_url(),
    );
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let page = EventView {
        related: crate::search::routes::related(state, &ctx, &format!("event:{}", d.event.id)),
        dir: state.directory.clone(),
        ctx: ctx.with_section(Section::Events),
        d,
        json_ld,
        staff,
        open,
        errors,
        answers,
        consent,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /events/{slug}`: members-only events are "not found" to visitors.
/// `GET /events/{slug}.ics` is the event's calendar (as `/calendar.ics`).
async fn event_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    if let Some(slug) = slug.strip_suffix(".ics") {
        return event_ics(State(state), ctx, Path(slug.to_owned())).await;
    }
    show_event(&state, ctx, &slug, Vec::new(), BTreeMap::new(), false).await
}

async fn visible_event(
    state: &AppState,
    actor: Option<&Actor>,
    slug: &str,
) -> Result<event::Model, AppError> {
    rules::find_event(state.db.read(), actor, slug)
        .await?
        .ok_or(AppError::NotFound)
}

fn registration_error(e: RegistrationError) -> AppError {
    match e {
        RegistrationError::Forbidden => AppError::Forbidden,
        RegistrationError::SecondFactorRequired => AppError::TwoFactorRequired,
        RegistrationError::NotFound => AppError::NotFound,
        RegistrationError::Db(e) => e.into(),
        _ => AppError::bad_request("registration"),
    }
}

/// `POST /events/{slug}/register`: sign oneself up.
async fn register(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path(slug): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let e = visible_event(&state, Some(&actor), &slug).await?;
    let raw = RawForm(pairs);
    let answers: BTreeMap<String, String> = raw
        .0
        .iter()
        .filter_map(|(k, v)| {
            k.strip_prefix("answer_")
                .map(|id| (id.to_owned(), v.clone()))
        })
        .collect();
    let consent = raw.get("consent") == "on";
    let signup = Signup {
        answers: Answers(answers.clone()),
        public_consent: consent,
    };
    match reg::register(
        &state.db,
        &origin_of(&me, &client),
        &actor,
        e.id,
        actor.person_id,
        signup,
        Utc::now(),
    )
    .await
    {
        Ok(_) => Ok(redirect(format!("/events/{slug}#registration"), &ctx)),
        Err(err) => {
            let message = match &err {
                RegistrationError::Closed => "registration-error-closed",
                RegistrationError::AlreadyRegistered => "registration-error-already",
                RegistrationError::MissingAnswer(_) => "form-error-required",
                _ => return Err(registration_error(err)),
            };
            let field = if matches!(err, RegistrationError::MissingAnswer(_)) {
                "answers"
            } else {
                "registration"
            };
            show_event(
                &state,
                ctx,
                &slug,
                vec![FieldError { field, message }],
                answers,
                consent,
            )
            .await
        }
    }
}

/// `POST /events/{slug}/cancel`: cancel one's own registration.
async fn cancel(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path(slug): Path<String>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let e = visible_event(&state, Some(&actor), &slug).await?;
    let r = reg::of_person(state.db.read(), e.id, actor.person_id)
        .await?
        .ok_or(AppError::NotFound)?;
    match reg::cancel(
        &state.db,
        &origin_of(&me, &client),
        &actor,
        r.id,
        &state.settings.public_url(),
        Utc::now(),
    )
    .await
    {
        Ok(_) | Err(RegistrationError::WrongState) => {
            Ok(redirect(format!("/events/{slug}#registration"), &ctx))
        }
        Err(e) => Err(registration_error(e)),
    }
}

/// `POST /events/{slug}/consent`: give or withdraw consent to the public list.
async fn consent(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path(slug): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let e = visible_event(&state, Some(&actor), &slug).await?;
    let r = reg::of_person(state.db.read(), e.id, actor.person_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let raw = RawForm(pairs);
    reg::set_consent(
        &state.db,
        &origin_of(&me, &client),
        &actor,
        r.id,
        raw.get("consent") == "on",
        Utc::now(),
    )
    .await
    .map_err(registration_error)?;
    Ok(redirect(format!("/events/{slug}#registration"), &ctx))
}

// ---------------------------------------------------------------- event form

#[derive(Template)]
#[template(path = "events/templates/event_form.html")]
struct EventForm {
    ctx: PageCtx,
    dir: Arc<Directory>,
    /// `None` for a new event.
    slug: Option<String>,
    lang: Locale,
    /// The event as stored, to show the original beside a translation.
    existing: Option<event::Model>,
    form: RawForm,
    errors: Vec<FieldError>,
    kinds: &'static [EventKind],
    statuses: &'static [EventStatus],
    themes: Vec<theme::Model>,
    countries: Vec<country::Model>,
    organisations: Vec<(i32, String)>,
    series: Vec<event_series::Model>,
    zones: &'static [&'static str],
}
event_page!(EventForm);

impl EventForm {
    fn value(&self, name: &str) -> &str {
        self.form.get(name)
    }
    fn has_error(&self, f: &str) -> bool {
        self.errors.iter().any(|e| e.field == f)
    }
    fn chosen(&self, name: &str, value: &str) -> bool {
        self.form.all(name).any(|v| v == value)
    }
    fn chosen_id(&self, name: &str, id: &i32) -> bool {
        self.chosen(name, &id.to_string())
    }
    /// The organisations to choose from: the chosen ones first, in the order
    /// they are listed on the event (a browser sends them in this order),
    /// then the others by name.
    fn organisation_options(&self, name: &str) -> Vec<(i32, &str, bool)> {
        let mut out: Vec<(i32, &str, bool)> = self
            .form
            .all(name)
            .filter_map(|v| v.parse::<i32>().ok())
            .filter_map(|id| {
                self.organisations
                    .iter()
                    .find(|(o, _)| *o == id)
                    .map(|(o, n)| (*o, n.as_str(), true))
            })
            .collect();
        for (o, n) in &self.organisations {
            if !out.iter().any(|(c, _, _)| c == o) {
                out.push((*o, n.as_str(), false));
            }
        }
        out
    }
    fn is_original(&self) -> bool {
        self.existing
            .as_ref()
            .is_none_or(|e| e.title.orig() == self.lang)
    }
    /// The original text of a prose field, shown beside a translation.
    fn original_lang(&self) -> &'static str {
        self.existing
            .as_ref()
            .map(|e| e.title.orig().code())
            .unwrap_or_default()
    }
    fn original(&self, field: &str) -> Option<String> {
        let e = self.existing.as_ref()?;
        if e.title.orig() == self.lang {
            return None;
        }
        let t = match field {
            "title" => Some(&e.title),
            "summary" => e.summary.as_ref(),
            "context" => e.context.as_ref(),
            "objectives" => e.objectives.as_ref(),
            "expected_results" => e.expected_results.as_ref(),
            "audience" => e.audience.as_ref(),
            _ => None,
        }?;
        Some(t.original().to_owned())
    }
    fn action(&self) -> String {
        match &self.slug {
            Some(s) => format!(
                "/events/{s}/edit?in={}&lang={}",
                self.lang.code(),
                self.ctx.lang()
            ),
            None => format!(
                "/events/new?in={}&lang={}",
                self.lang.code(),
                self.ctx.lang()
            ),
        }
    }
}

fn form_of(e: &event::Model, links: &editing::EventLinks, lang: Locale) -> RawForm {
    let tz = rules::tz_of(e);
    let mut v: Vec<(String, String)> = Vec::new();
    let mut put = |k: &str, val: String| v.push((k.to_owned(), val));
    let prose = [
        ("title", Some(&e.title)),
        ("summary", e.summary.as_ref()),
        ("context", e.context.as_ref()),
        ("objectives", e.objectives.as_ref()),
        ("expected_results", e.expected_results.as_ref()),
        ("audience", e.audience.as_ref()),
    ];
    for (k, t) in prose {
        put(
            k,
            t.and_then(|t| t.get(lang)).unwrap_or_default().to_owned(),
        );
    }
    put("kind", e.kind.clone());
    put("status", e.status.clone());
    put("visibility", e.visibility.clone());
    put(
        "series",
        e.series_id.map(|s| s.to_string()).unwrap_or_default(),
    );
    put("timezone", e.timezone.clone());
    put("starts", editing::local_value(e.starts_at, tz));
    put("ends", editing::local_value(e.ends_at, tz));
    put("city", e.city.clone().unwrap_or_default());
    put("country", e.country_code.clone().unwrap_or_default());
    put("address", e.address.clone().unwrap_or_default());
    if e.online {
        put("online", "on".into());
    }
    put("online_url", e.online_url.clone().unwrap_or_default());
    for l in rules::languages(e) {
        put("languages", l);
    }
    put(
        "interpretation",
        e.interpretation.clone().unwrap_or_default(),
    );
    put(
        "capacity",
        e.capacity.map(|c| c.to_string()).unwrap_or_default(),
    );
    if e.needs_approval {
        put("needs_approval", "on".into());
    }
    put(
        "registration_opens",
        e.registration_opens
            .map(|t| editing::local_value(t, tz))
            .unwrap_or_default(),
    );
    put(
        "registration_closes",
        e.registration_closes
            .map(|t| editing::local_value(t, tz))
            .unwrap_or_default(),
    );
    let questions: Vec<String> = e
        .questions
        .iter()
        .flat_map(|q| q.0.iter())
        .map(|q| {
            format!(
                "{}{}",
                if q.required { "*" } else { "" },
                q.label.get(lang).unwrap_or(q.label.original())
            )
        })
        .collect();
    put("questions", questions.join("\n"));
    for t in &links.themes {
        put("theme", t.to_string());
    }
    for o in &links.organisers {
        put("organiser", o.to_string());
    }
    for o in &links.partners {
        put("partner", o.to_string());
    }
    RawForm(v)
}

async fn organisation_choices(
    state: &AppState,
    ctx: &PageCtx,
) -> Result<Vec<(i32, String)>, AppError> {
    let orgs = crate::directory::entities::organisation::Entity::find()
        .order_by_asc(crate::directory::entities::organisation::Column::Slug)
        .all(state.db.read())
        .await?;
    let mut out: Vec<(i32, String)> = orgs
        .into_iter()
        .map(|o| {
            let name = o.name.text(ctx.locale).to_owned();
            (
                o.id,
                match o.acronym {
                    Some(a) if !name.contains(&a) => format!("{name} ({a})"),
                    _ => name,
                },
            )
        })
        .collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(out)
}

async fn event_form(
    state: &AppState,
    ctx: PageCtx,
    slug: Option<String>,
    lang: Locale,
    existing: Option<event::Model>,
    form: RawForm,
    errors: Vec<FieldError>,
) -> Result<EventForm, AppError> {
    Ok(EventForm {
        dir: state.directory.clone(),
        organisations: organisation_choices(state, &ctx).await?,
        series: rules::all_series(state.db.read()).await?,
        countries: sorted_countries(state, &ctx),
        themes: state.directory.reference.themes().to_vec(),
        ctx: ctx.with_section(Section::Events),
        slug,
        lang,
        existing,
        form,
        errors,
        kinds: EventKind::ALL,
        statuses: EventStatus::ALL,
        zones: editing::COMMON_ZONES,
    })
}

async fn parse_form(
    state: &AppState,
    raw: &RawForm,
    lang: Locale,
    existing: Option<&event::Model>,
) -> Result<Result<EventInput, Vec<FieldError>>, AppError> {
    let existing_orig = existing.map(|e| e.title.orig());
    let theme_ids: Vec<i32> = state
        .directory
        .reference
        .themes()
        .iter()
        .map(|t| t.id)
        .collect();
    let codes: Vec<String> = state
        .directory
        .reference
        .countries()
        .map(|c| c.code.clone())
        .collect();
    let orgs: Vec<i32> = crate::directory::entities::organisation::Entity::find()
        .all(state.db.read())
        .await?
        .into_iter()
        .map(|o| o.id)
        .collect();
    let series: Vec<i32> = rules::all_series(state.db.read())
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    Ok(editing::parse_event(
        raw,
        lang,
        existing_orig,
        &editing::Known {
            themes: &theme_ids,
            countries: &codes,
            organisations: &orgs,
            series: &series,
            venue_unknown: existing.is_some_and(|e| !e.online && e.city.is_none()),
        },
    ))
}

/// `GET /events/new` (coordinators)
async fn new_event_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    _: RequireRole<Coordinator>,
) -> Result<Html<String>, AppError> {
    let lang = writing_lang(&params, ctx.locale)?;
    let form = RawForm(vec![
        ("status".into(), "planned".into()),
        ("visibility".into(), "public".into()),
        ("timezone".into(), "Europe/Istanbul".into()),
    ]);
    render(&event_form(&state, ctx, None, lang, None, form, Vec::new()).await?)
}

/// `POST /events/new` (coordinators)
async fn new_event(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let lang = writing_lang(&params, ctx.locale)?;
    let raw = RawForm(pairs);
    match parse_form(&state, &raw, lang, None).await? {
        Ok(input) => {
            let slug = editing::create(
                &state.db,
                &origin_of(&me, &client),
                &me.actor(),
                input,
                Utc::now(),
            )
            .await
            .map_err(edit_error)?;
            Ok(redirect(format!("/events/{slug}/programme"), &ctx))
        }
        Err(errors) => {
            let page = event_form(&state, ctx, None, lang, None, raw, errors).await?;
            Ok((StatusCode::BAD_REQUEST, render(&page)?).into_response())
        }
    }
}

/// `GET /events/{slug}/edit?in=` (coordinators)
async fn edit_event_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
) -> Result<Html<String>, AppError> {
    let e = visible_event(&state, Some(&me.actor()), &slug).await?;
    let lang = writing_lang(&params, e.title.orig())?;
    let links = editing::links_of(state.db.read(), e.id).await?;
    let form = form_of(&e, &links, lang);
    render(&event_form(&state, ctx, Some(slug), lang, Some(e), form, Vec::new()).await?)
}

/// `POST /events/{slug}/edit?in=` (coordinators)
async fn edit_event(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let e = visible_event(&state, Some(&actor), &slug).await?;
    let lang = writing_lang(&params, e.title.orig())?;
    let raw = RawForm(pairs);
    match parse_form(&state, &raw, lang, Some(&e)).await? {
        Ok(input) => {
            editing::update(
                &state.db,
                &origin_of(&me, &client),
                &actor,
                e.id,
                input,
                &state.settings.public_url(),
                Utc::now(),
            )
            .await
            .map_err(edit_error)?;
            Ok(redirect(format!("/events/{slug}"), &ctx))
        }
        Err(errors) => {
            let page = event_form(&state, ctx, Some(slug), lang, Some(e), raw, errors).await?;
            Ok((StatusCode::BAD_REQUEST, render(&page)?).into_response())
        }
    }
}

/// `POST /events/{slug}/clone` (coordinators): a planned copy to edit.
async fn clone_event(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let e = visible_event(&state, Some(&actor), &slug).await?;
    let new = editing::clone_event(
        &state.db,
        &origin_of(&me, &client),
        &actor,
        e.id,
        Utc::now(),
    )
    .await
    .map_err(edit_error)?;
    Ok(redirect(format!("/events/{new}/edit"), &ctx))
}

// ----------------------------------------------------------------- programme

#[derive(Template)]
#[template(path = "events/templates/programme.html")]
struct ProgrammePage {
    ctx: PageCtx,
    dir: Arc<Directory>,
    d: EventDetail,
    lang: Locale,
    days: i32,
    session_kinds: &'static [SessionKind],
    roles: &'static [SessionRole],
    organisations: Vec<(i32, String)>,
    resources: Vec<(i32, String)>,
    form: RawForm,
    errors: Vec<FieldError>,
    /// Which form the errors belong to (`session`, `person`, `material`).
    failed: String,
}
event_page!(ProgrammePage);

impl ProgrammePage {
    fn has_error(&self, f: &str) -> bool {
        self.errors.iter().any(|e| e.field == f)
    }
    fn sessions(&self) -> Vec<(i32, String)> {
        let mut out = Vec::new();
        for d in &self.d.days {
            for s in &d.sessions {
                out.push((
                    s.session.id,
                    format!("{} · {}", d.number, s.session.title.text(self.ctx.locale)),
                ));
                for g in &s.groups {
                    out.push((
                        g.session.id,
                        format!("{} · — {}", d.number, g.session.title.text(self.ctx.locale)),
                    ));
                }
            }
        }
        out
    }
    fn day_numbers(&self) -> Vec<i32> {
        (1..=self.days).collect()
    }
    /// A value of the form named `form` (empty in the other forms).
    fn fv(&self, form: &str, name: &str) -> &str {
        if self.failed == form {
            self.form.get(name)
        } else {
            ""
        }
    }
    fn editing_session(&self) -> bool {
        self.failed == "session" && !self.form.get("session").is_empty()
    }
    /// Sessions that can hold working groups (those without a parent).
    fn top_sessions(&self) -> Vec<(i32, String)> {
        self.d
            .days
            .iter()
            .flat_map(|d| {
                d.sessions.iter().map(move |s| {
                    (
                        s.session.id,
                        format!("{} · {}", d.number, s.session.title.text(self.ctx.locale)),
                    )
                })
            })
            .collect()
    }
    fn text_in<'a>(&self, t: &'a TrText) -> &'a str {
        t.get(self.lang).unwrap_or_default()
    }
}

fn event_days(e: &event::Model) -> i32 {
    let tz = rules::tz_of(e);
    let days = (e.ends_at.with_timezone(&tz).date_naive()
        - e.starts_at.with_timezone(&tz).date_naive())
    .num_days()
        + 1;
    days.clamp(1, i64::from(editing::MAX_DAYS)) as i32
}

async fn resource_choices(state: &AppState, ctx: &PageCtx) -> Result<Vec<(i32, String)>, AppError> {
    let rs = resource::Entity::find()
        .order_by_desc(resource::Column::Year)
        .order_by_asc(resource::Column::Slug)
        .all(state.db.read())
        .await?;
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

#[allow(clippy::too_many_arguments)]
async fn show_programme(
    state: &AppState,
    ctx: PageCtx,
    actor: &Actor,
    slug: &str,
    lang: Locale,
    form: RawForm,
    errors: Vec<FieldError>,
    failed: &str,
) -> Result<Response, AppError> {
    let d = rules::event_detail(
        state.db.read(),
        &state.directory.reference,
        Some(actor),
        slug,
    )
    .await?
    .ok_or(AppError::NotFound)?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let page = ProgrammePage {
        dir: state.directory.clone(),
        days: event_days(&d.event),
        organisations: organisation_choices(state, &ctx).await?,
        resources: resource_choices(state, &ctx).await?,
        ctx: ctx.with_section(Section::Events),
        d,
        lang,
        session_kinds: SessionKind::ALL,
        roles: SessionRole::ALL,
        form,
        errors,
        failed: failed.to_owned(),
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /events/{slug}/programme?in=` (coordinators)
async fn programme_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let e = visible_event(&state, Some(&actor), &slug).await?;
    let lang = writing_lang(&params, e.title.orig())?;
    // `?session=` fills the session form with one session, to change it.
    let chosen = match params.get("session") {
        Some(sid) => Some(
            super::entities::event_session::Entity::find_by_id(int(sid).ok_or(AppError::NotFound)?)
                .filter(super::entities::event_session::Column::EventId.eq(e.id))
                .one(state.db.read())
                .await?
                .ok_or(AppError::NotFound)?,
        ),
        None => None,
    };
    match chosen {
        Some(s) => {
            let form = RawForm(vec![
                ("session".into(), s.id.to_string()),
                ("day".into(), s.day.to_string()),
                ("position".into(), s.position.to_string()),
                ("starts".into(), s.starts.clone().unwrap_or_default()),
                ("ends".into(), s.ends.clone().unwrap_or_default()),
                ("kind".into(), s.kind.clone()),
                (
                    "title".into(),
                    s.title.get(lang).unwrap_or_default().to_owned(),
                ),
                (
                    "objectives".into(),
                    s.objectives
                        .as_ref()
                        .and_then(|o| o.get(lang))
                        .unwrap_or_default()
                        .to_owned(),
                ),
                (
                    "parent".into(),
                    s.parent_id.map(|p| p.to_string()).unwrap_or_default(),
                ),
            ]);
            show_programme(
                &state,
                ctx,
                &actor,
                &slug,
                lang,
                form,
                Vec::new(),
                "session",
            )
            .await
        }
        None => {
            show_programme(
                &state,
                ctx,
                &actor,
                &slug,
                lang,
                RawForm::default(),
                Vec::new(),
                "",
            )
            .await
        }
    }
}

/// `POST /events/{slug}/programme?in=` (coordinators): `op` is one of
/// `save-session`, `delete-session`, `add-person`, `remove-person`,
/// `attach`, `detach`.
async fn change_programme(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let origin = origin_of(&me, &client);
    let e = visible_event(&state, Some(&actor), &slug).await?;
    let lang = writing_lang(&params, e.title.orig())?;
    let raw = RawForm(pairs);
    let now = Utc::now();
    let db = state.db.read();
    let sessions: Vec<i32> = super::entities::event_session::Entity::find()
        .filter(super::entities::event_session::Column::EventId.eq(e.id))
        .all(db)
        .await?
        .iter()
        .map(|s| s.id)
        .collect();
    let back = redirect(format!("/events/{slug}/programme?in={}", lang.code()), &ctx);
    match raw.get("op") {
        "save-session" => {
            let parents: Vec<i32> = super::entities::event_session::Entity::find()
                .filter(super::entities::event_session::Column::EventId.eq(e.id))
                .filter(super::entities::event_session::Column::ParentId.is_null())
                .all(db)
                .await?
                .iter()
                .map(|s| s.id)
                .collect();
            let session_id = match raw.get("session").trim() {
                "" => None,
                s => Some(
                    int(s)
                        .filter(|s| sessions.contains(s))
                        .ok_or(AppError::NotFound)?,
                ),
            };
            let existing_orig = match session_id {
                Some(sid) => super::entities::event_session::Entity::find_by_id(sid)
                    .one(db)
                    .await?
                    .map(|s| s.title.orig()),
                None => None,
            };
            match editing::parse_session(&raw, lang, event_days(&e), &parents, existing_orig) {
                Ok(input) => {
                    editing::save_session(&state.db, &origin, &actor, e.id, session_id, input, now)
                        .await
                        .map_err(edit_error)?;
                    Ok(back)
                }
                Err(errors) => {
                    show_programme(&state, ctx, &actor, &slug, lang, raw, errors, "session").await
                }
            }
        }
        "delete-session" => {
            let sid = int(raw.get("session")).ok_or(AppError::NotFound)?;
            editing::delete_session(&state.db, &origin, &actor, e.id, sid, now)
                .await
                .map_err(edit_error)?;
            Ok(back)
        }
        "add-person" => {
            let email = raw.get("email").trim().to_lowercase();
            let member = if email.is_empty() {
                None
            } else {
                person::Entity::find()
                    .filter(person::Column::Email.eq(email))
                    .one(db)
                    .await?
                    .map(|p| p.id)
            };
            let orgs: Vec<i32> = organisation_choices(&state, &ctx)
                .await?
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            match editing::parse_person(&raw, &sessions, &orgs, member) {
                Ok(input) => {
                    editing::add_person(&state.db, &origin, &actor, e.id, input, now)
                        .await
                        .map_err(edit_error)?;
                    Ok(back)
                }
                Err(errors) => {
                    show_programme(&state, ctx, &actor, &slug, lang, raw, errors, "person").await
                }
            }
        }
        "remove-person" => {
            let pid = int(raw.get("person")).ok_or(AppError::NotFound)?;
            editing::remove_person(&state.db, &origin, &actor, e.id, pid, now)
                .await
                .map_err(edit_error)?;
            Ok(back)
        }
        "attach" => {
            let session = match raw.get("session").trim() {
                "" => None,
                s => Some(
                    int(s)
                        .filter(|s| sessions.contains(s))
                        .ok_or(AppError::NotFound)?,
                ),
            };
            let rid = int(raw.get("resource"));
            let exists = match rid {
                Some(r) => resource::Entity::find_by_id(r).one(db).await?.is_some(),
                None => false,
            };
            match rid {
                Some(rid) if exists => {
                    editing::attach_material(&state.db, &origin, &actor, e.id, session, rid, now)
                        .await
                        .map_err(edit_error)?;
                    Ok(back)
                }
                _ => {
                    let errors = vec![FieldError {
                        field: "resource",
                        message: "form-error-choose",
                    }];
                    show_programme(&state, ctx, &actor, &slug, lang, raw, errors, "material").await
                }
            }
        }
        "detach" => {
            let link = int(raw.get("material")).ok_or(AppError::NotFound)?;
            editing::detach_material(&state.db, &origin, &actor, e.id, link, now)
                .await
                .map_err(edit_error)?;
            Ok(back)
        }
        _ => Err(AppError::bad_request("op")),
    }
}

// ------------------------------------------------------------- registrations

#[derive(Template)]
#[template(path = "events/templates/registrations.html")]
struct RegistrationsPage {
    ctx: PageCtx,
    dir: Arc<Directory>,
    d: EventDetail,
    rows: Vec<RegistrationRow>,
    error: Option<&'static str>,
    email: String,
}
event_page!(RegistrationsPage);

impl RegistrationsPage {
    fn answers_of(&self, r: &RegistrationRow) -> Vec<(String, String)> {
        let Some(a) = &r.registration.answers else {
            return Vec::new();
        };
        self.d
            .event
            .questions
            .iter()
            .flat_map(|q| q.0.iter())
            .filter_map(|q| {
                a.0.get(&q.id)
                    .map(|v| (q.label.text(self.ctx.locale).to_owned(), v.clone()))
            })
            .collect()
    }
}

async fn show_registrations(
    state: &AppState,
    ctx: PageCtx,
    actor: &Actor,
    slug: &str,
    error: Option<&'static str>,
    email: String,
) -> Result<Response, AppError> {
    let d = rules::event_detail(
        state.db.read(),
        &state.directory.reference,
        Some(actor),
        slug,
    )
    .await?
    .ok_or(AppError::NotFound)?;
    let rows = rules::registrations(state.db.read(), d.event.id).await?;
    let status = if error.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let page = RegistrationsPage {
        dir: state.directory.clone(),
        ctx: ctx.with_section(Section::Events),
        d,
        rows,
        error,
        email,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /events/{slug}/registrations` (coordinators)
async fn registrations_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    show_registrations(&state, ctx, &me.actor(), &slug, None, String::new()).await
}

/// `POST /events/{slug}/registrations` (coordinators): `op` is `add` (a
/// member by email, on their behalf), `cancel`, or a decision
/// (`approve`, `decline`, `check-in`, `undo-check-in`).
async fn change_registrations(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let origin = origin_of(&me, &client);
    let e = visible_event(&state, Some(&actor), &slug).await?;
    let raw = RawForm(pairs);
    let now = Utc::now();
    let url = state.settings.public_url();
    let back = redirect(format!("/events/{slug}/registrations"), &ctx);
    let op = raw.get("op");
    if op == "add" {
        let email = raw.get("email").trim().to_lowercase();
        let who = person::Entity::find()
            .filter(person::Column::Email.eq(email.clone()))
            .filter(person::Column::Active.eq(true))
            .one(state.db.read())
            .await?;
        let Some(p) = who else {
            return show_registrations(
                &state,
                ctx,
                &actor,
                &slug,
                Some("form-error-no-member"),
                email,
            )
            .await;
        };
        let signup = Signup {
            answers: Answers::default(),
            public_consent: false,
        };
        return match reg::register(&state.db, &origin, &actor, e.id, p.id, signup, now).await {
            Ok(_) => Ok(back),
            Err(RegistrationError::AlreadyRegistered) => {
                show_registrations(
                    &state,
                    ctx,
                    &actor,
                    &slug,
                    Some("registration-error-already"),
                    email,
                )
                .await
            }
            Err(RegistrationError::Closed) => {
                show_registrations(
                    &state,
                    ctx,
                    &actor,
                    &slug,
                    Some("registration-error-closed"),
                    email,
                )
                .await
            }
            Err(err) => Err(registration_error(err)),
        };
    }
    let rid = int(raw.get("registration")).ok_or(AppError::NotFound)?;
    let r = super::entities::registration::Entity::find_by_id(rid)
        .filter(super::entities::registration::Column::EventId.eq(e.id))
        .one(state.db.read())
        .await?
        .ok_or(AppError::NotFound)?;
    let result = if op == "cancel" {
        reg::cancel(&state.db, &origin, &actor, r.id, &url, now)
            .await
            .map(|_| ())
    } else {
        let d = Decision::from_code(op).ok_or_else(|| AppError::bad_request("op"))?;
        reg::decide(&state.db, &origin, &actor, r.id, d, &url, now)
            .await
            .map(|_| ())
    };
    match result {
        Ok(()) => Ok(back),
        Err(RegistrationError::WrongState) => {
            show_registrations(
                &state,
                ctx,
                &actor,
                &slug,
                Some("registration-error-state"),
                String::new(),
            )
            .await
        }
        Err(err) => Err(registration_error(err)),
    }
}

// ------------------------------------------------------------------ outcomes

#[derive(Template)]
#[template(path = "events/templates/outcomes.html")]
struct OutcomesPage {
    ctx: PageCtx,
    dir: Arc<Directory>,
    d: EventDetail,
    lang: Locale,
    resources: Vec<(i32, String)>,
    practices: Vec<(i32, String)>,
    form: RawForm,
    errors: Vec<FieldError>,
}
event_page!(OutcomesPage);

impl OutcomesPage {
    fn value(&self, name: &str) -> &str {
        self.form.get(name)
    }
    fn has_error(&self, f: &str) -> bool {
        self.errors.iter().any(|e| e.field == f)
    }
    fn chosen(&self, name: &str, id: &i32) -> bool {
        let id = id.to_string();
        self.form.all(name).any(|v| v == id)
    }
}

fn outcomes_form(d: &EventDetail, lang: Locale) -> RawForm {
    let e = &d.event;
    let mut v: Vec<(String, String)> = vec![
        (
            "report".into(),
            e.report_id.map(|r| r.to_string()).unwrap_or_default(),
        ),
        (
            "takeaways".into(),
            e.takeaways
                .as_ref()
                .and_then(|t| t.get(lang))
                .unwrap_or_default()
                .to_owned(),
        ),
    ];
    for (id, _) in &d.practices {
        v.push(("practice".into(), id.to_string()));
    }
    if let Some(f) = &e.figures {
        v.push((
            "total".into(),
            f.total.map(|t| t.to_string()).unwrap_or_default(),
        ));
        let lines: Vec<String> = f
            .by_country
            .iter()
            .map(|(c, n)| format!("{c} {n}"))
            .collect();
        v.push(("by_country".into(), lines.join("\n")));
        v.push(("countries".into(), f.countries.join(" ")));
        v.push((
            "note".into(),
            f.note
                .as_ref()
                .and_then(|n| n.get(lang))
                .unwrap_or_default()
                .to_owned(),
        ));
    }
    RawForm(v)
}

async fn practice_choices(state: &AppState, ctx: &PageCtx) -> Result<Vec<(i32, String)>, AppError> {
    Ok(practice::Entity::find()
        .filter(practice::Column::Status.eq(PracticeStatus::Published.code()))
        .order_by_asc(practice::Column::Slug)
        .all(state.db.read())
        .await?
        .into_iter()
        .map(|p| (p.id, p.title.text(ctx.locale).to_owned()))
        .collect())
}

async fn show_outcomes(
    state: &AppState,
    ctx: PageCtx,
    d: EventDetail,
    lang: Locale,
    form: Option<RawForm>,
    errors: Vec<FieldError>,
) -> Result<Response, AppError> {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let page = OutcomesPage {
        dir: state.directory.clone(),
        resources: resource_choices(state, &ctx).await?,
        practices: practice_choices(state, &ctx).await?,
        form: form.unwrap_or_else(|| outcomes_form(&d, lang)),
        ctx: ctx.with_section(Section::Events),
        d,
        lang,
        errors,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /events/{slug}/outcomes?in=` (coordinators)
async fn outcomes_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let d = rules::event_detail(
        state.db.read(),
        &state.directory.reference,
        Some(&actor),
        &slug,
    )
    .await?
    .ok_or(AppError::NotFound)?;
    let lang = writing_lang(&params, d.event.title.orig())?;
    show_outcomes(&state, ctx, d, lang, None, Vec::new()).await
}

/// `POST /events/{slug}/outcomes?in=` (coordinators)
async fn save_outcomes(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let e = visible_event(&state, Some(&actor), &slug).await?;
    let lang = writing_lang(&params, e.title.orig())?;
    let raw = RawForm(pairs);
    let resources: Vec<i32> = resource::Entity::find()
        .all(state.db.read())
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    let practices: Vec<i32> = practice_choices(&state, &ctx)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let codes: Vec<String> = state
        .directory
        .reference
        .countries()
        .map(|c| c.code.clone())
        .collect();
    match editing::parse_outcomes(&raw, lang, &resources, &practices, &codes) {
        Ok(input) => {
            editing::save_outcomes(
                &state.db,
                &origin_of(&me, &client),
                &actor,
                e.id,
                input,
                Utc::now(),
            )
            .await
            .map_err(edit_error)?;
            Ok(redirect(format!("/events/{slug}#outcomes"), &ctx))
        }
        Err(errors) => {
            let d = rules::event_detail(
                state.db.read(),
                &state.directory.reference,
                Some(&actor),
                &slug,
            )
            .await?
            .ok_or(AppError::NotFound)?;
            show_outcomes(&state, ctx, d, lang, Some(raw), errors).await
        }
    }
}

// ----------------------------------------------------------------- calendars

fn ics(body: String, name: &str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{name}.ics\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// `GET /events/{slug}/calendar.ics`
async fn event_ics(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let e = visible_event(&state, ctx.actor(), &slug).await?;
    let url = state.settings.public_url();
    let v = super::calendar::vevent(&e, &state.directory.reference, ctx.locale, &url, false);
    Ok(ics(
        super::calendar::calendar(e.title.text(ctx.locale), [v]),
        &e.slug,
    ))
}

const FEED_LIMIT: u64 = 500;

async fn feed_of(
    state: &AppState,
    ctx: &PageCtx,
    series: Option<i32>,
) -> Result<Vec<event::Model>, AppError> {
    use sea_orm::QuerySelect;
    let mut q = event::Entity::find()
        .filter(event::Column::Visibility.is_in(rules::visible_codes(ctx.actor())));
    if let Some(s) = series {
        q = q.filter(event::Column::SeriesId.eq(s));
    }
    Ok(q.order_by_desc(event::Column::StartsAt)
        .limit(FEED_LIMIT)
        .all(state.db.read())
        .await?)
}

/// `GET /events/calendar.ics`: every event the reader may see.
async fn all_events_ics(State(state): State<AppState>, ctx: PageCtx) -> Result<Response, AppError> {
    let url = state.settings.public_url();
    let events = feed_of(&state, &ctx, None).await?;
    let r = &state.directory.reference;
    let body = super::calendar::calendar(
        &ctx.t("events-calendar-name"),
        events
            .iter()
            .map(|e| super::calendar::vevent(e, r, ctx.locale, &url, false)),
    );
    Ok(ics(body, "majlis-events"))
}

/// `GET /series/{slug}/calendar.ics`
async fn series_ics(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let s = event_series::Entity::find()
        .filter(event_series::Column::Slug.eq(slug.as_str()))
        .one(state.db.read())
        .await?
        .ok_or(AppError::NotFound)?;
    let url = state.settings.public_url();
    let events = feed_of(&state, &ctx, Some(s.id)).await?;
    let r = &state.directory.reference;
    let body = super::calendar::calendar(
        s.title.text(ctx.locale),
        events
            .iter()
            .map(|e| super::calendar::vevent(e, r, ctx.locale, &url, false)),
    );
    Ok(ics(body, &s.slug))
}

fn token_hash(token: &str) -> String {
    let d = Sha256::digest(token.as_bytes());
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// `GET /calendar/{token}/events.ics`: a person's registrations, for their
/// calendar application (the secret address is the key; online links included).
async fn personal_ics(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    if token.len() != 32 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AppError::NotFound);
    }
    let db = state.db.read();
    let feed = calendar_feed::Entity::find()
        .filter(calendar_feed::Column::TokenHash.eq(token_hash(&token)))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let p = person::Entity::find_by_id(feed.person_id)
        .one(db)
        .await?
        .filter(|p| p.active)
        .ok_or(AppError::NotFound)?;
    let l: Locale = p.locale.parse().unwrap_or_default();
    let url = state.settings.public_url();
    let regs = rules::events_of_person(db, p.id).await?;
    let r = &state.directory.reference;
    let body = super::calendar::calendar(
        &l.t("events-my-calendar-name"),
        regs.iter().map(|(e, reg)| {
            let registered = reg.status == RegistrationStatus::Registered.code();
            super::calendar::vevent(e, r, l, &url, registered)
        }),
    );
    Ok(ics(body, "my-events"))
}

#[derive(Template)]
#[template(path = "events/templates/my_calendar.html")]
struct MyCalendar {
    ctx: PageCtx,
    dir: Arc<Directory>,
    events: Vec<(event::Model, super::entities::registration::Model)>,
    has_feed: bool,
    /// Shown once, right after a new address is made.
    new_url: Option<String>,
}
event_page!(MyCalendar);

/// `GET /events/mine`: one's registrations and the calendar feed.
async fn my_calendar(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
) -> Result<Html<String>, AppError> {
    let db = state.db.read();
    let events = rules::events_of_person(db, me.person.id).await?;
    let has_feed = calendar_feed::Entity::find_by_id(me.person.id)
        .one(db)
        .await?
        .is_some();
    render(&MyCalendar {
        dir: state.directory.clone(),
        ctx: ctx.with_section(Section::Events),
        events,
        has_feed,
        new_url: None,
    })
}

/// `POST /events/mine`: make a new secret calendar address (the old one stops working).
async fn new_calendar_feed(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Html<String>, AppError> {
    use sea_orm::ActiveModelTrait;
    use sea_orm::ActiveValue::Set;
    let token = crate::accounts::signin::random_token();
    let now = Utc::now();
    let tx = state.db.begin_write().await?;
    calendar_feed::Entity::delete_by_id(me.person.id)
        .exec(&tx)
        .await?;
    calendar_feed::ActiveModel {
        person_id: Set(me.person.id),
        token_hash: Set(token_hash(&token)),
        created_at: Set(now),
    }
    .insert(&tx)
    .await?;
    crate::audit::record(
        &tx,
        &origin_of(&me, &client),
        "calendar-feed-created",
        "person",
        me.person.id,
        None,
        now,
    )
    .await?;
    tx.commit().await?;
    let events = rules::events_of_person(state.db.read(), me.person.id).await?;
    render(&MyCalendar {
        dir: state.directory.clone(),
        ctx: ctx.with_section(Section::Events),
        events,
        has_feed: true,
        new_url: Some(format!(
            "{}/calendar/{token}/events.ics",
            state.settings.public_url()
        )),
    })
}

// ----------------------------------------------------------------------- API

#[derive(Serialize)]
struct ApiEvent {
    slug: String,
    url: String,
    kind: String,
    status: String,
    title: String,
    title_lang: String,
    summary: Option<String>,
    starts_at: String,
    ends_at: String,
    timezone: String,
    city: Option<String>,
    country: Option<String>,
    online: bool,
    languages: Vec<String>,
    themes: Vec<String>,
    capacity: Option<i32>,
}

fn api_event_of(e: &event::Model, themes: &[theme::Model], l: Locale, base: &str) -> ApiEvent {
    let title = e.title.show(l);
    ApiEvent {
        slug: e.slug.clone(),
        url: format!("{base}/events/{}", e.slug),
        kind: e.kind.clone(),
        status: e.status.clone(),
        title: title.text.to_owned(),
        title_lang: title.locale.code().to_owned(),
        summary: e.summary.as_ref().map(|s| s.text(l).to_owned()),
        starts_at: e.starts_at.to_rfc3339(),
        ends_at: e.ends_at.to_rfc3339(),
        timezone: e.timezone.clone(),
        city: e.city.clone(),
        country: e.country_code.clone(),
        online: e.online,
        languages: rules::languages(e),
        themes: themes.iter().map(|t| t.slug.clone()).collect(),
        capacity: e.capacity,
    }
}

/// `GET /api/v1/events?when=&kind=&theme=&country=&year=&series=&page=`
async fn api_events(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Json<ApiList<ApiEvent>>, AppError> {
    let f = EventFilter::parse(|k| params.get(k).map(str::to_owned))?;
    let pr = PageRequest::parse(params.get("page"), params.get("per_page"))?;
    let page = rules::list_events(
        state.db.read(),
        &state.directory.reference,
        ctx.actor(),
        &f,
        pr,
        Utc::now(),
    )
    .await?;
    let base = state.settings.public_url();
    Ok(Json(ApiList {
        items: page
            .items
            .iter()
            .map(|c| api_event_of(&c.event, &c.themes, ctx.locale, &base))
            .collect(),
        total: page.total,
        page: page.page,
        per_page: page.per_page,
    }))
}

#[derive(Serialize)]
struct ApiSession {
    day: i32,
    kind: String,
    title: String,
    starts: Option<String>,
    ends: Option<String>,
    people: Vec<ApiPerson>,
    groups: Vec<ApiSession>,
    materials: Vec<String>,
}

#[derive(Serialize)]
struct ApiPerson {
    role: String,
    name: String,
    affiliation: Option<String>,
}

#[derive(Serialize)]
struct ApiEventDetail {
    #[serde(flatten)]
    event: ApiEvent,
    organisers: Vec<String>,
    partners: Vec<String>,
    programme: Vec<ApiSession>,
    materials: Vec<String>,
    report: Option<String>,
    takeaways: Option<String>,
    practices: Vec<i32>,
    registered: u64,
    waiting: u64,
}

fn api_session(s: &rules::SessionView, l: Locale, base: &str) -> ApiSession {
    ApiSession {
        day: s.session.day,
        kind: s.session.kind.clone(),
        title: s.session.title.text(l).to_owned(),
        starts: s.session.starts.clone(),
        ends: s.session.ends.clone(),
        people: s
            .people
            .iter()
            .map(|p| ApiPerson {
                role: p.role.map(|r| r.code().to_owned()).unwrap_or_default(),
                name: p.name.clone(),
                affiliation: p.affiliation.clone(),
            })
            .collect(),
        groups: s.groups.iter().map(|g| api_session(g, l, base)).collect(),
        materials: s
            .materials
            .iter()
            .map(|m| format!("{base}/library/{}", m.resource.id))
            .collect(),
    }
}

/// `GET /api/v1/events/{slug}`: the event with its programme.
async fn api_event(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Json<ApiEventDetail>, AppError> {
    let d = rules::event_detail(
        state.db.read(),
        &state.directory.reference,
        ctx.actor(),
        &slug,
    )
    .await?
    .ok_or(AppError::NotFound)?;
    let base = state.settings.public_url();
    let l = ctx.locale;
    Ok(Json(ApiEventDetail {
        event: api_event_of(&d.event, &d.themes, l, &base),
        organisers: d.organisers.iter().map(|o| o.slug.clone()).collect(),
        partners: d.partners.iter().map(|o| o.slug.clone()).collect(),
        programme: d
            .days
            .iter()
            .flat_map(|day| day.sessions.iter())
            .map(|s| api_session(s, l, &base))
            .collect(),
        materials: d
            .materials
            .iter()
            .map(|m| format!("{base}/library/{}", m.resource.id))
            .collect(),
        report: d
            .report
            .as_ref()
            .map(|m| format!("{base}/library/{}", m.resource.id)),
        takeaways: d.event.takeaways.as_ref().map(|t| t.text(l).to_owned()),
        practices: d.practices.iter().map(|(id, _)| *id).collect(),
        registered: d.counts.registered,
        waiting: d.counts.waiting,
    }))
}
