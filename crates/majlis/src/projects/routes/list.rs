//! `GET /projects`: the ideas a person may see, with filters.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::response::{Html, Response};

use super::{ProjectPage, project_page};
use crate::app::AppState;
use crate::directory::entities::{country, theme};
use crate::directory::rules::{CountryCode, Slug};
use crate::directory::service::Directory;
use crate::fields::paging::{Page, PageRequest};
use crate::fields::parse_opt;
use crate::policy::{Action, can};
use crate::projects::ProjectStatus;
use crate::projects::rules::{self, ProjectCard, ProjectFilter};
use crate::web::{AppError, PageCtx, Params, Section, render};

#[derive(Template)]
#[template(path = "projects/templates/projects.html")]
struct ListPage {
    ctx: PageCtx,
    dir: Arc<Directory>,
    page: Page<ProjectCard>,
    themes: Vec<theme::Model>,
    countries: Vec<country::Model>,
    statuses: &'static [ProjectStatus],
    may_create: bool,
}
project_page!(ListPage);

/// `GET /projects` (visitors' pages kept per content version).
pub(super) async fn projects_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Response, AppError> {
    let ctx = ctx.with_section(Section::Projects);
    state
        .pages
        .visitor_page(&state.db, &ctx, || {
            projects_html(&state, ctx.clone(), &params)
        })
        .await
}

async fn projects_html(
    state: &AppState,
    ctx: PageCtx,
    params: &Params,
) -> Result<Html<String>, AppError> {
    let bad = |e: crate::fields::BadField| AppError::bad_request(e.0);
    let f = ProjectFilter {
        status: parse_opt(params.get("status"), "status", ProjectStatus::from_code).map_err(bad)?,
        theme: parse_opt(params.get("theme"), "theme", Slug::parse).map_err(bad)?,
        country: parse_opt(params.get("country"), "country", CountryCode::parse).map_err(bad)?,
    };
    let pr = PageRequest::from_query(params.get("page"), params.get("per_page"))?;
    let page = rules::list(
        state.db.read(),
        &state.directory.reference,
        ctx.actor(),
        &f,
        pr,
    )
    .await?;
    // The countries of the network's municipalities (DE and TR in the demo).
    let mut countries: Vec<country::Model> = state
        .directory
        .reference
        .countries()
        .filter(|c| {
            page.items
                .iter()
                .any(|p| p.lead.as_ref().is_some_and(|m| m.country_code == c.code))
                || params.get("country") == Some(c.code.as_str())
        })
        .cloned()
        .collect();
    ctx.locale
        .sort_by_name(&mut countries, |c| c.name.text(ctx.locale));
    // Signed-in people are offered the form (it says who may lead an idea).
    let may_create = can(ctx.actor(), Action::CreateProject { affiliated: true });
    render(&ListPage {
        dir: state.directory.clone(),
        may_create,
        themes: state.directory.reference.themes().to_vec(),
        countries,
        statuses: ProjectStatus::ALL,
        page,
        ctx,
    })
}
