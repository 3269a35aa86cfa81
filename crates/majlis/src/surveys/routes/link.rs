//! Answering through a personal link (`/surveys/{slug}/link/{token}`): the
//! same pages as a focal point's, for a named respondent who needs no
//! account; the token is the only key, and its pages stay out of `Referer`.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::respond::{link_access, page_or_review, save, submit_response};
use crate::app::AppState;
use crate::surveys::rules::answering;
use crate::web::extract::{ClientInfo, CsrfForm};
use crate::web::{AppError, PageCtx};

/// `GET /surveys/{slug}/link/{token}`: a personal link's response.
pub(super) async fn link_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    ClientInfo(client): ClientInfo,
    Path((slug, token)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let r = answering::open_link(state.db.read(), &slug, &token).await?;
    let access = link_access(&state, &ctx, &headers, &client, &r, &token);
    page_or_review(ctx, &access, &r)
}

/// `POST /surveys/{slug}/link/{token}?page=N`
pub(super) async fn link_save(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    ClientInfo(client): ClientInfo,
    Path((slug, token)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let r = answering::open_link(state.db.read(), &slug, &token).await?;
    let access = link_access(&state, &ctx, &headers, &client, &r, &token);
    save(&state, ctx, &access, &r, &pairs).await
}

/// `POST /surveys/{slug}/link/{token}/submit`
pub(super) async fn link_submit(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    ClientInfo(client): ClientInfo,
    Path((slug, token)): Path<(String, String)>,
    CsrfForm(_pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let r = answering::open_link(state.db.read(), &slug, &token).await?;
    let access = link_access(&state, &ctx, &headers, &client, &r, &token);
    submit_response(&state, ctx, &access, &r).await
}
