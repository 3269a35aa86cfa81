//! Reading a municipality's dashboard (a fixed number of queries whatever
//! the number of waves, peers and plans), scoring a wave from its survey's
//! submitted responses, and a municipality's choices (published, named to
//! peers).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use futures_util::TryStreamExt;
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, FromQueryResult,
    QueryFilter, QueryOrder, QuerySelect, Statement, StreamTrait,
};

use super::PeerGroup;
use super::benchmark::{self, Benchmark, Groups};
use super::entities::{framework, setting, wave};
use super::error::CohesionError;
use super::framework::Definition;
use super::picking::Wanted;
use super::scoring::{MunicipalScores, Scorer, WaveScores};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::directory::entities::municipality;
use crate::i18n::TrText;
use crate::policy::{Action, Actor, CohesionRef, authorize};
use crate::surveys::entities::response;
use crate::surveys::{population_band, refugee_band};

/// A framework version as waves use it.
#[derive(Clone, Debug)]
pub struct FrameworkView {
    pub id: i32,
    pub slug: String,
    pub version: i32,
    pub title: TrText,
    pub definition: Arc<Definition>,
}

impl FrameworkView {
    pub fn of(row: framework::Model) -> Result<Self, CohesionError> {
        let definition: Definition = serde_json::from_value(row.definition)
            .map_err(|e| CohesionError::Invalid(format!("framework {}: {e}", row.id)))?;
        Ok(FrameworkView {
            id: row.id,
            slug: row.slug,
            version: row.version,
            title: row.title,
            definition: Arc::new(definition),
        })
    }
}

/// A wave with its scores.
#[derive(Clone, Debug)]
pub struct WaveView {
    pub row: wave::Model,
    pub framework: FrameworkView,
    /// `None`: not scored yet.
    pub scores: Option<WaveScores>,
}

/// A peer that chose to be named: its latest index.
#[derive(Clone, Debug)]
pub struct NamedPeer {
    pub slug: String,
    pub name: TrText,
    pub index: Option<f64>,
    pub label: String,
}

/// The latest wave's figures against the peers.
#[derive(Clone, Debug, Default)]
pub struct Benchmarks {
    pub index: Option<Benchmark>,
    /// By domain key, by indicator key.
    pub domains: HashMap<String, Benchmark>,
    pub indicators: HashMap<String, Benchmark>,
}

/// Everything a dashboard shows.
#[derive(Clone, Debug)]
pub struct Dashboard {
    pub municipality: municipality::Model,
    pub published: bool,
    pub by_name: bool,
    /// The reader may change the choices above.
    pub may_manage: bool,
    /// The reader may start plans aimed at its indicators.
    pub may_plan: bool,
    /// The reader may start and score its waves.
    pub may_run: bool,
    /// The reader may add frameworks (staff).
    pub may_frameworks: bool,
    /// Its indicators that have a plan: key → `cohesion_plan` id.
    pub plans: HashMap<String, i32>,
    /// Oldest first.
    pub waves: Vec<WaveView>,
    pub group: PeerGroup,
    pub groups: Groups,
    pub benchmarks: Benchmarks,
    pub named: Vec<NamedPeer>,
    /// The documents attached to the municipal questionnaires of the
    /// waves whose municipal answers were scored, counted by wave id and
    /// question ("" for the whole response).
    pub evidence: HashMap<(i32, String), u64>,
}

impl Dashboard {
    /// The latest scored wave.
    pub fn latest(&self) -> Option<(&WaveView, &WaveScores)> {
        self.waves
            .iter()
            .rev()
            .find_map(|w| w.scores.as_ref().map(|s| (w, s)))
    }

    pub fn synthetic(&self) -> bool {
        self.waves.iter().any(|w| w.row.synthetic)
    }
}

/// A municipality's groups, as peers are chosen.
pub fn groups_of(m: &municipality::Model) -> Groups {
    Groups {
        country: m.country_code.clone(),
        population: population_band(m.population).to_owned(),
        refugees: refugee_band(m.population, m.refugees_hosted).to_owned(),
    }
}

/// One row of the peers' query.
#[derive(Debug, FromQueryResult)]
struct PeerRow {
    slug: String,
    name: TrText,
    country_code: String,
    population: Option<i64>,
    refugees_hosted: Option<i64>,
    label: String,
    scores: serde_json::Value,
    published: Option<bool>,
    by_name: Option<bool>,
}

