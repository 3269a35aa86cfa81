//! The home page and the health check.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse};

use super::Section;
use super::{AppError, AppState, PageCtx, render};
use std::sync::Arc;

use crate::directory::rules::Overview;

#[derive(Template)]
#[template(path = "web/templates/home.html")]
struct Home {
    ctx: PageCtx,
    overview: Arc<Overview>,
}

/// `GET /`
pub async fn home(State(state): State<AppState>, ctx: PageCtx) -> Result<Html<String>, AppError> {
    let dir = &state.directory;
    let v = dir.version(&state.db).await?;
    let overview = dir.overview(&state.db, v).await?;
    render(&Home {
        ctx: ctx.with_section(Section::Home),
        overview,
    })
}

/// `GET /healthz`: 200 when the database answers, 503 otherwise.
pub async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(e) => {
            tracing::warn!(error = %e, "health check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
