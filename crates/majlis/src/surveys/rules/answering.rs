//! Answering a survey for a municipality: open the response, save a page
//! (checked by the server: constraints and required answers of that page),
//! submit (everything checked, tallies updated in the same transaction).
//! Drafts and submitted answers are kept apart, so changing a submitted
//! response never un-counts it until the change is submitted.

use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock};

use chrono::{DateTime, Utc};
use majlis_xlsform::{Answers, Context, Evaluation, Form, Kind, Problem};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, DbBackend, DbErr, EntityTrait,
    FromQueryResult, QueryFilter, QueryOrder, QuerySelect, QueryTrait, Statement, TryInsertResult,
};

use super::tally::{self, Groups};
use super::{Survey, find, parsed_version};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::group_commit::{TxFuture, Write};
use crate::db::outbox::{self, Op};
use crate::directory::entities::municipality;
use crate::policy::{Action, Actor, authorize};
use crate::surveys::entities::{form, link, response, survey};
use crate::surveys::error::{AnswerProblem, SurveyError};
use crate::surveys::pages::{self, FormPage};
use crate::surveys::{population_band, refugee_band};

/// Who answers: a targeted municipality (through its focal point), or a
/// named respondent through a personal link (speaking for a municipality or
/// not).
#[derive(Clone, Debug)]
pub enum Answerer {
    Municipality(municipality::Model),
    Link(link::Model, Option<municipality::Model>),
}

impl Answerer {
    /// The municipality the answers count for, in the groups of results.
    pub fn municipality(&self) -> Option<&municipality::Model> {
        match self {
            Answerer::Municipality(m) => Some(m),
            Answerer::Link(_, m) => m.as_ref(),
        }
    }

    /// Only this answerer's response.
    fn filter(&self, survey_id: i32) -> sea_orm::Select<response::Entity> {
        let q = response::Entity::find().filter(response::Column::SurveyId.eq(survey_id));
        match self {
            Answerer::Municipality(m) => q.filter(response::Column::MunicipalityId.eq(m.id)),
            Answerer::Link(l, _) => q.filter(response::Column::LinkId.eq(l.id)),
        }
    }

    /// (municipality_id, link_id) as a response stores them.
    fn ids(&self) -> (Option<i32>, Option<i32>) {
        match self {
            Answerer::Municipality(m) => (Some(m.id), None),
            Answerer::Link(l, _) => (None, Some(l.id)),
        }
    }
}

/// Someone answering a survey: the survey, the form version their response
/// uses, and the response so far.
#[derive(Clone)]
pub struct Respondent {
    pub survey: Survey,
    pub who: Answerer,
    /// The stored form version (`survey_form.id`) the answers belong to.
    pub form_id: i32,
    pub form: std::sync::Arc<Form>,
    pub response: Option<response::Model>,
}

impl Respondent {
    /// The answers being worked on: the draft, else what was submitted.
    pub fn working(&self) -> Answers {
        self.response
            .as_ref()
            .and_then(|r| r.draft.as_ref().or(r.answers.as_ref()))
            .map(to_answers)
            .unwrap_or_default()
    }

    pub fn submitted(&self) -> bool {
        self.response
            .as_ref()
            .is_some_and(|r| r.submitted_at.is_some())
    }

    /// Changes saved since the last submission.
    pub fn has_draft(&self) -> bool {
        self.response.as_ref().is_some_and(|r| r.draft.is_some())
    }

    pub fn pages(&self) -> Vec<FormPage<'_>> {
        pages::pages(&self.form)
    }

    pub fn evaluate(
        &self,
        answers: &Answers,
        language: Option<&str>,
        today: chrono::NaiveDate,
    ) -> Evaluation {
        self.form.evaluate(answers, &Context { language, today })
    }
}

/// Answers stored as a JSON object of strings.
pub fn to_answers(v: &serde_json::Value) -> Answers {
    v.as_object()
        .map(|o| {
            o.iter()
                .filter_map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_owned())))
                .collect()
        })
        .unwrap_or_default()
}

