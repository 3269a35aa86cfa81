//! The form itself: `GET /surveys/{slug}/preview` (every page at once, in
//! any language the form has, with the conditions spelled out for the
//! coordinator) and `GET /surveys/{slug}/form.xlsx` (the XLSForm again).

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use chrono::Utc;

use crate::app::AppState;
use crate::policy::Coordinator;
use crate::surveys::pages::{self, ShownEntry, Speech};
use crate::surveys::rules::{self as base, current_form};
use crate::web::extract::RequireRole;
use crate::web::{AppError, PageCtx, Section, render};

/// A page of the preview.
struct PreviewSection {
    label: String,
    entries: Vec<(ShownEntry, Option<String>)>,
}

#[derive(Template)]
#[template(path = "surveys/templates/preview.html")]
struct PreviewPage {
    ctx: PageCtx,
    slug: String,
    title: String,
    /// The form's languages: name, code; and the one shown.
    languages: Vec<(String, String)>,
    shown: String,
    content_lang: String,
    content_dir: &'static str,
    sections: Vec<PreviewSection>,
}

/// `GET /surveys/{slug}/preview[?form_lang=NAME]`
pub(super) async fn preview(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Html<String>, AppError> {
    let ctx = ctx.with_section(Section::Surveys);
    let db = state.db.read();
    let survey = base::readable(db, ctx.actor(), &slug).await?;
    let (_, form) = current_form(db, survey.row.id).await?;
    let wanted = ctx.param("form_lang");
    let language = form
        .languages
        .iter()
        .find(|l| l.name == wanted)
        .map(|l| l.name.clone())
        .or_else(|| super::form_lang(&form, &ctx))
        .or_else(|| form.settings.default_language.clone());
    let code = language
        .as_deref()
        .and_then(|n| form.language(n))
        .and_then(|l| l.code.clone())
        .unwrap_or_else(|| "en".to_owned());
    let sp = Speech {
        language: language.as_deref(),
        today: Utc::now().date_naive(),
    };
    // Everything shown: an evaluation where every item is relevant.
    let mut eval = form.evaluate(
        &BTreeMap::new(),
        &majlis_xlsform::Context {
            language: language.as_deref(),
            today: sp.today,
        },
    );
    for v in eval.relevant.values_mut() {
        *v = true;
    }
    let sections = pages::pages(&form)
        .iter()
        .map(|p| {
            let shown = pages::show(&form, p, &eval, &BTreeMap::new(), &BTreeMap::new(), &sp);
            PreviewSection {
                label: p
                    .group
                    .and_then(|g| g.label.get(language.as_deref(), &form))
                    .unwrap_or_default()
                    .to_owned(),
                entries: shown
                    .into_iter()
                    .map(|e| {
                        let cond = form
                            .question(&e.name)
                            .and_then(|q| q.relevant.as_ref())
                            .map(|r| r.source.clone());
                        (e, cond)
                    })
                    .collect(),
            }
        })
        .collect();
    render(&PreviewPage {
        slug: survey.row.slug.clone(),
        title: survey.row.title.text(ctx.locale).to_owned(),
        languages: form
            .languages
            .iter()
            .map(|l| (l.name.clone(), l.code.clone().unwrap_or_default()))
            .collect(),
        shown: language.unwrap_or_default(),
        content_dir: if code == "ar" { "rtl" } else { "ltr" },
        content_lang: code,
        sections,
        ctx,
    })
}

/// `GET /surveys/{slug}/form.xlsx`: the form as uploaded (a workbook), or
/// written as one.
pub(super) async fn form_xlsx(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let db = state.db.read();
    let survey = base::readable(db, ctx.actor(), &slug).await?;
    let (row, form) = current_form(db, survey.row.id).await?;
    let bytes = if row.source_kind == "xlsx" {
        row.source
    } else {
        form.to_workbook()
            .to_xlsx()
            .map_err(|e| AppError::Internal(anyhow::anyhow!("writing the workbook: {e}")))?
    };
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{slug}-v{}.xlsx\"", row.number),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// The answers' file: CSV or XLSX, with choice names, or with labels in the
/// reader's language (`?labels=1`) when the form has it.
async fn answers_file(
    state: &AppState,
    ctx: &PageCtx,
    me: &crate::policy::SignedIn,
    slug: &str,
    xlsx: bool,
) -> Result<Response, AppError> {
    let db = state.db.read();
    let labels = if ctx.param("labels").is_empty() {
        None
    } else {
        let (_, form) = current_form(db, base::find(db, slug).await?.row.id).await?;
        super::form_lang(&form, ctx).or(form.settings.default_language.clone())
    };
    let (_, table) = crate::surveys::rules::export::answers(
        db,
        &me.actor(),
        slug,
        labels.as_deref(),
        ctx.locale,
    )
    .await?;
    let (bytes, kind, ext) = if xlsx {
        (
            table
                .to_xlsx()
                .map_err(|e| AppError::Internal(anyhow::anyhow!("writing the answers: {e}")))?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        )
    } else {
        (
            table
                .to_csv()
                .map_err(|e| AppError::Internal(anyhow::anyhow!("writing the answers: {e}")))?,
            "text/csv; charset=utf-8",
            "csv",
        )
    };
    Ok((
        [
            (header::CONTENT_TYPE, kind.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{slug}-answers.{ext}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}

/// `GET /surveys/{slug}/answers.csv`
pub(super) async fn answers_csv(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    answers_file(&state, &ctx, &me, &slug, false).await
}

/// `GET /surveys/{slug}/answers.xlsx`
pub(super) async fn answers_xlsx(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    answers_file(&state, &ctx, &me, &slug, true).await
}
