//! `/consultations/new`: the form that puts a dilemma on the platform.

use crate::app::AppState;
use crate::audit::origin_of;
use crate::consultations::online::{self};
use crate::consultations::{DilemmaVisibility, HelpSought};
use crate::directory::entities::theme;
use crate::directory::service::Directory;
use crate::fields::form::RawForm;
use crate::i18n::Locale;
use crate::library::practices::FieldError;
use crate::web::extract::{ClientInfo, CsrfForm, RequireSignedIn};
use crate::web::{AppError, PageCtx, Section, redirect, render};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use std::sync::Arc;

use super::ConsultationPage;
use crate::consultations::lookups;

#[derive(Template)]
#[template(path = "consultations/templates/dilemma_form.html")]
struct FormPage {
    ctx: PageCtx,
    dir: Arc<Directory>,
    lang: Locale,
    themes: Vec<theme::Model>,
    countries: crate::directory::choices::CountryChoices,
    municipalities: Vec<(i32, String)>,
    helps: &'static [HelpSought],
    visibilities: &'static [DilemmaVisibility],
    form: RawForm,
    errors: Vec<FieldError>,
}
consultation_page!(FormPage);

impl FormPage {
    fn value(&self, name: &str) -> &str {
        self.form.get(name)
    }
    fn has_error(&self, f: &str) -> bool {
        self.errors.iter().any(|e| e.field == f)
    }
    fn chosen(&self, name: &str, v: &str) -> bool {
        self.form.all(name).any(|x| x == v)
    }
    fn field_label(&self, f: &str) -> String {
        self.ctx.t(&format!("dilemma-field-{f}"))
    }
}

/// Municipalities the writer may present a dilemma for: their own
/// affiliations, or any for staff.
pub(super) async fn municipality_choices(
    state: &AppState,
    ctx: &PageCtx,
    me: &crate::policy::SignedIn,
) -> Result<Vec<(i32, String)>, AppError> {
    let own: Vec<i32> = me.municipalities.clone();
    let staff = me.actor().is_staff();
    Ok(lookups::municipality_choices(state.db.read(), staff, own, ctx.locale).await?)
}

pub(super) async fn show_form(
    state: &AppState,
    ctx: PageCtx,
    me: &crate::policy::SignedIn,
    form: RawForm,
    errors: Vec<FieldError>,
) -> Result<Response, AppError> {
    let ctx = ctx.with_section(Section::Consultations);
    let countries = crate::directory::choices::country_choices(
        state.db.read(),
        &state.directory.reference,
        ctx.locale,
    )
    .await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let page = FormPage {
        dir: state.directory.clone(),
        lang: ctx.locale,
        themes: state.directory.reference.themes().to_vec(),
        countries,
        municipalities: municipality_choices(state, &ctx, me).await?,
        helps: HelpSought::ALL,
        visibilities: DilemmaVisibility::ALL,
        form,
        errors,
        ctx,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /consultations/new`
pub(super) async fn new_dilemma_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
) -> Result<Response, AppError> {
    let muni = me
        .municipalities
        .first()
        .map(|m| m.to_string())
        .unwrap_or_default();
    let form = RawForm(vec![
        (
            "visibility".into(),
            DilemmaVisibility::Members.code().into(),
        ),
        ("period".into(), "14".into()),
        ("municipality".into(), muni),
    ]);
    show_form(&state, ctx, &me, form, Vec::new()).await
}

/// `POST /consultations/new`: saved as a draft, which its presenter opens.
pub(super) async fn new_dilemma(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let raw = RawForm(pairs);
    let themes: Vec<i32> = state
        .directory
        .reference
        .themes()
        .iter()
        .map(|t| t.id)
        .collect();
    let countries: Vec<String> = state
        .directory
        .reference
        .countries()
        .map(|c| c.code.clone())
        .collect();
    let municipalities: Vec<i32> = municipality_choices(&state, &ctx, &me)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let known = online::Known {
        themes: &themes,
        countries: &countries,
        municipalities: &municipalities,
    };
    match online::parse_dilemma(&raw, ctx.locale, &known) {
        Ok(input) => {
            let slug = online::create(
                &state.db,
                &origin_of(&me, &client),
                &me.actor(),
                input,
                Utc::now(),
            )
            .await?;
            Ok(redirect(format!("/consultations/{slug}"), &ctx))
        }
        Err(errors) => show_form(&state, ctx, &me, raw, errors).await,
    }
}
