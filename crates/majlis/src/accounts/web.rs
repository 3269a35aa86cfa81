//! Signing in and out on the web: the session cookie, the anti-forgery check
//! on forms, the extractors that state who may call a handler, and the pages
//! `/login`, `/logout`, `/account`.

use std::marker::PhantomData;
use std::net::SocketAddr;

use askama::Template;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::Utc;
use sea_orm::EntityTrait;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::policy::{Coordinator, Role, RoleRequirement};
use super::signin::{self, Client, PendingSecondFactor, Resolved, SignInError, SignedIn};
use super::{person, session};
use crate::config::Settings;
use crate::web::routes::Routes;
use crate::web::{AppError, AppState, PageCtx, Section, render};

// The cookies' names (`majlis_session`, with the session token, and
// `majlis_csrf`, with a visitor's anti-forgery token; `__Host-` in front over
// HTTPS) come from `Settings::session_cookie` and `Settings::csrf_cookie`.
/// Largest form body accepted.
const FORM_LIMIT: usize = 64 * 1024;

pub fn routes() -> Routes {
    Routes::new()
        .get("/login", login_page)
        .post("/login", login)
        .post("/logout", logout)
        .get("/password/forgot", forgot_page)
        .post("/password/forgot", forgot)
        .get("/password/reset/{token}", reset_page)
        .post("/password/reset/{token}", reset)
        .get("/login/two-factor", second_factor_page)
        .post("/login/two-factor", second_factor)
        .get("/account/two-factor", two_factor_page)
        .post("/account/two-factor", enable_two_factor)
        .get("/account", account)
        .get("/account/data", download_data)
        .get("/account/tokens", tokens_page)
        .post("/account/tokens", create_token)
        .post("/account/tokens/{id}/revoke", revoke_token)
        .get("/api/v1/me", api_me)
        .get("/account/password", password_page)
        .post("/account/password", change_password)
        .get("/account/delete", delete_page)
        .post("/account/delete", delete_account)
        .post("/account/sign-out-everywhere", sign_out_everywhere)
        .get("/people", people)
        .post("/people/{id}/role", change_role)
        .post("/people/{id}/active", set_active)
        .get("/people/invite", invite_page)
        .post("/people/invite", invite)
        .get("/invitation/{token}", invitation_page)
        .post("/invitation/{token}", accept_invitation)
        .merge(super::signup_web::routes())
        .merge(super::affiliations_web::routes())
}

/// A cookie's value from the request headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(name)?.strip_prefix('='))
        .filter(|v| !v.is_empty())
}

fn set_cookie(res: &mut Response, name: &str, value: &str, max_age: i64, secure: bool) {
    let cookie = format!(
        "{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{}",
        if secure { "; Secure" } else { "" }
    );
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
}

/// Resolve the session cookie into a [`SignedIn`] extension; clear a cookie
/// whose session has ended.
pub async fn load_session(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let token = cookie(req.headers(), state.settings.session_cookie()).map(str::to_owned);
    let Some(token) = token else {
        // The JSON API also takes personal tokens: `Authorization: Bearer majlis_…`.
        let bearer = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(|v| v.trim().to_owned());
        if let Some(bearer) = bearer.filter(|_| req.uri().path().starts_with("/api/")) {
            return match super::tokens::resolve(&state.db, &bearer, Utc::now()).await {
                Ok(Some(person)) => {
                    req.extensions_mut().insert(ApiCaller(person));
                    next.run(req).await
                }
                // Outside the error renderer: answer in the API's JSON shape here.
                Ok(None) => {
                    let locale = req
                        .extensions()
                        .get::<crate::i18n::Locale>()
                        .copied()
                        .unwrap_or_default();
                    let err = AppError::SignInRequired;
                    let info = crate::web::ErrorInfo {
                        code: err.code(),
                        field: None,
                    };
                    crate::web::error_response(locale, req.uri(), None, &info, err.status())
                }
                Err(e) => {
                    tracing::error!(error = %e, "cannot check an API token");
                    StatusCode::INTERNAL_SERVER_ERROR.into_response()
                }
            };
        }
        return next.run(req).await;
    };
    let resolved = signin::resolve_any(
        &state.db,
        &token,
        Utc::now(),
        state.settings.session_limits(),
    )
    .await;
    match resolved {
        Ok(Some(Resolved::SignedIn(signed_in))) => {
            req.extensions_mut().insert(signed_in);
            next.run(req).await
        }
        Ok(Some(Resolved::Pending(pending))) => {
            req.extensions_mut().insert(pending);
            next.run(req).await
        }
        Ok(None) => {
            let mut res = next.run(req).await;
            set_cookie(
                &mut res,
                state.settings.session_cookie(),
                "",
                0,
                state.settings.secure_cookies(),
            );
            res
        }
        Err(e) => AppError::from(e).into_response(),
    }
}

/// The person a valid API token stands for (JSON API only).
#[derive(Clone, Debug)]
pub struct ApiCaller(pub person::Model);

/// The signed-in person, if any.
pub struct CurrentUser(pub Option<SignedIn>);

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(CurrentUser(parts.extensions.get::<SignedIn>().cloned()))
    }
}

/// A handler that needs someone signed in takes this.
pub struct RequireSignedIn(pub SignedIn);

