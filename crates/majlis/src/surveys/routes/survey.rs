//! `GET /surveys/{slug}`: the survey's page (what it asks, its window, who
//! has answered, what the viewer can do) and, for coordinators, the
//! campaign form (`POST /surveys/{slug}/campaign`).

use std::collections::BTreeSet;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{EntityTrait, QueryOrder};

use crate::app::AppState;
use crate::audit::origin_of;
use crate::directory::entities::municipality;
use crate::fields::form::RawForm;
use crate::i18n::Locale;
use crate::policy::Coordinator;
use crate::policy::{Action, can};
use crate::surveys::error::SurveyError;
use crate::surveys::rules::surveys::{self as rules, Campaign, Overview, Progress};
use crate::surveys::rules::{self as base, Survey};
use crate::surveys::{ResultsAudience, SurveyStatus};
use crate::web::extract::{ClientInfo, CsrfForm, RequireRole};
use crate::web::{AppError, PageCtx, Section, redirect, render};

#[derive(Template)]
#[template(path = "surveys/templates/survey.html")]
struct SurveyPage {
    ctx: PageCtx,
    survey: Survey,
    overview: Overview,
    /// The viewer's municipalities this survey targets: slug, name, progress.
    mine: Vec<(String, String, Progress)>,
    accepting: bool,
    may_results: bool,
    may_manage: bool,
    show_event: bool,
    /// The campaign form (coordinators).
    form: RawForm,
    errors: Vec<(&'static str, &'static str)>,
    statuses: &'static [SurveyStatus],
    audiences: &'static [ResultsAudience],
    municipalities: Vec<(i32, String)>,
    events: Vec<(i32, String)>,
    notice: Option<String>,
    /// Personal links sent, with their progress (coordinators).
    links: Vec<(crate::surveys::entities::link::Model, Progress)>,
}

impl SurveyPage {
    fn window(&self) -> String {
        super::window(
            self.ctx.locale,
            self.survey.row.opens_at,
            self.survey.row.closes_at,
        )
    }
    fn value(&self, name: &str) -> &str {
        self.form.get(name)
    }
    fn chosen(&self, name: &str, v: &str) -> bool {
        self.form.all(name).any(|x| x == v)
    }
    fn error(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| self.ctx.t(m))
    }
    fn progress(&self, p: &Progress) -> String {
        self.ctx.t(p.label_id())
    }
    fn rate(&self) -> String {
        let t = self.overview.targets.len() as u64;
        let r = self
            .overview
            .targets
            .iter()
            .filter(|(_, p)| *p == Progress::Submitted)
            .count() as u64;
        match majlis_stats::Share::new(r, t).percent() {
            Some(p) => format!("{p}% ({r}/{t})"),
            None => "—".to_owned(),
        }
    }
}

