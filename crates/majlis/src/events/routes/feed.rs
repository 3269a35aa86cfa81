//! `/events.atom`: the network's events as a visitor sees them, latest
//! first (upcoming ones on top), with the list's filters (`theme`,
//! `country`, `kind`, `year`, `series`, `when`; all events unless `when`
//! says otherwise). Each entry says when and where in the feed's language.

use axum::extract::State;
use axum::response::Response;
use chrono::Utc;

use super::super::rules::{self, EventFilter, When};
use crate::app::AppState;
use crate::directory::rules::theme_labels;
use crate::fields::paging::PageRequest;
use crate::i18n::Locale;
use crate::web::atom::{FEED_LENGTH, FeedDoc, FeedItem};
use crate::web::{AppError, PageCtx, Params};

/// The latest events a visitor may see, as feed entries.
pub async fn items(
    state: &AppState,
    params: &Params,
    l: Locale,
) -> Result<Vec<FeedItem>, AppError> {
    let mut f = EventFilter::parse(|k| params.get(k).map(str::to_owned))?;
    if params.get("when").is_none() {
        f.when = When::All;
    }
    let page = PageRequest {
        page: 1,
        per_page: FEED_LENGTH,
    };
    let reference = &state.directory.reference;
    let list = rules::list_events(state.db.read(), reference, None, &f, page, Utc::now()).await?;
    Ok(list
        .items
        .into_iter()
        .map(|c| {
            let e = &c.event;
            let title = e.title.show(l);
            let when = match rules::zone_label(e, l) {
                Some(zone) => format!("{} ({zone})", rules::when(e, l)),
                None => rules::when(e, l),
            };
            let place = match (&e.city, e.country_code.as_deref()) {
                (Some(city), Some(code)) => match reference.country(code) {
                    Some(country) => format!("{city}, {}", country.name.text(l)),
                    None => city.clone(),
                },
                (Some(city), None) => city.clone(),
                (None, _) if e.online => l.t("event-online"),
                (None, _) => String::new(),
            };
            let heading = [when, place]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            let summary = match e.summary.as_ref().map(|s| s.show(title.locale).text) {
                Some(s) if !s.trim().is_empty() => format!("{heading}\n\n{s}"),
                _ => heading,
            };
            FeedItem {
                path: format!("/events/{}", e.slug),
                title: title.text.to_owned(),
                lang: title.locale,
                summary: Some(summary),
                updated: e.updated_at,
                published: Some(e.created_at),
                author: None,
                categories: theme_labels(&c.themes, l),
            }
        })
        .collect())
}

/// `GET /events.atom`
pub(super) async fn events_feed(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Response, AppError> {
    let items = items(&state, &params, ctx.locale).await?;
    Ok(FeedDoc::of_request(&ctx, "feed-events", "/events", items)
        .response(&state.settings.public_url()))
}
