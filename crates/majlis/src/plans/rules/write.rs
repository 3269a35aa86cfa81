//! Changes to plans. Each runs in one `db.begin_write()` transaction with
//! its audit entry and outbox row (entity `plan`, the plan's id), and
//! takes an [`Editing`] (the policy's leave) or, to create, the actor. A
//! save that changes nothing writes nothing.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction,
    EntityTrait, IntoActiveModel, ModelTrait, QueryFilter, QueryOrder, SqlErr,
};

use super::super::entities::{indicator, measurement, milestone, plan, plan_event, step};
use super::super::error::PlanError;
use super::super::owners::Owners;
use super::super::{Owner, StepStatus};
use super::input::{IndicatorInput, MeasurementInput, MilestoneInput, StepInput};
use super::{Editing, day};
use crate::audit::{self, Fields, Origin};
use crate::db::outbox::{self, Op};
use crate::db::{Db, Writer};
use crate::directory::entities::municipality;
use crate::i18n::{Locale, TrText};
use crate::policy::{Action, Actor, PlanRef, authorize, can};

/// The audit entry and outbox row of a change to plan `plan_id`, and its
/// `updated_at`.
async fn changed(
    tx: &DatabaseTransaction,
    origin: &Origin,
    plan_id: i32,
    action: &str,
    detail: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), PlanError> {
    let p = plan::Entity::find_by_id(plan_id)
        .one(tx)
        .await?
        .ok_or(PlanError::NotFound)?;
    let mut m = p.into_active_model();
    m.updated_at = Set(now);
    m.update(tx).await?;
    audit::record(tx, origin, action, "plan", plan_id, detail, now).await?;
    outbox::record(tx, "plan", plan_id, Op::Updated).await?;
    Ok(())
}

/// What starting a plan asks for: its owner; the responsible municipality
/// (`None`: the first of the owner's editor municipalities the actor
/// speaks for, else the first; only staff may name one that does not edit
/// the owner); the title (`None`: the owner's).
#[derive(Clone, Debug)]
pub struct NewPlan {
    pub owner: Owner,
    pub municipality: Option<i32>,
    pub title: Option<TrText>,
}

/// Start a plan for an owner, or find the one it has (an owner has one
/// plan: a second start, a double submit or a race, answers the plan
/// already there). The owner must be described by its activity and
/// visible to the actor, who must be one who edits its plans (staff, or a
/// focal point of one of its editor municipalities).
pub async fn create(
    db: &Db,
    owners: &Owners,
    origin: &Origin,
    actor: &Actor,
    new: NewPlan,
    now: DateTime<Utc>,
) -> Result<i32, PlanError> {
    let owner = new.owner;
    let facts = owners
        .describe(db.read(), Some(actor), &[owner])
        .await?
        .remove(&owner)
        .ok_or(PlanError::NotFound)?;
    let municipality = match new.municipality {
        Some(m) => Some(m),
        None => facts
            .editor_municipalities
            .iter()
            .find(|m| actor.focal_point_of.contains(m))
            .or(facts.editor_municipalities.first())
            .copied(),
    }
    .ok_or_else(|| PlanError::bad("municipality", "plan-error-choice"))?;
    authorize(
        Some(actor),
        Action::ViewPlan(PlanRef::for_actor(
            Some(actor),
            facts.visible_to_actor,
            &facts.editor_municipalities,
        )),
    )?;
    // May the actor edit this owner's plans?
    authorize(
        Some(actor),
        Action::EditPlan(PlanRef::for_actor(
            Some(actor),
            facts.visible_to_actor,
            &facts.editor_municipalities,
        )),
    )?;
    // Another municipality responsible: only who edits any plan (staff).
    let any_plan = PlanRef {
        visible: true,
        affiliated_editor: false,
    };
    if !facts.editor_municipalities.contains(&municipality)
        && !can(Some(actor), Action::EditPlan(any_plan))
    {
        return Err(PlanError::bad("municipality", "plan-error-choice"));
    }
    let known = municipality::Entity::find_by_id(municipality)
        .one(db.read())
        .await?
        .is_some();
    if !known {
        return Err(PlanError::bad("municipality", "plan-error-choice"));
    }
    let title = new.title.unwrap_or(facts.title);
    start(db, origin, owner, municipality, title, now).await
}

