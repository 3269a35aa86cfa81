//! The library's Atom feeds: `/practices.atom` (published practices) and
//! `/resources.atom` (documents a visitor may read), newest change first,
//! with the lists' `theme` and `country` filters. Feeds are for everyone:
//! they are built for a visitor whoever asks, so a feed address shared or
//! left in a reader never shows members-only items.

use axum::extract::State;
use axum::response::Response;

use super::filter;
use crate::app::AppState;
use crate::directory::rules::theme_labels;
use crate::fields::paging::PageRequest;
use crate::i18n::Locale;
use crate::library::rules::{self, LibraryFilter, PracticeScope, Sort};
use crate::web::atom::{FEED_LENGTH, FeedDoc, FeedItem};
use crate::web::{AppError, PageCtx, Params};

fn newest_changed(mut f: LibraryFilter) -> (LibraryFilter, PageRequest) {
    f.sort = Sort::Changed;
    let page = PageRequest {
        page: 1,
        per_page: FEED_LENGTH,
    };
    (f, page)
}

/// The newest published practices, as feed entries.
pub async fn practice_items(
    state: &AppState,
    f: LibraryFilter,
    l: Locale,
) -> Result<Vec<FeedItem>, AppError> {
    let (f, page) = newest_changed(f);
    let list = rules::list_practices(
        state.db.read(),
        &state.directory.reference,
        &PracticeScope::Published,
        &f,
        page,
    )
    .await?;
    Ok(list
        .items
        .into_iter()
        .map(|c| {
            let title = c.practice.title.show(l);
            FeedItem {
                path: format!("/practices/{}", c.practice.id),
                title: title.text.to_owned(),
                lang: title.locale,
                summary: c
                    .practice
                    .summary
                    .as_ref()
                    .map(|s| s.show(title.locale).text.to_owned()),
                updated: c.practice.updated_at,
                published: c.practice.published_at,
                author: c.owner.as_ref().map(|o| o.text(l).to_owned()),
                categories: theme_labels(&c.themes, l),
            }
        })
        .collect())
}

/// The newest documents a visitor may read, as feed entries.
pub async fn resource_items(
    state: &AppState,
    f: LibraryFilter,
    l: Locale,
) -> Result<Vec<FeedItem>, AppError> {
    let (f, page) = newest_changed(f);
    let list =
        rules::list_resources(state.db.read(), &state.directory.reference, None, &f, page).await?;
    Ok(list
        .items
        .into_iter()
        .map(|c| {
            let title = c.resource.title.show(l);
            FeedItem {
                path: format!("/library/{}", c.resource.id),
                title: title.text.to_owned(),
                lang: title.locale,
                summary: c
                    .resource
                    .summary
                    .as_ref()
                    .map(|s| s.show(title.locale).text.to_owned()),
                updated: c.resource.updated_at,
                published: Some(c.resource.created_at),
                author: c.resource.authors.clone(),
                categories: theme_labels(&c.themes, l),
            }
        })
        .collect())
}

/// `GET /practices.atom`
pub(super) async fn practices_feed(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Response, AppError> {
    let items = practice_items(&state, filter(&params)?, ctx.locale).await?;
    Ok(
        FeedDoc::of_request(&ctx, "feed-practices", "/practices", items)
            .response(&state.settings.public_url()),
    )
}

/// `GET /resources.atom`
pub(super) async fn resources_feed(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Response, AppError> {
    let items = resource_items(&state, filter(&params)?, ctx.locale).await?;
    Ok(
        FeedDoc::of_request(&ctx, "feed-resources", "/library", items)
            .response(&state.settings.public_url()),
    )
}
