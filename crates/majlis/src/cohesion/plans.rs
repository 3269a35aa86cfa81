//! Plans aimed at indicators: from an indicator of a municipality's latest
//! scored wave, its focal points or staff start an action plan (the plans
//! activity, owner kind `cohesion`) whose indicator is that score: the
//! baseline is the wave's score, with a target (0–100) and a date. Every
//! later scored wave measures it ([`measure`], called when a wave's scores
//! are stored: a rescored wave replaces its measurement). A plan's status
//! comes from the latest later wave that scored the indicator
//! ([`status`]). A plan that met its target can be shared as a draft
//! practice of the library, once ([`share`]).
//!
//! One plan per municipality and indicator (a unique index): starting a
//! second time answers the plan already there.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction,
    EntityTrait, QueryFilter, QueryOrder, SqlErr,
};

use super::entities::plan as cohesion_plan;
use super::entities::{framework, setting, wave};
use super::error::CohesionError;
use super::framework::Indicator;
use super::rules::FrameworkView;
use super::scoring::{Figure, WaveScores};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::directory::entities::municipality;
use crate::i18n::{FluentArg, Locale, TrText};
use crate::library::practices::FieldError;
use crate::library::practices::{PracticeContent, PracticeError, Snapshot, TextField};
use crate::plans::entities::{indicator as plan_indicator, measurement, plan};
use crate::plans::owners::{Describing, OwnerFacts};
use crate::plans::{Owner, OwnerKind};
use crate::policy::{Action, Actor, CohesionRef, authorize, can};

/// The source a wave's measurement of a plan's indicator is recorded with
/// (followed by the wave's id).
pub const SOURCE: &str = "cohesion-wave:";

/// Longest title, in characters.
pub const MAX_TITLE: usize = 200;

coded_enum! {
    /// Where a plan aimed at an indicator stands: `Met` (the latest
    /// measurement reached the target), `NotYetMet` (not reached, the
    /// target date not passed), `NotMet` (not reached, the date passed),
    /// `NotComparable` (the indicator's items changed since the baseline,
    /// another framework version), `NotMeasured` (no later wave scored it).
    PlanStatus {
        Met => "met",
        NotYetMet => "not-yet-met",
        NotMet => "not-met",
        NotComparable => "not-comparable",
        NotMeasured => "not-measured",
    }
}

impl PlanStatus {
    pub fn label_id(self) -> String {
        format!("cohesion-plan-status-{}", self.code())
    }
}

/// A wave's figure for the plan's indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    pub wave_id: i32,
    pub label: String,
    pub fielded_on: NaiveDate,
    /// Respondents scored on the indicator.
    pub n: u64,
    /// `None`: too few answers.
    pub score: Option<f64>,
    /// The indicator's items are those of the baseline.
    pub comparable: bool,
}

/// Whether `value` reaches `target` coming from `baseline` (upwards when
/// the target is above the baseline, else downwards).
pub fn reached(baseline: f64, target: f64, value: f64) -> bool {
    if target >= baseline {
        value >= target
    } else {
        value <= target
    }
}

/// A plan's status from its later waves (oldest first): the latest one
/// with a score decides.
pub fn status(
    baseline: f64,
    target: f64,
    target_on: NaiveDate,
    today: NaiveDate,
    later: &[Measure],
) -> PlanStatus {
    let Some((m, score)) = later.iter().rev().find_map(|m| m.score.map(|s| (m, s))) else {
        return PlanStatus::NotMeasured;
    };
    if !m.comparable {
        PlanStatus::NotComparable
    } else if reached(baseline, target, score) {
        PlanStatus::Met
    } else if today <= target_on {
        PlanStatus::NotYetMet
    } else {
        PlanStatus::NotMet
    }
}

/// What the start form gives, parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanInput {
    pub target: f64,
    pub target_on: NaiveDate,
    pub title: Option<String>,
}

