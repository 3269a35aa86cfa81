//! `GET /api/v1/municipalities/{slug}/cohesion[?peers=…]`: the dashboard's
//! figures as JSON: `waves` (oldest first) with their n, the index,
//! domains and indicators, each with its benchmark or the reason it is
//! hidden, and its municipal questionnaire scored (each answer with its
//! instrument and the number of documents attached; the documents
//! themselves stay private); `plans`: the plans aimed at its indicators
//! (baseline, target, date, status). The same reader rules as the page
//! (not published: not found).

use axum::Json;
use axum::extract::{Path, State};
use serde::Serialize;

use super::peer_group;
use crate::app::AppState;
use crate::cohesion::benchmark::{Benchmark, MIN_PEERS};
use crate::cohesion::plans::summaries;
use crate::cohesion::rules::{self, Benchmarks};
use crate::cohesion::scoring::{Figure, MIN_BASE, MunicipalScores};
use crate::web::{AppError, PageCtx, Params};

/// A municipality's social-cohesion self-assessment.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct ApiCohesion {
    municipality: String,
    name: String,
    published: bool,
    /// The answers are synthetic (the demo's).
    synthetic: bool,
    /// The peer group compared with: `all`, `country`, `population` or `refugees`.
    #[schema(value_type = String)]
    peers: &'static str,
    /// Fewest respondents behind a figure shown.
    min_base: u64,
    /// Fewest peers behind a benchmark shown.
    min_peers: usize,
    /// The waves, oldest first.
    waves: Vec<ApiCohesionWave>,
    /// The plans aimed at its indicators (one per indicator at most), by
    /// indicator key.
    plans: Vec<ApiCohesionPlan>,
}

/// A plan aimed at one of the municipality's indicators: its baseline (the
/// indicator's score in the wave it started from), target and date, and
/// where it stands after the later waves.
#[derive(Serialize, utoipa::ToSchema)]
struct ApiCohesionPlan {
    /// The indicator's key (as in `waves[].indicators[].key`).
    indicator: String,
    /// The plan's page.
    url: String,
    /// The action plan's number (`/plans/{id}`), once made.
    plan_id: Option<i32>,
    /// The indicator's score (0–100) in the baseline wave.
    baseline: f64,
    /// The baseline wave's number.
    baseline_wave: i32,
    /// The day the baseline wave's fieldwork ended.
    baseline_on: String,
    /// The score to reach (0–100).
    target: f64,
    /// The day it should be reached by.
    target_on: String,
    /// The latest later wave's score for the indicator, if any.
    latest: Option<f64>,
    /// That wave's number.
    latest_wave: Option<i32>,
    /// `met`, `not-yet-met`, `not-met` (the date passed), `not-comparable`
    /// (the indicator's items changed) or `not-measured`.
    #[schema(value_type = String)]
    status: &'static str,
}

/// One wave of the resident survey, scored.
#[derive(Serialize, utoipa::ToSchema)]
struct ApiCohesionWave {
    number: i32,
    label: String,
    fielded_on: String,
    n: i64,
    framework: String,
    framework_version: i32,
    weighted: bool,
    index: Option<ApiCohesionFigure>,
    domains: Vec<ApiCohesionFigure>,
    indicators: Vec<ApiCohesionFigure>,
    /// The municipal questionnaire (policies, services, data) as scored
    /// with the wave; absent for a wave without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    municipal: Option<ApiCohesionMunicipal>,
}

/// The municipality's own answers to the wave's municipal questionnaire,
/// scored yes 100, partly 50, no 0; questions not answered are left out
/// of the scores and counted.
#[derive(Serialize, utoipa::ToSchema)]
struct ApiCohesionMunicipal {
    /// The municipality submitted its response.
    submitted: bool,
    /// The mean of the answered questions (0–100); null when none was answered.
    score: Option<f64>,
    answered: u64,
    unanswered: u64,
    /// Documents attached to the response as a whole.
    documents: u64,
    sections: Vec<ApiCohesionMunicipalSection>,
    questions: Vec<ApiCohesionMunicipalAnswer>,
}

