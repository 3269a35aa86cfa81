//! A forgotten password: `/password/forgot` asks for a link by email (the
//! same answer whether or not the account exists), `/password/reset/{token}`
//! sets the new password and ends every session.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;

use super::signed_out_redirect;
use crate::accounts::reset;
use crate::app::AppState;
use crate::web::extract::{ClientInfo, CsrfForm, form_csrf};
use crate::web::{AppError, PageCtx, Section, form_response, no_store, render};

// ---------------------------------------------------------------- password reset

#[derive(Template)]
#[template(path = "accounts/templates/forgot.html")]
struct ForgotPage {
    ctx: PageCtx,
    csrf: String,
    email: String,
    notice: Option<String>,
    error: Option<String>,
}

/// `GET /password/forgot`
pub(super) async fn forgot_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let (csrf, new_csrf) = form_csrf(&ctx, &headers, &state.settings);
    let page = ForgotPage {
        ctx: ctx.with_section(Section::Account),
        csrf: csrf.clone(),
        email: String::new(),
        notice: None,
        error: None,
    };
    let new = new_csrf.then_some(csrf.as_str());
    Ok(form_response(
        &state.settings,
        StatusCode::OK,
        render(&page)?,
        new,
        false,
    ))
}

#[derive(Deserialize)]
pub(super) struct ForgotForm {
    #[serde(default)]
    email: String,
}

/// `POST /password/forgot`: the same answer whether or not the account exists.
pub(super) async fn forgot(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    headers: HeaderMap,
    CsrfForm(form): CsrfForm<ForgotForm>,
) -> Result<Response, AppError> {
    use reset::ResetError as E;
    let result = reset::request(
        &state.db,
        &form.email,
        &client.ip,
        &state.settings.public_url(),
        Utc::now(),
    )
    .await;
    let (status, notice, error) = match result {
        Ok(_) => (StatusCode::OK, Some(ctx.t("reset-sent")), None),
        Err(E::TooMany) => (
            StatusCode::TOO_MANY_REQUESTS,
            None,
            Some(ctx.t("error-too-many-requests")),
        ),
        Err(e) => return Err(AppError::Internal(anyhow::Error::new(e))),
    };
    let (csrf, _) = form_csrf(&ctx, &headers, &state.settings);
    let page = ForgotPage {
        ctx: ctx.with_section(Section::Account),
        csrf,
        email: form.email.chars().take(320).collect(),
        notice,
        error,
    };
    Ok(no_store((status, render(&page)?).into_response()))
}

#[derive(Template)]
#[template(path = "accounts/templates/reset.html")]
struct ResetPage {
    ctx: PageCtx,
    csrf: String,
    token: String,
    error: Option<String>,
    closed: Option<String>,
}

fn reset_closed(ctx: &PageCtx, e: &reset::ResetError) -> Option<(StatusCode, String)> {
    use reset::ResetError as E;
    match e {
        E::NotFound => Some((StatusCode::NOT_FOUND, ctx.t("reset-not-found"))),
        E::Expired => Some((StatusCode::GONE, ctx.t("reset-expired"))),
        E::Used => Some((StatusCode::GONE, ctx.t("reset-used"))),
        _ => None,
    }
}

fn reset_response(
    page: ResetPage,
    status: StatusCode,
    new_csrf: bool,
    state: &AppState,
) -> Result<Response, AppError> {
    let csrf = new_csrf.then(|| page.csrf.clone());
    Ok(form_response(
        &state.settings,
        status,
        render(&page)?,
        csrf.as_deref(),
        true,
    ))
}

/// `GET /password/reset/{token}`
pub(super) async fn reset_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let (csrf, new_csrf) = form_csrf(&ctx, &headers, &state.settings);
    let (status, closed) = match reset::find_open(&state.db, &token, Utc::now()).await {
        Ok(_) => (StatusCode::OK, None),
        Err(e) => {
            let (s, m) =
                reset_closed(&ctx, &e).ok_or_else(|| AppError::Internal(anyhow::Error::new(e)))?;
            (s, Some(m))
        }
    };
    let page = ResetPage {
        ctx,
        csrf,
        token,
        error: None,
        closed,
    };
    reset_response(page, status, new_csrf, &state)
}

#[derive(Deserialize)]
pub(super) struct ResetForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_again: String,
}

/// `POST /password/reset/{token}`: set the new password; every session ends.
pub(super) async fn reset(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    headers: HeaderMap,
    Path(token): Path<String>,
    CsrfForm(form): CsrfForm<ResetForm>,
) -> Result<Response, AppError> {
    use crate::accounts::AccountError as A;
    let (csrf, new_csrf) = form_csrf(&ctx, &headers, &state.settings);
    let problem = if form.password != form.password_again {
        Some("join-password-mismatch")
    } else {
        match crate::accounts::Password::parse(form.password.clone()) {
            Err(A::PasswordTooShort) => Some("join-password-short"),
            Err(A::PasswordTooLong) => Some("join-password-long"),
            Err(_) => Some("join-password-common"),
            Ok(password) => {
                match reset::complete(&state.db, &client.ip, &token, &password, Utc::now()).await {
                    Ok(_) => {
                        let res = signed_out_redirect(
                            &state,
                            &format!("/login?reset=1&lang={}", ctx.lang()),
                        );
                        return Ok(res);
                    }
                    Err(e) => {
                        let (status, msg) = reset_closed(&ctx, &e)
                            .ok_or_else(|| AppError::Internal(anyhow::Error::new(e)))?;
                        let page = ResetPage {
                            ctx,
                            csrf,
                            token,
                            error: None,
                            closed: Some(msg),
                        };
                        return reset_response(page, status, new_csrf, &state);
                    }
                }
            }
        }
    };
    let page = ResetPage {
        error: problem.map(|p| ctx.t(p)),
        ctx,
        csrf,
        token,
        closed: None,
    };
    reset_response(page, StatusCode::BAD_REQUEST, new_csrf, &state)
}
