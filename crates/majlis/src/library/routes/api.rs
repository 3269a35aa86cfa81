//! The library's JSON API: resources and practices.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::{filter, id, page_request, urlencode};
use crate::app::AppState;
use crate::directory::entities::theme;
use crate::fields::paging::{ApiList, whole_list};
use crate::i18n::{Locale, TrText};
use crate::library::PracticeStatus;
use crate::library::practices::TextField;
use crate::library::rules::{self, PracticeScope, ResourceCard};
use crate::web::open_data::{self, Download, Format};
use crate::web::openapi::{ApiError, Paging, PlaceFilters};
use crate::web::{AppError, PageCtx, Params};

#[derive(Serialize, ToSchema)]
pub(super) struct ApiResource {
    id: i32,
    kind: String,
    title: String,
    summary: Option<String>,
    year: Option<i32>,
    visibility: String,
    languages: Vec<String>,
    themes: Vec<String>,
    url: String,
}

#[derive(Serialize, ToSchema)]
struct ApiVersion {
    lang: String,
    title: Option<String>,
    file: Option<String>,
    link: Option<String>,
    available: bool,
}

#[derive(Serialize, ToSchema)]
pub(super) struct ApiResourceDetail {
    #[serde(flatten)]
    resource: ApiResource,
    authors: Option<String>,
    licence: Option<String>,
    versions: Vec<ApiVersion>,
    countries: Vec<String>,
    practices: Vec<i32>,
}

/// The library's filters (documents and practices).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // Describes what `LibraryFilter::parse` reads.
struct LibraryParams {
    /// A document kind code: `concept-note`, `framing-note`, `report`,
    /// `presentation`, `practice-sheet`, `toolkit`, `policy-brief`,
    /// `compendium`, `programme`, `video-link`, `photo-reportage`, `dataset`.
    kind: Option<String>,
    /// Only items available in this language (`en`, `ar`, `tr`, `fr`, `de`).
    language: Option<String>,
    /// Only items of this year.
    #[param(minimum = 1900, maximum = 2200)]
    year: Option<i32>,
    /// `newest` (default), `oldest` or `title`.
    sort: Option<String>,
}

fn api_resource_of(c: &ResourceCard, l: Locale) -> ApiResource {
    let r = &c.resource;
    ApiResource {
        id: r.id,
        kind: r.kind.clone(),
        title: r.title.text(l).to_owned(),
        summary: r.summary.as_ref().map(|s| s.text(l).to_owned()),
        year: r.year,
        visibility: r.visibility.clone(),
        languages: c.langs.clone(),
        themes: c.themes.iter().map(|t| t.slug.clone()).collect(),
        url: format!("/library/{}", r.id),
    }
}

/// `GET /api/v1/resources`: the library's filters; what the caller may see.
#[utoipa::path(get, path = "/api/v1/resources", tag = "library",
    summary = "Documents the caller may see",
    params(Paging, PlaceFilters, LibraryParams),
    responses(
        (status = 200, description = "One page of documents.", body = ApiList<ApiResource>),
        (status = 400, description = "A filter or paging value not understood.", body = ApiError)))]
pub(super) async fn api_resources(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Json<ApiList<ApiResource>>, AppError> {
    let f = filter(&params)?;
    let pr = page_request(&params)?;
    let page = rules::list_resources(
        state.db.read(),
        &state.directory.reference,
        ctx.actor(),
        &f,
        pr,
    )
    .await?;
    Ok(Json(ApiList::from_page(&page, |c| {
        api_resource_of(&c, ctx.locale)
    })))
}

/// `GET /api/v1/resources/{id}`
#[utoipa::path(get, path = "/api/v1/resources/{id}", tag = "library",
    summary = "A document with its language versions",
    params(("id" = String, Path, description = "The document's numeric id.", example = "1")),
    responses(
        (status = 200, description = "The document.", body = ApiResourceDetail),
        (status = 404, description = "No document with this id that the caller may see.", body = ApiError)))]
