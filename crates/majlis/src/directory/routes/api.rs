//! The directory's JSON API under `/api/v1/`.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::Serialize;
use utoipa::ToSchema;

use super::{municipality_filter, organisation_filter, page_request};
use crate::app::AppState;
use crate::directory::entities::{contact, country};
use crate::directory::rules::{self, MunicipalityCard, MunicipalityDetail, OrganisationCard};
use crate::directory::service::Key;
use crate::fields::paging::{ApiList, whole_list};
use crate::i18n::{Locale, TrText};
use crate::web::open_data::{self, Download, Format};
use crate::web::openapi::{ApiError, Paging, PlaceFilters};
use crate::web::{AppError, PageCtx, Params};

/// A translatable text as the API gives it: the value for the requested
/// locale (or the original), the locale it is in, and every version.
#[derive(Serialize, ToSchema)]
pub(super) struct ApiText {
    text: String,
    locale: Locale,
    original_locale: Locale,
    translations: BTreeMap<Locale, String>,
}

fn api_text(t: &TrText, reader: Locale) -> ApiText {
    let shown = t.show(reader);
    ApiText {
        text: shown.text.to_owned(),
        locale: shown.locale,
        original_locale: t.orig(),
        translations: t
            .locales()
            .filter_map(|l| t.get(l).map(|v| (l, v.to_owned())))
            .collect(),
    }
}

#[derive(Serialize, ToSchema)]
pub(super) struct ApiRef {
    code: String,
    name: String,
}

#[derive(Serialize, ToSchema)]
pub(super) struct ApiTheme {
    id: i32,
    slug: String,
    name: String,
    url: String,
}

#[derive(Serialize, ToSchema)]
pub(super) struct ApiMunicipality {
    id: i32,
    slug: String,
    name: String,
    name_locale: Locale,
    url: String,
    kind: String,
    country: Option<ApiRef>,
    region: Option<String>,
    population: Option<i64>,
    population_year: Option<i32>,
    refugees_hosted: Option<i64>,
    refugees_year: Option<i32>,
    member_since: Option<i32>,
    themes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    names: Option<ApiText>,
    #[serde(skip_serializing_if = "Option::is_none")]
    profile: Option<ApiText>,
    #[serde(skip_serializing_if = "Option::is_none")]
    focal_points: Option<Vec<ApiContact>>,
}

#[derive(Serialize, ToSchema)]
pub(super) struct ApiContact {
    name: String,
    position: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub(super) struct ApiOrganisation {
    id: i32,
    slug: String,
    name: String,
    name_locale: Locale,
    url: String,
    acronym: Option<String>,
    kind: String,
    country: Option<ApiRef>,
    website: Option<String>,
    themes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    names: Option<ApiText>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<ApiText>,
}

#[derive(Serialize, ToSchema)]
pub(super) struct ApiCountry {
    id: String,
    code: String,
    alpha3: String,
    name: String,
    url: String,
}

fn country_ref(c: &Option<country::Model>, l: Locale) -> Option<ApiRef> {
    c.as_ref().map(|c| ApiRef {
        code: c.code.clone(),
        name: c.name.text(l).to_owned(),
    })
}

fn to_api_municipality(base: &str, l: Locale, c: MunicipalityCard) -> ApiMunicipality {
    let m = c.municipality;
    let shown = m.name.show(l);
    ApiMunicipality {
        id: m.id,
        url: format!("{base}/municipalities/{}", m.slug),
        name: shown.text.to_owned(),
        name_locale: shown.locale,
        slug: m.slug.clone(),
        kind: m.kind.clone(),
        country: country_ref(&c.country, l),
        region: m.region.clone(),
        population: m.population,
        population_year: m.population_year,
        refugees_hosted: m.refugees_hosted,
        refugees_year: m.refugees_year,
        member_since: m.member_since,
        themes: c.themes.iter().map(|t| t.slug.clone()).collect(),
        names: None,
        profile: None,
        focal_points: None,
    }
}

fn to_api_organisation(base: &str, l: Locale, c: OrganisationCard) -> ApiOrganisation {
    let o = c.organisation;
    let shown = o.name.show(l);
    ApiOrganisation {
        id: o.id,
        url: format!("{base}/organisations/{}", o.slug),
        name: shown.text.to_owned(),
        name_locale: shown.locale,
        slug: o.slug.clone(),
        acronym: o.acronym.clone(),
        kind: o.kind.clone(),
        country: country_ref(&c.country, l),
        website: o.website.clone(),
        themes: c.themes.iter().map(|t| t.slug.clone()).collect(),
        names: None,
        description: None,
    }
}

/// `GET /api/v1/municipalities?country=&theme=&kind=&page=&per_page=&lang=`
#[utoipa::path(get, path = "/api/v1/municipalities", tag = "directory",
    summary = "Member municipalities",
    params(Paging, PlaceFilters,
        ("kind" = Option<String>, Query, description = "A kind code: `municipality`, `metropolitan-municipality`, `district-municipality`, `union-of-municipalities`, `district`, `city-district`.")),
    responses(
        (status = 200, description = "One page of municipalities, by slug.", body = ApiList<ApiMunicipality>),
        (status = 400, description = "A filter or paging value not understood.", body = ApiError)))]
