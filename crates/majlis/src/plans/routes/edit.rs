//! The forms that change a plan, for its editors:
//! `GET|POST /plans/{id}/{kind}/{item}` shows and saves one step,
//! milestone or indicator (`item` an id, or `new`), records a measurement
//! or attaches an event (`new` only), and
//! `POST /plans/{id}/{kind}/{item}/delete` removes one (detaches an event).
//! Bad input shows the form again with what was typed and a message per
//! field, and changes nothing.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use chrono::Utc;

use super::page::municipality_names;
use crate::app::AppState;
use crate::audit::{Origin, origin_of};
use crate::events::entities::event;
use crate::fields::form::RawForm;
use crate::i18n::{Locale, TrText};
use crate::plans::StepStatus;
use crate::plans::entities::{indicator, milestone, step};
use crate::plans::error::{FieldError, PlanError};
use crate::plans::rules::{self, Editing, Plan, day, input};
use crate::policy::SignedIn;
use crate::web::extract::{ClientInfo, CsrfForm, RequireSignedIn};
use crate::web::{AppError, PageCtx, Params, Section, path_id, redirect, render};

/// What a form changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Steps,
    Milestones,
    Indicators,
    Measurements,
    Events,
}

impl Kind {
    fn parse(s: &str) -> Result<Kind, AppError> {
        Ok(match s {
            "steps" => Kind::Steps,
            "milestones" => Kind::Milestones,
            "indicators" => Kind::Indicators,
            "measurements" => Kind::Measurements,
            "events" => Kind::Events,
            _ => return Err(AppError::NotFound),
        })
    }

    fn code(self) -> &'static str {
        match self {
            Kind::Steps => "steps",
            Kind::Milestones => "milestones",
            Kind::Indicators => "indicators",
            Kind::Measurements => "measurements",
            Kind::Events => "events",
        }
    }

    /// Where on the plan's page the change shows.
    fn anchor(self) -> &'static str {
        match self {
            Kind::Steps => "steps",
            Kind::Milestones => "milestones",
            Kind::Indicators | Kind::Measurements => "indicators",
            Kind::Events => "events",
        }
    }
}

/// `new`, or the id of an existing item.
fn item_of(s: &str) -> Result<Option<i32>, AppError> {
    if s == "new" {
        Ok(None)
    } else {
        path_id(s).map(Some)
    }
}

/// The stored item a form edits, when it edits one.
enum Stored {
    None,
    Step(step::Model),
    Milestone(milestone::Model),
    Indicator(indicator::Model),
}

impl Stored {
    fn text(&self) -> Option<&TrText> {
        match self {
            Stored::None => None,
            Stored::Step(s) => Some(&s.title),
            Stored::Milestone(m) => Some(&m.title),
            Stored::Indicator(i) => Some(&i.name),
        }
    }

    /// The form as the stored item fills it, in `lang`.
    fn form(&self, lang: Locale) -> RawForm {
        let t = |t: &TrText| t.get(lang).unwrap_or_default().to_owned();
        let pairs: Vec<(&str, String)> = match self {
            Stored::None => Vec::new(),
            Stored::Step(s) => vec![
                ("title", t(&s.title)),
                ("owner_text", s.owner_text.clone().unwrap_or_default()),
                (
                    "owner_municipality",
                    s.owner_municipality_id
                        .map(|m| m.to_string())
                        .unwrap_or_default(),
                ),
                ("starts_on", day(&s.starts_on)),
                ("due_on", day(&s.due_on)),
                ("status", s.status.clone()),
                ("percent", s.percent.to_string()),
                ("weight", s.weight.to_string()),
            ],
            Stored::Milestone(m) => vec![
                ("title", t(&m.title)),
                ("due_on", m.due_on.to_string()),
                ("reached_on", day(&m.reached_on)),
            ],
            Stored::Indicator(i) => vec![
                ("name", t(&i.name)),
                ("unit", i.unit.clone()),
                ("baseline_value", input::written(i.baseline_value)),
                ("baseline_on", i.baseline_on.to_string()),
                ("target_value", input::written(i.target_value)),
                ("target_on", i.target_on.to_string()),
            ],
        };
        RawForm(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
    }
}

/// The plan's item `id` of `kind` (not found in another plan).
async fn stored(
    state: &AppState,
    plan_id: i32,
    kind: Kind,
    item: Option<i32>,
) -> Result<Stored, AppError> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let db = state.db.read();
    let Some(id) = item else {
        return Ok(Stored::None);
    };
    Ok(match kind {
        Kind::Steps => Stored::Step(
            step::Entity::find_by_id(id)
                .filter(step::Column::PlanId.eq(plan_id))
                .one(db)
                .await?
                .ok_or(AppError::NotFound)?,
        ),
        Kind::Milestones => Stored::Milestone(
            milestone::Entity::find_by_id(id)
                .filter(milestone::Column::PlanId.eq(plan_id))
                .one(db)
                .await?
                .ok_or(AppError::NotFound)?,
        ),
        Kind::Indicators => Stored::Indicator(
            indicator::Entity::find_by_id(id)
                .filter(indicator::Column::PlanId.eq(plan_id))
                .one(db)
                .await?
                .ok_or(AppError::NotFound)?,
        ),
        // Measurements and events are recorded and removed, not edited.
        Kind::Measurements | Kind::Events => return Err(AppError::NotFound),
    })
}

