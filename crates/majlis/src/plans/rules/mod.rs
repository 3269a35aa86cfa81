//! Plan rules: reading (this file), changes (`write.rs`) and the forms'
//! parsing into typed inputs (`input.rs`), free of HTTP. Reads take the
//! owner registry to learn who may see and edit a plan; changes take an
//! [`Editing`], which only [`editable`] (or [`as_staff`], for tools such
//! as the demo loader) hands out after the policy allowed it.

pub mod input;
pub mod write;

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, Order, QueryFilter, QueryOrder,
    sea_query::NullOrdering,
};

pub use input::{IndicatorInput, MeasurementInput, MilestoneInput, StepInput};
pub use write::{
    NewPlan, add_indicator, add_measurement, add_milestone, add_step, attach_event, create,
    create_as_staff, delete_indicator, delete_measurement, delete_milestone, delete_step,
    detach_event, plan_of, set_illustrative, update_indicator, update_milestone, update_step,
};

use super::entities::{indicator, measurement, milestone, plan, plan_event, step};
use super::error::PlanError;
use super::owners::{OwnerFacts, Owners};
use super::progress::{self, StepFigures};
use super::{Owner, OwnerKind, StepStatus};
use crate::events::entities::event;
use crate::policy::{Action, Actor, PlanRef, authorize, can};

/// A plan's short figures, for its owner's pages and lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanSummary {
    pub id: i32,
    /// Whole percent, `None` when no step counts (see [`progress::roll_up`]).
    pub progress: Option<u8>,
    /// Steps, cancelled ones left out.
    pub steps: u32,
    pub done: u32,
    pub illustrative: bool,
}

/// The owner a stored plan names (`None` for a kind this build knows not).
pub fn owner_of(p: &plan::Model) -> Option<Owner> {
    OwnerKind::from_code(&p.owner_kind).map(|kind| Owner {
        kind,
        id: p.owner_id,
    })
}

/// What roll-up needs of a stored step.
pub fn figures(s: &step::Model) -> StepFigures {
    StepFigures {
        status: StepStatus::from_code(&s.status).unwrap_or(StepStatus::NotStarted),
        percent: s.percent.clamp(0, 100) as u8,
        weight: s.weight.max(0) as u32,
    }
}

/// The summaries of given plans' rows: one query for their steps.
pub async fn summaries_of(
    conn: &impl ConnectionTrait,
    plans: &[plan::Model],
) -> Result<HashMap<i32, PlanSummary>, PlanError> {
    let ids: Vec<i32> = plans.iter().map(|p| p.id).collect();
    let steps = if ids.is_empty() {
        Vec::new()
    } else {
        step::Entity::find()
            .filter(step::Column::PlanId.is_in(ids))
            .all(conn)
            .await?
    };
    let mut by_plan: HashMap<i32, Vec<StepFigures>> = HashMap::new();
    for s in &steps {
        by_plan.entry(s.plan_id).or_default().push(figures(s));
    }
    Ok(plans
        .iter()
        .map(|p| {
            let steps = by_plan.remove(&p.id).unwrap_or_default();
            let counted = steps.iter().filter(|s| s.status != StepStatus::Cancelled);
            (
                p.id,
                PlanSummary {
                    id: p.id,
                    progress: progress::roll_up(steps.iter().copied()),
                    steps: counted.clone().count() as u32,
                    done: counted.filter(|s| s.status == StepStatus::Done).count() as u32,
                    illustrative: p.illustrative,
                },
            )
        })
        .collect())
}

/// The plan of each owner that has one (its first, when it has several).
/// Bounded: at most 2 queries whatever the number of owners.
pub async fn summaries(
    conn: &impl ConnectionTrait,
    owners: &[Owner],
) -> Result<HashMap<Owner, PlanSummary>, PlanError> {
    if owners.is_empty() {
        return Ok(HashMap::new());
    }
    let mut cond = sea_orm::Condition::any();
    for kind in OwnerKind::ALL {
        let ids: Vec<i32> = owners
            .iter()
            .filter(|o| o.kind == *kind)
            .map(|o| o.id)
            .collect();
        if !ids.is_empty() {
            cond = cond.add(
                sea_orm::Condition::all()
                    .add(plan::Column::OwnerKind.eq(kind.code()))
                    .add(plan::Column::OwnerId.is_in(ids)),
            );
        }
    }
    let rows = plan::Entity::find()
        .filter(cond)
        .order_by_asc(plan::Column::Id)
        .all(conn)
        .await?;
    let mut first: HashMap<Owner, plan::Model> = HashMap::new();
    for p in rows {
        if let Some(o) = owner_of(&p) {
            first.entry(o).or_insert(p);
        }
    }
    let plans: Vec<plan::Model> = first.values().cloned().collect();
    let mut sums = summaries_of(conn, &plans).await?;
    Ok(first
        .into_iter()
        .filter_map(|(o, p)| sums.remove(&p.id).map(|s| (o, s)))
        .collect())
}

