//! `/cohesion/frameworks`: the frameworks and their versions (staff), and
//! `/cohesion/frameworks/new`: a framework file pasted or uploaded,
//! previewed (domains → indicators → items, and which indicators changed
//! since the previous version, so are not comparable), then saved as a new
//! version. A refused file shows the translated problem with its line and
//! field, and the form keeps what was typed.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;

use crate::app::AppState;
use crate::audit::origin_of;
use crate::cohesion::Direction;
use crate::cohesion::error::CohesionError;
use crate::cohesion::frameworks::{self, Change, FileProblem, MAX_FILE_BYTES, Preview};
use crate::cohesion::rules::FrameworkView;
use crate::web::extract::{ClientInfo, CsrfMultipart, RequireSignedIn, SmallFormError};
use crate::web::{AppError, PageCtx, Section, redirect, render};

struct ListRow {
    slug: String,
    version: i32,
    title: String,
    domains: usize,
    indicators: usize,
    items: usize,
}

#[derive(Template)]
#[template(path = "cohesion/templates/frameworks.html")]
struct ListPage {
    ctx: PageCtx,
    rows: Vec<ListRow>,
}

fn list_row(ctx: &PageCtx, f: &FrameworkView) -> ListRow {
    let d = &f.definition;
    ListRow {
        slug: f.slug.clone(),
        version: f.version,
        title: ctx.text(&f.title).to_owned(),
        domains: d.domain.len(),
        indicators: d.indicators().count(),
        items: d.items().count(),
    }
}

/// `GET /cohesion/frameworks`
pub(super) async fn list_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
) -> Result<Response, AppError> {
    let ctx = ctx.with_section(Section::Municipalities);
    let list = frameworks::list(state.db.read(), &me.actor).await?;
    let rows = list.iter().map(|f| list_row(&ctx, f)).collect();
    Ok(render(&ListPage { ctx, rows })?.into_response())
}

struct ItemView {
    question: String,
    text: String,
    direction: String,
    scale: &'static str,
    weight: String,
    instrument: String,
}

struct IndicatorView {
    key: String,
    name: String,
    weight: String,
    change: &'static str,
    items: Vec<ItemView>,
}

struct DomainView {
    key: String,
    name: String,
    weight: String,
    indicators: Vec<IndicatorView>,
}

struct PreviewView {
    slug: String,
    version: i32,
    title: String,
    previous: Option<i32>,
    changed: usize,
    domains: Vec<DomainView>,
    removed: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "cohesion/templates/framework_form.html")]
struct FormPage {
    ctx: PageCtx,
    source: String,
    problem: Option<String>,
    preview: Option<PreviewView>,
    max_kb: usize,
}

fn weight(w: f64) -> String {
    format!("{w}")
}

fn preview_view(ctx: &PageCtx, p: &Preview) -> PreviewView {
    let def = &p.file.definition;
    let domains = def
        .domain
        .iter()
        .map(|d| DomainView {
            key: d.key.clone(),
            name: ctx.text(&d.name).to_owned(),
            weight: weight(d.weight),
            indicators: d
                .indicator
                .iter()
                .map(|i| IndicatorView {
                    key: i.key.clone(),
                    name: ctx.text(&i.name).to_owned(),
                    weight: weight(i.weight),
                    change: p.change(&i.key).code(),
                    items: i
                        .item
                        .iter()
                        .map(|it| ItemView {
                            question: it.question.clone(),
                            text: ctx.text(&it.text).to_owned(),
                            direction: ctx.t(match it.direction {
                                Direction::Higher => "cohesion-fw-direction-higher",
                                Direction::Lower => "cohesion-fw-direction-lower",
                            }),
                            scale: it.scale.code(),
                            weight: weight(it.weight),
                            instrument: it.instrument.clone(),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    PreviewView {
        slug: p.file.slug.clone(),
        version: p.file.version,
        title: ctx.text(&p.file.title).to_owned(),
        previous: p.previous.as_ref().map(|f| f.version),
        changed: p
            .changes
            .iter()
            .filter(|(_, c)| *c == Change::Changed)
            .count(),
        domains,
        removed: p
            .removed
            .iter()
            .map(|(k, n)| (k.clone(), ctx.text(n).to_owned()))
            .collect(),
    }
}

/// A file's problem in the reader's language.
fn problem_text(ctx: &PageCtx, p: &FileProblem) -> String {
    ctx.locale.t_args(
        p.message,
        &[
            ("line", i64::try_from(p.line).unwrap_or(0).into()),
            ("field", p.field.clone().into()),
            ("latest", i64::from(p.latest).into()),
        ],
    )
}

fn form_page(
    ctx: PageCtx,
    source: String,
    problem: Option<String>,
    preview: Option<PreviewView>,
) -> Result<Response, AppError> {
    let status = if problem.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let page = FormPage {
        ctx: ctx.with_section(Section::Municipalities),
        source,
        problem,
        preview,
        max_kb: MAX_FILE_BYTES / 1024,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /cohesion/frameworks/new`
pub(super) async fn new_page(
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
) -> Result<Response, AppError> {
    frameworks::may_manage(&me.actor)?;
    form_page(ctx, String::new(), None, None)
}

/// `POST /cohesion/frameworks/new`: `action=preview` reads the file and
/// shows it; `action=save` reads it again and saves it as a new version.
/// The file comes from the upload field when one is chosen, else from the
/// text area.
pub(super) async fn submit(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    upload: CsrfMultipart,
) -> Result<Response, AppError> {
    frameworks::may_manage(&me.actor)?;
    let form = match upload.read_small(MAX_FILE_BYTES).await {
        Ok(f) => f,
        Err(SmallFormError::TooLarge) => {
            let p = ctx.t("cohesion-fw-error-too-large");
            return form_page(ctx, String::new(), Some(p), None);
        }
        Err(SmallFormError::Csrf) => return Err(AppError::Csrf),
        Err(SmallFormError::Malformed) => return Err(AppError::bad_request("form")),
    };
    let value = |name: &str| {
        form.values
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let source = match form.files.iter().find(|(name, _)| name == "file") {
        Some((_, bytes)) => match std::str::from_utf8(bytes) {
            Ok(t) => crate::web::input::clean(t).into_owned(),
            Err(_) => {
                let p = ctx.t("cohesion-fw-error-not-text");
                return form_page(ctx, value("source"), Some(p), None);
            }
        },
        None => value("source"),
    };
    if value("action") == "save" {
        let origin = origin_of(&me, &client);
        return match frameworks::save(&state.db, &origin, &me.actor, &source, Utc::now()).await {
            Ok(row) => Ok(redirect(
                format!(
                    "/cohesion/frameworks?saved={}&version={}#framework-{}-{}",
                    row.slug, row.version, row.slug, row.version
                ),
                &ctx,
            )),
            Err(CohesionError::BadFile(p)) => {
                let text = problem_text(&ctx, &p);
                form_page(ctx, source, Some(text), None)
            }
            Err(e) => Err(e.into()),
        };
    }
    match frameworks::preview(state.db.read(), &me.actor, &source).await {
        Ok(p) => {
            let view = preview_view(&ctx, &p);
            form_page(ctx, source, None, Some(view))
        }
        Err(CohesionError::BadFile(p)) => {
            let text = problem_text(&ctx, &p);
            form_page(ctx, source, Some(text), None)
        }
        Err(e) => Err(e.into()),
    }
}
