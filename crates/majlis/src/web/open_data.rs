//! Open data: the public lists of the JSON API also as CSV and XLSX
//! (`/api/v1/practices.csv`, `.xlsx`, and the same for municipalities,
//! organisations, resources, events and dilemmas). An activity reads its
//! list as a visitor would, with the list's filters, every page, and turns
//! the items into their API form; this module writes them as a table: one
//! column per field named (a dotted path into the item's JSON), headers in
//! the reader's language, lists of codes joined with "; ", and a licence on
//! every row (the item's own `licence` when it has one, else the network's).

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::Value;

use super::{AppError, PageCtx};
use crate::config::Settings;
use crate::fields::table::{Column, Table, Workbook};
use crate::i18n::Locale;

/// The lists offered as downloads (`/api/v1/{name}.csv|.xlsx`).
pub const LISTS: [&str; 6] = [
    "municipalities",
    "organisations",
    "practices",
    "resources",
    "events",
    "dilemmas",
];

pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const CSV: &str = "text/csv; charset=utf-8";

/// The file a download is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    /// From the address's extension (`…/practices.csv`).
    pub fn of_path(path: &str) -> Option<Format> {
        match path.rsplit_once('.').map(|(_, ext)| ext) {
            Some("csv") => Some(Format::Csv),
            Some("xlsx") => Some(Format::Xlsx),
            _ => None,
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }
}

/// The format a download's address asks for: a handler takes it as an
/// argument (an address without `.csv` or `.xlsx` is not found).
impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Format {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        Format::of_path(parts.uri.path()).ok_or(AppError::NotFound)
    }
}

/// What a download holds: the list's name, the fields as columns (those
/// holding numbers marked), and the items in their API form.
pub struct Download<'a, T> {
    pub name: &'static str,
    pub columns: &'a [&'static str],
    pub numbers: &'a [&'static str],
    pub items: &'a [T],
}

/// A field's value as a cell: text as it is, numbers and booleans as
/// written, a list as its values joined with "; ", nothing for null.
fn cell(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| cell(Some(i)))
            .collect::<Vec<_>>()
            .join("; "),
        Some(other) => other.to_string(),
    }
}

fn field<'v>(item: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(item, |v, key| v.get(key))
}

/// The header label of a field (`country.name` → `open-data-col-country-name`).
fn label(ctx: &PageCtx, column: &str) -> String {
    ctx.t(&format!(
        "open-data-col-{}",
        column.replace(['.', '_'], "-")
    ))
}

/// The items as a table in the reader's language, a licence on each row.
pub fn table<T: Serialize>(
    d: &Download<'_, T>,
    ctx: &PageCtx,
    licence: &str,
) -> Result<Table, AppError> {
    let mut header: Vec<String> = d.columns.iter().map(|c| label(ctx, c)).collect();
    header.push(label(ctx, "licence"));
    let mut kinds: Vec<Column> = d
        .columns
        .iter()
        .map(|c| {
            if d.numbers.contains(c) {
                Column::Number
            } else {
                Column::Text
            }
        })
        .collect();
    kinds.push(Column::Text);
    let mut rows = Vec::with_capacity(d.items.len());
    for item in d.items {
        let v = serde_json::to_value(item).map_err(|e| AppError::Internal(e.into()))?;
        let mut row: Vec<String> = d.columns.iter().map(|c| cell(field(&v, c))).collect();
        let own = cell(v.get("licence"));
        row.push(if own.is_empty() {
            licence.to_owned()
        } else {
            own
        });
        rows.push(row);
    }
    Ok(Table {
        header,
        kinds,
        rows,
    })
}

/// The download as a response: the file, its type, a file name saying
/// what and in which language, and the licence as a `Link`.
pub fn respond<T: Serialize>(
    format: Format,
    d: &Download<'_, T>,
    ctx: &PageCtx,
    settings: &Settings,
) -> Result<Response, AppError> {
    let licence = settings.open_data_licence.as_str();
    let table = table(d, ctx, licence)?;
    let internal = |e: String| AppError::Internal(anyhow::anyhow!(e));
    let (bytes, kind) = match format {
        Format::Csv => (table.to_csv().map_err(|e| internal(e.to_string()))?, CSV),
        Format::Xlsx => {
            let about = vec![
                (
                    ctx.t("open-data-source"),
                    format!("{}/api/v1/{}", settings.public_url(), d.name),
                ),
                (label(ctx, "licence"), licence.to_owned()),
                (
                    ctx.t("open-data-licence-text"),
                    settings.open_data_licence_url.clone(),
                ),
                (ctx.t("open-data-language"), ctx.lang().to_owned()),
            ];
            let about_name = ctx.t("open-data-about-sheet");
            let bytes = table
                .to_xlsx(&Workbook {
                    sheet: d.name,
                    right_to_left: ctx.locale == Locale::Ar,
                    about: Some((&about_name, about)),
                })
                .map_err(|e| internal(e.to_string()))?;
            (bytes, XLSX)
        }
    };
    let file = format!("majlis-{}-{}.{}", d.name, ctx.lang(), format.extension());
    let mut res = bytes.into_response();
    let headers = res.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    if let Ok(v) = HeaderValue::from_str(&majlis_files::content_disposition(&file, false)) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    if let Ok(v) = HeaderValue::from_str(&format!(
        "<{}>; rel=\"license\"",
        settings.open_data_licence_url
    )) {
        headers.insert(header::LINK, v);
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_and_formats() {
        let v = serde_json::json!({"a": {"b": 3}, "t": ["x", "y"], "n": null, "o": true});
        assert_eq!(cell(field(&v, "a.b")), "3");
        assert_eq!(cell(field(&v, "t")), "x; y");
        assert_eq!(cell(field(&v, "n")), "");
        assert_eq!(cell(field(&v, "missing.path")), "");
        assert_eq!(cell(field(&v, "o")), "true");
        assert_eq!(Format::of_path("/api/v1/practices.csv"), Some(Format::Csv));
        assert_eq!(Format::of_path("/api/v1/events.xlsx"), Some(Format::Xlsx));
        assert_eq!(Format::of_path("/api/v1/events"), None);
    }
}
