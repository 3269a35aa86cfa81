//! `/municipalities/{slug}/cohesion/plans/{indicator}`: the plan aimed at
//! an indicator (baseline, target, each later wave with its n, status),
//! or, before there is one, the form that starts it from the latest
//! wave's score (for who may). `POST` starts it; `POST …/practice` shares
//! a plan that met its target as a draft practice.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;

use crate::app::AppState;
use crate::audit::origin_of;
use crate::cohesion::error::CohesionError;
use crate::cohesion::plans::{self, Aim, IndicatorPlan, Measure, PlanView};
use crate::library::practices::FieldError;
use crate::web::extract::{ClientInfo, CsrfForm, RequireSignedIn};
use crate::web::{AppError, PageCtx, Section, redirect, render};

/// A wave's figure as printed.
struct Row {
    label: String,
    fielded_on: String,
    n: String,
    score: String,
    comparable: bool,
}

fn row(ctx: &PageCtx, m: &Measure) -> Row {
    Row {
        label: m.label.clone(),
        fielded_on: ctx.date(&m.fielded_on),
        n: ctx.num(&i64::try_from(m.n).unwrap_or(i64::MAX)),
        score: super::dashboard::shown(ctx, m.score),
        comparable: m.comparable,
    }
}

#[derive(Template)]
#[template(path = "cohesion/templates/plan.html")]
struct PlanPage {
    ctx: PageCtx,
    slug: String,
    key: String,
    town: String,
    indicator: String,
    /// The plan, when started.
    started: Option<Started>,
    /// The start form, before.
    form: Option<StartForm>,
}

struct Started {
    title: String,
    plan_id: Option<i32>,
    baseline: Row,
    target: String,
    target_on: String,
    later: Vec<Row>,
    status: String,
    status_code: &'static str,
    may_share: bool,
    practice_id: Option<i32>,
}

struct StartForm {
    baseline: String,
    wave: String,
    n: String,
    target: String,
    target_on: String,
    title: String,
    errors: Vec<(String, String)>,
}

impl PlanPage {
    /// The message of a field's problem, if any.
    fn error(&self, field: &str) -> String {
        self.form
            .as_ref()
            .and_then(|f| f.errors.iter().find(|(k, _)| k == field))
            .map(|(_, m)| m.clone())
            .unwrap_or_default()
    }
}

fn started(ctx: &PageCtx, v: &PlanView) -> Started {
    Started {
        title: v
            .plan
            .as_ref()
            .map(|p| ctx.text(&p.title).to_owned())
            .unwrap_or_default(),
        plan_id: v.row.plan_id,
        baseline: row(ctx, &v.baseline),
        target: v
            .target
            .as_ref()
            .map(|t| format!("{:.0}", t.target_value))
            .unwrap_or_default(),
        target_on: v
            .target
            .as_ref()
            .map(|t| ctx.date(&t.target_on))
            .unwrap_or_default(),
        later: v.later.iter().map(|m| row(ctx, m)).collect(),
        status: ctx.t(&v.status.label_id()),
        status_code: v.status.code(),
        may_share: v.may_share || (v.row.practice_id.is_some() && ctx.actor().is_some()),
        practice_id: v.row.practice_id,
    }
}

/// What the form keeps of what was typed.
#[derive(Clone, Debug, Default, Deserialize)]
pub(super) struct Typed {
    #[serde(default)]
    target: String,
    #[serde(default)]
    target_on: String,
    #[serde(default)]
    title: String,
}

fn start_form(ctx: &PageCtx, aim: &Aim, typed: Typed, errors: &[FieldError]) -> StartForm {
    StartForm {
        baseline: super::dashboard::shown(ctx, aim.baseline()),
        wave: aim.wave.label.clone(),
        n: ctx.num(&i64::try_from(aim.figure.n).unwrap_or(i64::MAX)),
        target: typed.target,
        target_on: typed.target_on,
        title: typed.title,
        errors: errors
            .iter()
            .map(|e| (e.field.to_owned(), ctx.t(e.message)))
            .collect(),
    }
}

fn page(
    ctx: PageCtx,
    slug: String,
    key: String,
    found: IndicatorPlan,
    typed: Typed,
    errors: &[FieldError],
) -> PlanPage {
    let (town, indicator, started_, form) = match &found {
        IndicatorPlan::Started(v) => (
            ctx.text(&v.municipality.name).to_owned(),
            ctx.text(&v.indicator_name).to_owned(),
            Some(started(&ctx, v)),
            None,
        ),
        IndicatorPlan::Form(a) => (
            ctx.text(&a.municipality.name).to_owned(),
            ctx.text(&a.indicator.name).to_owned(),
            None,
            Some(start_form(&ctx, a, typed, errors)),
        ),
    };
    PlanPage {
        ctx,
        slug,
        key,
        town,
        indicator,
        started: started_,
        form,
    }
}

/// `GET /municipalities/{slug}/cohesion/plans/{indicator}`
pub(super) async fn plan_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((slug, key)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let ctx = ctx.with_section(Section::Municipalities);
    let found = plans::indicator_plan(
        state.db.read(),
        ctx.actor(),
        &slug,
        &key,
        Utc::now().date_naive(),
    )
    .await
    .map_err(refused(&ctx))?;
    Ok(render(&page(ctx, slug, key, found, Typed::default(), &[]))?.into_response())
}

/// Visitors are asked to sign in where a signed-in person might be allowed.
fn refused(ctx: &PageCtx) -> impl Fn(CohesionError) -> AppError + '_ {
    move |e| match e {
        CohesionError::Forbidden if ctx.actor().is_none() => AppError::SignInRequired,
        e => e.into(),
    }
}

/// `POST /municipalities/{slug}/cohesion/plans/{indicator}`: start the
/// plan; bad input shows the form again with what was typed.
pub(super) async fn start_plan(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path((slug, key)): Path<(String, String)>,
    CsrfForm(typed): CsrfForm<Typed>,
) -> Result<Response, AppError> {
    let ctx = ctx.with_section(Section::Municipalities);
    let origin = origin_of(&me, &client);
    let now = Utc::now();
    let parsed = plans::parse_input(&typed.target, &typed.target_on, &typed.title);
    let errors = match parsed {
        Ok(input) => {
            let started = plans::start(
                &state.db, &origin, &me.actor, &slug, &key, input, ctx.locale, now,
            )
            .await;
            match started {
                Ok(_) => {
                    let to = format!("/municipalities/{slug}/cohesion/plans/{key}");
                    return Ok(redirect(to, &ctx));
                }
                Err(CohesionError::BadValues(errors)) => errors,
                Err(e) => return Err(e.into()),
            }
        }
        Err(errors) => errors,
    };
    let found =
        plans::indicator_plan(state.db.read(), ctx.actor(), &slug, &key, now.date_naive()).await?;
    let html = render(&page(ctx, slug, key, found, typed, &errors))?;
    Ok((StatusCode::BAD_REQUEST, html).into_response())
}

/// `POST /municipalities/{slug}/cohesion/plans/{indicator}/practice`: share
/// the met plan as a draft practice (the same draft a second time).
pub(super) async fn share_practice(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path((slug, key)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let origin = origin_of(&me, &client);
    let id = plans::share(
        &state.db,
        &origin,
        &me.actor,
        &slug,
        &key,
        ctx.locale,
        Utc::now(),
    )
    .await?;
    Ok(redirect(format!("/practices/{id}"), &ctx))
}
