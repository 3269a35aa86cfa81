//! Project pages: `/projects` (list with filters), `/projects/{slug}` (the
//! idea, its partners and their history, suggested partners, status),
//! `/projects/new` and `/projects/{slug}/edit` (the idea form, one language
//! at a time with `?in=`), and the partnership and status changes;
//! `/projects/{slug}/milestones.ics` (its plan's milestones, `calendar.rs`)
//! and the JSON API `/api/v1/projects…` (`api.rs`).

use crate::app::Routes;
use crate::directory::service::Directory;
use crate::projects::error::ProjectError;
use crate::projects::{
    PartnerKind, PartnerStep, PartnershipStatus, ProjectStatus, ProjectVisibility,
};
use crate::web::{AppError, PageCtx};

mod api;
mod calendar;
mod form;
mod list;
mod page;

/// The projects' part of the API description.
pub fn api_doc() -> utoipa::openapi::OpenApi {
    <api::ApiDoc as utoipa::OpenApi>::openapi()
}

pub fn routes() -> Routes {
    Routes::new()
        .get("/projects", list::projects_page)
        .get("/projects/new", form::new_page)
        .post("/projects/new", form::create)
        .get("/projects/{slug}", page::project_page)
        .get("/projects/{slug}/milestones.ics", calendar::milestones_ics)
        .get("/projects/{slug}/edit", form::edit_page)
        .post("/projects/{slug}/edit", form::edit)
        .post("/projects/{slug}/status", page::change_status)
        .post("/projects/{slug}/partners", page::invite)
        .post(
            "/projects/{slug}/partners/{municipality}/accept",
            page::accept,
        )
        .post(
            "/projects/{slug}/partners/{municipality}/decline",
            page::decline,
        )
        .post(
            "/projects/{slug}/partners/{municipality}/leave",
            page::leave,
        )
        .get("/api/v1/projects", api::api_projects)
        .get("/api/v1/projects/{slug}", api::api_project)
}

impl From<ProjectError> for AppError {
    fn from(e: ProjectError) -> Self {
        match e {
            ProjectError::Forbidden => AppError::Forbidden,
            ProjectError::SecondFactorRequired => AppError::TwoFactorRequired,
            ProjectError::NotFound => AppError::NotFound,
            ProjectError::Invalid(errors) => {
                AppError::bad_request(errors.first().map(|e| e.field).unwrap_or("form"))
            }
            ProjectError::Conflict(_) => AppError::bad_request("form"),
            ProjectError::Db(e) => e.into(),
        }
    }
}

/// Template helpers shared by the project pages.
pub trait ProjectPage {
    fn ctx(&self) -> &PageCtx;
    fn dir(&self) -> &Directory;
    fn status_label(&self, s: &ProjectStatus) -> String {
        self.ctx().t(&s.label_id())
    }
    fn visibility_label(&self, v: &ProjectVisibility) -> String {
        self.ctx().t(&v.label_id())
    }
    fn kind_label(&self, k: &PartnerKind) -> String {
        self.ctx().t(&k.label_id())
    }
    fn partnership_label(&self, s: &PartnershipStatus) -> String {
        self.ctx().t(&s.label_id())
    }
    fn step_label(&self, s: &PartnerStep) -> String {
        self.ctx().t(&s.label_id())
    }
    fn country_name(&self, code: &str) -> String {
        self.dir()
            .reference
            .country(code)
            .map(|c| c.name.text(self.ctx().locale).to_owned())
            .unwrap_or_else(|| code.to_owned())
    }
    fn theme_name(&self, id: &i32) -> String {
        self.dir()
            .reference
            .theme(*id)
            .map(|t| t.label.text(self.ctx().locale).to_owned())
            .unwrap_or_default()
    }
    fn date(&self, t: &chrono::DateTime<chrono::Utc>) -> String {
        self.ctx().day(t)
    }
}

macro_rules! project_page {
    ($($t:ty),+) => { $(impl ProjectPage for $t {
        fn ctx(&self) -> &PageCtx { &self.ctx }
        fn dir(&self) -> &Directory { &self.dir }
    })+ };
}
use project_page;
