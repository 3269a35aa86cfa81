//! Waves as a municipality runs them: its focal point (or staff) starts a
//! wave, which opens a campaign of the framework's resident perception
//! survey for the municipality (the surveys activity's campaign, answered
//! through personal links) with its sampling plan (planned sample,
//! planned respondents per stratum, optional stratum weights); later the
//! wave is scored from the submitted answers (scoring again replaces the
//! scores). The waves page reads each wave's status and n so far in a
//! fixed number of queries.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, FromQueryResult,
    QueryFilter, QueryOrder, QuerySelect, Statement,
};
use serde::{Deserialize, Serialize};

use super::entities::{framework, wave};
use super::error::CohesionError;
use super::rules::FrameworkView;
use super::scoring::WaveScores;
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::directory::entities::municipality;
use crate::i18n::{Locale, TrText};
use crate::library::practices::FieldError;
use crate::policy::{Action, Actor, authorize, can};
use crate::surveys::ResultsAudience;
use crate::surveys::entities::{response, survey};
use crate::surveys::error::SurveyError;
use crate::surveys::rules::surveys::{NewCampaign, open_in};

/// The most respondents a wave may plan.
pub const MAX_PLANNED: u32 = 1_000_000;

/// A wave's sampling plan, as stored in `cohesion_wave.sampling`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sampling {
    pub planned: u32,
    /// Stratum (a choice of the framework's stratum question) → planned
    /// respondents, for the strata given.
    #[serde(default)]
    pub strata: BTreeMap<String, u32>,
}

/// A wave to start, parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct WaveInput {
    pub framework_id: i32,
    pub label: String,
    /// The campaign's last day.
    pub closes_on: NaiveDate,
    pub sampling: Sampling,
    /// Stratum → its share of the population (0–1); `None`: unweighted.
    pub weights: Option<BTreeMap<String, f64>>,
}

/// The start form's values as typed (shown again on bad input).
#[derive(Clone, Debug, Default)]
pub struct Typed {
    pub framework: String,
    pub label: String,
    pub closes_on: String,
    pub planned: String,
    /// Stratum → planned respondents typed (`planned_<stratum>`).
    pub strata: BTreeMap<String, String>,
    /// Stratum → share of the population in % typed (`weight_<stratum>`).
    pub weights: BTreeMap<String, String>,
}

impl Typed {
    pub fn from_pairs(pairs: &[(String, String)]) -> Typed {
        let mut t = Typed::default();
        for (k, v) in pairs {
            match k.as_str() {
                "framework" => t.framework = v.clone(),
                "label" => t.label = v.clone(),
                "closes_on" => t.closes_on = v.clone(),
                "planned" => t.planned = v.clone(),
                k => {
                    if let Some(s) = k.strip_prefix("planned_") {
                        t.strata.insert(s.to_owned(), v.clone());
                    } else if let Some(s) = k.strip_prefix("weight_") {
                        t.weights.insert(s.to_owned(), v.clone());
                    }
                }
            }
        }
        t
    }
}

fn err(errors: &mut Vec<FieldError>, field: &'static str, message: &'static str) {
    if !errors.iter().any(|e| e.field == field) {
        errors.push(FieldError { field, message });
    }
}