/// The last day a window includes: the day before it closes.
fn last_day(closes: Option<DateTime<Utc>>) -> String {
    closes
        .map(|t| (t - Duration::seconds(1)).format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The campaign form as saved now.
fn campaign_form(s: &Survey, o: &Overview, locale: Locale) -> RawForm {
    let mut v: Vec<(String, String)> = vec![
        (
            "title".into(),
            s.row.title.get(locale).unwrap_or_default().to_owned(),
        ),
        (
            "description".into(),
            s.row
                .description
                .as_ref()
                .and_then(|d| d.get(locale))
                .unwrap_or_default()
                .to_owned(),
        ),
        ("status".into(), s.status.code().into()),
        ("audience".into(), s.audience.code().into()),
        ("opens".into(), super::day(&s.row.opens_at)),
        ("closes".into(), last_day(s.row.closes_at)),
        (
            "event".into(),
            s.row.event_id.map(|e| e.to_string()).unwrap_or_default(),
        ),
    ];
    v.extend(
        o.targets
            .iter()
            .map(|(m, _)| ("target".to_owned(), m.id.to_string())),
    );
    RawForm(v)
}

async fn show(
    state: &AppState,
    ctx: PageCtx,
    survey: Survey,
    form: Option<RawForm>,
    errors: Vec<(&'static str, &'static str)>,
    notice: Option<String>,
) -> Result<Response, AppError> {
    let (status, html) = survey_html(state, ctx, survey, form, errors, notice).await?;
    Ok((status, html).into_response())
}

/// The survey's page, and its status (400 with the campaign form's errors).
async fn survey_html(
    state: &AppState,
    ctx: PageCtx,
    survey: Survey,
    form: Option<RawForm>,
    errors: Vec<(&'static str, &'static str)>,
    notice: Option<String>,
) -> Result<(StatusCode, Html<String>), AppError> {
    let ctx = ctx.with_section(Section::Surveys);
    let db = state.db.read();
    let overview = rules::overview(db, &survey).await?;
    let actor = ctx.actor();
    let may_manage = can(actor, Action::ManageSurveys);
    let mine: Vec<(String, String, Progress)> = overview
        .targets
        .iter()
        .filter(|(m, _)| {
            can(
                actor,
                Action::AnswerSurvey {
                    municipality: m.id,
                    targeted: true,
                },
            ) && actor.is_some_and(|a| a.focal_point_of.contains(&m.id))
        })
        .map(|(m, p)| (m.slug.clone(), m.name.text(ctx.locale).to_owned(), *p))
        .collect();
    let links = if may_manage {
        crate::surveys::rules::links::links(db, survey.row.id).await?
    } else {
        Vec::new()
    };
    let (municipalities, events) = if may_manage {
        let mut ms: Vec<(i32, String)> = municipality::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m.name.text(ctx.locale).to_owned()))
            .collect();
        ctx.locale.sort_by_name(&mut ms, |r| &r.1);
        let es: Vec<(i32, String)> = crate::events::entities::event::Entity::find()
            .order_by_desc(crate::events::entities::event::Column::StartsAt)
            .all(db)
            .await?
            .into_iter()
            .map(|e| (e.id, e.title.text(ctx.locale).to_owned()))
            .collect();
        (ms, es)
    } else {
        (Vec::new(), Vec::new())
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let form = form.unwrap_or_else(|| campaign_form(&survey, &overview, ctx.locale));
    let show_event = overview
        .event
        .as_ref()
        .is_some_and(|e| e.visibility == "public" || actor.is_some());
    let page = SurveyPage {
        accepting: survey.accepting(Utc::now()),
        may_results: can(actor, Action::ViewSurveyResults(survey.policy_ref())),
        may_manage,
        show_event,
        mine,
        form,
        errors,
        statuses: SurveyStatus::ALL,
        audiences: ResultsAudience::ALL,
        municipalities,
        events,
        notice,
        links,
        survey,
        overview,
        ctx,
    };
    Ok((status, render(&page)?))
}

/// `GET /surveys/{slug}`
pub(super) async fn survey_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    // Visitors' pages are kept whole (the notice comes from the address,
    // part of the key); whether answers are accepted is at most a minute late.
    let state = &state;
    state
        .pages
        .visitor_page(&state.db, &ctx, || async {
            let survey = base::readable(state.db.read(), ctx.actor(), &slug).await?;
            let notice = match ctx.param("saved") {
                "" => None,
                "link" => Some(ctx.t("survey-link-sent")),
                "reminded" => Some(ctx.t1(
                    "survey-reminders-sent",
                    "count",
                    ctx.param("sent").parse::<i64>().unwrap_or(0),
                )),
                "version" => Some(ctx.t("survey-new-version")),
                _ => Some(ctx.t("survey-saved")),
            };
            let (_, html) =
                survey_html(state, ctx.clone(), survey, None, Vec::new(), notice).await?;
            Ok(html)
        })
        .await
}

fn date(s: &str) -> Result<Option<NaiveDate>, ()> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| ())
}