/// Parse the start form: a target from 0 to 100 (decimal point or comma),
/// a day `YYYY-MM-DD`, an optional title. Every field's problem.
pub fn parse_input(
    target: &str,
    target_on: &str,
    title: &str,
) -> Result<PlanInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let target = match target.trim() {
        "" => {
            errors.push(FieldError {
                field: "target",
                message: "cohesion-plan-error-required",
            });
            None
        }
        v => match crate::plans::rules::input::number(v) {
            Some(n) if (0.0..=100.0).contains(&n) => Some(n),
            _ => {
                errors.push(FieldError {
                    field: "target",
                    message: "cohesion-plan-error-target",
                });
                None
            }
        },
    };
    let target_on = match target_on.trim() {
        "" => {
            errors.push(FieldError {
                field: "target_on",
                message: "cohesion-plan-error-required",
            });
            None
        }
        v => match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
            Ok(d) if (1900..=2100).contains(&d.year()) => Some(d),
            _ => {
                errors.push(FieldError {
                    field: "target_on",
                    message: "cohesion-plan-error-date",
                });
                None
            }
        },
    };
    let title = crate::i18n::clean_text(title.trim());
    if title.chars().count() > MAX_TITLE {
        errors.push(FieldError {
            field: "title",
            message: "cohesion-plan-error-title",
        });
    }
    match (target, target_on) {
        (Some(target), Some(target_on)) if errors.is_empty() => Ok(PlanInput {
            target,
            target_on,
            title: (!title.is_empty()).then_some(title),
        }),
        _ => Err(errors),
    }
}

/// A municipality, whether its dashboard is published, if the reader may
/// see it (else not found).
pub(crate) async fn visible_municipality(
    conn: &impl ConnectionTrait,
    actor: Option<&Actor>,
    slug: &str,
) -> Result<municipality::Model, CohesionError> {
    let m = municipality::Entity::find()
        .filter(municipality::Column::Slug.eq(slug))
        .one(conn)
        .await?
        .ok_or(CohesionError::NotFound)?;
    let published = setting::Entity::find_by_id(m.id)
        .one(conn)
        .await?
        .is_some_and(|s| s.published);
    authorize(
        actor,
        Action::ViewCohesion(CohesionRef::for_actor(actor, published, m.id)),
    )
    .map_err(|_| CohesionError::NotFound)?;
    Ok(m)
}

fn scores_of(w: &wave::Model) -> Result<Option<WaveScores>, CohesionError> {
    match &w.scores {
        Some(v) => serde_json::from_value(v.clone())
            .map(Some)
            .map_err(|e| CohesionError::Invalid(format!("wave {}: {e}", w.id))),
        None => Ok(None),
    }
}

async fn framework_of(
    conn: &impl ConnectionTrait,
    id: i32,
) -> Result<FrameworkView, CohesionError> {
    let f = framework::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| CohesionError::Invalid(format!("framework {id} missing")))?;
    FrameworkView::of(f)
}

fn indicator_in(f: &FrameworkView, key: &str) -> Option<Indicator> {
    f.definition
        .indicators()
        .find(|(_, i)| i.key == key)
        .map(|(_, i)| i.clone())
}

/// Where a plan would start: the latest scored wave and its figure for
/// the indicator.
#[derive(Clone, Debug)]
pub struct Aim {
    pub municipality: municipality::Model,
    pub key: String,
    pub indicator: Indicator,
    pub wave: wave::Model,
    pub figure: Figure,
}

impl Aim {
    /// The baseline: the wave's score (`None`: too few answers, no plan).
    pub fn baseline(&self) -> Option<f64> {
        self.figure.score
    }
}

/// The plan of an indicator as its page shows it.
#[derive(Clone, Debug)]
pub struct PlanView {
    pub row: cohesion_plan::Model,
    pub municipality: municipality::Model,
    pub indicator_name: TrText,
    pub plan: Option<plan::Model>,
    pub target: Option<plan_indicator::Model>,
    pub baseline: Measure,
    /// Later scored waves, oldest first.
    pub later: Vec<Measure>,
    pub status: PlanStatus,
    /// The reader may share it as a practice (met, and allowed).
    pub may_share: bool,
}

/// What the page of an indicator's plan shows.
#[derive(Clone, Debug)]
pub enum IndicatorPlan {
    /// The plan started from it.
    Started(Box<PlanView>),
    /// No plan yet: the form to start one (only for who may).
    Form(Box<Aim>),
}

