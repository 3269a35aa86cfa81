//! `/account/notifications`: how each kind of notification reaches the
//! person by email.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::app::AppState;
use crate::fields::form::RawForm;
use crate::notifications::{Delivery, NoticeKind, rules};
use crate::web::extract::{CsrfForm, RequireSignedIn};
use crate::web::{AppError, PageCtx, Section, no_store, redirect, render};

#[derive(Template)]
#[template(path = "notifications/templates/settings.html")]
struct SettingsPage {
    ctx: PageCtx,
    chosen: Vec<(NoticeKind, Delivery)>,
    /// The kinds whose choice was missing or unknown (the form is shown
    /// again with what was sent).
    invalid: Vec<NoticeKind>,
}

impl SettingsPage {
    fn kind_label(&self, k: &NoticeKind) -> String {
        self.ctx.t(&format!("notice-kind-{}", k.code()))
    }

    fn delivery_label(&self, d: &Delivery) -> String {
        self.ctx.t(&format!("notice-delivery-{}", d.code()))
    }

    fn deliveries(&self) -> &'static [Delivery] {
        &Delivery::ALL
    }

    fn is_invalid(&self, k: &NoticeKind) -> bool {
        self.invalid.contains(k)
    }
}

/// `GET /account/notifications`
pub(super) async fn settings_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
) -> Result<Response, AppError> {
    let chosen = rules::settings_of(state.db.read(), me.person_id).await?;
    let page = SettingsPage {
        ctx: ctx.with_section(Section::Account),
        chosen,
        invalid: Vec::new(),
    };
    Ok(no_store(render(&page)?.into_response()))
}

/// `POST /account/notifications`: one choice per kind; a missing or unknown
/// one shows the form again with a message, and nothing is saved.
pub(super) async fn save(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let form = RawForm(pairs);
    let current = rules::settings_of(state.db.read(), me.person_id).await?;
    let mut chosen = Vec::new();
    let mut invalid = Vec::new();
    for (kind, was) in current {
        match Delivery::from_code(form.get(kind.code())) {
            Some(d) => chosen.push((kind, d)),
            None => {
                invalid.push(kind);
                chosen.push((kind, was));
            }
        }
    }
    if !invalid.is_empty() {
        let page = SettingsPage {
            ctx: ctx.with_section(Section::Account),
            chosen,
            invalid,
        };
        return Ok(no_store(
            (StatusCode::BAD_REQUEST, render(&page)?).into_response(),
        ));
    }
    rules::save_settings(&state.db, me.person_id, &chosen).await?;
    Ok(redirect("/account/notifications?saved=1".into(), &ctx))
}
