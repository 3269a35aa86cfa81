//! The demo network's surveys (`surveys.toml`, forms in `surveys/`): the
//! 2016 Amman and 2017 Beirut surveys, with synthetic answers (the 2016 ones
//! give the published figures: 83% response rate, 86% reporting increased
//! tensions). Answers go through the same checks and tallies as answers
//! people submit. A survey already there is left as it is.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};
use serde::Deserialize;

use super::{DemoError, LoadReport, tr, tr_opt};
use crate::db::outbox::{self, Op};
use crate::directory::entities::municipality;
use crate::directory::reference::TrDef;
use crate::events::entities::event;
use crate::surveys::entities::{form, response, survey, target};
use crate::surveys::rules::answering::{groups_of, kept, to_json};
use crate::surveys::rules::{input_count, parse_source, tally};
use crate::surveys::{ResultsAudience, SurveyStatus};

const SURVEYS_TOML: &str = include_str!("surveys.toml");

/// The forms, by file name.
const FORMS: &[(&str, &str)] = &[
    (
        "amman-2016-challenges.md",
        include_str!("surveys/amman-2016-challenges.md"),
    ),
    (
        "beirut-2017-challenges.md",
        include_str!("surveys/beirut-2017-challenges.md"),
    ),
];

#[derive(Debug, Deserialize)]
struct File {
    survey: Vec<SurveyDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SurveyDef {
    slug: String,
    form: String,
    event: Option<String>,
    title: TrDef,
    description: Option<TrDef>,
    opens: NaiveDate,
    /// The last day answers were taken.
    closes: NaiveDate,
    targets: Vec<String>,
    #[serde(default)]
    response: Vec<ResponseDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ResponseDef {
    municipality: String,
    submitted: DateTime<Utc>,
    answers: BTreeMap<String, String>,
}

fn midnight(d: NaiveDate) -> Option<DateTime<Utc>> {
    d.and_hms_opt(0, 0, 0).map(|t| t.and_utc())
}

pub async fn load(
    tx: &DatabaseTransaction,
    now: DateTime<Utc>,
    report: &mut LoadReport,
) -> Result<(), DemoError> {
    let file: File = toml::from_str(SURVEYS_TOML)
        .map_err(|e| DemoError::Invalid(format!("surveys.toml: {e}")))?;
    let towns: HashMap<String, municipality::Model> = municipality::Entity::find()
        .all(tx)
        .await?
        .into_iter()
        .map(|m| (m.slug.clone(), m))
        .collect();
    for def in file.survey {
        let what = format!("survey {}", def.slug);
        if survey::Entity::find()
            .filter(survey::Column::Slug.eq(&def.slug))
            .one(tx)
            .await?
            .is_some()
        {
            report.unchanged += 1;
            continue;
        }
        let source = FORMS
            .iter()
            .find(|(n, _)| *n == def.form)
            .map(|(_, s)| *s)
            .ok_or_else(|| DemoError::Invalid(format!("{what}: no form {}", def.form)))?;
        let parsed = parse_source("markdown", source.as_bytes())
            .map_err(|e| DemoError::Invalid(format!("{what}: {}", e.join("; "))))?;
        let event_id = match &def.event {
            Some(slug) => Some(
                event::Entity::find()
                    .filter(event::Column::Slug.eq(slug))
                    .one(tx)
                    .await?
                    .ok_or_else(|| DemoError::Invalid(format!("{what}: no event {slug}")))?
                    .id,
            ),
            None => None,
        };
        let row = survey::ActiveModel {
            slug: Set(def.slug.clone()),
            title: Set(tr(def.title, &what)?),
            description: Set(tr_opt(def.description, &what)?),
            status: Set(SurveyStatus::Closed.code().to_owned()),
            results_audience: Set(ResultsAudience::Public.code().to_owned()),
            opens_at: Set(midnight(def.opens)),
            closes_at: Set(def.closes.succ_opt().and_then(midnight)),
            event_id: Set(event_id),
            synthetic: Set(true),
            created_by: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(tx)
        .await?;
        let version = form::ActiveModel {
            survey_id: Set(row.id),
            number: Set(1),
            source_kind: Set("markdown".to_owned()),
            source: Set(source.as_bytes().to_vec()),
            questions: Set(i32::try_from(input_count(&parsed)).unwrap_or(i32::MAX)),
            created_by: Set(None),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(tx)
        .await?;
        let town = |slug: &str| {
            towns
                .get(slug)
                .ok_or_else(|| DemoError::Invalid(format!("{what}: unknown municipality {slug}")))
        };
        for t in &def.targets {
            target::ActiveModel {
                survey_id: Set(row.id),
                municipality_id: Set(town(t)?.id),
                reminded_at: Set(None),
            }
            .insert(tx)
            .await?;
        }
        for r in def.response {
            let m = town(&r.municipality)?;
            if !def.targets.contains(&r.municipality) {
                return Err(DemoError::Invalid(format!(
                    "{what}: {} answers but is not targeted",
                    r.municipality
                )));
            }
            let eval = parsed.evaluate(
                &r.answers,
                &majlis_xlsform::Context {
                    language: None,
                    today: r.submitted.date_naive(),
                },
            );
            if !eval.constraint_errors.is_empty() || !eval.required_missing.is_empty() {
                return Err(DemoError::Invalid(format!(
                    "{what}: {}'s answers are refused: {:?} {:?}",
                    r.municipality, eval.constraint_errors, eval.required_missing
                )));
            }
            let answers = kept(&parsed, &eval);
            let groups = groups_of(m);
            let json = to_json(&answers);
            response::ActiveModel {
                survey_id: Set(row.id),
                form_id: Set(version.id),
                municipality_id: Set(Some(m.id)),
                answers: Set(Some(json)),
                draft: Set(None),
                person_id: Set(None),
                country_code: Set(groups.country.clone()),
                population_band: Set(groups.population.clone()),
                refugee_band: Set(groups.refugees.clone()),
                created_at: Set(r.submitted),
                updated_at: Set(r.submitted),
                submitted_at: Set(Some(r.submitted)),
                ..Default::default()
            }
            .insert(tx)
            .await?;
            let pairs = tally::contributions(&parsed, &answers);
            tally::apply(tx, row.id, &pairs, &groups, 1).await?;
        }
        outbox::record(tx, "survey", row.id, Op::Created).await?;
        report.created += 1;
    }
    Ok(())
}
