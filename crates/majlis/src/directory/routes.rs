//! Directory pages (`/municipalities`, `/organisations`, `/network`) and the
//! JSON API under `/api/v1/`.

use askama::Template;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Serialize;

use super::entities::{contact, country, theme};
use super::rules::{
    self, MunicipalityCard, MunicipalityDetail, MunicipalityFilter, OrganisationCard,
    OrganisationFilter, Overview, Page, PageRequest, Slug,
};
use super::{MunicipalityKind, OrganisationKind};
use std::sync::Arc;

use super::editing::{
    self, EditError, FieldError, RawMunicipalityCreate, RawMunicipalityEdit, RawOrganisationCreate,
    RawOrganisationEdit,
};
use super::service::Key;
use crate::accounts::policy::{Action, Coordinator, authorize};
use crate::accounts::signin::SignedIn;
use crate::accounts::web::{ClientInfo, CsrfForm, RequireRole, RequireSignedIn, origin_of};
use crate::i18n::{Locale, TrText};
use crate::web::routes::Routes;
use crate::web::{AppError, AppState, PageCtx, Params, Section, render};

pub fn routes() -> Routes {
    Routes::new()
        .get("/municipalities", municipalities)
        .get("/municipalities/{slug}", municipality)
        .get("/organisations", organisations)
        .get("/organisations/{slug}", organisation)
        .get("/network", network)
        .get("/municipalities/{slug}/edit", edit_municipality_page)
        .post("/municipalities/{slug}/edit", edit_municipality)
        .get("/municipalities/new", new_municipality_page)
        .post("/municipalities/new", new_municipality)
        .get("/organisations/new", new_organisation_page)
        .post("/organisations/new", new_organisation)
        .get("/organisations/{slug}/edit", edit_organisation_page)
        .post("/organisations/{slug}/edit", edit_organisation)
        .get("/api/v1/municipalities", api_municipalities)
        .get("/api/v1/municipalities/{id}", api_municipality)
        .get("/api/v1/organisations", api_organisations)
        .get("/api/v1/organisations/{id}", api_organisation)
        .get("/api/v1/themes", api_themes)
        .get("/api/v1/countries", api_countries)
}

fn municipality_filter(p: &Params) -> Result<MunicipalityFilter, AppError> {
    MunicipalityFilter::parse(p.get("country"), p.get("theme"), p.get("kind"))
}

fn organisation_filter(p: &Params) -> Result<OrganisationFilter, AppError> {
    OrganisationFilter::parse(p.get("country"), p.get("theme"), p.get("kind"))
}

fn page_request(p: &Params) -> Result<PageRequest, AppError> {
    PageRequest::parse(p.get("page"), p.get("per_page"))
}

/// Countries in the reader's alphabetical order (by code point: good enough
/// for a short filter list; no collation library yet).
fn by_name(countries: &[country::Model], l: Locale) -> Vec<country::Model> {
    let mut countries = countries.to_vec();
    countries.sort_by(|a, b| a.name.text(l).cmp(b.name.text(l)));
    countries
}

fn slug(s: &str) -> Result<Slug, AppError> {
    Slug::parse(s).ok_or(AppError::NotFound)
}

// ---------------------------------------------------------------- HTML pages

#[derive(Template)]
#[template(path = "directory/templates/municipalities.html")]
struct MunicipalitiesPage {
    ctx: PageCtx,
    page: Arc<Page<MunicipalityCard>>,
    countries: Vec<country::Model>,
    themes: Vec<theme::Model>,
    kinds: &'static [MunicipalityKind],
}