/// [`create`] for tools that hold no owner registry (the demo loader, in
/// its own transaction): staff only; the owner is taken as given.
pub async fn create_as_staff(
    w: &impl Writer,
    origin: &Origin,
    actor: &Actor,
    owner: Owner,
    municipality_id: i32,
    title: TrText,
    now: DateTime<Utc>,
) -> Result<i32, PlanError> {
    authorize(
        Some(actor),
        Action::EditPlan(PlanRef {
            visible: true,
            affiliated_editor: false,
        }),
    )?;
    start(w, origin, owner, municipality_id, title, now).await
}

/// The plan of `owner`, if it has one.
pub async fn plan_of(
    conn: &impl ConnectionTrait,
    owner: Owner,
) -> Result<Option<plan::Model>, PlanError> {
    Ok(plan::Entity::find()
        .filter(plan::Column::OwnerKind.eq(owner.kind.code()))
        .filter(plan::Column::OwnerId.eq(owner.id))
        .order_by_asc(plan::Column::Id)
        .one(conn)
        .await?)
}

/// Insert the plan of `owner`, or answer the one it has. The unique index
/// on the owner settles a race: the loser reads the winner's plan.
async fn start(
    w: &impl Writer,
    origin: &Origin,
    owner: Owner,
    municipality_id: i32,
    title: TrText,
    now: DateTime<Utc>,
) -> Result<i32, PlanError> {
    let tx = w.begin_write().await?;
    if let Some(p) = plan_of(&tx, owner).await? {
        tx.rollback().await?;
        return Ok(p.id);
    }
    let inserted = plan::ActiveModel {
        owner_kind: Set(owner.kind.code().to_owned()),
        owner_id: Set(owner.id),
        municipality_id: Set(municipality_id),
        title: Set(title.clone()),
        illustrative: Set(false),
        created_by: Set(origin.actor_id),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await;
    let row = match inserted {
        Ok(row) => row,
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            tx.rollback().await?;
            let tx = w.begin_write().await?;
            let found = plan_of(&tx, owner).await?;
            tx.rollback().await?;
            return found.map(|p| p.id).ok_or(PlanError::Db(e));
        }
        Err(e) => return Err(e.into()),
    };
    let mut f = Fields::new();
    f.put("owner", format!("{}:{}", owner.kind.code(), owner.id))
        .put("municipality", municipality_id)
        .text("title", Some(&title));
    audit::record(
        &tx,
        origin,
        "plan-created",
        "plan",
        row.id,
        Fields::new().changes(&f),
        now,
    )
    .await?;
    outbox::record(&tx, "plan", row.id, Op::Created).await?;
    tx.commit().await?;
    Ok(row.id)
}