/// Parse the start form against the frameworks offered: every problem
/// with its field and the Fluent id of its message.
pub fn parse(
    t: &Typed,
    offered: &[FrameworkView],
    today: NaiveDate,
) -> Result<WaveInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let framework = t
        .framework
        .trim()
        .parse::<i32>()
        .ok()
        .and_then(|id| offered.iter().find(|f| f.id == id));
    if framework.is_none() {
        err(&mut errors, "framework", "cohesion-wave-error-framework");
    }
    let label = t.label.trim();
    if label.is_empty() || label.chars().count() > 80 {
        err(&mut errors, "label", "cohesion-wave-error-label");
    }
    let closes_on = match NaiveDate::parse_from_str(t.closes_on.trim(), "%Y-%m-%d") {
        Ok(d) if d >= today && d <= today + chrono::Duration::days(730) => Some(d),
        _ => {
            err(&mut errors, "closes_on", "cohesion-wave-error-closes");
            None
        }
    };
    let planned = match t.planned.trim().parse::<u32>() {
        Ok(n) if (1..=MAX_PLANNED).contains(&n) => Some(n),
        _ => {
            err(&mut errors, "planned", "cohesion-wave-error-planned");
            None
        }
    };
    let strata_names: Vec<&str> = framework
        .map(|f| {
            f.definition
                .stratum
                .choice
                .iter()
                .map(|c| c.name.as_str())
                .collect()
        })
        .unwrap_or_default();
    let mut strata = BTreeMap::new();
    let mut weights = BTreeMap::new();
    for name in &strata_names {
        match t.strata.get(*name).map(|v| v.trim()).unwrap_or("") {
            "" => {}
            v => match v.parse::<u32>() {
                Ok(n) if n <= MAX_PLANNED => {
                    strata.insert((*name).to_owned(), n);
                }
                _ => err(&mut errors, "strata", "cohesion-wave-error-strata"),
            },
        }
        match t.weights.get(*name).map(|v| v.trim()).unwrap_or("") {
            "" => {}
            v => match crate::plans::rules::input::number(v) {
                Some(w) if (0.0..=100.0).contains(&w) => {
                    weights.insert((*name).to_owned(), w / 100.0);
                }
                _ => err(&mut errors, "weights", "cohesion-wave-error-weight"),
            },
        }
    }
    if let Some(p) = planned
        && strata.values().map(|n| u64::from(*n)).sum::<u64>() > u64::from(p)
    {
        err(&mut errors, "strata", "cohesion-wave-error-strata-sum");
    }
    if !weights.is_empty() {
        let sum: f64 = weights.values().sum();
        if sum <= 0.0 || sum > 1.0 + 1e-9 {
            err(&mut errors, "weights", "cohesion-wave-error-weight-sum");
        }
    }
    match (framework, closes_on, planned, errors.is_empty()) {
        (Some(f), Some(closes_on), Some(planned), true) => Ok(WaveInput {
            framework_id: f.id,
            label: label.to_owned(),
            closes_on,
            sampling: Sampling { planned, strata },
            weights: (!weights.is_empty()).then_some(weights),
        }),
        _ => Err(errors),
    }
}

/// The municipality `slug`, for someone who may run its waves: not found
/// when they may not see its dashboard, refused when they may see it but
/// not run waves.
pub(crate) async fn runnable(
    conn: &impl ConnectionTrait,
    actor: Option<&Actor>,
    slug: &str,
) -> Result<municipality::Model, CohesionError> {
    let m = crate::cohesion::plans::visible_municipality(conn, actor, slug).await?;
    authorize(actor, Action::RunCohesionWave { municipality: m.id })?;
    Ok(m)
}

/// Where a wave's campaign stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Collecting {
    /// Open and within its window: residents are answering.
    Open,
    /// Closed, or past its last day.
    Closed,
    /// Made without a campaign (imported or demo data).
    NoCampaign,
}

impl Collecting {
    pub fn code(self) -> &'static str {
        match self {
            Collecting::Open => "collecting",
            Collecting::Closed => "closed",
            Collecting::NoCampaign => "no-campaign",
        }
    }
}

/// A wave as its page shows it.
#[derive(Clone, Debug)]
pub struct WaveStatus {
    pub row: wave::Model,
    pub framework: Option<FrameworkView>,
    pub survey: Option<survey::Model>,
    pub collecting: Collecting,
    /// Submitted responses so far.
    pub submitted: i64,
    pub sampling: Option<Sampling>,
    /// Per stratum of its sampling plan, and of the links sent: planned
    /// respondents, personal links sent, links answered; links sent
    /// without a stratum last (`stratum: None`). Empty for a wave without
    /// strata in its plan.
    pub strata: Vec<StratumLinks>,
}

