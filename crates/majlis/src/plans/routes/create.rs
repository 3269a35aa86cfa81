//! `POST /plans`: start an action plan for an owner (fields `owner_kind`,
//! `owner_id`, optionally `municipality` and `title`). The owner's
//! activity puts the button on its page; who may start one is who may edit
//! the owner's plans (asked through the owner registry). The responsible
//! municipality is one of the owner's editor municipalities (the first by
//! default; staff may name any), the title the owner's unless one is given.

use axum::extract::State;
use axum::response::Response;
use chrono::Utc;

use crate::app::AppState;
use crate::audit::origin_of;
use crate::fields::form::RawForm;
use crate::i18n::TrText;
use crate::plans::rules::{self, Plan};
use crate::plans::{Owner, OwnerKind};
use crate::policy::{Action, authorize};
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
    let owner = Owner { kind, id };
    let actor = me.actor();
    let facts = state
        .plan_owners
        .describe(state.db.read(), Some(&actor), &[owner])
        .await?
        .remove(&owner)
        .ok_or(AppError::NotFound)?;
    let municipality = match raw.get("municipality").trim() {
        // The first editor municipality the actor speaks for, else the first.
        "" => facts
            .editor_municipalities
            .iter()
            .find(|m| actor.focal_point_of.contains(m))
            .or(facts.editor_municipalities.first())
            .copied(),
        m => Some(
            m.parse()
                .map_err(|_| AppError::bad_request("municipality"))?,
        ),
    }
    .ok_or_else(|| AppError::bad_request("municipality"))?;
    // May the actor edit this owner's plans, with that municipality responsible?
    let probe = Plan {
        row: crate::plans::entities::plan::Model {
            id: 0,
            owner_kind: kind.code().to_owned(),
            owner_id: id,
            municipality_id: municipality,
            title: facts.title.clone(),
            illustrative: false,
            created_by: None,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        },
        owner: facts.clone(),
        described: true,
        gone: false,
    };
    authorize(
        Some(&actor),
        Action::ViewPlan(probe.policy_ref(Some(&actor))),
    )?;
    authorize(
        Some(&actor),
        Action::EditPlan(probe.policy_ref(Some(&actor))),
    )?;
    if !facts.editor_municipalities.contains(&municipality) && !actor.is_staff() {
        return Err(AppError::bad_request("municipality"));
    }
    let known = crate::directory::choices::municipality_names(state.db.read(), ctx.locale)
        .await?
        .iter()
        .any(|(m, _)| *m == municipality);
    if !known {
        return Err(AppError::bad_request("municipality"));
    }
    let title = match raw.get("title").trim() {
        "" => facts.title,
        t => TrText::new(ctx.locale, t).map_err(|_| AppError::bad_request("title"))?,
    };
    let plan_id = rules::create(
        &state.db,
        &origin_of(&me, &client),
        &actor,
        owner,
        municipality,
        title,
        Utc::now(),
    )
    .await?;
    Ok(redirect(format!("/plans/{plan_id}"), &ctx))
}
