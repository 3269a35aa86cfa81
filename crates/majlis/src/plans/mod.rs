//! Action plans, reusable by any activity above them (a project's plan;
//! later a municipality's cohesion plan): steps with who carries them,
//! dates, status, percent done and weight; milestones; indicators with a
//! baseline, a target and measurements over time; follow-up events.
//!
//! Plans know no owner: a plan stores its owner's kind and id, and the
//! activity that owns it registers, at the top, how to describe its owners
//! ([`owners`]): title, page, whether the reader may see it and which
//! municipalities edit it.
//!
//! **Progress** rolls up from the steps, weighted ([`progress::roll_up`]):
//! a done step counts 100 % whatever percent it shows, a step not started
//! 0 %, a step in progress its percent; cancelled steps are left out
//! (neither done nor owed), and so are steps of weight 0. With no weight
//! left (no steps, all cancelled or all of weight 0) a plan has no
//! progress figure. **Attainment** of an indicator is (latest − baseline)
//! / (target − baseline), clamped to 0–100 % (so it reads right when the
//! target is below the baseline); without a measurement it is "not
//! measured yet" ([`progress::attainment`]).
//!
//! - `entities/`: storage records;
//! - `error.rs`: what the rules refuse (`PlanError`), free of HTTP;
//! - `owners.rs`: the owner registry;
//! - `progress.rs`: roll-up and attainment, pure;
//! - `rules/`: reading a plan (`read.rs`), changing it (`write.rs`), form
//!   parsing into typed inputs (`input.rs`);
//! - `municipality.rs`: the plans of a municipality, for its page;
//! - `routes/`: `/plans/…`; `templates/` beside.

pub mod entities;
pub mod error;
pub mod municipality;
pub mod owners;
pub mod progress;
pub mod routes;
pub mod rules;

coded_enum! {
    /// The kind of thing a plan belongs to: a project idea, or a
    /// municipality's cohesion indicator (`cohesion_plan`).
    OwnerKind {
        Project => "project",
        Cohesion => "cohesion",
    }
}

/// The owner kind of a plan that lost its owner to an older plan of the
/// same owner (migration `m20261205_000019_plan_owners`): no activity
/// describes it and [`OwnerKind`] does not parse it, so such a plan is
/// read as one whose owner nobody describes ([`owners::OwnerFacts::orphan`]:
/// members read it, staff and its municipality's focal points edit it).
pub const ORPHAN_KIND: &str = "orphan";

/// What a plan belongs to: a kind and an id in that kind's activity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Owner {
    pub kind: OwnerKind,
    pub id: i32,
}

coded_enum! {
    /// Where a step is.
    StepStatus {
        NotStarted => "not-started",
        InProgress => "in-progress",
        Done => "done",
        Cancelled => "cancelled",
    }
}

impl StepStatus {
    pub fn label_id(self) -> String {
        format!("plan-status-{}", self.code())
    }
}
