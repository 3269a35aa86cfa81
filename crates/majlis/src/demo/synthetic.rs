//! Synthetic outcomes at scale, for benchmarks and tests (not part of the
//! demo's facts): public project ideas led by one municipality and born at
//! one event, each with an accepted partnership and an action plan (four
//! weighted steps, two milestones, an indicator with three measurements),
//! written through the real rules as their people would write them.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter};

use super::DemoError;
use crate::accounts::{Email, Password, affiliation};
use crate::audit::Origin;
use crate::db::Db;
use crate::directory::entities::{municipality, theme};
use crate::events::entities::event;
use crate::fields::form::RawForm;
use crate::i18n::{Locale, TrText};
use crate::plans::rules::{
    self as plans, IndicatorInput, MeasurementInput, MilestoneInput, StepInput,
};
use crate::plans::{Owner, OwnerKind, StepStatus};
use crate::policy::{Actor, Role};
use crate::projects::entities::project;
use crate::projects::rules::save::{self, Known};

/// What to make.
#[derive(Clone, Debug)]
pub struct Outcomes {
    /// How many ideas, each with its partnership and plan.
    pub ideas: usize,
    /// The lead municipality (slug).
    pub municipality: String,
    /// The event the ideas come from (slug).
    pub event: String,
    /// The partner municipality (slug).
    pub partner: String,
    /// Tells this run's people apart from an earlier run's (emails).
    pub run: String,
}

fn bad(what: impl std::fmt::Display) -> DemoError {
    DemoError::Invalid(what.to_string())
}

async fn municipality_id(db: &Db, slug: &str) -> Result<i32, DemoError> {
    Ok(municipality::Entity::find()
        .filter(municipality::Column::Slug.eq(slug))
        .one(db.read())
        .await?
        .ok_or_else(|| bad(format!("no municipality {slug}")))?
        .id)
}

/// A member who is a focal point of `municipality`.
async fn focal_point(
    db: &Db,
    email: &str,
    municipality: i32,
    now: DateTime<Utc>,
) -> Result<Actor, DemoError> {
    let p = crate::accounts::people::create(
        db,
        &Email::parse(email).map_err(|_| bad(format!("email {email}")))?,
        email,
        Role::Member,
        Locale::En,
        &Password::parse("a long synthetic password 2026".into()).map_err(|_| bad("password"))?,
        now,
    )
    .await
    .map_err(bad)?;
    let tx = db.begin_write().await?;
    affiliation::ActiveModel {
        person_id: Set(p.id),
        municipality_id: Set(Some(municipality)),
        organisation_id: Set(None),
        position: Set(None),
        focal_point: Set(true),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    tx.commit().await?;
    Ok(Actor::with_role(p.id, Role::Member, vec![municipality]))
}

fn day(y: i32, m: u32, d: u32) -> Result<NaiveDate, DemoError> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| bad("day"))
}