/// One stratum of a wave: what was planned, sent and answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StratumLinks {
    /// A choice of the framework's stratum question; `None`: links sent
    /// without one (one by one, or a listed line without a stratum).
    pub stratum: Option<String>,
    pub planned: Option<u32>,
    pub sent: i64,
    /// Links whose respondent submitted their answers.
    pub answered: i64,
}

/// Links sent and answered, per wave and stratum.
#[derive(Debug, FromQueryResult)]
struct LinkCount {
    wave_id: i32,
    stratum: Option<String>,
    sent: i64,
    answered: i64,
}

/// The personal links of every wave of municipality `m`, counted per
/// stratum (the stratum a pasted list gave, `cohesion_link`), with those
/// answered: one query, whatever the waves and links.
async fn link_counts(conn: &impl ConnectionTrait, m: i32) -> Result<Vec<LinkCount>, DbErr> {
    let backend = conn.get_database_backend();
    let param = if backend == DbBackend::Postgres {
        "$1"
    } else {
        "?"
    };
    let sql = format!(
        r#"SELECT w."id" AS "wave_id", c."stratum" AS "stratum",
                  COUNT(l."id") AS "sent", COUNT(r."id") AS "answered"
           FROM "survey_link" l
           JOIN "cohesion_wave" w ON w."survey_id" = l."survey_id"
           LEFT JOIN "cohesion_link" c ON c."link_id" = l."id"
           LEFT JOIN "survey_response" r
             ON r."link_id" = l."id" AND r."submitted_at" IS NOT NULL
           WHERE w."municipality_id" = {param}
           GROUP BY w."id", c."stratum""#
    );
    LinkCount::find_by_statement(Statement::from_sql_and_values(backend, sql, [m.into()]))
        .all(conn)
        .await
}

/// A wave's strata: those its plan names (in its order), then any other a
/// link was sent for, then links without a stratum; none when the plan
/// names no stratum.
fn strata_of(wave_id: i32, sampling: Option<&Sampling>, counts: &[LinkCount]) -> Vec<StratumLinks> {
    let Some(plan) = sampling.filter(|p| !p.strata.is_empty()) else {
        return Vec::new();
    };
    let own: Vec<&LinkCount> = counts.iter().filter(|c| c.wave_id == wave_id).collect();
    let count = |s: Option<&str>| {
        own.iter()
            .find(|c| c.stratum.as_deref() == s)
            .map_or((0, 0), |c| (c.sent, c.answered))
    };
    let mut out: Vec<StratumLinks> = plan
        .strata
        .iter()
        .map(|(name, planned)| {
            let (sent, answered) = count(Some(name.as_str()));
            StratumLinks {
                stratum: Some(name.clone()),
                planned: Some(*planned),
                sent,
                answered,
            }
        })
        .collect();
    let mut others: Vec<&&LinkCount> = own
        .iter()
        .filter(|c| {
            c.stratum
                .as_ref()
                .is_some_and(|s| !plan.strata.contains_key(s))
        })
        .collect();
    others.sort_by(|a, b| a.stratum.cmp(&b.stratum));
    out.extend(others.into_iter().map(|c| StratumLinks {
        stratum: c.stratum.clone(),
        planned: None,
        sent: c.sent,
        answered: c.answered,
    }));
    let (sent, answered) = count(None);
    if sent > 0 {
        out.push(StratumLinks {
            stratum: None,
            planned: None,
            sent,
            answered,
        });
    }
    out
}

/// A municipality's waves, newest first, and the frameworks a new wave
/// may use (the latest version of each).
#[derive(Clone, Debug)]
pub struct Waves {
    pub municipality: municipality::Model,
    pub waves: Vec<WaveStatus>,
    pub frameworks: Vec<FrameworkView>,
    /// Wave id → its municipal questionnaire and evidence.
    pub municipal: HashMap<i32, super::evidence::MunicipalStatus>,
}

