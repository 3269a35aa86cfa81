//! `/consultations.atom`: concluded consultations a visitor may read, each
//! with the result its rapporteur recorded, with the list's `theme` and
//! `country` filters.

use axum::extract::State;
use axum::response::Response;

use crate::app::AppState;
use crate::consultations::DilemmaStatus;
use crate::consultations::rules::{self, DilemmaFilter};
use crate::directory::rules::theme_labels;
use crate::fields::paging::PageRequest;
use crate::i18n::Locale;
use crate::web::atom::{FEED_LENGTH, FeedDoc, FeedItem};
use crate::web::{AppError, PageCtx, Params};

/// The latest concluded consultations, as feed entries.
pub async fn items(
    state: &AppState,
    params: &Params,
    l: Locale,
) -> Result<Vec<FeedItem>, AppError> {
    let mut f = DilemmaFilter::parse(|k| params.get(k).map(str::to_owned))?;
    f.status = Some(DilemmaStatus::Concluded);
    let page = PageRequest {
        page: 1,
        per_page: FEED_LENGTH,
    };
    let list = rules::list(state.db.read(), &state.directory.reference, None, &f, page).await?;
    Ok(list
        .items
        .into_iter()
        .map(|c| {
            let d = &c.d;
            let title = d.question.show(l);
            FeedItem {
                path: format!("/consultations/{}", d.slug),
                title: title.text.to_owned(),
                lang: title.locale,
                summary: d
                    .result
                    .as_ref()
                    .map(|r| r.show(title.locale).text.to_owned()),
                updated: d.concluded_at.unwrap_or(d.updated_at),
                published: d.opens_at,
                author: Some(c.presenter.clone()).filter(|p| !p.is_empty()),
                categories: theme_labels(&c.themes, l),
            }
        })
        .collect())
}

/// `GET /consultations.atom`
pub(super) async fn consultations_feed(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Response, AppError> {
    let items = items(&state, &params, ctx.locale).await?;
    Ok(
        FeedDoc::of_request(&ctx, "feed-consultations", "/consultations", items)
            .response(&state.settings.public_url()),
    )
}