pub(super) async fn api_municipalities(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Json<ApiList<ApiMunicipality>>, AppError> {
    let filter = municipality_filter(&params)?;
    let page_req = page_request(&params)?;
    let v = state.directory.version(&state.db, ctx.actor()).await?;
    let page = state
        .directory
        .municipalities(&state.db, v, &filter, None, page_req)
        .await?;
    let base = state.settings.public_url();
    Ok(Json(ApiList::from_page(&page, |c| {
        to_api_municipality(&base, ctx.locale, c)
    })))
}

/// `GET /api/v1/municipalities/{id}`
#[utoipa::path(get, path = "/api/v1/municipalities/{id}", tag = "directory",
    summary = "A municipality with its profile and focal points",
    params(("id" = String, Path, description = "The municipality's numeric id.", example = "1")),
    responses(
        (status = 200, description = "The municipality.", body = ApiMunicipality),
        (status = 404, description = "No municipality with this id.", body = ApiError)))]
pub(super) async fn api_municipality(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Result<Json<ApiMunicipality>, AppError> {
    let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
    let v = state.directory.version(&state.db, ctx.actor()).await?;
    let found = state
        .directory
        .municipality(&state.db, v, Key::Id(id))
        .await?;
    let MunicipalityDetail { card, contacts, .. } =
        found.as_ref().clone().ok_or(AppError::NotFound)?;
    let l = ctx.locale;
    let names = api_text(&card.municipality.name, l);
    let profile = card.municipality.profile.as_ref().map(|p| api_text(p, l));
    let mut out = to_api_municipality(&state.settings.public_url(), l, card);
    out.names = Some(names);
    out.profile = profile;
    out.focal_points = Some(
        contacts
            .iter()
            .map(|c: &contact::Model| ApiContact {
                name: c.name.clone(),
                position: c.position.as_ref().map(|p| p.text(l).to_owned()),
            })
            .collect(),
    );
    Ok(Json(out))
}

/// `GET /api/v1/organisations?country=&theme=&kind=&page=&per_page=&lang=`
#[utoipa::path(get, path = "/api/v1/organisations", tag = "directory",
    summary = "Partner organisations",
    params(Paging, PlaceFilters,
        ("kind" = Option<String>, Query, description = "A kind code: `development-agency`, `city-network`, `ngo`, `university`, `ministry`, `union-of-municipalities`, `international-organisation`, `research-institute`, `government-agency`, `foundation`, `private-sector`, `consultancy`.")),
    responses(
        (status = 200, description = "One page of organisations, by slug.", body = ApiList<ApiOrganisation>),
        (status = 400, description = "A filter or paging value not understood.", body = ApiError)))]
pub(super) async fn api_organisations(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Json<ApiList<ApiOrganisation>>, AppError> {
    let filter = organisation_filter(&params)?;
    let page_req = page_request(&params)?;
    let v = state.directory.version(&state.db, ctx.actor()).await?;
    let page = state
        .directory
        .organisations(&state.db, v, &filter, None, page_req)
        .await?;
    let base = state.settings.public_url();
    Ok(Json(ApiList::from_page(&page, |c| {
        to_api_organisation(&base, ctx.locale, c)
    })))
}

/// `GET /api/v1/organisations/{id}`
#[utoipa::path(get, path = "/api/v1/organisations/{id}", tag = "directory",
    summary = "An organisation with its description",
    params(("id" = String, Path, description = "The organisation's numeric id.", example = "1")),
    responses(
        (status = 200, description = "The organisation.", body = ApiOrganisation),
        (status = 404, description = "No organisation with this id.", body = ApiError)))]
pub(super) async fn api_organisation(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Result<Json<ApiOrganisation>, AppError> {
    let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
    let v = state.directory.version(&state.db, ctx.actor()).await?;
    let found = state
        .directory
        .organisation(&state.db, v, Key::Id(id))
        .await?;
    let card = found.as_ref().clone().ok_or(AppError::NotFound)?.card;
    let l = ctx.locale;
    let names = api_text(&card.organisation.name, l);
    let description = card
        .organisation
        .description
        .as_ref()
        .map(|d| api_text(d, l));
    let mut out = to_api_organisation(&state.settings.public_url(), l, card);
    out.names = Some(names);
    out.description = description;
    Ok(Json(out))
}

/// `GET /api/v1/themes?page=&per_page=&lang=`
#[utoipa::path(get, path = "/api/v1/themes", tag = "directory",
    summary = "The network's themes",
    params(Paging),
    responses(
        (status = 200, description = "One page of themes.", body = ApiList<ApiTheme>),
        (status = 400, description = "A paging value not understood.", body = ApiError)))]