/// `GET /municipalities?country=&theme=&kind=&page=`
async fn municipalities(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Html<String>, AppError> {
    let filter = municipality_filter(&params)?;
    let page_req = page_request(&params)?;
    let (db, dir) = (&state.db, &state.directory);
    let v = dir.version(db).await?;
    let page = dir.municipalities(db, v, &filter, page_req).await?;
    let countries = by_name(&dir.member_countries(db, v).await?, ctx.locale);
    let themes = dir.reference.themes().to_vec();
    render(&MunicipalitiesPage {
        ctx: ctx.with_section(Section::Municipalities),
        page,
        countries,
        themes,
        kinds: MunicipalityKind::ALL,
    })
}

#[derive(Template)]
#[template(path = "directory/templates/municipality.html")]
struct MunicipalityPage {
    ctx: PageCtx,
    m: MunicipalityDetail,
}

/// `GET /municipalities/{slug}`
async fn municipality(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(s): Path<String>,
) -> Result<Html<String>, AppError> {
    let key = Key::Slug(slug(&s)?);
    let v = state.directory.version(&state.db).await?;
    let m = state.directory.municipality(&state.db, v, key).await?;
    let m = m.as_ref().clone().ok_or(AppError::NotFound)?;
    render(&MunicipalityPage {
        ctx: ctx.with_section(Section::Municipalities),
        m,
    })
}

#[derive(Template)]
#[template(path = "directory/templates/organisations.html")]
struct OrganisationsPage {
    ctx: PageCtx,
    page: Arc<Page<OrganisationCard>>,
    countries: Vec<country::Model>,
    themes: Vec<theme::Model>,
    kinds: &'static [OrganisationKind],
}

/// `GET /organisations?country=&theme=&kind=&page=`
async fn organisations(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Html<String>, AppError> {
    let filter = organisation_filter(&params)?;
    let page_req = page_request(&params)?;
    let (db, dir) = (&state.db, &state.directory);
    let v = dir.version(db).await?;
    let page = dir.organisations(db, v, &filter, page_req).await?;
    let countries = by_name(&dir.partner_countries(db, v).await?, ctx.locale);
    let themes = dir.reference.themes().to_vec();
    render(&OrganisationsPage {
        ctx: ctx.with_section(Section::Organisations),
        page,
        countries,
        themes,
        kinds: OrganisationKind::ALL,
    })
}

#[derive(Template)]
#[template(path = "directory/templates/organisation.html")]
struct OrganisationPage {
    ctx: PageCtx,
    o: OrganisationCard,
}

/// `GET /organisations/{slug}`
async fn organisation(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(s): Path<String>,
) -> Result<Html<String>, AppError> {
    let key = Key::Slug(slug(&s)?);
    let v = state.directory.version(&state.db).await?;
    let o = state.directory.organisation(&state.db, v, key).await?;
    let o = o.as_ref().clone().ok_or(AppError::NotFound)?;
    render(&OrganisationPage {
        ctx: ctx.with_section(Section::Organisations),
        o,
    })
}

#[derive(Template)]
#[template(path = "directory/templates/network.html")]
struct NetworkPage {
    ctx: PageCtx,
    overview: Arc<Overview>,
}

/// `GET /network`: members by country, with figures.
async fn network(State(state): State<AppState>, ctx: PageCtx) -> Result<Html<String>, AppError> {
    let v = state.directory.version(&state.db).await?;
    let overview = state.directory.overview(&state.db, v).await?;
    render(&NetworkPage {
        ctx: ctx.with_section(Section::Network),
        overview,
    })
}

// ---------------------------------------------------------------- editing

/// The record a form changes, as its breadcrumbs and heading name it.
struct Existing {
    slug: String,
    title: String,
}

fn value_in(values: &[(Locale, String)], l: Locale) -> &str {
    values
        .iter()
        .find(|(k, _)| *k == l)
        .map(|(_, v)| v.as_str())
        .unwrap_or_default()
}

/// A translatable text as a form's per-locale values.
fn values_of(t: Option<&TrText>) -> Vec<(Locale, String)> {
    t.map(|t| {
        t.locales()
            .filter_map(|l| t.get(l).map(|v| (l, v.to_owned())))
            .collect()
    })
    .unwrap_or_default()
}

fn has_error(errors: &[FieldError], field: &str) -> bool {
    errors.iter().any(|e| e.field == field)
}

fn field_label(ctx: &PageCtx, field: &str) -> String {
    ctx.t(&format!("field-{field}"))
}

fn lang_label(ctx: &PageCtx, l: &Locale) -> String {
    ctx.t(&format!("language-{}", l.code()))
}

/// A form key such as `name_ar`: the locale after the prefix.
fn per_locale(key: &str, prefix: &str) -> Option<Locale> {
    key.strip_prefix(prefix)
        .and_then(|l| l.parse::<Locale>().ok())
}

/// Every country, by name in the reader's language (for a form's select).
fn all_countries(state: &AppState, l: Locale) -> Vec<country::Model> {
    let all: Vec<country::Model> = state.directory.reference.countries().cloned().collect();
    by_name(&all, l)
}

fn theme_ids(state: &AppState) -> Vec<i32> {
    state
        .directory
        .reference
        .themes()
        .iter()
        .map(|t| t.id)
        .collect()
}

fn edit_error(e: EditError) -> AppError {
    match e {
        EditError::Forbidden => AppError::Forbidden,
        EditError::SecondFactorRequired => AppError::TwoFactorRequired,
        EditError::NotFound => AppError::NotFound,
        EditError::SlugTaken => AppError::bad_request("slug"),
        EditError::Db(e) => e.into(),
    }
}

/// What a failed save shows: the field to correct, or an error page.
fn save_errors(e: EditError) -> Result<Vec<FieldError>, AppError> {
    e.field_error()
        .map(|f| vec![f])
        .ok_or_else(|| edit_error(e))
}

/// After a save, the page of what was saved.
fn saved(path: &str, ctx: &PageCtx) -> Response {
    Redirect::to(&format!("{path}?saved=1&lang={}", ctx.lang())).into_response()
}

/// The form again, with what was typed and what to correct.
fn invalid(page: &impl Template) -> Result<Response, AppError> {
    Ok((StatusCode::BAD_REQUEST, render(page)?).into_response())
}

#[derive(Template)]
#[template(path = "directory/templates/municipality_form.html")]
struct MunicipalityFormPage {
    ctx: PageCtx,
    /// `None`: a new municipality.
    existing: Option<Existing>,
    /// For an existing municipality only `form.edit` is shown.
    form: RawMunicipalityCreate,
    themes: Vec<theme::Model>,
    countries: Vec<country::Model>,
    kinds: &'static [MunicipalityKind],
    errors: Vec<FieldError>,
}

impl MunicipalityFormPage {
    fn heading(&self) -> String {
        self.ctx.t(match self.existing {
            Some(_) => "edit-municipality",
            None => "municipality-new",
        })
    }
    fn action(&self) -> String {
        match &self.existing {
            Some(x) => format!("/municipalities/{}/edit", x.slug),
            None => "/municipalities/new".to_owned(),
        }
    }
    fn submit_label(&self) -> String {
        self.ctx.t(match self.existing {
            Some(_) => "edit-save",
            None => "municipality-create",
        })
    }
    fn orig(&self) -> &str {
        &self.form.edit.orig
    }
    fn lang_label(&self, l: &Locale) -> String {
        lang_label(&self.ctx, l)
    }
    fn name_in(&self, l: &Locale) -> &str {
        value_in(&self.form.edit.names, *l)
    }
    fn profile_in(&self, l: &Locale) -> &str {
        value_in(&self.form.edit.profiles, *l)
    }
    fn theme_checked(&self, id: &i32) -> bool {
        self.form.edit.themes.iter().any(|t| *t == id.to_string())
    }
    fn has_error(&self, field: &str) -> bool {
        has_error(&self.errors, field)
    }
    fn field_label(&self, field: &str) -> String {
        field_label(&self.ctx, field)
    }
    fn kind_label(&self, code: &str) -> String {
        kind_label(&self.ctx, code, "municipality-kind")
    }
}

fn municipality_form(
    state: &AppState,
    ctx: PageCtx,
    existing: Option<Existing>,
    form: RawMunicipalityCreate,
    errors: Vec<FieldError>,
) -> MunicipalityFormPage {
    MunicipalityFormPage {
        countries: match existing {
            Some(_) => Vec::new(),
            None => all_countries(state, ctx.locale),
        },
        existing,
        form,
        themes: state.directory.reference.themes().to_vec(),
        kinds: MunicipalityKind::ALL,
        errors,
        ctx: ctx.with_section(Section::Municipalities),
    }
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
fn raw_from(
    m: &crate::directory::entities::municipality::Model,
    themes: &[theme::Model],
) -> RawMunicipalityEdit {
    RawMunicipalityEdit {
        orig: m.name.orig().code().to_owned(),
        names: values_of(Some(&m.name)),
        profiles: values_of(m.profile.as_ref()),
        region: m.region.clone().unwrap_or_default(),
        population: m.population.map(|p| p.to_string()).unwrap_or_default(),
        population_year: m.population_year.map(|p| p.to_string()).unwrap_or_default(),
        refugees: m.refugees_hosted.map(|p| p.to_string()).unwrap_or_default(),
        refugees_year: m.refugees_year.map(|p| p.to_string()).unwrap_or_default(),
        themes: themes.iter().map(|t| t.id.to_string()).collect(),
    }
}

/// The municipality behind a slug, if the viewer may edit it.
async fn editable(
    state: &AppState,
    me: &SignedIn,
    s: &str,
) -> Result<MunicipalityDetail, AppError> {
    let v = state.directory.version(&state.db).await?;
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
async fn edit_municipality_page(
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
    render(&municipality_form(
        &state,
        ctx,
        Some(existing),
        form,
        Vec::new(),
    ))
}

/// `POST /municipalities/{slug}/edit`
async fn edit_municipality(
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
                .map_err(edit_error)?;
            return Ok(saved(&format!("/municipalities/{}", m.slug), &ctx));
        }
        Err(errors) => errors,
    };
    let existing = existing_municipality(&ctx, &detail);
    invalid(&municipality_form(&state, ctx, Some(existing), raw, errors))
}

/// `GET /municipalities/new`: coordinators.
async fn new_municipality_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    _who: RequireRole<Coordinator>,
) -> Result<Html<String>, AppError> {
    let mut form = RawMunicipalityCreate::default();
    form.edit.orig = ctx.lang().to_owned();
    render(&municipality_form(&state, ctx, None, form, Vec::new()))
}

/// `POST /municipalities/new`: the new municipality's page, or the form
/// again with what to correct (a taken address among it).
async fn new_municipality(
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
    invalid(&municipality_form(&state, ctx, None, raw, errors))
}

#[derive(Template)]
#[template(path = "directory/templates/organisation_form.html")]
struct OrganisationFormPage {
    ctx: PageCtx,
    /// `None`: a new organisation.
    existing: Option<Existing>,
    form: RawOrganisationCreate,
    themes: Vec<theme::Model>,
    countries: Vec<country::Model>,
    kinds: &'static [OrganisationKind],
    errors: Vec<FieldError>,
}

impl OrganisationFormPage {
    fn heading(&self) -> String {
        self.ctx.t(match self.existing {
            Some(_) => "organisation-edit",
            None => "organisation-new",
        })
    }
    fn action(&self) -> String {
        match &self.existing {
            Some(x) => format!("/organisations/{}/edit", x.slug),
            None => "/organisations/new".to_owned(),
        }
    }
    fn submit_label(&self) -> String {
        self.ctx.t(match self.existing {
            Some(_) => "edit-save",
            None => "organisation-create",
        })
    }
    fn orig(&self) -> &str {
        &self.form.edit.orig
    }
    fn lang_label(&self, l: &Locale) -> String {
        lang_label(&self.ctx, l)
    }
    fn name_in(&self, l: &Locale) -> &str {
        value_in(&self.form.edit.names, *l)
    }
    fn description_in(&self, l: &Locale) -> &str {
        value_in(&self.form.edit.descriptions, *l)
    }
    fn theme_checked(&self, id: &i32) -> bool {
        self.form.edit.themes.iter().any(|t| *t == id.to_string())
    }
    fn has_error(&self, field: &str) -> bool {
        has_error(&self.errors, field)
    }
    fn field_label(&self, field: &str) -> String {
        field_label(&self.ctx, field)
    }
    fn kind_label(&self, code: &str) -> String {
        kind_label(&self.ctx, code, "organisation-kind")
    }
}

fn organisation_form(
    state: &AppState,
    ctx: PageCtx,
    existing: Option<Existing>,
    form: RawOrganisationCreate,
    errors: Vec<FieldError>,
) -> OrganisationFormPage {
    OrganisationFormPage {
        countries: all_countries(state, ctx.locale),
        existing,
        form,
        themes: state.directory.reference.themes().to_vec(),
        kinds: OrganisationKind::ALL,
        errors,
        ctx: ctx.with_section(Section::Organisations),
    }
}

/// The organisation form from submitted pairs (the address aside).
fn organisation_fields(pairs: Vec<(String, String)>) -> RawOrganisationCreate {
    let mut raw = RawOrganisationCreate::default();
    let edit = &mut raw.edit;
    for (k, v) in pairs {
        match k.as_str() {
            "slug" => raw.slug = v,
            "orig" => edit.orig = v,
            "acronym" => edit.acronym = v,
            "kind" => edit.kind = v,
            "country" => edit.country = v,
            "website" => edit.website = v,
            "theme" => edit.themes.push(v),
            _ => {
                if let Some(l) = per_locale(&k, "name_") {
                    edit.names.push((l, v));
                } else if let Some(l) = per_locale(&k, "description_") {
                    edit.descriptions.push((l, v));
                }
            }
        }
    }
    raw
}

/// The organisation behind a slug (coordinators edit any).
async fn organisation_to_edit(state: &AppState, s: &str) -> Result<OrganisationCard, AppError> {
    let v = state.directory.version(&state.db).await?;
    let found = state
        .directory
        .organisation(&state.db, v, Key::Slug(slug(s)?))
        .await?;
    found.as_ref().clone().ok_or(AppError::NotFound)
}

fn existing_organisation(ctx: &PageCtx, card: &OrganisationCard) -> Existing {
    Existing {
        slug: card.organisation.slug.clone(),
        title: ctx.text(&card.organisation.name).to_owned(),
    }
}

/// `GET /organisations/new`: coordinators.
async fn new_organisation_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    _who: RequireRole<Coordinator>,
) -> Result<Html<String>, AppError> {
    let mut form = RawOrganisationCreate::default();
    form.edit.orig = ctx.lang().to_owned();
    render(&organisation_form(&state, ctx, None, form, Vec::new()))
}

