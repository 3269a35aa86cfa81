//! `/people/{id}/affiliations` (coordinators): a person's ties to
//! municipalities (as focal point or not) and organisations, added and
//! removed. The directory's page over accounts' rules: handlers parse the
//! form and call `accounts::people`; the choices come from `choices`.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::accounts::people::{self, AffiliationTarget};
use crate::accounts::{affiliation, person};
use crate::app::AppState;
use crate::app::Routes;
use crate::audit::origin_of;
use crate::directory::choices;
use crate::fields::form::RawForm;
use crate::i18n::TrText;
use crate::policy::Coordinator;
use crate::web::extract::{ClientInfo, CsrfForm, RequireRole};
use crate::web::{AppError, PageCtx, Section, no_store, path_id, redirect, render};

pub fn routes() -> Routes {
    Routes::new()
        .get("/people/{id}/affiliations", affiliations_page)
        .post("/people/{id}/affiliations", change_affiliations)
}

/// An affiliation as the page lists it.
pub struct Shown {
    pub a: affiliation::Model,
    pub name: String,
}

#[derive(Template)]
#[template(path = "directory/templates/affiliations.html")]
struct AffiliationsPage {
    ctx: PageCtx,
    person: person::Model,
    shown: Vec<Shown>,
    municipalities: Vec<(i32, String)>,
    organisations: Vec<(i32, String)>,
    error: Option<String>,
    form: RawForm,
}

impl AffiliationsPage {
    fn value(&self, name: &str) -> &str {
        self.form.get(name)
    }
}

async fn show(
    state: &AppState,
    ctx: PageCtx,
    person_id: i32,
    error: Option<String>,
    form: RawForm,
) -> Result<Response, AppError> {
    let db = state.db.read();
    let person = people::find(&state.db, person_id).await?;
    let municipalities = choices::municipality_names(db, ctx.locale).await?;
    let organisations = choices::organisation_names(db, ctx.locale).await?;
    let name_of = |list: &[(i32, String)], id: i32| {
        list.iter()
            .find(|(i, _)| *i == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    };
    let shown = people::affiliations_of(&state.db, person_id)
        .await?
        .into_iter()
        .map(|a| Shown {
            name: match (a.municipality_id, a.organisation_id) {
                (Some(m), _) => name_of(&municipalities, m),
                (_, Some(o)) => name_of(&organisations, o),
                _ => String::new(),
            },
            a,
        })
        .collect();
    let status = if error.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let page = AffiliationsPage {
        ctx: ctx.with_section(Section::People),
        person,
        shown,
        municipalities,
        organisations,
        error,
        form,
    };
    Ok(no_store((status, render(&page)?).into_response()))
}

/// `GET /people/{id}/affiliations`
async fn affiliations_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireRole { .. }: RequireRole<Coordinator>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    show(&state, ctx, path_id(&id)?, None, RawForm::default()).await
}

/// `POST /people/{id}/affiliations`: `action` = `add` (with `to` =
/// `m:{id}` or `o:{id}`, `focal_point`, `position`) or `remove` (`affiliation`).
async fn change_affiliations(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    who: RequireRole<Coordinator>,
    Path(id): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let pid = path_id(&id)?;
    let raw = RawForm(pairs);
    let actor = who.me.actor();
    let origin = origin_of(&who.me, &client);
    match raw.get("action") {
        "add" => {
            let target = match raw.get("to").split_once(':') {
                Some(("m", m)) => m.parse().ok().map(|id| AffiliationTarget::Municipality {
                    id,
                    focal_point: raw.get("focal_point") == "yes",
                }),
                Some(("o", o)) => o.parse().ok().map(AffiliationTarget::Organisation),
                _ => None,
            };
            let position = raw.get("position").trim();
            let db = state.db.read();
            let known = match &target {
                Some(AffiliationTarget::Municipality { id, .. }) => {
                    choices::municipality_exists(db, *id).await?
                }
                Some(AffiliationTarget::Organisation(id)) => {
                    choices::organisation_exists(db, *id).await?
                }
                None => false,
            };
            let problem = if !known {
                Some("affiliations-error-choose")
            } else if position.chars().count() > 200 {
                Some("form-error-too-long")
            } else {
                None
            };
            if let Some(p) = problem {
                let message = ctx.t(p);
                return show(&state, ctx, pid, Some(message), raw).await;
            }
            let Some(target) = target else {
                return Err(AppError::bad_request("to"));
            };
            people::add_affiliation(
                &state.db,
                &actor,
                &origin,
                pid,
                target,
                TrText::new(ctx.locale, position).ok(),
            )
            .await?;
        }
        "remove" => {
            let aid = raw
                .get("affiliation")
                .parse::<i32>()
                .map_err(|_| AppError::bad_request("affiliation"))?;
            people::remove_affiliation(&state.db, &actor, &origin, pid, aid).await?;
        }
        _ => return Err(AppError::bad_request("action")),
    }
    Ok(redirect(format!("/people/{pid}/affiliations"), &ctx))
}
