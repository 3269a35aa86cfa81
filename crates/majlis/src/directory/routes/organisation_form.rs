//! `/organisations/new` and `/organisations/{slug}/edit` (coordinators).

use axum::extract::{Path, State};
use axum::response::{Html, Response};

use super::forms::{
    Existing, Fields, FormPage, invalid, per_locale, save_errors, saved, theme_ids, values_of,
};
use super::slug;
use crate::app::AppState;
use crate::audit::origin_of;
use crate::directory::editing::{self, FieldError, RawOrganisationCreate, RawOrganisationEdit};
use crate::directory::rules::OrganisationCard;
use crate::directory::service::Key;
use crate::i18n::TrText;
use crate::policy::Coordinator;
use crate::web::extract::{ClientInfo, CsrfForm, RequireRole};
use crate::web::{AppError, PageCtx, render};

async fn organisation_form(
    state: &AppState,
    ctx: PageCtx,
    existing: Option<Existing>,
    form: RawOrganisationCreate,
    errors: Vec<FieldError>,
) -> Result<FormPage, AppError> {
    FormPage::new(state, ctx, existing, Fields::Organisation(form), errors).await
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
pub(super) async fn organisation_to_edit(
    state: &AppState,
    s: &str,
) -> Result<OrganisationCard, AppError> {
    let v = state.directory.current_version(&state.db).await?;
    let found = state
        .directory
        .organisation(&state.db, v, Key::Slug(slug(s)?))
        .await?;
    let found = found.as_ref().clone().ok_or(AppError::NotFound)?;
    Ok(found.card)
}

fn existing_organisation(ctx: &PageCtx, card: &OrganisationCard) -> Existing {
    Existing {
        slug: card.organisation.slug.clone(),
        title: ctx.text(&card.organisation.name).to_owned(),
    }
}

/// `GET /organisations/new`: coordinators.
pub(super) async fn new_organisation_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    _who: RequireRole<Coordinator>,
) -> Result<Html<String>, AppError> {
    let mut form = RawOrganisationCreate::default();
    form.edit.orig = ctx.lang().to_owned();
    render(&organisation_form(&state, ctx, None, form, Vec::new()).await?)
}

/// `POST /organisations/new`
pub(super) async fn new_organisation(
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
    invalid(&organisation_form(&state, ctx, None, raw, errors).await?)
}

/// `GET /organisations/{slug}/edit`: coordinators.
pub(super) async fn edit_organisation_page(
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
    render(&organisation_form(&state, ctx, Some(existing), form, Vec::new()).await?)
}

/// `POST /organisations/{slug}/edit`: its address stays.
pub(super) async fn edit_organisation(
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
                .map_err(AppError::from)?;
            return Ok(saved(&format!("/organisations/{}", o.slug), &ctx));
        }
        Err(errors) => errors,
    };
    let existing = existing_organisation(&ctx, &card);
    invalid(&organisation_form(&state, ctx, Some(existing), raw, errors).await?)
}