/// `POST /organisations/new`
async fn new_organisation(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    who: RequireRole<Coordinator>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let raw = organisation_fields(pairs);
    let reference = &state.directory.reference;
    let known_country = |c: &str| reference.country(c).is_some();
    let errors = match raw.parse(&known_country, &theme_ids(&state)) {
        Ok(create) => {
            let origin = origin_of(&who.me, &client);
            let now = chrono::Utc::now();
            match editing::create_organisation(&state.db, &origin, &who.me.actor(), create, now)
                .await
            {
                Ok(o) => return Ok(saved(&format!("/organisations/{}", o.slug), &ctx)),
                Err(e) => save_errors(e)?,
            }
        }
        Err(errors) => errors,
    };
    invalid(&organisation_form(&state, ctx, None, raw, errors))
}

/// `GET /organisations/{slug}/edit`: coordinators.
async fn edit_organisation_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    _who: RequireRole<Coordinator>,
    Path(s): Path<String>,
) -> Result<Html<String>, AppError> {
    let card = organisation_to_edit(&state, &s).await?;
    let o = &card.organisation;
    let form = RawOrganisationCreate {
        slug: o.slug.clone(),
        edit: RawOrganisationEdit {
            orig: o.name.orig().code().to_owned(),
            names: values_of(Some(&o.name)),
            descriptions: values_of(o.description.as_ref()),
            acronym: o.acronym.clone().unwrap_or_default(),
            kind: o.kind.clone(),
            country: o.country_code.clone().unwrap_or_default(),
            website: o.website.clone().unwrap_or_default(),
            themes: card.themes.iter().map(|t| t.id.to_string()).collect(),
        },
    };
    let existing = existing_organisation(&ctx, &card);
    render(&organisation_form(
        &state,
        ctx,
        Some(existing),
        form,
        Vec::new(),
    ))
}