/// Make `spec.ideas` ideas with their plans; returns the plans' ids.
pub async fn outcomes(
    db: &Db,
    owners: &crate::plans::owners::Owners,
    spec: &Outcomes,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<Vec<i32>, DemoError> {
    let lead_id = municipality_id(db, &spec.municipality).await?;
    let partner_id = municipality_id(db, &spec.partner).await?;
    if lead_id == partner_id {
        return Err(bad("the partner must differ from the lead"));
    }
    let workshop = event::Entity::find()
        .filter(event::Column::Slug.eq(&spec.event))
        .one(db.read())
        .await?
        .ok_or_else(|| bad(format!("no event {}", spec.event)))?;
    let themes: Vec<i32> = theme::Entity::find()
        .all(db.read())
        .await?
        .into_iter()
        .map(|t| t.id)
        .collect();
    if themes.is_empty() {
        return Err(bad("no themes"));
    }
    let lead = focal_point(
        db,
        &format!("synthetic-lead-{}@example.org", spec.run),
        lead_id,
        now,
    )
    .await?;
    let partner = focal_point(
        db,
        &format!("synthetic-partner-{}@example.org", spec.run),
        partner_id,
        now,
    )
    .await?;
    let origin = |a: &Actor| Origin {
        actor_id: Some(a.person_id),
        ip: "127.0.0.1".into(),
    };
    let known = Known {
        themes: &themes,
        countries: &[],
        municipalities: &[lead_id],
        events: &[workshop.id],
        dilemmas: &[],
    };
    let mut plan_ids = Vec::with_capacity(spec.ideas);
    for n in 1..=spec.ideas {
        let title = format!("Idea {n} of {}: evening classes in district {n}", spec.run);
        let raw = RawForm(vec![
            ("title".into(), title.clone()),
            (
                "problem".into(),
                format!("District {n} has no evening classes for working parents."),
            ),
            ("theme".into(), themes[n % themes.len()].to_string()),
            ("lead".into(), lead_id.to_string()),
            ("event".into(), workshop.id.to_string()),
            ("visibility".into(), "public".into()),
        ]);
        let input = save::parse(&raw, Locale::En, None, &known)
            .map_err(|e| bad(format!("idea {n} refused: {e:?}")))?;
        let slug = save::save(db, &origin(&lead), &lead, None, input, now)
            .await
            .map_err(bad)?;
        let p = project::Entity::find()
            .filter(project::Column::Slug.eq(&slug))
            .one(db.read())
            .await?
            .ok_or_else(|| bad("the idea just saved"))?;
        crate::projects::rules::partners::invite(
            db,
            &origin(&lead),
            &lead,
            p.id,
            &spec.partner,
            public_url,
            now,
        )
        .await
        .map_err(bad)?;
        crate::projects::rules::partners::answer(
            db,
            &origin(&partner),
            &partner,
            p.id,
            &spec.partner,
            true,
            public_url,
            now,
        )
        .await
        .map_err(bad)?;
        let plan_id = plans::create(
            db,
            owners,
            &origin(&lead),
            &lead,
            plans::NewPlan {
                owner: Owner {
                    kind: OwnerKind::Project,
                    id: p.id,
                },
                municipality: Some(lead_id),
                title: Some(TrText::new(Locale::En, format!("Plan of {title}")).map_err(bad)?),
            },
            now,
        )
        .await
        .map_err(bad)?;
        let (_, editing) = plans::editable(db.read(), owners, &lead, plan_id)
            .await
            .map_err(bad)?;
        for (k, (status, percent, weight)) in [
            (StepStatus::Done, 100, 2),
            (StepStatus::InProgress, (n * 7 % 100) as u8, 3),
            (StepStatus::NotStarted, 0, 1),
            (StepStatus::Cancelled, 0, 1),
        ]
        .into_iter()
        .enumerate()
        {
            let k = k as u32;
            plans::add_step(
                db,
                &origin(&lead),
                &editing,
                StepInput {
                    title: TrText::new(Locale::En, format!("Step {} of idea {n}", k + 1))
                        .map_err(bad)?,
                    owner_text: Some("Adult education centre".into()),
                    owner_municipality_id: None,
                    starts_on: Some(day(2019, 3 + k, 1)?),
                    due_on: Some(day(2019, 6 + k, 30)?),
                    status,
                    percent,
                    weight,
                },
                now,
            )
            .await
            .map_err(bad)?;
        }
        for (k, reached) in [true, false].into_iter().enumerate() {
            let due = day(2019, 6 + 3 * k as u32, 1)?;
            plans::add_milestone(
                db,
                &origin(&lead),
                &editing,
                MilestoneInput {
                    title: TrText::new(Locale::En, format!("Milestone {} of idea {n}", k + 1))
                        .map_err(bad)?,
                    due_on: due,
                    reached_on: reached.then_some(due),
                },
                now,
            )
            .await
            .map_err(bad)?;
        }
        let indicator = plans::add_indicator(
            db,
            &origin(&lead),
            &editing,
            IndicatorInput {
                name: TrText::new(Locale::En, "Parents attending").map_err(bad)?,
                unit: "people".into(),
                baseline_value: 10.0,
                baseline_on: day(2019, 1, 1)?,
                target_value: 100.0,
                target_on: day(2020, 12, 31)?,
            },
            now,
        )
        .await
        .map_err(bad)?;
        for k in 0..3i64 {
            plans::add_measurement(
                db,
                &origin(&lead),
                &editing,
                indicator,
                MeasurementInput {
                    measured_on: day(2019, 4, 1)? + Duration::days(90 * k),
                    value: 10.0 + 15.0 * (k + 1) as f64,
                    source: "Attendance lists".into(),
                },
                now,
            )
            .await
            .map_err(bad)?;
        }
        plan_ids.push(plan_id);
    }
    Ok(plan_ids)
}
