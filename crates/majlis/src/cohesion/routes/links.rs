//! `POST /municipalities/{slug}/cohesion/waves/links/list`: personal
//! links for many residents at once, from a pasted list (the rules in
//! `cohesion::links`); the waves page shows the form, what the last list
//! sent and skipped, and every bad line by its number.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;

use super::waves::{ListTyped, evidence_limits, page};
use crate::app::AppState;
use crate::audit::origin_of;
use crate::cohesion::error::CohesionError;
use crate::cohesion::links::{self, LineProblem};
use crate::cohesion::waves::{self, Typed};
use crate::i18n::Locale;
use crate::library::practices::FieldError;
use crate::web::extract::{ClientInfo, CsrfForm, RequireSignedIn};
use crate::web::{AppError, PageCtx, Section, redirect, render};

/// Line numbers from a query parameter (`3,7`), as the page repeats them.
fn line_numbers(param: &str) -> String {
    param
        .split(',')
        .filter_map(|n| n.trim().parse::<usize>().ok())
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the last list sent, from the redirect's parameters.
pub(super) fn list_notice(ctx: &PageCtx) -> Vec<String> {
    let Ok(sent) = ctx.param("listed").parse::<i64>() else {
        return Vec::new();
    };
    let mut notice = vec![ctx.t1("cohesion-links-sent", "n", sent)];
    for (param, id) in [
        ("repeated", "cohesion-links-skipped-repeated"),
        ("already", "cohesion-links-skipped-already"),
    ] {
        let lines = line_numbers(ctx.param(param));
        if !lines.is_empty() {
            notice.push(ctx.t1(id, "lines", lines));
        }
    }
    notice
}

/// The refusals of a pasted list in the reader's language, each with its
/// line (the strata a line may name, and the limit, given to every message).
fn list_errors(ctx: &PageCtx, problems: &[LineProblem], strata: &str) -> Vec<String> {
    problems
        .iter()
        .map(|p| {
            let message = ctx.locale.t_args(
                p.message,
                &[
                    ("max", (links::MAX_LINES as i64).into()),
                    ("strata", strata.to_owned().into()),
                ],
            );
            if p.line == 0 {
                message
            } else {
                ctx.locale.t_args(
                    "cohesion-links-line",
                    &[
                        ("line", (p.line as i64).into()),
                        ("problem", message.into()),
                    ],
                )
            }
        })
        .collect()
}

/// `POST /municipalities/{slug}/cohesion/waves/links/list`: a personal link
/// to every respondent of a pasted list for the wave's campaign (the
/// `list_wave` field chooses the wave). Bad lines: the page again with
/// the list as typed and every bad line named; nothing sent.
pub(super) async fn send_list(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path(slug): Path<String>,
    CsrfForm(typed): CsrfForm<ListTyped>,
) -> Result<Response, AppError> {
    let ctx = ctx.with_section(Section::Municipalities);
    let now = Utc::now();
    // Who may not run its waves is refused before the list is read.
    let w = waves::waves(state.db.read(), Some(&me.actor), &slug, now).await?;
    let number = typed.list_wave.trim().parse::<i32>().ok();
    let strata: Vec<String> = w
        .waves
        .iter()
        .find(|s| Some(s.row.number) == number)
        .and_then(|s| s.framework.as_ref())
        .map(links::strata_of)
        .unwrap_or_default();
    let refused = match number {
        None => Err(vec![FieldError {
            field: "list_wave",
            message: "cohesion-wave-error-link-closed",
        }]),
        Some(number) => {
            let origin = origin_of(&me, &client);
            let locale = typed.list_locale.parse::<Locale>().unwrap_or(ctx.locale);
            let public_url = state.settings.public_url();
            let sent = links::send_list(
                &state.db,
                &origin,
                &me.actor,
                &slug,
                number,
                &typed.list_text,
                locale,
                &public_url,
                now,
            )
            .await;
            match sent {
                Ok(sent) => {
                    let join = |lines: &[usize]| {
                        lines
                            .iter()
                            .map(usize::to_string)
                            .collect::<Vec<_>>()
                            .join(",")
                    };
                    let to = format!(
                        "/municipalities/{slug}/cohesion/waves?listed={}&repeated={}&already={}#links",
                        sent.sent,
                        join(&sent.repeated),
                        join(&sent.already)
                    );
                    return Ok(redirect(to, &ctx));
                }
                Err(CohesionError::BadLines(problems)) => Ok(problems),
                Err(CohesionError::BadValues(errors)) => Err(errors),
                Err(e) => return Err(e.into()),
            }
        }
    };
    let errors = match refused {
        Ok(problems) => list_errors(&ctx, &problems, &strata.join(", ")),
        Err(fields) => fields.iter().map(|e| ctx.t(e.message)).collect(),
    };
    let limits = evidence_limits(&state, &ctx).await?;
    let mut page = page(ctx, w, Typed::default(), &[]);
    page.list = typed;
    page.list_errors = errors;
    page.evidence_limits = limits;
    let html = render(&page)?;
    Ok((StatusCode::BAD_REQUEST, html).into_response())
}