/// `POST /organisations/{slug}/edit`: its address stays.
async fn edit_organisation(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    who: RequireRole<Coordinator>,
    Path(s): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let card = organisation_to_edit(&state, &s).await?;
    let o = &card.organisation;
    let mut raw = organisation_fields(pairs);
    raw.slug = o.slug.clone();
    let reference = &state.directory.reference;
    let known_country = |c: &str| reference.country(c).is_some();
    let kept = o.description.as_ref().map(TrText::orig);
    let errors = match raw.edit.parse(&known_country, &theme_ids(&state), kept) {
        Ok(edit) => {
            let origin = origin_of(&who.me, &client);
            let now = chrono::Utc::now();
            editing::update_organisation(&state.db, &origin, &who.me.actor(), o.id, edit, now)
                .await
                .map_err(edit_error)?;
            return Ok(saved(&format!("/organisations/{}", o.slug), &ctx));
        }
        Err(errors) => errors,
    };
    let existing = existing_organisation(&ctx, &card);
    invalid(&organisation_form(&state, ctx, Some(existing), raw, errors))
}

/// Template helpers for kinds.
fn kind_label(ctx: &PageCtx, code: &str, prefix: &str) -> String {
    ctx.t(&format!("{prefix}-{code}"))
}

impl MunicipalitiesPage {
    fn kind_label(&self, code: &str) -> String {
        kind_label(&self.ctx, code, "municipality-kind")
    }
}
impl MunicipalityPage {
    fn kind_label(&self, code: &str) -> String {
        kind_label(&self.ctx, code, "municipality-kind")
    }
}
impl OrganisationsPage {
    fn kind_label(&self, code: &str) -> String {
        kind_label(&self.ctx, code, "organisation-kind")
    }
}
impl OrganisationPage {
    fn kind_label(&self, code: &str) -> String {
        kind_label(&self.ctx, code, "organisation-kind")
    }
}

