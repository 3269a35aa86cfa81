//! Personal API tokens (`/account/tokens`) and `/api/v1/me`, which says
//! whom a token (or a session) acts as.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use serde::Deserialize;

use super::{ApiCaller, EmptyForm};
use crate::accounts::signin::Account;
use crate::accounts::{api_token, tokens};
use crate::app::AppState;
use crate::audit::origin_of;
use crate::policy::SignedIn;
use crate::web::extract::{ClientInfo, CsrfForm, RequireSignedIn};
use crate::web::{AppError, PageCtx, Section, no_store, render};

// ---------------------------------------------------------------- API tokens

#[derive(Template)]
#[template(path = "accounts/templates/tokens.html")]
struct TokensPage {
    ctx: PageCtx,
    tokens: Vec<api_token::Model>,
    created: Option<String>,
    name: String,
    error: Option<String>,
}

impl TokensPage {
    fn when(&self, t: &chrono::DateTime<Utc>) -> String {
        self.ctx.date_time(t)
    }
}

pub(super) async fn tokens_response(
    state: &AppState,
    ctx: PageCtx,
    me: &SignedIn,
    created: Option<String>,
    name: String,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tokens = tokens::list(&state.db, me.person_id).await?;
    let page = TokensPage {
        ctx: ctx.with_section(Section::Account),
        tokens,
        created,
        name,
        error,
    };
    Ok(no_store((status, render(&page)?).into_response()))
}

/// `GET /account/tokens`
pub(super) async fn tokens_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
) -> Result<Response, AppError> {
    tokens_response(&state, ctx, &me, None, String::new(), None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub(super) struct TokenForm {
    #[serde(default)]
    name: String,
}

/// `POST /account/tokens`: create one; it is shown once.
pub(super) async fn create_token(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    CsrfForm(form): CsrfForm<TokenForm>,
) -> Result<Response, AppError> {
    let origin = origin_of(&me, &client);
    match tokens::create(&state.db, &origin, me.person_id, &form.name, Utc::now()).await {
        Ok(token) => {
            tokens_response(
                &state,
                ctx,
                &me,
                Some(token),
                String::new(),
                None,
                StatusCode::OK,
            )
            .await
        }
        Err(tokens::TokenError::BadName) => {
            let error = Some(ctx.t("tokens-bad-name"));
            let name = form.name.chars().take(200).collect();
            tokens_response(&state, ctx, &me, None, name, error, StatusCode::BAD_REQUEST).await
        }
        Err(tokens::TokenError::NotFound) => Err(AppError::NotFound),
        Err(tokens::TokenError::Db(e)) => Err(e.into()),
    }
}

/// `POST /account/tokens/{id}/revoke`: only one's own tokens.
pub(super) async fn revoke_token(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    axum::extract::Path(id): axum::extract::Path<String>,
    CsrfForm(_): CsrfForm<EmptyForm>,
) -> Result<Response, AppError> {
    let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
    let origin = origin_of(&me, &client);
    match tokens::revoke(&state.db, &origin, me.person_id, id, Utc::now()).await {
        Ok(()) => Ok(Redirect::to(&format!("/account/tokens?lang={}", ctx.lang())).into_response()),
        Err(tokens::TokenError::NotFound) => Err(AppError::NotFound),
        Err(e) => Err(AppError::Internal(anyhow::Error::new(e))),
    }
}

/// The person a token (or session) acts as.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub(super) struct Me {
    id: i32,
    email: String,
    display_name: String,
    /// `member`, `coordinator` or `admin`.
    role: String,
}

/// `GET /api/v1/me`: who the token (or session) acts as.
#[utoipa::path(get, path = "/api/v1/me", tag = "account",
    summary = "Who the token acts as",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The token's person.", body = Me),
        (status = 401, description = "No valid API token (or session).", body = crate::web::openapi::ApiError)))]
pub(super) async fn api_me(
    account: Option<axum::Extension<Account>>,
    caller: Option<axum::Extension<ApiCaller>>,
) -> Result<axum::Json<Me>, AppError> {
    let p = match (account, caller) {
        (Some(axum::Extension(a)), _) => a.person,
        (None, Some(axum::Extension(ApiCaller(c)))) => c.person,
        (None, None) => return Err(AppError::SignInRequired),
    };
    Ok(axum::Json(Me {
        id: p.id,
        email: p.email,
        display_name: p.display_name,
        role: p.role,
    }))
}

/// The account's part of the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(api_me))]
pub(super) struct ApiDoc;
