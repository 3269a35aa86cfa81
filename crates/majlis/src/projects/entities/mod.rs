//! Storage records of project ideas.

pub mod followup;
pub mod partner;
pub mod partner_step;
pub mod project;
pub mod project_theme;
pub mod version;
