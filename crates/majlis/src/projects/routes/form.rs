//! `/projects/new` and `/projects/{slug}/edit`: the idea form, prose in one
//! language at a time (`?in=`), everything it saves shown (an unchanged
//! save stores nothing); refused input comes back with what was typed.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;

use super::{ProjectPage, project_page};
use crate::app::AppState;
use crate::audit::origin_of;
use crate::directory::entities::{country, theme};
use crate::directory::service::Directory;
use crate::fields::form::RawForm;
use crate::i18n::Locale;
use crate::library::practices::FieldError;
use crate::policy::{Action, SignedIn, authorize};
use crate::projects::error::ProjectError;
use crate::projects::rules::save::{self, Choices, Known};
use crate::projects::rules::{self};
use crate::projects::{PartnerKind, ProjectVisibility};
use crate::web::extract::{ClientInfo, CsrfForm, RequireSignedIn};
use crate::web::{AppError, PageCtx, Params, Section, redirect, render};

#[derive(Template)]
#[template(path = "projects/templates/project_form.html")]
struct FormPage {
    ctx: PageCtx,
    dir: Arc<Directory>,
    /// The idea being edited (slug, title in the reader's language).
    editing: Option<(String, String)>,
    lang: Locale,
    themes: Vec<theme::Model>,
    countries: Vec<country::Model>,
    choices: Choices,
    kinds: &'static [PartnerKind],
    visibilities: &'static [ProjectVisibility],
    form: RawForm,
    errors: Vec<FieldError>,
}
project_page!(FormPage);

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
    /// The rows of partners sought as typed, and one empty row.
    fn partner_rows(&self) -> Vec<(String, String, String)> {
        let kinds: Vec<&str> = self.form.all("partner_kind").collect();
        let countries: Vec<&str> = self.form.all("partner_country").collect();
        let exp: Vec<&str> = self.form.all("partner_expertise").collect();
        let n = kinds.len().max(countries.len()).max(exp.len());
        let mut rows: Vec<(String, String, String)> = (0..n)
            .map(|i| {
                let g = |v: &Vec<&str>| v.get(i).copied().unwrap_or_default().to_owned();
                (g(&kinds), g(&countries), g(&exp))
            })
            .filter(|(k, c, e)| !(k.is_empty() && c.is_empty() && e.is_empty()))
            .collect();
        rows.push(Default::default());
        rows
    }
    fn action(&self) -> String {
        match &self.editing {
            Some((slug, _)) => format!("/projects/{slug}/edit"),
            None => "/projects/new".to_owned(),
        }
    }
}

fn writing_lang(raw: &RawForm, params: Option<&Params>, ctx: &PageCtx) -> Locale {
    params
        .and_then(|p| p.get("in"))
        .or(Some(raw.get("in")))
        .and_then(|l| l.parse().ok())
        .unwrap_or(ctx.locale)
}