/// The campaign form read into typed values, or what is wrong with it.
fn parse_campaign(
    raw: &RawForm,
    writing: Locale,
) -> Result<Campaign, Vec<(&'static str, &'static str)>> {
    let mut errors = Vec::new();
    let status = SurveyStatus::from_code(raw.get("status"));
    if status.is_none() {
        errors.push(("status", "survey-error-value"));
    }
    let audience = ResultsAudience::from_code(raw.get("audience"));
    if audience.is_none() {
        errors.push(("audience", "survey-error-value"));
    }
    let opens = date(raw.get("opens")).unwrap_or_else(|_| {
        errors.push(("opens", "survey-error-date"));
        None
    });
    let closes = date(raw.get("closes")).unwrap_or_else(|_| {
        errors.push(("closes", "survey-error-date"));
        None
    });
    let event_id = match raw.get("event").trim() {
        "" => None,
        s => match s.parse::<i32>() {
            Ok(i) => Some(i),
            Err(_) => {
                errors.push(("event", "survey-error-value"));
                None
            }
        },
    };
    let mut targets = BTreeSet::new();
    for t in raw.all("target") {
        match t.parse::<i32>() {
            Ok(i) => {
                targets.insert(i);
            }
            Err(_) => errors.push(("targets", "survey-error-targets")),
        }
    }
    if raw.get("title").trim().is_empty() {
        errors.push(("title", "survey-error-title"));
    }
    let (Some(status), Some(audience)) = (status, audience) else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let midnight = |d: NaiveDate| d.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
    Ok(Campaign {
        title: raw.get("title").to_owned(),
        description: raw.get("description").to_owned(),
        writing,
        status,
        audience,
        opens_at: opens.and_then(midnight),
        // The last day is included: answers are taken until it ends.
        closes_at: closes.and_then(|d| d.succ_opt()).and_then(midnight),
        event_id,
        targets,
    })
}

/// `POST /surveys/{slug}/campaign`
pub(super) async fn save_campaign(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let survey = base::find(state.db.read(), &slug).await?;
    let raw = RawForm(pairs);
    let campaign = match parse_campaign(&raw, ctx.locale) {
        Ok(c) => c,
        Err(errors) => return show(&state, ctx, survey, Some(raw), errors, None).await,
    };
    match rules::save_campaign(
        &state.db,
        &actor,
        &origin_of(&me, &client),
        &survey,
        campaign,
        Utc::now(),
    )
    .await
    {
        Ok(()) => Ok(redirect(format!("/surveys/{slug}?saved=1"), &ctx)),
        Err(SurveyError::BadValue { field, message }) => {
            show(&state, ctx, survey, Some(raw), vec![(field, message)], None).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /surveys/{slug}/links`: a personal link for a named respondent,
/// sent by mail in the coordinator's language.
pub(super) async fn send_link(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let survey = base::find(state.db.read(), &slug).await?;
    let raw = RawForm(pairs);
    let municipality_id = match raw.get("link_municipality").trim() {
        "" => None,
        s => match s.parse::<i32>() {
            Ok(i) => Some(i),
            Err(_) => {
                let errors = vec![("link_municipality", "survey-error-value")];
                return show(&state, ctx, survey, None, errors, None).await;
            }
        },
    };
    let new = crate::surveys::rules::links::NewLink {
        name: raw.get("link_name").to_owned(),
        email: raw.get("link_email").to_owned(),
        municipality_id,
        locale: ctx.locale,
    };
    let sent = crate::surveys::rules::links::send_link(
        &state.db,
        &me.actor(),
        &origin_of(&me, &client),
        &survey,
        new,
        &state.settings.public_url(),
        Utc::now(),
    )
    .await;
    match sent {
        Ok(_) => Ok(redirect(format!("/surveys/{slug}?saved=link"), &ctx)),
        Err(SurveyError::BadValue { field, message }) => {
            show(&state, ctx, survey, None, vec![(field, message)], None).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /surveys/{slug}/remind`: remind the focal points of targeted
/// municipalities that have not submitted.
pub(super) async fn remind(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    CsrfForm(_pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let survey = base::find(state.db.read(), &slug).await?;
    let sent = crate::surveys::rules::links::remind(
        &state.db,
        &me.actor(),
        &origin_of(&me, &client),
        &survey,
        &state.settings.public_url(),
        Utc::now(),
    )
    .await;
    match sent {
        Ok(n) => Ok(redirect(
            format!("/surveys/{slug}?saved=reminded&sent={n}"),
            &ctx,
        )),
        Err(SurveyError::NotAccepting) => {
            let notice = Some(ctx.t("survey-not-accepting-reminders"));
            let mut res = show(&state, ctx, survey, None, Vec::new(), notice).await?;
            *res.status_mut() = StatusCode::CONFLICT;
            Ok(res)
        }
        Err(e) => Err(e.into()),
    }
}
