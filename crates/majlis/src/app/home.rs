//! The home page and the health check.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use chrono::Utc;

use std::sync::Arc;

use super::AppState;
use crate::consultations::{self, entities::dilemma};
use crate::db::Db;
use crate::directory::rules::Overview;
use crate::directory::service::Directory;
use crate::events::routes::EventPage;
use crate::events::rules::{EventCard, EventFilter, When};
use crate::fields::paging::{Page, PageRequest};
use crate::library::rules::{LibraryFilter, PracticeCard, PracticeScope, ResourceCard};
use crate::library::{self};
use crate::web::{AppError, PageCtx, Section, render};

#[derive(Template)]
#[template(path = "app/templates/home.html")]
struct Home {
    ctx: PageCtx,
    dir: Arc<Directory>,
    overview: Arc<Overview>,
    upcoming: Arc<Page<EventCard>>,
    recent: Arc<Page<EventCard>>,
    practices: Page<PracticeCard>,
    documents: Page<ResourceCard>,
    consultations: Vec<dilemma::Model>,
}

impl EventPage for Home {
    fn ctx(&self) -> &PageCtx {
        &self.ctx
    }
    fn dir(&self) -> &Directory {
        &self.dir
    }
}

impl Home {
    /// Every event the reader may see, to come and past.
    fn events_held(&self) -> String {
        self.figure(&(self.upcoming.total + self.recent.total))
    }
    fn figure(&self, n: &u64) -> String {
        self.ctx.num(&self.total(n))
    }
    fn total(&self, n: &u64) -> i64 {
        i64::try_from(*n).unwrap_or(i64::MAX)
    }
    fn day(&self, t: &Option<chrono::DateTime<Utc>>) -> String {
        self.ctx.day_opt(t)
    }
    fn resource_kind(&self, code: &str) -> String {
        self.ctx.t(&format!("resource-kind-{code}"))
    }
}

/// How many items each block of the home page shows.
const BLOCK: u64 = 3;

/// `GET /`: the network's front door. What is coming up and what happened,
/// the latest practices and documents, the consultations taking
/// contributions and the network in figures, each block linking on: a fixed
/// number of queries (one per block), and a visitor's page is kept per
/// content version and minute.
pub async fn home(State(state): State<AppState>, ctx: PageCtx) -> Result<Response, AppError> {
    let ctx = ctx.with_section(Section::Home);
    state
        .pages
        .visitor_page(&state.db, &ctx, || home_html(&state, ctx.clone()))
        .await
}

async fn home_html(state: &AppState, ctx: PageCtx) -> Result<Html<String>, AppError> {
    let dir = &state.directory;
    let reference = &dir.reference;
    let now = Utc::now();
    let actor = ctx.actor();
    let v = dir.version(&state.db, actor).await?;
    let overview = dir.overview(&state.db, v).await?;
    let ev = state.events.version(&state.db, actor).await?;
    let block = PageRequest {
        page: 1,
        per_page: BLOCK,
    };
    let upcoming = EventFilter::default();
    let past = EventFilter {
        when: When::Past,
        ..EventFilter::default()
    };
    let (upcoming, recent) = (
        state
            .events
            .list(&state.db, reference, ev, actor, &upcoming, block, now)
            .await?,
        state
            .events
            .list(&state.db, reference, ev, actor, &past, block, now)
            .await?,
    );
    let read = state.db.read();
    let practices = library::rules::list_practices(
        read,
        reference,
        &PracticeScope::Published,
        &LibraryFilter::default(),
        block,
    )
    .await?;
    let documents =
        library::rules::list_resources(read, reference, actor, &LibraryFilter::default(), block)
            .await?;
    let consultations = consultations::rules::taking_contributions(read, actor, now, BLOCK).await?;
    render(&Home {
        dir: dir.clone(),
        overview,
        upcoming,
        recent,
        practices,
        documents,
        consultations,
        ctx,
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
