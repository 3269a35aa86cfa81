//! The JSON API: `/api/v1/projects` (paged, with the filters of
//! `/projects`) and `/api/v1/projects/{slug}` (the idea with its partners
//! and its action plan's progress, milestones and indicators). An idea the
//! reader may not read is not found (`{code, message}`, as every `/api/`
//! error).

use axum::Json;
use axum::extract::{Path, State};
use serde::Serialize;
use utoipa::ToSchema;

use crate::app::AppState;
use crate::directory::entities::municipality;
use crate::directory::reference::Reference;
use crate::directory::rules::{CountryCode, Slug};
use crate::fields::paging::{ApiList, PageRequest};
use crate::fields::parse_opt;
use crate::i18n::{Locale, TrText};
use crate::plans::rules::{PlanDetail, PlanSummary, day};
use crate::projects::ProjectStatus;
use crate::projects::entities::project;
use crate::projects::rules::{self, ProjectFilter};
use crate::web::openapi::{ApiError, Paging, PlaceFilters};
use crate::web::{AppError, PageCtx, Params};

/// A municipality as a project names it.
#[derive(Serialize, ToSchema)]
#[schema(as = ApiProjectMunicipality)]
pub(super) struct ApiMunicipality {
    slug: String,
    name: String,
    country: String,
}