pub(super) async fn api_resource(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(s): Path<String>,
) -> Result<Json<ApiResourceDetail>, AppError> {
    let r = rules::resource_detail(
        state.db.read(),
        &state.directory.reference,
        ctx.actor(),
        id(&s)?,
    )
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(Json(ApiResourceDetail {
        resource: api_resource_of(&r.card, ctx.locale),
        authors: r.card.resource.authors.clone(),
        licence: r.card.resource.licence.clone(),
        versions: r
            .versions
            .iter()
            .map(|v| ApiVersion {
                lang: v.lang.clone(),
                title: v.title.clone(),
                file: v.file_sha256.as_ref().map(|sha| {
                    format!(
                        "/files/{sha}/{}",
                        urlencode(v.file_name.as_deref().unwrap_or("file"))
                    )
                }),
                link: v.url.clone(),
                available: v.file_sha256.is_some() || v.url.is_some(),
            })
            .collect(),
        countries: r.countries.iter().map(|c| c.code.clone()).collect(),
        practices: r.practices.iter().map(|p| p.id).collect(),
    }))
}

#[derive(Serialize, ToSchema)]
pub(super) struct ApiPractice {
    id: i32,
    title: String,
    title_lang: String,
    original_language: String,
    summary: Option<String>,
    owner: Option<String>,
    country: Option<String>,
    year: Option<i32>,
    status: String,
    themes: Vec<String>,
    url: String,
}

#[derive(Serialize, ToSchema)]
pub(super) struct ApiPracticeDetail {
    #[serde(flatten)]
    practice: ApiPractice,
    city: String,
    department: String,
    period: PeriodJson,
    sections: BTreeMap<&'static str, String>,
    presented_at: String,
    attachments: Vec<ApiVersion>,
    resources: Vec<i32>,
    sheet: String,
    last_verified: Option<chrono::NaiveDate>,
}

#[derive(Serialize, ToSchema)]
struct PeriodJson {
    start: Option<i32>,
    end: Option<i32>,
    ongoing: bool,
}

fn api_practice_of(
    p: &crate::library::entities::practice::Model,
    status: PracticeStatus,
    themes: &[theme::Model],
    owner: Option<&TrText>,
    l: Locale,
) -> ApiPractice {
    let shown = p.title.show(l);
    ApiPractice {
        id: p.id,
        title: shown.text.to_owned(),
        title_lang: shown.locale.code().to_owned(),
        original_language: p.title.orig().code().to_owned(),
        summary: p.summary.as_ref().map(|s| s.text(l).to_owned()),
        owner: owner.map(|o| o.text(l).to_owned()),
        country: p.country_code.clone(),
        year: p.year,
        status: status.code().to_owned(),
        themes: themes.iter().map(|t| t.slug.clone()).collect(),
        url: format!("/practices/{}", p.id),
    }
}

/// `GET /api/v1/practices`: published practices, with the library's filters.
#[utoipa::path(get, path = "/api/v1/practices", tag = "library",
    summary = "Published good practices",
    params(Paging, PlaceFilters, LibraryParams),
    responses(
        (status = 200, description = "One page of practices.", body = ApiList<ApiPractice>),
        (status = 400, description = "A filter or paging value not understood.", body = ApiError)))]
pub(super) async fn api_practices(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Json<ApiList<ApiPractice>>, AppError> {
    let f = filter(&params)?;
    let pr = page_request(&params)?;
    let page = rules::list_practices(
        state.db.read(),
        &state.directory.reference,
        &PracticeScope::Published,
        &f,
        pr,
    )
    .await?;
    Ok(Json(ApiList::from_page(&page, |c| {
        api_practice_of(
            &c.practice,
            c.status,
            &c.themes,
            c.owner.as_ref(),
            ctx.locale,
        )
    })))
}

/// `GET /api/v1/practices/{id}`: a practice the caller may see.
#[utoipa::path(get, path = "/api/v1/practices/{id}", tag = "library",
    summary = "A practice with its sections",
    params(("id" = String, Path, description = "The practice's numeric id.", example = "1")),
    responses(
        (status = 200, description = "The practice.", body = ApiPracticeDetail),
        (status = 404, description = "No practice with this id that the caller may see.", body = ApiError)))]