#[derive(Template)]
#[template(path = "plans/templates/item.html")]
struct ItemPage {
    ctx: PageCtx,
    plan: Plan,
    kind: &'static str,
    /// `None` for a new item.
    item: Option<i32>,
    lang: Locale,
    form: RawForm,
    errors: Vec<FieldError>,
    statuses: &'static [StepStatus],
    municipalities: Vec<(i32, String)>,
    indicators: Vec<(i32, String)>,
    events: Vec<(i32, String)>,
}

impl ItemPage {
    fn value(&self, name: &str) -> &str {
        self.form.get(name)
    }
    fn has_error(&self, f: &str) -> bool {
        self.errors.iter().any(|e| e.field == f)
    }
    fn error_label(&self, e: &FieldError) -> String {
        self.ctx
            .t(&format!("plan-field-{}", e.field.replace('_', "-")))
    }
    fn heading(&self) -> String {
        let what = if self.item.is_some() { "edit" } else { "new" };
        self.ctx.t(&format!("plan-{what}-{}", self.kind))
    }
    fn action(&self) -> String {
        let item = self.item.map(|i| i.to_string()).unwrap_or("new".into());
        format!(
            "/plans/{}/{}/{item}?in={}&lang={}",
            self.plan.row.id,
            self.kind,
            self.lang.code(),
            self.ctx.lang()
        )
    }
    fn status_label(&self, s: &StepStatus) -> String {
        self.ctx.t(&s.label_id())
    }
    fn translatable(&self) -> bool {
        matches!(self.kind, "steps" | "milestones" | "indicators")
    }
}

/// The writing language: `?in=`, else the stored text's original, else
/// the reader's.
fn writing_lang(
    params: &Params,
    stored: Option<&TrText>,
    ctx: &PageCtx,
) -> Result<Locale, AppError> {
    match params.get("in") {
        None | Some("") => Ok(stored.map(TrText::orig).unwrap_or(ctx.locale)),
        Some(l) => l.parse().map_err(|_| AppError::bad_request("in")),
    }
}

/// The indicators of a plan as (id, name), for the measurement form.
async fn indicator_choices(
    state: &AppState,
    ctx: &PageCtx,
    plan_id: i32,
) -> Result<Vec<(i32, String)>, AppError> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    Ok(indicator::Entity::find()
        .filter(indicator::Column::PlanId.eq(plan_id))
        .order_by_asc(indicator::Column::Id)
        .all(state.db.read())
        .await?
        .into_iter()
        .map(|i| (i.id, format!("{} ({})", i.name.text(ctx.locale), i.unit)))
        .collect())
}

