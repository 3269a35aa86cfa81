//! `/search` and `/api/v1/search`: the form, its facets and the hits. The
//! index and its queries are `crate::search` (which knows no activity); the
//! page lives with the directory because its filters are the directory's
//! reference data (themes, countries), checked and labelled from it.

use std::sync::Arc;

use askama::Template;
use axum::Json;
use axum::extract::State;
use axum::response::Response;
use majlis_search::Results;
use serde::Serialize;

use crate::app::{AppState, Routes};
use crate::directory::rules::CountryCode;
use crate::directory::service::Directory;
use crate::fields::paging::{Page, PageRequest};
use crate::i18n::Locale;
use crate::search::results::{Item, MAX_QUERY, SearchRequest, items, run};
use crate::search::{Search, SearchError};
use crate::web::{AppError, PageCtx, Params, Section, render};

pub fn routes() -> Routes {
    Routes::new()
        .get("/search", search_page)
        .get("/api/v1/search", api_search)
}

impl From<SearchError> for AppError {
    fn from(e: SearchError) -> Self {
        AppError::Internal(anyhow::Error::new(e))
    }
}

/// What a reader asks, parsed and checked against the reference data and
/// the kinds the index holds. `lang_keys`: the parameters naming the
/// language filter (`in` on the page, where `lang` is the interface
/// language; `lang` or `in` in the API).
fn parse_request(
    params: &Params,
    dir: &Directory,
    search: &Search,
    lang_keys: &[&str],
) -> Result<SearchRequest, AppError> {
    let get = |k: &str| params.get(k).map(str::trim).filter(|v| !v.is_empty());
    let text = get("q").unwrap_or_default();
    if text.chars().count() > MAX_QUERY {
        return Err(AppError::bad_request("q"));
    }
    let kind = match get("type") {
        None => None,
        Some(t) => Some(
            search
                .catalogue()
                .kind(t)
                .ok_or_else(|| AppError::bad_request("type"))?,
        ),
    };
    let theme = match get("theme") {
        None => None,
        Some(t) if dir.reference.themes().iter().any(|x| x.slug == t) => Some(t.to_owned()),
        Some(_) => return Err(AppError::bad_request("theme")),
    };
    let country = match get("country") {
        None => None,
        Some(c) => {
            let c = CountryCode::parse(c).ok_or_else(|| AppError::bad_request("country"))?;
            Some(c.as_str().to_owned())
        }
    };
    let lang = match lang_keys.iter().find_map(|k| get(k)) {
        None => None,
        Some(l) => Some(
            l.parse::<Locale>()
                .map_err(|_| AppError::bad_request(lang_keys[0]))?,
        ),
    };
    let year = match get("year") {
        None => None,
        Some(y) => Some(
            y.parse::<i32>()
                .ok()
                .filter(|y| (1900..=2200).contains(y))
                .ok_or_else(|| AppError::bad_request("year"))?,
        ),
    };
    let newest = match get("sort") {
        None | Some("relevance") => false,
        Some("newest") => true,
        Some(_) => return Err(AppError::bad_request("sort")),
    };
    let page = PageRequest::from_query(params.get("page"), params.get("per_page"))?;
    Ok(SearchRequest {
        text: text.to_owned(),
        kind,
        theme,
        country,
        lang,
        year,
        newest,
        page,
    })
}

#[derive(Template)]
#[template(path = "search/templates/search.html")]
struct SearchPage {
    ctx: PageCtx,
    dir: Arc<Directory>,
    req: SearchRequest,
    page: Page<Item>,
    results: Results,
}

impl SearchPage {
    fn country_label(&self, code: &str) -> String {
        match self.dir.reference.country(code) {
            Some(c) => c.name.text(self.ctx.locale).to_owned(),
            None => code.to_owned(),
        }
    }
    fn theme_label(&self, slug: &str) -> String {
        self.dir
            .reference
            .themes()
            .iter()
            .find(|t| t.slug == slug)
            .map(|t| t.label.text(self.ctx.locale).to_owned())
            .unwrap_or_else(|| slug.to_owned())
    }
    fn lang_label(&self, code: &str) -> String {
        self.ctx.lang_label(code)
    }
    fn script(&self) -> String {
        crate::web::assets::url("search.js")
    }
    fn lang_chosen(&self, code: &str) -> bool {
        self.req.lang.is_some_and(|l| l.code() == code)
    }
    fn kind_label(&self, kind: &str) -> String {
        self.ctx.t(&format!("search-type-{kind}"))
    }
    /// A facet's values with counts, most first.
    fn facet<'a>(&self, m: &'a std::collections::BTreeMap<String, u64>) -> Vec<(&'a str, u64)> {
        let mut v: Vec<(&str, u64)> = m.iter().map(|(k, n)| (k.as_str(), *n)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v
    }
    fn years(&self) -> Vec<(i32, u64)> {
        let mut v: Vec<(i32, u64)> = self
            .results
            .facets
            .years
            .iter()
            .map(|(k, n)| (*k, *n))
            .collect();
        v.sort_by_key(|y| std::cmp::Reverse(y.0));
        v
    }
}