pub(super) async fn api_practice(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(s): Path<String>,
) -> Result<Json<ApiPracticeDetail>, AppError> {
    let p = rules::practice_detail(
        state.db.read(),
        &state.directory.reference,
        ctx.actor(),
        id(&s)?,
    )
    .await?
    .ok_or(AppError::NotFound)?;
    let l = ctx.locale;
    let owner = p
        .municipality
        .as_ref()
        .map(|m| &m.name)
        .or(p.organisation.as_ref().map(|o| &o.name));
    let pr = &p.practice;
    let orig = pr.title.orig();
    let c = &pr.content;
    Ok(Json(ApiPracticeDetail {
        practice: api_practice_of(pr, p.status, &p.themes, owner, l),
        city: c.city.clone(),
        department: c.department.clone(),
        period: PeriodJson {
            start: c.start_year,
            end: c.end_year,
            ongoing: c.ongoing,
        },
        sections: TextField::ALL
            .iter()
            .filter_map(|f| c.shown(*f, l, orig).map(|(t, _)| (f.code(), t.to_owned())))
            .collect(),
        presented_at: c.presented_at.clone(),
        attachments: p
            .attachments
            .iter()
            .map(|a| ApiVersion {
                lang: a.lang.clone(),
                title: Some(a.label.clone()),
                file: a.file_sha256.as_ref().map(|sha| {
                    format!(
                        "/files/{sha}/{}",
                        urlencode(a.file_name.as_deref().unwrap_or("file"))
                    )
                }),
                link: a.url.clone(),
                available: a.file_sha256.is_some() || a.url.is_some(),
            })
            .collect(),
        resources: p.resources.iter().map(|r| r.id).collect(),
        sheet: format!("/practices/{}/sheet?lang={}", pr.id, l.code()),
        last_verified: pr.last_verified,
    }))
}

/// A document as a download's row: its own licence, when it states one,
/// in place of the network's.
#[derive(Serialize)]
struct ResourceRow {
    #[serde(flatten)]
    resource: ApiResource,
    licence: Option<String>,
}

/// `GET /api/v1/resources.csv|.xlsx`: the public documents, with the
/// library's filters, as a table.
pub(super) async fn resources_download(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    format: Format,
) -> Result<Response, AppError> {
    let f = filter(&params)?;
    let (db, r) = (state.db.read(), &state.directory.reference);
    let cards = whole_list(|pr| rules::list_resources(db, r, None, &f, pr)).await?;
    let items: Vec<ResourceRow> = cards
        .iter()
        .map(|c| ResourceRow {
            resource: api_resource_of(c, ctx.locale),
            licence: c.resource.licence.clone(),
        })
        .collect();
    let columns = [
        "id",
        "kind",
        "title",
        "summary",
        "year",
        "languages",
        "themes",
        "url",
    ];
    let d = Download {
        name: "resources",
        columns: &columns,
        numbers: &["id", "year"],
        items: &items,
    };
    open_data::respond(format, &d, &ctx, &state.settings)
}

/// `GET /api/v1/practices.csv|.xlsx`: the published practices, with the
/// library's filters, as a table.
pub(super) async fn practices_download(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    format: Format,
) -> Result<Response, AppError> {
    let f = filter(&params)?;
    let (db, r) = (state.db.read(), &state.directory.reference);
    let scope = PracticeScope::Published;
    let cards = whole_list(|pr| rules::list_practices(db, r, &scope, &f, pr)).await?;
    let items: Vec<ApiPractice> = cards
        .iter()
        .map(|c| {
            api_practice_of(
                &c.practice,
                c.status,
                &c.themes,
                c.owner.as_ref(),
                ctx.locale,
            )
        })
        .collect();
    let columns = [
        "id",
        "title",
        "title_lang",
        "original_language",
        "summary",
        "owner",
        "country",
        "year",
        "themes",
        "url",
    ];
    let d = Download {
        name: "practices",
        columns: &columns,
        numbers: &["id", "year"],
        items: &items,
    };
    open_data::respond(format, &d, &ctx, &state.settings)
}

/// The library's part of the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(api_resources, api_resource, api_practices, api_practice))]
pub(super) struct ApiDoc;
