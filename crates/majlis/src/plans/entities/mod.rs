//! Storage records of action plans.

pub mod indicator;
pub mod measurement;
pub mod milestone;
pub mod plan;
pub mod plan_event;
pub mod step;
