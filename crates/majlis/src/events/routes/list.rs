//! `/events`: the event list with its filters.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use chrono::Utc;

use super::super::EventKind;
use super::super::entities::event_series;
use super::super::rules::{EventCard, EventFilter, When};
use super::{EventPage, sorted_countries};
use crate::app::AppState;
use crate::directory::entities::{country, theme};
use crate::directory::service::Directory;
use crate::fields::paging::{Page, PageRequest};
use crate::policy::{Action, can};
use crate::web::{AppError, PageCtx, Params, Section, render};

#[derive(Template)]
#[template(path = "events/templates/events.html")]
struct EventList {
    ctx: PageCtx,
    dir: Arc<Directory>,
    page: Arc<Page<EventCard>>,
    kinds: &'static [EventKind],
    themes: Vec<theme::Model>,
    countries: Vec<country::Model>,
    series: Arc<Vec<event_series::Model>>,
    whens: [When; 3],
    current_series: Option<event_series::Model>,
    /// Following the series the list shows (signed-in readers).
    follow: Option<crate::follows::Button>,
    /// The time tab shown (upcoming unless chosen, or past when nothing is
    /// to come).
    shown: When,
    /// No upcoming event, so the past ones are shown without being asked for.
    fell_back: bool,
    /// Whether a filter narrows the list (for what the empty list says).
    narrowed: bool,
    may_create: bool,
}
event_page!(EventList);

impl EventList {
    fn is_when(&self, w: &When) -> bool {
        *w == self.shown
    }
    /// A time tab's address: the same filters, from the first page.
    fn tab_url(&self, w: &When) -> String {
        let mut q = url::form_urlencoded::Serializer::new(String::new());
        q.append_pair("when", w.code());
        for k in ["kind", "theme", "country", "year", "series"] {
            let v = self.ctx.param(k);
            if !v.is_empty() {
                q.append_pair(k, v);
            }
        }
        q.append_pair("lang", self.ctx.lang());
        format!("/events?{}", q.finish())
    }
}

/// `GET /events?when=&kind=&theme=&country=&year=&series=&page=`: a
/// visitor's page is kept per content version and minute (which events are
/// still to come moves with the clock: at most a minute late).
pub(super) async fn events_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Response, AppError> {
    let f = EventFilter::parse(|k| params.get(k).map(str::to_owned))?;
    let chosen = params.get("when").is_some_and(|w| !w.is_empty());
    let pr = PageRequest::from_query(params.get("page"), params.get("per_page"))?;
    let cache = &state.events;
    let v = cache.version(&state.db, ctx.actor()).await?;
    state
        .pages
        .page(v, &ctx, || async {
            let (page, shown) = cache
                .list_or_past(
                    &state.db,
                    &state.directory.reference,
                    v,
                    ctx.actor(),
                    &f,
                    chosen,
                    pr,
                    Utc::now(),
                )
                .await?;
            let series = cache.series(&state.db, v).await?;
            let held_in = cache
                .countries(&state.db, &state.directory.reference, v, ctx.actor())
                .await?;
            let mut countries = sorted_countries(&state, &ctx);
            countries.retain(|c| {
                held_in.contains(&c.code)
                    || f.country.as_ref().is_some_and(|x| x.as_str() == c.code)
            });
            let current_series = f
                .series
                .as_ref()
                .and_then(|s| series.iter().find(|x| x.slug == s.as_str()).cloned());
            // A series has no page of its own: its list is where it is followed.
            let follow = match &current_series {
                Some(s) => {
                    crate::follows::button(
                        state.db.read(),
                        &ctx,
                        crate::follows::Target::new(crate::follows::TargetKind::Series, s.id),
                    )
                    .await?
                }
                None => None,
            };
            render(&EventList {
                follow,
                dir: state.directory.clone(),
                countries,
                ctx: ctx.clone().with_section(Section::Events),
                page,
                kinds: EventKind::ALL,
                themes: state.directory.reference.themes().to_vec(),
                series,
                whens: When::ALL,
                current_series,
                fell_back: shown != f.when,
                shown,
                narrowed: f.narrowed(),
                may_create: can(ctx.actor(), Action::ManageEvents),
            })
        })
        .await
}
