//! Changes to plans. Each runs in one `db.begin_write()` transaction with
//! its audit entry and outbox row (entity `plan`, the plan's id), and
//! takes an [`Editing`] (the policy's leave) or, to create, the actor. A
//! save that changes nothing writes nothing. A plan's steps, milestones
//! and indicators share one path, [`PlanItem`]; every change ends in
//! [`commit_change`].

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction,
    EntityTrait, IntoActiveModel, ModelTrait, PrimaryKeyTrait, QueryFilter, QueryOrder, SqlErr,
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

/// Finish a change to plan `plan_id`: its `updated_at`, its audit entry
/// and outbox row, written in the change's transaction, which is then
/// committed.
async fn commit_change(
    tx: DatabaseTransaction,
    origin: &Origin,
    plan_id: i32,
    action: &str,
    detail: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), PlanError> {
    let p = plan::Entity::find_by_id(plan_id)
        .one(&tx)
        .await?
        .ok_or(PlanError::NotFound)?;
    let mut m = p.into_active_model();
    m.updated_at = Set(now);
    m.update(&tx).await?;
    audit::record(&tx, origin, action, "plan", plan_id, detail, now).await?;
    outbox::record(&tx, "plan", plan_id, Op::Updated).await?;
    tx.commit().await?;
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
    commit_change(
        tx,
        origin,
        editing.plan_id,
        "plan-illustrative",
        Some(format!("illustrative: {illustrative}")),
        now,
    )
    .await
}

