//! Reading the library: typed filters, and the bounded set of queries each
//! page runs. What a reader may see is decided in the query (a visitor's
//! counts never include members-only resources or unpublished practices).

use sea_orm::DbErr;

use super::{PracticeStatus, ResourceKind, VisibilityCode};
use crate::directory::rules::{CountryCode, Slug, non_empty};
use crate::fields::{BadField, parse_opt};
use crate::i18n::Locale;
use crate::policy::Visibility;

mod edition_reads;
mod file_reads;
mod practice_reads;
mod resource_reads;

pub use edition_reads::{Edition, edition, editions};
pub use file_reads::{Download, FileUse, attachments_of, download, readable_file};
pub use practice_reads::{
    PracticeCard, PracticeDetail, PracticeScope, ReviewEntry, list_practices, practice_countries,
    practice_detail,
};
pub use resource_reads::{
    PracticeLink, ResourceCard, ResourceDetail, list_resources, resource_countries, resource_detail,
};

/// What reading the library can fail with. The web layer turns it into a
/// response (`routes`), so these rules never see HTTP.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// A filter value could not be understood; names the query parameter.
    #[error("bad value for {field}")]
    BadFilter { field: &'static str },
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl From<BadField> for LibraryError {
    fn from(BadField(field): BadField) -> Self {
        LibraryError::BadFilter { field }
    }
}

/// How a list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Most recent first.
    #[default]
    Newest,
    /// Oldest first.
    Oldest,
    /// By title (its slug).
    Title,
    /// Most recently changed first (feeds; not offered on the pages).
    Changed,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Newest, Sort::Oldest, Sort::Title];

    pub fn code(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Title => "title",
            Sort::Changed => "changed",
        }
    }

    fn parse(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|x| x.code() == s)
    }
}

fn year(s: &str) -> Option<i32> {
    s.parse::<i32>().ok().filter(|y| (1900..=2200).contains(y))
}

/// Filters of the library and of the practice list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct LibraryFilter {
    pub kind: Option<ResourceKind>,
    pub theme: Option<Slug>,
    pub country: Option<CountryCode>,
    pub lang: Option<Locale>,
    pub year: Option<i32>,
    pub sort: Sort,
}

impl LibraryFilter {
    /// Parse the query's values; a malformed one is an error naming the field.
    pub fn parse(get: impl Fn(&str) -> Option<String>) -> Result<Self, LibraryError> {
        let g = |k: &str| get(k);
        Ok(LibraryFilter {
            kind: parse_opt(g("kind").as_deref(), "kind", ResourceKind::from_code)?,
            theme: parse_opt(g("theme").as_deref(), "theme", Slug::parse)?,
            country: parse_opt(g("country").as_deref(), "country", CountryCode::parse)?,
            lang: parse_opt(g("language").as_deref(), "language", |s| {
                s.parse::<Locale>().ok()
            })?,
            year: parse_opt(g("year").as_deref(), "year", year)?,
            sort: parse_opt(g("sort").as_deref(), "sort", Sort::parse)?.unwrap_or_default(),
        })
    }

    pub fn is_empty(&self) -> bool {
        self.kind.is_none()
            && self.theme.is_none()
            && self.country.is_none()
            && self.lang.is_none()
            && self.year.is_none()
    }
}

fn split_codes(s: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in s.unwrap_or_default().split(',').map(str::trim) {
        if !c.is_empty() && !out.iter().any(|o| o == c) {
            out.push(c.to_owned());
        }
    }
    out
}

// ------------------------------------------------------------------ practices

fn public_statuses() -> Vec<&'static str> {
    vec![PracticeStatus::Published.code()]
}

/// `true` when a filter value is present: used by templates.
pub fn given(v: Option<&str>) -> bool {
    non_empty(v).is_some()
}

/// The visibility policy value for a stored code (unknown codes: members only).
pub fn visibility_of(code: &str) -> Visibility {
    VisibilityCode::from_code(code)
        .map(VisibilityCode::policy)
        .unwrap_or(Visibility::Members)
}