/// Every other municipality's latest scored wave, with its groups and
/// choices: one query.
async fn peers(conn: &impl ConnectionTrait, except: i32) -> Result<Vec<PeerRow>, DbErr> {
    let backend = conn.get_database_backend();
    let param = if backend == DbBackend::Postgres {
        "$1"
    } else {
        "?"
    };
    let sql = format!(
        r#"SELECT m."slug", m."name", m."country_code", m."population",
                  m."refugees_hosted", w."label", w."scores", s."published", s."by_name"
           FROM "cohesion_wave" w
           JOIN "municipality" m ON m."id" = w."municipality_id"
           LEFT JOIN "cohesion_setting" s ON s."municipality_id" = w."municipality_id"
           WHERE w."municipality_id" <> {param} AND w."scores" IS NOT NULL
             AND w."number" = (SELECT MAX(l."number") FROM "cohesion_wave" l
                               WHERE l."municipality_id" = w."municipality_id"
                                 AND l."scores" IS NOT NULL)
           ORDER BY m."slug""#
    );
    PeerRow::find_by_statement(Statement::from_sql_and_values(
        backend,
        sql,
        [except.into()],
    ))
    .all(conn)
    .await
}

/// The documents of some waves counted by wave and question: one query.
async fn evidence_counts(
    conn: &impl ConnectionTrait,
    wave_ids: Vec<i32>,
) -> Result<HashMap<(i32, String), u64>, DbErr> {
    use super::entities::evidence;
    Ok(evidence::Entity::find()
        .select_only()
        .column(evidence::Column::WaveId)
        .column(evidence::Column::Question)
        .column_as(Expr::col(evidence::Column::Id).count(), "n")
        .filter(evidence::Column::WaveId.is_in(wave_ids))
        .group_by(evidence::Column::WaveId)
        .group_by(evidence::Column::Question)
        .into_tuple::<(i32, String, i64)>()
        .all(conn)
        .await?
        .into_iter()
        .map(|(w, q, n)| ((w, q), u64::try_from(n).unwrap_or_default()))
        .collect())
}

/// The dashboard of the municipality `slug`, compared with `group`: not
/// found when there is no such municipality or the reader may not see it.
/// Seven queries whatever the waves, peers and plans, and an eighth (the
/// documents counted) when a wave's municipal questionnaire was scored.
pub async fn dashboard(
    conn: &impl ConnectionTrait,
    actor: Option<&Actor>,
    slug: &str,
    group: PeerGroup,
) -> Result<Dashboard, CohesionError> {
    // The API also takes the municipality's number, as the directory's does.
    let m = municipality::Entity::find()
        .filter(match slug.parse::<i32>() {
            Ok(id) => municipality::Column::Id.eq(id),
            Err(_) => municipality::Column::Slug.eq(slug),
        })
        .one(conn)
        .await?
        .ok_or(CohesionError::NotFound)?;
    let choice = setting::Entity::find_by_id(m.id).one(conn).await?;
    let published = choice.as_ref().is_some_and(|c| c.published);
    let by_name = choice.as_ref().is_some_and(|c| c.by_name);
    authorize(
        actor,
        Action::ViewCohesion(CohesionRef::for_actor(actor, published, m.id)),
    )
    .map_err(|_| CohesionError::NotFound)?;
    let may_manage = crate::policy::can(actor, Action::ManageCohesion { municipality: m.id });
    let may_plan = crate::policy::can(actor, Action::PlanForCohesion { municipality: m.id });
    let may_run = super::waves::may_run(actor, m.id);
    let may_frameworks = crate::policy::can(actor, Action::ManageCohesionFrameworks);
    let rows = wave::Entity::find()
        .filter(wave::Column::MunicipalityId.eq(m.id))
        .order_by_asc(wave::Column::Number)
        .all(conn)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|w| w.framework_id).collect();
    let frameworks: HashMap<i32, FrameworkView> = framework::Entity::find()
        .filter(framework::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|f| FrameworkView::of(f).map(|v| (v.id, v)))
        .collect::<Result<_, _>>()?;
    let mut waves = Vec::with_capacity(rows.len());
    for row in rows {
        let framework = frameworks
            .get(&row.framework_id)
            .cloned()
            .ok_or_else(|| CohesionError::Invalid(format!("wave {}: no framework", row.id)))?;
        let scores = match &row.scores {
            Some(v) => Some(
                serde_json::from_value(v.clone())
                    .map_err(|e| CohesionError::Invalid(format!("wave {}: {e}", row.id)))?,
            ),
            None => None,
        };
        waves.push(WaveView {
            row,
            framework,
            scores,
        });
    }
    let peer_rows = peers(conn, m.id).await?;
    let plans = super::plans::planned(conn, m.id).await?;
    let parsed: Vec<(Groups, WaveScores, &PeerRow)> = peer_rows
        .iter()
        .filter_map(|p| {
            let scores: WaveScores = serde_json::from_value(p.scores.clone()).ok()?;
            let g = Groups {
                country: p.country_code.clone(),
                population: population_band(p.population).to_owned(),
                refugees: refugee_band(p.population, p.refugees_hosted).to_owned(),
            };
            Some((g, scores, p))
        })
        .collect();
    let groups = groups_of(&m);
    let mut d = Dashboard {
        municipality: m,
        published,
        by_name,
        may_manage,
        may_plan,
        may_run,
        may_frameworks,
        plans,
        waves,
        group,
        groups,
        benchmarks: Benchmarks::default(),
        named: parsed
            .iter()
            .filter(|(_, _, p)| p.published == Some(true) && p.by_name == Some(true))
            .map(|(_, s, p)| NamedPeer {
                slug: p.slug.clone(),
                name: p.name.clone(),
                index: s.index.score,
                label: p.label.clone(),
            })
            .collect(),
        evidence: HashMap::new(),
    };
    let with_municipal: Vec<i32> = d
        .waves
        .iter()
        .filter(|w| w.scores.as_ref().is_some_and(|s| s.municipal.is_some()))
        .map(|w| w.row.id)
        .collect();
    if !with_municipal.is_empty() {
        d.evidence = evidence_counts(conn, with_municipal).await?;
    }
    if let Some((_, latest)) = d.latest() {
        let b = &mut Benchmarks::default();
        let peers = || parsed.iter().map(|(g, s, _)| (g, s));
        b.index = Some(benchmark::benchmark(
            &latest.index,
            &d.groups,
            group,
            peers().map(|(g, s)| (g, Some(&s.index))),
        ));
        for f in &latest.domains {
            let mine = peers().map(|(g, s)| (g, s.domain(&f.key)));
            b.domains.insert(
                f.key.clone(),
                benchmark::benchmark(f, &d.groups, group, mine),
            );
        }
        for f in &latest.indicators {
            let mine = peers().map(|(g, s)| (g, s.indicator(&f.key)));
            b.indicators.insert(
                f.key.clone(),
                benchmark::benchmark(f, &d.groups, group, mine),
            );
        }
        d.benchmarks = std::mem::take(b);
    }
    Ok(d)
}

