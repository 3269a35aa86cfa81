//! `/municipalities/new` (coordinators) and `/municipalities/{slug}/edit`
//! (coordinators, and the municipality's focal points).

use axum::extract::{Path, State};
use axum::response::{Html, Response};

use super::forms::{
    Existing, Fields, FormPage, invalid, per_locale, save_errors, saved, theme_ids, values_of,
};
use super::slug;
use crate::app::AppState;
use crate::audit::origin_of;
use crate::directory::editing::{
    self, FieldError, RawMunicipalityCreate, RawMunicipalityEdit, degrees_text,
};
use crate::directory::entities::{municipality, theme};
use crate::directory::rules::MunicipalityDetail;
use crate::directory::service::Key;
use crate::i18n::TrText;
use crate::policy::SignedIn;
use crate::policy::{Action, Coordinator, authorize};
use crate::web::extract::{ClientInfo, CsrfForm, RequireRole, RequireSignedIn};
use crate::web::{AppError, PageCtx, render};

async fn municipality_form(
    state: &AppState,
    ctx: PageCtx,
    existing: Option<Existing>,
    form: RawMunicipalityCreate,
    errors: Vec<FieldError>,
) -> Result<FormPage, AppError> {
    FormPage::new(state, ctx, existing, Fields::Municipality(form), errors).await
}

/// A submitted profile field into `raw`; `false` when the key is not one.
fn municipality_field(raw: &mut RawMunicipalityEdit, key: &str, value: String) -> bool {
    match key {
        "orig" => raw.orig = value,
        "region" => raw.region = value,
        "population" => raw.population = value,
        "population_year" => raw.population_year = value,
        "refugees" => raw.refugees = value,
        "refugees_year" => raw.refugees_year = value,
        "latitude" => raw.latitude = value,
        "longitude" => raw.longitude = value,
        "theme" => raw.themes.push(value),
        _ => {
            if let Some(l) = per_locale(key, "name_") {
                raw.names.push((l, value));
            } else if let Some(l) = per_locale(key, "profile_") {
                raw.profiles.push((l, value));
            } else {
                return false;
            }
        }
    }
    true
}

/// The form as stored values: what the page shows before any change.
fn raw_from(m: &municipality::Model, themes: &[theme::Model]) -> RawMunicipalityEdit {
    RawMunicipalityEdit {
        orig: m.name.orig().code().to_owned(),
        names: values_of(Some(&m.name)),
        profiles: values_of(m.profile.as_ref()),
        region: m.region.clone().unwrap_or_default(),
        population: m.population.map(|p| p.to_string()).unwrap_or_default(),
        population_year: m.population_year.map(|p| p.to_string()).unwrap_or_default(),
        refugees: m.refugees_hosted.map(|p| p.to_string()).unwrap_or_default(),
        refugees_year: m.refugees_year.map(|p| p.to_string()).unwrap_or_default(),
        latitude: m.latitude_micro.map(degrees_text).unwrap_or_default(),
        longitude: m.longitude_micro.map(degrees_text).unwrap_or_default(),
        themes: themes.iter().map(|t| t.id.to_string()).collect(),
    }
}

/// The municipality behind a slug, if the viewer may edit it.
pub(super) async fn editable(
    state: &AppState,
    me: &SignedIn,
    s: &str,
) -> Result<MunicipalityDetail, AppError> {
    let v = state.directory.current_version(&state.db).await?;
    let found = state
        .directory
        .municipality(&state.db, v, Key::Slug(slug(s)?))
        .await?;
    let detail = found.as_ref().clone().ok_or(AppError::NotFound)?;
    authorize(
        Some(&me.actor()),
        Action::EditMunicipality(detail.card.municipality.id),
    )?;
    Ok(detail)
}

fn existing_municipality(ctx: &PageCtx, detail: &MunicipalityDetail) -> Existing {
    let m = &detail.card.municipality;
    Existing {
        slug: m.slug.clone(),
        title: ctx.text(&m.name).to_owned(),
    }
}

/// `GET /municipalities/{slug}/edit`: coordinators, and the municipality's focal points.
pub(super) async fn edit_municipality_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
    Path(s): Path<String>,
) -> Result<Html<String>, AppError> {
    let detail = editable(&state, &me, &s).await?;
    let form = RawMunicipalityCreate {
        edit: raw_from(&detail.card.municipality, &detail.card.themes),
        ..Default::default()
    };
    let existing = existing_municipality(&ctx, &detail);
    render(&municipality_form(&state, ctx, Some(existing), form, Vec::new()).await?)
}

/// `POST /municipalities/{slug}/edit`
pub(super) async fn edit_municipality(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path(s): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let detail = editable(&state, &me, &s).await?;
    let mut raw = RawMunicipalityCreate::default();
    for (k, v) in pairs {
        municipality_field(&mut raw.edit, &k, v);
    }
    let m = &detail.card.municipality;
    let kept = m.profile.as_ref().map(TrText::orig);
    let now = chrono::Utc::now();
    let errors = match raw.edit.parse(&theme_ids(&state), kept, now) {
        Ok(edit) => {
            let origin = origin_of(&me, &client);
            editing::update_municipality(&state.db, &origin, &me.actor(), m.id, edit, now)
                .await
                .map_err(AppError::from)?;
            return Ok(saved(&format!("/municipalities/{}", m.slug), &ctx));
        }
        Err(errors) => errors,
    };
    let existing = existing_municipality(&ctx, &detail);
    invalid(&municipality_form(&state, ctx, Some(existing), raw, errors).await?)
}

/// `GET /municipalities/new`: coordinators.
pub(super) async fn new_municipality_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    _who: RequireRole<Coordinator>,
) -> Result<Html<String>, AppError> {
    let mut form = RawMunicipalityCreate::default();
    form.edit.orig = ctx.lang().to_owned();
    render(&municipality_form(&state, ctx, None, form, Vec::new()).await?)
}

/// `POST /municipalities/new`: the new municipality's page, or the form
/// again with what to correct (a taken address among it).
pub(super) async fn new_municipality(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    who: RequireRole<Coordinator>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let mut raw = RawMunicipalityCreate::default();
    for (k, v) in pairs {
        match k.as_str() {
            "slug" => raw.slug = v,
            "kind" => raw.kind = v,
            "country" => raw.country = v,
            "member_since" => raw.member_since = v,
            _ => {
                municipality_field(&mut raw.edit, &k, v);
            }
        }
    }
    let reference = &state.directory.reference;
    let known_country = |c: &str| reference.country(c).is_some();
    let now = chrono::Utc::now();
    let errors = match raw.parse(&known_country, &theme_ids(&state), now) {
        Ok(create) => {
            let origin = origin_of(&who.me, &client);
            match editing::create_municipality(&state.db, &origin, &who.me.actor(), create, now)
                .await
            {
                Ok(m) => return Ok(saved(&format!("/municipalities/{}", m.slug), &ctx)),
                Err(e) => save_errors(e)?,
            }
        }
        Err(errors) => errors,
    };
    invalid(&municipality_form(&state, ctx, None, raw, errors).await?)
}
