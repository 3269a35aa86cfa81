//! Storage records of peer consultations.

pub mod clinic;
pub mod clinic_wrapup;
pub mod contribution;
pub mod contribution_report;
pub mod dilemma;
pub mod dilemma_participant;
pub mod dilemma_theme;