/// The plan of indicator `key` of municipality `slug`, or the form to
/// start it for who may (not found for readers who may not see the
/// dashboard; forbidden for others who may not start one).
pub async fn indicator_plan(
    conn: &impl ConnectionTrait,
    actor: Option<&Actor>,
    slug: &str,
    key: &str,
    today: NaiveDate,
) -> Result<IndicatorPlan, CohesionError> {
    let m = visible_municipality(conn, actor, slug).await?;
    let row = cohesion_plan::Entity::find()
        .filter(cohesion_plan::Column::MunicipalityId.eq(m.id))
        .filter(cohesion_plan::Column::IndicatorKey.eq(key))
        .one(conn)
        .await?;
    match row {
        Some(row) => Ok(IndicatorPlan::Started(Box::new(
            view(conn, actor, m, row, today).await?,
        ))),
        None => {
            let aim = aim(conn, m, key).await?;
            authorize(
                actor,
                Action::PlanForCohesion {
                    municipality: aim.municipality.id,
                },
            )?;
            Ok(IndicatorPlan::Form(Box::new(aim)))
        }
    }
}

/// The latest scored wave of `m` and its figure for indicator `key` (not
/// found without one).
async fn aim(
    conn: &impl ConnectionTrait,
    m: municipality::Model,
    key: &str,
) -> Result<Aim, CohesionError> {
    let w = wave::Entity::find()
        .filter(wave::Column::MunicipalityId.eq(m.id))
        .filter(wave::Column::Scores.is_not_null())
        .order_by_desc(wave::Column::Number)
        .one(conn)
        .await?
        .ok_or(CohesionError::NotFound)?;
    let f = framework_of(conn, w.framework_id).await?;
    let indicator = indicator_in(&f, key).ok_or(CohesionError::NotFound)?;
    let figure = scores_of(&w)?
        .and_then(|s| s.indicator(key).cloned())
        .ok_or(CohesionError::NotFound)?;
    Ok(Aim {
        municipality: m,
        key: key.to_owned(),
        indicator,
        wave: w,
        figure,
    })
}

/// A stored plan with its waves' figures (four queries).
async fn view(
    conn: &impl ConnectionTrait,
    actor: Option<&Actor>,
    m: municipality::Model,
    row: cohesion_plan::Model,
    today: NaiveDate,
) -> Result<PlanView, CohesionError> {
    let waves = wave::Entity::find()
        .filter(wave::Column::MunicipalityId.eq(m.id))
        .order_by_asc(wave::Column::Number)
        .all(conn)
        .await?;
    let base = waves
        .iter()
        .find(|w| w.id == row.baseline_wave_id)
        .ok_or_else(|| CohesionError::Invalid(format!("cohesion plan {}: no wave", row.id)))?;
    let f = framework_of(conn, base.framework_id).await?;
    let indicator_name = indicator_in(&f, &row.indicator_key)
        .map(|i| i.name)
        .map_or_else(|| TrText::new(Locale::En, row.indicator_key.clone()), Ok)
        .map_err(|e| CohesionError::Invalid(e.to_string()))?;
    let measure = |w: &wave::Model| -> Result<Option<Measure>, CohesionError> {
        let Some(s) = scores_of(w)? else {
            return Ok(None);
        };
        let fig = s.indicator(&row.indicator_key);
        Ok(Some(Measure {
            wave_id: w.id,
            label: w.label.clone(),
            fielded_on: w.fielded_on,
            n: fig.map_or(0, |f| f.n),
            score: fig.and_then(|f| f.score),
            comparable: fig.is_some_and(|f| f.fingerprint == row.fingerprint),
        }))
    };
    let baseline = measure(base)?
        .ok_or_else(|| CohesionError::Invalid(format!("cohesion plan {}: unscored", row.id)))?;
    let mut later = Vec::new();
    for w in waves.iter().filter(|w| w.number > base.number) {
        if let Some(x) = measure(w)? {
            later.push(x);
        }
    }
    let plan = match row.plan_id {
        Some(id) => plan::Entity::find_by_id(id).one(conn).await?,
        None => None,
    };
    let target = match row.plan_indicator_id {
        Some(id) => plan_indicator::Entity::find_by_id(id).one(conn).await?,
        None => None,
    };
    let status = match &target {
        Some(t) => status(t.baseline_value, t.target_value, t.target_on, today, &later),
        None => PlanStatus::NotMeasured,
    };
    let may_share =
        status == PlanStatus::Met && can(actor, Action::PlanForCohesion { municipality: m.id });
    Ok(PlanView {
        row,
        municipality: m,
        indicator_name,
        plan,
        target,
        baseline,
        later,
        status,
        may_share,
    })
}

