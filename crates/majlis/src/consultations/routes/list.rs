//! `GET /consultations`: the list of dilemmas, filtered.

use crate::app::AppState;
use crate::consultations::DilemmaStatus;
use crate::consultations::rules::{self, DilemmaCard, DilemmaFilter};
use crate::directory::entities::{country, theme};
use crate::directory::service::Directory;
use crate::fields::paging::{Page, PageRequest};
use crate::policy::{Action, can};
use crate::web::{AppError, PageCtx, Params, Section, render};
use askama::Template;
use axum::extract::State;
use axum::response::{Html, Response};
use std::sync::Arc;

use super::ConsultationPage;

#[derive(Template)]
#[template(path = "consultations/templates/consultations.html")]
struct ListPage {
    ctx: PageCtx,
    dir: Arc<Directory>,
    page: Page<DilemmaCard>,
    themes: Vec<theme::Model>,
    countries: Vec<country::Model>,
    statuses: &'static [DilemmaStatus],
    may_create: bool,
}
consultation_page!(ListPage);

/// `GET /consultations` (visitors' pages kept per content version and
/// minute: which consultations are running moves with the clock).
pub(super) async fn consultations_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Response, AppError> {
    let ctx = ctx.with_section(Section::Consultations);
    state
        .pages
        .visitor_page(&state.db, &ctx, || {
            consultations_html(&state, ctx.clone(), &params)
        })
        .await
}

async fn consultations_html(
    state: &AppState,
    ctx: PageCtx,
    params: &Params,
) -> Result<Html<String>, AppError> {
    let f = DilemmaFilter::parse(|k| params.get(k).map(str::to_owned))?;
    let pr = PageRequest::from_query(params.get("page"), params.get("per_page"))?;
    let page = rules::list(
        state.db.read(),
        &state.directory.reference,
        ctx.actor(),
        &f,
        pr,
    )
    .await?;
    let mut countries: Vec<country::Model> = state
        .directory
        .reference
        .countries()
        .filter(|c| {
            page.items
                .iter()
                .any(|d| d.d.country_code.as_deref() == Some(c.code.as_str()))
                || params.get("country") == Some(c.code.as_str())
        })
        .cloned()
        .collect();
    ctx.locale
        .sort_by_name(&mut countries, |c| c.name.text(ctx.locale));
    render(&ListPage {
        dir: state.directory.clone(),
        may_create: can(ctx.actor(), Action::CreateDilemma),
        themes: state.directory.reference.themes().to_vec(),
        countries,
        statuses: DilemmaStatus::ALL,
        page,
        ctx,
    })
}
