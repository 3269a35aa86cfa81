//! Cohesion pages: `/municipalities/{slug}/cohesion` (the dashboard; its
//! POST saves the municipality's choices) and its JSON at
//! `/api/v1/municipalities/{slug}/cohesion` (written `{id}` in the route,
//! as the directory's `/api/v1/municipalities/{id}` names that segment);
//! `/municipalities/{slug}/cohesion/waves[/{number}/score]`: starting and
//! scoring waves (its focal points and staff); `…/waves/links[/list]`:
//! personal links for residents, one or a pasted list (links.rs);
//! `…/waves/{number}/evidence[/{id}[/remove]]`: documents for the
//! municipal questionnaire (evidence.rs);
//! `/cohesion/frameworks[/new]`: the frameworks' versions and a new one
//! (staff).

use crate::app::Routes;
use crate::cohesion::error::CohesionError;
use crate::web::AppError;

mod api;
mod dashboard;
mod evidence;
mod frameworks;
mod links;
mod plans;
mod print;
mod waves;

/// The cohesion part of the OpenAPI document.
pub fn api_doc() -> utoipa::openapi::OpenApi {
    <api::ApiDoc as utoipa::OpenApi>::openapi()
}

pub fn routes() -> Routes {
    Routes::new()
        .get("/municipalities/{slug}/cohesion", dashboard::dashboard_page)
        .post("/municipalities/{slug}/cohesion", dashboard::save_choices)
        .get("/municipalities/{slug}/cohesion.pdf", print::dashboard_pdf)
        .get(
            "/municipalities/{slug}/cohesion/plans/{indicator}",
            plans::plan_page,
        )
        .post(
            "/municipalities/{slug}/cohesion/plans/{indicator}",
            plans::start_plan,
        )
        .post(
            "/municipalities/{slug}/cohesion/plans/{indicator}/practice",
            plans::share_practice,
        )
        .get("/api/v1/municipalities/{id}/cohesion", api::api_dashboard)
        .get("/municipalities/{slug}/cohesion/waves", waves::waves_page)
        .post("/municipalities/{slug}/cohesion/waves", waves::start_wave)
        .post(
            "/municipalities/{slug}/cohesion/waves/{number}/score",
            waves::score_wave,
        )
        .post(
            "/municipalities/{slug}/cohesion/waves/links",
            waves::send_link,
        )
        .post(
            "/municipalities/{slug}/cohesion/waves/links/list",
            links::send_list,
        )
        .post(
            "/municipalities/{slug}/cohesion/waves/{number}/evidence",
            evidence::attach,
        )
        .get(
            "/municipalities/{slug}/cohesion/waves/{number}/evidence/{id}",
            evidence::download,
        )
        .post(
            "/municipalities/{slug}/cohesion/waves/{number}/evidence/{id}/remove",
            evidence::remove,
        )
        .get("/cohesion/frameworks", frameworks::list_page)
        .get("/cohesion/frameworks/new", frameworks::new_page)
        .post("/cohesion/frameworks/new", frameworks::submit)
}

impl From<CohesionError> for AppError {
    fn from(e: CohesionError) -> Self {
        match e {
            CohesionError::NotFound => AppError::NotFound,
            CohesionError::Forbidden => AppError::Forbidden,
            CohesionError::SecondFactorRequired => AppError::TwoFactorRequired,
            CohesionError::BadValues(_)
            | CohesionError::BadFile(_)
            | CohesionError::BadLines(_) => AppError::bad_request("form"),
            CohesionError::NotMet => AppError::bad_request("status"),
            CohesionError::Invalid(why) => AppError::Internal(anyhow::anyhow!(why)),
            CohesionError::Db(e) => e.into(),
        }
    }
}

/// The peer group asked for (`?peers=`), the whole network by default.
fn peer_group(params: &crate::web::Params) -> Result<crate::cohesion::PeerGroup, AppError> {
    match params.get("peers").filter(|p| !p.is_empty()) {
        None => Ok(crate::cohesion::PeerGroup::All),
        Some(code) => crate::cohesion::PeerGroup::from_code(code)
            .ok_or_else(|| AppError::bad_request("peers")),
    }
}
