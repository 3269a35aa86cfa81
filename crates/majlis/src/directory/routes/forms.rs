//! The one form for municipalities and organisations ([`FormPage`]), and
//! what their handlers share: per-locale values, labels, how a save ends.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::kind_label;
use crate::app::AppState;
use crate::directory::editing::{
    EditError, FieldError, RawMunicipalityCreate, RawOrganisationCreate,
};
use crate::directory::entities::theme;
use crate::directory::{MunicipalityKind, OrganisationKind};
use crate::i18n::{Locale, TrText};
use crate::web::{AppError, PageCtx, Section, render};

/// The record a form changes, as its breadcrumbs and heading name it.
pub(super) struct Existing {
    pub(super) slug: String,
    pub(super) title: String,
}

fn value_in(values: &[(Locale, String)], l: Locale) -> &str {
    values
        .iter()
        .find(|(k, _)| *k == l)
        .map(|(_, v)| v.as_str())
        .unwrap_or_default()
}

/// A translatable text as a form's per-locale values.
pub(super) fn values_of(t: Option<&TrText>) -> Vec<(Locale, String)> {
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
pub(super) fn per_locale(key: &str, prefix: &str) -> Option<Locale> {
    key.strip_prefix(prefix)
        .and_then(|l| l.parse::<Locale>().ok())
}

pub(super) fn theme_ids(state: &AppState) -> Vec<i32> {
    state
        .directory
        .reference
        .themes()
        .iter()
        .map(|t| t.id)
        .collect()
}

/// What a failed save shows: the field to correct, or an error page.
pub(super) fn save_errors(e: EditError) -> Result<Vec<FieldError>, AppError> {
    e.field_error().map(|f| vec![f]).ok_or_else(|| e.into())
}

/// After a save, the page of what was saved.
pub(super) fn saved(path: &str, ctx: &PageCtx) -> Response {
    Redirect::to(&format!("{path}?saved=1&lang={}", ctx.lang())).into_response()
}

/// The form again, with what was typed and what to correct.
pub(super) fn invalid(page: &impl Template) -> Result<Response, AppError> {
    Ok((StatusCode::BAD_REQUEST, render(page)?).into_response())
}

/// What a form creates or edits, as typed (or as stored).
pub(super) enum Fields {
    /// For an existing municipality only `edit` (its profile) is shown.
    Municipality(RawMunicipalityCreate),
    Organisation(RawOrganisationCreate),
}

/// The one directory form: a new municipality or organisation, or an
/// existing one. The frame (breadcrumbs, errors, address, names, themes) is
/// shared; each kind's own fields follow its variant of [`Fields`].
#[derive(Template)]
#[template(path = "directory/templates/form.html")]
pub(super) struct FormPage {
    ctx: PageCtx,
    /// `None`: a new one.
    existing: Option<Existing>,
    fields: Fields,
    themes: Vec<theme::Model>,
    /// What the country field offers (none on a municipality's profile).
    countries: crate::directory::choices::CountryChoices,
    errors: Vec<FieldError>,
}

impl FormPage {
    pub(super) async fn new(
        state: &AppState,
        ctx: PageCtx,
        existing: Option<Existing>,
        fields: Fields,
        errors: Vec<FieldError>,
    ) -> Result<Self, AppError> {
        let (section, has_country) = match &fields {
            Fields::Municipality(_) => (Section::Municipalities, existing.is_none()),
            Fields::Organisation(_) => (Section::Organisations, true),
        };
        let countries = match has_country {
            true => {
                crate::directory::choices::country_choices(
                    state.db.read(),
                    &state.directory.reference,
                    ctx.locale,
                )
                .await?
            }
            false => Default::default(),
        };
        Ok(FormPage {
            countries,
            existing,
            fields,
            themes: state.directory.reference.themes().to_vec(),
            errors,
            ctx: ctx.with_section(section),
        })
    }

    fn is_municipality(&self) -> bool {
        matches!(self.fields, Fields::Municipality(_))
    }
    /// The list's address; a record's page is below it.
    fn list(&self) -> &'static str {
        match self.is_municipality() {
            true => "/municipalities",
            false => "/organisations",
        }
    }
    fn list_label(&self) -> &'static str {
        match self.is_municipality() {
            true => "nav-municipalities",
            false => "nav-organisations",
        }
    }
    fn heading(&self) -> String {
        self.ctx.t(match (self.is_municipality(), &self.existing) {
            (true, Some(_)) => "edit-municipality",
            (true, None) => "municipality-new",
            (false, Some(_)) => "organisation-edit",
            (false, None) => "organisation-new",
        })
    }
    fn action(&self) -> String {
        match &self.existing {
            Some(x) => format!("{}/{}/edit", self.list(), x.slug),
            None => format!("{}/new", self.list()),
        }
    }
    fn submit_label(&self) -> String {
        self.ctx.t(match (self.is_municipality(), &self.existing) {
            (_, Some(_)) => "edit-save",
            (true, None) => "municipality-create",
            (false, None) => "organisation-create",
        })
    }
    fn slug(&self) -> &str {
        match &self.fields {
            Fields::Municipality(f) => &f.slug,
            Fields::Organisation(f) => &f.slug,
        }
    }
    /// The original language, the names and the themes as typed.
    fn common(&self) -> (&str, &[(Locale, String)], &[String]) {
        match &self.fields {
            Fields::Municipality(f) => (&f.edit.orig, &f.edit.names, &f.edit.themes),
            Fields::Organisation(f) => (&f.edit.orig, &f.edit.names, &f.edit.themes),
        }
    }
    fn orig(&self) -> &str {
        self.common().0
    }
    fn name_in(&self, l: &Locale) -> &str {
        value_in(self.common().1, *l)
    }
    /// A municipality's profile or an organisation's description.
    fn long_text_in(&self, l: &Locale) -> &str {
        match &self.fields {
            Fields::Municipality(f) => value_in(&f.edit.profiles, *l),
            Fields::Organisation(f) => value_in(&f.edit.descriptions, *l),
        }
    }
    fn theme_checked(&self, id: &i32) -> bool {
        self.common().2.iter().any(|t| *t == id.to_string())
    }
    fn lang_label(&self, l: &Locale) -> String {
        lang_label(&self.ctx, l)
    }
    fn has_error(&self, field: &str) -> bool {
        has_error(&self.errors, field)
    }
    fn field_label(&self, field: &str) -> String {
        field_label(&self.ctx, field)
    }
    fn kind_label(&self, code: &str) -> String {
        let prefix = match self.is_municipality() {
            true => "municipality-kind",
            false => "organisation-kind",
        };
        kind_label(&self.ctx, code, prefix)
    }
    fn municipality_kinds(&self) -> &'static [MunicipalityKind] {
        MunicipalityKind::ALL
    }
    fn organisation_kinds(&self) -> &'static [OrganisationKind] {
        OrganisationKind::ALL
    }
}
