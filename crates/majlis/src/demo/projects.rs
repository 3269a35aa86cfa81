//! The demo's project ideas (`projects.toml`): the six ideas of the Istanbul
//! dialogue workshop, linked to its plenary session and to the February 2019
//! follow-up, with illustrative partnerships. An idea already there is left
//! as it is (a second load changes nothing).

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};
use serde::Deserialize;

use super::{DemoError, LoadReport, tr, tr_opt};
use crate::db::outbox::{self, Op};
use crate::directory::entities::{municipality, theme};
use crate::directory::reference::TrDef;
use crate::events::entities::{event, event_session};
use crate::projects::entities::{followup, partner, partner_step, project, project_theme, version};
use crate::projects::{
    PartnerKind, PartnerSought, PartnerStep, PartnersSought, PartnershipStatus, ProjectStatus,
    ProjectVisibility, Snapshot, codes_column,
};

const PROJECTS_TOML: &str = include_str!("projects.toml");
/// The programme the Istanbul workshop belonged to (seed 002).
const PROGRAMME: &str = "Municipal Know-how for Host Communities in the Middle-East";

#[derive(Debug, Deserialize)]
struct File {
    project: Vec<ProjectDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProjectDef {
    slug: String,
    title: TrDef,
    problem: Option<TrDef>,
    objectives: Option<TrDef>,
    activities: Option<TrDef>,
    status: String,
    visibility: String,
    lead: String,
    event: String,
    /// The session's English title.
    session: Option<String>,
    #[serde(default)]
    followups: Vec<String>,
    themes: Vec<String>,
    #[serde(default)]
    partners_sought: Vec<SoughtDef>,
    #[serde(default)]
    partners: Vec<PartnerDef>,
    /// An illustrative action plan.
    plan: Option<PlanDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanDef {
    steps: Vec<StepDef>,
    #[serde(default)]
    milestones: Vec<MilestoneDef>,
    #[serde(default)]
    indicators: Vec<IndicatorDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StepDef {
    title: TrDef,
    owner: Option<String>,
    starts: String,
    due: String,
    status: String,
    percent: u8,
    weight: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MilestoneDef {
    title: TrDef,
    due: String,
    reached: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IndicatorDef {
    name: TrDef,
    unit: String,
    baseline: f64,
    baseline_on: String,
    target: f64,
    target_on: String,
    #[serde(default)]
    measurements: Vec<MeasurementDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MeasurementDef {
    on: String,
    value: f64,
    source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SoughtDef {
    kind: String,
    country: Option<String>,
    expertise: Option<TrDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PartnerDef {
    municipality: String,
    status: String,
}

fn invalid(what: &str, e: impl std::fmt::Display) -> DemoError {
    DemoError::Invalid(format!("{what}: {e}"))
}

pub async fn load(
    tx: &DatabaseTransaction,
    now: DateTime<Utc>,
    report: &mut LoadReport,
) -> Result<(), DemoError> {
    let file: File = toml::from_str(PROJECTS_TOML).map_err(|e| invalid("projects.toml", e))?;
    let towns: HashMap<String, i32> = municipality::Entity::find()
        .all(tx)
        .await?
        .into_iter()
        .map(|m| (m.slug, m.id))
        .collect();
    let events: HashMap<String, i32> = event::Entity::find()
        .all(tx)
        .await?
        .into_iter()
        .map(|e| (e.slug, e.id))
        .collect();
    let themes: HashMap<String, i32> = theme::Entity::find()
        .all(tx)
        .await?
        .into_iter()
        .map(|t| (t.slug, t.id))
        .collect();
    let town = |slug: &str, what: &str| {
        towns
            .get(slug)
            .copied()
            .ok_or_else(|| invalid(what, format!("unknown municipality {slug}")))
    };
    let ev = |slug: &str, what: &str| {
        events
            .get(slug)
            .copied()
            .ok_or_else(|| invalid(what, format!("unknown event {slug}")))
    };
    for def in file.project {
        let what = format!("project {}", def.slug);
        if project::Entity::find()
            .filter(project::Column::Slug.eq(&def.slug))
            .one(tx)
            .await?
            .is_some()
        {
            report.unchanged += 1;
            continue;
        }
        let event_id = ev(&def.event, &what)?;
        let session_id = match &def.session {
            Some(title) => Some(
                event_session::Entity::find()
                    .filter(event_session::Column::EventId.eq(event_id))
                    .all(tx)
                    .await?
                    .into_iter()
                    .find(|s| s.title.get(crate::i18n::Locale::En) == Some(title.as_str()))
                    .ok_or_else(|| invalid(&what, format!("unknown session {title}")))?
                    .id,
            ),
            None => None,
        };
        let followups: BTreeSet<i32> = def
            .followups
            .iter()
            .map(|s| ev(s, &what))
            .collect::<Result<_, _>>()?;
        let theme_ids: BTreeSet<i32> = def
            .themes
            .iter()
            .map(|s| {
                themes
                    .get(s)
                    .copied()
                    .ok_or_else(|| invalid(&what, format!("unknown theme {s}")))
            })
            .collect::<Result<_, _>>()?;
        let sought = def
            .partners_sought
            .into_iter()
            .map(|s| {
                Ok(PartnerSought {
                    kind: PartnerKind::from_code(&s.kind)
                        .ok_or_else(|| invalid(&what, format!("unknown kind {}", s.kind)))?,
                    country: s.country,
                    expertise: tr_opt(s.expertise, &what)?,
                })
            })
            .collect::<Result<Vec<_>, DemoError>>()?;
        let snapshot = Snapshot {
            title: tr(def.title, &what)?,
            problem: tr_opt(def.problem, &what)?,
            objectives: tr_opt(def.objectives, &what)?,
            activities: tr_opt(def.activities, &what)?,
            themes: theme_ids,
            event_id: Some(event_id),
            session_id,
            dilemma_id: None,
            followups,
            lead_municipality_id: town(&def.lead, &what)?,
            visibility: ProjectVisibility::from_code(&def.visibility)
                .ok_or_else(|| invalid(&what, "unknown visibility"))?,
            programme: Some(PROGRAMME.to_owned()),
            programme_countries: ["DE".to_owned(), "TR".to_owned()].into(),
            partners_sought: PartnersSought(sought),
            status: ProjectStatus::from_code(&def.status)
                .ok_or_else(|| invalid(&what, "unknown status"))?,
            drop_reason: None,
        };
        let p = project::ActiveModel {
            id: NotSet,
            slug: Set(def.slug.clone()),
            title: Set(snapshot.title.clone()),
            problem: Set(snapshot.problem.clone()),
            objectives: Set(snapshot.objectives.clone()),
            activities: Set(snapshot.activities.clone()),
            status: Set(snapshot.status.code().to_owned()),
            drop_reason: Set(None),
            visibility: Set(snapshot.visibility.code().to_owned()),
            lead_municipality_id: Set(snapshot.lead_municipality_id),
            event_id: Set(snapshot.event_id),
            session_id: Set(snapshot.session_id),
            dilemma_id: Set(None),
            programme: Set(snapshot.programme.clone()),
            programme_countries: Set(codes_column(&snapshot.programme_countries)),
            partners_sought: Set(snapshot.partners_sought.clone()),
            version: Set(1),
            illustrative: Set(true),
            created_by: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(tx)
        .await?;
        for t in &snapshot.themes {
            project_theme::ActiveModel {
                project_id: Set(p.id),
                theme_id: Set(*t),
            }
            .insert(tx)
            .await?;
        }
        for e in &snapshot.followups {
            followup::ActiveModel {
                project_id: Set(p.id),
                event_id: Set(*e),
            }
            .insert(tx)
            .await?;
        }
        version::ActiveModel {
            id: NotSet,
            project_id: Set(p.id),
            number: Set(1),
            snapshot: Set(snapshot),
            author_id: Set(None),
            created_at: Set(now),
        }
        .insert(tx)
        .await?;
        for pd in def.partners {
            let m = town(&pd.municipality, &what)?;
            let status = PartnershipStatus::from_code(&pd.status)
                .ok_or_else(|| invalid(&what, format!("unknown status {}", pd.status)))?;
            partner::ActiveModel {
                project_id: Set(p.id),
                municipality_id: Set(m),
                status: Set(status.code().to_owned()),
                updated_at: Set(now),
            }
            .insert(tx)
            .await?;
            let mut steps = vec![PartnerStep::Invited];
            match status {
                PartnershipStatus::Accepted => steps.push(PartnerStep::Accepted),
                PartnershipStatus::Declined => steps.push(PartnerStep::Declined),
                PartnershipStatus::Left => {
                    steps.extend([PartnerStep::Accepted, PartnerStep::Left]);
                }
                PartnershipStatus::Invited => {}
            }
            for step in steps {
                partner_step::ActiveModel {
                    id: NotSet,
                    project_id: Set(p.id),
                    municipality_id: Set(m),
                    step: Set(step.code().to_owned()),
                    person_id: Set(None),
                    person_name: Set(None),
                    at: Set(now),
                }
                .insert(tx)
                .await?;
            }
        }
        outbox::record(tx, "project", p.id, Op::Created).await?;
        report.created += 1;
    }
    Ok(())
}

/// The illustrative action plans of three ideas, in the demo's transaction
/// (plans write through their own rules, each change a savepoint in it).
/// An idea that already has a plan is left as it is.
pub async fn load_plans(
    db: &DatabaseTransaction,
    now: DateTime<Utc>,
    report: &mut LoadReport,
) -> Result<(), DemoError> {
    use crate::plans::StepStatus;
    use crate::plans::rules::{
        self as plans, IndicatorInput, MeasurementInput, MilestoneInput, StepInput,
    };
    use chrono::NaiveDate;
    let file: File = toml::from_str(PROJECTS_TOML).map_err(|e| invalid("projects.toml", e))?;
    let origin = crate::audit::Origin::cli();
    // The loader acts as the command line does: with staff powers.
    let actor = crate::policy::Actor::with_role(0, crate::policy::Role::Admin, Vec::new());
    let plan_err = |e: crate::plans::error::PlanError| match e {
        crate::plans::error::PlanError::Db(e) => DemoError::Db(e),
        e => DemoError::Invalid(format!("demo plan: {e}")),
    };
    let day = |s: &str, what: &str| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| invalid(what, format!("{s}: {e}")))
    };
    for def in file.project {
        let Some(plan) = def.plan else { continue };
        let what = format!("plan of {}", def.slug);
        let p = project::Entity::find()
            .filter(project::Column::Slug.eq(&def.slug))
            .one(db)
            .await?
            .ok_or_else(|| invalid(&what, "no such idea"))?;
        let owner = crate::projects::plans::owner(p.id);
        let existing = plans::summaries(db, &[owner]).await.map_err(plan_err)?;
        if existing.contains_key(&owner) {
            report.unchanged += 1;
            continue;
        }
        let id = plans::create_as_staff(
            db,
            &origin,
            &actor,
            owner,
            p.lead_municipality_id,
            p.title.clone(),
            now,
        )
        .await
        .map_err(plan_err)?;
        let editing = plans::as_staff(db, &actor, id).await.map_err(plan_err)?;
        plans::set_illustrative(db, &origin, &editing, true, now)
            .await
            .map_err(plan_err)?;
        for s in plan.steps {
            let input = StepInput {
                title: tr(s.title, &what)?,
                owner_text: s.owner,
                owner_municipality_id: None,
                starts_on: Some(day(&s.starts, &what)?),
                due_on: Some(day(&s.due, &what)?),
                status: StepStatus::from_code(&s.status)
                    .ok_or_else(|| invalid(&what, format!("unknown status {}", s.status)))?,
                percent: s.percent,
                weight: s.weight,
            };
            plans::add_step(db, &origin, &editing, input, now)
                .await
                .map_err(plan_err)?;
        }
        for m in plan.milestones {
            let input = MilestoneInput {
                title: tr(m.title, &what)?,
                due_on: day(&m.due, &what)?,
                reached_on: m.reached.as_deref().map(|r| day(r, &what)).transpose()?,
            };
            plans::add_milestone(db, &origin, &editing, input, now)
                .await
                .map_err(plan_err)?;
        }
        for i in plan.indicators {
            let input = IndicatorInput {
                name: tr(i.name, &what)?,
                unit: i.unit,
                baseline_value: i.baseline,
                baseline_on: day(&i.baseline_on, &what)?,
                target_value: i.target,
                target_on: day(&i.target_on, &what)?,
            };
            let ind = plans::add_indicator(db, &origin, &editing, input, now)
                .await
                .map_err(plan_err)?;
            for m in i.measurements {
                let input = MeasurementInput {
                    measured_on: day(&m.on, &what)?,
                    value: m.value,
                    source: m.source,
                };
                plans::add_measurement(db, &origin, &editing, ind, input, now)
                    .await
                    .map_err(plan_err)?;
            }
        }
        for slug in &def.followups {
            let e = event::Entity::find()
                .filter(event::Column::Slug.eq(slug.as_str()))
                .one(db)
                .await?
                .ok_or_else(|| invalid(&what, format!("unknown event {slug}")))?;
            plans::attach_event(db, &origin, &editing, e.id, now)
                .await
                .map_err(plan_err)?;
        }
        report.created += 1;
    }
    Ok(())
}
