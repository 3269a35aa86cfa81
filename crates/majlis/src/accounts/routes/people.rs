//! `/people` (coordinators): everyone with an account and the requests to
//! join, changing a role, deactivating and reactivating.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::accounts::person;
use crate::accounts::{people, signup, signup_request};
use crate::app::AppState;
use crate::audit::origin_of;
use crate::policy::{Coordinator, Role};
use crate::web::extract::{ClientInfo, CsrfForm, RequireRole};
use crate::web::{AppError, PageCtx, Params, Section, path_id, render};

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
    requests: Vec<signup_request::Model>,
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
pub(super) async fn people(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    who: RequireRole<Coordinator>,
) -> Result<Response, AppError> {
    let people = people::list(&state.db).await?;
    let notice = match (params.get("updated"), params.get("invited")) {
        (_, Some(email)) => Some(ctx.t1("invite-sent", "email", email)),
        (Some(_), None) => Some(ctx.t("people-updated")),
        (None, None) => None,
    };
    let requests = signup::pending(&state.db).await?;
    let page = PeoplePage {
        ctx: ctx.with_section(Section::People),
        people,
        me: who.me.person_id,
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
#[derive(Deserialize)]
pub(super) struct RoleForm {
    role: String,
}

/// `POST /people/{id}/role`
pub(super) async fn change_role(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    who: RequireRole<Coordinator>,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<RoleForm>,
) -> Result<Response, AppError> {
    let role = Role::from_code(&form.role).ok_or_else(|| AppError::bad_request("role"))?;
    let actor = who.me.actor();
    let origin = origin_of(&who.me, &client);
    people::change_role(&state.db, &actor, &origin, path_id(&id)?, role).await?;
    Ok(Redirect::to(&format!("/people?updated=1&lang={}", ctx.lang())).into_response())
}

#[derive(Deserialize)]
pub(super) struct ActiveForm {
    active: String,
}

/// `POST /people/{id}/active`: deactivate (ending every session) or reactivate.
pub(super) async fn set_active(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    who: RequireRole<Coordinator>,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<ActiveForm>,
) -> Result<Response, AppError> {
    let active = match form.active.as_str() {
        "true" => true,
        "false" => false,
        _ => return Err(AppError::bad_request("active")),
    };
    let actor = who.me.actor();
    let origin = origin_of(&who.me, &client);
    people::set_active(&state.db, &actor, &origin, path_id(&id)?, active).await?;
    Ok(Redirect::to(&format!("/people?updated=1&lang={}", ctx.lang())).into_response())
}
