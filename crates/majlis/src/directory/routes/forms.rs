//! What the municipality and organisation forms share: per-locale values,
//! error lists, labels, and how a save ends.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::by_name;
use crate::directory::editing::{EditError, FieldError};
use crate::directory::entities::country;
use crate::i18n::{Locale, TrText};
use crate::web::{AppError, AppState, PageCtx, render};

/// The record a form changes, as its breadcrumbs and heading name it.
pub(super) struct Existing {
    pub(super) slug: String,
    pub(super) title: String,
}

pub(super) fn value_in(values: &[(Locale, String)], l: Locale) -> &str {
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

pub(super) fn has_error(errors: &[FieldError], field: &str) -> bool {
    errors.iter().any(|e| e.field == field)
}

pub(super) fn field_label(ctx: &PageCtx, field: &str) -> String {
    ctx.t(&format!("field-{field}"))
}

pub(super) fn lang_label(ctx: &PageCtx, l: &Locale) -> String {
    ctx.t(&format!("language-{}", l.code()))
}

/// A form key such as `name_ar`: the locale after the prefix.
pub(super) fn per_locale(key: &str, prefix: &str) -> Option<Locale> {
    key.strip_prefix(prefix)
        .and_then(|l| l.parse::<Locale>().ok())
}

/// Every country, by name in the reader's language (for a form's select).
pub(super) fn all_countries(state: &AppState, l: Locale) -> Vec<country::Model> {
    let all: Vec<country::Model> = state.directory.reference.countries().cloned().collect();
    by_name(&all, l)
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
