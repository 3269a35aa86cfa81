//! Answering, one page at a time, without JavaScript, for a municipality
//! (`/surveys/{slug}/respond/{municipality}`, its focal point or staff; the
//! personal links' handlers are in `link.rs`, on the same flow): `GET …?page=N` shows a page (or `?review=1` everything, to
//! submit), `POST` saves the page after the server has checked it,
//! `POST …/submit` submits.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use majlis_xlsform::{Answers, Evaluation};

use crate::app::AppState;
use crate::audit::Origin;
use crate::audit::origin_of;
use crate::policy::{Actor, Client, SignedIn};
use crate::surveys::error::{AnswerProblem, SurveyError};
use crate::surveys::pages::{self, Input, ShownEntry, Speech};
use crate::surveys::rules::answering::Answerer;
use crate::surveys::rules::answering::{self, Respondent};
use crate::web::extract::{ClientInfo, CsrfForm, RequireSignedIn, form_csrf};
use crate::web::{AppError, PageCtx, Section, form_response, redirect, render};
use axum::http::HeaderMap;
use axum::response::Html;

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
    /// Who answers: the municipality, or the link's respondent.
    who: String,
    /// The response's address (`…/respond/{municipality}` or `…/link/{token}`).
    base: String,
    csrf: String,
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
    who: String,
    base: String,
    csrf: String,
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

/// How a respondent reached the response, and what its pages need for that:
/// the address, the anti-forgery token, who acts and from where.
pub(super) struct Access {
    who: String,
    base: String,
    csrf: String,
    /// A visitor's new token, to set as a cookie with the page.
    new_csrf: bool,
    /// A personal link: its address is a secret (kept out of `Referer`).
    secret: bool,
    settings: std::sync::Arc<crate::config::Settings>,
    actor: Option<Actor>,
    origin: Origin,
}

impl Access {
    fn respond(&self, status: StatusCode, html: Html<String>) -> Response {
        form_response(
            &self.settings,
            status,
            html,
            self.new_csrf.then_some(self.csrf.as_str()),
            self.secret,
        )
    }
}

/// A focal point (or staff) answering for a municipality.
fn member_access(
    state: &AppState,
    ctx: &PageCtx,
    me: &SignedIn,
    client: &Client,
    r: &Respondent,
) -> Access {
    Access {
        who: r
            .who
            .municipality()
            .map(|m| m.name.text(ctx.locale).to_owned())
            .unwrap_or_default(),
        base: format!(
            "/surveys/{}/respond/{}",
            r.survey.row.slug,
            r.who
                .municipality()
                .map(|m| m.slug.as_str())
                .unwrap_or_default()
        ),
        csrf: me.csrf_token.clone(),
        new_csrf: false,
        secret: false,
        settings: state.settings.clone(),
        actor: Some(me.actor()),
        origin: origin_of(me, client),
    }
}

/// A named respondent through a personal link (signed in or not).
pub(super) fn link_access(
    state: &AppState,
    ctx: &PageCtx,
    headers: &HeaderMap,
    client: &Client,
    r: &Respondent,
    token: &str,
) -> Access {
    let (csrf, new_csrf) = form_csrf(ctx, headers, &state.settings);
    let name = match &r.who {
        Answerer::Link(l, _) => l.name.clone(),
        Answerer::Municipality(m) => m.name.text(ctx.locale).to_owned(),
    };
    Access {
        who: name,
        base: format!("/surveys/{}/link/{token}", r.survey.row.slug),
        csrf,
        new_csrf,
        secret: true,
        settings: state.settings.clone(),
        actor: ctx.actor().cloned(),
        origin: Origin {
            actor_id: ctx.actor().map(|a| a.person_id),
            ip: client.ip.clone(),
        },
    }
}

#[allow(clippy::too_many_arguments)]
fn show_page(
    ctx: PageCtx,
    access: &Access,
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
    let url = &access.base;
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
        who: access.who.clone(),
        base: access.base.clone(),
        csrf: access.csrf.clone(),
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
    Ok(access.respond(status, render(&view)?))
}

