//! `/events/{slug}`: the event page (programme, people, materials, figures,
//! sign-up form) for every reader.

use std::collections::BTreeMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Response};
use chrono::Utc;

use super::super::registration as reg;
use super::super::rules::{self, EventDetail};
use super::super::{Question, SessionKind};
use super::{EventPage, status_for};
use crate::app::AppState;
use crate::directory::service::Directory;
use crate::follows::{Target, TargetKind};
use crate::i18n::TrText;
use crate::library::practices::FieldError;
use crate::policy::{Action, can};
use crate::web::{AppError, PageCtx, Section, render};

#[derive(Template)]
#[template(path = "events/templates/event.html")]
struct EventView {
    ctx: PageCtx,
    dir: Arc<Directory>,
    d: EventDetail,
    json_ld: String,
    staff: bool,
    open: bool,
    /// The event has ended: its outcomes come first, and no sign-up.
    past: bool,
    errors: Vec<FieldError>,
    answers: BTreeMap<String, String>,
    /// The consent box as the person left it (kept when a form comes back).
    consent: bool,
    related: Vec<crate::search::results::Item>,
    /// What of the activities above events links here (surveys).
    backlinks: std::sync::Arc<Vec<crate::library::backlinks::Backlinks>>,
    /// Follow buttons (signed-in readers): the event, and its series.
    follow: Vec<crate::follows::Button>,
    /// Its photos, and where staff change them.
    gallery: crate::library::pictures::Gallery,
}
event_page!(EventView);

impl EventView {
    /// Participants by country as a bar chart (the table beside it holds
    /// the same figures); those whose country is unknown are in the table
    /// only.
    fn country_chart(&self) -> String {
        use crate::web::charts::{Count, count_chart};
        let rows: Vec<Count> = self
            .d
            .figures
            .by_country
            .iter()
            .filter(|(c, _)| !c.is_empty())
            .map(|(c, n)| Count {
                label: self.country_label(c),
                count: *n,
            })
            .collect();
        count_chart(
            &self.ctx,
            "chart-participants",
            &self.ctx.t("event-figures-by-country"),
            &rows,
        )
    }
    fn working_languages(&self) -> Vec<String> {
        rules::languages(&self.d.event)
    }
    fn is_active(&self) -> bool {
        self.d.my_status().is_some_and(|s| s.is_active())
    }
    fn questions(&self) -> Vec<Question> {
        self.d
            .event
            .questions
            .clone()
            .map(|q| q.0)
            .unwrap_or_default()
    }
    /// Whether a future event has outcomes to show already (a past event
    /// always shows the section, saying when nothing is recorded).
    fn has_outcomes(&self) -> bool {
        self.d.report.is_some() || self.d.event.takeaways.is_some() || !self.d.practices.is_empty()
    }
    fn has_participants(&self) -> bool {
        self.d.figures.total.is_some() || !self.d.participants.is_empty()
    }
    fn full(&self) -> bool {
        self.d.places_left() == Some(0)
    }
    fn answer(&self, id: &str) -> &str {
        self.answers.get(id).map(String::as_str).unwrap_or_default()
    }
    fn has_error(&self, f: &str) -> bool {
        self.errors.iter().any(|e| e.field == f)
    }
    fn lines<'a>(&self, t: &'a TrText) -> Vec<&'a str> {
        t.text(self.ctx.locale)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }
    fn paragraphs<'a>(&self, t: &'a TrText) -> Vec<&'a str> {
        t.text(self.ctx.locale)
            .split("\n\n")
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }
    fn day_label(&self, d: &rules::Day) -> String {
        let n = self.ctx.t1("event-day", "number", i64::from(d.number));
        match d.date {
            Some(date) => format!("{n} · {}", self.ctx.date(&date)),
            None => n,
        }
    }
    fn kind_of_org(&self, code: &str) -> String {
        match code.split_once(':') {
            Some(("m", k)) => self.ctx.t(&format!("municipality-kind-{k}")),
            Some(("o", k)) => self.ctx.t(&format!("organisation-kind-{k}")),
            _ => self.ctx.t("event-figures-unknown"),
        }
    }
    fn file_url(&self, v: &crate::library::entities::resource_version::Model) -> Option<String> {
        let sha = v.file_sha256.as_deref()?;
        let name = v.file_name.as_deref().unwrap_or("file");
        let name: String = url::form_urlencoded::byte_serialize(name.as_bytes()).collect();
        Some(format!("/files/{sha}/{}", name.replace('+', "%20")))
    }
}

pub(super) async fn show_event(
    state: &AppState,
    ctx: PageCtx,
    slug: &str,
    errors: Vec<FieldError>,
    answers: BTreeMap<String, String>,
    consent: bool,
) -> Result<Response, AppError> {
    let v = state.events.version(&state.db, ctx.actor()).await?;
    if errors.is_empty() && answers.is_empty() && !consent {
        // The page as it first shows: a visitor's is kept per content version.
        return state
            .pages
            .page(v, &ctx, || {
                event_html(state, ctx.clone(), v, slug, errors, answers, consent)
            })
            .await;
    }
    let status = status_for(!errors.is_empty());
    let page = event_html(state, ctx, v, slug, errors, answers, consent).await?;
    Ok((status, page).into_response())
}

/// The event page, rendered as of content version `v`.
async fn event_html(
    state: &AppState,
    ctx: PageCtx,
    v: i64,
    slug: &str,
    errors: Vec<FieldError>,
    answers: BTreeMap<String, String>,
    consent: bool,
) -> Result<Html<String>, AppError> {
    let d = state
        .events
        .detail(&state.db, &state.directory.reference, v, ctx.actor(), slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let staff = can(ctx.actor(), Action::ManageEvents);
    let now = Utc::now();
    let open = reg::is_open(&d.event, now);
    let past = d.event.ends_at <= now;
    let json_ld = super::super::calendar::json_ld(
        &d.event,
        &state.directory.reference,
        &d.organisers,
        ctx.locale,
        &state.settings.public_url(),
    );
    let backlinks = state
        .event_links
        .find_cached(
            state.db.read(),
            v,
            ctx.actor(),
            crate::library::backlinks::LinkedEvent(d.event.id),
        )
        .await?;
    let mut targets = vec![Target::new(TargetKind::Event, d.event.id)];
    targets.extend(
        d.series
            .as_ref()
            .map(|s| Target::new(TargetKind::Series, s.id)),
    );
    let follow = crate::follows::buttons(state.db.read(), &ctx, &targets).await?;
    // The event is visible to the reader: the page would not be shown otherwise.
    let gallery = crate::library::pictures::gallery(
        state.db.read(),
        ctx.actor(),
        crate::library::pictures::OwnerKind::Event,
        d.event.id,
        crate::policy::PicturesRef::Event { visible: true },
    )
    .await?;
    let page = EventView {
        gallery,
        follow,
        backlinks,
        related: crate::search::results::related(
            &state.search,
            &ctx,
            &format!("event:{}", d.event.id),
        ),
        dir: state.directory.clone(),
        ctx: ctx.with_section(Section::Events),
        d,
        json_ld,
        staff,
        open,
        past,
        errors,
        answers,
        consent,
    };
    render(&page)
}

/// `GET /events/{slug}`: members-only events are "not found" to visitors.
/// `GET /events/{slug}.ics` is the event's calendar (as `/calendar.ics`).
pub(super) async fn event_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    if let Some(slug) = slug.strip_suffix(".ics") {
        return super::calendar::event_ics(State(state), ctx, Path(slug.to_owned())).await;
    }
    show_event(&state, ctx, &slug, Vec::new(), BTreeMap::new(), false).await
}
