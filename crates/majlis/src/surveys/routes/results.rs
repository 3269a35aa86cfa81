//! `GET /surveys/{slug}/results` (tables with accessible charts beside, in
//! the reader's language) and `GET /api/v1/surveys/{slug}/results` (JSON).
//! `?by=country|population|refugees` breaks the figures down by one
//! predefined grouping.

use askama::Template;
use axum::Json;
use axum::extract::{Path, State};
use axum::response::Html;

use crate::app::AppState;
use crate::surveys::Grouping;
use crate::surveys::rules::results::{self, Cell, Limits, QuestionFigures, Results};
use crate::web::{AppError, PageCtx, Section, render};

fn limits(state: &AppState) -> Limits {
    Limits {
        min_cell: u64::from(state.settings.survey_min_cell.max(1)),
        small_group: u64::from(state.settings.survey_small_group),
    }
}

fn grouping(ctx: &PageCtx) -> Result<Option<Grouping>, AppError> {
    match ctx.param("by") {
        "" => Ok(None),
        code => Grouping::from_code(code)
            .map(Some)
            .ok_or_else(|| AppError::bad_request("by")),
    }
}

async fn load(state: &AppState, ctx: &PageCtx, slug: &str) -> Result<Results, AppError> {
    let lang = ctx.lang().to_owned();
    Ok(results::results(
        state.db.read(),
        ctx.actor(),
        slug,
        grouping(ctx)?,
        move |form| crate::surveys::rules::form_language(form, &lang).map(str::to_owned),
        limits(state),
    )
    .await?)
}

#[derive(Template)]
#[template(path = "surveys/templates/results.html")]
struct ResultsPage {
    ctx: PageCtx,
    title: String,
    r: Results,
    groupings: &'static [Grouping],
    charts: Vec<String>,
    /// The group columns' names.
    columns: Vec<String>,
}

impl ResultsPage {
    fn count(&self, c: &Option<u64>) -> String {
        c.map_or_else(|| self.ctx.t("survey-suppressed"), |n| n.to_string())
    }
    fn cell(&self, c: &Cell) -> String {
        match (c.count, c.percent) {
            (None, _) => self.ctx.t("survey-suppressed"),
            (Some(_), Some(p)) => format!("{p}%"),
            (Some(n), None) => n.to_string(),
        }
    }
    fn number(&self, v: &Option<f64>) -> String {
        v.map_or_else(
            || "—".to_owned(),
            |x| format!("{}", (x * 10.0).round() / 10.0),
        )
    }
    fn by_label(&self, g: &Grouping) -> String {
        self.ctx.t(&g.label_id())
    }
    fn is_by(&self, g: &Grouping) -> bool {
        self.r.grouping == Some(*g)
    }
    /// A group's base for a question, when shown.
    fn group_n(&self, q: &QuestionFigures, i: &usize) -> Option<u64> {
        q.groups_answered.get(*i).copied().flatten()
    }
    fn has_choices(&self, q: &QuestionFigures) -> bool {
        !q.choices.is_empty()
    }
}

/// `GET /surveys/{slug}/results`
pub(super) async fn results_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Html<String>, AppError> {
    let ctx = ctx.with_section(Section::Surveys);
    let r = load(&state, &ctx, &slug).await?;
    let charts = r.questions.iter().map(|q| chart(&ctx, q)).collect();
    let columns = r
        .columns
        .iter()
        .map(|c| column_name(&state, &ctx, r.grouping, &c.key))
        .collect();
    render(&ResultsPage {
        columns,
        title: r.survey.row.title.text(ctx.locale).to_owned(),
        groupings: Grouping::ALL,
        charts,
        r,
        ctx,
    })
}

/// A group column's name in the reader's language.
fn column_name(state: &AppState, ctx: &PageCtx, g: Option<Grouping>, key: &str) -> String {
    if key.is_empty() {
        return ctx.t("survey-group-unknown");
    }
    match g {
        Some(Grouping::Country) => state
            .directory
            .reference
            .country(key)
            .map(|c| c.name.text(ctx.locale).to_owned())
            .unwrap_or_else(|| key.to_owned()),
        Some(g) => ctx.t(&format!("survey-band-{}-{key}", g.code())),
        None => String::new(),
    }
}

/// A bar chart of a question's choices (empty for other questions).
fn chart(ctx: &PageCtx, q: &QuestionFigures) -> String {
    use majlis_stats::chart::{Bar, BarChart, Direction, bar_chart};
    if q.choices.is_empty() {
        return String::new();
    }
    let bars = q
        .choices
        .iter()
        .map(|c| Bar {
            label: c.label.clone(),
            value: c.all.percent.map(|p| p as f64),
            shown: match (c.all.count, c.all.percent) {
                (None, _) => ctx.t("survey-suppressed"),
                (Some(_), Some(p)) => format!("{p}%"),
                (Some(n), None) => n.to_string(),
            },
        })
        .collect();
    bar_chart(&BarChart {
        id: format!("chart-{}", q.name),
        title: q.label.clone(),
        description: ctx.t("survey-chart-description"),
        bars,
        max: 100.0,
        direction: if ctx.dir() == "rtl" {
            Direction::Rtl
        } else {
            Direction::Ltr
        },
    })
}

/// `GET /api/v1/surveys/{slug}/results`
pub(super) async fn api_results(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Json<Results>, AppError> {
    Ok(Json(load(&state, &ctx, &slug).await?))
}
