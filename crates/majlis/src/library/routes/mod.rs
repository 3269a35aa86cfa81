//! Library pages (`/library`, `/practices`, `/compendiums`), file downloads,
//! the practice form and review, and the JSON API: one file per page or flow
//! (`resource_pages`, `practice_pages`, `practice_form`, `compendium_pages`,
//! `pictures` (photos of events and practices), `api`); here the routes, the helpers they share, and how the library's
//! errors become responses.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::app::Routes;
use crate::fields::paging::PageRequest;
use crate::i18n::Locale;
use crate::library::compendium::CompendiumError;
use crate::library::files::FormError;
use crate::library::practices::{FieldError, PracticeError};
use crate::library::resources::ResourceError;
use crate::library::rules::{LibraryError, LibraryFilter};
use crate::web::{AppError, PageCtx, Params, render};

/// The library's part of the API description.
pub fn api_doc() -> utoipa::openapi::OpenApi {
    <api::ApiDoc as utoipa::OpenApi>::openapi()
}

pub fn routes() -> Routes {
    Routes::new()
        .get("/library", resource_pages::library)
        .get("/library/new", resource_pages::new_resource_page)
        .post_upload("/library/new", resource_pages::new_resource)
        .get("/library/review", practice_pages::review_queue)
        .get("/library/{id}", resource_pages::resource_page)
        .get("/library/{id}/edit", resource_pages::edit_resource_page)
        .post_upload("/library/{id}/edit", resource_pages::edit_resource)
        .post("/library/{id}/delete", resource_pages::delete_resource)
        .post_upload("/library/{id}/versions", resource_pages::add_version)
        .get("/files/{sha}/{name}", resource_pages::download)
        .get("/pictures/{kind}/{owner}", pictures::pictures_page)
        .post_upload("/pictures/{kind}/{owner}", pictures::add_picture)
        .get("/pictures/{kind}/{owner}/{id}", pictures::picture_file)
        .post(
            "/pictures/{kind}/{owner}/{id}/delete",
            pictures::delete_picture,
        )
        .get("/practices", practice_pages::practices_page)
        .get("/practices.atom", feeds::practices_feed)
        .get("/resources.atom", feeds::resources_feed)
        .get("/practices/mine", practice_pages::my_practices)
        .get("/practices/new", practice_form::new_practice_page)
        .post("/practices/new", practice_form::new_practice)
        .get("/practices/{id}", practice_pages::practice_page)
        .get("/practices/{id}/sheet", practice_pages::practice_sheet)
        .get(
            "/practices/{id}/versions",
            practice_pages::practice_versions,
        )
        .get(
            "/practices/{id}/edit/{step}",
            practice_form::edit_practice_page,
        )
        .post("/practices/{id}/edit/{step}", practice_form::edit_practice)
        .post_upload("/practices/{id}/attachments", practice_form::add_attachment)
        .post("/practices/{id}/review", practice_pages::review_practice)
        .post("/practices/{id}/delete", practice_pages::delete_practice)
        .get("/compendiums", compendium_pages::compendiums_page)
        .get("/compendiums/new", compendium_pages::new_compendium_page)
        .post("/compendiums/new", compendium_pages::new_compendium)
        .get("/compendiums/{slug}", compendium_pages::compendium_page)
        .get("/compendiums/{slug}/pdf", compendium_pages::compendium_pdf)
        .get("/compendiums/{slug}/edit", compendium_pages::arrange_page)
        .post("/compendiums/{slug}/edit", compendium_pages::arrange)
        .post("/compendiums/{slug}/status", compendium_pages::set_status)
        .get(
            "/compendiums/{slug}/describe",
            compendium_pages::describe_page,
        )
        .post("/compendiums/{slug}/describe", compendium_pages::describe)
        .post(
            "/compendiums/{slug}/delete",
            compendium_pages::delete_compendium,
        )
        .get("/api/v1/resources", api::api_resources)
        .get("/api/v1/resources.csv", api::resources_download)
        .get("/api/v1/resources.xlsx", api::resources_download)
        .get("/api/v1/resources/{id}", api::api_resource)
        .get("/api/v1/practices", api::api_practices)
        .get("/api/v1/practices.csv", api::practices_download)
        .get("/api/v1/practices.xlsx", api::practices_download)
        .get("/api/v1/practices/{id}", api::api_practice)
}

fn id(s: &str) -> Result<i32, AppError> {
    s.parse::<i32>()
        .ok()
        .filter(|i| *i > 0)
        .ok_or(AppError::NotFound)
}