/// Answers as stored: a JSON object of strings.
pub fn to_json(a: &Answers) -> serde_json::Value {
    serde_json::Value::Object(
        a.iter()
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect(),
    )
}

/// What [`open`] needs, read at once: the survey named by the first
/// parameter, the municipality named by the second, whether the survey
/// targets it, its response, and the id and digest of the form version the
/// response uses (the latest when there is no response yet). No row when
/// either slug names nothing.
fn open_sql(backend: DbBackend) -> &'static str {
    static SQLITE: LazyLock<String> = LazyLock::new(|| open_sql_for("?", "?"));
    static POSTGRES: LazyLock<String> = LazyLock::new(|| open_sql_for("$1", "$2"));
    match backend {
        DbBackend::Postgres => &POSTGRES,
        _ => &SQLITE,
    }
}

fn open_sql_for(survey_slug: &str, municipality_slug: &str) -> String {
    format!(
        r#"SELECT {s}, {m}, {r},
             "t"."municipality_id" AS "t_municipality_id",
             "f"."id" AS "f_id", "f"."digest" AS "f_digest"
           FROM "survey" AS "s" CROSS JOIN "municipality" AS "m"
           LEFT JOIN "survey_target" AS "t"
             ON "t"."survey_id" = "s"."id" AND "t"."municipality_id" = "m"."id"
           LEFT JOIN "survey_response" AS "r"
             ON "r"."survey_id" = "s"."id" AND "r"."municipality_id" = "m"."id"
           LEFT JOIN "survey_form" AS "f" ON "f"."id" = COALESCE("r"."form_id",
             (SELECT "v"."id" FROM "survey_form" AS "v" WHERE "v"."survey_id" = "s"."id"
              ORDER BY "v"."number" DESC LIMIT 1))
           WHERE "s"."slug" = {survey_slug} AND "m"."slug" = {municipality_slug}"#,
        s = crate::db::aliased_columns::<survey::Entity>("s"),
        m = crate::db::aliased_columns::<municipality::Entity>("m"),
        r = crate::db::aliased_columns::<response::Entity>("r"),
    )
}

/// Open `municipality`'s response to the survey `slug`, if `actor` may
/// answer for it (reading is allowed after the campaign closes). One query,
/// and none for the form when this node has parsed its version before.
pub async fn open(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    slug: &str,
    municipality_slug: &str,
) -> Result<Respondent, SurveyError> {
    let backend = conn.get_database_backend();
    let row = conn
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            open_sql(backend),
            [slug.into(), municipality_slug.into()],
        ))
        .await?
        .ok_or(SurveyError::NotFound)?;
    let survey = Survey::of(survey::Model::from_query_result(&row, "s_")?);
    let m = municipality::Model::from_query_result(&row, "m_")?;
    let targeted = row
        .try_get::<Option<i32>>("", "t_municipality_id")?
        .is_some();
    authorize(
        Some(actor),
        Action::AnswerSurvey {
            municipality: m.id,
            targeted: targeted && survey.status != crate::surveys::SurveyStatus::Draft,
        },
    )?;
    let response = match row.try_get::<Option<i32>>("", "r_id")? {
        Some(_) => Some(response::Model::from_query_result(&row, "r_")?),
        None => None,
    };
    let form_id = row
        .try_get::<Option<i32>>("", "f_id")?
        .ok_or(SurveyError::NotFound)?;
    let digest = row
        .try_get::<Option<String>>("", "f_digest")?
        .unwrap_or_default();
    let form = parsed_version(conn, form_id, &digest).await?;
    Ok(Respondent {
        survey,
        who: Answerer::Municipality(m),
        form_id,
        form,
        response,
    })
}