// ---------------------------------------------------------------- JSON API

/// Every list of the API answers in this shape.
#[derive(Serialize)]
pub struct ApiList<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
}

impl<T> ApiList<T> {
    fn from_page<U: Clone>(page: &Page<U>, f: impl Fn(U) -> T) -> Self {
        ApiList {
            total: page.total,
            page: page.page,
            per_page: page.per_page,
            items: page.items.iter().cloned().map(f).collect(),
        }
    }
}

/// A translatable text as the API gives it: the value for the requested
/// locale (or the original), the locale it is in, and every version.
#[derive(Serialize)]
struct ApiText {
    text: String,
    locale: Locale,
    original_locale: Locale,
    translations: std::collections::BTreeMap<Locale, String>,
}

fn api_text(t: &TrText, reader: Locale) -> ApiText {
    let shown = t.show(reader);
    ApiText {
        text: shown.text.to_owned(),
        locale: shown.locale,
        original_locale: t.orig(),
        translations: t
            .locales()
            .filter_map(|l| t.get(l).map(|v| (l, v.to_owned())))
            .collect(),
    }
}

#[derive(Serialize)]
struct ApiRef {
    code: String,
    name: String,
}

#[derive(Serialize)]
struct ApiTheme {
    id: i32,
    slug: String,
    name: String,
    url: String,
}