impl<S: Send + Sync> FromRequestParts<S> for RequireSignedIn {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<SignedIn>()
            .cloned()
            .map(RequireSignedIn)
            .ok_or(AppError::SignInRequired)
    }
}

/// A handler for some roles only: `RequireRole<Coordinator>` lets coordinators
/// and administrators with two-step sign-in in, answers 401 to visitors, the
/// two-factor-required page to staff without it and 403 to everyone else.
pub struct RequireRole<R: RoleRequirement> {
    pub me: SignedIn,
    pub role: Role,
    _requirement: PhantomData<R>,
}

impl<R: RoleRequirement, S: Send + Sync> FromRequestParts<S> for RequireRole<R> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let me = parts
            .extensions
            .get::<SignedIn>()
            .cloned()
            .ok_or(AppError::SignInRequired)?;
        // The policy's decision: staff powers need the second factor.
        let actor = me.actor();
        super::policy::authorize_role::<R>(&actor)?;
        Ok(RequireRole {
            me,
            role: actor.role,
            _requirement: PhantomData,
        })
    }
}

/// The client's address: the socket's, or behind trusted reverse proxies the
/// right-most `X-Forwarded-For` entry that is not one of them (see
/// `config::TrustedProxies::client`).
pub struct ClientInfo(pub Client);

impl FromRequestParts<AppState> for ClientInfo {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        // Several headers count as one list, in order.
        let forwarded: Vec<&str> = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .collect();
        let ip = state
            .settings
            .proxies()
            .client(peer, &forwarded)
            .map_or_else(|| "unknown".to_owned(), |ip| ip.to_string());
        let user_agent = parts
            .headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        Ok(ClientInfo(Client { ip, user_agent }))
    }
}

/// A submitted form that carried the right anti-forgery token: the signed-in
/// session's, or for visitors the one in their `majlis_csrf` cookie. Requests
/// a browser marks as cross-site are refused outright.
pub struct CsrfForm<T>(pub T);

pub(crate) fn same(a: &str, b: &str) -> bool {
    // Constant time for equal lengths; tokens have a fixed length.
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

impl<T: DeserializeOwned> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let headers = req.headers().clone();
        if headers
            .get("sec-fetch-site")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v == "cross-site")
        {
            return Err(AppError::Csrf);
        }
        let expected = match (
            req.extensions().get::<SignedIn>(),
            req.extensions().get::<PendingSecondFactor>(),
        ) {
            (Some(s), _) => Some(s.session.csrf_token.clone()),
            (None, Some(p)) => Some(p.session.csrf_token.clone()),
            (None, None) => cookie(&headers, state.settings.csrf_cookie()).map(str::to_owned),
        };
        let body = axum::body::to_bytes(req.into_body(), FORM_LIMIT)
            .await
            .map_err(|_| AppError::bad_request("form"))?;
        let given = url::form_urlencoded::parse(&body)
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v.into_owned());
        match (expected, given) {
            (Some(e), Some(g)) if same(&e, &g) => {}
            _ => return Err(AppError::Csrf),
        }
        parse_form(&body).map(CsrfForm)
    }
}

/// A multipart form (with files) from a signed-in person. Its anti-forgery
/// token must be the form's first field: it is checked before any file is
/// read (see `library::files::read_form`). The body is cut off past the
/// form's byte limit (`request_max_mb`, with room for the parts' headers),
/// whatever reads it.
pub struct CsrfMultipart {
    pub multipart: axum::extract::Multipart,
    pub expected: String,
    /// Who is uploading (their files count against their quota).
    pub person_id: i32,
    /// Staff are exempt from the storage quota.
    pub staff: bool,
}

impl FromRequest<AppState> for CsrfMultipart {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        if req
            .headers()
            .get("sec-fetch-site")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v == "cross-site")
        {
            return Err(AppError::Csrf);
        }
        let (expected, person_id, staff) = req
            .extensions()
            .get::<SignedIn>()
            .map(|s| {
                (
                    s.session.csrf_token.clone(),
                    s.person.id,
                    s.actor().is_staff(),
                )
            })
            .ok_or(AppError::SignInRequired)?;
        let limit = state.uploads.raw_body_limit();
        let (parts, body) = req.into_parts();
        let mut seen: u64 = 0;
        let limited = futures_util::StreamExt::map(body.into_data_stream(), move |chunk| {
            let chunk = chunk.map_err(std::io::Error::other)?;
            seen = seen.saturating_add(chunk.len() as u64);
            if seen > limit {
                return Err(std::io::Error::other("the form is larger than allowed"));
            }
            Ok(chunk)
        });
        let req = Request::from_parts(parts, axum::body::Body::from_stream(limited));
        let multipart = axum::extract::Multipart::from_request(req, state)
            .await
            .map_err(|_| AppError::bad_request("form"))?;
        Ok(CsrfMultipart {
            multipart,
            expected,
            person_id,
            staff,
        })
    }
}

/// Every form goes through here: text without NUL or bidirectional controls
/// (`web::input`), then the typed form.
fn parse_form<T: DeserializeOwned>(body: &Bytes) -> Result<T, AppError> {
    serde_urlencoded::from_bytes(&crate::web::input::clean_form(body))
        .map_err(|_| AppError::bad_request("form"))
}

