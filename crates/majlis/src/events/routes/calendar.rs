//! Calendars: an event's, every event's and a series' iCalendar files, and
//! each person's secret feed of their registrations (`/events/mine`).

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use chrono::Utc;

use super::super::entities::{event, registration};
use super::super::{RegistrationStatus, calendar, feeds, rules};
use super::{EventPage, visible_event};
use crate::app::AppState;
use crate::audit::origin_of;
use crate::directory::service::Directory;
use crate::i18n::Locale;
use crate::web::extract::{ClientInfo, CsrfForm, RequireSignedIn};
use crate::web::{AppError, PageCtx, Section, render};

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
pub(super) async fn event_ics(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let e = visible_event(&state, ctx.actor(), &slug).await?;
    let url = state.settings.public_url();
    let v = calendar::vevent(&e, &state.directory.reference, ctx.locale, &url, false);
    Ok(ics(
        calendar::calendar(e.title.text(ctx.locale), [v]),
        &e.slug,
    ))
}

/// `GET /events/calendar.ics`: every event the reader may see.
pub(super) async fn all_events_ics(
    State(state): State<AppState>,
    ctx: PageCtx,
) -> Result<Response, AppError> {
    let url = state.settings.public_url();
    let events = rules::feed_events(state.db.read(), ctx.actor(), None).await?;
    let r = &state.directory.reference;
    let body = calendar::calendar(
        &ctx.t("events-calendar-name"),
        events
            .iter()
            .map(|e| calendar::vevent(e, r, ctx.locale, &url, false)),
    );
    Ok(ics(body, "majlis-events"))
}

/// `GET /series/{slug}/calendar.ics`
pub(super) async fn series_ics(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let s = rules::series_by_slug(state.db.read(), &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let url = state.settings.public_url();
    let events = rules::feed_events(state.db.read(), ctx.actor(), Some(s.id)).await?;
    let r = &state.directory.reference;
    let body = calendar::calendar(
        s.title.text(ctx.locale),
        events
            .iter()
            .map(|e| calendar::vevent(e, r, ctx.locale, &url, false)),
    );
    Ok(ics(body, &s.slug))
}

/// `GET /calendar/{token}/events.ics`: a person's registrations, for their
/// calendar application (the secret address is the key; online links included).
pub(super) async fn personal_ics(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let db = state.db.read();
    let p = feeds::person_of(db, &token)
        .await?
        .ok_or(AppError::NotFound)?;
    let l: Locale = p.locale.parse().unwrap_or_default();
    let url = state.settings.public_url();
    let regs = rules::events_of_person(db, p.id).await?;
    let r = &state.directory.reference;
    let body = calendar::calendar(
        &l.t("events-my-calendar-name"),
        regs.iter().map(|(e, reg)| {
            let registered = reg.status == RegistrationStatus::Registered.code();
            calendar::vevent(e, r, l, &url, registered)
        }),
    );
    Ok(ics(body, "my-events"))
}

#[derive(Template)]
#[template(path = "events/templates/my_calendar.html")]
struct MyCalendar {
    ctx: PageCtx,
    dir: Arc<Directory>,
    events: Vec<(event::Model, registration::Model)>,
    has_feed: bool,
    /// Shown once, right after a new address is made.
    new_url: Option<String>,
}
event_page!(MyCalendar);

/// `GET /events/mine`: one's registrations and the calendar feed.
pub(super) async fn my_calendar(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
) -> Result<Html<String>, AppError> {
    let db = state.db.read();
    let events = rules::events_of_person(db, me.person_id).await?;
    let has_feed = feeds::has_feed(db, me.person_id).await?;
    render(&MyCalendar {
        dir: state.directory.clone(),
        ctx: ctx.with_section(Section::Events),
        events,
        has_feed,
        new_url: None,
    })
}

/// `POST /events/mine`: make a new secret calendar address (the old one stops working).
pub(super) async fn new_calendar_feed(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Html<String>, AppError> {
    let origin = origin_of(&me, &client);
    let token = feeds::renew(&state.db, &origin, me.person_id, Utc::now()).await?;
    let events = rules::events_of_person(state.db.read(), me.person_id).await?;
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
