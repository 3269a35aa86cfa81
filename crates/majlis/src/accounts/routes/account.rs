//! `/account`: my sessions, my data as a file, deleting my account,
//! changing my password, my time zone.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;

use super::{RequireAccount, signed_out_redirect};
use crate::accounts::{deletion, export, reset, time_zone};
use crate::accounts::{person, session, signin};
use crate::app::AppState;
use crate::web::extract::{ClientInfo, CsrfForm, RequireSignedIn};
use crate::web::{AppError, PageCtx, Section, no_store, render};

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
        self.ctx.date_time(t)
    }
}

/// `GET /account`
pub(super) async fn account(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireAccount(me): RequireAccount,
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
pub(super) async fn download_data(
    State(state): State<AppState>,
    RequireAccount(me): RequireAccount,
) -> Result<Response, AppError> {
    let data = export::export(&state.db, &state.person_export, &me.person, Utc::now()).await?;
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
pub(super) async fn delete_page(
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
pub(super) struct DeleteForm {
    #[serde(default)]
    password: String,
    /// "yes": delete what the person wrote too.
    #[serde(default)]
    delete_content: String,
}

/// `POST /account/delete`: confirmed with the password.
pub(super) async fn delete_account(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireAccount(me): RequireAccount,
    CsrfForm(form): CsrfForm<DeleteForm>,
) -> Result<Response, AppError> {
    let error = if !signin::password_matches(&me.person, &form.password).await {
        Some((StatusCode::BAD_REQUEST, ctx.t("delete-wrong-password")))
    } else {
        match deletion::delete_account(
            &state.db,
            &state.person_deletion,
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
            Err(deletion::DeletionError::LastAdmin) => {
                Some((StatusCode::CONFLICT, ctx.t("delete-last-admin")))
            }
            Err(deletion::DeletionError::Db(e)) => return Err(e.into()),
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
pub(super) async fn password_page(
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
pub(super) struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_again: String,
}

/// `POST /account/password`: the current password, then the new one twice.
pub(super) async fn change_password(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireAccount(me): RequireAccount,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Result<Response, AppError> {
    use crate::accounts::AccountError as A;
    let problem = if !signin::password_matches(&me.person, &form.current).await {
        Some("password-current-wrong")
    } else if form.password != form.password_again {
        Some("join-password-mismatch")
    } else {
        match crate::accounts::Password::parse(form.password.clone()) {
            Err(A::PasswordTooShort) => Some("join-password-short"),
            Err(A::PasswordTooLong) => Some("join-password-long"),
            Err(_) => Some("join-password-common"),
            Ok(password) => {
                reset::change_password(&state.db, &me.person, &client.ip, &password, Utc::now())
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

// ---------------------------------------------------------------- time zone

#[derive(Template)]
#[template(path = "accounts/templates/time_zone.html")]
struct TimeZonePage {
    ctx: PageCtx,
    /// What the field holds: the zone kept, or what was typed.
    typed: String,
    zones: &'static [&'static str],
    error: Option<String>,
    saved: bool,
}

fn time_zone_page(ctx: PageCtx, typed: String, error: Option<String>, saved: bool) -> TimeZonePage {
    TimeZonePage {
        ctx: ctx.with_section(Section::Account),
        typed,
        zones: time_zone::zone_names(),
        error,
        saved,
    }
}

/// `GET /account/time-zone`
pub(super) async fn time_zone_form(
    ctx: PageCtx,
    RequireAccount(me): RequireAccount,
) -> Result<Response, AppError> {
    let saved = ctx.param("saved") == "1";
    let page = time_zone_page(ctx, me.person.time_zone.unwrap_or_default(), None, saved);
    Ok(no_store(Html(render(&page)?.0).into_response()))
}

#[derive(Deserialize)]
pub(super) struct TimeZoneForm {
    #[serde(default)]
    time_zone: String,
}

/// `POST /account/time-zone`: one of the listed zones, or empty for none.
/// Anything else is refused with the typed text kept and nothing changed.
pub(super) async fn save_time_zone(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireAccount(me): RequireAccount,
    CsrfForm(form): CsrfForm<TimeZoneForm>,
) -> Result<Response, AppError> {
    match time_zone::parse_zone(&form.time_zone) {
        Ok(zone) => {
            time_zone::set_time_zone(&state.db, &me.person, zone).await?;
            Ok(crate::web::redirect(
                "/account/time-zone?saved=1".to_owned(),
                &ctx,
            ))
        }
        Err(time_zone::UnknownZone) => {
            let error = Some(ctx.t("time-zone-unknown"));
            let page = time_zone_page(ctx, form.time_zone, error, false);
            Ok(no_store(
                (StatusCode::BAD_REQUEST, render(&page)?).into_response(),
            ))
        }
    }
}
