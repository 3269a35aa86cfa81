//! `/feed.atom`: everything the network publishes for everyone, newest 50:
//! the practices, documents, events and concluded consultations of the
//! activities' own feeds, merged. `theme` and `country` filter all of them.

use axum::extract::State;
use axum::response::Response;

use super::AppState;
use crate::library::rules::LibraryFilter;
use crate::web::atom::{FeedDoc, newest};
use crate::web::{AppError, PageCtx, Params};

/// `GET /feed.atom`
pub(super) async fn network_feed(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Response, AppError> {
    let l = ctx.locale;
    let library = LibraryFilter::parse(|k| params.get(k).map(str::to_owned))?;
    let lists = vec![
        crate::events::routes::feed::items(&state, &params, l).await?,
        crate::library::routes::feeds::practice_items(&state, library.clone(), l).await?,
        crate::library::routes::feeds::resource_items(&state, library, l).await?,
        crate::consultations::routes::feed::items(&state, &params, l).await?,
    ];
    Ok(
        FeedDoc::of_request(&ctx, "feed-network", "/", newest(lists))
            .response(&state.settings.public_url()),
    )
}