fn filter(p: &Params) -> Result<LibraryFilter, AppError> {
    Ok(LibraryFilter::parse(|k| p.get(k).map(str::to_owned))?)
}

fn page_request(p: &Params) -> Result<PageRequest, AppError> {
    Ok(PageRequest::from_query(p.get("page"), p.get("per_page"))?)
}

fn this_year() -> i32 {
    chrono::Datelike::year(&chrono::Utc::now())
}

fn bad_form(status_errors: Vec<FieldError>, page: impl Template) -> Result<Response, AppError> {
    let _ = status_errors;
    Ok((StatusCode::BAD_REQUEST, render(&page)?).into_response())
}

/// A deletion form's confirmation: `confirm=yes`.
fn confirmed(pairs: &[(String, String)]) -> bool {
    pairs.iter().any(|(k, v)| k == "confirm" && v == "yes")
}

/// The language a form writes in: `?in=xx`, else `default`.
fn writing_lang(params: &Params, default: Locale) -> Result<Locale, AppError> {
    match params.get("in") {
        None | Some("") => Ok(default),
        Some(l) => l.parse::<Locale>().map_err(|_| AppError::bad_request("in")),
    }
}

// The library's errors become responses here, at the edge.

impl From<LibraryError> for AppError {
    fn from(e: LibraryError) -> Self {
        match e {
            LibraryError::BadFilter { field } => AppError::bad_request(field),
            LibraryError::Db(e) => e.into(),
        }
    }
}

impl From<PracticeError> for AppError {
    fn from(e: PracticeError) -> Self {
        match e {
            PracticeError::Forbidden => AppError::Forbidden,
            PracticeError::SecondFactorRequired => AppError::TwoFactorRequired,
            PracticeError::NotFound => AppError::NotFound,
            PracticeError::WrongState | PracticeError::Incomplete(_) => {
                AppError::bad_request("action")
            }
            PracticeError::Db(e) => e.into(),
        }
    }
}

impl From<FormError> for AppError {
    fn from(e: FormError) -> Self {
        match e {
            FormError::Csrf => AppError::Csrf,
            FormError::TooLong | FormError::Malformed | FormError::TooMany => {
                AppError::bad_request("form")
            }
            FormError::Db(e) => e.into(),
        }
    }
}

impl From<ResourceError> for AppError {
    fn from(e: ResourceError) -> Self {
        match e {
            ResourceError::Forbidden => AppError::Forbidden,
            ResourceError::SecondFactorRequired => AppError::TwoFactorRequired,
            ResourceError::NotFound => AppError::NotFound,
            ResourceError::Db(e) => e.into(),
        }
    }
}

impl From<CompendiumError> for AppError {
    fn from(e: CompendiumError) -> Self {
        match e {
            CompendiumError::Forbidden => AppError::Forbidden,
            CompendiumError::SecondFactorRequired => AppError::TwoFactorRequired,
            CompendiumError::NotFound => AppError::NotFound,
            CompendiumError::Invalid(errors) => {
                AppError::bad_request(errors.first().map_or("practices", |e| e.field))
            }
            CompendiumError::Db(e) => e.into(),
        }
    }
}

/// Template helpers shared by the library's pages.
trait LibraryPage {
    fn ctx(&self) -> &PageCtx;
    fn lang_label(&self, code: &str) -> String {
        self.ctx().lang_label(code)
    }
    fn kind_label(&self, code: &str) -> String {
        self.ctx().t(&format!("resource-kind-{code}"))
    }
    fn status_label(&self, code: &str) -> String {
        self.ctx().t(&format!("practice-status-{code}"))
    }
    fn month_label(&self, m: &i32) -> String {
        self.ctx().locale.month_name(u32::try_from(*m).unwrap_or(0))
    }
    /// A publication's year, with its month when known ("February 2019").
    fn year_month(&self, y: &i32, m: &Option<i32>) -> String {
        match m.and_then(|m| u32::try_from(m).ok()) {
            Some(m) => self.ctx().month_year(*y, m),
            None => y.to_string(),
        }
    }
}

macro_rules! library_page {
    ($($t:ty),+) => { $(impl LibraryPage for $t { fn ctx(&self) -> &PageCtx { &self.ctx } })+ };
}

mod api;
mod compendium_pages;
pub mod feeds;
mod pictures;
mod practice_form;
mod practice_pages;
mod resource_pages;

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

pub(crate) use crate::web::pdf::{pdf_response, print};