/// The waves page: eleven queries whatever the number of waves (six, one
/// for the links per stratum, and four for the municipal questionnaires
/// and their evidence).
pub async fn waves(
    conn: &impl ConnectionTrait,
    actor: Option<&Actor>,
    slug: &str,
    now: DateTime<Utc>,
) -> Result<Waves, CohesionError> {
    let m = runnable(conn, actor, slug).await?;
    let rows = wave::Entity::find()
        .filter(wave::Column::MunicipalityId.eq(m.id))
        .order_by_desc(wave::Column::Number)
        .all(conn)
        .await?;
    let all: Vec<FrameworkView> = framework::Entity::find()
        .order_by_asc(framework::Column::Slug)
        .order_by_desc(framework::Column::Version)
        .all(conn)
        .await?
        .into_iter()
        .map(FrameworkView::of)
        .collect::<Result<_, _>>()?;
    let survey_ids: Vec<i32> = rows.iter().filter_map(|w| w.survey_id).collect();
    let surveys: HashMap<i32, survey::Model> = survey::Entity::find()
        .filter(survey::Column::Id.is_in(survey_ids.clone()))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let counts: HashMap<i32, i64> = response::Entity::find()
        .select_only()
        .column(response::Column::SurveyId)
        .column_as(Expr::col(response::Column::Id).count(), "n")
        .filter(response::Column::SurveyId.is_in(survey_ids))
        .filter(response::Column::SubmittedAt.is_not_null())
        .group_by(response::Column::SurveyId)
        .into_tuple::<(i32, i64)>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let links = link_counts(conn, m.id).await?;
    let waves: Vec<WaveStatus> = rows
        .into_iter()
        .map(|row| {
            let survey = row.survey_id.and_then(|id| surveys.get(&id).cloned());
            let collecting = match &survey {
                None => Collecting::NoCampaign,
                Some(s) => {
                    let open = s.status == crate::surveys::SurveyStatus::Open.code()
                        && s.opens_at.is_none_or(|o| o <= now)
                        && s.closes_at.is_none_or(|c| now < c);
                    if open {
                        Collecting::Open
                    } else {
                        Collecting::Closed
                    }
                }
            };
            let sampling: Option<Sampling> = row
                .sampling
                .as_ref()
                .and_then(|v| serde_json::from_value(v.clone()).ok());
            WaveStatus {
                framework: all.iter().find(|f| f.id == row.framework_id).cloned(),
                submitted: row
                    .survey_id
                    .and_then(|id| counts.get(&id).copied())
                    .unwrap_or(0),
                strata: strata_of(row.id, sampling.as_ref(), &links),
                sampling,
                survey,
                collecting,
                row,
            }
        })
        .collect();
    let keys: Vec<(i32, Option<&FrameworkView>)> = waves
        .iter()
        .map(|w: &WaveStatus| (w.row.id, w.framework.as_ref()))
        .collect();
    let municipal = super::evidence::of_waves(conn, m.id, &keys, now).await?;
    let mut frameworks: Vec<FrameworkView> = Vec::new();
    for f in all {
        if !frameworks.iter().any(|l| l.slug == f.slug) {
            frameworks.push(f);
        }
    }
    Ok(Waves {
        municipality: m,
        waves,
        frameworks,
        municipal,
    })
}