pub(super) async fn api_themes(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Json<ApiList<ApiTheme>>, AppError> {
    let page_req = page_request(&params)?;
    let all = state.directory.reference.themes();
    let base = state.settings.public_url();
    let total = all.len() as u64;
    let items = all
        .iter()
        .skip(((page_req.page - 1) * page_req.per_page) as usize)
        .take(page_req.per_page as usize)
        .map(|t| ApiTheme {
            id: t.id,
            name: t.label.text(ctx.locale).to_owned(),
            url: format!("{base}/municipalities?theme={}", t.slug),
            slug: t.slug.clone(),
        })
        .collect();
    Ok(Json(ApiList {
        items,
        total,
        page: page_req.page,
        per_page: page_req.per_page,
    }))
}

/// `GET /api/v1/countries?members=true&page=&per_page=&lang=`
#[utoipa::path(get, path = "/api/v1/countries", tag = "directory",
    summary = "Countries",
    params(Paging,
        ("members" = Option<bool>, Query, description = "`true`: only countries with member municipalities.")),
    responses(
        (status = 200, description = "One page of countries.", body = ApiList<ApiCountry>),
        (status = 400, description = "A paging value or `members` not understood.", body = ApiError)))]
pub(super) async fn api_countries(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Json<ApiList<ApiCountry>>, AppError> {
    let only_members = match rules::non_empty(params.get("members")) {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => return Err(AppError::bad_request("members")),
    };
    let page = rules::countries(
        state.db.read(),
        &state.directory.reference,
        only_members,
        page_request(&params)?,
    )
    .await?;
    let base = state.settings.public_url();
    Ok(Json(ApiList::from_page(&page, |c| ApiCountry {
        id: c.code.clone(),
        name: c.name.text(ctx.locale).to_owned(),
        url: format!("{base}/municipalities?country={}", c.code),
        alpha3: c.alpha3,
        code: c.code,
    })))
}

/// `GET /api/v1/municipalities.csv|.xlsx`: the whole list as a visitor
/// sees it, with the list's filters, as a table.
pub(super) async fn municipalities_download(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    format: Format,
) -> Result<Response, AppError> {
    let filter = municipality_filter(&params)?;
    let (db, r) = (state.db.read(), &state.directory.reference);
    let cards = whole_list(|pr| rules::list_municipalities(db, r, &filter, None, pr)).await?;
    let base = state.settings.public_url();
    let items: Vec<ApiMunicipality> = cards
        .into_iter()
        .map(|c| to_api_municipality(&base, ctx.locale, c))
        .collect();
    let columns = [
        "id",
        "slug",
        "name",
        "kind",
        "country.code",
        "country.name",
        "region",
        "population",
        "population_year",
        "refugees_hosted",
        "refugees_year",
        "member_since",
        "themes",
        "url",
    ];
    let numbers = [
        "id",
        "population",
        "population_year",
        "refugees_hosted",
        "refugees_year",
        "member_since",
    ];
    let d = Download {
        name: "municipalities",
        columns: &columns,
        numbers: &numbers,
        items: &items,
    };
    open_data::respond(format, &d, &ctx, &state.settings)
}

/// `GET /api/v1/organisations.csv|.xlsx`: the whole list as a visitor
/// sees it, with the list's filters, as a table.
pub(super) async fn organisations_download(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    format: Format,
) -> Result<Response, AppError> {
    let filter = organisation_filter(&params)?;
    let (db, r) = (state.db.read(), &state.directory.reference);
    let cards = whole_list(|pr| rules::list_organisations(db, r, &filter, None, pr)).await?;
    let base = state.settings.public_url();
    let items: Vec<ApiOrganisation> = cards
        .into_iter()
        .map(|c| to_api_organisation(&base, ctx.locale, c))
        .collect();
    let columns = [
        "id",
        "slug",
        "name",
        "acronym",
        "kind",
        "country.code",
        "country.name",
        "website",
        "themes",
        "url",
    ];
    let d = Download {
        name: "organisations",
        columns: &columns,
        numbers: &["id"],
        items: &items,
    };
    open_data::respond(format, &d, &ctx, &state.settings)
}

/// The directory's part of the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(
    api_municipalities,
    api_municipality,
    api_organisations,
    api_organisation,
    api_themes,
    api_countries
))]
pub(super) struct ApiDoc;