/// Say whether the plan's figures are illustrative (demo data).
pub async fn set_illustrative(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    illustrative: bool,
    now: DateTime<Utc>,
) -> Result<(), PlanError> {
    let tx = db.begin_write().await?;
    let p = plan::Entity::find_by_id(editing.plan_id)
        .one(&tx)
        .await?
        .ok_or(PlanError::NotFound)?;
    if p.illustrative == illustrative {
        return Ok(());
    }
    let mut m = p.into_active_model();
    m.illustrative = Set(illustrative);
    m.update(&tx).await?;
    changed(
        &tx,
        origin,
        editing.plan_id,
        "plan-illustrative",
        Some(format!("illustrative: {illustrative}")),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The percent a step is stored with: what it counts for, so that a done
/// step never reads "Done · 70 %" (done counts 100, not started 0).
fn stored_percent(s: &StepInput) -> u8 {
    match s.status {
        StepStatus::Done => 100,
        StepStatus::NotStarted => 0,
        _ => s.percent,
    }
}

/// The stored text `fresh` with its `lang` value as `submitted` has it
/// (emptied: removed, unless it is the original), other languages as
/// stored.
fn merged(fresh: &TrText, submitted: &TrText, lang: Locale) -> TrText {
    let mut t = fresh.clone();
    t.set(lang, submitted.get(lang).unwrap_or_default());
    t
}

fn step_fields(s: &StepInput) -> Fields {
    let mut f = Fields::new();
    f.text("title", Some(&s.title))
        .opt("owner_text", s.owner_text.as_ref())
        .opt("owner_municipality", s.owner_municipality_id)
        .put("starts_on", day(&s.starts_on))
        .put("due_on", day(&s.due_on))
        .put("status", s.status.code())
        .put("percent", stored_percent(s))
        .put("weight", s.weight);
    f
}

fn step_input(s: &step::Model) -> StepInput {
    StepInput {
        title: s.title.clone(),
        owner_text: s.owner_text.clone(),
        owner_municipality_id: s.owner_municipality_id,
        starts_on: s.starts_on,
        due_on: s.due_on,
        status: StepStatus::from_code(&s.status).unwrap_or(StepStatus::NotStarted),
        percent: s.percent.clamp(0, 100) as u8,
        weight: s.weight.max(0) as u32,
    }
}

fn set_step(m: &mut step::ActiveModel, s: StepInput) {
    let percent = stored_percent(&s);
    m.title = Set(s.title);
    m.owner_text = Set(s.owner_text);
    m.owner_municipality_id = Set(s.owner_municipality_id);
    m.starts_on = Set(s.starts_on);
    m.due_on = Set(s.due_on);
    m.status = Set(s.status.code().to_owned());
    m.percent = Set(i32::from(percent));
    m.weight = Set(s.weight as i32);
}

pub async fn add_step(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    input: StepInput,
    now: DateTime<Utc>,
) -> Result<i32, PlanError> {
    let tx = db.begin_write().await?;
    let detail = Fields::new().changes(&step_fields(&input));
    let mut m = step::ActiveModel {
        plan_id: Set(editing.plan_id),
        ..Default::default()
    };
    set_step(&mut m, input);
    let row = m.insert(&tx).await?;
    changed(&tx, origin, editing.plan_id, "plan-step-added", detail, now).await?;
    tx.commit().await?;
    Ok(row.id)
}

/// The plan's step `id` (not found if it belongs to another plan).
async fn own_step(
    tx: &DatabaseTransaction,
    e: &Editing,
    id: i32,
) -> Result<step::Model, PlanError> {
    step::Entity::find_by_id(id)
        .filter(step::Column::PlanId.eq(e.plan_id))
        .one(tx)
        .await?
        .ok_or(PlanError::NotFound)
}

/// Change the plan's step `id`, written in `lang`: its title is
/// merged into the row read in this transaction, so that a translation
/// saved meanwhile in another language is kept.
pub async fn update_step(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    id: i32,
    mut input: StepInput,
    lang: Locale,
    now: DateTime<Utc>,
) -> Result<(), PlanError> {
    let tx = db.begin_write().await?;
    let row = own_step(&tx, editing, id).await?;
    input.title = merged(&row.title, &input.title, lang);
    let before = step_fields(&step_input(&row));
    let Some(detail) = before.changes(&step_fields(&input)) else {
        return Ok(());
    };
    let mut m = row.into_active_model();
    set_step(&mut m, input);
    m.update(&tx).await?;
    changed(
        &tx,
        origin,
        editing.plan_id,
        "plan-step-changed",
        Some(detail),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn delete_step(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), PlanError> {
    let tx = db.begin_write().await?;
    let row = own_step(&tx, editing, id).await?;
    let detail = step_fields(&step_input(&row)).changes(&Fields::new());
    row.delete(&tx).await?;
    changed(
        &tx,
        origin,
        editing.plan_id,
        "plan-step-deleted",
        detail,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

fn milestone_fields(m: &MilestoneInput) -> Fields {
    let mut f = Fields::new();
    f.text("title", Some(&m.title))
        .put("due_on", m.due_on)
        .put("reached_on", day(&m.reached_on));
    f
}

fn milestone_input(m: &milestone::Model) -> MilestoneInput {
    MilestoneInput {
        title: m.title.clone(),
        due_on: m.due_on,
        reached_on: m.reached_on,
    }
}

pub async fn add_milestone(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    input: MilestoneInput,
    now: DateTime<Utc>,
) -> Result<i32, PlanError> {
    let tx = db.begin_write().await?;
    let detail = Fields::new().changes(&milestone_fields(&input));
    let row = milestone::ActiveModel {
        plan_id: Set(editing.plan_id),
        title: Set(input.title),
        due_on: Set(input.due_on),
        reached_on: Set(input.reached_on),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    changed(
        &tx,
        origin,
        editing.plan_id,
        "plan-milestone-added",
        detail,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(row.id)
}

async fn own_milestone(
    tx: &DatabaseTransaction,
    e: &Editing,
    id: i32,
) -> Result<milestone::Model, PlanError> {
    milestone::Entity::find_by_id(id)
        .filter(milestone::Column::PlanId.eq(e.plan_id))
        .one(tx)
        .await?
        .ok_or(PlanError::NotFound)
}

/// Change the plan's milestone `id`, written in `lang`: its title is
/// merged into the row read in this transaction, so that a translation
/// saved meanwhile in another language is kept.
pub async fn update_milestone(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    id: i32,
    mut input: MilestoneInput,
    lang: Locale,
    now: DateTime<Utc>,
) -> Result<(), PlanError> {
    let tx = db.begin_write().await?;
    let row = own_milestone(&tx, editing, id).await?;
    input.title = merged(&row.title, &input.title, lang);
    let before = milestone_fields(&milestone_input(&row));
    let Some(detail) = before.changes(&milestone_fields(&input)) else {
        return Ok(());
    };
    let mut m = row.into_active_model();
    m.title = Set(input.title);
    m.due_on = Set(input.due_on);
    m.reached_on = Set(input.reached_on);
    m.update(&tx).await?;
    changed(
        &tx,
        origin,
        editing.plan_id,
        "plan-milestone-changed",
        Some(detail),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn delete_milestone(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), PlanError> {
    let tx = db.begin_write().await?;
    let row = own_milestone(&tx, editing, id).await?;
    let detail = milestone_fields(&milestone_input(&row)).changes(&Fields::new());
    row.delete(&tx).await?;
    changed(
        &tx,
        origin,
        editing.plan_id,
        "plan-milestone-deleted",
        detail,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

fn indicator_fields(i: &IndicatorInput) -> Fields {
    let mut f = Fields::new();
    f.text("name", Some(&i.name))
        .put("unit", &i.unit)
        .put("baseline_value", i.baseline_value)
        .put("baseline_on", i.baseline_on)
        .put("target_value", i.target_value)
        .put("target_on", i.target_on);
    f
}

fn indicator_input(i: &indicator::Model) -> IndicatorInput {
    IndicatorInput {
        name: i.name.clone(),
        unit: i.unit.clone(),
        baseline_value: i.baseline_value,
        baseline_on: i.baseline_on,
        target_value: i.target_value,
        target_on: i.target_on,
    }
}

pub async fn add_indicator(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    input: IndicatorInput,
    now: DateTime<Utc>,
) -> Result<i32, PlanError> {
    if input.baseline_value == input.target_value {
        return Err(PlanError::bad(
            "target_value",
            "plan-error-target-equals-baseline",
        ));
    }
    let tx = db.begin_write().await?;
    let detail = Fields::new().changes(&indicator_fields(&input));
    let row = indicator::ActiveModel {
        plan_id: Set(editing.plan_id),
        name: Set(input.name),
        unit: Set(input.unit),
        baseline_value: Set(input.baseline_value),
        baseline_on: Set(input.baseline_on),
        target_value: Set(input.target_value),
        target_on: Set(input.target_on),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    changed(
        &tx,
        origin,
        editing.plan_id,
        "plan-indicator-added",
        detail,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(row.id)
}

async fn own_indicator(
    tx: &DatabaseTransaction,
    e: &Editing,
    id: i32,
) -> Result<indicator::Model, PlanError> {
    indicator::Entity::find_by_id(id)
        .filter(indicator::Column::PlanId.eq(e.plan_id))
        .one(tx)
        .await?
        .ok_or(PlanError::NotFound)
}

/// Change the plan's indicator `id`, written in `lang`: its name is
/// merged into the row read in this transaction, so that a translation
/// saved meanwhile in another language is kept.
pub async fn update_indicator(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    id: i32,
    mut input: IndicatorInput,
    lang: Locale,
    now: DateTime<Utc>,
) -> Result<(), PlanError> {
    if input.baseline_value == input.target_value {
        return Err(PlanError::bad(
            "target_value",
            "plan-error-target-equals-baseline",
        ));
    }
    let tx = db.begin_write().await?;
    let row = own_indicator(&tx, editing, id).await?;
    input.name = merged(&row.name, &input.name, lang);
    let before = indicator_fields(&indicator_input(&row));
    let Some(detail) = before.changes(&indicator_fields(&input)) else {
        return Ok(());
    };
    let mut m = row.into_active_model();
    m.name = Set(input.name);
    m.unit = Set(input.unit);
    m.baseline_value = Set(input.baseline_value);
    m.baseline_on = Set(input.baseline_on);
    m.target_value = Set(input.target_value);
    m.target_on = Set(input.target_on);
    m.update(&tx).await?;
    changed(
        &tx,
        origin,
        editing.plan_id,
        "plan-indicator-changed",
        Some(detail),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn delete_indicator(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), PlanError> {
    let tx = db.begin_write().await?;
    let row = own_indicator(&tx, editing, id).await?;
    let detail = indicator_fields(&indicator_input(&row)).changes(&Fields::new());
    row.delete(&tx).await?;
    changed(
        &tx,
        origin,
        editing.plan_id,
        "plan-indicator-deleted",
        detail,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Record a measured value of the plan's indicator `indicator_id`.
pub async fn add_measurement(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    indicator_id: i32,
    input: MeasurementInput,
    now: DateTime<Utc>,
) -> Result<i32, PlanError> {
    let tx = db.begin_write().await?;
    own_indicator(&tx, editing, indicator_id).await?;
    let row = measurement::ActiveModel {
        indicator_id: Set(indicator_id),
        measured_on: Set(input.measured_on),
        value: Set(input.value),
        source: Set(input.source.clone()),
        recorded_by: Set(origin.actor_id),
        recorded_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    let detail = format!(
        "indicator {indicator_id}: {} = {} ({})",
        input.measured_on, input.value, input.source
    );
    changed(
        &tx,
        origin,
        editing.plan_id,
        "plan-measured",
        Some(detail),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(row.id)
}

/// Remove a measurement recorded by mistake.
pub async fn delete_measurement(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), PlanError> {
    let tx = db.begin_write().await?;
    let row = measurement::Entity::find_by_id(id)
        .one(&tx)
        .await?
        .ok_or(PlanError::NotFound)?;
    own_indicator(&tx, editing, row.indicator_id).await?;
    let detail = format!(
        "indicator {}: {} = {} ({})",
        row.indicator_id, row.measured_on, row.value, row.source
    );
    row.delete(&tx).await?;
    changed(
        &tx,
        origin,
        editing.plan_id,
        "plan-measurement-deleted",
        Some(detail),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Attach a follow-up event (one the routes offered; attaching twice
/// changes nothing).
pub async fn attach_event(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    event_id: i32,
    now: DateTime<Utc>,
) -> Result<(), PlanError> {
    let tx = db.begin_write().await?;
    let there = plan_event::Entity::find_by_id((editing.plan_id, event_id))
        .one(&tx)
        .await?;
    if there.is_some() {
        return Ok(());
    }
    plan_event::ActiveModel {
        plan_id: Set(editing.plan_id),
        event_id: Set(event_id),
    }
    .insert(&tx)
    .await?;
    changed(
        &tx,
        origin,
        editing.plan_id,
        "plan-event-attached",
        Some(format!("event: {event_id}")),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn detach_event(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    event_id: i32,
    now: DateTime<Utc>,
) -> Result<(), PlanError> {
    let tx = db.begin_write().await?;
    let there = plan_event::Entity::find_by_id((editing.plan_id, event_id))
        .one(&tx)
        .await?
        .ok_or(PlanError::NotFound)?;
    there.delete(&tx).await?;
    changed(
        &tx,
        origin,
        editing.plan_id,
        "plan-event-detached",
        Some(format!("event: {event_id}")),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
