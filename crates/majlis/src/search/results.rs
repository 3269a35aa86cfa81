//! Queries and what they find: one query, the reader's permissions in it;
//! hits as pages show them; the "related" panel of a page. No page of its
//! own and no activity: the /search page is `directory::routes::search`.

use majlis_search::{Hit, Query, Results, Sort};
use serde::Serialize;

use super::{Search, SearchError};
use crate::fields::paging::PageRequest;
use crate::i18n::Locale;
use crate::policy::Actor;
use crate::web::PageCtx;

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
    /// The index query: these filters, among what `actor` may see.
    pub fn query(&self, actor: Option<&Actor>) -> Query {
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
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
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

/// The "related" panel of a page (`doc_id` as `kind:id`): similar text and
/// shared themes, among what the reader may see. Empty when the index
/// cannot answer (the page still shows; the failure is logged). Kept per
/// node while the index stays at the same generation: finding similar
/// text is most of what a cached page costs.
pub fn related(search: &Search, ctx: &PageCtx, doc_id: &str) -> Vec<Item> {
    let audience = super::audience_of(ctx.actor());
    let generation = i64::try_from(search.index.generation()).unwrap_or(i64::MAX);
    let key = (doc_id.to_owned(), audience, ctx.locale);
    let found = search.related.get_or_compute(generation, &key, || {
        // Content first: directory entries (a page already names its
        // municipality and organisation) are left out, so they do not push
        // related practices, documents, events and ideas off the panel.
        search.index.related(doc_id, &key.1, 15).map(|hits| {
            let content: Vec<_> = hits
                .into_iter()
                .filter(|h| !matches!(h.kind.as_str(), "municipality" | "organisation"))
                .take(5)
                .collect();
            items(search, content, ctx.locale)
        })
    });
    match found {
        Ok(items) => items.as_ref().clone(),
        Err(e) => {
            tracing::warn!(doc = doc_id, error = %e, "related items not found");
            Vec::new()
        }
    }
}

/// Ids of items of `kind` related to `doc_id` among what the reader may see
/// (e.g. practices related to a dilemma, to suggest their authors as peers).
pub fn related_ids(search: &Search, ctx: &PageCtx, doc_id: &str, kind: &str) -> Vec<i32> {
    match search
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
