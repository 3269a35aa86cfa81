//! The home page and the health check.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse};

use std::sync::Arc;

use super::AppState;
use crate::db::Db;
use crate::directory::rules::Overview;
use crate::web::{AppError, PageCtx, Section, render};

#[derive(Template)]
#[template(path = "app/templates/home.html")]
struct Home {
    ctx: PageCtx,
    overview: Arc<Overview>,
}

/// `GET /`
pub async fn home(State(state): State<AppState>, ctx: PageCtx) -> Result<Html<String>, AppError> {
    let dir = &state.directory;
    let v = dir.version(&state.db, ctx.actor()).await?;
    let overview = dir.overview(&state.db, v).await?;
    render(&Home {
        ctx: ctx.with_section(Section::Home),
        overview,
    })
}

/// `GET /healthz`: liveness only. The process answers, at once, without
/// asking the database (a load balancer asks `/readyz`).
pub async fn healthz() -> &'static str {
    "ok"
}

/// How long `/readyz` waits for the database.
const READY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(1);

/// `GET /readyz`: 200 when the database answers `SELECT 1` within a second,
/// 503 otherwise (within that second too).
pub async fn readyz(State(db): State<Db>) -> impl IntoResponse {
    use sea_orm::ConnectionTrait;
    let probe = db.read().execute_unprepared("SELECT 1");
    match tokio::time::timeout(READY_TIMEOUT, probe).await {
        Ok(Ok(_)) => (StatusCode::OK, "ready"),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "readiness: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
        Err(_) => {
            tracing::warn!("readiness: no answer from the database within a second");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
