//! `GET /surveys/{slug}/results` (tables with accessible charts beside, in
//! the reader's language) and `GET /api/v1/surveys/{slug}/results` (JSON).
//! `?by=country|population|refugees` breaks the figures down by one
//! predefined grouping.

use askama::Template;
use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;

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

/// A count as printed: the number, or "suppressed".
fn count_text(ctx: &PageCtx, c: &Option<u64>) -> String {
    c.map_or_else(|| ctx.t("survey-suppressed"), |n| n.to_string())
}

/// A cell as printed: its percentage, else its count, else "suppressed".
fn cell_text(ctx: &PageCtx, c: &Cell) -> String {
    match (c.count, c.percent) {
        (None, _) => ctx.t("survey-suppressed"),
        (Some(_), Some(p)) => format!("{p}%"),
        (Some(n), None) => n.to_string(),
    }
}

/// A figure of numbers, to one decimal ("—" when there is none).
fn number_text(v: &Option<f64>) -> String {
    v.map_or_else(
        || "—".to_owned(),
        |x| format!("{}", (x * 10.0).round() / 10.0),
    )
}

impl ResultsPage {
    fn count(&self, c: &Option<u64>) -> String {
        count_text(&self.ctx, c)
    }
    fn cell(&self, c: &Cell) -> String {
        cell_text(&self.ctx, c)
    }
    fn number(&self, v: &Option<f64>) -> String {
        number_text(v)
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

/// `GET /surveys/{slug}/results` (visitors' pages kept per content version
/// and address: each grouping is a page of its own).
pub(super) async fn results_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let ctx = ctx.with_section(Section::Surveys);
    state
        .pages
        .visitor_page(&state.db, &ctx, || async {
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
                ctx: ctx.clone(),
            })
        })
        .await
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
            shown: cell_text(ctx, &c.all),
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

/// `GET /surveys/{slug}/results.pdf`: the same figures, printed (A4), in
/// the reader's language.
pub(super) async fn results_pdf(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let r = load(&state, &ctx, &slug).await?;
    let columns: Vec<String> = r
        .columns
        .iter()
        .map(|c| column_name(&state, &ctx, r.grouping, &c.key))
        .collect();
    let doc = report(&ctx, &r, &columns);
    let bytes = crate::web::pdf::print(doc, |p, d| p.survey_report(d)).await?;
    Ok(crate::web::pdf::pdf_response(
        bytes,
        &format!("{slug}-results.pdf"),
    ))
}

/// The print crate's input: the key figures, the privacy note, then each
/// question's table (suppressed cells say so, and draw no bar).
fn report(ctx: &PageCtx, r: &Results, columns: &[String]) -> majlis_print::SurveyReport {
    use majlis_print::{Fact, SurveyQuestion, SurveyRow};
    let count = |c: &Option<u64>| count_text(ctx, c);
    let shown = |c: &Cell| cell_text(ctx, c);
    let mut note = ctx.t1("survey-privacy-note", "n", r.min_cell as i64);
    if r.synthetic {
        note = format!("{}\n\n{note}", ctx.t("survey-synthetic"));
    }
    let number = number_text;
    let questions = r
        .questions
        .iter()
        .map(|q| {
            let mut header = vec![
                ctx.t("survey-answer"),
                match q.answered {
                    Some(a) => format!("{} (n = {a})", ctx.t("survey-all")),
                    None => ctx.t("survey-all"),
                },
            ];
            for (i, name) in columns.iter().enumerate() {
                header.push(match q.groups_answered.get(i).copied().flatten() {
                    Some(n) => format!("{name} (n = {n})"),
                    None => name.clone(),
                });
            }
            SurveyQuestion {
                label: q.label.clone(),
                lang: r.language.clone().unwrap_or_else(|| ctx.lang().to_owned()),
                base: format!(
                    "{}: {} · {}: {}",
                    ctx.t("survey-answered"),
                    count(&q.answered),
                    ctx.t("survey-not-answered"),
                    count(&q.not_answered)
                ),
                columns: if q.choices.is_empty() {
                    Vec::new()
                } else {
                    header
                },
                rows: q
                    .choices
                    .iter()
                    .map(|c| SurveyRow {
                        label: c.label.clone(),
                        cells: std::iter::once(shown(&c.all))
                            .chain(c.groups.iter().map(&shown))
                            .collect(),
                        bar: c.all.percent.map(|p| p as f64 / 100.0),
                    })
                    .collect(),
                numbers: q
                    .numbers
                    .as_ref()
                    .map(|n| {
                        vec![
                            Fact {
                                label: ctx.t("survey-mean"),
                                value: number(&n.mean),
                            },
                            Fact {
                                label: ctx.t("survey-median"),
                                value: number(&n.median),
                            },
                            Fact {
                                label: ctx.t("survey-quartiles"),
                                value: format!("{} – {}", number(&n.q1), number(&n.q3)),
                            },
                        ]
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    majlis_print::SurveyReport {
        lang: ctx.lang().to_owned(),
        title: r.survey.row.title.text(ctx.locale).to_owned(),
        subtitle: Some(format!(
            "{} · {}",
            ctx.t("survey-results"),
            r.grouping
                .map(|g| ctx.t(&g.label_id()))
                .unwrap_or_else(|| ctx.t("survey-by-none"))
        )),
        facts: vec![
            Fact {
                label: ctx.t("survey-response-rate"),
                value: match r.response_rate {
                    Some(p) => format!("{p}% ({}/{})", r.responding, r.targeted),
                    None => "—".to_owned(),
                },
            },
            Fact {
                label: ctx.t("survey-responses"),
                value: r.responses.to_string(),
            },
        ],
        note,
        questions,
        footer: Some(format!("Majlis · {}", r.survey.row.title.text(ctx.locale))),
    }
}

/// `GET /api/v1/surveys/{slug}/results`
#[utoipa::path(get, path = "/api/v1/surveys/{slug}/results", tag = "surveys",
    summary = "A survey's results, with disclosure control",
    params(("slug" = String, Path, description = "The survey's slug.", example = "amman-2016-challenges"),
        ("by" = Option<String>, Query, description = "Break the figures down by `country`, `population` or `refugees`.")),
    responses(
        (status = 200, description = "The figures; counts below the network's threshold are `null`.", body = Results),
        (status = 400, description = "`by` not understood.", body = crate::web::openapi::ApiError),
        (status = 401, description = "The results are for members: sign in or send a token.", body = crate::web::openapi::ApiError),
        (status = 403, description = "The caller may not read these results.", body = crate::web::openapi::ApiError),
        (status = 404, description = "No survey with this slug, or no results yet.", body = crate::web::openapi::ApiError)))]
pub(super) async fn api_results(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Json<Results>, AppError> {
    Ok(Json(load(&state, &ctx, &slug).await?))
}

/// The results' part of the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(api_results))]
pub(super) struct ApiDoc;
