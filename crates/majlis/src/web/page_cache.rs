//! Whole pages as visitors see them, kept per node. A page people read
//! without signing in depends only on its address, the language and the
//! content; it is rendered once per content version (and per minute, for
//! what moves with the clock, such as whether registration is open or
//! which events are still to come: such a page is at most a minute late)
//! and then served from memory. Signed-in people always get a page rendered
//! for them. Nothing per reader may be on a kept page: visitors have no
//! session, so no anti-forgery token, no name and no message of their own.
//!
//! Files and JSON that visitors download (open-data tables, feeds, the API's
//! public reads, the API description) are kept the same way, with the
//! headers that describe them, in a map of their own.
//!
//! Search pages are kept apart, per full address and per state of the
//! search index, in a map of their own: any text can be asked, and a run
//! of different queries must not push the other pages out.

use std::future::Future;

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use chrono::Utc;

use super::precompressed::{self, Compressible};
use super::{AppError, PageCtx};
use crate::db::Db;
use crate::db::cache::ChangeCache;
use crate::i18n::Locale;
use crate::policy::SignedIn;

/// A page's address (path and query, without `lang`), its language and the
/// minute it was rendered in.
type PageKey = (String, Locale, i64);

/// How many pages a node keeps (about 40 kB each for the longest).
const PAGES: usize = 512;

/// How many search pages a node keeps (each under 30 kB).
const SEARCHES: usize = 256;

/// How many downloads a node keeps (a spreadsheet of a whole list is the
/// largest, some hundred kB).
const FILES: usize = 128;

/// The largest download kept; a larger one is rendered for each request.
const FILE_MAX_BYTES: usize = 4 << 20;

/// The headers of a download that describe it (and are the same for every
/// visitor); others are left to the layers around the handler.
const KEPT_HEADERS: [HeaderName; 4] = [
    header::CONTENT_TYPE,
    header::CONTENT_DISPOSITION,
    header::LINK,
    header::CONTENT_LANGUAGE,
];

/// A download as a visitor got it.
struct Kept {
    headers: Vec<(HeaderName, HeaderValue)>,
    body: Arc<Compressible>,
}

/// Pages rendered for visitors, by content version; search pages by the
/// index's generation.
pub struct PageCache {
    pages: ChangeCache<PageKey, Arc<Compressible>>,
    searches: ChangeCache<PageKey, Arc<Compressible>>,
    files: ChangeCache<PageKey, Kept>,
}

impl Default for PageCache {
    fn default() -> Self {
        PageCache {
            pages: ChangeCache::new(PAGES),
            searches: ChangeCache::new(SEARCHES),
            files: ChangeCache::new(FILES),
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

    /// The kept answer for `ctx` as of `version`, else `answer` awaited and
    /// kept when it is `200 OK` and not too large.
    async fn download(
        &self,
        version: i64,
        ctx: &PageCtx,
        answer: impl Future<Output = Result<Response, AppError>>,
    ) -> Result<Response, AppError> {
        let key = (ctx.address(), ctx.locale, Utc::now().timestamp() / 60);
        if let Some(kept) = self.files.get(version, &key) {
            return Ok(respond(&kept, true));
        }
        let res = answer.await?;
        if res.status() != StatusCode::OK {
            return Ok(res);
        }
        let (parts, body) = res.into_parts();
        let body = axum::body::to_bytes(body, usize::MAX)
            .await
            .map_err(|e| AppError::Internal(anyhow::Error::new(e)))?;
        let kept = Kept {
            headers: KEPT_HEADERS
                .iter()
                .filter_map(|h| parts.headers.get(h).map(|v| (h.clone(), v.clone())))
                .collect(),
            body: Arc::new(Compressible::new(body)),
        };
        if kept.body.plain().len() > FILE_MAX_BYTES {
            // Sent once: the compression layer compresses it as it goes.
            return Ok(respond(&kept, false));
        }
        Ok(respond(&self.files.put(version, &key, kept), true))
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
    cache: &ChangeCache<PageKey, Arc<Compressible>>,
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
            render().await.map(|Html(s)| Arc::new(Compressible::new(s)))
        })
        .await?;
    let mut res = precompressed::response(&page);
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    Ok(res)
}

/// `k` as an answer; `compress_kept` when its body is sent more than once
/// (so its compressed copies are kept with it).
fn respond(k: &Kept, compress_kept: bool) -> Response {
    let mut res = if compress_kept {
        precompressed::response(&k.body)
    } else {
        Response::new(Body::from(k.body.plain().clone()))
    };
    let headers = res.headers_mut();
    for (name, value) in &k.headers {
        headers.insert(name.clone(), value.clone());
    }
    res
}

/// Which addresses [`keep_for_visitors`] keeps (decided by the app, which
/// knows its routes).
pub type KeptAddress = fn(&str) -> bool;

/// Middleware (inside the session's): a visitor's `GET` of an address
/// `kept` accepts — downloads, feeds, the API's public reads — is answered
/// from [`PageCache::visitor_response`]. Anyone signed in, or sending a
/// token or a cookie the session layer did not take, is answered afresh;
/// only `200 OK` answers are kept.
pub async fn keep_for_visitors(
    State((pages, db, kept)): State<(Arc<PageCache>, Db, KeptAddress)>,
    ctx: PageCtx,
    req: Request,
    next: Next,
) -> Response {
    let visitor = req.method() == Method::GET
        && req.extensions().get::<SignedIn>().is_none()
        && !req.headers().contains_key(header::AUTHORIZATION)
        && kept(req.uri().path());
    if !visitor {
        return next.run(req).await;
    }
    let answer = async {
        let version = db.content_version(false).await?;
        pages
            .download(version, &ctx, async { Ok(next.run(req).await) })
            .await
    };
    answer.await.unwrap_or_else(IntoResponse::into_response)
}
