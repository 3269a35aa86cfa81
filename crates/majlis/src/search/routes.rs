//! `/search` and `/api/v1/search`: one query, the reader's permissions in it.

use std::sync::Arc;

use askama::Template;
use axum::Json;
use axum::extract::State;
use axum::response::Html;
use majlis_search::{Hit, Query, Results, Sort};
use serde::Serialize;

use super::{Search, SearchError, documents::KINDS};
use crate::app::AppState;
use crate::app::Routes;
use crate::directory::rules::CountryCode;
use crate::directory::service::Directory;
use crate::i18n::Locale;
use crate::policy::Actor;
use crate::web::paging::ApiList;
use crate::web::paging::{Page, PageRequest};
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

/// What a reader may ask: parsed, checked against the vocabulary.
#[derive(Clone, Debug, Default)]
pub struct SearchRequest {
    pub text: String,
    pub kind: Option<&'static str>,
    pub theme: Option<String>,
    pub country: Option<String>,
    pub lang: Option<Locale>,
    pub year: Option<i32>,
    pub newest: bool,
    pub page: PageRequest,
}

/// Longest query text accepted (characters).
pub const MAX_QUERY: usize = 200;

impl SearchRequest {
    /// `lang_keys`: the parameters naming the language filter (`in` on the
    /// page, where `lang` is the interface language; `lang` or `in` in the API).
    pub fn parse(params: &Params, dir: &Directory, lang_keys: &[&str]) -> Result<Self, AppError> {
        let get = |k: &str| params.get(k).map(str::trim).filter(|v| !v.is_empty());
        let text = get("q").unwrap_or_default();
        if text.chars().count() > MAX_QUERY {
            return Err(AppError::bad_request("q"));
        }
        let kind = match get("type") {
            None => None,
            Some(t) => Some(
                *KINDS
                    .iter()
                    .find(|k| **k == t)
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

    fn query(&self, actor: Option<&Actor>) -> Query {
        Query {
            text: self.text.clone(),
            kinds: self.kind.map(str::to_owned).into_iter().collect(),
            themes: self.theme.clone().into_iter().collect(),
            countries: self.country.clone().into_iter().collect(),
            languages: self.lang.map(|l| l.code().to_owned()).into_iter().collect(),
            years: self.year.into_iter().collect(),
            audience: super::audience_of(actor),
            sort: if self.newest {
                Sort::Newest
            } else {
                Sort::Relevance
            },
            page: self.page.page as usize,
            per_page: self.page.per_page as usize,
        }
    }
}

/// Run a search with the reader's permissions.
pub fn run(
    search: &Search,
    req: &SearchRequest,
    actor: Option<&Actor>,
) -> Result<Results, SearchError> {
    Ok(search.index.search(&req.query(actor))?)
}

/// A hit as pages and the API show it: the title in the reader's language
/// when the item has one.
#[derive(Clone, Debug, Serialize)]
pub struct Item {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: String,
    pub title: String,
    pub title_lang: Option<String>,
    pub url: String,
    /// HTML: escaped text with `<mark>` around matched words.
    pub snippet: String,
    pub score: f32,
}

pub fn items(search: &Search, hits: Vec<Hit>, reader: Locale) -> Vec<Item> {
    hits.into_iter()
        .map(|h| {
            let stored = search.index.get(&h.id).ok().flatten();
            let (title, title_lang) = stored
                .as_ref()
                .and_then(|d| {
                    d.titles
                        .iter()
                        .find(|(l, _)| l.as_deref() == Some(reader.code()))
                        .or_else(|| d.titles.first())
                        .map(|(l, t)| (t.clone(), l.clone()))
                })
                .unwrap_or_else(|| (h.title.clone(), None));
            let id =
                h.id.split_once(':')
                    .map_or(h.id.as_str(), |(_, i)| i)
                    .to_owned();
            Item {
                kind: h.kind,
                id,
                title,
                title_lang,
                url: h.url,
                snippet: h.snippet,
                score: h.score,
            }
        })
        .collect()
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

/// `GET /search?q=&type=&theme=&country=&in=&year=&sort=&page=`
async fn search_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Html<String>, AppError> {
    let req = SearchRequest::parse(&params, &state.directory, &["in"])?;
    let results = run(&state.search, &req, ctx.actor())?;
    let page = Page {
        items: items(&state.search, results.hits.clone(), ctx.locale),
        total: results.total as u64,
        page: req.page.page,
        per_page: req.page.per_page,
    };
    render(&SearchPage {
        dir: state.directory.clone(),
        ctx: ctx.with_section(Section::Search),
        req,
        page,
        results,
    })
}

#[derive(Serialize)]
struct ApiSearch {
    #[serde(flatten)]
    list: ApiList<Item>,
    facets: majlis_search::Facets,
}

/// `GET /api/v1/search?q=&type=&theme=&country=&in=&year=&sort=&page=&per_page=`
async fn api_search(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Json<ApiSearch>, AppError> {
    let req = SearchRequest::parse(&params, &state.directory, &["lang", "in"])?;
    let results = run(&state.search, &req, ctx.actor())?;
    Ok(Json(ApiSearch {
        list: ApiList {
            items: items(&state.search, results.hits, ctx.locale),
            total: results.total as u64,
            page: req.page.page,
            per_page: req.page.per_page,
        },
        facets: results.facets,
    }))
}

/// The "related" panel of a practice, resource or event page: similar text
/// and shared themes, among what the reader may see. Empty when the index
/// cannot answer (the page still shows; the failure is logged).
pub fn related(state: &AppState, ctx: &PageCtx, doc_id: &str) -> Vec<Item> {
    let audience = super::audience_of(ctx.actor());
    match state.search.index.related(doc_id, audience, 5) {
        Ok(hits) => items(&state.search, hits, ctx.locale),
        Err(e) => {
            tracing::warn!(doc = doc_id, error = %e, "related items not found");
            Vec::new()
        }
    }
}

/// Ids of items of `kind` related to `doc_id` among what the reader may see
/// (e.g. practices related to a dilemma, to suggest their authors as peers).
pub fn related_ids(state: &AppState, ctx: &PageCtx, doc_id: &str, kind: &str) -> Vec<i32> {
    match state
        .search
        .index
        .related(doc_id, super::audience_of(ctx.actor()), 20)
    {
        Ok(hits) => hits
            .into_iter()
            .filter(|h| h.kind == kind)
            .filter_map(|h| h.id.split_once(':')?.1.parse().ok())
            .collect(),
        Err(e) => {
            tracing::warn!(doc = doc_id, error = %e, "related items not found");
            Vec::new()
        }
    }
}

/// The kind of an item as a sentence shows it.
pub fn kind_label(ctx: &PageCtx, kind: &str) -> String {
    ctx.t(&format!("search-type-{kind}"))
}
