//! `POST /plans`: start an action plan for an owner (fields `owner_kind`,
//! `owner_id`, optionally `municipality` and `title`). The owner's
//! activity puts the button on its page; the rules decide who may start
//! one (`plans::rules::create`); a second start leads to the plan there.

use axum::extract::State;
use axum::response::Response;
use chrono::Utc;

use crate::app::AppState;
use crate::audit::origin_of;
use crate::fields::form::RawForm;
use crate::i18n::TrText;
use crate::plans::rules::{self, NewPlan};
use crate::plans::{Owner, OwnerKind};
use crate::web::extract::{ClientInfo, CsrfForm, RequireSignedIn};
use crate::web::{AppError, PageCtx, redirect};

pub(super) async fn create_plan(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let raw = RawForm(pairs);
    let kind = OwnerKind::from_code(raw.get("owner_kind").trim())
        .ok_or_else(|| AppError::bad_request("owner_kind"))?;
    let id: i32 = raw
        .get("owner_id")
        .trim()
        .parse()
        .map_err(|_| AppError::bad_request("owner_id"))?;
    let municipality = match raw.get("municipality").trim() {
        "" => None,
        m => Some(
            m.parse()
                .map_err(|_| AppError::bad_request("municipality"))?,
        ),
    };
    let title = match raw.get("title").trim() {
        "" => None,
        t => Some(TrText::new(ctx.locale, t).map_err(|_| AppError::bad_request("title"))?),
    };
    let new = NewPlan {
        owner: Owner { kind, id },
        municipality,
        title,
    };
    let plan_id = rules::create(
        &state.db,
        &state.plan_owners,
        &origin_of(&me, &client),
        &me.actor(),
        new,
        Utc::now(),
    )
    .await?;
    Ok(redirect(format!("/plans/{plan_id}"), &ctx))
}