/// A text in every locale from a Fluent message.
fn in_every_locale(
    id: &str,
    args: impl Fn(Locale) -> Vec<(&'static str, crate::i18n::FluentArg)>,
) -> Result<TrText, CohesionError> {
    let values: BTreeMap<Locale, String> = Locale::ALL
        .iter()
        .map(|l| {
            // Stored text: without the isolation marks Fluent puts around
            // arguments (pages isolate what they show themselves).
            let text = l
                .t_args(id, &args(*l))
                .replace(['\u{2068}', '\u{2069}'], "");
            (*l, text)
        })
        .collect();
    TrText::from_values(Locale::En, values)
        .map_err(|e| CohesionError::Invalid(format!("{id}: {e:?}")))
}

pub(crate) fn survey_error(e: SurveyError) -> CohesionError {
    match e {
        SurveyError::Db(e) => CohesionError::Db(e),
        other => CohesionError::Invalid(format!("wave campaign: {other}")),
    }
}

/// Start a wave: its campaign opened (the framework's questionnaire as its
/// form, results for staff only, open from now to the end of its last
/// day) and the wave recorded with its sampling plan, in one transaction.
pub async fn start(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    slug: &str,
    input: WaveInput,
    now: DateTime<Utc>,
) -> Result<wave::Model, CohesionError> {
    let tx = db.begin_write().await?;
    let m = runnable(&tx, Some(actor), slug).await?;
    let f = framework::Entity::find_by_id(input.framework_id)
        .one(&tx)
        .await?
        .ok_or_else(|| {
            CohesionError::BadValues(vec![FieldError {
                field: "framework",
                message: "cohesion-wave-error-framework",
            }])
        })?;
    let f = FrameworkView::of(f)?;
    let last: Option<i32> = wave::Entity::find()
        .select_only()
        .column_as(Expr::col(wave::Column::Number).max(), "n")
        .filter(wave::Column::MunicipalityId.eq(m.id))
        .into_tuple::<Option<i32>>()
        .one(&tx)
        .await?
        .flatten();
    let number = last.unwrap_or(0) + 1;
    let label = input.label.clone();
    let title = in_every_locale("cohesion-wave-survey-title", |l| {
        vec![
            ("municipality", m.name.text(l).to_owned().into()),
            ("wave", label.clone().into()),
        ]
    })?;
    let description = in_every_locale("cohesion-wave-survey-description", |l| {
        vec![("municipality", m.name.text(l).to_owned().into())]
    })?;
    let closes_at = input
        .closes_on
        .succ_opt()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
        .ok_or_else(|| {
            CohesionError::BadValues(vec![FieldError {
                field: "closes_on",
                message: "cohesion-wave-error-closes",
            }])
        })?;
    let (s, _) = open_in(
        &tx,
        NewCampaign {
            slug_base: format!("cohesion-{}-{}", m.slug, input.label),
            title,
            description: Some(description),
            source: f.definition.own_questionnaire(),
            audience: ResultsAudience::Staff,
            opens_at: now,
            closes_at,
            created_by: actor.person_id,
            targets: Vec::new(),
        },
        now,
    )
    .await
    .map_err(survey_error)?;
    let municipal = match f.definition.municipal_or_shipped() {
        Some(q) => {
            let title = in_every_locale("cohesion-municipal-survey-title", |l| {
                vec![
                    ("municipality", m.name.text(l).to_owned().into()),
                    ("wave", label.clone().into()),
                ]
            })?;
            let (ms, _) = open_in(
                &tx,
                NewCampaign {
                    slug_base: format!("cohesion-{}-{}-municipal", m.slug, input.label),
                    title,
                    description: Some(in_every_locale(
                        "cohesion-municipal-survey-description",
                        |_| Vec::new(),
                    )?),
                    source: q.questionnaire(),
                    audience: ResultsAudience::Staff,
                    opens_at: now,
                    closes_at,
                    created_by: actor.person_id,
                    targets: vec![m.id],
                },
                now,
            )
            .await
            .map_err(survey_error)?;
            Some(ms)
        }
        None => None,
    };
    let sampling = serde_json::to_value(&input.sampling)
        .map_err(|e| CohesionError::Invalid(format!("sampling: {e}")))?;
    let weights = match &input.weights {
        Some(w) => Some(
            serde_json::to_value(w).map_err(|e| CohesionError::Invalid(format!("weights: {e}")))?,
        ),
        None => None,
    };
    let w = wave::ActiveModel {
        municipality_id: Set(m.id),
        framework_id: Set(f.id),
        survey_id: Set(Some(s.id)),
        number: Set(number),
        label: Set(input.label),
        fielded_on: Set(input.closes_on),
        n: Set(0),
        weights: Set(weights),
        sampling: Set(Some(sampling)),
        scores: Set(None),
        synthetic: Set(false),
        scored_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    if let Some(ms) = &municipal {
        super::entities::municipal::ActiveModel {
            wave_id: Set(w.id),
            survey_id: Set(ms.id),
        }
        .insert(&tx)
        .await?;
    }
    outbox::record(&tx, "cohesion-wave", w.id, Op::Created).await?;
    audit::record(
        &tx,
        origin,
        "cohesion.wave.started",
        "cohesion_wave",
        w.id,
        Some(format!("{} wave {number}: survey {}", m.slug, s.slug)),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(w)
}

/// Score wave `number` of the municipality from its campaign's submitted
/// answers (scoring again replaces the scores; the plans aimed at its
/// indicators are measured again). A wave scored before its last day is
/// dated the day it was scored.
pub async fn score(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    slug: &str,
    number: i32,
    now: DateTime<Utc>,
) -> Result<WaveScores, CohesionError> {
    let tx = db.begin_write().await?;
    let m = runnable(&tx, Some(actor), slug).await?;
    let mut w = numbered(&tx, m.id, number).await?;
    let f = framework::Entity::find_by_id(w.framework_id)
        .one(&tx)
        .await?
        .ok_or(CohesionError::NotFound)?;
    let f = FrameworkView::of(f)?;
    let scores = super::rules::score_wave(&tx, &w, &f.definition).await?;
    let today = now.date_naive();
    if w.fielded_on > today {
        w = wave::ActiveModel {
            id: Set(w.id),
            fielded_on: Set(today),
            ..Default::default()
        }
        .update(&tx)
        .await?;
    }
    super::rules::store(&tx, &w, &scores, now).await?;
    audit::record(
        &tx,
        origin,
        "cohesion.wave.scored",
        "cohesion_wave",
        w.id,
        Some(format!("{} wave {number}: n = {}", m.slug, scores.n)),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(scores)
}

/// Wave `number` of municipality `municipality_id` (not found without one).
pub(crate) async fn numbered(
    conn: &impl ConnectionTrait,
    municipality_id: i32,
    number: i32,
) -> Result<wave::Model, CohesionError> {
    wave::Entity::find()
        .filter(wave::Column::MunicipalityId.eq(municipality_id))
        .filter(wave::Column::Number.eq(number))
        .one(conn)
        .await?
        .ok_or(CohesionError::NotFound)
}

/// Whether `actor` may run the waves of municipality `id` (what pages offer).
pub fn may_run(actor: Option<&Actor>, id: i32) -> bool {
    can(actor, Action::RunCohesionWave { municipality: id })
}

/// A personal link to a resident, for the campaign of wave `number`: the
/// surveys activity checks it, records it and queues its mail (in
/// `locale`). Only while the campaign is collecting answers.
#[allow(clippy::too_many_arguments)]
pub async fn send_link(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    slug: &str,
    number: i32,
    link: crate::surveys::rules::links::NewLink,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<i32, CohesionError> {
    let conn = db.read();
    let m = runnable(conn, Some(actor), slug).await?;
    let w = numbered(conn, m.id, number).await?;
    let s = match w.survey_id {
        Some(id) => survey::Entity::find_by_id(id).one(conn).await?,
        None => None,
    };
    let Some(s) = s else {
        return Err(CohesionError::NotFound);
    };
    let s = crate::surveys::rules::Survey::of(s);
    if !s.accepting(now) {
        return Err(CohesionError::BadValues(vec![FieldError {
            field: "link_wave",
            message: "cohesion-wave-error-link-closed",
        }]));
    }
    let link = crate::surveys::rules::links::NewLink {
        municipality_id: Some(m.id),
        ..link
    };
    crate::surveys::rules::links::queue_link(db, actor, origin, &s, link, public_url, now)
        .await
        .map_err(|e| match e {
            SurveyError::BadValue { field, message } => {
                CohesionError::BadValues(vec![FieldError { field, message }])
            }
            other => survey_error(other),
        })
}