/// A section of the municipal questionnaire (policies, services, data).
#[derive(Serialize, utoipa::ToSchema)]
struct ApiCohesionMunicipalSection {
    key: String,
    name: String,
    /// The mean of its answered questions (0–100), or null.
    score: Option<f64>,
    answered: u64,
    unanswered: u64,
}

/// One question of the municipal questionnaire and its answer.
#[derive(Serialize, utoipa::ToSchema)]
struct ApiCohesionMunicipalAnswer {
    /// The question's name in the questionnaire's form.
    key: String,
    /// Its section's key.
    section: String,
    text: String,
    /// `yes`, `partly` or `no`; null when not answered.
    answer: Option<String>,
    /// 100, 50 or 0; null when not answered.
    score: Option<f64>,
    /// The instrument the question follows.
    instrument: String,
    /// Documents attached to this answer (the files themselves are seen
    /// only by the municipality's people and the network's coordinators).
    documents: u64,
}

/// A score (0–100) of the index, a domain or an indicator.
#[derive(Serialize, utoipa::ToSchema)]
struct ApiCohesionFigure {
    key: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    domain: String,
    name: String,
    score: Option<f64>,
    favourable: Option<f64>,
    n: u64,
    /// Measured as in the latest wave.
    comparable: bool,
    benchmark: Benchmark,
}

#[utoipa::path(get, path = "/api/v1/municipalities/{id}/cohesion", tag = "cohesion",
    summary = "A municipality's social-cohesion scores, wave by wave, against its peers",
    params(
        ("id" = String, Path, description = "The municipality's slug (or number).", example = "sanliurfa"),
        ("peers" = Option<String>, Query, description = "Peers to compare with: `all` (default), `country`, `population` or `refugees`.")),
    responses(
        (status = 200, description = "The waves with their scores and benchmarks, and each wave's municipal questionnaire (policies, services, data) scored, with the number of documents attached to each answer.", body = ApiCohesion),
        (status = 400, description = "A peer group not understood.", body = crate::web::openapi::ApiError),
        (status = 404, description = "No such municipality, or its dashboard is not published.", body = crate::web::openapi::ApiError)))]