#[derive(Serialize)]
struct ApiMunicipality {
    id: i32,
    slug: String,
    name: String,
    name_locale: Locale,
    url: String,
    kind: String,
    country: Option<ApiRef>,
    region: Option<String>,
    population: Option<i64>,
    population_year: Option<i32>,
    refugees_hosted: Option<i64>,
    refugees_year: Option<i32>,
    member_since: Option<i32>,
    themes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    names: Option<ApiText>,
    #[serde(skip_serializing_if = "Option::is_none")]
    profile: Option<ApiText>,
    #[serde(skip_serializing_if = "Option::is_none")]
    focal_points: Option<Vec<ApiContact>>,
}

#[derive(Serialize)]
struct ApiContact {
    name: String,
    position: Option<String>,
}

#[derive(Serialize)]
struct ApiOrganisation {
    id: i32,
    slug: String,
    name: String,
    name_locale: Locale,
    url: String,
    acronym: Option<String>,
    kind: String,
    country: Option<ApiRef>,
    website: Option<String>,
    themes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    names: Option<ApiText>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<ApiText>,
}

#[derive(Serialize)]
struct ApiCountry {
    id: String,
    code: String,
    alpha3: String,
    name: String,
    url: String,
}

fn country_ref(c: &Option<country::Model>, l: Locale) -> Option<ApiRef> {
    c.as_ref().map(|c| ApiRef {
        code: c.code.clone(),
        name: c.name.text(l).to_owned(),
    })
}