/// Open the response of a personal link's respondent (the token is the
/// only key; reading is allowed after the campaign closes).
pub async fn open_link(
    conn: &impl ConnectionTrait,
    slug: &str,
    token: &str,
) -> Result<Respondent, SurveyError> {
    let survey = find(conn, slug).await?;
    let found = link::Entity::find()
        .filter(link::Column::SurveyId.eq(survey.row.id))
        .filter(link::Column::TokenHash.eq(crate::accounts::signin::hash_token(token)))
        .one(conn)
        .await?;
    authorize(
        None,
        Action::AnswerByLink {
            valid: found.is_some() && survey.status != crate::surveys::SurveyStatus::Draft,
        },
    )
    .map_err(|_| SurveyError::NotFound)?;
    let l = found.ok_or(SurveyError::NotFound)?;
    let m = match l.municipality_id {
        Some(id) => municipality::Entity::find_by_id(id).one(conn).await?,
        None => None,
    };
    load(conn, survey, Answerer::Link(l, m)).await
}

async fn load(
    conn: &impl ConnectionTrait,
    survey: Survey,
    who: Answerer,
) -> Result<Respondent, SurveyError> {
    let response = who.filter(survey.row.id).one(conn).await?;
    let head = form::Entity::find()
        .select_only()
        .column(form::Column::Id)
        .column(form::Column::Digest);
    let head = match &response {
        Some(r) => head.filter(form::Column::Id.eq(r.form_id)),
        None => head
            .filter(form::Column::SurveyId.eq(survey.row.id))
            .order_by_desc(form::Column::Number),
    };
    let (form_id, digest) = head
        .into_tuple::<(i32, String)>()
        .one(conn)
        .await?
        .ok_or(SurveyError::NotFound)?;
    let form = parsed_version(conn, form_id, &digest).await?;
    Ok(Respondent {
        survey,
        who,
        form_id,
        form,
        response,
    })
}

/// The problems of `questions` in an evaluation: refused answers (the
/// form's message where it has one) and required answers left empty.
fn problems_of(
    form: &Form,
    eval: &Evaluation,
    language: Option<&str>,
    within: &dyn Fn(&str) -> bool,
) -> Vec<AnswerProblem> {
    let mut out = Vec::new();
    for e in &eval.constraint_errors {
        if !within(&e.name) {
            continue;
        }
        let own = matches!(e.problem, Problem::Constraint { own_message: true });
        out.push(AnswerProblem {
            question: e.name.clone(),
            message: own.then(|| e.message.clone()),
            kind: match e.problem {
                Problem::NotWhole => "survey-problem-whole",
                Problem::NotNumber => "survey-problem-number",
                Problem::NotDate => "survey-problem-date",
                Problem::OutOfRange => "survey-problem-range",
                Problem::TooManyChoices | Problem::NotAChoice => "survey-problem-choice",
                Problem::Constraint { .. } => "survey-problem-constraint",
            },
        });
    }
    for name in &eval.required_missing {
        if !within(name) {
            continue;
        }
        let own = form
            .question(name)
            .and_then(|q| q.required_message.get(language, form))
            .map(str::to_owned);
        out.push(AnswerProblem {
            question: name.clone(),
            message: own,
            kind: "survey-problem-required",
        });
    }
    out
}

