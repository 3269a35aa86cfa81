//! `GET /projects/{slug}/milestones.ics`: the milestones of an idea's
//! action plan as an iCalendar file (RFC 5545), for whoever may read the
//! idea. One all-day `VEVENT` per milestone on its due day; an idea without
//! a plan gives a valid calendar with no event.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::Days;
use icalendar::{Component, EventLike};

use crate::app::AppState;
use crate::i18n::{FluentArg, Locale};
use crate::plans::entities::milestone;
use crate::projects::entities::project;
use crate::projects::rules;
use crate::web::{AppError, PageCtx};

/// The host that names the space of the calendar's ids.
fn host_of(public_url: &str) -> String {
    url::Url::parse(public_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "majlis".to_owned())
}

/// One milestone as an all-day event on its due day (`DTEND` is the next
/// day: the end is not part of the event).
fn vevent(
    m: &milestone::Model,
    p: &project::Model,
    plan_url: &str,
    stamp: chrono::DateTime<chrono::Utc>,
    host: &str,
    l: Locale,
) -> icalendar::Event {
    let idea = l.t_args(
        "project-milestone-of",
        &[("title", FluentArg::from(p.title.text(l).to_owned()))],
    );
    let reached = match m.reached_on {
        Some(d) => l.t_args(
            "project-milestone-reached",
            &[("date", FluentArg::from(l.date(d)))],
        ),
        None => l.t("project-milestone-open"),
    };
    let mut v = icalendar::Event::new();
    v.uid(&format!("plan-milestone-{}@{host}", m.id))
        .timestamp(stamp)
        .summary(m.title.text(l))
        .starts(m.due_on)
        .ends(m.due_on.checked_add_days(Days::new(1)).unwrap_or(m.due_on))
        .description(&format!("{idea}\n{reached}\n{plan_url}"))
        .url(plan_url);
    v.done()
}

/// `GET /projects/{slug}/milestones.ics`
pub(super) async fn milestones_ics(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let db = state.db.read();
    let d = rules::find(db, ctx.actor(), &slug).await?;
    let plan = crate::projects::plans::plan_of(db, &state.plan_owners, ctx.actor(), d.p.id).await?;
    let base = state.settings.public_url();
    let host = host_of(&base);
    let l = ctx.locale;
    let events: Vec<icalendar::Event> = match &plan {
        Some((_, plan)) => {
            let url = format!("{base}/plans/{}", plan.plan.row.id);
            plan.milestones
                .iter()
                .map(|m| vevent(m, &d.p, &url, plan.plan.row.updated_at, &host, l))
                .collect()
        }
        None => Vec::new(),
    };
    let name = l.t_args(
        "project-milestones-calendar",
        &[("title", FluentArg::from(d.p.title.text(l).to_owned()))],
    );
    let body = crate::events::calendar::calendar(&name, events);
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{}-milestones.ics\"", d.p.slug),
            ),
        ],
        body,
    )
        .into_response())
}