fn review(
    ctx: PageCtx,
    access: &Access,
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
        who: access.who.clone(),
        base: access.base.clone(),
        csrf: access.csrf.clone(),
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
    Ok(access.respond(status, render(&view)?))
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

/// Show a page of the response (`?page=N`) or the review (`?review=1`).
pub(super) fn page_or_review(
    ctx: PageCtx,
    access: &Access,
    r: &Respondent,
) -> Result<Response, AppError> {
    let notice = match ctx.param("saved") {
        "" => None,
        "submitted" => Some(ctx.t("survey-submitted")),
        _ => Some(ctx.t("survey-draft-saved")),
    };
    if !ctx.param("review").is_empty() {
        return review(ctx, access, r, &[], notice, StatusCode::OK);
    }
    let (lang, _, _) = speech(r, &ctx);
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
            access,
            r,
            p,
            &eval,
            &BTreeMap::new(),
            &[],
            notice,
            StatusCode::OK,
        ),
        None => review(ctx, access, r, &[], notice, StatusCode::OK),
    }
}

/// Save the page `?page=N` from the posted form, then go on.
pub(super) async fn save(
    state: &AppState,
    ctx: PageCtx,
    access: &Access,
    r: &Respondent,
    pairs: &[(String, String)],
) -> Result<Response, AppError> {
    let page: usize = ctx
        .param("page")
        .parse()
        .map_err(|_| AppError::bad_request("page"))?;
    let all = r.pages();
    if page >= all.len() {
        return Err(AppError::NotFound);
    }
    let (lang, _, _) = speech(r, &ctx);
    let now = Utc::now();
    let given = posted(pairs);
    let go = pairs
        .iter()
        .find(|(k, _)| k == "go")
        .map(|(_, v)| v.as_str())
        .unwrap_or("next");
    let url = &access.base;
    let saved = answering::save_page(
        &state.db,
        access.actor.as_ref(),
        r,
        page,
        &given,
        lang.as_deref(),
        now,
    )
    .await;
    match saved {
        Ok((_, eval)) => {
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
            let typed: Answers = answering::merge_page(&all[page], r.working(), &given);
            let eval = r.evaluate(&typed, lang.as_deref(), now.date_naive());
            let shown: BTreeMap<String, String> = given
                .iter()
                .map(|(k, v)| (k.clone(), v.join(" ")))
                .collect();
            let status = StatusCode::BAD_REQUEST;
            show_page(ctx, access, r, page, &eval, &shown, &problems, None, status)
        }
        Err(SurveyError::NotAccepting) => {
            let working = r.working();
            let eval = r.evaluate(&working, lang.as_deref(), now.date_naive());
            let notice = Some(ctx.t("survey-not-accepting"));
            let empty = BTreeMap::new();
            show_page(
                ctx,
                access,
                r,
                page,
                &eval,
                &empty,
                &[],
                notice,
                StatusCode::CONFLICT,
            )
        }
        Err(e) => Err(e.into()),
    }
}

/// Submit the response.
pub(super) async fn submit_response(
    state: &AppState,
    ctx: PageCtx,
    access: &Access,
    r: &Respondent,
) -> Result<Response, AppError> {
    let (lang, _, _) = speech(r, &ctx);
    let done = answering::submit(
        &state.db,
        access.actor.as_ref(),
        &access.origin,
        r,
        lang.as_deref(),
        Utc::now(),
    )
    .await;
    match done {
        Ok(()) => Ok(redirect(
            format!("{}?review=1&saved=submitted", access.base),
            &ctx,
        )),
        Err(SurveyError::Answers(problems)) => {
            review(ctx, access, r, &problems, None, StatusCode::BAD_REQUEST)
        }
        Err(SurveyError::NotAccepting) => {
            let notice = Some(ctx.t("survey-not-accepting"));
            review(ctx, access, r, &[], notice, StatusCode::CONFLICT)
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /surveys/{slug}/respond/{municipality}`
pub(super) async fn respond_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path((slug, municipality)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let r = answering::open(state.db.read(), &me.actor(), &slug, &municipality).await?;
    let access = member_access(&state, &ctx, &me, &client, &r);
    page_or_review(ctx, &access, &r)
}

/// `POST /surveys/{slug}/respond/{municipality}?page=N`
pub(super) async fn save_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path((slug, municipality)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let r = answering::open(state.db.read(), &me.actor(), &slug, &municipality).await?;
    let access = member_access(&state, &ctx, &me, &client, &r);
    save(&state, ctx, &access, &r, &pairs).await
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
    let r = answering::open(state.db.read(), &me.actor(), &slug, &municipality).await?;
    let access = member_access(&state, &ctx, &me, &client, &r);
    submit_response(&state, ctx, &access, &r).await
}