fn to_api_municipality(base: &str, l: Locale, c: MunicipalityCard) -> ApiMunicipality {
    let m = c.municipality;
    let shown = m.name.show(l);
    ApiMunicipality {
        id: m.id,
        url: format!("{base}/municipalities/{}", m.slug),
        name: shown.text.to_owned(),
        name_locale: shown.locale,
        slug: m.slug.clone(),
        kind: m.kind.clone(),
        country: country_ref(&c.country, l),
        region: m.region.clone(),
        population: m.population,
        population_year: m.population_year,
        refugees_hosted: m.refugees_hosted,
        refugees_year: m.refugees_year,
        member_since: m.member_since,
        themes: c.themes.iter().map(|t| t.slug.clone()).collect(),
        names: None,
        profile: None,
        focal_points: None,
    }
}

fn to_api_organisation(base: &str, l: Locale, c: OrganisationCard) -> ApiOrganisation {
    let o = c.organisation;
    let shown = o.name.show(l);
    ApiOrganisation {
        id: o.id,
        url: format!("{base}/organisations/{}", o.slug),
        name: shown.text.to_owned(),
        name_locale: shown.locale,
        slug: o.slug.clone(),
        acronym: o.acronym.clone(),
        kind: o.kind.clone(),
        country: country_ref(&c.country, l),
        website: o.website.clone(),
        themes: c.themes.iter().map(|t| t.slug.clone()).collect(),
        names: None,
        description: None,
    }
}