/// A plan with what its owner's activity says of it, for one reader.
#[derive(Clone, Debug)]
pub struct Plan {
    pub row: plan::Model,
    pub owner: OwnerFacts,
    /// The owner is described by its activity (`false`: [`OwnerFacts::orphan`]
    /// or [`OwnerFacts::gone`]).
    pub described: bool,
    /// Its owner's activity describes owners of its kind but left this one
    /// out ([`OwnerFacts::gone`]): not found but for staff.
    pub gone: bool,
    /// The network it was imported from (`majlis import`), if any; read
    /// for its own page only ([`readable`]).
    pub imported_from: Option<String>,
}

impl Plan {
    pub fn policy_ref(&self, actor: Option<&Actor>) -> PlanRef {
        let mut editors = self.owner.editor_municipalities.clone();
        editors.push(self.row.municipality_id);
        PlanRef::for_actor(actor, self.owner.visible_to_actor, &editors)
    }
}

/// The plans of given rows described for `actor` (one query per owner kind).
pub async fn described(
    db: &DatabaseConnection,
    owners: &Owners,
    actor: Option<&Actor>,
    rows: Vec<plan::Model>,
) -> Result<Vec<Plan>, PlanError> {
    let keys: Vec<Owner> = rows.iter().filter_map(owner_of).collect();
    let mut facts = owners.describe(db, actor, &keys).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let found = owner_of(&row).and_then(|o| facts.remove(&o).map(|f| (o, f)));
            match found {
                Some((o, f)) => {
                    // Another plan of the same owner gets the facts back.
                    facts.insert(o, f.clone());
                    Plan {
                        row,
                        owner: f,
                        described: true,
                        gone: false,
                        imported_from: None,
                    }
                }
                // Its activity describes its kind but not it: gone or hidden.
                None if owner_of(&row).is_some_and(|o| owners.describes(o.kind)) => Plan {
                    owner: OwnerFacts::gone(row.title.clone()),
                    row,
                    described: false,
                    gone: true,
                    imported_from: None,
                },
                // No activity describes its kind.
                None => Plan {
                    owner: OwnerFacts::orphan(row.title.clone(), row.municipality_id, actor),
                    row,
                    described: false,
                    gone: false,
                    imported_from: None,
                },
            }
        })
        .collect())
}

/// The plan `id` as `actor` may read it (two queries: the plan, its owner).
pub async fn readable(
    db: &DatabaseConnection,
    owners: &Owners,
    actor: Option<&Actor>,
    id: i32,
) -> Result<Plan, PlanError> {
    let found = crate::db::provenance::one_sourced(db, plan::Entity::find_by_id(id), "plan")
        .await?
        .ok_or(PlanError::NotFound)?;
    let mut plan = described(db, owners, actor, vec![found.item])
        .await?
        .pop()
        .ok_or(PlanError::NotFound)?;
    plan.imported_from = found.imported_from;
    match authorize(actor, Action::ViewPlan(plan.policy_ref(actor))) {
        Ok(()) => Ok(plan),
        // What the reader may not see is not shown to be there.
        Err(_) if actor.is_none() || plan.gone => Err(PlanError::NotFound),
        Err(d) => Err(d.into()),
    }
}

/// Whether `actor` may change `plan`.
pub fn may_edit(plan: &Plan, actor: Option<&Actor>) -> bool {
    can(actor, Action::EditPlan(plan.policy_ref(actor)))
}

/// Proof that the policy let someone change a plan: what the changing
/// rules take.
#[derive(Clone, Debug)]
pub struct Editing {
    plan_id: i32,
    pub actor_id: i32,
}

impl Editing {
    pub fn plan_id(&self) -> i32 {
        self.plan_id
    }
}

/// The plan `id`, if `actor` may change it.
pub async fn editable(
    db: &DatabaseConnection,
    owners: &Owners,
    actor: &Actor,
    id: i32,
) -> Result<(Plan, Editing), PlanError> {
    let plan = readable(db, owners, Some(actor), id).await?;
    authorize(Some(actor), Action::EditPlan(plan.policy_ref(Some(actor))))?;
    let editing = Editing {
        plan_id: plan.row.id,
        actor_id: actor.person_id,
    };
    Ok((plan, editing))
}

