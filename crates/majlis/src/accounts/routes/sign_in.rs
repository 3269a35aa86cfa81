//! Signing in: `/login` (password), `/login/two-factor` (the second step for
//! those who turned it on), `/logout` and signing out everywhere.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::Utc;
use serde::Deserialize;

use super::{EmptyForm, safe_next, signed_in_redirect, signed_out_redirect};
use crate::accounts::signin::{self, PendingSecondFactor, SignInError};
use crate::accounts::two_factor;
use crate::app::AppState;
use crate::web::extract::{ClientInfo, CsrfForm, RequireSignedIn, cookie, form_csrf};
use crate::web::{AppError, PageCtx, Params, Section, form_response, no_store, render};

#[derive(Template)]
#[template(path = "accounts/templates/login.html")]
struct LoginPage {
    ctx: PageCtx,
    csrf: String,
    email: String,
    next: String,
    error: Option<String>,
    notice: Option<String>,
    /// Offer `/register` (open registration is on).
    open_registration: bool,
}

fn login_response(
    page: LoginPage,
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
        false,
    ))
}

/// A page holding a form: never cached; sets the visitor's anti-forgery
/// cookie when the token is new; keeps a secret link out of `Referer`.
/// `GET /login`
pub(super) async fn login_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let (csrf, new_csrf) = form_csrf(&ctx, &headers, &state.settings);
    let notice = match (params.get("signed-out"), params.get("reset")) {
        (_, Some(_)) => Some(ctx.t("reset-done")),
        (Some(_), None) => Some(ctx.t("login-signed-out")),
        (None, None) => None,
    };
    let page = LoginPage {
        csrf,
        email: String::new(),
        next: safe_next(params.get("next")),
        error: None,
        notice,
        open_registration: state.settings.open_registration,
        ctx: ctx.with_section(Section::Account),
    };
    login_response(page, StatusCode::OK, new_csrf, &state)
}

#[derive(Deserialize)]
pub(super) struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

/// `POST /login`
pub(super) async fn login(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    headers: HeaderMap,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> Result<Response, AppError> {
    let next = safe_next(form.next.as_deref());
    let result = signin::sign_in(&state.db, &form.email, &form.password, &client, Utc::now()).await;
    let (status, message) = match result {
        Ok(started) => {
            // A session cookie sent along belongs to an earlier session: end it
            // (the new token is always fresh, so a planted one is useless).
            if let Some(old) = cookie(&headers, state.settings.session_cookie())
                && let Ok(Some(previous)) =
                    signin::resolve(&state.db, &old, Utc::now(), state.settings.session_limits())
                        .await
            {
                signin::sign_out(&state.db, previous.session.id).await?;
            }
            let target = if started.session.second_factor_pending {
                format!(
                    "/login/two-factor?next={}&lang={}",
                    url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>(),
                    ctx.lang()
                )
            } else {
                next
            };
            let res = signed_in_redirect(&state, &target, &started.token);
            return Ok(res);
        }
        Err(SignInError::WrongCredentials) => (StatusCode::UNAUTHORIZED, ctx.t("login-failed")),
        Err(SignInError::Deactivated) => (StatusCode::FORBIDDEN, ctx.t("login-deactivated")),
        Err(SignInError::TooMany {
            retry_after_minutes,
        }) => (
            StatusCode::TOO_MANY_REQUESTS,
            ctx.t1("login-too-many", "minutes", retry_after_minutes),
        ),
        Err(SignInError::Db(e)) => return Err(e.into()),
    };
    let (csrf, new_csrf) = form_csrf(&ctx, &headers, &state.settings);
    let page = LoginPage {
        csrf,
        email: form.email.chars().take(320).collect(),
        next,
        error: Some(message),
        notice: None,
        open_registration: state.settings.open_registration,
        ctx: ctx.with_section(Section::Account),
    };
    login_response(page, status, new_csrf, &state)
}

/// `POST /logout`
pub(super) async fn logout(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
    CsrfForm(_): CsrfForm<EmptyForm>,
) -> Result<Response, AppError> {
    signin::sign_out(&state.db, me.session_id).await?;
    let res = signed_out_redirect(&state, &format!("/login?signed-out=1&lang={}", ctx.lang()));
    Ok(res)
}

/// `POST /account/sign-out-everywhere`
pub(super) async fn sign_out_everywhere(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
    CsrfForm(_): CsrfForm<EmptyForm>,
) -> Result<Response, AppError> {
    signin::sign_out_everywhere(&state.db, me.person_id).await?;
    let res = signed_out_redirect(&state, &format!("/login?signed-out=1&lang={}", ctx.lang()));
    Ok(res)
}
// ---------------------------------------------------------------- two-factor

#[derive(Template)]
#[template(path = "accounts/templates/second_factor.html")]
struct SecondFactorPage {
    ctx: PageCtx,
    csrf: String,
    next: String,
    error: Option<String>,
}

/// `GET /login/two-factor`: the second step of signing in.
pub(super) async fn second_factor_page(
    ctx: PageCtx,
    params: Params,
    pending: Option<axum::Extension<PendingSecondFactor>>,
) -> Result<Response, AppError> {
    let Some(axum::Extension(pending)) = pending else {
        return Ok(Redirect::to(&format!("/login?lang={}", ctx.lang())).into_response());
    };
    let page = SecondFactorPage {
        csrf: pending.session.csrf_token.clone(),
        next: safe_next(params.get("next")),
        error: None,
        ctx: ctx.with_section(Section::Account),
    };
    Ok(no_store(Html(render(&page)?.0).into_response()))
}

#[derive(Deserialize)]
pub(super) struct CodeForm {
    #[serde(default)]
    pub(super) code: String,
    next: Option<String>,
}

/// `POST /login/two-factor`
pub(super) async fn second_factor(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    pending: Option<axum::Extension<PendingSecondFactor>>,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<Response, AppError> {
    use two_factor::TwoFactorError as E;
    let Some(axum::Extension(pending)) = pending else {
        return Ok(Redirect::to(&format!("/login?lang={}", ctx.lang())).into_response());
    };
    let next = safe_next(form.next.as_deref());
    let now = Utc::now();
    let verified = two_factor::verify(
        &state.db,
        &state.secret_key,
        &pending.person,
        &form.code,
        now,
    )
    .await;
    let (status, message) = match verified {
        Ok(()) => {
            let started = signin::complete_second_factor(&state.db, pending, &client, now).await?;
            let res = signed_in_redirect(&state, &next, &started.token);
            return Ok(res);
        }
        Err(E::WrongCode) => (StatusCode::UNAUTHORIZED, ctx.t("two-factor-wrong")),
        Err(E::TooMany) => (StatusCode::TOO_MANY_REQUESTS, ctx.t("two-factor-too-many")),
        Err(e) => return Err(AppError::Internal(anyhow::Error::new(e))),
    };
    let page = SecondFactorPage {
        csrf: pending.session.csrf_token.clone(),
        next,
        error: Some(message),
        ctx: ctx.with_section(Section::Account),
    };
    Ok(no_store((status, render(&page)?).into_response()))
}
