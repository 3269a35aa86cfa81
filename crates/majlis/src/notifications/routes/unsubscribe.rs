//! `/unsubscribe/{token}`: one-click unsubscribe (RFC 8058). The address
//! itself is the permission (sealed under the node's key, naming one
//! person and the kinds of one message): no sign-in, no form token. A GET
//! (a person following the link) shows what will stop and asks; a POST
//! (that page's button, or a mail client's one-click
//! `List-Unsubscribe=One-Click`) does it.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};

use crate::app::AppState;
use crate::notifications::NoticeKind;
use crate::notifications::unsubscribe::{self, Unsubscribe};
use crate::web::{AppError, PageCtx, Section, no_store, render};

#[derive(Template)]
#[template(path = "notifications/templates/unsubscribe.html")]
struct UnsubscribePage {
    ctx: PageCtx,
    token: String,
    kinds: Vec<NoticeKind>,
    done: bool,
}

impl UnsubscribePage {
    fn kind_label(&self, k: &NoticeKind) -> String {
        self.ctx.t(&format!("notice-kind-{}", k.code()))
    }
}

fn parsed(state: &AppState, token: &str) -> Result<Unsubscribe, AppError> {
    unsubscribe::parse(&state.secret_key, token).ok_or(AppError::NotFound)
}

fn page(ctx: PageCtx, token: String, u: Unsubscribe, done: bool) -> Result<Response, AppError> {
    let mut res = no_store(
        render(&UnsubscribePage {
            ctx,
            token,
            kinds: u.kinds,
            done,
        })?
        .into_response(),
    );
    // The address is a secret: keep it out of `Referer`.
    res.headers_mut().insert(
        axum::http::header::REFERRER_POLICY,
        axum::http::HeaderValue::from_static("no-referrer"),
    );
    Ok(res)
}

/// `GET /unsubscribe/{token}`: what will stop, and a button.
pub(super) async fn confirm_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let u = parsed(&state, &token)?;
    page(ctx, token, u, false)
}

/// `POST /unsubscribe/{token}`: stop those emails (nothing else changes).
pub(super) async fn unsubscribe(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let u = parsed(&state, &token)?;
    if !unsubscribe::apply(&state.db, &u).await? {
        return Err(AppError::NotFound);
    }
    page(ctx, token, u, true)
}
