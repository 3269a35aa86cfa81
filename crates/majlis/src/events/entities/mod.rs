//! Storage records of events.

pub mod calendar_feed;
pub mod event;
pub mod event_material;
pub mod event_organisation;
pub mod event_practice;
pub mod event_series;
pub mod event_session;
pub mod event_theme;
pub mod registration;
pub mod session_person;
