//! Answering a survey for a municipality: open the response, save a page
//! (checked by the server: constraints and required answers of that page),
//! submit (everything checked, tallies updated in the same transaction).
//! Drafts and submitted answers are kept apart, so changing a submitted
//! response never un-counts it until the change is submitted.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use majlis_xlsform::{Answers, Context, Evaluation, Form, Kind, Problem};
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::tally::{self, Groups};
use super::{Survey, current_form, find, parse_stored};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::directory::entities::municipality;
use crate::policy::{Action, Actor, authorize};
use crate::surveys::entities::{form, link, response, target};
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
pub struct Respondent {
    pub survey: Survey,
    pub who: Answerer,
    pub form_row: form::Model,
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

/// Open `municipality`'s response to the survey `slug`, if `actor` may
/// answer for it (reading is allowed after the campaign closes).
pub async fn open(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    slug: &str,
    municipality_slug: &str,
) -> Result<Respondent, SurveyError> {
    let survey = find(conn, slug).await?;
    let m = municipality::Entity::find()
        .filter(municipality::Column::Slug.eq(municipality_slug))
        .one(conn)
        .await?
        .ok_or(SurveyError::NotFound)?;
    let targeted = target::Entity::find_by_id((survey.row.id, m.id))
        .one(conn)
        .await?
        .is_some();
    authorize(
        Some(actor),
        Action::AnswerSurvey {
            municipality: m.id,
            targeted: targeted && survey.status != crate::surveys::SurveyStatus::Draft,
        },
    )?;
    load(conn, survey, Answerer::Municipality(m)).await
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
    let (form_row, form) = match &response {
        Some(r) => {
            let row = form::Entity::find_by_id(r.form_id)
                .one(conn)
                .await?
                .ok_or(SurveyError::NotFound)?;
            let parsed = parse_stored(&row)?;
            (row, parsed)
        }
        None => current_form(conn, survey.row.id).await?,
    };
    Ok(Respondent {
        survey,
        who,
        form_row,
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
/// answers of this page); refused, nothing is stored.
pub async fn save_page(
    db: &Db,
    actor: Option<&Actor>,
    r: &Respondent,
    page: usize,
    posted: &BTreeMap<String, Vec<String>>,
    language: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Answers, SurveyError> {
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
    let tx = db.begin_write().await?;
    let current = r.who.filter(r.survey.row.id).one(&tx).await?;
    let (municipality_id, link_id) = r.who.ids();
    let person_id = actor.map(|a| a.person_id);
    match current {
        Some(row) => {
            let mut m: response::ActiveModel = row.into();
            m.draft = Set(Some(to_json(&merged)));
            m.person_id = Set(person_id);
            m.updated_at = Set(now);
            m.update(&tx).await?;
        }
        None => {
            response::ActiveModel {
                survey_id: Set(r.survey.row.id),
                form_id: Set(r.form_row.id),
                municipality_id: Set(municipality_id),
                link_id: Set(link_id),
                answers: Set(None),
                draft: Set(Some(to_json(&merged))),
                person_id: Set(person_id),
                country_code: Set(String::new()),
                population_band: Set(String::new()),
                refugee_band: Set(String::new()),
                created_at: Set(now),
                updated_at: Set(now),
                submitted_at: Set(None),
                ..Default::default()
            }
            .insert(&tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(merged)
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
    let answers = kept(&r.form, &eval);
    let groups = groups_for(&r.who);
    let (municipality_id, link_id) = r.who.ids();
    let person_id = actor.map(|a| a.person_id);
    let tx = db.begin_write().await?;
    let current = r.who.filter(r.survey.row.id).one(&tx).await?;
    let id = match current {
        Some(row) => {
            if let Some(old) = &row.answers {
                let old_groups = Groups {
                    country: row.country_code.clone(),
                    population: row.population_band.clone(),
                    refugees: row.refugee_band.clone(),
                };
                let pairs = tally::contributions(&r.form, &to_answers(old));
                tally::apply(&tx, r.survey.row.id, &pairs, &old_groups, -1).await?;
            }
            let id = row.id;
            let first = row.submitted_at.is_none();
            let mut m: response::ActiveModel = row.into();
            m.answers = Set(Some(to_json(&answers)));
            m.draft = Set(None);
            m.person_id = Set(person_id);
            m.country_code = Set(groups.country.clone());
            m.population_band = Set(groups.population.clone());
            m.refugee_band = Set(groups.refugees.clone());
            m.updated_at = Set(now);
            if first {
                m.submitted_at = Set(Some(now));
            }
            m.update(&tx).await?;
            id
        }
        None => {
            response::ActiveModel {
                survey_id: Set(r.survey.row.id),
                form_id: Set(r.form_row.id),
                municipality_id: Set(municipality_id),
                link_id: Set(link_id),
                answers: Set(Some(to_json(&answers))),
                draft: Set(None),
                person_id: Set(person_id),
                country_code: Set(groups.country.clone()),
                population_band: Set(groups.population.clone()),
                refugee_band: Set(groups.refugees.clone()),
                created_at: Set(now),
                updated_at: Set(now),
                submitted_at: Set(Some(now)),
                ..Default::default()
            }
            .insert(&tx)
            .await?
            .id
        }
    };
    let pairs = tally::contributions(&r.form, &answers);
    tally::apply(&tx, r.survey.row.id, &pairs, &groups, 1).await?;
    outbox::record(&tx, "survey_response", id, Op::Updated).await?;
    audit::record(
        &tx,
        origin,
        "survey.submit",
        "survey_response",
        id,
        None,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