/// What a page's form sent: question name → value (a `select_multiple`
/// sends each choice; they are joined with spaces).
pub fn merge_page(
    page: &FormPage<'_>,
    mut answers: Answers,
    posted: &BTreeMap<String, Vec<String>>,
) -> Answers {
    for q in page.questions() {
        if !q.kind.is_input() {
            continue;
        }
        let given: Vec<&str> = posted
            .get(&q.name)
            .map(|v| {
                v.iter()
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let value = match q.kind {
            Kind::SelectMultiple { .. } => given.join(" "),
            _ => given.first().map(|s| (*s).to_owned()).unwrap_or_default(),
        };
        if value.is_empty() {
            answers.remove(&q.name);
        } else {
            answers.insert(q.name.clone(), value.chars().take(10_000).collect());
        }
    }
    answers
}

/// Save one page: its answers are checked (constraints and required
/// answers of this page); refused, nothing is stored. Returns the answers
/// saved and their evaluation (which pages come next).
pub async fn save_page(
    db: &Db,
    actor: Option<&Actor>,
    r: &Respondent,
    page: usize,
    posted: &BTreeMap<String, Vec<String>>,
    language: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(Answers, Evaluation), SurveyError> {
    if !r.survey.accepting(now) {
        return Err(SurveyError::NotAccepting);
    }
    let pages = r.pages();
    let p = pages.get(page).ok_or(SurveyError::NotFound)?;
    let merged = merge_page(p, r.working(), posted);
    let eval = r.evaluate(&merged, language, now.date_naive());
    let on_page = |name: &str| p.questions().any(|q| q.name == name);
    let problems = problems_of(&r.form, &eval, language, &on_page);
    if !problems.is_empty() {
        return Err(SurveyError::Answers(problems));
    }
    let merged = Arc::new(merged);
    db.write_grouped(Drafting {
        person_id: actor.map(|a| a.person_id),
        r: r.clone(),
        answers: merged.clone(),
        now,
    })
    .await?;
    Ok((Arc::unwrap_or_clone(merged), eval))
}

/// A draft as the writer task stores it (with other writes queued at the
/// same time, in one transaction: [`crate::db::group_commit`]).
struct Drafting {
    person_id: Option<i32>,
    r: Respondent,
    answers: Arc<Answers>,
    now: DateTime<Utc>,
}

impl Write for Drafting {
    type Output = i32;
    type Error = SurveyError;
    fn run<'t>(&'t self, tx: &'t DatabaseTransaction) -> TxFuture<'t, Result<i32, SurveyError>> {
        Box::pin(store_draft(tx, self))
    }

    const MANY: bool = true;

    fn run_many<'t>(
        writes: &'t [&'t Self],
        tx: &'t DatabaseTransaction,
    ) -> TxFuture<'t, Result<Vec<i32>, SurveyError>> {
        Box::pin(store_drafts(tx, writes))
    }
}

/// A submission as the writer task stores it: the response, its tallies,
/// the outbox and the audit entry.
struct Submitting {
    person_id: Option<i32>,
    origin: Origin,
    r: Respondent,
    answers: Answers,
    now: DateTime<Utc>,
}

impl Write for Submitting {
    type Output = i32;
    type Error = SurveyError;
    fn run<'t>(&'t self, tx: &'t DatabaseTransaction) -> TxFuture<'t, Result<i32, SurveyError>> {
        Box::pin(async move {
            let id = store_submission(tx, self.person_id, &self.r, &self.answers, self.now).await?;
            audit::record(
                tx,
                &self.origin,
                "survey.submit",
                "survey_response",
                id,
                None,
                self.now,
            )
            .await?;
            Ok(id)
        })
    }
}

/// A draft's row: inserted when the response does not exist yet, else its
/// draft, author and time replace the stored ones ([`draft_conflict`]).
fn draft_row(d: &Drafting) -> response::ActiveModel {
    let (municipality_id, link_id) = d.r.who.ids();
    response::ActiveModel {
        survey_id: Set(d.r.survey.row.id),
        form_id: Set(d.r.form_id),
        municipality_id: Set(municipality_id),
        link_id: Set(link_id),
        answers: Set(None),
        draft: Set(Some(to_json(&d.answers))),
        person_id: Set(d.person_id),
        country_code: Set(String::new()),
        population_band: Set(String::new()),
        refugee_band: Set(String::new()),
        created_at: Set(d.now),
        updated_at: Set(d.now),
        submitted_at: Set(None),
        revision: Set(0),
        ..Default::default()
    }
}

/// What identifies a response for `who`: (survey, municipality) or the link.
fn response_key(who: &Answerer) -> Vec<response::Column> {
    match who {
        Answerer::Municipality(_) => {
            vec![response::Column::SurveyId, response::Column::MunicipalityId]
        }
        Answerer::Link(..) => vec![response::Column::LinkId],
    }
}

