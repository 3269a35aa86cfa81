//! Directory pages (`/municipalities`, `/organisations`, `/network`) and the
//! JSON API under `/api/v1/`, one file per flow:
//!
//! - `pages.rs`: the lists, a municipality's and an organisation's page, the network;
//! - `forms.rs`: what the edit forms share;
//! - `municipality_form.rs`, `organisation_form.rs`: creating and editing;
//! - `affiliations.rs`: a person's ties to municipalities and organisations
//!   (coordinators; accounts' rules, the directory's choices);
//! - `api.rs`: the JSON API;
//! - `search.rs`: the /search page and `/api/v1/search` (its filters are
//!   the directory's themes and countries).

mod affiliations;
mod api;
mod forms;
mod municipality_form;
mod organisation_form;
mod pages;
pub mod search;

use super::editing::EditError;
use super::entities::country;
use super::rules::{DirectoryError, MunicipalityFilter, OrganisationFilter, Slug};
use crate::app::Routes;
use crate::fields::paging::PageRequest;
use crate::i18n::Locale;
use crate::web::{AppError, PageCtx, Params};

/// The directory's refusals as responses: same status and message as
/// when the rules returned `AppError` themselves.
impl From<DirectoryError> for AppError {
    fn from(e: DirectoryError) -> Self {
        match e {
            DirectoryError::BadRequest { field } => AppError::BadRequest { field },
        }
    }
}

impl From<EditError> for AppError {
    fn from(e: EditError) -> Self {
        match e {
            EditError::Forbidden => AppError::Forbidden,
            EditError::SecondFactorRequired => AppError::TwoFactorRequired,
            EditError::NotFound => AppError::NotFound,
            EditError::SlugTaken => AppError::bad_request("slug"),
            EditError::Db(e) => e.into(),
        }
    }
}

/// The directory's part of the API description (its lists and search).
pub fn api_doc() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    let mut doc = api::ApiDoc::openapi();
    doc.merge(search::ApiDoc::openapi());
    doc
}

pub fn routes() -> Routes {
    Routes::new()
        .get("/municipalities", pages::municipalities)
        .get("/municipalities/{slug}", pages::municipality)
        .get("/organisations", pages::organisations)
        .get("/organisations/{slug}", pages::organisation)
        .get("/network", pages::network)
        .get(
            "/municipalities/{slug}/edit",
            municipality_form::edit_municipality_page,
        )
        .post(
            "/municipalities/{slug}/edit",
            municipality_form::edit_municipality,
        )
        .get(
            "/municipalities/new",
            municipality_form::new_municipality_page,
        )
        .post("/municipalities/new", municipality_form::new_municipality)
        .get(
            "/organisations/new",
            organisation_form::new_organisation_page,
        )
        .post("/organisations/new", organisation_form::new_organisation)
        .get(
            "/organisations/{slug}/edit",
            organisation_form::edit_organisation_page,
        )
        .post(
            "/organisations/{slug}/edit",
            organisation_form::edit_organisation,
        )
        .get("/api/v1/municipalities", api::api_municipalities)
        .get("/api/v1/municipalities/{id}", api::api_municipality)
        .get("/api/v1/municipalities.csv", api::municipalities_download)
        .get("/api/v1/municipalities.xlsx", api::municipalities_download)
        .get("/api/v1/organisations", api::api_organisations)
        .get("/api/v1/organisations.csv", api::organisations_download)
        .get("/api/v1/organisations.xlsx", api::organisations_download)
        .get("/api/v1/organisations/{id}", api::api_organisation)
        .get("/api/v1/themes", api::api_themes)
        .get("/api/v1/countries", api::api_countries)
        .merge(affiliations::routes())
}

fn municipality_filter(p: &Params) -> Result<MunicipalityFilter, AppError> {
    Ok(MunicipalityFilter::parse(
        p.get("country"),
        p.get("theme"),
        p.get("kind"),
    )?)
}

fn organisation_filter(p: &Params) -> Result<OrganisationFilter, AppError> {
    Ok(OrganisationFilter::parse(
        p.get("country"),
        p.get("theme"),
        p.get("kind"),
    )?)
}

fn page_request(p: &Params) -> Result<PageRequest, AppError> {
    Ok(PageRequest::from_query(p.get("page"), p.get("per_page"))?)
}

/// Countries in the reader's alphabetical order (collated).
fn by_name(countries: &[country::Model], l: Locale) -> Vec<country::Model> {
    crate::directory::choices::countries_by_name(countries.iter().cloned(), l)
}

fn slug(s: &str) -> Result<Slug, AppError> {
    Slug::parse(s).ok_or(AppError::NotFound)
}

/// Template helpers for kinds.
fn kind_label(ctx: &PageCtx, code: &str, prefix: &str) -> String {
    ctx.t(&format!("{prefix}-{code}"))
}
