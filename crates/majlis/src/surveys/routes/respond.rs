//! Answering for a municipality, one page at a time, without JavaScript:
//! `GET /surveys/{slug}/respond/{municipality}?page=N` shows a page (or
//! `?review=1` everything, to submit), `POST` saves the page after the
//! server has checked it, `POST …/submit` submits.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use majlis_xlsform::{Answers, Evaluation};

use crate::app::AppState;
use crate::audit::origin_of;
use crate::surveys::error::{AnswerProblem, SurveyError};
use crate::surveys::pages::{self, Input, ShownEntry, Speech};
use crate::surveys::rules::answering::{self, Respondent};
use crate::web::extract::{ClientInfo, CsrfForm, RequireSignedIn};
use crate::web::{AppError, PageCtx, Section, redirect, render};

/// A link to another page of the response.
struct Step {
    href: String,
}

#[derive(Template)]
#[template(path = "surveys/templates/respond.html")]
struct RespondPage {
    ctx: PageCtx,
    slug: String,
    title: String,
    municipality: String,
    municipality_slug: String,
    page: usize,
    /// Position among the pages shown (1-based) and how many are shown.
    position: usize,
    shown_pages: usize,
    group_label: String,
    entries: Vec<ShownEntry>,
    back: Option<Step>,
    read_only: bool,
    submitted: bool,
    notice: Option<String>,
    problems: Vec<(String, String)>,
    content_lang: String,
    content_dir: &'static str,
    synthetic: bool,
}

impl RespondPage {
    fn html_type(&self, e: &ShownEntry) -> &'static str {
        match e.input {
            Input::Date => "date",
            Input::Range { .. } => "number",
            _ => "text",
        }
    }
    fn input_mode(&self, e: &ShownEntry) -> Option<&'static str> {
        match e.input {
            Input::Whole => Some("numeric"),
            Input::Number => Some("decimal"),
            _ => None,
        }
    }
    fn range(&self, e: &ShownEntry) -> Option<(String, String, String)> {
        match e.input {
            Input::Range { min, max, step } => {
                Some((min.to_string(), max.to_string(), step.to_string()))
            }
            _ => None,
        }
    }
}

/// One answered question as the review lists it.
struct Answered {
    label: String,
    value: String,
}

/// A page as the review lists it.
struct ReviewSection {
    page: usize,
    label: String,
    answers: Vec<Answered>,
}

#[derive(Template)]
#[template(path = "surveys/templates/review.html")]
struct ReviewPage {
    ctx: PageCtx,
    slug: String,
    title: String,
    municipality: String,
    municipality_slug: String,
    sections: Vec<ReviewSection>,
    problems: Vec<(String, String, usize)>,
    read_only: bool,
    submitted: bool,
    has_draft: bool,
    notice: Option<String>,
    content_lang: String,
    content_dir: &'static str,
}

/// The form language, its code and direction for the reader.
fn speech(r: &Respondent, ctx: &PageCtx) -> (Option<String>, String, &'static str) {
    let lang = super::form_lang(&r.form, ctx);
    let code = match &lang {
        Some(_) => ctx.lang().to_owned(),
        None => r
            .form
            .settings
            .default_language
            .as_deref()
            .and_then(|d| r.form.language(d))
            .and_then(|l| l.code.clone())
            .unwrap_or_else(|| "en".to_owned()),
    };
    let dir = if matches!(code.as_str(), "ar" | "fa" | "he" | "ur" | "ckb") {
        "rtl"
    } else {
        "ltr"
    };
    (lang, code, dir)
}

fn problem_text(ctx: &PageCtx, p: &AnswerProblem) -> String {
    p.message.clone().unwrap_or_else(|| ctx.t(p.kind))
}

fn base_url(slug: &str, municipality: &str) -> String {
    format!("/surveys/{slug}/respond/{municipality}")
}

