//! Following by hand: the follow buttons' forms and `/account/following`.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;

use crate::app::AppState;
use crate::follows::{Button, Target, TargetKind};
use crate::notifications::rules;
use crate::notifications::subjects::Described;
use crate::web::extract::{CsrfForm, RequireSignedIn};
use crate::web::redirect::local_or;
use crate::web::{AppError, PageCtx, Section, no_store, redirect, render};

#[derive(Deserialize)]
pub(super) struct FollowForm {
    /// The page the button was on.
    #[serde(default)]
    back: Option<String>,
}

fn target(kind: &str, id: &str) -> Result<Target, AppError> {
    let kind = TargetKind::from_code(kind).ok_or(AppError::NotFound)?;
    Ok(Target::new(kind, crate::web::path_id(id)?))
}

/// `POST /follow/{kind}/{id}`: follow something one may see, then back to its page.
pub(super) async fn follow(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((kind, id)): Path<(String, String)>,
    RequireSignedIn(me): RequireSignedIn,
    CsrfForm(form): CsrfForm<FollowForm>,
) -> Result<Response, AppError> {
    let target = target(&kind, &id)?;
    rules::follow(&state.db, &me.actor(), target, Utc::now()).await?;
    Ok(back(&ctx, form))
}

/// `POST /unfollow/{kind}/{id}`: stop following, then back to the page.
pub(super) async fn unfollow(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((kind, id)): Path<(String, String)>,
    RequireSignedIn(me): RequireSignedIn,
    CsrfForm(form): CsrfForm<FollowForm>,
) -> Result<Response, AppError> {
    let target = target(&kind, &id)?;
    rules::unfollow(&state.db, &me.actor(), target).await?;
    Ok(back(&ctx, form))
}

/// Back to the page the button was on (a path of this site only).
fn back(ctx: &PageCtx, form: FollowForm) -> Response {
    redirect(local_or(form.back.as_deref(), "/account/following"), ctx)
}

#[derive(Template)]
#[template(path = "notifications/templates/following.html")]
struct FollowingPage {
    ctx: PageCtx,
    groups: Vec<(TargetKind, Vec<(Target, Described)>)>,
    /// Every theme, with a button each.
    themes: Vec<(String, Button)>,
}

impl FollowingPage {
    fn heading(&self, kind: &TargetKind) -> String {
        self.ctx.t(&format!("following-kind-{}", kind.code()))
    }

    fn unfollow_button(&self, t: &Target) -> Button {
        let csrf = self
            .ctx
            .viewer
            .as_ref()
            .map(|v| v.csrf.clone())
            .unwrap_or_default();
        Button {
            target: *t,
            following: true,
            csrf,
            back: "/account/following".into(),
        }
    }
}

/// `GET /account/following`: what one follows, by kind, each with its
/// unfollow button; every theme with its button (themes have no page of
/// their own). A fixed number of queries whatever is followed.
pub(super) async fn following_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
) -> Result<Response, AppError> {
    let groups = rules::following(state.db.read(), me.person_id).await?;
    let followed: Vec<i32> = groups
        .iter()
        .filter(|(k, _)| *k == TargetKind::Theme)
        .flat_map(|(_, items)| items.iter().map(|(t, _)| t.id))
        .collect();
    let themes = state
        .directory
        .reference
        .themes()
        .iter()
        .map(|t| {
            (
                ctx.text(&t.label).to_owned(),
                Button {
                    target: Target::new(TargetKind::Theme, t.id),
                    following: followed.contains(&t.id),
                    csrf: me.csrf_token.clone(),
                    back: "/account/following".into(),
                },
            )
        })
        .collect();
    let page = FollowingPage {
        ctx: ctx.with_section(Section::Account),
        groups,
        themes,
    };
    Ok(no_store(render(&page)?.into_response()))
}
