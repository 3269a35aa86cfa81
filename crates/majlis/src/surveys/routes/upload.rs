//! Uploading a form: `/surveys/new` starts a survey from an XLSForm,
//! `POST /surveys/{slug}/form` replaces a survey's form (a new version once
//! answers exist).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;

use crate::app::AppState;
use crate::audit::origin_of;
use crate::policy::Coordinator;
use crate::surveys::error::SurveyError;
use crate::surveys::rules::surveys::{self as rules, MAX_FORM_BYTES, Replaced, Upload};
use crate::surveys::rules::{self as base};
use crate::web::extract::{ClientInfo, CsrfMultipart, RequireRole, SmallFormError};
use crate::web::{AppError, PageCtx, Section, redirect, render};

#[derive(Template)]
#[template(path = "surveys/templates/upload.html")]
struct UploadPage {
    ctx: PageCtx,
    /// Where the form goes: `/surveys/new` or a survey's `/form`.
    action: String,
    /// The survey whose form is replaced, if any (slug, title).
    survey: Option<(String, String)>,
    message: Option<String>,
    problems: Vec<String>,
    max_mb: usize,
}

fn page(
    ctx: PageCtx,
    survey: Option<(String, String)>,
    message: Option<String>,
    problems: Vec<String>,
) -> Result<Response, AppError> {
    let ctx = ctx.with_section(Section::Surveys);
    let action = match &survey {
        Some((slug, _)) => format!("/surveys/{slug}/form"),
        None => "/surveys/new".to_owned(),
    };
    let status = if message.is_some() || !problems.is_empty() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let p = UploadPage {
        action,
        survey,
        message,
        problems,
        max_mb: MAX_FORM_BYTES / (1024 * 1024),
        ctx,
    };
    Ok((status, render(&p)?).into_response())
}

/// The uploaded file, or the page saying what is wrong with it.
async fn read_upload(upload: CsrfMultipart) -> Result<Upload, Result<&'static str, AppError>> {
    let form = match upload.read_small(MAX_FORM_BYTES).await {
        Ok(f) => f,
        Err(SmallFormError::TooLarge) => return Err(Ok("survey-error-too-large")),
        Err(SmallFormError::Csrf) => return Err(Err(AppError::Csrf)),
        Err(SmallFormError::Malformed) => return Err(Err(AppError::bad_request("form"))),
    };
    let bytes = form
        .files
        .into_iter()
        .find(|(name, _)| name == "form")
        .map(|(_, b)| b)
        .unwrap_or_default();
    Upload::sniff(bytes).map_err(|e| match e {
        SurveyError::BadValue { message, .. } => Ok(message),
        other => Err(other.into()),
    })
}

/// `GET /surveys/new`
pub(super) async fn new_survey_page(
    ctx: PageCtx,
    _staff: RequireRole<Coordinator>,
) -> Result<Response, AppError> {
    page(ctx, None, None, Vec::new())
}

/// `POST /surveys/new`
pub(super) async fn new_survey(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    upload: CsrfMultipart,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let file = match read_upload(upload).await {
        Ok(f) => f,
        Err(Ok(message)) => return page(ctx.clone(), None, Some(ctx.t(message)), Vec::new()),
        Err(Err(e)) => return Err(e),
    };
    let origin = origin_of(&me, &client);
    match rules::create(&state.db, &actor, &origin, file, ctx.locale, Utc::now()).await {
        Ok(s) => Ok(redirect(format!("/surveys/{}", s.row.slug), &ctx)),
        Err(SurveyError::BadForm(problems)) => page(
            ctx.clone(),
            None,
            Some(ctx.t("survey-error-form")),
            problems,
        ),
        Err(SurveyError::BadValue { message, .. }) => {
            page(ctx.clone(), None, Some(ctx.t(message)), Vec::new())
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /surveys/{slug}/form`
pub(super) async fn replace_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    upload: CsrfMultipart,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let survey = base::find(state.db.read(), &slug).await?;
    let named = Some((slug.clone(), survey.row.title.text(ctx.locale).to_owned()));
    let file = match read_upload(upload).await {
        Ok(f) => f,
        Err(Ok(message)) => return page(ctx.clone(), named, Some(ctx.t(message)), Vec::new()),
        Err(Err(e)) => return Err(e),
    };
    let origin = origin_of(&me, &client);
    match rules::replace_form(&state.db, &actor, &origin, &survey, file, Utc::now()).await {
        Ok(Replaced::InPlace(_)) => Ok(redirect(format!("/surveys/{slug}?saved=form"), &ctx)),
        Ok(Replaced::NewVersion(_)) => Ok(redirect(format!("/surveys/{slug}?saved=version"), &ctx)),
        Err(SurveyError::BadForm(problems)) => page(
            ctx.clone(),
            named,
            Some(ctx.t("survey-error-form")),
            problems,
        ),
        Err(e) => Err(e.into()),
    }
}
