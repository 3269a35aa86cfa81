//! `/events/{slug}/clinics/{session}`: a clinic as its rapporteur records it.

use crate::app::AppState;
use crate::audit::origin_of;
use crate::consultations::ContributionKind;
use crate::consultations::clinics::{self, ClinicView};
use crate::consultations::error::ConsultError;
use crate::consultations::online::{self};
use crate::directory::service::Directory;
use crate::fields::form::RawForm;
use crate::library::practices::FieldError;
use crate::web::extract::{ClientInfo, CsrfForm, RequireSignedIn};
use crate::web::{AppError, PageCtx, Section, redirect, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use std::sync::Arc;

use super::page::{choices, chosen};
use super::{ConsultationPage, form_key, int, writing_lang};

#[derive(Template)]
#[template(path = "consultations/templates/clinic.html")]
struct ClinicPage {
    ctx: PageCtx,
    dir: Arc<Directory>,
    v: ClinicView,
    countries: crate::directory::choices::CountryChoices,
    practices: Vec<(i32, String)>,
    form: RawForm,
    errors: Vec<FieldError>,
    key: String,
}
consultation_page!(ClinicPage);

impl ClinicPage {
    fn value(&self, name: &str) -> &str {
        self.form.get(name)
    }
    fn has_error(&self, f: &str) -> bool {
        self.errors.iter().any(|e| e.field == f)
    }
    fn field_label(&self, f: &str) -> String {
        self.ctx
            .t(&format!("dilemma-field-{}", f.replace('_', "-")))
    }
    fn people(&self, role: crate::events::SessionRole) -> String {
        people_line(&self.v, role)
    }
}

pub(super) fn people_line(v: &ClinicView, role: crate::events::SessionRole) -> String {
    v.session
        .in_role(&role)
        .iter()
        .map(|p| match &p.affiliation {
            Some(a) if !a.is_empty() => format!("{}, {a}", p.name),
            _ => p.name.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

pub(super) fn session_id(s: &str) -> Result<i32, AppError> {
    int(s).ok_or(AppError::NotFound)
}

pub(super) async fn load_clinic(
    state: &AppState,
    ctx: &PageCtx,
    slug: &str,
    session: i32,
) -> Result<ClinicView, AppError> {
    clinics::clinic_view(
        state.db.read(),
        &state.directory.reference,
        ctx.actor(),
        ctx.locale,
        slug,
        session,
        Utc::now(),
    )
    .await?
    .ok_or(AppError::NotFound)
}

pub(super) async fn show_clinic(
    state: &AppState,
    ctx: PageCtx,
    v: ClinicView,
    form: RawForm,
    errors: Vec<FieldError>,
) -> Result<Response, AppError> {
    let ctx = ctx.with_section(Section::Events);
    let countries = crate::directory::choices::country_choices(
        state.db.read(),
        &state.directory.reference,
        ctx.locale,
    )
    .await?;
    let practices = if v.may_record {
        let themes: Vec<i32> = v
            .dilemmas
            .iter()
            .flat_map(|d| d.themes.iter().map(|t| t.id))
            .collect();
        choices(state, &ctx, &themes).await?.0
    } else {
        Vec::new()
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let page = ClinicPage {
        dir: state.directory.clone(),
        v,
        countries,
        practices,
        form,
        errors,
        key: form_key(),
        ctx,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /events/{slug}/clinics/{session}`: the clinic as the rapporteur
/// records it (and as participants follow it).
pub(super) async fn clinic_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((slug, session)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let v = load_clinic(&state, &ctx, &slug, session_id(&session)?).await?;
    show_clinic(&state, ctx, v, RawForm::default(), Vec::new()).await
}

/// `POST /events/{slug}/clinics/{session}`: `action` is `queue` (a new
/// dilemma), `record` (a question, idea or practice said), `result`,
/// `joint` (discussed together with another), `wrapup`, `publish` or `withdraw`.
pub(super) async fn clinic_action(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path((slug, session)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let sid = session_id(&session)?;
    let v = load_clinic(&state, &ctx, &slug, sid).await?;
    let raw = RawForm(pairs);
    let origin = origin_of(&me, &client);
    let now = Utc::now();
    let lang = writing_lang(&raw, &ctx);
    let back = format!("/events/{slug}/clinics/{sid}");
    let res: Result<String, ConsultError> = match raw.get("action") {
        "queue" => {
            let countries: Vec<String> = state
                .directory
                .reference
                .countries()
                .map(|c| c.code.clone())
                .collect();
            match clinics::parse_queued(&raw, lang, &countries) {
                Ok(q) => clinics::queue_dilemma(&state.db, &origin, &v, q, now)
                    .await
                    .map(|_| "queue".to_owned()),
                Err(errors) => Err(ConsultError::Invalid(errors)),
            }
        }
        "record" => record_said(&state, &ctx, &v, &raw, (&origin, &me.actor()), now).await?,
        "result" => {
            let id = int(raw.get("dilemma")).ok_or_else(|| AppError::bad_request("dilemma"))?;
            clinics::record_result(&state.db, &origin, &v, id, lang, raw.get("result"), now)
                .await
                .map(|_| format!("d-{id}"))
        }
        "joint" => {
            let id = int(raw.get("dilemma")).ok_or_else(|| AppError::bad_request("dilemma"))?;
            let with = match raw.get("with") {
                "" => None,
                w => Some(int(w).ok_or_else(|| AppError::bad_request("with"))?),
            };
            clinics::join(&state.db, &origin, &v, id, with, now)
                .await
                .map(|_| format!("d-{id}"))
        }
        "wrapup" => clinics::add_wrapup(
            &state.db,
            &origin,
            &v,
            raw.get("author"),
            lang,
            raw.get("wrapup"),
            now,
        )
        .await
        .map(|_| "wrapups".to_owned()),
        "publish" | "withdraw" => {
            clinics::publish(&state.db, &origin, &v, raw.get("action") == "publish", now)
                .await
                .map(|_| "report".to_owned())
        }
        _ => return Err(AppError::bad_request("action")),
    };
    match res {
        Ok(anchor) => Ok(redirect(format!("{back}#{anchor}"), &ctx)),
        Err(ConsultError::Invalid(errors)) => {
            let v = load_clinic(&state, &ctx, &slug, sid).await?;
            show_clinic(&state, ctx, v, raw, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `action=record`: a question, idea or practice said at the clinic, on one
/// of its dilemmas (`dilemma`), by the person recording it.
async fn record_said(
    state: &AppState,
    ctx: &PageCtx,
    v: &ClinicView,
    raw: &RawForm,
    (origin, actor): (&crate::audit::Origin, &crate::policy::Actor),
    now: chrono::DateTime<Utc>,
) -> Result<Result<String, ConsultError>, AppError> {
    v.record?;
    let id = int(raw.get("dilemma")).ok_or_else(|| AppError::bad_request("dilemma"))?;
    clinics::queued(v, id)?;
    let (p, _) = chosen(state, ctx, raw).await?;
    let lang = writing_lang(raw, ctx);
    Ok(match online::parse_contribution(raw, lang, &p, &[]) {
        Ok(input) => online::contribute(&state.db, origin, actor, id, input, true, now)
            .await
            .map(|_| format!("d-{id}")),
        Err(errors) => Err(ConsultError::Invalid(errors)),
    })
}