impl ApiMunicipality {
    fn of(m: &municipality::Model, l: Locale) -> Self {
        ApiMunicipality {
            slug: m.slug.clone(),
            name: m.name.text(l).to_owned(),
            country: m.country_code.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub(super) struct ApiProject {
    slug: String,
    url: String,
    title: String,
    title_lang: String,
    status: String,
    visibility: String,
    themes: Vec<String>,
    lead: Option<ApiMunicipality>,
    /// The action plan's progress in whole percent (rolled up from its
    /// steps); `null` without a plan or without a step that counts.
    plan_progress: Option<u8>,
}

/// The event session an idea came from.
#[derive(Serialize, ToSchema)]
#[schema(as = ApiProjectSession)]
pub(super) struct ApiSession {
    id: i32,
    title: String,
}

#[derive(Serialize, ToSchema)]
pub(super) struct ApiSought {
    kind: String,
    country: Option<String>,
    expertise: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub(super) struct ApiPartner {
    #[serde(flatten)]
    municipality: ApiMunicipality,
    status: String,
}

#[derive(Serialize, ToSchema)]
pub(super) struct ApiMilestone {
    title: String,
    due: String,
    reached: bool,
    reached_on: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub(super) struct ApiIndicator {
    title: String,
    unit: String,
    baseline: f64,
    baseline_on: String,
    target: f64,
    target_on: String,
    /// The latest measurement (by date).
    latest: Option<f64>,
    latest_on: Option<String>,
    /// Whole percent of the way from baseline to target; `null`: not
    /// measured yet.
    attainment: Option<u8>,
}

#[derive(Serialize, ToSchema)]
pub(super) struct ApiPlan {
    url: String,
    title: String,
    progress: Option<u8>,
    /// Demo figures: not real progress.
    illustrative: bool,
    /// Steps that count (cancelled ones left out), and those done.
    steps: u32,
    steps_done: u32,
    milestones: Vec<ApiMilestone>,
    indicators: Vec<ApiIndicator>,
}

#[derive(Serialize, ToSchema)]
pub(super) struct ApiProjectDetail {
    #[serde(flatten)]
    summary: ApiProject,
    problem: Option<String>,
    objectives: Option<String>,
    activities: Option<String>,
    /// The event it came from (slug) and the session.
    event: Option<String>,
    session: Option<ApiSession>,
    /// The consultation (dilemma) it came from (slug).
    consultation: Option<String>,
    /// Later events it was worked on at (slugs).
    followups: Vec<String>,
    programme: Option<String>,
    programme_countries: Vec<String>,
    partners_sought: Vec<ApiSought>,
    partners: Vec<ApiPartner>,
    drop_reason: Option<String>,
    plan: Option<ApiPlan>,
}

fn text(t: &Option<TrText>, l: Locale) -> Option<String> {
    t.as_ref().map(|t| t.text(l).to_owned())
}

fn api_of(
    p: &project::Model,
    lead: Option<&municipality::Model>,
    themes: Vec<String>,
    progress: Option<u8>,
    l: Locale,
    base: &str,
) -> ApiProject {
    let title = p.title.show(l);
    ApiProject {
        slug: p.slug.clone(),
        url: format!("{base}/projects/{}", p.slug),
        title: title.text.to_owned(),
        title_lang: title.locale.code().to_owned(),
        status: p.status.clone(),
        visibility: p.visibility.clone(),
        themes,
        lead: lead.map(|m| ApiMunicipality::of(m, l)),
        plan_progress: progress,
    }
}

fn theme_slugs<'a>(reference: &Reference, ids: impl IntoIterator<Item = &'a i32>) -> Vec<String> {
    ids.into_iter()
        .filter_map(|id| reference.theme(*id).map(|t| t.slug.clone()))
        .collect()
}

fn plan_of(summary: &PlanSummary, d: &PlanDetail, l: Locale, base: &str) -> ApiPlan {
    ApiPlan {
        url: format!("{base}/plans/{}", d.plan.row.id),
        title: d.plan.row.title.text(l).to_owned(),
        progress: d.progress,
        illustrative: d.plan.row.illustrative,
        steps: summary.steps,
        steps_done: summary.done,
        milestones: d
            .milestones
            .iter()
            .map(|m| ApiMilestone {
                title: m.title.text(l).to_owned(),
                due: day(&Some(m.due_on)),
                reached: m.reached_on.is_some(),
                reached_on: m.reached_on.map(|d| day(&Some(d))),
            })
            .collect(),
        indicators: d
            .indicators
            .iter()
            .map(|i| {
                let latest = i.latest();
                ApiIndicator {
                    title: i.row.name.text(l).to_owned(),
                    unit: i.row.unit.clone(),
                    baseline: i.row.baseline_value,
                    baseline_on: day(&Some(i.row.baseline_on)),
                    target: i.row.target_value,
                    target_on: day(&Some(i.row.target_on)),
                    latest: latest.map(|m| m.value),
                    latest_on: latest.map(|m| day(&Some(m.measured_on))),
                    attainment: i.attainment,
                }
            })
            .collect(),
    }
}

/// `GET /api/v1/projects?status=&theme=&country=&page=&per_page=`: five
/// queries (the page, its themes, its leads, its plans and their steps)
/// whatever the page's size.
#[utoipa::path(get, path = "/api/v1/projects", tag = "projects",
    summary = "Project ideas the caller may see",
    params(Paging, PlaceFilters,
        ("status" = Option<String>, Query, description = "A project status code (`idea`, `concept`, `partnership-formed`, `in-implementation`, `completed`, `dropped`).")),
    responses(
        (status = 200, description = "One page of project ideas.", body = ApiList<ApiProject>),
        (status = 400, description = "A filter or paging value not understood.", body = ApiError)))]
pub(super) async fn api_projects(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Json<ApiList<ApiProject>>, AppError> {
    let bad = |e: crate::fields::BadField| AppError::bad_request(e.0);
    let f = ProjectFilter {
        status: parse_opt(params.get("status"), "status", ProjectStatus::from_code).map_err(bad)?,
        theme: parse_opt(params.get("theme"), "theme", Slug::parse).map_err(bad)?,
        country: parse_opt(params.get("country"), "country", CountryCode::parse).map_err(bad)?,
    };
    let pr = PageRequest::from_query(params.get("page"), params.get("per_page"))?;
    let db = state.db.read();
    let page = rules::list(db, &state.directory.reference, ctx.actor(), &f, pr).await?;
    let ids: Vec<i32> = page.items.iter().map(|c| c.p.id).collect();
    let plans = crate::projects::plans::summaries(db, &ids).await?;
    let base = state.settings.public_url();
    Ok(Json(ApiList::from_page(&page, |c| {
        api_of(
            &c.p,
            c.lead.as_ref(),
            c.themes.iter().map(|t| t.slug.clone()).collect(),
            plans.get(&c.p.id).and_then(|s| s.progress),
            ctx.locale,
            &base,
        )
    })))
}

/// `GET /api/v1/projects/{slug}`: the idea with its partners and its plan
/// (a fixed number of queries).
#[utoipa::path(get, path = "/api/v1/projects/{slug}", tag = "projects",
    summary = "A project idea with its partners and action plan",
    params(("slug" = String, Path, description = "The idea's slug.", example = "istanbul-2018-language-courses")),
    responses(
        (status = 200, description = "The project idea.", body = ApiProjectDetail),
        (status = 404, description = "No idea with this slug that the caller may see.", body = ApiError)))]
pub(super) async fn api_project(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Json<ApiProjectDetail>, AppError> {
    let db = state.db.read();
    let d = rules::find(db, ctx.actor(), &slug).await?;
    let plan = crate::projects::plans::plan_of(db, &state.plan_owners, ctx.actor(), d.p.id).await?;
    let base = state.settings.public_url();
    let l = ctx.locale;
    let r = &state.directory.reference;
    Ok(Json(ApiProjectDetail {
        summary: api_of(
            &d.p,
            d.lead.as_ref(),
            theme_slugs(r, &d.themes),
            plan.as_ref().and_then(|(_, p)| p.progress),
            l,
            &base,
        ),
        problem: text(&d.p.problem, l),
        objectives: text(&d.p.objectives, l),
        activities: text(&d.p.activities, l),
        event: d.event.as_ref().map(|e| e.slug.clone()),
        session: d.session.as_ref().map(|s| ApiSession {
            id: s.id,
            title: s.title.text(l).to_owned(),
        }),
        consultation: d.dilemma.as_ref().map(|x| x.slug.clone()),
        followups: d.followups.iter().map(|e| e.slug.clone()).collect(),
        programme: d.p.programme.clone(),
        programme_countries: d.p.funded_countries().into_iter().collect(),
        partners_sought: d
            .p
            .partners_sought
            .0
            .iter()
            .map(|s| ApiSought {
                kind: s.kind.code().to_owned(),
                country: s.country.clone(),
                expertise: s.expertise.as_ref().map(|t| t.text(l).to_owned()),
            })
            .collect(),
        partners: d
            .partners
            .iter()
            .map(|p| ApiPartner {
                municipality: ApiMunicipality::of(&p.municipality, l),
                status: p.status.code().to_owned(),
            })
            .collect(),
        drop_reason: text(&d.p.drop_reason, l),
        plan: plan.map(|(s, p)| plan_of(&s, &p, l, &base)),
    }))
}

/// The projects' part of the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(api_projects, api_project))]
pub(super) struct ApiDoc;