#[allow(clippy::too_many_arguments)]
fn show_page(
    ctx: PageCtx,
    r: &Respondent,
    page: usize,
    eval: &Evaluation,
    typed: &BTreeMap<String, String>,
    problems: &[AnswerProblem],
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let ctx = ctx.with_section(Section::Surveys);
    let all = r.pages();
    let Some(p) = all.get(page) else {
        return Err(AppError::NotFound);
    };
    let (lang, code, dir) = speech(r, &ctx);
    let today = Utc::now().date_naive();
    let sp = Speech {
        language: lang.as_deref(),
        today,
    };
    let by_name: BTreeMap<String, String> = problems
        .iter()
        .map(|p| (p.question.clone(), problem_text(&ctx, p)))
        .collect();
    let entries = pages::show(&r.form, p, eval, typed, &by_name, &sp);
    let shown: Vec<usize> = (0..all.len()).filter(|&i| all[i].shown(eval)).collect();
    let position = shown.iter().position(|&i| i == page).map_or(1, |i| i + 1);
    let url = base_url(&r.survey.row.slug, &r.municipality.slug);
    let back = pages::previous_shown(&all, eval, page).map(|b| Step {
        href: format!("{url}?page={b}&lang={}", ctx.lang()),
    });
    let labels: Vec<(String, String)> = entries
        .iter()
        .filter_map(|e| {
            by_name
                .get(&e.name)
                .map(|m| (e.name.clone(), format!("{}: {m}", e.label)))
        })
        .collect();
    let view = RespondPage {
        slug: r.survey.row.slug.clone(),
        title: r.survey.row.title.text(ctx.locale).to_owned(),
        municipality: r.municipality.name.text(ctx.locale).to_owned(),
        municipality_slug: r.municipality.slug.clone(),
        page,
        position,
        shown_pages: shown.len().max(1),
        group_label: p
            .group
            .and_then(|g| g.label.get(lang.as_deref(), &r.form))
            .unwrap_or_default()
            .to_owned(),
        entries,
        back,
        read_only: !r.survey.accepting(Utc::now()),
        submitted: r.submitted(),
        notice,
        problems: labels,
        content_lang: code,
        content_dir: dir,
        synthetic: r.survey.row.synthetic,
        ctx,
    };
    Ok((status, render(&view)?).into_response())
}

fn review(
    ctx: PageCtx,
    r: &Respondent,
    problems: &[AnswerProblem],
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let ctx = ctx.with_section(Section::Surveys);
    let (lang, code, dir) = speech(r, &ctx);
    let today = Utc::now().date_naive();
    let working = r.working();
    let eval = r.evaluate(&working, lang.as_deref(), today);
    let sp = Speech {
        language: lang.as_deref(),
        today,
    };
    let all = r.pages();
    let mut sections = Vec::new();
    for (i, p) in all.iter().enumerate() {
        if !p.shown(&eval) {
            continue;
        }
        let entries = pages::show(&r.form, p, &eval, &BTreeMap::new(), &BTreeMap::new(), &sp);
        let answers = entries
            .iter()
            .filter(|e| !e.heading && e.input != Input::Note)
            .map(|e| Answered {
                label: e.label.clone(),
                value: shown_value(e),
            })
            .collect();
        sections.push(ReviewSection {
            page: i,
            label: p
                .group
                .and_then(|g| g.label.get(lang.as_deref(), &r.form))
                .unwrap_or_default()
                .to_owned(),
            answers,
        });
    }
    let problems = problems
        .iter()
        .map(|p| {
            let label = r
                .form
                .question(&p.question)
                .and_then(|q| q.label.get(lang.as_deref(), &r.form))
                .unwrap_or(&p.question)
                .to_owned();
            (
                label,
                problem_text(&ctx, p),
                pages::page_of(&all, &p.question).unwrap_or(0),
            )
        })
        .collect();
    let view = ReviewPage {
        slug: r.survey.row.slug.clone(),
        title: r.survey.row.title.text(ctx.locale).to_owned(),
        municipality: r.municipality.name.text(ctx.locale).to_owned(),
        municipality_slug: r.municipality.slug.clone(),
        sections,
        problems,
        read_only: !r.survey.accepting(Utc::now()),
        submitted: r.submitted(),
        has_draft: r.has_draft(),
        notice,
        content_lang: code,
        content_dir: dir,
        ctx,
    };
    Ok((status, render(&view)?).into_response())
}