/// The stratum shares a wave stores.
pub fn shares_of(w: &wave::Model) -> Option<BTreeMap<String, f64>> {
    w.weights
        .as_ref()
        .and_then(|v| serde_json::from_value(v.clone()).ok())
}

/// Score a wave from its survey's submitted responses (read as a stream,
/// one respondent at a time).
pub async fn score_wave<C>(
    conn: &C,
    w: &wave::Model,
    def: &Definition,
) -> Result<WaveScores, CohesionError>
where
    C: ConnectionTrait + StreamTrait,
{
    let mut scorer = Scorer::new(def, shares_of(w));
    if let Some(survey) = w.survey_id {
        // The answers as JSON text (on PostgreSQL `jsonb` written out), of
        // which only the scored questions are read.
        let questions: Vec<String> = scorer.questions().map(str::to_owned).collect();
        let wanted = Wanted::new(questions.iter().map(String::as_str));
        let mut rows = response::Entity::find()
            .select_only()
            .column_as(
                Expr::col(response::Column::Answers).cast_as(Alias::new("text")),
                "answers",
            )
            .filter(response::Column::SurveyId.eq(survey))
            .filter(response::Column::SubmittedAt.is_not_null())
            .into_tuple::<Option<String>>()
            .stream(conn)
            .await?;
        while let Some(answers) = rows.try_next().await? {
            let Some(text) = answers else { continue };
            let mut slots = Vec::with_capacity(questions.len());
            wanted.pick(&text, &mut slots);
            scorer.add(|q| {
                wanted
                    .slot(q)
                    .and_then(|at| slots.get(at))
                    .and_then(|s| s.as_deref())
            });
        }
    }
    let mut scores = scorer.finish();
    scores.municipal = municipal_scores(conn, w, def).await?;
    Ok(scores)
}

