//! `/events/{slug}/outcomes` (coordinators): the report, take-away
//! messages, practices presented and participant figures.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use chrono::Utc;

use super::super::editing;
use super::super::rules::{self, EventDetail};
use super::{
    country_codes, detail_for, practice_choices, resource_choices, status_for, visible_event,
    writing_lang,
};
use crate::app::AppState;
use crate::audit::origin_of;
use crate::directory::service::Directory;
use crate::fields::form::RawForm;
use crate::i18n::Locale;
use crate::library::practices::FieldError;
use crate::policy::Coordinator;
use crate::web::extract::{ClientInfo, CsrfForm, RequireRole};
use crate::web::{AppError, PageCtx, Params, Section, redirect, render};

#[derive(Template)]
#[template(path = "events/templates/outcomes.html")]
struct OutcomesPage {
    ctx: PageCtx,
    dir: Arc<Directory>,
    d: EventDetail,
    lang: Locale,
    resources: Vec<(i32, String)>,
    practices: Vec<(i32, String)>,
    form: RawForm,
    errors: Vec<FieldError>,
}
event_page!(OutcomesPage);

impl OutcomesPage {
    fn value(&self, name: &str) -> &str {
        self.form.get(name)
    }
    fn has_error(&self, f: &str) -> bool {
        self.errors.iter().any(|e| e.field == f)
    }
    fn chosen(&self, name: &str, id: &i32) -> bool {
        let id = id.to_string();
        self.form.all(name).any(|v| v == id)
    }
}

fn outcomes_form(d: &EventDetail, lang: Locale) -> RawForm {
    let e = &d.event;
    let mut v: Vec<(String, String)> = vec![
        (
            "report".into(),
            e.report_id.map(|r| r.to_string()).unwrap_or_default(),
        ),
        (
            "takeaways".into(),
            e.takeaways
                .as_ref()
                .and_then(|t| t.get(lang))
                .unwrap_or_default()
                .to_owned(),
        ),
    ];
    for (id, _) in &d.practices {
        v.push(("practice".into(), id.to_string()));
    }
    if let Some(f) = &e.figures {
        v.push((
            "total".into(),
            f.total.map(|t| t.to_string()).unwrap_or_default(),
        ));
        let lines: Vec<String> = f
            .by_country
            .iter()
            .map(|(c, n)| format!("{c} {n}"))
            .collect();
        v.push(("by_country".into(), lines.join("\n")));
        v.push(("countries".into(), f.countries.join(" ")));
        v.push((
            "note".into(),
            f.note
                .as_ref()
                .and_then(|n| n.get(lang))
                .unwrap_or_default()
                .to_owned(),
        ));
    }
    RawForm(v)
}

async fn show_outcomes(
    state: &AppState,
    ctx: PageCtx,
    d: EventDetail,
    lang: Locale,
    form: Option<RawForm>,
    errors: Vec<FieldError>,
) -> Result<Response, AppError> {
    let status = status_for(!errors.is_empty());
    let page = OutcomesPage {
        dir: state.directory.clone(),
        resources: resource_choices(state, &ctx).await?,
        practices: practice_choices(state, &ctx).await?,
        form: form.unwrap_or_else(|| outcomes_form(&d, lang)),
        ctx: ctx.with_section(Section::Events),
        d,
        lang,
        errors,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /events/{slug}/outcomes?in=` (coordinators)
pub(super) async fn outcomes_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let d = detail_for(&state, &actor, &slug).await?;
    let lang = writing_lang(&params, d.event.title.orig())?;
    show_outcomes(&state, ctx, d, lang, None, Vec::new()).await
}

/// `POST /events/{slug}/outcomes?in=` (coordinators)
pub(super) async fn save_outcomes(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let e = visible_event(&state, Some(&actor), &slug).await?;
    let lang = writing_lang(&params, e.title.orig())?;
    let raw = RawForm(pairs);
    let resources = rules::resource_ids(state.db.read()).await?;
    let practices: Vec<i32> = practice_choices(&state, &ctx)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let codes = country_codes(&state.directory);
    match editing::parse_outcomes(&raw, lang, &resources, &practices, &codes) {
        Ok(input) => {
            editing::save_outcomes(
                &state.db,
                &origin_of(&me, &client),
                &actor,
                e.id,
                input,
                Utc::now(),
            )
            .await?;
            Ok(redirect(format!("/events/{slug}#outcomes"), &ctx))
        }
        Err(errors) => {
            let d = detail_for(&state, &actor, &slug).await?;
            show_outcomes(&state, ctx, d, lang, Some(raw), errors).await
        }
    }
}