/// The events one may attach, as (id, "date · title").
async fn event_choices(state: &AppState, ctx: &PageCtx) -> Result<Vec<(i32, String)>, AppError> {
    let events: Vec<event::Model> = rules::event_choices(state.db.read(), ctx.actor()).await?;
    Ok(events
        .into_iter()
        .map(|e| {
            (
                e.id,
                format!(
                    "{} · {}",
                    ctx.locale.day_of(e.starts_at),
                    e.title.text(ctx.locale)
                ),
            )
        })
        .collect())
}

#[allow(clippy::too_many_arguments)]
async fn show(
    state: &AppState,
    ctx: PageCtx,
    plan: Plan,
    kind: Kind,
    item: Option<i32>,
    lang: Locale,
    form: RawForm,
    errors: Vec<FieldError>,
) -> Result<Response, AppError> {
    let status = if errors.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::BAD_REQUEST
    };
    let municipalities = match kind {
        Kind::Steps => municipality_names(state, &ctx).await?,
        _ => Vec::new(),
    };
    let indicators = match kind {
        Kind::Measurements => indicator_choices(state, &ctx, plan.row.id).await?,
        _ => Vec::new(),
    };
    let events = match kind {
        Kind::Events => event_choices(state, &ctx).await?,
        _ => Vec::new(),
    };
    let page = ItemPage {
        ctx,
        plan,
        kind: kind.code(),
        item,
        lang,
        form,
        errors,
        statuses: StepStatus::ALL,
        municipalities,
        indicators,
        events,
    };
    Ok((status, render(&page)?).into_response())
}

/// The plan, if the signed-in person may change it.
async fn editing(state: &AppState, me: &SignedIn, id: &str) -> Result<(Plan, Editing), AppError> {
    let id = path_id(id)?;
    Ok(rules::editable(state.db.read(), &state.plan_owners, &me.actor(), id).await?)
}

/// `GET /plans/{id}/{kind}/{item}?in=&indicator=`
pub(super) async fn item_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    RequireSignedIn(me): RequireSignedIn,
    Path((id, kind, item)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let kind = Kind::parse(&kind)?;
    let item = item_of(&item)?;
    let (plan, _) = editing(&state, &me, &id).await?;
    let stored = stored(&state, plan.row.id, kind, item).await?;
    let lang = writing_lang(&params, stored.text(), &ctx)?;
    let mut form = stored.form(lang);
    if item.is_none() {
        match kind {
            Kind::Steps => {
                form.0.push(("status".into(), "not-started".into()));
                form.0.push(("percent".into(), "0".into()));
                form.0.push(("weight".into(), "1".into()));
            }
            Kind::Measurements => {
                let chosen = params.get("indicator").unwrap_or_default();
                form.0.push(("indicator".into(), chosen.to_owned()));
            }
            _ => {}
        }
    }
    show(&state, ctx, plan, kind, item, lang, form, Vec::new()).await
}

/// What a form saves, once parsed.
enum Parsed {
    Step(rules::StepInput),
    Milestone(rules::MilestoneInput),
    Indicator(rules::IndicatorInput),
    Measurement(i32, rules::MeasurementInput),
    Event(i32),
}

/// Parse a form of `kind` against what it may name.
async fn parse(
    state: &AppState,
    ctx: &PageCtx,
    plan_id: i32,
    kind: Kind,
    raw: &RawForm,
    lang: Locale,
    stored: &Stored,
) -> Result<Result<Parsed, Vec<FieldError>>, AppError> {
    let one_of = |field: &'static str, ids: &[i32]| -> Result<i32, FieldError> {
        raw.get(field)
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|i| ids.contains(i))
            .ok_or(FieldError {
                field,
                message: "plan-error-choice",
            })
    };
    Ok(match kind {
        Kind::Steps => {
            let ids: Vec<i32> = municipality_names(state, ctx)
                .await?
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            input::parse_step(raw, lang, stored.text(), &ids).map(Parsed::Step)
        }
        Kind::Milestones => input::parse_milestone(raw, lang, stored.text()).map(Parsed::Milestone),
        Kind::Indicators => input::parse_indicator(raw, lang, stored.text()).map(Parsed::Indicator),
        Kind::Measurements => {
            let ids: Vec<i32> = indicator_choices(state, ctx, plan_id)
                .await?
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            let indicator = one_of("indicator", &ids);
            match (indicator, input::parse_measurement(raw)) {
                (Ok(i), Ok(m)) => Ok(Parsed::Measurement(i, m)),
                (Ok(_), Err(e)) => Err(e),
                (Err(e), Ok(_)) => Err(vec![e]),
                (Err(e), Err(mut more)) => {
                    more.insert(0, e);
                    Err(more)
                }
            }
        }
        Kind::Events => {
            let ids: Vec<i32> = event_choices(state, ctx)
                .await?
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            one_of("event", &ids)
                .map(Parsed::Event)
                .map_err(|e| vec![e])
        }
    })
}

