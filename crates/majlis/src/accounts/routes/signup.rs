//! Pages of open registration: `/register` (when the setting is on) and the
//! coordinators' decision on a request (`/people/requests/{id}`); the
//! waiting requests are listed on `/people`.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use serde::Deserialize;

use crate::accounts::signup::{self, SignupError, SignupInput};
use crate::accounts::{AccountError, Email, Password};
use crate::app::AppState;
use crate::audit::origin_of;
use crate::policy::Coordinator;
use crate::web::extract::{ClientInfo, CsrfForm, RequireRole, form_csrf};
use crate::web::{AppError, PageCtx, Section, form_response, path_id, render};

#[derive(Template)]
#[template(path = "accounts/templates/register.html")]
struct RegisterPage {
    ctx: PageCtx,
    csrf: String,
    form: RegisterForm,
    errors: Vec<(&'static str, String)>,
    done: bool,
}

impl RegisterPage {
    fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
pub(super) struct RegisterForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_again: String,
    #[serde(default)]
    affiliation: String,
    #[serde(default)]
    note: String,
}

fn show(
    state: &AppState,
    ctx: PageCtx,
    headers: &HeaderMap,
    status: StatusCode,
    mut form: RegisterForm,
    errors: Vec<(&'static str, String)>,
    done: bool,
) -> Result<Response, AppError> {
    // Passwords are never sent back.
    form.password.clear();
    form.password_again.clear();
    let (csrf, new_csrf) = form_csrf(&ctx, headers, &state.settings);
    let page = RegisterPage {
        ctx: ctx.with_section(Section::Account),
        csrf: csrf.clone(),
        form,
        errors,
        done,
    };
    Ok(form_response(
        &state.settings,
        status,
        render(&page)?,
        new_csrf.then_some(csrf.as_str()),
        false,
    ))
}

/// `GET /register`: only when open registration is on.
pub(super) async fn register_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if !state.settings.open_registration {
        return Err(AppError::NotFound);
    }
    show(
        &state,
        ctx,
        &headers,
        StatusCode::OK,
        RegisterForm::default(),
        Vec::new(),
        false,
    )
}

/// The form's problems, field by field, as translated messages.
fn check(ctx: &PageCtx, f: &RegisterForm) -> Result<SignupInput, Vec<(&'static str, String)>> {
    let mut errors = Vec::new();
    let name = f.name.trim().to_owned();
    if name.is_empty() {
        errors.push(("name", ctx.t("join-name-missing")));
    } else if name.chars().count() > 200 {
        errors.push(("name", ctx.t("form-error-too-long")));
    }
    let email = Email::parse(&f.email);
    if email.is_err() {
        errors.push(("email", ctx.t("form-error-email")));
    }
    let password = if f.password != f.password_again {
        errors.push(("password", ctx.t("join-password-mismatch")));
        None
    } else {
        match Password::parse(f.password.clone()) {
            Ok(p) => Some(p),
            Err(AccountError::PasswordTooShort) => {
                errors.push(("password", ctx.t("join-password-short")));
                None
            }
            Err(AccountError::PasswordTooLong) => {
                errors.push(("password", ctx.t("join-password-long")));
                None
            }
            Err(_) => {
                errors.push(("password", ctx.t("join-password-common")));
                None
            }
        }
    };
    let affiliation = f.affiliation.trim().to_owned();
    if affiliation.chars().count() > 300 {
        errors.push(("affiliation", ctx.t("form-error-too-long")));
    }
    let note = f.note.trim().to_owned();
    if note.chars().count() > 1000 {
        errors.push(("note", ctx.t("form-error-too-long")));
    }
    match (email, password, errors.is_empty()) {
        (Ok(email), Some(password), true) => Ok(SignupInput {
            email,
            name,
            password,
            locale: ctx.locale,
            affiliation,
            note,
        }),
        _ => Err(errors),
    }
}

/// `POST /register`: the same answer whether or not the address has an account.
pub(super) async fn register(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    headers: HeaderMap,
    CsrfForm(form): CsrfForm<RegisterForm>,
) -> Result<Response, AppError> {
    if !state.settings.open_registration {
        return Err(AppError::NotFound);
    }
    let input = match check(&ctx, &form) {
        Ok(i) => i,
        Err(errors) => {
            return show(
                &state,
                ctx,
                &headers,
                StatusCode::BAD_REQUEST,
                form,
                errors,
                false,
            );
        }
    };
    match signup::request(
        &state.db,
        state.settings.open_registration,
        &client.ip,
        input,
        &state.settings.public_url(),
        Utc::now(),
    )
    .await
    {
        Ok(()) => show(
            &state,
            ctx,
            &headers,
            StatusCode::OK,
            RegisterForm::default(),
            Vec::new(),
            true,
        ),
        Err(SignupError::TooMany) => Err(AppError::TooManyRequests),
        Err(SignupError::Closed) => Err(AppError::NotFound),
        Err(e) => Err(AppError::Internal(anyhow::Error::new(e))),
    }
}

#[derive(Deserialize)]
pub(super) struct DecisionForm {
    #[serde(default)]
    action: String,
}

/// `POST /people/requests/{id}` (coordinators): `action` is `approve` or `decline`.
pub(super) async fn decide(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    who: RequireRole<Coordinator>,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> Result<Response, AppError> {
    let approve = match form.action.as_str() {
        "approve" => true,
        "decline" => false,
        _ => return Err(AppError::bad_request("action")),
    };
    match signup::decide(
        &state.db,
        &origin_of(&who.me, &client),
        &who.me.actor(),
        path_id(&id)?,
        approve,
        &state.settings.public_url(),
        Utc::now(),
    )
    .await
    {
        Ok(_) => {
            Ok(Redirect::to(&format!("/people?updated=1&lang={}", ctx.lang())).into_response())
        }
        Err(SignupError::Forbidden) => Err(AppError::Forbidden),
        Err(SignupError::NotFound) => Err(AppError::NotFound),
        Err(e) => Err(AppError::Internal(anyhow::Error::new(e))),
    }
}
