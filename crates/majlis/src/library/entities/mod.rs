//! Storage records of the library.

pub mod compendium;
pub mod compendium_chapter;
pub mod compendium_entry;
pub mod file_object;
pub mod file_owner;
pub mod picture;
pub mod practice;
pub mod practice_attachment;
pub mod practice_resource;
pub mod practice_review;
pub mod practice_theme;
pub mod practice_version;
pub mod resource;
pub mod resource_country;
pub mod resource_organisation;
pub mod resource_theme;
pub mod resource_version;