/// Start the plan of indicator `key` of municipality `slug` from its latest
/// scored wave, or answer the one it has; the id of its `cohesion_plan` row.
#[allow(clippy::too_many_arguments)]
pub async fn start(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    slug: &str,
    key: &str,
    input: PlanInput,
    lang: Locale,
    now: DateTime<Utc>,
) -> Result<i32, CohesionError> {
    let tx = db.begin_write().await?;
    let m = visible_municipality(&tx, Some(actor), slug).await?;
    authorize(Some(actor), Action::PlanForCohesion { municipality: m.id })?;
    if let Some(found) = cohesion_plan::Entity::find()
        .filter(cohesion_plan::Column::MunicipalityId.eq(m.id))
        .filter(cohesion_plan::Column::IndicatorKey.eq(key))
        .one(&tx)
        .await?
    {
        tx.rollback().await?;
        return Ok(found.id);
    }
    let m_id = m.id;
    let aim = aim(&tx, m, key).await?;
    match insert(&tx, origin, &aim, input, lang, now).await {
        Ok(row) => {
            tx.commit().await?;
            Ok(row.id)
        }
        // Another start won the race (PostgreSQL): the unique index on the
        // municipality and indicator settles it, and its plan is answered.
        Err(CohesionError::Db(e))
            if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) =>
        {
            tx.rollback().await?;
            cohesion_plan::Entity::find()
                .filter(cohesion_plan::Column::MunicipalityId.eq(m_id))
                .filter(cohesion_plan::Column::IndicatorKey.eq(key))
                .one(db.read())
                .await?
                .map(|r| r.id)
                .ok_or(CohesionError::Db(e))
        }
        Err(e) => Err(e),
    }
}

fn bad(field: &'static str, message: &'static str) -> CohesionError {
    CohesionError::BadValues(vec![FieldError { field, message }])
}

