//! `/account/two-factor`: turning on two-step sign-in (a TOTP app, with a
//! QR code), and the recovery codes, shown once.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::Utc;
use sea_orm::EntityTrait;

use super::sign_in::CodeForm;
use super::{RequireAccount, account_origin};
use crate::accounts::two_factor;
use crate::app::AppState;
use crate::web::extract::{ClientInfo, CsrfForm};
use crate::web::{AppError, PageCtx, Section, no_store, render};

#[derive(Template)]
#[template(path = "accounts/templates/two_factor.html")]
struct TwoFactorPage {
    ctx: PageCtx,
    enabled: bool,
    codes_left: u64,
    setup: Option<two_factor::Setup>,
    recovery_codes: Vec<String>,
    error: Option<String>,
}

/// `GET /account/two-factor`: status, or set-up with a QR code and the key.
pub(super) async fn two_factor_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireAccount(me): RequireAccount,
) -> Result<Response, AppError> {
    let enabled = me.person.totp_secret.is_some();
    let (setup, codes_left) = if enabled {
        let left = two_factor::recovery_codes_left(&state.db, me.person.id).await?;
        (None, left)
    } else {
        let setup = two_factor::begin_setup(&state.db, &state.secret_key, &me.person)
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
pub(super) async fn enable_two_factor(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireAccount(me): RequireAccount,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<Response, AppError> {
    use two_factor::TwoFactorError as E;
    if me.person.totp_secret.is_some() {
        return Ok(Redirect::to("/account/two-factor").into_response());
    }
    let result = two_factor::confirm_setup(
        &state.db,
        &state.secret_key,
        &account_origin(&me, &client),
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
        let fresh = crate::accounts::person::Entity::find_by_id(me.person.id)
            .one(state.db.read())
            .await?
            .ok_or(AppError::NotFound)?;
        Some(
            two_factor::begin_setup(&state.db, &state.secret_key, &fresh)
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
