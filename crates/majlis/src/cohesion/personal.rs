//! A person's cohesion data, for "Download my data" (registered at the top
//! as parts of `accounts::export`): the plans aimed at indicators that the
//! person started (`cohesion_plan.created_by`) or whose action plan records
//! them as its maker (`plan.created_by`), each with its indicator,
//! baseline, target, date and status (six queries, whatever the number of
//! plans); and the evidence documents they attached to municipal
//! questionnaires (`cohesion_evidence.uploaded_by`), each with its wave,
//! municipality, the question or the whole response, the file's name,
//! type, size and date, and the address it is downloaded from (five
//! queries). The export is one JSON document and carries no files: the
//! documents' contents stay at that address, readable while the person
//! may read the municipality's evidence.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

use super::entities::plan as cohesion_plan;
use super::entities::{evidence, framework, wave};
use super::plans::{Measure, PlanStatus, status};
use super::scoring::WaveScores;
use crate::accounts::export::PartFuture;
use crate::directory::entities::municipality;
use crate::library::entities::file_object;
use crate::plans::OwnerKind;
use crate::plans::entities::{indicator as plan_indicator, plan};

/// The person's cohesion plans, oldest first.
pub fn plans(db: &DatabaseConnection, person_id: i32) -> PartFuture<'_> {
    Box::pin(async move {
        let made: Vec<plan::Model> = plan::Entity::find()
            .filter(plan::Column::OwnerKind.eq(OwnerKind::Cohesion.code()))
            .filter(plan::Column::CreatedBy.eq(person_id))
            .all(db)
            .await?;
        let owned: Vec<i32> = made.iter().map(|p| p.owner_id).collect();
        let rows = cohesion_plan::Entity::find()
            .filter(
                Condition::any()
                    .add(cohesion_plan::Column::CreatedBy.eq(person_id))
                    .add(cohesion_plan::Column::Id.is_in(owned)),
            )
            .order_by_asc(cohesion_plan::Column::Id)
            .all(db)
            .await?;
        if rows.is_empty() {
            return Ok(Value::Array(Vec::new()));
        }
        let plan_ids: Vec<i32> = rows.iter().filter_map(|r| r.plan_id).collect();
        let plans: HashMap<i32, plan::Model> = plan::Entity::find()
            .filter(plan::Column::Id.is_in(plan_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let target_ids: Vec<i32> = rows.iter().filter_map(|r| r.plan_indicator_id).collect();
        let targets: HashMap<i32, plan_indicator::Model> = plan_indicator::Entity::find()
            .filter(plan_indicator::Column::Id.is_in(target_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|t| (t.id, t))
            .collect();
        let towns: Vec<i32> = rows.iter().map(|r| r.municipality_id).collect();
        let names: HashMap<i32, municipality::Model> = municipality::Entity::find()
            .filter(municipality::Column::Id.is_in(towns.clone()))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
        let waves = wave::Entity::find()
            .filter(wave::Column::MunicipalityId.is_in(towns))
            .order_by_asc(wave::Column::Number)
            .all(db)
            .await?;
        let today = Utc::now().date_naive();
        let items = rows
            .into_iter()
            .map(|r| {
                let own: Vec<&wave::Model> = waves
                    .iter()
                    .filter(|w| w.municipality_id == r.municipality_id)
                    .collect();
                let base = own.iter().find(|w| w.id == r.baseline_wave_id);
                let base_number = base.map_or(0, |w| w.number);
                let later: Vec<Measure> = own
                    .iter()
                    .filter(|w| w.number > base_number)
                    .filter_map(|w| {
                        let s: WaveScores = serde_json::from_value(w.scores.clone()?).ok()?;
                        let fig = s.indicator(&r.indicator_key);
                        Some(Measure {
                            wave_id: w.id,
                            label: w.label.clone(),
                            fielded_on: w.fielded_on,
                            n: fig.map_or(0, |f| f.n),
                            score: fig.and_then(|f| f.score),
                            comparable: fig.is_some_and(|f| f.fingerprint == r.fingerprint),
                        })
                    })
                    .collect();
                let target = r.plan_indicator_id.and_then(|id| targets.get(&id));
                let state = target.map_or(PlanStatus::NotMeasured, |t| {
                    status(t.baseline_value, t.target_value, t.target_on, today, &later)
                });
                let latest = later.iter().rev().find(|m| m.score.is_some());
                let p = r.plan_id.and_then(|id| plans.get(&id));
                let town = names.get(&r.municipality_id);
                json!({
                    "id": r.id,
                    "municipality": town.map(|m| &m.slug),
                    "municipality_name": town.map(|m| &m.name),
                    "url": town.map(|m| format!(
                        "/municipalities/{}/cohesion/plans/{}",
                        m.slug, r.indicator_key
                    )),
                    "indicator": r.indicator_key,
                    "indicator_name": target.map(|t| &t.name),
                    "plan_id": r.plan_id,
                    "title": p.map(|p| &p.title),
                    "unit": target.map(|t| &t.unit),
                    "baseline": target.map(|t| t.baseline_value),
                    "baseline_on": target.map(|t| t.baseline_on),
                    "baseline_wave": base.map(|w| json!({"number": w.number, "label": w.label})),
                    "target": target.map(|t| t.target_value),
                    "target_on": target.map(|t| t.target_on),
                    "status": state.code(),
                    "latest": latest.map(|m| json!({
                        "wave": m.label,
                        "fielded_on": m.fielded_on,
                        "n": m.n,
                        "score": m.score,
                    })),
                    "practice_id": r.practice_id,
                    "started_by_you": r.created_by == Some(person_id),
                    "created_at": r.created_at,
                })
            })
            .collect();
        Ok(Value::Array(items))
    })
}

/// The evidence documents the person attached, oldest first.
pub fn evidence(db: &DatabaseConnection, person_id: i32) -> PartFuture<'_> {
    Box::pin(async move {
        let rows = evidence::Entity::find()
            .filter(evidence::Column::UploadedBy.eq(person_id))
            .order_by_asc(evidence::Column::Id)
            .all(db)
            .await?;
        if rows.is_empty() {
            return Ok(Value::Array(Vec::new()));
        }
        let waves: HashMap<i32, wave::Model> = wave::Entity::find()
            .filter(wave::Column::Id.is_in(rows.iter().map(|r| r.wave_id)))
            .all(db)
            .await?
            .into_iter()
            .map(|w| (w.id, w))
            .collect();
        let towns: HashMap<i32, municipality::Model> = municipality::Entity::find()
            .filter(municipality::Column::Id.is_in(waves.values().map(|w| w.municipality_id)))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
        let frameworks: HashMap<i32, framework::Model> = framework::Entity::find()
            .filter(framework::Column::Id.is_in(waves.values().map(|w| w.framework_id)))
            .all(db)
            .await?
            .into_iter()
            .map(|f| (f.id, f))
            .collect();
        let files: HashMap<String, file_object::Model> = file_object::Entity::find()
            .filter(file_object::Column::Sha256.is_in(rows.iter().map(|r| r.file_sha256.clone())))
            .all(db)
            .await?
            .into_iter()
            .map(|f| (f.sha256.clone(), f))
            .collect();
        // The questionnaires' questions, by framework: (name, text).
        let questions: HashMap<i32, Vec<(String, crate::i18n::TrText)>> = frameworks
            .values()
            .filter_map(|f| {
                let view = super::rules::FrameworkView::of(f.clone()).ok()?;
                let q = view.definition.municipal_or_shipped()?;
                let list = q
                    .questions()
                    .map(|(_, x)| (x.question.clone(), x.text.clone()))
                    .collect();
                Some((f.id, list))
            })
            .collect();
        let items = rows
            .into_iter()
            .map(|r| {
                let w = waves.get(&r.wave_id);
                let town = w.and_then(|w| towns.get(&w.municipality_id));
                let text = w
                    .and_then(|w| questions.get(&w.framework_id))
                    .and_then(|qs| qs.iter().find(|(name, _)| *name == r.question))
                    .map(|(_, t)| t);
                let file = files.get(&r.file_sha256);
                json!({
                    "id": r.id,
                    "municipality": town.map(|m| &m.slug),
                    "municipality_name": town.map(|m| &m.name),
                    "wave": w.map(|w| json!({"number": w.number, "label": w.label})),
                    "about": if r.question.is_empty() { "response" } else { "question" },
                    "question": (!r.question.is_empty()).then_some(&r.question),
                    "question_text": text,
                    "file_name": r.file_name,
                    "file_type": file.map(|f| &f.kind),
                    "file_size": file.map(|f| f.size),
                    "file_sha256": r.file_sha256,
                    "uploaded_at": r.uploaded_at,
                    "url": match (town, w) {
                        (Some(m), Some(w)) => Some(format!(
                            "/municipalities/{}/cohesion/waves/{}/evidence/{}",
                            m.slug, w.number, r.id
                        )),
                        _ => None,
                    },
                    "file_included": false,
                })
            })
            .collect();
        Ok(Value::Array(items))
    })
}
