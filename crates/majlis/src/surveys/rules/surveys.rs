//! Surveys as coordinators run them: upload a form (a new survey, or a new
//! version of one), set the campaign (window, targets, audience), and the
//! list of surveys a person may see.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use super::{Survey, input_count, parse_source};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::i18n::{Locale, TrText};
use crate::policy::{Action, Actor, authorize, can};
use crate::surveys::entities::{form, response, survey, target};
use crate::surveys::error::SurveyError;
use crate::surveys::{ResultsAudience, SurveyStatus};

/// The largest form file accepted, in bytes (a 500-question workbook is
/// well under it).
pub const MAX_FORM_BYTES: usize = 5 * 1024 * 1024;

/// An uploaded form file.
pub struct Upload {
    /// `xlsx` or `markdown`.
    pub kind: &'static str,
    pub bytes: Vec<u8>,
}

impl Upload {
    /// The file's kind by its content: a ZIP container is a workbook, UTF-8
    /// text with a `| survey |` table is the markdown form.
    pub fn sniff(bytes: Vec<u8>) -> Result<Upload, SurveyError> {
        if bytes.is_empty() {
            return Err(SurveyError::BadValue {
                field: "form",
                message: "survey-error-no-file",
            });
        }
        if bytes.len() > MAX_FORM_BYTES {
            return Err(SurveyError::BadValue {
                field: "form",
                message: "survey-error-too-large",
            });
        }
        if bytes.starts_with(b"PK\x03\x04") {
            return Ok(Upload {
                kind: "xlsx",
                bytes,
            });
        }
        match std::str::from_utf8(&bytes) {
            Ok(t) if t.contains('|') => Ok(Upload {
                kind: "markdown",
                bytes,
            }),
            _ => Err(SurveyError::BadValue {
                field: "form",
                message: "survey-error-not-xlsform",
            }),
        }
    }
}

fn parse(upload: &Upload) -> Result<majlis_xlsform::Form, SurveyError> {
    parse_source(upload.kind, &upload.bytes).map_err(SurveyError::BadForm)
}