/// The anti-forgery token to put in a visitor's forms, and whether it is new
/// (then the response must set the cookie).
fn visitor_csrf(headers: &HeaderMap, settings: &Settings) -> (String, bool) {
    match cookie(headers, settings.csrf_cookie()) {
        Some(t) if t.len() == 32 && t.bytes().all(|b| b.is_ascii_hexdigit()) => {
            (t.to_owned(), false)
        }
        _ => (signin::random_token(), true),
    }
}

/// The token for a form on this page: the session's when signed in.
pub(super) fn form_csrf(ctx: &PageCtx, headers: &HeaderMap, settings: &Settings) -> (String, bool) {
    match &ctx.viewer {
        Some(v) => (v.csrf.clone(), false),
        None => visitor_csrf(headers, settings),
    }
}

// ---------------------------------------------------------------- pages

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

/// Only local paths may be a destination after signing in.
fn safe_next(next: Option<&str>) -> String {
    crate::web::redirect::local_or(next, "/account")
}

fn login_response(
    page: LoginPage,
    status: StatusCode,
    new_csrf: bool,
    state: &AppState,
) -> Result<Response, AppError> {
    let csrf = new_csrf.then(|| page.csrf.clone());
    Ok(form_response(
        state,
        status,
        render(&page)?,
        csrf.as_deref(),
        false,
    ))
}

/// A page holding a form: never cached; sets the visitor's anti-forgery
/// cookie when the token is new; keeps a secret link out of `Referer`.
pub(super) fn form_response(
    state: &AppState,
    status: StatusCode,
    html: Html<String>,
    new_csrf: Option<&str>,
    secret_link: bool,
) -> Response {
    let mut res = no_store((status, html).into_response());
    if let Some(csrf) = new_csrf {
        set_cookie(
            &mut res,
            state.settings.csrf_cookie(),
            csrf,
            60 * 60 * 24,
            state.settings.secure_cookies(),
        );
    }
    if secret_link {
        res.headers_mut().insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        );
    }
    res
}

/// Go to `target` with a freshly started session's cookie.
fn signed_in_redirect(state: &AppState, target: &str, token: &str) -> Response {
    let mut res = crate::web::redirect::see_other(target);
    let max_age = i64::from(state.settings.session_absolute_hours) * 3600;
    set_cookie(
        &mut res,
        state.settings.session_cookie(),
        token,
        max_age,
        state.settings.secure_cookies(),
    );
    res
}

/// Go to `target` with the session cookie cleared.
fn signed_out_redirect(state: &AppState, target: &str) -> Response {
    let mut res = crate::web::redirect::see_other(target);
    set_cookie(
        &mut res,
        state.settings.session_cookie(),
        "",
        0,
        state.settings.secure_cookies(),
    );
    res
}

/// `GET /login`
async fn login_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: crate::web::Params,
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
struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

