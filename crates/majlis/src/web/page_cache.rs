//! Whole pages as visitors see them, kept per node. A page people read
//! without signing in depends only on its address, the language and the
//! content; it is rendered once per content version (and per minute, for
//! what moves with the clock, such as whether registration is open or
//! which events are still to come: such a page is at most a minute late)
//! and then served from memory. Signed-in people always get a page rendered
//! for them. Nothing per reader may be on a kept page: visitors have no
//! session, so no anti-forgery token, no name and no message of their own.
//!
//! Search pages are kept apart, per full address and per state of the
//! search index, in a map of their own: any text can be asked, and a run
//! of different queries must not push the other pages out.

use std::future::Future;

use axum::body::Bytes;
use axum::response::{Html, IntoResponse, Response};
use chrono::Utc;

use super::{AppError, PageCtx};
use crate::db::Db;
use crate::db::cache::ChangeCache;
use crate::i18n::Locale;

/// A page's address (path and query, without `lang`), its language and the
/// minute it was rendered in.
type PageKey = (String, Locale, i64);

/// How many pages a node keeps (about 40 kB each for the longest).
const PAGES: usize = 512;

/// How many search pages a node keeps (each under 30 kB).
const SEARCHES: usize = 256;

/// Pages rendered for visitors, by content version; search pages by the
/// index's generation.
pub struct PageCache {
    pages: ChangeCache<PageKey, Bytes>,
    searches: ChangeCache<PageKey, Bytes>,
}

impl Default for PageCache {
    fn default() -> Self {
        PageCache {
            pages: ChangeCache::new(PAGES),
            searches: ChangeCache::new(SEARCHES),
        }
    }
}

impl PageCache {
    /// The page for `ctx` as of content `version`: from memory for a
    /// visitor who asks for a page already rendered, else rendered by
    /// `render` (and kept when the reader is a visitor).
    pub async fn page<F, Fut>(
        &self,
        version: i64,
        ctx: &PageCtx,
        render: F,
    ) -> Result<Response, AppError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Html<String>, AppError>>,
    {
        serve(&self.pages, version, ctx, render).await
    }

    /// As [`PageCache::page`], reading the content version for visitors
    /// first (signed-in people get `render` at once: it reads what it needs).
    pub async fn visitor_page<F, Fut>(
        &self,
        db: &Db,
        ctx: &PageCtx,
        render: F,
    ) -> Result<Response, AppError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Html<String>, AppError>>,
    {
        if ctx.viewer.is_some() {
            return Ok(render().await?.into_response());
        }
        let version = db.content_version(false).await?;
        serve(&self.pages, version, ctx, render).await
    }

    /// A search page for `ctx` as of the index's `generation` (kept apart
    /// from the other pages, see the module's comment).
    pub async fn search_page<F, Fut>(
        &self,
        generation: u64,
        ctx: &PageCtx,
        render: F,
    ) -> Result<Response, AppError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Html<String>, AppError>>,
    {
        let generation = i64::try_from(generation).unwrap_or(i64::MAX);
        serve(&self.searches, generation, ctx, render).await
    }
}

async fn serve<F, Fut>(
    cache: &ChangeCache<PageKey, Bytes>,
    version: i64,
    ctx: &PageCtx,
    render: F,
) -> Result<Response, AppError>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<Html<String>, AppError>>,
{
    if ctx.viewer.is_some() {
        return Ok(render().await?.into_response());
    }
    let key = (ctx.address(), ctx.locale, Utc::now().timestamp() / 60);
    let page = cache
        .get_or_load(version, &key, || async {
            render().await.map(|Html(s)| Bytes::from(s))
        })
        .await?;
    Ok(Html(page.as_ref().clone()).into_response())
}