/// An existing response keeps everything but the draft, its author and
/// time, and counts one revision more.
fn draft_conflict(key: Vec<response::Column>) -> OnConflict {
    OnConflict::columns(key)
        .update_columns([
            response::Column::Draft,
            response::Column::PersonId,
            response::Column::UpdatedAt,
        ])
        .value(
            response::Column::Revision,
            Expr::col((response::Entity, response::Column::Revision)).add(1),
        )
        .to_owned()
}

/// Store a draft: one statement, whether the response exists yet or not
/// (an insert that updates the response already there).
async fn store_draft(tx: &DatabaseTransaction, d: &Drafting) -> Result<i32, SurveyError> {
    let stored = response::Entity::insert(draft_row(d))
        .on_conflict(draft_conflict(response_key(&d.r.who)))
        .exec_with_returning_keys(tx)
        .await?;
    stored
        .into_iter()
        .next()
        .ok_or(SurveyError::Db(DbErr::RecordNotInserted))
}

/// Where a response stands: (survey, municipality, link).
type ResponseKey = (i32, Option<i32>, Option<i32>);

/// Store many drafts queued together: one statement for those answering
/// for a municipality, one for those answering through a link. Refused
/// (each is then stored alone) when two of them are for the same response,
/// which one statement cannot update twice on PostgreSQL.
async fn store_drafts(
    tx: &DatabaseTransaction,
    drafts: &[&Drafting],
) -> Result<Vec<i32>, SurveyError> {
    let key_of = |d: &Drafting| -> ResponseKey {
        let (m, l) = d.r.who.ids();
        (d.r.survey.row.id, m, l)
    };
    let mut ids: std::collections::HashMap<ResponseKey, Option<i32>> =
        std::collections::HashMap::with_capacity(drafts.len());
    for d in drafts {
        if ids.insert(key_of(d), None).is_some() {
            return Err(SurveyError::Db(DbErr::Custom(
                "two drafts of one response queued together".into(),
            )));
        }
    }
    let (by_link, by_municipality): (Vec<&Drafting>, Vec<&Drafting>) = drafts
        .iter()
        .copied()
        .partition(|d| matches!(d.r.who, Answerer::Link(..)));
    for part in [by_municipality, by_link] {
        let Some(first) = part.first() else {
            continue;
        };
        let mut insert = response::Entity::insert_many(part.iter().map(|d| draft_row(d)))
            .on_conflict(draft_conflict(response_key(&first.r.who)))
            .into_query();
        insert.returning(sea_orm::sea_query::Query::returning().columns([
            response::Column::Id,
            response::Column::SurveyId,
            response::Column::MunicipalityId,
            response::Column::LinkId,
        ]));
        for row in tx.query_all(&insert).await? {
            let id: i32 = row.try_get("", "id")?;
            let key: ResponseKey = (
                row.try_get("", "survey_id")?,
                row.try_get("", "municipality_id")?,
                row.try_get("", "link_id")?,
            );
            if let Some(slot) = ids.get_mut(&key) {
                *slot = Some(id);
            }
        }
    }
    drafts
        .iter()
        .map(|d| {
            ids.get(&key_of(d))
                .copied()
                .flatten()
                .ok_or(SurveyError::Db(DbErr::RecordNotInserted))
        })
        .collect()
}

/// The groups a respondent's answers are counted in.
pub fn groups_for(who: &Answerer) -> Groups {
    who.municipality().map(groups_of).unwrap_or_default()
}

/// The groups a municipality's answers are counted in.
pub fn groups_of(m: &municipality::Model) -> Groups {
    Groups {
        country: m.country_code.clone(),
        population: population_band(m.population).to_owned(),
        refugees: refugee_band(m.population, m.refugees_hosted).to_owned(),
    }
}