/// An answer as the review prints it: choice labels for selects.
fn shown_value(e: &ShownEntry) -> String {
    match e.input {
        Input::One | Input::Many => e
            .choices
            .iter()
            .filter(|c| c.picked)
            .map(|c| c.label.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        _ => e.value.clone(),
    }
}

/// `GET /surveys/{slug}/respond/{municipality}`
pub(super) async fn respond_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
    Path((slug, municipality)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let r = answering::open(state.db.read(), &me.actor(), &slug, &municipality).await?;
    let notice = match ctx.param("saved") {
        "" => None,
        "submitted" => Some(ctx.t("survey-submitted")),
        _ => Some(ctx.t("survey-draft-saved")),
    };
    if !ctx.param("review").is_empty() {
        return review(ctx, &r, &[], notice, StatusCode::OK);
    }
    let (lang, _, _) = speech(&r, &ctx);
    let working = r.working();
    let eval = r.evaluate(&working, lang.as_deref(), Utc::now().date_naive());
    let all = r.pages();
    let wanted: usize = match ctx.param("page") {
        "" => 0,
        p => p.parse().map_err(|_| AppError::bad_request("page"))?,
    };
    if wanted >= all.len() {
        return Err(AppError::NotFound);
    }
    match pages::next_shown(&all, &eval, wanted) {
        Some(p) => show_page(
            ctx,
            &r,
            p,
            &eval,
            &BTreeMap::new(),
            &[],
            notice,
            StatusCode::OK,
        ),
        None => review(ctx, &r, &[], notice, StatusCode::OK),
    }
}

/// What a page's form sent, by question (`q.<name>` fields).
fn posted(pairs: &[(String, String)]) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (k, v) in pairs {
        if let Some(name) = k.strip_prefix("q.") {
            out.entry(name.to_owned()).or_default().push(v.clone());
        }
    }
    out
}

/// `POST /surveys/{slug}/respond/{municipality}?page=N`
pub(super) async fn save_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
    Path((slug, municipality)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let r = answering::open(state.db.read(), &actor, &slug, &municipality).await?;
    let page: usize = ctx
        .param("page")
        .parse()
        .map_err(|_| AppError::bad_request("page"))?;
    let all = r.pages();
    if page >= all.len() {
        return Err(AppError::NotFound);
    }
    let (lang, _, _) = speech(&r, &ctx);
    let now = Utc::now();
    let given = posted(&pairs);
    let go = pairs
        .iter()
        .find(|(k, _)| k == "go")
        .map(|(_, v)| v.as_str())
        .unwrap_or("next");
    let url = base_url(&slug, &municipality);
    match answering::save_page(&state.db, &actor, &r, page, &given, lang.as_deref(), now).await {
        Ok(saved) => {
            let eval = r.evaluate(&saved, lang.as_deref(), now.date_naive());
            let target = match go {
                "stay" => format!("{url}?page={page}&saved=1"),
                "back" => match pages::previous_shown(&all, &eval, page) {
                    Some(b) => format!("{url}?page={b}"),
                    None => format!("{url}?page={page}"),
                },
                _ => match pages::next_shown(&all, &eval, page + 1) {
                    Some(n) => format!("{url}?page={n}"),
                    None => format!("{url}?review=1"),
                },
            };
            Ok(redirect(target, &ctx))
        }
        Err(SurveyError::Answers(problems)) => {
            // Show what was typed, beside the messages; nothing was stored.
            let typed: Answers = answering::merge_page(&r.form, &all[page], r.working(), &given);
            let eval = r.evaluate(&typed, lang.as_deref(), now.date_naive());
            let shown: BTreeMap<String, String> = given
                .iter()
                .map(|(k, v)| (k.clone(), v.join(" ")))
                .collect();
            show_page(
                ctx,
                &r,
                page,
                &eval,
                &shown,
                &problems,
                None,
                StatusCode::BAD_REQUEST,
            )
        }
        Err(SurveyError::NotAccepting) => {
            let working = r.working();
            let eval = r.evaluate(&working, lang.as_deref(), now.date_naive());
            let notice = Some(ctx.t("survey-not-accepting"));
            show_page(
                ctx,
                &r,
                page,
                &eval,
                &BTreeMap::new(),
                &[],
                notice,
                StatusCode::CONFLICT,
            )
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /surveys/{slug}/respond/{municipality}/submit`
pub(super) async fn submit(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path((slug, municipality)): Path<(String, String)>,
    CsrfForm(_pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let r = answering::open(state.db.read(), &actor, &slug, &municipality).await?;
    let (lang, _, _) = speech(&r, &ctx);
    let origin = origin_of(&me, &client);
    match answering::submit(&state.db, &actor, &origin, &r, lang.as_deref(), Utc::now()).await {
        Ok(()) => Ok(redirect(
            format!(
                "{}?review=1&saved=submitted",
                base_url(&slug, &municipality)
            ),
            &ctx,
        )),
        Err(SurveyError::Answers(problems)) => {
            review(ctx, &r, &problems, None, StatusCode::BAD_REQUEST)
        }
        Err(SurveyError::NotAccepting) => {
            let notice = Some(ctx.t("survey-not-accepting"));
            review(ctx, &r, &[], notice, StatusCode::CONFLICT)
        }
        Err(e) => Err(e.into()),
    }
}
