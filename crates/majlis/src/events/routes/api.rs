//! The JSON API: `/api/v1/events` and `/api/v1/events/{slug}`.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use chrono::Utc;
use serde::Serialize;
use utoipa::ToSchema;

use super::super::entities::event;
use super::super::rules::{self, EventFilter};
use crate::app::AppState;
use crate::directory::entities::theme;
use crate::fields::paging::PageRequest;
use crate::fields::paging::{ApiList, whole_list};
use crate::i18n::Locale;
use crate::web::open_data::{self, Download, Format};
use crate::web::openapi::{ApiError, Paging, PlaceFilters};
use crate::web::{AppError, PageCtx, Params};

#[derive(Serialize, ToSchema)]
pub(super) struct ApiEvent {
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
#[utoipa::path(get, path = "/api/v1/events", tag = "events",
    summary = "Events the caller may see",
    params(Paging, PlaceFilters,
        ("when" = Option<String>, Query, description = "`upcoming` (default), `past` or `all`."),
        ("kind" = Option<String>, Query, description = "`peer-workshop`, `webinar`, `field-visit`, `dialogue-workshop` or `academy-module`."),
        ("year" = Option<i32>, Query, minimum = 1900, maximum = 2200, description = "Only events of this year."),
        ("series" = Option<String>, Query, description = "Only events of this series (its slug).")),
    responses(
        (status = 200, description = "One page of events.", body = ApiList<ApiEvent>),
        (status = 400, description = "A filter or paging value not understood.", body = ApiError)))]
pub(super) async fn api_events(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Json<ApiList<ApiEvent>>, AppError> {
    let f = EventFilter::parse(|k| params.get(k).map(str::to_owned))?;
    let pr = PageRequest::from_query(params.get("page"), params.get("per_page"))?;
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
    Ok(Json(ApiList::from_page(&page, |c| {
        api_event_of(&c.event, &c.themes, ctx.locale, &base)
    })))
}

#[derive(Serialize, ToSchema)]
pub(super) struct ApiSession {
    day: i32,
    kind: String,
    title: String,
    starts: Option<String>,
    ends: Option<String>,
    people: Vec<ApiPerson>,
    /// Working groups inside the session (sessions themselves).
    #[schema(no_recursion)]
    groups: Vec<ApiSession>,
    materials: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub(super) struct ApiPerson {
    role: String,
    name: String,
    affiliation: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub(super) struct ApiEventDetail {
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
#[utoipa::path(get, path = "/api/v1/events/{slug}", tag = "events",
    summary = "An event with its programme",
    params(("slug" = String, Path, description = "The event's slug.", example = "sanliurfa-2016-peer-workshop")),
    responses(
        (status = 200, description = "The event.", body = ApiEventDetail),
        (status = 404, description = "No event with this slug that the caller may see.", body = ApiError)))]
pub(super) async fn api_event(
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

/// `GET /api/v1/events.csv|.xlsx`: the events a visitor sees, with the
/// list's filters (upcoming unless `when` says otherwise), as a table.
pub(super) async fn events_download(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    format: Format,
) -> Result<Response, AppError> {
    let f = EventFilter::parse(|k| params.get(k).map(str::to_owned))?;
    let (db, r, now) = (state.db.read(), &state.directory.reference, Utc::now());
    let cards = whole_list(|pr| rules::list_events(db, r, None, &f, pr, now)).await?;
    let base = state.settings.public_url();
    let items: Vec<ApiEvent> = cards
        .iter()
        .map(|c| api_event_of(&c.event, &c.themes, ctx.locale, &base))
        .collect();
    let columns = [
        "slug",
        "title",
        "title_lang",
        "kind",
        "status",
        "starts_at",
        "ends_at",
        "timezone",
        "city",
        "country",
        "online",
        "languages",
        "themes",
        "capacity",
        "url",
    ];
    let d = Download {
        name: "events",
        columns: &columns,
        numbers: &["capacity"],
        items: &items,
    };
    open_data::respond(format, &d, &ctx, &state.settings)
}

/// The events' part of the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(api_events, api_event))]
pub(super) struct ApiDoc;
