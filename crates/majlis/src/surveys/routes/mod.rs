//! Survey pages (`/surveys`), answering for a municipality, results as HTML
//! and JSON (`/api/v1/surveys/{slug}/results`), and the form as XLSForm.
//! A file per page or flow: `list`, `upload`, `survey` (its page, the
//! campaign form, links and reminders), `respond`, `link`, `results`,
//! `export`, `api` (one-request submissions with an API token).

use crate::app::Routes;
use crate::surveys::error::SurveyError;
use crate::web::{AppError, PageCtx};

/// The surveys' part of the API description.
pub fn api_doc() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    let mut doc = results::ApiDoc::openapi();
    doc.merge(api::ApiDoc::openapi());
    doc
}

pub fn routes() -> Routes {
    Routes::new()
        .get("/surveys", list::surveys_page)
        .get("/surveys/new", upload::new_survey_page)
        .post("/surveys/new", upload::new_survey)
        .get("/surveys/{slug}", survey::survey_page)
        .post("/surveys/{slug}/campaign", survey::save_campaign)
        .post("/surveys/{slug}/form", upload::replace_form)
        .get("/surveys/{slug}/preview", export::preview)
        .get("/surveys/{slug}/form.xlsx", export::form_xlsx)
        .get("/surveys/{slug}/answers.csv", export::answers_csv)
        .get("/surveys/{slug}/answers.xlsx", export::answers_xlsx)
        .get("/surveys/{slug}/results", results::results_page)
        .get("/surveys/{slug}/results.pdf", results::results_pdf)
        .get(
            "/surveys/{slug}/respond/{municipality}",
            respond::respond_page,
        )
        .post("/surveys/{slug}/respond/{municipality}", respond::save_page)
        .post(
            "/surveys/{slug}/respond/{municipality}/submit",
            respond::submit,
        )
        .get("/surveys/{slug}/link/{token}", link::link_page)
        .post("/surveys/{slug}/link/{token}", link::link_save)
        .post("/surveys/{slug}/link/{token}/submit", link::link_submit)
        .post("/surveys/{slug}/links", survey::send_link)
        .post("/surveys/{slug}/remind", survey::remind)
        .get("/api/v1/surveys/{slug}/results", results::api_results)
        .post(
            "/api/v1/surveys/{slug}/responses/{municipality}",
            api::submit_response,
        )
}

impl From<SurveyError> for AppError {
    fn from(e: SurveyError) -> Self {
        match e {
            SurveyError::Forbidden => AppError::Forbidden,
            SurveyError::SecondFactorRequired => AppError::TwoFactorRequired,
            SurveyError::NotFound => AppError::NotFound,
            SurveyError::NotAccepting => AppError::Forbidden,
            SurveyError::BadForm(_) => AppError::bad_request("form"),
            SurveyError::BadValue { field, .. } => AppError::bad_request(field),
            SurveyError::Answers(_) => AppError::bad_request("answers"),
            SurveyError::Db(e) => e.into(),
        }
    }
}

/// A campaign's window as pages show it, in the reader's language: from
/// the opening day to the last day it takes answers (the day before it
/// closes), collapsed ("1–14 March 2026").
pub(super) fn window(
    l: crate::i18n::Locale,
    opens: Option<chrono::DateTime<chrono::Utc>>,
    closes: Option<chrono::DateTime<chrono::Utc>>,
) -> String {
    let last = closes.map(|t| (t - chrono::Duration::seconds(1)).date_naive());
    match (opens.map(|t| t.date_naive()), last) {
        (Some(a), Some(b)) if a <= b => l.date_range(a, b),
        (Some(a), _) => format!("{} –", l.date(a)),
        (None, Some(b)) => format!("– {}", l.date(b)),
        (None, None) => String::new(),
    }
}

/// A date as forms write it (ISO, unambiguous in every language).
pub(super) fn day(t: &Option<chrono::DateTime<chrono::Utc>>) -> String {
    t.map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The form language a page speaks: the reader's, when the form has it.
pub(super) fn form_lang(form: &majlis_xlsform::Form, ctx: &PageCtx) -> Option<String> {
    crate::surveys::rules::form_language(form, ctx.lang()).map(str::to_owned)
}

mod api;
mod export;
mod link;
mod list;
mod respond;
mod results;
mod survey;
mod upload;
