//! Storage records of the member directory.

pub mod contact;
pub mod country;
pub mod municipality;
pub mod municipality_theme;
pub mod organisation;
pub mod organisation_theme;
pub mod theme;