/// A new survey (a draft) from an uploaded form: its title and URL name
/// come from the form's `form_title` and `form_id`.
pub async fn create(
    db: &Db,
    actor: &Actor,
    origin: &Origin,
    upload: Upload,
    writing: Locale,
    now: DateTime<Utc>,
) -> Result<Survey, SurveyError> {
    authorize(Some(actor), Action::ManageSurveys)?;
    let form = parse(&upload)?;
    let title_text = form
        .settings
        .form_title
        .clone()
        .or_else(|| form.settings.form_id.clone())
        .unwrap_or_else(|| "Survey".to_owned());
    let base = crate::fields::slug::from_title(
        form.settings.form_id.as_deref().unwrap_or(&title_text),
        writing,
        60,
        "survey",
    );
    let title =
        TrText::new(writing, title_text.chars().take(300).collect::<String>()).map_err(|_| {
            SurveyError::BadValue {
                field: "form",
                message: "survey-error-no-title",
            }
        })?;
    let tx = db.begin_write().await?;
    let mut slug = base.clone();
    let mut n = 1;
    while survey::Entity::find()
        .filter(survey::Column::Slug.eq(&slug))
        .count(&tx)
        .await?
        > 0
    {
        n += 1;
        slug = format!("{base}-{n}");
    }
    let row = survey::ActiveModel {
        slug: Set(slug),
        title: Set(title),
        description: Set(None),
        status: Set(SurveyStatus::Draft.code().to_owned()),
        results_audience: Set(ResultsAudience::Members.code().to_owned()),
        opens_at: Set(None),
        closes_at: Set(None),
        event_id: Set(None),
        synthetic: Set(false),
        created_by: Set(Some(actor.person_id)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    insert_version(&tx, row.id, 1, &upload, &form, actor, now).await?;
    outbox::record(&tx, "survey", row.id, Op::Created).await?;
    audit::record(&tx, origin, "survey.create", "survey", row.id, None, now).await?;
    tx.commit().await?;
    Ok(Survey::of(row))
}

async fn insert_version(
    conn: &impl ConnectionTrait,
    survey_id: i32,
    number: i32,
    upload: &Upload,
    form: &majlis_xlsform::Form,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<form::Model, SurveyError> {
    Ok(form::ActiveModel {
        survey_id: Set(survey_id),
        number: Set(number),
        source_kind: Set(upload.kind.to_owned()),
        source: Set(upload.bytes.clone()),
        questions: Set(i32::try_from(input_count(form)).unwrap_or(i32::MAX)),
        created_by: Set(Some(actor.person_id)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?)
}

/// What uploading a changed form did.
#[derive(Debug, PartialEq, Eq)]
pub enum Replaced {
    /// No one had answered the current version: it was replaced.
    InPlace(i32),
    /// Answers exist: a new version, and those answers keep theirs.
    NewVersion(i32),
}

/// A changed form for an existing survey.
pub async fn replace_form(
    db: &Db,
    actor: &Actor,
    origin: &Origin,
    survey: &Survey,
    upload: Upload,
    now: DateTime<Utc>,
) -> Result<Replaced, SurveyError> {
    authorize(Some(actor), Action::ManageSurveys)?;
    let form = parse(&upload)?;
    let tx = db.begin_write().await?;
    let current = form::Entity::find()
        .filter(form::Column::SurveyId.eq(survey.row.id))
        .order_by_desc(form::Column::Number)
        .one(&tx)
        .await?
        .ok_or(SurveyError::NotFound)?;
    let answered = response::Entity::find()
        .filter(response::Column::FormId.eq(current.id))
        .count(&tx)
        .await?
        > 0;
    let outcome = if answered {
        let v = insert_version(
            &tx,
            survey.row.id,
            current.number + 1,
            &upload,
            &form,
            actor,
            now,
        )
        .await?;
        Replaced::NewVersion(v.number)
    } else {
        let number = current.number;
        let mut m: form::ActiveModel = current.into();
        m.source_kind = Set(upload.kind.to_owned());
        m.source = Set(upload.bytes);
        m.questions = Set(i32::try_from(input_count(&form)).unwrap_or(i32::MAX));
        m.created_by = Set(Some(actor.person_id));
        m.created_at = Set(now);
        m.update(&tx).await?;
        Replaced::InPlace(number)
    };
    outbox::record(&tx, "survey", survey.row.id, Op::Updated).await?;
    audit::record(
        &tx,
        origin,
        "survey.form",
        "survey",
        survey.row.id,
        Some(format!("{outcome:?}")),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(outcome)
}

/// A campaign another activity opens for its own purpose (a cohesion
/// wave's resident perception survey), once its own rules have decided
/// that the person may: the form as markdown tables, no targeted
/// municipality (respondents answer through personal links).
pub struct NewCampaign {
    pub slug_base: String,
    pub title: TrText,
    pub description: Option<TrText>,
    /// The form, as XLSForm markdown tables.
    pub source: String,
    pub audience: ResultsAudience,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub created_by: i32,
    /// The municipalities asked to answer (their focal points answer for
    /// them); none for a campaign answered through personal links.
    pub targets: Vec<i32>,
}

/// Open `c` in the caller's writing transaction: the survey (open), its
/// form, its targets, the outbox row. The caller authorizes and audits.
pub async fn open_in(
    tx: &sea_orm::DatabaseTransaction,
    c: NewCampaign,
    now: DateTime<Utc>,
) -> Result<(survey::Model, form::Model), SurveyError> {
    let upload = Upload {
        kind: "markdown",
        bytes: c.source.into_bytes(),
    };
    let parsed = parse(&upload)?;
    let base = crate::fields::slug::from_title(&c.slug_base, c.title.orig(), 60, "survey");
    let mut slug = base.clone();
    let mut n = 1;
    while survey::Entity::find()
        .filter(survey::Column::Slug.eq(&slug))
        .count(tx)
        .await?
        > 0
    {
        n += 1;
        slug = format!("{base}-{n}");
    }
    let row = survey::ActiveModel {
        slug: Set(slug),
        title: Set(c.title),
        description: Set(c.description),
        status: Set(SurveyStatus::Open.code().to_owned()),
        results_audience: Set(c.audience.code().to_owned()),
        opens_at: Set(Some(c.opens_at)),
        closes_at: Set(Some(c.closes_at)),
        event_id: Set(None),
        synthetic: Set(false),
        created_by: Set(Some(c.created_by)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    let f = form::ActiveModel {
        survey_id: Set(row.id),
        number: Set(1),
        source_kind: Set(upload.kind.to_owned()),
        source: Set(upload.bytes),
        questions: Set(i32::try_from(input_count(&parsed)).unwrap_or(i32::MAX)),
        created_by: Set(Some(c.created_by)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    for m in c.targets {
        target::ActiveModel {
            survey_id: Set(row.id),
            municipality_id: Set(m),
            reminded_at: Set(None),
        }
        .insert(tx)
        .await?;
    }
    outbox::record(tx, "survey", row.id, Op::Created).await?;
    Ok((row, f))
}

/// The campaign as the coordinator's form sets it.
#[derive(Clone, Debug)]
pub struct Campaign {
    /// In the language the coordinator writes in (other translations kept).
    pub title: String,
    pub description: String,
    pub writing: Locale,
    pub status: SurveyStatus,
    pub audience: ResultsAudience,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    pub event_id: Option<i32>,
    pub targets: BTreeSet<i32>,
}

/// Save the campaign: its texts, window, status, audience and targets.
pub async fn save_campaign(
    db: &Db,
    actor: &Actor,
    origin: &Origin,
    survey: &Survey,
    c: Campaign,
    now: DateTime<Utc>,
) -> Result<(), SurveyError> {
    authorize(Some(actor), Action::ManageSurveys)?;
    let bad = |field, message| SurveyError::BadValue { field, message };
    let title = c.title.trim();
    if title.is_empty() {
        return Err(bad("title", "survey-error-title"));
    }
    if let (Some(o), Some(cl)) = (c.opens_at, c.closes_at)
        && cl <= o
    {
        return Err(bad("closes", "survey-error-window"));
    }
    if c.status == SurveyStatus::Open && c.targets.is_empty() {
        return Err(bad("targets", "survey-error-no-targets"));
    }
    let tx = db.begin_write().await?;
    let known: Vec<i32> = crate::directory::entities::municipality::Entity::find()
        .select_only()
        .column(crate::directory::entities::municipality::Column::Id)
        .filter(crate::directory::entities::municipality::Column::Id.is_in(c.targets.clone()))
        .into_tuple()
        .all(&tx)
        .await?;
    if known.len() != c.targets.len() {
        return Err(bad("targets", "survey-error-targets"));
    }
    let mut row: survey::ActiveModel = survey.row.clone().into();
    let mut t = survey.row.title.clone();
    t.set(c.writing, title);
    row.title = Set(t);
    let description = c.description.trim();
    let d = match (survey.row.description.clone(), description.is_empty()) {
        (Some(mut d), false) => {
            d.set(c.writing, description);
            Some(d)
        }
        (None, false) => TrText::new(c.writing, description).ok(),
        (Some(mut d), true) => {
            // Emptied in this language: the other translations stay.
            d.set(c.writing, "");
            Some(d).filter(|d| d.locales().next().is_some())
        }
        (None, true) => None,
    };
    row.description = Set(d);
    row.status = Set(c.status.code().to_owned());
    row.results_audience = Set(c.audience.code().to_owned());
    row.opens_at = Set(c.opens_at);
    row.closes_at = Set(c.closes_at);
    row.event_id = Set(c.event_id);
    row.updated_at = Set(now);
    row.update(&tx).await?;
    let before: BTreeSet<i32> = target::Entity::find()
        .filter(target::Column::SurveyId.eq(survey.row.id))
        .all(&tx)
        .await?
        .into_iter()
        .map(|t| t.municipality_id)
        .collect();
    let gone: Vec<i32> = before.difference(&c.targets).copied().collect();
    if !gone.is_empty() {
        target::Entity::delete_many()
            .filter(target::Column::SurveyId.eq(survey.row.id))
            .filter(target::Column::MunicipalityId.is_in(gone))
            .exec(&tx)
            .await?;
    }
    let new: Vec<target::ActiveModel> = c
        .targets
        .difference(&before)
        .map(|m| target::ActiveModel {
            survey_id: Set(survey.row.id),
            municipality_id: Set(*m),
            reminded_at: Set(None),
        })
        .collect();
    if !new.is_empty() {
        target::Entity::insert_many(new).exec(&tx).await?;
    }
    outbox::record(&tx, "survey", survey.row.id, Op::Updated).await?;
    audit::record(
        &tx,
        origin,
        "survey.campaign",
        "survey",
        survey.row.id,
        None,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A survey in a list, with its campaign's figures.
#[derive(Clone, Debug)]
pub struct SurveyCard {
    pub survey: Survey,
    pub targeted: u64,
    pub responded: u64,
    /// Municipalities of the viewer's that it targets and that have not
    /// submitted (ids).
    pub to_answer: Vec<i32>,
}

/// Every survey `actor` may see, newest first (four queries).
pub async fn list(
    conn: &impl ConnectionTrait,
    actor: Option<&Actor>,
) -> Result<Vec<SurveyCard>, SurveyError> {
    let rows = survey::Entity::find()
        .order_by_desc(survey::Column::CreatedAt)
        .order_by_desc(survey::Column::Id)
        .all(conn)
        .await?;
    let surveys: Vec<Survey> = rows
        .into_iter()
        .map(Survey::of)
        .filter(|s| can(actor, Action::ViewSurvey(s.policy_ref())))
        .collect();
    let ids: Vec<i32> = surveys.iter().map(|s| s.row.id).collect();
    let targets: Vec<(i32, i32)> = target::Entity::find()
        .select_only()
        .column(target::Column::SurveyId)
        .column(target::Column::MunicipalityId)
        .filter(target::Column::SurveyId.is_in(ids.clone()))
        .into_tuple()
        .all(conn)
        .await?;
    let submitted: Vec<(i32, Option<i32>)> = response::Entity::find()
        .select_only()
        .column(response::Column::SurveyId)
        .column(response::Column::MunicipalityId)
        .filter(response::Column::SurveyId.is_in(ids))
        // Only municipalities' responses count here: a resident survey's
        // thousands of link responses (cohesion waves) are not read.
        .filter(response::Column::MunicipalityId.is_not_null())
        .filter(response::Column::SubmittedAt.is_not_null())
        .into_tuple()
        .all(conn)
        .await?;
    let mut by_survey: HashMap<i32, (BTreeSet<i32>, BTreeSet<i32>)> = HashMap::new();
    for (s, m) in targets {
        by_survey.entry(s).or_default().0.insert(m);
    }
    for (s, m) in submitted {
        if let Some(m) = m {
            by_survey.entry(s).or_default().1.insert(m);
        }
    }
    let mine: &[i32] = actor.map(|a| a.focal_point_of.as_slice()).unwrap_or(&[]);
    Ok(surveys
        .into_iter()
        .map(|s| {
            let (t, r) = by_survey.remove(&s.row.id).unwrap_or_default();
            let to_answer = mine
                .iter()
                .copied()
                .filter(|m| t.contains(m) && !r.contains(m))
                .collect();
            SurveyCard {
                targeted: t.len() as u64,
                responded: r.intersection(&t).count() as u64,
                to_answer,
                survey: s,
            }
        })
        .collect())
}

/// The municipalities a survey targets (ids).
pub async fn targets(
    conn: &impl ConnectionTrait,
    survey_id: i32,
) -> Result<BTreeSet<i32>, SurveyError> {
    Ok(target::Entity::find()
        .filter(target::Column::SurveyId.eq(survey_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|t| t.municipality_id)
        .collect())
}

/// The municipalities that submitted (ids).
pub async fn responded(
    conn: &impl ConnectionTrait,
    survey_id: i32,
) -> Result<BTreeSet<i32>, SurveyError> {
    let rows: Vec<Option<i32>> = response::Entity::find()
        .select_only()
        .column(response::Column::MunicipalityId)
        .filter(response::Column::SurveyId.eq(survey_id))
        .filter(response::Column::SubmittedAt.is_not_null())
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows.into_iter().flatten().collect())
}

/// Where a targeted municipality is with its answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    NotStarted,
    Draft,
    Submitted,
}

impl Progress {
    pub fn label_id(self) -> &'static str {
        match self {
            Progress::NotStarted => "survey-progress-none",
            Progress::Draft => "survey-progress-draft",
            Progress::Submitted => "survey-progress-submitted",
        }
    }
}

/// What a survey's page shows: its form (latest version), its targets with
/// their progress, and the event it belongs to (five queries).
pub struct Overview {
    pub form_row: form::Model,
    pub form: std::sync::Arc<majlis_xlsform::Form>,
    pub versions: u64,
    pub targets: Vec<(crate::directory::entities::municipality::Model, Progress)>,
    pub event: Option<crate::events::entities::event::Model>,
}

pub async fn overview(
    conn: &impl ConnectionTrait,
    survey: &Survey,
) -> Result<Overview, SurveyError> {
    use crate::directory::entities::municipality;
    let (form_row, form) = super::current_form(conn, survey.row.id).await?;
    let ids = targets(conn, survey.row.id).await?;
    let towns = municipality::Entity::find()
        .filter(municipality::Column::Id.is_in(ids))
        .all(conn)
        .await?;
    let states: Vec<(Option<i32>, Option<DateTime<Utc>>)> = response::Entity::find()
        .select_only()
        .column(response::Column::MunicipalityId)
        .column(response::Column::SubmittedAt)
        .filter(response::Column::SurveyId.eq(survey.row.id))
        .into_tuple()
        .all(conn)
        .await?;
    let state: HashMap<i32, Progress> = states
        .into_iter()
        .filter_map(|(m, at)| {
            m.map(|m| {
                (
                    m,
                    if at.is_some() {
                        Progress::Submitted
                    } else {
                        Progress::Draft
                    },
                )
            })
        })
        .collect();
    let event = match survey.row.event_id {
        Some(id) => {
            crate::events::entities::event::Entity::find_by_id(id)
                .one(conn)
                .await?
        }
        None => None,
    };
    Ok(Overview {
        versions: u64::try_from(form_row.number).unwrap_or(0),
        form_row,
        form,
        targets: towns
            .into_iter()
            .map(|m| {
                let p = state.get(&m.id).copied().unwrap_or(Progress::NotStarted);
                (m, p)
            })
            .collect(),
        event,
    })
}