async fn show_form(
    state: &AppState,
    ctx: PageCtx,
    me: &SignedIn,
    editing: Option<(String, String)>,
    lang: Locale,
    mut form: RawForm,
    errors: Vec<FieldError>,
) -> Result<Response, AppError> {
    let ctx = ctx.with_section(Section::Projects);
    let event = form.get("event").parse::<i32>().ok();
    let choices = save::choices(state.db.read(), &me.actor(), event, ctx.locale).await?;
    let countries = crate::directory::choices::countries_by_name(
        state.directory.reference.countries().cloned(),
        ctx.locale,
    );
    if !form.has("in") {
        form.0.push(("in".into(), lang.code().into()));
    }
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let page = FormPage {
        dir: state.directory.clone(),
        editing,
        lang,
        themes: state.directory.reference.themes().to_vec(),
        countries,
        choices,
        kinds: PartnerKind::ALL,
        visibilities: ProjectVisibility::ALL,
        form,
        errors,
        ctx,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /projects/new`: for staff and people affiliated with a municipality.
pub(super) async fn new_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    RequireSignedIn(me): RequireSignedIn,
) -> Result<Response, AppError> {
    authorize(
        Some(&me.actor()),
        Action::CreateProject {
            affiliated: !me.municipalities.is_empty(),
        },
    )
    .map_err(ProjectError::from)?;
    let lang = writing_lang(&RawForm::default(), Some(&params), &ctx);
    let form = RawForm(vec![
        (
            "visibility".into(),
            ProjectVisibility::Members.code().into(),
        ),
        (
            "lead".into(),
            me.municipalities
                .first()
                .map(|m| m.to_string())
                .unwrap_or_default(),
        ),
    ]);
    show_form(&state, ctx, &me, None, lang, form, Vec::new()).await
}

async fn known_ids(
    state: &AppState,
    me: &SignedIn,
    ctx: &PageCtx,
    event: Option<i32>,
) -> Result<(Vec<i32>, Vec<String>, Choices), AppError> {
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
    let choices = save::choices(state.db.read(), &me.actor(), event, ctx.locale).await?;
    Ok((themes, countries, choices))
}

/// Parse and save; bad input comes back to the form.
async fn submit(
    state: AppState,
    ctx: PageCtx,
    client: crate::policy::Client,
    me: SignedIn,
    existing: Option<(i32, String, String, Locale)>,
    raw: RawForm,
) -> Result<Response, AppError> {
    let lang = writing_lang(&raw, None, &ctx);
    let event = raw.get("event").parse::<i32>().ok();
    let (themes, countries, choices) = known_ids(&state, &me, &ctx, event).await?;
    let ids = |v: &Vec<(i32, String)>| v.iter().map(|(i, _)| *i).collect::<Vec<_>>();
    let (mut municipalities, events, dilemmas) = (
        ids(&choices.municipalities),
        ids(&choices.events),
        ids(&choices.dilemmas),
    );
    let editing = existing
        .as_ref()
        .map(|(_, slug, title, _)| (slug.clone(), title.clone()));
    if let Some((id, ..)) = &existing {
        // The idea's current lead stays a valid choice for its editors.
        let (p, _) = save::load(state.db.read(), *id).await?;
        municipalities.push(p.lead_municipality_id);
    }
    let known = Known {
        themes: &themes,
        countries: &countries,
        municipalities: &municipalities,
        events: &events,
        dilemmas: &dilemmas,
    };
    let orig = existing.as_ref().map(|(.., o)| *o);
    match save::parse(&raw, lang, orig, &known) {
        Ok(input) => {
            let result = save::save(
                &state.db,
                &origin_of(&me, &client),
                &me.actor(),
                existing.as_ref().map(|(id, ..)| *id),
                input,
                Utc::now(),
            )
            .await;
            match result {
                Ok(slug) => Ok(redirect(format!("/projects/{slug}"), &ctx)),
                Err(ProjectError::Invalid(errors)) => {
                    show_form(&state, ctx, &me, editing, lang, raw, errors).await
                }
                Err(e) => Err(e.into()),
            }
        }
        Err(errors) => show_form(&state, ctx, &me, editing, lang, raw, errors).await,
    }
}

/// `POST /projects/new`
pub(super) async fn create(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    authorize(
        Some(&me.actor()),
        Action::CreateProject {
            affiliated: !me.municipalities.is_empty(),
        },
    )
    .map_err(ProjectError::from)?;
    submit(state, ctx, client, me, None, RawForm(pairs)).await
}

/// The idea by slug, if the person may edit it.
async fn editable(
    state: &AppState,
    me: &SignedIn,
    slug: &str,
) -> Result<rules::ProjectDetail, AppError> {
    let actor = me.actor();
    let d = rules::find(state.db.read(), Some(&actor), slug).await?;
    authorize(Some(&actor), Action::EditProject(d.r)).map_err(ProjectError::from)?;
    Ok(d)
}

/// `GET /projects/{slug}/edit?in=`
pub(super) async fn edit_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    RequireSignedIn(me): RequireSignedIn,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let d = editable(&state, &me, &slug).await?;
    let lang = writing_lang(&RawForm::default(), Some(&params), &ctx);
    let form = save::form_of(
        &d.p.snapshot(d.themes.clone(), d.followup_ids.clone()),
        lang,
    );
    let title = d.p.title.text(ctx.locale).to_owned();
    show_form(
        &state,
        ctx,
        &me,
        Some((slug, title)),
        lang,
        form,
        Vec::new(),
    )
    .await
}

/// `POST /projects/{slug}/edit`
pub(super) async fn edit(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path(slug): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let d = editable(&state, &me, &slug).await?;
    let title = d.p.title.text(ctx.locale).to_owned();
    let existing = Some((d.p.id, slug, title, d.p.title.orig()));
    submit(state, ctx, client, me, existing, RawForm(pairs)).await
}
