//! Evidence for a wave's municipal questionnaire:
//! `POST /municipalities/{slug}/cohesion/waves/{number}/evidence` (a
//! multipart form: the question, or none for the whole response, and one
//! document, checked by content and size by the library's uploads) and
//! `GET …/evidence/{id}`, the document for the municipality's people and
//! staff; `POST …/evidence/{id}/remove` removes one (the policy decides
//! who, `RemoveCohesionEvidence`). Bad input: the waves page again, the
//! question chosen kept.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;

use super::waves::{evidence_limits, page};
use crate::app::AppState;
use crate::audit::origin_of;
use crate::cohesion::error::CohesionError;
use crate::cohesion::evidence;
use crate::cohesion::waves::{self, Typed};
use crate::library::files;
use crate::library::practices::FieldError;
use crate::web::extract::{ClientInfo, CsrfForm, CsrfMultipart, RequireSignedIn};
use crate::web::{AppError, PageCtx, Section, redirect, render};

/// `POST /municipalities/{slug}/cohesion/waves/{number}/evidence`
pub(super) async fn attach(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path((slug, number)): Path<(String, i32)>,
    upload: CsrfMultipart,
) -> Result<Response, AppError> {
    let ctx = ctx.with_section(Section::Municipalities);
    let now = Utc::now();
    // Who may not run its waves is refused before any file is read.
    waves::waves(state.db.read(), Some(&me.actor), &slug, now).await?;
    let form = files::read_form(&state.uploads, &state.db, upload).await?;
    let question = form.get("evidence_question").trim().to_owned();
    let file = form
        .files
        .iter()
        .find(|(field, _, _)| field == "evidence_file");
    let refused = form
        .refused
        .iter()
        .find(|(field, _)| field == "evidence_file")
        .map(|(_, message)| *message);
    let errors = match (file, refused) {
        (_, Some(message)) => vec![FieldError {
            field: "evidence_file",
            message,
        }],
        (None, None) => vec![FieldError {
            field: "evidence_file",
            message: "cohesion-evidence-error-none",
        }],
        (Some((_, name, stored)), None) => {
            let origin = origin_of(&me, &client);
            match evidence::attach(
                &state.db,
                &origin,
                &me.actor,
                &slug,
                number,
                &question,
                (name.as_str(), stored),
                now,
            )
            .await
            {
                Ok(_) => {
                    let to = format!(
                        "/municipalities/{slug}/cohesion/waves?attached={number}#municipal-{number}"
                    );
                    return Ok(redirect(to, &ctx));
                }
                Err(CohesionError::BadValues(errors)) => errors,
                Err(e) => return Err(e.into()),
            }
        }
    };
    let w = waves::waves(state.db.read(), Some(&me.actor), &slug, now).await?;
    let limits = evidence_limits(&state, &ctx).await?;
    let messages: Vec<(String, String)> = errors
        .iter()
        .map(|e| (e.field.to_owned(), ctx.t(e.message)))
        .collect();
    let mut page = page(ctx, w, Typed::default(), &[]);
    page.evidence_errors = messages;
    page.evidence_for = (number, question);
    page.evidence_limits = limits;
    let html = render(&page)?;
    Ok((StatusCode::BAD_REQUEST, html).into_response())
}

/// `GET /municipalities/{slug}/cohesion/waves/{number}/evidence/{id}`:
/// never rendered by the browser as a page (a safe `Content-Disposition`,
/// the stored content's type, `nosniff`, a sandboxing CSP), and never kept
/// by a shared cache.
pub(super) async fn download(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((slug, number, id)): Path<(String, i32, i32)>,
) -> Result<Response, AppError> {
    let (row, kind) = evidence::document(state.db.read(), ctx.actor(), &slug, number, id)
        .await
        .map_err(|e| match e {
            // Visitors are asked to sign in.
            CohesionError::Forbidden if ctx.actor().is_none() => AppError::SignInRequired,
            e => e.into(),
        })?;
    let sha: majlis_files::Sha256 = row
        .file_sha256
        .parse()
        .map_err(|_| AppError::Internal(anyhow::anyhow!("evidence {id}: bad digest")))?;
    let name = files::download_name(Some(&row.file_name), kind);
    crate::web::download::stored_file(&state.uploads.store, &sha, &name, kind, "private, no-store")
        .await
}

/// `POST /municipalities/{slug}/cohesion/waves/{number}/evidence/{id}/remove`:
/// the document removed, back to the wave's questionnaire on the waves page.
pub(super) async fn remove(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path((slug, number, id)): Path<(String, i32, i32)>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let origin = origin_of(&me, &client);
    evidence::remove(&state.db, &origin, &me.actor, &slug, number, id, Utc::now()).await?;
    Ok(redirect(
        format!("/municipalities/{slug}/cohesion/waves?removed={number}#municipal-{number}"),
        &ctx,
    ))
}