/// `GET /search?q=&type=&theme=&country=&in=&year=&sort=&page=`: a
/// visitor's page is kept per full address while the index stays at the
/// same generation.
async fn search_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Response, AppError> {
    let req = parse_request(&params, &state.directory, &state.search, &["in"])?;
    // Read before searching, so a page is never older than its generation.
    let generation = state.search.index.generation();
    state
        .pages
        .search_page(generation, &ctx, || async {
            let results = run(&state.search, &req, ctx.actor())?;
            let page = Page {
                items: items(&state.search, results.hits.clone(), ctx.locale),
                total: results.total as u64,
                page: req.page.page,
                per_page: req.page.per_page,
            };
            render(&SearchPage {
                dir: state.directory.clone(),
                ctx: ctx.clone().with_section(Section::Search),
                req: req.clone(),
                page,
                results,
            })
        })
        .await
}

#[derive(Serialize, utoipa::ToSchema)]
struct ApiSearch {
    /// This page's hits.
    items: Vec<Item>,
    /// How many items match.
    total: u64,
    page: u64,
    per_page: u64,
    /// Counts of matching items per value, for narrowing the search.
    #[schema(value_type = ApiFacets)]
    facets: majlis_search::Facets,
}

/// Exact counts of matching items per value (only values with a match appear).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)] // Describes `majlis_search::Facets` as it serialises.
struct ApiFacets {
    /// Per type (`practice`, `event`…).
    kinds: std::collections::BTreeMap<String, u64>,
    /// Per theme slug.
    themes: std::collections::BTreeMap<String, u64>,
    /// Per country code.
    countries: std::collections::BTreeMap<String, u64>,
    /// Per year.
    years: std::collections::BTreeMap<String, u64>,
    /// Per language the items exist in.
    languages: std::collections::BTreeMap<String, u64>,
}

/// The search part of the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(api_search))]
pub(super) struct ApiDoc;

/// `GET /api/v1/search?q=&type=&theme=&country=&in=&year=&sort=&page=&per_page=`
#[utoipa::path(get, path = "/api/v1/search", tag = "search",
    summary = "Search everything the caller may see",
    params(
        ("q" = Option<String>, Query, description = "Words to find (at most 200 characters); empty lists everything."),
        ("type" = Option<String>, Query, description = "Only items of this type: `practice`, `resource`, `event`, `dilemma`, `municipality`, `organisation`, `survey`, `project`."),
        crate::web::openapi::PlaceFilters,
        ("lang" = Option<crate::i18n::Locale>, Query, description = "Language of the answer's texts; also keeps only items in this language."),
        ("in" = Option<crate::i18n::Locale>, Query, description = "Keeps only items in this language (when `lang` is not given)."),
        ("year" = Option<i32>, Query, minimum = 1900, maximum = 2200, description = "Only items of this year."),
        ("sort" = Option<String>, Query, description = "`relevance` (default) or `newest`."),
        crate::web::openapi::Paging),
    responses(
        (status = 200, description = "One page of hits, with facet counts.", body = ApiSearch),
        (status = 400, description = "A parameter not understood.", body = crate::web::openapi::ApiError)))]
async fn api_search(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Json<ApiSearch>, AppError> {
    let req = parse_request(&params, &state.directory, &state.search, &["lang", "in"])?;
    let results = run(&state.search, &req, ctx.actor())?;
    Ok(Json(ApiSearch {
        items: items(&state.search, results.hits, ctx.locale),
        total: results.total as u64,
        page: req.page.page,
        per_page: req.page.per_page,
        facets: results.facets,
    }))
}
