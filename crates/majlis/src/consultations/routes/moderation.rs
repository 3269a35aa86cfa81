//! `GET /consultations/moderation`: contributions with open reports.

use crate::app::AppState;
use crate::directory::service::Directory;
use crate::policy::Coordinator;
use crate::web::extract::RequireRole;
use crate::web::{AppError, PageCtx, Section, render};
use askama::Template;
use axum::extract::State;
use axum::response::Html;
use std::sync::Arc;

use super::ConsultationPage;
use crate::consultations::lookups::{self, Flagged};

#[derive(Template)]
#[template(path = "consultations/templates/moderation.html")]
struct ModerationPage {
    ctx: PageCtx,
    dir: Arc<Directory>,
    items: Vec<Flagged>,
}
consultation_page!(ModerationPage);

/// `GET /consultations/moderation` (coordinators): contributions with open reports.
pub(super) async fn moderation_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireRole { .. }: RequireRole<Coordinator>,
) -> Result<Html<String>, AppError> {
    let ctx = ctx.with_section(Section::Consultations);
    let items = lookups::flagged(state.db.read()).await?;
    render(&ModerationPage {
        dir: state.directory.clone(),
        ctx,
        items,
    })
}