pub(super) async fn api_dashboard(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    Path(slug): Path<String>,
) -> Result<Json<ApiCohesion>, AppError> {
    let group = peer_group(&params)?;
    let d = rules::dashboard(state.db.read(), ctx.actor(), &slug, group).await?;
    let today = chrono::Utc::now().date_naive();
    let numbers: std::collections::HashMap<i32, i32> =
        d.waves.iter().map(|w| (w.row.id, w.row.number)).collect();
    let plans = summaries(state.db.read(), d.municipality.id, &d.waves, today)
        .await?
        .into_iter()
        .map(|p| ApiCohesionPlan {
            url: format!(
                "/municipalities/{}/cohesion/plans/{}",
                d.municipality.slug, p.indicator
            ),
            indicator: p.indicator,
            plan_id: p.plan_id,
            baseline: p.baseline,
            baseline_wave: p.baseline_wave,
            baseline_on: p.baseline_on.to_string(),
            target: p.target,
            target_on: p.target_on.to_string(),
            latest: p.latest.as_ref().and_then(|m| m.score),
            latest_wave: p
                .latest
                .as_ref()
                .and_then(|m| numbers.get(&m.wave_id).copied()),
            status: p.status.code(),
        })
        .collect();
    let latest_id = d.latest().map(|(w, _)| w.row.id);
    let last = d.latest().map(|(_, s)| s.clone());
    let none = Benchmarks::default();
    let mut waves = Vec::new();
    for w in &d.waves {
        let is_latest = Some(w.row.id) == latest_id;
        let b = if is_latest { &d.benchmarks } else { &none };
        let def = &w.framework.definition;
        let fig = |f: &Figure,
                   name: String,
                   domain: String,
                   bench: Option<&Benchmark>,
                   same: Option<&Figure>| ApiCohesionFigure {
            key: f.key.clone(),
            domain,
            name,
            score: f.score,
            favourable: f.favourable,
            n: f.n,
            comparable: same.is_some_and(|s| s.fingerprint == f.fingerprint),
            benchmark: match bench {
                Some(b) if is_latest => b.clone(),
                _ => Benchmark::EarlierWave,
            },
        };
        let s = w.scores.as_ref();
        waves.push(ApiCohesionWave {
            number: w.row.number,
            label: w.row.label.clone(),
            fielded_on: w.row.fielded_on.to_string(),
            n: w.row.n,
            framework: w.framework.slug.clone(),
            framework_version: w.framework.version,
            weighted: s.is_some_and(|s| s.weighted),
            index: s.map(|s| {
                fig(
                    &s.index,
                    ctx.t("cohesion-index"),
                    String::new(),
                    b.index.as_ref(),
                    last.as_ref().map(|l| &l.index),
                )
            }),
            domains: def
                .domain
                .iter()
                .filter_map(|dom| {
                    let f = s?.domain(&dom.key)?;
                    Some(fig(
                        f,
                        ctx.text(&dom.name).to_owned(),
                        String::new(),
                        b.domains.get(&dom.key),
                        last.as_ref().and_then(|l| l.domain(&dom.key)),
                    ))
                })
                .collect(),
            indicators: def
                .indicators()
                .filter_map(|(dom, ind)| {
                    let f = s?.indicator(&ind.key)?;
                    Some(fig(
                        f,
                        ctx.text(&ind.name).to_owned(),
                        dom.key.clone(),
                        b.indicators.get(&ind.key),
                        last.as_ref().and_then(|l| l.indicator(&ind.key)),
                    ))
                })
                .collect(),
            municipal: s
                .and_then(|s| s.municipal.as_ref())
                .map(|m| municipal(&ctx, &d, w, m)),
        });
    }
    Ok(Json(ApiCohesion {
        municipality: d.municipality.slug.clone(),
        name: ctx.text(&d.municipality.name).to_owned(),
        published: d.published,
        synthetic: d.synthetic(),
        peers: d.group.code(),
        min_base: MIN_BASE,
        min_peers: MIN_PEERS,
        waves,
        plans,
    }))
}

/// A wave's municipal questionnaire as the API gives it.
fn municipal(
    ctx: &PageCtx,
    d: &rules::Dashboard,
    w: &rules::WaveView,
    m: &MunicipalScores,
) -> ApiCohesionMunicipal {
    let q = w.framework.definition.municipal_or_shipped();
    let count = |question: &str| {
        d.evidence
            .get(&(w.row.id, question.to_owned()))
            .copied()
            .unwrap_or(0)
    };
    ApiCohesionMunicipal {
        submitted: m.submitted,
        score: m.score,
        answered: m.answered,
        unanswered: m.unanswered,
        documents: count(""),
        sections: m
            .sections
            .iter()
            .map(|s| ApiCohesionMunicipalSection {
                key: s.key.clone(),
                name: q
                    .as_ref()
                    .and_then(|q| q.section.iter().find(|x| x.key == s.key))
                    .map_or_else(|| s.key.clone(), |x| ctx.text(&x.name).to_owned()),
                score: s.score,
                answered: s.answered,
                unanswered: s.unanswered,
            })
            .collect(),
        questions: m
            .questions
            .iter()
            .map(|a| {
                let asked = q
                    .as_ref()
                    .and_then(|q| q.questions().find(|(_, x)| x.question == a.question))
                    .map(|(_, x)| x);
                ApiCohesionMunicipalAnswer {
                    key: a.question.clone(),
                    section: a.section.clone(),
                    text: asked
                        .map_or_else(|| a.question.clone(), |x| ctx.text(&x.text).to_owned()),
                    answer: a.answer.clone(),
                    score: a.score,
                    instrument: asked.map(|x| x.instrument.clone()).unwrap_or_default(),
                    documents: count(&a.question),
                }
            })
            .collect(),
    }
}

/// The cohesion part of the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(api_dashboard))]
pub(super) struct ApiDoc;