/// Save what was parsed.
async fn save(
    state: &AppState,
    origin: &Origin,
    editing: &Editing,
    item: Option<i32>,
    parsed: Parsed,
    lang: Locale,
) -> Result<(), PlanError> {
    let (db, now) = (&state.db, Utc::now());
    match (parsed, item) {
        (Parsed::Step(s), None) => rules::add_step(db, origin, editing, s, now).await.map(drop),
        (Parsed::Step(s), Some(id)) => {
            rules::update_step(db, origin, editing, id, s, lang, now).await
        }
        (Parsed::Milestone(m), None) => rules::add_milestone(db, origin, editing, m, now)
            .await
            .map(drop),
        (Parsed::Milestone(m), Some(id)) => {
            rules::update_milestone(db, origin, editing, id, m, lang, now).await
        }
        (Parsed::Indicator(i), None) => rules::add_indicator(db, origin, editing, i, now)
            .await
            .map(drop),
        (Parsed::Indicator(i), Some(id)) => {
            rules::update_indicator(db, origin, editing, id, i, lang, now).await
        }
        (Parsed::Measurement(i, m), _) => rules::add_measurement(db, origin, editing, i, m, now)
            .await
            .map(drop),
        (Parsed::Event(e), _) => rules::attach_event(db, origin, editing, e, now).await,
    }
}

/// `POST /plans/{id}/{kind}/{item}?in=`
pub(super) async fn save_item(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path((id, kind, item)): Path<(String, String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let kind = Kind::parse(&kind)?;
    let item = item_of(&item)?;
    let (plan, editing) = editing(&state, &me, &id).await?;
    let stored = stored(&state, plan.row.id, kind, item).await?;
    let lang = writing_lang(&params, stored.text(), &ctx)?;
    let raw = RawForm(pairs);
    let origin = origin_of(&me, &client);
    let problems = match parse(&state, &ctx, plan.row.id, kind, &raw, lang, &stored).await? {
        Ok(parsed) => match save(&state, &origin, &editing, item, parsed, lang).await {
            Ok(()) => {
                let to = format!("/plans/{}#{}", plan.row.id, kind.anchor());
                return Ok(redirect(to, &ctx));
            }
            Err(PlanError::BadValues(problems)) => problems,
            Err(e) => return Err(e.into()),
        },
        Err(problems) => problems,
    };
    show(&state, ctx, plan, kind, item, lang, raw, problems).await
}

/// `POST /plans/{id}/{kind}/{item}/delete`
pub(super) async fn delete_item(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path((id, kind, item)): Path<(String, String, String)>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let kind = Kind::parse(&kind)?;
    let item = item_of(&item)?.ok_or(AppError::NotFound)?;
    let (plan, editing) = editing(&state, &me, &id).await?;
    let origin = origin_of(&me, &client);
    let (db, now) = (&state.db, Utc::now());
    match kind {
        Kind::Steps => rules::delete_step(db, &origin, &editing, item, now).await?,
        Kind::Milestones => rules::delete_milestone(db, &origin, &editing, item, now).await?,
        Kind::Indicators => rules::delete_indicator(db, &origin, &editing, item, now).await?,
        Kind::Measurements => rules::delete_measurement(db, &origin, &editing, item, now).await?,
        Kind::Events => rules::detach_event(db, &origin, &editing, item, now).await?,
    }
    let to = format!("/plans/{}#{}", plan.row.id, kind.anchor());
    Ok(redirect(to, &ctx))
}
