//! `GET /plans/{id}`: the plan, its progress, the timeline of its steps
//! and milestones and the chart of each indicator (each with its table),
//! its follow-up events; the editing links and forms for its editors.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, Response};

use super::charts;
use crate::app::AppState;
use crate::events::entities::event;
use crate::plans::StepStatus;
use crate::plans::entities::step;
use crate::plans::rules::{self, IndicatorView, PlanDetail};
use crate::web::{AppError, PageCtx, Section, path_id, render};

#[derive(Template)]
#[template(path = "plans/templates/plan.html")]
struct PlanPage {
    ctx: PageCtx,
    d: PlanDetail,
    may_edit: bool,
    timeline: String,
    charts: Vec<String>,
    municipalities: HashMap<i32, String>,
    /// Events one may attach (editors only), those attached left out.
    choices: Vec<event::Model>,
}

impl PlanPage {
    fn muni(&self, id: &i32) -> &str {
        self.municipalities
            .get(id)
            .map(String::as_str)
            .unwrap_or_default()
    }

    fn percent(&self, p: &u8) -> String {
        self.ctx.t1("progress-percent", "n", i64::from(*p))
    }

    fn status(&self, s: &step::Model) -> String {
        let f = rules::figures(s);
        self.ctx.t(&f.status.label_id())
    }

    fn counts(&self, s: &step::Model) -> bool {
        let f = rules::figures(s);
        f.status != StepStatus::Cancelled && f.weight > 0
    }

    fn dates(&self, s: &step::Model) -> String {
        charts::dates(&s.starts_on, &s.due_on)
    }

    fn value(&self, v: &f64) -> String {
        charts::value(*v)
    }

    fn chart(&self, index: &usize) -> &str {
        self.charts
            .get(*index)
            .map(String::as_str)
            .unwrap_or_default()
    }

    fn attainment(&self, i: &IndicatorView) -> String {
        match i.attainment {
            Some(a) => self.percent(&a),
            None => self.ctx.t("plan-not-measured"),
        }
    }

    /// An event's dates as the events pages show them (its time zone;
    /// month and year when approximate).
    fn on(&self, e: &event::Model) -> String {
        crate::events::rules::when(e, self.ctx.locale)
    }
}

/// Municipality names in the reader's language (one query).
pub(super) async fn municipality_names(
    state: &AppState,
    ctx: &PageCtx,
) -> Result<Vec<(i32, String)>, AppError> {
    Ok(crate::directory::choices::municipality_names(state.db.read(), ctx.locale).await?)
}

/// `GET /plans/{id}`: a plan whose owner the reader may not see is not
/// found by visitors and refused to others (visitors' pages kept per
/// content version).
pub(super) async fn plan_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    state
        .pages
        .visitor_page(&state.db, &ctx, || plan_html(&state, ctx.clone(), id))
        .await
}

async fn plan_html(state: &AppState, ctx: PageCtx, id: i32) -> Result<Html<String>, AppError> {
    let db = state.db.read();
    let plan = rules::readable(db, &state.plan_owners, ctx.actor(), id).await?;
    let may_edit = rules::may_edit(&plan, ctx.actor());
    let d = rules::detail(db, ctx.actor(), plan).await?;
    let choices = if may_edit {
        let attached: Vec<i32> = d.events.iter().map(|e| e.id).collect();
        rules::event_choices(db, ctx.actor())
            .await?
            .into_iter()
            .filter(|e| !attached.contains(&e.id))
            .collect()
    } else {
        Vec::new()
    };
    let page = PlanPage {
        timeline: charts::plan_timeline(&ctx, &d),
        charts: d
            .indicators
            .iter()
            .map(|i| charts::indicator_chart(&ctx, i))
            .collect(),
        municipalities: municipality_names(state, &ctx).await?.into_iter().collect(),
        ctx,
        d,
        may_edit,
        choices,
    };
    render(&page)
}