/// The answers a submission keeps: relevant questions people answer, and
/// calculations, without empty values.
pub fn kept(form: &Form, eval: &Evaluation) -> Answers {
    form.questions()
        .iter()
        .filter(|(q, _)| q.kind.is_input() || q.kind == Kind::Calculate)
        .filter(|(q, _)| eval.relevant.get(&q.name) != Some(&false))
        .filter_map(|(q, _)| {
            eval.values
                .get(&q.name)
                .filter(|v| !v.trim().is_empty())
                .map(|v| (q.name.clone(), v.clone()))
        })
        .collect()
}

/// Submit the working answers: every page checked; refused, nothing
/// changes. The tallies follow in the same transaction.
pub async fn submit(
    db: &Db,
    actor: Option<&Actor>,
    origin: &Origin,
    r: &Respondent,
    language: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), SurveyError> {
    if !r.survey.accepting(now) {
        return Err(SurveyError::NotAccepting);
    }
    let working = r.working();
    let eval = r.evaluate(&working, language, now.date_naive());
    let problems = problems_of(&r.form, &eval, language, &|_| true);
    if !problems.is_empty() {
        return Err(SurveyError::Answers(problems));
    }
    db.write_grouped(Submitting {
        person_id: actor.map(|a| a.person_id),
        origin: origin.clone(),
        r: r.clone(),
        answers: kept(&r.form, &eval),
        now,
    })
    .await?;
    Ok(())
}

/// How many times a submission reads the response again when another
/// change got there first, before giving up.
const ATTEMPTS: usize = 5;

/// Store `answers` as `r`'s submitted response, its draft gone, and move
/// the tallies from what it counted before (if anything) to what it counts
/// now, in one statement. The response as [`open`] read it is changed only
/// if nothing changed it since (its revision); otherwise it is read again
/// here. Returns the response's id.
async fn store_submission(
    tx: &DatabaseTransaction,
    person_id: Option<i32>,
    r: &Respondent,
    answers: &Answers,
    now: DateTime<Utc>,
) -> Result<i32, SurveyError> {
    let groups = groups_for(&r.who);
    let (municipality_id, link_id) = r.who.ids();
    let json = to_json(answers);
    let mut seen = r.response.clone();
    let mut stored = None;
    for attempt in 0..ATTEMPTS {
        if attempt > 0 {
            seen = r.who.filter(r.survey.row.id).one(tx).await?;
        }
        match &seen {
            Some(row) => {
                let mut change = response::Entity::update_many()
                    .col_expr(response::Column::Answers, Expr::value(json.clone()))
                    .col_expr(
                        response::Column::Draft,
                        Expr::value(Option::<serde_json::Value>::None),
                    )
                    .col_expr(response::Column::PersonId, Expr::value(person_id))
                    .col_expr(
                        response::Column::CountryCode,
                        Expr::value(groups.country.clone()),
                    )
                    .col_expr(
                        response::Column::PopulationBand,
                        Expr::value(groups.population.clone()),
                    )
                    .col_expr(
                        response::Column::RefugeeBand,
                        Expr::value(groups.refugees.clone()),
                    )
                    .col_expr(response::Column::UpdatedAt, Expr::value(now))
                    .col_expr(
                        response::Column::Revision,
                        Expr::col(response::Column::Revision).add(1),
                    );
                if row.submitted_at.is_none() {
                    change = change.col_expr(response::Column::SubmittedAt, Expr::value(now));
                }
                let done = change
                    .filter(response::Column::Id.eq(row.id))
                    .filter(response::Column::Revision.eq(row.revision))
                    .exec(tx)
                    .await?;
                if done.rows_affected == 1 {
                    stored = Some((row.id, Some(row.clone())));
                    break;
                }
            }
            None => {
                let new = response::ActiveModel {
                    survey_id: Set(r.survey.row.id),
                    form_id: Set(r.form_id),
                    municipality_id: Set(municipality_id),
                    link_id: Set(link_id),
                    answers: Set(Some(json.clone())),
                    draft: Set(None),
                    person_id: Set(person_id),
                    country_code: Set(groups.country.clone()),
                    population_band: Set(groups.population.clone()),
                    refugee_band: Set(groups.refugees.clone()),
                    created_at: Set(now),
                    updated_at: Set(now),
                    submitted_at: Set(Some(now)),
                    revision: Set(0),
                    ..Default::default()
                };
                let done = response::Entity::insert(new)
                    .on_conflict_do_nothing_on(response_key(&r.who))
                    .exec(tx)
                    .await?;
                if let TryInsertResult::Inserted(res) = done {
                    stored = Some((res.last_insert_id, None));
                    break;
                }
            }
        }
    }
    let Some((id, before)) = stored else {
        return Err(SurveyError::Db(DbErr::Custom(format!(
            "survey response changed {ATTEMPTS} times during one submission"
        ))));
    };
    let old = before.and_then(|row| {
        row.answers.as_ref().map(|old| {
            let old_groups = Groups {
                country: row.country_code.clone(),
                population: row.population_band.clone(),
                refugees: row.refugee_band.clone(),
            };
            (tally::contributions(&r.form, &to_answers(old)), old_groups)
        })
    });
    let pairs = tally::contributions(&r.form, answers);
    tally::replace(
        tx,
        r.survey.row.id,
        old.as_ref().map(|(p, g)| (p.as_slice(), g)),
        (&pairs, &groups),
    )
    .await?;
    outbox::record(tx, "survey_response", id, Op::Updated).await?;
    Ok(id)
}

