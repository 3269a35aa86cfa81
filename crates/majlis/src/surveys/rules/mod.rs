//! Survey rules: queries and changes, free of HTTP. Each takes the
//! connection, the `Actor` and `now`, and refuses with [`SurveyError`].

pub mod answering;
pub mod export;
pub mod links;
pub mod results;
pub mod surveys;
pub mod tally;

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use majlis_xlsform::Form;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::entities::{form, survey};
use super::error::SurveyError;
use super::{ResultsAudience, SurveyStatus};
use crate::policy::{Action, Actor, SurveyAudience, SurveyRef, authorize};

/// A survey with its status and audience read.
#[derive(Clone, Debug)]
pub struct Survey {
    pub row: survey::Model,
    pub status: SurveyStatus,
    pub audience: ResultsAudience,
}

impl Survey {
    pub fn of(row: survey::Model) -> Self {
        Survey {
            status: SurveyStatus::from_code(&row.status).unwrap_or(SurveyStatus::Draft),
            audience: ResultsAudience::from_code(&row.results_audience)
                .unwrap_or(ResultsAudience::Staff),
            row,
        }
    }

    /// What the policy needs to know.
    pub fn policy_ref(&self) -> SurveyRef {
        SurveyRef {
            draft: self.status == SurveyStatus::Draft,
            results: match self.audience {
                ResultsAudience::Public => SurveyAudience::Public,
                ResultsAudience::Members => SurveyAudience::Members,
                ResultsAudience::Staff => SurveyAudience::Staff,
            },
        }
    }

    /// Whether it takes answers at `now`.
    pub fn accepting(&self, now: chrono::DateTime<chrono::Utc>) -> bool {
        super::accepting(self.status, self.row.opens_at, self.row.closes_at, now)
    }
}

/// The survey named `slug`, whoever asks.
pub async fn find(conn: &impl ConnectionTrait, slug: &str) -> Result<Survey, SurveyError> {
    survey::Entity::find()
        .filter(survey::Column::Slug.eq(slug))
        .one(conn)
        .await?
        .map(Survey::of)
        .ok_or(SurveyError::NotFound)
}

/// The survey named `slug`, if `actor` may read its page.
pub async fn readable(
    conn: &impl ConnectionTrait,
    actor: Option<&Actor>,
    slug: &str,
) -> Result<Survey, SurveyError> {
    let s = find(conn, slug).await?;
    match authorize(actor, Action::ViewSurvey(s.policy_ref())) {
        Ok(()) => Ok(s),
        // A draft is not shown to be there.
        Err(_) if s.status == SurveyStatus::Draft => Err(SurveyError::NotFound),
        Err(d) => Err(d.into()),
    }
}

/// The latest version of a survey's form, parsed.
pub async fn current_form(
    conn: &impl ConnectionTrait,
    survey_id: i32,
) -> Result<(form::Model, Arc<Form>), SurveyError> {
    let row = form::Entity::find()
        .filter(form::Column::SurveyId.eq(survey_id))
        .order_by_desc(form::Column::Number)
        .one(conn)
        .await?
        .ok_or(SurveyError::NotFound)?;
    let parsed = parse_stored(&row)?;
    Ok((row, parsed))
}

/// Forms parsed on this node, by stored version and the digest stored with
/// its source (a version replaced in place has a new digest, so nothing
/// stale is served). Parsing a workbook again on every answered page and
/// every results request cost about 6% of a submission; hashing it on every
/// request, and reading it, cost more than looking the digest up.
static PARSED: LazyLock<Mutex<HashMap<FormKey, Arc<Form>>>> = LazyLock::new(Mutex::default);

/// A stored form version and its digest (`form::digest`).
type FormKey = (i32, String);

/// Parsed forms kept at most; the cache starts afresh when full.
const PARSED_MAX: usize = 64;

fn cached(id: i32, digest: &str) -> Option<Arc<Form>> {
    PARSED
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get(&(id, digest.to_owned()))
        .cloned()
}

fn keep(id: i32, digest: String, form: Arc<Form>) {
    let mut parsed = PARSED.lock().unwrap_or_else(|p| p.into_inner());
    if parsed.len() >= PARSED_MAX {
        parsed.clear();
    }
    parsed.insert((id, digest), form);
}

/// A stored form version, parsed (it was valid when stored), from this
/// node's cache when it was parsed before.
pub fn parse_stored(row: &form::Model) -> Result<Arc<Form>, SurveyError> {
    // A digest is written with every source; one computed here covers a row
    // written some other way.
    let digest = if row.digest.is_empty() {
        form::digest(&row.source_kind, &row.source)
    } else {
        row.digest.clone()
    };
    if let Some(form) = cached(row.id, &digest) {
        return Ok(form);
    }
    let form = Arc::new(
        parse_source(&row.source_kind, &row.source).map_err(|errors| {
            tracing::error!(
                form = row.id,
                ?errors,
                "a stored survey form no longer parses"
            );
            SurveyError::BadForm(errors)
        })?,
    );
    keep(row.id, digest, form.clone());
    Ok(form)
}

/// The form version `id` whose stored digest is `digest`, parsed: from
/// this node's cache without reading the source when it was parsed before.
pub async fn parsed_version(
    conn: &impl ConnectionTrait,
    id: i32,
    digest: &str,
) -> Result<Arc<Form>, SurveyError> {
    if !digest.is_empty()
        && let Some(form) = cached(id, digest)
    {
        return Ok(form);
    }
    let row = form::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(SurveyError::NotFound)?;
    parse_stored(&row)
}

/// Parse an XLSForm: `xlsx` bytes or the markdown-table form.
pub fn parse_source(kind: &str, bytes: &[u8]) -> Result<Form, Vec<String>> {
    let parsed = match kind {
        "markdown" => match std::str::from_utf8(bytes) {
            Ok(text) => Form::from_markdown(text),
            Err(_) => return Err(vec!["the file is not UTF-8 text".to_owned()]),
        },
        _ => Form::from_xlsx(bytes),
    };
    parsed.map_err(|e| e.0.iter().map(ToString::to_string).collect())
}

/// How many questions people answer in a form.
pub fn input_count(form: &Form) -> usize {
    form.questions()
        .iter()
        .filter(|(q, _)| q.kind.is_input() && q.kind != majlis_xlsform::Kind::Acknowledge)
        .count()
}

/// The form language that speaks `locale` (its code), if the form has one.
pub fn form_language<'f>(form: &'f Form, locale: &str) -> Option<&'f str> {
    form.languages
        .iter()
        .find(|l| l.code.as_deref() == Some(locale))
        .map(|l| l.name.as_str())
}
