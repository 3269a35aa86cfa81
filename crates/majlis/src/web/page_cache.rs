//! Whole pages as visitors see them, kept per node. A page people read
//! without signing in depends only on its address, the language and the
//! content; it is rendered once per content version (and per minute, for
//! what moves with the clock, such as whether registration is open) and
//! then served from memory. Signed-in people always get a page rendered for
//! them.

use std::future::Future;

use axum::body::Bytes;
use axum::response::{Html, IntoResponse, Response};
use chrono::Utc;

use super::{AppError, PageCtx};
use crate::db::cache::ChangeCache;
use crate::i18n::Locale;

/// A page's address (path and query, without `lang`), its language and the
/// minute it was rendered in.
type PageKey = (String, Locale, i64);

/// How many pages a node keeps (about 40 kB each for the longest).
const PAGES: usize = 512;

/// Pages rendered for visitors, by content version.
pub struct PageCache(ChangeCache<PageKey, Bytes>);

impl Default for PageCache {
    fn default() -> Self {
        PageCache(ChangeCache::new(PAGES))
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
        if ctx.viewer.is_some() {
            return Ok(render().await?.into_response());
        }
        let key = (ctx.address(), ctx.locale, Utc::now().timestamp() / 60);
        let page = self
            .0
            .get_or_load(version, &key, || async {
                render().await.map(|Html(s)| Bytes::from(s))
            })
            .await?;
        Ok(Html(page.as_ref().clone()).into_response())
    }
}