/// Answers sent at once, as survey tools send a filled form (question name
/// → value as ODK carries it): every value is checked by the same
/// evaluation as the pages. Submitted (`submit`), everything must hold,
/// required answers included, and the response is stored and submitted in
/// one transaction; otherwise the answers become the response's draft
/// (required answers may still be missing). Refused, nothing is stored.
/// Names of calculations and notes are ignored (the server calculates);
/// names that are no question of the form are refused. Returns the
/// response's id.
#[allow(clippy::too_many_arguments)]
pub async fn answer_all(
    db: &Db,
    actor: &Actor,
    origin: &Origin,
    r: &Respondent,
    given: &BTreeMap<String, String>,
    submit: bool,
    language: Option<&str>,
    now: DateTime<Utc>,
) -> Result<i32, SurveyError> {
    if !r.survey.accepting(now) {
        return Err(SurveyError::NotAccepting);
    }
    let mut problems = Vec::new();
    let mut answers = Answers::new();
    let questions: std::collections::HashMap<&str, &majlis_xlsform::Question> = r
        .form
        .questions()
        .into_iter()
        .map(|(q, _)| (q.name.as_str(), q))
        .collect();
    for (name, value) in given {
        let Some(q) = questions.get(name.as_str()) else {
            problems.push(AnswerProblem {
                question: name.clone(),
                message: None,
                kind: "survey-problem-unknown",
            });
            continue;
        };
        if !q.kind.is_input() {
            continue;
        }
        let value = match q.kind {
            Kind::SelectMultiple { .. } => value.split_whitespace().collect::<Vec<_>>().join(" "),
            _ => value.trim().to_owned(),
        };
        if !value.is_empty() {
            answers.insert(name.clone(), value.chars().take(10_000).collect());
        }
    }
    let eval = r.evaluate(&answers, language, now.date_naive());
    problems.extend(
        problems_of(&r.form, &eval, language, &|_| true)
            .into_iter()
            .filter(|p| submit || p.kind != "survey-problem-required"),
    );
    if !problems.is_empty() {
        return Err(SurveyError::Answers(problems));
    }
    if submit {
        db.write_grouped(Submitting {
            person_id: Some(actor.person_id),
            origin: origin.clone(),
            r: r.clone(),
            answers: kept(&r.form, &eval),
            now,
        })
        .await
    } else {
        db.write_grouped(Drafting {
            person_id: Some(actor.person_id),
            r: r.clone(),
            answers: Arc::new(answers),
            now,
        })
        .await
    }
}