/// One kind of item a plan lists: a step, a milestone or an indicator.
/// Every kind is added, changed and deleted along the same path ([`add`],
/// [`update`], [`delete`]): in one transaction, the row checked to be the
/// edited plan's, the text written in one language merged into the row
/// read in that transaction, the plan's audit entry and outbox row written
/// with the change. A kind says here only what differs: its input, its
/// audit actions and fields, and how an input is written into its row.
///
/// Implemented on the item's entity (`step::Entity`, …), whose primary key
/// is an `i32` id.
trait PlanItem:
    EntityTrait<
        Model: IntoActiveModel<Self::ActiveModel> + Sync,
        ActiveModel: Send,
        PrimaryKey: PrimaryKeyTrait<ValueType = i32>,
    >
{
    /// What its form parses into.
    type Input: Send;
    /// Its audit actions.
    const ADDED: &'static str;
    const CHANGED: &'static str;
    const DELETED: &'static str;
    /// The column holding the id of its plan.
    const PLAN: Self::Column;

    /// A stored row's id.
    fn id(row: &Self::Model) -> i32;
    /// A stored row as an input, to compare a submitted one with.
    fn input_of(row: &Self::Model) -> Self::Input;
    /// An input as its audit entry names it.
    fn fields(input: &Self::Input) -> Fields;
    /// Its translatable text: only the language written is taken of a
    /// submitted one, the others are kept as stored.
    fn text(input: &mut Self::Input) -> &mut TrText;
    /// Write an input into a row.
    fn set(m: &mut Self::ActiveModel, input: Self::Input);
    /// Refuse an input that parsed but cannot be stored (before any write).
    fn check(_input: &Self::Input) -> Result<(), PlanError> {
        Ok(())
    }
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

impl PlanItem for step::Entity {
    type Input = StepInput;
    const ADDED: &'static str = "plan-step-added";
    const CHANGED: &'static str = "plan-step-changed";
    const DELETED: &'static str = "plan-step-deleted";
    const PLAN: step::Column = step::Column::PlanId;

    fn id(row: &step::Model) -> i32 {
        row.id
    }

    fn input_of(s: &step::Model) -> StepInput {
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

    fn fields(s: &StepInput) -> Fields {
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

    fn text(s: &mut StepInput) -> &mut TrText {
        &mut s.title
    }

    fn set(m: &mut step::ActiveModel, s: StepInput) {
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
}

impl PlanItem for milestone::Entity {
    type Input = MilestoneInput;
    const ADDED: &'static str = "plan-milestone-added";
    const CHANGED: &'static str = "plan-milestone-changed";
    const DELETED: &'static str = "plan-milestone-deleted";
    const PLAN: milestone::Column = milestone::Column::PlanId;

    fn id(row: &milestone::Model) -> i32 {
        row.id
    }

    fn input_of(m: &milestone::Model) -> MilestoneInput {
        MilestoneInput {
            title: m.title.clone(),
            due_on: m.due_on,
            reached_on: m.reached_on,
        }
    }

    fn fields(m: &MilestoneInput) -> Fields {
        let mut f = Fields::new();
        f.text("title", Some(&m.title))
            .put("due_on", m.due_on)
            .put("reached_on", day(&m.reached_on));
        f
    }

    fn text(m: &mut MilestoneInput) -> &mut TrText {
        &mut m.title
    }

    fn set(m: &mut milestone::ActiveModel, input: MilestoneInput) {
        m.title = Set(input.title);
        m.due_on = Set(input.due_on);
        m.reached_on = Set(input.reached_on);
    }
}

impl PlanItem for indicator::Entity {
    type Input = IndicatorInput;
    const ADDED: &'static str = "plan-indicator-added";
    const CHANGED: &'static str = "plan-indicator-changed";
    const DELETED: &'static str = "plan-indicator-deleted";
    const PLAN: indicator::Column = indicator::Column::PlanId;

    fn id(row: &indicator::Model) -> i32 {
        row.id
    }

    fn input_of(i: &indicator::Model) -> IndicatorInput {
        IndicatorInput {
            name: i.name.clone(),
            unit: i.unit.clone(),
            baseline_value: i.baseline_value,
            baseline_on: i.baseline_on,
            target_value: i.target_value,
            target_on: i.target_on,
        }
    }

    fn fields(i: &IndicatorInput) -> Fields {
        let mut f = Fields::new();
        f.text("name", Some(&i.name))
            .put("unit", &i.unit)
            .put("baseline_value", i.baseline_value)
            .put("baseline_on", i.baseline_on)
            .put("target_value", i.target_value)
            .put("target_on", i.target_on);
        f
    }

    fn text(i: &mut IndicatorInput) -> &mut TrText {
        &mut i.name
    }

    fn set(m: &mut indicator::ActiveModel, i: IndicatorInput) {
        m.name = Set(i.name);
        m.unit = Set(i.unit);
        m.baseline_value = Set(i.baseline_value);
        m.baseline_on = Set(i.baseline_on);
        m.target_value = Set(i.target_value);
        m.target_on = Set(i.target_on);
    }

    /// An indicator whose target is its baseline measures no progress.
    fn check(i: &IndicatorInput) -> Result<(), PlanError> {
        if i.baseline_value == i.target_value {
            return Err(PlanError::bad(
                "target_value",
                "plan-error-target-equals-baseline",
            ));
        }
        Ok(())
    }
}

/// The plan's item `id` of kind `T` (not found if it belongs to another
/// plan).
async fn own<T: PlanItem>(
    tx: &DatabaseTransaction,
    e: &Editing,
    id: i32,
) -> Result<T::Model, PlanError> {
    T::find_by_id(id)
        .filter(T::PLAN.eq(e.plan_id))
        .one(tx)
        .await?
        .ok_or(PlanError::NotFound)
}

/// Add an item of kind `T` to the plan; its id.
async fn add<T: PlanItem>(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    input: T::Input,
    now: DateTime<Utc>,
) -> Result<i32, PlanError> {
    T::check(&input)?;
    let tx = db.begin_write().await?;
    let detail = Fields::new().changes(&T::fields(&input));
    let mut m = <T::ActiveModel as ActiveModelTrait>::default();
    m.set(T::PLAN, editing.plan_id.into());
    T::set(&mut m, input);
    let row = m.insert(&tx).await?;
    commit_change(tx, origin, editing.plan_id, T::ADDED, detail, now).await?;
    Ok(T::id(&row))
}

/// Change the plan's item `id` of kind `T`, written in `lang`: its text
/// is merged into the row read in this transaction, so that a translation
/// saved meanwhile in another language is kept. A change that changes
/// nothing writes nothing.
async fn update<T: PlanItem>(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    id: i32,
    mut input: T::Input,
    lang: Locale,
    now: DateTime<Utc>,
) -> Result<(), PlanError> {
    T::check(&input)?;
    let tx = db.begin_write().await?;
    let row = own::<T>(&tx, editing, id).await?;
    let mut stored = T::input_of(&row);
    merge(T::text(&mut input), T::text(&mut stored), lang);
    let Some(detail) = T::fields(&stored).changes(&T::fields(&input)) else {
        return Ok(());
    };
    let mut m = row.into_active_model();
    T::set(&mut m, input);
    m.update(&tx).await?;
    commit_change(tx, origin, editing.plan_id, T::CHANGED, Some(detail), now).await
}

/// Delete the plan's item `id` of kind `T`.
async fn delete<T: PlanItem>(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), PlanError> {
    let tx = db.begin_write().await?;
    let row = own::<T>(&tx, editing, id).await?;
    let detail = T::fields(&T::input_of(&row)).changes(&Fields::new());
    row.delete(&tx).await?;
    commit_change(tx, origin, editing.plan_id, T::DELETED, detail, now).await
}

/// Keep of the `submitted` text only its `lang` value (emptied: removed,
/// unless it is the original); its other languages become the `stored`
/// ones.
fn merge(submitted: &mut TrText, stored: &TrText, lang: Locale) {
    let mut t = stored.clone();
    t.set(lang, submitted.get(lang).unwrap_or_default());
    *submitted = t;
}

pub async fn add_step(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    input: StepInput,
    now: DateTime<Utc>,
) -> Result<i32, PlanError> {
    add::<step::Entity>(db, origin, editing, input, now).await
}

/// Change the plan's step `id`, written in `lang` (see [`update`]).
pub async fn update_step(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    id: i32,
    input: StepInput,
    lang: Locale,
    now: DateTime<Utc>,
) -> Result<(), PlanError> {
    update::<step::Entity>(db, origin, editing, id, input, lang, now).await
}

pub async fn delete_step(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), PlanError> {
    delete::<step::Entity>(db, origin, editing, id, now).await
}

pub async fn add_milestone(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    input: MilestoneInput,
    now: DateTime<Utc>,
) -> Result<i32, PlanError> {
    add::<milestone::Entity>(db, origin, editing, input, now).await
}

/// Change the plan's milestone `id`, written in `lang` (see [`update`]).
pub async fn update_milestone(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    id: i32,
    input: MilestoneInput,
    lang: Locale,
    now: DateTime<Utc>,
) -> Result<(), PlanError> {
    update::<milestone::Entity>(db, origin, editing, id, input, lang, now).await
}

pub async fn delete_milestone(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), PlanError> {
    delete::<milestone::Entity>(db, origin, editing, id, now).await
}

pub async fn add_indicator(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    input: IndicatorInput,
    now: DateTime<Utc>,
) -> Result<i32, PlanError> {
    add::<indicator::Entity>(db, origin, editing, input, now).await
}

/// Change the plan's indicator `id`, written in `lang` (see [`update`]).
pub async fn update_indicator(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    id: i32,
    input: IndicatorInput,
    lang: Locale,
    now: DateTime<Utc>,
) -> Result<(), PlanError> {
    update::<indicator::Entity>(db, origin, editing, id, input, lang, now).await
}

pub async fn delete_indicator(
    db: &impl Writer,
    origin: &Origin,
    editing: &Editing,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), PlanError> {
    delete::<indicator::Entity>(db, origin, editing, id, now).await
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
    own::<indicator::Entity>(&tx, editing, indicator_id).await?;
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
    commit_change(
        tx,
        origin,
        editing.plan_id,
        "plan-measured",
        Some(detail),
        now,
    )
    .await?;
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
    own::<indicator::Entity>(&tx, editing, row.indicator_id).await?;
    let detail = format!(
        "indicator {}: {} = {} ({})",
        row.indicator_id, row.measured_on, row.value, row.source
    );
    row.delete(&tx).await?;
    let action = "plan-measurement-deleted";
    commit_change(tx, origin, editing.plan_id, action, Some(detail), now).await
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
    commit_change(
        tx,
        origin,
        editing.plan_id,
        "plan-event-attached",
        Some(format!("event: {event_id}")),
        now,
    )
    .await
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
    commit_change(
        tx,
        origin,
        editing.plan_id,
        "plan-event-detached",
        Some(format!("event: {event_id}")),
        now,
    )
    .await
}