/// The plan `id` for tools that hold no owner registry (the demo loader):
/// staff only.
pub async fn as_staff(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: i32,
) -> Result<Editing, PlanError> {
    authorize(
        Some(actor),
        Action::EditPlan(PlanRef {
            visible: true,
            affiliated_editor: false,
        }),
    )?;
    let row = plan::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(PlanError::NotFound)?;
    Ok(Editing {
        plan_id: row.id,
        actor_id: actor.person_id,
    })
}

/// An indicator with its measurements (oldest first) and attainment.
#[derive(Clone, Debug)]
pub struct IndicatorView {
    pub row: indicator::Model,
    pub measurements: Vec<measurement::Model>,
    /// Whole percent; `None`: not measured yet.
    pub attainment: Option<u8>,
}

impl IndicatorView {
    pub fn latest(&self) -> Option<&measurement::Model> {
        progress::latest(&self.measurements, |m| (m.measured_on, m.id))
    }
}

/// Everything a plan's page shows.
#[derive(Clone, Debug)]
pub struct PlanDetail {
    pub plan: Plan,
    pub steps: Vec<step::Model>,
    pub milestones: Vec<milestone::Model>,
    pub indicators: Vec<IndicatorView>,
    /// Attached follow-up events the reader may see, earliest first.
    pub events: Vec<event::Model>,
    pub progress: Option<u8>,
}

/// A plan's steps, milestones, indicators with measurements and events:
/// five queries, whatever their number.
pub async fn detail(
    conn: &impl ConnectionTrait,
    actor: Option<&Actor>,
    plan: Plan,
) -> Result<PlanDetail, PlanError> {
    let id = plan.row.id;
    let steps = step::Entity::find()
        .filter(step::Column::PlanId.eq(id))
        // Steps without a start date last, on both databases.
        .order_by_with_nulls(step::Column::StartsOn, Order::Asc, NullOrdering::Last)
        .order_by_asc(step::Column::Id)
        .all(conn)
        .await?;
    let milestones = milestone::Entity::find()
        .filter(milestone::Column::PlanId.eq(id))
        .order_by_asc(milestone::Column::DueOn)
        .order_by_asc(milestone::Column::Id)
        .all(conn)
        .await?;
    let indicators = indicator::Entity::find()
        .filter(indicator::Column::PlanId.eq(id))
        .order_by_asc(indicator::Column::Id)
        .all(conn)
        .await?;
    let mut measurements: HashMap<i32, Vec<measurement::Model>> = HashMap::new();
    if !indicators.is_empty() {
        for m in measurement::Entity::find()
            .filter(measurement::Column::IndicatorId.is_in(indicators.iter().map(|i| i.id)))
            .order_by_asc(measurement::Column::MeasuredOn)
            .order_by_asc(measurement::Column::Id)
            .all(conn)
            .await?
        {
            measurements.entry(m.indicator_id).or_default().push(m);
        }
    }
    let indicators = indicators
        .into_iter()
        .map(|row| {
            let ms = measurements.remove(&row.id).unwrap_or_default();
            let latest = progress::latest(&ms, |m| (m.measured_on, m.id)).map(|m| m.value);
            IndicatorView {
                attainment: progress::attainment(row.baseline_value, row.target_value, latest),
                row,
                measurements: ms,
            }
        })
        .collect();
    let events = attached_events(conn, actor, id).await?;
    Ok(PlanDetail {
        progress: progress::roll_up(steps.iter().map(figures)),
        plan,
        steps,
        milestones,
        indicators,
        events,
    })
}

/// The follow-up events attached to a plan that `actor` may see (one query).
pub async fn attached_events(
    conn: &impl ConnectionTrait,
    actor: Option<&Actor>,
    plan_id: i32,
) -> Result<Vec<event::Model>, PlanError> {
    use sea_orm::sea_query::Query;
    Ok(event::Entity::find()
        .filter(event::Column::Visibility.is_in(crate::library::visible_codes(actor)))
        .filter(
            event::Column::Id.in_subquery(
                Query::select()
                    .column(plan_event::Column::EventId)
                    .from(plan_event::Entity)
                    .and_where(plan_event::Column::PlanId.eq(plan_id))
                    .to_owned(),
            ),
        )
        .order_by_asc(event::Column::StartsAt)
        .all(conn)
        .await?)
}

/// The events one may attach: every event `actor` may see, newest first
/// (at most 200; one query).
pub async fn event_choices(
    conn: &impl ConnectionTrait,
    actor: Option<&Actor>,
) -> Result<Vec<event::Model>, PlanError> {
    use sea_orm::QuerySelect;
    Ok(event::Entity::find()
        .filter(event::Column::Visibility.is_in(crate::library::visible_codes(actor)))
        .order_by_desc(event::Column::StartsAt)
        .limit(200)
        .all(conn)
        .await?)
}

/// A day as pages and forms write it (ISO).
pub fn day(d: &Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}
