//! One-request submissions, as survey tools send a filled form (ODK and
//! Kobo submit a whole form at once):
//! `POST /api/v1/surveys/{slug}/responses/{municipality}` with a personal
//! API token (`Authorization: Bearer …`) and the body
//! `{"answers": {name: value}, "submit": true}`. The same rules as the
//! pages decide (`answering::answer_all`); the refusals are JSON in the
//! caller's language.

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::accounts::routes::ApiCaller;
use crate::app::AppState;
use crate::audit::Origin;
use crate::surveys::error::SurveyError;
use crate::surveys::rules::answering;
use crate::web::extract::ClientInfo;
use crate::web::{AppError, PageCtx};

/// What a survey tool sends.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct Submission {
    /// Question name → value: a string as ODK carries it (a
    /// `select_multiple` as space-separated choice names, dates
    /// `YYYY-MM-DD`); numbers and booleans are taken as their text.
    #[schema(value_type = BTreeMap<String, Object>)]
    answers: BTreeMap<String, serde_json::Value>,
    /// Submit (everything checked, counted in the results), or keep as the
    /// response's draft.
    #[serde(default = "yes")]
    #[schema(default = true)]
    submit: bool,
}

fn yes() -> bool {
    true
}

/// The response stored.
#[derive(Serialize, ToSchema)]
struct Stored {
    id: i32,
    submitted: bool,
}

/// Answers refused (nothing stored), or a campaign that takes none.
#[derive(Serialize, ToSchema)]
struct Refusal {
    /// `answers-refused`.
    code: &'static str,
    message: String,
    errors: Vec<Refused>,
}

/// One answer refused: the question's name and why.
#[derive(Serialize, ToSchema)]
struct Refused {
    name: String,
    message: String,
}

/// `POST /api/v1/surveys/{slug}/responses/{municipality}`: 201 with the
/// response's id once submitted (200 for a draft); 422 with one message per
/// refused answer, nothing stored; 409 when the campaign takes no answers;
/// 403 for a municipality the token's person does not answer for.
#[utoipa::path(post, path = "/api/v1/surveys/{slug}/responses/{municipality}", tag = "surveys",
    summary = "Answer a survey for a municipality in one request",
    params(("slug" = String, Path, description = "The survey's slug.", example = "amman-2016-challenges"),
        ("municipality" = String, Path, description = "The answering municipality's slug.", example = "amman")),
    request_body(content = Submission, content_type = "application/json"),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Submitted: counted in the results.", body = Stored),
        (status = 200, description = "Kept as the response's draft.", body = Stored),
        (status = 400, description = "The body is not a submission.", body = crate::web::openapi::ApiError),
        (status = 401, description = "No valid API token.", body = crate::web::openapi::ApiError),
        (status = 403, description = "The token's person does not answer for this municipality.", body = crate::web::openapi::ApiError),
        (status = 404, description = "No such survey or municipality among those asked.", body = crate::web::openapi::ApiError),
        (status = 409, description = "The campaign takes no answers now.", body = crate::web::openapi::ApiError),
        (status = 422, description = "Answers refused, one message each; nothing stored.", body = Refusal)))]
pub(super) async fn submit_response(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    caller: Option<axum::Extension<ApiCaller>>,
    Path((slug, municipality)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let Some(axum::Extension(ApiCaller(caller))) = caller else {
        return Err(AppError::SignInRequired);
    };
    let sent: Submission =
        serde_json::from_slice(&body).map_err(|_| AppError::bad_request("body"))?;
    let mut given = BTreeMap::new();
    let mut bad = Vec::new();
    for (name, value) in sent.answers {
        match value {
            serde_json::Value::String(s) => {
                given.insert(name, s);
            }
            serde_json::Value::Number(n) => {
                given.insert(name, n.to_string());
            }
            serde_json::Value::Bool(b) => {
                given.insert(name, b.to_string());
            }
            serde_json::Value::Null => {}
            _ => bad.push(Refused {
                message: ctx.t("survey-api-not-text"),
                name,
            }),
        }
    }
    let actor = caller.actor();
    let r = answering::open(state.db.read(), &actor, &slug, &municipality).await?;
    if !bad.is_empty() {
        return Ok(refusal(&ctx, bad));
    }
    let language = super::form_lang(&r.form, &ctx);
    let origin = Origin {
        actor_id: Some(caller.person.id),
        ip: client.ip.clone(),
    };
    let done = answering::answer_all(
        &state.db,
        &actor,
        &origin,
        &r,
        &given,
        sent.submit,
        language.as_deref(),
        Utc::now(),
    )
    .await;
    match done {
        Ok(id) => {
            let status = if sent.submit {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            };
            let stored = Stored {
                id,
                submitted: sent.submit,
            };
            Ok((status, Json(stored)).into_response())
        }
        Err(SurveyError::Answers(problems)) => Ok(refusal(
            &ctx,
            problems
                .into_iter()
                .map(|p| Refused {
                    message: p.message.unwrap_or_else(|| ctx.t(p.kind)),
                    name: p.question,
                })
                .collect(),
        )),
        Err(SurveyError::NotAccepting) => {
            let body = serde_json::json!({
                "code": "not-accepting",
                "message": ctx.t("survey-not-accepting"),
            });
            Ok((StatusCode::CONFLICT, Json(body)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// 422: what was refused, question by question; nothing was stored.
fn refusal(ctx: &PageCtx, errors: Vec<Refused>) -> Response {
    let body = Refusal {
        code: "answers-refused",
        message: ctx.t("survey-api-refused"),
        errors,
    };
    (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
}

/// The submission's part of the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(submit_response))]
pub(super) struct ApiDoc;