/// The wave's municipal questionnaire scored from the municipality's
/// submitted response (`scoring::score_municipal`); `None` for a wave
/// without one.
async fn municipal_scores(
    conn: &impl ConnectionTrait,
    w: &wave::Model,
    def: &Definition,
) -> Result<Option<MunicipalScores>, CohesionError> {
    let Some(row) = super::entities::municipal::Entity::find_by_id(w.id)
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    let Some(q) = def.municipal_or_shipped() else {
        return Ok(None);
    };
    let answers: Option<BTreeMap<String, String>> = response::Entity::find()
        .filter(response::Column::SurveyId.eq(row.survey_id))
        .filter(response::Column::MunicipalityId.eq(w.municipality_id))
        .filter(response::Column::SubmittedAt.is_not_null())
        .one(conn)
        .await?
        .and_then(|r| r.answers)
        .map(|v| match v {
            serde_json::Value::Object(o) => o
                .into_iter()
                .filter_map(|(k, v)| Some((k, v.as_str()?.to_owned())))
                .collect(),
            _ => BTreeMap::new(),
        });
    Ok(Some(super::scoring::score_municipal(&q, answers.as_ref())))
}

/// Score a wave and store its scores, in one transaction.
pub async fn rescore(
    db: &Db,
    wave_id: i32,
    now: DateTime<Utc>,
) -> Result<WaveScores, CohesionError> {
    let tx = db.begin_write().await?;
    let w = wave::Entity::find_by_id(wave_id)
        .one(&tx)
        .await?
        .ok_or(CohesionError::NotFound)?;
    let f = framework::Entity::find_by_id(w.framework_id)
        .one(&tx)
        .await?
        .ok_or(CohesionError::NotFound)?;
    let f = FrameworkView::of(f)?;
    let scores = score_wave(&tx, &w, &f.definition).await?;
    store(&tx, &w, &scores, now).await?;
    tx.commit().await?;
    Ok(scores)
}

/// Write a wave's scores (and its n) with the outbox row.
pub async fn store(
    tx: &sea_orm::DatabaseTransaction,
    w: &wave::Model,
    scores: &WaveScores,
    now: DateTime<Utc>,
) -> Result<(), CohesionError> {
    let json = serde_json::to_value(scores)
        .map_err(|e| CohesionError::Invalid(format!("wave {}: {e}", w.id)))?;
    wave::ActiveModel {
        id: Set(w.id),
        n: Set(i64::try_from(scores.n).unwrap_or(i64::MAX)),
        scores: Set(Some(json)),
        scored_at: Set(Some(now)),
        ..Default::default()
    }
    .update(tx)
    .await?;
    outbox::record(tx, "cohesion-wave", w.id, Op::Updated).await?;
    // The plans aimed at its indicators are measured again.
    super::plans::measure_municipality(tx, w.municipality_id, now).await?;
    Ok(())
}

/// A municipality's choices: publish the dashboard, name it to peers. An
/// unchanged choice writes nothing.
pub async fn save_choices(
    db: &Db,
    origin: &Origin,
    actor: Option<&Actor>,
    slug: &str,
    published: bool,
    by_name: bool,
    now: DateTime<Utc>,
) -> Result<(), CohesionError> {
    let tx = db.begin_write().await?;
    let m = municipality::Entity::find()
        .filter(municipality::Column::Slug.eq(slug))
        .one(&tx)
        .await?
        .ok_or(CohesionError::NotFound)?;
    let old = setting::Entity::find_by_id(m.id).one(&tx).await?;
    let was_published = old.as_ref().is_some_and(|c| c.published);
    authorize(
        actor,
        Action::ViewCohesion(CohesionRef::for_actor(actor, was_published, m.id)),
    )
    .map_err(|_| CohesionError::NotFound)?;
    authorize(actor, Action::ManageCohesion { municipality: m.id })?;
    let before = old.as_ref().map(|c| (c.published, c.by_name));
    if before.unwrap_or((false, false)) == (published, by_name) {
        return Ok(());
    }
    setting::Entity::insert(setting::ActiveModel {
        municipality_id: Set(m.id),
        published: Set(published),
        by_name: Set(by_name),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(setting::Column::MunicipalityId)
            .update_columns([
                setting::Column::Published,
                setting::Column::ByName,
                setting::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec(&tx)
    .await?;
    let detail = format!(
        "published: {} → {published}; by_name: {} → {by_name}",
        before.is_some_and(|b| b.0),
        before.is_some_and(|b| b.1)
    );
    audit::record(
        &tx,
        origin,
        "cohesion.choices",
        "municipality",
        m.id,
        Some(detail),
        now,
    )
    .await?;
    outbox::record(&tx, "cohesion-setting", m.id, Op::Updated).await?;
    tx.commit().await?;
    Ok(())
}
