//! `/notifications`: a person's newest notifications, grouped, and marking
//! them read.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use chrono::Utc;

use super::super::rules::{self, Group};
use crate::app::AppState;
use crate::notifications::entities::notification;
use crate::web::extract::{CsrfForm, RequireSignedIn};
use crate::web::{AppError, PageCtx, Section, no_store, redirect, render};

#[derive(Template)]
#[template(path = "notifications/templates/notifications.html")]
struct NotificationsPage {
    ctx: PageCtx,
    groups: Vec<Group>,
}

impl NotificationsPage {
    fn heading(&self, g: &Group) -> String {
        g.heading(self.ctx.locale)
    }

    fn when(&self, n: &notification::Model) -> String {
        self.ctx.date_time(&n.created_at)
    }
}

/// `GET /notifications`: newest first, grouped; one query beside the session's.
pub(super) async fn notifications_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
) -> Result<Response, AppError> {
    let groups = rules::page(state.db.read(), me.person_id).await?;
    let page = NotificationsPage {
        ctx: ctx.with_section(Section::Account),
        groups,
    };
    Ok(no_store(render(&page)?.into_response()))
}

#[derive(serde::Deserialize)]
pub(super) struct Empty {}

/// `POST /notifications/read`: every notification read.
pub(super) async fn mark_read(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, AppError> {
    rules::mark_all_read(&state.db, me.person_id, Utc::now()).await?;
    Ok(redirect("/notifications".into(), &ctx))
}