/// Write a plan aimed at `aim` (its row, the action plan, the plan's
/// indicator) inside `tx`, and measure it with the waves already scored
/// after its baseline (the demo starts plans from earlier waves).
pub async fn insert(
    tx: &DatabaseTransaction,
    origin: &Origin,
    aim: &Aim,
    input: PlanInput,
    lang: Locale,
    now: DateTime<Utc>,
) -> Result<cohesion_plan::Model, CohesionError> {
    let Some(baseline) = aim.baseline() else {
        return Err(bad("target", "cohesion-plan-error-no-score"));
    };
    let mut errors = Vec::new();
    if input.target == baseline {
        errors.push(FieldError {
            field: "target",
            message: "cohesion-plan-error-target-equals-baseline",
        });
    }
    if input.target_on <= aim.wave.fielded_on {
        errors.push(FieldError {
            field: "target_on",
            message: "cohesion-plan-error-date-before",
        });
    }
    if !errors.is_empty() {
        return Err(CohesionError::BadValues(errors));
    }
    let name = aim.indicator.name.text(lang).to_owned();
    let title = match input.title {
        Some(t) => t,
        None => plain(&lang.t_args(
            "cohesion-plan-default-title",
            &[("indicator", FluentArg::from(name.as_str()))],
        )),
    };
    let title = TrText::new(lang, title).map_err(|e| CohesionError::Invalid(e.to_string()))?;
    let row = cohesion_plan::ActiveModel {
        municipality_id: Set(aim.municipality.id),
        indicator_key: Set(aim.key.clone()),
        baseline_wave_id: Set(aim.wave.id),
        fingerprint: Set(aim.figure.fingerprint.clone()),
        plan_id: Set(None),
        plan_indicator_id: Set(None),
        practice_id: Set(None),
        created_by: Set(origin.actor_id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    let p = plan::ActiveModel {
        owner_kind: Set(OwnerKind::Cohesion.code().to_owned()),
        owner_id: Set(row.id),
        municipality_id: Set(aim.municipality.id),
        title: Set(title),
        illustrative: Set(aim.wave.synthetic),
        created_by: Set(origin.actor_id),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    let i = plan_indicator::ActiveModel {
        plan_id: Set(p.id),
        name: Set(aim.indicator.name.clone()),
        unit: Set("/ 100".to_owned()),
        baseline_value: Set(baseline),
        baseline_on: Set(aim.wave.fielded_on),
        target_value: Set(input.target),
        target_on: Set(input.target_on),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    let mut am: cohesion_plan::ActiveModel = row.into();
    am.plan_id = Set(Some(p.id));
    am.plan_indicator_id = Set(Some(i.id));
    let row = am.update(tx).await?;
    let detail = format!(
        "indicator {} of {}: baseline {baseline} (wave {}), target {} by {}",
        aim.key, aim.municipality.slug, aim.wave.label, input.target, input.target_on
    );
    audit::record(
        tx,
        origin,
        "cohesion-plan-started",
        "plan",
        p.id,
        Some(detail),
        now,
    )
    .await?;
    outbox::record(tx, "plan", p.id, Op::Created).await?;
    outbox::record(tx, "cohesion-plan", row.id, Op::Created).await?;
    measure(tx, &row, now).await?;
    Ok(row)
}

/// Fluent's bidi isolation marks taken out of a text stored as data.
fn plain(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
        .collect()
}

/// Record the measurements of a plan from the waves scored after its
/// baseline, replacing those recorded before (a rescored wave replaces its
/// measurement). A wave whose indicator is not comparable with the
/// baseline's (changed items) or lacks a score records none.
pub async fn measure(
    tx: &DatabaseTransaction,
    row: &cohesion_plan::Model,
    now: DateTime<Utc>,
) -> Result<(), CohesionError> {
    let Some(indicator) = row.plan_indicator_id else {
        return Ok(());
    };
    let Some(base) = wave::Entity::find_by_id(row.baseline_wave_id)
        .one(tx)
        .await?
    else {
        return Ok(());
    };
    let later = wave::Entity::find()
        .filter(wave::Column::MunicipalityId.eq(row.municipality_id))
        .filter(wave::Column::Number.gt(base.number))
        .filter(wave::Column::Scores.is_not_null())
        .order_by_asc(wave::Column::Number)
        .all(tx)
        .await?;
    measurement::Entity::delete_many()
        .filter(measurement::Column::IndicatorId.eq(indicator))
        .filter(measurement::Column::Source.starts_with(SOURCE))
        .exec(tx)
        .await?;
    for w in &later {
        let Some(s) = scores_of(w)? else { continue };
        let Some(f) = s.indicator(&row.indicator_key) else {
            continue;
        };
        let Some(value) = f.score.filter(|_| f.fingerprint == row.fingerprint) else {
            continue;
        };
        measurement::ActiveModel {
            indicator_id: Set(indicator),
            measured_on: Set(w.fielded_on),
            value: Set(value),
            source: Set(format!("{SOURCE}{}", w.id)),
            recorded_by: Set(None),
            recorded_at: Set(now),
            ..Default::default()
        }
        .insert(tx)
        .await?;
    }
    if let Some(p) = row.plan_id {
        outbox::record(tx, "plan", p, Op::Updated).await?;
    }
    Ok(())
}

/// Measure every plan of a municipality again (a wave of it was scored).
pub async fn measure_municipality(
    tx: &DatabaseTransaction,
    municipality_id: i32,
    now: DateTime<Utc>,
) -> Result<(), CohesionError> {
    let rows = cohesion_plan::Entity::find()
        .filter(cohesion_plan::Column::MunicipalityId.eq(municipality_id))
        .all(tx)
        .await?;
    for row in &rows {
        measure(tx, row, now).await?;
    }
    Ok(())
}

/// Share a plan that met its target as a draft practice of the library,
/// owned by the actor and prefilled from the plan; a second share answers
/// the same draft. The practice's id.
pub async fn share(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    slug: &str,
    key: &str,
    lang: Locale,
    now: DateTime<Utc>,
) -> Result<i32, CohesionError> {
    let conn = db.read();
    let IndicatorPlan::Started(v) =
        indicator_plan(conn, Some(actor), slug, key, now.date_naive()).await?
    else {
        return Err(CohesionError::NotFound);
    };
    authorize(
        Some(actor),
        Action::PlanForCohesion {
            municipality: v.municipality.id,
        },
    )?;
    if let Some(id) = v.row.practice_id {
        return Ok(id);
    }
    if v.status != PlanStatus::Met {
        return Err(CohesionError::NotMet);
    }
    let snapshot = practice_from(&v, lang)?;
    let id = crate::library::practices::save(db, origin, actor, None, snapshot, now)
        .await
        .map_err(|e| match e {
            PracticeError::Forbidden => CohesionError::Forbidden,
            PracticeError::SecondFactorRequired => CohesionError::SecondFactorRequired,
            PracticeError::NotFound => CohesionError::NotFound,
            PracticeError::Db(e) => CohesionError::Db(e),
            e => CohesionError::Invalid(e.to_string()),
        })?;
    let tx = db.begin_write().await?;
    // Only the first share records its draft (a double click's second
    // finds it taken and answers the first).
    let done = cohesion_plan::Entity::update_many()
        .col_expr(cohesion_plan::Column::PracticeId, Expr::value(id))
        .filter(cohesion_plan::Column::Id.eq(v.row.id))
        .filter(cohesion_plan::Column::PracticeId.is_null())
        .exec(&tx)
        .await?;
    if done.rows_affected == 0 {
        tx.rollback().await?;
        let again = cohesion_plan::Entity::find_by_id(v.row.id)
            .one(conn)
            .await?
            .and_then(|r| r.practice_id);
        if let Some(first) = again.filter(|first| *first != id) {
            // The draft this click made is nobody's: the actor's own, unseen.
            crate::library::practices::delete(db, origin, actor, id, now)
                .await
                .map_err(|e| CohesionError::Invalid(e.to_string()))?;
            return Ok(first);
        }
        return Ok(again.unwrap_or(id));
    }
    audit::record(
        &tx,
        origin,
        "cohesion-plan-shared",
        "practice",
        id,
        Some(format!("from plan {}", v.row.plan_id.unwrap_or_default())),
        now,
    )
    .await?;
    outbox::record(&tx, "cohesion-plan", v.row.id, Op::Updated).await?;
    tx.commit().await?;
    Ok(id)
}

/// The draft practice a met plan is shared as, written in `lang`.
fn practice_from(v: &PlanView, lang: Locale) -> Result<Snapshot, CohesionError> {
    let (Some(t), Some(result)) = (
        &v.target,
        v.later.iter().rev().find_map(|m| m.score.map(|s| (m, s))),
    ) else {
        return Err(CohesionError::NotMet);
    };
    let (last, value) = result;
    let name = v.indicator_name.text(lang).to_owned();
    let town = v.municipality.name.text(lang).to_owned();
    let num = |x: f64| FluentArg::from(format!("{x:.0}").as_str());
    let summary = plain(&lang.t_args(
        "cohesion-plan-practice-summary",
        &[
            ("municipality", FluentArg::from(town.as_str())),
            ("indicator", FluentArg::from(name.as_str())),
            ("baseline", num(t.baseline_value)),
            ("result", num(value)),
        ],
    ));
    let results = plain(&lang.t_args(
        "cohesion-plan-practice-results",
        &[
            ("indicator", FluentArg::from(name.as_str())),
            ("baseline", num(t.baseline_value)),
            ("first", FluentArg::from(v.baseline.label.as_str())),
            ("result", num(value)),
            ("last", FluentArg::from(last.label.as_str())),
            ("target", num(t.target_value)),
        ],
    ));
    let title = v
        .plan
        .as_ref()
        .map(|p| p.title.text(lang).to_owned())
        .unwrap_or_else(|| name.clone());
    let title = TrText::new(lang, title).map_err(|e| CohesionError::Invalid(e.to_string()))?;
    let mut texts = BTreeMap::new();
    texts.insert(TextField::Summary, BTreeMap::from([(lang, summary)]));
    texts.insert(TextField::Results, BTreeMap::from([(lang, results)]));
    Ok(Snapshot {
        title,
        municipality_id: Some(v.municipality.id),
        organisation_id: None,
        country_code: Some(v.municipality.country_code.clone()),
        themes: BTreeSet::new(),
        content: PracticeContent {
            texts,
            city: town,
            start_year: Some(v.baseline.fielded_on.year()),
            ..Default::default()
        },
    })
}

/// The indicators of a municipality that have a plan: key → the plan's
/// `cohesion_plan` id (one query; the dashboard links them).
pub async fn planned(
    conn: &impl ConnectionTrait,
    municipality_id: i32,
) -> Result<HashMap<String, i32>, CohesionError> {
    Ok(cohesion_plan::Entity::find()
        .filter(cohesion_plan::Column::MunicipalityId.eq(municipality_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.indicator_key, r.id))
        .collect())
}

/// A plan aimed at an indicator, in short (the JSON API lists them).
#[derive(Clone, Debug)]
pub struct PlanSummary {
    pub indicator: String,
    /// The action plan, when made.
    pub plan_id: Option<i32>,
    pub baseline: f64,
    /// The baseline wave's number and the day its fieldwork ended.
    pub baseline_wave: i32,
    pub baseline_on: NaiveDate,
    pub target: f64,
    pub target_on: NaiveDate,
    /// The latest later wave with a score for the indicator.
    pub latest: Option<Measure>,
    pub status: PlanStatus,
}

/// The plans aimed at a municipality's indicators with their baseline,
/// target, date and status, measured by `waves` (its waves, oldest first,
/// as the dashboard read them): two queries.
pub async fn summaries(
    conn: &impl ConnectionTrait,
    municipality_id: i32,
    waves: &[super::rules::WaveView],
    today: NaiveDate,
) -> Result<Vec<PlanSummary>, CohesionError> {
    let rows = cohesion_plan::Entity::find()
        .filter(cohesion_plan::Column::MunicipalityId.eq(municipality_id))
        .order_by_asc(cohesion_plan::Column::IndicatorKey)
        .all(conn)
        .await?;
    let ids: Vec<i32> = rows.iter().filter_map(|r| r.plan_indicator_id).collect();
    let targets: HashMap<i32, plan_indicator::Model> = plan_indicator::Entity::find()
        .filter(plan_indicator::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let Some(t) = r.plan_indicator_id.and_then(|id| targets.get(&id)) else {
            continue;
        };
        let base = waves.iter().find(|w| w.row.id == r.baseline_wave_id);
        let base_number = base.map_or(0, |w| w.row.number);
        let later: Vec<Measure> = waves
            .iter()
            .filter(|w| w.row.number > base_number)
            .filter_map(|w| {
                let s = w.scores.as_ref()?;
                let fig = s.indicator(&r.indicator_key);
                Some(Measure {
                    wave_id: w.row.id,
                    label: w.row.label.clone(),
                    fielded_on: w.row.fielded_on,
                    n: fig.map_or(0, |f| f.n),
                    score: fig.and_then(|f| f.score),
                    comparable: fig.is_some_and(|f| f.fingerprint == r.fingerprint),
                })
            })
            .collect();
        out.push(PlanSummary {
            status: status(t.baseline_value, t.target_value, t.target_on, today, &later),
            latest: later.iter().rev().find(|m| m.score.is_some()).cloned(),
            indicator: r.indicator_key,
            plan_id: r.plan_id,
            baseline: t.baseline_value,
            baseline_wave: base_number,
            baseline_on: t.baseline_on,
            target: t.target_value,
            target_on: t.target_on,
        });
    }
    Ok(out)
}

/// How the plans activity describes cohesion plans (owner kind `cohesion`):
/// the indicator's plan page; seen by who may see the dashboard, edited by
/// the municipality's focal points (three queries).
pub fn describe<'a>(
    db: &'a DatabaseConnection,
    actor: Option<&'a Actor>,
    ids: &'a [i32],
) -> Describing<'a> {
    Box::pin(async move {
        let rows = cohesion_plan::Entity::find()
            .filter(cohesion_plan::Column::Id.is_in(ids.to_vec()))
            .all(db)
            .await?;
        let ms: Vec<i32> = rows.iter().map(|r| r.municipality_id).collect();
        let published: BTreeSet<i32> = setting::Entity::find()
            .filter(setting::Column::MunicipalityId.is_in(ms.clone()))
            .filter(setting::Column::Published.eq(true))
            .all(db)
            .await?
            .into_iter()
            .map(|s| s.municipality_id)
            .collect();
        let towns: HashMap<i32, municipality::Model> = municipality::Entity::find()
            .filter(municipality::Column::Id.is_in(ms))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
        Ok(rows
            .into_iter()
            .filter_map(|r| {
                let m = towns.get(&r.municipality_id)?;
                let published = published.contains(&m.id);
                let visible = can(
                    actor,
                    Action::ViewCohesion(CohesionRef::for_actor(actor, published, m.id)),
                );
                Some((
                    r.id,
                    OwnerFacts {
                        title: m.name.clone(),
                        url: format!(
                            "/municipalities/{}/cohesion/plans/{}",
                            m.slug, r.indicator_key
                        ),
                        visible_to_actor: visible,
                        editor_municipalities: vec![m.id],
                        calendar: None,
                    },
                ))
            })
            .collect())
    })
}

/// The owner of a cohesion plan row, as the plans activity names it.
pub fn owner(id: i32) -> Owner {
    Owner {
        kind: OwnerKind::Cohesion,
        id,
    }
}
