//! The event form: a new event, an edit (one language at a time, `?in=`),
//! and a copy for the next edition (coordinators).

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use chrono::Utc;

use super::super::editing::{self, EventInput};
use super::super::entities::{event, event_series};
use super::super::rules;
use super::super::{EventKind, EventStatus};
use super::{EventPage, country_codes, organisation_choices, visible_event, writing_lang};
use crate::app::AppState;
use crate::audit::origin_of;
use crate::directory::entities::theme;
use crate::directory::service::Directory;
use crate::fields::form::RawForm;
use crate::i18n::Locale;
use crate::library::practices::FieldError;
use crate::policy::Coordinator;
use crate::web::extract::{ClientInfo, CsrfForm, RequireRole};
use crate::web::{AppError, PageCtx, Params, Section, redirect, render};

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
    countries: crate::directory::choices::CountryChoices,
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

/// The stored event as the form sends it, in `lang`: the inverse of
/// `editing::parse_event`. One `put` per form field (about 80 lines), kept
/// in one list so a field missing here stands out beside its neighbours.
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
        countries: crate::directory::choices::country_choices(
            state.db.read(),
            &state.directory.reference,
            ctx.locale,
        )
        .await?,
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
    let codes = country_codes(&state.directory);
    let orgs = rules::organisation_ids(state.db.read()).await?;
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
pub(super) async fn new_event_page(
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
pub(super) async fn new_event(
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
            .await?;
            Ok(redirect(format!("/events/{slug}/programme"), &ctx))
        }
        Err(errors) => {
            let page = event_form(&state, ctx, None, lang, None, raw, errors).await?;
            Ok((StatusCode::BAD_REQUEST, render(&page)?).into_response())
        }
    }
}

/// `GET /events/{slug}/edit?in=` (coordinators)
pub(super) async fn edit_event_page(
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
pub(super) async fn edit_event(
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
            .await?;
            Ok(redirect(format!("/events/{slug}"), &ctx))
        }
        Err(errors) => {
            let page = event_form(&state, ctx, Some(slug), lang, Some(e), raw, errors).await?;
            Ok((StatusCode::BAD_REQUEST, render(&page)?).into_response())
        }
    }
}

/// `POST /events/{slug}/clone` (coordinators): a planned copy to edit.
pub(super) async fn clone_event(
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
    .await?;
    Ok(redirect(format!("/events/{new}/edit"), &ctx))
}