/// `POST /login`
async fn login(
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
                    signin::resolve(&state.db, old, Utc::now(), state.settings.session_limits())
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

#[derive(Deserialize)]
struct EmptyForm {}

/// `POST /logout`
async fn logout(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
    CsrfForm(_): CsrfForm<EmptyForm>,
) -> Result<Response, AppError> {
    signin::sign_out(&state.db, me.session.id).await?;
    let res = signed_out_redirect(&state, &format!("/login?signed-out=1&lang={}", ctx.lang()));
    Ok(res)
}

/// `POST /account/sign-out-everywhere`
async fn sign_out_everywhere(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
    CsrfForm(_): CsrfForm<EmptyForm>,
) -> Result<Response, AppError> {
    signin::sign_out_everywhere(&state.db, me.person.id).await?;
    let res = signed_out_redirect(&state, &format!("/login?signed-out=1&lang={}", ctx.lang()));
    Ok(res)
}

#[derive(Template)]
#[template(path = "accounts/templates/account.html")]
struct AccountPage {
    ctx: PageCtx,
    person: person::Model,
    current: i64,
    sessions: Vec<session::Model>,
}

impl AccountPage {
    fn role_label(&self) -> String {
        self.ctx.t(&format!("role-{}", self.person.role))
    }

    fn when(&self, t: &chrono::DateTime<Utc>) -> String {
        t.format("%Y-%m-%d %H:%M UTC").to_string()
    }
}

/// `GET /account`
async fn account(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
) -> Result<Response, AppError> {
    let sessions = signin::sessions_of(&state.db, me.person.id).await?;
    let page = AccountPage {
        ctx: ctx.with_section(Section::Account),
        current: me.session.id,
        person: me.person,
        sessions,
    };
    let mut res = Html(render(&page)?.0).into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

/// `GET /account/data`: everything kept about me, as a JSON file.
async fn download_data(
    State(state): State<AppState>,
    RequireSignedIn(me): RequireSignedIn,
) -> Result<Response, AppError> {
    let data = super::export::export(&state.db, &me.person, Utc::now()).await?;
    let body = serde_json::to_vec_pretty(&data).map_err(|e| AppError::Internal(e.into()))?;
    let disposition = format!(
        "attachment; filename=\"majlis-my-data-{}.json\"",
        me.person.id
    );
    let mut res = (
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response();
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(no_store(res))
}

#[derive(Template)]
#[template(path = "accounts/templates/delete.html")]
struct DeletePage {
    ctx: PageCtx,
    error: Option<String>,
}

/// `GET /account/delete`: what deleting means, and the confirmation.
async fn delete_page(
    ctx: PageCtx,
    RequireSignedIn(_me): RequireSignedIn,
) -> Result<Response, AppError> {
    let page = DeletePage {
        ctx: ctx.with_section(Section::Account),
        error: None,
    };
    Ok(no_store(Html(render(&page)?.0).into_response()))
}

#[derive(Deserialize)]
struct DeleteForm {
    #[serde(default)]
    password: String,
    /// "yes": delete what the person wrote too.
    #[serde(default)]
    delete_content: String,
}

/// `POST /account/delete`: confirmed with the password.
async fn delete_account(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    CsrfForm(form): CsrfForm<DeleteForm>,
) -> Result<Response, AppError> {
    let error = if !signin::password_matches(&me.person, &form.password).await {
        Some((StatusCode::BAD_REQUEST, ctx.t("delete-wrong-password")))
    } else {
        match super::deletion::delete_account(
            &state.db,
            &me.person,
            &client.ip,
            form.delete_content == "yes",
            Utc::now(),
        )
        .await
        {
            Ok(()) => {
                let res = signed_out_redirect(&state, &format!("/?deleted=1&lang={}", ctx.lang()));
                return Ok(res);
            }
            Err(super::deletion::DeletionError::LastAdmin) => {
                Some((StatusCode::CONFLICT, ctx.t("delete-last-admin")))
            }
            Err(super::deletion::DeletionError::Db(e)) => return Err(e.into()),
        }
    };
    let (status, message) = error.unwrap_or((StatusCode::BAD_REQUEST, String::new()));
    let page = DeletePage {
        ctx: ctx.with_section(Section::Account),
        error: Some(message),
    };
    Ok(no_store((status, render(&page)?).into_response()))
}

// ---------------------------------------------------------------- password change

#[derive(Template)]
#[template(path = "accounts/templates/password.html")]
struct PasswordPage {
    ctx: PageCtx,
    error: Option<String>,
}

/// `GET /account/password`
async fn password_page(
    ctx: PageCtx,
    RequireSignedIn(_me): RequireSignedIn,
) -> Result<Response, AppError> {
    let page = PasswordPage {
        ctx: ctx.with_section(Section::Account),
        error: None,
    };
    Ok(no_store(Html(render(&page)?.0).into_response()))
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_again: String,
}

/// `POST /account/password`: the current password, then the new one twice.
async fn change_password(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Result<Response, AppError> {
    use super::AccountError as A;
    let problem = if !signin::password_matches(&me.person, &form.current).await {
        Some("password-current-wrong")
    } else if form.password != form.password_again {
        Some("join-password-mismatch")
    } else {
        match super::Password::parse(form.password.clone()) {
            Err(A::PasswordTooShort) => Some("join-password-short"),
            Err(A::PasswordTooLong) => Some("join-password-long"),
            Err(_) => Some("join-password-common"),
            Ok(password) => {
                super::reset::change_password(
                    &state.db,
                    &me.person,
                    &client.ip,
                    &password,
                    Utc::now(),
                )
                .await
                .map_err(|e| AppError::Internal(anyhow::Error::new(e)))?;
                let res =
                    signed_out_redirect(&state, &format!("/login?reset=1&lang={}", ctx.lang()));
                return Ok(res);
            }
        }
    };
    let page = PasswordPage {
        error: problem.map(|p| ctx.t(p)),
        ctx: ctx.with_section(Section::Account),
    };
    Ok(no_store(
        (StatusCode::BAD_REQUEST, render(&page)?).into_response(),
    ))
}

// ---------------------------------------------------------------- API tokens

#[derive(Template)]
#[template(path = "accounts/templates/tokens.html")]
struct TokensPage {
    ctx: PageCtx,
    tokens: Vec<super::api_token::Model>,
    created: Option<String>,
    name: String,
    error: Option<String>,
}

impl TokensPage {
    fn when(&self, t: &chrono::DateTime<Utc>) -> String {
        t.format("%Y-%m-%d %H:%M UTC").to_string()
    }
}

async fn tokens_response(
    state: &AppState,
    ctx: PageCtx,
    me: &SignedIn,
    created: Option<String>,
    name: String,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tokens = super::tokens::list(&state.db, me.person.id).await?;
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
async fn tokens_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
) -> Result<Response, AppError> {
    tokens_response(&state, ctx, &me, None, String::new(), None, StatusCode::OK).await
}

#[derive(Deserialize)]
struct TokenForm {
    #[serde(default)]
    name: String,
}

/// `POST /account/tokens`: create one; it is shown once.
async fn create_token(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    CsrfForm(form): CsrfForm<TokenForm>,
) -> Result<Response, AppError> {
    let origin = origin_of(&me, &client);
    match super::tokens::create(&state.db, &origin, me.person.id, &form.name, Utc::now()).await {
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
        Err(super::tokens::TokenError::BadName) => {
            let error = Some(ctx.t("tokens-bad-name"));
            let name = form.name.chars().take(200).collect();
            tokens_response(&state, ctx, &me, None, name, error, StatusCode::BAD_REQUEST).await
        }
        Err(super::tokens::TokenError::NotFound) => Err(AppError::NotFound),
        Err(super::tokens::TokenError::Db(e)) => Err(e.into()),
    }
}

/// `POST /account/tokens/{id}/revoke`: only one's own tokens.
async fn revoke_token(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    axum::extract::Path(id): axum::extract::Path<String>,
    CsrfForm(_): CsrfForm<EmptyForm>,
) -> Result<Response, AppError> {
    let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
    let origin = origin_of(&me, &client);
    match super::tokens::revoke(&state.db, &origin, me.person.id, id, Utc::now()).await {
        Ok(()) => Ok(Redirect::to(&format!("/account/tokens?lang={}", ctx.lang())).into_response()),
        Err(super::tokens::TokenError::NotFound) => Err(AppError::NotFound),
        Err(e) => Err(AppError::Internal(anyhow::Error::new(e))),
    }
}

#[derive(serde::Serialize)]
struct Me {
    id: i32,
    email: String,
    display_name: String,
    role: String,
}

/// `GET /api/v1/me`: who the token (or session) acts as.
async fn api_me(
    signed_in: Option<axum::Extension<SignedIn>>,
    caller: Option<axum::Extension<ApiCaller>>,
) -> Result<axum::Json<Me>, AppError> {
    let p = match (signed_in, caller) {
        (Some(axum::Extension(s)), _) => s.person,
        (None, Some(axum::Extension(ApiCaller(p)))) => p,
        (None, None) => return Err(AppError::SignInRequired),
    };
    Ok(axum::Json(Me {
        id: p.id,
        email: p.email,
        display_name: p.display_name,
        role: p.role,
    }))
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

pub(super) fn no_store(mut res: Response) -> Response {
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// `GET /login/two-factor`: the second step of signing in.
async fn second_factor_page(
    ctx: PageCtx,
    params: crate::web::Params,
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
struct CodeForm {
    #[serde(default)]
    code: String,
    next: Option<String>,
}

/// `POST /login/two-factor`
async fn second_factor(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    pending: Option<axum::Extension<PendingSecondFactor>>,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<Response, AppError> {
    use super::two_factor::TwoFactorError as E;
    let Some(axum::Extension(pending)) = pending else {
        return Ok(Redirect::to(&format!("/login?lang={}", ctx.lang())).into_response());
    };
    let next = safe_next(form.next.as_deref());
    let now = Utc::now();
    let verified = super::two_factor::verify(
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

#[derive(Template)]
#[template(path = "accounts/templates/two_factor.html")]
struct TwoFactorPage {
    ctx: PageCtx,
    enabled: bool,
    codes_left: u64,
    setup: Option<super::two_factor::Setup>,
    recovery_codes: Vec<String>,
    error: Option<String>,
}

/// `GET /account/two-factor`: status, or set-up with a QR code and the key.
async fn two_factor_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
) -> Result<Response, AppError> {
    let enabled = me.person.totp_secret.is_some();
    let (setup, codes_left) = if enabled {
        let left = super::two_factor::recovery_codes_left(&state.db, me.person.id).await?;
        (None, left)
    } else {
        let setup = super::two_factor::begin_setup(&state.db, &state.secret_key, &me.person)
            .await
            .map_err(|e| AppError::Internal(anyhow::Error::new(e)))?;
        (Some(setup), 0)
    };
    let page = TwoFactorPage {
        ctx: ctx.with_section(Section::Account),
        enabled,
        codes_left,
        setup,
        recovery_codes: Vec::new(),
        error: None,
    };
    Ok(no_store(Html(render(&page)?.0).into_response()))
}

/// `POST /account/two-factor`: confirm the set-up with a code; show the
/// recovery codes once.
async fn enable_two_factor(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<Response, AppError> {
    use super::two_factor::TwoFactorError as E;
    if me.person.totp_secret.is_some() {
        return Ok(Redirect::to("/account/two-factor").into_response());
    }
    let result = super::two_factor::confirm_setup(
        &state.db,
        &state.secret_key,
        &origin_of(&me, &client),
        &me.person,
        &form.code,
        Utc::now(),
    )
    .await;
    let (status, codes, error) = match result {
        Ok(codes) => (StatusCode::OK, codes, None),
        Err(E::WrongCode | E::NotStarted) => (
            StatusCode::BAD_REQUEST,
            Vec::new(),
            Some(ctx.t("two-factor-wrong")),
        ),
        Err(E::TooMany) => (
            StatusCode::TOO_MANY_REQUESTS,
            Vec::new(),
            Some(ctx.t("two-factor-too-many")),
        ),
        Err(e) => return Err(AppError::Internal(anyhow::Error::new(e))),
    };
    let enabled = !codes.is_empty();
    let setup = if enabled {
        None
    } else {
        let fresh = super::person::Entity::find_by_id(me.person.id)
            .one(state.db.read())
            .await?
            .ok_or(AppError::NotFound)?;
        Some(
            super::two_factor::begin_setup(&state.db, &state.secret_key, &fresh)
                .await
                .map_err(|e| AppError::Internal(anyhow::Error::new(e)))?,
        )
    };
    let page = TwoFactorPage {
        ctx: ctx.with_section(Section::Account),
        enabled,
        codes_left: codes.len() as u64,
        setup,
        recovery_codes: codes,
        error,
    };
    Ok(no_store((status, render(&page)?).into_response()))
}

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
async fn forgot_page(
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
        &state,
        StatusCode::OK,
        render(&page)?,
        new,
        false,
    ))
}

#[derive(Deserialize)]
struct ForgotForm {
    #[serde(default)]
    email: String,
}

/// `POST /password/forgot`: the same answer whether or not the account exists.
async fn forgot(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    headers: HeaderMap,
    CsrfForm(form): CsrfForm<ForgotForm>,
) -> Result<Response, AppError> {
    use super::reset::ResetError as E;
    let result = super::reset::request(
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

fn reset_closed(ctx: &PageCtx, e: &super::reset::ResetError) -> Option<(StatusCode, String)> {
    use super::reset::ResetError as E;
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
        state,
        status,
        render(&page)?,
        csrf.as_deref(),
        true,
    ))
}

/// `GET /password/reset/{token}`
async fn reset_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    axum::extract::Path(token): axum::extract::Path<String>,
) -> Result<Response, AppError> {
    let (csrf, new_csrf) = form_csrf(&ctx, &headers, &state.settings);
    let (status, closed) = match super::reset::find_open(&state.db, &token, Utc::now()).await {
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
struct ResetForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_again: String,
}

/// `POST /password/reset/{token}`: set the new password; every session ends.
async fn reset(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    headers: HeaderMap,
    axum::extract::Path(token): axum::extract::Path<String>,
    CsrfForm(form): CsrfForm<ResetForm>,
) -> Result<Response, AppError> {
    use super::AccountError as A;
    let (csrf, new_csrf) = form_csrf(&ctx, &headers, &state.settings);
    let problem = if form.password != form.password_again {
        Some("join-password-mismatch")
    } else {
        match super::Password::parse(form.password.clone()) {
            Err(A::PasswordTooShort) => Some("join-password-short"),
            Err(A::PasswordTooLong) => Some("join-password-long"),
            Err(_) => Some("join-password-common"),
            Ok(password) => {
                match super::reset::complete(&state.db, &client.ip, &token, &password, Utc::now())
                    .await
                {
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

// ---------------------------------------------------------------- people

#[derive(Template)]
#[template(path = "accounts/templates/people.html")]
struct PeoplePage {
    ctx: PageCtx,
    people: Vec<person::Model>,
    me: i32,
    my_role: Role,
    roles: &'static [Role],
    notice: Option<String>,
    /// Requests to join waiting for a decision (open registration).
    requests: Vec<super::signup_request::Model>,
}

impl PeoplePage {
    fn role_label(&self, code: &str) -> String {
        self.ctx.t(&format!("role-{code}"))
    }

    /// Roles this coordinator may hand out.
    fn grantable(&self, role: &Role) -> bool {
        *role != Role::Admin || self.my_role == Role::Admin
    }

    fn editable(&self, p: &person::Model) -> bool {
        p.id != self.me && (p.role != "admin" || self.my_role == Role::Admin)
    }
}

/// `GET /people`: everyone with an account, for coordinators.
async fn people(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: crate::web::Params,
    who: RequireRole<Coordinator>,
) -> Result<Response, AppError> {
    let people = super::people::list(&state.db).await?;
    let notice = match (params.get("updated"), params.get("invited")) {
        (_, Some(email)) => Some(ctx.t1("invite-sent", "email", email)),
        (Some(_), None) => Some(ctx.t("people-updated")),
        (None, None) => None,
    };
    let requests = super::signup::pending(&state.db).await?;
    let page = PeoplePage {
        ctx: ctx.with_section(Section::People),
        people,
        me: who.me.person.id,
        my_role: who.role,
        roles: &Role::ALL,
        notice,
        requests,
    };
    let mut res = Html(render(&page)?.0).into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

/// Who acts and from where, for the audit log.
pub fn origin_of(me: &SignedIn, client: &Client) -> crate::audit::Origin {
    crate::audit::Origin {
        actor_id: Some(me.person.id),
        ip: client.ip.clone(),
    }
}

pub(super) fn person_id(id: &str) -> Result<i32, AppError> {
    id.parse().map_err(|_| AppError::NotFound)
}

pub(super) fn people_error(e: super::people::PeopleError) -> AppError {
    match e {
        super::people::PeopleError::Forbidden => AppError::Forbidden,
        super::people::PeopleError::NotFound => AppError::NotFound,
        super::people::PeopleError::Db(e) => e.into(),
    }
}

#[derive(Deserialize)]
struct RoleForm {
    role: String,
}

/// `POST /people/{id}/role`
async fn change_role(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    who: RequireRole<Coordinator>,
    axum::extract::Path(id): axum::extract::Path<String>,
    CsrfForm(form): CsrfForm<RoleForm>,
) -> Result<Response, AppError> {
    let role = Role::from_code(&form.role).ok_or_else(|| AppError::bad_request("role"))?;
    let actor = who.me.actor();
    let origin = origin_of(&who.me, &client);
    super::people::change_role(&state.db, &actor, &origin, person_id(&id)?, role)
        .await
        .map_err(people_error)?;
    Ok(Redirect::to(&format!("/people?updated=1&lang={}", ctx.lang())).into_response())
}

#[derive(Deserialize)]
struct ActiveForm {
    active: String,
}

/// `POST /people/{id}/active`: deactivate (ending every session) or reactivate.
async fn set_active(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    who: RequireRole<Coordinator>,
    axum::extract::Path(id): axum::extract::Path<String>,
    CsrfForm(form): CsrfForm<ActiveForm>,
) -> Result<Response, AppError> {
    let active = match form.active.as_str() {
        "true" => true,
        "false" => false,
        _ => return Err(AppError::bad_request("active")),
    };
    let actor = who.me.actor();
    let origin = origin_of(&who.me, &client);
    super::people::set_active(&state.db, &actor, &origin, person_id(&id)?, active)
        .await
        .map_err(people_error)?;
    Ok(Redirect::to(&format!("/people?updated=1&lang={}", ctx.lang())).into_response())
}

// ---------------------------------------------------------------- invitations

#[derive(Template)]
#[template(path = "accounts/templates/invite.html")]
struct InvitePage {
    ctx: PageCtx,
    municipalities: Vec<(i32, String)>,
    roles: Vec<Role>,
    form: InviteForm,
    error: Option<String>,
}

impl InvitePage {
    fn role_label(&self, code: &str) -> String {
        self.ctx.t(&format!("role-{code}"))
    }
    fn selected_municipality(&self, id: &i32) -> bool {
        self.form.municipality.as_deref() == Some(id.to_string().as_str())
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    municipality: Option<String>,
    #[serde(default)]
    focal_point: Option<String>,
    #[serde(default)]
    locale: String,
}

async fn invite_form_page(
    state: &AppState,
    ctx: PageCtx,
    role: Role,
    form: InviteForm,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    use crate::directory::entities::municipality;
    use sea_orm::QueryOrder;
    let l = ctx.locale;
    let mut municipalities: Vec<(i32, String)> = municipality::Entity::find()
        .order_by_asc(municipality::Column::Slug)
        .all(state.db.read())
        .await?
        .into_iter()
        .map(|m| (m.id, m.name.text(l).to_owned()))
        .collect();
    municipalities.sort_by(|a, b| a.1.cmp(&b.1));
    let roles = Role::ALL
        .into_iter()
        .filter(|r| *r != Role::Admin || role == Role::Admin)
        .collect();
    let page = InvitePage {
        ctx: ctx.with_section(Section::People),
        municipalities,
        roles,
        form,
        error,
    };
    let mut res = (status, render(&page)?).into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

/// `GET /people/invite`
async fn invite_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    who: RequireRole<Coordinator>,
) -> Result<Response, AppError> {
    let form = InviteForm {
        role: "member".into(),
        locale: ctx.lang().into(),
        ..InviteForm::default()
    };
    invite_form_page(&state, ctx, who.role, form, None, StatusCode::OK).await
}

/// `POST /people/invite`
async fn invite(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    who: RequireRole<Coordinator>,
    CsrfForm(form): CsrfForm<InviteForm>,
) -> Result<Response, AppError> {
    use super::invitations::{InvitationError, InviteInput};
    let bad = |key: &str| Some(ctx.t(key));
    let email = super::Email::parse(&form.email);
    let role = Role::from_code(&form.role);
    let municipality_id = match form.municipality.as_deref().filter(|m| !m.is_empty()) {
        None => Ok(None),
        Some(m) => m.parse::<i32>().map(Some),
    };
    let locale = form.locale.parse::<crate::i18n::Locale>();
    let (email, role, municipality_id, locale) = match (email, role, municipality_id, locale) {
        (Ok(e), Some(r), Ok(m), Ok(l)) => (e, r, m, l),
        (Err(_), ..) => {
            let e = bad("invite-email-invalid");
            return invite_form_page(&state, ctx, who.role, form, e, StatusCode::BAD_REQUEST).await;
        }
        (_, None, ..) => return Err(AppError::bad_request("role")),
        (_, _, Err(_), _) => return Err(AppError::bad_request("municipality")),
        (.., Err(_)) => return Err(AppError::bad_request("locale")),
    };
    let input = InviteInput {
        email,
        role,
        municipality_id,
        focal_point: form.focal_point.is_some(),
        locale,
    };
    let actor = who.me.actor();
    let origin = origin_of(&who.me, &client);
    let inviter = super::invitations::Inviter {
        actor: &actor,
        name: &who.me.person.display_name,
        origin: &origin,
    };
    match super::invitations::invite(
        &state.db,
        &inviter,
        &input,
        &state.settings.public_url(),
        Utc::now(),
    )
    .await
    {
        Ok(_) => Ok(Redirect::to(&format!(
            "/people?invited={}&lang={}",
            url::form_urlencoded::byte_serialize(input.email.as_str().as_bytes())
                .collect::<String>(),
            ctx.lang()
        ))
        .into_response()),
        Err(InvitationError::EmailTaken) => {
            let e = bad("invite-email-taken");
            invite_form_page(&state, ctx, who.role, form, e, StatusCode::CONFLICT).await
        }
        Err(InvitationError::Forbidden) => Err(AppError::Forbidden),
        Err(e) => Err(AppError::Internal(anyhow::Error::new(e))),
    }
}

#[derive(Template)]
#[template(path = "accounts/templates/join.html")]
struct JoinPage {
    ctx: PageCtx,
    csrf: String,
    token: String,
    role: String,
    name: String,
    error: Option<String>,
    /// Set when the link cannot be used; the form is not shown.
    closed: Option<String>,
}

impl JoinPage {
    fn role_label(&self) -> String {
        self.ctx.t(&format!("role-{}", self.role))
    }
}

fn closed_message(
    ctx: &PageCtx,
    e: &super::invitations::InvitationError,
) -> Option<(StatusCode, String)> {
    use super::invitations::InvitationError as E;
    match e {
        E::NotFound => Some((StatusCode::NOT_FOUND, ctx.t("invitation-not-found"))),
        E::Expired => Some((StatusCode::GONE, ctx.t("invitation-expired"))),
        E::Used | E::EmailTaken => Some((StatusCode::GONE, ctx.t("invitation-used"))),
        _ => None,
    }
}

fn join_response(
    page: JoinPage,
    status: StatusCode,
    new_csrf: bool,
    state: &AppState,
) -> Result<Response, AppError> {
    let csrf = new_csrf.then(|| page.csrf.clone());
    Ok(form_response(
        state,
        status,
        render(&page)?,
        csrf.as_deref(),
        true,
    ))
}

/// `GET /invitation/{token}`
async fn invitation_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    axum::extract::Path(token): axum::extract::Path<String>,
) -> Result<Response, AppError> {
    let (csrf, new_csrf) = form_csrf(&ctx, &headers, &state.settings);
    let (status, role, closed) =
        match super::invitations::find_open(&state.db, &token, Utc::now()).await {
            Ok(inv) => (StatusCode::OK, inv.role, None),
            Err(e) => match closed_message(&ctx, &e) {
                Some((status, msg)) => (status, String::new(), Some(msg)),
                None => return Err(AppError::Internal(anyhow::Error::new(e))),
            },
        };
    let page = JoinPage {
        ctx,
        csrf,
        token,
        role,
        name: String::new(),
        error: None,
        closed,
    };
    join_response(page, status, new_csrf, &state)
}

#[derive(Deserialize)]
struct JoinForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_again: String,
}

/// `POST /invitation/{token}`: create the account and sign in.
async fn accept_invitation(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    headers: HeaderMap,
    axum::extract::Path(token): axum::extract::Path<String>,
    CsrfForm(form): CsrfForm<JoinForm>,
) -> Result<Response, AppError> {
    use super::AccountError as A;
    use super::invitations::InvitationError as E;
    let now = Utc::now();
    let inv = match super::invitations::find_open(&state.db, &token, now).await {
        Ok(inv) => inv,
        Err(e) => {
            let (status, msg) = closed_message(&ctx, &e)
                .ok_or_else(|| AppError::Internal(anyhow::Error::new(e)))?;
            let (csrf, new_csrf) = form_csrf(&ctx, &headers, &state.settings);
            let page = JoinPage {
                ctx,
                csrf,
                token,
                role: String::new(),
                name: String::new(),
                error: None,
                closed: Some(msg),
            };
            return join_response(page, status, new_csrf, &state);
        }
    };
    let problem = if form.name.trim().is_empty() {
        Some("join-name-missing")
    } else if form.password != form.password_again {
        Some("join-password-mismatch")
    } else {
        None
    };
    let outcome = match problem {
        Some(p) => Err(p),
        None => match super::Password::parse(form.password.clone()) {
            Err(A::PasswordTooShort) => Err("join-password-short"),
            Err(A::PasswordTooLong) => Err("join-password-long"),
            Err(_) => Err("join-password-common"),
            Ok(password) => {
                match super::invitations::accept(
                    &state.db, &client.ip, &token, &form.name, &password, now,
                )
                .await
                {
                    Ok(person) => Ok(person),
                    Err(E::Account(A::EmptyName)) => Err("join-name-missing"),
                    Err(e) => {
                        let (status, msg) = closed_message(&ctx, &e)
                            .ok_or_else(|| AppError::Internal(anyhow::Error::new(e)))?;
                        let (csrf, new_csrf) = form_csrf(&ctx, &headers, &state.settings);
                        let page = JoinPage {
                            ctx,
                            csrf,
                            token,
                            role: String::new(),
                            name: String::new(),
                            error: None,
                            closed: Some(msg),
                        };
                        return join_response(page, status, new_csrf, &state);
                    }
                }
            }
        },
    };
    match outcome {
        Ok(person) => {
            let started = signin::start_session(&state.db, person, &client, now, false).await?;
            let res = signed_in_redirect(
                &state,
                &format!("/account?lang={}", ctx.lang()),
                &started.token,
            );
            Ok(res)
        }
        Err(key) => {
            let (csrf, new_csrf) = form_csrf(&ctx, &headers, &state.settings);
            let page = JoinPage {
                error: Some(ctx.t(key)),
                ctx,
                csrf,
                token,
                role: inv.role,
                name: form.name.chars().take(200).collect(),
                closed: None,
            };
            join_response(page, StatusCode::BAD_REQUEST, new_csrf, &state)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_destinations_after_sign_in() {
        assert_eq!(
            safe_next(Some("/municipalities?country=TR")),
            "/municipalities?country=TR"
        );
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "javascript:x",
        ] {
            assert_eq!(safe_next(Some(bad)), "/account", "{bad}");
        }
        assert_eq!(safe_next(None), "/account");
    }

    #[test]
    fn cookies_are_read_by_exact_name() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("majlis_lang=ar; majlis_session=abc"),
        );
        assert_eq!(cookie(&h, "majlis_session"), Some("abc"));
        assert_eq!(cookie(&h, "majlis"), None);
        assert!(same("abcd", "abcd") && !same("abcd", "abce") && !same("abc", "abcd"));
    }
}