/// `GET /api/v1/municipalities?country=&theme=&kind=&page=&per_page=&lang=`
async fn api_municipalities(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Json<ApiList<ApiMunicipality>>, AppError> {
    let filter = municipality_filter(&params)?;
    let page_req = page_request(&params)?;
    let v = state.directory.version(&state.db).await?;
    let page = state
        .directory
        .municipalities(&state.db, v, &filter, page_req)
        .await?;
    let base = state.settings.public_url();
    Ok(Json(ApiList::from_page(&page, |c| {
        to_api_municipality(&base, ctx.locale, c)
    })))
}

/// `GET /api/v1/municipalities/{id}`
async fn api_municipality(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Result<Json<ApiMunicipality>, AppError> {
    let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
    let v = state.directory.version(&state.db).await?;
    let found = state
        .directory
        .municipality(&state.db, v, Key::Id(id))
        .await?;
    let MunicipalityDetail { card, contacts } = found.as_ref().clone().ok_or(AppError::NotFound)?;
    let l = ctx.locale;
    let names = api_text(&card.municipality.name, l);
    let profile = card.municipality.profile.as_ref().map(|p| api_text(p, l));
    let mut out = to_api_municipality(&state.settings.public_url(), l, card);
    out.names = Some(names);
    out.profile = profile;
    out.focal_points = Some(
        contacts
            .iter()
            .map(|c: &contact::Model| ApiContact {
                name: c.name.clone(),
                position: c.position.as_ref().map(|p| p.text(l).to_owned()),
            })
            .collect(),
    );
    Ok(Json(out))
}

/// `GET /api/v1/organisations?country=&theme=&kind=&page=&per_page=&lang=`
async fn api_organisations(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Json<ApiList<ApiOrganisation>>, AppError> {
    let filter = organisation_filter(&params)?;
    let page_req = page_request(&params)?;
    let v = state.directory.version(&state.db).await?;
    let page = state
        .directory
        .organisations(&state.db, v, &filter, page_req)
        .await?;
    let base = state.settings.public_url();
    Ok(Json(ApiList::from_page(&page, |c| {
        to_api_organisation(&base, ctx.locale, c)
    })))
}

/// `GET /api/v1/organisations/{id}`
async fn api_organisation(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<String>,
) -> Result<Json<ApiOrganisation>, AppError> {
    let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
    let v = state.directory.version(&state.db).await?;
    let found = state
        .directory
        .organisation(&state.db, v, Key::Id(id))
        .await?;
    let card = found.as_ref().clone().ok_or(AppError::NotFound)?;
    let l = ctx.locale;
    let names = api_text(&card.organisation.name, l);
    let description = card
        .organisation
        .description
        .as_ref()
        .map(|d| api_text(d, l));
    let mut out = to_api_organisation(&state.settings.public_url(), l, card);
    out.names = Some(names);
    out.description = description;
    Ok(Json(out))
}

/// `GET /api/v1/themes?page=&per_page=&lang=`
async fn api_themes(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Json<ApiList<ApiTheme>>, AppError> {
    let page_req = page_request(&params)?;
    let all = state.directory.reference.themes();
    let base = state.settings.public_url();
    let total = all.len() as u64;
    let items = all
        .iter()
        .skip(((page_req.page - 1) * page_req.per_page) as usize)
        .take(page_req.per_page as usize)
        .map(|t| ApiTheme {
            id: t.id,
            name: t.label.text(ctx.locale).to_owned(),
            url: format!("{base}/municipalities?theme={}", t.slug),
            slug: t.slug.clone(),
        })
        .collect();
    Ok(Json(ApiList {
        items,
        total,
        page: page_req.page,
        per_page: page_req.per_page,
    }))
}

/// `GET /api/v1/countries?members=true&page=&per_page=&lang=`
async fn api_countries(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Json<ApiList<ApiCountry>>, AppError> {
    let only_members = match rules::non_empty(params.get("members")) {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => return Err(AppError::bad_request("members")),
    };
    let page = rules::countries(
        state.db.read(),
        &state.directory.reference,
        only_members,
        page_request(&params)?,
    )
    .await?;
    let base = state.settings.public_url();
    Ok(Json(ApiList::from_page(&page, |c| ApiCountry {
        id: c.code.clone(),
        name: c.name.text(ctx.locale).to_owned(),
        url: format!("{base}/municipalities?country={}", c.code),
        alpha3: c.alpha3,
        code: c.code,
    })))
}
